#include "ScorecardsController.h"

#include "cache/CacheDatabase.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Threads.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

ScorecardsController::ScorecardsController(QStringList scorecardPaths, QString cachePath, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(scorecardPaths))
    , m_cachePath(std::move(cachePath))
    , m_clock(clock ? clock : &Clock::system())
    , m_engine(std::make_shared<ScorecardEngine>())
    , m_cancel(std::make_shared<std::atomic_bool>(false))
    , m_watcher(new QFileSystemWatcher(this))
{
    qRegisterMetaType<Core::ScorecardResults::Ptr>();
    qRegisterMetaType<History>();
    qRegisterMetaType<WhatIf>();
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(u"scorecards"_s);
    // Catalog and live snapshots come in bursts while sources sync: evaluate once they settle.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &ScorecardsController::runUpdate);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &ScorecardsController::reload);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ScorecardsController::reload);
    watch();
}

ScorecardsController::~ScorecardsController()
{
    m_cancel->store(true);
    m_pool.waitForDone();
}

void ScorecardsController::setCatalog(const Catalog::Ptr &catalog)
{
    m_catalog = catalog;
    schedule();
}

void ScorecardsController::setLive(const LiveSnapshot::Ptr &live)
{
    m_live = live;
    schedule();
}

void ScorecardsController::setScorecardPaths(const QStringList &paths)
{
    if (paths == m_paths) {
        return;
    }
    m_paths = paths;
    watch();
    reload();
}

void ScorecardsController::reload()
{
    m_set.reset();
    watch(); // files that appeared are watched too
    schedule();
}

void ScorecardsController::watch()
{
    if (!m_watcher->files().isEmpty()) {
        m_watcher->removePaths(m_watcher->files());
    }
    if (!m_watcher->directories().isEmpty()) {
        m_watcher->removePaths(m_watcher->directories());
    }
    // The folders (for files that appear) and each file (for edits).
    QStringList paths;
    for (const QString &path : std::as_const(m_paths)) {
        if (QFileInfo::exists(path)) {
            paths << path;
        }
    }
    for (const QString &file : ScorecardReader::files(m_paths)) {
        if (!paths.contains(file) && QFileInfo::exists(file)) {
            paths << file;
        }
    }
    if (!paths.isEmpty()) {
        m_watcher->addPaths(paths);
    }
}

void ScorecardsController::schedule()
{
    if (!m_catalog) {
        return;
    }
    if (m_running) {
        m_pending = true;
        return;
    }
    m_debounce.start();
}

void ScorecardsController::runUpdate()
{
    if (!m_catalog || m_running) {
        m_pending = m_pending || m_running;
        return;
    }
    m_running = true;
    m_pending = false;
    Q_EMIT busyChanged(true);
    const QStringList paths = m_paths;
    const QString cachePath = m_cachePath;
    const Catalog::Ptr catalog = m_catalog;
    const LiveSnapshot::Ptr live = m_live;
    const QDateTime now = m_clock->now().toUTC();
    auto engine = m_engine;
    auto cancel = m_cancel;
    std::shared_ptr<ScorecardSet> set = m_set;
    const QDate recordedDay = m_recordedDay;
    (void)QtConcurrent::run(&m_pool, [this, paths, cachePath, catalog, live, now, engine, cancel, set,
                                      recordedDay]() mutable {
        Core::lowerCurrentThreadPriority();
        if (!set) {
            set = std::make_shared<ScorecardSet>(ScorecardSet::read(paths));
        }
        ScorecardResults::Ptr results = engine->update(*set, catalog, live, now, cancel.get());
        QString historyError;
        // Unchanged results of a day already recorded are not written again.
        const bool record =
            results && !cachePath.isEmpty() && !cancel->load() && (results->evaluated > 0 || recordedDay != now.date());
        if (record) {
            CacheDatabase db;
            auto opened = db.open(cachePath);
            if (!opened.ok()) {
                historyError = opened.error().message;
            } else {
                ScorecardHistory history(db);
                for (qsizetype c = 0; c < results->cards.size() && historyError.isEmpty(); ++c) {
                    const auto recorded =
                        history.record(now.date(), results->cards.at(c), results->runs[std::size_t(c)], *catalog);
                    if (!recorded.ok()) {
                        historyError = recorded.error().message;
                    }
                }
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, results, set, historyError, record, now] {
                m_running = false;
                m_set = set;
                if (record && historyError.isEmpty()) {
                    m_recordedDay = now.date();
                }
                if (results) {
                    m_results = results;
                    Q_EMIT resultsChanged(results);
                }
                if (!historyError.isEmpty()) {
                    qCWarning(lcCache) << "scorecard history not recorded:" << historyError;
                    Q_EMIT historyFailed(historyError);
                }
                Q_EMIT busyChanged(false);
                if (m_pending) {
                    m_pending = false;
                    m_debounce.start();
                }
            },
            Qt::QueuedConnection);
    });
}

