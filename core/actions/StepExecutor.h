#pragma once

#include "actions/ActionRun.h"
#include "approvals/Approval.h"
#include "util/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Portolan::Core {

class Clock;
class Catalog;
struct Entity;

// Who runs an action, as the catalog knows them.
struct ActionUser
{
    QString entityRef; // "user:default/jdoe"; empty when the catalog has no such user
    QString login; // the platform login (GitHub) or the OS user name
    QString displayName;
    QString email;
    QStringList groups; // entity refs of the groups the user is a member of, directly or through parents
    QJsonObject entity; // the User entity's envelope, when the catalog has it

    // `user` in templates, as Backstage gives it: {ref, entity: the User envelope (a minimal one with
    // metadata.name = login when the catalog does not know the user)}, plus login, displayName, email and groups.
    [[nodiscard]] QJsonObject toJson() const;
};

// A descriptor location that a `catalog:register` step adds to the catalog.
struct RegisteredLocation
{
    QString url; // a git repository URL (or a local folder)
    QString branch;
    QString path; // the descriptor file in the repository
    QStringList entityRefs; // what it holds, read from the published files
};

// Where the steps of a run reach the platform, and with which credentials. Built on the GUI thread (or by the CLI)
// before a run starts; read-only while it runs.
struct ActionEnvironment
{
    QString workspaceRoot;
    QString dataDirectory; // the user's data folder for this workspace; runs keep their work folders under it
    // Secrets by workspace credential name, read from the keychain (or the environment for the CLI) for this run
    // only; never stored, logged or shown.
    QHash<QString, QString> secrets;
    QString defaultGitHubCredential; // the credential of the workspace's first github source
    QString gitHubApiUrl = QStringLiteral("https://api.github.com"); // of that source (GitHub Enterprise, tests)
    QString kubeconfig; // empty: $KUBECONFIG or ~/.kube/config
    const Clock *clock = nullptr; // nullptr: the system clock
    ActionUser user;
    QJsonObject variables; // portolan.yaml `actions.variables`: `${{ workspace.<name> }}` in templates
    // A `catalog:register` step registers a location (a git repository, branch and descriptor path) as one of the
    // user's own sources, so the catalog reads it at once and on every sync after. Returns the source id, or why
    // not. Unset: registration is not possible here (the step fails saying so).
    std::function<Result<QString>(const RegisteredLocation &location)> registerLocation;

    // Approvals (ApprovalChannel): the repository where requests are written and answered, as `local:NAME` or a git
    // URL; and the catalog that says who may approve (groups' members, an entity's owners, whose email a commit has).
    QString approvalsRepository = QStringLiteral("local:approvals");
    std::shared_ptr<const Catalog> catalog;

    // The folder of a `local:NAME` repository: a bare git repository in the data folder that publish:gitops makes on
    // first use, so a workspace can try its actions without a git server (the demo does).
    [[nodiscard]] QString localRepository(const QString &name) const;
    // A repository as git is given it: `local:NAME` as localRepository(NAME), anything else as it is.
    [[nodiscard]] QString repositoryUrl(const QString &repository) const;
};

// What a step will do, for the review page and --dry-run: exactly what is sent where.
struct StepPreview
{
    QString method; // "POST", "git push", "server-side apply", "register"
    QString target; // a URL, a repository and branch, a cluster context and object
    QString body; // the payload as it will be sent (secrets masked), or the files and their content
    QStringList notes; // "A pull request is opened against main", "Signed with HMAC-SHA256"
};

// Everything one attempt of one step gets.
struct StepContext
{
    QString runKey; // the run's idempotency key
    QString stepId;
    int attempt = 1; // more than 1 when a run is resumed after a restart or retried
    QJsonObject input; // rendered
    QJsonObject state; // what an earlier attempt saved with saveState(); empty on the first attempt
    QString workDirectory; // the run's own folder (fetch:template writes here, publish:gitops reads from it)
    QString templateDirectory; // the template's folder, for relative urls
    const ActionEnvironment *environment = nullptr;
    const std::atomic_bool *cancel = nullptr;
    std::function<void(const QString &line)> log; // a log line (secret values are masked by the runner)
    // Persists `state` before returning. An executor calls it before it sends anything that must not be sent
    // twice, and with whatever identifies what it made (a run id, a PR number), so a resumed attempt reconciles
    // instead of submitting again.
    std::function<void(const QJsonObject &state)> saveState;

    [[nodiscard]] bool cancelled() const { return cancel && cancel->load(); }
    [[nodiscard]] QString secret(const QString &credential) const;
};

struct StepResult
{
    QJsonObject output; // ${{ steps.<id>.output.<name> }}
    QList<RunLink> links; // shown on the run; kinds "workflow-run" and "pull-request" are followed afterwards
    QJsonObject state; // kept for following the links (refresh())
};

