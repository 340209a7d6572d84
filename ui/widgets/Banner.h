#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace Portolan::Ui {

// A message strip across a page or the window: a tinted, rounded panel with a severity icon, a text, optional
// buttons on the right and an optional close button. Non-modal: work goes on while it is shown.
class Banner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Banner)

public:
    enum class Kind { Info, Warning, Error };

    explicit Banner(QWidget *parent = nullptr);
    ~Banner() override;

    void setKind(Kind kind);
    [[nodiscard]] Kind kind() const { return m_kind; }
    // Rich text; links are reported by linkActivated.
    void setText(const QString &text);
    [[nodiscard]] QString text() const;
    [[nodiscard]] QLabel *label() const { return m_text; }
    // A button on the right, in the order added.
    QPushButton *addButton(const QString &text);
    void setClosable(bool closable);

Q_SIGNALS:
    void closeRequested();
    void linkActivated(const QString &link);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Kind m_kind = Kind::Info;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QToolButton *m_close;
};

} // namespace Portolan::Ui
