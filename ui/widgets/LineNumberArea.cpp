#include "LineNumberArea.h"

#include "CodeView.h"

namespace Portolan::Ui {

LineNumberArea::LineNumberArea(CodeView *view)
    : QWidget(view)
    , m_view(view)
{ }

LineNumberArea::~LineNumberArea() = default;

QSize LineNumberArea::sizeHint() const
{
    return {m_view->lineNumberAreaWidth(), 0};
}

void LineNumberArea::paintEvent(QPaintEvent *event)
{
    m_view->paintLineNumbers(event);
}

} // namespace Portolan::Ui
