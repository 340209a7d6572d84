#pragma once

#include "CacheDatabase.h"
#include "model/Entity.h"
#include "util/Error.h"

#include <QDateTime>
#include <QList>

#include <atomic>
#include <vector>

namespace Portolan::Core {

struct SourceState
{
    QString id;
    QString kind;
    QDateTime lastSync; // invalid when never synced
    QString status; // "ok", "error", ...
    QString message;
    int entityCount = 0;
};

struct CacheSnapshot
{
    std::vector<Entity> entities;
    ErrorList problems;
    QList<SourceState> sources;
};

// Reads and writes the catalog in the cache. Each source's snapshot is replaced in one transaction, so a crash
// or a killed process leaves either the old snapshot or the new one, never a mix.
class CatalogStore final
{
public:
    explicit CatalogStore(CacheDatabase &database)
        : m_db(database)
    { }

    [[nodiscard]] Result<void> replaceSnapshot(const SourceState &source, const std::vector<Entity> &entities,
                                               const ErrorList &problems, const std::atomic_bool *cancel = nullptr);
    [[nodiscard]] Result<CacheSnapshot> loadAll() const;
    [[nodiscard]] Result<QList<SourceState>> sources() const;
    [[nodiscard]] Result<void> removeSource(const QString &sourceId);

    // The envelope as stored (CBOR), and back.
    [[nodiscard]] static QByteArray encode(const Entity &entity);
    [[nodiscard]] static Entity decode(const QByteArray &body);

private:
    CacheDatabase &m_db;
};

} // namespace Portolan::Core
