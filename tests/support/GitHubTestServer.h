#pragma once

#include "HttpTestServer.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace Portolan::Test {

// The parts of the GitHub REST API a github source uses, on a loopback HttpTestServer. Answers are GitHub's own:
// repository, content and insight bodies are the official examples of ../shared/corpus/github/openapi-examples
// (names and ids varied for generated repositories), headers are those of the recorded exchanges in
// ../shared/corpus/github/octokit-fixtures (with live x-ratelimit-* values), the rename-repository recording answers
// /repos/octokit-fixture-org/rename-repository with its 301. The server checks each request against what the real
// API expects (Accept application/vnd.github+json, X-GitHub-Api-Version 2022-11-28, Bearer token, the documented
// query parameters), answers If-None-Match with 304 without spending budget, counts the budget per token, and makes
// the rate-limit, credential and server faults on demand.
class GitHubTestServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GitHubTestServer)

public:
    static constexpr const char *apiVersion = "2022-11-28";

    struct Repository
    {
        QString name;
        QStringList topics;
        bool archived = false;
        QString description = QStringLiteral("This your first repo!");
        QHash<QString, QByteArray> files; // path -> content at the default branch ("catalog-info.yaml", "CODEOWNERS")
        bool insights = true; // the insight endpoints answer with the examples (else 404)
        QDateTime pushedAt = QDateTime(QDate(2011, 1, 26), QTime(19, 6, 43), Qt::UTC);
    };

    enum class FaultKind {
        PrimaryExhausted, // 403, x-ratelimit-remaining 0, reset in an hour, GitHub's "API rate limit exceeded" body
        Secondary403, // 403 with retry-after: 60 and GitHub's secondary rate limit message
        Secondary429, // the same as 429
        SecondaryNoRetryAfter, // 403 with the secondary rate limit message only
        BadCredentials, // 401 {"message":"Bad credentials",...}
        Forbidden, // 403 "Resource not accessible by integration"
        NotFound, // 404
        ServerError, // 500
    };
    struct Fault
    {
        FaultKind kind = FaultKind::ServerError;
        QString pathContains; // requests whose path contains this; empty: every request
        int skip = 0; // matching requests answered normally first
        int times = -1; // matching requests it applies to then; -1: every one
    };

    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray ifNoneMatch;
        QByteArray authorization;
        int status = 0;
        QByteArray body; // as sent (POST)
        QByteArray contentType;
    };

    // A workflow run of GitHub Actions, as the runs endpoints show it: made by a dispatch (or addWorkflowRun()), it
    // is `queued`, then `in_progress`, then `completed` with its conclusion, each for `pollsPerState` GETs of the
    // run (see setRunProgress()).
    struct WorkflowRun
    {
        qint64 id = 0;
        QString owner;
        QString repository;
        QString workflow; // as the dispatch named it: a file name ("deploy.yml") or an id
        QString branch; // the dispatch's ref
        QString actor; // login
        QString event = QStringLiteral("workflow_dispatch");
        QDateTime created;
        QJsonObject inputs;
        int polls = 0; // GETs of the run so far
        bool cancelled = false;
        QString conclusion; // given at completion; empty: the server's (setRunProgress)
        // Environment protection: a job deploys to this environment, which has required reviewers. After `queued` the
        // run is `waiting` until a review of its pending deployment; approved, it goes on (in_progress, completed);
        // rejected, it completes with the conclusion "failure".
        QString protectedEnvironment;
        QString review; // "approved" or "rejected" once reviewed
        QString reviewComment;
        int reviewedAtPoll = 0;
    };

    explicit GitHubTestServer(QObject *parent = nullptr);
    ~GitHubTestServer() override;

    [[nodiscard]] bool listen(quint16 port = 0);
    [[nodiscard]] QString url() const; // http://127.0.0.1:<port>, or the public URL when one is set
    // The URL clients use when they reach the server through a forwarder (the stand-alone runner's --port): answers
    // name it in Link headers and API URLs.
    void setPublicUrl(const QString &url) { m_publicUrl = url; }

    void setToken(const QString &token) { m_token = token; }
    void setOwner(const QString &owner, bool organization = true);
    [[nodiscard]] QString owner() const { return m_owner; }
    void setRepositories(QList<Repository> repositories);
    [[nodiscard]] QList<Repository> &repositories() { return m_repositories; }
    // `count` repositories "service-0001", ... each with a catalog-info.yaml Component of the same name whose
    // github.com/project-slug names the repository.
    void generateRepositories(int count);
    [[nodiscard]] static QByteArray componentDescriptor(const QString &name, const QString &slug,
                                                        const QString &owner = QStringLiteral("team-a"));
    // A push: pushed_at moves, so the repository list's ETag changes.
    void touch(const QString &repository, const QDateTime &pushedAt);

    void setBudget(int limit, int remaining); // per token, from now on
    [[nodiscard]] int remaining() const;
    [[nodiscard]] QDateTime resetAt() const { return m_reset; }
    void addFault(const Fault &fault) { m_faults.append(fault); }
    void clearFaults() { m_faults.clear(); }

    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    [[nodiscard]] int countRequests(const QString &pathContains) const;
    [[nodiscard]] int countRequests(const QString &pathContains, const QByteArray &method) const;

    // GitHub Actions, for the github:actions:dispatch step:
    //   POST /repos/O/R/actions/workflows/ID/dispatches: the body is checked like the real API checks it (a JSON
    //     object; `ref` a string; `inputs` an object of at most 25 string, number or boolean values; no other keys
    //     than those and `return_run_details`). It makes a run and answers the recorded 200 example (workflow_run_id,
    //     run_url, html_url of that run) when return_run_details is true, else 204.
    //   GET /repos/O/R/actions/workflows/ID/runs (event, branch, actor, status, created filters; newest first) and
    //   GET /repos/O/R/actions/runs/ID: the recorded examples with id, status, conclusion, created_at, event,
    //     head_branch and actor of the run.
    //   POST /repos/O/R/actions/runs/ID/cancel: 202 (409 with GitHub's message once the run has completed).
    // Older GitHub Enterprise: 204 whatever return_run_details says (setDispatchAnswersNoContent), or a 422 for the
    // key it does not know yet (setDispatchRejectsRunDetails), as strict parameter checks answer.
    void setDispatchAnswersNoContent(bool on) { m_dispatchNoContent = on; }
    void setDispatchRejectsRunDetails(bool on) { m_dispatchRejectsRunDetails = on; }
    // Dispatching this workflow gets GitHub's 422 "Workflow does not have 'workflow_dispatch' trigger".
    void setWorkflowWithoutDispatchTrigger(const QString &workflow) { m_noDispatchTrigger.append(workflow); }
    void setRunProgress(int pollsPerState, const QString &conclusion = QStringLiteral("success"))
    {
        m_pollsPerState = pollsPerState;
        m_runConclusion = conclusion;
    }
    void setActor(const QString &login) { m_actor = login; } // whose dispatches runs show as actor
    // Runs of `workflow` wait for a review of their deployment to `environment` (GitHub environment protection):
    //   GET /repos/O/R/actions/runs/ID/pending_deployments: the recorded example (reviewers octocat and the team
    //     Justice League) for the run's environment while it waits, else [].
    //   POST the same path: {environment_ids, state approved|rejected, comment} checked as the API checks it; answers
    //     the recorded deployments. `current_user_can_approve` and the POST's 403 follow setCanApprove().
    void setProtectedEnvironment(const QString &workflow, const QString &environment)
    {
        m_protected.insert(workflow, environment);
    }
    void setCanApprove(bool can) { m_canApprove = can; }
    [[nodiscard]] static qint64 environmentId(const QString &environment);
    // Pull requests, for publish:gitops in pull-request mode (its branch goes to a git server of the test's own; the
    // API side is here):
    //   POST /repos/O/R/pulls {title, head, base, body}: opens one, answered with the recorded 201 example carrying
    //     its number, branches, title and author (the token's user); GitHub's 422 when one is open for that head.
    //   GET /repos/O/R/pulls?state=open&head=O:BRANCH and GET /repos/O/R/pulls/N: the recorded examples with its
    //     number, state, merged and merged_by.
    //   GET /repos/O/R/pulls/N/reviews: its reviews, each the recorded example item with its id, user, state, body,
    //     commit and time. POST the same path {event APPROVE|REQUEST_CHANGES|COMMENT, body, commit_id}: a review by
    //     the token's user, answered with the recorded pull-request-review example; GitHub's 422 for a review of
    //     one's own pull request, and for REQUEST_CHANGES or COMMENT without a body.
    //   PUT /repos/O/R/pulls/N/merge {merge_method, sha}: the merger merges it (setPullMerger()), answered with the
    //     documented merge result; the documented 405 "Pull Request is not mergeable" unless it is open and the
    //     merger succeeds.
    // Other pull request numbers get the insight examples (pulls/list, pulls/list-reviews) as before.
    struct Review
    {
        qint64 id = 0;
        QString login;
        QString state; // APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED
        QString body;
        QString commit;
        QDateTime submitted;
    };
    struct PullRequest
    {
        int number = 0;
        QString owner;
        QString repository;
        QString head; // branch
        QString base;
        QString title;
        QString body;
        QString author; // login
        QString state = QStringLiteral("open"); // open, closed
        bool merged = false;
        QString mergedBy;
        QString mergeCommit;
        QList<Review> reviews;
    };
    // Another account: requests with this token are its (the token of setToken() is the actor's, setActor()).
    void addUser(const QString &token, const QString &login) { m_users.insert("Bearer " + token.toUtf8(), login); }
    // A review made on GitHub's web page; returns its id.
    qint64 addReview(int number, const QString &login, const QString &state, const QString &body);
    // A merge with GitHub's button, by this user (through the merger); false when it cannot be merged.
    bool mergeOnWeb(int number, const QString &login);
    // What PUT .../merge does to the repository's git data, which lives elsewhere: returns the merge commit, or empty
    // when it cannot merge.
    void setPullMerger(std::function<QString(const PullRequest &)> merger) { m_merger = std::move(merger); }
    [[nodiscard]] const QList<PullRequest> &pullRequests() const { return m_pulls; }
    qint64 addWorkflowRun(WorkflowRun run); // a run made elsewhere (someone else's dispatch, a push); returns its id
    [[nodiscard]] const QList<WorkflowRun> &workflowRuns() const { return m_runs; }
    [[nodiscard]] int notModifiedCount() const; // 304 answers
    [[nodiscard]] int spent() const { return m_spent; } // REST budget spent, over every token
    // POST /graphql: queries are read with GraphQlDocument and checked against the excerpt of GitHub's GraphQL schema
    // in tests/data/github (an invalid query is a violation); Query.repository, Repository.object (files of the
    // default branch "master" or HEAD) with Blob, and Query.rateLimit are served. Each query costs one point of a
    // budget of its own (x-ratelimit-resource: graphql), as GitHub counts a query without connections.
    void setGraphQlBudget(int limit, int remaining);
    [[nodiscard]] int graphQlQueries() const { return m_graphQlQueries; }
    // Requests that broke the API's rules (missing headers, unknown paths or parameters), one line each.
    [[nodiscard]] const QStringList &violations() const { return m_violations; }

