// Deep links (portolan://) and the single instance: a later launch hands its links and folders to the running
// window, which opens the entity, the action's wizard or the run they name.
#include "MainWindow.h"
#include "SingleInstance.h"
#include "UiTestSupport.h"
#include "WorkspaceSession.h"
#include "config/DeepLink.h"
#include "dialogs/ActionWizard.h"
#include "pages/CatalogPage.h"
#include "pages/EntityPage.h"
#include "pages/RunsPage.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan;
using namespace Portolan::Core;
using namespace Portolan::Ui;
using Portolan::Test::IsolatedDataDir;
using Portolan::Test::waitFor;
using Portolan::Test::windowLoaded;

namespace {

// The message a link the window cannot follow shows (non-modal), closed once read.
QString takeLinkProblem(MainWindow &window)
{
    QString text;
    waitFor([&] {
        auto *box = window.findChild<QMessageBox *>(u"linkProblem"_s);
        if (box && box->isVisible()) {
            text = box->text();
            box->close();
            return true;
        }
        return false;
    });
    QApplication::processEvents();
    return text;
}

ActionWizard *openWizard(const MainWindow &window)
{
    const auto wizards = window.findChildren<ActionWizard *>();
    for (ActionWizard *w : wizards) {
        if (w->isVisible()) {
            return w;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("A second launch hands its arguments to the first and the first hears them", "[ui][instance]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString name = dir.filePath(u"instance.sock"_s);

    SingleInstance first(name);
    REQUIRE(first.start({}) == SingleInstance::Role::Primary);
    QSignalSpy received(&first, &SingleInstance::argumentsReceived);

    // The second launch blocks while it waits for the answer, so it runs on a thread of its own here, as it would
    // in its own process.
    SingleInstance::Role secondRole = SingleInstance::Role::Standalone;
    QThread *second = QThread::create([&] {
        SingleInstance other(name);
        secondRole = other.start({u"portolan://entity/api:booking-api"_s, u"relative/folder"_s});
    });
    second->start();
    REQUIRE(waitFor([&] { return second->isFinished(); }));
    delete second;
    CHECK(secondRole == SingleInstance::Role::HandedOff);
    REQUIRE(received.size() == 1);
    CHECK(received.at(0).at(0).toStringList()
          == QStringList{u"portolan://entity/api:booking-api"_s, u"relative/folder"_s});
    CHECK(received.at(0).at(1).toString() == QDir::currentPath());
}

TEST_CASE("A socket left by a killed instance does not stop the next launch from becoming the first", "[ui][instance]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString name = dir.filePath(u"instance.sock"_s);
    {
        // A plain file where the socket would be, as a crash leaves it.
        QFile stale(name);
        REQUIRE(stale.open(QIODevice::WriteOnly));
    }
    SingleInstance next(name);
    CHECK(next.start({u"x"_s}, 500) == SingleInstance::Role::Primary);
    CHECK(next.errorString().isEmpty());
}

TEST_CASE("Instances with their own data folder do not share a socket", "[ui][instance]")
{
    const QString a = SingleInstance::socketPath(u"/tmp/portolan-a"_s);
    const QString b = SingleInstance::socketPath(u"/tmp/portolan-b"_s);
    CHECK(a != b);
    CHECK(a == SingleInstance::socketPath(u"/tmp/portolan-a"_s));
    CHECK(a.contains(u"io.github.portolan.Portolan-"_s));
    CHECK(a.toUtf8().size() < 100);
}

TEST_CASE("portolan:// links open an entity, an action's wizard and a run, or say why they cannot", "[ui][gui]")
{
    IsolatedDataDir data;
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    REQUIRE(window.openWorkspace(Workspace::demoPath()));

    SECTION("an entity link before the catalog is read waits for it")
    {
        window.handleArguments({u"portolan://entity/api:booking-api"_s}, QDir::currentPath());
        REQUIRE(waitFor([&] { return windowLoaded(window); }));
        CHECK(window.catalogPage()->isShowingEntity());
        CHECK(window.catalogPage()->entityPage()->currentKey() == u"api:default/booking-api"_s);
    }
    SECTION("once read: an entity, an unknown entity, a broken link")
    {
        REQUIRE(waitFor([&] { return windowLoaded(window); }));
        window.showPage(MainWindow::SourcesPageIndex);
        window.handleArguments({u"portolan://entity/component%3Adefault%2Fbooking-service"_s}, QDir::currentPath());
        CHECK(window.catalogPage()->isVisible());
        CHECK(window.catalogPage()->entityPage()->currentKey() == u"component:default/booking-service"_s);

        window.handleArguments({u"portolan://entity/component:default/no-such-service"_s}, QDir::currentPath());
        CHECK(takeLinkProblem(window).contains(u"no entity component:default/no-such-service"_s));

        window.handleArguments({u"portolan://graph/x"_s}, QDir::currentPath());
        CHECK(takeLinkProblem(window).contains(u"portolan://graph/x"_s));

        window.handleArguments({u"not/a/folder/anywhere"_s}, QDir::currentPath());
        CHECK(takeLinkProblem(window).contains(u"neither a workspace folder nor a Portolan link"_s));
    }
    SECTION("an action link opens its wizard for the entity, also when it comes before the catalog")
    {
        window.handleArguments(
            {u"portolan://action/create-ephemeral-environment?entity=component:default/booking-service"_s},
            QDir::currentPath());
        ActionWizard *wizard = nullptr;
        REQUIRE(waitFor([&] { return (wizard = openWizard(window)) != nullptr; }));
        CHECK(wizard->action().id == u"template:default/create-ephemeral-environment"_s);
        wizard->close();
    }
    SECTION("a run link shows the Runs page; a run the history lacks is said to be missing")
    {
        window.handleArguments({u"portolan://run/4711"_s}, QDir::currentPath());
        CHECK(window.runsPage()->isVisible());
        CHECK(takeLinkProblem(window).contains(u"no run 4711"_s));
    }
}

#ifdef PORTOLAN_GUI
TEST_CASE("A second portolan process hands a link to the running window and exits", "[ui][instance][process]")
{
    QTemporaryDir data;
    REQUIRE(data.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PORTOLAN_DATA_DIR"_s, data.path());
    env.insert(u"PORTOLAN_TEST_NO_KEYRING"_s, u"1"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);

    QProcess first;
    first.setProcessEnvironment(env);
    first.setProcessChannelMode(QProcess::MergedChannels);
    first.start(QStringLiteral(PORTOLAN_GUI), {u"--demo"_s});
    REQUIRE(first.waitForStarted(30000));
    QString output;
    const auto read = [&] {
        first.waitForReadyRead(50);
        output += QString::fromUtf8(first.readAll());
    };
    REQUIRE(waitFor(
        [&] {
            read();
            return output.contains(u"catalog received"_s);
        },
        60000));

    QProcess second;
    second.setProcessEnvironment(env);
    second.start(QStringLiteral(PORTOLAN_GUI), {u"portolan://entity/api:booking-api"_s});
    REQUIRE(second.waitForFinished(30000));
    CHECK(second.exitStatus() == QProcess::NormalExit);
    CHECK(second.exitCode() == 0);
    CHECK(waitFor(
        [&] {
            read();
            return output.contains(u"opening portolan://entity/api:booking-api"_s);
        },
        10000));
    INFO(output.toStdString());
    CHECK(output.contains(u"arguments from a later launch"_s));

    // --new-instance opens a window of its own, which keeps running.
    QProcess third;
    third.setProcessEnvironment(env);
    third.start(QStringLiteral(PORTOLAN_GUI), {u"--new-instance"_s, u"--demo"_s});
    REQUIRE(third.waitForStarted(30000));
    CHECK_FALSE(third.waitForFinished(2000));
    third.kill();
    third.waitForFinished(10000);

    first.terminate();
    if (!first.waitForFinished(10000)) {
        first.kill();
        first.waitForFinished(10000);
    }
}
#endif
