#include "SyncService.h"
#include "util/Threads.h"

#include "auth/DeviceFlow.h"
#include "auth/TokenStore.h"
#include "cache/CacheDatabase.h"
#include "config/Paths.h"
#include "sources/Source.h"
#include "sources/SourceRegistry.h"
#include "sources/git/GitRepository.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

constexpr int maxWatchedFiles = 4096; // beyond this only folders are watched (inotify limits)

bool sameConfig(const SourceConfig &a, const SourceConfig &b)
{
    return a.id == b.id && a.type == b.type && a.url == b.url && a.branch == b.branch && a.paths == b.paths
           && a.filter == b.filter && a.credential == b.credential && a.refreshSeconds == b.refreshSeconds
           && a.maxDeletionShare == b.maxDeletionShare && a.tls.verify == b.tls.verify
           && a.tls.caBundle == b.tls.caBundle && a.tls.clientCertificate == b.tls.clientCertificate
           && a.tls.clientKey == b.tls.clientKey && a.enabled == b.enabled && a.options == b.options
           && a.title == b.title;
}

bool sourcesSectionBroken(const ErrorList &problems)
{
    for (const Error &e : problems) {
        if (e.isError() && (e.field.startsWith(u"sources"_s) || e.code == Error::Code::Parse)) {
            return true;
        }
    }
    return false;
}

} // namespace

struct SyncService::Slot
{
    SourceConfig config;
    SourcePtr source;
    SourceStatus status;
    std::vector<Entity> entities; // the last good data
    ErrorList problems;
    bool hasData = false;
    bool syncedThisRun = false;
    bool inConfig = true;
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);
    bool running = false;
    bool again = false;
    QString againEntity;
    QTimer *timer = nullptr;
    QTimer *debounce = nullptr;
    std::optional<SourceResult> held;
    PendingDeletions pending;
    QStringList watched;
    LiveRecords live; // the last good live data
    bool waitingForCatalog = false; // started, but waits for the sources that build the catalog it reads
    QString waitingEntity;
    bool liveDirty = false; // changed by a live source since it was last written to the cache

    // The timers belong to the worker thread: slots are destroyed there (or where the service never moved).
    ~Slot()
    {
        // A source's destructor waits for a read still in flight, which polls `cancel`: the source goes first,
        // told to stop, while `cancel` (declared after it, so otherwise destroyed before it) is still alive.
        cancel->store(true);
        source.reset();
        delete timer;
        delete debounce;
    }
};

SyncService::SyncService(Workspace workspace, SyncOptions options)
    : m_initialWorkspace(workspace)
    , m_workspace(std::move(workspace))
    , m_options(std::move(options))
    , m_clock(m_options.clock ? m_options.clock : &Clock::system())
{
    qRegisterMetaType<Catalog::Ptr>();
    qRegisterMetaType<QList<SourceState>>();
    qRegisterMetaType<QList<SourceStatus>>();
    qRegisterMetaType<QList<PendingDeletions>>();
    qRegisterMetaType<Error>();
    qRegisterMetaType<Workspace>();
    qRegisterMetaType<LiveSnapshot::Ptr>();
}

SyncService::~SyncService()
{
    stopWorkerThread();
    m_sortOrders.waitForFinished(); // it holds a catalog; nothing of ours may run on after us
    saveLive(); // without a worker thread the cache is still open here (with one, the thread's end saved it)
    for (auto &[id, slot] : m_slots) {
        slot->cancel->store(true);
        if (slot->source) {
            slot->source->stopLive();
        }
    }
    m_slots.clear();
}

void SyncService::startOnWorkerThread()
{
    m_thread = new QThread;
    m_thread->setObjectName(u"portolan-sync"_s);
    // Syncing is background work: below the GUI thread (the pools it starts threads for inherit this).
    connect(
        m_thread, &QThread::started, m_thread, [] { lowerCurrentThreadPriority(); }, Qt::DirectConnection);
    moveToThread(m_thread);
    // Everything the worker made (network manager, cache connection, sources) is destroyed on the worker.
    connect(
        m_thread, &QThread::finished, this,
        [this] {
            saveLive();
            for (auto &[id, slot] : m_slots) {
                slot->cancel->store(true);
                if (slot->source) {
                    slot->source->stopLive();
                }
            }
            m_slots.clear();
            delete m_network;
            m_network = nullptr;
            delete m_tokens;
            m_tokens = nullptr;
            delete m_watcher;
            m_watcher = nullptr;
            delete m_rebuildTimer;
            m_rebuildTimer = nullptr;
            delete m_progressTimer;
            m_progressTimer = nullptr;
            delete m_liveTimer;
            m_liveTimer = nullptr;
            delete m_liveSaveTimer;
            m_liveSaveTimer = nullptr;
            delete m_holdTimer;
            m_holdTimer = nullptr;
            m_catalog.reset();
            m_cache.reset();
        },
        Qt::DirectConnection);
    m_thread->start();
}

void SyncService::stopWorkerThread()
{
    if (!m_thread) {
        return;
    }
    for (auto &[id, slot] : m_slots) {
        slot->cancel->store(true); // atomics: safe from the calling thread
    }
    if (m_workspaceCancel) {
        m_workspaceCancel->store(true);
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void SyncService::ensureWorkerObjects()
{
    if (m_network) {
        return;
    }
    m_network = new QNetworkAccessManager(this);
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_tokens = new TokenStore(m_options.keychainService, this);
    connect(m_tokens, &TokenStore::keychainUnavailable, this, &SyncService::keychainUnavailable);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setSingleShot(true);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        publishSources();
        updateProgress();
    });
    m_rebuildTimer = new QTimer(this);
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(30);
    connect(m_rebuildTimer, &QTimer::timeout, this, &SyncService::rebuild);
    m_liveTimer = new QTimer(this);
    m_liveTimer->setSingleShot(true);
    m_liveTimer->setInterval(m_options.livePublishMs);
    connect(m_liveTimer, &QTimer::timeout, this, &SyncService::publishLive);
    m_liveSaveTimer = new QTimer(this);
    m_liveSaveTimer->setSingleShot(true);
    m_liveSaveTimer->setInterval(m_options.liveSaveMs);
    connect(m_liveSaveTimer, &QTimer::timeout, this, &SyncService::saveLive);
    m_holdTimer = new QTimer(this);
    m_holdTimer->setSingleShot(true);
    m_holdTimer->setInterval(std::max(0, m_options.holdSyncsMs));
    connect(m_holdTimer, &QTimer::timeout, this, &SyncService::startHeldSyncs);
    if (m_options.watchFiles) {
        m_watcher = new QFileSystemWatcher(this);
        const auto changed = [this](const QString &path) {
            for (auto &[id, slot] : m_slots) {
                if (slot->watched.contains(path) && slot->debounce) {
                    slot->debounce->start();
                }
            }
        };
        connect(m_watcher, &QFileSystemWatcher::fileChanged, this, changed);
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, changed);
    }
}

