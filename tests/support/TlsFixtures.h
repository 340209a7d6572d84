#pragma once

#include <QSslConfiguration>
#include <QString>
#include <QTemporaryDir>

namespace Portolan::Test {

// A throwaway PKI made with the `openssl` command line at test time, in a temporary folder: a CA, a server
// certificate for 127.0.0.1/localhost signed by it (RSA key) and a client certificate signed by it (EC key).
// Made once per test run; tests REQUIRE ok(), and error() says what failed (openssl missing, ...).
class TlsFixtures final
{
public:
    // The run's fixtures (made on first use).
    [[nodiscard]] static const TlsFixtures &instance();

    [[nodiscard]] bool ok() const { return m_error.isEmpty(); }
    [[nodiscard]] QString error() const { return m_error; }

    [[nodiscard]] QString caCertificate() const { return path(QStringLiteral("ca.pem")); }
    [[nodiscard]] QString serverCertificate() const { return path(QStringLiteral("server.pem")); }
    [[nodiscard]] QString serverKey() const { return path(QStringLiteral("server.key")); }
    [[nodiscard]] QString clientCertificate() const { return path(QStringLiteral("client.pem")); }
    [[nodiscard]] QString clientKey() const { return path(QStringLiteral("client.key")); }
    [[nodiscard]] QString clientCommonName() const { return QStringLiteral("portolan-test-client"); }

    // The server side: its certificate and key; with `requireClientCertificate`, clients must present a certificate
    // signed by the CA.
    [[nodiscard]] QSslConfiguration serverConfiguration(bool requireClientCertificate = false) const;

private:
    TlsFixtures();
    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }
    bool run(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace Portolan::Test
