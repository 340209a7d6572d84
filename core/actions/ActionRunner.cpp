#include "ActionRunner.h"

#include "actions/TemplateExpression.h"
#include "catalog/Catalog.h"
#include "sources/git/GitRepository.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::ActionRunner)
};

const QString masked = u"***"_s;

QJsonValue valueAt(const QJsonObject &object, const QString &path)
{
    QJsonValue current = object;
    for (const QString &part : path.split(u'.')) {
        current = current.toObject().value(part);
    }
    return current;
}

QJsonObject withValueAt(QJsonObject object, const QStringList &parts, const QJsonValue &value)
{
    if (parts.isEmpty() || !object.contains(parts.first())) {
        return object;
    }
    if (parts.size() == 1) {
        object.insert(parts.first(), value);
        return object;
    }
    const QJsonValue child = object.value(parts.first());
    if (child.isObject()) {
        object.insert(parts.first(), withValueAt(child.toObject(), parts.mid(1), value));
    }
    return object;
}

// Whether a step's input (as written) uses one of the secret parameters, which a resumed run no longer has.
QStringList secretsUsedBy(const TemplateStep &step, const QStringList &secretFields)
{
    const QString text = QString::fromUtf8(QJsonDocument(QJsonArray{step.input}).toJson(QJsonDocument::Compact));
    QStringList used;
    for (const QString &field : secretFields) {
        const QString top = field.section(u'.', 0, 0);
        if (text.contains(u"parameters."_s + top) || text.contains(u"secrets."_s + top)
            || text.contains(u"parameters[\\\""_s + top) || text.contains(u"parameters['"_s + top)) {
            used.append(field);
        }
    }
    return used;
}

// A step's input rendered field by field by its executor (which escapes values for where they land).
Result<QJsonObject> renderInput(const StepExecutor *executor, const QJsonValue &input, const QJsonObject &context)
{
    if (!input.isObject()) {
        if (input.isUndefined() || input.isNull()) {
            return QJsonObject();
        }
        return makeError(Error::Code::Validation, Tr::tr("The step's input must be a map of fields"));
    }
    QJsonObject out;
    const QJsonObject in = input.toObject();
    for (auto it = in.begin(); it != in.end(); ++it) {
        const auto rendered = executor ? executor->renderInput(it.key(), it.value(), context)
                                       : TemplateExpression::renderValue(it.value(), context, u"input."_s + it.key());
        if (!rendered.ok()) {
            return rendered.error();
        }
        if (!rendered->isUndefined()) {
            out.insert(it.key(), *rendered);
        }
    }
    return out;
}

QDateTime now(const ActionEnvironment &environment)
{
    return (environment.clock ? *environment.clock : Clock::system()).now();
}

// Output titles and texts: a part that fails to render is shown empty rather than failing a finished run.
QString renderText(const QString &text, const QJsonObject &context)
{
    const auto rendered = TemplateExpression::render(text, context);
    return rendered.ok() ? *rendered : QString();
}

QString describeError(const Error &error)
{
    return error.detail.isEmpty() || error.message.contains(error.detail) ? error.message
                                                                          : error.message + u": "_s + error.detail;
}

} // namespace

ActionRunner::ActionRunner(CacheDatabase &database, const StepExecutorRegistry &executors,
                           ActionEnvironment environment)
    : m_database(database)
    , m_store(database)
    , m_executors(executors)
    , m_environment(std::move(environment))
{ }

QString ActionRunner::mask(QString text, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        if (secret.size() >= 3) {
            text.replace(secret, masked);
        }
    }
    return text;
}

QJsonValue ActionRunner::maskValue(const QJsonValue &value, const QStringList &secrets)
{
    if (secrets.isEmpty()) {
        return value;
    }
    if (value.isString()) {
        return mask(value.toString(), secrets);
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray()) {
            out.append(maskValue(v, secrets));
        }
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            out.insert(it.key(), maskValue(it.value(), secrets));
        }
        return out;
    }
    return value;
}

QJsonObject ActionRunner::maskParameters(const QJsonObject &parameters, const QStringList &secretFields)
{
    QJsonObject out = parameters;
    for (const QString &field : secretFields) {
        if (!valueAt(out, field).isUndefined()) {
            out = withValueAt(out, field.split(u'.'), masked);
        }
    }
    return out;
}