bool SyncService::ensureCache()
{
    if (m_options.cachePath.isEmpty()) {
        return false;
    }
    if (m_cache && m_cache->isOpen()) {
        return true;
    }
    m_cache = std::make_unique<CacheDatabase>();
    QString aside;
    const auto opened = m_cache->openOrRecreate(m_options.cachePath, &aside);
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

QString SyncService::credentialKey(const QString &name) const
{
    const QString scope = m_options.credentialScope.isEmpty() ? m_workspace.cacheKey() : m_options.credentialScope;
    return TokenStore::keyFor(scope, name);
}

SyncService::Slot *SyncService::slotFor(const QString &sourceId)
{
    const auto it = m_slots.find(sourceId);
    return it == m_slots.end() ? nullptr : it->second.get();
}

void SyncService::init(bool syncDue)
{
    if (m_initialised) {
        return;
    }
    m_initialised = true;
    ensureWorkerObjects();

    // The last good data of every source, from the cache: the catalog is usable before any network.
    if (ensureCache()) {
        CatalogStore store(*m_cache);
        QElapsedTimer timer;
        timer.start();
        if (m_options.buildCatalog && m_options.listFirst) {
            // What the list shows, a small part of the cache, so the window has its list long before the catalog.
            if (auto lists = store.loadLists(); lists.ok() && !lists->empty()) {
                const Catalog::Ptr list = Catalog::buildList(std::move(lists.value()));
                qCInfo(lcCache) << "list of" << list->size() << "entities from the cache in" << timer.elapsed() << "ms";
                Q_EMIT listReady(list);
            }
            timer.restart();
        }
        auto snapshot = store.loadAll();
        if (snapshot.ok()) {
            qCInfo(lcCache) << "read" << snapshot->entities.size() << "entities from the cache in" << timer.elapsed()
                            << "ms";
        }
        if (!snapshot.ok()) {
            Q_EMIT failed(snapshot.error());
        } else {
            for (const SourceState &state : std::as_const(snapshot->sources)) {
                auto slot = std::make_unique<Slot>();
                slot->config.id = state.id;
                slot->config.type = state.kind;
                slot->inConfig = false;
                slot->hasData = state.lastSync.isValid();
                slot->status.lastSuccess = state.lastSync;
                slot->status.lastAttempt = state.lastAttempt;
                slot->status.revision = state.revision;
                slot->status.entityCount = state.entityCount;
                slot->status.message = state.message;
                slot->status.state = state.status == u"ok"_s ? SourceStatus::State::Ok : SourceStatus::State::Idle;
                if (!state.error.isEmpty()) {
                    slot->status.state = SourceStatus::State::Failed;
                    slot->status.error = makeError(Error::Code::Internal, state.error);
                }
                slot->problems = snapshot->problemsBySource.value(state.id);
                slot->live = snapshot->liveBySource.value(state.id);
                slot->entities.reserve(std::size_t(std::max(0, state.entityCount)));
                m_slots[state.id] = std::move(slot);
            }
            // The cache's rows come grouped by source: one slot lookup per run of them.
            Slot *slot = nullptr;
            QString slotId;
            for (Entity &e : snapshot->entities) {
                if (!slot || e.origin.sourceId != slotId) {
                    slotId = e.origin.sourceId;
                    slot = slotFor(slotId);
                    if (!slot) {
                        continue;
                    }
                }
                slot->entities.push_back(std::move(e));
            }
        }
    }
    applyConfiguration(m_workspace);
    const bool fromCache = std::any_of(m_slots.begin(), m_slots.end(), [](const auto &p) { return p.second->hasData; });
    if (fromCache) {
        rebuild(); // at once, marked as coming from the cache
    }
    publishSources();
    // With a catalog from the cache on its way to the window, what is due waits until the window has shown it.
    const bool hold = syncDue && fromCache && m_options.holdSyncsMs > 0 && m_options.buildCatalog;

    if (!m_workspace.gitUrl.isEmpty()) {
        if (syncDue && hold) {
            m_heldWorkspaceSync = true;
            m_holdTimer->start();
            updateProgress();
        } else if (syncDue) {
            syncWorkspaceRepository();
        }
        return;
    }
    const QDateTime now = m_clock->now();
    for (Slot *slot : roundOrder()) {
        if (!slot->inConfig || !slot->config.enabled) {
            continue;
        }
        const bool due =
            slot->config.type == u"files"_s || !slot->status.lastSuccess.isValid()
            || (slot->config.refreshSeconds > 0 && slot->status.lastSuccess.secsTo(now) >= slot->config.refreshSeconds);
        if (syncDue && due && hold) {
            m_heldSyncs.append(slot->config.id);
        } else if (syncDue && due) {
            startSync(*slot);
        } else {
            scheduleNext(*slot);
        }
    }
    if (holding()) {
        m_holdTimer->start();
        updateProgress();
    }
    checkIdle();
}

void SyncService::startHeldSyncs()
{
    if (m_holdTimer) {
        m_holdTimer->stop();
    }
    if (!holding()) {
        return;
    }
    if (std::exchange(m_heldWorkspaceSync, false)) {
        syncWorkspaceRepository();
        return;
    }
    for (const QString &id : std::exchange(m_heldSyncs, {})) {
        if (Slot *slot = slotFor(id)) {
            startSync(*slot); // passes over a source that left the configuration or was disabled meanwhile
        }
    }
    updateProgress();
    checkIdle();
}

void SyncService::dropHeldSyncs()
{
    if (m_holdTimer) {
        m_holdTimer->stop();
    }
    m_heldWorkspaceSync = false;
    m_heldSyncs.clear();
}

void SyncService::applyConfiguration(const Workspace &workspace)
{
    m_configProblems = workspace.problems;
    const bool keepOrphans = sourcesSectionBroken(workspace.problems) || workspace.sources.isEmpty();
    QSet<QString> configured;
    for (const SourceConfig &config : workspace.sources) {
        configured.insert(config.id);
        Slot *slot = slotFor(config.id);
        if (!slot) {
            auto made = std::make_unique<Slot>();
            slot = made.get();
            m_slots[config.id] = std::move(made);
        } else if (slot->inConfig && sameConfig(slot->config, config)) {
            continue;
        }
        if (slot->source) {
            slot->cancel->store(true);
            slot->source->stopLive();
            slot->source.reset(); // made again, with the new settings, at the next sync
            slot->running = false;
        }
        slot->config = config;
        slot->status.config = config;
        slot->inConfig = true;
        if (!config.enabled) {
            slot->status.state = SourceStatus::State::Disabled;
        } else if (slot->status.state == SourceStatus::State::Disabled) {
            slot->status.state = SourceStatus::State::Idle;
        }
        if (!slot->timer) {
            slot->timer = new QTimer(this);
            slot->timer->setSingleShot(true);
            const QString id = config.id;
            connect(slot->timer, &QTimer::timeout, this, [this, id] {
                if (Slot *s = slotFor(id)) {
                    startSync(*s);
                }
            });
            slot->debounce = new QTimer(this);
            slot->debounce->setSingleShot(true);
            slot->debounce->setInterval(m_options.watchDebounceMs);
            connect(slot->debounce, &QTimer::timeout, this, [this, id] {
                if (Slot *s = slotFor(id)) {
                    qCInfo(lcFiles) << "files changed, re-reading source" << id;
                    startSync(*s);
                }
            });
        }
    }
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        Slot &slot = *it->second;
        if (configured.contains(it->first)) {
            ++it;
            continue;
        }
        if (keepOrphans) {
            // The configuration is broken: keep the data of sources it no longer names until it is fixed.
            slot.inConfig = false;
            slot.status.config.id = it->first;
            slot.status.message = tr("Not in the configuration (kept while portolan.yaml has errors)");
            ++it;
            continue;
        }
        qCInfo(lcSync) << "source" << it->first << "left the configuration; its entities are removed";
        slot.cancel->store(true);
        if (slot.source) {
            slot.source->stopLive();
        }
        watchFiles(slot, {});
        if (!slot.live.isEmpty()) {
            schedulePublishLive();
        }
        if (m_cache) {
            const auto removed = CatalogStore(*m_cache).removeSource(it->first);
            if (!removed.ok()) {
                Q_EMIT failed(removed.error());
            }
        }
        it = m_slots.erase(it);
    }
    scheduleRebuild();
    publishSources();
    publishPending();
}

