#include "Scorecard.h"

#include "catalog/DescriptorReader.h"
#include "scorecards/PortScorecards.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Scorecard", text, nullptr, n);
}

// The facts of one entity's descriptor, also what a relation's target can be asked.
std::optional<FactPath> parseDescriptorFact(const QString &path)
{
    FactPath f;
    f.text = path;
    static const QHash<QString, FactPath::Kind> plain = {
        {u"kind"_s, FactPath::Kind::Kind},
        {u"apiVersion"_s, FactPath::Kind::ApiVersion},
        {u"metadata.name"_s, FactPath::Kind::Name},
        {u"metadata.namespace"_s, FactPath::Kind::Namespace},
        {u"metadata.title"_s, FactPath::Kind::Title},
        {u"metadata.description"_s, FactPath::Kind::Description},
        {u"metadata.tags"_s, FactPath::Kind::Tags},
        {u"metadata.links"_s, FactPath::Kind::Links},
    };
    if (const auto it = plain.constFind(path); it != plain.constEnd()) {
        f.kind = *it;
        return f;
    }
    // Annotation and label keys hold dots and slashes ("backstage.io/techdocs-ref"): the rest of the path is the key.
    for (const auto &[prefix, kind] : {std::pair{u"metadata.annotations."_s, FactPath::Kind::Annotation},
                                       std::pair{u"metadata.labels."_s, FactPath::Kind::Label}}) {
        if (path.startsWith(prefix) && path.size() > prefix.size()) {
            f.kind = kind;
            f.key = path.mid(prefix.size());
            return f;
        }
    }
    if (path.startsWith("spec."_L1) && path.size() > 5) {
        f.kind = FactPath::Kind::Spec;
        f.segments = path.mid(5).split(u'.');
        if (std::any_of(f.segments.cbegin(), f.segments.cend(), [](const QString &s) { return s.isEmpty(); })) {
            return std::nullopt;
        }
        return f;
    }
    return std::nullopt;
}

using Problem = std::function<void(const QString &field, const QString &message)>;

// An age such as "30d", "12h", "2w", "90m", or a number of days; seconds, or -1.
double parseAge(const QCborValue &value)
{
    if (value.isInteger() || value.isDouble()) {
        return value.toDouble() >= 0 ? value.toDouble() * 86400 : -1;
    }
    if (!value.isString()) {
        return -1;
    }
    const QString text = value.toString().trimmed();
    if (text.size() < 2) {
        return -1;
    }
    bool ok = false;
    const double amount = text.left(text.size() - 1).toDouble(&ok);
    if (!ok || amount < 0) {
        return -1;
    }
    switch (text.back().toLatin1()) {
    case 'm':
        return amount * 60;
    case 'h':
        return amount * 3600;
    case 'd':
        return amount * 86400;
    case 'w':
        return amount * 7 * 86400;
    default:
        return -1;
    }
}

struct OpKey
{
    Condition::Op op;
    QLatin1StringView key;
};

constexpr OpKey testOps[] = {
    {Condition::Op::Equals, "equals"_L1},
    {Condition::Op::NotEquals, "notEquals"_L1},
    {Condition::Op::In, "in"_L1},
    {Condition::Op::NotIn, "notIn"_L1},
    {Condition::Op::Contains, "contains"_L1},
    {Condition::Op::Matches, "matches"_L1},
    {Condition::Op::Exists, "exists"_L1},
    {Condition::Op::Empty, "empty"_L1},
    {Condition::Op::GreaterThan, "greaterThan"_L1},
    {Condition::Op::AtLeast, "atLeast"_L1},
    {Condition::Op::LessThan, "lessThan"_L1},
    {Condition::Op::AtMost, "atMost"_L1},
    {Condition::Op::OlderThan, "olderThan"_L1},
    {Condition::Op::NewerThan, "newerThan"_L1},
};

class Parser
{
public:
    Parser(const ParsedDocument &doc, ErrorList &problems)
        : m_doc(doc)
        , m_problems(problems)
    { }

    void problem(const QString &field, const QString &message)
    {
        Error e = makeError(Error::Code::Validation, message);
        e.file = m_doc.file;
        e.field = field;
        // A missing field has no place of its own: positionOf gives the closest thing that exists (its mapping).
        const TextPosition pos = m_doc.positionOf(field);
        e.line = pos.line;
        e.column = pos.column;
        m_problems.append(e);
    }

    int lineOf(const QString &field) const { return m_doc.positionOf(field).line; }

