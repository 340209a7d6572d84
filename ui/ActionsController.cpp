#include "ActionsController.h"

#include "actions/ActionLibrary.h"
#include "actions/ActionSetup.h"
#include "actions/RunStore.h"
#include "auth/TokenStore.h"
#include "automation/AutomationRunner.h"
#include "cache/CacheDatabase.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

Q_LOGGING_CATEGORY(lcActionsUi, "portolan.ui.actions")

using namespace Core;

ActionsController::ActionsController(Workspace workspace, QString cachePath, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_workspace(std::move(workspace))
    , m_cachePath(std::move(cachePath))
    , m_tokens(tokens)
    , m_executors(std::make_unique<StepExecutorRegistry>())
    , m_catalog(Catalog::empty())
{
    qRegisterMetaType<ActionRun>();
    qRegisterMetaType<QList<ActionRun>>();
    qRegisterMetaType<QList<PlannedStep>>();
    qRegisterMetaType<QList<ApprovalRequest>>();
    qRegisterMetaType<ActionUser>();
    m_pool.setMaxThreadCount(4);
    m_followPool.setMaxThreadCount(1);
    m_follow.setInterval(30'000);
    connect(&m_follow, &QTimer::timeout, this, &ActionsController::refreshLinks);
    connect(&m_follow, &QTimer::timeout, this, &ActionsController::checkWaitingRuns);
    connect(&m_follow, &QTimer::timeout, this, &ActionsController::refreshApprovals);
    m_follow.start();
    qRegisterMetaType<ErrorList>();
    m_automationPool.setMaxThreadCount(1);
    m_automationTimer.setInterval(60'000);
    connect(&m_automationTimer, &QTimer::timeout, this, &ActionsController::checkAutomations);
}

ActionsController::~ActionsController()
{
    m_follow.stop();
    m_automationTimer.stop();
    // Steps stop where they are and the runs stay running: the next start resumes them.
    m_interrupt->store(true);
    for (const auto &flag : std::as_const(m_cancels)) {
        flag->store(true);
    }
    waitForIdle();
}

void ActionsController::waitForIdle()
{
    m_automationPool.waitForDone();
    m_pool.waitForDone();
    m_followPool.waitForDone();
}

void ActionsController::setFollowInterval(int seconds)
{
    m_follow.setInterval(std::max(1, seconds) * 1000);
}

void ActionsController::setCatalog(const Catalog::Ptr &catalog)
{
    const Catalog::Ptr previous = m_catalog;
    m_catalog = catalog ? catalog : Catalog::empty();
    // Entity triggers: what changed between the two catalogs is looked at in the next round (on its worker).
    if (previous && previous->size() > 0 && m_catalog->size() > 0 && previous != m_catalog) {
        queueAutomationInput([&](AutomationInput &input) { input.catalogs.append({previous, m_catalog}); });
    }
    rebuild();
    if (!m_resumed && m_catalog->size() > 0) {
        m_resumed = true;
        resumeUnfinished();
        loadRuns();
        refreshApprovals();
        if (m_automationsEnabled && !m_cachePath.isEmpty()) {
            m_automationTimer.start();
            QTimer::singleShot(0, this, &ActionsController::checkAutomations);
        }
    }
}

void ActionsController::setAutomationsEnabled(bool enabled)
{
    m_automationsEnabled = enabled;
    if (!enabled) {
        m_automationTimer.stop();
    } else if (m_resumed && !m_cachePath.isEmpty()) {
        m_automationTimer.start();
    }
}

void ActionsController::setAutomationInterval(int seconds)
{
    m_automationTimer.setInterval(std::max(1, seconds) * 1000);
}

void ActionsController::checkAutomations()
{
    if (!m_automationsEnabled || m_cachePath.isEmpty() || m_catalog->size() == 0) {
        return;
    }
    if (m_automationsRunning) {
        m_automationsAgain = true; // what is due by now may have come after the running round looked
        return;
    }
    m_automationsRunning = true;
    m_automationsAgain = false;
    withSecrets([this](QHash<QString, QString> secrets) {
        ActionEnvironment env = environment();
        env.secrets = std::move(secrets);
        const QPointer<ActionsController> self(this);
        const Catalog::Ptr catalog = m_catalog;
        const QList<ActionTemplate> actions = m_actions;
        const Workspace workspace = m_workspace;
        const QString cachePath = m_cachePath;
        const QSet<QString> settled = m_settledEvents;
        const AutomationInput input = std::exchange(m_automationInput, {});
        const auto interrupt = m_interrupt;
        const auto changed = runChangedCallback();
        (void)QtConcurrent::run(&m_automationPool, [=] {
            const AutomationSet set = AutomationSet::read(workspace.automationPaths());
            ErrorList problems = set.problems;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            // Everything due now, not only what came due since the last round: an environment the sync brings in
            // already expired is due too. The lease settles each event once across desktops; what this app saw
            // settled is not asked again.
            QList<AutomationEvent> events =
                Automations::dueEvents(set, *catalog, Automations::ttlPolicy(workspace), QDateTime(), now);
            // The app's own events since the last round: catalog changes, scorecard moves, finished runs.
            for (const auto &[before, after] : input.catalogs) {
                events += Automations::entityEvents(set, *before, *after, now);
            }
            for (const auto &[before, after] : input.scores) {
                events += Automations::scorecardEvents(set, *before, *after, now);
            }
            for (const ActionRun &run : input.runs) {
                events += Automations::runEvents(set, run, now);
            }
            if (input.live) {
                events += Automations::alertEvents(set, *catalog, *input.live, now);
            }
            events.removeIf([&settled](const AutomationEvent &e) { return settled.contains(e.key); });
            QSet<QString> nowSettled;
            int ran = 0;
            CacheDatabase db;
            const auto opened = events.isEmpty() ? Result<void>() : db.open(cachePath);
            if (!opened.ok()) {
                problems.append(opened.error());
            } else if (!events.isEmpty()) {
                StepExecutorRegistry executors;
                const auto leases = Automations::leaseStoreFor(workspace);
                Automations::Setup setup;
                setup.automations = &set;
                setup.actions = &actions;
                setup.executors = &executors;
                setup.environment = env;
                setup.database = &db;
                setup.leases = leases.get();
                setup.holder = leaseHolder();
                setup.cancel = interrupt.get();
                for (const AutomationEvent &event : events) {
                    if (interrupt->load()) {
                        break;
                    }
                    const AutomationOutcome outcome =
                        Automations::run(setup, event, QDateTime::currentDateTimeUtc(), changed);
                    if (outcome.kind == AutomationOutcome::Kind::Failed) {
                        problems.append(outcome.error);
                    }
                    if (outcome.kind == AutomationOutcome::Kind::Ran || outcome.kind == AutomationOutcome::Kind::Done) {
                        nowSettled.insert(event.key);
                    }
                    // What became of each event, for the log: as `portolan-cli automations run` prints it.
                    if (outcome.kind == AutomationOutcome::Kind::Held
                        || outcome.kind == AutomationOutcome::Kind::Done) {
                        qCInfo(lcActionsUi).noquote()
                            << "automation" << event.key
                            << (outcome.kind == AutomationOutcome::Kind::Held ? "held by" : "done by")
                            << outcome.holder;
                    } else if (outcome.run) {
                        qCInfo(lcActionsUi).noquote() << "automation" << event.key << "ran run" << outcome.run->id
                                                      << ActionRun::statusName(outcome.run->status);
                    }
                    if (outcome.run) {
                        ++ran;
                        const ActionRun run = *outcome.run;
                        QMetaObject::invokeMethod(
                            self.data(),
                            [self, run] {
                                if (self) {
                                    self->takeRun(run);
                                    self->queueAutomationInput(
                                        [&run](AutomationInput &pending) { pending.runs.append(run); });
                                    Q_EMIT self->runFinished(run);
                                }
                            },
                            Qt::QueuedConnection);
                    }
                }
            }
            const int due = int(events.size());
            QMetaObject::invokeMethod(
                self.data(),
                [self, due, ran, problems, nowSettled] {
                    if (!self) {
                        return;
                    }
                    self->m_settledEvents.unite(nowSettled);
                    if (self->m_automationsAgain || !self->m_automationInput.isEmpty()) {
                        QTimer::singleShot(0, self.data(), &ActionsController::checkAutomations);
                    }
                    self->m_automationsRunning = false;
                    for (const Error &e : problems) {
                        qCWarning(lcActionsUi) << "automations:" << e.toString();
                    }
                    Q_EMIT self->automationsChecked(due, ran, problems);
                },
                Qt::QueuedConnection);
        });
    });
}

void ActionsController::setScores(const ScorecardResults::Ptr &scores)
{
    if (m_scores && scores && m_scores != scores) {
        const ScorecardResults::Ptr previous = m_scores;
        queueAutomationInput([&](AutomationInput &input) { input.scores.append({previous, scores}); });
    }
    m_scores = scores;
    Q_EMIT actionsChanged(); // guard checks may read levels
}

void ActionsController::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    rebuild();
}

void ActionsController::setIdentity(const QString &userRef)
{
    m_identity = userRef;
    rebuild();
}

void ActionsController::rebuild()
{
    // A few templates per catalog: reading them is quick; the catalog scan for them is one pass.
    m_actions = ActionLibrary::read(*m_catalog, *m_executors);
    // Who runs Portolan here (from the environment), and who the guardrails check: the same unless "act as" chose
    // someone. Each is a scan of the catalog's users, so the second only when it differs.
    IdentityHints hints = ActionGuards::localHints();
    m_detected = ActionGuards::identify(*m_catalog, hints);
    ActionUser user = m_detected;
    if (!m_identity.isEmpty()) {
        hints.configured = m_identity;
        user = ActionGuards::identify(*m_catalog, hints);
    }
    const bool userChangedNow = user.entityRef != m_user.entityRef || user.groups != m_user.groups;
    m_user = user;
    Q_EMIT actionsChanged();
    if (userChangedNow) {
        Q_EMIT userChanged(m_user);
    }
}

const ActionTemplate *ActionsController::action(const QString &id) const
{
    return ActionLibrary::find(m_actions, id);
}

GuardCheck ActionsController::check(const ActionTemplate &action, const Entity *target) const
{
    return ActionGuards::check(action, ActionGuards::effective(action, m_workspace.actions), m_user, *m_catalog, target,
                               m_scores.get());
}

ActionEnvironment ActionsController::environment() const
{
    ActionEnvironment env = ActionSetup::environment(m_workspace, m_user, m_catalog);
    const QPointer<ActionsController> self(const_cast<ActionsController *>(this));
    const auto registerLocation = env.registerLocation;
    env.registerLocation = [registerLocation, self](const RegisteredLocation &location) {
        auto id = registerLocation(location);
        if (id.ok()) {
            const QString sourceId = *id;
            QMetaObject::invokeMethod(
                self.data(),
                [self, sourceId] {
                    if (self) {
                        Q_EMIT self->sourceRegistered(sourceId);
                    }
                },
                Qt::QueuedConnection);
        }
        return id;
    };
    return env;
}

void ActionsController::withSecrets(std::function<void(QHash<QString, QString>)> then)
{
    auto secrets = std::make_shared<QHash<QString, QString>>(ActionSetup::secretsFromEnvironment(m_workspace));
    QStringList missing;
    for (const CredentialConfig &c : m_workspace.credentials) {
        if (!secrets->contains(c.name)) {
            missing.append(c.name);
        }
    }
    if (!m_tokens || missing.isEmpty()) {
        then(*secrets);
        return;
    }
    auto left = std::make_shared<int>(int(missing.size()));
    const QPointer<ActionsController> self(this);
    for (const QString &name : missing) {
        m_tokens->read(TokenStore::keyFor(m_workspace.cacheKey(), name), [=](Result<QString> value) {
            if (value.ok() && !value->isEmpty()) {
                secrets->insert(name, *value);
            }
            if (--*left == 0 && self) {
                then(*secrets);
            }
        });
    }
}

int ActionsController::requestPlan(const ActionTemplate &action, const ActionSubmission &submission)
{
    const int id = ++m_nextPlan;
    const ActionEnvironment env = environment();
    const QPointer<ActionsController> self(this);
    QString cachePath = m_cachePath;
    (void)QtConcurrent::run(&m_followPool, [self, id, action, submission, env] {
        // Planning renders and previews; it never touches the cache, so an in-memory database stands in.
        CacheDatabase db;
        (void)db.open(u":memory:"_s);
        StepExecutorRegistry executors;
        ActionRunner runner(db, executors, env);
        const QList<PlannedStep> plan = runner.plan(action, submission);
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, plan] {
                if (self) {
                    Q_EMIT self->planReady(id, plan);
                }
            },
            Qt::QueuedConnection);
    });
    return id;
}

