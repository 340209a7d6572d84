#include "BackstageTestServer.h"

#include "TestSupport.h"
#include "catalog/DescriptorReader.h"
#include "catalog/Validator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTcpSocket>
#include <QUuid>

namespace Portolan::Test {

namespace {

const QString byQueryPath = QStringLiteral("/api/catalog/entities/by-query");

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString kindOf(const QJsonObject &e)
{
    return str(e, "kind");
}

QString nameOf(const QJsonObject &e)
{
    return str(e.value(QLatin1String("metadata")).toObject(), "name");
}

QString namespaceOf(const QJsonObject &e)
{
    const QString ns = str(e.value(QLatin1String("metadata")).toObject(), "namespace");
    return ns.isEmpty() ? QStringLiteral("default") : ns;
}

bool sameEntity(const QJsonObject &e, const QString &kind, const QString &ns, const QString &name)
{
    return kindOf(e).compare(kind, Qt::CaseInsensitive) == 0 && namespaceOf(e).compare(ns, Qt::CaseInsensitive) == 0
           && nameOf(e).compare(name, Qt::CaseInsensitive) == 0;
}

// "owner" of a spec as a full reference, with Backstage's defaults (kind group, the entity's namespace).
QString fullRef(const QString &ref, const QString &defaultKind, const QString &defaultNs)
{
    QString kind = defaultKind;
    QString rest = ref;
    if (const qsizetype colon = rest.indexOf(QLatin1Char(':')); colon > 0) {
        kind = rest.left(colon);
        rest = rest.mid(colon + 1);
    }
    QString ns = defaultNs;
    if (const qsizetype slash = rest.indexOf(QLatin1Char('/')); slash > 0) {
        ns = rest.left(slash);
        rest = rest.mid(slash + 1);
    }
    return kind.toLower() + QLatin1Char(':') + ns.toLower() + QLatin1Char('/') + rest;
}

QJsonValue valueAt(const QJsonValue &root, QStringList parts)
{
    QJsonValue current = root;
    while (!parts.isEmpty()) {
        if (!current.isObject()) {
            return {};
        }
        const QJsonObject o = current.toObject();
        // Keys may contain dots themselves (metadata.annotations.backstage.io/orphan): the longest key that exists.
        bool found = false;
        for (qsizetype n = parts.size(); n >= 1; --n) {
            const QString key = parts.mid(0, n).join(QLatin1Char('.'));
            if (o.contains(key)) {
                current = o.value(key);
                parts = parts.mid(n);
                found = true;
                break;
            }
        }
        if (!found) {
            return {};
        }
    }
    return current;
}

// Backstage's filter: conditions "key=value" joined by commas must all hold; several filters are alternatives.
bool matchesFilters(const QJsonObject &entity, const QStringList &filters)
{
    if (filters.isEmpty()) {
        return true;
    }
    for (const QString &filter : filters) {
        bool all = true;
        for (const QString &condition : filter.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const qsizetype eq = condition.indexOf(QLatin1Char('='));
            const QString key = (eq == -1 ? condition : condition.left(eq)).trimmed();
            const QJsonValue value = valueAt(entity, key.split(QLatin1Char('.')));
            if (eq == -1) {
                all = all && !value.isUndefined();
                continue;
            }
            const QString wanted = condition.mid(eq + 1).trimmed();
            bool match = false;
            if (value.isArray()) {
                for (const QJsonValue &v : value.toArray()) {
                    match = match || v.toVariant().toString().compare(wanted, Qt::CaseInsensitive) == 0;
                }
            } else if (!value.isUndefined() && !value.isNull()) {
                match = value.toVariant().toString().compare(wanted, Qt::CaseInsensitive) == 0;
            }
            all = all && match;
        }
        if (all) {
            return true;
        }
    }
    return false;
}

// An opaque cursor, as Backstage's: the query it continues (filter) and the position, base64url-encoded JSON.
QString encodeCursor(qsizetype offset, const QStringList &filters)
{
    const QJsonObject cursor{{QStringLiteral("offset"), qint64(offset)},
                             {QStringLiteral("filter"), QJsonArray::fromStringList(filters)}};
    return QString::fromLatin1(
        QJsonDocument(cursor).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding));
}

bool decodeCursor(const QString &text, qsizetype *offset, QStringList *filters)
{
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::Base64UrlEncoding
                                                                             | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return false;
    }
    const QJsonObject cursor = QJsonDocument::fromJson(*decoded).object();
    if (!cursor.value(QStringLiteral("offset")).isDouble()) {
        return false;
    }
    *offset = qsizetype(cursor.value(QStringLiteral("offset")).toDouble());
    filters->clear();
    for (const QJsonValue &f : cursor.value(QStringLiteral("filter")).toArray()) {
        filters->append(f.toString());
    }
    return true;
}

