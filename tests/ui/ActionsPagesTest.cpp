// The Actions and Runs pages over the demo workspace's templates, with runs executed for real against the local
// git repository the demo's actions make.
#include "ActionsController.h"
#include "UiTestSupport.h"
#include "actions/ActionLibrary.h"
#include "catalog/DescriptorLoader.h"
#include "catalog/DescriptorReader.h"
#include "config/Workspace.h"
#include "models/RunsModel.h"
#include "pages/ActionsPage.h"
#include "pages/EntityPage.h"
#include "pages/InboxPage.h"
#include "pages/RunsPage.h"
#include "support/GitHubTestServer.h"
#include "support/TestSupport.h"
#include "widgets/Banner.h"
#include "widgets/Card.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;
using namespace Portolan::Ui;
using Portolan::Test::demoCatalog;
using Portolan::Test::waitFor;

namespace {

ActionRun sampleRun(qint64 id, ActionRun::Status status, const QString &title)
{
    ActionRun run;
    run.id = id;
    run.key = ActionRun::newKey();
    run.templateId = u"template:default/"_s + title.toLower().replace(u' ', u'-');
    run.templateTitle = title;
    run.status = status;
    run.user = u"user:default/mei.lin"_s;
    run.created = QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC).addSecs(id * 60);
    run.parameters = {{u"name"_s, u"svc-%1"_s.arg(id)}};
    return run;
}

} // namespace

TEST_CASE("RunsModel updates rows in place by run id and filters by status, action and text", "[ui][actions]")
{
    RunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setRuns({sampleRun(2, ActionRun::Status::Failed, u"Create service"_s),
                   sampleRun(1, ActionRun::Status::Succeeded, u"Request access"_s)});
    CHECK(model.rowCount() == 2);
    ActionRun running = sampleRun(3, ActionRun::Status::Running, u"Create service"_s);
    model.updateRun(running);
    CHECK(model.rowCount() == 3);
    CHECK(model.runAt(0).id == 3);
    running.status = ActionRun::Status::Succeeded;
    running.finished = running.created.addSecs(75);
    model.updateRun(running);
    CHECK(model.rowCount() == 3);
    CHECK(model.index(0, RunsModel::StatusColumn).data().toString() == u"Succeeded"_s);
    CHECK(model.index(0, RunsModel::DurationColumn).data().toString() == u"1 min 15 s"_s);

    RunsFilterModel filter;
    filter.setSourceModel(&model);
    filter.setStatus(ActionRun::Status::Succeeded);
    CHECK(filter.rowCount() == 2);
    filter.setTemplate(u"template:default/create-service"_s);
    CHECK(filter.rowCount() == 1);
    filter.setStatus(std::nullopt);
    filter.setText(u"svc-2"_s);
    CHECK(filter.rowCount() == 1);
    filter.setText(u"nothing-like-it"_s);
    CHECK(filter.rowCount() == 0);
}

