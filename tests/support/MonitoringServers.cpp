#include "MonitoringServers.h"

#include "GitDaemon.h" // waitUntil

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpServer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Test {

namespace {

const QString PrometheusBinary = u"/usr/bin/prometheus"_s;
const QString AlertmanagerBinary = u"/usr/bin/prometheus-alertmanager"_s;
constexpr int RequestTimeoutMs = 5000;

// Free ports: bind, note them, release them, and let the servers take them. Both probes listen at once so that the
// two ports differ.
bool freePorts(int *first, int *second, QString *error)
{
    QTcpServer a;
    QTcpServer b;
    if (!a.listen(QHostAddress::LocalHost, 0) || !b.listen(QHostAddress::LocalHost, 0)) {
        *error = a.isListening() ? b.errorString() : a.errorString();
        return false;
    }
    *first = a.serverPort();
    *second = b.serverPort();
    return true;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// Prometheus wraps every answer as {"status": "success", "data": {...}}.
QJsonValue dataField(const QByteArray &body, const QString &key)
{
    return QJsonDocument::fromJson(body).object().value(u"data"_s).toObject().value(key);
}

} // namespace

MonitoringServers::MonitoringServers() = default;

MonitoringServers::~MonitoringServers()
{
    stop();
}

bool MonitoringServers::start()
{
    if (!m_dir.isValid()) {
        m_error = m_dir.errorString();
        return false;
    }
    for (const QString &binary : {AlertmanagerBinary, PrometheusBinary}) {
        if (!QFileInfo(binary).isExecutable()) {
            m_error = u"%1 is missing (Debian packages prometheus and prometheus-alertmanager)"_s.arg(binary);
            return false;
        }
    }
    if (!freePorts(&m_alertmanagerPort, &m_prometheusPort, &m_error)) {
        return false;
    }
    m_network = std::make_unique<QNetworkAccessManager>();
    // Loopback only: an http_proxy in the environment must not see these requests.
    m_network->setProxy(QNetworkProxy::NoProxy);

    const QString dir = m_dir.path();
    // Everything goes to one receiver without integrations: tests read Alertmanager's API, nothing is delivered.
    // Grouping by service gives one group per alert and service, as a team's real route would.
    const QByteArray alertmanagerConfig = "route:\n"
                                          "  receiver: blackhole\n"
                                          "  group_by: [alertname, service]\n"
                                          "  group_wait: 1s\n"
                                          "  group_interval: 1s\n"
                                          "  repeat_interval: 1h\n"
                                          "receivers:\n"
                                          "  - name: blackhole\n";
    // Everything each second, so a rule change shows within a second or two. The self-scrape gives real
    // `up`/`prometheus_*` series beside the rules' ones.
    const QByteArray prometheusConfig = u"global:\n"
                                        "  scrape_interval: 1s\n"
                                        "  evaluation_interval: 1s\n"
                                        "alerting:\n"
                                        "  alertmanagers:\n"
                                        "    - static_configs:\n"
                                        "        - targets: ['127.0.0.1:%1']\n"
                                        "rule_files:\n"
                                        "  - %3/rules.yml\n"
                                        "scrape_configs:\n"
                                        "  - job_name: prometheus\n"
                                        "    static_configs:\n"
                                        "      - targets: ['127.0.0.1:%2']\n"_s.arg(m_alertmanagerPort)
                                            .arg(m_prometheusPort)
                                            .arg(dir)
                                            .toUtf8();
    if (!writeFile(dir + u"/alertmanager.yml"_s, alertmanagerConfig)
        || !writeFile(dir + u"/prometheus.yml"_s, prometheusConfig)
        || !writeFile(dir + u"/rules.yml"_s, "groups: []\n")) {
        m_error = u"cannot write the configuration in %1"_s.arg(dir);
        return false;
    }

    m_alertmanager = std::make_unique<QProcess>();
    // An empty cluster address turns off clustering (gossip on port 9094 of every interface).
    if (!startProcess(*m_alertmanager, AlertmanagerBinary,
                      {u"--config.file=%1/alertmanager.yml"_s.arg(dir), u"--storage.path=%1/alertmanager"_s.arg(dir),
                       u"--web.listen-address=127.0.0.1:%1"_s.arg(m_alertmanagerPort), u"--cluster.listen-address="_s},
                      u"alertmanager.log"_s)
        || !waitReady(*m_alertmanager, alertmanagerUrl(), u"alertmanager.log"_s)) {
        return false;
    }

    m_prometheus = std::make_unique<QProcess>();
    // The external URL puts 127.0.0.1 instead of the host name into alerts' generatorURL, so the link works.
    // Without a 1 s resend delay a new alert reaches Alertmanager only after about a minute.
    if (!startProcess(*m_prometheus, PrometheusBinary,
                      {u"--config.file=%1/prometheus.yml"_s.arg(dir), u"--storage.tsdb.path=%1/prometheus"_s.arg(dir),
                       u"--web.listen-address=127.0.0.1:%1"_s.arg(m_prometheusPort),
                       u"--web.external-url=%1/"_s.arg(prometheusUrl()), u"--web.enable-lifecycle"_s,
                       u"--rules.alert.resend-delay=1s"_s},
                      u"prometheus.log"_s)
        || !waitReady(*m_prometheus, prometheusUrl(), u"prometheus.log"_s)) {
        return false;
    }

    // Prometheus hands discovered targets (the static Alertmanager too) to its notifier at most every 5 s, the first
    // time 5 s after it starts; until then alerts are held back. Waiting here keeps that out of every test's
    // timing: once started, a firing alert reaches Alertmanager within a second or two.
    if (!poll([this] { return alertmanagerDiscovered(); }, 15000)) {
        m_error = u"Prometheus did not discover the Alertmanager: %1"_s.arg(logTail(u"prometheus.log"_s));
        return false;
    }
    return true;
}

bool MonitoringServers::startProcess(QProcess &process, const QString &program, const QStringList &args,
                                     const QString &logName)
{
    // Both log every start-up step and every reload: into a file, read back when something fails.
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardOutputFile(m_dir.path() + u'/' + logName);
    process.start(program, args);
    if (!process.waitForStarted(5000)) {
        m_error = u"%1: %2"_s.arg(program, process.errorString());
        return false;
    }
    return true;
}

bool MonitoringServers::waitReady(const QProcess &process, const QString &url, const QString &logName)
{
    // A server that cannot take its port exits at once; say so instead of waiting out the timeout.
    const bool ready = poll(
        [&] { return process.state() != QProcess::Running || get(QUrl(url + u"/-/ready"_s)).status == 200; }, 10000);
    if (!ready || process.state() != QProcess::Running) {
        m_error = u"%1 did not become ready: %2"_s.arg(process.program(), logTail(logName));
        return false;
    }
    return true;
}

bool MonitoringServers::alertmanagerDiscovered()
{
    const Reply reply = get(QUrl(prometheusUrl() + u"/api/v1/alertmanagers"_s));
    return !dataField(reply.body, u"activeAlertmanagers"_s).toArray().isEmpty();
}

void MonitoringServers::stop()
{
    // Prometheus first, so it does not spend its shutdown sending to an Alertmanager that is gone.
    for (auto *process : {m_prometheus.get(), m_alertmanager.get()}) {
        if (process && process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(5000)) {
                process->kill();
                process->waitForFinished(3000);
            }
        }
    }
}

bool MonitoringServers::isRunning() const
{
    return m_prometheus && m_prometheus->state() == QProcess::Running && m_alertmanager
           && m_alertmanager->state() == QProcess::Running;
}

QString MonitoringServers::prometheusUrl() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_prometheusPort);
}

