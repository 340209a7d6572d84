#include "HttpClient.h"

#include "EnvironmentProxyFactory.h"
#include "NetLogging.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslKey>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

// QCoreApplication::translate() in the "HttpClient" context, also inside member functions (where tr() would use the
// class's qualified name).
QString httpTr(const char *text, int n = -1)
{
    return QCoreApplication::translate("HttpClient", text, nullptr, n);
}

constexpr int maxRedirects = 10;
constexpr qint64 backoffBaseMs = 250; // 250 ms, 500 ms, 1 s, ... for 502/503/504 and dropped connections
constexpr qint64 backoffMaxMs = 8'000;
constexpr int cancelPollMs = 50;
constexpr qsizetype detailBytes = 300;
constexpr int cutOffError = -1; // our own "network error" for a body shorter than its Content-Length

bool isIdempotent(const QByteArray &verb)
{
    return verb == "GET" || verb == "HEAD" || verb == "PUT" || verb == "DELETE" || verb == "OPTIONS";
}

int defaultPort(const QUrl &url)
{
    return url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 ? 443 : 80;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
           && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

bool isSecretName(const QString &name)
{
    static const QStringList parts = {u"token"_s, u"secret"_s,     u"password"_s, u"passwd"_s,  u"pwd"_s, u"key"_s,
                                      u"sig"_s,   u"credential"_s, u"auth"_s,     u"session"_s, u"code"_s};
    const QString lower = name.toLower();
    return std::any_of(parts.cbegin(), parts.cend(), [&lower](const QString &p) { return lower.contains(p); });
}

// The server's own explanation: GitHub's and GitLab's {"message": ...} (with GitHub's "errors", strings or objects
// with a message or a field and code, after it), Backstage's {"error": {"message": ...}}, OAuth's
// {"error": "...", "error_description": "..."}; otherwise the start of the body.
QString serverMessage(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject object = doc.object();
        const QJsonValue message = object.value("message"_L1);
        if (message.isString() && !message.toString().isEmpty()) {
            QStringList errors;
            for (const QJsonValue &e : object.value("errors"_L1).toArray()) {
                const QJsonObject o = e.toObject();
                const QString text =
                    e.isString() ? e.toString()
                    : o.value("message"_L1).isString()
                        ? o.value("message"_L1).toString()
                        : u"%1 %2"_s.arg(o.value("field"_L1).toString(), o.value("code"_L1).toString()).trimmed();
                if (!text.isEmpty()) {
                    errors.append(text);
                }
            }
            return errors.isEmpty() ? message.toString() : message.toString() + u": "_s + errors.join(u"; "_s);
        }
        const QJsonValue error = object.value("error"_L1);
        if (error.isObject()) {
            const QJsonValue inner = error.toObject().value("message"_L1);
            if (inner.isString() && !inner.toString().isEmpty()) {
                return inner.toString();
            }
        } else if (error.isString() && !error.toString().isEmpty()) {
            const QJsonValue description = object.value("error_description"_L1);
            return description.isString() ? error.toString() + u": "_s + description.toString() : error.toString();
        }
    }
    return QString::fromUtf8(body.left(detailBytes)).trimmed();
}

// Retry-After: delay-seconds or an HTTP-date (RFC 9110 10.2.3).
std::optional<qint64> parseRetryAfter(const QByteArray &raw, const QDateTime &now)
{
    const QByteArray value = raw.trimmed();
    if (value.isEmpty()) {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok) {
        return std::max<qint64>(0, seconds);
    }
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    if (date.isValid()) {
        return std::max<qint64>(0, now.secsTo(date));
    }
    return std::nullopt;
}

