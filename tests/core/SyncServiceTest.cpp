// The sync engine against real sources: folders on disk and a real `git daemon` on 127.0.0.1. Each fault ends
// with the last good data still in the catalog and in the cache.
#include "sync/SyncService.h"
#include "cache/CacheDatabase.h"
#include "cache/CatalogStore.h"
#include "config/Paths.h"
#include "support/GitDaemon.h"
#include "support/TestSupport.h"
#include "util/Clock.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Portolan::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray component(const QString &name, const QString &owner = u"team-a"_s)
{
    return u"apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: %1\nspec:\n  type: service\n"
           u"  lifecycle: production\n  owner: %2\n"_s.arg(name, owner)
               .toUtf8();
}

QByteArray components(const QString &prefix, int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        out += component(u"%1-%2"_s.arg(prefix).arg(i)) + "---\n";
    }
    return out;
}

// A service on the test's thread, with everything it reports collected.
struct Harness
{
    explicit Harness(const Workspace &ws, SyncOptions options = {}, bool watch = false)
        : service(ws, withCache(ws, options, watch))
    {
        QObject::connect(&service, &SyncService::catalogReady, &service,
                         [this](const Catalog::Ptr &c, const QList<SourceState> &, bool cached) {
                             catalog = c;
                             fromCache = cached;
                             ++catalogs;
                         });
        QObject::connect(&service, &SyncService::sourcesChanged, &service,
                         [this](const QList<SourceStatus> &s) { statuses = s; });
        QObject::connect(&service, &SyncService::pendingDeletionsChanged, &service,
                         [this](const QList<PendingDeletions> &p) { pending = p; });
        QObject::connect(&service, &SyncService::idle, &service, [this] { ++idles; });
        QObject::connect(&service, &SyncService::failed, &service, [this](const Error &e) { failures.append(e); });
    }

    static SyncOptions withCache(const Workspace &ws, SyncOptions options, bool watch)
    {
        if (options.cachePath.isEmpty()) {
            options.cachePath = Paths::cacheFileFor(ws.cacheKey());
        }
        options.watchFiles = watch; // off unless a test is about it: edits would start syncs of their own
        return options;
    }

    // Runs until the service reports idle after the call.
    void run(const std::function<void()> &action)
    {
        const int before = idles;
        action();
        REQUIRE(waitUntil([&] { return idles > before; }, 60000));
    }

    [[nodiscard]] SourceStatus status(const QString &id) const
    {
        for (const SourceStatus &s : statuses) {
            if (s.config.id == id) {
                return s;
            }
        }
        FAIL("no status for source " << id.toStdString());
        return {};
    }

    [[nodiscard]] int count() const { return catalog ? int(catalog->size()) : -1; }

    SyncService service;
    Catalog::Ptr catalog;
    bool fromCache = false;
    int catalogs = 0;
    int idles = 0;
    QList<SourceStatus> statuses;
    QList<PendingDeletions> pending;
    ErrorList failures;
};

Workspace workspaceWith(const QTemporaryDir &dir, const QByteArray &config)
{
    writeFile(dir, u"portolan.yaml"_s, config);
    auto ws = Workspace::open(dir.path());
    REQUIRE(ws.ok());
    INFO(describe(ws->problems).toStdString());
    REQUIRE(countErrors(ws->problems) == 0);
    return ws.value();
}

int cachedCount(const Workspace &ws, const QString &sourceId)
{
    CacheDatabase db;
    REQUIRE(db.open(Paths::cacheFileFor(ws.cacheKey())).ok());
    auto snapshot = CatalogStore(db).loadAll();
    INFO((snapshot.ok() ? QString() : snapshot.error().message + u' ' + snapshot.error().detail).toStdString());
    REQUIRE(snapshot.ok());
    return int(std::count_if(snapshot->entities.begin(), snapshot->entities.end(),
                             [&](const Entity &e) { return e.origin.sourceId == sourceId; }));
}

} // namespace