TEST_CASE("The Actions page lists the demo's actions and explains what blocks one", "[ui][actions]")
{
    QTemporaryDir data;
    qputenv("PORTOLAN_DATA_DIR", data.path().toLocal8Bit());
    const auto ws = Workspace::open(Workspace::demoPath());
    REQUIRE(ws.ok());
    ActionsController controller(*ws, data.filePath(u"cache.sqlite"_s));
    controller.setIdentity(u"user:default/nobody-here"_s);
    controller.setCatalog(demoCatalog());
    ActionsPage page;
    page.setController(&controller);
    page.resize(1100, 700);
    CHECK(page.visibleActionCount() == 5);
    page.setSearchText(u"environment"_s);
    CHECK(page.visibleActionCount() == 3);
    page.setSearchText({});

    // Decommissioning is for the platform and SRE teams only: blocked for someone the catalog does not know, with
    // what would unblock it.
    page.selectAction(u"template:default/decommission-environment"_s);
    auto *blocked = page.findChild<Banner *>(u"actionBlocked"_s);
    auto *start = page.findChild<QPushButton *>(u"actionStart"_s);
    REQUIRE(blocked);
    CHECK_FALSE(blocked->isHidden());
    CHECK(blocked->text().contains(u"Only members of"_s));
    CHECK_FALSE(start->isEnabled());
    CHECK(page.findChild<QLabel *>(u"actionGuards"_s)->text().contains(u"Destructive"_s));

    // Acting as a member of the platform team unblocks it.
    controller.setIdentity(u"user:default/mei.lin"_s);
    page.selectAction(u"template:default/decommission-environment"_s);
    CHECK(controller.user().groups.contains(u"group:default/platform-team"_s));
    CHECK(blocked->isHidden());
    CHECK(start->isEnabled());

    QSignalSpy starts(&page, &ActionsPage::startRequested);
    page.selectAction(u"template:default/create-service"_s);
    start->click();
    REQUIRE(starts.size() == 1);
    CHECK(starts.first().at(0).toString() == u"template:default/create-service"_s);

    // "Act as" lists the catalog's users once the page is shown (a hidden page does not pay for the list with each
    // catalog), with the identity chosen above selected.
    auto *actAs = page.findChild<QComboBox *>(u"actionsActAs"_s);
    REQUIRE(actAs);
    CHECK(actAs->count() == 0);
    page.show();
    int users = 0;
    for (int i = 0; i < demoCatalog()->size(); ++i) {
        users += demoCatalog()->entity(i).kind == u"User"_s ? 1 : 0;
    }
    REQUIRE(users > 3);
    CHECK(actAs->count() == users + 1); // and "me" first
    CHECK(actAs->currentData().toString() == u"user:default/mei.lin"_s);
    qunsetenv("PORTOLAN_DATA_DIR");
}

TEST_CASE("An entity page offers the actions for its kind, with blocked ones explained", "[ui][actions]")
{
    QTemporaryDir data;
    const auto ws = Workspace::open(Workspace::demoPath());
    REQUIRE(ws.ok());
    ActionsController controller(*ws, data.filePath(u"cache.sqlite"_s));
    controller.setCatalog(demoCatalog());
    EntityPage page;
    page.setCatalog(demoCatalog());
    page.setActions(&controller);
    REQUIRE(page.showEntity(u"component:default/shipment-service"_s));
    QToolButton *button = page.actionsButton();
    CHECK_FALSE(button->isHidden());
    const QList<QAction *> items = button->menu()->actions();
    REQUIRE(items.size() == 1);
    CHECK(items.first()->text().startsWith(u"Create an ephemeral environment"_s));
    QSignalSpy requested(&page, &EntityPage::actionRequested);
    items.first()->trigger();
    REQUIRE(requested.size() == 1);
    CHECK(requested.first().at(1).toString() == u"component:default/shipment-service"_s);
    // A Group has no entity-scoped action: no button.
    REQUIRE(page.showEntity(u"group:default/platform-team"_s));
    CHECK(button->isHidden());
}

