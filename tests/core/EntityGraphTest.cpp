#include "graph/EntityGraph.h"

#include "catalog/DescriptorLoader.h"
#include "support/TestSupport.h"

#include <QCborArray>
#include <QCborMap>
#include <QJsonArray>
#include <QSet>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;

namespace {

// What the catalog holds: each relation between two entities is stored in both directions (dependsOn and
// dependencyOf), a relation to an entity it lacks only on the side that names it. So the distinct relations are
// half the two-sided entries plus the dangling ones. Counted here independently of EntityGraph.
int distinctRelations(const Catalog &catalog, const QSet<RelationType> &forward = {})
{
    int twoSided = 0;
    int dangling = 0;
    for (int i = 0; i < int(catalog.size()); ++i) {
        for (const CatalogRelation &r : catalog.relations(i)) {
            const RelationType type = EntityGraph::isForward(r.type) ? r.type : inverse(r.type);
            if (!forward.isEmpty() && !forward.contains(type)) {
                continue;
            }
            (r.target < 0 ? dangling : twoSided) += 1;
        }
    }
    return twoSided / 2 + dangling;
}

Entity entity(const QString &kind, const QString &name, const QCborMap &spec)
{
    QCborMap root{{u"apiVersion"_s, u"backstage.io/v1alpha1"_s},
                  {u"kind"_s, kind},
                  {u"metadata"_s, QCborMap{{u"name"_s, name}}},
                  {u"spec"_s, spec}};
    return Entity::fromEnvelope(root);
}

Entity component(const QString &name, const QStringList &dependsOn = {}, const QString &system = {},
                 const QStringList &provides = {}, const QStringList &consumes = {})
{
    QCborMap spec{{u"type"_s, u"service"_s}, {u"lifecycle"_s, u"production"_s}, {u"owner"_s, u"team-a"_s}};
    if (!dependsOn.isEmpty()) {
        spec.insert(u"dependsOn"_s, QCborArray::fromStringList(dependsOn));
    }
    if (!system.isEmpty()) {
        spec.insert(u"system"_s, system);
    }
    if (!provides.isEmpty()) {
        spec.insert(u"providesApis"_s, QCborArray::fromStringList(provides));
    }
    if (!consumes.isEmpty()) {
        spec.insert(u"consumesApis"_s, QCborArray::fromStringList(consumes));
    }
    return entity(u"Component"_s, name, spec);
}

QStringList refs(const EntityGraph &g, const QList<int> &nodes)
{
    QStringList out;
    for (int n : nodes) {
        out.append(g.nodes().at(n).ref);
    }
    out.sort();
    return out;
}

} // namespace

TEST_CASE("Graph of the Backstage examples: every relation is an edge", "[graph]")
{
    const LoadResult loaded =
        DescriptorLoader::load({Portolan::Test::corpusPath(u"backstage/packages/catalog-model/examples"_s)});
    const Catalog::Ptr catalog = Catalog::build(loaded.entities, loaded.problems);
    REQUIRE(catalog->size() > 30);
    GraphScope scope;
    scope.kind = GraphScope::Kind::Catalog;
    const Result<EntityGraph> g = EntityGraph::build(*catalog, scope);
    REQUIRE(g.ok());
    const int expected = distinctRelations(*catalog);
    INFO("catalog relations: " << expected << ", graph edges: " << g->edges().size());
    CHECK(expected > 50);
    CHECK(g->edges().size() == expected);
    CHECK(g->nodes().size() >= qsizetype(catalog->size()));
    // Each relation type on its own adds up too.
    for (RelationType t : EntityGraph::forwardTypes()) {
        scope.relations = {t};
        const Result<EntityGraph> only = EntityGraph::build(*catalog, scope);
        REQUIRE(only.ok());
        INFO(relationName(t).toStdString());
        CHECK(only->edges().size() == distinctRelations(*catalog, {t}));
    }

    // A system: its parts and what connects them.
    scope = GraphScope();
    scope.kind = GraphScope::Kind::Group;
    scope.root = u"system:artist-engagement-portal"_s;
    const Result<EntityGraph> system = EntityGraph::build(*catalog, scope);
    REQUIRE(system.ok());
    CHECK(system->nodeOf(u"system:default/artist-engagement-portal"_s) == system->root());
    CHECK(system->nodeOf(u"component:default/artist-lookup"_s) >= 0);
    CHECK(system->nodeOf(u"component:default/www-artist"_s) >= 0);
    CHECK(system->nodeOf(u"resource:default/artists-db"_s) >= 0);
    CHECK(system->nodeOf(u"component:default/playback-order"_s) < 0); // another system's
    scope.root = u"component:artist-lookup"_s;
    CHECK_FALSE(EntityGraph::build(*catalog, scope).ok()); // not a system or domain
    scope.root = u"system:no-such-system"_s;
    const Result<EntityGraph> missing = EntityGraph::build(*catalog, scope);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.contains(u"no-such-system"_s));
}

