#include "ScorecardEvaluator.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ScorecardEvaluator", text);
}

using Fact = ScorecardEvaluator::Fact;

Fact present(QCborValue value)
{
    Fact f;
    f.state = Fact::State::Present;
    f.value = std::move(value);
    return f;
}

Fact absent()
{
    Fact f;
    f.state = Fact::State::Absent;
    return f;
}

Fact unknown(const char *reason)
{
    Fact f;
    f.reason = reason;
    return f;
}

// Strings and lists that are empty count as not there, so "exists" and "empty" are each other's opposites.
Fact text(const QString &value)
{
    if (value.isEmpty()) {
        return absent();
    }
    Fact f;
    f.state = Fact::State::Present;
    f.text = value;
    return f;
}

Fact list(const QCborArray &values)
{
    return values.isEmpty() ? absent() : present(values);
}

Fact date(const QDateTime &when)
{
    return when.isValid() ? present(QCborValue(when)) : absent();
}

Fact fromCbor(const QCborValue &value)
{
    if (value.isUndefined() || value.isNull()) {
        return absent();
    }
    if (value.isString()) {
        return text(value.toString());
    }
    if (value.isArray()) {
        return list(value.toArray());
    }
    if (value.isMap()) {
        return value.toMap().isEmpty() ? absent() : present(value);
    }
    return present(value);
}

// A value as text, as conditions compare it with text.
QString plain(const QCborValue &value)
{
    if (value.isBool()) {
        return value.toBool() ? u"true"_s : u"false"_s;
    }
    if (value.isInteger()) {
        return QString::number(value.toInteger());
    }
    if (value.isDouble()) {
        return QString::number(value.toDouble());
    }
    if (value.isDateTime()) {
        return value.toDateTime().toUTC().toString(Qt::ISODate);
    }
    return value.toString();
}

// How a value reads in an explanation: "failing", 3, [a, b], 2026-01-04T00:00:00Z.
QString shown(const QCborValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        const QCborArray items = value.toArray();
        for (qsizetype i = 0; i < items.size() && i < 5; ++i) {
            parts << shown(items.at(i));
        }
        if (items.size() > 5) {
            parts << u"…"_s;
        }
        return u"[%1]"_s.arg(parts.join(u", "_s));
    }
    if (value.isString()) {
        return u"\"%1\""_s.arg(value.toString());
    }
    return value.isMap() ? u"{…}"_s : plain(value);
}

std::optional<double> number(const QCborValue &value)
{
    if (value.isInteger() || value.isDouble()) {
        return value.toDouble();
    }
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().trimmed().toDouble(&ok);
        if (ok) {
            return d;
        }
    }
    return std::nullopt;
}

std::optional<QDateTime> when(const QCborValue &value)
{
    if (value.isDateTime()) {
        return value.toDateTime();
    }
    if (value.isString()) {
        QDateTime parsed = QDateTime::fromString(value.toString().trimmed(), Qt::ISODateWithMs);
        if (!parsed.isValid()) {
            parsed = QDateTime::fromString(value.toString().trimmed(), Qt::ISODate);
        }
        if (parsed.isValid()) {
            return parsed;
        }
    }
    return std::nullopt;
}

bool same(const QCborValue &a, const QCborValue &b)
{
    const std::optional<double> x = (a.isInteger() || a.isDouble()) ? number(a) : std::nullopt;
    const std::optional<double> y = (b.isInteger() || b.isDouble()) ? number(b) : std::nullopt;
    if (x && y) {
        return *x == *y;
    }
    return plain(a) == plain(b);
}

QCborArray valuesOf(const QCborValue &value)
{
    return value.isArray() ? value.toArray() : QCborArray{value};
}

// One value against a test, true or false (the value is there).
bool holds(const Condition &c, const QCborValue &v, QDateTime now)
{
    switch (c.op) {
    case Condition::Op::Equals:
        return same(v, c.operand);
    case Condition::Op::In: {
        const QCborArray options = c.operand.toArray();
        return std::any_of(options.cbegin(), options.cend(), [&v](const QCborValue &o) { return same(v, o); });
    }
    case Condition::Op::Matches:
        return c.regex.match(plain(v)).hasMatch();
    case Condition::Op::GreaterThan:
    case Condition::Op::AtLeast:
    case Condition::Op::LessThan:
    case Condition::Op::AtMost: {
        const std::optional<double> n = number(v);
        if (!n) {
            return false;
        }
        return c.op == Condition::Op::GreaterThan ? *n > c.number
               : c.op == Condition::Op::AtLeast   ? *n >= c.number
               : c.op == Condition::Op::LessThan  ? *n < c.number
                                                  : *n <= c.number;
    }
    case Condition::Op::OlderThan:
    case Condition::Op::NewerThan: {
        const std::optional<QDateTime> at = when(v);
        if (!at) {
            return false;
        }
        const double age = double(at->msecsTo(now)) / 1000.0;
        return c.op == Condition::Op::OlderThan ? age > c.number : age < c.number;
    }
    default:
        return false;
    }
}

