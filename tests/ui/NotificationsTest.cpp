// Notifications: what the NotificationCenter makes of runs, approvals, TTLs and failing sources as an injected clock
// moves (each event once, also after a restart), that nothing is lost without a tray or notification daemon, the
// Inbox page and its decisions, and the desktop notifier against a notification daemon on the session bus.
#include "MainWindow.h"
#include "UiTestSupport.h"
#include "catalog/DescriptorReader.h"
#include "dialogs/DecisionDialog.h"
#include "notify/Autostart.h"
#include "notify/DesktopNotifier.h"
#include "notify/NotificationCenter.h"
#include "notify/TrayIcon.h"
#include "pages/InboxPage.h"
#include "widgets/Card.h"
#include "widgets/SidebarDelegate.h"

#include "support/TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan;
using namespace Portolan::Core;
using namespace Portolan::Ui;
using Portolan::Test::waitFor;

namespace {

const QDateTime t0 = QDateTime::fromString(u"2027-01-14T08:00:00Z"_s, Qt::ISODate);

Catalog::Ptr environments(const QByteArray &yaml)
{
    const FileReadResult read = DescriptorReader::readData(yaml, u"environments.yaml"_s, {});
    REQUIRE(read.problems.isEmpty());
    std::vector<Entity> entities;
    for (const auto &document : read.documents) {
        entities.push_back(Entity::fromEnvelope(document.root));
    }
    return Catalog::build(std::move(entities));
}

QByteArray environment(const char *name, const char *owner, const char *expiresAt)
{
    return QByteArray("---\napiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: ") + name
           + "\n  annotations:\n    portolan.dev/expires-at: \"" + expiresAt
           + "\"\nspec:\n  type: environment\n  owner: " + owner + "\n";
}

QList<Notification::Kind> kinds(const QList<Notification> &list)
{
    QList<Notification::Kind> out;
    for (const Notification &n : list) {
        out.append(n.kind);
    }
    return out;
}

ActionRun run(qint64 id, ActionRun::Status status, const QDateTime &finished)
{
    ActionRun r;
    r.id = id;
    r.key = u"run-%1"_s.arg(id);
    r.templateId = u"ephemeral-environment"_s;
    r.templateTitle = u"Ephemeral environment"_s;
    r.entityRef = u"component:default/shipment-service"_s;
    r.status = status;
    r.finished = finished;
    r.error = status == ActionRun::Status::Failed ? u"Step \"Publish\" (publish:gitops) failed: refused"_s : QString();
    return r;
}

const QString approver = u"user:default/mei.lin"_s;
const QString requester = u"user:default/jdoe"_s;

ApprovalRequest request(const QString &runKey, const QDateTime &requested)
{
    ApprovalRequest r;
    r.runKey = runKey;
    r.templateId = u"temporary-access"_s;
    r.title = u"Temporary access"_s;
    r.requester = requester;
    r.requesterName = u"Jane Doe"_s;
    r.entityRef = u"component:default/shipment-service"_s;
    r.requested = requested;
    r.summary = u"Publish: git push to local:platform-config"_s;
    r.parameters = QJsonObject{{u"role"_s, u"admin"_s}, {u"duration"_s, u"4h"_s}};
    r.rule.approvers = {approver};
    r.eligible = {{approver}};
    r.itemLabels = {u"Mei Lin"_s};
    return r;
}

ApprovalDecision decision(bool approved, const QString &comment, const QDateTime &at)
{
    ApprovalDecision d;
    d.approver = approver;
    d.approverName = u"Mei Lin"_s;
    d.approved = approved;
    d.comment = comment;
    d.at = at;
    d.counts = true;
    return d;
}

DecisionDialog *openDialog()
{
    DecisionDialog *found = nullptr;
    waitFor([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<DecisionDialog *>(w); d && d->isVisible()) {
                found = d;
            }
        }
        return found != nullptr;
    });
    return found;
}

} // namespace

