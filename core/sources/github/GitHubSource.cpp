#include "GitHubSource.h"

#include "GitHubMapper.h"
#include "GitHubState.h"
#include "net/HttpClient.h"
#include "util/Clock.h"

#include <QCborArray>
#include <QCborMap>
#include <QDir>
#include <QElapsedTimer>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <deque>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

Q_LOGGING_CATEGORY(lcGitHub, "portolan.source.github", QtInfoMsg)

const QString slugAnnotation = u"github.com/project-slug"_s;
const QStringList codeownersPaths = {u"CODEOWNERS"_s, u".github/CODEOWNERS"_s, u"docs/CODEOWNERS"_s};

QString encodePath(const QString &path)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(path, "/"));
}

QString encodeValue(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

bool isSecondaryLimit(const Error &e)
{
    return e.code == Error::Code::RateLimited
           && (e.httpStatus == 429 || e.detail.contains(u"secondary rate limit"_s, Qt::CaseInsensitive));
}

QCborArray toArray(const QList<WorkflowRun> &runs)
{
    QCborArray a;
    for (const WorkflowRun &r : runs) {
        a.append(r.toCbor());
    }
    return a;
}

} // namespace

struct GitHubSource::Run
{
    quint64 generation = 0;
    GitHubConfig config;
    SyncContext context;
    std::unique_ptr<HttpClient> client;
    GitHubState state;
    QString statePath;
    bool finished = false;

    std::deque<std::function<void()>> queue; // requests ready to be sent
    // Reads of a repository or a slug, started while few requests wait, so that the budget check of each one sees
    // the budget that is really left (answered 304s cost nothing).
    std::deque<std::function<void()>> jobs;
    bool startingJobs = false;
    int inFlight = 0;
    int requests = 0;
    int graphQlQueries = 0;
    bool graphQlOff = false; // GraphQL refused a query: REST for the rest of this sync
    SourceQuota graphQlQuota;
    int notModified = 0;
    SourceQuota quota;
    QElapsedTimer quotaEmitted;
    bool budgetStop = false;

    QList<GitHubMapper::Repository> repositories; // in listing order
    QHash<QString, int> repositoryIndex; // full name, lower-cased -> index
    QSet<QString> listedPages;
    int repositoriesPending = 0;
    int notRead = 0;
    QHash<QString, GitHubState::RepoRecord> records; // this sync's (read or carried over)
    QHash<QString, QStringList> visitedFiles; // per repository: location files asked for

    SourceResult result;

    struct SlugWork
    {
        RepositoryInsights insights;
        int pending = 0;
        bool skipped = false; // over budget: the previous insights, if any, stay
    };
    QHash<QString, QStringList> slugEntities; // slug (lower-cased) -> entity keys
    QHash<QString, QString> slugSpelling; // slug (lower-cased) -> as annotated first
    QHash<QString, SlugWork> slugs;
    int slugsPending = 0;
    int insightsSkipped = 0;
};

GitHubSource::GitHubSource(SourceConfig config, QObject *parent)
    : Source(std::move(config), parent)
{ }

GitHubSource::~GitHubSource()
{
    if (m_run) {
        m_run->finished = true;
    }
}

QString GitHubSource::upstreamUrl(const Entity &entity) const
{
    const QString file = entity.origin.file;
    return file.startsWith(u"https://"_s) || file.startsWith(u"http://"_s) ? file : QString();
}

void GitHubSource::sync(const SyncContext &context)
{
    const quint64 generation = ++m_generation;
    if (m_run) {
        m_run->finished = true; // its answers are dropped
    }
    auto run = std::make_shared<Run>();
    m_run = run;
    run->generation = generation;
    run->context = context;

    Result<GitHubConfig> config = GitHubConfig::fromSource(m_config);
    if (!config.ok() || !context.network) {
        const Error e = config.ok() ? makeError(Error::Code::Internal, tr("No network manager for the GitHub source"))
                                    : config.error();
        QTimer::singleShot(0, this, [this, run, e] { fail(run, e); });
        return;
    }
    run->config = config.value();

    HttpOptions options;
    options.baseUrl = QUrl(run->config.apiUrl);
    options.auth.kind = HttpAuth::Kind::Bearer;
    options.auth.secret = context.secret;
    options.tls = m_config.tls;
    options.headers = GitHubConfig::apiHeaders();
    options.maxWaitSeconds = run->config.maxWaitSeconds;
    options.cacheBodies = false; // the state keeps what was made of each answer
    run->client = std::make_unique<HttpClient>(context.network, options);
    if (context.clock) {
        run->client->setClock(context.clock);
    }

    const QString identity =
        QStringList{run->config.apiUrl, run->config.organization, run->config.user, run->config.catalogPaths.join(u','),
                    run->config.repositoriesAsComponents ? u"components"_s : u"descriptors"_s}
            .join(u'|');
    if (!context.dataDir.isEmpty()) {
        run->statePath = QDir(context.dataDir).filePath(QLatin1StringView(stateFileName));
    }
    run->state = GitHubState::load(run->statePath, identity);
    ++run->state.syncNumber;
    for (auto it = run->state.urls.constBegin(); it != run->state.urls.constEnd(); ++it) {
        run->client->setValidator(QUrl(it.key()), it->etag, it->lastModified);
    }

    Q_EMIT progress(0, 0, tr("Listing repositories of %1").arg(run->config.owner()));
    listRepositories(run, run->config.repositoriesPath(), 1);
}

// --- requests -------------------------------------------------------------------------------------------------------

