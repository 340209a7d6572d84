#include "RunsModel.h"

#include "models/Format.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

using namespace Core;

namespace RunStyle {

QString statusLabel(ActionRun::Status status)
{
    switch (status) {
    case ActionRun::Status::Queued:
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "Queued");
    case ActionRun::Status::Running:
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "Running");
    case ActionRun::Status::Waiting:
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "Waiting for approval");
    case ActionRun::Status::Succeeded:
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "Succeeded");
    case ActionRun::Status::Failed:
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "Failed");
    case ActionRun::Status::Cancelled:
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "Cancelled");
    }
    return {};
}

QString stepLabel(StepRecord::Status status)
{
    switch (status) {
    case StepRecord::Status::Pending:
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "Pending");
    case StepRecord::Status::Running:
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "Running");
    case StepRecord::Status::Succeeded:
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "Done");
    case StepRecord::Status::Failed:
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "Failed");
    case StepRecord::Status::Skipped:
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "Skipped");
    case StepRecord::Status::Cancelled:
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "Cancelled");
    }
    return {};
}

QColor statusColor(ActionRun::Status status)
{
    switch (status) {
    case ActionRun::Status::Queued:
        return QColor(0x75, 0x75, 0x75);
    case ActionRun::Status::Running:
        return QColor(0x15, 0x65, 0xc0);
    case ActionRun::Status::Waiting:
        return QColor(0xb2, 0x6a, 0x00);
    case ActionRun::Status::Succeeded:
        return QColor(0x2e, 0x7d, 0x32);
    case ActionRun::Status::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case ActionRun::Status::Cancelled:
        return QColor(0x8d, 0x6e, 0x63);
    }
    return {};
}

QColor stepColor(StepRecord::Status status)
{
    switch (status) {
    case StepRecord::Status::Pending:
    case StepRecord::Status::Skipped:
        return QColor(0x9e, 0x9e, 0x9e);
    case StepRecord::Status::Running:
        return statusColor(ActionRun::Status::Running);
    case StepRecord::Status::Succeeded:
        return statusColor(ActionRun::Status::Succeeded);
    case StepRecord::Status::Failed:
        return statusColor(ActionRun::Status::Failed);
    case StepRecord::Status::Cancelled:
        return statusColor(ActionRun::Status::Cancelled);
    }
    return {};
}

QString duration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60) {
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "%1 s").arg(seconds);
    }
    if (seconds < 3600) {
        return QCoreApplication::translate("Portolan::Ui::RunStyle", "%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    }
    return QCoreApplication::translate("Portolan::Ui::RunStyle", "%1 h %2 min")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60);
}

} // namespace RunStyle

RunsModel::RunsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

RunsModel::~RunsModel() = default;

void RunsModel::setRuns(QList<ActionRun> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

void RunsModel::updateRun(const ActionRun &run)
{
    const int row = rowOf(run.id);
    if (row >= 0) {
        m_runs[row] = run;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_runs.prepend(run);
    endInsertRows();
}

const ActionRun *RunsModel::run(qint64 id) const
{
    const int row = rowOf(id);
    return row >= 0 ? &m_runs.at(row) : nullptr;
}

int RunsModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_runs.size(); ++i) {
        if (m_runs.at(i).id == id) {
            return i;
        }
    }
    return -1;
}

int RunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size()) {
        return {};
    }
    const ActionRun &r = m_runs.at(index.row());
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    const qint64 seconds = r.created.isValid() ? r.created.secsTo(r.finished.isValid() ? r.finished : now) : 0;
    switch (role) {
    case RunIdRole:
        return r.id;
    case StatusRole:
        return int(r.status);
    case TemplateRole:
        return r.templateId;
    case UserRefRole:
        return r.user;
    case Qt::ForegroundRole:
        return index.column() == StatusColumn ? QVariant(RunStyle::statusColor(r.status)) : QVariant();
    case Qt::ToolTipRole:
        return r.error.isEmpty() ? QVariant() : QVariant(r.error);
    case SortRole:
        switch (index.column()) {
        case StartedColumn:
            return r.created;
        case DurationColumn:
            return seconds;
        default:
            break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn:
            return r.dryRun ? tr("%1 (dry run)").arg(RunStyle::statusLabel(r.status)) : RunStyle::statusLabel(r.status);
        case ActionColumn:
            return r.templateTitle;
        case EntityColumn:
            return r.entityRef;
        case UserColumn:
            return r.user;
        case StartedColumn:
            return Format::dateTime(r.created);
        case DurationColumn:
            return RunStyle::duration(seconds);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case ActionColumn:
        return tr("Action");
    case EntityColumn:
        return tr("Entity");
    case UserColumn:
        return tr("Started by");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Took");
    default:
        return {};
    }
}

RunsFilterModel::RunsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RunsModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void RunsFilterModel::setStatus(std::optional<ActionRun::Status> status)
{
    m_status = status;
    invalidateFilter();
}

void RunsFilterModel::setTemplate(const QString &templateId)
{
    m_template = templateId;
    invalidateFilter();
}

void RunsFilterModel::setUser(const QString &userRef)
{
    m_user = userRef;
    invalidateFilter();
}

void RunsFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool RunsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent)
    const auto *runs = qobject_cast<const RunsModel *>(sourceModel());
    if (!runs || sourceRow >= runs->rowCount()) {
        return false;
    }
    const ActionRun &r = runs->runAt(sourceRow);
    if (m_status && r.status != *m_status) {
        return false;
    }
    if (!m_template.isEmpty() && r.templateId != m_template) {
        return false;
    }
    if (!m_user.isEmpty() && r.user != m_user) {
        return false;
    }
    if (!m_text.isEmpty()) {
        const QString haystack = r.templateTitle + u' ' + r.entityRef + u' ' + r.user + u' ' + r.key + u' '
                                 + QString::fromUtf8(QJsonDocument(r.parameters).toJson(QJsonDocument::Compact));
        if (!haystack.contains(m_text, Qt::CaseInsensitive)) {
            return false;
        }
    }
    return true;
}

} // namespace Portolan::Ui
