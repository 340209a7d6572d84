// Automations: definitions read with their problems placed, the events of schedules and TTLs as the clock moves, and
// three `portolan-cli automations run --once` on three machines (three data folders) racing for one expiry against a
// real git daemon: one decommissions the environment, the other two see the lease.
#include "automation/Automation.h"
#include "automation/AutomationRunner.h"
#include "catalog/DescriptorReader.h"
#include "live/LiveTypes.h"

#include "support/GitDaemon.h"
#include "support/HttpTestServer.h"
#include "support/KubeTestServer.h"
#include "support/TestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;
using Portolan::Test::GitDaemon;

namespace {

Catalog::Ptr catalogOf(const QByteArray &yaml)
{
    const FileReadResult read = DescriptorReader::readData(yaml, u"catalog.yaml"_s, {});
    REQUIRE(read.problems.isEmpty());
    std::vector<Entity> entities;
    for (const auto &document : read.documents) {
        entities.push_back(Entity::fromEnvelope(document.root));
    }
    return Catalog::build(std::move(entities));
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

const QByteArray decommissionTemplate = R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: decommission-environment
  annotations:
    portolan.dev/destructive: "true"
    portolan.dev/allowed-groups: platform-team
spec:
  owner: group:default/platform-team
  type: environment
  parameters:
    - title: Environment
      required: [environment]
      properties:
        environment: { type: string, ui:field: EntityPicker }
  steps:
    - id: remove
      name: Remove the description
      action: publish:gitops
      input:
        repoUrl: ${{ workspace.gitopsRepo }}
        branch: main
        targetPath: environments
        sourcePath: '-'
        commitMessage: 'Decommission ${{ parameters.environment }}'
        remove:
          - '${{ parameters.environment | parseEntityRef | pick("name") }}.yaml'
)";

} // namespace

TEST_CASE("Automation definitions: triggers, filters, parameters: mistakes named with file, line and field",
          "[automations]")
{
    const AutomationSet good = AutomationSet::readData(R"(id: expire
title: Decommission expired environments
on: {ttlExpired: {}}
filter: {kind: Resource, spec.type: [environment, preview]}
action: decommission-environment
parameters: {environment: "${{ event.entity.ref }}"}
---
id: nightly-report
on: {schedule: 1d}
action: post-report
enabled: false
)",
                                                       u"automations/a.yaml"_s);
    INFO(Portolan::Test::describe(good.problems).toStdString());
    REQUIRE(good.problems.isEmpty());
    REQUIRE(good.automations.size() == 2);
    const Automation &expire = good.automations.at(0);
    CHECK(expire.trigger == Automation::Trigger::TtlExpired);
    CHECK(expire.isEntityTrigger());
    CHECK(expire.filter.size() == 2);
    CHECK(expire.parameters.value(u"environment"_s).toString() == u"${{ event.entity.ref }}"_s);
    CHECK(good.automations.at(1).interval == 86400);
    CHECK_FALSE(good.automations.at(1).enabled);
    CHECK(good.automations.at(1).title == u"nightly-report"_s);

    const Catalog::Ptr catalog = catalogOf(R"(apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: {name: preview-a}
spec: {type: environment, owner: group:default/a}
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: {name: db}
spec: {type: database, owner: group:default/a}
)");
    CHECK(expire.matches(catalog->entity(0)));
    CHECK_FALSE(expire.matches(catalog->entity(1)));

    const AutomationSet bad = AutomationSet::readData(R"(id: Not An Id
on: {ttlExpired: {}, schedule: 1h}
action: x
---
id: fine-but-unknown-trigger
on: {whenever: {}}
action: x
---
id: too-often
on: {schedule: 10s}
action: x
---
id: filter-on-a-schedule
on: {schedule: 1h}
filter: {kind: Resource}
colour: blue
)",
                                                      u"automations/bad.yaml"_s);
    CHECK(bad.automations.isEmpty());
    QStringList fields;
    for (const Error &e : bad.problems) {
        CHECK(e.file == u"automations/bad.yaml"_s);
        CHECK(e.line > 0);
        fields << e.field;
    }
    INFO(Portolan::Test::describe(bad.problems).toStdString());
    CHECK(fields
          == QStringList{u"id"_s, u"on"_s, u"on.whenever"_s, u"on.schedule"_s, u"colour"_s, u"action"_s, u"filter"_s});
    CHECK(bad.problems.at(3).line == 10);
}

