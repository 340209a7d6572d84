#include "CatalogPage.h"

#include "EntityPage.h"
#include "UiSettings.h"
#include "models/CatalogTableModel.h"
#include "models/FacetModel.h"
#include "widgets/CatalogItemDelegate.h"
#include "widgets/FacetDelegate.h"
#include "widgets/Icons.h"
#include "widgets/SearchField.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

QToolButton *navButton(Icons::Glyph glyph, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setIcon(Icons::icon(glyph));
    b->setIconSize(QSize(18, 18));
    b->setAutoRaise(true);
    return b;
}

} // namespace

CatalogPage::CatalogPage(QWidget *parent)
    : QWidget(parent)
    , m_catalog(Catalog::empty())
    , m_model(new CatalogTableModel(this))
    , m_facets(new FacetModel(this))
    , m_search(new SearchField(this))
    , m_back(navButton(Icons::Glyph::Back, this))
    , m_forward(navButton(Icons::Glyph::Forward, this))
    , m_views(new QStackedWidget(this))
    , m_entityPage(new EntityPage(this))
{
    setObjectName(u"catalogPage"_s);
    m_search->setObjectName(u"catalogSearch"_s);
    m_search->setAccessibleName(tr("Search the catalog"));
    m_back->setObjectName(u"navigateBack"_s);
    m_back->setAccessibleName(tr("Back"));
    m_forward->setObjectName(u"navigateForward"_s);

    auto *backAction = new QAction(Icons::icon(Icons::Glyph::Back), tr("Back"), this);
    backAction->setShortcut(QKeySequence::Back);
    backAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    auto *forwardAction = new QAction(Icons::icon(Icons::Glyph::Forward), tr("Forward"), this);
    forwardAction->setShortcut(QKeySequence::Forward);
    forwardAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(backAction);
    addAction(forwardAction);
    connect(backAction, &QAction::triggered, this, &CatalogPage::goBack);
    connect(forwardAction, &QAction::triggered, this, &CatalogPage::goForward);
    connect(m_back, &QToolButton::clicked, this, &CatalogPage::goBack);
    connect(m_forward, &QToolButton::clicked, this, &CatalogPage::goForward);
    m_back->setToolTip(tr("Back (%1)").arg(backAction->shortcut().toString(QKeySequence::NativeText)));
    m_forward->setToolTip(tr("Forward (%1)").arg(forwardAction->shortcut().toString(QKeySequence::NativeText)));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(10, 10, 12, 10);
    top->setSpacing(4);
    top->addWidget(m_back);
    top->addWidget(m_forward);
    top->addSpacing(6);
    m_search->setMinimumHeight(m_search->sizeHint().height() + 6);
    top->addWidget(m_search, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"catalogSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(buildFacets());
    m_splitter->addWidget(buildResults());
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({230, 1000});

    m_views->addWidget(m_splitter);
    m_views->addWidget(m_entityPage);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(line);
    layout->addWidget(m_views, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this] {
        if (isShowingEntity()) {
            navigate(QString());
        }
        runQuery();
    });
    connect(m_search, &SearchField::moveToResultsRequested, this, [this] {
        if (isShowingEntity()) {
            navigate(QString());
        }
        m_table->setFocus(Qt::ShortcutFocusReason);
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0) {
            m_table->setCurrentIndex(m_model->index(0, 0));
        }
    });
    connect(m_facets, &FacetModel::selectionChanged, this, &CatalogPage::runQuery);
    connect(m_entityPage, &EntityPage::entityRequested, this, &CatalogPage::navigate);
    connect(m_entityPage, &EntityPage::tagRequested, this, &CatalogPage::filterByTag);
    connect(m_entityPage, &EntityPage::fileRequested, this, &CatalogPage::fileRequested);
    connect(m_entityPage, &EntityPage::refreshRequested, this, &CatalogPage::refreshEntityRequested);

    runQuery();
    updateNavigation();
}

CatalogPage::~CatalogPage() = default;

