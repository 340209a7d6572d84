#include "GraphPanel.h"

#include "graph/GraphScene.h"
#include "graph/GraphView.h"
#include "models/KindStyle.h"
#include "util/Threads.h"
#include "widgets/FlowLayout.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStringListModel>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

struct GraphPanel::Outcome
{
    std::shared_ptr<const EntityGraph> graph;
    std::shared_ptr<const GraphDrawing> drawing;
    Catalog::Ptr catalog;
    GraphGrouping grouping = GraphGrouping::None;
    QString error;
    qint64 milliseconds = 0;
    bool cancelled = false;
};

namespace {

struct Request
{
    Catalog::Ptr catalog;
    GraphScope scope;
    GraphPanel::Grouping grouping;
    QSet<QString> expanded;
    QFont titleFont;
    QFont captionFont;
};

GraphGrouping fixedGrouping(GraphPanel::Grouping grouping)
{
    switch (grouping) {
    case GraphPanel::Grouping::System:
        return GraphGrouping::System;
    case GraphPanel::Grouping::Owner:
        return GraphGrouping::Owner;
    default:
        return GraphGrouping::None;
    }
}

// Layouts run on a pool of their own. On Qt's global pool a layout of a large catalog (seconds) held the threads
// that Qt's raster engine hands its painting to, and the window's paint waited for them: frames of 50 to 80 ms
// while a sync brought a new catalog.
QThreadPool *layoutPool()
{
    static QThreadPool *pool = Core::makeThreadPool("portolan-layout", QThread::idealThreadCount());
    return pool;
}

// On the worker: cut, group, measure and lay out.
std::shared_ptr<GraphPanel::Outcome> compute(const Request &request, const std::shared_ptr<std::atomic_bool> &cancel)
{
    // Beside the window, not ahead of it: a layout of a large catalog starts with every catalog the window gets.
    Core::lowerCurrentThreadPriority();
    auto outcome = std::make_shared<GraphPanel::Outcome>();
    outcome->catalog = request.catalog;
    QElapsedTimer timer;
    timer.start();
    Result<EntityGraph> built = EntityGraph::build(*request.catalog, request.scope);
    if (!built.ok()) {
        outcome->error = built.error().message;
        return outcome;
    }
    auto graph = std::make_shared<const EntityGraph>(std::move(*built));
    const QFontMetricsF title(request.titleFont);
    const QFontMetricsF caption(request.captionFont);
    const auto sizeOf = [&title, &caption, &graph, &request](const DrawingNode &node) {
        // Badge, title and two status dots on the first line; the lifecycle dot, kind, type and lifecycle under it.
        const qreal text =
            std::max(title.horizontalAdvance(node.label) + 26,
                     caption.horizontalAdvance(GraphScene::caption(node, *graph, *request.catalog)) + 11);
        const qreal width = std::clamp(12 + 18 + 7 + text + 10, 150.0, 320.0);
        return QSizeF(std::round(width), node.isGroup() ? 50 : 46);
    };
    GraphGrouping grouping = fixedGrouping(request.grouping);
    GraphDrawing drawing = GraphDrawing::group(*graph, *request.catalog, grouping, request.expanded);
    if (request.grouping == GraphPanel::Grouping::Automatic && drawing.nodes().size() > GraphPanel::autoGroupAbove) {
        // By system, or by owner when that gathers more; only the grouping chosen is laid out.
        grouping = GraphGrouping::System;
        drawing = GraphDrawing::group(*graph, *request.catalog, grouping, request.expanded);
        if (drawing.nodes().size() > GraphPanel::autoGroupAbove) {
            GraphDrawing byOwner =
                GraphDrawing::group(*graph, *request.catalog, GraphGrouping::Owner, request.expanded);
            if (byOwner.nodes().size() < drawing.nodes().size()) {
                grouping = GraphGrouping::Owner;
                drawing = std::move(byOwner);
            }
        }
    }
    LayeredLayout::Options layout;
    layout.layerGap = 90;
    if (!drawing.layOut(sizeOf, layout, cancel.get()) || cancel->load()) {
        outcome->cancelled = true;
        return outcome;
    }
    outcome->graph = std::move(graph);
    outcome->drawing = std::make_shared<const GraphDrawing>(std::move(drawing));
    outcome->grouping = grouping;
    outcome->milliseconds = timer.elapsed();
    return outcome;
}

QString scopeLabel(GraphScope::Kind kind)
{
    switch (kind) {
    case GraphScope::Kind::Neighbourhood:
        return GraphPanel::tr("Neighbourhood");
    case GraphScope::Kind::Group:
        return GraphPanel::tr("System or domain");
    case GraphScope::Kind::BlastRadius:
        return GraphPanel::tr("Blast radius");
    case GraphScope::Kind::Needs:
        return GraphPanel::tr("What it needs");
    case GraphScope::Kind::Catalog:
        return GraphPanel::tr("Whole catalog");
    }
    return QString();
}

bool isGroupKind(const Catalog &catalog, const QString &ref)
{
    const int index = catalog.find(ref);
    if (index < 0) {
        return false;
    }
    const QString kind = catalog.entity(index).kind.toLower();
    return kind == u"system"_s || kind == u"domain"_s;
}

} // namespace

