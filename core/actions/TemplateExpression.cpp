#include "TemplateExpression.h"

#include "YamlText.h"
#include "model/EntityRef.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TemplateExpression", text);
}

// Hostile or broken templates must fail cleanly, not exhaust the stack or the memory of the process running them.
constexpr qsizetype maxExpressionLength = 10'000;
constexpr int maxDepth = 64;
constexpr qsizetype maxText = qsizetype(1) << 20;
// All text one evaluation may produce; a long chain of small concatenations stays far below it.
constexpr qsizetype maxWork = 16 * maxText;
constexpr qsizetype maxListItems = 100'000;
constexpr int maxValueDepth = 256;

Error failAt(Error::Code code, const QString &message, qsizetype pos)
{
    Error e = makeError(code, message);
    e.column = int(pos) + 1;
    return e;
}

QJsonValue undefined()
{
    return QJsonValue(QJsonValue::Undefined);
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
        return tr("undefined");
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("text");
    case QJsonValue::Array:
        return tr("a list");
    case QJsonValue::Object:
        return tr("an object");
    }
    return {};
}

// ---------------------------------------------------------------------------------------------------------------
// JavaScript value semantics: Nunjucks compiles templates to JavaScript, so its operators convert as JavaScript does.

// Integral results are stored as integers so a rendered `replicas: 3` stays an integer for whoever reads the JSON.
QJsonValue number(double d)
{
    constexpr double exact = 9007199254740992.0; // 2^53
    if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) <= exact) {
        return QJsonValue(qint64(d));
    }
    return QJsonValue(d);
}

// ECMAScript's Number::toString: shortest round-trip digits, fixed notation from 1e-7 up to 1e21.
QString jsNumber(double d)
{
    if (std::isnan(d)) {
        return u"NaN"_s;
    }
    if (std::isinf(d)) {
        return d > 0 ? u"Infinity"_s : u"-Infinity"_s;
    }
    if (d == 0) {
        return u"0"_s;
    }
    const QString e = QString::number(std::fabs(d), 'e', QLocale::FloatingPointShortest);
    const qsizetype ePos = e.indexOf(u'e');
    QString digits = e.left(ePos);
    digits.remove(u'.');
    const int k = int(digits.size());
    const int n = e.mid(ePos + 1).toInt() + 1;
    QString out;
    if (k <= n && n <= 21) {
        out = digits + QString(n - k, u'0');
    } else if (0 < n && n <= 21) {
        out = digits.left(n) + u'.' + digits.mid(n);
    } else if (-6 < n && n <= 0) {
        out = u"0."_s + QString(-n, u'0') + digits;
    } else {
        out = digits.left(1);
        if (k > 1) {
            out += u'.' + digits.mid(1);
        }
        out += u'e' + QString(n - 1 >= 0 ? u"+"_s : u"-"_s) + QString::number(std::abs(n - 1));
    }
    if (d < 0) {
        out.prepend(u'-');
    }
    return out;
}

// ECMAScript's StringToNumber: "" is 0, surrounding white space is ignored, anything else that is not a numeric
// literal is NaN.
double stringToNumber(QStringView text)
{
    const QStringView s = text.trimmed();
    if (s.isEmpty()) {
        return 0;
    }
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (s.size() > 2 && s[0] == u'0') {
        int base = 0;
        switch (s[1].toLower().unicode()) {
        case 'x':
            base = 16;
            break;
        case 'o':
            base = 8;
            break;
        case 'b':
            base = 2;
            break;
        default:
            break;
        }
        if (base != 0) {
            bool ok = false;
            const qulonglong v = s.mid(2).toULongLong(&ok, base);
            return ok && !s.mid(2).startsWith(u'+') && !s.mid(2).startsWith(u'-') ? double(v) : nan;
        }
    }
    static const QRegularExpression decimal(u"^[+-]?(?:Infinity|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)$"_s);
    if (!decimal.match(s.toString()).hasMatch()) {
        return nan;
    }
    if (s.endsWith(u"Infinity")) {
        return s.startsWith(u'-') ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    }
    bool ok = false;
    const double d = QLocale::c().toDouble(s, &ok);
    if (!ok) {
        // Out of range: JavaScript gives an infinity.
        return s.contains(u'e') || s.contains(u'E') || s.size() > 300
                   ? (s.startsWith(u'-') ? -std::numeric_limits<double>::infinity()
                                         : std::numeric_limits<double>::infinity())
                   : nan;
    }
    return d;
}

QString jsString(const QJsonValue &v);

// Array.prototype.join: null and undefined become empty.
QString joinList(const QJsonArray &list, const QString &separator)
{
    QString out;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        const QJsonValue item = list.at(i);
        if (!item.isNull() && !item.isUndefined()) {
            out += jsString(item);
        }
    }
    return out;
}

// ECMAScript's ToString.
QString jsString(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
        return u"undefined"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return jsNumber(v.toDouble());
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array:
        return joinList(v.toArray(), u","_s);
    case QJsonValue::Object:
        return u"[object Object]"_s;
    }
    return {};
}

QJsonValue toPrimitive(const QJsonValue &v)
{
    return v.isArray() || v.isObject() ? QJsonValue(jsString(v)) : v;
}

double toNumber(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
        return std::numeric_limits<double>::quiet_NaN();
    case QJsonValue::Null:
        return 0;
    case QJsonValue::Bool:
        return v.toBool() ? 1 : 0;
    case QJsonValue::Double:
        return v.toDouble();
    case QJsonValue::String:
        return stringToNumber(v.toString());
    case QJsonValue::Array:
        return stringToNumber(jsString(v));
    case QJsonValue::Object:
        return std::numeric_limits<double>::quiet_NaN();
    }
    return 0;
}

bool isNullish(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined();
}

bool strictEquals(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type()) {
        return false;
    }
    switch (a.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return true;
    case QJsonValue::Bool:
        return a.toBool() == b.toBool();
    case QJsonValue::Double:
        return a.toDouble() == b.toDouble();
    case QJsonValue::String:
        return a.toString() == b.toString();
    case QJsonValue::Array: {
        // By content: JSON values have no identity, and the same path read twice must compare equal.
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size()) {
            return false;
        }
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!strictEquals(x.at(i), y.at(i))) {
                return false;
            }
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size()) {
            return false;
        }
        for (auto it = x.constBegin(); it != x.constEnd(); ++it) {
            const auto other = y.constFind(it.key());
            if (other == y.constEnd() || !strictEquals(it.value(), other.value())) {
                return false;
            }
        }
        return true;
    }
    }
    return false;
}

// ECMAScript's IsLooselyEqual restricted to JSON values.
bool looseEquals(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() == b.type()) {
        return strictEquals(a, b);
    }
    if (isNullish(a) || isNullish(b)) {
        return isNullish(a) && isNullish(b);
    }
    if (a.isBool()) {
        return looseEquals(QJsonValue(a.toBool() ? 1 : 0), b);
    }
    if (b.isBool()) {
        return looseEquals(a, QJsonValue(b.toBool() ? 1 : 0));
    }
    if (a.isDouble() && b.isString()) {
        return a.toDouble() == stringToNumber(b.toString());
    }
    if (a.isString() && b.isDouble()) {
        return stringToNumber(a.toString()) == b.toDouble();
    }
    const bool aPrimitive = a.isDouble() || a.isString();
    const bool bPrimitive = b.isDouble() || b.isString();
    if (aPrimitive && !bPrimitive) {
        return looseEquals(a, toPrimitive(b));
    }
    if (!aPrimitive && bPrimitive) {
        return looseEquals(toPrimitive(a), b);
    }
    return false;
}

enum class Order { Less, NotLess, Unordered };

// ECMAScript's IsLessThan: text compares by UTF-16 code units, everything else as numbers (NaN is unordered).
Order lessThan(const QJsonValue &a, const QJsonValue &b)
{
    const QJsonValue pa = toPrimitive(a);
    const QJsonValue pb = toPrimitive(b);
    if (pa.isString() && pb.isString()) {
        return pa.toString() < pb.toString() ? Order::Less : Order::NotLess;
    }
    const double x = toNumber(pa);
    const double y = toNumber(pb);
    if (std::isnan(x) || std::isnan(y)) {
        return Order::Unordered;
    }
    return x < y ? Order::Less : Order::NotLess;
}

// The property key a value names, as `obj[key]` converts it.
QString propertyKey(const QJsonValue &key)
{
    return key.isString() ? key.toString() : jsString(key);
}

// A list index from a key, or -1: integral numbers and their canonical text ("3", not "03" or "3.0").
qsizetype indexOf(const QJsonValue &key)
{
    if (key.isDouble()) {
        const double d = key.toDouble();
        return d >= 0 && d == std::trunc(d) && d < 9e15 ? qsizetype(d) : -1;
    }
    if (key.isString()) {
        const QString s = key.toString();
        bool ok = false;
        const qlonglong i = s.toLongLong(&ok);
        return ok && i >= 0 && QString::number(i) == s ? qsizetype(i) : -1;
    }
    return -1;
}

