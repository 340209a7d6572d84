// kubeconfig loading (the kubeconfigs of ../shared/corpus/kubernetes/kubeconfig, merged and copied into temporary
// folders) and exec credential plugins (tests/data/kubernetes/exec-credential-plugin.sh).
#include "sources/kubernetes/KubeConfig.h"
#include "sources/kubernetes/KubeCredentials.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"
#include "util/Clock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

#include <memory>
#include <optional>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;
using Portolan::Test::corpusPath;
using Portolan::Test::dataPath;
using Portolan::Test::describe;
using Portolan::Test::spinUntil;
using Portolan::Test::writeFile;

namespace {

QString kubeconfigPath(const QString &name)
{
    return corpusPath(u"kubernetes/kubeconfig/"_s + name);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

KubeConfig loadCorpus(const QString &name)
{
    auto config = KubeConfig::load({kubeconfigPath(name)});
    INFO((config ? QString() : config.error().toString()).toStdString());
    REQUIRE(config.ok());
    return config.value();
}

KubeEndpoint endpointOf(const KubeConfig &config, const QString &context)
{
    auto endpoint = config.endpoint(context);
    INFO((endpoint ? QString() : endpoint.error().toString()).toStdString());
    REQUIRE(endpoint.ok());
    return endpoint.value();
}

const Error *findProblem(const ErrorList &problems, const QString &field)
{
    for (const Error &e : problems) {
        if (e.field == field) {
            return &e;
        }
    }
    return nullptr;
}

// Keeps an environment variable changed for one test.
class ScopedEnv final
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had) {
            qputenv(m_name, m_old);
        } else {
            qunsetenv(m_name);
        }
    }
    ScopedEnv(const ScopedEnv &) = delete;
    ScopedEnv &operator=(const ScopedEnv &) = delete;

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace

TEST_CASE("Every corpus kubeconfig loads", "[kubernetes][kubeconfig]")
{
    const QStringList names = QDir(corpusPath(u"kubernetes/kubeconfig"_s)).entryList(QDir::Files);
    REQUIRE(names.size() >= 9);
    for (const QString &name : names) {
        INFO(name.toStdString());
        const KubeConfig config = loadCorpus(name);
        CHECK_FALSE(config.contextNames().isEmpty());
        CHECK(config.files() == QStringList{kubeconfigPath(name)});
        // Problems never stop the load, and never carry a secret.
        for (const Error &e : config.problems()) {
            CHECK_FALSE(e.toString().contains(u"pAssw0rd123"_s));
            CHECK_FALSE(e.detail.contains(u"fake_token"_s));
        }
    }
}

TEST_CASE("k9s multi-context kubeconfig", "[kubernetes][kubeconfig]")
{
    const KubeConfig config = loadCorpus(u"k9s__multi-context.kubeconfig"_s);
    CHECK(config.contextNames() == QStringList{u"blee"_s, u"duh"_s, u"fred"_s});
    CHECK(config.clusterNames() == QStringList{u"blee"_s, u"fred"_s, u"zorg"_s});
    CHECK(config.userNames() == QStringList{u"blee"_s, u"duh"_s, u"fred"_s});
    CHECK(config.currentContext() == u"fred"_s);

    const KubeEndpoint fred = endpointOf(config, {});
    CHECK(fred.context == u"fred"_s);
    CHECK(fred.cluster == u"zorg"_s);
    CHECK(fred.user == u"fred"_s);
    CHECK(fred.ns.isEmpty());
    CHECK(fred.server == QUrl(u"https://localhost:3002"_s));
    CHECK_FALSE(fred.tls.verify);
    CHECK(fred.tls.clientCertificateData == "fred");
    CHECK(fred.tls.clientKeyData == "fred");
    CHECK(fred.auth.kind == HttpAuth::Kind::None);
    CHECK_FALSE(fred.exec);
    REQUIRE(fred.warnings.size() == 1);
    CHECK(fred.warnings[0].severity == Error::Severity::Warning);
    CHECK(fred.warnings[0].field == u"clusters[2].cluster.insecure-skip-tls-verify"_s);
    CHECK(fred.warnings[0].line == 14);
    CHECK(fred.warnings[0].file == kubeconfigPath(u"k9s__multi-context.kubeconfig"_s));

    const KubeEndpoint blee = endpointOf(config, u"blee"_s);
    CHECK(blee.server == QUrl(u"https://localhost:3001"_s));
    CHECK(blee.ns == u"zorg"_s);

    // "duh" names a cluster that does not exist: a warning at load, an error naming the place when used.
    const Error *dangling = findProblem(config.problems(), u"contexts[2].context.cluster"_s);
    REQUIRE(dangling);
    CHECK(dangling->code == Error::Code::Reference);
    CHECK(dangling->severity == Error::Severity::Warning);
    const auto duh = config.endpoint(u"duh"_s);
    REQUIRE_FALSE(duh.ok());
    CHECK(duh.error().code == Error::Code::Config);
    CHECK(duh.error().field == u"contexts[2].context.cluster"_s);
    CHECK(duh.error().line == 28);
    CHECK(duh.error().message.contains(u"duh"_s));

    const auto unknown = config.endpoint(u"nope"_s);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == Error::Code::Config);
    CHECK(unknown.error().message.contains(u"nope"_s));
}

