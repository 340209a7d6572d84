#pragma once

#include "catalog/Catalog.h"
#include "live/LiveTypes.h"
#include "scorecards/ScorecardEngine.h"
#include "scorecards/ScorecardHistory.h"

#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

class QFileSystemWatcher;

namespace Portolan::Core {
class Clock;
}

namespace Portolan::Ui {

// The workspace's scorecards on the GUI side: evaluates them off the GUI thread whenever the catalog, its live data
// or a scorecard file changes (incrementally, through Core::ScorecardEngine), records each day's results in the
// cache's history, and answers the Scorecards page's questions (a trend, what changed, "what if") the same way,
// one job at a time on a thread of its own. Results arrive as immutable snapshots.
class ScorecardsController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScorecardsController)

public:
    // `cachePath` is where the history goes (empty: not kept); `clock` decides the day (null: the system clock).
    ScorecardsController(QStringList scorecardPaths, QString cachePath, Core::Clock *clock = nullptr,
                         QObject *parent = nullptr);
    ~ScorecardsController() override;

    void setCatalog(const Core::Catalog::Ptr &catalog);
    void setLive(const Core::LiveSnapshot::Ptr &live);
    void setScorecardPaths(const QStringList &paths);
    // Reads the scorecard files again and evaluates (also done when a watched file changes).
    void reload();

    [[nodiscard]] const Core::ScorecardResults::Ptr &results() const { return m_results; }
    [[nodiscard]] bool isBusy() const { return m_running; }
    [[nodiscard]] Core::Clock &clock() const { return *m_clock; }

    struct History
    {
        QString scorecardId;
        int requestId = 0;
        QList<Core::ScoreDay> trend; // one entry per day
        QList<Core::ScoreChange> changes; // since `since`
        QDate since;
        QString error;
    };
    // The trend over the last `days` days and the changes since `changesSince` days ago, over `keys` only; answered
    // by historyReady with the returned id.
    int requestHistory(const QString &scorecardId, const QSet<QString> &keys, int days = 90, int changesSince = 7);

    struct WhatIf
    {
        int requestId = 0;
        std::optional<Core::Scorecard> edited; // none when the text gives no scorecard
        Core::ErrorList problems;
        Core::ScorecardRun before; // the scorecard of that id as it is (empty when new)
        Core::ScorecardRun after;
        Core::ScorecardComparison comparison;
        Core::Catalog::Ptr catalog;
        std::optional<Core::Scorecard> current;
    };
    // Evaluates an edited scorecard (YAML or JSON text) against the current catalog and compares it with the one of
    // the same id; answered by whatIfReady.
    int requestWhatIf(const QByteArray &text, const QString &fileName);

Q_SIGNALS:
    void resultsChanged(const Portolan::Core::ScorecardResults::Ptr &results);
    void busyChanged(bool busy);
    void historyReady(const Portolan::Ui::ScorecardsController::History &history);
    void whatIfReady(const Portolan::Ui::ScorecardsController::WhatIf &whatIf);
    // Recording the history failed (the results are still shown).
    void historyFailed(const QString &message);

private:
    void schedule();
    void runUpdate();
    void watch();

    QStringList m_paths;
    QString m_cachePath;
    Core::Clock *m_clock;
    Core::Catalog::Ptr m_catalog;
    Core::LiveSnapshot::Ptr m_live;
    Core::ScorecardResults::Ptr m_results;
    std::shared_ptr<Core::ScorecardEngine> m_engine;
    std::shared_ptr<Core::ScorecardSet> m_set; // null: read again on the next update
    std::shared_ptr<std::atomic_bool> m_cancel;
    QThreadPool m_pool; // one thread: jobs run in order
    QTimer m_debounce;
    QFileSystemWatcher *m_watcher;
    QDate m_recordedDay; // the day the history last got these results
    bool m_running = false;
    bool m_pending = false;
    int m_nextRequest = 1;
};

} // namespace Portolan::Ui

Q_DECLARE_METATYPE(Portolan::Ui::ScorecardsController::History)
Q_DECLARE_METATYPE(Portolan::Ui::ScorecardsController::WhatIf)