void GitHubSource::fetch(const std::shared_ptr<Run> &run, const QString &pathAndQuery, Mapper map, Done done)
{
    run->queue.push_back([this, run, pathAndQuery, map = std::move(map), done = std::move(done)] {
        const QUrl url = pathAndQuery.startsWith(u"http"_s) ? QUrl(pathAndQuery) : run->client->resolve(pathAndQuery);
        ++run->inFlight;
        ++run->requests;
        run->client->get(
            url,
            [this, run, url, map, done](Result<HttpResponse> response) {
                --run->inFlight;
                if (run->finished) {
                    return;
                }
                if (response.ok()) {
                    const SourceQuota quota = GitHubMapper::quotaFrom(response->headers);
                    if (quota.isKnown() && (quota.resource.isEmpty() || quota.resource == u"core"_s)) {
                        noteQuota(run, quota);
                    }
                } else if (response.error().code == Error::Code::RateLimited && !isSecondaryLimit(response.error())) {
                    SourceQuota quota = run->quota;
                    quota.remaining = 0;
                    if (response.error().retryAfterSeconds >= 0 && run->context.clock) {
                        quota.reset = run->context.clock->now().addSecs(response.error().retryAfterSeconds);
                    }
                    noteQuota(run, quota);
                }
                const QString key = url.toString();
                if (!response.ok()) {
                    done(response.error());
                } else if (response->fromCache) {
                    ++run->notModified;
                    auto cached = run->state.urls.find(key);
                    if (cached == run->state.urls.end()) {
                        // A validator without what was made of its answer: ask again, unconditionally.
                        run->client->setValidator(url, {}, {});
                        --run->requests;
                        fetch(run, key, map, done);
                    } else {
                        cached->lastSync = run->state.syncNumber;
                        done(cached->data);
                    }
                } else {
                    const QString where = HttpClient::redactedUrl(url);
                    Result<QCborValue> mapped = map(response->body, where);
                    if (mapped.ok()) {
                        GitHubState::CachedUrl entry;
                        entry.etag = response->header("ETag");
                        entry.lastModified = response->header("Last-Modified");
                        entry.data = mapped.value();
                        entry.lastSync = run->state.syncNumber;
                        if (!entry.etag.isEmpty() || !entry.lastModified.isEmpty()) {
                            run->state.urls.insert(key, entry);
                        } else {
                            run->state.urls.remove(key);
                        }
                    }
                    done(std::move(mapped));
                }
                pump(run);
            },
            run->context.cancel);
    });
    pump(run);
}

void GitHubSource::pump(const std::shared_ptr<Run> &run)
{
    while (!run->finished && run->inFlight < run->config.concurrency && !run->queue.empty()) {
        std::function<void()> start = std::move(run->queue.front());
        run->queue.pop_front();
        start();
    }
    if (run->startingJobs) {
        return; // a job's own requests: the loop below goes on when they are queued
    }
    run->startingJobs = true;
    while (!run->finished && !run->jobs.empty()
           && int(run->queue.size()) + run->inFlight < run->config.concurrency * 4) {
        std::function<void()> job = std::move(run->jobs.front());
        run->jobs.pop_front();
        job();
    }
    run->startingJobs = false;
}

void GitHubSource::schedule(const std::shared_ptr<Run> &run, std::function<void()> job)
{
    run->jobs.push_back(std::move(job));
    pump(run);
}

void GitHubSource::noteQuota(const std::shared_ptr<Run> &run, const SourceQuota &reported)
{
    SourceQuota quota = reported;
    // Replies to requests sent together come back in any order, each with the count of when it was answered: within
    // one window (the same resource, limit and reset) the lowest remaining is the latest.
    const SourceQuota &known = run->quota;
    if (known.isKnown() && known.remaining >= 0 && quota.remaining > known.remaining && known.resource == quota.resource
        && known.limit == quota.limit && known.reset == quota.reset) {
        quota.remaining = known.remaining;
        quota.used = known.used;
    }
    const bool changed = quota.remaining != run->quota.remaining || quota.limit != run->quota.limit;
    run->quota = quota;
    if (changed && (!run->quotaEmitted.isValid() || run->quotaEmitted.elapsed() >= 250)) {
        run->quotaEmitted.start();
        Q_EMIT quotaChanged(quota);
    }
}

bool GitHubSource::canSpend(const std::shared_ptr<Run> &run) const
{
    if (run->budgetStop) {
        return false;
    }
    if (!run->quota.isKnown() || run->quota.remaining < 0) {
        return true;
    }
    const int reserve = (run->quota.limit * run->config.reservePercent + 99) / 100;
    return run->quota.remaining - run->inFlight - int(run->queue.size()) > reserve;
}

bool GitHubSource::failIfFatal(const std::shared_ptr<Run> &run, const Error &error)
{
    if (error.code == Error::Code::Cancelled) {
        fail(run, error);
        return true;
    }
    if (error.httpStatus == 401) {
        Error e = makeError(
            Error::Code::Auth,
            tr("The GitHub token was refused; set a valid token for the credential \"%1\"").arg(m_config.credential),
            error.detail);
        e.httpStatus = 401;
        e.file = m_config.configFile;
        e.line = m_config.line;
        fail(run, e);
        return true;
    }
    if (isSecondaryLimit(error)) {
        Error e = error;
        e.message = tr("GitHub's secondary rate limit stopped the sync; it is tried again in %n second(s)", nullptr,
                       std::max(error.retryAfterSeconds, 0));
        fail(run, e);
        return true;
    }
    return false;
}

void GitHubSource::fail(const std::shared_ptr<Run> &run, const Error &error)
{
    if (run->finished) {
        return;
    }
    run->finished = true;
    m_lastRequests = run->requests;
    m_lastGraphQlQueries = run->graphQlQueries;
    m_lastNotModified = run->notModified;
    qCInfo(lcGitHub) << m_config.id << "sync failed:" << error.message << error.detail;
    // Later: the caller may be inside one of the client's callbacks.
    QTimer::singleShot(0, this, [this, run, error] {
        if (run->generation == m_generation) {
            Q_EMIT finished(error);
        }
    });
}

// --- repositories ---------------------------------------------------------------------------------------------------