TEST_CASE("kubeconfig with certificate data", "[kubernetes][kubeconfig]")
{
    const KubeConfig config = loadCorpus(u"kubeclient__allinone.kubeconfig"_s);
    CHECK(config.contextNames() == QStringList{u"Default"_s});
    CHECK(config.problems().isEmpty());
    const KubeEndpoint e = endpointOf(config, {});
    CHECK(e.cluster == u"local"_s);
    CHECK(e.user == u"user"_s);
    CHECK(e.server == QUrl(u"https://localhost:6443"_s));
    CHECK(e.tls.verify);
    CHECK(e.tls.caData.startsWith("-----BEGIN CERTIFICATE-----"));
    CHECK(e.tls.clientCertificateData.startsWith("-----BEGIN CERTIFICATE-----"));
    CHECK(e.tls.clientKeyData.startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    CHECK(e.tls.caBundle.isEmpty());
    CHECK(e.tls.clientCertificate.isEmpty());
    CHECK(e.auth.kind == HttpAuth::Kind::None);
    CHECK(e.warnings.isEmpty());
}

TEST_CASE("kubeconfig with token, token file and basic users", "[kubernetes][kubeconfig]")
{
    const KubeConfig config = loadCorpus(u"kubeclient__userauth.kubeconfig"_s);
    CHECK(config.contextNames().size() == 3);
    CHECK(config.currentContext() == u"localhost/system:admin:token"_s);

    const KubeEndpoint token = endpointOf(config, {});
    CHECK(token.ns == u"default"_s);
    CHECK(token.cluster == u"localhost:6443"_s);
    CHECK(token.auth.kind == HttpAuth::Kind::Bearer);
    CHECK(token.auth.secret == u"0123456789ABCDEF0123456789ABCDEF"_s);

    const KubeEndpoint basic = endpointOf(config, u"localhost/system:admin:userpass"_s);
    CHECK(basic.auth.kind == HttpAuth::Kind::Basic);
    CHECK(basic.auth.user == u"admin"_s);
    CHECK(basic.auth.secret == u"pAssw0rd123"_s);

    // /path/to/secret/token does not exist: the error names the field, never a secret.
    const auto file = config.endpoint(u"localhost/system:admin:token-file"_s);
    REQUIRE_FALSE(file.ok());
    CHECK(file.error().code == Error::Code::Io);
    CHECK(file.error().field == u"users[1].user.tokenFile"_s);
    CHECK(file.error().line == 31);
    CHECK(file.error().detail == u"/path/to/secret/token"_s);
}

TEST_CASE("kubeconfig with exec plugin users", "[kubernetes][kubeconfig]")
{
    const QString path = kubeconfigPath(u"kubeclient__execauth.kubeconfig"_s);
    const KubeConfig config = loadCorpus(u"kubeclient__execauth.kubeconfig"_s);
    CHECK(config.contextNames()
          == QStringList{u"localhost/system:admin:exec-absolute-path"_s, u"localhost/system:admin:exec-relative-path"_s,
                         u"localhost/system:admin:exec-search-path"_s});
    CHECK(config.currentContext().isEmpty());
    const auto none = config.endpoint({});
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().field == u"current-context"_s);

    const KubeEndpoint search = endpointOf(config, u"localhost/system:admin:exec-search-path"_s);
    CHECK(search.ns == u"default"_s);
    CHECK(search.auth.kind == HttpAuth::Kind::None);
    REQUIRE(search.exec);
    CHECK(search.exec->command == u"example-exec-plugin"_s);
    CHECK(search.exec->apiVersion == u"client.authentication.k8s.io/v1beta1"_s);
    CHECK(search.exec->args == QStringList{u"arg1"_s, u"arg2"_s});
    REQUIRE(search.exec->env.size() == 1);
    CHECK(search.exec->env[0] == QPair<QString, QString>(u"FOO"_s, u"bar"_s));
    CHECK(search.exec->interactiveMode == u"IfAvailable"_s); // the v1beta1 default
    CHECK_FALSE(search.exec->provideClusterInfo);
    CHECK(search.exec->configFile == path);
    CHECK(search.exec->field == u"users[0].user.exec"_s);

    CHECK(endpointOf(config, u"localhost/system:admin:exec-relative-path"_s).exec->command
          == u"dir/example-exec-plugin"_s);
    CHECK(KubeConfig::resolvePath(u"dir/example-exec-plugin"_s, path)
          == corpusPath(u"kubernetes/kubeconfig/dir/example-exec-plugin"_s));
    CHECK(endpointOf(config, u"localhost/system:admin:exec-absolute-path"_s).exec->command
          == u"/abs/path/example-exec-plugin"_s);
}

