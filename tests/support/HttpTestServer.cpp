#include "HttpTestServer.h"

#include "TestSupport.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <array>

namespace Portolan::Test {

namespace {

quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k) {
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : data) {
        crc = table[(crc ^ quint8(ch)) & 0xFFu] ^ (crc >> 8);
    }
    return crc ^ 0xFFFFFFFFu;
}

void appendLittleEndian(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i) {
        out.append(char((value >> (8 * i)) & 0xFFu));
    }
}

QByteArray headerValue(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            return h.second;
        }
    }
    return {};
}

} // namespace

QByteArray HttpTestRequest::header(const QByteArray &name) const
{
    return headerValue(headers, name);
}

HttpTestResponse HttpTestResponse::json(int status, const QByteArray &body, HeaderList headers)
{
    HttpTestResponse r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    if (r.header("Content-Type").isEmpty()) {
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    }
    return r;
}

QByteArray HttpTestResponse::header(const QByteArray &name) const
{
    return headerValue(headers, name);
}

void HttpTestResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf(
        [&name](const QPair<QByteArray, QByteArray> &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

struct HttpTestServer::Connection
{
    QByteArray buffer;
    bool stalled = false; // answered with a stall: everything further is ignored
    bool closing = false;
};

HttpTestServer::HttpTestServer(QObject *parent)
    : QObject(parent)
{ }

HttpTestServer::~HttpTestServer()
{
    close();
}

bool HttpTestServer::listen()
{
    close();
    m_tls = false;
    m_server = std::make_unique<QTcpServer>();
    connect(m_server.get(), &QTcpServer::newConnection, this, &HttpTestServer::accept);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

bool HttpTestServer::listenTls(const QSslConfiguration &configuration)
{
    close();
    m_tls = true;
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(configuration);
    server->setHandshakeTimeout(3000);
    connect(server.get(), &QSslServer::pendingConnectionAvailable, this, &HttpTestServer::accept);
    connect(server.get(), &QSslServer::sslErrors, this, [this](QSslSocket *, const QList<QSslError> &errors) {
        for (const QSslError &e : errors) {
            m_tlsErrors.append(e.errorString());
        }
    });
    connect(server.get(), &QSslServer::errorOccurred, this,
            [this](QSslSocket *socket, QAbstractSocket::SocketError) { m_tlsErrors.append(socket->errorString()); });
    m_server = std::move(server);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

void HttpTestServer::close()
{
    if (m_server) {
        m_server->close();
    }
    const auto sockets = m_connections.keys();
    m_connections.clear();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    m_server.reset();
}

QUrl HttpTestServer::url(const QString &pathAndQuery) const
{
    const QString scheme = m_tls ? QStringLiteral("https") : QStringLiteral("http");
    return QUrl::fromEncoded(QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(m_port).arg(pathAndQuery).toUtf8());
}

void HttpTestServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void HttpTestServer::enqueue(HttpTestResponse response)
{
    m_queue.push_back(std::move(response));
}

void HttpTestServer::accept()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket) {
            break;
        }
        socket->setParent(this);
        m_connections.insert(socket, std::make_shared<Connection>());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0) {
            readFrom(socket);
        }
    }
}

void HttpTestServer::readFrom(QTcpSocket *socket)
{
    const auto it = m_connections.constFind(socket);
    if (it == m_connections.constEnd()) {
        return;
    }
    const std::shared_ptr<Connection> connection = *it;
    const QByteArray data = socket->readAll();
    if (connection->stalled || connection->closing) {
        return;
    }
    connection->buffer += data;
    while (true) {
        const qsizetype headerEnd = connection->buffer.indexOf("\r\n\r\n");
        if (headerEnd == -1) {
            return;
        }
        const QList<QByteArray> lines = connection->buffer.left(headerEnd).split('\n');
        HttpTestRequest request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0) {
                request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            }
        }
        const qsizetype length = request.header("Content-Length").toLongLong();
        if (connection->buffer.size() < headerEnd + 4 + length) {
            return;
        }
        request.body = connection->buffer.mid(headerEnd + 4, length);
        connection->buffer.remove(0, headerEnd + 4 + length);
        request.url = request.target.startsWith('/')
                          ? QUrl::fromEncoded((m_tls ? QByteArray("https") : QByteArray("http"))
                                              + "://127.0.0.1:" + QByteArray::number(m_port) + request.target)
                          : QUrl::fromEncoded(request.target);
        if (auto *ssl = qobject_cast<QSslSocket *>(socket); ssl && !ssl->peerCertificate().isNull()) {
            request.peerCommonName = ssl->peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0);
        }
        m_requests.append(request);
        answer(socket, request);
        if (connection->stalled || connection->closing) {
            return;
        }
    }
}

