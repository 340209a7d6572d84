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
    };
    struct Result
    {
        QList<QPointF> positions; // node centres, one per node
        QList<QList<QPointF>> routes; // per edge: from the source's centre through its bends to the target's
        QList<int> layers; // per node
        QList<bool> reversed; // per edge: drawn against the layering to break a cycle
        int crossings = 0; // edge crossings between adjacent layers, after ordering
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
