#include "KubeStore.h"

namespace Portolan::Core {

namespace {

const QSet<KubeRef> &emptySet()
{
    static const QSet<KubeRef> empty;
    return empty;
}

} // namespace

KubeRef KubeStore::ownerRef(const KubeOwner &owner, const QString &ns)
{
    if (owner.name.isEmpty()) {
        return {};
    }
    const std::optional<KubeKind> kind = kubeKindFromName(owner.kind);
    if (!kind || !isWorkloadKind(*kind)) {
        return {};
    }
    return {*kind, ns, owner.name};
}

void KubeStore::index(const KubeRef &ref, const KubeLabels &labels, const KubeOwner &owner)
{
    for (const auto &pair : labels) {
        m_byLabel[pair].insert(ref);
    }
    if (const KubeRef parent = ownerRef(owner, ref.ns); !parent.isNull()) {
        m_children[parent].insert(ref);
    }
}

void KubeStore::unindex(const KubeRef &ref, const KubeLabels &labels, const KubeOwner &owner)
{
    for (const auto &pair : labels) {
        auto it = m_byLabel.find(pair);
        if (it != m_byLabel.end()) {
            it->remove(ref);
            if (it->isEmpty()) {
                m_byLabel.erase(it);
            }
        }
    }
    if (const KubeRef parent = ownerRef(owner, ref.ns); !parent.isNull()) {
        auto it = m_children.find(parent);
        if (it != m_children.end()) {
            it->remove(ref);
            if (it->isEmpty()) {
                m_children.erase(it);
            }
        }
    }
}

bool KubeStore::putObject(KubeKind kind, const QJsonObject &object)
{
    switch (kind) {
    case KubeKind::Pod:
        putPod(KubeProjection::projectPod(object));
        return true;
    case KubeKind::Service:
    case KubeKind::Ingress:
        putService(KubeProjection::projectService(kind, object));
        return true;
    case KubeKind::Event:
        if (object.value(QLatin1StringView("type")).toString() != QLatin1StringView("Warning")) {
            remove(refOf(kind, object)); // an event that is no longer a warning (never in practice) goes
            return false;
        }
        putEvent(KubeProjection::projectEvent(object));
        return true;
    default:
        putWorkload(KubeProjection::projectWorkload(kind, object));
        return true;
    }
}

KubeRef KubeStore::refOf(KubeKind kind, const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QLatin1StringView("metadata")).toObject();
    return {kind, metadata.value(QLatin1StringView("namespace")).toString(),
            metadata.value(QLatin1StringView("name")).toString()};
}

void KubeStore::putPod(KubePod pod)
{
    const KubeRef ref{KubeKind::Pod, pod.ns, pod.name};
    remove(ref);
    index(ref, pod.labels, pod.owner);
    m_pods.insert(ref, std::move(pod));
}

void KubeStore::putWorkload(KubeWorkload workload)
{
    const KubeRef ref{workload.kind, workload.ns, workload.name};
    remove(ref);
    index(ref, workload.labels, workload.owner);
    m_workloads.insert(ref, std::move(workload));
}

void KubeStore::putService(KubeService service)
{
    const KubeRef ref{service.kind, service.ns, service.name};
    remove(ref);
    index(ref, service.labels, {});
    m_services.insert(ref, std::move(service));
}

void KubeStore::putEvent(KubeEvent event)
{
    const KubeRef ref{KubeKind::Event, event.ns, event.name};
    remove(ref);
    m_eventsAbout[event.involved].insert(ref);
    m_events.insert(ref, std::move(event));
}

bool KubeStore::remove(const KubeRef &ref)
{
    switch (ref.kind) {
    case KubeKind::Pod: {
        const auto it = m_pods.constFind(ref);
        if (it == m_pods.constEnd()) {
            return false;
        }
        unindex(ref, it->labels, it->owner);
        m_pods.erase(it);
        return true;
    }
    case KubeKind::Service:
    case KubeKind::Ingress: {
        const auto it = m_services.constFind(ref);
        if (it == m_services.constEnd()) {
            return false;
        }
        unindex(ref, it->labels, {});
        m_services.erase(it);
        return true;
    }
    case KubeKind::Event: {
        const auto it = m_events.constFind(ref);
        if (it == m_events.constEnd()) {
            return false;
        }
        auto about = m_eventsAbout.find(it->involved);
        if (about != m_eventsAbout.end()) {
            about->remove(ref);
            if (about->isEmpty()) {
                m_eventsAbout.erase(about);
            }
        }
        m_events.erase(it);
        return true;
    }
    default: {
        const auto it = m_workloads.constFind(ref);
        if (it == m_workloads.constEnd()) {
            return false;
        }
        unindex(ref, it->labels, it->owner);
        m_workloads.erase(it);
        return true;
    }
    }
}

void KubeStore::clear()
{
    *this = KubeStore();
}

