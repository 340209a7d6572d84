// The desktop side of notifications: DesktopNotifier against a notification daemon of the test's own on the session
// bus, and (on a real X server) the tray icon docked in an XEmbed tray, clicked, and a notification's default action,
// both opening the Inbox.
#include "ActionsController.h"
#include "MainWindow.h"
#include "UiTestSupport.h"
#include "WorkspaceSession.h"
#include "notify/DesktopNotifier.h"
#include "notify/NotificationCenter.h"
#include "notify/TrayIcon.h"
#include "pages/InboxPage.h"
#include "widgets/SidebarDelegate.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QListWidget>
#include <QProcess>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QSystemTrayIcon>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan;
using namespace Portolan::Core;
using namespace Portolan::Ui;
using Portolan::Test::waitFor;

namespace {

// A notification daemon as the desktop has one: org.freedesktop.Notifications with Notify and CloseNotification,
// and the ActionInvoked and NotificationClosed signals. On a bus connection of its own, so the notifier's calls go
// through the bus like to any other process.
class FakeNotificationDaemon final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString app;
        QString icon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };

    FakeNotificationDaemon()
        : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-notification-daemon"_s))
    { }
    ~FakeNotificationDaemon() override
    {
        m_bus.unregisterObject(DesktopNotifier::path.toString());
        m_bus.unregisterService(DesktopNotifier::service.toString());
        QDBusConnection::disconnectFromBus(u"fake-notification-daemon"_s);
    }

    // False when there is no session bus or another daemon has the name.
    bool start()
    {
        return m_bus.isConnected()
               && m_bus.registerObject(DesktopNotifier::path.toString(), this,
                                       QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals)
               && m_bus.registerService(DesktopNotifier::service.toString());
    }

    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(replaces)
        Q_UNUSED(timeout)
        calls.append({app, icon, summary, body, actions, hints});
        return uint(calls.size()) + 100;
    }
    void CloseNotification(uint id) { Q_EMIT NotificationClosed(id, 3); }
    QStringList GetCapabilities() { return {u"actions"_s, u"body"_s}; }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
};

Notification approvalNotification()
{
    Notification n;
    n.id = u"n-1"_s;
    n.kind = Notification::Kind::ApprovalRequested;
    n.title = u"Approval requested: Temporary access"_s;
    n.body = u"Jane Doe asks for your approval on component:default/shipment-service."_s;
    n.target = {u"inbox"_s, u"a1b2"_s};
    n.runKey = u"a1b2"_s;
    return n;
}

bool hasSessionBus()
{
    return QDBusConnection::sessionBus().isConnected();
}

} // namespace

TEST_CASE("Desktop notifications through org.freedesktop.Notifications, with their actions", "[ui][notify][dbus]")
{
    if (!hasSessionBus()) {
        WARN("Skipped: no D-Bus session bus (the CI runs the tests under dbus-run-session)");
        return;
    }
    FakeNotificationDaemon daemon;
    if (!daemon.start()) {
        WARN("Skipped: another notification daemon owns org.freedesktop.Notifications on this session bus");
        return;
    }
    DesktopNotifier notifier;
    REQUIRE(waitFor([&] { return notifier.backend() == DesktopNotifier::Backend::FreeDesktop; }));
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QSignalSpy open(&notifier, &DesktopNotifier::openRequested);
    QSignalSpy decide(&notifier, &DesktopNotifier::decisionRequested);

    CHECK(notifier.show(approvalNotification()) == DesktopNotifier::Backend::FreeDesktop);
    REQUIRE(waitFor([&] { return delivered.size() == 1; }));
    REQUIRE(daemon.calls.size() == 1);
    const FakeNotificationDaemon::Call call = daemon.calls.first();
    CHECK(call.summary == u"Approval requested: Temporary access"_s);
    CHECK(call.body == u"Jane Doe asks for your approval on component:default/shipment-service."_s);
    CHECK(call.actions == QStringList{u"default"_s, u"Open"_s, u"approve"_s, u"Approve"_s, u"reject"_s, u"Reject…"_s});
    CHECK(call.hints.value(u"desktop-entry"_s).toString() == QGuiApplication::desktopFileName());
    CHECK(call.icon.endsWith(u".png"_s));
    const uint id = delivered.first().at(1).toUInt();
    CHECK(delivered.first().first().toString() == u"n-1"_s);

    // A click on it: its default action opens what it is about.
    Q_EMIT daemon.ActionInvoked(id, u"default"_s);
    REQUIRE(waitFor([&] { return open.size() == 1; }));
    CHECK(open.first().first().value<NotificationTarget>() == NotificationTarget{u"inbox"_s, u"a1b2"_s});
    CHECK(open.first().at(1).toString() == u"n-1"_s);
    Q_EMIT daemon.ActionInvoked(id, u"approve"_s);
    REQUIRE(waitFor([&] { return decide.size() == 1; }));
    CHECK(decide.first() == QVariantList{u"a1b2"_s, true});
    // Another application's notification is not ours.
    Q_EMIT daemon.ActionInvoked(id + 50, u"default"_s);
    QTest::qWait(100);
    CHECK(open.size() == 1);

    // A run's notification has only the default action.
    Notification ran;
    ran.id = u"n-2"_s;
    ran.kind = Notification::Kind::RunFailed;
    ran.title = u"Ephemeral environment failed"_s;
    ran.target = {u"runs"_s, u"7"_s};
    notifier.show(ran);
    REQUIRE(waitFor([&] { return daemon.calls.size() == 2; }));
    CHECK(daemon.calls.last().actions == QStringList{u"default"_s, u"Open"_s});
    CHECK(daemon.calls.last().hints.value(u"urgency"_s).toInt() == 2);
}

