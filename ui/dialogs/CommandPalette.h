#pragma once

#include "catalog/Catalog.h"

#include <QDialog>
#include <QIcon>

#include <functional>

class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace Portolan::Ui {

// Ctrl+K: jump to any entity, page or action by typing a few letters. Commands (pages, menu entries, actions)
// match on every word typed; entities come from the catalog's own search, names that start with the text first.
// Up and Down choose, Enter runs, Esc closes.
class CommandPalette final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)

public:
    struct Command
    {
        QString text;
        QString detail; // "Page", "Menu", "Action", or where the command lives
        QIcon icon;
        std::function<void()> run;
    };
    // `openEntity` gets the ref of the entity chosen.
    CommandPalette(QList<Command> commands, Core::Catalog::Ptr catalog, std::function<void(const QString &)> openEntity,
                   QWidget *parent = nullptr);
    ~CommandPalette() override;

    [[nodiscard]] QLineEdit *input() const { return m_input; }
    [[nodiscard]] QListWidget *list() const { return m_list; }
    // Runs the chosen row's command and closes.
    void runCurrent();

    static constexpr int maxEntities = 50;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update(const QString &text);

    QList<Command> m_commands;
    Core::Catalog::Ptr m_catalog;
    std::function<void(const QString &)> m_openEntity;
    QLineEdit *m_input;
    QListWidget *m_list;
};

} // namespace Portolan::Ui
