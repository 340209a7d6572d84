#pragma once

#include "Relation.h"

#include <QLatin1StringView>
#include <QList>

#include <optional>

namespace Portolan::Core {

enum class FieldType { String, StringList, Object, Any };

// One field of a kind's spec, from the kind's JSON schema in Backstage's catalog-model (and the scaffolder's
// Template schema), plus the relation Backstage's BuiltinKindsEntityProcessor emits for it.
struct SpecField
{
    QLatin1StringView name;
    FieldType type = FieldType::String;
    bool required = false;
    std::optional<RelationType> relation;
    QLatin1StringView defaultTargetKind; // empty: the reference must carry its kind
    QList<QLatin1StringView> onlyApiVersions; // empty: the rule holds for every apiVersion of the kind
    QLatin1StringView requiredUnlessType; // JSON schema if/then/else on spec.type (API v1alpha2)
    QLatin1StringView requiredOnlyIfType;
};

struct KindSchema
{
    QLatin1StringView kind;
    QList<QLatin1StringView> apiVersions;
    QList<SpecField> fields;
};

// nullptr for kinds Portolan does not know; those are kept as written, checked only against the envelope.
[[nodiscard]] const KindSchema *kindSchema(QStringView kind);
[[nodiscard]] const QList<KindSchema> &builtinKindSchemas();

} // namespace Portolan::Core
