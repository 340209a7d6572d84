// The http:request, github:actions:dispatch and kubernetes:apply step executors against loopback servers: a receiver
// written here for webhooks, GitHubTestServer (GitHub's recorded Actions examples) and KubeTestServer (recorded
// Kubernetes objects and Status answers). Executors block, so each runs on a worker thread while this thread serves.
#include "actions/StepExecutor.h"
#include "actions/executors/Executors.h"
#include "support/GitHubTestServer.h"
#include "support/HttpTestServer.h"
#include "support/KubeTestServer.h"
#include "support/TestSupport.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;
using Portolan::Test::GitHubTestServer;
using Portolan::Test::HttpTestRequest;
using Portolan::Test::HttpTestResponse;
using Portolan::Test::HttpTestServer;
using Portolan::Test::KubeTestServer;
using Portolan::Test::spinUntil;

namespace {

// What a step attempt reported through its context, written from the worker thread.
struct Capture
{
    mutable std::mutex mutex;
    QStringList log;
    QList<QJsonObject> states;
    std::atomic_bool cancel = false;

    [[nodiscard]] QString logText() const
    {
        std::lock_guard lock(mutex);
        return log.join(u'\n');
    }
    [[nodiscard]] QList<QJsonObject> savedStates() const
    {
        std::lock_guard lock(mutex);
        return states;
    }
};

// Runs `work` on a worker thread while this thread runs the servers' event loop.
void onWorker(const std::function<void()> &work, int timeoutMs = 30000)
{
    std::atomic_bool done = false;
    std::unique_ptr<QThread> thread(QThread::create([&work, &done] {
        work();
        done = true;
    }));
    thread->start();
    const bool finished = spinUntil([&done] { return done.load(); }, timeoutMs);
    if (!finished) {
        spinUntil([&done] { return done.load(); }, 10000);
    }
    thread->wait();
    REQUIRE(finished);
}

StepContext makeContext(const QJsonObject &input, const ActionEnvironment &environment, Capture &capture,
                        const QString &stepId = u"deliver"_s, const QJsonObject &state = {}, int attempt = 1)
{
    StepContext context;
    context.runKey = u"4f8a2c1e-run"_s;
    context.stepId = stepId;
    context.attempt = attempt;
    context.input = input;
    context.state = state;
    context.environment = &environment;
    context.cancel = &capture.cancel;
    context.log = [&capture](const QString &line) {
        std::lock_guard lock(capture.mutex);
        capture.log.append(line);
    };
    context.saveState = [&capture](const QJsonObject &s) {
        std::lock_guard lock(capture.mutex);
        capture.states.append(s);
    };
    return context;
}

Result<StepResult> runStep(StepExecutor &executor, StepContext context, int timeoutMs = 30000)
{
    std::optional<Result<StepResult>> result;
    onWorker([&] { result.emplace(executor.run(context)); }, timeoutMs);
    REQUIRE(result.has_value());
    return std::move(*result);
}

const Error *findField(const ErrorList &problems, const QString &field)
{
    for (const Error &e : problems) {
        if (e.field == field && e.isError()) {
            return &e;
        }
    }
    return nullptr;
}

// ---- http:request
// ----------------------------------------------------------------------------------------------------

const QString hookSecret = u"whsec-7f3a9c21b4"_s;
const QString apiToken = u"tok-5d8e2b6a91"_s;

// A webhook receiver such as a deployment service runs: it checks the signature (GitHub-webhook style), keeps the
// Idempotency-Keys it has seen and acts once per key.
struct Receiver
{
    HttpTestServer server;
    int deliveries = 0;
    int actedOn = 0;
    QSet<QByteArray> keys;
    QStringList problems;
    QList<HttpTestRequest> requests;
    int status = 201;
    QByteArray answer = R"({"id": 7, "message": "deployment queued"})";
    std::function<void()> onDelivery;

    Receiver()
    {
        REQUIRE(server.listen());
        server.setHandler([this](const HttpTestRequest &request) { return handle(request); });
    }

    HttpTestResponse handle(const HttpTestRequest &request)
    {
        ++deliveries;
        requests.append(request);
        if (onDelivery) {
            onDelivery();
        }
        const QByteArray expected =
            "sha256="
            + QMessageAuthenticationCode::hash(request.body, hookSecret.toUtf8(), QCryptographicHash::Sha256).toHex();
        if (request.header("X-Hub-Signature-256") != expected) {
            problems.append(u"bad signature"_s);
            return HttpTestResponse::json(401, R"({"message":"signature does not match"})");
        }
        const QByteArray key = request.header("Idempotency-Key");
        if (key.isEmpty()) {
            problems.append(u"no Idempotency-Key"_s);
            return HttpTestResponse::json(400, R"({"message":"Idempotency-Key required"})");
        }
        if (!keys.contains(key)) {
            keys.insert(key);
            ++actedOn;
        }
        return HttpTestResponse::json(status, answer);
    }
};

ActionEnvironment httpEnvironment()
{
    ActionEnvironment environment;
    environment.secrets = {{u"hook-secret"_s, hookSecret}, {u"deploy-api"_s, apiToken}};
    return environment;
}

QJsonObject hookInput(const Receiver &receiver)
{
    return QJsonObject{
        {u"url"_s, receiver.server.url(u"/hooks/deploy?team=payments"_s).toString()},
        {u"headers"_s, QJsonObject{{u"X-Portolan-Template"_s, u"deploy-service"_s}}},
        {u"body"_s, QJsonObject{{u"service"_s, u"payments"_s}, {u"replicas"_s, 3}}},
        {u"credential"_s, u"deploy-api"_s},
        {u"signature"_s, QJsonObject{{u"credential"_s, u"hook-secret"_s}}},
    };
}

// ---- github:actions:dispatch
// -----------------------------------------------------------------------------------------

const QString gitHubToken = u"ghp_actions0000000000000000000000000000"_s;

struct GitHubHarness
{
    GitHubTestServer server;
    ActionEnvironment environment;
    std::unique_ptr<StepExecutor> executor = makeGitHubDispatchExecutor();

    GitHubHarness()
    {
        REQUIRE(server.listen());
        server.setToken(gitHubToken);
        server.generateRepositories(1); // octocat/service-0001
        server.setRunProgress(1);
        environment.gitHubApiUrl = server.url();
        environment.secrets = {{u"github"_s, gitHubToken}};
        environment.defaultGitHubCredential = u"github"_s;
        environment.user.login = u"octocat"_s;
    }

