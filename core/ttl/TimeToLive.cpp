#include "TimeToLive.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core::TimeToLive {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TimeToLive", text);
}

constexpr qint64 minute = 60;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
constexpr qint64 week = 7 * day;
constexpr qint64 maxSeconds = 10LL * 366 * day; // a TTL of more than ten years is a typo

qint64 unitSeconds(QChar unit)
{
    switch (unit.toLower().unicode()) {
    case u's':
        return 1;
    case u'm':
        return minute;
    case u'h':
        return hour;
    case u'd':
        return day;
    case u'w':
        return week;
    default:
        return 0;
    }
}

QDateTime readTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid()) {
        t = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    }
    return t.isValid() && t.timeSpec() == Qt::LocalTime && !text.contains(u'Z') && !text.contains(u'+')
               ? QDateTime() // a time without a zone means something else on every desktop
               : t.toUTC();
}

Error annotationProblem(const Entity &e, QStringView annotation, const QString &message)
{
    Error problem = makeError(Error::Code::Validation, message);
    problem.severity = Error::Severity::Warning;
    problem.file = e.origin.file;
    problem.line = e.origin.line;
    problem.field = u"metadata.annotations."_s + annotation.toString();
    problem.detail = e.refString();
    return problem;
}

QString eventKey(TtlEvent::Kind kind, const Expiry &expiry, qint64 before)
{
    const QString at = expiry.expiresAt.toString(Qt::ISODate);
    return kind == TtlEvent::Kind::Expired ? u"ttl-expired:%1@%2"_s.arg(expiry.entityRef, at)
                                           : u"ttl-warning:%1@%2-%3"_s.arg(expiry.entityRef, at).arg(before);
}

} // namespace

