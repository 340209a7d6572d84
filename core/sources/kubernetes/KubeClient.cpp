#include "KubeClient.h"

#include "KubeLogging.h"
#include "net/EnvironmentProxyFactory.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString clientTr(const char *text)
{
    return QCoreApplication::translate("KubeClient", text);
}

constexpr int maxListRestarts = 3;
constexpr int streamsPerManager = 4;

// The Status object's message, else the start of the body.
QString statusMessage(const QByteArray &body)
{
    const QJsonObject status = QJsonDocument::fromJson(body).object();
    const QString message = status.value("message"_L1).toString();
    return message.isEmpty() ? QString::fromUtf8(body.left(300)).trimmed() : message;
}

QString resourceVersionOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();
}

} // namespace

QString KubeResource::path(const QString &ns) const
{
    QString out = group.isEmpty() ? QString(u"/api/"_s + version) : QString(u"/apis/"_s + group + u'/' + version);
    if (!ns.isEmpty()) {
        out += u"/namespaces/"_s + QString::fromLatin1(QUrl::toPercentEncoding(ns));
    }
    return out + u'/' + plural;
}

const QList<KubeResource> &kubeResources()
{
    static const QList<KubeResource> resources = {
        {KubeKind::Deployment, u"apps"_s, u"v1"_s, u"deployments"_s, {}},
        {KubeKind::StatefulSet, u"apps"_s, u"v1"_s, u"statefulsets"_s, {}},
        {KubeKind::DaemonSet, u"apps"_s, u"v1"_s, u"daemonsets"_s, {}},
        {KubeKind::ReplicaSet, u"apps"_s, u"v1"_s, u"replicasets"_s, {}},
        {KubeKind::Pod, {}, u"v1"_s, u"pods"_s, {}},
        {KubeKind::Service, {}, u"v1"_s, u"services"_s, {}},
        {KubeKind::Event, {}, u"v1"_s, u"events"_s, u"type=Warning"_s},
        {KubeKind::Ingress, u"networking.k8s.io"_s, u"v1"_s, u"ingresses"_s, {}},
        {KubeKind::CronJob, u"batch"_s, u"v1"_s, u"cronjobs"_s, {}},
        {KubeKind::Job, u"batch"_s, u"v1"_s, u"jobs"_s, {}},
    };
    return resources;
}

struct KubeClient::Listing
{
    KubeResource resource;
    QString ns;
    KubeWatchHandler handler;
    ListDone done;
    const std::atomic_bool *cancel = nullptr;
    int restarts = 0;
    bool retriedAuth = false;
};

struct KubeClient::Watch
{
    KubeResource resource;
    QString ns;
    QString resourceVersion;
    KubeWatchHandler handler;
    QPointer<QNetworkReply> reply;
    QNetworkAccessManager *network = nullptr;
    QByteArray buffer;
    QTimer *timer = nullptr;
    QElapsedTimer up; // since the current stream answered 200
    int backoffMs = 0;
    bool stopped = false;
    bool broken = false; // a problem was reported and not yet cleared
    bool retriedAuth = false;
    bool needsRelist = false;
};

KubeClient::KubeClient(QNetworkAccessManager *network, KubeEndpoint endpoint, Options options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(std::move(endpoint))
    , m_options(options)
    , m_clock(&Clock::system())
{
    makeHttp();
}

KubeClient::~KubeClient()
{
    stopAll();
}

void KubeClient::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::system();
    if (m_http) {
        m_http->setClock(m_clock);
    }
}

void KubeClient::makeHttp()
{
    HttpOptions options;
    options.baseUrl = m_endpoint.server;
    options.auth = m_endpoint.auth;
    options.tls = m_endpoint.tls;
    options.timeoutMs = m_options.requestTimeoutMs;
    options.headers = {{"Accept", "application/json"}};
    m_http = std::make_unique<HttpClient>(m_network, options);
    m_http->setClock(m_clock);
}

