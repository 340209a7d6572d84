#include "DeviceFlow.h"

#include "sources/SourceConfig.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// Never log a token, a refresh token or the device code here: only states, intervals and error codes.
Q_LOGGING_CATEGORY(lcDeviceFlow, "portolan.auth", QtInfoMsg)
} // namespace

namespace Portolan::Core {

namespace {

const auto deviceGrant = u"urn:ietf:params:oauth:grant-type:device_code"_s;

QDateTime fromIso(const QJsonValue &value)
{
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODateWithMs) : QDateTime();
}

} // namespace

bool DeviceFlowToken::needsRefresh(const QDateTime &now, std::chrono::seconds margin) const
{
    return expiresAt.isValid() && now.addSecs(margin.count()) >= expiresAt;
}

bool DeviceFlowToken::canRefresh(const QDateTime &now) const
{
    return !refreshToken.isEmpty() && (!refreshExpiresAt.isValid() || now < refreshExpiresAt);
}

QString DeviceFlowToken::refreshRecord() const
{
    if (refreshToken.isEmpty()) {
        return {};
    }
    QJsonObject o;
    o.insert("refresh_token"_L1, refreshToken);
    if (expiresAt.isValid()) {
        o.insert("expires_at"_L1, expiresAt.toUTC().toString(Qt::ISODateWithMs));
    }
    if (refreshExpiresAt.isValid()) {
        o.insert("refresh_token_expires_at"_L1, refreshExpiresAt.toUTC().toString(Qt::ISODateWithMs));
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool DeviceFlowToken::readRefreshRecord(const QString &record)
{
    const QJsonDocument doc = QJsonDocument::fromJson(record.toUtf8());
    const QJsonObject o = doc.object();
    const QString token = o.value("refresh_token"_L1).toString();
    if (!doc.isObject() || token.isEmpty()) {
        return false;
    }
    refreshToken = token;
    expiresAt = fromIso(o.value("expires_at"_L1));
    refreshExpiresAt = fromIso(o.value("refresh_token_expires_at"_L1));
    return true;
}

QString DeviceFlowToken::refreshKey(const QString &scope, const QString &name)
{
    // A '#' cannot start a credential name in YAML without quoting, so this never meets a real credential's key.
    return scope + u'/' + name + u"#refresh"_s;
}

DeviceFlow::Settings DeviceFlow::Settings::fromCredential(const CredentialConfig &credential)
{
    Settings s;
    s.clientId = credential.clientId;
    s.url = QUrl(credential.oauthUrl());
    s.scopes = credential.scopes;
    return s;
}

DeviceFlow::DeviceFlow(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock ? clock : &Clock::system())
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &DeviceFlow::poll);
}

DeviceFlow::~DeviceFlow()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QNetworkReply *DeviceFlow::post(const QString &path, const QList<QPair<QString, QString>> &form)
{
    QUrl url = m_settings.url;
    url.setPath(url.path().remove(QRegularExpression(u"/+$"_s)) + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    // Without it GitHub answers form-encoded.
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "Portolan");
    request.setTransferTimeout(int(m_transferTimeout.count()));
    QByteArray body;
    for (const auto &[key, value] : form) {
        body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return m_network->post(request, body);
}

void DeviceFlow::start(const Settings &settings)
{
    if (isRunning()) {
        cancel();
    }
    m_settings = settings;
    m_deviceCode.clear();
    m_userCode.clear();
    m_verificationUri.clear();
    m_expiresAt = {};
    m_interval = defaultIntervalSeconds;
    m_polls = 0;
    if (settings.clientId.isEmpty()) {
        m_state = State::RequestingCode; // so finish() reports it like any other outcome
        Error e = makeError(Error::Code::Config, tr("The credential has no client id of a GitHub App or OAuth app"));
        e.field = u"clientId"_s;
        finish(e);
        return;
    }
    m_state = State::RequestingCode;
    qCInfo(lcDeviceFlow) << "device flow: requesting a code from" << settings.url.host();
    QList<QPair<QString, QString>> form = {{u"client_id"_s, settings.clientId}};
    if (!settings.scopes.isEmpty()) {
        form.append({u"scope"_s, settings.scopes.join(u' ')});
    }
    m_reply = post(u"/login/device/code"_s, form);
    connect(m_reply, &QNetworkReply::finished, this, &DeviceFlow::onCodeReply);
}

void DeviceFlow::refresh(const Settings &settings, const QString &refreshToken)
{
    if (isRunning()) {
        cancel();
    }
    m_settings = settings;
    m_state = State::Refreshing;
    qCInfo(lcDeviceFlow) << "refreshing a user access token at" << settings.url.host();
    m_reply = post(u"/login/oauth/access_token"_s, {{u"client_id"_s, settings.clientId},
                                                    {u"grant_type"_s, u"refresh_token"_s},
                                                    {u"refresh_token"_s, refreshToken}});
    connect(m_reply, &QNetworkReply::finished, this, &DeviceFlow::onTokenReply);
}

void DeviceFlow::cancel()
{
    if (!isRunning()) {
        return;
    }
    qCInfo(lcDeviceFlow) << "device flow cancelled";
    finish(makeError(Error::Code::Cancelled, tr("Sign-in cancelled")));
}

void DeviceFlow::finish(Result<DeviceFlowToken> result)
{
    m_timer->stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        if (reply->isRunning()) {
            reply->abort();
        }
        reply->deleteLater();
    }
    m_state = State::Idle;
    m_deviceCode.clear();
    if (!result.ok()) {
        qCInfo(lcDeviceFlow) << "device flow ended:" << Error::codeName(result.error().code) << result.error().detail;
    } else {
        qCInfo(lcDeviceFlow) << "device flow: signed in" << (result->expires() ? "(expiring token)" : "");
    }
    Q_EMIT finished(result);
}

