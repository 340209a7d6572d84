#include "ChipList.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QResizeEvent>

namespace Portolan::Ui {

namespace {

constexpr int hPad = 9;
constexpr int vPad = 3;
constexpr int spacing = 6;

} // namespace

ChipList::ChipList(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

ChipList::~ChipList() = default;

void ChipList::setChips(const QStringList &chips)
{
    m_chips = chips;
    m_hovered = -1;
    updateMinimumHeight();
    updateGeometry();
    update();
}

void ChipList::setClickable(bool clickable)
{
    m_clickable = clickable;
}

QList<QRect> ChipList::layoutChips(int width) const
{
    const QFontMetrics fm(font());
    const int h = fm.height() + 2 * vPad;
    QList<QRect> rects;
    int x = 0;
    int y = 0;
    for (const QString &chip : m_chips) {
        // +2: fractional glyph advances would otherwise make elidedText() cut a chip that fits.
        const int w = std::min(fm.horizontalAdvance(chip) + 2 * hPad + 2, std::max(width, 40));
        if (x > 0 && x + w > width) {
            x = 0;
            y += h + spacing;
        }
        rects.append(QRect(x, y, w, h));
        x += w + spacing;
    }
    return rects;
}

void ChipList::updateMinimumHeight()
{
    // Grid and box layouts do not always ask for height-for-width, so the wrapped height becomes the minimum.
    const int h = heightForWidth(std::max(width(), 40));
    if (h != minimumHeight()) {
        setMinimumHeight(h);
    }
}

void ChipList::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateMinimumHeight();
}

int ChipList::heightForWidth(int width) const
{
    const QList<QRect> rects = layoutChips(width);
    return rects.isEmpty() ? 0 : rects.last().bottom() + 1;
}

QSize ChipList::sizeHint() const
{
    const QList<QRect> rects = layoutChips(QWIDGETSIZE_MAX);
    if (rects.isEmpty()) {
        return {0, 0};
    }
    return {std::min(rects.last().right() + 1, 480), std::max(minimumHeight(), rects.first().height())};
}

QSize ChipList::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {40, m_chips.isEmpty() ? 0 : fm.height() + 2 * vPad};
}

QRect ChipList::chipRect(int i) const
{
    const QList<QRect> rects = layoutChips(width());
    return rects.value(i);
}

int ChipList::chipAt(const QPoint &pos) const
{
    const QList<QRect> rects = layoutChips(width());
    for (qsizetype i = 0; i < rects.size(); ++i) {
        if (rects[i].contains(pos)) {
            return int(i);
        }
    }
    return -1;
}

void ChipList::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QList<QRect> rects = layoutChips(width());
    const QPalette &pal = palette();
    QColor fill = pal.color(QPalette::Highlight);
    fill.setAlphaF(0.10);
    QColor hoverFill = pal.color(QPalette::Highlight);
    hoverFill.setAlphaF(0.22);
    QColor border = pal.color(QPalette::Highlight);
    border.setAlphaF(0.35);
    const QFontMetrics fm(font());
    for (qsizetype i = 0; i < rects.size(); ++i) {
        const QRectF r = QRectF(rects[i]).adjusted(0.5, 0.5, -0.5, -0.5);
        p.setPen(QPen(border, 1));
        p.setBrush(m_clickable && i == m_hovered ? hoverFill : fill);
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(rects[i].adjusted(hPad, 0, -hPad, 0), Qt::AlignCenter,
                   fm.elidedText(m_chips[i], Qt::ElideRight, rects[i].width() - 2 * hPad));
    }
}

void ChipList::mouseMoveEvent(QMouseEvent *event)
{
    const int hovered = m_clickable ? chipAt(event->position().toPoint()) : -1;
    if (hovered != m_hovered) {
        m_hovered = hovered;
        setCursor(hovered >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        setToolTip(hovered >= 0 ? tr("Show all entities tagged “%1”").arg(m_chips[hovered]) : QString());
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void ChipList::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_clickable && event->button() == Qt::LeftButton) {
        const int i = chipAt(event->position().toPoint());
        if (i >= 0) {
            Q_EMIT chipClicked(m_chips[i]);
            return;
        }
    }
    QWidget::mouseReleaseEvent(event);
}

void ChipList::leaveEvent(QEvent *event)
{
    if (m_hovered >= 0) {
        m_hovered = -1;
        unsetCursor();
        update();
    }
    QWidget::leaveEvent(event);
}

} // namespace Portolan::Ui
