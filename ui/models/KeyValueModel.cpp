#include "KeyValueModel.h"

namespace Portolan::Ui {

KeyValueModel::KeyValueModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

KeyValueModel::~KeyValueModel() = default;

void KeyValueModel::setItems(const QList<Core::KeyValue> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

int KeyValueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int KeyValueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyValueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Core::KeyValue &kv = m_items.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::EditRole) {
        return index.column() == KeyColumn ? kv.key : kv.value;
    }
    return {};
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == KeyColumn ? tr("Key") : tr("Value");
}

Qt::ItemFlags KeyValueModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace Portolan::Ui
