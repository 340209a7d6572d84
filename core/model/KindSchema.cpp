#include "KindSchema.h"

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

constexpr auto v1 = "backstage.io/v1alpha1"_L1;
constexpr auto v1b = "backstage.io/v1beta1"_L1;
constexpr auto v2 = "backstage.io/v1alpha2"_L1;

SpecField str(QLatin1StringView name, bool required = false)
{
    return {name, FieldType::String, required, std::nullopt, {}};
}

SpecField ref(QLatin1StringView name, RelationType rel, QLatin1StringView defaultKind, bool required = false)
{
    return {name, FieldType::String, required, rel, defaultKind};
}

SpecField refs(QLatin1StringView name, RelationType rel, QLatin1StringView defaultKind, bool required = false)
{
    return {name, FieldType::StringList, required, rel, defaultKind};
}

QList<KindSchema> makeSchemas()
{
    using R = RelationType;
    // Required fields follow packages/catalog-model/src/schema/kinds/*.schema.json; relations follow
    // BuiltinKindsEntityProcessor. tests/core/KindSchemaTest.cpp checks this table against the schema files.
    return {
        {"Component"_L1,
         {v1, v1b},
         {str("type"_L1, true), str("lifecycle"_L1, true), ref("owner"_L1, R::OwnedBy, "Group"_L1, true),
          ref("system"_L1, R::PartOf, "System"_L1), ref("subcomponentOf"_L1, R::PartOf, "Component"_L1),
          refs("providesApis"_L1, R::ProvidesApi, "API"_L1), refs("consumesApis"_L1, R::ConsumesApi, "API"_L1),
          refs("dependsOn"_L1, R::DependsOn, {}), refs("dependencyOf"_L1, R::DependencyOf, {})}},
        {"API"_L1,
         {v1, v1b, v2},
         {str("type"_L1, true),
          str("lifecycle"_L1, true),
          ref("owner"_L1, R::OwnedBy, "Group"_L1, true),
          ref("system"_L1, R::PartOf, "System"_L1),
          {"definition"_L1, FieldType::String, true, std::nullopt, {}, {v1, v1b}, {}, {}},
          // v1alpha2: MCP servers list their endpoints in `remotes` instead of a definition.
          {"definition"_L1, FieldType::String, true, std::nullopt, {}, {v2}, "mcp-server"_L1, {}},
          {"remotes"_L1, FieldType::Any, true, std::nullopt, {}, {v2}, {}, "mcp-server"_L1}}},
        {"Resource"_L1,
         {v1, v1b},
         {str("type"_L1, true), ref("owner"_L1, R::OwnedBy, "Group"_L1, true), refs("dependsOn"_L1, R::DependsOn, {}),
          refs("dependencyOf"_L1, R::DependencyOf, {}), ref("system"_L1, R::PartOf, "System"_L1)}},
        {"System"_L1,
         {v1, v1b},
         {ref("owner"_L1, R::OwnedBy, "Group"_L1, true), ref("domain"_L1, R::PartOf, "Domain"_L1)}},
        {"Domain"_L1,
         {v1, v1b},
         {ref("owner"_L1, R::OwnedBy, "Group"_L1, true), ref("subdomainOf"_L1, R::PartOf, "Domain"_L1)}},
        {"Group"_L1,
         {v1, v1b},
         {str("type"_L1, true),
          {"profile"_L1, FieldType::Object, false, std::nullopt, {}},
          ref("parent"_L1, R::ChildOf, "Group"_L1),
          refs("children"_L1, R::ParentOf, "Group"_L1, true),
          refs("members"_L1, R::HasMember, "User"_L1)}},
        {"User"_L1,
         {v1, v1b},
         {{"profile"_L1, FieldType::Object, false, std::nullopt, {}},
          refs("memberOf"_L1, R::MemberOf, "Group"_L1, true)}},
        {"Location"_L1,
         {v1, v1b},
         {str("type"_L1),
          str("target"_L1),
          {"targets"_L1, FieldType::StringList, false, std::nullopt, {}},
          str("presence"_L1)}},
        {"Template"_L1,
         {"scaffolder.backstage.io/v1beta3"_L1},
         {str("type"_L1, true),
          ref("owner"_L1, R::OwnedBy, "Group"_L1),
          {"steps"_L1, FieldType::Any, true, std::nullopt, {}}}},
        // Kinds newer than the core nine, present in the catalog-model schemas Portolan ships against.
        {"AiResource"_L1,
         {v1},
         {str("type"_L1, true), str("lifecycle"_L1, true), ref("owner"_L1, R::OwnedBy, "Group"_L1, true),
          ref("system"_L1, R::PartOf, "System"_L1)}},
        {"Environment"_L1, {v1}, {}},
    };
}

} // namespace

const QList<KindSchema> &builtinKindSchemas()
{
    static const QList<KindSchema> schemas = makeSchemas();
    return schemas;
}

const KindSchema *kindSchema(QStringView kind)
{
    for (const KindSchema &s : builtinKindSchemas()) {
        if (kind.compare(s.kind, Qt::CaseInsensitive) == 0) {
            return &s;
        }
    }
    return nullptr;
}

} // namespace Portolan::Core
