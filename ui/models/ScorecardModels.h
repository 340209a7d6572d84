#pragma once

#include "scorecards/ScorecardEngine.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QIcon>

#include <vector>

namespace Portolan::Ui {

// How scorecard results look: a colour per rule result, per level (the scorecard's own), and the team of an entity.
namespace ScorecardStyle {
[[nodiscard]] QColor truthColor(Core::Truth truth); // the cell of a heatmap
[[nodiscard]] QColor fractionColor(double passing); // a team's cell: red at 0, amber, green at 1
[[nodiscard]] QColor levelColor(const Core::Scorecard &card, int level); // grey below the first level
[[nodiscard]] QString levelLabel(const Core::Scorecard &card, int level); // "Gold", "Below Bronze"
[[nodiscard]] QString truthLabel(Core::Truth truth); // translated
[[nodiscard]] QIcon levelIcon(const Core::Scorecard &card, int level); // a dot in the level's colour
// The team a scorecard row counts for: the entity's owner, or "No owner".
[[nodiscard]] QString teamOf(const Core::Catalog &catalog, int entity);
} // namespace ScorecardStyle

// One scorecard's results as a heatmap: a row per entity (or per team, the entities' owner) and a column per rule,
// after the name, level and score. A cell is the rule's result (entities) or the share of entities passing it
// (teams). The rows are those of the run that the page's filters keep, given as indexes into its entities.
class ScorecardHeatmapModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScorecardHeatmapModel)

public:
    enum class Rows { Entities, Teams };
    enum Column { NameColumn, LevelColumn, ScoreColumn, FirstRuleColumn };
    enum Role {
        SortRole = Qt::UserRole + 1, // a number or text to sort by
        EntityKeyRole, // QString: the entity's catalog key (entity rows)
        TruthRole, // int: Core::Truth of a rule cell (entity rows)
        FractionRole, // double: share passing a rule (team rows)
        LevelColorRole, // QColor of the row's level
    };

    explicit ScorecardHeatmapModel(QObject *parent = nullptr);
    ~ScorecardHeatmapModel() override;

    // `scores`: indexes into results->runs[card].entities, in the order to show.
    void setResults(Core::ScorecardResults::Ptr results, int card, std::vector<int> scores, Rows rows);
    [[nodiscard]] Rows rows() const { return m_rows; }
    [[nodiscard]] const Core::Scorecard *scorecard() const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    struct Team
    {
        QString name;
        int entities = 0;
        int level = -1; // the lowest level of its entities: a team is as ready as its least ready service
        double score = 0; // the average
        std::vector<double> passing; // per rule, the share of its entities passing
    };

    Core::ScorecardResults::Ptr m_results;
    int m_card = -1;
    std::vector<int> m_scores;
    std::vector<Team> m_teams;
    Rows m_rows = Rows::Entities;
};

// The rows of one scorecard as CSV (RFC 4180): entity, kind, owner, system, level, score, then one column per rule
// (pass, fail, unknown). Pure: call it on any thread.
[[nodiscard]] QByteArray scorecardCsv(const Core::ScorecardResults &results, int card, const std::vector<int> &scores);

} // namespace Portolan::Ui