// One text value against a test (the value is there).
bool holdsText(const Condition &c, const QString &v, const QDateTime &now)
{
    switch (c.op) {
    case Condition::Op::Equals:
        if (c.operand.isInteger() || c.operand.isDouble()) {
            return holds(c, QCborValue(v), now);
        }
        return v == c.operandText;
    case Condition::Op::In:
        return c.operandTexts.contains(v);
    case Condition::Op::Matches:
        return c.regex.match(v).hasMatch();
    default:
        return holds(c, QCborValue(v), now);
    }
}

} // namespace

QString truthName(Truth truth)
{
    switch (truth) {
    case Truth::Pass:
        return u"pass"_s;
    case Truth::Fail:
        return u"fail"_s;
    case Truth::Unknown:
        break;
    }
    return u"unknown"_s;
}

ScorecardEvaluator::ScorecardEvaluator(const Catalog &catalog, const LiveSnapshot *live, QDateTime now)
    : m_catalog(catalog)
    , m_live(live)
    , m_now(std::move(now))
{ }

ScorecardEvaluator::Fact ScorecardEvaluator::fact(int entity, const FactPath &path) const
{
    const Entity &e = m_catalog.entity(entity);
    switch (path.kind) {
    case FactPath::Kind::Kind:
        return text(e.kind);
    case FactPath::Kind::ApiVersion:
        return text(e.apiVersion);
    case FactPath::Kind::Name:
        return text(e.name);
    case FactPath::Kind::Namespace:
        return text(e.ns);
    case FactPath::Kind::Title:
        return text(e.title);
    case FactPath::Kind::Description:
        return text(e.description);
    case FactPath::Kind::Tags:
        return list(QCborArray::fromStringList(e.tags));
    case FactPath::Kind::Links: {
        QCborArray urls;
        for (const EntityLink &link : e.links) {
            urls.append(link.url);
        }
        return list(urls);
    }
    case FactPath::Kind::Annotation:
        return text(e.annotation(path.key));
    case FactPath::Kind::Label:
        return text(e.label(path.key));
    case FactPath::Kind::Spec: {
        QCborValue at = e.spec;
        for (const QString &segment : path.segments) {
            if (!at.isMap()) {
                return absent();
            }
            at = at.toMap().value(segment);
        }
        return fromCbor(at);
    }
    case FactPath::Kind::Relation: {
        QCborArray values;
        for (const CatalogRelation &r : m_catalog.relations(entity)) {
            if (r.type != path.relation) {
                continue;
            }
            if (!path.target) {
                values.append(m_catalog.relationTargetRef(r));
                continue;
            }
            if (r.target < 0) {
                continue; // not in the catalog: nothing to ask
            }
            const Fact of = fact(r.target, *path.target);
            if (of.state == Fact::State::Present && of.value.isUndefined()) {
                values.append(of.text);
            } else if (of.state == Fact::State::Present) {
                for (const QCborValue &v : valuesOf(of.value)) {
                    values.append(v);
                }
            }
        }
        return list(values);
    }
    case FactPath::Kind::OwnerExists: {
        bool exists = false;
        for (const CatalogRelation &r : m_catalog.relations(entity)) {
            exists = exists || (r.type == RelationType::OwnedBy && r.target >= 0);
        }
        return present(exists);
    }
    default:
        break;
    }
    const QString key = e.key();
    if (path.kind >= FactPath::Kind::GithubCi && path.kind <= FactPath::Kind::GithubLatestRun) {
        const RepositoryInsights *github = m_live ? m_live->githubFor(key) : nullptr;
        if (!github) {
            return unknown(QT_TRANSLATE_NOOP("ScorecardEvaluator",
                                             "no GitHub data for this entity (no github.com/project-slug, or not read "
                                             "yet)"));
        }
        switch (path.kind) {
        case FactPath::Kind::GithubCi:
            return text(ciStateName(github->ciState()));
        case FactPath::Kind::GithubOpenPullRequests:
            return present(qint64(github->pulls.size()));
        case FactPath::Kind::GithubOldestPullRequest: {
            QDateTime oldest;
            for (const PullRequestInfo &pull : github->pulls) {
                if (!oldest.isValid() || pull.createdAt < oldest) {
                    oldest = pull.createdAt;
                }
            }
            return date(oldest);
        }
        case FactPath::Kind::GithubLatestRelease: {
            QDateTime latest;
            for (const ReleaseInfo &release : github->releases) {
                if (!release.draft && (!latest.isValid() || release.publishedAt > latest)) {
                    latest = release.publishedAt;
                }
            }
            return date(latest);
        }
        case FactPath::Kind::GithubLatestRun: {
            QDateTime latest;
            for (const WorkflowRun &run : github->runs) {
                if ((github->defaultBranch.isEmpty() || run.branch == github->defaultBranch)
                    && (!latest.isValid() || run.updatedAt > latest)) {
                    latest = run.updatedAt;
                }
            }
            return date(latest);
        }
        default:
            break;
        }
    }
    const EntityRuntime *runtime = m_live ? m_live->runtimeFor(key) : nullptr;
    if (!runtime || runtime->workloads.isEmpty()) {
        return unknown(QT_TRANSLATE_NOOP("ScorecardEvaluator",
                                         "no runtime data for this entity (not found in a cluster, or not read yet)"));
    }
    qint64 desired = 0;
    qint64 ready = 0;
    qint64 restarts = 0;
    bool healthy = true;
    QCborArray images;
    QCborArray tags;
    for (const WorkloadInfo &w : runtime->workloads) {
        desired += w.desired;
        ready += w.ready;
        restarts += w.restarts;
        healthy = healthy && w.health == Health::Healthy;
        for (const QString &image : w.images) {
            images.append(image);
            // registry:5000/team/app:1.2 -> 1.2; app@sha256:... -> the digest; app -> latest (what it pulls)
            const qsizetype at = image.indexOf(u'@');
            const qsizetype slash = image.lastIndexOf(u'/');
            const qsizetype colon = image.lastIndexOf(u':');
            tags.append(at >= 0 ? image.mid(at + 1) : colon > slash && colon >= 0 ? image.mid(colon + 1) : u"latest"_s);
        }
    }
    switch (path.kind) {
    case FactPath::Kind::RuntimeHealth:
        return text(healthName(runtime->health));
    case FactPath::Kind::RuntimeDesired:
        return present(desired);
    case FactPath::Kind::RuntimeReady:
        return present(ready);
    case FactPath::Kind::RuntimeRestarts:
        return present(restarts);
    case FactPath::Kind::RuntimePodsHealthy:
        return present(healthy);
    case FactPath::Kind::RuntimeImages:
        return list(images);
    case FactPath::Kind::RuntimeImageTags:
        return list(tags);
    default:
        break;
    }
    return unknown(QT_TRANSLATE_NOOP("ScorecardEvaluator", "unknown fact"));
}

