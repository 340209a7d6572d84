// The main window on the demo workspace, offscreen: loading, search, facets, the entity page and its
// navigation, and the Problems panel with the file viewer.
#include "MainWindow.h"
#include "ActionsController.h"
#include "UiTestSupport.h"
#include "WorkspaceSession.h"
#include "cache/CacheDatabase.h"
#include "config/Paths.h"
#include "dialogs/FileViewerDialog.h"
#include "graph/GraphPanel.h"
#include "graph/GraphScene.h"
#include "models/CatalogTableModel.h"
#include "models/FacetModel.h"
#include "models/ProblemsFilterModel.h"
#include "models/ProblemsModel.h"
#include "models/RelationsModel.h"
#include "pages/ActionsPage.h"
#include "pages/CatalogPage.h"
#include "pages/EntityPage.h"
#include "pages/InboxPage.h"
#include "widgets/CodeView.h"
#include "widgets/ProblemsPanel.h"
#include "widgets/SearchField.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>

#include <cstdio>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan;
using namespace Portolan::Core;
using namespace Portolan::Ui;
using Portolan::Test::IsolatedDataDir;
using Portolan::Test::waitFor;
using Portolan::Test::windowLoaded;

namespace {

QStringList refs(const CatalogTableModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r) {
        out.append(model.index(r, 0).data(CatalogTableModel::RefRole).toString());
    }
    return out;
}

template<typename T>
T *child(const QObject &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    REQUIRE(found != nullptr);
    return found;
}

const Entity &demoCatalogEntity(const QString &key)
{
    const Catalog::Ptr catalog = Test::demoCatalog();
    const int index = catalog->indexOf(key);
    REQUIRE(index >= 0);
    return catalog->entity(index);
}

int demoProblemCount()
{
    return int(Test::demoCatalog()->problems().size());
}