// Nunjucks' memberLookup: anything missing, and any member of null or undefined, is undefined.
QJsonValue member(const QJsonValue &target, const QJsonValue &key)
{
    switch (target.type()) {
    case QJsonValue::Object:
        return target.toObject().value(propertyKey(key));
    case QJsonValue::Array: {
        const QJsonArray list = target.toArray();
        if (key.isString() && key.toString() == "length"_L1) {
            return number(double(list.size()));
        }
        const qsizetype i = indexOf(key);
        return i >= 0 && i < list.size() ? list.at(i) : undefined();
    }
    case QJsonValue::String: {
        const QString text = target.toString();
        if (key.isString() && key.toString() == "length"_L1) {
            return number(double(text.size()));
        }
        const qsizetype i = indexOf(key);
        return i >= 0 && i < text.size() ? QJsonValue(QString(text.at(i))) : undefined();
    }
    default:
        return undefined();
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Text forms of values

// JSON.stringify's escaping of the content of a string literal.
void appendJsonEscaped(QString &out, QStringView s)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += u"\\\""_s;
            continue;
        case u'\\':
            out += u"\\\\"_s;
            continue;
        case u'\b':
            out += u"\\b"_s;
            continue;
        case u'\f':
            out += u"\\f"_s;
            continue;
        case u'\n':
            out += u"\\n"_s;
            continue;
        case u'\r':
            out += u"\\r"_s;
            continue;
        case u'\t':
            out += u"\\t"_s;
            continue;
        default:
            break;
        }
        const bool pairedHigh = c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate();
        const bool pairedLow = c.isLowSurrogate() && i > 0 && s[i - 1].isHighSurrogate();
        if (u < 0x20 || (c.isSurrogate() && !pairedHigh && !pairedLow)) {
            out += u"\\u"_s;
            out += QLatin1Char(hex[(u >> 12) & 0xf]);
            out += QLatin1Char(hex[(u >> 8) & 0xf]);
            out += QLatin1Char(hex[(u >> 4) & 0xf]);
            out += QLatin1Char(hex[u & 0xf]);
        } else {
            out += c;
        }
    }
}

// JSON.stringify over JSON values, stopping once the text passes `limit`.
class JsonWriter final
{
public:
    JsonWriter(qsizetype limit, QString indent)
        : m_limit(limit)
        , m_indent(std::move(indent))
    { }

    // False when the text grew past the limit.
    [[nodiscard]] bool write(const QJsonValue &v, int level = 0)
    {
        switch (v.type()) {
        case QJsonValue::Undefined:
        case QJsonValue::Null:
            m_out += u"null"_s;
            break;
        case QJsonValue::Bool:
            m_out += v.toBool() ? u"true"_s : u"false"_s;
            break;
        case QJsonValue::Double:
            m_out += std::isfinite(v.toDouble()) ? jsNumber(v.toDouble()) : u"null"_s;
            break;
        case QJsonValue::String:
            m_out += u'"';
            appendJsonEscaped(m_out, v.toString());
            m_out += u'"';
            break;
        case QJsonValue::Array: {
            const QJsonArray list = v.toArray();
            if (list.isEmpty()) {
                m_out += u"[]"_s;
                break;
            }
            m_out += u'[';
            for (qsizetype i = 0; i < list.size(); ++i) {
                if (i > 0) {
                    m_out += u',';
                }
                newline(level + 1);
                if (!write(list.at(i), level + 1)) {
                    return false;
                }
            }
            newline(level);
            m_out += u']';
            break;
        }
        case QJsonValue::Object: {
            const QJsonObject object = v.toObject();
            bool first = true;
            m_out += u'{';
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                if (it.value().isUndefined()) {
                    continue;
                }
                if (!first) {
                    m_out += u',';
                }
                first = false;
                newline(level + 1);
                m_out += u'"';
                appendJsonEscaped(m_out, it.key());
                m_out += m_indent.isEmpty() ? u"\":"_s : u"\": "_s;
                if (!write(it.value(), level + 1)) {
                    return false;
                }
            }
            if (!first) {
                newline(level);
            }
            m_out += u'}';
            break;
        }
        }
        return m_out.size() <= m_limit;
    }

    [[nodiscard]] const QString &text() const { return m_out; }

private:
    void newline(int level)
    {
        if (!m_indent.isEmpty()) {
            m_out += u'\n';
            for (int i = 0; i < level; ++i) {
                m_out += m_indent;
            }
        }
    }

    QString m_out;
    qsizetype m_limit;
    QString m_indent;
};

// The rendered text of a value; false in `fits` when it would pass `limit`.
QString textOf(const QJsonValue &v, qsizetype limit, bool *fits)
{
    *fits = true;
    switch (v.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return {};
    case QJsonValue::Array:
    case QJsonValue::Object: {
        JsonWriter writer(limit, {});
        *fits = writer.write(v);
        return *fits ? writer.text() : QString();
    }
    default: {
        QString text = jsString(v);
        *fits = text.size() <= limit;
        return text;
    }
    }
}

QString escaped(const QString &text, TemplateExpression::Escape escape)
{
    switch (escape) {
    case TemplateExpression::Escape::None:
        return text;
    case TemplateExpression::Escape::Json: {
        QString out;
        appendJsonEscaped(out, text);
        return out;
    }
    case TemplateExpression::Escape::Yaml: // renderYaml: how a value is written depends on its place
        return YamlText::needsQuotes(text) ? YamlText::quoted(text) : text;
    case TemplateExpression::Escape::Url:
        return QString::fromLatin1(QUrl::toPercentEncoding(text));
    }
    return text;
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

struct Token
{
    enum class Type { End, Name, Number, String, Op };
    Type type = Type::End;
    QString text; // a name, an operator, or the decoded string
    double number = 0;
    qsizetype pos = 0;
};

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$';
}

bool isNamePart(QChar c)
{
    return isNameStart(c) || c.isDigit();
}

