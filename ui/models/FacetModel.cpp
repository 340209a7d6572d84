#include "FacetModel.h"

#include "KindStyle.h"
#include "LiveStyle.h"

#include <QFont>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

// Internal ids: 0 for headers, facet + 1 for the children of a facet.
constexpr quintptr headerId = 0;

} // namespace

FacetModel::FacetModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

FacetModel::~FacetModel() = default;

void FacetModel::setCounts(const Counts &counts)
{
    m_counts = counts;
    refreshAll();
}

void FacetModel::setSelection(const Selection &selection)
{
    if (selection == m_selection) {
        return;
    }
    m_selection = selection;
    refreshAll();
    Q_EMIT selectionChanged();
}

void FacetModel::setValueSelected(Facet facet, const QString &value, bool selected)
{
    QStringList &list = m_selection[std::size_t(facet)];
    if (selected == list.contains(value)) {
        return;
    }
    if (selected) {
        list.append(value);
    } else {
        list.removeAll(value);
    }
    refresh(facet);
    Q_EMIT selectionChanged();
}

void FacetModel::clearSelection()
{
    if (!hasSelection()) {
        return;
    }
    for (QStringList &list : m_selection) {
        list.clear();
    }
    refreshAll();
    Q_EMIT selectionChanged();
}

bool FacetModel::hasSelection() const
{
    return std::any_of(m_selection.cbegin(), m_selection.cend(), [](const QStringList &l) { return !l.isEmpty(); });
}

void FacetModel::setShowAll(Facet facet, bool showAll)
{
    if (m_showAll[std::size_t(facet)] == showAll) {
        return;
    }
    m_showAll[std::size_t(facet)] = showAll;
    refresh(facet);
}

void FacetModel::activate(const QModelIndex &index)
{
    if (!index.isValid() || index.internalId() == headerId) {
        return;
    }
    const auto facet = Facet(index.internalId() - 1);
    const Item &item = m_items[std::size_t(facet)].at(index.row());
    if (item.type == RowType::More) {
        setShowAll(facet, !showsAll(facet));
    } else {
        setValueSelected(facet, item.value, !m_selection[std::size_t(facet)].contains(item.value));
    }
}

QList<FacetModel::Item> FacetModel::visibleItems(Facet facet) const
{
    const QList<FacetCount> &counts = m_counts[std::size_t(facet)];
    const QStringList &selected = m_selection[std::size_t(facet)];
    QList<Item> all;
    all.reserve(counts.size() + selected.size() + 1);
    for (const FacetCount &c : counts) {
        all.append({c.value, c.count, RowType::Value});
    }
    // A selected value that matches nothing now stays listed (with 0) so it can be unchecked.
    for (const QString &value : selected) {
        if (std::none_of(all.cbegin(), all.cend(), [&value](const Item &i) { return i.value == value; })) {
            all.append({value, 0, RowType::Value});
        }
    }
    // "Show 1 more" would take as much room as the row it hides.
    if (all.size() <= collapsedLimit + 1) {
        return all;
    }
    if (m_showAll[std::size_t(facet)]) {
        all.append({QString(), 0, RowType::More});
        return all;
    }
    QList<Item> shown = all.first(collapsedLimit);
    for (qsizetype k = collapsedLimit; k < all.size(); ++k) {
        if (selected.contains(all[k].value)) {
            shown.append(all[k]);
        }
    }
    shown.append({QString(), int(all.size() - shown.size()), RowType::More});
    return shown;
}

void FacetModel::refresh(Facet facet)
{
    const QModelIndex parentIndex = headerIndex(facet);
    QList<Item> &current = m_items[std::size_t(facet)];
    const QList<Item> next = visibleItems(facet);
    const qsizetype common = std::min(current.size(), next.size());
    if (next.size() < current.size()) {
        beginRemoveRows(parentIndex, int(next.size()), int(current.size() - 1));
        current.resize(next.size());
        endRemoveRows();
    } else if (next.size() > current.size()) {
        beginInsertRows(parentIndex, int(current.size()), int(next.size() - 1));
        current.append(next.mid(current.size()));
        endInsertRows();
    }
    current = next;
    if (common > 0) {
        // Check states can change while values stay, so the rows always get a dataChanged.
        Q_EMIT dataChanged(index(0, 0, parentIndex), index(int(common - 1), 0, parentIndex));
    }
    Q_EMIT dataChanged(parentIndex, parentIndex);
}

