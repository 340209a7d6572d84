// Scorecard evaluation at company scale: 10 scorecards of 20 rules each (descriptor fields, annotations, tags,
// regular expressions, numbers, relations and their targets' fields, owner.exists, nested all/any/not, and GitHub and
// Kubernetes facts) over a portolan-gen workspace. Full: every scorecard over the whole catalog, three ways: run() of
// each on one evaluator (as the CLI does), runAll() in one pass (as ScorecardEngine does), and run() of each on an
// evaluator of its own (nothing shared between scorecards). Incremental: one entity changed, so it and every entity
// related to it (whose relation facts may read it) are evaluated again against every scorecard. Prints figures; not
// pass/fail.
//   portolan_bench_scorecards --workspace DIR [--samples 1000]
#include "catalog/Catalog.h"
#include "catalog/DescriptorLoader.h"
#include "config/Workspace.h"
#include "scorecards/ScorecardEvaluator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <vector>

using namespace Portolan;
using namespace Qt::StringLiterals;

namespace {

double residentMiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return 0;
}

// Twenty conditions of every sort; scorecard `n` takes them in its own order, with its own thresholds.
QStringList conditions(int n)
{
    return {
        u"{fact: spec.lifecycle, equals: production}"_s,
        u"{fact: spec.lifecycle, notIn: [deprecated, experimental]}"_s,
        u"{fact: metadata.description, exists: true}"_s,
        u"{fact: metadata.description, matches: \"[A-Z].{%1,}\"}"_s.arg(10 + n),
        u"{fact: metadata.tags, contains: java}"_s,
        u"{fact: metadata.tags, empty: false}"_s,
        u"{fact: metadata.annotations.github.com/project-slug, matches: \"^[a-z0-9-]+/[a-z0-9-]+$\"}"_s,
        u"{fact: metadata.annotations.backstage.io/techdocs-ref, exists: true}"_s,
        u"{fact: metadata.annotations.pagerduty.com/service-id, exists: true}"_s,
        u"{fact: metadata.links, exists: true}"_s,
        u"{fact: owner.exists, equals: true}"_s,
        u"{fact: relations.partOf, exists: true}"_s,
        u"{not: {fact: relations.dependsOn.spec.lifecycle, contains: deprecated}}"_s,
        u"{fact: relations.ownedBy.kind, equals: Group}"_s,
        u"{any: [{fact: relations.providesApi, exists: true}, {fact: spec.type, in: [website, library]}]}"_s,
        u"{all: [{fact: spec.type, equals: service}, {not: {fact: metadata.tags, contains: legacy}}]}"_s,
        u"{fact: metadata.name, matches: \"-%1\"}"_s.arg(n % 10),
        u"{fact: github.ci, equals: passing}"_s,
        u"{fact: github.pullRequests.oldestOpenedAt, newerThan: %1d}"_s.arg(14 + n),
        u"{all: [{fact: runtime.pods.healthy, equals: true}, {not: {fact: runtime.imageTags, contains: latest}}]}"_s,
    };
}

Core::Scorecard makeScorecard(int n)
{
    const QStringList conds = conditions(n);
    QString yaml = u"id: card-%1\ntitle: Scorecard %1\nfilter: {fact: kind, in: [Component, API, Resource, System]}\n"
                   u"rules:\n"_s.arg(n);
    const QStringList levels = {u"Bronze"_s, u"Silver"_s, u"Gold"_s};
    for (int r = 0; r < int(conds.size()); ++r) {
        const int pick = (r * 7 + n * 3) % int(conds.size()); // each scorecard its own order
        yaml += u"  - {id: rule-%1, level: %2, weight: %3, condition: %4}\n"_s.arg(r)
                    .arg(levels.at(r * 3 / int(conds.size())))
                    .arg(1 + r % 3)
                    .arg(conds.at(pick));
    }
    Core::ErrorList problems;
    std::optional<Core::Scorecard> card = Core::ScorecardReader::readData(yaml.toUtf8(), u"bench.yaml"_s, problems);
    if (!card || !problems.isEmpty()) {
        QTextStream(stderr) << "scorecard " << n << " did not read: " << problems.value(0).toString() << Qt::endl;
        std::exit(1);
    }
    return *card;
}

// CPU time of the whole process (every thread): what a run costs whatever else the machine is doing.
double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

