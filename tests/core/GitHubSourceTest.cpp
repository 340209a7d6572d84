// The github source against a loopback GitHub API (tests/support/GitHubTestServer) that answers with GitHub's own
// examples and recordings from ../shared/corpus/github.
#include "sources/github/GitHubSource.h"
#include "catalog/Catalog.h"
#include "sources/SourceRegistry.h"
#include "support/GitHubTestServer.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"
#include "util/Clock.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTemporaryDir>
#include <QTimer>

#include <catch2/catch.hpp>

#include <memory>
#include <optional>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;
using Portolan::Test::GitHubTestServer;
using Portolan::Test::spinUntil;
using FaultKind = GitHubTestServer::FaultKind;

namespace {

const QString token = u"ghp_testtoken000000000000000000000000"_s;

struct Harness
{
    QNetworkAccessManager network;
    GitHubTestServer server;
    std::atomic_bool cancel = false;
    QTemporaryDir dataDir;
    Catalog::Ptr catalog = Catalog::empty();

    Harness()
    {
        REQUIRE(server.listen());
        REQUIRE(dataDir.isValid());
        server.setToken(token);
    }

    SourceConfig config(QVariantMap options = {}) const
    {
        SourceConfig c;
        c.id = u"github"_s;
        c.type = u"github"_s;
        c.url = server.url() + u'/';
        c.credential = u"github"_s;
        c.configFile = u"/ws/portolan.yaml"_s;
        c.line = 7;
        if (!options.contains(u"organization"_s) && !options.contains(u"user"_s)) {
            options.insert(u"organization"_s, server.owner());
        }
        c.options = options;
        return c;
    }

