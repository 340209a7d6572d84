#include "KubeConfig.h"

#include <yaml-cpp/yaml.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <exception>
#include <string>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

Q_LOGGING_CATEGORY(lcKubeConfig, "portolan.source.kubernetes", QtInfoMsg)

QString tr(const char *text)
{
    return QCoreApplication::translate("KubeConfig", text);
}

constexpr qint64 maxFileSize = 16 * 1024 * 1024;

const QString execV1 = u"client.authentication.k8s.io/v1"_s;
const QString execV1beta1 = u"client.authentication.k8s.io/v1beta1"_s;
const QString execV1alpha1 = u"client.authentication.k8s.io/v1alpha1"_s;

Error located(Error::Code code, const QString &message, const QString &file, int line, const QString &field,
              Error::Severity severity = Error::Severity::Error)
{
    Error e = makeError(code, message);
    e.severity = severity;
    e.file = file;
    e.line = line;
    e.field = field;
    return e;
}

int lineOf(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    return mark.line >= 0 ? mark.line + 1 : 0;
}

// A fatal problem inside one file's parse; caught in parseFile, never leaves this file.
struct ParseFailure
{
    Error error;
};

} // namespace

struct KubeConfigData
{
    struct Value
    {
        QString text;
        int line = 0;
        bool set = false;
    };

    // One named entry of `clusters`, `users` or `contexts`.
    struct Entry
    {
        QString name;
        QString file;
        QString base; // "clusters[1].cluster"
        int line = 0; // of its `name`
        QHash<QString, Value> values; // the scalar fields of the inner mapping, by key
        QUrl server;
        bool insecure = false;
        QByteArray caData;
        QByteArray clientCertificateData;
        QByteArray clientKeyData;
        std::optional<KubeExecConfig> exec;
        QString authProvider;
        ErrorList issues; // make the entry unusable: endpoint() fails with the first
        ErrorList warnings; // reported by problems() and with every endpoint that uses the entry

        [[nodiscard]] QString text(const QString &key) const { return values.value(key).text; }
        [[nodiscard]] bool has(const QString &key) const { return values.value(key).set; }
        [[nodiscard]] QString field(const QString &key) const { return base + u'.' + key; }
        [[nodiscard]] int lineOf(const QString &key) const
        {
            const auto it = values.constFind(key);
            return it != values.constEnd() && it->line > 0 ? it->line : line;
        }
        [[nodiscard]] Error error(Error::Code code, const QString &message, const QString &key,
                                  Error::Severity severity = Error::Severity::Error) const
        {
            return located(code, message, file, lineOf(key), key.isEmpty() ? base : field(key), severity);
        }
    };

    struct File
    {
        QString path;
        QList<Entry> clusters;
        QList<Entry> users;
        QList<Entry> contexts;
        KubeConfigData::Value currentContext;
    };

    QHash<QString, Entry> clusters;
    QHash<QString, Entry> users;
    QHash<QString, Entry> contexts;
    QString currentContext;
    QString currentContextFile;
    int currentContextLine = 0;
    QStringList files;
    ErrorList problems;
};

namespace {

using Entry = KubeConfigData::Entry;
using Value = KubeConfigData::Value;

std::optional<QByteArray> decodeBase64(const QString &text)
{
    QByteArray raw = text.toLatin1();
    raw.replace('\n', QByteArray()).replace('\r', QByteArray()).replace(' ', QByteArray()).replace('\t', QByteArray());
    auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    return std::move(decoded.decoded);
}

// Reads one kubeconfig file's YAML into entries. Fatal problems throw ParseFailure; problems that only make one
// entry unusable go into the entry's issues and warnings.
class FileParser final
{
public:
    explicit FileParser(QString file)
        : m_file(std::move(file))
    { }

