// The dependency graph at 50, 200, 1,000 and 5,000 nodes: the time to cut the graph out of a catalog (EntityGraph)
// and to lay it out (LayeredLayout), the layout's crossings and size, the memory of the layout result and the peak
// resident memory; and, when built with libgvc (PORTOLAN_BENCH_GRAPHVIZ), the same graph laid out by Graphviz's
// `dot` in-process, with its time, ranks, crossings and peak memory. Two shapes of generated catalog:
//   tiers  a layered architecture: services in eight tiers, each depending on three services of the next tier down,
//          a third of them providing an API that another service consumes, grouped in systems of 50;
//   chain  the same services, APIs and systems, but each service depends on the next one only: one long path, so
//          the systems and APIs end up far from most of their members and many edges span hundreds of layers.
// Prints figures; not pass/fail.
//   portolan_bench_graph [--sizes 50,200,1000,5000] [--repeat 5] [--shape tiers|chain] [--dot-limit 1000]
//                        [--dot-splines true|polyline|line|none] [--dot-write dir]
#include "catalog/Catalog.h"
#include "graph/EntityGraph.h"
#include "graph/LayeredLayout.h"

#include <QCborArray>
#include <QCborMap>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <malloc.h>
#include <tuple>
#include <unistd.h>

#ifdef PORTOLAN_BENCH_GRAPHVIZ
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#endif

using namespace Portolan::Core;
using namespace Qt::StringLiterals;