void ActionsController::start(const ActionTemplate &action, const ActionSubmission &submission)
{
    if (m_starting.contains(submission.key)) {
        return; // the same submission is being stored right now (a double click)
    }
    m_starting.insert(submission.key);
    const QPointer<ActionsController> self(this);
    withSecrets([self, action, submission](QHash<QString, QString> secrets) {
        if (!self) {
            return;
        }
        ActionEnvironment env = self->environment();
        env.secrets = secrets;
        const QString cachePath = self->m_cachePath;
        (void)QtConcurrent::run(&self->m_pool, [self, action, submission, env, cachePath] {
            CacheDatabase db;
            Result<RunStore::Inserted> inserted = makeError(Error::Code::Internal, {});
            if (const auto opened = db.open(cachePath); !opened.ok()) {
                inserted = opened.error();
            } else {
                StepExecutorRegistry executors;
                ActionRunner runner(db, executors, env);
                inserted = runner.submit(action, submission);
            }
            QMetaObject::invokeMethod(
                self.data(),
                [self, action, submission, inserted, secrets = env.secrets] {
                    if (!self) {
                        return;
                    }
                    self->m_starting.remove(submission.key);
                    if (!inserted.ok()) {
                        Q_EMIT self->startFailed(submission.key, inserted.error().message);
                        return;
                    }
                    self->takeRun(inserted->run);
                    if (inserted->created || !inserted->run.isFinished()) {
                        if (!self->m_cancels.contains(inserted->run.id)) {
                            self->execute(action, inserted->run.id, submission.parameters, secrets);
                        }
                    }
                },
                Qt::QueuedConnection);
        });
    });
}