void GitHubSource::listRepositories(const std::shared_ptr<Run> &run, const QString &pathAndQuery, int page)
{
    if (page > 1000 || run->listedPages.contains(pathAndQuery)) {
        fail(run, makeError(Error::Code::Http, tr("GitHub pages the repository list in a loop at %1")
                                                   .arg(HttpClient::redactedUrl(QUrl(pathAndQuery)))));
        return;
    }
    run->listedPages.insert(pathAndQuery);
    // Pages are read one after another, outside the queue: the Link header of each names the next.
    ++run->inFlight;
    ++run->requests;
    const QUrl url = pathAndQuery.startsWith(u"http"_s) ? QUrl(pathAndQuery) : run->client->resolve(pathAndQuery);
    run->client->get(
        url,
        [this, run, url, page](Result<HttpResponse> response) {
            --run->inFlight;
            if (run->finished) {
                return;
            }
            if (!response.ok()) {
                if (!failIfFatal(run, response.error())) {
                    Error e = response.error();
                    if (e.httpStatus == 404) {
                        e.message = tr("GitHub does not know the %1 %2, or the token may not see it")
                                        .arg(run->config.organization.isEmpty() ? tr("user") : tr("organisation"),
                                             run->config.owner());
                    }
                    e.file = m_config.configFile;
                    e.line = m_config.line;
                    fail(run, e);
                }
                return;
            }
            const SourceQuota quota = GitHubMapper::quotaFrom(response->headers);
            if (quota.isKnown()) {
                noteQuota(run, quota);
            }
            const QString key = url.toString();
            QCborMap data;
            if (response->fromCache && !run->state.urls.contains(key)) {
                run->client->setValidator(url, {}, {}); // ask again, unconditionally
                run->listedPages.remove(key);
                listRepositories(run, key, page);
                return;
            }
            if (response->fromCache) {
                ++run->notModified;
                run->state.urls[key].lastSync = run->state.syncNumber;
                data = run->state.urls.value(key).data.toMap();
            } else {
                const QString where = HttpClient::redactedUrl(url);
                Result<QList<GitHubMapper::Repository>> repos = GitHubMapper::parseRepositories(response->body, where);
                if (!repos.ok()) {
                    fail(run, repos.error());
                    return;
                }
                QCborArray array;
                for (const GitHubMapper::Repository &r : repos.value()) {
                    array.append(r.toCbor());
                }
                data.insert("repositories"_L1, array);
                const QUrl next = response->nextLink();
                data.insert("next"_L1, next.isValid() ? QCborValue(next.toString()) : QCborValue());
                GitHubState::CachedUrl entry;
                entry.etag = response->header("ETag");
                entry.lastModified = response->header("Last-Modified");
                entry.data = data;
                entry.lastSync = run->state.syncNumber;
                if (!entry.etag.isEmpty() || !entry.lastModified.isEmpty()) {
                    run->state.urls.insert(key, entry);
                }
            }
            for (const QCborValue &v : data.value("repositories"_L1).toArray()) {
                GitHubMapper::Repository r = GitHubMapper::Repository::fromCbor(v.toMap());
                const QString lower = r.fullName.toLower();
                if (run->repositoryIndex.contains(lower)) {
                    continue; // moved between pages while they were read
                }
                run->repositoryIndex.insert(lower, int(run->repositories.size()));
                run->repositories.append(std::move(r));
            }
            Q_EMIT progress(0, 0, tr("Listed %n repositories", nullptr, int(run->repositories.size())));
            const QString next = data.value("next"_L1).toString();
            if (!next.isEmpty()) {
                listRepositories(run, next, page + 1);
            } else {
                readRepositories(run);
            }
        },
        run->context.cancel);
}

void GitHubSource::readRepositories(const std::shared_ptr<Run> &run)
{
    QStringList toRead;
    for (const GitHubMapper::Repository &r : std::as_const(run->repositories)) {
        if ((r.archived && !run->config.includeArchived) || r.disabled) {
            continue;
        }
        const QString key = r.fullName.toLower();
        const auto previous = run->state.repositories.constFind(key);
        if (r.empty) {
            run->records.insert(key, GitHubState::RepoRecord{r.pushedAt, {}, {}, true});
        } else if (previous != run->state.repositories.constEnd() && previous->complete
                   && previous->pushedAt == r.pushedAt && r.pushedAt.isValid()) {
            run->records.insert(key, *previous); // nothing pushed since: no request at all
        } else {
            toRead.append(key);
        }
    }
    run->repositoriesPending = int(toRead.size());
    qCDebug(lcGitHub) << m_config.id << run->repositories.size() << "repositories," << toRead.size() << "to read";
    if (toRead.isEmpty()) {
        buildEntities(run);
        return;
    }
    if (run->config.graphql && toRead.size() > 1) { // for one repository REST costs as little
        for (qsizetype i = 0; i < toRead.size(); i += graphQlBatch) {
            readBatch(run, toRead.mid(i, graphQlBatch));
        }
        return;
    }
    for (const QString &key : std::as_const(toRead)) {
        schedule(run, [this, run, key] { readDescriptor(run, key, 0); });
    }
}

void GitHubSource::readBatch(const std::shared_ptr<Run> &run, const QStringList &keys)
{
    const auto viaRest = [this, run](const QStringList &restKeys) {
        for (const QString &key : restKeys) {
            schedule(run, [this, run, key] { readDescriptor(run, key, 0); });
        }
    };
    const SourceQuota &points = run->graphQlQuota;
    if (run->graphQlOff || (points.isKnown() && points.remaining >= 0 && points.remaining <= points.limit / 20)) {
        viaRest(keys);
        return;
    }
    QList<GitHubMapper::Repository> repositories;
    for (const QString &key : keys) {
        repositories.append(run->repositories.at(run->repositoryIndex.value(key)));
    }
    const QStringList catalogPaths = run->config.catalogPaths;
    QStringList paths = catalogPaths;
    if (run->config.repositoriesAsComponents) {
        paths += codeownersPaths;
    }
    run->queue.push_back([this, run, keys, repositories, catalogPaths, paths, viaRest] {
        ++run->inFlight;
        ++run->requests;
        ++run->graphQlQueries;
        const QUrl url(run->config.graphqlUrl());
        run->client->send(
            "POST", url, GitHubMapper::filesQuery(repositories, paths), "application/json",
            [this, run, url, keys, repositories, catalogPaths, paths, viaRest](Result<HttpResponse> response) {
                --run->inFlight;
                if (run->finished) {
                    return;
                }
                if (response.ok()) {
                    const SourceQuota quota = GitHubMapper::quotaFrom(response->headers);
                    if (quota.isKnown()) {
                        run->graphQlQuota = quota;
                    }
                }
                Result<QList<GitHubMapper::GraphQlRepository>> answer =
                    response.ok() ? GitHubMapper::parseFilesAnswer(response->body, HttpClient::redactedUrl(url),
                                                                   repositories, paths)
                                  : Result<QList<GitHubMapper::GraphQlRepository>>(response.error());
                if (!answer.ok()) {
                    if (failIfFatal(run, answer.error())) {
                        return;
                    }
                    // A refusal (rate limit, an older GitHub Enterprise, a server error): REST reads the same files.
                    qCInfo(lcGitHub) << m_config.id << "GraphQL refused the descriptor query; reading through REST:"
                                     << answer.error().message << answer.error().detail;
                    run->graphQlOff = true;
                    viaRest(keys);
                    pump(run);
                    return;
                }
                for (qsizetype i = 0; i < keys.size(); ++i) {
                    batchAnswer(run, keys[i], answer->at(i), catalogPaths.size());
                }
                pump(run);
            },
            run->context.cancel);
    });
    pump(run);
}

