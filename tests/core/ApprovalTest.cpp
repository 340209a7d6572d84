// Approvals end to end against a real git daemon: an action that needs approval pushes its change to a request
// branch and waits; the request is a branch of the approvals repository that every desktop reads; an approval commit
// (from Portolan, or made by hand with git) or the merge of the request branch by an approver lets the run proceed,
// a rejection stops it. Who may approve comes from the demo catalog (groups' members, the target's owners).
#include "approvals/Approval.h"
#include "actions/ActionRunner.h"
#include "actions/RunStore.h"
#include "catalog/DescriptorLoader.h"
#include "catalog/DescriptorReader.h"
#include "config/Workspace.h"
#include "support/GitDaemon.h"
#include "support/GitHubTestServer.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;
using Portolan::Test::demoCatalog;
using Portolan::Test::GitDaemon;

namespace {

ActionTemplate templateFrom(const QByteArray &yaml)
{
    const FileReadResult read = DescriptorReader::readData(yaml, u"template.yaml"_s, {});
    INFO(Portolan::Test::describe(read.problems).toStdString());
    REQUIRE(read.documents.size() == 1);
    Entity entity = Entity::fromEnvelope(read.documents.first().root);
    entity.origin.file = u"template.yaml"_s;
    StepExecutorRegistry registry;
    ActionTemplate action = ActionTemplate::fromEntity(entity, registry.actions(), &read.documents.first());
    INFO(Portolan::Test::describe(action.problems).toStdString());
    REQUIRE(action.problems.isEmpty());
    return action;
}

// A change to the platform repository that the platform team must approve, then a step that runs after.
const QByteArray gitopsTemplate = R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: grant-access
  title: Grant access
  annotations:
    portolan.dev/approvers: group:platform-team
spec:
  owner: platform-team
  type: access
  parameters:
    - title: Request
      properties:
        role: {type: string}
        repo: {type: string}
  steps:
    - id: request
      name: Request
      action: publish:gitops
      input:
        repoUrl: ${{ parameters.repo }}
        mode: pull-request
        branchName: access/${{ parameters.role }}
        sourcePath: '-'
        commitMessage: Grant ${{ parameters.role }}
        files:
          'access/${{ parameters.role }}.yaml': |
            role: ${{ parameters.role }}
    - id: after
      name: Announce
      action: debug:log
      input: {message: granted}
)";

// A deployment to a protected environment: the dispatched workflow waits for a required reviewer on GitHub.
const QByteArray deployTemplate = R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: {name: deploy-production, title: Deploy to production}
spec:
  owner: group:default/justice
  type: service
  parameters: []
  steps:
    - id: deploy
      name: Deploy
      action: github:actions:dispatch
      input:
        repoUrl: github.com?owner=octocat&repo=service-0001
        workflowId: deploy.yml
        branchOrTagName: main
        pollSeconds: 0.1
)";

struct Fixture
{
    GitDaemon daemon;
    QTemporaryDir data;
    CacheDatabase db;
    StepExecutorRegistry executors;

    Fixture()
    {
        REQUIRE(daemon.start());
        daemon.create(u"platform"_s, {{u"README.md"_s, "# platform\n"}});
        daemon.create(u"approvals"_s, {{u"README.md"_s, "# approvals\n"}});
        REQUIRE(db.open(data.filePath(u"cache.sqlite"_s)).ok());
    }

    ActionEnvironment environment(const QString &userName = u"noah.fischer"_s, Catalog::Ptr catalog = demoCatalog())
    {
        ActionEnvironment env;
        env.dataDirectory = data.filePath(userName);
        env.catalog = catalog;
        const Entity &user = catalog->entity(catalog->find(QString(u"user:default/"_s + userName)));
        env.user.entityRef = user.refString();
        env.user.login = userName;
        env.user.displayName = user.spec.value("profile"_L1).toMap().value("displayName"_L1).toString();
        env.user.email = user.spec.value("profile"_L1).toMap().value("email"_L1).toString();
        env.approvalsRepository = daemon.url(u"approvals"_s);
        return env;
    }

    QString git(const QStringList &args, const QString &repo) const
    {
        QProcess p;
        p.setWorkingDirectory(daemon.barePath(repo));
        p.start(u"git"_s, args);
        REQUIRE(p.waitForFinished(30000));
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }
};

// What the Inbox of `user` reads.
QList<ApprovalRequest> inboxOf(Fixture &f, const QString &user)
{
    auto channel = ActionRunner::approvalChannel(f.environment(user));
    const auto requests = Approvals::read(*channel, *demoCatalog());
    REQUIRE(requests.ok());
    return *requests;
}

// An approval made by hand with plain git, as the documentation says: an empty commit with a trailer.
void approveByHand(const QString &remote, const QString &runKey, const QString &email, const QString &comment,
                   const QString &decision = u"approve"_s)
{
    QTemporaryDir dir;
    const auto run = [&dir](const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start(u"git"_s, args);
        REQUIRE(p.waitForFinished(30000));
        INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
        REQUIRE(p.exitCode() == 0);
    };
    run({u"clone"_s, u"--quiet"_s, u"--branch"_s, u"portolan-approvals/"_s + runKey, remote, u"."_s});
    run({u"-c"_s, u"user.name=Hand"_s, u"-c"_s, u"user.email="_s + email, u"commit"_s, u"--quiet"_s, u"--allow-empty"_s,
         u"-m"_s, comment, u"--trailer"_s, u"Portolan-Decision: "_s + decision});
    run({u"push"_s, u"--quiet"_s, u"origin"_s, u"HEAD"_s});
}

// Merges a request branch into main of `remote` as this person, as they would with git; returns the merge commit.
QString mergeAs(const QString &remote, const QString &branch, const QString &name, const QString &email)
{
    QTemporaryDir dir;
    const auto git = [&](const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start(u"git"_s, QStringList{u"-c"_s, u"user.name="_s + name, u"-c"_s, u"user.email="_s + email} + args);
        REQUIRE(p.waitForFinished(30000));
        INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
        REQUIRE(p.exitCode() == 0);
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    };
    git({u"clone"_s, u"--quiet"_s, remote, u"."_s});
    git({u"merge"_s, u"--quiet"_s, u"--no-ff"_s, u"-m"_s, u"Merge "_s + branch, u"origin/"_s + branch});
    git({u"push"_s, u"--quiet"_s, u"origin"_s, u"main"_s});
    return git({u"rev-parse"_s, u"HEAD"_s});
}

