// The http-json source: jq mappings written in the workspace, run on recorded API answers from ../shared/corpus
// (GitHub's paginated issues from octokit's fixtures, HCP Terraform's workspace list from its API documentation, a
// k3s cluster's Deployment list), replayed by a loopback test server.
#include "config/Workspace.h"
#include "sources/httpjson/HttpJsonMapping.h"
#include "sources/httpjson/HttpJsonSource.h"
#include "sources/httpjson/Jq.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Portolan::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray corpusFile(const QString &relative)
{
    QFile f(corpusPath(relative));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// The 1-based line of the first line of `text` holding `needle`.
int lineOf(const QByteArray &text, const QByteArray &needle)
{
    const qsizetype at = text.indexOf(needle);
    REQUIRE(at >= 0);
    return int(text.left(at).count('\n')) + 1;
}

// A workspace whose portolan.yaml has the one http-json source `config` (a YAML mapping, indented as an item of
// `sources:`); returns that source.
SourceConfig sourceFrom(const QTemporaryDir &dir, const QByteArray &yaml, ErrorList *problems = nullptr)
{
    writeFile(dir, u"portolan.yaml"_s, yaml);
    auto ws = Workspace::open(dir.path());
    REQUIRE(ws.ok());
    if (problems) {
        *problems = ws->problems;
    }
    REQUIRE(ws->sources.size() == 1);
    return ws->sources.first();
}

// Answers every recorded exchange of an octokit fixture at its path and query.
void replayFixture(HttpTestServer &server, const QString &scenario)
{
    const QJsonArray records = HttpTestServer::loadFixture(scenario);
    server.setHandler([&server, records](const HttpTestRequest &request) {
        for (const QJsonValue &r : records) {
            if (r[u"path"_s].toString().toUtf8() == request.target) {
                return server.replay(r.toObject());
            }
        }
        return HttpTestResponse::json(404, R"({"message":"Not Found"})");
    });
}

const Error *findProblem(const ErrorList &problems, const QString &field)
{
    for (const Error &e : problems) {
        if (e.field == field) {
            return &e;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("jq through libjq: outputs, jq's own compile and run errors, and where a JSON text breaks off",
          "[core][httpjson]")
{
    auto input = JqValue::parse(R"({"team":"payments","services":[{"slug":"ledger"},{"slug":"refunds"}]})");
    REQUIRE(input.ok());
    auto program = JqProgram::compile(u".services[] | $prefix + .slug"_s, {{u"prefix"_s, u"svc-"_s}});
    REQUIRE(program.ok());
    auto out = program.value()->run(input.value());
    REQUIRE(out.ok());
    REQUIRE(out->size() == 2);
    CHECK(out->at(0).toJson() == QJsonValue(u"svc-ledger"_s));
    CHECK(out->at(1).toJson() == QJsonValue(u"svc-refunds"_s));

    const auto broken = JqProgram::compile(u".services[] |"_s);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().message.contains(u"syntax error"_s));
    const auto undefined = JqProgram::compile(u"Component"_s);
    REQUIRE_FALSE(undefined.ok());
    CHECK(undefined.error().message.contains(u"Component/0 is not defined"_s));

    auto failing = JqProgram::compile(u".team | ascii_downcase | .x"_s);
    REQUIRE(failing.ok());
    const auto failed = failing.value()->run(input.value());
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message == u"Cannot index string with string \"x\""_s);
    auto raised = JqProgram::compile(u"error(\"no owner for \" + .team)"_s);
    REQUIRE(raised.ok());
    CHECK(raised.value()->run(input.value()).error().message == u"no owner for payments"_s);

    auto endless = JqProgram::compile(u"repeat(.)"_s);
    REQUIRE(endless.ok());
    const auto capped = endless.value()->run(input.value(), 1000);
    REQUIRE_FALSE(capped.ok());
    CHECK(capped.error().code == Error::Code::TooLarge);

    const auto cut = JqValue::parse(R"({"services":[{"slug":"led)");
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.error().message.contains(u"Unfinished"_s));
}

TEST_CASE("An http-json source follows Link headers through GitHub's recorded issue pages", "[core][httpjson]")
{
    HttpTestServer server;
    REQUIRE(server.listen());
    replayFixture(server, u"paginate-issues"_s);
    QTemporaryDir dir;
    const QByteArray yaml = "name: issues\n"
                            "sources:\n"
                            "  - id: issues\n"
                            "    type: http-json\n"
                            "    url: "
                            + server.url(u"/"_s).toEncoded()
                            + "\n"
                              "    options:\n"
                              "      resources:\n"
                              "        - path: /repos/octokit-fixture-org/paginate-issues/issues?per_page=3\n"
                              "          followLinks: true\n"
                              "          select: .state == \"open\"\n"
                              "          entity:\n"
                              "            kind: '\"Resource\"'\n"
                              "            name: '\"issue-\" + (.number | tostring)'\n"
                              "            title: .title\n"
                              "            type: '\"github-issue\"'\n"
                              "            owner: '\"user:\" + .user.login'\n"
                              "            annotations: '{\"github.com/issue-url\": .html_url}'\n"
                              "            links: '[{url: .html_url, title: \"Issue #\\(.number)\"}]'\n"
                              "            tags: '[.labels[].name]'\n";
    ErrorList configProblems;
    const SourceConfig config = sourceFrom(dir, yaml, &configProblems);
    INFO(describe(configProblems).toStdString());
    CHECK(countErrors(configProblems) == 0);

    QNetworkAccessManager network;
    SyncContext context;
    context.network = &network;
    context.workspaceRoot = dir.path();
    HttpJsonSource source(config);
    const auto result = syncOnce(source, context);
    REQUIRE(result.ok());
    INFO(describe(result->problems).toStdString());
    CHECK(result->problems.isEmpty());

    // Every recorded page was read once, by the Link header's rel="next"; every issue became an entity.
    QList<QJsonObject> issues;
    for (const QJsonValue &r : HttpTestServer::loadFixture(u"paginate-issues"_s)) {
        for (const QJsonValue &issue : r[u"response"_s].toArray()) {
            issues.append(issue.toObject());
        }
    }
    REQUIRE(issues.size() == 13);
    CHECK(server.requestCount() == 5);
    REQUIRE(result->entities.size() == size_t(issues.size()));
    for (qsizetype i = 0; i < issues.size(); ++i) {
        const Entity &e = result->entities.at(size_t(i));
        const QJsonObject &issue = issues.at(i);
        CAPTURE(i);
        CHECK(e.kind == u"Resource"_s);
        CHECK(e.name == u"issue-"_s + QString::number(issue[u"number"_s].toInt()));
        CHECK(e.title == issue[u"title"_s].toString());
        CHECK(e.specString("owner"_L1) == u"user:"_s + issue[u"user"_s][u"login"_s].toString());
        CHECK(e.origin.sourceId == u"issues"_s);
    }
    const Entity &first = result->entities.front();
    CHECK(first.annotation(u"github.com/issue-url"_s) == issues.first()[u"html_url"_s].toString());
    REQUIRE(first.links.size() == 1);
    CHECK(first.links.first().title == u"Issue #13"_s);
    CHECK(first.specString("type"_L1) == u"github-issue"_s);
}

TEST_CASE("An http-json mapping may build the whole entity in one expression and page by a next link in the body",
          "[core][httpjson]")
{
    // HCP Terraform's workspace list (JSON:API: data[], links.next, null on the last page).
    const QByteArray recorded = corpusFile(u"terraform/tfc-api/workspaces__list-workspaces__response.json"_s);
    const QJsonObject doc = QJsonDocument::fromJson(recorded).object();
    HttpTestServer server;
    REQUIRE(server.listen());
    server.setHandler([&](const HttpTestRequest &request) {
        if (request.url.path() != u"/api/v2/organizations/acme/workspaces"_s) {
            return HttpTestResponse::json(404, R"({"errors":[{"status":"404","title":"not found"}]})");
        }
        return HttpTestResponse::json(200, recorded);
    });
    QTemporaryDir dir;
    const QByteArray yaml = "sources:\n"
                            "  - id: tfc\n"
                            "    type: http-json\n"
                            "    url: "
                            + server.url(u"/api/v2"_s).toEncoded()
                            + "\n"
                              "    options:\n"
                              "      resources:\n"
                              "        - path: organizations/acme/workspaces\n"
                              "          items: .data[]\n"
                              "          next: .links.next\n"
                              "          entity: >-\n"
                              "            {kind: \"Resource\",\n"
                              "             metadata: {name: .attributes.name, description: .attributes.description,\n"
                              "                        annotations: {\"app.terraform.io/workspace-id\": .id},\n"
                              "                        links: [{url: ($baseUrl + \"/workspaces/\" + .id)}]},\n"
                              "             spec: {type: \"terraform-workspace\", owner: (\"group:\" + $source),\n"
                              "                    terraformVersion: .attributes[\"terraform-version\"]}}\n";
    const SourceConfig config = sourceFrom(dir, yaml);
    QNetworkAccessManager network;
    SyncContext context;
    context.network = &network;
    HttpJsonSource source(config);
    const auto result = syncOnce(source, context);
    REQUIRE(result.ok());
    INFO(describe(result->problems).toStdString());
    const QJsonArray workspaces = doc[u"data"_s].toArray();
    REQUIRE(result->entities.size() == size_t(workspaces.size()));
    CHECK(server.requestCount() == 1); // links.next is null: one page
    const Entity &e = result->entities.front();
    const QJsonObject w = workspaces.first().toObject();
    CHECK(e.kind == u"Resource"_s);
    CHECK(e.name == w[u"attributes"_s][u"name"_s].toString());
    CHECK(e.annotation(u"app.terraform.io/workspace-id"_s) == w[u"id"_s].toString());
    CHECK(e.specString("owner"_L1) == u"group:tfc"_s);
    CHECK(e.specString("terraformVersion"_L1) == w[u"attributes"_s][u"terraform-version"_s].toString());
    REQUIRE(e.links.size() == 1);
    CHECK(e.links.first().url == server.url(u"/api/v2/workspaces/"_s).toString() + w[u"id"_s].toString());
}

TEST_CASE("An http-json mapping in its own file selects objects, and re-reads the file on every sync",
          "[core][httpjson]")
{
    // A k3s cluster's Deployments in kube-system, as the Kubernetes API listed them.
    const QByteArray recorded =
        corpusFile(u"kubernetes/lists/k3s-bundle__deployments__kube-system.DeploymentList.json"_s);
    const QJsonArray items = QJsonDocument::fromJson(recorded).object()[u"items"_s].toArray();
    HttpTestServer server;
    REQUIRE(server.listen());
    server.setHandler([&](const HttpTestRequest &) { return HttpTestResponse::json(200, recorded); });
    QTemporaryDir dir;
    const QByteArray mapping = "resources:\n"
                               "  - path: /apis/apps/v1/namespaces/kube-system/deployments\n"
                               "    items: .items[]\n"
                               "    select: .metadata.labels[\"k8s-app\"] != null\n"
                               "    entity:\n"
                               "      kind: '\"Component\"'\n"
                               "      name: .metadata.name\n"
                               "      type: '\"service\"'\n"
                               "      lifecycle: '\"production\"'\n"
                               "      owner: '\"group:platform\"'\n"
                               "      labels: '{app: .metadata.labels[\"k8s-app\"]}'\n";
    const QString mappingFile = writeFile(dir, u"mappings/kube.yaml"_s, mapping);
    const QByteArray yaml = "sources:\n"
                            "  - id: kube\n"
                            "    type: http-json\n"
                            "    url: "
                            + server.url(u"/"_s).toEncoded()
                            + "\n"
                              "    options:\n"
                              "      mapping: mappings/kube.yaml\n";
    const SourceConfig config = sourceFrom(dir, yaml);
    QNetworkAccessManager network;
    SyncContext context;
    context.network = &network;
    HttpJsonSource source(config);
    auto result = syncOnce(source, context);
    REQUIRE(result.ok());
    INFO(describe(result->problems).toStdString());
    QStringList expected;
    QHash<QString, QString> apps;
    for (const QJsonValue &d : items) {
        if (!d[u"metadata"_s][u"labels"_s][u"k8s-app"_s].isUndefined()) {
            expected.append(d[u"metadata"_s][u"name"_s].toString());
            apps.insert(expected.last(), d[u"metadata"_s][u"labels"_s][u"k8s-app"_s].toString());
        }
    }
    REQUIRE(expected.size() >= 1);
    REQUIRE(expected.size() < items.size()); // the select left some out
    QStringList names;
    for (const Entity &e : result->entities) {
        names.append(e.name);
        CHECK(e.label(u"app"_s) == apps.value(e.name));
    }
    CHECK(names == expected);
    CHECK(result->files == QStringList{QFileInfo(mappingFile).absoluteFilePath()}); // watched for changes

    // An edit of the file is read at the next sync: its expressions, with their lines, are the file's.
    const QByteArray broken = QByteArray(mapping).replace("name: .metadata.name", "name: .metadata.name |");
    writeFile(dir, u"mappings/kube.yaml"_s, broken);
    result = syncOnce(source, context);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == Error::Code::Config);
    CHECK(result.error().file == QFileInfo(mappingFile).absoluteFilePath());
    CHECK(result.error().line == lineOf(broken, "name: .metadata.name |"));
    CHECK(result.error().field == u"resources[0].entity.name"_s);
    CHECK(result.error().message.contains(u"`.metadata.name |`"_s));
}