QStringList ActionRunner::secretValues(const QJsonObject &parameters, const QStringList &secretFields) const
{
    QStringList values;
    for (const QString &field : secretFields) {
        const QString v = TemplateExpression::toText(valueAt(parameters, field));
        if (!v.isEmpty() && v != masked) {
            values.append(v);
        }
    }
    for (const QString &v : m_environment.secrets) {
        if (!v.isEmpty()) {
            values.append(v);
        }
    }
    // Longest first, so a secret that contains another is masked whole.
    std::sort(values.begin(), values.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return values;
}

QJsonObject ActionRunner::context(const ActionRun &run, const QJsonObject &parameters) const
{
    QJsonObject steps;
    for (const StepRecord &step : run.steps) {
        steps.insert(step.id, QJsonObject{{u"output"_s, step.output}});
    }
    QJsonObject secrets;
    for (const QString &field : run.secretFields) {
        const QJsonValue v = valueAt(parameters, field);
        if (!v.isUndefined()) {
            secrets.insert(field.section(u'.', -1), v);
        }
    }
    return {{u"parameters"_s, parameters},
            {u"secrets"_s, secrets},
            {u"steps"_s, steps},
            {u"user"_s, m_environment.user.toJson()},
            {u"workspace"_s, m_environment.variables},
            {u"run"_s,
             QJsonObject{{u"key"_s, run.key},
                         {u"shortKey"_s, run.key.left(8)},
                         {u"id"_s, run.id},
                         {u"entity"_s, run.entityRef},
                         {u"createdAt"_s,
                          (run.created.isValid() ? run.created : now(m_environment)).toUTC().toString(Qt::ISODate)}}}};
}

QList<PlannedStep> ActionRunner::plan(const ActionTemplate &action, const ActionSubmission &submission) const
{
    ActionRun run;
    run.key = submission.key;
    run.entityRef = submission.entityRef;
    run.secretFields = submission.secretFields;
    const QJsonObject ctx = context(run, submission.parameters);
    const QStringList secrets = secretValues(submission.parameters, submission.secretFields);
    QList<PlannedStep> planned;
    for (const TemplateStep &step : action.steps) {
        PlannedStep p;
        p.id = step.id;
        p.name = step.name.isEmpty() ? step.id : step.name;
        p.action = step.action;
        if (!step.ifExpression.isEmpty()) {
            const auto holds = TemplateExpression::condition(step.ifExpression, ctx);
            if (!holds.ok()) {
                Error e = holds.error();
                e.field = u"spec.steps.%1.if"_s.arg(step.id);
                e.file = action.file;
                e.line = step.position.line;
                p.problems.append(e);
            } else if (!*holds) {
                p.skipped = true;
                planned.append(p);
                continue;
            }
        }
        const QString written = QString::fromUtf8(QJsonDocument(QJsonArray{step.input}).toJson(QJsonDocument::Compact));
        p.waitsForEarlierSteps = written.contains(u"steps."_s) || written.contains(u"steps["_s);
        const StepExecutor *known = m_executors.find(step.action);
        const auto rendered = renderInput(known, step.input, ctx);
        QJsonObject input;
        if (rendered.ok()) {
            input = *rendered;
        } else {
            Error e = rendered.error();
            e.file = action.file;
            e.line = step.position.line;
            p.problems.append(e);
            input = step.input.toObject();
        }
        if (const StepExecutor *executor = m_executors.find(step.action)) {
            if (!p.waitsForEarlierSteps) {
                for (Error e : executor->check(input, m_environment)) {
                    if (e.file.isEmpty()) {
                        e.file = action.file;
                        e.line = step.position.line;
                    }
                    p.problems.append(e);
                }
            }
            p.preview = executor->preview(input, m_environment);
            p.preview.target = mask(p.preview.target, secrets);
            p.preview.body = mask(p.preview.body, secrets);
        } else {
            p.problems.append(
                makeError(Error::Code::Unsupported,
                          Tr::tr("Step \"%1\" uses %2, which Portolan does not run").arg(p.name, step.action)));
        }
        p.input = maskValue(input, secrets).toObject();
        planned.append(p);
    }
    return planned;
}

Result<RunStore::Inserted> ActionRunner::submit(const ActionTemplate &action, const ActionSubmission &submission)
{
    if (!submission.key.isEmpty()) {
        const auto existing = m_store.findByKey(submission.key);
        if (!existing.ok()) {
            return existing.error();
        }
        if (existing->has_value()) {
            return RunStore::Inserted{**existing, false};
        }
    }
    if (!action.runnable()) {
        QStringList reasons;
        for (const Error &e : action.problems) {
            if (e.isError()) {
                reasons.append(e.message);
            }
        }
        return makeError(Error::Code::Unsupported,
                         Tr::tr("%1 cannot run: %2").arg(action.displayName(), reasons.join(u"; "_s)));
    }
    ActionRun run;
    run.key = submission.key.isEmpty() ? ActionRun::newKey() : submission.key;
    run.templateId = action.id;
    run.templateTitle = action.displayName();
    run.user = m_environment.user.entityRef.isEmpty() ? m_environment.user.login : m_environment.user.entityRef;
    run.entityRef = submission.entityRef;
    run.created = now(m_environment);
    run.dryRun = submission.dryRun;
    run.trigger = submission.trigger;
    run.secretFields = submission.secretFields;
    run.parameters = maskParameters(submission.parameters, submission.secretFields);
    for (const TemplateStep &step : action.steps) {
        StepRecord record;
        record.id = step.id;
        record.name = step.name.isEmpty() ? step.id : step.name;
        record.action = step.action;
        run.steps.append(record);
    }
    return m_store.insert(run);
}

Result<void> ActionRunner::store(ActionRun &run, const Changed &changed)
{
    const auto saved = m_store.save(run);
    if (changed) {
        changed(run);
    }
    return saved;
}

Result<ActionRun> ActionRunner::execute(qint64 runId, const ActionTemplate &action, const QJsonObject &secretParameters,
                                        const std::atomic_bool *cancel, const Changed &changed)
{
    const auto read = [this, runId]() -> Result<ActionRun> {
        const auto found = m_store.find(runId);
        if (!found.ok()) {
            return found.error();
        }
        if (!found->has_value()) {
            return makeError(Error::Code::Internal, Tr::tr("Run %1 is not in the cache").arg(runId));
        }
        return **found;
    };
    const auto first = read();
    if (!first.ok() || first->isFinished()) {
        return first;
    }
    const QString workDirectory =
        QDir(m_environment.dataDirectory.isEmpty() ? QDir::tempPath() : m_environment.dataDirectory)
            .filePath(u"runs/"_s + first->key);
    QDir().mkpath(workDirectory);
    // One executor at a time per run, across threads and processes: an app resuming what it finds unfinished, an
    // automation round, another window, `portolan-cli run resume`. The lock is the process's while it lives (a killed
    // process leaves a stale lock the next one takes over), and the run is read again under it: what the holder did
    // before letting go is what counts.
    QLockFile lock(workDirectory + u".lock"_s);
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        lock.getLockInfo(&pid, &host, &application);
        const QString message = pid == QCoreApplication::applicationPid()
                                    ? Tr::tr("Run %1 is already being executed by this process").arg(runId)
                                    : Tr::tr("Run %1 is being executed by another process (%2, process %3 on %4)")
                                          .arg(runId)
                                          .arg(application.isEmpty() ? Tr::tr("unknown") : application)
                                          .arg(pid)
                                          .arg(host.isEmpty() ? Tr::tr("this machine") : host);
        return makeError(Error::Code::Busy, message, lock.fileName());
    }
    auto current = read();
    if (!current.ok() || current->isFinished()) {
        return current;
    }
    ActionRun run = std::move(*current);
    // Secret values are only known to the process that took them; a resumed run has the masked ones.
    const bool haveSecrets = !secretParameters.isEmpty();
    const QJsonObject parameters = haveSecrets ? secretParameters : run.parameters;
    const QStringList secrets = secretValues(parameters, run.secretFields);

    const auto fail = [&](StepRecord *record, const QString &message, ActionRun::Status status) {
        if (record) {
            record->status =
                status == ActionRun::Status::Cancelled ? StepRecord::Status::Cancelled : StepRecord::Status::Failed;
            record->error = mask(message, secrets);
            record->finished = now(m_environment);
        }
        run.status = status;
        run.error = record ? Tr::tr("Step \"%1\" (%2) failed: %3").arg(record->name, record->action, record->error)
                           : mask(message, secrets);
        if (status == ActionRun::Status::Cancelled && record) {
            run.error = Tr::tr("Cancelled during step \"%1\"").arg(record->name);
        }
        run.finished = now(m_environment);
        qCInfo(lcActions) << "run" << run.id << run.templateId << ActionRun::statusName(status) << run.error;
        (void)store(run, changed);
    };

    // A run waiting at its approval gate stays waiting while it is checked again.
    if (run.status != ActionRun::Status::Waiting) {
        run.status = ActionRun::Status::Running;
        if (const auto saved = store(run, changed); !saved.ok()) {
            return saved.error();
        }
    }
    const qsizetype gate = action.approval.isRequired() && !run.dryRun ? approvalGate(action) : -1;
    for (qsizetype index = 0; index <= action.steps.size(); ++index) {
        if (index == gate) {
            const StepRecord *change = index > 0 ? run.step(action.steps.at(index - 1).id) : nullptr;
            const auto passed = passApproval(run, action, change, parameters, cancel, changed);
            if (!passed.ok()) {
                return passed.error();
            }
            if (!*passed) {
                return run; // waiting for approvers, or rejected
            }
        }
        if (index == action.steps.size()) {
            break;
        }
        const TemplateStep &step = action.steps.at(index);
        StepRecord *record = run.step(step.id);
        if (!record) {
            run.steps.append(StepRecord{step.id, step.name.isEmpty() ? step.id : step.name, step.action});
            record = &run.steps.last();
        }
        if (record->status == StepRecord::Status::Succeeded || record->status == StepRecord::Status::Skipped) {
            continue;
        }
        if (m_interrupt && m_interrupt->load()) {
            return run; // closing: the next start resumes from this step
        }
        if (cancel && cancel->load()) {
            fail(record, Tr::tr("cancelled before it started"), ActionRun::Status::Cancelled);
            return run;
        }
        const QJsonObject ctx = context(run, parameters);
        if (!step.ifExpression.isEmpty()) {
            const auto holds = TemplateExpression::condition(step.ifExpression, ctx);
            if (!holds.ok()) {
                fail(record, holds.error().message, ActionRun::Status::Failed);
                return run;
            }
            if (!*holds) {
                record->status = StepRecord::Status::Skipped;
                (void)store(run, changed);
                continue;
            }
        }
        if (!haveSecrets) {
            if (const QStringList used = secretsUsedBy(step, run.secretFields); !used.isEmpty()) {
                fail(record,
                     Tr::tr("it needs the secret input %1, which is never stored; start the action again")
                         .arg(used.join(u", "_s)),
                     ActionRun::Status::Failed);
                return run;
            }
        }
        StepExecutor *executor = m_executors.find(step.action);
        if (!executor) {
            fail(record, Tr::tr("Portolan does not run %1").arg(step.action), ActionRun::Status::Failed);
            return run;
        }
        const auto rendered = renderInput(executor, step.input, ctx);
        if (!rendered.ok()) {
            fail(record, rendered.error().message, ActionRun::Status::Failed);
            return run;
        }
        const QJsonObject input = *rendered;
        if (const ErrorList problems = executor->check(input, m_environment); !problems.isEmpty()) {
            QStringList messages;
            for (const Error &e : problems) {
                if (e.isError()) {
                    messages.append(e.field.isEmpty() ? e.message : e.field + u": "_s + e.message);
                }
            }
            if (!messages.isEmpty()) {
                fail(record, messages.join(u"; "_s), ActionRun::Status::Failed);
                return run;
            }
        }

        const bool resumed = record->status == StepRecord::Status::Running || !record->state.isEmpty();
        record->status = StepRecord::Status::Running;
        record->input = maskValue(input, secrets).toObject();
        record->error.clear();
        if (!record->started.isValid()) {
            record->started = now(m_environment);
        }
        if (resumed) {
            record->log += Tr::tr("%1 Resumed after an interruption; picking up what was already done")
                               .arg(now(m_environment).toString(Qt::ISODate))
                           + u'\n';
        }
        (void)store(run, changed);

        StepContext context;
        context.runKey = run.key;
        context.stepId = step.id;
        context.attempt = resumed ? 2 : 1;
        context.input = input;
        context.state = record->state;
        context.workDirectory = workDirectory;
        context.templateDirectory = action.directory;
        context.environment = &m_environment;
        context.cancel = cancel;
        QElapsedTimer sinceSave;
        sinceSave.start();
        context.log = [&](const QString &line) {
            record->log += now(m_environment).toString(Qt::ISODate) + u' ' + mask(line, secrets) + u'\n';
            // Log lines are saved at most twice a second: a chatty step must not turn into a database benchmark.
            if (sinceSave.elapsed() > 500) {
                sinceSave.restart();
                (void)store(run, changed);
            }
        };
        bool reviewShared = false;
        context.saveState = [&](const QJsonObject &state) {
            record->state = state;
            // Saved before the executor sends what it must not send twice: a failure here stops the step.
            sinceSave.restart();
            if (const auto saved = store(run, changed); !saved.ok()) {
                qCWarning(lcActions) << "could not save step state:" << saved.error().toString();
            }
            // A review the platform waits for is shared with every desktop's Inbox, and closed once it is done.
            if (const bool waiting = state.contains("pendingDeployments"_L1); waiting != reviewShared) {
                shareReview(run, *record, waiting ? QString() : u"proceeded"_s, cancel);
                reviewShared = waiting;
            }
        };
        const auto result = executor->run(context);
        if (reviewShared) {
            shareReview(run, *record, result.ok() ? u"proceeded"_s : u"cancelled"_s, cancel);
        }
        if (!result.ok() && m_interrupt && m_interrupt->load()) {
            record->log += now(m_environment).toString(Qt::ISODate) + u' '
                           + Tr::tr("Interrupted: Portolan closed; the step resumes when it starts again") + u'\n';
            (void)store(run, changed);
            return run;
        }
        if (!result.ok()) {
            const Error &e = result.error();
            fail(record, describeError(e),
                 e.code == Error::Code::Cancelled ? ActionRun::Status::Cancelled : ActionRun::Status::Failed);
            return run;
        }
        record->output = maskValue(result->output, secrets).toObject();
        if (!result->state.isEmpty()) {
            record->state = result->state;
        }
        for (RunLink link : result->links) {
            link.stepId = step.id;
            link.url = mask(link.url, secrets);
            run.links.append(link);
        }
        record->status = StepRecord::Status::Succeeded;
        record->finished = now(m_environment);
        (void)store(run, changed);
    }

    // The template's output: links and texts, rendered with every step's output.
    const QJsonObject ctx = context(run, parameters);
    for (const TemplateOutputLink &out : action.links) {
        if (!out.ifExpression.isEmpty()) {
            const auto holds = TemplateExpression::condition(out.ifExpression, ctx);
            if (!holds.ok() || !*holds) {
                continue;
            }
        }
        RunLink link;
        link.title = mask(renderText(out.title, ctx), secrets);
        link.url = mask(renderText(out.url, ctx), secrets);
        link.entityRef = renderText(out.entityRef, ctx);
        if (link.url.isEmpty() && link.entityRef.isEmpty()) {
            continue;
        }
        // A step's link to the same place says more (its kind and state): keep that one.
        const bool known = std::any_of(run.links.cbegin(), run.links.cend(), [&link](const RunLink &l) {
            return (!link.url.isEmpty() && l.url == link.url)
                   || (!link.entityRef.isEmpty() && l.entityRef == link.entityRef);
        });
        if (!known) {
            run.links.append(link);
        }
    }
    for (const TemplateOutputText &out : action.texts) {
        if (!out.ifExpression.isEmpty()) {
            const auto holds = TemplateExpression::condition(out.ifExpression, ctx);
            if (!holds.ok() || !*holds) {
                continue;
            }
        }
        run.texts.append({mask(renderText(out.title, ctx), secrets), mask(renderText(out.content, ctx), secrets)});
    }
    run.status = ActionRun::Status::Succeeded;
    run.finished = now(m_environment);
    qCInfo(lcActions) << "run" << run.id << run.templateId << "succeeded";
    if (const auto saved = store(run, changed); !saved.ok()) {
        return saved.error();
    }
    return run;
}

