#pragma once

#include <QIcon>
#include <QWidget>

namespace Portolan::Ui {

// A page whose feature comes in a later release: says plainly what it will do.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderPage)

public:
    PlaceholderPage(const QIcon &icon, const QString &title, const QString &text, const QStringList &points,
                    QWidget *parent = nullptr);
    ~PlaceholderPage() override;
};

} // namespace Portolan::Ui