private:
    HttpTestResponse handle(const HttpTestRequest &request);
    HttpTestResponse route(const HttpTestRequest &request, const QString &path, const QUrlQuery &query);
    HttpTestResponse json(int status, const QByteArray &body, bool withEtag = true) const;
    HttpTestResponse error(int status, const QString &message, const QString &documentation,
                           const QStringList &errors = {}) const;
    HttpTestResponse graphQl(const HttpTestRequest &request);
    HttpTestResponse repositoryList(const QString &path, const QUrlQuery &query);
    HttpTestResponse actions(const HttpTestRequest &request, const Repository &repository, const QString &rest,
                             const QUrlQuery &query);
    HttpTestResponse dispatch(const HttpTestRequest &request, const Repository &repository, const QString &workflow);
    HttpTestResponse pendingDeployments(const HttpTestRequest &request, WorkflowRun &run);
    // The pull requests opened here; nullopt for what the insight examples answer.
    std::optional<HttpTestResponse> pulls(const HttpTestRequest &request, const Repository &repository,
                                          const QString &rest, const QUrlQuery &query);
    [[nodiscard]] QJsonObject pullObject(const QString &operation, const PullRequest &pull) const;
    [[nodiscard]] QJsonObject reviewObject(const PullRequest &pull, const Review &review) const;
    [[nodiscard]] QString callerLogin(const HttpTestRequest &request) const;
    HttpTestResponse invalid(const QString &message) const; // 422 "Invalid request.\n\n<message>"
    [[nodiscard]] QJsonObject runObject(const WorkflowRun &run) const;
    [[nodiscard]] QString runStatus(const WorkflowRun &run) const;
    [[nodiscard]] QString runConclusion(const WorkflowRun &run) const;
    [[nodiscard]] QJsonObject repositoryObject(const Repository &repository, bool full) const;
    [[nodiscard]] const Repository *find(const QString &owner, const QString &name) const;
    [[nodiscard]] QByteArray rewrite(QByteArray body) const;
    void violation(const QString &what) { m_violations.append(what); }

    HttpTestServer m_http;
    QString m_token;
    QString m_publicUrl;
    QString m_owner = QStringLiteral("octocat");
    bool m_organization = true;
    QList<Repository> m_repositories;
    QList<Fault> m_faults;
    QHash<int, int> m_faultHits;
    QList<Request> m_requests;
    QStringList m_violations;
    int m_limit = 5000;
    QHash<QByteArray, int> m_used; // by Authorization header
    int m_spent = 0;
    int m_graphQlLimit = 5000;
    int m_graphQlUsed = 0;
    int m_graphQlQueries = 0;
    QDateTime m_reset;
    QList<QPair<QByteArray, QByteArray>> m_recordedHeaders; // of get-repository, values replaced per answer
    bool m_dispatchNoContent = false;
    bool m_dispatchRejectsRunDetails = false;
    QStringList m_noDispatchTrigger;
    int m_pollsPerState = 1;
    QString m_runConclusion = QStringLiteral("success");
    QString m_actor = QStringLiteral("octocat");
    QList<WorkflowRun> m_runs;
    QHash<QString, QString> m_protected; // workflow -> environment
    bool m_canApprove = true;
    qint64 m_nextRunId = 30433642; // the recorded example's id, then counting up
    QHash<QByteArray, QString> m_users; // Authorization header -> login
    QList<PullRequest> m_pulls;
    int m_nextPull = 1347; // the recorded example's number, then counting up
    qint64 m_nextReview = 80;
    std::function<QString(const PullRequest &)> m_merger;
};

} // namespace Portolan::Test
