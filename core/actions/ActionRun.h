#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Portolan::Core {

// A link a run produced: the workflow run it started, the pull request it opened, the entity it registered. `state`
// is the platform's word for where it stands now ("queued", "in_progress", "success", "failure", "open", "merged",
// "closed"), followed by polling while it can still change.
struct RunLink
{
    QString title;
    QString url;
    QString entityRef;
    QString kind; // "workflow-run", "pull-request", "branch", "entity", "webhook", "" for a template output link
    QString state;
    QString stepId; // the step that made it; empty for template output links

    [[nodiscard]] bool isFinal() const; // a state that no longer changes (merged, closed, success, failure, ...)
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static RunLink fromJson(const QJsonObject &object);
};

struct StepRecord
{
    enum class Status { Pending, Running, Succeeded, Failed, Skipped, Cancelled };

    QString id;
    QString name;
    QString action;
    Status status = Status::Pending;
    QJsonObject input; // rendered, with secret values masked
    QJsonObject output;
    QJsonObject state; // what the executor saved to resume or follow the step (a workflow run id, a PR number)
    QString log; // lines, with secret values masked
    QString error; // why it failed, for people
    QDateTime started;
    QDateTime finished;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static StepRecord fromJson(const QJsonObject &object);
    [[nodiscard]] static QString statusName(Status status); // "pending", "running", ... (stored and in --json)
    [[nodiscard]] static Status statusFromName(const QString &name);
};

// One run of an action: who, when, with what, and how each step went. Persisted in the cache (RunStore) before
// anything is sent, and after every step, so a killed process finds it again.
struct ActionRun
{
    // Waiting: the run needs an approval and stopped at its gate until approvers decide (ApprovalRequest).
    enum class Status { Queued, Running, Waiting, Succeeded, Failed, Cancelled };

    qint64 id = 0; // the cache's row id; 0 until stored
    QString key; // idempotency key: a second submission with the same key is the same run
    QString templateId;
    QString templateTitle;
    QString user; // the signed-in identity's entity ref (or the login name when the catalog does not know it)
    QString entityRef; // the entity the action was started on; empty for global actions
    QDateTime created;
    QDateTime finished;
    Status status = Status::Queued;
    bool dryRun = false;
    QJsonObject trigger; // what started it when it was not a person: {automation, event, key, at, summary}
    // The approval it asked for (ApprovalRequest::toJson with the decisions read so far), plus `passed` once approved
    // and `problem` when the request could not be written or read; empty when the action needs no approval.
    QJsonObject approval;
    QJsonObject parameters; // as entered, secret values masked
    QStringList secretFields; // parameter paths whose values were masked (and are not kept)
    QList<StepRecord> steps;
    QList<RunLink> links;
    QList<QPair<QString, QString>> texts; // template output texts (title, markdown), rendered
    QString error; // the first failure, for people: "Step \"Publish\" (publish:gitops) failed: ..."

    [[nodiscard]] bool isFinished() const;
    [[nodiscard]] StepRecord *step(const QString &id);
    [[nodiscard]] const StepRecord *step(const QString &id) const;
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static ActionRun fromJson(const QJsonObject &object);
    [[nodiscard]] static QString statusName(Status status);
    [[nodiscard]] static Status statusFromName(const QString &name);
    [[nodiscard]] static QString newKey(); // a random UUID without braces
};

} // namespace Portolan::Core

Q_DECLARE_METATYPE(Portolan::Core::ActionRun)
