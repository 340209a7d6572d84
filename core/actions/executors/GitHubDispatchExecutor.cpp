// github:actions:dispatch, with the name and inputs of Backstage's own action (repoUrl, workflowId, branchOrTagName,
// workflowInputs, token): starts a workflow through GitHub's REST API, finds the run it made and follows it to its end.
#include "Executors.h"

#include "sources/github/GitHubConfig.h"

#include "util/Logging.h"

#include "net/BlockingHttp.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <climits>
#include <optional>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::GitHubDispatchExecutor)
};

constexpr double defaultPollSeconds = 10;
constexpr double maxPollSeconds = 3600;
constexpr double defaultTimeoutMinutes = 360; // GitHub's own limit for a job on its runners
constexpr int maxInputs = 25; // GitHub's limit for workflow_dispatch inputs
// A run shows up in the run list a moment after the dispatch: how often to look before giving up.
constexpr int findAttempts = 12;
constexpr int resumeFindAttempts = 3;
// created_at comes from GitHub's clock: the dispatch time (GitHub's Date header) minus this.
constexpr int searchSlackSeconds = 5;
// When GitHub's answer never came, only our clock knows the dispatch time: allow for its drift.
constexpr int resumeSlackSeconds = 60;
constexpr int maxPollFailures = 5; // failed polls in a row before a follow gives up
constexpr int cancelPollMs = 50;

struct Target
{
    QString host;
    QString owner;
    QString repo;
    QString workflowId;
    qint64 runId = 0;

    [[nodiscard]] QString slug() const { return owner + u'/' + repo; }
    [[nodiscard]] QString repoPath() const
    {
        return u"/repos/%1/%2"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(owner)),
                                     QString::fromLatin1(QUrl::toPercentEncoding(repo)));
    }
    [[nodiscard]] QString workflowPath() const
    {
        return repoPath() + u"/actions/workflows/"_s + QString::fromLatin1(QUrl::toPercentEncoding(workflowId));
    }
    [[nodiscard]] QString runPath() const { return repoPath() + u"/actions/runs/"_s + QString::number(runId); }
};

struct Dispatch
{
    Target target;
    QString ref;
    QJsonObject inputs;
    QString credential; // the workspace credential's name; empty when the input gave a token
    QString token;
    bool wait = true;
    double pollSeconds = defaultPollSeconds;
    double timeoutMinutes = defaultTimeoutMinutes;
};

struct RunInfo
{
    qint64 id = 0;
    QString name;
    int number = 0;
    QString status;
    QString conclusion;
    QString htmlUrl;
    QString event;
    QString branch;
    QString actor;
    QDateTime created;

    // The platform's word for where it stands: the conclusion once completed.
    [[nodiscard]] QString state() const
    {
        return status == u"completed"_s && !conclusion.isEmpty() ? conclusion : status;
    }
};

enum class Operation { Dispatch, ListRuns, GetRun, CancelRun, ReadDeployments, ReviewDeployments };

// A deployment of the run to a protected environment that waits for one of its required reviewers (GitHub's
// pending deployments), as the step's state keeps it.
QJsonArray pendingFrom(const QJsonArray &gitHub)
{
    QJsonArray out;
    for (const QJsonValue &v : gitHub) {
        const QJsonObject o = v.toObject();
        const QJsonObject environment = o.value("environment"_L1).toObject();
        QJsonArray reviewers;
        for (const QJsonValue &r : o.value("reviewers"_L1).toArray()) {
            const QJsonObject reviewer = r.toObject().value("reviewer"_L1).toObject();
            const QString type = r.toObject().value("type"_L1).toString();
            QJsonObject entry{{u"type"_s, type}};
            if (type == u"Team"_s) {
                entry.insert(u"slug"_s, reviewer.value("slug"_L1));
                entry.insert(u"name"_s, reviewer.value("name"_L1));
            } else {
                entry.insert(u"login"_s, reviewer.value("login"_L1));
            }
            reviewers.append(entry);
        }
        out.append(QJsonObject{{u"environmentId"_s, double(environment.value("id"_L1).toInteger())},
                               {u"environment"_s, environment.value("name"_L1)},
                               {u"url"_s, environment.value("html_url"_L1)},
                               {u"canApprove"_s, o.value("current_user_can_approve"_L1).toBool()},
                               {u"waitTimer"_s, o.value("wait_timer"_L1).toInt()},
                               {u"reviewers"_s, reviewers}});
    }
    return out;
}

// "octocat or the team Justice League"
QString reviewersText(const QJsonArray &reviewers)
{
    QStringList names;
    for (const QJsonValue &v : reviewers) {
        const QJsonObject r = v.toObject();
        names.append(r.value("type"_L1).toString() == u"Team"_s
                         ? Tr::tr("the team %1").arg(r.value("name"_L1).toString())
                         : r.value("login"_L1).toString());
    }
    return names.isEmpty() ? Tr::tr("an administrator of the repository") : names.join(Tr::tr(" or "));
}

