#include "CatalogTableModel.h"

#include "KindStyle.h"
#include "LiveStyle.h"
#include "ScorecardModels.h"

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

QString firstLine(const QString &text)
{
    const qsizetype nl = text.indexOf(u'\n');
    return (nl < 0 ? text : text.left(nl)).trimmed();
}

} // namespace

CatalogTableModel::CatalogTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalog(Catalog::empty())
{
    m_query.sort = SortKey::Title;
}

CatalogTableModel::~CatalogTableModel() = default;

void CatalogTableModel::setCatalog(Catalog::Ptr catalog)
{
    m_catalog = catalog ? std::move(catalog) : Catalog::empty();
    m_result = {}; // a previous answer belongs to the previous snapshot
    requery();
}

void CatalogTableModel::setQuery(const CatalogQuery &query)
{
    m_query = query;
    requery();
}

bool CatalogTableModel::setLive(LiveSnapshot::Ptr live)
{
    m_query.live = std::move(live);
    const bool liveFilter =
        !m_query.facets[std::size_t(Facet::Ci)].isEmpty() || !m_query.facets[std::size_t(Facet::Health)].isEmpty();
    if (liveFilter) {
        requery();
        return true;
    }
    // Only the live columns and the live facets' counts change; the rows stay, and so does the selection.
    for (const Facet f : {Facet::Ci, Facet::Health}) {
        m_result.facetCounts[std::size_t(f)] = m_catalog->facetCounts(f, m_result.rows, m_query.live.get());
    }
    if (!m_result.rows.empty()) {
        Q_EMIT dataChanged(index(0, CiColumn), index(int(m_result.rows.size()) - 1, HealthColumn));
    }
    Q_EMIT resultsChanged();
    return false;
}

CiState CatalogTableModel::ciAt(int entityIndex) const
{
    const LiveSnapshot *live = m_query.live.get();
    if (!live) {
        return CiState::None;
    }
    if (live->catalog == m_catalog.get() && std::size_t(entityIndex) < live->ciByIndex.size()) {
        return CiState(live->ciByIndex[std::size_t(entityIndex)]);
    }
    return live->ciState(m_catalog->entity(entityIndex).key());
}

Health CatalogTableModel::healthAt(int entityIndex) const
{
    const LiveSnapshot *live = m_query.live.get();
    if (!live) {
        return Health::None;
    }
    if (live->catalog == m_catalog.get() && std::size_t(entityIndex) < live->healthByIndex.size()) {
        return Health(live->healthByIndex[std::size_t(entityIndex)]);
    }
    return live->health(m_catalog->entity(entityIndex).key());
}

void CatalogTableModel::requery()
{
    beginResetModel();
    m_result = m_catalog->run(m_query, m_result.textMatch.empty() ? nullptr : &m_result);
    endResetModel();
    Q_EMIT resultsChanged();
}

int CatalogTableModel::totalCount() const
{
    return m_catalog->size();
}

void CatalogTableModel::setScorecards(ScorecardResults::Ptr results)
{
    m_scorecards = std::move(results);
    m_query.levels = m_scorecards ? m_scorecards->levelFacet : nullptr;
    // The Level facet's counts (and, when a level is selected, the rows) follow the results.
    requery();
}

int CatalogTableModel::scoredIndex(int catalogIndex) const
{
    if (!m_scorecards) {
        return -1;
    }
    if (m_scorecards->catalog == m_catalog) {
        return catalogIndex;
    }
    return m_scorecards->catalog->indexOf(m_catalog->entity(catalogIndex).key());
}

int CatalogTableModel::entityIndexAt(int row) const
{
    return row >= 0 && std::size_t(row) < m_result.rows.size() ? m_result.rows[std::size_t(row)] : -1;
}