void clickIndex(QAbstractItemView *view, const QModelIndex &index)
{
    REQUIRE(index.isValid());
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    REQUIRE(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

TEST_CASE("The main window loads the demo workspace and browses it", "[ui][gui]")
{
    IsolatedDataDir data;
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openWorkspace(Workspace::demoPath()));
    REQUIRE(waitFor([&] { return windowLoaded(window); }));

    auto *page = child<CatalogPage>(window, u"catalogPage"_s);
    auto *table = child<QTableView>(window, u"catalogTable"_s);
    auto *search = child<SearchField>(window, u"catalogSearch"_s);
    auto *count = child<QLabel>(window, u"resultCount"_s);
    CatalogTableModel *model = page->tableModel();
    REQUIRE(table->model() == model);
    CHECK(model->rowCount() == 157);
    CHECK(count->text() == u"157 entities"_s);
    CHECK(window.windowTitle().contains(u"Northwind Freight"_s));
    CHECK(child<QLabel>(window, u"entityCount"_s)->text() == u"157 entities"_s);
    CHECK(child<QLabel>(window, u"cacheStatus"_s)->text().startsWith(u"Up to date"_s));

    SECTION("typing in the search field narrows the table on every keystroke")
    {
        QTest::keyClicks(search, u"shipment"_s);
        CHECK(model->rowCount() > 0);
        CHECK(model->rowCount() < 157);
        CHECK(refs(*model).contains(u"component:default/shipment-service"_s));
        CHECK(count->text() == u"%1 of 157 entities"_s.arg(model->rowCount()));
        // Esc clears the search.
        QTest::keyClick(search, Qt::Key_Escape);
        CHECK(search->text().isEmpty());
        CHECK(model->rowCount() == 157);
    }

    SECTION("a facet value keeps only matching entities, and Clear filters brings all back")
    {
        QTreeView *facets = child<QTreeView>(window, u"facetView"_s);
        clickIndex(facets, page->facetModel()->valueIndex(Facet::Kind, u"API"_s));
        CHECK(model->rowCount() == 19);
        for (int r = 0; r < model->rowCount(); ++r) {
            CHECK(model->index(r, CatalogTableModel::KindColumn).data().toString() == u"API"_s);
        }
        CHECK(count->text() == u"19 of 157 entities"_s);
        // Facet and text combine.
        QTest::keyClicks(search, u"tracking"_s);
        CHECK(model->rowCount() >= 1);
        CHECK(model->rowCount() < 19);
        for (const QString &ref : refs(*model)) {
            CHECK(ref.startsWith(u"api:"_s));
        }
        QTest::mouseClick(child<QPushButton>(window, u"clearFilters"_s), Qt::LeftButton);
        CHECK_FALSE(page->facetModel()->hasSelection());
        search->clear();
        CHECK(model->rowCount() == 157);
    }

    SECTION("clicking a sortable header sorts through the catalog; Tags does not")
    {
        QHeaderView *header = table->horizontalHeader();
        const auto clickHeader = [&](int column) {
            const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        };
        clickHeader(CatalogTableModel::OwnerColumn);
        CHECK(model->query().sort == SortKey::Owner);
        clickHeader(CatalogTableModel::TagsColumn);
        CHECK(model->query().sort == SortKey::Owner);
        CHECK(header->sortIndicatorSection() == CatalogTableModel::OwnerColumn);
    }

    SECTION("an entity opens with Enter, relations navigate, Back and Forward return")
    {
        QTest::keyClicks(search, u"shipment-service"_s);
        const int row = model->rowForKey(u"component:default/shipment-service"_s);
        REQUIRE(row >= 0);
        // Down moves from the search field into the table; Enter opens the current row.
        QTest::keyClick(search, Qt::Key_Down);
        table->setCurrentIndex(model->index(row, 0));
        QTest::keyClick(table, Qt::Key_Return);
        REQUIRE(page->isShowingEntity());
        EntityPage *entity = page->entityPage();
        CHECK(entity->currentKey() == u"component:default/shipment-service"_s);
        CHECK(child<QLabel>(*entity, u"entityName"_s)->text() == u"Shipment Service"_s);
        CHECK(child<QLabel>(*entity, u"entityRef"_s)->text() == u"component:default/shipment-service"_s);
        CHECK(child<QLabel>(*entity, u"entityMeta"_s)->text().contains(u"shipment-team"_s));
        auto *tabs = child<QTabWidget>(*entity, u"entityTabs"_s);
        CHECK(tabs->tabText(EntityPage::RelationsTab).contains(u'9'));

        // The relations, grouped by type.
        tabs->setCurrentIndex(EntityPage::RelationsTab);
        QTreeView *relations = child<QTreeView>(*entity, u"relationsView"_s);
        RelationsModel *relationsModel = entity->relationsModel();
        QStringList groups;
        for (int g = 0; g < relationsModel->rowCount(); ++g) {
            groups.append(relationsModel->index(g, 0).data().toString());
        }
        CHECK(groups.contains(u"Depends on (2)"_s));
        CHECK(groups.contains(u"Provides API (2)"_s));
        CHECK(groups.contains(u"Part of (1)"_s));

        // Clicking a target opens it.
        const QString target = u"resource:default/shipments-db"_s;
        clickIndex(relations, relationsModel->indexForTargetKey(target));
        CHECK(entity->currentKey() == target);
        const Entity &db = demoCatalogEntity(target);
        CHECK(child<QLabel>(*entity, u"entityName"_s)->text() == db.displayName());
        CHECK(child<QLabel>(*entity, u"entityRef"_s)->text() == db.refString());
        // The new entity opens on its overview; its relations point back.
        CHECK(tabs->currentIndex() == EntityPage::OverviewTab);
        CHECK(entity->relationsModel()->indexForTargetKey(u"component:default/shipment-service"_s).isValid());

        // Back (Alt+Left) returns to the service, Forward to the database, Back twice to the list.
        CHECK(page->canGoBack());
        QTest::keyClick(entity, Qt::Key_Left, Qt::AltModifier);
        CHECK(entity->currentKey() == u"component:default/shipment-service"_s);
        QTest::keyClick(entity, Qt::Key_Right, Qt::AltModifier);
        CHECK(entity->currentKey() == target);
        page->goBack();
        page->goBack();
        CHECK_FALSE(page->isShowingEntity());
        CHECK(table->currentIndex().data(CatalogTableModel::RefKeyRole).toString()
              == u"component:default/shipment-service"_s);
    }

    SECTION("owner links in the header navigate too")
    {
        REQUIRE(page->openEntity(u"shipment-service"_s));
        auto *meta = child<QLabel>(*page->entityPage(), u"entityMeta"_s);
        Q_EMIT meta->linkActivated(u"entity:group:default/shipment-team"_s);
        CHECK(page->entityPage()->currentKey() == u"group:default/shipment-team"_s);
    }

    SECTION("Ctrl+F focuses the search field from anywhere")
    {
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
        window.showPage(MainWindow::GraphPageIndex);
        CHECK(child<QStackedWidget>(window, u"pages"_s)->currentIndex() == MainWindow::GraphPageIndex);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        CHECK(child<QStackedWidget>(window, u"pages"_s)->currentIndex() == MainWindow::CatalogPageIndex);
        CHECK(waitFor([&] { return search->hasFocus(); }, 2000));
    }

    SECTION("the Scorecards page scores the demo, the Actions page lists its actions, the Graph page draws")
    {
        auto *sidebar = child<QListWidget>(window, u"sidebar"_s);
        CHECK(sidebar->count() == 7); // six pages and Sources
        sidebar->setCurrentRow(MainWindow::ScorecardsPageIndex);
        const QWidget *scorecards = child<QWidget>(window, u"scorecardsPage"_s);
        CHECK(child<QStackedWidget>(window, u"pages"_s)->currentWidget() == scorecards);
        auto *heatmap = child<QTableView>(*scorecards, u"scorecardHeatmap"_s);
        CHECK(waitFor([&] { return heatmap->model()->rowCount() > 0; }));
        sidebar->setCurrentRow(MainWindow::ActionsPageIndex);
        CHECK(child<QStackedWidget>(window, u"pages"_s)->currentWidget() == window.actionsPage());
        // The demo's five templates, grouped by category; the first is selected with its steps shown.
        CHECK(waitFor([&] { return window.actionsPage()->visibleActionCount() == 5; }));
        CHECK(child<QLabel>(*window.actionsPage(), u"actionSteps"_s)->text().contains(u"publish:gitops"_s));
        sidebar->setCurrentRow(MainWindow::InboxPageIndex);
        const QWidget *inbox = child<QWidget>(window, u"inboxPage"_s);
        CHECK(child<QStackedWidget>(window, u"pages"_s)->currentWidget() == inbox);
        CHECK(inbox == window.inboxPage());
        // The Graph page is the graph itself: shown, it draws the demo's busiest system.
        sidebar->setCurrentRow(MainWindow::GraphPageIndex);
        CHECK(child<QStackedWidget>(window, u"pages"_s)->currentWidget() == window.graphPage());
        CHECK(waitFor([&] { return window.graphPage()->scene()->drawing() && !window.graphPage()->isBusy(); }));
        CHECK(window.graphPage()->root() == u"system:default/shipment-management"_s);
    }

    SECTION("the Problems panel lists the broken demo file and opens it at the line")
    {
        QDockWidget *dock = child<QDockWidget>(window, u"problemsDock"_s);
        QTest::mouseClick(child<QToolButton>(window, u"problemsButton"_s), Qt::LeftButton);
        CHECK(dock->isVisible());
        ProblemsPanel *panel = window.problemsPanel();
        QTableView *view = child<QTableView>(*panel, u"problemsView"_s);
        CHECK(view->model()->rowCount() == demoProblemCount());
        QModelIndex broken;
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const QModelIndex file = view->model()->index(r, ProblemsModel::FileColumn);
            if (file.data().toString() == u"catalog/components/legacy-fax-gateway.yaml"_s) {
                broken = view->model()->index(r, ProblemsModel::MessageColumn);
                break;
            }
        }
        REQUIRE(broken.isValid());
        const int line = broken.data(ProblemsModel::LineRole).toInt();
        CHECK(line > 0);

        view->scrollTo(broken);
        // A double-click is a press and release followed by a second press delivered as a double-click.
        const QPoint at = view->visualRect(broken).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
        FileViewerDialog *viewer = nullptr;
        REQUIRE(waitFor(
            [&] {
                viewer = window.findChild<FileViewerDialog *>(u"fileViewer"_s);
                return viewer && viewer->isVisible();
            },
            3000));
        CHECK(viewer->loaded());
        CHECK(viewer->codeView()->markedLine() == line);
        CHECK(viewer->codeView()->toPlainText().contains(u"fax_gateway!"_s));
        CHECK(viewer->codeView()->textCursor().blockNumber() == line - 1);
        // The demo's files are built in: nothing on disk to hand to an editor.
        CHECK_FALSE(child<QPushButton>(*viewer, u"openExternally"_s)->isEnabled());
        viewer->close();

        // Filtering by severity.
        QTest::mouseClick(child<QToolButton>(*panel, u"problemsShowErrors"_s), Qt::LeftButton);
        CHECK(view->model()->rowCount() == demoProblemCount() - panel->problemsModel()->count(Error::Severity::Error));
    }

    window.close();
}

