#include "LiveTableModels.h"

#include "Format.h"
#include "LiveStyle.h"

#include <QIcon>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

QVariant timeSort(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : qint64(0);
}

QString shortSha(const QString &sha)
{
    return sha.left(7);
}

} // namespace

LiveTableModel::LiveTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

LiveTableModel::~LiveTableModel() = default;

int LiveTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

int LiveTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

QVariant LiveTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    const QStringList h = headers();
    return section >= 0 && section < h.size() ? QVariant(h.at(section)) : QVariant();
}

QDateTime LiveTableModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QString LiveTableModel::ago(const QDateTime &then) const
{
    return then.isValid() ? Format::relativeTime(then, now()) : QString();
}

// Workflow runs

void WorkflowRunsModel::setRuns(const QList<WorkflowRun> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

QStringList WorkflowRunsModel::headers() const
{
    return {tr("Status"), tr("Workflow"), tr("Branch"), tr("Commit"), tr("Event"), tr("Started"), tr("Duration")};
}

QVariant WorkflowRunsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const WorkflowRun &r = m_runs.at(index.row());
    if (role == UrlRole) {
        return r.url;
    }
    switch (index.column()) {
    case StatusColumn:
        if (role == Qt::DisplayRole) {
            return LiveStyle::runLabel(r.status, r.conclusion);
        }
        if (role == Qt::DecorationRole) {
            return LiveStyle::ciIcon(r.state());
        }
        if (role == SortRole) {
            return int(r.state());
        }
        break;
    case WorkflowColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return r.runNumber > 0 ? tr("%1 #%2").arg(r.workflow).arg(r.runNumber) : r.workflow;
        }
        break;
    case BranchColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return r.branch;
        }
        break;
    case TitleColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return r.title.isEmpty() ? shortSha(r.sha) : r.title;
        }
        if (role == Qt::ToolTipRole) {
            return tr("%1 by %2").arg(r.sha, r.actor);
        }
        break;
    case EventColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return r.event;
        }
        break;
    case StartedColumn:
        if (role == Qt::DisplayRole) {
            return ago(r.startedAt);
        }
        if (role == Qt::ToolTipRole) {
            return Format::dateTime(r.startedAt);
        }
        if (role == SortRole) {
            return timeSort(r.startedAt);
        }
        break;
    case DurationColumn:
        if (role == Qt::DisplayRole) {
            return LiveStyle::duration(r.durationSeconds());
        }
        if (role == SortRole) {
            return r.durationSeconds();
        }
        break;
    default:
        break;
    }
    return {};
}

// Pull requests

void PullRequestsModel::setPulls(const QList<PullRequestInfo> &pulls)
{
    beginResetModel();
    m_pulls = pulls;
    endResetModel();
}

QStringList PullRequestsModel::headers() const
{
    return {tr("#"), tr("Title"), tr("Author"), tr("Opened"), tr("Review"), tr("Checks"), tr("Branch")};
}

QVariant PullRequestsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const PullRequestInfo &p = m_pulls.at(index.row());
    if (role == UrlRole) {
        return p.url;
    }
    switch (index.column()) {
    case NumberColumn:
        if (role == Qt::DisplayRole) {
            return u"#%1"_s.arg(p.number);
        }
        if (role == SortRole) {
            return p.number;
        }
        break;
    case TitleColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return p.draft ? tr("%1 (draft)").arg(p.title) : p.title;
        }
        if (role == Qt::ToolTipRole && !p.labels.isEmpty()) {
            return tr("Labels: %1").arg(p.labels.join(u", "_s));
        }
        break;
    case AuthorColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return p.author;
        }
        break;
    case AgeColumn:
        if (role == Qt::DisplayRole) {
            return ago(p.createdAt);
        }
        if (role == Qt::ToolTipRole) {
            return Format::dateTime(p.createdAt);
        }
        if (role == SortRole) {
            return timeSort(p.createdAt);
        }
        break;
    case ReviewColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return LiveStyle::reviewLabel(p.reviewState);
        }
        if (role == Qt::DecorationRole) {
            return LiveStyle::ciIcon(LiveStyle::reviewState(p.reviewState));
        }
        if (role == Qt::ToolTipRole && !p.reviewers.isEmpty()) {
            return tr("Requested: %1").arg(p.reviewers.join(u", "_s));
        }
        break;
    case ChecksColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return LiveStyle::checksLabel(p.checksState);
        }
        if (role == Qt::DecorationRole) {
            return LiveStyle::ciIcon(LiveStyle::checksState(p.checksState));
        }
        break;
    case BranchColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return tr("%1 → %2").arg(p.head, p.base);
        }
        break;
    default:
        break;
    }
    return {};
}

