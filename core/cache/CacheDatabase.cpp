#include "CacheDatabase.h"

#include "util/Logging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CacheDatabase", text);
}

Error dbError(const QString &message, const QSqlError &error)
{
    return makeError(Error::Code::Database, message, error.text());
}

// SQLITE_BUSY (5) or SQLITE_LOCKED (6), with or without an extended code: another connection holds the lock. The
// file is fine; it is only in use.
bool isBusy(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok && ((code & 0xff) == 5 || (code & 0xff) == 6);
}

// Switching a new file to WAL needs the database to itself, and SQLite answers SQLITE_BUSY at once rather than
// through the busy timeout when another connection (an action run opening the same new cache) holds a lock: asked
// again until it gives way. A file already in WAL mode stays so (the mode is kept in the file) and is left alone.
bool setWalMode(QSqlQuery &q, QSqlError *error)
{
    if (q.exec(u"PRAGMA journal_mode"_s) && q.next()
        && q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) == 0) {
        return true;
    }
    QDeadlineTimer deadline(10'000);
    while (true) {
        if (q.exec(u"PRAGMA journal_mode=WAL"_s)) {
            return true;
        }
        *error = q.lastError();
        if (!isBusy(*error) || deadline.hasExpired()) {
            return false;
        }
        QThread::msleep(20);
    }
}

// Each entry moves the schema one version up; never edit a released entry, add a new one.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> list = {
        // 1: sources, their entities as CBOR envelopes with provenance, and their problems.
        {
            u"CREATE TABLE sources (id TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT '', last_sync_ms INTEGER, "
            u"status TEXT NOT NULL DEFAULT '', message TEXT NOT NULL DEFAULT '', "
            u"entity_count INTEGER NOT NULL DEFAULT 0)"_s,
            u"CREATE TABLE entities (id INTEGER PRIMARY KEY, "
            u"source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE, ref_key TEXT NOT NULL, "
            u"file TEXT NOT NULL DEFAULT '', line INTEGER NOT NULL DEFAULT 0, col INTEGER NOT NULL DEFAULT 0, "
            u"body BLOB NOT NULL, raw BLOB)"_s,
            u"CREATE INDEX entities_source ON entities(source_id)"_s,
            u"CREATE INDEX entities_ref ON entities(ref_key)"_s,
            u"CREATE TABLE problems (id INTEGER PRIMARY KEY, "
            u"source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE, severity INTEGER NOT NULL, "
            u"code INTEGER NOT NULL, message TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '', "
            u"file TEXT NOT NULL DEFAULT '', line INTEGER NOT NULL DEFAULT 0, col INTEGER NOT NULL DEFAULT 0, "
            u"field TEXT NOT NULL DEFAULT '', entity_ref TEXT NOT NULL DEFAULT '')"_s,
            u"CREATE INDEX problems_source ON problems(source_id)"_s,
        },
        // 2: the revision (e.g. git commit) an entity was read at, and a key/value table for cache metadata.
        {
            u"ALTER TABLE entities ADD COLUMN revision TEXT NOT NULL DEFAULT ''"_s,
            u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        },
        // 3: per source, the revision of its data, the last attempt (successful or not) and its error.
        {
            u"ALTER TABLE sources ADD COLUMN revision TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE sources ADD COLUMN last_attempt_ms INTEGER"_s,
            u"ALTER TABLE sources ADD COLUMN error TEXT NOT NULL DEFAULT ''"_s,
        },
        // 4: live data per source and entity (GitHub insights, Kubernetes runtime) as CBOR, the last known state.
        {
            u"CREATE TABLE live (id INTEGER PRIMARY KEY, "
            u"source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE, entity_key TEXT NOT NULL, "
            u"kind TEXT NOT NULL, body BLOB NOT NULL)"_s,
            u"CREATE INDEX live_source ON live(source_id)"_s,
        },
        // 5: scorecard history: an entity's row on the days its result changed, and one summary per day.
        {
            u"CREATE TABLE score_changes (scorecard_id TEXT NOT NULL, entity_key TEXT NOT NULL, day TEXT NOT NULL, "
            u"scored INTEGER NOT NULL, level TEXT, level_index INTEGER NOT NULL DEFAULT -1, "
            u"score REAL NOT NULL DEFAULT 0, rules BLOB, PRIMARY KEY (scorecard_id, entity_key, day)) WITHOUT ROWID"_s,
            u"CREATE INDEX score_changes_day ON score_changes(scorecard_id, day)"_s,
            u"CREATE TABLE score_days (scorecard_id TEXT NOT NULL, day TEXT NOT NULL, levels TEXT NOT NULL, "
            u"counts TEXT NOT NULL, entities INTEGER NOT NULL, average REAL NOT NULL, "
            u"PRIMARY KEY (scorecard_id, day)) WITHOUT ROWID"_s,
        },
        // 6: action runs: who ran what with which inputs (secrets masked), each step's status, log and outputs.
        {
            u"CREATE TABLE action_runs (id INTEGER PRIMARY KEY, run_key TEXT NOT NULL UNIQUE, "
            u"template TEXT NOT NULL, user_ref TEXT NOT NULL DEFAULT '', entity_ref TEXT NOT NULL DEFAULT '', "
            u"status TEXT NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, body BLOB NOT NULL)"_s,
            u"CREATE INDEX action_runs_created ON action_runs(created_ms)"_s,
            u"CREATE INDEX action_runs_status ON action_runs(status)"_s,
        },
        // 7: per source, what the catalog list shows of each entity (CatalogStore::encodeList), read before the
        // entities so that the window paints the list first.
        {
            u"ALTER TABLE sources ADD COLUMN list BLOB"_s,
        },
    };
    return list;
}

} // namespace

