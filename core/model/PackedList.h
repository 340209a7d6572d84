#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <type_traits>

namespace Portolan::Core {

struct EntityLink
{
    QString url;
    QString title;
    QString icon;
    QString type;

    friend bool operator==(const EntityLink &, const EntityLink &) = default;
};

struct KeyValue
{
    QString key;
    QString value;

    friend bool operator==(const KeyValue &, const KeyValue &) = default;
};

// The text fields of a record a PackedList holds, in the order they are packed. A list of plain strings (an
// entity's tags) packs each string as its one field and needs none.
template<typename Record>
struct PackedFields;

template<>
struct PackedFields<EntityLink>
{
    static constexpr std::array<QString EntityLink::*, 4> members{&EntityLink::url, &EntityLink::title,
                                                                  &EntityLink::icon, &EntityLink::type};
};

template<>
struct PackedFields<KeyValue>
{
    static constexpr std::array<QString KeyValue::*, 2> members{&KeyValue::key, &KeyValue::value};
};

namespace PackedBytes {
// Each field is its UTF-8 length (7 bits a byte, high bit: more follows) and its bytes.
void appendField(QByteArray &out, const QByteArray &utf8);
[[nodiscard]] qsizetype fieldSize(qsizetype bytes);
// Moves `at` past the field there, giving its bytes; false (and `at` at the end) when the bytes end first.
bool readField(const QByteArray &data, qsizetype &at, const char **bytes, qsizetype *length);
} // namespace PackedBytes

// A few small records of text (an entity's links, annotations, labels, tags) kept as one block of UTF-8. As QLists of
// QStrings, an entity's two links took 530 B at 100k entities (24 B for each string of each link, and a block for
// each url), its annotations and labels 260 B; packed, a third of that. A record is decoded when it is read:
// `for (const KeyValue &kv : e.annotations)` reads like a list of values, and lookups by key compare the bytes.
template<typename Record>
class PackedList
{
    static constexpr bool plainText = std::is_same_v<Record, QString>;
    static constexpr std::size_t fieldCount = []() {
        if constexpr (plainText) {
            return std::size_t(1);
        } else {
            return PackedFields<Record>::members.size();
        }
    }();
    static QString &field(Record &record, std::size_t f)
    {
        if constexpr (plainText) {
            return record;
        } else {
            return record.*PackedFields<Record>::members[f];
        }
    }
    static const QString &field(const Record &record, std::size_t f)
    {
        if constexpr (plainText) {
            return record;
        } else {
            return record.*PackedFields<Record>::members[f];
        }
    }

public:
    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = Record;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = Record;

        const_iterator() = default;
        [[nodiscard]] Record operator*() const
        {
            Record record;
            qsizetype at = m_at;
            read(*m_data, at, &record);
            return record;
        }
        const_iterator &operator++()
        {
            read(*m_data, m_at, nullptr);
            return *this;
        }
        const_iterator operator++(int)
        {
            const_iterator before = *this;
            ++*this;
            return before;
        }
        friend bool operator==(const const_iterator &a, const const_iterator &b) { return a.m_at == b.m_at; }

    private:
        friend class PackedList;
        const_iterator(const QByteArray *data, qsizetype at)
            : m_data(data)
            , m_at(at)
        { }
        const QByteArray *m_data = nullptr;
        qsizetype m_at = 0;
    };
    using value_type = Record;

    PackedList() = default;
    PackedList(std::initializer_list<Record> records) { appendAll(records); }
    // Implicit, so that a list built as a QList (a source's mapper, a test) is assigned as before.
    PackedList(const QList<Record> &records) { appendAll(records); } // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool isEmpty() const { return m_data.isEmpty(); }
    [[nodiscard]] qsizetype size() const
    {
        qsizetype n = 0;
        for (qsizetype at = 0; read(m_data, at, nullptr);) {
            ++n;
        }
        return n;
    }
    [[nodiscard]] Record at(qsizetype i) const
    {
        qsizetype at = 0;
        for (qsizetype k = 0; k < i; ++k) {
            if (!read(m_data, at, nullptr)) {
                return {};
            }
        }
        Record record;
        read(m_data, at, &record);
        return record;
    }
    [[nodiscard]] Record operator[](qsizetype i) const { return at(i); }
    [[nodiscard]] Record first() const { return at(0); }
    [[nodiscard]] QList<Record> toList() const
    {
        QList<Record> out;
        for (const Record &record : *this) {
            out.append(record);
        }
        return out;
    }