// GitHub's (and Gitea's, GitLab's) primary rate limit: the window's requests are used up until the reset time.
std::optional<qint64> rateLimitWait(const HttpResponse &response, const QDateTime &now)
{
    if (response.header("X-RateLimit-Remaining").trimmed() != "0") {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 reset = response.header("X-RateLimit-Reset").trimmed().toLongLong(&ok);
    if (!ok) {
        return std::nullopt;
    }
    return std::max<qint64>(0, reset - now.toSecsSinceEpoch());
}

// A body shorter (or longer) than its Content-Length: the connection closed in the middle of the answer.
bool isTruncated(const HttpResponse &response, const QByteArray &verb)
{
    if (verb == "HEAD" || response.status == 204 || response.status == 304 || response.status < 200) {
        return false;
    }
    const QByteArray encoding = response.header("Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity") {
        return false; // Qt decompressed the body; Content-Length counted the compressed bytes
    }
    bool ok = false;
    const qint64 length = response.header("Content-Length").trimmed().toLongLong(&ok);
    return ok && length != response.body.size();
}

Error fileError(const QString &message, const QString &path, const QString &detail = {})
{
    Error e = makeError(Error::Code::Config, message, detail);
    e.file = path;
    return e;
}

Result<QByteArray> readPemFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fileError(httpTr("Cannot read the TLS file %1: %2").arg(path, file.errorString()), path);
    }
    return file.readAll();
}

Result<QList<QSslCertificate>> certificatesFrom(const QByteArray &data, const QString &origin)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty()) {
        return fileError(httpTr("%1 holds no PEM certificate").arg(origin), origin);
    }
    return certificates;
}

Result<QSslKey> keyFrom(const QByteArray &data, const QString &origin)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(data, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull()) {
            return key;
        }
    }
    return fileError(httpTr("%1 holds no unencrypted RSA or EC private key in PEM form").arg(origin), origin);
}

// A PEM input given either as a file or in memory (the file wins when both are set).
Result<QByteArray> pemInput(const QString &path, const QByteArray &data)
{
    return path.isEmpty() ? Result<QByteArray>(data) : readPemFile(path);
}

Result<QSslConfiguration> makeSslConfiguration(const HttpTls &tls)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (!tls.verify) {
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    const QString caOrigin = tls.caBundle.isEmpty() ? httpTr("The in-memory CA data") : tls.caBundle;
    if (!tls.caBundle.isEmpty() || !tls.caData.isEmpty()) {
        Result<QByteArray> pem = pemInput(tls.caBundle, tls.caData);
        if (!pem.ok()) {
            return pem.error();
        }
        Result<QList<QSslCertificate>> extra = certificatesFrom(pem.value(), caOrigin);
        if (!extra.ok()) {
            return extra.error();
        }
        // The default configuration loads the system roots on demand, and setting a CA list turns that off: so the
        // list is the system roots plus the bundle's, spelled out.
        QList<QSslCertificate> authorities = configuration.caCertificates();
        for (const QSslCertificate &c : QSslConfiguration::systemCaCertificates()) {
            if (!authorities.contains(c)) {
                authorities.append(c);
            }
        }
        authorities += extra.value();
        configuration.setCaCertificates(authorities);
    }
    const bool hasCertificate = !tls.clientCertificate.isEmpty() || !tls.clientCertificateData.isEmpty();
    const bool hasKey = !tls.clientKey.isEmpty() || !tls.clientKeyData.isEmpty();
    if (hasCertificate) {
        const QString certOrigin =
            tls.clientCertificate.isEmpty() ? httpTr("The in-memory client certificate") : tls.clientCertificate;
        Result<QByteArray> certPem = pemInput(tls.clientCertificate, tls.clientCertificateData);
        if (!certPem.ok()) {
            return certPem.error();
        }
        Result<QList<QSslCertificate>> chain = certificatesFrom(certPem.value(), certOrigin);
        if (!chain.ok()) {
            return chain.error();
        }
        // Without a key the key may sit in the certificate's file, as curl allows.
        Result<QByteArray> keyPem = hasKey ? pemInput(tls.clientKey, tls.clientKeyData) : certPem;
        if (!keyPem.ok()) {
            return keyPem.error();
        }
        const QString keyOrigin = !tls.clientKey.isEmpty() ? tls.clientKey
                                  : hasKey                 ? httpTr("The in-memory client key")
                                                           : certOrigin;
        Result<QSslKey> key = keyFrom(keyPem.value(), keyOrigin);
        if (!key.ok()) {
            return key.error();
        }
        configuration.setLocalCertificateChain(chain.value());
        configuration.setPrivateKey(key.value());
    } else if (hasKey) {
        const QString keyOrigin = tls.clientKey.isEmpty() ? httpTr("The in-memory client key") : tls.clientKey;
        return fileError(httpTr("The client key %1 is set without a client certificate").arg(keyOrigin), keyOrigin);
    }
    return configuration;
}

