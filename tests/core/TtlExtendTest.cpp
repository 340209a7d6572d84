// Extending a time to live: ttl:extend edits one annotation of a descriptor in git (every other line kept as written),
// against a real git daemon with an injected clock; and an extension above a limit waits for approval
// (portolan.dev/approval-when).
#include "actions/ActionRunner.h"
#include "actions/executors/Executors.h"
#include "catalog/DescriptorLoader.h"
#include "catalog/DescriptorReader.h"
#include "config/Workspace.h"
#include "support/GitDaemon.h"
#include "support/TestSupport.h"
#include "util/Clock.h"

#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;
using Portolan::Test::demoCatalog;
using Portolan::Test::GitDaemon;

namespace {

const QByteArray environmentYaml = R"(# A preview environment.
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: preview-a
  annotations:
    portolan.dev/ttl: "4h"           # from the wizard
    portolan.dev/created-at: "2030-01-15T08:00:00Z"
  tags: [ephemeral]
spec:
  type: environment
  owner: user:default/mei.lin
)";

ActionTemplate extendTemplate()
{
    const QByteArray yaml = R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: extend
  title: Extend
  annotations:
    portolan.dev/approvers: group:default/platform-team
    portolan.dev/approval-when: ${{ parameters.by not in ['4h', '1d'] }}
spec:
  owner: platform-team
  type: environment
  parameters:
    - title: Extension
      properties:
        by: {type: string}
        repo: {type: string}
  steps:
    - id: extend
      name: Extend
      action: ttl:extend
      input:
        repoUrl: ${{ parameters.repo }}
        path: environments/preview-a.yaml
        entityRef: resource:default/preview-a
        by: ${{ parameters.by }}
        maximum: 3d
)";
    const FileReadResult read = DescriptorReader::readData(yaml, u"extend.yaml"_s, {});
    REQUIRE(read.documents.size() == 1);
    Entity entity = Entity::fromEnvelope(read.documents.first().root);
    entity.origin.file = u"extend.yaml"_s;
    StepExecutorRegistry registry;
    ActionTemplate action = ActionTemplate::fromEntity(entity, registry.actions(), &read.documents.first());
    INFO(Portolan::Test::describe(action.problems).toStdString());
    REQUIRE(action.problems.isEmpty());
    return action;
}

} // namespace

TEST_CASE("setAnnotation replaces or adds one annotation and keeps every other line", "[ttl][actions]")
{
    const QString text = QString::fromUtf8(environmentYaml);
    const auto replaced = setAnnotation(text, 0, u"portolan.dev/ttl"_s, u"1d"_s);
    REQUIRE(replaced.ok());
    CHECK(*replaced
          == QString(text).replace(u"portolan.dev/ttl: \"4h\"           # from the wizard"_s,
                                   u"portolan.dev/ttl: \"1d\""_s));
    const auto added = setAnnotation(text, 0, u"portolan.dev/expires-at"_s, u"2030-01-16T12:00:00Z"_s);
    REQUIRE(added.ok());
    CHECK(added->contains(u"    portolan.dev/created-at: \"2030-01-15T08:00:00Z\"\n"
                          u"    portolan.dev/expires-at: \"2030-01-16T12:00:00Z\"\n  tags: [ephemeral]"_s));
    CHECK(added->startsWith(u"# A preview environment.\n"_s));

    // No annotations yet: the block is made, indented like metadata's children; the second document is the one edited.
    const QString two =
        u"kind: Resource\nmetadata:\n  name: a\n---\nkind: Resource\nmetadata:\n    name: b\nspec: {}\n"_s;
    const auto made = setAnnotation(two, 4, u"k"_s, u"v"_s);
    REQUIRE(made.ok());
    CHECK(
        *made
        == u"kind: Resource\nmetadata:\n  name: a\n---\nkind: Resource\nmetadata:\n    annotations:\n        k: \"v\"\n"
           u"    name: b\nspec: {}\n"_s);

    const auto inline_ = setAnnotation(u"metadata:\n  name: a\n  annotations: {x: y}\n"_s, 0, u"k"_s, u"v"_s);
    REQUIRE(!inline_.ok());
    CHECK(inline_.error().message.contains(u"inline"_s));
}

