#include "ProblemsFilterModel.h"

#include "ProblemsModel.h"

namespace Portolan::Ui {

ProblemsFilterModel::ProblemsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ProblemsModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

ProblemsFilterModel::~ProblemsFilterModel() = default;

void ProblemsFilterModel::setSeverityShown(Core::Error::Severity severity, bool shown)
{
    const auto i = std::size_t(severity);
    if (i >= m_shown.size() || m_shown[i] == shown) {
        return;
    }
    m_shown[i] = shown;
    invalidateRowsFilter();
}

bool ProblemsFilterModel::isSeverityShown(Core::Error::Severity severity) const
{
    const auto i = std::size_t(severity);
    return i < m_shown.size() && m_shown[i];
}

void ProblemsFilterModel::setText(const QString &text)
{
    setFilterFixedString(text.trimmed());
}

bool ProblemsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto severity = std::size_t(idx.data(ProblemsModel::SeverityRole).toInt());
    if (severity < m_shown.size() && !m_shown[severity]) {
        return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace Portolan::Ui