QJsonObject withIdentity(QJsonObject entity)
{
    QJsonObject metadata = entity.value(QStringLiteral("metadata")).toObject();
    const QString ref = BackstageTestServer::refOf(entity);
    static const QUuid space = QUuid::fromString(QStringLiteral("{6ba7b811-9dad-11d1-80b4-00c04fd430c8}"));
    metadata.insert(QStringLiteral("uid"), QUuid::createUuidV5(space, ref).toString(QUuid::WithoutBraces));
    metadata.insert(QStringLiteral("etag"),
                    QString::fromLatin1(QCryptographicHash::hash(ref.toUtf8(), QCryptographicHash::Sha1).toHex()));
    entity.insert(QStringLiteral("metadata"), metadata);
    return entity;
}

} // namespace

BackstageTestServer::BackstageTestServer(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QHttpServer>())
{
    m_server->route(byQueryPath, [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        byQuery(request, std::move(responder));
    });
    m_server->route(QStringLiteral("/api/catalog/entities/by-name/<arg>/<arg>/<arg>"),
                    [this](const QString &, const QString &, const QString &, const QHttpServerRequest &request,
                           QHttpServerResponder &&responder) { byName(request, std::move(responder)); });
    m_server->route(QStringLiteral("/api/catalog/refresh"), QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        refresh(request, std::move(responder));
                    });
}

BackstageTestServer::~BackstageTestServer() = default;

