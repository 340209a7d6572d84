#include "EntityPage.h"

#include "ActionsController.h"
#include "actions/ActionLibrary.h"

#include "GitHubTab.h"
#include "OperationsTab.h"
#include "RuntimeTab.h"
#include "ScorecardTab.h"
#include "cache/CacheDatabase.h"
#include "cache/CatalogStore.h"
#include "graph/GraphPanel.h"
#include "model/KindSchema.h"
#include "models/Format.h"
#include "models/KeyValueModel.h"
#include "models/KindStyle.h"
#include "models/LiveStyle.h"
#include "models/RelationsModel.h"
#include "models/ScorecardModels.h"
#include "ttl/TimeToLive.h"
#include "util/Threads.h"
#include "widgets/Banner.h"
#include "widgets/Card.h"
#include "widgets/ChipList.h"
#include "widgets/CodeView.h"
#include "widgets/Icons.h"

#include <QApplication>
#include <QCborArray>
#include <QClipboard>
#include <QDesktopServices>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

using Format::muted;
using Format::mutedColor;

namespace {

const QString entityScheme = u"entity:"_s;
const QString relationsTabLink = u"tab:relations"_s;
constexpr int relationsPerGroupInSummary = 6;

// The placeholder colour is translucent text; rich text needs it solid, blended over the background.
void clearLayout(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->deleteLater();
        } else if (QLayout *child = item->layout()) {
            clearLayout(child);
        }
        delete item;
    }
}

QLabel *richLabel(const QString &html, QWidget *parent)
{
    auto *label = new QLabel(html, parent);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(false);
    return label;
}

QTableView *keyValueView(KeyValueModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setFocusPolicy(Qt::NoFocus);
    return view;
}

void fitTable(QTableView *view)
{
    const int rows = view->model()->rowCount();
    const int header = view->horizontalHeader()->sizeHint().height();
    view->setFixedHeight(header + rows * view->verticalHeader()->defaultSectionSize() + 2 * view->frameWidth() + 1);
    view->resizeColumnToContents(0);
    view->setColumnWidth(0, std::min(view->columnWidth(0) + 12, 320));
}

bool isRemote(const QString &file)
{
    return file.startsWith(u"http://"_s) || file.startsWith(u"https://"_s);
}

// The page's stack and tabs take the height they are given. Without this, Qt asks them for a height-for-width (some
// tab pages hold word-wrapped labels), and a QStackedLayout answers that from every page, at several widths, once more
// for each stack it sits in (window pages, catalog views, this page, its tabs): after a live update of the Runtime tab
// each layout pass laid out the rich-text labels of every tab hundreds of times, 60-250 ms per pass.
template<class Widget>
class FillingWidget final : public Widget
{
public:
    using Widget::Widget;
    [[nodiscard]] bool hasHeightForWidth() const override { return false; }
};

// QTabBar lays itself out again and asks the window for a new layout on every setTabText and setTabIcon, also when
// nothing changed; live snapshots arrive several times a second.
void updateTabText(QTabWidget *tabs, QWidget *page, const QString &text)
{
    const int index = tabs->indexOf(page);
    if (tabs->tabText(index) != text) {
        tabs->setTabText(index, text);
    }
}

void updateTabIcon(QTabWidget *tabs, QWidget *page, const QIcon &icon)
{
    const int index = tabs->indexOf(page);
    if (tabs->tabIcon(index).cacheKey() != icon.cacheKey()) {
        tabs->setTabIcon(index, icon);
    }
}

QLabel *factLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

} // namespace

EntityPage::EntityPage(QWidget *parent)
    : QWidget(parent)
    , m_catalog(Catalog::empty())
    , m_stack(new FillingWidget<QStackedWidget>(this))
    , m_missing(new QLabel(this))
    , m_labelsModel(new KeyValueModel(this))
    , m_annotationsModel(new KeyValueModel(this))
    , m_relationsModel(new RelationsModel(this))
{
    setObjectName(u"entityPage"_s);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildHeader());
    m_expiry = new Banner(content);
    m_expiry->setObjectName(u"entityExpiry"_s);
    m_expiry->hide();
    layout->addWidget(m_expiry);
    m_extend = m_expiry->addButton(tr("Extend…"));
    m_extend->setObjectName(u"extendExpiry"_s);
    m_extend->hide();
    connect(m_extend, &QPushButton::clicked, this, [this] {
        if (m_index >= 0 && !m_extendAction.isEmpty()) {
            Q_EMIT actionRequested(m_extendAction, m_catalog->entity(m_index).refString());
        }
    });
    m_expiryTick = new QTimer(this);
    m_expiryTick->setInterval(30'000); // the countdown moves on while the page is open
    connect(m_expiryTick, &QTimer::timeout, this, &EntityPage::renderExpiry);

    m_tabs = new FillingWidget<QTabWidget>(content);
    m_tabs->setObjectName(u"entityTabs"_s);
    m_tabs->setAccessibleName(tr("Entity sections"));
    m_tabs->setDocumentMode(true);
    m_ciTab = new GitHubTab(GitHubTab::Section::Ci, m_tabs);
    m_pullsTab = new GitHubTab(GitHubTab::Section::PullRequests, m_tabs);
    m_deploymentsTab = new GitHubTab(GitHubTab::Section::Deployments, m_tabs);
    m_runtimeTab = new class RuntimeTab(m_tabs);
    m_operationsTab = new class OperationsTab(m_tabs);
    connect(m_operationsTab, &Portolan::Ui::OperationsTab::entityRequested, this, &EntityPage::entityRequested);
    m_scorecardTab = new ScorecardTab(m_tabs);
    m_graphPanel = new GraphPanel(GraphPanel::Mode::Entity, m_tabs);
    m_graphPanel->setObjectName(u"entityGraph"_s);
    connect(m_graphPanel, &GraphPanel::entityRequested, this, &EntityPage::entityRequested);
    m_tabPages = {buildOverview(), m_ciTab,        m_pullsTab,          m_deploymentsTab, m_runtimeTab,
                  m_operationsTab, m_scorecardTab, buildRelationsTab(), m_graphPanel,     buildYamlTab()};
    m_tabs->addTab(m_tabPages[OverviewTab], tr("Overview"));
    m_tabs->addTab(m_ciTab, m_ciTab->title());
    m_tabs->addTab(m_pullsTab, m_pullsTab->title());
    m_tabs->addTab(m_deploymentsTab, m_deploymentsTab->title());
    m_tabs->addTab(m_runtimeTab, m_runtimeTab->title());
    m_tabs->addTab(m_operationsTab, m_operationsTab->title());
    m_tabs->addTab(m_scorecardTab, tr("Scorecards"));
    m_tabs->setTabVisible(m_tabs->indexOf(m_scorecardTab), false);
    m_tabs->addTab(m_tabPages[RelationsTab], tr("Relations"));
    m_tabs->addTab(m_graphPanel, tr("Graph"));
    m_tabs->addTab(m_tabPages[YamlTab], tr("YAML"));
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (currentTab() == YamlTab && !m_yamlLoaded && !m_yamlFor.isEmpty()) {
            loadYaml();
        }
    });

    m_missing->setObjectName(u"entityMissing"_s);
    m_missing->setAlignment(Qt::AlignCenter);
    m_missing->setWordWrap(true);
    m_missing->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(content);
    m_stack->addWidget(m_missing);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
}

