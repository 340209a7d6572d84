// The finished-application parts of the window: the command palette (Ctrl+K), Preferences (language, light and
// dark), the About dialog, the first-run welcome, the last page restored, and accessible names on every control.
#include "ActionsController.h"
#include "MainWindow.h"
#include "Theme.h"
#include "UiSettings.h"
#include "UiTestSupport.h"
#include "WorkspaceSession.h"
#include "config/AppInfo.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ActionWizard.h"
#include "dialogs/CommandPalette.h"
#include "dialogs/CredentialsDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "dialogs/SourceDialog.h"
#include "dialogs/WelcomeDialog.h"
#include "graph/GraphPanel.h"
#include "pages/CatalogPage.h"
#include "pages/EntityPage.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableWidget>

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

// The window shown and active on the demo workspace, read from its descriptors.
void showActiveOnDemo(MainWindow &window)
{
    window.resize(1200, 800);
    window.show();
    REQUIRE(window.openWorkspace(Workspace::demoPath()));
    REQUIRE(waitFor([&] { return windowLoaded(window); }));
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
}

QAction *action(const MainWindow &window, const QString &name)
{
    auto *a = window.findChild<QAction *>(name);
    REQUIRE(a);
    return a;
}

QStringList rowTexts(const QListWidget *list)
{
    QStringList texts;
    for (int i = 0; i < list->count(); ++i) {
        texts.append(list->item(i)->text());
    }
    return texts;
}

// The controls under `root` that a keyboard reaches and a screen reader would announce without a name.
QStringList unnamedControls(QWidget *root, int *checked)
{
    QStringList unnamed;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root) || w->focusPolicy() == Qt::NoFocus || !w->isEnabled()) {
            continue;
        }
        // Parts of composite controls announce through their owner (a combo box's line edit and list, a spin
        // box's line edit, a scroll area's viewport).
        if (w->parentWidget()
            && (qobject_cast<QComboBox *>(w->parentWidget()) || w->objectName().startsWith(u"qt_"_s))) {
            continue;
        }
        if (const auto *area = qobject_cast<QAbstractScrollArea *>(w->parentWidget()); area && area->viewport() == w) {
            continue;
        }
        ++*checked;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty()) {
            unnamed.append(QString::fromLatin1(w->metaObject()->className()) + u" \""_s + w->objectName() + u"\" in "_s
                           + (w->parentWidget() ? w->parentWidget()->objectName() : QString()));
        }
    }
    return unnamed;
}

} // namespace

TEST_CASE("Ctrl+K opens the command palette: pages, menu entries, actions and entities by typing", "[ui][gui][palette]")
{
    IsolatedDataDir data;
    MainWindow window;
    showActiveOnDemo(window);
    REQUIRE(waitFor([&] { return window.actions() && !window.actions()->actions().isEmpty(); }));

    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    CommandPalette *palette = nullptr;
    REQUIRE(waitFor([&] { return (palette = window.findChild<CommandPalette *>()) && palette->isVisible(); }));
    // Empty: every page and menu entry, no entities.
    CHECK(rowTexts(palette->list()).filter(u"Runs"_s).size() >= 1);
    CHECK(rowTexts(palette->list()).filter(u"Reload"_s).size() == 1);

    SECTION("an entity by part of its name opens its page")
    {
        QTest::keyClicks(palette->input(), u"booking-serv"_s);
        const QStringList rows = rowTexts(palette->list());
        REQUIRE_FALSE(rows.isEmpty());
        CHECK(rows.first().contains(u"component:default/booking-service"_s));
        window.showPage(MainWindow::GraphPageIndex);
        QTest::keyClick(palette->input(), Qt::Key_Return);
        CHECK(window.catalogPage()->isVisible());
        CHECK(window.catalogPage()->entityPage()->currentKey() == u"component:default/booking-service"_s);
        CHECK(waitFor([&] { return window.findChild<CommandPalette *>() == nullptr; }));
    }
    SECTION("a page by its name, chosen with the arrow keys")
    {
        QTest::keyClicks(palette->input(), u"sources page"_s);
        REQUIRE(palette->list()->count() >= 1);
        CHECK(palette->list()->currentItem()->text().startsWith(u"Sources"_s));
        QTest::keyClick(palette->input(), Qt::Key_Return);
        CHECK(window.findChild<QStackedWidget *>(u"pages"_s)->currentIndex() == MainWindow::SourcesPageIndex);
    }
    SECTION("an action opens its wizard")
    {
        QTest::keyClicks(palette->input(), u"ephemeral"_s);
        const QStringList rows = rowTexts(palette->list());
        REQUIRE_FALSE(rows.isEmpty());
        CHECK(rows.first().contains(u"Action"_s));
        palette->runCurrent();
        CHECK(waitFor([&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (w->inherits("Portolan::Ui::ActionWizard") && w->isVisible()) {
                    w->close();
                    return true;
                }
            }
            return false;
        }));
    }
    SECTION("many matches are capped, and Esc closes")
    {
        QTest::keyClicks(palette->input(), u"e"_s);
        CHECK(palette->list()->count() <= palette->maxEntities + 40);
        QTest::keyClick(palette->input(), Qt::Key_Escape);
        CHECK(waitFor([&] { return window.findChild<CommandPalette *>() == nullptr; }));
    }
}