TEST_CASE("Due events: a schedule's slot once, TTL expiries of the entities the filter takes", "[automations]")
{
    const AutomationSet set = AutomationSet::readData(R"(id: expire
on: {ttlExpired: {}}
filter: {spec.type: environment}
action: decommission-environment
parameters: {environment: "${{ event.entity.ref }}"}
---
id: hourly
on: {schedule: 1h}
action: report
)",
                                                      u"a.yaml"_s);
    REQUIRE(set.problems.isEmpty());
    const Catalog::Ptr catalog = catalogOf(R"(apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: preview-a
  annotations: {portolan.dev/ttl: 4h, portolan.dev/created-at: "2026-11-28T00:00:00Z"}
spec: {type: environment, owner: group:default/a}
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: temp-db
  annotations: {portolan.dev/ttl: 1h, portolan.dev/created-at: "2026-11-28T00:00:00Z"}
spec: {type: database, owner: group:default/a}
)");
    const TtlPolicy policy;
    const auto events = Automations::dueEvents(set, *catalog, policy, {}, utc("2026-11-28T05:10:00Z"));
    REQUIRE(events.size() == 2);
    CHECK(events.at(0).key == u"expire/ttl-expired:resource:default/preview-a@2026-11-28T04:00:00Z"_s);
    CHECK(events.at(0).entityRef == u"resource:default/preview-a"_s);
    CHECK(events.at(0).event.value(u"entity"_s).toObject().value(u"ref"_s).toString() == events.at(0).entityRef);
    CHECK(events.at(1).key == u"hourly/schedule@2026-11-28T05:00:00Z"_s);
    // Ten minutes later: nothing new; at the next hour, the next slot only.
    CHECK(Automations::dueEvents(set, *catalog, policy, utc("2026-11-28T05:10:00Z"), utc("2026-11-28T05:20:00Z"))
              .isEmpty());
    const auto next =
        Automations::dueEvents(set, *catalog, policy, utc("2026-11-28T05:50:00Z"), utc("2026-11-28T06:00:30Z"));
    REQUIRE(next.size() == 1);
    CHECK(next.first().key == u"hourly/schedule@2026-11-28T06:00:00Z"_s);
}