QUrl KubeClient::listUrl(const KubeResource &resource, const QString &ns, const QString &continueToken) const
{
    QUrl url = m_http->resolve(resource.path(ns));
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(m_options.pageSize));
    if (!continueToken.isEmpty()) {
        query.addQueryItem(u"continue"_s, QString::fromLatin1(QUrl::toPercentEncoding(continueToken)));
    }
    if (!resource.fieldSelector.isEmpty()) {
        query.addQueryItem(u"fieldSelector"_s, QString::fromLatin1(QUrl::toPercentEncoding(resource.fieldSelector)));
    }
    url.setQuery(query);
    return url;
}

QUrl KubeClient::watchUrl(const KubeResource &resource, const QString &ns, const QString &resourceVersion) const
{
    QUrl url = m_http->resolve(resource.path(ns));
    QUrlQuery query;
    query.addQueryItem(u"watch"_s, u"1"_s);
    query.addQueryItem(u"resourceVersion"_s, QString::fromLatin1(QUrl::toPercentEncoding(resourceVersion)));
    query.addQueryItem(u"allowWatchBookmarks"_s, u"true"_s);
    query.addQueryItem(u"timeoutSeconds"_s, QString::number(m_options.watchTimeoutSeconds));
    if (!resource.fieldSelector.isEmpty()) {
        query.addQueryItem(u"fieldSelector"_s, QString::fromLatin1(QUrl::toPercentEncoding(resource.fieldSelector)));
    }
    url.setQuery(query);
    return url;
}

Error KubeClient::describe(const Error &httpError, const KubeResource &resource, const QString &ns) const
{
    Error e = httpError;
    const QString server = statusMessage(httpError.detail.toUtf8());
    const QString context = m_endpoint.context;
    e.field = resource.plural;
    switch (httpError.httpStatus) {
    case 401:
        e.code = Error::Code::Auth;
        e.message = clientTr("The API server of %1 did not accept the credentials: %2").arg(context, server);
        break;
    case 403:
        e.code = Error::Code::Auth;
        e.severity = Error::Severity::Warning;
        e.message =
            ns.isEmpty()
                ? clientTr("Portolan may not list %1 in all namespaces on %2: %3").arg(resource.plural, context, server)
                : clientTr("Portolan may not list %1 in namespace %2 on %3: %4")
                      .arg(resource.plural, ns, context, server);
        break;
    case 404:
        e.code = Error::Code::Unsupported;
        e.severity = Error::Severity::Info;
        e.message = clientTr("The API server of %1 does not serve %2 (%3); they are skipped")
                        .arg(context, resource.plural, resource.groupVersion());
        break;
    case 0:
        e.message = clientTr("Cannot reach the API server of %1: %2").arg(context, httpError.message);
        break;
    default:
        e.code = Error::Code::Http;
        e.message = clientTr("Reading %1 on %2 failed (HTTP %3): %4")
                        .arg(resource.plural, context)
                        .arg(httpError.httpStatus)
                        .arg(server);
        break;
    }
    return e;
}

void KubeClient::reauthenticate(std::function<void(bool renewed)> then)
{
    if (!m_reauthenticate) {
        then(false);
        return;
    }
    m_waitingForAuth.append(std::move(then));
    if (m_reauthenticating) {
        return;
    }
    m_reauthenticating = true;
    QPointer<KubeClient> self(this);
    m_reauthenticate([self](Result<KubeEndpoint> endpoint) {
        if (!self) {
            return;
        }
        self->m_reauthenticating = false;
        const bool renewed = endpoint.ok();
        if (renewed) {
            self->m_endpoint = std::move(endpoint).value();
            self->makeHttp();
        } else {
            qCInfo(lcKubeSource) << self->m_endpoint.context
                                 << "credentials could not be renewed:" << endpoint.error().message;
        }
        const QList<std::function<void(bool)>> waiting = std::exchange(self->m_waitingForAuth, {});
        for (const auto &w : waiting) {
            w(renewed);
        }
    });
}

void KubeClient::list(const KubeResource &resource, const QString &ns, const KubeWatchHandler &handler, ListDone done,
                      const std::atomic_bool *cancel)
{
    auto listing = std::make_shared<Listing>();
    listing->resource = resource;
    listing->ns = ns;
    listing->handler = handler;
    listing->done = std::move(done);
    listing->cancel = cancel;
    fetchPage(listing, {});
}

