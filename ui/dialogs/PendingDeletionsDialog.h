#pragma once

#include "sync/SyncTypes.h"

#include <QDialog>

class QLabel;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QStringListModel;

namespace Portolan::Ui {

class SearchField;

// A sync the deletion guard held back: which source, how many entities before and after, and the refs that would
// be removed and added, filterable. The user accepts the new data, rejects it (the last good data stays) or
// decides later; the dialog only reports the decision, the window passes it on to the sync engine.
class PendingDeletionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingDeletionsDialog)

public:
    enum class Decision { Later, Accept, Reject };

    explicit PendingDeletionsDialog(const Core::PendingDeletions &pending, QWidget *parent = nullptr);
    ~PendingDeletionsDialog() override;

    [[nodiscard]] const Core::PendingDeletions &pending() const { return m_pending; }
    [[nodiscard]] Decision decision() const { return m_decision; }
    void setFilterText(const QString &text);
    [[nodiscard]] int shownRemoved() const;
    [[nodiscard]] int shownAdded() const;

    [[nodiscard]] QPushButton *acceptButton() const { return m_accept; }
    [[nodiscard]] QPushButton *rejectButton() const { return m_reject; }
    [[nodiscard]] QPushButton *laterButton() const { return m_later; }

Q_SIGNALS:
    void decided(const QString &sourceId, Portolan::Ui::PendingDeletionsDialog::Decision decision);

private:
    void decide(Decision decision);
    void updateCounts();

    Core::PendingDeletions m_pending;
    Decision m_decision = Decision::Later;
    SearchField *m_filter;
    QStringListModel *m_removedModel;
    QStringListModel *m_addedModel;
    QSortFilterProxyModel *m_removedProxy;
    QSortFilterProxyModel *m_addedProxy;
    QLabel *m_removedLabel;
    QLabel *m_addedLabel;
    QListView *m_addedView;
    QPushButton *m_accept;
    QPushButton *m_reject;
    QPushButton *m_later;
};

} // namespace Portolan::Ui