void GitHubSource::batchAnswer(const std::shared_ptr<Run> &run, const QString &key,
                               const GitHubMapper::GraphQlRepository &answer, qsizetype catalogPaths)
{
    using State = GitHubMapper::GraphQlFile::State;
    if (!answer.resolved) {
        readDescriptor(run, key, 0); // REST names what is wrong with it
        return;
    }
    const GitHubMapper::Repository &repo = run->repositories.at(run->repositoryIndex.value(key));
    for (qsizetype i = 0; i < catalogPaths; ++i) {
        const GitHubMapper::GraphQlFile &file = answer.files.at(i);
        if (file.state == State::Unreadable) {
            readDescriptor(run, key, int(i));
            return;
        }
        if (file.state == State::Found) {
            const GitHubState::RepoRecord record{repo.pushedAt, {file.file}, {}, true};
            const GitHubMapper::Descriptors d =
                GitHubMapper::readDescriptors(file.file, repo, run->config.webUrl(), m_config.id);
            run->records.insert(key, record);
            run->visitedFiles[key] = QStringList{file.file.path};
            readLocations(run, key, d.locationPaths);
            return;
        }
    }
    QString owner;
    if (run->config.repositoriesAsComponents) {
        for (qsizetype i = catalogPaths; i < answer.files.size(); ++i) {
            const GitHubMapper::GraphQlFile &file = answer.files.at(i);
            if (file.state == State::Unreadable) {
                readCodeowners(run, key, int(i - catalogPaths));
                return;
            }
            if (file.state == State::Found) {
                owner = GitHubMapper::codeownersOwner(file.file.data);
                break;
            }
        }
    }
    run->records.insert(key, GitHubState::RepoRecord{repo.pushedAt, {}, owner, true});
    repositoryDone(run, key, true);
}

void GitHubSource::readDescriptor(const std::shared_ptr<Run> &run, const QString &key, int pathIndex)
{
    const GitHubMapper::Repository &repo = run->repositories.at(run->repositoryIndex.value(key));
    if (pathIndex >= run->config.catalogPaths.size()) {
        if (run->config.repositoriesAsComponents) {
            readCodeowners(run, key, 0);
        } else {
            run->records.insert(key, GitHubState::RepoRecord{repo.pushedAt, {}, {}, true});
            repositoryDone(run, key, true);
        }
        return;
    }
    if (!canSpend(run)) {
        repositoryDone(run, key, false, true);
        return;
    }
    const QString path = run->config.catalogPaths.at(pathIndex);
    fetch(
        run, u"/repos/%1/contents/%2?ref=%3"_s.arg(repo.fullName, encodePath(path), encodeValue(repo.defaultBranch)),
        [](const QByteArray &body, const QString &where) -> Result<QCborValue> {
            Result<GitHubMapper::ContentFile> file = GitHubMapper::parseContent(body, where);
            if (!file.ok()) {
                return file.error();
            }
            return QCborValue(file->toCbor());
        },
        [this, run, key, pathIndex](Result<QCborValue> data) {
            const GitHubMapper::Repository &r = run->repositories.at(run->repositoryIndex.value(key));
            if (!data.ok()) {
                if (failIfFatal(run, data.error())) {
                    return;
                }
                if (data.error().httpStatus == 404) {
                    readDescriptor(run, key, pathIndex + 1);
                    return;
                }
                const bool overBudget = data.error().code == Error::Code::RateLimited;
                if (overBudget) {
                    run->budgetStop = true;
                } else {
                    Error e = data.error();
                    e.severity = Error::Severity::Warning;
                    e.message = tr("The repository %1 could not be read: %2").arg(r.fullName, e.message);
                    if (e.file.isEmpty()) {
                        e.file = r.htmlUrl;
                    }
                    run->result.problems.append(e);
                }
                repositoryDone(run, key, false, overBudget);
                return;
            }
            GitHubState::RepoRecord record{r.pushedAt, {GitHubMapper::ContentFile::fromCbor(data->toMap())}, {}, true};
            const GitHubMapper::Descriptors d =
                GitHubMapper::readDescriptors(record.files.first(), r, run->config.webUrl(), m_config.id);
            run->records.insert(key, record);
            run->visitedFiles[key] = QStringList{record.files.first().path};
            readLocations(run, key, d.locationPaths);
        });
}

