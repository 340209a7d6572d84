#include "LabelSelector.h"

#include "util/StringPool.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString selectorTr(const char *text)
{
    return QCoreApplication::translate("LabelSelector", text);
}

bool isKeyChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'-' || c == u'/';
}

bool isValueChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'-';
}

// A small cursor over the selector text.
class Lexer
{
public:
    explicit Lexer(QStringView text)
        : m_text(text)
    { }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text[m_pos].isSpace()) {
            ++m_pos;
        }
    }
    [[nodiscard]] bool atEnd()
    {
        skipSpace();
        return m_pos >= m_text.size();
    }
    [[nodiscard]] QChar peek()
    {
        skipSpace();
        return m_pos < m_text.size() ? m_text[m_pos] : QChar();
    }
    bool take(QStringView token)
    {
        skipSpace();
        if (m_text.mid(m_pos).startsWith(token)) {
            m_pos += token.size();
            return true;
        }
        return false;
    }
    // A word of key characters (a key, or the `in`/`notin` keyword).
    QString word(bool key)
    {
        skipSpace();
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && (key ? isKeyChar(m_text[m_pos]) : isValueChar(m_text[m_pos]))) {
            ++m_pos;
        }
        return m_text.mid(start, m_pos - start).toString();
    }
    [[nodiscard]] qsizetype position() const { return m_pos; }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

Error parseError(QStringView text, qsizetype position, const QString &what)
{
    Error e = makeError(Error::Code::Parse,
                        selectorTr("The label selector \"%1\" is not valid: %2").arg(text.toString(), what),
                        u"at character %1"_s.arg(position + 1));
    e.column = int(position + 1);
    return e;
}

QString opText(LabelSelector::Requirement::Op op)
{
    switch (op) {
    case LabelSelector::Requirement::Op::Equals:
        return u"="_s;
    case LabelSelector::Requirement::Op::NotEquals:
        return u"!="_s;
    case LabelSelector::Requirement::Op::In:
        return u" in "_s;
    case LabelSelector::Requirement::Op::NotIn:
        return u" notin "_s;
    case LabelSelector::Requirement::Op::Exists:
    case LabelSelector::Requirement::Op::DoesNotExist:
        break;
    }
    return {};
}

} // namespace

const QString *labelValue(const KubeLabels &labels, QStringView key)
{
    for (const auto &pair : labels) {
        if (pair.first == key) {
            return &pair.second;
        }
    }
    return nullptr;
}

bool LabelSelector::Requirement::matches(const KubeLabels &labels) const
{
    const QString *value = labelValue(labels, key);
    switch (op) {
    case Op::Equals:
        return value && !values.isEmpty() && *value == values.first();
    case Op::NotEquals:
        return !value || values.isEmpty() || *value != values.first();
    case Op::In:
        return value && values.contains(*value);
    case Op::NotIn:
        return !value || !values.contains(*value);
    case Op::Exists:
        return value != nullptr;
    case Op::DoesNotExist:
        return value == nullptr;
    }
    return false;
}

Result<LabelSelector> LabelSelector::parse(QStringView text)
{
    using Op = Requirement::Op;
    LabelSelector selector;
    Lexer lex(text);
    if (lex.atEnd()) {
        return parseError(text, 0, selectorTr("it is empty"));
    }
    while (true) {
        Requirement r;
        const bool negated = lex.take(u"!");
        r.key = lex.word(true);
        if (r.key.isEmpty()) {
            return parseError(text, lex.position(), selectorTr("a label key is missing"));
        }
        if (negated) {
            r.op = Op::DoesNotExist;
        } else if (lex.take(u"==") || lex.take(u"=")) {
            r.op = Op::Equals;
            r.values = {lex.word(false)};
        } else if (lex.take(u"!=")) {
            r.op = Op::NotEquals;
            r.values = {lex.word(false)};
        } else if (lex.atEnd() || lex.peek() == u',') {
            r.op = Op::Exists;
        } else {
            const qsizetype at = lex.position();
            const QString keyword = lex.word(true);
            if (keyword == u"in"_s) {
                r.op = Op::In;
            } else if (keyword == u"notin"_s) {
                r.op = Op::NotIn;
            } else {
                return parseError(text, at, selectorTr("expected =, ==, !=, in or notin after \"%1\"").arg(r.key));
            }
            if (!lex.take(u"(")) {
                return parseError(text, lex.position(), selectorTr("expected \"(\" after \"%1\"").arg(keyword));
            }
            while (true) {
                const QString value = lex.word(false);
                if (value.isEmpty() && lex.peek() != u',' && lex.peek() != u')') {
                    return parseError(text, lex.position(), selectorTr("a value in the list is not valid"));
                }
                r.values.append(value);
                if (lex.take(u")")) {
                    break;
                }
                if (!lex.take(u",")) {
                    return parseError(text, lex.position(), selectorTr("expected \",\" or \")\" in the value list"));
                }
            }
            if (r.values.isEmpty() || r.values == QStringList{QString()}) {
                return parseError(text, lex.position(), selectorTr("the value list is empty"));
            }
        }
        selector.m_requirements.append(std::move(r));
        if (lex.atEnd()) {
            break;
        }
        if (!lex.take(u",")) {
            return parseError(text, lex.position(), selectorTr("expected \",\" between requirements"));
        }
    }
    return selector;
}

