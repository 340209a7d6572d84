#pragma once

#include "KubeLabels.h"
#include "LabelSelector.h"
#include "live/LiveTypes.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace Portolan::Core {

// The resource types the kubernetes source reads.
enum class KubeKind : std::uint8_t {
    Pod,
    Deployment,
    StatefulSet,
    DaemonSet,
    ReplicaSet,
    Job,
    CronJob,
    Service,
    Ingress,
    Event,
    Namespace, // listed for namespaces with a time to live (KubeNamespaces), never kept in a KubeStore
};
inline constexpr int kubeKindCount = 11;

[[nodiscard]] QString kubeKindName(KubeKind kind); // "Pod", "Deployment", ... as in `kind:`
[[nodiscard]] std::optional<KubeKind> kubeKindFromName(QStringView name);
[[nodiscard]] bool isWorkloadKind(KubeKind kind); // Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob

// One object in one cluster: kind, namespace and name.
struct KubeRef
{
    KubeKind kind = KubeKind::Pod;
    QString ns;
    QString name;

    bool operator==(const KubeRef &other) const = default;
    [[nodiscard]] bool isNull() const { return name.isEmpty(); }
};
[[nodiscard]] size_t qHash(const KubeRef &ref, size_t seed = 0) noexcept;

// The controlling owner (ownerReferences with controller: true, else the first one).
struct KubeOwner
{
    QString kind;
    QString name;
};

// A health verdict with its reason, in the spirit of Argo CD's health checks (gitops-engine pkg/health).
struct KubeHealth
{
    Health health = Health::None;
    QString reason; // a short word: CrashLoopBackOff, ProgressDeadlineExceeded, Unschedulable, ...
    QString message; // the server's or our explanation
};

// The parts of a Pod the Runtime tab shows. Strings that repeat across pods (namespace, node, owner, labels,
// images, phase and reasons) are interned; no JSON is kept.
struct KubePod
{
    QString name;
    QString ns;
    KubeLabels labels;
    KubeOwner owner;
    QString phase;
    QString reason; // the most telling one, see projectPod()
    QString message;
    QString node;
    QStringList images;
    qint64 startedMs = 0; // status.startTime, ms since the epoch (UTC); 0 when not started
    qint32 restarts = 0;
    qint16 ready = 0;
    qint16 containers = 0;
    Health health = Health::None;

    [[nodiscard]] PodInfo toInfo() const;
};

// Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs.
struct KubeWorkload
{
    KubeKind kind = KubeKind::Deployment;
    QString name;
    QString ns;
    KubeLabels labels;
    KubeOwner owner; // ReplicaSet -> Deployment, Job -> CronJob
    LabelSelector selector; // spec.selector (not for CronJobs)
    QStringList images; // of the pod template
    qint32 desired = 0; // replicas, desiredNumberScheduled; Job: completions
    qint32 ready = 0;
    qint32 updated = 0;
    qint32 available = 0;
    qint32 active = 0; // Job, CronJob (active jobs)
    qint32 succeeded = 0; // Job
    qint32 failed = 0; // Job
    bool suspended = false; // CronJob/Job spec.suspend, Deployment spec.paused
    qint64 lastScheduleMs = 0; // CronJob status.lastScheduleTime
    QString rollout; // complete, progressing, paused, failed, suspended, active, succeeded
    KubeHealth health;
};

// Services and Ingresses.
struct KubeService
{
    KubeKind kind = KubeKind::Service;
    QString name;
    QString ns;
    KubeLabels labels;
    LabelSelector podSelector; // Service spec.selector (empty for Ingresses and selector-less Services)
    QString type; // Service type; Ingress class
    QStringList addresses; // "10.43.0.1", "80/TCP", LB ingress; Ingress "host/path"
    KubeHealth health;
};

// A Warning event.
struct KubeEvent
{
    QString name;
    QString ns;
    KubeRef involved;
    QString reason;
    QString message;
    qint32 count = 1;
    qint64 lastSeenMs = 0;
};

// Projections: keep only what the Runtime tab needs from one API object (a list item or a watch event's object).
// Pure functions, no event loop.
namespace KubeProjection {

[[nodiscard]] KubeLabels labels(const QJsonObject &object);
[[nodiscard]] KubeOwner controller(const QJsonObject &object);
[[nodiscard]] KubePod projectPod(const QJsonObject &object);
[[nodiscard]] KubeWorkload projectWorkload(KubeKind kind, const QJsonObject &object);
[[nodiscard]] KubeService projectService(KubeKind kind, const QJsonObject &object);
[[nodiscard]] KubeEvent projectEvent(const QJsonObject &object);

// Health of any object by its `kind` (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Service,
// Ingress, PersistentVolumeClaim, HorizontalPodAutoscaler); Health::None for kinds without a health check.
// Argo CD's "Suspended" is Healthy here with reason Paused/Suspended (the rollout state shows it).
[[nodiscard]] KubeHealth health(const QJsonObject &object);

// RFC 3339 time as ms since the epoch; 0 when empty or invalid.
[[nodiscard]] qint64 parseTime(const QJsonValue &value);

} // namespace KubeProjection

} // namespace Portolan::Core
