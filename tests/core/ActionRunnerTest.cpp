// The action runner with real counterparts: a git daemon for publish:gitops, a loopback HTTP receiver for
// http:request, and portolan-cli as a child process that is killed in the middle of a run.
#include "actions/ActionRunner.h"
#include "actions/ActionLibrary.h"
#include "actions/RunStore.h"
#include "catalog/DescriptorReader.h"
#include "config/Workspace.h"
#include "support/GitDaemon.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <csignal>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;
using Portolan::Test::GitDaemon;
using Portolan::Test::HttpTestRequest;
using Portolan::Test::HttpTestResponse;
using Portolan::Test::HttpTestServer;

namespace {

// A template as a workspace would hold it: its YAML written to `dir/<name>/template.yaml`.
ActionTemplate templateFrom(const QTemporaryDir &dir, const QString &name, const QByteArray &yaml)
{
    const QString file = Portolan::Test::writeFile(dir, name + u"/template.yaml"_s, yaml);
    const FileReadResult read = DescriptorReader::readFile(file);
    INFO(Portolan::Test::describe(read.problems).toStdString());
    REQUIRE(read.documents.size() == 1);
    Entity entity = Entity::fromEnvelope(read.documents.first().root);
    entity.origin.file = file;
    StepExecutorRegistry registry;
    ActionTemplate action = ActionTemplate::fromEntity(entity, registry.actions(), &read.documents.first());
    INFO(Portolan::Test::describe(action.problems).toStdString());
    REQUIRE(action.runnable());
    return action;
}

struct Fixture
{
    QTemporaryDir data;
    CacheDatabase db;
    StepExecutorRegistry executors;
    QList<RegisteredLocation> registered;

    Fixture() { REQUIRE(db.open(data.filePath(u"cache.sqlite"_s)).ok()); }

    ActionEnvironment environment()
    {
        ActionEnvironment env;
        env.dataDirectory = data.path();
        env.user.login = u"jdoe"_s;
        env.user.displayName = u"Jane Doe"_s;
        env.user.email = u"jane@example.com"_s;
        env.user.entityRef = u"user:default/jdoe"_s;
        env.registerLocation = [this](const RegisteredLocation &location) -> Result<QString> {
            registered.append(location);
            return u"registered-%1"_s.arg(registered.size());
        };
        return env;
    }
};

QString git(const QStringList &args, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(u"git"_s, args);
    REQUIRE(p.waitForFinished(30000));
    return QString::fromUtf8(p.readAllStandardOutput());
}

const QByteArray scaffold = R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: scaffold
  title: Scaffold a service
spec:
  owner: group:default/platform
  type: service
  parameters:
    - title: Service
      required: [name]
      properties:
        name: {type: string, ui:field: EntityNamePicker}
        description: {type: string}
  steps:
    - id: fetch
      name: Render
      action: fetch:template
      input:
        url: ./skeleton
        values:
          name: ${{ parameters.name }}
          description: ${{ parameters.description }}
    - id: publish
      name: Publish
      action: publish:gitops
      input:
        repoUrl: ${{ parameters.repo }}
        branch: main
        targetPath: services/${{ parameters.name }}
        commitMessage: Add ${{ parameters.name }}
    - id: register
      name: Register
      action: catalog:register
      input:
        repoContentsUrl: ${{ steps.publish.output.repoContentsUrl }}
        catalogInfoPath: catalog-info.yaml
  output:
    links:
      - title: Open
        entityRef: ${{ steps.register.output.entityRef }}
)";

const QByteArray skeleton = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n"
                            "  name: ${{ values.name }}\n  description: ${{ values.description }}\n"
                            "spec:\n  type: service\n  lifecycle: experimental\n  owner: platform\n";

} // namespace

