// Port (getport.io) scorecards: Port's documented examples read as Portolan scorecards, every Port operator evaluated
// against Backstage entities, the level ladder with Port's base level, what has no counterpart named with file, line
// and field, the API's wrappers, and a scorecards folder that mixes Portolan's YAML with Port's JSON.
#include "scorecards/PortScorecards.h"
#include "scorecards/ScorecardEvaluator.h"

#include "support/TestSupport.h"

#include <QCborArray>
#include <QCborMap>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace {

const QDateTime now = QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC);

QString iso(const QDateTime &when)
{
    return when.toString(Qt::ISODate);
}

Entity entity(const QString &kind, const QString &name, const QCborMap &spec, const QCborMap &metadata = {})
{
    QCborMap meta = metadata;
    meta.insert(u"name"_s, name);
    return Entity::fromEnvelope(QCborMap{
        {u"apiVersion"_s, u"backstage.io/v1alpha1"_s}, {u"kind"_s, kind}, {u"metadata"_s, meta}, {u"spec"_s, spec}});
}

// Backstage entities with the properties Port's examples test, kept in spec as Backstage keeps them.
Catalog::Ptr sample()
{
    std::vector<Entity> entities;
    entities.push_back(entity(u"Component"_s, u"checkout"_s,
                              QCborMap{{u"type"_s, u"service"_s},
                                       {u"lifecycle"_s, u"production"_s},
                                       {u"owner"_s, u"team-a"_s},
                                       {u"system"_s, u"payments"_s},
                                       {u"dependsOn"_s, QCborArray{u"component:old-lib"_s}},
                                       {u"slackChannel"_s, u"#checkout"_s},
                                       {u"url"_s, u"https://github.com/acme/checkout"_s},
                                       {u"author"_s, u"myValue"_s},
                                       {u"required"_s, true},
                                       {u"sum"_s, 7},
                                       {u"deployment_frequency"_s, 5},
                                       {u"on_call"_s, u"alice"_s},
                                       {u"open_incidents"_s, 2},
                                       {u"languages"_s, QCborArray{u"java"_s, u"kotlin"_s}},
                                       {u"releasedAt"_s, iso(now.addDays(-3))},
                                       {u"reviewedAt"_s, iso(now.addDays(-40))},
                                       {u"nextReview"_s, iso(now.addDays(5))}},
                              QCborMap{{u"title"_s, u"Checkout"_s}}));
    entities.push_back(entity(u"Component"_s, u"bare"_s,
                              QCborMap{{u"type"_s, u"service"_s},
                                       {u"owner"_s, u"nobody"_s},
                                       {u"required"_s, true},
                                       {u"sum"_s, 6},
                                       {u"deployment_frequency"_s, 3}}));
    entities.push_back(entity(u"Group"_s, u"team-a"_s, QCborMap{{u"type"_s, u"team"_s}}));
    entities.push_back(entity(u"Component"_s, u"old-lib"_s,
                              QCborMap{{u"type"_s, u"library"_s},
                                       {u"lifecycle"_s, u"deprecated"_s},
                                       {u"owner"_s, u"team-a"_s},
                                       {u"open_incidents"_s, 1}}));
    entities.push_back(
        entity(u"System"_s, u"payments"_s, QCborMap{{u"owner"_s, u"team-a"_s}, {u"domain"_s, u"commerce"_s}}));
    return Catalog::build(std::move(entities));
}

QByteArray fixture(const QString &name)
{
    QFile file(Portolan::Test::dataPath(u"port/"_s + name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// A Port scorecard of one Bronze rule whose query has these conditions (JSON, comma-separated).
Scorecard oneRule(const QString &conditions, const QString &combinator = u"and"_s)
{
    const QString json = uR"({"identifier": "t", "title": "T", "rules": [{"identifier": "r", "title": "R",
"level": "Bronze", "query": {"combinator": "%1", "conditions": [%2]}}]})"_s.arg(combinator, conditions);
    ErrorList problems;
    QList<Scorecard> cards = ScorecardReader::read(json.toUtf8(), u"t.json"_s, problems);
    INFO(json.toStdString());
    INFO(Portolan::Test::describe(problems).toStdString());
    REQUIRE(problems.isEmpty());
    REQUIRE(cards.size() == 1);
    return cards.first();
}

