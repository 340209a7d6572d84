#include "RunStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::RunStore)
};

Error dbError(const QString &message, const QSqlQuery &query)
{
    return makeError(Error::Code::Database, message, query.lastError().text());
}

// A null QString binds as SQL NULL; the text columns are NOT NULL with '' for "none".
QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

QByteArray body(const ActionRun &run)
{
    QJsonObject object = run.toJson();
    object.remove(u"id"_s);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

Result<RunStore::Inserted> RunStore::insert(ActionRun run)
{
    if (run.key.isEmpty()) {
        run.key = ActionRun::newKey();
    }
    const auto existing = findByKey(run.key);
    if (!existing.ok()) {
        return existing.error();
    }
    if (existing->has_value()) {
        return Inserted{**existing, false};
    }
    QSqlQuery q(m_db.database());
    q.prepare(u"INSERT INTO action_runs (run_key, template, user_ref, entity_ref, status, created_ms, updated_ms, "
              u"body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const qint64 created = run.created.isValid() ? run.created.toMSecsSinceEpoch() : 0;
    q.addBindValue(text(run.key));
    q.addBindValue(text(run.templateId));
    q.addBindValue(text(run.user));
    q.addBindValue(text(run.entityRef));
    q.addBindValue(ActionRun::statusName(run.status));
    q.addBindValue(created);
    q.addBindValue(created);
    q.addBindValue(body(run));
    if (!q.exec()) {
        // Two processes submitting the same key at once: the UNIQUE constraint lets one win; the other gets its run.
        const auto again = findByKey(run.key);
        if (again.ok() && again->has_value()) {
            return Inserted{**again, false};
        }
        return dbError(Tr::tr("Could not store the run of %1").arg(run.templateTitle), q);
    }
    run.id = q.lastInsertId().toLongLong();
    return Inserted{run, true};
}

Result<void> RunStore::save(const ActionRun &run)
{
    QSqlQuery q(m_db.database());
    q.prepare(u"UPDATE action_runs SET status = ?, updated_ms = ?, body = ? WHERE id = ?"_s);
    q.addBindValue(ActionRun::statusName(run.status));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(body(run));
    q.addBindValue(run.id);
    if (!q.exec()) {
        return dbError(Tr::tr("Could not save the run of %1").arg(run.templateTitle), q);
    }
    if (q.numRowsAffected() == 0) {
        return makeError(Error::Code::Database, Tr::tr("Run %1 is not in the cache").arg(run.id));
    }
    return {};
}

Result<std::optional<ActionRun>> RunStore::find(qint64 id) const
{
    const auto runs = query(u"id = ?"_s, {id}, 1);
    if (!runs.ok()) {
        return runs.error();
    }
    return runs->isEmpty() ? std::nullopt : std::optional<ActionRun>(runs->first());
}

Result<std::optional<ActionRun>> RunStore::findByKey(const QString &key) const
{
    const auto runs = query(u"run_key = ?"_s, {key}, 1);
    if (!runs.ok()) {
        return runs.error();
    }
    return runs->isEmpty() ? std::nullopt : std::optional<ActionRun>(runs->first());
}

Result<QList<ActionRun>> RunStore::list(const RunFilter &filter) const
{
    QStringList where;
    QVariantList values;
    if (!filter.templateId.isEmpty()) {
        where.append(u"template = ?"_s);
        values.append(filter.templateId);
    }
    if (!filter.user.isEmpty()) {
        where.append(u"user_ref = ?"_s);
        values.append(filter.user);
    }
    if (!filter.entityRef.isEmpty()) {
        where.append(u"entity_ref = ?"_s);
        values.append(filter.entityRef);
    }
    if (!filter.statuses.isEmpty()) {
        QStringList marks;
        for (ActionRun::Status s : filter.statuses) {
            marks.append(u"?"_s);
            values.append(ActionRun::statusName(s));
        }
        where.append(u"status IN (%1)"_s.arg(marks.join(u", "_s)));
    }
    return query(where.isEmpty() ? u"1"_s : where.join(u" AND "_s), values, filter.limit);
}

Result<QList<ActionRun>> RunStore::unfinished() const
{
    return query(u"status IN (?, ?, ?)"_s,
                 {ActionRun::statusName(ActionRun::Status::Queued), ActionRun::statusName(ActionRun::Status::Running),
                  ActionRun::statusName(ActionRun::Status::Waiting)},
                 100'000);
}

Result<QList<ActionRun>> RunStore::query(const QString &where, const QVariantList &values, int limit) const
{
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, body FROM action_runs WHERE %1 ORDER BY created_ms DESC, id DESC LIMIT %2"_s.arg(where).arg(
        std::max(1, limit)));
    for (const QVariant &v : values) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return dbError(Tr::tr("Could not read the action runs"), q);
    }
    QList<ActionRun> runs;
    while (q.next()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(q.value(1).toByteArray(), &parseError);
        if (!doc.isObject()) {
            continue; // a row this version cannot read is skipped, never fatal for the others
        }
        ActionRun run = ActionRun::fromJson(doc.object());
        run.id = q.value(0).toLongLong();
        runs.append(std::move(run));
    }
    return runs;
}

} // namespace Portolan::Core
