#pragma once

#include "KubeProjection.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <functional>

namespace Portolan::Core {

// The projected objects of one cluster (a kubeconfig context), with the indexes the mapping needs: objects by
// label pair, children by owner, events by the object they are about. Lives on the sync worker; not thread-safe.
class KubeStore final
{
public:
    // Projects and stores one API object of `kind` (a list item or a watch event's object), replacing the one with
    // the same name. Events other than Warnings are not kept (false).
    bool putObject(KubeKind kind, const QJsonObject &object);
    // The ref an API object of `kind` has.
    [[nodiscard]] static KubeRef refOf(KubeKind kind, const QJsonObject &object);

    void putPod(KubePod pod);
    void putWorkload(KubeWorkload workload);
    void putService(KubeService service);
    void putEvent(KubeEvent event);
    // Removes the object; false when it was not there.
    bool remove(const KubeRef &ref);
    void clear();

    // Every object of `kind`, in `ns` (every namespace when empty).
    [[nodiscard]] QList<KubeRef> refs(KubeKind kind, const QString &ns = {}) const;

    [[nodiscard]] const KubePod *pod(const QString &ns, const QString &name) const;
    [[nodiscard]] const KubeWorkload *workload(const KubeRef &ref) const;
    [[nodiscard]] const KubeService *service(const KubeRef &ref) const;
    [[nodiscard]] const KubeEvent *event(const QString &ns, const QString &name) const;
    [[nodiscard]] const KubeLabels *labelsOf(const KubeRef &ref) const;
    [[nodiscard]] bool contains(const KubeRef &ref) const;

    // Objects (not events) carrying `key=value`.
    [[nodiscard]] const QSet<KubeRef> &withLabel(const QString &key, const QString &value) const;
    // Pods, ReplicaSets and Jobs whose controller is `owner`.
    [[nodiscard]] const QSet<KubeRef> &children(const KubeRef &owner) const;
    [[nodiscard]] const QSet<KubeRef> &eventsAbout(const KubeRef &ref) const;
    // The controller of a pod, ReplicaSet or Job as a ref; null when it has none or it is of a kind not read.
    [[nodiscard]] KubeRef ownerOf(const KubeRef &ref) const;
    // The workload a pod belongs to at the top (Pod -> ReplicaSet -> Deployment, Pod -> Job -> CronJob, Pod ->
    // StatefulSet/DaemonSet), as far as the chain is in the store; `ref` itself when it has no owner here.
    [[nodiscard]] KubeRef topOwner(const KubeRef &ref) const;
    // The same for a pod of this store, without looking it up again.
    [[nodiscard]] KubeRef topOwnerOf(const KubePod &pod) const;
    // The pod `ref` names (a Pod ref); null when it is not here.
    [[nodiscard]] const KubePod *pod(const KubeRef &ref) const;
    // Whether any Warning event is held: the mapper skips looking for events about an entity's objects when not.
    [[nodiscard]] qsizetype eventTargetCount() const { return m_eventsAbout.size(); }
    [[nodiscard]] const QHash<KubeRef, QSet<KubeRef>> &eventIndex() const { return m_eventsAbout; }

    // Every labelled object (pods, workloads, services), for selectors without a required label pair.
    void forEachObject(const std::function<void(const KubeRef &, const KubeLabels &)> &visit) const;
    [[nodiscard]] const QHash<KubeRef, KubeService> &services() const { return m_services; }
    [[nodiscard]] const QHash<KubeRef, KubePod> &pods() const { return m_pods; }
    [[nodiscard]] const QHash<KubeRef, KubeWorkload> &workloads() const { return m_workloads; }
    [[nodiscard]] qsizetype podCount() const { return m_pods.size(); }
    [[nodiscard]] qsizetype objectCount() const
    {
        return m_pods.size() + m_workloads.size() + m_services.size() + m_events.size();
    }

private:
    void index(const KubeRef &ref, const KubeLabels &labels, const KubeOwner &owner);
    void unindex(const KubeRef &ref, const KubeLabels &labels, const KubeOwner &owner);
    [[nodiscard]] static KubeRef ownerRef(const KubeOwner &owner, const QString &ns);

    QHash<KubeRef, KubePod> m_pods;
    QHash<KubeRef, KubeWorkload> m_workloads;
    QHash<KubeRef, KubeService> m_services;
    QHash<KubeRef, KubeEvent> m_events;
    QHash<QPair<QString, QString>, QSet<KubeRef>> m_byLabel;
    QHash<KubeRef, QSet<KubeRef>> m_children;
    QHash<KubeRef, QSet<KubeRef>> m_eventsAbout;
};

} // namespace Portolan::Core
