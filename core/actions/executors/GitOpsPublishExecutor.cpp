#include "Executors.h"
#include "GitOpsSupport.h"

#include "actions/TemplateExpression.h"
#include "net/BlockingHttp.h"
#include "sources/git/GitRepository.h"
#include "sources/github/GitHubConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

using GitOps::ensureLocalRepository;
using GitOps::gitError;
using GitOps::resolveTarget;
using GitOps::Target;
using GitOps::Tr;

QString trailer(const StepContext &context)
{
    return u"Portolan-Run: %1/%2"_s.arg(context.runKey, context.stepId);
}

Result<void> copyTree(const QString &from, const QString &to, QStringList &files)
{
    if (!QFileInfo(from).isDir()) {
        return {};
    }
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString relative = QDir(from).relativeFilePath(file);
        if (relative == u".git"_s || relative.startsWith(u".git/"_s)) {
            continue;
        }
        const QString out = to + u'/' + relative;
        QDir().mkpath(QFileInfo(out).absolutePath());
        QFile::remove(out);
        if (!QFile::copy(file, out)) {
            return makeError(Error::Code::Io, Tr::tr("Could not copy %1").arg(relative));
        }
        QFile(out).setPermissions(QFile(file).permissions() | QFileDevice::WriteOwner);
        files.append(relative);
    }
    return {};
}

// Keeps a path inside `root`.
Result<QString> inside(const QString &root, const QString &relative, const QString &field)
{
    const QString path = QDir::cleanPath(root + u'/' + (relative.isEmpty() ? u"."_s : relative));
    if (path != root && !path.startsWith(root + u'/')) {
        Error e = makeError(Error::Code::Validation, Tr::tr("%1 \"%2\" leaves the repository").arg(field, relative));
        e.field = u"input."_s + field;
        return e;
    }
    return path;
}

// publish:gitops: commits rendered files to a branch of a git repository with the user's own git (their keys,
// credential helpers and proxies apply), then pushes, or pushes a branch and opens a pull request. Every commit
// carries a `Portolan-Run: <run>/<step>` trailer: a resumed attempt finds its commit on the remote and does not
// push again.
class GitOpsPublishExecutor final : public StepExecutor
{
public:
    [[nodiscard]] QString action() const override { return u"publish:gitops"_s; }
    [[nodiscard]] QString description() const override
    {
        return Tr::tr("Commits rendered files to a git repository, then pushes or opens a pull request");
    }

    [[nodiscard]] ErrorList check(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        ErrorList problems;
        const auto field = [&problems](const QString &name, const QString &message) {
            Error e = makeError(Error::Code::Validation, message);
            e.field = u"input."_s + name;
            problems.append(e);
        };
        const auto target = resolveTarget(input.value("repoUrl"_L1).toString(), environment);
        if (!target.ok()) {
            field(u"repoUrl"_s, target.error().message);
        }
        const QString mode = input.value("mode"_L1).toString(u"push"_s);
        if (mode != u"push"_s && mode != u"pull-request"_s) {
            field(u"mode"_s, Tr::tr("mode must be push or pull-request, not \"%1\"").arg(mode));
        }
        if (input.contains("files"_L1) && !input.value("files"_L1).isObject()) {
            field(u"files"_s, Tr::tr("files must be a map of paths to contents"));
        }
        const QString credential = input.value("credential"_L1).toString();
        if (!credential.isEmpty() && !environment.secrets.contains(credential)) {
            field(u"credential"_s, Tr::tr("The credential \"%1\" is not set").arg(credential));
        }
        return problems;
    }

