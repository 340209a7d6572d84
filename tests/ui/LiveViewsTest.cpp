// The live views: the entity page's CI, pull request, deployment and runtime tables, the catalog's CI and Health
// columns and facets, and the entity page's live tabs. Filled from real data: GitHub's own API examples
// (../shared/corpus/github/openapi-examples) through the GitHub mapper, and the recorded k3s cluster lists
// (../shared/corpus/kubernetes/lists) through the Kubernetes projection and mapper.
#include "UiTestSupport.h"
#include "models/CatalogTableModel.h"
#include "models/FacetModel.h"
#include "models/Format.h"
#include "models/LiveStyle.h"
#include "models/LiveTableModels.h"
#include "models/RuntimeModel.h"
#include "pages/EntityPage.h"
#include "pages/GitHubTab.h"
#include "pages/RuntimeTab.h"
#include "sources/github/GitHubMapper.h"
#include "sources/kubernetes/KubeStore.h"
#include "sources/kubernetes/RuntimeMapper.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTranslator>
#include <QTreeView>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan;
using namespace Portolan::Core;
using namespace Portolan::Ui;
using Portolan::Test::ModelTestWarnings;
namespace M = Portolan::Core::GitHubMapper;

namespace {

// The example answer of one operation in GitHub's OpenAPI description.
QByteArray example(const QString &operation)
{
    QFile file(Portolan::Test::corpusPath(u"github/openapi-examples/%1.json"_s.arg(operation)));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonValue value = QJsonDocument::fromJson(file.readAll())
                                 .object()
                                 .value("responses"_L1)
                                 .toObject()
                                 .value("200"_L1)
                                 .toObject()
                                 .value("content_examples"_L1)
                                 .toObject()
                                 .value("application/json"_L1)
                                 .toObject()
                                 .value("default"_L1)
                                 .toObject()
                                 .value("value"_L1);
    REQUIRE((value.isArray() || value.isObject()));
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QDateTime utc(int year, int month, int day, int h, int m, int s)
{
    return QDateTime(QDate(year, month, day), QTime(h, m, s), Qt::UTC);
}

// What a github source reads for octocat/Hello-World, mapped from the examples: the queued "Build" run, the same
// run completed with a failure on a feature branch, the open pull request with its review and checks, the
// recorded release of octokit's release-assets scenario, the environments and the latest deployment per
// environment with its status.
RepositoryInsights helloWorldInsights()
{
    RepositoryInsights insights;
    insights.slug = u"octocat/Hello-World"_s;
    insights.url = u"https://github.com/octocat/Hello-World"_s;
    insights.defaultBranch = u"master"_s;
    insights.fetchedAt = utc(2020, 1, 22, 19, 40, 0);

    const Result<QList<WorkflowRun>> runs = M::parseRuns(example(u"actions__list-workflow-runs-for-repo"_s), u"x"_s);
    REQUIRE(runs.ok());
    REQUIRE(runs->size() == 1);
    WorkflowRun failed = runs->first();
    failed.id = 2;
    failed.branch = u"feature"_s;
    failed.status = u"completed"_s;
    failed.conclusion = u"failure"_s;
    failed.startedAt = failed.startedAt.addSecs(-3600);
    failed.updatedAt = failed.startedAt.addSecs(200);
    insights.runs = M::latestPerWorkflowAndBranch({runs->first(), failed});
    REQUIRE(insights.runs.size() == 2);

    const Result<QList<M::PullRequest>> pulls = M::parsePulls(example(u"pulls__list"_s), u"x"_s);
    REQUIRE(pulls.ok());
    REQUIRE(pulls->size() == 1);
    PullRequestInfo pull = pulls->first().info;
    pull.reviewState = M::reviewState(example(u"pulls__list-reviews"_s), u"x"_s).value();
    pull.checksState = M::checkRunsState(example(u"checks__list-for-ref"_s), u"x"_s).value();
    insights.pulls = {pull};

    const QJsonArray records = Portolan::Test::HttpTestServer::loadFixture(u"release-assets"_s);
    REQUIRE_FALSE(records.isEmpty());
    const QJsonObject release = records.at(0).toObject().value("response"_L1).toObject();
    const Result<QList<ReleaseInfo>> releases =
        M::parseReleases(QJsonDocument(QJsonArray{release}).toJson(QJsonDocument::Compact), u"x"_s);
    REQUIRE(releases.ok());
    insights.releases = releases.value();

    insights.environments = M::parseEnvironments(example(u"repos__get-all-environments"_s), u"x"_s).value();
    Result<QList<DeploymentInfo>> deployments = M::parseDeployments(example(u"repos__list-deployments"_s), u"x"_s);
    REQUIRE(deployments.ok());
    REQUIRE(deployments->size() == 1);
    DeploymentInfo deployment = deployments->first();
    REQUIRE(M::applyDeploymentStatus(deployment, example(u"repos__list-deployment-statuses"_s), u"x"_s).ok());
    insights.deployments = {deployment};
    return insights;
}

void loadList(KubeStore &store, KubeKind kind, const QString &file)
{
    QFile f(Portolan::Test::corpusPath(u"kubernetes/lists/"_s + file));
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QJsonArray items = QJsonDocument::fromJson(f.readAll()).object().value("items"_L1).toArray();
    REQUIRE_FALSE(items.isEmpty());
    for (const QJsonValue &item : items) {
        store.putObject(kind, item.toObject());
    }
}

Entity component(const QString &name, QList<KeyValue> annotations)
{
    Entity e;
    e.apiVersion = u"backstage.io/v1alpha1"_s;
    e.kind = u"Component"_s;
    e.name = name;
    e.annotations = std::move(annotations);
    e.raw = "kind: Component\n";
    return e;
}

const auto selectorAnnotation = RuntimeMapper::selectorAnnotation;

// The runtime of the recorded k3s bundle's default namespace (three Deployments: backend-api with a
// CrashLoopBackOff pod, cpu-intensive-app with two Unschedulable pods, memory-hungry-app healthy), for entities
// that select them by label.
QHash<QString, EntityRuntime> k3sRuntime(const std::vector<Entity> &entities, const QDateTime &now)
{
    static KubeStore store;
    if (store.podCount() == 0) {
        loadList(store, KubeKind::Deployment, u"k3s-bundle__deployments__default.DeploymentList.json"_s);
        loadList(store, KubeKind::ReplicaSet, u"k3s-bundle__replicasets__default.ReplicaSetList.json"_s);
        loadList(store, KubeKind::Pod, u"k3s-bundle__pods__default.PodList.json"_s);
        loadList(store, KubeKind::Service, u"k3s-bundle__services__default.ServiceList.json"_s);
        loadList(store, KubeKind::Event, u"k3s-bundle__events__default.EventList.json"_s);
    }
    RuntimeMapper mapper;
    mapper.setCatalog(Catalog::build(entities));
    return mapper.mapAll({KubeCluster{u"k3s"_s, u"staging"_s, &store, {}}}, now);
}

// A live snapshot for `catalog`, prepared as SyncService::publishLive does: the data by entity key, and the CI
// state and health of every entity by catalog index.
LiveSnapshot::Ptr prepareLive(const Catalog::Ptr &catalog, const QHash<QString, RepositoryInsights> &github,
                              const QHash<QString, EntityRuntime> &runtime, quint64 generation = 1)
{
    auto live = std::make_shared<LiveSnapshot>();
    live->github = github;
    live->runtime = runtime;
    live->generation = generation;
    live->catalog = catalog.get();
    live->ciByIndex.assign(std::size_t(catalog->size()), 0);
    live->healthByIndex.assign(std::size_t(catalog->size()), 0);
    for (auto it = github.cbegin(); it != github.cend(); ++it) {
        const int index = catalog->indexOf(it.key());
        if (index >= 0) {
            live->ciByIndex[std::size_t(index)] = std::int8_t(it->ciState());
        }
    }
    for (auto it = runtime.cbegin(); it != runtime.cend(); ++it) {
        const int index = catalog->indexOf(it.key());
        if (index >= 0) {
            live->healthByIndex[std::size_t(index)] = std::int8_t(it->health);
        }
    }
    return live;
}

qint64 iconKey(const QVariant &decoration)
{
    return qvariant_cast<QIcon>(decoration).cacheKey();
}

QString display(const QAbstractItemModel &model, int row, int column, const QModelIndex &parent = {})
{
    return model.index(row, column, parent).data().toString();
}

QStringList headers(const QAbstractItemModel &model)
{
    QStringList out;
    for (int c = 0; c < model.columnCount(); ++c) {
        out.append(model.headerData(c, Qt::Horizontal).toString());
    }
    return out;
}

int rowOf(const QAbstractItemModel &model, int column, const QString &text)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        if (display(model, r, column) == text) {
            return r;
        }
    }
    return -1;
}

