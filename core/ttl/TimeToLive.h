#pragma once

#include "catalog/Catalog.h"
#include "util/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Portolan::Core {

// Things with a time to live, read from the catalog: an entity (an ephemeral environment, a temporary grant) whose
// descriptor carries
//   portolan.dev/ttl: 1d                       how long it lives: 90m, 4h, 1d, 2w, 1d12h, or ISO 8601 (PT4H, P1D)
//   portolan.dev/created-at: 2026-11-28T04:22:19Z   from when
//   portolan.dev/expires-at: 2026-11-30T09:00:00Z   or when it ends, outright (an extension writes this; it wins)
// Both are written by the action that creates the thing, so every desktop and the CLI see the same expiry in git.
struct Expiry
{
    int entity = -1; // catalog index
    QString entityRef;
    QString title;
    QString owner; // spec.owner as written
    QDateTime createdAt; // invalid when only expires-at is given
    qint64 ttlSeconds = 0; // 0 when only expires-at is given
    QDateTime expiresAt;

    // Seconds left at `now`; negative once expired.
    [[nodiscard]] qint64 secondsLeft(const QDateTime &now) const { return now.secsTo(expiresAt); }
};

// When warnings go out before an expiry, and what runs at it (`ttl:` in portolan.yaml).
struct TtlPolicy
{
    QList<qint64> warnBefore = {24 * 3600, 3600}; // seconds before expiry
};

// One thing that is due: a warning some time before an expiry, or the expiry itself. `key` names it for good
// ("ttl-expired:resource:default/x@2026-11-30T09:00:00Z"): the expiry is part of it, so after an extension the
// warnings come again, and whoever acts on an event (a notification, the termination run) can do so exactly once.
struct TtlEvent
{
    enum class Kind { Warning, Expired };
    Kind kind = Kind::Warning;
    Expiry expiry;
    qint64 before = 0; // Warning: seconds before the expiry it is for
    QDateTime at; // when it became due
    QString key;
};

namespace TimeToLive {

inline constexpr QStringView ttlAnnotation = u"portolan.dev/ttl";
inline constexpr QStringView createdAtAnnotation = u"portolan.dev/created-at";
inline constexpr QStringView expiresAtAnnotation = u"portolan.dev/expires-at";

// "90m", "4h", "1d", "2w", "1d12h", "30s", or ISO 8601 "PT4H", "P1DT2H", "P2W": seconds, more than 0.
[[nodiscard]] Result<qint64> parseDuration(const QString &text);
// The largest one or two units: "1 d 4 h", "3 h 5 min", "45 min", "20 s".
[[nodiscard]] QString formatDuration(qint64 seconds);

// The expiry of an entity; nullopt when it has no TTL annotations. Unreadable annotations are a problem naming the
// descriptor's file, line and field, and the entity is left out (never expired by mistake).
[[nodiscard]] std::optional<Expiry> expiryOf(const Catalog &catalog, int entity, Error *problem = nullptr);
// Every entity of the catalog with an expiry, soonest first; unreadable ones in `problems`.
[[nodiscard]] QList<Expiry> expiries(const Catalog &catalog, ErrorList *problems = nullptr);

// What came due after `since` up to and including `now`. Of one expiry, only the newest event counts: once it has
// expired, its warnings are not sent late; of several warnings passed at once (the app was closed), the last.
// An invalid `since` means the beginning of time.
[[nodiscard]] QList<TtlEvent> dueEvents(const QList<Expiry> &expiries, const TtlPolicy &policy, const QDateTime &since,
                                        const QDateTime &now);

} // namespace TimeToLive

} // namespace Portolan::Core
