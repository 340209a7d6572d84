#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;
class QVBoxLayout;

namespace Portolan::Ui {

class ActionsController;
class Banner;
class ChipList;
class SearchField;

// The Actions page: every self-service action of the workspace, searchable and grouped by category, with the
// selected action's details (what it does step by step, its guardrails, why it is blocked for you and what would
// unblock it) and a Start button that opens its wizard. "Act as" picks the catalog user the guardrails check.
class ActionsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsPage)

public:
    explicit ActionsPage(QWidget *parent = nullptr);
    ~ActionsPage() override;

    void setController(ActionsController *controller);
    void selectAction(const QString &id);
    [[nodiscard]] QString selectedActionId() const;
    void setSearchText(const QString &text);
    [[nodiscard]] int visibleActionCount() const;

Q_SIGNALS:
    // Open the wizard of this action (entityRef empty: a global start).
    void startRequested(const QString &actionId, const QString &entityRef);
    void fileRequested(const QString &file, int line, int column);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void showDetails();
    void fillUsers();

    QPointer<ActionsController> m_controller;
    SearchField *m_search;
    QComboBox *m_actAs;
    QList<QPair<QString, QString>> m_users; // what m_actAs lists: (shown name, entity ref), "me" first
    bool m_usersStale = false; // the catalog changed while the page was hidden: fill the list when it shows
    QLabel *m_userNote;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_list;
    QWidget *m_details;
    QLabel *m_title;
    QLabel *m_description;
    ChipList *m_chips;
    Banner *m_blocked;
    QLabel *m_steps;
    QLabel *m_guards;
    QLabel *m_problems;
    QPushButton *m_start;
    QLabel *m_empty;
};

} // namespace Portolan::Ui
