#include "RelationsModel.h"

#include "KindStyle.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

constexpr quintptr groupId = 0;

} // namespace

RelationsModel::RelationsModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

RelationsModel::~RelationsModel() = default;

void RelationsModel::setEntity(Catalog::Ptr catalog, int entityIndex)
{
    beginResetModel();
    m_catalog = std::move(catalog);
    m_groups.clear();
    if (m_catalog && entityIndex >= 0 && entityIndex < m_catalog->size()) {
        for (const CatalogRelation &r : m_catalog->relations(entityIndex)) {
            // relations() is grouped by type already.
            if (m_groups.isEmpty() || m_groups.last().type != r.type) {
                m_groups.append({r.type, {}});
            }
            m_groups.last().relations.append(r);
        }
    }
    endResetModel();
}

void RelationsModel::clear()
{
    setEntity(nullptr, -1);
}

int RelationsModel::relationCount() const
{
    int n = 0;
    for (const Group &g : m_groups) {
        n += int(g.relations.size());
    }
    return n;
}

QModelIndex RelationsModel::indexForTargetKey(const QString &refKey) const
{
    if (!m_catalog) {
        return {};
    }
    const int target = m_catalog->indexOf(refKey);
    for (qsizetype g = 0; g < m_groups.size() && target >= 0; ++g) {
        const auto &relations = m_groups[g].relations;
        for (qsizetype k = 0; k < relations.size(); ++k) {
            if (relations[k].target == target) {
                return createIndex(int(k), 0, quintptr(g) + 1);
            }
        }
    }
    return {};
}

QModelIndex RelationsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount) {
        return {};
    }
    if (!parent.isValid()) {
        return row < m_groups.size() ? createIndex(row, column, groupId) : QModelIndex();
    }
    if (parent.internalId() != groupId || parent.column() != 0 || parent.row() >= m_groups.size()) {
        return {};
    }
    if (row >= m_groups[parent.row()].relations.size()) {
        return {};
    }
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex RelationsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == groupId) {
        return {};
    }
    return createIndex(int(child.internalId() - 1), 0, groupId);
}

int RelationsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return int(m_groups.size());
    }
    if (parent.internalId() != groupId || parent.column() != 0) {
        return 0;
    }
    return int(m_groups[parent.row()].relations.size());
}

int RelationsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RelationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (index.internalId() == groupId) {
        const Group &g = m_groups[index.row()];
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == NameColumn) {
                return u"%1 (%2)"_s.arg(relationLabel(g.type)).arg(g.relations.size());
            }
            return {};
        case Qt::FontRole:
            if (index.column() == NameColumn) {
                QFont f;
                f.setBold(true);
                return f;
            }
            return {};
        case RelationTypeRole:
            return int(g.type);
        case IsGroupRole:
            return true;
        case DanglingRole:
            return false;
        case TargetIndexRole:
            return -1;
        default:
            return {};
        }
    }
    const Group &g = m_groups[qsizetype(index.internalId() - 1)];
    const CatalogRelation &r = g.relations[index.row()];
    const bool dangling = r.target < 0;
    const QString ref = m_catalog->relationTargetRef(r);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            if (dangling) {
                const auto parsed = EntityRef::parse(ref);
                return parsed.ok() ? parsed->name : ref;
            }
            return m_catalog->entity(r.target).displayName();
        case RefColumn:
            return ref;
        case DescriptionColumn:
            if (dangling) {
                return tr("not in the catalog");
            }
            return m_catalog->entity(r.target).description.section(u'\n', 0, 0);
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn) {
            const auto parsed = EntityRef::parse(ref);
            return KindStyle::kindIcon(dangling ? (parsed.ok() ? parsed->kind : QString())
                                                : m_catalog->entity(r.target).kind);
        }
        return {};
    case Qt::ForegroundRole:
        if (dangling) {
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        }
        if (index.column() == NameColumn) {
            return QGuiApplication::palette().color(QPalette::Link);
        }
        if (index.column() == DescriptionColumn) {
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        }
        return {};
    case Qt::FontRole:
        if (dangling && index.column() == DescriptionColumn) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        return dangling ? tr("%1 is not in the catalog").arg(ref) : tr("Open %1").arg(ref);
    case TargetIndexRole:
        return int(r.target);
    case TargetRefRole:
        return ref;
    case RelationTypeRole:
        return int(r.type);
    case IsGroupRole:
        return false;
    case DanglingRole:
        return dangling;
    default:
        return {};
    }
}

QVariant RelationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Entity");
    case RefColumn:
        return tr("Reference");
    case DescriptionColumn:
        return tr("Description");
    }
    return {};
}

Qt::ItemFlags RelationsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    if (index.internalId() == groupId) {
        return Qt::ItemIsEnabled;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace Portolan::Ui