void KubeClient::fetchPage(const std::shared_ptr<Listing> &listing, const QString &continueToken)
{
    const QUrl url = listUrl(listing->resource, listing->ns, continueToken);
    QPointer<KubeClient> self(this);
    m_http->get(
        url,
        [self, listing, continueToken](Result<HttpResponse> response) {
            if (!self) {
                return;
            }
            if (!response.ok()) {
                const Error &error = response.error();
                if (error.httpStatus == 401 && !listing->retriedAuth) {
                    listing->retriedAuth = true;
                    self->reauthenticate([self, listing, continueToken, error](bool renewed) {
                        if (!self) {
                            return;
                        }
                        if (renewed) {
                            self->fetchPage(listing, continueToken);
                        } else {
                            listing->done(self->describe(error, listing->resource, listing->ns));
                        }
                    });
                    return;
                }
                if (error.httpStatus == 410 && !continueToken.isEmpty() && listing->restarts < maxListRestarts) {
                    // The continue token expired (the list took longer than the server keeps its snapshot).
                    ++listing->restarts;
                    qCInfo(lcKubeSource) << self->m_endpoint.context << listing->resource.plural
                                         << "continue token expired; listing again";
                    if (listing->handler.restart) {
                        listing->handler.restart();
                    }
                    self->fetchPage(listing, {});
                    return;
                }
                if (error.code == Error::Code::Cancelled) {
                    listing->done(error);
                    return;
                }
                listing->done(self->describe(error, listing->resource, listing->ns));
                return;
            }
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(response.value().body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                Error e = makeError(Error::Code::Parse,
                                    clientTr("The API server of %1 sent a list of %2 that is not JSON")
                                        .arg(self->m_endpoint.context, listing->resource.plural),
                                    parseError.errorString());
                listing->done(e);
                return;
            }
            const QJsonObject list = doc.object();
            if (listing->handler.page) {
                listing->handler.page(listing->resource.kind, list.value("items"_L1).toArray());
            }
            const QJsonObject metadata = list.value("metadata"_L1).toObject();
            const QString next = metadata.value("continue"_L1).toString();
            if (!next.isEmpty()) {
                self->fetchPage(listing, next);
                return;
            }
            const QString version = metadata.value("resourceVersion"_L1).toString();
            if (listing->handler.listed) {
                listing->handler.listed(version);
            }
            listing->done(version);
        },
        listing->cancel);
}

void KubeClient::watch(const KubeResource &resource, const QString &ns, const QString &resourceVersion,
                       KubeWatchHandler handler)
{
    auto watch = std::make_shared<Watch>();
    watch->resource = resource;
    watch->ns = ns;
    watch->resourceVersion = resourceVersion;
    watch->handler = std::move(handler);
    watch->timer = new QTimer(this);
    watch->timer->setSingleShot(true);
    connect(watch->timer, &QTimer::timeout, this, [this, w = std::weak_ptr<Watch>(watch)] {
        const std::shared_ptr<Watch> current = w.lock();
        if (!current || current->stopped) {
            return;
        }
        if (current->needsRelist) {
            relist(current);
        } else {
            startStream(current);
        }
    });
    watch->network = watchNetwork();
    ++m_watchLoad[watch->network];
    m_watches.append(watch);
    startStream(watch);
}

QNetworkAccessManager *KubeClient::watchNetwork()
{
    for (QNetworkAccessManager *network : std::as_const(m_watchNetworks)) {
        if (m_watchLoad.value(network) < streamsPerManager) {
            return network;
        }
    }
    auto *network = new QNetworkAccessManager(this);
    EnvironmentProxyFactory::installOn(network);
    m_watchNetworks.append(network);
    return network;
}

int KubeClient::activeWatches() const
{
    return int(std::count_if(m_watches.cbegin(), m_watches.cend(),
                             [](const std::shared_ptr<Watch> &w) { return w->reply && !w->stopped; }));
}

void KubeClient::stopAll()
{
    const QList<std::shared_ptr<Watch>> watches = std::exchange(m_watches, {});
    m_watchLoad.clear();
    for (const std::shared_ptr<Watch> &w : watches) {
        w->stopped = true;
        if (w->timer) {
            w->timer->stop();
            w->timer->deleteLater();
            w->timer = nullptr;
        }
        if (w->reply) {
            disconnect(w->reply, nullptr, this, nullptr);
            w->reply->abort();
            w->reply->deleteLater();
            w->reply = nullptr;
        }
    }
}