TEST_CASE("TTL warnings 24 h and 1 h before, and the expiry, each once as the clock moves", "[ui][notify]")
{
    QTemporaryDir dir;
    const QString log = dir.filePath(u"notifications.json"_s);
    ManualClock clock(t0);
    // Ends 30 h after t0; someone else's ends 2 h after t0.
    const Catalog::Ptr catalog =
        environments(environment("preview-a", "user:default/jdoe", "2027-01-15T14:00:00Z")
                     + environment("preview-other", "group:default/team-b", "2027-01-14T10:00:00Z"));
    NotificationCenter center(log, clock);
    center.setCheckInterval(0);
    center.setOwners({requester, u"group:default/platform-team"_s});
    QSignalSpy popups(&center, &NotificationCenter::popup);
    QSignalSpy scanned(&center, &NotificationCenter::expiriesChanged);
    center.setCatalog(catalog);
    CHECK(center.expiries().isEmpty()); // scanned on the background pool
    REQUIRE(scanned.wait());
    REQUIRE(center.expiries().size() == 1); // only the user's own
    CHECK(center.notifications().isEmpty());

    clock.advance(qint64(6 * 3600 - 1) * 1000);
    center.check();
    CHECK(center.notifications().isEmpty()); // a second early

    clock.advance(2000);
    center.check();
    center.check();
    REQUIRE(center.notifications().size() == 1);
    const Notification warning = center.notifications().first();
    CHECK(warning.kind == Notification::Kind::TtlWarning);
    CHECK(warning.title == u"preview-a expires in 23 h 59 min"_s);
    CHECK(warning.target == NotificationTarget{u"ttl"_s, u"resource:default/preview-a"_s});
    CHECK_FALSE(warning.read);
    CHECK(popups.size() == 1);

    clock.advance(qint64(23 * 3600) * 1000); // 59 minutes left
    center.check();
    REQUIRE(center.notifications().size() == 2);
    CHECK(center.notifications().last().kind == Notification::Kind::TtlWarning);
    CHECK(center.notifications().last().title == u"preview-a expires in 59 min"_s);

    clock.advance(qint64(3600) * 1000);
    center.check();
    REQUIRE(center.notifications().size() == 3);
    CHECK(center.notifications().last().kind == Notification::Kind::TtlExpired);
    CHECK(center.notifications().last().title == u"preview-a has expired"_s);
    clock.advance(qint64(3600) * 1000);
    center.check();
    CHECK(center.notifications().size() == 3);
    CHECK(center.unreadCount() == 3);
    CHECK(popups.size() == 3);

    // A restart: the log has them all, and the expiry (still within the day looked back on) is not said again.
    NotificationCenter again(log, clock);
    again.setCheckInterval(0);
    again.setOwners({requester});
    QSignalSpy scannedAgain(&again, &NotificationCenter::expiriesChanged);
    again.setCatalog(catalog);
    REQUIRE(scannedAgain.wait());
    CHECK(again.notifications().size() == 3);
    CHECK(again.unreadCount() == 3);
    CHECK(kinds(again.notifications())
          == QList{Notification::Kind::TtlWarning, Notification::Kind::TtlWarning, Notification::Kind::TtlExpired});
}

TEST_CASE("A newer catalog's expiries replace an older one's still being scanned, and owners filter without a scan",
          "[ui][notify]")
{
    ManualClock clock(t0);
    const Catalog::Ptr older = environments(environment("preview-old", "user:default/jdoe", "2027-01-20T10:00:00Z"));
    const Catalog::Ptr newer =
        environments(environment("preview-a", "user:default/jdoe", "2027-01-15T14:00:00Z")
                     + environment("preview-other", "group:default/team-b", "2027-01-16T10:00:00Z"));
    NotificationCenter center(QString(), clock);
    center.setCheckInterval(0);
    QSignalSpy scanned(&center, &NotificationCenter::expiriesChanged);
    center.setCatalog(older);
    center.setCatalog(newer);
    REQUIRE(scanned.wait());
    QTest::qWait(100); // the older scan's answer, had it been taken, would be in by now
    REQUIRE(scanned.size() == 1);
    REQUIRE(center.expiries().size() == 2);
    CHECK(center.expiries().at(0).entityRef == u"resource:default/preview-a"_s);
    CHECK(center.expiries().at(1).entityRef == u"resource:default/preview-other"_s);

    center.setOwners({requester});
    REQUIRE(scanned.size() == 2); // filtered at once, no new scan
    REQUIRE(center.expiries().size() == 1);
    CHECK(center.expiries().at(0).entityRef == u"resource:default/preview-a"_s);

    center.setCatalog(nullptr);
    CHECK(scanned.size() == 3);
    CHECK(center.expiries().isEmpty());
}

