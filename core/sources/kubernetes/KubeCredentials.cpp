#include "KubeCredentials.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

Q_LOGGING_CATEGORY(lcKubeCredentials, "portolan.source.kubernetes", QtInfoMsg)

constexpr qint64 maxOutput = 4 * 1024 * 1024;
constexpr int stderrLines = 10;
constexpr int stderrChars = 2000;

const QString execV1 = u"client.authentication.k8s.io/v1"_s;
const QString execV1beta1 = u"client.authentication.k8s.io/v1beta1"_s;

// The first lines of a plugin's stderr, for an error's detail. Plugins print what went wrong there (and client-go
// shows it too); stdout is never shown, since it carries the credential.
QString firstLines(const QByteArray &err)
{
    const QStringList lines = QString::fromUtf8(err).trimmed().split(u'\n');
    QString out = lines.mid(0, stderrLines).join(u'\n').trimmed();
    if (lines.size() > stderrLines) {
        out += u"\n…"_s;
    }
    if (out.size() > stderrChars) {
        out = out.left(stderrChars) + u'…';
    }
    return out;
}

// RFC 3339 as Go writes it ("2006-01-02T15:04:05.999999999Z07:00"): Qt's ISO parser does not take more than
// millisecond fractions, so they are cut first.
std::optional<QDateTime> parseRfc3339(const QString &text)
{
    static const QRegularExpression re(
        u"^(\\d{4}-\\d{2}-\\d{2})[Tt](\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    const QString zone = m.captured(4).toUpper();
    QDateTime at = QDateTime::fromString(m.captured(1) + u'T' + m.captured(2) + zone, Qt::ISODate);
    if (!at.isValid()) {
        return std::nullopt;
    }
    const QString fraction = m.captured(3).mid(1);
    if (!fraction.isEmpty()) {
        at = at.addMSecs(QString(fraction + u"00"_s).left(3).toInt());
    }
    return at.toUTC();
}

} // namespace

struct KubeCredentials::Run
{
    QPointer<QProcess> process;
    QList<std::pair<KubeEndpoint, Callback>> waiting;
    bool finished = false;
    bool timedOut = false;
    bool tooLarge = false;
};

KubeCredentials::KubeCredentials(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : &Clock::system())
{ }

KubeCredentials::~KubeCredentials()
{
    // Plugins still running are stopped; their callers are not called back.
    for (const std::shared_ptr<Run> &run : std::as_const(m_running)) {
        run->finished = true;
        if (run->process) {
            disconnect(run->process, nullptr, this, nullptr);
            run->process->kill();
            run->process->waitForFinished(1000);
        }
    }
}

QString KubeCredentials::cacheKey(const KubeEndpoint &endpoint)
{
    if (!endpoint.exec) {
        return {};
    }
    const KubeExecConfig &x = *endpoint.exec;
    QJsonArray env;
    for (const auto &[name, value] : x.env) {
        env.append(QJsonArray{name, value});
    }
    // A relative command means another program in another kubeconfig's folder.
    const QString folder = x.command.contains(u'/') ? KubeConfig::resolvePath(x.command, x.configFile) : QString();
    const QJsonArray key{x.apiVersion,
                         x.command,
                         folder,
                         QJsonArray::fromStringList(x.args),
                         env,
                         endpoint.cluster,
                         endpoint.server.toString(),
                         x.provideClusterInfo};
    return QString::fromUtf8(QJsonDocument(key).toJson(QJsonDocument::Compact));
}

