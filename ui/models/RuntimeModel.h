#pragma once

#include "live/LiveTypes.h"

#include <QAbstractItemModel>

namespace Portolan::Ui {

// An entity's Kubernetes runtime as a tree: one row per workload (Deployment, StatefulSet, ...) in every cluster,
// its pods below it. Replaced whole when new runtime arrives; the view keeps what was expanded by RowKeyRole.
class RuntimeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuntimeModel)

public:
    enum Column { NameColumn, WhereColumn, ReadyColumn, StatusColumn, RestartsColumn, ImagesColumn, ColumnCount };
    enum Role {
        RowKeyRole = Qt::UserRole + 1, // QString: "cluster/ns/Kind/name" of a workload, plus "/pod" for a pod
        HealthRole, // int: Core::Health
    };

    explicit RuntimeModel(QObject *parent = nullptr);
    ~RuntimeModel() override;

    void setWorkloads(const QList<Core::WorkloadInfo> &workloads);
    [[nodiscard]] const QList<Core::WorkloadInfo> &workloads() const { return m_workloads; }

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QVariant workloadData(const Core::WorkloadInfo &w, int column, int role) const;
    [[nodiscard]] QVariant podData(const Core::WorkloadInfo &w, const Core::PodInfo &p, int column, int role) const;

    QList<Core::WorkloadInfo> m_workloads;
};

} // namespace Portolan::Ui
