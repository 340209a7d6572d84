#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QString>

// PORTOLAN_APP_ID and PORTOLAN_VERSION come from CMake (the top-level CMakeLists.txt), the one place they are set.
#ifndef PORTOLAN_APP_ID
#error "PORTOLAN_APP_ID is defined by CMake"
#endif

namespace Portolan::Core::AppInfo {

// The application id used everywhere: desktop file, AppStream metainfo, icon name, the desktop-entry hint of
// notifications, the autostart file and the single-instance socket.
inline constexpr QLatin1StringView id{PORTOLAN_APP_ID};
inline constexpr QLatin1StringView version{PORTOLAN_VERSION};
// The scheme of deep links (portolan://entity/<ref>), registered by the desktop file.
inline constexpr QLatin1StringView urlScheme{"portolan"};
inline constexpr QLatin1StringView homepage{"https://github.com/portolan/portolan"};

// A library Portolan is built on, for the About dialog and `portolan-cli about`.
struct Component
{
    QString name;
    QString version; // the one running where the library says (Qt, SQLite, libyaml), else the one built against
    QString licence; // SPDX identifier
    QString url;
};
[[nodiscard]] QList<Component> components();

} // namespace Portolan::Core::AppInfo
