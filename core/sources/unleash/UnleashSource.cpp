#include "UnleashSource.h"
#include "sources/HttpSource.h"

#include "sources/monitoring/MonitoringMapper.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString trU(const char *text, int n = -1)
{
    return QCoreApplication::translate("UnleashSource", text, nullptr, n);
}

QString percent(const QString &part)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(part));
}

} // namespace

namespace Unleash {

int expectedLifetimeDays(const QString &type)
{
    if (type == u"release"_s || type == u"experiment"_s) {
        return 40;
    }
    if (type == u"operational"_s) {
        return 7;
    }
    return 0; // kill-switch, permission
}

Result<QHash<QString, QList<FeatureFlagInfo>>> mapProjectFeatures(const QByteArray &body, const QString &project,
                                                                  const QString &where, const MapOptions &options,
                                                                  const Catalog::Ptr &catalog, QStringList *unmatched)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.object().value("features"_L1).isArray()) {
        Error e = makeError(Error::Code::Parse, trU("The answer from %1 is not Unleash's list of a project's flags "
                                                    "(version, features)")
                                                    .arg(where));
        e.file = where;
        e.field = u"features"_s;
        if (parseError.error != QJsonParseError::NoError) {
            e.detail = parseError.errorString();
        }
        return e;
    }
    const Monitoring::EntityResolver resolver(catalog);
    QHash<QString, QList<FeatureFlagInfo>> out;
    for (const QJsonValue &v : doc.object().value("features"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        FeatureFlagInfo flag;
        flag.sourceId = options.sourceId;
        flag.project = project;
        flag.name = o.value("name"_L1).toString();
        flag.type = o.value("type"_L1).toString();
        flag.description = o.value("description"_L1).toString();
        flag.url = options.baseUrl + u"/projects/"_s + percent(project) + u"/features/"_s + percent(flag.name);
        flag.createdAt = QDateTime::fromString(o.value("createdAt"_L1).toString(), Qt::ISODateWithMs).toUTC();
        flag.lastSeenAt = QDateTime::fromString(o.value("lastSeenAt"_L1).toString(), Qt::ISODateWithMs).toUTC();
        for (const QJsonValue &e : o.value("environments"_L1).toArray()) {
            const QJsonObject env = e.toObject();
            flag.environments.append({env.value("name"_L1).toString(), env.value("enabled"_L1).toBool(),
                                      env.value("hasEnabledStrategies"_L1).toBool() ? 1 : 0});
        }
        if (o.value("stale"_L1).toBool()) {
            flag.stale = true;
            flag.staleReason = trU("Marked stale in Unleash");
        } else if (const int days = expectedLifetimeDays(flag.type);
                   days > 0 && flag.createdAt.isValid() && flag.createdAt.daysTo(options.now) > days) {
            flag.stale = true;
            flag.staleReason = trU("Older than the %1 days a %2 flag is expected to live").arg(days).arg(flag.type);
        }

        // Whose flag: a tag of the configured type naming an entity, else the name's prefix.
        QStringList candidates;
        for (const QJsonValue &t : o.value("tags"_L1).toArray()) {
            if (t.toObject().value("type"_L1).toString() == options.componentTag) {
                candidates.append(t.toObject().value("value"_L1).toString());
            }
        }
        if (!options.separator.isEmpty() && flag.name.contains(options.separator)) {
            candidates.append(flag.name.section(options.separator, 0, 0));
        }
        QString key;
        for (const QString &candidate : std::as_const(candidates)) {
            key = resolver.keyFor(candidate);
            if (!key.isEmpty()) {
                break;
            }
        }
        if (key.isEmpty()) {
            unmatched->append(flag.name);
            continue;
        }
        out[key].append(flag);
    }
    return out;
}

} // namespace Unleash

struct UnleashSource::Sync
{
    SyncContext context;
    quint64 generation = 0;
    QString base;
    QStringList projects;
    SourceResult result;
    QStringList unmatched;
    int flags = 0;
};

UnleashSource::UnleashSource(SourceConfig config, QObject *parent)
    : Source(std::move(config), parent)
{ }

UnleashSource::~UnleashSource() = default;