TEST_CASE("A files source syncs, and its result replaces only its own entities", "[core][sync]")
{
    QTemporaryDir dir;
    writeFile(dir, u"a/all.yaml"_s, components(u"a"_s, 3));
    writeFile(dir, u"b/all.yaml"_s, components(u"b"_s, 2));
    const Workspace ws = workspaceWith(dir, "name: Two folders\nsources:\n"
                                            "  - {id: first, type: files, paths: [a]}\n"
                                            "  - {id: second, type: files, paths: [b]}\n");
    Harness h(ws);
    h.run([&] { h.service.init(true); });
    REQUIRE(h.count() == 5);
    CHECK_FALSE(h.fromCache);
    CHECK(h.status(u"first"_s).state == SourceStatus::State::Ok);
    CHECK(h.status(u"second"_s).entityCount == 2);

    writeFile(dir, u"b/all.yaml"_s, components(u"b"_s, 4));
    h.run([&] { h.service.refreshSource(u"second"_s); });
    CHECK(h.count() == 7);
    CHECK(cachedCount(ws, u"first"_s) == 3);
    CHECK(cachedCount(ws, u"second"_s) == 4);

    // A second start shows the cached catalog before any sync.
    Harness again(ws);
    again.service.init(false);
    CHECK(again.count() == 7);
    CHECK(again.fromCache);
}

TEST_CASE("With a catalog in the cache, the syncs due at the start wait until the window has shown it", "[core][sync]")
{
    QTemporaryDir dir;
    writeFile(dir, u"a/all.yaml"_s, components(u"a"_s, 3));
    const Workspace ws = workspaceWith(dir, "sources:\n  - {id: first, type: files, paths: [a]}\n");
    {
        Harness first(ws);
        first.run([&] { first.service.init(true); });
        REQUIRE(first.count() == 3);
    }
    writeFile(dir, u"a/all.yaml"_s, components(u"a"_s, 5));

    SyncOptions held;
    held.holdSyncsMs = 60'000;
    Harness h(ws, held);
    QSignalSpy progress(&h.service, &SyncService::progress);
    h.service.init(true);
    REQUIRE(waitUntil([&] { return h.catalogs > 0; }, 10000));
    CHECK(h.fromCache);
    CHECK(h.count() == 3);
    QTest::qWait(300);
    CHECK(h.idles == 0); // busy while it holds them
    CHECK(h.status(u"first"_s).state != SourceStatus::State::Syncing);
    CHECK(h.count() == 3);
    REQUIRE_FALSE(progress.isEmpty());
    CHECK(progress.last().at(2).toString() == u"Showing the cached catalog; the sync starts next"_s);
    h.run([&] { h.service.startHeldSyncs(); });
    CHECK(h.count() == 5);
    CHECK_FALSE(h.fromCache);
    CHECK(progress.last().at(2).toString().isEmpty());

    // Without a word from the window they start when the hold runs out.
    writeFile(dir, u"a/all.yaml"_s, components(u"a"_s, 6));
    SyncOptions brief;
    brief.holdSyncsMs = 200;
    Harness late(ws, brief);
    late.run([&] { late.service.init(true); });
    CHECK(late.count() == 6);
    CHECK_FALSE(late.fromCache);

    // A cancel drops them: idle at once with the cached catalog, the source waiting for its interval.
    writeFile(dir, u"a/all.yaml"_s, components(u"a"_s, 7));
    Harness cancelled(ws, held);
    cancelled.run([&] {
        cancelled.service.init(true);
        cancelled.service.cancelAll();
    });
    CHECK(cancelled.count() == 6);
    CHECK(cancelled.fromCache);
    CHECK(cancelled.status(u"first"_s).state != SourceStatus::State::Syncing);

    // A first start (nothing cached) holds nothing.
    QTemporaryDir other;
    writeFile(other, u"b/all.yaml"_s, components(u"b"_s, 2));
    const Workspace fresh = workspaceWith(other, "sources:\n  - {id: second, type: files, paths: [b]}\n");
    Harness start(fresh, held);
    start.run([&] { start.service.init(true); });
    CHECK(start.count() == 2);
}

