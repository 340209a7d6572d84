#include "KubernetesSource.h"

#include "KubeCredentials.h"
#include "KubeLogging.h"
#include "KubeNamespaces.h"
#include "util/Clock.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

struct KubernetesSource::Target
{
    KubeResource resource;
    QString ns;
    QString resourceVersion;
    bool listed = false;
    bool skipped = false; // 403 or 404: not watched
    QSet<KubeRef> seen; // during a list: what it named so far
    std::optional<Error> liveProblem;
};

struct KubernetesSource::ContextState
{
    QString name;
    QString display;
    KubeEndpoint endpoint;
    std::unique_ptr<KubeClient> client;
    KubeStore store;
    std::vector<std::unique_ptr<Target>> targets;
    QList<KubeClusterProblem> problems;
    ErrorList errors; // list failures other than 403/404
    int pending = 0;
    bool failed = false;
    bool finished = false;
    // Namespaces with a time to live (KubeNamespaces), listed once per sync and not watched.
    QList<QJsonObject> ttlNamespaces;
    std::optional<Error> namespacesProblem; // the list failed (a 403 for most developers): no TTLs from here
};

namespace {

// A string or a list of strings; nothing when the value is of another type.
std::optional<QStringList> stringList(const QVariant &value)
{
    if (!value.isValid() || value.isNull()) {
        return QStringList();
    }
    if (value.typeId() == QMetaType::QString) {
        const QString s = value.toString().trimmed();
        return s.isEmpty() ? QStringList() : QStringList{s};
    }
    if (value.typeId() == QMetaType::QStringList) {
        return value.toStringList();
    }
    if (value.typeId() == QMetaType::QVariantList) {
        QStringList out;
        for (const QVariant &v : value.toList()) {
            if (v.typeId() != QMetaType::QString || v.toString().trimmed().isEmpty()) {
                return std::nullopt;
            }
            out.append(v.toString().trimmed());
        }
        return out;
    }
    return std::nullopt;
}

} // namespace

KubernetesSource::KubernetesSource(SourceConfig config, QObject *parent)
    : Source(std::move(config), parent)
{ }

KubernetesSource::~KubernetesSource()
{
    stopLive();
}

Error KubernetesSource::configError(const QString &message, const QString &field) const
{
    Error e = makeError(Error::Code::Config, message);
    e.file = m_config.configFile;
    e.line = m_config.line;
    e.field = field;
    return e;
}

Result<KubernetesSource::Settings> KubernetesSource::settings(const QString &workspaceRoot) const
{
    Settings s;
    const QVariantMap &options = m_config.options;
    const std::optional<QStringList> files = stringList(options.value(u"kubeconfig"_s));
    if (!files) {
        return configError(
            tr("The kubernetes source %1: kubeconfig must be a path or a list of paths").arg(m_config.displayName()),
            u"options.kubeconfig"_s);
    }
    for (const QString &file : *files) {
        QString path = file;
        if (path == u"~"_s || path.startsWith(u"~/"_s)) {
            path = QDir::homePath() + path.mid(1);
        } else if (QDir::isRelativePath(path) && !workspaceRoot.isEmpty()) {
            path = QDir(workspaceRoot).absoluteFilePath(path);
        }
        s.kubeconfigFiles.append(QDir::cleanPath(path));
    }
    if (s.kubeconfigFiles.isEmpty()) {
        s.kubeconfigFiles = KubeConfig::defaultFiles();
    }
    const std::optional<QStringList> contexts = stringList(options.value(u"contexts"_s));
    if (!contexts) {
        return configError(tr("The kubernetes source %1: contexts must be a list of kubeconfig context names")
                               .arg(m_config.displayName()),
                           u"options.contexts"_s);
    }
    s.contexts = *contexts;
    s.contexts.removeDuplicates();
    const std::optional<QStringList> namespaces = stringList(options.value(u"namespaces"_s));
    if (!namespaces) {
        return configError(
            tr("The kubernetes source %1: namespaces must be a list of namespace names").arg(m_config.displayName()),
            u"options.namespaces"_s);
    }
    s.namespaces = *namespaces;
    s.namespaces.removeDuplicates();
    const QVariant environments = options.value(u"environments"_s);
    if (environments.isValid() && !environments.isNull()) {
        if (environments.typeId() != QMetaType::QVariantMap) {
            return configError(tr("The kubernetes source %1: environments must map context names to display names")
                                   .arg(m_config.displayName()),
                               u"options.environments"_s);
        }
        const QVariantMap map = environments.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (it.value().typeId() != QMetaType::QString) {
                return configError(tr("The kubernetes source %1: the environment name of context %2 must be text")
                                       .arg(m_config.displayName(), it.key()),
                                   u"options.environments.%1"_s.arg(it.key()));
            }
            s.environments.insert(it.key(), it.value().toString());
        }
    }
    // Knobs for tests and slow clusters.
    const auto number = [&options](const char *key, int fallback) {
        bool ok = false;
        const int value = options.value(QString::fromLatin1(key)).toInt(&ok);
        return ok && value > 0 ? value : fallback;
    };
    s.client.pageSize = number("pageSize", s.client.pageSize);
    s.client.watchTimeoutSeconds = number("watchTimeoutSeconds", s.client.watchTimeoutSeconds);
    s.client.backoffStartMs = number("backoffMs", s.client.backoffStartMs);
    s.client.requestTimeoutMs = number("timeout", s.client.requestTimeoutMs / 1000) * 1000;
    return s;
}