void SyncService::refreshAll()
{
    if (!m_initialised) {
        init(false);
    }
    dropHeldSyncs(); // all of them start now
    if (!m_workspace.gitUrl.isEmpty()) {
        syncWorkspaceRepository();
        return;
    }
    for (Slot *slot : roundOrder()) {
        if (slot->inConfig && slot->config.enabled) {
            startSync(*slot);
        }
    }
    checkIdle();
}

void SyncService::refreshSource(const QString &sourceId)
{
    if (!m_initialised) {
        init(false);
    }
    Slot *slot = slotFor(sourceId);
    if (!slot || !slot->inConfig) {
        Q_EMIT failed(makeError(Error::Code::Config, tr("There is no source \"%1\" in this workspace").arg(sourceId)));
        Q_EMIT sourceFinished(sourceId, false, makeError(Error::Code::Config, tr("No such source")));
        checkIdle();
        return;
    }
    m_heldSyncs.removeAll(sourceId);
    if (!holding() && m_holdTimer) {
        m_holdTimer->stop();
    }
    startSync(*slot);
    checkIdle();
}

void SyncService::refreshEntity(const QString &entityRefKey)
{
    for (auto &[id, slot] : m_slots) {
        for (const Entity &e : slot->entities) {
            if (e.key() == entityRefKey) {
                startSync(*slot, entityRefKey);
                return;
            }
        }
    }
    Q_EMIT failed(makeError(Error::Code::Reference, tr("No source holds the entity %1").arg(entityRefKey)));
}

void SyncService::cancelSource(const QString &sourceId)
{
    if (Slot *slot = slotFor(sourceId)) {
        slot->again = false;
        slot->cancel->store(true);
    }
}

void SyncService::cancelAll()
{
    if (holding()) {
        // What was held does not start; each source waits for its next interval instead.
        const QStringList held = m_heldSyncs;
        dropHeldSyncs();
        for (const QString &id : held) {
            if (Slot *slot = slotFor(id)) {
                scheduleNext(*slot);
            }
        }
        updateProgress();
        checkIdle();
    }
    for (auto &[id, slot] : m_slots) {
        slot->again = false;
        slot->cancel->store(true);
    }
    if (m_workspaceCancel) {
        m_workspaceCancel->store(true);
    }
}

void SyncService::startSync(Slot &slot, const QString &entityRefKey)
{
    if (!slot.inConfig || !slot.config.enabled) {
        return;
    }
    if (slot.running) {
        slot.again = true;
        slot.againEntity = entityRefKey;
        return;
    }
    slot.running = true;
    slot.timer->stop();
    m_wasBusy = true;
    slot.cancel = std::make_shared<std::atomic_bool>(false);
    slot.status.state = SourceStatus::State::Syncing;
    slot.status.done = 0;
    slot.status.total = 0;
    slot.status.phase = tr("Starting");
    slot.status.nextSync = {};
    publishSources();
    updateProgress();
    // A source that adds live data to other sources' entities (GitHub insights, Kubernetes runtime) reads the
    // catalog they build: in a round of syncs it goes after them, so a fresh workspace gets its CI and runtime in the
    // first round rather than at the next interval.
    if (SourceRegistry::readsCatalog(slot.config) && catalogBuildersBusy()) {
        slot.waitingForCatalog = true;
        slot.waitingEntity = entityRefKey;
        slot.status.phase = tr("Waiting for the other sources");
        publishSources();
        return;
    }
    proceed(slot, entityRefKey);
}

std::vector<SyncService::Slot *> SyncService::roundOrder()
{
    // The sources that build the catalog first: the ones that read it then wait for them (see startSync).
    std::vector<Slot *> order;
    for (const bool readers : {false, true}) {
        for (auto &[id, slot] : m_slots) {
            if (SourceRegistry::readsCatalog(slot->config) == readers) {
                order.push_back(slot.get());
            }
        }
    }
    return order;
}

bool SyncService::catalogBuildersBusy() const
{
    return std::any_of(m_slots.begin(), m_slots.end(), [](const auto &p) {
        const Slot &s = *p.second;
        return s.running && !s.waitingForCatalog && !SourceRegistry::readsCatalog(s.config);
    });
}