void ActionsController::execute(const ActionTemplate &action, qint64 runId, const QJsonObject &parameters,
                                const QHash<QString, QString> &secrets)
{
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancels.insert(runId, cancel);
    ActionEnvironment env = environment();
    env.secrets = secrets;
    const QPointer<ActionsController> self(this);
    const QString cachePath = m_cachePath;
    const auto interrupt = m_interrupt;
    const auto changed = runChangedCallback();
    (void)QtConcurrent::run(&m_pool, [self, action, runId, parameters, env, cachePath, cancel, interrupt, changed] {
        CacheDatabase db;
        if (const auto opened = db.open(cachePath); !opened.ok()) {
            qCWarning(lcActionsUi) << "cannot open the cache for run" << runId << opened.error().toString();
            return;
        }
        StepExecutorRegistry executors;
        ActionRunner runner(db, executors, env);
        runner.setInterruptFlag(interrupt.get());
        // A run can end elsewhere between being listed here and this call (an automation round, another window):
        // then this call changes nothing, and its end was announced by the one that did.
        bool moved = false;
        const auto finished =
            runner.execute(runId, action, parameters, cancel.get(), [&moved, &changed](const ActionRun &run) {
                moved = true;
                changed(run);
            });
        QMetaObject::invokeMethod(
            self.data(),
            [self, runId, finished, moved] {
                if (!self) {
                    return;
                }
                self->m_cancels.remove(runId);
                if (finished.ok()) {
                    self->takeRun(*finished);
                    if (finished->isFinished() && moved) {
                        const ActionRun run = *finished;
                        self->queueAutomationInput([&run](AutomationInput &pending) { pending.runs.append(run); });
                        Q_EMIT self->runFinished(*finished);
                    }
                } else if (finished.error().code == Error::Code::Busy) {
                    // Another window, an automation round or `portolan-cli` has it: that one reports its end.
                    qCInfo(lcActionsUi).noquote() << finished.error().message;
                } else {
                    qCWarning(lcActionsUi) << "run" << runId << finished.error().toString();
                }
            },
            Qt::QueuedConnection);
    });
}

