// portolan.yaml: sources and credentials, their errors with file, line and field, the user's own sources, and
// the JSON Schema shipped for editors agreeing with the parser.
#include "config/Workspace.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Portolan::Test;
using namespace Qt::StringLiterals;

namespace {

Workspace open(const QTemporaryDir &dir, const QByteArray &config)
{
    writeFile(dir, u"portolan.yaml"_s, config);
    auto ws = Workspace::open(dir.path());
    REQUIRE(ws.ok());
    return ws.value();
}

const Error *problemAt(const Workspace &ws, const QString &field)
{
    for (const Error &e : ws.problems) {
        if (e.field == field) {
            return &e;
        }
    }
    return nullptr;
}

QJsonObject schema()
{
    QFile f(u":/schema/portolan.schema.json"_s);
    REQUIRE(f.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return doc.object();
}

QSet<QString> keys(const QJsonObject &object)
{
    const QStringList list = object.value("properties"_L1).toObject().keys();
    return {list.begin(), list.end()};
}

} // namespace

TEST_CASE("Sources and credentials are read with their settings", "[core][config]")
{
    QTemporaryDir dir;
    const Workspace ws = open(dir, R"(name: Acme
credentials:
  - name: github
    env: GITHUB_TOKEN
    description: A token with repo:read
sources:
  - id: platform
    type: git
    url: https://github.com/acme/platform-catalog.git
    branch: main
    paths: ["**/catalog-info.yaml"]
    credential: github
    refresh: 15m
  - id: backstage
    type: backstage
    url: https://backstage.acme.test
    filter: kind=component
    refresh: 2h
    maxDeletionShare: 0.2
    tls: {verify: false}
  - {id: local, type: files, paths: catalog, refresh: manual}
)");
    INFO(describe(ws.problems).toStdString());
    CHECK(countErrors(ws.problems) == 0);
    REQUIRE(ws.sources.size() == 3); // no locations: no implicit source
    const SourceConfig *git = ws.source(u"platform"_s);
    REQUIRE(git);
    CHECK(git->type == u"git"_s);
    CHECK(git->branch == u"main"_s);
    CHECK(git->paths == QStringList{u"**/catalog-info.yaml"_s});
    CHECK(git->refreshSeconds == 900);
    CHECK(git->credential == u"github"_s);
    CHECK(git->line == 7);
    const SourceConfig *backstage = ws.source(u"backstage"_s);
    REQUIRE(backstage);
    CHECK(backstage->refreshSeconds == 7200);
    CHECK(backstage->maxDeletionShare == Approx(0.2));
    CHECK_FALSE(backstage->tls.verify);
    // Turning TLS verification off is allowed, and always reported.
    const Error *tls = problemAt(ws, u"sources[1].tls.verify"_s);
    REQUIRE(tls);
    CHECK(tls->severity == Error::Severity::Warning);
    CHECK(ws.source(u"local"_s)->refreshSeconds == 0);
    REQUIRE(ws.credential(u"github"_s));
    CHECK(ws.credential(u"github"_s)->env == u"GITHUB_TOKEN"_s);
}

TEST_CASE("A workspace without sources reads its own descriptors as the implicit source", "[core][config]")
{
    auto demo = Workspace::open(Workspace::demoPath());
    REQUIRE(demo.ok());
    CHECK(demo->problems.isEmpty());
    REQUIRE(demo->sources.size() == 1);
    CHECK(demo->sources.first().id == u"workspace"_s);
    CHECK(demo->sources.first().origin == SourceConfig::Origin::Implicit);
    CHECK(demo->sources.first().paths == QStringList{u"catalog/all.yaml"_s});
}

TEST_CASE("Configuration errors name the file, line and field", "[core][config]")
{
    QTemporaryDir dir;
    const Workspace ws = open(dir, R"(name: Broken
credentials:
  - name: github
    token: ghp_do_not_put_this_here
sources:
  - id: Bad Id
    type: files
    paths: [a]
  - id: nourl
    type: git
  - id: odd
    type: svn
    url: svn://x
  - id: slow
    type: files
    paths: [a]
    refresh: sometimes
  - id: dup
    type: files
    paths: [a]
  - id: dup
    type: files
    paths: [b]
  - id: nocred
    type: backstage
    url: https://b.test
    credential: missing
  - id: share
    type: files
    paths: [a]
    maxDeletionShare: 2
    colour: blue
)");
    const QString file = dir.filePath(u"portolan.yaml"_s);
    const auto check = [&](const QString &field, int line, const char *words) {
        const Error *e = problemAt(ws, field);
        INFO(field.toStdString() << "\n" << describe(ws.problems).toStdString());
        REQUIRE(e);
        CHECK(e->file == file);
        CHECK(e->line == line);
        CHECK(e->message.contains(QString::fromUtf8(words)));
    };
    check(u"credentials[0].token"_s, 4, "keychain");
    check(u"sources[0].id"_s, 6, "lower-case");
    check(u"sources[1].url"_s, 9, "no \"url\"");
    check(u"sources[2].type"_s, 12, "svn");
    check(u"sources[3].refresh"_s, 17, "duration");
    check(u"sources[6].credential"_s, 27, "missing");
    check(u"sources[7].maxDeletionShare"_s, 31, "between 0 and 1");
    check(u"sources[7].colour"_s, 32, "colour");
    check(u"sources[5].id"_s, 21, "Two sources");
    CHECK(problemAt(ws, u"sources[7].colour"_s)->severity == Error::Severity::Warning);
    // The secret itself never reaches an error message.
    for (const Error &e : ws.problems) {
        CHECK_FALSE(e.message.contains(u"ghp_do_not"_s));
        CHECK_FALSE(e.detail.contains(u"ghp_do_not"_s));
    }
    // Usable sources are kept: the bad ones are left out, the first "dup" wins.
    CHECK(ws.source(u"slow"_s) != nullptr);
    CHECK(ws.source(u"odd"_s) == nullptr);
    CHECK(ws.source(u"nourl"_s) == nullptr);
    CHECK(ws.source(u"dup"_s)->paths == QStringList{u"a"_s});
}

TEST_CASE("The user's own sources are kept outside the shared config and round-trip", "[core][config]")
{
    QTemporaryDir dir;
    Workspace ws = open(dir, "name: Mine\nlocations: [catalog]\n");
    SourceConfig mine;
    mine.id = u"my-backstage"_s;
    mine.type = u"backstage"_s;
    mine.url = u"https://backstage.example.test"_s;
    mine.filter = u"kind=api"_s;
    mine.refreshSeconds = 600;
    mine.tls.verify = false;
    mine.origin = SourceConfig::Origin::Local;
    SourceConfig cluster;
    cluster.id = u"clusters"_s;
    cluster.type = u"kubernetes"_s;
    cluster.origin = SourceConfig::Origin::Local;
    cluster.options = {{u"kubeconfig"_s, u"~/.kube/config"_s},
                       {u"contexts"_s, QStringList{u"prod-eu"_s, u"staging: eu"_s}},
                       {u"environments"_s, QVariantMap{{u"prod-eu"_s, u"Production (EU)"_s}}},
                       {u"watch"_s, true},
                       {u"backoffMs"_s, 250}};
    REQUIRE(Workspace::saveLocalSources(ws.localSourcesFile(), {mine, cluster}).ok());
    const Workspace again = Workspace::reread(ws);
    INFO(describe(again.problems).toStdString());
    REQUIRE(again.sources.size() == 3);
    // Type-specific options survive the round trip, nested maps and lists included.
    const SourceConfig *readCluster = again.source(u"clusters"_s);
    REQUIRE(readCluster);
    CHECK(readCluster->options.value(u"kubeconfig"_s).toString() == u"~/.kube/config"_s);
    CHECK(readCluster->options.value(u"contexts"_s).toStringList() == QStringList{u"prod-eu"_s, u"staging: eu"_s});
    CHECK(readCluster->options.value(u"environments"_s).toMap().value(u"prod-eu"_s).toString() == u"Production (EU)"_s);
    CHECK(readCluster->options.value(u"watch"_s).typeId() == QMetaType::Bool);
    CHECK(readCluster->options.value(u"watch"_s).toBool());
    CHECK(readCluster->options.value(u"backoffMs"_s).toInt() == 250);
    const SourceConfig *read = again.source(u"my-backstage"_s);
    REQUIRE(read);
    CHECK(read->origin == SourceConfig::Origin::Local);
    CHECK(read->url == mine.url);
    CHECK(read->filter == mine.filter);
    CHECK(read->refreshSeconds == 600);
    CHECK_FALSE(read->tls.verify);
    QFile shared(dir.filePath(u"portolan.yaml"_s));
    REQUIRE(shared.open(QIODevice::ReadOnly));
    CHECK_FALSE(shared.readAll().contains("my-backstage"));
}

TEST_CASE("Git URLs open as workspaces cloned into the data folder", "[core][config]")
{
    for (const QString &url : {u"https://github.com/acme/platform-config.git"_s, u"git@github.com:acme/cfg.git"_s,
                               u"ssh://git@host/acme/cfg.git"_s, u"file:///srv/git/cfg.git"_s}) {
        INFO(url.toStdString());
        CHECK(Workspace::isGitUrl(url));
        auto ws = Workspace::open(url, u"main"_s);
        REQUIRE(ws.ok());
        CHECK(ws->gitUrl == url);
        CHECK(ws->gitBranch == u"main"_s);
        CHECK(ws->root.endsWith(u"/checkout"_s));
        CHECK_FALSE(ws->cacheKey().isEmpty());
    }
    CHECK_FALSE(Workspace::isGitUrl(u"/home/me/catalog"_s));
    CHECK_FALSE(Workspace::isGitUrl(u":/demo"_s));
    CHECK(Workspace::open(u"https://a.test/x.git"_s, u"main"_s)->cacheKey()
          != Workspace::open(u"https://a.test/x.git"_s, u"dev"_s)->cacheKey());
}

TEST_CASE("The shipped JSON Schema names exactly the fields the parser knows", "[core][config]")
{
    const QJsonObject root = schema();
    CHECK(keys(root)
          == QSet<QString>{u"name"_s, u"description"_s, u"locations"_s, u"sources"_s, u"credentials"_s, u"scorecards"_s,
                           u"actions"_s, u"automations"_s});
    const QJsonObject defs = root.value("$defs"_L1).toObject();
    const QJsonObject source = defs.value("source"_L1).toObject();
    CHECK(keys(source)
          == QSet<QString>{u"id"_s, u"type"_s, u"title"_s, u"url"_s, u"branch"_s, u"paths"_s, u"filter"_s,
                           u"credential"_s, u"refresh"_s, u"enabled"_s, u"maxDeletionShare"_s, u"tls"_s, u"options"_s});
    CHECK(keys(source.value("properties"_L1).toObject().value("tls"_L1).toObject())
          == QSet<QString>{u"verify"_s, u"caBundle"_s, u"clientCertificate"_s, u"clientKey"_s});
    CHECK(keys(defs.value("credential"_L1).toObject())
          == QSet<QString>{u"name"_s, u"env"_s, u"description"_s, u"kind"_s, u"user"_s, u"header"_s, u"clientId"_s,
                           u"url"_s, u"scopes"_s});

    // Every key the parser accepts passes without an "Unknown field" warning, so the two lists cannot drift.
    QTemporaryDir dir;
    const Workspace ws = open(dir, R"(name: All
description: every field
locations: [a]
credentials: [{name: c, env: E, description: d, kind: basic, user: u, header: H},
              {name: o, kind: oauth-device, clientId: Iv1.x, url: "https://ghe.example.com", scopes: [repo]}]
sources:
  - {id: s, type: git, title: T, url: "file:///x", branch: b, paths: [p], filter: f, credential: c, refresh: 1h,
     enabled: true, maxDeletionShare: 0.3, tls: {verify: true, caBundle: ca.pem, clientCertificate: c.pem,
     clientKey: k.pem}, options: {x: 1}}
scorecards: []
actions: {variables: {repo: "local:x"}, approvals: "git://127.0.0.1/approvals.git", policies: [{templates: ["*"], allowedGroups: [g], minimumLevel: "card: Gold",
          requiredFields: [spec.owner], destructive: true}]}
automations: {paths: [automations], leases: "git://127.0.0.1/platform.git", ttlWarnings: [2d, 4h]}
)");
    INFO(describe(ws.problems).toStdString());
    CHECK(ws.problems.isEmpty());
    const QJsonArray automationForms =
        root.value("properties"_L1).toObject().value("automations"_L1).toObject().value("oneOf"_L1).toArray();
    REQUIRE(automationForms.size() == 2);
    CHECK(keys(automationForms.at(1).toObject()) == QSet<QString>{u"paths"_s, u"leases"_s, u"ttlWarnings"_s});
    CHECK(ws.automations.leases == u"git://127.0.0.1/platform.git"_s);
    CHECK(ws.automations.ttlWarnings == QList<qint64>{2 * 86400, 4 * 3600});
    CHECK(ws.automationPaths() == QStringList{QDir::cleanPath(dir.path() + u"/automations"_s)});
    CHECK(keys(root.value("properties"_L1).toObject().value("actions"_L1).toObject())
          == QSet<QString>{u"variables"_s, u"policies"_s, u"approvals"_s});
    CHECK(ws.actions.approvals == u"git://127.0.0.1/approvals.git"_s);
    REQUIRE(ws.actions.policies.size() == 1);
    CHECK(ws.actions.policies.first().minimumLevel == u"card: Gold"_s);
    CHECK(ws.actions.policies.first().destructive);
    CHECK(ws.actions.variables.value("repo"_L1).toString() == u"local:x"_s);
}

TEST_CASE("oauth-device credentials are read with their client id, server and scopes", "[core][config][deviceflow]")
{
    QTemporaryDir dir;
    const Workspace ws = open(dir, R"(name: Acme
credentials:
  - name: github
    kind: oauth-device
    clientId: Iv1.0123456789abcdef
    scopes: [repo, read:org]
    description: Sign in with your GitHub account
  - name: ghe
    kind: oauth-device
    clientId: Iv1.fedcba9876543210
    url: https://ghe.example.com/
    scopes: repo gist
)");
    INFO(describe(ws.problems).toStdString());
    CHECK(ws.problems.isEmpty());
    REQUIRE(ws.credential(u"github"_s));
    const CredentialConfig &github = *ws.credential(u"github"_s);
    CHECK(github.isOAuthDevice());
    CHECK(github.clientId == u"Iv1.0123456789abcdef"_s);
    CHECK(github.url.isEmpty());
    CHECK(github.oauthUrl() == u"https://github.com"_s);
    CHECK(github.scopes == QStringList{u"repo"_s, u"read:org"_s});
    REQUIRE(ws.credential(u"ghe"_s));
    CHECK(ws.credential(u"ghe"_s)->oauthUrl() == u"https://ghe.example.com"_s);
    CHECK(ws.credential(u"ghe"_s)->scopes == QStringList{u"repo"_s, u"gist"_s});
}

TEST_CASE("oauth-device mistakes are reported with file, line and field", "[core][config][deviceflow]")
{
    QTemporaryDir dir;
    const Workspace ws = open(dir, R"(name: Acme
credentials:
  - name: github
    kind: oauth-device
    description: no client id
  - name: ghe
    kind: oauth-device
    clientId: Iv1.x
    url: ftp://ghe.example.com
    scopes: [repo, "read org"]
  - name: pasted
    clientId: Iv1.y
)");
    const auto check = [&ws](const QString &field, int line, const char *needle, Error::Severity severity) {
        const Error *e = problemAt(ws, field);
        INFO(field.toStdString() << "\n" << describe(ws.problems).toStdString());
        REQUIRE(e != nullptr);
        CHECK(e->file == ws.configFile);
        CHECK(e->line == line);
        CHECK(e->severity == severity);
        CHECK(e->message.contains(QLatin1StringView(needle)));
    };
    check(u"credentials[0].clientId"_s, 3, "clientId", Error::Severity::Error);
    check(u"credentials[1].url"_s, 9, "https", Error::Severity::Error);
    check(u"credentials[1].scopes[1]"_s, 10, "scope", Error::Severity::Error);
    check(u"credentials[2].clientId"_s, 12, "oauth-device", Error::Severity::Warning);
    // The credential without a client id is still listed, so the sources naming it get no second error.
    REQUIRE(ws.credential(u"github"_s));
    CHECK(ws.credential(u"github"_s)->clientId.isEmpty());
    CHECK(ws.credential(u"ghe"_s)->scopes == QStringList{u"repo"_s});
}
