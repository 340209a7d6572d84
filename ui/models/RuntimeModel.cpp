#include "RuntimeModel.h"

#include "LiveStyle.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

struct RuntimeModel::Workload
{
    Core::WorkloadInfo info;
    QString key; // RowKeyRole
    QStringList podKeys; // each pod's name, made unique as the workload keys are
    int row = 0;
};

namespace {

QString workloadKey(const WorkloadInfo &w)
{
    return u"%1/%2/%3/%4"_s.arg(w.cluster, w.ns, w.kind, w.name);
}

// Rows are matched by key, so keys must be unique under one parent: the second of two equal ones gets "#2".
// Kubernetes names never hold '#'.
QStringList uniqueKeys(QStringList keys)
{
    QHash<QString, int> seen;
    for (QString &key : keys) {
        const int n = ++seen[key];
        if (n > 1) {
            key += u"#%1"_s.arg(n);
        }
    }
    return keys;
}

QStringList workloadKeys(const QList<WorkloadInfo> &workloads)
{
    QStringList keys;
    keys.reserve(workloads.size());
    for (const WorkloadInfo &w : workloads) {
        keys.append(workloadKey(w));
    }
    return uniqueKeys(std::move(keys));
}

QStringList podKeys(const QList<PodInfo> &pods)
{
    QStringList keys;
    keys.reserve(pods.size());
    for (const PodInfo &p : pods) {
        keys.append(p.name);
    }
    return uniqueKeys(std::move(keys));
}

bool samePod(const PodInfo &a, const PodInfo &b)
{
    return a.name == b.name && a.phase == b.phase && a.reason == b.reason && a.message == b.message
           && a.ready == b.ready && a.containers == b.containers && a.restarts == b.restarts && a.node == b.node
           && a.startedAt == b.startedAt && a.health == b.health;
}

// The workload's own row, without its pods.
bool sameWorkloadRow(const WorkloadInfo &a, const WorkloadInfo &b)
{
    return a.cluster == b.cluster && a.ns == b.ns && a.kind == b.kind && a.name == b.name && a.desired == b.desired
           && a.ready == b.ready && a.updated == b.updated && a.available == b.available && a.images == b.images
           && a.restarts == b.restarts && a.rollout == b.rollout && a.rolloutMessage == b.rolloutMessage
           && a.health == b.health && a.healthReason == b.healthReason;
}

// Brings the rows under one parent to `target` (their unique keys, in the new order) in as few row changes as it can:
// rows whose key is gone are removed (in runs, from the bottom), then the target is walked from the top: a row already
// in place is updated, one further down is moved up into place and updated, and runs of new keys are inserted. The
// callbacks do the model's part of each step: count(), keyAt(row), remove(first, last), move(from, to) with
// to < from, insert(first, last) of target rows first..last at row first, update(row) with target row `row`.
template<class Count, class KeyAt, class Remove, class Move, class Insert, class Update>
void reconcile(const QStringList &target, Count count, KeyAt keyAt, Remove remove, Move move, Insert insert,
               Update update)
{
    const QSet<QString> wanted(target.cbegin(), target.cend());
    for (int row = count() - 1; row >= 0;) {
        if (wanted.contains(keyAt(row))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !wanted.contains(keyAt(first - 1))) {
            --first;
        }
        remove(first, row);
        row = first - 1;
    }

    QSet<QString> present;
    for (int row = 0; row < count(); ++row) {
        present.insert(keyAt(row));
    }
    for (int i = 0; i < target.size();) {
        const QString &key = target.at(i);
        if (i < count() && keyAt(i) == key) {
            update(i);
            ++i;
        } else if (present.contains(key)) {
            int from = i + 1;
            while (keyAt(from) != key) {
                ++from;
            }
            move(from, i);
            update(i);
            ++i;
        } else {
            int last = i;
            while (last + 1 < target.size() && !present.contains(target.at(last + 1))) {
                ++last;
            }
            insert(i, last);
            i = last + 1;
        }
    }
}

} // namespace

RuntimeModel::RuntimeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

RuntimeModel::~RuntimeModel() = default;

std::unique_ptr<RuntimeModel::Workload> RuntimeModel::makeWorkload(const WorkloadInfo &info, const QString &key)
{
    auto w = std::make_unique<Workload>();
    w->info = info;
    w->key = key;
    w->podKeys = podKeys(info.pods);
    return w;
}

void RuntimeModel::renumber(int from)
{
    for (int row = from; row < int(m_workloads.size()); ++row) {
        m_workloads[std::size_t(row)]->row = row;
    }
}

void RuntimeModel::setWorkloads(const QList<WorkloadInfo> &workloads)
{
    const QStringList keys = workloadKeys(workloads);
    beginResetModel();
    m_workloads.clear();
    m_workloads.reserve(std::size_t(workloads.size()));
    for (qsizetype i = 0; i < workloads.size(); ++i) {
        m_workloads.push_back(makeWorkload(workloads.at(i), keys.at(i)));
    }
    renumber(0);
    endResetModel();
}

