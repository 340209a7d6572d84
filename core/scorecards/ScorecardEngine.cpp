#include "ScorecardEngine.h"
#include "util/Threads.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QtConcurrent/QtConcurrentMap>

#include <numeric>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

bool readsLive(const Condition &c)
{
    if (c.isTest()) {
        return c.fact.isLive();
    }
    return std::any_of(c.children.cbegin(), c.children.cend(), [](const Condition &child) { return readsLive(child); });
}

bool readsLive(const QList<Scorecard> &cards)
{
    return std::any_of(cards.cbegin(), cards.cend(), [](const Scorecard &card) {
        return (card.filter && readsLive(*card.filter))
               || std::any_of(card.rules.cbegin(), card.rules.cend(),
                              [](const ScorecardRule &rule) { return readsLive(rule.condition); });
    });
}

std::vector<quint64> fingerprints(const Catalog &catalog)
{
    std::vector<quint64> out(std::size_t(catalog.size()));
    std::vector<int> parts(std::size_t((catalog.size() + 4095) / 4096));
    std::iota(parts.begin(), parts.end(), 0);
    QtConcurrent::blockingMap(backgroundPool(), parts, [&](int part) {
        lowerCurrentThreadPriority();
        const int end = std::min(catalog.size(), (part + 1) * 4096);
        for (int i = part * 4096; i < end; ++i) {
            out[std::size_t(i)] = entityFingerprint(catalog.entity(i));
        }
    });
    return out;
}

void index(ScorecardResults &results)
{
    const std::size_t size = results.catalog ? std::size_t(results.catalog->size()) : 0;
    results.byEntity.assign(results.runs.size(), std::vector<qint32>(size, -1));
    for (std::size_t c = 0; c < results.runs.size(); ++c) {
        const std::vector<EntityScore> &scores = results.runs[c].entities;
        for (std::size_t s = 0; s < scores.size(); ++s) {
            results.byEntity[c][std::size_t(scores[s].entity)] = qint32(s);
        }
    }
}

std::shared_ptr<const LevelFacet> levelFacet(const ScorecardResults &results)
{
    auto facet = std::make_shared<LevelFacet>();
    facet->catalog = results.catalog.get();
    FacetColumn &col = facet->column;
    // Value ids: per card, its levels and then "below the first".
    std::vector<qint32> firstId;
    for (const Scorecard &card : results.cards) {
        firstId.push_back(qint32(col.values.size()));
        for (const ScorecardLevel &level : card.levels) {
            col.values << QCoreApplication::translate("ScorecardEngine", "%1: %2").arg(card.displayTitle(), level.name);
        }
        col.values << QCoreApplication::translate("ScorecardEngine", "%1: below %2")
                          .arg(card.displayTitle(), card.levels.isEmpty() ? QString() : card.levels.first().name);
    }
    const int size = results.catalog->size();
    col.multiStart.reserve(std::size_t(size) + 1);
    for (int i = 0; i < size; ++i) {
        col.multiStart.push_back(qint32(col.multi.size()));
        for (std::size_t c = 0; c < results.runs.size(); ++c) {
            if (const EntityScore *score = results.score(int(c), i)) {
                col.multi.push_back(
                    firstId[c]
                    + (score->level >= 0 ? score->level : qint32(results.cards.at(qsizetype(c)).levels.size())));
            }
        }
    }
    col.multiStart.push_back(qint32(col.multi.size()));
    return facet;
}

} // namespace

quint64 entityFingerprint(const Entity &entity)
{
    return qHash(QCborValue(entity.toEnvelope()).toCbor(), 0x5c0eca4dULL);
}

ScorecardSet ScorecardSet::read(const QStringList &paths)
{
    ScorecardSet set;
    set.cards = ScorecardReader::readAll(paths, set.problems);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &file : ScorecardReader::files(paths)) {
        QFile in(file);
        hash.addData(file.toUtf8());
        if (in.open(QIODevice::ReadOnly)) {
            hash.addData(in.readAll());
        }
    }
    set.fingerprint = hash.result();
    return set;
}