TEST_CASE("A mapping error names the expression, where it is written, and the object it failed on", "[core][httpjson]")
{
    HttpTestServer server;
    REQUIRE(server.listen());
    replayFixture(server, u"paginate-issues"_s);
    QTemporaryDir dir;
    const auto workspace = [&](const QByteArray &entity) -> QByteArray {
        return "sources:\n"
               "  - id: issues\n"
               "    type: http-json\n"
               "    url: "
               + server.url(u"/"_s).toEncoded()
               + "\n"
                 "    options:\n"
                 "      resources:\n"
                 "        - path: /repos/octokit-fixture-org/paginate-issues/issues?per_page=3\n"
                 "          followLinks: true\n"
                 "          entity:\n"
                 "            kind: '\"Resource\"'\n"
               + entity;
    };
    QNetworkAccessManager network;
    SyncContext context;
    context.network = &network;

    SECTION("an expression that does not compile fails the sync, naming its line and field")
    {
        const QByteArray yaml = workspace("            name: '.number | tostring |'\n");
        HttpJsonSource source(sourceFrom(dir, yaml));
        const auto result = syncOnce(source, context);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == Error::Code::Config);
        CHECK(result.error().file == QDir(dir.path()).filePath(u"portolan.yaml"_s));
        CHECK(result.error().line == lineOf(yaml, "name: '.number"));
        CHECK(result.error().field == u"options.resources[0].entity.name"_s);
        CHECK(result.error().message.contains(u"`.number | tostring |`"_s));
        CHECK(result.error().message.contains(u"syntax error"_s));
        CHECK(server.requestCount() == 0); // nothing is read with a broken mapping
    }
    SECTION("a bare word is told to be quoted")
    {
        const QByteArray yaml = workspace("            name: .title\n").replace("'\"Resource\"'", "Resource");
        HttpJsonSource source(sourceFrom(dir, yaml));
        const auto result = syncOnce(source, context);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().field == u"options.resources[0].entity.kind"_s);
        CHECK(result.error().detail.contains(u"'\"Resource\"'"_s));
    }
    SECTION("an expression that fails on objects leaves them out and names each object; past five, a count")
    {
        const QByteArray yaml = workspace("            name: '\"issue-\" + .number'\n");
        HttpJsonSource source(sourceFrom(dir, yaml));
        const auto result = syncOnce(source, context);
        REQUIRE(result.ok());
        CHECK(result->entities.empty());
        REQUIRE(result->problems.size() == 6);
        const Error &e = result->problems.first();
        INFO(e.message.toStdString() + "\n" + e.detail.toStdString());
        CHECK(e.isError());
        CHECK(e.field == u"options.resources[0].entity.name"_s);
        CHECK(e.line == lineOf(yaml, "name: '\"issue-\""));
        CHECK(e.message.contains(u"`\"issue-\" + .number`"_s));
        CHECK(e.message.contains(u"object 1 of "_s + server.url(u"/repos/octokit-fixture-org/"_s).toString()));
        CHECK(e.message.contains(u"cannot be added"_s));
        CHECK(e.detail.contains(u"\"number\":13"_s));
        CHECK(result->problems.at(4).message.contains(u"object 2 of "_s
                                                      + server.url(u"/repositories/1000/"_s).toString()));
        CHECK(result->problems.at(5).message.contains(u"8 more object"_s));
    }
    SECTION("several values for one field, and a value the entity rules reject, name the expression")
    {
        const QByteArray yaml = workspace("            name: .title\n"
                                          "            description: '.title, .state'\n");
        HttpJsonSource source(sourceFrom(dir, yaml));
        const auto result = syncOnce(source, context);
        REQUIRE(result.ok());
        CHECK(result->entities.empty());
        const Error *several = findProblem(result->problems, u"options.resources[0].entity.description"_s);
        REQUIRE(several);
        CHECK(several->message.contains(u"gave 2 values; wrap it in [ ]"_s));
        CHECK(several->line == lineOf(yaml, "description:"));
    }
    SECTION("a value the entity rules reject names the expression that gave it")
    {
        const QByteArray yaml = workspace("            name: .title\n");
        HttpJsonSource source(sourceFrom(dir, yaml));
        const auto result = syncOnce(source, context);
        REQUIRE(result.ok());
        CHECK(result->entities.empty());
        const Error *invalid = findProblem(result->problems, u"options.resources[0].entity.name"_s);
        REQUIRE(invalid);
        INFO(invalid->message.toStdString() + "\n" + invalid->detail.toStdString());
        CHECK(invalid->message.contains(u"makes no valid entity"_s));
        CHECK(invalid->message.contains(u"metadata.name"_s));
        CHECK(invalid->detail.contains(u"From `.title`"_s));
        CHECK(invalid->detail.contains(u"\"title\":\"Test issue 13\""_s));
    }
}

