#pragma once

#include "util/Error.h"

#include <QCborMap>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace Portolan::Core {

// Live data about catalog entities that comes from the platform rather than from descriptors: CI runs, pull
// requests, releases and deployments from GitHub, workloads and pods from Kubernetes. Plain value types, built by
// sources on the sync worker and sent to the GUI inside an immutable LiveSnapshot. Each one round-trips through
// CBOR for the cache (toCbor/fromCbor), so the last known state is there offline, with the time it was read.

// The CI state of a repository's default branch: the worst of the latest run of each workflow on it.
enum class CiState : std::uint8_t { None, Passing, Running, Cancelled, Failing };
// A workload's or an entity's health; an entity's is the worst of its workloads'. None: no runtime data.
enum class Health : std::uint8_t { None, Healthy, Progressing, Degraded, Failed };

[[nodiscard]] QString ciStateName(CiState state); // "passing", ... (stable: CLI, facet values, settings)
[[nodiscard]] QString ciStateLabel(CiState state); // translated
[[nodiscard]] CiState ciStateFromName(QStringView name);
[[nodiscard]] QString healthName(Health health); // "healthy", ...
[[nodiscard]] QString healthLabel(Health health); // translated
[[nodiscard]] Health healthFromName(QStringView name);
[[nodiscard]] constexpr Health worse(Health a, Health b)
{
    return a > b ? a : b;
}
[[nodiscard]] constexpr CiState worse(CiState a, CiState b)
{
    return a > b ? a : b;
}

// One GitHub Actions workflow run (GET /repos/{owner}/{repo}/actions/runs).
struct WorkflowRun
{
    qint64 id = 0;
    QString workflow; // the workflow's name
    QString title; // display_title: the commit or PR title
    QString branch; // head_branch
    QString event; // push, pull_request, schedule, ...
    QString status; // queued, in_progress, completed, ...
    QString
        conclusion; // success, failure, cancelled, skipped, timed_out, action_required, neutral; empty while running
    QString url; // html_url
    QString sha; // head_sha
    QString actor;
    int runNumber = 0;
    int attempt = 1;
    QDateTime startedAt; // run_started_at (created_at when absent), UTC
    QDateTime updatedAt; // UTC

    [[nodiscard]] CiState state() const;
    // Seconds from start to the last update for a completed run, -1 while it runs.
    [[nodiscard]] qint64 durationSeconds() const;
    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static WorkflowRun fromCbor(const QCborMap &map);
};

// An open pull request with its review and checks state.
struct PullRequestInfo
{
    int number = 0;
    QString title;
    QString author;
    QString url;
    QString base; // base.ref
    QString head; // head.ref
    bool draft = false;
    QString reviewState; // approved, changes_requested, review_required (no decisive review yet), commented
    QString checksState; // success, failure, pending; empty when the head commit has no checks
    QStringList labels;
    QStringList reviewers; // requested reviewers (logins and team slugs)
    QDateTime createdAt;
    QDateTime updatedAt;

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static PullRequestInfo fromCbor(const QCborMap &map);
};

struct ReleaseInfo
{
    QString tag;
    QString name;
    QString url;
    QString author;
    bool prerelease = false;
    bool draft = false;
    QDateTime publishedAt;

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static ReleaseInfo fromCbor(const QCborMap &map);
};

// A deployment with its latest status (GET /repos/{owner}/{repo}/deployments and .../statuses).
struct DeploymentInfo
{
    qint64 id = 0;
    QString environment;
    QString ref;
    QString sha;
    QString task;
    QString state; // of the latest status: success, failure, error, inactive, in_progress, queued, pending
    QString description;
    QString creator;
    QString url; // the status's environment_url, else its log_url, else empty
    QDateTime createdAt;
    QDateTime updatedAt; // of the latest status

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static DeploymentInfo fromCbor(const QCborMap &map);
};

// What GitHub says about the repository behind an entity's `github.com/project-slug`.
struct RepositoryInsights
{
    QString slug; // owner/repo
    QString url; // html_url
    QString defaultBranch;
    QList<WorkflowRun> runs; // the latest run per workflow and branch, newest first
    QList<PullRequestInfo> pulls; // open pull requests, newest first
    QList<ReleaseInfo> releases; // newest first, at most 10
    QStringList environments;
    QList<DeploymentInfo> deployments; // the latest deployment per environment, newest first
    ErrorList problems; // parts that could not be read (a 403 on deployments); the other parts are still shown
    QDateTime fetchedAt;

    [[nodiscard]] CiState ciState() const; // of the default branch (every branch when it is unknown)
    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static RepositoryInsights fromCbor(const QCborMap &map);
};

