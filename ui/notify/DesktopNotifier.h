#pragma once

#include "notify/Notification.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace Portolan::Ui {

// Shows notifications on the desktop: through the notification daemon (org.freedesktop.Notifications on the
// session bus) where there is one, with buttons (open; and Approve, Reject… for an approval request); else as the
// tray icon's balloon; else not at all (the Inbox has every notification anyway).
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    enum class Backend { None, FreeDesktop, Tray };

    static constexpr QStringView service = u"org.freedesktop.Notifications";
    static constexpr QStringView path = u"/org/freedesktop/Notifications";

    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    // The fallback when there is no notification daemon; may be null.
    void setTrayIcon(QSystemTrayIcon *tray);
    // What would show a notification now.
    [[nodiscard]] Backend backend() const;
    // Shows `notification`; returns how (None: not shown).
    Backend show(const Core::Notification &notification);

Q_SIGNALS:
    // Its default action (a click on it): open what it is about.
    void openRequested(const Portolan::Core::NotificationTarget &target, const QString &notificationId);
    // Approve or Reject… on an approval request's notification.
    void decisionRequested(const QString &runKey, bool approve);
    // The daemon took it (its id there); for tests and logging.
    void delivered(const QString &notificationId, uint daemonId);

private Q_SLOTS:
    // QtDBus connects signals of the bus by name only, so these two are slots.
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Shown
    {
        QString notificationId;
        Core::NotificationTarget target;
        QString runKey;
    };
    [[nodiscard]] QString iconPath() const;

    QPointer<QSystemTrayIcon> m_tray;
    QHash<uint, Shown> m_shown; // by the daemon's id
    Shown m_lastTrayMessage; // a balloon: only the last one can be clicked
    bool m_connected = false;
    mutable QString m_iconPath;
};

} // namespace Portolan::Ui
