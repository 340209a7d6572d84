#pragma once

#include "actions/ActionRun.h"

#include <QByteArray>
#include <QPointer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace Portolan::Ui {

class ActionsController;
class Banner;
class RunsFilterModel;
class RunsModel;
class SearchField;

// The Runs page: every action run (who, when, on what, how it went), filtered by status, action, user and text; the
// selected run's parameters, steps with their logs and outputs, links (workflow runs and pull requests with their
// state, followed while they can change; entities it registered), and Re-run, Cancel and Refresh.
class RunsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunsPage)

public:
    explicit RunsPage(QWidget *parent = nullptr);
    ~RunsPage() override;

    void setController(ActionsController *controller);
    void selectRun(qint64 id);
    // Selects the run once the run history is read (a portolan://run/ link at start-up); `found` gets whether
    // the history has it (at once when it is read already, else when it is).
    void showRunWhenLoaded(qint64 id, std::function<void(bool found)> found = {});
    [[nodiscard]] qint64 selectedRunId() const;
    // The table's columns as the user left them (MainWindow saves them at close); restored columns are not
    // resized to their contents again.
    [[nodiscard]] QByteArray headerState() const;
    void restoreHeaderState(const QByteArray &state);
    [[nodiscard]] RunsModel *model() const { return m_model; }
    [[nodiscard]] RunsFilterModel *filter() const { return m_filter; }

Q_SIGNALS:
    void entityRequested(const QString &ref);
    // Open the action's wizard again with the run's parameters (secret ones left empty).
    void rerunRequested(const QString &actionId, const QString &entityRef, const QJsonObject &parameters);

private:
    void showRun();
    void showApproval(const Core::ActionRun &run);
    void showStep();
    void fillActions();

    QPointer<ActionsController> m_controller;
    RunsModel *m_model;
    RunsFilterModel *m_filter;
    SearchField *m_search;
    QComboBox *m_status;
    QComboBox *m_action;
    QCheckBox *m_mine;
    QTableView *m_table;
    QWidget *m_details;
    QLabel *m_title;
    QLabel *m_meta;
    Banner *m_error;
    Banner *m_approval;
    QLabel *m_parameters;
    QListWidget *m_steps;
    QPlainTextEdit *m_log;
    QLabel *m_links;
    QLabel *m_texts;
    QPushButton *m_rerun;
    QPushButton *m_cancel;
    QPushButton *m_refresh;
    QLabel *m_empty;
    bool m_loaded = false; // the run history was read
    bool m_headerRestored = false;
    qint64 m_pendingRun = 0;
    std::function<void(bool)> m_pendingFound;
};

} // namespace Portolan::Ui
