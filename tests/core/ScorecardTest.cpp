// Scorecards: reading definitions (with file and line for every mistake), the facts of an entity, every operator
// and nesting with unknowns, the level ladder and the weighted score.
#include "scorecards/ScorecardEvaluator.h"

#include "support/TestSupport.h"

#include <QCborArray>
#include <QCborMap>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace {

Entity entity(const QString &kind, const QString &name, const QCborMap &spec, const QCborMap &metadata = {})
{
    QCborMap meta = metadata;
    meta.insert(u"name"_s, name);
    return Entity::fromEnvelope(QCborMap{
        {u"apiVersion"_s, u"backstage.io/v1alpha1"_s}, {u"kind"_s, kind}, {u"metadata"_s, meta}, {u"spec"_s, spec}});
}

// A small catalog: a service with most things set, a bare one, its team, and a deprecated library it depends on.
Catalog::Ptr sample()
{
    std::vector<Entity> entities;
    entities.push_back(
        entity(u"Component"_s, u"checkout"_s,
               QCborMap{{u"type"_s, u"service"_s},
                        {u"lifecycle"_s, u"production"_s},
                        {u"owner"_s, u"team-a"_s},
                        {u"replicas"_s, 3},
                        {u"reviewedAt"_s, u"2026-10-01T00:00:00Z"_s},
                        {u"dependsOn"_s, QCborArray{u"component:old-lib"_s}}},
               QCborMap{{u"description"_s, u"Takes the money"_s},
                        {u"tags"_s, QCborArray{u"java"_s, u"payments"_s}},
                        {u"annotations"_s, QCborMap{{u"backstage.io/techdocs-ref"_s, u"dir:."_s},
                                                    {u"github.com/project-slug"_s, u"acme/checkout"_s}}}}));
    entities.push_back(
        entity(u"Component"_s, u"bare"_s, QCborMap{{u"type"_s, u"service"_s}, {u"owner"_s, u"nobody"_s}}));
    entities.push_back(entity(u"Group"_s, u"team-a"_s, QCborMap{{u"type"_s, u"team"_s}}));
    entities.push_back(
        entity(u"Component"_s, u"old-lib"_s,
               QCborMap{{u"type"_s, u"library"_s}, {u"lifecycle"_s, u"deprecated"_s}, {u"owner"_s, u"team-a"_s}}));
    return Catalog::build(std::move(entities));
}

// A scorecard of one rule whose condition is `yaml` (flow style), read as a file would be.
Scorecard oneRule(const QString &yaml)
{
    ErrorList problems;
    const QByteArray text = u"id: t\nlevels: [Only]\nrules:\n  - id: r\n    condition: %1\n"_s.arg(yaml).toUtf8();
    std::optional<Scorecard> card = ScorecardReader::readData(text, u"t.yaml"_s, problems);
    INFO(Portolan::Test::describe(problems).toStdString());
    REQUIRE(card.has_value());
    REQUIRE(problems.isEmpty());
    return *card;
}

const QDateTime now = QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC);

Truth truthOf(const Catalog &catalog, const QString &yaml, const QString &ref, const LiveSnapshot *live = nullptr)
{
    const Scorecard card = oneRule(yaml);
    const ScorecardEvaluator evaluator(catalog, live, now);
    const int index = catalog.find(ref);
    REQUIRE(index >= 0);
    return evaluator.test(card.rules.first().condition, index);
}

} // namespace