TEST_CASE("An http-json source fails the sync on a page it cannot read, and on pages that never end",
          "[core][httpjson]")
{
    HttpTestServer server;
    REQUIRE(server.listen());
    const QByteArray page1 = R"({"services":[{"id":"ledger"}],"next":"/services?page=2"})";
    const QByteArray page2 = R"({"services":[{"id":"refunds"}],"next":null})";
    HttpTestResponse second = HttpTestResponse::json(200, page2);
    server.setHandler([&](const HttpTestRequest &request) {
        return request.url.query() == u"page=2"_s ? second : HttpTestResponse::json(200, page1);
    });
    QTemporaryDir dir;
    const QByteArray yaml = "sources:\n"
                            "  - id: svc\n"
                            "    type: http-json\n"
                            "    url: "
                            + server.url(u"/"_s).toEncoded()
                            + "\n"
                              "    options:\n"
                              "      resources:\n"
                              "        - path: /services\n"
                              "          items: .services[]\n"
                              "          next: .next\n"
                              "          entity: {kind: '\"Component\"', name: .id, owner: '\"group:payments\"',\n"
                              "                   type: '\"service\"', lifecycle: '\"production\"'}\n";
    QNetworkAccessManager network;
    SyncContext context;
    context.network = &network;
    HttpJsonSource source(sourceFrom(dir, yaml));
    auto result = syncOnce(source, context);
    REQUIRE(result.ok());
    REQUIRE(result->entities.size() == 2);
    CHECK(result->entities.at(1).name == u"refunds"_s);

    second = HttpTestResponse::json(500, R"({"error":"database down"})");
    result = syncOnce(source, context);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == Error::Code::Http);

    second = HttpTestResponse::json(200, page2);
    second.fault = HttpTestResponse::Fault::CutOff;
    result = syncOnce(source, context);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == Error::Code::Network);

    second = HttpTestResponse::json(200, R"({"services":[{"id":"refu)");
    result = syncOnce(source, context);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == Error::Code::Parse);
    CHECK(result.error().file == server.url(u"/services?page=2"_s).toString());
    CHECK(result.error().message.contains(u"Unfinished"_s));

    second = HttpTestResponse::json(200, R"({"services":[{"id":"refunds"}],"next":"/services?page=2"})");
    result = syncOnce(source, context);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.contains(u"never end"_s));
    CHECK(result.error().field == u"options.resources[0].next"_s);
}