qsizetype KubernetesSource::podCount() const
{
    qsizetype count = 0;
    for (const auto &c : m_contexts) {
        count += c->store.podCount();
    }
    return count;
}

void KubernetesSource::stopLive()
{
    m_live = false;
    for (const auto &c : m_contexts) {
        if (c->client) {
            c->client->stopAll();
        }
    }
    if (m_flushTimer) {
        m_flushTimer->stop();
    }
    delete m_fileWatcher;
    m_fileWatcher = nullptr;
    m_dirty.clear();
}

void KubernetesSource::sync(const SyncContext &context)
{
    stopLive();
    const quint64 generation = ++m_generation;
    m_contexts.clear();
    m_syncContext = context;
    m_catalog = context.catalog;
    m_syncProblems.clear();
    m_mapped = false;
    m_published.clear();
    m_stats = {};

    Result<Settings> settings = this->settings(context.workspaceRoot);
    if (!settings.ok()) {
        finishLater(generation, settings.error());
        return;
    }
    m_settings = std::move(settings).value();
    if (!context.network) {
        finishLater(generation, makeError(Error::Code::Internal, tr("No network manager for %1").arg(m_config.id)));
        return;
    }
    Result<KubeConfig> loaded = KubeConfig::load(m_settings.kubeconfigFiles);
    if (!loaded.ok()) {
        Error e = loaded.error();
        if (e.field.isEmpty() && e.file.isEmpty()) {
            e.file = m_config.configFile;
            e.line = m_config.line;
            e.field = u"options.kubeconfig"_s;
        }
        finishLater(generation, e);
        return;
    }
    auto config = std::make_shared<KubeConfig>(std::move(loaded).value());
    m_kubeconfigFiles = config->files();
    m_syncProblems += config->problems();
    QStringList contexts = m_settings.contexts;
    if (contexts.isEmpty()) {
        if (config->currentContext().isEmpty()) {
            finishLater(generation, configError(tr("The kubeconfig %1 sets no current context; name the contexts to "
                                                   "read in the source's options")
                                                    .arg(m_kubeconfigFiles.join(u", "_s)),
                                                u"options.contexts"_s));
            return;
        }
        contexts = {config->currentContext()};
    }
    if (!m_credentials) {
        m_credentials = std::make_unique<KubeCredentials>(context.clock);
    }
    m_pendingContexts = int(contexts.size());
    m_targetsTotal =
        qint64(contexts.size()) * (kubeResources().size() * std::max<qsizetype>(1, m_settings.namespaces.size()) + 1);
    m_targetsDone = 0;
    Q_EMIT progress(0, m_targetsTotal, tr("Connecting"));
    for (const QString &name : std::as_const(contexts)) {
        auto state = std::make_unique<ContextState>();
        state->name = name;
        state->display = m_settings.environments.value(name, name);
        ContextState *raw = state.get();
        m_contexts.push_back(std::move(state));
        startContext(raw, config, generation);
    }
}

