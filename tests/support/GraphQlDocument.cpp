#include "GraphQlDocument.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Portolan::Test {

namespace {

struct Token
{
    enum class Kind { End, Punctuator, Name, String, Number };
    Kind kind = Kind::End;
    QString text;
    int line = 1;
    int column = 1;
};

class Lexer
{
public:
    explicit Lexer(const QString &text)
        : m_text(text)
    { }

    Token next(QString *error)
    {
        skipIgnored();
        Token t;
        t.line = m_line;
        t.column = m_pos - m_lineStart + 1;
        if (m_pos >= m_text.size()) {
            return t;
        }
        const QChar c = m_text.at(m_pos);
        if (m_text.mid(m_pos, 3) == u"..."_s) {
            t.kind = Token::Kind::Punctuator;
            t.text = u"..."_s;
            m_pos += 3;
        } else if (u"{}():!$=@[]"_s.contains(c)) {
            t.kind = Token::Kind::Punctuator;
            t.text = c;
            ++m_pos;
        } else if (c.isLetter() || c == u'_') {
            t.kind = Token::Kind::Name;
            while (m_pos < m_text.size() && (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'_')) {
                t.text += m_text.at(m_pos++);
            }
        } else if (c.isDigit() || c == u'-') {
            t.kind = Token::Kind::Number;
            while (m_pos < m_text.size() && (m_text.at(m_pos).isDigit() || u"-+.eE"_s.contains(m_text.at(m_pos)))) {
                t.text += m_text.at(m_pos++);
            }
        } else if (c == u'"') {
            if (m_text.mid(m_pos, 3) == u"\"\"\""_s) {
                *error = u"Block strings are not read by this test server (line %1)"_s.arg(t.line);
                return t;
            }
            t.kind = Token::Kind::String;
            ++m_pos;
            while (true) {
                if (m_pos >= m_text.size() || m_text.at(m_pos) == u'\n') {
                    *error = u"Parse error on \"\\\"\" (STRING) at [%1, %2]: unterminated string"_s.arg(t.line).arg(
                        t.column);
                    return t;
                }
                const QChar s = m_text.at(m_pos++);
                if (s == u'"') {
                    break;
                }
                if (s != u'\\') {
                    t.text += s;
                    continue;
                }
                const QChar e = m_pos < m_text.size() ? m_text.at(m_pos++) : QChar();
                switch (e.unicode()) {
                case '"':
                    t.text += u'"';
                    break;
                case '\\':
                    t.text += u'\\';
                    break;
                case '/':
                    t.text += u'/';
                    break;
                case 'b':
                    t.text += u'\b';
                    break;
                case 'f':
                    t.text += u'\f';
                    break;
                case 'n':
                    t.text += u'\n';
                    break;
                case 'r':
                    t.text += u'\r';
                    break;
                case 't':
                    t.text += u'\t';
                    break;
                case 'u': {
                    bool ok = false;
                    const ushort code = m_text.mid(m_pos, 4).toUShort(&ok, 16);
                    if (!ok) {
                        *error = u"Bad unicode escape at [%1, %2]"_s.arg(m_line).arg(m_pos - m_lineStart + 1);
                        return t;
                    }
                    t.text += QChar(code);
                    m_pos += 4;
                    break;
                }
                default:
                    *error = u"Bad escape at [%1, %2]"_s.arg(m_line).arg(m_pos - m_lineStart + 1);
                    return t;
                }
            }
        } else {
            *error = u"Parse error on \"%1\" at [%2, %3]"_s.arg(c).arg(t.line).arg(t.column);
        }
        return t;
    }

private:
    void skipIgnored()
    {
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == u'\n') {
                ++m_line;
                m_lineStart = ++m_pos;
            } else if (c.isSpace() || c == u',' || c == QChar(0xFEFF)) {
                ++m_pos;
            } else if (c == u'#') {
                while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n') {
                    ++m_pos;
                }
            } else {
                break;
            }
        }
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    qsizetype m_lineStart = 0;
    int m_line = 1;
};

class Parser
{
public:
    Parser(const QString &text, QString *error)
        : m_lexer(text)
        , m_error(error)
    {
        advance();
    }

