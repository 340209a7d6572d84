#pragma once

#include "sync/SyncTypes.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace Portolan::Ui {

// The workspace's sources and how their syncs stand, one row per source, from the sync worker's SourceStatus
// snapshots. The service sends a new list on every progress tick, so rows are matched by source id and only what
// changed is announced (dataChanged over the changed columns; rows inserted, moved or removed), never a reset:
// the selection, the scroll position and the detail panel stay put while sources sync.
class SourcesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesModel)

public:
    enum Column {
        SourceColumn,
        StatusColumn,
        EntitiesColumn,
        LastSyncColumn,
        NextSyncColumn,
        RevisionColumn,
        ColumnCount
    };
    enum Role {
        SourceIdRole = Qt::UserRole + 1, // QString
        StateRole, // int (Core::SourceStatus::State)
        StaleRole, // bool: ok, but older than twice its refresh interval
        ProgressDoneRole, // qint64
        ProgressTotalRole, // qint64: 0 while the size is unknown
        SubtitleRole, // QString: the second line of a cell ("git · platform-catalog", the phase, the error)
        OriginRole, // int (Core::SourceConfig::Origin)
    };

    explicit SourcesModel(QObject *parent = nullptr);
    ~SourcesModel() override;

    void setSources(const QList<Core::SourceStatus> &sources);
    [[nodiscard]] const QList<Core::SourceStatus> &sources() const { return m_rows; }
    [[nodiscard]] int rowForId(const QString &sourceId) const;
    [[nodiscard]] const Core::SourceStatus *source(int row) const;

    // The time relative times are measured from ("3 minutes ago"); the current time when never set. Moving it
    // re-announces the time-dependent columns.
    void setNow(const QDateTime &now);
    [[nodiscard]] QDateTime now() const;

    // What the Status column says for a source, and the colour it is shown in.
    [[nodiscard]] static QString statusText(const Core::SourceStatus &source, const QDateTime &now);
    [[nodiscard]] static QString statusDetail(const Core::SourceStatus &source);
    [[nodiscard]] static bool isStale(const Core::SourceStatus &source, const QDateTime &now);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    // The columns whose content differs between two snapshots of the same source.
    [[nodiscard]] static QList<int> changedColumns(const Core::SourceStatus &a, const Core::SourceStatus &b);
    void updateRow(int row, const Core::SourceStatus &status);

    QList<Core::SourceStatus> m_rows;
    QDateTime m_now;
};

} // namespace Portolan::Ui