int ScorecardsController::requestHistory(const QString &scorecardId, const QSet<QString> &keys, int days,
                                         int changesSince)
{
    const int id = m_nextRequest++;
    const QString cachePath = m_cachePath;
    const QDate today = m_clock->now().toUTC().date();
    (void)QtConcurrent::run(&m_pool, [this, id, scorecardId, keys, days, changesSince, cachePath, today] {
        History h;
        h.scorecardId = scorecardId;
        h.requestId = id;
        h.since = today.addDays(-changesSince);
        if (!cachePath.isEmpty()) {
            CacheDatabase db;
            auto opened = db.open(cachePath);
            if (!opened.ok()) {
                h.error = opened.error().message;
            } else {
                ScorecardHistory history(db);
                // Before the history began every entity would look new: count from its first day instead.
                const auto first = history.firstDay(scorecardId);
                if (first.ok() && first->isValid() && *first > h.since) {
                    h.since = *first;
                }
                auto trend = history.trend(scorecardId, today.addDays(-days + 1), today, keys);
                auto changes = history.changes(scorecardId, h.since, today);
                if (trend.ok() && changes.ok()) {
                    h.trend = std::move(trend.value());
                    for (ScoreChange &change : changes.value()) {
                        if (keys.contains(change.entityKey)) {
                            h.changes.append(std::move(change));
                        }
                    }
                } else {
                    h.error = trend.ok() ? changes.error().message : trend.error().message;
                }
            }
        }
        QMetaObject::invokeMethod(
            this, [this, h] { Q_EMIT historyReady(h); }, Qt::QueuedConnection);
    });
    return id;
}

int ScorecardsController::requestWhatIf(const QByteArray &text, const QString &fileName)
{
    const int id = m_nextRequest++;
    const Catalog::Ptr catalog = m_catalog ? m_catalog : Catalog::empty();
    const LiveSnapshot::Ptr live = m_live;
    const QDateTime now = m_clock->now().toUTC();
    const ScorecardResults::Ptr results = m_results;
    (void)QtConcurrent::run(&m_pool, [this, id, text, fileName, catalog, live, now, results] {
        WhatIf w;
        w.requestId = id;
        w.catalog = catalog;
        w.edited = ScorecardReader::readData(text, fileName, w.problems);
        if (w.edited) {
            const ScorecardEvaluator evaluator(*catalog, live.get(), now);
            w.after = evaluator.run(*w.edited);
            const qsizetype current = results ? std::find_if(results->cards.cbegin(), results->cards.cend(),
                                                             [&w](const Scorecard &c) { return c.id == w.edited->id; })
                                                    - results->cards.cbegin()
                                              : -1;
            if (current >= 0 && current < results->cards.size()) {
                w.current = results->cards.at(current);
                // The results shown may be of an older snapshot: compare on the same catalog.
                w.before =
                    results->catalog == catalog ? results->runs[std::size_t(current)] : evaluator.run(*w.current);
            } else {
                w.current = Scorecard{};
                w.current->id = w.edited->id;
                w.current->levels = w.edited->levels;
            }
            w.comparison = compareRuns(*w.current, w.before, *w.edited, w.after);
        }
        QMetaObject::invokeMethod(
            this, [this, w] { Q_EMIT whatIfReady(w); }, Qt::QueuedConnection);
    });
    return id;
}

} // namespace Portolan::Ui
