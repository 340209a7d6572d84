#pragma once

#include "cache/CatalogStore.h"
#include "catalog/Catalog.h"
#include "config/Workspace.h"
#include "sync/SyncService.h"
#include "sync/SyncTypes.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <memory>

namespace Portolan::Ui {

// One open workspace on the GUI side: owns the SyncService and its worker thread. The service loads the offline
// cache, syncs every source on its own schedule and hands over immutable snapshots (the catalog, the status of each
// source, the syncs held back by the deletion guard); the GUI thread never parses, fetches or touches the database.
// Requests go to the worker queued; the answers come back as signals, also queued.
class WorkspaceSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceSession)

public:
    // The cache at `cachePath`; sources on their schedules and file watching, as the GUI wants them.
    WorkspaceSession(Core::Workspace workspace, QString cachePath, QObject *parent = nullptr);
    WorkspaceSession(Core::Workspace workspace, Core::SyncOptions options, QObject *parent = nullptr);
    // Cancels running syncs and stops the worker thread.
    ~WorkspaceSession() override;

    // Opens the offline cache (its snapshot arrives first), then syncs the sources that are due: with a snapshot
    // from the cache, once the window calls catalogShown() (at the latest 3 s after the start), so that the start's
    // own painting has the cores to itself.
    void start();
    // The window has shown the catalog from the cache (catalogChanged with fromCache): the held syncs start.
    void catalogShown();
    // Syncs every source again; ignored while a sync runs (refreshAll() is not).
    void reload();
    // Stops every running sync as soon as it polls; the current snapshot stays.
    void cancel();

    void refreshAll();
    void refreshSource(const QString &sourceId);
    void refreshEntity(const QString &entityRefKey);
    void cancelSource(const QString &sourceId);
    void acceptPendingDeletions(const QString &sourceId);
    void rejectPendingDeletions(const QString &sourceId);
    // After a secret was saved or cleared: the service drops what it cached and retries the sources that need it.
    void credentialChanged(const QString &credentialName);
    // After the user's own sources file was written: the service reads the configuration again.
    void reloadConfiguration();

    // The workspace as the service last read it (after a git pull or a configuration reload).
    [[nodiscard]] const Core::Workspace &workspace() const { return m_workspace; }
    [[nodiscard]] const QString &cachePath() const { return m_cachePath; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] const Core::Catalog::Ptr &catalog() const { return m_catalog; }
    // CI, pull requests, deployments and runtime per entity; null until the service sent it.
    [[nodiscard]] const Core::LiveSnapshot::Ptr &live() const { return m_live; }
    [[nodiscard]] const QList<Core::SourceState> &sources() const { return m_sources; }
    [[nodiscard]] const QList<Core::SourceStatus> &sourceStatuses() const { return m_statuses; }
    [[nodiscard]] const Core::SourceStatus *sourceStatus(const QString &sourceId) const;
    [[nodiscard]] const QList<Core::PendingDeletions> &pendingDeletions() const { return m_pending; }
    [[nodiscard]] const Core::PendingDeletions *pendingDeletion(const QString &sourceId) const;
    [[nodiscard]] bool isFromCache() const { return m_fromCache; }
    [[nodiscard]] bool hasCatalog() const { return m_hasCatalog; }
    // When the current snapshot arrived (UTC).
    [[nodiscard]] const QDateTime &receivedAt() const { return m_receivedAt; }
    [[nodiscard]] bool wasCancelled() const { return m_cancelled; }
    [[nodiscard]] const Core::ErrorList &failures() const { return m_failures; }
    // Why the keychain cannot be used, once the service or a dialog found out; empty while it works.
    [[nodiscard]] const QString &keychainProblem() const { return m_keychainProblem; }

Q_SIGNALS:
    void catalogChanged(const Portolan::Core::Catalog::Ptr &catalog, bool fromCache);
    // At start-up, before the first catalogChanged: the catalog list read from the cache's lists, for the catalog
    // table alone (its entities are incomplete; nothing else may take it for the catalog).
    void listChanged(const Portolan::Core::Catalog::Ptr &list);
    void liveChanged(const Portolan::Core::LiveSnapshot::Ptr &live);
    void busyChanged(bool busy);
    void progressChanged(int done, int total, const QString &phase);
    void failed(const Portolan::Core::Error &error);
    void sourcesChanged(const QList<Portolan::Core::SourceStatus> &sources);
    void pendingDeletionsChanged(const QList<Portolan::Core::PendingDeletions> &pending);
    void workspaceChanged(const Portolan::Core::Workspace &workspace);
    void keychainUnavailable(const QString &reason);
    // One source's sync ended (ok false: failed, cancelled or held back).
    void sourceFinished(const QString &sourceId, bool ok, const Portolan::Core::Error &error);

private:
    // Runs `call` on the worker thread. Until the worker has run it, the session counts as busy: a request that
    // starts a sync is then followed by the service's own progress, one that does not ends the busy state.
    void send(std::function<void(Core::SyncService &)> call);
    void onRequestDone();
    void onCatalogReady(const Core::Catalog::Ptr &catalog, const QList<Core::SourceState> &sources, bool fromCache);
    void onProgress(int done, int total, const QString &phase);
    void onFailed(const Core::Error &error);
    void beginRequest();
    void updateBusy();

    Core::Workspace m_workspace;
    QString m_cachePath;
    std::unique_ptr<Core::SyncService> m_service;
    Core::Catalog::Ptr m_catalog;
    Core::LiveSnapshot::Ptr m_live;
    QList<Core::SourceState> m_sources;
    QList<Core::SourceStatus> m_statuses;
    QList<Core::PendingDeletions> m_pending;
    QDateTime m_receivedAt;
    Core::ErrorList m_failures;
    QString m_keychainProblem;
    int m_requestsInFlight = 0;
    bool m_serviceBusy = false; // a sync runs on the worker (from its progress and idle signals)
    bool m_busy = false;
    bool m_cancelled = false;
    bool m_fromCache = false;
    bool m_hasCatalog = false;
};

} // namespace Portolan::Ui