TEST_CASE("Three machines run automations at once: one decommissions the expired environment, two see the lease",
          "[automations][cli][git][kubernetes]")
{
    GitDaemon daemon;
    if (!daemon.start()) {
        FAIL(daemon.error().toStdString());
    }
    const QString created = QDateTime::currentDateTimeUtc().addSecs(-2 * 3600).toString(Qt::ISODate);
    daemon.create(u"platform"_s,
                  {{u"environments/preview-a.yaml"_s,
                    "apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: preview-a\n"
                    "  annotations:\n    portolan.dev/ttl: 1h\n    portolan.dev/created-at: \""
                        + created.toUtf8() + "\"\nspec: {type: environment, owner: group:default/platform-team}\n"}});
    const QString platform = daemon.url(u"platform"_s);
    // Where the leases live: the platform repository, or Lease objects on a Kubernetes API server.
    QString leases = platform;
    Portolan::Test::KubeTestServer kube;
    QTemporaryDir kubeDir;
    QString kubeconfig;
    SECTION("leases on a branch of the platform repository") { }
    SECTION("leases as Lease objects in a namespace of a Kubernetes cluster")
    {
        REQUIRE(kube.listen());
        kubeconfig = Portolan::Test::writeFile(
            kubeDir, u"kubeconfig"_s,
            u"apiVersion: v1\nkind: Config\ncurrent-context: k3s\nclusters:\n- name: k3s\n  cluster:\n    server: %1\n"
            "users:\n- name: cron\n  user: {}\ncontexts:\n- name: k3s\n  context: {cluster: k3s, user: cron}\n"_s
                .arg(kube.url().toString())
                .toUtf8());
        leases = u"kubernetes:k3s/platform-automation"_s;
    }

    QTemporaryDir workspace;
    Portolan::Test::writeFile(workspace, u"portolan.yaml"_s,
                              "name: Race\nlocations: [catalog/*.yaml]\n"
                              "sources:\n  - {id: platform, type: git, url: \""
                                  + platform.toUtf8()
                                  + "\", paths: [environments/*.yaml]}\n"
                                    "actions: {variables: {gitopsRepo: \""
                                  + platform.toUtf8() + "\"}}\nautomations: {leases: \"" + leases.toUtf8() + "\"}\n");
    Portolan::Test::writeFile(workspace, u"catalog/decommission.yaml"_s, decommissionTemplate);
    Portolan::Test::writeFile(workspace, u"automations/expire.yaml"_s,
                              "id: expire\non: {ttlExpired: {}}\nfilter: {spec.type: environment}\n"
                              "action: decommission-environment\n"
                              "parameters: {environment: \"${{ event.entity.ref }}\"}\n");

    // Three machines: each its own data folder, synced once so its cache has the environment.
    std::vector<std::unique_ptr<QTemporaryDir>> machines;
    const auto environmentFor = [&](const QTemporaryDir &data) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PORTOLAN_DATA_DIR"_s, data.path());
        env.insert(u"PORTOLAN_TEST_NO_KEYRING"_s, u"1"_s);
        if (!kubeconfig.isEmpty()) {
            env.insert(u"KUBECONFIG"_s, kubeconfig);
        }
        return env;
    };
    for (int i = 0; i < 3; ++i) {
        machines.push_back(std::make_unique<QTemporaryDir>());
        QProcess sync;
        sync.setProcessEnvironment(environmentFor(*machines.back()));
        sync.start(QStringLiteral(PORTOLAN_CLI), {u"sync"_s, u"--workspace"_s, workspace.path()});
        REQUIRE(sync.waitForFinished(60000));
        INFO(sync.readAllStandardError().toStdString());
        REQUIRE(sync.exitCode() == 0);
    }
    std::vector<std::unique_ptr<QProcess>> racers;
    for (const auto &data : machines) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(environmentFor(*data));
        p->start(QStringLiteral(PORTOLAN_CLI),
                 {u"automations"_s, u"run"_s, u"--once"_s, u"--workspace"_s, workspace.path()});
        racers.push_back(std::move(p));
    }
    QStringList lines;
    // The Kubernetes test server answers on this thread: wait with the event loop running.
    REQUIRE(Portolan::Test::spinUntil(
        [&racers] {
            return std::all_of(racers.cbegin(), racers.cend(),
                               [](const auto &p) { return p->state() == QProcess::NotRunning; });
        },
        120000));
    for (auto &p : racers) {
        const QString out = QString::fromUtf8(p->readAllStandardOutput()).trimmed();
        INFO(out.toStdString() << "\n" << p->readAllStandardError().toStdString());
        CHECK(p->exitCode() == 0);
        lines << out;
        std::printf("%s\n", qPrintable(out));
    }
    CHECK(lines.filter(u"-> run 1 succeeded"_s).size() == 1);
    CHECK(lines.filter(u"-> held by"_s).size() + lines.filter(u"-> done by"_s).size() == 2);
    for (const QString &line : lines) {
        CHECK(line.startsWith(u"expire: resource:default/preview-a expired at"_s));
    }
    // One decommission commit on the platform repository, the description gone.
    const QString log = daemon.git({u"log"_s, u"--format=%s"_s, u"main"_s}, daemon.barePath(u"platform"_s));
    CHECK(log.count(u"Decommission resource:default/preview-a"_s) == 1);
    CHECK(daemon.git({u"ls-tree"_s, u"-r"_s, u"--name-only"_s, u"main"_s}, daemon.barePath(u"platform"_s))
              .trimmed()
              .isEmpty());

    if (!kubeconfig.isEmpty()) {
        // One Lease for the event, finished by the machine that ran it.
        REQUIRE(kube.objectCount(u"leases"_s) == 1);
        const QString winner = lines.filter(u"-> run 1 succeeded"_s).value(0);
        CHECK(kube.violations().isEmpty());
        CHECK_FALSE(winner.isEmpty());
    }

    // A cron job later: the expiry is done, nothing runs again.
    QProcess later;
    later.setProcessEnvironment(environmentFor(*machines.front()));
    later.start(QStringLiteral(PORTOLAN_CLI),
                {u"automations"_s, u"run"_s, u"--once"_s, u"--workspace"_s, workspace.path()});
    REQUIRE(Portolan::Test::spinUntil([&later] { return later.state() == QProcess::NotRunning; }, 60000));
    const QString again = QString::fromUtf8(later.readAllStandardOutput());
    INFO(again.toStdString());
    CHECK((again.contains(u"-> done by"_s) || again.trimmed().isEmpty()));
    CHECK_FALSE(again.contains(u"-> run"_s));
}

