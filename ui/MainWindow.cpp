#include "MainWindow.h"

#include "ActionsController.h"
#include "UiSettings.h"
#include "WorkspaceSession.h"
#include "actions/ActionLibrary.h"
#include "auth/TokenStore.h"
#include "automation/AutomationRunner.h"
#include "config/AppInfo.h"
#include "config/Paths.h"
#include "config/Workspace.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ActionWizard.h"
#include "dialogs/CommandPalette.h"
#include "dialogs/FileViewerDialog.h"
#include "dialogs/PendingDeletionsDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "dialogs/WelcomeDialog.h"
#include "graph/GraphPanel.h"
#include "models/Format.h"
#include "models/KindStyle.h"
#include "models/ProblemsModel.h"
#include "models/SourcesModel.h"
#include "notify/Autostart.h"
#include "notify/DesktopNotifier.h"
#include "notify/NotificationCenter.h"
#include "notify/TrayIcon.h"
#include "pages/ActionsPage.h"
#include "pages/CatalogPage.h"
#include "pages/EntityPage.h"
#include "pages/InboxPage.h"
#include "pages/RunsPage.h"
#include "pages/ScorecardsPage.h"
#include "pages/SourcesPage.h"
#include "widgets/Banner.h"
#include "widgets/ElidedLabel.h"
#include "widgets/Icons.h"
#include "widgets/ProblemsPanel.h"
#include "widgets/SidebarDelegate.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

Q_LOGGING_CATEGORY(lcMainWindow, "portolan.ui.window", QtInfoMsg)