TEST_CASE("An http-json source's configuration problems name the field", "[core][httpjson]")
{
    QTemporaryDir dir;
    SyncContext context;
    QNetworkAccessManager network;
    context.network = &network;
    const auto failure = [&](const QByteArray &options) {
        const QByteArray yaml = "sources:\n"
                                "  - id: svc\n"
                                "    type: http-json\n"
                                "    url: http://127.0.0.1:9/\n"
                                "    options:\n"
                                + options;
        HttpJsonSource source(sourceFrom(dir, yaml));
        const auto result = syncOnce(source, context);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == Error::Code::Config);
        return result.error();
    };
    CHECK(failure("      other: 1\n").field == u"options.resources"_s);
    CHECK(failure("      resources:\n        - items: .data[]\n").field == u"options.resources[0].path"_s);
    CHECK(failure("      resources:\n        - path: /x\n").field == u"options.resources[0].entity"_s);
    CHECK(failure("      resources:\n        - path: /x\n          entity: {name: .id}\n").field
          == u"options.resources[0].entity"_s);
    CHECK(failure("      resources:\n        - path: /x\n          entity: {kind: 3, name: .id}\n").field
          == u"options.resources[0].entity.kind"_s);
    const Error paging =
        failure("      resources:\n        - path: /x\n          next: .next\n          followLinks: true\n"
                "          entity: {kind: '\"Component\"', name: .id}\n");
    CHECK(paging.field == u"options.resources[0].next"_s);
    CHECK(paging.line == 8);
    const Error missingFile = failure("      mapping: nowhere.yaml\n");
    CHECK(missingFile.field == u"options.mapping"_s);
    CHECK(missingFile.line == 6);
    CHECK(missingFile.message.contains(u"nowhere.yaml"_s));
}