std::function<void(const ActionRun &)> ActionsController::runChangedCallback()
{
    const QPointer<ActionsController> self(this);
    return [self](const ActionRun &run) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, run] {
                if (self) {
                    self->takeRun(run);
                }
            },
            Qt::QueuedConnection);
    };
}

void ActionsController::takeRun(const ActionRun &run)
{
    bool found = false;
    for (ActionRun &r : m_runs) {
        if (r.id == run.id) {
            r = run;
            found = true;
            break;
        }
    }
    if (!found) {
        m_runs.prepend(run);
    }
    Q_EMIT runChanged(run);
    // A review on the platform that starts or ends shows in (or leaves) the Inbox at once.
    bool waits = false;
    for (const StepRecord &step : run.steps) {
        waits = waits || (step.status == StepRecord::Status::Running && step.state.contains("pendingDeployments"_L1));
    }
    if (waits != m_reviewKeys.contains(run.key)) {
        publishApprovals();
    }
}

void ActionsController::cancel(qint64 runId)
{
    if (const auto flag = m_cancels.value(runId)) {
        flag->store(true);
    }
    const ActionEnvironment env = environment();
    const QPointer<ActionsController> self(this);
    const QString cachePath = m_cachePath;
    withSecrets([self, runId, env, cachePath](QHash<QString, QString> secrets) {
        if (!self) {
            return;
        }
        ActionEnvironment withSecrets = env;
        withSecrets.secrets = secrets;
        (void)QtConcurrent::run(&self->m_followPool, [self, runId, withSecrets, cachePath] {
            CacheDatabase db;
            if (!db.open(cachePath).ok()) {
                return;
            }
            StepExecutorRegistry executors;
            ActionRunner runner(db, executors, withSecrets);
            const auto run = runner.cancelOnPlatform(runId);
            QMetaObject::invokeMethod(
                self.data(),
                [self, run] {
                    if (self && run.ok()) {
                        self->takeRun(*run);
                    }
                },
                Qt::QueuedConnection);
        });
    });
}

