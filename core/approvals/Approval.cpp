#include "Approval.h"
#include "actions/ActionRun.h"

#include "catalog/Catalog.h"
#include "model/EntityRef.h"
#include "sources/git/GitRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QSet>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Approvals", text);
}

const QString DecisionTrailer = u"Portolan-Decision:"_s;
const QString OutcomeTrailer = u"Portolan-Outcome:"_s;
const QString RequestTrailer = u"Portolan-Request:"_s;
const QString BranchPrefix = u"portolan-approvals/"_s;
const QString RemotePrefix = u"refs/remotes/approvals/"_s;

QStringList commaList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',')) {
        if (!part.trimmed().isEmpty()) {
            out << part.trimmed();
        }
    }
    return out;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray()) {
        out << v.toString();
    }
    return out;
}

Error gitError(const GitRepository::Run &run, const QString &what)
{
    if (run.cancelled) {
        return makeError(Error::Code::Cancelled, tr("Cancelled"));
    }
    if (!run.started) {
        return makeError(Error::Code::Io, tr("The git command could not be started; install git"), run.errorOutput);
    }
    return makeError(Error::Code::Io, what, run.errorOutput.trimmed().right(2000));
}

QStringList identity(const QString &name, const QString &email)
{
    return {u"-c"_s, u"user.name="_s + (name.isEmpty() ? u"Portolan"_s : name), u"-c"_s,
            u"user.email="_s + (email.isEmpty() ? u"portolan@localhost"_s : email)};
}

// The members of a group and of its child groups, as user entity refs.
void membersOf(const Catalog &catalog, int group, QStringList &out, QSet<int> &seen)
{
    if (group < 0 || seen.contains(group)) {
        return;
    }
    seen.insert(group);
    for (const CatalogRelation &r : catalog.relations(group)) {
        if (r.target < 0) {
            continue;
        }
        if (r.type == RelationType::HasMember) {
            const QString ref = catalog.entity(r.target).refString();
            if (!out.contains(ref)) {
                out.append(ref);
            }
        } else if (r.type == RelationType::ParentOf) {
            membersOf(catalog, r.target, out, seen);
        }
    }
}

// Users and groups as the people who can act for them.
QStringList peopleOf(const Catalog &catalog, int index)
{
    QStringList people;
    const Entity &e = catalog.entity(index);
    if (e.kind.compare(u"User"_s, Qt::CaseInsensitive) == 0) {
        people.append(e.refString());
    } else if (e.kind.compare(u"Group"_s, Qt::CaseInsensitive) == 0) {
        QSet<int> seen;
        membersOf(catalog, index, people, seen);
    }
    return people;
}

QString trailerValue(const QString &message, const QString &trailer)
{
    const QStringList lines = message.split(u'\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString line = it->trimmed();
        if (line.startsWith(trailer, Qt::CaseInsensitive)) {
            return line.mid(trailer.size()).trimmed().toLower();
        }
    }
    return {};
}

// A commit message without its trailer lines: the approver's comment.
QString commentOf(const QString &message)
{
    QStringList kept;
    for (const QString &line : message.split(u'\n')) {
        const QString t = line.trimmed();
        if (t.startsWith(DecisionTrailer, Qt::CaseInsensitive) || t.startsWith(OutcomeTrailer, Qt::CaseInsensitive)
            || t.startsWith(RequestTrailer, Qt::CaseInsensitive)) {
            continue;
        }
        kept.append(line);
    }
    QString comment = kept.join(u'\n').trimmed();
    // Portolan writes "Approved"/"Rejected" as the subject when no comment was given.
    if (comment == u"Approved"_s || comment == u"Rejected"_s) {
        comment.clear();
    }
    return comment;
}

} // namespace

QString ApprovalRule::modeName(Mode mode)
{
    return mode == Mode::All ? u"all"_s : u"any"_s;
}