QFrame *verticalLine(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Mid);
    return line;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_sidebar(new QListWidget(this))
    , m_workspaceName(new QLabel(this))
    , m_workspaceHint(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_catalogPage(new CatalogPage(this))
    , m_graphPage(new GraphPanel(GraphPanel::Mode::Page, this))
    , m_scorecardsPage(new ScorecardsPage(this))
    , m_actionsPage(new ActionsPage(this))
    , m_runsPage(new RunsPage(this))
    , m_inboxPage(new InboxPage(this))
    , m_sourcesPage(new SourcesPage(this))
    , m_pendingBanner(new Banner(this))
    , m_problemsDock(new QDockWidget(tr("Problems"), this))
    , m_problemsPanel(new ProblemsPanel(m_problemsDock))
    , m_cacheStatus(new ElidedLabel(this))
    , m_sourceStatus(new QToolButton(this))
    , m_entityCount(new QLabel(this))
    , m_phase(new ElidedLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
    , m_problemsButton(new QToolButton(this))
    , m_clock(new QTimer(this))
    , m_notifier(new DesktopNotifier(this))
    , m_tray(new TrayIcon(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(Icons::appIcon());
    setWindowTitle(tr("Portolan"));

    // Sidebar: the app and workspace on top, the pages below.
    auto *sidebarPanel = new QWidget(this);
    m_sidebarPanel = sidebarPanel;
    QCoreApplication::instance()->installEventFilter(this);
    sidebarPanel->setObjectName(u"sidebarPanel"_s);
    sidebarPanel->setAutoFillBackground(true);
    updateSidebarPalette();
    auto *sideLayout = new QVBoxLayout(sidebarPanel);
    sideLayout->setContentsMargins(0, 14, 0, 10);
    sideLayout->setSpacing(2);

    auto *brand = new QHBoxLayout;
    brand->setContentsMargins(16, 0, 12, 0);
    brand->setSpacing(10);
    auto *logo = new QLabel(sidebarPanel);
    logo->setPixmap(Icons::appIcon().pixmap(QSize(30, 30), devicePixelRatioF()));
    auto *appName = new QLabel(u"Portolan"_s, sidebarPanel);
    QFont brandFont = appName->font();
    brandFont.setPointSizeF(brandFont.pointSizeF() * 1.3);
    brandFont.setWeight(QFont::DemiBold);
    appName->setFont(brandFont);
    brand->addWidget(logo);
    brand->addWidget(appName, 1);
    sideLayout->addLayout(brand);
    sideLayout->addSpacing(14);

    m_workspaceName->setObjectName(u"workspaceName"_s);
    QFont wsFont = m_workspaceName->font();
    wsFont.setWeight(QFont::DemiBold);
    m_workspaceName->setFont(wsFont);
    m_workspaceName->setContentsMargins(18, 0, 12, 0);
    m_workspaceName->setWordWrap(true);
    m_workspaceHint->setContentsMargins(18, 0, 12, 0);
    m_workspaceHint->setForegroundRole(QPalette::PlaceholderText);
    m_workspaceHint->setWordWrap(true);
    QFont hintFont = m_workspaceHint->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 0.92);
    m_workspaceHint->setFont(hintFont);
    auto *wsCaption = new QLabel(tr("WORKSPACE"), sidebarPanel);
    QFont capFont = wsCaption->font();
    capFont.setPointSizeF(capFont.pointSizeF() * 0.8);
    capFont.setWeight(QFont::DemiBold);
    capFont.setLetterSpacing(QFont::PercentageSpacing, 108);
    wsCaption->setFont(capFont);
    wsCaption->setForegroundRole(QPalette::PlaceholderText);
    wsCaption->setContentsMargins(18, 0, 12, 2);
    sideLayout->addWidget(wsCaption);
    sideLayout->addWidget(m_workspaceName);
    sideLayout->addWidget(m_workspaceHint);
    sideLayout->addSpacing(16);

    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setItemDelegate(new SidebarDelegate(m_sidebar));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setMouseTracking(true);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->viewport()->setAutoFillBackground(false);
    m_sidebar->setAutoFillBackground(false);
    const struct
    {
        Icons::Glyph glyph;
        QString label;
    } entries[] = {
        {Icons::Glyph::Catalog, tr("Catalog")},
        {Icons::Glyph::Graph, tr("Graph")},
        {Icons::Glyph::Scorecards, tr("Scorecards")},
        {Icons::Glyph::Actions, tr("Actions")},
        {Icons::Glyph::Runs, tr("Runs")},
        {Icons::Glyph::Inbox, tr("Inbox")},
        {Icons::Glyph::Sources, tr("Sources")},
    };
    for (const auto &entry : entries) {
        auto *item = new QListWidgetItem(Icons::icon(entry.glyph), entry.label, m_sidebar);
        item->setToolTip(entry.label);
    }
    sideLayout->addWidget(m_sidebar, 1);
    sidebarPanel->setFixedWidth(214);

    // Pages
    m_pages->setObjectName(u"pages"_s);
    m_pages->addWidget(m_catalogPage);
    m_graphPage->setObjectName(u"graphPage"_s);
    m_pages->addWidget(m_graphPage);
    connect(m_graphPage, &GraphPanel::entityRequested, this, [this](const QString &ref) {
        showPage(CatalogPageIndex);
        m_catalogPage->openEntity(ref);
    });
    m_pages->addWidget(m_scorecardsPage);
    connect(m_scorecardsPage, &ScorecardsPage::entityRequested, this, [this](const QString &ref) {
        showPage(CatalogPageIndex);
        m_catalogPage->openEntity(ref);
    });
    connect(m_scorecardsPage, &ScorecardsPage::fileRequested, this,
            [this](const QString &file, int line, int column) { openFileViewer(file, line, column); });
    m_pages->addWidget(m_actionsPage);
    connect(m_actionsPage, &ActionsPage::startRequested, this,
            [this](const QString &id, const QString &entityRef) { openActionWizard(id, entityRef); });
    connect(m_actionsPage, &ActionsPage::fileRequested, this,
            [this](const QString &file, int line, int column) { openFileViewer(file, line, column); });
    m_pages->addWidget(m_runsPage);
    connect(m_runsPage, &RunsPage::entityRequested, this, [this](const QString &ref) {
        showPage(CatalogPageIndex);
        m_catalogPage->openEntity(ref);
    });
    connect(m_runsPage, &RunsPage::rerunRequested, this, &MainWindow::openActionWizard);
    m_pages->addWidget(m_inboxPage);
    connect(m_inboxPage, &InboxPage::openRequested, this, &MainWindow::openNotificationTarget);
    connect(m_inboxPage, &InboxPage::notificationActivated, this, [this](const QString &id) {
        if (m_notifications) {
            m_notifications->markRead(id);
        }
    });
    connect(m_inboxPage, &InboxPage::markAllReadRequested, this, [this] {
        if (m_notifications) {
            m_notifications->markAllRead();
        }
    });
    // Extend…: the workspace's action with a ttl:extend step for that entity, else its page (countdown, actions).
    connect(m_inboxPage, &InboxPage::extendRequested, this, [this](const QString &ref) {
        if (m_actions) {
            const Catalog::Ptr catalog = m_actions->catalog();
            const int index = catalog->find(ref);
            for (const ActionTemplate *a : index >= 0
                                               ? ActionLibrary::forEntity(m_actions->actions(), catalog->entity(index))
                                               : QList<const ActionTemplate *>()) {
                if (a->runnable() && std::any_of(a->steps.cbegin(), a->steps.cend(), [](const TemplateStep &s) {
                        return s.action == u"ttl:extend"_s;
                    })) {
                    openActionWizard(a->id, ref);
                    return;
                }
            }
        }
        openNotificationTarget({u"entity"_s, ref});
    });
    // Approvals: the Inbox's decisions are approval commits made by the actions controller (see setWorkspace).
    connect(m_inboxPage, &InboxPage::decisionRequested, this,
            [this](const QString &runKey, bool approve, const QString &comment) {
                if (m_actions) {
                    m_actions->decide(runKey, approve, comment);
                }
            });
    m_pages->addWidget(m_sourcesPage);

    // A sync held back by the deletion guard: said above every page, without interrupting.
    m_pendingBanner->setObjectName(u"pendingDeletionsBanner"_s);
    m_pendingBanner->setKind(Banner::Kind::Warning);
    m_pendingBanner->setClosable(true);
    QPushButton *review = m_pendingBanner->addButton(tr("Review…"));
    review->setObjectName(u"reviewPendingDeletions"_s);
    connect(review, &QPushButton::clicked, this, [this] { reviewPendingDeletions(m_pendingSourceId); });
    connect(m_pendingBanner, &Banner::closeRequested, this, [this] {
        if (m_session) {
            if (const PendingDeletions *p = m_session->pendingDeletion(m_pendingSourceId)) {
                m_dismissedPending.append(p->sourceId + u'@' + p->heldAt.toString(Qt::ISODateWithMs));
            }
            onPendingDeletionsChanged(m_session->pendingDeletions());
        }
    });
    auto *pagesColumn = new QWidget(this);
    auto *pagesLayout = new QVBoxLayout(pagesColumn);
    pagesLayout->setContentsMargins(0, 0, 0, 0);
    pagesLayout->setSpacing(0);
    auto *bannerHost = new QWidget(pagesColumn);
    bannerHost->setObjectName(u"pendingBannerHost"_s);
    auto *bannerBox = new QVBoxLayout(bannerHost);
    bannerBox->setContentsMargins(12, 10, 12, 4);
    m_pendingBanner->setParent(bannerHost);
    bannerBox->addWidget(m_pendingBanner);
    bannerHost->hide();
    pagesLayout->addWidget(bannerHost);
    pagesLayout->addWidget(m_pages, 1);

    auto *central = new QWidget(this);
    auto *centralLayout = new QHBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(sidebarPanel);
    centralLayout->addWidget(verticalLine(central));
    centralLayout->addWidget(pagesColumn, 1);
    setCentralWidget(central);

    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(CatalogPageIndex);

    // Problems panel
    m_problemsDock->setObjectName(u"problemsDock"_s);
    m_problemsPanel->setObjectName(u"problemsPanel"_s);
    m_problemsDock->setWidget(m_problemsPanel);
    m_problemsDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea);
    m_problemsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    m_problemsDock->hide();
    connect(m_problemsPanel, &ProblemsPanel::openProblemRequested, this, [this](const Error &problem) {
        openFileViewer(problem.file, problem.line, problem.column, problem.message, problem.isError());
    });
    connect(m_problemsPanel, &ProblemsPanel::showEntityRequested, this, [this](const QString &ref) {
        showPage(CatalogPageIndex);
        if (!m_catalogPage->openEntity(ref)) {
            statusBar()->showMessage(tr("%1 is not in the catalog").arg(ref), 5000);
        }
    });

    connect(m_catalogPage, &CatalogPage::fileRequested, this,
            [this](const QString &file, int line, int column) { openFileViewer(file, line, column); });
    connect(m_catalogPage, &CatalogPage::resultsChanged, this, &MainWindow::updateStatus);
    connect(m_catalogPage, &CatalogPage::refreshEntityRequested, this, [this](const QString &refKey) {
        if (m_session) {
            m_session->refreshEntity(refKey);
        }
    });
    connect(m_sourcesPage, &SourcesPage::reviewRequested, this,
            [this](const QString &sourceId) { reviewPendingDeletions(sourceId); });
    connect(m_sourcesPage, &SourcesPage::fileRequested, this,
            [this](const QString &file, int line, int column) { openFileViewer(file, line, column); });

    buildMenus();
    buildStatusBar();
    setUpTray();

    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, &MainWindow::updateStatus);
    m_clock->start();

    QSettings settings;
    const QByteArray geometry = settings.value(SettingsKeys::windowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QRect available = screen()->availableGeometry();
        resize(std::min(1560, int(available.width() * 0.94)), std::min(980, int(available.height() * 0.94)));
    }
    restoreState(settings.value(SettingsKeys::windowState).toByteArray());
    const QByteArray problemsHeader = settings.value(SettingsKeys::problemsHeader).toByteArray();
    if (!problemsHeader.isEmpty()) {
        m_problemsPanel->view()->horizontalHeader()->restoreState(problemsHeader);
    }
    m_runsPage->restoreHeaderState(settings.value(SettingsKeys::runsHeader).toByteArray());
    const QByteArray sourcesHeader = settings.value(SettingsKeys::sourcesHeader).toByteArray();
    if (!sourcesHeader.isEmpty()) {
        m_sourcesPage->table()->horizontalHeader()->restoreState(sourcesHeader);
    }
    // The page the window was closed on.
    const int lastPage = settings.value(SettingsKeys::lastPage, int(CatalogPageIndex)).toInt();
    if (lastPage > CatalogPageIndex && lastPage <= SourcesPageIndex) {
        showPage(Page(lastPage));
    }
    m_catalogPage->restoreState();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(Icons::icon(Icons::Glyph::Folder), tr("&Open Workspace Folder…"), this,
                                    &MainWindow::chooseWorkspaceFolder);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(u"actionOpenWorkspace"_s);
    QAction *demo = file->addAction(tr("Open &Demo Workspace"), this, &MainWindow::openDemoWorkspace);
    demo->setObjectName(u"actionOpenDemo"_s);
    file->addSeparator();
    QAction *preferences = file->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setObjectName(u"actionPreferences"_s);
    file->addSeparator();
    m_reloadAction = file->addAction(Icons::icon(Icons::Glyph::Reload), tr("&Reload"), this, &MainWindow::reload);
    m_reloadAction->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence::Refresh});
    m_reloadAction->setObjectName(u"actionReload"_s);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &MainWindow::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *find = view->addAction(Icons::icon(Icons::Glyph::Search), tr("&Search the Catalog"), this, [this] {
        showPage(CatalogPageIndex);
        m_catalogPage->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);
    find->setObjectName(u"actionSearch"_s);
    QAction *goTo = view->addAction(tr("&Go to…"), this, &MainWindow::openCommandPalette);
    goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    goTo->setObjectName(u"actionGoTo"_s);
    view->addSeparator();
    for (int i = 0; i < m_sidebar->count(); ++i) {
        QAction *page = view->addAction(m_sidebar->item(i)->icon(), m_sidebar->item(i)->text(), this,
                                        [this, i] { showPage(Page(i)); });
        page->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction *problems = m_problemsDock->toggleViewAction();
    problems->setText(tr("&Problems Panel"));
    problems->setIcon(Icons::icon(Icons::Glyph::Problems));
    problems->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    problems->setObjectName(u"actionProblems"_s);
    view->addAction(problems);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *welcome = help->addAction(tr("&Welcome…"), this, &MainWindow::showWelcome);
    welcome->setObjectName(u"actionWelcome"_s);
    QAction *guide = help->addAction(tr("&User Guide"), this, &MainWindow::openUserGuide);
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setObjectName(u"actionUserGuide"_s);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Portolan"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::buildStatusBar()
{
    m_cacheStatus->setObjectName(u"cacheStatus"_s);
    m_sourceStatus->setObjectName(u"sourceStatus"_s);
    m_entityCount->setObjectName(u"entityCount"_s);
    m_progress->setObjectName(u"loadProgress"_s);
    m_cancel->setObjectName(u"cancelLoad"_s);
    m_problemsButton->setObjectName(u"problemsButton"_s);

    m_progress->setFixedWidth(160);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_phase->setForegroundRole(QPalette::PlaceholderText);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the running syncs; the catalog shown stays as it is"));
    m_sourceStatus->setAutoRaise(true);
    m_sourceStatus->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sourceStatus->setIconSize(QSize(10, 10));
    connect(m_sourceStatus, &QToolButton::clicked, this, [this] { showPage(SourcesPageIndex); });
    m_cancel->setAutoRaise(true);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_session) {
            m_session->cancel();
        }
    });
    m_problemsButton->setAutoRaise(true);
    m_problemsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemsButton->setToolTip(tr("Show the Problems panel (Ctrl+Shift+M)"));
    connect(m_problemsButton, &QToolButton::clicked, this, [this] {
        if (m_problemsDock->isVisible()) {
            m_problemsDock->hide();
        } else {
            showProblems();
        }
    });

    QStatusBar *bar = statusBar();
    bar->setSizeGripEnabled(true);
    bar->addWidget(m_cacheStatus);
    bar->addWidget(verticalLine(bar));
    bar->addWidget(m_sourceStatus);
    bar->addWidget(verticalLine(bar));
    bar->addWidget(m_entityCount);
    bar->addPermanentWidget(m_phase);
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_cancel);
    bar->addPermanentWidget(m_problemsButton);
    for (QWidget *w : std::initializer_list<QWidget *>{m_cacheStatus, m_sourceStatus, m_entityCount}) {
        w->setContentsMargins(6, 0, 6, 0);
    }
    m_phase->hide();
    m_progress->hide();
    m_cancel->hide();
}