QByteArray userAgent()
{
    const QString version = QCoreApplication::applicationVersion();
    return version.isEmpty() ? QByteArray("Portolan") : QByteArray("Portolan/") + version.toUtf8();
}

void setAuthHeader(QNetworkRequest &request, const HttpAuth &auth)
{
    switch (auth.kind) {
    case HttpAuth::Kind::None:
        break;
    case HttpAuth::Kind::Bearer:
        if (!auth.secret.isEmpty()) {
            request.setRawHeader("Authorization", QByteArray("Bearer ") + auth.secret.toUtf8());
        }
        break;
    case HttpAuth::Kind::Basic:
        if (!auth.user.isEmpty() || !auth.secret.isEmpty()) {
            const QByteArray pair = auth.user.toUtf8() + ':' + auth.secret.toUtf8();
            request.setRawHeader("Authorization", QByteArray("Basic ") + pair.toBase64());
        }
        break;
    case HttpAuth::Kind::Header:
        if (!auth.headerName.isEmpty() && !auth.secret.isEmpty()) {
            request.setRawHeader(auth.headerName, auth.secret.toUtf8());
        }
        break;
    }
}

} // namespace

struct HttpClient::Pending
{
    QByteArray verb;
    QUrl url; // as asked: the key of its validators and the origin its credentials belong to
    QUrl current; // after redirects
    QByteArray body;
    QByteArray contentType;
    Callback done;
    const std::atomic_bool *cancel = nullptr;
    int attempts = 0; // sends of `current`
    int redirects = 0;
    bool sentValidators = false;
    bool abortedByCancel = false;
    bool finished = false;
    QPointer<QNetworkReply> reply;
    QTimer *wait = nullptr; // between attempts
    QTimer *poll = nullptr; // watches `cancel`
    QStringList sslErrors;
    QString reason; // the HTTP reason phrase of the last answer

    [[nodiscard]] bool cancelled() const { return cancel && cancel->load(); }
};

struct HttpClient::Paging
{
    PageHandler onPage;
    DoneHandler done;
    const std::atomic_bool *cancel = nullptr;
    int maxPages = 0;
    int pages = 0;
    QSet<QUrl> seen;
};

struct HttpClient::Tls
{
    QSslConfiguration configuration;
    std::optional<Error> error;
};

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            return h.second;
        }
    }
    return {};
}

QUrl HttpResponse::nextLink() const
{
    for (const auto &h : headers) {
        if (h.first.compare("Link", Qt::CaseInsensitive) != 0) {
            continue;
        }
        const QByteArray &value = h.second;
        qsizetype pos = 0;
        while (pos < value.size()) {
            const qsizetype open = value.indexOf('<', pos);
            const qsizetype close = open == -1 ? -1 : value.indexOf('>', open + 1);
            if (close == -1) {
                break;
            }
            const QByteArray target = value.mid(open + 1, close - open - 1).trimmed();
            const qsizetype nextOpen = value.indexOf('<', close + 1);
            const QByteArray params = value.mid(close + 1, nextOpen == -1 ? -1 : nextOpen - close - 1);
            for (const QByteArray &param : params.split(';')) {
                const qsizetype eq = param.indexOf('=');
                if (eq == -1 || param.left(eq).trimmed().toLower() != "rel") {
                    continue;
                }
                QByteArray rel = param.mid(eq + 1).trimmed();
                while (rel.endsWith(',') || rel.endsWith(' ')) {
                    rel.chop(1);
                }
                if (rel.startsWith('"') && rel.endsWith('"') && rel.size() >= 2) {
                    rel = rel.mid(1, rel.size() - 2);
                }
                for (const QByteArray &type : rel.split(' ')) {
                    if (type.trimmed().toLower() == "next") {
                        return url.resolved(QUrl::fromEncoded(target));
                    }
                }
            }
            if (nextOpen == -1) {
                break;
            }
            pos = nextOpen;
        }
    }
    return {};
}

