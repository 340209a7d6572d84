#include "GitHubTestServer.h"

#include "GraphQlDocument.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <functional>

using namespace Qt::StringLiterals;

namespace Portolan::Test {

namespace {

// The `value` of one example of ../shared/corpus/github/openapi-examples/<operation>.json, or of the same extraction
// in tests/data/github/openapi-examples for the operations the corpus lacks.
QJsonValue example(const QString &operation, const QString &name = u"default"_s,
                   const QString &mediaType = u"application/json"_s, const QString &status = u"200"_s)
{
    static QHash<QString, QJsonObject> cache;
    auto it = cache.find(operation);
    if (it == cache.end()) {
        const QString relative = u"github/openapi-examples/%1.json"_s.arg(operation);
        QFile file(corpusPath(relative));
        if (!file.exists()) {
            file.setFileName(dataPath(relative));
        }
        if (!file.open(QIODevice::ReadOnly)) {
            qFatal("GitHubTestServer: the example %s is missing", qPrintable(operation));
        }
        it = cache.insert(operation, QJsonDocument::fromJson(file.readAll()).object());
    }
    return it->value("responses"_L1)
        .toObject()
        .value(status)
        .toObject()
        .value("content_examples"_L1)
        .toObject()
        .value(mediaType)
        .toObject()
        .value(name)
        .toObject()
        .value("value"_L1);
}

QByteArray compact(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

QJsonObject recordedRecord(const QString &scenario, int index)
{
    static QHash<QString, QJsonArray> cache;
    auto it = cache.find(scenario);
    if (it == cache.end()) {
        it = cache.insert(scenario, HttpTestServer::loadFixture(scenario));
    }
    return it->at(index).toObject();
}

// Git's blob id of `data`, as the contents API reports it.
QString blobSha(const QByteArray &data)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const QByteArray header = QByteArray("blob ") + QByteArray::number(data.size()) + '\0';
    hash.addData(header);
    hash.addData(data);
    return QString::fromLatin1(hash.result().toHex());
}

// GitHub wraps base64 content at 60 characters.
QString wrappedBase64(const QByteArray &data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < b64.size(); i += 60) {
        out += b64.mid(i, 60) + '\n';
    }
    return QString::fromLatin1(out);
}

} // namespace

GitHubTestServer::GitHubTestServer(QObject *parent)
    : QObject(parent)
    , m_reset(QDateTime::currentDateTimeUtc().addSecs(3600))
{
    m_http.setHandler([this](const HttpTestRequest &request) { return handle(request); });
    const QJsonObject headers = recordedRecord(u"get-repository"_s, 0).value("headers"_L1).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        const QByteArray name = it.key().toUtf8();
        if (name == "content-length" || name == "etag" || name == "last-modified" || name == "date"
            || name.startsWith("x-ratelimit-") || name == "connection") {
            continue;
        }
        m_recordedHeaders.append({name, it.value().toVariant().toString().toUtf8()});
    }
}

GitHubTestServer::~GitHubTestServer() = default;

bool GitHubTestServer::listen(quint16 port)
{
    Q_UNUSED(port);
    return m_http.listen();
}

QString GitHubTestServer::url() const
{
    if (!m_publicUrl.isEmpty()) {
        return m_publicUrl;
    }
    QString u = m_http.url(QString()).toString();
    while (u.endsWith(u'/')) {
        u.chop(1);
    }
    return u;
}

void GitHubTestServer::setOwner(const QString &owner, bool organization)
{
    m_owner = owner;
    m_organization = organization;
}

void GitHubTestServer::setRepositories(QList<Repository> repositories)
{
    m_repositories = std::move(repositories);
}

QByteArray GitHubTestServer::componentDescriptor(const QString &name, const QString &slug, const QString &owner)
{
    return u"apiVersion: backstage.io/v1alpha1\n"
           "kind: Component\n"
           "metadata:\n"
           "  name: %1\n"
           "  description: The %1 service\n"
           "  annotations:\n"
           "    github.com/project-slug: %2\n"
           "spec:\n"
           "  type: service\n"
           "  lifecycle: production\n"
           "  owner: %3\n"_s.arg(name, slug, owner)
               .toUtf8();
}

void GitHubTestServer::generateRepositories(int count)
{
    m_repositories.clear();
    m_repositories.reserve(count);
    for (int i = 1; i <= count; ++i) {
        Repository r;
        r.name = u"service-%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        r.files.insert(u"catalog-info.yaml"_s, componentDescriptor(r.name, m_owner + u'/' + r.name));
        m_repositories.append(std::move(r));
    }
}

void GitHubTestServer::touch(const QString &repository, const QDateTime &pushedAt)
{
    for (Repository &r : m_repositories) {
        if (r.name == repository) {
            r.pushedAt = pushedAt;
        }
    }
}

void GitHubTestServer::setBudget(int limit, int remaining)
{
    m_limit = limit;
    m_used.clear();
    m_used.insert(QByteArray(), limit - remaining); // the start for every token
}

int GitHubTestServer::remaining() const
{
    const QByteArray key = m_token.isEmpty() ? QByteArray() : "Bearer " + m_token.toUtf8();
    return m_limit - m_used.value(key, m_used.value(QByteArray(), 0));
}

int GitHubTestServer::countRequests(const QString &pathContains) const
{
    int n = 0;
    for (const Request &r : m_requests) {
        n += r.path.contains(pathContains) ? 1 : 0;
    }
    return n;
}

int GitHubTestServer::countRequests(const QString &pathContains, const QByteArray &method) const
{
    int n = 0;
    for (const Request &r : m_requests) {
        n += r.path.contains(pathContains) && r.method == method ? 1 : 0;
    }
    return n;
}

int GitHubTestServer::notModifiedCount() const
{
    int n = 0;
    for (const Request &r : m_requests) {
        n += r.status == 304 ? 1 : 0;
    }
    return n;
}

QByteArray GitHubTestServer::rewrite(QByteArray body) const
{
    return body.replace("https://api.github.com", url().toUtf8());
}

HttpTestResponse GitHubTestServer::json(int status, const QByteArray &body, bool withEtag) const
{
    HttpTestResponse r;
    r.status = status;
    r.headers = m_recordedHeaders;
    r.body = body;
    if (withEtag) {
        r.setHeader("etag", "W/\"" + QCryptographicHash::hash(body, QCryptographicHash::Sha1).toHex() + '"');
    }
    return r;
}

HttpTestResponse GitHubTestServer::error(int status, const QString &message, const QString &documentation,
                                         const QStringList &errors) const
{
    // GitHub's basic-error shape: {"message", "documentation_url"} (and "status" on newer answers); a validation
    // error lists what failed in "errors".
    QJsonObject body{{u"message"_s, message}, {u"documentation_url"_s, documentation}};
    if (!errors.isEmpty()) {
        body.insert(u"errors"_s, QJsonArray::fromStringList(errors));
        body.insert(u"status"_s, QString::number(status));
    }
    return json(status, QJsonDocument(body).toJson(QJsonDocument::Compact), false);
}

