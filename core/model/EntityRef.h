#pragma once

#include "util/Result.h"

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

namespace Portolan::Core {

inline constexpr QStringView defaultNamespace = u"default";

// A reference "[kind:][namespace/]name" with Backstage's parsing and defaulting rules
// (packages/catalog-model/src/entity/ref.ts): kind and namespace may be left out when the context
// supplies them; comparison is case-insensitive.
struct EntityRef
{
    QString kind;
    QString ns;
    QString name;

    [[nodiscard]] static Result<EntityRef> parse(QStringView text, QStringView defaultKind = {},
                                                 QStringView defaultNs = defaultNamespace);

    // "component:default/petstore": kind and namespace lower-cased, the name as written (Backstage's
    // stringifyEntityRef).
    [[nodiscard]] QString toString() const;
    // Fully lower-cased form used as the catalog key.
    [[nodiscard]] QString key() const;
    // The shortest form that reads back to the same ref in the given context.
    [[nodiscard]] QString toShortString(QStringView contextKind = {}, QStringView contextNs = defaultNamespace) const;
    [[nodiscard]] bool isValid() const { return !kind.isEmpty() && !name.isEmpty(); }

    friend bool operator==(const EntityRef &a, const EntityRef &b) { return a.key() == b.key(); }
};

[[nodiscard]] QString makeRefKey(QStringView kind, QStringView ns, QStringView name);
// The catalog key of a reference in one allocation, or a null string when the reference does not parse; the
// same rules as EntityRef::parse(), for the hot path of deriving relations.
[[nodiscard]] QString refKey(QStringView text, QStringView defaultKind, QStringView defaultNs);

} // namespace Portolan::Core

Q_DECLARE_METATYPE(Portolan::Core::EntityRef)