void FacetModel::refreshAll()
{
    for (int f = 0; f < facetCount; ++f) {
        refresh(Facet(f));
    }
}

QModelIndex FacetModel::headerIndex(Facet facet) const
{
    return createIndex(int(facet), 0, headerId);
}

QModelIndex FacetModel::valueIndex(Facet facet, const QString &value) const
{
    const QList<Item> &items = m_items[std::size_t(facet)];
    for (qsizetype k = 0; k < items.size(); ++k) {
        if (items[k].type == RowType::Value && items[k].value == value) {
            return createIndex(int(k), 0, quintptr(facet) + 1);
        }
    }
    return {};
}

int FacetModel::valueCount(Facet facet) const
{
    return int(m_counts[std::size_t(facet)].size());
}

QModelIndex FacetModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0) {
        return {};
    }
    if (!parent.isValid()) {
        return row < facetCount ? createIndex(row, 0, headerId) : QModelIndex();
    }
    if (parent.internalId() != headerId || parent.row() >= facetCount) {
        return {};
    }
    if (row >= m_items[std::size_t(parent.row())].size()) {
        return {};
    }
    return createIndex(row, 0, quintptr(parent.row()) + 1);
}

QModelIndex FacetModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == headerId) {
        return {};
    }
    return createIndex(int(child.internalId() - 1), 0, headerId);
}

int FacetModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return facetCount;
    }
    if (parent.column() != 0 || parent.internalId() != headerId) {
        return 0;
    }
    return int(m_items[std::size_t(parent.row())].size());
}

int FacetModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant FacetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (index.internalId() == headerId) {
        const auto facet = Facet(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return facetLabel(facet);
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        case FacetRole:
            return int(facet);
        case CountRole:
            return valueCount(facet);
        case RowTypeRole:
            return QVariant::fromValue(RowType::Header);
        case SelectedCountRole:
            return int(m_selection[std::size_t(facet)].size());
        default:
            return {};
        }
    }
    const auto facet = Facet(index.internalId() - 1);
    const Item &item = m_items[std::size_t(facet)].at(index.row());
    if (item.type == RowType::More) {
        switch (role) {
        case Qt::DisplayRole:
            return m_showAll[std::size_t(facet)] ? tr("Show fewer") : tr("Show %n more", nullptr, item.count);
        case FacetRole:
            return int(facet);
        case RowTypeRole:
            return QVariant::fromValue(RowType::More);
        case CountRole:
            return item.count;
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        // The live facets' values are stable names ("failing"); people read them translated.
        if (facet == Facet::Ci) {
            return ciStateLabel(ciStateFromName(item.value));
        }
        if (facet == Facet::Health) {
            return healthLabel(healthFromName(item.value));
        }
        return item.value;
    case ValueRole:
        return item.value;
    case Qt::ToolTipRole:
        return tr("%1: %2 (%n entities)", nullptr, item.count).arg(facetLabel(facet), item.value);
    case Qt::CheckStateRole:
        return m_selection[std::size_t(facet)].contains(item.value) ? Qt::Checked : Qt::Unchecked;
    case Qt::DecorationRole:
        if (facet == Facet::Kind) {
            return KindStyle::kindIcon(item.value);
        }
        if (facet == Facet::Lifecycle) {
            return KindStyle::lifecycleIcon(item.value);
        }
        if (facet == Facet::Ci) {
            return LiveStyle::ciIcon(ciStateFromName(item.value));
        }
        if (facet == Facet::Health) {
            return LiveStyle::healthIcon(healthFromName(item.value));
        }
        return {};
    case FacetRole:
        return int(facet);
    case CountRole:
        return item.count;
    case RowTypeRole:
        return QVariant::fromValue(RowType::Value);
    default:
        return {};
    }
}

bool FacetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || index.internalId() == headerId) {
        return false;
    }
    const auto facet = Facet(index.internalId() - 1);
    const Item item = m_items[std::size_t(facet)].at(index.row());
    if (item.type != RowType::Value) {
        return false;
    }
    setValueSelected(facet, item.value, value.value<Qt::CheckState>() == Qt::Checked);
    return true;
}

Qt::ItemFlags FacetModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    if (index.internalId() == headerId) {
        return Qt::ItemIsEnabled;
    }
    const auto facet = Facet(index.internalId() - 1);
    const Item &item = m_items[std::size_t(facet)].at(index.row());
    if (item.type == RowType::More) {
        return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

} // namespace Portolan::Ui