TEST_CASE("An entity an action registers appears in the catalog, the table and its source list", "[ui][gui][actions]")
{
    IsolatedDataDir data;
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openWorkspace(Workspace::demoPath()));
    REQUIRE(waitFor([&] { return windowLoaded(window); }));
    ActionsController *actions = window.actions();
    REQUIRE(actions);
    actions->setIdentity(u"user:default/mei.lin"_s);

    // The window hands a new catalog to the controllers one per turn of the event loop, after its own pages.
    REQUIRE(waitFor([&] { return actions->action(u"create-ephemeral-environment"_s) != nullptr; }));
    const ActionTemplate *action = actions->action(u"create-ephemeral-environment"_s);
    REQUIRE(action);
    ActionSubmission submission;
    submission.key = ActionRun::newKey();
    submission.entityRef = u"component:default/shipment-service"_s;
    submission.parameters = {{u"service"_s, submission.entityRef},
                             {u"branch"_s, u"feature/returns"_s},
                             {u"ttl"_s, u"1d"_s},
                             {u"size"_s, u"small"_s}};
    QSignalSpy finished(actions, &ActionsController::runFinished);
    actions->start(*action, submission);
    REQUIRE(waitFor([&] { return !finished.isEmpty(); }, 60000));
    const ActionRun run = finished.first().at(0).value<ActionRun>();
    INFO(run.error.toStdString());
    REQUIRE(run.status == ActionRun::Status::Succeeded);

    // The name carries the run's short key, which is hex: it must come out whole, not quoted.
    const QString ref = u"resource:default/preview-shipment-service-"_s + run.key.left(8);
    WorkspaceSession *session = window.session();
    REQUIRE(
        waitFor([&] { return session->catalog() && session->catalog()->find(ref) >= 0 && !session->isBusy(); }, 30000));
    const Entity &created = session->catalog()->entity(session->catalog()->find(ref));
    CHECK(created.spec.value(u"type"_s).toString() == u"environment"_s);
    CHECK(session->sourceStatus(u"registered-preview-shipment-service-"_s + run.key.left(8)) != nullptr);
    auto *page = child<CatalogPage>(window, u"catalogPage"_s);
    CHECK(page->tableModel()->rowCount() == 158);
    CHECK(refs(*page->tableModel()).contains(ref));
}