TEST_CASE("Ctrl+F finds in the graph on the Graph page, and searches the catalog elsewhere", "[ui][gui]")
{
    IsolatedDataDir data;
    MainWindow window;
    showActiveOnDemo(window);
    auto *pages = window.findChild<QStackedWidget *>(u"pages"_s);

    window.showPage(MainWindow::GraphPageIndex);
    window.graphPage()->setRoot(u"component:default/booking-service"_s);
    auto *view = window.graphPage()->findChild<QWidget *>(u"graphView"_s);
    REQUIRE(view);
    REQUIRE(waitFor([&] { return view->isVisible(); }, 10000));
    view->setFocus();
    REQUIRE(waitFor([&] { return view->hasFocus(); }, 2000));
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    CHECK(pages->currentIndex() == MainWindow::GraphPageIndex);
    CHECK(waitFor([&] { return window.graphPage()->findChild<QLineEdit *>(u"graphFind"_s)->hasFocus(); }, 2000));

    window.showPage(MainWindow::RunsPageIndex);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    CHECK(pages->currentIndex() == MainWindow::CatalogPageIndex);
}

TEST_CASE("Preferences: the language is kept for the next start, the colours change at once", "[ui][gui][prefs]")
{
    IsolatedDataDir data;
    const QPalette before = QGuiApplication::palette();
    MainWindow window;
    action(window, u"actionPreferences"_s)->trigger();
    auto *prefs = window.findChild<PreferencesDialog *>();
    REQUIRE(prefs);
    CHECK(PreferencesDialog::languages().contains(u"de"_s));
    CHECK(PreferencesDialog::languages().contains(u"en"_s));

    const int german = prefs->language()->findData(u"de"_s);
    REQUIRE(german > 0);
    CHECK(prefs->language()->itemText(german) == u"Deutsch"_s);
    prefs->language()->setCurrentIndex(german);
    CHECK(QSettings().value(SettingsKeys::language).toString() == u"de"_s);
    CHECK(prefs->findChild<QLabel *>(u"preferencesRestartNote"_s)->isVisibleTo(prefs));

    prefs->colorScheme()->setCurrentIndex(prefs->colorScheme()->findData(u"dark"_s));
    CHECK(Theme::isDark(QGuiApplication::palette()));
    CHECK(QSettings().value(SettingsKeys::colorScheme).toString() == u"dark"_s);
    // The sidebar follows: a shade lighter than the dark window.
    const QWidget *sidebar = window.findChild<QWidget *>(u"sidebarPanel"_s);
    CHECK(sidebar->palette().color(QPalette::Window).lightnessF() < 0.5);

    prefs->colorScheme()->setCurrentIndex(prefs->colorScheme()->findData(u"light"_s));
    CHECK_FALSE(Theme::isDark(QGuiApplication::palette()));
    CHECK(sidebar->palette().color(QPalette::Window).lightnessF() > 0.5);

    prefs->colorScheme()->setCurrentIndex(prefs->colorScheme()->findData(u"system"_s));
    CHECK(QGuiApplication::palette().color(QPalette::Window) == before.color(QPalette::Window));
    prefs->close();
}

TEST_CASE("About lists the libraries with their versions and licences", "[ui][gui]")
{
    IsolatedDataDir data;
    MainWindow window;
    REQUIRE(window.findChild<QAction *>(u"actionUserGuide"_s));
    CHECK(MainWindow::userGuideUrl().toString().endsWith(u"user-guide/README.md"_s));
    AboutDialog about;
    const QTableWidget *table = about.components();
    QStringList names;
    for (int r = 0; r < table->rowCount(); ++r) {
        names.append(table->item(r, 0)->text());
        CHECK_FALSE(table->item(r, 2)->text().isEmpty());
    }
    CHECK(names == QStringList{u"Qt"_s, u"QtKeychain"_s, u"SQLite"_s, u"LibYAML"_s, u"yaml-cpp"_s, u"jq"_s});
    CHECK(table->item(0, 1)->text() == QString::fromLatin1(qVersion()));
    CHECK(table->item(0, 2)->text() == u"LGPL-3.0-only"_s);
    CHECK(about.findChild<QLabel *>(u"aboutTitle"_s)->text().contains(AppInfo::version));
}