bool MainWindow::openWorkspace(const QString &dir, const QString &branch)
{
    auto workspace = Workspace::open(dir, branch);
    if (!workspace.ok()) {
        QMessageBox::warning(this, tr("Cannot Open Workspace"), workspace.error().message);
        return false;
    }
    m_sourcesPage->setSession(nullptr);
    m_scorecardsPage->setController(nullptr);
    m_catalogPage->setScorecards(nullptr);
    m_actionsPage->setController(nullptr);
    m_runsPage->setController(nullptr);
    m_catalogPage->entityPage()->setActions(nullptr);
    m_followedCatalog.reset(); // the old workspace's catalog goes nowhere now
    m_notifications.reset();
    m_actions.reset();
    m_scorecards.reset();
    m_session.reset();
    m_catalogPage->clearFilters();
    m_catalogPage->showResults();
    m_catalogPage->setWorkspaceRoot(workspace->root);
    m_catalogPage->setCatalog(Catalog::empty());
    m_problemsPanel->setProblems({}, workspace->root);
    m_lastFailure.clear();
    m_dismissedPending.clear();
    onPendingDeletionsChanged({});

    const bool demo = workspace->root == Workspace::demoPath();
    const bool git = !workspace->gitUrl.isEmpty();
    m_workspaceName->setText(workspace->displayName());
    if (demo) {
        m_workspaceHint->setText(tr("Bundled demo workspace"));
    } else if (git) {
        m_workspaceHint->setText(workspace->gitBranch.isEmpty()
                                     ? workspace->gitUrl
                                     : tr("%1 (branch %2)").arg(workspace->gitUrl, workspace->gitBranch));
    } else {
        m_workspaceHint->setText(workspace->root);
    }
    m_workspaceHint->setToolTip(workspace->description.isEmpty() ? m_workspaceHint->text() : workspace->description);
    m_workspaceName->setToolTip(m_workspaceHint->toolTip());
    setWindowTitle(tr("%1 — Portolan").arg(workspace->displayName()));

    const QString cachePath = Paths::cacheFileFor(workspace->cacheKey());
    // Written before: until the session has looked inside, the status says the cache is being opened (a stat of one
    // file, before the session creates it).
    m_hadCache = QFileInfo(cachePath).size() > 0;
    m_session = std::make_unique<WorkspaceSession>(*workspace, cachePath);
    m_catalogPage->setCachePath(m_session->cachePath());
    WorkspaceSession *session = m_session.get();
    connect(session, &WorkspaceSession::catalogChanged, this, &MainWindow::onCatalogChanged);
    connect(session, &WorkspaceSession::listChanged, this, [this](const Catalog::Ptr &list) {
        m_catalogPage->setList(list);
        updateStatus();
    });
    connect(session, &WorkspaceSession::liveChanged, m_catalogPage, &CatalogPage::setLive);
    connect(session, &WorkspaceSession::liveChanged, m_graphPage, &GraphPanel::setLive);
    connect(session, &WorkspaceSession::busyChanged, this, &MainWindow::onBusyChanged);
    connect(session, &WorkspaceSession::progressChanged, this, &MainWindow::onProgress);
    connect(session, &WorkspaceSession::failed, this, &MainWindow::onFailed);
    connect(session, &WorkspaceSession::sourcesChanged, this, [this] {
        if (m_session && !m_session->hasCatalog()) {
            updateStatus(); // the cache has been opened: say what comes next
        } else {
            updateSourceStatus();
        }
    });
    connect(session, &WorkspaceSession::pendingDeletionsChanged, this, &MainWindow::onPendingDeletionsChanged);
    connect(session, &WorkspaceSession::sourceFinished, this,
            [this] { m_catalogPage->entityPage()->setRefreshing(false); });
    connect(session, &WorkspaceSession::workspaceChanged, this, [this](const Workspace &current) {
        // A git workspace gets its name and configuration with the first clone.
        m_workspaceName->setText(current.displayName());
        setWindowTitle(tr("%1 — Portolan").arg(current.displayName()));
        m_catalogPage->setWorkspaceRoot(current.root);
    });
    QSettings settings;
    settings.setValue(SettingsKeys::lastWorkspace, git ? workspace->gitUrl : workspace->root);
    settings.setValue(SettingsKeys::lastWorkspaceBranch, workspace->gitBranch);
    m_sourcesPage->setSession(session);

    // Scorecards follow the catalog and its live data, with their history in the same cache.
    m_scorecards =
        std::make_unique<ScorecardsController>(workspace->scorecardPaths(), Paths::cacheFileFor(workspace->cacheKey()));
    ScorecardsController *scorecards = m_scorecards.get();
    connect(session, &WorkspaceSession::liveChanged, scorecards, &ScorecardsController::setLive);
    connect(session, &WorkspaceSession::workspaceChanged, scorecards,
            [scorecards](const Workspace &current) { scorecards->setScorecardPaths(current.scorecardPaths()); });
    connect(scorecards, &ScorecardsController::resultsChanged, m_catalogPage, &CatalogPage::setScorecards);
    m_scorecardsPage->setController(scorecards);

    // Actions: the catalog's templates, run on worker threads with their runs kept in the same cache.
    if (!m_tokens) {
        m_tokens = std::make_unique<TokenStore>();
    }
    m_actions =
        std::make_unique<ActionsController>(*workspace, Paths::cacheFileFor(workspace->cacheKey()), m_tokens.get());
    ActionsController *actions = m_actions.get();
    connect(session, &WorkspaceSession::workspaceChanged, actions, &ActionsController::setWorkspace);
    connect(scorecards, &ScorecardsController::resultsChanged, actions, &ActionsController::setScores);
    connect(session, &WorkspaceSession::liveChanged, actions, &ActionsController::setLive);
    connect(actions, &ActionsController::sourceRegistered, this, [this](const QString &sourceId) {
        // A catalog:register step added a source: read the configuration again and that source now.
        if (m_session) {
            m_session->reloadConfiguration();
            m_session->refreshSource(sourceId);
        }
    });
    // Approval requests of every desktop, read from the approvals repository: the Inbox and the notifications.
    connect(actions, &ActionsController::approvalsChanged, this,
            [this, actions](const QList<ApprovalRequest> &list) { takeApprovals(list, actions->user().entityRef); });
    connect(actions, &ActionsController::userChanged, this, [this, actions](const ActionUser &user) {
        takeApprovals(actions->approvals(), user.entityRef); // "act as" another user: their Inbox
    });
    connect(actions, &ActionsController::decisionRecorded, this, [this](const QString &, bool approved) {
        statusBar()->showMessage(approved ? tr("Approved; the requester's Portolan goes on with it")
                                          : tr("Rejected; the requester sees your comment"),
                                 8000);
    });
    connect(actions, &ActionsController::decisionFailed, this, [this](const QString &, const QString &message) {
        QMessageBox::warning(this, tr("Decision not recorded"),
                             tr("Your decision could not be written to the approvals repository: %1").arg(message));
    });
    m_actionsPage->setController(actions);
    m_runsPage->setController(actions);
    m_catalogPage->entityPage()->setActions(actions);
    connect(m_catalogPage->entityPage(), &EntityPage::actionRequested, this,
            [this](const QString &id, const QString &entityRef) { openActionWizard(id, entityRef); });

    // Notifications: runs, TTLs and failing sources of this workspace, logged in its data folder.
    m_notifications = std::make_unique<NotificationCenter>(NotificationLog::fileFor(workspace->cacheKey()));
    NotificationCenter *center = m_notifications.get();
    if (!center->loadProblem().isEmpty()) {
        statusBar()->showMessage(center->loadProblem(), 15000);
    }
    center->setPaused(m_tray->pauseAction()->isChecked());
    center->setTtlPolicy(Automations::ttlPolicy(*workspace));
    connect(session, &WorkspaceSession::workspaceChanged, center,
            [center](const Workspace &current) { center->setTtlPolicy(Automations::ttlPolicy(current)); });
    connect(session, &WorkspaceSession::sourcesChanged, center, &NotificationCenter::takeSourceStatuses);
    connect(actions, &ActionsController::runFinished, center, &NotificationCenter::runFinished);
    connect(actions, &ActionsController::userChanged, center, [center](const ActionUser &user) {
        // The TTL warnings go to the owner: the user or one of their groups (everyone's, when the catalog does
        // not know the user).
        center->setOwners(user.entityRef.isEmpty() ? QStringList() : QStringList{user.entityRef} + user.groups);
    });
    connect(center, &NotificationCenter::popup, m_notifier, &DesktopNotifier::show);
    connect(center, &NotificationCenter::changed, this, &MainWindow::updateUnread);
    connect(center, &NotificationCenter::expiriesChanged, m_inboxPage, &InboxPage::setExpiries);
    m_inboxPage->setExpiries({});
    updateUnread();
    session->start();
    updateStatus();
    return true;
}