Result<std::vector<Token>> tokenize(QStringView src)
{
    // Longest first, so "===" is not read as "==" and "=".
    static const QStringList operators = {u"==="_s, u"!=="_s, u"=="_s, u"!="_s, u"<="_s, u">="_s, u"&&"_s, u"||"_s,
                                          u"**"_s,  u"//"_s,  u"<"_s,  u">"_s,  u"!"_s,  u"+"_s,  u"-"_s,  u"*"_s,
                                          u"/"_s,   u"%"_s,   u"~"_s,  u"|"_s,  u"."_s,  u","_s,  u":"_s,  u"("_s,
                                          u")"_s,   u"["_s,   u"]"_s,  u"{"_s,  u"}"_s};
    std::vector<Token> tokens;
    qsizetype i = 0;
    while (true) {
        while (i < src.size() && src[i].isSpace()) {
            ++i;
        }
        Token t;
        t.pos = i;
        if (i >= src.size()) {
            tokens.push_back(t);
            return tokens;
        }
        const QChar c = src[i];
        if (c == u'"' || c == u'\'') {
            // Nunjucks' lexer: \n, \t and \r are control characters, any other escaped character stands for itself.
            ++i;
            QString text;
            bool closed = false;
            while (i < src.size()) {
                const QChar d = src[i++];
                if (d == c) {
                    closed = true;
                    break;
                }
                if (d == u'\\' && i < src.size()) {
                    const QChar e = src[i++];
                    text += e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e == u'r' ? QChar(u'\r') : e;
                } else {
                    text += d;
                }
            }
            if (!closed) {
                return failAt(Error::Code::Parse, tr("Unterminated string"), t.pos);
            }
            t.type = Token::Type::String;
            t.text = text;
        } else if (c.isDigit()) {
            qsizetype end = i;
            while (end < src.size() && src[end].isDigit()) {
                ++end;
            }
            if (end + 1 < src.size() && src[end] == u'.' && src[end + 1].isDigit()) {
                ++end;
                while (end < src.size() && src[end].isDigit()) {
                    ++end;
                }
            }
            t.type = Token::Type::Number;
            t.text = src.mid(i, end - i).toString();
            t.number = QLocale::c().toDouble(t.text);
            i = end;
        } else if (isNameStart(c)) {
            qsizetype end = i;
            while (end < src.size() && isNamePart(src[end])) {
                ++end;
            }
            t.type = Token::Type::Name;
            t.text = src.mid(i, end - i).toString();
            i = end;
        } else {
            for (const QString &op : operators) {
                if (src.mid(i).startsWith(op)) {
                    t.type = Token::Type::Op;
                    t.text = op;
                    break;
                }
            }
            if (t.type != Token::Type::Op) {
                return failAt(Error::Code::Parse, tr("Unexpected character “%1”").arg(c), i);
            }
            i += t.text.size();
        }
        tokens.push_back(std::move(t));
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Syntax tree

struct Node
{
    enum class Kind {
        Literal, // value
        Name, // name
        Member, // children: target, key
        List, // children: items
        Object, // keys, children: values
        Unary, // name: "-" or "+"; children: operand
        Not, // children: operand
        And,
        Or,
        Binary, // name: the operator; children: left, right
        InlineIf, // children: condition, then, [else]
        In, // children: needle, haystack
        Is, // name: the test; children: value, args...
        Filter, // name: the filter; children: input, args...
    };
    Kind kind = Kind::Literal;
    qsizetype pos = 0;
    QJsonValue value;
    QString name;
    QStringList keys;
    std::vector<std::unique_ptr<Node>> children;
    int depth = 1;
};

using NodePtr = std::unique_ptr<Node>;

struct Arity
{
    int min;
    int max;
};

const QHash<QString, Arity> &filterArities()
{
    static const QHash<QString, Arity> arities = {
        {u"lower"_s, {0, 0}},        {u"upper"_s, {0, 0}},    {u"capitalize"_s, {0, 0}},
        {u"title"_s, {0, 0}},        {u"trim"_s, {0, 0}},     {u"replace"_s, {2, 3}},
        {u"default"_s, {0, 2}},      {u"d"_s, {0, 2}},        {u"length"_s, {0, 0}},
        {u"first"_s, {0, 0}},        {u"last"_s, {0, 0}},     {u"join"_s, {0, 2}},
        {u"split"_s, {0, 1}},        {u"string"_s, {0, 0}},   {u"int"_s, {0, 1}},
        {u"float"_s, {0, 1}},        {u"abs"_s, {0, 0}},      {u"round"_s, {0, 2}},
        {u"dump"_s, {0, 1}},         {u"truncate"_s, {0, 3}}, {u"slugify"_s, {0, 0}},
        {u"parseRepoUrl"_s, {0, 0}}, {u"pick"_s, {1, 1}},     {u"parseEntityRef"_s, {0, 1}},
        {u"projectSlug"_s, {0, 0}},
    };
    return arities;
}

const QHash<QString, Arity> &testArities()
{
    static const QHash<QString, Arity> arities = {
        {u"defined"_s, {0, 0}},     {u"undefined"_s, {0, 0}}, {u"null"_s, {0, 0}},     {u"none"_s, {0, 0}},
        {u"number"_s, {0, 0}},      {u"string"_s, {0, 0}},    {u"mapping"_s, {0, 0}},  {u"iterable"_s, {0, 0}},
        {u"truthy"_s, {0, 0}},      {u"falsy"_s, {0, 0}},     {u"odd"_s, {0, 0}},      {u"even"_s, {0, 0}},
        {u"divisibleby"_s, {1, 1}}, {u"equalto"_s, {1, 1}},   {u"eq"_s, {1, 1}},       {u"sameas"_s, {1, 1}},
        {u"ne"_s, {1, 1}},          {u"lt"_s, {1, 1}},        {u"lessthan"_s, {1, 1}}, {u"gt"_s, {1, 1}},
        {u"greaterthan"_s, {1, 1}}, {u"le"_s, {1, 1}},        {u"ge"_s, {1, 1}},       {u"lower"_s, {0, 0}},
        {u"upper"_s, {0, 0}},
    };
    return arities;
}

// Recursive descent in Nunjucks' precedence order (loosest first): inline if, or, and, not, in, is, comparisons,
// ~, + -, * / // %, **, unary - +, then primaries with their members and filters. A filter binds tighter than any
// operator, so `a ~ b | upper` upper-cases b only, as in Nunjucks.
class Parser final
{
public:
    explicit Parser(std::vector<Token> tokens)
        : m_tokens(std::move(tokens))
    { }

    [[nodiscard]] NodePtr parse()
    {
        if (peek().type == Token::Type::End) {
            return fail(Error::Code::Parse, tr("The expression is empty"), 0);
        }
        NodePtr root = expression();
        if (root && peek().type != Token::Type::End) {
            return unexpected();
        }
        return root;
    }

    [[nodiscard]] const Error &error() const { return m_error; }

private:
    // Counts how deep the parser has recursed, so `((((…` ten thousand deep ends in an error, not a stack overflow.
    class Nesting final
    {
    public:
        explicit Nesting(Parser &parser)
            : m_parser(parser)
        {
            ++m_parser.m_depth;
        }
        ~Nesting() { --m_parser.m_depth; }
        Q_DISABLE_COPY_MOVE(Nesting)
        [[nodiscard]] bool tooDeep() const { return m_parser.m_depth > maxDepth; }

    private:
        Parser &m_parser;
    };

    const Token &peek() const { return m_tokens[m_index]; }
    const Token &take() { return m_tokens[m_index < m_tokens.size() - 1 ? m_index++ : m_index]; }
    bool isOp(QStringView op) const { return peek().type == Token::Type::Op && peek().text == op; }
    bool isKeyword(QStringView word) const { return peek().type == Token::Type::Name && peek().text == word; }
    bool isKeywordAt(size_t offset, QStringView word) const
    {
        const size_t i = std::min(m_index + offset, m_tokens.size() - 1);
        return m_tokens[i].type == Token::Type::Name && m_tokens[i].text == word;
    }

    NodePtr fail(Error::Code code, const QString &message, qsizetype pos)
    {
        m_error = failAt(code, message, pos);
        return nullptr;
    }

    NodePtr unexpected()
    {
        const Token &t = peek();
        if (t.type == Token::Type::End) {
            return fail(Error::Code::Parse, tr("Unexpected end of the expression"), t.pos);
        }
        const QString text = t.type == Token::Type::String ? QString(u'"' + t.text + u'"') : t.text;
        return fail(Error::Code::Parse, tr("Unexpected “%1”").arg(text), t.pos);
    }

    NodePtr tooDeep(qsizetype pos)
    {
        return fail(Error::Code::TooLarge, tr("The expression nests deeper than %1 levels").arg(maxDepth), pos);
    }

    bool expectOp(QStringView op)
    {
        if (isOp(op)) {
            take();
            return true;
        }
        const Token &t = peek();
        const QString found = t.type == Token::Type::End ? tr("the end") : t.text;
        m_error = failAt(Error::Code::Parse, tr("Expected “%1” but found “%2”").arg(op, found), t.pos);
        return false;
    }

    static NodePtr make(Node::Kind kind, qsizetype pos)
    {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->pos = pos;
        return node;
    }

    // Evaluation recurses once per level of the tree, so the tree is held to the same depth as the parser.
    NodePtr finish(NodePtr node)
    {
        int depth = 0;
        for (const NodePtr &child : node->children) {
            depth = std::max(depth, child->depth);
        }
        node->depth = depth + 1;
        if (node->depth > maxDepth) {
            return tooDeep(node->pos);
        }
        return node;
    }

    NodePtr binary(Node::Kind kind, const QString &op, qsizetype pos, NodePtr left, NodePtr right)
    {
        NodePtr node = make(kind, pos);
        node->name = op;
        node->children.push_back(std::move(left));
        node->children.push_back(std::move(right));
        return finish(std::move(node));
    }

    NodePtr expression()
    {
        const Nesting nesting(*this);
        if (nesting.tooDeep()) {
            return tooDeep(peek().pos);
        }
        NodePtr then = orExpression();
        if (!then || !isKeyword(u"if")) {
            return then;
        }
        const qsizetype pos = take().pos;
        NodePtr condition = orExpression();
        if (!condition) {
            return nullptr;
        }
        NodePtr node = make(Node::Kind::InlineIf, pos);
        node->children.push_back(std::move(condition));
        node->children.push_back(std::move(then));
        if (isKeyword(u"else")) {
            take();
            NodePtr otherwise = expression();
            if (!otherwise) {
                return nullptr;
            }
            node->children.push_back(std::move(otherwise));
        }
        return finish(std::move(node));
    }

    NodePtr orExpression()
    {
        NodePtr node = andExpression();
        while (node && (isKeyword(u"or") || isOp(u"||"))) {
            const qsizetype pos = take().pos;
            NodePtr right = andExpression();
            if (!right) {
                return nullptr;
            }
            node = binary(Node::Kind::Or, u"or"_s, pos, std::move(node), std::move(right));
        }
        return node;
    }

    NodePtr andExpression()
    {
        NodePtr node = notExpression();
        while (node && (isKeyword(u"and") || isOp(u"&&"))) {
            const qsizetype pos = take().pos;
            NodePtr right = notExpression();
            if (!right) {
                return nullptr;
            }
            node = binary(Node::Kind::And, u"and"_s, pos, std::move(node), std::move(right));
        }
        return node;
    }

    NodePtr notExpression()
    {
        if (!isKeyword(u"not") && !isOp(u"!")) {
            return inExpression();
        }
        const Nesting nesting(*this);
        const qsizetype pos = take().pos;
        if (nesting.tooDeep()) {
            return tooDeep(pos);
        }
        NodePtr operand = notExpression();
        if (!operand) {
            return nullptr;
        }
        NodePtr node = make(Node::Kind::Not, pos);
        node->children.push_back(std::move(operand));
        return finish(std::move(node));
    }

    NodePtr inExpression()
    {
        NodePtr node = isExpression();
        while (node) {
            const bool negated = isKeyword(u"not") && isKeywordAt(1, u"in");
            if (!negated && !isKeyword(u"in")) {
                break;
            }
            const qsizetype pos = take().pos;
            if (negated) {
                take();
            }
            NodePtr right = isExpression();
            if (!right) {
                return nullptr;
            }
            node = binary(Node::Kind::In, u"in"_s, pos, std::move(node), std::move(right));
            if (node && negated) {
                node = negate(std::move(node), pos);
            }
        }
        return node;
    }

    NodePtr negate(NodePtr operand, qsizetype pos)
    {
        NodePtr node = make(Node::Kind::Not, pos);
        node->children.push_back(std::move(operand));
        return finish(std::move(node));
    }

    NodePtr isExpression()
    {
        NodePtr node = comparison();
        if (!node || !isKeyword(u"is")) {
            return node;
        }
        const qsizetype pos = take().pos;
        bool negated = false;
        if (isKeyword(u"not")) {
            take();
            negated = true;
        }
        // `none` and `null` are literals elsewhere, but name tests here.
        if (peek().type != Token::Type::Name) {
            return fail(Error::Code::Parse, tr("Expected the name of a test after “is”, such as “defined”"),
                        peek().pos);
        }
        const Token &name = take();
        const auto arity = testArities().constFind(name.text);
        if (arity == testArities().constEnd()) {
            return fail(Error::Code::Unsupported, tr("Unknown test “%1”").arg(name.text), name.pos);
        }
        NodePtr test = make(Node::Kind::Is, name.pos);
        test->name = name.text;
        test->children.push_back(std::move(node));
        if (!arguments(*test)) {
            return nullptr;
        }
        const int given = int(test->children.size()) - 1;
        if (given < arity->min || given > arity->max) {
            return fail(Error::Code::Parse, tr("Wrong number of arguments for the test “%1”").arg(name.text), name.pos);
        }
        test = finish(std::move(test));
        if (test && negated) {
            test = negate(std::move(test), pos);
        }
        return test;
    }

    NodePtr comparison()
    {
        static const QStringList ops = {u"==="_s, u"!=="_s, u"=="_s, u"!="_s, u"<"_s, u"<="_s, u">"_s, u">="_s};
        NodePtr node = concatenation();
        while (node && peek().type == Token::Type::Op && ops.contains(peek().text)) {
            const Token &op = take();
            NodePtr right = concatenation();
            if (!right) {
                return nullptr;
            }
            node = binary(Node::Kind::Binary, op.text, op.pos, std::move(node), std::move(right));
        }
        return node;
    }

    NodePtr concatenation()
    {
        NodePtr node = additive();
        while (node && isOp(u"~")) {
            const Token &op = take();
            NodePtr right = additive();
            if (!right) {
                return nullptr;
            }
            node = binary(Node::Kind::Binary, op.text, op.pos, std::move(node), std::move(right));
        }
        return node;
    }

    NodePtr additive()
    {
        NodePtr node = multiplicative();
        while (node && (isOp(u"+") || isOp(u"-"))) {
            const Token &op = take();
            NodePtr right = multiplicative();
            if (!right) {
                return nullptr;
            }
            node = binary(Node::Kind::Binary, op.text, op.pos, std::move(node), std::move(right));
        }
        return node;
    }

    NodePtr multiplicative()
    {
        NodePtr node = power();
        while (node && (isOp(u"*") || isOp(u"/") || isOp(u"//") || isOp(u"%"))) {
            const Token &op = take();
            NodePtr right = power();
            if (!right) {
                return nullptr;
            }
            node = binary(Node::Kind::Binary, op.text, op.pos, std::move(node), std::move(right));
        }
        return node;
    }

    NodePtr power()
    {
        NodePtr node = unary(true);
        while (node && isOp(u"**")) {
            const Token &op = take();
            NodePtr right = unary(true);
            if (!right) {
                return nullptr;
            }
            node = binary(Node::Kind::Binary, op.text, op.pos, std::move(node), std::move(right));
        }
        return node;
    }

    // As in Nunjucks, the filters after a negation apply to the negated value: `-x | abs` is abs(-x).
    NodePtr unary(bool withFilters)
    {
        NodePtr node;
        if (isOp(u"-") || isOp(u"+")) {
            const Nesting nesting(*this);
            const Token &op = take();
            if (nesting.tooDeep()) {
                return tooDeep(op.pos);
            }
            NodePtr operand = unary(false);
            if (!operand) {
                return nullptr;
            }
            node = make(Node::Kind::Unary, op.pos);
            node->name = op.text;
            node->children.push_back(std::move(operand));
            node = finish(std::move(node));
        } else {
            node = postfix(primary());
        }
        return node && withFilters ? filters(std::move(node)) : std::move(node);
    }

    NodePtr primary()
    {
        const Token &t = peek();
        switch (t.type) {
        case Token::Type::String: {
            NodePtr node = make(Node::Kind::Literal, take().pos);
            node->value = t.text;
            return node;
        }
        case Token::Type::Number: {
            NodePtr node = make(Node::Kind::Literal, take().pos);
            node->value = number(t.number);
            return node;
        }
        case Token::Type::Name: {
            static const QHash<QString, QJsonValue> literals = {
                {u"true"_s, true},         {u"True"_s, true},         {u"false"_s, false},       {u"False"_s, false},
                {u"none"_s, QJsonValue()}, {u"None"_s, QJsonValue()}, {u"null"_s, QJsonValue()},
            };
            static const QStringList reserved = {u"if"_s, u"else"_s, u"and"_s, u"or"_s, u"not"_s, u"in"_s, u"is"_s};
            if (reserved.contains(t.text)) {
                return unexpected();
            }
            const auto literal = literals.constFind(t.text);
            NodePtr node = make(literal != literals.constEnd() ? Node::Kind::Literal : Node::Kind::Name, take().pos);
            if (literal != literals.constEnd()) {
                node->value = *literal;
            } else {
                node->name = t.text;
            }
            return node;
        }
        case Token::Type::Op:
            if (t.text == "("_L1) {
                take();
                NodePtr inner = expression();
                if (!inner || !expectOp(u")")) {
                    return nullptr;
                }
                return inner;
            }
            if (t.text == "["_L1) {
                return list();
            }
            if (t.text == "{"_L1) {
                return object();
            }
            return unexpected();
        case Token::Type::End:
            return unexpected();
        }
        return unexpected();
    }

    NodePtr list()
    {
        NodePtr node = make(Node::Kind::List, take().pos);
        while (!isOp(u"]")) {
            NodePtr item = expression();
            if (!item) {
                return nullptr;
            }
            node->children.push_back(std::move(item));
            if (!isOp(u",")) {
                break;
            }
            take();
        }
        if (!expectOp(u"]")) {
            return nullptr;
        }
        return finish(std::move(node));
    }

    NodePtr object()
    {
        NodePtr node = make(Node::Kind::Object, take().pos);
        while (!isOp(u"}")) {
            const Token &key = peek();
            if (key.type != Token::Type::String && key.type != Token::Type::Name) {
                return fail(Error::Code::Parse, tr("An object key must be a name or a string"), key.pos);
            }
            node->keys.append(take().text);
            if (!expectOp(u":")) {
                return nullptr;
            }
            NodePtr value = expression();
            if (!value) {
                return nullptr;
            }
            node->children.push_back(std::move(value));
            if (!isOp(u",")) {
                break;
            }
            take();
        }
        if (!expectOp(u"}")) {
            return nullptr;
        }
        return finish(std::move(node));
    }

    NodePtr postfix(NodePtr node)
    {
        while (node) {
            if (isOp(u".")) {
                const qsizetype pos = take().pos;
                if (peek().type != Token::Type::Name && peek().type != Token::Type::Number) {
                    return fail(Error::Code::Parse, tr("Expected a name after “.”"), peek().pos);
                }
                NodePtr key = make(Node::Kind::Literal, peek().pos);
                key->value = take().text;
                node = binary(Node::Kind::Member, {}, pos, std::move(node), std::move(key));
            } else if (isOp(u"[")) {
                const qsizetype pos = take().pos;
                NodePtr key = expression();
                if (!key || !expectOp(u"]")) {
                    return nullptr;
                }
                node = binary(Node::Kind::Member, {}, pos, std::move(node), std::move(key));
            } else if (isOp(u"(")) {
                return fail(Error::Code::Unsupported,
                            tr("Calling functions is not supported; use a filter such as “| lower”"), peek().pos);
            } else {
                break;
            }
        }
        return node;
    }

    NodePtr filters(NodePtr node)
    {
        while (node && isOp(u"|")) {
            take();
            if (peek().type != Token::Type::Name) {
                return fail(Error::Code::Parse, tr("Expected the name of a filter after “|”"), peek().pos);
            }
            const Token &name = take();
            const auto arity = filterArities().constFind(name.text);
            if (arity == filterArities().constEnd()) {
                return fail(Error::Code::Unsupported, tr("Unknown filter “%1”").arg(name.text), name.pos);
            }
            NodePtr filter = make(Node::Kind::Filter, name.pos);
            filter->name = name.text;
            filter->children.push_back(std::move(node));
            if (!arguments(*filter)) {
                return nullptr;
            }
            const int given = int(filter->children.size()) - 1;
            if (given < arity->min || given > arity->max) {
                return fail(Error::Code::Parse,
                            tr("Wrong number of arguments for the filter “%1”: %2 given").arg(name.text).arg(given),
                            name.pos);
            }
            node = finish(std::move(filter));
        }
        return node;
    }

    // Optional "(a, b)" after a filter or test name, appended to the node's children.
    bool arguments(Node &node)
    {
        if (!isOp(u"(")) {
            return true;
        }
        take();
        while (!isOp(u")")) {
            NodePtr arg = expression();
            if (!arg) {
                return false;
            }
            node.children.push_back(std::move(arg));
            if (!isOp(u",")) {
                break;
            }
            take();
        }
        return expectOp(u")");
    }

    std::vector<Token> m_tokens;
    size_t m_index = 0;
    int m_depth = 0;
    Error m_error;
};

// ---------------------------------------------------------------------------------------------------------------
// Repository URLs, as Backstage's RepoUrlPicker writes them: "github.com?owner=o&repo=r".

Result<QJsonObject> parseRepoUrl(const QJsonValue &value, qsizetype pos)
{
    const QString text = value.toString();
    const auto invalid = [&](const QString &why) {
        return failAt(Error::Code::Validation, tr("Invalid repository URL “%1”: %2").arg(text, why), pos);
    };
    if (!value.isString() || text.isEmpty()) {
        return failAt(Error::Code::Validation,
                      tr("parseRepoUrl expects a repository location such as “github.com?owner=o&repo=r”, got %1")
                          .arg(typeName(value)),
                      pos);
    }
    const QUrl url(u"https://"_s + text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        return invalid(tr("no host"));
    }
    QJsonObject out;
    out.insert("host"_L1, url.port() == -1 ? url.host() : url.host() + u':' + QString::number(url.port()));
    // URLSearchParams: the first of repeated keys wins, and "+" is a space.
    const QString query = url.query(QUrl::FullyEncoded);
    const QStringList wanted = {u"owner"_s, u"repo"_s, u"organization"_s, u"workspace"_s, u"project"_s};
    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        QString key = pair.left(eq < 0 ? pair.size() : eq);
        QString raw = eq < 0 ? QString() : pair.mid(eq + 1);
        key = QUrl::fromPercentEncoding(key.replace(u'+', u' ').toUtf8());
        if (!wanted.contains(key) || out.contains(key)) {
            continue;
        }
        out.insert(key, QUrl::fromPercentEncoding(raw.replace(u'+', u' ').toUtf8()));
    }
    if (out.value("repo"_L1).toString().isEmpty()) {
        return invalid(tr("missing repo"));
    }
    return out;
}

// lodash's get(): "a.b[0].c" or a key the object has as it is.
QJsonValue pick(const QJsonValue &target, const QJsonValue &path)
{
    if (target.isObject() && target.toObject().contains(propertyKey(path))) {
        return target.toObject().value(propertyKey(path));
    }
    if (path.isArray()) {
        QJsonValue v = target;
        for (const QJsonValue &key : path.toArray()) {
            v = member(v, key);
        }
        return v;
    }
    const QString text = propertyKey(path);
    QJsonValue v = target;
    QString segment;
    bool pending = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'.') {
            if (pending) {
                v = member(v, segment);
            }
            segment.clear();
            pending = false;
        } else if (c == u'[') {
            if (pending) {
                v = member(v, segment);
            }
            segment.clear();
            pending = false;
            qsizetype end = i + 1;
            if (end < text.size() && (text[end] == u'"' || text[end] == u'\'')) {
                const QChar quote = text[end];
                const qsizetype close = text.indexOf(quote, end + 1);
                if (close < 0) {
                    return undefined();
                }
                v = member(v, text.mid(end + 1, close - end - 1));
                end = close + 1;
            } else {
                const qsizetype close = text.indexOf(u']', end);
                if (close < 0) {
                    return undefined();
                }
                const QString key = text.mid(end, close - end);
                v = indexOf(key) >= 0 ? member(v, number(double(indexOf(key)))) : member(v, key);
                end = close;
            }
            if (end >= text.size() || text[end] != u']') {
                return undefined();
            }
            i = end;
        } else {
            segment += c;
            pending = true;
        }
    }
    if (pending) {
        v = member(v, segment);
    }
    return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