Result<qint64> parseDuration(const QString &input)
{
    const QString text = input.trimmed();
    qint64 total = 0;
    static const QRegularExpression iso(u"^P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?$"_s,
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression part(u"(\\d+)\\s*([smhdw])"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression plain(u"^(?:\\d+\\s*[smhdw]\\s*)+$"_s, QRegularExpression::CaseInsensitiveOption);
    const auto match = iso.match(text);
    if (text.size() > 1 && match.hasMatch()) {
        const qint64 factors[] = {week, day, hour, minute, 1};
        for (int i = 0; i < 5; ++i) {
            total += match.captured(i + 1).toLongLong() * factors[i];
        }
    } else if (plain.match(text).hasMatch()) {
        auto parts = part.globalMatch(text);
        while (parts.hasNext()) {
            const auto p = parts.next();
            total += p.captured(1).toLongLong() * unitSeconds(p.captured(2).front());
            if (total > maxSeconds) {
                break;
            }
        }
    } else {
        return makeError(
            Error::Code::Validation,
            tr("“%1” is not a duration: write 90m, 4h, 1d, 2w (or 1d12h, or ISO 8601 such as PT4H)").arg(text));
    }
    if (total <= 0 || total > maxSeconds) {
        return makeError(Error::Code::Validation,
                         tr("“%1” is not a time to live: it must be more than 0 and at most ten years").arg(text));
    }
    return total;
}

QString formatDuration(qint64 seconds)
{
    const qint64 s = std::abs(seconds);
    if (s >= day) {
        const qint64 hours = (s % day) / hour;
        return hours > 0 ? tr("%1 d %2 h").arg(s / day).arg(hours) : tr("%1 d").arg(s / day);
    }
    if (s >= hour) {
        const qint64 minutes = (s % hour) / minute;
        return minutes > 0 ? tr("%1 h %2 min").arg(s / hour).arg(minutes) : tr("%1 h").arg(s / hour);
    }
    if (s >= minute) {
        return tr("%1 min").arg(s / minute);
    }
    return tr("%1 s").arg(s);
}

std::optional<Expiry> expiryOf(const Catalog &catalog, int entity, Error *problem)
{
    const Entity &e = catalog.entity(entity);
    const QString ttlText = e.annotation(ttlAnnotation);
    const QString createdText = e.annotation(createdAtAnnotation);
    const QString expiresText = e.annotation(expiresAtAnnotation);
    if (ttlText.isEmpty() && expiresText.isEmpty()) {
        return std::nullopt;
    }
    const auto fail = [&](QStringView annotation, const QString &message) -> std::optional<Expiry> {
        if (problem) {
            *problem = annotationProblem(e, annotation, message);
        }
        return std::nullopt;
    };
    Expiry expiry;
    expiry.entity = entity;
    expiry.entityRef = e.refString();
    expiry.title = e.displayName();
    expiry.owner = e.specString("owner"_L1);
    if (!ttlText.isEmpty()) {
        const auto ttl = parseDuration(ttlText);
        if (!ttl.ok()) {
            return fail(ttlAnnotation, ttl.error().message);
        }
        expiry.ttlSeconds = *ttl;
        expiry.createdAt = readTime(createdText);
        if (!expiry.createdAt.isValid() && expiresText.isEmpty()) {
            return fail(
                createdAtAnnotation,
                createdText.isEmpty()
                    ? tr("%1 has a time to live but no %2 to count it from").arg(e.refString(), createdAtAnnotation)
                    : tr("“%1” is not a date and time with a zone, such as 2026-11-28T09:00:00Z").arg(createdText));
        }
        if (expiry.createdAt.isValid()) {
            expiry.expiresAt = expiry.createdAt.addSecs(expiry.ttlSeconds);
        }
    }
    if (!expiresText.isEmpty()) {
        const QDateTime at = readTime(expiresText);
        if (!at.isValid()) {
            return fail(expiresAtAnnotation,
                        tr("“%1” is not a date and time with a zone, such as 2026-11-28T09:00:00Z").arg(expiresText));
        }
        expiry.expiresAt = at;
    }
    return expiry;
}

QList<Expiry> expiries(const Catalog &catalog, ErrorList *problems)
{
    QList<Expiry> out;
    // Few entities have a time to live: the others are passed over by comparing their annotations' packed keys,
    // nothing decoded, on the GUI thread with every new catalog.
    const auto mayExpire = [](const Entity &e) {
        return e.annotations.containsKey({"portolan.dev/ttl"_L1, "portolan.dev/expires-at"_L1});
    };
    for (int i = 0; i < catalog.size(); ++i) {
        if (!mayExpire(catalog.entity(i))) {
            continue;
        }
        Error problem;
        if (auto expiry = expiryOf(catalog, i, &problem)) {
            out.append(std::move(*expiry));
        } else if (problems && !problem.message.isEmpty()) {
            problems->append(problem);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Expiry &a, const Expiry &b) { return a.expiresAt < b.expiresAt; });
    return out;
}

QList<TtlEvent> dueEvents(const QList<Expiry> &expiries, const TtlPolicy &policy, const QDateTime &since,
                          const QDateTime &now)
{
    const auto isDue = [&](const QDateTime &at) { return at <= now && (!since.isValid() || at > since); };
    QList<TtlEvent> out;
    for (const Expiry &expiry : expiries) {
        TtlEvent event;
        event.expiry = expiry;
        if (expiry.expiresAt <= now) {
            // Expired: that alone is due (once, in the window it happened in; or at the first look ever).
            if (!isDue(expiry.expiresAt)) {
                continue;
            }
            event.kind = TtlEvent::Kind::Expired;
            event.at = expiry.expiresAt;
        } else {
            // The latest warning whose time has come, if it came in this window.
            qint64 due = -1;
            for (const qint64 before : policy.warnBefore) {
                const QDateTime at = expiry.expiresAt.addSecs(-before);
                if (at <= now && (due < 0 || before < due)) {
                    due = before;
                }
            }
            if (due < 0 || !isDue(expiry.expiresAt.addSecs(-due))) {
                continue;
            }
            event.kind = TtlEvent::Kind::Warning;
            event.before = due;
            event.at = expiry.expiresAt.addSecs(-due);
        }
        event.key = eventKey(event.kind, expiry, event.before);
        out.append(event);
    }
    return out;
}

} // namespace Portolan::Core::TimeToLive