HttpClient::HttpClient(QNetworkAccessManager *network, HttpOptions options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_options(std::move(options))
    , m_clock(&Clock::system())
    , m_tls(std::make_unique<Tls>())
{
    Result<QSslConfiguration> tls = makeSslConfiguration(m_options.tls);
    if (tls.ok()) {
        m_tls->configuration = tls.value();
    } else {
        m_tls->error = tls.error();
        qCWarning(lcNet) << "TLS settings for" << redactedUrl(m_options.baseUrl) << "unusable:" << tls.error().message;
    }
    if (!m_options.tls.verify) {
        qCWarning(lcNet) << "TLS certificate verification is off for" << redactedUrl(m_options.baseUrl);
    }
    // Proxies: see EnvironmentProxyFactory. Only a network manager nobody configured gets it.
    EnvironmentProxyFactory::installOn(network);
}

HttpClient::~HttpClient()
{
    const QList<std::shared_ptr<Pending>> pending = std::exchange(m_pending, {});
    for (const std::shared_ptr<Pending> &p : pending) {
        p->finished = true;
        p->done = nullptr;
        if (p->reply) {
            disconnect(p->reply, nullptr, this, nullptr);
            p->reply->abort();
            p->reply->deleteLater();
        }
    }
}

Result<QSslConfiguration> HttpClient::sslConfiguration(const HttpTls &tls)
{
    return makeSslConfiguration(tls);
}

void HttpClient::applyAuth(QNetworkRequest &request, const HttpAuth &auth)
{
    setAuthHeader(request, auth);
}

void HttpClient::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::system();
}

QUrl HttpClient::resolve(const QString &pathAndQuery) const
{
    const QUrl relative(pathAndQuery);
    if (!relative.scheme().isEmpty() || m_options.baseUrl.isEmpty()) {
        return relative;
    }
    // Appended to the base path (an API root such as /api/v4 stays), not RFC 3986 resolution, which would drop
    // the base's last segment.
    QUrl out = m_options.baseUrl;
    QString basePath = out.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/')) {
        basePath.chop(1);
    }
    QString path = relative.path(QUrl::FullyEncoded);
    if (!path.isEmpty() && !path.startsWith(u'/')) {
        path.prepend(u'/');
    }
    out.setPath(basePath + path, QUrl::TolerantMode);
    out.setQuery(relative.hasQuery() ? relative.query(QUrl::FullyEncoded) : QString(), QUrl::TolerantMode);
    out.setFragment(QString());
    return out;
}

QString HttpClient::redactedUrl(const QUrl &url)
{
    QUrl out = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (out.hasQuery()) {
        const QList<QPair<QString, QString>> items = QUrlQuery(out).queryItems(QUrl::FullyEncoded);
        QStringList parts;
        for (const auto &item : items) {
            parts.append(item.first + u'=' + (isSecretName(item.first) ? u"***"_s : item.second));
        }
        out.setQuery(parts.join(u'&'), QUrl::TolerantMode);
    }
    return out.toDisplayString();
}

void HttpClient::clearValidators()
{
    m_validators.clear();
}

QHash<QUrl, QPair<QByteArray, QByteArray>> HttpClient::validators() const
{
    QHash<QUrl, QPair<QByteArray, QByteArray>> out;
    out.reserve(m_validators.size());
    for (auto it = m_validators.cbegin(); it != m_validators.cend(); ++it) {
        out.insert(it.key(), {it->etag, it->lastModified});
    }
    return out;
}

void HttpClient::setValidator(const QUrl &url, const QByteArray &etag, const QByteArray &lastModified)
{
    if (etag.isEmpty() && lastModified.isEmpty()) {
        m_validators.remove(url);
        return;
    }
    HttpResponse response;
    response.status = 200;
    response.url = url;
    m_validators.insert(url, {etag, lastModified, response});
}

void HttpClient::get(const QUrl &url, Callback done, const std::atomic_bool *cancel)
{
    send("GET", url, {}, {}, std::move(done), cancel);
}

void HttpClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                      Callback done, const std::atomic_bool *cancel)
{
    auto pending = std::make_shared<Pending>();
    pending->verb = verb.toUpper();
    pending->url = url;
    pending->current = url;
    pending->body = body;
    pending->contentType = contentType;
    pending->done = std::move(done);
    pending->cancel = cancel;
    m_pending.append(pending);

    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s)) {
        const Error e =
            makeError(Error::Code::Config, httpTr("\"%1\" is not an http or https URL").arg(redactedUrl(url)));
        QTimer::singleShot(0, this, [this, pending, e] { complete(pending, e); });
        return;
    }
    if (m_tls->error) {
        const Error e = *m_tls->error;
        QTimer::singleShot(0, this, [this, pending, e] { complete(pending, e); });
        return;
    }
    if (cancel) {
        pending->poll = new QTimer(this);
        pending->poll->setInterval(cancelPollMs);
        connect(pending->poll, &QTimer::timeout, this, [this, pending] { pollCancel(pending); });
        pending->poll->start();
    }
    // Always asynchronous, so `done` never runs inside the caller's call.
    QTimer::singleShot(0, this, [this, pending] { startAttempt(pending); });
}

void HttpClient::startAttempt(const std::shared_ptr<Pending> &pending)
{
    if (pending->finished) {
        return;
    }
    if (pending->cancelled()) {
        complete(pending, makeError(Error::Code::Cancelled, httpTr("Cancelled")));
        return;
    }
    if (!m_network) {
        complete(pending,
                 makeError(Error::Code::Internal, httpTr("No network manager for %1").arg(redactedUrl(pending->url))));
        return;
    }
    ++pending->attempts;
    ++m_requests;

    QNetworkRequest request(pending->current);
    // Redirects are followed here so that credentials never go to another origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(std::max(0, m_options.timeoutMs));
    if (pending->current.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0) {
        request.setSslConfiguration(m_tls->configuration);
        if (!m_options.tls.peerVerifyName.isEmpty()) {
            request.setPeerVerifyName(m_options.tls.peerVerifyName);
        }
    }
    request.setRawHeader("User-Agent", userAgent());
    for (const auto &header : std::as_const(m_options.headers)) {
        request.setRawHeader(header.first, header.second);
    }
    if (!pending->contentType.isEmpty()) {
        request.setRawHeader("Content-Type", pending->contentType);
    }
    if (sameOrigin(pending->current, pending->url)) {
        setAuthHeader(request, m_options.auth);
    }
    pending->sentValidators = false;
    if (pending->verb == "GET" && pending->redirects == 0) {
        const auto it = m_validators.constFind(pending->url);
        if (it != m_validators.constEnd()) {
            if (!it->etag.isEmpty()) {
                request.setRawHeader("If-None-Match", it->etag);
            }
            if (!it->lastModified.isEmpty()) {
                request.setRawHeader("If-Modified-Since", it->lastModified);
            }
            pending->sentValidators = true;
        }
    }

    QNetworkReply *reply = nullptr;
    if (pending->verb == "GET") {
        reply = m_network->get(request);
    } else if (pending->verb == "HEAD") {
        reply = m_network->head(request);
    } else {
        reply = m_network->sendCustomRequest(request, pending->verb, pending->body);
    }
    pending->reply = reply;
    pending->sslErrors.clear();
    qCDebug(lcNet) << pending->verb << redactedUrl(pending->current) << "attempt" << pending->attempts;
    connect(reply, &QNetworkReply::finished, this, [this, pending, reply] { finishReply(pending, reply); });
    connect(reply, &QNetworkReply::sslErrors, this, [pending](const QList<QSslError> &errors) {
        for (const QSslError &e : errors) {
            pending->sslErrors.append(e.errorString());
        }
    });
    if (pending->cancel) {
        connect(reply, &QNetworkReply::downloadProgress, this, [this, pending] { pollCancel(pending); });
    }
}

void HttpClient::pollCancel(const std::shared_ptr<Pending> &pending)
{
    if (pending->finished || !pending->cancelled()) {
        return;
    }
    if (pending->reply) {
        pending->abortedByCancel = true;
        pending->reply->abort(); // finished() follows, and finishReply() reports the cancel
        return;
    }
    complete(pending, makeError(Error::Code::Cancelled, httpTr("Cancelled")));
}

