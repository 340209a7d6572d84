#include "EntityGraph.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <deque>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EntityGraph", text);
}

QByteArray dotShape(const QString &kind)
{
    const QString k = kind.toLower();
    if (k == u"api"_s) {
        return "ellipse";
    }
    if (k == u"resource"_s) {
        return "cylinder";
    }
    if (k == u"system"_s) {
        return "folder";
    }
    if (k == u"domain"_s) {
        return "tab";
    }
    if (k == u"group"_s) {
        return "house";
    }
    if (k == u"user"_s) {
        return "oval";
    }
    if (k == u"location"_s || k == u"template"_s) {
        return "note";
    }
    return "box";
}

// The kind a dangling reference names ("component:default/x" -> "Component").
QString refKind(const QString &ref)
{
    const qsizetype colon = ref.indexOf(u':');
    if (colon <= 0) {
        return QString();
    }
    QString kind = ref.left(colon);
    kind[0] = kind[0].toUpper();
    return kind;
}

QString refName(const QString &ref)
{
    const qsizetype slash = ref.lastIndexOf(u'/');
    const qsizetype colon = ref.indexOf(u':');
    return ref.mid(std::max(slash, colon) + 1);
}

} // namespace

QByteArray dotId(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\n', u"\\n"_s);
    return '"' + escaped.toUtf8() + '"';
}

QList<RelationType> EntityGraph::forwardTypes()
{
    return {RelationType::DependsOn, RelationType::ProvidesApi, RelationType::ConsumesApi, RelationType::PartOf,
            RelationType::OwnedBy,   RelationType::MemberOf,    RelationType::ParentOf};
}

bool EntityGraph::isForward(RelationType type)
{
    switch (type) {
    case RelationType::DependsOn:
    case RelationType::ProvidesApi:
    case RelationType::ConsumesApi:
    case RelationType::PartOf:
    case RelationType::OwnedBy:
    case RelationType::MemberOf:
    case RelationType::ParentOf:
        return true;
    default:
        return false;
    }
}

int EntityGraph::addNode(const Catalog &catalog, int entity, int depth)
{
    const Entity &e = catalog.entity(entity);
    const QString ref = e.key();
    if (const auto it = m_byRef.constFind(ref); it != m_byRef.constEnd()) {
        return *it;
    }
    GraphNode node;
    node.entity = entity;
    node.ref = ref;
    node.kind = e.kind;
    node.name = e.name;
    node.title = e.title.isEmpty() ? e.name : e.title;
    node.depth = depth;
    m_nodes.append(node);
    m_byRef.insert(ref, int(m_nodes.size() - 1));
    return int(m_nodes.size() - 1);
}

int EntityGraph::addGhost(const QString &ref, int depth)
{
    if (const auto it = m_byRef.constFind(ref); it != m_byRef.constEnd()) {
        return *it;
    }
    GraphNode node;
    node.ref = ref;
    node.kind = refKind(ref);
    node.name = refName(ref);
    node.title = node.name;
    node.depth = depth;
    m_nodes.append(node);
    m_byRef.insert(ref, int(m_nodes.size() - 1));
    return int(m_nodes.size() - 1);
}