class Evaluator final
{
public:
    explicit Evaluator(const QJsonObject &context)
        : m_context(context)
    { }

    Result<QJsonValue> eval(const Node &node)
    {
        switch (node.kind) {
        case Node::Kind::Literal:
            return node.value;
        case Node::Kind::Name:
            return m_context.value(node.name);
        case Node::Kind::Member: {
            auto target = eval(*node.children[0]);
            if (!target) {
                return target;
            }
            auto key = eval(*node.children[1]);
            if (!key) {
                return key;
            }
            return member(*target, *key);
        }
        case Node::Kind::List: {
            QJsonArray list;
            for (const NodePtr &child : node.children) {
                auto item = eval(*child);
                if (!item) {
                    return item;
                }
                // JSON has no undefined; JSON.stringify writes it as null in a list.
                list.append(item->isUndefined() ? QJsonValue() : *item);
            }
            return QJsonValue(list);
        }
        case Node::Kind::Object: {
            QJsonObject object;
            for (size_t i = 0; i < node.children.size(); ++i) {
                auto value = eval(*node.children[i]);
                if (!value) {
                    return value;
                }
                if (!value->isUndefined()) {
                    object.insert(node.keys[qsizetype(i)], *value);
                }
            }
            return QJsonValue(object);
        }
        case Node::Kind::Unary: {
            auto operand = eval(*node.children[0]);
            if (!operand) {
                return operand;
            }
            const double d = toNumber(*operand);
            return number(node.name == "-"_L1 ? -d : d);
        }
        case Node::Kind::Not: {
            auto operand = eval(*node.children[0]);
            if (!operand) {
                return operand;
            }
            return QJsonValue(!TemplateExpression::truthy(*operand));
        }
        case Node::Kind::And:
        case Node::Kind::Or: {
            // JavaScript's && and ||: the deciding operand itself, and the right one only when needed.
            auto left = eval(*node.children[0]);
            if (!left) {
                return left;
            }
            const bool decided = TemplateExpression::truthy(*left) == (node.kind == Node::Kind::Or);
            return decided ? left : eval(*node.children[1]);
        }
        case Node::Kind::InlineIf: {
            auto condition = eval(*node.children[0]);
            if (!condition) {
                return condition;
            }
            if (TemplateExpression::truthy(*condition)) {
                return eval(*node.children[1]);
            }
            return node.children.size() > 2 ? eval(*node.children[2]) : Result<QJsonValue>(QJsonValue(QString()));
        }
        case Node::Kind::In:
            return inOperator(node);
        case Node::Kind::Binary:
            return binary(node);
        case Node::Kind::Is:
        case Node::Kind::Filter: {
            auto input = eval(*node.children[0]);
            if (!input) {
                return input;
            }
            QList<QJsonValue> args;
            for (size_t i = 1; i < node.children.size(); ++i) {
                auto arg = eval(*node.children[i]);
                if (!arg) {
                    return arg;
                }
                args.append(*arg);
            }
            if (node.kind == Node::Kind::Is) {
                return QJsonValue(test(node.name, *input, args));
            }
            auto out = filter(node, *input, args);
            if (!out) {
                return out;
            }
            return produced(*out, node.pos);
        }
        }
        return undefined();
    }

private:
    // Every text an operation makes is counted, so no chain of operations can build unbounded text.
    Result<QJsonValue> produced(const QJsonValue &value, qsizetype pos)
    {
        if (!value.isString()) {
            return value;
        }
        const qsizetype size = value.toString().size();
        m_work += size;
        if (size > maxText || m_work > maxWork) {
            return tooLarge(pos);
        }
        return value;
    }

