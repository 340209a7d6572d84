#include "KubeProjection.h"

#include "util/StringPool.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString kubeTr(const char *text, int n = -1)
{
    return QCoreApplication::translate("KubeProjection", text, nullptr, n);
}

QString str(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

QJsonObject obj(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toObject();
}

int num(const QJsonObject &o, QLatin1StringView key, int fallback = 0)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? v.toInt() : fallback;
}

// The condition of `type` in status.conditions, or an empty object.
QJsonObject condition(const QJsonObject &status, QLatin1StringView type)
{
    const QJsonArray conditions = status.value("conditions"_L1).toArray();
    for (const QJsonValue &c : conditions) {
        const QJsonObject o = c.toObject();
        if (o.value("type"_L1).toString() == type) {
            return o;
        }
    }
    return {};
}

// The images of a pod spec's containers, interned.
QStringList templateImages(const QJsonObject &podSpec)
{
    QStringList out;
    for (const QJsonValue &c : podSpec.value("containers"_L1).toArray()) {
        const QString image = c.toObject().value("image"_L1).toString();
        if (!image.isEmpty() && !out.contains(image)) {
            out.append(intern(image));
        }
    }
    return out;
}

// Argo CD treats a waiting reason as an error when it starts with "Err" or ends with "Error" or "BackOff"
// (ErrImagePull, ImagePullBackOff, CrashLoopBackOff, CreateContainerConfigError, InvalidImageName, ...).
bool isErrorWaitingReason(const QString &reason)
{
    return reason.startsWith("Err"_L1) || reason.endsWith("Error"_L1) || reason.endsWith("BackOff"_L1)
           || reason == "InvalidImageName"_L1;
}

bool hasDeletionTimestamp(const QJsonObject &object)
{
    const QJsonValue deletion = obj(object, "metadata"_L1).value("deletionTimestamp"_L1);
    return !deletion.isNull() && !deletion.isUndefined() && !deletion.toString().isEmpty();
}

// The most telling reason and message of a pod (see projectPod()).
QPair<QString, QString> podReason(const QJsonObject &object)
{
    const QJsonObject status = obj(object, "status"_L1);
    if (hasDeletionTimestamp(object)) {
        return {u"Terminating"_s, {}};
    }
    const QJsonArray init = status.value("initContainerStatuses"_L1).toArray();
    const QJsonArray main = status.value("containerStatuses"_L1).toArray();
    // 1. A container waiting on an error (init containers first: nothing else starts before them).
    for (const auto &[list, prefix] : {QPair<QJsonArray, QString>{init, u"Init:"_s}, {main, QString()}}) {
        for (const QJsonValue &v : list) {
            const QJsonObject waiting = obj(obj(v.toObject(), "state"_L1), "waiting"_L1);
            const QString reason = str(waiting, "reason"_L1);
            if (!reason.isEmpty() && isErrorWaitingReason(reason)) {
                return {prefix + reason, str(waiting, "message"_L1)};
            }
        }
    }
    // 2. A container that terminated badly now, or last time (OOMKilled, Error).
    for (const char *stateKey : {"state", "lastState"}) {
        for (const QJsonValue &v : main) {
            const QJsonObject terminated = obj(obj(v.toObject(), QLatin1StringView(stateKey)), "terminated"_L1);
            const QString reason = str(terminated, "reason"_L1);
            if (!terminated.isEmpty() && reason != "Completed"_L1
                && (reason == "OOMKilled"_L1 || num(terminated, "exitCode"_L1) != 0)) {
                return {reason.isEmpty() ? u"Error"_s : reason, str(terminated, "message"_L1)};
            }
        }
    }
    // 3. Not scheduled (Unschedulable), and the pod's own reason (Evicted).
    const QJsonObject scheduled = condition(status, "PodScheduled"_L1);
    if (str(scheduled, "status"_L1) == "False"_L1) {
        return {str(scheduled, "reason"_L1), str(scheduled, "message"_L1)};
    }
    if (const QString reason = str(status, "reason"_L1); !reason.isEmpty()) {
        return {reason, str(status, "message"_L1)};
    }
    // 4. Still starting (ContainerCreating, PodInitializing).
    for (const QJsonArray &list : {init, main}) {
        for (const QJsonValue &v : list) {
            const QJsonObject waiting = obj(obj(v.toObject(), "state"_L1), "waiting"_L1);
            if (const QString reason = str(waiting, "reason"_L1); !reason.isEmpty()) {
                return {reason, str(waiting, "message"_L1)};
            }
        }
    }
    return {};
}

