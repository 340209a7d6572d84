#pragma once

#include "SyncTypes.h"
#include "cache/CatalogStore.h"
#include "catalog/Catalog.h"
#include "config/Workspace.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <map>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QThread;
class QTimer;
class QFileSystemWatcher;

namespace Portolan::Core {

class CacheDatabase;
class Clock;
class Source;
class TokenStore;
struct SourceResult;
template<typename T>
class Result;

struct SyncOptions
{
    QString cachePath; // empty: no cache (tests, one-shot CLI runs without a cache)
    bool schedule = true; // run sources on their refresh intervals (the GUI); off for `portolan-cli sync`
    bool watchFiles = true; // re-read `files` sources when their files change
    bool acceptDeletions = false; // apply syncs that the deletion guard would hold (CLI `--accept-deletions`)
    bool buildCatalog = true; // off for `portolan-cli sync`, which stores the data and needs no catalog
    bool live = false; // keep live sources (Kubernetes watches) running between syncs: the GUI
    bool listFirst = false; // send the cache's list (listReady) before its catalog: the GUI's first paint
    // Above 0 (the GUI): when the cache had a catalog, the syncs due at start-up wait until startHeldSyncs() (the
    // window has shown that catalog) or this many milliseconds, so the start's own painting does not share the
    // cores with them. The service counts as busy meanwhile.
    int holdSyncsMs = 0;
    int livePublishMs = 250; // live changes reach the GUI at most this often
    int liveSaveMs = 30'000; // and the cache at most this often
    int backoffBaseSeconds = 30; // first retry after a failure; doubles up to backoffMaxSeconds
    int backoffMaxSeconds = 3600;
    int watchDebounceMs = 500;
    const Clock *clock = nullptr; // default Clock::system()
    QString credentialScope; // keychain scope; default: the workspace's cache key
    QString keychainService = QStringLiteral("Portolan"); // tests use their own, never the user's entries
};

// The sync engine. One worker thread owns the network manager, the cache connection, the keychain store and
// every source. Each source syncs on its own schedule (interval with jitter), on demand, or when its files
// change; failures back off exponentially (or as long as the server asked). A source's result replaces only
// that source's entities, in one cache transaction, and then the merged catalog is rebuilt and sent to the
// GUI as an immutable snapshot. A failed or cancelled sync changes nothing: the last good data stays.
//
// A git workspace (Workspace::gitUrl) is cloned or pulled first on every refreshAll(), and its portolan.yaml
// read again, so one commit by the platform team reaches every desktop.
//
// All public slots are meant to be invoked queued from other threads (or called directly on the worker).
class SyncService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncService)

public:
    SyncService(Workspace workspace, SyncOptions options);
    ~SyncService() override;

    void startOnWorkerThread();
    void stopWorkerThread(); // cancels running syncs, joins the thread

    // The workspace as it was given; the worker's current copy (after a git pull) arrives by workspaceChanged.
    [[nodiscard]] const Workspace &initialWorkspace() const { return m_initialWorkspace; }

public Q_SLOTS:
    // Opens the cache, publishes its snapshot (fromCache = true), and starts the schedule. Sources that have
    // never synced, or whose data is older than their interval, sync right away when `syncDue` is set.
    void init(bool syncDue = true);
    // Starts the syncs that init() held (SyncOptions::holdSyncsMs); nothing when none are held.
    void startHeldSyncs();
    void refreshAll();
    void refreshSource(const QString &sourceId);
    void refreshEntity(const QString &entityRefKey);
    void cancelSource(const QString &sourceId);
    void cancelAll();
    void acceptPendingDeletions(const QString &sourceId);
    void rejectPendingDeletions(const QString &sourceId);
    // After the user saved a secret or edited local sources: drop cached secrets, re-read the configuration.
    void credentialChanged(const QString &credentialName);
    void reloadConfiguration();