CacheDatabase::~CacheDatabase()
{
    close();
}

Result<void> CacheDatabase::open(const QString &path, int upToVersion)
{
    close();
    m_busy = false;
    static QAtomicInteger<quint64> counter;
    m_connection = u"portolan-cache-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    m_path = path;
    if (path != u":memory:"_s) {
        QDir().mkpath(QFileInfo(path).absolutePath());
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            const Error e = dbError(tr("Could not open the cache %1").arg(path), db.lastError());
            return e;
        }
        QSqlQuery q(db);
        // Reading the schema first surfaces "file is not a database" before any pragma changes it.
        if (!q.exec(u"SELECT count(*) FROM sqlite_master"_s)) {
            m_busy = isBusy(q.lastError());
            return dbError(tr("The cache %1 is not a readable SQLite database").arg(path), q.lastError());
        }
        QSqlError walError;
        if (!setWalMode(q, &walError)) {
            m_busy = isBusy(walError);
            return dbError(tr("Could not configure the cache %1").arg(path), walError);
        }
        for (const QString &pragma : {u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s}) {
            if (!q.exec(pragma)) {
                m_busy = isBusy(q.lastError());
                return dbError(tr("Could not configure the cache %1").arg(path), q.lastError());
            }
        }
    }
    return migrate(upToVersion);
}

Result<void> CacheDatabase::openOrRecreate(const QString &path, QString *movedAside)
{
    auto opened = open(path);
    // A cache another connection holds locked longer than the busy timeout is in use, not broken: moving it aside
    // would drop the last good data for nothing.
    if (opened.ok() || path == u":memory:"_s || m_busy) {
        return opened;
    }
    qCWarning(lcCache) << "cache unusable, starting a new one:" << opened.error().message << opened.error().detail;
    close();
    const QString aside = path + u".broken-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMddHHmmss"_s);
    QFile::rename(path, aside);
    QFile::remove(path + u"-wal"_s);
    QFile::remove(path + u"-shm"_s);
    if (movedAside) {
        *movedAside = aside;
    }
    return open(path);
}

void CacheDatabase::close()
{
    if (m_connection.isEmpty()) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

bool CacheDatabase::isOpen() const
{
    return !m_connection.isEmpty() && QSqlDatabase::database(m_connection, false).isOpen();
}

QSqlDatabase CacheDatabase::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

Result<int> CacheDatabase::schemaVersion() const
{
    QSqlQuery q(database());
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
        return dbError(tr("Could not read the cache's schema version"), q.lastError());
    }
    return q.value(0).toInt();
}

Result<void> CacheDatabase::migrate(int upToVersion)
{
    const auto version = schemaVersion();
    if (!version.ok()) {
        return version.error();
    }
    const int known = int(migrations().size());
    if (*version > known) {
        return makeError(Error::Code::Database,
                         tr("The cache %1 was written by a newer Portolan (schema %2, this one knows %3)")
                             .arg(m_path)
                             .arg(*version)
                             .arg(known));
    }
    // Each step takes the write lock first (BEGIN IMMEDIATE) and reads the version again under it: two connections
    // opening a new cache at once (the sync worker and an action run) wait for each other instead of both migrating.
    QSqlDatabase db = database();
    const int target = std::min(upToVersion, known);
    for (;;) {
        QSqlQuery q(db);
        if (!q.exec(u"BEGIN IMMEDIATE"_s)) {
            m_busy = isBusy(q.lastError());
            return dbError(tr("Could not start migrating the cache"), q.lastError());
        }
        const auto current = schemaVersion();
        if (!current.ok() || *current >= target) {
            (void)q.exec(u"COMMIT"_s);
            if (!current.ok()) {
                return current.error();
            }
            break;
        }
        const int v = *current;
        for (const QString &statement : migrations()[v]) {
            if (!q.exec(statement)) {
                const Error e = dbError(tr("Migrating the cache to schema %1 failed").arg(v + 1), q.lastError());
                (void)q.exec(u"ROLLBACK"_s);
                return e;
            }
        }
        if (!q.exec(u"PRAGMA user_version = %1"_s.arg(v + 1)) || !q.exec(u"COMMIT"_s)) {
            const Error e = dbError(tr("Migrating the cache to schema %1 failed").arg(v + 1), q.lastError());
            (void)q.exec(u"ROLLBACK"_s);
            return e;
        }
        qCInfo(lcCache) << "cache migrated to schema" << v + 1;
    }
    return {};
}

} // namespace Portolan::Core
