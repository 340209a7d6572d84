#pragma once

#include "sources/SourceConfig.h"
#include "util/Error.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QStringList>

namespace Portolan::Core {

// What the Sources page shows for one source: a value snapshot sent from the sync worker to the GUI.
struct SourceStatus
{
    enum class State {
        Idle, // configured, not synced in this run yet (the cache may still hold its last data)
        Syncing,
        Ok,
        Failed, // the last attempt failed; the last good data is still in the catalog
        Held, // the last sync would delete too much; waiting for the user to accept or reject
        Disabled,
    };

    SourceConfig config; // never holds a secret
    State state = State::Idle;
    qint64 done = 0; // progress while syncing
    qint64 total = 0; // 0: size unknown (busy indicator)
    QString phase;
    QDateTime lastAttempt; // UTC, invalid when never
    QDateTime lastSuccess; // UTC, invalid when never: the age of the source's data ("stale since")
    QDateTime nextSync; // UTC, invalid when only on demand
    int entityCount = 0;
    int problemCount = 0;
    int failures = 0; // consecutive failed attempts, for the backoff
    QString message; // the last sync's summary
    Error error; // the last failure (when state is Failed)
    QString revision; // git commit or server version of the data shown
    bool credentialMissing = false; // the source names a credential whose secret is not set
    int pendingRemovals = 0; // when Held
    SourceQuota quota; // the API's rate-limit budget as last reported (GitHub)
    // Problems of a live source since its last sync (a watch that broke, a resource type it may not list).
    ErrorList liveProblems;

    [[nodiscard]] bool isStale(const QDateTime &now) const;
    [[nodiscard]] static QString stateName(State state); // "ok", "syncing", ... (stable, for the CLI's --json)
};

// A sync held back because it would remove more than the source's `maxDeletionShare` of its entities.
struct PendingDeletions
{
    QString sourceId;
    QString sourceTitle;
    int before = 0;
    int after = 0;
    QStringList removed; // entity refs, sorted
    QStringList added;
    QDateTime heldAt;
    double threshold = 0.5;
};

} // namespace Portolan::Core

Q_DECLARE_METATYPE(Portolan::Core::SourceStatus)
Q_DECLARE_METATYPE(Portolan::Core::PendingDeletions)
