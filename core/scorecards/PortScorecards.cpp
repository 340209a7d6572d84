#include "PortScorecards.h"

#include "catalog/DescriptorReader.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PortScorecards", text);
}

QString join(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + u'.' + key;
}

QString asText(const QCborValue &v)
{
    return v.isBool()      ? QString(v.toBool() ? u"true"_s : u"false"_s)
           : v.isInteger() ? QString::number(v.toInteger())
           : v.isDouble()  ? QString::number(v.toDouble())
                           : v.toString();
}

// A test as Portolan's reader would have made it from {fact, <op>: operand}.
Condition test(const FactPath &fact, Condition::Op op, const QCborValue &operand, int line)
{
    Condition c;
    c.op = op;
    c.fact = fact;
    c.operand = operand;
    c.line = line;
    c.operandText = asText(operand);
    if (operand.isArray()) {
        for (const QCborValue &item : operand.toArray()) {
            c.operandTexts << asText(item);
        }
    }
    if (operand.isInteger() || operand.isDouble()) {
        c.number = operand.toDouble();
    }
    return c;
}

Condition group(Condition::Op op, QList<Condition> children, int line)
{
    Condition c;
    c.op = op;
    c.children = std::move(children);
    c.line = line;
    return c;
}

Condition negate(Condition child)
{
    const int line = child.line;
    return group(Condition::Op::Not, {std::move(child)}, line);
}

// Port's scorecard operators (the "Available operators" table and the create-a-scorecard request schema).
enum class PortOp : std::uint8_t {
    Equals,
    NotEquals,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    Contains,
    DoesNotContain,
    BeginsWith,
    DoesNotBeginWith,
    EndsWith,
    DoesNotEndWith,
    IsEmpty,
    IsNotEmpty,
    ContainsAny,
    In,
    Between,
    NotBetween,
};

struct PortOpName
{
    PortOp op;
    QLatin1StringView name;
};

constexpr PortOpName portOps[] = {
    {PortOp::Equals, "="_L1},
    {PortOp::NotEquals, "!="_L1},
    {PortOp::Greater, ">"_L1},
    {PortOp::GreaterOrEqual, ">="_L1},
    {PortOp::Less, "<"_L1},
    {PortOp::LessOrEqual, "<="_L1},
    {PortOp::Contains, "contains"_L1},
    {PortOp::DoesNotContain, "doesNotContains"_L1},
    {PortOp::BeginsWith, "beginsWith"_L1},
    {PortOp::DoesNotBeginWith, "doesNotBeginsWith"_L1},
    {PortOp::EndsWith, "endsWith"_L1},
    {PortOp::DoesNotEndWith, "doesNotEndsWith"_L1},
    {PortOp::IsEmpty, "isEmpty"_L1},
    {PortOp::IsNotEmpty, "isNotEmpty"_L1},
    {PortOp::ContainsAny, "containsAny"_L1},
    {PortOp::In, "in"_L1},
    {PortOp::Between, "between"_L1},
    {PortOp::NotBetween, "notBetween"_L1},
};

// Port's date presets that are a span up to now, in days. A month counts 30 days and twelve 365: Portolan's ages are
// spans of fixed length, not calendar months (documented in the README).
struct Preset
{
    QLatin1StringView name;
    int days;
};

constexpr Preset agePresets[] = {
    {"lastWeek"_L1, 7},     {"last2Weeks"_L1, 14},   {"lastMonth"_L1, 30},
    {"last3Months"_L1, 90}, {"last6Months"_L1, 180}, {"last12Months"_L1, 365},
};

class PortReader
{
public:
    PortReader(const ParsedDocument &doc, ErrorList &problems)
        : m_doc(doc)
        , m_problems(problems)
    { }

    void problem(const QString &field, const QString &message, Error::Severity severity = Error::Severity::Error)
    {
        Error e = makeError(Error::Code::Validation, message);
        e.severity = severity;
        e.file = m_doc.file;
        e.field = field;
        const TextPosition pos = m_doc.positionOf(field);
        e.line = pos.line;
        e.column = pos.column;
        m_problems.append(e);
    }

