#pragma once

#include "Source.h"

namespace Portolan::Core {

// Makes the source object for a configuration entry.
namespace SourceRegistry {

[[nodiscard]] QStringList types();
// Null for an unknown type (the workspace parser reports those with file and line).
[[nodiscard]] SourcePtr create(const SourceConfig &config);
// Whether the source reads the catalog other sources build (it adds live data to their entities): the sync engine
// runs it after them.
[[nodiscard]] bool readsCatalog(const SourceConfig &config);

} // namespace SourceRegistry

} // namespace Portolan::Core