TEST_CASE("The app's own events: entities created, changed and deleted, and finished runs, keyed by what happened",
          "[automations]")
{
    const AutomationSet set = AutomationSet::readData(R"(id: on-new
on: {entityCreated: {}}
filter: {kind: Resource}
action: note
---
id: on-change
on: {entityChanged: {}}
action: note
---
id: on-delete
on: {entityDeleted: {}}
action: note
---
id: on-failure
on: {runFinished: {action: create-service, status: failed}}
action: note
)",
                                                      u"automations.yaml"_s);
    INFO(Portolan::Test::describe(set.problems).toStdString());
    REQUIRE(set.problems.isEmpty());
    const Catalog::Ptr before = catalogOf(R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: a, description: first}
spec: {type: service, owner: t, lifecycle: production}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: gone}
spec: {type: service, owner: t, lifecycle: production}
)");
    const Catalog::Ptr after = catalogOf(R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: a, description: second}
spec: {type: service, owner: t, lifecycle: production}
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: {name: db}
spec: {type: database, owner: t}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: new-service}
spec: {type: service, owner: t, lifecycle: production}
)");
    const QDateTime now = utc("2026-11-28T10:00:00Z");
    const QList<AutomationEvent> events = Automations::entityEvents(set, *before, *after, now);
    QStringList keys;
    for (const AutomationEvent &e : events) {
        keys << e.key.section(u'@', 0, 0);
    }
    keys.sort();
    // The new Component is not a Resource: only the Resource is "new" for on-new.
    CHECK(keys
          == QStringList{u"on-change/entityChanged:component:default/a"_s,
                         u"on-delete/entityDeleted:component:default/gone"_s,
                         u"on-new/entityCreated:resource:default/db"_s});
    for (const AutomationEvent &e : events) {
        CHECK(e.event.value("entity"_L1).toObject().value("ref"_L1).toString() == e.entityRef);
    }
    // Another desktop seeing the same change makes the same keys, whenever it looks.
    QStringList again;
    for (const AutomationEvent &e : Automations::entityEvents(set, *before, *after, now.addSecs(3600))) {
        again << e.key;
    }
    QStringList first;
    for (const AutomationEvent &e : events) {
        first << e.key;
    }
    CHECK(again == first);
    CHECK(Automations::entityEvents(set, *after, *after, now).isEmpty());

    ActionRun run;
    run.id = 7;
    run.key = u"k-7"_s;
    run.templateId = u"template:default/create-service"_s;
    run.templateTitle = u"Create a backend service"_s;
    run.status = ActionRun::Status::Succeeded;
    CHECK(Automations::runEvents(set, run, now).isEmpty()); // only failures
    run.status = ActionRun::Status::Failed;
    const QList<AutomationEvent> failed = Automations::runEvents(set, run, now);
    REQUIRE(failed.size() == 1);
    CHECK(failed.first().key == u"on-failure/runFinished:k-7"_s);
    CHECK(failed.first().event.value("run"_L1).toObject().value("status"_L1).toString() == u"failed"_s);
    run.trigger = {{u"trigger"_s, u"runFinished"_s}}; // started by a run trigger: never triggers again
    CHECK(Automations::runEvents(set, run, now).isEmpty());
}

#ifdef PORTOLAN_GUI
TEST_CASE("A critical alert that fires starts an automation once per firing, with the alert in its event",
          "[automations]")
{
    const AutomationSet set = AutomationSet::readData(R"(id: kill-switch
title: Switch the new pricing off when booking fails
on: {alertFiring: {severity: critical}}
filter: {kind: Component}
action: toggle-flag
parameters:
  flag: "${{ event.entity.name }}.new-pricing"
  enabled: false
)",
                                                      u"automations.yaml"_s);
    INFO(Portolan::Test::describe(set.problems).toStdString());
    REQUIRE(set.problems.isEmpty());
    REQUIRE(set.automations.at(0).trigger == Automation::Trigger::AlertFiring);
    const Catalog::Ptr catalog = catalogOf(R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: booking-api}