    // A condition at `field`; nullopt (with the problem reported) when it cannot be used.
    std::optional<Condition> condition(const QCborValue &value, const QString &field, int depth = 0)
    {
        if (depth > 32) {
            problem(field, tr("Conditions nest more than 32 deep"));
            return std::nullopt;
        }
        if (!value.isMap()) {
            problem(field, tr("A condition must be a mapping: {fact: ..., equals: ...}, or all, any or not"));
            return std::nullopt;
        }
        const QCborMap map = value.toMap();
        Condition c;
        c.line = lineOf(field);
        for (const auto &[op, key] :
             {std::pair{Condition::Op::All, "all"_L1}, std::pair{Condition::Op::Any, "any"_L1}}) {
            if (!map.contains(key)) {
                continue;
            }
            if (map.size() != 1) {
                problem(field, tr("\"%1\" stands alone in its condition").arg(key));
                return std::nullopt;
            }
            const QCborValue list = map.value(key);
            if (!list.isArray() || list.toArray().isEmpty()) {
                problem(field + u'.' + key, tr("\"%1\" takes a non-empty list of conditions").arg(key));
                return std::nullopt;
            }
            c.op = op;
            const QCborArray items = list.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                auto child = condition(items.at(i), u"%1.%2[%3]"_s.arg(field, key).arg(i), depth + 1);
                if (!child) {
                    return std::nullopt;
                }
                c.children.append(std::move(*child));
            }
            return c;
        }
        if (map.contains("not"_L1)) {
            if (map.size() != 1) {
                problem(field, tr("\"not\" stands alone in its condition"));
                return std::nullopt;
            }
            auto child = condition(map.value("not"_L1), field + u".not"_s, depth + 1);
            if (!child) {
                return std::nullopt;
            }
            c.op = Condition::Op::Not;
            c.children.append(std::move(*child));
            return c;
        }
        const QCborValue fact = map.value("fact"_L1);
        if (!fact.isString()) {
            problem(field + u".fact"_s, tr("A test needs \"fact\": the path of what it tests, e.g. spec.lifecycle"));
            return std::nullopt;
        }
        QString factError;
        const std::optional<FactPath> path = FactPath::parse(fact.toString(), &factError);
        if (!path) {
            problem(field + u".fact"_s, factError);
            return std::nullopt;
        }
        c.fact = *path;
        int ops = 0;
        for (const auto &[op, key] : testOps) {
            if (map.contains(key)) {
                ++ops;
                c.op = op;
                c.operand = map.value(key);
            }
        }
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString key = it.key().toString();
            const bool known =
                key == "fact"_L1
                || std::any_of(std::begin(testOps), std::end(testOps), [&key](const OpKey &o) { return key == o.key; });
            if (!known) {
                problem(field + u'.' + key, tr("Unknown field \"%1\" in a condition").arg(key));
                return std::nullopt;
            }
        }
        if (ops != 1) {
            problem(field, tr("A test has exactly one operator: equals, notEquals, in, notIn, contains, matches, "
                              "exists, empty, greaterThan, atLeast, lessThan, atMost, olderThan or newerThan"));
            return std::nullopt;
        }
        const QString at = field + u'.' + Condition::opName(c.op);
        const auto asText = [](const QCborValue &v) {
            return v.isBool()      ? QString(v.toBool() ? u"true"_s : u"false"_s)
                   : v.isInteger() ? QString::number(v.toInteger())
                   : v.isDouble()  ? QString::number(v.toDouble())
                                   : v.toString();
        };
        c.operandText = asText(c.operand);
        if (c.operand.isArray()) {
            for (const QCborValue &item : c.operand.toArray()) {
                c.operandTexts << asText(item);
            }
        }
        switch (c.op) {
        case Condition::Op::In:
        case Condition::Op::NotIn:
            if (!c.operand.isArray()) {
                problem(at, tr("\"%1\" takes a list of values").arg(Condition::opName(c.op)));
                return std::nullopt;
            }
            break;
        case Condition::Op::Exists:
        case Condition::Op::Empty:
            if (!c.operand.isBool()) {
                problem(at, tr("\"%1\" takes true or false").arg(Condition::opName(c.op)));
                return std::nullopt;
            }
            break;
        case Condition::Op::GreaterThan:
        case Condition::Op::AtLeast:
        case Condition::Op::LessThan:
        case Condition::Op::AtMost:
            if (!c.operand.isInteger() && !c.operand.isDouble()) {
                problem(at, tr("\"%1\" takes a number").arg(Condition::opName(c.op)));
                return std::nullopt;
            }
            c.number = c.operand.toDouble();
            break;
        case Condition::Op::OlderThan:
        case Condition::Op::NewerThan:
            c.number = parseAge(c.operand);
            if (c.number < 0) {
                problem(at, tr("\"%1\" takes an age: a number and m, h, d or w (\"30d\"), or a number of days")
                                .arg(Condition::opName(c.op)));
                return std::nullopt;
            }
            break;
        case Condition::Op::Matches:
            c.regex = QRegularExpression(c.operand.toString());
            if (!c.operand.isString() || !c.regex.isValid()) {
                problem(at, tr("\"matches\" takes a regular expression: %1").arg(c.regex.errorString()));
                return std::nullopt;
            }
            c.regex.optimize();
            break;
        case Condition::Op::Equals:
        case Condition::Op::NotEquals:
        case Condition::Op::Contains:
            if (c.operand.isMap() || c.operand.isArray() || c.operand.isUndefined()) {
                problem(at, tr("\"%1\" takes one value: a string, number or true/false").arg(Condition::opName(c.op)));
                return std::nullopt;
            }
            break;
        default:
            break;
        }
        return c;
    }

    std::optional<Scorecard> scorecard()
    {
        const QCborMap &root = m_doc.root;
        static const QStringList known = {u"$schema"_s, u"id"_s,     u"title"_s, u"description"_s,
                                          u"filter"_s,  u"levels"_s, u"rules"_s};
        for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
            if (!known.contains(it.key().toString())) {
                problem(it.key().toString(), tr("Unknown field \"%1\" in a scorecard").arg(it.key().toString()));
            }
        }
        Scorecard card;
        card.file = m_doc.file;
        const QCborValue id = root.value("id"_L1);
        if (!id.isString() || id.toString().trimmed().isEmpty()) {
            problem(u"id"_s, tr("A scorecard needs an id"));
            return std::nullopt;
        }
        card.id = id.toString().trimmed();
        card.line = lineOf(u"id"_s);
        card.title = root.value("title"_L1).toString();
        card.description = root.value("description"_L1).toString();
        if (root.contains("filter"_L1)) {
            card.filter = condition(root.value("filter"_L1), u"filter"_s);
            if (!card.filter) {
                return std::nullopt; // applied to the wrong entities it would mislead
            }
        }
        const QCborValue levels = root.value("levels"_L1);
        if (levels.isUndefined()) {
            card.levels = Scorecard::defaultLevels();
        } else if (!levels.isArray() || levels.toArray().isEmpty()) {
            problem(u"levels"_s, tr("\"levels\" is a list of {name, color}, lowest first"));
            return std::nullopt;
        } else {
            const QCborArray list = levels.toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QString at = u"levels[%1]"_s.arg(i);
                const QCborValue item = list.at(i);
                const QString name = item.isString() ? item.toString() : item.toMap().value("name"_L1).toString();
                if (name.trimmed().isEmpty()) {
                    problem(at, tr("A level needs a name"));
                    return std::nullopt;
                }
                if (card.levelIndex(name) >= 0) {
                    problem(at, tr("Level \"%1\" is named twice").arg(name));
                    return std::nullopt;
                }
                QString color = item.toMap().value("color"_L1).toString();
                if (!color.isEmpty() && !QRegularExpression(u"^#[0-9a-fA-F]{6}$"_s).match(color).hasMatch()) {
                    problem(at + u".color"_s, tr("A level's color is #rrggbb"));
                    color.clear();
                }
                card.levels.append({name.trimmed(), color});
            }
        }
        const QCborValue rules = root.value("rules"_L1);
        if (!rules.isArray() || rules.toArray().isEmpty()) {
            problem(u"rules"_s, tr("A scorecard needs rules: a list of {id, title, level, condition}"));
            return std::nullopt;
        }
        QSet<QString> ids;
        const QCborArray list = rules.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = u"rules[%1]"_s.arg(i);
            const QCborMap item = list.at(i).toMap();
            if (!list.at(i).isMap()) {
                problem(at, tr("A rule is a mapping: {id, title, level, condition}"));
                continue;
            }
            static const QStringList ruleKeys = {u"id"_s,    u"title"_s,  u"description"_s,
                                                 u"level"_s, u"weight"_s, u"condition"_s};
            for (auto it = item.constBegin(); it != item.constEnd(); ++it) {
                if (!ruleKeys.contains(it.key().toString())) {
                    problem(at + u'.' + it.key().toString(),
                            tr("Unknown field \"%1\" in a rule").arg(it.key().toString()));
                }
            }
            ScorecardRule rule;
            rule.line = lineOf(at);
            rule.id = item.value("id"_L1).toString().trimmed();
            if (rule.id.isEmpty()) {
                problem(at + u".id"_s, tr("A rule needs an id"));
                continue;
            }
            if (ids.contains(rule.id)) {
                problem(at + u".id"_s, tr("Rule id \"%1\" is used twice").arg(rule.id));
                continue;
            }
            rule.title = item.value("title"_L1).toString();
            rule.description = item.value("description"_L1).toString();
            const QCborValue level = item.value("level"_L1);
            if (level.isUndefined() && card.levels.size() == 1) {
                rule.level = 0;
            } else {
                rule.level = card.levelIndex(level.toString());
                if (rule.level < 0) {
                    QStringList names;
                    for (const ScorecardLevel &l : std::as_const(card.levels)) {
                        names << l.name;
                    }
                    problem(at + u".level"_s,
                            tr("\"level\" must be one of the scorecard's levels: %1").arg(names.join(u", "_s)));
                    continue;
                }
            }
            const QCborValue weight = item.value("weight"_L1);
            if (!weight.isUndefined()) {
                if ((!weight.isInteger() && !weight.isDouble()) || weight.toDouble() < 0) {
                    problem(at + u".weight"_s, tr("\"weight\" is a number, 0 or more"));
                    continue;
                }
                rule.weight = weight.toDouble();
            }
            auto c = condition(item.value("condition"_L1), at + u".condition"_s);
            if (!c) {
                continue;
            }
            rule.condition = std::move(*c);
            ids.insert(rule.id);
            card.rules.append(std::move(rule));
        }
        if (card.rules.isEmpty()) {
            return std::nullopt;
        }
        return card;
    }

