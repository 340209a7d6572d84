#pragma once

#include "ScorecardsController.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Portolan::Ui {

class CodeView;

// "What if": the scorecard's file in an editor; Evaluate scores the edited text against the current catalog, off the
// GUI thread, and lists the entities that would move up or down a level (or change score) before anything is
// committed. Problems in the text are listed with their line. Nothing is written back.
class WhatIfDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WhatIfDialog)

public:
    WhatIfDialog(ScorecardsController *controller, const Core::Scorecard &card, QWidget *parent = nullptr);
    ~WhatIfDialog() override;

    [[nodiscard]] CodeView *editor() const { return m_editor; }
    [[nodiscard]] QTreeWidget *movesView() const { return m_moves; }
    [[nodiscard]] QLabel *summary() const { return m_summary; }
    void evaluate();

Q_SIGNALS:
    void entityRequested(const QString &refKey);
    void evaluated();

private:
    void onWhatIf(const ScorecardsController::WhatIf &whatIf);

    ScorecardsController *m_controller;
    QString m_file;
    CodeView *m_editor;
    QPushButton *m_evaluate;
    QLabel *m_summary;
    QTreeWidget *m_moves;
    int m_request = 0;
};

} // namespace Portolan::Ui