TEST_CASE("ttl:extend writes the new expiry to git: from the expiry, or from now once it passed, at most the maximum",
          "[ttl][actions][git]")
{
    GitDaemon daemon;
    REQUIRE(daemon.start());
    daemon.create(u"platform"_s, {{u"environments/preview-a.yaml"_s, environmentYaml}});
    QTemporaryDir data;
    CacheDatabase db;
    REQUIRE(db.open(data.filePath(u"cache.sqlite"_s)).ok());
    StepExecutorRegistry executors;
    ManualClock clock(QDateTime(QDate(2030, 1, 15), QTime(10, 0), Qt::UTC)); // 2 h before the expiry
    ActionEnvironment env;
    env.dataDirectory = data.path();
    env.clock = &clock;
    env.catalog = demoCatalog();
    env.user.entityRef = u"user:default/mei.lin"_s;
    env.user.displayName = u"Mei Lin"_s;
    env.user.email = u"mei.lin@northwind.example"_s;
    ActionRunner runner(db, executors, env);
    const ActionTemplate action = extendTemplate();
    const auto show = [&daemon] {
        QProcess p;
        p.setWorkingDirectory(daemon.barePath(u"platform"_s));
        p.start(u"git"_s, {u"show"_s, u"main:environments/preview-a.yaml"_s});
        REQUIRE(p.waitForFinished(30000));
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    const auto extend = [&](const QString &by, const QString &key) {
        ActionSubmission s;
        s.key = key;
        s.parameters = {{u"by"_s, by}, {u"repo"_s, daemon.url(u"platform"_s)}};
        const auto submitted = runner.submit(action, s);
        REQUIRE(submitted.ok());
        const auto run = runner.execute(submitted->run.id, action, s.parameters);
        REQUIRE(run.ok());
        return *run;
    };

    ActionRun run = extend(u"1d"_s, u"extend-1"_s); // no approval needed for a day
    INFO(run.error.toStdString());
    REQUIRE(run.status == ActionRun::Status::Succeeded);
    CHECK(run.approval.isEmpty());
    CHECK(run.step(u"extend"_s)->output.value("previousExpiresAt"_L1).toString() == u"2030-01-15T12:00:00Z"_s);
    CHECK(run.step(u"extend"_s)->output.value("expiresAt"_L1).toString() == u"2030-01-16T12:00:00Z"_s);
    CHECK(show().contains(u"    portolan.dev/expires-at: \"2030-01-16T12:00:00Z\"\n"_s));
    CHECK(show().contains(u"portolan.dev/ttl: \"4h\"           # from the wizard"_s));

    // Long after it expired: counted from now.
    clock.advance(3LL * 86400 * 1000);
    run = extend(u"4h"_s, u"extend-2"_s);
    REQUIRE(run.status == ActionRun::Status::Succeeded);
    CHECK(run.step(u"extend"_s)->output.value("expiresAt"_L1).toString() == u"2030-01-18T14:00:00Z"_s);

    // More than the maximum is refused on the review page, before anything is submitted.
    ActionSubmission tooLong;
    tooLong.parameters = {{u"by"_s, u"5d"_s}, {u"repo"_s, daemon.url(u"platform"_s)}};
    const QList<PlannedStep> plan = runner.plan(action, tooLong);
    REQUIRE(plan.size() == 1);
    REQUIRE(plan.first().problems.size() == 1);
    CHECK(plan.first().problems.first().field == u"input.by"_s);
    CHECK(plan.first().problems.first().message.contains(u"at most 3 d"_s));

    // Three days needs approval: it waits, and nothing is written yet.
    run = extend(u"3d"_s, u"extend-4"_s);
    CHECK(run.status == ActionRun::Status::Waiting);
    CHECK(run.step(u"extend"_s)->status == StepRecord::Status::Pending);
    CHECK(show().contains(u"\"2030-01-18T14:00:00Z\""_s));
}
