#pragma once

#include "graph/EntityGraph.h"
#include "graph/LayeredLayout.h"

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace Portolan::Core {

// What a large graph collapses into: one box per system (an entity's partOf system, a system itself) or per owner
// (an entity's ownedBy group or user); under both, users gather in the team they are a member of. Entities without
// one stay single.
enum class GraphGrouping : std::uint8_t { None, System, Owner };

// One box of a drawing: a node of the EntityGraph, or a group standing for several of them.
struct DrawingNode
{
    int graphNode = -1; // index in EntityGraph::nodes(); -1 for a group
    QString id; // the entity ref; for a group "group:" + the system's or owner's ref
    QString label; // the title; for a group the system's or owner's title
    QString kind; // the entity's kind; for a group the system's or owner's kind
    QList<int> members; // a group's EntityGraph nodes
    int innerEdges = 0; // a group's relations between its own members (shown when it is expanded)
    bool ghost = false;
    QRectF rect; // after layout

    [[nodiscard]] bool isGroup() const { return graphNode < 0; }
};

// One line of a drawing: a relation between two boxes, or between two groups the relations of that type between
// their members (count).
struct DrawingEdge
{
    int from = -1; // drawing node indices
    int to = -1;
    RelationType type = RelationType::DependsOn;
    int count = 1;
    bool reversed = false; // drawn against the layers to break a cycle
    QList<QPointF> points; // from a point on the source's border, through the bends, to the target's border
};

// What an export emphasises: a path, a blast radius, a selection.
struct DrawingEmphasis
{
    QSet<int> nodes; // drawing nodes to emphasise; empty: nothing is dimmed
    QSet<int> edges;
    int selected = -1;
};

// An EntityGraph grouped and laid out: the boxes and lines a view draws, and its SVG and DOT export. Built on any
// thread; sizes of the boxes come from the caller (the GUI measures its fonts, the CLI estimates).
class GraphDrawing
{
public:
    struct Options
    {
        GraphGrouping grouping = GraphGrouping::None;
        QSet<QString> expanded; // group ids shown as their members
        LayeredLayout::Options layout;
    };
    using SizeOf = std::function<QSizeF(const DrawingNode &)>;

    // Groups `graph` (reading the systems and owners of its entities from `catalog`) and lays it out; nullopt when
    // cancelled. A group of one entity stays that entity.
    [[nodiscard]] static std::optional<GraphDrawing> make(const EntityGraph &graph, const Catalog &catalog,
                                                          const Options &options, const SizeOf &sizeOf,
                                                          const std::atomic_bool *cancel = nullptr);
    // The id of the group ("group:" + ref) an entity of `graph` falls in under `grouping`; empty for none.
    [[nodiscard]] static QString groupIdOf(const EntityGraph &graph, int graphNode, const Catalog &catalog,
                                           GraphGrouping grouping);
    // The two steps of make(): the boxes and lines of a grouping (no positions yet: how many boxes a grouping gives
    // is known before paying for a layout), then their layout; false when cancelled.
    [[nodiscard]] static GraphDrawing group(const EntityGraph &graph, const Catalog &catalog, GraphGrouping grouping,
                                            const QSet<QString> &expanded = {});
    [[nodiscard]] bool layOut(const SizeOf &sizeOf, const LayeredLayout::Options &options,
                              const std::atomic_bool *cancel = nullptr);
    // A width from the label's length, for callers without fonts (the CLI's SVG).
    [[nodiscard]] static QSizeF estimatedSize(const DrawingNode &node);

    [[nodiscard]] const QList<DrawingNode> &nodes() const { return m_nodes; }
    [[nodiscard]] const QList<DrawingEdge> &edges() const { return m_edges; }
    [[nodiscard]] QSizeF size() const { return m_size; }
    [[nodiscard]] int crossings() const { return m_crossings; }
    // Lines drawn straight across layers to keep a huge layout fast (LayeredLayout::Options::maxVirtualNodes).
    [[nodiscard]] int straightEdges() const { return m_straightEdges; }
    // The drawing node that shows EntityGraph node `graphNode` (itself or its group); -1 when not drawn.
    [[nodiscard]] int nodeOf(int graphNode) const { return m_byGraphNode.value(graphNode, -1); }
    // The number of relations drawn, counting each group line for the relations it stands for, plus those inside
    // collapsed groups: always the EntityGraph's edge count.
    [[nodiscard]] int relationCount() const;

    // SVG 1.1: a rounded box per node in its kind's colour, dashed for ghosts, a line with an arrow and the
    // relation's name per edge; with an emphasis, the rest is drawn faded.
    [[nodiscard]] QByteArray toSvg(const DrawingEmphasis &emphasis = DrawingEmphasis()) const;
    // Graphviz DOT of what is drawn (groups as boxes, counted edges labelled "dependsOn ×3").
    [[nodiscard]] QByteArray toDot() const;

    // A smooth path through an edge's points as SVG path data ("M x y C ..."), horizontal at every point.
    [[nodiscard]] static QByteArray svgPath(const QList<QPointF> &points);

private:
    QList<DrawingNode> m_nodes;
    QList<DrawingEdge> m_edges;
    QHash<int, int> m_byGraphNode;
    QSizeF m_size;
    int m_crossings = 0;
    int m_straightEdges = 0;
};

// The outline of a box by kind, shared by the GUI and the SVG export: APIs are pills, resources cylinders (a cap
// line near the top), systems and domains folders (a tab), the rest rounded boxes.
enum class NodeShape : std::uint8_t { Box, Pill, Cylinder, Folder };
[[nodiscard]] NodeShape nodeShape(QStringView kind);
// The outline as SVG path data, and for a cylinder its cap line (empty for the others).
[[nodiscard]] QByteArray svgOutline(const QRectF &rect, NodeShape shape);
[[nodiscard]] QByteArray svgDecoration(const QRectF &rect, NodeShape shape);

// Colours shared by the GUI and the SVG export ("#2563eb"): per kind, per lifecycle, per relation type.
[[nodiscard]] QString kindColorName(QStringView kind);
[[nodiscard]] QString lifecycleColorName(QStringView lifecycle);
[[nodiscard]] QString relationColorName(RelationType type);
// Whether a relation's line is dashed (ownership and membership) rather than solid (dependencies and APIs).
[[nodiscard]] bool relationDashed(RelationType type);

} // namespace Portolan::Core