    static Error tooLarge(qsizetype pos)
    {
        return failAt(Error::Code::TooLarge, tr("The expression makes text longer than %1 characters").arg(maxText),
                      pos);
    }

    Result<QJsonValue> inOperator(const Node &node)
    {
        auto needle = eval(*node.children[0]);
        if (!needle) {
            return needle;
        }
        auto haystack = eval(*node.children[1]);
        if (!haystack) {
            return haystack;
        }
        if (haystack->isArray()) {
            const QJsonArray list = haystack->toArray();
            return QJsonValue(std::any_of(list.begin(), list.end(),
                                          [&](const QJsonValue &item) { return strictEquals(item, *needle); }));
        }
        if (haystack->isString()) {
            return QJsonValue(haystack->toString().contains(jsString(*needle)));
        }
        if (haystack->isObject()) {
            return QJsonValue(haystack->toObject().contains(propertyKey(*needle)));
        }
        return failAt(Error::Code::Validation,
                      tr("“in” needs a list, text or an object on its right, got %1").arg(typeName(*haystack)),
                      node.pos);
    }

    Result<QJsonValue> binary(const Node &node)
    {
        auto leftResult = eval(*node.children[0]);
        if (!leftResult) {
            return leftResult;
        }
        auto rightResult = eval(*node.children[1]);
        if (!rightResult) {
            return rightResult;
        }
        const QJsonValue &a = *leftResult;
        const QJsonValue &b = *rightResult;
        const QString &op = node.name;
        if (op == "==="_L1) {
            return QJsonValue(strictEquals(a, b));
        }
        if (op == "!=="_L1) {
            return QJsonValue(!strictEquals(a, b));
        }
        if (op == "=="_L1) {
            return QJsonValue(looseEquals(a, b));
        }
        if (op == "!="_L1) {
            return QJsonValue(!looseEquals(a, b));
        }
        if (op == "<"_L1) {
            return QJsonValue(lessThan(a, b) == Order::Less);
        }
        if (op == ">"_L1) {
            return QJsonValue(lessThan(b, a) == Order::Less);
        }
        if (op == "<="_L1) {
            return QJsonValue(lessThan(b, a) == Order::NotLess);
        }
        if (op == ">="_L1) {
            return QJsonValue(lessThan(a, b) == Order::NotLess);
        }
        if (op == "~"_L1) {
            return concatenate(jsString(a), jsString(b), node.pos);
        }
        if (op == "+"_L1) {
            const QJsonValue pa = toPrimitive(a);
            const QJsonValue pb = toPrimitive(b);
            if (pa.isString() || pb.isString()) {
                return concatenate(jsString(pa), jsString(pb), node.pos);
            }
            return number(toNumber(pa) + toNumber(pb));
        }
        const double x = toNumber(a);
        const double y = toNumber(b);
        if (op == "-"_L1) {
            return number(x - y);
        }
        if (op == "*"_L1) {
            return number(x * y);
        }
        if (op == "/"_L1) {
            return number(x / y);
        }
        if (op == "//"_L1) {
            return number(std::floor(x / y));
        }
        if (op == "%"_L1) {
            return number(std::fmod(x, y));
        }
        if (op == "**"_L1) {
            return number(std::pow(x, y));
        }
        return failAt(Error::Code::Internal, tr("Unknown operator “%1”").arg(op), node.pos);
    }

    Result<QJsonValue> concatenate(const QString &a, const QString &b, qsizetype pos)
    {
        if (a.size() + b.size() > maxText) {
            return tooLarge(pos);
        }
        return produced(QJsonValue(a + b), pos);
    }