TEST_CASE("auth-provider users load with an unsupported-auth-provider problem", "[kubernetes][kubeconfig]")
{
    for (const auto &[name, provider] : {std::pair{u"kubeclient__gcpauth.kubeconfig"_s, u"gcp"_s},
                                         std::pair{u"kubeclient__oidcauth.kubeconfig"_s, u"oidc"_s}}) {
        INFO(name.toStdString());
        const KubeConfig config = loadCorpus(name);
        REQUIRE(config.problems().size() == 1);
        const Error &p = config.problems().first();
        CHECK(p.code == Error::Code::Unsupported);
        CHECK(p.severity == Error::Severity::Warning);
        CHECK(p.field == u"users[0].user.auth-provider"_s);
        CHECK(p.line == 17);
        CHECK(p.message.contains(u"auth-provider"_s));
        CHECK(p.message.contains(provider));
        CHECK(p.detail == u"unsupported auth-provider: "_s + provider);
        CHECK_FALSE(p.toString().contains(u"fake"_s));

        const KubeEndpoint e = endpointOf(config, config.contextNames().first());
        CHECK(e.server == QUrl(u"https://localhost:8443"_s));
        CHECK(e.ns == u"default"_s);
        CHECK(e.auth.kind == HttpAuth::Kind::None);
        REQUIRE(e.warnings.size() == 1);
        CHECK(e.warnings[0].code == Error::Code::Unsupported);
    }
}

TEST_CASE("insecure and external-file kubeconfigs", "[kubernetes][kubeconfig]")
{
    const KubeConfig insecure = loadCorpus(u"kubeclient__insecure.kubeconfig"_s);
    const Error *warning = findProblem(insecure.problems(), u"clusters[0].cluster.insecure-skip-tls-verify"_s);
    REQUIRE(warning);
    CHECK(warning->severity == Error::Severity::Warning);
    CHECK(warning->line == 5);
    CHECK(warning->file == kubeconfigPath(u"kubeclient__insecure.kubeconfig"_s));

    // The certificate files are named relative to the kubeconfig and are not in the corpus.
    const KubeConfig external = loadCorpus(u"kubeclient__external.kubeconfig"_s);
    CHECK(external.problems().isEmpty());
    const auto e = external.endpoint({});
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().code == Error::Code::Io);
    CHECK(e.error().field == u"clusters[0].cluster.certificate-authority"_s);
    CHECK(e.error().line == 4);
    CHECK(e.error().detail == corpusPath(u"kubernetes/kubeconfig/external-ca.pem"_s));
}

TEST_CASE("tls-server-name is the name the cluster's certificate is checked against", "[kubernetes][kubeconfig]")
{
    // The corpus has no kubeconfig with tls-server-name: the allinone one with the field added, as kubectl writes it.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QByteArray text = readAll(kubeconfigPath(u"kubeclient__allinone.kubeconfig"_s));
    const qsizetype server = text.indexOf("    server: ");
    REQUIRE(server > 0);
    text.insert(server, "    tls-server-name: kubernetes.default.svc\n");
    const QString path = writeFile(dir, u"config"_s, text);
    const auto config = KubeConfig::load({path});
    REQUIRE(config.ok());
    const KubeEndpoint e = endpointOf(config.value(), {});
    CHECK(e.tlsServerName == u"kubernetes.default.svc"_s);
    CHECK(e.tls.peerVerifyName == u"kubernetes.default.svc"_s);
    CHECK(e.warnings.isEmpty()); // no longer "ignored"
}

TEST_CASE("kubernetes-client javascript kubeconfig", "[kubernetes][kubeconfig]")
{
    const KubeConfig config = loadCorpus(u"kubernetes-client-javascript__kubeconfig.yaml"_s);
    CHECK(config.contextNames() == QStringList{u"context1"_s, u"context2"_s, u"passwd"_s});
    CHECK(config.currentContext() == u"context2"_s);

    const KubeEndpoint one = endpointOf(config, u"context1"_s);
    CHECK(one.server == QUrl(u"http://example.com"_s));
    CHECK(one.tls.caData == "CADATA");
    CHECK(one.tls.clientCertificateData == "USER_CADATA");
    CHECK(one.tls.clientKeyData == "USER_CKDATA");
    CHECK(one.proxyUrl == u"socks5://localhost:1181"_s);
    REQUIRE(findProblem(one.warnings, u"clusters[0].cluster.proxy-url"_s));
    CHECK(findProblem(one.warnings, u"clusters[0].cluster.proxy-url"_s)->line == 6);
    CHECK(one.tls.peerVerifyName.isEmpty());

    const KubeEndpoint two = endpointOf(config, {});
    CHECK(two.context == u"context2"_s);
    CHECK(two.ns == u"namespace2"_s);
    CHECK_FALSE(two.tls.verify);
    CHECK(two.tls.caData.isEmpty()); // insecure: the CA is not used
    CHECK(findProblem(two.warnings, u"clusters[1].cluster.insecure-skip-tls-verify"_s));

    const KubeEndpoint passwd = endpointOf(config, u"passwd"_s);
    CHECK(passwd.auth.kind == HttpAuth::Kind::Basic);
    CHECK(passwd.auth.user == u"foo"_s);
    CHECK(passwd.auth.secret == u"bar"_s);
    // Basic credentials to a plain-http server.
    CHECK(findProblem(passwd.warnings, u"clusters[1].cluster.server"_s));
}