Truth truthOf(const Catalog &catalog, const QString &conditions, const QString &ref,
              const QString &combinator = u"and"_s)
{
    const Scorecard card = oneRule(conditions, combinator);
    const ScorecardEvaluator evaluator(catalog, nullptr, now);
    const int index = catalog.find(ref);
    REQUIRE(index >= 0);
    return evaluator.test(card.rules.first().condition, index);
}

} // namespace

TEST_CASE("Port levels: the documented ladder, its colours, and the base level every entity holds", "[port]")
{
    ErrorList problems;
    const QList<Scorecard> cards =
        ScorecardReader::read(fixture(u"ownership-levels.json"_s), u"ownership-levels.json"_s, problems);
    INFO(Portolan::Test::describe(problems).toStdString());
    CHECK(problems.isEmpty());
    REQUIRE(cards.size() == 1);
    const Scorecard &card = cards.first();
    CHECK(card.id == u"Ownership"_s);
    CHECK(card.title == u"Ownership"_s);
    REQUIRE(card.levels.size() == 4);
    CHECK(card.levels.at(0).name == u"Basic"_s);
    CHECK(card.levels.at(0).color == u"#b0c4de"_s); // paleBlue
    CHECK(card.levels.at(1).name == u"Bronze"_s);
    CHECK(card.levels.at(1).color == u"#cd7f32"_s);
    CHECK(card.levels.at(2).color == u"#a8a9ad"_s);
    CHECK(card.levels.at(3).color == u"#d4af37"_s);
    REQUIRE(card.rules.size() == 1);
    const ScorecardRule &rule = card.rules.first();
    CHECK(rule.id == u"has-resp-team"_s);
    CHECK(rule.title == u"Has responsible team"_s);
    CHECK(rule.description.startsWith(u"The service has a designated responsible team"_s));
    CHECK(rule.level == 1);
    CHECK(rule.line == 23);

    // An entity that passes no rule still holds Basic, Port's starting level.
    const Catalog::Ptr c = sample();
    const ScorecardEvaluator evaluator(*c, nullptr, now);
    // Owned: Bronze, and Silver and Gold too, which have no rule (Portolan's ladder: a level without rules is held
    // once the levels below it are).
    CHECK(evaluator.evaluate(card, c->find(u"component:checkout"_s)).level == 3);
    CHECK(evaluator.evaluate(card, c->find(u"group:team-a"_s)).level == 0); // no owner: Basic

    // Without levels, Port's default ladder; the rules name its levels.
    problems.clear();
    const QList<Scorecard> editor =
        ScorecardReader::read(fixture(u"ownership-editor.json"_s), u"ownership-editor.json"_s, problems);
    CHECK(problems.isEmpty());
    REQUIRE(editor.size() == 1);
    CHECK(editor.first().levels.size() == 4);
    CHECK(editor.first().levels.first().name == u"Basic"_s);
    REQUIRE(editor.first().rules.size() == 2);
    CHECK(editor.first().rules.at(0).level == 2); // Silver
    CHECK(editor.first().rules.at(1).level == 1); // Bronze
    const Scorecard &ownership = editor.first();
    CHECK(evaluator.evaluate(ownership, c->find(u"component:checkout"_s)).level == 3); // Gold: no rule there
    CHECK(evaluator.evaluate(ownership, c->find(u"component:bare"_s)).level == 1); // owned, no Slack channel

    // Every colour of Port's palette has a value; other names none.
    for (const QString &name :
         {u"blue"_s, u"turquoise"_s, u"orange"_s, u"purple"_s, u"pink"_s, u"yellow"_s, u"green"_s, u"red"_s, u"gold"_s,
          u"silver"_s, u"paleBlue"_s, u"darkGray"_s, u"lightGray"_s, u"bronze"_s, u"lime"_s, u"olive"_s, u"brown"_s}) {
        INFO(name.toStdString());
        CHECK(QRegularExpression(u"^#[0-9a-f]{6}$"_s).match(PortScorecards::colorOf(name)).hasMatch());
    }
    CHECK(PortScorecards::colorOf(u"red"_s) == u"#ff0000"_s);
    CHECK(PortScorecards::colorOf(u"mauve"_s).isEmpty());

    // A scorecard without rules (Port takes it) grades nothing: left out, with a warning.
    problems.clear();
    CHECK(ScorecardReader::read(fixture(u"monitoring-maturity.json"_s), u"m.json"_s, problems).isEmpty());
    REQUIRE(problems.size() == 1);
    CHECK_FALSE(problems.first().isError());
    CHECK(problems.first().field == u"rules"_s);
    CHECK(problems.first().line == 18);
}