TEST_CASE("publish:gitops commits a scaffolded service to a git daemon, and catalog:register registers it",
          "[actions][runner][git]")
{
    GitDaemon daemon;
    REQUIRE(daemon.start());
    daemon.create(u"platform"_s, {{u"README.md"_s, "# platform\n"}});
    QTemporaryDir templates;
    Portolan::Test::writeFile(templates, u"scaffold/skeleton/catalog-info.yaml"_s, skeleton);
    const ActionTemplate action = templateFrom(templates, u"scaffold"_s, scaffold);

    Fixture f;
    ActionRunner runner(f.db, f.executors, f.environment());
    ActionSubmission submission;
    submission.key = ActionRun::newKey();
    // A description that would change the YAML's structure if it were pasted in as it is.
    submission.parameters = {{u"name"_s, u"returns"_s},
                             {u"description"_s, u"Returns: parcels # and refunds"_s},
                             {u"repo"_s, daemon.url(u"platform"_s)}};
    const auto submitted = runner.submit(action, submission);
    REQUIRE(submitted.ok());
    REQUIRE(submitted->created);
    const auto run = runner.execute(submitted->run.id, action, submission.parameters);
    REQUIRE(run.ok());
    INFO(run->error.toStdString());
    CHECK(run->status == ActionRun::Status::Succeeded);

    // The commit is on the daemon's main branch, by the user, with the run's trailer.
    QTemporaryDir check;
    git({u"clone"_s, u"--quiet"_s, daemon.url(u"platform"_s), check.filePath(u"c"_s)}, check.path());
    const QString repo = check.filePath(u"c"_s);
    const QString log = git({u"log"_s, u"-1"_s, u"--format=%an <%ae>%n%B"_s}, repo);
    CHECK(log.startsWith(u"Jane Doe <jane@example.com>"_s));
    CHECK(log.contains(u"Add returns"_s));
    CHECK(log.contains(u"Portolan-Run: %1/publish"_s.arg(submission.key)));
    QFile descriptor(repo + u"/services/returns/catalog-info.yaml"_s);
    REQUIRE(descriptor.open(QIODevice::ReadOnly));
    const QByteArray written = descriptor.readAll();
    CHECK(written.contains("name: returns\n"));
    CHECK(written.contains("description: \"Returns: parcels # and refunds\"\n"));
    const FileReadResult reread = DescriptorReader::readData(written, u"catalog-info.yaml"_s);
    REQUIRE(reread.documents.size() == 1);
    CHECK(reread.problems.isEmpty());

    REQUIRE(f.registered.size() == 1);
    CHECK(f.registered.first().url == daemon.url(u"platform"_s));
    CHECK(f.registered.first().branch == u"main"_s);
    CHECK(f.registered.first().path == u"services/returns/catalog-info.yaml"_s);
    CHECK(f.registered.first().entityRefs == QStringList{u"component:default/returns"_s});
    const StepRecord *register_ = run->step(u"register"_s);
    REQUIRE(register_);
    CHECK(register_->output.value("entityRef"_L1).toString() == u"component:default/returns"_s);
    CHECK(std::any_of(run->links.cbegin(), run->links.cend(),
                      [](const RunLink &l) { return l.entityRef == u"component:default/returns"_s; }));

    // The same key again is the same run: nothing is submitted twice.
    const auto again = runner.submit(action, submission);
    REQUIRE(again.ok());
    CHECK_FALSE(again->created);
    CHECK(again->run.id == submitted->run.id);
    const auto rerun = runner.execute(again->run.id, action, submission.parameters);
    REQUIRE(rerun.ok());
    CHECK(git({u"rev-list"_s, u"--count"_s, u"main"_s}, daemon.barePath(u"platform"_s)).trimmed() == u"2"_s);
    CHECK(RunStore(f.db).list()->size() == 1);
}