GraphPanel::GraphPanel(Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_scopeKind(GraphScope::Kind::Neighbourhood)
    , m_scopeBox(new QComboBox(this))
    , m_rootEdit(new QLineEdit(this))
    , m_rootRefs(new QStringListModel(this))
    , m_depthSpin(new QSpinBox(this))
    , m_directionBox(new QComboBox(this))
    , m_relationsButton(new QToolButton(this))
    , m_relationsMenu(new QMenu(this))
    , m_kindsButton(new QToolButton(this))
    , m_kindsMenu(new QMenu(this))
    , m_groupBox(new QComboBox(this))
    , m_findEdit(new QLineEdit(this))
    , m_findRefs(new QStringListModel(this))
    , m_fitButton(new QToolButton(this))
    , m_exportButton(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_scene(new GraphScene(this))
    , m_view(new GraphView(this))
    , m_message(new QLabel(this))
    , m_status(new QLabel(this))
    , m_focus(new QLabel(this))
    , m_clearFocus(new QPushButton(tr("Clear"), this))
    , m_progress(new QProgressBar(this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_progressDelay(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildToolbar());

    m_view->setObjectName(u"graphView"_s);
    m_view->setAccessibleName(tr("Dependency graph"));
    m_view->setScene(m_scene);
    m_message->setObjectName(u"graphMessage"_s);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_message->setMargin(24);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    auto *statusRow = new QWidget(this);
    auto *statusLayout = new QHBoxLayout(statusRow);
    statusLayout->setContentsMargins(10, 4, 10, 4);
    m_status->setObjectName(u"graphStatus"_s);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_focus->setObjectName(u"graphFocus"_s);
    m_clearFocus->setObjectName(u"graphClearFocus"_s);
    m_clearFocus->setFlat(true);
    m_progress->setObjectName(u"graphProgress"_s);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_cancelButton->setObjectName(u"graphCancel"_s);
    statusLayout->addWidget(m_status);
    statusLayout->addStretch(1);
    statusLayout->addWidget(m_focus);
    statusLayout->addWidget(m_clearFocus);
    statusLayout->addWidget(m_progress);
    statusLayout->addWidget(m_cancelButton);
    layout->addWidget(statusRow);
    m_focus->hide();
    m_clearFocus->hide();
    m_progress->hide();
    m_cancelButton->hide();

    m_progressDelay->setSingleShot(true);
    m_progressDelay->setInterval(150);
    connect(m_progressDelay, &QTimer::timeout, this, [this] {
        if (m_busy) {
            m_progress->show();
            m_cancelButton->show();
        }
    });
    connect(m_cancelButton, &QPushButton::clicked, this, &GraphPanel::cancelLayout);
    connect(m_clearFocus, &QPushButton::clicked, this, &GraphPanel::clearFocus);
    connect(m_scene, &GraphScene::nodeClicked, this, &GraphPanel::onNodeClicked);
    connect(m_scene, &GraphScene::nodeDoubleClicked, this, &GraphPanel::onNodeDoubleClicked);
    connect(m_scene, &GraphScene::nodeContextMenuRequested, this, &GraphPanel::onContextMenu);
    connect(m_scene, &GraphScene::backgroundClicked, this, [this] {
        m_scene->setSelectedNode(-1);
        updateStatus();
    });
    m_view->installEventFilter(this);
    showMessage(m_mode == Mode::Page ? tr("Choose an entity, a system or the whole catalog above.") : QString());
    syncControls();
}

GraphPanel::~GraphPanel()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
}

QWidget *GraphPanel::buildToolbar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(u"graphToolbar"_s);
    // A flowing row: on a narrow window, or with longer labels (German), the controls go on a second row instead of
    // widening the window.
    auto *row = new FlowLayout(bar);
    row->setContentsMargins(10, 6, 10, 6);

    m_scopeBox->setObjectName(u"graphScope"_s);
    m_scopeBox->setToolTip(tr("What the graph shows"));
    for (GraphScope::Kind kind : {GraphScope::Kind::Neighbourhood, GraphScope::Kind::Group,
                                  GraphScope::Kind::BlastRadius, GraphScope::Kind::Needs, GraphScope::Kind::Catalog}) {
        m_scopeBox->addItem(scopeLabel(kind), int(kind));
    }
    connect(m_scopeBox, &QComboBox::activated, this,
            [this](int index) { setScopeKind(GraphScope::Kind(m_scopeBox->itemData(index).toInt())); });
    row->addWidget(m_scopeBox);

    m_rootEdit->setObjectName(u"graphRoot"_s);
    m_rootEdit->setAccessibleName(tr("Entity at the centre of the graph"));
    m_rootEdit->setPlaceholderText(tr("Entity, system or domain…"));
    m_rootEdit->setClearButtonEnabled(true);
    m_rootEdit->setMinimumWidth(280);
    auto *rootCompleter = new QCompleter(m_rootRefs, this);
    rootCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    rootCompleter->setFilterMode(Qt::MatchContains);
    rootCompleter->setMaxVisibleItems(14);
    m_rootEdit->setCompleter(rootCompleter);
    m_rootEdit->installEventFilter(this);
    connect(rootCompleter, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &ref) { setRoot(ref); });
    connect(m_rootEdit, &QLineEdit::returnPressed, this, [this] { setRoot(m_rootEdit->text().trimmed()); });
    row->addWidget(m_rootEdit);
    m_rootEdit->setVisible(m_mode == Mode::Page);

    auto *depth = new QWidget(bar); // the label stays with its spin box when the row wraps
    auto *depthRow = new QHBoxLayout(depth);
    depthRow->setContentsMargins(0, 0, 0, 0);
    depthRow->setSpacing(4);
    auto *depthLabel = new QLabel(tr("Depth"), depth);
    depthLabel->setBuddy(m_depthSpin);
    m_depthSpin->setObjectName(u"graphDepth"_s);
    m_depthSpin->setRange(0, 12);
    m_depthSpin->setSpecialValueText(tr("All"));
    m_depthSpin->setToolTip(tr("How many relations away from the entity (All: no limit)"));
    connect(m_depthSpin, &QSpinBox::valueChanged, this, [this](int value) { setDepth(value == 0 ? -1 : value); });
    depthRow->addWidget(depthLabel);
    depthRow->addWidget(m_depthSpin);
    row->addWidget(depth);

    m_directionBox->setObjectName(u"graphDirection"_s);
    m_directionBox->addItem(tr("Both ways"), int(GraphDirection::Both));
    m_directionBox->addItem(tr("Outgoing (what it uses)"), int(GraphDirection::Dependencies));
    m_directionBox->addItem(tr("Incoming (what uses it)"), int(GraphDirection::Dependents));
    connect(m_directionBox, &QComboBox::activated, this,
            [this](int index) { setDirection(GraphDirection(m_directionBox->itemData(index).toInt())); });
    row->addWidget(m_directionBox);

    m_relationsButton->setObjectName(u"graphRelations"_s);
    m_relationsButton->setMenu(m_relationsMenu);
    m_relationsButton->setPopupMode(QToolButton::InstantPopup);
    m_relationsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_kindsButton->setObjectName(u"graphKinds"_s);
    m_kindsButton->setMenu(m_kindsMenu);
    m_kindsButton->setPopupMode(QToolButton::InstantPopup);
    m_kindsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    row->addWidget(m_relationsButton);
    row->addWidget(m_kindsButton);

    m_groupBox->setObjectName(u"graphGrouping"_s);
    m_groupBox->setToolTip(tr("Collapse entities into one box per system or owner; click a box to expand it"));
    m_groupBox->addItem(tr("Group: automatic"), int(Grouping::Automatic));
    m_groupBox->addItem(tr("No groups"), int(Grouping::None));
    m_groupBox->addItem(tr("Group by system"), int(Grouping::System));
    m_groupBox->addItem(tr("Group by owner"), int(Grouping::Owner));
    connect(m_groupBox, &QComboBox::activated, this,
            [this](int index) { setGrouping(Grouping(m_groupBox->itemData(index).toInt())); });
    row->addWidget(m_groupBox);

    m_findEdit->setObjectName(u"graphFind"_s);
    m_findEdit->setAccessibleName(tr("Find in the graph"));
    m_findEdit->setPlaceholderText(tr("Find in graph…"));
    m_findEdit->setClearButtonEnabled(true);
    m_findEdit->setMinimumWidth(160);
    auto *findCompleter = new QCompleter(m_findRefs, this);
    findCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    findCompleter->setFilterMode(Qt::MatchContains);
    m_findEdit->setCompleter(findCompleter);
    connect(findCompleter, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &text) { findNode(text); });
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] { findNode(m_findEdit->text().trimmed()); });
    row->addWidget(m_findEdit);

    m_fitButton->setObjectName(u"graphFit"_s);
    m_fitButton->setText(tr("Fit"));
    m_fitButton->setToolTip(tr("Show the whole graph (0)"));
    connect(m_fitButton, &QToolButton::clicked, m_view, &GraphView::fit);
    row->addWidget(m_fitButton);

    m_exportButton->setObjectName(u"graphExport"_s);
    m_exportButton->setText(tr("Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("SVG image…"), this, [this] { exportInteractive(u"svg"_s); });
    exportMenu->addAction(tr("PNG image…"), this, [this] { exportInteractive(u"png"_s); });
    exportMenu->addAction(tr("Graphviz DOT…"), this, [this] { exportInteractive(u"dot"_s); });
    m_exportButton->setMenu(exportMenu);
    row->addWidget(m_exportButton);

    buildMenus();
    return bar;
}

void GraphPanel::buildMenus()
{
    m_relationsMenu->clear();
    for (RelationType type : EntityGraph::forwardTypes()) {
        QAction *action = m_relationsMenu->addAction(relationLabel(type));
        action->setObjectName(u"relation-"_s + relationName(type));
        action->setCheckable(true);
        action->setChecked(!m_hiddenRelations.contains(type));
        connect(action, &QAction::toggled, this, [this, type](bool on) { setRelationShown(type, on); });
    }
    m_kindsMenu->clear();
    QStringList kinds{u"Component"_s, u"API"_s,  u"Resource"_s, u"System"_s,  u"Domain"_s,
                      u"Group"_s,     u"User"_s, u"Location"_s, u"Template"_s};
    if (m_catalog) {
        QSet<QString> known;
        for (const QString &kind : std::as_const(kinds)) {
            known.insert(kind.toLower());
        }
        // The Kind facet holds the kinds as written, so a catalog of 100k entities is not walked again here.
        for (const QString &kind : m_catalog->facetValueList(Facet::Kind)) {
            if (!known.contains(kind.toLower())) {
                known.insert(kind.toLower());
                kinds.append(kind);
            }
        }
    }
    for (const QString &kind : std::as_const(kinds)) {
        QAction *action = m_kindsMenu->addAction(KindStyle::kindIcon(kind), kind);
        action->setObjectName(u"kind-"_s + kind.toLower());
        action->setCheckable(true);
        action->setChecked(!m_hiddenKinds.contains(kind.toLower()));
        connect(action, &QAction::toggled, this, [this, kind](bool on) { setKindShown(kind, on); });
    }
}

void GraphPanel::syncControls()
{
    const QSignalBlocker scopeBlock(m_scopeBox);
    m_scopeBox->setCurrentIndex(m_scopeBox->findData(int(m_scopeKind)));
    const bool rooted = m_scopeKind != GraphScope::Kind::Catalog;
    m_rootEdit->setEnabled(rooted);
    if (!m_rootEdit->hasFocus()) {
        m_rootEdit->setText(rooted ? m_root : QString());
        m_rootEdit->setCursorPosition(0);
    }
    const bool deep = m_scopeKind == GraphScope::Kind::Neighbourhood || m_scopeKind == GraphScope::Kind::BlastRadius
                      || m_scopeKind == GraphScope::Kind::Needs;
    const QSignalBlocker depthBlock(m_depthSpin);
    m_depthSpin->setEnabled(deep);
    m_depthSpin->setValue(m_depth < 0 ? 0 : m_depth);
    const QSignalBlocker directionBlock(m_directionBox);
    m_directionBox->setEnabled(m_scopeKind == GraphScope::Kind::Neighbourhood);
    m_directionBox->setCurrentIndex(m_directionBox->findData(int(m_direction)));
    const QSignalBlocker groupBlock(m_groupBox);
    m_groupBox->setCurrentIndex(m_groupBox->findData(int(m_grouping)));
    const int shownRelations = int(EntityGraph::forwardTypes().size() - m_hiddenRelations.size());
    m_relationsButton->setText(
        m_hiddenRelations.isEmpty()
            ? tr("Relations: all")
            : tr("Relations: %1 of %2").arg(shownRelations).arg(EntityGraph::forwardTypes().size()));
    m_kindsButton->setText(m_hiddenKinds.isEmpty() ? tr("Kinds: all")
                                                   : tr("Kinds: %n hidden", nullptr, int(m_hiddenKinds.size())));
}

void GraphPanel::setCatalog(Catalog::Ptr catalog)
{
    m_catalog = std::move(catalog);
    if (m_mode == Mode::Page && m_catalog && m_scopeKind != GraphScope::Kind::Catalog
        && (m_root.isEmpty() || m_catalog->find(m_root) < 0)) {
        // Start on the system with the most parts: the demo's, or the busiest of a real catalog.
        QString best;
        qsizetype most = -1;
        for (const int i : m_catalog->indexesOfKind(u"system")) {
            const Entity &e = m_catalog->entity(i);
            qsizetype parts = 0;
            for (const CatalogRelation &r : m_catalog->relations(i)) {
                parts += r.type == RelationType::HasPart ? 1 : 0;
            }
            if (parts > most) {
                most = parts;
                best = e.key();
            }
        }
        if (!best.isEmpty()) {
            m_root = best;
            m_scopeKind = GraphScope::Kind::Group;
            m_fitPending = true;
        }
    }
    buildMenus();
    if (m_mode == Mode::Page) {
        // The entity tab has no root field. 100k references cost tens of milliseconds of the GUI thread, so the
        // completer is filled when the field is used, not with every new catalog.
        m_rootRefsStale = true;
        if (m_rootEdit->hasFocus()) {
            fillRootCompleter();
        }
    }
    syncControls();
    requestRebuild();
}

void GraphPanel::setLive(LiveSnapshot::Ptr live)
{
    m_live = std::move(live);
    m_scene->setLive(m_live);
}

QString GraphPanel::keyOf(const QString &ref) const
{
    const int index = m_catalog ? m_catalog->find(ref) : -1;
    return index >= 0 ? m_catalog->entity(index).key() : ref;
}

void GraphPanel::setRoot(const QString &ref)
{
    const QString key = keyOf(ref);
    if (key == m_root && !m_dirty) {
        return;
    }
    m_root = key;
    if (m_scopeKind == GraphScope::Kind::Group && m_catalog && !isGroupKind(*m_catalog, m_root)) {
        m_scopeKind = GraphScope::Kind::Neighbourhood;
    } else if (m_scopeKind == GraphScope::Kind::Neighbourhood && m_catalog && isGroupKind(*m_catalog, m_root)) {
        m_scopeKind = GraphScope::Kind::Group;
    }
    m_expanded.clear();
    m_fitPending = true;
    m_pendingSelect = m_root;
    syncControls();
    requestRebuild();
}

void GraphPanel::setScopeKind(GraphScope::Kind kind)
{
    if (kind == m_scopeKind) {
        return;
    }
    m_scopeKind = kind;
    if ((kind == GraphScope::Kind::BlastRadius || kind == GraphScope::Kind::Needs) && m_depth >= 0 && m_depth < 3) {
        m_depth = -1; // transitively, unless the user narrows it
    } else if (kind == GraphScope::Kind::Neighbourhood && m_depth < 0) {
        m_depth = 2;
    }
    m_expanded.clear();
    m_fitPending = true;
    m_pendingSelect = m_root;
    syncControls();
    requestRebuild();
}

void GraphPanel::setDepth(int depth)
{
    if (depth == m_depth) {
        return;
    }
    m_depth = depth;
    m_fitPending = true;
    syncControls();
    requestRebuild();
}

void GraphPanel::setDirection(GraphDirection direction)
{
    if (direction == m_direction) {
        return;
    }
    m_direction = direction;
    m_fitPending = true;
    syncControls();
    requestRebuild();
}

void GraphPanel::setRelationShown(RelationType type, bool shown)
{
    if (shown == !m_hiddenRelations.contains(type)) {
        return;
    }
    if (shown) {
        m_hiddenRelations.remove(type);
    } else {
        m_hiddenRelations.insert(type);
    }
    for (QAction *action : m_relationsMenu->actions()) {
        if (action->objectName() == u"relation-"_s + relationName(type)) {
            const QSignalBlocker block(action);
            action->setChecked(shown);
        }
    }
    syncControls();
    requestRebuild();
}

bool GraphPanel::isRelationShown(RelationType type) const
{
    return !m_hiddenRelations.contains(type);
}

void GraphPanel::setKindShown(const QString &kind, bool shown)
{
    const QString key = kind.toLower();
    if (shown == !m_hiddenKinds.contains(key)) {
        return;
    }
    if (shown) {
        m_hiddenKinds.remove(key);
    } else {
        m_hiddenKinds.insert(key);
    }
    for (QAction *action : m_kindsMenu->actions()) {
        if (action->objectName() == u"kind-"_s + key) {
            const QSignalBlocker block(action);
            action->setChecked(shown);
        }
    }
    syncControls();
    requestRebuild();
}

void GraphPanel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping) {
        return;
    }
    m_grouping = grouping;
    m_expanded.clear();
    m_fitPending = true;
    syncControls();
    requestRebuild();
}

