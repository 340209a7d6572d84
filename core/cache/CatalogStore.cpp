#include "CatalogStore.h"
#include "util/Threads.h"

#include "util/CborText.h"
#include "util/Logging.h"
#include "util/StringPool.h"

#include <QCborStreamReader>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <QtConcurrent/QtConcurrentRun>

#include <sqlite3.h>

#include <array>
#include <functional>
#include <iterator>
#include <memory>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CatalogStore", text);
}

Error dbError(const QString &message, const QSqlQuery &q)
{
    return makeError(Error::Code::Database, message, q.lastError().text());
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
QString text(const QString &s)
{
    return s.isNull() ? u""_s : s;
}

// One entity row as SQLite holds it: the views are valid until the next row is read.
struct RowView
{
    QByteArrayView body;
    const QString &sourceId;
    const QString &file;
    int line = 0;
    int column = 0;
    const QString &revision;
};

// The SQLite connection under a QSQLITE database, or null with another driver.
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        return *static_cast<sqlite3 *const *>(handle.constData());
    }
    return nullptr;
}

// A text column, shared with the previous row's when the bytes are the same (rows of one file, one source).
class TextColumn
{
public:
    const QString &read(sqlite3_stmt *statement, int column)
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        const QByteArrayView bytes(text, sqlite3_column_bytes(statement, column));
        if (bytes != QByteArrayView(m_bytes) || m_bytes.isNull()) {
            m_bytes = bytes.toByteArray();
            m_text = QString::fromUtf8(bytes);
        }
        return m_text;
    }

private:
    QByteArray m_bytes;
    QString m_text;
};

QByteArrayView blobColumn(sqlite3_stmt *statement, int column)
{
    const void *data = sqlite3_column_blob(statement, column);
    return {static_cast<const char *>(data), sqlite3_column_bytes(statement, column)};
}

// Calls `take` with every entity row in id order, straight through SQLite's own interface: QSqlQuery makes a QVariant
// of every value, which took as long again as SQLite's reading. Returns the database's error message, or an empty
// string.
QString readEntityRows(const QSqlDatabase &db, const std::function<void(const RowView &)> &take)
{
    sqlite3 *connection = sqliteHandle(db);
    if (!connection) {
        return tr("The cache is not an SQLite database");
    }
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(connection, "SELECT body, source_id, file, line, col, revision FROM entities ORDER BY id",
                           -1, &statement, nullptr)
        != SQLITE_OK) {
        return QString::fromUtf8(sqlite3_errmsg(connection));
    }
    TextColumn sourceIds;
    TextColumn files;
    TextColumn revisions;
    int status = SQLITE_ROW;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
        take({blobColumn(statement, 0), sourceIds.read(statement, 1), files.read(statement, 2),
              sqlite3_column_int(statement, 3), sqlite3_column_int(statement, 4), revisions.read(statement, 5)});
    }
    const QString error = status == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(connection));
    sqlite3_finalize(statement);
    return error;
}

} // namespace

QByteArray CatalogStore::encode(const Entity &entity)
{
    return QCborValue(entity.toEnvelope()).toCbor();
}

Entity CatalogStore::decode(const QByteArray &body)
{
    return Entity::fromCbor(body);
}

namespace {

// The spec fields the catalog list shows (its Type, Lifecycle, Owner, System and Domain columns and facets).
constexpr std::array<QLatin1StringView, 5> listSpecFields{"type"_L1, "lifecycle"_L1, "owner"_L1, "system"_L1,
                                                          "domain"_L1};
constexpr quint64 listColumns = 6 + listSpecFields.size();

} // namespace

