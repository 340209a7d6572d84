// The Backstage source against a loopback Backstage catalog API (tests/support/BackstageTestServer) holding the
// catalog-model examples of ../shared/corpus/backstage, replicated to 5,000 entities.
#include "sources/backstage/BackstageSource.h"
#include "sources/backstage/BackstageMapper.h"
#include "support/BackstageTestServer.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"
#include "util/Clock.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTimer>

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <optional>

using namespace Portolan::Core;
using Portolan::Test::BackstageTestServer;
using Portolan::Test::spinUntil;
using Fault = Portolan::Test::BackstageTestServer::Fault;

namespace {

const QString token = QStringLiteral("backstage-static-token");

struct Harness
{
    QNetworkAccessManager network;
    BackstageTestServer server;
    std::atomic_bool cancel = false;

    Harness()
    {
        REQUIRE(server.listen());
        server.setToken(token);
    }

    SourceConfig config(const QString &filter = {}) const
    {
        SourceConfig c;
        c.id = QStringLiteral("backstage-test");
        c.type = QStringLiteral("backstage");
        c.url = server.url() + QLatin1Char('/');
        c.filter = filter;
        return c;
    }

    SyncContext context(const QString &secret = token)
    {
        SyncContext c;
        c.network = &network;
        c.cancel = &cancel;
        c.secret = secret;
        c.clock = &Clock::system();
        return c;
    }
};

struct Outcome
{
    std::optional<Result<SourceResult>> result;
    int finishedCount = 0;
    QList<QPair<qint64, qint64>> progress;
};

// Runs `start` and the event loop until the source finishes, and a little longer to catch a second finished().
std::shared_ptr<Outcome> run(Source &source, const std::function<void()> &start, int timeoutMs = 20000)
{
    auto outcome = std::make_shared<Outcome>();
    const auto finished =
        QObject::connect(&source, &Source::finished, &source, [outcome](const Result<SourceResult> &r) {
            outcome->result.emplace(r);
            ++outcome->finishedCount;
        });
    const auto progress =
        QObject::connect(&source, &Source::progress, &source, [outcome](qint64 done, qint64 total, const QString &) {
            outcome->progress.append({done, total});
        });
    start();
    REQUIRE(spinUntil([outcome] { return outcome->result.has_value(); }, timeoutMs));
    spinUntil([] { return false; }, 50);
    QObject::disconnect(finished);
    QObject::disconnect(progress);
    return outcome;
}

std::shared_ptr<Outcome> sync(BackstageSource &source, const SyncContext &context, int timeoutMs = 20000)
{
    return run(
        source, [&source, &context] { source.sync(context); }, timeoutMs);
}

// The entity a server item should become: its envelope without the server-side fields.
void checkSameAsServer(const std::vector<Entity> &entities, const QList<QJsonObject> &served)
{
    REQUIRE(entities.size() == size_t(served.size()));
    std::map<QString, const Entity *> byKey;
    for (const Entity &e : entities) {
        byKey[e.key()] = &e;
    }
    REQUIRE(byKey.size() == entities.size());
    for (const QJsonObject &item : served) {
        const QString ref = BackstageTestServer::refOf(item);
        const auto it = byKey.find(ref.toLower());
        REQUIRE(it != byKey.end());
        const Entity &e = *it->second;
        const QJsonObject expected = BackstageTestServer::withoutServerFields(item);
        INFO(ref.toStdString());
        CHECK(QJsonDocument::fromJson(e.raw).object() == expected);
        CHECK(e.toEnvelope() == Entity::fromEnvelope(QCborMap::fromJsonObject(expected)).toEnvelope());
        CHECK(e.spec == QCborMap::fromJsonObject(expected.value(QStringLiteral("spec")).toObject()));
        CHECK_FALSE(e.extraMetadata.contains(QStringLiteral("uid")));
        CHECK_FALSE(e.extraMetadata.contains(QStringLiteral("etag")));
    }
}

} // namespace

