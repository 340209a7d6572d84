#include "WorkspaceSession.h"

#include "auth/TokenStore.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcUiSession, "portolan.ui.session", QtInfoMsg)

namespace Portolan::Ui {

using Core::SyncService;

namespace {

Core::SyncOptions guiOptions(const QString &cachePath)
{
    Core::SyncOptions options;
    options.cachePath = cachePath;
    options.schedule = true;
    options.watchFiles = true;
    options.live = true;
    options.listFirst = true;
    options.holdSyncsMs = 3000;
    return options;
}

} // namespace

WorkspaceSession::WorkspaceSession(Core::Workspace workspace, QString cachePath, QObject *parent)
    : WorkspaceSession(std::move(workspace), guiOptions(cachePath), parent)
{ }

WorkspaceSession::WorkspaceSession(Core::Workspace workspace, Core::SyncOptions options, QObject *parent)
    : QObject(parent)
    , m_workspace(std::move(workspace))
    , m_cachePath(options.cachePath)
    , m_service(std::make_unique<SyncService>(m_workspace, std::move(options)))
    , m_catalog(Core::Catalog::empty())
{
    // The service lives on its worker thread, so these connections are queued: slots run on the GUI thread.
    SyncService *service = m_service.get();
    connect(service, &SyncService::catalogReady, this, &WorkspaceSession::onCatalogReady);
    connect(service, &SyncService::listReady, this, [this](const Core::Catalog::Ptr &list) {
        if (!m_hasCatalog && list) { // the catalog came first (a list is never needed after it)
            Q_EMIT listChanged(list);
        }
    });
    connect(service, &SyncService::failed, this, &WorkspaceSession::onFailed);
    connect(service, &SyncService::liveChanged, this, [this](const Core::LiveSnapshot::Ptr &live) {
        m_live = live;
        Q_EMIT liveChanged(m_live);
    });
    connect(service, &SyncService::progress, this, &WorkspaceSession::onProgress);
    connect(service, &SyncService::idle, this, [this] {
        m_serviceBusy = false;
        updateBusy();
    });
    connect(service, &SyncService::sourcesChanged, this, [this](const QList<Core::SourceStatus> &sources) {
        m_statuses = sources;
        Q_EMIT sourcesChanged(m_statuses);
    });
    connect(service, &SyncService::pendingDeletionsChanged, this, [this](const QList<Core::PendingDeletions> &pending) {
        m_pending = pending;
        Q_EMIT pendingDeletionsChanged(m_pending);
    });
    connect(service, &SyncService::workspaceChanged, this, [this](const Core::Workspace &current) {
        m_workspace = current;
        Q_EMIT workspaceChanged(m_workspace);
    });
    connect(service, &SyncService::keychainUnavailable, this, [this](const QString &reason) {
        m_keychainProblem = reason;
        Q_EMIT keychainUnavailable(reason);
    });
    connect(service, &SyncService::sourceFinished, this, &WorkspaceSession::sourceFinished);
    if (!Core::TokenStore::keychainAvailable()) {
        m_keychainProblem = Core::TokenStore::keychainProblem();
    }
    m_service->startOnWorkerThread();
}

WorkspaceSession::~WorkspaceSession()
{
    // Pending queued results addressed to this object are discarded with it; the worker is joined first, so no
    // request lambda (which captures `this`) runs after this point.
    m_service->stopWorkerThread();
}

void WorkspaceSession::send(std::function<void(SyncService &)> call)
{
    ++m_requestsInFlight;
    updateBusy();
    SyncService *service = m_service.get();
    QMetaObject::invokeMethod(
        service,
        [this, service, call = std::move(call)] {
            // On the worker thread. Whatever the call emitted is queued to the GUI thread before this marker, so
            // when the marker arrives the session has seen the progress that the call started (if any).
            call(*service);
            QMetaObject::invokeMethod(this, &WorkspaceSession::onRequestDone, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void WorkspaceSession::onRequestDone()
{
    m_requestsInFlight = std::max(0, m_requestsInFlight - 1);
    updateBusy();
}

void WorkspaceSession::beginRequest()
{
    m_cancelled = false;
}

void WorkspaceSession::start()
{
    beginRequest();
    m_failures.clear();
    send([](SyncService &s) { s.init(true); });
}

void WorkspaceSession::catalogShown()
{
    // Not a request of its own (send() would count it as one): with nothing held, the session is idle and stays so.
    SyncService *service = m_service.get();
    QMetaObject::invokeMethod(
        service, [service] { service->startHeldSyncs(); }, Qt::QueuedConnection);
}

void WorkspaceSession::reload()
{
    if (m_busy) {
        return;
    }
    m_failures.clear();
    refreshAll();
}

void WorkspaceSession::cancel()
{
    if (!m_busy || m_cancelled) {
        return;
    }
    m_cancelled = true;
    send([](SyncService &s) { s.cancelAll(); });
    Q_EMIT progressChanged(0, 0, tr("Cancelling…"));
}

void WorkspaceSession::refreshAll()
{
    beginRequest();
    send([](SyncService &s) { s.refreshAll(); });
}

void WorkspaceSession::refreshSource(const QString &sourceId)
{
    beginRequest();
    send([sourceId](SyncService &s) { s.refreshSource(sourceId); });
}

void WorkspaceSession::refreshEntity(const QString &entityRefKey)
{
    beginRequest();
    send([entityRefKey](SyncService &s) { s.refreshEntity(entityRefKey); });
}

void WorkspaceSession::cancelSource(const QString &sourceId)
{
    send([sourceId](SyncService &s) { s.cancelSource(sourceId); });
}

void WorkspaceSession::acceptPendingDeletions(const QString &sourceId)
{
    send([sourceId](SyncService &s) { s.acceptPendingDeletions(sourceId); });
}

void WorkspaceSession::rejectPendingDeletions(const QString &sourceId)
{
    send([sourceId](SyncService &s) { s.rejectPendingDeletions(sourceId); });
}

void WorkspaceSession::credentialChanged(const QString &credentialName)
{
    beginRequest();
    send([credentialName](SyncService &s) { s.credentialChanged(credentialName); });
}

void WorkspaceSession::reloadConfiguration()
{
    beginRequest();
    send([](SyncService &s) { s.reloadConfiguration(); });
}

const Core::SourceStatus *WorkspaceSession::sourceStatus(const QString &sourceId) const
{
    for (const Core::SourceStatus &s : m_statuses) {
        if (s.config.id == sourceId) {
            return &s;
        }
    }
    return nullptr;
}

const Core::PendingDeletions *WorkspaceSession::pendingDeletion(const QString &sourceId) const
{
    for (const Core::PendingDeletions &p : m_pending) {
        if (p.sourceId == sourceId) {
            return &p;
        }
    }
    return nullptr;
}

void WorkspaceSession::onProgress(int done, int total, const QString &phase)
{
    // The service reports an empty phase once nothing runs any more, but the busy state ends only with idle():
    // that comes after the snapshot the syncs produced, so a caller that sees "not busy" sees their catalog.
    if (!phase.isEmpty()) {
        m_serviceBusy = true;
    }
    updateBusy();
    if (m_busy && !m_cancelled && !phase.isEmpty()) {
        Q_EMIT progressChanged(done, total, phase);
    }
}

void WorkspaceSession::onCatalogReady(const Core::Catalog::Ptr &catalog, const QList<Core::SourceState> &sources,
                                      bool fromCache)
{
    if (!catalog) {
        return;
    }
    // A fresh snapshot arrived earlier than the cache (never in practice): do not go back to the older one.
    if (fromCache && m_hasCatalog && !m_fromCache) {
        return;
    }
    // An empty cache (a workspace never synced here) is not a snapshot: until the first sync brings one, the
    // window says it is reading the workspace rather than showing an empty catalog.
    if (fromCache && !m_hasCatalog && catalog->size() == 0 && catalog->problems().isEmpty()) {
        return;
    }
    m_catalog = catalog;
    m_sources = sources;
    m_fromCache = fromCache;
    m_hasCatalog = true;
    m_receivedAt = QDateTime::currentDateTimeUtc();
    qCInfo(lcUiSession) << "catalog received:" << catalog->size() << "entities, from cache:" << fromCache;
    Q_EMIT catalogChanged(m_catalog, fromCache);
}

void WorkspaceSession::onFailed(const Core::Error &error)
{
    m_failures.append(error);
    Q_EMIT failed(error);
}

void WorkspaceSession::updateBusy()
{
    const bool busy = m_requestsInFlight > 0 || m_serviceBusy;
    if (m_busy == busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace Portolan::Ui
