#include "YamlHighlighter.h"

#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_keyPattern(u"^(\\s*(?:-\\s+)?)([^\\s#'\"\\-][^:#]*?|\"[^\"]*\"|'[^']*')\\s*:(?=\\s|$)"_s)
    , m_stringPattern(u"\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'"_s)
    , m_scalarPattern(u"(?<=[:\\-\\[,]\\s|^)\\s*(true|false|yes|no|null|~|-?\\d+(?:\\.\\d+)?)\\s*(?=$|#|,|\\])"_s,
                      QRegularExpression::CaseInsensitiveOption)
    , m_anchorPattern(u"(?<=\\s|^)[&*][\\w\\-]+|![\\w!\\-]+|(?<=:\\s)[|>][+\\-]?\\s*$"_s)
{
    pickColours();
    QCoreApplication::instance()->installEventFilter(this);
}

bool YamlHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::ApplicationPaletteChange) {
        pickColours();
        rehighlight();
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
}

void YamlHighlighter::pickColours()
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightnessF() < 0.5;
    m_key.setForeground(dark ? QColor(0x93, 0xc5, 0xfd) : QColor(0x1d, 0x4e, 0xd8));
    m_string.setForeground(dark ? QColor(0x86, 0xef, 0xac) : QColor(0x15, 0x80, 0x3d));
    m_comment.setForeground(dark ? QColor(0x94, 0xa3, 0xb8) : QColor(0x6b, 0x72, 0x80));
    m_comment.setFontItalic(true);
    m_marker.setForeground(dark ? QColor(0xf0, 0xab, 0xfc) : QColor(0xa2, 0x1c, 0xaf));
    m_marker.setFontWeight(QFont::Bold);
    m_scalar.setForeground(dark ? QColor(0xfd, 0xba, 0x74) : QColor(0xb4, 0x53, 0x09));
    m_anchor.setForeground(dark ? QColor(0xc4, 0xb5, 0xfd) : QColor(0x6d, 0x28, 0xd9));
}

YamlHighlighter::~YamlHighlighter() = default;

void YamlHighlighter::highlightBlock(const QString &text)
{
    if (text.startsWith(u"---"_s) || text.startsWith(u"..."_s)) {
        setFormat(0, 3, m_marker);
    }

    // Comments start at a '#' at the line start or after whitespace, outside quotes.
    qsizetype commentAt = -1;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            } else if (c == u'\\' && quote == u'"') {
                ++i;
            }
        } else if (c == u'"' || c == u'\'') {
            // A quote only opens a string at a value's start, not inside a plain word such as "don't".
            if (i == 0 || text.at(i - 1).isSpace() || text.at(i - 1) == u'[' || text.at(i - 1) == u',') {
                quote = c;
            }
        } else if (c == u'#' && (i == 0 || text.at(i - 1).isSpace())) {
            commentAt = i;
            break;
        }
    }
    const QString code = commentAt < 0 ? text : text.left(commentAt);

    const QRegularExpressionMatch key = m_keyPattern.match(code);
    if (key.hasMatch()) {
        setFormat(int(key.capturedStart(2)), int(key.capturedLength(2)), m_key);
    }
    const qsizetype dash = code.indexOf(QRegularExpression(u"^\\s*-(?=\\s|$)"_s));
    if (dash >= 0) {
        const qsizetype at = code.indexOf(u'-');
        setFormat(int(at), 1, m_marker);
    }
    for (auto it = m_scalarPattern.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_scalar);
    }
    for (auto it = m_anchorPattern.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_anchor);
    }
    for (auto it = m_stringPattern.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        const qsizetype start = m.capturedStart();
        if (key.hasMatch() && start >= key.capturedStart(2) && start < key.capturedEnd(2)) {
            continue; // a quoted key stays a key
        }
        if (start > 0 && !code.at(start - 1).isSpace() && code.at(start - 1) != u'[' && code.at(start - 1) != u',') {
            continue;
        }
        setFormat(int(start), int(m.capturedLength()), m_string);
    }
    if (commentAt >= 0) {
        setFormat(int(commentAt), int(text.size() - commentAt), m_comment);
    }
}

} // namespace Portolan::Ui
