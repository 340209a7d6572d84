#include "CborText.h"

#include <QVarLengthArray>

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
    if (reader.isLengthKnown()) {
        // One chunk, as QCborStreamWriter writes it: decoded from its UTF-8 into a string of the exact size.
        // readString() grows its result as it reads, and at 100k entities that slack was a fifth of the memory
        // an entity's texts took.
        const qsizetype size = reader.currentStringChunkSize();
        QVarLengthArray<char, 512> utf8(size);
        const QCborStreamReader::StringResult<qsizetype> chunk = reader.readStringChunk(utf8.data(), size);
        if (chunk.status != QCborStreamReader::Ok || chunk.data != size
            || reader.readStringChunk(nullptr, 0).status != QCborStreamReader::EndOfString) {
            out = QString();
            return false;
        }
        out = QString::fromUtf8(utf8.data(), size);
        return true;
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
