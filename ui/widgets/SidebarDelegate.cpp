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
    const QRect textRect = r.toRect().adjusted(iconSize + 20, 0, -6, 0);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetrics(f).elidedText(opt.text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

} // namespace Portolan::Ui
