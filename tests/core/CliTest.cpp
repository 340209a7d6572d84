// portolan-cli run as a real child process, the way scripts and CI pipelines use it.
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <catch2/catch.hpp>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args, const QString &workingDir = {})
{
    QProcess p;
    if (!workingDir.isEmpty()) {
        p.setWorkingDirectory(workingDir);
    }
    p.start(QStringLiteral(PORTOLAN_CLI), args);
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

TEST_CASE("validate reports file:line:col and exits 1 on errors", "[core][cli]")
{
    const Run r = cli({QStringLiteral("validate"),
                       Portolan::Test::corpusPath(QStringLiteral("backstage/packages/catalog-model/examples"))});
    INFO(r.out.toStdString() + r.err.toStdString());
    CHECK(r.exitCode == 1);
    CHECK(r.out.contains("INVALID-invalid-component.yaml:4:3: error: \"metadata.name\" is not valid"));
    CHECK(r.out.contains("INVALID-invalid-component.yaml:11:7: error: \"metadata.tags[1]\" is not valid"));
    CHECK(r.err.contains("errors"));
}

TEST_CASE("validate exits 0 on clean input and emits JSON", "[core][cli]")
{
    QTemporaryDir dir;
    Portolan::Test::writeFile(dir, QStringLiteral("ok.yaml"),
                              "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: t}\n"
                              "spec: {type: team, children: []}\n");
    const Run text = cli({QStringLiteral("validate"), dir.path()});
    CHECK(text.exitCode == 0);
    CHECK(text.out.isEmpty());

    const Run json = cli({QStringLiteral("validate"), QStringLiteral("--json"), dir.path()});
    CHECK(json.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    CHECK(o.value(QStringLiteral("valid")).toBool());
    CHECK(o.value(QStringLiteral("entities")).toInt() == 1);
    CHECK(o.value(QStringLiteral("problems")).toArray().isEmpty());
}

TEST_CASE("validate --json lists each problem with its place", "[core][cli]")
{
    QTemporaryDir dir;
    Portolan::Test::writeFile(dir, QStringLiteral("bad.yaml"),
                              "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Bad Name\n"
                              "spec: {type: service, lifecycle: production, owner: a}\n");
    const Run r = cli({QStringLiteral("validate"), QStringLiteral("--json"), dir.path()});
    CHECK(r.exitCode == 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    CHECK_FALSE(o.value(QStringLiteral("valid")).toBool());
    const QJsonArray problems = o.value(QStringLiteral("problems")).toArray();
    REQUIRE(problems.size() == 1);
    const QJsonObject p = problems.first().toObject();
    CHECK(p.value(QStringLiteral("line")).toInt() == 4);
    CHECK(p.value(QStringLiteral("column")).toInt() == 3);
    CHECK(p.value(QStringLiteral("field")).toString() == QStringLiteral("metadata.name"));
    CHECK(p.value(QStringLiteral("severity")).toString() == QStringLiteral("error"));
}

TEST_CASE("catalog list and show on the demo workspace", "[core][cli]")
{
    const Run list = cli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--kind"),
                          QStringLiteral("api"), QStringLiteral("--json")});
    REQUIRE(list.exitCode == 0);
    const QJsonArray apis = QJsonDocument::fromJson(list.out).array();
    REQUIRE(apis.size() >= 10);
    for (const QJsonValue &v : apis) {
        CHECK(v.toObject().value(QStringLiteral("kind")).toString() == QStringLiteral("API"));
    }
    const QString first =
        apis.first().toObject().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();

    const Run show = cli(
        {QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("api:") + first, QStringLiteral("--json")});
    REQUIRE(show.exitCode == 0);
    const QJsonObject entity = QJsonDocument::fromJson(show.out).object();
    CHECK(entity.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString() == first);
    const QJsonArray relations = entity.value(QStringLiteral("relations")).toArray();
    CHECK_FALSE(relations.isEmpty());
    bool owned = false;
    for (const QJsonValue &r : relations) {
        owned = owned || r.toObject().value(QStringLiteral("type")).toString() == QStringLiteral("ownedBy");
    }
    CHECK(owned);

    const Run text = cli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--owner"),
                          QStringLiteral("group:default/payments-team")});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.startsWith("REF"));
    CHECK(text.out.contains("payments-team"));

    const Run missing = cli({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("component:nope")});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains("nope"));
}