    static QJsonObject input(QJsonObject extra = {})
    {
        QJsonObject in{{u"repoUrl"_s, u"github.com?owner=octocat&repo=service-0001"_s},
                       {u"workflowId"_s, u"deploy.yml"_s},
                       {u"branchOrTagName"_s, u"main"_s},
                       {u"workflowInputs"_s, QJsonObject{{u"environment"_s, u"staging"_s}, {u"dryRun"_s, false}}},
                       {u"pollSeconds"_s, 0.05}};
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) {
            in.insert(it.key(), it.value());
        }
        return in;
    }

    [[nodiscard]] int dispatchPosts() const { return server.countRequests(u"/dispatches"_s, "POST"); }
};

// ---- kubernetes:apply
// ------------------------------------------------------------------------------------------------

const QString kubeToken = u"kube-apply-token"_s;

struct KubeHarness
{
    KubeTestServer server;
    QTemporaryDir dir;
    ActionEnvironment environment;
    std::unique_ptr<StepExecutor> executor = makeKubernetesApplyExecutor();

    KubeHarness()
    {
        REQUIRE(server.listen());
        REQUIRE(dir.isValid());
        server.setToken(kubeToken);
        const QString kubeconfig = u"apiVersion: v1\nkind: Config\ncurrent-context: k3s\nclusters:\n"
                                   "- name: k3s\n  cluster:\n    server: %1\n"
                                   "users:\n- name: deployer\n  user:\n    token: %2\n"
                                   "contexts:\n- name: k3s\n  context:\n    cluster: k3s\n    user: deployer\n"
                                   "    namespace: team-a\n"_s.arg(server.url().toString(), kubeToken);
        environment.kubeconfig = Portolan::Test::writeFile(dir, u"kubeconfig"_s, kubeconfig.toUtf8());
    }

    [[nodiscard]] QList<KubeTestServer::Request> patches() const
    {
        QList<KubeTestServer::Request> out;
        for (const KubeTestServer::Request &r : server.requests()) {
            if (r.method == "PATCH") {
                out.append(r);
            }
        }
        return out;
    }
};

QString manifest(int replicas = 2)
{
    return uR"(apiVersion: v1
kind: ConfigMap
metadata:
  name: payments-config
data:
  LOG_LEVEL: debug
  FEATURE_FLAGS: "yes"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
  labels: &labels
    app: payments
spec:
  replicas: %1
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels: *labels
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/payments:1.4.2
          ports:
            - containerPort: 8_080
      volumes:
        - name: config
          configMap:
            name: payments-config
            defaultMode: 0644
---
)"_s.arg(replicas);
}

} // namespace

TEST_CASE("http:request delivers the body with a valid signature and the idempotency key", "[executors]")
{
    Receiver receiver;
    const ActionEnvironment environment = httpEnvironment();
    const std::unique_ptr<StepExecutor> executor = makeHttpRequestExecutor();
    Capture capture;
    int statesAtDelivery = -1;
    receiver.onDelivery = [&] { statesAtDelivery = int(capture.savedStates().size()); };

    Result<StepResult> result = runStep(*executor, makeContext(hookInput(receiver), environment, capture));
    INFO(capture.logText().toStdString());
    REQUIRE(result.ok());
    CHECK(receiver.problems.isEmpty());
    REQUIRE(receiver.requests.size() == 1);
    const HttpTestRequest &request = receiver.requests.first();
    CHECK(request.method == "POST");
    CHECK(request.url.path() == u"/hooks/deploy"_s);
    CHECK(request.header("Content-Type") == "application/json");
    CHECK(request.header("Authorization") == "Bearer " + apiToken.toUtf8());
    CHECK(request.header("X-Portolan-Template") == "deploy-service");
    CHECK(request.header("Idempotency-Key") == "\"4f8a2c1e-run-deliver\"");
    CHECK(QJsonDocument::fromJson(request.body).object()
          == QJsonObject{{u"service"_s, u"payments"_s}, {u"replicas"_s, 3}});
    CHECK(statesAtDelivery == 1); // saved before the request went out
    CHECK(capture.savedStates().first().value("sent"_L1).toBool());

    CHECK(result->output.value("status"_L1).toInt() == 201);
    CHECK(result->output.value("body"_L1).toObject().value("id"_L1).toInt() == 7);
    CHECK(result->output.value("headers"_L1)
              .toObject()
              .value("content-type"_L1)
              .toString()
              .startsWith(u"application/json"_s));
    const QString log = capture.logText();
    CHECK(log.contains(u"4f8a2c1e-run-deliver"_s));
    CHECK_FALSE(log.contains(hookSecret));
    CHECK_FALSE(log.contains(apiToken));
}

TEST_CASE("http:request fails on a status it does not expect, with the receiver's message", "[executors]")
{
    Receiver receiver;
    const ActionEnvironment environment = httpEnvironment();
    const std::unique_ptr<StepExecutor> executor = makeHttpRequestExecutor();
    Capture capture;

    SECTION("an error status")
    {
        receiver.status = 422;
        receiver.answer = R"({"message":"replicas must be at most 2 for team payments"})";
        Result<StepResult> result = runStep(*executor, makeContext(hookInput(receiver), environment, capture));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().httpStatus == 422);
        CHECK(result.error().message.contains(u"422"_s));
        CHECK(result.error().message.contains(u"replicas must be at most 2 for team payments"_s));
    }
    SECTION("a success status other than the expected one")
    {
        QJsonObject input = hookInput(receiver);
        input.insert(u"expectedStatus"_s, QJsonArray{200, 202});
        Result<StepResult> result = runStep(*executor, makeContext(input, environment, capture));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().httpStatus == 201);
        CHECK(result.error().message.contains(u"200, 202"_s));
        CHECK(result.error().message.contains(u"deployment queued"_s));
    }
    SECTION("an error status the template expects")
    {
        receiver.status = 409;
        receiver.answer = R"({"message":"already deployed"})";
        QJsonObject input = hookInput(receiver);
        input.insert(u"expectedStatus"_s, QJsonArray{201, 409});
        Result<StepResult> result = runStep(*executor, makeContext(input, environment, capture));
        REQUIRE(result.ok());
        CHECK(result->output.value("status"_L1).toInt() == 409);
        CHECK(result->output.value("body"_L1).toString() == u"already deployed"_s);
    }
}

