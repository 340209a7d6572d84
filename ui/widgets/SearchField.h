#pragma once

#include <QLineEdit>

namespace Portolan::Ui {

// The catalog's search box: Esc clears it, Down and Return hand the keyboard to the results.
class SearchField final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchField)

public:
    explicit SearchField(QWidget *parent = nullptr);
    ~SearchField() override;

Q_SIGNALS:
    void moveToResultsRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace Portolan::Ui