TEST_CASE("BackstageMapper maps an entity one to one and drops the server-side fields", "[backstage]")
{
    const QList<QJsonObject> examples = BackstageTestServer::exampleEntities();
    REQUIRE(examples.size() > 40);
    QJsonObject petstore;
    for (const QJsonObject &e : examples) {
        if (BackstageTestServer::refOf(e) == QStringLiteral("component:default/petstore")) {
            petstore = e;
        }
    }
    REQUIRE_FALSE(petstore.isEmpty());
    REQUIRE(petstore.contains(QStringLiteral("relations")));
    const QString app = QStringLiteral("https://backstage.example.com/");

    const BackstageMapper::Mapped mapped = BackstageMapper::mapEntity(petstore, app, QStringLiteral("bs"));
    INFO(Portolan::Test::describe(mapped.problems).toStdString());
    REQUIRE(mapped.entity);
    CHECK(mapped.problems.isEmpty());
    const Entity &e = *mapped.entity;
    CHECK(e.refString() == QStringLiteral("component:default/petstore"));
    CHECK(e.specString(QLatin1StringView("owner"))
          == petstore.value(QStringLiteral("spec")).toObject().value(QStringLiteral("owner")).toString());
    CHECK(e.annotation(u"backstage.io/managed-by-location")
              .startsWith(QStringLiteral("url:https://github.com/backstage")));
    CHECK(e.origin.sourceId == QStringLiteral("bs"));
    CHECK(e.origin.file == QStringLiteral("https://backstage.example.com/catalog/default/component/petstore"));
    CHECK(e.origin.revision.isEmpty());
    const QJsonObject raw = QJsonDocument::fromJson(e.raw).object();
    CHECK_FALSE(raw.contains(QStringLiteral("relations")));
    CHECK_FALSE(raw.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("uid")));
    CHECK_FALSE(raw.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("etag")));
    CHECK(raw == BackstageTestServer::withoutServerFields(petstore));

    SECTION("an item breaking the rules is a problem naming the entity and the field")
    {
        QJsonObject bad = petstore;
        QJsonObject metadata = bad.value(QStringLiteral("metadata")).toObject();
        metadata.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("Not A Tag")});
        bad.insert(QStringLiteral("metadata"), metadata);
        const BackstageMapper::Mapped rejected = BackstageMapper::mapEntity(bad, app, QStringLiteral("bs"));
        CHECK_FALSE(rejected.entity);
        REQUIRE(Portolan::Test::countErrors(rejected.problems) == 1);
        CHECK(rejected.problems.at(0).field == QStringLiteral("metadata.tags[0]"));
        CHECK(rejected.problems.at(0).entityRef == QStringLiteral("component:default/petstore"));
        CHECK(rejected.problems.at(0).file
              == QStringLiteral("https://backstage.example.com/catalog/default/component/petstore"));
    }
    SECTION("an item that is not an object is a problem")
    {
        const BackstageMapper::Mapped rejected = BackstageMapper::mapEntity(QJsonValue(42), app, QStringLiteral("bs"));
        CHECK_FALSE(rejected.entity);
        CHECK(Portolan::Test::countErrors(rejected.problems) == 1);
    }
    SECTION("pages that are not EntitiesQueryResponse are errors")
    {
        CHECK_FALSE(BackstageMapper::parseQueryPage("{\"items\":[", QStringLiteral("x")).ok());
        CHECK_FALSE(BackstageMapper::parseQueryPage("[]", QStringLiteral("x")).ok());
        CHECK_FALSE(BackstageMapper::parseQueryPage(R"({"items":[],"pageInfo":{}})", QStringLiteral("x")).ok());
        const auto page = BackstageMapper::parseQueryPage(
            R"({"items":[{}],"totalItems":7,"pageInfo":{"nextCursor":"abc"}})", QStringLiteral("x"));
        REQUIRE(page.ok());
        CHECK(page->items.size() == 1);
        CHECK(page->totalItems == 7);
        CHECK(page->nextCursor == QStringLiteral("abc"));
    }
}

TEST_CASE("A Backstage sync reads 5,000 entities over cursor pages, whole", "[backstage]")
{
    Harness h;
    h.server.setEntities(BackstageTestServer::replicate(BackstageTestServer::exampleEntities(), 5000));
    REQUIRE(h.server.entities().size() == 5000);
    BackstageSource source(h.config());
    const auto outcome = sync(source, h.context());
    REQUIRE(outcome->result->ok());
    CHECK(outcome->finishedCount == 1);
    const SourceResult &result = outcome->result->value();
    INFO(Portolan::Test::describe(result.problems).toStdString());
    CHECK(result.problems.isEmpty());
    checkSameAsServer(result.entities, h.server.entities());
    CHECK(result.entities.front().origin.sourceId == QStringLiteral("backstage-test"));
    CHECK(result.revision.isEmpty());

    const auto pages = h.server.requests(QStringLiteral("/api/catalog/entities/by-query"));
    REQUIRE(pages.size() == 10);
    CHECK(pages.at(0).query.queryItemValue(QStringLiteral("limit")) == QStringLiteral("500"));
    CHECK_FALSE(pages.at(0).query.hasQueryItem(QStringLiteral("cursor")));
    for (qsizetype i = 1; i < pages.size(); ++i) {
        CHECK(pages.at(i).query.hasQueryItem(QStringLiteral("cursor")));
        CHECK(pages.at(i).query.queryItemValue(QStringLiteral("limit")) == QStringLiteral("500"));
    }
    for (const auto &r : pages) {
        CHECK(r.authorization == "Bearer " + token.toUtf8());
    }
    REQUIRE_FALSE(outcome->progress.isEmpty());
    CHECK(outcome->progress.constLast() == qMakePair(qint64(5000), qint64(5000)));
}