    void warning(const QString &field, const QString &message) { problem(field, message, Error::Severity::Warning); }

    int lineOf(const QString &field) const { return m_doc.positionOf(field).line; }

    QList<Scorecard> document(const QCborValue &root)
    {
        QList<Scorecard> cards;
        const auto each = [&](const QCborValue &list, const QString &at) {
            if (!list.isArray()) {
                problem(at, tr("A list of Port scorecards was expected here"));
                return;
            }
            const QCborArray items = list.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                if (std::optional<Scorecard> card = scorecard(items.at(i), u"%1[%2]"_s.arg(at).arg(i))) {
                    cards.append(std::move(*card));
                }
            }
        };
        if (root.isArray()) {
            each(root, QString());
            return cards;
        }
        const QCborMap map = root.toMap();
        const QCborValue ok = map.value("ok"_L1);
        if (ok.isBool() && !ok.toBool()) {
            // Port's error answer: {ok: false, error, message}.
            problem(u"ok"_s, tr("This is an error answer of Port's API, not scorecards: %1 (%2)")
                                 .arg(map.value("message"_L1).toString(), map.value("error"_L1).toString()));
            return cards;
        }
        if (map.contains("scorecards"_L1)) {
            each(map.value("scorecards"_L1), u"scorecards"_s);
        } else if (map.contains("scorecard"_L1)) {
            if (std::optional<Scorecard> card = scorecard(map.value("scorecard"_L1), u"scorecard"_s)) {
                cards.append(std::move(*card));
            }
        } else if (map.contains("identifier"_L1)) {
            if (std::optional<Scorecard> card = scorecard(root, QString())) {
                cards.append(std::move(*card));
            }
        } else {
            problem(QString(), tr("No Port scorecard here: a scorecard has an identifier and rules, an answer of "
                                  "Port's API has scorecards or scorecard"));
        }
        return cards;
    }

