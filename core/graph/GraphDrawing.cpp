#include "GraphDrawing.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

constexpr double svgMargin = 16;

QByteArray num(double value)
{
    return QByteArray::number(value, 'f', 1);
}

QByteArray xmlText(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

// The point where the line from the centre of `rect` towards `towards` leaves it.
QPointF border(const QRectF &rect, const QPointF &towards)
{
    const QPointF c = rect.center();
    const double dx = towards.x() - c.x();
    const double dy = towards.y() - c.y();
    if (std::abs(dx) < 1e-9 && std::abs(dy) < 1e-9) {
        return c;
    }
    const double tx = std::abs(dx) > 1e-9 ? (rect.width() / 2) / std::abs(dx) : 1e9;
    const double ty = std::abs(dy) > 1e-9 ? (rect.height() / 2) / std::abs(dy) : 1e9;
    const double t = std::min({tx, ty, 1.0});
    return {c.x() + dx * t, c.y() + dy * t};
}

// The group an entity falls in under `grouping`, as a catalog ref key or a dangling ref; empty for none: its system
// (System) or owner (Owner); a user's team and a team itself under both.
QString groupOf(const Catalog &catalog, const GraphNode &node, GraphGrouping grouping)
{
    if (node.isGhost() || grouping == GraphGrouping::None) {
        return QString();
    }
    const Entity &e = catalog.entity(node.entity);
    const QString kind = e.kind.toLower();
    // People gather in their (first) team, and a team is the box of its people, under either grouping: a catalog's
    // users would otherwise stay hundreds of single boxes.
    RelationType type = grouping == GraphGrouping::System ? RelationType::PartOf : RelationType::OwnedBy;
    if ((grouping == GraphGrouping::System && kind == u"system"_s) || kind == u"group"_s) {
        return e.key();
    }
    if (kind == u"user"_s) {
        type = RelationType::MemberOf;
    }
    for (const CatalogRelation &r : catalog.relations(node.entity)) {
        if (r.type != type) {
            continue;
        }
        const bool anyTarget = grouping == GraphGrouping::Owner || type == RelationType::MemberOf;
        if (r.target >= 0) {
            if (anyTarget || catalog.entity(r.target).kind.compare(u"system"_s, Qt::CaseInsensitive) == 0) {
                return catalog.entity(r.target).key();
            }
        } else {
            const QString ref = catalog.relationTargetRef(r);
            if (anyTarget || ref.startsWith(u"system:"_s, Qt::CaseInsensitive)) {
                return ref;
            }
        }
    }
    return QString();
}

} // namespace

NodeShape nodeShape(QStringView kind)
{
    if (kind.compare(u"api", Qt::CaseInsensitive) == 0) {
        return NodeShape::Pill;
    }
    if (kind.compare(u"resource", Qt::CaseInsensitive) == 0) {
        return NodeShape::Cylinder;
    }
    if (kind.compare(u"system", Qt::CaseInsensitive) == 0 || kind.compare(u"domain", Qt::CaseInsensitive) == 0) {
        return NodeShape::Folder;
    }
    return NodeShape::Box;
}

QByteArray svgOutline(const QRectF &rect, NodeShape shape)
{
    const double x = rect.x();
    const double y = rect.y();
    const double w = rect.width();
    const double h = rect.height();
    if (shape == NodeShape::Folder) {
        const double tab = w * 0.35;
        return "M" + num(x) + ' ' + num(y) + " H" + num(x + tab) + " L" + num(x + tab + 6) + ' ' + num(y + 6) + " H"
               + num(x + w) + " V" + num(y + h) + " H" + num(x) + " Z";
    }
    const double r = shape == NodeShape::Pill ? h / 2 : shape == NodeShape::Cylinder ? 4 : 7;
    const QByteArray arc = " A" + num(r) + ' ' + num(r) + " 0 0 1 ";
    return "M" + num(x + r) + ' ' + num(y) + " H" + num(x + w - r) + arc + num(x + w) + ' ' + num(y + r) + " V"
           + num(y + h - r) + arc + num(x + w - r) + ' ' + num(y + h) + " H" + num(x + r) + arc + num(x) + ' '
           + num(y + h - r) + " V" + num(y + r) + arc + num(x + r) + ' ' + num(y) + " Z";
}

