// The Scorecards page, the entity page's Scorecards tab and the "what if" dialog over the demo workspace, with the
// evaluation running off the GUI thread in ScorecardsController and its history kept in a cache, days moved by a
// manual clock.
#include "ScorecardsController.h"
#include "UiTestSupport.h"
#include "dialogs/WhatIfDialog.h"
#include "models/CatalogTableModel.h"
#include "models/ScorecardModels.h"
#include "pages/ScorecardTab.h"
#include "pages/ScorecardsPage.h"
#include "util/Clock.h"
#include "widgets/CodeView.h"
#include "widgets/ScorecardCharts.h"

#include <QFile>
#include <QLabel>
#include <QTableView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;
using namespace Portolan::Ui;
using Portolan::Test::demoCatalog;
using Portolan::Test::waitFor;

namespace {

QStringList demoScorecardPaths()
{
    return Workspace::open(Workspace::demoPath())->scorecardPaths();
}

// The demo catalog with one entity's annotation taken away.
Catalog::Ptr withoutAnnotation(const QString &ref, const QString &annotation)
{
    std::vector<Entity> entities = demoCatalog()->entities();
    const int index = demoCatalog()->find(ref);
    REQUIRE(index >= 0);
    QList<KeyValue> annotations = entities[std::size_t(index)].annotations.toList();
    const qsizetype before = annotations.size();
    annotations.removeIf([&annotation](const KeyValue &kv) { return kv.key == annotation; });
    REQUIRE(annotations.size() == before - 1);
    entities[std::size_t(index)].annotations = annotations;
    return Catalog::build(std::move(entities));
}

int cardIndex(const ScorecardResults &results, const QString &id)
{
    for (qsizetype i = 0; i < results.cards.size(); ++i) {
        if (results.cards.at(i).id == id) {
            return int(i);
        }
    }
    FAIL("no scorecard " << id.toStdString());
    return -1;
}

} // namespace