TEST_CASE("http:request resumed after a cut-off attempt sends the same key, so the receiver acts once", "[executors]")
{
    Receiver receiver;
    const ActionEnvironment environment = httpEnvironment();
    const std::unique_ptr<StepExecutor> executor = makeHttpRequestExecutor();

    Capture first;
    REQUIRE(runStep(*executor, makeContext(hookInput(receiver), environment, first)).ok());
    const QList<QJsonObject> saved = first.savedStates();
    REQUIRE_FALSE(saved.isEmpty());

    // The process died after sending and before the runner stored the result: the run resumes with the saved state.
    Capture second;
    Result<StepResult> resumed =
        runStep(*executor, makeContext(hookInput(receiver), environment, second, u"deliver"_s, saved.last(), 2));
    REQUIRE(resumed.ok());
    CHECK(receiver.deliveries == 2);
    CHECK(receiver.keys.size() == 1);
    CHECK(receiver.actedOn == 1);
    CHECK(receiver.requests[0].header("Idempotency-Key") == receiver.requests[1].header("Idempotency-Key"));
    CHECK(second.logText().contains(u"same Idempotency-Key"_s));

    // Another step of the run is another submission.
    Capture other;
    REQUIRE(runStep(*executor, makeContext(hookInput(receiver), environment, other, u"notify"_s)).ok());
    CHECK(receiver.keys.size() == 2);
}

TEST_CASE("http:request check and preview: fields named, secrets masked", "[executors]")
{
    const ActionEnvironment environment = httpEnvironment();
    const std::unique_ptr<StepExecutor> executor = makeHttpRequestExecutor();
    CHECK(executor->action() == u"http:request"_s);
    CHECK_FALSE(executor->description().isEmpty());

    const ErrorList problems = executor->check(QJsonObject{{u"url"_s, u"ftp://example.com/x"_s},
                                                           {u"method"_s, u"FETCH"_s},
                                                           {u"credential"_s, u"nope"_s},
                                                           {u"expectedStatus"_s, u"ok"_s},
                                                           {u"headers"_s, QJsonObject{{u"X-Bad"_s, u"a\r\nb"_s}}}},
                                               environment);
    INFO(Portolan::Test::describe(problems).toStdString());
    CHECK(findField(problems, u"input.url"_s));
    CHECK(findField(problems, u"input.method"_s));
    REQUIRE(findField(problems, u"input.credential"_s));
    CHECK(findField(problems, u"input.credential"_s)->message.contains(u"nope"_s));
    CHECK(findField(problems, u"input.expectedStatus"_s));
    CHECK(findField(problems, u"input.headers.X-Bad"_s));
    CHECK(executor->check(QJsonObject{}, environment).size() == 1); // only the missing url

    QJsonObject input{{u"url"_s, u"https://hooks.example.com/deploy?token=abc123"_s},
                      {u"headers"_s, QJsonObject{{u"X-Api-Key"_s, u"k-998877"_s}, {u"X-Team"_s, u"payments"_s}}},
                      {u"body"_s, QJsonObject{{u"password"_s, hookSecret}, {u"service"_s, u"payments"_s}}},
                      {u"credential"_s, u"deploy-api"_s},
                      {u"signature"_s, QJsonObject{{u"credential"_s, u"hook-secret"_s}}}};
    REQUIRE(executor->check(input, environment).isEmpty());
    const StepPreview preview = executor->preview(input, environment);
    CHECK(preview.method == u"POST"_s);
    CHECK(preview.target == u"https://hooks.example.com/deploy?token=***"_s);
    CHECK(preview.body.contains(u"Authorization: Bearer ***"_s));
    CHECK(preview.body.contains(u"X-Hub-Signature-256: sha256=***"_s));
    CHECK(preview.body.contains(u"X-Api-Key: ***"_s));
    CHECK(preview.body.contains(u"X-Team: payments"_s));
    CHECK(preview.body.contains(u"\"service\":\"payments\""_s));
    CHECK(preview.body.contains(u"Idempotency-Key"_s));
    CHECK_FALSE(preview.body.contains(hookSecret));
    CHECK_FALSE(preview.body.contains(apiToken));
    CHECK_FALSE(preview.body.contains(u"k-998877"_s));
}

TEST_CASE("github:actions:dispatch posts GitHub's dispatch body and follows the run to success", "[executors]")
{
    GitHubHarness h;
    Capture capture;
    Result<StepResult> result =
        runStep(*h.executor, makeContext(GitHubHarness::input(), h.environment, capture, u"deploy"_s));
    INFO(capture.logText().toStdString());
    INFO(h.server.violations().join(u'\n').toStdString());
    REQUIRE(result.ok());
    CHECK(h.server.violations().isEmpty());
    REQUIRE(h.dispatchPosts() == 1);
    const auto dispatch = std::find_if(h.server.requests().cbegin(), h.server.requests().cend(),
                                       [](const auto &r) { return r.method == "POST"; });
    CHECK(dispatch->path == u"/repos/octocat/service-0001/actions/workflows/deploy.yml/dispatches"_s);
    CHECK(dispatch->contentType.startsWith("application/json"));
    CHECK(dispatch->authorization == "Bearer " + gitHubToken.toUtf8());
    const QJsonObject body = QJsonDocument::fromJson(dispatch->body).object();
    CHECK(body.value("ref"_L1).toString() == u"main"_s);
    CHECK(body.value("return_run_details"_L1).toBool());
    CHECK(body.value("inputs"_L1).toObject() == QJsonObject{{u"environment"_s, u"staging"_s}, {u"dryRun"_s, false}});

    REQUIRE(h.server.workflowRuns().size() == 1);
    const GitHubTestServer::WorkflowRun &run = h.server.workflowRuns().first();
    CHECK(run.branch == u"main"_s);
    CHECK(result->output.value("runId"_L1).toInteger() == run.id);
    CHECK(result->output.value("runUrl"_L1).toString()
          == u"https://github.com/octocat/service-0001/actions/runs/%1"_s.arg(run.id));
    CHECK(result->output.value("status"_L1).toString() == u"completed"_s);
    CHECK(result->output.value("conclusion"_L1).toString() == u"success"_s);
    REQUIRE(result->links.size() == 1);
    CHECK(result->links.first().kind == u"workflow-run"_s);
    CHECK(result->links.first().state == u"success"_s);
    CHECK(result->links.first().stepId == u"deploy"_s);
    CHECK(result->links.first().url == result->output.value("runUrl"_L1).toString());
    CHECK(result->state.value("runId"_L1).toInteger() == run.id);
    const QString log = capture.logText();
    CHECK(log.contains(u"queued"_s));
    CHECK(log.contains(u"in_progress"_s));
    CHECK(log.contains(u"success"_s));
    CHECK_FALSE(log.contains(gitHubToken));
    // The state was saved before the POST, without a run yet, and never holds the token.
    const QList<QJsonObject> states = capture.savedStates();
    REQUIRE_FALSE(states.isEmpty());
    CHECK(states.first().value("posted"_L1) == QJsonValue(false));
    CHECK(states.first().contains("dispatchedAt"_L1));
    CHECK_FALSE(QJsonDocument(states.last()).toJson().contains(gitHubToken.toUtf8()));
}

