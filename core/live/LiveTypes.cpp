#include "LiveTypes.h"

#include <QCborArray>
#include <QCoreApplication>

#include <algorithm>

namespace Portolan::Core {

namespace {

// CBOR keys are short strings: the cache holds one map per entity and source.
QCborValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QCborValue(time.toMSecsSinceEpoch()) : QCborValue();
}

QDateTime timeFrom(const QCborValue &value)
{
    return value.isInteger() ? QDateTime::fromMSecsSinceEpoch(value.toInteger(), Qt::UTC) : QDateTime();
}

QCborArray stringsValue(const QStringList &list)
{
    QCborArray array;
    for (const QString &s : list) {
        array.append(s);
    }
    return array;
}

QStringList stringsFrom(const QCborValue &value)
{
    QStringList list;
    for (const QCborValue &v : value.toArray()) {
        list.append(v.toString());
    }
    return list;
}

template<typename T>
QCborArray listValue(const QList<T> &list)
{
    QCborArray array;
    for (const T &item : list) {
        array.append(item.toCbor());
    }
    return array;
}

template<typename T>
QList<T> listFrom(const QCborValue &value)
{
    QList<T> list;
    const QCborArray array = value.toArray();
    list.reserve(array.size());
    for (const QCborValue &v : array) {
        list.append(T::fromCbor(v.toMap()));
    }
    return list;
}

QCborArray errorsValue(const ErrorList &errors)
{
    QCborArray array;
    for (const Error &e : errors) {
        QCborMap m;
        m.insert(QStringLiteral("code"), Error::codeName(e.code));
        m.insert(QStringLiteral("severity"), int(e.severity));
        m.insert(QStringLiteral("message"), e.message);
        if (!e.detail.isEmpty()) {
            m.insert(QStringLiteral("detail"), e.detail);
        }
        if (!e.field.isEmpty()) {
            m.insert(QStringLiteral("field"), e.field);
        }
        if (e.httpStatus != 0) {
            m.insert(QStringLiteral("http"), e.httpStatus);
        }
        array.append(m);
    }
    return array;
}

ErrorList errorsFrom(const QCborValue &value)
{
    ErrorList errors;
    for (const QCborValue &v : value.toArray()) {
        const QCborMap m = v.toMap();
        Error e;
        const QString code = m.value(QStringLiteral("code")).toString();
        for (int c = 0; c <= int(Error::Code::Busy); ++c) {
            if (Error::codeName(Error::Code(c)) == code) {
                e.code = Error::Code(c);
                break;
            }
        }
        e.severity = Error::Severity(qBound(0, int(m.value(QStringLiteral("severity")).toInteger()), 2));
        e.message = m.value(QStringLiteral("message")).toString();
        e.detail = m.value(QStringLiteral("detail")).toString();
        e.field = m.value(QStringLiteral("field")).toString();
        e.httpStatus = int(m.value(QStringLiteral("http")).toInteger());
        errors.append(e);
    }
    return errors;
}

int intFrom(const QCborMap &map, const char *key)
{
    return int(map.value(QLatin1StringView(key)).toInteger());
}

QString stringFrom(const QCborMap &map, const char *key)
{
    return map.value(QLatin1StringView(key)).toString();
}

} // namespace

QString ciStateName(CiState state)
{
    switch (state) {
    case CiState::None:
        return QStringLiteral("none");
    case CiState::Passing:
        return QStringLiteral("passing");
    case CiState::Running:
        return QStringLiteral("running");
    case CiState::Cancelled:
        return QStringLiteral("cancelled");
    case CiState::Failing:
        return QStringLiteral("failing");
    }
    return {};
}

QString ciStateLabel(CiState state)
{
    switch (state) {
    case CiState::None:
        return QCoreApplication::translate("CiState", "No CI");
    case CiState::Passing:
        return QCoreApplication::translate("CiState", "Passing");
    case CiState::Running:
        return QCoreApplication::translate("CiState", "Running");
    case CiState::Cancelled:
        return QCoreApplication::translate("CiState", "Cancelled");
    case CiState::Failing:
        return QCoreApplication::translate("CiState", "Failing");
    }
    return {};
}

