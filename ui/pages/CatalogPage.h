#pragma once

#include "catalog/Catalog.h"
#include "scorecards/ScorecardEngine.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;
class QTreeView;

namespace Portolan::Ui {

class CatalogTableModel;
class EntityPage;
class FacetModel;
class SearchField;

// The catalog: a search field over a facet panel and the result table, and the entity page in the same place,
// with Back/Forward history (Alt+Left/Alt+Right, the mouse's back and forward buttons). Every keystroke and
// facet click re-queries the snapshot's index; sorting re-queries with the column's sort key.
class CatalogPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogPage)

public:
    explicit CatalogPage(QWidget *parent = nullptr);
    ~CatalogPage() override;

    void setWorkspaceRoot(const QString &root);
    void setCachePath(const QString &path); // see EntityPage::setCachePath
    // Swaps the snapshot, keeping the query, the selected row and the open entity (by ref key).
    void setCatalog(Core::Catalog::Ptr catalog);
    // The list alone, before the catalog (WorkspaceSession::listChanged): shown, searched and filtered like the
    // catalog; an entity opened from it opens once the catalog is here.
    void setList(const Core::Catalog::Ptr &list);
    [[nodiscard]] bool isShowingList() const { return m_listOnly; }
    // Live data for the CI and Health columns and facets, and the entity page's live tabs.
    void setLive(const Core::LiveSnapshot::Ptr &live);
    // Scorecard results: the Level column and the entity page's Scorecards tab.
    void setScorecards(const Core::ScorecardResults::Ptr &results);
    // While true and the catalog is empty, the result area says the workspace is being read.
    void setLoading(bool loading);

    // Opens an entity by any ref form ("shipment-service", "api:booking-api", "component:default/x"). Before
    // the first snapshot arrives the request is kept and applied then. False when it is not in the catalog.
    bool openEntity(const QString &ref);
    void showResults();
    void setSearchText(const QString &text);
    void setFacetValues(Core::Facet facet, const QStringList &values);
    void clearFilters();
    void focusSearch();

    [[nodiscard]] bool isShowingEntity() const;
    [[nodiscard]] QString currentEntityKey() const;
    [[nodiscard]] bool canGoBack() const { return m_historyPos > 0; }
    [[nodiscard]] bool canGoForward() const { return m_historyPos + 1 < m_history.size(); }
    void goBack();
    void goForward();

    void saveState() const;
    void restoreState();

    [[nodiscard]] SearchField *searchField() const { return m_search; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QTreeView *facetView() const { return m_facetView; }
    [[nodiscard]] CatalogTableModel *tableModel() const { return m_model; }
    [[nodiscard]] FacetModel *facetModel() const { return m_facets; }
    [[nodiscard]] EntityPage *entityPage() const { return m_entityPage; }
    [[nodiscard]] QLabel *resultLabel() const { return m_resultLabel; }

Q_SIGNALS:
    void fileRequested(const QString &file, int line, int column);
    void resultsChanged(int shown, int total);
    void currentEntityChanged(const QString &refKey);
    // The entity page's "Refresh now": sync the entity's source again.
    void refreshEntityRequested(const QString &refKey);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QWidget *buildResults();
    QWidget *buildFacets();
    void runQuery();
    void updateResultState();
    void updateFacetRows();
    void navigate(const QString &entry);
    void apply(const QString &entry);
    void updateNavigation();
    void openRow(const QModelIndex &index);
    void showTableMenu(const QPoint &pos);
    void restoreCurrentRow(const QString &key);
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void filterByTag(const QString &tag);
    void fitColumns();

    Core::Catalog::Ptr m_catalog;
    CatalogTableModel *m_model;
    FacetModel *m_facets;
    SearchField *m_search;
    QToolButton *m_back;
    QToolButton *m_forward;
    QStackedWidget *m_views;
    QSplitter *m_splitter;
    QTreeView *m_facetView;
    QPushButton *m_clearFacets;
    QLabel *m_resultLabel;
    QStackedWidget *m_resultStack;
    QTableView *m_table;
    QWidget *m_emptyState;
    QLabel *m_emptyText;
    QPushButton *m_emptyClear;
    EntityPage *m_entityPage;

    QStringList m_history{QString()}; // "" is the result list, anything else an entity key
    int m_historyPos = 0;
    QString m_pendingRef;
    bool m_loading = false;
    bool m_listOnly = false; // the table shows a list from setList, not the catalog yet
    // Columns share the table's width until the user resizes one.
    bool m_autoFitColumns = true;
    bool m_fittingColumns = false;
};

} // namespace Portolan::Ui