void GraphPanel::expandGroup(const QString &groupId)
{
    m_expanded.insert(groupId);
    requestRebuild();
}

void GraphPanel::collapseGroup(const QString &groupId)
{
    if (m_expanded.remove(groupId)) {
        requestRebuild();
    }
}

void GraphPanel::collapseAllGroups()
{
    if (m_expanded.isEmpty()) {
        return;
    }
    m_expanded.clear();
    requestRebuild();
}

void GraphPanel::showBlastRadius(const QString &ref)
{
    showTransitive(ref, GraphScope::Kind::BlastRadius);
}

void GraphPanel::showNeeds(const QString &ref)
{
    showTransitive(ref, GraphScope::Kind::Needs);
}

void GraphPanel::showTransitive(const QString &ref, GraphScope::Kind kind)
{
    m_root = keyOf(ref);
    m_scopeKind = kind;
    m_depth = -1; // however far
    m_expanded.clear();
    m_fitPending = true;
    m_pendingSelect = m_root;
    syncControls();
    requestRebuild();
}

void GraphPanel::requestRebuild()
{
    m_dirty = true;
    if (isVisible()) {
        // Coalesces the changes of one event (a catalog and a root arriving together).
        QTimer::singleShot(0, this, [this] {
            if (m_dirty && isVisible()) {
                rebuild();
            }
        });
    }
}

void GraphPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty) {
        rebuild();
    }
}

void GraphPanel::rebuild()
{
    m_dirty = false;
    if (m_cancel) {
        m_cancel->store(true);
    }
    const quint64 generation = ++m_generation;
    if (!m_catalog) {
        m_busy = false;
        return;
    }
    if (m_scopeKind != GraphScope::Kind::Catalog && m_root.isEmpty()) {
        m_busy = false;
        m_scene->clearDrawing();
        showMessage(tr("Choose an entity, a system or the whole catalog above."));
        Q_EMIT drawingChanged();
        return;
    }
    Request request;
    request.catalog = m_catalog;
    request.scope.kind = m_scopeKind;
    request.scope.root = m_root;
    request.scope.depth = m_depth;
    request.scope.direction = m_direction;
    if (!m_hiddenRelations.isEmpty()) {
        const QList<RelationType> defaults =
            (m_scopeKind == GraphScope::Kind::BlastRadius || m_scopeKind == GraphScope::Kind::Needs)
                ? QList<RelationType>{RelationType::DependsOn, RelationType::ProvidesApi, RelationType::ConsumesApi}
                : EntityGraph::forwardTypes();
        for (RelationType type : defaults) {
            if (!m_hiddenRelations.contains(type)) {
                request.scope.relations.append(type);
            }
        }
        if (request.scope.relations.isEmpty()) {
            m_busy = false;
            m_scene->clearDrawing();
            showMessage(tr("Every relation type is hidden. Turn some on under Relations."));
            Q_EMIT drawingChanged();
            return;
        }
    }
    if (!m_hiddenKinds.isEmpty()) {
        QStringList kinds;
        for (QAction *action : m_kindsMenu->actions()) {
            if (action->isChecked()) {
                kinds.append(action->objectName().mid(5));
            }
        }
        request.scope.kinds = kinds.isEmpty() ? QStringList{u"-"_s} : kinds;
    }
    request.grouping = m_grouping;
    request.expanded = m_expanded;
    request.titleFont = font();
    request.titleFont.setBold(true);
    request.captionFont = font();
    request.captionFont.setPointSizeF(request.captionFont.pointSizeF() * 0.85);

    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_busy = true;
    m_status->setText(tr("Laying out…"));
    m_progressDelay->start();
    auto *watcher = new QFutureWatcher<std::shared_ptr<Outcome>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        onOutcome(watcher->result(), generation);
    });
    watcher->setFuture(QtConcurrent::run(layoutPool(), compute, request, m_cancel));
}