Truth ScorecardEvaluator::test(const Condition &condition, int entity, QStringList *why) const
{
    return testInner(condition, entity, why, false);
}

Truth ScorecardEvaluator::testInner(const Condition &c, int entity, QStringList *why, bool negated) const
{
    switch (c.op) {
    case Condition::Op::All:
    case Condition::Op::Any: {
        // Kleene's logic: all is false when one is false, else unknown when one is unknown; any the other way.
        const bool all = c.op == Condition::Op::All;
        Truth result = all ? Truth::Pass : Truth::Fail;
        for (const Condition &child : c.children) {
            const Truth t = testInner(child, entity, why, negated);
            if (t == (all ? Truth::Fail : Truth::Pass)) {
                result = t;
                if (!why) {
                    break; // decided; only explanations need the rest
                }
            } else if (t == Truth::Unknown && result != (all ? Truth::Fail : Truth::Pass)) {
                result = Truth::Unknown;
            }
        }
        return result;
    }
    case Condition::Op::Not: {
        const Truth t = testInner(c.children.first(), entity, why, !negated);
        return t == Truth::Unknown ? t : t == Truth::Pass ? Truth::Fail : Truth::Pass;
    }
    default:
        return testFact(c, entity, why, negated);
    }
}

Truth ScorecardEvaluator::testFact(const Condition &c, int entity, QStringList *why, bool negated) const
{
    const Fact f = fact(entity, c.fact);
    if (f.state == Fact::State::Unknown) {
        if (why) {
            why->append(tr("%1 is unknown: %2").arg(c.fact.text, tr(f.reason)));
        }
        return Truth::Unknown;
    }
    const bool there = f.state == Fact::State::Present;
    const bool isText = there && f.value.isUndefined();
    bool result = false;
    switch (c.op) {
    case Condition::Op::Exists:
        result = there == c.operand.toBool();
        break;
    case Condition::Op::Empty:
        result = there != c.operand.toBool();
        break;
    case Condition::Op::NotEquals:
    case Condition::Op::NotIn: {
        // None of the values is (in) it.
        Condition positive = c;
        positive.op = c.op == Condition::Op::NotEquals ? Condition::Op::Equals : Condition::Op::In;
        if (isText) {
            result = !holdsText(positive, f.text, m_now);
            break;
        }
        const QCborArray values = there ? valuesOf(f.value) : QCborArray();
        result = std::none_of(values.cbegin(), values.cend(),
                              [&](const QCborValue &v) { return holds(positive, v, m_now); });
        break;
    }
    case Condition::Op::Contains:
        if (isText) {
            result = f.text.contains(c.operandText);
        } else if (there && f.value.isArray()) {
            const QCborArray values = f.value.toArray();
            result =
                std::any_of(values.cbegin(), values.cend(), [&c](const QCborValue &v) { return same(v, c.operand); });
        } else if (there) {
            result = plain(f.value).contains(plain(c.operand));
        }
        break;
    default: {
        if (isText) {
            result = holdsText(c, f.text, m_now);
            break;
        }
        // Every value holds (one for a single value).
        const QCborArray values = there ? valuesOf(f.value) : QCborArray();
        result = !values.isEmpty() && std::all_of(values.cbegin(), values.cend(), [&](const QCborValue &v) {
            return holds(c, v, m_now);
        });
        break;
    }
    }
    if (why && result == negated) {
        const QString wanted = c.operand.isUndefined() ? Condition::opName(c.op)
                                                       : u"%1 %2"_s.arg(Condition::opName(c.op), shown(c.operand));
        const QString is = !there   ? tr("%1 is not set").arg(c.fact.text)
                           : isText ? tr("%1 is %2").arg(c.fact.text, shown(QCborValue(f.text)))
                                    : tr("%1 is %2").arg(c.fact.text, shown(f.value));
        why->append(negated ? tr("%1, wanted not %2").arg(is, wanted) : tr("%1, wanted %2").arg(is, wanted));
    }
    return result ? Truth::Pass : Truth::Fail;
}

