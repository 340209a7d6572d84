#pragma once

#include <QString>

namespace Portolan::Core {

// Returns a shared copy of `value` for strings that repeat across thousands of entities (kinds, namespaces,
// apiVersions, annotation keys, tags, file paths): QString's implicit sharing then keeps one buffer for all.
// One pool per thread, so readers on the thread pool never wait for each other; each pool is bounded.
[[nodiscard]] QString intern(const QString &value);

} // namespace Portolan::Core
