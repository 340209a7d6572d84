#include "cache/CacheDatabase.h"
#include "cache/CatalogStore.h"
#include "catalog/Catalog.h"
#include "catalog/DescriptorLoader.h"
#include "config/Workspace.h"
#include "support/GitDaemon.h"
#include "support/TestSupport.h"

#include <QCborArray>
#include <QCborValue>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch.hpp>

#include <atomic>
#include <csignal>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;
using Portolan::Test::writeFile;

namespace {

SourceState sourceState(const QString &id, int count)
{
    SourceState s;
    s.id = id;
    s.kind = QStringLiteral("files");
    s.status = QStringLiteral("ok");
    s.lastSync = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
    s.entityCount = count;
    return s;
}

std::vector<Entity> demoEntities()
{
    LoadResult loaded = DescriptorLoader::load(Workspace::open(Workspace::demoPath())->roots());
    return std::move(loaded.entities);
}

int countRows(const CacheDatabase &db, const QString &table)
{
    QSqlQuery q(db.database());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM ") + table));
    REQUIRE(q.next());
    return q.value(0).toInt();
}

} // namespace

TEST_CASE("A snapshot round-trips through the cache", "[core][cache]")
{
    QTemporaryDir dir;
    CacheDatabase db;
    REQUIRE(db.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok());
    const std::vector<Entity> entities = demoEntities();
    REQUIRE(entities.size() > 100);
    Error problem = makeError(Error::Code::Validation, QStringLiteral("bad name"));
    problem.file = QStringLiteral("x.yaml");
    problem.line = 3;
    problem.column = 5;
    problem.field = QStringLiteral("metadata.name");
    const auto written = CatalogStore(db).replaceSnapshot(
        sourceState(QStringLiteral("workspace"), int(entities.size())), entities, {problem});
    INFO(
        (written.ok() ? QString() : written.error().message + QLatin1Char(' ') + written.error().detail).toStdString());
    REQUIRE(written.ok());

    const auto loaded = CatalogStore(db).loadAll();
    REQUIRE(loaded.ok());
    REQUIRE(loaded->entities.size() == entities.size());
    for (std::size_t i = 0; i < entities.size(); ++i) {
        const Entity &a = entities[i];
        const Entity &b = loaded->entities[i];
        CHECK(a.key() == b.key());
        CHECK(a.toEnvelope() == b.toEnvelope());
        // The descriptor texts stay in the cache until one is asked for.
        CHECK(b.raw.isNull());
        const auto text = CatalogStore(db).descriptorText(QStringLiteral("workspace"), a.key());
        REQUIRE(text.ok());
        CHECK(*text == a.raw);
        CHECK(a.origin.file == b.origin.file);
        CHECK(a.origin.line == b.origin.line);
    }
    REQUIRE(loaded->problems.size() == 1);
    CHECK(loaded->problems[0].toString() == problem.toString());
    REQUIRE(loaded->sources.size() == 1);
    CHECK(loaded->sources[0].lastSync == sourceState(QStringLiteral("x"), 0).lastSync);
    CHECK(loaded->sources[0].entityCount == int(entities.size()));
}