private:
    const ParsedDocument &m_doc;
    ErrorList &m_problems;
};

} // namespace

std::optional<FactPath> FactPath::parse(const QString &path, QString *error)
{
    const auto fail = [error, &path](const QString &message) -> std::optional<FactPath> {
        if (error) {
            *error = message.isEmpty() ? tr("Unknown fact \"%1\"").arg(path) : message;
        }
        return std::nullopt;
    };
    if (std::optional<FactPath> own = parseDescriptorFact(path)) {
        return own;
    }
    FactPath f;
    f.text = path;
    static const QHash<QString, Kind> named = {
        {u"owner.exists"_s, Kind::OwnerExists},
        {u"github.ci"_s, Kind::GithubCi},
        {u"github.pullRequests.open"_s, Kind::GithubOpenPullRequests},
        {u"github.pullRequests.oldestOpenedAt"_s, Kind::GithubOldestPullRequest},
        {u"github.releases.latestPublishedAt"_s, Kind::GithubLatestRelease},
        {u"github.runs.latestAt"_s, Kind::GithubLatestRun},
        {u"runtime.health"_s, Kind::RuntimeHealth},
        {u"runtime.replicas.desired"_s, Kind::RuntimeDesired},
        {u"runtime.replicas.ready"_s, Kind::RuntimeReady},
        {u"runtime.restarts"_s, Kind::RuntimeRestarts},
        {u"runtime.pods.healthy"_s, Kind::RuntimePodsHealthy},
        {u"runtime.images"_s, Kind::RuntimeImages},
        {u"runtime.imageTags"_s, Kind::RuntimeImageTags},
        {u"alerts.firing"_s, Kind::AlertsFiring},
        {u"alerts.critical"_s, Kind::AlertsCritical},
        {u"flags.count"_s, Kind::FlagsCount},
        {u"flags.stale"_s, Kind::FlagsStale},
    };
    if (const auto it = named.constFind(path); it != named.constEnd()) {
        f.kind = *it;
        return f;
    }
    if (path.startsWith("relations."_L1)) {
        const QString rest = path.mid(10);
        const qsizetype dot = rest.indexOf(u'.');
        const std::optional<RelationType> type = relationFromName(dot < 0 ? rest : rest.left(dot));
        if (!type) {
            return fail(tr("Unknown relation in \"%1\": relations.<type>, such as relations.dependsOn").arg(path));
        }
        f.kind = Kind::Relation;
        f.relation = *type;
        if (dot >= 0) {
            const std::optional<FactPath> target = parseDescriptorFact(rest.mid(dot + 1));
            if (!target) {
                return fail(tr("\"%1\": after relations.<type>, only a fact of the target's descriptor "
                               "(kind, metadata..., spec...)")
                                .arg(path));
            }
            f.target = std::make_shared<const FactPath>(*target);
        }
        return f;
    }
    return fail({});
}

