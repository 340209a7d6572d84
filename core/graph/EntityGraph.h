#pragma once

#include "catalog/Catalog.h"
#include "model/Relation.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace Portolan::Core {

// A dependency graph cut out of a catalog: nodes are entities (and "ghost" nodes for references to entities the
// catalog does not have), edges are the catalog's relations, one per related pair and relation: each pair of
// Backstage relations (dependsOn/dependencyOf, ...) is drawn once, in the direction of its forward type. Every
// relation of the catalog whose two ends are in the graph and whose type is shown is an edge: none is dropped.
struct GraphNode
{
    int entity = -1; // index in the catalog; -1 for a ghost
    QString ref; // "component:default/name", or the dangling reference as written
    QString kind; // as in the descriptor ("Component"); for a ghost, the kind of its reference
    QString name;
    QString title; // metadata.title or the name
    int depth = 0; // hops from the scope's root; 0 for the root and for scopes without one

    [[nodiscard]] bool isGhost() const { return entity < 0; }
};

struct GraphEdge
{
    int from = -1; // node indices
    int to = -1;
    RelationType type = RelationType::DependsOn; // a forward type (see EntityGraph::forwardTypes)
};

enum class GraphDirection : std::uint8_t {
    Both, // the neighbourhood either way
    Dependencies, // what the root needs: outgoing relations (dependsOn, consumesApi, partOf, ownedBy, ...)
    Dependents, // what needs the root: incoming relations
};

struct GraphScope
{
    enum class Kind : std::uint8_t {
        Neighbourhood, // the root and what lies within `depth` relations of it, in `direction`
        Group, // a System or Domain with all its parts (a domain's systems and theirs), and their relations
        Catalog, // everything
        BlastRadius, // the root and everything that needs it, directly or not, over the whole catalog
        Needs, // the root and everything it needs, directly or not
    };
    Kind kind = Kind::Neighbourhood;
    QString root; // an entity reference ("[kind:][namespace/]name"); all but Catalog
    int depth = 2; // Neighbourhood, BlastRadius and Needs: -1 for no limit
    GraphDirection direction = GraphDirection::Both;
    QList<RelationType> relations; // forward types shown; empty: all (BlastRadius and Needs: those of needing)
    QStringList kinds; // lower-case kinds shown (the root always is); empty: all
};

// A DOT ID: double-quoted, with quotes, backslashes and line breaks escaped.
[[nodiscard]] QByteArray dotId(const QString &text);

class EntityGraph
{
public:
    // The forward type of each relation pair, in the order the UI offers them: dependsOn, providesApi, consumesApi,
    // partOf, ownedBy, memberOf, parentOf.
    [[nodiscard]] static QList<RelationType> forwardTypes();
    [[nodiscard]] static bool isForward(RelationType type);

    // The graph of `scope` in `catalog`; an unknown root is a Reference error naming it.
    [[nodiscard]] static Result<EntityGraph> build(const Catalog &catalog, const GraphScope &scope);

    [[nodiscard]] const QList<GraphNode> &nodes() const { return m_nodes; }
    [[nodiscard]] const QList<GraphEdge> &edges() const { return m_edges; }
    [[nodiscard]] int root() const { return m_root; } // node index, -1 without a root
    [[nodiscard]] int nodeOf(const QString &ref) const { return m_byRef.value(ref, -1); }

    // "Needs" follows dependencies: A dependsOn B and A consumesApi B mean A needs B; A providesApi B means the API B
    // needs A (its implementation). Ownership, membership and partOf are not needs.
    // Everything that needs `node`, directly or not (its blast radius), and everything it needs; without `node`.
    [[nodiscard]] QList<int> dependents(int node) const;
    [[nodiscard]] QList<int> dependencies(int node) const;
    // A shortest path between two nodes over any edge, either way (nodes from `from` to `to`); empty when none.
    [[nodiscard]] QList<int> path(int from, int to) const;

    // Graphviz DOT: one node per entity with its kind and title, one edge per relation labelled with its name.
    [[nodiscard]] QByteArray toDot() const;
    // {"root", "nodes": [{"ref", "kind", "name", "title", "ghost", "depth"}], "edges": [{"from", "to", "type"}]}
    // with edges naming nodes by ref.
    [[nodiscard]] QJsonObject toJson() const;

private:
    int addNode(const Catalog &catalog, int entity, int depth);
    int addGhost(const QString &ref, int depth);
    [[nodiscard]] QList<int> reach(int node, bool forward) const;

    QList<GraphNode> m_nodes;
    QList<GraphEdge> m_edges;
    QHash<QString, int> m_byRef;
    int m_root = -1;
};

} // namespace Portolan::Core
