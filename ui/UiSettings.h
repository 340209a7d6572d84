#pragma once

#include <QString>

// QSettings keys of the GUI, in one place.
namespace Portolan::Ui::SettingsKeys {

inline const QString windowGeometry = QStringLiteral("window/geometry");
inline const QString windowState = QStringLiteral("window/state");
inline const QString lastWorkspace = QStringLiteral("workspace/last"); // a folder, ":/demo" or a git URL
inline const QString lastWorkspaceBranch = QStringLiteral("workspace/lastBranch"); // for a git URL
inline const QString catalogSplitter = QStringLiteral("catalog/splitter");
inline const QString catalogHeader = QStringLiteral("catalog/header");
inline const QString catalogColumnsCustomized = QStringLiteral("catalog/columnsCustomized");
inline const QString catalogCollapsedFacets = QStringLiteral("catalog/collapsedFacets");
inline const QString problemsHeader = QStringLiteral("problems/header");
inline const QString notificationsPaused = QStringLiteral("notifications/paused");
// Closing the window leaves the app in the tray; unset: on when there is a tray.
inline const QString keepRunningInTray = QStringLiteral("tray/keepRunning");
// Preferences: the language ("" follows the system; "en", "de") and the colours ("system", "light", "dark").
inline const QString language = QStringLiteral("ui/language");
inline const QString colorScheme = QStringLiteral("ui/colorScheme");
// The page shown when the window closed (MainWindow::Page), shown again at the next start.
inline const QString lastPage = QStringLiteral("window/lastPage");
// Runs and Sources tables' columns as the user left them.
inline const QString runsHeader = QStringLiteral("runs/header");
inline const QString sourcesHeader = QStringLiteral("sources/header");
// The welcome was shown (first run) and dismissed.
inline const QString welcomed = QStringLiteral("firstRun/welcomed");

} // namespace Portolan::Ui::SettingsKeys
