#include "WorkspaceSession.h"

#include "catalog/CatalogService.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcUiSession, "portolan.ui.session", QtInfoMsg)

namespace Portolan::Ui {

using Core::CatalogService;

WorkspaceSession::WorkspaceSession(Core::Workspace workspace, QString cachePath, QObject *parent)
    : QObject(parent)
    , m_workspace(std::move(workspace))
    , m_cachePath(std::move(cachePath))
    , m_service(std::make_unique<CatalogService>(m_workspace, m_cachePath))
    , m_catalog(Core::Catalog::empty())
{
    // The service lives on its worker thread, so these connections are queued: slots run on the GUI thread.
    connect(m_service.get(), &CatalogService::catalogReady, this, &WorkspaceSession::onCatalogReady);
    connect(m_service.get(), &CatalogService::failed, this, &WorkspaceSession::onFailed);
    connect(m_service.get(), &CatalogService::progress, this, [this](int done, int total, const QString &phase) {
        if (m_busy && !m_cancelled) {
            Q_EMIT progressChanged(done, total, phase);
        }
    });
    m_service->startOnWorkerThread();
}

WorkspaceSession::~WorkspaceSession()
{
    // Pending queued results addressed to this object are discarded with it.
    m_service->stopWorkerThread();
}

void WorkspaceSession::start()
{
    if (m_busy) {
        return;
    }
    ++m_generation;
    m_cancelled = false;
    m_failures.clear();
    setBusy(true);
    QMetaObject::invokeMethod(m_service.get(), &CatalogService::loadFromCache, Qt::QueuedConnection);
    queueStep(Step::CacheLoaded);
}

void WorkspaceSession::reload()
{
    if (m_busy) {
        return;
    }
    ++m_generation;
    m_cancelled = false;
    m_failures.clear();
    setBusy(true);
    queueRead();
}

void WorkspaceSession::queueRead()
{
    QMetaObject::invokeMethod(m_service.get(), &CatalogService::reloadWorkspace, Qt::QueuedConnection);
    queueStep(Step::WorkspaceRead);
}

void WorkspaceSession::cancel()
{
    if (!m_busy || m_cancelled) {
        return;
    }
    m_cancelled = true;
    m_service->cancel();
    Q_EMIT progressChanged(0, 0, tr("Cancelling…"));
}

// Queues a marker behind the work already queued on the worker thread: it runs there once that work is done
// (finished, failed or cancelled alike) and reports back to this thread. This tells the GUI when a step ended
// without relying on which signals the step emits.
void WorkspaceSession::queueStep(Step step)
{
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        m_service.get(),
        [this, generation, step] {
            // On the worker thread. `this` is alive: the destructor waits for the worker thread to end.
            QMetaObject::invokeMethod(
                this, [this, generation, step] { onStepDone(generation, step); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void WorkspaceSession::onStepDone(quint64 generation, Step step)
{
    if (generation != m_generation) {
        return;
    }
    if (step == Step::CacheLoaded && !m_cancelled) {
        queueRead();
        return;
    }
    setBusy(false);
}

void WorkspaceSession::onCatalogReady(const Core::Catalog::Ptr &catalog, const QList<Core::SourceState> &sources,
                                      bool fromCache)
{
    // After a cancel the service may still hand over what it had (an empty catalog when the build was cut
    // short); the current snapshot stays.
    if (m_cancelled || !catalog) {
        return;
    }
    // A fresh read arrived earlier than the cache (never in practice): do not go back to the older snapshot.
    if (fromCache && m_hasCatalog && !m_fromCache) {
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

void WorkspaceSession::setBusy(bool busy)
{
    if (m_busy == busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace Portolan::Ui
