#include "TlsFixtures.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>

namespace Portolan::Test {

namespace {

constexpr char opensslConfig[] = R"([req]
distinguished_name = dn
prompt = no
[dn]
CN = placeholder
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[server_ext]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[client_ext]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
)";

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

const TlsFixtures &TlsFixtures::instance()
{
    static const TlsFixtures fixtures;
    return fixtures;
}

TlsFixtures::TlsFixtures()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
        m_error = QStringLiteral("the openssl command is not installed");
        return;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return;
    }
    QFile config(path(QStringLiteral("openssl.cnf")));
    if (!config.open(QIODevice::WriteOnly) || config.write(opensslConfig) < 0) {
        m_error = QStringLiteral("cannot write openssl.cnf");
        return;
    }
    config.close();
    const QString conf = config.fileName();
    const QString ec = QStringLiteral("ec_paramgen_curve:prime256v1");
    // clang-format off
    const bool ok =
        run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-config"), conf,
             QStringLiteral("-extensions"), QStringLiteral("ca_ext"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), ec, QStringLiteral("-nodes"), QStringLiteral("-keyout"), path(QStringLiteral("ca.key")),
             QStringLiteral("-out"), caCertificate(), QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-subj"), QStringLiteral("/CN=Portolan Test CA")})
        && run({QStringLiteral("req"), QStringLiteral("-config"), conf, QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-keyout"), serverKey(), QStringLiteral("-out"),
                path(QStringLiteral("server.csr")), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")})
        && run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), path(QStringLiteral("server.csr")),
                QStringLiteral("-CA"), caCertificate(), QStringLiteral("-CAkey"), path(QStringLiteral("ca.key")),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), serverCertificate(), QStringLiteral("-days"),
                QStringLiteral("2"), QStringLiteral("-extfile"), conf, QStringLiteral("-extensions"), QStringLiteral("server_ext")})
        && run({QStringLiteral("req"), QStringLiteral("-config"), conf, QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), ec, QStringLiteral("-nodes"), QStringLiteral("-keyout"), clientKey(),
                QStringLiteral("-out"), path(QStringLiteral("client.csr")), QStringLiteral("-subj"),
                QStringLiteral("/CN=") + clientCommonName()})
        && run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), path(QStringLiteral("client.csr")),
                QStringLiteral("-CA"), caCertificate(), QStringLiteral("-CAkey"), path(QStringLiteral("ca.key")),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), clientCertificate(), QStringLiteral("-days"),
                QStringLiteral("2"), QStringLiteral("-extfile"), conf, QStringLiteral("-extensions"), QStringLiteral("client_ext")});
    // clang-format on
    if (ok && QSslCertificate::fromPath(serverCertificate()).isEmpty()) {
        m_error = QStringLiteral("openssl made no readable server certificate");
    }
}

bool TlsFixtures::run(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2")
                      .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

QSslConfiguration TlsFixtures::serverConfiguration(bool requireClientCertificate) const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(QSslCertificate::fromPath(serverCertificate()));
    configuration.setPrivateKey(QSslKey(readFile(serverKey()), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey));
    configuration.setProtocol(QSsl::SecureProtocols);
    if (requireClientCertificate) {
        configuration.setCaCertificates(QSslCertificate::fromPath(caCertificate()));
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    } else {
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    return configuration;
}

} // namespace Portolan::Test
