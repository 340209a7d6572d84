#pragma once

#include <QPalette>
#include <QString>

// Light and dark: Portolan follows the system's palette (the platform theme: GNOME, KDE and the XDG portal pass
// the desktop's choice to Qt, and a change while running arrives as a palette change), or a choice made in
// Preferences, which sets a light or dark palette on Qt's Fusion style.
namespace Portolan::Ui::Theme {

enum class ColorScheme { System, Light, Dark };

[[nodiscard]] QString schemeName(ColorScheme scheme); // "system", "light", "dark"
[[nodiscard]] ColorScheme schemeFromName(const QString &name); // unknown names: System
// The choice saved in the settings (SettingsKeys::colorScheme).
[[nodiscard]] ColorScheme savedScheme();
// Applies `scheme` to the application. The system's style and palette are remembered at the first call, so
// going back to System restores them.
void apply(ColorScheme scheme);
[[nodiscard]] QPalette lightPalette();
[[nodiscard]] QPalette darkPalette();
[[nodiscard]] bool isDark(const QPalette &palette);

} // namespace Portolan::Ui::Theme