void SyncService::releaseWaiting()
{
    if (catalogBuildersBusy()) {
        return;
    }
    for (auto &[id, slot] : m_slots) {
        if (!slot->waitingForCatalog) {
            continue;
        }
        slot->waitingForCatalog = false;
        if (slot->cancel->load()) {
            onSourceFinished(id, makeError(Error::Code::Cancelled, tr("Cancelled")));
            continue;
        }
        proceed(*slot, std::exchange(slot->waitingEntity, QString()));
    }
}

bool SyncService::needsCatalog() const
{
    return m_options.buildCatalog || std::any_of(m_slots.begin(), m_slots.end(), [](const auto &p) {
               return SourceRegistry::readsCatalog(p.second->config);
           });
}

void SyncService::proceed(Slot &slot, const QString &entityRefKey)
{
    const QString credential = slot.config.credential;
    if (credential.isEmpty()) {
        runSync(slot, entityRefKey, {});
        return;
    }
    if (const auto it = m_secrets.constFind(credential); it != m_secrets.constEnd()) {
        runSync(slot, entityRefKey, *it);
        return;
    }
    if (const CredentialConfig *c = m_workspace.credential(credential); c && !c->env.isEmpty()) {
        const QString fromEnv = qEnvironmentVariable(c->env.toLocal8Bit().constData());
        if (!fromEnv.isEmpty()) {
            m_secrets.insert(credential, fromEnv);
            runSync(slot, entityRefKey, fromEnv);
            return;
        }
    }
    const QString id = slot.config.id;
    const auto cancel = slot.cancel;
    if (const CredentialConfig *c = m_workspace.credential(credential); c && c->isOAuthDevice()) {
        proceedWithDeviceToken(slot, entityRefKey, *c);
        return;
    }
    m_tokens->read(credentialKey(credential), [this, id, entityRefKey, credential, cancel](Result<QString> secret) {
        Slot *s = slotFor(id);
        if (!s || s->cancel != cancel) {
            return; // the source was removed or restarted meanwhile
        }
        if (!secret.ok()) {
            fail(*s, secret.error());
            return;
        }
        if (!secret->isEmpty()) {
            m_secrets.insert(credential, secret.value());
        }
        runSync(*s, entityRefKey, secret.value());
    });
}

void SyncService::proceedWithDeviceToken(Slot &slot, const QString &entityRefKey, const CredentialConfig &credential)
{
    // A token from "Sign in with GitHub": GitHub Apps with expiring user tokens hand out a refresh token too (kept
    // under its own keychain key with the expiry times). A token that expires within minutes is refreshed before
    // the sync, and both new tokens go back to the keychain; the secret is not cached, since it expires.
    const QString id = slot.config.id;
    const auto cancel = slot.cancel;
    const QString name = credential.name;
    const QString tokenKey = credentialKey(name);
    const QString scope = m_options.credentialScope.isEmpty() ? m_workspace.cacheKey() : m_options.credentialScope;
    const QString refreshKey = DeviceFlowToken::refreshKey(scope, name);
    const DeviceFlow::Settings settings = DeviceFlow::Settings::fromCredential(credential);
    const auto stillOurs = [this, id, cancel]() -> Slot * {
        Slot *s = slotFor(id);
        return s && s->cancel == cancel ? s : nullptr;
    };
    m_tokens->read(tokenKey, [=, this](Result<QString> access) {
        Slot *s = stillOurs();
        if (!s) {
            return;
        }
        if (!access.ok()) {
            fail(*s, access.error());
            return;
        }
        m_tokens->read(refreshKey, [=, this](Result<QString> record) {
            Slot *s2 = stillOurs();
            if (!s2) {
                return;
            }
            DeviceFlowToken token;
            const QDateTime now = (m_clock ? m_clock : &Clock::system())->now();
            if (!record.ok() || !token.readRefreshRecord(record.value()) || !token.needsRefresh(now)) {
                runSync(*s2, entityRefKey, access.value()); // a token that does not expire, or not yet
                return;
            }
            if (!token.canRefresh(now)) {
                Error e = makeError(Error::Code::Auth,
                                    tr("The GitHub sign-in of the credential \"%1\" has expired; sign in again in "
                                       "Sources → Credentials")
                                        .arg(name));
                fail(*s2, e);
                return;
            }
            qCInfo(lcSync) << "credential" << name << "expires at" << token.expiresAt << "- refreshing it";
            auto *flow = new DeviceFlow(m_network, m_clock ? m_clock : &Clock::system(), this);
            connect(flow, &DeviceFlow::finished, this, [=, this](const Result<DeviceFlowToken> &renewed) {
                flow->deleteLater();
                Slot *s3 = stillOurs();
                if (!renewed.ok()) {
                    if (s3) {
                        Error e = renewed.error();
                        e.message = tr("The GitHub token of the credential \"%1\" could not be renewed: %2")
                                        .arg(name, e.message);
                        fail(*s3, e);
                    }
                    return;
                }
                const DeviceFlowToken fresh = renewed.value();
                // Written before it is used: a crash after the refresh must not lose the only valid refresh token.
                m_tokens->write(refreshKey, fresh.refreshRecord(), [](Result<void>) {});
                m_tokens->write(tokenKey, fresh.accessToken, [=, this](Result<void> written) {
                    Slot *s4 = stillOurs();
                    if (!s4) {
                        return;
                    }
                    if (!written.ok()) {
                        qCWarning(lcSync)
                            << "credential" << name << "renewed but not stored:" << written.error().message;
                    }
                    runSync(*s4, entityRefKey, fresh.accessToken);
                });
            });
            flow->refresh(settings, token.refreshToken);
        });
    });
}

