#pragma once

#include "CacheDatabase.h"
#include "live/LiveTypes.h"
#include "model/Entity.h"
#include "util/Error.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <atomic>
#include <optional>
#include <vector>

namespace Portolan::Core {

struct SourceState
{
    QString id;
    QString kind;
    QDateTime lastSync; // the last successful sync; invalid when never synced
    QString status; // "ok", "error", ...
    QString message;
    int entityCount = 0;
    QString revision; // of the data kept (git commit, ...)
    QDateTime lastAttempt; // the last sync attempt, failed or not
    QString error; // the last attempt's error message, empty when it succeeded
};

struct CacheSnapshot
{
    std::vector<Entity> entities;
    ErrorList problems;
    QList<SourceState> sources;
    QHash<QString, ErrorList> problemsBySource;
    QHash<QString, LiveRecords> liveBySource;
};

// Reads and writes the catalog in the cache. Each source's snapshot is replaced in one transaction, so a crash
// or a killed process leaves either the old snapshot or the new one, never a mix.
class CatalogStore final
{
public:
    explicit CatalogStore(CacheDatabase &database)
        : m_db(database)
    { }

    // Replaces the source's entities, problems and live data in one transaction. An entity without its descriptor
    // text (Entity::raw null: one read by loadAll) keeps the text the cache has for it.
    [[nodiscard]] Result<void> replaceSnapshot(const SourceState &source, const std::vector<Entity> &entities,
                                               const ErrorList &problems, const std::atomic_bool *cancel = nullptr,
                                               const LiveRecords &live = {});
    // Replaces only the source's live data (a Kubernetes watch moved on since the last sync).
    [[nodiscard]] Result<void> replaceLive(const QString &sourceId, const LiveRecords &live);
    // Every source's entities, problems and live data. The entities come without their descriptor texts
    // (Entity::raw is null): at 100k entities those took 75 MB, for a view that shows one entity's at a time;
    // descriptorText() reads one.
    [[nodiscard]] Result<CacheSnapshot> loadAll() const;
    // The descriptor text of one entity of a source (`refKey` is Entity::key()); null when the cache has none.
    [[nodiscard]] Result<QByteArray> descriptorText(const QString &sourceId, const QString &refKey) const;
    [[nodiscard]] Result<QList<SourceState>> sources() const;
    [[nodiscard]] Result<void> removeSource(const QString &sourceId);
    // Records an attempt that changed no data (a failure, a held sync): status, message, error, last attempt.
    [[nodiscard]] Result<void> recordAttempt(const SourceState &source);
    // Records a successful sync that changed no data (the same commit): the source's times and message only.
    [[nodiscard]] Result<void> recordSuccess(const SourceState &source);

    // The sources' lists, for the window's first paint before loadAll: per entity what the catalog list shows
    // (kind, namespace, name, title, description, tags; spec type, lifecycle, owner, system, domain) and its source.
    // Empty when a source that has entities has no list (a cache written before lists were).
    [[nodiscard]] Result<std::vector<Entity>> loadLists() const;

    // The envelope as stored (CBOR), and back.
    [[nodiscard]] static QByteArray encode(const Entity &entity);
    [[nodiscard]] static Entity decode(const QByteArray &body);
    // A source's list (CBOR: an array of one array per entity), and back; nullopt for bytes that are not one.
    [[nodiscard]] static QByteArray encodeList(const std::vector<Entity> &entities);
    [[nodiscard]] static std::optional<std::vector<Entity>> decodeList(const QByteArray &list, const QString &sourceId);

private:
    CacheDatabase &m_db;
};

} // namespace Portolan::Core