EntityPage::~EntityPage() = default;

QWidget *EntityPage::buildHeader()
{
    auto *header = new QWidget(this);
    header->setObjectName(u"entityHeader"_s);
    auto *grid = new QGridLayout(header);
    grid->setContentsMargins(20, 16, 20, 12);
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(4);

    m_badge = new QLabel(header);
    m_badge->setFixedSize(48, 48);
    m_badge->setAlignment(Qt::AlignCenter);

    m_name = new QLabel(header);
    m_name->setObjectName(u"entityName"_s);
    QFont f = m_name->font();
    f.setPointSizeF(f.pointSizeF() * 1.7);
    f.setWeight(QFont::DemiBold);
    m_name->setFont(f);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_kindPill = new QLabel(header);
    m_kindPill->setObjectName(u"entityKind"_s);

    m_ref = new QLabel(header);
    m_ref->setObjectName(u"entityRef"_s);
    m_ref->setForegroundRole(QPalette::PlaceholderText);
    m_ref->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_refresh = new QPushButton(Icons::icon(Icons::Glyph::Reload), tr("Refresh Now"), header);
    m_refresh->setObjectName(u"refreshEntity"_s);
    m_refresh->setToolTip(tr("Read this entity's source again now"));
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        if (!m_key.isEmpty() && m_index >= 0) {
            setRefreshing(true);
            Q_EMIT refreshRequested(m_key);
        }
    });

    m_actionsButton = new QToolButton(header);
    m_actionsButton->setObjectName(u"entityActions"_s);
    m_actionsButton->setText(tr("Actions"));
    m_actionsButton->setIcon(Icons::icon(Icons::Glyph::Actions));
    m_actionsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actionsButton->setPopupMode(QToolButton::InstantPopup);
    m_actionsButton->setToolTip(tr("Self-service actions for this entity"));
    m_actionsButton->setMenu(new QMenu(m_actionsButton));
    m_actionsButton->hide();

    auto *copyRef = new QToolButton(header);
    copyRef->setIcon(Icons::icon(Icons::Glyph::Copy));
    copyRef->setAutoRaise(true);
    copyRef->setIconSize(QSize(14, 14));
    copyRef->setToolTip(tr("Copy the entity reference"));
    copyRef->setAccessibleName(tr("Copy the entity reference"));
    connect(copyRef, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(m_ref->text()); });

    m_meta = richLabel(QString(), header);
    m_meta->setObjectName(u"entityMeta"_s);
    connect(m_meta, &QLabel::linkActivated, this, &EntityPage::onLinkActivated);

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(10);
    titleRow->addWidget(m_name);
    titleRow->addWidget(m_kindPill, 0, Qt::AlignVCenter);
    titleRow->addStretch(1);
    titleRow->addWidget(m_actionsButton, 0, Qt::AlignVCenter);
    titleRow->addWidget(m_refresh, 0, Qt::AlignVCenter);
    auto *refRow = new QHBoxLayout;
    refRow->setSpacing(2);
    refRow->addWidget(m_ref);
    refRow->addWidget(copyRef);
    refRow->addStretch(1);

    grid->addWidget(m_badge, 0, 0, 2, 1, Qt::AlignTop);
    grid->addLayout(titleRow, 0, 1);
    grid->addLayout(refRow, 1, 1);
    grid->addWidget(m_meta, 2, 1);
    grid->setColumnStretch(1, 1);
    return header;
}