Q_SIGNALS:
    // At start-up, before the cache's catalog: the catalog list from the cache's lists (Catalog::buildList), for the
    // list's first paint only. Its entities have no annotations, links, raw text or relations.
    void listReady(const Portolan::Core::Catalog::Ptr &list);
    void catalogReady(const Portolan::Core::Catalog::Ptr &catalog, const QList<Portolan::Core::SourceState> &sources,
                      bool fromCache);
    // The live data (CI, pull requests, deployments, runtime) of the whole catalog; after every catalogReady, and
    // whenever a source's live data changes. Its facet columns belong to the catalog last sent by catalogReady.
    void liveChanged(const Portolan::Core::LiveSnapshot::Ptr &live);
    void sourcesChanged(const QList<Portolan::Core::SourceStatus> &sources);
    void pendingDeletionsChanged(const QList<Portolan::Core::PendingDeletions> &pending);
    void workspaceChanged(const Portolan::Core::Workspace &workspace);
    // Overall progress over the running syncs, for a status bar.
    void progress(int done, int total, const QString &phase);
    void failed(const Portolan::Core::Error &error);
    // One source's sync ended (ok false: failed, cancelled or held).
    void sourceFinished(const QString &sourceId, bool ok, const Portolan::Core::Error &error);
    // No source is syncing or queued any more.
    void idle();
    void keychainUnavailable(const QString &reason);

private:
    struct Slot;

    void ensureWorkerObjects();
    bool ensureCache();
    void applyConfiguration(const Workspace &workspace);
    void startSync(Slot &slot, const QString &entityRefKey = {});
    void proceed(Slot &slot, const QString &entityRefKey);
    void proceedWithDeviceToken(Slot &slot, const QString &entityRefKey, const CredentialConfig &credential);
    void runSync(Slot &slot, const QString &entityRefKey, const QString &secret);
    [[nodiscard]] bool catalogBuildersBusy() const;
    [[nodiscard]] std::vector<Slot *> roundOrder();
    void releaseWaiting();
    [[nodiscard]] bool needsCatalog() const;
    void onSourceFinished(const QString &sourceId, const Result<SourceResult> &result);
    void commit(Slot &slot, SourceResult result);
    void keepUnchanged(Slot &slot, const SourceResult &result);
    void fail(Slot &slot, const Error &error);
    void scheduleNext(Slot &slot);
    void scheduleRebuild();
    void rebuild();
    void schedulePublishLive();
    void publishLive();
    void saveLive();
    void onRuntimeChanged(const QString &sourceId, const QHash<QString, EntityRuntime> &runtime);
    void publishSources();
    void publishPending();
    void updateProgress();
    void checkIdle();
    [[nodiscard]] bool holding() const { return m_heldWorkspaceSync || !m_heldSyncs.isEmpty(); }
    void dropHeldSyncs();
    void syncWorkspaceRepository();
    void watchFiles(Slot &slot, const QStringList &files);
    [[nodiscard]] Slot *slotFor(const QString &sourceId);
    [[nodiscard]] QString credentialKey(const QString &name) const;

    Workspace m_initialWorkspace;
    Workspace m_workspace;
    SyncOptions m_options;
    const Clock *m_clock = nullptr;
    QThread *m_thread = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<CacheDatabase> m_cache;
    TokenStore *m_tokens = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_rebuildTimer = nullptr;
    QTimer *m_progressTimer = nullptr;
    QTimer *m_liveTimer = nullptr;
    QTimer *m_liveSaveTimer = nullptr;
    Catalog::Ptr m_catalog; // the last one built
    QFuture<void> m_sortOrders; // the last catalog's other sort orders, built after it was sent
    quint64 m_liveGeneration = 0;
    std::map<QString, std::unique_ptr<Slot>> m_slots;
    QHash<QString, QString> m_secrets; // credential name -> secret, for this run (never written anywhere)
    ErrorList m_configProblems;
    std::shared_ptr<std::atomic_bool> m_workspaceCancel;
    bool m_workspaceSyncRunning = false;
    bool m_initialised = false;
    bool m_wasBusy = false;
    QStringList m_heldSyncs; // source ids due at start-up, in round order, until startHeldSyncs()
    bool m_heldWorkspaceSync = false; // the same for a git workspace's pull
    QTimer *m_holdTimer = nullptr;
};

} // namespace Portolan::Core