TEST_CASE("github:actions:dispatch finds the run when GitHub answers without run details", "[executors]")
{
    GitHubHarness h;
    // Someone else dispatched the same workflow on the same branch just now: not our run.
    GitHubTestServer::WorkflowRun theirs;
    theirs.repository = u"service-0001"_s;
    theirs.workflow = u"deploy.yml"_s;
    theirs.branch = u"main"_s;
    theirs.actor = u"hubot"_s;
    theirs.created = QDateTime::currentDateTimeUtc().addSecs(1);
    const qint64 theirId = h.server.addWorkflowRun(theirs);

    SECTION("an older GitHub Enterprise answers 204")
    {
        h.server.setDispatchAnswersNoContent(true);
    }
    SECTION("an older GitHub Enterprise rejects return_run_details")
    {
        h.server.setDispatchRejectsRunDetails(true);
    }
    Capture capture;
    Result<StepResult> result = runStep(*h.executor, makeContext(GitHubHarness::input(), h.environment, capture));
    INFO(capture.logText().toStdString());
    INFO(h.server.violations().join(u'\n').toStdString());
    REQUIRE(result.ok());
    CHECK(h.server.violations().isEmpty());
    REQUIRE(h.server.workflowRuns().size() == 2);
    const qint64 ours = h.server.workflowRuns().last().id;
    CHECK(result->output.value("runId"_L1).toInteger() == ours);
    CHECK(result->output.value("runId"_L1).toInteger() != theirId);
    CHECK(result->output.value("conclusion"_L1).toString() == u"success"_s);
    bool listed = false;
    for (const GitHubTestServer::Request &r : h.server.requests()) {
        if (r.path.endsWith(u"/actions/workflows/deploy.yml/runs"_s)) {
            listed = true;
            CHECK(r.query.queryItemValue(u"event"_s) == u"workflow_dispatch"_s);
            CHECK(r.query.queryItemValue(u"branch"_s) == u"main"_s);
            CHECK(r.query.queryItemValue(u"created"_s, QUrl::FullyDecoded).startsWith(u">="_s));
        }
    }
    CHECK(listed);
}

TEST_CASE("github:actions:dispatch resumed after the dispatch does not dispatch twice", "[executors]")
{
    GitHubHarness h;
    SECTION("the earlier attempt's POST went out: the run is found")
    {
        Capture first;
        REQUIRE(runStep(*h.executor, makeContext(GitHubHarness::input(), h.environment, first)).ok());
        REQUIRE(h.dispatchPosts() == 1);
        // Killed right after the POST left, before GitHub's answer was saved: only the state from before the POST.
        const QJsonObject beforePost = first.savedStates().first();
        REQUIRE(beforePost.value("posted"_L1) == QJsonValue(false));
        REQUIRE_FALSE(beforePost.contains("runId"_L1));

        Capture second;
        Result<StepResult> resumed = runStep(
            *h.executor, makeContext(GitHubHarness::input(), h.environment, second, u"deliver"_s, beforePost, 2));
        INFO(second.logText().toStdString());
        REQUIRE(resumed.ok());
        CHECK(h.dispatchPosts() == 1);
        CHECK(h.server.workflowRuns().size() == 1);
        CHECK(resumed->output.value("runId"_L1).toInteger() == h.server.workflowRuns().first().id);
        CHECK(second.logText().contains(u"not dispatching again"_s));
    }
    SECTION("the earlier attempt never reached GitHub: it dispatches, and says so")
    {
        const QJsonObject beforePost{
            {u"dispatchedAt"_s, QDateTime::currentDateTimeUtc().addSecs(-30).toString(Qt::ISODateWithMs)},
            {u"posted"_s, false}};
        Capture capture;
        Result<StepResult> resumed = runStep(
            *h.executor, makeContext(GitHubHarness::input(), h.environment, capture, u"deliver"_s, beforePost, 2));
        INFO(capture.logText().toStdString());
        REQUIRE(resumed.ok());
        CHECK(h.dispatchPosts() == 1);
        CHECK(capture.logText().contains(u"dispatching again"_s));
    }
    SECTION("GitHub took the earlier POST but shows no run: no second dispatch")
    {
        const QJsonObject afterPost{
            {u"dispatchedAt"_s, QDateTime::currentDateTimeUtc().addSecs(-30).toString(Qt::ISODateWithMs)},
            {u"posted"_s, true}};
        Capture capture;
        Result<StepResult> resumed = runStep(
            *h.executor, makeContext(GitHubHarness::input(), h.environment, capture, u"deliver"_s, afterPost, 2));
        REQUIRE_FALSE(resumed.ok());
        CHECK(h.dispatchPosts() == 0);
        CHECK(resumed.error().message.contains(u"no run"_s));
    }
}

TEST_CASE("github:actions:dispatch shows GitHub's refusals", "[executors]")
{
    GitHubHarness h;
    Capture capture;
    SECTION("422: the workflow has no workflow_dispatch trigger")
    {
        h.server.setWorkflowWithoutDispatchTrigger(u"deploy.yml"_s);
        Result<StepResult> result = runStep(*h.executor, makeContext(GitHubHarness::input(), h.environment, capture));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().httpStatus == 422);
        CHECK(result.error().message.contains(u"Workflow does not have 'workflow_dispatch' trigger"_s));
        CHECK(result.error().message.contains(u"deploy.yml"_s));
        CHECK(h.server.workflowRuns().isEmpty());
    }
    SECTION("404: no such repository for this credential")
    {
        QJsonObject input = GitHubHarness::input({{u"repoUrl"_s, u"github.com?owner=octocat&repo=nowhere"_s}});
        Result<StepResult> result = runStep(*h.executor, makeContext(input, h.environment, capture));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().httpStatus == 404);
        CHECK(result.error().field == u"input.workflowId"_s);
        CHECK(result.error().message.contains(u"octocat/nowhere"_s));
    }
    SECTION("403: the platform refuses the credential")
    {
        h.server.addFault({GitHubTestServer::FaultKind::Forbidden, u"/dispatches"_s, 0, -1});
        Result<StepResult> result = runStep(*h.executor, makeContext(GitHubHarness::input(), h.environment, capture));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == Error::Code::Auth);
        CHECK(result.error().message.contains(u"GitHub refused"_s));
        CHECK(result.error().message.contains(u"Resource not accessible by integration"_s));
    }
    SECTION("the run fails: the step fails naming the conclusion")
    {
        h.server.setRunProgress(1, u"failure"_s);
        Result<StepResult> result = runStep(*h.executor, makeContext(GitHubHarness::input(), h.environment, capture));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().message.contains(u"\"failure\""_s));
        CHECK(result.error().message.contains(u"/actions/runs/"_s));
    }
    SECTION("check names the fields")
    {
        ActionEnvironment bare = h.environment;
        bare.defaultGitHubCredential.clear();
        QJsonObject inputs;
        for (int i = 0; i < 26; ++i) {
            inputs.insert(u"input%1"_s.arg(i), i);
        }
        const ErrorList problems = h.executor->check(
            QJsonObject{{u"repoUrl"_s, u"octocat/service-0001"_s}, {u"workflowInputs"_s, inputs}}, bare);
        INFO(Portolan::Test::describe(problems).toStdString());
        CHECK(findField(problems, u"input.repoUrl"_s));
        CHECK(findField(problems, u"input.workflowId"_s));
        CHECK(findField(problems, u"input.branchOrTagName"_s));
        CHECK(findField(problems, u"input.workflowInputs"_s));
        CHECK(findField(problems, u"input.credential"_s));
        CHECK(h.executor->check(GitHubHarness::input(), h.environment).isEmpty());
        CHECK(h.server.requests().isEmpty());
    }
}

