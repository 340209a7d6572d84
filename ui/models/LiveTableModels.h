#pragma once

#include "live/LiveTypes.h"

#include <QAbstractTableModel>
#include <QDateTime>

// The entity page's live tables: workflow runs, pull requests, deployments, releases and Kubernetes events. Each is a
// flat snapshot of one RepositoryInsights or EntityRuntime list, replaced whole (reset) when new live data arrives;
// they share the header and row plumbing of LiveTableModel. Rows open their upstream page through UrlRole.
namespace Portolan::Ui {

class LiveTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveTableModel)

public:
    enum Role {
        UrlRole = Qt::UserRole + 1, // QString: the run, pull request, deployment or release on GitHub
        SortRole, // a value to sort by (times as msecs)
    };

    explicit LiveTableModel(QObject *parent = nullptr);
    ~LiveTableModel() override;

    // Relative times ("5 min ago") are computed against this (tests pin it).
    void setNow(const QDateTime &now) { m_now = now; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

protected:
    [[nodiscard]] virtual int count() const = 0;
    [[nodiscard]] virtual QStringList headers() const = 0;
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] QString ago(const QDateTime &then) const;

private:
    QDateTime m_now;
};

class WorkflowRunsModel final : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column { StatusColumn, WorkflowColumn, BranchColumn, TitleColumn, EventColumn, StartedColumn, DurationColumn };
    using LiveTableModel::LiveTableModel;
    void setRuns(const QList<Core::WorkflowRun> &runs);
    [[nodiscard]] const QList<Core::WorkflowRun> &runs() const { return m_runs; }
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    [[nodiscard]] int count() const override { return int(m_runs.size()); }
    [[nodiscard]] QStringList headers() const override;

private:
    QList<Core::WorkflowRun> m_runs;
};

class PullRequestsModel final : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column { NumberColumn, TitleColumn, AuthorColumn, AgeColumn, ReviewColumn, ChecksColumn, BranchColumn };
    using LiveTableModel::LiveTableModel;
    void setPulls(const QList<Core::PullRequestInfo> &pulls);
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    [[nodiscard]] int count() const override { return int(m_pulls.size()); }
    [[nodiscard]] QStringList headers() const override;

private:
    QList<Core::PullRequestInfo> m_pulls;
};

class DeploymentsModel final : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column { EnvironmentColumn, StateColumn, RefColumn, ShaColumn, CreatorColumn, UpdatedColumn };
    using LiveTableModel::LiveTableModel;
    void setDeployments(const QList<Core::DeploymentInfo> &deployments);
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    [[nodiscard]] int count() const override { return int(m_deployments.size()); }
    [[nodiscard]] QStringList headers() const override;

private:
    QList<Core::DeploymentInfo> m_deployments;
};

class ReleasesModel final : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column { TagColumn, NameColumn, PublishedColumn, AuthorColumn };
    using LiveTableModel::LiveTableModel;
    void setReleases(const QList<Core::ReleaseInfo> &releases);
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    [[nodiscard]] int count() const override { return int(m_releases.size()); }
    [[nodiscard]] QStringList headers() const override;

private:
    QList<Core::ReleaseInfo> m_releases;
};

class KubeEventsModel final : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column { LastSeenColumn, ObjectColumn, ReasonColumn, MessageColumn, CountColumn, WhereColumn };
    using LiveTableModel::LiveTableModel;
    void setEvents(const QList<Core::KubeEventInfo> &events);
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    [[nodiscard]] int count() const override { return int(m_events.size()); }
    [[nodiscard]] QStringList headers() const override;

private:
    QList<Core::KubeEventInfo> m_events;
};

} // namespace Portolan::Ui
