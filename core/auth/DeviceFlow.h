#pragma once

#include "util/Result.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <chrono>

class QJsonObject;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Portolan::Core {

class Clock;
struct CredentialConfig;

// What GitHub hands out at the end of a device flow (or a refresh). The access token is stored in the keychain under
// the credential's own key, like a pasted token; GitHub Apps with expiring user tokens also return a refresh token,
// which is stored under `refreshKey()` together with the expiry times (see `refreshRecord()`).
struct DeviceFlowToken
{
    QString accessToken;
    QString tokenType; // "bearer"
    QString scope; // as granted, comma-separated; empty for GitHub Apps
    QString refreshToken; // empty when the tokens do not expire
    QDateTime expiresAt; // of the access token; invalid when it does not expire
    QDateTime refreshExpiresAt; // of the refresh token; invalid when unknown

    [[nodiscard]] bool expires() const { return expiresAt.isValid(); }
    // True once the access token has expired or will within `margin` (so a sync does not start with a dying token).
    [[nodiscard]] bool needsRefresh(const QDateTime &now, std::chrono::seconds margin = std::chrono::minutes(5)) const;
    [[nodiscard]] bool canRefresh(const QDateTime &now) const;

    // The keychain value under refreshKey(): JSON with the refresh token and both expiry times. Empty without one.
    [[nodiscard]] QString refreshRecord() const;
    // Reads a refreshRecord() back into refreshToken, expiresAt and refreshExpiresAt; false when it is not one.
    [[nodiscard]] bool readRefreshRecord(const QString &record);
    // The second keychain key of a credential, beside TokenStore::keyFor(scope, name).
    [[nodiscard]] static QString refreshKey(const QString &scope, const QString &name);
};

// The OAuth 2.0 device authorization grant (RFC 8628) as GitHub implements it, for a GitHub App or OAuth app:
//   1. POST {url}/login/device/code (client_id, scope) -> device_code, user_code, verification_uri, expires_in,
//      interval; `codeReady` tells the UI what to show.
//   2. POST {url}/login/oauth/access_token (client_id, device_code, grant_type=...device_code) every `interval`
//      seconds until the user has entered the code (authorization_pending; slow_down adds 5 seconds), the code
//      expires, or the user declines.
// `finished` is emitted exactly once per start() or refresh(), also after cancel() (with Error::Code::Cancelled).
// Lives on the calling thread and uses the QNetworkAccessManager given to it (which must outlive it). Tokens are never
// logged.
class DeviceFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceFlow)

public:
    struct Settings
    {
        QString clientId;
        QUrl url = QUrl(QStringLiteral("https://github.com")); // GitHub Enterprise Server: its own address
        QStringList scopes;

        [[nodiscard]] static Settings fromCredential(const CredentialConfig &credential);
    };
    enum class State { Idle, RequestingCode, WaitingForUser, Refreshing };
    Q_ENUM(State)

    static constexpr int slowDownSeconds = 5; // RFC 8628 3.5, and GitHub's documentation
    static constexpr int defaultIntervalSeconds = 5;

    explicit DeviceFlow(QNetworkAccessManager *network, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~DeviceFlow() override;

    // How long one of the server's seconds lasts on the poll timer: tests shrink it so a 5 s interval takes
    // milliseconds. Expiry is always judged by the Clock, in the server's seconds.
    void setSecondLength(std::chrono::milliseconds length) { m_secondLength = length; }
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_transferTimeout = timeout; }

    // Starts a new sign-in, cancelling one still running.
    void start(const Settings &settings);
    // Trades a refresh token for a new access token (and a new refresh token): GitHub Apps with expiring user tokens.
    // No client secret is needed for tokens that came from the device flow.
    void refresh(const Settings &settings, const QString &refreshToken);
    void cancel();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isRunning() const { return m_state != State::Idle; }
    [[nodiscard]] QString userCode() const { return m_userCode; }
    [[nodiscard]] QUrl verificationUri() const { return m_verificationUri; }
    [[nodiscard]] QDateTime expiresAt() const { return m_expiresAt; }
    [[nodiscard]] int intervalSeconds() const { return m_interval; }
    [[nodiscard]] int pollCount() const { return m_polls; }

Q_SIGNALS:
    void codeReady(const QString &userCode, const QUrl &verificationUri, const QDateTime &expiresAt);
    void intervalChanged(int seconds); // after slow_down
    void finished(const Portolan::Core::Result<Portolan::Core::DeviceFlowToken> &result);

private:
    [[nodiscard]] QNetworkReply *post(const QString &path, const QList<QPair<QString, QString>> &form);
    void onCodeReply();
    void onTokenReply();
    void schedulePoll();
    void poll();
    void finish(Result<DeviceFlowToken> result);
    [[nodiscard]] Result<DeviceFlowToken> tokenFrom(const QJsonObject &object) const;
    [[nodiscard]] Error errorFor(const QString &code, const QString &description, const QString &uri) const;
    [[nodiscard]] Error replyError(QNetworkReply *reply, const QByteArray &body) const;

    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    QTimer *m_timer;
    QPointer<QNetworkReply> m_reply;
    Settings m_settings;
    State m_state = State::Idle;
    QString m_deviceCode; // a secret of this sign-in: never logged
    QString m_userCode;
    QUrl m_verificationUri;
    QDateTime m_expiresAt;
    int m_interval = defaultIntervalSeconds;
    int m_polls = 0;
    std::chrono::milliseconds m_secondLength{1000};
    std::chrono::milliseconds m_transferTimeout{30000};
};

} // namespace Portolan::Core

Q_DECLARE_METATYPE(Portolan::Core::DeviceFlowToken)