TEST_CASE("github:actions:dispatch: a followed run is refreshed and cancelled on GitHub", "[executors]")
{
    GitHubHarness h;
    h.server.setRunProgress(1000); // stays queued, then in progress
    Capture capture;
    Result<StepResult> result =
        runStep(*h.executor, makeContext(GitHubHarness::input({{u"waitForCompletion"_s, false}}), h.environment,
                                         capture, u"deploy"_s));
    REQUIRE(result.ok());
    CHECK(result->output.value("status"_L1).toString() == u"queued"_s);
    REQUIRE(result->links.size() == 1);
    CHECK(result->links.first().state == u"queued"_s);
    CHECK_FALSE(result->links.first().isFinal());

    StepRecord step;
    step.id = u"deploy"_s;
    step.name = u"Deploy"_s;
    step.action = h.executor->action();
    step.state = result->state;
    CHECK(h.executor->canCancel());
    std::optional<Result<void>> cancelled;
    onWorker([&] { cancelled.emplace(h.executor->cancel(step, h.environment)); });
    REQUIRE(cancelled->ok());
    CHECK(h.server.countRequests(u"/cancel"_s, "POST") == 1);
    CHECK(h.server.workflowRuns().first().cancelled);

    std::optional<Result<QList<RunLink>>> refreshed;
    onWorker([&] { refreshed.emplace(h.executor->refresh(step, result->links, h.environment, nullptr)); });
    REQUIRE(refreshed->ok());
    CHECK(refreshed->value().first().state == u"cancelled"_s);
    CHECK(refreshed->value().first().isFinal());

    // GitHub's 409 for a run that has completed.
    std::optional<Result<void>> again;
    onWorker([&] { again.emplace(h.executor->cancel(step, h.environment)); });
    REQUIRE_FALSE(again->ok());
    CHECK(again->error().message.contains(u"Cannot cancel a workflow run that is completed."_s));
    CHECK(h.server.violations().isEmpty());
}

TEST_CASE("github:actions:dispatch waits for a review of a protected environment: a required reviewer approves or "
          "rejects it",
          "[executors][approvals]")
{
    for (const bool approve : {true, false}) {
        DYNAMIC_SECTION((approve ? "approved" : "rejected"))
        {
            GitHubHarness h;
            h.server.setProtectedEnvironment(u"deploy.yml"_s, u"production"_s);
            Capture capture;
            // A short timeout: the time the review takes is not counted against it.
            const StepContext context =
                makeContext(GitHubHarness::input({{u"timeoutMinutes"_s, 0.005}}), h.environment, capture, u"deploy"_s);
            std::optional<Result<StepResult>> result;
            std::unique_ptr<QThread> thread(QThread::create([&] {
                StepContext c = context;
                result.emplace(h.executor->run(c));
            }));
            thread->start();
            const auto waitingState = [&capture] {
                const QList<QJsonObject> states = capture.savedStates();
                return states.isEmpty() || !states.last().contains("pendingDeployments"_L1) ? QJsonObject()
                                                                                            : states.last();
            };
            REQUIRE(spinUntil([&] { return !waitingState().isEmpty(); }, 30000));
            const QJsonObject state = waitingState();
            const QJsonArray pending = state.value("pendingDeployments"_L1).toArray();
            REQUIRE(pending.size() == 1);
            const QJsonObject deployment = pending.first().toObject();
            CHECK(deployment.value("environment"_L1).toString() == u"production"_s);
            CHECK(deployment.value("environmentId"_L1).toInteger() == GitHubTestServer::environmentId(u"production"_s));
            CHECK(deployment.value("canApprove"_L1).toBool());
            const QJsonArray reviewers = deployment.value("reviewers"_L1).toArray();
            REQUIRE(reviewers.size() == 2);
            CHECK(reviewers.at(0).toObject().value("login"_L1).toString() == u"octocat"_s);
            CHECK(reviewers.at(1).toObject().value("name"_L1).toString() == u"Justice League"_s);
            CHECK(capture.logText().contains(
                u"waits for a review of its deployment to production by octocat or the team Justice League"_s));
            CHECK(capture.logText().contains(u"portolan-cli approvals approve 4f8a2c1e-run"_s));

            // Nobody reviews for a while (longer than the timeout): the step keeps waiting.
            QTest::qWait(600);
            CHECK_FALSE(result.has_value());
            CHECK(h.server.workflowRuns().first().review.isEmpty());

            StepRecord step;
            step.id = u"deploy"_s;
            step.name = u"Deploy"_s;
            step.action = h.executor->action();
            step.state = state;
            const auto reviewer = makeGitHubDispatchExecutor(); // another process: the CLI, another window
            // Someone who is not a required reviewer is told who is, and nothing is posted.
            h.server.setCanApprove(false);
            std::optional<Result<void>> refused;
            onWorker(
                [&] { refused.emplace(reviewer->reviewPending(step, h.environment, approve, u"me?"_s, nullptr)); });
            REQUIRE_FALSE(refused->ok());
            CHECK(refused->error().message.contains(u"not a required reviewer"_s));
            CHECK(refused->error().message.contains(u"octocat or the team Justice League"_s));
            CHECK(h.server.countRequests(u"/pending_deployments"_s, "POST") == 0);

            h.server.setCanApprove(true);
            const QString comment = approve ? u"Ship it!"_s : u"Not during the freeze"_s;
            std::optional<Result<void>> reviewed;
            onWorker(
                [&] { reviewed.emplace(reviewer->reviewPending(step, h.environment, approve, comment, nullptr)); });
            INFO((reviewed->ok() ? QString() : reviewed->error().message).toStdString());
            REQUIRE(reviewed->ok());
            const auto post = std::find_if(h.server.requests().cbegin(), h.server.requests().cend(), [](const auto &r) {
                return r.method == "POST" && r.path.endsWith(u"/pending_deployments"_s);
            });
            REQUIRE(post != h.server.requests().cend());
            const QJsonObject body = QJsonDocument::fromJson(post->body).object();
            CHECK(body.value("environment_ids"_L1).toArray()
                  == QJsonArray{double(GitHubTestServer::environmentId(u"production"_s))});
            CHECK(body.value("state"_L1).toString() == (approve ? u"approved"_s : u"rejected"_s));
            CHECK(body.value("comment"_L1).toString() == comment);

            REQUIRE(spinUntil([&] { return result.has_value(); }, 30000));
            thread->wait();
            INFO(capture.logText().toStdString());
            INFO(h.server.violations().join(u'\n').toStdString());
            CHECK(h.server.violations().isEmpty());
            CHECK_FALSE(capture.savedStates().last().contains("pendingDeployments"_L1));
            if (approve) {
                REQUIRE(result->ok());
                CHECK(result->value().output.value("conclusion"_L1).toString() == u"success"_s);
                CHECK(capture.logText().contains(u"in_progress"_s));
            } else {
                REQUIRE_FALSE(result->ok());
                CHECK(result->error().message.contains(u"conclusion \"failure\""_s));
            }
        }
    }
}

