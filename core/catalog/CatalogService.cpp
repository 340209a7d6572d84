#include "CatalogService.h"

#include "DescriptorLoader.h"
#include "cache/CacheDatabase.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

const QString workspaceSourceId = u"workspace"_s;

} // namespace

CatalogService::CatalogService(Workspace workspace, QString cachePath)
    : m_workspace(std::move(workspace))
    , m_cachePath(std::move(cachePath))
{
    qRegisterMetaType<Catalog::Ptr>();
    qRegisterMetaType<QList<SourceState>>();
    qRegisterMetaType<Error>();
}

CatalogService::~CatalogService() = default;

void CatalogService::startOnWorkerThread()
{
    m_thread = new QThread;
    m_thread->setObjectName(u"portolan-catalog"_s);
    moveToThread(m_thread);
    // The cache connection is made and closed on the worker thread, as Qt Sql requires.
    connect(
        m_thread, &QThread::finished, this, [this] { m_cache.reset(); }, Qt::DirectConnection);
    m_thread->start();
}

void CatalogService::cancel()
{
    m_cancel.store(true);
}

void CatalogService::stopWorkerThread()
{
    cancel();
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

bool CatalogService::ensureCache()
{
    if (m_cachePath.isEmpty()) {
        return false;
    }
    if (m_cache && m_cache->isOpen()) {
        return true;
    }
    m_cache = std::make_unique<CacheDatabase>();
    QString aside;
    const auto opened = m_cache->openOrRecreate(m_cachePath, &aside);
    if (!opened.ok()) {
        Q_EMIT failed(opened.error());
        m_cache.reset();
        return false;
    }
    if (!aside.isEmpty()) {
        Error e = makeError(Error::Code::Database,
                            tr("The cache could not be read and was moved to %1; a new one was started").arg(aside));
        e.severity = Error::Severity::Warning;
        Q_EMIT failed(e);
    }
    return true;
}

void CatalogService::loadFromCache()
{
    m_cancel.store(false);
    if (!ensureCache()) {
        return;
    }
    QElapsedTimer timer;
    timer.start();
    Q_EMIT progress(0, 0, tr("Opening the offline cache"));
    CatalogStore store(*m_cache);
    auto snapshot = store.loadAll();
    if (!snapshot.ok()) {
        Q_EMIT failed(snapshot.error());
        return;
    }
    if (snapshot->sources.isEmpty()) {
        return; // nothing cached yet: the first read of the workspace fills it
    }
    const qint64 readMs = timer.elapsed();
    Catalog::Ptr catalog = Catalog::build(std::move(snapshot->entities), std::move(snapshot->problems), &m_cancel);
    qCInfo(lcCache) << "catalog from cache:" << catalog->size() << "entities, read" << readMs << "ms, built"
                    << timer.elapsed() - readMs << "ms";
    Q_EMIT catalogReady(catalog, snapshot->sources, true);
}

void CatalogService::reloadWorkspace()
{
    m_cancel.store(false);
    const quint64 generation = ++m_generation;
    QElapsedTimer timer;
    timer.start();
    Q_EMIT progress(0, 0, tr("Reading %1").arg(m_workspace.displayName()));
    LoadOptions options;
    options.sourceId = workspaceSourceId;
    LoadResult loaded = DescriptorLoader::load(m_workspace.roots(), options, &m_cancel, [this](int done, int total) {
        Q_EMIT progress(done, total, tr("Reading descriptors"));
    });
    if (loaded.cancelled || generation != m_generation) {
        Q_EMIT progress(0, 0, tr("Cancelled"));
        return;
    }
    ErrorList problems = m_workspace.problems + loaded.problems;

    SourceState state;
    state.id = workspaceSourceId;
    state.kind = u"files"_s;
    state.lastSync = QDateTime::currentDateTimeUtc();
    state.status = u"ok"_s;
    state.entityCount = int(loaded.entities.size());
    state.message = tr("%n file(s) read", nullptr, int(loaded.files.size()));

    if (ensureCache()) {
        Q_EMIT progress(0, 0, tr("Writing the offline cache"));
        CatalogStore store(*m_cache);
        const auto written = store.replaceSnapshot(state, loaded.entities, problems, &m_cancel);
        if (!written.ok()) {
            Q_EMIT failed(written.error());
        }
    }
    Catalog::Ptr catalog = Catalog::build(std::move(loaded.entities), std::move(problems), &m_cancel);
    qCInfo(lcCatalog) << "workspace read:" << catalog->size() << "entities in" << timer.elapsed() << "ms";
    QList<SourceState> sources{state};
    Q_EMIT catalogReady(catalog, sources, false);
    Q_EMIT finished();
}

} // namespace Portolan::Core