namespace {

enum class Shape { Tiers, Chain };

Entity make(const QString &kind, const QString &name, const QCborMap &spec)
{
    return Entity::fromEnvelope(QCborMap{{u"apiVersion"_s, u"backstage.io/v1alpha1"_s},
                                         {u"kind"_s, kind},
                                         {u"metadata"_s, QCborMap{{u"name"_s, name}}},
                                         {u"spec"_s, spec}});
}

// `nodes` entities: one system per 50, the rest services (two thirds) and APIs (one third).
Catalog::Ptr generate(int nodes, Shape shape)
{
    std::vector<Entity> entities;
    const int systems = std::max(1, nodes / 50);
    const int apis = (nodes - systems) / 3;
    const int services = nodes - systems - apis;
    for (int s = 0; s < systems; ++s) {
        entities.push_back(make(u"System"_s, u"system-%1"_s.arg(s), QCborMap{{u"owner"_s, u"team-a"_s}}));
    }
    for (int a = 0; a < apis; ++a) {
        entities.push_back(make(u"API"_s, u"api-%1"_s.arg(a),
                                QCborMap{{u"type"_s, u"openapi"_s},
                                         {u"lifecycle"_s, u"production"_s},
                                         {u"owner"_s, u"team-a"_s},
                                         {u"system"_s, u"system-%1"_s.arg(a % systems)},
                                         {u"definition"_s, u"openapi: 3.0.0"_s}}));
    }
    for (int i = 0; i < services; ++i) {
        QCborArray deps;
        if (shape == Shape::Tiers) {
            // Tier t = i % 8 depends on tier t + 1: services i + 1, i + 9 and i + 17 (with wrap-around inside the
            // tier).
            if (i % 8 < 7) {
                for (int step : {1, 9, 17}) {
                    deps.append(u"component:service-%1"_s.arg((i + step) % services));
                }
            }
        } else if (i + 1 < services) {
            deps.append(u"component:service-%1"_s.arg(i + 1));
        }
        QCborMap spec{{u"type"_s, u"service"_s},
                      {u"lifecycle"_s, u"production"_s},
                      {u"owner"_s, u"team-a"_s},
                      {u"system"_s, u"system-%1"_s.arg(i % systems)},
                      {u"dependsOn"_s, deps}};
        if (i < apis) {
            spec.insert(u"providesApis"_s, QCborArray{u"api-%1"_s.arg(i)});
        }
        if (apis > 0) {
            spec.insert(u"consumesApis"_s, QCborArray{u"api-%1"_s.arg((i * 3 + 1) % apis)});
        }
        entities.push_back(make(u"Component"_s, u"service-%1"_s.arg(i), spec));
    }
    return Catalog::build(std::move(entities));
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// A field of /proc/self/status in kB ("VmHWM:", "VmRSS:"), or -1 where there is none (not Linux).
qint64 statusKb(const char *field)
{
    FILE *file = std::fopen("/proc/self/status", "r");
    if (!file) {
        return -1;
    }
    char line[256];
    qint64 kb = -1;
    const std::size_t length = std::strlen(field);
    while (std::fgets(line, sizeof line, file)) {
        if (std::strncmp(line, field, length) == 0) {
            kb = std::strtoll(line + length, nullptr, 10);
            break;
        }
    }
    std::fclose(file);
    return kb;
}

// Returns freed heap to the system and resets the peak resident set (VmHWM) to the current one, so that each
// layout's peak is its own (Linux >= 4.0) and not hidden in memory an earlier one freed.
void resetPeak()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    const int fd = ::open("/proc/self/clear_refs", O_WRONLY);
    if (fd >= 0) {
        [[maybe_unused]] const ssize_t written = ::write(fd, "5", 1);
        ::close(fd);
    }
}

QString megabytes(qint64 kb)
{
    return kb < 0 ? u"-"_s : QString::number(double(kb) / 1024, 'f', 1);
}

// The heap held by a layout result: the elements of its lists and one list header per allocation.
qint64 resultBytes(const LayeredLayout::Result &r)
{
    constexpr qint64 header = 16; // QArrayData
    qint64 bytes = qint64(sizeof r);
    bytes += header + r.positions.capacity() * qint64(sizeof(QPointF));
    bytes += header + r.routes.capacity() * qint64(sizeof(QList<QPointF>));
    for (const QList<QPointF> &route : r.routes) {
        bytes += route.capacity() > 0 ? header + route.capacity() * qint64(sizeof(QPointF)) : 0;
    }
    bytes += header + r.layers.capacity() * qint64(sizeof(int));
    bytes += header + r.reversed.capacity() * qint64(sizeof(bool));
    return bytes;
}

struct DotFigures
{
    bool available = false;
    double ms = 0;
    int ranks = 0;
    qint64 crossings = -1;
    qint64 growthKb = -1; // peak resident memory over the resident memory before
};

#ifdef PORTOLAN_BENCH_GRAPHVIZ
// Crossings between adjacent layers of (upper position, lower position, multiplicity) segments: after sorting by the
// upper end, every pair whose lower ends are inverted crosses; parallel edges count once per edge.
qint64 crossingsOf(std::vector<std::tuple<int, int, int>> &segments, int lowerSize)
{
    std::sort(segments.begin(), segments.end());
    std::vector<qint64> tree(static_cast<std::size_t>(lowerSize) + 1, 0);
    qint64 crossings = 0;
    qint64 seen = 0;
    for (const auto &[upper, lower, count] : segments) {
        qint64 notGreater = 0;
        for (int i = lower + 1; i > 0; i -= i & -i) {
            notGreater += tree[std::size_t(i)];
        }
        crossings += qint64(count) * (seen - notGreater);
        for (int i = lower + 1; i <= lowerSize; i += i & -i) {
            tree[std::size_t(i)] += count;
        }
        seen += count;
    }
    return crossings;
}

// cgraph takes `char *` for names and values it only reads (it keeps its own copies).
char *text(const char *s)
{
    return const_cast<char *>(s);
}

// Crossings of dot's final ordering, counted like ours: dot keeps its ranks (real and virtual nodes, in order) and its
// "fast" edges between adjacent ranks until gvFreeLayout; a fast edge stands for ED_count merged parallel edges.
qint64 dotCrossings(Agraph_t *g)
{
    rank_t *ranks = GD_rank(g);
    if (!ranks) {
        return -1;
    }
    qint64 sum = 0;
    for (int r = GD_minrank(g); r < GD_maxrank(g); ++r) {
        std::vector<std::tuple<int, int, int>> segments;
        for (int i = 0; i < ranks[r].n; ++i) {
            node_t *v = ranks[r].v[i];
            for (int k = 0; k < ND_out(v).size; ++k) {
                edge_t *e = ND_out(v).list[k];
                node_t *w = aghead(e);
                if (ND_rank(w) != r + 1) {
                    return -1; // not the shape assumed here: leave the figure out
                }
                segments.emplace_back(ND_order(v), ND_order(w), std::max(1, int(ED_count(e))));
            }
        }
        sum += crossingsOf(segments, ranks[r + 1].n);
    }
    return sum;
}

// The same graph through libgvc: a box per node of the same size (inches at 72 dpi), the same gaps, left to right.
// Timed from building the cgraph graph to the end of gvLayout (ranks, order, coordinates and edge routes).
DotFigures layoutWithDot(GVC_t *gvc, const QList<QSizeF> &sizes, const QList<LayeredLayout::Edge> &edges,
                         const LayeredLayout::Options &options, const QByteArray &dotSplines, const QString &writeTo)
{
    DotFigures figures;
    QElapsedTimer timer;
    timer.start();
    Agraph_t *g = agopen(text("portolan"), Agdirected, nullptr);
    agattr(g, AGRAPH, text("rankdir"), text("LR"));
    agattr(g, AGRAPH, text("splines"), text(dotSplines.constData()));
    agattr(g, AGRAPH, text("ranksep"), text(QByteArray::number(options.layerGap / 72, 'f', 4).constData()));
    agattr(g, AGRAPH, text("nodesep"), text(QByteArray::number(options.nodeGap / 72, 'f', 4).constData()));
    agattr(g, AGNODE, text("shape"), text("box"));
    agattr(g, AGNODE, text("fixedsize"), text("true"));
    agattr(g, AGNODE, text("label"), text(""));
    Agsym_t *width = agattr(g, AGNODE, text("width"), text("0.75"));
    Agsym_t *height = agattr(g, AGNODE, text("height"), text("0.5"));
    std::vector<Agnode_t *> nodes;
    nodes.reserve(std::size_t(sizes.size()));
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        Agnode_t *node = agnode(g, QByteArray("n" + QByteArray::number(i)).data(), 1);
        // Width and height as drawn, like ours: with rankdir=LR dot turns them for its top-down ranking itself.
        agxset(node, width, QByteArray::number(sizes[i].width() / 72, 'f', 4).data());
        agxset(node, height, QByteArray::number(sizes[i].height() / 72, 'f', 4).data());
        nodes.push_back(node);
    }
    for (const LayeredLayout::Edge &e : edges) {
        agedge(g, nodes[std::size_t(e.from)], nodes[std::size_t(e.to)], nullptr, 1);
    }
    const bool ok = gvLayout(gvc, g, "dot") == 0;
    figures.ms = double(timer.nsecsElapsed()) / 1e6;
    if (!writeTo.isEmpty()) {
        // The laid out graph, for a cross-check with the dot command (`dot -v` prints its crossings).
        if (FILE *file = std::fopen(QFile::encodeName(writeTo).constData(), "w")) {
            agwrite(g, file);
            std::fclose(file);
        }
    }
    if (ok) {
        figures.available = true;
        figures.ranks = GD_maxrank(g) - GD_minrank(g) + 1;
        figures.crossings = dotCrossings(g);
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    return figures;
}
#endif

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sizesOption(u"sizes"_s, u"Node counts"_s, u"list"_s, u"50,200,1000,5000"_s);
    const QCommandLineOption repeatOption(u"repeat"_s, u"Runs per size (the median is shown)"_s, u"n"_s, u"5"_s);
    const QCommandLineOption shapeOption(u"shape"_s, u"Catalog shape: tiers or chain"_s, u"shape"_s, u"tiers"_s);
    const QCommandLineOption dotLimitOption(u"dot-limit"_s, u"Largest size laid out with Graphviz dot"_s, u"n"_s,
                                            u"1000"_s);
    const QCommandLineOption splinesOption(u"dot-splines"_s, u"dot's splines attribute"_s, u"value"_s, u"true"_s);
    const QCommandLineOption writeOption(u"dot-write"_s, u"Write each laid out graph to <dir>/<shape>-<nodes>.gv"_s,
                                         u"dir"_s);
    parser.addOptions({sizesOption, repeatOption, shapeOption, dotLimitOption, splinesOption, writeOption});
    parser.process(app);
    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    const QString shapeName = parser.value(shapeOption);
    if (shapeName != u"tiers"_s && shapeName != u"chain"_s) {
        QTextStream(stderr) << "--shape must be tiers or chain" << Qt::endl;
        return 2;
    }
    const Shape shape = shapeName == u"chain"_s ? Shape::Chain : Shape::Tiers;
    const int dotLimit = parser.value(dotLimitOption).toInt();
    const QByteArray dotSplines = parser.value(splinesOption).toLatin1();
#ifdef PORTOLAN_BENCH_GRAPHVIZ
    GVC_t *gvc = gvContext();
    const bool withDot = true;
#else
    const bool withDot = false;
#endif