    // The second field of the first record whose first field is `key` (an annotation's value), compared as bytes;
    // a null string when there is none or it is empty.
    [[nodiscard]] QString valueOf(QStringView key) const
    {
        const QByteArray wanted = key.toUtf8();
        qsizetype at = 0;
        while (at < m_data.size()) {
            const char *bytes = nullptr;
            qsizetype length = 0;
            if (!PackedBytes::readField(m_data, at, &bytes, &length)) {
                return {};
            }
            const bool match = QByteArrayView(bytes, length) == QByteArrayView(wanted);
            for (std::size_t f = 1; f < fieldCount; ++f) {
                if (!PackedBytes::readField(m_data, at, &bytes, &length)) {
                    return {};
                }
                if (match && f == 1) {
                    // As a decoded record: an empty field is a null string (a value that was not text is stored so).
                    return length > 0 ? QString::fromUtf8(bytes, length) : QString();
                }
            }
        }
        return {};
    }
    // Whether a record's first field is one of `keys`, compared as bytes without decoding any record.
    [[nodiscard]] bool containsKey(std::initializer_list<QLatin1StringView> keys) const
    {
        qsizetype at = 0;
        while (at < m_data.size()) {
            const char *bytes = nullptr;
            qsizetype length = 0;
            if (!PackedBytes::readField(m_data, at, &bytes, &length)) {
                return false;
            }
            for (const QLatin1StringView key : keys) {
                if (QByteArrayView(bytes, length) == QByteArrayView(key.data(), key.size())) {
                    return true;
                }
            }
            for (std::size_t f = 1; f < fieldCount; ++f) {
                if (!PackedBytes::readField(m_data, at, &bytes, &length)) {
                    return false;
                }
            }
        }
        return false;
    }
    // For a list of strings: whether one is `text`, compared as bytes.
    [[nodiscard]] bool contains(QStringView text) const
    {
        static_assert(plainText);
        const QByteArray wanted = text.toUtf8();
        const char *bytes = nullptr;
        qsizetype length = 0;
        for (qsizetype at = 0; PackedBytes::readField(m_data, at, &bytes, &length);) {
            if (QByteArrayView(bytes, length) == QByteArrayView(wanted)) {
                return true;
            }
        }
        return false;
    }
    // For a list of strings: the strings joined by `separator`.
    [[nodiscard]] QString join(QStringView separator) const
    {
        static_assert(plainText);
        QString out;
        bool first = true;
        for (const QString &text : *this) {
            if (!first) {
                out += separator;
            }
            out += text;
            first = false;
        }
        return out;
    }

    // Each append grows the block by exactly the record's size: no room is left over.
    void append(const Record &record)
    {
        std::array<QByteArray, fieldCount> fields;
        qsizetype needed = 0;
        for (std::size_t f = 0; f < fieldCount; ++f) {
            fields[f] = field(record, f).toUtf8();
            needed += PackedBytes::fieldSize(fields[f].size());
        }
        QByteArray grown;
        grown.reserve(m_data.size() + needed);
        grown.append(m_data);
        for (const QByteArray &field : fields) {
            PackedBytes::appendField(grown, field);
        }
        m_data = std::move(grown);
    }
    void clear() { m_data = QByteArray(); }

    [[nodiscard]] const_iterator begin() const { return {&m_data, 0}; }
    [[nodiscard]] const_iterator end() const { return {&m_data, m_data.size()}; }
    [[nodiscard]] const_iterator cbegin() const { return begin(); }
    [[nodiscard]] const_iterator cend() const { return end(); }

    // The bytes held, for tests and the memory benchmark.
    [[nodiscard]] qsizetype byteSize() const { return m_data.size(); }

    friend bool operator==(const PackedList &a, const PackedList &b) { return a.m_data == b.m_data; }

private:
    // One block for the whole list, then trimmed to its size.
    template<typename List>
    void appendAll(const List &records)
    {
        for (const Record &record : records) {
            for (std::size_t f = 0; f < fieldCount; ++f) {
                PackedBytes::appendField(m_data, field(record, f).toUtf8());
            }
        }
        m_data.squeeze();
    }

    // Moves `at` past the record there, filling `record` when given; false at the end of the bytes.
    static bool read(const QByteArray &data, qsizetype &at, Record *record)
    {
        if (at >= data.size()) {
            return false;
        }
        for (std::size_t f = 0; f < fieldCount; ++f) {
            const char *bytes = nullptr;
            qsizetype length = 0;
            if (!PackedBytes::readField(data, at, &bytes, &length)) {
                return false;
            }
            if (record && length > 0) {
                field(*record, f) = QString::fromUtf8(bytes, length);
            }
        }
        return true;
    }

    QByteArray m_data;
};

using EntityLinks = PackedList<EntityLink>;
using KeyValues = PackedList<KeyValue>;
using PackedStrings = PackedList<QString>;

} // namespace Portolan::Core
