// portolan-cli's action commands: the same action runner as the GUI's wizards, for scripts and CI.
#include "ActionCommands.h"

#include "CliSupport.h"
#include "actions/ActionGuards.h"
#include "actions/ActionLibrary.h"
#include "actions/ActionRunner.h"
#include "actions/ActionSetup.h"
#include "actions/ParameterForm.h"
#include "actions/TemplateExpression.h"
#include "auth/TokenStore.h"
#include "config/Paths.h"
#include "scorecards/ScorecardEngine.h"
#include "sync/SyncService.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QThread>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Cli {

namespace {

std::atomic_bool interrupted{false};

struct Loaded
{
    Workspace workspace;
    Catalog::Ptr catalog;
    LiveSnapshot::Ptr live;
    StepExecutorRegistry executors;
    QList<ActionTemplate> actions;
};

std::unique_ptr<Loaded> load(const QCommandLineParser &parser)
{
    auto loaded = std::make_unique<Loaded>();
    loaded->catalog = loadWorkspace(chooseWorkspace(parser), nullptr, &loaded->live, &loaded->workspace);
    if (!loaded->catalog) {
        return nullptr;
    }
    loaded->actions = ActionLibrary::read(*loaded->catalog, loaded->executors);
    return loaded;
}

const ActionTemplate *findAction(const Loaded &loaded, const QString &id)
{
    const ActionTemplate *action = ActionLibrary::find(loaded.actions, id);
    if (!action) {
        QStringList names;
        for (const ActionTemplate &a : loaded.actions) {
            names.append(a.ref.name);
        }
        err() << tr("No action \"%1\"; there are: %2").arg(id, names.join(u", "_s)) << Qt::endl;
    }
    return action;
}

QStringList secretFields(const ParameterForm &form, const QJsonObject &values)
{
    QStringList paths;
    std::function<void(const QList<FormField> &)> walk = [&](const QList<FormField> &fields) {
        for (const FormField &f : fields) {
            if (f.secret) {
                paths.append(f.path);
            }
            walk(f.children);
        }
    };
    for (qsizetype p = 0; p < form.pageCount(); ++p) {
        walk(form.fields(p, values));
    }
    return paths;
}

QJsonObject actionJson(const ActionTemplate &a, const ParameterForm &form)
{
    QJsonObject o{{u"id"_s, a.id},
                  {u"name"_s, a.ref.name},
                  {u"title"_s, a.displayName()},
                  {u"description"_s, a.description},
                  {u"category"_s, a.category},
                  {u"owner"_s, a.owner},
                  {u"runnable"_s, a.runnable()}};
    if (a.isEntityScoped()) {
        o.insert(u"entityKinds"_s, QJsonArray::fromStringList(a.guard.entityKinds));
    }
    QJsonArray steps;
    for (const TemplateStep &s : a.steps) {
        steps.append(QJsonObject{{u"id"_s, s.id}, {u"name"_s, s.name}, {u"action"_s, s.action}});
    }
    o.insert(u"steps"_s, steps);
    QJsonArray pages;
    for (qsizetype p = 0; p < form.pageCount(); ++p) {
        QJsonArray fields;
        for (const FormField &f : form.fields(p)) {
            QJsonObject field{{u"path"_s, f.path},
                              {u"title"_s, f.displayTitle()},
                              {u"type"_s, FormField::typeName(f.type)},
                              {u"widget"_s, FormField::widgetName(f.widget)},
                              {u"required"_s, f.required}};
            if (!f.defaultValue.isUndefined()) {
                field.insert(u"default"_s, f.defaultValue);
            }
            if (!f.enumValues.isEmpty()) {
                field.insert(u"enum"_s, f.enumValues);
            }
            fields.append(field);
        }
        QJsonObject page{{u"title"_s, form.page(p).title}, {u"fields"_s, fields}};
        if (!form.page(p).when.isEmpty()) {
            page.insert(u"when"_s, form.page(p).when);
        }
        pages.append(page);
    }
    o.insert(u"pages"_s, pages);
    QJsonArray problems;
    for (const Error &e : a.problems) {
        problems.append(problemJson(e));
    }
    if (!problems.isEmpty()) {
        o.insert(u"problems"_s, problems);
    }
    return o;
}

int actionList(const QCommandLineParser &parser)
{
    const auto loaded = load(parser);
    if (!loaded) {
        return Failed;
    }
    const bool json = parser.isSet(u"json"_s);
    QJsonArray list;
    for (const ActionTemplate &a : loaded->actions) {
        const ParameterForm form(a);
        if (json) {
            list.append(actionJson(a, form));
            continue;
        }
        QString scope = a.isEntityScoped() ? tr("on %1").arg(a.guard.entityKinds.join(u", "_s)) : tr("global");
        out() << u"%1  %2  %3  %4"_s.arg(a.ref.name.leftJustified(32), a.category.leftJustified(14),
                                         scope.leftJustified(20), a.displayName())
              << '\n';
        for (const Error &e : a.problems) {
            if (e.isError()) {
                out() << u"    "_s << tr("cannot run: %1").arg(problemLine(e)) << '\n';
            }
        }
    }
    if (json) {
        printJson(list);
    } else if (loaded->actions.isEmpty()) {
        err() << tr("The workspace has no actions (Template entities)") << Qt::endl;
    }
    out().flush();
    return Ok;
}

int actionShow(const QCommandLineParser &parser, const QString &id)
{
    const auto loaded = load(parser);
    if (!loaded) {
        return Failed;
    }
    const ActionTemplate *action = findAction(*loaded, id);
    if (!action) {
        return Failed;
    }
    const ParameterForm form(*action);
    if (parser.isSet(u"json"_s)) {
        printJson(actionJson(*action, form));
        return Ok;
    }
    out() << action->displayName() << u"  ("_s << action->id << u")\n"_s;
    if (!action->description.isEmpty()) {
        out() << action->description.trimmed() << '\n';
    }
    for (qsizetype p = 0; p < form.pageCount(); ++p) {
        out() << '\n' << tr("Page %1: %2").arg(p + 1).arg(form.page(p).title);
        if (!form.page(p).when.isEmpty()) {
            out() << u"  "_s << tr("(when %1)").arg(form.page(p).when);
        }
        out() << '\n';
        for (const FormField &f : form.fields(p)) {
            QString line = u"  --param %1=<%2>"_s.arg(f.path, FormField::typeName(f.type));
            if (f.required) {
                line += u"  "_s + tr("required");
            }
            if (!f.enumValues.isEmpty()) {
                QStringList values;
                for (const QJsonValue &v : f.enumValues) {
                    values.append(TemplateExpression::toText(v));
                }
                line += u"  "_s + tr("one of %1").arg(values.join(u", "_s));
            }
            if (!f.defaultValue.isUndefined()) {
                line += u"  "_s + tr("default %1").arg(TemplateExpression::toText(f.defaultValue));
            }
            out() << line << u"  "_s << f.displayTitle() << '\n';
        }
    }
    out() << '\n' << tr("Steps:") << '\n';
    for (const TemplateStep &s : action->steps) {
        out() << u"  %1  %2  %3"_s.arg(s.id.leftJustified(20), s.action.leftJustified(26), s.name) << '\n';
    }
    for (const Error &e : action->problems) {
        out() << problemLine(e) << '\n';
    }
    out().flush();
    return Ok;
}

std::optional<ActionRun> findRun(const RunStore &store, const QString &id);

// Runs the stored run to its end, or to its approval gate; with --wait, checks the gate again every 10 seconds
// until approvers decide (Ctrl+C stops waiting: the run stays waiting, and `run resume` goes on later).
Result<ActionRun> executeRun(const QCommandLineParser &parser, ActionRunner &runner, const ActionTemplate &action,
                             qint64 runId, const QJsonObject &parameters, const ActionRunner::Changed &progress)
{
    auto run = runner.execute(runId, action, parameters, &interrupted, progress);
    bool told = false;
    // While waiting, the app may be checking the same gate at this moment (the run is then busy for a blink).
    const auto waiting = [&run] {
        return run.ok() ? run->status == ActionRun::Status::Waiting : run.error().code == Error::Code::Busy;
    };
    while (waiting() && parser.isSet(u"wait"_s) && !interrupted.load()) {
        if (!told) {
            if (run.ok()) {
                err() << tr("Waiting for approval; checking every 10 seconds (Ctrl+C stops waiting, the run stays)")
                      << Qt::endl;
            } else {
                err() << tr("%1; checking every 10 seconds (Ctrl+C stops waiting)").arg(run.error().message)
                      << Qt::endl;
            }
            told = true;
        }
        for (int i = 0; i < 100 && !interrupted.load(); ++i) {
            QThread::msleep(100);
        }
        run = runner.execute(runId, action, parameters, &interrupted, progress);
    }
    return run;
}

// The exit code of a run as it ended: waiting for approval is neither done nor failed.
int exitCodeOf(const ActionRun &run)
{
    switch (run.status) {
    case ActionRun::Status::Succeeded:
        return Ok;
    case ActionRun::Status::Waiting:
        return Waiting;
    case ActionRun::Status::Queued:
    case ActionRun::Status::Running:
    case ActionRun::Status::Failed:
    case ActionRun::Status::Cancelled:
        break;
    }
    return Failed;
}

int actionRun(const QCommandLineParser &parser, const QString &id)
{
    const auto loaded = load(parser);
    if (!loaded) {
        return Failed;
    }
    const ActionTemplate *action = findAction(*loaded, id);
    if (!action) {
        return Failed;
    }
    const bool json = parser.isSet(u"json"_s);
    const ParameterForm form(*action);

    const Entity *target = nullptr;
    if (parser.isSet(u"entity"_s)) {
        const int index = loaded->catalog->find(parser.value(u"entity"_s));
        if (index < 0) {
            err() << tr("No entity \"%1\" in the catalog").arg(parser.value(u"entity"_s)) << Qt::endl;
            return Failed;
        }
        target = &loaded->catalog->entity(index);
    }
    QJsonObject initial;
    if (target && !action->guard.entityParameter.isEmpty()) {
        initial.insert(action->guard.entityParameter, target->refString());
    }
    const auto assigned = form.parseAssignments(parser.values(u"param"_s), initial);
    if (!assigned.ok()) {
        err() << problemLine(assigned.error()) << Qt::endl;
        return Usage;
    }
    const QJsonObject values = form.withDefaults(*assigned);
    const ErrorList invalid = form.validate(values);
    bool blocked = false;
    for (const Error &e : invalid) {
        err() << tr("--param %1: %2").arg(e.field, e.message) << Qt::endl;
        blocked = blocked || e.isError();
    }
    if (blocked) {
        return Usage;
    }

    const ActionUser user = ActionGuards::identify(*loaded->catalog, ActionGuards::localHints());
    const ActionGuard guard = ActionGuards::effective(*action, loaded->workspace.actions);
    std::shared_ptr<const ScorecardResults> scores;
    if (!guard.levels().isEmpty() && target) {
        ScorecardEngine engine;
        ScorecardSet set = ScorecardSet::read(loaded->workspace.scorecardPaths());
        scores = engine.update(set, loaded->catalog, loaded->live, QDateTime::currentDateTimeUtc());
    }
    const GuardCheck check = ActionGuards::check(*action, guard, user, *loaded->catalog, target, scores.get());
    for (const ActionBlocker &b : check.blockers) {
        err() << tr("Blocked: %1").arg(b.reason) << Qt::endl << u"  "_s << b.unblock << Qt::endl;
    }
    if (!check.allowed()) {
        return Failed;
    }

    ActionEnvironment environment = ActionSetup::environment(loaded->workspace, user, loaded->catalog);
    environment.secrets = readSecrets(loaded->workspace);
    CacheDatabase db;
    if (const auto opened = db.open(Paths::cacheFileFor(loaded->workspace.cacheKey())); !opened.ok()) {
        err() << problemLine(opened.error()) << Qt::endl;
        return Failed;
    }
    ActionRunner runner(db, loaded->executors, environment);
    ActionSubmission submission;
    submission.key = parser.isSet(u"idempotency-key"_s) ? parser.value(u"idempotency-key"_s) : ActionRun::newKey();
    submission.parameters = values;
    submission.secretFields = secretFields(form, values);
    submission.entityRef = target ? target->refString() : QString();
    submission.dryRun = parser.isSet(u"dry-run"_s);

    if (check.destructive) {
        const QJsonObject ctx = runner.context(ActionRun{}, values);
        const auto wanted = TemplateExpression::render(check.confirmText, ctx);
        const QString text = wanted.ok() ? *wanted : check.confirmText;
        if (!submission.dryRun && parser.value(u"confirm"_s) != text) {
            err() << tr("%1 is destructive: pass --confirm \"%2\" to run it").arg(action->displayName(), text)
                  << Qt::endl;
            return Usage;
        }
    }

    if (submission.dryRun) {
        const QList<PlannedStep> plan = runner.plan(*action, submission);
        QJsonArray steps;
        bool problems = false;
        for (const PlannedStep &p : plan) {
            problems = problems || !p.problems.isEmpty();
            if (json) {
                QJsonArray ps;
                for (const Error &e : p.problems) {
                    ps.append(problemJson(e));
                }
                steps.append(QJsonObject{{u"id"_s, p.id},
                                         {u"name"_s, p.name},
                                         {u"action"_s, p.action},
                                         {u"skipped"_s, p.skipped},
                                         {u"input"_s, p.input},
                                         {u"method"_s, p.preview.method},
                                         {u"target"_s, p.preview.target},
                                         {u"body"_s, p.preview.body},
                                         {u"notes"_s, QJsonArray::fromStringList(p.preview.notes)},
                                         {u"problems"_s, ps}});
                continue;
            }
            out() << u"== %1 (%2)"_s.arg(p.name, p.action);
            if (p.skipped) {
                out() << u"  "_s << tr("skipped: its condition is false") << '\n';
                continue;
            }
            out() << '\n' << u"   "_s << p.preview.method << u" -> "_s << p.preview.target << '\n';
            for (const QString &note : p.preview.notes) {
                out() << u"   "_s << note << '\n';
            }
            if (!p.preview.body.isEmpty()) {
                for (const QString &line : p.preview.body.split(u'\n')) {
                    out() << u"   | "_s << line << '\n';
                }
            }
            for (const Error &e : p.problems) {
                out() << u"   "_s << problemLine(e) << '\n';
            }
        }
        if (json) {
            printJson(QJsonObject{{u"action"_s, action->id},
                                  {u"parameters"_s, ActionRunner::maskParameters(values, submission.secretFields)},
                                  {u"steps"_s, steps}});
        }
        out().flush();
        return problems ? Failed : Ok;
    }

    const auto submitted = runner.submit(*action, submission);
    if (!submitted.ok()) {
        err() << problemLine(submitted.error()) << Qt::endl;
        if (!submitted.error().detail.isEmpty()) {
            err() << u"  "_s << submitted.error().detail << Qt::endl;
        }
        return Failed;
    }
    if (!submitted->created) {
        err() << tr("A run with this idempotency key exists (run %1); not submitting again").arg(submitted->run.id)
              << Qt::endl;
    }
    std::signal(SIGINT, [](int) { interrupted.store(true); });
    QHash<QString, StepRecord::Status> shown;
    QSet<QString> reviewing; // steps whose wait for a review on the platform was told
    const auto progress = [&shown, &reviewing, json](const ActionRun &run) {
        if (json) {
            return;
        }
        for (const StepRecord &s : run.steps) {
            if (shown.value(s.id, StepRecord::Status::Pending) != s.status) {
                shown.insert(s.id, s.status);
                err() << u"[%1] %2"_s.arg(StepRecord::statusName(s.status), s.name) << Qt::endl;
            }
            // A dispatched workflow waiting for a required reviewer: the step's last log line says who, and how.
            const bool waits = s.state.contains("pendingDeployments"_L1);
            if (waits && !reviewing.contains(s.id)) {
                const QString line = s.log.trimmed().section(u'\n', -1);
                err() << u"[%1] %2: %3"_s.arg(tr("waiting for review"), s.name, line.section(u' ', 1)) << Qt::endl;
            }
            if (waits) {
                reviewing.insert(s.id);
            } else {
                reviewing.remove(s.id);
            }
        }
    };
    const auto finished = executeRun(parser, runner, *action, submitted->run.id, submission.parameters, progress);
    if (!finished.ok()) {
        err() << problemLine(finished.error()) << Qt::endl;
        return Failed;
    }
    readRegisteredSources(parser, *finished);
    if (json) {
        printJson(finished->toJson());
    } else {
        printRun(*finished, false);
    }
    return exitCodeOf(*finished);
}

// `run resume ID`: goes on with a stored run that is waiting for approval (or was cut off): checks the approvers'
// decisions and, once approved, runs the rest. Secret inputs are never stored, so a step that needs one fails saying
// so.
int runResume(const QCommandLineParser &parser, const QString &id)
{
    const auto loaded = load(parser);
    if (!loaded) {
        return Failed;
    }
    CacheDatabase db;
    if (const auto opened = db.open(Paths::cacheFileFor(loaded->workspace.cacheKey())); !opened.ok()) {
        err() << problemLine(opened.error()) << Qt::endl;
        return Failed;
    }
    const auto run = findRun(RunStore(db), id);
    if (!run) {
        err() << tr("No run \"%1\"").arg(id) << Qt::endl;
        return Failed;
    }
    if (run->isFinished()) {
        err() << tr("Run %1 has ended (%2); nothing to resume").arg(run->id).arg(ActionRun::statusName(run->status))
              << Qt::endl;
        printRun(*run, false);
        return exitCodeOf(*run);
    }
    const ActionTemplate *action = findAction(*loaded, run->templateId);
    if (!action) {
        return Failed;
    }
    const ActionUser user = ActionGuards::identify(*loaded->catalog, ActionGuards::localHints());
    ActionEnvironment environment = ActionSetup::environment(loaded->workspace, user, loaded->catalog);
    environment.secrets = readSecrets(loaded->workspace);
    ActionRunner runner(db, loaded->executors, environment);
    std::signal(SIGINT, [](int) { interrupted.store(true); });
    const auto finished = executeRun(parser, runner, *action, run->id, {}, {});
    if (!finished.ok()) {
        err() << problemLine(finished.error()) << Qt::endl;
        return Failed;
    }
    readRegisteredSources(parser, *finished);
    if (parser.isSet(u"json"_s)) {
        printJson(finished->toJson());
    } else {
        printRun(*finished, false);
    }
    return exitCodeOf(*finished);
}

std::optional<ActionRun> findRun(const RunStore &store, const QString &id)
{
    bool numeric = false;
    const qint64 n = id.toLongLong(&numeric);
    if (numeric) {
        const auto run = store.find(n);
        return run.ok() ? *run : std::nullopt;
    }
    const auto run = store.findByKey(id);
    if (run.ok() && run->has_value()) {
        return **run;
    }
    // A key prefix, as `run list` shows it.
    const auto all = store.list();
    if (all.ok()) {
        for (const ActionRun &r : *all) {
            if (r.key.startsWith(id)) {
                return r;
            }
        }
    }
    return std::nullopt;
}

} // namespace