void GraphPanel::cancelLayout()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
}

void GraphPanel::onOutcome(const std::shared_ptr<Outcome> &outcome, quint64 generation)
{
    if (generation != m_generation) {
        return; // a newer request replaced it
    }
    m_busy = false;
    m_progressDelay->stop();
    m_progress->hide();
    m_cancelButton->hide();
    if (!outcome->error.isEmpty()) {
        m_scene->clearDrawing();
        showMessage(outcome->error);
        updateStatus();
        Q_EMIT drawingChanged();
        return;
    }
    if (outcome->cancelled) {
        m_status->setText(tr("Layout cancelled. Narrow the scope, hide some relations or group by system."));
        Q_EMIT drawingChanged();
        return;
    }
    const QString selected = m_pendingSelect.isEmpty() ? selectedRef() : m_pendingSelect;
    m_pendingSelect.clear();
    m_lastLayoutMs = outcome->milliseconds;
    m_effectiveGrouping = outcome->grouping;
    m_scene->setSelectionEmphasis(m_scopeKind != GraphScope::Kind::BlastRadius
                                  && m_scopeKind != GraphScope::Kind::Needs);
    m_scene->setDrawing(outcome->drawing, outcome->graph, outcome->catalog, m_live);
    m_stack->setCurrentWidget(m_view);
    m_focusText.clear();
    m_scene->setFocus({});
    if (m_scopeKind == GraphScope::Kind::BlastRadius || m_scopeKind == GraphScope::Kind::Needs) {
        const int others = int(outcome->graph->nodes().size()) - 1;
        const QString name =
            outcome->graph->root() >= 0 ? outcome->graph->nodes().at(outcome->graph->root()).title : m_root;
        m_focusText = m_scopeKind == GraphScope::Kind::BlastRadius
                          ? tr("%n entities depend on %1, directly or not", nullptr, others).arg(name)
                          : tr("%1 needs %n entities, directly or not", nullptr, others).arg(name);
    }
    if (!selected.isEmpty()) {
        m_scene->setSelectedNode(drawingNodeOf(selected));
    }
    fillFindCompleter();
    if (m_fitPending) {
        m_fitPending = false;
        m_view->fit();
    } else if (m_scene->selectedNode() >= 0) {
        m_view->centerOn(m_scene->drawing()->nodes().at(m_scene->selectedNode()).rect.center());
    }
    updateStatus();
    Q_EMIT drawingChanged();
}