bool FactPath::isLive() const
{
    return kind >= Kind::GithubCi;
}

QString Condition::opName(Op op)
{
    switch (op) {
    case Op::All:
        return u"all"_s;
    case Op::Any:
        return u"any"_s;
    case Op::Not:
        return u"not"_s;
    default:
        break;
    }
    for (const auto &[o, key] : testOps) {
        if (o == op) {
            return QString(key);
        }
    }
    return {};
}

int Scorecard::levelIndex(const QString &name) const
{
    for (int i = 0; i < int(levels.size()); ++i) {
        if (levels.at(i).name.compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
            return i;
        }
    }
    return -1;
}

QList<ScorecardLevel> Scorecard::defaultLevels()
{
    return {{u"Bronze"_s, u"#cd7f32"_s}, {u"Silver"_s, u"#a8a9ad"_s}, {u"Gold"_s, u"#d4af37"_s}};
}

namespace ScorecardReader {

namespace {

std::optional<QByteArray> contents(const QString &file, ErrorList &problems)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        Error e = makeError(Error::Code::Io, tr("Cannot read the scorecard: %1").arg(in.errorString()));
        e.file = file;
        problems.append(e);
        return std::nullopt;
    }
    return in.readAll();
}

} // namespace

QList<Scorecard> read(const QByteArray &data, const QString &file, ErrorList &problems)
{
    ReadOptions options;
    options.positionDepth = 80;
    const FileReadResult read = DescriptorReader::readData(data, file, options);
    problems += read.problems;
    if (read.documents.isEmpty()) {
        return {};
    }
    if (PortScorecards::isPortDocument(read.documents.first())) {
        return PortScorecards::read(read.documents.first(), problems);
    }
    if (read.documents.size() > 1) {
        Error e = makeError(Error::Code::Validation, tr("A scorecard file holds one scorecard; the rest is ignored"));
        e.severity = Error::Severity::Warning;
        e.file = file;
        e.line = read.documents.at(1).start.line;
        problems.append(e);
    }
    Parser parser(read.documents.first(), problems);
    std::optional<Scorecard> card = parser.scorecard();
    return card ? QList<Scorecard>{std::move(*card)} : QList<Scorecard>{};
}