void UnleashSource::sync(const SyncContext &context)
{
    const quint64 generation = ++m_generation;
    // Unleash takes its API tokens as the whole Authorization header, without "Bearer".
    auto started =
        HttpSource::start(m_config, context, u"Unleash"_s, {HttpAuth::Kind::Header, {}, {}, "Authorization"});
    if (!started.ok()) {
        finishLater(generation, started.error());
        return;
    }
    const QString base = started->base;
    m_client = std::move(started->client);

    auto sync = std::make_shared<Sync>();
    sync->context = context;
    sync->generation = generation;
    sync->base = base;
    const QVariant configured = m_config.options.value(u"projects"_s);
    sync->projects = configured.toStringList();
    if (!sync->projects.isEmpty()) {
        readProject(sync, 0);
        return;
    }
    m_client->get(
        QUrl(base + u"/api/admin/projects"_s),
        [this, sync](Result<HttpResponse> response) {
            if (sync->generation != m_generation) {
                return;
            }
            if (!response.ok()) {
                Q_EMIT finished(response.error());
                return;
            }
            for (const QJsonValue &p :
                 QJsonDocument::fromJson(response->body).object().value("projects"_L1).toArray()) {
                sync->projects.append(p.toObject().value("id"_L1).toString());
            }
            if (sync->projects.isEmpty()) {
                sync->projects = {u"default"_s};
            }
            readProject(sync, 0);
        },
        context.cancel);
}

void UnleashSource::readProject(const std::shared_ptr<Sync> &sync, qsizetype index)
{
    if (sync->generation != m_generation) {
        return;
    }
    if (index >= sync->projects.size()) {
        if (!sync->unmatched.isEmpty()) {
            sync->unmatched.sort();
            Error e = makeError(Error::Code::Reference, tr("%n flag(s) name no component in the catalog: %1", nullptr,
                                                           int(sync->unmatched.size()))
                                                            .arg(sync->unmatched.join(u", "_s)));
            e.severity = Error::Severity::Info;
            e.detail = tr("Tag a flag with a \"%1\" tag naming its component, or start its name with the component's "
                          "name and \"%2\".")
                           .arg(m_config.options.value(u"componentTag"_s, u"component"_s).toString(),
                                m_config.options.value(u"separator"_s, u"."_s).toString());
            sync->result.problems.append(e);
        }
        sync->result.message = tr("%n flag(s)", nullptr, sync->flags) + u" · "_s
                               + tr("%n project(s)", nullptr, int(sync->projects.size()));
        Q_EMIT finished(sync->result);
        return;
    }
    const QString project = sync->projects.at(index);
    const QUrl url(sync->base + u"/api/admin/projects/"_s + percent(project) + u"/features"_s);
    Q_EMIT progress(index, sync->projects.size(), tr("Reading the flags of %1").arg(project));
    m_client->get(
        url,
        [this, sync, index, project, url](Result<HttpResponse> response) {
            if (sync->generation != m_generation) {
                return;
            }
            if (!response.ok()) {
                Q_EMIT finished(response.error()); // a partial flag list would drop flags: the last good set stays
                return;
            }
            Unleash::MapOptions options;
            options.sourceId = m_config.id;
            options.baseUrl = sync->base;
            options.now = (sync->context.clock ? sync->context.clock : &Clock::system())->now().toUTC();
            if (const QString tag = m_config.options.value(u"componentTag"_s).toString(); !tag.isEmpty()) {
                options.componentTag = tag;
            }
            if (m_config.options.contains(u"separator"_s)) {
                options.separator = m_config.options.value(u"separator"_s).toString();
            }
            auto mapped = Unleash::mapProjectFeatures(response->body, project, HttpClient::redactedUrl(url), options,
                                                      sync->context.catalog, &sync->unmatched);
            if (!mapped.ok()) {
                Q_EMIT finished(mapped.error());
                return;
            }
            for (auto it = mapped->cbegin(); it != mapped->cend(); ++it) {
                EntityOps &ops = sync->result.ops[it.key()];
                ops.flags += it.value();
                ops.updatedAt = options.now;
                sync->flags += int(it.value().size());
            }
            readProject(sync, index + 1);
        },
        sync->context.cancel);
}

} // namespace Portolan::Core