TEST_CASE("A sync that would delete most of a source is held until the user decides", "[core][sync]")
{
    QTemporaryDir dir;
    writeFile(dir, u"catalog/all.yaml"_s, components(u"svc"_s, 1000));
    const Workspace ws = workspaceWith(dir, "sources:\n  - {id: main, type: files, paths: [catalog]}\n");
    Harness h(ws);
    h.run([&] { h.service.init(true); });
    REQUIRE(h.count() == 1000);

    // An empty answer where 1,000 entities were.
    writeFile(dir, u"catalog/all.yaml"_s, "# emptied by a bad merge\n");
    h.run([&] { h.service.refreshSource(u"main"_s); });
    CHECK(h.count() == 1000);
    CHECK(h.status(u"main"_s).state == SourceStatus::State::Held);
    CHECK(h.status(u"main"_s).pendingRemovals == 1000);
    REQUIRE(h.pending.size() == 1);
    CHECK(h.pending.first().before == 1000);
    CHECK(h.pending.first().after == 0);
    CHECK(h.pending.first().removed.size() == 1000);
    CHECK(h.pending.first().removed.first() == u"component:default/svc-0"_s);
    CHECK(cachedCount(ws, u"main"_s) == 1000);

    SECTION("rejected: the data stays")
    {
        h.service.rejectPendingDeletions(u"main"_s);
        CHECK(h.pending.isEmpty());
        CHECK(h.status(u"main"_s).state == SourceStatus::State::Ok);
        CHECK(h.count() == 1000);
        CHECK(cachedCount(ws, u"main"_s) == 1000);
    }
    SECTION("accepted: the deletions apply")
    {
        h.service.acceptPendingDeletions(u"main"_s);
        REQUIRE(waitUntil([&] { return h.count() == 0; }));
        CHECK(h.pending.isEmpty());
        CHECK(cachedCount(ws, u"main"_s) == 0);
    }
    SECTION("a removal under the threshold applies at once")
    {
        writeFile(dir, u"catalog/all.yaml"_s, components(u"svc"_s, 600));
        h.run([&] { h.service.refreshSource(u"main"_s); });
        CHECK(h.count() == 600);
        CHECK(h.pending.isEmpty());
    }
}

TEST_CASE("Sources syncing at once never starve the thread pool", "[core][sync]")
{
    // Each source's read waits for parsing fanned out on the global pool; with the reads on that pool too, as
    // many sources as it has threads would wait forever. Two threads, four sources.
    QThreadPool *global = QThreadPool::globalInstance();
    const int threads = global->maxThreadCount();
    global->setMaxThreadCount(2);
    QTemporaryDir dir;
    QByteArray config = "sources:\n";
    for (int s = 0; s < 4; ++s) {
        for (int f = 0; f < 40; ++f) {
            writeFile(dir, u"s%1/f%2.yaml"_s.arg(s).arg(f), components(u"s%1-f%2"_s.arg(s).arg(f), 5));
        }
        config += "  - {id: s" + QByteArray::number(s) + ", type: files, paths: [s" + QByteArray::number(s) + "]}\n";
    }
    const Workspace ws = workspaceWith(dir, config);
    {
        Harness h(ws);
        h.run([&] { h.service.init(true); });
        CHECK(h.count() == 4 * 40 * 5);
        h.run([&] { h.service.refreshAll(); });
        CHECK(h.count() == 4 * 40 * 5);
    }
    global->setMaxThreadCount(threads);
}