Result<EntityGraph> EntityGraph::build(const Catalog &catalog, const GraphScope &scope)
{
    EntityGraph g;
    const bool needsScope = scope.kind == GraphScope::Kind::BlastRadius || scope.kind == GraphScope::Kind::Needs;
    const QList<RelationType> shownList =
        !scope.relations.isEmpty() ? scope.relations
        : needsScope
            ? QList<RelationType>{RelationType::DependsOn, RelationType::ProvidesApi, RelationType::ConsumesApi}
            : forwardTypes();
    std::array<bool, relationTypeCount> shown{};
    for (RelationType t : shownList) {
        shown[std::size_t(t)] = true;
    }
    const auto kindShown = [&](int entity) {
        return scope.kinds.isEmpty() || scope.kinds.contains(catalog.entity(entity).kind.toLower());
    };

    int rootEntity = -1;
    if (scope.kind != GraphScope::Kind::Catalog) {
        rootEntity = catalog.find(scope.root);
        if (rootEntity < 0) {
            Error e = makeError(Error::Code::Reference, tr("There is no entity %1 in the catalog").arg(scope.root));
            e.entityRef = scope.root;
            return e;
        }
        g.m_root = g.addNode(catalog, rootEntity, 0);
    }

    // The nodes.
    switch (scope.kind) {
    case GraphScope::Kind::Catalog:
        for (int i = 0; i < int(catalog.size()); ++i) {
            if (kindShown(i)) {
                g.addNode(catalog, i, 0);
            }
        }
        break;
    case GraphScope::Kind::Group: {
        const QString kind = catalog.entity(rootEntity).kind.toLower();
        if (kind != u"system"_s && kind != u"domain"_s) {
            Error e = makeError(Error::Code::Config,
                                tr("%1 is a %2, not a System or a Domain")
                                    .arg(catalog.entity(rootEntity).refString(), catalog.entity(rootEntity).kind));
            e.entityRef = catalog.entity(rootEntity).refString();
            return e;
        }
        // The parts, and their parts (a domain's systems have components, APIs and resources).
        std::deque<std::pair<int, int>> queue{{rootEntity, 0}};
        QSet<int> seen{rootEntity};
        while (!queue.empty()) {
            const auto [entity, depth] = queue.front();
            queue.pop_front();
            for (const CatalogRelation &r : catalog.relations(entity)) {
                if (r.type != RelationType::HasPart || r.target < 0 || seen.contains(r.target)) {
                    continue;
                }
                seen.insert(r.target);
                if (kindShown(r.target)) {
                    g.addNode(catalog, r.target, depth + 1);
                }
                queue.emplace_back(r.target, depth + 1);
            }
        }
        break;
    }
    case GraphScope::Kind::BlastRadius:
    case GraphScope::Kind::Needs: {
        // "Needs" as in dependents(): A dependsOn/consumesApi B, and an API needs what provides it. Seen from the
        // needed side, the relations to follow are the inverses.
        const bool up = scope.kind == GraphScope::Kind::Needs;
        const auto follows = [up](RelationType type) {
            return up ? (type == RelationType::DependsOn || type == RelationType::ConsumesApi
                         || type == RelationType::ApiProvidedBy)
                      : (type == RelationType::DependencyOf || type == RelationType::ApiConsumedBy
                         || type == RelationType::ProvidesApi);
        };
        std::deque<int> queue{g.m_root};
        while (!queue.empty()) {
            const GraphNode current = g.m_nodes.at(queue.front());
            queue.pop_front();
            if (current.isGhost() || (scope.depth >= 0 && current.depth >= scope.depth)) {
                continue;
            }
            for (const CatalogRelation &r : catalog.relations(current.entity)) {
                if (!follows(r.type)) {
                    continue;
                }
                if (r.target < 0) {
                    g.addGhost(catalog.relationTargetRef(r), current.depth + 1);
                } else if (!g.m_byRef.contains(catalog.entity(r.target).key()) && kindShown(r.target)) {
                    queue.push_back(g.addNode(catalog, r.target, current.depth + 1));
                }
            }
        }
        break;
    }
    case GraphScope::Kind::Neighbourhood: {
        std::deque<int> queue{g.m_root};
        while (!queue.empty()) {
            const int node = queue.front();
            queue.pop_front();
            const GraphNode current = g.m_nodes.at(node);
            if (current.isGhost() || (scope.depth >= 0 && current.depth >= scope.depth)) {
                continue;
            }
            for (const CatalogRelation &r : catalog.relations(current.entity)) {
                const bool forward = isForward(r.type);
                const RelationType type = forward ? r.type : inverse(r.type);
                if (!shown[std::size_t(type)] || (scope.direction == GraphDirection::Dependencies && !forward)
                    || (scope.direction == GraphDirection::Dependents && forward)) {
                    continue;
                }
                if (r.target < 0) {
                    g.addGhost(catalog.relationTargetRef(r), current.depth + 1);
                    continue;
                }
                if (g.m_byRef.contains(catalog.entity(r.target).key()) || !kindShown(r.target)) {
                    continue;
                }
                queue.push_back(g.addNode(catalog, r.target, current.depth + 1));
            }
        }
        break;
    }
    }

    // The edges: every shown relation between two nodes, once per pair (from the side that holds its forward type;
    // a dangling reference only has the side that names it).
    QSet<QPair<qint64, int>> added;
    const qsizetype entityNodes = g.m_nodes.size();
    for (qsizetype n = 0; n < entityNodes; ++n) {
        const GraphNode node = g.m_nodes.at(n);
        if (node.isGhost()) {
            continue;
        }
        for (const CatalogRelation &r : catalog.relations(node.entity)) {
            const bool forward = isForward(r.type);
            const RelationType type = forward ? r.type : inverse(r.type);
            if (!shown[std::size_t(type)] || (!forward && r.target >= 0)) {
                continue;
            }
            int other = -1;
            if (r.target >= 0) {
                other = g.m_byRef.value(catalog.entity(r.target).key(), -1);
            } else if (scope.kind == GraphScope::Kind::Group || scope.kind == GraphScope::Kind::Catalog) {
                // Ghosts stand for every dangling reference of a node shown (a neighbourhood has those it reached).
                other = g.addGhost(catalog.relationTargetRef(r), node.depth + 1);
            } else {
                other = g.m_byRef.value(catalog.relationTargetRef(r), -1);
            }
            if (other < 0) {
                continue;
            }
            const int from = forward ? int(n) : other;
            const int to = forward ? other : int(n);
            const QPair<qint64, int> key((qint64(from) << 32) | quint32(to), int(type));
            if (!added.contains(key)) {
                added.insert(key);
                g.m_edges.append(GraphEdge{from, to, type});
            }
        }
    }
    return g;
}

