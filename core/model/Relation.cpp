#include "Relation.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

RelationType inverse(RelationType type)
{
    switch (type) {
    case RelationType::OwnedBy:
        return RelationType::OwnerOf;
    case RelationType::OwnerOf:
        return RelationType::OwnedBy;
    case RelationType::DependsOn:
        return RelationType::DependencyOf;
    case RelationType::DependencyOf:
        return RelationType::DependsOn;
    case RelationType::ProvidesApi:
        return RelationType::ApiProvidedBy;
    case RelationType::ApiProvidedBy:
        return RelationType::ProvidesApi;
    case RelationType::ConsumesApi:
        return RelationType::ApiConsumedBy;
    case RelationType::ApiConsumedBy:
        return RelationType::ConsumesApi;
    case RelationType::PartOf:
        return RelationType::HasPart;
    case RelationType::HasPart:
        return RelationType::PartOf;
    case RelationType::ParentOf:
        return RelationType::ChildOf;
    case RelationType::ChildOf:
        return RelationType::ParentOf;
    case RelationType::MemberOf:
        return RelationType::HasMember;
    case RelationType::HasMember:
        return RelationType::MemberOf;
    }
    return type;
}

QString relationName(RelationType type)
{
    switch (type) {
    case RelationType::OwnedBy:
        return u"ownedBy"_s;
    case RelationType::OwnerOf:
        return u"ownerOf"_s;
    case RelationType::DependsOn:
        return u"dependsOn"_s;
    case RelationType::DependencyOf:
        return u"dependencyOf"_s;
    case RelationType::ProvidesApi:
        return u"providesApi"_s;
    case RelationType::ApiProvidedBy:
        return u"apiProvidedBy"_s;
    case RelationType::ConsumesApi:
        return u"consumesApi"_s;
    case RelationType::ApiConsumedBy:
        return u"apiConsumedBy"_s;
    case RelationType::PartOf:
        return u"partOf"_s;
    case RelationType::HasPart:
        return u"hasPart"_s;
    case RelationType::ParentOf:
        return u"parentOf"_s;
    case RelationType::ChildOf:
        return u"childOf"_s;
    case RelationType::MemberOf:
        return u"memberOf"_s;
    case RelationType::HasMember:
        return u"hasMember"_s;
    }
    return {};
}

std::optional<RelationType> relationFromName(QStringView name)
{
    for (RelationType t : allRelationTypes()) {
        if (relationName(t) == name) {
            return t;
        }
    }
    return std::nullopt;
}

QString relationLabel(RelationType type)
{
    switch (type) {
    case RelationType::OwnedBy:
        return QCoreApplication::translate("Relation", "Owned by");
    case RelationType::OwnerOf:
        return QCoreApplication::translate("Relation", "Owner of");
    case RelationType::DependsOn:
        return QCoreApplication::translate("Relation", "Depends on");
    case RelationType::DependencyOf:
        return QCoreApplication::translate("Relation", "Dependency of");
    case RelationType::ProvidesApi:
        return QCoreApplication::translate("Relation", "Provides API");
    case RelationType::ApiProvidedBy:
        return QCoreApplication::translate("Relation", "API provided by");
    case RelationType::ConsumesApi:
        return QCoreApplication::translate("Relation", "Consumes API");
    case RelationType::ApiConsumedBy:
        return QCoreApplication::translate("Relation", "API consumed by");
    case RelationType::PartOf:
        return QCoreApplication::translate("Relation", "Part of");
    case RelationType::HasPart:
        return QCoreApplication::translate("Relation", "Has part");
    case RelationType::ParentOf:
        return QCoreApplication::translate("Relation", "Parent of");
    case RelationType::ChildOf:
        return QCoreApplication::translate("Relation", "Child of");
    case RelationType::MemberOf:
        return QCoreApplication::translate("Relation", "Member of");
    case RelationType::HasMember:
        return QCoreApplication::translate("Relation", "Has member");
    }
    return {};
}

std::array<RelationType, relationTypeCount> allRelationTypes()
{
    std::array<RelationType, relationTypeCount> out{};
    for (int i = 0; i < relationTypeCount; ++i) {
        out[static_cast<std::size_t>(i)] = static_cast<RelationType>(i);
    }
    return out;
}

} // namespace Portolan::Core