TEST_CASE("Port operators, each mapped to Portolan's and evaluated on Backstage entities", "[port]")
{
    const Catalog::Ptr c = sample();
    const auto is = [&c](const QString &condition, const QString &ref = u"component:checkout"_s) {
        return truthOf(*c, condition, ref);
    };
    const Truth pass = Truth::Pass;
    const Truth fail = Truth::Fail;

    // = and != on strings, numbers and booleans
    CHECK(is(uR"({"property": "lifecycle", "operator": "=", "value": "production"})"_s) == pass);
    CHECK(is(uR"({"property": "lifecycle", "operator": "=", "value": "production"})"_s, u"component:bare"_s) == fail);
    CHECK(is(uR"({"property": "deployment_frequency", "operator": "=", "value": 5})"_s) == pass);
    CHECK(is(uR"({"property": "required", "operator": "=", "value": true})"_s) == pass);
    CHECK(is(uR"({"property": "required", "operator": "=", "value": false})"_s) == fail);
    CHECK(is(uR"({"property": "lifecycle", "operator": "!=", "value": "deprecated"})"_s) == pass);
    CHECK(is(uR"({"property": "lifecycle", "operator": "!=", "value": "deprecated"})"_s, u"component:old-lib"_s)
          == fail);

    // >, >=, <, <= (a number written as a string, as Port's Terraform example does, is a number)
    CHECK(is(uR"({"property": "deployment_frequency", "operator": ">", "value": 4})"_s) == pass);
    CHECK(is(uR"({"property": "deployment_frequency", "operator": ">", "value": 5})"_s) == fail);
    CHECK(is(uR"({"property": "deployment_frequency", "operator": ">=", "value": 5})"_s) == pass);
    CHECK(is(uR"({"property": "deployment_frequency", "operator": ">=", "value": "4"})"_s) == pass);
    CHECK(is(uR"({"property": "deployment_frequency", "operator": "<", "value": 5})"_s) == fail);
    CHECK(is(uR"({"property": "deployment_frequency", "operator": "<=", "value": 5})"_s) == pass);
    CHECK(is(uR"({"property": "deployment_frequency", "operator": "<=", "value": 4})"_s) == fail);

    // contains and doesNotContains: in a string, or an item of a list
    CHECK(is(uR"({"property": "url", "operator": "contains", "value": "github.com"})"_s) == pass);
    CHECK(is(uR"({"property": "url", "operator": "contains", "value": "gitlab"})"_s) == fail);
    CHECK(is(uR"({"property": "languages", "operator": "contains", "value": "java"})"_s) == pass);
    CHECK(is(uR"({"property": "url", "operator": "doesNotContains", "value": "gitlab"})"_s) == pass);
    CHECK(is(uR"({"property": "url", "operator": "doesNotContains", "value": "github"})"_s) == fail);

    // beginsWith, endsWith and their negations: anchored, with the value's own characters escaped
    CHECK(is(uR"({"property": "url", "operator": "beginsWith", "value": "https://github.com/"})"_s) == pass);
    CHECK(is(uR"({"property": "url", "operator": "beginsWith", "value": "github.com"})"_s) == fail);
    CHECK(is(uR"({"property": "url", "operator": "beginsWith", "value": "h.tps"})"_s) == fail); // not a regex
    CHECK(is(uR"({"property": "url", "operator": "doesNotBeginsWith", "value": "http://"})"_s) == pass);
    CHECK(is(uR"({"property": "url", "operator": "doesNotBeginsWith", "value": "https"})"_s) == fail);
    CHECK(is(uR"({"property": "url", "operator": "endsWith", "value": "/checkout"})"_s) == pass);
    CHECK(is(uR"({"property": "url", "operator": "endsWith", "value": "/check"})"_s) == fail);
    CHECK(is(uR"({"property": "slackChannel", "operator": "endsWith", "value": "#checkout"})"_s) == pass);
    CHECK(is(uR"({"property": "url", "operator": "doesNotEndsWith", "value": ".git"})"_s) == pass);
    CHECK(is(uR"({"property": "url", "operator": "doesNotEndsWith", "value": "checkout"})"_s) == fail);

    // isEmpty, isNotEmpty, and their "not"
    CHECK(is(uR"({"property": "slackChannel", "operator": "isEmpty"})"_s) == fail);
    CHECK(is(uR"({"property": "slackChannel", "operator": "isEmpty"})"_s, u"component:bare"_s) == pass);
    CHECK(is(uR"({"property": "slackChannel", "operator": "isNotEmpty"})"_s) == pass);
    CHECK(is(uR"({"property": "languages", "operator": "isNotEmpty"})"_s, u"component:bare"_s) == fail);
    CHECK(is(uR"({"not": true, "property": "slackChannel", "operator": "isEmpty"})"_s) == pass);
    CHECK(is(uR"({"not": false, "property": "slackChannel", "operator": "isEmpty"})"_s) == fail);

    // containsAny and in
    CHECK(is(uR"({"property": "languages", "operator": "containsAny", "value": ["go", "kotlin"]})"_s) == pass);
    CHECK(is(uR"({"property": "languages", "operator": "containsAny", "value": ["go", "rust"]})"_s) == fail);
    CHECK(is(uR"({"property": "lifecycle", "operator": "in", "value": ["production", "experimental"]})"_s) == pass);
    CHECK(is(uR"({"property": "lifecycle", "operator": "in", "value": ["experimental"]})"_s) == fail);

    // Dates in a span up to now (evaluated at 2026-11-27: released 3 days ago, reviewed 40 days ago)
    CHECK(is(uR"({"property": "releasedAt", "operator": "between", "value": {"preset": "lastWeek"}})"_s) == pass);
    CHECK(is(uR"({"property": "reviewedAt", "operator": "between", "value": {"preset": "lastWeek"}})"_s) == fail);
    CHECK(is(uR"({"property": "reviewedAt", "operator": "between", "value": {"preset": "lastMonth"}})"_s) == fail);
    CHECK(is(uR"({"property": "reviewedAt", "operator": "between", "value": {"preset": "last3Months"}})"_s) == pass);
    CHECK(is(uR"({"property": "nextReview", "operator": "between", "value": {"preset": "last12Months"}})"_s)
          == fail); // in the future
    CHECK(is(uR"({"property": "releasedAt", "operator": "notBetween", "value": {"preset": "lastWeek"}})"_s) == fail);
    CHECK(is(uR"({"property": "reviewedAt", "operator": "notBetween", "value": {"preset": "last2Weeks"}})"_s) == pass);
    CHECK(is(uR"({"property": "releasedAt", "operator": "=", "value": {"preset": "last6Months"}})"_s) == pass);
    CHECK(is(uR"({"property": "releasedAt", "operator": "between", "value": {"preset": "lastWeek"}})"_s,
             u"component:bare"_s)
          == fail); // not set

    // Meta-properties
    CHECK(is(uR"({"property": "$identifier", "operator": "=", "value": "checkout"})"_s) == pass);
    CHECK(is(uR"({"property": "$identifier", "operator": "beginsWith", "value": "old"})"_s) == fail);
    CHECK(is(uR"({"property": "$title", "operator": "=", "value": "Checkout"})"_s) == pass);
    CHECK(is(uR"({"property": "$team", "operator": "isNotEmpty"})"_s) == pass);
    CHECK(is(uR"({"property": "$team", "operator": "isEmpty"})"_s, u"group:team-a"_s) == pass);
    CHECK(is(uR"({"property": "$team", "operator": "=", "value": "team-a"})"_s) == pass);
    CHECK(is(uR"({"property": "$team", "operator": "in", "value": ["team-b", "team-a"]})"_s) == pass);
    // The owner is named but not in the catalog: it has a team, whose name is not known.
    CHECK(is(uR"({"property": "$team", "operator": "isNotEmpty"})"_s, u"component:bare"_s) == pass);
    CHECK(is(uR"({"property": "$team", "operator": "=", "value": "nobody"})"_s, u"component:bare"_s) == fail);

    // Relations: a Backstage relation type, or a reference Backstage keeps in spec
    CHECK(is(uR"({"relation": "dependsOn", "operator": "isNotEmpty"})"_s) == pass);
    CHECK(is(uR"({"relation": "dependsOn", "operator": "isNotEmpty"})"_s, u"component:bare"_s) == fail);
    CHECK(is(uR"({"relation": "dependsOn", "operator": "=", "value": "old-lib"})"_s) == pass);
    CHECK(is(uR"({"relation": "dependsOn", "operator": "!=", "value": "old-lib"})"_s) == fail);
    CHECK(is(uR"({"relation": "system", "operator": "=", "value": "payments"})"_s) == pass);
    CHECK(is(uR"({"relation": "system", "operator": "isEmpty"})"_s, u"component:bare"_s) == pass);

    // What each maps to, as Portolan would have written it
    const auto mapped = [](const QString &condition) { return oneRule(condition).rules.first().condition.children; };
    const QList<Condition> begins = mapped(uR"({"property": "url", "operator": "beginsWith", "value": "a.b"})"_s);
    REQUIRE(begins.size() == 1);
    CHECK(begins.first().op == Condition::Op::Matches);
    CHECK(begins.first().fact.text == u"spec.url"_s);
    CHECK(begins.first().operandText == u"^a\\.b"_s);
    const QList<Condition> notEnds =
        mapped(uR"({"property": "$identifier", "operator": "doesNotEndsWith", "value": "x"})"_s);
    REQUIRE(notEnds.first().op == Condition::Op::Not);
    CHECK(notEnds.first().children.first().op == Condition::Op::Matches);
    CHECK(notEnds.first().children.first().fact.text == u"metadata.name"_s);
    CHECK(notEnds.first().children.first().operandText == u"x\\z"_s);
    const QList<Condition> empty = mapped(uR"({"property": "$team", "operator": "isEmpty"})"_s);
    CHECK(empty.first().op == Condition::Op::Empty);
    CHECK(empty.first().operand.toBool());
    CHECK(empty.first().fact.text == u"relations.ownedBy"_s);
    CHECK(mapped(uR"({"relation": "domain", "operator": "isNotEmpty"})"_s).first().fact.text == u"spec.domain"_s);
}

TEST_CASE("Port combinators: and, or, and the filter of the scorecard", "[port]")
{
    const Catalog::Ptr c = sample();
    // The combinator examples of docs.port.io/scorecards/concepts-and-structure.
    const QString onCall = uR"({"operator": "isNotEmpty", "property": "on_call"},
                               {"operator": "<", "property": "open_incidents", "value": 5})"_s;
    CHECK(truthOf(*c, onCall, u"component:checkout"_s, u"and"_s) == Truth::Pass); // both
    CHECK(truthOf(*c, onCall, u"component:old-lib"_s, u"and"_s) == Truth::Fail); // incidents only
    CHECK(truthOf(*c, onCall, u"component:old-lib"_s, u"or"_s) == Truth::Pass);
    CHECK(truthOf(*c, onCall, u"component:bare"_s, u"or"_s) == Truth::Fail); // neither

    // Terraform's example with levels and filter: the filter picks the entities, the first level is the base.
    ErrorList problems;
    const QList<Scorecard> cards = ScorecardReader::read(fixture(u"readiness.json"_s), u"readiness.json"_s, problems);
    INFO(Portolan::Test::describe(problems).toStdString());
    REQUIRE(cards.size() == 1);
    REQUIRE(problems.size() == 1); // Port's blueprint has no counterpart
    CHECK_FALSE(problems.first().isError());
    CHECK(problems.first().field == u"blueprint"_s);
    CHECK(problems.first().line == 4);
    const Scorecard &card = cards.first();
    REQUIRE(card.filter.has_value());
    CHECK(card.filter->op == Condition::Op::All);
    REQUIRE(card.levels.size() == 3);
    CHECK(card.levels.at(0).name == u"No Ready"_s);
    CHECK(card.levels.at(0).color == u"#ff0000"_s);
    CHECK(card.levels.at(1).color == u"#ffff00"_s);
    CHECK(card.levels.at(2).color == u"#008000"_s);
    REQUIRE(card.rules.size() == 3);
    CHECK(card.rules.at(2).condition.op == Condition::Op::Any);

    const ScorecardEvaluator evaluator(*c, nullptr, now);
    const ScorecardRun run = evaluator.run(card);
    REQUIRE(run.entities.size() == 2); // required and sum > 5: checkout and bare, not the library or the group
    const EntityScore &checkout = run.entities.at(0);
    CHECK(c->entity(checkout.entity).name == u"checkout"_s);
    CHECK(checkout.level == 2); // Ready
    CHECK(checkout.passed == 3);
    const EntityScore &bare = run.entities.at(1);
    CHECK(c->entity(bare.entity).name == u"bare"_s);
    CHECK(bare.level == 0); // no URL: Partially Ready missed, still No Ready
    CHECK(bare.truths == std::vector<Truth>{Truth::Fail, Truth::Fail, Truth::Pass});
    CHECK(run.levelCounts == QList<int>{1, 0, 1, 0});

    // The DORA example: a number compared, two levels.
    problems.clear();
    const QList<Scorecard> dora = ScorecardReader::read(fixture(u"dora-metrics.json"_s), u"dora.json"_s, problems);
    REQUIRE(dora.size() == 1);
    CHECK(evaluator.evaluate(dora.first(), c->find(u"component:checkout"_s)).level == 3); // 5 > 4: no Gold rule
    CHECK(evaluator.evaluate(dora.first(), c->find(u"component:bare"_s)).level == 1); // 3: Bronze

    // The relation example: a System keeps its domain in spec.domain.
    problems.clear();
    const QList<Scorecard> domain =
        ScorecardReader::read(fixture(u"domain-definition.json"_s), u"domain.json"_s, problems);
    REQUIRE(domain.size() == 1);
    CHECK(evaluator.evaluate(domain.first(), c->find(u"system:payments"_s)).level == 3);
    CHECK(evaluator.evaluate(domain.first(), c->find(u"component:checkout"_s)).level == 0);
}

TEST_CASE("Port scorecards with what has no counterpart: named with file, line and field, the rest kept", "[port]")
{
    const QByteArray text = R"({
  "identifier": "bad",
  "title": "Mistakes",
  "rules": [
    {"identifier": "good", "title": "Good", "level": "Bronze", "query": {"combinator": "and", "conditions": [
      {"property": "$identifier", "operator": "isNotEmpty"}]}},
    {"identifier": "created", "title": "Created", "level": "Bronze", "query": {"combinator": "and", "conditions": [
      {"property": "$createdAt", "operator": "between", "value": {"preset": "lastWeek"}}]}},
    {"identifier": "related", "title": "Related", "level": "Silver", "query": {"combinator": "or", "conditions": [
      {"property": "lifecycle", "operator": "=", "value": "production"},
      {"operator": "relatedTo", "blueprint": "service", "value": "checkout"}]}},
    {"identifier": "range", "title": "Range", "level": "Silver", "query": {"combinator": "and", "conditions": [
      {"property": "releasedAt", "operator": "between", "value": {"from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}}]}},
    {"identifier": "today", "title": "Today", "level": "Gold", "query": {"combinator": "and", "conditions": [
      {"property": "releasedAt", "operator": "between", "value": {"preset": "today"}}]}},
    {"identifier": "base", "title": "Base", "level": "Basic", "query": {"combinator": "and", "conditions": [
      {"property": "url", "operator": "isNotEmpty"}]}},
    {"identifier": "nested", "title": "Nested", "level": "Gold", "query": {"combinator": "and", "conditions": [
      {"combinator": "or", "conditions": [{"property": "url", "operator": "isNotEmpty"}]}]}},
    {"identifier": "platinum", "title": "Platinum", "level": "Platinum", "query": {"combinator": "and", "conditions": [
      {"property": "url", "operator": "isNotEmpty"}]}},
    {"identifier": "icon", "title": "Icon", "level": "Gold", "query": {"combinator": "xor", "conditions": [
      {"property": "$icon", "operator": "isNotEmpty"}]}},
    {"identifier": "number", "title": "Number", "level": "Gold", "query": {"combinator": "and", "conditions": [
      {"property": "sum", "operator": ">", "value": "many"},
      {"property": "$blueprint", "operator": "=", "value": "service"}]}}
  ]
}
)";
    ErrorList problems;
    const QList<Scorecard> cards = ScorecardReader::read(text, u"bad.json"_s, problems);
    INFO(Portolan::Test::describe(problems).toStdString());
    REQUIRE(cards.size() == 1); // the good rule is kept
    REQUIRE(cards.first().rules.size() == 1);
    CHECK(cards.first().rules.first().id == u"good"_s);
    struct Expected
    {
        int line;
        QString field;
        QString says;
    };
    const std::vector<Expected> expected = {
        {8, u"rules[1].query.conditions[0].property"_s, u"\"$createdAt\""_s},
        {11, u"rules[2].query.conditions[1].operator"_s, u"\"relatedTo\""_s},
        {13, u"rules[3].query.conditions[0].value"_s, u"fixed dates"_s},
        {15, u"rules[4].query.conditions[0].value"_s, u"\"today\""_s},
        {16, u"rules[5].level"_s, u"\"Basic\" is the level every entity starts at"_s},
        {19, u"rules[6].query.conditions[0]"_s, u"do not nest"_s},
        {20, u"rules[7].level"_s, u"Bronze, Silver, Gold"_s},
        {22, u"rules[8].query.combinator"_s, u"\"and\" or \"or\""_s},
        {25, u"rules[9].query.conditions[0].value"_s, u"takes a number"_s},
        {26, u"rules[9].query.conditions[1].property"_s, u"$blueprint"_s},
    };
    REQUIRE(problems.size() == qsizetype(expected.size()));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Error &e = problems.at(qsizetype(i));
        INFO(e.toString().toStdString());
        CHECK(e.isError());
        CHECK(e.file == u"bad.json"_s);
        CHECK(e.line == expected[i].line);
        CHECK(e.field == expected[i].field);
        CHECK(e.message.contains(expected[i].says));
    }

    // A filter that cannot be read would grade the wrong entities: no scorecard.
    problems.clear();
    const QByteArray filtered = R"({"identifier": "f", "title": "F",
  "filter": {"combinator": "and", "conditions": [{"property": "$updatedAt", "operator": "isNotEmpty"}]},
  "rules": [{"identifier": "r", "title": "R", "level": "Bronze",
             "query": {"combinator": "and", "conditions": [{"property": "url", "operator": "isNotEmpty"}]}}]}
)";
    CHECK(ScorecardReader::read(filtered, u"f.json"_s, problems).isEmpty());
    REQUIRE(problems.size() == 1);
    CHECK(problems.first().field == u"filter.conditions[0].property"_s);
    CHECK(problems.first().line == 2);
    CHECK(problems.first().message.contains(u"$updatedAt"_s));
}

TEST_CASE("Port's API answers: a list of scorecards, one scorecard, an error", "[port]")
{
    ErrorList problems;
    const QList<Scorecard> all =
        ScorecardReader::read(fixture(u"api-scorecards.json"_s), u"api-scorecards.json"_s, problems);
    INFO(Portolan::Test::describe(problems).toStdString());
    REQUIRE(all.size() == 2);
    CHECK(all.at(0).id == u"Ownership"_s);
    CHECK(all.at(0).idField == u"scorecards[0].identifier"_s);
    CHECK(all.at(0).line == 5);
    CHECK(all.at(0).rules.size() == 2);
    CHECK(all.at(1).id == u"dora_metrics"_s);
    CHECK(all.at(1).line == 41);
    REQUIRE(problems.size() == 2); // one warning per blueprint
    CHECK(problems.at(0).field == u"scorecards[0].blueprint"_s);
    CHECK(problems.at(0).line == 7);
    CHECK(problems.at(1).field == u"scorecards[1].blueprint"_s);
    CHECK(Portolan::Test::countErrors(problems) == 0);

    problems.clear();
    const QList<Scorecard> one = ScorecardReader::read(fixture(u"api-scorecard.json"_s), u"one.json"_s, problems);
    REQUIRE(one.size() == 1);
    CHECK(one.first().id == u"domain_definition"_s);
    CHECK(one.first().idField == u"scorecard.identifier"_s);
    CHECK(Portolan::Test::countErrors(problems) == 0);

    // readData gives one scorecard: the first, with a warning naming the second.
    problems.clear();
    const std::optional<Scorecard> first =
        ScorecardReader::readData(fixture(u"api-scorecards.json"_s), u"api-scorecards.json"_s, problems);
    REQUIRE(first.has_value());
    CHECK(first->id == u"Ownership"_s);
    REQUIRE(problems.size() == 3);
    CHECK(problems.at(2).field == u"scorecards[1].identifier"_s);
    CHECK(problems.at(2).line == 41);
    CHECK(problems.at(2).message.contains(u"holds 2 scorecards"_s));

    // readPort reads Port's form whatever the file looks like; the top-level list of the data model's editor.
    problems.clear();
    const QList<Scorecard> editor =
        ScorecardReader::readPort(fixture(u"ownership-editor.json"_s), u"editor.json"_s, problems);
    REQUIRE(editor.size() == 1);
    CHECK(editor.first().idField == u"[0].identifier"_s);
    CHECK(editor.first().line == 3);
    CHECK(problems.isEmpty());

    // Port's documented error answer is no scorecard, and says why.
    problems.clear();
    CHECK(ScorecardReader::read(R"({"ok": false, "error": "not_found", "message": "Scorecard was not found"})",
                                u"e.json"_s, problems)
              .isEmpty());
    REQUIRE(problems.size() == 1);
    CHECK(problems.first().isError());
    CHECK(problems.first().message.contains(u"Scorecard was not found (not_found)"_s));

    // A list that is not JSON: named with its line.
    problems.clear();
    CHECK(ScorecardReader::readPort("[\n  {\"identifier\": \"x\",\n   rules: ]\n", u"l.json"_s, problems).isEmpty());
    CHECK(Portolan::Test::countErrors(problems) >= 1);
    CHECK(problems.first().file == u"l.json"_s);
    CHECK(problems.first().line == 3);

    // Portolan's own JSON form is not taken for Port's.
    problems.clear();
    const QList<Scorecard> own = ScorecardReader::read(
        R"({"id": "own", "rules": [{"id": "r", "level": "Bronze", "condition": {"fact": "kind", "exists": true}}]})",
        u"own.json"_s, problems);
    CHECK(problems.isEmpty());
    REQUIRE(own.size() == 1);
    CHECK(own.first().id == u"own"_s);
    CHECK(own.first().levels.size() == 3); // Portolan's ladder, not Port's
}

TEST_CASE("A scorecards folder mixing Portolan YAML and Port JSON: every scorecard, ids kept unique", "[port]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QFile demo(u":/demo/scorecards/documentation.yaml"_s);
    REQUIRE(demo.open(QIODevice::ReadOnly));
    Portolan::Test::writeFile(dir, u"documentation.yaml"_s, demo.readAll());
    for (const QString &name : {u"api-scorecards.json"_s, u"ownership-editor.json"_s, u"readiness.json"_s,
                                u"domain-definition.json"_s, u"monitoring-maturity.json"_s}) {
        Portolan::Test::writeFile(dir, name, fixture(name));
    }
    ErrorList problems;
    const QList<Scorecard> cards = ScorecardReader::readAll({dir.path()}, problems);
    INFO(Portolan::Test::describe(problems).toStdString());
    QStringList ids;
    for (const Scorecard &card : cards) {
        ids << card.id;
    }
    // Sorted by id; ownership-editor.json's Ownership comes after api-scorecards.json's and is left out.
    CHECK(
        ids
        == QStringList{u"Ownership"_s, u"Readiness"_s, u"documentation"_s, u"domain_definition"_s, u"dora_metrics"_s});
    REQUIRE(Portolan::Test::countErrors(problems) == 1);
    const auto conflict = std::find_if(problems.cbegin(), problems.cend(), [](const Error &e) { return e.isError(); });
    CHECK(conflict->code == Error::Code::Conflict);
    CHECK(QFileInfo(conflict->file).fileName() == u"ownership-editor.json"_s);
    CHECK(conflict->field == u"[0].identifier"_s);
    CHECK(conflict->line == 3);
    CHECK(conflict->message.contains(u"api-scorecards.json"_s));
    // Warnings: two blueprints in the API answer, one in readiness.json, and the rule-less monitoring scorecard.
    CHECK(problems.size() == 5);
    const Scorecard &yaml = cards.at(2);
    CHECK(yaml.levels.first().name == u"Basic"_s);
    CHECK(yaml.file.endsWith(u"documentation.yaml"_s));
}