TEST_CASE("Graph of 2,000 generated entities keeps every edge, and neighbourhoods stop at their depth", "[graph]")
{
    std::vector<Entity> entities;
    const int count = 2000;
    entities.push_back(entity(u"System"_s, u"platform"_s, QCborMap{{u"owner"_s, u"team-a"_s}}));
    for (int i = 0; i < count; ++i) {
        QStringList deps;
        for (int step : {1, 7, 31}) {
            if (i + step < count) {
                deps.append(u"component:service-%1"_s.arg(i + step));
            }
        }
        if (i % 100 == 0) {
            deps.append(u"resource:missing-db-%1"_s.arg(i)); // dangling: a ghost node
        }
        entities.push_back(component(u"service-%1"_s.arg(i), deps, i % 2 ? u"platform"_s : QString()));
    }
    const Catalog::Ptr catalog = Catalog::build(std::move(entities));
    GraphScope scope;
    scope.kind = GraphScope::Kind::Catalog;
    const Result<EntityGraph> all = EntityGraph::build(*catalog, scope);
    REQUIRE(all.ok());
    CHECK(all->edges().size() == distinctRelations(*catalog));
    int ghosts = 0;
    for (const GraphNode &n : all->nodes()) {
        ghosts += n.isGhost() ? 1 : 0;
    }
    CHECK(ghosts == 20 + 1); // the missing resources, and the owner group team-a (not in the catalog)

    scope.kind = GraphScope::Kind::Neighbourhood;
    scope.root = u"service-1000"_s;
    scope.depth = 1;
    scope.direction = GraphDirection::Dependencies;
    scope.relations = {RelationType::DependsOn};
    const Result<EntityGraph> near = EntityGraph::build(*catalog, scope);
    REQUIRE(near.ok());
    QList<int> all4;
    for (int n = 0; n < near->nodes().size(); ++n) {
        all4.append(n);
    }
    CHECK(refs(near.value(), all4)
          == QStringList{u"component:default/service-1000"_s, u"component:default/service-1001"_s,
                         u"component:default/service-1007"_s, u"component:default/service-1031"_s,
                         u"resource:default/missing-db-1000"_s}); // and its missing database, as a ghost
    CHECK(near->edges().size() == 4);
    for (const GraphEdge &e : near->edges()) {
        CHECK(e.type == RelationType::DependsOn);
    }
    // At depth 2, the edges between nodes that were not the way in are drawn too (1001 -> 1008 as well as
    // 1007 -> 1008): every dependsOn among the nodes shown.
    scope.depth = 2;
    const Result<EntityGraph> two = EntityGraph::build(*catalog, scope);
    REQUIRE(two.ok());
    int among = 0;
    for (const GraphNode &n : two->nodes()) {
        if (n.isGhost()) {
            continue;
        }
        for (const CatalogRelation &r : catalog->relations(n.entity)) {
            if (r.type == RelationType::DependsOn
                && two->nodeOf(r.target >= 0 ? catalog->entity(r.target).key() : catalog->relationTargetRef(r)) >= 0) {
                ++among;
            }
        }
    }
    CHECK(two->edges().size() == among);
    scope.direction = GraphDirection::Dependents;
    scope.depth = 1;
    const Result<EntityGraph> up = EntityGraph::build(*catalog, scope);
    REQUIRE(up.ok());
    CHECK(up->nodes().size() == 4); // 999, 993 and 969 depend on 1000
}

