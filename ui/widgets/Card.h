#pragma once

#include <QFrame>

class QLabel;
class QHBoxLayout;
class QVBoxLayout;

namespace Portolan::Ui {

// A titled, rounded panel for the entity page ("About", "Links", ...). Painted from the palette.
class Card final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Card)

public:
    explicit Card(const QString &title, QWidget *parent = nullptr);
    ~Card() override;

    void setTitle(const QString &title);
    [[nodiscard]] QString title() const;
    [[nodiscard]] QVBoxLayout *contentLayout() const { return m_content; }
    // Adds a widget to the right of the title (a button, a count).
    void addHeaderWidget(QWidget *widget);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_title;
    QHBoxLayout *m_header;
    QVBoxLayout *m_content;
};

} // namespace Portolan::Ui
