#pragma once

#include "util/Error.h"

#include <QAbstractTableModel>

namespace Portolan::Ui {

// Every problem of a catalog snapshot (reader, validator, resolver, workspace config), one per row.
class ProblemsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsModel)

public:
    enum Column { SeverityColumn, MessageColumn, FileColumn, LocationColumn, FieldColumn, EntityColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int (Core::Error::Severity)
        FilePathRole, // QString: the file as the core reported it (absolute or ":/...")
        LineRole, // int, 1-based, 0 when unknown
        ColumnRole, // int, 1-based, 0 when unknown
        EntityRefRole, // QString
        SortRole, // a value that sorts each column sensibly
    };

    explicit ProblemsModel(QObject *parent = nullptr);
    ~ProblemsModel() override;

    // `workspaceRoot` shortens file names for display.
    void setProblems(const Core::ErrorList &problems, const QString &workspaceRoot);
    [[nodiscard]] const Core::ErrorList &problems() const { return m_problems; }
    [[nodiscard]] const Core::Error &problem(int row) const { return m_problems.at(row); }
    [[nodiscard]] int count(Core::Error::Severity severity) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    Core::ErrorList m_problems;
    QString m_root;
};

} // namespace Portolan::Ui