void GraphPanel::showMessage(const QString &message)
{
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
}

QString GraphPanel::messageText() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

QString GraphPanel::statusText() const
{
    return m_status->text();
}

void GraphPanel::updateStatus()
{
    const GraphDrawing *drawing = m_scene->drawing();
    if (!drawing) {
        m_status->clear();
    } else {
        const EntityGraph *graph = m_scene->graph();
        QString text = tr("%n entities", nullptr, int(graph->nodes().size())) + u" \u00b7 "_s
                       + tr("%n relations", nullptr, int(graph->edges().size()));
        int groups = 0;
        for (const DrawingNode &n : drawing->nodes()) {
            groups += n.isGroup() ? 1 : 0;
        }
        if (groups > 0) {
            text += u" \u00b7 "_s
                    + (m_effectiveGrouping == GraphGrouping::Owner
                           ? tr("grouped by owner into %n boxes", nullptr, groups)
                           : tr("grouped by system into %n boxes", nullptr, groups));
        }
        if (drawing->straightEdges() > 0) {
            text += u" \u00b7 "_s
                    + tr("%n long relations drawn straight to keep the layout fast", nullptr, drawing->straightEdges());
        }
        text += u" \u00b7 "_s + tr("laid out in %1 ms").arg(m_lastLayoutMs);
        m_status->setText(text);
    }
    m_focus->setText(m_focusText);
    m_focus->setVisible(!m_focusText.isEmpty());
    m_clearFocus->setVisible(!m_focusText.isEmpty());
}

QString GraphPanel::refOfNode(int node) const
{
    const GraphDrawing *drawing = m_scene->drawing();
    if (!drawing || node < 0 || node >= int(drawing->nodes().size())) {
        return QString();
    }
    const DrawingNode &n = drawing->nodes().at(node);
    return (n.isGroup() || n.ghost) ? QString() : n.id;
}

int GraphPanel::drawingNodeOf(const QString &ref) const
{
    const EntityGraph *graph = m_scene->graph();
    if (!graph) {
        return -1;
    }
    const int node = graph->nodeOf(keyOf(ref));
    return node < 0 ? -1 : m_scene->drawing()->nodeOf(node);
}

QString GraphPanel::selectedRef() const
{
    return refOfNode(m_scene->selectedNode());
}

void GraphPanel::selectEntity(const QString &ref)
{
    m_scene->setSelectedNode(drawingNodeOf(ref));
    m_lastSelected = selectedRef();
    updateStatus();
}

void GraphPanel::onNodeClicked(int node, Qt::KeyboardModifiers modifiers)
{
    const DrawingNode &n = m_scene->drawing()->nodes().at(node);
    if (n.isGroup()) {
        expandGroup(n.id);
        return;
    }
    const QString ref = refOfNode(node);
    if ((modifiers & Qt::ShiftModifier) && !m_lastSelected.isEmpty() && !ref.isEmpty() && ref != m_lastSelected) {
        showPath(m_lastSelected, ref);
        return;
    }
    m_scene->setSelectedNode(node);
    if (!ref.isEmpty()) {
        m_lastSelected = ref;
    }
    if (!m_focusText.isEmpty() && m_scopeKind != GraphScope::Kind::BlastRadius
        && m_scopeKind != GraphScope::Kind::Needs) {
        m_focusText.clear();
        m_scene->setFocus({});
    }
    updateStatus();
}