void KubernetesSource::startContext(ContextState *state, const std::shared_ptr<KubeConfig> &config, quint64 generation)
{
    const auto fail = [this, state, generation](const Error &error) {
        state->failed = true;
        state->errors.append(error);
        QTimer::singleShot(0, this, [this, generation] { contextDone(generation); });
    };
    Result<KubeEndpoint> endpoint = config->endpoint(state->name);
    if (!endpoint.ok()) {
        fail(endpoint.error());
        return;
    }
    m_syncProblems += endpoint.value().warnings;
    QPointer<KubernetesSource> self(this);
    m_credentials->resolve(endpoint.value(), [self, state, generation, fail](Result<KubeEndpoint> resolved) {
        if (!self || generation != self->m_generation) {
            return;
        }
        if (!resolved.ok()) {
            fail(resolved.error());
            return;
        }
        state->endpoint = std::move(resolved).value();
        state->client =
            std::make_unique<KubeClient>(self->m_syncContext.network, state->endpoint, self->m_settings.client);
        if (self->m_syncContext.clock) {
            state->client->setClock(self->m_syncContext.clock);
        }
        state->client->setReauthenticate([self, state](std::function<void(Result<KubeEndpoint>)> done) {
            if (!self) {
                return;
            }
            self->m_credentials->invalidate(state->endpoint);
            self->m_credentials->resolve(state->endpoint, std::move(done));
        });
        self->listAll(state, generation);
    });
}

void KubernetesSource::listAll(ContextState *state, quint64 generation)
{
    const QStringList namespaces = m_settings.namespaces.isEmpty() ? QStringList{QString()} : m_settings.namespaces;
    for (const KubeResource &resource : kubeResources()) {
        for (const QString &ns : namespaces) {
            auto target = std::make_unique<Target>();
            target->resource = resource;
            target->ns = ns;
            state->targets.push_back(std::move(target));
        }
    }
    state->pending = int(state->targets.size()) + 1;
    for (const auto &target : state->targets) {
        Target *raw = target.get();
        state->client->list(
            raw->resource, raw->ns, handlerFor(state, raw),
            [this, state, raw, generation](Result<QString> version) { targetListed(state, raw, version, generation); },
            m_syncContext.cancel);
    }
    // The namespaces with a time to live: one list, not watched (they change when an action makes or extends one,
    // and the next sync reads them again).
    KubeWatchHandler ttlHandler;
    ttlHandler.page = [state](KubeKind, const QJsonArray &items) {
        for (const QJsonValue &item : items) {
            if (KubeNamespaces::hasTimeToLive(item.toObject())) {
                state->ttlNamespaces.append(item.toObject());
            }
        }
    };
    ttlHandler.restart = [state] { state->ttlNamespaces.clear(); };
    state->client->list(
        KubeNamespaces::resource(), {}, ttlHandler,
        [this, state, generation](Result<QString> version) {
            if (generation != m_generation) {
                return;
            }
            ++m_targetsDone;
            Q_EMIT progress(m_targetsDone, m_targetsTotal, tr("Listed namespaces on %1").arg(state->name));
            if (!version.ok() && version.error().code != Error::Code::Cancelled) {
                state->ttlNamespaces.clear();
                state->namespacesProblem = version.error();
            }
            if (--state->pending == 0) {
                contextListed(state, generation);
            }
        },
        m_syncContext.cancel);
}