    KubeConfigData::File parse(const YAML::Node &root)
    {
        KubeConfigData::File out;
        out.path = m_file;
        if (root.IsNull() || !root.IsDefined()) {
            return out; // an empty file is an empty config, as for kubectl
        }
        if (!root.IsMap()) {
            fail(Error::Code::Parse, tr("A kubeconfig must be a mapping (with clusters, users and contexts)"),
                 lineOf(root), {});
        }
        for (const auto &kv : root) {
            const QString key = keyText(kv.first);
            if (key == "clusters"_L1) {
                out.clusters = section(kv.second, u"clusters"_s, u"cluster"_s);
            } else if (key == "users"_L1) {
                out.users = section(kv.second, u"users"_s, u"user"_s);
            } else if (key == "contexts"_L1) {
                out.contexts = section(kv.second, u"contexts"_s, u"context"_s);
            } else if (key == "current-context"_L1) {
                out.currentContext = scalar(kv.second, key, lineOf(kv.first));
            }
            // apiVersion, kind, preferences, extensions: nothing Portolan uses.
        }
        return out;
    }

private:
    [[noreturn]] void fail(Error::Code code, const QString &message, int line, const QString &field) const
    {
        throw ParseFailure{located(code, message, m_file, line, field)};
    }

    QString keyText(const YAML::Node &key) const
    {
        if (!key.IsScalar()) {
            fail(Error::Code::Parse, tr("A mapping or list used as a key is not supported"), lineOf(key), {});
        }
        return QString::fromStdString(key.Scalar());
    }

    Value scalar(const YAML::Node &node, const QString &field, int keyLine) const
    {
        Value v;
        v.line = keyLine;
        if (node.IsNull()) {
            return v;
        }
        if (!node.IsScalar()) {
            fail(Error::Code::Parse, tr("\"%1\" must be a text value").arg(field.section(u'.', -1)), keyLine, field);
        }
        v.text = QString::fromStdString(node.Scalar());
        v.set = true;
        return v;
    }

    bool boolean(const Value &v, const QString &field) const
    {
        const QString t = v.text.trimmed().toLower();
        static const QStringList yes = {u"true"_s, u"yes"_s, u"y"_s, u"on"_s};
        static const QStringList no = {u"false"_s, u"no"_s, u"n"_s, u"off"_s, QString()};
        if (yes.contains(t)) {
            return true;
        }
        if (!no.contains(t)) {
            fail(Error::Code::Parse, tr("\"%1\" must be true or false").arg(field.section(u'.', -1)), v.line, field);
        }
        return false;
    }

    QByteArray base64(const Entry &e, const QString &key) const
    {
        if (!e.has(key)) {
            return {};
        }
        auto decoded = decodeBase64(e.text(key));
        if (!decoded) {
            // Never the value itself: it may be a private key.
            fail(Error::Code::Encoding, tr("\"%1\" is not valid base64").arg(key), e.lineOf(key), e.field(key));
        }
        return *decoded;
    }

    QList<Entry> section(const YAML::Node &list, const QString &name, const QString &inner)
    {
        QList<Entry> out;
        if (list.IsNull()) {
            return out;
        }
        if (!list.IsSequence()) {
            fail(Error::Code::Parse, tr("\"%1\" must be a list").arg(name), lineOf(list), name);
        }
        QSet<QString> names;
        int index = 0;
        for (const YAML::Node &item : list) {
            const QString base = name + u'[' + QString::number(index) + u']';
            if (!item.IsMap()) {
                fail(Error::Code::Parse, tr("Each entry of \"%1\" must be a mapping with a name").arg(name),
                     lineOf(item), base);
            }
            Entry e;
            e.file = m_file;
            e.base = base + u'.' + inner;
            e.line = lineOf(item);
            bool named = false;
            std::optional<YAML::Node> body; // a copy binds to the node; assigning a YAML::Node would overwrite it
            for (const auto &kv : item) {
                const QString key = keyText(kv.first);
                if (key == "name"_L1) {
                    const Value v = scalar(kv.second, base + u".name"_s, lineOf(kv.first));
                    e.name = v.text;
                    e.line = v.line;
                    named = v.set && !v.text.isEmpty();
                } else if (key == inner) {
                    body.emplace(kv.second);
                }
            }
            if (!named) {
                fail(Error::Code::Parse, tr("An entry of \"%1\" has no name").arg(name), e.line, base + u".name"_s);
            }
            if (names.contains(e.name)) {
                fail(Error::Code::Conflict, tr("The name \"%1\" is used twice in \"%2\"").arg(e.name, name), e.line,
                     base + u".name"_s);
            }
            names.insert(e.name);
            if (body && !body->IsNull()) {
                if (!body->IsMap()) {
                    fail(Error::Code::Parse, tr("\"%1\" must be a mapping").arg(inner), lineOf(*body), e.base);
                }
                readBody(e, *body, inner);
            }
            if (inner == "cluster"_L1) {
                checkCluster(e);
            } else if (inner == "user"_L1) {
                checkUser(e);
            } else {
                checkContext(e);
            }
            out.append(std::move(e));
            ++index;
        }
        return out;
    }