TEST_CASE("A resumed publish finds its commit on the remote and does not push again", "[actions][runner][git]")
{
    GitDaemon daemon;
    REQUIRE(daemon.start());
    daemon.create(u"platform"_s, {{u"README.md"_s, "# platform\n"}});
    QTemporaryDir templates;
    Portolan::Test::writeFile(templates, u"scaffold/skeleton/catalog-info.yaml"_s, skeleton);
    const ActionTemplate action = templateFrom(templates, u"scaffold"_s, scaffold);
    Fixture f;
    ActionRunner runner(f.db, f.executors, f.environment());
    ActionSubmission submission;
    submission.key = ActionRun::newKey();
    submission.parameters = {{u"name"_s, u"billing"_s}, {u"repo"_s, daemon.url(u"platform"_s)}};
    const auto submitted = runner.submit(action, submission);
    REQUIRE(submitted.ok());
    REQUIRE(runner.execute(submitted->run.id, action, submission.parameters)->status == ActionRun::Status::Succeeded);

    // As if the process died after the push, before the step was marked done: it is still running, with its state.
    RunStore store(f.db);
    ActionRun cut = **store.find(submitted->run.id);
    cut.status = ActionRun::Status::Running;
    cut.finished = {};
    cut.links.clear();
    StepRecord *publish = cut.step(u"publish"_s);
    REQUIRE(publish);
    REQUIRE_FALSE(publish->state.value("commit"_L1).toString().isEmpty());
    publish->status = StepRecord::Status::Running;
    cut.step(u"register"_s)->status = StepRecord::Status::Pending;
    REQUIRE(store.save(cut).ok());

    const auto resumed = runner.execute(cut.id, action, submission.parameters);
    REQUIRE(resumed.ok());
    CHECK(resumed->status == ActionRun::Status::Succeeded);
    CHECK(resumed->step(u"publish"_s)->log.contains(u"not pushing again"_s));
    CHECK(git({u"rev-list"_s, u"--count"_s, u"main"_s}, daemon.barePath(u"platform"_s)).trimmed() == u"2"_s);
}

TEST_CASE("publish:gitops in pull-request mode pushes a review branch", "[actions][runner][git]")
{
    GitDaemon daemon;
    REQUIRE(daemon.start());
    daemon.create(u"platform"_s, {{u"README.md"_s, "# platform\n"}});
    QTemporaryDir templates;
    const ActionTemplate action = templateFrom(templates, u"access"_s, R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: {name: access}
spec:
  owner: sre
  type: access
  parameters:
    - properties:
        role: {type: string, enum: [read-only, admin]}
  steps:
    - id: request
      name: Request
      action: publish:gitops
      input:
        repoUrl: ${{ parameters.repo }}
        mode: pull-request
        branchName: access/${{ parameters.role }}
        sourcePath: '-'
        files:
          'access/${{ parameters.role }}.yaml': |
            role: ${{ parameters.role }}
            note: ${{ parameters.note }}
)");
    Fixture f;
    ActionRunner runner(f.db, f.executors, f.environment());
    ActionSubmission submission;
    submission.parameters = {
        {u"role"_s, u"admin"_s}, {u"note"_s, u"yes: really"_s}, {u"repo"_s, daemon.url(u"platform"_s)}};
    const auto submitted = runner.submit(action, submission);
    REQUIRE(submitted.ok());
    const auto run = runner.execute(submitted->run.id, action, submission.parameters);
    REQUIRE(run.ok());
    INFO(run->error.toStdString());
    CHECK(run->status == ActionRun::Status::Succeeded);
    const QString branches = git({u"branch"_s, u"--list"_s}, daemon.barePath(u"platform"_s));
    CHECK(branches.contains(u"access/admin"_s));
    CHECK(git({u"rev-list"_s, u"--count"_s, u"main"_s}, daemon.barePath(u"platform"_s)).trimmed() == u"1"_s);
    const QString content = git({u"show"_s, u"access/admin:access/admin.yaml"_s}, daemon.barePath(u"platform"_s));
    CHECK(content == u"role: admin\nnote: \"yes: really\"\n"_s);
    CHECK(run->step(u"request"_s)->log.contains(u"no pull request API"_s));
}