private:
    std::optional<Scorecard> scorecard(const QCborValue &value, const QString &at)
    {
        if (!value.isMap()) {
            problem(at, tr("A Port scorecard is an object: {identifier, title, levels, rules}"));
            return std::nullopt;
        }
        const QCborMap map = value.toMap();
        // Besides what a scorecard says, Port's API answers with its id, blueprint and who changed it when; Terraform
        // and scorecards-as-blueprints add properties and relations of the scorecard entity itself.
        static const QStringList known = {
            u"identifier"_s, u"title"_s,     u"filter"_s,    u"levels"_s,    u"rules"_s,      u"blueprint"_s, u"id"_s,
            u"createdAt"_s,  u"createdBy"_s, u"updatedAt"_s, u"updatedBy"_s, u"properties"_s, u"relations"_s};
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (!known.contains(key)) {
                warning(join(at, key), tr("Unknown field \"%1\" in a Port scorecard; ignored").arg(key));
            }
        }
        Scorecard card;
        card.file = m_doc.file;
        const QCborValue id = map.value("identifier"_L1);
        card.idField = join(at, u"identifier"_s);
        card.line = lineOf(card.idField);
        if (!id.isString() || id.toString().trimmed().isEmpty()) {
            problem(card.idField, tr("A Port scorecard needs an identifier"));
            return std::nullopt;
        }
        card.id = id.toString().trimmed();
        card.title = map.value("title"_L1).toString();
        const QString blueprint = map.value("blueprint"_L1).toString();
        if (!blueprint.isEmpty()) {
            warning(join(at, u"blueprint"_s),
                    tr("Port grades the entities of the blueprint \"%1\"; Portolan has no blueprints, so this "
                       "scorecard grades every entity its filter lets through")
                        .arg(blueprint));
        }
        if (map.contains("filter"_L1)) {
            card.filter = query(map.value("filter"_L1), join(at, u"filter"_s));
            if (!card.filter) {
                return std::nullopt; // applied to the wrong entities it would mislead
            }
        }
        if (!levels(map.value("levels"_L1), join(at, u"levels"_s), card)) {
            return std::nullopt;
        }
        const QString rulesAt = join(at, u"rules"_s);
        const QCborValue rules = map.value("rules"_L1);
        if (!rules.isArray()) {
            problem(rulesAt, tr("A Port scorecard needs rules: a list of {identifier, title, level, query}"));
            return std::nullopt;
        }
        if (rules.toArray().isEmpty()) {
            // Port takes a scorecard without rules (its docs show some); it grades nothing.
            warning(rulesAt,
                    tr("Port scorecard \"%1\" has no rules yet: nothing to grade, so it is left out").arg(card.id));
            return std::nullopt;
        }
        QSet<QString> ids;
        const QCborArray list = rules.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (std::optional<ScorecardRule> r = rule(list.at(i), u"%1[%2]"_s.arg(rulesAt).arg(i), card, ids)) {
                ids.insert(r->id);
                card.rules.append(std::move(*r));
            }
        }
        if (card.rules.isEmpty()) {
            return std::nullopt;
        }
        return card;
    }

    bool levels(const QCborValue &value, const QString &at, Scorecard &card)
    {
        // Port's schema: without levels (or with none), the rules' levels are Bronze, Silver or Gold above Basic.
        if (value.isUndefined() || (value.isArray() && value.toArray().isEmpty())) {
            card.levels = PortScorecards::defaultLevels();
            return true;
        }
        if (!value.isArray()) {
            problem(at, tr("\"levels\" is a list of {title, color}, the level every entity starts at first"));
            return false;
        }
        const QCborArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString levelAt = u"%1[%2]"_s.arg(at).arg(i);
            const QCborMap item = list.at(i).toMap();
            const QString title = item.value("title"_L1).toString().trimmed();
            if (title.isEmpty()) {
                problem(levelAt + u".title"_s, tr("A level needs a title"));
                return false;
            }
            if (card.levelIndex(title) >= 0) {
                problem(levelAt + u".title"_s, tr("Level \"%1\" is named twice").arg(title));
                return false;
            }
            const QString name = item.value("color"_L1).toString();
            const QString color = PortScorecards::colorOf(name);
            if (color.isEmpty() && !name.isEmpty()) {
                warning(levelAt + u".color"_s,
                        tr("\"%1\" is not one of Port's level colours; the level has none").arg(name));
            }
            card.levels.append({title, color});
        }
        return true;
    }

    std::optional<ScorecardRule> rule(const QCborValue &value, const QString &at, const Scorecard &card,
                                      const QSet<QString> &ids)
    {
        if (!value.isMap()) {
            problem(at, tr("A Port rule is an object: {identifier, title, level, query}"));
            return std::nullopt;
        }
        const QCborMap map = value.toMap();
        static const QStringList known = {u"identifier"_s, u"title"_s, u"description"_s, u"level"_s, u"query"_s};
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (!known.contains(key)) {
                warning(join(at, key), tr("Unknown field \"%1\" in a Port rule; ignored").arg(key));
            }
        }
        ScorecardRule r;
        r.line = lineOf(at);
        r.id = map.value("identifier"_L1).toString().trimmed();
        if (r.id.isEmpty()) {
            problem(at + u".identifier"_s, tr("A rule needs an identifier"));
            return std::nullopt;
        }
        if (ids.contains(r.id)) {
            problem(at + u".identifier"_s, tr("Rule identifier \"%1\" is used twice").arg(r.id));
            return std::nullopt;
        }
        r.title = map.value("title"_L1).toString();
        r.description = map.value("description"_L1).toString();
        const QString level = map.value("level"_L1).toString();
        r.level = card.levelIndex(level);
        if (r.level < 0) {
            QStringList names;
            for (qsizetype i = 1; i < card.levels.size(); ++i) {
                names << card.levels.at(i).name;
            }
            problem(at + u".level"_s,
                    tr("\"level\" must be one of the scorecard's levels above the first: %1").arg(names.join(u", "_s)));
            return std::nullopt;
        }
        if (r.level == 0) {
            problem(at + u".level"_s, tr("\"%1\" is the level every entity starts at: Port allows no rule at it")
                                          .arg(card.levels.first().name));
            return std::nullopt;
        }
        std::optional<Condition> c = query(map.value("query"_L1), at + u".query"_s);
        if (!c) {
            return std::nullopt;
        }
        r.condition = std::move(*c);
        return r;
    }

    // {combinator: and|or, conditions: [...]}: every condition's problem is reported, then nullopt if there was one.
    std::optional<Condition> query(const QCborValue &value, const QString &at)
    {
        if (!value.isMap()) {
            problem(at, tr("A Port query is an object: {combinator: and|or, conditions: [...]}"));
            return std::nullopt;
        }
        const QCborMap map = value.toMap();
        const QString combinator = map.value("combinator"_L1).toString();
        if (combinator != "and"_L1 && combinator != "or"_L1) {
            problem(at + u".combinator"_s, tr("\"combinator\" is \"and\" or \"or\""));
            return std::nullopt;
        }
        const QCborValue conditions = map.value("conditions"_L1);
        if (!conditions.isArray() || conditions.toArray().isEmpty()) {
            problem(at + u".conditions"_s, tr("\"conditions\" is a non-empty list"));
            return std::nullopt;
        }
        Condition all = group(combinator == "and"_L1 ? Condition::Op::All : Condition::Op::Any, {}, lineOf(at));
        bool usable = true;
        const QCborArray list = conditions.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            std::optional<Condition> c = condition(list.at(i), u"%1.conditions[%2]"_s.arg(at).arg(i));
            usable = usable && c.has_value();
            if (c) {
                all.children.append(std::move(*c));
            }
        }
        if (!usable) {
            return std::nullopt;
        }
        return all;
    }

    std::optional<Condition> condition(const QCborValue &value, const QString &at)
    {
        if (!value.isMap()) {
            problem(at, tr("A Port condition is an object: {property, operator, value}"));
            return std::nullopt;
        }
        const QCborMap map = value.toMap();
        const int line = lineOf(at);
        if (map.contains("combinator"_L1) || map.contains("conditions"_L1)) {
            problem(at, tr("Port's scorecard conditions do not nest: a query is one combinator over its conditions"));
            return std::nullopt;
        }
        const QString opName = map.value("operator"_L1).toString();
        const auto found = std::find_if(std::begin(portOps), std::end(portOps),
                                        [&opName](const PortOpName &o) { return o.name == opName; });
        if (found == std::end(portOps)) {
            QStringList names;
            for (const PortOpName &o : portOps) {
                names << QString(o.name);
            }
            problem(at + u".operator"_s, tr("Port operator \"%1\" has no Portolan counterpart; Port's scorecards "
                                            "have %2")
                                             .arg(opName, names.join(u", "_s)));
            return std::nullopt;
        }
        const PortOp op = found->op;
        // After the operator: an operator of Port's search queries (relatedTo) brings fields of its own.
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (key != "property"_L1 && key != "relation"_L1 && key != "operator"_L1 && key != "value"_L1
                && key != "not"_L1) {
                problem(join(at, key), tr("Unknown field \"%1\" in a Port condition").arg(key));
                return std::nullopt;
            }
        }
        const bool presence = op == PortOp::IsEmpty || op == PortOp::IsNotEmpty;
        const bool isRelation = map.contains("relation"_L1);
        if (isRelation == map.contains("property"_L1)) {
            problem(at, tr("A Port condition tests one property or one relation"));
            return std::nullopt;
        }
        const QString factAt = at + (isRelation ? u".relation"_s : u".property"_s);
        const QString name = map.value(isRelation ? "relation"_L1 : "property"_L1).toString();
        QString error;
        const std::optional<FactPath> fact = isRelation ? PortScorecards::factForRelation(name, !presence, &error)
                                                        : PortScorecards::factForProperty(name, !presence, &error);
        if (!fact) {
            problem(factAt, error);
            return std::nullopt;
        }
        const QString valueAt = at + u".value"_s;
        const QCborValue operand = map.value("value"_L1);
        if (!presence && operand.isUndefined()) {
            problem(valueAt, tr("Operator \"%1\" needs a value").arg(opName));
            return std::nullopt;
        }
        const QCborValue negated = map.value("not"_L1);
        if (!negated.isUndefined() && !negated.isBool()) {
            problem(at + u".not"_s, tr("\"not\" is true or false"));
            return std::nullopt;
        }
        std::optional<Condition> c = mapped(op, opName, *fact, operand, valueAt, line);
        if (c && negated.toBool()) {
            c = negate(std::move(*c));
        }
        return c;
    }

    std::optional<Condition> mapped(PortOp op, const QString &opName, const FactPath &fact, const QCborValue &operand,
                                    const QString &valueAt, int line)
    {
        const auto oneValue = [&]() {
            if (operand.isString() || operand.isInteger() || operand.isDouble() || operand.isBool()) {
                return true;
            }
            problem(valueAt, tr("\"%1\" with this value has no Portolan counterpart: it takes one string, number or "
                                "true/false")
                                 .arg(opName));
            return false;
        };
        const auto text = [&]() {
            if (operand.isString() || operand.isInteger() || operand.isDouble()) {
                return true;
            }
            problem(valueAt, tr("\"%1\" takes a string or a number").arg(opName));
            return false;
        };
        const auto strings = [&]() {
            const bool ok = operand.isArray() && !operand.toArray().isEmpty()
                            && std::all_of(operand.toArray().cbegin(), operand.toArray().cend(),
                                           [](const QCborValue &v) { return v.isString(); });
            if (!ok) {
                problem(valueAt, tr("\"%1\" takes a non-empty list of strings").arg(opName));
            }
            return ok;
        };
        switch (op) {
        case PortOp::Equals:
        case PortOp::NotEquals:
            if (operand.isMap() && op == PortOp::Equals) {
                return dates(false, opName, fact, operand, valueAt, line);
            }
            if (!oneValue()) {
                return std::nullopt;
            }
            return test(fact, op == PortOp::Equals ? Condition::Op::Equals : Condition::Op::NotEquals, operand, line);
        case PortOp::Greater:
        case PortOp::GreaterOrEqual:
        case PortOp::Less:
        case PortOp::LessOrEqual: {
            // Port takes "4" as well as 4 (its Terraform example writes the number as a string).
            bool ok = operand.isInteger() || operand.isDouble();
            double number = operand.toDouble();
            if (operand.isString()) {
                number = operand.toString().trimmed().toDouble(&ok);
            }
            if (!ok) {
                problem(valueAt,
                        tr("\"%1\" takes a number; Portolan compares dates by age, not with a fixed date").arg(opName));
                return std::nullopt;
            }
            const Condition::Op to = op == PortOp::Greater          ? Condition::Op::GreaterThan
                                     : op == PortOp::GreaterOrEqual ? Condition::Op::AtLeast
                                     : op == PortOp::Less           ? Condition::Op::LessThan
                                                                    : Condition::Op::AtMost;
            return test(fact, to, operand.isString() ? QCborValue(number) : operand, line);
        }
        case PortOp::Contains:
        case PortOp::DoesNotContain: {
            if (!text()) {
                return std::nullopt;
            }
            Condition c = test(fact, Condition::Op::Contains, operand, line);
            return op == PortOp::Contains ? c : negate(std::move(c));
        }
        case PortOp::BeginsWith:
        case PortOp::DoesNotBeginWith:
        case PortOp::EndsWith:
        case PortOp::DoesNotEndWith: {
            if (!text()) {
                return std::nullopt;
            }
            const QString escaped = QRegularExpression::escape(asText(operand));
            const bool begins = op == PortOp::BeginsWith || op == PortOp::DoesNotBeginWith;
            // \z, not $: $ also matches before a final newline.
            Condition c =
                test(fact, Condition::Op::Matches, QCborValue(begins ? u"^"_s + escaped : escaped + u"\\z"_s), line);
            c.regex = QRegularExpression(c.operandText);
            c.regex.optimize();
            return op == PortOp::BeginsWith || op == PortOp::EndsWith ? c : negate(std::move(c));
        }
        case PortOp::IsEmpty:
        case PortOp::IsNotEmpty:
            return test(fact, Condition::Op::Empty, QCborValue(op == PortOp::IsEmpty), line);
        case PortOp::ContainsAny: {
            if (!strings()) {
                return std::nullopt;
            }
            QList<Condition> any;
            for (const QCborValue &v : operand.toArray()) {
                any.append(test(fact, Condition::Op::Contains, v, line));
            }
            return group(Condition::Op::Any, std::move(any), line);
        }
        case PortOp::In:
            if (!strings()) {
                return std::nullopt;
            }
            return test(fact, Condition::Op::In, operand, line);
        case PortOp::Between:
        case PortOp::NotBetween:
            return dates(op == PortOp::NotBetween, opName, fact, operand, valueAt, line);
        }
        return std::nullopt;
    }

    // Port's date conditions: {preset} or {from, to}. Only a span up to now has a counterpart (an age).
    std::optional<Condition> dates(bool negated, const QString &opName, const FactPath &fact, const QCborValue &operand,
                                   const QString &valueAt, int line)
    {
        const QCborMap value = operand.toMap();
        const QString preset = value.value("preset"_L1).toString();
        const auto found = std::find_if(std::begin(agePresets), std::end(agePresets),
                                        [&preset](const Preset &p) { return p.name == preset; });
        if (!operand.isMap() || found == std::end(agePresets)) {
            problem(valueAt, preset.isEmpty()
                                 ? tr("\"%1\" with this value has no Portolan counterpart: Portolan compares dates by "
                                      "age, not with fixed dates; only the presets lastWeek to last12Months map")
                                       .arg(opName)
                                 : tr("Date preset \"%1\" has no Portolan counterpart: Portolan compares dates by age, "
                                      "not by calendar day; only lastWeek to last12Months map")
                                       .arg(preset));
            return std::nullopt;
        }
        Condition newer = test(fact, Condition::Op::NewerThan, QCborValue(u"%1d"_s.arg(found->days)), line);
        newer.number = found->days * 86400.0;
        // Up to now: a date in the future is not in the last week.
        Condition past = test(fact, Condition::Op::OlderThan, QCborValue(0), line);
        Condition within = group(Condition::Op::All, {std::move(newer), std::move(past)}, line);
        return negated ? negate(std::move(within)) : within;
    }

    const ParsedDocument &m_doc;
    ErrorList &m_problems;
};

