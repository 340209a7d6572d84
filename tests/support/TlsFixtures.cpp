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
    // Relative names: openssl runs in the temporary folder.
    const auto args = [](const char *line, const QString &subject = {}) {
        QStringList out = QString::fromLatin1(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!subject.isEmpty()) {
            out << QStringLiteral("-subj") << subject;
        }
        return out;
    };
    const bool ok = run(args("req -x509 -config openssl.cnf -extensions ca_ext -newkey ec -pkeyopt "
                             "ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem -days 2",
                             QStringLiteral("/CN=Portolan Test CA")))
                    && run(args("req -config openssl.cnf -newkey rsa:2048 -nodes -keyout server.key -out server.csr",
                                QStringLiteral("/CN=127.0.0.1")))
                    && run(args("x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem "
                                "-days 2 -extfile openssl.cnf -extensions server_ext"))
                    && run(args("req -config openssl.cnf -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
                                "-keyout client.key -out client.csr",
                                QStringLiteral("/CN=") + clientCommonName()))
                    && run(args("x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem "
                                "-days 2 -extfile openssl.cnf -extensions client_ext"));
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
