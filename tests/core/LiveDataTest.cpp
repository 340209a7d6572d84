// Live data (GitHub insights, Kubernetes runtime): the value types' CBOR round-trip, the cache keeping them per
// source, and the catalog's CI and Health facets reading them.
#include "cache/CacheDatabase.h"
#include "cache/CatalogStore.h"
#include "catalog/Catalog.h"
#include "catalog/DescriptorLoader.h"
#include "config/Workspace.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Portolan::Core;

namespace {

QDateTime at(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(1'700'000'000 + seconds, Qt::UTC);
}

WorkflowRun run(const QString &workflow, const QString &branch, const QString &status, const QString &conclusion)
{
    WorkflowRun r;
    r.id = 30433642;
    r.workflow = workflow;
    r.branch = branch;
    r.status = status;
    r.conclusion = conclusion;
    r.url = QStringLiteral("https://github.com/octo-org/octo-repo/actions/runs/30433642");
    r.startedAt = at(0);
    r.updatedAt = at(95);
    return r;
}

RepositoryInsights insights(const QList<WorkflowRun> &runs)
{
    RepositoryInsights i;
    i.slug = QStringLiteral("octocat/Hello-World");
    i.url = QStringLiteral("https://github.com/octocat/Hello-World");
    i.defaultBranch = QStringLiteral("master");
    i.runs = runs;
    i.fetchedAt = at(100);
    return i;
}

EntityRuntime runtime(Health health)
{
    EntityRuntime r;
    WorkloadInfo w;
    w.cluster = QStringLiteral("prod-eu");
    w.ns = QStringLiteral("default");
    w.kind = QStringLiteral("Deployment");
    w.name = QStringLiteral("nginx-deployment");
    w.desired = 3;
    w.ready = health == Health::Healthy ? 3 : 1;
    w.images = {QStringLiteral("nginx:1.14.2")};
    PodInfo p;
    p.name = QStringLiteral("nginx-deployment-6b474476c4-2vbnz");
    p.phase = QStringLiteral("Running");
    p.reason = health == Health::Healthy ? QString() : QStringLiteral("CrashLoopBackOff");
    p.ready = 1;
    p.containers = 1;
    p.restarts = 7;
    p.health = health;
    w.pods = {p};
    w.health = health;
    r.workloads = {w};
    r.health = health;
    r.healthReason = QStringLiteral("1 of 3 pods ready");
    r.updatedAt = at(200);
    return r;
}

std::vector<Entity> demoEntities()
{
    LoadResult loaded = DescriptorLoader::load(Workspace::open(Workspace::demoPath())->roots());
    return std::move(loaded.entities);
}

} // namespace

TEST_CASE("CI state: the worst latest run per workflow on the default branch", "[core][live]")
{
    CHECK(insights({}).ciState() == CiState::None);
    CHECK(insights({run(QStringLiteral("Build"), QStringLiteral("master"), QStringLiteral("completed"),
                        QStringLiteral("success"))})
              .ciState()
          == CiState::Passing);
    // A failing feature branch does not make the main branch red.
    CHECK(insights({run(QStringLiteral("Build"), QStringLiteral("master"), QStringLiteral("completed"),
                        QStringLiteral("success")),
                    run(QStringLiteral("Build"), QStringLiteral("feature"), QStringLiteral("completed"),
                        QStringLiteral("failure"))})
              .ciState()
          == CiState::Passing);
    CHECK(insights({run(QStringLiteral("Build"), QStringLiteral("master"), QStringLiteral("completed"),
                        QStringLiteral("success")),
                    run(QStringLiteral("Lint"), QStringLiteral("master"), QStringLiteral("completed"),
                        QStringLiteral("timed_out"))})
              .ciState()
          == CiState::Failing);
    CHECK(
        insights({run(QStringLiteral("Build"), QStringLiteral("master"), QStringLiteral("in_progress"), {})}).ciState()
        == CiState::Running);
    // Without a run on the default branch, every branch counts.
    CHECK(insights({run(QStringLiteral("Build"), QStringLiteral("feature"), QStringLiteral("completed"),
                        QStringLiteral("cancelled"))})
              .ciState()
          == CiState::Cancelled);
    const WorkflowRun done =
        run(QStringLiteral("Build"), QStringLiteral("master"), QStringLiteral("completed"), QStringLiteral("success"));
    CHECK(done.durationSeconds() == 95);
    CHECK(run(QStringLiteral("Build"), QStringLiteral("master"), QStringLiteral("queued"), {}).durationSeconds() == -1);
}

TEST_CASE("Live values round-trip through CBOR", "[core][live]")
{
    RepositoryInsights in = insights({run(QStringLiteral("Build"), QStringLiteral("master"),
                                          QStringLiteral("completed"), QStringLiteral("failure"))});
    PullRequestInfo pr;
    pr.number = 1347;
    pr.title = QStringLiteral("Amazing new feature");
    pr.author = QStringLiteral("octocat");
    pr.reviewState = QStringLiteral("changes_requested");
    pr.checksState = QStringLiteral("pending");
    pr.labels = {QStringLiteral("bug")};
    pr.createdAt = at(-3600);
    in.pulls = {pr};
    DeploymentInfo d;
    d.id = 42;
    d.environment = QStringLiteral("production");
    d.state = QStringLiteral("success");
    d.sha = QStringLiteral("a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d");
    in.deployments = {d};
    in.environments = {QStringLiteral("production"), QStringLiteral("staging")};
    Error problem = makeError(Error::Code::Auth, QStringLiteral("No access to environments"));
    problem.httpStatus = 403;
    problem.severity = Error::Severity::Warning;
    in.problems = {problem};

    const RepositoryInsights out = RepositoryInsights::fromCbor(in.toCbor());
    CHECK(out.slug == in.slug);
    CHECK(out.defaultBranch == in.defaultBranch);
    REQUIRE(out.runs.size() == 1);
    CHECK(out.runs.first().conclusion == QStringLiteral("failure"));
    CHECK(out.runs.first().startedAt == in.runs.first().startedAt);
    CHECK(out.ciState() == CiState::Failing);
    REQUIRE(out.pulls.size() == 1);
    CHECK(out.pulls.first().number == 1347);
    CHECK(out.pulls.first().reviewState == QStringLiteral("changes_requested"));
    CHECK(out.pulls.first().labels == pr.labels);
    CHECK(out.pulls.first().createdAt == pr.createdAt);
    REQUIRE(out.deployments.size() == 1);
    CHECK(out.deployments.first().sha == d.sha);
    CHECK(out.environments == in.environments);
    REQUIRE(out.problems.size() == 1);
    CHECK(out.problems.first().code == Error::Code::Auth);
    CHECK(out.problems.first().httpStatus == 403);
    CHECK(out.problems.first().severity == Error::Severity::Warning);
    CHECK(out.fetchedAt == in.fetchedAt);

    const EntityRuntime rt = runtime(Health::Degraded);
    const EntityRuntime back = EntityRuntime::fromCbor(rt.toCbor());
    CHECK(back.health == Health::Degraded);
    CHECK(back.healthReason == rt.healthReason);
    REQUIRE(back.workloads.size() == 1);
    CHECK(back.workloads.first().images == rt.workloads.first().images);
    REQUIRE(back.workloads.first().pods.size() == 1);
    CHECK(back.workloads.first().pods.first().reason == QStringLiteral("CrashLoopBackOff"));
    CHECK(back.workloads.first().pods.first().restarts == 7);
    CHECK(back.updatedAt == rt.updatedAt);
}

TEST_CASE("Runtimes of one entity from two clusters merge, the worst health winning", "[core][live]")
{
    EntityRuntime a = runtime(Health::Healthy);
    EntityRuntime b = runtime(Health::Degraded);
    b.workloads.first().cluster = QStringLiteral("prod-us");
    a.merge(b);
    CHECK(a.workloads.size() == 2);
    CHECK(a.health == Health::Degraded);
    CHECK(a.healthReason == b.healthReason);
}

TEST_CASE("The cache keeps each source's live data with its snapshot, and replaces it alone", "[core][live][cache]")
{
    QTemporaryDir dir;
    CacheDatabase db;
    REQUIRE(db.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok());
    CatalogStore store(db);
    SourceState github;
    github.id = QStringLiteral("github");
    github.kind = QStringLiteral("github");
    github.status = QStringLiteral("ok");
    github.lastSync = at(0);
    LiveRecords live;
    live.github.insert(QStringLiteral("component:default/hello-world"),
                       insights({run(QStringLiteral("Build"), QStringLiteral("master"), QStringLiteral("completed"),
                                     QStringLiteral("success"))}));
    REQUIRE(store.replaceSnapshot(github, {}, {}, nullptr, live).ok());
    SourceState kube = github;
    kube.id = QStringLiteral("prod");
    kube.kind = QStringLiteral("kubernetes");
    LiveRecords kubeLive;
    kubeLive.runtime.insert(QStringLiteral("component:default/hello-world"), runtime(Health::Healthy));
    REQUIRE(store.replaceSnapshot(kube, {}, {}, nullptr, kubeLive).ok());

    auto loaded = store.loadAll();
    REQUIRE(loaded.ok());
    REQUIRE(loaded->liveBySource.size() == 2);
    CHECK(loaded->liveBySource.value(QStringLiteral("github")).github.size() == 1);
    CHECK(loaded->liveBySource.value(QStringLiteral("prod"))
              .runtime.value(QStringLiteral("component:default/hello-world"))
              .health
          == Health::Healthy);

    // A watch moved on: only the runtime of that source changes.
    kubeLive.runtime.insert(QStringLiteral("component:default/hello-world"), runtime(Health::Degraded));
    REQUIRE(store.replaceLive(QStringLiteral("prod"), kubeLive).ok());
    loaded = store.loadAll();
    REQUIRE(loaded.ok());
    CHECK(loaded->liveBySource.value(QStringLiteral("prod"))
              .runtime.value(QStringLiteral("component:default/hello-world"))
              .health
          == Health::Degraded);
    CHECK(loaded->liveBySource.value(QStringLiteral("github")).github.size() == 1);

    // A source's next snapshot without live data clears its live data; removing a source removes it too.
    REQUIRE(store.replaceSnapshot(github, {}, {}).ok());
    REQUIRE(store.removeSource(QStringLiteral("prod")).ok());
    loaded = store.loadAll();
    REQUIRE(loaded.ok());
    CHECK(loaded->liveBySource.isEmpty());
}

TEST_CASE("The CI and Health facets filter and count from the live snapshot", "[core][live][catalog]")
{
    const Catalog::Ptr catalog = Catalog::build(demoEntities());
    REQUIRE(catalog->size() > 10);
    const QString failingKey = catalog->entity(0).key();
    const QString passingKey = catalog->entity(1).key();
    const QString degradedKey = catalog->entity(2).key();

    auto live = std::make_shared<LiveSnapshot>();
    live->github.insert(failingKey, insights({run(QStringLiteral("Build"), QStringLiteral("master"),
                                                  QStringLiteral("completed"), QStringLiteral("failure"))}));
    live->github.insert(passingKey, insights({run(QStringLiteral("Build"), QStringLiteral("master"),
                                                  QStringLiteral("completed"), QStringLiteral("success"))}));
    live->runtime.insert(degradedKey, runtime(Health::Degraded));
    live->catalog = catalog.get();
    live->ciByIndex.assign(std::size_t(catalog->size()), 0);
    live->healthByIndex.assign(std::size_t(catalog->size()), 0);
    live->ciByIndex[0] = std::int8_t(CiState::Failing);
    live->ciByIndex[1] = std::int8_t(CiState::Passing);
    live->healthByIndex[2] = std::int8_t(Health::Degraded);

    CatalogQuery q;
    q.live = live;
    QueryResult all = catalog->run(q);
    CHECK(all.rows.size() == std::size_t(catalog->size()));
    const auto countOf = [](const QList<FacetCount> &counts, const QString &value) {
        for (const FacetCount &c : counts) {
            if (c.value == value) {
                return c.count;
            }
        }
        return 0;
    };
    CHECK(countOf(all.facetCounts[std::size_t(Facet::Ci)], QStringLiteral("failing")) == 1);
    CHECK(countOf(all.facetCounts[std::size_t(Facet::Ci)], QStringLiteral("passing")) == 1);
    CHECK(all.facetCounts[std::size_t(Facet::Ci)].size() == 2);
    CHECK(countOf(all.facetCounts[std::size_t(Facet::Health)], QStringLiteral("degraded")) == 1);

    q.facets[std::size_t(Facet::Ci)] = {QStringLiteral("failing")};
    QueryResult failing = catalog->run(q);
    REQUIRE(failing.rows.size() == 1);
    CHECK(catalog->entity(failing.rows.front()).key() == failingKey);
    // The Ci facet's own counts ignore its selection; the Health facet's counts follow it.
    CHECK(countOf(failing.facetCounts[std::size_t(Facet::Ci)], QStringLiteral("passing")) == 1);
    CHECK(failing.facetCounts[std::size_t(Facet::Health)].isEmpty());

    // facetCounts() over given rows agrees.
    CHECK(countOf(catalog->facetCounts(Facet::Health, all.rows, live.get()), QStringLiteral("degraded")) == 1);

    // A snapshot prepared for another catalog is ignored: no live values at all.
    const Catalog::Ptr other = Catalog::build(demoEntities());
    QueryResult stale = other->run(q);
    CHECK(stale.rows.empty());
    CHECK(stale.facetCounts[std::size_t(Facet::Ci)].isEmpty());
}
