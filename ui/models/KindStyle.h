#pragma once

#include "util/Error.h"

#include <QColor>
#include <QIcon>
#include <QStringView>

// Colours and painted icons for entity kinds, lifecycles and problem severities. Painted rather than loaded
// from files, so they are crisp at any size and scale and need no image plugin (models are tested headless).
namespace Portolan::Ui::KindStyle {

[[nodiscard]] QColor kindColor(QStringView kind);
// A rounded badge in the kind's colour with its initial.
[[nodiscard]] QIcon kindIcon(QStringView kind);
[[nodiscard]] QColor lifecycleColor(QStringView lifecycle);
// A dot in the lifecycle's colour (production green, experimental amber, deprecated red, others grey).
[[nodiscard]] QIcon lifecycleIcon(QStringView lifecycle);
[[nodiscard]] QColor severityColor(Core::Error::Severity severity);
[[nodiscard]] QIcon severityIcon(Core::Error::Severity severity);

} // namespace Portolan::Ui::KindStyle