spec: {type: service, owner: t, lifecycle: production}
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: {name: booking-db}
spec: {type: database, owner: t}
)");
    AlertInfo critical;
    critical.name = u"BookingApiHighErrorRate"_s;
    critical.state = u"firing"_s;
    critical.severity = u"critical"_s;
    critical.summary = u"booking-api is failing 8.2% of requests"_s;
    critical.labels = {u"alertname=BookingApiHighErrorRate"_s, u"service=booking-api"_s, u"severity=critical"_s};
    critical.activeSince = utc("2026-11-29T07:01:26Z");
    AlertInfo warning = critical;
    warning.name = u"BookingApiSlow"_s;
    warning.severity = u"warning"_s;
    AlertInfo silenced = critical;
    silenced.name = u"BookingApiSilenced"_s;
    silenced.state = u"suppressed"_s;
    LiveSnapshot live;
    live.ops[u"component:default/booking-api"_s].alerts = {critical, warning, silenced};
    live.ops[u"resource:default/booking-db"_s].alerts = {critical}; // the filter takes components only
    const QDateTime now = utc("2026-11-29T07:05:00Z");

    const QList<AutomationEvent> events = Automations::alertEvents(set, *catalog, live, now);
    REQUIRE(events.size() == 1);
    const AutomationEvent &e = events.at(0);
    CHECK(e.entityRef == u"component:default/booking-api"_s);
    CHECK(e.event.value("alert"_L1).toObject().value("name"_L1).toString() == u"BookingApiHighErrorRate"_s);
    CHECK(e.event.value("alert"_L1).toObject().value("severity"_L1).toString() == u"critical"_s);
    CHECK(e.event.value("entity"_L1).toObject().value("name"_L1).toString() == u"booking-api"_s);
    CHECK(e.summary.contains(u"BookingApiHighErrorRate"_s));
    // Seen again later (another round, another desktop): the same key, so the lease runs it once.
    const QList<AutomationEvent> again = Automations::alertEvents(set, *catalog, live, now.addSecs(600));
    REQUIRE(again.size() == 1);
    CHECK(again.at(0).key == e.key);
    // Resolved and firing anew: a new key.
    live.ops[u"component:default/booking-api"_s].alerts[0].activeSince = utc("2026-11-29T09:00:00Z");
    const QList<AutomationEvent> anew = Automations::alertEvents(set, *catalog, live, now.addSecs(7200));
    REQUIRE(anew.size() == 1);
    CHECK(anew.at(0).key != e.key);
}

