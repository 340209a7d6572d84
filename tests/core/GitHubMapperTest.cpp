// GitHubMapper on GitHub's own examples (../shared/corpus/github/openapi-examples) and the recorded api.github.com
// exchanges (../shared/corpus/github/octokit-fixtures). Pure functions: no event loop, no network.
#include "sources/github/GitHubMapper.h"
#include "sources/github/GitHubConfig.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;
namespace M = Portolan::Core::GitHubMapper;

namespace {

QJsonValue example(const QString &operation, const QString &status = u"200"_s,
                   const QString &mediaType = u"application/json"_s, const QString &name = u"default"_s)
{
    QFile file(Portolan::Test::corpusPath(u"github/openapi-examples/%1.json"_s.arg(operation)));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonValue value = root.value("responses"_L1)
                                 .toObject()
                                 .value(status)
                                 .toObject()
                                 .value("content_examples"_L1)
                                 .toObject()
                                 .value(mediaType)
                                 .toObject()
                                 .value(name)
                                 .toObject()
                                 .value("value"_L1);
    REQUIRE(!value.isUndefined());
    return value;
}

QByteArray bytes(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

QJsonObject recorded(const QString &scenario, int index)
{
    const QJsonArray records = Portolan::Test::HttpTestServer::loadFixture(scenario);
    REQUIRE(records.size() > index);
    return records.at(index).toObject();
}

} // namespace

TEST_CASE("GitHub repositories and contents map from the examples", "[github][core]")
{
    const Result<QList<M::Repository>> repos = M::parseRepositories(bytes(example(u"repos__list-for-org"_s)), u"x"_s);
    REQUIRE(repos.ok());
    REQUIRE(repos->size() == 1);
    const M::Repository &r = repos->first();
    CHECK(r.fullName == u"octocat/Hello-World"_s);
    CHECK(r.name == u"Hello-World"_s);
    CHECK(r.owner == u"octocat"_s);
    CHECK(r.defaultBranch == u"master"_s);
    CHECK(r.topics == QStringList{u"octocat"_s, u"atom"_s, u"electron"_s, u"api"_s});
    CHECK_FALSE(r.archived);
    CHECK_FALSE(r.empty);
    CHECK(r.pushedAt == QDateTime(QDate(2011, 1, 26), QTime(19, 6, 43), Qt::UTC));
    CHECK(M::Repository::fromCbor(r.toCbor()).toCbor() == r.toCbor());

    // The recorded repository (get-repository) reads the same way.
    const Result<M::Repository> recordedRepo =
        M::parseRepository(bytes(recorded(u"get-repository"_s, 0).value("response"_L1)), u"x"_s);
    REQUIRE(recordedRepo.ok());
    CHECK(recordedRepo->fullName == u"octokit-fixture-org/hello-world"_s);

    const QJsonValue file =
        example(u"repos__get-content"_s, u"200"_s, u"application/json"_s, u"response-if-content-is-a-file"_s);
    const Result<M::ContentFile> content = M::parseContent(bytes(file), u"x"_s);
    REQUIRE(content.ok());
    CHECK(content->path == u"README.md"_s);
    CHECK(content->sha == u"3d21ec53a331a6f037a91c368710b99387d012c1"_s);
    CHECK(content->htmlUrl == u"https://github.com/octokit/octokit.rb/blob/master/README.md"_s);
    CHECK(content->data.size() > 100);

    const QJsonValue dir =
        example(u"repos__get-content"_s, u"200"_s, u"application/json"_s, u"response-if-content-is-a-directory"_s);
    CHECK_FALSE(M::parseContent(bytes(dir), u"x"_s).ok());
    CHECK_FALSE(M::parseRepositories("{not json", u"x"_s).ok());
}

TEST_CASE("GitHub descriptors become entities with provenance: bad ones name file, line and field", "[github][core]")
{
    M::Repository repo;
    repo.fullName = u"acme/payments"_s;
    repo.name = u"payments"_s;
    repo.defaultBranch = u"main"_s;
    repo.htmlUrl = u"https://github.com/acme/payments"_s;
    M::ContentFile file;
    file.path = u"catalog-info.yaml"_s;
    file.sha = u"abc123"_s;
    file.htmlUrl = u"https://github.com/acme/payments/blob/main/catalog-info.yaml"_s;
    QFile artist(Portolan::Test::corpusPath(
        u"backstage/packages/catalog-model/examples/components/artist-lookup-component.yaml"_s));
    REQUIRE(artist.open(QIODevice::ReadOnly));
    file.data = artist.readAll();
    M::Descriptors d = M::readDescriptors(file, repo, u"https://github.com"_s, u"gh"_s);
    INFO(Portolan::Test::describe(d.problems).toStdString());
    REQUIRE(d.entities.size() == 1);
    CHECK(d.entities[0].name == u"artist-lookup"_s);
    CHECK(d.entities[0].origin.file == file.htmlUrl);
    CHECK(d.entities[0].origin.revision == u"abc123"_s);
    CHECK(d.entities[0].origin.sourceId == u"gh"_s);

    // An invalid entity: the problem names the file (the html URL), the line and the field.
    file.data =
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bad name!\nspec:\n  type: service\n"
        "  lifecycle: production\n  owner: team-a\n";
    d = M::readDescriptors(file, repo, u"https://github.com"_s, u"gh"_s);
    CHECK(d.entities.empty());
    REQUIRE(Portolan::Test::countErrors(d.problems) >= 1);
    const Error &e = d.problems.first();
    CHECK(e.file == file.htmlUrl);
    CHECK(e.line == 4);
    CHECK(e.field == u"metadata.name"_s);

    // Placeholders are never read from this machine: relative and absolute ones become URLs in the repository.
    file.data = "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: pets\nspec:\n  type: openapi\n"
                "  lifecycle: production\n  owner: team-a\n  definition:\n    $text: ./openapi.yaml\n---\n"
                "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: secrets\nspec:\n  type: openapi\n"
                "  lifecycle: production\n  owner: team-a\n  definition:\n    $text: /etc/passwd\n";
    d = M::readDescriptors(file, repo, u"https://github.com"_s, u"gh"_s);
    REQUIRE(d.entities.size() == 2);
    CHECK(d.entities[0].specString("definition"_L1) == u"https://github.com/acme/payments/blob/main/openapi.yaml"_s);
    CHECK(d.entities[1].specString("definition"_L1) == u"https://github.com/acme/payments/blob/main/etc/passwd"_s);
    CHECK(Portolan::Test::countErrors(d.problems) == 0);
    CHECK(d.problems.size() == 2); // one warning each: the URL is kept, not fetched

    // A Location's relative targets are resolved inside the repository.
    file.path = u"catalog/all.yaml"_s;
    file.data = "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: all\nspec:\n  targets:\n"
                "    - ./a.yaml\n    - ../b.yaml\n    - https://example.com/c.yaml\n";
    d = M::readDescriptors(file, repo, u"https://github.com"_s, u"gh"_s);
    CHECK(d.locationPaths == QStringList{u"catalog/a.yaml"_s, u"b.yaml"_s});
    CHECK(d.problems.size() == 1);
}

TEST_CASE("GitHub repositories without descriptors become Components", "[github][core]")
{
    CHECK(M::sanitizeEntityName(u"Hello-World"_s) == u"Hello-World"_s);
    CHECK(M::sanitizeEntityName(u"my repo!!name"_s) == u"my-repo-name"_s);
    CHECK(M::sanitizeEntityName(u"--.x__y.."_s) == u"x_y"_s);
    CHECK(M::sanitizeEntityName(QString(80, u'a')).size() == 63);

    CHECK(M::codeownersOwner("# comment\n\n*       @acme/platform-team @someone\n") == u"group:platform-team"_s);
    CHECK(M::codeownersOwner("docs/* docs@example.com @Octocat\n") == u"user:octocat"_s);
    CHECK(M::codeownersOwner("# nobody\n").isEmpty());

    const Result<QList<M::Repository>> repos = M::parseRepositories(bytes(example(u"repos__list-for-org"_s)), u"x"_s);
    REQUIRE(repos.ok());
    M::Repository repo = repos->first();
    Result<Entity> c = M::repositoryComponent(repo, u"group:platform-team"_s, u"gh"_s);
    REQUIRE(c.ok());
    CHECK(c->kind == u"Component"_s);
    CHECK(c->name == u"Hello-World"_s);
    CHECK(c->description == u"This your first repo!"_s);
    CHECK(c->tags == QStringList{u"octocat"_s, u"atom"_s, u"electron"_s, u"api"_s});
    CHECK(c->annotation(u"github.com/project-slug") == u"octocat/Hello-World"_s);
    CHECK(c->annotation(u"backstage.io/source-location")
          == u"url:https://github.com/octocat/Hello-World/tree/master/"_s);
    CHECK(c->specString("lifecycle"_L1) == u"production"_s);
    CHECK(c->specString("owner"_L1) == u"group:platform-team"_s);
    REQUIRE(c->links.size() == 1);
    CHECK(c->links[0].url == u"https://github.com/octocat/Hello-World"_s);

    repo.archived = true;
    c = M::repositoryComponent(repo, {}, u"gh"_s);
    REQUIRE(c.ok());
    CHECK(c->specString("lifecycle"_L1) == u"deprecated"_s);
    CHECK(c->specString("owner"_L1) == u"group:octocat"_s);
}

TEST_CASE("GitHub workflow runs: the latest per workflow and branch, and the CI state", "[github][core]")
{
    const Result<QList<WorkflowRun>> runs =
        M::parseRuns(bytes(example(u"actions__list-workflow-runs-for-repo"_s)), u"x"_s);
    REQUIRE(runs.ok());
    REQUIRE(runs->size() == 1);
    const WorkflowRun &run = runs->first();
    CHECK(run.id == 30433642);
    CHECK(run.workflow == u"Build"_s);
    CHECK(run.branch == u"master"_s);
    CHECK(run.status == u"queued"_s);
    CHECK(run.conclusion.isEmpty());
    CHECK(run.actor == u"octocat"_s);
    CHECK(run.runNumber == 562);
    CHECK(run.state() == CiState::Running);

    // Three runs of the example on two branches: the newest per branch stays, and the older failure on master no
    // longer counts once a newer run passed.
    WorkflowRun oldFail = run;
    oldFail.id = 1;
    oldFail.status = u"completed"_s;
    oldFail.conclusion = u"failure"_s;
    oldFail.startedAt = run.startedAt.addSecs(-3600);
    WorkflowRun newPass = run;
    newPass.id = 2;
    newPass.status = u"completed"_s;
    newPass.conclusion = u"success"_s;
    newPass.startedAt = run.startedAt.addSecs(60);
    WorkflowRun featureFail = oldFail;
    featureFail.id = 3;
    featureFail.branch = u"feature"_s;
    const QList<WorkflowRun> latest = M::latestPerWorkflowAndBranch({oldFail, run, newPass, featureFail});
    REQUIRE(latest.size() == 2);
    CHECK(latest[0].id == 2);
    CHECK(latest[1].id == 3);
    RepositoryInsights insights;
    insights.defaultBranch = u"master"_s;
    insights.runs = latest;
    CHECK(insights.ciState() == CiState::Passing);
    insights.defaultBranch = u"feature"_s;
    CHECK(insights.ciState() == CiState::Failing);
}

TEST_CASE("GitHub pull requests with review and checks state", "[github][core]")
{
    const Result<QList<M::PullRequest>> pulls = M::parsePulls(bytes(example(u"pulls__list"_s)), u"x"_s);
    REQUIRE(pulls.ok());
    REQUIRE(pulls->size() == 1);
    const M::PullRequest &p = pulls->first();
    CHECK(p.info.number == 1347);
    CHECK(p.info.title == u"Amazing new feature"_s);
    CHECK(p.info.author == u"octocat"_s);
    CHECK(p.info.base == u"master"_s);
    CHECK(p.info.head == u"new-topic"_s);
    CHECK(p.headSha == u"6dcb09b5b57875f334f61aebed695e2e4193db5e"_s);
    CHECK(p.info.labels == QStringList{u"bug"_s});
    CHECK(p.info.reviewers.contains(u"other_user"_s));
    CHECK(p.info.reviewers.contains(u"justice-league"_s));

    const QJsonArray reviews = example(u"pulls__list-reviews"_s).toArray();
    CHECK(M::reviewState(bytes(reviews), u"x"_s).value() == u"approved"_s);
    // The same reviewer asks for changes later: that replaces the approval. A dismissal clears it.
    QJsonObject later = reviews.first().toObject();
    later.insert("state"_L1, u"CHANGES_REQUESTED"_s);
    CHECK(M::reviewState(bytes(QJsonArray{reviews.first(), later}), u"x"_s).value() == u"changes_requested"_s);
    QJsonObject comment = later;
    comment.insert("state"_L1, u"COMMENTED"_s);
    CHECK(M::reviewState(bytes(QJsonArray{reviews.first(), comment}), u"x"_s).value() == u"approved"_s);
    QJsonObject dismissed = later;
    dismissed.insert("state"_L1, u"DISMISSED"_s);
    CHECK(M::reviewState(bytes(QJsonArray{reviews.first(), dismissed}), u"x"_s).value() == u"review_required"_s);
    CHECK(M::reviewState(bytes(QJsonArray{comment}), u"x"_s).value() == u"commented"_s);

    const QJsonObject checks = example(u"checks__list-for-ref"_s).toObject();
    CHECK(M::checkRunsState(bytes(checks), u"x"_s).value() == u"success"_s); // "neutral"
    QJsonObject failing = checks;
    QJsonArray checkRuns = checks.value("check_runs"_L1).toArray();
    QJsonObject failedRun = checkRuns.first().toObject();
    failedRun.insert("conclusion"_L1, u"failure"_s);
    QJsonObject runningRun = checkRuns.first().toObject();
    runningRun.insert("status"_L1, u"in_progress"_s);
    failing.insert("check_runs"_L1, QJsonArray{runningRun});
    CHECK(M::checkRunsState(bytes(failing), u"x"_s).value() == u"pending"_s);
    failing.insert("check_runs"_L1, QJsonArray{runningRun, failedRun});
    CHECK(M::checkRunsState(bytes(failing), u"x"_s).value() == u"failure"_s);
    failing.insert("check_runs"_L1, QJsonArray{});
    CHECK(M::checkRunsState(bytes(failing), u"x"_s).value().isEmpty());

    CHECK(M::combinedStatusState(bytes(example(u"repos__get-combined-status-for-ref"_s)), u"x"_s).value()
          == u"success"_s);
    // The recorded combined status of create-status: one failure among the statuses.
    CHECK(M::combinedStatusState(bytes(recorded(u"create-status"_s, 3).value("response"_L1)), u"x"_s).value()
          == u"failure"_s);
}

TEST_CASE("GitHub releases, environments and deployments", "[github][core]")
{
    // No release list example in the corpus: the recorded release of release-assets, as a one-element list.
    const QJsonObject release = recorded(u"release-assets"_s, 0).value("response"_L1).toObject();
    const Result<QList<ReleaseInfo>> releases = M::parseReleases(bytes(QJsonArray{release}), u"x"_s);
    REQUIRE(releases.ok());
    REQUIRE(releases->size() == 1);
    CHECK(releases->first().tag == u"v1.0.0"_s);
    CHECK(releases->first().author == u"octokit-fixture-user-a"_s);
    CHECK(releases->first().url == u"https://github.com/octokit-fixture-org/release-assets/releases/tag/v1.0.0"_s);

    const Result<QStringList> environments =
        M::parseEnvironments(bytes(example(u"repos__get-all-environments"_s)), u"x"_s);
    REQUIRE(environments.ok());
    CHECK(environments.value() == QStringList{u"staging"_s});

    // The example deployment, and an older one to the same environment and a newer one to another.
    const QJsonObject deployment = example(u"repos__list-deployments"_s).toArray().first().toObject();
    QJsonObject older = deployment;
    older.insert("id"_L1, 0);
    older.insert("created_at"_L1, u"2012-07-19T01:19:13Z"_s);
    QJsonObject staging = deployment;
    staging.insert("id"_L1, 7);
    staging.insert("environment"_L1, u"staging"_s);
    staging.insert("created_at"_L1, u"2012-07-21T01:19:13Z"_s);
    Result<QList<DeploymentInfo>> deployments =
        M::parseDeployments(bytes(QJsonArray{staging, deployment, older}), u"x"_s);
    REQUIRE(deployments.ok());
    REQUIRE(deployments->size() == 2);
    CHECK(deployments->at(0).environment == u"staging"_s);
    CHECK(deployments->at(1).environment == u"production"_s);
    CHECK(deployments->at(1).id == 1);
    CHECK(deployments->at(1).creator == u"octocat"_s);
    DeploymentInfo production = deployments->at(1);
    REQUIRE(M::applyDeploymentStatus(production, bytes(example(u"repos__list-deployment-statuses"_s)), u"x"_s).ok());
    CHECK(production.state == u"success"_s);
    CHECK(production.description == u"Deployment finished successfully."_s);
}

TEST_CASE("GitHub rate-limit headers become the source's quota", "[github][core]")
{
    const QJsonObject headers = recorded(u"search-issues"_s, 0).value("headers"_L1).toObject();
    QList<QPair<QByteArray, QByteArray>> list;
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        list.append({it.key().toUtf8(), it.value().toVariant().toString().toUtf8()});
    }
    const SourceQuota q = M::quotaFrom(list);
    CHECK(q.limit == 30);
    CHECK(q.remaining == 29);
    CHECK(q.used == 1);
    CHECK(q.resource == u"search"_s);
    CHECK(q.reset == QDateTime::fromSecsSinceEpoch(1507651200, Qt::UTC)); // recorded in milliseconds
    CHECK_FALSE(M::quotaFrom({}).isKnown());
}

