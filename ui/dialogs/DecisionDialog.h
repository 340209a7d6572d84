#pragma once

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace Portolan::Ui {

// Asks for the comment of an approval decision: optional to approve, required to reject (the requester deserves
// to know why).
class DecisionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecisionDialog)

public:
    DecisionDialog(const QString &runKey, const QString &title, bool approve, QWidget *parent = nullptr);
    ~DecisionDialog() override;

    [[nodiscard]] const QString &runKey() const { return m_runKey; }
    [[nodiscard]] bool approves() const { return m_approve; }
    [[nodiscard]] QString comment() const;
    void setComment(const QString &comment);
    [[nodiscard]] QPushButton *confirmButton() const { return m_confirm; }

private:
    void updateButton();

    QString m_runKey;
    bool m_approve;
    QPlainTextEdit *m_comment;
    QPushButton *m_confirm;
};

} // namespace Portolan::Ui