int CatalogTableModel::rowForKey(const QString &refKey) const
{
    const int index = m_catalog->indexOf(refKey);
    if (index < 0) {
        return -1;
    }
    const auto it = std::find(m_result.rows.cbegin(), m_result.rows.cend(), index);
    return it == m_result.rows.cend() ? -1 : int(it - m_result.rows.cbegin());
}

std::optional<SortKey> CatalogTableModel::sortKeyForColumn(int column)
{
    switch (column) {
    case NameColumn:
        return SortKey::Title;
    case KindColumn:
        return SortKey::Kind;
    case TypeColumn:
        return SortKey::Type;
    case OwnerColumn:
        return SortKey::Owner;
    case SystemColumn:
        return SortKey::System;
    case LifecycleColumn:
        return SortKey::Lifecycle;
    default:
        return std::nullopt;
    }
}

int CatalogTableModel::columnForSortKey(SortKey key)
{
    for (int c = 0; c < ColumnCount; ++c) {
        if (sortKeyForColumn(c) == key) {
            return c;
        }
    }
    return key == SortKey::Name ? NameColumn : -1;
}

int CatalogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.rows.size());
}

int CatalogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CatalogTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int i = m_result.rows[std::size_t(index.row())];
    const Entity &e = m_catalog->entity(i);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return e.displayName();
        case KindColumn:
            return e.kind;
        case TypeColumn:
            return m_catalog->facetValue(i, Facet::Type);
        case OwnerColumn:
            return m_catalog->facetValue(i, Facet::Owner);
        case SystemColumn:
            return m_catalog->facetValue(i, Facet::System);
        case LifecycleColumn:
            return m_catalog->facetValue(i, Facet::Lifecycle);
        case CiColumn: {
            const CiState ci = ciAt(i);
            return ci == CiState::None ? QString() : ciStateLabel(ci);
        }
        case HealthColumn: {
            const Health health = healthAt(i);
            return health == Health::None ? QString() : healthLabel(health);
        }
        case LevelColumn: {
            QStringList levels;
            const int scored = scoredIndex(i);
            for (qsizetype c = 0; m_scorecards && scored >= 0 && c < m_scorecards->cards.size(); ++c) {
                if (const EntityScore *score = m_scorecards->score(int(c), scored)) {
                    levels << ScorecardStyle::levelLabel(m_scorecards->cards.at(c), score->level);
                }
            }
            return levels.join(u" · "_s);
        }
        case TagsColumn:
            return e.tags.join(u", "_s);
        case DescriptionColumn:
            return firstLine(e.description);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == NameColumn) {
            return KindStyle::kindIcon(e.kind);
        }
        if (index.column() == LifecycleColumn) {
            const QString lifecycle = m_catalog->facetValue(i, Facet::Lifecycle);
            return lifecycle.isEmpty() ? QVariant() : QVariant(KindStyle::lifecycleIcon(lifecycle));
        }
        if (index.column() == CiColumn) {
            const CiState ci = ciAt(i);
            return ci == CiState::None ? QVariant() : QVariant(LiveStyle::ciIcon(ci));
        }
        if (index.column() == HealthColumn) {
            const Health health = healthAt(i);
            return health == Health::None ? QVariant() : QVariant(LiveStyle::healthIcon(health));
        }
        if (index.column() == LevelColumn) {
            // The colour of the lowest level held.
            const int scored = scoredIndex(i);
            int lowest = std::numeric_limits<int>::max();
            int card = -1;
            for (qsizetype c = 0; m_scorecards && scored >= 0 && c < m_scorecards->cards.size(); ++c) {
                if (const EntityScore *score = m_scorecards->score(int(c), scored); score && score->level < lowest) {
                    lowest = score->level;
                    card = int(c);
                }
            }
            return card < 0 ? QVariant() : QVariant(ScorecardStyle::levelIcon(m_scorecards->cards.at(card), lowest));
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == NameColumn) {
            return e.title.isEmpty() ? e.refString() : u"%1\n%2"_s.arg(e.title, e.refString());
        }
        if (index.column() == DescriptionColumn && !e.description.isEmpty()) {
            return u"<p>%1</p>"_s.arg(e.description.toHtmlEscaped());
        }
        if (index.column() == CiColumn && m_query.live) {
            if (const RepositoryInsights *insights = m_query.live->githubFor(e.key())) {
                return tr("%1 on %2 (%3)")
                    .arg(ciStateLabel(insights->ciState()), insights->defaultBranch, insights->slug);
            }
        }
        if (index.column() == LevelColumn && m_scorecards) {
            QStringList lines;
            const int scored = scoredIndex(i);
            for (qsizetype c = 0; scored >= 0 && c < m_scorecards->cards.size(); ++c) {
                if (const EntityScore *score = m_scorecards->score(int(c), scored)) {
                    lines << tr("%1: %2 (%3%)")
                                 .arg(m_scorecards->cards.at(c).displayTitle(),
                                      ScorecardStyle::levelLabel(m_scorecards->cards.at(c), score->level))
                                 .arg(std::round(score->score));
                }
            }
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
        }
        if (index.column() == HealthColumn && m_query.live) {
            if (const EntityRuntime *runtime = m_query.live->runtimeFor(e.key())) {
                return runtime->healthReason.isEmpty() ? healthLabel(runtime->health) : runtime->healthReason;
            }
        }
        break;
    case EntityIndexRole:
        return i;
    case RefRole:
        return e.refString();
    case RefKeyRole:
        return e.key();
    case TagsRole:
        return e.tags.toList();
    case KindRole:
        return e.kind;
    case CiStateRole:
        return int(ciAt(i));
    case HealthRole:
        return int(healthAt(i));
    default:
        break;
    }
    return {};
}