CiState ciStateFromName(QStringView name)
{
    for (const CiState s : {CiState::Passing, CiState::Running, CiState::Cancelled, CiState::Failing}) {
        if (name == ciStateName(s)) {
            return s;
        }
    }
    return CiState::None;
}

QString healthName(Health health)
{
    switch (health) {
    case Health::None:
        return QStringLiteral("none");
    case Health::Healthy:
        return QStringLiteral("healthy");
    case Health::Progressing:
        return QStringLiteral("progressing");
    case Health::Degraded:
        return QStringLiteral("degraded");
    case Health::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString healthLabel(Health health)
{
    switch (health) {
    case Health::None:
        return QCoreApplication::translate("Health", "No runtime");
    case Health::Healthy:
        return QCoreApplication::translate("Health", "Healthy");
    case Health::Progressing:
        return QCoreApplication::translate("Health", "Progressing");
    case Health::Degraded:
        return QCoreApplication::translate("Health", "Degraded");
    case Health::Failed:
        return QCoreApplication::translate("Health", "Failed");
    }
    return {};
}

Health healthFromName(QStringView name)
{
    for (const Health h : {Health::Healthy, Health::Progressing, Health::Degraded, Health::Failed}) {
        if (name == healthName(h)) {
            return h;
        }
    }
    return Health::None;
}

CiState WorkflowRun::state() const
{
    if (status != QLatin1StringView("completed")) {
        return CiState::Running;
    }
    if (conclusion == QLatin1StringView("success") || conclusion == QLatin1StringView("skipped")
        || conclusion == QLatin1StringView("neutral")) {
        return CiState::Passing;
    }
    if (conclusion == QLatin1StringView("cancelled")) {
        return CiState::Cancelled;
    }
    return CiState::Failing; // failure, timed_out, action_required, startup_failure, stale
}

qint64 WorkflowRun::durationSeconds() const
{
    if (status != QLatin1StringView("completed") || !startedAt.isValid() || !updatedAt.isValid()) {
        return -1;
    }
    return qMax<qint64>(0, startedAt.secsTo(updatedAt));
}

QCborMap WorkflowRun::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("id"), id);
    m.insert(QStringLiteral("workflow"), workflow);
    m.insert(QStringLiteral("title"), title);
    m.insert(QStringLiteral("branch"), branch);
    m.insert(QStringLiteral("event"), event);
    m.insert(QStringLiteral("status"), status);
    m.insert(QStringLiteral("conclusion"), conclusion);
    m.insert(QStringLiteral("url"), url);
    m.insert(QStringLiteral("sha"), sha);
    m.insert(QStringLiteral("actor"), actor);
    m.insert(QStringLiteral("number"), runNumber);
    m.insert(QStringLiteral("attempt"), attempt);
    m.insert(QStringLiteral("started"), timeValue(startedAt));
    m.insert(QStringLiteral("updated"), timeValue(updatedAt));
    return m;
}

WorkflowRun WorkflowRun::fromCbor(const QCborMap &m)
{
    WorkflowRun r;
    r.id = m.value(QStringLiteral("id")).toInteger();
    r.workflow = stringFrom(m, "workflow");
    r.title = stringFrom(m, "title");
    r.branch = stringFrom(m, "branch");
    r.event = stringFrom(m, "event");
    r.status = stringFrom(m, "status");
    r.conclusion = stringFrom(m, "conclusion");
    r.url = stringFrom(m, "url");
    r.sha = stringFrom(m, "sha");
    r.actor = stringFrom(m, "actor");
    r.runNumber = intFrom(m, "number");
    r.attempt = qMax(1, intFrom(m, "attempt"));
    r.startedAt = timeFrom(m.value(QStringLiteral("started")));
    r.updatedAt = timeFrom(m.value(QStringLiteral("updated")));
    return r;
}