TEST_CASE("The Scorecards page: levels, heatmap, filters, teams, trend, what changed and CSV", "[ui][scorecards]")
{
    const Portolan::Test::IsolatedDataDir data;
    ManualClock clock(QDateTime(QDate(2026, 11, 2), QTime(10, 0), Qt::UTC));
    ScorecardsController controller(demoScorecardPaths(), data.path() + u"/cache.db"_s, &clock);
    controller.setCatalog(demoCatalog());
    REQUIRE(waitFor([&] { return controller.results() != nullptr; }));
    const ScorecardResults::Ptr results = controller.results();
    const int card = cardIndex(*results, u"production-readiness"_s);
    const Scorecard &scorecard = results->cards.at(card);
    // What the page should show: the same evaluation, done here directly.
    const ScorecardRun expected = ScorecardEvaluator(*demoCatalog(), nullptr, clock.now()).run(scorecard);
    REQUIRE(expected.entities.size() > 5);

    ScorecardsPage page;
    page.resize(1400, 900);
    page.setController(&controller);
    page.setScorecard(u"production-readiness"_s);
    page.show();
    REQUIRE(waitFor([&] { return !page.trend()->days().isEmpty(); }));

    SECTION("levels and the heatmap are the evaluation's")
    {
        CHECK(page.distribution()->counts() == expected.levelCounts);
        ScorecardHeatmapModel *model = page.heatmapModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Warning);
        CHECK(model->rowCount() == int(expected.entities.size()));
        CHECK(model->columnCount() == ScorecardHeatmapModel::FirstRuleColumn + int(scorecard.rules.size()));
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString key = model->index(row, 0).data(ScorecardHeatmapModel::EntityKeyRole).toString();
            const auto it =
                std::find_if(expected.entities.cbegin(), expected.entities.cend(),
                             [&](const EntityScore &s) { return demoCatalog()->entity(s.entity).key() == key; });
            REQUIRE(it != expected.entities.cend());
            CHECK(model->index(row, ScorecardHeatmapModel::LevelColumn).data().toString()
                  == ScorecardStyle::levelLabel(scorecard, it->level));
            for (qsizetype r = 0; r < scorecard.rules.size(); ++r) {
                CHECK(model->index(row, ScorecardHeatmapModel::FirstRuleColumn + int(r))
                          .data(ScorecardHeatmapModel::TruthRole)
                          .toInt()
                      == int(it->truths[std::size_t(r)]));
            }
        }
        // Sorted by level, lowest first.
        QAbstractItemModel *shown = page.heatmapView()->model();
        for (int row = 1; row < shown->rowCount(); ++row) {
            CHECK(
                shown->index(row - 1, ScorecardHeatmapModel::LevelColumn).data(ScorecardHeatmapModel::SortRole).toInt()
                <= shown->index(row, ScorecardHeatmapModel::LevelColumn).data(ScorecardHeatmapModel::SortRole).toInt());
        }
    }

    SECTION("filters by owner, and rows per team")
    {
        const QString owner = demoCatalog()->facetValue(expected.entities.front().entity, Facet::Owner);
        const auto owned =
            std::count_if(expected.entities.cbegin(), expected.entities.cend(), [&](const EntityScore &s) {
                return demoCatalog()->facetValue(s.entity, Facet::Owner) == owner;
            });
        page.setFilter(Facet::Owner, owner);
        CHECK(page.heatmapModel()->rowCount() == int(owned));
        const QList<int> counts = page.distribution()->counts();
        CHECK(std::accumulate(counts.cbegin(), counts.cend(), 0) == int(owned));
        page.setFilter(Facet::Owner, QString());
        CHECK(page.heatmapModel()->rowCount() == int(expected.entities.size()));

        page.setTeamRows(true);
        QSet<QString> teams;
        for (const EntityScore &s : expected.entities) {
            teams.insert(ScorecardStyle::teamOf(*demoCatalog(), s.entity));
        }
        ScorecardHeatmapModel *model = page.heatmapModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Warning);
        REQUIRE(model->rowCount() == int(teams.size()));
        // A team's cell is the share of its entities passing the rule.
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString team = model->index(row, 0).data(ScorecardHeatmapModel::SortRole).toString();
            int members = 0;
            int passing = 0;
            for (const EntityScore &s : expected.entities) {
                if (ScorecardStyle::teamOf(*demoCatalog(), s.entity) == team) {
                    ++members;
                    passing += s.truths[0] == Truth::Pass ? 1 : 0;
                }
            }
            CHECK(model->index(row, ScorecardHeatmapModel::FirstRuleColumn)
                      .data(ScorecardHeatmapModel::FractionRole)
                      .toDouble()
                  == Approx(double(passing) / members));
        }
    }

    SECTION("CSV export: a row per entity shown, every rule's result")
    {
        const QString file = data.path() + u"/export.csv"_s;
        bool done = false;
        QString error = u"not called"_s;
        page.exportCsv(file, [&](const QString &e) {
            done = true;
            error = e;
        });
        REQUIRE(waitFor([&] { return done; }));
        CHECK(error.isEmpty());
        QFile in(file);
        REQUIRE(in.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = in.readAll().trimmed().split('\n');
        REQUIRE(lines.size() == int(expected.entities.size()) + 1);
        CHECK(lines.first().trimmed().startsWith("entity,kind,owner,system,level,score,has-owner"));
        const EntityScore &first = expected.entities.front();
        const QByteArray ref = demoCatalog()->entity(first.entity).refString().toUtf8();
        const auto row = std::find_if(lines.cbegin(), lines.cend(),
                                      [&](const QByteArray &l) { return l.startsWith(QByteArray(ref + ',')); });
        REQUIRE(row != lines.cend());
        const QList<QByteArray> fields = row->trimmed().split(',');
        CHECK(fields.size() == 6 + scorecard.rules.size());
        CHECK(QString::fromUtf8(fields.at(4))
              == (first.level >= 0 ? scorecard.levels.at(first.level).name : QString()));
        CHECK(fields.at(6) == truthName(first.truths[0]).toUtf8());
    }

    SECTION("a day later an entity lost its on-call annotation: the trend has two days and it is in what changed")
    {
        CHECK(page.trend()->days().size() == 1);
        clock.advance(24LL * 3600 * 1000);
        const QString ref = u"component:default/booking-service"_s;
        const int before = cardIndex(*results, u"production-readiness"_s);
        REQUIRE(results->levelName(before, demoCatalog()->find(ref)) == u"Silver"_s);
        controller.setCatalog(withoutAnnotation(ref, u"pagerduty.com/service-id"_s));
        REQUIRE(waitFor([&] { return controller.results() != results; }));
        CHECK(controller.results()->levelName(card, controller.results()->catalog->find(ref)) == u"Bronze"_s);
        // (A day on, ages have moved: everything was evaluated again.)
        CHECK(controller.results()->evaluated == controller.results()->catalog->size());
        REQUIRE(waitFor([&] { return page.trend()->days().size() == 2; }));
        QTreeWidget *changes = page.changesView();
        REQUIRE(changes->topLevelItemCount() == 1);
        QTreeWidgetItem *item = changes->topLevelItem(0);
        CHECK(item->data(0, Qt::UserRole).toString() == ref);
        CHECK(item->text(1) == u"Silver → Bronze"_s);
        CHECK(item->text(2) == u"−on-call"_s);
        // The counts of each day.
        CHECK(page.trend()->days().at(0).counts == expected.levelCounts);
        QList<int> now = expected.levelCounts;
        --now[1];
        ++now[0];
        CHECK(page.trend()->days().at(1).counts == now);
    }
}