Error DeviceFlow::errorFor(const QString &code, const QString &description, const QString &uri) const
{
    const QString host = m_settings.url.host();
    Error e;
    if (code == u"expired_token"_s || code == u"token_expired"_s) {
        e = makeError(Error::Code::Timeout,
                      tr("The sign-in code expired before it was entered. Start the sign-in again for a new code."));
    } else if (code == u"access_denied"_s) {
        e = makeError(Error::Code::Auth, tr("The sign-in was declined on %1. If that was a mistake, start the "
                                            "sign-in again: a declined code cannot be used twice.")
                                             .arg(host));
    } else if (code == u"incorrect_client_credentials"_s) {
        e = makeError(Error::Code::Config, tr("%1 does not know the client id “%2”. Check the credential's clientId in "
                                              "portolan.yaml: it is the app's client id, not its app id.")
                                               .arg(host, m_settings.clientId));
        e.field = u"clientId"_s;
    } else if (code == u"device_flow_disabled"_s) {
        e = makeError(Error::Code::Config, tr("Device flow is not enabled for this app on %1. An owner of the app "
                                              "must enable it in the app's settings.")
                                               .arg(host));
    } else if (code == u"unsupported_grant_type"_s) {
        e = makeError(Error::Code::Unsupported, tr("%1 does not accept the device flow's grant type").arg(host));
    } else if (code == u"incorrect_device_code"_s) {
        e = makeError(Error::Code::Auth,
                      tr("%1 did not accept the device code. Start the sign-in again for a new code.").arg(host));
    } else if (code == u"bad_refresh_token"_s) {
        e = makeError(Error::Code::Auth,
                      tr("The saved sign-in has expired or was revoked. Sign in with GitHub again."));
    } else {
        e = makeError(Error::Code::Auth,
                      tr("%1 refused the sign-in: %2").arg(host, description.isEmpty() ? code : description));
    }
    e.detail = uri.isEmpty() ? u"%1: %2"_s.arg(code, description) : u"%1: %2 (%3)"_s.arg(code, description, uri);
    return e;
}

Error DeviceFlow::replyError(QNetworkReply *reply, const QByteArray &body) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    Error e;
    if (object.value("error"_L1).isString()) {
        e = errorFor(object.value("error"_L1).toString(), object.value("error_description"_L1).toString(),
                     object.value("error_uri"_L1).toString());
    } else if (reply->error() == QNetworkReply::OperationCanceledError
               || reply->error() == QNetworkReply::TimeoutError) {
        e = makeError(Error::Code::Timeout, tr("%1 did not answer in time").arg(m_settings.url.host()),
                      reply->errorString());
    } else if (status == 404) {
        e = makeError(Error::Code::Http,
                      tr("%1 has no device sign-in (HTTP 404). Check the credential's url: it must be the GitHub "
                         "server itself, such as https://github.com")
                          .arg(m_settings.url.host()),
                      reply->errorString());
    } else if (status != 0) {
        e = makeError(Error::Code::Http, tr("%1 answered with HTTP %2").arg(m_settings.url.host()).arg(status),
                      reply->errorString());
    } else {
        e = makeError(Error::Code::Network, tr("Could not reach %1").arg(m_settings.url.host()), reply->errorString());
    }
    e.httpStatus = status;
    return e;
}

