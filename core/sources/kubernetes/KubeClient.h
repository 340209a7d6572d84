#pragma once

#include "KubeConfig.h"
#include "KubeProjection.h"
#include "net/HttpClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Portolan::Core {

class Clock;

// One resource type of the API: where it is served and how it is listed.
struct KubeResource
{
    KubeKind kind = KubeKind::Pod;
    QString group; // empty for the core API (/api/v1)
    QString version;
    QString plural;
    QString fieldSelector; // events: type=Warning

    [[nodiscard]] QString groupVersion() const { return group.isEmpty() ? version : group + u'/' + version; }
    // The collection's path in `ns` (every namespace when empty): /api/v1/namespaces/NS/pods, /apis/apps/v1/deployments
    [[nodiscard]] QString path(const QString &ns) const;
};

// Deployments, StatefulSets, DaemonSets, ReplicaSets (apps/v1), Pods, Services, Warning Events (v1), Ingresses
// (networking.k8s.io/v1), CronJobs and Jobs (batch/v1): what the kubernetes source reads.
[[nodiscard]] const QList<KubeResource> &kubeResources();

// What a list or watch of one resource in one namespace reports. Every callback runs on the client's thread.
struct KubeWatchHandler
{
    // A page of a list: its items (raw API objects, without `kind`).
    std::function<void(KubeKind kind, const QJsonArray &items)> page;
    // The list starts over (the continue token expired): forget the pages of this list seen so far.
    std::function<void()> restart;
    // A list (the first, or a relist after 410 Gone) is complete at `resourceVersion`: objects of this resource and
    // namespace it did not name are gone.
    std::function<void(const QString &resourceVersion)> listed;
    // ADDED, MODIFIED or DELETED.
    std::function<void(KubeKind kind, const QByteArray &type, const QJsonObject &object)> event;
    // The watch broke (an error, it reconnects with backoff) or is well again (nullopt).
    std::function<void(const std::optional<Error> &problem)> state;
};

// Talks to the API server of one kubeconfig context, on the sync worker's thread with its network manager.
//   LIST   GET <path>?limit=500[&continue=TOKEN][&fieldSelector=...], through HttpClient (TLS, auth, retries, gzip);
//          a 410 on a continue token lists again from the start.
//   WATCH  GET <path>?watch=1&resourceVersion=RV&allowWatchBookmarks=true&timeoutSeconds=N: a raw request whose
//          chunked body is read as it arrives, one JSON WatchEvent per line (a partial line waits for the rest).
//          BOOKMARK moves the resourceVersion on; ERROR 410 (Gone/Expired) relists, then watches again. A stream that
//          ends or drops reconnects from the last resourceVersion after 1 s, doubling to 30 s; the delay starts over
//          once a stream stayed up for a minute.
// 401 asks for new credentials (KubeCredentials) once and retries; 403 is an Auth error naming the resource,
// namespace and context; 404 (the server does not serve the resource) an Unsupported info; others an Http error with
// the Status message.
class KubeClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeClient)

public:
    struct Options
    {
        int pageSize = 500;
        int watchTimeoutSeconds = 300; // asked of the server; it ends the stream then, and we reconnect
        int backoffStartMs = 1000;
        int backoffMaxMs = 30'000;
        int healthyResetMs = 60'000;
        int requestTimeoutMs = 30'000;
    };
    // Fetches fresh credentials after a 401 (the source invalidates and resolves them again).
    using Reauthenticate = std::function<void(std::function<void(Result<KubeEndpoint>)> done)>;
    using ListDone = std::function<void(Result<QString> resourceVersion)>;

    KubeClient(QNetworkAccessManager *network, KubeEndpoint endpoint, Options options, QObject *parent = nullptr);
    ~KubeClient() override;

    void setClock(const Clock *clock);
    void setReauthenticate(Reauthenticate reauthenticate) { m_reauthenticate = std::move(reauthenticate); }
    [[nodiscard]] const KubeEndpoint &endpoint() const { return m_endpoint; }
    [[nodiscard]] const Options &options() const { return m_options; }

    // Lists `resource` in `ns` (all namespaces when empty), page by page, into `handler.page`/`restart`; `done` gets
    // the list's resourceVersion or the error (see the class comment).
    void list(const KubeResource &resource, const QString &ns, const KubeWatchHandler &handler, ListDone done,
              const std::atomic_bool *cancel = nullptr);
    // Watches from `resourceVersion` until stopAll(); relists through `handler` when the version expired.
    void watch(const KubeResource &resource, const QString &ns, const QString &resourceVersion,
               KubeWatchHandler handler);
    void stopAll(); // ends every watch; no callback follows
    [[nodiscard]] int activeWatches() const;

    // The problem for an error status on `resource` in `ns`.
    [[nodiscard]] Error describe(const Error &httpError, const KubeResource &resource, const QString &ns) const;

    [[nodiscard]] QUrl listUrl(const KubeResource &resource, const QString &ns, const QString &continueToken) const;
    [[nodiscard]] QUrl watchUrl(const KubeResource &resource, const QString &ns, const QString &resourceVersion) const;

private:
    struct Watch;
    struct Listing;
    void makeHttp();
    void fetchPage(const std::shared_ptr<Listing> &listing, const QString &continueToken);
    void startStream(const std::shared_ptr<Watch> &watch);
    void readStream(const std::shared_ptr<Watch> &watch);
    void streamOpened(const std::shared_ptr<Watch> &watch);
    void streamFinished(const std::shared_ptr<Watch> &watch, QNetworkReply *reply);
    void handleLine(const std::shared_ptr<Watch> &watch, const QByteArray &line);
    void relist(const std::shared_ptr<Watch> &watch);
    void reconnectLater(const std::shared_ptr<Watch> &watch, const std::optional<Error> &problem);
    void reauthenticate(std::function<void(bool renewed)> then);

    QPointer<QNetworkAccessManager> m_network;
    KubeEndpoint m_endpoint;
    Options m_options;
    const Clock *m_clock = nullptr;
    std::unique_ptr<HttpClient> m_http;
    Reauthenticate m_reauthenticate;
    bool m_reauthenticating = false;
    QList<std::function<void(bool)>> m_waitingForAuth;
    QList<std::shared_ptr<Watch>> m_watches;
    // Network managers for the watch streams: over HTTP/1.1 a manager opens at most 6 connections to one host (Qt 6.4
    // has no setting for it), and every watch holds one open, so the watches are spread over managers of their own.
    QList<QNetworkAccessManager *> m_watchNetworks;
    QHash<QNetworkAccessManager *, int> m_watchLoad;
    [[nodiscard]] QNetworkAccessManager *watchNetwork();
};

} // namespace Portolan::Core
