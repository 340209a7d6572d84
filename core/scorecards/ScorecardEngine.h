#pragma once

#include "catalog/Catalog.h"
#include "live/LiveTypes.h"
#include "scorecards/ScorecardEvaluator.h"

#include <QDateTime>
#include <QMetaType>

#include <atomic>
#include <memory>
#include <vector>

namespace Portolan::Core {

// The scorecards of a workspace as read from its files, with a fingerprint of those files' bytes: the same
// fingerprint means the same scorecards, so results can be kept.
struct ScorecardSet
{
    QList<Scorecard> cards;
    ErrorList problems;
    QByteArray fingerprint;

    [[nodiscard]] static ScorecardSet read(const QStringList &paths);
    [[nodiscard]] int indexOf(const QString &id) const;
};

// Every scorecard evaluated against one catalog snapshot: immutable once built, shared with the GUI.
struct ScorecardResults
{
    using Ptr = std::shared_ptr<const ScorecardResults>;

    QList<Scorecard> cards;
    ErrorList problems; // of the scorecard files
    std::vector<ScorecardRun> runs; // one per card, in its order
    Catalog::Ptr catalog;
    LiveSnapshot::Ptr live;
    QDateTime at; // when (the moment ages were measured from)
    int evaluated = 0; // entities evaluated to build this; the others' results were kept from the last snapshot

    // The score of an entity (a catalog index) on a card; null when the card does not apply to it.
    [[nodiscard]] const EntityScore *score(int card, int entity) const;
    // Its level's name on a card, empty when below the first level or not scored.
    [[nodiscard]] QString levelName(int card, int entity) const;

    // Per card, per catalog index: the index into runs[card].entities, or -1.
    std::vector<std::vector<qint32>> byEntity;
    // The catalog's Level facet: "Production readiness: Silver", one value per card that applies.
    std::shared_ptr<const LevelFacet> levelFacet;
};

// How an edited scorecard would score the catalog compared with the scorecard as it is ("what if").
struct ScorecardMove
{
    int entity = -1; // catalog index
    int before = -1; // level index in the current scorecard's ladder; -1 below the first, -2 not scored
    int after = -1; // in the edited scorecard's ladder
    QString beforeName; // the level's name ("" below the first; scored or not by `scoredBefore`)
    QString afterName;
    bool scoredBefore = false;
    bool scoredAfter = false;
    double beforeScore = 0;
    double afterScore = 0;
    int direction = 0; // +1 up, -1 down, 0 the same level (the score changed)
};

struct ScorecardComparison
{
    std::vector<ScorecardMove> moves; // entities whose level or score changes, ups and downs, in catalog order
    int up = 0;
    int down = 0;
    int same = 0; // scored on both, same level and score
};

// Compares two runs over the same catalog. Levels are matched by name (case-insensitive) so a renamed or
// inserted level counts as what it is; a level of `before` missing from `after` ranks by its position.
[[nodiscard]] ScorecardComparison compareRuns(const Scorecard &before, const ScorecardRun &beforeRun,
                                              const Scorecard &after, const ScorecardRun &afterRun);

// Keeps the results of the last evaluation and evaluates again only the entities a new catalog snapshot changed:
// those whose descriptor changed, whose relations point elsewhere or at a changed entity (relation facts read the
// target's descriptor), and, when a scorecard reads GitHub or Kubernetes facts and the live data changed, those with
// live data. New scorecard files, or an hour gone by (ages move on), evaluate everything. Not thread-safe: one
// update at a time, on any thread.
class ScorecardEngine
{
public:
    [[nodiscard]] ScorecardResults::Ptr update(const ScorecardSet &set, const Catalog::Ptr &catalog,
                                               const LiveSnapshot::Ptr &live, const QDateTime &now,
                                               const std::atomic_bool *cancel = nullptr);
    // Forget the last results: the next update evaluates everything.
    void reset();

    // How long results stay good for ages ("older than 30 days") before everything is evaluated again.
    static constexpr qint64 fullEvaluationEverySeconds = 3600;

private:
    ScorecardResults::Ptr m_last;
    QByteArray m_fingerprint;
    std::vector<quint64> m_entityHashes; // of m_last's catalog, by index
    QDateTime m_lastFull;
};

// A fingerprint of an entity's descriptor: equal descriptors give equal values.
[[nodiscard]] quint64 entityFingerprint(const Entity &entity);

} // namespace Portolan::Core

Q_DECLARE_METATYPE(Portolan::Core::ScorecardResults::Ptr)