void ActionsController::loadRuns()
{
    const QPointer<ActionsController> self(this);
    const QString cachePath = m_cachePath;
    if (cachePath.isEmpty()) {
        return;
    }
    (void)QtConcurrent::run(&m_followPool, [self, cachePath] {
        CacheDatabase db;
        QList<ActionRun> runs;
        if (db.open(cachePath).ok()) {
            RunStore store(db);
            if (auto listed = store.list(); listed.ok()) {
                runs = *listed;
            }
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, runs] {
                if (!self) {
                    return;
                }
                // Runs executing here are newer in memory than in the list read a moment ago.
                QList<ActionRun> merged = runs;
                for (ActionRun &r : merged) {
                    for (const ActionRun &mine : std::as_const(self->m_runs)) {
                        if (mine.id == r.id && self->m_cancels.contains(r.id)) {
                            r = mine;
                        }
                    }
                }
                self->m_runs = merged;
                Q_EMIT self->runsLoaded(merged);
                QSet<QString> reviewing;
                for (const ApprovalRequest &r : self->platformReviews()) {
                    reviewing.insert(r.runKey);
                }
                if (reviewing != self->m_reviewKeys) {
                    self->publishApprovals();
                }
            },
            Qt::QueuedConnection);
    });
}

void ActionsController::resumeUnfinished()
{
    const QPointer<ActionsController> self(this);
    const QString cachePath = m_cachePath;
    if (cachePath.isEmpty()) {
        return;
    }
    (void)QtConcurrent::run(&m_followPool, [self, cachePath] {
        CacheDatabase db;
        QList<ActionRun> runs;
        if (db.open(cachePath).ok()) {
            if (auto unfinished = RunStore(db).unfinished(); unfinished.ok()) {
                runs = *unfinished;
            }
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, runs] {
                if (!self || runs.isEmpty()) {
                    return;
                }
                self->withSecrets([self, runs](QHash<QString, QString> secrets) {
                    for (const ActionRun &run : runs) {
                        if (!self || self->m_cancels.contains(run.id)) {
                            continue;
                        }
                        const ActionTemplate *action = self->action(run.templateId);
                        if (!action) {
                            qCWarning(lcActionsUi) << "run" << run.id << "of" << run.templateId
                                                   << "cannot resume: the action is no longer in the catalog";
                            continue;
                        }
                        qCInfo(lcActionsUi) << "resuming run" << run.id << run.templateId;
                        self->execute(*action, run.id, {}, secrets);
                    }
                });
            },
            Qt::QueuedConnection);
    });
}

