#pragma once

#include "catalog/Catalog.h"
#include "util/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Portolan::Core {

// An automation (`automations/*.yaml` in the workspace): on a trigger, run one of the workspace's actions with
// parameters from the event.
//   id: decommission-expired-environments
//   title: Decommission expired environments
//   on:
//     ttlExpired: {}                  # or ttlWarning, schedule: 6h, entityCreated / entityChanged / entityDeleted,
//                                     # scorecardChanged: {scorecard: id, direction: down}, runFinished: {action,
//                                     status}, alertFiring: {severity: critical, alert: Name}
//   filter: {kind: Resource, spec.type: environment}   # entity triggers: dotted fields and the values they must have
//   action: decommission-environment
//   parameters:
//     environment: ${{ event.entity.ref }}
//   enabled: true
struct Automation
{
    enum class Trigger {
        Schedule, // every `interval` seconds
        TtlWarning,
        TtlExpired,
        EntityCreated,
        EntityChanged,
        EntityDeleted,
        ScorecardChanged,
        RunFinished,
        AlertFiring, // an alert about an entity fires (options: severity, alert)
    };

    QString id;
    QString title;
    QString description;
    Trigger trigger = Trigger::Schedule;
    QJsonObject triggerOptions; // what the trigger was given (scorecard, direction, action, status, ...)
    qint64 interval = 0; // Schedule: seconds
    QList<std::pair<QString, QStringList>> filter; // dotted field -> allowed values (any of)
    QString action; // an action id, as `portolan-cli action run` takes it
    QJsonObject parameters; // may hold ${{ event.* }} and ${{ workspace.* }}
    bool enabled = true;
    QString file;
    int line = 0;

    // Whether the trigger reacts to something that happens to an entity (so `filter` applies).
    [[nodiscard]] bool isEntityTrigger() const;
    // Whether `entity` passes the filter (always, when there is none).
    [[nodiscard]] bool matches(const Entity &entity) const;
    [[nodiscard]] static QString triggerName(Trigger trigger); // "ttlExpired", ...
};

struct AutomationSet
{
    QList<Automation> automations;
    ErrorList problems; // with file, line and field; a broken automation is left out, the others stay

    // Reads every .yaml/.yml file under `paths` (files or folders), one or more automations per file (`---`).
    [[nodiscard]] static AutomationSet read(const QStringList &paths);
    [[nodiscard]] static AutomationSet readData(const QByteArray &data, const QString &file);
    [[nodiscard]] const Automation *find(const QString &id) const;
};

} // namespace Portolan::Core
