#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QCborValue>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <utility>

namespace Portolan::Core {

// A CBOR map kept as its encoded bytes: one block of memory where a QCborMap holds a tree of them. An entity's spec
// is one. At 100k entities the decoded spec maps took 1.1 KB per entity, a third of all the memory the catalog
// held beyond the descriptors' text; the bytes take about 200 B. Fields are found by walking the bytes: a spec
// has a dozen fields, and the walk reads only their heads, so a lookup costs about as much as in the map.
//
// The bytes are always definite-length CBOR (what QCborValue::toCbor writes); fromCbor re-encodes anything else.
// An empty map holds no bytes at all.
class PackedMap
{
public:
    PackedMap() = default;
    // Implicit, so that `entity.spec = map` reads as it did when the spec was a QCborMap.
    PackedMap(const QCborMap &map); // NOLINT(google-explicit-constructor)
    // Bytes holding one CBOR map; anything else gives an empty map.
    [[nodiscard]] static PackedMap fromCbor(const QByteArray &cbor);
    // A map of text fields in the given order, empty values left out (the cached list's few spec fields).
    [[nodiscard]] static PackedMap fromStrings(std::initializer_list<std::pair<QLatin1StringView, QString>> fields);

    [[nodiscard]] bool isEmpty() const { return m_cbor.isEmpty(); }
    [[nodiscard]] qsizetype size() const;
    [[nodiscard]] bool contains(QLatin1StringView key) const;
    // The value at `key`, undefined when there is none (as QCborMap::value).
    [[nodiscard]] QCborValue value(QLatin1StringView key) const;
    [[nodiscard]] QCborValue value(const QString &key) const;
    // The text at `key`; a null string when there is none or it is not text.
    [[nodiscard]] QString string(QLatin1StringView key) const;
    // The text at `field` of the map at `key` (a user's profile.email), read without decoding that map.
    [[nodiscard]] QString string(QLatin1StringView key, QLatin1StringView field) const;
    // The text at `key` as a list of one, or the text items of the array there (others skipped). `isArray`, when
    // given, says which it was; an absent key or another type gives an empty list and false.
    [[nodiscard]] QStringList strings(QLatin1StringView key, bool *isArray = nullptr) const;

    [[nodiscard]] QCborMap toMap() const;
    [[nodiscard]] const QByteArray &cbor() const { return m_cbor; }

    // Re-encodes the whole map: for building a map in tests and tools, not for loops over a catalog.
    void insert(const QString &key, const QCborValue &value);

    friend bool operator==(const PackedMap &a, const PackedMap &b) { return a.toMap() == b.toMap(); }
    friend bool operator!=(const PackedMap &a, const PackedMap &b) { return !(a == b); }

private:
    // The start and end of the value at `key` of the map at offset `at` of m_cbor, or {-1, -1}.
    [[nodiscard]] std::pair<qsizetype, qsizetype> find(QByteArrayView keyUtf8, qsizetype at = 0) const;
    // The value between the offsets find() returned; undefined for {-1, -1}.
    [[nodiscard]] QCborValue decoded(std::pair<qsizetype, qsizetype> range) const;

    QByteArray m_cbor;
};

} // namespace Portolan::Core