int ScorecardSet::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < cards.size(); ++i) {
        if (cards.at(i).id == id) {
            return int(i);
        }
    }
    return -1;
}

const EntityScore *ScorecardResults::score(int card, int entity) const
{
    if (card < 0 || std::size_t(card) >= byEntity.size() || entity < 0
        || std::size_t(entity) >= byEntity[std::size_t(card)].size()) {
        return nullptr;
    }
    const qint32 slot = byEntity[std::size_t(card)][std::size_t(entity)];
    return slot >= 0 ? &runs[std::size_t(card)].entities[std::size_t(slot)] : nullptr;
}

QString ScorecardResults::levelName(int card, int entity) const
{
    const EntityScore *s = score(card, entity);
    return s && s->level >= 0 ? cards.at(card).levels.at(s->level).name : QString();
}

ScorecardComparison compareRuns(const Scorecard &before, const ScorecardRun &beforeRun, const Scorecard &after,
                                const ScorecardRun &afterRun)
{
    // A level of the old ladder ranks where the new ladder has its name, else where it stood.
    const auto rankBefore = [&](int level) {
        if (level < 0) {
            return -1.0;
        }
        const int same = after.levelIndex(before.levels.at(level).name);
        return same >= 0 ? double(same) : double(level) - 0.5;
    };
    ScorecardComparison out;
    std::size_t b = 0;
    std::size_t a = 0;
    const auto &olds = beforeRun.entities;
    const auto &news = afterRun.entities;
    while (b < olds.size() || a < news.size()) {
        const int be = b < olds.size() ? olds[b].entity : std::numeric_limits<int>::max();
        const int ae = a < news.size() ? news[a].entity : std::numeric_limits<int>::max();
        ScorecardMove move;
        move.entity = std::min(be, ae);
        if (be == move.entity) {
            move.scoredBefore = true;
            move.before = olds[b].level;
            move.beforeName = olds[b].level >= 0 ? before.levels.at(olds[b].level).name : QString();
            move.beforeScore = olds[b].score;
            ++b;
        } else {
            move.before = -2;
        }
        if (ae == move.entity) {
            move.scoredAfter = true;
            move.after = news[a].level;
            move.afterName = news[a].level >= 0 ? after.levels.at(news[a].level).name : QString();
            move.afterScore = news[a].score;
            ++a;
        } else {
            move.after = -2;
        }
        if (move.scoredBefore && move.scoredAfter) {
            const double from = rankBefore(move.before);
            const double to = move.after;
            move.direction = to > from ? 1 : to < from ? -1 : 0;
            if (move.direction == 0 && qFuzzyCompare(1 + move.beforeScore, 1 + move.afterScore)) {
                ++out.same;
                continue;
            }
        } else {
            move.direction = move.scoredAfter ? 1 : -1;
        }
        if (move.direction > 0) {
            ++out.up;
        } else if (move.direction < 0) {
            ++out.down;
        }
        out.moves.push_back(std::move(move));
    }
    return out;
}

void ScorecardEngine::reset()
{
    m_last.reset();
    m_fingerprint.clear();
    m_entityHashes.clear();
    m_lastFull = {};
}

