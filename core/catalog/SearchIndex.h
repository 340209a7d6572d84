#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace Portolan::Core {

// Substring search over each entity's name, title, description, tags, owner and annotations. The text of all
// entities is kept lower-cased in one contiguous UTF-8 buffer, so a query is a handful of memchr/memmem
// passes over memory rather than a walk over objects. Every whitespace-separated term must match.
class SearchIndex final
{
public:
    void reserve(std::size_t entities, std::size_t bytes);
    void add(const QString &text); // in entity order
    // The lower-cased UTF-8 form add() stores; callers can make it on other threads and then addNormalised().
    [[nodiscard]] static QByteArray normalise(const QString &text);
    void addNormalised(const QByteArray &normalised);
    void finish();

    // Sets match[i] = match[i] && entity i contains every term. `match` has one byte per entity.
    void filter(const QString &query, std::vector<std::uint8_t> &match) const;
    [[nodiscard]] std::size_t memoryBytes() const;
    [[nodiscard]] int size() const { return int(m_offsets.empty() ? 0 : m_offsets.size() - 1); }

    [[nodiscard]] static QStringList terms(const QString &query);

private:
    QByteArray m_text; // entity texts, each followed by '\n'
    std::vector<quint32> m_offsets; // start of each entity's text; one extra at the end
};

} // namespace Portolan::Core
