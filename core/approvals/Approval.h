#pragma once

#include "util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace Portolan::Core {

class Catalog;
struct ActionRun;
struct Entity;

// Who must approve an action before it does anything lasting, from the template's annotations:
//   portolan.dev/approvers: "group:default/platform, user:default/mei.lin, owners"   (owners: the target's owners)
//   portolan.dev/approval: any | all   (any one of them, or one from each; default any)
//   portolan.dev/approval-when: ${{ parameters.by != '4h' }}   (only then; default always)
struct ApprovalRule
{
    enum class Mode { Any, All };

    QStringList approvers; // entity refs of users and groups (kind and namespace defaulted), and "owners"
    Mode mode = Mode::Any;
    QString when; // a condition over the run's parameters; empty: always

    [[nodiscard]] bool isRequired() const { return !approvers.isEmpty(); }
    [[nodiscard]] static QString modeName(Mode mode); // "any", "all"
};

// One approver's answer.
struct ApprovalDecision
{
    QString approver; // the user entity ref the commit's author (or the reviewer) maps to; empty when none
    QString approverName; // as the platform gave it: the commit author's name, the reviewer's login
    QString email; // the commit author's email
    QString login; // the platform account that decided (a GitHub reviewer's login); empty for git commits
    bool approved = false;
    QString comment;
    QDateTime at;
    QString via; // "commit 1a2b3c4d5e", "merge 1a2b3c4d5e", "review 80 of pull request #12"
    bool counts = false; // made by someone who may approve this request (not the requester, not a stranger)

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static ApprovalDecision fromJson(const QJsonObject &object);
};

// One requested approval, as every desktop sees it: written once by the requester's Portolan, then answered by
// approval commits of approvers (from their Portolan, or by hand with git). `eligible` lists, for each item of the
// rule, the users who can satisfy it: with mode any one decision from any list approves; with mode all each list
// needs one. A rejection by anyone eligible rejects.
struct ApprovalRequest
{
    enum class State { Pending, Approved, Rejected };

    QString runKey; // the run's idempotency key: the request's id everywhere
    QString templateId;
    QString title; // the action's title
    QString requester; // user entity ref (or login)
    QString requesterName;
    QString entityRef; // the entity the action was started on
    QDateTime requested;
    QString summary; // what happens once approved, for people ("Publish: git push to local:platform-config …")
    QJsonObject parameters; // as entered, secret values masked
    ApprovalRule rule;
    QList<QStringList> eligible; // per item of the rule: user entity refs
    QStringList itemLabels; // per item: "Platform team", "owners of component:default/shipment-service"
    // A change waiting on a request branch (publish:gitops in pull-request mode): merging it by an approver approves.
    QString changeRepo; // as the template wrote it (a git URL or local:NAME)
    QString changeBranch;
    QString changeBase;
    QString changeHead; // the commit the step pushed: found in the base's history once merged
    QString changeUrl; // the pull request's page, where the platform has one (GitHub): its review approves
    QList<ApprovalDecision> decisions; // oldest first
    QString outcome; // the requester's close: "proceeded", "rejected", "cancelled"; empty while open
    QDateTime closed;
    QString head; // the request branch's head commit when read
    // A review the platform itself waits for (GitHub environment protection of a dispatched workflow run): decided
    // there (on GitHub, or by Portolan as the signed-in user), not in the approvals repository.
    QString reviewUrl; // the workflow run's page
    QString reviewStep; // the step that waits
    // What another desktop needs to review it through the platform's API: the step's action and the state it saved
    // (the workflow run's owner, repository and id). Set on the copy shared through the approvals repository, whose
    // key is sharedReviewKey(runKey, step).
    QString reviewAction;
    QJsonObject reviewState;
    [[nodiscard]] bool onPlatform() const { return !reviewUrl.isEmpty(); }
    // The key of a platform review's copy in the approvals repository (a run's own approval request has its key).
    [[nodiscard]] static QString sharedReviewKey(const QString &runKey, const QString &stepId);
    // The run key of such a copy, or empty when `key` is not one.
    [[nodiscard]] static QString runKeyOfSharedReview(const QString &key);

    [[nodiscard]] State state() const; // from the decisions that count, by the rule
    [[nodiscard]] bool isOpen() const { return outcome.isEmpty(); }
    [[nodiscard]] bool mayDecide(const QString &userRef) const; // eligible and not the requester
    // Waiting for this user: open, pending, they may decide and have not yet.
    [[nodiscard]] bool awaits(const QString &userRef) const;
    [[nodiscard]] const ApprovalDecision *decisionOf(const QString &userRef) const;
    // The decisions that count, with `counts` set: every decision by an eligible user other than the requester.
    void weigh();

