#include "AutomationRunner.h"

#include "actions/ActionRunner.h"
#include "actions/ParameterForm.h"
#include "actions/TemplateExpression.h"
#include "config/Paths.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Portolan::Core::Automations {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Automations", text);
}

QJsonObject entityJson(const Entity &e)
{
    return {{u"ref"_s, e.refString()}, {u"kind"_s, e.kind},           {u"namespace"_s, e.ns},
            {u"name"_s, e.name},       {u"title"_s, e.displayName()}, {u"owner"_s, e.specString("owner"_L1)}};
}

// Run keys from event keys: the same event gives the same run in every process's run store.
QString runKey(const QString &eventKey)
{
    static const QUuid space(u"6f1b0e4e-7a43-4c0b-9d0c-2f3b8a4f1e10"_s);
    return QUuid::createUuidV5(space, eventKey).toString(QUuid::WithoutBraces);
}

const ActionTemplate *findAction(const QList<ActionTemplate> &actions, const QString &id)
{
    for (const ActionTemplate &a : actions) {
        if (a.id == id || a.ref.name == id) {
            return &a;
        }
    }
    return nullptr;
}

AutomationOutcome failed(const AutomationEvent &event, Error error)
{
    AutomationOutcome out;
    out.kind = AutomationOutcome::Kind::Failed;
    out.event = event;
    out.error = std::move(error);
    return out;
}

} // namespace

QList<AutomationEvent> dueEvents(const AutomationSet &set, const Catalog &catalog, const TtlPolicy &policy,
                                 const QDateTime &since, const QDateTime &now)
{
    QList<AutomationEvent> out;
    QList<Expiry> expiries;
    bool expiriesRead = false;
    for (const Automation &a : set.automations) {
        if (!a.enabled) {
            continue;
        }
        if (a.trigger == Automation::Trigger::Schedule && a.interval > 0) {
            const qint64 slot = now.toSecsSinceEpoch() / a.interval * a.interval;
            const QDateTime at = QDateTime::fromSecsSinceEpoch(slot, Qt::UTC);
            if (!since.isValid() || at > since) {
                AutomationEvent e;
                e.automationId = a.id;
                e.key = u"%1/schedule@%2"_s.arg(a.id, at.toString(Qt::ISODate));
                e.summary = tr("%1, due at %2").arg(a.title, at.toString(Qt::ISODate));
                e.event = {{u"trigger"_s, Automation::triggerName(a.trigger)},
                           {u"at"_s, at.toString(Qt::ISODate)},
                           {u"summary"_s, e.summary}};
                out.append(e);
            }
            continue;
        }
        if (a.trigger != Automation::Trigger::TtlExpired && a.trigger != Automation::Trigger::TtlWarning) {
            continue; // entity, scorecard and run triggers come from the app's own events
        }
        if (!expiriesRead) {
            expiries = TimeToLive::expiries(catalog);
            expiriesRead = true;
        }
        const auto wanted =
            a.trigger == Automation::Trigger::TtlExpired ? TtlEvent::Kind::Expired : TtlEvent::Kind::Warning;
        for (const TtlEvent &t : TimeToLive::dueEvents(expiries, policy, since, now)) {
            const Entity &entity = catalog.entity(t.expiry.entity);
            if (t.kind != wanted || !a.matches(entity)) {
                continue;
            }
            AutomationEvent e;
            e.automationId = a.id;
            e.key = a.id + u'/' + t.key;
            e.entityRef = t.expiry.entityRef;
            const QString expires = t.expiry.expiresAt.toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
            e.summary = t.kind == TtlEvent::Kind::Expired
                            ? tr("%1 expired at %2").arg(t.expiry.entityRef, expires)
                            : tr("%1 expires at %2, in %3")
                                  .arg(t.expiry.entityRef, expires, TimeToLive::formatDuration(t.before));
            e.event = {{u"trigger"_s, Automation::triggerName(a.trigger)},
                       {u"at"_s, t.at.toString(Qt::ISODate)},
                       {u"summary"_s, e.summary},
                       {u"entity"_s, entityJson(entity)},
                       {u"expiresAt"_s, t.expiry.expiresAt.toString(Qt::ISODate)},
                       {u"warnBefore"_s, t.before}};
            out.append(e);
        }
    }
    return out;
}

namespace {

// A descriptor's fingerprint that every process computes alike.
QString descriptorPrint(const Entity &e)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QCborValue(e.toEnvelope()).toCbor(), QCryptographicHash::Sha1).toHex().left(12));
}

