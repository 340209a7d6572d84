#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Portolan::Ui {

// Simple, line-based YAML colouring: keys, strings, comments, document markers, list dashes, anchors and
// aliases, and scalars such as numbers and booleans. Colours follow the palette (light or dark).
class YamlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YamlHighlighter)

public:
    explicit YamlHighlighter(QTextDocument *document);
    ~YamlHighlighter() override;

protected:
    void highlightBlock(const QString &text) override;
    // The application's palette changed (light to dark): the colours are picked again.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void pickColours();

    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_comment;
    QTextCharFormat m_marker;
    QTextCharFormat m_scalar;
    QTextCharFormat m_anchor;
    QRegularExpression m_keyPattern;
    QRegularExpression m_stringPattern;
    QRegularExpression m_scalarPattern;
    QRegularExpression m_anchorPattern;
};

} // namespace Portolan::Ui
