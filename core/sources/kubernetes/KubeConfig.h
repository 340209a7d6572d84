#pragma once

#include "net/HttpClient.h"
#include "util/Result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace Portolan::Core {

// users[].user.exec of a kubeconfig: a credential plugin (kubelogin, gke-gcloud-auth-plugin, aws eks get-token...).
struct KubeExecConfig
{
    QString apiVersion; // client.authentication.k8s.io/v1 or v1beta1 (v1alpha1 was removed from client-go: an error)
    // As written: looked up on PATH, or, when it contains a '/' and is relative, against the folder of `configFile`
    // (KubeConfig::resolvePath).
    QString command;
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString installHint;
    bool provideClusterInfo = false;
    // Never / IfAvailable / Always. Portolan never has a terminal to give a plugin: "Always" is an error.
    QString interactiveMode;
    QString configFile; // the kubeconfig it came from, for relative commands and for messages
    // Where it was written, for messages: "users[0].user.exec" and the line of its `exec` key.
    QString field;
    int line = 0;
};

// Everything needed to talk to the API server of one context.
struct KubeEndpoint
{
    QString context;
    QString cluster;
    QString user;
    QString ns; // the context's namespace, empty when none
    QUrl server;
    HttpTls tls; // CA, client certificate and key (files resolved, or in-memory *-data); verify=false when insecure
    HttpAuth auth; // Bearer for token/tokenFile, Basic for username/password, None for exec (filled by KubeCredentials)
    std::optional<KubeExecConfig> exec;
    ErrorList warnings; // insecure-skip-tls-verify, unsupported auth-provider, ignored fields... with file/line/field

    // Beyond what the HTTP client needs:
    QString tokenFile; // set when the token came from a file: KubeCredentials::resolve reads it again (rotation)
    QString tlsServerName; // tls-server-name: the certificate is checked against it (tls.peerVerifyName), and SNI
    QString proxyUrl; // proxy-url (given to exec plugins; the HTTP client takes proxies from the environment)
};

struct KubeConfigData;

// A kubeconfig, or several merged the way kubectl merges them. A value type: cheap to copy, safe to hand to
// another thread.
class KubeConfig final
{
public:
    KubeConfig();
    ~KubeConfig();
    KubeConfig(const KubeConfig &other);
    KubeConfig(KubeConfig &&other) noexcept;
    KubeConfig &operator=(const KubeConfig &other);
    KubeConfig &operator=(KubeConfig &&other) noexcept;

    // The files kubectl would read: $KUBECONFIG split on ':' (empty entries skipped, duplicates once), else
    // ~/.kube/config.
    [[nodiscard]] static QStringList defaultFiles();

    // Loads and merges `files` in order, like kubectl: the first file that sets a cluster, user or context name wins
    // (the whole entry), current-context comes from the first file that sets it, relative paths resolve against the
    // file that names them. Missing files are skipped, but when none of them exists (say, one explicitly named file
    // that is missing) it is an Io error. Syntax errors, values of the wrong type, a name twice in one file and
    // invalid base64 in *-data fields are errors naming file, line and field. Problems that only make one context
    // unusable (an auth-provider, an unsupported exec apiVersion, a context naming a missing cluster) are
    // collected in problems() instead.
    [[nodiscard]] static Result<KubeConfig> load(const QStringList &files);

    [[nodiscard]] QStringList contextNames() const; // sorted
    [[nodiscard]] QStringList clusterNames() const; // sorted
    [[nodiscard]] QStringList userNames() const; // sorted
    [[nodiscard]] QString currentContext() const;
    [[nodiscard]] QStringList files() const; // the files actually read (for a file watcher), absolute

    // The endpoint of `context` (empty: the current context). Unknown context, cluster or user, a missing server, an
    // unreadable certificate or token file, an unusable exec section: a Config (or Io, Unsupported) error naming
    // file, line and field. Reads tokenFile now.
    [[nodiscard]] Result<KubeEndpoint> endpoint(const QString &context = {}) const;

    [[nodiscard]] const ErrorList &problems() const; // non-fatal problems found while loading

    // `path` as kubectl resolves a path written in `configFile`: "~/" is the home folder, a relative path is
    // relative to the file's folder, an absolute one stays.
    [[nodiscard]] static QString resolvePath(const QString &path, const QString &configFile);

private:
    std::shared_ptr<const KubeConfigData> d;
};

} // namespace Portolan::Core