TEST_CASE("Finished and failed runs, paused notifications, and sources failing for long", "[ui][notify]")
{
    ManualClock clock(t0);
    NotificationCenter center(QString(), clock);
    center.setCheckInterval(0);
    QSignalSpy popups(&center, &NotificationCenter::popup);
    QSignalSpy unread(&center, &NotificationCenter::unreadCountChanged);

    center.runFinished(run(7, ActionRun::Status::Succeeded, t0));
    center.runFinished(run(7, ActionRun::Status::Succeeded, t0)); // the same run again: once
    center.runFinished(run(8, ActionRun::Status::Failed, t0));
    center.runFinished(run(9, ActionRun::Status::Cancelled, t0));
    center.runFinished(run(10, ActionRun::Status::Succeeded, t0.addDays(-3))); // old news
    REQUIRE(center.notifications().size() == 2);
    const Notification ok = center.notifications()[0];
    CHECK(ok.kind == Notification::Kind::RunSucceeded);
    CHECK(ok.title == u"Ephemeral environment succeeded"_s);
    CHECK(ok.body == u"On component:default/shipment-service."_s);
    CHECK(ok.target == NotificationTarget{u"runs"_s, u"7"_s});
    const Notification failed = center.notifications()[1];
    CHECK(failed.kind == Notification::Kind::RunFailed);
    CHECK(failed.title == u"Ephemeral environment failed"_s);
    CHECK(failed.body.startsWith(u"Step \"Publish\" (publish:gitops) failed"_s));
    CHECK(popups.size() == 2);
    CHECK(unread.last().first().toInt() == 2);

    // Paused: logged and counted, not shown.
    center.setPaused(true);
    center.runFinished(run(11, ActionRun::Status::Failed, t0));
    CHECK(center.notifications().size() == 3);
    CHECK(popups.size() == 2);
    CHECK(center.unreadCount() == 3);
    center.setPaused(false);

    center.markRead(ok.id);
    CHECK(center.unreadCount() == 2);
    center.markAllRead();
    CHECK(center.unreadCount() == 0);

    // A source failing: said once it has failed for 30 minutes; a new run of failures is said again.
    SourceStatus github;
    github.config.id = u"github"_s;
    github.config.title = u"GitHub (acme)"_s;
    github.state = SourceStatus::State::Failed;
    github.error.message = u"Bad credentials (401)"_s;
    center.takeSourceStatuses({github});
    clock.advance(29 * 60 * 1000);
    github.state = SourceStatus::State::Syncing; // a retry does not end it
    center.takeSourceStatuses({github});
    github.state = SourceStatus::State::Failed;
    center.takeSourceStatuses({github});
    center.check();
    CHECK(center.notifications().size() == 3);
    clock.advance(61 * 1000);
    center.check();
    center.check();
    REQUIRE(center.notifications().size() == 4);
    const Notification failing = center.notifications().last();
    CHECK(failing.kind == Notification::Kind::SyncFailing);
    CHECK(failing.title == u"GitHub (acme) has been failing for 30 min"_s);
    CHECK(failing.body == u"Bad credentials (401)"_s);
    CHECK(failing.target == NotificationTarget{u"sources"_s, u"github"_s});
    github.state = SourceStatus::State::Ok;
    center.takeSourceStatuses({github});
    github.state = SourceStatus::State::Failed;
    center.takeSourceStatuses({github});
    clock.advance(31 * 60 * 1000);
    center.check();
    CHECK(center.notifications().size() == 5);
}