// The secrets of the workspace's credentials: from their environment variables, else from the keychain.
QHash<QString, QString> readSecrets(const Workspace &workspace)
{
    QHash<QString, QString> secrets = ActionSetup::secretsFromEnvironment(workspace);
    TokenStore store;
    for (const CredentialConfig &c : workspace.credentials) {
        if (secrets.contains(c.name)) {
            continue;
        }
        QEventLoop loop;
        QString value;
        store.read(TokenStore::keyFor(workspace.cacheKey(), c.name), [&](Result<QString> r) {
            if (r.ok()) {
                value = *r;
            }
            loop.quit();
        });
        loop.exec();
        if (!value.isEmpty()) {
            secrets.insert(c.name, value);
        }
    }
    return secrets;
}

// Reads the sources a run's catalog:register steps added (their `sourceId` outputs) into the cache at once, as the
// GUI does, so that `catalog list` and `catalog show` have the new entities without a `sync` first. A source that
// cannot be read is reported; the run has succeeded all the same.
void readRegisteredSources(const QCommandLineParser &parser, const ActionRun &run)
{
    QStringList ids;
    for (const StepRecord &step : run.steps) {
        const QString id = step.output.value(u"sourceId"_s).toString();
        if (step.status == StepRecord::Status::Succeeded && !id.isEmpty() && !ids.contains(id)) {
            ids << id;
        }
    }
    if (ids.isEmpty()) {
        return;
    }
    auto workspace = Workspace::open(chooseWorkspace(parser)); // again: with the sources the run added
    if (!workspace.ok()) {
        err() << problemLine(workspace.error()) << Qt::endl;
        return;
    }
    ids.removeIf([&](const QString &id) { return !workspace->source(id); });
    if (ids.isEmpty()) {
        return;
    }
    SyncOptions options;
    options.cachePath = Paths::cacheFileFor(workspace->cacheKey());
    options.schedule = false;
    options.watchFiles = false;
    options.buildCatalog = false;
    SyncService service(*workspace, options);
    QList<SourceStatus> statuses;
    QObject::connect(&service, &SyncService::sourcesChanged, &service,
                     [&statuses](const QList<SourceStatus> &list) { statuses = list; });
    service.init(false);
    QEventLoop loop;
    bool idle = false;
    QObject::connect(&service, &SyncService::idle, &loop, [&] {
        idle = true;
        loop.quit();
    });
    for (const QString &id : std::as_const(ids)) {
        service.refreshSource(id);
    }
    if (!idle) {
        loop.exec();
    }
    for (const SourceStatus &s : std::as_const(statuses)) {
        if (!ids.contains(s.config.id)) {
            continue;
        }
        if (s.state == SourceStatus::State::Ok) {
            err() << tr("Read the registered source %1: %2 entities").arg(s.config.id).arg(s.entityCount) << Qt::endl;
        } else {
            err() << tr("Could not read the registered source %1 yet: %2; `portolan-cli sync` tries again")
                         .arg(s.config.id, s.error.message.isEmpty() ? s.message : s.error.message)
                  << Qt::endl;
        }
    }
}