// The platform repository on "GitHub": its git side is the daemon's `platform` (git reaches it through a global
// url.insteadOf, as a mirror or proxy would be configured), its API side the GitHub test server, which makes its
// merges in the daemon's repository as GitHub would make them. Noah Fischer, Mei Lin and Arjun Singh have GitHub
// logins in the demo catalog (github.com/user-login).
struct GitHubFixture
{
    Fixture &f;
    Portolan::Test::GitHubTestServer server;
    QTemporaryDir config;
    QByteArray savedGlobal = qgetenv("GIT_CONFIG_GLOBAL");
    QString repoUrl = u"127.0.0.1?owner=octo-org&repo=platform"_s; // the RepoUrlPicker form, on this API host

    explicit GitHubFixture(Fixture &fixture)
        : f(fixture)
    {
        server.setOwner(u"octo-org"_s);
        server.setRepositories({Portolan::Test::GitHubTestServer::Repository{u"platform"_s}});
        server.setToken(u"noah-token"_s);
        server.setActor(u"noah-fischer"_s);
        server.addUser(u"mei-token"_s, u"mei-lin"_s);
        server.setPullMerger([this](const Portolan::Test::GitHubTestServer::PullRequest &pull) {
            return mergeAs(f.daemon.url(u"platform"_s), pull.head, u"GitHub"_s, u"noreply@github.com"_s);
        });
        REQUIRE(server.listen());
        QFile gitconfig(config.filePath(u"gitconfig"_s));
        REQUIRE(gitconfig.open(QIODevice::WriteOnly));
        gitconfig.write(
            u"[url \"%1\"]\n\tinsteadOf = https://127.0.0.1/octo-org/platform.git\n"_s.arg(f.daemon.url(u"platform"_s))
                .toUtf8());
        gitconfig.close();
        qputenv("GIT_CONFIG_GLOBAL", gitconfig.fileName().toUtf8());
    }
    ~GitHubFixture()
    {
        if (savedGlobal.isNull()) {
            qunsetenv("GIT_CONFIG_GLOBAL");
        } else {
            qputenv("GIT_CONFIG_GLOBAL", savedGlobal);
        }
    }
    Q_DISABLE_COPY_MOVE(GitHubFixture)

    ActionEnvironment environment(const QString &user, const QString &token)
    {
        ActionEnvironment env = f.environment(user);
        env.gitHubApiUrl = server.url();
        env.defaultGitHubCredential = u"github"_s;
        env.secrets.insert(u"github"_s, token);
        return env;
    }
};

} // namespace

TEST_CASE("The approval rule is read from the template's annotations, naming the field of a bad value", "[approvals]")
{
    ErrorList problems;
    const ApprovalRule rule =
        Approvals::ruleOf({{u"portolan.dev/approvers"_s, u"platform-team, user:mei.lin, owners, component:default/x"_s},
                           {u"portolan.dev/approval"_s, u"all"_s}},
                          &problems);
    CHECK(rule.approvers == QStringList{u"group:default/platform-team"_s, u"user:default/mei.lin"_s, u"owners"_s});
    CHECK(rule.mode == ApprovalRule::Mode::All);
    REQUIRE(problems.size() == 1);
    CHECK(problems.first().field == u"metadata.annotations.portolan.dev/approvers"_s);
    CHECK(problems.first().message.contains(u"component:default/x"_s));

    problems.clear();
    (void)Approvals::ruleOf({{u"portolan.dev/approvers"_s, u"sre-team"_s}, {u"portolan.dev/approval"_s, u"most"_s}},
                            &problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems.first().field == u"metadata.annotations.portolan.dev/approval"_s);
}

TEST_CASE("Who may approve: groups' members, the target's owners: any one, or one of each with mode all", "[approvals]")
{
    const Catalog &catalog = *demoCatalog();
    ApprovalRequest request;
    request.requester = u"user:default/noah.fischer"_s;
    request.rule.approvers = {u"group:default/platform-team"_s, u"owners"_s};
    request.rule.mode = ApprovalRule::Mode::All;
    const int target = catalog.find(u"component:default/shipment-service"_s);
    REQUIRE(target >= 0);
    REQUIRE(Approvals::resolve(request, catalog, &catalog.entity(target)).isEmpty());
    REQUIRE(request.eligible.size() == 2);
    CHECK(request.eligible.at(0).contains(u"user:default/mei.lin"_s));
    CHECK(!request.eligible.at(1).isEmpty());
    CHECK(!request.mayDecide(u"user:default/noah.fischer"_s)); // nobody approves their own request
    CHECK(request.awaits(u"user:default/mei.lin"_s));

    const auto decide = [&request](const QString &user, bool approved) {
        ApprovalDecision d;
        d.approver = user;
        d.approved = approved;
        request.decisions.append(d);
        request.weigh();
    };
    decide(u"user:default/mei.lin"_s, true);
    const QString owner = request.eligible.at(1).first();
    if (request.eligible.at(1).contains(u"user:default/mei.lin"_s)) {
        CHECK(request.state() == ApprovalRequest::State::Approved);
    } else {
        CHECK(request.state() == ApprovalRequest::State::Pending); // the owners have not answered yet
        CHECK(!request.awaits(u"user:default/mei.lin"_s));
        decide(owner, true);
        CHECK(request.state() == ApprovalRequest::State::Approved);
    }
    decide(u"user:default/ingrid.larsen"_s, false); // a stranger's rejection does not count
    CHECK(!request.decisions.last().counts);
    CHECK(request.state() == ApprovalRequest::State::Approved);
    decide(owner, false); // an approver changing their mind does
    CHECK(request.state() == ApprovalRequest::State::Rejected);

    ApprovalRequest nobody;
    nobody.rule.approvers = {u"group:default/no-such-team"_s};
    const ErrorList problems = Approvals::resolve(nobody, catalog, nullptr);
    REQUIRE(problems.size() == 1);
    CHECK(problems.first().message.contains(u"no-such-team"_s));
}