    void readBody(Entry &e, const YAML::Node &body, const QString &inner)
    {
        // The fields that must be text; other non-scalar fields (extensions, as-user-extra) are skipped.
        static const QSet<QString> scalars = {u"server"_s,
                                              u"certificate-authority"_s,
                                              u"certificate-authority-data"_s,
                                              u"insecure-skip-tls-verify"_s,
                                              u"tls-server-name"_s,
                                              u"proxy-url"_s,
                                              u"disable-compression"_s,
                                              u"client-certificate"_s,
                                              u"client-certificate-data"_s,
                                              u"client-key"_s,
                                              u"client-key-data"_s,
                                              u"token"_s,
                                              u"tokenFile"_s,
                                              u"username"_s,
                                              u"password"_s,
                                              u"as"_s,
                                              u"as-uid"_s,
                                              u"cluster"_s,
                                              u"user"_s,
                                              u"namespace"_s};
        for (const auto &kv : body) {
            const QString key = keyText(kv.first);
            const int keyLine = lineOf(kv.first);
            if (inner == "user"_L1 && key == "exec"_L1) {
                readExec(e, kv.second, keyLine);
            } else if (inner == "user"_L1 && key == "auth-provider"_L1) {
                readAuthProvider(e, kv.second, keyLine);
            } else if (kv.second.IsScalar() || kv.second.IsNull()) {
                e.values.insert(key, scalar(kv.second, e.field(key), keyLine));
            } else if (scalars.contains(key)) {
                fail(Error::Code::Parse, tr("\"%1\" must be a text value").arg(key), keyLine, e.field(key));
            } else {
                // as-groups, as-user-extra: only their presence matters (impersonation is refused).
                Value v;
                v.line = keyLine;
                v.set = kv.second.size() > 0;
                e.values.insert(key, v);
            }
        }
    }

    void readAuthProvider(Entry &e, const YAML::Node &node, int keyLine)
    {
        const QString field = e.field(u"auth-provider"_s);
        if (node.IsNull()) {
            return;
        }
        if (!node.IsMap()) {
            fail(Error::Code::Parse, tr("\"auth-provider\" must be a mapping"), keyLine, field);
        }
        e.authProvider = u"?"_s;
        for (const auto &kv : node) {
            if (keyText(kv.first) == "name"_L1) {
                e.authProvider = scalar(kv.second, field + u".name"_s, lineOf(kv.first)).text;
            }
        }
        Error w = located(Error::Code::Unsupported,
                          tr("User \"%1\" uses the unsupported auth-provider \"%2\": configure an exec credential "
                             "plugin instead (kubectl removed the built-in providers)")
                              .arg(e.name, e.authProvider),
                          m_file, keyLine, field, Error::Severity::Warning);
        w.detail = u"unsupported auth-provider: "_s + e.authProvider;
        e.warnings.append(w);
    }