TEST_CASE("Approval requested for the approver, approval decided for the requester", "[ui][notify]")
{
    ManualClock clock(t0);
    NotificationCenter approverCenter(QString(), clock);
    NotificationCenter requesterCenter(QString(), clock);
    approverCenter.setCheckInterval(0);
    requesterCenter.setCheckInterval(0);

    ApprovalRequest pending = request(u"a1b2"_s, t0);
    approverCenter.takeApprovals({pending}, approver);
    approverCenter.takeApprovals({pending}, approver);
    requesterCenter.takeApprovals({pending}, requester);
    REQUIRE(approverCenter.notifications().size() == 1);
    const Notification asked = approverCenter.notifications().first();
    CHECK(asked.kind == Notification::Kind::ApprovalRequested);
    CHECK(asked.title == u"Approval requested: Temporary access"_s);
    CHECK(asked.body.startsWith(u"Jane Doe asks for your approval on component:default/shipment-service."_s));
    CHECK(asked.runKey == u"a1b2"_s);
    CHECK(asked.target == NotificationTarget{u"inbox"_s, u"a1b2"_s});
    CHECK(requesterCenter.notifications().isEmpty()); // the requester does not approve their own

    clock.advance(10 * 60 * 1000);
    ApprovalRequest approved = pending;
    approved.decisions.append(decision(true, u"Go ahead"_s, clock.now()));
    approverCenter.takeApprovals({approved}, approver); // decided: no longer waiting, nothing new
    requesterCenter.takeApprovals({approved}, requester);
    requesterCenter.takeApprovals({approved}, requester);
    CHECK(approverCenter.notifications().size() == 1);
    REQUIRE(requesterCenter.notifications().size() == 1);
    const Notification decided = requesterCenter.notifications().first();
    CHECK(decided.kind == Notification::Kind::ApprovalDecided);
    CHECK(decided.title == u"Approved: Temporary access"_s);
    CHECK(decided.body == u"Mei Lin approved your request.\n“Go ahead”"_s);

    // A rejection; and an old decision seen for the first time is not news.
    ApprovalRequest rejected = request(u"c3d4"_s, t0);
    rejected.decisions.append(decision(false, u"Not on a Friday"_s, clock.now()));
    ApprovalRequest old = request(u"e5f6"_s, t0.addDays(-10));
    old.decisions.append(decision(true, {}, t0.addDays(-9)));
    requesterCenter.takeApprovals({approved, rejected, old}, requester);
    REQUIRE(requesterCenter.notifications().size() == 2);
    CHECK(requesterCenter.notifications().last().title == u"Rejected: Temporary access"_s);
    CHECK(requesterCenter.notifications().last().body.contains(u"Not on a Friday"_s));
}

TEST_CASE("Without a tray or notification daemon nothing is lost: the Inbox has every notification", "[ui][notify]")
{
    Test::IsolatedDataDir data;
    ManualClock clock(t0);
    DesktopNotifier notifier;
    // A daemon the bus would start on demand counts as one (dunst installed on a developer's machine).
    QDBusConnection bus = QDBusConnection::sessionBus();
    const QString name = DesktopNotifier::service.toString();
    const QDBusReply<QStringList> activatable =
        bus.isConnected() ? bus.interface()->call(u"ListActivatableNames"_s) : QDBusReply<QStringList>();
    const bool daemon = bus.isConnected()
                        && (bus.interface()->isServiceRegistered(name)
                            || (activatable.isValid() && activatable.value().contains(name)));
    if (!daemon) {
        CHECK(notifier.backend() == DesktopNotifier::Backend::None);
    }
    const QString log = NotificationLog::fileFor(u"inbox-test"_s);
    {
        NotificationCenter center(log, clock);
        center.setCheckInterval(0);
        QObject::connect(&center, &NotificationCenter::popup, &notifier, &DesktopNotifier::show);
        center.runFinished(run(1, ActionRun::Status::Failed, t0));
        center.takeApprovals({request(u"a1b2"_s, t0)}, approver);
        CHECK(center.notifications().size() == 2);
    }
    // After a restart, on the Inbox page: newest first, unread in bold; a click opens what it is about.
    NotificationCenter center(log, clock);
    InboxPage page;
    page.setClock(&clock);
    page.setNotifications(center.notifications());
    QTreeWidget *list = page.notificationsView();
    REQUIRE(list->topLevelItemCount() == 2);
    CHECK(list->topLevelItem(0)->text(0) == u"Approval requested: Temporary access"_s);
    CHECK(list->topLevelItem(1)->text(0) == u"Ephemeral environment failed"_s);
    CHECK(list->topLevelItem(0)->font(0).bold());
    CHECK(page.sectionCard(InboxPage::Section::Notifications)->title() == u"Notifications (2 unread)"_s);
    QSignalSpy open(&page, &InboxPage::openRequested);
    QSignalSpy activated(&page, &InboxPage::notificationActivated);
    Q_EMIT list->itemClicked(list->topLevelItem(1), 0);
    REQUIRE(open.size() == 1);
    CHECK(open.first().first().value<NotificationTarget>() == NotificationTarget{u"runs"_s, u"1"_s});
    center.markRead(activated.first().first().toString());
    page.setNotifications(center.notifications());
    CHECK_FALSE(list->topLevelItem(1)->font(0).bold());
    CHECK(page.sectionCard(InboxPage::Section::Notifications)->title() == u"Notifications (1 unread)"_s);
}

