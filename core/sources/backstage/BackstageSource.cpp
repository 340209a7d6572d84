#include "BackstageSource.h"
#include "net/UrlText.h"

#include "BackstageMapper.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

Q_LOGGING_CATEGORY(lcBackstage, "portolan.source.backstage", QtInfoMsg)

const QString byQueryPath = u"/api/catalog/entities/by-query"_s;

} // namespace

BackstageSource::BackstageSource(SourceConfig config, QObject *parent)
    : Source(std::move(config), parent)
{ }

BackstageSource::~BackstageSource() = default;

QString BackstageSource::apiUrl() const
{
    return baseUrlText(m_config.url);
}

QString BackstageSource::appUrl() const
{
    const QString app = baseUrlText(m_config.options.value(u"appUrl"_s).toString());
    return app.isEmpty() ? apiUrl() : app;
}

HttpOptions BackstageSource::httpOptions(const SyncContext &context) const
{
    HttpOptions options;
    options.baseUrl = QUrl(apiUrl());
    options.auth.kind = HttpAuth::Kind::Bearer;
    options.auth.secret = context.secret;
    options.tls = m_config.tls;
    options.headers = {{"Accept", "application/json"}};
    bool ok = false;
    const double timeoutSeconds = m_config.options.value(u"timeout"_s).toDouble(&ok);
    if (ok && timeoutSeconds > 0) {
        options.timeoutMs = int(timeoutSeconds * 1000);
    }
    return options;
}