TEST_CASE("The welcome offers the demo, a folder and a repository, and says what the desktop lacks", "[ui][gui]")
{
    IsolatedDataDir data;
    MainWindow window;
    WelcomeDialog *welcome = window.showWelcome();
    REQUIRE(welcome);
    QSignalSpy checked(welcome, &WelcomeDialog::checked);
    CHECK((checked.size() == 1 || checked.wait(20000)));
    // Each line says yes or no in words, not only with a mark.
    CHECK((welcome->keychainText().contains(u"Keychain:"_s)
           || welcome->keychainText().contains(u"No usable keychain"_s)));
    CHECK((welcome->trayText().contains(u"System tray:"_s) || welcome->trayText().contains(u"No system tray"_s)));
    CHECK((welcome->notificationsText().contains(u"Desktop notifications"_s)
           || welcome->notificationsText().contains(u"No notification service"_s)));

    CHECK_FALSE(welcome->cloneButton()->isEnabled());
    welcome->repositoryUrl()->setText(u"not a url"_s);
    CHECK_FALSE(welcome->cloneButton()->isEnabled());
    welcome->repositoryUrl()->setText(u"https://github.com/acme/platform-catalog.git"_s);
    CHECK(welcome->cloneButton()->isEnabled());

    QSignalSpy demo(welcome, &WelcomeDialog::demoRequested);
    welcome->findChild<QAbstractButton *>(u"welcomeDemo"_s)->click();
    CHECK(demo.size() == 1);
    REQUIRE(waitFor([&] { return window.session() != nullptr; }));
    CHECK(window.session()->workspace().root == Workspace::demoPath());
    CHECK(QSettings().value(SettingsKeys::welcomed).toBool());
}

TEST_CASE("The window opens again on the page it was closed on", "[ui][gui]")
{
    IsolatedDataDir data;
    {
        MainWindow window;
        window.show();
        window.showPage(MainWindow::RunsPageIndex);
        window.close(); // no tray offscreen: closing saves the window's state
    }
    MainWindow again;
    CHECK(again.findChild<QStackedWidget *>(u"pages"_s)->currentIndex() == MainWindow::RunsPageIndex);
}

TEST_CASE("Every control on every page and dialog has an accessible name", "[ui][gui][a11y]")
{
    IsolatedDataDir data;
    MainWindow window;
    window.resize(1366, 860);
    window.show();
    REQUIRE(window.openWorkspace(Workspace::demoPath()));
    REQUIRE(waitFor([&] { return windowLoaded(window); }));
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    QStringList unnamed;
    int total = 0;
    const auto check = [&](QWidget *root, const QString &where) {
        int checked = 0;
        const QStringList found = unnamedControls(root, &checked);
        std::printf("accessibility: %-28s %3d controls, %d without a name\n", qPrintable(where), checked,
                    int(found.size()));
        total += checked;
        for (const QString &f : found) {
            unnamed.append(where + u": "_s + f);
        }
    };
    static const QStringList pages = {u"Catalog"_s, u"Graph"_s, u"Scorecards"_s, u"Actions"_s,
                                      u"Runs"_s,    u"Inbox"_s, u"Sources"_s};
    for (int p = 0; p < pages.size(); ++p) {
        window.showPage(MainWindow::Page(p));
        QApplication::processEvents();
        check(&window, u"page "_s + pages.at(p));
    }
    REQUIRE(window.catalogPage()->openEntity(u"component:default/booking-service"_s));
    window.showPage(MainWindow::CatalogPageIndex);
    QApplication::processEvents();
    check(&window, u"entity page"_s);

    AboutDialog about(&window);
    about.show();
    check(&about, u"About"_s);
    PreferencesDialog prefs(&window);
    prefs.show();
    check(&prefs, u"Preferences"_s);
    WelcomeDialog *welcome = window.showWelcome();
    check(welcome, u"Welcome"_s);
    welcome->close();
    CommandPalette *palette = window.openCommandPalette();
    check(palette, u"Command palette"_s);
    palette->close();
    SourceDialog source(window.session()->workspace(), SourceConfig{}, &window);
    source.show();
    check(&source, u"Add Source"_s);
    CredentialsDialog credentials(window.session()->workspace(), &window);
    credentials.show();
    check(&credentials, u"Credentials"_s);
    REQUIRE(waitFor([&] { return window.actions() && !window.actions()->actions().isEmpty(); }));
    const ActionTemplate *create = window.actions()->action(u"create-service"_s);
    REQUIRE(create);
    ActionWizard wizard(window.actions(), *create, {}, {}, &window);
    wizard.show();
    check(&wizard, u"Action wizard"_s);

    std::printf("accessibility: %d controls checked, %d without a name\n", total, int(unnamed.size()));
    INFO(unnamed.join(u'\n').toStdString());
    CHECK(unnamed.isEmpty());
    CHECK(total > 50);
}
