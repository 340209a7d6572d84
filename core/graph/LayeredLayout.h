#pragma once

#include <QList>
#include <QPointF>
#include <QSizeF>

#include <atomic>

namespace Portolan::Core {

// A layered (Sugiyama-style) drawing of a directed graph, left to right: cycles are broken by reversing the edges
// that close them (depth-first), nodes get layers by longest path, edges that span several layers pass through
// virtual nodes, the order within each layer comes from barycenter sweeps that keep the order with the fewest
// crossings, and each node is placed at the median height of its neighbours where there is room. Disconnected parts
// are stacked top to bottom. Pure computation on plain values: runs on any thread, and stops early (with an empty
// result) when `cancel` is set. Time and memory are linear in the virtual nodes, the sum over edges of the layers
// each spans: a long dependency chain whose systems come after their last member has hundreds per node (1,000
// nodes: about 480,000, 0.4 s, 40 MB; see tests/bench/README.md).
class LayeredLayout
{
public:
    struct Edge
    {
        int from = -1;
        int to = -1;
    };
    struct Options
    {
        double layerGap = 80; // between the right edge of a layer and the left edge of the next
        double nodeGap = 18; // between two nodes of one layer
        int sweeps = 8; // barycenter passes (down and up count one each)
        // The fallback for graphs whose long edges would need more bends than this (a chain of thousands, each part
        // of a system after the last of them): the longest edges are drawn straight, without bends, and take no
        // part in the ordering, until the rest fit. The time and memory of a layout grow with the bends.
        std::size_t maxVirtualNodes = 200000;
    };
    struct Result
    {
        QList<QPointF> positions; // node centres, one per node
        QList<QList<QPointF>> routes; // per edge: from the source's centre through its bends to the target's
        QList<bool> straight; // per edge: drawn straight across layers (see Options::maxVirtualNodes)
        QList<int> layers; // per node
        QList<bool> reversed; // per edge: drawn against the layering to break a cycle
        int crossings = 0; // edge crossings between adjacent layers, after ordering (straight edges not counted)
        int straightEdges = 0; // edges drawn straight to stay within Options::maxVirtualNodes
        QSizeF size; // the bounding box, from (0, 0)
    };

    [[nodiscard]] static Result compute(const QList<QSizeF> &nodeSizes, const QList<Edge> &edges,
                                        const Options &options, const std::atomic_bool *cancel = nullptr);
    [[nodiscard]] static Result compute(const QList<QSizeF> &nodeSizes, const QList<Edge> &edges)
    {
        return compute(nodeSizes, edges, Options());
    }
};

} // namespace Portolan::Core