void GitHubSource::readLocations(const std::shared_ptr<Run> &run, const QString &key, QStringList queue)
{
    QStringList &visited = run->visitedFiles[key];
    while (!queue.isEmpty() && visited.contains(queue.first())) {
        queue.removeFirst();
    }
    if (queue.isEmpty()) {
        repositoryDone(run, key, true);
        return;
    }
    const GitHubMapper::Repository &repo = run->repositories.at(run->repositoryIndex.value(key));
    const QString path = queue.takeFirst();
    visited.append(path);
    if (visited.size() > maxLocationFiles) {
        Error e = makeError(Error::Code::TooLarge, tr("The Locations of %1 lead to more than %n files; the rest is not "
                                                      "read",
                                                      nullptr, maxLocationFiles)
                                                       .arg(repo.fullName));
        e.severity = Error::Severity::Warning;
        e.file = repo.htmlUrl;
        run->result.problems.append(e);
        repositoryDone(run, key, true);
        return;
    }
    if (!canSpend(run)) {
        repositoryDone(run, key, false, true);
        return;
    }
    fetch(
        run, u"/repos/%1/contents/%2?ref=%3"_s.arg(repo.fullName, encodePath(path), encodeValue(repo.defaultBranch)),
        [](const QByteArray &body, const QString &where) -> Result<QCborValue> {
            Result<GitHubMapper::ContentFile> file = GitHubMapper::parseContent(body, where);
            if (!file.ok()) {
                return file.error();
            }
            return QCborValue(file->toCbor());
        },
        [this, run, key, queue, path](Result<QCborValue> data) mutable {
            const GitHubMapper::Repository &r = run->repositories.at(run->repositoryIndex.value(key));
            if (!data.ok()) {
                if (failIfFatal(run, data.error())) {
                    return;
                }
                if (data.error().code == Error::Code::RateLimited) {
                    run->budgetStop = true;
                    repositoryDone(run, key, false, true);
                    return;
                }
                Error e = data.error();
                e.severity = Error::Severity::Warning;
                e.message = data.error().httpStatus == 404
                                ? tr("Location target %1 does not exist in %2").arg(path, r.fullName)
                                : tr("Location target %1 in %2 could not be read: %3").arg(path, r.fullName, e.message);
                e.file = run->records.value(key).files.value(0).htmlUrl;
                run->result.problems.append(e);
                readLocations(run, key, queue);
                return;
            }
            const GitHubMapper::ContentFile file = GitHubMapper::ContentFile::fromCbor(data->toMap());
            run->records[key].files.append(file);
            const GitHubMapper::Descriptors d =
                GitHubMapper::readDescriptors(file, r, run->config.webUrl(), m_config.id);
            queue += d.locationPaths;
            readLocations(run, key, queue);
        });
}

void GitHubSource::readCodeowners(const std::shared_ptr<Run> &run, const QString &key, int pathIndex)
{
    const GitHubMapper::Repository &repo = run->repositories.at(run->repositoryIndex.value(key));
    if (pathIndex >= codeownersPaths.size()) {
        run->records.insert(key, GitHubState::RepoRecord{repo.pushedAt, {}, {}, true});
        repositoryDone(run, key, true);
        return;
    }
    if (!canSpend(run)) {
        repositoryDone(run, key, false, true);
        return;
    }
    fetch(
        run,
        u"/repos/%1/contents/%2?ref=%3"_s.arg(repo.fullName, encodePath(codeownersPaths.at(pathIndex)),
                                              encodeValue(repo.defaultBranch)),
        [](const QByteArray &body, const QString &where) -> Result<QCborValue> {
            Result<GitHubMapper::ContentFile> file = GitHubMapper::parseContent(body, where);
            if (!file.ok()) {
                return file.error();
            }
            return QCborValue(GitHubMapper::codeownersOwner(file->data));
        },
        [this, run, key, pathIndex](Result<QCborValue> data) {
            const GitHubMapper::Repository &r = run->repositories.at(run->repositoryIndex.value(key));
            if (!data.ok()) {
                if (failIfFatal(run, data.error())) {
                    return;
                }
                if (data.error().httpStatus == 404) {
                    readCodeowners(run, key, pathIndex + 1);
                    return;
                }
                if (data.error().code == Error::Code::RateLimited) {
                    run->budgetStop = true;
                    repositoryDone(run, key, false, true);
                    return;
                }
                // An unreadable CODEOWNERS leaves the organisation as the owner.
                qCInfo(lcGitHub) << "CODEOWNERS of" << r.fullName << "unreadable:" << data.error().message;
            }
            run->records.insert(
                key, GitHubState::RepoRecord{r.pushedAt, {}, data.ok() ? data->toString() : QString(), true});
            repositoryDone(run, key, true);
        });
}

void GitHubSource::repositoryDone(const std::shared_ptr<Run> &run, const QString &key, bool complete, bool overBudget)
{
    if (!complete) {
        // Not read (budget) or failed: what was read before stays, and the next sync reads it again.
        run->records.remove(key);
        const auto previous = run->state.repositories.constFind(key);
        if (previous != run->state.repositories.constEnd()) {
            GitHubState::RepoRecord kept = *previous;
            kept.pushedAt = QDateTime(); // read again next time
            run->records.insert(key, kept);
        }
        run->notRead += overBudget ? 1 : 0;
    }
    const int total = int(run->repositories.size());
    Q_EMIT progress(total - run->repositoriesPending + 1, total, tr("Reading descriptors"));
    if (--run->repositoriesPending == 0) {
        buildEntities(run);
    }
}

void GitHubSource::buildEntities(const std::shared_ptr<Run> &run)
{
    if (run->finished) {
        return;
    }
    QSet<QString> keys;
    for (const GitHubMapper::Repository &repo : std::as_const(run->repositories)) {
        const QString lower = repo.fullName.toLower();
        const auto record = run->records.constFind(lower);
        if (record == run->records.constEnd()) {
            continue;
        }
        std::vector<Entity> entities;
        if (!record->files.isEmpty()) {
            for (const GitHubMapper::ContentFile &file : record->files) {
                GitHubMapper::Descriptors d =
                    GitHubMapper::readDescriptors(file, repo, run->config.webUrl(), m_config.id);
                run->result.problems += d.problems;
                for (Entity &e : d.entities) {
                    entities.push_back(std::move(e));
                }
            }
        } else if (run->config.repositoriesAsComponents && record->complete) {
            Result<Entity> component = GitHubMapper::repositoryComponent(repo, record->codeownersOwner, m_config.id);
            if (component.ok()) {
                entities.push_back(std::move(component.value()));
            } else {
                Error e = component.error();
                e.severity = Error::Severity::Warning;
                run->result.problems.append(e);
            }
        }
        for (Entity &e : entities) {
            const QString key = e.key();
            if (keys.contains(key)) {
                Error dup = makeError(Error::Code::Conflict,
                                      tr("%1 is described twice; the first one is kept").arg(e.refString()));
                dup.severity = Error::Severity::Warning;
                dup.file = e.origin.file;
                dup.line = e.origin.line;
                dup.entityRef = e.refString();
                run->result.problems.append(dup);
                continue;
            }
            keys.insert(key);
            run->result.entities.push_back(std::move(e));
        }
    }
    // Keep the records of every listed repository (read now or before); repositories gone from the list go.
    run->state.repositories = run->records;
    if (run->config.insights) {
        readInsights(run);
    } else {
        finish(run);
    }
}