void SyncService::runSync(Slot &slot, const QString &entityRefKey, const QString &secret)
{
    slot.status.credentialMissing = !slot.config.credential.isEmpty() && secret.isEmpty();
    if (slot.cancel->load()) {
        onSourceFinished(slot.config.id, makeError(Error::Code::Cancelled, tr("Cancelled")));
        return;
    }
    if (!slot.source) {
        slot.source = SourceRegistry::create(slot.config);
        if (!slot.source) {
            onSourceFinished(slot.config.id,
                             makeError(Error::Code::Unsupported,
                                       tr("Sources of type \"%1\" are not supported").arg(slot.config.type)));
            return;
        }
        const QString id = slot.config.id;
        Source *source = slot.source.get();
        connect(source, &Source::progress, this, [this, id](qint64 done, qint64 total, const QString &phase) {
            Slot *s = slotFor(id);
            if (!s || !s->running) {
                return;
            }
            s->status.done = done;
            s->status.total = total;
            s->status.phase = phase;
            // Progress can tick thousands of times a second (one per file): the GUI hears of it ten times a second.
            if (!m_progressTimer->isActive()) {
                m_progressTimer->start();
            }
        });
        connect(source, &Source::runtimeChanged, this,
                [this, id, source](const QHash<QString, EntityRuntime> &runtime) {
                    Slot *s = slotFor(id);
                    if (s && s->source.get() == source) {
                        onRuntimeChanged(id, runtime);
                    }
                });
        connect(source, &Source::liveProblemsChanged, this, [this, id, source](const ErrorList &problems) {
            Slot *s = slotFor(id);
            if (s && s->source.get() == source) {
                s->status.liveProblems = problems;
                publishSources();
            }
        });
        connect(source, &Source::syncRequested, this, [this, id, source] {
            Slot *s = slotFor(id);
            if (s && s->source.get() == source) {
                qCInfo(lcSync) << id << "asked to be read again";
                startSync(*s);
            }
        });
        connect(source, &Source::quotaChanged, this, [this, id, source](const SourceQuota &quota) {
            Slot *s = slotFor(id);
            if (s && s->source.get() == source) {
                s->status.quota = quota;
                if (!m_progressTimer->isActive()) {
                    m_progressTimer->start();
                }
            }
        });
        connect(source, &Source::finished, this, [this, id, source](const Result<SourceResult> &result) {
            Slot *s = slotFor(id);
            if (!s || s->source.get() != source) {
                return; // a late answer from a source that was replaced
            }
            onSourceFinished(id, result);
        });
    }
    SyncContext context;
    context.network = m_network;
    context.cancel = slot.cancel.get();
    context.secret = secret;
    if (const CredentialConfig *c = m_workspace.credential(slot.config.credential); c && !c->isOAuthDevice()) {
        context.credentialKind = c->kind;
        context.credentialUser = c->user;
        context.credentialHeader = c->header;
    }
    context.workspaceRoot = m_workspace.root;
    context.dataDir =
        QDir(Paths::dataDir()).filePath(u"workspaces/"_s + m_workspace.cacheKey() + u"/sources/"_s + slot.config.id);
    context.clock = m_clock;
    context.previousRevision = slot.hasData && entityRefKey.isEmpty() ? slot.status.revision : QString();
    context.catalog = m_catalog ? m_catalog : Catalog::empty();
    context.live = m_options.live;
    QDir().mkpath(context.dataDir);
    slot.source->stopLive(); // a new sync starts its watches afresh
    slot.status.liveProblems.clear();
    qCInfo(lcSync) << "sync" << slot.config.id << (entityRefKey.isEmpty() ? "" : "for") << entityRefKey;
    if (!entityRefKey.isEmpty()) {
        const auto it = std::find_if(slot.entities.begin(), slot.entities.end(),
                                     [&](const Entity &e) { return e.key() == entityRefKey; });
        if (it != slot.entities.end()) {
            slot.source->refreshEntity(*it, slot.entities, context);
            return;
        }
    }
    slot.source->sync(context);
}

void SyncService::onSourceFinished(const QString &sourceId, const Result<SourceResult> &result)
{
    Slot *slot = slotFor(sourceId);
    if (!slot || !slot->running) {
        return;
    }
    slot->running = false;
    slot->status.done = 0;
    slot->status.total = 0;
    slot->status.phase.clear();
    if (!result.ok()) {
        if (result.error().code == Error::Code::Cancelled) {
            slot->status.state = slot->status.error.message.isEmpty()
                                     ? (slot->hasData ? SourceStatus::State::Ok : SourceStatus::State::Idle)
                                     : SourceStatus::State::Failed;
            slot->status.message = tr("Cancelled; the last good data is kept");
            scheduleNext(*slot);
            publishSources();
            updateProgress();
            Q_EMIT sourceFinished(sourceId, false, result.error());
        } else {
            fail(*slot, result.error());
        }
    } else if (result->unchanged && slot->hasData) {
        keepUnchanged(*slot, result.value());
    } else {
        SourceResult r = result.value();
        // The deletion guard: a sync that would remove more than the allowed share of what the source had is
        // more likely a broken upstream (an empty answer, a moved folder) than a real clean-up.
        QSet<QString> newKeys;
        newKeys.reserve(qsizetype(r.entities.size()));
        for (const Entity &e : r.entities) {
            newKeys.insert(e.key());
        }
        QStringList removed;
        QSet<QString> oldKeys;
        for (const Entity &e : slot->entities) {
            oldKeys.insert(e.key());
            if (!newKeys.contains(e.key())) {
                removed.append(e.refString());
            }
        }
        const int before = int(slot->entities.size());
        if (slot->hasData && before > 0 && !m_options.acceptDeletions
            && double(removed.size()) > slot->config.maxDeletionShare * double(before)) {
            QStringList added;
            for (const Entity &e : r.entities) {
                if (!oldKeys.contains(e.key())) {
                    added.append(e.refString());
                }
            }
            removed.sort();
            added.sort();
            slot->pending = {
                sourceId,       slot->config.displayName(),   before, int(r.entities.size()), removed, added,
                m_clock->now(), slot->config.maxDeletionShare};
            slot->held = std::move(r);
            slot->status.state = SourceStatus::State::Held;
            slot->status.pendingRemovals = int(removed.size());
            slot->status.lastAttempt = m_clock->now();
            slot->status.message = tr("Held back: this sync would remove %1 of %2 entities; accept or reject it")
                                       .arg(removed.size())
                                       .arg(before);
            qCWarning(lcSync) << "source" << sourceId << "sync held: it would remove" << removed.size() << "of"
                              << before << "entities";
            if (m_cache) {
                SourceState state;
                state.id = sourceId;
                state.kind = slot->config.type;
                state.status = u"held"_s;
                state.message = slot->status.message;
                state.lastAttempt = slot->status.lastAttempt;
                (void)CatalogStore(*m_cache).recordAttempt(state);
            }
            scheduleNext(*slot);
            publishSources();
            publishPending();
            updateProgress();
            Error e = makeError(Error::Code::Conflict, slot->status.message);
            e.severity = Error::Severity::Warning;
            Q_EMIT sourceFinished(sourceId, false, e);
        } else {
            slot->held.reset();
            slot->status.pendingRemovals = 0;
            commit(*slot, std::move(r));
            publishPending();
        }
    }
    if (slot->again) {
        slot->again = false;
        const QString entity = slot->againEntity;
        slot->againEntity.clear();
        startSync(*slot, entity);
    }
    checkIdle();
}