void RuntimeModel::updateWorkloads(const QList<WorkloadInfo> &workloads)
{
    const QStringList keys = workloadKeys(workloads);
    const auto at = [this](int row) -> Workload & { return *m_workloads[std::size_t(row)]; };
    reconcile(
        keys, [this] { return int(m_workloads.size()); }, [&at](int row) -> const QString & { return at(row).key; },
        [this](int first, int last) {
            beginRemoveRows({}, first, last);
            m_workloads.erase(m_workloads.begin() + first, m_workloads.begin() + last + 1);
            renumber(first);
            endRemoveRows();
        },
        [this](int from, int to) {
            beginMoveRows({}, from, from, {}, to);
            std::rotate(m_workloads.begin() + to, m_workloads.begin() + from, m_workloads.begin() + from + 1);
            renumber(to);
            endMoveRows();
        },
        [this, &workloads, &keys](int first, int last) {
            beginInsertRows({}, first, last);
            std::vector<std::unique_ptr<Workload>> added;
            added.reserve(std::size_t(last - first + 1));
            for (int i = first; i <= last; ++i) {
                added.push_back(makeWorkload(workloads.at(i), keys.at(i)));
            }
            m_workloads.insert(m_workloads.begin() + first, std::make_move_iterator(added.begin()),
                               std::make_move_iterator(added.end()));
            renumber(first);
            endInsertRows();
        },
        [this, &workloads](int row) { updateWorkload(row, workloads.at(row)); });
}

void RuntimeModel::updateWorkload(int row, const WorkloadInfo &next)
{
    Workload &w = *m_workloads[std::size_t(row)];
    const QModelIndex parent = createIndex(row, 0, nullptr);
    const QStringList keys = podKeys(next.pods);
    QList<PodInfo> &pods = w.info.pods;
    reconcile(
        keys, [&pods] { return int(pods.size()); }, [&w](int p) -> const QString & { return w.podKeys.at(p); },
        [&](int first, int last) {
            beginRemoveRows(parent, first, last);
            pods.remove(first, last - first + 1);
            w.podKeys.remove(first, last - first + 1);
            endRemoveRows();
        },
        [&](int from, int to) {
            beginMoveRows(parent, from, from, parent, to);
            pods.move(from, to);
            w.podKeys.move(from, to);
            endMoveRows();
        },
        [&](int first, int last) {
            beginInsertRows(parent, first, last);
            for (int p = first; p <= last; ++p) {
                pods.insert(p, next.pods.at(p));
                w.podKeys.insert(p, keys.at(p));
            }
            endInsertRows();
        },
        [&](int p) {
            if (!samePod(pods.at(p), next.pods.at(p))) {
                pods[p] = next.pods.at(p);
                Q_EMIT dataChanged(createIndex(p, 0, &w), createIndex(p, ColumnCount - 1, &w));
            }
        });
    const bool changed = !sameWorkloadRow(w.info, next);
    // The pods are equal to next's by now; taking next's list shares it with the snapshot instead of a copy.
    w.info = next;
    if (changed) {
        Q_EMIT dataChanged(parent, createIndex(row, ColumnCount - 1, nullptr));
    }
}

QModelIndex RuntimeModel::workloadIndex(const QString &key) const
{
    for (const auto &w : m_workloads) {
        if (w->key == key) {
            return createIndex(w->row, 0, nullptr);
        }
    }
    return {};
}

QModelIndex RuntimeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0) {
        return {};
    }
    if (!parent.isValid()) {
        return row < int(m_workloads.size()) ? createIndex(row, column, nullptr) : QModelIndex();
    }
    if (parent.internalPointer() || parent.column() != 0 || parent.row() >= int(m_workloads.size())) {
        return {};
    }
    Workload *w = m_workloads[std::size_t(parent.row())].get();
    return row < w->info.pods.size() ? createIndex(row, column, w) : QModelIndex();
}

QModelIndex RuntimeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer()) {
        return {};
    }
    return createIndex(static_cast<const Workload *>(child.internalPointer())->row, 0, nullptr);
}

int RuntimeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return int(m_workloads.size());
    }
    if (parent.column() != 0 || parent.internalPointer() || parent.row() >= int(m_workloads.size())) {
        return 0;
    }
    return int(m_workloads[std::size_t(parent.row())]->info.pods.size());
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
    if (const auto *w = static_cast<const Workload *>(index.internalPointer())) {
        return index.row() < w->info.pods.size() ? podData(*w, index.row(), index.column(), role) : QVariant();
    }
    return index.row() < int(m_workloads.size())
               ? workloadData(*m_workloads[std::size_t(index.row())], index.column(), role)
               : QVariant();
}

QVariant RuntimeModel::workloadData(const Workload &workload, int column, int role) const
{
    if (role == RowKeyRole) {
        return workload.key;
    }
    const WorkloadInfo &w = workload.info;
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

QVariant RuntimeModel::podData(const Workload &w, int row, int column, int role) const
{
    if (role == RowKeyRole) {
        return QString(w.key + u'/' + w.podKeys.at(row));
    }
    const PodInfo &p = w.info.pods.at(row);
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