// Deployments

void DeploymentsModel::setDeployments(const QList<DeploymentInfo> &deployments)
{
    beginResetModel();
    m_deployments = deployments;
    endResetModel();
}

QStringList DeploymentsModel::headers() const
{
    return {tr("Environment"), tr("State"), tr("Ref"), tr("Commit"), tr("By"), tr("Updated")};
}

QVariant DeploymentsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const DeploymentInfo &d = m_deployments.at(index.row());
    if (role == UrlRole) {
        return d.url;
    }
    switch (index.column()) {
    case EnvironmentColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return d.environment;
        }
        break;
    case StateColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return LiveStyle::deploymentLabel(d.state);
        }
        if (role == Qt::DecorationRole) {
            return LiveStyle::healthIcon(LiveStyle::deploymentHealth(d.state));
        }
        if (role == Qt::ToolTipRole && !d.description.isEmpty()) {
            return d.description;
        }
        break;
    case RefColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return d.ref;
        }
        break;
    case ShaColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return shortSha(d.sha);
        }
        if (role == Qt::ToolTipRole) {
            return d.sha;
        }
        break;
    case CreatorColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return d.creator;
        }
        break;
    case UpdatedColumn: {
        const QDateTime when = d.updatedAt.isValid() ? d.updatedAt : d.createdAt;
        if (role == Qt::DisplayRole) {
            return ago(when);
        }
        if (role == Qt::ToolTipRole) {
            return Format::dateTime(when);
        }
        if (role == SortRole) {
            return timeSort(when);
        }
        break;
    }
    default:
        break;
    }
    return {};
}

// Releases

void ReleasesModel::setReleases(const QList<ReleaseInfo> &releases)
{
    beginResetModel();
    m_releases = releases;
    endResetModel();
}

QStringList ReleasesModel::headers() const
{
    return {tr("Tag"), tr("Name"), tr("Published"), tr("By")};
}

QVariant ReleasesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const ReleaseInfo &r = m_releases.at(index.row());
    if (role == UrlRole) {
        return r.url;
    }
    switch (index.column()) {
    case TagColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return r.prerelease ? tr("%1 (pre-release)").arg(r.tag) : r.draft ? tr("%1 (draft)").arg(r.tag) : r.tag;
        }
        break;
    case NameColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return r.name;
        }
        break;
    case PublishedColumn:
        if (role == Qt::DisplayRole) {
            return ago(r.publishedAt);
        }
        if (role == Qt::ToolTipRole) {
            return Format::dateTime(r.publishedAt);
        }
        if (role == SortRole) {
            return timeSort(r.publishedAt);
        }
        break;
    case AuthorColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return r.author;
        }
        break;
    default:
        break;
    }
    return {};
}

// Kubernetes events

void KubeEventsModel::setEvents(const QList<KubeEventInfo> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

QStringList KubeEventsModel::headers() const
{
    return {tr("Last seen"), tr("Object"), tr("Reason"), tr("Message"), tr("Count"), tr("Where")};
}

QVariant KubeEventsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const KubeEventInfo &e = m_events.at(index.row());
    switch (index.column()) {
    case LastSeenColumn:
        if (role == Qt::DisplayRole) {
            return ago(e.lastSeen);
        }
        if (role == Qt::ToolTipRole) {
            return Format::dateTime(e.lastSeen);
        }
        if (role == SortRole) {
            return timeSort(e.lastSeen);
        }
        break;
    case ObjectColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return u"%1/%2"_s.arg(e.objectKind, e.objectName);
        }
        break;
    case ReasonColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return e.reason;
        }
        if (role == Qt::DecorationRole) {
            return LiveStyle::healthIcon(Health::Degraded);
        }
        break;
    case MessageColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
            return e.message;
        }
        break;
    case CountColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return e.count;
        }
        break;
    case WhereColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            return tr("%1 / %2").arg(e.cluster, e.ns);
        }
        break;
    default:
        break;
    }
    return {};
}

} // namespace Portolan::Ui
