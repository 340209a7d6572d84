#pragma once

#include <QIcon>

// Line icons for the GUI, painted in the palette's text colour (highlighted text when selected), so they fit
// light and dark themes. Drawn on a 24-unit grid.
namespace Portolan::Ui::Icons {

enum class Glyph {
    Catalog,
    Graph,
    Scorecards,
    Actions,
    Runs,
    Inbox,
    Search,
    Back,
    Forward,
    ExternalLink,
    File,
    Folder,
    Reload,
    Problems,
    Copy,
    Filter,
    Close,
    Sources,
    Add,
    Edit,
    Remove,
    Key,
    Stop,
};

[[nodiscard]] QIcon icon(Glyph glyph);
// The application icon: a compass rose on a deep blue disc.
[[nodiscard]] QIcon appIcon();

} // namespace Portolan::Ui::Icons
