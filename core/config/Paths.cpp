#include "Paths.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Portolan::Core::Paths {

QString dataDir()
{
    const QString overridden = qEnvironmentVariable("PORTOLAN_DATA_DIR");
    if (!overridden.isEmpty()) {
        return overridden;
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

QString cacheFileFor(const QString &workspaceKey)
{
    return QDir(dataDir()).filePath(u"cache/"_s + workspaceKey + u".sqlite"_s);
}

} // namespace Portolan::Core::Paths
