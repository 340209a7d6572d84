#include "HttpSource.h"

#include "net/UrlText.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Portolan::Core::HttpSource {

HttpAuth auth(const SyncContext &context, const HttpAuth &fallback)
{
    HttpAuth out;
    if (context.secret.isEmpty()) {
        return out;
    }
    if (context.credentialKind == u"basic"_s) {
        out.kind = HttpAuth::Kind::Basic;
        out.user = context.credentialUser;
    } else if (context.credentialKind == u"header"_s && !context.credentialHeader.isEmpty()) {
        out.kind = HttpAuth::Kind::Header;
        out.headerName = context.credentialHeader.toLatin1();
    } else if (context.credentialKind == u"bearer"_s) {
        out.kind = HttpAuth::Kind::Bearer;
    } else {
        out = fallback;
    }
    out.secret = context.secret;
    return out;
}

Result<Start> start(const SourceConfig &config, const SyncContext &context, const QString &serverName,
                    const HttpAuth &fallback)
{
    Start out;
    out.base = baseUrlText(config.url);
    const QUrl baseUrl(out.base);
    if (!baseUrl.isValid() || baseUrl.host().isEmpty()
        || (baseUrl.scheme() != u"http"_s && baseUrl.scheme() != u"https"_s)) {
        Error e = makeError(Error::Code::Config,
                            QCoreApplication::translate("HttpSource", "The %1 source %2 needs the server's URL")
                                .arg(serverName, config.displayName()),
                            QCoreApplication::translate("HttpSource", "\"url\" is an http or https address"));
        e.file = config.configFile;
        e.line = config.line;
        e.field = u"url"_s;
        return e;
    }
    if (!context.network) {
        return makeError(Error::Code::Internal,
                         QCoreApplication::translate("HttpSource", "No network manager for %1").arg(out.base));
    }
    HttpOptions options;
    options.baseUrl = baseUrl;
    options.tls = config.tls;
    options.auth = auth(context, fallback);
    options.cacheBodies = false;
    options.headers = {{"Accept", "application/json"}};
    out.client = std::make_unique<HttpClient>(context.network, options);
    if (context.clock) {
        out.client->setClock(context.clock);
    }
    return out;
}

} // namespace Portolan::Core::HttpSource