QByteArray svgDecoration(const QRectF &rect, NodeShape shape)
{
    if (shape != NodeShape::Cylinder) {
        return {};
    }
    return "M" + num(rect.x()) + ' ' + num(rect.y() + 5) + " Q" + num(rect.center().x()) + ' ' + num(rect.y() + 13)
           + ' ' + num(rect.right()) + ' ' + num(rect.y() + 5);
}

QString kindColorName(QStringView kind)
{
    static const QHash<QString, QString> colors = {
        {u"component"_s, u"#2563eb"_s}, {u"api"_s, u"#059669"_s},      {u"resource"_s, u"#d97706"_s},
        {u"system"_s, u"#7c3aed"_s},    {u"domain"_s, u"#0d9488"_s},   {u"group"_s, u"#db2777"_s},
        {u"user"_s, u"#475569"_s},      {u"location"_s, u"#78716c"_s}, {u"template"_s, u"#4f46e5"_s},
    };
    return colors.value(kind.toString().toLower(), u"#64748b"_s);
}

QString lifecycleColorName(QStringView lifecycle)
{
    if (lifecycle.compare(u"production", Qt::CaseInsensitive) == 0) {
        return u"#16a34a"_s;
    }
    if (lifecycle.compare(u"experimental", Qt::CaseInsensitive) == 0) {
        return u"#d97706"_s;
    }
    if (lifecycle.compare(u"deprecated", Qt::CaseInsensitive) == 0) {
        return u"#dc2626"_s;
    }
    return u"#94a3b8"_s;
}

QString relationColorName(RelationType type)
{
    switch (type) {
    case RelationType::ProvidesApi:
        return u"#059669"_s;
    case RelationType::ConsumesApi:
        return u"#0891b2"_s;
    case RelationType::PartOf:
        return u"#7c3aed"_s;
    case RelationType::OwnedBy:
    case RelationType::MemberOf:
    case RelationType::ParentOf:
        return u"#db2777"_s;
    default:
        return u"#475569"_s;
    }
}

bool relationDashed(RelationType type)
{
    return type == RelationType::OwnedBy || type == RelationType::MemberOf || type == RelationType::ParentOf;
}

QString GraphDrawing::groupIdOf(const EntityGraph &graph, int graphNode, const Catalog &catalog, GraphGrouping grouping)
{
    const QString key = groupOf(catalog, graph.nodes().at(graphNode), grouping);
    return key.isEmpty() ? QString() : u"group:"_s + key;
}

QSizeF GraphDrawing::estimatedSize(const DrawingNode &node)
{
    const double width = std::clamp(32.0 + 7.0 * double(node.label.size()), 110.0, 280.0);
    return {width, node.isGroup() ? 52.0 : 44.0};
}

std::optional<GraphDrawing> GraphDrawing::make(const EntityGraph &graph, const Catalog &catalog, const Options &options,
                                               const SizeOf &sizeOf, const std::atomic_bool *cancel)
{
    GraphDrawing d = group(graph, catalog, options.grouping, options.expanded);
    if (!d.layOut(sizeOf, options.layout, cancel)) {
        return std::nullopt;
    }
    return d;
}