void HttpClient::finishReply(const std::shared_ptr<Pending> &pending, QNetworkReply *reply)
{
    reply->deleteLater();
    if (pending->finished || pending->reply != reply) {
        return;
    }
    pending->reply = nullptr;
    if (pending->abortedByCancel || pending->cancelled()) {
        complete(pending, makeError(Error::Code::Cancelled, httpTr("Cancelled")));
        return;
    }
    const QNetworkReply::NetworkError error = reply->error();
    const int code = int(error);
    // Connection, proxy and protocol failures; content (2xx codes) and server (4xx codes) errors are HTTP statuses.
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // Qt reports an HTTP 400 as ProtocolInvalidOperationError, among the protocol failures: with a status it is the
    // server's answer (a Prometheus query it cannot parse), not a broken connection.
    const bool answered400 = error == QNetworkReply::ProtocolInvalidOperationError && status.isValid();
    const bool transport =
        error != QNetworkReply::NoError && !answered400 && (code < 200 || (code >= 300 && code < 400));
    if (transport || !status.isValid()) {
        // A connection closed after the status line came: the body was cut off.
        const bool cutOff = error == QNetworkReply::RemoteHostClosedError && status.isValid();
        handleTransportError(pending, cutOff ? cutOffError : code, reply->errorString());
        return;
    }
    HttpResponse response;
    response.status = status.toInt();
    response.url = reply->url();
    response.headers = reply->rawHeaderPairs();
    response.body = reply->readAll();
    pending->reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (isTruncated(response, pending->verb)) {
        handleTransportError(pending, cutOffError,
                             httpTr("%1 of %2 bytes received")
                                 .arg(response.body.size())
                                 .arg(QString::fromLatin1(response.header("Content-Length"))));
        return;
    }
    handleStatus(pending, std::move(response));
}

qint64 HttpClient::backoffMs(int attempt) const
{
    return std::min(backoffMaxMs, backoffBaseMs << std::clamp(attempt - 1, 0, 10));
}

void HttpClient::handleTransportError(const std::shared_ptr<Pending> &pending, int networkError,
                                      const QString &errorString)
{
    const QString where = redactedUrl(pending->current);
    Error e;
    e.code = Error::Code::Network;
    e.detail = errorString;
    bool retry = false;
    switch (networkError) {
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts the reply; a cancel was handled before
    case QNetworkReply::TimeoutError:
        e.code = Error::Code::Timeout;
        e.message = httpTr("%1 sent nothing for %2 ms; the request timed out").arg(where).arg(m_options.timeoutMs);
        break;
    case QNetworkReply::ConnectionRefusedError:
        e.message = httpTr("%1 refused the connection; is the server running?").arg(where);
        break;
    case QNetworkReply::HostNotFoundError:
        e.message = httpTr("The host of %1 was not found").arg(where);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        e.message = httpTr("The secure connection to %1 failed").arg(where);
        if (!pending->sslErrors.isEmpty()) {
            e.detail = pending->sslErrors.join(u"; "_s);
        }
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        e.message = httpTr("The proxy for %1 failed").arg(where);
        break;
    case cutOffError:
        e.message = httpTr("The answer from %1 was cut off").arg(where);
        retry = true;
        break;
    default:
        // A dropped connection (RemoteHostClosed, TemporaryNetworkFailure, ...) is worth another try.
        e.message = httpTr("The connection to %1 failed").arg(where);
        retry = true;
        break;
    }
    if (retry && isIdempotent(pending->verb) && pending->attempts < m_options.maxAttempts) {
        const qint64 delay = backoffMs(pending->attempts);
        qCInfo(lcNet) << e.message << "(" << errorString << "); retrying in" << delay << "ms";
        retryLater(pending, delay);
        return;
    }
    complete(pending, e);
}

