#pragma once

#include <QStyledItemDelegate>

namespace Portolan::Ui {

// The sidebar's page entries: an icon and a label on a rounded highlight when current.
class SidebarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SidebarDelegate)

public:
    explicit SidebarDelegate(QObject *parent = nullptr);
    ~SidebarDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Portolan::Ui
