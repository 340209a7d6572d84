#pragma once

#include "KubeStore.h"
#include "LabelSelector.h"
#include "catalog/Catalog.h"
#include "live/LiveTypes.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <optional>

namespace Portolan::Core {

// A problem that limits what one cluster shows: a resource type the credentials may not list in a namespace
// (empty: in every namespace), or the whole cluster out of reach.
struct KubeClusterProblem
{
    QString ns;
    Error error;
};

// One cluster as the mapper sees it.
struct KubeCluster
{
    QString context; // the kubeconfig context
    QString display; // WorkloadInfo::cluster: the configured environment name, else the context
    const KubeStore *store = nullptr;
    QList<KubeClusterProblem> problems;
};

// What an entity's annotations ask for.
struct EntityKubeSelector
{
    QString entityKey; // Entity::key()
    QString entityRef;
    LabelSelector selector;
    QString ns; // backstage.io/kubernetes-namespace; empty: any namespace
};

// Maps the objects of every cluster to catalog entities, as Backstage's Kubernetes plugin does:
//   backstage.io/kubernetes-id: X                  owns objects labelled backstage.io/kubernetes-id=X
//   backstage.io/kubernetes-label-selector: SEL    owns objects matching SEL (it wins over kubernetes-id)
//   backstage.io/kubernetes-namespace: NS          only in namespace NS
// Pods are grouped under their workload (Pod -> ReplicaSet -> Deployment, Pod -> StatefulSet/DaemonSet/Job,
// Job -> CronJob); a workload whose pods match belongs to the entity even when its own labels do not. Services
// belong when their labels match or when they select the entity's pods; Warning events when they are about one
// of the entity's objects. It remembers which objects each entity owns, so a change recomputes only the
// entities it touches.
class RuntimeMapper final
{
public:
    static inline const QString idAnnotation = QStringLiteral("backstage.io/kubernetes-id");
    static inline const QString selectorAnnotation = QStringLiteral("backstage.io/kubernetes-label-selector");
    static inline const QString namespaceAnnotation = QStringLiteral("backstage.io/kubernetes-namespace");

    // Nothing when the entity has neither annotation; an error when its selector does not parse.
    [[nodiscard]] static std::optional<Result<EntityKubeSelector>> selectorFor(const Entity &entity);

    // Takes the selectors of every entity in the catalog; bad annotations become problems (warnings).
    void setCatalog(const Catalog::Ptr &catalog, ErrorList *problems = nullptr);
    void setSelectors(QList<EntityKubeSelector> selectors);
    [[nodiscard]] const QList<EntityKubeSelector> &selectors() const { return m_selectors; }

    // Every entity's runtime over all clusters (entities without any are left out), remembering what each owns.
    [[nodiscard]] QHash<QString, EntityRuntime> mapAll(const QList<KubeCluster> &clusters, const QDateTime &now);
    // Adds the entities that own `ref` now or whose selector matches it as the store holds it. Call it before and
    // after applying a change to the store.
    void collectAffected(const KubeCluster &cluster, const KubeRef &ref, QSet<QString> &entityKeys) const;
    // Recomputes these entities: their complete runtime, an empty one for an entity that has none any more.
    [[nodiscard]] QHash<QString, EntityRuntime> remap(const QSet<QString> &entityKeys,
                                                      const QList<KubeCluster> &clusters, const QDateTime &now);
    // The entities that have anything in `context`.
    [[nodiscard]] QSet<QString> entitiesIn(const QString &context) const;

    // One entity in one cluster; `owned` receives every object it owns there.
    [[nodiscard]] static EntityRuntime compute(const EntityKubeSelector &selector, const KubeCluster &cluster,
                                               QSet<KubeRef> *owned = nullptr);

private:
    [[nodiscard]] EntityRuntime computeAll(int selectorIndex, const QList<KubeCluster> &clusters, const QDateTime &now);
    void setOwned(const QString &context, int selectorIndex, QSet<KubeRef> owned);

    // The selectors owning one object: almost always one, so kept inline rather than in a set per object (at 50k
    // pods a QSet each cost more than the pods themselves).
    using OwnerList = QVarLengthArray<int, 2>;

    QList<EntityKubeSelector> m_selectors;
    QHash<QString, int> m_byEntity;
    QHash<QPair<QString, QString>, QList<int>> m_byPair; // selectors by their first required label pair
    QList<int> m_unindexed; // selectors without one
    QHash<QString, QHash<int, QSet<KubeRef>>> m_owned; // context -> selector index -> objects
    QHash<QString, QHash<KubeRef, OwnerList>> m_owners; // context -> object -> selector indexes
};

} // namespace Portolan::Core
