#pragma once

#include "catalog/Catalog.h"
#include "live/LiveTypes.h"
#include "scorecards/Scorecard.h"

#include <QDateTime>

#include <atomic>
#include <memory>
#include <vector>

namespace Portolan::Core {

// Three answers: a fact a source has not told us about is unknown, never failed.
enum class Truth : std::uint8_t { Fail, Pass, Unknown };

[[nodiscard]] QString truthName(Truth truth); // "fail", "pass", "unknown" (CLI, JSON)

struct EntityScore
{
    int entity = -1; // catalog index
    int level = -1; // the highest level held, -1 when not even the first
    double score = 0; // percent of the rules' weight passed
    std::vector<Truth> truths; // one per rule of the scorecard, in its order
    // Per rule, why it did not pass, one line per test that decided it ("github.ci is "failing", wanted equals
    // "passing""): only when asked for (ScorecardEvaluator::evaluate), else empty.
    QList<QStringList> why;
    int passed = 0;
    int failed = 0;
    int unknown = 0;
};

// One scorecard over a whole catalog.
struct ScorecardRun
{
    QString scorecardId;
    std::vector<EntityScore> entities; // those it applies to, in catalog order
    QList<int> levelCounts; // per level, how many entities hold exactly it; then one more: below the first level
    bool cancelled = false;
};

// Evaluates scorecards against one catalog snapshot and the live data that goes with it, at one moment (`now`, for
// ages). Pure computation on immutable snapshots: use it on any thread.
class ScorecardEvaluator
{
public:
    ScorecardEvaluator(const Catalog &catalog, const LiveSnapshot *live, QDateTime now);

    struct Fact
    {
        enum class State : std::uint8_t {
            Unknown, // no source has said (no GitHub data for this entity, say)
            Absent, // known not to be there: an annotation not set, no open pull request
            Present,
        };
        State state = State::Unknown;
        QCborValue value; // a number, bool, date, or a list of those and strings
        QString text; // a single string (value is then undefined): the common case, kept out of CBOR
        const char *reason = nullptr; // why it is unknown: untranslated, translated when explained
    };

    [[nodiscard]] Fact fact(int entity, const FactPath &path) const;
    // The truth of a condition for one entity; lines on why it did not pass are added to `why` when given.
    [[nodiscard]] Truth test(const Condition &condition, int entity, QStringList *why = nullptr) const;
    [[nodiscard]] bool applies(const Scorecard &card, int entity) const;
    // With `explain`, each rule that did not pass says why (EntityScore::why); a whole run leaves that out, since
    // the lines of 100,000 entities cost more than their evaluation (ask for one entity's when it is shown).
    [[nodiscard]] EntityScore evaluate(const Scorecard &card, int entity, bool explain = false) const;
    // Every entity it applies to, on every core (QtConcurrent's global pool); stops early when `cancel` is set.
    // The evaluator remembers the truth of each condition it ran (tests, and all/any/not of them) per entity for its
    // later runs: a rule or test that another scorecard (or a filter) already ran is not run again. That costs one
    // byte per entity and distinct condition, freed with the evaluator (and its copies).
    [[nodiscard]] ScorecardRun run(const Scorecard &card, const std::atomic_bool *cancel = nullptr) const;
    // run() of each scorecard, in their order, in one pass over the catalog: an entity is evaluated against every
    // scorecard in turn while its descriptor is in the processor's cache, which costs less than one pass each.
    [[nodiscard]] std::vector<ScorecardRun> runAll(const QList<Scorecard> &cards,
                                                   const std::atomic_bool *cancel = nullptr) const;

private:
    // The fast path (ScorecardEvaluator.cpp): conditions compiled into a Plan, facts read in place from the
    // catalog (no Fact, no CBOR lists, no reference strings), a run's conditions remembered per entity in the Cache.
    // Explanations still come from testInner/testFact, which read fact() as it is documented.
    struct Plan;
    struct Subject;
    struct Cache;
    class Fold;

    Truth testInner(const Condition &condition, int entity, QStringList *why, bool negated) const;
    Truth testFact(const Condition &condition, int entity, QStringList *why, bool negated) const;

    Truth testNode(const Plan &plan, int node, Subject &subject) const;
    Truth testTree(const Plan &plan, int node, Subject &subject) const;
    Truth testLeaf(const Plan &plan, int node, Subject &subject) const;
    void collect(const FactPath &path, Subject &subject, Fold &fold) const;
    void lookUpLive(Subject &subject) const;
    void score(EntityScore &out, const Scorecard &card, const Plan &plan, Subject &subject, bool explain) const;
    std::vector<ScorecardRun> runCards(const std::vector<const Scorecard *> &cards,
                                       const std::atomic_bool *cancel) const;

    const Catalog &m_catalog;
    const LiveSnapshot *m_live;
    QDateTime m_now;
    // Shared by copies of this evaluator; filled by run() (live data by catalog index, truths of tests).
    std::shared_ptr<Cache> m_cache;
};

} // namespace Portolan::Core