    void readExec(Entry &e, const YAML::Node &node, int keyLine)
    {
        const QString field = e.field(u"exec"_s);
        if (node.IsNull()) {
            return;
        }
        if (!node.IsMap()) {
            fail(Error::Code::Parse, tr("\"exec\" must be a mapping"), keyLine, field);
        }
        KubeExecConfig x;
        x.configFile = m_file;
        x.field = field;
        x.line = keyLine;
        QHash<QString, int> lines;
        for (const auto &kv : node) {
            const QString key = keyText(kv.first);
            const int line = lineOf(kv.first);
            const QString f = field + u'.' + key;
            lines.insert(key, line);
            if (key == "command"_L1) {
                x.command = scalar(kv.second, f, line).text;
            } else if (key == "apiVersion"_L1) {
                x.apiVersion = scalar(kv.second, f, line).text.trimmed();
            } else if (key == "installHint"_L1) {
                x.installHint = scalar(kv.second, f, line).text.trimmed();
            } else if (key == "interactiveMode"_L1) {
                x.interactiveMode = scalar(kv.second, f, line).text.trimmed();
            } else if (key == "provideClusterInfo"_L1) {
                x.provideClusterInfo = boolean(scalar(kv.second, f, line), f);
            } else if (key == "args"_L1) {
                if (kv.second.IsNull()) {
                    continue;
                }
                if (!kv.second.IsSequence()) {
                    fail(Error::Code::Parse, tr("\"args\" must be a list"), line, f);
                }
                int i = 0;
                for (const YAML::Node &arg : kv.second) {
                    x.args.append(scalar(arg, f + u'[' + QString::number(i++) + u']', lineOf(arg)).text);
                }
            } else if (key == "env"_L1) {
                if (kv.second.IsNull()) {
                    continue;
                }
                if (!kv.second.IsSequence()) {
                    fail(Error::Code::Parse, tr("\"env\" must be a list"), line, f);
                }
                int i = 0;
                for (const YAML::Node &item : kv.second) {
                    const QString itemField = f + u'[' + QString::number(i++) + u']';
                    if (!item.IsMap()) {
                        fail(Error::Code::Parse, tr("Each entry of \"env\" must be a mapping with name and value"),
                             lineOf(item), itemField);
                    }
                    QString name;
                    QString value;
                    for (const auto &nv : item) {
                        const QString k = keyText(nv.first);
                        if (k == "name"_L1) {
                            name = scalar(nv.second, itemField + u".name"_s, lineOf(nv.first)).text;
                        } else if (k == "value"_L1) {
                            value = scalar(nv.second, itemField + u".value"_s, lineOf(nv.first)).text;
                        }
                    }
                    if (name.isEmpty()) {
                        e.issues.append(located(Error::Code::Config,
                                                tr("An environment variable of the exec plugin of user \"%1\" has "
                                                   "no name")
                                                    .arg(e.name),
                                                m_file, lineOf(item), itemField + u".name"_s));
                        continue;
                    }
                    x.env.append({name, value});
                }
            }
        }
        const auto issue = [&](Error::Code code, const QString &message, const QString &key) {
            e.issues.append(located(code, message, m_file, lines.value(key, keyLine), field + u'.' + key));
        };
        if (x.command.trimmed().isEmpty()) {
            issue(Error::Code::Config, tr("The exec plugin of user \"%1\" has no command").arg(e.name), u"command"_s);
        }
        if (x.apiVersion.isEmpty()) {
            issue(Error::Code::Config, tr("The exec plugin of user \"%1\" has no apiVersion").arg(e.name),
                  u"apiVersion"_s);
        } else if (x.apiVersion == execV1alpha1) {
            issue(Error::Code::Unsupported,
                  tr("The exec plugin of user \"%1\" asks for %2, which Kubernetes clients no longer support: use "
                     "client.authentication.k8s.io/v1 or v1beta1 (update the plugin or its kubeconfig entry)")
                      .arg(e.name, x.apiVersion),
                  u"apiVersion"_s);
        } else if (x.apiVersion != execV1 && x.apiVersion != execV1beta1) {
            issue(Error::Code::Unsupported,
                  tr("The exec plugin of user \"%1\" asks for the unknown apiVersion \"%2\"").arg(e.name, x.apiVersion),
                  u"apiVersion"_s);
        }
        if (x.interactiveMode.isEmpty()) {
            if (x.apiVersion == execV1) {
                issue(Error::Code::Config,
                      tr("The exec plugin of user \"%1\" must set interactiveMode (Never or IfAvailable) for %2")
                          .arg(e.name, x.apiVersion),
                      u"interactiveMode"_s);
            } else {
                x.interactiveMode = u"IfAvailable"_s;
            }
        } else if (x.interactiveMode == "Always"_L1) {
            issue(Error::Code::Unsupported,
                  tr("The exec plugin of user \"%1\" needs a terminal (interactiveMode: Always), which Portolan "
                     "cannot give it: log in once in a terminal, or set interactiveMode to IfAvailable")
                      .arg(e.name),
                  u"interactiveMode"_s);
        } else if (x.interactiveMode != "Never"_L1 && x.interactiveMode != "IfAvailable"_L1) {
            issue(Error::Code::Config,
                  tr("The exec plugin of user \"%1\" has the unknown interactiveMode \"%2\"")
                      .arg(e.name, x.interactiveMode),
                  u"interactiveMode"_s);
        }
        e.exec = std::move(x);
    }

