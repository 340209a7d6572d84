#include "ParsedDocument.h"

namespace Portolan::Core {

TextPosition ParsedDocument::positionOf(const QString &field) const
{
    QString path = field;
    while (!path.isEmpty()) {
        const auto it = positions.constFind(path);
        if (it != positions.constEnd()) {
            return *it;
        }
        const qsizetype cut = std::max(path.lastIndexOf(u'.'), path.lastIndexOf(u'['));
        if (cut <= 0) {
            break;
        }
        path.truncate(cut);
    }
    return start;
}

} // namespace Portolan::Core