void printRun(const ActionRun &run, bool withLogs)
{
    out() << tr("Run %1 (%2): %3 — %4").arg(run.id).arg(run.key, run.templateTitle, ActionRun::statusName(run.status))
          << '\n';
    out() << tr("  by %1 at %2").arg(run.user, run.created.toString(Qt::ISODate));
    if (!run.entityRef.isEmpty()) {
        out() << tr(", on %1").arg(run.entityRef);
    }
    out() << '\n';
    const QString params = QString::fromUtf8(QJsonDocument(run.parameters).toJson(QJsonDocument::Compact));
    out() << tr("  parameters: %1").arg(params) << '\n';
    for (const StepRecord &s : run.steps) {
        out() << u"  [%1] %2 (%3)"_s.arg(StepRecord::statusName(s.status).leftJustified(9), s.name, s.action) << '\n';
        if (!s.error.isEmpty()) {
            out() << u"      "_s << s.error << '\n';
        }
        if (withLogs && !s.log.isEmpty()) {
            for (const QString &line : s.log.split(u'\n', Qt::SkipEmptyParts)) {
                out() << u"      | "_s << line << '\n';
            }
        }
    }
    for (const RunLink &l : run.links) {
        out() << u"  -> %1: %2%3"_s.arg(l.title, l.url.isEmpty() ? l.entityRef : l.url,
                                        l.state.isEmpty() ? QString() : u" ("_s + l.state + u')')
              << '\n';
    }
    for (const auto &[title, content] : run.texts) {
        out() << u"  "_s << title << u":\n"_s;
        for (const QString &line : content.split(u'\n', Qt::SkipEmptyParts)) {
            out() << u"    "_s << line << '\n';
        }
    }
    if (!run.approval.isEmpty()) {
        const ApprovalRequest request = ApprovalRequest::fromJson(run.approval);
        const QString mode = request.rule.mode == ApprovalRule::Mode::All ? tr("one of each") : tr("any one");
        out() << tr("  approval (%1 of: %2): %3")
                     .arg(mode, request.itemLabels.join(u", "_s),
                          run.approval.value("passed"_L1).toBool() ? tr("approved")
                                                                   : ApprovalRequest::stateName(request.state()))
              << '\n';
        for (const ApprovalDecision &d : request.decisions) {
            out() << u"    "_s
                  << tr("%1 %2 by %3 at %4 (%5)%6")
                         .arg(d.approved ? tr("approved") : tr("rejected"),
                              d.counts               ? QString()
                              : d.approver.isEmpty() ? tr("(does not count: %1 is nobody in the catalog)").arg(d.email)
                                                     : tr("(does not count: not an approver of this request)"),
                              d.approverName.isEmpty() ? d.approver : d.approverName,
                              d.at.toUTC().toString(Qt::ISODate), d.via,
                              d.comment.isEmpty() ? QString() : u": "_s + d.comment)
                         .simplified()
                  << '\n';
        }
        if (const QString problem = run.approval.value("problem"_L1).toString(); !problem.isEmpty()) {
            out() << u"    "_s << tr("could not reach the approvals repository: %1").arg(problem) << '\n';
        }
        if (run.status == ActionRun::Status::Waiting) {
            out() << u"    "_s
                  << tr("Approvers decide with `portolan-cli approvals approve %1` (or reject, with --comment); "
                        "then `portolan-cli run resume %2` goes on")
                         .arg(run.key.left(8))
                         .arg(run.id)
                  << '\n';
        }
    }
    if (!run.error.isEmpty()) {
        out() << u"  "_s << run.error << '\n';
    }
    out().flush();
}

