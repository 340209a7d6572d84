#pragma once

#include <QStyledItemDelegate>

namespace Portolan::Ui {

// Draws the catalog table's Tags column as chips and the Description column muted.
class CatalogItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogItemDelegate)

public:
    explicit CatalogItemDelegate(QObject *parent = nullptr);
    ~CatalogItemDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Portolan::Ui
