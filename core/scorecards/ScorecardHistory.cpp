#include "ScorecardHistory.h"

#include "util/Logging.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <map>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ScorecardHistory", text);
}

Error dbError(const QString &message, const QSqlError &error)
{
    return makeError(Error::Code::Database, message, error.text());
}

QString dayText(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

QByteArray encodeRules(const QHash<QString, Truth> &rules)
{
    QCborMap map;
    for (auto it = rules.cbegin(); it != rules.cend(); ++it) {
        map.insert(it.key(), int(it.value()));
    }
    return map.toCborValue().toCbor();
}

QHash<QString, Truth> decodeRules(const QByteArray &blob)
{
    QHash<QString, Truth> rules;
    const QCborMap map = QCborValue::fromCbor(blob).toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const qint64 t = it.value().toInteger(-1);
        if (t >= 0 && t <= int(Truth::Unknown)) {
            rules.insert(it.key().toString(), Truth(t));
        }
    }
    return rules;
}

ScoreState stateOf(const Scorecard &card, const EntityScore &score)
{
    ScoreState s;
    s.levelIndex = score.level;
    s.level = score.level >= 0 ? card.levels.at(score.level).name : QString();
    s.score = std::round(score.score * 100) / 100; // what is stored, so a state read back compares equal
    for (std::size_t r = 0; r < score.truths.size(); ++r) {
        s.rules.insert(card.rules.at(qsizetype(r)).id, score.truths[r]);
    }
    return s;
}

// A row of score_changes: a state, or none when the entity was no longer scored that day.
std::optional<ScoreState> rowState(const QSqlQuery &q, int first)
{
    if (!q.value(first).toBool()) {
        return std::nullopt;
    }
    ScoreState s;
    s.level = q.value(first + 1).toString();
    s.levelIndex = q.value(first + 2).toInt();
    s.score = q.value(first + 3).toDouble();
    s.rules = decodeRules(q.value(first + 4).toByteArray());
    return s;
}

} // namespace

int ScoreChange::direction() const
{
    if (!before || !after) {
        return after ? 1 : -1;
    }
    if (after->level != before->level) {
        // Levels are compared by their place in the ladder; below the first is -1.
        return after->levelIndex > before->levelIndex ? 1 : -1;
    }
    return 0;
}

ScoreChange compareStates(const QString &entityKey, const std::optional<ScoreState> &before,
                          const std::optional<ScoreState> &after)
{
    ScoreChange change;
    change.entityKey = entityKey;
    change.before = before;
    change.after = after;
    const auto passes = [](const std::optional<ScoreState> &s, const QString &rule) {
        return s && s->rules.value(rule, Truth::Unknown) == Truth::Pass;
    };
    QStringList ids;
    for (const std::optional<ScoreState> *s : {&before, &after}) {
        if (*s) {
            for (auto it = (*s)->rules.cbegin(); it != (*s)->rules.cend(); ++it) {
                ids << it.key();
            }
        }
    }
    ids.sort();
    ids.removeDuplicates();
    for (const QString &rule : std::as_const(ids)) {
        const bool was = passes(before, rule);
        const bool is = passes(after, rule);
        if (is && !was) {
            change.nowPassing << rule;
        } else if (was && !is && after) {
            change.nowFailing << rule;
        }
    }
    return change;
}

