#include "GitHubConfig.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GitHubConfig", text);
}

Error configError(const SourceConfig &config, const QString &field, const QString &message)
{
    Error e = makeError(Error::Code::Config, message);
    e.file = config.configFile;
    e.line = config.line;
    e.field = field;
    return e;
}

// YAML gives a bool; a quoted "true" or a value from the settings dialog arrives as a string.
Result<bool> boolOption(const SourceConfig &config, const QString &name, bool fallback)
{
    const QVariant value = config.options.value(name);
    if (!value.isValid() || value.isNull()) {
        return fallback;
    }
    if (value.typeId() == QMetaType::Bool) {
        return value.toBool();
    }
    const QString text = value.toString().trimmed().toLower();
    if (text == u"true"_s || text == u"yes"_s || text == u"on"_s) {
        return true;
    }
    if (text == u"false"_s || text == u"no"_s || text == u"off"_s) {
        return false;
    }
    return configError(config, u"options."_s + name,
                       tr("The GitHub source %1: options.%2 must be true or false, not \"%3\"")
                           .arg(config.displayName(), name, value.toString()));
}

Result<int> intOption(const SourceConfig &config, const QString &name, int fallback, int min, int max)
{
    const QVariant value = config.options.value(name);
    if (!value.isValid() || value.isNull()) {
        return fallback;
    }
    bool ok = false;
    const int n = value.toString().trimmed().toInt(&ok);
    if (!ok || n < min || n > max) {
        return configError(config, u"options."_s + name,
                           tr("The GitHub source %1: options.%2 must be a whole number from %3 to %4, not \"%5\"")
                               .arg(config.displayName(), name)
                               .arg(min)
                               .arg(max)
                               .arg(value.toString()));
    }
    return n;
}

// GitHub logins and organisation names: alphanumerics and single hyphens, at most 39 characters.
bool isValidLogin(const QString &login)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"_s);
    return pattern.match(login).hasMatch();
}

} // namespace

QString GitHubConfig::repositoriesPath() const
{
    if (!organization.isEmpty()) {
        return u"/orgs/%1/repos?per_page=100&type=all"_s.arg(organization);
    }
    return u"/users/%1/repos?per_page=100&type=owner"_s.arg(user);
}

QString GitHubConfig::graphqlUrl() const
{
    if (apiUrl.endsWith(u"/api/v3"_s)) {
        return apiUrl.left(apiUrl.size() - 2) + u"graphql"_s; // .../api/v3 -> .../api/graphql
    }
    return apiUrl + u"/graphql"_s;
}

QString GitHubConfig::webUrl() const
{
    QUrl url(apiUrl);
    if (url.host().compare(u"api.github.com"_s, Qt::CaseInsensitive) == 0) {
        return u"https://github.com"_s;
    }
    QString path = url.path();
    if (path.endsWith(u"/api/v3"_s)) {
        path.chop(7);
    }
    url.setPath(path);
    QString out = url.toString();
    while (out.endsWith(u'/')) {
        out.chop(1);
    }
    return out;
}

QList<QPair<QByteArray, QByteArray>> GitHubConfig::apiHeaders()
{
    return {{"Accept", "application/vnd.github+json"}, {"X-GitHub-Api-Version", "2022-11-28"}};
}

Result<GitHubConfig> GitHubConfig::fromSource(const SourceConfig &config)
{
    GitHubConfig c;
    c.apiUrl = config.url.trimmed();
    if (c.apiUrl.isEmpty()) {
        c.apiUrl = QString::fromLatin1(defaultApiUrl);
    }
    while (c.apiUrl.endsWith(u'/')) {
        c.apiUrl.chop(1);
    }
    const QUrl api(c.apiUrl);
    if (!api.isValid() || api.host().isEmpty() || (api.scheme() != u"https"_s && api.scheme() != u"http"_s)) {
        return configError(config, u"url"_s,
                           tr("The GitHub source %1 needs the API URL (https://api.github.com, or "
                              "https://<host>/api/v3 for GitHub Enterprise), not \"%2\"")
                               .arg(config.displayName(), config.url));
    }

    c.organization = config.options.value(u"organization"_s).toString().trimmed();
    c.user = config.options.value(u"user"_s).toString().trimmed();
    if (c.organization.isEmpty() == c.user.isEmpty()) {
        return configError(
            config, u"options.organization"_s,
            c.organization.isEmpty()
                ? tr("The GitHub source %1 needs options.organization or options.user").arg(config.displayName())
                : tr("The GitHub source %1 has both options.organization and options.user; keep one")
                      .arg(config.displayName()));
    }
    const bool isOrg = !c.organization.isEmpty();
    if (!isValidLogin(c.owner())) {
        return configError(
            config, isOrg ? u"options.organization"_s : u"options.user"_s,
            tr("The GitHub source %1: \"%2\" is not a GitHub account name").arg(config.displayName(), c.owner()));
    }

    const QVariant paths = config.options.value(u"catalogPaths"_s);
    if (!paths.isValid() || paths.isNull()) {
        c.catalogPaths = {u"catalog-info.yaml"_s};
    } else {
        const QStringList list =
            paths.typeId() == QMetaType::QString ? QStringList{paths.toString()} : paths.toStringList();
        for (qsizetype i = 0; i < list.size(); ++i) {
            QString p = list[i].trimmed();
            while (p.startsWith(u'/')) {
                p.remove(0, 1);
            }
            if (p.isEmpty() || p.contains(u'*') || p.contains(u'?') || p.split(u'/').contains(u".."_s)) {
                return configError(config, u"options.catalogPaths[%1]"_s.arg(i),
                                   tr("The GitHub source %1: options.catalogPaths needs file paths inside the "
                                      "repository (no globs, no \"..\"), not \"%2\"")
                                       .arg(config.displayName(), list[i]));
            }
            c.catalogPaths.append(p);
        }
        if (c.catalogPaths.isEmpty()) {
            return configError(config, u"options.catalogPaths"_s,
                               tr("The GitHub source %1: options.catalogPaths is empty").arg(config.displayName()));
        }
    }

    const Result<bool> asComponents = boolOption(config, u"repositoriesAsComponents"_s, false);
    if (!asComponents.ok()) {
        return asComponents.error();
    }
    c.repositoriesAsComponents = asComponents.value();
    const Result<bool> archived = boolOption(config, u"includeArchived"_s, true);
    if (!archived.ok()) {
        return archived.error();
    }
    c.includeArchived = archived.value();
    const Result<bool> insights = boolOption(config, u"insights"_s, true);
    if (!insights.ok()) {
        return insights.error();
    }
    c.insights = insights.value();
    const Result<bool> graphql = boolOption(config, u"graphql"_s, true);
    if (!graphql.ok()) {
        return graphql.error();
    }
    c.graphql = graphql.value();
    const Result<int> concurrency = intOption(config, u"concurrency"_s, 4, 1, 16);
    if (!concurrency.ok()) {
        return concurrency.error();
    }
    c.concurrency = concurrency.value();
    const Result<int> reserve = intOption(config, u"reservePercent"_s, 5, 0, 90);
    if (!reserve.ok()) {
        return reserve.error();
    }
    c.reservePercent = reserve.value();
    const Result<int> wait = intOption(config, u"maxWaitSeconds"_s, 10, 0, 3600);
    if (!wait.ok()) {
        return wait.error();
    }
    c.maxWaitSeconds = wait.value();
    return c;
}

} // namespace Portolan::Core