TEST_CASE("GitHub source options are checked", "[github][core]")
{
    SourceConfig config;
    config.id = u"github"_s;
    config.type = u"github"_s;
    config.configFile = u"/ws/portolan.yaml"_s;
    config.line = 12;
    Result<GitHubConfig> c = GitHubConfig::fromSource(config);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().code == Error::Code::Config);
    CHECK(c.error().file == u"/ws/portolan.yaml"_s);
    CHECK(c.error().line == 12);
    CHECK(c.error().field == u"options.organization"_s);

    config.options.insert(u"organization"_s, u"acme"_s);
    config.options.insert(u"user"_s, u"octocat"_s);
    CHECK_FALSE(GitHubConfig::fromSource(config).ok());
    config.options.remove(u"user"_s);
    config.options.insert(u"insights"_s, u"perhaps"_s);
    c = GitHubConfig::fromSource(config);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().field == u"options.insights"_s);
    config.options.insert(u"insights"_s, false);
    config.options.insert(u"catalogPaths"_s, QVariantList{u"catalog-info.yaml"_s, u"../x.yaml"_s});
    c = GitHubConfig::fromSource(config);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().field == u"options.catalogPaths[1]"_s);
    config.options.insert(u"catalogPaths"_s, QVariantList{u"/catalog-info.yaml"_s, u"docs/catalog.yaml"_s});
    c = GitHubConfig::fromSource(config);
    REQUIRE(c.ok());
    CHECK(c->apiUrl == u"https://api.github.com"_s);
    CHECK(c->webUrl() == u"https://github.com"_s);
    CHECK(c->graphqlUrl() == u"https://api.github.com/graphql"_s);
    CHECK(c->graphql);
    CHECK(c->catalogPaths == QStringList{u"catalog-info.yaml"_s, u"docs/catalog.yaml"_s});
    CHECK_FALSE(c->insights);
    CHECK(c->repositoriesPath() == u"/orgs/acme/repos?per_page=100&type=all"_s);
    config.url = u"https://ghe.example.com/api/v3/"_s;
    c = GitHubConfig::fromSource(config);
    REQUIRE(c.ok());
    CHECK(c->apiUrl == u"https://ghe.example.com/api/v3"_s);
    CHECK(c->webUrl() == u"https://ghe.example.com"_s);
    CHECK(c->graphqlUrl() == u"https://ghe.example.com/api/graphql"_s); // GitHub Enterprise Server's endpoint
    config.options.insert(u"graphql"_s, u"maybe"_s);
    c = GitHubConfig::fromSource(config);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().field == u"options.graphql"_s);
}