    static bool test(const QString &name, const QJsonValue &v, const QList<QJsonValue> &args)
    {
        const QJsonValue arg = args.value(0, undefined());
        if (name == "defined"_L1) {
            return !v.isUndefined();
        }
        if (name == "undefined"_L1) {
            return v.isUndefined();
        }
        if (name == "null"_L1 || name == "none"_L1) {
            return v.isNull();
        }
        if (name == "number"_L1) {
            return v.isDouble();
        }
        if (name == "string"_L1) {
            return v.isString();
        }
        if (name == "mapping"_L1) {
            return v.isObject();
        }
        if (name == "iterable"_L1) {
            return v.isArray() || v.isString();
        }
        if (name == "truthy"_L1) {
            return TemplateExpression::truthy(v);
        }
        if (name == "falsy"_L1) {
            return !TemplateExpression::truthy(v);
        }
        if (name == "odd"_L1) {
            return std::fmod(toNumber(v), 2) == 1 || std::fmod(toNumber(v), 2) == -1;
        }
        if (name == "even"_L1) {
            return std::fmod(toNumber(v), 2) == 0;
        }
        if (name == "divisibleby"_L1) {
            return std::fmod(toNumber(v), toNumber(arg)) == 0;
        }
        if (name == "equalto"_L1 || name == "eq"_L1 || name == "sameas"_L1) {
            return strictEquals(v, arg);
        }
        if (name == "ne"_L1) {
            return !strictEquals(v, arg);
        }
        if (name == "lt"_L1 || name == "lessthan"_L1) {
            return lessThan(v, arg) == Order::Less;
        }
        if (name == "gt"_L1 || name == "greaterthan"_L1) {
            return lessThan(arg, v) == Order::Less;
        }
        if (name == "le"_L1) {
            return lessThan(arg, v) == Order::NotLess;
        }
        if (name == "ge"_L1) {
            return lessThan(v, arg) == Order::NotLess;
        }
        if (name == "lower"_L1) {
            return v.isString() && v.toString().toLower() == v.toString();
        }
        if (name == "upper"_L1) {
            return v.isString() && v.toString().toUpper() == v.toString();
        }
        return false;
    }

    static Error typeError(const Node &node, const QString &expected, const QJsonValue &got)
    {
        return failAt(Error::Code::Validation,
                      tr("The filter “%1” expects %2, got %3").arg(node.name, expected, typeName(got)), node.pos);
    }

    // Nunjucks' normalize(): null, undefined and false read as "" in the text filters.
    static std::optional<QString> textInput(const QJsonValue &v)
    {
        if (v.isUndefined() || v.isNull() || (v.isBool() && !v.toBool())) {
            return QString();
        }
        if (v.isString()) {
            return v.toString();
        }
        return std::nullopt;
    }

    static QString capitalized(const QString &text)
    {
        QString out = text.toLower();
        if (!out.isEmpty()) {
            out = out.left(1).toUpper() + out.mid(1);
        }
        return out;
    }

    // JavaScript's parseInt(text, 10) and parseFloat(text): the longest leading number, NaN when there is none.
    static double parseLeadingInt(const QString &text)
    {
        static const QRegularExpression re(u"^\\s*([+-]?\\d+)"_s);
        const auto m = re.match(text);
        return m.hasMatch() ? QLocale::c().toDouble(m.capturedView(1)) : std::numeric_limits<double>::quiet_NaN();
    }

    static double parseLeadingFloat(const QString &text)
    {
        static const QRegularExpression re(u"^\\s*([+-]?(?:Infinity|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?))"_s);
        const auto m = re.match(text);
        return m.hasMatch() ? stringToNumber(m.capturedView(1)) : std::numeric_limits<double>::quiet_NaN();
    }

    static double jsRound(double x)
    {
        // Math.round: halves go up, towards +infinity.
        const double f = std::floor(x);
        return x - f >= 0.5 ? f + 1 : f;
    }

    Result<QJsonValue> filter(const Node &node, const QJsonValue &in, const QList<QJsonValue> &args)
    {
        const QString &name = node.name;
        const auto arg = [&](int i) { return args.value(i, undefined()); };

        if (name == "lower"_L1 || name == "upper"_L1 || name == "capitalize"_L1 || name == "title"_L1) {
            const auto text = textInput(in);
            if (!text) {
                return typeError(node, tr("text"), in);
            }
            if (name == "lower"_L1) {
                return QJsonValue(text->toLower());
            }
            if (name == "upper"_L1) {
                return QJsonValue(text->toUpper());
            }
            if (name == "capitalize"_L1) {
                return QJsonValue(capitalized(*text));
            }
            QStringList words = text->split(u' ');
            for (QString &word : words) {
                word = capitalized(word);
            }
            return QJsonValue(words.join(u' '));
        }
        if (name == "trim"_L1) {
            if (!in.isString()) {
                return typeError(node, tr("text"), in);
            }
            return QJsonValue(in.toString().trimmed());
        }
        if (name == "replace"_L1) {
            return replace(node, in, arg(0), arg(1), arg(2));
        }
        if (name == "default"_L1 || name == "d"_L1) {
            // default(value, true) also replaces false, 0 and "", as Nunjucks' `val || def`.
            const bool useDefault =
                TemplateExpression::truthy(arg(1)) ? !TemplateExpression::truthy(in) : in.isUndefined();
            return useDefault ? arg(0) : in;
        }
        if (name == "length"_L1) {
            if (const auto text = textInput(in)) {
                return number(double(text->size()));
            }
            if (in.isArray()) {
                return number(double(in.toArray().size()));
            }
            if (in.isObject()) {
                return number(double(in.toObject().size()));
            }
            return undefined();
        }
        if (name == "first"_L1 || name == "last"_L1) {
            if (isNullish(in)) {
                return typeError(node, tr("a list or text"), in);
            }
            const qsizetype size = in.isArray() ? in.toArray().size() : in.isString() ? in.toString().size() : 0;
            if (size == 0) {
                return undefined();
            }
            return member(in, number(name == "first"_L1 ? 0.0 : double(size - 1)));
        }
        if (name == "join"_L1) {
            return join(node, in, arg(0), arg(1));
        }
        if (name == "split"_L1) {
            return split(node, in, arg(0));
        }
        if (name == "string"_L1) {
            bool fits = true;
            const QString text = textOf(in, maxText, &fits);
            if (!fits) {
                return tooLarge(node.pos);
            }
            return QJsonValue(text);
        }
        if (name == "int"_L1 || name == "float"_L1) {
            const QString text = jsString(in);
            const double d = name == "int"_L1 ? parseLeadingInt(text) : parseLeadingFloat(text);
            return std::isnan(d) ? arg(0) : number(d);
        }
        if (name == "abs"_L1) {
            return number(std::fabs(toNumber(in)));
        }
        if (name == "round"_L1) {
            const double precision = TemplateExpression::truthy(arg(0)) ? toNumber(arg(0)) : 0;
            const double factor = std::pow(10.0, precision);
            const QString method = arg(1).toString();
            const double x = toNumber(in) * factor;
            const double rounded = method == "ceil"_L1    ? std::ceil(x)
                                   : method == "floor"_L1 ? std::floor(x)
                                                          : jsRound(x);
            return number(rounded / factor);
        }
        if (name == "dump"_L1) {
            if (in.isUndefined()) {
                return undefined();
            }
            QString indent;
            if (arg(0).isDouble()) {
                indent = QString(int(std::clamp(toNumber(arg(0)), 0.0, 10.0)), u' ');
            } else if (arg(0).isString()) {
                indent = arg(0).toString().left(10);
            }
            JsonWriter writer(maxText, indent);
            if (!writer.write(in)) {
                return tooLarge(node.pos);
            }
            return QJsonValue(writer.text());
        }
        if (name == "truncate"_L1) {
            return truncate(node, in, arg(0), arg(1), arg(2));
        }
        if (name == "slugify"_L1) {
            const auto text = in.isDouble() ? std::optional<QString>(jsString(in)) : textInput(in);
            if (!text) {
                return typeError(node, tr("text"), in);
            }
            return QJsonValue(slugify(*text));
        }
        if (name == "parseRepoUrl"_L1) {
            auto parsed = parseRepoUrl(in, node.pos);
            if (!parsed) {
                return parsed.error();
            }
            return QJsonValue(*parsed);
        }
        if (name == "projectSlug"_L1) {
            auto parsed = parseRepoUrl(in, node.pos);
            if (!parsed) {
                return parsed.error();
            }
            const QString owner = parsed->value("owner"_L1).toString();
            if (owner.isEmpty()) {
                return failAt(Error::Code::Validation,
                              tr("projectSlug needs an owner in the repository URL “%1”").arg(in.toString()), node.pos);
            }
            return QJsonValue(owner + u'/' + parsed->value("repo"_L1).toString());
        }
        if (name == "pick"_L1) {
            return pick(in, arg(0));
        }
        if (name == "parseEntityRef"_L1) {
            return parseEntityRef(node, in, arg(0));
        }
        return failAt(Error::Code::Unsupported, tr("Unknown filter “%1”").arg(name), node.pos);
    }

