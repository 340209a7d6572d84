#pragma once

#include "actions/StepExecutor.h"
#include "net/BlockingHttp.h"
#include "sources/kubernetes/KubeConfig.h"

#include <QStringList>

#include <memory>

namespace Portolan::Core {

class Clock;

// The endpoint with its exec plugin's credential filled in (KubeCredentials), resolved on this (worker) thread with an
// event loop of its own; Cancelled once `cancel` is set.
[[nodiscard]] Result<KubeEndpoint> resolveKubeCredentials(const KubeEndpoint &endpoint, const Clock *clock,
                                                          const std::atomic_bool *cancel);
// A blocking client for the endpoint (its server, credential and TLS).
[[nodiscard]] std::unique_ptr<BlockingHttp> kubeHttp(const KubeEndpoint &endpoint);

// The kubeconfig files of an environment: ActionEnvironment::kubeconfig (relative paths from the workspace), else
// $KUBECONFIG or ~/.kube/config.
[[nodiscard]] QStringList kubeconfigFiles(const ActionEnvironment &environment);

// A step's blocking connection to one context of the user's kubeconfig, with the kubeconfig's own credentials
// (KubeConfig + KubeCredentials, as the kubernetes source uses them; exec plugins run on this worker thread). A request
// the cluster answers 401 is sent once more with the credential got again (a token that expired since it was read: an
// exec plugin runs again, a token file is read again). Used by kubernetes:apply, kubernetes:delete and ttl:extend (and
// the functions above by the Kubernetes lease store).
class KubeSession
{
public:
    KubeSession(KubeEndpoint configured, const ActionEnvironment &environment, StepContext &context);
    ~KubeSession();
    Q_DISABLE_COPY_MOVE(KubeSession)

    // The endpoint of `contextName` (empty: the kubeconfig's current context), or a Config error naming `field`.
    [[nodiscard]] static Result<KubeEndpoint> endpointOf(const QString &contextName,
                                                         const ActionEnvironment &environment, const QString &field);

    // Resolves the credential (logging the kubeconfig's warnings the first time).
    [[nodiscard]] Result<void> open();
    [[nodiscard]] BlockingHttp &http() { return *m_http; }
    [[nodiscard]] const KubeEndpoint &endpoint() const { return m_endpoint; }
    [[nodiscard]] Result<HttpResponse> send(const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
                                            const QByteArray &contentType = {});
    void log(const QString &line) const;

private:
    KubeEndpoint m_configured;
    const ActionEnvironment &m_environment;
    StepContext &m_context;
    KubeEndpoint m_endpoint;
    std::unique_ptr<BlockingHttp> m_http;
    bool m_retriedAuth = false;
};

} // namespace Portolan::Core
