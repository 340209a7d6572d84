#pragma once

#include "live/LiveTypes.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace Portolan::Ui {

// An entity's Kubernetes runtime as a tree: one row per workload (Deployment, StatefulSet, ...) in every cluster,
// its pods below it. Another entity's runtime replaces it whole (a reset); a newer runtime of the same entity is
// applied in place, row by row, matched by RowKeyRole, so views keep what is expanded, selected and current, and only
// the rows that changed are repainted.
class RuntimeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuntimeModel)

public:
    enum Column { NameColumn, WhereColumn, ReadyColumn, StatusColumn, RestartsColumn, ImagesColumn, ColumnCount };
    enum Role {
        // QString: "cluster/ns/Kind/name" of a workload, plus "/pod" for a pod; a second workload with the same name
        // in the same cluster and namespace (two sources watching one cluster) gets "#2" appended, and so on.
        RowKeyRole = Qt::UserRole + 1,
        HealthRole, // int: Core::Health
    };

    explicit RuntimeModel(QObject *parent = nullptr);
    ~RuntimeModel() override;

    // Replaces everything with a model reset: for another entity, or when there was nothing before.
    void setWorkloads(const QList<Core::WorkloadInfo> &workloads);
    // Brings the rows to `workloads` in place: workloads and pods that are gone are removed, new ones inserted where
    // they belong, reordered ones moved, and rows whose values changed reported with dataChanged; nothing else is
    // touched. Costs a comparison per row when nothing changed.
    void updateWorkloads(const QList<Core::WorkloadInfo> &workloads);
    // The workload row with this RowKeyRole, or an invalid index.
    [[nodiscard]] QModelIndex workloadIndex(const QString &key) const;

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    struct Workload;

    [[nodiscard]] static std::unique_ptr<Workload> makeWorkload(const Core::WorkloadInfo &info, const QString &key);
    void updateWorkload(int row, const Core::WorkloadInfo &next);
    void renumber(int from);
    [[nodiscard]] QVariant workloadData(const Workload &w, int column, int role) const;
    [[nodiscard]] QVariant podData(const Workload &w, int row, int column, int role) const;

    // Pod rows carry their workload's Workload as internal pointer (stable while rows move); workload rows carry none.
    std::vector<std::unique_ptr<Workload>> m_workloads;
};

} // namespace Portolan::Ui
