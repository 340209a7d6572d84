#pragma once

#include "notify/DesktopNotifier.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Portolan::Ui {

// The first start (no workspace yet): what Portolan is, three ways in (the demo, a workspace folder, a workspace
// repository to clone), and what this desktop offers or lacks: a keychain for tokens, a system tray, desktop
// notifications, each said plainly with what to do about it. Help › Welcome shows it again.
class WelcomeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeDialog)

public:
    // `notifications`: how the window's notifier would show a reminder now (DesktopNotifier::backend()).
    explicit WelcomeDialog(DesktopNotifier::Backend notifications, QWidget *parent = nullptr);
    ~WelcomeDialog() override;

    [[nodiscard]] QLineEdit *repositoryUrl() const { return m_url; }
    [[nodiscard]] QLineEdit *branch() const { return m_branch; }
    [[nodiscard]] QPushButton *cloneButton() const { return m_clone; }
    // The checks' lines as shown (for tests): keychain, tray, notifications.
    [[nodiscard]] QString keychainText() const;
    [[nodiscard]] QString trayText() const;
    [[nodiscard]] QString notificationsText() const;

Q_SIGNALS:
    void demoRequested();
    void folderRequested();
    void cloneRequested(const QString &url, const QString &branch);
    // The keychain check has its answer.
    void checked();

private:
    void checkKeychain();

    QLineEdit *m_url;
    QLineEdit *m_branch;
    QPushButton *m_clone;
    QLabel *m_keychain;
    QLabel *m_tray;
    QLabel *m_notifications;
};

} // namespace Portolan::Ui