namespace {

constexpr std::size_t listChunkSize = 4096;

void writeListEntity(QCborStreamWriter &w, const Entity &e)
{
    w.startArray(listColumns);
    for (const QString *text : {&e.kind, &e.ns, &e.name, &e.title, &e.description}) {
        w.append(QStringView(*text));
    }
    w.startArray(quint64(e.tags.size()));
    for (const QString &tag : e.tags) {
        w.append(QStringView(tag));
    }
    w.endArray();
    for (const QLatin1StringView field : listSpecFields) {
        w.append(QStringView(e.specString(field)));
    }
    w.endArray();
}

bool readListEntity(QCborStreamReader &r, const QString &source, Entity &e)
{
    if (!r.isArray() || !r.isLengthKnown() || r.length() != listColumns || !r.enterContainer()) {
        return false;
    }
    QString ns;
    if (!readCborText(r, e.kind) || !readCborText(r, ns) || !readCborText(r, e.name) || !readCborText(r, e.title)
        || !readCborText(r, e.description) || !r.isArray() || !r.enterContainer()) {
        return false;
    }
    e.kind = intern(e.kind);
    if (!ns.isEmpty()) {
        e.ns = intern(ns);
    }
    QStringList tags;
    while (r.hasNext()) {
        QString tag;
        if (!readCborText(r, tag)) {
            return false;
        }
        tags.append(tag);
    }
    if (!r.leaveContainer()) {
        return false;
    }
    e.tags = tags;
    std::array<QString, listSpecFields.size()> values;
    for (QString &value : values) {
        if (!readCborText(r, value)) {
            return false;
        }
    }
    static_assert(listSpecFields.size() == 5);
    e.spec = PackedMap::fromStrings({{listSpecFields[0], values[0]},
                                     {listSpecFields[1], values[1]},
                                     {listSpecFields[2], values[2]},
                                     {listSpecFields[3], values[3]},
                                     {listSpecFields[4], values[4]}});
    e.origin.sourceId = source;
    return r.leaveContainer();
}

// One chunk: a CBOR array of entity arrays.
std::optional<std::vector<Entity>> readListChunk(const QByteArray &chunk, const QString &source)
{
    QCborStreamReader r(chunk);
    if (!r.isArray() || !r.isLengthKnown() || !r.enterContainer()) {
        return std::nullopt;
    }
    std::vector<Entity> out;
    out.reserve(std::size_t(r.length()));
    while (r.hasNext()) {
        Entity e;
        if (!readListEntity(r, source, e)) {
            return std::nullopt;
        }
        out.push_back(std::move(e));
    }
    if (!r.leaveContainer() || r.lastError() != QCborError::NoError) {
        return std::nullopt;
    }
    return out;
}

} // namespace

QByteArray CatalogStore::encodeList(const std::vector<Entity> &entities)
{
    // Chunks of 4,096 entities, each a byte string holding its CBOR array, so that they decode in parallel.
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray((quint64(entities.size()) + listChunkSize - 1) / listChunkSize);
    for (std::size_t begin = 0; begin < entities.size(); begin += listChunkSize) {
        const std::size_t end = std::min(entities.size(), begin + listChunkSize);
        QByteArray chunk;
        QCborStreamWriter cw(&chunk);
        cw.startArray(quint64(end - begin));
        for (std::size_t i = begin; i < end; ++i) {
            writeListEntity(cw, entities[i]);
        }
        cw.endArray();
        w.appendByteString(chunk.constData(), chunk.size());
    }
    w.endArray();
    return out;
}

std::optional<std::vector<Entity>> CatalogStore::decodeList(const QByteArray &list, const QString &sourceId)
{
    QCborStreamReader r(list);
    if (!r.isArray() || !r.enterContainer()) {
        return std::nullopt;
    }
    QList<QByteArray> chunks;
    while (r.hasNext()) {
        QByteArray chunk;
        if (!readCborBytes(r, chunk)) {
            return std::nullopt;
        }
        chunks.append(chunk);
    }
    if (!r.leaveContainer() || r.lastError() != QCborError::NoError) {
        return std::nullopt;
    }
    const QString source = intern(sourceId);
    std::vector<std::optional<std::vector<Entity>>> decoded(std::size_t(chunks.size()));
    QList<QFuture<void>> running;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        running.append(QtConcurrent::run(backgroundPool(), [&chunks, &decoded, &source, i] {
            lowerCurrentThreadPriority();
            decoded[std::size_t(i)] = readListChunk(chunks[i], source);
        }));
    }
    for (QFuture<void> &f : running) {
        f.waitForFinished();
    }
    std::vector<Entity> out;
    for (auto &chunk : decoded) {
        if (!chunk) {
            return std::nullopt;
        }
        std::move(chunk->begin(), chunk->end(), std::back_inserter(out));
    }
    return out;
}