TEST_CASE("A step that fails halfway says which, keeps its log, and leaves the rest pending", "[actions][runner]")
{
    QTemporaryDir templates;
    const ActionTemplate action = templateFrom(templates, u"broken"_s, R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: {name: broken, title: Broken}
spec:
  owner: platform
  type: service
  parameters: []
  steps:
    - {id: hello, name: Hello, action: debug:log, input: {message: "starting ${{ user.entity.metadata.name }}"}}
    - id: publish
      name: Publish
      action: publish:gitops
      input: {repoUrl: "git://127.0.0.1:9/nothing.git", sourcePath: '-', files: {a.txt: a}}
    - {id: after, name: After, action: debug:log, input: {message: never}}
)");
    Fixture f;
    ActionRunner runner(f.db, f.executors, f.environment());
    const auto submitted = runner.submit(action, {});
    REQUIRE(submitted.ok());
    const auto run = runner.execute(submitted->run.id, action);
    REQUIRE(run.ok());
    CHECK(run->status == ActionRun::Status::Failed);
    CHECK(run->error.startsWith(u"Step \"Publish\" (publish:gitops) failed: Could not clone"_s));
    CHECK(run->step(u"hello"_s)->status == StepRecord::Status::Succeeded);
    CHECK(run->step(u"hello"_s)->log.contains(u"starting jdoe"_s));
    CHECK(run->step(u"publish"_s)->status == StepRecord::Status::Failed);
    CHECK(run->step(u"publish"_s)->log.contains(u"Cloning git://127.0.0.1:9/nothing.git"_s));
    CHECK(run->step(u"after"_s)->status == StepRecord::Status::Pending);
    // As stored, not only as returned.
    const ActionRun stored = **RunStore(f.db).find(run->id);
    CHECK(stored.status == ActionRun::Status::Failed);
    CHECK(stored.step(u"publish"_s)->error == run->step(u"publish"_s)->error);
}

TEST_CASE("Secret parameters are masked in everything stored, and a resumed run that needs one says so",
          "[actions][runner]")
{
    QTemporaryDir templates;
    const ActionTemplate action = templateFrom(templates, u"secret"_s, R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: {name: secret}
spec:
  owner: platform
  type: service
  parameters:
    - properties:
        token: {type: string, ui:field: Secret}
        name: {type: string}
  steps:
    - {id: one, name: One, action: debug:log, input: {message: "name ${{ parameters.name }} token ${{ parameters.token }}"}}
    - {id: two, name: Two, action: debug:log, input: {message: "again ${{ secrets.token }}"}}
)");
    Fixture f;
    ActionRunner runner(f.db, f.executors, f.environment());
    ActionSubmission submission;
    submission.parameters = {{u"token"_s, u"s3cr3t-value"_s}, {u"name"_s, u"svc"_s}};
    submission.secretFields = {u"token"_s};
    const auto submitted = runner.submit(action, submission);
    REQUIRE(submitted.ok());
    CHECK(submitted->run.parameters.value("token"_L1).toString() == u"***"_s);
    const auto run = runner.execute(submitted->run.id, action, submission.parameters);
    REQUIRE(run.ok());
    CHECK(run->status == ActionRun::Status::Succeeded);
    const QByteArray stored = QJsonDocument((*RunStore(f.db).find(run->id))->toJson()).toJson();
    CHECK_FALSE(stored.contains("s3cr3t-value"));
    CHECK(run->step(u"one"_s)->log.contains(u"name svc token ***"_s));

    // The same run cut off before step two and resumed by a process that never had the secret.
    ActionRun cut = *run;
    cut.status = ActionRun::Status::Running;
    cut.step(u"two"_s)->status = StepRecord::Status::Pending;
    REQUIRE(RunStore(f.db).save(cut).ok());
    const auto resumed = runner.execute(cut.id, action);
    REQUIRE(resumed.ok());
    CHECK(resumed->status == ActionRun::Status::Failed);
    CHECK(resumed->step(u"two"_s)->error.contains(u"secret input token"_s));
}