TEST_CASE("KUBECONFIG lists merge like kubectl", "[kubernetes][kubeconfig]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString allinone =
        writeFile(dir, u"a/allinone"_s, readAll(kubeconfigPath(u"kubeclient__allinone.kubeconfig"_s)));
    const QString insecure =
        writeFile(dir, u"b/insecure"_s, readAll(kubeconfigPath(u"kubeclient__insecure.kubeconfig"_s)));
    const QString userauth =
        writeFile(dir, u"c/userauth"_s, readAll(kubeconfigPath(u"kubeclient__userauth.kubeconfig"_s)));
    const QString missing = dir.filePath(u"missing/config"_s);
    for (const auto &[name, content] : {std::pair{u"b/external-cert.pem"_s, QByteArray("cert")},
                                        std::pair{u"b/external-key.rsa"_s, QByteArray("key")}}) {
        writeFile(dir, name, content);
    }

    SECTION("defaultFiles follows KUBECONFIG")
    {
        const QByteArray list = (allinone + u"::"_s + insecure + u':' + allinone).toLocal8Bit();
        {
            ScopedEnv env("KUBECONFIG", list);
            CHECK(KubeConfig::defaultFiles() == QStringList{allinone, insecure});
        }
        ScopedEnv env("KUBECONFIG", QByteArray());
        CHECK(KubeConfig::defaultFiles() == QStringList{QDir::homePath() + u"/.kube/config"_s});
    }

    SECTION("the first file that names a cluster, user or context wins")
    {
        auto first = KubeConfig::load({allinone, missing, insecure});
        REQUIRE(first.ok());
        CHECK(first->files() == QStringList{allinone, insecure}); // the missing one is skipped
        const KubeEndpoint a = endpointOf(*first, u"Default"_s);
        CHECK(a.tls.verify);
        CHECK_FALSE(a.tls.caData.isEmpty());
        CHECK(a.ns.isEmpty()); // allinone's context has no namespace; insecure's has "default"
        CHECK(a.tls.clientCertificate.isEmpty());
        // The shadowed insecure cluster is not reported.
        CHECK_FALSE(findProblem(first->problems(), u"clusters[0].cluster.insecure-skip-tls-verify"_s));

        auto second = KubeConfig::load({insecure, allinone});
        REQUIRE(second.ok());
        const KubeEndpoint b = endpointOf(*second, u"Default"_s);
        CHECK_FALSE(b.tls.verify);
        CHECK(b.ns == u"default"_s);
        CHECK(b.tls.clientCertificate == dir.filePath(u"b/external-cert.pem"_s));
        CHECK(b.tls.clientKey == dir.filePath(u"b/external-key.rsa"_s));
        CHECK(b.tls.clientCertificateData.isEmpty());
        const Error *warning = findProblem(b.warnings, u"clusters[0].cluster.insecure-skip-tls-verify"_s);
        REQUIRE(warning);
        CHECK(warning->file == insecure);
        CHECK(warning->line == 5);
    }

    SECTION("current-context comes from the first file that sets it; contexts are the union")
    {
        auto ua = KubeConfig::load({userauth, insecure});
        REQUIRE(ua.ok());
        CHECK(ua->currentContext() == u"localhost/system:admin:token"_s);
        CHECK(ua->contextNames().size() == 4);
        CHECK(ua->clusterNames() == QStringList{u"local"_s, u"localhost:6443"_s});

        auto iu = KubeConfig::load({insecure, userauth});
        REQUIRE(iu.ok());
        CHECK(iu->currentContext() == u"Default"_s);
        CHECK(iu->contextNames().size() == 4);

        // A file without current-context does not clear it.
        const QString exec = writeFile(dir, u"d/exec"_s, readAll(kubeconfigPath(u"kubeclient__execauth.kubeconfig"_s)));
        auto ei = KubeConfig::load({exec, insecure});
        REQUIRE(ei.ok());
        CHECK(ei->currentContext() == u"Default"_s);
        CHECK(ei->contextNames().size() == 4);
    }

    SECTION("missing files")
    {
        const auto one = KubeConfig::load({missing});
        REQUIRE_FALSE(one.ok());
        CHECK(one.error().code == Error::Code::Io);
        CHECK(one.error().file == missing);
        const auto all = KubeConfig::load({missing, dir.filePath(u"other"_s)});
        REQUIRE_FALSE(all.ok());
        CHECK(all.error().code == Error::Code::Io);
        CHECK_FALSE(KubeConfig::load({}).ok());
    }
}