QString MonitoringServers::alertmanagerUrl() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_alertmanagerPort);
}

bool MonitoringServers::setRules(const QByteArray &rulesYaml)
{
    if (!writeFile(m_dir.path() + u"/rules.yml"_s, rulesYaml)) {
        m_error = u"cannot write %1/rules.yml"_s.arg(m_dir.path());
        return false;
    }
    // The reload answers once the new rule groups replaced the old ones, or with 500 on a YAML or PromQL error (the
    // old rules then stay in force).
    const QDateTime reloaded = QDateTime::currentDateTimeUtc();
    const Reply reply = post(QUrl(prometheusUrl() + u"/-/reload"_s), {});
    if (reply.status != 200) {
        // The answer only says that the reload failed; the log says which rule and why.
        m_error = u"Prometheus rejected the rules (HTTP %1): %2"_s.arg(reply.status).arg(logTail(u"prometheus.log"_s));
        return false;
    }
    // A changed group starts over and evaluates at its next slot, up to a second later; until then its recorded
    // series and alerts are missing. Groups that did not change keep evaluating every second, so "every listed group
    // evaluated since the reload" holds within a second either way.
    const bool evaluated = poll(
        [&] {
            const Reply rules = get(QUrl(prometheusUrl() + u"/api/v1/rules"_s));
            if (rules.status != 200) {
                return false;
            }
            const QJsonArray groups = dataField(rules.body, u"groups"_s).toArray();
            return std::all_of(groups.begin(), groups.end(), [&](const QJsonValue &group) {
                const auto last = QDateTime::fromString(group[u"lastEvaluation"_s].toString(), Qt::ISODateWithMs);
                return last.isValid() && last >= reloaded;
            });
        },
        10000);
    if (!evaluated) {
        m_error = u"the new rules were not evaluated: %1"_s.arg(logTail(u"prometheus.log"_s));
        return false;
    }
    // A reload also empties the notifier's list of Alertmanagers until the next 5 s discovery tick; alerts (and
    // resolutions) wait for it. Waiting here means a firing alert reaches Alertmanager within a second or two of
    // setRules returning, instead of anywhere up to six seconds.
    if (!poll([this] { return alertmanagerDiscovered(); }, 15000)) {
        m_error =
            u"Prometheus did not rediscover the Alertmanager after the reload: %1"_s.arg(logTail(u"prometheus.log"_s));
        return false;
    }
    return true;
}

