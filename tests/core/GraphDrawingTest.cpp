#include "graph/GraphDrawing.h"

#include "catalog/DescriptorLoader.h"
#include "support/TestSupport.h"

#include <QCborArray>
#include <QCborMap>
#include <QXmlStreamReader>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;

namespace {

Entity entity(const QString &kind, const QString &name, const QCborMap &spec)
{
    return Entity::fromEnvelope(QCborMap{{u"apiVersion"_s, u"backstage.io/v1alpha1"_s},
                                         {u"kind"_s, kind},
                                         {u"metadata"_s, QCborMap{{u"name"_s, name}}},
                                         {u"spec"_s, spec}});
}

Catalog::Ptr backstageExamples()
{
    const LoadResult loaded =
        DescriptorLoader::load({Portolan::Test::corpusPath(u"backstage/packages/catalog-model/examples"_s)});
    return Catalog::build(loaded.entities, loaded.problems);
}

// Elements of an SVG document with this class attribute; fails the test when the XML does not parse.
int svgCount(const QByteArray &svg, const QString &cls)
{
    QXmlStreamReader xml(svg);
    int count = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.attributes().value(u"class"_s) == cls) {
            ++count;
        }
    }
    INFO(xml.errorString().toStdString());
    REQUIRE_FALSE(xml.hasError());
    return count;
}

QSet<QString> blastRadius(const Catalog &catalog, const QString &root, GraphScope::Kind kind)
{
    GraphScope scope;
    scope.kind = kind;
    scope.root = root;
    scope.depth = -1;
    const Result<EntityGraph> g = EntityGraph::build(catalog, scope);
    REQUIRE(g.ok());
    QSet<QString> out;
    for (const GraphNode &n : g->nodes()) {
        out.insert(n.ref);
    }
    return out;
}

} // namespace

TEST_CASE("Drawing of the Backstage examples: grouped or not, every relation is drawn or counted", "[graph]")
{
    const Catalog::Ptr catalog = backstageExamples();
    GraphScope scope;
    scope.kind = GraphScope::Kind::Catalog;
    const Result<EntityGraph> g = EntityGraph::build(*catalog, scope);
    REQUIRE(g.ok());
    for (GraphGrouping grouping : {GraphGrouping::None, GraphGrouping::System, GraphGrouping::Owner}) {
        GraphDrawing::Options options;
        options.grouping = grouping;
        const std::optional<GraphDrawing> d = GraphDrawing::make(*g, *catalog, options, &GraphDrawing::estimatedSize);
        REQUIRE(d.has_value());
        INFO("grouping " << int(grouping) << ": " << d->nodes().size() << " boxes, " << d->edges().size()
                         << " lines for " << g->edges().size() << " relations");
        CHECK(d->relationCount() == g->edges().size());
        // Every entity is in exactly one box.
        qsizetype shown = 0;
        for (const DrawingNode &n : d->nodes()) {
            shown += n.isGroup() ? n.members.size() : 1;
            CHECK(n.rect.width() > 0);
        }
        CHECK(shown == g->nodes().size());
        for (int i = 0; i < int(g->nodes().size()); ++i) {
            CHECK(d->nodeOf(i) >= 0);
        }
        if (grouping == GraphGrouping::None) {
            CHECK(d->edges().size() == g->edges().size());
            CHECK(d->nodes().size() == g->nodes().size());
        } else {
            CHECK(d->nodes().size() < g->nodes().size());
        }
        // The SVG has a group per line and a box per node, and parses; the DOT has an edge statement per line.
        const QByteArray svg = d->toSvg();
        CHECK(svgCount(svg, u"edge"_s) == d->edges().size());
        int groups = 0;
        for (const DrawingNode &n : d->nodes()) {
            groups += n.isGroup() ? 1 : 0;
        }
        CHECK(svgCount(svg, u"node"_s) == d->nodes().size() - groups);
        CHECK(svgCount(svg, u"group"_s) == groups);
        CHECK(d->toDot().count(" -> ") == d->edges().size());
    }

    // Grouped by system, a system's parts are one box; expanded, they are single again and the count still holds.
    GraphDrawing::Options options;
    options.grouping = GraphGrouping::System;
    const std::optional<GraphDrawing> grouped = GraphDrawing::make(*g, *catalog, options, {});
    REQUIRE(grouped.has_value());
    const int lookup = g->nodeOf(u"component:default/artist-lookup"_s);
    REQUIRE(lookup >= 0);
    const DrawingNode &box = grouped->nodes().at(grouped->nodeOf(lookup));
    REQUIRE(box.isGroup());
    CHECK(box.id == u"group:system:default/artist-engagement-portal"_s);
    CHECK(GraphDrawing::groupIdOf(*g, lookup, *catalog, GraphGrouping::System) == box.id);
    CHECK(GraphDrawing::groupIdOf(*g, lookup, *catalog, GraphGrouping::None).isEmpty());
    CHECK(box.members.contains(g->nodeOf(u"system:default/artist-engagement-portal"_s)));
    CHECK(box.innerEdges > 0);
    options.expanded = {box.id};
    const std::optional<GraphDrawing> expanded = GraphDrawing::make(*g, *catalog, options, {});
    REQUIRE(expanded.has_value());
    CHECK_FALSE(expanded->nodes().at(expanded->nodeOf(lookup)).isGroup());
    CHECK(expanded->nodes().size() > grouped->nodes().size());
    CHECK(expanded->relationCount() == g->edges().size());
}