const GitHubTestServer::Repository *GitHubTestServer::find(const QString &owner, const QString &name) const
{
    // The new name of the rename-repository recording: its insight endpoints answer like any repository's.
    static const Repository renamed = [] {
        Repository r;
        r.name = u"rename-repository-newname"_s;
        return r;
    }();
    if (owner == u"octokit-fixture-org"_s && name == renamed.name) {
        return &renamed;
    }
    if (owner.compare(m_owner, Qt::CaseInsensitive) != 0) {
        return nullptr;
    }
    for (const Repository &r : m_repositories) {
        if (r.name.compare(name, Qt::CaseInsensitive) == 0) {
            return &r;
        }
    }
    return nullptr;
}

QJsonObject GitHubTestServer::repositoryObject(const Repository &repository, bool full) const
{
    const QJsonValue base = full ? example(u"repos__get"_s) : example(u"repos__list-for-org"_s).toArray().first();
    QByteArray text = compact(base);
    text.replace("octocat/Hello-World", (m_owner + u'/' + repository.name).toUtf8());
    QJsonObject o = QJsonDocument::fromJson(text).object();
    qint64 id = 1296269;
    for (qsizetype i = 0; i < m_repositories.size(); ++i) {
        if (m_repositories[i].name == repository.name) {
            id += i;
        }
    }
    o.insert("id"_L1, double(id));
    o.insert("name"_L1, repository.name);
    o.insert("full_name"_L1, QString(m_owner + u'/' + repository.name));
    QJsonObject owner = o.value("owner"_L1).toObject();
    owner.insert("login"_L1, m_owner);
    owner.insert("type"_L1, m_organization ? u"Organization"_s : u"User"_s);
    o.insert("owner"_L1, owner);
    o.insert("topics"_L1, QJsonArray::fromStringList(repository.topics));
    o.insert("archived"_L1, repository.archived);
    o.insert("description"_L1, repository.description);
    o.insert("pushed_at"_L1, repository.pushedAt.toString(Qt::ISODate));
    return o;
}

HttpTestResponse GitHubTestServer::repositoryList(const QString &path, const QUrlQuery &query)
{
    const int perPage = query.hasQueryItem(u"per_page"_s) ? query.queryItemValue(u"per_page"_s).toInt() : 30;
    const int page = query.hasQueryItem(u"page"_s) ? query.queryItemValue(u"page"_s).toInt() : 1;
    if (perPage < 1 || perPage > 100 || page < 1) {
        violation(u"bad per_page/page on %1"_s.arg(path));
        return error(422, u"Validation Failed"_s, u"https://docs.github.com/rest"_s);
    }
    const int pages = std::max<int>(1, int((m_repositories.size() + perPage - 1) / perPage));
    QJsonArray items;
    for (qsizetype i = qsizetype(page - 1) * perPage;
         i < std::min<qsizetype>(m_repositories.size(), qsizetype(page) * perPage); ++i) {
        items.append(repositoryObject(m_repositories[i], false));
    }
    HttpTestResponse r = json(200, rewrite(compact(items)));
    const auto pageUrl = [&](int n) {
        QUrlQuery q = query;
        q.removeAllQueryItems(u"page"_s);
        q.addQueryItem(u"page"_s, QString::number(n));
        return (u"<%1%2?%3>"_s.arg(url(), path, q.toString(QUrl::FullyEncoded))).toUtf8();
    };
    QList<QByteArray> links;
    if (page > 1) {
        links.append(pageUrl(page - 1) + "; rel=\"prev\"");
    }
    if (page < pages) {
        links.append(pageUrl(page + 1) + "; rel=\"next\"");
        links.append(pageUrl(pages) + "; rel=\"last\"");
    }
    if (page > 1) {
        links.append(pageUrl(1) + "; rel=\"first\"");
    }
    if (!links.isEmpty()) {
        r.setHeader("link", links.join(", "));
    }
    return r;
}

HttpTestResponse GitHubTestServer::handle(const HttpTestRequest &request)
{
    Request recorded;
    recorded.method = request.method;
    recorded.path = request.url.path();
    recorded.query = QUrlQuery(request.url);
    recorded.ifNoneMatch = request.header("If-None-Match");
    recorded.authorization = request.header("Authorization");
    recorded.body = request.body;
    recorded.contentType = request.header("Content-Type");

    const auto finish = [this, &recorded](HttpTestResponse r, bool spend) {
        const QByteArray key = recorded.authorization;
        if (spend) {
            m_used[key] = m_used.value(key, m_used.value(QByteArray(), 0)) + 1;
            ++m_spent;
        }
        const int used = m_used.value(key, m_used.value(QByteArray(), 0));
        if (r.header("x-ratelimit-limit").isEmpty()) {
            r.setHeader("x-ratelimit-limit", QByteArray::number(m_limit));
            r.setHeader("x-ratelimit-remaining", QByteArray::number(std::max(0, m_limit - used)));
            r.setHeader("x-ratelimit-reset", QByteArray::number(m_reset.toSecsSinceEpoch()));
            r.setHeader("x-ratelimit-used", QByteArray::number(used));
            r.setHeader("x-ratelimit-resource", "core");
        }
        r.setHeader("date", QLocale::c()
                                .toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
                                .toUtf8()); // RFC 9110's IMF-fixdate
        recorded.status = r.status;
        m_requests.append(recorded);
        return r;
    };

    if (request.header("Accept") != "application/vnd.github+json") {
        violation(u"%1 without Accept: application/vnd.github+json"_s.arg(recorded.path));
    }
    if (request.header("X-GitHub-Api-Version") != apiVersion) {
        violation(u"%1 without X-GitHub-Api-Version: %2"_s.arg(recorded.path, QLatin1StringView(apiVersion)));
    }
    const bool graphQlPath = recorded.path == u"/graphql"_s;
    // What a step writes: workflow dispatches and run cancels. Everything else is read.
    static const QRegularExpression writes(
        u"^/repos/[^/]+/[^/]+/actions/(workflows/[^/]+/dispatches|runs/\\d+/cancel)$"_s);
    const bool writePath = graphQlPath || writes.match(recorded.path).hasMatch();
    // Pending deployments are read and reviewed on the same path.
    static const QRegularExpression reviews(u"^/repos/[^/]+/[^/]+/actions/runs/\\d+/pending_deployments$"_s);
    const bool reviewPath = reviews.match(recorded.path).hasMatch();
    // Pull requests are opened and reviewed with POST, merged with PUT.
    static const QRegularExpression pullWrites(u"^/repos/[^/]+/[^/]+/pulls(/\\d+/(reviews|merge))?$"_s);
    const QRegularExpressionMatch pullWrite = pullWrites.match(recorded.path);
    const QByteArray pullMethod = pullWrite.captured(2) == u"merge"_s ? "PUT" : "POST";
    if (pullWrite.hasMatch() ? request.method != "GET" && request.method != pullMethod
        : reviewPath         ? request.method != "GET" && request.method != "POST"
                             : request.method != (writePath ? "POST" : "GET")) {
        violation(u"%1 %2: only reads, dispatches, cancels and reviews are served"_s.arg(
            QString::fromLatin1(request.method), recorded.path));
    }

    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        const Fault &f = m_faults[i];
        if (!f.pathContains.isEmpty() && !recorded.path.contains(f.pathContains)) {
            continue;
        }
        const int hit = m_faultHits[int(i)]++;
        if (hit < f.skip || (f.times >= 0 && hit >= f.skip + f.times)) {
            continue;
        }
        const QString secondary =
            u"You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach "
            "out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000."_s;
        const QString secondaryDoc =
            u"https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"_s;
        HttpTestResponse r;
        switch (f.kind) {
        case FaultKind::PrimaryExhausted:
            r = error(403, u"API rate limit exceeded for user ID 1."_s,
                      u"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"_s);
            r.setHeader("x-ratelimit-limit", QByteArray::number(m_limit));
            r.setHeader("x-ratelimit-remaining", "0");
            r.setHeader("x-ratelimit-used", QByteArray::number(m_limit));
            r.setHeader("x-ratelimit-reset", QByteArray::number(m_reset.toSecsSinceEpoch()));
            r.setHeader("x-ratelimit-resource", "core");
            return finish(r, false);
        case FaultKind::Secondary403:
        case FaultKind::Secondary429:
            r = error(f.kind == FaultKind::Secondary403 ? 403 : 429, secondary, secondaryDoc);
            r.setHeader("retry-after", "60");
            return finish(r, true);
        case FaultKind::SecondaryNoRetryAfter:
            return finish(error(403, secondary, secondaryDoc), true);
        case FaultKind::BadCredentials:
            return finish(error(401, u"Bad credentials"_s, u"https://docs.github.com/rest"_s), false);
        case FaultKind::Forbidden:
            return finish(error(403, u"Resource not accessible by integration"_s, u"https://docs.github.com/rest"_s),
                          true);
        case FaultKind::NotFound:
            return finish(error(404, u"Not Found"_s, u"https://docs.github.com/rest"_s), true);
        case FaultKind::ServerError:
            return finish(error(500, u"Server Error"_s, u"https://docs.github.com/rest"_s), false);
        }
    }

    if (!m_token.isEmpty() && recorded.authorization != "Bearer " + m_token.toUtf8()
        && !m_users.contains(recorded.authorization)) {
        return finish(error(401, u"Bad credentials"_s, u"https://docs.github.com/rest"_s), false);
    }
    if (graphQlPath) {
        return finish(graphQl(request), false);
    }
    if (m_used.value(recorded.authorization, m_used.value(QByteArray(), 0)) >= m_limit) {
        HttpTestResponse r = error(403, u"API rate limit exceeded for user ID 1."_s,
                                   u"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"_s);
        return finish(r, false);
    }

    HttpTestResponse r = route(request, recorded.path, recorded.query);
    const QByteArray etag = r.header("etag");
    if (r.status == 200 && !etag.isEmpty() && !recorded.ifNoneMatch.isEmpty() && recorded.ifNoneMatch == etag) {
        HttpTestResponse notModified;
        notModified.status = 304;
        notModified.headers = m_recordedHeaders;
        notModified.setHeader("etag", etag);
        return finish(notModified, false); // a 304 costs no budget
    }
    return finish(r, true);
}