TEST_CASE("A Backstage sync passes the filter on the first page only", "[backstage]")
{
    Harness h;
    h.server.setEntities(BackstageTestServer::replicate(BackstageTestServer::exampleEntities(), 3000));
    QList<QJsonObject> components;
    for (const QJsonObject &e : h.server.entities()) {
        if (e.value(QStringLiteral("kind")).toString() == QStringLiteral("Component")) {
            components.append(e);
        }
    }
    REQUIRE(components.size() > 500); // more than one page
    REQUIRE(components.size() < h.server.entities().size());
    BackstageSource source(h.config(QStringLiteral("kind=component")));
    const auto outcome = sync(source, h.context());
    REQUIRE(outcome->result->ok());
    checkSameAsServer(outcome->result->value().entities, components);
    const auto pages = h.server.requests(QStringLiteral("/api/catalog/entities/by-query"));
    REQUIRE(pages.size() >= 2);
    CHECK(pages.at(0).query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded)
          == QStringLiteral("kind=component"));
    for (qsizetype i = 1; i < pages.size(); ++i) {
        CHECK_FALSE(pages.at(i).query.hasQueryItem(QStringLiteral("filter")));
        CHECK(pages.at(i).query.hasQueryItem(QStringLiteral("cursor")));
    }
}

TEST_CASE("A Backstage sync with the wrong token is an Auth error", "[backstage]")
{
    Harness h;
    h.server.setEntities(BackstageTestServer::exampleEntities());
    BackstageSource source(h.config());
    SECTION("wrong")
    {
        const auto outcome = sync(source, h.context(QStringLiteral("not-the-token")));
        REQUIRE_FALSE(outcome->result->ok());
        CHECK(outcome->result->error().code == Error::Code::Auth);
        CHECK(outcome->result->error().httpStatus == 401);
        CHECK(outcome->result->error().detail == QStringLiteral("Illegal token"));
    }
    SECTION("missing")
    {
        const auto outcome = sync(source, h.context(QString()));
        REQUIRE_FALSE(outcome->result->ok());
        CHECK(outcome->result->error().code == Error::Code::Auth);
        CHECK(outcome->result->error().detail == QStringLiteral("Missing credentials"));
        CHECK(h.server.requests().at(0).authorization.isEmpty());
    }
}

TEST_CASE("A Backstage sync that fails on a page fails whole", "[backstage]")
{
    Harness h;
    h.server.setEntities(BackstageTestServer::replicate(BackstageTestServer::exampleEntities(), 2000));
    SourceConfig config = h.config();
    config.options.insert(QStringLiteral("timeout"), 0.5);
    BackstageSource source(config);
    Fault fault;
    fault.skip = 2; // the third page, after two good ones
    Error::Code expected = Error::Code::Http;
    int status = 0;
    int pagesAsked = 3;

    SECTION("403")
    {
        fault.status = 403;
        expected = Error::Code::Auth;
        status = 403;
    }
    SECTION("404")
    {
        fault.status = 404;
        status = 404;
    }
    SECTION("429 with a Retry-After longer than the client waits")
    {
        fault.status = 429;
        fault.retryAfterSeconds = 3600;
        expected = Error::Code::RateLimited;
        status = 429;
    }
    SECTION("500")
    {
        fault.status = 500;
        status = 500;
    }
    SECTION("a page cut off in the middle of the JSON, every time")
    {
        fault.kind = Fault::Kind::CutOff;
        fault.times = -1;
        expected = Error::Code::Network;
        pagesAsked = 3 + 3; // the client's retries of a dropped connection
    }
    SECTION("a page that never finishes")
    {
        fault.kind = Fault::Kind::Stall;
        expected = Error::Code::Timeout;
    }
    SECTION("an empty page before the end")
    {
        fault.kind = Fault::Kind::EmptyItems;
    }
    SECTION("a cursor that comes back")
    {
        fault.kind = Fault::Kind::RepeatCursor;
    }
    h.server.injectFault(fault);
    const auto outcome = sync(source, h.context());
    CHECK(outcome->finishedCount == 1);
    REQUIRE_FALSE(outcome->result->ok()); // an error, so no partial entity set reaches the catalog
    const Error &error = outcome->result->error();
    INFO(error.message.toStdString() + " / " + error.detail.toStdString());
    CHECK(error.code == expected);
    CHECK_FALSE(error.message.isEmpty());
    if (status != 0) {
        CHECK(error.httpStatus == status);
        CHECK(error.detail.startsWith(QStringLiteral("Injected failure")));
    }
    if (fault.retryAfterSeconds > 0) {
        CHECK(error.retryAfterSeconds == fault.retryAfterSeconds);
    }
    CHECK(h.server.requests(QStringLiteral("/api/catalog/entities/by-query")).size() == pagesAsked);
}

