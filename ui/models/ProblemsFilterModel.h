#pragma once

#include "util/Error.h"

#include <QSortFilterProxyModel>

namespace Portolan::Ui {

// Filters ProblemsModel by severity and by text (any column) and sorts it. Problem lists are small, so a
// proxy is fine here.
class ProblemsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsFilterModel)

public:
    explicit ProblemsFilterModel(QObject *parent = nullptr);
    ~ProblemsFilterModel() override;

    void setSeverityShown(Core::Error::Severity severity, bool shown);
    [[nodiscard]] bool isSeverityShown(Core::Error::Severity severity) const;
    void setText(const QString &text);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::array<bool, 3> m_shown{true, true, true};
};

} // namespace Portolan::Ui
