// portolan-cli: the same core as the GUI, for scripts and CI. Wiring only; the work is in portolan_core.
#include "ActionCommands.h"
#include "ApprovalCommands.h"
#include "AutomationCommands.h"
#include "CliSupport.h"
#include "TtlCommands.h"
#include "catalog/Catalog.h"
#include "catalog/DescriptorLoader.h"
#include "config/AppInfo.h"
#include "config/Paths.h"
#include "config/Workspace.h"
#include "graph/EntityGraph.h"
#include "graph/GraphDrawing.h"
#include "model/KindSchema.h"
#include "scorecards/ScorecardEngine.h"
#include "scorecards/ScorecardEvaluator.h"
#include "sync/SyncService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace {

using namespace Portolan::Cli;

QJsonObject entityJson(const Catalog &catalog, int index)
{
    const Entity &e = catalog.entity(index);
    QJsonObject o = e.toJson();
    QJsonArray relations;
    for (const CatalogRelation &r : catalog.relations(index)) {
        QJsonObject rel;
        rel.insert(u"type"_s, relationName(r.type));
        rel.insert(u"targetRef"_s, catalog.relationTargetRef(r));
        if (r.target < 0) {
            rel.insert(u"dangling"_s, true);
        }
        relations.append(rel);
    }
    o.insert(u"relations"_s, relations);
    QJsonObject origin;
    origin.insert(u"source"_s, e.origin.sourceId);
    origin.insert(u"file"_s, shownPath(e.origin.file));
    origin.insert(u"line"_s, e.origin.line);
    o.insert(u"origin"_s, origin);
    return o;
}

int runValidate(const QCommandLineParser &parser, const QStringList &paths)
{
    if (paths.isEmpty()) {
        err() << tr("validate: name at least one file or folder") << Qt::endl;
        return Usage;
    }
    LoadResult loaded = DescriptorLoader::load(paths);
    const int files = int(loaded.files.size());
    const int documents = loaded.documents;
    const int rejected = loaded.rejectedDocuments;
    const Catalog::Ptr catalog = Catalog::build(std::move(loaded.entities), std::move(loaded.problems));
    const ErrorList &problems = catalog->problems();
    const int errors =
        int(std::count_if(problems.cbegin(), problems.cend(), [](const Error &e) { return e.isError(); }));
    const int warnings = int(problems.size()) - errors;

    if (parser.isSet(u"json"_s)) {
        QJsonObject o;
        o.insert(u"valid"_s, errors == 0);
        o.insert(u"files"_s, files);
        o.insert(u"documents"_s, documents);
        o.insert(u"entities"_s, catalog->size());
        o.insert(u"rejected"_s, rejected);
        o.insert(u"relations"_s, catalog->relationCount());
        o.insert(u"errors"_s, errors);
        o.insert(u"warnings"_s, warnings);
        QJsonArray list;
        for (const Error &e : problems) {
            list.append(problemJson(e));
        }
        o.insert(u"problems"_s, list);
        printJson(o);
    } else {
        for (const Error &e : problems) {
            out() << problemLine(e) << '\n';
        }
        out().flush();
        err() << tr("%1 files, %2 entities valid, %3 rejected; %4 errors, %5 warnings")
                     .arg(files)
                     .arg(catalog->size())
                     .arg(rejected)
                     .arg(errors)
                     .arg(warnings)
              << Qt::endl;
    }
    return errors == 0 ? Ok : Failed;
}

int runCatalogList(const QCommandLineParser &parser)
{
    const Catalog::Ptr catalog = loadWorkspace(chooseWorkspace(parser));
    if (!catalog) {
        return Failed;
    }
    CatalogQuery query;
    query.sort = SortKey::Kind;
    std::vector<int> rows = catalog->query(query);
    const QString kind = parser.value(u"kind"_s);
    const QString owner = parser.value(u"owner"_s);
    std::erase_if(rows, [&](int i) {
        const Entity &e = catalog->entity(i);
        if (!kind.isEmpty() && e.kind.compare(kind, Qt::CaseInsensitive) != 0) {
            return true;
        }
        if (!owner.isEmpty()) {
            const QString shortOwner = catalog->facetValue(i, Facet::Owner);
            const auto ownerRef = EntityRef::parse(e.specString("owner"_L1), u"Group", e.ns);
            const auto wanted = EntityRef::parse(owner, u"Group");
            const bool same = shortOwner.compare(owner, Qt::CaseInsensitive) == 0
                              || (ownerRef.ok() && wanted.ok() && ownerRef->key() == wanted->key());
            if (!same) {
                return true;
            }
        }
        return false;
    });

    if (parser.isSet(u"json"_s)) {
        QJsonArray arr;
        for (int i : rows) {
            arr.append(entityJson(*catalog, i));
        }
        printJson(arr);
        return Ok;
    }
    QList<QStringList> table;
    table.append({tr("REF"), tr("TYPE"), tr("OWNER"), tr("LIFECYCLE"), tr("SYSTEM")});
    for (int i : rows) {
        table.append({catalog->entity(i).refString(), catalog->facetValue(i, Facet::Type),
                      catalog->facetValue(i, Facet::Owner), catalog->facetValue(i, Facet::Lifecycle),
                      catalog->facetValue(i, Facet::System)});
    }
    QList<qsizetype> widths(5, 0);
    for (const QStringList &row : std::as_const(table)) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            widths[c] = std::max(widths[c], row[c].size());
        }
    }
    for (const QStringList &row : std::as_const(table)) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            line += c + 1 < row.size() ? row[c].leftJustified(widths[c] + 2) : row[c];
        }
        out() << line.trimmed() << '\n';
    }
    out().flush();
    return Ok;
}