TEST_CASE("The Inbox page: requests waiting, own requests, expiries: decisions carry their comment", "[ui][notify]")
{
    ManualClock clock(t0.addSecs(3600));
    InboxPage page;
    page.setClock(&clock);
    page.resize(1100, 900);
    page.show();

    ApprovalRequest waiting = request(u"a1b2"_s, t0);
    ApprovalRequest mine = request(u"c3d4"_s, t0);
    mine.requester = approver; // the approver's own request, decided by jdoe
    mine.eligible = {{requester}};
    ApprovalDecision no = decision(false, u"Not on a Friday"_s, t0.addSecs(600));
    no.approver = requester;
    no.approverName = u"Jane Doe"_s;
    mine.decisions.append(no);
    page.setApprovals({waiting, mine}, approver);

    CHECK(page.sectionCard(InboxPage::Section::Waiting)->title() == u"Waiting for you (1)"_s);
    QWidget *card = page.waitingCard(u"a1b2"_s);
    REQUIRE(card);
    CHECK(card->findChild<QLabel *>(u"requestFacts"_s)
              ->text()
              .contains(u"Requested by Jane Doe on "
                        "component:default/shipment-service"_s));
    CHECK(card->findChild<QLabel *>(u"requestFacts"_s)->text().contains(u"1 hour"_s));
    CHECK(card->findChild<QLabel *>(u"requestSummary"_s)->text() == u"Publish: git push to local:platform-config"_s);
    CHECK(card->findChild<QLabel *>(u"requestParameters"_s)->text().contains(u"<b>role</b>: admin"_s));
    CHECK_FALSE(page.waitingCard(u"c3d4"_s));

    QTreeWidget *requests = page.requestsView();
    REQUIRE(requests->topLevelItemCount() == 1);
    CHECK(requests->topLevelItem(0)->text(3) == u"Rejected"_s);
    CHECK(requests->topLevelItem(0)->text(4) == u"Jane Doe"_s);
    CHECK(requests->topLevelItem(0)->text(5) == u"Not on a Friday"_s);

    QSignalSpy decided(&page, &InboxPage::decisionRequested);
    SECTION("approve with a comment")
    {
        QTest::mouseClick(card->findChild<QPushButton *>(u"approve"_s), Qt::LeftButton);
        DecisionDialog *dialog = openDialog();
        REQUIRE(dialog);
        CHECK(dialog->confirmButton()->isEnabled()); // optional to approve
        dialog->setComment(u"Looks right"_s);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        REQUIRE(decided.size() == 1);
        CHECK(decided.first() == QVariantList{u"a1b2"_s, true, u"Looks right"_s});
    }
    SECTION("reject needs a comment")
    {
        QTest::mouseClick(card->findChild<QPushButton *>(u"reject"_s), Qt::LeftButton);
        DecisionDialog *dialog = openDialog();
        REQUIRE(dialog);
        CHECK_FALSE(dialog->confirmButton()->isEnabled());
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"decisionComment"_s), u"Wrong role"_s);
        CHECK(dialog->confirmButton()->isEnabled());
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        REQUIRE(decided.size() == 1);
        CHECK(decided.first() == QVariantList{u"a1b2"_s, false, u"Wrong role"_s});
    }
    SECTION("approve from a notification, without a dialog")
    {
        page.requestDecision(u"a1b2"_s, true, false);
        REQUIRE(decided.size() == 1);
        CHECK(decided.first() == QVariantList{u"a1b2"_s, true, QString()});
        page.requestDecision(u"unknown"_s, true, false);
        CHECK(decided.size() == 1);
    }

    // Expiring soon counts down; Extend… asks for it.
    Expiry e;
    e.entityRef = u"resource:default/preview-a"_s;
    e.title = u"preview-a"_s;
    e.owner = requester;
    e.expiresAt = clock.now().addSecs(3 * 3600 + 300);
    page.setExpiries({e});
    QTreeWidget *expiries = page.expiriesView();
    REQUIRE(expiries->topLevelItemCount() == 1);
    CHECK(expiries->topLevelItem(0)->text(3) == u"3 h 5 min"_s);
    CHECK(page.sectionCard(InboxPage::Section::Expiring)->title() == u"Expiring soon (1)"_s);
    QSignalSpy extend(&page, &InboxPage::extendRequested);
    auto *button = page.findChild<QAbstractButton *>(u"extend:resource:default/preview-a"_s);
    REQUIRE(button);
    button->click();
    REQUIRE(extend.size() == 1);
    CHECK(extend.first().first().toString() == u"resource:default/preview-a"_s);
    page.close();
}

