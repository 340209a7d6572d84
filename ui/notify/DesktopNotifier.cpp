#include "DesktopNotifier.h"

#include "config/Paths.h"
#include "widgets/Icons.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

const QString interfaceName = u"org.freedesktop.Notifications"_s;
const QString defaultAction = u"default"_s;
const QString approveAction = u"approve"_s;
const QString rejectAction = u"reject"_s;

bool isDaemonThere()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        return false;
    }
    const QString name = DesktopNotifier::service.toString();
    if (bus.interface()->isServiceRegistered(name)) {
        return true;
    }
    // Most daemons start on the first call (D-Bus activation).
    const QDBusReply<QStringList> activatable = bus.interface()->call(u"ListActivatableNames"_s);
    return activatable.isValid() && activatable.value().contains(name);
}

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        const QString name = service.toString();
        const QString at = path.toString();
        m_connected =
            bus.connect(name, at, interfaceName, u"ActionInvoked"_s, this, SLOT(onActionInvoked(uint, QString)))
            && bus.connect(name, at, interfaceName, u"NotificationClosed"_s, this,
                           SLOT(onNotificationClosed(uint, uint)));
    }
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::setTrayIcon(QSystemTrayIcon *tray)
{
    if (m_tray) {
        disconnect(m_tray, nullptr, this, nullptr);
    }
    m_tray = tray;
    if (tray) {
        connect(tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_lastTrayMessage.target.isEmpty()) {
                Q_EMIT openRequested(m_lastTrayMessage.target, m_lastTrayMessage.notificationId);
            }
        });
    }
}

DesktopNotifier::Backend DesktopNotifier::backend() const
{
    if (m_connected && isDaemonThere()) {
        return Backend::FreeDesktop;
    }
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::isSystemTrayAvailable()) {
        return Backend::Tray;
    }
    return Backend::None;
}

QString DesktopNotifier::iconPath() const
{
    // The daemon takes an icon name or a file; the app icon is painted, so it is written out once.
    if (m_iconPath.isEmpty()) {
        const QString file = QDir(Paths::dataDir()).filePath(u"notification-icon.png"_s);
        QDir().mkpath(QFileInfo(file).absolutePath());
        if (QFileInfo::exists(file) || Icons::appIcon().pixmap(QSize(64, 64)).save(file, "PNG")) {
            m_iconPath = file;
        }
    }
    return m_iconPath;
}

DesktopNotifier::Backend DesktopNotifier::show(const Notification &notification)
{
    const Backend how = backend();
    const Shown shown{notification.id, notification.target, notification.runKey};
    if (how == Backend::FreeDesktop) {
        QStringList actions = {defaultAction, tr("Open")};
        if (notification.kind == Notification::Kind::ApprovalRequested && !notification.runKey.isEmpty()) {
            actions << approveAction << tr("Approve") << rejectAction << tr("Reject…");
        }
        const bool urgent = notification.kind == Notification::Kind::RunFailed
                            || notification.kind == Notification::Kind::TtlExpired
                            || notification.kind == Notification::Kind::SyncFailing;
        QVariantMap hints;
        hints.insert(u"desktop-entry"_s, QGuiApplication::desktopFileName());
        hints.insert(u"urgency"_s, QVariant::fromValue(uchar(urgent ? 2 : 1)));
        hints.insert(u"category"_s, notification.kind == Notification::Kind::ApprovalRequested
                                        ? u"im.received"_s
                                        : (urgent ? u"transfer.error"_s : u"transfer.complete"_s));
        QDBusMessage call =
            QDBusMessage::createMethodCall(service.toString(), path.toString(), interfaceName, u"Notify"_s);
        call << QGuiApplication::applicationDisplayName() << uint(0) << iconPath() << notification.title
             << notification.body << actions << hints << int(-1);
        auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, shown] {
            watcher->deleteLater();
            const QDBusPendingReply<uint> reply = *watcher;
            if (reply.isError()) {
                qWarning("Notification not shown: %s", qPrintable(reply.error().message()));
                if (m_tray && m_tray->isVisible()) {
                    m_lastTrayMessage = shown;
                }
                return;
            }
            m_shown.insert(reply.value(), shown);
            Q_EMIT delivered(shown.notificationId, reply.value());
        });
        return how;
    }
    if (how == Backend::Tray) {
        m_lastTrayMessage = shown;
        m_tray->showMessage(notification.title, notification.body, m_tray->icon(), 10000);
    }
    return how;
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_shown.constFind(id);
    if (it == m_shown.cend()) {
        return; // another application's notification
    }
    const Shown shown = *it;
    if (action == approveAction || action == rejectAction) {
        Q_EMIT decisionRequested(shown.runKey, action == approveAction);
    } else {
        Q_EMIT openRequested(shown.target, shown.notificationId);
    }
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    m_shown.remove(id);
}

} // namespace Portolan::Ui