TEST_CASE("kubeconfig errors name file, line and field", "[kubernetes][kubeconfig]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto loadVariant = [&dir](const QString &corpusName, const QByteArray &from, const QByteArray &to) {
        QByteArray text = readAll(kubeconfigPath(corpusName));
        REQUIRE(text.contains(from));
        text.replace(from, to);
        const QString path = writeFile(dir, corpusName, text);
        auto result = KubeConfig::load({path});
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().file == path);
        return result.error();
    };

    SECTION("invalid base64")
    {
        const Error e =
            loadVariant(u"kubeclient__allinone.kubeconfig"_s, "client-key-data: LS0t", "client-key-data: LS0t$$");
        CHECK(e.code == Error::Code::Encoding);
        CHECK(e.field == u"users[0].user.client-key-data"_s);
        CHECK(e.line == 18);
        CHECK_FALSE(e.toString().contains(u"LS0t"_s));
    }
    SECTION("YAML syntax")
    {
        const Error e = loadVariant(u"kubeclient__userauth.kubeconfig"_s, "    token: 0123", "    token: [0123");
        CHECK(e.code == Error::Code::Parse);
        CHECK(e.line >= 28);
        CHECK_FALSE(e.toString().contains(u"0123"_s));
    }
    SECTION("a value of the wrong type")
    {
        const Error e = loadVariant(u"kubeclient__insecure.kubeconfig"_s, "server: https://localhost:6443",
                                    "server: [https://localhost:6443]");
        CHECK(e.code == Error::Code::Parse);
        CHECK(e.field == u"clusters[0].cluster.server"_s);
        CHECK(e.line == 4);
    }
    SECTION("a name twice in one file")
    {
        const Error e = loadVariant(u"k9s__multi-context.kubeconfig"_s,
                                    "    name: blee\n  - cluster:", "    name: fred\n  - cluster:");
        CHECK(e.code == Error::Code::Conflict);
        CHECK(e.field == u"clusters[1].name"_s);
        CHECK(e.line == 12);
    }
    SECTION("exec plugins Portolan cannot run make only their context unusable")
    {
        QByteArray text = readAll(kubeconfigPath(u"kubeclient__execauth.kubeconfig"_s));
        text.replace(
            "      command: \"dir/example-exec-plugin\"\n      apiVersion: \"client.authentication.k8s.io/v1beta1\"",
            "      command: \"dir/example-exec-plugin\"\n      apiVersion: \"client.authentication.k8s.io/v1alpha1\"");
        text.replace("      command: \"/abs/path/example-exec-plugin\"\n",
                     "      command: \"/abs/path/example-exec-plugin\"\n      interactiveMode: Always\n");
        const QString path = writeFile(dir, u"exec"_s, text);
        auto config = KubeConfig::load({path});
        REQUIRE(config.ok());
        INFO(describe(config->problems()).toStdString());
        CHECK(config->problems().size() == 2);

        const auto alpha = config->endpoint(u"localhost/system:admin:exec-relative-path"_s);
        REQUIRE_FALSE(alpha.ok());
        CHECK(alpha.error().code == Error::Code::Unsupported);
        CHECK(alpha.error().field == u"users[1].user.exec.apiVersion"_s);
        CHECK(alpha.error().file == path);
        CHECK(alpha.error().line > 0);

        const auto always = config->endpoint(u"localhost/system:admin:exec-absolute-path"_s);
        REQUIRE_FALSE(always.ok());
        CHECK(always.error().code == Error::Code::Unsupported);
        CHECK(always.error().field == u"users[2].user.exec.interactiveMode"_s);
        CHECK(always.error().message.contains(u"interactiveMode"_s));

        CHECK(config->endpoint(u"localhost/system:admin:exec-search-path"_s).ok());
    }
}

TEST_CASE("relative paths resolve against the kubeconfig that names them", "[kubernetes][kubeconfig]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString external =
        writeFile(dir, u"conf/external"_s, readAll(kubeconfigPath(u"kubeclient__external.kubeconfig"_s)));
    writeFile(dir, u"conf/external-ca.pem"_s, "ca");
    writeFile(dir, u"conf/external-cert.pem"_s, "cert");
    writeFile(dir, u"conf/external-key.rsa"_s, "key");

    // Loaded through a relative path from another working directory: still relative to the file.
    const QString before = QDir::currentPath();
    REQUIRE(QDir::setCurrent(dir.path()));
    auto config = KubeConfig::load({u"conf/external"_s});
    REQUIRE(QDir::setCurrent(before));
    REQUIRE(config.ok());
    CHECK(config->files() == QStringList{external});
    const KubeEndpoint e = endpointOf(*config, {});
    CHECK(e.tls.caBundle == dir.filePath(u"conf/external-ca.pem"_s));
    CHECK(e.tls.clientCertificate == dir.filePath(u"conf/external-cert.pem"_s));
    CHECK(e.tls.clientKey == dir.filePath(u"conf/external-key.rsa"_s));
    CHECK(e.tls.verify);
    CHECK(e.ns == u"default"_s);

    // tokenFile, relative; read when the endpoint is made and again by KubeCredentials::resolve.
    QByteArray userauth = readAll(kubeconfigPath(u"kubeclient__userauth.kubeconfig"_s));
    userauth.replace("tokenFile: /path/to/secret/token", "tokenFile: secret/token");
    const QString tokenConfig = writeFile(dir, u"conf/userauth"_s, userauth);
    writeFile(dir, u"conf/secret/token"_s, "first-token\n");
    auto withToken = KubeConfig::load({tokenConfig});
    REQUIRE(withToken.ok());
    const KubeEndpoint t = endpointOf(*withToken, u"localhost/system:admin:token-file"_s);
    CHECK(t.auth.kind == HttpAuth::Kind::Bearer);
    CHECK(t.auth.secret == u"first-token"_s);
    CHECK(t.tokenFile == dir.filePath(u"conf/secret/token"_s));

    writeFile(dir, u"conf/secret/token"_s, "rotated-token\n");
    KubeCredentials credentials;
    auto out = std::make_shared<std::optional<Result<KubeEndpoint>>>();
    credentials.resolve(t, [out](Result<KubeEndpoint> r) { out->emplace(std::move(r)); });
    CHECK_FALSE(out->has_value()); // never synchronous
    REQUIRE(spinUntil([out] { return out->has_value(); }));
    REQUIRE(out->value().ok());
    CHECK(out->value()->auth.secret == u"rotated-token"_s);
    CHECK(credentials.pluginRuns() == 0);

    // "~/" is the home folder; absolute paths stay.
    CHECK(KubeConfig::resolvePath(u"~/.kube/ca.pem"_s, external) == QDir::homePath() + u"/.kube/ca.pem"_s);
    CHECK(KubeConfig::resolvePath(u"/etc/ca.pem"_s, external) == u"/etc/ca.pem"_s);
    CHECK(KubeConfig::resolvePath(u"../x.pem"_s, external) == dir.filePath(u"x.pem"_s));
}

