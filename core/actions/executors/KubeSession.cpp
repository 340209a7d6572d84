#include "KubeSession.h"

#include "sources/kubernetes/KubeCredentials.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::KubernetesApplyExecutor)
};

constexpr int cancelPollMs = 50;

// The endpoint with its exec plugin's credential filled in, resolved on this (worker) thread.
} // namespace

Result<KubeEndpoint> resolveKubeCredentials(const KubeEndpoint &endpoint, const Clock *clock,
                                            const std::atomic_bool *cancel)
{
    QEventLoop loop;
    std::optional<Result<KubeEndpoint>> resolved;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&loop, cancel] {
        if (cancel && cancel->load()) {
            loop.quit();
        }
    });
    // Made after `loop` and `resolved`, so it is gone (and calls nothing back) before they are.
    KubeCredentials credentials(clock);
    credentials.resolve(endpoint, [&resolved, &loop](Result<KubeEndpoint> result) {
        resolved.emplace(std::move(result));
        loop.quit();
    });
    if (!resolved) {
        poll.start(cancelPollMs);
        loop.exec();
    }
    if (!resolved) {
        return makeError(Error::Code::Cancelled, Tr::tr("Cancelled while getting the cluster's credentials"));
    }
    return std::move(*resolved);
}

std::unique_ptr<BlockingHttp> kubeHttp(const KubeEndpoint &endpoint)
{
    HttpOptions options;
    options.baseUrl = endpoint.server;
    options.auth = endpoint.auth;
    options.tls = endpoint.tls;
    options.headers = {{"Accept", "application/json"}};
    return std::make_unique<BlockingHttp>(options);
}

QStringList kubeconfigFiles(const ActionEnvironment &environment)
{
    if (environment.kubeconfig.isEmpty()) {
        return KubeConfig::defaultFiles();
    }
    QStringList files;
    for (const QString &entry : environment.kubeconfig.split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
        files.append(QDir::isRelativePath(entry) && !environment.workspaceRoot.isEmpty()
                         ? QDir(environment.workspaceRoot).filePath(entry)
                         : entry);
    }
    return files;
}

KubeSession::KubeSession(KubeEndpoint configured, const ActionEnvironment &environment, StepContext &context)
    : m_configured(std::move(configured))
    , m_environment(environment)
    , m_context(context)
{ }

KubeSession::~KubeSession() = default;

Result<KubeEndpoint> KubeSession::endpointOf(const QString &contextName, const ActionEnvironment &environment,
                                             const QString &field)
{
    Result<KubeConfig> config = KubeConfig::load(kubeconfigFiles(environment));
    if (!config.ok()) {
        Error e = config.error();
        e.field = field;
        return e;
    }
    Result<KubeEndpoint> endpoint = config->endpoint(contextName);
    if (!endpoint.ok()) {
        Error e = endpoint.error();
        if (!contextName.isEmpty() && !config->contextNames().contains(contextName)) {
            e = makeError(Error::Code::Config, Tr::tr("The kubeconfig has no context \"%1\"; it has %2")
                                                   .arg(contextName, config->contextNames().join(u", "_s)));
        }
        e.field = field;
        return e;
    }
    return endpoint;
}

Result<void> KubeSession::open()
{
    for (const Error &w : m_http ? QList<Error>() : m_configured.warnings) {
        log(Tr::tr("kubeconfig: %1").arg(w.message));
    }
    Result<KubeEndpoint> endpoint = resolveKubeCredentials(m_configured, m_environment.clock, m_context.cancel);
    if (!endpoint.ok()) {
        return endpoint.error();
    }
    m_endpoint = std::move(endpoint).value();
    m_http = kubeHttp(m_endpoint);
    return {};
}

Result<HttpResponse> KubeSession::send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                                       const QByteArray &contentType)
{
    Result<HttpResponse> answer = m_http->send(verb, url, body, contentType, m_context.cancel);
    if (!answer.ok() && answer.error().httpStatus == 401 && !m_retriedAuth) {
        m_retriedAuth = true;
        log(Tr::tr("The cluster did not accept the credential; getting it again"));
        if (const auto reopened = open(); !reopened.ok()) {
            return reopened.error();
        }
        answer = m_http->send(verb, url, body, contentType, m_context.cancel);
    }
    return answer;
}

void KubeSession::log(const QString &line) const
{
    if (m_context.log) {
        m_context.log(line);
    }
}

} // namespace Portolan::Core