    SyncContext context(const QString &secret = token)
    {
        SyncContext c;
        c.network = &network;
        c.cancel = &cancel;
        c.secret = secret;
        c.clock = &Clock::system();
        c.dataDir = dataDir.path();
        c.catalog = catalog;
        return c;
    }
};

Result<SourceResult> sync(Source &source, const SyncContext &context, QList<SourceQuota> *quotas = nullptr)
{
    std::optional<Result<SourceResult>> result;
    int finishedCount = 0;
    const auto f = QObject::connect(&source, &Source::finished, &source, [&](const Result<SourceResult> &r) {
        result.emplace(r);
        ++finishedCount;
    });
    const auto q = QObject::connect(&source, &Source::quotaChanged, &source, [quotas](const SourceQuota &quota) {
        if (quotas) {
            quotas->append(quota);
        }
    });
    // A real event loop: spinUntil sleeps 10 ms between rounds, and client and server share this thread.
    QEventLoop loop;
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    const auto quit = QObject::connect(&source, &Source::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    source.sync(context);
    loop.exec();
    QObject::disconnect(quit);
    REQUIRE(result.has_value());
    spinUntil([] { return false; }, 20);
    QObject::disconnect(f);
    QObject::disconnect(q);
    REQUIRE(finishedCount == 1);
    return *result;
}

const Entity *findEntity(const SourceResult &result, const QString &name)
{
    for (const Entity &e : result.entities) {
        if (e.name == name) {
            return &e;
        }
    }
    return nullptr;
}

Entity otherSourceEntity(const QString &name, const QString &slug)
{
    QCborMap metadata{{u"name"_s, name}, {u"annotations"_s, QCborMap{{u"github.com/project-slug"_s, slug}}}};
    QCborMap root{
        {u"apiVersion"_s, u"backstage.io/v1alpha1"_s},
        {u"kind"_s, u"Component"_s},
        {u"metadata"_s, metadata},
        {u"spec"_s, QCborMap{{u"type"_s, u"service"_s}, {u"lifecycle"_s, u"production"_s}, {u"owner"_s, u"team-a"_s}}}};
    Entity e = Entity::fromEnvelope(root);
    e.origin.sourceId = u"platform-git"_s;
    return e;
}

} // namespace

TEST_CASE("GitHub source: repositories over Link pages, descriptors found, missing and invalid", "[github]")
{
    const bool graphQl = GENERATE(true, false);
    INFO((graphQl ? "descriptors through GraphQL" : "descriptors through REST"));
    Harness h;
    h.server.generateRepositories(205); // three pages of 100
    auto &repos = h.server.repositories();
    repos[1].files.clear(); // service-0002: no descriptor
    repos[2].files[u"catalog-info.yaml"_s] =
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: service-0003\nspec:\n"
        "  type: service\n  lifecycle: 42 is not text\n  owner: [not, a, ref]\n";
    GitHubSource source(h.config({{u"insights"_s, false}, {u"graphql"_s, graphQl}}));
    CHECK(SourceRegistry::types().contains(u"github"_s));

    const Result<SourceResult> result = sync(source, h.context());
    REQUIRE(result.ok());
    INFO(Portolan::Test::describe(result->problems).toStdString());
    CHECK(result->entities.size() == 203);
    CHECK(h.server.countRequests(u"/orgs/octocat/repos"_s) == 3);
    CHECK(h.server.requests().at(1).query.queryItemValue(u"page"_s) == u"2"_s);
    INFO(h.server.violations().join(u'\n').toStdString());
    CHECK(h.server.violations().isEmpty());
    // GraphQL: 50 repositories per query and no REST request per repository; REST: one request each.
    CHECK(h.server.countRequests(u"/contents/catalog-info.yaml"_s) == (graphQl ? 0 : 205));
    CHECK(h.server.graphQlQueries() == (graphQl ? 5 : 0));
    CHECK(source.lastGraphQlQueryCount() == (graphQl ? 5 : 0));

    const Entity *first = findEntity(result.value(), u"service-0001"_s);
    REQUIRE(first);
    CHECK(first->origin.file == u"https://github.com/octocat/service-0001/blob/master/catalog-info.yaml"_s);
    CHECK(first->origin.revision.size() == 40);
    CHECK(first->origin.line == 1);
    CHECK(source.upstreamUrl(*first) == first->origin.file);
    CHECK_FALSE(findEntity(result.value(), u"service-0002"_s));
    CHECK_FALSE(findEntity(result.value(), u"service-0003"_s));

    // The invalid descriptor: errors naming the repository's file, the line and the field.
    REQUIRE(Portolan::Test::countErrors(result->problems) >= 1);
    bool named = false;
    for (const Error &e : result->problems) {
        named = named
                || (e.file == u"https://github.com/octocat/service-0003/blob/master/catalog-info.yaml"_s && e.line > 0
                    && e.field.startsWith(u"spec."_s));
    }
    CHECK(named);
    CHECK(result->quota.isKnown());
    CHECK(result->quota.limit == 5000);
    CHECK(result->quota.remaining == 5000 - (graphQl ? 3 : 3 + 205));
}

TEST_CASE("GitHub source: repositories without descriptors become Components when asked", "[github]")
{
    const bool graphQl = GENERATE(true, false);
    INFO((graphQl ? "files through GraphQL" : "files through REST"));
    Harness h;
    GitHubTestServer::Repository hello;
    hello.name = u"Hello-World"_s;
    hello.topics = {u"octocat"_s, u"api"_s};
    hello.files.insert(u".github/CODEOWNERS"_s, "# owners\n* @octocat/platform-team @someone\n");
    GitHubTestServer::Repository old;
    old.name = u"old.thing"_s;
    old.archived = true;
    GitHubTestServer::Repository described;
    described.name = u"payments"_s;
    described.files.insert(u"catalog-info.yaml"_s,
                           GitHubTestServer::componentDescriptor(u"payments"_s, u"octocat/payments"_s));
    h.server.setRepositories({hello, old, described});

    GitHubSource source(
        h.config({{u"insights"_s, false}, {u"repositoriesAsComponents"_s, true}, {u"graphql"_s, graphQl}}));
    Result<SourceResult> result = sync(source, h.context());
    REQUIRE(result.ok());
    INFO(Portolan::Test::describe(result->problems).toStdString());
    REQUIRE(result->entities.size() == 3);
    const Entity *c = findEntity(result.value(), u"Hello-World"_s);
    REQUIRE(c);
    CHECK(c->kind == u"Component"_s);
    CHECK(c->tags == QStringList{u"octocat"_s, u"api"_s});
    CHECK(c->specString("owner"_L1) == u"group:platform-team"_s);
    CHECK(c->specString("lifecycle"_L1) == u"production"_s);
    CHECK(c->annotation(u"github.com/project-slug") == u"octocat/Hello-World"_s);
    CHECK(c->description == u"This your first repo!"_s);
    const Entity *archived = findEntity(result.value(), u"old.thing"_s);
    REQUIRE(archived);
    CHECK(archived->specString("lifecycle"_L1) == u"deprecated"_s);
    CHECK(archived->specString("owner"_L1) == u"group:octocat"_s);
    const Entity *payments = findEntity(result.value(), u"payments"_s);
    REQUIRE(payments);
    CHECK(payments->specString("type"_L1) == u"service"_s); // the descriptor, not a made-up Component
    INFO(h.server.violations().join(u'\n').toStdString());
    CHECK(h.server.violations().isEmpty());
    CHECK(h.server.countRequests(u"/contents/"_s) == (graphQl ? 0 : 3 + 4 + 1));

    // includeArchived: false leaves the archived repository out.
    GitHubSource noArchived(
        h.config({{u"insights"_s, false}, {u"repositoriesAsComponents"_s, true}, {u"includeArchived"_s, false}}));
    result = sync(noArchived, h.context());
    REQUIRE(result.ok());
    CHECK(result->entities.size() == 2);
}

TEST_CASE("GitHub source: insights from the examples, shared by every entity with the slug", "[github]")
{
    Harness h;
    h.server.generateRepositories(2);
    h.catalog = Catalog::build({otherSourceEntity(u"service-one-docs"_s, u"octocat/service-0001"_s)});
    GitHubSource source(h.config());
    QList<SourceQuota> quotas;
    const Result<SourceResult> result = sync(source, h.context(), &quotas);
    REQUIRE(result.ok());
    INFO(Portolan::Test::describe(result->problems).toStdString());
    INFO(h.server.violations().join(u'\n').toStdString());
    CHECK(h.server.violations().isEmpty());
    CHECK_FALSE(quotas.isEmpty());

    REQUIRE(result->github.size() == 3); // service-0001 (both entities) and service-0002
    const RepositoryInsights &mine = result->github.value(u"component:default/service-0001"_s);
    const RepositoryInsights &other = result->github.value(u"component:default/service-one-docs"_s);
    CHECK(mine.slug == u"octocat/service-0001"_s);
    CHECK(other.slug == mine.slug);
    CHECK(h.server.countRequests(u"/repos/octocat/service-0001/actions/runs"_s) == 1); // one fetch per slug
    CHECK(mine.url == u"https://github.com/octocat/service-0001"_s);
    CHECK(mine.defaultBranch == u"master"_s);
    INFO(Portolan::Test::describe(mine.problems).toStdString());
    CHECK(mine.problems.isEmpty());

    REQUIRE(mine.runs.size() == 1);
    CHECK(mine.runs[0].workflow == u"Build"_s);
    CHECK(mine.runs[0].status == u"queued"_s);
    CHECK(mine.ciState() == CiState::Running);
    REQUIRE(mine.pulls.size() == 1);
    CHECK(mine.pulls[0].number == 1347);
    CHECK(mine.pulls[0].reviewState == u"approved"_s);
    CHECK(mine.pulls[0].checksState == u"success"_s);
    REQUIRE(mine.releases.size() == 1);
    CHECK(mine.releases[0].tag == u"v1.0.0"_s);
    CHECK(mine.environments == QStringList{u"staging"_s});
    REQUIRE(mine.deployments.size() == 1);
    CHECK(mine.deployments[0].environment == u"production"_s);
    CHECK(mine.deployments[0].state == u"success"_s);
    CHECK(mine.fetchedAt.isValid());
}

TEST_CASE("GitHub source: an unchanged re-sync sends only conditional requests and spends no budget", "[github]")
{
    Harness h;
    h.server.generateRepositories(120);
    {
        GitHubSource source(h.config());
        Result<SourceResult> first = sync(source, h.context());
        REQUIRE(first.ok());
        CHECK(first->entities.size() == 120);
        CHECK(first->github.size() == 120);
        const int spentFirst = h.server.spent();
        CHECK(spentFirst > 120);

        h.server.clearRequests();
        Result<SourceResult> second = sync(source, h.context());
        REQUIRE(second.ok());
        CHECK(h.server.spent() == spentFirst);
        CHECK(second->entities.size() == 120);
        CHECK(second->github.size() == 120);
        CHECK(h.server.countRequests(u"/contents/"_s) == 0); // pushed_at unchanged: not even asked
        for (const GitHubTestServer::Request &r : h.server.requests()) {
            INFO(r.path.toStdString());
            CHECK_FALSE(r.ifNoneMatch.isEmpty());
            CHECK(r.status == 304);
        }
        CHECK(source.lastNotModifiedCount() == source.lastRequestCount());
        CHECK(second->github.value(u"component:default/service-0007"_s).pulls.value(0).reviewState == u"approved"_s);
    }
    // A new source (an application restart) over the same folder: still only 304s.
    h.server.clearRequests();
    const int spentBefore = h.server.spent();
    GitHubSource restarted(h.config());
    Result<SourceResult> third = sync(restarted, h.context());
    REQUIRE(third.ok());
    CHECK(h.server.spent() == spentBefore);
    CHECK(third->entities.size() == 120);
    CHECK(third->github.value(u"component:default/service-0001"_s).deployments.value(0).state == u"success"_s);
    REQUIRE(h.server.requests().size() > 0);
    for (const GitHubTestServer::Request &r : h.server.requests()) {
        CHECK(r.status == 304);
    }

    // A push to one repository: only its descriptor is asked for again (and answered 304: it did not change).
    h.server.touch(u"service-0042"_s, QDateTime::currentDateTimeUtc());
    h.server.clearRequests();
    Result<SourceResult> fourth = sync(restarted, h.context());
    REQUIRE(fourth.ok());
    CHECK(h.server.countRequests(u"/contents/"_s) == 1);
    CHECK(fourth->entities.size() == 120);
}

TEST_CASE("GitHub source: GraphQL reads descriptors in batches, and REST takes over what it cannot give", "[github]")
{
    Harness h;
    h.server.generateRepositories(120);
    auto &repos = h.server.repositories();
    // A Location in service-0005: its target is read through REST.
    repos[4].files[u"catalog-info.yaml"_s] =
        "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: all\nspec:\n  targets:\n"
        "    - ./services/api.yaml\n";
    repos[4].files[u"services/api.yaml"_s] =
        GitHubTestServer::componentDescriptor(u"service-0005"_s, u"octocat/service-0005"_s);
    // A binary file where the descriptor should be: GraphQL gives no text, REST reads it and names the problem.
    repos[6].files[u"catalog-info.yaml"_s] = QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

    GitHubSource source(h.config({{u"insights"_s, false}}));
    Result<SourceResult> first = sync(source, h.context());
    REQUIRE(first.ok());
    INFO(Portolan::Test::describe(first->problems).toStdString());
    INFO(h.server.violations().join(u'\n').toStdString());
    CHECK(h.server.violations().isEmpty());
    CHECK(h.server.graphQlQueries() == 3); // 50 + 50 + 20
    // 118 descriptors, the Location and its Component; service-0007's binary descriptor is a problem.
    CHECK(first->entities.size() == 120);
    const Entity *located = findEntity(first.value(), u"service-0005"_s);
    REQUIRE(located);
    CHECK(located->origin.file == u"https://github.com/octocat/service-0005/blob/master/services/api.yaml"_s);
    CHECK(h.server.countRequests(u"/repos/octocat/service-0005/contents/services/api.yaml"_s) == 1);
    CHECK(h.server.countRequests(u"/repos/octocat/service-0007/contents/catalog-info.yaml"_s) == 1);
    CHECK(h.server.countRequests(u"/contents/"_s) == 2);
    bool binaryNamed = false;
    for (const Error &e : first->problems) {
        binaryNamed = binaryNamed || e.file.contains(u"service-0007"_s);
    }
    CHECK(binaryNamed);
    const Entity *plain = findEntity(first.value(), u"service-0100"_s);
    REQUIRE(plain);
    CHECK(plain->origin.file == u"https://github.com/octocat/service-0100/blob/master/catalog-info.yaml"_s);
    CHECK(plain->origin.revision.size() == 40); // the blob's oid, as REST's sha

    // Unchanged: no GraphQL query and no budget at all.
    const int spent = h.server.spent();
    const int queries = h.server.graphQlQueries();
    Result<SourceResult> second = sync(source, h.context());
    REQUIRE(second.ok());
    CHECK(h.server.graphQlQueries() == queries);
    CHECK(h.server.spent() == spent);
    CHECK(second->entities.size() == 120);

    SECTION("GraphQL's budget spent: REST reads the descriptors")
    {
        for (int i = 0; i < 120; ++i) {
            h.server.touch(repos[i].name, QDateTime::currentDateTimeUtc().addSecs(i));
        }
        h.server.setGraphQlBudget(5000, 0);
        h.server.clearRequests();
        Result<SourceResult> r = sync(source, h.context());
        REQUIRE(r.ok());
        CHECK(r->entities.size() == 120);
        // The three batches are sent together, each is refused, and REST reads every repository.
        CHECK(h.server.countRequests(u"/graphql"_s) == 3);
        CHECK(h.server.countRequests(u"/contents/catalog-info.yaml"_s) == 120);
    }
    SECTION("a GraphQL server error: REST reads the descriptors")
    {
        h.server.touch(u"service-0001"_s, QDateTime::currentDateTimeUtc());
        h.server.touch(u"service-0002"_s, QDateTime::currentDateTimeUtc());
        h.server.repositories()[0].description = u"changed"_s;
        h.server.addFault({FaultKind::ServerError, u"/graphql"_s, 0, -1});
        h.server.clearRequests();
        Result<SourceResult> r = sync(source, h.context());
        REQUIRE(r.ok());
        CHECK(r->entities.size() == 120);
        CHECK(h.server.countRequests(u"/contents/catalog-info.yaml"_s) == 2);
        CHECK(r->problems.size() == first->problems.size()); // a fallback, not a problem
    }
    SECTION("a bad token is refused by GraphQL as by REST")
    {
        h.server.touch(u"service-0001"_s, QDateTime::currentDateTimeUtc());
        h.server.touch(u"service-0002"_s, QDateTime::currentDateTimeUtc());
        h.server.addFault({FaultKind::BadCredentials, u"/graphql"_s, 0, -1});
        Result<SourceResult> r = sync(source, h.context());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Auth);
    }
}

