#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace Portolan::Core {

// The relation types Backstage's built-in processors emit, always in pairs (see inverse()).
enum class RelationType : std::uint8_t {
    OwnedBy,
    OwnerOf,
    DependsOn,
    DependencyOf,
    ProvidesApi,
    ApiProvidedBy,
    ConsumesApi,
    ApiConsumedBy,
    PartOf,
    HasPart,
    ParentOf,
    ChildOf,
    MemberOf,
    HasMember,
};

inline constexpr int relationTypeCount = 14;

[[nodiscard]] RelationType inverse(RelationType type);
// Backstage's wire name, e.g. "ownedBy".
[[nodiscard]] QString relationName(RelationType type);
[[nodiscard]] std::optional<RelationType> relationFromName(QStringView name);
// A translated label for people, e.g. "Owned by".
[[nodiscard]] QString relationLabel(RelationType type);
[[nodiscard]] std::array<RelationType, relationTypeCount> allRelationTypes();

} // namespace Portolan::Core
