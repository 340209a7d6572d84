#pragma once

#include <QWidget>

namespace Portolan::Ui {

class CodeView;

// The gutter of a CodeView; CodeView does the painting, this widget only gives it a place.
class LineNumberArea final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineNumberArea)

public:
    explicit LineNumberArea(CodeView *view);
    ~LineNumberArea() override;

    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    CodeView *m_view;
};

} // namespace Portolan::Ui