// --- insights -------------------------------------------------------------------------------------------------------

void GitHubSource::readInsights(const std::shared_ptr<Run> &run)
{
    static const QRegularExpression slugPattern(u"^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$"_s);
    const auto collect = [&run](const Entity &e) {
        const QString slug = e.annotation(slugAnnotation).trimmed();
        if (slug.isEmpty() || !slugPattern.match(slug).hasMatch()) {
            return;
        }
        const QString lower = slug.toLower();
        QStringList &keys = run->slugEntities[lower];
        if (!keys.contains(e.key())) {
            keys.append(e.key());
        }
        if (!run->slugSpelling.contains(lower)) {
            run->slugSpelling.insert(lower, slug);
        }
    };
    if (run->context.catalog) {
        for (const Entity &e : run->context.catalog->entities()) {
            if (e.origin.sourceId != m_config.id) { // this source's entities are the ones of this sync
                collect(e);
            }
        }
    }
    for (const Entity &e : run->result.entities) {
        collect(e);
    }
    run->slugsPending = int(run->slugEntities.size());
    if (run->slugsPending == 0) {
        finish(run);
        return;
    }
    Q_EMIT progress(0, run->slugsPending, tr("Reading CI runs, pull requests and deployments"));
    const QStringList slugs = run->slugEntities.keys();
    for (const QString &slug : slugs) {
        schedule(run, [this, run, slug] { readSlug(run, slug); });
    }
}

void GitHubSource::readSlug(const std::shared_ptr<Run> &run, const QString &slug)
{
    Run::SlugWork &work = run->slugs[slug];
    work.insights.slug = run->slugSpelling.value(slug);
    if (!canSpend(run)) {
        // Over budget: the insights read before stay until the next sync.
        const auto previous = run->state.insights.constFind(slug);
        if (previous != run->state.insights.constEnd()) {
            work.insights = *previous;
        }
        work.skipped = true;
        ++run->insightsSkipped;
        work.pending = 1;
        partDone(run, slug);
        return;
    }
    const auto listed = run->repositoryIndex.constFind(slug);
    if (listed != run->repositoryIndex.constEnd()) {
        const GitHubMapper::Repository &repo = run->repositories.at(*listed);
        work.insights.url = repo.htmlUrl;
        work.insights.defaultBranch = repo.defaultBranch;
        readSlugParts(run, slug, repo.fullName);
        return;
    }
    // A repository of another owner (or renamed: GitHub redirects the old name).
    work.pending = 1;
    fetch(
        run, u"/repos/%1"_s.arg(work.insights.slug),
        [](const QByteArray &body, const QString &where) -> Result<QCborValue> {
            Result<GitHubMapper::Repository> repo = GitHubMapper::parseRepository(body, where);
            if (!repo.ok()) {
                return repo.error();
            }
            return QCborValue(repo->toCbor());
        },
        [this, run, slug](Result<QCborValue> data) {
            Run::SlugWork &w = run->slugs[slug];
            if (!data.ok()) {
                if (failIfFatal(run, data.error())) {
                    return;
                }
                if (data.error().code == Error::Code::RateLimited) {
                    run->budgetStop = true;
                }
                Error e = data.error();
                e.severity = Error::Severity::Warning;
                e.message = tr("The repository %1 could not be read: %2").arg(w.insights.slug, e.message);
                w.insights.problems.append(e);
                partDone(run, slug);
                return;
            }
            const GitHubMapper::Repository repo = GitHubMapper::Repository::fromCbor(data->toMap());
            w.insights.url = repo.htmlUrl;
            w.insights.defaultBranch = repo.defaultBranch;
            if (repo.fullName.compare(w.insights.slug, Qt::CaseInsensitive) != 0) {
                Error e = makeError(Error::Code::Reference,
                                    tr("The repository %1 was renamed to %2; update the annotation %3")
                                        .arg(w.insights.slug, repo.fullName, slugAnnotation));
                e.severity = Error::Severity::Info;
                w.insights.problems.append(e);
            }
            readSlugParts(run, slug, repo.fullName);
            partDone(run, slug);
        });
}

