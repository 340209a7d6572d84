#include "SourcesModel.h"

#include "Format.h"
#include "SourceStyle.h"

#include <QFontDatabase>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

using State = SourceStatus::State;

QString shortRevision(const QString &revision)
{
    static const QRegularExpression hex(u"^[0-9a-f]{12,}$"_s);
    return hex.match(revision).hasMatch() ? revision.left(10) : revision;
}

bool sameSourceCell(const SourceStatus &a, const SourceStatus &b)
{
    return a.config.id == b.config.id && a.config.title == b.config.title && a.config.type == b.config.type
           && a.config.origin == b.config.origin && a.config.url == b.config.url && a.config.paths == b.config.paths;
}

bool sameStatusCell(const SourceStatus &a, const SourceStatus &b)
{
    return a.state == b.state && a.done == b.done && a.total == b.total && a.phase == b.phase && a.message == b.message
           && a.error.message == b.error.message && a.error.detail == b.error.detail && a.lastSuccess == b.lastSuccess
           && a.config.refreshSeconds == b.config.refreshSeconds && a.config.enabled == b.config.enabled
           && a.credentialMissing == b.credentialMissing && a.pendingRemovals == b.pendingRemovals
           && a.failures == b.failures;
}

} // namespace

SourcesModel::SourcesModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

SourcesModel::~SourcesModel() = default;

QList<int> SourcesModel::changedColumns(const SourceStatus &a, const SourceStatus &b)
{
    QList<int> columns;
    if (!sameSourceCell(a, b)) {
        columns.append(SourceColumn);
    }
    if (!sameStatusCell(a, b)) {
        columns.append(StatusColumn);
    }
    if (a.entityCount != b.entityCount || a.problemCount != b.problemCount) {
        columns.append(EntitiesColumn);
    }
    if (a.lastSuccess != b.lastSuccess || a.lastAttempt != b.lastAttempt) {
        columns.append(LastSyncColumn);
    }
    if (a.nextSync != b.nextSync || a.state != b.state || a.config.refreshSeconds != b.config.refreshSeconds
        || a.config.enabled != b.config.enabled) {
        columns.append(NextSyncColumn);
    }
    if (a.revision != b.revision) {
        columns.append(RevisionColumn);
    }
    return columns;
}

void SourcesModel::updateRow(int row, const SourceStatus &status)
{
    const QList<int> columns = changedColumns(m_rows.at(row), status);
    m_rows[row] = status;
    if (columns.isEmpty()) {
        // Fields no column shows (the TLS settings, say) still feed the detail panel.
        return;
    }
    Q_EMIT dataChanged(index(row, columns.first()), index(row, columns.last()));
}

void SourcesModel::setSources(const QList<SourceStatus> &sources)
{
    QHash<QString, int> wanted;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        wanted.insert(sources.at(i).config.id, int(i));
    }
    // 1. Rows whose source left the configuration.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_rows.at(row).config.id)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    // 2. In the new order: update rows in place, move rows that changed places, insert new sources.
    for (int i = 0; i < int(sources.size()); ++i) {
        const SourceStatus &status = sources.at(i);
        if (i < m_rows.size() && m_rows.at(i).config.id == status.config.id) {
            updateRow(i, status);
            continue;
        }
        const int from = rowForId(status.config.id);
        if (from > i) {
            beginMoveRows({}, from, from, {}, i);
            m_rows.move(from, i);
            endMoveRows();
            updateRow(i, status);
        } else if (from < 0 || from < i) {
            // from < i only with duplicate ids, which the workspace parser refuses; treat it as new.
            beginInsertRows({}, i, i);
            m_rows.insert(i, status);
            endInsertRows();
        }
    }
    // Duplicate ids aside, this is a no-op: the rows are now exactly the new list.
    if (m_rows.size() > sources.size()) {
        beginRemoveRows({}, int(sources.size()), int(m_rows.size()) - 1);
        m_rows.resize(sources.size());
        endRemoveRows();
    }
}

int SourcesModel::rowForId(const QString &sourceId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).config.id == sourceId) {
            return int(i);
        }
    }
    return -1;
}

const SourceStatus *SourcesModel::source(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

void SourcesModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, StatusColumn), index(int(m_rows.size()) - 1, NextSyncColumn));
    }
}

QDateTime SourcesModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

bool SourcesModel::isStale(const SourceStatus &source, const QDateTime &now)
{
    return source.lastSuccess.isValid() && source.state != State::Disabled && source.isStale(now);
}

QString SourcesModel::statusText(const SourceStatus &s, const QDateTime &now)
{
    switch (s.state) {
    case State::Disabled:
        return tr("Disabled");
    case State::Syncing:
        if (s.total > 0) {
            return tr("Syncing · %1%").arg(int(std::clamp<qint64>(s.done * 100 / s.total, 0, 100)));
        }
        return tr("Syncing…");
    case State::Failed:
        return tr("Failed");
    case State::Held:
        return tr("Held back");
    case State::Idle:
    case State::Ok:
        break;
    }
    if (!s.lastSuccess.isValid()) {
        return s.credentialMissing ? tr("Credential missing") : tr("Not synced yet");
    }
    if (isStale(s, now)) {
        return tr("Stale since %1").arg(Format::dateTime(s.lastSuccess));
    }
    return tr("OK");
}