void ActionsController::refreshLinks()
{
    QList<qint64> open;
    for (const ActionRun &run : std::as_const(m_runs)) {
        for (const RunLink &link : run.links) {
            if (!link.isFinal() && !m_cancels.contains(run.id)) {
                open.append(run.id);
                break;
            }
        }
    }
    if (open.isEmpty() || m_cachePath.isEmpty()) {
        return;
    }
    const QPointer<ActionsController> self(this);
    const QString cachePath = m_cachePath;
    withSecrets([self, open, cachePath](QHash<QString, QString> secrets) {
        if (!self) {
            return;
        }
        ActionEnvironment env = self->environment();
        env.secrets = secrets;
        (void)QtConcurrent::run(&self->m_followPool, [self, open, env, cachePath] {
            CacheDatabase db;
            if (!db.open(cachePath).ok()) {
                return;
            }
            StepExecutorRegistry executors;
            ActionRunner runner(db, executors, env);
            for (qint64 id : open) {
                const auto run = runner.refreshLinks(id);
                if (!run.ok()) {
                    continue;
                }
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, run = *run] {
                        if (self) {
                            self->takeRun(run);
                        }
                    },
                    Qt::QueuedConnection);
            }
        });
    });
}

void ActionsController::setLive(const LiveSnapshot::Ptr &live)
{
    // Only a snapshot with a firing alert can start anything; most live updates (a pod restarting) are not looked at.
    const bool firing = live && std::any_of(live->ops.cbegin(), live->ops.cend(), [](const EntityOps &ops) {
                            return ops.firingCount() > 0;
                        });
    if (firing) {
        queueAutomationInput([&live](AutomationInput &input) { input.live = live; });
    }
}

void ActionsController::queueAutomationInput(const std::function<void(AutomationInput &)> &add)
{
    if (!m_automationsEnabled || m_cachePath.isEmpty()) {
        return;
    }
    add(m_automationInput);
    // Looked at in a round of its own, soon (a round already running picks it up when it ends).
    QTimer::singleShot(0, this, &ActionsController::checkAutomations);
}

void ActionsController::checkWaitingRuns()
{
    QList<ActionRun> waiting;
    for (const ActionRun &run : std::as_const(m_runs)) {
        if (run.status == ActionRun::Status::Waiting && !m_cancels.contains(run.id)) {
            waiting.append(run);
        }
    }
    if (waiting.isEmpty() || m_cachePath.isEmpty()) {
        return;
    }
    const QPointer<ActionsController> self(this);
    withSecrets([self, waiting](QHash<QString, QString> secrets) {
        for (const ActionRun &run : waiting) {
            if (!self || self->m_cancels.contains(run.id)) {
                continue;
            }
            if (const ActionTemplate *action = self->action(run.templateId)) {
                self->execute(*action, run.id, {}, secrets);
            }
        }
    });
}

void ActionsController::refreshApprovals()
{
    if (m_catalog->size() == 0) {
        return;
    }
    if (m_approvalsReading) {
        m_approvalsAgain = true; // read once more when this read ends: a decision was just made
        return;
    }
    m_approvalsReading = true;
    const QPointer<ActionsController> self(this);
    const ActionEnvironment env = environment();
    (void)QtConcurrent::run(&m_followPool, [self, env] {
        auto channel = ActionRunner::approvalChannel(env);
        const auto read = Approvals::read(*channel, *env.catalog);
        QMetaObject::invokeMethod(
            self.data(),
            [self, read] {
                if (!self) {
                    return;
                }
                self->m_approvalsReading = false;
                if (std::exchange(self->m_approvalsAgain, false)) {
                    QTimer::singleShot(0, self.data(), &ActionsController::refreshApprovals);
                }
                if (!read.ok()) {
                    qCInfo(lcActionsUi) << "could not read approval requests:" << read.error().toString();
                    Q_EMIT self->approvalsFailed(read.error().message);
                    return;
                }
                self->m_channelApprovals = *read;
                self->publishApprovals();
            },
            Qt::QueuedConnection);
    });
}

QList<ApprovalRequest> ActionsController::platformReviews() const
{
    return Approvals::platformReviews(m_runs, *m_catalog);
}