KubeHealth podHealth(const QJsonObject &object)
{
    const QJsonObject spec = obj(object, "spec"_L1);
    const QJsonObject status = obj(object, "status"_L1);
    const QString restartPolicy = str(spec, "restartPolicy"_L1);
    const bool always = restartPolicy.isEmpty() || restartPolicy == "Always"_L1;
    const QJsonArray containers = status.value("containerStatuses"_L1).toArray();
    if (always) {
        QStringList messages;
        QString reason;
        for (const QJsonArray &list : {status.value("initContainerStatuses"_L1).toArray(), containers}) {
            for (const QJsonValue &v : list) {
                const QJsonObject waiting = obj(obj(v.toObject(), "state"_L1), "waiting"_L1);
                const QString r = str(waiting, "reason"_L1);
                if (!r.isEmpty() && isErrorWaitingReason(r)) {
                    if (reason.isEmpty()) {
                        reason = r;
                    }
                    if (const QString m = str(waiting, "message"_L1); !m.isEmpty()) {
                        messages.append(m);
                    }
                }
            }
        }
        if (!reason.isEmpty()) {
            return {Health::Degraded, reason, messages.join(u", "_s)};
        }
    }
    const QString phase = str(status, "phase"_L1);
    if (phase == "Pending"_L1) {
        return {Health::Progressing, podReason(object).first, str(status, "message"_L1)};
    }
    if (phase == "Succeeded"_L1) {
        return {Health::Healthy, u"Completed"_s, {}};
    }
    if (phase == "Failed"_L1) {
        if (const QString message = str(status, "message"_L1); !message.isEmpty()) {
            return {Health::Degraded, str(status, "reason"_L1), message};
        }
        for (const QJsonValue &v : containers) {
            const QJsonObject terminated = obj(obj(v.toObject(), "state"_L1), "terminated"_L1);
            if (terminated.isEmpty()) {
                continue;
            }
            const QString name = str(v.toObject(), "name"_L1);
            if (const QString m = str(terminated, "message"_L1); !m.isEmpty()) {
                return {Health::Degraded, str(terminated, "reason"_L1), m};
            }
            if (str(terminated, "reason"_L1) == "OOMKilled"_L1) {
                return {Health::Degraded, u"OOMKilled"_s, {}};
            }
            if (const int code = num(terminated, "exitCode"_L1); code != 0) {
                return {Health::Degraded, str(terminated, "reason"_L1),
                        kubeTr("container \"%1\" failed with exit code %2").arg(name).arg(code)};
            }
        }
        return {Health::Degraded, u"Failed"_s, {}};
    }
    if (phase == "Running"_L1) {
        if (!always) {
            return {Health::Progressing, u"Running"_s, {}}; // a finite pod (a hook, a job's pod) still running
        }
        if (str(condition(status, "Ready"_L1), "status"_L1) == "True"_L1) {
            return {Health::Healthy, {}, {}};
        }
        for (const QJsonValue &v : containers) {
            if (obj(obj(v.toObject(), "lastState"_L1), "terminated"_L1).size() > 0) {
                const QPair<QString, QString> why = podReason(object);
                return {Health::Degraded, why.first.isEmpty() ? u"Restarting"_s : why.first, why.second};
            }
        }
        return {Health::Progressing, u"NotReady"_s, str(condition(status, "Ready"_L1), "message"_L1)};
    }
    return {Health::Progressing, phase, str(status, "message"_L1)};
}

