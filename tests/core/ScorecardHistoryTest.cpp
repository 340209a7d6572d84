// Scorecard results over time: the history per day in the cache (changes only, the last evaluation of a day wins),
// trends and "what changed since", days moved by an injected clock; the engine that evaluates again only what a new
// catalog snapshot changed; and "what if" comparisons of an edited scorecard.
#include "scorecards/ScorecardHistory.h"
#include "scorecards/ScorecardEngine.h"
#include "util/Clock.h"

#include "support/TestSupport.h"

#include <QCborArray>
#include <QCborMap>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace {

Entity service(const QString &name, bool docs, const QString &lifecycle = u"production"_s,
               const QStringList &dependsOn = {})
{
    QCborMap annotations;
    if (docs) {
        annotations.insert(u"backstage.io/techdocs-ref"_s, u"dir:."_s);
    }
    QCborMap spec{{u"type"_s, u"service"_s}, {u"lifecycle"_s, lifecycle}, {u"owner"_s, u"team-a"_s}};
    if (!dependsOn.isEmpty()) {
        spec.insert(u"dependsOn"_s, QCborArray::fromStringList(dependsOn));
    }
    return Entity::fromEnvelope(QCborMap{{u"apiVersion"_s, u"backstage.io/v1alpha1"_s},
                                         {u"kind"_s, u"Component"_s},
                                         {u"metadata"_s, QCborMap{{u"name"_s, name}, {u"annotations"_s, annotations}}},
                                         {u"spec"_s, spec}});
}

Entity team()
{
    return Entity::fromEnvelope(QCborMap{{u"apiVersion"_s, u"backstage.io/v1alpha1"_s},
                                         {u"kind"_s, u"Group"_s},
                                         {u"metadata"_s, QCborMap{{u"name"_s, u"team-a"_s}}},
                                         {u"spec"_s, QCborMap{{u"type"_s, u"team"_s}}}});
}

// Bronze: has an owner that exists; Silver: has docs; Gold: depends on nothing deprecated.
const char *const cardYaml = R"(id: ready
filter: {fact: kind, equals: Component}
rules:
  - id: owner
    level: Bronze
    condition: {fact: owner.exists, equals: true}
  - id: docs
    level: Silver
    condition: {fact: metadata.annotations.backstage.io/techdocs-ref, exists: true}
  - id: no-deprecated
    level: Gold
    condition: {fact: relations.dependsOn.spec.lifecycle, notIn: [deprecated]}
)";

ScorecardSet cardSet(const QByteArray &yaml = cardYaml)
{
    ScorecardSet set;
    std::optional<Scorecard> card = ScorecardReader::readData(yaml, u"ready.yaml"_s, set.problems);
    INFO(Portolan::Test::describe(set.problems).toStdString());
    REQUIRE(card.has_value());
    set.cards = {*card};
    set.fingerprint = yaml;
    return set;
}

ScorecardRun runOf(const Catalog &catalog, const Scorecard &card, const QDateTime &now)
{
    return ScorecardEvaluator(catalog, nullptr, now).run(card);
}

int rowsOn(CacheDatabase &db, const QString &day)
{
    QSqlQuery q(db.database());
    q.prepare(u"SELECT count(*) FROM score_changes WHERE day = ?"_s);
    q.addBindValue(day);
    REQUIRE(q.exec());
    REQUIRE(q.next());
    return q.value(0).toInt();
}

} // namespace