// One kind of step action. Executors run on the runner's worker thread, one step at a time, and may block (a
// worker thread has no GUI to freeze); network code spins a local event loop (BlockingHttp). They poll
// `context.cancel` while waiting.
class StepExecutor
{
public:
    virtual ~StepExecutor() = default;

    [[nodiscard]] virtual QString action() const = 0; // "publish:gitops"
    [[nodiscard]] virtual QString description() const = 0; // one line for `portolan-cli action list` and docs
    // Problems of rendered input found before anything is sent (missing or wrongly typed fields, unknown
    // credential), each naming the field (`input.url`).
    [[nodiscard]] virtual ErrorList check(const QJsonObject &input, const ActionEnvironment &environment) const = 0;
    [[nodiscard]] virtual StepPreview preview(const QJsonObject &input, const ActionEnvironment &environment) const = 0;
    // Renders one top-level field of the step's input (`${{ }}` over `context`). The default renders every string
    // as plain text, keeping a lone placeholder's type (TemplateExpression::renderValue). Executors override it for
    // fields whose values land in a file, a URL or a manifest, to escape each value for that target.
    [[nodiscard]] virtual Result<QJsonValue> renderInput(const QString &field, const QJsonValue &value,
                                                         const QJsonObject &context) const;
    // Runs the step. With a non-empty `context.state` an earlier attempt was cut off: find what it made and carry
    // on from there instead of submitting again.
    [[nodiscard]] virtual Result<StepResult> run(StepContext &context) = 0;
    // The current state of what the step made, for links that are followed (a workflow run's status, a pull
    // request's state). `links` are the step's links (RunLink::stepId); returns them with `state` updated. The
    // default has nothing to follow and returns them as they are.
    [[nodiscard]] virtual Result<QList<RunLink>> refresh(const StepRecord &step, QList<RunLink> links,
                                                         const ActionEnvironment &environment,
                                                         const std::atomic_bool *cancel);
    // A change the step made that waits for approval (publish:gitops pushed a request branch): the decisions the
    // platform holds on it, for ApprovalRequest's decisions, each with a `via` that names it for good. On a plain
    // git remote: the merge of the request branch (by its committer). On GitHub: each reviewer's latest review of the
    // pull request that approves or requests changes (with their login), and its merge. The default: no change.
    [[nodiscard]] virtual Result<QList<ApprovalDecision>>
    changeDecisions(const StepRecord &step, const ActionEnvironment &environment, const std::atomic_bool *cancel);
    // An approver's decision on such a change, made on the platform as the signed-in user (on GitHub: a review of the
    // pull request from the request's branch, which branch protection counts); returns what was done, for people.
    // Unsupported where the platform has no review of its own (a plain git remote). `request` is all an approver's
    // desktop knows of the run (changeRepo, changeBranch, changeHead). The default: Unsupported.
    [[nodiscard]] virtual Result<QString> reviewChange(const ApprovalRequest &request,
                                                       const ActionEnvironment &environment, bool approve,
                                                       const QString &comment, const std::atomic_bool *cancel);
    // Lands the step's change once it is approved (merges the request branch); returns what it did, for the log.
    [[nodiscard]] virtual Result<QString> landApproved(const StepRecord &step, const ActionEnvironment &environment,
                                                       const std::atomic_bool *cancel);
    // Cancels what the step started on the platform (a workflow run), where the platform allows it.
    // A review the platform waits for while the step runs (github:actions:dispatch: the workflow run's pending
    // deployments to protected environments, saved in the step's state as "pendingDeployments"): approves or rejects
    // them with a comment, as the signed-in user. The default: nothing waits for a review here.
    [[nodiscard]] virtual Result<void> reviewPending(const StepRecord &step, const ActionEnvironment &environment,
                                                     bool approve, const QString &comment,
                                                     const std::atomic_bool *cancel);
    [[nodiscard]] virtual bool canCancel() const { return false; }
    [[nodiscard]] virtual Result<void> cancel(const StepRecord &step, const ActionEnvironment &environment);
};

// The executors Portolan runs, by action name.
class StepExecutorRegistry final
{
public:
    StepExecutorRegistry(); // every built-in executor
    void add(std::unique_ptr<StepExecutor> executor); // replaces one of the same action

    [[nodiscard]] StepExecutor *find(const QString &action) const;
    [[nodiscard]] QStringList actions() const; // sorted
    [[nodiscard]] QList<const StepExecutor *> executors() const;

private:
    QHash<QString, std::shared_ptr<StepExecutor>> m_executors;
};

} // namespace Portolan::Core