void KubeCredentials::resolve(const KubeEndpoint &endpoint, Callback done)
{
    if (!endpoint.exec) {
        KubeEndpoint out = endpoint;
        if (!out.tokenFile.isEmpty()) {
            // Read again each time: service-account and workload-identity tokens in files are rotated.
            QFile file(out.tokenFile);
            const QString token =
                file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.read(1024 * 1024)).trimmed() : QString();
            if (token.isEmpty()) {
                Error e = makeError(Error::Code::Credentials,
                                    tr("The token file of user \"%1\" cannot be read or is empty").arg(out.user));
                e.detail = out.tokenFile;
                e.file = out.tokenFile;
                deliverLater(std::move(done), e);
                return;
            }
            out.auth.kind = HttpAuth::Kind::Bearer;
            out.auth.secret = token;
        }
        deliverLater(std::move(done), out);
        return;
    }
    const QString key = cacheKey(endpoint);
    const auto cached = m_cache.constFind(key);
    if (cached != m_cache.constEnd() && fresh(*cached)) {
        deliverLater(std::move(done), apply(endpoint, *cached));
        return;
    }
    if (const std::shared_ptr<Run> running = m_running.value(key)) {
        running->waiting.append({endpoint, std::move(done)});
        return;
    }
    auto run = std::make_shared<Run>();
    run->waiting.append({endpoint, std::move(done)});
    m_running.insert(key, run);
    start(key, endpoint);
}

void KubeCredentials::invalidate(const KubeEndpoint &endpoint)
{
    if (endpoint.exec) {
        m_cache.remove(cacheKey(endpoint));
    }
}

void KubeCredentials::clear()
{
    m_cache.clear();
}

bool KubeCredentials::fresh(const Credential &credential) const
{
    return !credential.expiry || m_clock->now() < *credential.expiry;
}

void KubeCredentials::deliverLater(Callback done, Result<KubeEndpoint> result)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)]() { done(result); }, Qt::QueuedConnection);
}

Result<KubeEndpoint> KubeCredentials::apply(KubeEndpoint endpoint, const Credential &credential)
{
    if (!credential.token.isEmpty()) {
        endpoint.auth = {};
        endpoint.auth.kind = HttpAuth::Kind::Bearer;
        endpoint.auth.secret = credential.token;
    }
    if (!credential.clientCertificateData.isEmpty()) {
        endpoint.tls.clientCertificate.clear();
        endpoint.tls.clientKey.clear();
        endpoint.tls.clientCertificateData = credential.clientCertificateData;
        endpoint.tls.clientKeyData = credential.clientKeyData;
    }
    return endpoint;
}

