#include "BackstageMapper.h"
#include "net/UrlText.h"

#include "catalog/ParsedDocument.h"
#include "catalog/Validator.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Portolan::Core::BackstageMapper {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BackstageMapper", text);
}

Result<QJsonObject> parseObject(const QByteArray &body, const QString &where, const QString &expected)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Error e = makeError(Error::Code::Parse, tr("The answer from %1 is not JSON").arg(where),
                            tr("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
        return e;
    }
    if (!doc.isObject()) {
        return makeError(Error::Code::Parse, tr("The answer from %1 is not %2").arg(where, expected));
    }
    return doc.object();
}

QString pathPart(const QString &part)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(part));
}

} // namespace

Result<QueryPage> parseQueryPage(const QByteArray &body, const QString &where)
{
    const QString expected = tr("a Backstage entity page (items, totalItems, pageInfo)");
    Result<QJsonObject> object = parseObject(body, where, expected);
    if (!object.ok()) {
        return object.error();
    }
    const QJsonObject &o = object.value();
    const QJsonValue items = o.value("items"_L1);
    const QJsonValue total = o.value("totalItems"_L1);
    const QJsonValue pageInfo = o.value("pageInfo"_L1);
    if (!items.isArray() || !total.isDouble() || !pageInfo.isObject()) {
        return makeError(Error::Code::Parse, tr("The answer from %1 is not %2").arg(where, expected),
                         QString::fromUtf8(body.left(300)));
    }
    QueryPage page;
    page.items = items.toArray();
    page.totalItems = qint64(total.toDouble());
    const QJsonValue next = pageInfo.toObject().value("nextCursor"_L1);
    if (!next.isUndefined() && !next.isNull() && !next.isString()) {
        return makeError(Error::Code::Parse, tr("The answer from %1 is not %2").arg(where, expected),
                         tr("pageInfo.nextCursor is not a string"));
    }
    page.nextCursor = next.toString();
    return page;
}

Result<QJsonObject> parseEntity(const QByteArray &body, const QString &where)
{
    return parseObject(body, where, tr("a Backstage entity"));
}

QString entityPageUrl(const QString &appUrl, const QString &kind, const QString &ns, const QString &name)
{
    return baseUrlText(appUrl) + u"/catalog/"_s + pathPart(ns.isEmpty() ? defaultNamespaceString() : ns) + u'/'
           + pathPart(kind.toLower()) + u'/' + pathPart(name);
}

QString byNamePath(const Entity &entity)
{
    return u"/api/catalog/entities/by-name/"_s + pathPart(entity.kind) + u'/' + pathPart(entity.ns) + u'/'
           + pathPart(entity.name);
}

QJsonObject withoutServerFields(const QJsonObject &item)
{
    QJsonObject out = item;
    out.remove("relations"_L1);
    QJsonObject metadata = out.value("metadata"_L1).toObject();
    if (out.value("metadata"_L1).isObject()) {
        metadata.remove("uid"_L1);
        metadata.remove("etag"_L1);
        metadata.remove("generation"_L1);
        out.insert("metadata"_L1, metadata);
    }
    return out;
}

Mapped mapEntity(const QJsonValue &item, const QString &appUrl, const QString &sourceId)
{
    Mapped mapped;
    if (!item.isObject()) {
        Error e = makeError(Error::Code::Parse, tr("An item of the catalog's answer is not an entity object"));
        e.file = baseUrlText(appUrl) + u"/catalog"_s;
        mapped.problems.append(e);
        return mapped;
    }
    const QJsonObject cleaned = withoutServerFields(item.toObject());
    const QJsonObject metadata = cleaned.value("metadata"_L1).toObject();
    const QString kind = cleaned.value("kind"_L1).toString();
    const QString name = metadata.value("name"_L1).toString();
    const QString ns = metadata.value("namespace"_L1).toString();

    ParsedDocument doc;
    doc.root = QCborMap::fromJsonObject(cleaned);
    doc.raw = QJsonDocument(cleaned).toJson(QJsonDocument::Indented);
    doc.file =
        kind.isEmpty() || name.isEmpty() ? baseUrlText(appUrl) + u"/catalog"_s : entityPageUrl(appUrl, kind, ns, name);
    const ErrorList errors = Validator::validate(doc);
    mapped.problems = errors;
    if (std::any_of(errors.cbegin(), errors.cend(), [](const Error &e) { return e.isError(); })) {
        return mapped;
    }
    Entity entity = Entity::fromEnvelope(doc.root);
    entity.raw = std::move(doc.raw);
    entity.origin.sourceId = sourceId;
    entity.origin.file = doc.file;
    mapped.entity = std::move(entity);
    return mapped;
}

} // namespace Portolan::Core::BackstageMapper