    void checkCluster(Entry &e)
    {
        e.caData = base64(e, u"certificate-authority-data"_s);
        e.insecure = boolean(e.values.value(u"insecure-skip-tls-verify"_s), e.field(u"insecure-skip-tls-verify"_s));
        (void)boolean(e.values.value(u"disable-compression"_s), e.field(u"disable-compression"_s));
        QString server = e.text(u"server"_s).trimmed();
        if (server.isEmpty()) {
            e.issues.append(e.error(Error::Code::Config, tr("Cluster \"%1\" has no server").arg(e.name), u"server"_s));
        } else {
            // Like client-go: a bare host:port means https.
            if (!server.contains(u"://"_s)) {
                server.prepend(u"https://"_s);
            }
            const QUrl url(server, QUrl::StrictMode);
            const QString scheme = url.scheme().toLower();
            if (!url.isValid() || url.host().isEmpty() || (scheme != "https"_L1 && scheme != "http"_L1)) {
                Error err =
                    e.error(Error::Code::Config,
                            tr("The server of cluster \"%1\" is not an http or https URL").arg(e.name), u"server"_s);
                err.detail = url.errorString();
                e.issues.append(err);
            } else {
                e.server = url;
            }
        }
        if (e.insecure) {
            Error w = e.error(Error::Code::Config,
                              tr("Cluster \"%1\" skips TLS certificate verification (insecure-skip-tls-verify): "
                                 "anyone on the network path can pose as its API server")
                                  .arg(e.name),
                              u"insecure-skip-tls-verify"_s, Error::Severity::Warning);
            if (e.has(u"certificate-authority"_s) || !e.caData.isEmpty()) {
                w.detail = u"insecure-skip-tls-verify is set together with a certificate authority; the certificate "
                           "authority is ignored"_s;
            }
            e.warnings.append(w);
        }
        if (e.has(u"proxy-url"_s)) {
            e.warnings.append(e.error(Error::Code::Unsupported,
                                      tr("The proxy-url of cluster \"%1\" is ignored: Portolan uses the proxy set in "
                                         "the environment (https_proxy, no_proxy)")
                                          .arg(e.name),
                                      u"proxy-url"_s, Error::Severity::Warning));
        }
    }

    void checkUser(Entry &e)
    {
        e.clientCertificateData = base64(e, u"client-certificate-data"_s);
        e.clientKeyData = base64(e, u"client-key-data"_s);
        const bool hasCert = !e.clientCertificateData.isEmpty() || e.has(u"client-certificate"_s);
        const bool hasKey = !e.clientKeyData.isEmpty() || e.has(u"client-key"_s);
        if (hasCert && !hasKey) {
            e.issues.append(
                e.error(Error::Code::Config, tr("User \"%1\" has a client certificate but no client key").arg(e.name),
                        e.has(u"client-certificate"_s) ? u"client-certificate"_s : u"client-certificate-data"_s));
        } else if (hasKey && !hasCert) {
            e.issues.append(e.error(Error::Code::Config,
                                    tr("User \"%1\" has a client key but no client certificate").arg(e.name),
                                    e.has(u"client-key"_s) ? u"client-key"_s : u"client-key-data"_s));
        }
        const bool hasToken = e.has(u"token"_s) || e.has(u"tokenFile"_s);
        const bool hasBasic = e.has(u"username"_s) || e.has(u"password"_s);
        if (hasToken && hasBasic) {
            e.issues.append(e.error(Error::Code::Config,
                                    tr("User \"%1\" sets both a token and a username/password; only one "
                                       "authentication method is allowed")
                                        .arg(e.name),
                                    e.has(u"username"_s) ? u"username"_s : u"password"_s));
        }
        for (const QString &key : {u"as"_s, u"as-uid"_s, u"as-groups"_s, u"as-user-extra"_s}) {
            if (e.has(key)) {
                e.issues.append(e.error(Error::Code::Unsupported,
                                        tr("User \"%1\" impersonates another user (%2), which Portolan does not "
                                           "support")
                                            .arg(e.name, key),
                                        key));
                break;
            }
        }
        if (e.exec && !e.authProvider.isEmpty()) {
            e.issues.append(e.error(Error::Code::Config,
                                    tr("User \"%1\" sets both exec and auth-provider; only one is allowed").arg(e.name),
                                    u"exec"_s));
        }
        if (e.exec && (hasToken || hasBasic)) {
            e.warnings.append(e.error(Error::Code::Config,
                                      tr("User \"%1\" sets a token or password and an exec plugin: the exec plugin "
                                         "is not run")
                                          .arg(e.name),
                                      u"exec"_s, Error::Severity::Warning));
        }
    }