void addActionOptions(QCommandLineParser &parser)
{
    parser.addOption({u"param"_s,
                      tr("action run: a parameter, key=value (repeat for each; dotted keys for nested "
                         "objects, JSON or comma-separated lists for arrays)"),
                      tr("key=value")});
    parser.addOption({u"dry-run"_s, tr("action run: show what each step would send where, and send nothing")});
    parser.addOption(
        {u"wait"_s, tr("action run, run resume: when the run waits for approval, check every 10 seconds until "
                       "approvers decide")});
    parser.addOption({u"all"_s, tr("approvals list: every request, closed ones and other people's too")});
    parser.addOption(
        {u"comment"_s, tr("approvals approve/reject: the comment recorded with the decision"), tr("text")});
    parser.addOption({u"confirm"_s, tr("action run: the confirmation text a destructive action asks for"), tr("text")});
    parser.addOption({u"idempotency-key"_s,
                      tr("action run: a key for this submission; running again with the same key does not submit "
                         "twice"),
                      tr("key")});
}

int runActionCommand(const QCommandLineParser &parser, const QStringList &args)
{
    const QString sub = args.value(1);
    if (sub == u"list"_s && args.size() == 2) {
        return actionList(parser);
    }
    if (sub == u"show"_s && args.size() == 3) {
        return actionShow(parser, args.at(2));
    }
    if (sub == u"run"_s && args.size() == 3) {
        return actionRun(parser, args.at(2));
    }
    err() << tr("Usage: action list | action show ID | action run ID --param k=v ... [--dry-run]") << Qt::endl;
    return Usage;
}