int runCatalogShow(const QCommandLineParser &parser, const QString &ref)
{
    const Catalog::Ptr catalog = loadWorkspace(chooseWorkspace(parser));
    if (!catalog) {
        return Failed;
    }
    const int index = catalog->find(ref);
    if (index < 0) {
        err() << tr("No entity %1 in the catalog").arg(ref) << Qt::endl;
        return Failed;
    }
    if (parser.isSet(u"json"_s)) {
        printJson(entityJson(*catalog, index));
        return Ok;
    }
    const Entity &e = catalog->entity(index);
    out() << e.refString() << '\n';
    if (!e.title.isEmpty()) {
        out() << tr("Title:       %1").arg(e.title) << '\n';
    }
    if (!e.description.isEmpty()) {
        out() << tr("Description: %1").arg(e.description) << '\n';
    }
    for (Facet f : {Facet::Type, Facet::Lifecycle, Facet::Owner, Facet::System, Facet::Domain, Facet::Tag}) {
        const QString v = catalog->facetValue(index, f);
        if (!v.isEmpty()) {
            out() << QString(facetLabel(f) + u':').leftJustified(13) << v << '\n';
        }
    }
    out()
        << tr("Defined in:  %1:%2 (source %3)").arg(shownPath(e.origin.file)).arg(e.origin.line).arg(e.origin.sourceId)
        << '\n';
    const auto relations = catalog->relations(index);
    if (!relations.empty()) {
        out() << tr("Relations:") << '\n';
        for (const CatalogRelation &r : relations) {
            out() << u"  "_s << relationName(r.type).leftJustified(14) << catalog->relationTargetRef(r)
                  << (r.target < 0 ? tr(" (not in the catalog)") : QString()) << '\n';
        }
    }
    for (const EntityLink &l : e.links) {
        out() << tr("Link:        %1 %2").arg(l.title, l.url) << '\n';
    }
    out().flush();
    return Ok;
}

QJsonObject statusJson(const SourceStatus &s)
{
    QJsonObject o;
    o.insert(u"id"_s, s.config.id);
    o.insert(u"type"_s, s.config.type);
    o.insert(u"state"_s, SourceStatus::stateName(s.state));
    o.insert(u"entities"_s, s.entityCount);
    o.insert(u"problems"_s, s.problemCount);
    o.insert(u"message"_s, s.message);
    if (!s.config.url.isEmpty()) {
        o.insert(u"url"_s, s.config.url);
    }
    if (!s.revision.isEmpty()) {
        o.insert(u"revision"_s, s.revision);
    }
    if (s.lastSuccess.isValid()) {
        o.insert(u"lastSuccess"_s, s.lastSuccess.toString(Qt::ISODate));
    }
    if (s.state == SourceStatus::State::Failed) {
        QJsonObject e;
        e.insert(u"code"_s, Error::codeName(s.error.code));
        e.insert(u"message"_s, s.error.message);
        if (s.error.httpStatus) {
            e.insert(u"httpStatus"_s, s.error.httpStatus);
        }
        o.insert(u"error"_s, e);
    }
    if (s.state == SourceStatus::State::Held) {
        o.insert(u"pendingRemovals"_s, s.pendingRemovals);
    }
    if (!s.config.tls.verify) {
        o.insert(u"tlsVerify"_s, false);
    }
    return o;
}

std::atomic_bool interrupted{false};