double percentile(std::vector<double> values, int p)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[std::min(values.size() - 1, values.size() * std::size_t(p) / 100)];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(u"workspace"_s, u"A workspace (portolan-gen output)"_s, u"dir"_s);
    const QCommandLineOption samplesOption(u"samples"_s, u"Changed entities to time"_s, u"n"_s, u"1000"_s);
    parser.addOptions({workspaceOption, samplesOption});
    parser.process(app);
    QTextStream out(stdout);

    auto workspace = Core::Workspace::open(parser.value(workspaceOption));
    if (!workspace) {
        QTextStream(stderr) << workspace.error().message << Qt::endl;
        return 1;
    }
    Core::LoadResult loaded = Core::DescriptorLoader::load(workspace->roots());
    const Core::Catalog::Ptr catalog = Core::Catalog::build(std::move(loaded.entities), loaded.problems);
    std::vector<Core::Scorecard> cards;
    for (int n = 0; n < 10; ++n) {
        cards.push_back(makeScorecard(n));
    }
    out << "entities " << catalog->size() << ", scorecards " << cards.size() << " of " << cards.front().rules.size()
        << " rules" << Qt::endl;

    // Full, as the CLI does it: one evaluator, every scorecard in turn. The evaluator keeps the truth of each
    // condition it ran, so a rule or test an earlier scorecard (or a filter) already ran is not run again.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const double before = residentMiB();
    std::vector<Core::ScorecardRun> runs;
    std::vector<double> cardMs;
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = cpuSeconds();
    const Core::ScorecardEvaluator evaluator(*catalog, nullptr, now);
    qint64 scored = 0;
    for (const Core::Scorecard &card : cards) {
        QElapsedTimer one;
        one.start();
        runs.push_back(evaluator.run(card));
        cardMs.push_back(double(one.nsecsElapsed()) / 1e6);
        scored += qint64(runs.back().entities.size());
    }
    const double fullMs = double(timer.nsecsElapsed()) / 1e6;
    const double fullCpu = cpuSeconds() - cpuBefore;
    out << "full: " << QString::number(fullMs, 'f', 0) << " ms (CPU " << QString::number(fullCpu, 'f', 2) << " s) for "
        << scored << " entity scores (" << QString::number(fullMs * 1e3 / double(scored), 'f', 2)
        << " us each); results and kept truths " << QString::number(residentMiB() - before, 'f', 1) << " MiB"
        << Qt::endl;
    out << "  the first scorecard " << QString::number(cardMs.front(), 'f', 0) << " ms, the other " << cardMs.size() - 1
        << ": median " << QString::number(median({cardMs.begin() + 1, cardMs.end()}), 'f', 0) << " ms" << Qt::endl;

    // All in one pass (runAll): each entity against every scorecard while its descriptor is in the cache.
    {
        const QList<Core::Scorecard> all(cards.cbegin(), cards.cend());
        timer.restart();
        const double cpuAll = cpuSeconds();
        const Core::ScorecardEvaluator once(*catalog, nullptr, now);
        const std::vector<Core::ScorecardRun> together = once.runAll(all);
        out << "full in one pass (runAll): " << QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 0)
            << " ms (CPU " << QString::number(cpuSeconds() - cpuAll, 'f', 2) << " s)" << Qt::endl;
        for (std::size_t c = 0; c < runs.size(); ++c) {
            if (together[c].levelCounts != runs[c].levelCounts) {
                QTextStream(stderr) << "runAll and run differ for " << runs[c].scorecardId << Qt::endl;
                return 1;
            }
        }
    }

    // The same with nothing shared: each scorecard on an evaluator of its own.
    timer.restart();
    const double cpuAlone = cpuSeconds();
    for (const Core::Scorecard &card : cards) {
        const Core::ScorecardEvaluator alone(*catalog, nullptr, now);
        (void)alone.run(card);
    }
    out << "full, each scorecard on its own evaluator: " << QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 0)
        << " ms (CPU " << QString::number(cpuSeconds() - cpuAlone, 'f', 2) << " s)" << Qt::endl;
    QStringList levels;
    for (int l = 0; l < int(runs.front().levelCounts.size()); ++l) {
        levels << QString::number(runs.front().levelCounts.at(l));
    }
    out << "card-0 levels (Bronze, Silver, Gold, below): " << levels.join(u", "_s) << Qt::endl;

    // Incremental: the entity and everything related to it, against every scorecard.
    const int samples = std::max(10, parser.value(samplesOption).toInt());
    std::vector<double> times;
    std::vector<double> affected;
    QRandomGenerator random(42);
    for (int s = 0; s < samples; ++s) {
        const int changed = int(random.bounded(catalog->size()));
        QElapsedTimer one;
        one.start();
        QSet<int> again{changed};
        for (const Core::CatalogRelation &r : catalog->relations(changed)) {
            if (r.target >= 0) {
                again.insert(r.target);
            }
        }
        int evaluated = 0;
        for (const Core::Scorecard &card : cards) {
            for (int entity : std::as_const(again)) {
                if (evaluator.applies(card, entity)) {
                    const Core::EntityScore score = evaluator.evaluate(card, entity);
                    evaluated += score.level >= -1 ? 1 : 0;
                }
            }
        }
        times.push_back(double(one.nsecsElapsed()) / 1e6);
        affected.push_back(double(again.size()));
    }
    out << "incremental (one entity changed, " << samples << " samples): median "
        << QString::number(median(times), 'f', 3) << " ms, p95 " << QString::number(percentile(times, 95), 'f', 3)
        << " ms, worst " << QString::number(percentile(times, 100), 'f', 3) << " ms; entities re-evaluated: median "
        << median(affected) << ", worst " << percentile(affected, 100) << Qt::endl;
    return 0;
}