void KubeCredentials::start(const QString &key, const KubeEndpoint &endpoint)
{
    const KubeExecConfig &x = *endpoint.exec;
    const auto fail = [&](const QString &message, const QString &detail = {}) {
        Error e = makeError(Error::Code::Auth, message, detail);
        e.file = x.configFile;
        e.line = x.line;
        e.field = x.field;
        finish(key, e);
    };
    // KubeConfig::endpoint() refuses these already; an endpoint made by hand is checked again.
    if (x.apiVersion != execV1 && x.apiVersion != execV1beta1) {
        fail(tr("The credential plugin of user \"%1\" asks for the unsupported apiVersion \"%2\"")
                 .arg(endpoint.user, x.apiVersion));
        return;
    }
    if (x.interactiveMode == "Always"_L1) {
        fail(tr("The credential plugin of user \"%1\" needs a terminal (interactiveMode: Always)").arg(endpoint.user));
        return;
    }

    QString program;
    if (x.command.contains(u'/')) {
        program = KubeConfig::resolvePath(x.command, x.configFile);
        const QFileInfo info(program);
        if (!info.isFile() || !info.isExecutable()) {
            program.clear();
        }
    } else if (!x.command.isEmpty()) {
        program = QStandardPaths::findExecutable(x.command);
    }
    if (program.isEmpty()) {
        const QString where = x.command.contains(u'/') ? KubeConfig::resolvePath(x.command, x.configFile)
                                                       : u"PATH: "_s + qEnvironmentVariable("PATH");
        if (x.installHint.isEmpty()) {
            fail(tr("The credential plugin \"%1\" of user \"%2\" was not found").arg(x.command, endpoint.user), where);
        } else {
            fail(tr("The credential plugin \"%1\" of user \"%2\" was not found. %3")
                     .arg(x.command, endpoint.user, x.installHint),
                 where);
        }
        return;
    }

    QJsonObject spec{{u"interactive"_s, false}};
    if (x.provideClusterInfo) {
        QJsonObject cluster{{u"server"_s, endpoint.server.toString(QUrl::FullyEncoded)}};
        if (!endpoint.tlsServerName.isEmpty()) {
            cluster.insert(u"tls-server-name"_s, endpoint.tlsServerName);
        }
        if (!endpoint.tls.verify) {
            cluster.insert(u"insecure-skip-tls-verify"_s, true);
        }
        QByteArray ca = endpoint.tls.caData;
        if (ca.isEmpty() && !endpoint.tls.caBundle.isEmpty()) {
            QFile file(endpoint.tls.caBundle);
            if (file.open(QIODevice::ReadOnly)) {
                ca = file.read(maxOutput);
            }
        }
        if (!ca.isEmpty()) {
            cluster.insert(u"certificate-authority-data"_s, QString::fromLatin1(ca.toBase64()));
        }
        if (!endpoint.proxyUrl.isEmpty()) {
            cluster.insert(u"proxy-url"_s, endpoint.proxyUrl);
        }
        spec.insert(u"cluster"_s, cluster);
    }
    const QJsonObject info{{u"apiVersion"_s, x.apiVersion}, {u"kind"_s, u"ExecCredential"_s}, {u"spec"_s, spec}};

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : x.env) {
        environment.insert(name, value);
    }
    environment.insert(u"KUBERNETES_EXEC_INFO"_s,
                       QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)));

    const std::shared_ptr<Run> run = m_running.value(key);
    auto *process = new QProcess(this);
    run->process = process;
    process->setProgram(program);
    process->setArguments(x.args);
    process->setProcessEnvironment(environment);
    process->setStandardInputFile(QProcess::nullDevice()); // never interactive
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    timer->setInterval(m_timeoutMs);

    const QString user = endpoint.user;
    const KubeExecConfig exec = x;
    const int timeoutMs = m_timeoutMs;
    const auto located = [exec](const QString &message, const QString &detail) {
        Error e = makeError(Error::Code::Auth, message, detail);
        e.file = exec.configFile;
        e.line = exec.line;
        e.field = exec.field;
        return e;
    };
    connect(timer, &QTimer::timeout, process, [run, process]() {
        run->timedOut = true;
        process->kill();
    });
    connect(process, &QProcess::readyReadStandardOutput, this, [run, process]() {
        if (process->bytesAvailable() > maxOutput && !run->tooLarge) {
            run->tooLarge = true;
            process->kill();
        }
    });
    connect(
        process, &QProcess::errorOccurred, this,
        [this, key, run, process, user, exec, located](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart || run->finished) {
                return;
            }
            run->finished = true;
            process->deleteLater();
            finish(
                key,
                located(tr("The credential plugin \"%1\" of user \"%2\" could not be started").arg(exec.command, user),
                        process->errorString()));
        });
    connect(
        process, &QProcess::finished, this,
        [this, key, run, process, endpoint, user, exec, located, timeoutMs](int code, QProcess::ExitStatus status) {
            if (run->finished) {
                return;
            }
            run->finished = true;
            process->deleteLater();
            const QString err = firstLines(process->readAllStandardError());
            if (run->timedOut) {
                const int seconds = std::max(1, timeoutMs / 1000);
                finish(key, located(tr("The credential plugin \"%1\" of user \"%2\" did not answer within %n "
                                       "second(s)",
                                       nullptr, seconds)
                                        .arg(exec.command, user),
                                    err));
                return;
            }
            if (run->tooLarge) {
                finish(key, located(tr("The credential plugin \"%1\" of user \"%2\" printed more than %3 MiB")
                                        .arg(exec.command, user)
                                        .arg(maxOutput >> 20),
                                    err));
                return;
            }
            if (status != QProcess::NormalExit) {
                finish(key,
                       located(tr("The credential plugin \"%1\" of user \"%2\" crashed").arg(exec.command, user), err));
                return;
            }
            if (code != 0) {
                qCInfo(lcKubeCredentials)
                    << "credential plugin" << exec.command << "of user" << user << "exited with" << code;
                finish(key, located(tr("The credential plugin \"%1\" of user \"%2\" failed with exit code %3")
                                        .arg(exec.command, user)
                                        .arg(code),
                                    err));
                return;
            }
            finish(key, parseOutput(endpoint, process->readAllStandardOutput()));
        });

    ++m_runs;
    // Arguments and environment may hold secrets (a service-account key passed as an argument): never logged.
    qCDebug(lcKubeCredentials) << "running credential plugin" << program << "for user" << user;
    process->start();
    timer->start();
}