Error fieldError(const QString &field, const QString &message)
{
    Error e = makeError(Error::Code::Validation, message);
    e.field = u"input."_s + field;
    return e;
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

// Backstage's RepoUrlPicker value, "github.com?owner=o&repo=r"; a plain https://host/o/r URL is taken too.
bool parseRepoUrl(const QString &text, Target &target)
{
    const qsizetype question = text.indexOf(u'?');
    if (question > 0 && !text.contains(u"://"_s)) {
        const QUrlQuery query(text.mid(question + 1));
        target.host = text.left(question);
        target.owner = query.queryItemValue(u"owner"_s, QUrl::FullyDecoded);
        target.repo = query.queryItemValue(u"repo"_s, QUrl::FullyDecoded);
    } else {
        const QUrl url(text);
        const QStringList parts = url.path().split(u'/', Qt::SkipEmptyParts);
        if (parts.size() == 2 && !url.host().isEmpty()) {
            target.host = url.host();
            target.owner = parts[0];
            target.repo = parts[1].endsWith(u".git"_s) ? parts[1].chopped(4) : parts[1];
        }
    }
    return !target.host.isEmpty() && !target.owner.isEmpty() && !target.repo.isEmpty();
}

// The input read and checked; every problem goes to `problems`, so check() can name them all.
Dispatch parse(const QJsonObject &input, const ActionEnvironment &environment, ErrorList &problems)
{
    Dispatch d;
    const QJsonValue repoUrl = input.value("repoUrl"_L1);
    if (!repoUrl.isString() || repoUrl.toString().isEmpty()) {
        problems.append(fieldError(u"repoUrl"_s, Tr::tr("The step needs repoUrl (github.com?owner=o&repo=r)")));
    } else if (!parseRepoUrl(repoUrl.toString(), d.target)) {
        problems.append(fieldError(u"repoUrl"_s, Tr::tr("\"%1\" is not a repository URL like "
                                                        "github.com?owner=o&repo=r")
                                                     .arg(repoUrl.toString())));
    } else if (d.target.host != u"github.com"_s && QUrl(environment.gitHubApiUrl).host() == u"api.github.com"_s) {
        Error e = fieldError(u"repoUrl"_s, Tr::tr("repoUrl names the host %1, but the workspace's GitHub API is "
                                                  "api.github.com: the workflow is dispatched there")
                                               .arg(d.target.host));
        e.severity = Error::Severity::Warning;
        problems.append(e);
    }

    const QJsonValue workflow = input.value("workflowId"_L1);
    if (workflow.isString() && !workflow.toString().trimmed().isEmpty()) {
        d.target.workflowId = workflow.toString().trimmed();
    } else if (workflow.isDouble() && workflow.toDouble() > 0) {
        d.target.workflowId = QString::number(workflow.toInteger());
    } else {
        problems.append(fieldError(u"workflowId"_s, Tr::tr("The step needs workflowId: the workflow's file name "
                                                           "(deploy.yml) or id")));
    }

    const QJsonValue ref = input.value("branchOrTagName"_L1);
    if (!ref.isString() || ref.toString().trimmed().isEmpty()) {
        problems.append(fieldError(u"branchOrTagName"_s, Tr::tr("The step needs branchOrTagName: the branch or tag "
                                                                "whose workflow file runs")));
    } else {
        d.ref = ref.toString().trimmed();
    }

    const QJsonValue inputs = input.value("workflowInputs"_L1);
    if (inputs.isObject()) {
        d.inputs = inputs.toObject();
        if (d.inputs.size() > maxInputs) {
            problems.append(fieldError(u"workflowInputs"_s, Tr::tr("GitHub takes at most %1 workflow inputs; %2 "
                                                                   "are given")
                                                                .arg(maxInputs)
                                                                .arg(d.inputs.size())));
        }
        for (auto it = d.inputs.constBegin(); it != d.inputs.constEnd(); ++it) {
            if (!it.value().isString() && !it.value().isDouble() && !it.value().isBool()) {
                problems.append(fieldError(u"workflowInputs."_s + it.key(),
                                           Tr::tr("A workflow input must be a string, number or boolean")));
            }
        }
    } else if (!inputs.isUndefined() && !inputs.isNull()) {
        problems.append(fieldError(u"workflowInputs"_s, Tr::tr("workflowInputs must be an object of input names "
                                                               "and values")));
    }

    const QJsonValue token = input.value("token"_L1);
    const QJsonValue credential = input.value("credential"_L1);
    if (token.isString() && !token.toString().isEmpty()) {
        d.token = token.toString();
    } else if (credential.isString() && !credential.toString().isEmpty()) {
        d.credential = credential.toString();
        if (!environment.secrets.contains(d.credential)) {
            problems.append(
                fieldError(u"credential"_s, Tr::tr("The workspace has no credential named \"%1\"").arg(d.credential)));
        }
        d.token = environment.secrets.value(d.credential);
    } else if (!environment.defaultGitHubCredential.isEmpty()) {
        d.credential = environment.defaultGitHubCredential;
        if (!environment.secrets.contains(d.credential)) {
            Error e = fieldError(u"credential"_s,
                                 Tr::tr("The GitHub credential \"%1\" of the workspace is not set").arg(d.credential));
            e.code = Error::Code::Credentials;
            problems.append(e);
        }
        d.token = environment.secrets.value(d.credential);
    } else {
        Error e = fieldError(u"credential"_s, Tr::tr("No GitHub credential: name one in `credential`, or add a "
                                                     "github source to the workspace"));
        e.code = Error::Code::Credentials;
        problems.append(e);
    }

    const QJsonValue wait = input.value("waitForCompletion"_L1);
    if (wait.isBool()) {
        d.wait = wait.toBool();
    } else if (!wait.isUndefined() && !wait.isNull()) {
        problems.append(fieldError(u"waitForCompletion"_s, Tr::tr("waitForCompletion must be true or false")));
    }

    const QJsonValue poll = input.value("pollSeconds"_L1);
    if (poll.isDouble() && poll.toDouble() > 0 && poll.toDouble() <= maxPollSeconds) {
        d.pollSeconds = poll.toDouble();
    } else if (!poll.isUndefined() && !poll.isNull()) {
        problems.append(fieldError(u"pollSeconds"_s, Tr::tr("pollSeconds must be a number of seconds above 0 and "
                                                            "at most %1")
                                                         .arg(maxPollSeconds)));
    }

    const QJsonValue timeout = input.value("timeoutMinutes"_L1);
    if (timeout.isDouble() && timeout.toDouble() > 0) {
        d.timeoutMinutes = timeout.toDouble();
    } else if (!timeout.isUndefined() && !timeout.isNull()) {
        problems.append(fieldError(u"timeoutMinutes"_s, Tr::tr("timeoutMinutes must be a number of minutes above "
                                                               "0")));
    }
    return d;
}

HttpOptions gitHubOptions(const ActionEnvironment &environment, const QString &token)
{
    // The headers the github source sends (GitHubSource): GitHub's media type and the REST API version.
    HttpOptions options;
    options.baseUrl = QUrl(environment.gitHubApiUrl);
    options.auth.kind = HttpAuth::Kind::Bearer;
    options.auth.secret = token;
    options.headers = GitHubConfig::apiHeaders();
    return options;
}

RunInfo runFrom(const QJsonObject &o)
{
    RunInfo run;
    run.id = o.value("id"_L1).toInteger();
    run.name = o.value("name"_L1).toString();
    run.number = o.value("run_number"_L1).toInt();
    run.status = o.value("status"_L1).toString();
    run.conclusion = o.value("conclusion"_L1).toString();
    run.htmlUrl = o.value("html_url"_L1).toString();
    run.event = o.value("event"_L1).toString();
    run.branch = o.value("head_branch"_L1).toString();
    run.actor = o.value("actor"_L1).toObject().value("login"_L1).toString();
    run.created = QDateTime::fromString(o.value("created_at"_L1).toString(), Qt::ISODate).toUTC();
    return run;
}

// GitHub's answer as the step's error: what it refused and why, in GitHub's own words.
Error gitHubError(const Error &e, Operation operation, const Target &target)
{
    if (e.httpStatus == 0 || e.code == Error::Code::RateLimited) {
        return e;
    }
    QString what;
    switch (operation) {
    case Operation::Dispatch:
        what = Tr::tr("dispatch workflow %1 of %2").arg(target.workflowId, target.slug());
        break;
    case Operation::ListRuns:
        what = Tr::tr("list the runs of workflow %1 of %2").arg(target.workflowId, target.slug());
        break;
    case Operation::GetRun:
        what = Tr::tr("read workflow run %1 of %2").arg(target.runId).arg(target.slug());
        break;
    case Operation::CancelRun:
        what = Tr::tr("cancel workflow run %1 of %2").arg(target.runId).arg(target.slug());
        break;
    case Operation::ReadDeployments:
        what = Tr::tr("read the pending deployments of workflow run %1 of %2").arg(target.runId).arg(target.slug());
        break;
    case Operation::ReviewDeployments:
        what = Tr::tr("review the pending deployments of workflow run %1 of %2").arg(target.runId).arg(target.slug());
        break;
    }
    Error out = e;
    out.detail = e.detail.isEmpty() ? e.message : e.detail;
    const QString reason = e.detail.isEmpty() ? QString() : u": "_s + e.detail;
    switch (e.httpStatus) {
    case 401:
        out.message = Tr::tr("GitHub did not accept the credential (HTTP 401)%1").arg(reason);
        break;
    case 403:
        out.message = operation == Operation::ReviewDeployments
                          ? Tr::tr("GitHub refused to %1 (HTTP 403)%2. Only a required reviewer of the environment "
                                   "can approve or reject its deployments")
                                .arg(what, reason)
                          : Tr::tr("GitHub refused to %1 (HTTP 403)%2. The credential needs write access to the "
                                   "repository's Actions (the workflow scope for a classic token)")
                                .arg(what, reason);
        break;
    case 404:
        out.message =
            operation == Operation::Dispatch || operation == Operation::ListRuns
                ? Tr::tr("GitHub knows no workflow \"%1\" in %2, or the credential cannot see that "
                         "repository (HTTP 404)")
                      .arg(target.workflowId, target.slug())
                : Tr::tr("GitHub knows no workflow run %1 in %2 (HTTP 404)").arg(target.runId).arg(target.slug());
        out.field = operation == Operation::Dispatch ? u"input.workflowId"_s : QString();
        break;
    case 409:
        out.message = Tr::tr("GitHub did not %1 (HTTP 409)%2").arg(what, reason);
        break;
    case 422:
        out.message = Tr::tr("GitHub did not %1 (HTTP 422)%2").arg(what, reason);
        break;
    default:
        out.message = Tr::tr("Could not %1: %2%3").arg(what, e.message, reason);
        break;
    }
    return out;
}

// Waits `msecs` on the worker thread (its events still run), or until `cancel` is set; false when cancelled.
bool waitFor(qint64 msecs, const std::atomic_bool *cancel)
{
    if (cancel && cancel->load()) {
        return false;
    }
    QEventLoop loop;
    QTimer done;
    done.setSingleShot(true);
    QObject::connect(&done, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&loop, cancel] {
        if (cancel && cancel->load()) {
            loop.quit();
        }
    });
    done.start(int(std::clamp<qint64>(msecs, 0, INT_MAX)));
    poll.start(cancelPollMs);
    loop.exec();
    return !(cancel && cancel->load());
}