void DeviceFlow::onCodeReply()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_state != State::RequestingCode) {
        return;
    }
    m_reply = nullptr;
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (reply->error() != QNetworkReply::NoError || object.contains("error"_L1)) {
        finish(replyError(reply, body));
        return;
    }
    m_deviceCode = object.value("device_code"_L1).toString();
    m_userCode = object.value("user_code"_L1).toString();
    m_verificationUri = QUrl(object.value("verification_uri"_L1).toString());
    const int expiresIn = object.value("expires_in"_L1).toInt(900);
    m_interval = std::max(1, object.value("interval"_L1).toInt(defaultIntervalSeconds));
    if (m_deviceCode.isEmpty() || m_userCode.isEmpty() || !m_verificationUri.isValid()
        || m_verificationUri.isRelative()) {
        finish(makeError(Error::Code::Parse,
                         tr("%1 answered the sign-in request without a usable code").arg(m_settings.url.host()),
                         QString::fromUtf8(body.left(200)).remove(m_deviceCode)));
        return;
    }
    m_expiresAt = m_clock->now().addSecs(expiresIn);
    m_state = State::WaitingForUser;
    qCInfo(lcDeviceFlow) << "device flow: code ready, expires in" << expiresIn << "s, polling every" << m_interval
                         << "s";
    Q_EMIT codeReady(m_userCode, m_verificationUri, m_expiresAt);
    if (m_state == State::WaitingForUser) { // a receiver may have cancelled
        schedulePoll();
    }
}

void DeviceFlow::schedulePoll()
{
    m_timer->start(std::chrono::milliseconds(m_secondLength.count() * m_interval));
}

void DeviceFlow::poll()
{
    if (m_state != State::WaitingForUser) {
        return;
    }
    if (m_clock->now() >= m_expiresAt) {
        finish(errorFor(u"expired_token"_s, u"the code expired before it was entered (local clock)"_s, {}));
        return;
    }
    ++m_polls;
    m_reply =
        post(u"/login/oauth/access_token"_s,
             {{u"client_id"_s, m_settings.clientId}, {u"device_code"_s, m_deviceCode}, {u"grant_type"_s, deviceGrant}});
    connect(m_reply, &QNetworkReply::finished, this, &DeviceFlow::onTokenReply);
}

Result<DeviceFlowToken> DeviceFlow::tokenFrom(const QJsonObject &object) const
{
    DeviceFlowToken token;
    token.accessToken = object.value("access_token"_L1).toString();
    token.tokenType = object.value("token_type"_L1).toString();
    token.scope = object.value("scope"_L1).toString();
    token.refreshToken = object.value("refresh_token"_L1).toString();
    if (token.accessToken.isEmpty()) {
        return makeError(Error::Code::Parse, tr("%1 answered without an access token").arg(m_settings.url.host()),
                         u"keys: %1"_s.arg(object.keys().join(u", "_s)));
    }
    if (!token.tokenType.isEmpty() && token.tokenType.compare(u"bearer"_s, Qt::CaseInsensitive) != 0) {
        return makeError(Error::Code::Unsupported, tr("%1 issued a token of type “%2”, which Portolan cannot use")
                                                       .arg(m_settings.url.host(), token.tokenType));
    }
    const QDateTime now = m_clock->now();
    if (object.value("expires_in"_L1).toInt() > 0) {
        token.expiresAt = now.addSecs(object.value("expires_in"_L1).toInt());
    }
    if (object.value("refresh_token_expires_in"_L1).toInt() > 0) {
        token.refreshExpiresAt = now.addSecs(object.value("refresh_token_expires_in"_L1).toInt());
    }
    return token;
}

void DeviceFlow::onTokenReply()
{
    QNetworkReply *reply = m_reply;
    if (!reply || (m_state != State::WaitingForUser && m_state != State::Refreshing)) {
        return;
    }
    m_reply = nullptr;
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString error = object.value("error"_L1).toString();
    if (m_state == State::WaitingForUser && reply->error() == QNetworkReply::NoError) {
        // GitHub answers 200 with an `error` until the user has entered the code.
        if (error == u"authorization_pending"_s) {
            schedulePoll();
            return;
        }
        if (error == u"slow_down"_s) {
            m_interval = std::max(m_interval + slowDownSeconds, object.value("interval"_L1).toInt());
            qCInfo(lcDeviceFlow) << "device flow: slow_down, polling every" << m_interval << "s";
            Q_EMIT intervalChanged(m_interval);
            schedulePoll();
            return;
        }
    }
    if (reply->error() != QNetworkReply::NoError || !error.isEmpty()) {
        finish(replyError(reply, body));
        return;
    }
    finish(tokenFrom(object));
}

} // namespace Portolan::Core
