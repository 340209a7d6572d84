#include "SidebarDelegate.h"

#include <QPainter>

namespace Portolan::Ui {

SidebarDelegate::SidebarDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

SidebarDelegate::~SidebarDelegate() = default;

QSize SidebarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    return {opt.fontMetrics.horizontalAdvance(opt.text) + 56, std::max(36, opt.fontMetrics.height() + 18)};
}

void SidebarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(option.rect).adjusted(8, 2, -8, -2);
    if (selected || hovered) {
        QColor fill = pal.color(QPalette::Highlight);
        if (!selected) {
            fill.setAlphaF(0.12);
        }
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(r, 6, 6);
    }
    const int iconSize = 20;
    const QRect iconRect(int(r.left()) + 10, int(r.center().y()) - iconSize / 2, iconSize, iconSize);
    opt.icon.paint(painter, iconRect, Qt::AlignCenter, selected ? QIcon::Selected : QIcon::Normal);
    QFont f = opt.font;
    if (selected) {
        f.setWeight(QFont::DemiBold);
    }
    painter->setFont(f);
    painter->setPen(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::WindowText));
    QRect textRect = r.toRect().adjusted(iconSize + 20, 0, -6, 0);
    if (const int count = index.data(CountRole).toInt(); count > 0) {
        QFont small = opt.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        small.setWeight(QFont::DemiBold);
        const QString number = count > 99 ? QStringLiteral("99+") : QString::number(count);
        const QFontMetrics fm(small);
        const int h = fm.height() + 2;
        const int w = std::max(h, fm.horizontalAdvance(number) + 10);
        const QRect pill(textRect.right() - w, textRect.center().y() - h / 2 + 1, w, h);
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Highlight));
        painter->drawRoundedRect(pill, h / 2.0, h / 2.0);
        painter->setFont(small);
        painter->setPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::HighlightedText));
        painter->drawText(pill, Qt::AlignCenter, number);
        painter->restore();
        textRect.setRight(pill.left() - 6);
    }
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetrics(f).elidedText(opt.text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

} // namespace Portolan::Ui