void HttpClient::handleStatus(const std::shared_ptr<Pending> &pending, HttpResponse response)
{
    const int status = response.status;
    const QString where = redactedUrl(pending->url);

    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        const QByteArray location = response.header("Location");
        if (!location.isEmpty()) {
            const QUrl target = pending->current.resolved(QUrl::fromEncoded(location.trimmed()));
            Error e;
            e.code = Error::Code::Http;
            e.httpStatus = status;
            if (++pending->redirects > maxRedirects) {
                e.message = httpTr("%1 redirects more than %2 times").arg(where).arg(maxRedirects);
                complete(pending, e);
                return;
            }
            const QString scheme = target.scheme().toLower();
            if (!target.isValid() || (scheme != u"https"_s && scheme != u"http"_s)
                || (pending->current.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 && scheme != u"https"_s)) {
                e.message = httpTr("%1 redirects to %2, which is not followed").arg(where, redactedUrl(target));
                complete(pending, e);
                return;
            }
            if (status == 303 || ((status == 301 || status == 302) && pending->verb == "POST")) {
                pending->verb = "GET";
                pending->body.clear();
                pending->contentType.clear();
            }
            qCDebug(lcNet) << where << "redirects to" << redactedUrl(target);
            pending->current = target;
            pending->attempts = 0;
            startAttempt(pending);
            return;
        }
    }

    if (status == 304 && pending->sentValidators) {
        const auto it = m_validators.find(pending->url);
        if (it != m_validators.end()) {
            // A 304 updates the stored headers (RFC 9111 4.3.4): rate-limit counters, dates, a new ETag.
            for (const auto &h : std::as_const(response.headers)) {
                const auto sameName = [&h](const auto &s) {
                    return s.first.compare(h.first, Qt::CaseInsensitive) == 0;
                };
                auto stored = std::find_if(it->response.headers.begin(), it->response.headers.end(), sameName);
                if (stored != it->response.headers.end()) {
                    stored->second = h.second;
                } else {
                    it->response.headers.append(h);
                }
            }
            HttpResponse cached = it->response;
            cached.fromCache = true;
            complete(pending, std::move(cached));
            return;
        }
    }

    if (status >= 200 && status < 300) {
        if (pending->verb == "GET" && status == 200 && pending->redirects == 0) {
            const QByteArray etag = response.header("ETag");
            const QByteArray lastModified = response.header("Last-Modified");
            if (!etag.isEmpty() || !lastModified.isEmpty()) {
                HttpResponse kept = response;
                if (!m_options.cacheBodies) {
                    kept.body.clear();
                }
                m_validators.insert(pending->url, {etag, lastModified, std::move(kept)});
            } else {
                m_validators.remove(pending->url);
            }
        }
        complete(pending, std::move(response));
        return;
    }

    // Rate limits: Retry-After on 429 and 503 (and GitHub's secondary limits, a 403 with Retry-After), or a used-up
    // X-RateLimit window on a 403/429 (GitHub answers 403, not 401, when the window is used up).
    const QDateTime now = m_clock->now();
    const std::optional<qint64> retryAfter = parseRetryAfter(response.header("Retry-After"), now);
    std::optional<qint64> wait;
    if ((status == 429 || status == 503 || status == 403) && retryAfter) {
        wait = retryAfter;
    } else if (status == 403 || status == 429) {
        wait = rateLimitWait(response, now);
        // GitHub's secondary rate limit without Retry-After: its documentation asks for at least a minute.
        if (!wait && serverMessage(response.body).contains(u"secondary rate limit"_s, Qt::CaseInsensitive)) {
            wait = 60;
        }
    }
    if (wait) {
        if (*wait <= m_options.maxWaitSeconds && pending->attempts < m_options.maxAttempts) {
            qCInfo(lcNet) << where << "is rate limited (HTTP" << status << "); waiting" << *wait << "s";
            retryLater(pending, *wait * 1000);
            return;
        }
    } else if ((status == 429 || ((status == 502 || status == 503 || status == 504) && isIdempotent(pending->verb)))
               && pending->attempts < m_options.maxAttempts) {
        const qint64 delay = backoffMs(pending->attempts);
        qCInfo(lcNet) << where << "answered HTTP" << status << "; retrying in" << delay << "ms";
        retryLater(pending, delay);
        return;
    }

    Error e;
    e.httpStatus = status;
    e.detail = serverMessage(response.body);
    if (wait || status == 429) {
        e.code = Error::Code::RateLimited;
        if (wait) {
            e.retryAfterSeconds = int(std::min<qint64>(*wait, INT_MAX));
            e.message = httpTr("%1 is rate limited; try again in %n second(s)", e.retryAfterSeconds).arg(where);
        } else {
            e.message = httpTr("%1 is rate limited (HTTP %2)").arg(where).arg(status);
        }
    } else if (status == 401) {
        e.code = Error::Code::Auth;
        e.message = httpTr("%1 did not accept the credential (HTTP 401)").arg(where);
    } else if (status == 403) {
        e.code = Error::Code::Auth;
        e.message = httpTr("%1 refused access (HTTP 403); the credential may lack a permission").arg(where);
    } else {
        e.code = Error::Code::Http;
        e.message = pending->reason.isEmpty()
                        ? httpTr("%1 answered HTTP %2").arg(where).arg(status)
                        : httpTr("%1 answered HTTP %2 %3").arg(where).arg(status).arg(pending->reason);
    }
    complete(pending, e);
}

