#pragma once

#include "util/Error.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace Portolan::Ui {

class ProblemsFilterModel;
class ProblemsModel;

// The Problems panel: every problem of the catalog with severity, message and place, filterable by severity
// and text. Double-click or Enter opens the file at the problem's line.
class ProblemsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsPanel)

public:
    explicit ProblemsPanel(QWidget *parent = nullptr);
    ~ProblemsPanel() override;

    void setProblems(const Core::ErrorList &problems, const QString &workspaceRoot);
    [[nodiscard]] ProblemsModel *problemsModel() const { return m_model; }
    [[nodiscard]] ProblemsFilterModel *filterModel() const { return m_filter; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    void focusTable();

Q_SIGNALS:
    void openProblemRequested(const Portolan::Core::Error &problem);
    void showEntityRequested(const QString &ref);

private:
    void openRow(const QModelIndex &proxyIndex);
    void showContextMenu(const QPoint &pos);
    void updateCounts();

    ProblemsModel *m_model;
    ProblemsFilterModel *m_filter;
    QToolButton *m_errors;
    QToolButton *m_warnings;
    QToolButton *m_notes;
    QLineEdit *m_text;
    QLabel *m_summary;
    QStackedWidget *m_stack;
    QTableView *m_view;
    QLabel *m_empty;
    QString m_root;
};

} // namespace Portolan::Ui