AutomationEvent eventOf(const Automation &a, const QString &what, const QString &summary, const QDateTime &now)
{
    AutomationEvent e;
    e.automationId = a.id;
    e.key = a.id + u'/' + what;
    e.summary = summary;
    e.event = {{u"trigger"_s, Automation::triggerName(a.trigger)},
               {u"at"_s, now.toUTC().toString(Qt::ISODate)},
               {u"summary"_s, summary}};
    return e;
}

} // namespace

QList<AutomationEvent> entityEvents(const AutomationSet &set, const Catalog &before, const Catalog &after,
                                    const QDateTime &now)
{
    QList<AutomationEvent> out;
    const auto wanted = [&set](Automation::Trigger trigger) {
        QList<const Automation *> list;
        for (const Automation &a : set.automations) {
            if (a.enabled && a.trigger == trigger) {
                list.append(&a);
            }
        }
        return list;
    };
    const auto created = wanted(Automation::Trigger::EntityCreated);
    const auto changed = wanted(Automation::Trigger::EntityChanged);
    const auto deleted = wanted(Automation::Trigger::EntityDeleted);
    if (created.isEmpty() && changed.isEmpty() && deleted.isEmpty()) {
        return out;
    }
    const auto add = [&](const QList<const Automation *> &automations, const Entity &entity, const QString &kind,
                         const QString &summary) {
        for (const Automation *a : automations) {
            if (!a->matches(entity)) {
                continue;
            }
            AutomationEvent e =
                eventOf(*a, u"%1:%2@%3"_s.arg(kind, entity.refString(), descriptorPrint(entity)), summary, now);
            e.entityRef = entity.refString();
            e.event.insert(u"entity"_s, entityJson(entity));
            out.append(e);
        }
    };
    for (int i = 0; i < after.size(); ++i) {
        const Entity &e = after.entity(i);
        const int old = before.find(e.refString());
        if (old < 0) {
            add(created, e, u"entityCreated"_s, tr("%1 was created").arg(e.refString()));
        } else if (!changed.isEmpty() && descriptorPrint(before.entity(old)) != descriptorPrint(e)) {
            add(changed, e, u"entityChanged"_s, tr("%1 changed").arg(e.refString()));
        }
    }
    if (!deleted.isEmpty()) {
        for (int i = 0; i < before.size(); ++i) {
            const Entity &e = before.entity(i);
            if (after.find(e.refString()) < 0) {
                add(deleted, e, u"entityDeleted"_s, tr("%1 was deleted").arg(e.refString()));
            }
        }
    }
    return out;
}

QList<AutomationEvent> scorecardEvents(const AutomationSet &set, const ScorecardResults &before,
                                       const ScorecardResults &after, const QDateTime &now)
{
    QList<AutomationEvent> out;
    if (!before.catalog || !after.catalog) {
        return out;
    }
    for (const Automation &a : set.automations) {
        if (!a.enabled || a.trigger != Automation::Trigger::ScorecardChanged) {
            continue;
        }
        const QString onlyCard = a.triggerOptions.value("scorecard"_L1).toString();
        const QString direction = a.triggerOptions.value("direction"_L1).toString();
        for (qsizetype c = 0; c < after.cards.size(); ++c) {
            const Scorecard &card = after.cards.at(c);
            if (!onlyCard.isEmpty() && card.id != onlyCard) {
                continue;
            }
            qsizetype oldCard = -1;
            for (qsizetype o = 0; o < before.cards.size(); ++o) {
                oldCard = before.cards.at(o).id == card.id ? o : oldCard;
            }
            if (oldCard < 0) {
                continue; // a new scorecard: every entity "moved", which is no news
            }
            for (int i = 0; i < after.catalog->size(); ++i) {
                const Entity &entity = after.catalog->entity(i);
                const int old = before.catalog->find(entity.refString());
                const EntityScore *now_ = after.score(int(c), i);
                const EntityScore *was = old >= 0 ? before.score(int(oldCard), old) : nullptr;
                if (!now_ || !was || now_->level == was->level || !a.matches(entity)) {
                    continue;
                }
                const bool up = now_->level > was->level;
                if ((direction == u"up"_s && !up) || (direction == u"down"_s && up)) {
                    continue;
                }
                const QString from = before.levelName(int(oldCard), old);
                const QString to = after.levelName(int(c), i);
                AutomationEvent e = eventOf(a,
                                            u"scorecardChanged:%1/%2@%3:%4->%5"_s.arg(
                                                card.id, entity.refString(), descriptorPrint(entity), from, to),
                                            tr("%1 went from %2 to %3 on %4")
                                                .arg(entity.refString(), from.isEmpty() ? tr("no level") : from,
                                                     to.isEmpty() ? tr("no level") : to, card.title),
                                            now);
                e.entityRef = entity.refString();
                e.event.insert(u"entity"_s, entityJson(entity));
                e.event.insert(u"scorecard"_s, QJsonObject{{u"id"_s, card.id}, {u"title"_s, card.title}});
                e.event.insert(u"from"_s, from);
                e.event.insert(u"to"_s, to);
                e.event.insert(u"direction"_s, up ? u"up"_s : u"down"_s);
                out.append(e);
            }
        }
    }
    return out;
}

