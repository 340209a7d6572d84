// The sync engine with a Backstage source against the test server that speaks Backstage's catalog API: each
// fault leaves the last good data in the catalog and the cache, and the token from the keychain never reaches
// the cache, the config or the logs.
#include "auth/TokenStore.h"
#include "cache/CacheDatabase.h"
#include "cache/CatalogStore.h"
#include "config/Paths.h"
#include "support/BackstageTestServer.h"
#include "support/GitDaemon.h"
#include "support/TestSupport.h"
#include "sync/SyncService.h"

#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Portolan::Test;
using namespace Qt::StringLiterals;
using Fault = BackstageTestServer::Fault;

namespace {

struct Harness
{
    Harness(const Workspace &ws, SyncOptions options)
        : service(ws, options)
    {
        QObject::connect(&service, &SyncService::catalogReady, &service,
                         [this](const Catalog::Ptr &c, const QList<SourceState> &, bool) { catalog = c; });
        QObject::connect(&service, &SyncService::sourcesChanged, &service,
                         [this](const QList<SourceStatus> &s) { statuses = s; });
        QObject::connect(&service, &SyncService::pendingDeletionsChanged, &service,
                         [this](const QList<PendingDeletions> &p) { pending = p; });
        QObject::connect(&service, &SyncService::idle, &service, [this] { ++idles; });
    }
    void run(const std::function<void()> &action)
    {
        const int before = idles;
        action();
        REQUIRE(waitUntil([&] { return idles > before; }, 60000));
    }
    [[nodiscard]] SourceStatus status() const
    {
        REQUIRE(statuses.size() == 1);
        return statuses.first();
    }
    [[nodiscard]] int count() const { return catalog ? int(catalog->size()) : -1; }

    SyncService service;
    Catalog::Ptr catalog;
    QList<SourceStatus> statuses;
    QList<PendingDeletions> pending;
    int idles = 0;
};

bool keyringAvailable()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
           && qEnvironmentVariableIsEmpty("PORTOLAN_TEST_NO_KEYRING");
}

} // namespace

TEST_CASE("Backstage source through the sync engine: faults keep the last good data", "[core][sync][backstage]")
{
    BackstageTestServer server;
    REQUIRE(server.listen());
    const QString token = u"bs-token-KEEP-OUT-OF-FILES-5e2d"_s;
    server.setToken(token);
    server.setEntities(BackstageTestServer::replicate(BackstageTestServer::exampleEntities(), 5000));
    qputenv("PORTOLAN_TEST_BACKSTAGE_TOKEN", token.toUtf8());

    QTemporaryDir dir;
    writeFile(dir, u"portolan.yaml"_s,
              "credentials: [{name: backstage, env: PORTOLAN_TEST_BACKSTAGE_TOKEN}]\n"
              "sources:\n  - id: backstage\n    type: backstage\n    url: "
                  + server.url().toUtf8() + "\n    credential: backstage\n    options: {timeout: 2}\n");
    auto ws = Workspace::open(dir.path());
    REQUIRE(ws.ok());
    INFO(describe(ws->problems).toStdString());
    REQUIRE(countErrors(ws->problems) == 0);
    SyncOptions options;
    options.cachePath = Paths::cacheFileFor(ws->cacheKey());
    options.schedule = false;
    options.watchFiles = false;
    Harness h(*ws, options);
    h.run([&] { h.service.init(true); });
    INFO(h.status().error.message.toStdString() << " / " << h.status().error.detail.toStdString());
    REQUIRE(h.status().state == SourceStatus::State::Ok);
    const int full = h.count();
    REQUIRE(full == 5000);
    const int one = h.catalog->find(u"component:default/petstore"_s);
    REQUIRE(one >= 0);
    CHECK(h.catalog->entity(one).origin.file == server.url() + u"/catalog/default/component/petstore"_s);

    struct Case
    {
        const char *name;
        Fault fault;
        Error::Code code;
    };
    const auto status = [](int code, int retryAfter = -1) {
        Fault f;
        f.kind = Fault::Kind::Status;
        f.status = code;
        f.retryAfterSeconds = retryAfter;
        f.times = -1;
        return f;
    };
    const auto kind = [](Fault::Kind k) {
        Fault f;
        f.kind = k;
        f.skip = 2; // the third page
        f.times = -1;
        return f;
    };
    const QList<Case> cases = {
        {"401", status(401), Error::Code::Auth},
        {"403", status(403), Error::Code::Auth},
        {"404", status(404), Error::Code::Http},
        {"429 with a long Retry-After", status(429, 3600), Error::Code::RateLimited},
        {"500", status(500), Error::Code::Http},
        {"cut off mid-JSON", kind(Fault::Kind::CutOff), Error::Code::Network},
        {"a page that never ends", kind(Fault::Kind::Stall), Error::Code::Timeout},
    };
    for (const Case &c : cases) {
        INFO(c.name);
        server.injectFault(c.fault);
        h.run([&] { h.service.refreshSource(u"backstage"_s); });
        const SourceStatus s = h.status();
        CHECK(s.state == SourceStatus::State::Failed);
        CHECK(s.error.code == c.code);
        CHECK(h.count() == full);
        CHECK(s.lastSuccess.isValid());
        if (c.code == Error::Code::RateLimited) {
            CHECK(s.error.retryAfterSeconds == 3600); // the engine waits at least that long before trying again
        }
        server.clearFaults();
    }
    // Server down: nothing listens on the port.
    {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost));
        const QString gone = u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
        probe.close();
        QTemporaryDir other;
        writeFile(other, u"portolan.yaml"_s,
                  "sources:\n  - {id: backstage, type: backstage, url: '" + gone.toUtf8() + "'}\n");
        auto ows = Workspace::open(other.path());
        REQUIRE(ows.ok());
        SyncOptions o = options;
        o.cachePath = Paths::cacheFileFor(ows->cacheKey());
        Harness d(*ows, o);
        d.run([&] { d.service.init(true); });
        CHECK(d.status().state == SourceStatus::State::Failed);
        CHECK(d.status().error.code == Error::Code::Network);
    }
    // An empty answer where 5,000 entities were: held back, nothing lost.
    server.setEntities({});
    h.run([&] { h.service.refreshSource(u"backstage"_s); });
    CHECK(h.status().state == SourceStatus::State::Held);
    REQUIRE(h.pending.size() == 1);
    CHECK(h.pending.first().removed.size() == 5000);
    CHECK(h.count() == full);

    // Nothing lost on disk either: a new service opens the cache with all 5,000.
    Harness again(*ws, options);
    again.service.init(false);
    CHECK(again.count() == full);
    qunsetenv("PORTOLAN_TEST_BACKSTAGE_TOKEN");
}