QList<KubeRef> KubeStore::refs(KubeKind kind, const QString &ns) const
{
    QList<KubeRef> out;
    const auto collect = [&](const auto &hash) {
        for (auto it = hash.keyBegin(); it != hash.keyEnd(); ++it) {
            if (it->kind == kind && (ns.isEmpty() || it->ns == ns)) {
                out.append(*it);
            }
        }
    };
    switch (kind) {
    case KubeKind::Pod:
        collect(m_pods);
        break;
    case KubeKind::Service:
    case KubeKind::Ingress:
        collect(m_services);
        break;
    case KubeKind::Event:
        collect(m_events);
        break;
    default:
        collect(m_workloads);
        break;
    }
    return out;
}

const KubePod *KubeStore::pod(const QString &ns, const QString &name) const
{
    const auto it = m_pods.constFind(KubeRef{KubeKind::Pod, ns, name});
    return it == m_pods.constEnd() ? nullptr : &*it;
}

const KubePod *KubeStore::pod(const KubeRef &ref) const
{
    const auto it = m_pods.constFind(ref);
    return it == m_pods.constEnd() ? nullptr : &*it;
}

const KubeWorkload *KubeStore::workload(const KubeRef &ref) const
{
    const auto it = m_workloads.constFind(ref);
    return it == m_workloads.constEnd() ? nullptr : &*it;
}

const KubeService *KubeStore::service(const KubeRef &ref) const
{
    const auto it = m_services.constFind(ref);
    return it == m_services.constEnd() ? nullptr : &*it;
}

const KubeEvent *KubeStore::event(const QString &ns, const QString &name) const
{
    const auto it = m_events.constFind(KubeRef{KubeKind::Event, ns, name});
    return it == m_events.constEnd() ? nullptr : &*it;
}

const KubeLabels *KubeStore::labelsOf(const KubeRef &ref) const
{
    switch (ref.kind) {
    case KubeKind::Pod: {
        const auto it = m_pods.constFind(ref);
        return it == m_pods.constEnd() ? nullptr : &it->labels;
    }
    case KubeKind::Service:
    case KubeKind::Ingress: {
        const auto it = m_services.constFind(ref);
        return it == m_services.constEnd() ? nullptr : &it->labels;
    }
    case KubeKind::Event:
        return nullptr;
    default: {
        const auto it = m_workloads.constFind(ref);
        return it == m_workloads.constEnd() ? nullptr : &it->labels;
    }
    }
}

bool KubeStore::contains(const KubeRef &ref) const
{
    switch (ref.kind) {
    case KubeKind::Pod:
        return m_pods.contains(ref);
    case KubeKind::Service:
    case KubeKind::Ingress:
        return m_services.contains(ref);
    case KubeKind::Event:
        return m_events.contains(ref);
    default:
        return m_workloads.contains(ref);
    }
}

const QSet<KubeRef> &KubeStore::withLabel(const QString &key, const QString &value) const
{
    const auto it = m_byLabel.constFind(qMakePair(key, value));
    return it == m_byLabel.constEnd() ? emptySet() : *it;
}

const QSet<KubeRef> &KubeStore::children(const KubeRef &owner) const
{
    const auto it = m_children.constFind(owner);
    return it == m_children.constEnd() ? emptySet() : *it;
}

const QSet<KubeRef> &KubeStore::eventsAbout(const KubeRef &ref) const
{
    const auto it = m_eventsAbout.constFind(ref);
    return it == m_eventsAbout.constEnd() ? emptySet() : *it;
}

KubeRef KubeStore::ownerOf(const KubeRef &ref) const
{
    if (ref.kind == KubeKind::Pod) {
        const auto it = m_pods.constFind(ref);
        return it == m_pods.constEnd() ? KubeRef() : ownerRef(it->owner, ref.ns);
    }
    if (ref.kind == KubeKind::ReplicaSet || ref.kind == KubeKind::Job) {
        const auto it = m_workloads.constFind(ref);
        return it == m_workloads.constEnd() ? KubeRef() : ownerRef(it->owner, ref.ns);
    }
    return {};
}

KubeRef KubeStore::topOwner(const KubeRef &ref) const
{
    KubeRef current = ref;
    for (int depth = 0; depth < 4; ++depth) { // Pod -> ReplicaSet -> Deployment is the longest chain read
        const KubeRef owner = ownerOf(current);
        if (owner.isNull() || !m_workloads.contains(owner)) {
            break;
        }
        current = owner;
    }
    return current;
}

KubeRef KubeStore::topOwnerOf(const KubePod &pod) const
{
    const KubeRef owner = ownerRef(pod.owner, pod.ns);
    if (owner.isNull() || !m_workloads.contains(owner)) {
        return {KubeKind::Pod, pod.ns, pod.name};
    }
    return topOwner(owner);
}

void KubeStore::forEachObject(const std::function<void(const KubeRef &, const KubeLabels &)> &visit) const
{
    for (auto it = m_pods.cbegin(); it != m_pods.cend(); ++it) {
        visit(it.key(), it->labels);
    }
    for (auto it = m_workloads.cbegin(); it != m_workloads.cend(); ++it) {
        visit(it.key(), it->labels);
    }
    for (auto it = m_services.cbegin(); it != m_services.cend(); ++it) {
        visit(it.key(), it->labels);
    }
}

} // namespace Portolan::Core