void KubeClient::startStream(const std::shared_ptr<Watch> &watch)
{
    if (watch->stopped || !watch->network) {
        return;
    }
    const QUrl url = watchUrl(watch->resource, watch->ns, watch->resourceVersion);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // No byte for longer than the server's own timeout: the connection is dead.
    request.setTransferTimeout((m_options.watchTimeoutSeconds + 30) * 1000);
    if (url.scheme() == u"https"_s) {
        const Result<QSslConfiguration> ssl = HttpClient::sslConfiguration(m_endpoint.tls);
        if (!ssl.ok()) {
            reconnectLater(watch, ssl.error());
            return;
        }
        request.setSslConfiguration(ssl.value());
        if (!m_endpoint.tls.peerVerifyName.isEmpty()) {
            request.setPeerVerifyName(m_endpoint.tls.peerVerifyName);
        }
    }
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "Portolan");
    HttpClient::applyAuth(request, m_endpoint.auth);
    watch->buffer.clear();
    watch->up.invalidate();
    QNetworkReply *reply = watch->network->get(request);
    watch->reply = reply;
    qCDebug(lcKubeSource) << "watch" << HttpClient::redactedUrl(url);
    const std::weak_ptr<Watch> weak = watch;
    connect(reply, &QNetworkReply::readyRead, this, [this, weak] {
        if (const std::shared_ptr<Watch> w = weak.lock()) {
            readStream(w);
        }
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, weak] {
        if (const std::shared_ptr<Watch> w = weak.lock()) {
            streamOpened(w);
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, weak, reply] {
        reply->deleteLater();
        if (const std::shared_ptr<Watch> w = weak.lock()) {
            streamFinished(w, reply);
        }
    });
}

void KubeClient::readStream(const std::shared_ptr<Watch> &watch)
{
    QNetworkReply *reply = watch->reply;
    if (!reply || watch->stopped) {
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        return; // an error answer: read whole when finished
    }
    streamOpened(watch);
    watch->buffer += reply->readAll();
    qsizetype start = 0;
    while (true) {
        const qsizetype newline = watch->buffer.indexOf('\n', start);
        if (newline < 0) {
            break;
        }
        const QByteArray line = watch->buffer.mid(start, newline - start).trimmed();
        start = newline + 1;
        if (!line.isEmpty()) {
            handleLine(watch, line);
            if (watch->stopped || watch->reply != reply) {
                return; // the line ended this stream (an ERROR event)
            }
        }
    }
    watch->buffer.remove(0, start);
}

void KubeClient::streamOpened(const std::shared_ptr<Watch> &watch)
{
    // The server answered 200 (headers only: the events come when there are changes): the watch is well again.
    if (watch->up.isValid() || !watch->reply
        || watch->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
        return;
    }
    watch->up.start();
    watch->retriedAuth = false;
    if (watch->broken) {
        watch->broken = false;
        if (watch->handler.state) {
            watch->handler.state(std::nullopt);
        }
    }
}

void KubeClient::handleLine(const std::shared_ptr<Watch> &watch, const QByteArray &line)
{
    QJsonParseError parseError;
    const QJsonObject event = QJsonDocument::fromJson(line, &parseError).object();
    const QByteArray type = event.value("type"_L1).toString().toLatin1();
    const QJsonObject object = event.value("object"_L1).toObject();
    if (parseError.error != QJsonParseError::NoError || type.isEmpty()) {
        qCInfo(lcKubeSource) << m_endpoint.context << watch->resource.plural
                             << "watch sent a line that is not a WatchEvent:" << parseError.errorString();
        return;
    }
    if (type == "BOOKMARK") {
        if (const QString rv = resourceVersionOf(object); !rv.isEmpty()) {
            watch->resourceVersion = rv;
        }
        return;
    }
    if (type == "ERROR") {
        const int code = object.value("code"_L1).toInt();
        const QString reason = object.value("reason"_L1).toString();
        if (QNetworkReply *reply = watch->reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
            watch->reply = nullptr;
        }
        if (code == 410 || reason == u"Expired"_s || reason == u"Gone"_s) {
            qCInfo(lcKubeSource) << m_endpoint.context << watch->resource.plural << "resourceVersion"
                                 << watch->resourceVersion << "expired; listing again";
            relist(watch);
            return;
        }
        Error e;
        e.code = Error::Code::Http;
        e.httpStatus = code;
        e.detail = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
        reconnectLater(watch, describe(e, watch->resource, watch->ns));
        return;
    }
    if (const QString rv = resourceVersionOf(object); !rv.isEmpty()) {
        watch->resourceVersion = rv;
    }
    if (watch->handler.event) {
        watch->handler.event(watch->resource.kind, type, object);
    }
}