QWidget *CatalogPage::buildFacets()
{
    auto *panel = new QWidget(this);
    panel->setObjectName(u"facetPanel"_s);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(12, 8, 6, 6);
    auto *title = new QLabel(tr("Filters"), panel);
    QFont f = title->font();
    f.setWeight(QFont::DemiBold);
    title->setFont(f);
    m_clearFacets = new QPushButton(tr("Clear filters"), panel);
    m_clearFacets->setObjectName(u"clearFilters"_s);
    m_clearFacets->setFlat(true);
    m_clearFacets->setCursor(Qt::PointingHandCursor);
    connect(m_clearFacets, &QPushButton::clicked, m_facets, &FacetModel::clearSelection);
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(m_clearFacets);
    layout->addLayout(header);

    m_facetView = new QTreeView(panel);
    m_facetView->setObjectName(u"facetView"_s);
    m_facetView->setAccessibleName(tr("Filters"));
    m_facetView->setModel(m_facets);
    m_facetView->setItemDelegate(new FacetDelegate(m_facetView));
    m_facetView->setHeaderHidden(true);
    m_facetView->setRootIsDecorated(false);
    m_facetView->setIndentation(6);
    m_facetView->setFrameShape(QFrame::NoFrame);
    m_facetView->setSelectionMode(QAbstractItemView::NoSelection);
    m_facetView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_facetView->setExpandsOnDoubleClick(false);
    m_facetView->setIconSize(QSize(14, 14));
    m_facetView->setMouseTracking(true);
    m_facetView->setTextElideMode(Qt::ElideMiddle);
    m_facetView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_facetView->setAutoFillBackground(false);
    m_facetView->viewport()->setBackgroundRole(QPalette::Window);
    connect(m_facetView, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.data(FacetModel::RowTypeRole).value<FacetModel::RowType>() == FacetModel::RowType::Header) {
            m_facetView->setExpanded(index, !m_facetView->isExpanded(index));
        }
    });
    connect(m_facetView, &QTreeView::entered, this,
            [this](const QModelIndex &) { m_facetView->viewport()->setCursor(Qt::PointingHandCursor); });
    for (const Facet facet : {Facet::Kind, Facet::Type, Facet::Lifecycle, Facet::Owner, Facet::System}) {
        m_facetView->expand(m_facets->headerIndex(facet));
    }
    layout->addWidget(m_facetView, 1);
    panel->setMinimumWidth(190);
    return panel;
}