TEST_CASE("graph prints a neighbourhood, a system, a blast radius or the catalog as DOT, SVG or JSON",
          "[core][cli][graph]")
{
    // The blast radius of the payments database: everything that needs it, however far.
    const Run json = cli({QStringLiteral("graph"), QStringLiteral("resource:payments-db"),
                          QStringLiteral("--direction"), QStringLiteral("dependents"), QStringLiteral("--depth"),
                          QStringLiteral("-1"), QStringLiteral("--relations"), QStringLiteral("dependsOn"),
                          QStringLiteral("--format"), QStringLiteral("json")});
    INFO(json.err.toStdString());
    REQUIRE(json.exitCode == 0);
    const QJsonObject graph = QJsonDocument::fromJson(json.out).object();
    CHECK(graph.value(QStringLiteral("root")).toString() == QStringLiteral("resource:default/payments-db"));
    QStringList nodes;
    for (const QJsonValue &n : graph.value(QStringLiteral("nodes")).toArray()) {
        nodes.append(n.toObject().value(QStringLiteral("ref")).toString());
    }
    CHECK(nodes.contains(QStringLiteral("component:default/payment-gateway")));
    CHECK(nodes.contains(QStringLiteral("resource:default/ledger-db")));
    for (const QJsonValue &e : graph.value(QStringLiteral("edges")).toArray()) {
        CHECK(e.toObject().value(QStringLiteral("type")).toString() == QStringLiteral("dependsOn"));
        CHECK(nodes.contains(e.toObject().value(QStringLiteral("from")).toString()));
        CHECK(nodes.contains(e.toObject().value(QStringLiteral("to")).toString()));
    }

    const Run dot = cli({QStringLiteral("graph"), QStringLiteral("system:payments-core"), QStringLiteral("--scope"),
                         QStringLiteral("system")});
    REQUIRE(dot.exitCode == 0);
    CHECK(dot.out.startsWith("digraph catalog {"));
    CHECK(dot.out.contains(
        "\"component:default/payment-gateway\" -> \"system:default/payments-core\" [label=\"partOf\"]"));

    const Run whole = cli({QStringLiteral("graph"), QStringLiteral("--scope"), QStringLiteral("catalog"),
                           QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(whole.exitCode == 0);
    CHECK(QJsonDocument::fromJson(whole.out).object().value(QStringLiteral("edges")).toArray().size() > 100);

    // SVG: one box per entity and one line per relation, as the DOT of the same scope has; an XML document.
    const Run svg = cli({QStringLiteral("graph"), QStringLiteral("system:payments-core"), QStringLiteral("--scope"),
                         QStringLiteral("system"), QStringLiteral("--format"), QStringLiteral("svg")});
    REQUIRE(svg.exitCode == 0);
    QXmlStreamReader xml(svg.out);
    int svgEdges = 0;
    int svgNodes = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            svgEdges += xml.attributes().value(QStringLiteral("class")) == QStringLiteral("edge") ? 1 : 0;
            svgNodes += xml.attributes().value(QStringLiteral("class")) == QStringLiteral("node") ? 1 : 0;
        }
    }
    CHECK_FALSE(xml.hasError());
    CHECK(svgEdges == dot.out.count(" -> "));
    CHECK(svgNodes == dot.out.count(" [label=") - dot.out.count(" -> "));
    CHECK(svg.out.contains("data-id=\"component:default/payment-gateway\""));

    // The blast radius scope, grouped by owner, as DOT: owners' boxes with counted lines.
    const Run radius = cli({QStringLiteral("graph"), QStringLiteral("resource:payments-db"), QStringLiteral("--scope"),
                            QStringLiteral("blast-radius"), QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(radius.exitCode == 0);
    QStringList radiusNodes;
    for (const QJsonValue &n : QJsonDocument::fromJson(radius.out).object().value(QStringLiteral("nodes")).toArray()) {
        radiusNodes.append(n.toObject().value(QStringLiteral("ref")).toString());
    }
    CHECK(radiusNodes.contains(QStringLiteral("component:default/payment-gateway")));
    const Run grouped = cli({QStringLiteral("graph"), QStringLiteral("--scope"), QStringLiteral("catalog"),
                             QStringLiteral("--group"), QStringLiteral("owner")});
    REQUIRE(grouped.exitCode == 0);
    CHECK(grouped.out.contains("\"group:group:default/payments-team\""));
    const Run badGroup = cli({QStringLiteral("graph"), QStringLiteral("--scope"), QStringLiteral("catalog"),
                              QStringLiteral("--group"), QStringLiteral("colour")});
    CHECK(badGroup.exitCode == 2);

    const Run unknown = cli({QStringLiteral("graph"), QStringLiteral("component:nope")});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains("nope"));
    const Run badRelation = cli({QStringLiteral("graph"), QStringLiteral("component:payment-gateway"),
                                 QStringLiteral("--relations"), QStringLiteral("dependencyOf")});
    CHECK(badRelation.exitCode == 2);
    CHECK(badRelation.err.contains("dependsOn"));
}

TEST_CASE("catalog commands read the workspace given with --workspace", "[core][cli]")
{
    QTemporaryDir dir;
    Portolan::Test::writeFile(dir, QStringLiteral("portolan.yaml"), "name: Tiny\nlocations: [things/*.yaml]\n");
    Portolan::Test::writeFile(dir, QStringLiteral("things/t.yaml"),
                              "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: tiny-team}\n"
                              "spec: {type: team, children: []}\n");
    const Run r = cli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--workspace"), dir.path()});
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains("group:default/tiny-team"));
    CHECK(r.out.count('\n') == 2);
}