TEST_CASE("Scorecard operators on set, unset and list facts", "[scorecards]")
{
    const Catalog::Ptr c = sample();
    const auto is = [&c](const QString &yaml, const QString &ref = u"component:checkout"_s) {
        return truthOf(*c, yaml, ref);
    };
    const Truth pass = Truth::Pass;
    const Truth fail = Truth::Fail;

    CHECK(is(u"{fact: spec.lifecycle, equals: production}"_s) == pass);
    CHECK(is(u"{fact: spec.lifecycle, equals: Production}"_s) == fail); // case matters
    CHECK(is(u"{fact: spec.lifecycle, equals: production}"_s, u"component:bare"_s) == fail); // unset
    CHECK(is(u"{fact: spec.lifecycle, notEquals: deprecated}"_s) == pass);
    CHECK(is(u"{fact: spec.lifecycle, notEquals: deprecated}"_s, u"component:bare"_s) == pass);
    CHECK(is(u"{fact: spec.replicas, equals: 3}"_s) == pass);
    CHECK(is(u"{fact: spec.replicas, equals: \"3\"}"_s) == pass); // a number written as text is the same
    CHECK(is(u"{fact: kind, in: [API, Component]}"_s) == pass);
    CHECK(is(u"{fact: kind, notIn: [API, Component]}"_s) == fail);
    CHECK(is(u"{fact: kind, notIn: [API, Component]}"_s, u"component:bare"_s) == fail);
    CHECK(is(u"{fact: metadata.description, contains: money}"_s) == pass); // a substring
    CHECK(is(u"{fact: metadata.tags, contains: java}"_s) == pass); // one of a list
    CHECK(is(u"{fact: metadata.tags, contains: jav}"_s) == fail); // not part of an item
    CHECK(is(u"{fact: metadata.tags, in: [java, payments, go]}"_s) == pass); // every item
    CHECK(is(u"{fact: metadata.tags, in: [java]}"_s) == fail);
    CHECK(is(u"{fact: metadata.annotations.github.com/project-slug, matches: \"^acme/\"}"_s) == pass);
    CHECK(is(u"{fact: metadata.annotations.github.com/project-slug, matches: \"^other/\"}"_s) == fail);
    CHECK(is(u"{fact: metadata.annotations.backstage.io/techdocs-ref, exists: true}"_s) == pass);
    CHECK(is(u"{fact: metadata.annotations.backstage.io/techdocs-ref, exists: true}"_s, u"component:bare"_s) == fail);
    CHECK(is(u"{fact: metadata.annotations.backstage.io/techdocs-ref, exists: false}"_s, u"component:bare"_s) == pass);
    CHECK(is(u"{fact: metadata.tags, empty: true}"_s, u"component:bare"_s) == pass);
    CHECK(is(u"{fact: metadata.tags, empty: false}"_s) == pass);
    CHECK(is(u"{fact: spec.replicas, greaterThan: 2}"_s) == pass);
    CHECK(is(u"{fact: spec.replicas, greaterThan: 3}"_s) == fail);
    CHECK(is(u"{fact: spec.replicas, atLeast: 3}"_s) == pass);
    CHECK(is(u"{fact: spec.replicas, lessThan: 3}"_s) == fail);
    CHECK(is(u"{fact: spec.replicas, atMost: 3}"_s) == pass);
    CHECK(is(u"{fact: spec.replicas, atMost: 3}"_s, u"component:bare"_s) == fail); // unset is no number
    CHECK(is(u"{fact: spec.lifecycle, lessThan: 3}"_s) == fail); // not a number
    // Ages against the evaluator's clock (2026-11-27): reviewed on 2026-10-01, 57 days before.
    CHECK(is(u"{fact: spec.reviewedAt, olderThan: 30d}"_s) == pass);
    CHECK(is(u"{fact: spec.reviewedAt, olderThan: 60d}"_s) == fail);
    CHECK(is(u"{fact: spec.reviewedAt, newerThan: 9w}"_s) == pass);
    CHECK(is(u"{fact: spec.reviewedAt, newerThan: 8w}"_s) == fail);
    CHECK(is(u"{fact: spec.reviewedAt, olderThan: 90}"_s) == fail); // days
    CHECK(is(u"{fact: spec.lifecycle, olderThan: 1h}"_s) == fail); // not a date

    // Relations and what their targets say.
    CHECK(is(u"{fact: owner.exists, equals: true}"_s) == pass);
    CHECK(is(u"{fact: owner.exists, equals: true}"_s, u"component:bare"_s) == fail); // group:nobody is not there
    CHECK(is(u"{fact: relations.ownedBy, equals: \"group:default/team-a\"}"_s) == pass);
    CHECK(is(u"{fact: relations.dependsOn.spec.lifecycle, contains: deprecated}"_s) == pass);
    CHECK(is(u"{fact: relations.dependsOn.spec.lifecycle, contains: deprecated}"_s, u"component:bare"_s) == fail);
    CHECK(is(u"{fact: relations.providesApi, exists: true}"_s) == fail);
}

