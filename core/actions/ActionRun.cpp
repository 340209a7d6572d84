#include "ActionRun.h"

#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue &value)
{
    const QString text = value.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

void putIfSet(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty()) {
        object.insert(key, value);
    }
}

} // namespace

bool RunLink::isFinal() const
{
    static const QStringList finals = {u"merged"_s,  u"closed"_s,    u"success"_s, u"failure"_s, u"cancelled"_s,
                                       u"skipped"_s, u"timed_out"_s, u"neutral"_s, u"stale"_s,   u"completed"_s};
    return kind.isEmpty() || state.isEmpty() ? kind != u"workflow-run"_s && kind != u"pull-request"_s
                                             : finals.contains(state);
}

QJsonObject RunLink::toJson() const
{
    QJsonObject o;
    putIfSet(o, u"title"_s, title);
    putIfSet(o, u"url"_s, url);
    putIfSet(o, u"entityRef"_s, entityRef);
    putIfSet(o, u"kind"_s, kind);
    putIfSet(o, u"state"_s, state);
    putIfSet(o, u"step"_s, stepId);
    return o;
}

RunLink RunLink::fromJson(const QJsonObject &object)
{
    RunLink link;
    link.title = object.value("title"_L1).toString();
    link.url = object.value("url"_L1).toString();
    link.entityRef = object.value("entityRef"_L1).toString();
    link.kind = object.value("kind"_L1).toString();
    link.state = object.value("state"_L1).toString();
    link.stepId = object.value("step"_L1).toString();
    return link;
}

QString StepRecord::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return u"pending"_s;
    case Status::Running:
        return u"running"_s;
    case Status::Succeeded:
        return u"succeeded"_s;
    case Status::Failed:
        return u"failed"_s;
    case Status::Skipped:
        return u"skipped"_s;
    case Status::Cancelled:
        return u"cancelled"_s;
    }
    return u"pending"_s;
}

StepRecord::Status StepRecord::statusFromName(const QString &name)
{
    for (Status s :
         {Status::Pending, Status::Running, Status::Succeeded, Status::Failed, Status::Skipped, Status::Cancelled}) {
        if (statusName(s) == name) {
            return s;
        }
    }
    return Status::Pending;
}

QJsonObject StepRecord::toJson() const
{
    QJsonObject o{{u"id"_s, id}, {u"name"_s, name}, {u"action"_s, action}, {u"status"_s, statusName(status)}};
    if (!input.isEmpty()) {
        o.insert(u"input"_s, input);
    }
    if (!output.isEmpty()) {
        o.insert(u"output"_s, output);
    }
    if (!state.isEmpty()) {
        o.insert(u"state"_s, state);
    }
    putIfSet(o, u"log"_s, log);
    putIfSet(o, u"error"_s, error);
    putIfSet(o, u"started"_s, timeText(started));
    putIfSet(o, u"finished"_s, timeText(finished));
    return o;
}

StepRecord StepRecord::fromJson(const QJsonObject &object)
{
    StepRecord step;
    step.id = object.value("id"_L1).toString();
    step.name = object.value("name"_L1).toString();
    step.action = object.value("action"_L1).toString();
    step.status = statusFromName(object.value("status"_L1).toString());
    step.input = object.value("input"_L1).toObject();
    step.output = object.value("output"_L1).toObject();
    step.state = object.value("state"_L1).toObject();
    step.log = object.value("log"_L1).toString();
    step.error = object.value("error"_L1).toString();
    step.started = timeFrom(object.value("started"_L1));
    step.finished = timeFrom(object.value("finished"_L1));
    return step;
}

bool ActionRun::isFinished() const
{
    return status == Status::Succeeded || status == Status::Failed || status == Status::Cancelled;
}

StepRecord *ActionRun::step(const QString &stepId)
{
    for (StepRecord &s : steps) {
        if (s.id == stepId) {
            return &s;
        }
    }
    return nullptr;
}

const StepRecord *ActionRun::step(const QString &stepId) const
{
    return const_cast<ActionRun *>(this)->step(stepId);
}