QWidget *CatalogPage::buildResults()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(12, 8, 12, 6);
    m_resultLabel = new QLabel(panel);
    m_resultLabel->setObjectName(u"resultCount"_s);
    QFont f = m_resultLabel->font();
    f.setWeight(QFont::DemiBold);
    m_resultLabel->setFont(f);
    auto *hint = new QLabel(tr("Enter or double-click opens an entity"), panel);
    hint->setForegroundRole(QPalette::PlaceholderText);
    header->addWidget(m_resultLabel);
    header->addStretch(1);
    header->addWidget(hint);
    layout->addLayout(header);

    m_table = new QTableView(panel);
    m_table->setObjectName(u"catalogTable"_s);
    m_table->setAccessibleName(tr("Catalog entities"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new CatalogItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->setIconSize(QSize(18, 18));
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    QHeaderView *vertical = m_table->verticalHeader();
    vertical->hide();
    vertical->setSectionResizeMode(QHeaderView::Fixed); // uniform row heights: virtualised at any size
    vertical->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    QHeaderView *horizontal = m_table->horizontalHeader();
    horizontal->setHighlightSections(false);
    horizontal->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontal->setStretchLastSection(true);
    horizontal->setSectionsMovable(true);
    horizontal->setMinimumSectionSize(60);
    connect(horizontal, &QHeaderView::sectionResized, this, [this] {
        // Only a drag on the header counts as the user's choice; the header also resizes its last section.
        if (!m_fittingColumns && (QGuiApplication::mouseButtons() & Qt::LeftButton)) {
            m_autoFitColumns = false;
        }
    });
    m_table->viewport()->installEventFilter(this);
    horizontal->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontal, &QWidget::customContextMenuRequested, this, [this, horizontal](const QPoint &pos) {
        QMenu menu(this);
        menu.addSection(tr("Columns"));
        for (int c = 1; c < CatalogTableModel::ColumnCount; ++c) {
            QAction *column = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
            column->setCheckable(true);
            column->setChecked(!horizontal->isSectionHidden(c));
            connect(column, &QAction::toggled, this, [this, horizontal, c](bool shown) {
                horizontal->setSectionHidden(c, !shown);
                if (m_autoFitColumns) {
                    fitColumns();
                }
            });
        }
        menu.exec(horizontal->mapToGlobal(pos));
    });
    horizontal->setSortIndicator(CatalogTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    connect(horizontal, &QHeaderView::sortIndicatorChanged, this, &CatalogPage::onSortIndicatorChanged);
    connect(m_table, &QTableView::activated, this, &CatalogPage::openRow);
    connect(m_table, &QWidget::customContextMenuRequested, this, &CatalogPage::showTableMenu);
    m_table->installEventFilter(this);

    m_emptyState = new QWidget(panel);
    m_emptyState->setObjectName(u"catalogEmptyState"_s);
    auto *emptyLayout = new QVBoxLayout(m_emptyState);
    auto *emptyIcon = new QLabel(m_emptyState);
    emptyIcon->setPixmap(Icons::icon(Icons::Glyph::Search).pixmap(QSize(48, 48), devicePixelRatioF(), QIcon::Disabled));
    emptyIcon->setAlignment(Qt::AlignCenter);
    m_emptyText = new QLabel(m_emptyState);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyText->setForegroundRole(QPalette::PlaceholderText);
    m_emptyClear = new QPushButton(tr("Clear Search and Filters"), m_emptyState);
    connect(m_emptyClear, &QPushButton::clicked, this, &CatalogPage::clearFilters);
    emptyLayout->addStretch(2);
    emptyLayout->addWidget(emptyIcon);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addWidget(m_emptyClear, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(3);

    m_resultStack = new QStackedWidget(panel);
    m_resultStack->addWidget(m_table);
    m_resultStack->addWidget(m_emptyState);
    layout->addWidget(m_resultStack, 1);
    return panel;
}

void CatalogPage::setCachePath(const QString &path)
{
    m_entityPage->setCachePath(path);
}

void CatalogPage::setWorkspaceRoot(const QString &root)
{
    m_entityPage->setWorkspaceRoot(root);
}

void CatalogPage::setList(const Catalog::Ptr &list)
{
    if (!list || m_catalog->size() > 0) {
        return;
    }
    m_listOnly = true;
    m_model->setCatalog(list);
    m_facets->setCounts(m_model->facetCounts());
    updateFacetRows();
    updateResultState();
}

void CatalogPage::setCatalog(Catalog::Ptr catalog)
{
    m_listOnly = false;
    const QString selected = m_table->currentIndex().data(CatalogTableModel::RefKeyRole).toString();
    m_catalog = catalog ? std::move(catalog) : Catalog::empty();
    m_entityPage->setCatalog(m_catalog);
    m_model->setCatalog(m_catalog);
    m_facets->setCounts(m_model->facetCounts());
    updateFacetRows();
    restoreCurrentRow(selected);
    updateResultState();
    if (!m_pendingRef.isEmpty() && m_catalog->size() > 0) {
        const QString ref = std::exchange(m_pendingRef, QString());
        openEntity(ref);
    }
}

void CatalogPage::setScorecards(const ScorecardResults::Ptr &results)
{
    const QString selected = m_table->currentIndex().data(CatalogTableModel::RefKeyRole).toString();
    m_model->setScorecards(results);
    restoreCurrentRow(selected);
    updateResultState();
    m_facets->setCounts(m_model->facetCounts());
    updateFacetRows();
    m_entityPage->setScorecards(results);
}

void CatalogPage::setLive(const LiveSnapshot::Ptr &live)
{
    m_entityPage->setLive(live);
    const QString selected = m_table->currentIndex().data(CatalogTableModel::RefKeyRole).toString();
    if (m_model->setLive(live)) {
        restoreCurrentRow(selected); // the rows were queried again (a live facet is selected)
        updateResultState();
    }
    m_facets->setCounts(m_model->facetCounts());
    updateFacetRows();
}

void CatalogPage::setLoading(bool loading)
{
    m_loading = loading;
    updateResultState();
}

bool CatalogPage::openEntity(const QString &ref)
{
    if (m_catalog->size() == 0) {
        m_pendingRef = ref;
        return false;
    }
    int index = m_catalog->indexOf(ref);
    if (index < 0) {
        index = m_catalog->find(ref);
    }
    if (index < 0) {
        return false;
    }
    navigate(m_catalog->entity(index).key());
    return true;
}

void CatalogPage::showResults()
{
    if (isShowingEntity()) {
        navigate(QString());
    }
}

void CatalogPage::setSearchText(const QString &text)
{
    m_search->setText(text);
}

void CatalogPage::setFacetValues(Facet facet, const QStringList &values)
{
    FacetModel::Selection selection = m_facets->selection();
    selection[std::size_t(facet)] = values;
    m_facets->setSelection(selection);
}

void CatalogPage::clearFilters()
{
    const QSignalBlocker blocker(m_facets);
    m_facets->clearSelection();
    m_search->clear();
    runQuery(); // once more: clear() re-queries only when there was text
    m_search->setFocus(Qt::OtherFocusReason);
}

void CatalogPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool CatalogPage::isShowingEntity() const
{
    return m_views->currentWidget() == m_entityPage;
}

QString CatalogPage::currentEntityKey() const
{
    return isShowingEntity() ? m_entityPage->currentKey() : QString();
}

void CatalogPage::runQuery()
{
    const QString selected = m_table->currentIndex().data(CatalogTableModel::RefKeyRole).toString();
    CatalogQuery query = m_model->query();
    query.text = m_search->text();
    query.facets = m_facets->selection();
    m_model->setQuery(query);
    m_facets->setCounts(m_model->facetCounts());
    updateFacetRows();
    restoreCurrentRow(selected);
    updateResultState();
}

void CatalogPage::updateFacetRows()
{
    // Facets without any value in this workspace (no domains, say) are hidden rather than shown empty.
    for (int f = 0; f < facetCount; ++f) {
        const bool empty =
            m_facets->rowCount(m_facets->headerIndex(Facet(f))) == 0 && m_facets->selection()[std::size_t(f)].isEmpty();
        m_facetView->setRowHidden(f, QModelIndex(), empty);
    }
    m_clearFacets->setEnabled(m_facets->hasSelection());
}

void CatalogPage::updateResultState()
{
    const int shown = m_model->rowCount();
    const int total = m_model->totalCount();
    const bool filtered = m_model->query().hasFilters();
    m_resultLabel->setText(filtered ? tr("%1 of %n entities", nullptr, total).arg(shown)
                                    : tr("%n entities", nullptr, total));
    if (shown > 0) {
        m_resultStack->setCurrentWidget(m_table);
    } else {
        if (total == 0) {
            m_emptyText->setText(m_loading ? tr("Reading the workspace…")
                                           : tr("This workspace has no entities. Descriptor files (catalog-info.yaml) "
                                                "in its folder, or the locations named in portolan.yaml, fill it."));
        } else if (!m_search->text().trimmed().isEmpty()) {
            m_emptyText->setText(
                tr("No entity matches “%1” with the current filters.").arg(m_search->text().trimmed()));
        } else {
            m_emptyText->setText(tr("No entity matches the current filters."));
        }
        m_emptyClear->setVisible(total > 0 && filtered);
        m_resultStack->setCurrentWidget(m_emptyState);
    }
    Q_EMIT resultsChanged(shown, total);
}

void CatalogPage::restoreCurrentRow(const QString &key)
{
    if (key.isEmpty()) {
        return;
    }
    const int row = m_model->rowForKey(key);
    if (row >= 0) {
        const QModelIndex index = m_model->index(row, 0);
        m_table->selectionModel()->setCurrentIndex(index,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(index);
    }
}

void CatalogPage::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    Q_UNUSED(order)
    if (!CatalogTableModel::sortKeyForColumn(column)) {
        // Tags and Description have no sort order in the index: put the indicator back where the sort is.
        QHeaderView *header = m_table->horizontalHeader();
        const QSignalBlocker blocker(header);
        header->setSortIndicator(CatalogTableModel::columnForSortKey(m_model->query().sort),
                                 m_model->query().descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
}

void CatalogPage::navigate(const QString &entry)
{
    if (m_listOnly && !entry.isEmpty()) {
        // The list has no whole entities: the entity opens as soon as the catalog is here (setCatalog).
        m_pendingRef = entry;
        m_resultLabel->setText(tr("Opening %1 once the catalog has been read…").arg(entry));
        return;
    }
    if (m_history.value(m_historyPos) == entry && (entry.isEmpty() != isShowingEntity())) {
        return;
    }
    while (m_history.size() > m_historyPos + 1) {
        m_history.removeLast();
    }
    m_history.append(entry);
    m_historyPos = int(m_history.size() - 1);
    apply(entry);
}

void CatalogPage::apply(const QString &entry)
{
    if (entry.isEmpty() || !m_entityPage->showEntity(entry)) {
        m_views->setCurrentWidget(m_splitter);
        restoreCurrentRow(m_entityPage->currentKey());
        m_table->setFocus(Qt::OtherFocusReason);
    } else {
        m_views->setCurrentWidget(m_entityPage);
        m_entityPage->setFocus(Qt::OtherFocusReason);
    }
    updateNavigation();
    Q_EMIT currentEntityChanged(currentEntityKey());
}

void CatalogPage::goBack()
{
    if (!canGoBack()) {
        return;
    }
    --m_historyPos;
    apply(m_history.at(m_historyPos));
}

void CatalogPage::goForward()
{
    if (!canGoForward()) {
        return;
    }
    ++m_historyPos;
    apply(m_history.at(m_historyPos));
}

void CatalogPage::updateNavigation()
{
    m_back->setEnabled(canGoBack());
    m_forward->setEnabled(canGoForward());
}

void CatalogPage::openRow(const QModelIndex &index)
{
    if (!index.isValid()) {
        return;
    }
    navigate(index.data(CatalogTableModel::RefKeyRole).toString());
}

void CatalogPage::filterByTag(const QString &tag)
{
    {
        const QSignalBlocker blocker(m_facets);
        FacetModel::Selection selection;
        selection[std::size_t(Facet::Tag)] = QStringList{tag};
        m_facets->setSelection(selection);
        m_search->clear();
    }
    navigate(QString());
    runQuery();
    m_facetView->expand(m_facets->headerIndex(Facet::Tag));
}

void CatalogPage::showTableMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid()) {
        return;
    }
    QMenu menu(this);
    QAction *open = menu.addAction(tr("Open"));
    menu.setDefaultAction(open);
    QAction *copy = menu.addAction(Icons::icon(Icons::Glyph::Copy), tr("Copy Reference"));
    QAction *chosen = menu.exec(m_table->viewport()->mapToGlobal(pos));
    if (chosen == open) {
        openRow(index);
    } else if (chosen == copy) {
        QApplication::clipboard()->setText(index.data(CatalogTableModel::RefRole).toString());
    }
}

void CatalogPage::fitColumns()
{
    // Relative shares of the width, and the narrowest each column may get.
    // Name, kind, type, owner, system, lifecycle, CI, health, level, tags, description.
    static constexpr std::array<double, CatalogTableModel::ColumnCount> weights{1.7, 0.8, 0.75, 1.05, 1.3, 0.9,
                                                                                0.8, 0.8, 0.9,  1.35, 2.2};
    static constexpr std::array<int, CatalogTableModel::ColumnCount> minimum{160, 80, 70, 100, 120, 95,
                                                                             80,  80, 90, 110, 140};
    QHeaderView *header = m_table->horizontalHeader();
    const int available = m_table->viewport()->width();
    double weightSum = 0;
    int minimumSum = 0;
    for (int c = 0; c < CatalogTableModel::ColumnCount; ++c) {
        if (!header->isSectionHidden(c)) {
            weightSum += weights[std::size_t(c)];
            minimumSum += minimum[std::size_t(c)];
        }
    }
    if (weightSum <= 0 || available <= 0) {
        return;
    }
    m_fittingColumns = true;
    // The last visible column is left to the header, which stretches it over the rest of the width.
    const int spare = std::max(0, available - minimumSum);
    int lastVisible = -1;
    for (int c = 0; c < CatalogTableModel::ColumnCount; ++c) {
        if (!header->isSectionHidden(c)) {
            lastVisible = c;
        }
    }
    for (int c = 0; c < lastVisible; ++c) {
        if (!header->isSectionHidden(c)) {
            header->resizeSection(c, minimum[std::size_t(c)] + int(spare * weights[std::size_t(c)] / weightSum));
        }
    }
    m_fittingColumns = false;
}

bool CatalogPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize && m_autoFitColumns) {
        fitColumns();
    }
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        // Up from the first row goes back to the search field; typing in the table searches.
        if (key->key() == Qt::Key_Up && m_table->currentIndex().row() <= 0) {
            focusSearch();
            return true;
        }
        const QString text = key->text();
        const bool plain = !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
        if (plain && !text.isEmpty() && text.at(0).isPrint() && !text.at(0).isSpace()) {
            m_search->setFocus(Qt::ShortcutFocusReason);
            m_search->end(false);
            m_search->insert(text);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CatalogPage::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::BackButton) {
        goBack();
        return;
    }
    if (event->button() == Qt::ForwardButton) {
        goForward();
        return;
    }
    QWidget::mousePressEvent(event);
}

