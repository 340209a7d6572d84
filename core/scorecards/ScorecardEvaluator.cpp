#include "ScorecardEvaluator.h"
#include "util/Threads.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
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

// One value against a test, true or false (the value is there). `op` is the condition's, or for notEquals and notIn
// the positive one (equals, in): none of the values may hold it.
bool holds(const Condition &c, Condition::Op op, const QCborValue &v, const QDateTime &now)
{
    switch (op) {
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
        return op == Condition::Op::GreaterThan ? *n > c.number
               : op == Condition::Op::AtLeast   ? *n >= c.number
               : op == Condition::Op::LessThan  ? *n < c.number
                                                : *n <= c.number;
    }
    case Condition::Op::OlderThan:
    case Condition::Op::NewerThan: {
        const std::optional<QDateTime> at = when(v);
        if (!at) {
            return false;
        }
        const double age = double(at->msecsTo(now)) / 1000.0;
        return op == Condition::Op::OlderThan ? age > c.number : age < c.number;
    }
    default:
        return false;
    }
}

// One text value against a test (the value is there).
bool holdsText(const Condition &c, Condition::Op op, QStringView v, const QDateTime &now)
{
    switch (op) {
    case Condition::Op::Equals:
        if (c.operand.isInteger() || c.operand.isDouble()) {
            return holds(c, op, QCborValue(v.toString()), now);
        }
        return v == c.operandText;
    case Condition::Op::In:
        return c.operandTexts.contains(v);
    case Condition::Op::Matches:
        return c.regex.match(v).hasMatch();
    default:
        return holds(c, op, QCborValue(v.toString()), now);
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

// The fast path. A condition is compiled into a Plan (its nodes in one array) when a call starts; a test reads its fact
// in place (views of the entity's strings, relations walked without making reference strings, live data by catalog
// index) and decides on the first item that settles it. It gives the same truths as testInner, which reads fact() and
// is kept for explanations; each test below names the part of testFact it mirrors.

namespace {

enum class Literal : std::uint8_t { None, Anywhere, AtStart };

// Whether a regular expression only looks for a text ("-prod") or a text at the start ("^team-"): no pattern options,
// and no character that means anything special to PCRE. Then a match is a substring search, with no
// QRegularExpressionMatch to allocate (which costs more than the search). `$` is left to PCRE: it also matches before
// a final newline.
Literal literalOf(const QRegularExpression &regex, QString *text)
{
    if (regex.patternOptions() != QRegularExpression::NoPatternOption || !regex.isValid()) {
        return Literal::None;
    }
    const QString pattern = regex.pattern();
    const bool atStart = pattern.startsWith(u'^');
    const QStringView rest = QStringView(pattern).mid(atStart ? 1 : 0);
    const bool plainText = std::all_of(rest.cbegin(), rest.cend(), [](QChar ch) {
        const char16_t u = ch.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
               || QStringView(u" !\"%&',-/:;<=>@_~").contains(ch);
    });
    if (!plainText) {
        return Literal::None;
    }
    *text = rest.toString();
    return atStart ? Literal::AtStart : Literal::Anywhere;
}

// matches against a text: the literal shortcut where it applies. PCRE finds no match in text that is not valid
// UTF-16; text without surrogates is valid, so PCRE need not check it again (it would, for every match).
bool matchesText(const Condition &c, Literal literal, const QString &text, QStringView v)
{
    const bool surrogates =
        std::any_of(v.cbegin(), v.cend(), [](QChar ch) { return (ch.unicode() & 0xf800) == 0xd800; });
    if (surrogates) {
        return c.regex.match(v).hasMatch();
    }
    if (literal != Literal::None) {
        return literal == Literal::AtStart ? v.startsWith(text) : v.contains(text);
    }
    return c.regex.match(v, 0, QRegularExpression::NormalMatch, QRegularExpression::DontCheckSubjectStringMatchOption)
        .hasMatch();
}

} // namespace

struct ScorecardEvaluator::Plan
{
    struct Node
    {
        const Condition *condition = nullptr;
        int firstChild = 0; // all, any, not: children[firstChild, firstChild + childCount) are their nodes
        int childCount = 0;
        // What same() compares a text item of a list with: plain() of the operand (equals, notEquals, contains) and
        // of each option (in, notIn), worked out once rather than per item. For matches with a literal pattern, the
        // text it looks for.
        QString plainOperand;
        QStringList plainOptions;
        Literal literal = Literal::None;
        // run(): this condition's truth per catalog index, 0 until known, else 1 + Truth; kept by the evaluator.
        std::atomic<std::uint8_t> *truths = nullptr;
    };
    std::vector<Node> nodes;
    std::vector<int> children;
    std::vector<int> rules; // the root of each rule, in the scorecard's order
    int filter = -1;

    int add(const Condition &c)
    {
        const int at = int(nodes.size());
        nodes.emplace_back();
        nodes.back().condition = &c;
        if (!c.isTest()) {
            std::vector<int> mine;
            mine.reserve(std::size_t(c.children.size()));
            for (const Condition &child : c.children) {
                mine.push_back(add(child));
            }
            nodes[std::size_t(at)].firstChild = int(children.size());
            nodes[std::size_t(at)].childCount = int(mine.size());
            children.insert(children.end(), mine.cbegin(), mine.cend());
            return at;
        }
        Node &node = nodes.back();
        switch (c.op) {
        case Condition::Op::Equals:
        case Condition::Op::NotEquals:
        case Condition::Op::Contains:
            node.plainOperand = plain(c.operand);
            break;
        case Condition::Op::In:
        case Condition::Op::NotIn: {
            const QCborArray options = c.operand.toArray();
            for (const QCborValue &option : options) {
                node.plainOptions << plain(option);
            }
            break;
        }
        case Condition::Op::Matches:
            node.literal = literalOf(c.regex, &node.plainOperand);
            break;
        default:
            break;
        }
        return at;
    }

    void addCard(const Scorecard &card, bool withFilter)
    {
        if (withFilter && card.filter) {
            filter = add(*card.filter);
        }
        rules.reserve(std::size_t(card.rules.size()));
        for (const ScorecardRule &rule : card.rules) {
            rules.push_back(add(rule.condition));
        }
    }
};

// The entity a test is about, with its live data once looked up.
struct ScorecardEvaluator::Subject
{
    int entity = -1;
    const Cache *table = nullptr; // run(): live data by catalog index
    bool liveKnown = false;
    const RepositoryInsights *github = nullptr;
    const EntityRuntime *runtime = nullptr;
    const EntityOps *ops = nullptr;
};

struct ScorecardEvaluator::Cache
{
    std::once_flag liveOnce;
    std::vector<const RepositoryInsights *> github; // by catalog index, for run()
    std::vector<const EntityRuntime *> runtime;
    std::vector<const EntityOps *> ops;
    // Per condition (a test, or all/any/not of some) a run met, by signature(): its truth per catalog index.
    std::mutex mutex; // guards the map; the columns are atomic
    std::map<QByteArray, std::unique_ptr<std::atomic<std::uint8_t>[]>> truths;
};

namespace {

Truth verdict(bool result)
{
    return result ? Truth::Pass : Truth::Fail;
}

// A fact that is not there (testFact with there == false).
Truth testAbsent(const Condition &c)
{
    switch (c.op) {
    case Condition::Op::Exists:
        return verdict(!c.operand.toBool());
    case Condition::Op::Empty:
        return verdict(c.operand.toBool());
    case Condition::Op::NotEquals:
    case Condition::Op::NotIn:
        return Truth::Pass; // none of no values
    default:
        return Truth::Fail;
    }
}

// A single text (testFact with isText); empty is not there, as text() makes it.
Truth testText(const Condition &c, QStringView v, const QDateTime &now, Literal literal = Literal::None,
               const QString &literalText = {})
{
    if (v.isEmpty()) {
        return testAbsent(c);
    }
    switch (c.op) {
    case Condition::Op::Matches:
        return verdict(matchesText(c, literal, literalText, v));
    case Condition::Op::Exists:
        return verdict(c.operand.toBool());
    case Condition::Op::Empty:
        return verdict(!c.operand.toBool());
    case Condition::Op::NotEquals:
        return verdict(!holdsText(c, Condition::Op::Equals, v, now));
    case Condition::Op::NotIn:
        return verdict(!holdsText(c, Condition::Op::In, v, now));
    case Condition::Op::Contains:
        return verdict(v.contains(QStringView(c.operandText)));
    default:
        return verdict(holdsText(c, c.op, v, now));
    }
}

// A single value that is there and is neither text nor a list (a number, bool, date or non-empty map).
Truth testValue(const Condition &c, const QCborValue &v, const QDateTime &now)
{
    switch (c.op) {
    case Condition::Op::Exists:
        return verdict(c.operand.toBool());
    case Condition::Op::Empty:
        return verdict(!c.operand.toBool());
    case Condition::Op::NotEquals:
        return verdict(!holds(c, Condition::Op::Equals, v, now));
    case Condition::Op::NotIn:
        return verdict(!holds(c, Condition::Op::In, v, now));
    case Condition::Op::Contains:
        return verdict(plain(v).contains(plain(c.operand)));
    default:
        return verdict(holds(c, c.op, v, now));
    }
}

QString valueOf(const KeyValues &pairs, QStringView key)
{
    return pairs.valueOf(key);
}

// What fact() finds below spec: undefined where a step is not a map.
QCborValue specValue(const PackedMap &spec, const QStringList &segments)
{
    if (segments.isEmpty()) {
        return QCborValue(spec.toMap());
    }
    QCborValue at = spec.value(segments.first());
    for (qsizetype i = 1; i < segments.size(); ++i) {
        if (!at.isMap()) {
            return {};
        }
        at = at.toMap().value(segments.at(i));
    }
    return at;
}

// registry:5000/team/app:1.2 -> 1.2; app@sha256:... -> the digest; app -> latest (what it pulls)
QStringView imageTag(QStringView image)
{
    const qsizetype at = image.indexOf(u'@');
    const qsizetype slash = image.lastIndexOf(u'/');
    const qsizetype colon = image.lastIndexOf(u':');
    return at >= 0 ? image.mid(at + 1) : colon > slash && colon >= 0 ? image.mid(colon + 1) : u"latest";
}

QDateTime oldestPull(const RepositoryInsights &github)
{
    QDateTime oldest;
    for (const PullRequestInfo &pull : github.pulls) {
        if (!oldest.isValid() || pull.createdAt < oldest) {
            oldest = pull.createdAt;
        }
    }
    return oldest;
}

QDateTime latestRelease(const RepositoryInsights &github)
{
    QDateTime latest;
    for (const ReleaseInfo &release : github.releases) {
        if (!release.draft && (!latest.isValid() || release.publishedAt > latest)) {
            latest = release.publishedAt;
        }
    }
    return latest;
}

QDateTime latestRun(const RepositoryInsights &github)
{
    QDateTime latest;
    for (const WorkflowRun &run : github.runs) {
        if ((github.defaultBranch.isEmpty() || run.branch == github.defaultBranch)
            && (!latest.isValid() || run.updatedAt > latest)) {
            latest = run.updatedAt;
        }
    }
    return latest;
}

// runtime.replicas.desired, .ready, runtime.restarts (sums over the workloads) and runtime.pods.healthy (all healthy).
QCborValue runtimeValue(FactPath::Kind kind, const QList<WorkloadInfo> &workloads)
{
    if (kind == FactPath::Kind::RuntimePodsHealthy) {
        return std::all_of(workloads.cbegin(), workloads.cend(),
                           [](const WorkloadInfo &w) { return w.health == Health::Healthy; });
    }
    qint64 sum = 0;
    for (const WorkloadInfo &w : workloads) {
        sum += kind == FactPath::Kind::RuntimeDesired ? w.desired
               : kind == FactPath::Kind::RuntimeReady ? w.ready
                                                      : w.restarts;
    }
    return sum;
}

bool isGithub(FactPath::Kind kind)
{
    return kind >= FactPath::Kind::GithubCi && kind <= FactPath::Kind::GithubLatestRun;
}

bool isOps(FactPath::Kind kind)
{
    return kind >= FactPath::Kind::AlertsFiring && kind <= FactPath::Kind::FlagsStale;
}

// alerts.firing, alerts.critical, flags.count, flags.stale: counts, 0 where no source reports anything (an entity
// with no alert has no entry at all).
QCborValue opsValue(FactPath::Kind kind, const EntityOps *ops)
{
    if (!ops) {
        return QCborValue(qint64(0));
    }
    switch (kind) {
    case FactPath::Kind::AlertsFiring:
        return QCborValue(qint64(ops->firingCount()));
    case FactPath::Kind::AlertsCritical:
        return QCborValue(qint64(std::count_if(ops->alerts.cbegin(), ops->alerts.cend(),
                                               [](const AlertInfo &a) { return a.isFiring() && a.isCritical(); })));
    case FactPath::Kind::FlagsCount:
        return QCborValue(qint64(ops->flags.size()));
    default:
        return QCborValue(qint64(ops->staleFlagCount()));
    }
}

// What the run cache knows a condition by: everything its truth depends on (the entity and the evaluator aside).
void sign(QByteArray &out, const QByteArray &bytes)
{
    out += QByteArray::number(bytes.size());
    out += ':';
    out += bytes;
}

void sign(QByteArray &out, const QString &text)
{
    sign(out, text.toUtf8());
}

void sign(QByteArray &out, const FactPath &fact)
{
    out += QByteArray::number(int(fact.kind));
    out += '.';
    sign(out, fact.key);
    out += QByteArray::number(fact.segments.size());
    out += '.';
    for (const QString &segment : fact.segments) {
        sign(out, segment);
    }
    out += QByteArray::number(int(fact.relation));
    if (fact.target) {
        out += '>';
        sign(out, *fact.target);
    } else {
        out += '.';
    }
}

QByteArray signature(const Condition &c)
{
    QByteArray out;
    out += QByteArray::number(int(c.op));
    out += '.';
    if (!c.isTest()) {
        out += QByteArray::number(c.children.size());
        out += '.';
        for (const Condition &child : c.children) {
            sign(out, signature(child));
        }
        return out;
    }
    sign(out, c.fact);
    sign(out, c.operand.toCbor());
    out += QByteArray::number(c.number, 'g', 17);
    out += '.';
    sign(out, c.regex.pattern());
    out += QByteArray::number(int(c.regex.patternOptions()));
    out += '.';
    sign(out, c.operandText);
    out += QByteArray::number(c.operandTexts.size());
    out += '.';
    for (const QString &text : c.operandTexts) {
        sign(out, text);
    }
    return out;
}

} // namespace

// The items of a list fact, one at a time, against one test: the truth testFact gives the whole list (a text item as
// the CBOR string it would be in the list). Decided as soon as one item settles it.
class ScorecardEvaluator::Fold
{
public:
    Fold(const Plan::Node &node, const QDateTime &now)
        : m_node(node)
        , m_c(*node.condition)
        , m_now(now)
    {
        switch (m_c.op) {
        case Condition::Op::Exists:
        case Condition::Op::Empty:
            m_mode = Mode::Presence;
            break;
        case Condition::Op::Contains:
            m_mode = Mode::Contains;
            break;
        case Condition::Op::NotEquals:
            m_mode = Mode::None;
            m_op = Condition::Op::Equals;
            break;
        case Condition::Op::NotIn:
            m_mode = Mode::None;
            m_op = Condition::Op::In;
            break;
        default:
            m_mode = Mode::All;
            m_op = m_c.op;
            break;
        }
    }

    [[nodiscard]] bool done() const { return m_done; }
    // Exists and empty only ask whether there is an item: it need not be made (nor passed).
    [[nodiscard]] bool presenceOnly() const { return m_mode == Mode::Presence; }
    void something()
    {
        m_seen = true;
        m_done = true;
    }

    void text(QStringView v)
    {
        m_seen = true;
        switch (m_mode) {
        case Mode::Presence:
            m_done = true;
            break;
        case Mode::Contains: // same(item, operand)
            settle(v == m_node.plainOperand);
            break;
        case Mode::None:
            settle(textHolds(v));
            break;
        case Mode::All:
            settle(!textHolds(v));
            break;
        }
    }

    void value(const QCborValue &v)
    {
        m_seen = true;
        switch (m_mode) {
        case Mode::Presence:
            m_done = true;
            break;
        case Mode::Contains:
            settle(same(v, m_c.operand));
            break;
        case Mode::None:
            settle(holds(m_c, m_op, v, m_now));
            break;
        case Mode::All:
            settle(!holds(m_c, m_op, v, m_now));
            break;
        }
    }

    // The items of a CBOR list (a spec value, or a relation target's).
    void items(const QCborArray &values)
    {
        if (presenceOnly()) {
            if (!values.isEmpty()) {
                something();
            }
            return;
        }
        for (const QCborValue &v : values) {
            if (v.isString()) {
                text(v.toString());
            } else {
                value(v);
            }
            if (m_done) {
                return;
            }
        }
    }

    [[nodiscard]] Truth truth() const
    {
        switch (m_mode) {
        case Mode::Presence: // an empty list is not there
            return verdict(m_c.op == Condition::Op::Exists ? m_seen == m_c.operand.toBool()
                                                           : m_seen != m_c.operand.toBool());
        case Mode::Contains:
            return verdict(m_hit);
        case Mode::None:
            return verdict(!m_hit);
        case Mode::All: // every value holds, and there is one
            return verdict(m_seen && !m_hit);
        }
        return Truth::Unknown;
    }

private:
    enum class Mode : std::uint8_t { Presence, Contains, None, All };

    void settle(bool hit)
    {
        if (hit) {
            m_hit = true;
            m_done = true;
        }
    }

    // holds(c, op, QCborValue(v)) without making the CBOR string: same() compares a string's plain() text.
    bool textHolds(QStringView v) const
    {
        switch (m_op) {
        case Condition::Op::Equals:
            return v == m_node.plainOperand;
        case Condition::Op::In:
            return m_node.plainOptions.contains(v);
        case Condition::Op::Matches:
            return matchesText(m_c, m_node.literal, m_node.plainOperand, v);
        default:
            return holds(m_c, m_op, QCborValue(v.toString()), m_now);
        }
    }

    const Plan::Node &m_node;
    const Condition &m_c;
    const QDateTime &m_now;
    Mode m_mode = Mode::All;
    Condition::Op m_op = Condition::Op::Equals;
    bool m_seen = false;
    bool m_hit = false; // contains: an item is it; none: an item holds; all: an item does not hold
    bool m_done = false;
};

void ScorecardEvaluator::lookUpLive(Subject &s) const
{
    if (s.liveKnown) {
        return;
    }
    s.liveKnown = true;
    if (!m_live) {
        return;
    }
    if (s.table) {
        s.github = s.table->github[std::size_t(s.entity)];
        s.runtime = s.table->runtime[std::size_t(s.entity)];
        s.ops = s.table->ops[std::size_t(s.entity)];
        return;
    }
    const QString key = m_catalog.entity(s.entity).key();
    s.github = m_live->githubFor(key);
    s.runtime = m_live->runtimeFor(key);
    s.ops = m_live->opsFor(key);
}

namespace {

bool ownerExists(const Catalog &catalog, int entity)
{
    const auto relations = catalog.relations(entity);
    return std::any_of(relations.begin(), relations.end(),
                       [](const CatalogRelation &r) { return r.type == RelationType::OwnedBy && r.target >= 0; });
}

} // namespace

// The items fact() would put in a relation's list for this fact of `s` (valuesOf of what is there: a text, each value
// of a list, or the one value), or of a list fact at the top.
void ScorecardEvaluator::collect(const FactPath &path, Subject &s, Fold &fold) const
{
    const Entity &e = m_catalog.entity(s.entity);
    const auto one = [&fold](QStringView v) {
        if (!v.isEmpty()) {
            fold.text(v);
        }
    };
    switch (path.kind) {
    case FactPath::Kind::Kind:
        return one(e.kind);
    case FactPath::Kind::ApiVersion:
        return one(e.apiVersion);
    case FactPath::Kind::Name:
        return one(e.name);
    case FactPath::Kind::Namespace:
        return one(e.ns);
    case FactPath::Kind::Title:
        return one(e.title);
    case FactPath::Kind::Description:
        return one(e.description);
    case FactPath::Kind::Annotation:
        return one(valueOf(e.annotations, path.key));
    case FactPath::Kind::Label:
        return one(valueOf(e.labels, path.key));
    case FactPath::Kind::Tags:
        for (const QString &tag : e.tags) {
            fold.text(tag);
            if (fold.done()) {
                return;
            }
        }
        return;
    case FactPath::Kind::Links:
        for (const EntityLink &link : e.links) {
            fold.text(link.url);
            if (fold.done()) {
                return;
            }
        }
        return;
    case FactPath::Kind::Spec: {
        const QCborValue v = specValue(e.spec, path.segments);
        if (v.isUndefined() || v.isNull()) {
            return;
        }
        if (v.isString()) {
            return one(v.toString());
        }
        if (v.isArray()) {
            return fold.items(v.toArray());
        }
        if (!v.isMap() || !v.toMap().isEmpty()) {
            fold.value(v);
        }
        return;
    }
    case FactPath::Kind::Relation:
        for (const CatalogRelation &r : m_catalog.relations(s.entity)) {
            if (r.type != path.relation) {
                continue;
            }
            if (!path.target) {
                if (fold.presenceOnly()) {
                    fold.something();
                } else {
                    fold.text(m_catalog.relationTargetRef(r));
                }
            } else if (r.target >= 0) {
                Subject target;
                target.entity = r.target;
                target.table = s.table;
                collect(*path.target, target, fold);
            }
            if (fold.done()) {
                return;
            }
        }
        return;
    case FactPath::Kind::OwnerExists:
        return fold.value(QCborValue(ownerExists(m_catalog, s.entity)));
    default:
        break;
    }
    lookUpLive(s);
    if (isGithub(path.kind)) {
        if (!s.github) {
            return;
        }
        QDateTime at;
        switch (path.kind) {
        case FactPath::Kind::GithubCi:
            return one(ciStateName(s.github->ciState()));
        case FactPath::Kind::GithubOpenPullRequests:
            return fold.value(QCborValue(qint64(s.github->pulls.size())));
        case FactPath::Kind::GithubOldestPullRequest:
            at = oldestPull(*s.github);
            break;
        case FactPath::Kind::GithubLatestRelease:
            at = latestRelease(*s.github);
            break;
        default:
            at = latestRun(*s.github);
            break;
        }
        if (at.isValid()) {
            fold.value(QCborValue(at));
        }
        return;
    }
    if (isOps(path.kind)) {
        return fold.value(opsValue(path.kind, s.ops));
    }
    if (!s.runtime || s.runtime->workloads.isEmpty()) {
        return;
    }
    const QList<WorkloadInfo> &workloads = s.runtime->workloads;
    switch (path.kind) {
    case FactPath::Kind::RuntimeHealth:
        return one(healthName(s.runtime->health));
    case FactPath::Kind::RuntimeDesired:
    case FactPath::Kind::RuntimeReady:
    case FactPath::Kind::RuntimeRestarts:
    case FactPath::Kind::RuntimePodsHealthy:
        return fold.value(runtimeValue(path.kind, workloads));
    case FactPath::Kind::RuntimeImages:
    case FactPath::Kind::RuntimeImageTags:
        for (const WorkloadInfo &w : workloads) {
            for (const QString &image : w.images) {
                fold.text(path.kind == FactPath::Kind::RuntimeImages ? QStringView(image) : imageTag(image));
                if (fold.done()) {
                    return;
                }
            }
        }
        return;
    default:
        return;
    }
}

Truth ScorecardEvaluator::testLeaf(const Plan &plan, int node, Subject &s) const
{
    const Plan::Node &n = plan.nodes[std::size_t(node)];
    const Condition &c = *n.condition;
    const Entity &e = m_catalog.entity(s.entity);
    const auto single = [&](QStringView v) { return testText(c, v, m_now, n.literal, n.plainOperand); };
    const auto list = [&]() {
        Fold fold(n, m_now);
        collect(c.fact, s, fold);
        return fold.truth();
    };
    switch (c.fact.kind) {
    case FactPath::Kind::Kind:
        return single(e.kind);
    case FactPath::Kind::ApiVersion:
        return single(e.apiVersion);
    case FactPath::Kind::Name:
        return single(e.name);
    case FactPath::Kind::Namespace:
        return single(e.ns);
    case FactPath::Kind::Title:
        return single(e.title);
    case FactPath::Kind::Description:
        return single(e.description);
    case FactPath::Kind::Annotation:
        return single(valueOf(e.annotations, c.fact.key));
    case FactPath::Kind::Label:
        return single(valueOf(e.labels, c.fact.key));
    case FactPath::Kind::Spec: {
        const QCborValue v = specValue(e.spec, c.fact.segments);
        if (v.isUndefined() || v.isNull() || (v.isMap() && v.toMap().isEmpty())) {
            return testAbsent(c);
        }
        if (v.isString()) {
            return single(v.toString());
        }
        if (v.isArray()) {
            Fold fold(n, m_now);
            fold.items(v.toArray());
            return fold.truth();
        }
        return testValue(c, v, m_now);
    }
    case FactPath::Kind::Tags:
    case FactPath::Kind::Links:
    case FactPath::Kind::Relation:
        return list();
    case FactPath::Kind::OwnerExists:
        return testValue(c, QCborValue(ownerExists(m_catalog, s.entity)), m_now);
    default:
        break;
    }
    lookUpLive(s);
    if (isGithub(c.fact.kind)) {
        if (!s.github) {
            return Truth::Unknown;
        }
        switch (c.fact.kind) {
        case FactPath::Kind::GithubCi:
            return single(ciStateName(s.github->ciState()));
        case FactPath::Kind::GithubOpenPullRequests:
            return testValue(c, QCborValue(qint64(s.github->pulls.size())), m_now);
        default: {
            const QDateTime at = c.fact.kind == FactPath::Kind::GithubOldestPullRequest ? oldestPull(*s.github)
                                 : c.fact.kind == FactPath::Kind::GithubLatestRelease   ? latestRelease(*s.github)
                                                                                        : latestRun(*s.github);
            return at.isValid() ? testValue(c, QCborValue(at), m_now) : testAbsent(c);
        }
        }
    }
    if (isOps(c.fact.kind)) {
        return testValue(c, opsValue(c.fact.kind, s.ops), m_now);
    }
    if (!s.runtime || s.runtime->workloads.isEmpty()) {
        return Truth::Unknown;
    }
    switch (c.fact.kind) {
    case FactPath::Kind::RuntimeHealth:
        return single(healthName(s.runtime->health));
    case FactPath::Kind::RuntimeImages:
    case FactPath::Kind::RuntimeImageTags:
        return list();
    case FactPath::Kind::RuntimeDesired:
    case FactPath::Kind::RuntimeReady:
    case FactPath::Kind::RuntimeRestarts:
    case FactPath::Kind::RuntimePodsHealthy:
        return testValue(c, runtimeValue(c.fact.kind, s.runtime->workloads), m_now);
    default:
        return Truth::Unknown;
    }
}

Truth ScorecardEvaluator::testNode(const Plan &plan, int node, Subject &s) const
{
    const Plan::Node &n = plan.nodes[std::size_t(node)];
    if (!n.truths) {
        return testTree(plan, node, s);
    }
    std::atomic<std::uint8_t> &known = n.truths[std::size_t(s.entity)];
    if (const std::uint8_t k = known.load(std::memory_order_relaxed)) {
        return Truth(k - 1);
    }
    const Truth t = testTree(plan, node, s);
    known.store(std::uint8_t(std::uint8_t(t) + 1), std::memory_order_relaxed);
    return t;
}

Truth ScorecardEvaluator::testTree(const Plan &plan, int node, Subject &s) const
{
    const Plan::Node &n = plan.nodes[std::size_t(node)];
    switch (n.condition->op) {
    case Condition::Op::All:
    case Condition::Op::Any: {
        // Kleene's logic, as testInner: decided by the first false (all) or true (any), else unknown by an unknown.
        const Truth decisive = n.condition->op == Condition::Op::All ? Truth::Fail : Truth::Pass;
        Truth result = n.condition->op == Condition::Op::All ? Truth::Pass : Truth::Fail;
        for (int i = 0; i < n.childCount; ++i) {
            const Truth t = testNode(plan, plan.children[std::size_t(n.firstChild + i)], s);
            if (t == decisive) {
                return t;
            }
            if (t == Truth::Unknown) {
                result = Truth::Unknown;
            }
        }
        return result;
    }
    case Condition::Op::Not: {
        if (n.childCount == 0) {
            return Truth::Unknown;
        }
        const Truth t = testNode(plan, plan.children[std::size_t(n.firstChild)], s);
        return t == Truth::Unknown ? t : t == Truth::Pass ? Truth::Fail : Truth::Pass;
    }
    default:
        return testLeaf(plan, node, s);
    }
}

ScorecardEvaluator::ScorecardEvaluator(const Catalog &catalog, const LiveSnapshot *live, QDateTime now)
    : m_catalog(catalog)
    , m_live(live)
    , m_now(std::move(now))
    , m_cache(std::make_shared<Cache>())
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
        return list(QCborArray::fromStringList(e.tags.toList()));
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
        if (path.segments.isEmpty()) {
            return fromCbor(QCborValue(e.spec.toMap()));
        }
        QCborValue at = e.spec.value(path.segments.first());
        for (qsizetype i = 1; i < path.segments.size(); ++i) {
            if (!at.isMap()) {
                return absent();
            }
            at = at.toMap().value(path.segments.at(i));
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
    const QString key = m_live ? e.key() : QString(); // no live data, no key to look it up by
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
    if (isOps(path.kind)) {
        return present(opsValue(path.kind, m_live ? m_live->opsFor(key) : nullptr));
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
    if (why) {
        return testInner(condition, entity, why, false);
    }
    Plan plan;
    const int root = plan.add(condition);
    Subject s;
    s.entity = entity;
    return testNode(plan, root, s);
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
        const Condition::Op positive = c.op == Condition::Op::NotEquals ? Condition::Op::Equals : Condition::Op::In;
        if (isText) {
            result = !holdsText(c, positive, f.text, m_now);
            break;
        }
        const QCborArray values = there ? valuesOf(f.value) : QCborArray();
        result = std::none_of(values.cbegin(), values.cend(),
                              [&](const QCborValue &v) { return holds(c, positive, v, m_now); });
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
            result = holdsText(c, c.op, f.text, m_now);
            break;
        }
        // Every value holds (one for a single value).
        const QCborArray values = there ? valuesOf(f.value) : QCborArray();
        result = !values.isEmpty() && std::all_of(values.cbegin(), values.cend(), [&](const QCborValue &v) {
            return holds(c, c.op, v, m_now);
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

void ScorecardEvaluator::score(EntityScore &out, const Scorecard &card, const Plan &plan, Subject &subject,
                               bool explain) const
{
    out.entity = subject.entity;
    out.truths.reserve(std::size_t(card.rules.size()));
    if (explain) {
        out.why.resize(card.rules.size());
    }
    double total = 0;
    double passed = 0;
    // The lowest level at which a rule does not pass: every level from there up is out of reach.
    int firstMiss = int(card.levels.size());
    for (qsizetype r = 0; r < card.rules.size(); ++r) {
        const ScorecardRule &rule = card.rules.at(r);
        const Truth truth = testNode(plan, plan.rules[std::size_t(r)], subject);
        if (truth != Truth::Pass) {
            if (explain) {
                (void)test(rule.condition, subject.entity, &out.why[r]); // again, for the explanation only
            }
            firstMiss = std::min(firstMiss, rule.level);
        }
        total += rule.weight;
        switch (truth) {
        case Truth::Pass:
            ++out.passed;
            passed += rule.weight;
            break;
        case Truth::Fail:
            ++out.failed;
            break;
        case Truth::Unknown:
            ++out.unknown;
            break;
        }
        out.truths.push_back(truth);
    }
    out.level = firstMiss - 1;
    out.score = total > 0 ? 100.0 * passed / total : 100.0;
}

EntityScore ScorecardEvaluator::evaluate(const Scorecard &card, int entity, bool explain) const
{
    Plan plan;
    plan.addCard(card, false);
    Subject s;
    s.entity = entity;
    EntityScore out;
    score(out, card, plan, s, explain);
    return out;
}

ScorecardRun ScorecardEvaluator::run(const Scorecard &card, const std::atomic_bool *cancel) const
{
    return std::move(runCards({&card}, cancel).front());
}

std::vector<ScorecardRun> ScorecardEvaluator::runAll(const QList<Scorecard> &cards,
                                                     const std::atomic_bool *cancel) const
{
    std::vector<const Scorecard *> all;
    all.reserve(std::size_t(cards.size()));
    for (const Scorecard &card : cards) {
        all.push_back(&card);
    }
    return runCards(all, cancel);
}

std::vector<ScorecardRun> ScorecardEvaluator::runCards(const std::vector<const Scorecard *> &cards,
                                                       const std::atomic_bool *cancel) const
{
    const int size = m_catalog.size();
    const std::size_t count = cards.size();
    std::vector<ScorecardRun> out(count);
    std::vector<Plan> plans(count);
    for (std::size_t c = 0; c < count; ++c) {
        out[c].scorecardId = cards[c]->id;
        out[c].levelCounts = QList<int>(cards[c]->levels.size() + 1, 0);
        plans[c].addCard(*cards[c], true);
    }
    if (size > 0) {
        // Each condition's truths are kept for the evaluator's later runs: scorecards share most of their tests and
        // rules (owner, docs, lifecycle), and their filter.
        const std::lock_guard lock(m_cache->mutex);
        for (Plan &plan : plans) {
            for (Plan::Node &node : plan.nodes) {
                std::unique_ptr<std::atomic<std::uint8_t>[]> &truths = m_cache->truths[signature(*node.condition)];
                if (!truths) {
                    truths.reset(new std::atomic<std::uint8_t>[std::size_t(size)]());
                }
                node.truths = truths.get();
            }
        }
    }
    const Cache *table = nullptr;
    if (m_live) {
        // The live data by catalog index, instead of a key string per entity and a hash lookup per fact.
        std::call_once(m_cache->liveOnce, [this, size] {
            m_cache->github.assign(std::size_t(size), nullptr);
            m_cache->runtime.assign(std::size_t(size), nullptr);
            m_cache->ops.assign(std::size_t(size), nullptr);
            for (auto it = m_live->ops.cbegin(); it != m_live->ops.cend(); ++it) {
                if (const int i = m_catalog.indexOf(it.key()); i >= 0) {
                    m_cache->ops[std::size_t(i)] = &it.value();
                }
            }
            for (auto it = m_live->github.cbegin(); it != m_live->github.cend(); ++it) {
                if (const int i = m_catalog.indexOf(it.key()); i >= 0) {
                    m_cache->github[std::size_t(i)] = &it.value();
                }
            }
            for (auto it = m_live->runtime.cbegin(); it != m_live->runtime.cend(); ++it) {
                if (const int i = m_catalog.indexOf(it.key()); i >= 0) {
                    m_cache->runtime[std::size_t(i)] = &it.value();
                }
            }
        });
        table = m_cache.get();
    }

    // In slices of the catalog on every core: entities are evaluated independently, against immutable snapshots.
    // Each entity against every scorecard in turn, while its descriptor is in the processor's cache.
    constexpr int slice = 2048;
    const int slices = (size + slice - 1) / slice;
    const auto inSlices = [slices, size](auto &&work) {
        std::vector<int> parts(std::size_t(slices), 0);
        std::iota(parts.begin(), parts.end(), 0);
        QtConcurrent::blockingMap(backgroundPool(), parts, [&](int part) {
            lowerCurrentThreadPriority();
            work(part, part * slice, std::min(size, (part + 1) * slice));
        });
    };
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    const auto subject = [this, table](int entity) {
        Subject s;
        s.entity = entity;
        s.table = table;
        s.liveKnown = !m_live;
        return s;
    };
    // First which entities each scorecard applies to (entity by entity, scorecard by scorecard)...
    std::vector<std::uint8_t> applying(std::size_t(size) * count);
    inSlices([&](int, int begin, int end) {
        for (int i = begin; i < end && !cancelled(); ++i) {
            Subject s = subject(i);
            for (std::size_t c = 0; c < count; ++c) {
                const Plan &plan = plans[c];
                applying[std::size_t(i) * count + c] = plan.filter < 0 || testNode(plan, plan.filter, s) == Truth::Pass;
            }
        }
    });
    // ... so that each score goes straight to its place in its run: a slice's first is after those of the slices
    // before it.
    std::vector<std::size_t> firsts(std::size_t(slices) * count);
    std::vector<std::size_t> totals(count, 0);
    for (int part = 0; part < slices; ++part) {
        std::copy(totals.cbegin(), totals.cend(), firsts.begin() + std::ptrdiff_t(std::size_t(part) * count));
        for (int i = part * slice; i < std::min(size, (part + 1) * slice); ++i) {
            for (std::size_t c = 0; c < count; ++c) {
                totals[c] += applying[std::size_t(i) * count + c];
            }
        }
    }
    for (std::size_t c = 0; c < count; ++c) {
        out[c].entities.resize(totals[c]);
    }
    inSlices([&](int part, int begin, int end) {
        const auto first = firsts.cbegin() + std::ptrdiff_t(std::size_t(part) * count);
        std::vector<std::size_t> next(first, first + std::ptrdiff_t(count));
        for (int i = begin; i < end && !cancelled(); ++i) {
            Subject s = subject(i);
            for (std::size_t c = 0; c < count; ++c) {
                if (applying[std::size_t(i) * count + c]) {
                    score(out[c].entities[next[c]++], *cards[c], plans[c], s, false);
                }
            }
        }
    });
    const bool stopped = cancelled();
    for (std::size_t c = 0; c < count; ++c) {
        ScorecardRun &run = out[c];
        if (stopped) {
            run.cancelled = true;
            run.entities.clear();
            continue;
        }
        for (const EntityScore &score : run.entities) {
            ++run.levelCounts[score.level >= 0 ? score.level : int(cards[c]->levels.size())];
        }
    }
    return out;
}

} // namespace Portolan::Core
