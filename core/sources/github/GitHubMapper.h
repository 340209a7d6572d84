#pragma once

#include "live/LiveTypes.h"
#include "model/Entity.h"
#include "sources/SourceConfig.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCborMap>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <vector>

namespace Portolan::Core {

// Pure mapping of GitHub REST API answers (api.github.com, GitHub Enterprise Server /api/v3) to Portolan's values:
// repositories, descriptor files, repository Components, and the insight value types of live/LiveTypes.h. No event
// loop, no network: tested on the recorded answers of ../shared/corpus/github.
namespace GitHubMapper {

// The fields of a repository (GET /orgs/{org}/repos, GET /repos/{owner}/{repo}) a sync uses.
struct Repository
{
    qint64 id = 0;
    QString name;
    QString fullName; // owner/name
    QString owner; // owner.login
    QString htmlUrl;
    QString description;
    QString defaultBranch;
    QStringList topics;
    bool archived = false;
    bool fork = false;
    bool disabled = false;
    bool empty = false; // size 0: nothing to read
    QDateTime pushedAt;

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static Repository fromCbor(const QCborMap &map);
};

// A file from GET /repos/{owner}/{repo}/contents/{path} (the JSON form: base64 content).
struct ContentFile
{
    QString path;
    QString sha; // the blob sha
    QString htmlUrl;
    QByteArray data;

    [[nodiscard]] QCborMap toCbor() const;
    [[nodiscard]] static ContentFile fromCbor(const QCborMap &map);
};

struct Descriptors
{
    std::vector<Entity> entities;
    ErrorList problems;
    QStringList locationPaths; // relative Location targets inside the same repository, resolved against the file
};

struct PullRequest
{
    PullRequestInfo info;
    QString headSha;
};

[[nodiscard]] Result<Repository> parseRepository(const QByteArray &body, const QString &where);
[[nodiscard]] Repository repositoryFrom(const QJsonObject &object);
[[nodiscard]] Result<QList<Repository>> parseRepositories(const QByteArray &body, const QString &where);
[[nodiscard]] Result<ContentFile> parseContent(const QByteArray &body, const QString &where);

// The entities a descriptor file describes (multi-document YAML, validated like files on disk). Provenance: file =
// the file's html URL, revision = its blob sha. $text/$json/$yaml placeholders are never read from this machine:
// relative ones are turned into the file's URL in the repository and kept unresolved, with a warning.
[[nodiscard]] Descriptors readDescriptors(const ContentFile &file, const Repository &repository, const QString &webUrl,
                                          const QString &sourceId);
// Rewrites relative placeholder targets to absolute URLs below `baseUrl` (the folder of the file on the web).
[[nodiscard]] QByteArray absolutePlaceholders(const QByteArray &data, const QString &baseUrl);

// A valid entity name from a repository name: [A-Za-z0-9] runs joined by single -, _ or ., at most 63 characters.
[[nodiscard]] QString sanitizeEntityName(QStringView name);
// The first owner of the first rule in a CODEOWNERS file as an entity reference: @org/team -> group:team,
// @user -> user:user; empty when there is none (e-mail owners are skipped).
[[nodiscard]] QString codeownersOwner(const QByteArray &text);
// A Component for a repository without a descriptor. `owner` is an entity reference (empty: the organisation as a
// group). Lifecycle: deprecated when archived, else production; type: other.
[[nodiscard]] Result<Entity> repositoryComponent(const Repository &repository, const QString &owner,
                                                 const QString &sourceId);

// GraphQL: the files at `paths` on the default branch of each repository, in one query. Repositories are aliased
// r0, r1, ... and files f0, f1, ... in the order given; each file is an `object(expression: "<branch>:<path>")` read
// as a Blob (text, oid, isTruncated, isBinary).
[[nodiscard]] QByteArray filesQuery(const QList<Repository> &repositories, const QStringList &paths);
struct GraphQlFile
{
    enum class State { Missing, Found, Unreadable }; // Unreadable: truncated or binary, read through REST instead
    State state = State::Missing;
    ContentFile file;
};
struct GraphQlRepository
{
    bool resolved = false; // false: GitHub could not resolve the repository (renamed, no access)
    QList<GraphQlFile> files; // in the order of `paths`
};
// The answer to filesQuery, one entry per repository. An answer without `data` is an error carrying the first of
// its `errors`; errors next to data (a repository not resolved) leave that repository unresolved.
[[nodiscard]] Result<QList<GraphQlRepository>> parseFilesAnswer(const QByteArray &body, const QString &where,
                                                                const QList<Repository> &repositories,
                                                                const QStringList &paths);

// Workflow runs (GET .../actions/runs), all of the page, newest first.
[[nodiscard]] Result<QList<WorkflowRun>> parseRuns(const QByteArray &body, const QString &where);
// The latest run of each workflow on each branch, newest first.
[[nodiscard]] QList<WorkflowRun> latestPerWorkflowAndBranch(const QList<WorkflowRun> &runs);
[[nodiscard]] Result<QList<PullRequest>> parsePulls(const QByteArray &body, const QString &where);
// The latest decisive review per reviewer (COMMENTED does not replace an approval; DISMISSED clears it):
// changes_requested if any, else approved if any, else commented when someone commented, else review_required.
[[nodiscard]] Result<QString> reviewState(const QByteArray &body, const QString &where);
// GET .../commits/{sha}/check-runs: failure when any run failed (failure, timed_out, cancelled, action_required,
// startup_failure), else pending while any runs, else success; empty when there are no check runs.
[[nodiscard]] Result<QString> checkRunsState(const QByteArray &body, const QString &where);
// GET .../commits/{sha}/status: success, failure (failure, error), pending; empty without statuses.
[[nodiscard]] Result<QString> combinedStatusState(const QByteArray &body, const QString &where);
[[nodiscard]] Result<QList<ReleaseInfo>> parseReleases(const QByteArray &body, const QString &where);
[[nodiscard]] Result<QStringList> parseEnvironments(const QByteArray &body, const QString &where);
// The latest deployment per environment, newest first, without status (see applyDeploymentStatus).
[[nodiscard]] Result<QList<DeploymentInfo>> parseDeployments(const QByteArray &body, const QString &where);
// The first status of GET .../deployments/{id}/statuses?per_page=1 (the newest) into `deployment`.
[[nodiscard]] Result<void> applyDeploymentStatus(DeploymentInfo &deployment, const QByteArray &body,
                                                 const QString &where);

// X-RateLimit-Limit/Remaining/Used/Reset/Resource; unknown (limit -1) when absent.
[[nodiscard]] SourceQuota quotaFrom(const QList<QPair<QByteArray, QByteArray>> &headers);
[[nodiscard]] QDateTime parseTime(const QJsonValue &value);

} // namespace GitHubMapper

} // namespace Portolan::Core