int runGraph(const QCommandLineParser &parser, const QString &ref)
{
    GraphScope scope;
    const QString scopeName = parser.value(u"scope"_s);
    if (scopeName == u"catalog"_s) {
        scope.kind = GraphScope::Kind::Catalog;
    } else if (scopeName == u"system"_s) {
        scope.kind = GraphScope::Kind::Group;
    } else if (scopeName == u"blast-radius"_s) {
        scope.kind = GraphScope::Kind::BlastRadius;
        scope.depth = -1;
    } else if (scopeName == u"needs"_s) {
        scope.kind = GraphScope::Kind::Needs;
        scope.depth = -1;
    } else if (scopeName.isEmpty() || scopeName == u"neighbourhood"_s) {
        scope.kind = GraphScope::Kind::Neighbourhood;
    } else {
        err() << tr("--scope is neighbourhood, system, blast-radius, needs or catalog, not \"%1\"").arg(scopeName)
              << Qt::endl;
        return Usage;
    }
    if (scope.kind != GraphScope::Kind::Catalog && ref.isEmpty()) {
        err() << tr("graph needs an entity reference, or --scope catalog") << Qt::endl;
        return Usage;
    }
    scope.root = ref;
    bool depthOk = true;
    scope.depth = parser.isSet(u"depth"_s) ? parser.value(u"depth"_s).toInt(&depthOk) : scope.depth;
    if (!depthOk || scope.depth < -1) {
        err() << tr("--depth is a number of relations (-1: no limit)") << Qt::endl;
        return Usage;
    }
    const QString direction = parser.value(u"direction"_s);
    if (direction == u"dependencies"_s) {
        scope.direction = GraphDirection::Dependencies;
    } else if (direction == u"dependents"_s) {
        scope.direction = GraphDirection::Dependents;
    } else if (!direction.isEmpty() && direction != u"both"_s) {
        err() << tr("--direction is both, dependencies or dependents, not \"%1\"").arg(direction) << Qt::endl;
        return Usage;
    }
    for (const QString &name : parser.value(u"relations"_s).split(u',', Qt::SkipEmptyParts)) {
        const std::optional<RelationType> type = relationFromName(name.trimmed());
        if (!type || !EntityGraph::isForward(*type)) {
            QStringList names;
            for (RelationType t : EntityGraph::forwardTypes()) {
                names.append(relationName(t));
            }
            err() << tr("Unknown relation \"%1\"; use %2").arg(name, names.join(u", "_s)) << Qt::endl;
            return Usage;
        }
        scope.relations.append(*type);
    }
    for (const QString &kind : parser.value(u"kinds"_s).split(u',', Qt::SkipEmptyParts)) {
        scope.kinds.append(kind.trimmed().toLower());
    }
    const QString format = parser.value(u"format"_s).isEmpty() ? u"dot"_s : parser.value(u"format"_s);
    if (format != u"dot"_s && format != u"json"_s && format != u"svg"_s) {
        err() << tr("--format is dot, svg or json, not \"%1\"").arg(format) << Qt::endl;
        return Usage;
    }
    GraphDrawing::Options drawing;
    const QString group = parser.value(u"group"_s);
    if (group == u"system"_s) {
        drawing.grouping = GraphGrouping::System;
    } else if (group == u"owner"_s) {
        drawing.grouping = GraphGrouping::Owner;
    } else if (!group.isEmpty() && group != u"none"_s) {
        err() << tr("--group is none, system or owner, not \"%1\"").arg(group) << Qt::endl;
        return Usage;
    }

    const Catalog::Ptr catalog = loadWorkspace(chooseWorkspace(parser));
    if (!catalog) {
        return Failed;
    }
    const Result<EntityGraph> graph = EntityGraph::build(*catalog, scope);
    if (!graph.ok()) {
        err() << graph.error().message << Qt::endl;
        return Failed;
    }
    if (format == u"json"_s || parser.isSet(u"json"_s)) {
        printJson(graph->toJson());
        return Ok;
    }
    if (format == u"dot"_s && drawing.grouping == GraphGrouping::None) {
        out() << QString::fromUtf8(graph->toDot());
        out().flush();
        return Ok;
    }
    // SVG, or DOT of the groups: laid out here with widths estimated from the labels.
    const std::optional<GraphDrawing> drawn =
        GraphDrawing::make(*graph, *catalog, drawing, &GraphDrawing::estimatedSize, &interrupted);
    if (!drawn) {
        return Failed;
    }
    out() << QString::fromUtf8(format == u"svg"_s ? drawn->toSvg() : drawn->toDot());
    out().flush();
    return Ok;
}