TEST_CASE("GitHub test server: GraphQL queries are checked against GitHub's schema", "[github]")
{
    Harness h;
    h.server.generateRepositories(1);
    QNetworkAccessManager network;
    const auto post = [&](const QByteArray &query) {
        QNetworkRequest request(QUrl(h.server.url() + u"/graphql"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        request.setRawHeader("Accept", "application/vnd.github+json");
        request.setRawHeader("X-GitHub-Api-Version", GitHubTestServer::apiVersion);
        QNetworkReply *reply = network.post(
            request, QJsonDocument(QJsonObject{{u"query"_s, QString::fromUtf8(query)}}).toJson(QJsonDocument::Compact));
        spinUntil([reply] { return reply->isFinished(); }, 10000);
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return body;
    };
    QJsonObject answer = post("{ r0: repository(owner: \"octocat\", name: \"service-0001\") { "
                              "f0: object(expression: \"master:catalog-info.yaml\") { __typename ... on Blob { oid "
                              "isTruncated } } missing: object(expression: \"master:nope.yaml\") { id } } "
                              "gone: repository(owner: \"octocat\", name: \"gone\") { name } }");
    const QJsonObject data = answer.value("data"_L1).toObject();
    CHECK(data.value("r0"_L1).toObject().value("f0"_L1).toObject().value("__typename"_L1) == u"Blob"_s);
    CHECK(data.value("r0"_L1).toObject().value("f0"_L1).toObject().value("oid"_L1).toString().size() == 40);
    CHECK(data.value("r0"_L1).toObject().value("missing"_L1).isNull());
    CHECK(data.value("gone"_L1).isNull());
    CHECK(answer.value("errors"_L1).toArray().first().toObject().value("type"_L1) == u"NOT_FOUND"_s);
    CHECK(h.server.violations().isEmpty());

    // Fields and arguments the schema does not have, and a missing selection, are refused without data.
    answer = post("{ repository(owner: \"octocat\") { object(expression: \"HEAD:x\", path: \"x\") { ... on Blob { "
                  "contents } } } rateLimit }");
    CHECK_FALSE(answer.contains("data"_L1));
    QStringList codes;
    for (const QJsonValue &e : answer.value("errors"_L1).toArray()) {
        codes.append(e.toObject().value("extensions"_L1).toObject().value("code"_L1).toString());
    }
    codes.sort();
    CHECK(codes
          == QStringList{u"argumentNotAccepted"_s, u"missingRequiredArguments"_s, u"selectionMismatch"_s,
                         u"undefinedField"_s});
    CHECK(h.server.violations().size() == 4);
}

TEST_CASE("GitHub source: a low rate-limit budget stops reading, reports, and the next sync continues", "[github]")
{
    Harness h;
    h.server.generateRepositories(150);
    h.server.setBudget(5000, 60);
    GitHubSource source(h.config({{u"reservePercent"_s, 0}, {u"graphql"_s, false}}));
    Result<SourceResult> first = sync(source, h.context());
    REQUIRE(first.ok());
    INFO(Portolan::Test::describe(first->problems).toStdString());
    const size_t readFirst = first->entities.size();
    CHECK(readFirst > 30);
    CHECK(readFirst < 60);
    bool reported = false;
    for (const Error &e : first->problems) {
        reported = reported
                   || (e.code == Error::Code::RateLimited && e.severity == Error::Severity::Warning
                       && e.message.contains(u"%1 repositories not read yet"_s.arg(150 - readFirst)));
    }
    CHECK(reported);
    CHECK(first->quota.remaining >= 0);
    CHECK(first->quota.remaining <= 2);
    CHECK(h.server.remaining() >= 0);

    // The window resets: the rest is read, the repositories read before are not asked for again.
    h.server.setBudget(5000, 5000);
    h.server.clearRequests();
    Result<SourceResult> second = sync(source, h.context());
    REQUIRE(second.ok());
    CHECK(second->entities.size() == 150);
    CHECK(size_t(h.server.countRequests(u"/contents/"_s)) == 150 - readFirst);

    // The primary limit hit in the middle of a sync (GitHub's 403 with x-ratelimit-remaining: 0) stops reading too.
    h.server.touch(u"service-0001"_s, QDateTime::currentDateTimeUtc());
    h.server.addFault({FaultKind::PrimaryExhausted, u"/contents/"_s, 0, -1});
    Result<SourceResult> third = sync(source, h.context());
    REQUIRE(third.ok());
    CHECK(third->entities.size() == 150); // what was read before stays
    bool notRead = false;
    for (const Error &e : third->problems) {
        notRead = notRead || e.message.contains(u"1 repositories not read yet"_s)
                  || e.message.contains(u"repository not read yet"_s) || e.message.contains(u"not read yet"_s);
    }
    CHECK(notRead);
    CHECK(third->quota.remaining == 0);
}

TEST_CASE("GitHub source: secondary rate limits, bad credentials and server errors", "[github]")
{
    Harness h;
    h.server.generateRepositories(3);

    SECTION("a secondary rate limit (403 with retry-after) fails the sync with RateLimited")
    {
        h.server.addFault({FaultKind::Secondary403, u"/contents/"_s, 1, 1});
        GitHubSource source(h.config({{u"graphql"_s, false}}));
        const Result<SourceResult> r = sync(source, h.context());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::RateLimited);
        CHECK(r.error().retryAfterSeconds == 60);
    }
    SECTION("a secondary rate limit as 429 on the repository list")
    {
        h.server.addFault({FaultKind::Secondary429, u"/repos"_s, 0, -1});
        GitHubSource source(h.config());
        const Result<SourceResult> r = sync(source, h.context());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::RateLimited);
        CHECK(r.error().retryAfterSeconds == 60);
    }
    SECTION("a secondary rate limit without retry-after waits a minute, as GitHub documents")
    {
        h.server.addFault({FaultKind::SecondaryNoRetryAfter, u"/actions/runs"_s, 0, -1});
        GitHubSource source(h.config());
        const Result<SourceResult> r = sync(source, h.context());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::RateLimited);
        CHECK(r.error().retryAfterSeconds == 60);
    }
    SECTION("401 Bad credentials fails the sync with an Auth error")
    {
        GitHubSource source(h.config());
        const Result<SourceResult> r = sync(source, h.context(u"ghp_wrong"_s));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Auth);
        CHECK(r.error().httpStatus == 401);
        CHECK(r.error().message.contains(u"The GitHub token was refused"_s));
        CHECK(r.error().detail.contains(u"Bad credentials"_s));
    }
    SECTION("a 500 on the repository list fails the sync; on a descriptor it is that repository's problem")
    {
        h.server.addFault({FaultKind::ServerError, u"/orgs/"_s, 0, -1});
        GitHubSource source(h.config({{u"insights"_s, false}}));
        Result<SourceResult> r = sync(source, h.context());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().httpStatus == 500);
        h.server.clearFaults();
        h.server.addFault({FaultKind::ServerError, u"/repos/octocat/service-0002/contents/"_s, 0, -1});
        // GraphQL answers too: make it fail so that REST reads the descriptors.
        h.server.addFault({FaultKind::ServerError, u"/graphql"_s, 0, -1});
        r = sync(source, h.context());
        REQUIRE(r.ok());
        CHECK(r->entities.size() == 2);
        REQUIRE(r->problems.size() == 1);
        CHECK(r->problems[0].httpStatus == 500);
        CHECK(r->problems[0].message.contains(u"octocat/service-0002"_s));
    }
    SECTION("a configuration without organization or user is a Config error naming file, line and field")
    {
        SourceConfig c = h.config();
        c.options.clear();
        GitHubSource source(c);
        const Result<SourceResult> r = sync(source, h.context());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Config);
        CHECK(r.error().file == u"/ws/portolan.yaml"_s);
        CHECK(r.error().line == 7);
        CHECK(r.error().field == u"options.organization"_s);
    }
}