    GraphQlDocument document()
    {
        GraphQlDocument doc;
        if (isName(u"query"_s)) {
            advance();
            if (m_token.kind == Token::Kind::Name) {
                doc.operationName = m_token.text;
                advance();
            }
            if (isPunct(u"("_s)) {
                fail(u"variables are not read by this test server"_s);
                return doc;
            }
        } else if (isName(u"mutation"_s) || isName(u"subscription"_s) || isName(u"fragment"_s)) {
            fail(u"%1 definitions are not served by this test server"_s.arg(m_token.text));
            return doc;
        }
        if (isPunct(u"@"_s)) {
            fail(u"directives are not read by this test server"_s);
            return doc;
        }
        doc.selections = selectionSet();
        if (m_error->isEmpty() && m_token.kind != Token::Kind::End) {
            fail(u"one operation per document"_s);
        }
        return doc;
    }

private:
    void advance()
    {
        if (m_error->isEmpty()) {
            m_token = m_lexer.next(m_error);
        }
    }
    [[nodiscard]] bool isPunct(const QString &p) const
    {
        return m_token.kind == Token::Kind::Punctuator && m_token.text == p;
    }
    [[nodiscard]] bool isName(const QString &n) const { return m_token.kind == Token::Kind::Name && m_token.text == n; }
    void fail(const QString &what)
    {
        if (m_error->isEmpty()) {
            const QString near = m_token.kind == Token::Kind::End ? u"end of file"_s : u"\"%1\""_s.arg(m_token.text);
            *m_error = u"Parse error on %1 at [%2, %3]: %4"_s.arg(near).arg(m_token.line).arg(m_token.column).arg(what);
        }
    }
    bool expect(const QString &p)
    {
        if (!isPunct(p)) {
            fail(u"expected \"%1\""_s.arg(p));
            return false;
        }
        advance();
        return true;
    }

    QList<GraphQlSelection> selectionSet()
    {
        QList<GraphQlSelection> out;
        if (!expect(u"{"_s)) {
            return out;
        }
        while (m_error->isEmpty() && !isPunct(u"}"_s)) {
            if (m_token.kind == Token::Kind::End) {
                fail(u"unclosed selection set"_s);
                return out;
            }
            out.append(selection());
        }
        if (out.isEmpty()) {
            fail(u"an empty selection set"_s);
        }
        advance();
        return out;
    }

    GraphQlSelection selection()
    {
        GraphQlSelection s;
        s.line = m_token.line;
        s.column = m_token.column;
        if (isPunct(u"..."_s)) {
            advance();
            if (!isName(u"on"_s)) {
                fail(u"fragment spreads are not read by this test server"_s);
                return s;
            }
            advance();
            if (m_token.kind != Token::Kind::Name) {
                fail(u"expected a type condition"_s);
                return s;
            }
            s.typeCondition = m_token.text;
            advance();
            s.hasSelectionSet = true;
            s.selections = selectionSet();
            return s;
        }
        if (m_token.kind != Token::Kind::Name) {
            fail(u"expected a field"_s);
            return s;
        }
        s.name = m_token.text;
        advance();
        if (isPunct(u":"_s)) {
            advance();
            if (m_token.kind != Token::Kind::Name) {
                fail(u"expected a field after an alias"_s);
                return s;
            }
            s.alias = s.name;
            s.name = m_token.text;
            advance();
        } else {
            s.alias = s.name;
        }
        if (isPunct(u"("_s)) {
            advance();
            while (m_error->isEmpty() && !isPunct(u")"_s)) {
                if (m_token.kind != Token::Kind::Name) {
                    fail(u"expected an argument name"_s);
                    return s;
                }
                const QString name = m_token.text;
                advance();
                if (!expect(u":"_s)) {
                    return s;
                }
                QJsonValue value;
                if (m_token.kind == Token::Kind::String) {
                    value = m_token.text;
                } else if (m_token.kind == Token::Kind::Number) {
                    value = m_token.text.toDouble();
                } else if (isName(u"true"_s) || isName(u"false"_s)) {
                    value = m_token.text == u"true"_s;
                } else if (isName(u"null"_s)) {
                    value = QJsonValue::Null;
                } else if (m_token.kind == Token::Kind::Name) {
                    value = m_token.text; // an enum value
                } else {
                    fail(u"only literal arguments are read by this test server"_s);
                    return s;
                }
                s.arguments.insert(name, value);
                advance();
            }
            advance();
        }
        if (isPunct(u"@"_s)) {
            fail(u"directives are not read by this test server"_s);
            return s;
        }
        if (isPunct(u"{"_s)) {
            s.hasSelectionSet = true;
            s.selections = selectionSet();
        }
        return s;
    }

    Lexer m_lexer;
    QString *m_error;
    Token m_token;
};

QJsonObject validationError(const QStringList &path, const GraphQlSelection &s, const QString &message,
                            const QJsonObject &extensions)
{
    return QJsonObject{
        {u"path"_s, QJsonArray::fromStringList(path)},
        {u"extensions"_s, extensions},
        {u"locations"_s, QJsonArray{QJsonObject{{u"line"_s, s.line}, {u"column"_s, s.column}}}},
        {u"message"_s, message},
    };
}

} // namespace

GraphQlDocument GraphQlDocument::parse(const QString &text, QString *error)
{
    error->clear();
    Parser parser(text, error);
    return parser.document();
}