    [[nodiscard]] QJsonObject toJson() const; // request.json, and ActionRun::approval
    [[nodiscard]] static ApprovalRequest fromJson(const QJsonObject &object);
    [[nodiscard]] static QString stateName(State state); // "pending", "approved", "rejected"
};

namespace Approvals {

// The rule of a template's metadata annotations; problems name the annotation.
[[nodiscard]] ApprovalRule ruleOf(const QJsonObject &annotations, ErrorList *problems = nullptr);

// Resolves the rule's items against the catalog into `eligible` and `itemLabels`: a user is itself, a group its
// members (and its child groups' members), "owners" the target entity's owner (a group's members, or the user).
// An item with nobody in it is a problem (nobody could ever approve).
[[nodiscard]] ErrorList resolve(ApprovalRequest &request, const Catalog &catalog, const Entity *target);

// The reviews the platform waits for in these runs, as requests: a running step whose state has "pendingDeployments"
// (github:actions:dispatch under GitHub environment protection). Who may review is mapped to the catalog (a user by
// the github.com/user-login annotation or name, a team by github.com/team-slug or name; one reviewer is enough); the
// summary names the environments and where the review happens.
[[nodiscard]] QList<ApprovalRequest> platformReviews(const QList<ActionRun> &runs, const Catalog &catalog);

// The user entity ref of a GitHub login (the github.com/user-login annotation, else the entity's name), or empty.
[[nodiscard]] QString userOfGitHubLogin(const Catalog &catalog, const QString &login);
// The user entity ref a git author's email belongs to (spec.profile.email), or empty.
[[nodiscard]] QString userOfEmail(const Catalog &catalog, const QString &email);
// The email a decision by this user is signed with: their user entity's spec.profile.email (what userOfEmail maps
// back), else the email they have (git's user.email).
[[nodiscard]] QString emailOf(const QJsonObject &userEntity, const QString &fallback);

} // namespace Approvals

// Where approval requests live so that every desktop sees them with no server of ours: a git repository (the
// workspace's own, or `actions.approvals`). Each request is a branch `portolan-approvals/<run key>` whose first commit
// adds request.json; an approval is a commit on that branch with a `Portolan-Decision: approve` (or reject) trailer,
// authored by the approver, its message the comment; the requester closes it with a `Portolan-Outcome:` commit. Anyone
// can approve with plain git:
//   git commit --allow-empty -m "Looks right" --trailer "Portolan-Decision: approve"
// Blocking (git runs): use on a worker thread.
class ApprovalChannel
{
public:
    // `remoteUrl`: a git URL or a bare repository's path; `workDir`: a local clone kept between calls.
    ApprovalChannel(QString remoteUrl, QString workDir);

    [[nodiscard]] QString describe() const; // the remote, without credentials

    // Writes the request as a commit by the requester (nothing when its branch exists already: a resumed run asks
    // once).
    [[nodiscard]] Result<void> request(const ApprovalRequest &request, const QString &authorEmail,
                                       const std::atomic_bool *cancel = nullptr);
    // Every request on the remote, with its decisions read from the branch's commits (not yet weighed: see
    // Approvals::read). `keys` non-empty: only these.
    [[nodiscard]] Result<QList<ApprovalRequest>> list(const QStringList &keys = {},
                                                      const std::atomic_bool *cancel = nullptr);
    // Adds this user's decision as a commit authored by them; a push refused because another decision landed first
    // is retried on top of it.
    [[nodiscard]] Result<void> decide(const QString &runKey, bool approve, const QString &comment,
                                      const QString &authorName, const QString &authorEmail,
                                      const std::atomic_bool *cancel = nullptr);
    // The requester's close: what became of the request.
    [[nodiscard]] Result<void> close(const QString &runKey, const QString &outcome, const QString &authorName,
                                     const QString &authorEmail, const std::atomic_bool *cancel = nullptr);

    [[nodiscard]] static QString branchOf(const QString &runKey); // "portolan-approvals/<key>"

private:
    QString m_remote;
    QString m_workDir;
};

namespace Approvals {

// Reads requests through the channel and weighs their decisions with the catalog (who each author is, who may
// decide).
[[nodiscard]] Result<QList<ApprovalRequest>> read(ApprovalChannel &channel, const Catalog &catalog,
                                                  const QStringList &keys = {},
                                                  const std::atomic_bool *cancel = nullptr);

} // namespace Approvals

} // namespace Portolan::Core

Q_DECLARE_METATYPE(Portolan::Core::ApprovalRequest)
