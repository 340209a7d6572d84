#include "SourceStatusDelegate.h"

#include "models/SourceStyle.h"
#include "models/SourcesModel.h"

#include <QApplication>
#include <QPainter>
#include <QTime>

using namespace Qt::StringLiterals;
using State = Portolan::Core::SourceStatus::State;

namespace Portolan::Ui {

namespace {

constexpr int padding = 8;
constexpr int barWidth = 110;
constexpr int barHeight = 6;

void drawProgressBar(QPainter *painter, const QRect &rect, qint64 done, qint64 total, const QPalette &palette,
                     bool selected)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor track = selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Mid);
    track.setAlphaF(0.35);
    const QColor chunk = selected ? palette.color(QPalette::HighlightedText) : SourceStyle::stateColor(State::Syncing);
    const QRectF r(rect);
    const qreal radius = r.height() / 2;
    painter->setPen(Qt::NoPen);
    painter->setBrush(track);
    painter->drawRoundedRect(r, radius, radius);
    painter->setBrush(chunk);
    if (total > 0) {
        const qreal share = std::clamp(double(done) / double(total), 0.0, 1.0);
        if (share > 0) {
            painter->drawRoundedRect(QRectF(r.left(), r.top(), std::max(r.height(), r.width() * share), r.height()),
                                     radius, radius);
        }
    } else {
        // Busy without a known size: a chunk a third as wide as the bar sweeps across it.
        const qreal phase = double(QTime::currentTime().msecsSinceStartOfDay() % 1400) / 1400.0;
        const qreal w = r.width() / 3;
        const qreal x = r.left() - w + (r.width() + w) * phase;
        painter->setClipRect(r);
        painter->drawRoundedRect(QRectF(x, r.top(), w, r.height()), radius, radius);
    }
    painter->restore();
}

} // namespace

SourceStatusDelegate::SourceStatusDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

SourceStatusDelegate::~SourceStatusDelegate() = default;

int SourceStatusDelegate::rowHeight(const QFontMetrics &metrics)
{
    return metrics.height() * 2 + 16;
}

QSize SourceStatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(rowHeight(option.fontMetrics));
    return size;
}

void SourceStatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    const QIcon icon = opt.icon;
    const Qt::Alignment alignment = opt.displayAlignment;
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    const QColor textColor = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    QColor mutedColor = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::PlaceholderText);
    if (selected) {
        mutedColor.setAlphaF(0.8);
    }
    const int column = index.column();
    const auto state = State(index.data(SourcesModel::StateRole).toInt());
    const QString subtitle = index.data(SourcesModel::SubtitleRole).toString();

    QRect r = option.rect.adjusted(padding, 0, -padding, 0);
    painter->save();
    painter->setClipRect(option.rect);

    // The icon: a type badge spanning both lines in the Source column, a state dot on the first line elsewhere.
    QFont titleFont = opt.font;
    const QFontMetrics titleMetrics(titleFont);
    const int lineHeight = titleMetrics.height();
    const int top = r.top() + (r.height() - 2 * lineHeight - 2) / 2;
    if (!icon.isNull()) {
        if (column == SourcesModel::SourceColumn) {
            const int side = std::min(28, r.height() - 8);
            icon.paint(painter, QRect(r.left(), r.center().y() - side / 2 + 1, side, side));
            r.setLeft(r.left() + side + 10);
        } else {
            const int side = 12;
            icon.paint(painter, QRect(r.left(), top + (lineHeight - side) / 2, side, side));
            r.setLeft(r.left() + side + 7);
        }
    }

    if (column == SourcesModel::SourceColumn) {
        titleFont.setWeight(QFont::DemiBold);
    }
    painter->setFont(titleFont);
    painter->setPen(textColor);
    const QRect line1(r.left(), top, r.width(), lineHeight);
    const Qt::Alignment horizontal = alignment & Qt::AlignHorizontal_Mask;
    painter->drawText(line1, horizontal | Qt::AlignVCenter,
                      QFontMetrics(titleFont).elidedText(text, Qt::ElideRight, line1.width()));

    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.92);
    const QFontMetrics smallMetrics(small);
    QRect line2(r.left(), top + lineHeight + 2, r.width(), lineHeight);
    if (column == SourcesModel::StatusColumn && state == State::Syncing) {
        const int w = std::min(barWidth, line2.width());
        const QRect bar(line2.left(), line2.center().y() - barHeight / 2 + 1, w, barHeight);
        drawProgressBar(painter, bar, index.data(SourcesModel::ProgressDoneRole).toLongLong(),
                        index.data(SourcesModel::ProgressTotalRole).toLongLong(), pal, selected);
        line2.setLeft(bar.right() + 10);
    }
    if (!subtitle.isEmpty() && line2.width() > 10) {
        painter->setFont(small);
        QColor color = mutedColor;
        if (column == SourcesModel::StatusColumn && !selected && (state == State::Failed || state == State::Held)) {
            color = SourceStyle::stateColor(state);
        }
        painter->setPen(color);
        painter->drawText(line2, horizontal | Qt::AlignVCenter,
                          smallMetrics.elidedText(subtitle, Qt::ElideRight, line2.width()));
    }
    painter->restore();
}

} // namespace Portolan::Ui
