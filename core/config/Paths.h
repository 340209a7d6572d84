#pragma once

#include <QString>

namespace Portolan::Core::Paths {

// Where Portolan keeps its data: $PORTOLAN_DATA_DIR when set (tests, portable use), else the platform's
// application data folder (~/.local/share/Portolan on Linux).
[[nodiscard]] QString dataDir();
[[nodiscard]] QString cacheFileFor(const QString &workspaceKey);

} // namespace Portolan::Core::Paths
