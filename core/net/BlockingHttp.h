#pragma once

#include "net/HttpClient.h"

#include <QNetworkAccessManager>

#include <atomic>
#include <memory>

namespace Portolan::Core {

// HttpClient for code that runs to completion on a worker thread (action steps, the CLI): each call spins a local
// event loop until the answer, the timeout or `cancel`. Everything HttpClient does (auth, TLS, retries of idempotent
// requests, proxies, redacted logging) applies. Make and use it on one thread.
class BlockingHttp final
{
public:
    explicit BlockingHttp(HttpOptions options);
    ~BlockingHttp();
    BlockingHttp(const BlockingHttp &) = delete;
    BlockingHttp &operator=(const BlockingHttp &) = delete;

    [[nodiscard]] Result<HttpResponse> get(const QUrl &url, const std::atomic_bool *cancel = nullptr);
    [[nodiscard]] Result<HttpResponse> send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                                            const QByteArray &contentType, const std::atomic_bool *cancel = nullptr);
    [[nodiscard]] QUrl resolve(const QString &pathAndQuery) const { return m_client->resolve(pathAndQuery); }
    [[nodiscard]] HttpClient &client() { return *m_client; }

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HttpClient> m_client;
};

} // namespace Portolan::Core