void HttpClient::retryLater(const std::shared_ptr<Pending> &pending, qint64 delayMs)
{
    pending->wait = new QTimer(this);
    pending->wait->setSingleShot(true);
    connect(pending->wait, &QTimer::timeout, this, [this, pending] {
        if (pending->wait) {
            pending->wait->deleteLater();
            pending->wait = nullptr;
        }
        startAttempt(pending);
    });
    pending->wait->start(int(std::clamp<qint64>(delayMs, 0, INT_MAX)));
}

void HttpClient::complete(const std::shared_ptr<Pending> &pendingRef, Result<HttpResponse> result)
{
    const std::shared_ptr<Pending> pending = pendingRef; // the caller's reference may live in a timer deleted here
    if (pending->finished) {
        return;
    }
    pending->finished = true;
    if (pending->poll) {
        pending->poll->stop();
        pending->poll->deleteLater();
        pending->poll = nullptr;
    }
    if (pending->wait) {
        pending->wait->stop();
        pending->wait->deleteLater();
        pending->wait = nullptr;
    }
    if (pending->reply) {
        disconnect(pending->reply, nullptr, this, nullptr);
        pending->reply->abort();
        pending->reply->deleteLater();
        pending->reply = nullptr;
    }
    m_pending.removeOne(pending);
    if (result.ok()) {
        qCDebug(lcNet) << pending->verb << redactedUrl(pending->url) << "->" << result.value().status
                       << (result.value().fromCache ? "(not modified)" : "");
    } else {
        qCDebug(lcNet) << pending->verb << redactedUrl(pending->url) << "failed:" << result.error().message
                       << result.error().detail;
    }
    Callback done = std::move(pending->done);
    pending->done = nullptr;
    if (done) {
        done(std::move(result)); // last: it may destroy this client
    }
}

void HttpClient::getPages(const QUrl &first, PageHandler onPage, DoneHandler done, const std::atomic_bool *cancel,
                          int maxPages)
{
    auto paging = std::make_shared<Paging>();
    paging->onPage = std::move(onPage);
    paging->done = std::move(done);
    paging->cancel = cancel;
    paging->maxPages = maxPages;
    QTimer::singleShot(0, this, [this, paging, first] { fetchPage(paging, first); });
}

void HttpClient::fetchPage(const std::shared_ptr<Paging> &paging, const QUrl &url)
{
    const auto finish = [paging](Result<void> result) {
        DoneHandler done = std::move(paging->done);
        paging->done = nullptr;
        paging->onPage = nullptr;
        if (done) {
            done(std::move(result));
        }
    };
    if (paging->cancel && paging->cancel->load()) {
        finish(makeError(Error::Code::Cancelled, httpTr("Cancelled")));
        return;
    }
    if (paging->seen.contains(url)) {
        finish(makeError(Error::Code::Http,
                         httpTr("The server pages in a loop: %1 came up a second time").arg(redactedUrl(url))));
        return;
    }
    if (paging->pages >= paging->maxPages) {
        finish(makeError(
            Error::Code::Http,
            httpTr("The server returned more than %n page(s); stopped at %1", paging->maxPages).arg(redactedUrl(url))));
        return;
    }
    paging->seen.insert(url);
    ++paging->pages;
    get(
        url,
        [this, paging, finish](Result<HttpResponse> page) {
            if (!page.ok()) {
                finish(page.error());
                return;
            }
            Result<std::optional<QUrl>> next = paging->onPage(page.value());
            if (!next.ok()) {
                finish(next.error());
            } else if (!next.value().has_value()) {
                finish({});
            } else {
                fetchPage(paging, *next.value());
            }
        },
        paging->cancel);
}

} // namespace Portolan::Core
