#pragma once

#include "actions/ActionRun.h"
#include "actions/ActionTemplate.h"
#include "actions/StepExecutor.h"
#include "automation/Automation.h"
#include "automation/LeaseStore.h"
#include "config/Workspace.h"
#include "live/LiveTypes.h"
#include "scorecards/ScorecardEngine.h"
#include "ttl/TimeToLive.h"

#include <QJsonObject>

#include <atomic>
#include <functional>
#include <optional>

namespace Portolan::Core {

class CacheDatabase;
class StepExecutorRegistry;

// Something an automation reacts to, ready to run: `event` is what its parameters see as `${{ event.* }}`.
struct AutomationEvent
{
    QString automationId;
    QString key; // names the event for good, for the lease and the run's idempotency key: "<automation>/<event>"
    QString entityRef; // the entity it is about, if any
    QString summary; // for people: "resource:default/preview-x expired at 2026-11-30 09:00 UTC"
    QJsonObject event; // {trigger, at, summary, entity: {ref, kind, name, title, owner}, expiresAt, warnBefore}
};

// What became of one event in this process.
struct AutomationOutcome
{
    enum class Kind {
        Ran, // this process held the lease and ran the action (see run: it may have failed)
        Held, // another process holds the lease now
        Done, // another process (or this one, earlier) finished it
        Failed, // the lease or the action could not be started (see error)
    };
    Kind kind = Kind::Failed;
    AutomationEvent event;
    QString holder; // Held and Done: who
    std::optional<ActionRun> run;
    Error error;
};

// Runs automations: finds the events that are due, and runs each event's action once across every process that
// shares the lease store (the app on several desktops, `portolan-cli automations run` from cron). An automation is
// the platform team's configuration, so its action runs without the checks a person's run gets (allowed groups,
// typed confirmation); the run records the automation and its event as its trigger.
namespace Automations {

// The events of schedule and TTL triggers that came due after `since` up to `now` (an invalid `since`: the first
// look, which sees every expiry already past and the current schedule slot).
[[nodiscard]] QList<AutomationEvent> dueEvents(const AutomationSet &set, const Catalog &catalog,
                                               const TtlPolicy &policy, const QDateTime &since, const QDateTime &now);

// The app's own events, each keyed by what happened rather than by when it was seen, so that two desktops seeing the
// same change make the same key (and the lease runs it once):
// - entity triggers between two catalogs: created (only in `after`), deleted (only in `before`), changed (in both,
//   with a different descriptor); the key holds the ref and a fingerprint of the descriptor.
[[nodiscard]] QList<AutomationEvent> entityEvents(const AutomationSet &set, const Catalog &before, const Catalog &after,
                                                  const QDateTime &now);
// - a scorecard level that moved between two evaluations (options: scorecard, direction up|down); `event.scorecard`
//   has the card, `event.from` and `event.to` the levels ("" below the first).
[[nodiscard]] QList<AutomationEvent> scorecardEvents(const AutomationSet &set, const ScorecardResults &before,
                                                     const ScorecardResults &after, const QDateTime &now);
// - an alert about an entity that fires now (options: severity, alert: its name), in the live data as last read; the
//   key holds the entity, the alert's labels and when it started firing, so one firing runs the action once, and a
//   new firing (after it resolved) again. `event.alert` has name, severity, summary, since, labels and url.
[[nodiscard]] QList<AutomationEvent> alertEvents(const AutomationSet &set, const Catalog &catalog,
                                                 const LiveSnapshot &live, const QDateTime &now);
// - a run that finished (options: action, status); runs an automation started on a runFinished trigger do not
//   trigger again (no loops).
[[nodiscard]] QList<AutomationEvent> runEvents(const AutomationSet &set, const ActionRun &run, const QDateTime &now);

struct Setup
{
    const AutomationSet *automations = nullptr;
    const QList<ActionTemplate> *actions = nullptr;
    const StepExecutorRegistry *executors = nullptr;
    ActionEnvironment environment; // its user is replaced by the automation
    CacheDatabase *database = nullptr;
    LeaseStore *leases = nullptr;
    QString holder; // this process, for the lease
    qint64 holdSeconds = 15 * 60; // after that, a vanished holder's lease can be taken over
    const std::atomic_bool *cancel = nullptr;
};

// The workspace's TTL warnings (`automations.ttlWarnings`), or the default ones.
[[nodiscard]] TtlPolicy ttlPolicy(const Workspace &workspace);

// Where the workspace's leases live (`automations.leases`): a git repository (named there, or the workspace's own
// when it was opened from git), else files in this machine's data folder.
[[nodiscard]] std::unique_ptr<LeaseStore> leaseStoreFor(const Workspace &workspace);

// Claims the event's lease and, when won, runs the automation's action; completes the lease when the run succeeded
// (a failed run is tried again once its lease runs out).
[[nodiscard]] AutomationOutcome run(const Setup &setup, const AutomationEvent &event, const QDateTime &now,
                                    const std::function<void(const ActionRun &)> &changed = {});

} // namespace Automations

} // namespace Portolan::Core
