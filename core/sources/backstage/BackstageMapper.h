#pragma once

#include "model/Entity.h"
#include "util/Result.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Portolan::Core {

// Backstage catalog API answers to Portolan entities. Pure functions: no network, no event loop.
namespace BackstageMapper {

// One answer of GET /api/catalog/entities/by-query: EntitiesQueryResponse in
// plugins/catalog-backend/src/schema/openapi.yaml ({items, totalItems, pageInfo: {nextCursor, prevCursor}}).
struct QueryPage
{
    QJsonArray items;
    qint64 totalItems = 0;
    QString nextCursor; // empty on the last page
};

// `where` names the request in error messages.
[[nodiscard]] Result<QueryPage> parseQueryPage(const QByteArray &body, const QString &where);
// One answer of GET /api/catalog/entities/by-name/{kind}/{namespace}/{name}: an Entity.
[[nodiscard]] Result<QJsonObject> parseEntity(const QByteArray &body, const QString &where);

struct Mapped
{
    std::optional<Entity> entity; // empty when the item was rejected
    ErrorList problems; // the validator's findings, with the entity's page as the file and the field
};

// One item as an entity, one to one. The catalog's server-side fields (`relations`, which Portolan derives itself,
// and metadata.uid/etag/generation) are dropped, everything else is kept and validated with the same rules as a
// descriptor file. Provenance: `sourceId`, the entity's page as the file, no revision. `raw` is the item as JSON (a
// YAML subset), without the dropped fields.
[[nodiscard]] Mapped mapEntity(const QJsonValue &item, const QString &appUrl, const QString &sourceId);

// {appUrl}/catalog/{namespace}/{kind, lower-case}/{name}: where Backstage shows the entity.
[[nodiscard]] QString entityPageUrl(const QString &appUrl, const QString &kind, const QString &ns, const QString &name);
// /api/catalog/entities/by-name/{kind}/{namespace}/{name}, each part percent-encoded.
[[nodiscard]] QString byNamePath(const Entity &entity);
// The item without the fields mapEntity drops.
[[nodiscard]] QJsonObject withoutServerFields(const QJsonObject &item);

} // namespace BackstageMapper

} // namespace Portolan::Core