int runSync(const QCommandLineParser &parser)
{
    auto ws = Workspace::open(chooseWorkspace(parser), parser.value(u"branch"_s));
    if (!ws.ok()) {
        err() << problemLine(ws.error()) << Qt::endl;
        return Failed;
    }
    for (const Error &e : std::as_const(ws->problems)) {
        err() << problemLine(e) << Qt::endl;
    }
    const QString only = parser.value(u"source"_s);
    if (!only.isEmpty() && !ws->source(only) && ws->gitUrl.isEmpty()) {
        err() << tr("There is no source \"%1\" in this workspace").arg(only) << Qt::endl;
        return Usage;
    }
    SyncOptions options;
    options.cachePath = Paths::cacheFileFor(ws->cacheKey());
    options.schedule = false;
    options.watchFiles = false;
    options.acceptDeletions = parser.isSet(u"accept-deletions"_s);
    options.buildCatalog = false;
    SyncService service(*ws, options);
    const bool terminal = isatty(fileno(stderr)) != 0 && !parser.isSet(u"json"_s);
    const bool json = parser.isSet(u"json"_s);
    QList<SourceStatus> statuses;
    QHash<QString, SourceStatus::State> shown;
    QElapsedTimer clock;
    clock.start();
    bool lineOpen = false;
    const auto clearLine = [&] {
        if (lineOpen) {
            err() << "\r\x1b[K";
            err().flush();
            lineOpen = false;
        }
    };
    QObject::connect(&service, &SyncService::failed, &service, [&](const Error &e) {
        clearLine();
        err() << problemLine(e) << Qt::endl;
    });
    QObject::connect(&service, &SyncService::keychainUnavailable, &service, [&](const QString &reason) {
        clearLine();
        err() << tr("No keychain: %1. Credentials come from the environment variables named in portolan.yaml.")
                     .arg(reason)
              << Qt::endl;
    });
    QObject::connect(&service, &SyncService::sourcesChanged, &service, [&](const QList<SourceStatus> &list) {
        statuses = list;
        if (json) {
            return;
        }
        for (const SourceStatus &s : list) {
            if (!only.isEmpty() && s.config.id != only) {
                continue;
            }
            if (s.state == SourceStatus::State::Syncing && terminal) {
                const QString amount = s.total > 0 ? u" %1/%2"_s.arg(s.done).arg(s.total) : QString();
                err() << "\r\x1b[K" << s.config.id << ": " << s.phase << amount;
                err().flush();
                lineOpen = true;
            }
            if (shown.value(s.config.id) == s.state) {
                continue;
            }
            shown.insert(s.config.id, s.state);
            if (s.state == SourceStatus::State::Syncing) {
                if (!terminal) {
                    err() << tr("%1: syncing").arg(s.config.id) << Qt::endl;
                }
            }
        }
    });
    QEventLoop loop;
    QObject::connect(&service, &SyncService::idle, &loop, &QEventLoop::quit);
    service.init(false);
    // Ctrl+C cancels the running syncs; nothing they fetched so far is written.
    std::signal(SIGINT, [](int) { interrupted.store(true); });
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &service, [&] {
        if (interrupted.exchange(false)) {
            clearLine();
            err() << tr("Cancelling...") << Qt::endl;
            service.cancelAll();
        }
    });
    interruptPoll.start(100);
    bool done = false;
    QObject::connect(&service, &SyncService::idle, &service, [&done] { done = true; });
    if (only.isEmpty()) {
        service.refreshAll();
    } else {
        service.refreshSource(only);
    }
    if (!done) {
        loop.exec();
    }
    clearLine();

    int failedCount = 0;
    QJsonArray arr;
    for (const SourceStatus &s : std::as_const(statuses)) {
        if (!only.isEmpty() && s.config.id != only) {
            continue;
        }
        if (s.state == SourceStatus::State::Failed || s.state == SourceStatus::State::Held) {
            ++failedCount;
        }
        if (json) {
            arr.append(statusJson(s));
            continue;
        }
        switch (s.state) {
        case SourceStatus::State::Ok:
            out() << tr("ok      %1: %2 entities; %3").arg(s.config.id).arg(s.entityCount).arg(s.message) << '\n';
            break;
        case SourceStatus::State::Failed:
            out() << tr("FAILED  %1: %2").arg(s.config.id, s.error.message) << '\n';
            if (!s.error.detail.isEmpty()) {
                out() << u"        "_s << s.error.detail.section(u'\n', 0, 2).simplified().left(300) << '\n';
            }
            break;
        case SourceStatus::State::Held:
            out() << tr("HELD    %1: %2 (run again with --accept-deletions to apply it)").arg(s.config.id, s.message)
                  << '\n';
            break;
        case SourceStatus::State::Disabled:
            out() << tr("off     %1: disabled").arg(s.config.id) << '\n';
            break;
        default:
            out() << tr("-       %1: %2").arg(s.config.id, s.message) << '\n';
            break;
        }
    }
    if (json) {
        printJson(arr);
    } else {
        out().flush();
        err() << tr("%1 source(s) synced in %2 s, %3 failed")
                     .arg(statuses.size())
                     .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1)
                     .arg(failedCount)
              << Qt::endl;
    }
    return failedCount == 0 ? Ok : Failed;
}

