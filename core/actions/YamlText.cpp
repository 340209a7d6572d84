#include "YamlText.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Portolan::Core::YamlText {

namespace {

constexpr QStringView placeholderOpen = u"${{";

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

// Past the "}}" of the placeholder at `i`, as the expression reader finds it (string literals may hold "}}");
// the end of the text when it is not closed.
qsizetype pastPlaceholder(QStringView text, qsizetype i)
{
    QChar quote;
    for (i += placeholderOpen.size(); i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == u'\\') {
                ++i;
            } else if (c == quote) {
                quote = QChar();
            }
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'}' && i + 1 < text.size() && text[i + 1] == u'}') {
            return i + 2;
        }
    }
    return text.size();
}

bool placeholderAt(QStringView text, qsizetype i)
{
    return text.sliced(i).startsWith(placeholderOpen);
}

// The closing quote of the quoted scalar that opens at `open`, or -1. Placeholders inside are skipped whole.
qsizetype closingQuote(QStringView text, qsizetype open)
{
    const QChar quote = text[open];
    for (qsizetype i = open + 1; i < text.size();) {
        if (placeholderAt(text, i)) {
            i = pastPlaceholder(text, i);
            continue;
        }
        const QChar c = text[i];
        if (quote == u'"' && c == u'\\') {
            i += 2;
            continue;
        }
        if (c == quote) {
            if (quote == u'\'' && i + 1 < text.size() && text[i + 1] == u'\'') { // '' is one quote
                i += 2;
                continue;
            }
            return i;
        }
        ++i;
    }
    return -1;
}

qsizetype indentationOf(QStringView line)
{
    qsizetype n = 0;
    while (n < line.size() && line[n] == u' ') {
        ++n;
    }
    return n;
}

// Whether a line opens a block scalar: its content ends in `|` or `>`, with optional chomping and indentation
// indicators (`|-`, `>+2`), after a blank or at the start, before an optional comment.
bool opensBlockScalar(QStringView line)
{
    const qsizetype comment = line.indexOf(u" #");
    const QStringView content = (comment >= 0 ? line.first(comment) : line).trimmed();
    qsizetype end = content.size();
    for (int n = 0; n < 2 && end > 0; ++n) {
        const QChar c = content[end - 1];
        if (c != u'-' && c != u'+' && !(c >= u'1' && c <= u'9')) {
            break;
        }
        --end;
    }
    if (end == 0 || (content[end - 1] != u'|' && content[end - 1] != u'>')) {
        return false;
    }
    return end == 1 || content[end - 2].isSpace();
}

// The line starting at `lineStart` is in a block scalar when the nearest less indented line above it, blank lines
// aside, opens one.
bool inBlockScalar(QStringView text, qsizetype lineStart, qsizetype indent)
{
    if (indent == 0) {
        return false; // a block's lines are indented more than the line that opens it
    }
    qsizetype end = lineStart - 1; // the line break before this line
    while (end >= 0) {
        const qsizetype begin = end == 0 ? 0 : text.lastIndexOf(u'\n', end - 1) + 1;
        const QStringView line = text.sliced(begin, end - begin);
        end = begin - 1;
        if (line.trimmed().isEmpty() || indentationOf(line) >= indent) {
            continue;
        }
        return opensBlockScalar(line);
    }
    return false;
}

} // namespace

bool needsQuotes(QStringView s)
{
    if (s.isEmpty() || s.front().isSpace() || s.back().isSpace()) {
        return true;
    }
    // Indicators, and the first characters of numbers, dates and special floats (.inf, .nan) that a YAML 1.1
    // reader would turn into another type. Over-quoting is harmless; under-quoting is not.
    static const QString leading = u"-?:,[]{}#&*!|>'\"%@`.~<=+0123456789"_s;
    if (leading.contains(s.front())) {
        return true;
    }
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f) || u == 0xfeff || u == 0x2028 || u == 0x2029
            || c.isSurrogate() || (c.isSpace() && u != u' ')) {
            return true;
        }
        switch (u) {
        case u'#':
        case u'"':
        case u'\'':
        case u'`':
        case u',':
        case u'[':
        case u']':
        case u'{':
        case u'}':
            return true;
        case u':':
            if (i + 1 == s.size() || s[i + 1] == u' ') {
                return true;
            }
            break;
        default:
            break;
        }
    }
    // Booleans and null of YAML 1.1 and 1.2, in any case.
    static const QStringList words = {u"y"_s,     u"n"_s,  u"yes"_s, u"no"_s,   u"true"_s,
                                      u"false"_s, u"on"_s, u"off"_s, u"null"_s, u"none"_s};
    return words.contains(s.toString(), Qt::CaseInsensitive);
}

