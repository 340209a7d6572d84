#pragma once

#include "Catalog.h"
#include "cache/CatalogStore.h"
#include "config/Workspace.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QThread;

namespace Portolan::Core {

class CacheDatabase;

// Loads the catalog off the GUI thread: first the last snapshot from the offline cache (so the app opens
// instantly and without network), then the workspace's descriptors, whose snapshot replaces the cached one in
// one transaction. Lives on its own thread (see start()); only value snapshots leave it.
class CatalogService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogService)

public:
    // `cachePath` empty: no cache (the CLI reads descriptors directly).
    CatalogService(Workspace workspace, QString cachePath);
    ~CatalogService() override;

    // Makes a worker thread, moves this object to it and starts it. Call from the thread that owns the service.
    void startOnWorkerThread();
    // Safe from any thread: stops a running read as soon as it polls.
    void cancel();
    void stopWorkerThread();

    [[nodiscard]] const Workspace &workspace() const { return m_workspace; }

public Q_SLOTS:
    void loadFromCache();
    void reloadWorkspace();

Q_SIGNALS:
    void progress(int done, int total, const QString &phase);
    // `fromCache` tells whether the snapshot came from the cache (possibly stale) or from a fresh read.
    void catalogReady(const Portolan::Core::Catalog::Ptr &catalog, const QList<Portolan::Core::SourceState> &sources,
                      bool fromCache);
    void failed(const Portolan::Core::Error &error);
    void finished();

private:
    bool ensureCache();

    Workspace m_workspace;
    QString m_cachePath;
    std::unique_ptr<CacheDatabase> m_cache;
    std::atomic_bool m_cancel{false};
    QThread *m_thread = nullptr;
    quint64 m_generation = 0;
};

} // namespace Portolan::Core