TEST_CASE("Scorecard nesting: all, any and not, with unknown facts neither passing nor failing", "[scorecards]")
{
    const Catalog::Ptr c = sample();
    const auto is = [&c](const QString &yaml) { return truthOf(*c, yaml, u"component:checkout"_s); };
    // Without live data, GitHub facts are unknown, and so is a test of them: never failed for lack of data.
    CHECK(is(u"{fact: github.ci, equals: passing}"_s) == Truth::Unknown);
    CHECK(is(u"{fact: github.ci, exists: false}"_s) == Truth::Unknown);
    CHECK(is(u"{not: {fact: github.ci, equals: passing}}"_s) == Truth::Unknown);
    const QString yes = u"{fact: kind, equals: Component}"_s;
    const QString no = u"{fact: kind, equals: API}"_s;
    const QString maybe = u"{fact: runtime.health, equals: healthy}"_s;
    CHECK(is(u"{all: [%1, %2]}"_s.arg(yes, yes)) == Truth::Pass);
    CHECK(is(u"{all: [%1, %2]}"_s.arg(yes, no)) == Truth::Fail);
    CHECK(is(u"{all: [%1, %2]}"_s.arg(yes, maybe)) == Truth::Unknown);
    CHECK(is(u"{all: [%1, %2]}"_s.arg(maybe, no)) == Truth::Fail); // false whatever the unknown is
    CHECK(is(u"{any: [%1, %2]}"_s.arg(no, no)) == Truth::Fail);
    CHECK(is(u"{any: [%1, %2]}"_s.arg(no, yes)) == Truth::Pass);
    CHECK(is(u"{any: [%1, %2]}"_s.arg(maybe, yes)) == Truth::Pass); // true whatever the unknown is
    CHECK(is(u"{any: [%1, %2]}"_s.arg(maybe, no)) == Truth::Unknown);
    CHECK(is(u"{not: %1}"_s.arg(no)) == Truth::Pass);
    CHECK(is(u"{not: {not: %1}}"_s.arg(yes)) == Truth::Pass);
    CHECK(is(u"{all: [%1, {any: [%2, {not: %3}]}]}"_s.arg(yes, no, no)) == Truth::Pass);
    CHECK(is(u"{all: [%1, {any: [%2, {not: %3}]}]}"_s.arg(yes, no, yes)) == Truth::Fail);
}

TEST_CASE("Scorecard facts from GitHub and Kubernetes", "[scorecards]")
{
    const Catalog::Ptr c = sample();
    LiveSnapshot live;
    RepositoryInsights github;
    github.slug = u"acme/checkout"_s;
    github.defaultBranch = u"main"_s;
    WorkflowRun run;
    run.workflow = u"ci"_s;
    run.branch = u"main"_s;
    run.status = u"completed"_s;
    run.conclusion = u"failure"_s;
    run.updatedAt = now.addDays(-2);
    github.runs.append(run);
    PullRequestInfo pull;
    pull.createdAt = now.addDays(-40);
    github.pulls.append(pull);
    pull.createdAt = now.addDays(-3);
    github.pulls.append(pull);
    live.github.insert(u"component:default/checkout"_s, github);
    EntityRuntime runtime;
    WorkloadInfo workload;
    workload.kind = u"Deployment"_s;
    workload.desired = 3;
    workload.ready = 2;
    workload.images = {u"registry.acme.io:5000/checkout:1.4.2"_s, u"envoyproxy/envoy"_s};
    workload.health = Health::Degraded;
    runtime.workloads.append(workload);
    runtime.health = Health::Degraded;
    live.runtime.insert(u"component:default/checkout"_s, runtime);

    const auto is = [&](const QString &yaml) { return truthOf(*c, yaml, u"component:checkout"_s, &live); };
    CHECK(is(u"{fact: github.ci, equals: failing}"_s) == Truth::Pass);
    CHECK(is(u"{fact: github.pullRequests.open, equals: 2}"_s) == Truth::Pass);
    CHECK(is(u"{fact: github.pullRequests.oldestOpenedAt, olderThan: 30d}"_s) == Truth::Pass);
    CHECK(is(u"{fact: github.runs.latestAt, newerThan: 7d}"_s) == Truth::Pass);
    CHECK(is(u"{fact: github.releases.latestPublishedAt, exists: true}"_s) == Truth::Fail); // known: none
    CHECK(is(u"{fact: runtime.health, equals: degraded}"_s) == Truth::Pass);
    CHECK(is(u"{fact: runtime.replicas.ready, lessThan: 3}"_s) == Truth::Pass);
    CHECK(is(u"{fact: runtime.pods.healthy, equals: false}"_s) == Truth::Pass);
    // The second image has no tag: it pulls latest.
    CHECK(is(u"{fact: runtime.imageTags, contains: \"1.4.2\"}"_s) == Truth::Pass);
    CHECK(is(u"{fact: runtime.imageTags, contains: latest}"_s) == Truth::Pass);
    // Another entity has no live data: unknown.
    CHECK(truthOf(*c, u"{fact: runtime.health, equals: degraded}"_s, u"component:bare"_s, &live) == Truth::Unknown);
}

