#include "UrlText.h"

namespace Portolan::Core {

QString baseUrlText(const QString &configured)
{
    QString url = configured.trimmed();
    while (url.endsWith(u'/')) {
        url.chop(1);
    }
    return url;
}

} // namespace Portolan::Core