QJsonObject ApprovalDecision::toJson() const
{
    return {{u"approver"_s, approver}, {u"approverName"_s, approverName},
            {u"email"_s, email},       {u"approved"_s, approved},
            {u"comment"_s, comment},   {u"at"_s, at.toUTC().toString(Qt::ISODate)},
            {u"via"_s, via},           {u"counts"_s, counts},
            {u"login"_s, login}};
}

ApprovalDecision ApprovalDecision::fromJson(const QJsonObject &o)
{
    ApprovalDecision d;
    d.approver = o.value("approver"_L1).toString();
    d.approverName = o.value("approverName"_L1).toString();
    d.email = o.value("email"_L1).toString();
    d.approved = o.value("approved"_L1).toBool();
    d.comment = o.value("comment"_L1).toString();
    d.at = QDateTime::fromString(o.value("at"_L1).toString(), Qt::ISODate);
    d.via = o.value("via"_L1).toString();
    d.counts = o.value("counts"_L1).toBool();
    d.login = o.value("login"_L1).toString();
    return d;
}

bool ApprovalRequest::mayDecide(const QString &userRef) const
{
    if (userRef.isEmpty() || userRef.compare(requester, Qt::CaseInsensitive) == 0) {
        return false;
    }
    for (const QStringList &item : eligible) {
        if (item.contains(userRef, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

const ApprovalDecision *ApprovalRequest::decisionOf(const QString &userRef) const
{
    const ApprovalDecision *last = nullptr;
    for (const ApprovalDecision &d : decisions) {
        if (!userRef.isEmpty() && d.approver.compare(userRef, Qt::CaseInsensitive) == 0) {
            last = &d;
        }
    }
    return last;
}

bool ApprovalRequest::awaits(const QString &userRef) const
{
    return isOpen() && state() == State::Pending && mayDecide(userRef) && !decisionOf(userRef);
}

void ApprovalRequest::weigh()
{
    for (ApprovalDecision &d : decisions) {
        d.counts = mayDecide(d.approver);
    }
}

ApprovalRequest::State ApprovalRequest::state() const
{
    // Each approver's last word counts: someone who rejected and then approved has approved.
    QHash<QString, bool> last;
    for (const ApprovalDecision &d : decisions) {
        if (d.counts) {
            last.insert(d.approver.toLower(), d.approved);
        }
    }
    for (auto it = last.cbegin(); it != last.cend(); ++it) {
        if (!it.value()) {
            return State::Rejected;
        }
    }
    if (eligible.isEmpty()) {
        return State::Pending;
    }
    int satisfied = 0;
    for (const QStringList &item : eligible) {
        bool any = false;
        for (const QString &user : item) {
            any = any || last.value(user.toLower(), false);
        }
        satisfied += any ? 1 : 0;
    }
    const bool approved = rule.mode == ApprovalRule::Mode::All ? satisfied == eligible.size() : satisfied > 0;
    return approved ? State::Approved : State::Pending;
}

QString ApprovalRequest::stateName(State state)
{
    switch (state) {
    case State::Approved:
        return u"approved"_s;
    case State::Rejected:
        return u"rejected"_s;
    case State::Pending:
        break;
    }
    return u"pending"_s;
}

QJsonObject ApprovalRequest::toJson() const
{
    QJsonArray eligibleJson;
    for (const QStringList &item : eligible) {
        eligibleJson.append(toArray(item));
    }
    QJsonArray decisionsJson;
    for (const ApprovalDecision &d : decisions) {
        decisionsJson.append(d.toJson());
    }
    QJsonObject o{{u"runKey"_s, runKey},
                  {u"template"_s, templateId},
                  {u"title"_s, title},
                  {u"requester"_s, requester},
                  {u"requesterName"_s, requesterName},
                  {u"entityRef"_s, entityRef},
                  {u"requested"_s, requested.toUTC().toString(Qt::ISODate)},
                  {u"summary"_s, summary},
                  {u"parameters"_s, parameters},
                  {u"approvers"_s, toArray(rule.approvers)},
                  {u"mode"_s, ApprovalRule::modeName(rule.mode)},
                  {u"eligible"_s, eligibleJson},
                  {u"itemLabels"_s, toArray(itemLabels)}};
    if (!changeRepo.isEmpty()) {
        o.insert(u"change"_s, QJsonObject{{u"repo"_s, changeRepo},
                                          {u"branch"_s, changeBranch},
                                          {u"base"_s, changeBase},
                                          {u"head"_s, changeHead},
                                          {u"url"_s, changeUrl}});
    }
    // What was read from the branch: kept on the run, not written into request.json (the branch's commits say it).
    if (!decisions.isEmpty()) {
        o.insert(u"decisions"_s, decisionsJson);
    }
    if (!outcome.isEmpty()) {
        o.insert(u"outcome"_s, outcome);
        o.insert(u"closed"_s, closed.toUTC().toString(Qt::ISODate));
    }
    if (!head.isEmpty()) {
        o.insert(u"head"_s, head);
    }
    if (!reviewUrl.isEmpty()) {
        QJsonObject review{{u"url"_s, reviewUrl}, {u"step"_s, reviewStep}};
        if (!reviewAction.isEmpty()) {
            review.insert(u"action"_s, reviewAction);
            review.insert(u"state"_s, reviewState);
        }
        o.insert(u"review"_s, review);
    }
    return o;
}

ApprovalRequest ApprovalRequest::fromJson(const QJsonObject &o)
{
    ApprovalRequest r;
    r.runKey = o.value("runKey"_L1).toString();
    r.templateId = o.value("template"_L1).toString();
    r.title = o.value("title"_L1).toString();
    r.requester = o.value("requester"_L1).toString();
    r.requesterName = o.value("requesterName"_L1).toString();
    r.entityRef = o.value("entityRef"_L1).toString();
    r.requested = QDateTime::fromString(o.value("requested"_L1).toString(), Qt::ISODate);
    r.summary = o.value("summary"_L1).toString();
    r.parameters = o.value("parameters"_L1).toObject();
    r.rule.approvers = toList(o.value("approvers"_L1));
    r.rule.mode = o.value("mode"_L1).toString() == u"all"_s ? ApprovalRule::Mode::All : ApprovalRule::Mode::Any;
    for (const QJsonValue &item : o.value("eligible"_L1).toArray()) {
        r.eligible.append(toList(item));
    }
    r.itemLabels = toList(o.value("itemLabels"_L1));
    const QJsonObject change = o.value("change"_L1).toObject();
    r.changeRepo = change.value("repo"_L1).toString();
    r.changeBranch = change.value("branch"_L1).toString();
    r.changeBase = change.value("base"_L1).toString();
    r.changeHead = change.value("head"_L1).toString();
    r.changeUrl = change.value("url"_L1).toString();
    for (const QJsonValue &d : o.value("decisions"_L1).toArray()) {
        r.decisions.append(ApprovalDecision::fromJson(d.toObject()));
    }
    r.outcome = o.value("outcome"_L1).toString();
    r.closed = QDateTime::fromString(o.value("closed"_L1).toString(), Qt::ISODate);
    r.head = o.value("head"_L1).toString();
    const QJsonObject review = o.value("review"_L1).toObject();
    r.reviewUrl = review.value("url"_L1).toString();
    r.reviewStep = review.value("step"_L1).toString();
    r.reviewAction = review.value("action"_L1).toString();
    r.reviewState = review.value("state"_L1).toObject();
    return r;
}

namespace Approvals {

ApprovalRule ruleOf(const QJsonObject &annotations, ErrorList *problems)
{
    ApprovalRule rule;
    const auto problem = [problems](const QString &key, const QString &message) {
        if (problems) {
            Error e = makeError(Error::Code::Validation, message);
            e.field = u"metadata.annotations."_s + key;
            problems->append(e);
        }
    };
    for (const QString &item : commaList(annotations.value("portolan.dev/approvers"_L1).toString())) {
        if (item.compare(u"owners"_s, Qt::CaseInsensitive) == 0) {
            rule.approvers.append(u"owners"_s);
            continue;
        }
        const Result<EntityRef> ref = EntityRef::parse(item, u"group");
        if (!ref.ok()) {
            problem(u"portolan.dev/approvers"_s,
                    tr("“%1” in portolan.dev/approvers is not a user, a group or “owners”: %2")
                        .arg(item, ref.error().message));
            continue;
        }
        const QString kind = ref->kind.toLower();
        if (kind != u"user"_s && kind != u"group"_s) {
            problem(u"portolan.dev/approvers"_s,
                    tr("“%1” in portolan.dev/approvers is a %2; approvers are users and groups").arg(item, ref->kind));
            continue;
        }
        rule.approvers.append(ref->toString());
    }
    const QString mode = annotations.value("portolan.dev/approval"_L1).toString().trimmed().toLower();
    if (mode == u"all"_s) {
        rule.mode = ApprovalRule::Mode::All;
    } else if (!mode.isEmpty() && mode != u"any"_s) {
        problem(u"portolan.dev/approval"_s, tr("portolan.dev/approval is “any” or “all”, not “%1”").arg(mode));
    }
    rule.when = annotations.value("portolan.dev/approval-when"_L1).toString().trimmed();
    if (!rule.when.isEmpty() && rule.approvers.isEmpty()) {
        problem(u"portolan.dev/approval-when"_s,
                tr("portolan.dev/approval-when is set but portolan.dev/approvers names nobody"));
    }
    if (!mode.isEmpty() && rule.approvers.isEmpty()) {
        problem(
            u"portolan.dev/approval"_s,
            tr("portolan.dev/approval is set but portolan.dev/approvers names nobody; the action needs no approval"));
    }
    return rule;
}

ErrorList resolve(ApprovalRequest &request, const Catalog &catalog, const Entity *target)
{
    ErrorList problems;
    request.eligible.clear();
    request.itemLabels.clear();
    for (const QString &item : request.rule.approvers) {
        QStringList people;
        QString label;
        if (item == u"owners"_s) {
            if (!target) {
                problems.append(
                    makeError(Error::Code::Validation,
                              tr("The action is approved by the owners of its entity, and none was chosen")));
                continue;
            }
            const int index = catalog.find(target->refString());
            if (index >= 0) {
                for (const CatalogRelation &r : catalog.relations(index)) {
                    if (r.type == RelationType::OwnedBy && r.target >= 0) {
                        people += peopleOf(catalog, r.target);
                    }
                }
            }
            label = tr("the owners of %1").arg(target->displayName());
        } else {
            const int index = catalog.find(item);
            if (index >= 0) {
                people = peopleOf(catalog, index);
                const Entity &e = catalog.entity(index);
                label = e.spec.value("profile"_L1).toMap().value("displayName"_L1).toString();
                if (label.isEmpty()) {
                    label = e.displayName();
                }
            } else {
                label = item;
            }
        }
        people.removeDuplicates();
        if (people.isEmpty()) {
            problems.append(
                makeError(Error::Code::Validation, tr("Nobody in the catalog can approve for %1").arg(label)));
        }
        request.eligible.append(people);
        request.itemLabels.append(label);
    }
    return problems;
}

namespace {

// The catalog entity of a GitHub account or team: by the annotations GitHub's org provider writes, else by name.
QString entityOfGitHub(const Catalog &catalog, const QString &kind, const QString &annotation, const QString &value)
{
    if (value.isEmpty()) {
        return {};
    }
    for (int i = 0; i < catalog.size(); ++i) {
        const Entity &e = catalog.entity(i);
        if (e.kind.compare(kind, Qt::CaseInsensitive) != 0) {
            continue;
        }
        const QString annotated = e.annotation(annotation);
        if (annotated.compare(value, Qt::CaseInsensitive) == 0
            || annotated.section(u'/', -1).compare(value, Qt::CaseInsensitive) == 0) {
            return e.refString();
        }
    }
    for (int i = 0; i < catalog.size(); ++i) {
        const Entity &e = catalog.entity(i);
        if (e.kind.compare(kind, Qt::CaseInsensitive) == 0 && e.name.compare(value, Qt::CaseInsensitive) == 0) {
            return e.refString();
        }
    }
    return {};
}

void addPendingDeployments(ApprovalRequest &request, const QString &stepId, const QJsonObject &stepState,
                           const Catalog &catalog)
{
    request.reviewUrl = stepState.value("htmlUrl"_L1).toString();
    request.reviewStep = stepId;
    request.rule.mode = ApprovalRule::Mode::Any;
    QStringList environments;
    QStringList unmapped;
    for (const QJsonValue &v : stepState.value("pendingDeployments"_L1).toArray()) {
        const QJsonObject deployment = v.toObject();
        environments.append(deployment.value("environment"_L1).toString());
        for (const QJsonValue &r : deployment.value("reviewers"_L1).toArray()) {
            const QJsonObject reviewer = r.toObject();
            const bool team = reviewer.value("type"_L1).toString() == u"Team"_s;
            const QString id = reviewer.value(team ? "slug"_L1 : "login"_L1).toString();
            const QString ref = team ? entityOfGitHub(catalog, u"Group"_s, u"github.com/team-slug"_s, id)
                                     : userOfGitHubLogin(catalog, id);
            if (!ref.isEmpty()) {
                request.rule.approvers.append(ref);
            } else {
                unmapped.append(team ? tr("the GitHub team %1").arg(reviewer.value("name"_L1).toString())
                                     : tr("the GitHub user %1").arg(id));
            }
        }
    }
    request.rule.approvers.removeDuplicates();
    (void)resolve(request, catalog, nullptr);
    for (const QString &label : std::as_const(unmapped)) {
        request.eligible.append(QStringList());
        request.itemLabels.append(label);
    }
    request.summary = tr("The deployment to %1 waits for a required reviewer on GitHub: %2")
                          .arg(environments.join(u", "_s), request.reviewUrl);
}

} // namespace

QList<ApprovalRequest> platformReviews(const QList<ActionRun> &runs, const Catalog &catalog)
{
    QList<ApprovalRequest> reviews;
    for (const ActionRun &run : runs) {
        if (run.isFinished()) {
            continue;
        }
        for (const StepRecord &step : run.steps) {
            if (step.status != StepRecord::Status::Running || !step.state.contains("pendingDeployments"_L1)) {
                continue;
            }
            ApprovalRequest r;
            r.runKey = run.key;
            r.templateId = run.templateId;
            r.title = run.templateTitle;
            r.requester = run.user;
            r.requesterName = run.user;
            if (const int index = catalog.find(run.user); index >= 0) {
                const Entity &e = catalog.entity(index);
                r.requesterName = e.spec.value("profile"_L1).toMap().value("displayName"_L1).toString();
                if (r.requesterName.isEmpty()) {
                    r.requesterName = e.displayName();
                }
            }
            r.entityRef = run.entityRef;
            r.requested = step.started;
            r.parameters = run.parameters;
            addPendingDeployments(r, step.id, step.state, catalog);
            reviews.append(r);
        }
    }
    return reviews;
}

} // namespace Approvals

QString ApprovalRequest::sharedReviewKey(const QString &runKey, const QString &stepId)
{
    return runKey + u".review."_s + stepId;
}

QString ApprovalRequest::runKeyOfSharedReview(const QString &key)
{
    const qsizetype at = key.indexOf(u".review."_s);
    return at > 0 ? key.left(at) : QString();
}

namespace Approvals {

QString userOfGitHubLogin(const Catalog &catalog, const QString &login)
{
    return entityOfGitHub(catalog, u"User"_s, u"github.com/user-login"_s, login);
}

QString userOfEmail(const Catalog &catalog, const QString &email)
{
    if (email.isEmpty()) {
        return {};
    }
    for (int i = 0; i < catalog.size(); ++i) {
        const Entity &e = catalog.entity(i);
        if (e.kind.compare(u"User"_s, Qt::CaseInsensitive) == 0
            && e.spec.value("profile"_L1).toMap().value("email"_L1).toString().compare(email, Qt::CaseInsensitive)
                   == 0) {
            return e.refString();
        }
    }
    return {};
}

QString emailOf(const QJsonObject &userEntity, const QString &fallback)
{
    const QString email =
        userEntity.value("spec"_L1).toObject().value("profile"_L1).toObject().value("email"_L1).toString();
    return email.isEmpty() ? fallback : email;
}

Result<QList<ApprovalRequest>> read(ApprovalChannel &channel, const Catalog &catalog, const QStringList &keys,
                                    const std::atomic_bool *cancel)
{
    auto requests = channel.list(keys, cancel);
    if (!requests.ok()) {
        return requests.error();
    }
    for (ApprovalRequest &request : requests.value()) {
        for (ApprovalDecision &d : request.decisions) {
            d.approver = userOfEmail(catalog, d.email);
        }
        request.weigh();
    }
    return requests;
}

} // namespace Approvals

ApprovalChannel::ApprovalChannel(QString remoteUrl, QString workDir)
    : m_remote(std::move(remoteUrl))
    , m_workDir(std::move(workDir))
{ }

QString ApprovalChannel::describe() const
{
    return GitRepository::displayUrl(m_remote);
}

QString ApprovalChannel::branchOf(const QString &runKey)
{
    return BranchPrefix + runKey;
}

Result<void> ApprovalChannel::request(const ApprovalRequest &request, const QString &authorEmail,
                                      const std::atomic_bool *cancel)
{
    const QString branch = branchOf(request.runKey);
    const auto git = [&](const QStringList &args, const QString &dir) {
        return GitRepository::run(args, dir, m_remote, {}, cancel);
    };
    const auto existing = git({u"ls-remote"_s, u"--heads"_s, m_remote, branch}, QDir::tempPath());
    if (!existing.ok()) {
        return gitError(existing, tr("Could not read the approvals repository %1").arg(describe()));
    }
    if (!existing.output.trimmed().isEmpty()) {
        return {}; // asked before (a resumed run)
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        return makeError(Error::Code::Io, tr("Could not make a temporary folder"));
    }
    QJsonObject written = request.toJson();
    written.remove(u"decisions"_s);
    written.remove(u"outcome"_s);
    written.remove(u"closed"_s);
    written.remove(u"head"_s);
    QFile file(dir.filePath(u"request.json"_s));
    const QByteArray content = QJsonDocument(written).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        return makeError(Error::Code::Io, tr("Could not write %1").arg(file.fileName()));
    }
    file.close();
    const QString message =
        tr("Approval requested: %1").arg(request.title) + u"\n\n"_s + RequestTrailer + u' ' + request.runKey + u'\n';
    for (const QStringList &args : {QStringList{u"init"_s, u"--quiet"_s}, QStringList{u"add"_s, u"request.json"_s},
                                    identity(request.requesterName, authorEmail)
                                        + QStringList{u"commit"_s, u"--quiet"_s, u"--no-verify"_s, u"-m"_s, message},
                                    QStringList{u"push"_s, u"--quiet"_s, m_remote, u"HEAD:refs/heads/"_s + branch}}) {
        const auto ran = git(args, dir.path());
        if (!ran.ok()) {
            if (args.first() == u"push"_s) {
                // Another process of the same run asked first: its request stands.
                const auto again = git({u"ls-remote"_s, u"--heads"_s, m_remote, branch}, dir.path());
                if (again.ok() && !again.output.trimmed().isEmpty()) {
                    return {};
                }
            }
            return gitError(ran, tr("Could not write the approval request to %1").arg(describe()));
        }
    }
    return {};
}

Result<QList<ApprovalRequest>> ApprovalChannel::list(const QStringList &keys, const std::atomic_bool *cancel)
{
    QDir().mkpath(m_workDir);
    // The app and a CLI of the same user share the clone.
    QLockFile lock(m_workDir + u".lock"_s);
    lock.setStaleLockTime(120'000);
    if (!lock.tryLock(60'000)) {
        return makeError(Error::Code::Io, tr("The approvals clone %1 is busy").arg(m_workDir));
    }
    const auto git = [&](const QStringList &args) { return GitRepository::run(args, m_workDir, m_remote, {}, cancel); };
    if (!QFileInfo::exists(m_workDir + u"/.git"_s)) {
        if (const auto init = git({u"init"_s, u"--quiet"_s}); !init.ok()) {
            return gitError(init, tr("Could not make the approvals clone %1").arg(m_workDir));
        }
    }
    QStringList refspecs;
    if (keys.isEmpty()) {
        refspecs.append(u"+refs/heads/"_s + BranchPrefix + u"*:"_s + RemotePrefix + u'*');
    } else {
        for (const QString &key : keys) {
            refspecs.append(u"+refs/heads/"_s + branchOf(key) + u':' + RemotePrefix + key);
        }
    }
    // Only the requests asked for; a missing branch (not yet written, or removed) is not an error.
    QList<ApprovalRequest> out;
    const auto fetched = git(QStringList{u"fetch"_s, u"--quiet"_s, u"--prune"_s, u"--no-tags"_s, m_remote} + refspecs);
    if (!fetched.ok()) {
        if (!keys.isEmpty() && fetched.errorOutput.contains(u"couldn't find remote ref"_s)) {
            // Fetch them one at a time so that one missing branch does not hide the others.
            if (keys.size() == 1) {
                return out;
            }
            for (const QString &key : keys) {
                auto one = list({key}, cancel);
                if (!one.ok()) {
                    return one.error();
                }
                out += *one;
            }
            return out;
        }
        return gitError(fetched, tr("Could not read the approvals repository %1").arg(describe()));
    }
    const auto refs = git({u"for-each-ref"_s, u"--format=%(refname)"_s, RemotePrefix});
    if (!refs.ok()) {
        return gitError(refs, tr("Could not read the approvals clone %1").arg(m_workDir));
    }
    for (const QString &ref : refs.output.split(u'\n', Qt::SkipEmptyParts)) {
        const QString key = ref.mid(RemotePrefix.size());
        if (!keys.isEmpty() && !keys.contains(key)) {
            continue;
        }
        const auto shown = git({u"show"_s, ref + u":request.json"_s});
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(shown.output.toUtf8(), &error);
        if (!shown.ok() || !doc.isObject()) {
            qWarning("approvals: %s has no readable request.json; skipped", qPrintable(ref));
            continue;
        }
        ApprovalRequest request = ApprovalRequest::fromJson(doc.object());
        request.runKey = key;
        // Every commit after the request: decisions and the close.
        const auto log = git({u"log"_s, u"--reverse"_s, u"--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%B%x1e"_s, ref});
        if (!log.ok()) {
            return gitError(log, tr("Could not read the approvals clone %1").arg(m_workDir));
        }
        for (const QString &entry : log.output.split(u'\x1e', Qt::SkipEmptyParts)) {
            const QStringList f = entry.trimmed().split(u'\x1f');
            if (f.size() < 5) {
                continue;
            }
            request.head = f.at(0);
            const QString message = f.at(4);
            const QString decision = trailerValue(message, DecisionTrailer);
            const QString outcome = trailerValue(message, OutcomeTrailer);
            if (decision == u"approve"_s || decision == u"approved"_s || decision == u"reject"_s
                || decision == u"rejected"_s) {
                ApprovalDecision d;
                d.approverName = f.at(1);
                d.email = f.at(2);
                d.at = QDateTime::fromString(f.at(3), Qt::ISODate);
                d.approved = decision.startsWith(u"approve"_s);
                d.comment = commentOf(message);
                d.via = tr("commit %1").arg(f.at(0).left(10));
                request.decisions.append(d);
            } else if (!outcome.isEmpty()) {
                request.outcome = outcome;
                request.closed = QDateTime::fromString(f.at(3), Qt::ISODate);
            }
        }
        out.append(request);
    }
    return out;
}

namespace {

// Commits `message` on top of the branch and pushes; a push refused because someone else pushed first is tried again
// on top of theirs (an empty commit never conflicts).
Result<void> appendCommit(const QString &remote, const QString &branch, const QString &message,
                          const QStringList &ident, const QString &display, const std::atomic_bool *cancel)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        return makeError(Error::Code::Io, tr("Could not make a temporary folder"));
    }
    const auto git = [&](const QStringList &args) { return GitRepository::run(args, dir.path(), remote, {}, cancel); };
    if (const auto init = git({u"init"_s, u"--quiet"_s}); !init.ok()) {
        return gitError(init, tr("Could not make a temporary clone"));
    }
    for (int attempt = 0; attempt < 6; ++attempt) {
        const auto fetched = git({u"fetch"_s, u"--quiet"_s, u"--no-tags"_s, remote, u"refs/heads/"_s + branch});
        if (!fetched.ok()) {
            if (fetched.errorOutput.contains(u"couldn't find remote ref"_s)) {
                return makeError(Error::Code::Reference,
                                 tr("There is no approval request %1 in %2").arg(branch, display));
            }
            return gitError(fetched, tr("Could not read the approvals repository %1").arg(display));
        }
        if (const auto co = git({u"checkout"_s, u"--quiet"_s, u"--detach"_s, u"FETCH_HEAD"_s}); !co.ok()) {
            return gitError(co, tr("Could not read the approval request %1").arg(branch));
        }
        const auto committed =
            git(ident + QStringList{u"commit"_s, u"--quiet"_s, u"--no-verify"_s, u"--allow-empty"_s, u"-m"_s, message});
        if (!committed.ok()) {
            return gitError(committed, tr("git commit failed"));
        }
        const auto pushed = git({u"push"_s, u"--quiet"_s, remote, u"HEAD:refs/heads/"_s + branch});
        if (pushed.ok()) {
            return {};
        }
        if (!pushed.errorOutput.contains(u"rejected"_s) && !pushed.errorOutput.contains(u"non-fast-forward"_s)
            && !pushed.errorOutput.contains(u"failed to update ref"_s)) {
            return gitError(pushed, tr("The approvals repository %1 refused the push").arg(display));
        }
    }
    return makeError(Error::Code::Io, tr("The approval request %1 kept changing; try again").arg(branch));
}

} // namespace

Result<void> ApprovalChannel::decide(const QString &runKey, bool approve, const QString &comment,
                                     const QString &authorName, const QString &authorEmail,
                                     const std::atomic_bool *cancel)
{
    const QString subject = comment.trimmed().isEmpty() ? (approve ? u"Approved"_s : u"Rejected"_s) : comment.trimmed();
    const QString message = subject + u"\n\n"_s + DecisionTrailer + (approve ? u" approve"_s : u" reject"_s) + u'\n';
    return appendCommit(m_remote, branchOf(runKey), message, identity(authorName, authorEmail), describe(), cancel);
}

Result<void> ApprovalChannel::close(const QString &runKey, const QString &outcome, const QString &authorName,
                                    const QString &authorEmail, const std::atomic_bool *cancel)
{
    const QString message = tr("Request closed: %1").arg(outcome) + u"\n\n"_s + OutcomeTrailer + u' ' + outcome + u'\n';
    return appendCommit(m_remote, branchOf(runKey), message, identity(authorName, authorEmail), describe(), cancel);
}

} // namespace Portolan::Core