bool ScorecardEvaluator::applies(const Scorecard &card, int entity) const
{
    return !card.filter || test(*card.filter, entity) == Truth::Pass;
}

EntityScore ScorecardEvaluator::evaluate(const Scorecard &card, int entity, bool explain) const
{
    EntityScore score;
    score.entity = entity;
    score.truths.reserve(std::size_t(card.rules.size()));
    if (explain) {
        score.why.resize(card.rules.size());
    }
    double total = 0;
    double passed = 0;
    // The lowest level at which a rule does not pass: every level from there up is out of reach.
    int firstMiss = int(card.levels.size());
    for (qsizetype r = 0; r < card.rules.size(); ++r) {
        const ScorecardRule &rule = card.rules.at(r);
        const Truth truth = test(rule.condition, entity, nullptr);
        if (truth != Truth::Pass) {
            if (explain) {
                (void)test(rule.condition, entity, &score.why[r]); // again, for the explanation only
            }
            firstMiss = std::min(firstMiss, rule.level);
        }
        total += rule.weight;
        switch (truth) {
        case Truth::Pass:
            ++score.passed;
            passed += rule.weight;
            break;
        case Truth::Fail:
            ++score.failed;
            break;
        case Truth::Unknown:
            ++score.unknown;
            break;
        }
        score.truths.push_back(truth);
    }
    score.level = firstMiss - 1;
    score.score = total > 0 ? 100.0 * passed / total : 100.0;
    return score;
}

ScorecardRun ScorecardEvaluator::run(const Scorecard &card, const std::atomic_bool *cancel) const
{
    ScorecardRun out;
    out.scorecardId = card.id;
    out.levelCounts = QList<int>(card.levels.size() + 1, 0);
    // In slices of the catalog on every core: entities are evaluated independently, against immutable snapshots.
    constexpr int slice = 2048;
    std::vector<std::vector<EntityScore>> parts(std::size_t((m_catalog.size() + slice - 1) / slice));
    std::vector<int> starts(parts.size());
    std::iota(starts.begin(), starts.end(), 0);
    QtConcurrent::blockingMap(starts, [&](int part) {
        std::vector<EntityScore> &scores = parts[std::size_t(part)];
        const int end = std::min(m_catalog.size(), (part + 1) * slice);
        for (int i = part * slice; i < end; ++i) {
            if (cancel && cancel->load()) {
                return;
            }
            if (applies(card, i)) {
                scores.push_back(evaluate(card, i));
            }
        }
    });
    if (cancel && cancel->load()) {
        out.cancelled = true;
        return out;
    }
    for (std::vector<EntityScore> &scores : parts) {
        for (EntityScore &score : scores) {
            ++out.levelCounts[score.level >= 0 ? score.level : int(card.levels.size())];
            out.entities.push_back(std::move(score));
        }
    }
    return out;
}

} // namespace Portolan::Core