    [[nodiscard]] StepPreview preview(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        StepPreview p;
        const auto target = resolveTarget(input.value("repoUrl"_L1).toString(), environment);
        const QString base = input.value("branch"_L1).toString();
        const bool pr = input.value("mode"_L1).toString() == u"pull-request"_s;
        p.method = pr ? Tr::tr("git push + pull request") : Tr::tr("git commit + push");
        p.target = (target.ok() ? target->display : input.value("repoUrl"_L1).toString()) + u" @ "_s
                   + (pr ? branchName(input, {}) : (base.isEmpty() ? Tr::tr("default branch") : base));
        QStringList body;
        const QJsonObject files = input.value("files"_L1).toObject();
        for (auto it = files.begin(); it != files.end(); ++it) {
            body.append(u"--- %1\n%2"_s.arg(joinPath(input.value("targetPath"_L1).toString(), it.key()),
                                            TemplateExpression::toText(it.value())));
        }
        for (const QJsonValue &r : input.value("remove"_L1).toArray()) {
            body.append(u"--- %1 (removed)"_s.arg(joinPath(input.value("targetPath"_L1).toString(), r.toString())));
        }
        if (input.value("sourcePath"_L1).toString() != u"-"_s) {
            p.notes.append(Tr::tr("The files of the run's workspace (from fetch steps) are committed under %1")
                               .arg(input.value("targetPath"_L1).toString(u"/"_s)));
        }
        p.body = body.join(u"\n"_s);
        p.notes.append(Tr::tr("Commit message: %1").arg(commitMessage(input)));
        if (pr) {
            p.notes.append(target.ok() && !target->githubOwner.isEmpty()
                               ? Tr::tr("A pull request is opened against %1").arg(base.isEmpty() ? u"main"_s : base)
                               : Tr::tr("The branch is pushed; this host has no pull request API Portolan uses"));
        }
        return p;
    }

    // `files` land in files: their names render as text, their contents with each value escaped for the file's
    // format (YAML, JSON), so a parameter cannot change a manifest's structure.
    [[nodiscard]] Result<QJsonValue> renderInput(const QString &field, const QJsonValue &value,
                                                 const QJsonObject &context) const override
    {
        if (field != u"files"_s || !value.isObject()) {
            return StepExecutor::renderInput(field, value, context);
        }
        QJsonObject files;
        const QJsonObject written = value.toObject();
        for (auto it = written.begin(); it != written.end(); ++it) {
            const auto path = TemplateExpression::render(it.key(), context);
            if (!path.ok()) {
                Error e = path.error();
                e.field = u"input.files"_s;
                return e;
            }
            const auto content =
                TemplateExpression::render(TemplateExpression::toText(it.value()), context, escapeFor(*path));
            if (!content.ok()) {
                Error e = content.error();
                e.field = u"input.files.%1"_s.arg(*path);
                return e;
            }
            files.insert(*path, *content);
        }
        return QJsonValue(files);
    }

