#pragma once

#include <QString>

namespace Portolan::Core::Paths {

// Where Portolan keeps its data: $PORTOLAN_DATA_DIR when set (tests, portable use), else the platform's
// application data folder, which Qt names after the organisation and the application: ~/.local/share/Portolan/Portolan
// for the window, ~/.local/share/Portolan/portolan-cli for the CLI on Linux.
[[nodiscard]] QString dataDir();
[[nodiscard]] QString cacheFileFor(const QString &workspaceKey);

} // namespace Portolan::Core::Paths
