#include "CatalogItemDelegate.h"

#include "models/CatalogTableModel.h"

#include <QApplication>
#include <QPainter>

namespace Portolan::Ui {

CatalogItemDelegate::CatalogItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

CatalogItemDelegate::~CatalogItemDelegate() = default;

void CatalogItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == CatalogTableModel::DescriptionColumn && !(option->state & QStyle::State_Selected)) {
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
}

void CatalogItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != CatalogTableModel::TagsColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QStringList tags = index.data(CatalogTableModel::TagsRole).toStringList();
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(option.rect.adjusted(2, 0, -2, 0));
    const bool selected = option.state & QStyle::State_Selected;
    QColor fill = option.palette.color(QPalette::Highlight);
    fill.setAlphaF(selected ? 0.0 : 0.10);
    QColor border =
        selected ? option.palette.color(QPalette::HighlightedText) : option.palette.color(QPalette::Highlight);
    border.setAlphaF(selected ? 0.6 : 0.30);
    const QColor text =
        selected ? option.palette.color(QPalette::HighlightedText) : option.palette.color(QPalette::Text);
    QFont f = option.font;
    f.setPointSizeF(f.pointSizeF() * 0.9);
    painter->setFont(f);
    const QFontMetrics fm(f);
    const int h = std::min(option.rect.height() - 6, fm.height() + 4);
    int x = option.rect.left() + 5;
    const int y = option.rect.top() + (option.rect.height() - h) / 2;
    for (const QString &tag : tags) {
        const int w = fm.horizontalAdvance(tag) + 14;
        if (x + w > option.rect.right() - 2 && x > option.rect.left() + 5) {
            painter->setPen(text);
            painter->drawText(QRect(x, y, option.rect.right() - x, h), Qt::AlignVCenter | Qt::AlignLeft,
                              QStringLiteral("…"));
            break;
        }
        const QRectF chip(x + 0.5, y + 0.5, w - 1, h - 1);
        painter->setPen(QPen(border, 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(chip, h / 2.0, h / 2.0);
        painter->setPen(text);
        painter->drawText(chip, Qt::AlignCenter, tag);
        x += w + 4;
    }
    painter->restore();
}

} // namespace Portolan::Ui