KubeHealth deploymentHealth(const QJsonObject &object)
{
    const QJsonObject spec = obj(object, "spec"_L1);
    const QJsonObject status = obj(object, "status"_L1);
    if (spec.value("paused"_L1).toBool()) {
        return {Health::Healthy, u"Paused"_s, kubeTr("The deployment is paused")};
    }
    const int generation = num(obj(object, "metadata"_L1), "generation"_L1);
    if (generation > num(status, "observedGeneration"_L1)) {
        return {Health::Progressing, u"Progressing"_s,
                kubeTr("Waiting for the rollout to finish: the controller has not seen the newest generation")};
    }
    const QJsonObject progressing = condition(status, "Progressing"_L1);
    const int updated = num(status, "updatedReplicas"_L1);
    const int replicas = num(status, "replicas"_L1);
    const int available = num(status, "availableReplicas"_L1);
    if (str(progressing, "reason"_L1) == "ProgressDeadlineExceeded"_L1) {
        return {Health::Degraded, u"ProgressDeadlineExceeded"_s,
                kubeTr("The deployment exceeded its progress deadline")};
    }
    if (spec.value("replicas"_L1).isDouble() && updated < spec.value("replicas"_L1).toInt()) {
        return {Health::Progressing, u"Progressing"_s,
                kubeTr("Waiting for the rollout to finish: %1 of %2 new replicas updated")
                    .arg(updated)
                    .arg(spec.value("replicas"_L1).toInt())};
    }
    if (replicas > updated) {
        return {Health::Progressing, u"Progressing"_s,
                kubeTr("Waiting for the rollout to finish: %n old replica(s) pending termination", replicas - updated)};
    }
    if (available < updated) {
        return {Health::Progressing, u"Progressing"_s,
                kubeTr("Waiting for the rollout to finish: %1 of %2 updated replicas available")
                    .arg(available)
                    .arg(updated)};
    }
    return {Health::Healthy, {}, {}};
}

KubeHealth statefulSetHealth(const QJsonObject &object)
{
    const QJsonObject spec = obj(object, "spec"_L1);
    const QJsonObject status = obj(object, "status"_L1);
    if (num(obj(object, "metadata"_L1), "generation"_L1) > num(status, "observedGeneration"_L1)) {
        return {Health::Progressing, u"Progressing"_s, kubeTr("Waiting for the controller to see the update")};
    }
    const int desired = spec.value("replicas"_L1).isDouble() ? spec.value("replicas"_L1).toInt() : 1;
    const int ready = num(status, "readyReplicas"_L1);
    if (ready < desired) {
        return {Health::Progressing, u"Progressing"_s, kubeTr("%1 of %2 pods ready").arg(ready).arg(desired)};
    }
    if (str(obj(spec, "updateStrategy"_L1), "type"_L1) == "OnDelete"_L1) {
        return {Health::Healthy, {}, kubeTr("The stateful set uses the OnDelete update strategy")};
    }
    if (str(status, "updateRevision"_L1) != str(status, "currentRevision"_L1)) {
        return {Health::Progressing, u"Progressing"_s, kubeTr("Waiting for the rolling update to finish")};
    }
    return {Health::Healthy, {}, {}};
}

KubeHealth daemonSetHealth(const QJsonObject &object)
{
    const QJsonObject spec = obj(object, "spec"_L1);
    const QJsonObject status = obj(object, "status"_L1);
    if (num(obj(object, "metadata"_L1), "generation"_L1) > num(status, "observedGeneration"_L1)) {
        return {Health::Progressing, u"Progressing"_s, kubeTr("Waiting for the controller to see the update")};
    }
    const int desired = num(status, "desiredNumberScheduled"_L1);
    if (str(obj(spec, "updateStrategy"_L1), "type"_L1) == "OnDelete"_L1) {
        return {Health::Healthy, {}, kubeTr("The daemon set uses the OnDelete update strategy")};
    }
    if (status.contains("updatedNumberScheduled"_L1) && num(status, "updatedNumberScheduled"_L1) < desired) {
        return {Health::Progressing, u"Progressing"_s,
                kubeTr("%1 of %2 updated pods scheduled").arg(num(status, "updatedNumberScheduled"_L1)).arg(desired)};
    }
    if (num(status, "numberAvailable"_L1) < desired) {
        return {Health::Progressing, u"Progressing"_s,
                kubeTr("%1 of %2 pods available").arg(num(status, "numberAvailable"_L1)).arg(desired)};
    }
    return {Health::Healthy, {}, {}};
}

