#include "FacetDelegate.h"

#include "models/FacetModel.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTreeView>

namespace Portolan::Ui {

namespace {

FacetModel::RowType rowType(const QModelIndex &index)
{
    return index.data(FacetModel::RowTypeRole).value<FacetModel::RowType>();
}

} // namespace

FacetDelegate::FacetDelegate(QTreeView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{ }

FacetDelegate::~FacetDelegate() = default;

QSize FacetDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int base = option.fontMetrics.height();
    switch (rowType(index)) {
    case FacetModel::RowType::Header:
        size.setHeight(base + 14);
        break;
    case FacetModel::RowType::Value:
        size.setHeight(std::max(size.height(), base + 6));
        break;
    case FacetModel::RowType::More:
        size.setHeight(base + 6);
        break;
    }
    return size;
}

void FacetDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QPalette &pal = option.palette;
    const QColor muted = pal.color(QPalette::PlaceholderText);

    switch (rowType(index)) {
    case FacetModel::RowType::Header: {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRect r = option.rect;
        if (index.row() > 0) {
            QColor line = pal.color(QPalette::Mid);
            line.setAlphaF(0.35);
            painter->setPen(line);
            painter->drawLine(r.left() + 4, r.top(), r.right() - 4, r.top());
        }
        // Chevron: right when collapsed, down when expanded.
        const bool expanded = m_view->isExpanded(index);
        const QPointF c(r.left() + 10, r.center().y() + 0.5);
        QPainterPath chevron;
        if (expanded) {
            chevron.moveTo(c + QPointF(-3.5, -1.75));
            chevron.lineTo(c + QPointF(0, 1.75));
            chevron.lineTo(c + QPointF(3.5, -1.75));
        } else {
            chevron.moveTo(c + QPointF(-1.75, -3.5));
            chevron.lineTo(c + QPointF(1.75, 0));
            chevron.lineTo(c + QPointF(-1.75, 3.5));
        }
        painter->setPen(QPen(pal.color(QPalette::WindowText), 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->drawPath(chevron);

        const int selected = index.data(FacetModel::SelectedCountRole).toInt();
        const int values = index.data(FacetModel::CountRole).toInt();
        QFont f = opt.font;
        f.setBold(true);
        painter->setFont(f);
        painter->setPen(pal.color(QPalette::WindowText));
        const QRect textRect = r.adjusted(22, 0, -48, 0);
        painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetrics(f).elidedText(opt.text, Qt::ElideRight, textRect.width()));
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.9);
        painter->setFont(small);
        const QFontMetrics sfm(small);
        if (selected > 0) {
            const QString label = QString::number(selected);
            const int w = std::max(sfm.horizontalAdvance(label) + 12, sfm.height() + 4);
            const QRectF pill(r.right() - 8 - w, r.center().y() - (sfm.height() + 2) / 2.0, w, sfm.height() + 2);
            painter->setPen(Qt::NoPen);
            painter->setBrush(pal.color(QPalette::Highlight));
            painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
            painter->setPen(pal.color(QPalette::HighlightedText));
            painter->drawText(pill, Qt::AlignCenter, label);
        } else {
            painter->setPen(muted);
            painter->drawText(r.adjusted(0, 0, -8, 0), Qt::AlignVCenter | Qt::AlignRight, QString::number(values));
        }
        painter->restore();
        return;
    }
    case FacetModel::RowType::More: {
        painter->save();
        QFont f = opt.font;
        f.setPointSizeF(f.pointSizeF() * 0.95);
        painter->setFont(f);
        painter->setPen(pal.color(QPalette::Link));
        painter->drawText(option.rect.adjusted(6, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, opt.text);
        painter->restore();
        return;
    }
    case FacetModel::RowType::Value: {
        const QString count = QString::number(index.data(FacetModel::CountRole).toInt());
        const int countWidth = option.fontMetrics.horizontalAdvance(count) + 16;
        QStyleOptionViewItem shortened = opt;
        shortened.rect.setRight(option.rect.right() - countWidth);
        shortened.state &= ~QStyle::State_HasFocus;
        style->drawControl(QStyle::CE_ItemViewItem, &shortened, painter, widget);
        painter->save();
        painter->setPen(muted);
        painter->drawText(
            QRect(option.rect.right() - countWidth, option.rect.top(), countWidth - 8, option.rect.height()),
            Qt::AlignVCenter | Qt::AlignRight, count);
        painter->restore();
        return;
    }
    }
}

bool FacetDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                const QModelIndex &index)
{
    Q_UNUSED(option)
    auto *facets = qobject_cast<FacetModel *>(model);
    if (!facets || rowType(index) == FacetModel::RowType::Header) {
        return false;
    }
    switch (event->type()) {
    case QEvent::MouseButtonRelease:
        if (static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
            facets->activate(index);
            return true;
        }
        return false;
    case QEvent::MouseButtonDblClick:
        return true; // the press and release already toggled it
    case QEvent::KeyPress: {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Space || key == Qt::Key_Select || key == Qt::Key_Return || key == Qt::Key_Enter) {
            facets->activate(index);
            return true;
        }
        return false;
    }
    default:
        return false;
    }
}

} // namespace Portolan::Ui
