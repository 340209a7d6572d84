#include "DeepLink.h"

#include "config/AppInfo.h"
#include "model/EntityRef.h"

#include <QCoreApplication>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::DeepLink)
};

Error linkError(const QString &text, const QString &message)
{
    Error e = makeError(Error::Code::Config, message, text);
    e.field = text;
    return e;
}

} // namespace

bool DeepLink::isDeepLink(QStringView text)
{
    const QLatin1StringView scheme = AppInfo::urlScheme;
    return text.size() > scheme.size() && text.startsWith(scheme, Qt::CaseInsensitive) && text[scheme.size()] == u':';
}

Result<DeepLink> DeepLink::parse(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare(AppInfo::urlScheme, Qt::CaseInsensitive) != 0) {
        return linkError(text, Tr::tr("%1 is not a Portolan link (portolan://entity/…, portolan://action/…, "
                                      "portolan://run/…).")
                                   .arg(text));
    }
    // portolan://entity/<ref>: "entity" is the host and the ref the path; the ref's own ':' and '/' stay in the path.
    const QString what = url.host().toLower();
    QString rest = url.path(QUrl::FullyDecoded);
    if (rest.startsWith(u'/')) {
        rest.remove(0, 1);
    }
    if (rest.endsWith(u'/')) {
        rest.chop(1);
    }
    DeepLink link;
    if (what == "entity"_L1) {
        if (rest.isEmpty()) {
            return linkError(text, Tr::tr("The link %1 names no entity.").arg(text));
        }
        if (const auto ref = EntityRef::parse(rest, u"component"); !ref.ok()) {
            return linkError(text, Tr::tr("The link %1 names no valid entity: %2").arg(text, ref.error().message));
        }
        link.target = Target::Entity;
        link.entityRef = rest;
        return link;
    }
    if (what == "action"_L1) {
        if (rest.isEmpty()) {
            return linkError(text, Tr::tr("The link %1 names no action.").arg(text));
        }
        link.target = Target::Action;
        link.actionId = rest;
        link.entityRef = QUrlQuery(url).queryItemValue(u"entity"_s, QUrl::FullyDecoded);
        if (!link.entityRef.isEmpty()) {
            if (const auto ref = EntityRef::parse(link.entityRef, u"component"); !ref.ok()) {
                return linkError(text, Tr::tr("The link %1 names no valid entity: %2").arg(text, ref.error().message));
            }
        }
        return link;
    }
    if (what == "run"_L1) {
        bool ok = false;
        link.runId = rest.toLongLong(&ok);
        if (!ok || link.runId <= 0) {
            return linkError(text, Tr::tr("The link %1 names no run: a run is a number.").arg(text));
        }
        link.target = Target::Run;
        return link;
    }
    return linkError(
        text, Tr::tr("The link %1 opens nothing Portolan knows: it opens an entity, an action or a run.").arg(text));
}

QUrl DeepLink::toUrl() const
{
    QUrl url;
    url.setScheme(AppInfo::urlScheme);
    switch (target) {
    case Target::Entity:
        url.setHost(u"entity"_s);
        url.setPath(u'/' + entityRef);
        break;
    case Target::Action:
        url.setHost(u"action"_s);
        url.setPath(u'/' + actionId);
        if (!entityRef.isEmpty()) {
            QUrlQuery query;
            query.addQueryItem(u"entity"_s, QString::fromUtf8(QUrl::toPercentEncoding(entityRef, ":/")));
            url.setQuery(query);
        }
        break;
    case Target::Run:
        url.setHost(u"run"_s);
        url.setPath(u'/' + QString::number(runId));
        break;
    }
    return url;
}

} // namespace Portolan::Core
