#pragma once

#include "actions/ActionRun.h"
#include "cache/CacheDatabase.h"

#include <optional>

namespace Portolan::Core {

struct RunFilter
{
    QString templateId; // empty: any
    QList<ActionRun::Status> statuses; // empty: any
    QString user; // empty: anyone
    QString entityRef; // empty: any
    int limit = 1000;
};

// Action runs in the cache (table action_runs, schema 6): one row per run, keyed by its idempotency key, with the
// run as JSON. Written before the first step is sent and after every change of a step, so the run can be found and
// resumed after the process is killed. Uses the connection of the thread it is called on (CacheDatabase's rule).
class RunStore final
{
public:
    explicit RunStore(CacheDatabase &database)
        : m_db(database)
    { }

    struct Inserted
    {
        ActionRun run; // with its id; the stored one when the key was already there
        bool created = false; // false: a run with the same key existed (a double click, a retried submission)
    };
    // Stores a new run, unless one with the same key exists: then that run comes back, untouched.
    [[nodiscard]] Result<Inserted> insert(ActionRun run);
    [[nodiscard]] Result<void> save(const ActionRun &run); // by id
    [[nodiscard]] Result<std::optional<ActionRun>> find(qint64 id) const;
    [[nodiscard]] Result<std::optional<ActionRun>> findByKey(const QString &key) const;
    // Newest first.
    [[nodiscard]] Result<QList<ActionRun>> list(const RunFilter &filter = {}) const;
    // Runs that were queued or running when their process stopped (or are running now in another one).
    [[nodiscard]] Result<QList<ActionRun>> unfinished() const;

private:
    [[nodiscard]] Result<QList<ActionRun>> query(const QString &where, const QVariantList &values, int limit) const;

    CacheDatabase &m_db;
};

} // namespace Portolan::Core
