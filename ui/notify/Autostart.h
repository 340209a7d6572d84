#pragma once

#include "util/Result.h"

#include <QString>

// Start at login, the freedesktop way: a desktop file in $XDG_CONFIG_HOME/autostart (~/.config/autostart), which
// every XDG desktop runs at login. Opt-in: nothing is written until the user asks.
namespace Portolan::Ui::Autostart {

// $XDG_CONFIG_HOME/autostart/io.github.portolan.Portolan.desktop
[[nodiscard]] QString file();
[[nodiscard]] bool isEnabled();
// Writes (or removes) the file; `executable` is what runs at login, started in the tray (`--tray`).
[[nodiscard]] Core::Result<void> setEnabled(bool enabled, const QString &executable);

} // namespace Portolan::Ui::Autostart
