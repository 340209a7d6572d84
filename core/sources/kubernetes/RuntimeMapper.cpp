#include "RuntimeMapper.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString mapperTr(const char *text, int n = -1)
{
    return QCoreApplication::translate("RuntimeMapper", text, nullptr, n);
}

constexpr int maxEvents = 50;

QString reasonFor(const WorkloadInfo &w, const KubeHealth &own)
{
    // A failing pod says most: "CrashLoopBackOff in payments-api-7d9c4-x2x1z".
    const auto worstPod = std::max_element(w.pods.cbegin(), w.pods.cend(),
                                           [](const PodInfo &a, const PodInfo &b) { return a.health < b.health; });
    if (worstPod != w.pods.cend() && worstPod->health >= Health::Degraded && worstPod->health >= own.health) {
        return mapperTr("%1 in %2")
            .arg(worstPod->reason.isEmpty() ? healthLabel(worstPod->health) : worstPod->reason, worstPod->name);
    }
    if (own.health >= Health::Degraded) {
        return own.reason.isEmpty() ? own.message : own.reason;
    }
    if (w.kind == u"Job"_s || w.kind == u"CronJob"_s) {
        return own.health == Health::Progressing ? mapperTr("%n job pod(s) active", int(w.pods.size())) : QString();
    }
    if (w.desired > 0 && w.ready < w.desired) {
        return mapperTr("%1 of %2 pods ready").arg(w.ready).arg(w.desired);
    }
    if (own.health == Health::Progressing) {
        return own.message.isEmpty() ? own.reason : own.message;
    }
    return {};
}

} // namespace

std::optional<Result<EntityKubeSelector>> RuntimeMapper::selectorFor(const Entity &entity)
{
    const QString selectorText = entity.annotation(selectorAnnotation).trimmed();
    const QString id = entity.annotation(idAnnotation).trimmed();
    if (selectorText.isEmpty() && id.isEmpty()) {
        return std::nullopt;
    }
    EntityKubeSelector out;
    out.entityKey = entity.key();
    out.entityRef = entity.refString();
    out.ns = entity.annotation(namespaceAnnotation).trimmed();
    if (!selectorText.isEmpty()) {
        Result<LabelSelector> parsed = LabelSelector::parse(selectorText);
        if (!parsed.ok()) {
            Error e = parsed.error();
            e.code = Error::Code::Validation;
            e.severity = Error::Severity::Warning;
            e.entityRef = out.entityRef;
            e.field = u"metadata.annotations[%1]"_s.arg(selectorAnnotation);
            e.file = entity.origin.file;
            e.line = entity.origin.line;
            return Result<EntityKubeSelector>(e);
        }
        out.selector = std::move(parsed).value();
    } else {
        out.selector = LabelSelector::equals(idAnnotation, id);
    }
    return Result<EntityKubeSelector>(out);
}

void RuntimeMapper::setCatalog(const Catalog::Ptr &catalog, ErrorList *problems)
{
    QList<EntityKubeSelector> selectors;
    if (catalog) {
        for (const Entity &entity : catalog->entities()) {
            std::optional<Result<EntityKubeSelector>> s = selectorFor(entity);
            if (!s) {
                continue;
            }
            if (!s->ok()) {
                if (problems) {
                    problems->append(s->error());
                }
                continue;
            }
            selectors.append(std::move(*s).value());
        }
    }
    setSelectors(std::move(selectors));
}

void RuntimeMapper::setSelectors(QList<EntityKubeSelector> selectors)
{
    m_selectors = std::move(selectors);
    m_byEntity.clear();
    m_byPair.clear();
    m_unindexed.clear();
    m_owned.clear();
    m_owners.clear();
    for (int i = 0; i < m_selectors.size(); ++i) {
        m_byEntity.insert(m_selectors[i].entityKey, i);
        const QList<QPair<QString, QString>> pairs = m_selectors[i].selector.requiredPairs();
        if (pairs.isEmpty()) {
            m_unindexed.append(i);
        } else {
            m_byPair[pairs.first()].append(i);
        }
    }
}