QWidget *EntityPage::buildOverview()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"entityOverview"_s);
    scroll->setAccessibleName(tr("Overview"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    content->setBackgroundRole(QPalette::Window);
    auto *columns = new QHBoxLayout(content);
    columns->setContentsMargins(20, 16, 20, 20);
    columns->setSpacing(16);
    auto *left = new QVBoxLayout;
    left->setSpacing(16);
    auto *right = new QVBoxLayout;
    right->setSpacing(16);
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);

    // About
    m_aboutCard = new Card(tr("About"), content);
    m_aboutCard->setObjectName(u"aboutCard"_s);
    m_description = new QLabel(m_aboutCard);
    m_description->setObjectName(u"entityDescription"_s);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_aboutCard->contentLayout()->addWidget(m_description);
    m_facts = new QGridLayout;
    m_facts->setHorizontalSpacing(24);
    m_facts->setVerticalSpacing(8);
    m_facts->setColumnStretch(1, 1);
    m_aboutCard->contentLayout()->addSpacing(4);
    m_aboutCard->contentLayout()->addLayout(m_facts);
    m_tagsLabel = factLabel(tr("Tags"), m_aboutCard);
    m_tags = new ChipList(m_aboutCard);
    m_tags->setObjectName(u"entityTags"_s);
    m_tags->setClickable(true);
    connect(m_tags, &ChipList::chipClicked, this, &EntityPage::tagRequested);
    left->addWidget(m_aboutCard);

    // Labels and annotations
    m_labelsCard = new Card(tr("Labels and annotations"), content);
    m_labelsCard->setObjectName(u"labelsCard"_s);
    m_labelsHeading = new QLabel(tr("Labels"), m_labelsCard);
    m_labelsView = keyValueView(m_labelsModel, m_labelsCard);
    m_labelsView->setObjectName(u"labelsView"_s);
    m_annotationsHeading = new QLabel(tr("Annotations"), m_labelsCard);
    m_annotationsView = keyValueView(m_annotationsModel, m_labelsCard);
    m_annotationsView->setObjectName(u"annotationsView"_s);
    for (QLabel *heading : {m_labelsHeading, m_annotationsHeading}) {
        QFont hf = heading->font();
        hf.setWeight(QFont::DemiBold);
        heading->setFont(hf);
    }
    m_labelsCard->contentLayout()->addWidget(m_labelsHeading);
    m_labelsCard->contentLayout()->addWidget(m_labelsView);
    m_labelsCard->contentLayout()->addSpacing(4);
    m_labelsCard->contentLayout()->addWidget(m_annotationsHeading);
    m_labelsCard->contentLayout()->addWidget(m_annotationsView);
    left->addWidget(m_labelsCard);
    left->addStretch(1);

    // Links
    m_linksCard = new Card(tr("Links"), content);
    m_linksCard->setObjectName(u"linksCard"_s);
    m_links = new QVBoxLayout;
    m_links->setSpacing(8);
    m_linksCard->contentLayout()->addLayout(m_links);
    right->addWidget(m_linksCard);

    // Relations summary
    m_relationsCard = new Card(tr("Relations"), content);
    m_relationsCard->setObjectName(u"relationsCard"_s);
    m_allRelations = new QPushButton(m_relationsCard);
    m_allRelations->setFlat(true);
    m_allRelations->setCursor(Qt::PointingHandCursor);
    connect(m_allRelations, &QPushButton::clicked, this, [this] { setCurrentTab(RelationsTab); });
    m_relationsCard->addHeaderWidget(m_allRelations);
    m_relationsSummary = new QGridLayout;
    m_relationsSummary->setHorizontalSpacing(16);
    m_relationsSummary->setVerticalSpacing(8);
    m_relationsSummary->setColumnStretch(1, 1);
    m_relationsCard->contentLayout()->addLayout(m_relationsSummary);
    right->addWidget(m_relationsCard);

    // Provenance
    m_provenanceCard = new Card(tr("Provenance"), content);
    m_provenanceCard->setObjectName(u"provenanceCard"_s);
    m_provenance = new QGridLayout;
    m_provenance->setHorizontalSpacing(24);
    m_provenance->setVerticalSpacing(8);
    m_provenance->setColumnStretch(1, 1);
    m_sourceButton = new QPushButton(Icons::icon(Icons::Glyph::File), tr("Show File"), m_provenanceCard);
    m_sourceButton->setObjectName(u"showDefinition"_s);
    connect(m_sourceButton, &QPushButton::clicked, this, [this] {
        if (m_index >= 0) {
            const Provenance &o = m_catalog->entity(m_index).origin;
            if (isRemote(o.file)) {
                QDesktopServices::openUrl(QUrl(o.file));
            } else {
                Q_EMIT fileRequested(o.file, o.line, o.column);
            }
        }
    });
    m_provenanceCard->contentLayout()->addLayout(m_provenance);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_sourceButton);
    buttonRow->addStretch(1);
    m_provenanceCard->contentLayout()->addLayout(buttonRow);
    right->addWidget(m_provenanceCard);
    right->addStretch(1);

    scroll->setWidget(content);
    return scroll;
}

QWidget *EntityPage::buildRelationsTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 12, 12, 12);
    m_relationsView = new QTreeView(page);
    m_relationsView->setObjectName(u"relationsView"_s);
    m_relationsView->setModel(m_relationsModel);
    m_relationsView->setUniformRowHeights(true);
    m_relationsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_relationsView->setAlternatingRowColors(false);
    m_relationsView->setMouseTracking(true);
    m_relationsView->setExpandsOnDoubleClick(false);
    m_relationsView->setAllColumnsShowFocus(true);
    m_relationsView->header()->setStretchLastSection(true);
    m_relationsView->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_relationsView->installEventFilter(this);
    connect(m_relationsView, &QTreeView::clicked, this, &EntityPage::openRelation);
    connect(m_relationsView, &QTreeView::entered, this, [this](const QModelIndex &index) {
        const bool navigable = index.data(RelationsModel::TargetIndexRole).toInt() >= 0;
        if (navigable) {
            m_relationsView->viewport()->setCursor(Qt::PointingHandCursor);
        } else {
            m_relationsView->viewport()->unsetCursor();
        }
    });
    connect(m_relationsView, &QTreeView::viewportEntered, this, [this] { m_relationsView->viewport()->unsetCursor(); });
    m_noRelations = new QLabel(tr("This entity has no relations."), page);
    m_noRelations->setAlignment(Qt::AlignCenter);
    m_noRelations->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_relationsView);
    layout->addWidget(m_noRelations);
    return page;
}