    QTextStream out(stdout);
    out << "shape " << shapeName << ", median of " << repeat
        << " runs; +MB = peak resident memory (VmHWM) during the layouts over the resident memory (VmRSS) before them"
        << (withDot ? u", dot with splines="_s + QString::fromLatin1(dotSplines) : u", built without libgvc: no dot"_s)
        << Qt::endl;
    out << u"nodes"_s.rightJustified(6) << u"edges"_s.rightJustified(7) << u"cut ms"_s.rightJustified(8)
        << u"base MB"_s.rightJustified(8) << u" |"_s << u"ours ms"_s.rightJustified(9) << u"layers"_s.rightJustified(7)
        << u"crossings"_s.rightJustified(12) << u"width x height"_s.rightJustified(17)
        << u"result KB"_s.rightJustified(10) << u"+MB"_s.rightJustified(7) << u" |"_s << u"dot ms"_s.rightJustified(10)
        << u"ranks"_s.rightJustified(6) << u"crossings"_s.rightJustified(11) << u"+MB"_s.rightJustified(7) << Qt::endl;
    for (const QString &sizeText : parser.value(sizesOption).split(u',')) {
        const int size = sizeText.toInt();
        const Catalog::Ptr catalog = generate(size, shape);
        GraphScope scope;
        scope.kind = GraphScope::Kind::Catalog;
        scope.relations = {RelationType::DependsOn, RelationType::ProvidesApi, RelationType::ConsumesApi,
                           RelationType::PartOf};
        std::vector<double> cut;
        QList<QSizeF> sizes;
        QList<LayeredLayout::Edge> layoutEdges;
        for (int r = 0; r < repeat; ++r) {
            QElapsedTimer timer;
            timer.start();
            const Result<EntityGraph> graph = EntityGraph::build(*catalog, scope);
            cut.push_back(double(timer.nsecsElapsed()) / 1e6);
            sizes.clear();
            for (const GraphNode &n : graph->nodes()) {
                sizes.append(QSizeF(40 + 7 * n.title.size(), 36));
            }
            layoutEdges.clear();
            for (const GraphEdge &e : graph->edges()) {
                layoutEdges.append({e.from, e.to});
            }
        }

        std::vector<double> layout;
        LayeredLayout::Result result;
        resetPeak();
        const qint64 baseKb = statusKb("VmRSS:");
        for (int r = 0; r < repeat; ++r) {
            result = {};
            QElapsedTimer timer;
            timer.start();
            result = LayeredLayout::compute(sizes, layoutEdges);
            layout.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        const qint64 growthKb = statusKb("VmHWM:") - baseKb;
        int layers = 0;
        for (int l : std::as_const(result.layers)) {
            layers = std::max(layers, l + 1);
        }

        DotFigures dot;
        const bool dotRuns = withDot && size <= dotLimit;
#ifdef PORTOLAN_BENCH_GRAPHVIZ
        if (dotRuns) {
            std::vector<double> times;
            resetPeak();
            const qint64 dotBaseKb = statusKb("VmRSS:");
            for (int r = 0; r < repeat; ++r) {
                const QString writeTo = parser.isSet(writeOption) && r == 0
                                            ? u"%1/%2-%3.gv"_s.arg(parser.value(writeOption), shapeName).arg(size)
                                            : QString();
                dot = layoutWithDot(gvc, sizes, layoutEdges, LayeredLayout::Options(), dotSplines, writeTo);
                times.push_back(dot.ms);
            }
            dot.ms = median(times);
            dot.growthKb = statusKb("VmHWM:") - dotBaseKb;
        }
#endif

        out << QString::number(size).rightJustified(6) << QString::number(layoutEdges.size()).rightJustified(7)
            << QString::number(median(cut), 'f', 1).rightJustified(8) << megabytes(baseKb).rightJustified(8) << u" |"_s
            << QString::number(median(layout), 'f', 1).rightJustified(9) << QString::number(layers).rightJustified(7)
            << QString::number(result.crossings).rightJustified(12)
            << QString(QString::number(qRound(result.size.width())) + u" x "_s
                       + QString::number(qRound(result.size.height())))
                   .rightJustified(17)
            << QString::number(double(resultBytes(result)) / 1024, 'f', 0).rightJustified(10)
            << megabytes(growthKb).rightJustified(7) << u" |"_s;
        if (!withDot) {
            out << u"-"_s.rightJustified(10);
        } else if (!dotRuns) {
            out << u"skipped"_s.rightJustified(10);
        } else if (!dot.available) {
            out << u"failed"_s.rightJustified(10);
        } else {
            out << QString::number(dot.ms, 'f', 1).rightJustified(10) << QString::number(dot.ranks).rightJustified(6)
                << (dot.crossings < 0 ? u"-"_s : QString::number(dot.crossings)).rightJustified(11)
                << megabytes(dot.growthKb).rightJustified(7);
        }
        out << Qt::endl;
    }
#ifdef PORTOLAN_BENCH_GRAPHVIZ
    gvFreeContext(gvc);
#endif
    return 0;
}
