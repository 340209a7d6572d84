#pragma once

#include "catalog/Catalog.h"

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QListWidget;
class QProgressBar;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace Portolan::Ui {

class CatalogPage;
class ProblemsPanel;
class WorkspaceSession;

// The main window: a sidebar of pages (Catalog, Graph, Scorecards, Actions, Runs, Inbox), the Problems panel
// docked at the bottom and a status bar with the cache state, the last sync of each source, the entity count,
// the progress of a running read (with Cancel) and the problem count.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Page {
        CatalogPageIndex,
        GraphPageIndex,
        ScorecardsPageIndex,
        ActionsPageIndex,
        RunsPageIndex,
        InboxPageIndex
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace folder (or ":/demo") with its cache under Paths::dataDir(). Shows a message and
    // returns false when the folder cannot be opened; the current workspace then stays.
    bool openWorkspace(const QString &dir);
    void openDemoWorkspace();
    void reload();
    void showPage(Page page);
    void showProblems();

    [[nodiscard]] WorkspaceSession *session() const { return m_session.get(); }
    [[nodiscard]] CatalogPage *catalogPage() const { return m_catalogPage; }
    [[nodiscard]] ProblemsPanel *problemsPanel() const { return m_problemsPanel; }
    [[nodiscard]] QDockWidget *problemsDock() const { return m_problemsDock; }

    // Opens the in-app file viewer at a line; `message` describes the problem there, if any.
    void openFileViewer(const QString &file, int line, int column, const QString &message = {}, bool isError = true);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void chooseWorkspaceFolder();
    void onCatalogChanged(const Core::Catalog::Ptr &catalog, bool fromCache);
    void onBusyChanged(bool busy);
    void onProgress(int done, int total, const QString &phase);
    void onFailed(const Core::Error &error);
    void updateStatus();
    void updateProblemsButton();
    void showAbout();

    std::unique_ptr<WorkspaceSession> m_session;
    QListWidget *m_sidebar;
    QLabel *m_workspaceName;
    QLabel *m_workspaceHint;
    QStackedWidget *m_pages;
    CatalogPage *m_catalogPage;
    QDockWidget *m_problemsDock;
    ProblemsPanel *m_problemsPanel;
    QLabel *m_cacheStatus;
    QLabel *m_sourceStatus;
    QLabel *m_entityCount;
    QLabel *m_phase;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QToolButton *m_problemsButton;
    QAction *m_reloadAction = nullptr;
    QTimer *m_clock;
    QString m_lastFailure;
};

} // namespace Portolan::Ui