int runRunCommand(const QCommandLineParser &parser, const QStringList &args)
{
    const QString sub = args.value(1);
    Workspace workspace;
    auto ws = Workspace::open(chooseWorkspace(parser));
    if (!ws.ok()) {
        err() << problemLine(ws.error()) << Qt::endl;
        return Failed;
    }
    CacheDatabase db;
    if (const auto opened = db.open(Paths::cacheFileFor(ws->cacheKey())); !opened.ok()) {
        err() << problemLine(opened.error()) << Qt::endl;
        return Failed;
    }
    RunStore store(db);
    const bool json = parser.isSet(u"json"_s);
    if (sub == u"list"_s && args.size() == 2) {
        const auto runs = store.list();
        if (!runs.ok()) {
            err() << problemLine(runs.error()) << Qt::endl;
            return Failed;
        }
        QJsonArray list;
        for (const ActionRun &r : *runs) {
            if (json) {
                list.append(r.toJson());
                continue;
            }
            out() << u"%1  %2  %3  %4  %5  %6"_s.arg(QString::number(r.id).rightJustified(5), r.key.left(8),
                                                     r.created.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s),
                                                     ActionRun::statusName(r.status).leftJustified(9),
                                                     r.templateTitle.leftJustified(32), r.entityRef)
                  << '\n';
        }
        if (json) {
            printJson(list);
        }
        out().flush();
        return Ok;
    }
    if (sub == u"resume"_s && args.size() == 3) {
        db.close();
        return runResume(parser, args.at(2));
    }
    if (sub == u"show"_s && args.size() == 3) {
        const auto run = findRun(store, args.at(2));
        if (!run) {
            err() << tr("No run \"%1\"").arg(args.at(2)) << Qt::endl;
            return Failed;
        }
        if (json) {
            printJson(run->toJson());
        } else {
            printRun(*run, true);
        }
        return Ok;
    }
    err() << tr("Usage: run list | run show ID | run resume ID [--wait]") << Qt::endl;
    return Usage;
}

} // namespace Portolan::Cli