Error cancelled(const QString &message)
{
    return makeError(Error::Code::Cancelled, message);
}

class GitHubDispatchExecutor final : public StepExecutor
{
public:
    [[nodiscard]] QString action() const override { return u"github:actions:dispatch"_s; }

    [[nodiscard]] QString description() const override
    {
        return Tr::tr("Starts a GitHub Actions workflow (workflow_dispatch) and follows its run to the end");
    }

    [[nodiscard]] ErrorList check(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        ErrorList problems;
        (void)parse(input, environment, problems);
        return problems;
    }

    [[nodiscard]] StepPreview preview(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        ErrorList problems;
        const Dispatch d = parse(input, environment, problems);
        StepPreview p;
        p.method = u"POST"_s;
        QUrl api(environment.gitHubApiUrl);
        api.setPath(api.path().remove(QRegularExpression(u"/+$"_s)) + d.target.workflowPath() + u"/dispatches"_s,
                    QUrl::TolerantMode);
        p.target = HttpClient::redactedUrl(api);
        QJsonObject body{{u"ref"_s, d.ref}, {u"return_run_details"_s, true}};
        if (!d.inputs.isEmpty()) {
            body.insert(u"inputs"_s, d.inputs);
        }
        QString text = QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented));
        for (const QString &secret : environment.secrets) {
            if (secret.size() >= 4) {
                text.replace(secret, u"***"_s);
            }
        }
        if (!d.token.isEmpty() && d.token.size() >= 4) {
            text.replace(d.token, u"***"_s);
        }
        p.body = text;
        p.notes.append(d.credential.isEmpty()
                           ? Tr::tr("Authorized with the token given in the step's input")
                           : Tr::tr("Authorized with the GitHub credential \"%1\"").arg(d.credential));
        p.notes.append(Tr::tr("Runs workflow %1 of %2 on %3").arg(d.target.workflowId, d.target.slug(), d.ref));
        p.notes.append(
            d.wait ? Tr::tr("The step follows the run (every %1 s) and fails unless it succeeds").arg(d.pollSeconds)
                   : Tr::tr("The step ends once the run is found; the run is followed on the run page"));
        for (const Error &e : std::as_const(problems)) {
            p.notes.append(Tr::tr("Problem: %1 (%2)").arg(e.message, e.field));
        }
        return p;
    }

    [[nodiscard]] Result<StepResult> run(StepContext &context) override
    {
        static const ActionEnvironment noEnvironment;
        const ActionEnvironment &environment = context.environment ? *context.environment : noEnvironment;
        ErrorList problems;
        Dispatch d = parse(context.input, environment, problems);
        for (const Error &e : std::as_const(problems)) {
            if (e.isError()) {
                return e;
            }
        }
        const Clock &clock = environment.clock ? *environment.clock : Clock::system();
        const auto log = [&context](const QString &line) {
            if (context.log) {
                context.log(line);
            }
        };
        BlockingHttp http(gitHubOptions(environment, d.token));

        // What a resumed attempt and refresh()/cancel() need; never the token itself.
        QJsonObject state = context.state;
        state.insert(u"owner"_s, d.target.owner);
        state.insert(u"repo"_s, d.target.repo);
        state.insert(u"workflowId"_s, d.target.workflowId);
        state.insert(u"ref"_s, d.ref);
        if (!d.credential.isEmpty()) {
            state.insert(u"credential"_s, d.credential);
        }
        const auto save = [&context, &state] {
            if (context.saveState) {
                context.saveState(state);
            }
        };

        d.target.runId = state.value("runId"_L1).toInteger();
        if (d.target.runId == 0 && !context.state.isEmpty()) {
            const bool posted = state.value("posted"_L1).toBool();
            const QDateTime dispatchedAt = timeFrom(state.value("dispatchedAt"_L1));
            const QDateTime serverTime = timeFrom(state.value("serverDispatchedAt"_L1));
            const QDateTime since = serverTime.isValid() ? serverTime.addSecs(-searchSlackSeconds)
                                                         : dispatchedAt.addSecs(-resumeSlackSeconds);
            log(Tr::tr("Resumed: looking for the run an earlier attempt dispatched at %1")
                    .arg(dispatchedAt.toString(Qt::ISODate)));
            Result<std::optional<RunInfo>> found =
                findRun(http, d, environment, since, posted ? findAttempts : resumeFindAttempts, context);
            if (!found.ok()) {
                return found.error();
            }
            if (found.value()) {
                d.target.runId = found.value()->id;
                log(Tr::tr("Found workflow run %1, started by the earlier attempt; not dispatching again")
                        .arg(d.target.runId));
                state.insert(u"runId"_s, double(d.target.runId));
                save();
            } else if (posted) {
                return makeError(Error::Code::Conflict,
                                 Tr::tr("GitHub accepted the dispatch of workflow %1 at %2, but no run of it on %3 "
                                        "shows up; see https://%4/%5/actions")
                                     .arg(d.target.workflowId, dispatchedAt.toString(Qt::ISODate), d.ref, d.target.host,
                                          d.target.slug()));
            } else {
                log(Tr::tr("No run of workflow %1 since %2: the earlier attempt's dispatch never reached GitHub; "
                           "dispatching again")
                        .arg(d.target.workflowId, dispatchedAt.toString(Qt::ISODate)));
            }
        }

        if (d.target.runId == 0) {
            Result<qint64> dispatched = dispatch(http, d, environment, clock, state, save, context);
            if (!dispatched.ok()) {
                return dispatched.error();
            }
            d.target.runId = dispatched.value();
            state.insert(u"runId"_s, double(d.target.runId));
            save();
        }
        return follow(http, d, state, save, context);
    }

    [[nodiscard]] Result<QList<RunLink>> refresh(const StepRecord &step, QList<RunLink> links,
                                                 const ActionEnvironment &environment,
                                                 const std::atomic_bool *cancel) override
    {
        Result<Target> target = targetOf(step);
        if (!target.ok()) {
            return links; // nothing was started
        }
        Result<QString> token = tokenOf(step, environment);
        if (!token.ok()) {
            return token.error();
        }
        BlockingHttp http(gitHubOptions(environment, token.value()));
        Result<HttpResponse> answer = http.get(http.resolve(target->runPath()), cancel);
        if (!answer.ok()) {
            return gitHubError(answer.error(), Operation::GetRun, target.value());
        }
        const RunInfo run = runFrom(QJsonDocument::fromJson(answer->body).object());
        for (RunLink &link : links) {
            if (link.kind == u"workflow-run"_s && (link.stepId == step.id || link.url == run.htmlUrl)) {
                link.state = run.state();
            }
        }
        return links;
    }

    [[nodiscard]] bool canCancel() const override { return true; }

    [[nodiscard]] Result<void> cancel(const StepRecord &step, const ActionEnvironment &environment) override
    {
        Result<Target> target = targetOf(step);
        if (!target.ok()) {
            return target.error();
        }
        Result<QString> token = tokenOf(step, environment);
        if (!token.ok()) {
            return token.error();
        }
        BlockingHttp http(gitHubOptions(environment, token.value()));
        Result<HttpResponse> answer =
            http.send("POST", http.resolve(target->runPath() + u"/cancel"_s), {}, {}, nullptr);
        if (!answer.ok()) {
            return gitHubError(answer.error(), Operation::CancelRun, target.value());
        }
        qCInfo(lcActions) << "cancel of workflow run" << target->runId << "of" << target->slug() << "accepted";
        return {};
    }

    [[nodiscard]] Result<void> reviewPending(const StepRecord &step, const ActionEnvironment &environment, bool approve,
                                             const QString &comment, const std::atomic_bool *cancel) override
    {
        Result<Target> target = targetOf(step);
        if (!target.ok()) {
            return target.error();
        }
        Result<QString> token = tokenOf(step, environment);
        if (!token.ok()) {
            return token.error();
        }
        BlockingHttp http(gitHubOptions(environment, token.value()));
        // What waits now, not what the step saw last: a deployment may have been reviewed on GitHub meanwhile.
        const QUrl url = http.resolve(target->runPath() + u"/pending_deployments"_s);
        Result<HttpResponse> answer = http.get(url, cancel);
        if (!answer.ok()) {
            return gitHubError(answer.error(), Operation::ReadDeployments, target.value());
        }
        const QJsonArray pending = pendingFrom(QJsonDocument::fromJson(answer->body).array());
        QJsonArray ids;
        for (const QJsonValue &p : pending) {
            if (p.toObject().value("canApprove"_L1).toBool()) {
                ids.append(p.toObject().value("environmentId"_L1));
            }
        }
        if (pending.isEmpty()) {
            return makeError(Error::Code::Conflict,
                             Tr::tr("Workflow run %1 of %2 has no deployment waiting for a review")
                                 .arg(target->runId)
                                 .arg(target->slug()));
        }
        if (ids.isEmpty()) {
            return makeError(Error::Code::Auth,
                             Tr::tr("You are not a required reviewer of the deployment of workflow run %1 to %2; %3 "
                                    "can review it")
                                 .arg(target->runId)
                                 .arg(pending.first().toObject().value("environment"_L1).toString(),
                                      reviewersText(pending.first().toObject().value("reviewers"_L1).toArray())));
        }
        const QJsonObject body{{u"environment_ids"_s, ids},
                               {u"state"_s, approve ? u"approved"_s : u"rejected"_s},
                               {u"comment"_s, comment}};
        answer = http.send("POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", cancel);
        if (!answer.ok()) {
            return gitHubError(answer.error(), Operation::ReviewDeployments, target.value());
        }
        qCInfo(lcActions) << "deployments of workflow run" << target->runId << "of" << target->slug()
                          << (approve ? "approved" : "rejected");
        return {};
    }