void HttpTestServer::answer(QTcpSocket *socket, const HttpTestRequest &request)
{
    HttpTestResponse response;
    if (!m_queue.empty()) {
        response = std::move(m_queue.front());
        m_queue.pop_front();
    } else if (m_handler) {
        response = m_handler(request);
    } else {
        response = HttpTestResponse::json(404, R"({"message":"Not Found"})");
    }
    const std::shared_ptr<Connection> connection = m_connections.value(socket);
    if (!connection) {
        return;
    }
    if (response.fault == HttpTestResponse::Fault::StallBeforeAnswer) {
        connection->stalled = true;
        return;
    }
    if (response.fault == HttpTestResponse::Fault::Drop) {
        connection->closing = true;
        socket->disconnectFromHost();
        return;
    }
    QByteArray body = response.body;
    if (response.gzip) {
        body = gzip(body);
        response.setHeader("Content-Encoding", "gzip");
    }
    const QByteArray reason = response.reason.isEmpty() ? reasonPhrase(response.status) : response.reason;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason + "\r\n";
    bool close = request.header("Connection").toLower() == "close";
    for (const auto &h : std::as_const(response.headers)) {
        head += h.first + ": " + h.second + "\r\n";
        if (h.first.compare("Connection", Qt::CaseInsensitive) == 0 && h.second.toLower() == "close") {
            close = true;
        }
    }
    if (response.header("Content-Length").isEmpty()) {
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    head += "\r\n";
    const qsizetype cut = response.faultAt < 0 ? body.size() / 2 : std::min(response.faultAt, body.size());
    switch (response.fault) {
    case HttpTestResponse::Fault::None:
        socket->write(head + body);
        if (close) {
            connection->closing = true;
            socket->disconnectFromHost();
        }
        break;
    case HttpTestResponse::Fault::CutOff:
        socket->write(head + body.left(cut));
        connection->closing = true;
        socket->disconnectFromHost(); // after the bytes above are written
        break;
    case HttpTestResponse::Fault::Stall:
        socket->write(head + body.left(cut));
        connection->stalled = true;
        break;
    case HttpTestResponse::Fault::StallBeforeAnswer:
    case HttpTestResponse::Fault::Drop:
        break;
    }
}

QJsonArray HttpTestServer::loadFixture(const QString &scenario)
{
    QFile file(corpusPath(QStringLiteral("github/octokit-fixtures/%1.normalized-fixture.json").arg(scenario)));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).array();
}

HttpTestResponse HttpTestServer::replay(const QJsonObject &record) const
{
    const QByteArray api = "https://api.github.com";
    QByteArray here = url(QString()).toEncoded();
    HttpTestResponse r;
    r.status = record.value(QLatin1String("status")).toInt();
    const QJsonObject headers = record.value(QLatin1String("headers")).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        const QByteArray name = it.key().toUtf8();
        if (name == "content-length" || name == "transfer-encoding" || name == "content-encoding") {
            continue; // recomputed: the body is serialised again
        }
        QByteArray value = it.value().toVariant().toString().toUtf8();
        value.replace(api, here);
        r.headers.append({name, value});
    }
    const QJsonValue response = record.value(QLatin1String("response"));
    if (response.isString()) {
        r.body = response.toString().toUtf8();
    } else if (response.isArray()) {
        r.body = QJsonDocument(response.toArray()).toJson(QJsonDocument::Compact);
    } else if (response.isObject()) {
        r.body = QJsonDocument(response.toObject()).toJson(QJsonDocument::Compact);
    }
    r.body.replace(api, here);
    return r;
}

QByteArray HttpTestServer::gzip(const QByteArray &data)
{
    // qCompress gives a 4-byte length, then a zlib stream: a 2-byte header, raw deflate data, a 4-byte Adler-32.
    // gzip (RFC 1952) wraps the same deflate data in its own header and trailer.
    const QByteArray zlib = qCompress(data, 9);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    out += zlib.mid(6, zlib.size() - 6 - 4);
    appendLittleEndian(out, crc32(data));
    appendLittleEndian(out, quint32(data.size()));
    return out;
}

QByteArray HttpTestServer::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    return QTest::qWaitFor(done, timeoutMs);
}

} // namespace Portolan::Test