TEST_CASE("http:request: a timeout on submit, then the retry carries the same idempotency key",
          "[actions][runner][http]")
{
    HttpTestServer receiver;
    REQUIRE(receiver.listen());
    HttpTestResponse stall;
    stall.fault = HttpTestResponse::Fault::StallBeforeAnswer;
    receiver.enqueue(stall);
    receiver.setHandler([](const HttpTestRequest &) { return HttpTestResponse::json(202, R"({"accepted":true})"); });
    QTemporaryDir templates;
    const ActionTemplate action = templateFrom(templates, u"hook"_s, R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: {name: hook}
spec:
  owner: platform
  type: service
  parameters: []
  steps:
    - id: notify
      name: Notify
      action: http:request
      input: {url: "${{ parameters.url }}", method: POST, body: {service: payments}, timeoutSeconds: 1}
)");
    Fixture f;
    const QString cachePath = f.data.filePath(u"cache.sqlite"_s);
    ActionSubmission submission;
    submission.parameters = {{u"url"_s, receiver.url(u"/hooks/deploy"_s).toString()}};
    ActionRunner runner(f.db, f.executors, f.environment());
    const auto submitted = runner.submit(action, submission);
    REQUIRE(submitted.ok());
    const qint64 id = submitted->run.id;

    // Executed on a worker, as the app does; the receiver answers on this thread.
    const auto executeOnWorker = [&] {
        std::optional<ActionRun> result;
        std::thread worker([&] {
            CacheDatabase db;
            REQUIRE(db.open(cachePath).ok());
            StepExecutorRegistry executors;
            ActionRunner threaded(db, executors, f.environment());
            auto r = threaded.execute(id, action, submission.parameters);
            if (r.ok()) {
                result = *r;
            }
        });
        REQUIRE(Portolan::Test::spinUntil([&] { return result.has_value(); }, 30000));
        worker.join();
        return *result;
    };
    const ActionRun first = executeOnWorker();
    CHECK(first.status == ActionRun::Status::Failed);
    CHECK(first.step(u"notify"_s)->error.contains(u"imed out"_s));

    // A retry of the same run (the user presses Retry, or the app resumes it): the same key goes out.
    ActionRun retry = first;
    retry.status = ActionRun::Status::Running;
    retry.step(u"notify"_s)->status = StepRecord::Status::Running;
    REQUIRE(RunStore(f.db).save(retry).ok());
    const ActionRun second = executeOnWorker();
    CHECK(second.status == ActionRun::Status::Succeeded);
    REQUIRE(receiver.requests().size() == 2);
    const QByteArray key = receiver.requests().at(0).header("Idempotency-Key");
    CHECK_FALSE(key.isEmpty());
    CHECK(receiver.requests().at(1).header("Idempotency-Key") == key);
    CHECK(second.step(u"notify"_s)->output.value("status"_L1).toInt() == 202);
}

