#include "StringPool.h"

#include <QSet>

namespace Portolan::Core {

QString intern(const QString &value)
{
    if (value.isEmpty()) {
        return value;
    }
    constexpr qsizetype maxEntries = 65536; // past this, values are too varied to be worth pooling
    thread_local QSet<QString> pool;
    const auto it = pool.constFind(value);
    if (it != pool.constEnd()) {
        return *it;
    }
    if (pool.size() < maxEntries) {
        pool.insert(value);
    }
    return value;
}

} // namespace Portolan::Core