TEST_CASE("A Backstage sync rides out short faults", "[backstage]")
{
    Harness h;
    h.server.setEntities(BackstageTestServer::replicate(BackstageTestServer::exampleEntities(), 1200));
    BackstageSource source(h.config());
    Fault fault;
    fault.skip = 1;
    SECTION("429 with Retry-After: 1")
    {
        fault.status = 429;
        fault.retryAfterSeconds = 1;
    }
    SECTION("one page cut off")
    {
        fault.kind = Fault::Kind::CutOff;
    }
    h.server.injectFault(fault);
    const auto outcome = sync(source, h.context());
    REQUIRE(outcome->result->ok());
    checkSameAsServer(outcome->result->value().entities, h.server.entities());
    CHECK(h.server.requests(QStringLiteral("/api/catalog/entities/by-query")).size() == 4);
}

TEST_CASE("A Backstage sync guards against endless paging and can be cancelled", "[backstage]")
{
    Harness h;
    h.server.setEntities(BackstageTestServer::replicate(BackstageTestServer::exampleEntities(), 2000));
    SourceConfig config = h.config();

    SECTION("a page limit")
    {
        config.options.insert(QStringLiteral("maxPages"), 2);
        BackstageSource source(config);
        const auto outcome = sync(source, h.context());
        REQUIRE_FALSE(outcome->result->ok());
        CHECK(outcome->result->error().code == Error::Code::Http);
        CHECK(h.server.requests(QStringLiteral("/api/catalog/entities/by-query")).size() == 2);
    }
    SECTION("cancel")
    {
        Fault stall;
        stall.kind = Fault::Kind::Stall;
        stall.skip = 1;
        h.server.injectFault(stall);
        BackstageSource source(config);
        const auto outcome = run(source, [&] {
            source.sync(h.context());
            QTimer::singleShot(300, [&h] { h.cancel = true; });
        });
        REQUIRE_FALSE(outcome->result->ok());
        CHECK(outcome->result->error().code == Error::Code::Cancelled);
    }
}

TEST_CASE("A Backstage sync of an empty catalog is an empty set: invalid items are problems", "[backstage]")
{
    Harness h;
    SECTION("empty")
    {
        BackstageSource source(h.config());
        const auto outcome = sync(source, h.context());
        REQUIRE(outcome->result->ok());
        CHECK(outcome->result->value().entities.empty());
    }
    SECTION("one invalid item among valid ones")
    {
        QList<QJsonObject> entities = BackstageTestServer::exampleEntities();
        QJsonObject bad = entities.at(0);
        QJsonObject metadata = bad.value(QStringLiteral("metadata")).toObject();
        metadata.insert(QStringLiteral("name"), QStringLiteral("not a valid name!"));
        bad.insert(QStringLiteral("metadata"), metadata);
        entities.append(bad);
        h.server.setEntities(entities);
        BackstageSource source(h.config());
        const auto outcome = sync(source, h.context());
        REQUIRE(outcome->result->ok());
        const SourceResult &result = outcome->result->value();
        CHECK(result.entities.size() == size_t(entities.size() - 1));
        REQUIRE(Portolan::Test::countErrors(result.problems) == 1);
        CHECK(result.problems.at(0).field == QStringLiteral("metadata.name"));
        CHECK(result.problems.at(0).entityRef.endsWith(QStringLiteral("/not a valid name!")));
        CHECK(result.problems.at(0).file.startsWith(h.server.url() + QStringLiteral("/catalog/")));
    }
}