QVariant CatalogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case KindColumn:
            return tr("Kind");
        case TypeColumn:
            return tr("Type");
        case OwnerColumn:
            return tr("Owner");
        case SystemColumn:
            return tr("System");
        case LifecycleColumn:
            return tr("Lifecycle");
        case CiColumn:
            return tr("CI");
        case HealthColumn:
            return tr("Health");
        case LevelColumn:
            return tr("Level");
        case TagsColumn:
            return tr("Tags");
        case DescriptionColumn:
            return tr("Description");
        }
    }
    if (role == Qt::ToolTipRole) {
        return sortKeyForColumn(section) ? tr("Click to sort by this column") : tr("This column cannot be sorted");
    }
    return {};
}

Qt::ItemFlags CatalogTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

void CatalogTableModel::sort(int column, Qt::SortOrder order)
{
    const auto key = sortKeyForColumn(column);
    if (!key) {
        return;
    }
    const bool descending = order == Qt::DescendingOrder;
    if (m_query.sort == *key && m_query.descending == descending) {
        return;
    }
    m_query.sort = *key;
    m_query.descending = descending;
    // Sorting keeps the same rows, so it is a layout change (views keep selection), not a reset.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> beforeEntities;
    beforeEntities.reserve(std::size_t(before.size()));
    for (const QModelIndex &idx : before) {
        beforeEntities.push_back(entityIndexAt(idx.row()));
    }
    m_result = m_catalog->run(m_query, m_result.textMatch.empty() ? nullptr : &m_result);
    if (!before.isEmpty()) {
        QHash<int, int> rowOf;
        rowOf.reserve(qsizetype(m_result.rows.size()));
        for (std::size_t r = 0; r < m_result.rows.size(); ++r) {
            rowOf.insert(m_result.rows[r], int(r));
        }
        QModelIndexList after;
        after.reserve(before.size());
        for (qsizetype k = 0; k < before.size(); ++k) {
            const int row = rowOf.value(beforeEntities[std::size_t(k)], -1);
            after.append(row < 0 ? QModelIndex() : index(row, before[k].column()));
        }
        changePersistentIndexList(before, after);
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    Q_EMIT resultsChanged();
}

} // namespace Portolan::Ui
