#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <initializer_list>
#include <iterator>

namespace Portolan::Core {

struct EntityLink
{
    QString url;
    QString title;
    QString icon;
    QString type;

    friend bool operator==(const EntityLink &, const EntityLink &) = default;
};

// An entity's links kept as one block of UTF-8: per link its url, title, icon and type, each a length and its bytes.
// As a QList<EntityLink>, two links took 530 B per entity at 100k entities (four strings of 24 B per link, and a
// block for each url); packed, about 150 B. A link is decoded when it is read, which only the entity view, the CLI
// and the scorecards' link facts do. Reads like a list of values: `for (const EntityLink &l : e.links)`.
class EntityLinks
{
public:
    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = EntityLink;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = EntityLink;

        const_iterator() = default;
        [[nodiscard]] EntityLink operator*() const;
        const_iterator &operator++();
        const_iterator operator++(int)
        {
            const_iterator before = *this;
            ++*this;
            return before;
        }
        friend bool operator==(const const_iterator &a, const const_iterator &b) { return a.m_at == b.m_at; }

    private:
        friend class EntityLinks;
        const_iterator(const QByteArray *data, qsizetype at)
            : m_data(data)
            , m_at(at)
        { }
        const QByteArray *m_data = nullptr;
        qsizetype m_at = 0;
    };
    using value_type = EntityLink;

    EntityLinks() = default;
    EntityLinks(std::initializer_list<EntityLink> links);

    [[nodiscard]] bool isEmpty() const { return m_data.isEmpty(); }
    [[nodiscard]] qsizetype size() const;
    [[nodiscard]] EntityLink at(qsizetype i) const;
    [[nodiscard]] EntityLink operator[](qsizetype i) const { return at(i); }
    [[nodiscard]] EntityLink first() const { return at(0); }
    [[nodiscard]] QList<EntityLink> toList() const;

    // Each append grows the block by exactly the link's size: an entity has a few links, and no room is left over.
    void append(const EntityLink &link);
    void clear() { m_data = QByteArray(); }

    [[nodiscard]] const_iterator begin() const { return {&m_data, 0}; }
    [[nodiscard]] const_iterator end() const { return {&m_data, m_data.size()}; }
    [[nodiscard]] const_iterator cbegin() const { return begin(); }
    [[nodiscard]] const_iterator cend() const { return end(); }

    // The bytes held, for the memory benchmark.
    [[nodiscard]] qsizetype byteSize() const { return m_data.size(); }

    friend bool operator==(const EntityLinks &a, const EntityLinks &b) { return a.m_data == b.m_data; }

private:
    QByteArray m_data;
};

} // namespace Portolan::Core