void KubeClient::streamFinished(const std::shared_ptr<Watch> &watch, QNetworkReply *reply)
{
    if (watch->stopped || watch->reply != reply) {
        return;
    }
    watch->reply = nullptr;
    const QVariant statusValue = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusValue.toInt();
    if (statusValue.isValid() && status != 200) {
        Error e;
        e.code = Error::Code::Http;
        e.httpStatus = status;
        e.detail = QString::fromUtf8(reply->readAll());
        if (status == 401 && !watch->retriedAuth) {
            watch->retriedAuth = true;
            QPointer<KubeClient> self(this);
            reauthenticate([self, watch, e](bool renewed) {
                if (!self || watch->stopped) {
                    return;
                }
                if (renewed) {
                    self->startStream(watch);
                } else {
                    self->reconnectLater(watch, self->describe(e, watch->resource, watch->ns));
                }
            });
            return;
        }
        if (status == 410) {
            relist(watch);
            return;
        }
        reconnectLater(watch, describe(e, watch->resource, watch->ns));
        return;
    }
    // The rest of a stream that ended without a final newline.
    if (status == 200) {
        watch->buffer += reply->readAll();
        const QByteArray rest = watch->buffer.trimmed();
        watch->buffer.clear();
        if (!rest.isEmpty()) {
            handleLine(watch, rest);
            if (watch->stopped || watch->reply) {
                return;
            }
        }
    }
    if (reply->error() == QNetworkReply::NoError) {
        // The server ended the watch (timeoutSeconds): not a problem, reconnect from the last version.
        qCDebug(lcKubeSource) << m_endpoint.context << watch->resource.plural << "watch ended; reconnecting";
        reconnectLater(watch, std::nullopt);
        return;
    }
    Error e = makeError(
        Error::Code::Network,
        watch->ns.isEmpty()
            ? clientTr("The watch of %1 on %2 broke; reconnecting").arg(watch->resource.plural, m_endpoint.context)
            : clientTr("The watch of %1 in namespace %2 on %3 broke; reconnecting")
                  .arg(watch->resource.plural, watch->ns, m_endpoint.context),
        reply->errorString());
    e.severity = Error::Severity::Warning;
    e.field = watch->resource.plural;
    reconnectLater(watch, e);
}

void KubeClient::relist(const std::shared_ptr<Watch> &watch)
{
    watch->needsRelist = false;
    QPointer<KubeClient> self(this);
    list(watch->resource, watch->ns, watch->handler, [self, watch](Result<QString> version) {
        if (!self || watch->stopped) {
            return;
        }
        if (!version.ok()) {
            watch->needsRelist = true;
            self->reconnectLater(watch, version.error());
            return;
        }
        watch->resourceVersion = version.value();
        self->startStream(watch);
    });
}

void KubeClient::reconnectLater(const std::shared_ptr<Watch> &watch, const std::optional<Error> &problem)
{
    if (watch->stopped) {
        return;
    }
    if (watch->up.isValid() && watch->up.elapsed() >= m_options.healthyResetMs) {
        watch->backoffMs = 0;
    }
    watch->up.invalidate();
    watch->backoffMs =
        watch->backoffMs == 0 ? m_options.backoffStartMs : std::min(watch->backoffMs * 2, m_options.backoffMaxMs);
    if (problem) {
        qCInfo(lcKubeSource) << problem->message << problem->detail << "- again in" << watch->backoffMs << "ms";
        watch->broken = true;
        if (watch->handler.state) {
            watch->handler.state(problem);
        }
    }
    if (watch->timer) {
        watch->timer->start(watch->backoffMs);
    }
}

} // namespace Portolan::Core