// `score --what-if FILE`: an edited scorecard against the one of its id, entity by entity.
int runWhatIf(const QCommandLineParser &parser, const Catalog &catalog, const LiveSnapshot *live,
              const QList<Scorecard> &cards)
{
    const QString file = parser.value(u"what-if"_s);
    ErrorList problems;
    const std::optional<Scorecard> edited = ScorecardReader::readFile(file, problems);
    for (const Error &e : std::as_const(problems)) {
        err() << problemLine(e) << Qt::endl;
    }
    if (!edited) {
        err() << tr("%1 gives no scorecard").arg(file) << Qt::endl;
        return Failed;
    }
    const auto it =
        std::find_if(cards.cbegin(), cards.cend(), [&edited](const Scorecard &c) { return c.id == edited->id; });
    Scorecard current;
    current.id = edited->id;
    current.levels = edited->levels;
    if (it != cards.cend()) {
        current = *it;
    }
    const ScorecardEvaluator evaluator(catalog, live, QDateTime::currentDateTimeUtc());
    const ScorecardComparison c = compareRuns(current, it != cards.cend() ? evaluator.run(current) : ScorecardRun{},
                                              *edited, evaluator.run(*edited));
    const auto level = [](const Scorecard &card, bool scored, int index) -> QString {
        if (!scored) {
            return tr("not scored");
        }
        return index >= 0 ? card.levels.at(index).name : tr("below %1").arg(card.levels.first().name);
    };
    if (parser.isSet(u"json"_s)) {
        QJsonArray moves;
        for (const ScorecardMove &m : c.moves) {
            QJsonObject o;
            o.insert(u"entity"_s, catalog.entity(m.entity).refString());
            o.insert(u"before"_s, m.scoredBefore ? QJsonValue(m.beforeName) : QJsonValue());
            o.insert(u"after"_s, m.scoredAfter ? QJsonValue(m.afterName) : QJsonValue());
            o.insert(u"beforeScore"_s, std::round(m.beforeScore * 10) / 10);
            o.insert(u"afterScore"_s, std::round(m.afterScore * 10) / 10);
            o.insert(u"direction"_s, m.direction > 0 ? u"up"_s : m.direction < 0 ? u"down"_s : u"same"_s);
            moves.append(o);
        }
        printJson(QJsonObject{{u"scorecard"_s, edited->id},
                              {u"up"_s, c.up},
                              {u"down"_s, c.down},
                              {u"unchanged"_s, c.same},
                              {u"moves"_s, moves}});
    } else {
        for (const ScorecardMove &m : c.moves) {
            out() << u"%1 %2 %3 → %4  (%5% → %6%)"_s
                         .arg(m.direction > 0   ? u"up  "_s
                              : m.direction < 0 ? u"DOWN"_s
                                                : u"    "_s,
                              catalog.entity(m.entity).refString().leftJustified(48),
                              level(current, m.scoredBefore, m.before), level(*edited, m.scoredAfter, m.after))
                         .arg(std::round(m.beforeScore))
                         .arg(std::round(m.afterScore))
                  << '\n';
        }
        out().flush();
        err() << tr("%1: %2 up, %3 down, %4 unchanged, %5 with another score")
                     .arg(edited->id)
                     .arg(c.up)
                     .arg(c.down)
                     .arg(c.same)
                     .arg(int(c.moves.size()) - c.up - c.down)
              << Qt::endl;
    }
    return std::any_of(problems.cbegin(), problems.cend(), [](const Error &e) { return e.isError(); }) ? Failed : Ok;
}