TEST_CASE("Drawing of 2,000 generated entities grouped by system keeps every relation", "[graph]")
{
    const Catalog::Ptr catalog = Portolan::Test::webOfServices();
    GraphScope scope;
    scope.kind = GraphScope::Kind::Catalog;
    const Result<EntityGraph> g = EntityGraph::build(*catalog, scope);
    REQUIRE(g.ok());
    GraphDrawing::Options options;
    options.grouping = GraphGrouping::System;
    const std::optional<GraphDrawing> d = GraphDrawing::make(*g, *catalog, options, {});
    REQUIRE(d.has_value());
    // 40 system boxes plus the owners (ghosts: no Group entities here).
    CHECK(d->nodes().size() == 40 + 12 + 1);
    CHECK(d->relationCount() == g->edges().size());
    int dependsOnBetweenGroups = 0;
    for (const DrawingEdge &e : d->edges()) {
        if (e.type == RelationType::DependsOn) {
            dependsOnBetweenGroups += e.count;
            CHECK(d->nodes().at(e.from).isGroup());
            CHECK(d->nodes().at(e.to).isGroup());
        }
        CHECK(e.points.size() >= 2);
    }
    int dependsOnInside = 0;
    int dependsOn = 0;
    for (const GraphEdge &e : g->edges()) {
        if (e.type == RelationType::DependsOn) {
            ++dependsOn;
            dependsOnInside += d->nodeOf(e.from) == d->nodeOf(e.to) ? 1 : 0;
        }
    }
    CHECK(dependsOnBetweenGroups + dependsOnInside == dependsOn);

    // A layout that is cancelled gives nothing rather than half a drawing.
    std::atomic_bool cancel{true};
    options.grouping = GraphGrouping::None;
    CHECK_FALSE(GraphDrawing::make(*g, *catalog, options, {}, &cancel).has_value());
}

TEST_CASE("Blast radius and needs scopes follow needing across the catalog, at any depth", "[graph]")
{
    // web -> gateway -> orders (dependsOn); orders provides orders-api; billing consumes orders-api;
    // orders depends on the db; reports depends on billing. owner relations never count.
    const auto component = [](const QString &name, const QStringList &deps, const QStringList &provides = {},
                              const QStringList &consumes = {}) {
        return entity(u"Component"_s, name,
                      QCborMap{{u"type"_s, u"service"_s},
                               {u"lifecycle"_s, u"production"_s},
                               {u"owner"_s, u"team-a"_s},
                               {u"dependsOn"_s, QCborArray::fromStringList(deps)},
                               {u"providesApis"_s, QCborArray::fromStringList(provides)},
                               {u"consumesApis"_s, QCborArray::fromStringList(consumes)}});
    };
    std::vector<Entity> entities;
    entities.push_back(component(u"web"_s, {u"component:gateway"_s}));
    entities.push_back(component(u"gateway"_s, {u"component:orders"_s}));
    entities.push_back(component(u"orders"_s, {u"resource:orders-db"_s}, {u"orders-api"_s}));
    entities.push_back(component(u"billing"_s, {}, {}, {u"orders-api"_s}));
    entities.push_back(component(u"reports"_s, {u"component:billing"_s}));
    entities.push_back(entity(u"API"_s, u"orders-api"_s,
                              QCborMap{{u"type"_s, u"openapi"_s},
                                       {u"lifecycle"_s, u"production"_s},
                                       {u"owner"_s, u"team-a"_s},
                                       {u"definition"_s, u"openapi: 3.0.0"_s}}));
    entities.push_back(
        entity(u"Resource"_s, u"orders-db"_s, QCborMap{{u"type"_s, u"database"_s}, {u"owner"_s, u"team-a"_s}}));
    const Catalog::Ptr catalog = Catalog::build(std::move(entities));

    CHECK(blastRadius(*catalog, u"resource:orders-db"_s, GraphScope::Kind::BlastRadius)
          == QSet<QString>{u"resource:default/orders-db"_s, u"component:default/orders"_s,
                           u"component:default/gateway"_s, u"component:default/web"_s, u"api:default/orders-api"_s,
                           u"component:default/billing"_s, u"component:default/reports"_s});
    CHECK(blastRadius(*catalog, u"component:billing"_s, GraphScope::Kind::BlastRadius)
          == QSet<QString>{u"component:default/billing"_s, u"component:default/reports"_s});
    CHECK(blastRadius(*catalog, u"component:reports"_s, GraphScope::Kind::Needs)
          == QSet<QString>{u"component:default/reports"_s, u"component:default/billing"_s, u"api:default/orders-api"_s,
                           u"component:default/orders"_s, u"resource:default/orders-db"_s});

    // Only the relations of needing are drawn by default, each once.
    GraphScope scope;
    scope.kind = GraphScope::Kind::BlastRadius;
    scope.root = u"resource:orders-db"_s;
    scope.depth = 1;
    const Result<EntityGraph> near = EntityGraph::build(*catalog, scope);
    REQUIRE(near.ok());
    CHECK(near->nodes().size() == 2); // the db and orders
    scope.depth = -1;
    const Result<EntityGraph> all = EntityGraph::build(*catalog, scope);
    REQUIRE(all.ok());
    for (const GraphEdge &e : all->edges()) {
        CHECK((e.type == RelationType::DependsOn || e.type == RelationType::ProvidesApi
               || e.type == RelationType::ConsumesApi));
    }
    CHECK(all->edges().size() == 6); // web>gateway, gateway>orders, orders>db, orders>api, billing>api, reports>billing
    CHECK(all->dependents(all->root()).size() == all->nodes().size() - 1);
}
