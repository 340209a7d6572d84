// portolan-cli's approval commands: the Inbox for scripts and terminals. Requests live in the workspace's approvals
// repository (actions.approvals), so what is decided here is what every desktop sees.
#include "ApprovalCommands.h"

#include "ActionCommands.h"
#include "CliSupport.h"
#include "actions/ActionGuards.h"
#include "actions/ActionRunner.h"
#include "actions/ActionSetup.h"
#include "actions/RunStore.h"
#include "approvals/Approval.h"
#include "config/Paths.h"
#include "ttl/TimeToLive.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Cli {

namespace {

struct Context
{
    Workspace workspace;
    Catalog::Ptr catalog;
    ActionUser user;
    std::unique_ptr<ApprovalChannel> channel;
};

std::unique_ptr<Context> open(const QCommandLineParser &parser)
{
    auto context = std::make_unique<Context>();
    context->catalog = loadWorkspace(chooseWorkspace(parser), nullptr, nullptr, &context->workspace);
    if (!context->catalog) {
        return nullptr;
    }
    context->user = ActionGuards::identify(*context->catalog, ActionGuards::localHints());
    context->channel =
        ActionRunner::approvalChannel(ActionSetup::environment(context->workspace, context->user, context->catalog));
    return context;
}

QString age(const QDateTime &since)
{
    const qint64 seconds = std::max<qint64>(60, since.secsTo(QDateTime::currentDateTimeUtc()));
    return tr("%1 ago").arg(TimeToLive::formatDuration(seconds));
}

void printRequest(const ApprovalRequest &r)
{
    out() << u"  %1  %2"_s.arg(r.runKey.left(8), r.title);
    if (!r.entityRef.isEmpty()) {
        out() << tr(" on %1").arg(r.entityRef);
    }
    out() << '\n';
    out() << u"            "_s
          << tr("asked by %1, %2; %3 of: %4")
                 .arg(r.requesterName.isEmpty() ? r.requester : r.requesterName, age(r.requested),
                      r.rule.mode == ApprovalRule::Mode::All ? tr("one of each") : tr("any one"),
                      r.itemLabels.join(u", "_s))
          << '\n';
    if (!r.changeBranch.isEmpty()) {
        out() << u"            "_s << tr("change: %1 into %2 of %3").arg(r.changeBranch, r.changeBase, r.changeRepo)
              << '\n';
    }
    if (!r.changeUrl.isEmpty()) {
        out() << u"            "_s << tr("pull request: %1 (a review there counts)").arg(r.changeUrl) << '\n';
    }
    if (r.onPlatform()) {
        out() << u"            "_s << r.summary << '\n';
    }
    for (const ApprovalDecision &d : r.decisions) {
        out() << u"            "_s
              << tr("%1 by %2 %3%4%5")
                     .arg(d.approved ? tr("approved") : tr("rejected"),
                          d.approverName.isEmpty() ? d.approver : d.approverName, age(d.at),
                          d.counts ? QString()
                          : d.approver.isEmpty()
                              ? u" "_s + tr("(does not count: %1 is nobody in the catalog)").arg(d.email)
                              : u" "_s + tr("(does not count: not an approver of this request)"),
                          d.comment.isEmpty() ? QString() : u": "_s + d.comment)
              << '\n';
    }
    if (!r.isOpen()) {
        out() << u"            "_s << tr("closed: %1").arg(r.outcome) << '\n';
    }
}

int list(const QCommandLineParser &parser)
{
    const auto context = open(parser);
    if (!context) {
        return Failed;
    }
    const auto read = Approvals::read(*context->channel, *context->catalog);
    if (!read.ok()) {
        err() << problemLine(read.error()) << Qt::endl;
        return Failed;
    }
    auto requests = std::make_optional(*read);
    // This desktop's runs whose dispatched workflow waits for a review on GitHub (shown from the run, not from the
    // copy it shared with other desktops).
    CacheDatabase db;
    if (db.open(Paths::cacheFileFor(context->workspace.cacheKey())).ok()) {
        if (const auto unfinished = RunStore(db).unfinished(); unfinished.ok()) {
            const QList<ApprovalRequest> local = Approvals::platformReviews(*unfinished, *context->catalog);
            for (const ApprovalRequest &r : local) {
                requests->removeIf([&r](const ApprovalRequest &shared) {
                    return ApprovalRequest::runKeyOfSharedReview(shared.runKey) == r.runKey;
                });
            }
            *requests += local;
        }
    }
    const QString me = context->user.entityRef;
    const bool all = parser.isSet(u"all"_s);
    QList<ApprovalRequest> waiting;
    QList<ApprovalRequest> mine;
    QList<ApprovalRequest> others;
    for (const ApprovalRequest &r : *requests) {
        if (r.awaits(me)) {
            waiting.append(r);
        } else if (((!me.isEmpty() && r.requester == me) || (r.onPlatform() && r.reviewAction.isEmpty()))
                   && (r.isOpen() || all)) {
            mine.append(r);
        } else if (all) {
            others.append(r);
        }
    }
    const auto newestFirst = [](const ApprovalRequest &a, const ApprovalRequest &b) {
        return a.requested > b.requested;
    };
    for (QList<ApprovalRequest> *group : {&waiting, &mine, &others}) {
        std::sort(group->begin(), group->end(), newestFirst);
    }
    if (parser.isSet(u"json"_s)) {
        const auto array = [](const QList<ApprovalRequest> &group) {
            QJsonArray a;
            for (const ApprovalRequest &r : group) {
                QJsonObject o = r.toJson();
                o.insert(u"state"_s, ApprovalRequest::stateName(r.state()));
                a.append(o);
            }
            return a;
        };
        printJson(QJsonObject{{u"user"_s, me},
                              {u"repository"_s, context->channel->describe()},
                              {u"waitingForYou"_s, array(waiting)},
                              {u"yourRequests"_s, array(mine)},
                              {u"others"_s, array(others)}});
        return Ok;
    }
    if (me.isEmpty()) {
        err() << tr("The catalog does not know you (set PORTOLAN_USER to your user entity, name or email), so no "
                    "request can wait for you")
              << Qt::endl;
    }
    out() << tr("Approval requests in %1").arg(context->channel->describe()) << '\n';
    out() << '\n' << tr("Waiting for you (%1):").arg(waiting.size()) << '\n';
    for (const ApprovalRequest &r : std::as_const(waiting)) {
        printRequest(r);
    }
    out() << '\n' << tr("Your requests (%1):").arg(mine.size()) << '\n';
    for (const ApprovalRequest &r : std::as_const(mine)) {
        out() << u"  ["_s << ApprovalRequest::stateName(r.state()) << u"]\n"_s;
        printRequest(r);
    }
    if (all) {
        out() << '\n' << tr("Others (%1):").arg(others.size()) << '\n';
        for (const ApprovalRequest &r : std::as_const(others)) {
            printRequest(r);
        }
    }
    out().flush();
    return Ok;
}

// A run of this desktop whose dispatched workflow waits for a review of its deployments (GitHub environment
// protection): the review goes to GitHub as the signed-in user. Nothing when no such run has this key.
std::optional<int> reviewOnGitHub(const Context &context, const QString &key, bool approve, const QString &comment)
{
    CacheDatabase db;
    if (!db.open(Paths::cacheFileFor(context.workspace.cacheKey())).ok()) {
        return std::nullopt;
    }
    const auto unfinished = RunStore(db).unfinished();
    if (!unfinished.ok()) {
        return std::nullopt;
    }
    for (const ActionRun &run : *unfinished) {
        if (run.key != key && (key.size() < 4 || !run.key.startsWith(key))) {
            continue;
        }
        for (const StepRecord &step : run.steps) {
            if (step.status != StepRecord::Status::Running || !step.state.contains("pendingDeployments"_L1)) {
                continue;
            }
            const StepExecutorRegistry executors;
            StepExecutor *executor = executors.find(step.action);
            if (!executor) {
                continue;
            }
            ActionEnvironment environment = ActionSetup::environment(context.workspace, context.user, context.catalog);
            environment.secrets = readSecrets(context.workspace);
            const auto reviewed = executor->reviewPending(step, environment, approve, comment, nullptr);
            if (!reviewed.ok()) {
                err() << problemLine(reviewed.error()) << Qt::endl;
                return Failed;
            }
            const QString where = step.state.value("htmlUrl"_L1).toString();
            out() << (approve ? tr("Approved the deployment of run %1 (%2) on GitHub: %3")
                              : tr("Rejected the deployment of run %1 (%2) on GitHub: %3"))
                         .arg(run.key.left(8), run.templateTitle.isEmpty() ? run.templateId : run.templateTitle, where)
                  << '\n';
            out().flush();
            return Ok;
        }
    }
    return std::nullopt;
}

int decide(const QCommandLineParser &parser, const QString &key, bool approve)
{
    const QString comment = parser.value(u"comment"_s).trimmed();
    if (!approve && comment.isEmpty()) {
        err() << tr("A rejection says why: pass --comment \"…\"") << Qt::endl;
        return Usage;
    }
    const auto context = open(parser);
    if (!context) {
        return Failed;
    }
    const auto requests = Approvals::read(*context->channel, *context->catalog);
    if (!requests.ok()) {
        err() << problemLine(requests.error()) << Qt::endl;
        return Failed;
    }
    // A run of this desktop waiting for a review on GitHub is reviewed from the run (its shared copy has the same
    // key prefix).
    if (const auto reviewed = reviewOnGitHub(*context, key, approve, comment)) {
        return *reviewed;
    }
    QList<ApprovalRequest> matches;
    for (const ApprovalRequest &r : *requests) {
        if (r.runKey == key || (key.size() >= 4 && r.runKey.startsWith(key))) {
            matches.append(r);
        }
    }
    if (matches.size() != 1) {
        err() << (matches.isEmpty()
                      ? tr("No approval request \"%1\" in %2").arg(key, context->channel->describe())
                      : tr("\"%1\" matches %2 requests; give more of the key").arg(key).arg(matches.size()))
              << Qt::endl;
        return Failed;
    }
    const ApprovalRequest &request = matches.first();
    const ActionUser &user = context->user;
    if (!request.isOpen()) {
        err() << tr("The request is closed (%1); nothing to decide").arg(request.outcome) << Qt::endl;
        return Failed;
    }
    if (!request.mayDecide(user.entityRef)) {
        err() << (user.entityRef == request.requester ? tr("You asked for this; someone else approves it")
                                                      : tr("You (%1) may not decide this request: it needs %2")
                                                            .arg(user.entityRef.isEmpty() ? user.login : user.entityRef,
                                                                 request.itemLabels.join(u", "_s)))
              << Qt::endl;
        return Failed;
    }
    const QString email = Approvals::emailOf(user.entity, user.email);
    if (email.isEmpty()) {
        err() << tr("Your user entity has no email (spec.profile.email), so your decision could not be told apart "
                    "from anyone's")
              << Qt::endl;
        return Failed;
    }
    const QString name = user.displayName.isEmpty() ? user.login : user.displayName;
    ActionEnvironment environment = ActionSetup::environment(context->workspace, user, context->catalog);
    if (!request.changeRepo.isEmpty() || request.onPlatform()) {
        environment.secrets = readSecrets(context->workspace); // a review on GitHub is made with your token
    }
    const auto decided = ActionRunner::decide(environment, request, approve, comment, name, email);
    if (!decided.ok()) {
        err() << problemLine(decided.error()) << Qt::endl;
        return Failed;
    }
    if (!decided->isEmpty()) {
        out() << *decided << '\n';
    }
    out() << (approve ? tr("Approved %1 (%2) as %3").arg(request.title, request.runKey.left(8), name)
                      : tr("Rejected %1 (%2) as %3").arg(request.title, request.runKey.left(8), name))
          << '\n';
    out().flush();
    return Ok;
}

} // namespace

int runApprovalCommand(const QCommandLineParser &parser, const QStringList &args)
{
    const QString sub = args.value(1);
    if (sub == u"list"_s && args.size() == 2) {
        return list(parser);
    }
    if ((sub == u"approve"_s || sub == u"reject"_s) && args.size() == 3) {
        return decide(parser, args.at(2), sub == u"approve"_s);
    }
    err() << tr("Usage: approvals list [--all] | approvals approve KEY [--comment TEXT] | approvals reject KEY "
                "--comment TEXT")
          << Qt::endl;
    return Usage;
}

} // namespace Portolan::Cli
