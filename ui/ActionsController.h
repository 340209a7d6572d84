#pragma once

#include "actions/ActionGuards.h"
#include "actions/ActionRunner.h"
#include "actions/ActionTemplate.h"
#include "catalog/Catalog.h"
#include "config/Workspace.h"
#include "live/LiveTypes.h"
#include "scorecards/ScorecardEngine.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace Portolan::Core {
class TokenStore;
class StepExecutorRegistry;
} // namespace Portolan::Core

namespace Portolan::Ui {

// Self-service actions on the GUI side. Reads the catalog's templates, knows who the user is ("act as"), checks
// guardrails, and runs actions on worker threads (one per run, so a workflow that takes an hour does not hold up a
// quick webhook), each with its own cache connection, through Core::ActionRunner. Runs are stored before anything
// is sent; their changes arrive here as snapshots (runChanged). On start, runs a killed process left unfinished are
// resumed; links that can still change (workflow runs, pull requests) are followed by polling.
class ActionsController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsController)

public:
    // `cachePath` is the workspace's cache (runs are kept there); empty: runs are not kept (tests of the lists only).
    ActionsController(Core::Workspace workspace, QString cachePath, Core::TokenStore *tokens = nullptr,
                      QObject *parent = nullptr);
    ~ActionsController() override;

    void setCatalog(const Core::Catalog::Ptr &catalog);
    // The live data as last read: firing alerts in it start alertFiring automations.
    void setLive(const Core::LiveSnapshot::Ptr &live);
    void setScores(const Core::ScorecardResults::Ptr &scores);
    void setWorkspace(const Core::Workspace &workspace);
    // Whom to act as: a user entity ref, or empty for this machine's hints (PORTOLAN_USER, git email, login).
    void setIdentity(const QString &userRef);
    [[nodiscard]] QString identity() const { return m_identity; }

    [[nodiscard]] const QList<Core::ActionTemplate> &actions() const { return m_actions; }
    [[nodiscard]] const Core::ActionTemplate *action(const QString &id) const;
    [[nodiscard]] const Core::ActionUser &user() const { return m_user; }
    // The user the environment names (PORTOLAN_USER, git's e-mail, the login), whoever "act as" chose.
    [[nodiscard]] const Core::ActionUser &detectedUser() const { return m_detected; }
    [[nodiscard]] const Core::Catalog::Ptr &catalog() const { return m_catalog; }
    [[nodiscard]] const Core::Workspace &workspace() const { return m_workspace; }
    [[nodiscard]] Core::GuardCheck check(const Core::ActionTemplate &action, const Core::Entity *target) const;
    // The environment a run gets (secrets not included).
    [[nodiscard]] Core::ActionEnvironment environment() const;
    [[nodiscard]] const Core::StepExecutorRegistry &executors() const { return *m_executors; }

    // The steps as they would run: answered by planReady with the returned id (executors may read files).
    int requestPlan(const Core::ActionTemplate &action, const Core::ActionSubmission &submission);
    // Stores and runs. The same submission key twice is one run (a double click, a retry): the second call only
    // brings that run back through runChanged.
    void start(const Core::ActionTemplate &action, const Core::ActionSubmission &submission);
    // Stops a running run between steps (and cancels what it started on the platform where it can).
    void cancel(qint64 runId);
    // Reads the stored runs (newest first): answered by runsLoaded.
    void loadRuns();
    // Asks the platform for the state of the runs' open links now (also done every `followSeconds`).
    void refreshLinks();
    void setFollowInterval(int seconds);
    [[nodiscard]] const QList<Core::ActionRun> &runs() const { return m_runs; }
    [[nodiscard]] bool isRunning(qint64 runId) const { return m_cancels.contains(runId); }
    void waitForIdle(); // tests and shutdown

    // Approvals. The requests of the workspace's approvals repository (every desktop's), read on a worker every
    // `followSeconds` and after a decision: answered by approvalsChanged. Runs of this desktop that wait at their
    // approval gate are checked at the same pace and go on once approved.
    void refreshApprovals();
    [[nodiscard]] const QList<Core::ApprovalRequest> &approvals() const { return m_approvals; }
    // Records this user's decision on a request (an approval commit signed with their catalog email): answered by
    // decisionRecorded or decisionFailed, then a fresh approvalsChanged.
    void decide(const QString &runKey, bool approve, const QString &comment);
    // Goes on with this desktop's runs that wait for approval (each checks its request once).
    void checkWaitingRuns();

    // Automations (automations/*.yaml) run here while the app is open: every minute (and once the catalog is read)
    // the schedule and TTL events that came due are run on a worker thread, each under a lease shared with other
    // desktops and `portolan-cli automations run`. Their runs come through runChanged and runFinished like any other.
    void checkAutomations();
    // A round is running, or one is asked for and about to start.
    [[nodiscard]] bool automationsPending() const
    {
        return m_automationsRunning || m_automationsAgain || !m_automationInput.isEmpty();
    }
    void setAutomationsEnabled(bool enabled);
    void setAutomationInterval(int seconds);

