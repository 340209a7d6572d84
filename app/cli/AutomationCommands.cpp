// portolan-cli's automation commands.
#include "AutomationCommands.h"

#include "ActionCommands.h"
#include "CliSupport.h"
#include "actions/ActionLibrary.h"
#include "actions/ActionSetup.h"
#include "automation/AutomationRunner.h"
#include "cache/CacheDatabase.h"
#include "config/Paths.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QThread>

#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Cli {

namespace {

std::atomic_bool stopping{false};

QString outcomeName(AutomationOutcome::Kind kind)
{
    switch (kind) {
    case AutomationOutcome::Kind::Ran:
        return u"ran"_s;
    case AutomationOutcome::Kind::Held:
        return u"held"_s;
    case AutomationOutcome::Kind::Done:
        return u"done"_s;
    case AutomationOutcome::Kind::Failed:
        return u"failed"_s;
    }
    return {};
}

int automationsList(const QCommandLineParser &parser)
{
    Workspace workspace;
    if (!loadWorkspace(chooseWorkspace(parser), nullptr, nullptr, &workspace)) {
        return Failed;
    }
    const AutomationSet set = AutomationSet::read(workspace.automationPaths());
    for (const Error &e : set.problems) {
        err() << problemLine(e) << Qt::endl;
    }
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const Automation &a : set.automations) {
            array.append(QJsonObject{{u"id"_s, a.id},
                                     {u"title"_s, a.title},
                                     {u"trigger"_s, Automation::triggerName(a.trigger)},
                                     {u"action"_s, a.action},
                                     {u"enabled"_s, a.enabled},
                                     {u"file"_s, a.file}});
        }
        printJson(array);
        return set.problems.isEmpty() ? Ok : Failed;
    }
    if (set.automations.isEmpty()) {
        err() << tr("The workspace has no automations (%1)").arg(workspace.automationPaths().join(u", "_s)) << Qt::endl;
    }
    for (const Automation &a : set.automations) {
        out() << a.id.leftJustified(36) << Automation::triggerName(a.trigger).leftJustified(14)
              << a.action.leftJustified(28) << (a.enabled ? QString() : tr("(disabled)")) << '\n';
    }
    return set.problems.isEmpty() ? Ok : Failed;
}