// The document's top level: its mapping, or, for a list (which ParsedDocument does not keep), its JSON.
std::optional<QCborValue> topLevel(const ParsedDocument &doc, ErrorList &problems)
{
    if (!doc.root.isEmpty()) {
        return QCborValue(doc.root);
    }
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(doc.raw, &error);
    if (error.error != QJsonParseError::NoError || !json.isArray()) {
        Error e = makeError(Error::Code::Parse, tr("A list of Port scorecards is JSON: %1").arg(error.errorString()));
        e.file = doc.file;
        e.line = doc.start.line + int(doc.raw.left(error.offset).count('\n'));
        problems.append(e);
        return std::nullopt;
    }
    return QCborValue::fromJsonValue(QJsonValue(json.array()));
}

} // namespace

namespace PortScorecards {

bool isPortDocument(const ParsedDocument &doc)
{
    if (doc.root.isEmpty()) {
        return doc.raw.trimmed().startsWith('[');
    }
    return doc.root.contains("identifier"_L1) || doc.root.contains("scorecards"_L1) || doc.root.contains("scorecard"_L1)
           || doc.root.contains("ok"_L1);
}

QList<Scorecard> read(const ParsedDocument &doc, ErrorList &problems)
{
    const std::optional<QCborValue> root = topLevel(doc, problems);
    if (!root) {
        return {};
    }
    PortReader reader(doc, problems);
    return reader.document(*root);
}

QList<Scorecard> readData(const QByteArray &data, const QString &file, ErrorList &problems)
{
    ReadOptions options;
    options.positionDepth = 80;
    const FileReadResult read = DescriptorReader::readData(data, file, options);
    problems += read.problems;
    if (read.documents.isEmpty()) {
        return {};
    }
    return PortScorecards::read(read.documents.first(), problems);
}

QString colorOf(const QString &portColor)
{
    // Port names its level colours (the enum of the create-a-scorecard schema) without their values. The metals are
    // Portolan's default ladder; paleBlue is CSS lightsteelblue; the rest are the CSS colour keywords of those names.
    static const QHash<QString, QString> colors = {
        {u"blue"_s, u"#0000ff"_s},      {u"turquoise"_s, u"#40e0d0"_s}, {u"orange"_s, u"#ffa500"_s},
        {u"purple"_s, u"#800080"_s},    {u"pink"_s, u"#ffc0cb"_s},      {u"yellow"_s, u"#ffff00"_s},
        {u"green"_s, u"#008000"_s},     {u"red"_s, u"#ff0000"_s},       {u"gold"_s, u"#d4af37"_s},
        {u"silver"_s, u"#a8a9ad"_s},    {u"paleBlue"_s, u"#b0c4de"_s},  {u"darkGray"_s, u"#a9a9a9"_s},
        {u"lightGray"_s, u"#d3d3d3"_s}, {u"bronze"_s, u"#cd7f32"_s},    {u"lime"_s, u"#00ff00"_s},
        {u"olive"_s, u"#808000"_s},     {u"brown"_s, u"#a52a2a"_s},
    };
    return colors.value(portColor);
}

QList<ScorecardLevel> defaultLevels()
{
    return {{u"Basic"_s, colorOf(u"paleBlue"_s)},
            {u"Bronze"_s, colorOf(u"bronze"_s)},
            {u"Silver"_s, colorOf(u"silver"_s)},
            {u"Gold"_s, colorOf(u"gold"_s)}};
}

std::optional<FactPath> factForProperty(const QString &property, bool compared, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<FactPath> {
        if (error) {
            *error = message;
        }
        return std::nullopt;
    };
    if (property == "$identifier"_L1) {
        return FactPath::parse(u"metadata.name"_s);
    }
    if (property == "$title"_L1) {
        return FactPath::parse(u"metadata.title"_s);
    }
    if (property == "$team"_L1) {
        // Port's teams are names; Backstage's owner is a reference (group:default/team-a), whose name is asked when
        // a value is compared (the owner must then be in the catalog).
        return FactPath::parse(compared ? u"relations.ownedBy.metadata.name"_s : u"relations.ownedBy"_s);
    }
    if (property == "$blueprint"_L1) {
        return fail(tr("\"$blueprint\" has no counterpart: Portolan's entities have kinds, not Port's blueprints"));
    }
    if (property.startsWith(u'$')) {
        return fail(tr("Port's meta-property \"%1\" has no counterpart in a Backstage descriptor").arg(property));
    }
    QString why;
    std::optional<FactPath> spec = FactPath::parse(u"spec."_s + property, &why);
    if (!spec || property.contains(u'.')) {
        return fail(tr("Port property \"%1\" cannot be read as spec.%1").arg(property));
    }
    return spec;
}

std::optional<FactPath> factForRelation(const QString &relation, bool compared, QString *error)
{
    if (relationFromName(relation)) {
        return FactPath::parse(u"relations.%1%2"_s.arg(relation, compared ? u".metadata.name"_s : QString()), error);
    }
    // Backstage keeps its references in spec (spec.system, spec.domain, spec.owner): a Port relation of that name.
    if (relation.isEmpty() || relation.startsWith(u'$') || relation.contains(u'.')) {
        if (error) {
            *error = tr("Port relation \"%1\" has no counterpart").arg(relation);
        }
        return std::nullopt;
    }
    return FactPath::parse(u"spec."_s + relation, error);
}

} // namespace PortScorecards

} // namespace Portolan::Core
