#include "HttpJsonSource.h"
#include "util/Threads.h"

#include "HttpJsonMapping.h"
#include "net/HttpClient.h"
#include "sources/HttpSource.h"

#include <QSet>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

// A resource's path against the source's URL (its path prefix kept), or a full URL as it is.
QUrl resourceUrl(const QString &base, const QString &path)
{
    if (!QUrl(path).isRelative()) {
        return QUrl(path);
    }
    return QUrl(base + (path.startsWith(u'/') ? path : u'/' + path));
}

} // namespace

struct HttpJsonSource::Sync
{
    SyncContext context;
    quint64 generation = 0;
    QString base;
    HttpJson::Mapping mapping;
    std::unique_ptr<HttpJson::Mapper> mapper; // used by one pool task at a time
    SourceResult result;
    QSet<QString> keys;
    QSet<QString> seen; // URLs read for the current resource
    int resource = 0;
    int pages = 0;
    qint64 objects = 0;
    Result<HttpJson::Mapper::Page> page = makeError(Error::Code::Internal, {}); // the last page mapped
};

HttpJsonSource::HttpJsonSource(SourceConfig config, QObject *parent)
    : Source(std::move(config), parent)
{ }

HttpJsonSource::~HttpJsonSource()
{
    // The engine has set the sync's cancel flag; the task stops at its next object.
    m_task.waitForFinished();
}

void HttpJsonSource::sync(const SyncContext &context)
{
    const quint64 generation = ++m_generation;
    auto started = HttpSource::start(m_config, context, u"http-json"_s);
    if (!started.ok()) {
        finishLater(generation, started.error());
        return;
    }
    m_client = std::move(started->client);
    auto sync = std::make_shared<Sync>();
    sync->context = context;
    sync->generation = generation;
    sync->base = started->base;
    Q_EMIT progress(0, 0, tr("Reading the mapping"));

    // Reading a mapping file and compiling the expressions (jq parses its builtins for each) off the worker thread.
    m_task.waitForFinished();
    const SourceConfig config = m_config;
    auto prepared = std::make_shared<Result<void>>();
    m_task = QtConcurrent::run(blockingPool(), [sync, config, prepared] {
        lowerCurrentThreadPriority();
        ErrorList warnings;
        auto mapping = HttpJson::readMapping(config, sync->context.workspaceRoot, &warnings);
        if (!mapping.ok()) {
            *prepared = mapping.error();
            return;
        }
        auto mapper = HttpJson::Mapper::compile(mapping.value(), config.id, sync->base);
        if (!mapper.ok()) {
            *prepared = mapper.error();
            return;
        }
        sync->mapping = std::move(mapping).value();
        sync->mapper = std::move(mapper).value();
        sync->result.problems += warnings;
        if (!sync->mapping.file.isEmpty()) {
            sync->result.files.append(sync->mapping.file);
        }
    });
    m_task.then(this, [this, sync, prepared] {
        if (sync->generation != m_generation) {
            return;
        }
        if (!prepared->ok()) {
            Q_EMIT finished(prepared->error());
            return;
        }
        readResource(sync, resourceUrl(sync->base, sync->mapping.resources.first().path));
    });
}

void HttpJsonSource::readResource(const std::shared_ptr<Sync> &sync, const QUrl &url)
{
    const HttpJson::Resource &resource = sync->mapping.resources.at(sync->resource);
    const QString where = HttpClient::redactedUrl(url);
    if (sync->seen.contains(url.toString())) {
        Error e = makeError(
            Error::Code::Http,
            tr("The next page of %1 is a page read before: %2; the list would never end").arg(resource.path, where));
        e.file = resource.file;
        e.line = resource.next.isEmpty() ? resource.line : resource.next.line;
        e.field = resource.next.isEmpty() ? resource.field + u".followLinks"_s : resource.next.field;
        Q_EMIT finished(e);
        return;
    }
    if (sync->seen.size() >= resource.maxPages) {
        Error e = makeError(
            Error::Code::TooLarge,
            tr("%1 has more than %2 pages; raise maxPages to read them all").arg(resource.path).arg(resource.maxPages));
        e.file = resource.file;
        e.line = resource.line;
        e.field = resource.field + u".maxPages"_s;
        Q_EMIT finished(e);
        return;
    }
    sync->seen.insert(url.toString());
    Q_EMIT progress(sync->objects, 0, tr("Reading %1").arg(where));
    m_client->get(
        url,
        [this, sync](Result<HttpResponse> response) {
            if (sync->generation != m_generation) {
                return;
            }
            if (!response.ok()) {
                Q_EMIT finished(response.error());
                return;
            }
            const std::atomic_bool *cancel = sync->context.cancel;
            m_task = QtConcurrent::run(blockingPool(), [sync, cancel, answer = std::move(response).value()] {
                lowerCurrentThreadPriority();
                sync->page = sync->mapper->mapPage(sync->resource, answer.body, answer.url, answer.nextLink(), cancel);
            });
            m_task.then(this, [this, sync] {
                if (sync->generation != m_generation) {
                    return;
                }
                if (!sync->page.ok()) {
                    Q_EMIT finished(sync->page.error());
                    return;
                }
                HttpJson::Mapper::Page &page = sync->page.value();
                sync->objects += page.objects;
                ++sync->pages;
                sync->result.problems += page.problems;
                for (Entity &entity : page.entities) {
                    const QString key = entity.key();
                    if (sync->keys.contains(key)) {
                        Error e = makeError(
                            Error::Code::Conflict,
                            tr("Two objects make the entity %1; the first one is kept").arg(entity.refString()));
                        e.severity = Error::Severity::Warning;
                        e.entityRef = entity.refString();
                        e.file = entity.origin.file;
                        sync->result.problems.append(e);
                        continue;
                    }
                    sync->keys.insert(key);
                    sync->result.entities.push_back(std::move(entity));
                }
                if (page.next) {
                    readResource(sync, *page.next);
                    return;
                }
                if (++sync->resource < sync->mapping.resources.size()) {
                    sync->seen.clear();
                    readResource(sync, resourceUrl(sync->base, sync->mapping.resources.at(sync->resource).path));
                    return;
                }
                done(sync);
            });
        },
        sync->context.cancel);
}

void HttpJsonSource::done(const std::shared_ptr<Sync> &sync)
{
    sync->result.problems += sync->mapper->summary();
    sync->result.message = tr("%n entities", nullptr, int(sync->result.entities.size())) + u" · "_s
                           + tr("%n objects", nullptr, int(sync->objects)) + u" · "_s
                           + tr("%n pages", nullptr, sync->pages);
    Q_EMIT finished(sync->result);
}

} // namespace Portolan::Core