TEST_CASE("Scorecard facts from monitoring and feature flags", "[scorecards]")
{
    const Catalog::Ptr c = sample();
    LiveSnapshot live;
    EntityOps ops;
    AlertInfo alert;
    alert.name = u"CheckoutHighErrorRate"_s;
    alert.state = u"firing"_s;
    alert.severity = u"critical"_s;
    ops.alerts.append(alert);
    alert.name = u"CheckoutSlow"_s;
    alert.severity = u"warning"_s;
    ops.alerts.append(alert);
    alert.name = u"CheckoutSilenced"_s;
    alert.state = u"suppressed"_s;
    ops.alerts.append(alert);
    FeatureFlagInfo flag;
    flag.name = u"checkout.new-cart"_s;
    ops.flags.append(flag);
    flag.name = u"checkout.old-cart"_s;
    flag.stale = true;
    ops.flags.append(flag);
    live.ops.insert(u"component:default/checkout"_s, ops);

    const auto is = [&](const QString &yaml, const QString &entity = u"component:checkout"_s) {
        return truthOf(*c, yaml, entity, &live);
    };
    CHECK(is(u"{fact: alerts.firing, equals: 2}"_s) == Truth::Pass); // the silenced one does not count
    CHECK(is(u"{fact: alerts.critical, equals: 1}"_s) == Truth::Pass);
    CHECK(is(u"{fact: flags.count, equals: 2}"_s) == Truth::Pass);
    CHECK(is(u"{fact: flags.stale, atMost: 0}"_s) == Truth::Fail);
    // An entity no source reports on: nothing firing, no flags.
    CHECK(is(u"{fact: alerts.firing, equals: 0}"_s, u"component:bare"_s) == Truth::Pass);
    CHECK(is(u"{fact: flags.stale, equals: 0}"_s, u"component:bare"_s) == Truth::Pass);
}