Result<KubeCredentials::Credential> KubeCredentials::parseOutput(const KubeEndpoint &endpoint,
                                                                 const QByteArray &out) const
{
    const KubeExecConfig &x = *endpoint.exec;
    const auto bad = [&](const QString &detail) {
        Error e = makeError(Error::Code::Auth,
                            tr("The credential plugin \"%1\" of user \"%2\" did not print a valid ExecCredential")
                                .arg(x.command, endpoint.user),
                            detail);
        e.file = x.configFile;
        e.line = x.line;
        e.field = x.field;
        return e;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The output itself is never shown: it may hold a token.
        return bad(u"stdout is not JSON: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset));
    }
    if (!doc.isObject()) {
        return bad(u"stdout is not a JSON object"_s);
    }
    const QJsonObject root = doc.object();
    const QString kind = root.value(u"kind"_s).toString();
    if (kind != "ExecCredential"_L1) {
        return bad(u"kind is \"%1\", expected \"ExecCredential\""_s.arg(kind.left(80)));
    }
    const QString apiVersion = root.value(u"apiVersion"_s).toString();
    if (apiVersion != x.apiVersion) {
        Error e = bad(u"apiVersion is \"%1\", expected \"%2\""_s.arg(apiVersion.left(80), x.apiVersion));
        e.message = tr("The credential plugin \"%1\" of user \"%2\" answered with apiVersion \"%3\" instead of "
                       "\"%4\"")
                        .arg(x.command, endpoint.user, apiVersion.left(80), x.apiVersion);
        return e;
    }
    const QJsonValue statusValue = root.value(u"status"_s);
    if (!statusValue.isObject()) {
        return bad(u"the ExecCredential has no status"_s);
    }
    const QJsonObject status = statusValue.toObject();
    Credential c;
    c.token = status.value(u"token"_s).toString();
    c.clientCertificateData = status.value(u"clientCertificateData"_s).toString().toUtf8();
    c.clientKeyData = status.value(u"clientKeyData"_s).toString().toUtf8();
    if (c.clientCertificateData.isEmpty() != c.clientKeyData.isEmpty()) {
        return bad(c.clientCertificateData.isEmpty() ? u"status.clientKeyData without status.clientCertificateData"_s
                                                     : u"status.clientCertificateData without status.clientKeyData"_s);
    }
    if (c.token.isEmpty() && c.clientCertificateData.isEmpty()) {
        return bad(u"status has neither a token nor clientCertificateData and clientKeyData"_s);
    }
    const QString expiry = status.value(u"expirationTimestamp"_s).toString();
    if (!expiry.isEmpty()) {
        c.expiry = parseRfc3339(expiry);
        if (!c.expiry) {
            return bad(u"status.expirationTimestamp \"%1\" is not an RFC 3339 time"_s.arg(expiry.left(80)));
        }
    }
    return c;
}

void KubeCredentials::finish(const QString &key, const Result<Credential> &result)
{
    const std::shared_ptr<Run> run = m_running.take(key);
    if (result) {
        m_cache.insert(key, result.value());
    }
    if (!run) {
        return;
    }
    for (auto &[endpoint, done] : run->waiting) {
        if (result) {
            deliverLater(std::move(done), apply(endpoint, result.value()));
        } else {
            deliverLater(std::move(done), result.error());
        }
    }
}

} // namespace Portolan::Core