TEST_CASE("Graph: cycles, self-references, dangling refs, blast radius and paths", "[graph]")
{
    std::vector<Entity> entities;
    entities.push_back(component(u"a"_s, {u"component:b"_s}));
    entities.push_back(component(u"b"_s, {u"component:c"_s, u"component:b"_s})); // b depends on itself
    entities.push_back(component(u"c"_s, {u"component:a"_s, u"resource:gone"_s})); // a cycle, and a dangling ref
    entities.push_back(component(u"api-impl"_s, {}, {}, {u"orders-api"_s}));
    entities.push_back(component(u"client"_s, {}, {}, {}, {u"orders-api"_s}));
    entities.push_back(entity(u"API"_s, u"orders-api"_s,
                              QCborMap{{u"type"_s, u"openapi"_s},
                                       {u"lifecycle"_s, u"production"_s},
                                       {u"owner"_s, u"team-a"_s},
                                       {u"definition"_s, u"openapi: 3.0.0"_s}}));
    // 500 dependents of one component.
    entities.push_back(component(u"popular"_s));
    for (int i = 0; i < 500; ++i) {
        entities.push_back(component(u"fan-%1"_s.arg(i), {u"component:popular"_s}));
    }
    const Catalog::Ptr catalog = Catalog::build(std::move(entities));

    GraphScope scope;
    scope.kind = GraphScope::Kind::Catalog;
    scope.relations = {RelationType::DependsOn, RelationType::ProvidesApi, RelationType::ConsumesApi};
    const Result<EntityGraph> g = EntityGraph::build(*catalog, scope);
    REQUIRE(g.ok());
    CHECK(g->edges().size() == distinctRelations(*catalog, {scope.relations.begin(), scope.relations.end()}));
    const int a = g->nodeOf(u"component:default/a"_s);
    const int b = g->nodeOf(u"component:default/b"_s);
    const int gone = g->nodeOf(u"resource:default/gone"_s);
    REQUIRE(gone >= 0);
    CHECK(g->nodes().at(gone).isGhost());
    CHECK(g->nodes().at(gone).kind == u"Resource"_s);
    bool selfEdge = false;
    for (const GraphEdge &e : g->edges()) {
        selfEdge = selfEdge || (e.from == b && e.to == b);
    }
    CHECK(selfEdge);

    // Blast radius in a cycle: everyone in it; what a needs: the cycle and the missing resource.
    CHECK(refs(g.value(), g->dependents(a)) == QStringList{u"component:default/b"_s, u"component:default/c"_s});
    CHECK(refs(g.value(), g->dependencies(a))
          == QStringList{u"component:default/b"_s, u"component:default/c"_s, u"resource:default/gone"_s});
    // Through an API: the client needs the API, which needs its implementation.
    const int impl = g->nodeOf(u"component:default/api-impl"_s);
    CHECK(refs(g.value(), g->dependents(impl))
          == QStringList{u"api:default/orders-api"_s, u"component:default/client"_s});
    CHECK(g->dependents(g->nodeOf(u"component:default/popular"_s)).size() == 500);

    const QList<int> path = g->path(g->nodeOf(u"component:default/client"_s), impl);
    CHECK(refs(g.value(), path)
          == QStringList{u"api:default/orders-api"_s, u"component:default/api-impl"_s, u"component:default/client"_s});
    CHECK(path.first() == g->nodeOf(u"component:default/client"_s));
    CHECK(path.last() == impl);
    CHECK(g->path(a, g->nodeOf(u"component:default/popular"_s)).isEmpty());

    // DOT and JSON carry every node and edge.
    const QByteArray dot = g->toDot();
    CHECK(dot.startsWith("digraph catalog {"));
    CHECK(dot.count(" -> ") == g->edges().size());
    CHECK(dot.contains("\"component:default/b\" -> \"component:default/b\" [label=\"dependsOn\"]"));
    CHECK(dot.contains("\"resource:default/gone\" [label=\"gone\\nResource\", shape=cylinder, style=dashed]"));
    const QJsonObject json = g->toJson();
    CHECK(json.value("nodes"_L1).toArray().size() == g->nodes().size());
    CHECK(json.value("edges"_L1).toArray().size() == g->edges().size());
}