int automationsRun(const QCommandLineParser &parser)
{
    const bool once = parser.isSet(u"once"_s);
    const bool json = parser.isSet(u"json"_s);
    std::signal(SIGINT, [](int) { stopping.store(true); });
    std::signal(SIGTERM, [](int) { stopping.store(true); });
    QSet<QString> settled; // events this process ran or saw done: not asked again in the next rounds
    int failures = 0;
    QJsonArray report;
    while (true) {
        // The workspace again on every round: its descriptors and the registered sources change.
        Workspace workspace;
        LiveSnapshot::Ptr live;
        const Catalog::Ptr catalog = loadWorkspace(chooseWorkspace(parser), nullptr, &live, &workspace);
        if (!catalog) {
            return Failed;
        }
        const AutomationSet set = AutomationSet::read(workspace.automationPaths());
        for (const Error &e : set.problems) {
            err() << problemLine(e) << Qt::endl;
        }
        StepExecutorRegistry executors;
        const QList<ActionTemplate> actions = ActionLibrary::read(*catalog, executors);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Everything due now (an environment a sync brings in already expired is due too); the lease settles each
        // event once across every desktop and job.
        QList<AutomationEvent> events =
            Automations::dueEvents(set, *catalog, Automations::ttlPolicy(workspace), QDateTime(), now);
        if (live) {
            events += Automations::alertEvents(set, *catalog, *live, now); // as the sources last read them
        }
        events.removeIf([&settled](const AutomationEvent &e) { return settled.contains(e.key); });

        CacheDatabase db;
        if (const auto opened = db.open(Paths::cacheFileFor(workspace.cacheKey())); !opened.ok()) {
            err() << problemLine(opened.error()) << Qt::endl;
            return Failed;
        }
        const auto leases = Automations::leaseStoreFor(workspace);
        Automations::Setup setup;
        setup.automations = &set;
        setup.actions = &actions;
        setup.executors = &executors;
        setup.environment = ActionSetup::environment(workspace, {}, catalog);
        setup.environment.secrets = readSecrets(workspace);
        setup.database = &db;
        setup.leases = leases.get();
        setup.holder = leaseHolder();
        setup.cancel = &stopping;
        if (events.isEmpty() && !json) {
            err() << QCoreApplication::translate("portolan-cli", "Nothing is due (%n automation(s), leases in %1)",
                                                 nullptr, int(set.automations.size()))
                         .arg(leases->describe())
                  << Qt::endl;
        }
        for (const AutomationEvent &event : events) {
            if (stopping.load()) {
                break;
            }
            const AutomationOutcome outcome = Automations::run(setup, event, QDateTime::currentDateTimeUtc());
            if (outcome.kind == AutomationOutcome::Kind::Ran || outcome.kind == AutomationOutcome::Kind::Done) {
                settled.insert(event.key);
            }
            const bool runFailed = outcome.run && outcome.run->status != ActionRun::Status::Succeeded;
            if (outcome.kind == AutomationOutcome::Kind::Failed || runFailed) {
                ++failures;
            }
            if (outcome.run) {
                readRegisteredSources(parser, *outcome.run);
            }
            if (json) {
                QJsonObject o{{u"automation"_s, event.automationId},
                              {u"event"_s, event.key},
                              {u"summary"_s, event.summary},
                              {u"outcome"_s, outcomeName(outcome.kind)},
                              {u"holder"_s, outcome.holder}};
                if (outcome.run) {
                    o.insert(u"run"_s, outcome.run->toJson());
                }
                if (!outcome.error.message.isEmpty()) {
                    o.insert(u"error"_s, problemJson(outcome.error));
                }
                report.append(o);
                continue;
            }
            switch (outcome.kind) {
            case AutomationOutcome::Kind::Ran:
                out() << tr("%1: %2 -> run %3 %4")
                             .arg(event.automationId, event.summary)
                             .arg(outcome.run->id)
                             .arg(ActionRun::statusName(outcome.run->status))
                      << '\n';
                break;
            case AutomationOutcome::Kind::Held:
                out() << tr("%1: %2 -> held by %3").arg(event.automationId, event.summary, outcome.holder) << '\n';
                break;
            case AutomationOutcome::Kind::Done:
                out() << tr("%1: %2 -> done by %3").arg(event.automationId, event.summary, outcome.holder) << '\n';
                break;
            case AutomationOutcome::Kind::Failed:
                out() << tr("%1: %2 -> failed: %3").arg(event.automationId, event.summary, problemLine(outcome.error))
                      << '\n';
                break;
            }
            out().flush();
        }
        if (once || stopping.load()) {
            break;
        }
        for (int i = 0; i < 600 && !stopping.load(); ++i) { // a minute between rounds
            QThread::msleep(100);
        }
        if (stopping.load()) {
            break;
        }
    }
    if (json) {
        printJson(report);
    }
    return failures > 0 ? Failed : Ok;
}

} // namespace

void addAutomationOptions(QCommandLineParser &parser)
{
    parser.addOption({u"once"_s, tr("automations run: one round, then exit (for cron); without it, a round a minute "
                                    "until stopped")});
}

int runAutomationCommand(const QCommandLineParser &parser, const QStringList &args)
{
    if (args.value(1) == u"list"_s && args.size() == 2) {
        return automationsList(parser);
    }
    if (args.value(1) == u"run"_s && args.size() == 2) {
        return automationsRun(parser);
    }
    err() << tr("Unknown command \"%1\"; see --help").arg(args.join(u' ')) << Qt::endl;
    return Usage;
}

} // namespace Portolan::Cli
