#pragma once

#include "KubeClient.h"
#include "KubeConfig.h"
#include "KubeStore.h"
#include "RuntimeMapper.h"
#include "sources/Source.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <memory>
#include <vector>

class QFileSystemWatcher;
class QTimer;

namespace Portolan::Core {

class KubeCredentials;

// `type: kubernetes`: the workloads, pods, services and warning events of Kubernetes clusters, mapped to catalog
// entities by their backstage.io/kubernetes-* annotations (RuntimeMapper). The only entities it gives are the
// namespaces labelled with a time to live (KubeNamespaces).
//   - id: clusters
//     type: kubernetes
//     options:
//       kubeconfig: ~/.kube/config          # a path or a list; default $KUBECONFIG, else ~/.kube/config
//       contexts: [prod-eu, staging]         # default: the current context
//       namespaces: [payments, checkout]     # default: all namespaces (cluster-wide lists)
//       environments: { prod-eu: Production (EU) }   # shown as the cluster of each workload
// A sync lists every resource type (kubeResources()) per context and namespace and maps it against the catalog.
// A resource type the credentials may not list (403) or the server does not serve (404) is left out with a problem;
// a context that cannot be read fails only itself, unless every context fails. With SyncContext::live the watches
// keep running afterwards: changes are batched and reported by runtimeChanged() at most every 250 ms, for the
// entities they touch only. While live, a change of a kubeconfig file is reported as a live problem asking for a
// refresh (the next sync reads it again); the running watches keep the credentials they have.
class KubernetesSource final : public Source
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubernetesSource)

public:
    static constexpr int batchMs = 250;
    static constexpr int reloadDelayMs = 500; // after the last change to a kubeconfig

    struct Settings
    {
        QStringList kubeconfigFiles;
        QStringList contexts; // empty: the current context
        QStringList namespaces; // empty: every namespace
        QHash<QString, QString> environments;
        KubeClient::Options client;
    };

    // Figures of the live updates, for the benchmark and the sources page.
    struct LiveStats
    {
        qint64 events = 0; // watch events applied
        qint64 batches = 0; // runtimeChanged() emitted
        qint64 remappedEntities = 0;
        qint64 maxBatchNs = 0; // the longest remap of one batch
        qint64 totalBatchNs = 0;
    };

    explicit KubernetesSource(SourceConfig config, QObject *parent = nullptr);
    ~KubernetesSource() override;

    void sync(const SyncContext &context) override;
    void catalogChanged(const Catalog::Ptr &catalog) override;
    void stopLive() override;

    // The options, checked: Config errors name the source's file, line and the option (`options.contexts`).
    [[nodiscard]] Result<Settings> settings(const QString &workspaceRoot = {}) const;
    [[nodiscard]] const LiveStats &liveStats() const { return m_stats; }
    [[nodiscard]] bool isLive() const { return m_live; }
    [[nodiscard]] qsizetype podCount() const;

private:
    struct Target;
    struct ContextState;

    void startContext(ContextState *state, const std::shared_ptr<KubeConfig> &config, quint64 generation);
    void listAll(ContextState *state, quint64 generation);
    void targetListed(ContextState *state, Target *target, const Result<QString> &version, quint64 generation);
    void contextListed(ContextState *state, quint64 generation); // every list of the context has answered
    void addNamespaceEntities(SourceResult &result) const;
    void contextDone(quint64 generation);
    void finishSync(quint64 generation);
    [[nodiscard]] KubeWatchHandler handlerFor(ContextState *state, Target *target);
    void applyObject(ContextState *state, KubeKind kind, const QJsonObject &object, bool deleted, bool track);
    void markDirty(const QSet<QString> &entities);
    void flush();
    void startWatches();
    void publishLiveProblems();
    void kubeconfigChanged(const QString &path);
    [[nodiscard]] QList<KubeCluster> clusters() const;
    [[nodiscard]] Error configError(const QString &message, const QString &field) const;

    std::unique_ptr<KubeCredentials> m_credentials;
    std::vector<std::unique_ptr<ContextState>> m_contexts;
    RuntimeMapper m_mapper;
    Catalog::Ptr m_catalog;
    SyncContext m_syncContext;
    Settings m_settings;
    ErrorList m_syncProblems;
    int m_pendingContexts = 0;
    qint64 m_targetsTotal = 0;
    qint64 m_targetsDone = 0;
    bool m_mapped = false; // the first mapping is done: changes are tracked per entity from then on
    bool m_live = false;
    QSet<QString> m_dirty;
    QSet<QString> m_published; // entities whose runtime was last reported non-empty
    QTimer *m_flushTimer = nullptr;
    QFileSystemWatcher *m_fileWatcher = nullptr;
    QTimer *m_reloadTimer = nullptr; // a changed kubeconfig: read again once the writes settle
    QStringList m_kubeconfigFiles;
    LiveStats m_stats;
};

} // namespace Portolan::Core