TEST_CASE("The tray icon in a real XEmbed tray: shown, clicked, and a notification's click open the Inbox",
          "[ui][notify][tray]")
{
    // ctest's ui:tray-xcb sets PORTOLAN_TEST_REQUIRE_TRAY: there, a skip would hide a broken set-up, so it fails.
    const bool required = qEnvironmentVariableIsSet("PORTOLAN_TEST_REQUIRE_TRAY");
    if (QGuiApplication::platformName() != u"xcb"_s) {
        INFO("platform " << QGuiApplication::platformName().toStdString());
        REQUIRE_FALSE(required);
        WARN("Skipped: needs a real X server (QT_QPA_PLATFORM=xcb under Xvfb; ctest runs it as ui:tray-xcb), "
             "platform is "
             << QGuiApplication::platformName().toStdString());
        return;
    }
    QProcess trayer;
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        const QString program = QStandardPaths::findExecutable(u"trayer"_s);
        if (program.isEmpty()) {
            REQUIRE_FALSE(required);
            WARN("Skipped: no system tray and no trayer to start one (apt-get install trayer)");
            return;
        }
        trayer.start(program, {u"--edge"_s, u"top"_s, u"--align"_s, u"right"_s, u"--widthtype"_s, u"pixel"_s,
                               u"--width"_s, u"120"_s, u"--height"_s, u"28"_s});
        REQUIRE(trayer.waitForStarted(5000));
    }
    REQUIRE(waitFor([] { return QSystemTrayIcon::isSystemTrayAvailable(); }, 15000));

    Test::IsolatedDataDir data;
    {
        MainWindow window;
        REQUIRE(window.openWorkspace(Workspace::demoPath()));
        // The app reads the approvals repository once the catalog is there; that first read must be over before
        // the request below is handed in, or its (empty) answer would replace it.
        QSignalSpy approvalsRead(window.actions(), &ActionsController::approvalsChanged);
        QSignalSpy approvalsFailed(window.actions(), &ActionsController::approvalsFailed);
        window.show();
        REQUIRE(waitFor([&] { return window.session()->hasCatalog() && !window.session()->isBusy(); }, 60000));
        TrayIcon *tray = window.trayIcon();
        REQUIRE(tray);
        CHECK(tray->isVisible());
        // Docked: the tray gave it a place.
        REQUIRE(waitFor([&] { return tray->geometry().width() > 0; }, 10000));

        // A run failed while the window was in the tray: the badge and the Inbox count it.
        ActionRun run;
        run.id = 3;
        run.key = u"tray-run"_s;
        run.templateTitle = u"Ephemeral environment"_s;
        run.status = ActionRun::Status::Failed;
        run.finished = QDateTime::currentDateTimeUtc();
        window.notifications()->setPaused(true); // no balloon over the tray for this one
        window.notifications()->runFinished(run);
        CHECK(tray->unreadCount() == 1);
        auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s);
        CHECK(sidebar->item(MainWindow::InboxPageIndex)->data(SidebarDelegate::CountRole).toInt() == 1);

        window.showPage(MainWindow::CatalogPageIndex);
        window.close();
        CHECK(window.isHidden());
        CHECK(window.session()); // still running in the tray

        // A real click on the docked icon (its XEmbed window) brings the window back, on the Inbox.
        QWidget *docked = nullptr;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (QByteArray(w->metaObject()->className()) == "QSystemTrayIconSys") {
                docked = w;
            }
        }
        REQUIRE(docked);
        QTest::mouseClick(docked, Qt::LeftButton, {}, docked->rect().center());
        REQUIRE(waitFor([&] { return window.isVisible(); }));
        CHECK(window.findChild<QStackedWidget *>(u"pages"_s)->currentWidget() == window.inboxPage());

        // A notification's default action opens the Inbox too.
        FakeNotificationDaemon daemon;
        if (!daemon.start()) {
            WARN("The notification part skipped: another daemon owns org.freedesktop.Notifications");
        } else {
            window.notifications()->setPaused(false);
            window.showPage(MainWindow::CatalogPageIndex);
            QSignalSpy delivered(window.notifier(), &DesktopNotifier::delivered);
            ApprovalRequest request;
            request.runKey = u"a1b2"_s;
            request.title = u"Temporary access"_s;
            request.requester = u"user:default/jdoe"_s;
            request.rule.approvers = {u"user:default/mei.lin"_s};
            request.eligible = {{u"user:default/mei.lin"_s}};
            request.requested = QDateTime::currentDateTimeUtc();
            REQUIRE(waitFor([&] { return !approvalsRead.isEmpty() || !approvalsFailed.isEmpty(); }, 30000));
            window.takeApprovals({request}, u"user:default/mei.lin"_s);
            REQUIRE(waitFor([&] { return delivered.size() == 1; }));
            CHECK(daemon.calls.last().summary == u"Approval requested: Temporary access"_s);
            CHECK(tray->unreadCount() == 2);
            Q_EMIT daemon.ActionInvoked(delivered.first().at(1).toUInt(), u"default"_s);
            REQUIRE(waitFor(
                [&] { return window.findChild<QStackedWidget *>(u"pages"_s)->currentWidget() == window.inboxPage(); }));
            CHECK(window.inboxPage()->waitingCard(u"a1b2"_s));
            CHECK(tray->unreadCount() == 1); // that one is read now
        }
        window.quit();
        CHECK_FALSE(tray->isVisible());
    }
    if (trayer.state() != QProcess::NotRunning) {
        trayer.terminate();
        trayer.waitForFinished(3000);
    }
}

#include "TrayTest.moc"