// One pod of a workload, projected: only what the Runtime tab shows.
struct PodInfo
{
    QString name;
    QString phase; // Pending, Running, Succeeded, Failed, Unknown
    QString reason; // the most telling reason: CrashLoopBackOff, ImagePullBackOff, OOMKilled, Unschedulable, ...
    QString message;
    int ready = 0; // ready containers
    int containers = 0;
    int restarts = 0;
    QString node;
    QDateTime startedAt;
    Health health = Health::None;

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static PodInfo fromCbor(const QCborMap &map);
};

// A Deployment, StatefulSet, DaemonSet, CronJob or Job in one cluster and namespace.
struct WorkloadInfo
{
    QString cluster; // the kubeconfig context (or its configured environment name)
    QString ns;
    QString kind;
    QString name;
    int desired = 0;
    int ready = 0;
    int updated = 0;
    int available = 0;
    QStringList images; // image:tag of the pod template's containers
    int restarts = 0; // over its pods
    QString rollout; // complete, progressing, paused, failed, suspended (CronJob), active/succeeded/failed (Job)
    QString rolloutMessage;
    QList<PodInfo> pods;
    Health health = Health::None;
    QString healthReason; // translated, shown next to the state ("2 of 3 pods ready", "CrashLoopBackOff")

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static WorkloadInfo fromCbor(const QCborMap &map);
};

// A Service or Ingress that belongs to an entity.
struct ServiceInfo
{
    QString cluster;
    QString ns;
    QString kind; // Service, Ingress
    QString name;
    QString type; // ClusterIP, LoadBalancer, ... (Service); the ingress class (Ingress)
    QStringList addresses; // cluster IP and ports, load-balancer addresses, ingress hosts and paths

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static ServiceInfo fromCbor(const QCborMap &map);
};

// A Warning event about one of an entity's objects.
struct KubeEventInfo
{
    QString cluster;
    QString ns;
    QString objectKind;
    QString objectName;
    QString reason;
    QString message;
    int count = 1;
    QDateTime lastSeen;

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static KubeEventInfo fromCbor(const QCborMap &map);
};

// Everything the Runtime tab shows for one entity, over every cluster it runs in.
struct EntityRuntime
{
    QList<WorkloadInfo> workloads;
    QList<ServiceInfo> services;
    QList<KubeEventInfo> events; // newest first, at most 50
    ErrorList problems; // a resource type the credentials may not list (403), a cluster that cannot be reached
    Health health = Health::None; // the worst of the workloads'
    QString healthReason;
    QDateTime updatedAt;

    [[nodiscard]] bool isEmpty() const { return workloads.isEmpty() && services.isEmpty() && events.isEmpty(); }
    // Appends another source's runtime for the same entity (a second cluster) and recomputes the health.
    void merge(const EntityRuntime &other);
    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static EntityRuntime fromCbor(const QCborMap &map);
};

// A feature flag's state in one environment.
struct FlagEnvironment
{
    QString name;
    bool enabled = false;
    int strategies = 0; // active activation strategies (rollouts, constraints)

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static FlagEnvironment fromCbor(const QCborMap &map);
};

// A feature flag (Unleash) that belongs to an entity.
struct FeatureFlagInfo
{
    QString sourceId; // the flags source it came from (the toggle action goes back there)
    QString project;
    QString name;
    QString type; // release, experiment, operational, kill-switch, permission
    QString description;
    QString url; // the flag's page on the server
    bool stale = false; // marked stale on the server, or past its type's expected lifetime
    QString staleReason; // translated; empty when not stale
    QList<FlagEnvironment> environments;
    QDateTime createdAt;
    QDateTime lastSeenAt; // when an SDK last evaluated it

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static FeatureFlagInfo fromCbor(const QCborMap &map);
};

// An alert about an entity: pending or firing in Prometheus, active or suppressed in Alertmanager.
struct AlertInfo
{
    QString origin; // prometheus, alertmanager
    QString sourceId;
    QString name; // alertname
    QString state; // pending, firing, suppressed
    QString severity; // the severity label, as written (critical, warning, info, ...)
    QString summary; // annotations.summary (else description)
    QString description;
    QStringList labels; // name=value, sorted
    QStringList silencedBy; // silence ids (Alertmanager)
    QString url; // generatorURL, or the Alertmanager's alert view
    QDateTime activeSince;

    [[nodiscard]] bool isFiring() const { return state == QLatin1StringView("firing"); }
    [[nodiscard]] bool isCritical() const;
    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static AlertInfo fromCbor(const QCborMap &map);
};