GraphDrawing GraphDrawing::group(const EntityGraph &graph, const Catalog &catalog, GraphGrouping grouping,
                                 const QSet<QString> &expanded)
{
    GraphDrawing d;
    const QList<GraphNode> &nodes = graph.nodes();

    // Groups: the members of each, in the order of their first member.
    QList<QString> groupKeys(nodes.size());
    QHash<QString, QList<int>> members;
    QStringList order;
    for (int i = 0; i < int(nodes.size()); ++i) {
        groupKeys[i] = groupOf(catalog, nodes.at(i), grouping);
        if (!groupKeys.at(i).isEmpty()) {
            QList<int> &list = members[groupKeys.at(i)];
            if (list.isEmpty()) {
                order.append(groupKeys.at(i));
            }
            list.append(i);
        }
    }
    QHash<QString, int> groupNode;
    for (const QString &key : std::as_const(order)) {
        const QList<int> &list = members.value(key);
        const QString id = u"group:"_s + key;
        if (list.size() < 2 || expanded.contains(id)) {
            continue;
        }
        DrawingNode group;
        group.id = id;
        group.members = list;
        const int entity = catalog.find(key);
        if (entity >= 0) {
            group.label = catalog.entity(entity).displayName();
            group.kind = catalog.entity(entity).kind;
        } else {
            group.label = key.mid(std::max(key.lastIndexOf(u'/'), key.indexOf(u':')) + 1);
            group.kind = grouping == GraphGrouping::System ? u"System"_s : u"Group"_s;
        }
        d.m_nodes.append(group);
        groupNode.insert(key, int(d.m_nodes.size() - 1));
        for (int m : list) {
            d.m_byGraphNode.insert(m, int(d.m_nodes.size() - 1));
        }
    }
    for (int i = 0; i < int(nodes.size()); ++i) {
        if (d.m_byGraphNode.contains(i)) {
            continue;
        }
        const GraphNode &n = nodes.at(i);
        DrawingNode node;
        node.graphNode = i;
        node.id = n.ref;
        node.label = n.title;
        node.kind = n.kind;
        node.ghost = n.isGhost();
        d.m_nodes.append(node);
        d.m_byGraphNode.insert(i, int(d.m_nodes.size() - 1));
    }

    // Edges: one per relation between single nodes; between groups one per type, counting the relations.
    std::map<std::tuple<int, int, int>, int> lineOf;
    for (const GraphEdge &e : graph.edges()) {
        const int a = d.m_byGraphNode.value(e.from);
        const int b = d.m_byGraphNode.value(e.to);
        if (a == b && d.m_nodes.at(a).isGroup()) {
            ++d.m_nodes[a].innerEdges;
            continue;
        }
        const bool grouped = d.m_nodes.at(a).isGroup() || d.m_nodes.at(b).isGroup();
        if (grouped) {
            const auto key = std::make_tuple(a, b, int(e.type));
            if (const auto it = lineOf.find(key); it != lineOf.end()) {
                ++d.m_edges[it->second].count;
                continue;
            }
            lineOf.emplace(key, int(d.m_edges.size()));
        }
        DrawingEdge line;
        line.from = a;
        line.to = b;
        line.type = e.type;
        d.m_edges.append(line);
    }

    return d;
}

bool GraphDrawing::layOut(const SizeOf &sizeOf, const LayeredLayout::Options &options, const std::atomic_bool *cancel)
{
    GraphDrawing &d = *this;
    QList<QSizeF> sizes;
    sizes.reserve(d.m_nodes.size());
    for (const DrawingNode &n : std::as_const(d.m_nodes)) {
        sizes.append(sizeOf ? sizeOf(n) : estimatedSize(n));
    }
    QList<LayeredLayout::Edge> layoutEdges;
    layoutEdges.reserve(d.m_edges.size());
    for (const DrawingEdge &e : std::as_const(d.m_edges)) {
        layoutEdges.append({e.from, e.to});
    }
    const LayeredLayout::Result layout = LayeredLayout::compute(sizes, layoutEdges, options, cancel);
    if ((cancel && cancel->load()) || layout.positions.size() != d.m_nodes.size()) {
        return false;
    }
    d.m_size = layout.size;
    d.m_crossings = layout.crossings;
    d.m_straightEdges = layout.straightEdges;
    for (int i = 0; i < int(d.m_nodes.size()); ++i) {
        const QSizeF s = sizes.at(i);
        const QPointF c = layout.positions.at(i);
        d.m_nodes[i].rect = QRectF(c.x() - s.width() / 2, c.y() - s.height() / 2, s.width(), s.height());
    }

    // Lines between the same two boxes (several relation types) fan out a little at their ends.
    QHash<quint64, QList<int>> parallel;
    for (int i = 0; i < int(d.m_edges.size()); ++i) {
        const DrawingEdge &e = d.m_edges.at(i);
        const auto lo = quint64(std::min(e.from, e.to));
        const auto hi = quint64(std::max(e.from, e.to));
        parallel[(lo << 32) | hi].append(i);
    }
    for (int i = 0; i < int(d.m_edges.size()); ++i) {
        DrawingEdge &e = d.m_edges[i];
        e.reversed = layout.reversed.value(i);
        const QRectF from = d.m_nodes.at(e.from).rect;
        const QRectF to = d.m_nodes.at(e.to).rect;
        if (e.from == e.to) {
            // A self-reference: a loop on the box's right side.
            const double r = from.right();
            const double y = from.center().y();
            e.points = {QPointF(r, y - 8), QPointF(r + 22, y), QPointF(r, y + 8)};
            continue;
        }
        QList<QPointF> route = layout.routes.value(i);
        if (route.size() < 2) {
            route = {from.center(), to.center()};
        }
        const auto lo = quint64(std::min(e.from, e.to));
        const auto hi = quint64(std::max(e.from, e.to));
        const QList<int> &siblings = parallel.value((lo << 32) | hi);
        const double fan =
            siblings.size() > 1 ? (double(siblings.indexOf(i)) - double(siblings.size() - 1) / 2) * 7 : 0.0;
        route.first() = border(from, route.at(1)) + QPointF(0, fan);
        route.last() = border(to, route.at(route.size() - 2)) + QPointF(0, fan);
        e.points = route;
    }
    return true;
}

