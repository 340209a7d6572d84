#pragma once

#include <QLabel>

namespace Portolan::Ui {

// A one-line plain-text label that asks for its whole text's width but can be narrowed to a few characters, and then
// ends its text with "…" and shows all of it as its tooltip: for status bars and rows whose text varies (a
// translation, a file name), which must never widen the window.
class ElidedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    ~ElidedLabel() override;

    [[nodiscard]] QSize minimumSizeHint() const override;
    // The text as shown: elided when the label is narrower than it.
    [[nodiscard]] QString shownText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
};

} // namespace Portolan::Ui
