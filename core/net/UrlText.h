#pragma once

#include <QString>

namespace Portolan::Core {

// A server's URL as configured: trimmed, without trailing slashes, so that paths can be appended ("/api/...").
[[nodiscard]] QString baseUrlText(const QString &configured);

} // namespace Portolan::Core