int runScore(const QCommandLineParser &parser)
{
    const bool json = parser.isSet(u"json"_s);
    Workspace workspace;
    LiveSnapshot::Ptr live;
    const Catalog::Ptr catalog = loadWorkspace(chooseWorkspace(parser), nullptr, &live, &workspace);
    if (!catalog) {
        return Failed;
    }
    ErrorList problems;
    QList<Scorecard> cards = ScorecardReader::readAll(workspace.scorecardPaths(), problems);
    for (const Error &e : std::as_const(problems)) {
        err() << problemLine(e) << Qt::endl;
    }
    const bool brokenScorecards =
        std::any_of(problems.cbegin(), problems.cend(), [](const Error &e) { return e.isError(); });
    if (parser.isSet(u"what-if"_s)) {
        return runWhatIf(parser, *catalog, live.get(), cards);
    }
    if (cards.isEmpty()) {
        err() << tr("No scorecards in %1").arg(workspace.scorecardPaths().join(u", "_s)) << Qt::endl;
        return Failed;
    }
    if (parser.isSet(u"scorecard"_s)) {
        const QString id = parser.value(u"scorecard"_s);
        const auto it = std::find_if(cards.cbegin(), cards.cend(), [&id](const Scorecard &c) { return c.id == id; });
        if (it == cards.cend()) {
            QStringList ids;
            for (const Scorecard &c : std::as_const(cards)) {
                ids << c.id;
            }
            err() << tr("No scorecard \"%1\"; there are %2").arg(id, ids.join(u", "_s)) << Qt::endl;
            return Usage;
        }
        cards = {*it};
    }
    int only = -1;
    if (parser.isSet(u"entity"_s)) {
        only = catalog->find(parser.value(u"entity"_s));
        if (only < 0) {
            err() << tr("No entity \"%1\" in the catalog").arg(parser.value(u"entity"_s)) << Qt::endl;
            return Failed;
        }
    }
    const QString gate = parser.value(u"fail-below"_s);
    if (!gate.isEmpty() && std::none_of(cards.cbegin(), cards.cend(), [&gate](const Scorecard &c) {
            return c.levelIndex(gate) >= 0;
        })) {
        err() << tr("No scorecard has a level \"%1\"").arg(gate) << Qt::endl;
        return Usage;
    }

    const ScorecardEvaluator evaluator(*catalog, live.get(), QDateTime::currentDateTimeUtc());
    const auto levelName = [](const Scorecard &card, int level) {
        return level >= 0 ? card.levels.at(level).name : tr("below %1").arg(card.levels.first().name);
    };
    int below = 0;
    int scored = 0;
    QJsonArray results;
    for (const Scorecard &card : std::as_const(cards)) {
        std::vector<EntityScore> scores;
        if (only >= 0) {
            if (evaluator.applies(card, only)) {
                scores.push_back(evaluator.evaluate(card, only, true));
            }
        } else {
            scores = evaluator.run(card).entities;
            if (json) {
                for (EntityScore &score : scores) {
                    if (score.failed + score.unknown > 0) {
                        score = evaluator.evaluate(card, score.entity, true); // with why
                    }
                }
            }
        }
        if (!json) {
            // Worst first: the lowest level, then the lowest score.
            std::stable_sort(scores.begin(), scores.end(), [](const EntityScore &a, const EntityScore &b) {
                return a.level != b.level ? a.level < b.level : a.score < b.score;
            });
        }
        const int gateLevel = gate.isEmpty() ? -1 : card.levelIndex(gate);
        QList<int> counts(card.levels.size() + 1, 0);
        QJsonArray entities;
        for (const EntityScore &score : scores) {
            ++scored;
            ++counts[score.level >= 0 ? score.level : int(card.levels.size())];
            const bool isBelow = gateLevel >= 0 && score.level < gateLevel;
            below += isBelow ? 1 : 0;
            const QString ref = catalog->entity(score.entity).refString();
            if (json) {
                QJsonObject o;
                o.insert(u"entity"_s, ref);
                o.insert(u"level"_s, score.level >= 0 ? QJsonValue(card.levels.at(score.level).name) : QJsonValue());
                o.insert(u"score"_s, std::round(score.score * 10) / 10);
                o.insert(u"passed"_s, score.passed);
                o.insert(u"failed"_s, score.failed);
                o.insert(u"unknown"_s, score.unknown);
                if (gateLevel >= 0) {
                    o.insert(u"below"_s, isBelow);
                }
                QJsonArray rules;
                for (qsizetype r = 0; r < card.rules.size(); ++r) {
                    QJsonObject rule;
                    rule.insert(u"id"_s, card.rules.at(r).id);
                    rule.insert(u"level"_s, card.levels.at(card.rules.at(r).level).name);
                    rule.insert(u"result"_s, truthName(score.truths.at(std::size_t(r))));
                    if (!score.why.value(r).isEmpty()) {
                        rule.insert(u"why"_s, QJsonArray::fromStringList(score.why.at(r)));
                    }
                    rules.append(rule);
                }
                o.insert(u"rules"_s, rules);
                entities.append(o);
                continue;
            }
            if (only >= 0) {
                out() << tr("%1 · %2: %3 (%4%)")
                             .arg(ref, card.displayTitle(), levelName(card, score.level))
                             .arg(score.score, 0, 'f', 0)
                      << '\n';
                for (qsizetype r = 0; r < card.rules.size(); ++r) {
                    const ScorecardRule &rule = card.rules.at(r);
                    const Truth truth = score.truths.at(std::size_t(r));
                    const QString mark = truth == Truth::Pass   ? tr("pass")
                                         : truth == Truth::Fail ? tr("FAIL")
                                                                : tr("unknown");
                    out() << u"  %1  %2  %3 (%4)"_s.arg(mark.leftJustified(7),
                                                        card.levels.at(rule.level).name.leftJustified(8),
                                                        rule.title.isEmpty() ? rule.id : rule.title, rule.id)
                          << '\n';
                    for (const QString &line : score.why.value(r)) {
                        out() << u"           "_s << line << '\n';
                    }
                    if (truth != Truth::Pass && !rule.description.isEmpty()) {
                        out() << u"           "_s << tr("How to fix: %1").arg(rule.description.simplified()) << '\n';
                    }
                }
                continue;
            }
            QStringList missing;
            for (qsizetype r = 0; r < card.rules.size(); ++r) {
                if (score.truths.at(std::size_t(r)) != Truth::Pass) {
                    missing << (score.truths.at(std::size_t(r)) == Truth::Fail ? card.rules.at(r).id
                                                                               : card.rules.at(r).id + u'?');
                }
            }
            out() << u"%1  %2  %3  %4%5"_s.arg(
                isBelow ? u"!"_s : u" "_s, ref.leftJustified(48), levelName(card, score.level).leftJustified(14),
                QString::number(score.score, 'f', 0).rightJustified(3) + u"%  "_s, missing.join(u' '))
                  << '\n';
        }
        if (json) {
            QJsonObject o;
            o.insert(u"scorecard"_s, card.id);
            o.insert(u"title"_s, card.displayTitle());
            QJsonArray levels;
            for (const ScorecardLevel &l : card.levels) {
                levels.append(l.name);
            }
            o.insert(u"levels"_s, levels);
            o.insert(u"entities"_s, entities);
            results.append(o);
        } else if (only < 0) {
            QStringList summary;
            for (qsizetype l = card.levels.size() - 1; l >= 0; --l) {
                summary << u"%1 %2"_s.arg(card.levels.at(l).name).arg(counts.at(l));
            }
            summary << tr("below %1: %2").arg(card.levels.first().name).arg(counts.last());
            out() << tr("== %1 (%2): %3 entities; %4")
                         .arg(card.displayTitle(), card.id)
                         .arg(scores.size())
                         .arg(summary.join(u", "_s))
                  << "\n\n";
        }
    }
    if (json) {
        printJson(results);
    }
    out().flush();
    if (only >= 0 && scored == 0) {
        err() << tr("No scorecard applies to %1").arg(parser.value(u"entity"_s)) << Qt::endl;
    }
    if (!gate.isEmpty()) {
        if (below > 0) {
            err()
                << QCoreApplication::translate("portolan-cli", "%n entity score(s) below %1", nullptr, below).arg(gate)
                << Qt::endl;
            return Failed;
        }
        err() << tr("Every entity is at %1 or above").arg(gate) << Qt::endl;
    }
    return brokenScorecards ? Failed : Ok;
}

} // namespace