TEST_CASE("A change that needs approval waits on its request branch: an approval commit lands it and the run goes on",
          "[approvals][git]")
{
    Fixture f;
    const ActionTemplate action = templateFrom(gitopsTemplate);
    CHECK(ActionRunner::approvalGate(action) == 1);
    ActionRunner runner(f.db, f.executors, f.environment());
    ActionSubmission submission;
    submission.key = u"approval-run-1"_s;
    submission.parameters = {{u"role"_s, u"admin"_s}, {u"repo"_s, f.daemon.url(u"platform"_s)}};
    const auto submitted = runner.submit(action, submission);
    REQUIRE(submitted.ok());

    auto run = runner.execute(submitted->run.id, action, submission.parameters);
    REQUIRE(run.ok());
    INFO(run->error.toStdString());
    CHECK(run->status == ActionRun::Status::Waiting);
    CHECK(run->step(u"request"_s)->status == StepRecord::Status::Succeeded);
    CHECK(run->step(u"after"_s)->status == StepRecord::Status::Pending);
    CHECK(f.git({u"rev-list"_s, u"--count"_s, u"main"_s}, u"platform"_s) == u"1"_s); // not merged yet
    CHECK(f.git({u"branch"_s, u"--list"_s, u"portolan-approvals/*"_s}, u"approvals"_s)
              .contains(u"portolan-approvals/approval-run-1"_s));

    // Every desktop sees it: Mei Lin's Inbox waits for her, the requester's does not.
    QList<ApprovalRequest> inbox = inboxOf(f, u"mei.lin"_s);
    REQUIRE(inbox.size() == 1);
    CHECK(inbox.first().title == u"Grant access"_s);
    CHECK(inbox.first().requesterName == u"Noah Fischer"_s);
    CHECK(inbox.first().changeBranch == u"access/admin"_s);
    CHECK(inbox.first().awaits(u"user:default/mei.lin"_s));
    CHECK(!inbox.first().awaits(u"user:default/noah.fischer"_s));

    // Someone outside the platform team approves: it is recorded, and does not count.
    auto strangers = ActionRunner::approvalChannel(f.environment(u"ingrid.larsen"_s));
    REQUIRE(strangers
                ->decide(u"approval-run-1"_s, true, u"fine by me"_s, u"Ingrid Larsen"_s,
                         u"ingrid.larsen@northwind.example"_s)
                .ok());
    run = runner.execute(submitted->run.id, action);
    REQUIRE(run.ok());
    CHECK(run->status == ActionRun::Status::Waiting);
    ApprovalRequest recorded = ApprovalRequest::fromJson(run->approval);
    REQUIRE(recorded.decisions.size() == 1);
    CHECK(recorded.decisions.first().approver == u"user:default/ingrid.larsen"_s);
    CHECK(!recorded.decisions.first().counts);

    // Mei Lin approves by hand with git, as the README shows.
    approveByHand(f.daemon.url(u"approvals"_s), u"approval-run-1"_s, u"Mei.Lin@northwind.example"_s, u"Looks right"_s);
    run = runner.execute(submitted->run.id, action);
    REQUIRE(run.ok());
    INFO(run->error.toStdString());
    CHECK(run->status == ActionRun::Status::Succeeded);
    CHECK(run->step(u"after"_s)->status == StepRecord::Status::Succeeded);
    recorded = ApprovalRequest::fromJson(run->approval);
    CHECK(run->approval.value("passed"_L1).toBool());
    REQUIRE(recorded.decisions.size() == 2);
    CHECK(recorded.decisions.last().approver == u"user:default/mei.lin"_s);
    CHECK(recorded.decisions.last().comment == u"Looks right"_s);
    CHECK(recorded.decisions.last().counts);
    CHECK(recorded.decisions.last().at.isValid());
    CHECK(run->step(u"request"_s)->log.contains(u"Merged access/admin into main"_s));
    // The change is on main, merged once.
    CHECK(f.git({u"show"_s, u"main:access/admin.yaml"_s}, u"platform"_s) == u"role: admin"_s);
    CHECK(f.git({u"rev-list"_s, u"--merges"_s, u"--count"_s, u"main"_s}, u"platform"_s) == u"1"_s);
    // The request and its close are the requester's commits, signed with the email the catalog knows them by.
    const QString authors =
        f.git({u"log"_s, u"--format=%ae %s"_s, u"portolan-approvals/approval-run-1"_s}, u"approvals"_s);
    CHECK(authors.contains(u"noah.fischer@northwind.example Approval requested: Grant access"_s));
    CHECK(authors.contains(u"noah.fischer@northwind.example Request closed: proceeded"_s));
    // Closed for everyone: nobody's Inbox offers it any more.
    inbox = inboxOf(f, u"mei.lin"_s);
    REQUIRE(inbox.size() == 1);
    CHECK(inbox.first().outcome == u"proceeded"_s);
    CHECK(!inbox.first().awaits(u"user:default/arjun.singh"_s));

    // Checking again changes nothing.
    run = runner.execute(submitted->run.id, action);
    REQUIRE(run.ok());
    CHECK(f.git({u"rev-list"_s, u"--merges"_s, u"--count"_s, u"main"_s}, u"platform"_s) == u"1"_s);
}