void SyncService::commit(Slot &slot, SourceResult result)
{
    const QDateTime now = m_clock->now();
    slot.entities = std::move(result.entities);
    slot.problems = std::move(result.problems);
    slot.hasData = true;
    slot.syncedThisRun = true;
    slot.status.state = SourceStatus::State::Ok;
    slot.status.failures = 0;
    slot.status.error = {};
    slot.status.lastAttempt = now;
    slot.status.lastSuccess = now;
    slot.status.revision = result.revision;
    slot.status.message = result.message;
    slot.status.entityCount = int(slot.entities.size());
    if (result.quota.isKnown()) {
        slot.status.quota = result.quota;
    }
    const bool liveBefore = !slot.live.isEmpty();
    slot.live = {std::move(result.github), std::move(result.runtime), std::move(result.ops)};
    slot.liveDirty = false;
    if (liveBefore || !slot.live.isEmpty()) {
        schedulePublishLive();
    }
    int problemCount = 0;
    for (const Error &p : std::as_const(slot.problems)) {
        problemCount += p.isError() ? 1 : 0;
    }
    slot.status.problemCount = problemCount;
    if (ensureCache()) {
        SourceState state;
        state.id = slot.config.id;
        state.kind = slot.config.type;
        state.lastSync = now;
        state.lastAttempt = now;
        state.status = u"ok"_s;
        state.message = result.message;
        state.entityCount = slot.status.entityCount;
        state.revision = result.revision;
        const auto written =
            CatalogStore(*m_cache).replaceSnapshot(state, slot.entities, slot.problems, nullptr, slot.live);
        if (!written.ok()) {
            Q_EMIT failed(written.error()); // the catalog still shows the new data; the cache keeps the old
        } else {
            // The descriptor texts are in the cache now, where the entity view reads them, as after a start from
            // the cache: the catalog does not hold them.
            for (Entity &e : slot.entities) {
                e.raw = QByteArray();
            }
        }
    }
    if (slot.config.type == u"files"_s) {
        watchFiles(slot, result.files);
    }
    qCInfo(lcSync) << "source" << slot.config.id << "synced:" << slot.entities.size() << "entities";
    scheduleNext(slot);
    scheduleRebuild();
    publishSources();
    updateProgress();
    Q_EMIT sourceFinished(slot.config.id, true, {});
}

void SyncService::keepUnchanged(Slot &slot, const SourceResult &result)
{
    // A successful sync that found nothing new: the data is as fresh as now, and nothing is rewritten.
    const QDateTime now = m_clock->now();
    slot.syncedThisRun = true;
    slot.status.state = SourceStatus::State::Ok;
    slot.status.failures = 0;
    slot.status.error = {};
    slot.status.lastAttempt = now;
    slot.status.lastSuccess = now;
    slot.status.message = result.message;
    if (result.quota.isKnown()) {
        slot.status.quota = result.quota;
    }
    // The descriptors did not change, but live data (CI runs, pods) may have.
    if (!result.github.isEmpty() || !result.runtime.isEmpty() || !result.ops.isEmpty()) {
        slot.live = {result.github, result.runtime, result.ops};
        slot.liveDirty = true;
        saveLive();
        schedulePublishLive();
    }
    if (ensureCache()) {
        SourceState state;
        state.id = slot.config.id;
        state.kind = slot.config.type;
        state.lastSync = now;
        state.lastAttempt = now;
        state.status = u"ok"_s;
        state.message = result.message;
        state.entityCount = int(slot.entities.size());
        state.revision = slot.status.revision;
        const auto recorded = CatalogStore(*m_cache).recordSuccess(state);
        if (!recorded.ok()) {
            Q_EMIT failed(recorded.error());
        }
    }
    qCInfo(lcSync) << "source" << slot.config.id << "unchanged at" << slot.status.revision;
    scheduleNext(slot);
    publishSources();
    updateProgress();
    Q_EMIT sourceFinished(slot.config.id, true, {});
}

void SyncService::fail(Slot &slot, const Error &error)
{
    slot.running = false;
    slot.status.state = SourceStatus::State::Failed;
    slot.status.error = error;
    slot.status.failures += 1;
    slot.status.lastAttempt = m_clock->now();
    slot.status.message = error.message;
    slot.status.done = 0;
    slot.status.total = 0;
    slot.status.phase.clear();
    qCWarning(lcSync) << "source" << slot.config.id << "failed:" << error.message << error.detail.left(300);
    if (ensureCache()) {
        SourceState state;
        state.id = slot.config.id;
        state.kind = slot.config.type;
        state.status = u"error"_s;
        state.message = error.message;
        state.error = error.message;
        state.lastAttempt = slot.status.lastAttempt;
        const auto recorded = CatalogStore(*m_cache).recordAttempt(state);
        if (!recorded.ok()) {
            Q_EMIT failed(recorded.error());
        }
    }
    scheduleNext(slot);
    publishSources();
    updateProgress();
    Q_EMIT sourceFinished(slot.config.id, false, error);
    checkIdle();
}

void SyncService::scheduleNext(Slot &slot)
{
    if (!slot.timer) {
        return;
    }
    slot.timer->stop();
    slot.status.nextSync = {};
    if (!m_options.schedule || !slot.inConfig || !slot.config.enabled) {
        return;
    }
    qint64 seconds = 0;
    if (slot.status.state == SourceStatus::State::Failed && slot.status.failures > 0) {
        const int exponent = std::min(slot.status.failures - 1, 20);
        seconds = std::min<qint64>(qint64(m_options.backoffBaseSeconds) << exponent, m_options.backoffMaxSeconds);
        seconds = std::max<qint64>(seconds, slot.status.error.retryAfterSeconds);
    } else if (slot.config.refreshSeconds > 0) {
        seconds = slot.config.refreshSeconds;
    } else {
        return;
    }
    // Jitter (±10%) so a whole company's desktops do not hit an API in the same second.
    const double jitter = 0.9 + 0.2 * QRandomGenerator::global()->generateDouble();
    const qint64 msecs = std::max<qint64>(1000, qint64(double(seconds) * 1000.0 * jitter));
    slot.status.nextSync = m_clock->now().addMSecs(msecs);
    slot.timer->start(int(std::min<qint64>(msecs, std::numeric_limits<int>::max())));
}

void SyncService::scheduleRebuild()
{
    if (m_rebuildTimer) {
        m_rebuildTimer->start();
    }
}