TEST_CASE("Scorecard levels: an entity holds a level when it passes every rule of it and below", "[scorecards]")
{
    const Catalog::Ptr c = sample();
    ErrorList problems;
    const std::optional<Scorecard> card = ScorecardReader::readData(R"(id: ready
filter: {fact: spec.type, equals: service}
rules:
  - {id: owner, level: Bronze, weight: 3, condition: {fact: owner.exists, equals: true}}
  - {id: docs, level: Silver, condition: {fact: metadata.annotations.backstage.io/techdocs-ref, exists: true}}
  - {id: described, level: Silver, condition: {fact: metadata.description, exists: true}}
  - {id: ci, level: Gold, condition: {fact: github.ci, equals: passing}}
  - {id: tags, level: Gold, condition: {fact: metadata.tags, exists: true}}
)",
                                                                    u"ready.yaml"_s, problems);
    INFO(Portolan::Test::describe(problems).toStdString());
    REQUIRE(card.has_value());
    REQUIRE(problems.isEmpty());
    REQUIRE(card->levels.size() == 3); // the default ladder
    CHECK(card->levels.at(0).name == u"Bronze"_s);
    CHECK(card->levels.at(2).name == u"Gold"_s);

    const ScorecardEvaluator evaluator(*c, nullptr, now);
    const ScorecardRun run = evaluator.run(*card);
    REQUIRE(run.entities.size() == 2); // the services, not the library or the group
    const EntityScore &checkout = run.entities.at(0);
    CHECK(c->entity(checkout.entity).name == u"checkout"_s);
    // Bronze and Silver pass; Gold's CI is unknown: not held, not failed.
    CHECK(checkout.level == 1);
    CHECK(checkout.passed == 4);
    CHECK(checkout.unknown == 1);
    CHECK(checkout.failed == 0);
    CHECK(checkout.truths.at(3) == Truth::Unknown);
    CHECK(checkout.why.isEmpty()); // a run does not explain
    const EntityScore explained = evaluator.evaluate(*card, checkout.entity, true);
    CHECK(explained.why.at(3).join(u' ').contains(u"github.ci is unknown: no GitHub data"_s));
    CHECK(explained.level == checkout.level);
    CHECK(checkout.score == Approx(100.0 * 6 / 7));
    const EntityScore &bare = run.entities.at(1);
    CHECK(bare.level == -1); // its owner is not in the catalog
    CHECK(bare.failed == 4);
    CHECK(evaluator.evaluate(*card, bare.entity, true).why.at(0)
          == QStringList{u"owner.exists is false, wanted equals true"_s});
    CHECK(bare.score == Approx(0.0));
    CHECK(run.levelCounts == QList<int>{0, 1, 0, 1});

    // A higher level passing does not lift an entity over a lower one it misses.
    const Scorecard gap = oneRule(u"{fact: kind, equals: Component}"_s);
    Scorecard ladder = gap;
    ladder.levels = Scorecard::defaultLevels();
    ladder.rules.first().level = 2; // Gold passes
    ScorecardRule silver = ladder.rules.first();
    silver.id = u"s"_s;
    silver.level = 1;
    silver.condition = oneRule(u"{fact: kind, equals: API}"_s).rules.first().condition; // Silver fails
    ladder.rules.append(silver);
    CHECK(evaluator.evaluate(ladder, c->find(u"component:checkout"_s)).level == 0);
}

TEST_CASE("Scorecard files with mistakes: each named with its file, line and field", "[scorecards]")
{
    const auto problemsOf = [](const QByteArray &text) {
        ErrorList problems;
        const std::optional<Scorecard> card = ScorecardReader::readData(text, u"bad.yaml"_s, problems);
        return std::pair{card, problems};
    };
    {
        const auto [card, problems] = problemsOf(R"(id: bad
rules:
  - id: good
    level: Bronze
    condition: {fact: kind, equals: Component}
  - id: typo
    level: Bronze
    condition:
      all:
        - {fact: kind, equals: Component}
        - {fact: spec.lifecycle, equal: production}
  - id: nofact
    level: Silver
    condition: {fact: spec..x, exists: true}
  - id: level
    level: Platinum
    condition: {fact: kind, exists: true}
  - id: regex
    level: Gold
    condition: {fact: metadata.name, matches: "(unclosed"}
  - id: good
    level: Gold
    condition: {fact: kind, exists: true}
)");
        INFO(Portolan::Test::describe(problems).toStdString());
        REQUIRE(card.has_value()); // the good rule is kept
        CHECK(card->rules.size() == 1);
        REQUIRE(problems.size() == 5);
        CHECK(problems.at(0).file == u"bad.yaml"_s);
        CHECK(problems.at(0).line == 11);
        CHECK(problems.at(0).field == u"rules[1].condition.all[1].equal"_s);
        CHECK(problems.at(0).message.contains(u"Unknown field \"equal\""_s));
        CHECK(problems.at(1).line == 14);
        CHECK(problems.at(1).field == u"rules[2].condition.fact"_s);
        CHECK(problems.at(1).message.contains(u"spec..x"_s));
        CHECK(problems.at(2).line == 16);
        CHECK(problems.at(2).message.contains(u"Bronze, Silver, Gold"_s));
        CHECK(problems.at(3).line == 20);
        CHECK(problems.at(3).field == u"rules[4].condition.matches"_s);
        CHECK(problems.at(4).line == 21);
        CHECK(problems.at(4).message.contains(u"used twice"_s));
    }
    {
        const auto [card, problems] = problemsOf("title: no id\nrules: []\n");
        CHECK_FALSE(card.has_value());
        REQUIRE(problems.size() == 1);
        CHECK(problems.first().field == u"id"_s);
    }
    {
        const auto [card, problems] =
            problemsOf("id: x\nrules:\n  - {id: a, level: Bronze, condition: {fact: github.ci, equals: passing, "
                       "in: [a]}}\n  - {id: b, level: Bronze, condition: {fact: spec.x, olderThan: soon}}\n");
        CHECK_FALSE(card.has_value()); // no rule left
        REQUIRE(problems.size() == 2);
        CHECK(problems.at(0).message.contains(u"exactly one operator"_s));
        CHECK(problems.at(0).line == 3);
        CHECK(problems.at(1).field == u"rules[1].condition.olderThan"_s);
        CHECK(problems.at(1).line == 4);
    }
    {
        // A broken filter would apply the scorecard to the wrong entities: no scorecard.
        const auto [card, problems] = problemsOf("id: x\nfilter: {fact: nonsense, exists: true}\nrules:\n"
                                                 "  - {id: a, level: Bronze, condition: {fact: kind, exists: true}}\n");
        CHECK_FALSE(card.has_value());
        REQUIRE(problems.size() == 1);
        CHECK(problems.first().field == u"filter.fact"_s);
        CHECK(problems.first().line == 2);
    }
}