    Result<QJsonValue> replace(const Node &node, const QJsonValue &in, QJsonValue from, const QJsonValue &to,
                               const QJsonValue &maxCount)
    {
        // Nunjucks hands anything it cannot search back unchanged.
        if (from.isDouble()) {
            from = jsString(from);
        }
        if (!from.isString()) {
            return in;
        }
        if (!in.isString() && !in.isDouble()) {
            return in;
        }
        const QString text = jsString(in);
        const QString needle = from.toString();
        const QString replacement = jsString(to);
        const double limit = maxCount.isUndefined() ? -1 : toNumber(maxCount);
        if (needle.isEmpty()) {
            // Python's behaviour: "abc"|replace("", ".") is ".a.b.c.".
            if ((text.size() + 1) * replacement.size() + text.size() > maxText) {
                return tooLarge(node.pos);
            }
            QString out = replacement;
            for (const QChar c : text) {
                out += c;
                out += replacement;
            }
            return QJsonValue(out);
        }
        if (limit == 0 || !text.contains(needle)) {
            return in;
        }
        // Sized before it is built, so a short template cannot ask for gigabytes.
        const qsizetype count = text.count(needle);
        const qsizetype replaced = limit < 0 ? count : std::min<qsizetype>(count, qsizetype(limit));
        if (text.size() + replaced * (replacement.size() - needle.size()) > maxText) {
            return tooLarge(node.pos);
        }
        QString out;
        qsizetype pos = 0;
        qsizetype done = 0;
        qsizetype next = text.indexOf(needle);
        while (next >= 0 && (limit < 0 || done < limit)) {
            out += QStringView(text).mid(pos, next - pos);
            out += replacement;
            pos = next + needle.size();
            ++done;
            next = text.indexOf(needle, pos);
        }
        out += QStringView(text).mid(pos);
        return QJsonValue(out);
    }

    Result<QJsonValue> join(const Node &node, const QJsonValue &in, const QJsonValue &separator,
                            const QJsonValue &attribute)
    {
        if (!in.isArray()) {
            return typeError(node, tr("a list"), in);
        }
        QJsonArray list = in.toArray();
        if (TemplateExpression::truthy(attribute)) {
            for (qsizetype i = 0; i < list.size(); ++i) {
                list[i] = member(list.at(i), attribute);
            }
        }
        const QString sep = TemplateExpression::truthy(separator) ? jsString(separator) : QString();
        if (list.size() > 1 && (list.size() - 1) * sep.size() > maxText) {
            return tooLarge(node.pos);
        }
        return QJsonValue(joinList(list, sep));
    }

    Result<QJsonValue> split(const Node &node, const QJsonValue &in, const QJsonValue &separator)
    {
        if (!in.isString()) {
            return typeError(node, tr("text"), in);
        }
        const QString text = in.toString();
        QStringList parts;
        if (separator.isUndefined() || separator.isNull()) {
            // Like Python's str.split(): runs of white space, no empty parts.
            static const QRegularExpression space(u"\\s+"_s);
            parts = text.split(space, Qt::SkipEmptyParts);
        } else {
            const QString sep = jsString(separator);
            if (sep.isEmpty()) {
                for (const QChar c : text) {
                    parts.append(QString(c));
                }
            } else {
                parts = text.split(sep);
            }
        }
        if (parts.size() > maxListItems) {
            return failAt(Error::Code::TooLarge, tr("split makes more than %1 parts").arg(maxListItems), node.pos);
        }
        return QJsonValue(QJsonArray::fromStringList(parts));
    }

    Result<QJsonValue> truncate(const Node &node, const QJsonValue &in, const QJsonValue &length,
                                const QJsonValue &killWords, const QJsonValue &end)
    {
        const auto text = textInput(in);
        if (!text) {
            return typeError(node, tr("text"), in);
        }
        double max = TemplateExpression::truthy(length) ? toNumber(length) : 255;
        if (std::isnan(max)) {
            max = 255;
        }
        if (double(text->size()) <= max) {
            return QJsonValue(*text);
        }
        // String.prototype.substring and lastIndexOf clamp to the text.
        const qsizetype cut = qsizetype(std::clamp(std::trunc(max), 0.0, double(text->size())));
        QString out;
        if (TemplateExpression::truthy(killWords)) {
            out = text->left(cut);
        } else {
            qsizetype space = text->lastIndexOf(u' ', cut);
            if (space < 0) {
                space = cut;
            }
            out = text->left(space);
        }
        out += isNullish(end) ? u"..."_s : jsString(end);
        return QJsonValue(out);
    }

    static QString slugify(const QString &text)
    {
        // Accents come off ("Café" -> "cafe"); every run of anything but a-z and 0-9 becomes one "-".
        const QString decomposed = text.normalized(QString::NormalizationForm_KD).toLower();
        QString out;
        bool dash = false;
        for (const QChar c : decomposed) {
            if (c.category() == QChar::Mark_NonSpacing) {
                continue;
            }
            if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
                if (dash && !out.isEmpty()) {
                    out += u'-';
                }
                dash = false;
                out += c;
            } else {
                dash = true;
            }
        }
        return out;
    }

    static Result<QJsonValue> parseEntityRef(const Node &node, const QJsonValue &in, const QJsonValue &defaults)
    {
        const QJsonObject context = defaults.toObject();
        const QString defaultKind = context.value("defaultKind"_L1).toString();
        const QString defaultNamespace = context.value("defaultNamespace"_L1).toString();
        EntityRef ref;
        if (in.isString()) {
            // An empty default namespace makes EntityRef fall back to "default", as Backstage does.
            auto parsed = EntityRef::parse(in.toString(), defaultKind, defaultNamespace);
            if (!parsed) {
                Error e = parsed.error();
                e.column = int(node.pos) + 1;
                return e;
            }
            ref = *parsed;
        } else if (in.isObject()) {
            // Backstage also accepts a compound reference {kind, namespace, name}.
            const QJsonObject object = in.toObject();
            ref.kind = object.value("kind"_L1).toString(defaultKind);
            ref.ns = object.value("namespace"_L1).toString(defaultNamespace);
            ref.name = object.value("name"_L1).toString();
            if (ref.ns.isEmpty()) {
                ref.ns = defaultNamespace.isEmpty() ? u"default"_s : defaultNamespace;
            }
            if (ref.kind.isEmpty() || ref.name.isEmpty()) {
                return failAt(Error::Code::Reference, tr("The entity reference has no kind or no name"), node.pos);
            }
        } else {
            return typeError(node, tr("an entity reference"), in);
        }
        if (ref.ns.isEmpty()) {
            ref.ns = u"default"_s;
        }
        return QJsonValue(QJsonObject{{u"kind"_s, ref.kind}, {u"namespace"_s, ref.ns}, {u"name"_s, ref.name}});
    }

    const QJsonObject &m_context;
    qsizetype m_work = 0;
};

// ---------------------------------------------------------------------------------------------------------------
// Placeholders in text

constexpr QStringView placeholderOpen = u"${{";

// Where the placeholder whose expression starts at `from` ends: the index of its "}}", or -1. As in Nunjucks' lexer,
// string literals may hold "}}", and the first "}}" outside them ends the placeholder.
qsizetype placeholderEnd(QStringView text, qsizetype from)
{
    QChar quote;
    for (qsizetype i = from; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == u'\\') {
                ++i;
            } else if (c == quote) {
                quote = QChar();
            }
            continue;
        }
        if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'}' && i + 1 < text.size() && text[i + 1] == u'}') {
            return i;
        }
    }
    return -1;
}

Error unterminated(QStringView text, qsizetype at)
{
    const QStringView before = text.first(at);
    Error e = makeError(Error::Code::Parse, tr("The placeholder “${{” at column %1 has no closing “}}”")
                                                .arg(at - std::max<qsizetype>(before.lastIndexOf(u'\n'), -1)));
    e.line = int(before.count(u'\n')) + 1;
    e.column = int(at - std::max<qsizetype>(before.lastIndexOf(u'\n'), -1));
    e.detail = text.mid(at, 80).toString();
    return e;
}

// A string that is one placeholder and nothing else keeps the type of its value, as Backstage's
// isSingleTemplateString path does; anything else renders to text, and text that renders empty is undefined.
Result<QJsonValue> renderString(const QString &text, const QJsonObject &context)
{
    if (text.startsWith(placeholderOpen)) {
        const qsizetype close = placeholderEnd(text, placeholderOpen.size());
        if (close >= 0 && close == text.size() - 2) {
            auto value =
                TemplateExpression::evaluate(text.mid(placeholderOpen.size(), close - placeholderOpen.size()), context);
            if (value && value->isDouble() && !std::isfinite(value->toDouble())) {
                return QJsonValue(); // JSON.parse(JSON.stringify(NaN)) is null
            }
            return value;
        }
    }
    auto rendered = TemplateExpression::render(text, context);
    if (!rendered) {
        return rendered.error();
    }
    return rendered->isEmpty() ? undefined() : QJsonValue(*rendered);
}

Result<QJsonValue> renderTree(const QJsonValue &value, const QJsonObject &context, const QString &path, int depth)
{
    if (depth > maxValueDepth) {
        Error e = makeError(Error::Code::TooLarge, tr("The value nests deeper than %1 levels").arg(maxValueDepth));
        e.field = path;
        return e;
    }
    switch (value.type()) {
    case QJsonValue::String: {
        const QString text = value.toString();
        if (!TemplateExpression::hasPlaceholder(text)) {
            return value;
        }
        auto rendered = renderString(text, context);
        if (!rendered) {
            Error e = rendered.error();
            e.field = path;
            return e;
        }
        return rendered;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QJsonObject out;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            auto item = renderTree(it.value(), context, path + u'.' + it.key(), depth + 1);
            if (!item) {
                return item;
            }
            if (!item->isUndefined()) {
                out.insert(it.key(), *item);
            }
        }
        return QJsonValue(out);
    }
    case QJsonValue::Array: {
        const QJsonArray list = value.toArray();
        QJsonArray out;
        for (qsizetype i = 0; i < list.size(); ++i) {
            auto item = renderTree(list.at(i), context, path + u'[' + QString::number(i) + u']', depth + 1);
            if (!item) {
                return item;
            }
            out.append(item->isUndefined() ? QJsonValue() : *item);
        }
        return QJsonValue(out);
    }
    default:
        return value;
    }
}