TEST_CASE("Backstage refreshEntity replaces one entity, or removes it when it is gone", "[backstage]")
{
    Harness h;
    h.server.setEntities(BackstageTestServer::exampleEntities());
    BackstageSource source(h.config());
    const auto first = sync(source, h.context());
    REQUIRE(first->result->ok());
    const std::vector<Entity> current = first->result->value().entities;
    REQUIRE(current.size() == size_t(h.server.entities().size()));
    const auto find = [](const std::vector<Entity> &entities, const QString &ref) -> const Entity * {
        for (const Entity &e : entities) {
            if (e.refString() == ref) {
                return &e;
            }
        }
        return nullptr;
    };
    const Entity *petstore = find(current, QStringLiteral("component:default/petstore"));
    REQUIRE(petstore);

    SECTION("changed upstream")
    {
        QJsonObject changed;
        for (const QJsonObject &e : h.server.entities()) {
            if (BackstageTestServer::refOf(e) == QStringLiteral("component:default/petstore")) {
                changed = e;
            }
        }
        QJsonObject metadata = changed.value(QStringLiteral("metadata")).toObject();
        metadata.insert(QStringLiteral("description"), QStringLiteral("Refreshed description"));
        changed.insert(QStringLiteral("metadata"), metadata);
        REQUIRE(h.server.replaceEntity(changed));
        SECTION("refresh accepted") { }
        SECTION("refresh request failing is ignored")
        {
            Fault fault;
            fault.path = QStringLiteral("/api/catalog/refresh");
            fault.status = 500;
            h.server.injectFault(fault);
        }
        h.server.clearRequests();
        const auto outcome = run(source, [&] { source.refreshEntity(*petstore, current, h.context()); });
        REQUIRE(outcome->result->ok());
        const std::vector<Entity> &after = outcome->result->value().entities;
        CHECK(after.size() == current.size());
        const Entity *refreshed = find(after, QStringLiteral("component:default/petstore"));
        REQUIRE(refreshed);
        CHECK(refreshed->description == QStringLiteral("Refreshed description"));
        CHECK(refreshed->origin.file == h.server.url() + QStringLiteral("/catalog/default/component/petstore"));
        CHECK(after.at(size_t(petstore - current.data())).refString() == QStringLiteral("component:default/petstore"));
        const auto refreshes = h.server.requests(QStringLiteral("/api/catalog/refresh"));
        REQUIRE(refreshes.size() == 1);
        CHECK(QJsonDocument::fromJson(refreshes.at(0).body).object().value(QStringLiteral("entityRef")).toString()
              == QStringLiteral("component:default/petstore"));
        CHECK(h.server.requests(QStringLiteral("/api/catalog/entities/by-name/Component/default/petstore")).size()
              == 1);
    }
    SECTION("gone upstream")
    {
        REQUIRE(
            h.server.removeEntity(QStringLiteral("Component"), QStringLiteral("default"), QStringLiteral("petstore")));
        const auto outcome = run(source, [&] { source.refreshEntity(*petstore, current, h.context()); });
        REQUIRE(outcome->result->ok());
        const std::vector<Entity> &after = outcome->result->value().entities;
        CHECK(after.size() == current.size() - 1);
        CHECK_FALSE(find(after, QStringLiteral("component:default/petstore")));
    }
    SECTION("another error fails the refresh")
    {
        Fault fault;
        fault.path = QStringLiteral("/api/catalog/entities/by-name");
        fault.status = 500;
        h.server.injectFault(fault);
        const auto outcome = run(source, [&] { source.refreshEntity(*petstore, current, h.context()); });
        REQUIRE_FALSE(outcome->result->ok());
        CHECK(outcome->result->error().httpStatus == 500);
    }
}

TEST_CASE("Backstage entities link to their page upstream", "[backstage]")
{
    SourceConfig config;
    config.id = QStringLiteral("bs");
    config.type = QStringLiteral("backstage");
    config.url = QStringLiteral("https://backstage.example.com/");
    BackstageSource source(config);
    Entity e;
    e.kind = QStringLiteral("Component");
    e.ns = QStringLiteral("default");
    e.name = QStringLiteral("petstore");
    CHECK(source.upstreamUrl(e) == QStringLiteral("https://backstage.example.com/catalog/default/component/petstore"));
    CHECK(source.firstPageUrl()
          == QUrl(QStringLiteral("https://backstage.example.com/api/catalog/entities/by-query?limit=500")));

    config.options.insert(QStringLiteral("appUrl"), QStringLiteral("https://portal.example.com"));
    config.filter = QStringLiteral("kind=api,spec.type=openapi");
    BackstageSource withApp(config);
    e.kind = QStringLiteral("API");
    e.ns = QStringLiteral("team-a");
    e.name = QStringLiteral("orders");
    CHECK(withApp.upstreamUrl(e) == QStringLiteral("https://portal.example.com/catalog/team-a/api/orders"));
    const QUrlQuery query(withApp.firstPageUrl());
    CHECK(query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded)
          == QStringLiteral("kind=api,spec.type=openapi"));
}