TEST_CASE("Writing back entities read from the cache keeps their descriptor texts", "[core][cache]")
{
    QTemporaryDir dir;
    CacheDatabase db;
    REQUIRE(db.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok());
    std::vector<Entity> entities = demoEntities();
    REQUIRE(entities.size() > 3);
    entities.resize(3);
    for (Entity &e : entities) {
        REQUIRE(!e.raw.isEmpty());
    }
    REQUIRE(CatalogStore(db).replaceSnapshot(sourceState(QStringLiteral("workspace"), 3), entities, {}).ok());
    // Another source with an entity of the same key: its text is its own.
    std::vector<Entity> other{entities[0]};
    other[0].raw = "kind: Component # from elsewhere\n";
    REQUIRE(CatalogStore(db).replaceSnapshot(sourceState(QStringLiteral("other"), 1), other, {}).ok());

    // What a refresh of one entity writes: the others as read from the cache (no texts), one new text, and a new
    // entity the cache never had a text for.
    auto loaded = CatalogStore(db).loadAll();
    REQUIRE(loaded.ok());
    std::vector<Entity> again;
    for (const Entity &e : loaded->entities) {
        if (e.origin.sourceId == QStringLiteral("workspace")) {
            again.push_back(e);
        }
    }
    REQUIRE(again.size() == 3);
    again[1].raw = "kind: Component # refreshed\n";
    Entity added = entities[2];
    added.name = QStringLiteral("added-without-text");
    added.raw = QByteArray();
    again.push_back(added);
    REQUIRE(CatalogStore(db).replaceSnapshot(sourceState(QStringLiteral("workspace"), 4), again, {}).ok());

    const auto text = [&db](const QString &source, const Entity &e) {
        const auto read = CatalogStore(db).descriptorText(source, e.key());
        REQUIRE(read.ok());
        return *read;
    };
    CHECK(text(QStringLiteral("workspace"), entities[0]) == entities[0].raw);
    CHECK(text(QStringLiteral("workspace"), entities[1]) == QByteArray("kind: Component # refreshed\n"));
    CHECK(text(QStringLiteral("workspace"), entities[2]) == entities[2].raw);
    CHECK(text(QStringLiteral("workspace"), added).isNull());
    CHECK(text(QStringLiteral("other"), entities[0]) == other[0].raw);
    CHECK(text(QStringLiteral("missing"), entities[0]).isNull());

    // And a second write from the cache keeps them again (the table that carries them over starts empty).
    loaded = CatalogStore(db).loadAll();
    REQUIRE(loaded.ok());
    std::vector<Entity> third;
    for (const Entity &e : loaded->entities) {
        if (e.origin.sourceId == QStringLiteral("workspace")) {
            third.push_back(e);
        }
    }
    REQUIRE(CatalogStore(db).replaceSnapshot(sourceState(QStringLiteral("workspace"), 4), third, {}).ok());
    CHECK(text(QStringLiteral("workspace"), entities[0]) == entities[0].raw);
    CHECK(text(QStringLiteral("workspace"), entities[1]) == QByteArray("kind: Component # refreshed\n"));
}

TEST_CASE("Thousands of entities come back from the cache whole and in their order, batch after batch", "[core][cache]")
{
    // More than one decoding batch (2048 rows), from two sources, with the rows of one file sharing its path.
    QTemporaryDir dir;
    CacheDatabase db;
    REQUIRE(db.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok());
    const std::vector<Entity> demo = demoEntities();
    std::vector<Entity> first;
    std::vector<Entity> second;
    for (int i = 0; i < 5000; ++i) {
        Entity e = demo[std::size_t(i) % demo.size()];
        e.name = QStringLiteral("%1-%2").arg(e.name).arg(i);
        e.origin.file = QStringLiteral("/catalog/file-%1.yaml").arg(i / 7);
        e.origin.line = 1 + (i % 7) * 20;
        (i < 3000 ? first : second).push_back(e);
    }
    REQUIRE(CatalogStore(db).replaceSnapshot(sourceState(QStringLiteral("a"), 3000), first, {}).ok());
    REQUIRE(CatalogStore(db).replaceSnapshot(sourceState(QStringLiteral("b"), 2000), second, {}).ok());

    const auto loaded = CatalogStore(db).loadAll();
    REQUIRE(loaded.ok());
    REQUIRE(loaded->entities.size() == 5000);
    for (std::size_t i = 0; i < 5000; ++i) {
        const Entity &expected = i < 3000 ? first[i] : second[i - 3000];
        const Entity &e = loaded->entities[i];
        INFO(i);
        REQUIRE(e.toEnvelope() == expected.toEnvelope());
        CHECK(e.raw.isNull());
        CHECK(e.origin.sourceId == (i < 3000 ? QStringLiteral("a") : QStringLiteral("b")));
        CHECK(e.origin.file == expected.origin.file);
        CHECK(e.origin.line == expected.origin.line);
    }

    // The lists hold what the catalog list shows, in chunks of 4,096 entities, source by source.
    const auto lists = CatalogStore(db).loadLists();
    REQUIRE(lists.ok());
    REQUIRE(lists->size() == 5000);
    for (std::size_t i = 0; i < 5000; ++i) {
        const Entity &expected = i < 3000 ? first[i] : second[i - 3000];
        const Entity &e = (*lists)[i];
        INFO(i);
        REQUIRE(e.key() == expected.key());
        CHECK(e.title == expected.title);
        CHECK(e.description == expected.description);
        CHECK(e.tags == expected.tags);
        for (const auto field : {"type"_L1, "lifecycle"_L1, "owner"_L1, "system"_L1, "domain"_L1}) {
            CHECK(e.specString(field) == expected.specString(field));
        }
        CHECK(e.annotations.isEmpty());
        CHECK(e.origin.sourceId == (i < 3000 ? QStringLiteral("a") : QStringLiteral("b")));
    }
    const Catalog::Ptr list = Catalog::buildList(std::vector<Entity>(*lists));
    const Catalog::Ptr whole = Catalog::build(std::move(loaded->entities));
    CHECK(list->size() == whole->size());
    CHECK(list->relationCount() == 0);
    CHECK(whole->relationCount() > 0);
    for (const Facet facet : {Facet::Kind, Facet::Type, Facet::Owner, Facet::System, Facet::Domain, Facet::Tag}) {
        INFO(facetName(facet).toStdString());
        CHECK(list->facetCounts(facet, list->query({})) == whole->facetCounts(facet, whole->query({})));
    }
    // The list's search has names, titles, descriptions, tags, owners and kinds; the catalog's has annotations too.
    CatalogQuery booking;
    booking.text = QStringLiteral("booking");
    const std::vector<int> found = list->query(booking);
    CHECK_FALSE(found.empty());
    QSet<QString> inWhole;
    for (const int i : whole->query(booking)) {
        inWhole.insert(whole->entity(i).key());
    }
    for (const int i : found) {
        CHECK(inWhole.contains(list->entity(i).key()));
    }

    // A cache written before lists were, or a list that is not whole: no list, never a part of one.
    QSqlQuery q(db.database());
    REQUIRE(q.exec(QStringLiteral("UPDATE sources SET list = NULL WHERE id = 'b'")));
    CHECK(CatalogStore(db).loadLists()->empty());
    REQUIRE(q.exec(QStringLiteral("UPDATE sources SET list = x'9f0102' WHERE id = 'b'")));
    CHECK(CatalogStore(db).loadLists()->empty());
    REQUIRE(CatalogStore(db).replaceSnapshot(sourceState(QStringLiteral("b"), 2000), second, {}).ok());
    CHECK(CatalogStore(db).loadLists()->size() == 5000);
}