QString quoted(QStringView s)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QString out = u"\""_s;
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
        case 0:
            out += u"\\0"_s;
            continue;
        case u'\t':
            out += u"\\t"_s;
            continue;
        case u'\n':
            out += u"\\n"_s;
            continue;
        case u'\r':
            out += u"\\r"_s;
            continue;
        case 0x85:
            out += u"\\N"_s;
            continue;
        case 0x2028:
            out += u"\\L"_s;
            continue;
        case 0x2029:
            out += u"\\P"_s;
            continue;
        case 0xfeff:
            out += u"\\uFEFF"_s;
            continue;
        default:
            break;
        }
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f)) {
            out += u"\\x"_s;
            out += QLatin1Char(hex[(u >> 4) & 0xf]);
            out += QLatin1Char(hex[u & 0xf]);
        } else if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
            out += c;
            out += s[++i];
        } else if (c.isSurrogate()) {
            // A lone surrogate cannot be written in YAML at all.
            out += QChar(QChar::ReplacementCharacter);
        } else {
            out += c;
        }
    }
    out += u'"';
    return out;
}

Spot spotOf(QStringView text, qsizetype at)
{
    const qsizetype lineStart = at == 0 ? 0 : text.lastIndexOf(u'\n', at - 1) + 1;
    qsizetype lineEnd = text.indexOf(u'\n', at);
    if (lineEnd < 0) {
        lineEnd = text.size();
    }
    const qsizetype indent = indentationOf(text.sliced(lineStart, lineEnd - lineStart));
    Spot spot;
    if (inBlockScalar(text, lineStart, indent)) {
        spot.kind = Spot::Kind::Block;
        spot.indent = text.sliced(lineStart, indent).toString();
        return spot;
    }
    const auto skipBlanks = [&](qsizetype i) {
        while (i < lineEnd && isBlank(text[i])) {
            ++i;
        }
        return i;
    };

    // Where the scalar holding the placeholder starts: after the indentation and any `- ` or `? ` indicators, after
    // the last `: ` before it, or in a flow collection after the last `[`, `{` or `,`.
    qsizetype i = lineStart + indent;
    while (i < at && (text[i] == u'-' || text[i] == u'?') && (i + 1 == lineEnd || isBlank(text[i + 1]))) {
        i = skipBlanks(i + 1);
    }
    qsizetype scalarStart = i;
    bool flow = false;
    while (i < at) {
        if (placeholderAt(text, i)) {
            i = pastPlaceholder(text, i);
            continue;
        }
        const QChar c = text[i];
        if (i == scalarStart && (c == u'"' || c == u'\'')) {
            const qsizetype close = closingQuote(text, i);
            if (close < 0 || close > at) {
                spot.kind = c == u'"' ? Spot::Kind::DoubleQuoted : Spot::Kind::SingleQuoted;
                spot.start = i;
                spot.end = close < 0 ? text.size() : close + 1;
                return spot;
            }
            i = close + 1;
        } else if (c == u'#' && (i == lineStart || isBlank(text[i - 1]))) {
            spot.kind = Spot::Kind::Comment;
            return spot;
        } else if (c == u':' && (i + 1 == lineEnd || isBlank(text[i + 1]) || (flow && text[i + 1] == u','))) {
            i = scalarStart = skipBlanks(i + 1);
        } else if ((i == scalarStart || flow) && (c == u'[' || c == u'{' || (flow && c == u','))) {
            flow = true;
            i = scalarStart = skipBlanks(i + 1);
        } else {
            ++i;
        }
    }

    // Where it ends: before a `: `, a comment, the end of the line or, in a flow collection, `,`, `]` or `}`;
    // trailing blanks are not part of it.
    qsizetype end = at;
    while (end < lineEnd) {
        if (placeholderAt(text, end)) {
            end = pastPlaceholder(text, end);
            continue;
        }
        const QChar c = text[end];
        if ((c == u'#' && isBlank(text[end - 1])) || (c == u':' && (end + 1 == lineEnd || isBlank(text[end + 1])))
            || (flow && (c == u',' || c == u']' || c == u'}'))) {
            break;
        }
        ++end;
    }
    while (end > at && isBlank(text[end - 1])) {
        --end;
    }
    spot.start = scalarStart;
    spot.end = end;
    return spot;
}

} // namespace Portolan::Core::YamlText