bool MonitoringServers::prometheusHasAlert(const QString &alertName, const QString &state)
{
    const QJsonArray alerts = dataField(get(QUrl(prometheusUrl() + u"/api/v1/alerts"_s)).body, u"alerts"_s).toArray();
    return std::any_of(alerts.begin(), alerts.end(), [&](const QJsonValue &alert) {
        return alert[u"labels"_s][u"alertname"_s].toString() == alertName
               && (state.isEmpty() || alert[u"state"_s].toString() == state);
    });
}

bool MonitoringServers::alertmanagerHasAlert(const QString &alertName)
{
    // By default /api/v2/alerts lists active, silenced, inhibited and unprocessed alerts, but not resolved ones.
    const Reply reply = get(QUrl(alertmanagerUrl() + u"/api/v2/alerts"_s));
    const QJsonArray alerts = QJsonDocument::fromJson(reply.body).array();
    return std::any_of(alerts.begin(), alerts.end(), [&](const QJsonValue &alert) {
        return alert[u"labels"_s][u"alertname"_s].toString() == alertName;
    });
}

bool MonitoringServers::waitForAlert(const QString &alertName, const QString &state, int timeoutMs)
{
    const bool toAlertmanager = state == u"firing"_s;
    const bool seen = poll(
        [&] { return prometheusHasAlert(alertName, state) && (!toAlertmanager || alertmanagerHasAlert(alertName)); },
        timeoutMs);
    if (!seen) {
        m_error = u"alert %1 was not %2 within %3 ms"_s.arg(alertName, state).arg(timeoutMs);
    }
    return seen;
}