int main(int argc, char *argv[])
{
    // Informational logging would mix with the output scripts read; --verbose or QT_LOGGING_RULES bring it back.
    // Warnings too: the CLI prints every failure itself, with its reason, in the form scripts read.
    QLoggingCategory::setFilterRules(u"portolan.*.info=false\nportolan.*.warning=false"_s);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"portolan-cli"_s);
    QCoreApplication::setOrganizationName(u"Portolan"_s);
    QCoreApplication::setApplicationVersion(AppInfo::version);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Portolan's headless command line.\n\n"
           "Commands:\n"
           "  validate PATH...        check descriptor files and folders; exit 1 on errors\n"
           "  catalog list            list the workspace's entities\n"
           "  catalog show REF        show one entity and its relations\n"
           "  sync                    fetch every source now (or one, with --source); exit 1 if any failed\n"
           "  graph [REF]             the dependency graph as DOT, SVG or JSON\n"
           "  score                   the workspace's scorecards: each entity's level; with --fail-below LEVEL,\n"
           "                          exit 1 when one is below it (a CI gate); with --what-if FILE, which entities an\n"
           "                          edited scorecard would move up or down\n"
           "  action list             the workspace's self-service actions (Template entities)\n"
           "  action show ID          an action's parameters, steps and problems\n"
           "  action run ID           run an action: --param k=v for each parameter, --entity REF for one started on\n"
           "                          an entity, --dry-run to see what would be sent where; exit 1 if it failed\n"
           "  run list                the action runs, newest first\n"
           "  run show ID             one run: its inputs, each step's status, log and outputs, and its links\n"
           "  run resume ID           go on with a run that waits for approval (--wait: until approvers decide);\n"
           "                          exit 3 while it still waits\n"
           "  approvals list          approval requests waiting for you, and yours (--all: every request)\n"
           "  approvals approve KEY   approve a request (--comment TEXT); approvals reject KEY --comment TEXT\n"
           "  ttl list                what has a time to live (portolan.dev/ttl), soonest expiry first\n"
           "  automations list        the workspace's automations (automations/*.yaml)\n"
           "  automations run         run the automations whose trigger is due (schedules, TTL warnings and\n"
           "                          expiries), each event once across every desktop and job; --once for cron"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"workspace"_s,
                      tr("Workspace folder (default: the current folder when it has portolan.yaml, "
                         "else the bundled demo)"),
                      tr("dir")});
    parser.addOption({u"verbose"_s, tr("Log what the core does to standard error")});
    parser.addOption({u"json"_s, tr("Print JSON instead of text")});
    parser.addOption({u"kind"_s, tr("catalog list: only entities of this kind"), tr("kind")});
    parser.addOption({u"owner"_s, tr("catalog list: only entities with this owner"), tr("owner")});
    parser.addOption({u"source"_s, tr("sync: only this source"), tr("id")});
    parser.addOption({u"branch"_s, tr("With a git URL as --workspace: the branch to use"), tr("branch")});
    parser.addOption(
        {u"accept-deletions"_s, tr("sync: apply a sync even if it removes more of a source's entities than its "
                                   "maxDeletionShare allows")});
    parser.addOption({u"depth"_s, tr("graph: relations from the entity (default 2; -1: no limit)"), tr("n")});
    parser.addOption({u"direction"_s, tr("graph: both, dependencies (what it needs) or dependents (what needs it)"),
                      tr("direction")});
    parser.addOption({u"scope"_s,
                      tr("graph: neighbourhood (default), system (a System or Domain with its parts), "
                         "blast-radius (what needs the entity, transitively), needs (what it needs) or catalog"),
                      tr("scope")});
    parser.addOption(
        {u"relations"_s, tr("graph: the relations to draw, e.g. dependsOn,consumesApi (default: all)"), tr("list")});
    parser.addOption({u"kinds"_s, tr("graph: the kinds to draw, e.g. component,api (default: all)"), tr("list")});
    parser.addOption({u"format"_s, tr("graph: dot (default), svg or json"), tr("format")});
    parser.addOption({u"group"_s, tr("graph: collapse entities into one box per system or owner (none, system, owner)"),
                      tr("grouping")});
    parser.addOption({u"scorecard"_s, tr("score: only this scorecard"), tr("id")});
    parser.addOption({u"entity"_s, tr("score: only this entity, rule by rule"), tr("ref")});
    parser.addOption({u"fail-below"_s, tr("score: exit 1 when an entity is below this level"), tr("level")});
    parser.addOption({u"what-if"_s,
                      tr("score: evaluate this edited scorecard file and list the entities that would move, against "
                         "the workspace's scorecard of the same id"),
                      tr("file")});
    addActionOptions(parser);
    addAutomationOptions(parser);
    parser.addPositionalArgument(
        u"command"_s, tr("validate | catalog | sync | graph | score | action | run | approvals | ttl | automations"));
    parser.process(app);
    if (parser.isSet(u"verbose"_s)) {
        QLoggingCategory::setFilterRules(u"portolan.*.info=true\nportolan.*.warning=true"_s);
    }

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        parser.showHelp(Usage);
    }
    const QString command = args.first();
    if (command == u"validate"_s) {
        return runValidate(parser, args.mid(1));
    }
    if (command == u"sync"_s && args.size() == 1) {
        return runSync(parser);
    }
    if (command == u"catalog"_s && args.value(1) == u"list"_s) {
        return runCatalogList(parser);
    }
    if (command == u"catalog"_s && args.value(1) == u"show"_s && args.size() == 3) {
        return runCatalogShow(parser, args.at(2));
    }
    if (command == u"graph"_s && args.size() <= 2) {
        return runGraph(parser, args.value(1));
    }
    if (command == u"score"_s && args.size() == 1) {
        return runScore(parser);
    }
    if (command == u"action"_s) {
        return runActionCommand(parser, args);
    }
    if (command == u"run"_s) {
        return runRunCommand(parser, args);
    }
    if (command == u"approvals"_s) {
        return runApprovalCommand(parser, args);
    }
    if (command == u"ttl"_s) {
        return runTtlCommand(parser, args);
    }
    if (command == u"automations"_s) {
        return runAutomationCommand(parser, args);
    }
    err() << tr("Unknown command \"%1\"; see --help").arg(args.join(u' ')) << Qt::endl;
    return Usage;
}
