#include "PackedList.h"

namespace Portolan::Core::PackedBytes {

void appendField(QByteArray &out, const QByteArray &utf8)
{
    auto value = quint64(utf8.size());
    do {
        char byte = char(value & 0x7f);
        value >>= 7;
        if (value != 0) {
            byte = char(byte | 0x80);
        }
        out.append(byte);
    } while (value != 0);
    out.append(utf8);
}

qsizetype fieldSize(qsizetype bytes)
{
    qsizetype n = 1;
    for (auto value = quint64(bytes) >> 7; value != 0; value >>= 7) {
        ++n;
    }
    return n + bytes;
}

bool readField(const QByteArray &data, qsizetype &at, const char **bytes, qsizetype *length)
{
    quint64 value = 0;
    int shift = 0;
    while (at < data.size() && shift < 64) {
        const auto byte = quint8(data[at++]);
        value |= quint64(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0) {
            if (value > quint64(data.size() - at)) {
                break;
            }
            *bytes = data.constData() + at;
            *length = qsizetype(value);
            at += qsizetype(value);
            return true;
        }
        shift += 7;
    }
    at = data.size();
    return false;
}

} // namespace Portolan::Core::PackedBytes