EntityRuntime RuntimeMapper::compute(const EntityKubeSelector &sel, const KubeCluster &cluster, QSet<KubeRef> *owned)
{
    EntityRuntime runtime;
    if (!cluster.store) {
        return runtime;
    }
    const KubeStore &store = *cluster.store;

    // 1. The objects the selector matches (a pod with itself, so it is looked up once).
    struct Match
    {
        KubeRef ref;
        const KubePod *pod = nullptr;
    };
    QList<Match> matched;
    const auto consider = [&](const KubeRef &ref, const KubeLabels &labels) {
        if (ref.kind == KubeKind::Event || (!sel.ns.isEmpty() && ref.ns != sel.ns)) {
            return;
        }
        if (sel.selector.matches(labels)) {
            matched.append({ref, nullptr});
        }
    };
    const QList<QPair<QString, QString>> pairs = sel.selector.requiredPairs();
    if (!pairs.isEmpty()) {
        const QSet<KubeRef> *smallest = nullptr;
        for (const auto &pair : pairs) {
            const QSet<KubeRef> &set = store.withLabel(pair.first, pair.second);
            if (!smallest || set.size() < smallest->size()) {
                smallest = &set;
            }
        }
        for (const KubeRef &ref : *smallest) {
            if (ref.kind == KubeKind::Pod) {
                if (const KubePod *pod = store.pod(ref);
                    pod && (sel.ns.isEmpty() || ref.ns == sel.ns) && sel.selector.matches(pod->labels)) {
                    matched.append({ref, pod});
                }
            } else if (const KubeLabels *labels = store.labelsOf(ref)) {
                consider(ref, *labels);
            }
        }
    } else {
        store.forEachObject(consider);
    }
    if (matched.isEmpty()) {
        return runtime;
    }
    std::sort(matched.begin(), matched.end(), [](const Match &a, const Match &b) {
        return std::tie(a.ref.kind, a.ref.ns, a.ref.name) < std::tie(b.ref.kind, b.ref.ns, b.ref.name);
    });

    // 2. The workloads at the top of the matched objects' owner chains, bare pods, services.
    QList<Match> tops; // a bare pod with itself
    QSet<KubeRef> topSet;
    QSet<KubeRef> serviceSet;
    QList<KubeRef> services;
    QSet<KubeRef> mine; // everything owned, for events
    for (const Match &m : std::as_const(matched)) {
        const KubeRef &ref = m.ref;
        if (ref.kind == KubeKind::Service || ref.kind == KubeKind::Ingress) {
            if (!serviceSet.contains(ref)) {
                serviceSet.insert(ref);
                services.append(ref);
            }
            continue;
        }
        const KubePod *pod = ref.kind == KubeKind::Pod && !m.pod ? store.pod(ref) : m.pod;
        KubeRef top = pod ? store.topOwnerOf(*pod) : store.topOwner(ref);
        const bool bare = pod && top.kind == KubeKind::Pod;
        if (!topSet.contains(top)) {
            topSet.insert(top);
            tops.append({std::move(top), bare ? pod : nullptr});
        }
    }

    // 3. Each workload with its pods.
    QList<const KubeLabels *> podLabelSets; // distinct label sets of the entity's pods, for services
    QSet<QString> podNamespaces;
    const bool anyServices = !store.services().isEmpty();
    const auto notePod = [&](const KubePod &pod) {
        if (!anyServices) {
            return;
        }
        if (!std::any_of(podLabelSets.cbegin(), podLabelSets.cend(),
                         [&pod](const KubeLabels *l) { return *l == pod.labels; })) {
            podLabelSets.append(&pod.labels);
        }
        podNamespaces.insert(pod.ns);
    };
    // Pod phases repeat (interned): lower-case each distinct one once.
    QString lastPhase;
    QString lastPhaseLower;
    const auto lowerPhase = [&](const QString &phase) {
        if (phase != lastPhase || lastPhaseLower.isNull()) {
            lastPhase = phase;
            lastPhaseLower = phase.toLower();
        }
        return lastPhaseLower;
    };
    for (const Match &t : std::as_const(tops)) {
        const KubeRef &top = t.ref;
        mine.insert(top);
        WorkloadInfo info;
        info.cluster = cluster.display;
        info.ns = top.ns;
        info.kind = kubeKindName(top.kind);
        info.name = top.name;
        KubeHealth own;
        if (top.kind == KubeKind::Pod) {
            const KubePod *pod = t.pod ? t.pod : store.pod(top);
            if (!pod) {
                continue;
            }
            info.desired = 1;
            info.ready = pod->containers > 0 && pod->ready == pod->containers ? 1 : 0;
            info.updated = 1;
            info.available = info.ready;
            info.images = pod->images;
            info.rollout = lowerPhase(pod->phase);
            info.pods.append(pod->toInfo());
            notePod(*pod);
            own = {pod->health, pod->reason, pod->message};
        } else {
            const KubeWorkload *w = store.workload(top);
            if (!w) {
                continue;
            }
            info.desired = w->desired;
            info.ready = w->ready;
            info.updated = w->updated;
            info.available = w->available;
            info.images = w->images;
            info.rollout = w->rollout;
            info.rolloutMessage = w->health.message;
            if (w->kind == KubeKind::Job || w->kind == KubeKind::CronJob) {
                info.desired = std::max(info.desired, w->active);
                info.ready = w->kind == KubeKind::CronJob ? w->active : w->ready;
            }
            own = w->health;
            // Pods under it: directly, or through ReplicaSets / Jobs.
            QList<KubeRef> queue{top};
            for (int depth = 0; depth < 3 && !queue.isEmpty(); ++depth) {
                QList<KubeRef> next;
                for (const KubeRef &parent : std::as_const(queue)) {
                    QList<KubeRef> kids(store.children(parent).cbegin(), store.children(parent).cend());
                    std::sort(kids.begin(), kids.end(),
                              [](const KubeRef &a, const KubeRef &b) { return a.name < b.name; });
                    for (const KubeRef &child : std::as_const(kids)) {
                        mine.insert(child);
                        if (child.kind == KubeKind::Pod) {
                            if (const KubePod *pod = store.pod(child.ns, child.name)) {
                                info.pods.append(pod->toInfo());
                                notePod(*pod);
                            }
                        } else {
                            next.append(child);
                        }
                    }
                }
                queue = std::move(next);
            }
        }
        for (const PodInfo &p : std::as_const(info.pods)) {
            info.restarts += p.restarts; // the pods are in `mine` already: the top or the children above
        }
        Health health = own.health;
        for (const PodInfo &p : std::as_const(info.pods)) {
            // A pod's trouble shows on its workload; a pod still starting does not make a complete rollout busy.
            if (p.health >= Health::Degraded) {
                health = worse(health, p.health);
            }
        }
        if (health == Health::None) {
            health = Health::Healthy;
        }
        info.health = health;
        info.healthReason = reasonFor(info, KubeHealth{health, own.reason, own.message});
        runtime.workloads.append(std::move(info));
    }

    // 4. Services that select the entity's pods.
    if (!podLabelSets.isEmpty()) {
        QList<KubeRef> selecting;
        const QHash<KubeRef, KubeService> &all = store.services();
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            if (it->podSelector.isEmpty() || serviceSet.contains(it.key()) || !podNamespaces.contains(it->ns)
                || (!sel.ns.isEmpty() && it->ns != sel.ns)) {
                continue;
            }
            if (std::any_of(podLabelSets.cbegin(), podLabelSets.cend(),
                            [&it](const KubeLabels *l) { return it->podSelector.matches(*l); })) {
                selecting.append(it.key());
            }
        }
        std::sort(selecting.begin(), selecting.end(),
                  [](const KubeRef &a, const KubeRef &b) { return std::tie(a.ns, a.name) < std::tie(b.ns, b.name); });
        for (const KubeRef &ref : std::as_const(selecting)) {
            serviceSet.insert(ref);
            services.append(ref);
        }
    }
    for (const KubeRef &ref : std::as_const(services)) {
        const KubeService *s = store.service(ref);
        if (!s) {
            continue;
        }
        mine.insert(ref);
        ServiceInfo info;
        info.cluster = cluster.display;
        info.ns = s->ns;
        info.kind = kubeKindName(s->kind);
        info.name = s->name;
        info.type = s->type;
        info.addresses = s->addresses;
        runtime.services.append(std::move(info));
    }

    // 5. Warning events about any of it.
    QList<const KubeEvent *> events;
    const auto addEvents = [&](const QSet<KubeRef> &about) {
        for (const KubeRef &eventRef : about) {
            if (const KubeEvent *e = store.event(eventRef.ns, eventRef.name)) {
                events.append(e);
            }
            if (owned) {
                owned->insert(eventRef);
            }
        }
    };
    // Few objects have warnings: walk whichever side is smaller.
    if (store.eventTargetCount() < mine.size()) {
        const QHash<KubeRef, QSet<KubeRef>> &index = store.eventIndex();
        for (auto it = index.cbegin(); it != index.cend(); ++it) {
            if (mine.contains(it.key())) {
                addEvents(*it);
            }
        }
    } else {
        for (const KubeRef &ref : std::as_const(mine)) {
            addEvents(store.eventsAbout(ref));
        }
    }
    std::sort(events.begin(), events.end(), [](const KubeEvent *a, const KubeEvent *b) {
        return a->lastSeenMs != b->lastSeenMs ? a->lastSeenMs > b->lastSeenMs : a->name < b->name;
    });
    for (const KubeEvent *e : std::as_const(events)) {
        if (runtime.events.size() >= maxEvents) {
            break;
        }
        KubeEventInfo info;
        info.cluster = cluster.display;
        info.ns = e->ns;
        info.objectKind = kubeKindName(e->involved.kind);
        info.objectName = e->involved.name;
        info.reason = e->reason;
        info.message = e->message;
        info.count = e->count;
        if (e->lastSeenMs > 0) {
            info.lastSeen = QDateTime::fromMSecsSinceEpoch(e->lastSeenMs, Qt::UTC);
        }
        runtime.events.append(std::move(info));
    }

    // 6. The entity's health: the worst workload's.
    for (const WorkloadInfo &w : std::as_const(runtime.workloads)) {
        if (w.health > runtime.health) {
            runtime.health = w.health;
            runtime.healthReason = w.healthReason.isEmpty() ? QString() : w.name + u": "_s + w.healthReason;
        }
    }
    if (owned) {
        // `owned` holds the events so far: add them to `mine` rather than copying `mine` into it.
        if (owned->size() < mine.size()) {
            mine.unite(*owned);
            *owned = std::move(mine);
        } else {
            *owned += mine;
        }
    }
    return runtime;
}