TEST_CASE("A rejection stops the run with the approver's comment: an approver's merge of the request branch approves",
          "[approvals][git]")
{
    Fixture f;
    const ActionTemplate action = templateFrom(gitopsTemplate);
    ActionRunner runner(f.db, f.executors, f.environment());

    ActionSubmission rejected;
    rejected.key = u"approval-rejected"_s;
    rejected.parameters = {{u"role"_s, u"admin"_s}, {u"repo"_s, f.daemon.url(u"platform"_s)}};
    const auto first = runner.submit(action, rejected);
    REQUIRE(first.ok());
    REQUIRE(runner.execute(first->run.id, action, rejected.parameters)->status == ActionRun::Status::Waiting);
    auto arjun = ActionRunner::approvalChannel(f.environment(u"arjun.singh"_s));
    REQUIRE(arjun
                ->decide(u"approval-rejected"_s, false, u"Admin is too broad; ask for read-only"_s, u"Arjun Singh"_s,
                         u"arjun.singh@northwind.example"_s)
                .ok());
    auto run = runner.execute(first->run.id, action);
    REQUIRE(run.ok());
    CHECK(run->status == ActionRun::Status::Cancelled);
    CHECK(run->error == u"Rejected by Arjun Singh: Admin is too broad; ask for read-only"_s);
    CHECK(run->step(u"after"_s)->status == StepRecord::Status::Pending);
    CHECK(f.git({u"rev-list"_s, u"--count"_s, u"main"_s}, u"platform"_s) == u"1"_s);
    const QList<ApprovalRequest> inbox = inboxOf(f, u"arjun.singh"_s);
    REQUIRE(inbox.size() == 1);
    CHECK(inbox.first().outcome == u"rejected"_s);
    CHECK(inbox.first().state() == ApprovalRequest::State::Rejected);

    // The next request is approved by Mei Lin merging its branch herself.
    ActionSubmission merged;
    merged.key = u"approval-merged"_s;
    merged.parameters = {{u"role"_s, u"read-only"_s}, {u"repo"_s, f.daemon.url(u"platform"_s)}};
    const auto second = runner.submit(action, merged);
    REQUIRE(second.ok());
    REQUIRE(runner.execute(second->run.id, action, merged.parameters)->status == ActionRun::Status::Waiting);
    mergeAs(f.daemon.url(u"platform"_s), u"access/read-only"_s, u"Mei Lin"_s, u"mei.lin@northwind.example"_s);
    run = runner.execute(second->run.id, action);
    REQUIRE(run.ok());
    INFO(run->error.toStdString());
    CHECK(run->status == ActionRun::Status::Succeeded);
    const ApprovalRequest recorded = ApprovalRequest::fromJson(run->approval);
    REQUIRE(recorded.decisions.size() == 1);
    CHECK(recorded.decisions.first().approver == u"user:default/mei.lin"_s);
    CHECK(recorded.decisions.first().via.startsWith(u"merge "_s));
    CHECK(run->step(u"request"_s)->log.contains(u"already merged"_s));
    CHECK(f.git({u"rev-list"_s, u"--merges"_s, u"--count"_s, u"main"_s}, u"platform"_s) == u"1"_s);
}

TEST_CASE(
    "A change to a GitHub repository waits in a pull request: an approver's review approves and the run merges it",
    "[approvals][github][git]")
{
    Fixture f;
    GitHubFixture gh(f);
    const ActionTemplate action = templateFrom(gitopsTemplate);
    ActionRunner runner(f.db, f.executors, gh.environment(u"noah.fischer"_s, u"noah-token"_s));
    ActionSubmission submission;
    submission.key = u"approval-github-1"_s;
    submission.parameters = {{u"role"_s, u"admin"_s}, {u"repo"_s, gh.repoUrl}};
    const auto submitted = runner.submit(action, submission);
    REQUIRE(submitted.ok());
    auto run = runner.execute(submitted->run.id, action, submission.parameters);
    REQUIRE(run.ok());
    INFO(run->error.toStdString());
    REQUIRE(run->status == ActionRun::Status::Waiting);
    REQUIRE(gh.server.pullRequests().size() == 1);
    const auto pull = gh.server.pullRequests().first();
    CHECK(pull.head == u"access/admin"_s);
    CHECK(pull.base == u"main"_s);
    CHECK(pull.author == u"noah-fischer"_s);
    CHECK(f.git({u"rev-list"_s, u"--count"_s, u"main"_s}, u"platform"_s) == u"1"_s); // not merged yet

    // Mei Lin's Inbox names the pull request.
    const QList<ApprovalRequest> inbox = inboxOf(f, u"mei.lin"_s);
    REQUIRE(inbox.size() == 1);
    const ApprovalRequest request = inbox.first();
    CHECK(request.changeUrl == u"https://github.com/octo-org/platform/pull/%1"_s.arg(pull.number));
    CHECK(request.awaits(u"user:default/mei.lin"_s));

    // GitHub, like Portolan, does not let the requester approve his own change.
    const auto own = ActionRunner::decide(gh.environment(u"noah.fischer"_s, u"noah-token"_s), request, true, {},
                                          u"Noah Fischer"_s, u"noah.fischer@northwind.example"_s);
    REQUIRE(!own.ok());
    INFO(own.error().toString().toStdString());
    CHECK(own.error().message.contains(u"Can not approve your own pull request"_s));

    // Mei Lin approves from her desktop: a review on GitHub as her, and the decision in the approvals repository.
    const auto decided = ActionRunner::decide(gh.environment(u"mei.lin"_s, u"mei-token"_s), request, true, u"Ship it"_s,
                                              u"Mei Lin"_s, u"mei.lin@northwind.example"_s);
    REQUIRE(decided.ok());
    CHECK(*decided
          == u"Approved pull request #%1 on GitHub: https://github.com/octo-org/platform/pull/%1#pullrequestreview-80"_s
                 .arg(pull.number));
    REQUIRE(gh.server.pullRequests().first().reviews.size() == 1);
    const auto review = gh.server.pullRequests().first().reviews.first();
    CHECK(review.login == u"mei-lin"_s);
    CHECK(review.state == u"APPROVED"_s);
    CHECK(review.body == u"Ship it"_s);
    CHECK(review.commit == request.changeHead);

    // The requester's next check: approved, so the run merges the pull request on GitHub and goes on.
    run = runner.execute(submitted->run.id, action);
    REQUIRE(run.ok());
    INFO(run->error.toStdString());
    CHECK(run->status == ActionRun::Status::Succeeded);
    CHECK(run->step(u"after"_s)->status == StepRecord::Status::Succeeded);
    CHECK(run->step(u"request"_s)->log.contains(u"Merged pull request #%1 on GitHub"_s.arg(pull.number)));
    CHECK(gh.server.pullRequests().first().merged);
    CHECK(gh.server.pullRequests().first().mergedBy == u"noah-fischer"_s);
    CHECK(f.git({u"show"_s, u"main:access/admin.yaml"_s}, u"platform"_s) == u"role: admin"_s);
    const ApprovalRequest recorded = ApprovalRequest::fromJson(run->approval);
    const auto byReview = std::find_if(recorded.decisions.cbegin(), recorded.decisions.cend(),
                                       [](const ApprovalDecision &d) { return d.via.startsWith(u"review 80 "_s); });
    REQUIRE(byReview != recorded.decisions.cend());
    CHECK(byReview->approver == u"user:default/mei.lin"_s);
    CHECK(byReview->login == u"mei-lin"_s);
    CHECK(byReview->approved);
    CHECK(byReview->counts);
    CHECK(byReview->comment == u"Ship it"_s);
    CHECK(gh.server.violations().isEmpty());
}