void GitHubTestServer::setGraphQlBudget(int limit, int remaining)
{
    m_graphQlLimit = limit;
    m_graphQlUsed = limit - remaining;
}

HttpTestResponse GitHubTestServer::graphQl(const HttpTestRequest &request)
{
    static const GraphQlSchema schema = GraphQlSchema::load(dataPath(u"github/graphql-schema-excerpt.graphql"_s));
    if (schema.isEmpty()) {
        qFatal("GitHubTestServer: tests/data/github/graphql-schema-excerpt.graphql is missing");
    }
    const auto answer = [this](const QJsonObject &body) {
        HttpTestResponse r = json(200, QJsonDocument(body).toJson(QJsonDocument::Compact), false);
        r.setHeader("x-ratelimit-limit", QByteArray::number(m_graphQlLimit));
        r.setHeader("x-ratelimit-remaining", QByteArray::number(std::max(0, m_graphQlLimit - m_graphQlUsed)));
        r.setHeader("x-ratelimit-reset", QByteArray::number(m_reset.toSecsSinceEpoch()));
        r.setHeader("x-ratelimit-used", QByteArray::number(m_graphQlUsed));
        r.setHeader("x-ratelimit-resource", "graphql");
        return r;
    };
    const auto refuse = [&](const QString &message) {
        violation(u"GraphQL: %1"_s.arg(message));
        return answer(QJsonObject{{u"errors"_s, QJsonArray{QJsonObject{{u"message"_s, message}}}}});
    };
    if (!request.header("Content-Type").startsWith("application/json")) {
        violation(u"POST /graphql without Content-Type: application/json"_s);
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (!body.value("query"_L1).isString()) {
        violation(u"POST /graphql without a JSON body with a query"_s);
        return error(400, u"Problems parsing JSON"_s, u"https://docs.github.com/graphql"_s);
    }
    if (m_graphQlUsed >= m_graphQlLimit) {
        return answer(QJsonObject{
            {u"errors"_s, QJsonArray{QJsonObject{{u"type"_s, u"RATE_LIMITED"_s},
                                                 {u"message"_s, u"API rate limit exceeded for user ID 1."_s}}}}});
    }
    QString parseError;
    const GraphQlDocument document = GraphQlDocument::parse(body.value("query"_L1).toString(), &parseError);
    if (!parseError.isEmpty()) {
        return refuse(parseError);
    }
    const QJsonArray invalid = schema.validate(document.selections, u"Query"_s);
    if (!invalid.isEmpty()) {
        for (const QJsonValue &e : invalid) {
            violation(u"GraphQL: %1"_s.arg(e.toObject().value("message"_L1).toString()));
        }
        return answer(QJsonObject{{u"errors"_s, invalid}});
    }
    ++m_graphQlUsed;
    ++m_graphQlQueries;

    // What a selection resolves on: the root, a repository, a file of one, or the rate limit.
    struct Node
    {
        QString type;
        const Repository *repository = nullptr;
        QByteArray data;
    };
    QJsonArray errors;
    std::function<QJsonObject(const QList<GraphQlSelection> &, const Node &, const QJsonArray &)> resolve;
    resolve = [&](const QList<GraphQlSelection> &selections, const Node &node, const QJsonArray &path) {
        QJsonObject out;
        for (const GraphQlSelection &s : selections) {
            if (!s.typeCondition.isEmpty()) {
                if (s.typeCondition == node.type || s.typeCondition == u"GitObject"_s) {
                    const QJsonObject inner = resolve(s.selections, node, path);
                    for (auto it = inner.constBegin(); it != inner.constEnd(); ++it) {
                        out.insert(it.key(), it.value());
                    }
                }
                continue;
            }
            QJsonArray here = path;
            here.append(s.alias);
            const QString field = s.name;
            if (field == u"__typename"_s) {
                out.insert(s.alias, node.type);
            } else if (node.type == u"Query"_s && field == u"repository"_s) {
                const QString owner = s.arguments.value(u"owner"_s).toString();
                const QString name = s.arguments.value(u"name"_s).toString();
                const Repository *repo = find(owner, name);
                if (!repo) {
                    out.insert(s.alias, QJsonValue::Null);
                    errors.append(QJsonObject{
                        {u"type"_s, u"NOT_FOUND"_s},
                        {u"path"_s, here},
                        {u"locations"_s, QJsonArray{QJsonObject{{u"line"_s, s.line}, {u"column"_s, s.column}}}},
                        {u"message"_s, u"Could not resolve to a Repository with the name '%1/%2'."_s.arg(owner, name)},
                    });
                } else {
                    out.insert(s.alias, resolve(s.selections, Node{u"Repository"_s, repo, {}}, here));
                }
            } else if (node.type == u"Query"_s && field == u"rateLimit"_s) {
                out.insert(s.alias, resolve(s.selections, Node{u"RateLimit"_s, nullptr, {}}, here));
            } else if (node.type == u"Repository"_s && field == u"name"_s) {
                out.insert(s.alias, node.repository->name);
            } else if (node.type == u"Repository"_s && field == u"nameWithOwner"_s) {
                out.insert(s.alias, QString(m_owner + u'/' + node.repository->name));
            } else if (node.type == u"Repository"_s && field == u"object"_s) {
                const QString expression = s.arguments.value(u"expression"_s).toString();
                const qsizetype colon = expression.indexOf(u':');
                const QString ref = expression.left(colon);
                const auto file = node.repository->files.constFind(expression.mid(colon + 1));
                if (colon < 0 || (ref != u"master"_s && ref != u"HEAD"_s)
                    || file == node.repository->files.constEnd()) {
                    out.insert(s.alias, QJsonValue::Null); // GitHub: no object there, and no error
                } else {
                    out.insert(s.alias, resolve(s.selections, Node{u"Blob"_s, node.repository, *file}, here));
                }
            } else if (node.type == u"Blob"_s) {
                const bool binary = node.data.contains('\0');
                const QString oid = blobSha(node.data);
                if (field == u"oid"_s) {
                    out.insert(s.alias, oid);
                } else if (field == u"abbreviatedOid"_s) {
                    out.insert(s.alias, oid.left(7));
                } else if (field == u"text"_s) {
                    out.insert(s.alias,
                               binary ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromUtf8(node.data)));
                } else if (field == u"isBinary"_s) {
                    out.insert(s.alias, binary);
                } else if (field == u"isTruncated"_s) {
                    out.insert(s.alias, false);
                } else if (field == u"byteSize"_s) {
                    out.insert(s.alias, node.data.size());
                } else {
                    violation(u"GraphQL: Blob.%1 is in the schema but not served by the test server"_s.arg(field));
                }
            } else if (node.type == u"RateLimit"_s) {
                const QHash<QString, QJsonValue> values{
                    {u"cost"_s, 1},
                    {u"limit"_s, m_graphQlLimit},
                    {u"remaining"_s, std::max(0, m_graphQlLimit - m_graphQlUsed)},
                    {u"used"_s, m_graphQlUsed},
                    {u"nodeCount"_s, 0},
                    {u"resetAt"_s, m_reset.toString(Qt::ISODate)},
                };
                out.insert(s.alias, values.value(field));
            } else {
                violation(u"GraphQL: %1.%2 is in the schema but not served by the test server"_s.arg(node.type, field));
            }
        }
        return out;
    };
    QJsonObject result{{u"data"_s, resolve(document.selections, Node{u"Query"_s, nullptr, {}}, QJsonArray{})}};
    if (!errors.isEmpty()) {
        result.insert("errors"_L1, errors);
    }
    return answer(result);
}