QWidget *EntityPage::buildYamlTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    auto *bar = new QHBoxLayout;
    auto *hint = new QLabel(tr("The descriptor as written in its file."), page);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *copy = new QPushButton(Icons::icon(Icons::Glyph::Copy), tr("Copy YAML"), page);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_yaml->toPlainText()); });
    auto *open = new QPushButton(Icons::icon(Icons::Glyph::File), tr("Show in File"), page);
    connect(open, &QPushButton::clicked, m_sourceButton, &QPushButton::click);
    bar->addWidget(hint);
    bar->addStretch(1);
    bar->addWidget(copy);
    bar->addWidget(open);
    layout->addLayout(bar);
    m_yaml = new CodeView(page);
    m_yaml->setObjectName(u"entityYaml"_s);
    m_yaml->setYamlHighlighting(true);
    layout->addWidget(m_yaml, 1);
    return page;
}

void EntityPage::setWorkspaceRoot(const QString &root)
{
    m_root = root;
}

void EntityPage::setCachePath(const QString &path)
{
    m_cachePath = path;
    m_yamlFor.clear();
}

void EntityPage::setCatalog(Catalog::Ptr catalog)
{
    m_catalog = catalog ? std::move(catalog) : Catalog::empty();
    m_yamlStale = true; // a sync may have changed the text in the cache
    m_graphPanel->setCatalog(m_catalog);
    if (!m_key.isEmpty()) {
        m_index = m_catalog->indexOf(m_key);
        render();
    }
}

bool EntityPage::showEntity(const QString &refKey)
{
    const int index = m_catalog->indexOf(refKey);
    if (index < 0) {
        return false;
    }
    const bool same = refKey == m_key;
    m_key = refKey;
    m_index = index;
    m_graphPanel->setRoot(refKey);
    render();
    if (!same) {
        setCurrentTab(OverviewTab);
        if (auto *scroll = qobject_cast<QScrollArea *>(m_tabPages[OverviewTab])) {
            scroll->verticalScrollBar()->setValue(0);
        }
    }
    return true;
}

QString EntityPage::displayedName() const
{
    return m_name->text();
}

void EntityPage::setCurrentTab(Tab tab)
{
    if (tab >= 0 && tab < TabCount) {
        m_tabs->setCurrentWidget(m_tabPages[std::size_t(tab)]);
    }
}

EntityPage::Tab EntityPage::currentTab() const
{
    for (int t = 0; t < TabCount; ++t) {
        if (m_tabs->currentWidget() == m_tabPages[std::size_t(t)]) {
            return Tab(t);
        }
    }
    return OverviewTab;
}

bool EntityPage::isTabShown(Tab tab) const
{
    return tab >= 0 && tab < TabCount && m_tabs->isTabVisible(m_tabs->indexOf(m_tabPages[std::size_t(tab)]));
}

GitHubTab *EntityPage::gitHubTab(Tab tab) const
{
    switch (tab) {
    case CiTab:
        return m_ciTab;
    case PullRequestsTab:
        return m_pullsTab;
    case DeploymentsTab:
        return m_deploymentsTab;
    default:
        return nullptr;
    }
}

void EntityPage::setLive(LiveSnapshot::Ptr live)
{
    m_live = std::move(live);
    m_graphPanel->setLive(m_live);
    if (m_index < 0) {
        return;
    }
    // Live snapshots arrive several times a second while a cluster is busy, mostly about other entities: the tabs
    // are only rebuilt when this entity's own data changed.
    const QString key = m_catalog->entity(m_index).key();
    QByteArray signature = liveSignature(key);
    if (key == m_liveKey && signature == m_liveSignature) {
        return;
    }
    renderLive(std::move(signature));
}

void EntityPage::setScorecards(ScorecardResults::Ptr results)
{
    m_scorecards = std::move(results);
    if (m_index >= 0) {
        renderScorecards();
    }
}

void EntityPage::renderScorecards()
{
    m_scorecardTab->show(m_scorecards, m_catalog->entity(m_index).key());
    m_tabs->setTabVisible(m_tabs->indexOf(m_scorecardTab), m_scorecardTab->scorecardCount() > 0);
    // The tab's icon: the level held on the first scorecard that applies.
    QIcon icon;
    const int entity = m_scorecards ? m_scorecards->catalog->indexOf(m_catalog->entity(m_index).key()) : -1;
    for (qsizetype c = 0; entity >= 0 && c < m_scorecards->cards.size() && icon.isNull(); ++c) {
        if (const EntityScore *score = m_scorecards->score(int(c), entity)) {
            icon = ScorecardStyle::levelIcon(m_scorecards->cards.at(c), score->level);
        }
    }
    updateTabIcon(m_tabs, m_scorecardTab, icon);
}

QByteArray EntityPage::liveSignature(const QString &key) const
{
    const RepositoryInsights *insights = m_live ? m_live->githubFor(key) : nullptr;
    const EntityRuntime *runtime = m_live ? m_live->runtimeFor(key) : nullptr;
    const EntityOps *ops = m_live ? m_live->opsFor(key) : nullptr;
    QByteArray signature = insights ? insights->toCbor().toCborValue().toCbor() : QByteArray();
    signature += '|';
    signature += runtime ? runtime->toCbor().toCborValue().toCbor() : QByteArray();
    signature += '|';
    signature += ops ? ops->toCbor().toCborValue().toCbor() : QByteArray();
    return signature;
}