bool BackstageTestServer::listen()
{
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

QString BackstageTestServer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

void BackstageTestServer::setToken(const QString &token)
{
    m_token = token;
}

void BackstageTestServer::setEntities(QList<QJsonObject> entities)
{
    m_entities = std::move(entities);
}

bool BackstageTestServer::replaceEntity(const QJsonObject &entity)
{
    for (QJsonObject &e : m_entities) {
        if (sameEntity(e, kindOf(entity), namespaceOf(entity), nameOf(entity))) {
            e = entity;
            return true;
        }
    }
    return false;
}

bool BackstageTestServer::removeEntity(const QString &kind, const QString &ns, const QString &name)
{
    return m_entities.removeIf([&](const QJsonObject &e) { return sameEntity(e, kind, ns, name); }) > 0;
}

void BackstageTestServer::injectFault(const Fault &fault)
{
    m_faults.append(fault);
}

QList<BackstageTestServer::Request> BackstageTestServer::requests(const QString &path) const
{
    QList<Request> out;
    for (const Request &r : m_requests) {
        if (r.path.startsWith(path)) {
            out.append(r);
        }
    }
    return out;
}

QString BackstageTestServer::refOf(const QJsonObject &entity)
{
    return kindOf(entity).toLower() + QLatin1Char(':') + namespaceOf(entity).toLower() + QLatin1Char('/')
           + nameOf(entity);
}

QJsonObject BackstageTestServer::withoutServerFields(const QJsonObject &entity)
{
    QJsonObject out = entity;
    out.remove(QStringLiteral("relations"));
    QJsonObject metadata = out.value(QStringLiteral("metadata")).toObject();
    metadata.remove(QStringLiteral("uid"));
    metadata.remove(QStringLiteral("etag"));
    metadata.remove(QStringLiteral("generation"));
    out.insert(QStringLiteral("metadata"), metadata);
    return out;
}

QList<QJsonObject> BackstageTestServer::exampleEntities()
{
    static const QList<QJsonObject> examples = [] {
        const QString root = corpusPath(QStringLiteral("backstage/packages/catalog-model/examples"));
        QStringList files;
        QDirIterator it(root, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            files.append(it.next());
        }
        files.sort();
        QList<QJsonObject> out;
        QSet<QString> seen;
        for (const QString &file : std::as_const(files)) {
            if (QFileInfo(file).fileName().startsWith(QLatin1String("INVALID-"))) {
                continue; // kept in the corpus for negative tests
            }
            const Core::FileReadResult read = Core::DescriptorReader::readFile(file);
            for (const Core::ParsedDocument &doc : read.documents) {
                if (!doc.root.contains(QLatin1String("kind")) || !doc.root.contains(QLatin1String("apiVersion"))) {
                    continue; // an OpenAPI or AsyncAPI document beside the entities
                }
                const Core::ErrorList errors = Core::Validator::validate(doc);
                if (std::any_of(errors.cbegin(), errors.cend(), [](const Core::Error &e) { return e.isError(); })) {
                    continue; // Backstage would not have accepted it either
                }
                QJsonObject entity = doc.root.toJsonObject();
                QJsonObject metadata = entity.value(QStringLiteral("metadata")).toObject();
                if (!metadata.contains(QStringLiteral("namespace"))) {
                    metadata.insert(QStringLiteral("namespace"), QStringLiteral("default"));
                }
                // What the catalog's processing adds to every entity it serves.
                QJsonObject annotations = metadata.value(QStringLiteral("annotations")).toObject();
                const QString location =
                    QStringLiteral("url:https://github.com/backstage/backstage/blob/master/packages/catalog-model/"
                                   "examples/")
                    + QDir(root).relativeFilePath(file);
                annotations.insert(QStringLiteral("backstage.io/managed-by-location"), location);
                annotations.insert(QStringLiteral("backstage.io/managed-by-origin-location"), location);
                metadata.insert(QStringLiteral("annotations"), annotations);
                entity.insert(QStringLiteral("metadata"), metadata);
                QJsonArray relations;
                const QJsonObject spec = entity.value(QStringLiteral("spec")).toObject();
                const QString ns = namespaceOf(entity);
                if (spec.value(QStringLiteral("owner")).isString()) {
                    relations.append(QJsonObject{
                        {QStringLiteral("type"), QStringLiteral("ownedBy")},
                        {QStringLiteral("targetRef"),
                         fullRef(spec.value(QStringLiteral("owner")).toString(), QStringLiteral("group"), ns)}});
                }
                if (spec.value(QStringLiteral("system")).isString()) {
                    relations.append(QJsonObject{
                        {QStringLiteral("type"), QStringLiteral("partOf")},
                        {QStringLiteral("targetRef"),
                         fullRef(spec.value(QStringLiteral("system")).toString(), QStringLiteral("system"), ns)}});
                }
                entity.insert(QStringLiteral("relations"), relations);
                entity = withIdentity(entity);
                if (seen.contains(refOf(entity).toLower())) {
                    continue;
                }
                seen.insert(refOf(entity).toLower());
                out.append(entity);
            }
        }
        return out;
    }();
    return examples;
}

QList<QJsonObject> BackstageTestServer::replicate(const QList<QJsonObject> &examples, int count)
{
    QList<QJsonObject> out;
    QSet<QString> seen;
    for (const QJsonObject &e : examples) {
        seen.insert(refOf(e).toLower());
    }
    for (int copy = 1; out.size() < count && !examples.isEmpty(); ++copy) {
        for (const QJsonObject &example : examples) {
            if (out.size() >= count) {
                break;
            }
            if (copy == 1) {
                out.append(example);
                continue;
            }
            QJsonObject entity = example;
            QJsonObject metadata = entity.value(QStringLiteral("metadata")).toObject();
            const QString suffix = QStringLiteral("-%1").arg(copy);
            QString base = nameOf(example).left(63 - suffix.size());
            while (!base.isEmpty() && !base.back().isLetterOrNumber()) {
                base.chop(1);
            }
            metadata.insert(QStringLiteral("name"), QString(base + suffix));
            entity.insert(QStringLiteral("metadata"), metadata);
            entity = withIdentity(entity);
            const QString key = refOf(entity).toLower();
            if (seen.contains(key)) {
                continue;
            }
            seen.insert(key);
            out.append(entity);
        }
    }
    return out;
}

void BackstageTestServer::write(QHttpServerResponder &responder, int status, const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers, const Fault *fault)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(status));
    responder.writeHeader("Content-Type", "application/json; charset=utf-8");
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    for (const auto &h : headers) {
        responder.writeHeader(h.first, h.second);
    }
    if (!fault) {
        responder.writeBody(body);
        return;
    }
    responder.writeBody(body.left(body.size() / 2));
    if (fault->kind == Fault::Kind::CutOff) {
        responder.socket()->disconnectFromHost(); // after the half above is written
    }
}