TEST_CASE("A files source is read again shortly after its files change", "[core][sync]")
{
    QTemporaryDir dir;
    writeFile(dir, u"catalog/a.yaml"_s, components(u"a"_s, 2));
    const Workspace ws = workspaceWith(dir, "sources:\n  - {id: main, type: files, paths: [catalog]}\n");
    SyncOptions options;
    options.watchDebounceMs = 200;
    Harness h(ws, options, true);
    h.run([&] { h.service.init(true); });
    REQUIRE(h.count() == 2);

    // An edit in place, then a new file in a watched folder.
    writeFile(dir, u"catalog/a.yaml"_s, components(u"a"_s, 3));
    REQUIRE(waitUntil([&] { return h.count() == 3; }, 10000));
    writeFile(dir, u"catalog/b.yaml"_s, component(u"b-new"_s));
    REQUIRE(waitUntil([&] { return h.count() == 4; }, 10000));
    // A burst of writes is read once the burst is over, not once per write.
    const int before = h.catalogs;
    for (int i = 0; i < 5; ++i) {
        writeFile(dir, u"catalog/a.yaml"_s, components(u"a"_s, 3 + i));
        QThread::msleep(20);
    }
    REQUIRE(waitUntil([&] { return h.count() == 8; }, 10000));
    waitUntil([] { return false; }, 600);
    CHECK(h.catalogs - before <= 2);
}

TEST_CASE("A cancelled sync keeps the last good data", "[core][sync]")
{
    QTemporaryDir dir;
    for (int f = 0; f < 200; ++f) {
        writeFile(dir, u"catalog/part-%1.yaml"_s.arg(f), components(u"p%1"_s.arg(f), 50));
    }
    const Workspace ws = workspaceWith(dir, "sources:\n  - {id: main, type: files, paths: [catalog]}\n");
    Harness h(ws);
    h.run([&] { h.service.init(true); });
    REQUIRE(h.count() == 10000);
    writeFile(dir, u"catalog/part-0.yaml"_s, component(u"replaced"_s));
    h.run([&] {
        h.service.refreshSource(u"main"_s);
        h.service.cancelSource(u"main"_s);
    });
    CHECK(h.count() == 10000);
    const SourceStatus s = h.status(u"main"_s);
    CHECK(s.state == SourceStatus::State::Ok);
    CHECK(s.message.contains(u"Cancelled"_s));
    CHECK(h.catalog->find(u"component:replaced"_s) < 0);
    // The next sync is a normal one.
    h.run([&] { h.service.refreshSource(u"main"_s); });
    CHECK(h.catalog->find(u"component:replaced"_s) >= 0);
}

TEST_CASE("A files source whose folder vanished fails and keeps its data", "[core][sync]")
{
    QTemporaryDir dir;
    writeFile(dir, u"catalog/all.yaml"_s, components(u"svc"_s, 10));
    const Workspace ws = workspaceWith(dir, "sources:\n  - {id: main, type: files, paths: [catalog]}\n");
    Harness h(ws);
    h.run([&] { h.service.init(true); });
    REQUIRE(h.count() == 10);
    QDir(dir.filePath(u"catalog"_s)).removeRecursively();
    h.run([&] { h.service.refreshSource(u"main"_s); });
    CHECK(h.count() == 10);
    const SourceStatus s = h.status(u"main"_s);
    CHECK(s.state == SourceStatus::State::Failed);
    CHECK(s.error.code == Error::Code::Io);
    CHECK(s.failures == 1);
    CHECK(s.lastSuccess.isValid());
}

TEST_CASE("Failures back off exponentially, and as long as the server asked", "[core][sync]")
{
    QTemporaryDir dir;
    const Workspace ws = workspaceWith(dir, "sources:\n  - {id: gone, type: files, paths: [missing], refresh: 5m}\n");
    ManualClock clock;
    SyncOptions options;
    options.clock = &clock;
    Harness h(ws, options);
    h.run([&] { h.service.init(true); });
    auto delay = [&] { return clock.now().secsTo(h.status(u"gone"_s).nextSync); };
    CHECK(h.status(u"gone"_s).failures == 1);
    CHECK(delay() >= 27);
    CHECK(delay() <= 33);
    h.run([&] { h.service.refreshSource(u"gone"_s); });
    CHECK(h.status(u"gone"_s).failures == 2);
    CHECK(delay() >= 54);
    CHECK(delay() <= 66);
    for (int i = 0; i < 10; ++i) {
        h.run([&] { h.service.refreshSource(u"gone"_s); });
    }
    CHECK(delay() <= 3960); // capped at an hour, plus jitter
    CHECK(delay() >= 3240);
    // Recovery resets the backoff: the next sync is the source's interval away.
    writeFile(dir, u"missing/a.yaml"_s, component(u"back"_s));
    h.run([&] { h.service.refreshSource(u"gone"_s); });
    CHECK(h.status(u"gone"_s).failures == 0);
    CHECK(delay() >= 270);
    CHECK(delay() <= 330);
}

