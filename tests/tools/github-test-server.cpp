// A stand-alone GitHub API test server (tests/support/GitHubTestServer) for trying the GUI by hand and for
// screenshots:
//   github-test-server --port 8765 [--repos 40] [--owner acme] [--token T] [--budget 5000]
// prints its URL; point a `type: github` source at it (url: <printed URL>, options: {organization: <owner>}).
#include "support/GitHubTestServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;
using Portolan::Test::GitHubTestServer;

namespace {

// The test server listens on a port the OS chooses; this forwards --port to it, byte for byte.
void forward(QTcpSocket *client, quint16 target)
{
    auto *upstream = new QTcpSocket(client);
    upstream->connectToHost(QHostAddress::LocalHost, target);
    QObject::connect(client, &QTcpSocket::readyRead, upstream,
                     [client, upstream] { upstream->write(client->readAll()); });
    QObject::connect(upstream, &QTcpSocket::connected, upstream,
                     [client, upstream] { upstream->write(client->readAll()); });
    QObject::connect(upstream, &QTcpSocket::readyRead, client,
                     [client, upstream] { client->write(upstream->readAll()); });
    QObject::connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
    QObject::connect(client, &QTcpSocket::disconnected, client, [client] { client->deleteLater(); });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A loopback GitHub REST API answering with GitHub's recorded examples"_s);
    parser.addHelpOption();
    const QCommandLineOption port(u"port"_s, u"Port on 127.0.0.1 (0: any)"_s, u"port"_s, u"0"_s);
    const QCommandLineOption repos(u"repos"_s, u"Generated repositories (0: a small demo organisation)"_s, u"n"_s,
                                   u"0"_s);
    const QCommandLineOption owner(u"owner"_s, u"The organisation"_s, u"name"_s, u"octocat"_s);
    const QCommandLineOption token(u"token"_s, u"The bearer token required (empty: any)"_s, u"token"_s);
    const QCommandLineOption budget(u"budget"_s, u"The rate limit per token and hour"_s, u"n"_s, u"5000"_s);
    parser.addOptions({port, repos, owner, token, budget});
    parser.process(app);

    GitHubTestServer server;
    server.setOwner(parser.value(owner));
    server.setToken(parser.value(token));
    const int limit = parser.value(budget).toInt();
    server.setBudget(limit, limit);
    const int count = parser.value(repos).toInt();
    if (count > 0) {
        server.generateRepositories(count);
    } else {
        server.generateRepositories(6);
        auto &list = server.repositories();
        list[4].files.clear(); // a repository without a descriptor
        list[4].files.insert(u".github/CODEOWNERS"_s, "* @" + parser.value(owner).toUtf8() + "/platform\n");
        list[4].topics = {u"tooling"_s};
        list[5].archived = true;
        list[5].insights = false;
    }
    if (!server.listen()) {
        std::fprintf(stderr, "github-test-server: cannot listen\n");
        return 1;
    }
    QTcpServer front;
    const quint16 wanted = quint16(parser.value(port).toUInt());
    if (wanted != 0) {
        if (!front.listen(QHostAddress::LocalHost, wanted)) {
            std::fprintf(stderr, "github-test-server: cannot listen on port %u\n", unsigned(wanted));
            return 1;
        }
        const quint16 internal = quint16(QUrl(server.url()).port());
        server.setPublicUrl(u"http://127.0.0.1:%1"_s.arg(wanted));
        QObject::connect(&front, &QTcpServer::newConnection, &front, [&front, internal] {
            while (QTcpSocket *client = front.nextPendingConnection()) {
                forward(client, internal);
            }
        });
    }
    QTextStream(stdout) << server.url() << Qt::endl;
    return app.exec();
}