Q_SIGNALS:
    void actionsChanged();
    void userChanged(const Portolan::Core::ActionUser &user);
    void planReady(int requestId, const QList<Portolan::Core::PlannedStep> &plan);
    void runChanged(const Portolan::Core::ActionRun &run);
    void runsLoaded(const QList<Portolan::Core::ActionRun> &runs);
    // A run could not be stored or started (nothing was sent).
    void startFailed(const QString &key, const QString &message);
    void runFinished(const Portolan::Core::ActionRun &run);
    // A catalog:register step added a source; the session reads it now.
    void sourceRegistered(const QString &sourceId);
    // A round of automations ended: how many events were due, how many this app ran, and the problems (automation
    // files, leases, actions that could not start), for the Problems panel and the log.
    void automationsChecked(int due, int ran, const Portolan::Core::ErrorList &problems);
    void approvalsChanged(const QList<Portolan::Core::ApprovalRequest> &requests);
    // The approvals repository could not be read (the list keeps what was read last).
    void approvalsFailed(const QString &message);
    void decisionRecorded(const QString &runKey, bool approved);
    void decisionFailed(const QString &runKey, const QString &message);

private:
    void rebuild();
    void resumeUnfinished();
    void execute(const Core::ActionTemplate &action, qint64 runId, const QJsonObject &parameters,
                 const QHash<QString, QString> &secrets);
    void withSecrets(std::function<void(QHash<QString, QString>)> then);
    void takeRun(const Core::ActionRun &run);
    // For a worker: hands each new state of a run to takeRun on this thread.
    std::function<void(const Core::ActionRun &)> runChangedCallback();

    Core::Workspace m_workspace;
    QString m_cachePath;
    Core::TokenStore *m_tokens;
    std::unique_ptr<Core::StepExecutorRegistry> m_executors;
    Core::Catalog::Ptr m_catalog;
    Core::ScorecardResults::Ptr m_scores;
    QList<Core::ActionTemplate> m_actions;
    Core::ActionUser m_user;
    Core::ActionUser m_detected;
    QString m_identity;
    QList<Core::ActionRun> m_runs;
    QHash<qint64, std::shared_ptr<std::atomic_bool>> m_cancels; // runs executing now
    std::shared_ptr<std::atomic_bool> m_interrupt = std::make_shared<std::atomic_bool>(false); // closing
    QSet<QString> m_starting; // submission keys being stored
    bool m_resumed = false;
    int m_nextPlan = 0;
    QThreadPool m_pool;
    QThreadPool m_followPool;
    QTimer m_follow;
    QThreadPool m_automationPool; // one round at a time
    QTimer m_automationTimer;
    QSet<QString> m_settledEvents; // automation events this app ran or saw done (by anyone)
    // What the app saw happen since the last round, for entity, scorecard and run triggers.
    struct AutomationInput
    {
        QList<std::pair<Core::Catalog::Ptr, Core::Catalog::Ptr>> catalogs;
        QList<std::pair<Core::ScorecardResults::Ptr, Core::ScorecardResults::Ptr>> scores;
        QList<Core::ActionRun> runs;
        Core::LiveSnapshot::Ptr live; // the newest, when it has firing alerts
        [[nodiscard]] bool isEmpty() const { return catalogs.isEmpty() && scores.isEmpty() && runs.isEmpty() && !live; }
    };
    AutomationInput m_automationInput;
    void queueAutomationInput(const std::function<void(AutomationInput &)> &add);
    bool m_automationsEnabled = true;
    bool m_automationsRunning = false;
    bool m_automationsAgain = false; // asked for while a round ran: another one follows it
    // This desktop's runs that wait for a review on the platform (GitHub environment protection), as requests.
    [[nodiscard]] QList<Core::ApprovalRequest> platformReviews() const;
    void publishApprovals();
    void reviewOnPlatform(const Core::ApprovalRequest &request, bool approve, const QString &comment);

    QList<Core::ApprovalRequest> m_approvals; // the approvals repository's, and this desktop's reviews on GitHub
    QList<Core::ApprovalRequest> m_channelApprovals; // as last read from the approvals repository
    QSet<QString> m_reviewKeys; // runs of this desktop waiting for a review on the platform
    bool m_approvalsReading = false;
    bool m_approvalsAgain = false;
};

} // namespace Portolan::Ui

Q_DECLARE_METATYPE(QList<Portolan::Core::PlannedStep>)
Q_DECLARE_METATYPE(QList<Portolan::Core::ActionRun>)
Q_DECLARE_METATYPE(QList<Portolan::Core::ApprovalRequest>)
