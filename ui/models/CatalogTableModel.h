#pragma once

#include "catalog/Catalog.h"
#include "scorecards/ScorecardEngine.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace Portolan::Ui {

// The catalog as a table: one row per entity matching the current CatalogQuery. The rows are the index list
// Catalog::query() returns, so filtering and sorting happen in the catalog's own indexes; a
// QSortFilterProxyModel would be too slow at 100k rows. sort() re-queries with the column's SortKey.
class CatalogTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogTableModel)

public:
    enum Column {
        NameColumn,
        KindColumn,
        TypeColumn,
        OwnerColumn,
        SystemColumn,
        LifecycleColumn,
        CiColumn,
        HealthColumn,
        LevelColumn, // the scorecard levels held, one per scorecard that applies
        TagsColumn,
        DescriptionColumn,
        ColumnCount
    };
    enum Role {
        EntityIndexRole = Qt::UserRole + 1, // int: index in the catalog
        RefRole, // QString: "component:default/name"
        RefKeyRole, // QString: the catalog key (lower-cased ref)
        TagsRole, // QStringList
        KindRole, // QString
        CiStateRole, // int: Core::CiState
        HealthRole, // int: Core::Health
    };

    explicit CatalogTableModel(QObject *parent = nullptr);
    ~CatalogTableModel() override;

    // Swaps in a new snapshot and re-runs the current query on it.
    void setCatalog(Core::Catalog::Ptr catalog);
    [[nodiscard]] const Core::Catalog::Ptr &catalog() const { return m_catalog; }
    void setQuery(const Core::CatalogQuery &query);
    // New live data: the CI and Health columns and facet counts follow it. Returns true when the rows were queried
    // again (a CI or Health facet is selected, so the rows themselves may change); otherwise only those columns
    // change (dataChanged) and the rows stay.
    bool setLive(Core::LiveSnapshot::Ptr live);
    [[nodiscard]] const Core::LiveSnapshot::Ptr &live() const { return m_query.live; }
    [[nodiscard]] const Core::CatalogQuery &query() const { return m_query; }
    // Scorecard results for the Level column (of this catalog or an older snapshot: matched by key) and the Level
    // facet (only when they are of this catalog); the query runs again.
    void setScorecards(Core::ScorecardResults::Ptr results);

    [[nodiscard]] const std::vector<int> &rows() const { return m_result.rows; }
    // Per facet, the value counts over the rows that match everything but that facet (from the same pass).
    [[nodiscard]] const std::array<QList<Core::FacetCount>, Core::facetCount> &facetCounts() const
    {
        return m_result.facetCounts;
    }
    [[nodiscard]] int totalCount() const;
    [[nodiscard]] int entityIndexAt(int row) const;
    // The row showing the entity with this catalog key, or -1.
    [[nodiscard]] int rowForKey(const QString &refKey) const;

    [[nodiscard]] static std::optional<Core::SortKey> sortKeyForColumn(int column);
    [[nodiscard]] static int columnForSortKey(Core::SortKey key);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    // After every re-query (new text, facets, sort or snapshot).
    void resultsChanged();

private:
    void requery();
    [[nodiscard]] Core::CiState ciAt(int entityIndex) const;
    [[nodiscard]] Core::Health healthAt(int entityIndex) const;

    Core::Catalog::Ptr m_catalog;
    Core::CatalogQuery m_query;
    Core::ScorecardResults::Ptr m_scorecards;
    // The scorecards' entity index of each catalog index (when the results are of another snapshot).
    [[nodiscard]] int scoredIndex(int catalogIndex) const;
    // The last answer, kept so the next keystroke only searches its matches (Catalog::run narrows).
    Core::QueryResult m_result;
};

} // namespace Portolan::Ui