    [[nodiscard]] Result<StepResult> run(StepContext &context) override
    {
        const QJsonObject &input = context.input;
        const ActionEnvironment &env = *context.environment;
        const auto target = resolveTarget(input.value("repoUrl"_L1).toString(), env);
        if (!target.ok()) {
            return target.error();
        }
        const QString credential =
            input.value("credential"_L1)
                .toString(target->githubOwner.isEmpty() ? QString() : env.defaultGitHubCredential);
        const QString token = context.secret(credential);
        const auto git = [&](const QStringList &args, const QString &dir) {
            return GitRepository::run(args, dir, target->url, token, context.cancel);
        };
        if (!target->localName.isEmpty()) {
            if (const auto made = ensureLocalRepository(target->url, context.cancel); !made.ok()) {
                return made.error();
            }
        }

        const bool pullRequest = input.value("mode"_L1).toString() == u"pull-request"_s;
        const QString clone = QDir::cleanPath(context.workDirectory + u"/gitops-"_s + context.stepId);
        QDir(clone).removeRecursively();
        context.log(Tr::tr("Cloning %1").arg(target->display));
        QStringList cloneArgs = {u"clone"_s, u"--quiet"_s, u"--no-tags"_s};
        QString base = input.value("branch"_L1).toString();
        if (!base.isEmpty()) {
            cloneArgs += {u"--branch"_s, base};
        }
        cloneArgs += {target->url, clone};
        if (const auto cloned = git(cloneArgs, context.workDirectory); !cloned.ok()) {
            return gitError(cloned, Tr::tr("Could not clone %1").arg(target->display));
        }
        if (base.isEmpty()) {
            const auto head = git({u"rev-parse"_s, u"--abbrev-ref"_s, u"HEAD"_s}, clone);
            base = head.ok() ? head.output.trimmed() : u"main"_s;
        }
        const QString pushBranch = pullRequest ? branchName(input, context.runKey) : base;

        StepResult result;
        // A resumed attempt: the commit may already be on the remote.
        if (!context.state.value("commit"_L1).toString().isEmpty()) {
            const auto fetched = git({u"fetch"_s, u"--quiet"_s, u"origin"_s, pushBranch}, clone);
            if (fetched.ok()) {
                const auto found = git({u"log"_s, u"FETCH_HEAD"_s, u"-n"_s, u"200"_s, u"--format=%H"_s,
                                        u"--fixed-strings"_s, u"--grep="_s + trailer(context)},
                                       clone);
                const QString commit = found.output.section(u'\n', 0, 0).trimmed();
                if (found.ok() && !commit.isEmpty()) {
                    context.log(
                        Tr::tr("Commit %1 is already on %2; not pushing again").arg(commit.left(10), pushBranch));
                    return finish(context, *target, base, pushBranch, commit, pullRequest, clone, true);
                }
            }
            context.log(Tr::tr("The earlier attempt's commit is not on %1; committing again").arg(pushBranch));
        }

        if (pullRequest) {
            if (const auto branched = git({u"checkout"_s, u"--quiet"_s, u"-B"_s, pushBranch}, clone); !branched.ok()) {
                return gitError(branched, Tr::tr("Could not create the branch %1").arg(pushBranch));
            }
        }
        const auto root = inside(clone, input.value("targetPath"_L1).toString(), u"targetPath"_s);
        if (!root.ok()) {
            return root.error();
        }
        QStringList files;
        if (input.value("sourcePath"_L1).toString() != u"-"_s) {
            const auto source = inside(QDir::cleanPath(context.workDirectory + u"/workspace"_s),
                                       input.value("sourcePath"_L1).toString(), u"sourcePath"_s);
            if (!source.ok()) {
                return source.error();
            }
            if (const auto copied = copyTree(*source, *root, files); !copied.ok()) {
                return copied.error();
            }
        }
        const QJsonObject inline_ = input.value("files"_L1).toObject();
        for (auto it = inline_.begin(); it != inline_.end(); ++it) {
            const auto path = inside(*root, it.key(), u"files"_s);
            if (!path.ok()) {
                return path.error();
            }
            QDir().mkpath(QFileInfo(*path).absolutePath());
            QFile f(*path);
            const QByteArray content = TemplateExpression::toText(it.value()).toUtf8();
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size()) {
                return makeError(Error::Code::Io, Tr::tr("Could not write %1").arg(it.key()), f.errorString());
            }
            files.append(it.key());
        }
        for (const QJsonValue &r : input.value("remove"_L1).toArray()) {
            const auto path = inside(*root, r.toString(), u"remove"_s);
            if (!path.ok()) {
                return path.error();
            }
            if (QFileInfo(*path).isDir() ? QDir(*path).removeRecursively() : QFile::remove(*path)) {
                files.append(r.toString() + u" (removed)"_s);
            }
        }
        for (const QString &f : files) {
            context.log(Tr::tr("Staged %1").arg(f));
        }
        if (const auto added = git({u"add"_s, u"--all"_s}, clone); !added.ok()) {
            return gitError(added, Tr::tr("git add failed"));
        }
        const auto diff = git({u"diff"_s, u"--cached"_s, u"--quiet"_s}, clone);
        if (diff.ok()) {
            context.log(Tr::tr("Nothing changed in %1; nothing to commit").arg(target->display));
            const auto head = git({u"rev-parse"_s, u"HEAD"_s}, clone);
            result = *finish(context, *target, base, base, head.output.trimmed(), false, clone, false);
            result.output.insert(u"changed"_s, false);
            return result;
        }

