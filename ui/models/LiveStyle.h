#pragma once

#include "live/LiveTypes.h"

#include <QColor>
#include <QIcon>
#include <QStringView>

// How live states look (CI runs, reviews, deployments, workloads and pods), so the catalog table, the facets and the
// entity page's tabs agree: one colour per state and a painted dot, like SourceStyle's.
namespace Portolan::Ui::LiveStyle {

[[nodiscard]] QColor ciColor(Core::CiState state);
[[nodiscard]] QIcon ciIcon(Core::CiState state); // a ring while running
[[nodiscard]] QColor healthColor(Core::Health health);
[[nodiscard]] QIcon healthIcon(Core::Health health);

// GitHub's words, as the API gives them: a run's conclusion or status, a deployment state, a review state, a check
// state. Colour, icon and a translated label.
[[nodiscard]] Core::CiState runState(QStringView status, QStringView conclusion);
[[nodiscard]] QString runLabel(QStringView status, QStringView conclusion);
[[nodiscard]] Core::Health deploymentHealth(QStringView state);
[[nodiscard]] QString deploymentLabel(QStringView state);
[[nodiscard]] QString reviewLabel(QStringView state);
[[nodiscard]] Core::CiState reviewState(QStringView state);
[[nodiscard]] QString checksLabel(QStringView state);
[[nodiscard]] Core::CiState checksState(QStringView state);

// "3 min 20 s", "1 h 5 min", "12 s"
[[nodiscard]] QString duration(qint64 seconds);

} // namespace Portolan::Ui::LiveStyle