void BackstageTestServer::writeError(QHttpServerResponder &responder, const QHttpServerRequest &request, int status,
                                     const QString &name, const QString &message, int retryAfter)
{
    // ErrorResponse in plugins/catalog-backend/src/schema/openapi.yaml.
    const QJsonObject body{
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("message"), message}}},
        {QStringLiteral("request"),
         QJsonObject{{QStringLiteral("method"), request.method() == QHttpServerRequest::Method::Post
                                                    ? QStringLiteral("POST")
                                                    : QStringLiteral("GET")},
                     {QStringLiteral("url"), request.url().toString(QUrl::RemoveScheme | QUrl::RemoveAuthority)}}},
        {QStringLiteral("response"), QJsonObject{{QStringLiteral("statusCode"), status}}}};
    QList<QPair<QByteArray, QByteArray>> headers;
    if (retryAfter >= 0) {
        headers.append({QByteArray("Retry-After"), QByteArray::number(retryAfter)});
    }
    write(responder, status, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

bool BackstageTestServer::intercept(const QHttpServerRequest &request, QHttpServerResponder &responder,
                                    std::optional<Fault> &pageFault)
{
    const QString path = request.url().path();
    m_requests.append({request.method() == QHttpServerRequest::Method::Post ? QByteArray("POST") : QByteArray("GET"),
                       path, request.query(), request.value("Authorization"), request.body()});
    if (!m_token.isEmpty()) {
        const QByteArray authorization = request.value("Authorization");
        if (authorization.isEmpty()) {
            writeError(responder, request, 401, QStringLiteral("AuthenticationError"),
                       QStringLiteral("Missing credentials"));
            return true;
        }
        if (authorization != "Bearer " + m_token.toUtf8()) {
            writeError(responder, request, 401, QStringLiteral("AuthenticationError"), QStringLiteral("Illegal token"));
            return true;
        }
    }
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &fault = m_faults[i];
        if (!path.startsWith(fault.path)) {
            continue;
        }
        if (fault.skip > 0) {
            --fault.skip;
            continue;
        }
        const Fault active = fault;
        if (fault.times > 0 && --fault.times == 0) {
            m_faults.removeAt(i);
        }
        if (active.kind == Fault::Kind::Status) {
            static const QHash<int, QString> names = {{400, QStringLiteral("InputError")},
                                                      {401, QStringLiteral("AuthenticationError")},
                                                      {403, QStringLiteral("NotAllowedError")},
                                                      {404, QStringLiteral("NotFoundError")},
                                                      {409, QStringLiteral("ConflictError")},
                                                      {429, QStringLiteral("TooManyRequests")},
                                                      {503, QStringLiteral("ServiceUnavailableError")}};
            writeError(responder, request, active.status, names.value(active.status, QStringLiteral("Error")),
                       QStringLiteral("Injected failure %1 for %2").arg(active.status).arg(path),
                       active.retryAfterSeconds);
            return true;
        }
        pageFault = active;
        return false;
    }
    return false;
}