QString ActionRun::statusName(Status status)
{
    switch (status) {
    case Status::Queued:
        return u"queued"_s;
    case Status::Running:
        return u"running"_s;
    case Status::Waiting:
        return u"waiting"_s;
    case Status::Succeeded:
        return u"succeeded"_s;
    case Status::Failed:
        return u"failed"_s;
    case Status::Cancelled:
        return u"cancelled"_s;
    }
    return u"queued"_s;
}

ActionRun::Status ActionRun::statusFromName(const QString &name)
{
    for (Status s :
         {Status::Queued, Status::Running, Status::Waiting, Status::Succeeded, Status::Failed, Status::Cancelled}) {
        if (statusName(s) == name) {
            return s;
        }
    }
    return Status::Queued;
}

QString ActionRun::newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject ActionRun::toJson() const
{
    QJsonObject o{{u"key"_s, key},
                  {u"template"_s, templateId},
                  {u"title"_s, templateTitle},
                  {u"status"_s, statusName(status)},
                  {u"created"_s, timeText(created)},
                  {u"parameters"_s, parameters}};
    if (id > 0) {
        o.insert(u"id"_s, id);
    }
    putIfSet(o, u"user"_s, user);
    putIfSet(o, u"entity"_s, entityRef);
    putIfSet(o, u"finished"_s, timeText(finished));
    putIfSet(o, u"error"_s, error);
    if (!trigger.isEmpty()) {
        o.insert(u"trigger"_s, trigger);
    }
    if (!approval.isEmpty()) {
        o.insert(u"approval"_s, approval);
    }
    if (dryRun) {
        o.insert(u"dryRun"_s, true);
    }
    if (!secretFields.isEmpty()) {
        o.insert(u"secretFields"_s, QJsonArray::fromStringList(secretFields));
    }
    QJsonArray stepArray;
    for (const StepRecord &s : steps) {
        stepArray.append(s.toJson());
    }
    o.insert(u"steps"_s, stepArray);
    QJsonArray linkArray;
    for (const RunLink &l : links) {
        linkArray.append(l.toJson());
    }
    if (!linkArray.isEmpty()) {
        o.insert(u"links"_s, linkArray);
    }
    QJsonArray textArray;
    for (const auto &[title, content] : texts) {
        textArray.append(QJsonObject{{u"title"_s, title}, {u"content"_s, content}});
    }
    if (!textArray.isEmpty()) {
        o.insert(u"texts"_s, textArray);
    }
    return o;
}

ActionRun ActionRun::fromJson(const QJsonObject &object)
{
    ActionRun run;
    run.id = object.value("id"_L1).toInteger();
    run.key = object.value("key"_L1).toString();
    run.templateId = object.value("template"_L1).toString();
    run.templateTitle = object.value("title"_L1).toString();
    run.user = object.value("user"_L1).toString();
    run.entityRef = object.value("entity"_L1).toString();
    run.status = statusFromName(object.value("status"_L1).toString());
    run.created = timeFrom(object.value("created"_L1));
    run.finished = timeFrom(object.value("finished"_L1));
    run.error = object.value("error"_L1).toString();
    run.dryRun = object.value("dryRun"_L1).toBool();
    run.trigger = object.value("trigger"_L1).toObject();
    run.approval = object.value("approval"_L1).toObject();
    run.parameters = object.value("parameters"_L1).toObject();
    for (const QJsonValue &v : object.value("secretFields"_L1).toArray()) {
        run.secretFields.append(v.toString());
    }
    for (const QJsonValue &v : object.value("steps"_L1).toArray()) {
        run.steps.append(StepRecord::fromJson(v.toObject()));
    }
    for (const QJsonValue &v : object.value("links"_L1).toArray()) {
        run.links.append(RunLink::fromJson(v.toObject()));
    }
    for (const QJsonValue &v : object.value("texts"_L1).toArray()) {
        const QJsonObject t = v.toObject();
        run.texts.append({t.value("title"_L1).toString(), t.value("content"_L1).toString()});
    }
    return run;
}

} // namespace Portolan::Core
