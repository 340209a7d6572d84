#pragma once

#include <QIcon>
#include <QSystemTrayIcon>

class QAction;
class QMenu;

namespace Portolan::Ui {

// The system tray icon: the app icon with a badge counting unread notifications, and a menu (Inbox, TTLs, Open
// Portolan, Pause notifications, Keep running in the tray, Start at login, Quit). A click on the icon asks for the
// window (showRequested); what the menu entries do is the window's business, through the signals.
class TrayIcon final : public QSystemTrayIcon
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    void setUnreadCount(int count);
    [[nodiscard]] int unreadCount() const { return m_unread; }
    void setPaused(bool paused);
    void setKeepRunning(bool keep);
    void setStartAtLogin(bool start);

    [[nodiscard]] QMenu *menu() const { return m_menu; }
    [[nodiscard]] QAction *pauseAction() const { return m_pause; }
    [[nodiscard]] QAction *keepRunningAction() const { return m_keepRunning; }
    [[nodiscard]] QAction *startAtLoginAction() const { return m_startAtLogin; }

    // `base` with a red disc in its top right corner holding `count` ("99+" above 99); `base` alone for 0.
    [[nodiscard]] static QPixmap badged(const QIcon &base, int count, int size);

Q_SIGNALS:
    void showRequested();
    void inboxRequested();
    void ttlRequested();
    void pauseToggled(bool paused);
    void keepRunningToggled(bool keep);
    void startAtLoginToggled(bool start);
    void quitRequested();

private:
    void updateIcon();

    QMenu *m_menu;
    QAction *m_pause;
    QAction *m_keepRunning;
    QAction *m_startAtLogin;
    int m_unread = 0;
    bool m_paused = false;
};

} // namespace Portolan::Ui