TEST_CASE("A token from the keychain is used and never written anywhere", "[core][sync][backstage][keychain]")
{
    if (qEnvironmentVariableIsSet("PORTOLAN_TEST_NO_KEYRING")) {
        WARN("PORTOLAN_TEST_NO_KEYRING is set: skipped");
        return;
    }
    if (!keyringAvailable()) {
        FAIL("No Secret Service: run the tests through `bash .ci/dev test` (a private D-Bus session with an unlocked "
             "gnome-keyring), or set PORTOLAN_TEST_NO_KEYRING=1 to skip");
    }
    BackstageTestServer server;
    REQUIRE(server.listen());
    const QString token = u"kc-token-%1-NEVER-ON-DISK"_s.arg(QDateTime::currentMSecsSinceEpoch());
    server.setToken(token);
    server.setEntities(BackstageTestServer::replicate(BackstageTestServer::exampleEntities(), 50));

    QTemporaryDir dir;
    writeFile(dir, u"portolan.yaml"_s,
              "credentials: [{name: backstage, description: A Backstage token}]\n"
              "sources:\n  - id: backstage\n    type: backstage\n    url: "
                  + server.url().toUtf8() + "\n    credential: backstage\n");
    auto ws = Workspace::open(dir.path());
    REQUIRE(ws.ok());
    const QString service = u"portolan-tests"_s;
    const QString key = TokenStore::keyFor(ws->cacheKey(), u"backstage"_s);

    SyncOptions options;
    options.cachePath = Paths::cacheFileFor(ws->cacheKey());
    options.schedule = false;
    options.watchFiles = false;
    options.keychainService = service;

    QStringList logged;
    static QStringList *sink = nullptr;
    sink = &logged;
    const auto previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &msg) {
        if (sink) {
            sink->append(msg);
        }
    });
    QLoggingCategory::setFilterRules(u"portolan.*=true"_s);
    {
        Harness h(*ws, options);
        // No secret yet: the source is told it lacks one, and the server refuses.
        h.run([&] { h.service.init(true); });
        CHECK(h.status().credentialMissing);
        CHECK(h.status().error.code == Error::Code::Auth);

        // The user enters it (the settings dialog does exactly this), and the engine is told.
        TokenStore store(service);
        bool written = false;
        store.write(key, token, [&](Result<void> r) {
            REQUIRE(r.ok());
            written = true;
        });
        REQUIRE(waitUntil([&] { return written; }));
        h.run([&] { h.service.credentialChanged(u"backstage"_s); });
        CHECK(h.status().state == SourceStatus::State::Ok);
        CHECK_FALSE(h.status().credentialMissing);
        CHECK(h.count() == 50);
        bool removed = false;
        store.remove(key, [&](Result<void>) { removed = true; });
        REQUIRE(waitUntil([&] { return removed; }));
    }
    QLoggingCategory::setFilterRules(u"portolan.*.info=false"_s);
    qInstallMessageHandler(previous);
    sink = nullptr;
    CHECK_FALSE(logged.isEmpty());
    for (const QString &line : std::as_const(logged)) {
        CHECK_FALSE(line.contains(token));
    }
    for (const QString &root : {Paths::dataDir(), dir.path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            REQUIRE(f.open(QIODevice::ReadOnly));
            INFO(f.fileName().toStdString());
            CHECK_FALSE(f.readAll().contains(token.toUtf8()));
        }
    }
}