    void checkContext(Entry &e)
    {
        if (e.text(u"cluster"_s).isEmpty()) {
            e.issues.append(
                e.error(Error::Code::Config, tr("Context \"%1\" names no cluster").arg(e.name), u"cluster"_s));
        }
    }

    QString m_file;
};

Result<KubeConfigData::File> parseFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Error e = located(Error::Code::Io, tr("Cannot read the kubeconfig"), path, 0, {});
        e.detail = file.errorString();
        return e;
    }
    if (file.size() > maxFileSize) {
        return located(Error::Code::TooLarge, tr("The kubeconfig is larger than %1 MiB").arg(maxFileSize >> 20), path,
                       0, {});
    }
    const QByteArray data = file.readAll();
    try {
        const YAML::Node root = YAML::Load(data.toStdString());
        return FileParser(path).parse(root);
    } catch (const ParseFailure &failure) {
        return failure.error;
    } catch (const YAML::Exception &ex) {
        Error e = located(Error::Code::Parse, tr("The kubeconfig is not valid YAML"), path,
                          ex.mark.line >= 0 ? ex.mark.line + 1 : 0, {});
        e.column = ex.mark.column >= 0 ? ex.mark.column + 1 : 0;
        e.detail = QString::fromStdString(ex.msg); // yaml-cpp's messages name the problem, not the text
        return e;
    } catch (const std::exception &ex) {
        Error e = located(Error::Code::Parse, tr("The kubeconfig could not be read"), path, 0, {});
        e.detail = QString::fromLocal8Bit(ex.what());
        return e;
    }
}

