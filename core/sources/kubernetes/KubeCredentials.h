#pragma once

#include "KubeConfig.h"
#include "util/Clock.h"
#include "util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace Portolan::Core {

// Runs exec credential plugins the way client-go does, asynchronously (QProcess, never blocking the thread):
// KUBERNETES_EXEC_INFO holds an ExecCredential (the configured apiVersion, spec.interactive=false, spec.cluster when
// provideClusterInfo), the configured env is added to the process environment, and stdout is read as an
// ExecCredential: status.token, or status.clientCertificateData + clientKeyData, with an optional RFC 3339
// status.expirationTimestamp. Results are cached per (apiVersion, command, args, env, cluster) until that time, or
// until invalidate() when the plugin gave none. Resolves running at the same time for the same key share one run.
// A plugin that is missing, fails (exit code, bad JSON, wrong apiVersion/kind) or takes longer than the timeout
// gives an Auth error: its stderr (first lines) in detail, the installHint in the message when it was not found.
// Lives on the sync worker thread.
class KubeCredentials final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeCredentials)

public:
    explicit KubeCredentials(const Clock *clock = nullptr, QObject *parent = nullptr);
    ~KubeCredentials() override;

    using Callback = std::function<void(Result<KubeEndpoint>)>;

    // The endpoint with the plugin's token or client certificate filled into auth/tls, or as it is when it has no
    // exec (a tokenFile is read again). `done` is called once, later, on this object's thread, unless this object is
    // destroyed first.
    void resolve(const KubeEndpoint &endpoint, Callback done);
    // After a 401: the next resolve runs the plugin again.
    void invalidate(const KubeEndpoint &endpoint);
    // Forgets every cached credential.
    void clear();

    void setTimeout(int msecs) { m_timeoutMs = msecs; } // 60 s by default
    [[nodiscard]] int timeout() const { return m_timeoutMs; }
    // How many times a plugin was started (for tests and the sources page).
    [[nodiscard]] int pluginRuns() const { return m_runs; }

    // The key results are cached under; empty when the endpoint has no exec.
    [[nodiscard]] static QString cacheKey(const KubeEndpoint &endpoint);

private:
    struct Credential
    {
        QString token;
        QByteArray clientCertificateData;
        QByteArray clientKeyData;
        std::optional<QDateTime> expiry;
    };
    struct Run;

    void start(const QString &key, const KubeEndpoint &endpoint);
    void finish(const QString &key, const Result<Credential> &result);
    [[nodiscard]] Result<Credential> parseOutput(const KubeEndpoint &endpoint, const QByteArray &out) const;
    [[nodiscard]] bool fresh(const Credential &credential) const;
    [[nodiscard]] static Result<KubeEndpoint> apply(KubeEndpoint endpoint, const Credential &credential);
    void deliverLater(Callback done, Result<KubeEndpoint> result);

    const Clock *m_clock;
    int m_timeoutMs = 60'000;
    int m_runs = 0;
    QHash<QString, Credential> m_cache;
    QHash<QString, std::shared_ptr<Run>> m_running;
};

} // namespace Portolan::Core