TEST_CASE("The entity page's Scorecards tab: level, rules, why and how to fix", "[ui][scorecards]")
{
    ManualClock clock(QDateTime(QDate(2026, 11, 2), QTime(10, 0), Qt::UTC));
    ScorecardsController controller(demoScorecardPaths(), QString(), &clock);
    controller.setCatalog(demoCatalog());
    REQUIRE(waitFor([&] { return controller.results() != nullptr; }));
    ScorecardTab tab;
    tab.show(controller.results(), u"component:default/booking-service"_s);
    CHECK(tab.scorecardCount() == 2);
    const QStringList texts = tab.sectionTexts();
    REQUIRE(texts.size() == 2);
    const QString readiness = texts.at(1);
    CHECK(readiness.startsWith(u"Production readiness"_s));
    CHECK(readiness.contains(u"Silver"_s));
    CHECK(readiness.contains(u"Owned by a team in the catalog"_s));
    // A rule it cannot pass for want of GitHub data: unknown, with the reason and how to fix it.
    CHECK(readiness.contains(u"github.ci is unknown: no GitHub data for this entity"_s));
    CHECK(readiness.contains(u"How to fix:"_s));

    // A group: no scorecard of the demo applies to it.
    tab.show(controller.results(), u"group:default/shipment-team"_s);
    CHECK(tab.scorecardCount() == 0);
    CHECK(tab.sectionTexts().isEmpty());

    // The catalog's Level column.
    CatalogTableModel model;
    model.setCatalog(demoCatalog());
    model.setScorecards(controller.results());
    const int row = model.rowForKey(u"component:default/booking-service"_s);
    REQUIRE(row >= 0);
    CHECK(model.index(row, CatalogTableModel::LevelColumn).data().toString() == u"Good · Silver"_s);
    CHECK(model.index(row, CatalogTableModel::LevelColumn)
              .data(Qt::ToolTipRole)
              .toString()
              .contains(u"Production readiness: Silver"_s));

    // The Level facet: counts per scorecard and level, and a filter.
    const ScorecardResults::Ptr results = controller.results();
    const int card = cardIndex(*results, u"production-readiness"_s);
    const int silver = results->runs[std::size_t(card)].levelCounts.at(1);
    const QList<FacetCount> &levels = model.facetCounts()[std::size_t(Facet::Level)];
    const auto it = std::find_if(levels.cbegin(), levels.cend(),
                                 [](const FacetCount &c) { return c.value == u"Production readiness: Silver"_s; });
    REQUIRE(it != levels.cend());
    CHECK(it->count == silver);
    CatalogQuery query = model.query();
    query.facets[std::size_t(Facet::Level)] = QStringList{u"Production readiness: Silver"_s};
    model.setQuery(query);
    CHECK(model.rowCount() == silver);
    CHECK(model.rowForKey(u"component:default/booking-service"_s) >= 0);
    // Results of another snapshot give the column (by key) but not the facet.
    model.setCatalog(Catalog::build(demoCatalog()->entities()));
    CHECK(model.rowCount() == 0);
    query.facets[std::size_t(Facet::Level)].clear();
    model.setQuery(query);
    CHECK(model.facetCounts()[std::size_t(Facet::Level)].isEmpty());
    const int again = model.rowForKey(u"component:default/booking-service"_s);
    CHECK(model.index(again, CatalogTableModel::LevelColumn).data().toString() == u"Good · Silver"_s);
}