TEST_CASE("Runs started through the controller show on the Runs page with their steps and results",
          "[ui][actions][runs]")
{
    QTemporaryDir data;
    qputenv("PORTOLAN_DATA_DIR", data.path().toLocal8Bit());
    const auto ws = Workspace::open(Workspace::demoPath());
    REQUIRE(ws.ok());
    ActionsController controller(*ws, data.filePath(u"cache.sqlite"_s));
    controller.setIdentity(u"user:default/mei.lin"_s);
    controller.setCatalog(demoCatalog());
    RunsPage page;
    page.setController(&controller);
    QSignalSpy registered(&controller, &ActionsController::sourceRegistered);
    QSignalSpy finished(&controller, &ActionsController::runFinished);

    const ActionTemplate *action = controller.action(u"create-service"_s);
    REQUIRE(action);
    ActionSubmission submission;
    submission.key = ActionRun::newKey();
    submission.parameters = {{u"name"_s, u"returns-portal"_s},
                             {u"owner"_s, u"group:default/platform-team"_s},
                             {u"system"_s, u"system:default/parcel-tracking"_s},
                             {u"language"_s, u"go"_s},
                             {u"tier"_s, u"tier-2"_s},
                             {u"port"_s, 8080}};
    // A double click: the same submission twice is one run.
    controller.start(*action, submission);
    controller.start(*action, submission);
    const bool done = waitFor([&] { return finished.size() >= 1; }, 60000);
    for (const ActionRun &r : controller.runs()) {
        UNSCOPED_INFO("run " << r.id << " " << ActionRun::statusName(r.status).toStdString() << " "
                             << r.error.toStdString());
        for (const StepRecord &s : r.steps) {
            UNSCOPED_INFO("  " << s.id.toStdString() << " " << StepRecord::statusName(s.status).toStdString() << " "
                               << s.log.toStdString());
        }
    }
    REQUIRE(done);
    controller.waitForIdle();
    QCoreApplication::processEvents();
    CHECK(finished.size() == 1);
    const ActionRun run = finished.first().at(0).value<ActionRun>();
    INFO(run.error.toStdString());
    CHECK(run.status == ActionRun::Status::Succeeded);
    CHECK(registered.size() == 1);
    CHECK(registered.first().at(0).toString() == u"registered-returns-portal"_s);

    CHECK(page.model()->rowCount() == 1);
    page.selectRun(run.id);
    CHECK(page.findChild<QLabel *>(u"runTitle"_s)->text().contains(u"Succeeded"_s));
    CHECK(page.findChild<QLabel *>(u"runLinks"_s)->text().contains(u"component:default/returns-portal"_s));
    CHECK(page.findChild<QLabel *>(u"runParameters"_s)->text().contains(u"returns-portal"_s));
    QSignalSpy rerun(&page, &RunsPage::rerunRequested);
    page.findChild<QPushButton *>(u"runRerun"_s)->click();
    REQUIRE(rerun.size() == 1);
    CHECK(rerun.first().at(2).toJsonObject().value("name"_L1).toString() == u"returns-portal"_s);

    // Another controller (the next start) reads the same run back from the cache.
    ActionsController later(*ws, data.filePath(u"cache.sqlite"_s));
    QSignalSpy loaded(&later, &ActionsController::runsLoaded);
    later.setCatalog(demoCatalog());
    REQUIRE(waitFor([&] { return loaded.size() >= 1; }, 20000));
    CHECK(later.runs().size() == 1);
    CHECK(later.runs().first().key == submission.key);
    qunsetenv("PORTOLAN_DATA_DIR");
}