void MainWindow::openActionWizard(const QString &actionId, const QString &entityRef, const QJsonObject &initial)
{
    if (!m_actions) {
        return;
    }
    const ActionTemplate *action = m_actions->action(actionId);
    if (!action) {
        QMessageBox::information(this, tr("Action Not Found"),
                                 tr("The action %1 is no longer in the catalog.").arg(actionId));
        return;
    }
    auto *wizard = new ActionWizard(m_actions.get(), *action, entityRef, initial, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ActionWizard::submitted, this, [this] { showPage(RunsPageIndex); });
    wizard->show();
}

void MainWindow::openDeepLink(const DeepLink &link)
{
    switch (link.target) {
    case DeepLink::Target::Entity: {
        showPage(CatalogPageIndex);
        const bool waiting = !m_session || !m_session->hasCatalog();
        if (!m_catalogPage->openEntity(link.entityRef) && !waiting) {
            showLinkProblem(tr("There is no entity %1 in the catalog of this workspace.").arg(link.entityRef));
        }
        return;
    }
    case DeepLink::Target::Action:
        if (!m_actions) {
            return;
        }
        if (!m_actions->action(link.actionId) && (!m_session || !m_session->hasCatalog())) {
            // The actions are read with the catalog: wait for them.
            connect(
                m_actions.get(), &ActionsController::actionsChanged, this,
                [this, link] { openActionWizard(link.actionId, link.entityRef); }, Qt::SingleShotConnection);
            return;
        }
        openActionWizard(link.actionId, link.entityRef);
        return;
    case DeepLink::Target::Run:
        showPage(RunsPageIndex);
        m_runsPage->showRunWhenLoaded(link.runId, [this, id = link.runId](bool found) {
            if (!found) {
                showLinkProblem(tr("There is no run %1 in the run history of this workspace.").arg(id));
            }
        });
        return;
    }
}

