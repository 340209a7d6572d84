#include "PackedMap.h"

#include <QCborArray>
#include <QVarLengthArray>

#include <algorithm>

#include <cstring>

namespace Portolan::Core {

namespace {

// CBOR's major types (RFC 8949, 3.1).
enum Major : quint8 {
    Unsigned = 0,
    Negative = 1,
    Bytes = 2,
    Text = 3,
    Array = 4,
    Map = 5,
    Tag = 6,
    Simple = 7,
};

// Deeper nesting than this is not walked (a spec is a few levels deep; this only keeps damaged bytes from
// recursing without end).
constexpr int maxDepth = 256;

struct Head
{
    quint8 major = 0;
    quint64 argument = 0; // the count, length or value the head carries
    qsizetype end = -1; // the offset just past the head
};

// The head at `at`: false for an indefinite length, a break or bytes cut short.
bool readHead(QByteArrayView bytes, qsizetype at, Head &head)
{
    if (at >= bytes.size()) {
        return false;
    }
    const auto first = quint8(bytes[at]);
    head.major = first >> 5;
    const quint8 info = first & 0x1f;
    ++at;
    if (info < 24) {
        head.argument = info;
        head.end = at;
        return true;
    }
    if (info > 27) { // 28-30 are reserved, 31 is an indefinite length or a break
        return false;
    }
    const qsizetype width = qsizetype(1) << (info - 24);
    if (bytes.size() - at < width) {
        return false;
    }
    quint64 value = 0;
    for (qsizetype i = 0; i < width; ++i) {
        value = (value << 8) | quint8(bytes[at + i]);
    }
    head.argument = value;
    head.end = at + width;
    return true;
}

// The offset just past the whole item at `at` (its contents included), or -1.
qsizetype skipItem(QByteArrayView bytes, qsizetype at, int depth = 0)
{
    Head head;
    if (depth > maxDepth || !readHead(bytes, at, head)) {
        return -1;
    }
    switch (head.major) {
    case Unsigned:
    case Negative:
    case Simple: // the head is the whole item: a simple value or a float's bits
        return head.end;
    case Bytes:
    case Text:
        return head.argument <= quint64(bytes.size() - head.end) ? head.end + qsizetype(head.argument) : -1;
    case Tag:
        return skipItem(bytes, head.end, depth + 1);
    case Array:
    case Map: {
        const quint64 items = head.major == Map ? head.argument * 2 : head.argument;
        if (head.argument > quint64(bytes.size()) || items > quint64(bytes.size())) { // each item takes a byte
            return -1;
        }
        qsizetype next = head.end;
        for (quint64 i = 0; i < items && next >= 0; ++i) {
            next = skipItem(bytes, next, depth + 1);
        }
        return next;
    }
    default:
        return -1;
    }
}

// The text item at `at` as a view of its UTF-8 bytes; false when it is not a definite-length text.
bool textAt(QByteArrayView bytes, qsizetype at, QByteArrayView &text)
{
    Head head;
    if (!readHead(bytes, at, head) || head.major != Text || head.argument > quint64(bytes.size() - head.end)) {
        return false;
    }
    text = bytes.sliced(head.end, qsizetype(head.argument));
    return true;
}

void appendHead(QByteArray &out, quint8 major, quint64 argument)
{
    const auto type = char(major << 5);
    if (argument < 24) {
        out.append(char(type | char(argument)));
        return;
    }
    const int width = argument <= 0xff ? 1 : argument <= 0xffff ? 2 : argument <= 0xffffffffU ? 4 : 8;
    out.append(char(type | char(24 + (width == 1 ? 0 : width == 2 ? 1 : width == 4 ? 2 : 3))));
    for (int i = width - 1; i >= 0; --i) {
        out.append(char((argument >> (8 * i)) & 0xff));
    }
}

void appendText(QByteArray &out, QByteArrayView utf8)
{
    appendHead(out, Text, quint64(utf8.size()));
    out.append(utf8);
}

bool isAscii(QLatin1StringView s)
{
    for (const char c : s) {
        if (uchar(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

QByteArray keyBytes(QLatin1StringView key)
{
    return isAscii(key) ? QByteArray::fromRawData(key.data(), key.size()) : QString(key).toUtf8();
}

} // namespace

PackedMap::PackedMap(const QCborMap &map)
{
    if (!map.isEmpty()) {
        m_cbor = QCborValue(map).toCbor();
        m_cbor.squeeze(); // toCbor() grows its buffer as it writes
    }
}

PackedMap PackedMap::fromCbor(const QByteArray &cbor)
{
    PackedMap packed;
    Head head;
    if (readHead(cbor, 0, head) && head.major == Map && skipItem(cbor, 0) == cbor.size()) {
        if (head.argument > 0) {
            packed.m_cbor = cbor;
        }
        return packed;
    }
    // Indefinite lengths: QCborValue reads them and writes them back in the definite form. Damaged bytes give an
    // empty map rather than part of one.
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(cbor, &error);
    return value.isMap() && error.error == QCborError::NoError ? PackedMap(value.toMap()) : packed;
}

PackedMap PackedMap::fromStrings(std::initializer_list<std::pair<QLatin1StringView, QString>> fields)
{
    QVarLengthArray<QByteArray, 8> values;
    qsizetype bytes = 9; // the longest map head
    for (const auto &[key, value] : fields) {
        values.append(value.toUtf8());
        bytes += value.isEmpty() ? 0 : 18 + key.size() + values.back().size();
    }
    PackedMap packed;
    if (bytes == 9) {
        return packed;
    }
    packed.m_cbor.reserve(bytes); // one block, no growing
    appendHead(packed.m_cbor, Map, quint64(std::count_if(values.cbegin(), values.cend(), [](const QByteArray &v) {
                   return !v.isEmpty();
               })));
    qsizetype i = 0;
    for (const auto &[key, value] : fields) {
        if (!values[i].isEmpty()) {
            appendText(packed.m_cbor, keyBytes(key));
            appendText(packed.m_cbor, values[i]);
        }
        ++i;
    }
    packed.m_cbor.squeeze();
    return packed;
}

qsizetype PackedMap::size() const
{
    Head head;
    return readHead(m_cbor, 0, head) && head.major == Map ? qsizetype(head.argument) : 0;
}

std::pair<qsizetype, qsizetype> PackedMap::find(QByteArrayView keyUtf8, qsizetype mapAt) const
{
    const QByteArrayView bytes(m_cbor);
    Head head;
    if (!readHead(bytes, mapAt, head) || head.major != Map) {
        return {-1, -1};
    }
    qsizetype at = head.end;
    for (quint64 i = 0; i < head.argument && at >= 0; ++i) {
        QByteArrayView key;
        const bool text = textAt(bytes, at, key);
        const qsizetype valueAt = skipItem(bytes, at);
        const qsizetype valueEnd = valueAt < 0 ? -1 : skipItem(bytes, valueAt);
        if (text && valueEnd >= 0 && key == keyUtf8) {
            return {valueAt, valueEnd};
        }
        at = valueEnd;
    }
    return {-1, -1};
}

bool PackedMap::contains(QLatin1StringView key) const
{
    return find(keyBytes(key)).first >= 0;
}

QCborValue PackedMap::decoded(std::pair<qsizetype, qsizetype> range) const
{
    const auto [begin, end] = range;
    if (begin < 0) {
        return QCborValue(QCborValue::Undefined);
    }
    return QCborValue::fromCbor(QByteArray::fromRawData(m_cbor.constData() + begin, end - begin));
}

QCborValue PackedMap::value(QLatin1StringView key) const
{
    return decoded(find(keyBytes(key)));
}

QCborValue PackedMap::value(const QString &key) const
{
    return decoded(find(key.toUtf8()));
}

QString PackedMap::string(QLatin1StringView key) const
{
    const auto [begin, end] = find(keyBytes(key));
    QByteArrayView text;
    if (begin < 0 || !textAt(m_cbor, begin, text)) {
        return {};
    }
    return QString::fromUtf8(text);
}

QString PackedMap::string(QLatin1StringView key, QLatin1StringView field) const
{
    const auto outer = find(keyBytes(key));
    if (outer.first < 0) {
        return {};
    }
    const auto [begin, end] = find(keyBytes(field), outer.first);
    QByteArrayView text;
    if (begin < 0 || !textAt(m_cbor, begin, text)) {
        return {};
    }
    return QString::fromUtf8(text);
}

QStringList PackedMap::strings(QLatin1StringView key, bool *isArray) const
{
    if (isArray) {
        *isArray = false;
    }
    const auto [begin, end] = find(keyBytes(key));
    if (begin < 0) {
        return {};
    }
    const QByteArrayView bytes(m_cbor);
    if (QByteArrayView text; textAt(bytes, begin, text)) {
        return {QString::fromUtf8(text)};
    }
    Head head;
    if (!readHead(bytes, begin, head) || head.major != Array) {
        return {};
    }
    if (isArray) {
        *isArray = true;
    }
    QStringList out;
    out.reserve(qsizetype(std::min<quint64>(head.argument, quint64(end - begin))));
    qsizetype at = head.end;
    for (quint64 i = 0; i < head.argument && at >= 0; ++i) {
        if (QByteArrayView text; textAt(bytes, at, text)) {
            out.append(QString::fromUtf8(text));
        }
        at = skipItem(bytes, at);
    }
    return out;
}

QCborMap PackedMap::toMap() const
{
    return m_cbor.isEmpty() ? QCborMap() : QCborValue::fromCbor(m_cbor).toMap();
}

void PackedMap::insert(const QString &key, const QCborValue &value)
{
    QCborMap map = toMap();
    map.insert(key, value);
    *this = PackedMap(map);
}

} // namespace Portolan::Core