TEST_CASE("Git sources: clone, pushed commits, force-push, deleted branch, server down",
          "[core][sync][git][integration]")
{
    GitDaemon daemon;
    REQUIRE(daemon.start());
    const QString first = daemon.create(
        u"platform"_s, {{u"catalog/all.yaml"_s, components(u"svc"_s, 5)}, {u"README.md"_s, "not a descriptor\n"}});
    QTemporaryDir dir;
    const Workspace ws =
        workspaceWith(dir, "sources:\n  - id: platform\n    type: git\n    url: " + daemon.url(u"platform"_s).toUtf8()
                               + "\n    branch: main\n    paths: [catalog]\n");
    Harness h(ws);
    h.run([&] { h.service.init(true); });
    INFO(h.status(u"platform"_s).error.message.toStdString()
         << " " << h.status(u"platform"_s).error.detail.toStdString());
    REQUIRE(h.count() == 5);
    CHECK(h.status(u"platform"_s).revision == first);
    const int index = h.catalog->find(u"component:svc-0"_s);
    REQUIRE(index >= 0);
    CHECK(h.catalog->entity(index).origin.revision == first);
    CHECK(h.catalog->entity(index).origin.sourceId == u"platform"_s);

    // Nothing pushed: the fetch finds the same commit and nothing is read or written again.
    const int catalogsBefore = h.catalogs;
    const QDateTime firstSuccess = h.status(u"platform"_s).lastSuccess;
    waitUntil([] { return false; }, 20); // so the clock moves on
    h.run([&] { h.service.refreshSource(u"platform"_s); });
    CHECK(h.status(u"platform"_s).state == SourceStatus::State::Ok);
    CHECK(h.status(u"platform"_s).message.contains(u"No change"_s));
    CHECK(h.status(u"platform"_s).revision == first);
    CHECK(h.status(u"platform"_s).lastSuccess > firstSuccess);
    CHECK(h.catalogs == catalogsBefore);
    CHECK(h.count() == 5);

    // A pushed commit appears after the next sync.
    const QString second =
        daemon.commit(u"platform"_s, {{u"catalog/new.yaml"_s, component(u"fresh"_s)}}, u"add a service"_s);
    h.run([&] { h.service.refreshSource(u"platform"_s); });
    CHECK(h.count() == 6);
    CHECK(h.status(u"platform"_s).revision == second);
    CHECK(h.catalog->entity(h.catalog->find(u"component:fresh"_s)).origin.revision == second);

    // A force-push that rewrites history: the checkout follows it.
    const QString rewritten =
        daemon.forcePush(u"platform"_s, {{u"catalog/all.yaml"_s, components(u"svc"_s, 4) + component(u"rewritten"_s)}});
    h.run([&] { h.service.refreshSource(u"platform"_s); });
    CHECK(h.status(u"platform"_s).revision == rewritten);
    CHECK(h.count() == 5);
    CHECK(h.catalog->find(u"component:rewritten"_s) >= 0);
    CHECK(h.catalog->find(u"component:fresh"_s) < 0);

    // The branch is deleted upstream: a clear error, and the last good data stays.
    daemon.deleteBranch(u"platform"_s, u"main"_s);
    h.run([&] { h.service.refreshSource(u"platform"_s); });
    CHECK(h.count() == 5);
    SourceStatus s = h.status(u"platform"_s);
    CHECK(s.state == SourceStatus::State::Failed);
    CHECK(s.error.code == Error::Code::Config);
    CHECK(s.error.message.contains(u"main"_s));
    CHECK(s.revision == rewritten);

    // The server goes away.
    daemon.stop();
    h.run([&] { h.service.refreshSource(u"platform"_s); });
    CHECK(h.count() == 5);
    s = h.status(u"platform"_s);
    CHECK(s.state == SourceStatus::State::Failed);
    CHECK(s.error.code == Error::Code::Network);
    CHECK(cachedCount(ws, u"platform"_s) == 5);
}