KubeWatchHandler KubernetesSource::handlerFor(ContextState *state, Target *target)
{
    KubeWatchHandler handler;
    const quint64 generation = m_generation;
    QPointer<KubernetesSource> self(this);
    handler.page = [self, state, target, generation](KubeKind kind, const QJsonArray &items) {
        if (!self || generation != self->m_generation) {
            return;
        }
        for (const QJsonValue &item : items) {
            const QJsonObject object = item.toObject();
            target->seen.insert(KubeStore::refOf(kind, object));
            self->applyObject(state, kind, object, false, self->m_mapped);
        }
    };
    handler.restart = [target] { target->seen.clear(); };
    handler.listed = [self, state, target, generation](const QString &version) {
        if (!self || generation != self->m_generation) {
            return;
        }
        target->resourceVersion = version;
        // Objects the list did not name are gone (a relist after 410).
        const QList<KubeRef> present = state->store.refs(target->resource.kind, target->ns);
        for (const KubeRef &ref : present) {
            if (!target->seen.contains(ref)) {
                QJsonObject object{{u"metadata"_s, QJsonObject{{u"namespace"_s, ref.ns}, {u"name"_s, ref.name}}}};
                self->applyObject(state, ref.kind, object, true, self->m_mapped);
            }
        }
        target->seen.clear();
    };
    handler.event = [self, state, generation](KubeKind kind, const QByteArray &type, const QJsonObject &object) {
        if (!self || generation != self->m_generation) {
            return;
        }
        ++self->m_stats.events;
        self->applyObject(state, kind, object, type == "DELETED", true);
    };
    handler.state = [self, target, generation](const std::optional<Error> &problem) {
        if (!self || generation != self->m_generation) {
            return;
        }
        target->liveProblem = problem;
        self->publishLiveProblems();
    };
    return handler;
}

void KubernetesSource::applyObject(ContextState *state, KubeKind kind, const QJsonObject &object, bool deleted,
                                   bool track)
{
    const KubeRef ref = KubeStore::refOf(kind, object);
    if (!track) {
        if (deleted) {
            state->store.remove(ref);
        } else {
            state->store.putObject(kind, object);
        }
        return;
    }
    const KubeCluster cluster{state->name, state->display, &state->store, state->problems};
    QSet<QString> affected;
    m_mapper.collectAffected(cluster, ref, affected);
    if (deleted) {
        state->store.remove(ref);
    } else {
        state->store.putObject(kind, object);
    }
    m_mapper.collectAffected(cluster, ref, affected);
    markDirty(affected);
}

void KubernetesSource::markDirty(const QSet<QString> &entities)
{
    if (entities.isEmpty() || !m_mapped) {
        return;
    }
    m_dirty += entities;
    if (!m_live) {
        return;
    }
    if (!m_flushTimer) {
        m_flushTimer = new QTimer(this);
        m_flushTimer->setSingleShot(true);
        connect(m_flushTimer, &QTimer::timeout, this, &KubernetesSource::flush);
    }
    if (!m_flushTimer->isActive()) {
        m_flushTimer->start(batchMs);
    }
}

void KubernetesSource::flush()
{
    if (m_dirty.isEmpty() || !m_live) {
        return;
    }
    QElapsedTimer timer;
    timer.start();
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    const QDateTime now = (m_syncContext.clock ? m_syncContext.clock : &Clock::system())->now();
    QHash<QString, EntityRuntime> changed = m_mapper.remap(dirty, clusters(), now);
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        if (it->isEmpty() && it->problems.isEmpty()) {
            m_published.remove(it.key());
        } else {
            m_published.insert(it.key());
        }
    }
    const qint64 ns = timer.nsecsElapsed();
    ++m_stats.batches;
    m_stats.remappedEntities += changed.size();
    m_stats.totalBatchNs += ns;
    m_stats.maxBatchNs = std::max(m_stats.maxBatchNs, ns);
    if (!changed.isEmpty()) {
        Q_EMIT runtimeChanged(changed);
    }
}

void KubernetesSource::targetListed(ContextState *state, Target *target, const Result<QString> &version,
                                    quint64 generation)
{
    if (generation != m_generation) {
        return;
    }
    ++m_targetsDone;
    Q_EMIT progress(m_targetsDone, m_targetsTotal,
                    target->ns.isEmpty()
                        ? tr("Listed %1 on %2").arg(target->resource.plural, state->name)
                        : tr("Listed %1 in %2 on %3").arg(target->resource.plural, target->ns, state->name));
    if (version.ok()) {
        target->listed = true;
    } else {
        const Error &e = version.error();
        target->skipped = true;
        if (e.httpStatus == 403 || e.httpStatus == 404) {
            state->problems.append({target->ns, e});
        } else if (e.code != Error::Code::Cancelled) {
            state->errors.append(e);
        }
    }
    if (--state->pending == 0) {
        contextListed(state, generation);
    }
}