ScorecardResults::Ptr ScorecardEngine::update(const ScorecardSet &set, const Catalog::Ptr &catalog,
                                              const LiveSnapshot::Ptr &live, const QDateTime &now,
                                              const std::atomic_bool *cancel)
{
    auto results = std::make_shared<ScorecardResults>();
    results->cards = set.cards;
    results->problems = set.problems;
    results->catalog = catalog;
    results->live = live;
    results->at = now;
    std::vector<quint64> hashes = fingerprints(*catalog);
    const ScorecardEvaluator evaluator(*catalog, live.get(), now);

    const bool full = !m_last || m_fingerprint != set.fingerprint || !m_lastFull.isValid()
                      || m_lastFull.secsTo(now) >= fullEvaluationEverySeconds || m_lastFull > now;
    if (full) {
        // Every scorecard in one pass over the catalog.
        results->runs = evaluator.runAll(set.cards, cancel);
        if ((cancel && cancel->load())
            || std::any_of(results->runs.cbegin(), results->runs.cend(),
                           [](const ScorecardRun &run) { return run.cancelled; })) {
            return nullptr;
        }
        results->evaluated = catalog->size();
        m_lastFull = now;
    } else {
        // Which entities to evaluate again.
        const Catalog &old = *m_last->catalog;
        const int size = catalog->size();
        std::vector<int> oldIndex(std::size_t(size), -1);
        std::vector<std::uint8_t> changed(std::size_t(size), 0);
        for (int i = 0; i < size; ++i) {
            const int j = old.indexOf(catalog->entity(i).key());
            oldIndex[std::size_t(i)] = j;
            changed[std::size_t(i)] = j < 0 || m_entityHashes[std::size_t(j)] != hashes[std::size_t(i)];
        }
        const bool liveMoved = readsLive(set.cards) && m_last->live != live;
        std::vector<std::uint8_t> dirty(changed);
        for (int i = 0; i < size; ++i) {
            if (dirty[std::size_t(i)]) {
                continue;
            }
            const int j = oldIndex[std::size_t(i)];
            const auto now_ = catalog->relations(i);
            const auto then = old.relations(j);
            bool moved = now_.size() != then.size();
            for (std::size_t r = 0; !moved && r < now_.size(); ++r) {
                const CatalogRelation &x = now_[r];
                const CatalogRelation &y = then[r];
                moved = x.type != y.type || (x.target >= 0) != (y.target >= 0)
                        || (x.target >= 0
                            && (changed[std::size_t(x.target)]
                                || catalog->entity(x.target).key() != old.entity(y.target).key()))
                        || (x.target < 0 && catalog->relationTargetRef(x) != old.relationTargetRef(y));
            }
            if (!moved && liveMoved) {
                const QString key = catalog->entity(i).key();
                const auto has = [&key](const LiveSnapshot *l) {
                    return l && (l->githubFor(key) || l->runtimeFor(key));
                };
                moved = has(live.get()) || has(m_last->live.get());
            }
            dirty[std::size_t(i)] = moved;
        }
        for (qsizetype c = 0; c < set.cards.size(); ++c) {
            const Scorecard &card = set.cards.at(c);
            ScorecardRun run;
            run.scorecardId = card.id;
            run.levelCounts = QList<int>(card.levels.size() + 1, 0);
            for (int i = 0; i < size; ++i) {
                if (cancel && cancel->load()) {
                    return nullptr;
                }
                const EntityScore *kept = nullptr;
                if (!dirty[std::size_t(i)]) {
                    kept = m_last->score(int(c), oldIndex[std::size_t(i)]);
                    if (!kept) {
                        continue; // did not apply, and nothing it reads changed
                    }
                    EntityScore copy = *kept;
                    copy.entity = i;
                    run.entities.push_back(std::move(copy));
                } else {
                    ++results->evaluated;
                    if (!evaluator.applies(card, i)) {
                        continue;
                    }
                    run.entities.push_back(evaluator.evaluate(card, i));
                }
                const int level = run.entities.back().level;
                ++run.levelCounts[level >= 0 ? level : int(card.levels.size())];
            }
            results->runs.push_back(std::move(run));
        }
        if (!set.cards.isEmpty()) {
            results->evaluated /= int(set.cards.size());
        }
    }
    index(*results);
    results->levelFacet = levelFacet(*results);
    m_last = results;
    m_fingerprint = set.fingerprint;
    m_entityHashes = std::move(hashes);
    return results;
}

} // namespace Portolan::Core