QList<Scorecard> readPort(const QByteArray &data, const QString &file, ErrorList &problems)
{
    return PortScorecards::readData(data, file, problems);
}

std::optional<Scorecard> readData(const QByteArray &data, const QString &file, ErrorList &problems)
{
    QList<Scorecard> cards = read(data, file, problems);
    if (cards.isEmpty()) {
        return std::nullopt;
    }
    if (cards.size() > 1) {
        Error e = makeError(Error::Code::Validation,
                            tr("The file holds %n scorecards; only the first is read here (a scorecards folder reads "
                               "them all)",
                               int(cards.size())));
        e.severity = Error::Severity::Warning;
        e.file = file;
        e.field = cards.at(1).idField;
        e.line = cards.at(1).line;
        problems.append(e);
    }
    return std::move(cards.first());
}

std::optional<Scorecard> readFile(const QString &file, ErrorList &problems)
{
    const std::optional<QByteArray> data = contents(file, problems);
    if (!data) {
        return std::nullopt;
    }
    return readData(*data, file, problems);
}

QStringList files(const QStringList &paths)
{
    QStringList out;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            const QFileInfoList entries =
                QDir(path).entryInfoList({u"*.yaml"_s, u"*.yml"_s, u"*.json"_s}, QDir::Files, QDir::Name);
            for (const QFileInfo &entry : entries) {
                out << entry.filePath();
            }
        } else {
            out << path;
        }
    }
    return out;
}

QList<Scorecard> readAll(const QStringList &paths, ErrorList &problems)
{
    const QStringList files = ScorecardReader::files(paths);
    QList<Scorecard> cards;
    QHash<QString, QString> seen; // id -> file
    for (const QString &file : std::as_const(files)) {
        const std::optional<QByteArray> data = contents(file, problems);
        if (!data) {
            continue;
        }
        for (Scorecard &card : read(*data, file, problems)) {
            if (seen.contains(card.id)) {
                Error e =
                    makeError(Error::Code::Conflict, tr("Scorecard id \"%1\" is also used by %2")
                                                         .arg(card.id, QFileInfo(seen.value(card.id)).fileName()));
                e.file = file;
                e.field = card.idField;
                e.line = std::max(card.line, 1);
                problems.append(e);
                continue;
            }
            seen.insert(card.id, file);
            cards.append(std::move(card));
        }
    }
    std::sort(cards.begin(), cards.end(), [](const Scorecard &a, const Scorecard &b) { return a.id < b.id; });
    return cards;
}

} // namespace ScorecardReader

} // namespace Portolan::Core