void KubernetesSource::contextListed(ContextState *state, quint64 generation)
{
    // A context none of whose lists worked, for another reason than permissions, could not be read.
    const bool anyListed = std::any_of(state->targets.cbegin(), state->targets.cend(),
                                       [](const std::unique_ptr<Target> &t) { return t->listed; });
    const bool anyForbidden = !state->problems.isEmpty();
    if (!anyListed && !anyForbidden && !state->errors.isEmpty()) {
        state->failed = true;
    }
    contextDone(generation);
}

void KubernetesSource::contextDone(quint64 generation)
{
    if (generation != m_generation) {
        return;
    }
    if (--m_pendingContexts > 0) {
        return;
    }
    finishSync(generation);
}

QList<KubeCluster> KubernetesSource::clusters() const
{
    QList<KubeCluster> out;
    for (const auto &c : m_contexts) {
        if (!c->failed) {
            out.append({c->name, c->display, &c->store, c->problems});
        }
    }
    return out;
}

void KubernetesSource::finishSync(quint64 generation)
{
    if (m_syncContext.cancel && m_syncContext.cancel->load()) {
        Q_EMIT finished(makeError(Error::Code::Cancelled, tr("Cancelled")));
        return;
    }
    SourceResult result;
    result.problems = m_syncProblems;
    int reachable = 0;
    QStringList revisions;
    for (const auto &c : m_contexts) {
        if (c->failed) {
            const Error first = c->errors.value(0);
            Error e = first;
            e.message = tr("The context %1 could not be read: %2").arg(c->name, first.message);
            result.problems.append(e);
            continue;
        }
        ++reachable;
        for (const KubeClusterProblem &p : std::as_const(c->problems)) {
            result.problems.append(p.error);
        }
        result.problems += c->errors;
        qint64 highest = 0;
        for (const auto &t : c->targets) {
            highest = std::max(highest, t->resourceVersion.toLongLong());
        }
        revisions.append(u"%1@%2"_s.arg(c->name).arg(highest));
    }
    if (reachable == 0) {
        Error e = result.problems.isEmpty() ? makeError(Error::Code::Network, tr("No context could be read"))
                                            : result.problems.last();
        if (m_contexts.size() > 1) {
            e.message = tr("None of the %n contexts could be read; the last: %1", nullptr, int(m_contexts.size()))
                            .arg(e.message);
        }
        qCInfo(lcKubeSource) << m_config.id << "sync failed:" << e.message << e.detail;
        Q_EMIT finished(e);
        return;
    }
    ErrorList mappingProblems;
    m_mapper.setCatalog(m_catalog, &mappingProblems);
    result.problems += mappingProblems;
    const QDateTime now = (m_syncContext.clock ? m_syncContext.clock : &Clock::system())->now();
    result.runtime = m_mapper.mapAll(clusters(), now);
    m_mapped = true;
    for (auto it = result.runtime.cbegin(); it != result.runtime.cend(); ++it) {
        m_published.insert(it.key());
    }
    addNamespaceEntities(result);
    revisions.sort();
    result.revision = revisions.join(u' ');
    result.message = tr("%n context(s), %1 pods, %2 entities with runtime", nullptr, reachable)
                         .arg(podCount())
                         .arg(result.runtime.size());
    if (!result.entities.empty()) {
        result.message += u"; "_s + tr("%n namespace(s) with a time to live", nullptr, int(result.entities.size()));
    }
    m_syncProblems = result.problems;
    qCDebug(lcKubeSource) << m_config.id << result.message;
    const bool live = m_syncContext.live;
    Q_EMIT finished(result);
    if (live && generation == m_generation) {
        startWatches();
    }
}

