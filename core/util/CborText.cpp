#include "CborText.h"

namespace Portolan::Core {

bool readCborText(QCborStreamReader &reader, QString &out)
{
    out = QString();
    if (!reader.isString()) {
        return false;
    }
    auto chunk = reader.readString();
    while (chunk.status == QCborStreamReader::Ok) {
        out += chunk.data;
        chunk = reader.readString();
    }
    if (chunk.status != QCborStreamReader::EndOfString) {
        out = QString();
        return false;
    }
    return true;
}

} // namespace Portolan::Core