TEST_CASE("Automations run in the app: an expired environment's automation runs once, recorded with its trigger",
          "[ui][actions][automations]")
{
    const Portolan::Test::IsolatedDataDir data;
    QTemporaryDir root;
    const auto write = [&root](const QString &path, const QByteArray &text) {
        QDir().mkpath(QFileInfo(root.filePath(path)).path());
        QFile f(root.filePath(path));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    const QByteArray created = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600).toString(Qt::ISODate).toUtf8();
    write(u"portolan.yaml"_s, "name: Automated\nlocations: [catalog/*.yaml]\n");
    write(u"catalog/env.yaml"_s, "apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: preview-a\n"
                                 "  annotations: {portolan.dev/ttl: 1h, portolan.dev/created-at: \""
                                     + created + "\"}\nspec: {type: environment, owner: group:default/a}\n");
    write(u"catalog/note.yaml"_s, R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: {name: note-expiry}
spec:
  owner: group:default/a
  type: environment
  parameters:
    - title: Environment
      required: [environment]
      properties:
        environment: {type: string}
  steps:
    - {id: log, name: Note it, action: debug:log, input: {message: "${{ parameters.environment }} has expired"}}
)");
    write(u"automations/expire.yaml"_s,
          "id: expire\non: {ttlExpired: {}}\nfilter: {spec.type: environment}\n"
          "action: note-expiry\nparameters: {environment: \"${{ event.entity.ref }}\"}\n");
    const auto ws = Workspace::open(root.path());
    REQUIRE(ws.ok());
    LoadResult loaded = DescriptorLoader::load(ws->roots());
    const Catalog::Ptr catalog = Catalog::build(std::move(loaded.entities));
    REQUIRE(catalog->size() == 2);

    // The entity page counts down (here: past) the expiry.
    EntityPage entityPage;
    entityPage.setCatalog(catalog);
    REQUIRE(entityPage.showEntity(u"resource:default/preview-a"_s));
    auto *expiry = entityPage.findChild<Banner *>(u"entityExpiry"_s);
    REQUIRE(expiry);
    CHECK_FALSE(expiry->isHidden());
    CHECK(expiry->kind() == Banner::Kind::Error);
    CHECK(expiry->text().contains(u"Expired 2 h"_s));
    REQUIRE(entityPage.showEntity(u"template:default/note-expiry"_s));
    CHECK(expiry->isHidden());

    ActionsController controller(*ws, data.path() + u"/cache.db"_s);
    QSignalSpy finished(&controller, &ActionsController::runFinished);
    QSignalSpy checked(&controller, &ActionsController::automationsChecked);
    controller.setCatalog(catalog); // the first round starts once the catalog is there
    REQUIRE(waitFor([&] { return !checked.isEmpty(); }, 30000));
    INFO(Portolan::Test::describe(checked.first().at(2).value<ErrorList>()).toStdString());
    CHECK(checked.first().at(0).toInt() == 1);
    CHECK(checked.first().at(1).toInt() == 1);
    CHECK(checked.first().at(2).value<ErrorList>().isEmpty());
    REQUIRE(finished.size() == 1);
    const ActionRun run = finished.first().at(0).value<ActionRun>();
    INFO(run.error.toStdString());
    CHECK(run.status == ActionRun::Status::Succeeded);
    CHECK(run.user == u"automation/expire"_s);
    CHECK(run.entityRef == u"resource:default/preview-a"_s);
    CHECK(run.trigger.value(u"automation"_s).toString() == u"expire"_s);
    CHECK(run.trigger.value(u"trigger"_s).toString() == u"ttlExpired"_s);
    CHECK(run.parameters.value(u"environment"_s).toString() == u"resource:default/preview-a"_s);

    RunsPage page;
    page.setController(&controller);
    controller.loadRuns();
    REQUIRE(waitFor([&] { return page.model()->rowCount() == 1; }));
    page.selectRun(run.id);
    CHECK(page.findChild<QLabel *>(u"runMeta"_s)->text().contains(u"started by the automation “expire”"_s));
    CHECK(page.findChild<QLabel *>(u"runMeta"_s)->text().contains(u"resource:default/preview-a expired at"_s));

    // The next rounds (the one the finished run asked for, and this one): nothing new is due; and even a look from the
    // beginning finds the expiry done.
    controller.checkAutomations();
    REQUIRE(waitFor([&] { return checked.size() >= 2 && !controller.automationsPending(); }, 30000));
    for (qsizetype i = 1; i < checked.size(); ++i) {
        CHECK(checked.at(i).at(0).toInt() == 0);
    }
    ActionsController another(*ws, data.path() + u"/cache.db"_s); // a second window, or the next start
    QSignalSpy anotherChecked(&another, &ActionsController::automationsChecked);
    another.setCatalog(catalog);
    REQUIRE(waitFor([&] { return !anotherChecked.isEmpty(); }, 30000));
    CHECK(anotherChecked.first().at(0).toInt() == 1); // due...
    CHECK(anotherChecked.first().at(1).toInt() == 0); // ...but done already
    controller.waitForIdle();
    another.waitForIdle();
    CHECK(finished.size() == 1);
}