TEST_CASE("github:actions:dispatch stops following when the run is cancelled here", "[executors]")
{
    GitHubHarness h;
    h.server.setRunProgress(1000);
    Capture capture;
    QTimer::singleShot(400, [&capture] { capture.cancel = true; });
    Result<StepResult> result = runStep(*h.executor, makeContext(GitHubHarness::input(), h.environment, capture));
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == Error::Code::Cancelled);
    CHECK(result.error().message.contains(u"unless it is cancelled there"_s));
    CHECK(h.server.countRequests(u"/actions/runs/"_s, "GET") >= 2);
    CHECK(h.dispatchPosts() == 1);
}

TEST_CASE("kubernetes:apply creates a ConfigMap and a Deployment with server-side apply", "[executors]")
{
    KubeHarness h;
    Capture capture;
    const QJsonObject input{{u"manifest"_s, manifest()}};
    Result<StepResult> result = runStep(*h.executor, makeContext(input, h.environment, capture, u"apply"_s));
    INFO(capture.logText().toStdString());
    INFO(h.server.violations().join(u'\n').toStdString());
    REQUIRE(result.ok());
    CHECK(h.server.violations().isEmpty());
    const QList<KubeTestServer::Request> patches = h.patches();
    REQUIRE(patches.size() == 2);
    CHECK(patches[0].path == u"/api/v1/namespaces/team-a/configmaps/payments-config"_s);
    CHECK(patches[1].path == u"/apis/apps/v1/namespaces/team-a/deployments/payments"_s);
    for (const KubeTestServer::Request &r : patches) {
        CHECK(r.contentType == "application/apply-patch+yaml");
        CHECK(r.query.queryItemValue(u"fieldManager"_s) == u"portolan"_s);
        CHECK_FALSE(r.query.hasQueryItem(u"force"_s));
        CHECK(r.authorization == "Bearer " + kubeToken.toUtf8());
    }
    // The manifest as kubectl reads it: anchors expanded, 0644 octal, 8_080 a number, a quoted "yes" a string.
    const QJsonObject sent = QJsonDocument::fromJson(patches[1].body).object();
    CHECK(sent.value("metadata"_L1).toObject().value("namespace"_L1).toString() == u"team-a"_s);
    const QJsonObject podSpec = sent["spec"_L1]["template"_L1]["spec"_L1].toObject();
    CHECK(podSpec["volumes"_L1][0]["configMap"_L1]["defaultMode"_L1].toInt() == 420);
    CHECK(podSpec["containers"_L1][0]["ports"_L1][0]["containerPort"_L1].toInt() == 8080);
    CHECK(sent["spec"_L1]["selector"_L1]["matchLabels"_L1]["app"_L1].toString() == u"payments"_s);
    const QJsonObject configMap = QJsonDocument::fromJson(patches[0].body).object();
    CHECK(configMap["data"_L1]["FEATURE_FLAGS"_L1].toString() == u"yes"_s);

    const QJsonArray objects = result->output.value("objects"_L1).toArray();
    REQUIRE(objects.size() == 2);
    const QJsonObject stored = h.server.object(u"deployments"_s, u"team-a"_s, u"payments"_s);
    CHECK(objects[1]["kind"_L1].toString() == u"Deployment"_s);
    CHECK(objects[1]["namespace"_L1].toString() == u"team-a"_s);
    CHECK(objects[1]["name"_L1].toString() == u"payments"_s);
    CHECK_FALSE(objects[1]["uid"_L1].toString().isEmpty());
    CHECK(objects[1]["uid"_L1].toString() == stored["metadata"_L1]["uid"_L1].toString());
    CHECK(objects[1]["resourceVersion"_L1].toString() == stored["metadata"_L1]["resourceVersion"_L1].toString());
    CHECK(objects[0]["created"_L1].toBool());
    CHECK(capture.logText().contains(u"created"_s));

    SECTION("applying again updates the objects, no duplicates")
    {
        Capture again;
        Result<StepResult> second =
            runStep(*h.executor, makeContext(QJsonObject{{u"manifest"_s, manifest(3)}}, h.environment, again));
        REQUIRE(second.ok());
        CHECK(h.server.objectCount(u"deployments"_s) == 1);
        CHECK(h.server.objectCount(u"configmaps"_s) == 1);
        const QJsonObject updated = h.server.object(u"deployments"_s, u"team-a"_s, u"payments"_s);
        CHECK(updated["spec"_L1]["replicas"_L1].toInt() == 3);
        CHECK(updated["metadata"_L1]["uid"_L1] == stored["metadata"_L1]["uid"_L1]);
        const QJsonArray objects2 = second->output.value("objects"_L1).toArray();
        CHECK_FALSE(objects2[1]["created"_L1].toBool());
        CHECK(objects2[1]["resourceVersion"_L1].toString().toLongLong()
              > objects[1]["resourceVersion"_L1].toString().toLongLong());
        CHECK(again.logText().contains(u"configured"_s));
    }
    SECTION("a dry run changes nothing")
    {
        Capture dry;
        Result<StepResult> second =
            runStep(*h.executor,
                    makeContext(QJsonObject{{u"manifest"_s, manifest(5)}, {u"dryRun"_s, true}}, h.environment, dry));
        REQUIRE(second.ok());
        CHECK(h.patches().last().query.queryItemValue(u"dryRun"_s) == u"All"_s);
        const QJsonObject unchanged = h.server.object(u"deployments"_s, u"team-a"_s, u"payments"_s);
        CHECK(unchanged["spec"_L1]["replicas"_L1].toInt() == 2);
    }
}