qsizetype ActionRunner::approvalGate(const ActionTemplate &action)
{
    for (qsizetype i = 0; i < action.steps.size(); ++i) {
        const TemplateStep &step = action.steps.at(i);
        if (step.action == u"publish:gitops"_s
            && step.input.toObject().value("mode"_L1).toString() == u"pull-request"_s) {
            return i + 1;
        }
    }
    return 0;
}

void ActionRunner::shareReview(const ActionRun &run, const StepRecord &step, const QString &outcome,
                               const std::atomic_bool *cancel)
{
    const Catalog *catalog = m_environment.catalog.get();
    if (!catalog || m_environment.approvalsRepository.isEmpty()) {
        return;
    }
    const ActionUser &user = m_environment.user;
    const QString email = Approvals::emailOf(user.entity, user.email);
    const QString key = ApprovalRequest::sharedReviewKey(run.key, step.id);
    auto channel = approvalChannel(m_environment);
    if (!outcome.isEmpty()) {
        const QString name = user.displayName.isEmpty() ? user.login : user.displayName;
        if (const auto closed = channel->close(key, outcome, name, email, cancel); !closed.ok()) {
            qCInfo(lcActions) << "could not close the shared review" << key << closed.error().toString();
        }
        return;
    }
    ActionRun waiting = run;
    waiting.steps = {step};
    const QList<ApprovalRequest> reviews = Approvals::platformReviews({waiting}, *catalog);
    if (reviews.isEmpty()) {
        return;
    }
    ApprovalRequest shared = reviews.first();
    shared.runKey = key;
    shared.requested = now(m_environment);
    shared.reviewAction = step.action;
    shared.reviewState = step.state;
    if (const auto asked = channel->request(shared, email, cancel); !asked.ok()) {
        qCWarning(lcActions) << "could not share the review of run" << run.key
                             << "with other desktops:" << asked.error().toString();
    }
}