TEST_CASE("In German, every page of the main window fits a 1366-pixel-wide screen", "[ui][gui][i18n]")
{
    IsolatedDataDir data;
    QTranslator german;
    REQUIRE(german.load(u"portolan_de"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&german);
    {
        MainWindow window;
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(window.openWorkspace(Workspace::demoPath()));
        REQUIRE(waitFor([&] { return windowLoaded(window); }));
        CHECK(child<QLabel>(window, u"entityCount"_s)->text() == u"157 Entitäten"_s);
        // Longer words must wrap or elide, not widen the window past the screen: name what does.
        QStringList wide;
        const auto widgets = window.findChildren<QWidget *>();
        for (const QWidget *w : widgets) {
            if (!w->isWindow() && w->minimumSizeHint().width() > 1000) {
                wide << u"%1 %2 (%3 px)"_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                            .arg(w->minimumSizeHint().width());
            }
        }
        INFO(wide.join(u", "_s).toStdString());
        CHECK(window.minimumSizeHint().width() <= 1366);
        CHECK(window.minimumWidth() <= 1366);
        // Status texts vary (a phase, a source's name): however long, they do not widen the window either.
        child<QLabel>(window, u"cacheStatus"_s)->setText(u"Gelesen aus dem Offline-Cache · "_s.repeated(30));
        CHECK(window.minimumSizeHint().width() <= 1366);
        std::printf("German main window: at least %d px wide\n", window.minimumSizeHint().width());
    }
    QCoreApplication::removeTranslator(&german);
}

namespace {

// Opens the demo workspace once and closes it, so that the next window starts from its cache.
void cacheDemo()
{
    MainWindow first;
    REQUIRE(first.openWorkspace(Workspace::demoPath()));
    REQUIRE(waitFor([&] { return windowLoaded(first); }));
    first.close();
}

} // namespace

TEST_CASE("A second start shows the offline cache first, then the fresh read", "[ui][gui]")
{
    IsolatedDataDir data;
    cacheDemo();
    MainWindow second;
    REQUIRE(second.openWorkspace(Workspace::demoPath()));
    QSignalSpy catalogs(second.session(), &WorkspaceSession::catalogChanged);
    REQUIRE(waitFor([&] { return windowLoaded(second); }));
    REQUIRE(catalogs.count() == 2);
    CHECK(catalogs.at(0).at(1).toBool() == true); // from the cache
    CHECK(catalogs.at(1).at(1).toBool() == false); // fresh
    CHECK(second.catalogPage()->tableModel()->rowCount() == 157);
}

TEST_CASE("Until the catalog is there the status says whether the cache is being opened or the workspace read",
          "[ui][gui]")
{
    IsolatedDataDir data;
    {
        MainWindow first;
        REQUIRE(first.openWorkspace(Workspace::demoPath()));
        CHECK(child<QLabel>(first, u"cacheStatus"_s)->text() == u"Reading the workspace for the first time…"_s);
        REQUIRE(waitFor([&] { return windowLoaded(first); }));
    }
    MainWindow second;
    REQUIRE(second.openWorkspace(Workspace::demoPath()));
    CHECK(child<QLabel>(second, u"cacheStatus"_s)->text() == u"Opening the offline cache…"_s);
    REQUIRE(waitFor([&] { return windowLoaded(second); }));
    CHECK(child<QLabel>(second, u"cacheStatus"_s)->text().startsWith(u"Up to date"_s));

    // A cache file without a catalog in it (a first read that never finished): once opened, the first read it is.
    IsolatedDataDir other;
    {
        const auto workspace = Workspace::open(Workspace::demoPath());
        REQUIRE(workspace.ok());
        QDir().mkpath(QFileInfo(Paths::cacheFileFor(workspace->cacheKey())).absolutePath());
        CacheDatabase db;
        REQUIRE(db.open(Paths::cacheFileFor(workspace->cacheKey())).ok());
    }
    MainWindow third;
    QStringList texts;
    REQUIRE(third.openWorkspace(Workspace::demoPath()));
    auto *status = child<QLabel>(third, u"cacheStatus"_s);
    texts << status->text();
    REQUIRE(waitFor([&] {
        if (texts.last() != status->text()) {
            texts << status->text();
        }
        return windowLoaded(third);
    }));
    INFO(texts.join(u" | "_s).toStdString());
    CHECK(texts.first() == u"Opening the offline cache…"_s);
    CHECK(texts.contains(u"Reading the workspace for the first time…"_s));
}

TEST_CASE("A second start syncs once the window has shown the cached catalog, not after the hold runs out", "[ui][gui]")
{
    IsolatedDataDir data;
    cacheDemo();
    MainWindow second;
    REQUIRE(second.openWorkspace(Workspace::demoPath()));
    QElapsedTimer clock;
    clock.start();
    qint64 cachedAt = -1;
    qint64 heldAt = -1;
    qint64 syncingAt = -1;
    QObject::connect(second.session(), &WorkspaceSession::catalogChanged, &second,
                     [&](const Catalog::Ptr &, bool fromCache) {
                         if (fromCache) {
                             cachedAt = clock.elapsed();
                         }
                     });
    QObject::connect(second.session(), &WorkspaceSession::progressChanged, &second,
                     [&](int, int, const QString &phase) {
                         if (phase == u"Showing the cached catalog; the sync starts next"_s && heldAt < 0) {
                             heldAt = clock.elapsed();
                         } else if (phase.startsWith(u"Syncing"_s) && syncingAt < 0) {
                             syncingAt = clock.elapsed();
                         }
                     });
    REQUIRE(waitFor([&] { return windowLoaded(second); }));
    REQUIRE(cachedAt >= 0);
    REQUIRE(heldAt >= 0); // the sync waited
    REQUIRE(syncingAt >= 0);
    CHECK(syncingAt >= cachedAt);
    // The hold lasts 3 s at most; the window's word (after its pages and followers had the catalog) ends it sooner.
    INFO("the cached catalog at " << cachedAt << " ms, the sync at " << syncingAt << " ms");
    CHECK(syncingAt - cachedAt < 2000);
}

TEST_CASE("From the cache the list is painted first: searched at once, an entity opened from it opens with the "
          "catalog",
          "[ui][gui]")
{
    IsolatedDataDir data;
    cacheDemo();
    MainWindow second;
    REQUIRE(second.openWorkspace(Workspace::demoPath()));
    CatalogPage *page = second.catalogPage();
    QSignalSpy lists(second.session(), &WorkspaceSession::listChanged);
    QSignalSpy catalogs(second.session(), &WorkspaceSession::catalogChanged);
    int rowsInList = 0;
    int catalogsBeforeList = -1;
    QString opened;
    QObject::connect(second.session(), &WorkspaceSession::listChanged, page, [&](const Catalog::Ptr &list) {
        catalogsBeforeList = int(catalogs.count());
        CHECK(page->isShowingList());
        CHECK(list->relationCount() == 0);
        CHECK(second.findChild<QLabel *>(u"cacheStatus"_s)->text().contains(u"offline cache"_s));
        page->setSearchText(u"booking"_s);
        rowsInList = page->tableModel()->rowCount();
        const QModelIndex first = page->tableModel()->index(0, 0);
        opened = first.data(CatalogTableModel::RefKeyRole).toString();
        Q_EMIT page->table()->activated(first);
        CHECK_FALSE(page->isShowingEntity()); // not whole yet: it opens with the catalog
    });
    REQUIRE(waitFor([&] { return windowLoaded(second); }));
    REQUIRE(lists.count() == 1);
    CHECK(catalogsBeforeList == 0);
    CHECK(lists.at(0).at(0).value<Catalog::Ptr>()->size() == 157);
    CHECK(rowsInList > 0);
    CHECK_FALSE(opened.isEmpty());
    CHECK_FALSE(page->isShowingList());
    CHECK(page->isShowingEntity());
    CHECK(page->entityPage()->currentKey() == opened);
    CHECK(page->tableModel()->query().text == u"booking"_s);
}

TEST_CASE("Deep links asked for before the catalog arrives are applied when it does", "[ui][gui]")
{
    IsolatedDataDir data;
    MainWindow window;
    REQUIRE(window.openWorkspace(Workspace::demoPath()));
    CatalogPage *page = window.catalogPage();
    CHECK_FALSE(page->openEntity(u"api:booking-api"_s)); // nothing loaded yet: kept for later
    page->setSearchText(u"booking"_s);
    REQUIRE(waitFor([&] { return windowLoaded(window); }));
    CHECK(page->isShowingEntity());
    CHECK(page->entityPage()->currentKey() == u"api:default/booking-api"_s);
    CHECK(page->tableModel()->query().text == u"booking"_s);
}

TEST_CASE("The YAML tab reads an entity's descriptor from the offline cache when it is shown", "[ui][gui]")
{
    IsolatedDataDir data;
    MainWindow window;
    window.resize(1100, 520); // the descriptor is longer than the view: it scrolls
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openWorkspace(Workspace::demoPath()));
    REQUIRE(waitFor([&] { return windowLoaded(window); }));
    CatalogPage *page = window.catalogPage();
    EntityPage *entity = page->entityPage();
    const auto *yaml = child<CodeView>(*entity, u"entityYaml"_s);

    // The sync wrote the texts to the cache; the catalog does not hold them.
    REQUIRE(page->openEntity(u"shipment-service"_s));
    const Entity &shown = window.session()->catalog()->entity(entity->currentIndex());
    CHECK(shown.raw.isNull());
    const QByteArray expected = demoCatalogEntity(shown.key()).raw;
    REQUIRE(expected.contains("name: shipment-service"));
    CHECK(yaml->toPlainText().isEmpty()); // not read until the tab is shown

    entity->setCurrentTab(EntityPage::YamlTab);
    REQUIRE(waitFor([&] { return yaml->toPlainText() == QString::fromUtf8(expected); }));

    // A new catalog (a sync) reads the text again in place: no "Reading…" in between, the reader's place kept.
    yaml->verticalScrollBar()->setValue(yaml->verticalScrollBar()->maximum());
    const int scrolled = yaml->verticalScrollBar()->value();
    REQUIRE(scrolled > 0);
    entity->setCatalog(window.session()->catalog());
    CHECK(yaml->toPlainText() == QString::fromUtf8(expected));
    QTest::qWait(200);
    CHECK(yaml->toPlainText() == QString::fromUtf8(expected));
    CHECK(yaml->verticalScrollBar()->value() == scrolled);

    // With the tab shown, another entity's text is read at once.
    REQUIRE(page->openEntity(u"api:booking-api"_s));
    entity->setCurrentTab(EntityPage::YamlTab);
    const QByteArray api = demoCatalogEntity(window.session()->catalog()->entity(entity->currentIndex()).key()).raw;
    REQUIRE(waitFor([&] { return yaml->toPlainText() == QString::fromUtf8(api); }));
}