TEST_CASE("On GitHub an approver's latest review decides, requested changes reject, and a merge there approves",
          "[approvals][github][git]")
{
    Fixture f;
    GitHubFixture gh(f);
    const ActionTemplate action = templateFrom(gitopsTemplate);
    ActionRunner runner(f.db, f.executors, gh.environment(u"noah.fischer"_s, u"noah-token"_s));
    const auto start = [&](const QString &key, const QString &role) {
        ActionSubmission submission;
        submission.key = key;
        submission.parameters = {{u"role"_s, role}, {u"repo"_s, gh.repoUrl}};
        const auto submitted = runner.submit(action, submission);
        REQUIRE(submitted.ok());
        const auto run = runner.execute(submitted->run.id, action, submission.parameters);
        REQUIRE(run.ok());
        REQUIRE(run->status == ActionRun::Status::Waiting);
        return std::pair{submitted->run.id, gh.server.pullRequests().last().number};
    };

    // On GitHub's page: a comment decides nothing, an account the catalog does not know does not count, and Mei
    // Lin's request for changes rejects.
    const auto [first, firstPull] = start(u"approval-github-reviews"_s, u"admin"_s);
    gh.server.addReview(firstPull, u"mei-lin"_s, u"COMMENTED"_s, u"Why admin?"_s);
    gh.server.addReview(firstPull, u"octocat"_s, u"APPROVED"_s, {});
    gh.server.addReview(firstPull, u"mei-lin"_s, u"CHANGES_REQUESTED"_s, u"Not admin"_s);
    auto run = runner.execute(first, action);
    REQUIRE(run.ok());
    CHECK(run->status == ActionRun::Status::Cancelled);
    CHECK(run->error == u"Rejected by mei-lin: Not admin"_s);
    ApprovalRequest recorded = ApprovalRequest::fromJson(run->approval);
    REQUIRE(recorded.decisions.size() == 2);
    CHECK(recorded.decisions.at(0).login == u"octocat"_s);
    CHECK(recorded.decisions.at(0).approver.isEmpty());
    CHECK(!recorded.decisions.at(0).counts);
    CHECK(recorded.decisions.at(1).approver == u"user:default/mei.lin"_s);
    CHECK(!recorded.decisions.at(1).approved);
    CHECK(!gh.server.pullRequests().last().merged);

    // A reviewer's latest review is theirs: Arjun Singh's approval replaces his request for changes.
    const auto [second, secondPull] = start(u"approval-github-latest"_s, u"reader"_s);
    gh.server.addReview(secondPull, u"arjun-singh"_s, u"CHANGES_REQUESTED"_s, u"Say why"_s);
    gh.server.addReview(secondPull, u"arjun-singh"_s, u"APPROVED"_s, u"Fine after all"_s);
    run = runner.execute(second, action);
    REQUIRE(run.ok());
    INFO(run->error.toStdString());
    CHECK(run->status == ActionRun::Status::Succeeded);
    recorded = ApprovalRequest::fromJson(run->approval);
    REQUIRE(recorded.decisions.size() == 1);
    CHECK(recorded.decisions.first().approver == u"user:default/arjun.singh"_s);
    CHECK(recorded.decisions.first().comment == u"Fine after all"_s);

    // Merged on GitHub by Arjun Singh: that approves it, and the run does not merge again.
    const auto [third, thirdPull] = start(u"approval-github-merged"_s, u"auditor"_s);
    REQUIRE(gh.server.mergeOnWeb(thirdPull, u"arjun-singh"_s));
    run = runner.execute(third, action);
    REQUIRE(run.ok());
    INFO(run->error.toStdString());
    CHECK(run->status == ActionRun::Status::Succeeded);
    recorded = ApprovalRequest::fromJson(run->approval);
    REQUIRE(recorded.decisions.size() == 1);
    CHECK(recorded.decisions.first().via == u"merge of pull request #%1"_s.arg(thirdPull));
    CHECK(recorded.decisions.first().approver == u"user:default/arjun.singh"_s);
    CHECK(run->step(u"request"_s)->log.contains(u"Pull request #%1 is already merged"_s.arg(thirdPull)));
    CHECK(gh.server.countRequests(u"/merge"_s, "PUT") == 1); // the second run's merge only
    CHECK(gh.server.violations().isEmpty());
}