TEST_CASE("Two desktop apps and a cron job race for an expiry: the termination runs once",
          "[automations][cli][gui][git]")
{
    GitDaemon daemon;
    if (!daemon.start()) {
        FAIL(daemon.error().toStdString());
    }
    const QString created = QDateTime::currentDateTimeUtc().addSecs(-2 * 3600).toString(Qt::ISODate);
    daemon.create(u"platform"_s,
                  {{u"environments/preview-b.yaml"_s,
                    "apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: preview-b\n"
                    "  annotations:\n    portolan.dev/ttl: 1h\n    portolan.dev/created-at: \""
                        + created.toUtf8() + "\"\nspec: {type: environment, owner: group:default/platform-team}\n"}});
    const QString platform = daemon.url(u"platform"_s);
    QTemporaryDir workspace;
    Portolan::Test::writeFile(workspace, u"portolan.yaml"_s,
                              "name: Race\nlocations: [catalog/*.yaml]\n"
                              "sources:\n  - {id: platform, type: git, url: \""
                                  + platform.toUtf8()
                                  + "\", paths: [environments/*.yaml]}\n"
                                    "actions: {variables: {gitopsRepo: \""
                                  + platform.toUtf8() + "\"}}\nautomations: {leases: \"" + platform.toUtf8() + "\"}\n");
    Portolan::Test::writeFile(workspace, u"catalog/decommission.yaml"_s, decommissionTemplate);
    Portolan::Test::writeFile(workspace, u"automations/expire.yaml"_s,
                              "id: expire\non: {ttlExpired: {}}\nfilter: {spec.type: environment}\n"
                              "action: decommission-environment\n"
                              "parameters: {environment: \"${{ event.entity.ref }}\"}\n");

    // Three machines, each with its own data folder: two run the app (which syncs, then runs what is due), one a
    // cron job (synced first, as its cron line would).
    QTemporaryDir appA;
    QTemporaryDir appB;
    QTemporaryDir cron;
    const auto environmentFor = [](const QTemporaryDir &data) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PORTOLAN_DATA_DIR"_s, data.path());
        env.insert(u"PORTOLAN_TEST_NO_KEYRING"_s, u"1"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"QT_LOGGING_RULES"_s, u"portolan.ui.actions.info=true"_s);
        return env;
    };
    QProcess sync;
    sync.setProcessEnvironment(environmentFor(cron));
    sync.start(QStringLiteral(PORTOLAN_CLI), {u"sync"_s, u"--workspace"_s, workspace.path()});
    REQUIRE(sync.waitForFinished(60000));
    REQUIRE(sync.exitCode() == 0);

    std::vector<std::unique_ptr<QProcess>> apps;
    for (const QTemporaryDir *data : {&appA, &appB}) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(environmentFor(*data));
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(QStringLiteral(PORTOLAN_GUI), {u"--workspace"_s, workspace.path()});
        REQUIRE(p->waitForStarted(30000));
        apps.push_back(std::move(p));
    }
    // Both apps have the environment (their sync read it) before the cron job starts: an app that syncs only after
    // the job's decommission rightly finds nothing to terminate, and would say nothing.
    QStringList buffers(2);
    const auto readApps = [&apps, &buffers] {
        for (int i = 0; i < 2; ++i) {
            apps.at(i)->waitForReadyRead(100);
            buffers[i] += QString::fromUtf8(apps.at(i)->readAll());
        }
    };
    const QString synced = u"source \"platform\" synced: 1 entities"_s;
    QElapsedTimer syncing;
    syncing.start();
    while (syncing.elapsed() < 120000 && !(buffers.at(0).contains(synced) && buffers.at(1).contains(synced))) {
        readApps();
    }
    INFO(buffers.join(u"\n---\n"_s).toStdString());
    REQUIRE(buffers.at(0).contains(synced));
    REQUIRE(buffers.at(1).contains(synced));
    QProcess job;
    job.setProcessEnvironment(environmentFor(cron));
    job.start(QStringLiteral(PORTOLAN_CLI),
              {u"automations"_s, u"run"_s, u"--once"_s, u"--workspace"_s, workspace.path()});
    REQUIRE(job.waitForFinished(120000));
    const QString jobOut = QString::fromUtf8(job.readAllStandardOutput()).trimmed();
    INFO(jobOut.toStdString() << "\n" << job.readAllStandardError().toStdString());
    CHECK(job.exitCode() == 0);

    // Each app says what became of the event once its first round after the sync reached it.
    QStringList appLines(2);
    QElapsedTimer waited;
    waited.start();
    static const QRegularExpression outcome(u"automation expire/ttl-expired:[^\\n]*"_s);
    while (waited.elapsed() < 120000 && (appLines.at(0).isEmpty() || appLines.at(1).isEmpty())) {
        readApps();
        for (int i = 0; i < 2; ++i) {
            if (appLines.at(i).isEmpty()) {
                if (const auto m = outcome.match(buffers.at(i)); m.hasMatch()) {
                    appLines[i] = m.captured(0).trimmed();
                }
            }
        }
    }
    for (auto &app : apps) {
        app->terminate();
        if (!app->waitForFinished(15000)) {
            app->kill();
            app->waitForFinished(5000);
        }
    }
    const QStringList lines = QStringList{jobOut} + appLines;
    for (const QString &line : lines) {
        std::printf("%s\n", qPrintable(line));
    }
    REQUIRE_FALSE(appLines.at(0).isEmpty());
    REQUIRE_FALSE(appLines.at(1).isEmpty());
    // Exactly one of the three ran the termination; the other two found it held or done.
    const int ran = int(lines.filter(u"ran run"_s).size() + lines.filter(u"-> run "_s).size());
    CHECK(ran == 1);
    CHECK(lines.filter(u"held by"_s).size() + lines.filter(u"done by"_s).size() == 2);
    const QString log = daemon.git({u"log"_s, u"--format=%s"_s, u"main"_s}, daemon.barePath(u"platform"_s));
    CHECK(log.count(u"Decommission resource:default/preview-b"_s) == 1);
}
#endif
