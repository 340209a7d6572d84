#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QSslConfiguration;

namespace Portolan::Core {

class Clock;

// How a source talks to one HTTP API. Everything a platform API needs: auth, TLS, timeouts, retries,
// rate limits, conditional requests and paging. Lives on the sync worker's thread, with its network manager.
struct HttpAuth
{
    enum class Kind { None, Bearer, Basic, Header };
    Kind kind = Kind::None;
    QString user; // Basic
    QString secret; // the token or password; never logged
    QByteArray headerName; // Header: e.g. "PRIVATE-TOKEN"
};

struct HttpTls
{
    bool verify = true; // off only by an explicit per-source setting, which the UI shows as a warning
    QString caBundle; // PEM file with extra CAs (added to the system ones)
    QString clientCertificate; // PEM file
    QString clientKey; // PEM file (RSA or EC, unencrypted)
    // The same, given in memory (a kubeconfig's `certificate-authority-data`, `client-key-data`): key material that
    // must never be written to a file of ours. Used when the matching file is empty.
    QByteArray caData;
    QByteArray clientCertificateData;
    QByteArray clientKeyData;
    // The name the server's certificate is checked against (and sent as SNI) instead of the URL's host: a
    // kubeconfig's `tls-server-name`. Empty: the URL's host.
    QString peerVerifyName;
};

struct HttpOptions
{
    QUrl baseUrl; // relative request paths resolve against it
    HttpAuth auth;
    HttpTls tls;
    int timeoutMs = 30'000; // no byte for this long ends the request with Error::Code::Timeout
    int maxAttempts = 4; // for 429/502/503/504 and dropped connections
    int maxWaitSeconds = 120; // longest Retry-After or rate-limit reset we wait for inside one request
    QList<QPair<QByteArray, QByteArray>> headers; // sent with every request (Accept, API version, ...)
    // Keep the body of answers with an ETag/Last-Modified, to hand it back on a 304. Off for callers that keep their
    // own parsed copy per URL (a 304 then comes back with an empty body and `fromCache` set).
    bool cacheBodies = true;
};

struct HttpResponse
{
    int status = 0;
    QUrl url; // after redirects
    QByteArray body; // decompressed; for a 304 the body cached with the ETag/Last-Modified
    QList<QPair<QByteArray, QByteArray>> headers; // raw, as received (names as sent by the server)
    bool fromCache = false; // the server answered 304 Not Modified and `body` is the cached one

    // Case-insensitive; empty when absent.
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    // The `rel="next"` target of a Link header (RFC 8288), resolved against `url`; empty when none.
    [[nodiscard]] QUrl nextLink() const;
};

// Retries: 429/503 with Retry-After, and 403/429 with a used-up X-RateLimit window, wait (up to maxWaitSeconds) and
// try again; 502/503/504 and dropped or cut-off connections of idempotent requests back off 250 ms, 500 ms, 1 s, ...;
// a refused connection, an unknown host or a TLS failure fails at once. Redirects are followed here (at most 10,
// never from https to http) and the credential goes only to the origin of the URL asked for. Proxies come from the
// environment (EnvironmentProxyFactory), installed on a network manager that has no proxy settings of its own.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    using Callback = std::function<void(Result<HttpResponse>)>;
    // Given one page, the next page's URL, nothing when this was the last page, or an error.
    using PageHandler = std::function<Result<std::optional<QUrl>>(const HttpResponse &page)>;
    using DoneHandler = std::function<void(Result<void>)>;

    // `network` must live on the calling thread and outlive the client.
    HttpClient(QNetworkAccessManager *network, HttpOptions options, QObject *parent = nullptr);
    ~HttpClient() override;

    void setClock(const Clock *clock); // for waits computed from rate-limit reset times

    [[nodiscard]] const HttpOptions &options() const { return m_options; }
    // The resolved URL for a path relative to the base URL (query items kept).
    [[nodiscard]] QUrl resolve(const QString &pathAndQuery) const;

    // Sends a request; `done` is called exactly once, on this object's thread, unless the client is destroyed
    // first. GET requests send If-None-Match/If-Modified-Since when an earlier answer carried a validator, and
    // a 304 comes back as the cached response. Non-2xx answers are errors: 401/403 -> Code::Auth, 429 ->
    // Code::RateLimited (with retryAfterSeconds), others -> Code::Http, each with httpStatus set and the
    // server's error message (JSON `message`/`error.message` when present) in `detail`.
    void get(const QUrl &url, Callback done, const std::atomic_bool *cancel = nullptr);
    void send(const QByteArray &verb, const QUrl &url, const QByteArray &body, const QByteArray &contentType,
              Callback done, const std::atomic_bool *cancel = nullptr);

    // Fetches `first` and then each URL `onPage` returns, one after another, until it returns nothing, an error,
    // `maxPages` is reached (an error: a server that pages forever), a URL repeats, or `cancel` is set.
    void getPages(const QUrl &first, PageHandler onPage, DoneHandler done, const std::atomic_bool *cancel = nullptr,
                  int maxPages = 100'000);

    // Forgets every cached ETag/Last-Modified answer (a full re-read).
    void clearValidators();
    // The ETag and Last-Modified validators held, by URL asked for, for a caller that persists them; and setting one
    // (a later GET of `url` is conditional, and a 304 comes back with an empty body and `fromCache` set).
    [[nodiscard]] QHash<QUrl, QPair<QByteArray, QByteArray>> validators() const;
    void setValidator(const QUrl &url, const QByteArray &etag, const QByteArray &lastModified);

    // Request counters for tests and the sources page.
    [[nodiscard]] int requestCount() const { return m_requests; }

    // For requests made outside the client (a streaming Kubernetes watch): the TLS configuration `tls` gives
    // (system CAs plus the configured ones, the client certificate), and the credential's header on a request.
    [[nodiscard]] static Result<QSslConfiguration> sslConfiguration(const HttpTls &tls);
    static void applyAuth(QNetworkRequest &request, const HttpAuth &auth);

    // `url` for messages and logs: no user info, and the values of query items that look like secrets
    // (token, key, password, signature, ...) replaced by "***".
    [[nodiscard]] static QString redactedUrl(const QUrl &url);

private:
    struct Pending;
    struct Paging;
    struct Tls;
    void startAttempt(const std::shared_ptr<Pending> &pending);
    void finishReply(const std::shared_ptr<Pending> &pending, QNetworkReply *reply);
    void handleStatus(const std::shared_ptr<Pending> &pending, HttpResponse response);
    void handleTransportError(const std::shared_ptr<Pending> &pending, int networkError, const QString &errorString);
    void retryLater(const std::shared_ptr<Pending> &pending, qint64 delayMs);
    void pollCancel(const std::shared_ptr<Pending> &pending);
    void complete(const std::shared_ptr<Pending> &pending, Result<HttpResponse> result);
    void fetchPage(const std::shared_ptr<Paging> &paging, const QUrl &url);
    [[nodiscard]] qint64 backoffMs(int attempt) const;

    QPointer<QNetworkAccessManager> m_network;
    HttpOptions m_options;
    const Clock *m_clock = nullptr;
    struct Validator
    {
        QByteArray etag;
        QByteArray lastModified;
        HttpResponse response;
    };
    QHash<QUrl, Validator> m_validators;
    int m_requests = 0;
    std::unique_ptr<Tls> m_tls; // the TLS configuration built from `m_options.tls`, or why it could not be
    QList<std::shared_ptr<Pending>> m_pending; // requests under way, for the destructor
};

} // namespace Portolan::Core
