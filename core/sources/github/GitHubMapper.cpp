#include "GitHubMapper.h"

#include "catalog/DescriptorReader.h"
#include "catalog/ParsedDocument.h"
#include "catalog/Validator.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core::GitHubMapper {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("GitHubMapper", text, nullptr, n);
}

Error parseError(const QString &where, const QString &detail)
{
    Error e = makeError(Error::Code::Parse, tr("GitHub answered %1 with data Portolan cannot read").arg(where), detail);
    e.file = where;
    return e;
}

Result<QJsonDocument> parseJson(const QByteArray &body, const QString &where)
{
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return parseError(where, error.errorString());
    }
    return doc;
}

Result<QJsonArray> parseArray(const QByteArray &body, const QString &where)
{
    Result<QJsonDocument> doc = parseJson(body, where);
    if (!doc.ok()) {
        return doc.error();
    }
    if (!doc->isArray()) {
        return parseError(where, u"expected a JSON array"_s);
    }
    return doc->array();
}

Result<QJsonObject> parseObject(const QByteArray &body, const QString &where)
{
    Result<QJsonDocument> doc = parseJson(body, where);
    if (!doc.ok()) {
        return doc.error();
    }
    if (!doc->isObject()) {
        return parseError(where, u"expected a JSON object"_s);
    }
    return doc->object();
}

// An array inside an object ({"workflow_runs": [...]}).
Result<QJsonArray> parseWrappedArray(const QByteArray &body, const QString &where, QLatin1StringView key)
{
    Result<QJsonObject> object = parseObject(body, where);
    if (!object.ok()) {
        return object.error();
    }
    const QJsonValue value = object->value(key);
    if (!value.isArray()) {
        return parseError(where, u"expected \"%1\" to be an array"_s.arg(key));
    }
    return value.toArray();
}

QString str(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

QString login(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toObject().value("login"_L1).toString();
}

QCborValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QCborValue(t.toString(Qt::ISODate)) : QCborValue();
}

QDateTime timeFrom(const QCborValue &v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODate).toUTC() : QDateTime();
}

} // namespace