QCborMap PullRequestInfo::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("number"), number);
    m.insert(QStringLiteral("title"), title);
    m.insert(QStringLiteral("author"), author);
    m.insert(QStringLiteral("url"), url);
    m.insert(QStringLiteral("base"), base);
    m.insert(QStringLiteral("head"), head);
    m.insert(QStringLiteral("draft"), draft);
    m.insert(QStringLiteral("review"), reviewState);
    m.insert(QStringLiteral("checks"), checksState);
    m.insert(QStringLiteral("labels"), stringsValue(labels));
    m.insert(QStringLiteral("reviewers"), stringsValue(reviewers));
    m.insert(QStringLiteral("created"), timeValue(createdAt));
    m.insert(QStringLiteral("updated"), timeValue(updatedAt));
    return m;
}

PullRequestInfo PullRequestInfo::fromCbor(const QCborMap &m)
{
    PullRequestInfo p;
    p.number = intFrom(m, "number");
    p.title = stringFrom(m, "title");
    p.author = stringFrom(m, "author");
    p.url = stringFrom(m, "url");
    p.base = stringFrom(m, "base");
    p.head = stringFrom(m, "head");
    p.draft = m.value(QStringLiteral("draft")).toBool();
    p.reviewState = stringFrom(m, "review");
    p.checksState = stringFrom(m, "checks");
    p.labels = stringsFrom(m.value(QStringLiteral("labels")));
    p.reviewers = stringsFrom(m.value(QStringLiteral("reviewers")));
    p.createdAt = timeFrom(m.value(QStringLiteral("created")));
    p.updatedAt = timeFrom(m.value(QStringLiteral("updated")));
    return p;
}

QCborMap ReleaseInfo::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("tag"), tag);
    m.insert(QStringLiteral("name"), name);
    m.insert(QStringLiteral("url"), url);
    m.insert(QStringLiteral("author"), author);
    m.insert(QStringLiteral("prerelease"), prerelease);
    m.insert(QStringLiteral("draft"), draft);
    m.insert(QStringLiteral("published"), timeValue(publishedAt));
    return m;
}

ReleaseInfo ReleaseInfo::fromCbor(const QCborMap &m)
{
    ReleaseInfo r;
    r.tag = stringFrom(m, "tag");
    r.name = stringFrom(m, "name");
    r.url = stringFrom(m, "url");
    r.author = stringFrom(m, "author");
    r.prerelease = m.value(QStringLiteral("prerelease")).toBool();
    r.draft = m.value(QStringLiteral("draft")).toBool();
    r.publishedAt = timeFrom(m.value(QStringLiteral("published")));
    return r;
}

QCborMap DeploymentInfo::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("id"), id);
    m.insert(QStringLiteral("environment"), environment);
    m.insert(QStringLiteral("ref"), ref);
    m.insert(QStringLiteral("sha"), sha);
    m.insert(QStringLiteral("task"), task);
    m.insert(QStringLiteral("state"), state);
    m.insert(QStringLiteral("description"), description);
    m.insert(QStringLiteral("creator"), creator);
    m.insert(QStringLiteral("url"), url);
    m.insert(QStringLiteral("created"), timeValue(createdAt));
    m.insert(QStringLiteral("updated"), timeValue(updatedAt));
    return m;
}

DeploymentInfo DeploymentInfo::fromCbor(const QCborMap &m)
{
    DeploymentInfo d;
    d.id = m.value(QStringLiteral("id")).toInteger();
    d.environment = stringFrom(m, "environment");
    d.ref = stringFrom(m, "ref");
    d.sha = stringFrom(m, "sha");
    d.task = stringFrom(m, "task");
    d.state = stringFrom(m, "state");
    d.description = stringFrom(m, "description");
    d.creator = stringFrom(m, "creator");
    d.url = stringFrom(m, "url");
    d.createdAt = timeFrom(m.value(QStringLiteral("created")));
    d.updatedAt = timeFrom(m.value(QStringLiteral("updated")));
    return d;
}

CiState RepositoryInsights::ciState() const
{
    CiState state = CiState::None;
    bool onDefault = false;
    for (const WorkflowRun &run : runs) {
        onDefault = onDefault || (!defaultBranch.isEmpty() && run.branch == defaultBranch);
    }
    // `runs` holds the latest run per workflow and branch, so the worst of them on the default branch is its state.
    for (const WorkflowRun &run : runs) {
        if (!onDefault || run.branch == defaultBranch) {
            state = worse(state, run.state());
        }
    }
    return state;
}

