#pragma once

#include "actions/ActionRun.h"
#include "actions/ActionTemplate.h"
#include "actions/RunStore.h"
#include "actions/StepExecutor.h"

#include <atomic>
#include <functional>

namespace Portolan::Core {

// What the user asked for: an action, its parameters as entered (secret values included, in memory only), and the
// entity it was started on.
struct ActionSubmission
{
    QString key; // idempotency key; made once per wizard (or per CLI call) so a repeated submit is the same run
    QJsonObject parameters;
    QStringList secretFields; // parameter paths whose values are masked in everything stored or shown
    QString entityRef;
    bool dryRun = false;
    QJsonObject trigger; // an automation's event (ActionRun::trigger); empty when a person started it
};

// One step as it will run, for the review page and --dry-run.
struct PlannedStep
{
    QString id;
    QString name;
    QString action;
    bool skipped = false; // its `if` is false with these parameters
    bool waitsForEarlierSteps = false; // its input uses ${{ steps.* }}: shown as written until they ran
    QJsonObject input; // rendered as far as possible, secret values masked
    StepPreview preview;
    ErrorList problems; // rendering and the executor's check()
};

// Runs actions: renders each step's input from the parameters and the earlier steps' outputs, hands it to the
// step's executor and records everything in the RunStore as it happens. Blocking: call it on a worker thread (the
// app's actions thread, the CLI's main thread), with the cache connection of that thread.
//
// Guarantees, in order of importance:
// - Nothing is submitted twice. A run is stored under its idempotency key before its first step starts; submitting
//   the same key again returns the stored run. A step that was cut off (the process killed, a timeout) is run again
//   with the state its executor saved before it sent anything, and the executor reconciles instead of resending.
// - Nothing is lost. Every status change, log line and output is saved as it happens; a failed step keeps its log
//   and says why; steps after it stay pending.
// - Secrets stay secret. Secret parameter values and credentials are replaced by *** in every stored or shown text
//   and never kept: a run resumed after a restart that still needs one fails with a message saying so.
class ActionRunner final
{
public:
    using Changed = std::function<void(const ActionRun &run)>;

    ActionRunner(CacheDatabase &database, const StepExecutorRegistry &executors, ActionEnvironment environment);

    [[nodiscard]] const ActionEnvironment &environment() const { return m_environment; }
    // Set while the process is closing: a step that stops because of it (the cancel flag is set too) stays running,
    // with its saved state, and the run is resumed at the next start instead of being marked cancelled.
    void setInterruptFlag(const std::atomic_bool *interrupt) { m_interrupt = interrupt; }

    // The steps as they would run with these parameters.
    [[nodiscard]] QList<PlannedStep> plan(const ActionTemplate &action, const ActionSubmission &submission) const;

    // Stores a new run for the submission (every step pending), or returns the run stored under the same key.
    [[nodiscard]] Result<RunStore::Inserted> submit(const ActionTemplate &action, const ActionSubmission &submission);

    // Runs the stored run `runId` from where it stands to its end. `secretParameters` are the submission's
    // parameters with their secret values (empty when resuming after a restart). `changed` gets a copy after every
    // change. Returns the run as it ended.
    [[nodiscard]] Result<ActionRun> execute(qint64 runId, const ActionTemplate &action,
                                            const QJsonObject &secretParameters = {},
                                            const std::atomic_bool *cancel = nullptr, const Changed &changed = {});

    // Asks the platform for the current state of the run's followed links (workflow runs, pull requests) and
    // stores it. Returns the run, changed or not.
    [[nodiscard]] Result<ActionRun> refreshLinks(qint64 runId, const std::atomic_bool *cancel = nullptr);
    // Cancels what the run started on the platform where it can, and marks the run cancelled.
    [[nodiscard]] Result<ActionRun> cancelOnPlatform(qint64 runId);

    // The rendering context: parameters, steps.<id>.output, user, run, secrets.
    [[nodiscard]] QJsonObject context(const ActionRun &run, const QJsonObject &parameters) const;
    [[nodiscard]] static QString mask(QString text, const QStringList &secrets);
    [[nodiscard]] static QJsonValue maskValue(const QJsonValue &value, const QStringList &secrets);
    [[nodiscard]] static QJsonObject maskParameters(const QJsonObject &parameters, const QStringList &secretFields);

    // Where a run of `action` waits for approval: before the step at this index (steps.size(): after the last). After
    // the first publish:gitops step in pull-request mode, whose request branch is the change to approve (approving
    // merges it); otherwise before the first step.
    [[nodiscard]] static qsizetype approvalGate(const ActionTemplate &action);
    // The approvals channel of an environment: its repository, with a clone in the data folder.
    [[nodiscard]] static std::unique_ptr<ApprovalChannel> approvalChannel(const ActionEnvironment &environment);
    // An approver's decision, as the signed-in user: a change waiting on GitHub (publish:gitops's pull request) is
    // reviewed there first, so the platform's own rules count it, as is a shared platform review (a deployment
    // waiting for its required reviewers); then the decision is written to the approvals repository, where every
    // desktop sees it. Returns what was done on the platform (empty when nothing). Blocking
    // (network and git): use on a worker thread.
    [[nodiscard]] static Result<QString> decide(const ActionEnvironment &environment, const ApprovalRequest &request,
                                                bool approve, const QString &comment, const QString &authorName,
                                                const QString &authorEmail, const std::atomic_bool *cancel = nullptr);

private:
    // Shares a review the platform waits for in a running step (StepExecutor::reviewPending) through the approvals
    // repository under ApprovalRequest::sharedReviewKey, so that its reviewers see it in their Inbox on any desktop
    // (with what they need to review it there); with `outcome`, closes that copy instead. Problems are only logged:
    // the review itself happens on the platform.
    void shareReview(const ActionRun &run, const StepRecord &step, const QString &outcome,
                     const std::atomic_bool *cancel);
    // The approval gate: writes the request on first reach, reads the decisions (and whether the change was merged by
    // an approver), and lands the change once approved. True: go on; false: the run is waiting, or stopped (rejected,
    // nobody can approve).
    [[nodiscard]] Result<bool> passApproval(ActionRun &run, const ActionTemplate &action, const StepRecord *change,
                                            const QJsonObject &parameters, const std::atomic_bool *cancel,
                                            const Changed &changed);
    [[nodiscard]] QStringList secretValues(const QJsonObject &parameters, const QStringList &secretFields) const;
    [[nodiscard]] Result<void> store(ActionRun &run, const Changed &changed);

    CacheDatabase &m_database;
    RunStore m_store;
    const StepExecutorRegistry &m_executors;
    ActionEnvironment m_environment;
    const std::atomic_bool *m_interrupt = nullptr;
};

} // namespace Portolan::Core
