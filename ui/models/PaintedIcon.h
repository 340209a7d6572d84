#pragma once

#include <QIcon>

#include <functional>

class QPainter;

namespace Portolan::Ui {

// Draws the icon into `rect`; `mode` lets line icons pick the palette colour (Selected: highlighted text).
using IconPainter = std::function<void(QPainter &painter, const QRectF &rect, QIcon::Mode mode)>;

// An icon painted on demand at the requested size and device pixel ratio, so it is crisp everywhere and needs
// no image plugin. Disabled icons are drawn faded.
[[nodiscard]] QIcon paintedIcon(IconPainter painter);
// A state dot in `color`, or a ring (not synced yet, running), as the status columns show it.
[[nodiscard]] QIcon dotIcon(const QColor &color, bool ring);

} // namespace Portolan::Ui
