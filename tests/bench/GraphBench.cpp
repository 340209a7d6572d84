// The dependency graph at 50, 200, 1,000 and 5,000 nodes: the time to cut the graph out of a catalog (EntityGraph)
// and to lay it out (LayeredLayout), the layout's crossings and size, and the memory of the layout result. The
// catalogs are generated in the shape of a layered architecture: services in eight tiers, each depending on three
// services of the next tier down, a third of them providing an API that another service consumes, grouped in
// systems of 50. Prints figures; not pass/fail.
//   portolan_bench_graph [--sizes 50,200,1000,5000] [--repeat 5]
#include "catalog/Catalog.h"
#include "graph/EntityGraph.h"
#include "graph/LayeredLayout.h"

#include <QCborArray>
#include <QCborMap>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;

namespace {

Entity make(const QString &kind, const QString &name, const QCborMap &spec)
{
    return Entity::fromEnvelope(QCborMap{{u"apiVersion"_s, u"backstage.io/v1alpha1"_s},
                                         {u"kind"_s, kind},
                                         {u"metadata"_s, QCborMap{{u"name"_s, name}}},
                                         {u"spec"_s, spec}});
}

// `nodes` entities: one system per 50, the rest services (two thirds) and APIs (one third).
Catalog::Ptr generate(int nodes)
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
        // Tier t = i % 8 depends on tier t + 1: services i + 1, i + 9 and i + 17 (with wrap-around inside the tier).
        QCborArray deps;
        if (i % 8 < 7) {
            for (int step : {1, 9, 17}) {
                deps.append(u"component:service-%1"_s.arg((i + step) % services));
            }
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sizesOption(u"sizes"_s, u"Node counts"_s, u"list"_s, u"50,200,1000,5000"_s);
    const QCommandLineOption repeatOption(u"repeat"_s, u"Runs per size (the median is shown)"_s, u"n"_s, u"5"_s);
    parser.addOptions({sizesOption, repeatOption});
    parser.process(app);
    const int repeat = std::max(1, parser.value(repeatOption).toInt());

    QTextStream out(stdout);
    out << u"nodes"_s.rightJustified(7) << u"edges"_s.rightJustified(8) << u"cut ms"_s.rightJustified(9)
        << u"layout ms"_s.rightJustified(11) << u"layers"_s.rightJustified(8) << u"crossings"_s.rightJustified(11)
        << u"width x height"_s.rightJustified(18) << Qt::endl;
    for (const QString &sizeText : parser.value(sizesOption).split(u',')) {
        const int size = sizeText.toInt();
        const Catalog::Ptr catalog = generate(size);
        GraphScope scope;
        scope.kind = GraphScope::Kind::Catalog;
        scope.relations = {RelationType::DependsOn, RelationType::ProvidesApi, RelationType::ConsumesApi,
                           RelationType::PartOf};
        std::vector<double> cut;
        std::vector<double> layout;
        LayeredLayout::Result result;
        qsizetype edges = 0;
        for (int r = 0; r < repeat; ++r) {
            QElapsedTimer timer;
            timer.start();
            const Result<EntityGraph> graph = EntityGraph::build(*catalog, scope);
            cut.push_back(double(timer.nsecsElapsed()) / 1e6);
            QList<QSizeF> sizes;
            for (const GraphNode &n : graph->nodes()) {
                sizes.append(QSizeF(40 + 7 * n.title.size(), 36));
            }
            QList<LayeredLayout::Edge> layoutEdges;
            for (const GraphEdge &e : graph->edges()) {
                layoutEdges.append({e.from, e.to});
            }
            edges = layoutEdges.size();
            timer.restart();
            result = LayeredLayout::compute(sizes, layoutEdges);
            layout.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        int layers = 0;
        for (int l : std::as_const(result.layers)) {
            layers = std::max(layers, l + 1);
        }
        out << QString::number(size).rightJustified(7) << QString::number(edges).rightJustified(8)
            << QString::number(median(cut), 'f', 1).rightJustified(9)
            << QString::number(median(layout), 'f', 1).rightJustified(11) << QString::number(layers).rightJustified(8)
            << QString::number(result.crossings).rightJustified(11)
            << QString(QString::number(qRound(result.size.width())) + u" x "_s
                       + QString::number(qRound(result.size.height())))
                   .rightJustified(18)
            << Qt::endl;
    }
    return 0;
}