TEST_CASE("Scorecard history keeps one row per change and day, and answers what changed since a day", "[scorecards]")
{
    QTemporaryDir dir;
    CacheDatabase db;
    REQUIRE(db.open(dir.filePath(u"cache.db"_s)).ok());
    ScorecardHistory history(db);
    ManualClock clock(QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC));
    const Scorecard card = cardSet().cards.first();
    const auto record = [&](const Catalog &catalog) {
        const auto recorded = history.record(clock.now().date(), card, runOf(catalog, card, clock.now()), catalog);
        INFO((recorded.ok() ? QString() : recorded.error().message + u" "_s + recorded.error().detail).toStdString());
        REQUIRE(recorded.ok());
    };
    constexpr qint64 day = 24LL * 3600 * 1000;

    // Monday: checkout is Gold, billing Bronze (no docs).
    const Catalog::Ptr monday = Catalog::build({service(u"checkout"_s, true), service(u"billing"_s, false), team()});
    record(*monday);
    CHECK(rowsOn(db, u"2026-11-02"_s) == 2);

    // Tuesday: nothing changed, nothing written but the day's summary.
    clock.advance(day);
    record(*monday);
    CHECK(rowsOn(db, u"2026-11-03"_s) == 0);
    const auto tuesday = history.stateOn(u"ready"_s, QDate(2026, 11, 3));
    REQUIRE(tuesday.ok());
    CHECK(tuesday->value(u"component:default/billing"_s).level == u"Bronze"_s);
    CHECK(tuesday->value(u"component:default/checkout"_s).level == u"Gold"_s);

    // Wednesday: billing gains docs in the morning, loses them again at noon and gains them in the evening: the
    // last evaluation of the day is what the day keeps.
    clock.advance(day);
    const Catalog::Ptr fixed = Catalog::build({service(u"checkout"_s, true), service(u"billing"_s, true), team()});
    record(*fixed);
    record(*monday);
    CHECK(rowsOn(db, u"2026-11-04"_s) == 0); // back as it was: no change kept
    record(*fixed);
    CHECK(rowsOn(db, u"2026-11-04"_s) == 1);

    // Thursday: checkout is gone, a new service came.
    clock.advance(day);
    const Catalog::Ptr thursday = Catalog::build({service(u"billing"_s, true), service(u"search"_s, false), team()});
    record(*thursday);

    // What changed since Monday.
    const auto changes = history.changes(u"ready"_s, QDate(2026, 11, 2), QDate(2026, 11, 5));
    REQUIRE(changes.ok());
    REQUIRE(changes->size() == 3);
    const ScoreChange &billing = changes->at(0);
    CHECK(billing.entityKey == u"component:default/billing"_s);
    CHECK(billing.before->level == u"Bronze"_s);
    CHECK(billing.after->level == u"Gold"_s);
    CHECK(billing.direction() == 1);
    CHECK(billing.nowPassing == QStringList{u"docs"_s});
    CHECK(billing.nowFailing.isEmpty());
    const ScoreChange &checkout = changes->at(1);
    CHECK(checkout.entityKey == u"component:default/checkout"_s);
    CHECK_FALSE(checkout.after.has_value());
    CHECK(checkout.direction() == -1);
    const ScoreChange &search = changes->at(2);
    CHECK_FALSE(search.before.has_value());
    CHECK(search.after->level == u"Bronze"_s);
    CHECK(search.direction() == 1);

    // Only Wednesday to Thursday: billing did not move then.
    const auto lastDay = history.changes(u"ready"_s, QDate(2026, 11, 4), QDate(2026, 11, 5));
    REQUIRE(lastDay.ok());
    CHECK(lastDay->size() == 2);

    // The trend: a day per day from the first with history, days without an evaluation carried over.
    const auto summaries = history.days(u"ready"_s, QDate(2026, 11, 1), QDate(2026, 11, 30));
    REQUIRE(summaries.ok());
    REQUIRE(summaries->size() == 4);
    CHECK(summaries->at(0).counts == QList<int>{1, 0, 1, 0}); // Bronze, Silver, Gold, below
    CHECK(summaries->at(2).counts == QList<int>{0, 0, 2, 0});
    CHECK(summaries->at(3).counts == QList<int>{1, 0, 1, 0});
    const QSet<QString> all{u"component:default/billing"_s, u"component:default/checkout"_s,
                            u"component:default/search"_s};
    const auto trend = history.trend(u"ready"_s, QDate(2026, 10, 1), QDate(2026, 11, 7), all);
    REQUIRE(trend.ok());
    REQUIRE(trend->size() == 6); // Monday to Saturday
    CHECK(trend->first().day == QDate(2026, 11, 2));
    for (qsizetype d = 0; d < 4; ++d) {
        INFO(d);
        CHECK(trend->at(d).counts == summaries->at(d).counts);
    }
    CHECK(trend->at(5).counts == trend->at(3).counts);
    // One team's, one entity's trend.
    const auto billingOnly =
        history.trend(u"ready"_s, QDate(2026, 11, 2), QDate(2026, 11, 5), {u"component:default/billing"_s});
    REQUIRE(billingOnly.ok());
    REQUIRE(billingOnly->size() == 4);
    CHECK(billingOnly->at(1).counts == QList<int>{1, 0, 0, 0});
    CHECK(billingOnly->at(2).counts == QList<int>{0, 0, 1, 0});
    CHECK(history.firstDay(u"ready"_s).value() == QDate(2026, 11, 2));
    CHECK_FALSE(history.firstDay(u"other"_s).value().isValid());
}