QCborMap RepositoryInsights::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("slug"), slug);
    m.insert(QStringLiteral("url"), url);
    m.insert(QStringLiteral("defaultBranch"), defaultBranch);
    m.insert(QStringLiteral("runs"), listValue(runs));
    m.insert(QStringLiteral("pulls"), listValue(pulls));
    m.insert(QStringLiteral("releases"), listValue(releases));
    m.insert(QStringLiteral("environments"), stringsValue(environments));
    m.insert(QStringLiteral("deployments"), listValue(deployments));
    m.insert(QStringLiteral("problems"), errorsValue(problems));
    m.insert(QStringLiteral("fetched"), timeValue(fetchedAt));
    return m;
}

RepositoryInsights RepositoryInsights::fromCbor(const QCborMap &m)
{
    RepositoryInsights r;
    r.slug = stringFrom(m, "slug");
    r.url = stringFrom(m, "url");
    r.defaultBranch = stringFrom(m, "defaultBranch");
    r.runs = listFrom<WorkflowRun>(m.value(QStringLiteral("runs")));
    r.pulls = listFrom<PullRequestInfo>(m.value(QStringLiteral("pulls")));
    r.releases = listFrom<ReleaseInfo>(m.value(QStringLiteral("releases")));
    r.environments = stringsFrom(m.value(QStringLiteral("environments")));
    r.deployments = listFrom<DeploymentInfo>(m.value(QStringLiteral("deployments")));
    r.problems = errorsFrom(m.value(QStringLiteral("problems")));
    r.fetchedAt = timeFrom(m.value(QStringLiteral("fetched")));
    return r;
}

QCborMap PodInfo::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("name"), name);
    m.insert(QStringLiteral("phase"), phase);
    m.insert(QStringLiteral("reason"), reason);
    m.insert(QStringLiteral("message"), message);
    m.insert(QStringLiteral("ready"), ready);
    m.insert(QStringLiteral("containers"), containers);
    m.insert(QStringLiteral("restarts"), restarts);
    m.insert(QStringLiteral("node"), node);
    m.insert(QStringLiteral("started"), timeValue(startedAt));
    m.insert(QStringLiteral("health"), healthName(health));
    return m;
}

PodInfo PodInfo::fromCbor(const QCborMap &m)
{
    PodInfo p;
    p.name = stringFrom(m, "name");
    p.phase = stringFrom(m, "phase");
    p.reason = stringFrom(m, "reason");
    p.message = stringFrom(m, "message");
    p.ready = intFrom(m, "ready");
    p.containers = intFrom(m, "containers");
    p.restarts = intFrom(m, "restarts");
    p.node = stringFrom(m, "node");
    p.startedAt = timeFrom(m.value(QStringLiteral("started")));
    p.health = healthFromName(stringFrom(m, "health"));
    return p;
}

QCborMap WorkloadInfo::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("cluster"), cluster);
    m.insert(QStringLiteral("ns"), ns);
    m.insert(QStringLiteral("kind"), kind);
    m.insert(QStringLiteral("name"), name);
    m.insert(QStringLiteral("desired"), desired);
    m.insert(QStringLiteral("ready"), ready);
    m.insert(QStringLiteral("updated"), updated);
    m.insert(QStringLiteral("available"), available);
    m.insert(QStringLiteral("images"), stringsValue(images));
    m.insert(QStringLiteral("restarts"), restarts);
    m.insert(QStringLiteral("rollout"), rollout);
    m.insert(QStringLiteral("rolloutMessage"), rolloutMessage);
    m.insert(QStringLiteral("pods"), listValue(pods));
    m.insert(QStringLiteral("health"), healthName(health));
    m.insert(QStringLiteral("healthReason"), healthReason);
    return m;
}