Result<void> ScorecardHistory::record(const QDate &day, const Scorecard &card, const ScorecardRun &run,
                                      const Catalog &catalog)
{
    QSqlDatabase db = m_db.database();
    // The state before this day, to keep only what changed.
    auto previous = stateOn(card.id, day.addDays(-1));
    if (!previous.ok()) {
        return previous.error();
    }
    if (!db.transaction()) {
        return dbError(tr("Could not record the scorecard history"), db.lastError());
    }
    const auto fail = [&db](const QSqlQuery &q) {
        const Error e = dbError(tr("Could not record the scorecard history"), q.lastError());
        db.rollback();
        return e;
    };
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM score_changes WHERE scorecard_id = ? AND day = ?"_s);
    q.addBindValue(card.id);
    q.addBindValue(dayText(day));
    if (!q.exec()) {
        return fail(q);
    }
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO score_changes (scorecard_id, entity_key, day, scored, level, level_index, score, "
                   u"rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QString dayString = dayText(day);
    const auto write = [&](const QString &key, const std::optional<ScoreState> &state) {
        insert.bindValue(0, card.id);
        insert.bindValue(1, key);
        insert.bindValue(2, dayString);
        insert.bindValue(3, state.has_value());
        insert.bindValue(4, state ? state->level : QString());
        insert.bindValue(5, state ? state->levelIndex : -1);
        insert.bindValue(6, state ? state->score : 0.0);
        insert.bindValue(7, state ? encodeRules(state->rules) : QByteArray());
        return insert.exec();
    };
    QHash<QString, ScoreState> &before = previous.value();
    QSet<QString> seen;
    seen.reserve(qsizetype(run.entities.size()));
    double scoreSum = 0;
    for (const EntityScore &score : run.entities) {
        const QString key = catalog.entity(score.entity).key();
        seen.insert(key);
        scoreSum += score.score;
        ScoreState state = stateOf(card, score);
        const auto it = before.constFind(key);
        if (it != before.constEnd() && *it == state) {
            continue;
        }
        if (!write(key, state)) {
            return fail(insert);
        }
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!seen.contains(it.key()) && !write(it.key(), std::nullopt)) {
            return fail(insert);
        }
    }
    QStringList levels;
    for (const ScorecardLevel &l : card.levels) {
        levels << l.name;
    }
    QJsonArray counts;
    for (const int c : run.levelCounts) {
        counts.append(c);
    }
    q.prepare(u"INSERT OR REPLACE INTO score_days (scorecard_id, day, levels, counts, entities, average) "
              u"VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(card.id);
    q.addBindValue(dayString);
    q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(levels)).toJson(QJsonDocument::Compact)));
    q.addBindValue(QString::fromUtf8(QJsonDocument(counts).toJson(QJsonDocument::Compact)));
    q.addBindValue(qint64(run.entities.size()));
    q.addBindValue(run.entities.empty() ? 0.0 : scoreSum / double(run.entities.size()));
    if (!q.exec()) {
        return fail(q);
    }
    if (!db.commit()) {
        const Error e = dbError(tr("Could not record the scorecard history"), db.lastError());
        db.rollback();
        return e;
    }
    return {};
}

Result<QHash<QString, ScoreState>> ScorecardHistory::stateOn(const QString &scorecardId, const QDate &day) const
{
    // Each entity's latest row up to that day; rows come in key then day order, so the last of a key wins.
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT entity_key, scored, level, level_index, score, rules FROM score_changes "
              u"WHERE scorecard_id = ? AND day <= ? ORDER BY entity_key, day"_s);
    q.addBindValue(scorecardId);
    q.addBindValue(dayText(day));
    if (!q.exec()) {
        return dbError(tr("Could not read the scorecard history"), q.lastError());
    }
    QHash<QString, ScoreState> states;
    QString lastKey;
    std::optional<ScoreState> last;
    const auto flush = [&] {
        if (!lastKey.isEmpty() && last) {
            states.insert(lastKey, *last);
        }
    };
    while (q.next()) {
        const QString key = q.value(0).toString();
        if (key != lastKey) {
            flush();
            lastKey = key;
        }
        last = rowState(q, 1);
    }
    flush();
    return states;
}

Result<QList<ScoreDay>> ScorecardHistory::days(const QString &scorecardId, const QDate &from, const QDate &to) const
{
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT day, levels, counts, entities, average FROM score_days "
              u"WHERE scorecard_id = ? AND day >= ? AND day <= ? ORDER BY day"_s);
    q.addBindValue(scorecardId);
    q.addBindValue(dayText(from));
    q.addBindValue(dayText(to));
    if (!q.exec()) {
        return dbError(tr("Could not read the scorecard history"), q.lastError());
    }
    QList<ScoreDay> out;
    while (q.next()) {
        ScoreDay d;
        d.day = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array()) {
            d.levels << v.toString();
        }
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array()) {
            d.counts << v.toInt();
        }
        d.entities = q.value(3).toInt();
        d.averageScore = q.value(4).toDouble();
        out.append(d);
    }
    return out;
}