void ActionsController::publishApprovals()
{
    const QList<ApprovalRequest> reviews = platformReviews();
    m_reviewKeys.clear();
    for (const ApprovalRequest &r : reviews) {
        m_reviewKeys.insert(r.runKey);
    }
    // A review of this desktop's own run is shown once: from the run itself, not from the copy it shared.
    QList<ApprovalRequest> channel;
    for (const ApprovalRequest &r : std::as_const(m_channelApprovals)) {
        if (!m_reviewKeys.contains(ApprovalRequest::runKeyOfSharedReview(r.runKey))) {
            channel.append(r);
        }
    }
    m_approvals = channel + reviews;
    Q_EMIT approvalsChanged(m_approvals);
}

void ActionsController::reviewOnPlatform(const ApprovalRequest &request, bool approve, const QString &comment)
{
    StepRecord step;
    for (const ActionRun &run : std::as_const(m_runs)) {
        if (run.key == request.runKey) {
            if (const StepRecord *s = run.step(request.reviewStep)) {
                step = *s;
            }
        }
    }
    const QPointer<ActionsController> self(this);
    const QString runKey = request.runKey;
    withSecrets([self, step, runKey, approve, comment](QHash<QString, QString> secrets) {
        if (!self) {
            return;
        }
        ActionEnvironment env = self->environment();
        env.secrets = std::move(secrets);
        (void)QtConcurrent::run(&self->m_followPool, [self, env, step, runKey, approve, comment] {
            const StepExecutorRegistry executors;
            StepExecutor *executor = executors.find(step.action);
            const Result<void> reviewed =
                executor ? executor->reviewPending(step, env, approve, comment, nullptr)
                         : Result<void>(makeError(Error::Code::Unsupported, tr("The run's step is no longer there")));
            QMetaObject::invokeMethod(
                self.data(),
                [self, runKey, approve, reviewed] {
                    if (!self) {
                        return;
                    }
                    if (reviewed.ok()) {
                        Q_EMIT self->decisionRecorded(runKey, approve);
                    } else {
                        Q_EMIT self->decisionFailed(runKey, reviewed.error().message);
                    }
                },
                Qt::QueuedConnection);
        });
    });
}

void ActionsController::decide(const QString &runKey, bool approve, const QString &comment)
{
    for (const ApprovalRequest &r : std::as_const(m_approvals)) {
        if (r.runKey == runKey && r.onPlatform() && r.reviewAction.isEmpty()) {
            reviewOnPlatform(r, approve, comment); // this desktop's own run
            return;
        }
    }
    ApprovalRequest request;
    request.runKey = runKey;
    for (const ApprovalRequest &r : std::as_const(m_approvals)) {
        request = r.runKey == runKey ? r : request;
    }
    const ActionUser &user = m_user;
    const QString name = user.displayName.isEmpty() ? user.login : user.displayName;
    const QString email = Approvals::emailOf(user.entity, user.email);
    const QPointer<ActionsController> self(this);
    const auto decideWith = [self, request, approve, comment, name, email](QHash<QString, QString> secrets) {
        if (!self) {
            return;
        }
        ActionEnvironment env = self->environment();
        env.secrets = std::move(secrets);
        (void)QtConcurrent::run(&self->m_followPool, [self, env, request, approve, comment, name, email] {
            const auto decided = ActionRunner::decide(env, request, approve, comment, name, email);
            QMetaObject::invokeMethod(
                self.data(),
                [self, runKey = request.runKey, approve, decided] {
                    if (!self) {
                        return;
                    }
                    if (decided.ok()) {
                        if (!decided->isEmpty()) {
                            qCInfo(lcActionsUi) << "approval" << runKey << *decided;
                        }
                        Q_EMIT self->decisionRecorded(runKey, approve);
                    } else {
                        Q_EMIT self->decisionFailed(runKey, decided.error().message);
                    }
                    self->refreshApprovals();
                    self->checkWaitingRuns(); // a request of this desktop goes on at once
                },
                Qt::QueuedConnection);
        });
    };
    if (request.changeRepo.isEmpty() && !request.onPlatform()) {
        decideWith({}); // nothing to review on a platform: no token needed
    } else {
        withSecrets(decideWith); // a review on GitHub is made with the user's token
    }
}

} // namespace Portolan::Ui