void EntityPage::renderLive(QByteArray signature)
{
    const Entity &e = m_catalog->entity(m_index);
    const QString key = e.key();
    const RepositoryInsights *insights = m_live ? m_live->githubFor(key) : nullptr;
    const EntityRuntime *runtime = m_live ? m_live->runtimeFor(key) : nullptr;
    m_liveKey = key;
    m_liveSignature = signature.isNull() ? liveSignature(key) : std::move(signature);
    // The GitHub tabs show for entities that name a repository, the Runtime tab for those mapped to Kubernetes
    // objects (by annotation or because a source found some): elsewhere they would only say "nothing here".
    const bool github = insights || !e.annotation(u"github.com/project-slug").isEmpty();
    const bool kubernetes = runtime || !e.annotation(u"backstage.io/kubernetes-id").isEmpty()
                            || !e.annotation(u"backstage.io/kubernetes-label-selector").isEmpty();
    for (GitHubTab *tab : {m_ciTab, m_pullsTab, m_deploymentsTab}) {
        tab->show(e, insights);
        updateTabText(m_tabs, tab, tab->title());
        m_tabs->setTabVisible(m_tabs->indexOf(tab), github);
    }
    updateTabIcon(m_tabs, m_ciTab, insights ? LiveStyle::ciIcon(insights->ciState()) : QIcon());
    m_runtimeTab->show(e, runtime);
    m_tabs->setTabVisible(m_tabs->indexOf(m_runtimeTab), kubernetes);
    updateTabIcon(m_tabs, m_runtimeTab, runtime ? LiveStyle::healthIcon(runtime->health) : QIcon());
    // Operations: alerts, metrics, flags and the infrastructure the entity uses; shown where there is any.
    const EntityOps *ops = m_live ? m_live->opsFor(key) : nullptr;
    m_operationsTab->show(*m_catalog, m_index, ops);
    m_tabs->setTabVisible(m_tabs->indexOf(m_operationsTab), m_operationsTab->hasContent());
    updateTabIcon(m_tabs, m_operationsTab,
                  ops && ops->alertHealth() != Health::None ? LiveStyle::healthIcon(ops->alertHealth()) : QIcon());
}

QString EntityPage::refLink(const QString &ref, QStringView defaultKind, const QString &shown) const
{
    if (ref.isEmpty()) {
        return muted(u"—"_s);
    }
    const QString ns = m_index >= 0 ? m_catalog->entity(m_index).ns : defaultNamespace.toString();
    const auto parsed = EntityRef::parse(ref, defaultKind, ns);
    if (parsed.ok() && m_catalog->indexOf(parsed->key()) >= 0) {
        return u"<a href=\"%1%2\">%3</a>"_s.arg(entityScheme, parsed->key().toHtmlEscaped(), shown.toHtmlEscaped());
    }
    return muted(shown.toHtmlEscaped() + u" "_s + tr("(not in the catalog)").toHtmlEscaped());
}

void EntityPage::render()
{
    if (m_index < 0) {
        m_missing->setText(m_key.isEmpty() ? QString()
                                           : tr("%1 is no longer in the catalog: it was removed or renamed when "
                                                "the workspace was read again.")
                                                 .arg(m_key));
        m_stack->setCurrentWidget(m_missing);
        m_relationsModel->clear();
        return;
    }
    m_stack->setCurrentIndex(0);
    const Entity &e = m_catalog->entity(m_index);

    m_badge->setPixmap(KindStyle::kindIcon(e.kind).pixmap(QSize(44, 44), devicePixelRatioF()));
    m_name->setText(e.displayName());
    m_ref->setText(e.refString());
    const QColor kc = KindStyle::kindColor(e.kind);
    m_kindPill->setText(e.kind);
    m_kindPill->setStyleSheet(u"QLabel { background: %1; color: white; border-radius: 9px; padding: 2px 9px; "
                              "font-weight: 600; }"_s.arg(kc.name()));
    m_refresh->setEnabled(!m_refreshing);
    renderActions();

    QStringList meta;
    const QString owner = m_catalog->facetValue(m_index, Facet::Owner);
    const QString system = m_catalog->facetValue(m_index, Facet::System);
    const QString lifecycle = m_catalog->facetValue(m_index, Facet::Lifecycle);
    const QString type = m_catalog->facetValue(m_index, Facet::Type);
    if (!owner.isEmpty()) {
        meta.append(muted(tr("Owner").toHtmlEscaped()) + u"&nbsp;"_s + refLink(owner, u"Group", owner));
    }
    if (!system.isEmpty()) {
        meta.append(muted(tr("System").toHtmlEscaped()) + u"&nbsp;"_s + refLink(system, u"System", system));
    }
    if (!lifecycle.isEmpty()) {
        meta.append(muted(tr("Lifecycle").toHtmlEscaped())
                    + u"&nbsp;<span style=\"color:%1\">●</span>&nbsp;%2"_s.arg(
                        KindStyle::lifecycleColor(lifecycle).name(), lifecycle.toHtmlEscaped()));
    }
    if (!type.isEmpty()) {
        meta.append(muted(tr("Type").toHtmlEscaped()) + u"&nbsp;"_s + type.toHtmlEscaped());
    }
    m_meta->setText(meta.join(u"&nbsp;&nbsp;&nbsp;&nbsp;"_s));
    m_meta->setVisible(!meta.isEmpty());

    renderExpiry();
    renderAbout(e);
    renderLinks(e);
    renderRelationsSummary();
    renderLabels(e);
    renderProvenance(e);

    m_relationsModel->setEntity(m_catalog, m_index);
    m_relationsView->expandAll();
    m_relationsView->setColumnWidth(RelationsModel::NameColumn, 300);
    m_relationsView->setColumnWidth(RelationsModel::RefColumn, 340);
    const int relationCount = m_relationsModel->relationCount();
    m_relationsView->setVisible(relationCount > 0);
    m_noRelations->setVisible(relationCount == 0);
    m_tabs->setTabText(m_tabs->indexOf(m_tabPages[RelationsTab]), tr("Relations (%1)").arg(relationCount));
    renderLive();
    renderScorecards();

    renderYaml();
}