QList<AutomationEvent> alertEvents(const AutomationSet &set, const Catalog &catalog, const LiveSnapshot &live,
                                   const QDateTime &now)
{
    QList<AutomationEvent> out;
    for (const Automation &a : set.automations) {
        if (!a.enabled || a.trigger != Automation::Trigger::AlertFiring) {
            continue;
        }
        const QString severity = a.triggerOptions.value("severity"_L1).toString();
        const QString alertName = a.triggerOptions.value("alert"_L1).toString();
        for (auto it = live.ops.cbegin(); it != live.ops.cend(); ++it) {
            const int index = catalog.indexOf(it.key());
            if (index < 0 || !a.matches(catalog.entity(index))) {
                continue;
            }
            const Entity &entity = catalog.entity(index);
            for (const AlertInfo &alert : it->alerts) {
                if (!alert.isFiring()
                    || (!severity.isEmpty() && alert.severity.compare(severity, Qt::CaseInsensitive) != 0)
                    || (!alertName.isEmpty() && alert.name != alertName)) {
                    continue;
                }
                const QString since =
                    alert.activeSince.isValid() ? QString::number(alert.activeSince.toMSecsSinceEpoch()) : QString();
                AutomationEvent e =
                    eventOf(a, u"alertFiring:%1/%2@%3"_s.arg(entity.refString(), alert.labels.join(u','), since),
                            tr("%1 fires for %2: %3").arg(alert.name, entity.refString(), alert.summary), now);
                e.entityRef = entity.refString();
                e.event.insert(u"entity"_s, entityJson(entity));
                e.event.insert(u"alert"_s, QJsonObject{{u"name"_s, alert.name},
                                                       {u"severity"_s, alert.severity},
                                                       {u"summary"_s, alert.summary},
                                                       {u"since"_s, alert.activeSince.toString(Qt::ISODate)},
                                                       {u"labels"_s, QJsonArray::fromStringList(alert.labels)},
                                                       {u"url"_s, alert.url}});
                out.append(e);
            }
        }
    }
    return out;
}

QList<AutomationEvent> runEvents(const AutomationSet &set, const ActionRun &run, const QDateTime &now)
{
    QList<AutomationEvent> out;
    if (!run.isFinished() || run.trigger.value("trigger"_L1).toString() == u"runFinished"_s) {
        return out;
    }
    const QString status = ActionRun::statusName(run.status);
    for (const Automation &a : set.automations) {
        if (!a.enabled || a.trigger != Automation::Trigger::RunFinished) {
            continue;
        }
        const QString action = a.triggerOptions.value("action"_L1).toString();
        const QString wantedStatus = a.triggerOptions.value("status"_L1).toString();
        const QString name = run.templateId.section(u'/', -1);
        if ((!action.isEmpty() && action != run.templateId && action != name)
            || (!wantedStatus.isEmpty() && wantedStatus != status)) {
            continue;
        }
        AutomationEvent e = eventOf(a, u"runFinished:"_s + run.key,
                                    tr("%1 (run %2) %3").arg(run.templateTitle).arg(run.id).arg(status), now);
        e.entityRef = run.entityRef;
        e.event.insert(u"run"_s, QJsonObject{{u"id"_s, run.id},
                                             {u"key"_s, run.key},
                                             {u"action"_s, run.templateId},
                                             {u"title"_s, run.templateTitle},
                                             {u"status"_s, status},
                                             {u"user"_s, run.user},
                                             {u"entity"_s, run.entityRef},
                                             {u"error"_s, run.error},
                                             {u"parameters"_s, run.parameters}});
        out.append(e);
    }
    return out;
}

TtlPolicy ttlPolicy(const Workspace &workspace)
{
    TtlPolicy policy;
    if (!workspace.automations.ttlWarnings.isEmpty()) {
        policy.warnBefore = workspace.automations.ttlWarnings;
    }
    return policy;
}

