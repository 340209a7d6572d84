#pragma once

#include <QStringList>
#include <QWidget>

namespace Portolan::Ui {

// Tags as rounded chips that wrap to the available width. Chips are clickable when `clickable` is set.
class ChipList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChipList)

public:
    explicit ChipList(QWidget *parent = nullptr);
    ~ChipList() override;

    void setChips(const QStringList &chips);
    [[nodiscard]] const QStringList &chips() const { return m_chips; }
    void setClickable(bool clickable);

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;
    [[nodiscard]] int heightForWidth(int width) const override;
    // Where chip `i` is drawn for the current width.
    [[nodiscard]] QRect chipRect(int i) const;

Q_SIGNALS:
    void chipClicked(const QString &chip);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    [[nodiscard]] QList<QRect> layoutChips(int width) const;
    [[nodiscard]] int chipAt(const QPoint &pos) const;
    void updateMinimumHeight();

    QStringList m_chips;
    bool m_clickable = false;
    int m_hovered = -1;
};

} // namespace Portolan::Ui
