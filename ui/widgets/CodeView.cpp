#include "CodeView.h"

#include "LineNumberArea.h"
#include "YamlHighlighter.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

namespace Portolan::Ui {

CodeView::CodeView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumbers(new LineNumberArea(this))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(mono);
    setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(QLatin1Char(' ')) * 4);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeView::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeView::updateLineNumberArea);
    updateLineNumberAreaWidth();
}

CodeView::~CodeView() = default;

void CodeView::setYamlHighlighting(bool enabled)
{
    if (enabled && !m_highlighter) {
        m_highlighter = new YamlHighlighter(document());
    } else if (!enabled && m_highlighter) {
        delete m_highlighter;
        m_highlighter = nullptr;
    }
}

void CodeView::markLine(int line, int column)
{
    m_markedLine = line;
    updateSelections();
    if (line <= 0) {
        return;
    }
    const QTextBlock block = document()->findBlockByLineNumber(line - 1);
    if (!block.isValid()) {
        return;
    }
    QTextCursor cursor(block);
    if (column > 1) {
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::min(column - 1, block.length() - 1));
    }
    setTextCursor(cursor);
    centerCursor();
}

int CodeView::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10) {
        ++digits;
    }
    return 16 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

void CodeView::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void CodeView::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy != 0) {
        m_lineNumbers->scroll(0, dy);
    } else {
        m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    }
    if (rect.contains(viewport()->rect())) {
        updateLineNumberAreaWidth();
    }
}

void CodeView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumbers->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void CodeView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateLineNumberAreaWidth();
        updateSelections();
    }
}

void CodeView::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_markedLine > 0) {
        const QTextBlock block = document()->findBlockByLineNumber(m_markedLine - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection selection;
            QColor color = palette().color(QPalette::Highlight);
            color.setAlphaF(0.18);
            selection.format.setBackground(color);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selection.cursor = QTextCursor(block);
            selections.append(selection);
        }
    }
    setExtraSelections(selections);
    m_lineNumbers->update();
}

void CodeView::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    const QPalette &pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(m_lineNumbers->width() - 1, event->rect().top(), m_lineNumbers->width() - 1,
                     event->rect().bottom());

    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber() + 1;
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_lineNumbers->width() - 8;
    const QColor normal = pal.color(QPalette::PlaceholderText);
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            QFont f = font();
            if (number == m_markedLine) {
                f.setBold(true);
                painter.setPen(pal.color(QPalette::Text));
            } else {
                painter.setPen(normal);
            }
            painter.setFont(f);
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(number));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

} // namespace Portolan::Ui