WorkloadInfo WorkloadInfo::fromCbor(const QCborMap &m)
{
    WorkloadInfo w;
    w.cluster = stringFrom(m, "cluster");
    w.ns = stringFrom(m, "ns");
    w.kind = stringFrom(m, "kind");
    w.name = stringFrom(m, "name");
    w.desired = intFrom(m, "desired");
    w.ready = intFrom(m, "ready");
    w.updated = intFrom(m, "updated");
    w.available = intFrom(m, "available");
    w.images = stringsFrom(m.value(QStringLiteral("images")));
    w.restarts = intFrom(m, "restarts");
    w.rollout = stringFrom(m, "rollout");
    w.rolloutMessage = stringFrom(m, "rolloutMessage");
    w.pods = listFrom<PodInfo>(m.value(QStringLiteral("pods")));
    w.health = healthFromName(stringFrom(m, "health"));
    w.healthReason = stringFrom(m, "healthReason");
    return w;
}

QCborMap ServiceInfo::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("cluster"), cluster);
    m.insert(QStringLiteral("ns"), ns);
    m.insert(QStringLiteral("kind"), kind);
    m.insert(QStringLiteral("name"), name);
    m.insert(QStringLiteral("type"), type);
    m.insert(QStringLiteral("addresses"), stringsValue(addresses));
    return m;
}

ServiceInfo ServiceInfo::fromCbor(const QCborMap &m)
{
    ServiceInfo s;
    s.cluster = stringFrom(m, "cluster");
    s.ns = stringFrom(m, "ns");
    s.kind = stringFrom(m, "kind");
    s.name = stringFrom(m, "name");
    s.type = stringFrom(m, "type");
    s.addresses = stringsFrom(m.value(QStringLiteral("addresses")));
    return s;
}

QCborMap KubeEventInfo::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("cluster"), cluster);
    m.insert(QStringLiteral("ns"), ns);
    m.insert(QStringLiteral("objectKind"), objectKind);
    m.insert(QStringLiteral("objectName"), objectName);
    m.insert(QStringLiteral("reason"), reason);
    m.insert(QStringLiteral("message"), message);
    m.insert(QStringLiteral("count"), count);
    m.insert(QStringLiteral("lastSeen"), timeValue(lastSeen));
    return m;
}

KubeEventInfo KubeEventInfo::fromCbor(const QCborMap &m)
{
    KubeEventInfo e;
    e.cluster = stringFrom(m, "cluster");
    e.ns = stringFrom(m, "ns");
    e.objectKind = stringFrom(m, "objectKind");
    e.objectName = stringFrom(m, "objectName");
    e.reason = stringFrom(m, "reason");
    e.message = stringFrom(m, "message");
    e.count = qMax(1, intFrom(m, "count"));
    e.lastSeen = timeFrom(m.value(QStringLiteral("lastSeen")));
    return e;
}

void EntityRuntime::merge(const EntityRuntime &other)
{
    workloads += other.workloads;
    services += other.services;
    events += other.events;
    std::stable_sort(events.begin(), events.end(),
                     [](const KubeEventInfo &a, const KubeEventInfo &b) { return a.lastSeen > b.lastSeen; });
    if (events.size() > 50) {
        events.resize(50);
    }
    problems += other.problems;
    if (other.health > health) {
        health = other.health;
        healthReason = other.healthReason;
    }
    if (other.updatedAt > updatedAt) {
        updatedAt = other.updatedAt;
    }
}

QCborMap EntityRuntime::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("workloads"), listValue(workloads));
    m.insert(QStringLiteral("services"), listValue(services));
    m.insert(QStringLiteral("events"), listValue(events));
    m.insert(QStringLiteral("problems"), errorsValue(problems));
    m.insert(QStringLiteral("health"), healthName(health));
    m.insert(QStringLiteral("healthReason"), healthReason);
    m.insert(QStringLiteral("updated"), timeValue(updatedAt));
    return m;
}

EntityRuntime EntityRuntime::fromCbor(const QCborMap &m)
{
    EntityRuntime r;
    r.workloads = listFrom<WorkloadInfo>(m.value(QStringLiteral("workloads")));
    r.services = listFrom<ServiceInfo>(m.value(QStringLiteral("services")));
    r.events = listFrom<KubeEventInfo>(m.value(QStringLiteral("events")));
    r.problems = errorsFrom(m.value(QStringLiteral("problems")));
    r.health = healthFromName(stringFrom(m, "health"));
    r.healthReason = stringFrom(m, "healthReason");
    r.updatedAt = timeFrom(m.value(QStringLiteral("updated")));
    return r;
}