void SyncService::rebuild()
{
    if (m_rebuildTimer) {
        m_rebuildTimer->stop();
    }
    if (!needsCatalog()) {
        return;
    }
    std::size_t total = 0;
    for (const auto &[id, slot] : m_slots) {
        total += slot->entities.size();
    }
    std::vector<Entity> entities;
    entities.reserve(total);
    ErrorList problems = m_configProblems;
    QList<SourceState> states;
    bool allFromCache = true;
    for (const auto &[id, slot] : m_slots) {
        entities.insert(entities.end(), slot->entities.begin(), slot->entities.end());
        problems += slot->problems;
        SourceState s;
        s.id = id;
        s.kind = slot->config.type;
        s.lastSync = slot->status.lastSuccess;
        s.lastAttempt = slot->status.lastAttempt;
        s.status = SourceStatus::stateName(slot->status.state);
        s.message = slot->status.message;
        s.entityCount = int(slot->entities.size());
        s.revision = slot->status.revision;
        s.error = slot->status.error.message;
        states.append(s);
        // A source synced in this run makes the catalog fresh, not "from cache".
        allFromCache = allFromCache && !slot->syncedThisRun;
    }
    // Catalog::build makes the orders the catalog table and queries open with. The other orders are built on
    // first use; they are built on the background pool as soon as the catalog is sent, so the first paint does not
    // wait for them and a later click on a column header rarely does.
    QElapsedTimer timer;
    timer.start();
    Catalog::Ptr catalog = Catalog::build(std::move(entities), std::move(problems));
    qCInfo(lcCatalog) << "catalog of" << catalog->size() << "entities built in" << timer.elapsed() << "ms";
    m_catalog = catalog;
    for (const auto &[id, slot] : m_slots) {
        if (slot->source) {
            slot->source->catalogChanged(catalog);
        }
    }
    if (m_options.buildCatalog) {
        Q_EMIT catalogReady(catalog, states, allFromCache);
        publishLive(); // its facet columns follow the new catalog's indexes
        m_sortOrders.waitForFinished();
        m_sortOrders = QtConcurrent::run(backgroundPool(), [catalog] {
            lowerCurrentThreadPriority();
            catalog->prepareSortOrders();
        });
    }
    releaseWaiting();
}

void SyncService::schedulePublishLive()
{
    if (m_liveTimer && !m_liveTimer->isActive()) {
        m_liveTimer->start();
    }
}

void SyncService::publishLive()
{
    if (m_liveTimer) {
        m_liveTimer->stop();
    }
    if (!m_options.buildCatalog) {
        return;
    }
    auto live = std::make_shared<LiveSnapshot>();
    // Sources in id order (m_slots is a map): when two github sources read the same repository, the newer read wins;
    // runtimes of one entity from several clusters are merged.
    for (const auto &[id, slot] : m_slots) {
        for (auto it = slot->live.github.cbegin(); it != slot->live.github.cend(); ++it) {
            const auto existing = live->github.constFind(it.key());
            if (existing == live->github.cend() || existing->fetchedAt < it->fetchedAt) {
                live->github.insert(it.key(), it.value());
            }
        }
        for (auto it = slot->live.runtime.cbegin(); it != slot->live.runtime.cend(); ++it) {
            auto existing = live->runtime.find(it.key());
            if (existing == live->runtime.end()) {
                live->runtime.insert(it.key(), it.value());
            } else {
                existing->merge(it.value());
            }
        }
        for (auto it = slot->live.ops.cbegin(); it != slot->live.ops.cend(); ++it) {
            auto existing = live->ops.find(it.key());
            if (existing == live->ops.end()) {
                EntityOps merged;
                merged.merge(it.value()); // sorts the alerts
                live->ops.insert(it.key(), merged);
            } else {
                existing->merge(it.value());
            }
        }
    }
    live->generation = ++m_liveGeneration;
    if (m_catalog) {
        live->catalog = m_catalog.get();
        const int n = m_catalog->size();
        live->ciByIndex.assign(std::size_t(n), 0);
        live->healthByIndex.assign(std::size_t(n), 0);
        for (auto it = live->github.cbegin(); it != live->github.cend(); ++it) {
            const int index = m_catalog->indexOf(it.key());
            if (index >= 0) {
                live->ciByIndex[std::size_t(index)] = std::int8_t(it->ciState());
            }
        }
        for (auto it = live->runtime.cbegin(); it != live->runtime.cend(); ++it) {
            const int index = m_catalog->indexOf(it.key());
            if (index >= 0) {
                live->healthByIndex[std::size_t(index)] = std::int8_t(it->health);
            }
        }
        // Firing alerts make an entity's health worse (a critical one: failed), with or without a runtime.
        for (auto it = live->ops.cbegin(); it != live->ops.cend(); ++it) {
            const int index = m_catalog->indexOf(it.key());
            if (index >= 0) {
                auto &health = live->healthByIndex[std::size_t(index)];
                health = std::int8_t(worse(Health(health), it->alertHealth()));
            }
        }
    }
    Q_EMIT liveChanged(live);
}

void SyncService::onRuntimeChanged(const QString &sourceId, const QHash<QString, EntityRuntime> &runtime)
{
    Slot *slot = slotFor(sourceId);
    if (!slot) {
        return;
    }
    for (auto it = runtime.cbegin(); it != runtime.cend(); ++it) {
        if (it->isEmpty() && it->problems.isEmpty()) {
            slot->live.runtime.remove(it.key());
        } else {
            slot->live.runtime.insert(it.key(), it.value());
        }
    }
    slot->liveDirty = true;
    if (m_liveSaveTimer && !m_liveSaveTimer->isActive()) {
        m_liveSaveTimer->start();
    }
    schedulePublishLive();
}

void SyncService::saveLive()
{
    if (!m_cache) {
        return;
    }
    for (auto &[id, slot] : m_slots) {
        if (!slot->liveDirty || !slot->hasData) {
            continue;
        }
        slot->liveDirty = false;
        const auto written = CatalogStore(*m_cache).replaceLive(id, slot->live);
        if (!written.ok()) {
            Q_EMIT failed(written.error());
        }
    }
}

void SyncService::publishSources()
{
    if (m_progressTimer) {
        m_progressTimer->stop(); // this publication carries the latest progress too
    }
    QList<SourceStatus> out;
    for (const auto &[id, slot] : m_slots) {
        SourceStatus s = slot->status;
        if (s.config.id.isEmpty()) {
            s.config = slot->config;
        }
        s.entityCount = int(slot->entities.size());
        out.append(s);
    }
    // The workspace's own order: shared sources as listed, then the user's, then leftovers.
    std::stable_sort(out.begin(), out.end(), [this](const SourceStatus &a, const SourceStatus &b) {
        const auto index = [this](const QString &id) {
            for (qsizetype i = 0; i < m_workspace.sources.size(); ++i) {
                if (m_workspace.sources.at(i).id == id) {
                    return i;
                }
            }
            return m_workspace.sources.size();
        };
        return index(a.config.id) < index(b.config.id);
    });
    Q_EMIT sourcesChanged(out);
}

