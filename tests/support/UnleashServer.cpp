#include "UnleashServer.h"

#include "GitDaemon.h" // waitUntil
#include "TestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Portolan::Test {

namespace {

// Unleash's migrations make up most of a start; a busy CI machine (a build beside the tests) doubles it.
constexpr int StartTimeoutMs = 120000;
constexpr int StopTimeoutMs = 30000;
constexpr int RequestTimeoutMs = 10000;
// unleash.sh's exit code for "node, PostgreSQL or the npm install is missing".
constexpr int NotInstalledExitCode = 3;

QString scriptPath()
{
    return dataPath(u"../tools/servers/unleash.sh"_s);
}

// Flag and project names go into the path; Unleash allows characters (`.`, `~`) that a URL may leave as they are,
// but nothing that needs escaping should reach the path unescaped either.
QString segment(const QString &name)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(name));
}

} // namespace

UnleashServer::UnleashServer() = default;

UnleashServer::~UnleashServer()
{
    stop();
}

bool UnleashServer::start()
{
    if (!m_dir.isValid()) {
        m_error = m_dir.errorString();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    const int code = runScript(u"start"_s, StartTimeoutMs, &out);
    m_startMs = timer.elapsed();
    if (code != 0) {
        m_notInstalled = code == NotInstalledExitCode;
        return false;
    }
    // One line, "URL TOKEN"; the token has no spaces.
    const QStringList fields = QString::fromUtf8(out).trimmed().split(u' ');
    if (fields.size() != 2 || !fields[0].startsWith(u"http://127.0.0.1:"_s)) {
        m_error = u"unleash.sh start printed %1"_s.arg(QString::fromUtf8(out));
        return false;
    }
    m_url = fields[0];
    m_adminToken = fields[1];
    m_running = true;
    m_network = std::make_unique<QNetworkAccessManager>();
    // Loopback only: an http_proxy in the environment must not see these requests.
    m_network->setProxy(QNetworkProxy::NoProxy);
    return true;
}

void UnleashServer::stop()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    m_network.reset();
    runScript(u"stop"_s, StopTimeoutMs);
}

int UnleashServer::runScript(const QString &command, int timeoutMs, QByteArray *out)
{
    QProcess script;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Should this process crash or be killed (ctest's timeout), the servers notice within a second and stop
    // themselves, instead of outliving the test with a database and a port each.
    env.insert(u"PORTOLAN_UNLEASH_OWNER_PID"_s, QString::number(QCoreApplication::applicationPid()));
    script.setProcessEnvironment(env);
    script.start(u"bash"_s, {scriptPath(), command, m_dir.path()});
    if (!script.waitForStarted(5000)) {
        m_error = u"bash %1: %2"_s.arg(scriptPath(), script.errorString());
        return -1;
    }
    if (!script.waitForFinished(timeoutMs)) {
        // The script's own traps stop whatever it had started when it is terminated.
        script.terminate();
        script.waitForFinished(5000);
        m_error = u"unleash.sh %1 did not finish within %2 ms"_s.arg(command).arg(timeoutMs);
        return -1;
    }
    if (out) {
        *out = script.readAllStandardOutput();
    }
    // Its standard error holds the reason of a failure, and the timing line of a start.
    const QString messages = QString::fromUtf8(script.readAllStandardError()).trimmed();
    if (script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0) {
        m_error = u"unleash.sh %1 failed (exit code %2): %3"_s.arg(command).arg(script.exitCode()).arg(messages);
        return script.exitStatus() == QProcess::NormalExit ? script.exitCode() : -1;
    }
    return 0;
}

UnleashServer::Reply UnleashServer::send(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    if (!m_network) {
        return {};
    }
    QNetworkRequest request(QUrl(m_url + path));
    request.setTransferTimeout(RequestTimeoutMs);
    // Unleash takes an API token as the whole header value, without a "Bearer" scheme.
    request.setRawHeader("Authorization", m_adminToken.toUtf8());
    QByteArray payload;
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    std::unique_ptr<QNetworkReply> reply(m_network->sendCustomRequest(request, verb, payload));
    waitUntil([&] { return reply->isFinished(); }, RequestTimeoutMs + 1000);
    if (!reply->isFinished()) {
        reply->abort();
        return {};
    }
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

bool UnleashServer::expect(int status, const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    const Reply reply = send(verb, path, body);
    if (reply.status == status) {
        return true;
    }
    // Unleash's errors are {"name": "NotFoundError", "message": "...", "details": [...]}; the message is enough.
    const QJsonObject error = QJsonDocument::fromJson(reply.body).object();
    const QString message =
        error.contains(u"message"_s) ? error.value(u"message"_s).toString() : QString::fromUtf8(reply.body.left(500));
    m_error = u"%1 %2: HTTP %3 instead of %4: %5"_s.arg(QString::fromLatin1(verb), path)
                  .arg(reply.status)
                  .arg(status)
                  .arg(message);
    return false;
}

QString UnleashServer::flagPath(const QString &project, const QString &flag) const
{
    return u"/api/admin/projects/%1/features/%2"_s.arg(segment(project), segment(flag));
}

bool UnleashServer::createProject(const QString &id, const QString &name)
{
    return expect(201, "POST", u"/api/admin/projects"_s, {{u"id"_s, id}, {u"name"_s, name}});
}

bool UnleashServer::createFlag(const QString &project, const QString &name, const QString &type,
                               const QString &description)
{
    QJsonObject flag{{u"name"_s, name}, {u"type"_s, type}};
    if (!description.isEmpty()) {
        flag.insert(u"description"_s, description);
    }
    return expect(201, "POST", u"/api/admin/projects/%1/features"_s.arg(segment(project)), flag);
}

// Both answer 200 with an empty body, although Unleash's OpenAPI description promises the flag.
bool UnleashServer::enable(const QString &project, const QString &flag, const QString &environment)
{
    return expect(200, "POST", flagPath(project, flag) + u"/environments/%1/on"_s.arg(segment(environment)));
}

bool UnleashServer::disable(const QString &project, const QString &flag, const QString &environment)
{
    return expect(200, "POST", flagPath(project, flag) + u"/environments/%1/off"_s.arg(segment(environment)));
}

// The project's bulk endpoint (202, empty body): 7.5 has no per-flag stale route in its admin API any more. It
// ignores names that do not exist, so an unknown flag passes here and shows up in getFlag.
bool UnleashServer::markStale(const QString &project, const QString &flag, bool stale)
{
    return expect(202, "POST", u"/api/admin/projects/%1/stale"_s.arg(segment(project)),
                  {{u"features"_s, QJsonArray{flag}}, {u"stale"_s, stale}});
}

bool UnleashServer::tag(const QString &flag, const QString &type, const QString &value)
{
    return expect(201, "POST", u"/api/admin/features/%1/tags"_s.arg(segment(flag)),
                  {{u"type"_s, type}, {u"value"_s, value}});
}

QJsonObject UnleashServer::getFlag(const QString &project, const QString &name)
{
    const QString path = flagPath(project, name);
    const Reply reply = send("GET", path);
    if (reply.status != 200) {
        m_error = u"GET %1: HTTP %2: %3"_s.arg(path).arg(reply.status).arg(QString::fromUtf8(reply.body.left(500)));
        return {};
    }
    return QJsonDocument::fromJson(reply.body).object();
}

} // namespace Portolan::Test
