// The sync engine with the live sources against their loopback test servers: a files source builds the catalog, the
// github source adds CI, pull requests and deployments to an entity of the files source, the kubernetes source maps
// recorded pods to it and keeps watching; the live data reaches listeners, the live facets, and the cache.
#include "cache/CacheDatabase.h"
#include "cache/CatalogStore.h"
#include "config/Paths.h"
#include "config/Workspace.h"
#include "support/GitDaemon.h"
#include "support/GitHubTestServer.h"
#include "support/KubeTestServer.h"
#include "support/TestSupport.h"
#include "sync/SyncService.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Portolan::Test;
using namespace Qt::StringLiterals;

namespace {

const QString backendKey = u"component:default/backend"_s;

struct LiveHarness
{
    LiveHarness(const Workspace &ws, bool live)
        : service(ws, options(ws, live))
    {
        QObject::connect(&service, &SyncService::catalogReady, &service,
                         [this](const Catalog::Ptr &c, const QList<SourceState> &, bool) { catalog = c; });
        QObject::connect(&service, &SyncService::liveChanged, &service, [this](const LiveSnapshot::Ptr &l) {
            snapshot = l;
            ++snapshots;
        });
        QObject::connect(&service, &SyncService::sourcesChanged, &service,
                         [this](const QList<SourceStatus> &s) { statuses = s; });
        QObject::connect(&service, &SyncService::idle, &service, [this] { ++idles; });
    }

    static SyncOptions options(const Workspace &ws, bool live)
    {
        SyncOptions o;
        o.cachePath = Paths::cacheFileFor(ws.cacheKey());
        o.watchFiles = false;
        o.schedule = false;
        o.live = live;
        o.livePublishMs = 20;
        return o;
    }

    [[nodiscard]] SourceStatus status(const QString &id) const
    {
        for (const SourceStatus &s : statuses) {
            if (s.config.id == id) {
                return s;
            }
        }
        return {};
    }

    SyncService service;
    Catalog::Ptr catalog;
    LiveSnapshot::Ptr snapshot;
    QList<SourceStatus> statuses;
    int snapshots = 0;
    int idles = 0;
};

} // namespace

