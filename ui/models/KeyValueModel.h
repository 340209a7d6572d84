#pragma once

#include "model/Entity.h"

#include <QAbstractTableModel>

namespace Portolan::Ui {

// Key/value pairs (an entity's labels or annotations) as a two-column table.
class KeyValueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyValueModel)

public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };

    explicit KeyValueModel(QObject *parent = nullptr);
    ~KeyValueModel() override;

    void setItems(const QList<Core::KeyValue> &items);
    [[nodiscard]] const QList<Core::KeyValue> &items() const { return m_items; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QList<Core::KeyValue> m_items;
};

} // namespace Portolan::Ui