QCborMap FlagEnvironment::toCbor() const
{
    return {
        {QStringLiteral("name"), name}, {QStringLiteral("on"), enabled}, {QStringLiteral("strategies"), strategies}};
}

FlagEnvironment FlagEnvironment::fromCbor(const QCborMap &m)
{
    FlagEnvironment e;
    e.name = stringFrom(m, "name");
    e.enabled = m.value(QStringLiteral("on")).toBool();
    e.strategies = intFrom(m, "strategies");
    return e;
}

QCborMap FeatureFlagInfo::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("source"), sourceId);
    m.insert(QStringLiteral("project"), project);
    m.insert(QStringLiteral("name"), name);
    m.insert(QStringLiteral("type"), type);
    m.insert(QStringLiteral("description"), description);
    m.insert(QStringLiteral("url"), url);
    m.insert(QStringLiteral("stale"), stale);
    m.insert(QStringLiteral("staleReason"), staleReason);
    m.insert(QStringLiteral("environments"), listValue(environments));
    m.insert(QStringLiteral("created"), timeValue(createdAt));
    m.insert(QStringLiteral("lastSeen"), timeValue(lastSeenAt));
    return m;
}

FeatureFlagInfo FeatureFlagInfo::fromCbor(const QCborMap &m)
{
    FeatureFlagInfo f;
    f.sourceId = stringFrom(m, "source");
    f.project = stringFrom(m, "project");
    f.name = stringFrom(m, "name");
    f.type = stringFrom(m, "type");
    f.description = stringFrom(m, "description");
    f.url = stringFrom(m, "url");
    f.stale = m.value(QStringLiteral("stale")).toBool();
    f.staleReason = stringFrom(m, "staleReason");
    f.environments = listFrom<FlagEnvironment>(m.value(QStringLiteral("environments")));
    f.createdAt = timeFrom(m.value(QStringLiteral("created")));
    f.lastSeenAt = timeFrom(m.value(QStringLiteral("lastSeen")));
    return f;
}

bool AlertInfo::isCritical() const
{
    return severity.compare(QLatin1StringView("critical"), Qt::CaseInsensitive) == 0
           || severity.compare(QLatin1StringView("page"), Qt::CaseInsensitive) == 0
           || severity.compare(QLatin1StringView("error"), Qt::CaseInsensitive) == 0;
}

QCborMap AlertInfo::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("origin"), origin);
    m.insert(QStringLiteral("source"), sourceId);
    m.insert(QStringLiteral("name"), name);
    m.insert(QStringLiteral("state"), state);
    m.insert(QStringLiteral("severity"), severity);
    m.insert(QStringLiteral("summary"), summary);
    m.insert(QStringLiteral("description"), description);
    m.insert(QStringLiteral("labels"), stringsValue(labels));
    m.insert(QStringLiteral("silencedBy"), stringsValue(silencedBy));
    m.insert(QStringLiteral("url"), url);
    m.insert(QStringLiteral("since"), timeValue(activeSince));
    return m;
}

AlertInfo AlertInfo::fromCbor(const QCborMap &m)
{
    AlertInfo a;
    a.origin = stringFrom(m, "origin");
    a.sourceId = stringFrom(m, "source");
    a.name = stringFrom(m, "name");
    a.state = stringFrom(m, "state");
    a.severity = stringFrom(m, "severity");
    a.summary = stringFrom(m, "summary");
    a.description = stringFrom(m, "description");
    a.labels = stringsFrom(m.value(QStringLiteral("labels")));
    a.silencedBy = stringsFrom(m.value(QStringLiteral("silencedBy")));
    a.url = stringFrom(m, "url");
    a.activeSince = timeFrom(m.value(QStringLiteral("since")));
    return a;
}

QCborMap MetricSeries::toCbor() const
{
    QCborArray t;
    QCborArray v;
    for (qint64 time : times) {
        t.append(time);
    }
    for (double value : values) {
        v.append(value);
    }
    return {{QStringLiteral("source"), sourceId}, {QStringLiteral("key"), key}, {QStringLiteral("title"), title},
            {QStringLiteral("unit"), unit},       {QStringLiteral("times"), t}, {QStringLiteral("values"), v}};
}

