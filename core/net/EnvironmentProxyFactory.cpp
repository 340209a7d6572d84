#include "EnvironmentProxyFactory.h"

#include "NetLogging.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString env(const char *lower, const char *upper)
{
    QString value = qEnvironmentVariable(lower).trimmed();
    if (value.isEmpty()) {
        value = qEnvironmentVariable(upper).trimmed();
    }
    return value;
}

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 || host.endsWith(u".localhost"_s, Qt::CaseInsensitive)) {
        return true;
    }
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

EnvironmentProxyFactory::EnvironmentProxyFactory()
    : m_settings(fromEnvironment())
{ }

EnvironmentProxyFactory::EnvironmentProxyFactory(Settings settings)
    : m_settings(std::move(settings))
{ }

EnvironmentProxyFactory::Settings EnvironmentProxyFactory::fromEnvironment()
{
    Settings s;
    s.httpProxy = env("http_proxy", "HTTP_PROXY");
    s.httpsProxy = env("https_proxy", "HTTPS_PROXY");
    s.allProxy = env("all_proxy", "ALL_PROXY");
    for (const QString &entry : env("no_proxy", "NO_PROXY").split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = entry.trimmed();
        if (!trimmed.isEmpty()) {
            s.noProxy.append(trimmed);
        }
    }
    return s;
}

bool EnvironmentProxyFactory::installOn(QNetworkAccessManager *network)
{
    if (!network || network->proxyFactory() || network->proxy().type() != QNetworkProxy::DefaultProxy) {
        return false;
    }
    // The application chose proxies for every network manager (system settings, or one proxy): that stands.
    const QNetworkProxy::ProxyType applicationProxy = QNetworkProxy::applicationProxy().type();
    if (QNetworkProxyFactory::usesSystemConfiguration()
        || (applicationProxy != QNetworkProxy::NoProxy && applicationProxy != QNetworkProxy::DefaultProxy)) {
        return false;
    }
    auto *factory = new EnvironmentProxyFactory;
    const Settings &s = factory->settings();
    if (!s.httpProxy.isEmpty() || !s.httpsProxy.isEmpty() || !s.allProxy.isEmpty()) {
        // The proxy's address only: a proxy URL may carry a user and password.
        qCInfo(lcNet) << "proxies from the environment: http" << parseProxy(s.httpProxy).hostName() << "https"
                      << parseProxy(s.httpsProxy).hostName() << "all" << parseProxy(s.allProxy).hostName() << "no_proxy"
                      << s.noProxy;
    }
    network->setProxyFactory(factory); // takes ownership
    return true;
}

QNetworkProxy EnvironmentProxyFactory::parseProxy(const QString &value)
{
    if (value.isEmpty()) {
        return QNetworkProxy(QNetworkProxy::NoProxy);
    }
    QUrl url(value.contains(u"://"_s) ? value : u"http://"_s + value);
    if (!url.isValid() || url.host().isEmpty()) {
        return QNetworkProxy(QNetworkProxy::NoProxy);
    }
    const QString scheme = url.scheme().toLower();
    QNetworkProxy::ProxyType type = QNetworkProxy::HttpProxy;
    if (scheme.startsWith(u"socks"_s)) {
        type = QNetworkProxy::Socks5Proxy;
    } else if (scheme != u"http"_s && scheme != u"https"_s) {
        return QNetworkProxy(QNetworkProxy::NoProxy);
    }
    // curl's default proxy port.
    QNetworkProxy proxy(type, url.host(), quint16(url.port(1080)), url.userName(QUrl::FullyDecoded),
                        url.password(QUrl::FullyDecoded));
    return proxy;
}

bool EnvironmentProxyFactory::goesDirect(const QString &host, int port) const
{
    if (isLoopback(host)) {
        return true;
    }
    const QString lowerHost = host.toLower();
    const QHostAddress hostAddress(host);
    for (const QString &rawEntry : m_settings.noProxy) {
        if (rawEntry == u"*"_s) {
            return true;
        }
        QString entry = rawEntry.toLower();
        // An optional ":port" (not for IPv6 literals and CIDR ranges, which contain colons of their own).
        int entryPort = -1;
        const qsizetype colon = entry.lastIndexOf(u':');
        if (colon > 0 && entry.indexOf(u':') == colon && !entry.contains(u'/')) {
            bool ok = false;
            entryPort = entry.mid(colon + 1).toInt(&ok);
            if (ok) {
                entry.truncate(colon);
            } else {
                entryPort = -1;
            }
        }
        if (entryPort != -1 && entryPort != port) {
            continue;
        }
        if (entry.startsWith(u'[') && entry.endsWith(u']')) {
            entry = entry.mid(1, entry.size() - 2);
        }
        if (!hostAddress.isNull()) {
            if (entry.contains(u'/')) {
                const auto subnet = QHostAddress::parseSubnet(entry);
                if (!subnet.first.isNull() && hostAddress.isInSubnet(subnet)) {
                    return true;
                }
                continue;
            }
            const QHostAddress entryAddress(entry);
            if (!entryAddress.isNull() && entryAddress.isEqual(hostAddress)) {
                return true;
            }
            continue;
        }
        if (entry.startsWith(u"*."_s)) {
            entry = entry.mid(1);
        }
        if (entry.startsWith(u'.')) {
            if (lowerHost.endsWith(entry) || lowerHost == entry.mid(1)) {
                return true;
            }
        } else if (lowerHost == entry || lowerHost.endsWith(u'.' + entry)) {
            return true;
        }
    }
    return false;
}

QList<QNetworkProxy> EnvironmentProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    const QUrl url = query.url();
    const QString scheme = (url.isValid() && !url.scheme().isEmpty() ? url.scheme() : query.protocolTag()).toLower();
    const QString host = url.isValid() && !url.host().isEmpty() ? url.host() : query.peerHostName();
    const int port = url.isValid() ? url.port(scheme == u"https"_s ? 443 : 80) : query.peerPort();
    if (goesDirect(host, port)) {
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    }
    QString value;
    if (scheme == u"https"_s) {
        value = m_settings.httpsProxy;
    } else if (scheme == u"http"_s) {
        value = m_settings.httpProxy;
    }
    if (value.isEmpty()) {
        value = m_settings.allProxy;
    }
    return {parseProxy(value)};
}

} // namespace Portolan::Core