TEST_CASE("A deployment waiting for its required reviewers is shared: a reviewer on another desktop approves it there",
          "[approvals][github][git]")
{
    Fixture f;
    Portolan::Test::GitHubTestServer github;
    REQUIRE(github.listen());
    github.setToken(u"gh-token"_s);
    github.generateRepositories(1); // octocat/service-0001
    github.setRunProgress(1);
    github.setProtectedEnvironment(u"deploy.yml"_s, u"production"_s);
    // The reviewers of the recorded pending deployment (octocat, the team Justice League) are people of this catalog.
    const FileReadResult read = DescriptorReader::readData(R"(apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: dev}
spec: {profile: {displayName: Dev Eloper, email: dev@example.com}, memberOf: []}
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: ana, annotations: {github.com/user-login: octocat}}
spec: {profile: {displayName: Ana Octo, email: ana@example.com}, memberOf: []}
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: justice, title: Justice League, annotations: {github.com/team-slug: octocat/justice-league}}
spec: {type: team, children: []}
)",
                                                           u"org.yaml"_s, {});
    std::vector<Entity> entities;
    for (const ParsedDocument &d : read.documents) {
        entities.push_back(Entity::fromEnvelope(d.root));
    }
    const Catalog::Ptr catalog = Catalog::build(std::move(entities));
    const auto desktop = [&](const QString &user) {
        ActionEnvironment env = f.environment(user, catalog);
        env.gitHubApiUrl = github.url();
        env.defaultGitHubCredential = u"github"_s;
        env.secrets.insert(u"github"_s, u"gh-token"_s);
        return env;
    };
    const ActionTemplate action = templateFrom(deployTemplate);
    ActionRunner runner(f.db, f.executors, desktop(u"dev"_s));
    ActionSubmission submission;
    submission.key = u"shared-review-1"_s;
    const auto submitted = runner.submit(action, submission);
    REQUIRE(submitted.ok());
    // The requester's desktop runs it (the step waits on GitHub) while the test plays the reviewer's desktop; the
    // runner on that thread has a database connection of its own.
    std::optional<Result<ActionRun>> finished;
    const ActionEnvironment dev = desktop(u"dev"_s);
    std::unique_ptr<QThread> requester(QThread::create([&] {
        CacheDatabase db;
        if (const auto opened = db.open(f.data.filePath(u"cache.sqlite"_s)); !opened.ok()) {
            finished.emplace(opened.error());
            return;
        }
        const StepExecutorRegistry executors;
        ActionRunner own(db, executors, dev);
        finished.emplace(own.execute(submitted->run.id, action));
    }));
    requester->start();

    const ActionEnvironment ana = desktop(u"ana"_s);
    const QString key = ApprovalRequest::sharedReviewKey(u"shared-review-1"_s, u"deploy"_s);
    const auto inbox = [&]() -> std::optional<ApprovalRequest> {
        std::optional<ApprovalRequest> found;
        std::unique_ptr<QThread> reader(QThread::create([&] {
            auto channel = ActionRunner::approvalChannel(ana);
            if (const auto requests = Approvals::read(*channel, *catalog); requests.ok()) {
                for (const ApprovalRequest &r : *requests) {
                    if (r.runKey == key) {
                        found = r;
                    }
                }
            }
        }));
        reader->start();
        Portolan::Test::spinUntil([&reader] { return reader->isFinished(); }, 30000);
        return found;
    };
    std::optional<ApprovalRequest> shared;
    REQUIRE(Portolan::Test::spinUntil([&] { return (shared = inbox()).has_value(); }, 60000));
    CHECK(shared->onPlatform());
    CHECK(shared->title == u"Deploy to production"_s);
    CHECK(shared->requester == u"user:default/dev"_s);
    CHECK(shared->awaits(u"user:default/ana"_s)); // octocat on GitHub
    CHECK_FALSE(shared->awaits(u"user:default/dev"_s));
    CHECK(shared->reviewAction == u"github:actions:dispatch"_s);
    CHECK(shared->reviewState.value("runId"_L1).toInteger() == github.workflowRuns().first().id);
    CHECK_FALSE(finished.has_value()); // still waiting on GitHub

    // Ana approves from her desktop: the review goes to GitHub as her, the decision to every Inbox.
    std::optional<Result<QString>> decided;
    std::unique_ptr<QThread> reviewer(QThread::create([&] {
        decided.emplace(ActionRunner::decide(ana, *shared, true, u"Ship it"_s, u"Ana Octo"_s, u"ana@example.com"_s));
    }));
    reviewer->start();
    REQUIRE(Portolan::Test::spinUntil([&] { return decided.has_value(); }, 60000));
    INFO((decided->ok() ? **decided : decided->error().toString()).toStdString());
    REQUIRE(decided->ok());
    CHECK(decided->value().startsWith(u"Approved the deployment on GitHub: "_s));
    CHECK(github.workflowRuns().first().review == u"approved"_s);
    CHECK(github.workflowRuns().first().reviewComment == u"Ship it"_s);

    // The requester's run goes on to the end, and its desktop closes the shared copy.
    REQUIRE(Portolan::Test::spinUntil([&] { return finished.has_value(); }, 60000));
    requester->wait();
    REQUIRE(finished->ok());
    INFO(finished->value().error.toStdString());
    CHECK(finished->value().status == ActionRun::Status::Succeeded);
    const std::optional<ApprovalRequest> closed = inbox();
    REQUIRE(closed.has_value());
    CHECK(closed->outcome == u"proceeded"_s);
    REQUIRE(closed->decisions.size() == 1);
    CHECK(closed->decisions.first().approver == u"user:default/ana"_s);
    CHECK(closed->decisions.first().comment == u"Ship it"_s);
    CHECK_FALSE(closed->awaits(u"user:default/ana"_s));
    CHECK(github.violations().isEmpty());
}

TEST_CASE("An action without a change to review waits before its first step, and a cancelled run closes its request",
          "[approvals][git]")
{
    Fixture f;
    const ActionTemplate action = templateFrom(R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: restart
  title: Restart a service
  annotations:
    portolan.dev/approvers: owners, user:default/mei.lin
    portolan.dev/approval: all
spec:
  owner: platform-team
  type: operation
  parameters:
    - title: Request
      properties:
        target: {type: string, ui:field: EntityPicker}
  steps:
    - id: say
      name: Say
      action: debug:log
      input: {message: restarting}
)");
    CHECK(ActionRunner::approvalGate(action) == 0);
    ActionRunner runner(f.db, f.executors, f.environment());
    ActionSubmission submission;
    submission.key = u"approval-before"_s;
    submission.entityRef = u"component:default/shipment-service"_s;
    const auto submitted = runner.submit(action, submission);
    REQUIRE(submitted.ok());
    auto run = runner.execute(submitted->run.id, action, submission.parameters);
    REQUIRE(run.ok());
    INFO(run->error.toStdString());
    CHECK(run->status == ActionRun::Status::Waiting);
    CHECK(run->step(u"say"_s)->status == StepRecord::Status::Pending); // nothing ran
    const ApprovalRequest request = ApprovalRequest::fromJson(run->approval);
    REQUIRE(request.itemLabels.size() == 2);
    CHECK(request.itemLabels.first().contains(u"shipment"_s, Qt::CaseInsensitive));
    CHECK(request.entityRef == u"component:default/shipment-service"_s);

    run = runner.cancelOnPlatform(submitted->run.id);
    REQUIRE(run.ok());
    CHECK(run->status == ActionRun::Status::Cancelled);
    const QList<ApprovalRequest> inbox = inboxOf(f, u"mei.lin"_s);
    REQUIRE(inbox.size() == 1);
    CHECK(inbox.first().outcome == u"cancelled"_s);
    CHECK(!inbox.first().awaits(u"user:default/mei.lin"_s));
}