int GraphDrawing::relationCount() const
{
    int count = 0;
    for (const DrawingEdge &e : m_edges) {
        count += e.count;
    }
    for (const DrawingNode &n : m_nodes) {
        count += n.innerEdges;
    }
    return count;
}

QByteArray GraphDrawing::svgPath(const QList<QPointF> &points)
{
    if (points.isEmpty()) {
        return {};
    }
    QByteArray d = "M" + num(points.first().x()) + ' ' + num(points.first().y());
    for (int i = 1; i < int(points.size()); ++i) {
        const QPointF a = points.at(i - 1);
        const QPointF b = points.at(i);
        const double half = (b.x() - a.x()) / 2;
        d += " C" + num(a.x() + half) + ' ' + num(a.y()) + ' ' + num(b.x() - half) + ' ' + num(b.y()) + ' ' + num(b.x())
             + ' ' + num(b.y());
    }
    return d;
}

QByteArray GraphDrawing::toSvg(const DrawingEmphasis &emphasis) const
{
    const double width = m_size.width() + 2 * svgMargin;
    const double height = m_size.height() + 2 * svgMargin;
    QByteArray out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\""
                     + num(width) + "\" height=\"" + num(height) + "\" viewBox=\"" + num(-svgMargin) + ' '
                     + num(-svgMargin) + ' ' + num(width) + ' ' + num(height)
                     + "\" font-family=\"sans-serif\">\n<defs>\n";
    for (RelationType type : EntityGraph::forwardTypes()) {
        out += "  <marker id=\"arrow-" + relationName(type).toUtf8()
               + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                 "orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\""
               + relationColorName(type).toUtf8() + "\"/></marker>\n";
    }
    out += "</defs>\n<rect x=\"" + num(-svgMargin) + "\" y=\"" + num(-svgMargin) + "\" width=\"" + num(width)
           + "\" height=\"" + num(height) + "\" fill=\"#ffffff\"/>\n";
    const bool dimming = !emphasis.nodes.isEmpty() || !emphasis.edges.isEmpty();

    out += "<g class=\"edges\">\n";
    for (int i = 0; i < int(m_edges.size()); ++i) {
        const DrawingEdge &e = m_edges.at(i);
        const QByteArray name = relationName(e.type).toUtf8();
        const bool strong = emphasis.edges.contains(i);
        out += "  <g class=\"edge\" data-type=\"" + name + "\" data-from=\"" + xmlText(m_nodes.at(e.from).id)
               + "\" data-to=\"" + xmlText(m_nodes.at(e.to).id) + "\" data-count=\"" + QByteArray::number(e.count)
               + '"';
        if (dimming && !strong) {
            out += " opacity=\"0.18\"";
        }
        out += "><path d=\"" + svgPath(e.points) + "\" fill=\"none\" stroke=\"" + relationColorName(e.type).toUtf8()
               + "\" stroke-width=\"" + (strong ? "2.5" : "1.3") + '"';
        if (relationDashed(e.type)) {
            out += " stroke-dasharray=\"5 4\"";
        }
        out += " marker-end=\"url(#arrow-" + name + ")\"/>";
        if (e.points.size() >= 2) {
            const qsizetype mid = e.points.size() / 2;
            const QPointF at = (e.points.at(mid - 1) + e.points.at(mid)) / 2;
            QByteArray label = name;
            if (e.count > 1) {
                label += " \xc3\x97" + QByteArray::number(e.count);
            }
            out += "<text x=\"" + num(at.x()) + "\" y=\"" + num(at.y() - 4)
                   + "\" font-size=\"9\" text-anchor=\"middle\" fill=\"#64748b\">" + label + "</text>";
        }
        out += "</g>\n";
    }
    out += "</g>\n<g class=\"nodes\">\n";
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        const DrawingNode &n = m_nodes.at(i);
        const QByteArray color = kindColorName(n.kind).toUtf8();
        const QRectF r = n.rect;
        out += "  <g class=\"" + QByteArray(n.isGroup() ? "group" : "node") + "\" data-id=\"" + xmlText(n.id) + '"';
        if (dimming && !emphasis.nodes.contains(i) && emphasis.selected != i) {
            out += " opacity=\"0.25\"";
        }
        out += ">";
        const NodeShape shape = nodeShape(n.kind);
        if (n.isGroup()) {
            out += "<path d=\"" + svgOutline(r.translated(4, 4), shape) + "\" fill=\"#f8fafc\" stroke=\"" + color
                   + "\" stroke-width=\"1\"/>";
        }
        out += "<path d=\"" + svgOutline(r, shape) + "\" fill=\"#ffffff\" stroke=\"" + color + "\" stroke-width=\""
               + (emphasis.selected == i ? "3" : "1.5") + '"';
        if (n.ghost) {
            out += " stroke-dasharray=\"4 3\"";
        }
        out += "/>";
        const QByteArray cap = svgDecoration(r, shape);
        if (!cap.isEmpty()) {
            out += "<path d=\"" + cap + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"1\"/>";
        }
        out += "<text x=\"" + num(r.x() + 13) + "\" y=\"" + num(r.y() + 19)
               + "\" font-size=\"12\" font-weight=\"bold\" fill=\"#0f172a\">" + xmlText(n.label) + "</text>";
        QString caption = n.kind;
        if (n.isGroup()) {
            caption += u" \u00b7 "_s + QString::number(n.members.size());
        } else if (n.ghost) {
            caption += u" \u00b7 ?"_s;
        }
        out += "<text x=\"" + num(r.x() + 13) + "\" y=\"" + num(r.y() + 34) + "\" font-size=\"10\" fill=\"" + color
               + "\">" + xmlText(caption) + "</text></g>\n";
    }
    out += "</g>\n</svg>\n";
    return out;
}