TEST_CASE("The cache's decoder reads exactly what the general one reads, odd values and broken bytes too",
          "[core][cache]")
{
    std::vector<QByteArray> bodies;
    for (const Entity &e : demoEntities()) {
        bodies.push_back(CatalogStore::encode(e));
    }
    // What toEnvelope never writes but a cache from elsewhere could hold: values of the wrong type, unknown fields,
    // links that are not maps, a metadata that is not a map.
    const QCborMap odd{
        {QStringLiteral("apiVersion"), QStringLiteral("backstage.io/v1alpha1")},
        {QStringLiteral("kind"), QStringLiteral("Component")},
        {QStringLiteral("metadata"),
         QCborMap{
             {QStringLiteral("name"), QStringLiteral("odd")},
             {QStringLiteral("namespace"), QStringLiteral("team-ä")},
             {QStringLiteral("title"), 42},
             {QStringLiteral("uid"), QStringLiteral("1f2e")},
             {QStringLiteral("labels"), QCborMap{{QStringLiteral("tier"), 1}, {QStringLiteral("x"), u"y"_qs}}},
             {QStringLiteral("annotations"), QStringLiteral("not a map")},
             {QStringLiteral("tags"), QCborArray{QStringLiteral("go"), 7, QStringLiteral("Grüße")}},
             {QStringLiteral("links"), QCborArray{QStringLiteral("not a link"),
                                                  QCborMap{{QStringLiteral("url"), QStringLiteral("https://x.example")},
                                                           {QStringLiteral("extra"), QCborArray{1, 2}},
                                                           {QStringLiteral("icon"), QStringLiteral("docs")}}}},
             {QStringLiteral("custom"), QCborMap{{QStringLiteral("a"), QCborArray{true, 1.5}}}}}},
        {QStringLiteral("spec"), QCborMap{{QStringLiteral("owner"), QStringLiteral("team-a")},
                                          {QStringLiteral("dependsOn"), QCborArray{QStringLiteral("resource:db")}}}},
        {QStringLiteral("status"), QCborMap{{QStringLiteral("ignored"), true}}}};
    bodies.push_back(QCborValue(odd).toCbor());
    bodies.push_back(QCborValue(QCborMap{{QStringLiteral("metadata"), 3}, {QStringLiteral("kind"), 4}}).toCbor());
    bodies.push_back(QCborValue(QCborArray{1, 2}).toCbor());
    const QByteArray whole = CatalogStore::encode(demoEntities().front());
    bodies.push_back(whole.left(whole.size() / 2)); // cut off
    bodies.push_back(QByteArray());

    for (std::size_t i = 0; i < bodies.size(); ++i) {
        INFO(i);
        const Entity general = Entity::fromEnvelope(QCborValue::fromCbor(bodies[i]).toMap());
        const Entity fast = Entity::fromCbor(bodies[i]);
        CHECK(fast.toEnvelope() == general.toEnvelope());
        CHECK(fast.key() == general.key());
    }
    const Entity decoded = Entity::fromCbor(QCborValue(odd).toCbor());
    CHECK(decoded.ns == QStringLiteral("team-ä"));
    CHECK(decoded.title.isEmpty());
    CHECK(decoded.label(u"tier").isNull());
    CHECK(decoded.label(u"x") == QStringLiteral("y"));
    CHECK(decoded.annotations.isEmpty());
    CHECK(decoded.tags == QStringList{QStringLiteral("go"), QStringLiteral("Grüße")});
    REQUIRE(decoded.links.size() == 1);
    CHECK(decoded.links[0].icon == QStringLiteral("docs"));
    CHECK(decoded.extraMetadata.contains(QStringLiteral("uid")));
    CHECK(decoded.extraMetadata.contains(QStringLiteral("custom")));
    CHECK(decoded.specString("owner"_L1) == QStringLiteral("team-a"));
}