private:
    static Result<Target> targetOf(const StepRecord &step)
    {
        Target t;
        t.owner = step.state.value("owner"_L1).toString();
        t.repo = step.state.value("repo"_L1).toString();
        t.workflowId = step.state.value("workflowId"_L1).toString();
        t.runId = step.state.value("runId"_L1).toInteger();
        if (t.owner.isEmpty() || t.repo.isEmpty() || t.runId == 0) {
            return makeError(Error::Code::Unsupported,
                             Tr::tr("Step \"%1\" has not started a workflow run").arg(step.name));
        }
        return t;
    }

    static Result<QString> tokenOf(const StepRecord &step, const ActionEnvironment &environment)
    {
        const QString credential = step.state.value("credential"_L1).toString();
        const QString name = credential.isEmpty() ? environment.defaultGitHubCredential : credential;
        const QString token = environment.secrets.value(name);
        if (token.isEmpty()) {
            return makeError(Error::Code::Credentials,
                             name.isEmpty() ? Tr::tr("Step \"%1\" used a token of its own, which is not kept; there "
                                                     "is no workspace GitHub credential to use instead")
                                                  .arg(step.name)
                                            : Tr::tr("The GitHub credential \"%1\" is not set").arg(name));
        }
        return token;
    }

    // POSTs the dispatch; the run's id, from GitHub's answer or found in the run list.
    static Result<qint64> dispatch(BlockingHttp &http, const Dispatch &d, const ActionEnvironment &environment,
                                   const Clock &clock, QJsonObject &state, const std::function<void()> &save,
                                   StepContext &context)
    {
        const auto log = [&context](const QString &line) {
            if (context.log) {
                context.log(line);
            }
        };
        const QDateTime dispatchedAt = clock.now().toUTC();
        state.insert(u"dispatchedAt"_s, timeText(dispatchedAt));
        state.insert(u"posted"_s, false);
        state.remove(u"serverDispatchedAt"_s);
        save(); // before the POST: a resumed attempt looks for a run before it dispatches again

        QJsonObject body{{u"ref"_s, d.ref}, {u"return_run_details"_s, true}};
        if (!d.inputs.isEmpty()) {
            body.insert(u"inputs"_s, d.inputs);
        }
        const QUrl url = http.resolve(d.target.workflowPath() + u"/dispatches"_s);
        log(Tr::tr("Dispatching workflow %1 of %2 on %3").arg(d.target.workflowId, d.target.slug(), d.ref));
        Result<HttpResponse> answer = http.send("POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                                "application/json", context.cancel);
        if (!answer.ok() && answer.error().httpStatus == 422
            && answer.error().detail.contains(u"return_run_details"_s)) {
            // A GitHub Enterprise Server from before return_run_details rejects the key and dispatches nothing.
            log(Tr::tr("This GitHub does not know return_run_details; dispatching without it"));
            body.remove(u"return_run_details"_s);
            answer = http.send("POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json",
                               context.cancel);
        }
        if (!answer.ok()) {
            return gitHubError(answer.error(), Operation::Dispatch, d.target);
        }
        const QDateTime serverTime =
            QDateTime::fromString(QString::fromLatin1(answer->header("Date")).trimmed(), Qt::RFC2822Date).toUTC();
        state.insert(u"posted"_s, true);
        if (serverTime.isValid()) {
            state.insert(u"serverDispatchedAt"_s, timeText(serverTime));
        }
        save();

        if (answer->status == 200) {
            const QJsonObject details = QJsonDocument::fromJson(answer->body).object();
            const qint64 id = details.value("workflow_run_id"_L1).toInteger();
            if (id > 0) {
                log(Tr::tr("GitHub started workflow run %1: %2").arg(id).arg(details.value("html_url"_L1).toString()));
                return id;
            }
        }
        log(Tr::tr("GitHub answered HTTP %1 without the run's id; looking for the run").arg(answer->status));
        const QDateTime since = (serverTime.isValid() ? serverTime : dispatchedAt).addSecs(-searchSlackSeconds);
        Result<std::optional<RunInfo>> found = findRun(http, d, environment, since, findAttempts, context);
        if (!found.ok()) {
            return found.error();
        }
        if (!found.value()) {
            return makeError(Error::Code::Conflict,
                             Tr::tr("GitHub accepted the dispatch of workflow %1, but no run of it on %2 showed up; "
                                    "see https://%3/%4/actions")
                                 .arg(d.target.workflowId, d.ref, d.target.host, d.target.slug()));
        }
        log(Tr::tr("Found workflow run %1: %2").arg(found.value()->id).arg(found.value()->htmlUrl));
        return found.value()->id;
    }

    // The newest workflow_dispatch run of the workflow on the ref created since `since` by the signed-in user. The
    // token's owner is the run's actor; when no run has the user as actor (a bot or app token) the only candidate is
    // taken on the last look.
    static Result<std::optional<RunInfo>> findRun(BlockingHttp &http, const Dispatch &d,
                                                  const ActionEnvironment &environment, const QDateTime &since,
                                                  int attempts, StepContext &context)
    {
        const QString actor = environment.user.login;
        QString query = u"event=workflow_dispatch&per_page=30&branch="_s
                        + QString::fromLatin1(QUrl::toPercentEncoding(d.ref)) + u"&created="_s
                        + QString::fromLatin1(QUrl::toPercentEncoding(u">="_s + since.toString(Qt::ISODate)));
        const QUrl url = http.resolve(d.target.workflowPath() + u"/runs?"_s + query);
        for (int attempt = 0; attempt < attempts; ++attempt) {
            if (attempt > 0 && !waitFor(qint64(d.pollSeconds * 1000), context.cancel)) {
                return cancelled(Tr::tr("Cancelled while looking for the workflow run"));
            }
            Result<HttpResponse> answer = http.get(url, context.cancel);
            if (!answer.ok()) {
                return gitHubError(answer.error(), Operation::ListRuns, d.target);
            }
            const QJsonArray runs = QJsonDocument::fromJson(answer->body).object().value("workflow_runs"_L1).toArray();
            std::optional<RunInfo> mine;
            QList<RunInfo> candidates;
            for (const QJsonValue &v : runs) {
                const RunInfo run = runFrom(v.toObject());
                if (run.event != u"workflow_dispatch"_s || run.branch != d.ref || run.created < since) {
                    continue;
                }
                candidates.append(run);
                const bool byActor = actor.isEmpty() || run.actor.compare(actor, Qt::CaseInsensitive) == 0;
                if (byActor
                    && (!mine || run.created > mine->created || (run.created == mine->created && run.id > mine->id))) {
                    mine = run;
                }
            }
            if (mine) {
                return mine;
            }
            if (attempt == attempts - 1 && candidates.size() == 1 && context.log) {
                context.log(Tr::tr("No run since the dispatch has %1 as actor; taking the only one, started by %2")
                                .arg(actor, candidates.first().actor));
                return std::optional<RunInfo>(candidates.first());
            }
        }
        return std::optional<RunInfo>();
    }

    static Result<StepResult> follow(BlockingHttp &http, const Dispatch &d, QJsonObject &state,
                                     const std::function<void()> &save, StepContext &context)
    {
        const auto log = [&context](const QString &line) {
            if (context.log) {
                context.log(line);
            }
        };
        const QUrl url = http.resolve(d.target.runPath());
        Result<HttpResponse> answer = http.get(url, context.cancel);
        if (!answer.ok()) {
            return gitHubError(answer.error(), Operation::GetRun, d.target);
        }
        RunInfo run = runFrom(QJsonDocument::fromJson(answer->body).object());
        state.insert(u"htmlUrl"_s, run.htmlUrl);
        save();
        log(Tr::tr("Workflow run %1: %2").arg(run.id).arg(run.state()));
        // Environment protection: a waiting run's deployments wait for a required reviewer. Who may review them is
        // kept in the step's state (the Inbox and `portolan-cli approvals` read it there) and said in the log.
        const auto noteReview = [&](const RunInfo &now) {
            if (now.status != u"waiting"_s) {
                if (state.contains("pendingDeployments"_L1)) {
                    state.remove(u"pendingDeployments"_s);
                    save();
                }
                return;
            }
            const Result<HttpResponse> pending =
                http.get(http.resolve(d.target.runPath() + u"/pending_deployments"_s), context.cancel);
            if (!pending.ok()) {
                log(gitHubError(pending.error(), Operation::ReadDeployments, d.target).message);
                return;
            }
            const QJsonArray deployments = pendingFrom(QJsonDocument::fromJson(pending->body).array());
            // Said before it is saved, so whoever sees the state (the CLI's progress) has the line with it.
            for (const QJsonValue &v : deployments) {
                const QJsonObject p = v.toObject();
                log(Tr::tr("Workflow run %1 waits for a review of its deployment to %2 by %3; it can be approved or "
                           "rejected on GitHub, in Portolan's Inbox, or with portolan-cli approvals approve %4")
                        .arg(now.id)
                        .arg(p.value("environment"_L1).toString(), reviewersText(p.value("reviewers"_L1).toArray()),
                             context.runKey));
            }
            state.insert(u"pendingDeployments"_s, deployments);
            save();
        };
        noteReview(run);

        QElapsedTimer elapsed;
        elapsed.start();
        const qint64 timeoutMs = qint64(d.timeoutMinutes * 60'000);
        int failures = 0;
        const auto stopped = [&run] {
            return cancelled(Tr::tr("Stopped following workflow run %1 while it was %2; it goes on on GitHub "
                                    "unless it is cancelled there: %3")
                                 .arg(run.id)
                                 .arg(run.status, run.htmlUrl));
        };
        while (d.wait && run.status != u"completed"_s) {
            if (!waitFor(qint64(d.pollSeconds * 1000), context.cancel)) {
                return stopped();
            }
            if (elapsed.elapsed() > timeoutMs) {
                return makeError(Error::Code::Timeout, Tr::tr("Workflow run %1 is still %2 after %3 minutes: %4")
                                                           .arg(run.id)
                                                           .arg(run.status)
                                                           .arg(d.timeoutMinutes)
                                                           .arg(run.htmlUrl));
            }
            answer = http.get(url, context.cancel);
            if (!answer.ok()) {
                const Error &e = answer.error();
                if (e.code == Error::Code::Cancelled) {
                    return stopped();
                }
                const bool passing = e.code == Error::Code::Network || e.code == Error::Code::Timeout
                                     || e.code == Error::Code::RateLimited || e.httpStatus >= 500;
                if (!passing || ++failures >= maxPollFailures) {
                    return gitHubError(e, Operation::GetRun, d.target);
                }
                log(Tr::tr("Could not read workflow run %1 (%2); trying again").arg(run.id).arg(e.message));
                continue;
            }
            failures = 0;
            const RunInfo now = runFrom(QJsonDocument::fromJson(answer->body).object());
            if (now.state() != run.state()) {
                log(Tr::tr("Workflow run %1: %2").arg(now.id).arg(now.state()));
                noteReview(now);
            }
            if (now.status == u"waiting"_s) {
                elapsed.restart(); // the time a review takes is people's, not the workflow's: it is not timed
            }
            run = now;
        }

        StepResult result;
        result.output = {
            {u"runId"_s, double(run.id)},
            {u"runUrl"_s, run.htmlUrl},
            {u"status"_s, run.status},
            {u"conclusion"_s, run.conclusion.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(run.conclusion)}};
        RunLink link;
        link.kind = u"workflow-run"_s;
        link.title = run.number > 0 ? Tr::tr("Workflow run %1 #%2").arg(run.name).arg(run.number)
                                    : Tr::tr("Workflow run %1").arg(run.id);
        link.url = run.htmlUrl;
        link.state = run.state();
        link.stepId = context.stepId;
        result.links.append(link);
        result.state = state;
        if (run.status == u"completed"_s && run.conclusion != u"success"_s) {
            Error e = makeError(run.conclusion == u"cancelled"_s ? Error::Code::Cancelled : Error::Code::Http,
                                Tr::tr("Workflow run %1 ended with conclusion \"%2\": %3")
                                    .arg(run.id)
                                    .arg(run.conclusion.isEmpty() ? Tr::tr("none") : run.conclusion, run.htmlUrl));
            return e;
        }
        return result;
    }
};

} // namespace

std::unique_ptr<StepExecutor> makeGitHubDispatchExecutor()
{
    return std::make_unique<GitHubDispatchExecutor>();
}

} // namespace Portolan::Core