// One key metric of an entity over the last window: what a configured PromQL query answers, for a sparkline.
struct MetricSeries
{
    QString sourceId;
    QString key; // the configured name: requestRate, errorRatio, latencyP95, ...
    QString title; // shown: "Request rate"
    QString unit; // "req/s", "%", "s", ... (as configured)
    QList<qint64> times; // seconds since the epoch
    QList<double> values;

    [[nodiscard]] bool isEmpty() const { return values.isEmpty(); }
    [[nodiscard]] double latest() const { return values.isEmpty() ? 0.0 : values.constLast(); }
    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static MetricSeries fromCbor(const QCborMap &map);
};

// An Alertmanager silence that matches an entity's alerts.
struct SilenceInfo
{
    QString sourceId;
    QString id;
    QString state; // active, pending, expired
    QString matchers; // "service=booking-api, alertname=~High.*"
    QString createdBy;
    QString comment;
    QDateTime startsAt;
    QDateTime endsAt;

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static SilenceInfo fromCbor(const QCborMap &map);
};

// What it costs to run an entity over a window (OpenCost allocation).
struct CostInfo
{
    QString sourceId;
    QString window; // "7d", or start–end
    QString allocation; // the allocation's name (a namespace, a label value)
    double total = 0; // in the server's currency
    double cpu = 0;
    double ram = 0;
    double storage = 0;
    double network = 0;
    double efficiency = -1; // total efficiency 0..1, -1 when not reported
    QDateTime start;
    QDateTime end;

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static CostInfo fromCbor(const QCborMap &map);
};

// Operations data about one entity from monitoring, feature-flag and cost sources.
struct EntityOps
{
    QList<FeatureFlagInfo> flags;
    QList<AlertInfo> alerts; // firing first, then by severity and age
    QList<MetricSeries> metrics;
    QList<SilenceInfo> silences;
    QList<CostInfo> costs;
    ErrorList problems;
    QDateTime updatedAt;

    [[nodiscard]] bool isEmpty() const
    {
        return flags.isEmpty() && alerts.isEmpty() && metrics.isEmpty() && silences.isEmpty() && costs.isEmpty();
    }
    // What the alerts say about health: a critical firing alert is Failed, any other firing one Degraded, a pending one
    // Progressing; suppressed (silenced) alerts do not count. None without alerts.
    [[nodiscard]] Health alertHealth() const;
    [[nodiscard]] QString alertHealthReason() const; // translated: "2 firing alerts: BookingApiHighErrorRate, ..."
    [[nodiscard]] int firingCount() const;
    [[nodiscard]] int staleFlagCount() const;
    // Appends another source's data for the same entity (Prometheus and Alertmanager both report an alert: the
    // Alertmanager's copy, which knows silences, wins).
    void merge(const EntityOps &other);
    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static EntityOps fromCbor(const QCborMap &map);
};

// One source's live data, as a source returns it and the cache keeps it.
struct LiveRecords
{
    QHash<QString, RepositoryInsights> github; // by entity key
    QHash<QString, EntityRuntime> runtime; // by entity key
    QHash<QString, EntityOps> ops; // by entity key

    [[nodiscard]] bool isEmpty() const { return github.isEmpty() && runtime.isEmpty() && ops.isEmpty(); }
};

// The live data of the whole catalog at one moment: immutable once built, shared with the GUI.
struct LiveSnapshot
{
    using Ptr = std::shared_ptr<const LiveSnapshot>;

    QHash<QString, RepositoryInsights> github; // by entity key (Entity::key())
    QHash<QString, EntityRuntime> runtime; // by entity key
    QHash<QString, EntityOps> ops; // by entity key
    quint64 generation = 0; // grows with every snapshot the sync engine publishes

    // The CI state and health of every entity of one catalog snapshot, by catalog index, for the live facets
    // (Catalog::run). `catalog` identifies that snapshot; a query against another catalog ignores these.
    const void *catalog = nullptr;
    std::vector<std::int8_t> ciByIndex;
    std::vector<std::int8_t> healthByIndex;

    [[nodiscard]] const RepositoryInsights *githubFor(const QString &entityKey) const;
    [[nodiscard]] const EntityRuntime *runtimeFor(const QString &entityKey) const;
    [[nodiscard]] const EntityOps *opsFor(const QString &entityKey) const;
    [[nodiscard]] CiState ciState(const QString &entityKey) const;
    // The worst of the runtime's health and what the entity's alerts say.
    [[nodiscard]] Health health(const QString &entityKey) const;
};

} // namespace Portolan::Core

Q_DECLARE_METATYPE(Portolan::Core::LiveSnapshot::Ptr)