TEST_CASE("ttl list shows what expires, soonest first, and names broken annotations", "[core][cli][ttl]")
{
    QTemporaryDir dir;
    Portolan::Test::writeFile(dir, QStringLiteral("portolan.yaml"), "name: Tiny\nlocations: [envs/*.yaml]\n");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray soon = now.addSecs(-3600).toString(Qt::ISODate).toUtf8();
    const QByteArray later = now.addSecs(-90).toString(Qt::ISODate).toUtf8(); // 23 h 58 min left
    Portolan::Test::writeFile(
        dir, QStringLiteral("envs/e.yaml"),
        "apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: later\n  annotations:\n"
        "    portolan.dev/ttl: 1d\n    portolan.dev/created-at: \""
            + later
            + "\"\nspec: {type: environment, owner: group:default/a}\n---\n"
              "apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: soon\n  annotations:\n"
              "    portolan.dev/ttl: 2h\n    portolan.dev/created-at: \""
            + soon
            + "\"\nspec: {type: environment, owner: group:default/b}\n---\n"
              "apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: broken\n  annotations:\n"
              "    portolan.dev/ttl: a while\n    portolan.dev/created-at: \""
            + soon + "\"\nspec: {type: environment, owner: group:default/c}\n");

    const Run text = cli({QStringLiteral("ttl"), QStringLiteral("list"), QStringLiteral("--workspace"), dir.path()});
    CHECK(text.exitCode == 0);
    const QList<QByteArray> lines = text.out.trimmed().split('\n');
    REQUIRE(lines.size() == 2);
    CHECK(lines.at(0).startsWith("resource:default/soon"));
    CHECK(lines.at(0).contains("in 59 min"));
    CHECK(lines.at(0).contains("group:default/b"));
    CHECK(lines.at(1).startsWith("resource:default/later"));
    CHECK(lines.at(1).contains("in 23 h 58 min"));
    INFO(text.err.toStdString());
    CHECK(text.err.contains("e.yaml:19")); // the descriptor of broken
    CHECK(text.err.contains("portolan.dev/ttl"));
    CHECK(text.err.contains("a while"));

    const Run json = cli({QStringLiteral("ttl"), QStringLiteral("list"), QStringLiteral("--json"),
                          QStringLiteral("--workspace"), dir.path()});
    const QJsonArray array = QJsonDocument::fromJson(json.out).array();
    REQUIRE(array.size() == 2);
    CHECK(array.at(0).toObject().value(QStringLiteral("ttlSeconds")).toInteger() == 7200);
    CHECK(array.at(0).toObject().value(QStringLiteral("secondsLeft")).toInteger() <= 3600);
    CHECK(array.at(0).toObject().value(QStringLiteral("secondsLeft")).toInteger() > 3500);
}