Result<QList<ScoreDay>> ScorecardHistory::trend(const QString &scorecardId, const QDate &from, const QDate &to,
                                                const QSet<QString> &keys) const
{
    // The ladder of each day comes from its summary; the counts from the entities' rows, replayed in day order.
    auto summaries = days(scorecardId, QDate(1970, 1, 1), to);
    if (!summaries.ok()) {
        return summaries.error();
    }
    if (summaries->isEmpty()) {
        return QList<ScoreDay>();
    }
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT day, entity_key, scored, level, level_index, score, rules FROM score_changes "
              u"WHERE scorecard_id = ? AND day <= ? ORDER BY day"_s);
    q.addBindValue(scorecardId);
    q.addBindValue(dayText(to));
    if (!q.exec()) {
        return dbError(tr("Could not read the scorecard history"), q.lastError());
    }
    QHash<QString, ScoreState> current;
    QList<ScoreDay> out;
    qsizetype summary = 0;
    QStringList ladder = summaries->first().levels;
    const auto emitDay = [&](const QDate &day) {
        while (summary + 1 < summaries->size() && summaries->at(summary + 1).day <= day) {
            ++summary;
        }
        if (summaries->at(summary).day <= day) {
            ladder = summaries->at(summary).levels;
        }
        ScoreDay d;
        d.day = day;
        d.levels = ladder;
        d.counts = QList<int>(ladder.size() + 1, 0);
        double sum = 0;
        for (auto it = current.cbegin(); it != current.cend(); ++it) {
            const qsizetype level = ladder.indexOf(it->level);
            ++d.counts[level >= 0 ? level : ladder.size()];
            sum += it->score;
            ++d.entities;
        }
        d.averageScore = d.entities > 0 ? sum / d.entities : 0;
        out.append(d);
    };
    const QDate first = std::max(from, summaries->first().day);
    QDate next = first; // the next day to emit
    const auto emitUpTo = [&](const QDate &before) {
        for (; next.isValid() && next < before && next <= to; next = next.addDays(1)) {
            emitDay(next);
        }
    };
    while (q.next()) {
        const QDate day = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        emitUpTo(day);
        const QString key = q.value(1).toString();
        if (!keys.contains(key)) {
            continue;
        }
        if (std::optional<ScoreState> state = rowState(q, 2)) {
            current.insert(key, std::move(*state));
        } else {
            current.remove(key);
        }
    }
    emitUpTo(to.addDays(1));
    return out;
}

Result<QList<ScoreChange>> ScorecardHistory::changes(const QString &scorecardId, const QDate &from,
                                                     const QDate &to) const
{
    auto before = stateOn(scorecardId, from);
    if (!before.ok()) {
        return before.error();
    }
    auto after = stateOn(scorecardId, to);
    if (!after.ok()) {
        return after.error();
    }
    std::map<QString, ScoreChange> out; // sorted by key
    for (auto it = after->cbegin(); it != after->cend(); ++it) {
        const auto was = before->constFind(it.key());
        if (was == before->constEnd() || !(*was == *it)) {
            out.emplace(it.key(),
                        compareStates(it.key(),
                                      was == before->constEnd() ? std::nullopt : std::optional<ScoreState>(*was), *it));
        }
    }
    for (auto it = before->cbegin(); it != before->cend(); ++it) {
        if (!after->contains(it.key())) {
            out.emplace(it.key(), compareStates(it.key(), *it, std::nullopt));
        }
    }
    QList<ScoreChange> list;
    list.reserve(qsizetype(out.size()));
    for (auto &[key, change] : out) {
        list.append(std::move(change));
    }
    return list;
}

Result<QDate> ScorecardHistory::firstDay(const QString &scorecardId) const
{
    QSqlQuery q(m_db.database());
    q.prepare(u"SELECT min(day) FROM score_days WHERE scorecard_id = ?"_s);
    q.addBindValue(scorecardId);
    if (!q.exec() || !q.next()) {
        return dbError(tr("Could not read the scorecard history"), q.lastError());
    }
    return q.value(0).isNull() ? QDate() : QDate::fromString(q.value(0).toString(), Qt::ISODate);
}

} // namespace Portolan::Core