QByteArray GraphDrawing::toDot() const
{
    QByteArray out = "digraph catalog {\n  rankdir=LR;\n  node [fontname=\"sans-serif\", fontsize=10, shape=box, "
                     "style=rounded];\n  edge [fontname=\"sans-serif\", fontsize=8];\n";
    for (const DrawingNode &n : m_nodes) {
        QString label = n.label + u'\n' + n.kind;
        if (n.isGroup()) {
            label += u" (%1)"_s.arg(n.members.size());
        }
        out += "  " + dotId(n.id) + " [label=" + dotId(label) + ", color=" + dotId(kindColorName(n.kind));
        if (n.ghost) {
            out += ", style=\"rounded,dashed\"";
        } else if (n.isGroup()) {
            out += ", peripheries=2";
        }
        out += "];\n";
    }
    for (const DrawingEdge &e : m_edges) {
        QString label = relationName(e.type);
        if (e.count > 1) {
            label += u" \u00d7"_s + QString::number(e.count);
        }
        out += "  " + dotId(m_nodes.at(e.from).id) + " -> " + dotId(m_nodes.at(e.to).id) + " [label=" + dotId(label)
               + ", color=" + dotId(relationColorName(e.type));
        if (relationDashed(e.type)) {
            out += ", style=dashed";
        }
        out += "];\n";
    }
    out += "}\n";
    return out;
}

} // namespace Portolan::Core