TEST_CASE("GitHub source: a 403 on deployments degrades only that part", "[github]")
{
    Harness h;
    h.server.generateRepositories(1);
    h.server.addFault({FaultKind::Forbidden, u"/deployments"_s, 0, -1});
    GitHubSource source(h.config());
    const Result<SourceResult> r = sync(source, h.context());
    REQUIRE(r.ok());
    const RepositoryInsights insights = r->github.value(u"component:default/service-0001"_s);
    REQUIRE(insights.problems.size() == 1);
    CHECK(insights.problems[0].httpStatus == 403);
    CHECK(insights.problems[0].message.contains(u"Deployments"_s));
    CHECK(insights.deployments.isEmpty());
    CHECK(insights.runs.size() == 1);
    CHECK(insights.pulls.size() == 1);
    CHECK(insights.releases.size() == 1);
    CHECK(insights.environments.size() == 1);
}

TEST_CASE("GitHub source: the redirect of a renamed repository is followed", "[github]")
{
    Harness h;
    h.server.setRepositories({});
    h.catalog = Catalog::build({otherSourceEntity(u"renamed"_s, u"octokit-fixture-org/rename-repository"_s)});
    GitHubSource source(h.config());
    const Result<SourceResult> r = sync(source, h.context());
    REQUIRE(r.ok());
    CHECK(h.server.countRequests(u"/repos/octokit-fixture-org/rename-repository"_s) >= 1);
    CHECK(h.server.countRequests(u"/repositories/1000"_s) == 1);
    const RepositoryInsights insights = r->github.value(u"component:default/renamed"_s);
    CHECK(insights.url == u"https://github.com/octokit-fixture-org/rename-repository-newname"_s);
    bool renamed = false;
    for (const Error &e : insights.problems) {
        renamed = renamed || e.message.contains(u"renamed to octokit-fixture-org/rename-repository-newname"_s);
    }
    CHECK(renamed);
    CHECK(h.server.countRequests(u"/repos/octokit-fixture-org/rename-repository-newname/actions/runs"_s) == 1);
}