GraphQlSchema GraphQlSchema::load(const QString &path)
{
    GraphQlSchema schema;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return schema;
    }
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression block(u"^(?:type|interface) (\\w+)[^{]*\\{(.*?)^\\}"_s,
                                          QRegularExpression::MultilineOption
                                              | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression field(u"^  (\\w+)(\\(([^)]*)\\))?: ([\\[\\]\\w!]+)"_s,
                                          QRegularExpression::MultilineOption);
    static const QRegularExpression argument(u"(\\w+): ([\\[\\]\\w!]+)( = [^\\n]+)?"_s);
    for (auto b = block.globalMatch(text); b.hasNext();) {
        const QRegularExpressionMatch type = b.next();
        QHash<QString, Field> &fields = schema.m_types[type.captured(1)];
        for (auto f = field.globalMatch(type.captured(2)); f.hasNext();) {
            const QRegularExpressionMatch m = f.next();
            Field out;
            out.type = m.captured(4);
            out.type.remove(u'[').remove(u']').remove(u'!');
            for (auto a = argument.globalMatch(m.captured(3)); a.hasNext();) {
                const QRegularExpressionMatch am = a.next();
                out.arguments.insert(am.captured(1),
                                     Argument{am.captured(2), am.captured(2).endsWith(u'!') && !am.hasCaptured(3)});
            }
            fields.insert(m.captured(1), out);
        }
    }
    return schema;
}

const GraphQlSchema::Field *GraphQlSchema::field(const QString &type, const QString &name) const
{
    const auto t = m_types.constFind(type);
    if (t == m_types.constEnd()) {
        return nullptr;
    }
    const auto f = t->constFind(name);
    return f == t->constEnd() ? nullptr : &*f;
}

QJsonArray GraphQlSchema::validate(const QList<GraphQlSelection> &selections, const QString &type,
                                   const QStringList &path) const
{
    QJsonArray errors;
    for (const GraphQlSelection &s : selections) {
        if (!s.typeCondition.isEmpty()) {
            if (!hasType(s.typeCondition)) {
                errors.append(validationError(
                    path, s, u"No such type %1, so it can't be a fragment condition"_s.arg(s.typeCondition),
                    QJsonObject{{u"code"_s, u"undefinedType"_s}, {u"typeName"_s, s.typeCondition}}));
                continue;
            }
            for (const QJsonValue &e :
                 validate(s.selections, s.typeCondition, path + QStringList{u"... on %1"_s.arg(s.typeCondition)})) {
                errors.append(e);
            }
            continue;
        }
        const QStringList here = path + QStringList{s.alias};
        if (s.name == u"__typename"_s) {
            continue;
        }
        const Field *f = field(type, s.name);
        if (!f) {
            errors.append(validationError(
                here, s, u"Field '%1' doesn't exist on type '%2'"_s.arg(s.name, type),
                QJsonObject{{u"code"_s, u"undefinedField"_s}, {u"typeName"_s, type}, {u"fieldName"_s, s.name}}));
            continue;
        }
        for (auto a = s.arguments.constBegin(); a != s.arguments.constEnd(); ++a) {
            if (!f->arguments.contains(a.key())) {
                errors.append(validationError(here, s,
                                              u"Field '%1' doesn't accept argument '%2'"_s.arg(s.name, a.key()),
                                              QJsonObject{{u"code"_s, u"argumentNotAccepted"_s},
                                                          {u"name"_s, s.name},
                                                          {u"typeName"_s, u"Field"_s},
                                                          {u"argumentName"_s, a.key()}}));
            }
        }
        QStringList missing;
        for (auto a = f->arguments.constBegin(); a != f->arguments.constEnd(); ++a) {
            if (a->required && !s.arguments.contains(a.key())) {
                missing.append(a.key());
            }
        }
        if (!missing.isEmpty()) {
            missing.sort();
            errors.append(validationError(
                here, s, u"Field '%1' is missing required arguments: %2"_s.arg(s.name, missing.join(u", "_s)),
                QJsonObject{{u"code"_s, u"missingRequiredArguments"_s},
                            {u"className"_s, u"Field"_s},
                            {u"name"_s, s.name},
                            {u"arguments"_s, missing.join(u", "_s)}}));
        }
        if (isLeaf(f->type) && s.hasSelectionSet) {
            errors.append(validationError(here, s,
                                          u"Selections can't be made on scalars (field '%1' returns %2 but has "
                                          "selections)"_s.arg(s.name, f->type),
                                          QJsonObject{{u"code"_s, u"selectionMismatch"_s},
                                                      {u"nodeName"_s, u"field '%1'"_s.arg(s.name)},
                                                      {u"typeName"_s, f->type}}));
        } else if (!isLeaf(f->type) && !s.hasSelectionSet) {
            errors.append(validationError(here, s,
                                          u"Field must have selections (field '%1' returns %2 but has no "
                                          "selections. Did you mean '%1 { ... }'?)"_s.arg(s.name, f->type),
                                          QJsonObject{{u"code"_s, u"selectionMismatch"_s},
                                                      {u"nodeName"_s, u"field '%1'"_s.arg(s.name)},
                                                      {u"typeName"_s, f->type}}));
        } else if (!isLeaf(f->type)) {
            for (const QJsonValue &e : validate(s.selections, f->type, here)) {
                errors.append(e);
            }
        }
    }
    return errors;
}

} // namespace Portolan::Test
