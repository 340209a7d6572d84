#include "SyncTypes.h"

using namespace Qt::StringLiterals;

namespace Portolan::Core {

bool SourceStatus::isStale(const QDateTime &now) const
{
    if (!lastSuccess.isValid()) {
        return true;
    }
    if (config.refreshSeconds <= 0) {
        return false;
    }
    // Twice the interval: one missed sync is normal jitter, two mean the data is falling behind.
    return lastSuccess.secsTo(now) > 2LL * config.refreshSeconds;
}

QString SourceStatus::stateName(State state)
{
    switch (state) {
    case State::Idle:
        return u"idle"_s;
    case State::Syncing:
        return u"syncing"_s;
    case State::Ok:
        return u"ok"_s;
    case State::Failed:
        return u"error"_s;
    case State::Held:
        return u"held"_s;
    case State::Disabled:
        return u"disabled"_s;
    }
    return u"idle"_s;
}

} // namespace Portolan::Core