TEST_CASE("GitHub insights and Kubernetes runtime reach another source's entity, live and from the cache",
          "[core][sync][live][integration]")
{
    KubeTestServer kube;
    REQUIRE(kube.listen());
    kube.setToken(u"kube-token"_s);
    kube.loadList(u"deployments"_s, u"k3s-bundle__deployments__default.DeploymentList.json"_s);
    kube.loadList(u"replicasets"_s, u"k3s-bundle__replicasets__default.ReplicaSetList.json"_s);
    kube.loadList(u"pods"_s, u"k3s-bundle__pods__default.PodList.json"_s);
    kube.loadList(u"services"_s, u"k3s-bundle__services__default.ServiceList.json"_s);
    kube.loadList(u"events"_s, u"k3s-bundle__events__default.EventList.json"_s);

    GitHubTestServer github;
    REQUIRE(github.listen());
    github.setToken(u"github-token"_s);
    github.generateRepositories(2);
    qputenv("PORTOLAN_TEST_GITHUB_TOKEN", "github-token");

    QTemporaryDir dir;
    const QString kubeconfig = writeFile(dir, u"kubeconfig"_s,
                                         u"apiVersion: v1\nkind: Config\ncurrent-context: k3s\nclusters:\n"
                                         u"- name: k3s\n  cluster:\n    server: %1\ncontexts:\n- name: k3s\n"
                                         u"  context: {cluster: k3s, user: dev}\nusers:\n- name: dev\n"
                                         u"  user: {token: kube-token}\n"_s.arg(kube.url().toString())
                                             .toUtf8());
    writeFile(dir, u"catalog/backend.yaml"_s,
              "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: backend\n  annotations:\n"
              "    github.com/project-slug: octocat/service-0001\n"
              "    backstage.io/kubernetes-label-selector: app=backend-api\n"
              "spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n");
    writeFile(dir, u"portolan.yaml"_s,
              u"name: Live\ncredentials:\n  - name: github\n    env: PORTOLAN_TEST_GITHUB_TOKEN\nsources:\n"
              u"  - id: local\n    type: files\n    paths: [catalog]\n"
              u"  - id: github\n    type: github\n    url: %1/\n    credential: github\n    refresh: manual\n"
              u"    options: {organization: octocat}\n"
              u"  - id: clusters\n    type: kubernetes\n    refresh: manual\n"
              u"    options: {kubeconfig: %2, backoffMs: 100}\n"_s.arg(github.url(), kubeconfig)
                  .toUtf8());
    auto ws = Workspace::open(dir.path());
    REQUIRE(ws.ok());
    INFO(describe(ws->problems).toStdString());
    REQUIRE(countErrors(ws->problems) == 0);

    {
        LiveHarness h(ws.value(), true);
        h.service.init(true);
        REQUIRE(waitUntil([&] { return h.idles > 0; }, 60000));
        for (const QString &id : {u"local"_s, u"github"_s, u"clusters"_s}) {
            INFO(id.toStdString() << ": " << h.status(id).message.toStdString() << " "
                                  << h.status(id).error.message.toStdString());
            CHECK(h.status(id).state == SourceStatus::State::Ok);
        }
        // The live sources went after the files source, so the first round already covers its entity.
        REQUIRE(waitUntil(
            [&] { return h.snapshot && h.snapshot->githubFor(backendKey) && h.snapshot->runtimeFor(backendKey); },
            10000));
        const RepositoryInsights *insights = h.snapshot->githubFor(backendKey);
        CHECK(insights->slug == u"octocat/service-0001"_s);
        CHECK(insights->ciState() == CiState::Running); // the example run is queued
        CHECK(insights->pulls.size() == 1);
        CHECK(github.countRequests(u"/repos/octocat/service-0001/actions/runs"_s) == 1);
        const EntityRuntime *runtime = h.snapshot->runtimeFor(backendKey);
        CHECK(runtime->health == Health::Degraded); // the recorded backend-api pod is in CrashLoopBackOff
        REQUIRE(runtime->workloads.size() == 1);
        CHECK(runtime->workloads.first().pods.size() == 1);
        CHECK(h.status(u"github"_s).quota.isKnown());

        // The live facets' columns belong to the catalog that was published.
        REQUIRE(h.catalog);
        CHECK(h.snapshot->catalog == h.catalog.get());
        const int index = h.catalog->indexOf(backendKey);
        REQUIRE(index >= 0);
        CHECK(CiState(h.snapshot->ciByIndex[std::size_t(index)]) == CiState::Running);
        CHECK(Health(h.snapshot->healthByIndex[std::size_t(index)]) == Health::Degraded);

        // A watch event: the crash-looping pod is deleted, and the entity's runtime follows without a sync.
        REQUIRE(waitUntil([&] { return kube.openWatches(u"pods"_s) > 0; }, 10000));
        const int before = h.snapshots;
        REQUIRE(kube.remove(u"pods"_s, u"default"_s, u"backend-api-75fb46b7bd-xtkrh"_s));
        REQUIRE(waitUntil(
            [&] {
                const EntityRuntime *r = h.snapshot ? h.snapshot->runtimeFor(backendKey) : nullptr;
                return h.snapshots > before && r && !r->workloads.isEmpty() && r->workloads.first().pods.isEmpty();
            },
            10000));
    }

    // Offline: a new service, no sync at all, has the last live data from the cache.
    LiveHarness offline(ws.value(), false);
    offline.service.init(false);
    REQUIRE(waitUntil([&] { return offline.snapshot != nullptr; }, 10000));
    REQUIRE(offline.snapshot->githubFor(backendKey));
    CHECK(offline.snapshot->githubFor(backendKey)->pulls.size() == 1);
    REQUIRE(offline.snapshot->runtimeFor(backendKey));
    CHECK(offline.snapshot->runtimeFor(backendKey)->workloads.first().pods.isEmpty()); // the watched state was saved
    qunsetenv("PORTOLAN_TEST_GITHUB_TOKEN");
}
