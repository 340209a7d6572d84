#pragma once

#include "ParsedDocument.h"
#include "util/Error.h"

#include <QStringView>

namespace Portolan::Core {

// Backstage's entity rules: the envelope (EntityEnvelope/EntityMeta schemas), FieldFormatEntityPolicy,
// NoForeignRootFieldsEntityPolicy, and each built-in kind's schema. Pure functions, no event loop needed.
namespace Validator {

[[nodiscard]] ErrorList validate(const ParsedDocument &document);

[[nodiscard]] bool isValidDnsLabel(QStringView value);
[[nodiscard]] bool isValidDnsSubdomain(QStringView value);
[[nodiscard]] bool isValidObjectName(QStringView value);
[[nodiscard]] bool isValidNamespace(QStringView value);
[[nodiscard]] bool isValidKind(QStringView value);
[[nodiscard]] bool isValidApiVersion(QStringView value);
[[nodiscard]] bool isValidLabelKey(QStringView value);
[[nodiscard]] bool isValidLabelValue(QStringView value);
[[nodiscard]] bool isValidAnnotationKey(QStringView value);
[[nodiscard]] bool isValidTag(QStringView value);
[[nodiscard]] bool isValidUrl(QStringView value);

} // namespace Validator

} // namespace Portolan::Core