void GitHubSource::readSlugParts(const std::shared_ptr<Run> &run, const QString &slug, const QString &fullName)
{
    Run::SlugWork &work = run->slugs[slug];
    work.pending += 5;
    const QString base = u"/repos/%1"_s.arg(fullName);

    // A part that could not be read: a problem of these insights only (401, secondary limits and cancels end the
    // sync instead).
    const auto partFailed = [this, run, slug](const QString &part, const Error &error) {
        if (failIfFatal(run, error)) {
            return false;
        }
        if (error.code == Error::Code::RateLimited) {
            run->budgetStop = true;
        }
        Error e = error;
        e.severity = Error::Severity::Warning;
        e.message = tr("%1 of %2 could not be read: %3").arg(part, run->slugs[slug].insights.slug, error.message);
        run->slugs[slug].insights.problems.append(e);
        return true;
    };

    fetch(
        run, base + u"/actions/runs?per_page=50"_s,
        [](const QByteArray &body, const QString &where) -> Result<QCborValue> {
            Result<QList<WorkflowRun>> runs = GitHubMapper::parseRuns(body, where);
            if (!runs.ok()) {
                return runs.error();
            }
            return QCborValue(toArray(GitHubMapper::latestPerWorkflowAndBranch(runs.value())));
        },
        [this, run, slug, partFailed](Result<QCborValue> data) {
            if (!data.ok()) {
                if (partFailed(tr("Workflow runs"), data.error())) {
                    partDone(run, slug);
                }
                return;
            }
            for (const QCborValue &v : data->toArray()) {
                run->slugs[slug].insights.runs.append(WorkflowRun::fromCbor(v.toMap()));
            }
            partDone(run, slug);
        });

    fetch(
        run, base + u"/pulls?state=open&per_page=50"_s,
        [](const QByteArray &body, const QString &where) -> Result<QCborValue> {
            Result<QList<GitHubMapper::PullRequest>> pulls = GitHubMapper::parsePulls(body, where);
            if (!pulls.ok()) {
                return pulls.error();
            }
            QCborArray a;
            for (const GitHubMapper::PullRequest &p : pulls.value()) {
                QCborMap m = p.info.toCbor();
                m.insert("headSha"_L1, p.headSha);
                a.append(m);
            }
            return QCborValue(a);
        },
        [this, run, slug, base, partFailed](Result<QCborValue> data) {
            if (!data.ok()) {
                if (partFailed(tr("Pull requests"), data.error())) {
                    partDone(run, slug);
                }
                return;
            }
            const QCborArray pulls = data->toArray();
            Run::SlugWork &w = run->slugs[slug];
            bool skipped = false;
            for (qsizetype i = 0; i < pulls.size(); ++i) {
                const QCborMap m = pulls.at(i).toMap();
                w.insights.pulls.append(PullRequestInfo::fromCbor(m));
                if (i >= pullsWithDetails) {
                    continue;
                }
                if (!canSpend(run)) {
                    if (!skipped) {
                        skipped = true;
                        Error e = makeError(Error::Code::RateLimited,
                                            tr("Reviews and checks of some pull requests of %1 are not read yet: the "
                                               "rate limit is nearly used up")
                                                .arg(w.insights.slug));
                        e.severity = Error::Severity::Info;
                        w.insights.problems.append(e);
                    }
                    continue;
                }
                const int number = w.insights.pulls.last().number;
                const QString sha = m.value("headSha"_L1).toString();
                w.pending += 2;
                const auto setPull = [run, slug, number](auto apply) {
                    for (PullRequestInfo &p : run->slugs[slug].insights.pulls) {
                        if (p.number == number) {
                            apply(p);
                        }
                    }
                };
                fetch(
                    run, base + u"/pulls/%1/reviews?per_page=100"_s.arg(number),
                    [](const QByteArray &body, const QString &where) -> Result<QCborValue> {
                        Result<QString> state = GitHubMapper::reviewState(body, where);
                        return state.ok() ? Result<QCborValue>(QCborValue(state.value())) : state.error();
                    },
                    [this, run, slug, setPull, partFailed, number](Result<QCborValue> review) {
                        if (!review.ok()) {
                            if (partFailed(tr("Reviews of pull request #%1").arg(number), review.error())) {
                                partDone(run, slug);
                            }
                            return;
                        }
                        setPull([&review](PullRequestInfo &p) { p.reviewState = review->toString(); });
                        partDone(run, slug);
                    });
                fetch(
                    run, base + u"/commits/%1/check-runs?per_page=100"_s.arg(sha),
                    [](const QByteArray &body, const QString &where) -> Result<QCborValue> {
                        Result<QString> state = GitHubMapper::checkRunsState(body, where);
                        return state.ok() ? Result<QCborValue>(QCborValue(state.value())) : state.error();
                    },
                    [this, run, slug, base, sha, setPull, partFailed, number](Result<QCborValue> checks) {
                        if (!checks.ok()) {
                            if (partFailed(tr("Checks of pull request #%1").arg(number), checks.error())) {
                                partDone(run, slug);
                            }
                            return;
                        }
                        if (!checks->toString().isEmpty() || !canSpend(run)) {
                            setPull([&checks](PullRequestInfo &p) { p.checksState = checks->toString(); });
                            partDone(run, slug);
                            return;
                        }
                        // No check runs: commit statuses (Jenkins, older integrations) may tell.
                        fetch(
                            run, base + u"/commits/%1/status"_s.arg(sha),
                            [](const QByteArray &body, const QString &where) -> Result<QCborValue> {
                                Result<QString> state = GitHubMapper::combinedStatusState(body, where);
                                return state.ok() ? Result<QCborValue>(QCborValue(state.value())) : state.error();
                            },
                            [this, run, slug, setPull, partFailed, number](Result<QCborValue> status) {
                                if (!status.ok()) {
                                    if (partFailed(tr("Status of pull request #%1").arg(number), status.error())) {
                                        partDone(run, slug);
                                    }
                                    return;
                                }
                                setPull([&status](PullRequestInfo &p) { p.checksState = status->toString(); });
                                partDone(run, slug);
                            });
                    });
            }
            partDone(run, slug);
        });

    fetch(
        run, base + u"/releases?per_page=10"_s,
        [](const QByteArray &body, const QString &where) -> Result<QCborValue> {
            Result<QList<ReleaseInfo>> releases = GitHubMapper::parseReleases(body, where);
            if (!releases.ok()) {
                return releases.error();
            }
            QCborArray a;
            for (const ReleaseInfo &r : releases.value()) {
                a.append(r.toCbor());
            }
            return QCborValue(a);
        },
        [this, run, slug, partFailed](Result<QCborValue> data) {
            if (!data.ok()) {
                if (partFailed(tr("Releases"), data.error())) {
                    partDone(run, slug);
                }
                return;
            }
            for (const QCborValue &v : data->toArray()) {
                run->slugs[slug].insights.releases.append(ReleaseInfo::fromCbor(v.toMap()));
            }
            partDone(run, slug);
        });

    fetch(
        run, base + u"/environments"_s,
        [](const QByteArray &body, const QString &where) -> Result<QCborValue> {
            Result<QStringList> environments = GitHubMapper::parseEnvironments(body, where);
            return environments.ok() ? Result<QCborValue>(QCborValue(QCborArray::fromStringList(environments.value())))
                                     : environments.error();
        },
        [this, run, slug, partFailed](Result<QCborValue> data) {
            if (!data.ok()) {
                if (partFailed(tr("Environments"), data.error())) {
                    partDone(run, slug);
                }
                return;
            }
            for (const QCborValue &v : data->toArray()) {
                run->slugs[slug].insights.environments.append(v.toString());
            }
            partDone(run, slug);
        });

    fetch(
        run, base + u"/deployments?per_page=30"_s,
        [](const QByteArray &body, const QString &where) -> Result<QCborValue> {
            Result<QList<DeploymentInfo>> deployments = GitHubMapper::parseDeployments(body, where);
            if (!deployments.ok()) {
                return deployments.error();
            }
            QCborArray a;
            for (const DeploymentInfo &d : deployments.value()) {
                a.append(d.toCbor());
            }
            return QCborValue(a);
        },
        [this, run, slug, base, partFailed](Result<QCborValue> data) {
            if (!data.ok()) {
                if (partFailed(tr("Deployments"), data.error())) {
                    partDone(run, slug);
                }
                return;
            }
            Run::SlugWork &w = run->slugs[slug];
            for (const QCborValue &v : data->toArray()) {
                const DeploymentInfo deployment = DeploymentInfo::fromCbor(v.toMap());
                w.insights.deployments.append(deployment);
                if (!canSpend(run)) {
                    if (std::none_of(w.insights.problems.cbegin(), w.insights.problems.cend(),
                                     [](const Error &e) { return e.code == Error::Code::RateLimited; })) {
                        Error e = makeError(Error::Code::RateLimited,
                                            tr("Deployment states of %1 are not read yet: the rate limit is nearly "
                                               "used up")
                                                .arg(w.insights.slug));
                        e.severity = Error::Severity::Info;
                        w.insights.problems.append(e);
                    }
                    continue;
                }
                ++w.pending;
                const qint64 id = deployment.id;
                fetch(
                    run, base + u"/deployments/%1/statuses?per_page=1"_s.arg(id),
                    [deployment](const QByteArray &body, const QString &where) -> Result<QCborValue> {
                        DeploymentInfo d = deployment;
                        Result<void> applied = GitHubMapper::applyDeploymentStatus(d, body, where);
                        return applied.ok() ? Result<QCborValue>(QCborValue(d.toCbor())) : applied.error();
                    },
                    [this, run, slug, id, partFailed](Result<QCborValue> status) {
                        if (!status.ok()) {
                            if (partFailed(tr("The status of deployment %1").arg(id), status.error())) {
                                partDone(run, slug);
                            }
                            return;
                        }
                        const DeploymentInfo withStatus = DeploymentInfo::fromCbor(status->toMap());
                        for (DeploymentInfo &d : run->slugs[slug].insights.deployments) {
                            if (d.id == id) {
                                d.state = withStatus.state;
                                d.description = withStatus.description;
                                d.url = withStatus.url;
                                d.updatedAt = withStatus.updatedAt;
                            }
                        }
                        partDone(run, slug);
                    });
            }
            partDone(run, slug);
        });
}