TEST_CASE("The tray icon's badge, its menu, and start at login through an XDG autostart file", "[ui][notify]")
{
    const QPixmap plain = TrayIcon::badged(QIcon(), 0, 32);
    const QPixmap badged = TrayIcon::badged(QIcon(), 3, 32);
    REQUIRE(badged.width() == 32);
    // The badge's red sits in the top right corner.
    const QColor corner = badged.toImage().pixelColor(17, 9);
    CHECK(corner.red() > 150);
    CHECK(corner.green() < 120);
    CHECK(plain.toImage().pixelColor(17, 9).alpha() == 0);

    TrayIcon tray;
    QSignalSpy pause(&tray, &TrayIcon::pauseToggled);
    QSignalSpy inbox(&tray, &TrayIcon::inboxRequested);
    tray.setUnreadCount(4);
    CHECK(tray.toolTip().startsWith(u"Portolan: 4 unread notification"_s));
    tray.pauseAction()->trigger();
    CHECK(pause.size() == 1);
    CHECK(tray.toolTip().contains(u"paused"_s));
    tray.menu()->actions().first()->trigger();
    CHECK(inbox.size() == 1);

    QTemporaryDir config;
    const QByteArray previous = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    CHECK(Autostart::file() == config.filePath(u"autostart/io.github.portolan.Portolan.desktop"_s));
    CHECK_FALSE(Autostart::isEnabled());
    REQUIRE(Autostart::setEnabled(true, u"/opt/Portolan $HOME/portolan"_s).ok());
    CHECK(Autostart::isEnabled());
    QFile desktop(Autostart::file());
    REQUIRE(desktop.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(desktop.readAll());
    CHECK(text.startsWith(u"[Desktop Entry]\nType=Application\n"_s));
    CHECK(text.contains(u"\nExec=\"/opt/Portolan \\$HOME/portolan\" --tray\n"_s));
    REQUIRE(Autostart::setEnabled(false, {}).ok());
    CHECK_FALSE(Autostart::isEnabled());
    qputenv("XDG_CONFIG_HOME", previous);
    if (previous.isEmpty()) {
        qunsetenv("XDG_CONFIG_HOME");
    }
}