TEST_CASE("portolan-cli: a demo access request waits, the SRE team approves from a shell, and run resume merges it",
          "[approvals][cli]")
{
    QTemporaryDir data;
    const auto cli = [&data](const QString &user, const QStringList &args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PORTOLAN_DATA_DIR"_s, data.path());
        env.insert(u"PORTOLAN_USER"_s, user);
        env.insert(u"PORTOLAN_TEST_NO_KEYRING"_s, u"1"_s);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(PORTOLAN_CLI), QStringList{u"--workspace"_s, Workspace::demoPath()} + args);
        REQUIRE(p.waitForFinished(120000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        UNSCOPED_INFO(out.toStdString() + err.toStdString());
        return std::tuple<int, QString, QString>{p.exitCode(), out + err, out};
    };
    const auto [asked, askedText, askedOut] =
        cli(u"arjun.singh"_s,
            {u"action"_s, u"run"_s, u"request-temporary-access"_s, u"--entity"_s, u"system:default/fleet-telematics"_s,
             u"--param"_s, u"role=operator"_s, u"--param"_s,
             u"justification=INC-2231: the telematics consumer is stuck"_s, u"--idempotency-key"_s, u"cli-access-1"_s});
    CHECK(asked == 3); // waiting
    CHECK(askedText.contains(u"waiting"_s));
    CHECK(askedText.contains(u"portolan-cli approvals approve cli-acce"_s));

    const auto [listed, listText, listedOut] = cli(u"mei.lin"_s, {u"approvals"_s, u"list"_s});
    CHECK(listed == 0);
    CHECK(listText.contains(u"Waiting for you (1)"_s));
    CHECK(listText.contains(u"Request temporary access on system:default/fleet-telematics"_s));

    const auto [own, ownText, ownOut] = cli(u"arjun.singh"_s, {u"approvals"_s, u"approve"_s, u"cli-access-1"_s});
    CHECK(own == 1);
    CHECK(ownText.contains(u"someone else approves it"_s));
    const auto [bare, bareText, bareOut] = cli(u"mei.lin"_s, {u"approvals"_s, u"reject"_s, u"cli-access-1"_s});
    CHECK(bare == 2); // a rejection says why

    const auto [approved, approvedText, approvedOut] =
        cli(u"mei.lin"_s, {u"approvals"_s, u"approve"_s, u"cli-access-1"_s, u"--comment"_s, u"4h only"_s});
    CHECK(approved == 0);
    CHECK(approvedText.contains(u"Approved Request temporary access (cli-acce) as Mei Lin"_s));

    const auto [resumed, resumedText, resumedOut] = cli(u"arjun.singh"_s, {u"run"_s, u"resume"_s, u"cli-access-1"_s});
    CHECK(resumed == 0);
    CHECK(resumedText.contains(u"succeeded"_s));
    CHECK(resumedText.contains(u"approved by Mei Lin"_s));
    CHECK(resumedText.contains(u"4h only"_s));

    const auto [json, jsonText, jsonOut] = cli(u"arjun.singh"_s, {u"run"_s, u"show"_s, u"cli-access-1"_s, u"--json"_s});
    REQUIRE(json == 0);
    const QJsonObject run = QJsonDocument::fromJson(jsonOut.toUtf8()).object();
    CHECK(run.value("status"_L1).toString() == u"succeeded"_s);
    CHECK(run.value("approval"_L1).toObject().value("passed"_L1).toBool());
}

TEST_CASE("portolan-cli: a dispatched workflow waits for a review of its protected environment, approved from a shell",
          "[approvals][cli][github]")
{
    Portolan::Test::GitHubTestServer github;
    REQUIRE(github.listen());
    github.setToken(u"gh-review-token"_s);
    github.generateRepositories(1); // octocat/service-0001
    github.setRunProgress(1);
    github.setProtectedEnvironment(u"deploy.yml"_s, u"production"_s);
    QTemporaryDir workspace;
    Portolan::Test::writeFile(
        workspace, u"portolan.yaml"_s,
        u"name: Reviews\nlocations: [templates]\ncredentials:\n  - {name: github, env: PORTOLAN_TEST_GITHUB_TOKEN}\n"
        u"sources:\n  - id: github\n    type: github\n    url: %1\n    credential: github\n    refresh: manual\n"
        u"    options: {organization: octocat}\n"_s.arg(github.url())
            .toUtf8());
    Portolan::Test::writeFile(workspace, u"templates/deploy.yaml"_s, deployTemplate);
    QTemporaryDir data;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PORTOLAN_DATA_DIR"_s, data.path());
    env.insert(u"PORTOLAN_TEST_NO_KEYRING"_s, u"1"_s);
    env.insert(u"PORTOLAN_TEST_GITHUB_TOKEN"_s, u"gh-review-token"_s);
    // The server answers on this thread: the processes are waited for with the event loop running.
    const auto start = [&](QProcess &p, const QStringList &args) {
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(PORTOLAN_CLI), QStringList{u"--workspace"_s, workspace.path()} + args);
        REQUIRE(p.waitForStarted());
    };
    const auto finish = [](QProcess &p) {
        REQUIRE(Portolan::Test::spinUntil([&p] { return p.state() == QProcess::NotRunning; }, 120000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        UNSCOPED_INFO(text.toStdString());
        return text;
    };

    QProcess deploy;
    start(deploy, {u"action"_s, u"run"_s, u"deploy-production"_s, u"--idempotency-key"_s, u"gh-review-1"_s});
    // The run waits on GitHub; the step keeps who may review it in the cache.
    auto ws = Workspace::open(workspace.path());
    REQUIRE(ws.ok());
    CacheDatabase db;
    const QString cachePath = QDir(data.path()).filePath(u"cache/"_s + ws->cacheKey() + u".sqlite"_s);
    const auto waiting = [&] {
        if (!QFile::exists(cachePath) || (!db.isOpen() && !db.open(cachePath).ok())) {
            return false;
        }
        const auto run = RunStore(db).findByKey(u"gh-review-1"_s);
        return run.ok() && run->has_value() && (*run)->step(u"deploy"_s)
               && (*run)->step(u"deploy"_s)->state.contains("pendingDeployments"_L1);
    };
    REQUIRE(Portolan::Test::spinUntil(waiting, 60000));
    CHECK(deploy.state() == QProcess::Running);

    QProcess list;
    start(list, {u"approvals"_s, u"list"_s});
    const QString listed = finish(list);
    CHECK(list.exitCode() == 0);
    CHECK(listed.contains(u"Deploy to production"_s));
    CHECK(listed.contains(u"The deployment to production waits for a required reviewer on GitHub: "
                          u"https://github.com/octocat/service-0001/actions/runs/30433642"_s));

    QProcess approve;
    start(approve, {u"approvals"_s, u"approve"_s, u"gh-review-1"_s, u"--comment"_s, u"Ship it"_s});
    const QString approved = finish(approve);
    INFO(approved.toStdString());
    CHECK(approve.exitCode() == 0);
    CHECK(approved.contains(u"Approved the deployment of run gh-revie (Deploy to production) on GitHub"_s));
    REQUIRE(github.workflowRuns().size() == 1);
    CHECK(github.workflowRuns().first().review == u"approved"_s);
    CHECK(github.workflowRuns().first().reviewComment == u"Ship it"_s);

    const QString deployed = finish(deploy);
    INFO(deployed.toStdString());
    CHECK(deploy.exitCode() == 0);
    CHECK(deployed.contains(u"[waiting for review] Deploy: Workflow run 30433642 waits for a review of its deployment "
                            u"to production by octocat or the team Justice League"_s));
    CHECK(deployed.contains(u"succeeded"_s));
    INFO(github.violations().join(u'\n').toStdString());
    CHECK(github.violations().isEmpty());
}

TEST_CASE(
    "portolan-cli: a change waits in a GitHub pull request, an approver reviews it from a shell, run resume merges",
    "[approvals][cli][github][git]")
{
    Fixture f;
    GitHubFixture gh(f);
    QTemporaryDir workspace;
    Portolan::Test::writeFile(
        workspace, u"portolan.yaml"_s,
        u"name: Reviews\nlocations: [catalog, templates]\ncredentials:\n"
        u"  - {name: github, env: PORTOLAN_TEST_GITHUB_TOKEN}\n"
        u"sources:\n  - id: github\n    type: github\n    url: %1\n    credential: github\n    refresh: manual\n"
        u"    options: {organization: octo-org}\nactions: {approvals: \"%2\"}\n"_s
            .arg(gh.server.url(), f.daemon.url(u"approvals"_s))
            .toUtf8());
    Portolan::Test::writeFile(workspace, u"catalog/org.yaml"_s, R"(apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: platform-team}
spec: {type: team, profile: {displayName: Platform Team}, children: [], members: [noah.fischer, mei.lin]}
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: noah.fischer, annotations: {github.com/user-login: noah-fischer}}
spec: {profile: {displayName: Noah Fischer, email: noah.fischer@northwind.example}, memberOf: [platform-team]}
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: mei.lin, annotations: {github.com/user-login: mei-lin}}
spec: {profile: {displayName: Mei Lin, email: mei.lin@northwind.example}, memberOf: [platform-team]}
)");
    Portolan::Test::writeFile(workspace, u"templates/grant.yaml"_s, gitopsTemplate);
    QTemporaryDir data;
    const auto cli = [&](const QString &user, const QString &token, const QStringList &args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PORTOLAN_DATA_DIR"_s, data.filePath(user));
        env.insert(u"PORTOLAN_USER"_s, user);
        env.insert(u"PORTOLAN_TEST_NO_KEYRING"_s, u"1"_s);
        env.insert(u"PORTOLAN_TEST_GITHUB_TOKEN"_s, token);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(PORTOLAN_CLI), QStringList{u"--workspace"_s, workspace.path()} + args);
        REQUIRE(p.waitForStarted());
        // The server answers on this thread: the process is waited for with the event loop running.
        REQUIRE(Portolan::Test::spinUntil([&p] { return p.state() == QProcess::NotRunning; }, 120000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        UNSCOPED_INFO(text.toStdString());
        return std::pair<int, QString>{p.exitCode(), text};
    };
    const auto [asked, askedText] =
        cli(u"noah.fischer"_s, u"noah-token"_s,
            {u"action"_s, u"run"_s, u"grant-access"_s, u"--param"_s, u"role=admin"_s, u"--param"_s,
             u"repo="_s + gh.repoUrl, u"--idempotency-key"_s, u"cli-github-pr"_s});
    CHECK(asked == 3); // waiting
    REQUIRE(gh.server.pullRequests().size() == 1);
    const int number = gh.server.pullRequests().first().number;

    const auto [listed, listText] = cli(u"mei.lin"_s, u"mei-token"_s, {u"approvals"_s, u"list"_s});
    CHECK(listed == 0);
    CHECK(listText.contains(
        u"pull request: https://github.com/octo-org/platform/pull/%1 (a review there counts)"_s.arg(number)));

    const auto [approved, approvedText] = cli(
        u"mei.lin"_s, u"mei-token"_s, {u"approvals"_s, u"approve"_s, u"cli-github-pr"_s, u"--comment"_s, u"Ship it"_s});
    CHECK(approved == 0);
    CHECK(approvedText.contains(u"Approved pull request #%1 on GitHub: "_s.arg(number)));
    CHECK(approvedText.contains(u"Approved Grant access (cli-gith) as Mei Lin"_s));
    REQUIRE(gh.server.pullRequests().first().reviews.size() == 1);
    CHECK(gh.server.pullRequests().first().reviews.first().login == u"mei-lin"_s);

    const auto [resumed, resumedText] =
        cli(u"noah.fischer"_s, u"noah-token"_s, {u"run"_s, u"resume"_s, u"cli-github-pr"_s});
    CHECK(resumed == 0);
    CHECK(resumedText.contains(u"succeeded"_s));
    CHECK(gh.server.pullRequests().first().merged);
    CHECK(f.git({u"show"_s, u"main:access/admin.yaml"_s}, u"platform"_s) == u"role: admin"_s);
    INFO(gh.server.violations().join(u'\n').toStdString());
    CHECK(gh.server.violations().isEmpty());
}
