#pragma once

#include "approvals/Approval.h"
#include "catalog/Catalog.h"
#include "config/DeepLink.h"
#include "notify/Notification.h"
#include "sync/SyncTypes.h"

#include <QMainWindow>

#include <QJsonObject>
#include <QUrl>

#include <memory>

namespace Portolan::Core {
class TokenStore;
} // namespace Portolan::Core

class QDockWidget;
class QLabel;
class QListWidget;
class QProgressBar;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace Portolan::Ui {

class Banner;
class CatalogPage;
class CommandPalette;
class WelcomeDialog;
class PendingDeletionsDialog;
class ProblemsPanel;
class GraphPanel;
class ScorecardsController;
class ScorecardsPage;
class ActionsController;
class ActionsPage;
class DesktopNotifier;
class InboxPage;
class NotificationCenter;
class TrayIcon;
class RunsPage;
class SourcesPage;
class WorkspaceSession;

// The main window: a sidebar of pages (Catalog, Graph, Scorecards, Actions, Runs, Inbox, Sources), the Problems
// panel docked at the bottom, a banner over the pages when a sync was held back by the deletion guard, and a status
// bar with the cache state, the freshness of the sources (a click opens the Sources page), the entity count, the
// progress of running syncs (with Cancel) and the problem count.
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
        InboxPageIndex,
        SourcesPageIndex
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace folder (or ":/demo", or a git URL, whose repository the first sync clones; `branch` picks
    // its branch) with its cache under Paths::dataDir(). Shows a message and returns false when the workspace
    // cannot be opened; the current workspace then stays.
    bool openWorkspace(const QString &dir, const QString &branch = {});
    void openDemoWorkspace();
    void reload();
    void showPage(Page page);
    void showProblems();

    [[nodiscard]] WorkspaceSession *session() const { return m_session.get(); }
    [[nodiscard]] CatalogPage *catalogPage() const { return m_catalogPage; }
    [[nodiscard]] SourcesPage *sourcesPage() const { return m_sourcesPage; }
    [[nodiscard]] GraphPanel *graphPage() const { return m_graphPage; }
    [[nodiscard]] ScorecardsPage *scorecardsPage() const { return m_scorecardsPage; }
    [[nodiscard]] ScorecardsController *scorecards() const { return m_scorecards.get(); }
    [[nodiscard]] ActionsController *actions() const { return m_actions.get(); }
    [[nodiscard]] ActionsPage *actionsPage() const { return m_actionsPage; }
    [[nodiscard]] RunsPage *runsPage() const { return m_runsPage; }
    [[nodiscard]] InboxPage *inboxPage() const { return m_inboxPage; }
    // Notifications of the open workspace; null before one is open.
    [[nodiscard]] NotificationCenter *notifications() const { return m_notifications.get(); }
    [[nodiscard]] DesktopNotifier *notifier() const { return m_notifier; }
    [[nodiscard]] TrayIcon *trayIcon() const { return m_tray; }
    // The approval requests as last read, for the Inbox and the notifications (the approvals controller calls it).
    void takeApprovals(const QList<Core::ApprovalRequest> &requests, const QString &userRef);
    // Opens what a notification is about (and the window, when it is in the tray).
    void openNotificationTarget(const Core::NotificationTarget &target);
    // Shows and raises the window; with unread notifications, on the Inbox (a click on the tray icon).
    void showFromTray();
    // --tray (start at login): stays in the tray when there is one; false when there is none (show the window).
    bool startInTray();
    // Quits for good, also when the window would stay in the tray.
    void quit();
    // Opens what a portolan:// link points at: an entity's page, an action's wizard, a run on the Runs page. One
    // the workspace cannot follow (no such entity, action or run) says so in a message; one that arrives before
    // the catalog or the run history is read waits for it.
    void openDeepLink(const Core::DeepLink &link);
    // The first start's welcome (Help › Welcome): the demo, a folder or a repository to clone, and the desktop's
    // keychain, tray and notifications checked.
    WelcomeDialog *showWelcome();
    // Ctrl+K: the command palette, over every page, menu entry, action and entity (closes itself when used).
    CommandPalette *openCommandPalette();
    // Help › User Guide: the installed guide, the source tree's beside a build, or the project site's.
    [[nodiscard]] static QUrl userGuideUrl();
    // The arguments of a launch, this one's or a later one's the single instance was handed: portolan:// links
    // and workspace folders (paths, file:// URLs, git URLs); relative paths are read against `workingDirectory`.
    void handleArguments(const QStringList &arguments, const QString &workingDirectory);
    // Opens an action's wizard (non-modal), pre-filled with `initial` and, for an entity's action, the entity.
    void openActionWizard(const QString &actionId, const QString &entityRef = {}, const QJsonObject &initial = {});
    [[nodiscard]] Banner *pendingBanner() const { return m_pendingBanner; }
    // Opens the review of the sync held back for this source (non-modal); null when none is held back.
    PendingDeletionsDialog *reviewPendingDeletions(const QString &sourceId);
    [[nodiscard]] ProblemsPanel *problemsPanel() const { return m_problemsPanel; }
    [[nodiscard]] QDockWidget *problemsDock() const { return m_problemsDock; }

    // Opens the in-app file viewer at a line; `message` describes the problem there, if any.
    void openFileViewer(const QString &file, int line, int column, const QString &message = {}, bool isError = true);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void chooseWorkspaceFolder();
    void onCatalogChanged(const Core::Catalog::Ptr &catalog, bool fromCache);
    // Hands the catalog to the controllers behind the pages (scorecards, actions, notifications), one per turn of
    // the event loop: together they took up to 60 ms of the GUI thread at 100k entities, a frame the window could
    // not paint in; one by one, the window paints between them.
    void followCatalog();
    void onBusyChanged(bool busy);
    void onProgress(int done, int total, const QString &phase);
    void onFailed(const Core::Error &error);
    void onPendingDeletionsChanged(const QList<Core::PendingDeletions> &pending);
    void updateStatus();
    void updateSourceStatus();
    void updateProblemsButton();
    void showAbout();
    void showPreferences();
    void updateSidebarPalette();
    void openUserGuide();
    void showLinkProblem(const QString &message);
    void setUpTray();
    void updateUnread();
    [[nodiscard]] bool keepsRunningInTray() const;

    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<ScorecardsController> m_scorecards; // of the session's workspace
    std::unique_ptr<Core::TokenStore> m_tokens; // secrets for action runs
    std::unique_ptr<ActionsController> m_actions; // of the session's workspace
    QWidget *m_sidebarPanel = nullptr;
    QListWidget *m_sidebar;
    QLabel *m_workspaceName;
    QLabel *m_workspaceHint;
    QStackedWidget *m_pages;
    CatalogPage *m_catalogPage;
    GraphPanel *m_graphPage;
    ScorecardsPage *m_scorecardsPage;
    ActionsPage *m_actionsPage;
    RunsPage *m_runsPage;
    InboxPage *m_inboxPage;
    SourcesPage *m_sourcesPage;
    Banner *m_pendingBanner;
    QString m_pendingSourceId; // the source the banner is about
    QStringList m_dismissedPending; // "Decide later": not shown again until that source's pending sync changes
    QDockWidget *m_problemsDock;
    ProblemsPanel *m_problemsPanel;
    QLabel *m_cacheStatus;
    QToolButton *m_sourceStatus;
    QLabel *m_entityCount;
    QLabel *m_phase;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QToolButton *m_problemsButton;
    QAction *m_reloadAction = nullptr;
    QTimer *m_clock;
    QString m_lastFailure;
    std::unique_ptr<NotificationCenter> m_notifications; // of the session's workspace
    Core::Catalog::Ptr m_followedCatalog; // the catalog followCatalog() is handing on
    int m_nextFollower = 0; // the controller it goes to next (0: scorecards, 1: actions, 2: notifications)
    bool m_followingFromCache = false; // that catalog came from the cache: the session hears when it is followed
    bool m_hadCache = false; // the workspace's cache file existed when it was opened
    DesktopNotifier *m_notifier;
    TrayIcon *m_tray;
    bool m_quitting = false;
};

} // namespace Portolan::Ui
