#pragma once

#include <QStyledItemDelegate>

namespace Portolan::Ui {

// The sidebar's page entries: an icon and a label on a rounded highlight when current, and a count in a pill on the
// right when the item has one (CountRole above 0: the Inbox's unread notifications).
class SidebarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SidebarDelegate)

public:
    static constexpr int CountRole = Qt::UserRole + 1;

    explicit SidebarDelegate(QObject *parent = nullptr);
    ~SidebarDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Portolan::Ui