TEST_CASE("Replacing one source's snapshot leaves the other sources alone", "[core][cache]")
{
    QTemporaryDir dir;
    CacheDatabase db;
    REQUIRE(db.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok());
    std::vector<Entity> entities = demoEntities();
    std::vector<Entity> firstTen(entities.begin(), entities.begin() + 10);
    REQUIRE(CatalogStore(db).replaceSnapshot(sourceState(QStringLiteral("a"), 10), firstTen, {}).ok());
    REQUIRE(
        CatalogStore(db).replaceSnapshot(sourceState(QStringLiteral("b"), int(entities.size())), entities, {}).ok());
    std::vector<Entity> three(entities.begin(), entities.begin() + 3);
    REQUIRE(CatalogStore(db).replaceSnapshot(sourceState(QStringLiteral("b"), 3), three, {}).ok());
    CHECK(countRows(db, QStringLiteral("entities")) == 13);
    REQUIRE(CatalogStore(db).removeSource(QStringLiteral("a")).ok());
    CHECK(countRows(db, QStringLiteral("entities")) == 3);
}

TEST_CASE("The schema migrates from an older version without losing data", "[core][cache]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    std::vector<Entity> entities = demoEntities();
    entities.resize(5);
    {
        CacheDatabase v1;
        REQUIRE(v1.open(path, 1).ok());
        CHECK(v1.schemaVersion().value() == 1);
        QSqlQuery q(v1.database());
        REQUIRE(q.exec(QStringLiteral("INSERT INTO sources (id, kind, last_sync_ms, status, entity_count) VALUES "
                                      "('old', 'files', 1700000000000, 'ok', 5)")));
        q.prepare(QStringLiteral("INSERT INTO entities (source_id, ref_key, file, line, col, body, raw) VALUES "
                                 "('old', ?, 'f.yaml', 1, 1, ?, ?)"));
        for (const Entity &e : entities) {
            q.addBindValue(e.key());
            q.addBindValue(CatalogStore::encode(e));
            q.addBindValue(e.raw);
            REQUIRE(q.exec());
        }
    }
    CacheDatabase current;
    REQUIRE(current.open(path).ok());
    CHECK(current.schemaVersion().value() == CacheDatabase::currentSchemaVersion);
    const auto loaded = CatalogStore(current).loadAll();
    REQUIRE(loaded.ok());
    REQUIRE(loaded->entities.size() == 5);
    CHECK(loaded->entities[0].key() == entities[0].key());
    CHECK(loaded->entities[0].origin.revision.isEmpty());
    QSqlQuery q(current.database());
    CHECK(q.exec(QStringLiteral("SELECT count(*) FROM meta")));
}

TEST_CASE("A cache from a newer Portolan is refused: a corrupt one is moved aside", "[core][cache][badinput]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        CacheDatabase db;
        REQUIRE(db.open(path).ok());
        QSqlQuery q(db.database());
        REQUIRE(q.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    {
        CacheDatabase db;
        const auto opened = db.open(path);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().message.contains(QStringLiteral("newer")));
    }
    const QString garbage = writeFile(dir, QStringLiteral("garbage.sqlite"), QByteArray(8192, 'x'));
    CacheDatabase db;
    QString aside;
    REQUIRE(db.openOrRecreate(garbage, &aside).ok());
    CHECK(QFile::exists(aside));
    CHECK(db.schemaVersion().value() == CacheDatabase::currentSchemaVersion);
}