Result<QString> ActionRunner::decide(const ActionEnvironment &environment, const ApprovalRequest &request, bool approve,
                                     const QString &comment, const QString &authorName, const QString &authorEmail,
                                     const std::atomic_bool *cancel)
{
    QString platform;
    if (request.onPlatform() && !request.reviewAction.isEmpty()) {
        // A review shared by the requester's desktop: made on the platform as this user, from what the step saved.
        const StepExecutorRegistry executors;
        StepExecutor *executor = executors.find(request.reviewAction);
        if (!executor) {
            return makeError(Error::Code::Unsupported,
                             Tr::tr("This Portolan cannot review a step of %1").arg(request.reviewAction));
        }
        StepRecord step;
        step.id = request.reviewStep;
        step.name = request.title;
        step.action = request.reviewAction;
        step.state = request.reviewState;
        if (const auto reviewed = executor->reviewPending(step, environment, approve, comment, cancel);
            !reviewed.ok()) {
            return reviewed.error();
        }
        platform = (approve ? Tr::tr("Approved the deployment on GitHub: %1")
                            : Tr::tr("Rejected the deployment on GitHub: %1"))
                       .arg(request.reviewUrl);
    }
    if (!request.changeRepo.isEmpty()) {
        // Only publish:gitops leaves a change on a request branch.
        const StepExecutorRegistry executors;
        if (StepExecutor *executor = executors.find(u"publish:gitops"_s)) {
            const auto reviewed = executor->reviewChange(request, environment, approve, comment, cancel);
            if (!reviewed.ok() && reviewed.error().code != Error::Code::Unsupported) {
                return reviewed.error();
            }
            platform = reviewed.ok() ? *reviewed : QString();
        }
    }
    auto channel = approvalChannel(environment);
    if (const auto decided = channel->decide(request.runKey, approve, comment, authorName, authorEmail, cancel);
        !decided.ok()) {
        return decided.error();
    }
    return platform;
}