bool MonitoringServers::waitForAlertGone(const QString &alertName, int timeoutMs)
{
    const bool gone =
        poll([&] { return !prometheusHasAlert(alertName, {}) && !alertmanagerHasAlert(alertName); }, timeoutMs);
    if (!gone) {
        m_error = u"alert %1 did not resolve within %2 ms"_s.arg(alertName).arg(timeoutMs);
    }
    return gone;
}

QString MonitoringServers::createSilence(const QString &matcherName, const QString &matcherValue,
                                         const QString &createdBy, const QString &comment,
                                         std::chrono::seconds duration)
{
    // Alertmanager moves a start in the past to the moment it stores the silence.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject silence{
        {u"matchers"_s,
         QJsonArray{QJsonObject{
             {u"name"_s, matcherName}, {u"value"_s, matcherValue}, {u"isRegex"_s, false}, {u"isEqual"_s, true}}}},
        {u"startsAt"_s, now.toString(Qt::ISODateWithMs)},
        {u"endsAt"_s, now.addSecs(duration.count()).toString(Qt::ISODateWithMs)},
        {u"createdBy"_s, createdBy},
        {u"comment"_s, comment},
    };
    const Reply reply = post(QUrl(alertmanagerUrl() + u"/api/v2/silences"_s),
                             QJsonDocument(silence).toJson(QJsonDocument::Compact), "application/json");
    const QString id = QJsonDocument::fromJson(reply.body).object().value(u"silenceID"_s).toString();
    if (reply.status != 200 || id.isEmpty()) {
        m_error = u"Alertmanager did not create the silence (HTTP %1): %2"_s.arg(reply.status)
                      .arg(QString::fromUtf8(reply.body));
        return {};
    }
    return id;
}

bool MonitoringServers::expireSilence(const QString &id)
{
    const Reply reply = deleteResource(QUrl(alertmanagerUrl() + u"/api/v2/silence/"_s + id));
    if (reply.status != 200) {
        m_error = u"Alertmanager did not expire silence %1 (HTTP %2): %3"_s.arg(id)
                      .arg(reply.status)
                      .arg(QString::fromUtf8(reply.body));
        return false;
    }
    return true;
}

MonitoringServers::Reply MonitoringServers::get(const QUrl &url)
{
    return send("GET", url, {}, {});
}

MonitoringServers::Reply MonitoringServers::post(const QUrl &url, const QByteArray &body, const QByteArray &contentType)
{
    return send("POST", url, body, contentType);
}

MonitoringServers::Reply MonitoringServers::deleteResource(const QUrl &url)
{
    return send("DELETE", url, {}, {});
}

MonitoringServers::Reply MonitoringServers::send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                                                 const QByteArray &contentType)
{
    if (!m_network) {
        return {};
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(RequestTimeoutMs);
    if (!contentType.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    }
    std::unique_ptr<QNetworkReply> reply(m_network->sendCustomRequest(request, verb, body));
    waitUntil([&] { return reply->isFinished(); }, RequestTimeoutMs + 1000);
    if (!reply->isFinished()) {
        reply->abort();
        return {};
    }
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

bool MonitoringServers::poll(const std::function<bool()> &check, int timeoutMs)
{
    QElapsedTimer sinceCheck;
    return waitUntil(
        [&] {
            if (sinceCheck.isValid() && sinceCheck.elapsed() < 100) {
                return false;
            }
            sinceCheck.start();
            return check();
        },
        timeoutMs);
}

QString MonitoringServers::logTail(const QString &logName) const
{
    QFile f(m_dir.path() + u'/' + logName);
    if (!f.open(QIODevice::ReadOnly)) {
        return u"(no log)"_s;
    }
    // The last lines say why a server stopped or what a reload rejected.
    const QByteArray log = f.readAll().trimmed();
    return QString::fromUtf8(log.right(1000));
}

} // namespace Portolan::Test