TEST_CASE("A workspace in git is cloned, read, and pulled on every sync", "[core][sync][git][integration]")
{
    GitDaemon daemon;
    REQUIRE(daemon.start());
    daemon.create(u"services"_s, {{u"catalog-info.yaml"_s, components(u"remote"_s, 2)}});
    daemon.create(u"workspace"_s, {{u"portolan.yaml"_s, "name: Shared\nlocations: [catalog]\n"},
                                   {u"catalog/team.yaml"_s, component(u"local-one"_s)}});
    auto opened = Workspace::open(daemon.url(u"workspace"_s));
    REQUIRE(opened.ok());
    CHECK(opened->gitUrl == daemon.url(u"workspace"_s));
    CHECK(opened->root.startsWith(Paths::dataDir()));
    Harness h(opened.value());
    Workspace seen;
    QObject::connect(&h.service, &SyncService::workspaceChanged, &h.service, [&seen](const Workspace &w) { seen = w; });
    h.run([&] { h.service.init(true); });
    CHECK(seen.name == u"Shared"_s);
    REQUIRE(h.count() == 1);

    // The platform team adds a source in one commit; every desktop picks it up at its next sync.
    daemon.commit(u"workspace"_s,
                  {{u"portolan.yaml"_s, "name: Shared\nlocations: [catalog]\nsources:\n  - id: services\n"
                                        "    type: git\n    url: "
                                            + daemon.url(u"services"_s).toUtf8() + "\n"}},
                  u"add the services repository"_s);
    h.run([&] { h.service.refreshAll(); });
    CHECK(h.count() == 3);
    CHECK(seen.source(u"services"_s) != nullptr);

    // Opening the same URL again uses the existing clone, offline.
    daemon.stop();
    auto reopened = Workspace::open(daemon.url(u"workspace"_s));
    REQUIRE(reopened.ok());
    CHECK(reopened->name == u"Shared"_s);
    CHECK(reopened->sources.size() == 2);
}

TEST_CASE("A token reaches git only through the environment and is never stored", "[core][sync][git][integration]")
{
    GitDaemon daemon;
    REQUIRE(daemon.start());
    daemon.create(u"private"_s, {{u"catalog-info.yaml"_s, components(u"p"_s, 3)}});
    const QByteArray token = "pt-SECRET-8d1f6a2c-token-value";
    qputenv("PORTOLAN_TEST_TOKEN", token);
    QTemporaryDir dir;
    const Workspace ws = workspaceWith(dir, "credentials:\n  - {name: repo, env: PORTOLAN_TEST_TOKEN}\n"
                                            "sources:\n  - id: private\n    type: git\n    url: "
                                                + daemon.fileUrl(u"private"_s).toUtf8() + "\n    credential: repo\n");
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
        Harness h(ws);
        h.run([&] { h.service.init(true); });
        REQUIRE(h.count() == 3);
        CHECK_FALSE(h.status(u"private"_s).credentialMissing);
    }
    QLoggingCategory::setFilterRules(u"portolan.*.info=false"_s);
    qInstallMessageHandler(previous);
    sink = nullptr;
    qunsetenv("PORTOLAN_TEST_TOKEN");
    CHECK_FALSE(logged.isEmpty());
    for (const QString &line : std::as_const(logged)) {
        CHECK_FALSE(line.contains(QString::fromLatin1(token)));
    }
    // Nothing under the data folder (cache, clone, its .git/config) or the workspace holds the token.
    const QByteArray basic = QByteArray("x-access-token:" + token).toBase64();
    for (const QString &root : {Paths::dataDir(), dir.path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            REQUIRE(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            INFO(f.fileName().toStdString());
            CHECK_FALSE(bytes.contains(token));
            CHECK_FALSE(bytes.contains(basic));
        }
    }
}