HttpTestResponse GitHubTestServer::route(const HttpTestRequest &request, const QString &path, const QUrlQuery &query)
{
    const QString notFoundDoc = u"https://docs.github.com/rest"_s;
    const auto notFound = [&] { return error(404, u"Not Found"_s, notFoundDoc); };
    const auto requireQuery = [&](const QString &name, const QString &value) {
        if (query.queryItemValue(name) != value) {
            violation(u"%1 without %2=%3"_s.arg(path, name, value));
        }
    };

    // The rename-repository recording: the old name answers 301 to /repositories/1000.
    if (path == u"/repos/octokit-fixture-org/rename-repository"_s) {
        return m_http.replay(recordedRecord(u"rename-repository"_s, 1));
    }
    if (path == u"/repositories/1000"_s) {
        return m_http.replay(recordedRecord(u"rename-repository"_s, 2));
    }

    static const QRegularExpression list(u"^/(orgs|users)/([^/]+)/repos$"_s);
    if (const QRegularExpressionMatch m = list.match(path); m.hasMatch()) {
        if (m.captured(2).compare(m_owner, Qt::CaseInsensitive) != 0
            || (m.captured(1) == u"orgs"_s) != m_organization) {
            return notFound();
        }
        requireQuery(u"per_page"_s, u"100"_s);
        return repositoryList(path, query);
    }

    static const QRegularExpression repoPath(u"^/repos/([^/]+)/([^/]+)(/.*)?$"_s);
    const QRegularExpressionMatch m = repoPath.match(path);
    if (!m.hasMatch()) {
        violation(u"unknown path %1"_s.arg(path));
        return notFound();
    }
    const Repository *repo = find(m.captured(1), m.captured(2));
    if (!repo) {
        return notFound();
    }
    const QString rest = m.captured(3);
    if (rest.isEmpty()) {
        return json(200, rewrite(compact(repositoryObject(*repo, true))));
    }
    if (rest.startsWith(u"/contents/"_s)) {
        const QString filePath = QUrl::fromPercentEncoding(rest.mid(10).toUtf8());
        if (query.hasQueryItem(u"ref"_s) && query.queryItemValue(u"ref"_s) != u"master"_s) {
            return notFound(); // the examples' default branch
        }
        const auto file = repo->files.constFind(filePath);
        if (file == repo->files.constEnd()) {
            return error(404, u"Not Found"_s, u"https://docs.github.com/rest/repos/contents#get-repository-content"_s);
        }
        QJsonObject o = example(u"repos__get-content"_s, u"response-if-content-is-a-file"_s).toObject();
        const QString slug = m_owner + u'/' + repo->name;
        const QString sha = blobSha(*file);
        const QString api = url() + u"/repos/"_s + slug;
        o.insert("name"_L1, filePath.mid(filePath.lastIndexOf(u'/') + 1));
        o.insert("path"_L1, filePath);
        o.insert("size"_L1, file->size());
        o.insert("sha"_L1, sha);
        o.insert("content"_L1, wrappedBase64(*file));
        o.insert("url"_L1, u"%1/contents/%2?ref=master"_s.arg(api, filePath));
        o.insert("git_url"_L1, u"%1/git/blobs/%2"_s.arg(api, sha));
        o.insert("html_url"_L1, u"https://github.com/%1/blob/master/%2"_s.arg(slug, filePath));
        o.insert("download_url"_L1, u"https://raw.githubusercontent.com/%1/master/%2"_s.arg(slug, filePath));
        o.insert("_links"_L1, QJsonObject{{u"self"_s, o.value("url"_L1)},
                                          {u"git"_s, o.value("git_url"_L1)},
                                          {u"html"_s, o.value("html_url"_L1)}});
        return json(200, compact(o));
    }
    if (rest.startsWith(u"/actions/workflows/"_s) || rest.startsWith(u"/actions/runs/"_s)) {
        return actions(request, *repo, rest, query);
    }
    if (rest.startsWith(u"/pulls"_s)) {
        if (auto answer = pulls(request, *repo, rest, query)) {
            return *answer;
        }
    }
    if (!repo->insights) {
        return notFound();
    }
    if (rest == u"/actions/runs"_s) {
        requireQuery(u"per_page"_s, u"50"_s);
        return json(200, rewrite(compact(example(u"actions__list-workflow-runs-for-repo"_s))));
    }
    if (rest == u"/pulls"_s) {
        requireQuery(u"state"_s, u"open"_s);
        requireQuery(u"per_page"_s, u"50"_s);
        return json(200, rewrite(compact(example(u"pulls__list"_s))));
    }
    static const QRegularExpression reviews(u"^/pulls/\\d+/reviews$"_s);
    if (reviews.match(rest).hasMatch()) {
        return json(200, rewrite(compact(example(u"pulls__list-reviews"_s))));
    }
    static const QRegularExpression checks(u"^/commits/[0-9a-f]{40}/check-runs$"_s);
    if (checks.match(rest).hasMatch()) {
        return json(200, rewrite(compact(example(u"checks__list-for-ref"_s))));
    }
    static const QRegularExpression status(u"^/commits/[0-9a-f]{40}/status$"_s);
    if (status.match(rest).hasMatch()) {
        return json(200, rewrite(compact(example(u"repos__get-combined-status-for-ref"_s))));
    }
    if (rest == u"/releases"_s) {
        // No release-list example in the corpus: the recorded release of release-assets, as a one-element list.
        const QJsonValue release = recordedRecord(u"release-assets"_s, 0).value("response"_L1);
        return json(200, rewrite(compact(QJsonArray{release})));
    }
    if (rest == u"/environments"_s) {
        return json(200, rewrite(compact(example(u"repos__get-all-environments"_s))));
    }
    if (rest == u"/deployments"_s) {
        return json(200, rewrite(compact(example(u"repos__list-deployments"_s))));
    }
    static const QRegularExpression statuses(u"^/deployments/\\d+/statuses$"_s);
    if (statuses.match(rest).hasMatch()) {
        requireQuery(u"per_page"_s, u"1"_s);
        return json(200, rewrite(compact(example(u"repos__list-deployment-statuses"_s))));
    }
    violation(u"unknown path %1"_s.arg(path));
    return notFound();
}