QDateTime parseTime(const QJsonValue &value)
{
    if (!value.isString()) {
        return {};
    }
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QCborMap Repository::toCbor() const
{
    QCborMap m;
    m.insert("id"_L1, id);
    m.insert("name"_L1, name);
    m.insert("fullName"_L1, fullName);
    m.insert("owner"_L1, owner);
    m.insert("htmlUrl"_L1, htmlUrl);
    m.insert("description"_L1, description);
    m.insert("defaultBranch"_L1, defaultBranch);
    m.insert("topics"_L1, QCborArray::fromStringList(topics));
    m.insert("archived"_L1, archived);
    m.insert("fork"_L1, fork);
    m.insert("disabled"_L1, disabled);
    m.insert("empty"_L1, empty);
    m.insert("pushedAt"_L1, timeValue(pushedAt));
    return m;
}

Repository Repository::fromCbor(const QCborMap &m)
{
    Repository r;
    r.id = m.value("id"_L1).toInteger();
    r.name = m.value("name"_L1).toString();
    r.fullName = m.value("fullName"_L1).toString();
    r.owner = m.value("owner"_L1).toString();
    r.htmlUrl = m.value("htmlUrl"_L1).toString();
    r.description = m.value("description"_L1).toString();
    r.defaultBranch = m.value("defaultBranch"_L1).toString();
    for (const QCborValue &t : m.value("topics"_L1).toArray()) {
        r.topics.append(t.toString());
    }
    r.archived = m.value("archived"_L1).toBool();
    r.fork = m.value("fork"_L1).toBool();
    r.disabled = m.value("disabled"_L1).toBool();
    r.empty = m.value("empty"_L1).toBool();
    r.pushedAt = timeFrom(m.value("pushedAt"_L1));
    return r;
}

QCborMap ContentFile::toCbor() const
{
    QCborMap m;
    m.insert("path"_L1, path);
    m.insert("sha"_L1, sha);
    m.insert("htmlUrl"_L1, htmlUrl);
    m.insert("data"_L1, data);
    return m;
}

ContentFile ContentFile::fromCbor(const QCborMap &m)
{
    ContentFile f;
    f.path = m.value("path"_L1).toString();
    f.sha = m.value("sha"_L1).toString();
    f.htmlUrl = m.value("htmlUrl"_L1).toString();
    f.data = m.value("data"_L1).toByteArray();
    return f;
}

Repository repositoryFrom(const QJsonObject &o)
{
    Repository r;
    r.id = qint64(o.value("id"_L1).toDouble());
    r.name = str(o, "name"_L1);
    r.fullName = str(o, "full_name"_L1);
    r.owner = login(o, "owner"_L1);
    r.htmlUrl = str(o, "html_url"_L1);
    r.description = str(o, "description"_L1);
    r.defaultBranch = str(o, "default_branch"_L1);
    for (const QJsonValue &t : o.value("topics"_L1).toArray()) {
        r.topics.append(t.toString());
    }
    r.archived = o.value("archived"_L1).toBool();
    r.fork = o.value("fork"_L1).toBool();
    r.disabled = o.value("disabled"_L1).toBool();
    // GitHub reports size 0 for a repository without commits; its contents API answers 404 there.
    r.empty = o.contains("size"_L1) && o.value("size"_L1).toDouble() == 0;
    r.pushedAt = parseTime(o.value("pushed_at"_L1));
    return r;
}

Result<Repository> parseRepository(const QByteArray &body, const QString &where)
{
    Result<QJsonObject> object = parseObject(body, where);
    if (!object.ok()) {
        return object.error();
    }
    Repository r = repositoryFrom(object.value());
    if (r.fullName.isEmpty()) {
        return parseError(where, u"a repository without full_name"_s);
    }
    return r;
}

Result<QList<Repository>> parseRepositories(const QByteArray &body, const QString &where)
{
    Result<QJsonArray> array = parseArray(body, where);
    if (!array.ok()) {
        return array.error();
    }
    QList<Repository> out;
    out.reserve(array->size());
    for (const QJsonValue &v : array.value()) {
        Repository r = repositoryFrom(v.toObject());
        if (r.fullName.isEmpty() || r.name.isEmpty()) {
            return parseError(where, u"a repository without name or full_name"_s);
        }
        out.append(std::move(r));
    }
    return out;
}

namespace {

// A GraphQL string literal: JSON's escapes are GraphQL's.
QByteArray graphQlString(const QString &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

QByteArray filesQuery(const QList<Repository> &repositories, const QStringList &paths)
{
    QByteArray query = "query PortolanDescriptors {\n";
    for (qsizetype r = 0; r < repositories.size(); ++r) {
        const Repository &repo = repositories[r];
        query += "  r" + QByteArray::number(r) + ": repository(owner: " + graphQlString(repo.owner)
                 + ", name: " + graphQlString(repo.name) + ") {\n";
        const QString branch = repo.defaultBranch.isEmpty() ? u"HEAD"_s : repo.defaultBranch;
        for (qsizetype f = 0; f < paths.size(); ++f) {
            query += "    f" + QByteArray::number(f) + ": object(expression: " + graphQlString(branch + u':' + paths[f])
                     + ") { ... on Blob { oid text isTruncated isBinary } }\n";
        }
        query += "  }\n";
    }
    query += "}\n";
    return QJsonDocument(QJsonObject{{u"query"_s, QString::fromUtf8(query)}}).toJson(QJsonDocument::Compact);
}

Result<QList<GraphQlRepository>> parseFilesAnswer(const QByteArray &body, const QString &where,
                                                  const QList<Repository> &repositories, const QStringList &paths)
{
    Result<QJsonObject> object = parseObject(body, where);
    if (!object.ok()) {
        return object.error();
    }
    const QJsonValue data = object->value("data"_L1);
    const QJsonArray errors = object->value("errors"_L1).toArray();
    if (!data.isObject()) {
        const QJsonObject first = errors.first().toObject();
        Error e = makeError(Error::Code::Http, tr("GitHub's GraphQL API refused the query for descriptors"),
                            first.isEmpty() ? u"an answer without data"_s
                                            : u"%1 (%2)"_s.arg(str(first, "message"_L1), str(first, "type"_L1)));
        e.file = where;
        return e;
    }
    QList<GraphQlRepository> out;
    out.reserve(repositories.size());
    for (qsizetype r = 0; r < repositories.size(); ++r) {
        const Repository &repo = repositories[r];
        const QJsonValue node = data.toObject().value(u"r%1"_s.arg(r));
        GraphQlRepository result;
        result.resolved = node.isObject();
        if (result.resolved) {
            const QString branch = repo.defaultBranch.isEmpty() ? u"HEAD"_s : repo.defaultBranch;
            for (qsizetype f = 0; f < paths.size(); ++f) {
                const QJsonValue blob = node.toObject().value(u"f%1"_s.arg(f));
                GraphQlFile file;
                if (blob.isObject()) {
                    const QJsonObject b = blob.toObject();
                    const QJsonValue text = b.value("text"_L1);
                    if (!b.contains("oid"_L1)) {
                        file.state = GraphQlFile::State::Unreadable; // not a Blob: a tree or a submodule there
                    } else if (b.value("isTruncated"_L1).toBool() || b.value("isBinary"_L1).toBool()
                               || !text.isString()) {
                        file.state = GraphQlFile::State::Unreadable;
                    } else {
                        file.state = GraphQlFile::State::Found;
                        file.file.path = paths[f];
                        file.file.sha = str(b, "oid"_L1);
                        file.file.htmlUrl = u"%1/blob/%2/%3"_s.arg(repo.htmlUrl, branch, paths[f]);
                        file.file.data = text.toString().toUtf8();
                    }
                }
                result.files.append(file);
            }
        }
        out.append(std::move(result));
    }
    return out;
}

Result<ContentFile> parseContent(const QByteArray &body, const QString &where)
{
    Result<QJsonDocument> doc = parseJson(body, where);
    if (!doc.ok()) {
        return doc.error();
    }
    if (!doc->isObject() || doc->object().value("type"_L1).toString() != u"file"_s) {
        Error e = makeError(Error::Code::Parse, tr("%1 is not a file").arg(where));
        e.file = where;
        return e;
    }
    const QJsonObject o = doc->object();
    ContentFile f;
    f.path = str(o, "path"_L1);
    f.sha = str(o, "sha"_L1);
    f.htmlUrl = str(o, "html_url"_L1);
    const QString encoding = str(o, "encoding"_L1);
    const QByteArray content = o.value("content"_L1).toString().toLatin1();
    if (encoding == u"base64"_s) {
        // GitHub wraps the base64 text with newlines (GitHub's documentation example even with escaped ones).
        QByteArray text = content;
        text.replace("\\n", QByteArray()).replace('\n', QByteArray());
        const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            return parseError(where, u"the base64 content does not decode"_s);
        }
        f.data = *decoded;
    } else if (encoding.isEmpty() || encoding == u"none"_s) {
        // Files over 1 MB come without content (encoding "none"); a descriptor that large is not one.
        Error e =
            makeError(Error::Code::TooLarge, tr("%1 is too large to be read through the contents API").arg(where));
        e.file = f.htmlUrl.isEmpty() ? where : f.htmlUrl;
        return e;
    } else {
        return parseError(where, u"unknown content encoding \"%1\""_s.arg(encoding));
    }
    return f;
}

QByteArray absolutePlaceholders(const QByteArray &data, const QString &baseUrl)
{
    // `$text: ./openapi.yaml`, `{$json: "x.json"}`: the value up to a quote, space, comma, brace or comment.
    static const QRegularExpression placeholder(uR"((\$(?:text|json|yaml)\s*:\s*)(["']?)([^"'\s,#}\]]+)(["']?))"_s);
    const QString text = QString::fromUtf8(data);
    QString out;
    qsizetype last = 0;
    bool changed = false;
    QRegularExpressionMatchIterator it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString target = m.captured(3);
        if (target.contains(u"://"_s)) {
            continue;
        }
        const QUrl base(baseUrl.endsWith(u'/') ? baseUrl : baseUrl + u'/');
        QString resolved = base.resolved(QUrl(target.startsWith(u'/') ? target.mid(1) : target)).toString();
        if (target.startsWith(u'/')) {
            // Absolute paths mean the repository root, never this machine.
            const qsizetype blob = baseUrl.indexOf(u"/blob/"_s);
            const qsizetype rootEnd = blob < 0 ? -1 : baseUrl.indexOf(u'/', blob + 6);
            resolved = rootEnd < 0 ? resolved : baseUrl.left(rootEnd) + target;
        }
        out += QStringView(text).mid(last, m.capturedStart(3) - last);
        out += resolved;
        last = m.capturedEnd(3);
        changed = true;
    }
    if (!changed) {
        return data;
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

Descriptors readDescriptors(const ContentFile &file, const Repository &repository, const QString &webUrl,
                            const QString &sourceId)
{
    Descriptors out;
    const QString branch = repository.defaultBranch.isEmpty() ? u"HEAD"_s : repository.defaultBranch;
    const QString fileUrl = !file.htmlUrl.isEmpty()
                                ? file.htmlUrl
                                : u"%1/%2/blob/%3/%4"_s.arg(webUrl, repository.fullName, branch, file.path);
    const QString folderUrl = fileUrl.left(fileUrl.lastIndexOf(u'/') + 1);
    const QByteArray data = absolutePlaceholders(file.data, folderUrl);
    ReadOptions options;
    options.maxSubstitutionDepth = 0; // placeholders of a remote file never read this machine's files
    FileReadResult read = DescriptorReader::readData(data, fileUrl, options);
    out.problems += read.problems;
    const QString folder = file.path.contains(u'/') ? file.path.left(file.path.lastIndexOf(u'/') + 1) : QString();
    for (ParsedDocument &doc : read.documents) {
        const ErrorList errors = Validator::validate(doc);
        out.problems += errors;
        if (std::any_of(errors.cbegin(), errors.cend(), [](const Error &e) { return e.isError(); })) {
            continue;
        }
        Entity entity = Entity::fromEnvelope(doc.root);
        entity.raw = std::move(doc.raw);
        entity.origin.sourceId = sourceId;
        entity.origin.file = fileUrl;
        entity.origin.line = doc.start.line;
        entity.origin.column = doc.start.column;
        entity.origin.revision = file.sha;
        if (entity.kind == u"Location"_s) {
            QStringList targets = entity.specStringList("targets"_L1);
            const QString single = entity.specString("target"_L1);
            if (!single.isEmpty()) {
                targets.prepend(single);
            }
            for (const QString &target : targets) {
                const auto warn = [&](const QString &message) {
                    Error e = makeError(Error::Code::Unsupported, message);
                    e.severity = Error::Severity::Warning;
                    e.file = fileUrl;
                    e.line = doc.start.line;
                    e.entityRef = entity.refString();
                    e.field = single.isEmpty() ? u"spec.targets"_s : u"spec.target"_s;
                    out.problems.append(e);
                };
                if (target.contains(u"://"_s)) {
                    warn(tr("Location target %1 is a URL; a GitHub source follows only relative targets in the "
                            "same repository")
                             .arg(target));
                } else if (target.contains(u'*') || target.contains(u'?')) {
                    warn(tr("Location target %1 is a glob; a GitHub source follows only file paths").arg(target));
                } else {
                    const QString resolved =
                        QUrl(u"file:///"_s + folder).resolved(QUrl(target)).path().mid(1); // "a/../b" -> "b"
                    if (!resolved.isEmpty() && !out.locationPaths.contains(resolved)) {
                        out.locationPaths.append(resolved);
                    }
                }
            }
        }
        out.entities.push_back(std::move(entity));
    }
    return out;
}

QString sanitizeEntityName(QStringView name)
{
    QString out;
    out.reserve(name.size());
    bool pendingSeparator = false;
    QChar separator;
    for (const QChar c : name) {
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        if (alnum) {
            if (pendingSeparator && !out.isEmpty()) {
                out += separator;
            }
            pendingSeparator = false;
            out += c;
        } else if (!pendingSeparator) {
            pendingSeparator = true;
            separator = (c == u'_' || c == u'.') ? c : u'-';
        }
    }
    if (out.size() > 63) {
        out.truncate(63);
        while (!out.isEmpty() && !out.back().isLetterOrNumber()) {
            out.chop(1);
        }
    }
    return out;
}

QString codeownersOwner(const QByteArray &text)
{
    for (const QByteArray &rawLine : text.split('\n')) {
        const qsizetype hash = rawLine.indexOf('#');
        const QByteArray line = (hash >= 0 ? rawLine.left(hash) : rawLine).simplified();
        if (line.isEmpty()) {
            continue;
        }
        const QList<QByteArray> parts = line.split(' ');
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QString owner = QString::fromUtf8(parts[i]);
            if (!owner.startsWith(u'@')) {
                continue; // an e-mail address
            }
            const QString handle = owner.mid(1);
            const qsizetype slash = handle.indexOf(u'/');
            const QString name = sanitizeEntityName(slash >= 0 ? QStringView(handle).mid(slash + 1) : handle);
            if (!name.isEmpty()) {
                return (slash >= 0 ? u"group:"_s : u"user:"_s) + name.toLower();
            }
        }
    }
    return {};
}

Result<Entity> repositoryComponent(const Repository &repository, const QString &owner, const QString &sourceId)
{
    const QString name = sanitizeEntityName(repository.name);
    QCborMap metadata;
    metadata.insert("name"_L1, name);
    if (!repository.description.isEmpty()) {
        metadata.insert("description"_L1, repository.description);
    }
    QCborArray tags;
    for (const QString &topic : repository.topics) {
        if (Validator::isValidTag(topic)) {
            tags.append(topic);
        }
    }
    if (!tags.isEmpty()) {
        metadata.insert("tags"_L1, tags);
    }
    QCborMap annotations;
    annotations.insert("github.com/project-slug"_L1, repository.fullName);
    const QString branch = repository.defaultBranch.isEmpty() ? u"HEAD"_s : repository.defaultBranch;
    annotations.insert("backstage.io/source-location"_L1, u"url:%1/tree/%2/"_s.arg(repository.htmlUrl, branch));
    metadata.insert("annotations"_L1, annotations);
    QCborMap link;
    link.insert("url"_L1, repository.htmlUrl);
    link.insert("title"_L1, tr("Repository"));
    link.insert("icon"_L1, u"github"_s);
    metadata.insert("links"_L1, QCborArray{link});

    QCborMap spec;
    spec.insert("type"_L1, u"other"_s);
    spec.insert("lifecycle"_L1, repository.archived ? u"deprecated"_s : u"production"_s);
    spec.insert("owner"_L1, owner.isEmpty() ? u"group:"_s + sanitizeEntityName(repository.owner).toLower() : owner);

    QCborMap root;
    root.insert("apiVersion"_L1, u"backstage.io/v1alpha1"_s);
    root.insert("kind"_L1, u"Component"_s);
    root.insert("metadata"_L1, metadata);
    root.insert("spec"_L1, spec);

    ParsedDocument doc;
    doc.root = root;
    doc.file = repository.htmlUrl;
    doc.raw = QJsonDocument(root.toJsonObject()).toJson(QJsonDocument::Indented);
    const ErrorList errors = Validator::validate(doc);
    for (const Error &e : errors) {
        if (e.isError()) {
            Error out = e;
            out.message = tr("The repository %1 cannot become a Component: %2").arg(repository.fullName, e.message);
            return out;
        }
    }
    Entity entity = Entity::fromEnvelope(root);
    entity.raw = std::move(doc.raw);
    entity.origin.sourceId = sourceId;
    entity.origin.file = repository.htmlUrl;
    entity.origin.revision = repository.pushedAt.isValid() ? repository.pushedAt.toString(Qt::ISODate) : QString();
    return entity;
}

Result<QList<WorkflowRun>> parseRuns(const QByteArray &body, const QString &where)
{
    Result<QJsonArray> array = parseWrappedArray(body, where, "workflow_runs"_L1);
    if (!array.ok()) {
        return array.error();
    }
    QList<WorkflowRun> runs;
    for (const QJsonValue &v : array.value()) {
        const QJsonObject o = v.toObject();
        WorkflowRun r;
        r.id = qint64(o.value("id"_L1).toDouble());
        r.workflow = str(o, "name"_L1);
        r.title = str(o, "display_title"_L1);
        r.branch = str(o, "head_branch"_L1);
        r.event = str(o, "event"_L1);
        r.status = str(o, "status"_L1);
        r.conclusion = str(o, "conclusion"_L1);
        r.url = str(o, "html_url"_L1);
        r.sha = str(o, "head_sha"_L1);
        r.actor = login(o, "actor"_L1);
        r.runNumber = o.value("run_number"_L1).toInt();
        r.attempt = o.value("run_attempt"_L1).toInt(1);
        r.startedAt = parseTime(o.value("run_started_at"_L1));
        if (!r.startedAt.isValid()) {
            r.startedAt = parseTime(o.value("created_at"_L1));
        }
        r.updatedAt = parseTime(o.value("updated_at"_L1));
        // The workflow's id tells two workflows of the same name apart.
        if (r.workflow.isEmpty()) {
            r.workflow = str(o, "path"_L1);
        }
        runs.append(std::move(r));
    }
    return runs;
}

QList<WorkflowRun> latestPerWorkflowAndBranch(const QList<WorkflowRun> &runs)
{
    QList<WorkflowRun> sorted = runs;
    std::stable_sort(sorted.begin(), sorted.end(), [](const WorkflowRun &a, const WorkflowRun &b) {
        if (a.startedAt != b.startedAt) {
            return a.startedAt > b.startedAt;
        }
        return a.id > b.id;
    });
    QSet<QString> seen;
    QList<WorkflowRun> out;
    for (const WorkflowRun &r : sorted) {
        const QString key = r.workflow + u'\n' + r.branch;
        if (!seen.contains(key)) {
            seen.insert(key);
            out.append(r);
        }
    }
    return out;
}

Result<QList<PullRequest>> parsePulls(const QByteArray &body, const QString &where)
{
    Result<QJsonArray> array = parseArray(body, where);
    if (!array.ok()) {
        return array.error();
    }
    QList<PullRequest> out;
    for (const QJsonValue &v : array.value()) {
        const QJsonObject o = v.toObject();
        PullRequest p;
        p.info.number = o.value("number"_L1).toInt();
        p.info.title = str(o, "title"_L1);
        p.info.author = login(o, "user"_L1);
        p.info.url = str(o, "html_url"_L1);
        p.info.base = o.value("base"_L1).toObject().value("ref"_L1).toString();
        p.info.head = o.value("head"_L1).toObject().value("ref"_L1).toString();
        p.headSha = o.value("head"_L1).toObject().value("sha"_L1).toString();
        p.info.draft = o.value("draft"_L1).toBool();
        for (const QJsonValue &l : o.value("labels"_L1).toArray()) {
            p.info.labels.append(l.toObject().value("name"_L1).toString());
        }
        for (const QJsonValue &r : o.value("requested_reviewers"_L1).toArray()) {
            p.info.reviewers.append(r.toObject().value("login"_L1).toString());
        }
        for (const QJsonValue &t : o.value("requested_teams"_L1).toArray()) {
            p.info.reviewers.append(t.toObject().value("slug"_L1).toString());
        }
        p.info.createdAt = parseTime(o.value("created_at"_L1));
        p.info.updatedAt = parseTime(o.value("updated_at"_L1));
        out.append(std::move(p));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const PullRequest &a, const PullRequest &b) { return a.info.createdAt > b.info.createdAt; });
    return out;
}

Result<QString> reviewState(const QByteArray &body, const QString &where)
{
    Result<QJsonArray> array = parseArray(body, where);
    if (!array.ok()) {
        return array.error();
    }
    // Reviews come oldest first; a later decisive review of the same reviewer replaces the earlier one.
    QHash<QString, QString> decisive;
    bool commented = false;
    for (const QJsonValue &v : array.value()) {
        const QJsonObject o = v.toObject();
        const QString reviewer = login(o, "user"_L1);
        const QString state = str(o, "state"_L1).toUpper();
        if (state == u"APPROVED"_s || state == u"CHANGES_REQUESTED"_s) {
            decisive.insert(reviewer, state);
        } else if (state == u"DISMISSED"_s) {
            decisive.remove(reviewer);
        } else if (state == u"COMMENTED"_s) {
            commented = true;
        }
    }
    bool approved = false;
    for (const QString &state : std::as_const(decisive)) {
        if (state == u"CHANGES_REQUESTED"_s) {
            return u"changes_requested"_s;
        }
        approved = true;
    }
    if (approved) {
        return u"approved"_s;
    }
    return commented ? u"commented"_s : u"review_required"_s;
}

Result<QString> checkRunsState(const QByteArray &body, const QString &where)
{
    Result<QJsonArray> array = parseWrappedArray(body, where, "check_runs"_L1);
    if (!array.ok()) {
        return array.error();
    }
    if (array->isEmpty()) {
        return QString();
    }
    static const QSet<QString> failed = {u"failure"_s, u"timed_out"_s, u"cancelled"_s, u"action_required"_s,
                                         u"startup_failure"_s};
    bool pending = false;
    for (const QJsonValue &v : array.value()) {
        const QJsonObject o = v.toObject();
        if (str(o, "status"_L1) != u"completed"_s) {
            pending = true;
        } else if (failed.contains(str(o, "conclusion"_L1))) {
            return u"failure"_s;
        }
    }
    return pending ? u"pending"_s : u"success"_s;
}

Result<QString> combinedStatusState(const QByteArray &body, const QString &where)
{
    Result<QJsonObject> object = parseObject(body, where);
    if (!object.ok()) {
        return object.error();
    }
    if (object->value("statuses"_L1).toArray().isEmpty()) {
        return QString(); // GitHub says "pending" for a commit nobody reported on
    }
    const QString state = str(object.value(), "state"_L1);
    if (state == u"error"_s || state == u"failure"_s) {
        return u"failure"_s;
    }
    return state == u"success"_s ? u"success"_s : u"pending"_s;
}

Result<QList<ReleaseInfo>> parseReleases(const QByteArray &body, const QString &where)
{
    Result<QJsonArray> array = parseArray(body, where);
    if (!array.ok()) {
        return array.error();
    }
    QList<ReleaseInfo> out;
    for (const QJsonValue &v : array.value()) {
        const QJsonObject o = v.toObject();
        ReleaseInfo r;
        r.tag = str(o, "tag_name"_L1);
        r.name = str(o, "name"_L1);
        r.url = str(o, "html_url"_L1);
        r.author = login(o, "author"_L1);
        r.prerelease = o.value("prerelease"_L1).toBool();
        r.draft = o.value("draft"_L1).toBool();
        r.publishedAt = parseTime(o.value("published_at"_L1));
        if (!r.publishedAt.isValid()) {
            r.publishedAt = parseTime(o.value("created_at"_L1));
        }
        out.append(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ReleaseInfo &a, const ReleaseInfo &b) { return a.publishedAt > b.publishedAt; });
    if (out.size() > 10) {
        out.resize(10);
    }
    return out;
}

Result<QStringList> parseEnvironments(const QByteArray &body, const QString &where)
{
    Result<QJsonArray> array = parseWrappedArray(body, where, "environments"_L1);
    if (!array.ok()) {
        return array.error();
    }
    QStringList out;
    for (const QJsonValue &v : array.value()) {
        out.append(v.toObject().value("name"_L1).toString());
    }
    return out;
}

Result<QList<DeploymentInfo>> parseDeployments(const QByteArray &body, const QString &where)
{
    Result<QJsonArray> array = parseArray(body, where);
    if (!array.ok()) {
        return array.error();
    }
    QList<DeploymentInfo> all;
    for (const QJsonValue &v : array.value()) {
        const QJsonObject o = v.toObject();
        DeploymentInfo d;
        d.id = qint64(o.value("id"_L1).toDouble());
        d.environment = str(o, "environment"_L1);
        d.ref = str(o, "ref"_L1);
        d.sha = str(o, "sha"_L1);
        d.task = str(o, "task"_L1);
        d.description = str(o, "description"_L1);
        d.creator = login(o, "creator"_L1);
        d.createdAt = parseTime(o.value("created_at"_L1));
        d.updatedAt = parseTime(o.value("updated_at"_L1));
        all.append(std::move(d));
    }
    std::stable_sort(all.begin(), all.end(), [](const DeploymentInfo &a, const DeploymentInfo &b) {
        return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
    });
    QSet<QString> seen;
    QList<DeploymentInfo> out;
    for (const DeploymentInfo &d : all) {
        if (!seen.contains(d.environment)) {
            seen.insert(d.environment);
            out.append(d);
        }
    }
    return out;
}

Result<void> applyDeploymentStatus(DeploymentInfo &deployment, const QByteArray &body, const QString &where)
{
    Result<QJsonArray> array = parseArray(body, where);
    if (!array.ok()) {
        return array.error();
    }
    if (array->isEmpty()) {
        return {};
    }
    const QJsonObject o = array->first().toObject();
    deployment.state = str(o, "state"_L1);
    if (const QString description = str(o, "description"_L1); !description.isEmpty()) {
        deployment.description = description;
    }
    deployment.url = str(o, "environment_url"_L1);
    if (deployment.url.isEmpty()) {
        deployment.url = str(o, "log_url"_L1);
    }
    if (deployment.url.isEmpty()) {
        deployment.url = str(o, "target_url"_L1);
    }
    if (const QDateTime updated = parseTime(o.value("updated_at"_L1)); updated.isValid()) {
        deployment.updatedAt = updated;
    }
    return {};
}

SourceQuota quotaFrom(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    SourceQuota q;
    const auto value = [&headers](const char *name) -> QByteArray {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
                return h.second.trimmed();
            }
        }
        return {};
    };
    bool ok = false;
    const int limit = value("x-ratelimit-limit").toInt(&ok);
    if (!ok) {
        return q;
    }
    q.limit = limit;
    q.remaining = value("x-ratelimit-remaining").toInt(&ok);
    if (!ok) {
        q.remaining = -1;
    }
    q.used = value("x-ratelimit-used").toInt(&ok);
    if (!ok) {
        q.used = q.remaining >= 0 ? limit - q.remaining : -1;
    }
    qint64 reset = value("x-ratelimit-reset").toLongLong(&ok);
    if (ok) {
        if (reset > 100'000'000'000LL) {
            reset /= 1000; // milliseconds, as octokit's normalised recordings have it
        }
        q.reset = QDateTime::fromSecsSinceEpoch(reset, Qt::UTC);
    }
    q.resource = QString::fromLatin1(value("x-ratelimit-resource"));
    return q;
}

} // namespace Portolan::Core::GitHubMapper