std::unique_ptr<ApprovalChannel> ActionRunner::approvalChannel(const ActionEnvironment &environment)
{
    const QString folder = environment.dataDirectory.isEmpty() ? QDir::tempPath() : environment.dataDirectory;
    // local:NAME: a bare repository in the data folder, made on first use (the demo's approvals live there).
    const QString url = environment.repositoryUrl(environment.approvalsRepository);
    if (environment.approvalsRepository.startsWith(u"local:"_s) && !QFileInfo::exists(url + u"/HEAD"_s)) {
        QDir().mkpath(url);
        const auto made =
            GitRepository::run({u"init"_s, u"--quiet"_s, u"--bare"_s, u"--initial-branch=main"_s, url}, url, {}, {});
        if (!made.ok()) {
            qCWarning(lcActions) << "could not make the approvals repository" << url << made.errorOutput;
        }
    }
    return std::make_unique<ApprovalChannel>(environment.repositoryUrl(environment.approvalsRepository),
                                             QDir(folder).filePath(u"approvals-clone"_s));
}

Result<bool> ActionRunner::passApproval(ActionRun &run, const ActionTemplate &action, const StepRecord *change,
                                        const QJsonObject &parameters, const std::atomic_bool *cancel,
                                        const Changed &changed)
{
    if (run.approval.value("passed"_L1).toBool()) {
        return true;
    }
    // Approval only above a limit (a long extension, an admin role): decided once, with the run's parameters.
    if (run.approval.isEmpty() && !action.approval.when.isEmpty()) {
        const auto needed = TemplateExpression::condition(action.approval.when, context(run, parameters));
        if (!needed.ok()) {
            run.status = ActionRun::Status::Failed;
            run.error = Tr::tr("portolan.dev/approval-when cannot be evaluated: %1").arg(needed.error().message);
            run.finished = now(m_environment);
            (void)store(run, changed);
            return false;
        }
        if (!*needed) {
            return true;
        }
    }
    const ActionUser &user = m_environment.user;
    const QString userName = user.displayName.isEmpty() ? user.login : user.displayName;
    const Catalog *catalog = m_environment.catalog.get();
    const auto stop = [&](ActionRun::Status status, const QString &message) {
        run.status = status;
        run.error = message;
        run.finished = now(m_environment);
        qCInfo(lcActions) << "run" << run.id << run.templateId << ActionRun::statusName(status) << message;
        (void)store(run, changed);
    };
    if (!catalog) {
        stop(ActionRun::Status::Failed, Tr::tr("This action needs approval, and the catalog that says who may approve "
                                               "is not read yet"));
        return false;
    }
    ApprovalRequest request = ApprovalRequest::fromJson(run.approval);
    const bool first = run.approval.isEmpty();
    if (first) {
        request.runKey = run.key;
        request.templateId = run.templateId;
        request.title = action.title.isEmpty() ? action.id : action.title;
        request.requester = user.entityRef.isEmpty() ? user.login : user.entityRef;
        request.requesterName = userName;
        request.entityRef = run.entityRef;
        request.requested = now(m_environment);
        QStringList steps;
        for (const TemplateStep &step : action.steps) {
            steps.append(u"%1 (%2)"_s.arg(step.name.isEmpty() ? step.id : step.name, step.action));
        }
        request.summary = steps.join(u", "_s);
        request.parameters = run.parameters;
        request.rule = action.approval;
        if (change) {
            request.changeRepo = change->input.value("repoUrl"_L1).toString();
            request.changeBranch = change->output.value("branch"_L1).toString();
            request.changeBase = change->output.value("baseBranch"_L1).toString();
            request.changeHead = change->output.value("commitHash"_L1).toString();
            request.changeUrl = change->output.value("pullRequestUrl"_L1).toString();
        }
        const int target = run.entityRef.isEmpty() ? -1 : catalog->find(run.entityRef);
        const ErrorList problems =
            Approvals::resolve(request, *catalog, target >= 0 ? &catalog->entity(target) : nullptr);
        if (!problems.isEmpty()) {
            QStringList messages;
            for (const Error &e : problems) {
                messages.append(e.message);
            }
            // Fail closed: a request nobody can answer would wait forever.
            stop(ActionRun::Status::Failed,
                 Tr::tr("This action needs approval that nobody can give: %1").arg(messages.join(u"; "_s)));
            return false;
        }
    }
    const auto save = [&](const QString &problem) {
        QJsonObject json = request.toJson();
        if (!problem.isEmpty()) {
            json.insert(u"problem"_s, problem);
        }
        if (json == run.approval && run.status == ActionRun::Status::Waiting) {
            return Result<void>(); // nothing new: no change to announce
        }
        run.approval = json;
        run.status = ActionRun::Status::Waiting;
        return store(run, changed);
    };
    if (const auto saved = save({}); !saved.ok()) {
        return saved.error();
    }

    auto channel = approvalChannel(m_environment);
    // Asked again on every check until it is on the remote (idempotent): a request that could not be written is not
    // lost.
    if (const auto asked = channel->request(request, Approvals::emailOf(user.entity, user.email), cancel);
        !asked.ok()) {
        (void)save(describeError(asked.error()));
        return false;
    }
    const auto read = Approvals::read(*channel, *catalog, {run.key}, cancel);
    if (!read.ok()) {
        (void)save(describeError(read.error()));
        return false;
    }
    if (!read->isEmpty()) {
        const ApprovalRequest &stored = read->first();
        request.decisions = stored.decisions;
        request.head = stored.head;
        request.outcome = stored.outcome;
        request.closed = stored.closed;
    }
    // Approvers may also decide on the platform: merge the change's request branch, review its pull request.
    StepExecutor *changeExecutor = change ? m_executors.find(change->action) : nullptr;
    if (changeExecutor) {
        const auto platform = changeExecutor->changeDecisions(*change, m_environment, cancel);
        for (ApprovalDecision decision : platform.ok() ? *platform : QList<ApprovalDecision>()) {
            decision.approver = decision.login.isEmpty() ? Approvals::userOfEmail(*catalog, decision.email)
                                                         : Approvals::userOfGitHubLogin(*catalog, decision.login);
            const bool known = std::any_of(request.decisions.cbegin(), request.decisions.cend(),
                                           [&decision](const ApprovalDecision &d) { return d.via == decision.via; });
            if (!known) {
                request.decisions.append(decision);
            }
        }
        if (!platform.ok()) {
            qCInfo(lcActions) << "run" << run.id
                              << "could not read the decisions on its change:" << platform.error().toString();
        }
    }
    request.weigh();

    switch (request.state()) {
    case ApprovalRequest::State::Pending:
        if (const auto saved = save({}); !saved.ok()) {
            return saved.error();
        }
        return false;
    case ApprovalRequest::State::Rejected: {
        const ApprovalDecision *by = nullptr;
        for (const ApprovalDecision &d : request.decisions) {
            by = d.counts && !d.approved ? &d : by;
        }
        (void)save({});
        const QString who = by ? (by->approverName.isEmpty() ? by->approver : by->approverName) : QString();
        stop(ActionRun::Status::Cancelled, by && !by->comment.isEmpty()
                                               ? Tr::tr("Rejected by %1: %2").arg(who, by->comment)
                                               : Tr::tr("Rejected by %1").arg(who));
        if (request.isOpen()) {
            if (const auto closed = channel->close(run.key, u"rejected"_s, userName,
                                                   Approvals::emailOf(user.entity, user.email), cancel);
                !closed.ok()) {
                qCWarning(lcActions) << "could not close approval request" << run.key << closed.error().toString();
            }
        }
        return false;
    }
    case ApprovalRequest::State::Approved:
        break;
    }
    if (changeExecutor) {
        const auto landed = changeExecutor->landApproved(*change, m_environment, cancel);
        if (!landed.ok()) {
            const Error &e = landed.error();
            if (e.code == Error::Code::Network || e.code == Error::Code::Timeout || e.code == Error::Code::Cancelled) {
                (void)save(describeError(e));
                return false; // tried again at the next check
            }
            (void)save({});
            stop(ActionRun::Status::Failed,
                 Tr::tr("Approved, but the change could not be landed: %1").arg(describeError(e)));
            return false;
        }
        if (!landed->isEmpty()) {
            if (StepRecord *record = run.step(change->id)) {
                record->log += now(m_environment).toString(Qt::ISODate) + u' ' + *landed + u'\n';
            }
        }
    }
    QJsonObject json = request.toJson();
    json.insert(u"passed"_s, true);
    run.approval = json;
    run.status = ActionRun::Status::Running;
    if (request.isOpen()) {
        if (const auto closed =
                channel->close(run.key, u"proceeded"_s, userName, Approvals::emailOf(user.entity, user.email), cancel);
            !closed.ok()) {
            qCWarning(lcActions) << "could not close approval request" << run.key << closed.error().toString();
        }
    }
    qCInfo(lcActions) << "run" << run.id << run.templateId << "approved";
    if (const auto saved = store(run, changed); !saved.ok()) {
        return saved.error();
    }
    return true;
}

