#include "BlockingHttp.h"

#include <QEventLoop>

#include <optional>

namespace Portolan::Core {

BlockingHttp::BlockingHttp(HttpOptions options)
    : m_network(std::make_unique<QNetworkAccessManager>())
    , m_client(std::make_unique<HttpClient>(m_network.get(), std::move(options)))
{ }

BlockingHttp::~BlockingHttp()
{
    // The client cancels what is pending while the network manager still exists.
    m_client.reset();
}

Result<HttpResponse> BlockingHttp::get(const QUrl &url, const std::atomic_bool *cancel)
{
    return send(QByteArrayLiteral("GET"), url, {}, {}, cancel);
}

Result<HttpResponse> BlockingHttp::send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                                        const QByteArray &contentType, const std::atomic_bool *cancel)
{
    QEventLoop loop;
    std::optional<Result<HttpResponse>> answer;
    const auto done = [&answer, &loop](Result<HttpResponse> result) {
        answer.emplace(std::move(result));
        loop.quit();
    };
    if (verb == "GET") {
        m_client->get(url, done, cancel);
    } else {
        m_client->send(verb, url, body, contentType, done, cancel);
    }
    if (!answer) {
        loop.exec();
    }
    return std::move(*answer);
}

} // namespace Portolan::Core