LabelSelector LabelSelector::fromJson(const QJsonObject &selector)
{
    using Op = Requirement::Op;
    LabelSelector out;
    const QJsonObject matchLabels = selector.value("matchLabels"_L1).toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
        out.m_requirements.append({intern(it.key()), Op::Equals, {intern(it.value().toString())}});
    }
    const QJsonArray expressions = selector.value("matchExpressions"_L1).toArray();
    for (const QJsonValue &value : expressions) {
        const QJsonObject e = value.toObject();
        Requirement r;
        r.key = intern(e.value("key"_L1).toString());
        const QString op = e.value("operator"_L1).toString();
        if (op == u"In"_s) {
            r.op = Op::In;
        } else if (op == u"NotIn"_s) {
            r.op = Op::NotIn;
        } else if (op == u"Exists"_s) {
            r.op = Op::Exists;
        } else if (op == u"DoesNotExist"_s) {
            r.op = Op::DoesNotExist;
        } else {
            out.m_matchesNothing = true;
            continue;
        }
        for (const QJsonValue &v : e.value("values"_L1).toArray()) {
            r.values.append(intern(v.toString()));
        }
        out.m_requirements.append(std::move(r));
    }
    return out;
}

LabelSelector LabelSelector::equals(const QString &key, const QString &value)
{
    LabelSelector out;
    out.m_requirements.append({key, Requirement::Op::Equals, {value}});
    return out;
}

LabelSelector LabelSelector::fromMap(const QJsonObject &map)
{
    LabelSelector out;
    for (auto it = map.begin(); it != map.end(); ++it) {
        out.m_requirements.append({intern(it.key()), Requirement::Op::Equals, {intern(it.value().toString())}});
    }
    return out;
}

bool LabelSelector::matches(const KubeLabels &labels) const
{
    if (m_matchesNothing) {
        return false;
    }
    return std::all_of(m_requirements.cbegin(), m_requirements.cend(),
                       [&labels](const Requirement &r) { return r.matches(labels); });
}

QString LabelSelector::toString() const
{
    QStringList parts;
    for (const Requirement &r : m_requirements) {
        switch (r.op) {
        case Requirement::Op::Exists:
            parts.append(r.key);
            break;
        case Requirement::Op::DoesNotExist:
            parts.append(u'!' + r.key);
            break;
        case Requirement::Op::Equals:
        case Requirement::Op::NotEquals:
            parts.append(r.key + opText(r.op) + r.values.value(0));
            break;
        case Requirement::Op::In:
        case Requirement::Op::NotIn:
            parts.append(r.key + opText(r.op) + u'(' + r.values.join(u", "_s) + u')');
            break;
        }
    }
    return parts.join(u',');
}

QList<QPair<QString, QString>> LabelSelector::requiredPairs() const
{
    QList<QPair<QString, QString>> out;
    for (const Requirement &r : m_requirements) {
        if ((r.op == Requirement::Op::Equals || r.op == Requirement::Op::In) && r.values.size() == 1) {
            out.append({r.key, r.values.first()});
        }
    }
    return out;
}

} // namespace Portolan::Core