Result<ActionRun> ActionRunner::refreshLinks(qint64 runId, const std::atomic_bool *cancel)
{
    const auto found = m_store.find(runId);
    if (!found.ok()) {
        return found.error();
    }
    if (!found->has_value()) {
        return makeError(Error::Code::Internal, Tr::tr("Run %1 is not in the cache").arg(runId));
    }
    ActionRun run = **found;
    bool changedAny = false;
    for (const StepRecord &step : run.steps) {
        QList<RunLink> links;
        for (const RunLink &link : run.links) {
            if (link.stepId == step.id && !link.isFinal()) {
                links.append(link);
            }
        }
        StepExecutor *executor = m_executors.find(step.action);
        if (links.isEmpty() || !executor) {
            continue;
        }
        const auto updated = executor->refresh(step, links, m_environment, cancel);
        if (!updated.ok()) {
            qCInfo(lcActions) << "could not follow the links of run" << runId << updated.error().toString();
            continue;
        }
        for (const RunLink &fresh : *updated) {
            for (RunLink &link : run.links) {
                if (link.stepId == fresh.stepId && link.kind == fresh.kind && link.url == fresh.url
                    && link.state != fresh.state) {
                    link.state = fresh.state;
                    changedAny = true;
                }
            }
        }
    }
    if (changedAny) {
        if (const auto saved = m_store.save(run); !saved.ok()) {
            return saved.error();
        }
    }
    return run;
}