TEST_CASE("One executor at a time per run: a second one in the same process is told the run is busy",
          "[actions][runner][http]")
{
    HttpTestServer receiver;
    REQUIRE(receiver.listen());
    HttpTestResponse stall;
    stall.fault = HttpTestResponse::Fault::StallBeforeAnswer;
    receiver.enqueue(stall);
    QTemporaryDir templates;
    const ActionTemplate action = templateFrom(templates, u"hook"_s, R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: {name: hook}
spec:
  owner: platform
  type: service
  parameters: []
  steps:
    - {id: notify, name: Notify, action: http:request, input: {url: "${{ parameters.url }}", timeoutSeconds: 2}}
    - {id: after, name: After, action: debug:log, input: {message: done}}
)");
    Fixture f;
    ActionSubmission submission;
    submission.parameters = {{u"url"_s, receiver.url(u"/hooks/slow"_s).toString()}};
    ActionRunner runner(f.db, f.executors, f.environment());
    const auto submitted = runner.submit(action, submission);
    REQUIRE(submitted.ok());
    const qint64 id = submitted->run.id;

    std::atomic_bool done = false;
    std::thread worker([&] {
        CacheDatabase db;
        REQUIRE(db.open(f.db.path()).ok());
        StepExecutorRegistry executors;
        ActionRunner threaded(db, executors, f.environment());
        (void)threaded.execute(id, action, submission.parameters);
        done = true;
    });
    REQUIRE(Portolan::Test::spinUntil([&] { return receiver.requests().size() == 1; }, 30000));
    const auto busy = runner.execute(id, action, submission.parameters);
    REQUIRE_FALSE(busy.ok());
    CHECK(busy.error().code == Error::Code::Busy);
    CHECK(busy.error().message.contains(u"already being executed by this process"_s));
    REQUIRE(Portolan::Test::spinUntil([&] { return done.load(); }, 30000));
    worker.join();
    CHECK(receiver.requests().size() == 1); // the second executor sent nothing

    // Once the first let go, the run is read again under the lock: it failed there, and stays as that one left it.
    const auto after = runner.execute(id, action, submission.parameters);
    REQUIRE(after.ok());
    CHECK(after->status == ActionRun::Status::Failed);
    CHECK(after->step(u"after"_s)->status == StepRecord::Status::Pending);
    CHECK(receiver.requests().size() == 1);
}