TEST_CASE("An access request made in the app waits, another desktop's approval lets it go on, and the Runs page says "
          "who approved",
          "[ui][actions][approvals]")
{
    QTemporaryDir data;
    qputenv("PORTOLAN_DATA_DIR", data.path().toLocal8Bit());
    const auto ws = Workspace::open(Workspace::demoPath());
    REQUIRE(ws.ok());
    ActionsController arjun(*ws, data.filePath(u"cache.sqlite"_s));
    arjun.setIdentity(u"user:default/arjun.singh"_s);
    arjun.setCatalog(demoCatalog());
    arjun.setFollowInterval(1); // waiting runs and requests are checked every second here
    RunsPage page;
    page.setController(&arjun);
    QSignalSpy finished(&arjun, &ActionsController::runFinished);

    const ActionTemplate *action = arjun.action(u"request-temporary-access"_s);
    REQUIRE(action);
    CHECK(action->approval.isRequired());
    ActionSubmission submission;
    submission.key = ActionRun::newKey();
    submission.entityRef = u"system:default/fleet-telematics"_s;
    submission.parameters = {{u"target"_s, u"system:default/fleet-telematics"_s},
                             {u"role"_s, u"operator"_s},
                             {u"duration"_s, u"4h"_s},
                             {u"justification"_s, u"INC-2231: the telematics consumer is stuck"_s}};
    arjun.start(*action, submission);
    const auto runOf = [&arjun, &submission]() -> const ActionRun * {
        for (const ActionRun &r : arjun.runs()) {
            if (r.key == submission.key) {
                return &r;
            }
        }
        return nullptr;
    };
    REQUIRE(waitFor([&] { return runOf() && runOf()->status == ActionRun::Status::Waiting; }, 60000));
    page.selectRun(runOf()->id);
    auto *approval = page.findChild<Banner *>(u"runApproval"_s);
    REQUIRE(approval);
    CHECK_FALSE(approval->isHidden());
    CHECK(approval->text().contains(u"Waiting for approval"_s));
    CHECK(approval->text().contains(u"SRE Team"_s));

    // Mei Lin's desktop (another controller on the same approvals repository) sees it waiting for her, and approves.
    ActionsController mei(*ws, data.filePath(u"mei.sqlite"_s));
    mei.setIdentity(u"user:default/mei.lin"_s);
    QSignalSpy approvals(&mei, &ActionsController::approvalsChanged);
    mei.setFollowInterval(1);
    mei.setCatalog(demoCatalog());
    // The run says it waits a moment before its request is on the approvals repository: read until it is.
    REQUIRE(waitFor(
        [&] { return !approvals.isEmpty() && !approvals.last().at(0).value<QList<ApprovalRequest>>().isEmpty(); },
        30000));
    const auto requests = approvals.last().at(0).value<QList<ApprovalRequest>>();
    REQUIRE(requests.size() == 1);
    CHECK(requests.first().awaits(u"user:default/mei.lin"_s));
    QSignalSpy recorded(&mei, &ActionsController::decisionRecorded);
    mei.decide(submission.key, true, u"4h only"_s);
    REQUIRE(waitFor([&] { return !recorded.isEmpty(); }, 30000));

    // Arjun's app goes on by itself.
    REQUIRE(waitFor([&] { return !finished.isEmpty(); }, 60000));
    const ActionRun run = finished.first().at(0).value<ActionRun>();
    INFO(run.error.toStdString());
    CHECK(run.status == ActionRun::Status::Succeeded);
    page.selectRun(run.id);
    CHECK(approval->text().contains(u"Approved"_s));
    CHECK(approval->text().contains(u"Mei Lin approved"_s));
    CHECK(approval->text().contains(u"4h only"_s));
    arjun.waitForIdle();
    mei.waitForIdle();
    qunsetenv("PORTOLAN_DATA_DIR");
}