void GraphPanel::onNodeDoubleClicked(int node)
{
    const QString ref = refOfNode(node);
    if (!ref.isEmpty()) {
        Q_EMIT entityRequested(ref);
    }
}

bool GraphPanel::showPath(const QString &fromRef, const QString &toRef)
{
    const EntityGraph *graph = m_scene->graph();
    const GraphDrawing *drawing = m_scene->drawing();
    if (!graph || !drawing) {
        return false;
    }
    const int from = graph->nodeOf(keyOf(fromRef));
    const int to = graph->nodeOf(keyOf(toRef));
    const QList<int> path = (from >= 0 && to >= 0) ? graph->path(from, to) : QList<int>();
    if (path.isEmpty()) {
        m_focusText = tr("No path between %1 and %2 in this graph").arg(fromRef, toRef);
        m_scene->setFocus({});
        updateStatus();
        return false;
    }
    DrawingEmphasis focus;
    QList<int> boxes;
    for (int n : path) {
        const int box = drawing->nodeOf(n);
        if (boxes.isEmpty() || boxes.last() != box) {
            boxes.append(box);
        }
        focus.nodes.insert(box);
    }
    const QList<DrawingEdge> &edges = drawing->edges();
    for (int i = 0; i + 1 < int(boxes.size()); ++i) {
        for (int e = 0; e < int(edges.size()); ++e) {
            const DrawingEdge &edge = edges.at(e);
            if ((edge.from == boxes.at(i) && edge.to == boxes.at(i + 1))
                || (edge.to == boxes.at(i) && edge.from == boxes.at(i + 1))) {
                focus.edges.insert(e);
            }
        }
    }
    QStringList names;
    for (int n : path) {
        names.append(graph->nodes().at(n).title);
    }
    m_focusText = tr("Path: %1").arg(names.join(u" \u2192 "_s));
    m_scene->setSelectedNode(drawing->nodeOf(to));
    m_scene->setFocus(focus);
    updateStatus();
    return true;
}

void GraphPanel::clearFocus()
{
    m_focusText.clear();
    m_scene->setFocus({});
    if (m_scopeKind == GraphScope::Kind::BlastRadius || m_scopeKind == GraphScope::Kind::Needs) {
        setScopeKind(isGroupKind(*m_catalog, m_root) && m_mode == Mode::Page ? GraphScope::Kind::Group
                                                                             : GraphScope::Kind::Neighbourhood);
    }
    updateStatus();
}

bool GraphPanel::findNode(const QString &text)
{
    const EntityGraph *graph = m_scene->graph();
    const GraphDrawing *drawing = m_scene->drawing();
    if (!graph || !drawing || text.isEmpty()) {
        return false;
    }
    // The completer offers "Title — ref"; either part, or any part of them, finds it.
    const QString wanted = text.section(u" \u2014 "_s, -1).trimmed();
    int found = -1;
    for (int pass = 0; pass < 2 && found < 0; ++pass) {
        for (int i = 0; i < int(graph->nodes().size()); ++i) {
            const GraphNode &n = graph->nodes().at(i);
            const bool match = pass == 0 ? (n.ref.compare(wanted, Qt::CaseInsensitive) == 0
                                            || n.title.compare(wanted, Qt::CaseInsensitive) == 0)
                                         : (n.ref.contains(wanted, Qt::CaseInsensitive)
                                            || n.title.contains(wanted, Qt::CaseInsensitive));
            if (match) {
                found = i;
                break;
            }
        }
    }
    if (found < 0) {
        m_status->setText(tr("Nothing in this graph matches “%1”").arg(text));
        return false;
    }
    const int box = drawing->nodeOf(found);
    if (drawing->nodes().at(box).isGroup()) {
        m_pendingSelect = graph->nodes().at(found).ref;
        expandGroup(drawing->nodes().at(box).id);
        return true;
    }
    m_scene->setSelectedNode(box);
    m_lastSelected = graph->nodes().at(found).ref;
    m_view->centreOn(drawing->nodes().at(box).rect);
    updateStatus();
    return true;
}