TEST_CASE("Unknown commands are usage errors", "[core][cli]")
{
    CHECK(cli({QStringLiteral("frobnicate")}).exitCode == 2);
    CHECK(cli({QStringLiteral("validate")}).exitCode == 2);
}

TEST_CASE("score grades the demo's entities and gates a pipeline on a level", "[core][cli][scorecards]")
{
    const Run json = cli({QStringLiteral("score"), QStringLiteral("--scorecard"),
                          QStringLiteral("production-readiness"), QStringLiteral("--json")});
    INFO(json.err.toStdString());
    REQUIRE(json.exitCode == 0);
    const QJsonArray cards = QJsonDocument::fromJson(json.out).array();
    REQUIRE(cards.size() == 1);
    const QJsonObject card = cards.first().toObject();
    CHECK(card.value(QStringLiteral("scorecard")).toString() == QStringLiteral("production-readiness"));
    QHash<QString, QJsonObject> byRef;
    for (const QJsonValue &e : card.value(QStringLiteral("entities")).toArray()) {
        byRef.insert(e.toObject().value(QStringLiteral("entity")).toString(), e.toObject());
    }
    // Services only (the filter), each with all eight rules.
    CHECK(byRef.contains(QStringLiteral("component:default/booking-service")));
    CHECK_FALSE(byRef.contains(QStringLiteral("api:default/booking-api")));
    const QJsonObject booking = byRef.value(QStringLiteral("component:default/booking-service"));
    CHECK(booking.value(QStringLiteral("rules")).toArray().size() == 8);
    // It has an owner, a system and an on-call rotation; GitHub and Kubernetes have not been read: Silver, with the
    // Gold rules unknown rather than failed.
    CHECK(booking.value(QStringLiteral("level")).toString() == QStringLiteral("Silver"));
    CHECK(booking.value(QStringLiteral("unknown")).toInt() == 2);
    CHECK(booking.value(QStringLiteral("failed")).toInt() == 0);
    const QJsonObject batch = byRef.value(QStringLiteral("component:default/billing-batch"));
    CHECK(batch.value(QStringLiteral("level")).toString() == QStringLiteral("Bronze"));

    // The gate: some services are below Silver, none below Bronze.
    const Run silver =
        cli({QStringLiteral("score"), QStringLiteral("--scorecard"), QStringLiteral("production-readiness"),
             QStringLiteral("--fail-below"), QStringLiteral("Silver")});
    CHECK(silver.exitCode == 1);
    CHECK(silver.err.contains("below Silver"));
    CHECK(silver.out.contains("!  component:default/billing-batch"));
    const Run bronze =
        cli({QStringLiteral("score"), QStringLiteral("--scorecard"), QStringLiteral("production-readiness"),
             QStringLiteral("--fail-below"), QStringLiteral("bronze")});
    CHECK(bronze.exitCode == 0);
    CHECK(bronze.err.contains("at bronze or above"));
    const Run platinum = cli({QStringLiteral("score"), QStringLiteral("--fail-below"), QStringLiteral("Platinum")});
    CHECK(platinum.exitCode == 2);

    // One entity, rule by rule, with why and how to fix.
    const Run one = cli({QStringLiteral("score"), QStringLiteral("--entity"), QStringLiteral("component:billing-batch"),
                         QStringLiteral("--scorecard"), QStringLiteral("production-readiness")});
    REQUIRE(one.exitCode == 0);
    CHECK(one.out.contains("FAIL     Silver    Has an on-call rotation (on-call)"));
    CHECK(one.out.contains("metadata.annotations.pagerduty.com/service-id is not set, wanted exists true"));
    CHECK(one.out.contains("How to fix: Add the pagerduty.com/service-id annotation"));
    CHECK(one.out.contains("github.ci is unknown"));
}