TEST_CASE("A namespace for a while: kubernetes:apply labels it with a TTL, kubernetes:delete removes it once",
          "[executors][ttl]")
{
    KubeHarness h;
    const QString namespaceManifest = uR"(apiVersion: v1
kind: Namespace
metadata:
  name: preview-shipment-4e0b11c2
  labels:
    portolan.dev/ttl: 4h
    portolan.dev/owner: platform-team
)"_s;
    Capture made;
    Result<StepResult> applied =
        runStep(*h.executor, makeContext(QJsonObject{{u"manifest"_s, namespaceManifest}}, h.environment, made));
    INFO(made.logText().toStdString());
    REQUIRE(applied.ok());
    const QJsonObject stored = h.server.object(u"namespaces"_s, {}, u"preview-shipment-4e0b11c2"_s);
    REQUIRE_FALSE(stored.isEmpty());
    CHECK(stored["metadata"_L1]["labels"_L1]["portolan.dev/ttl"_L1].toString() == u"4h"_s);
    CHECK(stored["metadata"_L1].toObject().contains("creationTimestamp"_L1)); // what the TTL counts from

    const std::unique_ptr<StepExecutor> remover = makeKubernetesDeleteExecutor();
    const QJsonObject input{
        {u"manifest"_s, u"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: preview-shipment-4e0b11c2\n"_s}};
    const StepPreview preview = remover->preview(input, h.environment);
    CHECK(
        preview.notes.contains(u"DELETE /api/v1/namespaces/preview-shipment-4e0b11c2?propagationPolicy=Background"_s));
    Capture deleting;
    Result<StepResult> deleted = runStep(*remover, makeContext(input, h.environment, deleting, u"terminate"_s));
    INFO(deleting.logText().toStdString());
    REQUIRE(deleted.ok());
    CHECK(h.server.object(u"namespaces"_s, {}, u"preview-shipment-4e0b11c2"_s).isEmpty());
    CHECK(deleting.logText().contains(u"Namespace preview-shipment-4e0b11c2: deleted, Terminating"_s));
    QList<KubeTestServer::Request> deletes;
    for (const KubeTestServer::Request &r : h.server.requests()) {
        if (r.method == "DELETE") {
            deletes.append(r);
        }
    }
    REQUIRE(deletes.size() == 1);
    CHECK(deletes.first().path == u"/api/v1/namespaces/preview-shipment-4e0b11c2"_s);
    CHECK(deletes.first().authorization == "Bearer " + kubeToken.toUtf8());
    CHECK_FALSE(deleted->output["objects"_L1][0]["goneAlready"_L1].toBool());

    // Run again (a resumed run, a second desktop's termination): gone already is done.
    Capture again;
    Result<StepResult> second = runStep(*remover, makeContext(input, h.environment, again));
    REQUIRE(second.ok());
    CHECK(again.logText().contains(u"Namespace preview-shipment-4e0b11c2: gone already"_s));
    CHECK(second->output["objects"_L1][0]["goneAlready"_L1].toBool());
    CHECK(h.server.violations().isEmpty());
}

TEST_CASE("ttl:extend moves a namespace's expiry label on the cluster, once", "[executors][ttl]")
{
    KubeHarness h;
    Capture made;
    REQUIRE(runStep(*h.executor, makeContext(QJsonObject{{u"manifest"_s, uR"(apiVersion: v1
kind: Namespace
metadata:
  name: preview-routes-74a79716
  labels: {portolan.dev/ttl: 4h, portolan.dev/owner: platform-team}
)"_s}},
                                             h.environment, made))
                .ok());
    const QDateTime created = QDateTime::fromString(
        h.server.object(u"namespaces"_s, {}, u"preview-routes-74a79716"_s)["metadata"_L1]["creationTimestamp"_L1]
            .toString(),
        Qt::ISODate);
    REQUIRE(created.isValid());
    ManualClock clock(created.addSecs(3600)); // an hour in: three hours left
    h.environment.clock = &clock;

    const std::unique_ptr<StepExecutor> extend = makeTtlExtendExecutor();
    const QJsonObject input{
        {u"namespace"_s, u"preview-routes-74a79716"_s}, {u"by"_s, u"4h"_s}, {u"maximum"_s, u"1d"_s}};
    CHECK(extend->check(input, h.environment).isEmpty());
    const ErrorList tooMuch = extend->check(
        QJsonObject{{u"namespace"_s, u"preview-routes-74a79716"_s}, {u"by"_s, u"2d"_s}, {u"maximum"_s, u"1d"_s}},
        h.environment);
    REQUIRE(tooMuch.size() == 1);
    CHECK(tooMuch.first().field == u"input.by"_s);
    CHECK(extend->preview(input, h.environment).method == u"server-side apply of a label"_s);

    Capture log;
    StepContext step = makeContext(input, h.environment, log, u"extend"_s);
    Result<StepResult> extended = runStep(*extend, step);
    INFO(log.logText().toStdString());
    REQUIRE(extended.ok());
    const QDateTime until = created.addSecs(8 * 3600); // from the expiry, not from now
    CHECK(extended->output.value("expiresAt"_L1).toString() == until.toString(Qt::ISODate));
    CHECK(extended->output.value("previousExpiresAt"_L1).toString() == created.addSecs(4 * 3600).toString(Qt::ISODate));
    const QJsonObject labels =
        h.server.object(u"namespaces"_s, {}, u"preview-routes-74a79716"_s)["metadata"_L1]["labels"_L1].toObject();
    CHECK(labels.value("portolan.dev/expires-at"_L1).toString() == QString::number(until.toSecsSinceEpoch()));
    CHECK(labels.value("portolan.dev/owner"_L1).toString() == u"platform-team"_s); // the labels it was made with stay
    CHECK(labels.value("portolan.dev/ttl"_L1).toString() == u"4h"_s);
    QList<KubeTestServer::Request> patches;
    for (const KubeTestServer::Request &r : h.patches()) {
        if (r.path == u"/api/v1/namespaces/preview-routes-74a79716"_s) {
            patches.append(r);
        }
    }
    REQUIRE(patches.size() == 2); // made, then extended
    CHECK(patches.last().query.queryItemValue(u"fieldManager"_s) == u"portolan-ttl"_s);
    CHECK(patches.last().query.queryItemValue(u"force"_s) == u"true"_s);

    // A resumed attempt that finds its expiry there already does not extend again.
    Capture resumed;
    StepContext again = makeContext(input, h.environment, resumed, u"extend"_s);
    again.state = QJsonObject{{u"epoch"_s, QString::number(until.toSecsSinceEpoch())},
                              {u"expiresAt"_s, until.toString(Qt::ISODate)},
                              {u"previousExpiresAt"_s, created.addSecs(4 * 3600).toString(Qt::ISODate)}};
    Result<StepResult> second = runStep(*extend, again);
    REQUIRE(second.ok());
    CHECK(resumed.logText().contains(u"has the new expiry already"_s));
    CHECK(h.patches().size() == patches.size());

    // A namespace without a TTL has nothing to extend.
    Capture none;
    Result<StepResult> missing = runStep(
        *extend, makeContext(QJsonObject{{u"namespace"_s, u"nope"_s}, {u"by"_s, u"4h"_s}}, h.environment, none));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.contains(u"namespaces \"nope\" not found"_s));
    CHECK(h.server.violations().isEmpty());
}