void GraphPanel::onContextMenu(int node, const QPoint &screenPos)
{
    QMenu menu(this);
    const GraphDrawing *drawing = m_scene->drawing();
    if (drawing && node >= 0) {
        const DrawingNode &n = drawing->nodes().at(node);
        const QString ref = refOfNode(node);
        if (n.isGroup()) {
            menu.addAction(tr("Expand %1").arg(n.label), this, [this, id = n.id] { expandGroup(id); });
        } else if (!ref.isEmpty()) {
            menu.addAction(tr("Open %1").arg(n.label), this, [this, ref] { Q_EMIT entityRequested(ref); });
            menu.addSeparator();
            menu.addAction(tr("Blast radius: what depends on it"), this, [this, ref] { showBlastRadius(ref); });
            menu.addAction(tr("What it needs"), this, [this, ref] { showNeeds(ref); });
            menu.addAction(tr("Neighbourhood of %1").arg(n.label), this, [this, ref] {
                m_scopeKind = GraphScope::Kind::Neighbourhood;
                m_dirty = true;
                setRoot(ref);
            });
            const QString selected = m_lastSelected;
            if (!selected.isEmpty() && selected != ref) {
                menu.addAction(tr("Path from the selected entity to here"), this,
                               [this, selected, ref] { showPath(selected, ref); });
            }
            const QString group =
                GraphDrawing::groupIdOf(*m_scene->graph(), n.graphNode, *m_catalog, m_effectiveGrouping);
            if (m_expanded.contains(group)) {
                const int groupEntity = m_catalog->find(group.mid(6));
                const QString name =
                    groupEntity >= 0 ? m_catalog->entity(groupEntity).displayName() : group.section(u'/', -1);
                menu.addAction(tr("Collapse %1").arg(name), this, [this, group] { collapseGroup(group); });
            }
            if (!m_expanded.isEmpty()) {
                menu.addAction(tr("Collapse all groups"), this, &GraphPanel::collapseAllGroups);
            }
            menu.addSeparator();
            menu.addAction(tr("Copy reference"), this, [ref] { QApplication::clipboard()->setText(ref); });
        }
    } else {
        menu.addAction(tr("Fit"), m_view, &GraphView::fit);
        if (!m_expanded.isEmpty()) {
            menu.addAction(tr("Collapse all groups"), this, &GraphPanel::collapseAllGroups);
        }
        menu.addAction(tr("Export as SVG…"), this, [this] { exportInteractive(u"svg"_s); });
    }
    menu.exec(screenPos);
}

bool GraphPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_rootEdit && event->type() == QEvent::FocusIn && m_rootRefsStale) {
        fillRootCompleter();
    }
    // Ctrl+F on the graph finds in the graph: taken before the window's own Ctrl+F (search the catalog) sees it.
    if (watched == m_view && event->type() == QEvent::ShortcutOverride
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Find)) {
        event->accept();
        return true;
    }
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            m_scene->setSelectedNode(-1);
            if (m_scopeKind != GraphScope::Kind::BlastRadius && m_scopeKind != GraphScope::Kind::Needs) {
                m_focusText.clear();
                m_scene->setFocus({});
            }
            updateStatus();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !selectedRef().isEmpty()) {
            Q_EMIT entityRequested(selectedRef());
            return true;
        }
        if (key->matches(QKeySequence::Find)) {
            m_findEdit->setFocus();
            m_findEdit->selectAll();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void GraphPanel::fillRootCompleter()
{
    m_rootRefsStale = false;
    QStringList refs;
    if (m_catalog) {
        refs.reserve(qsizetype(m_catalog->size()));
        for (int i = 0; i < int(m_catalog->size()); ++i) {
            refs.append(m_catalog->entity(i).key());
        }
    }
    m_rootRefs->setStringList(refs);
}

void GraphPanel::fillFindCompleter()
{
    QStringList items;
    if (const EntityGraph *graph = m_scene->graph()) {
        items.reserve(graph->nodes().size());
        for (const GraphNode &n : graph->nodes()) {
            items.append(n.title + u" \u2014 "_s + n.ref);
        }
    }
    m_findRefs->setStringList(items);
}

void GraphPanel::exportInteractive(const QString &suffix)
{
    if (!m_scene->drawing()) {
        return;
    }
    QString filter;
    if (suffix == u"svg"_s) {
        filter = tr("SVG image (*.svg)");
    } else if (suffix == u"png"_s) {
        filter = tr("PNG image (*.png)");
    } else {
        filter = tr("Graphviz DOT (*.dot *.gv)");
    }
    QString base = m_root.isEmpty() ? u"catalog"_s : m_root.section(u'/', -1);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export the graph"), dir + u'/' + base + u"-graph."_s + suffix, filter);
    if (file.isEmpty()) {
        return;
    }
    QString error;
    if (!exportTo(file, &error)) {
        m_status->setText(error);
    } else {
        m_status->setText(tr("Exported to %1").arg(QDir::toNativeSeparators(file)));
    }
}

bool GraphPanel::exportTo(const QString &file, QString *error)
{
    const GraphDrawing *drawing = m_scene->drawing();
    const auto fail = [error](const QString &message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    if (!drawing) {
        return fail(tr("There is no graph to export"));
    }
    const QString suffix = QFileInfo(file).suffix().toLower();
    QByteArray bytes;
    if (suffix == u"svg"_s) {
        bytes = drawing->toSvg(m_scene->emphasis());
    } else if (suffix == u"dot"_s || suffix == u"gv"_s) {
        bytes = drawing->toDot();
    } else if (suffix == u"png"_s) {
        const QRectF source = m_scene->sceneRect();
        // Twice the on-screen size for sharp text, within what image viewers open.
        const qreal scale = std::min(2.0, 16000.0 / std::max(source.width(), source.height()));
        QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        if (image.isNull()) {
            return fail(tr("The graph is too large for a PNG image; export SVG instead"));
        }
        image.fill(m_view->palette().color(QPalette::Base));
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setRenderHint(QPainter::TextAntialiasing);
            m_scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
        }
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || !image.save(&out, "PNG") || !out.commit()) {
            return fail(tr("Could not write %1: %2").arg(file, out.errorString()));
        }
        return true;
    } else {
        return fail(tr("Export as .svg, .png or .dot, not .%1").arg(suffix));
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        return fail(tr("Could not write %1: %2").arg(file, out.errorString()));
    }
    return true;
}

} // namespace Portolan::Ui
