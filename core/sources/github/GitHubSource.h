#pragma once

#include "GitHubConfig.h"
#include "GitHubMapper.h"
#include "sources/Source.h"

#include <functional>
#include <memory>

namespace Portolan::Core {

// `type: github`: the descriptors in an organisation's (or user's) repositories, and live insights (CI runs, open
// pull requests, releases, deployments) for every catalog entity with a `github.com/project-slug` annotation.
// See GitHubConfig for the settings.
//
// A sync lists the repositories (Link paging), reads the first of `catalogPaths` that exists in each repository whose
// pushed_at changed since the last sync (the others keep what was read before), follows relative Location targets
// inside the repository, and, with `repositoriesAsComponents`, makes a Component of each repository without a
// descriptor (owner from CODEOWNERS). Then it reads insights, one fetch per distinct slug.
// With `graphql` (the default) the descriptor and CODEOWNERS files of 50 repositories come in one GraphQL query,
// which spends one point of GraphQL's own budget instead of 50 or more REST requests; Locations, files GraphQL cannot
// give in full (truncated, binary) and every repository of a batch GraphQL refuses are read through REST.
//
// Rate limit: every GET is conditional (ETag; a 304 costs nothing), and the validators with what was made of each
// answer are kept in SyncContext::dataDir, so an unchanged re-sync costs no budget, also after a restart. When the
// remaining budget falls to the reserve (`reservePercent`), the sync stops reading, keeps the previous data of what
// it did not read, reports a warning naming the reset time and still succeeds; the next sync continues.
// Failures: a refused token (401) fails the sync with Code::Auth; a secondary rate limit fails it with
// Code::RateLimited and retryAfterSeconds (the engine backs off); a 403/404 on one insight part is a problem of that
// repository's insights only.
class GitHubSource final : public Source
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GitHubSource)

public:
    static constexpr auto stateFileName = "github-state.cbor";
    static constexpr int pullsWithDetails = 10; // newest open pull requests whose reviews and checks are read
    static constexpr int maxLocationFiles = 50; // per repository
    static constexpr int graphQlBatch = 50; // repositories per GraphQL query for descriptors

    explicit GitHubSource(SourceConfig config, QObject *parent = nullptr);
    ~GitHubSource() override;

    void sync(const SyncContext &context) override;
    // The descriptor's page on GitHub (or the repository's, for a repository Component).
    [[nodiscard]] QString upstreamUrl(const Entity &entity) const override;

    // Requests sent and 304 answers in the last sync, for tests and the benchmark.
    [[nodiscard]] int lastRequestCount() const { return m_lastRequests; } // REST and GraphQL
    [[nodiscard]] int lastGraphQlQueryCount() const { return m_lastGraphQlQueries; }
    [[nodiscard]] int lastNotModifiedCount() const { return m_lastNotModified; }

private:
    struct Run;
    using Mapper = std::function<Result<QCborValue>(const QByteArray &body, const QString &where)>;
    using Done = std::function<void(Result<QCborValue>)>;

    void fetch(const std::shared_ptr<Run> &run, const QString &pathAndQuery, Mapper map, Done done);
    void pump(const std::shared_ptr<Run> &run);
    void schedule(const std::shared_ptr<Run> &run, std::function<void()> job);
    void noteQuota(const std::shared_ptr<Run> &run, const SourceQuota &reported);
    [[nodiscard]] bool canSpend(const std::shared_ptr<Run> &run) const;
    // A failure that ends the sync (401, secondary rate limit, cancel): true when `error` was one and was handled.
    bool failIfFatal(const std::shared_ptr<Run> &run, const Error &error);
    void fail(const std::shared_ptr<Run> &run, const Error &error);

    void listRepositories(const std::shared_ptr<Run> &run, const QString &pathAndQuery, int page);
    void readRepositories(const std::shared_ptr<Run> &run);
    void readBatch(const std::shared_ptr<Run> &run, const QStringList &keys);
    void batchAnswer(const std::shared_ptr<Run> &run, const QString &key, const GitHubMapper::GraphQlRepository &answer,
                     qsizetype catalogPaths);
    void readDescriptor(const std::shared_ptr<Run> &run, const QString &key, int pathIndex);
    void readLocations(const std::shared_ptr<Run> &run, const QString &key, QStringList queue);
    void readCodeowners(const std::shared_ptr<Run> &run, const QString &key, int pathIndex);
    // Not complete: read again next time; over budget: counted for the "not read yet" warning.
    void repositoryDone(const std::shared_ptr<Run> &run, const QString &key, bool complete, bool overBudget = false);
    void buildEntities(const std::shared_ptr<Run> &run);
    void readInsights(const std::shared_ptr<Run> &run);
    void readSlug(const std::shared_ptr<Run> &run, const QString &slug);
    void readSlugParts(const std::shared_ptr<Run> &run, const QString &slug, const QString &fullName);
    void partDone(const std::shared_ptr<Run> &run, const QString &slug);
    void finish(const std::shared_ptr<Run> &run);

    std::shared_ptr<Run> m_run;
    int m_lastRequests = 0;
    int m_lastGraphQlQueries = 0;
    int m_lastNotModified = 0;
};

} // namespace Portolan::Core