QString SourcesModel::statusDetail(const SourceStatus &s)
{
    switch (s.state) {
    case State::Disabled:
        return tr("Turned off in the configuration");
    case State::Syncing:
        if (s.total > 0) {
            return tr("%1 (%2 of %3)").arg(s.phase.isEmpty() ? tr("Working") : s.phase).arg(s.done).arg(s.total);
        }
        return s.phase;
    case State::Failed:
        return s.error.message.isEmpty() ? s.message : s.error.message;
    case State::Held:
        return tr("It would remove %n entities; review it", nullptr, s.pendingRemovals);
    case State::Idle:
    case State::Ok:
        break;
    }
    if (s.credentialMissing) {
        return tr("No secret is set for the credential “%1”").arg(s.config.credential);
    }
    if (!s.lastSuccess.isValid()) {
        return tr("Waiting for its first sync");
    }
    return s.message;
}

int SourcesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SourcesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourcesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SourceStatus &s = m_rows.at(index.row());
    const QDateTime current = now();
    const bool stale = isStale(s, current);
    switch (role) {
    case SourceIdRole:
        return s.config.id;
    case StateRole:
        return int(s.state);
    case StaleRole:
        return stale;
    case ProgressDoneRole:
        return s.done;
    case ProgressTotalRole:
        return s.total;
    case OriginRole:
        return int(s.config.origin);
    default:
        break;
    }

    switch (index.column()) {
    case SourceColumn:
        switch (role) {
        case Qt::DisplayRole:
            return s.config.displayName();
        case Qt::DecorationRole:
            return SourceStyle::typeIcon(s.config.type);
        case SubtitleRole:
            if (s.config.origin == SourceConfig::Origin::Implicit) {
                return tr("%1 · %2").arg(s.config.id, SourceStyle::typeLabel(s.config.type));
            }
            return tr("%1 · %2 · %3")
                .arg(s.config.id, SourceStyle::typeLabel(s.config.type), SourceStyle::originLabel(s.config.origin));
        case Qt::ToolTipRole:
            if (!s.config.url.isEmpty()) {
                return s.config.url;
            }
            return s.config.paths.join(u", "_s);
        }
        break;
    case StatusColumn:
        switch (role) {
        case Qt::DisplayRole:
            return statusText(s, current);
        case Qt::DecorationRole:
            return SourceStyle::stateIcon(s.state, stale);
        case SubtitleRole:
            return statusDetail(s);
        case Qt::ToolTipRole: {
            QString tip = u"<p><b>%1</b></p>"_s.arg(statusText(s, current).toHtmlEscaped());
            const QString detail = statusDetail(s);
            if (!detail.isEmpty()) {
                tip += u"<p>%1</p>"_s.arg(detail.toHtmlEscaped());
            }
            if (s.state == State::Failed && !s.error.detail.isEmpty()) {
                tip += u"<p><tt>%1</tt></p>"_s.arg(s.error.detail.left(600).toHtmlEscaped());
            }
            return tip;
        }
        }
        break;
    case EntitiesColumn:
        switch (role) {
        case Qt::DisplayRole:
            return QLocale().toString(s.entityCount);
        case SubtitleRole:
            return s.problemCount > 0 ? tr("%n problem(s)", nullptr, s.problemCount) : QString();
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        case Qt::ToolTipRole:
            return tr("%n entities", nullptr, s.entityCount);
        }
        break;
    case LastSyncColumn:
        switch (role) {
        case Qt::DisplayRole:
            return Format::relativeTime(s.lastSuccess, current);
        case SubtitleRole:
            if (s.lastAttempt.isValid() && s.lastAttempt != s.lastSuccess && s.state == State::Failed) {
                return tr("tried %1").arg(Format::relativeTime(s.lastAttempt, current));
            }
            return {};
        case Qt::ToolTipRole:
            return tr("Last successful sync: %1\nLast attempt: %2")
                .arg(Format::dateTime(s.lastSuccess), Format::dateTime(s.lastAttempt));
        }
        break;
    case NextSyncColumn:
        switch (role) {
        case Qt::DisplayRole:
            if (s.state == State::Disabled) {
                return u"—"_s;
            }
            if (s.state == State::Syncing) {
                return tr("Running now");
            }
            if (s.nextSync.isValid()) {
                return Format::timeUntil(s.nextSync, current);
            }
            return s.config.refreshSeconds > 0 ? u"—"_s : tr("On demand");
        case SubtitleRole:
            if (s.state == State::Failed && s.failures > 0 && s.nextSync.isValid()) {
                return tr("retry after %n failure(s)", nullptr, s.failures);
            }
            if (s.config.refreshSeconds > 0 && s.config.type != u"files"_s) {
                return tr("every %1").arg(Format::interval(s.config.refreshSeconds));
            }
            if (s.config.type == u"files"_s) {
                return tr("when files change");
            }
            return {};
        case Qt::ToolTipRole:
            return s.nextSync.isValid() ? Format::dateTime(s.nextSync) : QVariant();
        }
        break;
    case RevisionColumn:
        switch (role) {
        case Qt::DisplayRole:
            return s.revision.isEmpty() ? u"—"_s : shortRevision(s.revision);
        case Qt::FontRole:
            if (!s.revision.isEmpty()) {
                return QFontDatabase::systemFont(QFontDatabase::FixedFont);
            }
            break;
        case Qt::ToolTipRole:
            return s.revision.isEmpty() ? QVariant() : QVariant(s.revision);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant SourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case SourceColumn:
        return tr("Source");
    case StatusColumn:
        return tr("Status");
    case EntitiesColumn:
        return tr("Entities");
    case LastSyncColumn:
        return tr("Last sync");
    case NextSyncColumn:
        return tr("Next sync");
    case RevisionColumn:
        return tr("Revision");
    default:
        break;
    }
    return {};
}

Qt::ItemFlags SourcesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace Portolan::Ui
