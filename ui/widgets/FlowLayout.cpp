#include "FlowLayout.h"

#include <QWidget>

#include <algorithm>

namespace Portolan::Ui {

FlowLayout::FlowLayout(QWidget *parent, int horizontalSpacing, int verticalSpacing)
    : QLayout(parent)
    , m_horizontalSpacing(horizontalSpacing)
    , m_verticalSpacing(verticalSpacing)
{ }

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0)) {
        delete item;
    }
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
    invalidate();
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return index >= 0 && index < m_items.size() ? m_items.at(index) : nullptr;
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size()) {
        return nullptr;
    }
    QLayoutItem *item = m_items.takeAt(index);
    invalidate();
    return item;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest item: everything else can go on rows of its own.
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty()) {
            size = size.expandedTo(item->minimumSize());
        }
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one row.
    int width = 0;
    int height = 0;
    int shown = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty()) {
            continue;
        }
        const QSize hint = item->sizeHint();
        width += hint.width();
        height = std::max(height, hint.height());
        ++shown;
    }
    width += std::max(0, shown - 1) * m_horizontalSpacing;
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right(), height + margins.top() + margins.bottom()};
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int width = std::max(1, area.width());
    int y = area.y();
    qsizetype first = 0; // of the row being filled
    while (first < m_items.size()) {
        // Fill a row: at least one item, then as many as fit.
        QList<std::pair<QLayoutItem *, QSize>> row;
        int used = 0;
        qsizetype i = first;
        for (; i < m_items.size(); ++i) {
            QLayoutItem *item = m_items.at(i);
            if (item->isEmpty()) {
                continue;
            }
            QSize size = item->sizeHint().expandedTo(item->minimumSize()).boundedTo(item->maximumSize());
            size.setWidth(std::min(size.width(), width));
            const int needed = row.isEmpty() ? size.width() : used + m_horizontalSpacing + size.width();
            if (!row.isEmpty() && needed > width) {
                break;
            }
            row.append({item, size});
            used = needed;
        }
        first = i;
        if (row.isEmpty()) {
            break;
        }
        int height = 0;
        for (const auto &[item, size] : row) {
            height = std::max(height, size.height());
        }
        if (apply) {
            int x = area.x();
            for (const auto &[item, size] : row) {
                item->setGeometry(QRect(QPoint(x, y + (height - size.height()) / 2), size));
                x += size.width() + m_horizontalSpacing;
            }
        }
        y += height + m_verticalSpacing;
    }
    const int used = y > area.y() ? y - m_verticalSpacing - area.y() : 0;
    const QMargins margins = contentsMargins();
    return used + margins.top() + margins.bottom();
}

} // namespace Portolan::Ui