namespace {

// A kubeconfig whose users run tests/data/kubernetes/exec-credential-plugin.sh (copied to plugins/ beside it) in
// different modes, and a harness that resolves its contexts.
struct ExecHarness
{
    QTemporaryDir dir;
    QString config;
    QString state;
    ManualClock clock;
    KubeCredentials credentials{&clock};
    std::optional<KubeConfig> kubeconfig;

    ExecHarness()
    {
        REQUIRE(dir.isValid());
        state = dir.filePath(u"state"_s);
        REQUIRE(QDir().mkpath(state));
        const QString plugin = dir.filePath(u"home/plugins/exec-credential-plugin.sh"_s);
        REQUIRE(QDir().mkpath(QFileInfo(plugin).absolutePath()));
        REQUIRE(QFile::copy(dataPath(u"kubernetes/exec-credential-plugin.sh"_s), plugin));
        REQUIRE(QFile::setPermissions(plugin, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

        QByteArray users;
        QByteArray contexts;
        const auto user = [&](const QByteArray &name, const QByteArray &apiVersion, const QByteArray &mode,
                              const QByteArray &extra = {},
                              const QByteArray &command = "./plugins/exec-credential-plugin.sh",
                              const QByteArray &answer = {}) {
            contexts +=
                "- name: " + name + "\n  context:\n    cluster: test\n    user: " + name + "\n    namespace: apps\n";
            users += "- name: " + name + "\n  user:\n    exec:\n      apiVersion: " + apiVersion
                     + "\n      command: " + command
                     + "\n      args: [--cluster, test]\n      env:\n      - name: PLUGIN_STATE_DIR\n        value: "
                     + state.toUtf8() + "\n      - name: PLUGIN_MODE\n        value: " + mode
                     + "\n      - name: PLUGIN_API_VERSION\n        value: " + (answer.isEmpty() ? apiVersion : answer)
                     + "\n      - name: FOO\n        value: bar\n" + extra;
        };
        user("v1", "client.authentication.k8s.io/v1", "token",
             "      interactiveMode: Never\n      provideClusterInfo: true\n");
        user("v1beta1", "client.authentication.k8s.io/v1beta1", "token");
        user("cert", "client.authentication.k8s.io/v1beta1", "cert");
        user("fail", "client.authentication.k8s.io/v1beta1", "fail");
        user("garbage", "client.authentication.k8s.io/v1beta1", "garbage");
        user("sleep", "client.authentication.k8s.io/v1beta1", "sleep");
        user("wrong-version", "client.authentication.k8s.io/v1", "token", "      interactiveMode: IfAvailable\n",
             "./plugins/exec-credential-plugin.sh", "client.authentication.k8s.io/v1beta1");
        user("missing", "client.authentication.k8s.io/v1beta1", "token",
             "      installHint: \"Install it with: apt install portolan-login\"\n", "portolan-no-such-plugin");
        user("on-path", "client.authentication.k8s.io/v1beta1", "token", {}, "portolan-test-exec-plugin");
        const QByteArray text = "apiVersion: v1\nkind: Config\nclusters:\n- name: test\n  cluster:\n"
                                "    server: https://127.0.0.1:6443\n    certificate-authority-data: "
                                + QByteArray("test CA").toBase64() + "\ncontexts:\n" + contexts
                                + "current-context: v1\nusers:\n" + users;
        config = writeFile(dir, u"home/config"_s, text);
        auto loaded = KubeConfig::load({config});
        INFO((loaded ? QString() : loaded.error().toString()).toStdString());
        REQUIRE(loaded.ok());
        INFO(describe(loaded->problems()).toStdString());
        REQUIRE(loaded->problems().isEmpty());
        kubeconfig = loaded.value();
    }

    KubeEndpoint endpoint(const QString &context) const { return endpointOf(*kubeconfig, context); }

    Result<KubeEndpoint> resolve(const KubeEndpoint &e, int timeoutMs = 10'000)
    {
        auto out = std::make_shared<std::optional<Result<KubeEndpoint>>>();
        credentials.resolve(e, [out](Result<KubeEndpoint> r) { out->emplace(std::move(r)); });
        REQUIRE(spinUntil([out] { return out->has_value(); }, timeoutMs));
        return std::move(*out).value();
    }

    QStringList runs() const
    {
        QFile f(state + u"/runs.log"_s);
        if (!f.open(QIODevice::ReadOnly)) {
            return {};
        }
        return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }

    QJsonObject execInfo(int run) const
    {
        QFile f(state + u"/exec-info-"_s + QString::number(run) + u".json"_s);
        REQUIRE(f.open(QIODevice::ReadOnly));
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    void setExpiry(const QDateTime &at) const { writeFile(dir, u"state/expiry"_s, at.toString(Qt::ISODate).toUtf8()); }
};

} // namespace

TEST_CASE("exec plugin v1: token, KUBERNETES_EXEC_INFO with cluster", "[kubernetes][kubeconfig]")
{
    ExecHarness h;
    const KubeEndpoint e = h.endpoint(u"v1"_s);
    REQUIRE(e.exec);
    CHECK(e.auth.kind == HttpAuth::Kind::None);
    auto r = h.resolve(e);
    INFO((r ? QString() : r.error().toString()).toStdString());
    REQUIRE(r.ok());
    CHECK(r->auth.kind == HttpAuth::Kind::Bearer);
    CHECK(r->auth.secret == u"plugin-token-1"_s);
    CHECK(r->server == QUrl(u"https://127.0.0.1:6443"_s));
    CHECK(r->ns == u"apps"_s);
    CHECK(h.runs() == QStringList{u"--cluster test FOO=bar"_s});

    const QJsonObject info = h.execInfo(1);
    CHECK(info.value(u"apiVersion"_s).toString() == u"client.authentication.k8s.io/v1"_s);
    CHECK(info.value(u"kind"_s).toString() == u"ExecCredential"_s);
    const QJsonObject spec = info.value(u"spec"_s).toObject();
    REQUIRE(spec.contains(u"interactive"_s));
    CHECK(spec.value(u"interactive"_s).toBool(true) == false);
    const QJsonObject cluster = spec.value(u"cluster"_s).toObject();
    CHECK(cluster.value(u"server"_s).toString() == u"https://127.0.0.1:6443"_s);
    CHECK(cluster.value(u"certificate-authority-data"_s).toString()
          == QString::fromLatin1(QByteArray("test CA").toBase64()));
    CHECK_FALSE(cluster.contains(u"insecure-skip-tls-verify"_s));
}

TEST_CASE("exec plugin v1beta1 and client certificates", "[kubernetes][kubeconfig]")
{
    ExecHarness h;
    auto r = h.resolve(h.endpoint(u"v1beta1"_s));
    REQUIRE(r.ok());
    CHECK(r->auth.secret == u"plugin-token-1"_s);
    const QJsonObject info = h.execInfo(1);
    CHECK(info.value(u"apiVersion"_s).toString() == u"client.authentication.k8s.io/v1beta1"_s);
    CHECK_FALSE(info.value(u"spec"_s).toObject().contains(u"cluster"_s)); // no provideClusterInfo
    CHECK(info.value(u"spec"_s).toObject().value(u"interactive"_s).toBool(true) == false);

    auto cert = h.resolve(h.endpoint(u"cert"_s));
    REQUIRE(cert.ok());
    CHECK(cert->auth.kind == HttpAuth::Kind::None);
    CHECK(cert->tls.clientCertificateData == "-----BEGIN CERTIFICATE-----\nrun-2\n-----END CERTIFICATE-----\n");
    CHECK(cert->tls.clientKeyData == "-----BEGIN PRIVATE KEY-----\nrun-2\n-----END PRIVATE KEY-----\n");
    CHECK(cert->tls.caData == "test CA");
    CHECK(h.credentials.pluginRuns() == 2);
}

TEST_CASE("exec credentials are cached until expirationTimestamp and after invalidate", "[kubernetes][kubeconfig]")
{
    ExecHarness h;
    const KubeEndpoint e = h.endpoint(u"v1beta1"_s);
    h.setExpiry(h.clock.now().addSecs(600));

    CHECK(h.resolve(e)->auth.secret == u"plugin-token-1"_s);
    CHECK(h.resolve(e)->auth.secret == u"plugin-token-1"_s);
    h.clock.advance(9 * 60 * 1000);
    CHECK(h.resolve(e)->auth.secret == u"plugin-token-1"_s);
    CHECK(h.credentials.pluginRuns() == 1);

    // Past expirationTimestamp: the plugin runs again.
    h.setExpiry(h.clock.now().addSecs(3600));
    h.clock.advance(2 * 60 * 1000);
    CHECK(h.resolve(e)->auth.secret == u"plugin-token-2"_s);
    CHECK(h.resolve(e)->auth.secret == u"plugin-token-2"_s);
    CHECK(h.credentials.pluginRuns() == 2);

    // After a 401.
    h.credentials.invalidate(e);
    CHECK(h.resolve(e)->auth.secret == u"plugin-token-3"_s);
    CHECK(h.runs().size() == 3);

    // Another user (other apiVersion and env) has a credential of its own.
    CHECK(h.resolve(h.endpoint(u"v1"_s))->auth.secret == u"plugin-token-4"_s);
    CHECK(h.credentials.pluginRuns() == 4);

    // Without an expirationTimestamp a credential is kept until invalidate().
    QFile::remove(h.state + u"/expiry"_s);
    h.credentials.invalidate(e);
    CHECK(h.resolve(e)->auth.secret == u"plugin-token-5"_s);
    h.clock.advance(365LL * 24 * 3600 * 1000);
    CHECK(h.resolve(e)->auth.secret == u"plugin-token-5"_s);
    CHECK(h.credentials.pluginRuns() == 5);
}

TEST_CASE("concurrent resolves share one plugin run", "[kubernetes][kubeconfig]")
{
    ExecHarness h;
    const KubeEndpoint e = h.endpoint(u"v1beta1"_s);
    auto first = std::make_shared<std::optional<Result<KubeEndpoint>>>();
    auto second = std::make_shared<std::optional<Result<KubeEndpoint>>>();
    h.credentials.resolve(e, [first](Result<KubeEndpoint> r) { first->emplace(std::move(r)); });
    h.credentials.resolve(e, [second](Result<KubeEndpoint> r) { second->emplace(std::move(r)); });
    REQUIRE(spinUntil([&] { return first->has_value() && second->has_value(); }, 10'000));
    CHECK(first->value()->auth.secret == u"plugin-token-1"_s);
    CHECK(second->value()->auth.secret == u"plugin-token-1"_s);
    CHECK(h.credentials.pluginRuns() == 1);
}

TEST_CASE("failing exec plugins give readable Auth errors", "[kubernetes][kubeconfig]")
{
    ExecHarness h;

    SECTION("exit 1 with stderr")
    {
        auto r = h.resolve(h.endpoint(u"fail"_s));
        REQUIRE_FALSE(r.ok());
        const Error &e = r.error();
        CHECK(e.code == Error::Code::Auth);
        CHECK(e.message.contains(u"exit code 1"_s));
        CHECK(e.message.contains(u"./plugins/exec-credential-plugin.sh"_s));
        CHECK(e.detail.contains(u"invalid_grant"_s));
        CHECK(e.detail.contains(u"example-login"_s));
        CHECK(e.file == h.config);
        CHECK(e.field == u"users[3].user.exec"_s);
        CHECK(e.line > 0);
        // A failure is not cached.
        CHECK_FALSE(h.resolve(h.endpoint(u"fail"_s)).ok());
        CHECK(h.credentials.pluginRuns() == 2);
    }
    SECTION("not an ExecCredential")
    {
        auto r = h.resolve(h.endpoint(u"garbage"_s));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Auth);
        CHECK(r.error().message.contains(u"ExecCredential"_s));
        CHECK(r.error().detail.contains(u"not JSON"_s));
        CHECK_FALSE(r.error().detail.contains(u"browser"_s)); // stdout is never shown
    }
    SECTION("the wrong apiVersion")
    {
        auto r = h.resolve(h.endpoint(u"wrong-version"_s));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Auth);
        CHECK(r.error().message.contains(u"client.authentication.k8s.io/v1beta1"_s));
        CHECK(r.error().detail.contains(u"expected \"client.authentication.k8s.io/v1\""_s));
    }
    SECTION("a missing command with installHint")
    {
        auto r = h.resolve(h.endpoint(u"missing"_s));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Auth);
        CHECK(r.error().message.contains(u"portolan-no-such-plugin"_s));
        CHECK(r.error().message.contains(u"was not found"_s));
        CHECK(r.error().message.contains(u"Install it with: apt install portolan-login"_s));
        CHECK(h.credentials.pluginRuns() == 0);
    }
    SECTION("a plugin that does not answer in time")
    {
        h.credentials.setTimeout(300);
        QElapsedTimer timer;
        timer.start();
        auto r = h.resolve(h.endpoint(u"sleep"_s), 5000);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Auth);
        CHECK(r.error().message.contains(u"did not answer"_s));
        CHECK(timer.elapsed() < 5000);
    }
}

TEST_CASE("exec plugins are looked up on PATH", "[kubernetes][kubeconfig]")
{
    ExecHarness h;
    const QString bin = h.dir.filePath(u"bin"_s);
    REQUIRE(QDir().mkpath(bin));
    REQUIRE(QFile::copy(dataPath(u"kubernetes/exec-credential-plugin.sh"_s), bin + u"/portolan-test-exec-plugin"_s));
    REQUIRE(QFile::setPermissions(bin + u"/portolan-test-exec-plugin"_s,
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    ScopedEnv path("PATH", (bin + u':' + qEnvironmentVariable("PATH")).toLocal8Bit());
    auto r = h.resolve(h.endpoint(u"on-path"_s));
    INFO((r ? QString() : r.error().toString()).toStdString());
    REQUIRE(r.ok());
    CHECK(r->auth.secret == u"plugin-token-1"_s);
}

TEST_CASE("destroying KubeCredentials stops a running plugin without calling back", "[kubernetes][kubeconfig]")
{
    ExecHarness h;
    auto credentials = std::make_unique<KubeCredentials>(&h.clock);
    auto called = std::make_shared<bool>(false);
    credentials->resolve(h.endpoint(u"sleep"_s), [called](const Result<KubeEndpoint> &) { *called = true; });
    REQUIRE(spinUntil([&h] { return h.runs().size() == 1; }));
    QElapsedTimer timer;
    timer.start();
    credentials.reset();
    CHECK(timer.elapsed() < 2000);
    QTest::qWait(100);
    CHECK_FALSE(*called);
}
