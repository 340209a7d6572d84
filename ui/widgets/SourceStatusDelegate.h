#pragma once

#include <QStyledItemDelegate>

namespace Portolan::Ui {

// Two-line cells for the Sources table: the value over a muted second line (SourcesModel::SubtitleRole), the type
// badge in the Source column, and in the Status column a progress bar while a source syncs (determinate when its
// size is known, a moving chunk otherwise; the page repaints the column while such a bar is shown).
class SourceStatusDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceStatusDelegate)

public:
    explicit SourceStatusDelegate(QObject *parent = nullptr);
    ~SourceStatusDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The height of a row: two lines of text and some air.
    [[nodiscard]] static int rowHeight(const QFontMetrics &metrics);
};

} // namespace Portolan::Ui