// Names the expression and the column in the message, for people; the expression itself goes to `detail`.
Error located(Error e, const QString &expression)
{
    const QString shown = expression.size() > 80 ? expression.left(77) + u"…"_s : expression;
    e.message = tr("%1 (in “%2” at column %3)").arg(e.message, shown.trimmed()).arg(e.column);
    e.detail = expression;
    return e;
}

// Parses and evaluates one expression. `dumped` tells whether its outermost operation is a plain `| dump`, whose
// JSON text render() inserts as it is.
Result<QJsonValue> evaluateExpression(const QString &expression, const QJsonObject &context, bool *dumped = nullptr)
{
    if (expression.size() > maxExpressionLength) {
        return located(failAt(Error::Code::TooLarge,
                              tr("The expression is longer than %1 characters").arg(maxExpressionLength), 0),
                       expression);
    }
    auto tokens = tokenize(expression);
    if (!tokens) {
        return located(tokens.error(), expression);
    }
    Parser parser(std::move(tokens).value());
    const NodePtr root = parser.parse();
    if (!root) {
        return located(parser.error(), expression);
    }
    if (dumped) {
        *dumped = root->kind == Node::Kind::Filter && root->name == "dump"_L1 && root->children.size() == 1;
    }
    Evaluator evaluator(context);
    auto value = evaluator.eval(*root);
    if (!value) {
        return located(value.error(), expression);
    }
    return value;
}

Error tooLong()
{
    return makeError(Error::Code::TooLarge, tr("The rendered text is longer than %1 characters").arg(maxText));
}

// The value of the placeholder at [start, close + 2) and its text (unescaped). `dumped` as evaluateExpression.
struct PlaceholderValue
{
    QJsonValue value;
    QString text;
    bool dumped = false;
};

Result<PlaceholderValue> placeholderValue(const QString &text, qsizetype start, const QJsonObject &context,
                                          qsizetype *close)
{
    *close = placeholderEnd(text, start + placeholderOpen.size());
    if (*close < 0) {
        return unterminated(text, start);
    }
    PlaceholderValue out;
    auto value = evaluateExpression(text.mid(start + placeholderOpen.size(), *close - start - placeholderOpen.size()),
                                    context, &out.dumped);
    if (!value) {
        return value.error();
    }
    out.value = *value;
    bool fits = true;
    out.text = textOf(out.value, maxText, &fits);
    if (!fits) {
        return tooLong();
    }
    return out;
}

// The text of a scalar (or of the inside of a single-quoted one, with '' read as ') with its placeholders replaced
// by their values' text.
Result<QString> scalarText(const QString &text, qsizetype from, qsizetype to, bool singleQuoted,
                           const QJsonObject &context)
{
    QString out;
    qsizetype pos = from;
    while (pos < to) {
        qsizetype start = text.indexOf(placeholderOpen, pos);
        if (start < 0 || start >= to) {
            start = to;
        }
        const QStringView literal = QStringView(text).sliced(pos, start - pos);
        out += singleQuoted ? literal.toString().replace(u"''"_s, u"'"_s) : literal.toString();
        if (start == to) {
            break;
        }
        qsizetype close = 0;
        auto value = placeholderValue(text, start, context, &close);
        if (!value) {
            return value.error();
        }
        out += value->text;
        if (out.size() > maxText) {
            return tooLong();
        }
        pos = close + 2;
    }
    return out;
}

// Escape::Yaml: each value written as the place it is in needs, so that it reads back as the same text and the
// document keeps its structure (see YamlText::Spot). A scalar with placeholders and other text is quoted whole when
// its rendered text needs it (`name: x-${{ v }}` stays plain for v = 890bac80, is quoted for v = "a: b").
Result<QString> renderYaml(const QString &text, const QJsonObject &context)
{
    QString out;
    qsizetype pos = 0;
    while (true) {
        const qsizetype start = text.indexOf(placeholderOpen, pos);
        if (start < 0) {
            out += QStringView(text).sliced(pos);
            return out.size() > maxText ? Result<QString>(tooLong()) : Result<QString>(out);
        }
        const YamlText::Spot spot = YamlText::spotOf(text, start);
        using Kind = YamlText::Spot::Kind;
        if (spot.kind == Kind::DoubleQuoted || spot.kind == Kind::Block || spot.kind == Kind::Comment) {
            out += QStringView(text).sliced(pos, start - pos);
            qsizetype close = 0;
            auto value = placeholderValue(text, start, context, &close);
            if (!value) {
                return value.error();
            }
            if (spot.kind == Kind::DoubleQuoted) {
                out += QStringView(YamlText::quoted(value->text)).sliced(1).chopped(1);
            } else if (spot.kind == Kind::Block) {
                out += value->text.replace(u'\n', u'\n' + spot.indent);
            } else {
                out += value->text.replace(u'\n', u' ');
            }
            pos = close + 2;
        } else if (spot.kind == Kind::SingleQuoted) {
            out += QStringView(text).sliced(pos, spot.start - pos);
            const bool closed = spot.end > spot.start + 1 && text[spot.end - 1] == u'\'';
            auto inside = scalarText(text, spot.start + 1, closed ? spot.end - 1 : spot.end, true, context);
            if (!inside) {
                return inside.error();
            }
            const bool plainText = std::none_of(inside->cbegin(), inside->cend(), [](QChar c) {
                return c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() == 0x2028 || c.unicode() == 0x2029;
            });
            out += plainText ? u'\'' + QString(*inside).replace(u"'"_s, u"''"_s) + u'\'' : YamlText::quoted(*inside);
            pos = spot.end;
        } else {
            out += QStringView(text).sliced(pos, spot.start - pos);
            qsizetype close = 0;
            if (start == spot.start && placeholderEnd(text, start + placeholderOpen.size()) + 2 == spot.end) {
                // The placeholder is the whole scalar: a number or a boolean goes in as the YAML value it is, and
                // `| dump` is already JSON; a string is quoted when it would read back as anything else.
                auto value = placeholderValue(text, start, context, &close);
                if (!value) {
                    return value.error();
                }
                const bool asIs = value->dumped || value->value.isDouble() || value->value.isBool();
                out += asIs || !YamlText::needsQuotes(value->text) ? value->text : YamlText::quoted(value->text);
            } else {
                auto whole = scalarText(text, spot.start, spot.end, false, context);
                if (!whole) {
                    return whole.error();
                }
                out += YamlText::needsQuotes(*whole) ? YamlText::quoted(*whole) : *whole;
            }
            pos = spot.end;
        }
        if (out.size() > maxText) {
            return tooLong();
        }
    }
}

} // namespace

Result<QJsonValue> TemplateExpression::evaluate(const QString &expression, const QJsonObject &context)
{
    return evaluateExpression(expression, context);
}

Result<QString> TemplateExpression::render(const QString &text, const QJsonObject &context, Escape escape)
{
    if (escape == Escape::Yaml) {
        return renderYaml(text, context);
    }
    QString out;
    qsizetype pos = 0;
    while (true) {
        const qsizetype start = text.indexOf(placeholderOpen, pos);
        out += QStringView(text).mid(pos, start < 0 ? -1 : start - pos);
        if (out.size() > maxText) {
            return tooLong();
        }
        if (start < 0) {
            return out;
        }
        qsizetype close = 0;
        auto value = placeholderValue(text, start, context, &close);
        if (!value) {
            return value.error();
        }
        // `${{ values.name | dump }}` is how Backstage skeletons write a safe JSON value: its one-line JSON is
        // already a valid value, and escaping it again would double-quote it.
        out += value->dumped && escape == Escape::Json ? value->text : escaped(value->text, escape);
        pos = close + 2;
    }
}

Result<QJsonValue> TemplateExpression::renderValue(const QJsonValue &value, const QJsonObject &context,
                                                   const QString &path)
{
    return renderTree(value, context, path, 0);
}

Result<bool> TemplateExpression::condition(const QString &expression, const QJsonObject &context)
{
    const QString text = expression.trimmed();
    if (text.isEmpty()) {
        return false;
    }
    auto value = hasPlaceholder(text) ? renderString(text, context) : evaluate(text, context);
    if (!value) {
        return value.error();
    }
    // Backstage's isTruthy for step conditions: unlike JavaScript, an empty list is false.
    return value->isArray() ? !value->toArray().isEmpty() : truthy(*value);
}

bool TemplateExpression::truthy(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return false;
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double:
        return value.toDouble() != 0 && !std::isnan(value.toDouble());
    case QJsonValue::String:
        return !value.toString().isEmpty();
    case QJsonValue::Array:
    case QJsonValue::Object:
        return true;
    }
    return false;
}

bool TemplateExpression::hasPlaceholder(const QString &text)
{
    return text.contains(placeholderOpen);
}

QString TemplateExpression::toText(const QJsonValue &value)
{
    bool fits = true;
    return textOf(value, std::numeric_limits<qsizetype>::max(), &fits);
}

} // namespace Portolan::Core