qint64 GitHubTestServer::addWorkflowRun(WorkflowRun run)
{
    run.id = m_nextRunId++;
    if (!run.created.isValid()) {
        run.created = QDateTime::currentDateTimeUtc();
    }
    if (run.owner.isEmpty()) {
        run.owner = m_owner;
    }
    m_runs.append(run);
    return run.id;
}

QString GitHubTestServer::runStatus(const WorkflowRun &run) const
{
    if (run.cancelled) {
        return u"completed"_s;
    }
    const int per = std::max(1, m_pollsPerState);
    if (!run.protectedEnvironment.isEmpty()) {
        if (run.review.isEmpty()) {
            return run.polls / per == 0 ? u"queued"_s : u"waiting"_s;
        }
        if (run.review == u"rejected"_s) {
            return u"completed"_s;
        }
        return (run.polls - run.reviewedAtPoll) / per == 0 ? u"in_progress"_s : u"completed"_s;
    }
    const int stage = run.polls / per;
    return stage == 0 ? u"queued"_s : stage == 1 ? u"in_progress"_s : u"completed"_s;
}

qint64 GitHubTestServer::environmentId(const QString &environment)
{
    // The recorded example's id for the first environment, others counted from it by name.
    return 161088068 + qint64(qHash(environment, 0) % 1000);
}