void MainWindow::handleArguments(const QStringList &arguments, const QString &workingDirectory)
{
    for (const QString &argument : arguments) {
        if (DeepLink::isDeepLink(argument)) {
            const auto link = DeepLink::parse(argument);
            if (!link.ok()) {
                showLinkProblem(link.error().message);
                continue;
            }
            qCInfo(lcMainWindow).noquote() << "opening" << argument;
            openDeepLink(*link);
            continue;
        }
        if (argument.startsWith(u':') || Workspace::isGitUrl(argument)) {
            openWorkspace(argument);
            continue;
        }
        const QUrl url(argument);
        const QString path = url.isLocalFile() ? url.toLocalFile() : QDir(workingDirectory).absoluteFilePath(argument);
        if (!QFileInfo(path).isDir()) {
            showLinkProblem(tr("%1 is neither a workspace folder nor a Portolan link.").arg(argument));
            continue;
        }
        openWorkspace(QDir::cleanPath(path));
    }
}

void MainWindow::showLinkProblem(const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open the Link"), message, QMessageBox::Ok, this);
    box->setObjectName(u"linkProblem"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::openDemoWorkspace()
{
    openWorkspace(Workspace::demoPath());
}

void MainWindow::reload()
{
    if (m_session) {
        m_lastFailure.clear();
        m_session->reload();
    }
}

void MainWindow::showPage(Page page)
{
    m_sidebar->setCurrentRow(int(page));
}

void MainWindow::showProblems()
{
    const bool wasHidden = m_problemsDock->isHidden();
    m_problemsDock->show();
    if (wasHidden && m_problemsDock->height() < 160) {
        resizeDocks({m_problemsDock}, {std::max(220, height() / 4)}, Qt::Vertical);
    }
    m_problemsDock->raise();
    m_problemsPanel->focusTable();
}

void MainWindow::chooseWorkspaceFolder()
{
    QString start = m_session ? m_session->workspace().root : QString();
    if (start.startsWith(u':')) {
        start.clear();
    }
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace Folder"), start);
    if (!dir.isEmpty()) {
        openWorkspace(dir);
    }
}

void MainWindow::onCatalogChanged(const Catalog::Ptr &catalog, bool fromCache)
{
    m_followingFromCache = fromCache;
    m_catalogPage->setCatalog(catalog);
    m_graphPage->setCatalog(catalog);
    m_problemsPanel->setProblems(catalog->problems(), m_session ? m_session->workspace().root : QString());
    updateProblemsButton();
    updateStatus();
    const bool following = m_followedCatalog != nullptr;
    m_followedCatalog = catalog;
    m_nextFollower = 0; // a newer catalog goes to every controller again, the newest last
    if (!following) {
        QMetaObject::invokeMethod(this, &MainWindow::followCatalog, Qt::QueuedConnection);
    }
}

void MainWindow::followCatalog()
{
    if (!m_followedCatalog) {
        return;
    }
    const Catalog::Ptr catalog = m_followedCatalog;
    switch (m_nextFollower++) {
    case 0:
        if (m_scorecards) {
            m_scorecards->setCatalog(catalog);
        }
        break;
    case 1:
        if (m_actions) {
            m_actions->setCatalog(catalog);
        }
        break;
    case 2:
        if (m_notifications) {
            m_notifications->setCatalog(catalog);
        }
        break;
    default:
        m_followedCatalog.reset();
        if (std::exchange(m_followingFromCache, false) && m_session) {
            // Painted and followed: the syncs held at the start may go now.
            m_session->catalogShown();
        }
        return;
    }
    QMetaObject::invokeMethod(this, &MainWindow::followCatalog, Qt::QueuedConnection);
}

void MainWindow::onBusyChanged(bool busy)
{
    m_catalogPage->setLoading(busy);
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_phase->setVisible(busy);
    m_cancel->setEnabled(true);
    if (busy) {
        m_progress->setRange(0, 0);
        m_phase->clear();
    }
    if (m_reloadAction) {
        m_reloadAction->setEnabled(!busy);
    }
    updateStatus();
}

void MainWindow::onProgress(int done, int total, const QString &phase)
{
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    } else {
        m_progress->setRange(0, 0);
    }
    m_phase->setText(phase);
    if (m_session && m_session->wasCancelled()) {
        m_cancel->setEnabled(false);
    }
}

void MainWindow::onFailed(const Error &error)
{
    m_catalogPage->entityPage()->setRefreshing(false);
    m_lastFailure = error.message;
    statusBar()->showMessage(error.message, 10000);
    updateStatus();
}

void MainWindow::updateStatus()
{
    const WorkspaceSession *session = m_session.get();
    if (!session) {
        m_cacheStatus->setText(tr("No workspace open"));
        m_sourceStatus->hide();
        m_sidebar->item(SourcesPageIndex)->setIcon(Icons::icon(Icons::Glyph::Sources));
        m_entityCount->hide();
        updateProblemsButton();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime lastSync;
    for (const SourceState &s : session->sources()) {
        if (s.lastSync.isValid() && (!lastSync.isValid() || s.lastSync > lastSync)) {
            lastSync = s.lastSync;
        }
    }
    QString cache;
    if (!session->hasCatalog()) {
        // The session reports its sources once it has read the cache; a cache without a catalog means a first read.
        const bool cacheOpening = m_hadCache && session->sourceStatuses().isEmpty();
        cache = m_catalogPage->isShowingList() ? tr("Reading the catalog from the offline cache…")
                : !session->isBusy()           ? tr("Nothing read yet")
                : cacheOpening                 ? tr("Opening the offline cache…")
                                               : tr("Reading the workspace for the first time…");
    } else if (session->isFromCache()) {
        cache = tr("Opened from offline cache · workspace synced %1").arg(Format::relativeTime(lastSync, now));
        if (!session->isBusy() && session->wasCancelled()) {
            cache += u" · "_s + tr("reading cancelled");
        }
    } else {
        cache = tr("Up to date · read %1").arg(Format::relativeTime(session->receivedAt(), now));
    }
    if (!m_lastFailure.isEmpty()) {
        cache += u" · "_s + tr("a problem occurred");
    }
    m_cacheStatus->setText(cache);
    QString cacheTip = tr("Cache: %1").arg(session->cachePath());
    if (!m_lastFailure.isEmpty()) {
        cacheTip += u"\n"_s + m_lastFailure;
    }
    m_cacheStatus->setToolTip(cacheTip);

    updateSourceStatus();

    const int total = session->catalog() ? session->catalog()->size() : 0;
    m_entityCount->setText(tr("%n entities", nullptr, total));
    m_entityCount->setVisible(session->hasCatalog());
    m_sidebar->item(CatalogPageIndex)->setToolTip(tr("Catalog (%n entities)", nullptr, total));
}

void MainWindow::updateSourceStatus()
{
    const WorkspaceSession *session = m_session.get();
    if (!session || session->sourceStatuses().isEmpty()) {
        m_sourceStatus->hide();
        return;
    }
    using State = SourceStatus::State;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int enabled = 0;
    int failed = 0;
    int held = 0;
    int stale = 0;
    int never = 0;
    QDateTime oldest;
    QString tip;
    for (const SourceStatus &s : session->sourceStatuses()) {
        if (s.state == State::Disabled) {
            continue;
        }
        ++enabled;
        failed += s.state == State::Failed ? 1 : 0;
        held += s.state == State::Held ? 1 : 0;
        stale += s.lastSuccess.isValid() && s.isStale(now) ? 1 : 0;
        never += s.lastSuccess.isValid() ? 0 : 1;
        if (s.lastSuccess.isValid() && (!oldest.isValid() || s.lastSuccess < oldest)) {
            oldest = s.lastSuccess;
        }
        const QString state = SourcesModel::statusText(s, now);
        tip += tr("<p><b>%1</b>: %2<br>%n entities · synced %3</p>", nullptr, s.entityCount)
                   .arg(s.config.displayName().toHtmlEscaped(), state.toHtmlEscaped(),
                        Format::relativeTime(s.lastSuccess, now).toHtmlEscaped());
    }
    QString text;
    Error::Severity severity = Error::Severity::Info;
    if (failed > 0) {
        text = tr("%n source(s) failed", nullptr, failed);
        severity = Error::Severity::Error;
    } else if (held > 0) {
        text = tr("%n sync(s) held back", nullptr, held);
        severity = Error::Severity::Warning;
    } else if (never == enabled && enabled > 0) {
        text = tr("%n source(s) · not synced yet", nullptr, enabled);
    } else {
        // The freshness of the catalog is that of its oldest source.
        text = tr("%n source(s) · synced %1", nullptr, enabled).arg(Format::relativeTime(oldest, now));
        if (stale > 0) {
            text += u" · "_s + tr("%n stale", nullptr, stale);
            severity = Error::Severity::Warning;
        }
    }
    m_sourceStatus->setText(text);
    m_sourceStatus->setIcon(failed > 0 || held > 0 || stale > 0 ? KindStyle::severityIcon(severity) : QIcon());
    m_sourceStatus->setToolTip(tip + tr("<p>Click to open the Sources page.</p>"));
    m_sourceStatus->setVisible(true);
    // The sidebar says so too: a dot on Sources when one needs attention.
    m_sidebar->item(SourcesPageIndex)
        ->setIcon(failed > 0 || held > 0 ? KindStyle::severityIcon(severity) : Icons::icon(Icons::Glyph::Sources));
}

void MainWindow::onPendingDeletionsChanged(const QList<PendingDeletions> &pending)
{
    const PendingDeletions *shown = nullptr;
    int waiting = 0;
    for (const PendingDeletions &p : pending) {
        if (m_dismissedPending.contains(p.sourceId + u'@' + p.heldAt.toString(Qt::ISODateWithMs))) {
            continue;
        }
        ++waiting;
        if (!shown) {
            shown = &p;
        }
    }
    QWidget *host = m_pendingBanner->parentWidget();
    if (!shown) {
        m_pendingSourceId.clear();
        host->hide();
        return;
    }
    m_pendingSourceId = shown->sourceId;
    QString text = tr("<b>Sync of %1 held back:</b> it would remove %2 of %3 entities. The catalog keeps the last "
                      "good data until you review it.")
                       .arg(shown->sourceTitle.toHtmlEscaped())
                       .arg(shown->removed.size())
                       .arg(shown->before);
    if (waiting > 1) {
        text += u" "_s + tr("(%n more source(s) held back)", nullptr, waiting - 1);
    }
    m_pendingBanner->setText(text);
    host->show();
}

PendingDeletionsDialog *MainWindow::reviewPendingDeletions(const QString &sourceId)
{
    if (!m_session) {
        return nullptr;
    }
    const PendingDeletions *pending = m_session->pendingDeletion(sourceId);
    if (!pending) {
        return nullptr;
    }
    auto *dialog = new PendingDeletionsDialog(*pending, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PendingDeletionsDialog::decided, this,
            [this](const QString &id, PendingDeletionsDialog::Decision decision) {
                if (!m_session) {
                    return;
                }
                if (decision == PendingDeletionsDialog::Decision::Accept) {
                    m_session->acceptPendingDeletions(id);
                } else if (decision == PendingDeletionsDialog::Decision::Reject) {
                    m_session->rejectPendingDeletions(id);
                }
            });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void MainWindow::updateProblemsButton()
{
    const ProblemsModel *model = m_problemsPanel->problemsModel();
    const int errors = model->count(Error::Severity::Error);
    const int warnings = model->count(Error::Severity::Warning);
    const int total = model->rowCount();
    m_problemsButton->setText(tr("%n problem(s)", nullptr, total));
    if (errors > 0) {
        m_problemsButton->setIcon(KindStyle::severityIcon(Error::Severity::Error));
    } else if (warnings > 0) {
        m_problemsButton->setIcon(KindStyle::severityIcon(Error::Severity::Warning));
    } else {
        m_problemsButton->setIcon(KindStyle::severityIcon(Error::Severity::Info));
    }
    m_problemsButton->setToolTip(
        tr("%1 errors, %2 warnings; click to show the Problems panel (Ctrl+Shift+M)").arg(errors).arg(warnings));
}

void MainWindow::openFileViewer(const QString &file, int line, int column, const QString &message, bool isError)
{
    if (file.isEmpty()) {
        return;
    }
    FileViewerDialog::Location location;
    location.file = file;
    location.displayName = Format::displayPath(file, m_session ? m_session->workspace().root : QString());
    location.line = line;
    location.column = column;
    location.message = message;
    location.isError = isError;
    auto *dialog = new FileViewerDialog(location, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

CommandPalette *MainWindow::openCommandPalette()
{
    QList<CommandPalette::Command> commands;
    for (int i = 0; i < m_sidebar->count(); ++i) {
        commands.append(
            {m_sidebar->item(i)->text(), tr("Page"), m_sidebar->item(i)->icon(), [this, i] { showPage(Page(i)); }});
    }
    // Every menu entry, by the menu it is in ("Reload · File").
    const QList<QAction *> menus = menuBar()->actions();
    for (const QAction *menuAction : menus) {
        const QMenu *menu = menuAction->menu();
        if (!menu) {
            continue;
        }
        const QString menuName = QString(menuAction->text()).remove(u'&');
        for (QAction *a : menu->actions()) {
            if (a->isSeparator() || a->menu() || !a->isEnabled() || a->objectName() == u"actionGoTo"_s) {
                continue;
            }
            QString text = a->text().remove(u'&');
            if (text.endsWith(u'…')) {
                text.chop(1);
            }
            const QString shortcut = a->shortcut().toString(QKeySequence::NativeText);
            commands.append(
                {text, shortcut.isEmpty() ? tr("Menu %1").arg(menuName) : tr("Menu %1 · %2").arg(menuName, shortcut),
                 a->icon(), [a] { a->trigger(); }});
        }
    }
    if (m_actions) {
        for (const ActionTemplate &a : m_actions->actions()) {
            commands.append({a.displayName(), tr("Action · %1").arg(a.category.isEmpty() ? a.id : a.category),
                             Icons::icon(Icons::Glyph::Actions), [this, id = a.id] { openActionWizard(id); }});
        }
    }
    const Catalog::Ptr catalog = m_session && m_session->catalog() ? m_session->catalog() : Catalog::Ptr();
    auto *palette = new CommandPalette(
        std::move(commands), catalog,
        [this](const QString &ref) {
            showPage(CatalogPageIndex);
            m_catalogPage->openEntity(ref);
        },
        this);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    // Centred near the top of the window, as editors place theirs.
    const QRect area = geometry();
    palette->move(area.x() + (area.width() - palette->width()) / 2, area.y() + area.height() / 8);
    palette->show();
    palette->input()->setFocus();
    return palette;
}

QUrl MainWindow::userGuideUrl()
{
    // Installed (the Debian package puts it in /usr/share/doc/portolan), or beside a build in the source tree;
    // otherwise the copy on the project's site.
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates = {appDir + u"/../share/doc/portolan/user-guide/README.md"_s,
                                    appDir + u"/../../docs/user-guide/README.md"_s};
    for (const QString &candidate : candidates) {
        if (QFileInfo::exists(candidate)) {
            return QUrl::fromLocalFile(QFileInfo(candidate).canonicalFilePath());
        }
    }
    return QUrl(Core::AppInfo::homepage + u"/blob/main/docs/user-guide/README.md"_s);
}

void MainWindow::openUserGuide()
{
    QDesktopServices::openUrl(userGuideUrl());
}

void MainWindow::updateSidebarPalette()
{
    // A shade off the window's colour, darker on a light palette and lighter on a dark one; made again when the
    // palette changes (the system's switch between light and dark, or Preferences).
    const QPalette app = QGuiApplication::palette();
    const QColor window = app.color(QPalette::Window);
    const QColor sideColor = window.lightnessF() > 0.5 ? window.darker(104) : window.lighter(115);
    QPalette sidePalette;
    sidePalette.setColor(QPalette::Window, sideColor);
    sidePalette.setColor(QPalette::Base, sideColor);
    m_sidebarPanel->setPalette(sidePalette);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The application's palette changed (the desktop switched between light and dark, or Preferences did), also
    // while the window is hidden in the tray.
    if (watched == QCoreApplication::instance() && event->type() == QEvent::ApplicationPaletteChange) {
        updateSidebarPalette();
    }
    return QMainWindow::eventFilter(watched, event);
}

namespace {

// One of each of these non-modal dialogs: the one open is raised, or `make` builds it.
template<typename Dialog, typename Make>
Dialog *raiseOrMake(QWidget *parent, Make make)
{
    auto *dialog = parent->findChild<Dialog *>();
    if (!dialog) {
        dialog = make();
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

} // namespace

WelcomeDialog *MainWindow::showWelcome()
{
    return raiseOrMake<WelcomeDialog>(this, [this] {
        auto *welcome = new WelcomeDialog(m_notifier->backend(), this);
        welcome->setAttribute(Qt::WA_DeleteOnClose);
        connect(welcome, &WelcomeDialog::demoRequested, this, &MainWindow::openDemoWorkspace);
        // After the welcome has closed, so that the folder dialog is not stacked on it.
        connect(welcome, &WelcomeDialog::folderRequested, this,
                [this] { QTimer::singleShot(0, this, &MainWindow::chooseWorkspaceFolder); });
        connect(welcome, &WelcomeDialog::cloneRequested, this,
                [this](const QString &url, const QString &branch) { openWorkspace(url, branch); });
        connect(welcome, &QDialog::finished, this, [] { QSettings().setValue(SettingsKeys::welcomed, true); });
        return welcome;
    });
}

void MainWindow::showPreferences()
{
    raiseOrMake<PreferencesDialog>(this, [this] { return new PreferencesDialog(this); });
}

void MainWindow::showAbout()
{
    raiseOrMake<AboutDialog>(this, [this] { return new AboutDialog(this); });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitting && keepsRunningInTray()) {
        // Into the tray: the session, its syncs and the notifications go on.
        QSettings().setValue(SettingsKeys::windowGeometry, saveGeometry());
        QApplication::setQuitOnLastWindowClosed(false);
        hide();
        event->ignore();
        return;
    }
    m_tray->hide();
    QSettings settings;
    settings.setValue(SettingsKeys::windowGeometry, saveGeometry());
    settings.setValue(SettingsKeys::windowState, saveState());
    settings.setValue(SettingsKeys::problemsHeader, m_problemsPanel->view()->horizontalHeader()->saveState());
    settings.setValue(SettingsKeys::runsHeader, m_runsPage->headerState());
    settings.setValue(SettingsKeys::sourcesHeader, m_sourcesPage->table()->horizontalHeader()->saveState());
    settings.setValue(SettingsKeys::lastPage, m_sidebar->currentRow());
    m_catalogPage->saveState();
    m_sourcesPage->setSession(nullptr);
    m_session.reset(); // stops the worker thread before the window goes
    QMainWindow::closeEvent(event);
}

} // namespace Portolan::Ui

namespace Portolan::Ui {

void MainWindow::setUpTray()
{
    QSettings settings;
    m_tray->setObjectName(u"trayIcon"_s);
    m_tray->setPaused(settings.value(SettingsKeys::notificationsPaused, false).toBool());
    m_tray->setKeepRunning(settings.value(SettingsKeys::keepRunningInTray, true).toBool());
    m_tray->setStartAtLogin(Autostart::isEnabled());
    connect(m_tray, &TrayIcon::showRequested, this, &MainWindow::showFromTray);
    connect(m_tray, &TrayIcon::inboxRequested, this, [this] { openNotificationTarget({u"inbox"_s, {}}); });
    connect(m_tray, &TrayIcon::ttlRequested, this, [this] {
        openNotificationTarget({u"inbox"_s, {}});
        m_inboxPage->showSection(InboxPage::Section::Expiring);
    });
    connect(m_tray, &TrayIcon::pauseToggled, this, [this](bool paused) {
        QSettings().setValue(SettingsKeys::notificationsPaused, paused);
        if (m_notifications) {
            m_notifications->setPaused(paused);
        }
    });
    connect(m_tray, &TrayIcon::keepRunningToggled, this,
            [](bool keep) { QSettings().setValue(SettingsKeys::keepRunningInTray, keep); });
    connect(m_tray, &TrayIcon::startAtLoginToggled, this, [this](bool start) {
        const Result<void> done = Autostart::setEnabled(start, QCoreApplication::applicationFilePath());
        if (!done.ok()) {
            QMessageBox::warning(this, tr("Start at Login"), done.error().message + u"\n"_s + done.error().detail);
        }
        m_tray->setStartAtLogin(Autostart::isEnabled());
    });
    connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::quit);
    m_notifier->setTrayIcon(m_tray);
    connect(m_notifier, &DesktopNotifier::openRequested, this,
            [this](const NotificationTarget &target, const QString &id) {
                if (m_notifications) {
                    m_notifications->markRead(id);
                }
                openNotificationTarget(target);
            });
    connect(m_notifier, &DesktopNotifier::decisionRequested, this, [this](const QString &runKey, bool approve) {
        if (approve) {
            m_inboxPage->requestDecision(runKey, true, false);
        } else {
            // A rejection needs its reason: asked on the Inbox.
            openNotificationTarget({u"inbox"_s, runKey});
            m_inboxPage->requestDecision(runKey, false);
        }
    });
    // Shown whether or not a tray is there yet: Qt docks it when one appears.
    m_tray->show();
}

bool MainWindow::keepsRunningInTray() const
{
    return m_tray->isVisible() && QSystemTrayIcon::isSystemTrayAvailable() && m_tray->keepRunningAction()->isChecked();
}

bool MainWindow::startInTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        return false;
    }
    QApplication::setQuitOnLastWindowClosed(false);
    return true;
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
    QCoreApplication::quit();
}

void MainWindow::showFromTray()
{
    if (m_notifications && m_notifications->unreadCount() > 0) {
        showPage(InboxPageIndex);
    }
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::openNotificationTarget(const NotificationTarget &target)
{
    if (isHidden() || isMinimized()) {
        showNormal();
    }
    raise();
    activateWindow();
    if (target.page == u"runs"_s) {
        showPage(RunsPageIndex);
        if (!target.ref.isEmpty()) {
            m_runsPage->selectRun(target.ref.toLongLong());
        }
    } else if ((target.page == u"entity"_s || target.page == u"ttl"_s) && !target.ref.isEmpty()) {
        // A TTL opens its entity, where the countdown and the entity's actions are.
        showPage(CatalogPageIndex);
        m_catalogPage->openEntity(target.ref);
    } else if (target.page == u"sources"_s) {
        showPage(SourcesPageIndex);
        if (!target.ref.isEmpty()) {
            m_sourcesPage->selectSource(target.ref);
        }
    } else {
        showPage(InboxPageIndex);
        m_inboxPage->showSection(target.ref.isEmpty() ? InboxPage::Section::Notifications
                                                      : InboxPage::Section::Waiting);
    }
}

void MainWindow::takeApprovals(const QList<ApprovalRequest> &requests, const QString &userRef)
{
    m_inboxPage->setApprovals(requests, userRef);
    if (m_notifications) {
        m_notifications->takeApprovals(requests, userRef);
    }
}

void MainWindow::updateUnread()
{
    const int unread = m_notifications ? m_notifications->unreadCount() : 0;
    m_inboxPage->setNotifications(m_notifications ? m_notifications->notifications() : QList<Notification>());
    m_tray->setUnreadCount(unread);
    QListWidgetItem *inbox = m_sidebar->item(InboxPageIndex);
    inbox->setData(SidebarDelegate::CountRole, unread);
    inbox->setToolTip(unread > 0 ? tr("Inbox (%n unread)", nullptr, unread) : tr("Inbox"));
}

} // namespace Portolan::Ui