void CatalogPage::saveState() const
{
    QSettings settings;
    settings.setValue(SettingsKeys::catalogSplitter, m_splitter->saveState());
    settings.setValue(SettingsKeys::catalogHeader, m_table->horizontalHeader()->saveState());
    settings.setValue(SettingsKeys::catalogColumnsCustomized, !m_autoFitColumns);
    QStringList collapsed;
    for (int f = 0; f < facetCount; ++f) {
        if (!m_facetView->isExpanded(m_facets->headerIndex(Facet(f)))) {
            collapsed.append(facetName(Facet(f)));
        }
    }
    settings.setValue(SettingsKeys::catalogCollapsedFacets, collapsed);
}

void CatalogPage::restoreState()
{
    QSettings settings;
    m_splitter->restoreState(settings.value(SettingsKeys::catalogSplitter).toByteArray());
    const QByteArray header = settings.value(SettingsKeys::catalogHeader).toByteArray();
    if (!header.isEmpty()) {
        m_fittingColumns = true;
        m_table->horizontalHeader()->restoreState(header);
        m_fittingColumns = false;
        m_autoFitColumns = !settings.value(SettingsKeys::catalogColumnsCustomized).toBool();
        // The saved indicator may differ from the model's query: make them agree.
        const int column = m_table->horizontalHeader()->sortIndicatorSection();
        m_model->sort(column, m_table->horizontalHeader()->sortIndicatorOrder());
        onSortIndicatorChanged(column, m_table->horizontalHeader()->sortIndicatorOrder());
    }
    if (settings.contains(SettingsKeys::catalogCollapsedFacets)) {
        const QStringList collapsed = settings.value(SettingsKeys::catalogCollapsedFacets).toStringList();
        for (int f = 0; f < facetCount; ++f) {
            m_facetView->setExpanded(m_facets->headerIndex(Facet(f)), !collapsed.contains(facetName(Facet(f))));
        }
    }
}

} // namespace Portolan::Ui
