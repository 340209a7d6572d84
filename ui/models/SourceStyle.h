#pragma once

#include "sync/SyncTypes.h"

#include <QColor>
#include <QIcon>
#include <QStringView>

// How sources look: a painted badge per source type and a coloured dot per sync state, so the Sources page, the
// status bar and the dialogs agree. Painted like KindStyle, so the models stay testable headless.
namespace Portolan::Ui::SourceStyle {

// "Files", "Git repository", "Backstage"; the type itself for types the GUI does not know.
[[nodiscard]] QString typeLabel(QStringView type);
[[nodiscard]] QColor typeColor(QStringView type);
// A rounded badge in the type's colour with a white glyph (folder, branch, catalog layers).
[[nodiscard]] QIcon typeIcon(QStringView type);

// The colour a state is shown in; `stale` turns an ok source amber.
[[nodiscard]] QColor stateColor(Core::SourceStatus::State state, bool stale = false);
// A dot in the state's colour (a ring for sources not synced yet).
[[nodiscard]] QIcon stateIcon(Core::SourceStatus::State state, bool stale = false);

// Where the source is configured: "Shared" (portolan.yaml), "Yours" (your own sources file), "Workspace folder".
[[nodiscard]] QString originLabel(Core::SourceConfig::Origin origin);

} // namespace Portolan::Ui::SourceStyle