MetricSeries MetricSeries::fromCbor(const QCborMap &m)
{
    MetricSeries s;
    s.sourceId = stringFrom(m, "source");
    s.key = stringFrom(m, "key");
    s.title = stringFrom(m, "title");
    s.unit = stringFrom(m, "unit");
    for (const QCborValue &t : m.value(QStringLiteral("times")).toArray()) {
        s.times.append(t.toInteger());
    }
    for (const QCborValue &v : m.value(QStringLiteral("values")).toArray()) {
        s.values.append(v.toDouble());
    }
    return s;
}

QCborMap SilenceInfo::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("source"), sourceId);
    m.insert(QStringLiteral("id"), id);
    m.insert(QStringLiteral("state"), state);
    m.insert(QStringLiteral("matchers"), matchers);
    m.insert(QStringLiteral("createdBy"), createdBy);
    m.insert(QStringLiteral("comment"), comment);
    m.insert(QStringLiteral("starts"), timeValue(startsAt));
    m.insert(QStringLiteral("ends"), timeValue(endsAt));
    return m;
}

SilenceInfo SilenceInfo::fromCbor(const QCborMap &m)
{
    SilenceInfo s;
    s.sourceId = stringFrom(m, "source");
    s.id = stringFrom(m, "id");
    s.state = stringFrom(m, "state");
    s.matchers = stringFrom(m, "matchers");
    s.createdBy = stringFrom(m, "createdBy");
    s.comment = stringFrom(m, "comment");
    s.startsAt = timeFrom(m.value(QStringLiteral("starts")));
    s.endsAt = timeFrom(m.value(QStringLiteral("ends")));
    return s;
}

QCborMap CostInfo::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("source"), sourceId);
    m.insert(QStringLiteral("window"), window);
    m.insert(QStringLiteral("allocation"), allocation);
    m.insert(QStringLiteral("total"), total);
    m.insert(QStringLiteral("cpu"), cpu);
    m.insert(QStringLiteral("ram"), ram);
    m.insert(QStringLiteral("storage"), storage);
    m.insert(QStringLiteral("network"), network);
    m.insert(QStringLiteral("efficiency"), efficiency);
    m.insert(QStringLiteral("start"), timeValue(start));
    m.insert(QStringLiteral("end"), timeValue(end));
    return m;
}

CostInfo CostInfo::fromCbor(const QCborMap &m)
{
    CostInfo c;
    c.sourceId = stringFrom(m, "source");
    c.window = stringFrom(m, "window");
    c.allocation = stringFrom(m, "allocation");
    c.total = m.value(QStringLiteral("total")).toDouble();
    c.cpu = m.value(QStringLiteral("cpu")).toDouble();
    c.ram = m.value(QStringLiteral("ram")).toDouble();
    c.storage = m.value(QStringLiteral("storage")).toDouble();
    c.network = m.value(QStringLiteral("network")).toDouble();
    c.efficiency = m.value(QStringLiteral("efficiency")).toDouble(-1);
    c.start = timeFrom(m.value(QStringLiteral("start")));
    c.end = timeFrom(m.value(QStringLiteral("end")));
    return c;
}

Health EntityOps::alertHealth() const
{
    Health h = Health::None;
    for (const AlertInfo &a : alerts) {
        if (a.state == QLatin1StringView("firing")) {
            h = worse(h, a.isCritical() ? Health::Failed : Health::Degraded);
        } else if (a.state == QLatin1StringView("pending")) {
            h = worse(h, Health::Progressing);
        }
    }
    return h;
}

int EntityOps::firingCount() const
{
    return int(std::count_if(alerts.cbegin(), alerts.cend(), [](const AlertInfo &a) { return a.isFiring(); }));
}

int EntityOps::staleFlagCount() const
{
    return int(std::count_if(flags.cbegin(), flags.cend(), [](const FeatureFlagInfo &f) { return f.stale; }));
}