TEST_CASE("Automations on the app's own events: an entity the sync brings in, then the run that handled it",
          "[ui][actions][automations]")
{
    const Portolan::Test::IsolatedDataDir data;
    QTemporaryDir root;
    const auto write = [&root](const QString &path, const QByteArray &text) {
        QDir().mkpath(QFileInfo(root.filePath(path)).path());
        QFile f(root.filePath(path));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(u"portolan.yaml"_s, "name: Events\nlocations: [catalog/*.yaml]\n");
    write(u"catalog/note.yaml"_s, R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: {name: note}
spec:
  owner: group:default/a
  type: notes
  parameters:
    - title: Note
      properties:
        text: {type: string}
  steps:
    - {id: log, name: Note it, action: debug:log, input: {message: "${{ parameters.text }}"}}
)");
    write(u"automations/events.yaml"_s, R"(id: welcome
on: {entityCreated: {}}
filter: {kind: Resource}
action: note
parameters: {text: "new: ${{ event.entity.ref }}"}
---
id: after-note
on: {runFinished: {action: note, status: succeeded}}
action: note
parameters: {text: "handled run ${{ event.run.id }}"}
)");
    const auto ws = Workspace::open(root.path());
    REQUIRE(ws.ok());
    LoadResult loaded = DescriptorLoader::load(ws->roots());
    std::vector<Entity> entities = loaded.entities;
    const Catalog::Ptr before = Catalog::build(std::move(loaded.entities));
    const FileReadResult read =
        DescriptorReader::readData("apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata: {name: orders-db}\n"
                                   "spec: {type: database, owner: group:default/a}\n",
                                   u"db.yaml"_s, {});
    REQUIRE(read.documents.size() == 1);
    entities.push_back(Entity::fromEnvelope(read.documents.first().root));
    const Catalog::Ptr after = Catalog::build(std::move(entities));

    ActionsController controller(*ws, data.path() + u"/cache.db"_s);
    QSignalSpy finished(&controller, &ActionsController::runFinished);
    controller.setCatalog(before);
    controller.setCatalog(after); // the sync brought a Resource in
    REQUIRE(waitFor([&] { return finished.size() >= 2; }, 30000));
    const ActionRun first = finished.at(0).at(0).value<ActionRun>();
    const ActionRun second = finished.at(1).at(0).value<ActionRun>();
    CHECK(first.trigger.value(u"trigger"_s).toString() == u"entityCreated"_s);
    CHECK(first.parameters.value(u"text"_s).toString() == u"new: resource:default/orders-db"_s);
    CHECK(first.status == ActionRun::Status::Succeeded);
    CHECK(second.trigger.value(u"trigger"_s).toString() == u"runFinished"_s);
    CHECK(second.parameters.value(u"text"_s).toString() == u"handled run %1"_s.arg(first.id));
    // The run the run trigger started does not trigger it again.
    controller.waitForIdle();
    QTest::qWait(1500);
    controller.waitForIdle();
    QCoreApplication::processEvents();
    CHECK(finished.size() == 2);
}

TEST_CASE(
    "A dispatched workflow waiting for a review of its protected environment shows in the Inbox, and a reviewer's "
    "approval from the app goes to GitHub",
    "[ui][actions][approvals][github]")
{
    const Portolan::Test::IsolatedDataDir data;
    Portolan::Test::GitHubTestServer github;
    REQUIRE(github.listen());
    github.setToken(u"gh-inbox-token"_s);
    github.generateRepositories(1); // octocat/service-0001
    github.setProtectedEnvironment(u"deploy.yml"_s, u"production"_s);
    qputenv("PORTOLAN_TEST_INBOX_GITHUB_TOKEN", "gh-inbox-token");
    QTemporaryDir root;
    const auto write = [&root](const QString &path, const QByteArray &text) {
        QDir().mkpath(QFileInfo(root.filePath(path)).path());
        QFile f(root.filePath(path));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(u"portolan.yaml"_s,
          u"name: Reviews\nlocations: [catalog/*.yaml]\ncredentials:\n"
          u"  - {name: github, env: PORTOLAN_TEST_INBOX_GITHUB_TOKEN}\nsources:\n  - id: github\n    type: github\n"
          u"    url: %1\n    credential: github\n    refresh: manual\n    options: {organization: octocat}\n"_s
              .arg(github.url())
              .toUtf8());
    // The reviewers as the catalog knows them: octocat by its GitHub login, the team by its slug.
    write(u"catalog/people.yaml"_s, R"(apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: ana, annotations: {github.com/user-login: octocat}}
spec: {profile: {displayName: Ana Octo, email: ana@example.com}, memberOf: []}
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: dev}
spec: {profile: {displayName: Dev Eloper, email: dev@example.com}, memberOf: [justice]}
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: lee}
spec: {profile: {displayName: Lee Leader, email: lee@example.com}, memberOf: [justice]}
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: justice, title: Justice League, annotations: {github.com/team-slug: octocat/justice-league}}
spec: {type: team, children: []}
)");
    write(u"catalog/deploy.yaml"_s, R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: {name: deploy-production, title: Deploy to production}
spec:
  owner: group:default/justice
  type: service
  parameters: []
  steps:
    - id: deploy
      name: Deploy
      action: github:actions:dispatch
      input:
        repoUrl: github.com?owner=octocat&repo=service-0001
        workflowId: deploy.yml
        branchOrTagName: main
        pollSeconds: 0.1
)");
    const auto ws = Workspace::open(root.path());
    REQUIRE(ws.ok());
    LoadResult loaded = DescriptorLoader::load(ws->roots());
    const Catalog::Ptr catalog = Catalog::build(std::move(loaded.entities));
    REQUIRE(catalog->size() == 5);

    ActionsController dev(*ws, data.path() + u"/cache.db"_s);
    dev.setAutomationsEnabled(false);
    dev.setIdentity(u"user:default/dev"_s);
    dev.setCatalog(catalog);
    QSignalSpy approvals(&dev, &ActionsController::approvalsChanged);
    QSignalSpy finished(&dev, &ActionsController::runFinished);
    const ActionTemplate *action = dev.action(u"deploy-production"_s);
    REQUIRE(action);
    ActionSubmission submission;
    submission.key = ActionRun::newKey();
    dev.start(*action, submission);
    const auto review = [&]() -> std::optional<ApprovalRequest> {
        for (const ApprovalRequest &r : dev.approvals()) {
            if (r.runKey == submission.key && r.onPlatform()) {
                return r;
            }
        }
        return std::nullopt;
    };
    REQUIRE(waitFor([&] { return review().has_value(); }, 30000));
    const ApprovalRequest request = *review();
    CHECK(request.title == u"Deploy to production"_s);
    CHECK(request.requester == u"user:default/dev"_s);
    CHECK(request.reviewUrl.endsWith(u"/actions/runs/%1"_s.arg(github.workflowRuns().first().id)));
    CHECK(request.summary.contains(u"The deployment to production waits for a required reviewer on GitHub"_s));
    CHECK(request.itemLabels == QStringList({u"Ana Octo"_s, u"Justice League"_s}));
    CHECK(request.awaits(u"user:default/lee"_s)); // a member of the reviewing team
    CHECK(request.awaits(u"user:default/ana"_s));
    CHECK_FALSE(request.awaits(u"user:default/dev"_s)); // who asked

    // The requester's Inbox says whom it waits for on GitHub.
    InboxPage inbox;
    inbox.setApprovals(dev.approvals(), u"user:default/dev"_s);
    auto *requests = inbox.findChild<QTreeWidget *>(u"inboxRequestsView"_s);
    REQUIRE(requests);
    REQUIRE(requests->topLevelItemCount() == 1);
    CHECK(requests->topLevelItem(0)->text(3) == u"Waiting for a review on GitHub by Ana Octo or Justice League"_s);
    // A reviewer's Inbox has it waiting for them.
    InboxPage reviewerInbox;
    reviewerInbox.setApprovals(dev.approvals(), u"user:default/lee"_s);
    CHECK(reviewerInbox.sectionCard(InboxPage::Section::Waiting)->title() == u"Waiting for you (1)"_s);

    // Approved from the app (a decision dialog ends in decide()): the review goes to GitHub as the signed-in user,
    // and GitHub checks that they are a required reviewer.
    QSignalSpy recorded(&dev, &ActionsController::decisionRecorded);
    dev.decide(submission.key, true, u"Ship it"_s);
    REQUIRE(waitFor([&] { return !recorded.isEmpty(); }, 30000));
    CHECK(github.workflowRuns().first().review == u"approved"_s);
    CHECK(github.workflowRuns().first().reviewComment == u"Ship it"_s);
    REQUIRE(waitFor([&] { return !finished.isEmpty(); }, 30000));
    CHECK(finished.first().at(0).value<ActionRun>().status == ActionRun::Status::Succeeded);
    // It leaves the Inbox with the wait.
    CHECK_FALSE(review().has_value());
    dev.waitForIdle();
    INFO(github.violations().join(u'\n').toStdString());
    CHECK(github.violations().isEmpty());
    qunsetenv("PORTOLAN_TEST_INBOX_GITHUB_TOKEN");
}