void GitHubSource::partDone(const std::shared_ptr<Run> &run, const QString &slug)
{
    if (run->finished) {
        return;
    }
    Run::SlugWork &work = run->slugs[slug];
    if (--work.pending > 0) {
        return;
    }
    if (!work.skipped) {
        work.insights.fetchedAt = run->context.clock ? run->context.clock->now() : QDateTime::currentDateTimeUtc();
        run->state.insights.insert(slug, work.insights);
    }
    const int total = int(run->slugEntities.size());
    Q_EMIT progress(total - run->slugsPending + 1, total, tr("Reading CI runs, pull requests and deployments"));
    if (--run->slugsPending == 0) {
        finish(run);
    }
}

void GitHubSource::finish(const std::shared_ptr<Run> &run)
{
    if (run->finished) {
        return;
    }
    run->finished = true;
    SourceResult result = std::move(run->result);
    for (auto it = run->slugs.constBegin(); it != run->slugs.constEnd(); ++it) {
        if (it->skipped && !it->insights.fetchedAt.isValid()) {
            continue; // never read
        }
        for (const QString &key : run->slugEntities.value(it.key())) {
            result.github.insert(key, it->insights);
        }
    }
    // Insights of slugs no entity names any more are forgotten.
    for (auto it = run->state.insights.begin(); it != run->state.insights.end();) {
        it = run->slugEntities.contains(it.key()) ? std::next(it) : run->state.insights.erase(it);
    }
    const QString resetTime = run->quota.reset.isValid()
                                  ? QLocale().toString(run->quota.reset.toLocalTime().time(), QLocale::ShortFormat)
                                  : tr("the next hour");
    if (run->notRead > 0) {
        Error e = makeError(
            Error::Code::RateLimited,
            tr("%n repositories not read yet: the rate limit resets at %1", nullptr, run->notRead).arg(resetTime));
        e.severity = Error::Severity::Warning;
        e.file = m_config.configFile;
        e.line = m_config.line;
        result.problems.append(e);
    }
    if (run->insightsSkipped > 0) {
        Error e = makeError(
            Error::Code::RateLimited,
            tr("Insights of %n repositories not read yet: the rate limit resets at %1", nullptr, run->insightsSkipped)
                .arg(resetTime));
        e.severity = Error::Severity::Warning;
        result.problems.append(e);
    }
    result.quota = run->quota;
    QDateTime newest;
    for (const GitHubMapper::Repository &r : std::as_const(run->repositories)) {
        newest = std::max(newest, r.pushedAt);
    }
    result.revision = newest.isValid() ? newest.toString(Qt::ISODate) : QString();
    result.message = tr("%n entities from %1 repositories of %2", nullptr, int(result.entities.size()))
                         .arg(run->repositories.size())
                         .arg(run->config.owner());
    if (!run->statePath.isEmpty()) {
        const Result<void> saved = run->state.save(run->statePath);
        if (!saved.ok()) {
            result.problems.append(saved.error());
        }
    }
    m_lastRequests = run->requests;
    m_lastGraphQlQueries = run->graphQlQueries;
    m_lastNotModified = run->notModified;
    qCInfo(lcGitHub) << m_config.id << result.message << "-" << run->requests << "requests," << run->notModified
                     << "not modified, rate limit remaining" << run->quota.remaining;
    if (run->quota.isKnown()) {
        Q_EMIT quotaChanged(run->quota);
    }
    QTimer::singleShot(0, this, [this, run, result = std::move(result)] {
        if (run->generation == m_generation) {
            Q_EMIT finished(result);
        }
    });
}

} // namespace Portolan::Core
