#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <deque>
#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace Portolan::Test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpTestRequest
{
    QByteArray method;
    QByteArray target; // as on the request line: "/path?query", or "http://host/path" when sent to a proxy
    QUrl url; // the target on this server (or the absolute target)
    HeaderList headers;
    QByteArray body;
    QString peerCommonName; // TLS: the common name of the client certificate, when one was presented

    [[nodiscard]] QByteArray header(const QByteArray &name) const; // case-insensitive
};

struct HttpTestResponse
{
    enum class Fault {
        None,
        CutOff, // the full Content-Length announced, `faultAt` bytes of the body sent, then the connection closed
        Stall, // status, headers and `faultAt` bytes of the body, then silence (the connection stays open)
        StallBeforeAnswer, // nothing at all is sent; the connection stays open
        Drop, // the connection is closed without an answer
    };

    int status = 200;
    QByteArray reason; // the status's usual phrase when empty
    HeaderList headers; // sent as given; Content-Length is added unless present
    QByteArray body;
    bool gzip = false; // sent gzip-compressed with Content-Encoding: gzip
    Fault fault = Fault::None;
    qsizetype faultAt = -1; // -1: half the body

    [[nodiscard]] static HttpTestResponse json(int status, const QByteArray &body, HeaderList headers = {});
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    void setHeader(const QByteArray &name, const QByteArray &value); // replaces any header of that name
};

// A loopback HTTP/1.1 server (plain or TLS) on a raw QTcpServer, for the faults a framework server cannot make: cut
// off bodies, stalls, dropped connections, gzip, any header. Answers come from a queue of canned responses first,
// then from the handler. Lives on the test's thread; the event loop must run for it to answer.
class HttpTestServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpTestServer)

public:
    using Handler = std::function<HttpTestResponse(const HttpTestRequest &request)>;

    explicit HttpTestServer(QObject *parent = nullptr);
    ~HttpTestServer() override;

    [[nodiscard]] bool listen(); // plain HTTP on 127.0.0.1, a port chosen by the OS
    [[nodiscard]] bool listenTls(const QSslConfiguration &configuration); // HTTPS (QSslServer)
    void close(); // stops listening and drops every connection
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl url(const QString &pathAndQuery = QStringLiteral("/")) const;

    void setHandler(Handler handler); // the default answers 404
    void enqueue(HttpTestResponse response); // answered before the handler, in order
    [[nodiscard]] const QList<HttpTestRequest> &requests() const { return m_requests; }
    [[nodiscard]] qsizetype requestCount() const { return m_requests.size(); }
    void clearRequests() { m_requests.clear(); }
    [[nodiscard]] const QStringList &tlsErrors() const
    {
        return m_tlsErrors;
    } // failed handshakes, as the server saw them

    // Recorded api.github.com exchanges: ../shared/corpus/github/octokit-fixtures/<scenario>.normalized-fixture.json.
    [[nodiscard]] static QJsonArray loadFixture(const QString &scenario);
    // One recorded exchange as this server's answer: status, headers (Content-Length recomputed) and body, with
    // https://api.github.com in headers and body rewritten to this server.
    [[nodiscard]] HttpTestResponse replay(const QJsonObject &record) const;

    [[nodiscard]] static QByteArray gzip(const QByteArray &data);
    [[nodiscard]] static QByteArray reasonPhrase(int status);

private:
    struct Connection;
    void accept();
    void readFrom(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const HttpTestRequest &request);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    quint16 m_port = 0;
    Handler m_handler;
    std::deque<HttpTestResponse> m_queue;
    QList<HttpTestRequest> m_requests;
    QStringList m_tlsErrors;
    QHash<QTcpSocket *, std::shared_ptr<Connection>> m_connections;
};

// Runs the event loop until `done()` is true or `timeoutMs` passed; returns `done()`.
bool spinUntil(const std::function<bool()> &done, int timeoutMs = 5000);

} // namespace Portolan::Test
