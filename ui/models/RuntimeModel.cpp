#include "RuntimeModel.h"

#include "LiveStyle.h"

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

// Internal ids: 0 for a workload row, workload index + 1 for a pod row (its parent's row).
constexpr quintptr workloadId = 0;

} // namespace

RuntimeModel::RuntimeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

RuntimeModel::~RuntimeModel() = default;

void RuntimeModel::setWorkloads(const QList<WorkloadInfo> &workloads)
{
    beginResetModel();
    m_workloads = workloads;
    endResetModel();
}

QModelIndex RuntimeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0) {
        return {};
    }
    if (!parent.isValid()) {
        return row < m_workloads.size() ? createIndex(row, column, workloadId) : QModelIndex();
    }
    if (parent.internalId() != workloadId || parent.row() >= m_workloads.size()) {
        return {};
    }
    return row < m_workloads.at(parent.row()).pods.size() ? createIndex(row, column, quintptr(parent.row()) + 1)
                                                          : QModelIndex();
}

QModelIndex RuntimeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == workloadId) {
        return {};
    }
    return createIndex(int(child.internalId() - 1), 0, workloadId);
}

int RuntimeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return int(m_workloads.size());
    }
    if (parent.column() != 0 || parent.internalId() != workloadId || parent.row() >= m_workloads.size()) {
        return 0;
    }
    return int(m_workloads.at(parent.row()).pods.size());
}

int RuntimeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RuntimeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Workload");
    case WhereColumn:
        return tr("Cluster / namespace");
    case ReadyColumn:
        return tr("Ready");
    case StatusColumn:
        return tr("Status");
    case RestartsColumn:
        return tr("Restarts");
    case ImagesColumn:
        return tr("Images");
    default:
        return {};
    }
}

QVariant RuntimeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    if (index.internalId() == workloadId) {
        return index.row() < m_workloads.size() ? workloadData(m_workloads.at(index.row()), index.column(), role)
                                                : QVariant();
    }
    const int w = int(index.internalId() - 1);
    if (w >= m_workloads.size() || index.row() >= m_workloads.at(w).pods.size()) {
        return {};
    }
    return podData(m_workloads.at(w), m_workloads.at(w).pods.at(index.row()), index.column(), role);
}

QVariant RuntimeModel::workloadData(const WorkloadInfo &w, int column, int role) const
{
    if (role == RowKeyRole) {
        return u"%1/%2/%3/%4"_s.arg(w.cluster, w.ns, w.kind, w.name);
    }
    if (role == HealthRole) {
        return int(w.health);
    }
    switch (column) {
    case NameColumn:
        if (role == Qt::DisplayRole) {
            return tr("%1 %2").arg(w.kind, w.name);
        }
        if (role == Qt::DecorationRole) {
            return LiveStyle::healthIcon(w.health);
        }
        if (role == Qt::ToolTipRole) {
            return healthLabel(w.health);
        }
        break;
    case WhereColumn:
        if (role == Qt::DisplayRole) {
            return tr("%1 / %2").arg(w.cluster, w.ns);
        }
        break;
    case ReadyColumn:
        if (role == Qt::DisplayRole) {
            if (w.kind == u"CronJob"_s || w.kind == u"Job"_s) {
                return {};
            }
            return tr("%1/%2").arg(w.ready).arg(w.desired);
        }
        if (role == Qt::ToolTipRole) {
            return tr("%1 desired, %2 ready, %3 up to date, %4 available")
                .arg(w.desired)
                .arg(w.ready)
                .arg(w.updated)
                .arg(w.available);
        }
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole) {
            return w.healthReason.isEmpty() ? w.rollout : w.healthReason;
        }
        if (role == Qt::ToolTipRole) {
            return w.rolloutMessage.isEmpty() ? w.rollout : w.rolloutMessage;
        }
        if (role == Qt::ForegroundRole && w.health >= Health::Degraded) {
            return LiveStyle::healthColor(w.health);
        }
        break;
    case RestartsColumn:
        if (role == Qt::DisplayRole) {
            return w.restarts;
        }
        break;
    case ImagesColumn:
        if (role == Qt::DisplayRole) {
            return w.images.join(u", "_s);
        }
        if (role == Qt::ToolTipRole) {
            return w.images.join(u"\n"_s);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant RuntimeModel::podData(const WorkloadInfo &w, const PodInfo &p, int column, int role) const
{
    if (role == RowKeyRole) {
        return u"%1/%2/%3/%4/%5"_s.arg(w.cluster, w.ns, w.kind, w.name, p.name);
    }
    if (role == HealthRole) {
        return int(p.health);
    }
    switch (column) {
    case NameColumn:
        if (role == Qt::DisplayRole) {
            return p.name;
        }
        if (role == Qt::DecorationRole) {
            return LiveStyle::healthIcon(p.health);
        }
        break;
    case WhereColumn:
        if (role == Qt::DisplayRole) {
            return p.node;
        }
        if (role == Qt::ToolTipRole && !p.node.isEmpty()) {
            return tr("Node %1").arg(p.node);
        }
        break;
    case ReadyColumn:
        if (role == Qt::DisplayRole) {
            return tr("%1/%2").arg(p.ready).arg(p.containers);
        }
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole) {
            return p.reason.isEmpty() ? p.phase : p.reason;
        }
        if (role == Qt::ToolTipRole) {
            return p.message.isEmpty() ? p.phase : p.message;
        }
        if (role == Qt::ForegroundRole && p.health >= Health::Degraded) {
            return LiveStyle::healthColor(p.health);
        }
        break;
    case RestartsColumn:
        if (role == Qt::DisplayRole) {
            return p.restarts;
        }
        break;
    default:
        break;
    }
    return {};
}

} // namespace Portolan::Ui