void SyncService::publishPending()
{
    QList<PendingDeletions> out;
    for (const auto &[id, slot] : m_slots) {
        if (slot->held) {
            out.append(slot->pending);
        }
    }
    Q_EMIT pendingDeletionsChanged(out);
}

void SyncService::updateProgress()
{
    int running = 0;
    qint64 done = 0;
    qint64 total = 0;
    bool determinate = true;
    QString phase;
    for (const auto &[id, slot] : m_slots) {
        if (!slot->running) {
            continue;
        }
        ++running;
        done += slot->status.done;
        total += slot->status.total;
        determinate = determinate && slot->status.total > 0;
        phase = tr("Syncing %1: %2").arg(slot->config.displayName(), slot->status.phase);
    }
    if (m_workspaceSyncRunning) {
        ++running;
        determinate = false;
        phase = tr("Pulling the workspace configuration");
    }
    if (running == 0 && holding()) {
        ++running;
        determinate = false;
        phase = tr("Showing the cached catalog; the sync starts next");
    }
    if (running > 1) {
        phase = tr("Syncing %n source(s)", nullptr, running);
    }
    if (running == 0) {
        Q_EMIT progress(0, 0, {});
        return;
    }
    // Scaled to int for progress bars; 0/0 means busy without a known size.
    if (!determinate || total <= 0) {
        Q_EMIT progress(0, 0, phase);
    } else {
        Q_EMIT progress(int(done * 1000 / total), 1000, phase);
    }
}

void SyncService::checkIdle()
{
    // Sources waiting for the catalog go once its builders are done: after the rebuild when one is coming, else now.
    if (!m_rebuildTimer || !m_rebuildTimer->isActive()) {
        releaseWaiting();
    }
    if (m_workspaceSyncRunning || holding()) {
        return;
    }
    for (const auto &[id, slot] : m_slots) {
        if (slot->running) {
            return;
        }
    }
    if (m_rebuildTimer && m_rebuildTimer->isActive()) {
        rebuild(); // listeners of idle() expect the catalog they get next to be current
    }
    Q_EMIT idle();
}

void SyncService::acceptPendingDeletions(const QString &sourceId)
{
    Slot *slot = slotFor(sourceId);
    if (!slot || !slot->held) {
        return;
    }
    SourceResult r = std::move(*slot->held);
    slot->held.reset();
    slot->status.pendingRemovals = 0;
    qCInfo(lcSync) << "source" << sourceId << "held sync accepted";
    commit(*slot, std::move(r));
    publishPending();
}

void SyncService::rejectPendingDeletions(const QString &sourceId)
{
    Slot *slot = slotFor(sourceId);
    if (!slot || !slot->held) {
        return;
    }
    slot->held.reset();
    slot->status.pendingRemovals = 0;
    slot->status.state = SourceStatus::State::Ok;
    slot->status.message = tr("Deletions rejected; the last good data is kept");
    qCInfo(lcSync) << "source" << sourceId << "held sync rejected";
    publishSources();
    publishPending();
}

void SyncService::credentialChanged(const QString &credentialName)
{
    m_secrets.remove(credentialName);
    for (auto &[id, slot] : m_slots) {
        if (slot->config.credential == credentialName && slot->inConfig
            && (slot->status.state == SourceStatus::State::Failed || slot->status.credentialMissing)) {
            startSync(*slot);
        }
    }
}

void SyncService::reloadConfiguration()
{
    m_workspace = Workspace::reread(m_workspace);
    Q_EMIT workspaceChanged(m_workspace);
    applyConfiguration(m_workspace);
    for (Slot *slot : roundOrder()) {
        if (slot->inConfig && slot->config.enabled && !slot->running && !slot->source) {
            startSync(*slot);
        }
    }
    checkIdle();
}

// Watches the files a `files` source read and their folders (new files appear as folder changes), in place of what
// it watched before.
void SyncService::watchFiles(Slot &slot, const QStringList &files)
{
    if (!m_watcher) {
        return;
    }
    if (!slot.watched.isEmpty()) {
        m_watcher->removePaths(slot.watched);
    }
    slot.watched.clear();
    QStringList paths;
    QSet<QString> dirs;
    for (const QString &f : files) {
        if (f.startsWith(u':')) {
            continue; // resources never change
        }
        dirs.insert(QFileInfo(f).absolutePath());
        if (paths.size() < maxWatchedFiles) {
            paths.append(f);
        }
    }
    for (const QString &d : std::as_const(dirs)) {
        paths.append(d);
    }
    if (paths.isEmpty()) {
        return;
    }
    const QStringList failedPaths = m_watcher->addPaths(paths);
    const QSet<QString> failedSet(failedPaths.begin(), failedPaths.end());
    for (const QString &p : std::as_const(paths)) {
        if (!failedSet.contains(p)) {
            slot.watched.append(p);
        }
    }
}

void SyncService::syncWorkspaceRepository()
{
    if (m_workspaceSyncRunning) {
        return;
    }
    m_workspaceSyncRunning = true;
    m_wasBusy = true;
    m_workspaceCancel = std::make_shared<std::atomic_bool>(false);
    updateProgress();
    GitRepository::Options options;
    options.url = m_workspace.gitUrl;
    options.branch = m_workspace.gitBranch;
    options.directory = m_workspace.root;
    const auto cancel = m_workspaceCancel;
    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    connect(watcher, &QFutureWatcher<Result<QString>>::finished, this, [this, watcher] {
        const Result<QString> commit = watcher->result();
        watcher->deleteLater();
        m_workspaceSyncRunning = false;
        if (commit.ok()) {
            qCInfo(lcSync) << "workspace repository at" << commit.value();
            m_workspace = Workspace::reread(m_workspace);
            Q_EMIT workspaceChanged(m_workspace);
            applyConfiguration(m_workspace);
        } else if (commit.error().code != Error::Code::Cancelled) {
            Error e = commit.error();
            e.message = tr("The workspace repository could not be updated: %1").arg(e.message);
            Q_EMIT failed(e);
        }
        for (Slot *slot : roundOrder()) {
            if (slot->inConfig && slot->config.enabled) {
                startSync(*slot);
            }
        }
        updateProgress();
        checkIdle();
    });
    watcher->setFuture(QtConcurrent::run(Source::blockingPool(),
                                         [options, cancel] { return GitRepository(options).update(cancel.get()); }));
}

} // namespace Portolan::Core