QString EntityOps::alertHealthReason() const
{
    QStringList names;
    for (const AlertInfo &a : alerts) {
        if (a.isFiring() && !names.contains(a.name)) {
            names.append(a.name);
        }
    }
    if (names.isEmpty()) {
        return {};
    }
    return QCoreApplication::translate("EntityOps", "%n firing alert(s): %1", nullptr, firingCount())
        .arg(names.join(QStringLiteral(", ")));
}

namespace {

int alertRank(const AlertInfo &a)
{
    if (a.isFiring()) {
        return a.isCritical() ? 0 : 1;
    }
    return a.state == QLatin1StringView("pending") ? 2 : 3;
}

QString alertIdentity(const AlertInfo &a)
{
    return a.labels.join(QLatin1Char('\n'));
}

} // namespace

void EntityOps::merge(const EntityOps &other)
{
    flags += other.flags;
    metrics += other.metrics;
    silences += other.silences;
    costs += other.costs;
    problems += other.problems;
    for (const AlertInfo &a : other.alerts) {
        // The same alert (same labels) from Prometheus and from the Alertmanager it sends to: one row, the
        // Alertmanager's (it knows whether a silence suppresses it).
        const auto same = std::find_if(alerts.begin(), alerts.end(), [&](const AlertInfo &existing) {
            return existing.origin != a.origin && alertIdentity(existing) == alertIdentity(a);
        });
        if (same == alerts.end()) {
            alerts.append(a);
        } else if (a.origin == QLatin1StringView("alertmanager")) {
            *same = a;
        }
    }
    std::stable_sort(alerts.begin(), alerts.end(), [](const AlertInfo &a, const AlertInfo &b) {
        if (alertRank(a) != alertRank(b)) {
            return alertRank(a) < alertRank(b);
        }
        return a.activeSince < b.activeSince;
    });
    if (other.updatedAt > updatedAt) {
        updatedAt = other.updatedAt;
    }
}

QCborMap EntityOps::toCbor() const
{
    QCborMap m;
    m.insert(QStringLiteral("flags"), listValue(flags));
    m.insert(QStringLiteral("alerts"), listValue(alerts));
    m.insert(QStringLiteral("metrics"), listValue(metrics));
    m.insert(QStringLiteral("silences"), listValue(silences));
    m.insert(QStringLiteral("costs"), listValue(costs));
    m.insert(QStringLiteral("problems"), errorsValue(problems));
    m.insert(QStringLiteral("updated"), timeValue(updatedAt));
    return m;
}

EntityOps EntityOps::fromCbor(const QCborMap &m)
{
    EntityOps o;
    o.flags = listFrom<FeatureFlagInfo>(m.value(QStringLiteral("flags")));
    o.alerts = listFrom<AlertInfo>(m.value(QStringLiteral("alerts")));
    o.metrics = listFrom<MetricSeries>(m.value(QStringLiteral("metrics")));
    o.silences = listFrom<SilenceInfo>(m.value(QStringLiteral("silences")));
    o.costs = listFrom<CostInfo>(m.value(QStringLiteral("costs")));
    o.problems = errorsFrom(m.value(QStringLiteral("problems")));
    o.updatedAt = timeFrom(m.value(QStringLiteral("updated")));
    return o;
}

const RepositoryInsights *LiveSnapshot::githubFor(const QString &entityKey) const
{
    const auto it = github.constFind(entityKey);
    return it == github.cend() ? nullptr : &it.value();
}

const EntityRuntime *LiveSnapshot::runtimeFor(const QString &entityKey) const
{
    const auto it = runtime.constFind(entityKey);
    return it == runtime.cend() ? nullptr : &it.value();
}

CiState LiveSnapshot::ciState(const QString &entityKey) const
{
    const RepositoryInsights *insights = githubFor(entityKey);
    return insights ? insights->ciState() : CiState::None;
}

const EntityOps *LiveSnapshot::opsFor(const QString &entityKey) const
{
    const auto it = ops.constFind(entityKey);
    return it == ops.cend() ? nullptr : &it.value();
}

Health LiveSnapshot::health(const QString &entityKey) const
{
    const EntityRuntime *r = runtimeFor(entityKey);
    const EntityOps *o = opsFor(entityKey);
    return worse(r ? r->health : Health::None, o ? o->alertHealth() : Health::None);
}

} // namespace Portolan::Core