TEST_CASE("A cache another connection holds locked is never moved aside", "[core][cache]")
{
    // The sync worker and an action run open the same new cache at once, and one holds the write lock past the other's
    // busy timeout (5 s): that is a cache in use, not a broken one, and its data must stay.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    std::atomic_bool locked = false;
    std::atomic_bool holderOk = true; // Catch's macros are for the test's own thread
    QThread *holder = QThread::create([&] {
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            other.setDatabaseName(path);
            QSqlQuery q(other);
            const bool ready = other.open() && q.exec(QStringLiteral("CREATE TABLE kept (v TEXT)"))
                               && q.exec(QStringLiteral("INSERT INTO kept VALUES ('last good data')"))
                               && q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && q.next()
                               && q.exec(QStringLiteral("BEGIN IMMEDIATE"))
                               && q.exec(QStringLiteral("INSERT INTO kept VALUES ('more')")); // the write lock
            holderOk = ready;
            locked = true;
            QThread::msleep(5600);
            q.finish();
            holderOk = holderOk && q.exec(QStringLiteral("COMMIT"));
            q = QSqlQuery();
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    });
    holder->start();
    REQUIRE(Portolan::Test::waitUntil([&] { return locked.load(); }));
    CacheDatabase db;
    QString aside;
    const auto whileLocked = db.openOrRecreate(path, &aside);
    holder->wait();
    delete holder;
    REQUIRE(holderOk);
    REQUIRE_FALSE(whileLocked.ok());
    CHECK(whileLocked.error().detail.contains(QStringLiteral("locked")));
    CHECK(aside.isEmpty());
    const auto opened = db.openOrRecreate(path, &aside);
    INFO((opened.ok() ? QString() : opened.error().message + QLatin1Char(' ') + opened.error().detail).toStdString());
    REQUIRE(opened.ok());
    CHECK(aside.isEmpty());
    CHECK(QDir(dir.path()).entryList({QStringLiteral("*.broken-*")}).isEmpty());
    QSqlQuery q(db.database());
    REQUIRE(q.exec(QStringLiteral("SELECT v FROM kept")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("last good data"));
    REQUIRE(q.exec(QStringLiteral("PRAGMA journal_mode")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("wal"));
}

TEST_CASE("A writer killed mid-transaction leaves the previous snapshot whole", "[core][cache][crash]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));

    // The previous good snapshot, written completely by a first child process.
    QProcess first;
    first.start(QStringLiteral(PORTOLAN_CACHE_WRITER), {path, QStringLiteral("500"), QStringLiteral("first-snapshot")});
    REQUIRE(first.waitForFinished(60000));
    REQUIRE(first.exitCode() == 0);

    // A second, much larger snapshot, killed while its transaction is being written.
    QProcess second;
    second.start(QStringLiteral(PORTOLAN_CACHE_WRITER),
                 {path, QStringLiteral("400000"), QStringLiteral("second-snapshot")});
    REQUIRE(second.waitForReadyRead(60000));
    REQUIRE(second.readLine().trimmed() == "writing");
    // Wait until the transaction has spilled pages into the WAL: then it is truly mid-write.
    const QString wal = path + QStringLiteral("-wal");
    QElapsedTimer timer;
    timer.start();
    while (QFile(wal).size() < 4 * 1024 * 1024 && timer.elapsed() < 60000 && second.state() == QProcess::Running) {
        QThread::msleep(5);
    }
    REQUIRE(second.state() == QProcess::Running);
    ::kill(pid_t(second.processId()), SIGKILL);
    REQUIRE(second.waitForFinished(10000));
    CHECK(second.exitStatus() == QProcess::CrashExit);
    CHECK(QFile(wal).size() >= 4 * 1024 * 1024);

    CacheDatabase db;
    REQUIRE(db.open(path).ok());
    const auto loaded = CatalogStore(db).loadAll();
    REQUIRE(loaded.ok());
    REQUIRE(loaded->entities.size() == 500);
    for (const Entity &e : loaded->entities) {
        REQUIRE(e.description.startsWith(QStringLiteral("first-snapshot")));
    }
    REQUIRE(loaded->sources.size() == 1);
    CHECK(loaded->sources[0].entityCount == 500);
    QSqlQuery integrity(db.database());
    REQUIRE(integrity.exec(QStringLiteral("PRAGMA integrity_check")));
    REQUIRE(integrity.next());
    CHECK(integrity.value(0).toString() == QStringLiteral("ok"));
}