Result<ActionRun> ActionRunner::cancelOnPlatform(qint64 runId)
{
    const auto found = m_store.find(runId);
    if (!found.ok()) {
        return found.error();
    }
    if (!found->has_value()) {
        return makeError(Error::Code::Internal, Tr::tr("Run %1 is not in the cache").arg(runId));
    }
    ActionRun run = **found;
    QStringList refused;
    for (StepRecord &step : run.steps) {
        StepExecutor *executor = m_executors.find(step.action);
        if (!executor || !executor->canCancel() || step.state.isEmpty()) {
            continue;
        }
        bool open = false;
        for (const RunLink &link : run.links) {
            open = open || (link.stepId == step.id && !link.isFinal());
        }
        if (!open && step.status != StepRecord::Status::Running) {
            continue;
        }
        if (const auto cancelled = executor->cancel(step, m_environment); !cancelled.ok()) {
            refused.append(describeError(cancelled.error()));
        } else {
            step.log += now(m_environment).toString(Qt::ISODate) + u' ' + Tr::tr("Cancellation requested") + u'\n';
        }
    }
    if (!refused.isEmpty()) {
        return makeError(Error::Code::Http, refused.join(u"; "_s));
    }
    // A request still waiting for approvers is closed, so their Inbox no longer offers it.
    if (!run.approval.isEmpty() && !run.approval.value("passed"_L1).toBool() && !run.isFinished()) {
        const ActionUser &user = m_environment.user;
        const auto closed =
            approvalChannel(m_environment)
                ->close(run.key, u"cancelled"_s, user.displayName.isEmpty() ? user.login : user.displayName,
                        Approvals::emailOf(user.entity, user.email));
        if (!closed.ok()) {
            qCWarning(lcActions) << "could not close approval request" << run.key << closed.error().toString();
        }
    }
    if (!run.isFinished()) {
        run.status = ActionRun::Status::Cancelled;
        run.finished = now(m_environment);
        run.error = Tr::tr("Cancelled");
    }
    if (const auto saved = m_store.save(run); !saved.ok()) {
        return saved.error();
    }
    return run;
}

} // namespace Portolan::Core