TEST_CASE("What if: an edited scorecard evaluated against the catalog, entities that would move listed",
          "[ui][scorecards]")
{
    ManualClock clock(QDateTime(QDate(2026, 11, 2), QTime(10, 0), Qt::UTC));
    ScorecardsController controller(demoScorecardPaths(), QString(), &clock);
    controller.setCatalog(demoCatalog());
    REQUIRE(waitFor([&] { return controller.results() != nullptr; }));
    const ScorecardResults::Ptr results = controller.results();
    const int card = cardIndex(*results, u"production-readiness"_s);
    WhatIfDialog dialog(&controller, results->cards.at(card));
    QString text = dialog.editor()->toPlainText();
    REQUIRE(text.contains(u"rules:\n"_s));
    // A new Bronze rule: only services tagged "java" keep a level.
    text.replace(u"rules:\n"_s, u"rules:\n  - id: java\n    level: Bronze\n    condition: { fact: metadata.tags, "
                                u"contains: java }\n"_s);
    dialog.editor()->setPlainText(text);
    bool evaluated = false;
    QObject::connect(&dialog, &WhatIfDialog::evaluated, [&] { evaluated = true; });
    dialog.evaluate();
    REQUIRE(waitFor([&] { return evaluated; }));
    const ScorecardRun &run = results->runs[std::size_t(card)];
    const int java = int(std::count_if(run.entities.cbegin(), run.entities.cend(), [](const EntityScore &s) {
        return demoCatalog()->entity(s.entity).tags.contains(u"java"_s);
    }));
    // Everyone not tagged java and not already below Bronze drops; the others only change score.
    const int drops = int(run.entities.size()) - java
                      - int(std::count_if(run.entities.cbegin(), run.entities.cend(), [](const EntityScore &s) {
                            return s.level < 0 && !demoCatalog()->entity(s.entity).tags.contains(u"java"_s);
                        }));
    CHECK(dialog.summary()->text().contains(u"<b>%1 down</b>"_s.arg(drops)));
    CHECK(dialog.movesView()->topLevelItemCount() >= drops);
    CHECK(dialog.movesView()->topLevelItemCount() <= int(run.entities.size()));

    // Text that is no scorecard: the problem, with its line.
    dialog.editor()->setPlainText(u"id: [\n"_s);
    evaluated = false;
    dialog.evaluate();
    REQUIRE(waitFor([&] { return dialog.summary()->text().contains(u"no scorecard"_s); }));
    CHECK(dialog.summary()->text().contains(u"line "_s));
}