EntityRuntime RuntimeMapper::computeAll(int selectorIndex, const QList<KubeCluster> &clusters, const QDateTime &now)
{
    const EntityKubeSelector &sel = m_selectors[selectorIndex];
    EntityRuntime out;
    for (const KubeCluster &cluster : clusters) {
        QSet<KubeRef> owned;
        EntityRuntime one = compute(sel, cluster, &owned);
        for (const KubeClusterProblem &p : cluster.problems) {
            if (p.ns.isEmpty() || sel.ns.isEmpty() || p.ns == sel.ns) {
                one.problems.append(p.error);
            }
        }
        setOwned(cluster.context, selectorIndex, std::move(owned));
        out.merge(one);
    }
    if (!out.isEmpty() || !out.problems.isEmpty()) {
        out.updatedAt = now;
    }
    return out;
}

void RuntimeMapper::setOwned(const QString &context, int selectorIndex, QSet<KubeRef> owned)
{
    QHash<int, QSet<KubeRef>> &bySelector = m_owned[context];
    QHash<KubeRef, OwnerList> &owners = m_owners[context];
    auto slot = bySelector.find(selectorIndex);
    if (slot == bySelector.end()) {
        if (owned.isEmpty()) {
            return;
        }
        for (const KubeRef &ref : std::as_const(owned)) {
            owners[ref].append(selectorIndex);
        }
        bySelector.insert(selectorIndex, std::move(owned));
        return;
    }
    if (*slot == owned) {
        return; // the common case of a live update: the same objects, changed
    }
    for (const KubeRef &ref : std::as_const(*slot)) {
        if (!owned.contains(ref)) {
            auto it = owners.find(ref);
            if (it != owners.end()) {
                it->removeOne(selectorIndex);
                if (it->isEmpty()) {
                    owners.erase(it);
                }
            }
        }
    }
    for (const KubeRef &ref : std::as_const(owned)) {
        if (!slot->contains(ref)) {
            owners[ref].append(selectorIndex);
        }
    }
    if (owned.isEmpty()) {
        bySelector.erase(slot);
    } else {
        *slot = std::move(owned);
    }
}