TEST_CASE("Scorecard history survives reopening the cache and is kept per scorecard", "[scorecards]")
{
    QTemporaryDir dir;
    const Catalog::Ptr catalog = Catalog::build({service(u"checkout"_s, true), team()});
    const Scorecard card = cardSet().cards.first();
    Scorecard other = card;
    other.id = u"other"_s;
    const QDateTime at(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    {
        CacheDatabase db;
        REQUIRE(db.open(dir.filePath(u"cache.db"_s)).ok());
        ScorecardHistory history(db);
        REQUIRE(history.record(at.date(), card, runOf(*catalog, card, at), *catalog).ok());
    }
    CacheDatabase db;
    REQUIRE(db.open(dir.filePath(u"cache.db"_s)).ok());
    ScorecardHistory history(db);
    CHECK(history.stateOn(u"ready"_s, at.date()).value().size() == 1);
    CHECK(history.stateOn(u"other"_s, at.date()).value().isEmpty());
    CHECK(history.stateOn(u"ready"_s, at.date().addDays(-1)).value().isEmpty());
}

TEST_CASE("The scorecard engine evaluates again only what a new catalog snapshot changed", "[scorecards]")
{
    const ScorecardSet set = cardSet();
    QDateTime now(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    std::vector<Entity> entities;
    for (int i = 0; i < 50; ++i) {
        entities.push_back(service(u"svc-%1"_s.arg(i), i % 2 == 0));
    }
    entities.push_back(service(u"lib"_s, true, u"production"_s));
    entities.push_back(service(u"app"_s, true, u"production"_s, {u"component:lib"_s}));
    entities.push_back(team());
    ScorecardEngine engine;
    const ScorecardResults::Ptr first = engine.update(set, Catalog::build(entities), nullptr, now);
    REQUIRE(first);
    CHECK(first->evaluated == 53);
    REQUIRE(first->runs.size() == 1);
    CHECK(first->runs[0].entities.size() == 52); // the team is filtered out
    const Catalog &c1 = *first->catalog;
    CHECK(first->levelName(0, c1.find(u"app"_s)) == u"Gold"_s);
    CHECK(first->levelName(0, c1.find(u"svc-1"_s)) == u"Bronze"_s);
    CHECK(first->score(0, c1.find(u"group:team-a"_s)) == nullptr);

    // One service gains docs: only it is evaluated (and its team, whose ownerOf relation points at it), and the
    // result equals a full evaluation.
    entities[1] = service(u"svc-1"_s, true);
    now = now.addSecs(60);
    const Catalog::Ptr second = Catalog::build(entities);
    const ScorecardResults::Ptr r2 = engine.update(set, second, nullptr, now);
    CHECK(r2->evaluated == 2);
    CHECK(r2->levelName(0, second->find(u"svc-1"_s)) == u"Gold"_s);
    const ScorecardRun full = ScorecardEvaluator(*second, nullptr, now).run(set.cards.first());
    REQUIRE(full.entities.size() == r2->runs[0].entities.size());
    for (std::size_t i = 0; i < full.entities.size(); ++i) {
        CHECK(full.entities[i].entity == r2->runs[0].entities[i].entity);
        CHECK(full.entities[i].level == r2->runs[0].entities[i].level);
        CHECK(full.entities[i].truths == r2->runs[0].entities[i].truths);
    }
    CHECK(full.levelCounts == r2->runs[0].levelCounts);

    // The library it depends on is deprecated: the library, what depends on it and its team are evaluated again.
    entities[50] = service(u"lib"_s, true, u"deprecated"_s);
    const Catalog::Ptr third = Catalog::build(entities);
    const ScorecardResults::Ptr r3 = engine.update(set, third, nullptr, now.addSecs(60));
    CHECK(r3->evaluated == 3);
    CHECK(r3->levelName(0, third->find(u"app"_s)) == u"Silver"_s);

    // A removed entity: what pointed at it (the app, the team) now points nowhere.
    entities.erase(entities.begin() + 50);
    const Catalog::Ptr fourth = Catalog::build(entities);
    const ScorecardResults::Ptr r4 = engine.update(set, fourth, nullptr, now.addSecs(120));
    CHECK(r4->evaluated == 2);
    CHECK(r4->runs[0].entities.size() == 51);
    CHECK(r4->levelName(0, fourth->find(u"app"_s)) == u"Gold"_s);

    // Other scorecard files, or an hour later: everything again.
    ScorecardSet edited = set;
    edited.fingerprint += "# edited";
    CHECK(engine.update(edited, fourth, nullptr, now.addSecs(180))->evaluated == fourth->size());
    CHECK(engine.update(edited, fourth, nullptr, now.addSecs(240))->evaluated == 0);
    CHECK(engine.update(edited, fourth, nullptr, now.addSecs(3 * 3600))->evaluated == fourth->size());
}

TEST_CASE("What if: an edited scorecard compared with the current one, entity by entity", "[scorecards]")
{
    const QDateTime now(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    const Catalog::Ptr catalog = Catalog::build(
        {service(u"checkout"_s, true), service(u"billing"_s, false), service(u"search"_s, true), team()});
    const Scorecard current = cardSet().cards.first();
    // Docs move down to Bronze, and Silver asks for a production lifecycle that search does not have.
    QByteArray edited = cardYaml;
    edited.replace("    level: Silver\n", "    level: Bronze\n");
    edited.append("  - id: production\n    level: Silver\n    condition: {fact: spec.lifecycle, equals: production}\n");
    const Scorecard next = cardSet(edited).cards.first();
    const Catalog::Ptr changed = Catalog::build({service(u"checkout"_s, true), service(u"billing"_s, false),
                                                 service(u"search"_s, true, u"experimental"_s), team()});
    // The same catalog: billing drops below Bronze, the others keep their level.
    const ScorecardComparison same =
        compareRuns(current, runOf(*catalog, current, now), next, runOf(*catalog, next, now));
    REQUIRE(same.moves.size() == 1);
    CHECK(same.moves[0].entity == catalog->find(u"billing"_s));
    CHECK(same.moves[0].beforeName == u"Bronze"_s);
    CHECK(same.moves[0].afterName.isEmpty());
    CHECK(same.moves[0].direction == -1);
    CHECK(same.down == 1);
    CHECK(same.up == 0);
    CHECK(same.same == 2);

    const ScorecardComparison other =
        compareRuns(current, runOf(*changed, current, now), next, runOf(*changed, next, now));
    REQUIRE(other.moves.size() == 2);
    CHECK(other.moves[1].entity == changed->find(u"search"_s));
    CHECK(other.moves[1].beforeName == u"Gold"_s);
    CHECK(other.moves[1].afterName == u"Bronze"_s);
    CHECK(other.moves[1].direction == -1);

    // A filter that leaves an entity out: it is no longer scored.
    QByteArray narrowed = edited;
    narrowed.replace("filter: {fact: kind, equals: Component}", "filter: {fact: metadata.name, notEquals: search}");
    const Scorecard narrow = cardSet(narrowed).cards.first();
    const ScorecardComparison out =
        compareRuns(current, runOf(*catalog, current, now), narrow, runOf(*catalog, narrow, now));
    const auto it = std::find_if(out.moves.cbegin(), out.moves.cend(),
                                 [&](const ScorecardMove &m) { return m.entity == catalog->find(u"search"_s); });
    REQUIRE(it != out.moves.cend());
    CHECK(it->scoredBefore);
    CHECK_FALSE(it->scoredAfter);
    CHECK(it->direction == -1);
}