Result<std::vector<Entity>> CatalogStore::loadLists() const
{
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, entity_count, list FROM sources ORDER BY id"_s)) {
        return dbError(tr("Could not read the sources from the cache"), q);
    }
    std::vector<Entity> out;
    while (q.next()) {
        const QString id = q.value(0).toString();
        const int count = q.value(1).toInt();
        if (count == 0) {
            continue;
        }
        auto entities = q.value(2).isNull() ? std::nullopt : decodeList(q.value(2).toByteArray(), id);
        if (!entities || int(entities->size()) != count) {
            return std::vector<Entity>{}; // written before lists were, or not whole: no list, the catalog comes first
        }
        std::move(entities->begin(), entities->end(), std::back_inserter(out));
    }
    return out;
}

namespace {

// Replaces the source's live rows; the caller has a transaction open. Fresh queries: a prepared query that had
// values bound by position keeps them across prepare().
bool writeLive(const QSqlDatabase &db, const QString &sourceId, const LiveRecords &live, QString *error)
{
    QSqlQuery remove(db);
    remove.prepare(u"DELETE FROM live WHERE source_id = ?"_s);
    remove.addBindValue(sourceId);
    if (!remove.exec()) {
        *error = remove.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO live (source_id, entity_key, kind, body) VALUES (?, ?, ?, ?)"_s);
    for (auto it = live.github.cbegin(); it != live.github.cend(); ++it) {
        q.bindValue(0, sourceId);
        q.bindValue(1, it.key());
        q.bindValue(2, u"github"_s);
        q.bindValue(3, it.value().toCbor().toCborValue().toCbor());
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    for (auto it = live.runtime.cbegin(); it != live.runtime.cend(); ++it) {
        q.bindValue(0, sourceId);
        q.bindValue(1, it.key());
        q.bindValue(2, u"runtime"_s);
        q.bindValue(3, it.value().toCbor().toCborValue().toCbor());
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    for (auto it = live.ops.cbegin(); it != live.ops.cend(); ++it) {
        q.bindValue(0, sourceId);
        q.bindValue(1, it.key());
        q.bindValue(2, u"ops"_s);
        q.bindValue(3, it.value().toCbor().toCborValue().toCbor());
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

Result<void> CatalogStore::replaceLive(const QString &sourceId, const LiveRecords &live)
{
    QSqlDatabase db = m_db.database();
    if (!db.transaction()) {
        return makeError(Error::Code::Database, tr("Could not start writing the cache"), db.lastError().text());
    }
    QString error;
    if (!writeLive(db, sourceId, live, &error)) {
        const Error e = makeError(Error::Code::Database,
                                  tr("Could not write the live data of source %1 to the cache").arg(sourceId), error);
        db.rollback();
        return e;
    }
    if (!db.commit()) {
        const Error e = makeError(Error::Code::Database, tr("Could not commit the cache"), db.lastError().text());
        db.rollback();
        return e;
    }
    return {};
}

Result<void> CatalogStore::replaceSnapshot(const SourceState &source, const std::vector<Entity> &entities,
                                           const ErrorList &problems, const std::atomic_bool *cancel,
                                           const LiveRecords &live)
{
    QSqlDatabase db = m_db.database();
    if (!db.transaction()) {
        return makeError(Error::Code::Database, tr("Could not start writing the cache"), db.lastError().text());
    }
    QSqlQuery q(db);
    const auto fail = [&](const QString &what) {
        const Error e = dbError(what, q);
        db.rollback();
        return e;
    };

    q.prepare(u"INSERT INTO sources (id, kind, last_sync_ms, status, message, entity_count, revision, "
              u"last_attempt_ms, error, list) "
              u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, "
              u"last_sync_ms = excluded.last_sync_ms, status = excluded.status, message = excluded.message, "
              u"entity_count = excluded.entity_count, revision = excluded.revision, "
              u"last_attempt_ms = excluded.last_attempt_ms, error = excluded.error, list = excluded.list"_s);
    q.addBindValue(source.id);
    q.addBindValue(text(source.kind));
    q.addBindValue(source.lastSync.isValid() ? QVariant(source.lastSync.toMSecsSinceEpoch()) : QVariant());
    q.addBindValue(text(source.status));
    q.addBindValue(text(source.message));
    q.addBindValue(int(entities.size()));
    q.addBindValue(text(source.revision));
    const QDateTime attempt = source.lastAttempt.isValid() ? source.lastAttempt : source.lastSync;
    q.addBindValue(attempt.isValid() ? QVariant(attempt.toMSecsSinceEpoch()) : QVariant());
    q.addBindValue(text(source.error));
    q.addBindValue(encodeList(entities));
    if (!q.exec()) {
        return fail(tr("Could not record source %1 in the cache").arg(source.id));
    }
    // Entities read from the cache come without their texts: the texts the cache has are kept for them.
    const bool keepTexts =
        std::any_of(entities.cbegin(), entities.cend(), [](const Entity &e) { return e.raw.isNull(); });
    if (keepTexts) {
        if (!q.exec(u"CREATE TEMP TABLE IF NOT EXISTS kept_texts (ref_key TEXT PRIMARY KEY, raw BLOB)"_s)
            || !q.exec(u"DELETE FROM kept_texts"_s)) {
            return fail(tr("Could not replace the entities of source %1").arg(source.id));
        }
        q.prepare(u"INSERT OR REPLACE INTO kept_texts (ref_key, raw) "
                  u"SELECT ref_key, raw FROM entities WHERE source_id = ? AND raw IS NOT NULL"_s);
        q.addBindValue(source.id);
        if (!q.exec()) {
            return fail(tr("Could not replace the entities of source %1").arg(source.id));
        }
    }
    q.prepare(u"DELETE FROM entities WHERE source_id = ?"_s);
    q.addBindValue(source.id);
    if (!q.exec()) {
        return fail(tr("Could not replace the entities of source %1").arg(source.id));
    }
    q.prepare(u"DELETE FROM problems WHERE source_id = ?"_s);
    q.addBindValue(source.id);
    if (!q.exec()) {
        return fail(tr("Could not replace the problems of source %1").arg(source.id));
    }

    q.prepare(keepTexts ? u"INSERT INTO entities (source_id, ref_key, file, line, col, revision, body, raw) "
                          u"VALUES (?, ?, ?, ?, ?, ?, ?, COALESCE(?, (SELECT raw FROM kept_texts WHERE ref_key = ?)))"_s
                        : u"INSERT INTO entities (source_id, ref_key, file, line, col, revision, body, raw) "
                          u"VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const Entity &e : entities) {
        if (cancel && cancel->load()) {
            db.rollback();
            return makeError(Error::Code::Cancelled, tr("Writing the cache was cancelled"));
        }
        q.bindValue(0, source.id);
        q.bindValue(1, e.key());
        q.bindValue(2, text(e.origin.file));
        q.bindValue(3, e.origin.line);
        q.bindValue(4, e.origin.column);
        q.bindValue(5, text(e.origin.revision));
        q.bindValue(6, encode(e));
        q.bindValue(7, e.raw);
        if (keepTexts) {
            q.bindValue(8, e.key());
        }
        if (!q.exec()) {
            return fail(tr("Could not write %1 to the cache").arg(e.refString()));
        }
    }

    q.prepare(u"INSERT INTO problems (source_id, severity, code, message, detail, file, line, col, field, "
              u"entity_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const Error &p : problems) {
        q.bindValue(0, source.id);
        q.bindValue(1, int(p.severity));
        q.bindValue(2, int(p.code));
        q.bindValue(3, text(p.message));
        q.bindValue(4, text(p.detail));
        q.bindValue(5, text(p.file));
        q.bindValue(6, p.line);
        q.bindValue(7, p.column);
        q.bindValue(8, text(p.field));
        q.bindValue(9, text(p.entityRef));
        if (!q.exec()) {
            return fail(tr("Could not write a problem to the cache"));
        }
    }
    if (keepTexts && !q.exec(u"DELETE FROM kept_texts"_s)) {
        return fail(tr("Could not replace the entities of source %1").arg(source.id));
    }
    if (QString error; !writeLive(db, source.id, live, &error)) {
        db.rollback();
        return makeError(Error::Code::Database,
                         tr("Could not write the live data of source %1 to the cache").arg(source.id), error);
    }
    if (!db.commit()) {
        const Error e = makeError(Error::Code::Database, tr("Could not commit the cache"), db.lastError().text());
        db.rollback();
        return e;
    }
    return {};
}

Result<QByteArray> CatalogStore::descriptorText(const QString &sourceId, const QString &refKey) const
{
    QSqlQuery q(m_db.database());
    q.prepare(u"SELECT raw FROM entities WHERE source_id = ? AND ref_key = ? LIMIT 1"_s);
    q.addBindValue(sourceId);
    q.addBindValue(refKey);
    if (!q.exec()) {
        return dbError(tr("Could not read the descriptor of %1 from the cache").arg(refKey), q);
    }
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

Result<QList<SourceState>> CatalogStore::sources() const
{
    QSqlQuery q(m_db.database());
    if (!q.exec(u"SELECT id, kind, last_sync_ms, status, message, entity_count, revision, last_attempt_ms, error "
                u"FROM sources ORDER BY id"_s)) {
        return dbError(tr("Could not read the sources from the cache"), q);
    }
    QList<SourceState> out;
    while (q.next()) {
        SourceState s;
        s.id = q.value(0).toString();
        s.kind = q.value(1).toString();
        if (!q.value(2).isNull()) {
            s.lastSync = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        }
        s.status = q.value(3).toString();
        s.message = q.value(4).toString();
        s.entityCount = q.value(5).toInt();
        s.revision = q.value(6).toString();
        if (!q.value(7).isNull()) {
            s.lastAttempt = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
        }
        s.error = q.value(8).toString();
        out.append(s);
    }
    return out;
}

Result<CacheSnapshot> CatalogStore::loadAll() const
{
    CacheSnapshot snapshot;
    auto sourceList = sources();
    if (!sourceList.ok()) {
        return sourceList.error();
    }
    snapshot.sources = std::move(sourceList.value());

    // Decoding is the costly part of a start from the cache; it needs no database, so batches of rows are decoded
    // on the background pool while the next rows are read.
    //
    // A batch copies its rows' bodies into one buffer, and the decoding thread makes each entity's own copies. Rows
    // of their own, read here and freed there, left holes among the entities kept that could not go back to the
    // system.
    struct Row
    {
        qsizetype body = 0; // the body's offset into the batch's bytes
        qsizetype bodySize = 0;
        QString sourceId;
        QString file;
        int line = 0;
        int column = 0;
        QString revision;
    };
    struct Batch
    {
        QByteArray bytes;
        std::vector<Row> rows;
        std::vector<Entity> entities;
    };
    constexpr std::size_t batchSize = 2048;
    std::vector<std::unique_ptr<Batch>> batches;
    QList<QFuture<void>> decoding;
    const auto dispatch = [&batches, &decoding] {
        Batch *batch = batches.back().get();
        decoding.append(QtConcurrent::run(backgroundPool(), [batch] {
            lowerCurrentThreadPriority();
            batch->entities.reserve(batch->rows.size());
            for (const Row &r : batch->rows) {
                Entity e = decode(QByteArray::fromRawData(batch->bytes.constData() + r.body, r.bodySize));
                e.origin = {intern(r.sourceId), intern(r.file), r.line, r.column, intern(r.revision)};
                batch->entities.push_back(std::move(e));
            }
            batch->rows = {};
            batch->bytes = {};
        }));
    };
    qsizetype batchBytes = 0; // the last batch's size, to reserve the next one's buffer at once
    const QString error = readEntityRows(m_db.database(), [&](const RowView &row) {
        if (batches.empty() || batches.back()->rows.size() == batchSize) {
            if (!batches.empty()) {
                batchBytes = batches.back()->bytes.size();
                dispatch();
            }
            batches.push_back(std::make_unique<Batch>());
            batches.back()->rows.reserve(batchSize);
            batches.back()->bytes.reserve(batchBytes + batchBytes / 8);
        }
        Batch &batch = *batches.back();
        batch.rows.push_back(
            {batch.bytes.size(), row.body.size(), row.sourceId, row.file, row.line, row.column, row.revision});
        batch.bytes.append(row.body);
    });
    if (!batches.empty()) {
        dispatch();
    }
    std::size_t total = 0;
    for (qsizetype i = 0; i < decoding.size(); ++i) {
        decoding[i].waitForFinished();
        total += batches[std::size_t(i)]->entities.size();
    }
    if (!error.isEmpty()) {
        return makeError(Error::Code::Database, tr("Could not read the entities from the cache"), error);
    }
    snapshot.entities.reserve(total);
    for (const auto &batch : batches) {
        std::move(batch->entities.begin(), batch->entities.end(), std::back_inserter(snapshot.entities));
    }
    batches.clear();

    QSqlQuery q(m_db.database());
    if (!q.exec(u"SELECT severity, code, message, detail, file, line, col, field, entity_ref, source_id "
                u"FROM problems ORDER BY id"_s)) {
        return dbError(tr("Could not read the problems from the cache"), q);
    }
    while (q.next()) {
        Error e;
        e.severity = Error::Severity(q.value(0).toInt());
        e.code = Error::Code(q.value(1).toInt());
        e.message = q.value(2).toString();
        e.detail = q.value(3).toString();
        e.file = q.value(4).toString();
        e.line = q.value(5).toInt();
        e.column = q.value(6).toInt();
        e.field = q.value(7).toString();
        e.entityRef = q.value(8).toString();
        snapshot.problemsBySource[q.value(9).toString()].append(e);
        snapshot.problems.append(e);
    }

    if (!q.exec(u"SELECT source_id, entity_key, kind, body FROM live ORDER BY id"_s)) {
        return dbError(tr("Could not read the live data from the cache"), q);
    }
    while (q.next()) {
        const QCborMap body = QCborValue::fromCbor(q.value(3).toByteArray()).toMap();
        LiveRecords &records = snapshot.liveBySource[q.value(0).toString()];
        if (q.value(2).toString() == u"github"_s) {
            records.github.insert(q.value(1).toString(), RepositoryInsights::fromCbor(body));
        } else if (q.value(2).toString() == u"runtime"_s) {
            records.runtime.insert(q.value(1).toString(), EntityRuntime::fromCbor(body));
        } else if (q.value(2).toString() == u"ops"_s) {
            records.ops.insert(q.value(1).toString(), EntityOps::fromCbor(body));
        }
    }
    return snapshot;
}

Result<void> CatalogStore::recordAttempt(const SourceState &source)
{
    QSqlQuery q(m_db.database());
    q.prepare(u"INSERT INTO sources (id, kind, status, message, last_attempt_ms, error) VALUES (?, ?, ?, ?, ?, ?) "
              u"ON CONFLICT(id) DO UPDATE SET status = excluded.status, message = excluded.message, "
              u"last_attempt_ms = excluded.last_attempt_ms, error = excluded.error"_s);
    q.addBindValue(source.id);
    q.addBindValue(text(source.kind));
    q.addBindValue(text(source.status));
    q.addBindValue(text(source.message));
    q.addBindValue(source.lastAttempt.isValid() ? QVariant(source.lastAttempt.toMSecsSinceEpoch()) : QVariant());
    q.addBindValue(text(source.error));
    if (!q.exec()) {
        return dbError(tr("Could not record the state of source %1 in the cache").arg(source.id), q);
    }
    return {};
}

Result<void> CatalogStore::recordSuccess(const SourceState &source)
{
    QSqlQuery q(m_db.database());
    q.prepare(u"UPDATE sources SET status = ?, message = ?, last_sync_ms = ?, last_attempt_ms = ?, error = '' "
              u"WHERE id = ?"_s);
    q.addBindValue(text(source.status));
    q.addBindValue(text(source.message));
    q.addBindValue(source.lastSync.isValid() ? QVariant(source.lastSync.toMSecsSinceEpoch()) : QVariant());
    q.addBindValue(source.lastAttempt.isValid() ? QVariant(source.lastAttempt.toMSecsSinceEpoch()) : QVariant());
    q.addBindValue(source.id);
    if (!q.exec()) {
        return dbError(tr("Could not record the state of source %1 in the cache").arg(source.id), q);
    }
    return {};
}

Result<void> CatalogStore::removeSource(const QString &sourceId)
{
    QSqlQuery q(m_db.database());
    q.prepare(u"DELETE FROM sources WHERE id = ?"_s);
    q.addBindValue(sourceId);
    if (!q.exec()) {
        return dbError(tr("Could not remove source %1 from the cache").arg(sourceId), q);
    }
    return {};
}

} // namespace Portolan::Core
