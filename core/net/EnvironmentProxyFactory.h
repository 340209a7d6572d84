#pragma once

#include <QNetworkProxyFactory>
#include <QStringList>

class QNetworkAccessManager;

namespace Portolan::Core {

// Proxies from the environment, the way curl and git read it: http_proxy for http URLs, https_proxy for https
// URLs, all_proxy as the fallback for both (lower-case names first, then upper-case), and no_proxy to go direct
// ("*", host names, ".domain" or "domain" suffixes, IP addresses and CIDR ranges, with or without a port).
// Loopback hosts always go direct. Explicit rather than QNetworkProxyFactory::setUseSystemConfiguration(), which
// is process-wide and, depending on how Qt was built (libproxy or not), reads different settings.
class EnvironmentProxyFactory final : public QNetworkProxyFactory
{
public:
    struct Settings
    {
        QString httpProxy;
        QString httpsProxy;
        QString allProxy;
        QStringList noProxy;
    };

    EnvironmentProxyFactory(); // reads the environment now
    explicit EnvironmentProxyFactory(Settings settings);

    [[nodiscard]] static Settings fromEnvironment();
    // Installs a factory reading the environment on `network`, unless the network manager already has a proxy
    // factory or an explicit proxy of its own, or the application set a proxy or the system configuration for all
    // network managers. Returns whether it installed one. HttpClient calls it for the network manager it is given.
    static bool installOn(QNetworkAccessManager *network);

    [[nodiscard]] QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query = QNetworkProxyQuery()) override;

    [[nodiscard]] const Settings &settings() const { return m_settings; }
    // Whether no_proxy (or loopback) sends `host` direct.
    [[nodiscard]] bool goesDirect(const QString &host, int port) const;
    // "http://user:pass@host:port", "socks5://host:port" or "host:port"; a NoProxy proxy when empty or invalid.
    [[nodiscard]] static QNetworkProxy parseProxy(const QString &value);

private:
    Settings m_settings;
};

} // namespace Portolan::Core