void EntityPage::renderYaml()
{
    const Entity &e = m_catalog->entity(m_index);
    if (!e.raw.isNull() || m_cachePath.isEmpty()) {
        m_yamlFor.clear();
        ++m_yamlRequest; // an answer still on its way is for another entity
        m_yaml->setPlainText(QString::fromUtf8(e.raw));
        return;
    }
    const QString wanted = e.origin.sourceId + u'\n' + m_key;
    if (wanted == m_yamlFor) {
        // Shown or on its way. After a new catalog it is read again, replacing the text in place only when it
        // changed (a sync of a live source brings catalogs often; the reader keeps their place).
        if (std::exchange(m_yamlStale, false)) {
            m_yamlLoaded = false;
            if (currentTab() == YamlTab) {
                loadYaml();
            }
        }
        return;
    }
    m_yamlStale = false;
    m_yamlFor = wanted;
    m_yamlLoaded = false;
    ++m_yamlRequest;
    m_yaml->setPlainText(QString());
    if (currentTab() == YamlTab) {
        loadYaml();
    }
}

void EntityPage::loadYaml()
{
    m_yamlLoaded = true;
    const quint64 request = ++m_yamlRequest;
    const QString sourceId = m_yamlFor.section(u'\n', 0, 0);
    const QString key = m_yamlFor.section(u'\n', 1);
    if (m_yaml->toPlainText().isEmpty()) {
        m_yaml->setPlainText(tr("Reading the descriptor from the offline cache…"));
    }
    auto *watcher = new QFutureWatcher<Result<QByteArray>>(this);
    connect(watcher, &QFutureWatcher<Result<QByteArray>>::finished, this, [this, watcher, request, key] {
        watcher->deleteLater();
        if (request != m_yamlRequest) {
            return;
        }
        const Result<QByteArray> text = watcher->result();
        if (!text.ok()) {
            m_yaml->setPlainText(tr("The descriptor could not be read from the offline cache: %1 (%2)")
                                     .arg(text.error().message, text.error().detail));
        } else if (text->isNull()) {
            m_yaml->setPlainText(tr("The offline cache has no descriptor text for %1.").arg(key));
        } else if (const QString yaml = QString::fromUtf8(*text); yaml != m_yaml->toPlainText()) {
            m_yaml->setPlainText(yaml);
        }
    });
    const QString path = m_cachePath;
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [path, sourceId, key]() -> Result<QByteArray> {
        CacheDatabase db;
        if (auto opened = db.open(path); !opened.ok()) {
            return opened.error();
        }
        return CatalogStore(db).descriptorText(sourceId, key);
    }));
}

void EntityPage::renderExpiry()
{
    Error problem;
    const auto expiry = m_index >= 0 ? TimeToLive::expiryOf(*m_catalog, m_index, &problem) : std::nullopt;
    if (!expiry) {
        m_expiryTick->stop();
        m_expiry->setVisible(!problem.message.isEmpty());
        m_expiry->setKind(Banner::Kind::Warning);
        m_expiry->setText(tr("Its time to live cannot be read: %1 (%2)")
                              .arg(problem.message.toHtmlEscaped(), problem.field.toHtmlEscaped()));
        return;
    }
    // The action that extends it, when the workspace has one for this entity (the first with a ttl:extend step).
    m_extendAction.clear();
    if (m_actions) {
        for (const ActionTemplate *a : ActionLibrary::forEntity(m_actions->actions(), m_catalog->entity(m_index))) {
            const bool extends = std::any_of(a->steps.cbegin(), a->steps.cend(),
                                             [](const TemplateStep &step) { return step.action == u"ttl:extend"_s; });
            if (extends && a->runnable()) {
                m_extendAction = a->id;
                m_extend->setToolTip(a->description);
                break;
            }
        }
    }
    m_extend->setVisible(!m_extendAction.isEmpty());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 left = expiry->secondsLeft(now);
    const QString at = Format::dateTime(expiry->expiresAt).toHtmlEscaped();
    if (left > 0) {
        m_expiry->setKind(left <= 24 * 3600 ? Banner::Kind::Warning : Banner::Kind::Info);
        m_expiry->setText(tr("<b>Expires in %1</b>, at %2. At the expiry the workspace's automations act on it.")
                              .arg(TimeToLive::formatDuration(left).toHtmlEscaped(), at));
    } else {
        m_expiry->setKind(Banner::Kind::Error);
        m_expiry->setText(tr("<b>Expired %1 ago</b>, at %2. The workspace's automations act on it when they next run.")
                              .arg(TimeToLive::formatDuration(left).toHtmlEscaped(), at));
    }
    m_expiry->show();
    m_expiryTick->start();
}