std::unique_ptr<LeaseStore> leaseStoreFor(const Workspace &workspace)
{
    const QString folder = QDir(Paths::dataDir()).filePath(u"workspaces/"_s + workspace.cacheKey());
    const QString leases = workspace.automations.leases;
    if (leases == u"local"_s || (leases.isEmpty() && workspace.gitUrl.isEmpty())) {
        return makeFileLeaseStore(folder + u"/leases"_s);
    }
    if (leases.startsWith(u"kubernetes:"_s)) {
        // kubernetes:CONTEXT/NAMESPACE; a context's name may have slashes of its own, a namespace's not.
        const QString target = leases.mid(11);
        const qsizetype slash = target.lastIndexOf(u'/');
        return makeKubeLeaseStore(target.left(slash), target.mid(slash + 1));
    }
    return makeGitLeaseStore(leases.isEmpty() ? workspace.gitUrl : leases, folder + u"/leases-clone"_s);
}

AutomationOutcome run(const Setup &setup, const AutomationEvent &event, const QDateTime &now,
                      const std::function<void(const ActionRun &)> &changed)
{
    const Automation *automation = setup.automations->find(event.automationId);
    if (!automation) {
        return failed(event, makeError(Error::Code::Config, tr("No automation \"%1\"").arg(event.automationId)));
    }
    const QString leaseKey = u"automation/"_s + event.key;
    const auto claim = setup.leases->claim(leaseKey, setup.holder, now, setup.holdSeconds);
    if (!claim.ok()) {
        return failed(event, claim.error());
    }
    if (!claim->won) {
        AutomationOutcome out;
        out.kind = claim->done ? AutomationOutcome::Kind::Done : AutomationOutcome::Kind::Held;
        out.event = event;
        out.holder = claim->holder;
        return out;
    }

    const ActionTemplate *action = findAction(*setup.actions, automation->action);
    if (!action) {
        Error e = makeError(Error::Code::Config,
                            tr("The automation %1 runs the action \"%2\", which the workspace does not have")
                                .arg(automation->id, automation->action));
        e.file = automation->file;
        e.line = automation->line;
        e.field = u"action"_s;
        return failed(event, e);
    }
    const QJsonObject context{{u"event"_s, event.event}, {u"workspace"_s, setup.environment.variables}};
    const auto rendered = TemplateExpression::renderValue(automation->parameters, context, u"parameters"_s);
    if (!rendered.ok()) {
        Error e = rendered.error();
        e.file = automation->file;
        e.line = automation->line;
        return failed(event, e);
    }
    const ParameterForm form(*action);
    const QJsonObject values = form.withDefaults(rendered->toObject());
    for (const Error &e : form.validate(values)) {
        if (e.isError()) {
            Error problem =
                makeError(Error::Code::Validation, tr("The automation %1 gives %2 a wrong parameter %3: %4")
                                                       .arg(automation->id, action->displayName(), e.field, e.message));
            problem.file = automation->file;
            problem.line = automation->line;
            problem.field = u"parameters."_s + e.field;
            return failed(event, problem);
        }
    }

    ActionEnvironment environment = setup.environment;
    environment.user = ActionUser{};
    environment.user.login = u"automation/"_s + automation->id;
    environment.user.displayName = automation->title;
    ActionRunner runner(*setup.database, *setup.executors, environment);
    ActionSubmission submission;
    submission.key = runKey(leaseKey);
    submission.parameters = values;
    submission.entityRef = event.entityRef;
    submission.trigger = event.event;
    submission.trigger.insert(u"automation"_s, automation->id);
    submission.trigger.insert(u"automationTitle"_s, automation->title);
    submission.trigger.insert(u"key"_s, event.key);
    const auto submitted = runner.submit(*action, submission);
    if (!submitted.ok()) {
        return failed(event, submitted.error());
    }
    auto finished = submitted->run.isFinished()
                        ? Result<ActionRun>(submitted->run)
                        : runner.execute(submitted->run.id, *action, values, setup.cancel, changed);
    if (!finished.ok()) {
        return failed(event, finished.error());
    }
    AutomationOutcome out;
    out.kind = AutomationOutcome::Kind::Ran;
    out.event = event;
    out.holder = setup.holder;
    out.run = *finished;
    if (finished->status == ActionRun::Status::Succeeded) {
        if (const auto done = setup.leases->complete(leaseKey, setup.holder, QDateTime::currentDateTimeUtc());
            !done.ok()) {
            out.error = done.error();
        }
    }
    return out;
}

} // namespace Portolan::Core::Automations