        const ActionUser &user = env.user;
        const QString name =
            user.displayName.isEmpty() ? (user.login.isEmpty() ? u"Portolan"_s : user.login) : user.displayName;
        const QString email = user.email.isEmpty() ? u"portolan@localhost"_s : user.email;
        const QString message = commitMessage(input) + u"\n\n"_s + trailer(context) + u'\n';
        const auto committed = git({u"-c"_s, u"user.name="_s + name, u"-c"_s, u"user.email="_s + email, u"commit"_s,
                                    u"--quiet"_s, u"--no-verify"_s, u"-m"_s, message},
                                   clone);
        if (!committed.ok()) {
            return gitError(committed, Tr::tr("git commit failed"));
        }
        const QString commit = git({u"rev-parse"_s, u"HEAD"_s}, clone).output.trimmed();
        // Before the push: a resumed attempt looks for this trailer on the remote instead of pushing blindly.
        context.state = {{u"commit"_s, commit}, {u"branch"_s, pushBranch}, {u"base"_s, base}};
        context.saveState(context.state);
        context.log(Tr::tr("Pushing %1 to %2 on %3").arg(commit.left(10), pushBranch, target->display));
        auto pushed = git({u"push"_s, u"--quiet"_s, u"origin"_s, u"HEAD:refs/heads/"_s + pushBranch}, clone);
        if (!pushed.ok() && !pullRequest && pushed.errorOutput.contains(u"rejected"_s)) {
            // Someone pushed in between: replay our commit on theirs once.
            context.log(Tr::tr("%1 moved on meanwhile; rebasing and pushing again").arg(pushBranch));
            const auto pulled = git({u"pull"_s, u"--quiet"_s, u"--rebase"_s, u"origin"_s, pushBranch}, clone);
            if (!pulled.ok()) {
                return gitError(pulled,
                                Tr::tr("%1 moved on meanwhile and our change does not apply on it").arg(pushBranch));
            }
            pushed = git({u"push"_s, u"--quiet"_s, u"origin"_s, u"HEAD:refs/heads/"_s + pushBranch}, clone);
        }
        if (!pushed.ok()) {
            Error e = gitError(pushed, Tr::tr("The repository refused the push to %1").arg(pushBranch));
            e.code = Error::Code::Auth;
            return e;
        }
        const QString pushedCommit = git({u"rev-parse"_s, u"HEAD"_s}, clone).output.trimmed();
        return finish(context, *target, base, pushBranch, pushedCommit, pullRequest, clone, true);
    }

    [[nodiscard]] Result<QList<RunLink>> refresh(const StepRecord &step, QList<RunLink> links,
                                                 const ActionEnvironment &environment,
                                                 const std::atomic_bool *cancel) override
    {
        const QString owner = step.state.value("owner"_L1).toString();
        const QString repo = step.state.value("repo"_L1).toString();
        const int number = step.state.value("pullRequest"_L1).toInt();
        if (owner.isEmpty() || number <= 0) {
            return links;
        }
        auto http = gitHub(environment, step.input.value("credential"_L1).toString());
        const auto answer = http->get(http->resolve(u"/repos/%1/%2/pulls/%3"_s.arg(owner, repo).arg(number)), cancel);
        if (!answer.ok()) {
            return answer.error();
        }
        const QJsonObject pr = QJsonDocument::fromJson(answer->body).object();
        const QString state = pr.value("merged"_L1).toBool() ? u"merged"_s : pr.value("state"_L1).toString();
        for (RunLink &link : links) {
            if (link.kind == u"pull-request"_s) {
                link.state = state;
            }
        }
        return links;
    }

    // On a plain git remote an approver approves a request branch by merging it: the first merge commit on the base
    // that brings the pushed commit in says who (its committer). A fast-forward leaves no such commit, so nobody can
    // be named and it does not count. On GitHub the pull request's reviews are the decisions.
    [[nodiscard]] Result<QList<ApprovalDecision>> changeDecisions(const StepRecord &step,
                                                                  const ActionEnvironment &environment,
                                                                  const std::atomic_bool *cancel) override
    {
        const QString commit = step.state.value("commit"_L1).toString();
        const QString base = step.state.value("base"_L1).toString();
        const auto target = resolveTarget(step.input.value("repoUrl"_L1).toString(), environment);
        if (commit.isEmpty() || base.isEmpty() || !target.ok()) {
            return QList<ApprovalDecision>();
        }
        if (!target->githubOwner.isEmpty()) {
            return pullRequestDecisions(step, environment, cancel);
        }
        QTemporaryDir dir;
        const auto git = [&](const QStringList &args) {
            return GitRepository::run(args, dir.path(), target->url, {}, cancel);
        };
        for (const QStringList &args : {QStringList{u"init"_s, u"--quiet"_s},
                                        QStringList{u"fetch"_s, u"--quiet"_s, u"--no-tags"_s, target->url, base}}) {
            if (const auto ran = git(args); !ran.ok()) {
                return gitError(ran, Tr::tr("Could not read %1 of %2").arg(base, target->display));
            }
        }
        if (!git({u"merge-base"_s, u"--is-ancestor"_s, commit, u"FETCH_HEAD"_s}).ok()) {
            return QList<ApprovalDecision>(); // not merged (or the commit is not there at all)
        }
        const auto merges = git({u"log"_s, u"--merges"_s, u"--ancestry-path"_s, u"--reverse"_s,
                                 u"--format=%H%x1f%cn%x1f%ce%x1f%cI%x1f%s"_s, commit + u"..FETCH_HEAD"_s});
        ApprovalDecision decision;
        decision.approved = true;
        const QStringList first = merges.output.section(u'\n', 0, 0).split(u'\x1f');
        if (merges.ok() && first.size() >= 5) {
            decision.approverName = first.at(1);
            decision.email = first.at(2);
            decision.at = QDateTime::fromString(first.at(3), Qt::ISODate);
            decision.comment = first.at(4);
            decision.via = Tr::tr("merge %1").arg(first.at(0).left(10));
        } else {
            decision.via = Tr::tr("fast-forward of %1").arg(base);
        }
        return QList<ApprovalDecision>{decision};
    }

    // An approver's review of the pull request from the request's branch, as the signed-in user: APPROVE, or
    // REQUEST_CHANGES with the comment.
    [[nodiscard]] Result<QString> reviewChange(const ApprovalRequest &request, const ActionEnvironment &environment,
                                               bool approve, const QString &comment,
                                               const std::atomic_bool *cancel) override
    {
        const auto target = resolveTarget(request.changeRepo, environment);
        if (!target.ok()) {
            return target.error();
        }
        if (target->githubOwner.isEmpty()) {
            return makeError(Error::Code::Unsupported, Tr::tr("%1 has no review of its own").arg(target->display));
        }
        auto http = gitHub(environment, {});
        const QString repoPath = u"/repos/%1/%2"_s.arg(target->githubOwner, target->githubRepo);
        QUrlQuery query;
        query.addQueryItem(u"state"_s, u"open"_s);
        query.addQueryItem(u"head"_s, target->githubOwner + u':' + request.changeBranch);
        QUrl listUrl = http->resolve(repoPath + u"/pulls"_s);
        listUrl.setQuery(query);
        const auto listed = http->get(listUrl, cancel);
        if (!listed.ok()) {
            return listed.error();
        }
        const QJsonArray open = QJsonDocument::fromJson(listed->body).array();
        if (open.isEmpty()) {
            return makeError(
                Error::Code::Reference,
                Tr::tr("No pull request from %1 is open on %2").arg(request.changeBranch, target->display));
        }
        const int number = open.first().toObject().value("number"_L1).toInt();
        QJsonObject body{{u"event"_s, approve ? u"APPROVE"_s : u"REQUEST_CHANGES"_s}};
        if (!comment.isEmpty()) {
            body.insert(u"body"_s, comment);
        }
        if (!request.changeHead.isEmpty()) {
            body.insert(u"commit_id"_s, request.changeHead);
        }
        const auto answer = http->send("POST", http->resolve(repoPath + u"/pulls/%1/reviews"_s.arg(number)),
                                       QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", cancel);
        if (!answer.ok()) {
            Error e = answer.error();
            e.message = Tr::tr("GitHub refused your review of pull request #%1: %2")
                            .arg(number)
                            .arg(e.detail.isEmpty() ? e.message : e.detail);
            return e;
        }
        const QString url = QJsonDocument::fromJson(answer->body).object().value("html_url"_L1).toString();
        return (approve ? Tr::tr("Approved pull request #%1 on GitHub: %2")
                        : Tr::tr("Requested changes on pull request #%1 on GitHub: %2"))
            .arg(number)
            .arg(url);
    }

    // Merges the approved request branch into its base (unless an approver merged it already) and pushes; a base that
    // moved meanwhile is fetched and merged again.
    [[nodiscard]] Result<QString> landApproved(const StepRecord &step, const ActionEnvironment &environment,
                                               const std::atomic_bool *cancel) override
    {
        const QString commit = step.state.value("commit"_L1).toString();
        const QString base = step.state.value("base"_L1).toString();
        const QString branch = step.state.value("branch"_L1).toString();
        const auto target = resolveTarget(step.input.value("repoUrl"_L1).toString(), environment);
        if (!target.ok()) {
            return target.error();
        }
        if (commit.isEmpty() || base.isEmpty() || branch == base) {
            return QString();
        }
        if (!target->githubOwner.isEmpty()) {
            return mergePullRequest(step, environment, cancel);
        }
        QTemporaryDir dir;
        const QString clone = dir.filePath(u"clone"_s);
        const auto git = [&](const QStringList &args, const QString &where) {
            return GitRepository::run(args, where, target->url, {}, cancel);
        };
        const ActionUser &user = environment.user;
        const QStringList ident = {
            u"-c"_s, u"user.name="_s + (user.displayName.isEmpty() ? u"Portolan"_s : user.displayName), u"-c"_s,
            u"user.email="_s + (user.email.isEmpty() ? u"portolan@localhost"_s : user.email)};
        for (int attempt = 0; attempt < 5; ++attempt) {
            QDir(clone).removeRecursively();
            if (const auto cloned = git(
                    {u"clone"_s, u"--quiet"_s, u"--no-tags"_s, u"--branch"_s, base, target->url, clone}, dir.path());
                !cloned.ok()) {
                return gitError(cloned, Tr::tr("Could not clone %1").arg(target->display));
            }
            if (git({u"merge-base"_s, u"--is-ancestor"_s, commit, u"HEAD"_s}, clone).ok()) {
                return Tr::tr("%1 is already merged into %2").arg(branch, base);
            }
            if (const auto fetched = git({u"fetch"_s, u"--quiet"_s, u"origin"_s, branch}, clone); !fetched.ok()) {
                return gitError(
                    fetched, Tr::tr("The approved change %1 is no longer on %2").arg(commit.left(10), target->display));
            }
            const auto merged = git(ident
                                        + QStringList{u"merge"_s, u"--quiet"_s, u"--no-ff"_s, u"--no-edit"_s, u"-m"_s,
                                                      Tr::tr("Merge approved change %1").arg(branch), commit},
                                    clone);
            if (!merged.ok()) {
                return gitError(
                    merged,
                    Tr::tr("The approved change on %1 no longer merges into %2; merge it by hand").arg(branch, base));
            }
            const auto pushed = git({u"push"_s, u"--quiet"_s, u"origin"_s, u"HEAD:refs/heads/"_s + base}, clone);
            if (pushed.ok()) {
                return Tr::tr("Merged %1 into %2").arg(branch, base);
            }
            if (!pushed.errorOutput.contains(u"rejected"_s) && !pushed.errorOutput.contains(u"failed to update"_s)) {
                return gitError(pushed, Tr::tr("The repository refused the push to %1").arg(base));
            }
        }
        return makeError(Error::Code::Conflict, Tr::tr("%1 kept moving; the approved change is not merged").arg(base));
    }

private:
    // Each reviewer's latest review that approves or requests changes (a dismissed one withdraws theirs), and the
    // pull request's merge (by whoever merged it).
    static Result<QList<ApprovalDecision>>
    pullRequestDecisions(const StepRecord &step, const ActionEnvironment &environment, const std::atomic_bool *cancel)
    {
        const QString owner = step.state.value("owner"_L1).toString();
        const QString repo = step.state.value("repo"_L1).toString();
        const int number = step.state.value("pullRequest"_L1).toInt();
        if (owner.isEmpty() || number <= 0) {
            return QList<ApprovalDecision>();
        }
        auto http = gitHub(environment, step.input.value("credential"_L1).toString());
        const QString pullPath = u"/repos/%1/%2/pulls/%3"_s.arg(owner, repo).arg(number);
        QUrl reviewsUrl = http->resolve(pullPath + u"/reviews"_s);
        reviewsUrl.setQuery(u"per_page=100"_s);
        const auto reviews = http->get(reviewsUrl, cancel);
        if (!reviews.ok()) {
            return reviews.error();
        }
        QList<ApprovalDecision> decisions;
        const auto dropOf = [&decisions](const QString &login) {
            decisions.removeIf([&login](const ApprovalDecision &d) { return d.login == login; });
        };
        for (const QJsonValue &v : QJsonDocument::fromJson(reviews->body).array()) { // oldest first
            const QJsonObject review = v.toObject();
            const QString state = review.value("state"_L1).toString();
            const QString login = review.value("user"_L1).toObject().value("login"_L1).toString();
            if (state == u"DISMISSED"_s) {
                dropOf(login);
            }
            if (state != u"APPROVED"_s && state != u"CHANGES_REQUESTED"_s) {
                continue; // comments and pending reviews decide nothing
            }
            dropOf(login);
            ApprovalDecision decision;
            decision.login = login;
            decision.approverName = login;
            decision.approved = state == u"APPROVED"_s;
            decision.comment = review.value("body"_L1).toString();
            decision.at = QDateTime::fromString(review.value("submitted_at"_L1).toString(), Qt::ISODate);
            decision.via = Tr::tr("review %1 of pull request #%2")
                               .arg(QString::number(review.value("id"_L1).toInteger()))
                               .arg(number);
            decisions.append(decision);
        }
        const auto answer = http->get(http->resolve(pullPath), cancel);
        if (!answer.ok()) {
            return answer.error();
        }
        const QJsonObject pr = QJsonDocument::fromJson(answer->body).object();
        if (pr.value("merged"_L1).toBool()) {
            ApprovalDecision decision;
            decision.login = pr.value("merged_by"_L1).toObject().value("login"_L1).toString();
            decision.approverName = decision.login;
            decision.approved = true;
            decision.at = QDateTime::fromString(pr.value("merged_at"_L1).toString(), Qt::ISODate);
            decision.via = Tr::tr("merge of pull request #%1").arg(number);
            decisions.append(decision);
        }
        return decisions;
    }

    // Merges the approved pull request on GitHub (unless someone did already), at the commit that was approved.
    static Result<QString> mergePullRequest(const StepRecord &step, const ActionEnvironment &environment,
                                            const std::atomic_bool *cancel)
    {
        const QString owner = step.state.value("owner"_L1).toString();
        const QString repo = step.state.value("repo"_L1).toString();
        const int number = step.state.value("pullRequest"_L1).toInt();
        if (owner.isEmpty() || number <= 0) {
            return makeError(Error::Code::Reference, Tr::tr("The step opened no pull request to merge"));
        }
        auto http = gitHub(environment, step.input.value("credential"_L1).toString());
        const QString pullPath = u"/repos/%1/%2/pulls/%3"_s.arg(owner, repo).arg(number);
        const auto answer = http->get(http->resolve(pullPath), cancel);
        if (!answer.ok()) {
            return answer.error();
        }
        const QJsonObject pr = QJsonDocument::fromJson(answer->body).object();
        if (pr.value("merged"_L1).toBool()) {
            return Tr::tr("Pull request #%1 is already merged").arg(number);
        }
        if (pr.value("state"_L1).toString() != u"open"_s) {
            return makeError(Error::Code::Conflict, Tr::tr("Pull request #%1 was closed without merging").arg(number));
        }
        const QJsonObject body{
            {u"merge_method"_s, u"merge"_s},
            {u"sha"_s, step.state.value("commit"_L1).toString()},
            {u"commit_title"_s,
             Tr::tr("Merge approved change %1 (#%2)").arg(step.state.value("branch"_L1).toString()).arg(number)}};
        const auto merged = http->send("PUT", http->resolve(pullPath + u"/merge"_s),
                                       QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", cancel);
        if (!merged.ok()) {
            Error e = merged.error();
            if (e.code != Error::Code::Network && e.code != Error::Code::Timeout && e.code != Error::Code::Cancelled) {
                e.message = Tr::tr("GitHub would not merge pull request #%1: %2")
                                .arg(number)
                                .arg(e.detail.isEmpty() ? e.message : e.detail);
            }
            return e;
        }
        const QString sha = QJsonDocument::fromJson(merged->body).object().value("sha"_L1).toString();
        return Tr::tr("Merged pull request #%1 on GitHub (%2)").arg(number).arg(sha.left(10));
    }

    static TemplateExpression::Escape escapeFor(const QString &path)
    {
        const QString lower = path.toLower();
        if (lower.endsWith(u".yaml"_s) || lower.endsWith(u".yml"_s)) {
            return TemplateExpression::Escape::Yaml;
        }
        if (lower.endsWith(u".json"_s)) {
            return TemplateExpression::Escape::Json;
        }
        return TemplateExpression::Escape::None;
    }

    static QString joinPath(const QString &a, const QString &b)
    {
        return QDir::cleanPath((a.isEmpty() ? u"."_s : a) + u'/' + b);
    }

    static QString commitMessage(const QJsonObject &input)
    {
        const QString message = input.value("commitMessage"_L1).toString();
        return message.isEmpty() ? Tr::tr("Change made with Portolan") : message;
    }

    static QString branchName(const QJsonObject &input, const QString &runKey)
    {
        const QString name = input.value("branchName"_L1).toString();
        return name.isEmpty() ? u"portolan/"_s + (runKey.isEmpty() ? u"<run>"_s : runKey.left(8)) : name;
    }

    static std::unique_ptr<BlockingHttp> gitHub(const ActionEnvironment &environment, const QString &credential)
    {
        HttpOptions options;
        options.baseUrl = QUrl(environment.gitHubApiUrl);
        options.headers = GitHubConfig::apiHeaders();
        const QString token =
            environment.secrets.value(credential.isEmpty() ? environment.defaultGitHubCredential : credential);
        if (!token.isEmpty()) {
            options.auth.kind = HttpAuth::Kind::Bearer;
            options.auth.secret = token;
        }
        return std::make_unique<BlockingHttp>(options);
    }

    Result<StepResult> finish(StepContext &context, const Target &target, const QString &base, const QString &branch,
                              const QString &commit, bool pullRequest, const QString &clone, bool changed)
    {
        StepResult result;
        const QString targetPath = context.input.value("targetPath"_L1).toString();
        QString contents = target.display + u'#' + base;
        if (!targetPath.isEmpty() && targetPath != u"."_s) {
            contents += u':' + QDir::cleanPath(targetPath);
        }
        result.output = {{u"remoteUrl"_s, target.display}, {u"branch"_s, branch},
                         {u"baseBranch"_s, base},          {u"commitHash"_s, commit},
                         {u"repoContentsUrl"_s, contents}, {u"localPath"_s, clone},
                         {u"changed"_s, changed}};
        result.state = context.state;
        result.state.insert(u"commit"_s, commit);
        result.state.insert(u"branch"_s, branch);
        const QString web = GitRepository::webUrlFor(target.url, commit, {});
        RunLink link;
        link.kind = u"branch"_s;
        link.title = Tr::tr("%1 on %2").arg(commit.left(10), branch);
        link.url = web.isEmpty() ? target.display : web;
        result.links.append(link);
        if (pullRequest && changed) {
            if (target.githubOwner.isEmpty()) {
                context.log(Tr::tr("Pushed the branch %1; %2 has no pull request API Portolan uses, so open the "
                                   "review there")
                                .arg(branch, target.display));
            } else {
                auto opened = openPullRequest(context, target, base, branch);
                if (!opened.ok()) {
                    return opened.error();
                }
                result.state = context.state;
                result.state.insert(u"owner"_s, target.githubOwner);
                result.state.insert(u"repo"_s, target.githubRepo);
                result.output.insert(u"pullRequestUrl"_s, opened->url);
                result.output.insert(u"pullRequestNumber"_s, context.state.value("pullRequest"_L1));
                result.links.append(*opened);
            }
        }
        return result;
    }

    Result<RunLink> openPullRequest(StepContext &context, const Target &target, const QString &base,
                                    const QString &branch)
    {
        auto http = gitHub(*context.environment, context.input.value("credential"_L1).toString());
        const QString repoPath = u"/repos/%1/%2"_s.arg(target.githubOwner, target.githubRepo);
        RunLink link;
        link.kind = u"pull-request"_s;
        link.state = u"open"_s;
        // An earlier attempt may have opened it already: look for an open PR from this branch first.
        const auto existing =
            http->get(http->resolve(repoPath + u"/pulls?state=open&head="_s + target.githubOwner + u':' + branch),
                      context.cancel);
        if (existing.ok()) {
            const QJsonArray list = QJsonDocument::fromJson(existing->body).array();
            if (!list.isEmpty()) {
                const QJsonObject pr = list.first().toObject();
                link.url = pr.value("html_url"_L1).toString();
                link.title = Tr::tr("Pull request #%1").arg(pr.value("number"_L1).toInt());
                context.state.insert(u"pullRequest"_s, pr.value("number"_L1).toInt());
                context.saveState(context.state);
                context.log(Tr::tr("Pull request #%1 is already open").arg(pr.value("number"_L1).toInt()));
                return link;
            }
        }
        const QJsonObject body{{u"title"_s, context.input.value("title"_L1).toString(commitMessage(context.input))},
                               {u"head"_s, branch},
                               {u"base"_s, base},
                               {u"body"_s, context.input.value("description"_L1).toString()}};
        const auto answer =
            http->send("POST", http->resolve(repoPath + u"/pulls"_s),
                       QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", context.cancel);
        if (!answer.ok()) {
            Error e = answer.error();
            e.message = Tr::tr("GitHub refused to open the pull request: %1").arg(e.message);
            return e;
        }
        const QJsonObject pr = QJsonDocument::fromJson(answer->body).object();
        link.url = pr.value("html_url"_L1).toString();
        link.title = Tr::tr("Pull request #%1").arg(pr.value("number"_L1).toInt());
        context.state.insert(u"pullRequest"_s, pr.value("number"_L1).toInt());
        context.saveState(context.state);
        context.log(Tr::tr("Opened pull request #%1: %2").arg(pr.value("number"_L1).toInt()).arg(link.url));
        return link;
    }
};

} // namespace

std::unique_ptr<StepExecutor> makeGitOpsPublishExecutor()
{
    return std::make_unique<GitOpsPublishExecutor>();
}

} // namespace Portolan::Core