void EntityPage::renderAbout(const Entity &e)
{
    if (e.description.isEmpty()) {
        m_description->setText(tr("No description."));
        m_description->setForegroundRole(QPalette::PlaceholderText);
    } else {
        m_description->setText(e.description);
        m_description->setForegroundRole(QPalette::WindowText);
    }

    // The tags row is re-added below, so take it out before clearing the rest.
    m_facts->removeWidget(m_tagsLabel);
    m_facts->removeWidget(m_tags);
    clearLayout(m_facts);
    int row = 0;
    const auto addFact = [&](const QString &label, const QString &html) {
        m_facts->addWidget(factLabel(label, m_aboutCard), row, 0);
        QLabel *value = richLabel(html, m_aboutCard);
        connect(value, &QLabel::linkActivated, this, &EntityPage::onLinkActivated);
        m_facts->addWidget(value, row, 1);
        ++row;
    };
    const auto plain = [](const QString &text) { return text.isEmpty() ? muted(u"—"_s) : text.toHtmlEscaped(); };

    addFact(tr("Kind"), plain(e.kind));
    const QString type = m_catalog->facetValue(m_index, Facet::Type);
    if (!type.isEmpty() || e.kind.compare(u"Component"_s, Qt::CaseInsensitive) == 0
        || e.kind.compare(u"API"_s, Qt::CaseInsensitive) == 0
        || e.kind.compare(u"Resource"_s, Qt::CaseInsensitive) == 0) {
        addFact(tr("Type"), plain(type));
    }
    const QString lifecycle = m_catalog->facetValue(m_index, Facet::Lifecycle);
    if (!lifecycle.isEmpty()) {
        addFact(tr("Lifecycle"), u"<span style=\"color:%1\">●</span>&nbsp;%2"_s.arg(
                                     KindStyle::lifecycleColor(lifecycle).name(), lifecycle.toHtmlEscaped()));
    }
    const QString owner = m_catalog->facetValue(m_index, Facet::Owner);
    if (!owner.isEmpty()) {
        addFact(tr("Owner"), refLink(owner, u"Group", owner));
    }
    const QString system = m_catalog->facetValue(m_index, Facet::System);
    if (!system.isEmpty()) {
        addFact(tr("System"), refLink(system, u"System", system));
    }
    const QString domain = m_catalog->facetValue(m_index, Facet::Domain);
    if (!domain.isEmpty()) {
        addFact(tr("Domain"), refLink(domain, u"Domain", domain));
    }
    addFact(tr("Namespace"), plain(e.ns));

    // Groups and users carry a profile; other scalar spec fields without a relation are shown as written.
    const QCborMap profile = e.spec.value("profile"_L1).toMap();
    const QString displayName = profile.value("displayName"_L1).toString();
    const QString email = profile.value("email"_L1).toString();
    if (!displayName.isEmpty() && displayName != e.displayName()) {
        addFact(tr("Display name"), plain(displayName));
    }
    if (!email.isEmpty()) {
        addFact(tr("Email"), u"<a href=\"mailto:%1\">%1</a>"_s.arg(email.toHtmlEscaped()));
    }
    static const QStringList shownElsewhere = {u"type"_s,   u"lifecycle"_s,  u"owner"_s,  u"system"_s,
                                               u"domain"_s, u"definition"_s, u"profile"_s};
    const KindSchema *schema = kindSchema(e.kind);
    const QCborMap spec = e.spec.toMap();
    for (auto it = spec.constBegin(); it != spec.constEnd(); ++it) {
        const QString key = it.key().toString();
        if (shownElsewhere.contains(key)) {
            continue;
        }
        if (schema && std::any_of(schema->fields.cbegin(), schema->fields.cend(), [&key](const SpecField &f) {
                return f.relation && f.name == key;
            })) {
            continue;
        }
        const QCborValue v = it.value();
        QString text;
        if (v.isString()) {
            text = v.toString();
        } else if (v.isInteger() || v.isDouble() || v.isBool()) {
            text = v.toVariant().toString();
        } else if (v.isArray()) {
            QStringList items;
            for (const QCborValue &item : v.toArray()) {
                if (!item.isString()) {
                    items.clear();
                    break;
                }
                items.append(item.toString());
            }
            text = items.join(u", "_s);
        }
        if (!text.isEmpty() && text.size() <= 300) {
            addFact(key, text.toHtmlEscaped());
        }
    }

    m_tags->setChips(e.tags.toList());
    if (!e.tags.isEmpty()) {
        m_facts->addWidget(m_tagsLabel, row, 0);
        m_facts->addWidget(m_tags, row, 1);
    }
    m_tagsLabel->setVisible(!e.tags.isEmpty());
    m_tags->setVisible(!e.tags.isEmpty());
}

void EntityPage::renderLinks(const Entity &e)
{
    clearLayout(m_links);
    for (const EntityLink &link : e.links) {
        auto *row = new QHBoxLayout;
        row->setSpacing(10);
        auto *icon = new QLabel(m_linksCard);
        icon->setPixmap(Icons::icon(Icons::Glyph::ExternalLink).pixmap(QSize(16, 16), devicePixelRatioF()));
        icon->setAlignment(Qt::AlignTop);
        icon->setContentsMargins(0, 2, 0, 0);
        const QString title = link.title.isEmpty() ? link.url : link.title;
        QLabel *label = richLabel(u"<a href=\"%1\">%2</a><br>%3"_s.arg(link.url.toHtmlEscaped(), title.toHtmlEscaped(),
                                                                       muted(link.url.toHtmlEscaped())),
                                  m_linksCard);
        label->setToolTip(link.url);
        connect(label, &QLabel::linkActivated, this, &EntityPage::onLinkActivated);
        row->addWidget(icon);
        row->addWidget(label, 1);
        m_links->addLayout(row);
    }
    m_linksCard->setVisible(!e.links.isEmpty());
}

void EntityPage::renderRelationsSummary()
{
    clearLayout(m_relationsSummary);
    const auto relations = m_catalog->relations(m_index);
    int row = 0;
    std::size_t k = 0;
    while (k < relations.size()) {
        const RelationType type = relations[k].type;
        QStringList links;
        int total = 0;
        for (; k < relations.size() && relations[k].type == type; ++k) {
            ++total;
            if (links.size() >= relationsPerGroupInSummary) {
                continue;
            }
            const CatalogRelation &r = relations[k];
            if (r.target >= 0) {
                const Entity &t = m_catalog->entity(r.target);
                links.append(u"<a href=\"%1%2\">%3</a>"_s.arg(entityScheme, t.key().toHtmlEscaped(),
                                                              t.displayName().toHtmlEscaped()));
            } else {
                links.append(muted(m_catalog->relationTargetRef(r).toHtmlEscaped()));
            }
        }
        QString html = links.join(u", "_s);
        const int hidden = total - int(links.size());
        if (hidden > 0) {
            html +=
                u" <a href=\"%1\">%2</a>"_s.arg(relationsTabLink, tr("and %n more", nullptr, hidden).toHtmlEscaped());
        }
        m_relationsSummary->addWidget(factLabel(relationLabel(type), m_relationsCard), row, 0);
        QLabel *value = richLabel(html, m_relationsCard);
        connect(value, &QLabel::linkActivated, this, &EntityPage::onLinkActivated);
        m_relationsSummary->addWidget(value, row, 1);
        ++row;
    }
    m_allRelations->setText(tr("Show all %1").arg(relations.size()));
    m_relationsCard->setVisible(!relations.empty());
}