void BackstageTestServer::byQuery(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    std::optional<Fault> fault;
    if (intercept(request, responder, fault)) {
        return;
    }
    const auto faulty = [&fault](Fault::Kind kind) { return fault && fault->kind == kind; };
    const QUrlQuery query = request.query();
    const QString cursorText = query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    qsizetype offset = 0;
    QStringList filters;
    if (!cursorText.isEmpty()) {
        // As in Backstage: the cursor holds the query; filters sent beside it are not used.
        if (!decodeCursor(cursorText, &offset, &filters)) {
            writeError(responder, request, 400, QStringLiteral("InputError"), QStringLiteral("Malformed cursor"));
            return;
        }
    } else {
        filters = query.allQueryItemValues(QStringLiteral("filter"), QUrl::FullyDecoded);
    }
    bool limitOk = false;
    const qsizetype limit = query.queryItemValue(QStringLiteral("limit")).toLongLong(&limitOk);

    QList<const QJsonObject *> matching;
    for (const QJsonObject &e : std::as_const(m_entities)) {
        if (matchesFilters(e, filters)) {
            matching.append(&e);
        }
    }
    const qsizetype end = limitOk && limit >= 0 ? std::min(matching.size(), offset + limit) : matching.size();
    QJsonArray items;
    if (!faulty(Fault::Kind::EmptyItems)) {
        for (qsizetype i = offset; i < end; ++i) {
            items.append(*matching[i]);
        }
    }
    QJsonObject pageInfo;
    if (end < matching.size()) {
        pageInfo.insert(QStringLiteral("nextCursor"), encodeCursor(end, filters));
    }
    if (offset > 0) {
        pageInfo.insert(QStringLiteral("prevCursor"),
                        encodeCursor(std::max<qsizetype>(0, offset - (limitOk ? limit : offset)), filters));
    }
    if (faulty(Fault::Kind::RepeatCursor)) {
        pageInfo.insert(QStringLiteral("nextCursor"), cursorText.isEmpty() ? encodeCursor(0, filters) : cursorText);
    }
    const QJsonObject page{{QStringLiteral("items"), items},
                           {QStringLiteral("totalItems"), qint64(matching.size())},
                           {QStringLiteral("pageInfo"), pageInfo}};
    const bool broken = faulty(Fault::Kind::CutOff) || faulty(Fault::Kind::Stall);
    write(responder, 200, QJsonDocument(page).toJson(QJsonDocument::Compact), {}, broken ? &*fault : nullptr);
}

void BackstageTestServer::byName(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    std::optional<Fault> fault;
    if (intercept(request, responder, fault)) {
        return;
    }
    const bool broken = fault && (fault->kind == Fault::Kind::CutOff || fault->kind == Fault::Kind::Stall);
    const QStringList parts = request.url().path(QUrl::FullyDecoded).split(QLatin1Char('/'));
    // /api/catalog/entities/by-name/{kind}/{namespace}/{name}
    const QString kind = parts.value(5);
    const QString ns = parts.value(6);
    const QString name = parts.value(7);
    for (const QJsonObject &e : std::as_const(m_entities)) {
        if (sameEntity(e, kind, ns, name)) {
            write(responder, 200, QJsonDocument(e).toJson(QJsonDocument::Compact), {}, broken ? &*fault : nullptr);
            return;
        }
    }
    writeError(responder, request, 404, QStringLiteral("NotFoundError"),
               QStringLiteral("No entity named '%1' found, with kind '%2' in namespace '%3'").arg(name, kind, ns));
}

void BackstageTestServer::refresh(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    std::optional<Fault> fault;
    if (intercept(request, responder, fault)) {
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    if (!body.value(QStringLiteral("entityRef")).isString()) {
        writeError(responder, request, 400, QStringLiteral("InputError"),
                   QStringLiteral("request/body must have required property 'entityRef'"));
        return;
    }
    write(responder, 200, QByteArray());
}

} // namespace Portolan::Test