KubeHealth jobHealth(const QJsonObject &object)
{
    const QJsonObject status = obj(object, "status"_L1);
    const QJsonObject failed = condition(status, "Failed"_L1);
    if (str(failed, "status"_L1) == "True"_L1) {
        return {Health::Failed, str(failed, "reason"_L1), str(failed, "message"_L1)};
    }
    if (str(condition(status, "Complete"_L1), "status"_L1) == "True"_L1) {
        return {Health::Healthy, u"Complete"_s, {}};
    }
    const QJsonObject suspended = condition(status, "Suspended"_L1);
    if (obj(object, "spec"_L1).value("suspend"_L1).toBool() || str(suspended, "status"_L1) == "True"_L1) {
        return {Health::Healthy, u"Suspended"_s, str(suspended, "message"_L1)};
    }
    return {Health::Progressing, u"Running"_s, {}};
}

KubeHealth loadBalancerHealth(const QJsonObject &object, bool needsAddress)
{
    const QJsonArray ingress = obj(obj(object, "status"_L1), "loadBalancer"_L1).value("ingress"_L1).toArray();
    if (needsAddress && ingress.isEmpty()) {
        return {Health::Progressing, u"Pending"_s, kubeTr("Waiting for a load-balancer address")};
    }
    return {Health::Healthy, {}, {}};
}

KubeHealth hpaHealth(const QJsonObject &object)
{
    const QJsonArray conditions = obj(object, "status"_L1).value("conditions"_L1).toArray();
    for (const QJsonValue &v : conditions) {
        const QJsonObject c = v.toObject();
        const QString type = str(c, "type"_L1);
        if ((type == "AbleToScale"_L1 || type == "ScalingActive"_L1) && str(c, "status"_L1) == "False"_L1) {
            return {Health::Degraded, str(c, "reason"_L1), str(c, "message"_L1)};
        }
    }
    return {Health::Healthy, {}, {}};
}

QStringList serviceAddresses(const QJsonObject &object)
{
    QStringList out;
    const QJsonObject spec = obj(object, "spec"_L1);
    if (const QString ip = str(spec, "clusterIP"_L1); !ip.isEmpty() && ip != "None"_L1) {
        out.append(ip);
    }
    for (const QJsonValue &v : spec.value("ports"_L1).toArray()) {
        const QJsonObject port = v.toObject();
        QString text = QString::number(num(port, "port"_L1)) + u'/' + str(port, "protocol"_L1);
        if (port.value("nodePort"_L1).isDouble()) {
            text += u" (node "_s + QString::number(num(port, "nodePort"_L1)) + u')';
        }
        out.append(intern(text));
    }
    for (const QJsonValue &v : obj(obj(object, "status"_L1), "loadBalancer"_L1).value("ingress"_L1).toArray()) {
        const QJsonObject lb = v.toObject();
        const QString address = lb.contains("hostname"_L1) ? str(lb, "hostname"_L1) : str(lb, "ip"_L1);
        if (!address.isEmpty()) {
            out.append(address);
        }
    }
    return out;
}

QStringList ingressAddresses(const QJsonObject &object)
{
    QStringList out;
    for (const QJsonValue &v : obj(object, "spec"_L1).value("rules"_L1).toArray()) {
        const QJsonObject rule = v.toObject();
        const QString host = str(rule, "host"_L1);
        const QJsonArray paths = obj(rule, "http"_L1).value("paths"_L1).toArray();
        if (paths.isEmpty()) {
            out.append(host.isEmpty() ? u"*"_s : host);
        }
        for (const QJsonValue &p : paths) {
            out.append((host.isEmpty() ? u"*"_s : host) + str(p.toObject(), "path"_L1));
        }
    }
    for (const QJsonValue &v : obj(obj(object, "status"_L1), "loadBalancer"_L1).value("ingress"_L1).toArray()) {
        const QJsonObject lb = v.toObject();
        const QString address = lb.contains("hostname"_L1) ? str(lb, "hostname"_L1) : str(lb, "ip"_L1);
        if (!address.isEmpty()) {
            out.append(address);
        }
    }
    return out;
}

} // namespace

QString kubeKindName(KubeKind kind)
{
    switch (kind) {
    case KubeKind::Pod:
        return u"Pod"_s;
    case KubeKind::Deployment:
        return u"Deployment"_s;
    case KubeKind::StatefulSet:
        return u"StatefulSet"_s;
    case KubeKind::DaemonSet:
        return u"DaemonSet"_s;
    case KubeKind::ReplicaSet:
        return u"ReplicaSet"_s;
    case KubeKind::Job:
        return u"Job"_s;
    case KubeKind::CronJob:
        return u"CronJob"_s;
    case KubeKind::Service:
        return u"Service"_s;
    case KubeKind::Ingress:
        return u"Ingress"_s;
    case KubeKind::Event:
        return u"Event"_s;
    case KubeKind::Namespace:
        return u"Namespace"_s;
    }
    return {};
}