QHash<QString, EntityRuntime> RuntimeMapper::mapAll(const QList<KubeCluster> &clusters, const QDateTime &now)
{
    m_owned.clear();
    m_owners.clear();
    QHash<QString, EntityRuntime> out;
    for (int i = 0; i < m_selectors.size(); ++i) {
        EntityRuntime runtime = computeAll(i, clusters, now);
        if (!runtime.isEmpty() || !runtime.problems.isEmpty()) {
            out.insert(m_selectors[i].entityKey, std::move(runtime));
        }
    }
    return out;
}

void RuntimeMapper::collectAffected(const KubeCluster &cluster, const KubeRef &ref, QSet<QString> &entityKeys) const
{
    const auto ownersIt = m_owners.constFind(cluster.context);
    const auto addOwners = [&](const KubeRef &r) {
        if (ownersIt == m_owners.constEnd()) {
            return;
        }
        const auto it = ownersIt->constFind(r);
        if (it != ownersIt->constEnd()) {
            for (int index : *it) {
                entityKeys.insert(m_selectors[index].entityKey);
            }
        }
    };
    addOwners(ref);
    if (!cluster.store) {
        return;
    }
    const KubeStore &store = *cluster.store;
    if (ref.kind == KubeKind::Event) {
        if (const KubeEvent *e = store.event(ref.ns, ref.name)) {
            addOwners(e->involved);
        }
        return;
    }
    // Selectors that match the object as it is now.
    if (const KubeLabels *labels = store.labelsOf(ref)) {
        const auto check = [&](int index) {
            const EntityKubeSelector &s = m_selectors[index];
            if ((s.ns.isEmpty() || s.ns == ref.ns) && s.selector.matches(*labels)) {
                entityKeys.insert(s.entityKey);
            }
        };
        for (const auto &pair : *labels) {
            const auto it = m_byPair.constFind(pair);
            if (it != m_byPair.constEnd()) {
                for (int index : *it) {
                    check(index);
                }
            }
        }
        for (int index : m_unindexed) {
            check(index);
        }
    }
    // The owners of the workload it belongs to (a new pod of an owned Deployment).
    if (ref.kind == KubeKind::Pod || ref.kind == KubeKind::ReplicaSet || ref.kind == KubeKind::Job) {
        KubeRef current = ref;
        for (int depth = 0; depth < 3; ++depth) {
            current = store.ownerOf(current);
            if (current.isNull()) {
                break;
            }
            addOwners(current);
        }
    }
    // A Service now selecting (or no longer selecting) an entity's pods.
    if (ref.kind == KubeKind::Service) {
        const KubeService *s = store.service(ref);
        if (s && !s->podSelector.isEmpty()) {
            const QList<QPair<QString, QString>> pairs = s->podSelector.requiredPairs();
            if (!pairs.isEmpty()) {
                for (const KubeRef &candidate : store.withLabel(pairs.first().first, pairs.first().second)) {
                    if (candidate.kind == KubeKind::Pod && candidate.ns == ref.ns) {
                        const KubePod *pod = store.pod(candidate.ns, candidate.name);
                        if (pod && s->podSelector.matches(pod->labels)) {
                            addOwners(candidate);
                        }
                    }
                }
            }
        }
    }
}

QHash<QString, EntityRuntime> RuntimeMapper::remap(const QSet<QString> &entityKeys, const QList<KubeCluster> &clusters,
                                                   const QDateTime &now)
{
    QHash<QString, EntityRuntime> out;
    for (const QString &key : entityKeys) {
        const auto it = m_byEntity.constFind(key);
        if (it == m_byEntity.constEnd()) {
            continue;
        }
        out.insert(key, computeAll(*it, clusters, now));
    }
    return out;
}

QSet<QString> RuntimeMapper::entitiesIn(const QString &context) const
{
    QSet<QString> out;
    const auto it = m_owned.constFind(context);
    if (it != m_owned.constEnd()) {
        for (auto e = it->keyBegin(); e != it->keyEnd(); ++e) {
            out.insert(m_selectors[*e].entityKey);
        }
    }
    return out;
}

} // namespace Portolan::Core