TEST_CASE("kubernetes:apply shows the cluster's refusals", "[executors]")
{
    KubeHarness h;
    Capture capture;
    SECTION("403: RBAC refuses the patch")
    {
        h.server.failApply(u"configmaps"_s, 403);
        Result<StepResult> result =
            runStep(*h.executor, makeContext(QJsonObject{{u"manifest"_s, manifest()}}, h.environment, capture));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == Error::Code::Auth);
        CHECK(result.error().httpStatus == 403);
        CHECK(result.error().message.contains(u"refused"_s));
        CHECK(result.error().message.contains(u"cannot patch resource \"configmaps\""_s));
        CHECK(h.server.objectCount(u"deployments"_s) == 0);
    }
    SECTION("409: a conflict suggests force, and force applies")
    {
        h.server.failApply(u"deployments"_s, 409);
        Result<StepResult> result =
            runStep(*h.executor, makeContext(QJsonObject{{u"manifest"_s, manifest()}}, h.environment, capture));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == Error::Code::Conflict);
        CHECK(result.error().message.contains(u"force"_s));
        CHECK(result.error().message.contains(u"already exists"_s)); // the recorded Status message
        CHECK(result.error().message.contains(u"1 of 2"_s));

        Capture forced;
        Result<StepResult> again =
            runStep(*h.executor,
                    makeContext(QJsonObject{{u"manifest"_s, manifest()}, {u"force"_s, true}}, h.environment, forced));
        REQUIRE(again.ok());
        CHECK(h.patches().last().query.queryItemValue(u"force"_s) == u"true"_s);
        CHECK(h.server.objectCount(u"deployments"_s) == 1);
    }
    SECTION("a kind the table lacks is found through discovery; an API the cluster lacks is unsupported")
    {
        const QString revision = uR"(apiVersion: apps/v1
kind: ControllerRevision
metadata:
  name: payments-7d9f
revision: 1
)"_s;
        Result<StepResult> result =
            runStep(*h.executor, makeContext(QJsonObject{{u"manifest"_s, revision}}, h.environment, capture));
        INFO(capture.logText().toStdString());
        REQUIRE(result.ok());
        CHECK(h.patches().last().path == u"/apis/apps/v1/namespaces/team-a/controllerrevisions/payments-7d9f"_s);

        const QJsonObject widget{{u"apiVersion"_s, u"widgets.example.com/v1"_s},
                                 {u"kind"_s, u"Widget"_s},
                                 {u"metadata"_s, QJsonObject{{u"name"_s, u"w"_s}}}};
        Capture other;
        Result<StepResult> unsupported =
            runStep(*h.executor, makeContext(QJsonObject{{u"manifest"_s, widget}}, h.environment, other));
        REQUIRE_FALSE(unsupported.ok());
        CHECK(unsupported.error().code == Error::Code::Unsupported);
        CHECK(unsupported.error().message.contains(u"widgets.example.com/v1"_s));
    }
    SECTION("check names the fields")
    {
        const ErrorList problems =
            h.executor->check(QJsonObject{{u"manifest"_s, u"apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n"_s},
                                          {u"context"_s, u"production"_s},
                                          {u"force"_s, u"yes"_s}},
                              h.environment);
        INFO(Portolan::Test::describe(problems).toStdString());
        CHECK(findField(problems, u"input.manifest"_s));
        REQUIRE(findField(problems, u"input.context"_s));
        CHECK(findField(problems, u"input.context"_s)->message.contains(u"production"_s));
        CHECK(findField(problems, u"input.force"_s));
        const ErrorList broken = h.executor->check(QJsonObject{{u"manifest"_s, u"a: [1, 2\n"_s}}, h.environment);
        REQUIRE(findField(broken, u"input.manifest"_s));
        CHECK(findField(broken, u"input.manifest"_s)->code == Error::Code::Parse);
        CHECK(h.executor->check(QJsonObject{{u"manifest"_s, manifest()}}, h.environment).isEmpty());
    }
}

TEST_CASE("kubernetes:apply masks Secret values in preview, log and output", "[executors]")
{
    KubeHarness h;
    const QString secret = uR"(apiVersion: v1
kind: Secret
metadata:
  name: payments-db
  namespace: team-a
type: Opaque
stringData:
  password: hunter2-correct-horse
data:
  token: c3VwZXItc2VjcmV0LXRva2Vu
)"_s;
    const QJsonObject input{{u"manifest"_s, secret}};
    const StepPreview preview = h.executor->preview(input, h.environment);
    CHECK(preview.body.contains(u"payments-db"_s));
    CHECK(preview.body.contains(u"***"_s));
    CHECK_FALSE(preview.body.contains(u"hunter2-correct-horse"_s));
    CHECK_FALSE(preview.body.contains(u"c3VwZXItc2VjcmV0LXRva2Vu"_s));
    CHECK(preview.target.contains(h.server.url().toString()));
    REQUIRE_FALSE(preview.notes.isEmpty());
    CHECK(preview.notes.first() == u"PATCH /api/v1/namespaces/team-a/secrets/payments-db?fieldManager=portolan"_s);

    Capture capture;
    Result<StepResult> result = runStep(*h.executor, makeContext(input, h.environment, capture));
    REQUIRE(result.ok());
    const QByteArray output = QJsonDocument(result->output).toJson();
    CHECK_FALSE(output.contains("hunter2-correct-horse"));
    CHECK_FALSE(output.contains("c3VwZXItc2VjcmV0LXRva2Vu"));
    CHECK_FALSE(capture.logText().contains(u"hunter2"_s));
    CHECK_FALSE(capture.logText().contains(u"c3VwZXItc2VjcmV0LXRva2Vu"_s));
    // The cluster gets the real values.
    REQUIRE(h.patches().size() == 1);
    CHECK(h.patches().first().body.contains("hunter2-correct-horse"));
    const QJsonObject stored = h.server.object(u"secrets"_s, u"team-a"_s, u"payments-db"_s);
    CHECK(stored["data"_L1]["token"_L1].toString() == u"c3VwZXItc2VjcmV0LXRva2Vu"_s);
}
