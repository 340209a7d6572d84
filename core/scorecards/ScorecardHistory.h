#pragma once

#include "cache/CacheDatabase.h"
#include "catalog/Catalog.h"
#include "scorecards/ScorecardEvaluator.h"

#include <QDate>
#include <QHash>
#include <QSet>

namespace Portolan::Core {

// One entity's standing on one scorecard at the end of a day, as kept in the history.
struct ScoreState
{
    QString level; // the level's name; empty when below the first level
    int levelIndex = -1; // in the scorecard's ladder as it was then
    double score = 0;
    QHash<QString, Truth> rules; // by rule id

    friend bool operator==(const ScoreState &, const ScoreState &) = default;
};

// One day's summary of a scorecard: how many entities held each level.
struct ScoreDay
{
    QDate day;
    QStringList levels; // the ladder's names, lowest first
    QList<int> counts; // per level, then one more: below the first level
    int entities = 0;
    double averageScore = 0;
};

// How one entity moved between two days.
struct ScoreChange
{
    QString entityKey;
    std::optional<ScoreState> before; // none: not scored then (new, or the scorecard did not apply)
    std::optional<ScoreState> after; // none: no longer scored
    QStringList nowPassing; // rule ids that pass now and did not
    QStringList nowFailing; // rule ids that do not pass now and did

    // +1 up a level (or newly scored), -1 down (or gone), 0 the same level with rules changed.
    [[nodiscard]] int direction() const;
};

// Scorecard results per day in the cache, so a trend can be drawn and "what changed since last week" answered.
// Only changes are kept: an entity's row is written on the days its level, score or a rule's result changed (the
// last evaluation of a day wins), plus one summary row per scorecard and day. A year of a 100k-entity catalog costs
// about what its changes cost, not 365 copies of it.
//
// Uses the connection of the thread it is called on (CacheDatabase's rule); every write is one transaction.
class ScorecardHistory final
{
public:
    explicit ScorecardHistory(CacheDatabase &database)
        : m_db(database)
    { }

    // Records the run of one scorecard as the state at the end of `day` (a later call for the same day replaces it).
    // Entities scored before and missing from the run are recorded as no longer scored.
    [[nodiscard]] Result<void> record(const QDate &day, const Scorecard &card, const ScorecardRun &run,
                                      const Catalog &catalog);
    // Every entity's state at the end of `day`.
    [[nodiscard]] Result<QHash<QString, ScoreState>> stateOn(const QString &scorecardId, const QDate &day) const;
    // The summaries of the days in [from, to] that have one, oldest first.
    [[nodiscard]] Result<QList<ScoreDay>> days(const QString &scorecardId, const QDate &from, const QDate &to) const;
    // Level counts per day in [from, to] over only the entities in `keys` (a team's, a system's), rebuilt from the
    // changes; one entry per day from the first day with history on, oldest first.
    [[nodiscard]] Result<QList<ScoreDay>> trend(const QString &scorecardId, const QDate &from, const QDate &to,
                                                const QSet<QString> &keys) const;
    // Entities whose state at the end of `to` differs from the end of `from`, in entity key order.
    [[nodiscard]] Result<QList<ScoreChange>> changes(const QString &scorecardId, const QDate &from,
                                                     const QDate &to) const;
    // The first day with history for this scorecard; invalid when there is none.
    [[nodiscard]] Result<QDate> firstDay(const QString &scorecardId) const;

private:
    CacheDatabase &m_db;
};

// Compares two states of the same entity: which rules started or stopped passing.
[[nodiscard]] ScoreChange compareStates(const QString &entityKey, const std::optional<ScoreState> &before,
                                        const std::optional<ScoreState> &after);

} // namespace Portolan::Core
