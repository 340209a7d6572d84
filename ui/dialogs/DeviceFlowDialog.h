#pragma once

#include "auth/DeviceFlow.h"
#include "sources/SourceConfig.h"

#include <QDialog>

class QLabel;
class QNetworkAccessManager;
class QProgressBar;
class QPushButton;
class QTimer;

namespace Portolan::Core {
class Clock;
class TokenStore;
} // namespace Portolan::Core

namespace Portolan::Ui {

// "Sign in with GitHub" for an oauth-device credential: asks GitHub for a one-time code, shows it large and
// selectable with Copy and Open GitHub buttons and a countdown until it expires, and waits (busy) while the user
// enters it in the browser. On success the access token is written to the keychain under `tokenKey`, exactly where
// a pasted token goes, and a refresh token (expiring GitHub App tokens) under `refreshKey`; then the dialog accepts.
// Cancel (or closing the dialog) stops the polling. The tokens are never shown.
class DeviceFlowDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceFlowDialog)

public:
    DeviceFlowDialog(const Core::CredentialConfig &credential, QString tokenKey, QString refreshKey,
                     Core::TokenStore *tokens, QWidget *parent = nullptr, Core::Clock *clock = nullptr);
    ~DeviceFlowDialog() override;

    // Asks for a code; called once the dialog is set up (tests shrink the flow's seconds first).
    void start();

    [[nodiscard]] Core::DeviceFlow *flow() const { return m_flow; }
    [[nodiscard]] QLabel *codeLabel() const { return m_code; }
    [[nodiscard]] QLabel *countdownLabel() const { return m_countdown; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] QPushButton *copyButton() const { return m_copy; }
    [[nodiscard]] QPushButton *openButton() const { return m_open; }
    [[nodiscard]] QPushButton *retryButton() const { return m_retry; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] QProgressBar *busyIndicator() const { return m_busy; }
    [[nodiscard]] bool hasStoredToken() const { return m_stored; }

Q_SIGNALS:
    // The access token is in the keychain (or in memory, without one): sources should pick it up.
    void tokenStored(const QString &credentialName);

protected:
    void reject() override;

private:
    void showCode(const QString &userCode, const QUrl &verificationUri, const QDateTime &expiresAt);
    void onFinished(const Core::Result<Core::DeviceFlowToken> &result);
    void store(const Core::DeviceFlowToken &token);
    void showError(const QString &message);
    void updateCountdown();
    void copyCode();
    void openBrowser();

    Core::CredentialConfig m_credential;
    QString m_tokenKey;
    QString m_refreshKey;
    Core::TokenStore *m_tokens;
    Core::Clock *m_clock;
    QNetworkAccessManager *m_network;
    Core::DeviceFlow *m_flow;
    QTimer *m_tick;
    QUrl m_verificationUri;
    QDateTime m_expiresAt;
    bool m_stored = false;

    QLabel *m_intro;
    QLabel *m_code;
    QLabel *m_countdown;
    QLabel *m_status;
    QProgressBar *m_busy;
    QPushButton *m_copy;
    QPushButton *m_open;
    QPushButton *m_retry;
    QPushButton *m_cancel;
};

} // namespace Portolan::Ui