QUrl BackstageSource::firstPageUrl() const
{
    QUrl url = QUrl(apiUrl() + byQueryPath);
    QString query = u"limit=%1"_s.arg(pageSize);
    if (const QString filter = m_config.filter.trimmed(); !filter.isEmpty()) {
        query += u"&filter="_s + QString::fromLatin1(QUrl::toPercentEncoding(filter));
    }
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

QUrl BackstageSource::pageUrl(const QString &cursor) const
{
    // Backstage's cursor carries the query (filter, order); later pages send only the cursor and the limit.
    QUrl url = QUrl(apiUrl() + byQueryPath);
    url.setQuery(u"limit=%1&cursor=%2"_s.arg(pageSize).arg(QString::fromLatin1(QUrl::toPercentEncoding(cursor))),
                 QUrl::StrictMode);
    return url;
}

QString BackstageSource::upstreamUrl(const Entity &entity) const
{
    return BackstageMapper::entityPageUrl(appUrl(), entity.kind, entity.ns, entity.name);
}

HttpClient *BackstageSource::makeClient(const SyncContext &context)
{
    // Destroying the previous client drops its answers; the generation check guards the rest.
    m_client = std::make_unique<HttpClient>(context.network, httpOptions(context));
    if (context.clock) {
        m_client->setClock(context.clock);
    }
    return m_client.get();
}

void BackstageSource::sync(const SyncContext &context)
{
    const quint64 generation = ++m_generation;
    const QUrl base(apiUrl());
    if (apiUrl().isEmpty() || !base.isValid() || base.host().isEmpty()) {
        Error e =
            makeError(Error::Code::Config,
                      tr("The Backstage source %1 needs the URL of a Backstage backend").arg(m_config.displayName()));
        e.file = m_config.configFile;
        e.line = m_config.line;
        finishLater(generation, e);
        return;
    }
    if (!context.network) {
        finishLater(generation, makeError(Error::Code::Internal, tr("No network manager for %1").arg(apiUrl())));
        return;
    }
    HttpClient *client = makeClient(context);
    bool ok = false;
    int maxPages = m_config.options.value(u"maxPages"_s).toInt(&ok);
    if (!ok || maxPages <= 0) {
        maxPages = defaultMaxPages;
    }

    struct State
    {
        SourceResult result;
        QSet<QString> keys;
        QSet<QString> cursors;
        qint64 received = 0;
    };
    auto state = std::make_shared<State>();
    const QString app = appUrl();
    const QString sourceId = m_config.id;
    Q_EMIT progress(0, 0, tr("Reading entities"));

    client->getPages(
        firstPageUrl(),
        [this, state, app, sourceId, generation](const HttpResponse &page) -> Result<std::optional<QUrl>> {
            if (generation != m_generation) {
                return makeError(Error::Code::Cancelled, tr("Replaced by a newer sync"));
            }
            const QString where = HttpClient::redactedUrl(page.url);
            Result<BackstageMapper::QueryPage> parsed = BackstageMapper::parseQueryPage(page.body, where);
            if (!parsed.ok()) {
                return parsed.error();
            }
            const BackstageMapper::QueryPage &p = parsed.value();
            if (p.items.isEmpty() && (!p.nextCursor.isEmpty() || state->received < p.totalItems)) {
                return makeError(Error::Code::Http, tr("Backstage answered an empty page at %1 after %2 of %3 entities")
                                                        .arg(where)
                                                        .arg(state->received)
                                                        .arg(p.totalItems));
            }
            for (const QJsonValue &item : p.items) {
                BackstageMapper::Mapped mapped = BackstageMapper::mapEntity(item, app, sourceId);
                state->result.problems += mapped.problems;
                if (!mapped.entity) {
                    continue;
                }
                const QString key = mapped.entity->key();
                if (state->keys.contains(key)) {
                    // An entity that moved between pages while they were read comes twice: the first one stays.
                    Error e = makeError(Error::Code::Conflict,
                                        tr("Backstage listed %1 twice").arg(mapped.entity->refString()));
                    e.severity = Error::Severity::Warning;
                    e.entityRef = mapped.entity->refString();
                    e.file = mapped.entity->origin.file;
                    state->result.problems.append(e);
                    continue;
                }
                state->keys.insert(key);
                state->result.entities.push_back(std::move(*mapped.entity));
            }
            state->received += p.items.size();
            Q_EMIT progress(state->received, std::max(p.totalItems, state->received), tr("Reading entities"));
            if (p.nextCursor.isEmpty()) {
                if (state->received < p.totalItems) {
                    return makeError(
                        Error::Code::Http,
                        tr("Backstage ended the list after %1 of %2 entities").arg(state->received).arg(p.totalItems));
                }
                return std::optional<QUrl>();
            }
            if (state->cursors.contains(p.nextCursor)) {
                return makeError(
                    Error::Code::Http,
                    tr("Backstage returned a page cursor a second time at %1; the list would never end").arg(where));
            }
            state->cursors.insert(p.nextCursor);
            return std::optional<QUrl>(pageUrl(p.nextCursor));
        },
        [this, state, generation](Result<void> done) {
            if (generation != m_generation) {
                return;
            }
            if (!done.ok()) {
                qCInfo(lcBackstage) << m_config.id << "sync failed:" << done.error().message << done.error().detail;
                Q_EMIT finished(done.error());
                return;
            }
            SourceResult result = std::move(state->result);
            result.message = tr("%n entities from %1", nullptr, int(result.entities.size())).arg(apiUrl());
            qCDebug(lcBackstage) << m_config.id << result.message;
            Q_EMIT finished(result);
        },
        context.cancel, maxPages);
}

void BackstageSource::refreshEntity(const Entity &entity, const std::vector<Entity> &current,
                                    const SyncContext &context)
{
    const quint64 generation = ++m_generation;
    if (apiUrl().isEmpty() || !context.network) {
        finishLater(generation, makeError(Error::Code::Config, tr("The Backstage source %1 needs the URL of a "
                                                                  "Backstage backend")
                                                                   .arg(m_config.displayName())));
        return;
    }
    HttpClient *client = makeClient(context);
    const QString ref = entity.ref().toString();
    const QByteArray body = QJsonDocument(QJsonObject{{u"entityRef"_s, ref}}).toJson(QJsonDocument::Compact);
    const QUrl byName = client->resolve(BackstageMapper::byNamePath(entity));
    const QString key = entity.key();
    const QString app = appUrl();
    const QString sourceId = m_config.id;
    const std::atomic_bool *cancel = context.cancel;
    Q_EMIT progress(0, 0, tr("Refreshing %1").arg(ref));

    client->send(
        "POST", client->resolve(u"/api/catalog/refresh"_s), body, "application/json",
        [this, client, generation, ref, byName, key, current, app, sourceId, cancel](Result<HttpResponse> refreshed) {
            if (generation != m_generation) {
                return;
            }
            if (!refreshed.ok()) {
                if (refreshed.error().code == Error::Code::Cancelled) {
                    Q_EMIT finished(refreshed.error());
                    return;
                }
                // Reading the entity still shows what Backstage has now.
                qCInfo(lcBackstage) << "refresh of" << ref << "failed:" << refreshed.error().message;
            }
            client->get(
                byName,
                [this, generation, ref, key, current, app, sourceId](Result<HttpResponse> got) {
                    if (generation != m_generation) {
                        return;
                    }
                    const bool gone = !got.ok() && got.error().httpStatus == 404;
                    if (!got.ok() && !gone) {
                        Q_EMIT finished(got.error());
                        return;
                    }
                    SourceResult result;
                    std::optional<Entity> replacement;
                    if (!gone) {
                        Result<QJsonObject> item =
                            BackstageMapper::parseEntity(got.value().body, HttpClient::redactedUrl(got.value().url));
                        if (!item.ok()) {
                            Q_EMIT finished(item.error());
                            return;
                        }
                        BackstageMapper::Mapped mapped = BackstageMapper::mapEntity(item.value(), app, sourceId);
                        result.problems = std::move(mapped.problems);
                        replacement = std::move(mapped.entity);
                    }
                    result.entities.reserve(current.size() + 1);
                    bool placed = false;
                    for (const Entity &e : current) {
                        if (e.key() != key && (!replacement || e.key() != replacement->key())) {
                            result.entities.push_back(e);
                        } else if (replacement && !placed) {
                            result.entities.push_back(*replacement); // where the old one was
                            placed = true;
                        }
                    }
                    if (replacement && !placed) {
                        result.entities.push_back(std::move(*replacement));
                    }
                    result.message =
                        gone ? tr("%1 no longer exists in Backstage").arg(ref) : tr("Refreshed %1").arg(ref);
                    Q_EMIT finished(result);
                },
                cancel);
        },
        cancel);
}

} // namespace Portolan::Core