HttpTestResponse GitHubTestServer::pendingDeployments(const HttpTestRequest &request, WorkflowRun &run)
{
    const QString doc =
        u"https://docs.github.com/rest/actions/workflow-runs#review-pending-deployments-for-a-workflow-run"_s;
    const bool waiting = runStatus(run) == u"waiting"_s;
    const qint64 envId = environmentId(run.protectedEnvironment);
    if (request.method == "GET") {
        QJsonArray items;
        if (waiting) {
            QJsonObject item = example(u"actions__get-pending-deployments-for-run"_s).toArray().first().toObject();
            QJsonObject environment = item.value("environment"_L1).toObject();
            const QString slug = run.owner + u'/' + run.repository;
            environment.insert("id"_L1, double(envId));
            environment.insert("name"_L1, run.protectedEnvironment);
            environment.insert("url"_L1, u"%1/repos/%2/environments/%3"_s.arg(url(), slug, run.protectedEnvironment));
            environment.insert("html_url"_L1,
                               u"https://github.com/%1/deployments/activity_log?environments_filter=%2"_s.arg(
                                   slug, run.protectedEnvironment));
            item.insert("environment"_L1, environment);
            item.insert("current_user_can_approve"_L1, m_canApprove);
            items.append(item);
        }
        return json(200, rewrite(compact(items)), false);
    }
    if (request.method != "POST") {
        violation(u"pending_deployments: %1"_s.arg(QString::fromLatin1(request.method)));
        return error(404, u"Not Found"_s, doc);
    }
    if (!request.header("Content-Type").startsWith("application/json")) {
        violation(u"review pending deployments without Content-Type: application/json"_s);
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonArray ids = body.value("environment_ids"_L1).toArray();
    const QString state = body.value("state"_L1).toString();
    if (ids.isEmpty() || !body.value("comment"_L1).isString() || (state != u"approved"_s && state != u"rejected"_s)) {
        violation(u"review pending deployments: body %1"_s.arg(QString::fromUtf8(request.body)));
        return error(422, u"Invalid request."_s, doc);
    }
    for (const QJsonValue &id : ids) {
        if (id.toInteger() != envId || !waiting) {
            return error(422, u"Invalid request."_s, doc);
        }
    }
    if (!m_canApprove) {
        return error(403, u"Resource not accessible by integration"_s, doc);
    }
    run.review = state;
    run.reviewComment = body.value("comment"_L1).toString();
    run.reviewedAtPoll = run.polls;
    if (state == u"rejected"_s) {
        run.conclusion = u"failure"_s;
    }
    QJsonArray deployments = example(u"actions__review-pending-deployments-for-run"_s).toArray();
    QJsonObject deployment = deployments.first().toObject();
    deployment.insert("environment"_L1, run.protectedEnvironment);
    deployment.insert("original_environment"_L1, run.protectedEnvironment);
    deployment.insert("ref"_L1, run.branch);
    return json(200, rewrite(compact(QJsonArray{deployment})), false);
}

QString GitHubTestServer::callerLogin(const HttpTestRequest &request) const
{
    return m_users.value(request.header("Authorization"), m_actor);
}

qint64 GitHubTestServer::addReview(int number, const QString &login, const QString &state, const QString &body)
{
    for (PullRequest &pull : m_pulls) {
        if (pull.number == number) {
            Review review{m_nextReview++,
                          login,
                          state,
                          body,
                          u"%1"_s.arg(number, 40, 10, QChar(u'0')),
                          QDateTime::currentDateTimeUtc()};
            pull.reviews.append(review);
            return review.id;
        }
    }
    return 0;
}

bool GitHubTestServer::mergeOnWeb(int number, const QString &login)
{
    for (PullRequest &pull : m_pulls) {
        if (pull.number == number && pull.state == u"open"_s && m_merger) {
            const QString commit = m_merger(pull);
            if (commit.isEmpty()) {
                return false;
            }
            pull.state = u"closed"_s;
            pull.merged = true;
            pull.mergedBy = login;
            pull.mergeCommit = commit;
            return true;
        }
    }
    return false;
}

QJsonObject GitHubTestServer::pullObject(const QString &operation, const PullRequest &pull) const
{
    // The recorded example with this pull request's identity.
    const QString slug = pull.owner + u'/' + pull.repository;
    QByteArray text = compact(
        example(operation, u"default"_s, u"application/json"_s, operation == u"pulls__create"_s ? u"201"_s : u"200"_s));
    text.replace("octocat/Hello-World/pulls/1347", u"%1/pulls/%2"_s.arg(slug).arg(pull.number).toUtf8());
    text.replace("octocat/Hello-World/pull/1347", u"%1/pull/%2"_s.arg(slug).arg(pull.number).toUtf8());
    text.replace("octocat/Hello-World/issues/1347", u"%1/issues/%2"_s.arg(slug).arg(pull.number).toUtf8());
    QJsonObject o = QJsonDocument::fromJson(rewrite(text)).object();
    o.insert("number"_L1, pull.number);
    o.insert("title"_L1, pull.title);
    o.insert("body"_L1, pull.body);
    o.insert("state"_L1, pull.state);
    o.insert("merged"_L1, pull.merged);
    o.insert("mergeable"_L1, pull.state == u"open"_s);
    QJsonObject user = o.value("user"_L1).toObject();
    user.insert("login"_L1, pull.author);
    o.insert("user"_L1, user);
    QJsonObject mergedBy = o.value("merged_by"_L1).toObject();
    mergedBy.insert("login"_L1, pull.mergedBy);
    o.insert("merged_by"_L1, pull.merged ? QJsonValue(mergedBy) : QJsonValue(QJsonValue::Null));
    for (const char *side : {"head", "base"}) {
        QJsonObject branch = o.value(QLatin1StringView(side)).toObject();
        const QString ref = qstrcmp(side, "head") == 0 ? pull.head : pull.base;
        branch.insert("ref"_L1, ref);
        branch.insert("label"_L1, QString(pull.owner + u':' + ref));
        o.insert(QLatin1StringView(side), branch);
    }
    return o;
}

QJsonObject GitHubTestServer::reviewObject(const PullRequest &pull, const Review &review) const
{
    const QString slug = pull.owner + u'/' + pull.repository;
    QByteArray text = compact(example(u"pulls__list-reviews"_s).toArray().first());
    text.replace("octocat/Hello-World/pull/12#pullrequestreview-80",
                 u"%1/pull/%2#pullrequestreview-%3"_s.arg(slug).arg(pull.number).arg(review.id).toUtf8());
    text.replace("octocat/Hello-World/pulls/12", u"%1/pulls/%2"_s.arg(slug).arg(pull.number).toUtf8());
    QJsonObject o = QJsonDocument::fromJson(rewrite(text)).object();
    o.insert("id"_L1, double(review.id));
    QJsonObject user = o.value("user"_L1).toObject();
    user.insert("login"_L1, review.login);
    o.insert("user"_L1, user);
    o.insert("body"_L1, review.body);
    o.insert("state"_L1, review.state);
    o.insert("commit_id"_L1, review.commit);
    o.insert("submitted_at"_L1, review.submitted.toString(Qt::ISODate));
    o.insert("author_association"_L1, u"MEMBER"_s);
    return o;
}

std::optional<HttpTestResponse> GitHubTestServer::pulls(const HttpTestRequest &request, const Repository &repository,
                                                        const QString &rest, const QUrlQuery &query)
{
    const QString pullsDoc = u"https://docs.github.com/rest/pulls/pulls"_s;
    const QString reviewsDoc = u"https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request"_s;
    const QString owner = m_owner;
    const auto bodyOf = [&](const QString &what) {
        if (!request.header("Content-Type").startsWith("application/json")) {
            violation(u"%1 without Content-Type: application/json"_s.arg(what));
        }
        return QJsonDocument::fromJson(request.body).object();
    };
    if (rest == u"/pulls"_s && request.method == "POST") {
        const QJsonObject body = bodyOf(u"create pull request"_s);
        for (const char *key : {"title", "head", "base"}) {
            if (!body.value(QLatin1StringView(key)).isString()) {
                violation(u"create pull request without a string %1"_s.arg(QLatin1StringView(key)));
                return error(422, u"Validation Failed"_s, pullsDoc + u"#create-a-pull-request"_s);
            }
        }
        const QString head = body.value("head"_L1).toString().section(u':', -1);
        for (const PullRequest &open : std::as_const(m_pulls)) {
            if (open.repository == repository.name && open.head == head && open.state == u"open"_s) {
                return error(422, u"Validation Failed"_s, pullsDoc + u"#create-a-pull-request"_s);
            }
        }
        PullRequest pull;
        pull.number = m_nextPull++;
        pull.owner = owner;
        pull.repository = repository.name;
        pull.head = head;
        pull.base = body.value("base"_L1).toString();
        pull.title = body.value("title"_L1).toString();
        pull.body = body.value("body"_L1).toString();
        pull.author = callerLogin(request);
        m_pulls.append(pull);
        return json(201, compact(pullObject(u"pulls__create"_s, pull)), false);
    }
    if (rest == u"/pulls"_s) {
        if (!query.hasQueryItem(u"head"_s)) {
            return std::nullopt; // the insights' list
        }
        if (query.queryItemValue(u"state"_s) != u"open"_s) {
            violation(u"pulls with head but not state=open"_s);
        }
        QJsonArray list;
        for (const PullRequest &pull : std::as_const(m_pulls)) {
            if (pull.repository == repository.name && pull.state == u"open"_s
                && owner + u':' + pull.head == query.queryItemValue(u"head"_s)) {
                list.append(pullObject(u"pulls__get"_s, pull));
            }
        }
        return json(200, compact(list));
    }
    static const QRegularExpression path(u"^/pulls/(\\d+)(/reviews|/merge)?$"_s);
    const QRegularExpressionMatch m = path.match(rest);
    PullRequest *pull = nullptr;
    for (PullRequest &p : m_pulls) {
        if (m.hasMatch() && p.repository == repository.name && p.number == m.captured(1).toInt()) {
            pull = &p;
        }
    }
    if (!pull) {
        return std::nullopt;
    }
    const QString what = m.captured(2);
    if (what.isEmpty()) {
        return json(200, compact(pullObject(u"pulls__get"_s, *pull)));
    }
    if (what == u"/reviews"_s && request.method == "GET") {
        QJsonArray list;
        for (const Review &review : std::as_const(pull->reviews)) {
            list.append(reviewObject(*pull, review));
        }
        return json(200, compact(list));
    }
    if (what == u"/reviews"_s) {
        const QJsonObject body = bodyOf(u"create review"_s);
        const QString event = body.value("event"_L1).toString();
        static const QHash<QString, QString> states{{u"APPROVE"_s, u"APPROVED"_s},
                                                    {u"REQUEST_CHANGES"_s, u"CHANGES_REQUESTED"_s},
                                                    {u"COMMENT"_s, u"COMMENTED"_s}};
        if (!states.contains(event)) {
            violation(u"create review: event %1"_s.arg(event));
            return error(422, u"Unprocessable Entity"_s, reviewsDoc);
        }
        const QString login = callerLogin(request);
        if (login == pull->author && event != u"COMMENT"_s) {
            return error(422, u"Unprocessable Entity"_s, reviewsDoc,
                         {event == u"APPROVE"_s ? u"Review Can not approve your own pull request"_s
                                                : u"Review Can not request changes on your own pull request"_s});
        }
        if (event != u"APPROVE"_s && body.value("body"_L1).toString().isEmpty()) {
            return error(422, u"Unprocessable Entity"_s, reviewsDoc, {u"Review Body is required"_s});
        }
        Review review{m_nextReview++,
                      login,
                      states.value(event),
                      body.value("body"_L1).toString(),
                      body.value("commit_id"_L1).toString(),
                      QDateTime::currentDateTimeUtc()};
        pull->reviews.append(review);
        return json(200, compact(reviewObject(*pull, review)), false);
    }
    if (request.method != "PUT") {
        violation(u"merge with %1"_s.arg(QString::fromLatin1(request.method)));
        return error(404, u"Not Found"_s, pullsDoc);
    }
    const QJsonObject body = bodyOf(u"merge pull request"_s);
    const QString method = body.value("merge_method"_L1).toString(u"merge"_s);
    if (method != u"merge"_s && method != u"squash"_s && method != u"rebase"_s) {
        violation(u"merge: merge_method %1"_s.arg(method));
        return error(422, u"Validation Failed"_s, pullsDoc + u"#merge-a-pull-request"_s);
    }
    const QJsonObject notMergeable =
        example(u"pulls__merge"_s, u"response-if-merge-cannot-be-performed"_s, u"application/json"_s, u"405"_s)
            .toObject();
    if (!mergeOnWeb(pull->number, callerLogin(request))) {
        return error(405, notMergeable.value("message"_L1).toString(), pullsDoc + u"#merge-a-pull-request"_s);
    }
    const QString commit = pull->mergeCommit;
    QJsonObject merged = example(u"pulls__merge"_s, u"response-if-merge-was-successful"_s).toObject();
    merged.insert("sha"_L1, commit);
    return json(200, compact(merged), false);
}

QString GitHubTestServer::runConclusion(const WorkflowRun &run) const
{
    if (run.cancelled) {
        return u"cancelled"_s;
    }
    if (runStatus(run) != u"completed"_s) {
        return {};
    }
    return run.conclusion.isEmpty() ? m_runConclusion : run.conclusion;
}

QJsonObject GitHubTestServer::runObject(const WorkflowRun &run) const
{
    // The recorded example with this run's identity: its URLs name the repository and the run id.
    QByteArray text = compact(example(u"actions__get-workflow-run"_s));
    const QString slug = run.owner + u'/' + run.repository;
    text.replace("octo-org/octo-repo", slug.toUtf8());
    text.replace("30433642", QByteArray::number(run.id));
    QJsonObject o = QJsonDocument::fromJson(rewrite(text)).object();
    const QString status = runStatus(run);
    const QString conclusion = runConclusion(run);
    const QString created = run.created.toUTC().toString(Qt::ISODate);
    o.insert("id"_L1, double(run.id));
    o.insert("run_number"_L1, double(run.id - 30433642 + 562));
    o.insert("event"_L1, run.event);
    o.insert("head_branch"_L1, run.branch);
    o.insert("path"_L1, u".github/workflows/%1@%2"_s.arg(run.workflow, run.branch));
    o.insert("status"_L1, status);
    o.insert("conclusion"_L1, conclusion.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(conclusion));
    o.insert("created_at"_L1, created);
    o.insert("run_started_at"_L1, created);
    o.insert("updated_at"_L1, status == u"queued"_s ? created : QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    for (const char *key : {"actor", "triggering_actor"}) {
        QJsonObject actor = o.value(QLatin1StringView(key)).toObject();
        actor.insert("login"_L1, run.actor);
        o.insert(QLatin1StringView(key), actor);
    }
    return o;
}

HttpTestResponse GitHubTestServer::invalid(const QString &message) const
{
    // GitHub's answer to a body that breaks the operation's schema.
    return error(422, u"Invalid request.\n\n"_s + message,
                 u"https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event"_s);
}

HttpTestResponse GitHubTestServer::dispatch(const HttpTestRequest &request, const Repository &repository,
                                            const QString &workflow)
{
    if (!request.header("Content-Type").startsWith("application/json")) {
        violation(u"dispatch without Content-Type: application/json"_s);
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        violation(u"dispatch: the body is not a JSON object"_s);
        return error(400, u"Problems parsing JSON"_s,
                     u"https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event"_s);
    }
    const QJsonObject body = document.object();
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        const bool known = it.key() == u"ref"_s || it.key() == u"inputs"_s
                           || (it.key() == u"return_run_details"_s && !m_dispatchRejectsRunDetails);
        if (!known) {
            if (it.key() != u"return_run_details"_s) {
                violation(u"dispatch: unknown key %1"_s.arg(it.key()));
            }
            return invalid(u"\"%1\" is not a permitted key."_s.arg(it.key()));
        }
    }
    if (!body.value("ref"_L1).isString()) {
        violation(u"dispatch without a string ref"_s);
        return invalid(u"\"ref\" wasn't supplied."_s);
    }
    const QJsonValue inputsValue = body.value("inputs"_L1);
    if (!inputsValue.isUndefined() && !inputsValue.isObject()) {
        violation(u"dispatch: inputs is not an object"_s);
        return invalid(u"For 'properties/inputs', %1 is not an object."_s.arg(QString::fromUtf8(
            QJsonDocument(QJsonArray{inputsValue}).toJson(QJsonDocument::Compact).mid(1).chopped(1))));
    }
    const QJsonObject inputs = inputsValue.toObject();
    if (inputs.size() > 25) {
        violation(u"dispatch with %1 inputs"_s.arg(inputs.size()));
        return invalid(u"No more than 25 properties are allowed; %1 were supplied."_s.arg(inputs.size()));
    }
    for (auto it = inputs.constBegin(); it != inputs.constEnd(); ++it) {
        if (!it.value().isString() && !it.value().isDouble() && !it.value().isBool()) {
            violation(u"dispatch: input %1 is not a string, number or boolean"_s.arg(it.key()));
            return invalid(u"For 'properties/%1', the value is not a string, number or boolean."_s.arg(it.key()));
        }
    }
    if (m_noDispatchTrigger.contains(workflow)) {
        return error(422, u"Workflow does not have 'workflow_dispatch' trigger"_s,
                     u"https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event"_s);
    }
    WorkflowRun run;
    run.owner = m_owner;
    run.repository = repository.name;
    run.workflow = workflow;
    run.branch = body.value("ref"_L1).toString();
    run.actor = m_actor;
    run.inputs = inputs;
    run.protectedEnvironment = m_protected.value(workflow);
    const qint64 id = addWorkflowRun(run);
    if (m_dispatchNoContent || !body.value("return_run_details"_L1).toBool()) {
        HttpTestResponse r = json(204, {}, false);
        r.headers.removeIf([](const auto &h) { return h.first.compare("content-type", Qt::CaseInsensitive) == 0; });
        return r;
    }
    QByteArray text = compact(example(u"actions__create-workflow-dispatch"_s));
    text.replace("octo-org/octo-repo", (m_owner + u'/' + repository.name).toUtf8());
    text.replace("runs/1\"", QByteArray("runs/" + QByteArray::number(id) + '"'));
    QJsonObject answer = QJsonDocument::fromJson(rewrite(text)).object();
    answer.insert("workflow_run_id"_L1, double(id));
    return json(200, compact(answer), false);
}

HttpTestResponse GitHubTestServer::actions(const HttpTestRequest &request, const Repository &repository,
                                           const QString &rest, const QUrlQuery &query)
{
    const QString notFoundDoc = u"https://docs.github.com/rest"_s;
    static const QRegularExpression dispatches(u"^/actions/workflows/([^/]+)/dispatches$"_s);
    static const QRegularExpression runsOfWorkflow(u"^/actions/workflows/([^/]+)/runs$"_s);
    static const QRegularExpression runPath(u"^/actions/runs/(\\d+)(/cancel|/pending_deployments)?$"_s);

    if (const QRegularExpressionMatch m = dispatches.match(rest); m.hasMatch()) {
        return dispatch(request, repository, QUrl::fromPercentEncoding(m.captured(1).toUtf8()));
    }
    if (const QRegularExpressionMatch m = runsOfWorkflow.match(rest); m.hasMatch()) {
        static const QStringList known = {u"actor"_s,         u"branch"_s,   u"event"_s,
                                          u"status"_s,        u"per_page"_s, u"page"_s,
                                          u"created"_s,       u"head_sha"_s, u"exclude_pull_requests"_s,
                                          u"check_suite_id"_s};
        for (const auto &item : query.queryItems()) {
            if (!known.contains(item.first)) {
                violation(u"list workflow runs: unknown parameter %1"_s.arg(item.first));
            }
        }
        const QString workflow = QUrl::fromPercentEncoding(m.captured(1).toUtf8());
        const auto value = [&query](const QString &name) { return query.queryItemValue(name, QUrl::FullyDecoded); };
        // created: ">=T", ">T", "<=T", "<T", "A..B" or a day, as GitHub's search syntax writes dates.
        const QString created = value(u"created"_s);
        const auto createdMatches = [&created](const QDateTime &at) {
            if (created.isEmpty()) {
                return true;
            }
            const auto time = [](const QString &text) { return QDateTime::fromString(text, Qt::ISODate).toUTC(); };
            if (created.startsWith(u">="_s)) {
                return at >= time(created.mid(2));
            }
            if (created.startsWith(u"<="_s)) {
                return at <= time(created.mid(2));
            }
            if (created.startsWith(u'>')) {
                return at > time(created.mid(1));
            }
            if (created.startsWith(u'<')) {
                return at < time(created.mid(1));
            }
            if (const qsizetype dots = created.indexOf(u".."_s); dots > 0) {
                return at >= time(created.left(dots)) && at <= time(created.mid(dots + 2));
            }
            return at.date() == QDate::fromString(created.left(10), Qt::ISODate);
        };
        if (!created.isEmpty()
            && !QRegularExpression(u"^(>=|<=|>|<)?\\d{4}-\\d{2}-\\d{2}"_s).match(created).hasMatch()) {
            violation(u"list workflow runs: created=%1 is not GitHub's date syntax"_s.arg(created));
        }
        QList<const WorkflowRun *> matching;
        for (const WorkflowRun &run : std::as_const(m_runs)) {
            if (run.repository.compare(repository.name, Qt::CaseInsensitive) != 0 || run.workflow != workflow) {
                continue;
            }
            if ((query.hasQueryItem(u"event"_s) && run.event != value(u"event"_s))
                || (query.hasQueryItem(u"branch"_s) && run.branch != value(u"branch"_s))
                || (query.hasQueryItem(u"actor"_s) && run.actor.compare(value(u"actor"_s), Qt::CaseInsensitive) != 0)
                || (query.hasQueryItem(u"status"_s) && runStatus(run) != value(u"status"_s)
                    && runConclusion(run) != value(u"status"_s))
                || !createdMatches(run.created)) {
                continue;
            }
            matching.append(&run);
        }
        std::sort(matching.begin(), matching.end(),
                  [](const WorkflowRun *a, const WorkflowRun *b) { return a->created > b->created; });
        const int perPage = query.hasQueryItem(u"per_page"_s) ? value(u"per_page"_s).toInt() : 30;
        if (perPage < 1 || perPage > 100) {
            violation(u"list workflow runs: per_page=%1"_s.arg(perPage));
        }
        QJsonObject list = example(u"actions__list-workflow-runs"_s).toObject();
        QJsonArray items;
        for (qsizetype i = 0; i < std::min<qsizetype>(matching.size(), std::clamp(perPage, 1, 100)); ++i) {
            items.append(runObject(*matching[i]));
        }
        list.insert("total_count"_L1, double(matching.size()));
        list.insert("workflow_runs"_L1, items);
        return json(200, compact(list));
    }
    if (const QRegularExpressionMatch m = runPath.match(rest); m.hasMatch()) {
        const qint64 id = m.captured(1).toLongLong();
        WorkflowRun *run = nullptr;
        for (WorkflowRun &r : m_runs) {
            if (r.id == id && r.repository.compare(repository.name, Qt::CaseInsensitive) == 0) {
                run = &r;
            }
        }
        if (!run) {
            return error(404, u"Not Found"_s, notFoundDoc);
        }
        if (m.captured(2) == u"/pending_deployments"_s) {
            return pendingDeployments(request, *run);
        }
        if (!m.captured(2).isEmpty()) {
            if (runStatus(*run) == u"completed"_s) {
                return error(409, u"Cannot cancel a workflow run that is completed."_s,
                             u"https://docs.github.com/rest/actions/workflow-runs#cancel-a-workflow-run"_s);
            }
            run->cancelled = true;
            // The recorded 202 has no example body; GitHub sends an empty JSON object with it.
            return json(202, "{}", false);
        }
        const QJsonObject object = runObject(*run);
        ++run->polls;
        return json(200, compact(object));
    }
    violation(u"unknown path %1"_s.arg(rest));
    return error(404, u"Not Found"_s, notFoundDoc);
}

} // namespace Portolan::Test