TEST_CASE("score names a broken scorecard's file and line and exits 1", "[core][cli][scorecards]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    Portolan::Test::writeFile(dir, QStringLiteral("portolan.yaml"), "name: Scored\nlocations: [catalog]\n");
    Portolan::Test::writeFile(dir, QStringLiteral("catalog/c.yaml"),
                              "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: a}\n"
                              "spec: {type: service, lifecycle: production, owner: team-a}\n");
    Portolan::Test::writeFile(dir, QStringLiteral("scorecards/ok.yaml"),
                              "id: ok\nrules:\n  - {id: lc, level: Bronze, condition: {fact: spec.lifecycle, "
                              "equals: production}}\n");
    Portolan::Test::writeFile(dir, QStringLiteral("scorecards/bad.yaml"),
                              "id: bad\nrules:\n  - id: x\n    level: Bronze\n    condition: {fact: spec.lifecycle, "
                              "equals: production}\n  - id: y\n    level: Bronze\n    condition: {fact: github.cii, "
                              "equals: passing}\n");
    const Run r = cli({QStringLiteral("score"), QStringLiteral("--workspace"), dir.path()});
    INFO(r.out.toStdString() + r.err.toStdString());
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains("scorecards/bad.yaml:8:17: error: Unknown fact"));
    CHECK(r.err.contains("Unknown fact \"github.cii\""));
    // What can be scored still is.
    CHECK(r.out.contains("component:default/a"));
    CHECK(r.out.contains("== ok (ok): 1 entities"));
}

TEST_CASE("score --what-if lists the entities an edited scorecard would move", "[core][cli][scorecards]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    Portolan::Test::writeFile(dir, QStringLiteral("portolan.yaml"), "name: Scored\nlocations: [catalog]\n");
    Portolan::Test::writeFile(dir, QStringLiteral("catalog/c.yaml"),
                              "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: a}\n"
                              "spec: {type: service, lifecycle: production, owner: team-a}\n---\n"
                              "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: b}\n"
                              "spec: {type: service, lifecycle: experimental, owner: team-a}\n");
    Portolan::Test::writeFile(dir, QStringLiteral("scorecards/lc.yaml"),
                              "id: lc\nrules:\n  - {id: owner, level: Bronze, condition: {fact: spec.owner, "
                              "exists: true}}\n");
    // The edit: Silver asks for a production lifecycle, which b does not have.
    Portolan::Test::writeFile(dir, QStringLiteral("edited.yaml"),
                              "id: lc\nrules:\n  - {id: owner, level: Bronze, condition: {fact: spec.owner, "
                              "exists: true}}\n  - {id: prod, level: Silver, condition: {fact: spec.lifecycle, "
                              "equals: production}}\n");
    const Run r = cli({QStringLiteral("score"), QStringLiteral("--workspace"), dir.path(), QStringLiteral("--what-if"),
                       dir.filePath(QStringLiteral("edited.yaml")), QStringLiteral("--json")});
    INFO(r.out.toStdString() + r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    CHECK(o.value(QStringLiteral("down")).toInt() == 1);
    CHECK(o.value(QStringLiteral("up")).toInt() == 0);
    CHECK(o.value(QStringLiteral("unchanged")).toInt() == 1); // a: Gold before (no Silver rule), Gold after
    const QJsonArray moves = o.value(QStringLiteral("moves")).toArray();
    REQUIRE(moves.size() == 1);
    CHECK(moves.first().toObject().value(QStringLiteral("entity")).toString() == QStringLiteral("component:default/b"));
    CHECK(moves.first().toObject().value(QStringLiteral("before")).toString() == QStringLiteral("Gold"));
    CHECK(moves.first().toObject().value(QStringLiteral("after")).toString() == QStringLiteral("Bronze"));
    CHECK(moves.first().toObject().value(QStringLiteral("direction")).toString() == QStringLiteral("down"));

    const Run text = cli({QStringLiteral("score"), QStringLiteral("--workspace"), dir.path(),
                          QStringLiteral("--what-if"), dir.filePath(QStringLiteral("edited.yaml"))});
    CHECK(text.exitCode == 0);
    CHECK(text.out.contains("DOWN component:default/b"));
    CHECK(text.out.contains("Gold → Bronze  (100% → 50%)"));
    CHECK(text.err.contains("lc: 0 up, 1 down, 1 unchanged, 0 with another score"));
}
