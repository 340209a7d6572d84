#pragma once

#include <QPlainTextEdit>

namespace Portolan::Ui {

class LineNumberArea;
class YamlHighlighter;

// Read-only source text in a monospace font with line numbers, optional YAML colouring and one marked line
// (the place a problem points at).
class CodeView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeView)

public:
    explicit CodeView(QWidget *parent = nullptr);
    ~CodeView() override;

    void setYamlHighlighting(bool enabled);
    // Marks `line` (1-based; 0 clears), puts the cursor on `column` and scrolls it to the middle.
    void markLine(int line, int column = 0);
    [[nodiscard]] int markedLine() const { return m_markedLine; }

    [[nodiscard]] int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateSelections();

    LineNumberArea *m_lineNumbers;
    YamlHighlighter *m_highlighter = nullptr;
    int m_markedLine = 0;
};

} // namespace Portolan::Ui