void KubernetesSource::addNamespaceEntities(SourceResult &result) const
{
    // A namespace is named after itself; one of the same name on another context gets the context's name after it.
    QSet<QString> names;
    for (const auto &c : m_contexts) {
        if (c->failed) {
            continue;
        }
        if (c->namespacesProblem) {
            // Listing namespaces is a cluster-wide right many developers lack: it only means no TTLs from here.
            Error e = *c->namespacesProblem;
            e.severity = Error::Severity::Info;
            e.message = tr("Namespaces with a time to live on %1 are not shown: %2").arg(c->display, e.message);
            result.problems.append(e);
            continue;
        }
        for (const QJsonObject &object : std::as_const(c->ttlNamespaces)) {
            const QString ns = object.value("metadata"_L1).toObject().value("name"_L1).toString();
            QString name = ns;
            for (int n = 1; names.contains(name); ++n) {
                name = n == 1 ? u"%1-%2"_s.arg(ns, c->name) : u"%1-%2-%3"_s.arg(ns, c->name).arg(n);
            }
            KubeNamespaces::Mapped mapped = KubeNamespaces::entityOf(object, name, c->name, c->display, m_config.id);
            result.problems += mapped.problems;
            if (mapped.entity) {
                names.insert(name);
                result.entities.push_back(std::move(*mapped.entity));
            }
        }
    }
}

void KubernetesSource::startWatches()
{
    m_live = true;
    for (const auto &c : m_contexts) {
        if (c->failed || !c->client) {
            continue;
        }
        for (const auto &t : c->targets) {
            if (t->listed && !t->skipped) {
                c->client->watch(t->resource, t->ns, t->resourceVersion, handlerFor(c.get(), t.get()));
            }
        }
    }
    if (!m_fileWatcher) {
        m_fileWatcher = new QFileSystemWatcher(this);
        connect(m_fileWatcher, &QFileSystemWatcher::fileChanged, this, &KubernetesSource::kubeconfigChanged);
    }
    if (!m_kubeconfigFiles.isEmpty()) {
        m_fileWatcher->addPaths(m_kubeconfigFiles);
    }
}

void KubernetesSource::publishLiveProblems()
{
    if (!m_live) {
        return;
    }
    ErrorList problems = m_syncProblems;
    for (const auto &c : m_contexts) {
        for (const auto &t : c->targets) {
            if (t->liveProblem) {
                problems.append(*t->liveProblem);
            }
        }
    }
    Q_EMIT liveProblemsChanged(problems);
}

void KubernetesSource::kubeconfigChanged(const QString &path)
{
    if (!m_live) {
        return;
    }
    // `kubectl config use-context` and editors write the file in several steps, or replace it (which ends the
    // watch of that path): wait until the writes settle, watch the paths again, and read the source again.
    qCInfo(lcKubeSource) << m_config.id << "kubeconfig" << path << "changed";
    if (!m_reloadTimer) {
        m_reloadTimer = new QTimer(this);
        m_reloadTimer->setSingleShot(true);
        m_reloadTimer->setInterval(reloadDelayMs);
        connect(m_reloadTimer, &QTimer::timeout, this, [this] {
            for (const QString &file : std::as_const(m_kubeconfigFiles)) {
                if (!m_fileWatcher->files().contains(file) && QFileInfo::exists(file)) {
                    m_fileWatcher->addPath(file);
                }
            }
            Q_EMIT syncRequested();
        });
    }
    m_reloadTimer->start();
}

void KubernetesSource::catalogChanged(const Catalog::Ptr &catalog)
{
    m_catalog = catalog;
    if (!m_mapped) {
        return;
    }
    ErrorList problems;
    m_mapper.setCatalog(catalog, &problems);
    const QDateTime now = (m_syncContext.clock ? m_syncContext.clock : &Clock::system())->now();
    QHash<QString, EntityRuntime> runtime = m_mapper.mapAll(clusters(), now);
    for (const QString &key : std::as_const(m_published)) {
        if (!runtime.contains(key)) {
            runtime.insert(key, EntityRuntime()); // no longer has any
        }
    }
    m_published.clear();
    for (auto it = runtime.cbegin(); it != runtime.cend(); ++it) {
        if (!it->isEmpty() || !it->problems.isEmpty()) {
            m_published.insert(it.key());
        }
    }
    m_dirty.clear();
    if (!runtime.isEmpty()) {
        Q_EMIT runtimeChanged(runtime);
    }
}

} // namespace Portolan::Core