QTabWidget *tabsOf(EntityPage &page)
{
    auto *tabs = page.findChild<QTabWidget *>();
    REQUIRE(tabs);
    return tabs;
}

QString tabTitle(EntityPage &page, QWidget *tab)
{
    QTabWidget *tabs = tabsOf(page);
    return tabs->tabText(tabs->indexOf(tab));
}

QLabel *label(QWidget &parent, const QString &name)
{
    auto *found = parent.findChild<QLabel *>(name);
    REQUIRE(found);
    return found;
}

} // namespace

TEST_CASE("WorkflowRunsModel and ReleasesModel show GitHub's runs and releases", "[ui][live]")
{
    const RepositoryInsights insights = helloWorldInsights();
    const QDateTime now = utc(2020, 1, 22, 19, 43, 8);
    ModelTestWarnings warnings;

    WorkflowRunsModel runs;
    runs.setNow(now);
    QAbstractItemModelTester runsTester(&runs, QAbstractItemModelTester::FailureReportingMode::Warning);
    CHECK(runs.rowCount() == 0);
    runs.setRuns(insights.runs);
    REQUIRE(runs.rowCount() == 2);
    CHECK(runs.columnCount() == 7);
    CHECK(
        headers(runs)
        == QStringList{u"Status"_s, u"Workflow"_s, u"Branch"_s, u"Commit"_s, u"Event"_s, u"Started"_s, u"Duration"_s});
    // Newest first: the queued run on master, then the failed one on the feature branch an hour earlier.
    CHECK(display(runs, 0, WorkflowRunsModel::StatusColumn) == u"Queued"_s);
    CHECK(iconKey(runs.index(0, WorkflowRunsModel::StatusColumn).data(Qt::DecorationRole))
          == LiveStyle::ciIcon(CiState::Running).cacheKey());
    CHECK(runs.index(0, WorkflowRunsModel::StatusColumn).data(LiveTableModel::SortRole).toInt()
          == int(CiState::Running));
    CHECK(display(runs, 0, WorkflowRunsModel::WorkflowColumn) == u"Build #562"_s);
    CHECK(display(runs, 0, WorkflowRunsModel::BranchColumn) == u"master"_s);
    CHECK(display(runs, 0, WorkflowRunsModel::TitleColumn) == u"Update README.md"_s);
    CHECK(runs.index(0, WorkflowRunsModel::TitleColumn).data(Qt::ToolTipRole).toString()
          == u"acb5820ced9479c074f688cc328bf03f341a511d by octocat"_s);
    CHECK(display(runs, 0, WorkflowRunsModel::EventColumn) == u"push"_s);
    CHECK(display(runs, 0, WorkflowRunsModel::StartedColumn) == Format::relativeTime(utc(2020, 1, 22, 19, 33, 8), now));
    CHECK(runs.index(0, WorkflowRunsModel::StartedColumn).data(LiveTableModel::SortRole).toLongLong()
          == utc(2020, 1, 22, 19, 33, 8).toMSecsSinceEpoch());
    CHECK(runs.index(0, WorkflowRunsModel::DurationColumn).data(LiveTableModel::SortRole).toLongLong() == -1);
    CHECK(runs.index(0, 0).data(LiveTableModel::UrlRole).toString()
          == u"https://github.com/octo-org/octo-repo/actions/runs/30433642"_s);

    CHECK(display(runs, 1, WorkflowRunsModel::StatusColumn) == u"Failure"_s);
    CHECK(iconKey(runs.index(1, WorkflowRunsModel::StatusColumn).data(Qt::DecorationRole))
          == LiveStyle::ciIcon(CiState::Failing).cacheKey());
    CHECK(display(runs, 1, WorkflowRunsModel::BranchColumn) == u"feature"_s);
    CHECK(display(runs, 1, WorkflowRunsModel::DurationColumn) == u"3 min 20 s"_s);
    CHECK(runs.index(1, WorkflowRunsModel::DurationColumn).data(LiveTableModel::SortRole).toLongLong() == 200);
    CHECK_FALSE(runs.index(2, 0).isValid());

    ReleasesModel releases;
    releases.setNow(now);
    QAbstractItemModelTester releasesTester(&releases, QAbstractItemModelTester::FailureReportingMode::Warning);
    releases.setReleases(insights.releases);
    REQUIRE(releases.rowCount() == 1);
    CHECK(headers(releases) == QStringList{u"Tag"_s, u"Name"_s, u"Published"_s, u"By"_s});
    CHECK(display(releases, 0, ReleasesModel::TagColumn) == u"v1.0.0"_s);
    CHECK(display(releases, 0, ReleasesModel::AuthorColumn) == u"octokit-fixture-user-a"_s);
    CHECK(releases.index(0, 0).data(LiveTableModel::UrlRole).toString()
          == u"https://github.com/octokit-fixture-org/release-assets/releases/tag/v1.0.0"_s);
    CHECK(releases.index(0, ReleasesModel::PublishedColumn).data(LiveTableModel::SortRole).toLongLong()
          == insights.releases.first().publishedAt.toMSecsSinceEpoch());
    ReleaseInfo pre = insights.releases.first();
    pre.prerelease = true;
    releases.setReleases({pre, insights.releases.first()});
    CHECK(display(releases, 0, ReleasesModel::TagColumn) == u"v1.0.0 (pre-release)"_s);
    CHECK(releases.rowCount() == 2);

    runs.setRuns({});
    CHECK(runs.rowCount() == 0);
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("PullRequestsModel and DeploymentsModel show review, checks and deployment state", "[ui][live]")
{
    const RepositoryInsights insights = helloWorldInsights();
    const QDateTime now = utc(2011, 1, 26, 21, 1, 12);
    ModelTestWarnings warnings;

    PullRequestsModel pulls;
    pulls.setNow(now);
    QAbstractItemModelTester pullsTester(&pulls, QAbstractItemModelTester::FailureReportingMode::Warning);
    pulls.setPulls(insights.pulls);
    REQUIRE(pulls.rowCount() == 1);
    CHECK(headers(pulls)
          == QStringList{u"#"_s, u"Title"_s, u"Author"_s, u"Opened"_s, u"Review"_s, u"Checks"_s, u"Branch"_s});
    CHECK(display(pulls, 0, PullRequestsModel::NumberColumn) == u"#1347"_s);
    CHECK(pulls.index(0, PullRequestsModel::NumberColumn).data(LiveTableModel::SortRole).toInt() == 1347);
    CHECK(display(pulls, 0, PullRequestsModel::TitleColumn) == u"Amazing new feature"_s);
    CHECK(pulls.index(0, PullRequestsModel::TitleColumn).data(Qt::ToolTipRole).toString() == u"Labels: bug"_s);
    CHECK(display(pulls, 0, PullRequestsModel::AuthorColumn) == u"octocat"_s);
    CHECK(display(pulls, 0, PullRequestsModel::AgeColumn) == Format::relativeTime(utc(2011, 1, 26, 19, 1, 12), now));
    // The example review approves; the example check run ends "neutral", which passes.
    CHECK(display(pulls, 0, PullRequestsModel::ReviewColumn) == u"Approved"_s);
    CHECK(iconKey(pulls.index(0, PullRequestsModel::ReviewColumn).data(Qt::DecorationRole))
          == LiveStyle::ciIcon(CiState::Passing).cacheKey());
    CHECK(pulls.index(0, PullRequestsModel::ReviewColumn).data(Qt::ToolTipRole).toString().contains(u"other_user"_s));
    CHECK(display(pulls, 0, PullRequestsModel::ChecksColumn) == u"Checks passed"_s);
    CHECK(iconKey(pulls.index(0, PullRequestsModel::ChecksColumn).data(Qt::DecorationRole))
          == LiveStyle::ciIcon(CiState::Passing).cacheKey());
    CHECK(display(pulls, 0, PullRequestsModel::BranchColumn) == u"new-topic → master"_s);
    CHECK(pulls.index(0, 3).data(LiveTableModel::UrlRole).toString()
          == u"https://github.com/octocat/Hello-World/pull/1347"_s);

    PullRequestInfo draft = insights.pulls.first();
    draft.draft = true;
    draft.reviewState = u"changes_requested"_s;
    draft.checksState = u"failure"_s;
    pulls.setPulls({draft});
    CHECK(display(pulls, 0, PullRequestsModel::TitleColumn) == u"Amazing new feature (draft)"_s);
    CHECK(display(pulls, 0, PullRequestsModel::ReviewColumn) == u"Changes requested"_s);
    CHECK(iconKey(pulls.index(0, PullRequestsModel::ReviewColumn).data(Qt::DecorationRole))
          == LiveStyle::ciIcon(CiState::Failing).cacheKey());
    CHECK(display(pulls, 0, PullRequestsModel::ChecksColumn) == u"Checks failed"_s);

    DeploymentsModel deployments;
    deployments.setNow(utc(2012, 7, 20, 3, 19, 13));
    QAbstractItemModelTester deploymentsTester(&deployments, QAbstractItemModelTester::FailureReportingMode::Warning);
    deployments.setDeployments(insights.deployments);
    REQUIRE(deployments.rowCount() == 1);
    CHECK(headers(deployments)
          == QStringList{u"Environment"_s, u"State"_s, u"Ref"_s, u"Commit"_s, u"By"_s, u"Updated"_s});
    CHECK(display(deployments, 0, DeploymentsModel::EnvironmentColumn) == u"production"_s);
    CHECK(display(deployments, 0, DeploymentsModel::StateColumn) == u"Deployed"_s);
    CHECK(deployments.index(0, DeploymentsModel::StateColumn).data(Qt::ToolTipRole).toString()
          == u"Deployment finished successfully."_s);
    CHECK(iconKey(deployments.index(0, DeploymentsModel::StateColumn).data(Qt::DecorationRole))
          == LiveStyle::healthIcon(Health::Healthy).cacheKey());
    CHECK(display(deployments, 0, DeploymentsModel::RefColumn) == u"topic-branch"_s);
    CHECK(display(deployments, 0, DeploymentsModel::ShaColumn) == u"a84d88e"_s);
    CHECK(deployments.index(0, DeploymentsModel::ShaColumn).data(Qt::ToolTipRole).toString()
          == u"a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d"_s);
    CHECK(display(deployments, 0, DeploymentsModel::CreatorColumn) == u"octocat"_s);
    CHECK(display(deployments, 0, DeploymentsModel::UpdatedColumn)
          == Format::relativeTime(utc(2012, 7, 20, 1, 19, 13), utc(2012, 7, 20, 3, 19, 13)));
    CHECK(deployments.index(0, DeploymentsModel::UpdatedColumn).data(LiveTableModel::SortRole).toLongLong()
          == utc(2012, 7, 20, 1, 19, 13).toMSecsSinceEpoch());
    CHECK(deployments.index(0, 0).data(LiveTableModel::UrlRole).toString() == u"https://test-branch.lab.acme.com"_s);

    DeploymentInfo failed = insights.deployments.first();
    failed.state = u"error"_s;
    deployments.setDeployments({failed, insights.deployments.first()});
    CHECK(display(deployments, 0, DeploymentsModel::StateColumn) == u"Error"_s);
    CHECK(iconKey(deployments.index(0, DeploymentsModel::StateColumn).data(Qt::DecorationRole))
          == LiveStyle::healthIcon(Health::Failed).cacheKey());
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("RuntimeModel and KubeEventsModel show the recorded cluster's workloads, pods and events", "[ui][live]")
{
    const QDateTime now = utc(2025, 8, 1, 12, 0, 0);
    const std::vector<Entity> entities{
        component(u"backend"_s, {{selectorAnnotation, u"app=backend-api"_s}}),
        component(u"both"_s, {{selectorAnnotation, u"app in (cpu-hog, memory-test)"_s}})};
    const QHash<QString, EntityRuntime> runtime = k3sRuntime(entities, now);
    const EntityRuntime backend = runtime.value(u"component:default/backend"_s);
    const EntityRuntime both = runtime.value(u"component:default/both"_s);
    REQUIRE(backend.workloads.size() == 1);
    REQUIRE(both.workloads.size() == 2);
    ModelTestWarnings warnings;

    RuntimeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setWorkloads(backend.workloads);
    REQUIRE(model.rowCount() == 1);
    CHECK(model.columnCount() == RuntimeModel::ColumnCount);
    CHECK(headers(model)
          == QStringList{u"Workload"_s, u"Cluster / namespace"_s, u"Ready"_s, u"Status"_s, u"Restarts"_s, u"Images"_s});
    const QModelIndex api = model.index(0, RuntimeModel::NameColumn);
    CHECK(api.data().toString() == u"Deployment backend-api"_s);
    CHECK(iconKey(api.data(Qt::DecorationRole)) == LiveStyle::healthIcon(Health::Degraded).cacheKey());
    CHECK(api.data(RuntimeModel::HealthRole).toInt() == int(Health::Degraded));
    CHECK(api.data(RuntimeModel::RowKeyRole).toString() == u"staging/default/Deployment/backend-api"_s);
    CHECK(display(model, 0, RuntimeModel::WhereColumn) == u"staging / default"_s);
    const WorkloadInfo &w = backend.workloads.first();
    CHECK(display(model, 0, RuntimeModel::ReadyColumn) == u"%1/%2"_s.arg(w.ready).arg(w.desired));
    CHECK(display(model, 0, RuntimeModel::StatusColumn) == u"CrashLoopBackOff in backend-api-75fb46b7bd-xtkrh"_s);
    CHECK(model.index(0, RuntimeModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>()
          == LiveStyle::healthColor(Health::Degraded));
    CHECK(display(model, 0, RuntimeModel::RestartsColumn) == u"5"_s);
    CHECK(display(model, 0, RuntimeModel::ImagesColumn) == w.images.join(u", "_s));

    REQUIRE(model.rowCount(api) == 1);
    const QModelIndex pod = model.index(0, RuntimeModel::NameColumn, api);
    CHECK(pod.parent() == api);
    CHECK(pod.data().toString() == u"backend-api-75fb46b7bd-xtkrh"_s);
    CHECK(pod.data(RuntimeModel::RowKeyRole).toString()
          == u"staging/default/Deployment/backend-api/backend-api-75fb46b7bd-xtkrh"_s);
    CHECK(display(model, 0, RuntimeModel::StatusColumn, api) == u"CrashLoopBackOff"_s);
    CHECK(display(model, 0, RuntimeModel::WhereColumn, api) == w.pods.first().node);
    CHECK(model.rowCount(pod) == 0);

    // Replaced whole: both other Deployments, one with two Unschedulable pods.
    model.setWorkloads(both.workloads);
    REQUIRE(model.rowCount() == 2);
    const int cpuRow = rowOf(model, RuntimeModel::NameColumn, u"Deployment cpu-intensive-app"_s);
    REQUIRE(cpuRow >= 0);
    const QModelIndex cpu = model.index(cpuRow, 0);
    CHECK(model.rowCount(cpu) == 3);
    CHECK(display(model, cpuRow, RuntimeModel::ReadyColumn) == u"1/3"_s);
    CHECK(display(model, cpuRow, RuntimeModel::StatusColumn) == u"1 of 3 pods ready"_s);
    CHECK(iconKey(cpu.data(Qt::DecorationRole)) == LiveStyle::healthIcon(Health::Progressing).cacheKey());
    int unschedulable = 0;
    for (int r = 0; r < model.rowCount(cpu); ++r) {
        unschedulable += display(model, r, RuntimeModel::StatusColumn, cpu) == u"Unschedulable"_s ? 1 : 0;
    }
    CHECK(unschedulable == 2);
    const int memoryRow = rowOf(model, RuntimeModel::NameColumn, u"Deployment memory-hungry-app"_s);
    REQUIRE(memoryRow >= 0);
    CHECK(model.index(memoryRow, 0).data(RuntimeModel::HealthRole).toInt() == int(Health::Healthy));

    KubeEventsModel events;
    events.setNow(now);
    QAbstractItemModelTester eventsTester(&events, QAbstractItemModelTester::FailureReportingMode::Warning);
    events.setEvents(backend.events);
    REQUIRE(events.rowCount() >= 1);
    CHECK(headers(events)
          == QStringList{u"Last seen"_s, u"Object"_s, u"Reason"_s, u"Message"_s, u"Count"_s, u"Where"_s});
    const KubeEventInfo &first = backend.events.first();
    CHECK(display(events, 0, KubeEventsModel::ReasonColumn) == u"BackOff"_s);
    CHECK(iconKey(events.index(0, KubeEventsModel::ReasonColumn).data(Qt::DecorationRole))
          == LiveStyle::healthIcon(Health::Degraded).cacheKey());
    CHECK(display(events, 0, KubeEventsModel::CountColumn) == u"25"_s);
    CHECK(display(events, 0, KubeEventsModel::ObjectColumn) == u"%1/%2"_s.arg(first.objectKind, first.objectName));
    CHECK(display(events, 0, KubeEventsModel::MessageColumn) == first.message);
    CHECK(display(events, 0, KubeEventsModel::WhereColumn) == u"staging / default"_s);
    CHECK(display(events, 0, KubeEventsModel::LastSeenColumn) == Format::relativeTime(first.lastSeen, now));
    CHECK(events.index(0, KubeEventsModel::LastSeenColumn).data(LiveTableModel::SortRole).toLongLong()
          == first.lastSeen.toMSecsSinceEpoch());
    CHECK(events.index(0, 0).data(LiveTableModel::UrlRole).isNull());
    events.setEvents({});
    CHECK(events.rowCount() == 0);
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("RuntimeModel applies a newer runtime of the same entity in place", "[ui][live]")
{
    const QDateTime now = utc(2025, 8, 1, 12, 0, 0);
    const std::vector<Entity> entities{
        component(u"backend"_s, {{selectorAnnotation, u"app=backend-api"_s}}),
        component(u"both"_s, {{selectorAnnotation, u"app in (cpu-hog, memory-test)"_s}})};
    const QHash<QString, EntityRuntime> runtime = k3sRuntime(entities, now);
    const QList<WorkloadInfo> both = runtime.value(u"component:default/both"_s).workloads;
    const QList<WorkloadInfo> backend = runtime.value(u"component:default/backend"_s).workloads;
    REQUIRE(both.size() == 2);
    REQUIRE(backend.size() == 1);
    ModelTestWarnings warnings;

    RuntimeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setWorkloads(both);
    const int cpuRow = rowOf(model, RuntimeModel::NameColumn, u"Deployment cpu-intensive-app"_s);
    const int memoryRow = rowOf(model, RuntimeModel::NameColumn, u"Deployment memory-hungry-app"_s);
    REQUIRE(cpuRow >= 0);
    REQUIRE(memoryRow >= 0);
    const WorkloadInfo &cpuInfo = both.at(cpuRow);
    const WorkloadInfo &memoryInfo = both.at(memoryRow);
    REQUIRE(cpuInfo.pods.size() == 3);
    REQUIRE_FALSE(memoryInfo.pods.isEmpty());
    const QPersistentModelIndex cpu(model.index(cpuRow, 0));
    const QPersistentModelIndex memory(model.index(memoryRow, 0));
    CHECK(model.workloadIndex(u"staging/default/Deployment/memory-hungry-app"_s) == QModelIndex(memory));
    CHECK_FALSE(model.workloadIndex(u"staging/default/Deployment/nothing"_s).isValid());

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

    SECTION("the same runtime again changes nothing")
    {
        model.updateWorkloads(both);
        CHECK(reset.isEmpty());
        CHECK(inserted.isEmpty());
        CHECK(removed.isEmpty());
        CHECK(moved.isEmpty());
        CHECK(changed.isEmpty());
        CHECK(layout.isEmpty());
    }

    SECTION("a pod added, one removed and a phase changed are three row signals")
    {
        // cpu-intensive-app loses its second pod and gets a new replica at the end; memory-hungry-app's first pod
        // is OOMKilled.
        QList<WorkloadInfo> next = both;
        QList<PodInfo> &cpuPods = next[cpuRow].pods;
        const QString gone = cpuPods.at(1).name;
        const QString kept = cpuPods.at(0).name;
        const QString third = cpuPods.at(2).name;
        cpuPods.removeAt(1);
        PodInfo replica = cpuPods.at(0);
        replica.name = kept + u"-2"_s;
        cpuPods.append(replica);
        PodInfo &oom = next[memoryRow].pods[0];
        oom.phase = u"Failed"_s;
        oom.reason = u"OOMKilled"_s;
        oom.health = Health::Failed;
        const QPersistentModelIndex keptPod(model.index(0, 0, cpu));
        const QPersistentModelIndex thirdPod(model.index(2, 0, cpu));
        const QPersistentModelIndex oomPod(model.index(0, RuntimeModel::StatusColumn, memory));

        model.updateWorkloads(next);
        CHECK(reset.isEmpty());
        CHECK(moved.isEmpty());
        CHECK(layout.isEmpty());
        REQUIRE(removed.size() == 1);
        CHECK(removed.first().at(0).value<QModelIndex>() == QModelIndex(cpu));
        CHECK(removed.first().at(1).toInt() == 1);
        CHECK(removed.first().at(2).toInt() == 1);
        REQUIRE(inserted.size() == 1);
        CHECK(inserted.first().at(0).value<QModelIndex>() == QModelIndex(cpu));
        CHECK(inserted.first().at(1).toInt() == 2);
        CHECK(inserted.first().at(2).toInt() == 2);
        REQUIRE(changed.size() == 1);
        const auto topLeft = changed.first().at(0).value<QModelIndex>();
        const auto bottomRight = changed.first().at(1).value<QModelIndex>();
        CHECK(topLeft.parent() == QModelIndex(memory));
        CHECK(topLeft.row() == 0);
        CHECK(topLeft.column() == 0);
        CHECK(bottomRight.row() == 0);
        CHECK(bottomRight.column() == RuntimeModel::ColumnCount - 1);

        REQUIRE(model.rowCount(cpu) == 3);
        CHECK(display(model, 0, RuntimeModel::NameColumn, cpu) == kept);
        CHECK(display(model, 1, RuntimeModel::NameColumn, cpu) == third);
        CHECK(display(model, 2, RuntimeModel::NameColumn, cpu) == replica.name);
        CHECK(model.index(2, 0, cpu).data(RuntimeModel::RowKeyRole).toString()
              == u"staging/default/Deployment/cpu-intensive-app/"_s + replica.name);
        CHECK(keptPod.row() == 0);
        CHECK(thirdPod.row() == 1);
        CHECK(thirdPod.data().toString() == third);
        CHECK(oomPod.data().toString() == u"OOMKilled"_s);
        CHECK(oomPod.data(RuntimeModel::HealthRole).toInt() == int(Health::Failed));
        CHECK(oomPod.data(Qt::ForegroundRole).value<QColor>() == LiveStyle::healthColor(Health::Failed));
        for (int r = 0; r < model.rowCount(cpu); ++r) {
            CHECK(display(model, r, RuntimeModel::NameColumn, cpu) != gone);
        }

        // A change of the workload's own values is one dataChanged for its row.
        changed.clear();
        next[cpuRow].ready += 1;
        model.updateWorkloads(next);
        REQUIRE(changed.size() == 1);
        CHECK(changed.first().at(0).value<QModelIndex>() == QModelIndex(cpu));
        CHECK(display(model, cpu.row(), RuntimeModel::ReadyColumn)
              == u"%1/%2"_s.arg(next[cpuRow].ready).arg(next[cpuRow].desired));
    }

    SECTION("workloads moved, removed and added keep the rows they did not touch")
    {
        const QPersistentModelIndex memoryPod(model.index(0, 0, memory));
        const QString memoryPodName = memoryPod.data().toString();

        // The order turned round: one move, the pods go with their workload.
        model.updateWorkloads({both.at(1), both.at(0)});
        CHECK(reset.isEmpty());
        CHECK(inserted.isEmpty());
        CHECK(removed.isEmpty());
        CHECK(moved.size() == 1);
        CHECK(memory.row() == 1 - memoryRow);
        CHECK(cpu.row() == 1 - cpuRow);
        CHECK(memoryPod.parent() == QModelIndex(memory));
        CHECK(memoryPod.data().toString() == memoryPodName);
        CHECK(model.rowCount(cpu) == 3);

        // cpu-intensive-app is gone and backend-api comes: one removal and one insertion at the top level.
        model.updateWorkloads({memoryInfo, backend.first()});
        CHECK(reset.isEmpty());
        REQUIRE(removed.size() == 1);
        CHECK_FALSE(removed.first().at(0).value<QModelIndex>().isValid());
        REQUIRE(inserted.size() == 1);
        CHECK_FALSE(inserted.first().at(0).value<QModelIndex>().isValid());
        REQUIRE(model.rowCount() == 2);
        CHECK(display(model, 0, RuntimeModel::NameColumn) == u"Deployment memory-hungry-app"_s);
        CHECK(display(model, 1, RuntimeModel::NameColumn) == u"Deployment backend-api"_s);
        const QModelIndex api = model.index(1, 0);
        REQUIRE(model.rowCount(api) == 1);
        CHECK(model.index(0, 0, api).parent() == api);
        CHECK(display(model, 0, RuntimeModel::StatusColumn, api) == u"CrashLoopBackOff"_s);
        CHECK(memory.row() == 0);
        CHECK(memoryPod.data().toString() == memoryPodName);
        CHECK_FALSE(cpu.isValid());
    }

    SECTION("a workload listed twice (two sources on one cluster) gets its own row")
    {
        model.setWorkloads({memoryInfo, memoryInfo});
        REQUIRE(model.rowCount() == 2);
        CHECK(model.index(1, 0).data(RuntimeModel::RowKeyRole).toString()
              == u"staging/default/Deployment/memory-hungry-app#2"_s);
        removed.clear();
        model.updateWorkloads({memoryInfo});
        CHECK(removed.size() == 1);
        CHECK(model.rowCount() == 1);
        CHECK(model.index(0, 0).data(RuntimeModel::RowKeyRole).toString()
              == u"staging/default/Deployment/memory-hungry-app"_s);
    }
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("The live tables and facet values are translated", "[ui][live][i18n]")
{
    QTranslator german;
    REQUIRE(german.load(u"portolan_de"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&german);
    // Each table translates its own headers (its tr() context is its own class).
    CHECK(WorkflowRunsModel().headerData(WorkflowRunsModel::DurationColumn, Qt::Horizontal).toString() == u"Dauer"_s);
    CHECK(PullRequestsModel().headerData(PullRequestsModel::AuthorColumn, Qt::Horizontal).toString() == u"Autor"_s);
    CHECK(DeploymentsModel().headerData(DeploymentsModel::EnvironmentColumn, Qt::Horizontal).toString()
          == u"Umgebung"_s);
    CHECK(ReleasesModel().headerData(ReleasesModel::PublishedColumn, Qt::Horizontal).toString() == u"Veröffentlicht"_s);
    CHECK(KubeEventsModel().headerData(KubeEventsModel::ReasonColumn, Qt::Horizontal).toString() == u"Grund"_s);
    CHECK(RuntimeModel().headerData(RuntimeModel::RestartsColumn, Qt::Horizontal).toString() == u"Neustarts"_s);

    FacetModel facets;
    FacetModel::Counts counts;
    counts[std::size_t(Facet::Ci)] = {{u"failing"_s, 2}};
    counts[std::size_t(Facet::Health)] = {{u"degraded"_s, 1}};
    facets.setCounts(counts);
    CHECK(facets.valueIndex(Facet::Ci, u"failing"_s).data().toString() == u"Schlägt fehl"_s);
    CHECK(facets.valueIndex(Facet::Health, u"degraded"_s).data().toString() == u"Beeinträchtigt"_s);
    CHECK(facets.headerIndex(Facet::Health).data().toString() == u"Zustand"_s);
    QCoreApplication::removeTranslator(&german);
}

TEST_CASE("CatalogTableModel's CI and Health columns and FacetModel follow the live snapshot", "[ui][live]")
{
    const Catalog::Ptr catalog = Portolan::Test::demoCatalog();
    const QString failingKey = u"component:default/shipment-service"_s;
    REQUIRE(catalog->indexOf(failingKey) >= 0);
    const QString passingKey =
        catalog->entity(0).key() == failingKey ? catalog->entity(1).key() : catalog->entity(0).key();
    const QString degradedKey =
        catalog->entity(2).key() == failingKey ? catalog->entity(3).key() : catalog->entity(2).key();
    REQUIRE(passingKey != degradedKey);

    RepositoryInsights failing = helloWorldInsights();
    failing.runs.first().status = u"completed"_s;
    failing.runs.first().conclusion = u"failure"_s;
    REQUIRE(failing.ciState() == CiState::Failing);
    RepositoryInsights passing = helloWorldInsights();
    passing.runs.first().status = u"completed"_s;
    passing.runs.first().conclusion = u"success"_s;
    REQUIRE(passing.ciState() == CiState::Passing);
    const QDateTime now = utc(2025, 8, 1, 12, 0, 0);
    EntityRuntime degraded = k3sRuntime({component(u"backend"_s, {{selectorAnnotation, u"app=backend-api"_s}})}, now)
                                 .value(u"component:default/backend"_s);
    REQUIRE(degraded.health == Health::Degraded);

    ModelTestWarnings warnings;
    CatalogTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setCatalog(catalog);
    REQUIRE(model.rowCount() == catalog->size());
    CHECK(model.headerData(CatalogTableModel::CiColumn, Qt::Horizontal).toString() == u"CI"_s);
    CHECK(model.headerData(CatalogTableModel::HealthColumn, Qt::Horizontal).toString() == u"Health"_s);
    const int failingRow = model.rowForKey(failingKey);
    const int passingRow = model.rowForKey(passingKey);
    const int degradedRow = model.rowForKey(degradedKey);
    REQUIRE(failingRow >= 0);
    CHECK(display(model, failingRow, CatalogTableModel::CiColumn).isEmpty());
    CHECK(model.index(failingRow, CatalogTableModel::CiColumn).data(Qt::DecorationRole).isNull());

    SECTION("without a live facet selected, new live data only changes the two columns")
    {
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy results(&model, &CatalogTableModel::resultsChanged);
        const LiveSnapshot::Ptr live =
            prepareLive(catalog, {{failingKey, failing}, {passingKey, passing}}, {{degradedKey, degraded}});
        CHECK_FALSE(model.setLive(live));
        CHECK(model.live() == live);
        CHECK(reset.isEmpty());
        REQUIRE(changed.size() == 1);
        CHECK(changed.first().at(0).value<QModelIndex>() == model.index(0, CatalogTableModel::CiColumn));
        CHECK(changed.first().at(1).value<QModelIndex>()
              == model.index(model.rowCount() - 1, CatalogTableModel::HealthColumn));
        CHECK(results.size() == 1);
        CHECK(model.rowCount() == catalog->size());

        CHECK(display(model, failingRow, CatalogTableModel::CiColumn) == u"Failing"_s);
        CHECK(iconKey(model.index(failingRow, CatalogTableModel::CiColumn).data(Qt::DecorationRole))
              == LiveStyle::ciIcon(CiState::Failing).cacheKey());
        CHECK(model.index(failingRow, CatalogTableModel::CiColumn).data(CatalogTableModel::CiStateRole).toInt()
              == int(CiState::Failing));
        CHECK(model.index(failingRow, CatalogTableModel::CiColumn).data(Qt::ToolTipRole).toString()
              == u"Failing on master (octocat/Hello-World)"_s);
        CHECK(display(model, passingRow, CatalogTableModel::CiColumn) == u"Passing"_s);
        CHECK(display(model, degradedRow, CatalogTableModel::HealthColumn) == u"Degraded"_s);
        CHECK(iconKey(model.index(degradedRow, CatalogTableModel::HealthColumn).data(Qt::DecorationRole))
              == LiveStyle::healthIcon(Health::Degraded).cacheKey());
        CHECK(model.index(degradedRow, CatalogTableModel::HealthColumn).data(Qt::ToolTipRole).toString()
              == degraded.healthReason);
        CHECK(model.index(degradedRow, 0).data(CatalogTableModel::HealthRole).toInt() == int(Health::Degraded));
        CHECK(display(model, failingRow, CatalogTableModel::HealthColumn).isEmpty());

        // The facet panel counts the live values and shows them translated.
        FacetModel facets;
        QAbstractItemModelTester facetsTester(&facets, QAbstractItemModelTester::FailureReportingMode::Warning);
        facets.setCounts(model.facetCounts());
        CHECK(facets.valueCount(Facet::Ci) == 2);
        const QModelIndex failingValue = facets.valueIndex(Facet::Ci, u"failing"_s);
        REQUIRE(failingValue.isValid());
        CHECK(failingValue.data().toString() == u"Failing"_s);
        CHECK(failingValue.data(FacetModel::ValueRole).toString() == u"failing"_s);
        CHECK(failingValue.data(FacetModel::CountRole).toInt() == 1);
        CHECK(iconKey(failingValue.data(Qt::DecorationRole)) == LiveStyle::ciIcon(CiState::Failing).cacheKey());
        CHECK(facets.valueIndex(Facet::Ci, u"passing"_s).data().toString() == u"Passing"_s);
        const QModelIndex degradedValue = facets.valueIndex(Facet::Health, u"degraded"_s);
        REQUIRE(degradedValue.isValid());
        CHECK(degradedValue.data().toString() == u"Degraded"_s);
        CHECK(facets.headerIndex(Facet::Health).data().toString() == u"Health"_s);

        // A newer snapshot: the failure is fixed.
        changed.clear();
        CHECK_FALSE(model.setLive(prepareLive(catalog, {{failingKey, passing}, {passingKey, passing}}, {}, 2)));
        CHECK(changed.size() == 1);
        CHECK(display(model, failingRow, CatalogTableModel::CiColumn) == u"Passing"_s);
        CHECK(display(model, degradedRow, CatalogTableModel::HealthColumn).isEmpty());
        facets.setCounts(model.facetCounts());
        CHECK(facets.valueCount(Facet::Ci) == 1);
        CHECK_FALSE(facets.valueIndex(Facet::Ci, u"failing"_s).isValid());
        CHECK(facets.valueCount(Facet::Health) == 0);
    }

    SECTION("with a live facet selected, new live data queries the rows again")
    {
        CHECK_FALSE(model.setLive(
            prepareLive(catalog, {{failingKey, failing}, {passingKey, passing}}, {{degradedKey, degraded}})));
        CatalogQuery query = model.query();
        query.facets[std::size_t(Facet::Ci)] = {u"failing"_s};
        model.setQuery(query);
        REQUIRE(model.rowCount() == 1);
        CHECK(model.index(0, 0).data(CatalogTableModel::RefKeyRole).toString() == failingKey);

        QSignalSpy results(&model, &CatalogTableModel::resultsChanged);
        // Now two entities fail.
        CHECK(model.setLive(
            prepareLive(catalog, {{failingKey, failing}, {passingKey, failing}}, {{degradedKey, degraded}}, 2)));
        CHECK(results.size() == 1);
        CHECK(model.rowCount() == 2);
        CHECK(model.rowForKey(passingKey) >= 0);
        // And none.
        CHECK(model.setLive(prepareLive(catalog, {{failingKey, passing}}, {}, 3)));
        CHECK(model.rowCount() == 0);
        CHECK(model.totalCount() == catalog->size());
    }
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("The entity page shows the live tabs for entities that have live data", "[ui][live][gui]")
{
    const QDateTime now = utc(2025, 8, 1, 12, 0, 0);
    std::vector<Entity> entities{
        component(u"hello"_s, {{u"github.com/project-slug"_s, u"octocat/Hello-World"_s}}),
        component(u"unread"_s, {{u"github.com/project-slug"_s, u"octocat/never-read"_s}}),
        component(u"backend"_s, {{selectorAnnotation, u"app=backend-api"_s}}),
        component(u"both"_s, {{selectorAnnotation, u"app in (cpu-hog, memory-test)"_s}}),
        component(u"by-id"_s, {{RuntimeMapper::idAnnotation, u"no-such-workload"_s}}),
        component(u"found"_s, {}), // runtime found by a source, without an annotation
        component(u"plain"_s, {}),
    };
    const QHash<QString, EntityRuntime> mapped = k3sRuntime(entities, now);
    REQUIRE(mapped.contains(u"component:default/both"_s));
    const Catalog::Ptr catalog = Catalog::build(entities);
    QHash<QString, EntityRuntime> runtime{{u"component:default/both"_s, mapped.value(u"component:default/both"_s)},
                                          {u"component:default/found"_s, mapped.value(u"component:default/backend"_s)}};
    const LiveSnapshot::Ptr live =
        prepareLive(catalog, {{u"component:default/hello"_s, helloWorldInsights()}}, runtime);

    EntityPage page;
    page.resize(1100, 800);
    page.setCatalog(catalog);
    page.setLive(live);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    const auto shown = [&page](std::initializer_list<EntityPage::Tab> tabs) {
        for (const EntityPage::Tab t : tabs) {
            if (!page.isTabShown(t)) {
                return false;
            }
        }
        return true;
    };
    const auto hidden = [&page](std::initializer_list<EntityPage::Tab> tabs) {
        for (const EntityPage::Tab t : tabs) {
            if (page.isTabShown(t)) {
                return false;
            }
        }
        return true;
    };

    SECTION("a repository's CI, pull requests and deployments, with counts")
    {
        REQUIRE(page.showEntity(u"component:default/hello"_s));
        CHECK(shown({EntityPage::CiTab, EntityPage::PullRequestsTab, EntityPage::DeploymentsTab}));
        CHECK(hidden({EntityPage::RuntimeTab}));
        CHECK(tabTitle(page, page.gitHubTab(EntityPage::CiTab)) == u"CI"_s);
        CHECK(tabTitle(page, page.gitHubTab(EntityPage::PullRequestsTab)) == u"Pull requests (1)"_s);
        CHECK(tabTitle(page, page.gitHubTab(EntityPage::DeploymentsTab)) == u"Deployments (1)"_s);
        // The CI tab's icon is the repository's CI state (the queued run on master: running).
        QTabWidget *tabs = tabsOf(page);
        CHECK(tabs->tabIcon(tabs->indexOf(page.gitHubTab(EntityPage::CiTab))).cacheKey()
              == LiveStyle::ciIcon(CiState::Running).cacheKey());

        page.setCurrentTab(EntityPage::PullRequestsTab);
        GitHubTab *pulls = page.gitHubTab(EntityPage::PullRequestsTab);
        CHECK(pulls->mainView()->isVisible());
        CHECK(pulls->mainView()->model()->rowCount() == 1);
        const QString summary = label(*pulls, u"githubSummary"_s)->text();
        CHECK(summary.contains(u"1 open pull request"_s));
        CHECK(summary.contains(u"octocat/Hello-World"_s));
        CHECK_FALSE(label(*pulls, u"githubEmpty"_s)->isVisible());

        page.setCurrentTab(EntityPage::CiTab);
        GitHubTab *ci = page.gitHubTab(EntityPage::CiTab);
        CHECK(ci->mainView()->model()->rowCount() == 2);
        CHECK(ci->findChild<QTreeView *>(u"releasesView"_s)->isVisible());
        CHECK(label(*ci, u"githubSummary"_s)->text().contains(u"<b>master</b>"_s));

        // No deployments any more: the tab says so and its count goes.
        RepositoryInsights none = helloWorldInsights();
        none.deployments.clear();
        page.setLive(prepareLive(catalog, {{u"component:default/hello"_s, none}}, runtime, 2));
        CHECK(tabTitle(page, page.gitHubTab(EntityPage::DeploymentsTab)) == u"Deployments"_s);
        page.setCurrentTab(EntityPage::DeploymentsTab);
        GitHubTab *deployments = page.gitHubTab(EntityPage::DeploymentsTab);
        CHECK(label(*deployments, u"githubEmpty"_s)->isVisible());
        CHECK(label(*deployments, u"githubEmpty"_s)->text()
              == u"No deployments recorded on GitHub for this repository."_s);
        CHECK_FALSE(deployments->mainView()->isVisible());
    }

    SECTION("a repository nothing was read for says which source reads it")
    {
        REQUIRE(page.showEntity(u"component:default/unread"_s));
        CHECK(shown({EntityPage::CiTab, EntityPage::PullRequestsTab, EntityPage::DeploymentsTab}));
        CHECK(tabTitle(page, page.gitHubTab(EntityPage::PullRequestsTab)) == u"Pull requests"_s);
        page.setCurrentTab(EntityPage::CiTab);
        QLabel *empty = label(*page.gitHubTab(EntityPage::CiTab), u"githubEmpty"_s);
        CHECK(empty->isVisible());
        CHECK(empty->text().contains(u"<b>octocat/never-read</b>"_s));
        CHECK(empty->text().contains(u"<code>github</code> source"_s));
        CHECK_FALSE(page.gitHubTab(EntityPage::CiTab)->mainView()->isVisible());
    }

    SECTION("only entities mapped to Kubernetes get the Runtime tab")
    {
        REQUIRE(page.showEntity(u"component:default/plain"_s));
        CHECK(hidden(
            {EntityPage::CiTab, EntityPage::PullRequestsTab, EntityPage::DeploymentsTab, EntityPage::RuntimeTab}));
        CHECK(page.isTabShown(EntityPage::OverviewTab));

        // A selector that matched nothing yet: the tab explains where nothing was found.
        REQUIRE(page.showEntity(u"component:default/backend"_s));
        CHECK(page.isTabShown(EntityPage::RuntimeTab));
        CHECK(hidden({EntityPage::CiTab}));
        page.setCurrentTab(EntityPage::RuntimeTab);
        QLabel *empty = label(*page.runtimeTab(), u"runtimeEmpty"_s);
        CHECK(empty->isVisible());
        CHECK(empty->text().contains(u"No workloads found for <b>app=backend-api</b>"_s));
        CHECK_FALSE(page.runtimeTab()->workloadsView()->isVisible());

        REQUIRE(page.showEntity(u"component:default/by-id"_s));
        CHECK(page.isTabShown(EntityPage::RuntimeTab));
        CHECK(tabTitle(page, page.runtimeTab()) == u"Runtime"_s);

        // Runtime a source found without an annotation shows too.
        REQUIRE(page.showEntity(u"component:default/found"_s));
        CHECK(page.isTabShown(EntityPage::RuntimeTab));
        CHECK(page.runtimeTab()->model()->rowCount() == 1);
        QTabWidget *tabs = tabsOf(page);
        CHECK(tabs->tabIcon(tabs->indexOf(page.runtimeTab())).cacheKey()
              == LiveStyle::healthIcon(Health::Degraded).cacheKey());
    }

    SECTION("the empty tabs explain what to add")
    {
        // Without live data, the Runtime tab of an annotated entity and the GitHub tabs of a repository that was
        // never read say what is missing; an entity that names no repository and has no runtime shows neither.
        page.setLive(nullptr);
        REQUIRE(page.showEntity(u"component:default/by-id"_s));
        page.setCurrentTab(EntityPage::RuntimeTab);
        QLabel *empty = label(*page.runtimeTab(), u"runtimeEmpty"_s);
        CHECK(empty->text().contains(u"No workloads found for <b>no-such-workload</b>"_s));

        RuntimeTab standalone;
        standalone.show(component(u"plain"_s, {}), nullptr);
        const QString text = label(standalone, u"runtimeEmpty"_s)->text();
        CHECK(text.contains(u"<code>backstage.io/kubernetes-id: plain</code>"_s));
        CHECK(text.contains(u"backstage.io/kubernetes-label-selector"_s));
        CHECK(text.contains(u"<code>kubernetes</code> source"_s));

        GitHubTab github(GitHubTab::Section::PullRequests);
        github.show(component(u"plain"_s, {}), nullptr);
        const QString githubText = label(github, u"githubEmpty"_s)->text();
        CHECK(githubText.contains(u"<code>github.com/project-slug: owner/repository</code>"_s));
        CHECK(githubText.contains(u"<code>github</code> source"_s));
        CHECK(github.title() == u"Pull requests"_s);
    }

    SECTION("a collapsed workload stays collapsed across an update")
    {
        REQUIRE(page.showEntity(u"component:default/both"_s));
        CHECK(page.isTabShown(EntityPage::RuntimeTab));
        CHECK(hidden({EntityPage::CiTab, EntityPage::PullRequestsTab, EntityPage::DeploymentsTab}));
        page.setCurrentTab(EntityPage::RuntimeTab);
        RuntimeModel *model = page.runtimeTab()->model();
        QTreeView *view = page.runtimeTab()->workloadsView();
        REQUIRE(model->rowCount() == 2);
        const QString summary = label(*page.runtimeTab(), u"runtimeSummary"_s)->text();
        CHECK(summary.contains(u"2 workload"_s));
        CHECK(summary.contains(u"in staging"_s));
        // Every workload starts expanded.
        CHECK(view->isExpanded(model->index(0, 0)));
        CHECK(view->isExpanded(model->index(1, 0)));

        const int cpuRow = rowOf(*model, RuntimeModel::NameColumn, u"Deployment cpu-intensive-app"_s);
        REQUIRE(cpuRow >= 0);
        view->collapse(model->index(cpuRow, 0));
        CHECK_FALSE(view->isExpanded(model->index(cpuRow, 0)));

        // The user selects the first pod of the other workload.
        const QModelIndex memoryPod = model->index(0, 0, model->index(1 - cpuRow, 0));
        REQUIRE(memoryPod.isValid());
        const QString memoryPodName = memoryPod.data().toString();
        view->setCurrentIndex(memoryPod);
        REQUIRE(view->selectionModel()->isSelected(memoryPod));

        // A watch event: one pending pod of cpu-intensive-app is gone. The model is updated in place: one row removed,
        // no reset, so the view keeps what is collapsed and selected.
        EntityRuntime next = runtime.value(u"component:default/both"_s);
        for (WorkloadInfo &w : next.workloads) {
            if (w.name == u"cpu-intensive-app"_s) {
                w.pods.removeLast();
            }
        }
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QHash<QString, EntityRuntime> updated = runtime;
        updated.insert(u"component:default/both"_s, next);
        page.setLive(prepareLive(catalog, {}, updated, 2));
        CHECK(reset.isEmpty());
        CHECK(inserted.isEmpty());
        REQUIRE(removed.size() == 1);
        CHECK(removed.first().at(0).value<QModelIndex>() == model->index(cpuRow, 0));
        CHECK(removed.first().at(1).toInt() == 2);
        REQUIRE(model->rowCount() == 2);
        const int cpuAfter = rowOf(*model, RuntimeModel::NameColumn, u"Deployment cpu-intensive-app"_s);
        REQUIRE(cpuAfter >= 0);
        CHECK(model->rowCount(model->index(cpuAfter, 0)) == 2);
        CHECK_FALSE(view->isExpanded(model->index(cpuAfter, 0)));
        CHECK(view->isExpanded(model->index(1 - cpuAfter, 0)));
        const QModelIndex current = view->currentIndex();
        CHECK(current.data().toString() == memoryPodName);
        CHECK(current.parent() == model->index(1 - cpuAfter, 0));
        CHECK(view->selectionModel()->isSelected(current));

        // Expanded again, it stays open.
        view->expand(model->index(cpuAfter, 0));
        page.setLive(prepareLive(catalog, {}, updated, 3));
        CHECK(view->isExpanded(model->index(cpuAfter, 0)));

        // A workload that appears in an update starts open; one the user closed stays closed when it comes back.
        view->collapse(model->index(cpuAfter, 0));
        EntityRuntime fewer = next;
        fewer.workloads.removeAt(cpuAfter);
        updated.insert(u"component:default/both"_s, fewer);
        page.setLive(prepareLive(catalog, {}, updated, 4));
        REQUIRE(model->rowCount() == 1);
        CHECK(view->isExpanded(model->index(0, 0)));
        EntityRuntime more = next;
        const WorkloadInfo backendApi = runtime.value(u"component:default/found"_s).workloads.first();
        more.workloads.append(backendApi);
        updated.insert(u"component:default/both"_s, more);
        inserted.clear();
        page.setLive(prepareLive(catalog, {}, updated, 5));
        CHECK(reset.isEmpty());
        // cpu-intensive-app back in its place and backend-api at the end: two rows, in one or two insertions.
        int insertedRows = 0;
        for (const QList<QVariant> &args : std::as_const(inserted)) {
            CHECK_FALSE(args.at(0).value<QModelIndex>().isValid());
            insertedRows += args.at(2).toInt() - args.at(1).toInt() + 1;
        }
        CHECK(insertedRows == 2);
        REQUIRE(model->rowCount() == 3);
        CHECK_FALSE(view->isExpanded(model->index(cpuAfter, 0)));
        CHECK(view->isExpanded(model->index(1 - cpuAfter, 0)));
        CHECK(display(*model, 2, RuntimeModel::NameColumn) == u"Deployment backend-api"_s);
        CHECK(view->isExpanded(model->index(2, 0)));
        CHECK(view->currentIndex().data().toString() == memoryPodName);

        // Another entity is a reset and starts with everything open.
        REQUIRE(page.showEntity(u"component:default/found"_s));
        CHECK(reset.size() == 1);
        CHECK(view->isExpanded(model->index(0, 0)));
    }
}
