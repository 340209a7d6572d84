#pragma once

#include "ScorecardsController.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace Portolan::Ui {

class Banner;
class LevelDistribution;
class LevelTrend;
class ScorecardHeatmapModel;

// The Scorecards page: per scorecard, how many entities hold each level, the trend of the last 90 days, what changed
// in the last 7, and a heatmap of entities (or teams) against the rules; filtered by owner, system and kind. "What
// if…" evaluates an edited scorecard before it is committed; "Export CSV…" saves the rows shown.
class ScorecardsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScorecardsPage)

public:
    explicit ScorecardsPage(QWidget *parent = nullptr);
    ~ScorecardsPage() override;

    // The controller of the open workspace (null when none); the page follows its results.
    void setController(ScorecardsController *controller);
    [[nodiscard]] ScorecardsController *controller() const { return m_controller; }

    void setScorecard(const QString &id);
    [[nodiscard]] QString currentScorecard() const;
    // "" for every value.
    void setFilter(Core::Facet facet, const QString &value);
    void setTeamRows(bool teams);
    // Writes the rows shown as CSV (off the GUI thread); `done` is told the error, empty when it worked.
    void exportCsv(const QString &file, std::function<void(const QString &error)> done = {});

    [[nodiscard]] ScorecardHeatmapModel *heatmapModel() const { return m_heatmap; }
    [[nodiscard]] QTableView *heatmapView() const { return m_heatmapView; }
    [[nodiscard]] LevelDistribution *distribution() const { return m_distribution; }
    [[nodiscard]] LevelTrend *trend() const { return m_trend; }
    [[nodiscard]] QTreeWidget *changesView() const { return m_changes; }
    [[nodiscard]] QComboBox *scorecardCombo() const { return m_cardCombo; }

Q_SIGNALS:
    void entityRequested(const QString &refKey);
    void fileRequested(const QString &file, int line, int column);
    // The history for what is shown arrived (tests wait for it).
    void historyShown();

private:
    void onResults(const Core::ScorecardResults::Ptr &results);
    void rebuild(); // the filters' values and everything below them
    void applyFilters();
    void requestHistory();
    void onHistory(const ScorecardsController::History &history);
    void chooseExportFile();
    void openWhatIf();
    [[nodiscard]] int cardIndex() const;

    ScorecardsController *m_controller = nullptr;
    Core::ScorecardResults::Ptr m_results;
    std::vector<int> m_shown; // indexes into the current run's entities, after the filters
    int m_historyRequest = 0;

    QStackedWidget *m_stack;
    QLabel *m_empty;
    QComboBox *m_cardCombo;
    QLabel *m_description;
    Banner *m_problems;
    QComboBox *m_owner;
    QComboBox *m_system;
    QComboBox *m_kind;
    QButtonGroup *m_rowsGroup;
    QLabel *m_count;
    QPushButton *m_whatIf;
    QPushButton *m_export;
    LevelDistribution *m_distribution;
    LevelTrend *m_trend;
    QLabel *m_trendTitle;
    QTreeWidget *m_changes;
    QLabel *m_changesTitle;
    ScorecardHeatmapModel *m_heatmap;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_heatmapView;
};

} // namespace Portolan::Ui
