#pragma once

#include "catalog/Catalog.h"

#include <QAbstractItemModel>

#include <array>

namespace Portolan::Ui {

// The facet panel as a two-level tree: one top-level row per facet (Kind, Type, ...) whose children are the
// facet's values with their counts, checkable. Long lists show the first few values and a "Show N more" row.
// Counts are replaced in place (rows inserted, removed or changed), never by a reset, so views keep their
// expanded sections and scroll position while the user types.
class FacetModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FacetModel)

public:
    enum Role {
        FacetRole = Qt::UserRole + 1, // int (Core::Facet) on every row
        ValueRole, // QString: the facet value (value rows)
        CountRole, // int: entities with the value (value rows), distinct values (headers)
        RowTypeRole, // RowType
        SelectedCountRole, // int: selected values of the facet (headers)
    };
    enum class RowType { Header, Value, More };
    Q_ENUM(RowType)

    using Counts = std::array<QList<Core::FacetCount>, Core::facetCount>;
    using Selection = std::array<QStringList, Core::facetCount>;

    static constexpr int collapsedLimit = 8;

    explicit FacetModel(QObject *parent = nullptr);
    ~FacetModel() override;

    // Counts come from Core::QueryResult::facetCounts (Catalog::run), made in the same pass as the rows.
    void setCounts(const Counts &counts);
    [[nodiscard]] const Selection &selection() const { return m_selection; }
    void setSelection(const Selection &selection);
    void setValueSelected(Core::Facet facet, const QString &value, bool selected);
    void clearSelection();
    [[nodiscard]] bool hasSelection() const;
    void setShowAll(Core::Facet facet, bool showAll);
    [[nodiscard]] bool showsAll(Core::Facet facet) const { return m_showAll[std::size_t(facet)]; }
    // Toggles a value's check state or a "Show more" row, as a click on the row does.
    void activate(const QModelIndex &index);

    [[nodiscard]] QModelIndex headerIndex(Core::Facet facet) const;
    [[nodiscard]] QModelIndex valueIndex(Core::Facet facet, const QString &value) const;
    [[nodiscard]] int valueCount(Core::Facet facet) const; // distinct values with entities

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // The checked values changed: the owner re-queries the catalog.
    void selectionChanged();

private:
    struct Item
    {
        QString value;
        int count = 0;
        RowType type = RowType::Value;
    };

    [[nodiscard]] QList<Item> visibleItems(Core::Facet facet) const;
    void refresh(Core::Facet facet);
    void refreshAll();

    Counts m_counts;
    Selection m_selection;
    std::array<bool, Core::facetCount> m_showAll{};
    std::array<QList<Item>, Core::facetCount> m_items; // what the children rows show now
};

} // namespace Portolan::Ui
