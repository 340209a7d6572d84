#include "LiveStyle.h"

#include "PaintedIcon.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>

using namespace Qt::StringLiterals;
using Portolan::Core::CiState;
using Portolan::Core::Health;

namespace Portolan::Ui::LiveStyle {

namespace {

const QColor green(0x16, 0xa3, 0x4a);
const QColor blue(0x25, 0x63, 0xeb);
const QColor amber(0xd9, 0x77, 0x06);
const QColor red(0xdc, 0x26, 0x26);
const QColor grey(0x94, 0xa3, 0xb8);

} // namespace

QColor ciColor(CiState state)
{
    switch (state) {
    case CiState::Passing:
        return green;
    case CiState::Running:
        return blue;
    case CiState::Cancelled:
        return grey;
    case CiState::Failing:
        return red;
    case CiState::None:
        break;
    }
    return grey;
}

QIcon ciIcon(CiState state)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(state));
    if (it != cache.constEnd()) {
        return *it;
    }
    const QIcon icon = dotIcon(ciColor(state), state == CiState::Running || state == CiState::None);
    cache.insert(int(state), icon);
    return icon;
}

QColor healthColor(Health health)
{
    switch (health) {
    case Health::Healthy:
        return green;
    case Health::Progressing:
        return blue;
    case Health::Degraded:
        return amber;
    case Health::Failed:
        return red;
    case Health::None:
        break;
    }
    return grey;
}

QIcon healthIcon(Health health)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(health));
    if (it != cache.constEnd()) {
        return *it;
    }
    const QIcon icon = dotIcon(healthColor(health), health == Health::Progressing || health == Health::None);
    cache.insert(int(health), icon);
    return icon;
}

CiState runState(QStringView status, QStringView conclusion)
{
    Core::WorkflowRun run;
    run.status = status.toString();
    run.conclusion = conclusion.toString();
    return run.state();
}

QString runLabel(QStringView status, QStringView conclusion)
{
    if (status != u"completed") {
        if (status == u"queued" || status == u"waiting" || status == u"pending" || status == u"requested") {
            return QCoreApplication::translate("LiveStyle", "Queued");
        }
        return QCoreApplication::translate("LiveStyle", "Running");
    }
    if (conclusion == u"success") {
        return QCoreApplication::translate("LiveStyle", "Success");
    }
    if (conclusion == u"failure") {
        return QCoreApplication::translate("LiveStyle", "Failure");
    }
    if (conclusion == u"cancelled") {
        return QCoreApplication::translate("LiveStyle", "Cancelled");
    }
    if (conclusion == u"skipped") {
        return QCoreApplication::translate("LiveStyle", "Skipped");
    }
    if (conclusion == u"timed_out") {
        return QCoreApplication::translate("LiveStyle", "Timed out");
    }
    if (conclusion == u"action_required") {
        return QCoreApplication::translate("LiveStyle", "Action required");
    }
    if (conclusion == u"neutral") {
        return QCoreApplication::translate("LiveStyle", "Neutral");
    }
    return conclusion.toString();
}

Health deploymentHealth(QStringView state)
{
    if (state == u"success") {
        return Health::Healthy;
    }
    if (state == u"in_progress" || state == u"queued" || state == u"pending") {
        return Health::Progressing;
    }
    if (state == u"failure" || state == u"error") {
        return Health::Failed;
    }
    return Health::None; // inactive, or none yet
}

QString deploymentLabel(QStringView state)
{
    if (state == u"success") {
        return QCoreApplication::translate("LiveStyle", "Deployed");
    }
    if (state == u"in_progress") {
        return QCoreApplication::translate("LiveStyle", "In progress");
    }
    if (state == u"queued" || state == u"pending") {
        return QCoreApplication::translate("LiveStyle", "Pending");
    }
    if (state == u"failure") {
        return QCoreApplication::translate("LiveStyle", "Failed");
    }
    if (state == u"error") {
        return QCoreApplication::translate("LiveStyle", "Error");
    }
    if (state == u"inactive") {
        return QCoreApplication::translate("LiveStyle", "Inactive");
    }
    return state.isEmpty() ? QCoreApplication::translate("LiveStyle", "No status") : state.toString();
}

QString reviewLabel(QStringView state)
{
    if (state == u"approved") {
        return QCoreApplication::translate("LiveStyle", "Approved");
    }
    if (state == u"changes_requested") {
        return QCoreApplication::translate("LiveStyle", "Changes requested");
    }
    if (state == u"commented") {
        return QCoreApplication::translate("LiveStyle", "Commented");
    }
    return QCoreApplication::translate("LiveStyle", "Review required");
}

CiState reviewState(QStringView state)
{
    if (state == u"approved") {
        return CiState::Passing;
    }
    if (state == u"changes_requested") {
        return CiState::Failing;
    }
    return CiState::Running;
}

QString checksLabel(QStringView state)
{
    if (state == u"success") {
        return QCoreApplication::translate("LiveStyle", "Checks passed");
    }
    if (state == u"failure") {
        return QCoreApplication::translate("LiveStyle", "Checks failed");
    }
    if (state == u"pending") {
        return QCoreApplication::translate("LiveStyle", "Checks running");
    }
    return QCoreApplication::translate("LiveStyle", "No checks");
}

CiState checksState(QStringView state)
{
    if (state == u"success") {
        return CiState::Passing;
    }
    if (state == u"failure") {
        return CiState::Failing;
    }
    if (state == u"pending") {
        return CiState::Running;
    }
    return CiState::None;
}

QString duration(qint64 seconds)
{
    if (seconds < 0) {
        return {};
    }
    if (seconds < 60) {
        return QCoreApplication::translate("LiveStyle", "%1 s").arg(seconds);
    }
    if (seconds < 3600) {
        return QCoreApplication::translate("LiveStyle", "%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    }
    return QCoreApplication::translate("LiveStyle", "%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

} // namespace Portolan::Ui::LiveStyle
