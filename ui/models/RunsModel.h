#pragma once

#include "actions/ActionRun.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QSortFilterProxyModel>

namespace Portolan::Ui {

// The colour and word for a run's or step's status, the same on the Runs page and in the wizard.
namespace RunStyle {
[[nodiscard]] QString statusLabel(Core::ActionRun::Status status);
[[nodiscard]] QString stepLabel(Core::StepRecord::Status status);
[[nodiscard]] QColor statusColor(Core::ActionRun::Status status);
[[nodiscard]] QColor stepColor(Core::StepRecord::Status status);
[[nodiscard]] QString duration(qint64 seconds); // "45 s", "1 min 15 s", "2 h 3 min"
} // namespace RunStyle

// Action runs, newest first: one row per run, updated in place by run id as its steps move on.
class RunsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunsModel)

public:
    enum Column { StatusColumn, ActionColumn, EntityColumn, UserColumn, StartedColumn, DurationColumn, ColumnCount };
    enum Role {
        RunIdRole = Qt::UserRole + 1,
        StatusRole, // Core::ActionRun::Status as int
        TemplateRole, // template id
        UserRefRole,
        SortRole,
    };

    explicit RunsModel(QObject *parent = nullptr);
    ~RunsModel() override;

    void setRuns(QList<Core::ActionRun> runs); // newest first
    void updateRun(const Core::ActionRun &run); // inserted on top when new
    [[nodiscard]] const Core::ActionRun *run(qint64 id) const;
    [[nodiscard]] const Core::ActionRun &runAt(int row) const { return m_runs.at(row); }
    [[nodiscard]] int rowOf(qint64 id) const;
    // "Now" for durations of runs still going (tests set it).
    void setNow(const QDateTime &now) { m_now = now; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Core::ActionRun> m_runs;
    QDateTime m_now;
};

// The Runs page's filters: status, action, user and text (action title, entity, parameters).
class RunsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunsFilterModel)

public:
    explicit RunsFilterModel(QObject *parent = nullptr);
    void setStatus(std::optional<Core::ActionRun::Status> status);
    void setTemplate(const QString &templateId);
    void setUser(const QString &userRef);
    void setText(const QString &text);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<Core::ActionRun::Status> m_status;
    QString m_template;
    QString m_user;
    QString m_text;
};

} // namespace Portolan::Ui