std::optional<KubeKind> kubeKindFromName(QStringView name)
{
    for (int i = 0; i < kubeKindCount; ++i) {
        if (kubeKindName(KubeKind(i)) == name) {
            return KubeKind(i);
        }
    }
    return std::nullopt;
}

bool isWorkloadKind(KubeKind kind)
{
    return kind == KubeKind::Deployment || kind == KubeKind::StatefulSet || kind == KubeKind::DaemonSet
           || kind == KubeKind::ReplicaSet || kind == KubeKind::Job || kind == KubeKind::CronJob;
}

size_t qHash(const KubeRef &ref, size_t seed) noexcept
{
    return qHashMulti(seed, int(ref.kind), ref.ns, ref.name);
}

PodInfo KubePod::toInfo() const
{
    PodInfo info;
    info.name = name;
    info.phase = phase;
    info.reason = reason;
    info.message = message;
    info.ready = ready;
    info.containers = containers;
    info.restarts = restarts;
    info.node = node;
    if (startedMs > 0) {
        info.startedAt = QDateTime::fromMSecsSinceEpoch(startedMs, Qt::UTC);
    }
    info.health = health;
    return info;
}

namespace KubeProjection {

qint64 parseTime(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty()) {
        return 0;
    }
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

KubeLabels labels(const QJsonObject &object)
{
    const QJsonObject map = obj(obj(object, "metadata"_L1), "labels"_L1);
    KubeLabels out;
    out.reserve(map.size());
    for (auto it = map.begin(); it != map.end(); ++it) { // QJsonObject iterates in key order
        out.append({intern(it.key()), intern(it.value().toString())});
    }
    return out;
}

KubeOwner controller(const QJsonObject &object)
{
    const QJsonArray owners = obj(object, "metadata"_L1).value("ownerReferences"_L1).toArray();
    QJsonObject chosen;
    for (const QJsonValue &v : owners) {
        const QJsonObject o = v.toObject();
        if (o.value("controller"_L1).toBool()) {
            chosen = o;
            break;
        }
    }
    if (chosen.isEmpty() && !owners.isEmpty()) {
        chosen = owners.first().toObject();
    }
    if (chosen.isEmpty()) {
        return {};
    }
    return {intern(str(chosen, "kind"_L1)), intern(str(chosen, "name"_L1))};
}

KubePod projectPod(const QJsonObject &object)
{
    const QJsonObject metadata = obj(object, "metadata"_L1);
    const QJsonObject spec = obj(object, "spec"_L1);
    const QJsonObject status = obj(object, "status"_L1);
    KubePod pod;
    pod.name = str(metadata, "name"_L1);
    pod.ns = intern(str(metadata, "namespace"_L1));
    pod.labels = labels(object);
    pod.owner = controller(object);
    pod.phase = intern(str(status, "phase"_L1));
    const QPair<QString, QString> why = podReason(object);
    pod.reason = intern(why.first);
    pod.message = why.second;
    pod.node = intern(str(spec, "nodeName"_L1));
    pod.images = templateImages(spec);
    pod.startedMs = parseTime(status.value("startTime"_L1));
    const QJsonArray containers = status.value("containerStatuses"_L1).toArray();
    int ready = 0;
    int restarts = 0;
    for (const QJsonValue &v : containers) {
        const QJsonObject c = v.toObject();
        ready += c.value("ready"_L1).toBool() ? 1 : 0;
        restarts += num(c, "restartCount"_L1);
    }
    pod.ready = qint16(ready);
    pod.containers = qint16(std::max<qsizetype>(containers.size(), spec.value("containers"_L1).toArray().size()));
    pod.restarts = restarts;
    pod.health = hasDeletionTimestamp(object) ? Health::Progressing : podHealth(object).health;
    if (pod.reason.isEmpty() && pod.health == Health::Progressing && pod.phase == "Running"_L1) {
        pod.reason = u"NotReady"_s;
    }
    return pod;
}

KubeWorkload projectWorkload(KubeKind kind, const QJsonObject &object)
{
    const QJsonObject metadata = obj(object, "metadata"_L1);
    const QJsonObject spec = obj(object, "spec"_L1);
    const QJsonObject status = obj(object, "status"_L1);
    KubeWorkload w;
    w.kind = kind;
    w.name = intern(str(metadata, "name"_L1));
    w.ns = intern(str(metadata, "namespace"_L1));
    w.labels = labels(object);
    w.owner = controller(object);
    w.selector = LabelSelector::fromJson(obj(spec, "selector"_L1));
    if (object.contains("kind"_L1)) {
        w.health = health(object);
    } else {
        // The items of a raw API list carry no `kind` (a typed client's recorded lists do).
        QJsonObject withKind = object;
        withKind.insert("kind"_L1, kubeKindName(kind));
        w.health = health(withKind);
    }
    switch (kind) {
    case KubeKind::Deployment:
    case KubeKind::ReplicaSet:
    case KubeKind::StatefulSet: {
        w.images = templateImages(obj(obj(spec, "template"_L1), "spec"_L1));
        w.desired = spec.value("replicas"_L1).isDouble() ? spec.value("replicas"_L1).toInt() : 1;
        w.ready = num(status, "readyReplicas"_L1);
        w.updated = num(status, "updatedReplicas"_L1);
        w.available = kind == KubeKind::StatefulSet ? num(status, "availableReplicas"_L1, w.ready)
                                                    : num(status, "availableReplicas"_L1);
        w.suspended = spec.value("paused"_L1).toBool();
        const QJsonObject progressing = condition(status, "Progressing"_L1);
        if (w.suspended) {
            w.rollout = u"paused"_s;
        } else if (str(progressing, "reason"_L1) == "ProgressDeadlineExceeded"_L1) {
            w.rollout = u"failed"_s;
        } else if (w.health.health == Health::Progressing) {
            w.rollout = u"progressing"_s;
        } else {
            w.rollout = u"complete"_s;
        }
        break;
    }
    case KubeKind::DaemonSet:
        w.images = templateImages(obj(obj(spec, "template"_L1), "spec"_L1));
        w.desired = num(status, "desiredNumberScheduled"_L1);
        w.ready = num(status, "numberReady"_L1);
        w.updated = num(status, "updatedNumberScheduled"_L1, num(status, "currentNumberScheduled"_L1));
        w.available = num(status, "numberAvailable"_L1);
        w.rollout = w.health.health == Health::Progressing ? u"progressing"_s : u"complete"_s;
        break;
    case KubeKind::Job:
        w.images = templateImages(obj(obj(spec, "template"_L1), "spec"_L1));
        w.desired = spec.value("completions"_L1).isDouble() ? spec.value("completions"_L1).toInt() : 1;
        w.active = num(status, "active"_L1);
        w.succeeded = num(status, "succeeded"_L1);
        w.failed = num(status, "failed"_L1);
        w.ready = num(status, "ready"_L1, w.active);
        w.available = w.succeeded;
        w.suspended = spec.value("suspend"_L1).toBool();
        w.rollout = w.health.health == Health::Failed  ? u"failed"_s
                    : w.health.reason == "Complete"_L1 ? u"succeeded"_s
                    : w.suspended                      ? u"suspended"_s
                                                       : u"active"_s;
        break;
    case KubeKind::CronJob: {
        const QJsonObject jobSpec = obj(obj(spec, "jobTemplate"_L1), "spec"_L1);
        w.images = templateImages(obj(obj(jobSpec, "template"_L1), "spec"_L1));
        w.active = int(status.value("active"_L1).toArray().size());
        w.suspended = spec.value("suspend"_L1).toBool();
        w.lastScheduleMs = parseTime(status.value("lastScheduleTime"_L1));
        w.rollout = w.suspended ? u"suspended"_s : (w.active > 0 ? u"active"_s : u"scheduled"_s);
        w.health = {Health::Healthy, w.suspended ? u"Suspended"_s : QString(), {}};
        break;
    }
    case KubeKind::Pod:
    case KubeKind::Service:
    case KubeKind::Ingress:
    case KubeKind::Event:
    case KubeKind::Namespace:
        break;
    }
    w.rollout = intern(w.rollout);
    return w;
}

KubeService projectService(KubeKind kind, const QJsonObject &object)
{
    const QJsonObject metadata = obj(object, "metadata"_L1);
    const QJsonObject spec = obj(object, "spec"_L1);
    KubeService s;
    s.kind = kind;
    s.name = intern(str(metadata, "name"_L1));
    s.ns = intern(str(metadata, "namespace"_L1));
    s.labels = labels(object);
    if (kind == KubeKind::Service) {
        s.podSelector = LabelSelector::fromMap(obj(spec, "selector"_L1));
        s.type = intern(str(spec, "type"_L1));
        s.addresses = serviceAddresses(object);
        s.health = loadBalancerHealth(object, s.type == "LoadBalancer"_L1);
    } else {
        s.type = intern(str(spec, "ingressClassName"_L1));
        if (s.type.isEmpty()) {
            s.type = intern(str(obj(metadata, "annotations"_L1), "kubernetes.io/ingress.class"_L1));
        }
        s.addresses = ingressAddresses(object);
        s.health = loadBalancerHealth(object, true);
    }
    return s;
}

KubeEvent projectEvent(const QJsonObject &object)
{
    const QJsonObject metadata = obj(object, "metadata"_L1);
    const QJsonObject involved = obj(object, "involvedObject"_L1);
    KubeEvent e;
    e.name = str(metadata, "name"_L1);
    e.ns = intern(str(metadata, "namespace"_L1));
    const std::optional<KubeKind> kind = kubeKindFromName(str(involved, "kind"_L1));
    e.involved.kind = kind.value_or(KubeKind::Event); // Event: a kind this source does not read (a Node, an HPA)
    e.involved.ns = intern(str(involved, "namespace"_L1));
    e.involved.name = intern(str(involved, "name"_L1));
    e.reason = intern(str(object, "reason"_L1));
    e.message = str(object, "message"_L1);
    e.count = std::max(1, num(object, "count"_L1, 1));
    e.lastSeenMs = parseTime(object.value("lastTimestamp"_L1));
    if (e.lastSeenMs == 0) {
        e.lastSeenMs = parseTime(object.value("eventTime"_L1));
    }
    if (e.lastSeenMs == 0) {
        e.lastSeenMs = parseTime(metadata.value("creationTimestamp"_L1));
    }
    return e;
}

KubeHealth health(const QJsonObject &object)
{
    const QString kind = str(object, "kind"_L1);
    if (hasDeletionTimestamp(object)) {
        return {Health::Progressing, u"Terminating"_s, kubeTr("Pending deletion")};
    }
    if (kind == "Pod"_L1) {
        return podHealth(object);
    }
    if (kind == "Deployment"_L1) {
        return deploymentHealth(object);
    }
    if (kind == "ReplicaSet"_L1) {
        const QJsonObject status = obj(object, "status"_L1);
        const int desired = obj(object, "spec"_L1).value("replicas"_L1).toInt(1);
        return num(status, "availableReplicas"_L1) < desired ? KubeHealth{Health::Progressing, u"Progressing"_s, {}}
                                                             : KubeHealth{Health::Healthy, {}, {}};
    }
    if (kind == "StatefulSet"_L1) {
        return statefulSetHealth(object);
    }
    if (kind == "DaemonSet"_L1) {
        return daemonSetHealth(object);
    }
    if (kind == "Job"_L1) {
        return jobHealth(object);
    }
    if (kind == "CronJob"_L1) {
        return {Health::Healthy, obj(object, "spec"_L1).value("suspend"_L1).toBool() ? u"Suspended"_s : QString(), {}};
    }
    if (kind == "Service"_L1) {
        return loadBalancerHealth(object, str(obj(object, "spec"_L1), "type"_L1) == "LoadBalancer"_L1);
    }
    if (kind == "Ingress"_L1) {
        return loadBalancerHealth(object, true);
    }
    if (kind == "PersistentVolumeClaim"_L1) {
        const QString phase = str(obj(object, "status"_L1), "phase"_L1);
        if (phase == "Bound"_L1) {
            return {Health::Healthy, {}, {}};
        }
        if (phase == "Lost"_L1) {
            return {Health::Degraded, phase, {}};
        }
        return {Health::Progressing, phase, {}};
    }
    if (kind == "HorizontalPodAutoscaler"_L1) {
        return hpaHealth(object);
    }
    return {};
}

} // namespace KubeProjection

} // namespace Portolan::Core