TEST_CASE("portolan-cli killed during a run: the run is found again and resumed", "[actions][runner][cli]")
{
    HttpTestServer receiver;
    REQUIRE(receiver.listen());
    HttpTestResponse stall;
    stall.fault = HttpTestResponse::Fault::StallBeforeAnswer;
    receiver.enqueue(stall);
    receiver.setHandler([](const HttpTestRequest &) { return HttpTestResponse::json(200, R"({"ok":true})"); });

    QTemporaryDir workspace;
    Portolan::Test::writeFile(workspace, u"portolan.yaml"_s,
                              "name: Kill test\nlocations: [templates]\nactions:\n  variables:\n    hook: "
                                  + receiver.url(u"/hook"_s).toEncoded() + "\n");
    Portolan::Test::writeFile(workspace, u"templates/notify.yaml"_s, R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: {name: notify}
spec:
  owner: platform
  type: service
  parameters:
    - properties:
        service: {type: string}
  steps:
    - {id: first, name: First, action: debug:log, input: {message: "for ${{ parameters.service }}"}}
    - id: hook
      name: Call the hook
      action: http:request
      input: {url: "${{ workspace.hook }}", body: {service: "${{ parameters.service }}"}, timeoutSeconds: 600}
)");
    QTemporaryDir data;
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PORTOLAN_DATA_DIR"_s, data.path());
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(PORTOLAN_CLI),
              {u"--workspace"_s, workspace.path(), u"action"_s, u"run"_s, u"notify"_s, u"--param"_s,
               u"service=payments"_s, u"--idempotency-key"_s, u"kill-test-1"_s});
    REQUIRE(cli.waitForStarted());
    // Wait for the hook to be called (it is held).
    REQUIRE(Portolan::Test::spinUntil([&] { return receiver.requests().size() == 1; }, 30000));

    auto ws = Workspace::open(workspace.path());
    REQUIRE(ws.ok());
    CacheDatabase db;
    REQUIRE(db.open(QDir(data.path()).filePath(u"cache/"_s + ws->cacheKey() + u".sqlite"_s)).ok());
    const Catalog::Ptr catalog = [&] {
        const FileReadResult read = DescriptorReader::readFile(workspace.filePath(u"templates/notify.yaml"_s));
        Entity e = Entity::fromEnvelope(read.documents.first().root);
        e.origin.file = workspace.filePath(u"templates/notify.yaml"_s);
        return Catalog::build({e});
    }();
    StepExecutorRegistry executors;
    const QList<ActionTemplate> actions = ActionLibrary::read(*catalog, executors);
    REQUIRE(actions.size() == 1);
    ActionEnvironment environment; // as the app and the CLI set it up for this workspace
    environment.dataDirectory = QDir(data.path()).filePath(u"workspaces/"_s + ws->cacheKey());
    environment.variables = ws->actions.variables;

    // While that process lives, the run is its own: neither this process nor `run resume` executes it too.
    const auto running = RunStore(db).findByKey(u"kill-test-1"_s);
    REQUIRE(running.ok());
    REQUIRE(running->has_value());
    {
        ActionRunner other(db, executors, environment);
        const auto busy = other.execute((*running)->id, actions.first());
        REQUIRE_FALSE(busy.ok());
        CHECK(busy.error().code == Error::Code::Busy);
        CHECK(busy.error().message.contains(u"portolan-cli, process %1"_s.arg(cli.processId())));
    }
    QProcess resume;
    resume.setProcessEnvironment(env);
    resume.start(QStringLiteral(PORTOLAN_CLI),
                 {u"--workspace"_s, workspace.path(), u"run"_s, u"resume"_s, QString::number((*running)->id)});
    REQUIRE(resume.waitForFinished(60000));
    CHECK(resume.exitCode() != 0);
    CHECK(resume.readAllStandardError().contains("is being executed by another process (portolan-cli"));
    CHECK(receiver.requests().size() == 1);

    // Killed hard: its lock is left behind, stale.
    ::kill(pid_t(cli.processId()), SIGKILL);
    REQUIRE(cli.waitForFinished(10000));
    const auto unfinished = RunStore(db).unfinished();
    REQUIRE(unfinished.ok());
    REQUIRE(unfinished->size() == 1);
    const ActionRun found = unfinished->first();
    CHECK(found.key == u"kill-test-1"_s);
    CHECK(found.step(u"first"_s)->status == StepRecord::Status::Succeeded);
    CHECK(found.step(u"hook"_s)->status == StepRecord::Status::Running);

    // The next start resumes it (taking the stale lock over): the hook step goes again with the same idempotency key
    // and the run completes.
    std::optional<ActionRun> result;
    std::thread worker([&] {
        CacheDatabase threadDb;
        REQUIRE(threadDb.open(db.path()).ok());
        StepExecutorRegistry registry;
        ActionRunner runner(threadDb, registry, environment);
        auto r = runner.execute(found.id, actions.first());
        result = r.ok() ? std::optional<ActionRun>(*r) : std::nullopt;
    });
    REQUIRE(Portolan::Test::spinUntil([&] { return result.has_value(); }, 30000));
    worker.join();
    CHECK(result->status == ActionRun::Status::Succeeded);
    CHECK(result->step(u"hook"_s)->log.contains(u"Resumed after an interruption"_s));
    REQUIRE(receiver.requests().size() == 2);
    CHECK(receiver.requests().at(0).header("Idempotency-Key") == receiver.requests().at(1).header("Idempotency-Key"));
    CHECK(receiver.requests().at(1).body.contains("\"service\":\"payments\""));

    // The same submission again (a retry after a timeout) does not submit twice.
    QProcess again;
    again.setProcessEnvironment(env);
    again.start(QStringLiteral(PORTOLAN_CLI),
                {u"--workspace"_s, workspace.path(), u"action"_s, u"run"_s, u"notify"_s, u"--param"_s,
                 u"service=payments"_s, u"--idempotency-key"_s, u"kill-test-1"_s});
    REQUIRE(again.waitForFinished(60000));
    CHECK(again.exitCode() == 0);
    CHECK(again.readAllStandardError().contains("not submitting again"));
    CHECK(receiver.requests().size() == 2);
}