void EntityPage::renderLabels(const Entity &e)
{
    m_labelsModel->setItems(e.labels.toList());
    m_annotationsModel->setItems(e.annotations.toList());
    m_labelsHeading->setVisible(!e.labels.isEmpty());
    m_labelsView->setVisible(!e.labels.isEmpty());
    m_annotationsHeading->setVisible(!e.annotations.isEmpty());
    m_annotationsView->setVisible(!e.annotations.isEmpty());
    fitTable(m_labelsView);
    fitTable(m_annotationsView);
    m_labelsCard->setVisible(!e.labels.isEmpty() || !e.annotations.isEmpty());
}

void EntityPage::renderProvenance(const Entity &e)
{
    const Provenance &o = e.origin;
    clearLayout(m_provenance);
    int row = 0;
    const auto add = [&](const QString &label, const QString &html, const QString &name, const QString &tip) {
        m_provenance->addWidget(factLabel(label, m_provenanceCard), row, 0);
        QLabel *value = richLabel(html, m_provenanceCard);
        value->setObjectName(name);
        value->setToolTip(tip);
        connect(value, &QLabel::linkActivated, this, &EntityPage::onLinkActivated);
        m_provenance->addWidget(value, row, 1);
        ++row;
    };
    add(tr("Source"), o.sourceId.isEmpty() ? muted(u"—"_s) : u"<b>%1</b>"_s.arg(o.sourceId.toHtmlEscaped()),
        u"provenanceSource"_s, QString());
    const bool remote = isRemote(o.file);
    if (remote) {
        // Entities from a server (Backstage) point at their page or API URL.
        add(tr("URL"), u"<a href=\"%1\">%1</a>"_s.arg(o.file.toHtmlEscaped()), u"provenanceFile"_s, o.file);
    } else if (!o.file.isEmpty()) {
        const QString file = Format::displayPath(o.file, m_root);
        add(tr("File"), (o.line > 0 ? u"%1:%2"_s.arg(file).arg(o.line) : file).toHtmlEscaped(), u"provenanceFile"_s,
            o.file);
    }
    if (!o.revision.isEmpty()) {
        static const QRegularExpression hex(u"^[0-9a-f]{12,}$"_s);
        const QString shown = hex.match(o.revision).hasMatch() ? o.revision.left(10) : o.revision;
        add(tr("Revision"), u"<tt>%1</tt>"_s.arg(shown.toHtmlEscaped()), u"provenanceRevision"_s, o.revision);
    }
    m_sourceButton->setEnabled(!o.file.isEmpty());
    m_sourceButton->setText(remote ? tr("Open in Browser") : tr("Show File"));
    m_sourceButton->setIcon(Icons::icon(remote ? Icons::Glyph::ExternalLink : Icons::Glyph::File));
}

void EntityPage::setRefreshing(bool refreshing)
{
    m_refreshing = refreshing;
    m_refresh->setEnabled(!refreshing && m_index >= 0);
    m_refresh->setText(refreshing ? tr("Refreshing…") : tr("Refresh Now"));
}

void EntityPage::onLinkActivated(const QString &link)
{
    if (link.startsWith(entityScheme)) {
        Q_EMIT entityRequested(link.mid(entityScheme.size()));
    } else if (link == relationsTabLink) {
        setCurrentTab(RelationsTab);
    } else {
        QDesktopServices::openUrl(QUrl(link));
    }
}

bool EntityPage::eventFilter(QObject *watched, QEvent *event)
{
    // Return opens the current relation's target; a mouse click does the same (see openRelation).
    if (watched == m_relationsView && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            openRelation(m_relationsView->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void EntityPage::openRelation(const QModelIndex &index)
{
    const int target = index.data(RelationsModel::TargetIndexRole).toInt();
    if (target >= 0 && target < m_catalog->size()) {
        Q_EMIT entityRequested(m_catalog->entity(target).key());
    }
}

void EntityPage::setActions(ActionsController *actions)
{
    if (m_actions) {
        disconnect(m_actions, nullptr, this, nullptr);
    }
    m_actions = actions;
    if (actions) {
        connect(actions, &ActionsController::actionsChanged, this, &EntityPage::renderActions);
    }
    renderActions();
}

void EntityPage::renderActions()
{
    QMenu *menu = m_actionsButton->menu();
    menu->clear();
    if (!m_actions || !m_catalog || m_index < 0 || m_index >= m_catalog->size()) {
        m_actionsButton->hide();
        return;
    }
    const Entity &e = m_catalog->entity(m_index);
    const QString ref = e.refString();
    int count = 0;
    for (const ActionTemplate *a : ActionLibrary::forEntity(m_actions->actions(), e)) {
        QAction *item = menu->addAction(Icons::icon(Icons::Glyph::Actions), a->displayName() + u"…"_s);
        item->setObjectName(u"entityAction:"_s + a->ref.name);
        const GuardCheck check = m_actions->check(*a, &e);
        QStringList why;
        for (const ActionBlocker &b : check.blockers) {
            why << tr("%1 — %2").arg(b.reason, b.unblock);
        }
        item->setEnabled(a->runnable() && check.allowed());
        item->setToolTip(why.isEmpty() ? a->description : why.join(u"\n"_s));
        const QString id = a->id;
        connect(item, &QAction::triggered, this, [this, id, ref] { Q_EMIT actionRequested(id, ref); });
        ++count;
    }
    menu->setToolTipsVisible(true);
    m_actionsButton->setVisible(count > 0);
    renderExpiry(); // its Extend button follows the actions
}

} // namespace Portolan::Ui
