#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace Portolan::Ui {

// Paints the facet tree: section headers with a chevron and their value count (or the number of checked
// values), value rows with a check box and the entity count right-aligned, and "Show more" rows as links.
// A click anywhere on a value row toggles it.
class FacetDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FacetDelegate)

public:
    explicit FacetDelegate(QTreeView *view);
    ~FacetDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    QTreeView *m_view;
};

} // namespace Portolan::Ui