QList<int> EntityGraph::reach(int node, bool forward) const
{
    // needs[a] = the nodes a needs.
    QList<QList<int>> next(m_nodes.size());
    for (const GraphEdge &e : m_edges) {
        int needer = -1;
        int needed = -1;
        if (e.type == RelationType::DependsOn || e.type == RelationType::ConsumesApi) {
            needer = e.from;
            needed = e.to;
        } else if (e.type == RelationType::ProvidesApi) {
            needer = e.to; // the API needs its implementation
            needed = e.from;
        } else {
            continue;
        }
        if (forward) {
            next[needer].append(needed);
        } else {
            next[needed].append(needer);
        }
    }
    QList<int> out;
    QList<bool> seen(m_nodes.size(), false);
    std::deque<int> queue{node};
    seen[node] = true;
    while (!queue.empty()) {
        const int n = queue.front();
        queue.pop_front();
        for (int m : std::as_const(next[n])) {
            if (!seen[m]) {
                seen[m] = true;
                out.append(m);
                queue.push_back(m);
            }
        }
    }
    return out;
}

QList<int> EntityGraph::dependents(int node) const
{
    return node >= 0 && node < m_nodes.size() ? reach(node, false) : QList<int>();
}

QList<int> EntityGraph::dependencies(int node) const
{
    return node >= 0 && node < m_nodes.size() ? reach(node, true) : QList<int>();
}

QList<int> EntityGraph::path(int from, int to) const
{
    if (from < 0 || to < 0 || from >= m_nodes.size() || to >= m_nodes.size()) {
        return {};
    }
    QList<QList<int>> next(m_nodes.size());
    for (const GraphEdge &e : m_edges) {
        next[e.from].append(e.to);
        next[e.to].append(e.from);
    }
    QList<int> previous(m_nodes.size(), -1);
    previous[from] = from;
    std::deque<int> queue{from};
    while (!queue.empty() && previous[to] < 0) {
        const int n = queue.front();
        queue.pop_front();
        for (int m : std::as_const(next[n])) {
            if (previous[m] < 0) {
                previous[m] = n;
                queue.push_back(m);
            }
        }
    }
    if (previous[to] < 0) {
        return {};
    }
    QList<int> out{to};
    for (int n = to; n != from; n = previous[n]) {
        out.prepend(previous[n]);
    }
    return out;
}

QByteArray EntityGraph::toDot() const
{
    QByteArray out = "digraph catalog {\n  rankdir=LR;\n  node [fontname=\"sans-serif\", fontsize=10];\n"
                     "  edge [fontname=\"sans-serif\", fontsize=8];\n";
    for (const GraphNode &n : m_nodes) {
        out += "  " + dotId(n.ref) + " [label=" + dotId(n.title + u'\n' + n.kind) + ", shape=" + dotShape(n.kind);
        if (n.isGhost()) {
            out += ", style=dashed";
        }
        out += "];\n";
    }
    for (const GraphEdge &e : m_edges) {
        out += "  " + dotId(m_nodes.at(e.from).ref) + " -> " + dotId(m_nodes.at(e.to).ref)
               + " [label=" + dotId(relationName(e.type)) + "];\n";
    }
    out += "}\n";
    return out;
}

QJsonObject EntityGraph::toJson() const
{
    QJsonArray nodes;
    for (const GraphNode &n : m_nodes) {
        nodes.append(QJsonObject{{u"ref"_s, n.ref},
                                 {u"kind"_s, n.kind},
                                 {u"name"_s, n.name},
                                 {u"title"_s, n.title},
                                 {u"ghost"_s, n.isGhost()},
                                 {u"depth"_s, n.depth}});
    }
    QJsonArray edges;
    for (const GraphEdge &e : m_edges) {
        edges.append(QJsonObject{
            {u"from"_s, m_nodes.at(e.from).ref}, {u"to"_s, m_nodes.at(e.to).ref}, {u"type"_s, relationName(e.type)}});
    }
    QJsonObject out{{u"nodes"_s, nodes}, {u"edges"_s, edges}};
    out.insert("root"_L1, m_root >= 0 ? QJsonValue(m_nodes.at(m_root).ref) : QJsonValue());
    return out;
}

} // namespace Portolan::Core