QStringList sortedKeys(const QHash<QString, Entry> &hash)
{
    QStringList keys = hash.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace

KubeConfig::KubeConfig()
    : d(std::make_shared<KubeConfigData>())
{ }
KubeConfig::~KubeConfig() = default;
KubeConfig::KubeConfig(const KubeConfig &other) = default;
KubeConfig::KubeConfig(KubeConfig &&other) noexcept = default;
KubeConfig &KubeConfig::operator=(const KubeConfig &other) = default;
KubeConfig &KubeConfig::operator=(KubeConfig &&other) noexcept = default;

QStringList KubeConfig::defaultFiles()
{
    QStringList out;
    const QString env = qEnvironmentVariable("KUBECONFIG");
    for (const QString &entry : env.split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
        if (!entry.trimmed().isEmpty() && !out.contains(entry)) {
            out.append(entry);
        }
    }
    if (out.isEmpty()) {
        out.append(QDir::homePath() + u"/.kube/config"_s);
    }
    return out;
}

QString KubeConfig::resolvePath(const QString &path, const QString &configFile)
{
    if (path.isEmpty()) {
        return {};
    }
    if (path == "~"_L1 || path.startsWith("~/"_L1)) {
        return QDir::cleanPath(QDir::homePath() + path.mid(1));
    }
    if (QDir::isAbsolutePath(path)) {
        return QDir::cleanPath(path);
    }
    return QDir::cleanPath(QFileInfo(configFile).absolutePath() + u'/' + path);
}

Result<KubeConfig> KubeConfig::load(const QStringList &files)
{
    auto data = std::make_shared<KubeConfigData>();
    QStringList wanted;
    for (const QString &f : files) {
        if (f.trimmed().isEmpty()) {
            continue;
        }
        const QString path = QDir::cleanPath(QFileInfo(f).absoluteFilePath());
        if (!wanted.contains(path)) {
            wanted.append(path);
        }
    }
    if (wanted.isEmpty()) {
        return makeError(Error::Code::Config, tr("No kubeconfig file was given"));
    }

    QList<KubeConfigData::File> parsed;
    for (const QString &path : std::as_const(wanted)) {
        const QFileInfo info(path);
        if (!info.exists()) {
            qCDebug(lcKubeConfig) << "kubeconfig" << path << "does not exist, skipped";
            continue;
        }
        if (info.isDir()) {
            return located(Error::Code::Io, tr("The kubeconfig is a folder, not a file"), path, 0, {});
        }
        auto file = parseFile(path);
        if (!file) {
            return file.error();
        }
        parsed.append(std::move(file).value());
        data->files.append(path);
    }
    if (parsed.isEmpty()) {
        Error e = wanted.size() == 1
                      ? located(Error::Code::Io, tr("The kubeconfig does not exist"), wanted.first(), 0, {})
                      : makeError(Error::Code::Io, tr("None of the kubeconfig files exists"));
        e.detail = wanted.join(QDir::listSeparator());
        return e;
    }

    // The first file that names an entry wins the whole entry, as kubectl merges $KUBECONFIG.
    const auto merge = [&data](QHash<QString, Entry> &into, const QList<Entry> &entries) {
        for (const Entry &e : entries) {
            if (into.contains(e.name)) {
                qCDebug(lcKubeConfig) << e.file << e.base << "is shadowed by an earlier file";
                continue;
            }
            into.insert(e.name, e);
            data->problems += e.issues;
            data->problems += e.warnings;
        }
    };
    for (const KubeConfigData::File &file : std::as_const(parsed)) {
        merge(data->clusters, file.clusters);
        merge(data->users, file.users);
        merge(data->contexts, file.contexts);
        if (data->currentContext.isEmpty() && !file.currentContext.text.isEmpty()) {
            data->currentContext = file.currentContext.text;
            data->currentContextFile = file.path;
            data->currentContextLine = file.currentContext.line;
        }
    }
    for (const QString &name : sortedKeys(data->contexts)) {
        const Entry &ctx = data->contexts[name];
        const QString cluster = ctx.text(u"cluster"_s);
        if (!cluster.isEmpty() && !data->clusters.contains(cluster)) {
            data->problems.append(
                ctx.error(Error::Code::Reference,
                          tr("Context \"%1\" refers to cluster \"%2\", which is not defined").arg(name, cluster),
                          u"cluster"_s, Error::Severity::Warning));
        }
        const QString user = ctx.text(u"user"_s);
        if (!user.isEmpty() && !data->users.contains(user)) {
            data->problems.append(
                ctx.error(Error::Code::Reference,
                          tr("Context \"%1\" refers to user \"%2\", which is not defined").arg(name, user), u"user"_s,
                          Error::Severity::Warning));
        }
    }
    KubeConfig config;
    config.d = std::move(data);
    return config;
}

QStringList KubeConfig::contextNames() const
{
    return sortedKeys(d->contexts);
}

QStringList KubeConfig::clusterNames() const
{
    return sortedKeys(d->clusters);
}

QStringList KubeConfig::userNames() const
{
    return sortedKeys(d->users);
}

QString KubeConfig::currentContext() const
{
    return d->currentContext;
}

QStringList KubeConfig::files() const
{
    return d->files;
}

const ErrorList &KubeConfig::problems() const
{
    return d->problems;
}

Result<KubeEndpoint> KubeConfig::endpoint(const QString &context) const
{
    const QString name = context.isEmpty() ? d->currentContext : context;
    if (name.isEmpty()) {
        return located(Error::Code::Config, tr("The kubeconfig sets no current-context: choose a context"),
                       d->files.value(0), 0, u"current-context"_s);
    }
    const auto ctxIt = d->contexts.constFind(name);
    if (ctxIt == d->contexts.constEnd()) {
        if (context.isEmpty()) {
            return located(Error::Code::Config,
                           tr("The current context \"%1\" is not defined in the kubeconfig").arg(name),
                           d->currentContextFile, d->currentContextLine, u"current-context"_s);
        }
        Error e = located(Error::Code::Config, tr("The context \"%1\" is not defined in the kubeconfig").arg(name),
                          d->files.value(0), 0, u"contexts"_s);
        e.detail = d->files.join(QDir::listSeparator());
        return e;
    }
    const Entry &ctx = *ctxIt;
    if (!ctx.issues.isEmpty()) {
        return ctx.issues.first();
    }
    const QString clusterName = ctx.text(u"cluster"_s);
    const auto clusterIt = d->clusters.constFind(clusterName);
    if (clusterIt == d->clusters.constEnd()) {
        return ctx.error(Error::Code::Config,
                         tr("Context \"%1\" refers to cluster \"%2\", which is not defined").arg(name, clusterName),
                         u"cluster"_s);
    }
    const Entry &cluster = *clusterIt;
    if (!cluster.issues.isEmpty()) {
        return cluster.issues.first();
    }
    const QString userName = ctx.text(u"user"_s);
    const Entry *user = nullptr;
    if (!userName.isEmpty()) {
        const auto userIt = d->users.constFind(userName);
        if (userIt == d->users.constEnd()) {
            return ctx.error(Error::Code::Config,
                             tr("Context \"%1\" refers to user \"%2\", which is not defined").arg(name, userName),
                             u"user"_s);
        }
        user = &*userIt;
        if (!user->issues.isEmpty()) {
            return user->issues.first();
        }
    }

    KubeEndpoint out;
    out.context = name;
    out.cluster = clusterName;
    out.user = userName;
    out.ns = ctx.text(u"namespace"_s).trimmed();
    out.server = cluster.server;
    out.tlsServerName = cluster.text(u"tls-server-name"_s);
    out.tls.peerVerifyName = out.tlsServerName;
    out.proxyUrl = cluster.text(u"proxy-url"_s);
    out.warnings += ctx.warnings;
    out.warnings += cluster.warnings;

    // A file named in the kubeconfig: resolved against the file that named it, and readable now, so the problem is
    // reported where it was written rather than as a TLS failure later.
    const auto readableFile = [](const Entry &e, const QString &key, QString &path) -> std::optional<Error> {
        path = resolvePath(e.text(key).trimmed(), e.file);
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable()) {
            Error err = e.error(Error::Code::Io, tr("Cannot read the file named by \"%1\"").arg(key), key);
            err.detail = path;
            return err;
        }
        return std::nullopt;
    };

    if (cluster.insecure) {
        out.tls.verify = false;
    } else if (!cluster.caData.isEmpty()) {
        out.tls.caData = cluster.caData;
    } else if (cluster.has(u"certificate-authority"_s)) {
        if (auto err = readableFile(cluster, u"certificate-authority"_s, out.tls.caBundle)) {
            return *err;
        }
    }

    if (user) {
        out.warnings += user->warnings;
        if (!user->clientCertificateData.isEmpty()) {
            out.tls.clientCertificateData = user->clientCertificateData;
        } else if (user->has(u"client-certificate"_s)) {
            if (auto err = readableFile(*user, u"client-certificate"_s, out.tls.clientCertificate)) {
                return *err;
            }
        }
        if (!user->clientKeyData.isEmpty()) {
            out.tls.clientKeyData = user->clientKeyData;
        } else if (user->has(u"client-key"_s)) {
            if (auto err = readableFile(*user, u"client-key"_s, out.tls.clientKey)) {
                return *err;
            }
        }
        // client-go: a token file wins over an inline token, and is read again later (it may be rotated).
        if (user->has(u"tokenFile"_s)) {
            if (auto err = readableFile(*user, u"tokenFile"_s, out.tokenFile)) {
                return *err;
            }
            QFile file(out.tokenFile);
            const QString token =
                file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.read(1024 * 1024)).trimmed() : QString();
            if (token.isEmpty()) {
                Error err = user->error(Error::Code::Credentials,
                                        tr("The token file of user \"%1\" is empty").arg(userName), u"tokenFile"_s);
                err.detail = out.tokenFile;
                return err;
            }
            out.auth.kind = HttpAuth::Kind::Bearer;
            out.auth.secret = token;
        } else if (user->has(u"token"_s)) {
            out.auth.kind = HttpAuth::Kind::Bearer;
            out.auth.secret = user->text(u"token"_s).trimmed();
        } else if (user->has(u"username"_s) || user->has(u"password"_s)) {
            out.auth.kind = HttpAuth::Kind::Basic;
            out.auth.user = user->text(u"username"_s);
            out.auth.secret = user->text(u"password"_s);
        }
        if (user->exec && out.auth.kind == HttpAuth::Kind::None) {
            out.exec = user->exec;
        }
    }

    if (out.server.scheme().compare("http"_L1, Qt::CaseInsensitive) == 0
        && (out.auth.kind != HttpAuth::Kind::None || out.exec)) {
        out.warnings.append(cluster.error(Error::Code::Config,
                                          tr("Cluster \"%1\" is reached over plain http: credentials are sent "
                                             "unencrypted")
                                              .arg(clusterName),
                                          u"server"_s, Error::Severity::Warning));
    }
    return out;
}

} // namespace Portolan::Core
