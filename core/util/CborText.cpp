#include "CborText.h"

namespace Portolan::Core {

namespace {

// Joins the chunks of the string at the reader's position; `read` is readString or readByteArray.
template<typename Out, typename Read>
bool readChunks(QCborStreamReader &reader, Out &out, Read read)
{
    out = Out();
    auto chunk = read(reader);
    while (chunk.status == QCborStreamReader::Ok) {
        out += chunk.data;
        chunk = read(reader);
    }
    if (chunk.status != QCborStreamReader::EndOfString) {
        out = Out();
        return false;
    }
    return true;
}

} // namespace

bool readCborText(QCborStreamReader &reader, QString &out)
{
    if (!reader.isString()) {
        out = QString();
        return false;
    }
    return readChunks(reader, out, [](QCborStreamReader &r) { return r.readString(); });
}

bool readCborBytes(QCborStreamReader &reader, QByteArray &out)
{
    if (!reader.isByteArray()) {
        out = QByteArray();
        return false;
    }
    return readChunks(reader, out, [](QCborStreamReader &r) { return r.readByteArray(); });
}

} // namespace Portolan::Core
