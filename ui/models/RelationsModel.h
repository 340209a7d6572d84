#pragma once

#include "catalog/Catalog.h"

#include <QAbstractItemModel>

namespace Portolan::Ui {

// One entity's relations as a tree: a top-level row per relation type ("Depends on (2)"), its targets below.
// Targets missing from the catalog (dangling references) are kept, flagged and greyed.
class RelationsModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelationsModel)

public:
    enum Column { NameColumn, RefColumn, DescriptionColumn, ColumnCount };
    enum Role {
        TargetIndexRole = Qt::UserRole + 1, // int: catalog index of the target, -1 when dangling or a group
        TargetRefRole, // QString
        RelationTypeRole, // int (Core::RelationType)
        IsGroupRole, // bool
        DanglingRole, // bool
    };

    explicit RelationsModel(QObject *parent = nullptr);
    ~RelationsModel() override;

    void setEntity(Core::Catalog::Ptr catalog, int entityIndex);
    void clear();
    [[nodiscard]] int relationCount() const;
    [[nodiscard]] int groupCount() const { return int(m_groups.size()); }
    // The first row whose target has this catalog key, or an invalid index.
    [[nodiscard]] QModelIndex indexForTargetKey(const QString &refKey) const;

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Group
    {
        Core::RelationType type;
        QList<Core::CatalogRelation> relations;
    };

    Core::Catalog::Ptr m_catalog;
    QList<Group> m_groups;
};

} // namespace Portolan::Ui