TEST_CASE("The demo workspace's scorecards read without problems", "[scorecards]")
{
    ErrorList problems;
    const QList<Scorecard> cards = ScorecardReader::readAll({u":/demo/scorecards"_s}, problems);
    INFO(Portolan::Test::describe(problems).toStdString());
    CHECK(problems.isEmpty());
    REQUIRE(cards.size() == 2);
    CHECK(cards.at(0).id == u"documentation"_s);
    CHECK(cards.at(1).id == u"production-readiness"_s);
    CHECK(cards.at(1).rules.size() == 8);
}

TEST_CASE("The scorecard JSON Schema names the facts the reader knows", "[scorecards]")
{
    QFile file(u":/schema/scorecard.schema.json"_s);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject schema = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject defs = schema.value("$defs"_L1).toObject();
    const QJsonArray facts =
        defs.value("fact"_L1).toObject().value("anyOf"_L1).toArray().first().toObject().value("enum"_L1).toArray();
    REQUIRE(facts.size() > 15);
    for (const QJsonValue &fact : facts) {
        INFO(fact.toString().toStdString());
        CHECK(FactPath::parse(fact.toString()).has_value());
    }
    CHECK(FactPath::parse(u"relations.dependsOn.spec.lifecycle"_s).has_value());
    CHECK_FALSE(FactPath::parse(u"relations.dependsOn.github.ci"_s).has_value()); // descriptor facts only
    // Every operator the reader takes is in the schema's test, and the other way round.
    QStringList operators = defs.value("test"_L1).toObject().value("properties"_L1).toObject().keys();
    operators.removeAll(u"fact"_s);
    for (const QString &op : std::as_const(operators)) {
        INFO(op.toStdString());
        const QString yaml = u"id: t\nrules: [{id: r, level: Bronze, condition: {fact: kind, %1: %2}}]\n"_s.arg(
            op, op == "in"_L1 || op == "notIn"_L1                                       ? u"[a]"_s
                : op == "exists"_L1 || op == "empty"_L1                                 ? u"true"_s
                : op == "olderThan"_L1 || op == "newerThan"_L1                          ? u"1d"_s
                : op.contains("than"_L1, Qt::CaseInsensitive) || op.startsWith("at"_L1) ? u"1"_s
                                                                                        : u"a"_s);
        ErrorList problems;
        CHECK(ScorecardReader::readData(yaml.toUtf8(), u"t.yaml"_s, problems).has_value());
        CHECK(problems.isEmpty());
    }
    CHECK(operators.size() == 14);
}
