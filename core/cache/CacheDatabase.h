#pragma once

#include "util/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace Portolan::Core {

// One SQLite connection to the offline cache, in WAL mode, with the schema brought to the current version by
// ordered migrations. A connection belongs to the thread that opened it (Qt Sql's rule): the sync worker and
// the GUI each open their own.
class CacheDatabase final
{
public:
    CacheDatabase() = default;
    ~CacheDatabase();
    CacheDatabase(const CacheDatabase &) = delete;
    CacheDatabase &operator=(const CacheDatabase &) = delete;

    static constexpr int currentSchemaVersion = 7;

    // Opens (creating if needed) and migrates. `upToVersion` is for tests that need an old schema.
    [[nodiscard]] Result<void> open(const QString &path, int upToVersion = currentSchemaVersion);
    // Like open(), but a file that is not a readable cache (corrupt, or from a newer Portolan) is moved aside
    // to "<path>.broken-<time>" and a fresh cache is made. The cache only mirrors sources, so nothing is lost
    // that the next sync does not bring back. A cache that is only locked by another connection stays where it is
    // (the error is returned).
    [[nodiscard]] Result<void> openOrRecreate(const QString &path, QString *movedAside = nullptr);
    void close();

    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] QSqlDatabase database() const;
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] Result<int> schemaVersion() const;

private:
    [[nodiscard]] Result<void> migrate(int upToVersion);

    QString m_connection;
    QString m_path;
    bool m_busy = false; // the last open() failed because another connection held the file locked
};

} // namespace Portolan::Core
