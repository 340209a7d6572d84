#include "LayeredLayout.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <numeric>
#include <span>
#include <vector>

namespace Portolan::Core {

namespace {

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// Crossings between two adjacent layers: the edges as (position above, position below), in order of the first and,
// for one position above, of the second; every inversion in the second is a crossing. Counted with a Fenwick tree;
// `tree` is scratch space, reused across calls.
int countCrossings(const std::vector<std::pair<int, int>> &segments, int lowerSize, std::vector<int> &tree)
{
    tree.assign(static_cast<std::size_t>(lowerSize) + 1, 0);
    int crossings = 0;
    int seen = 0;
    for (const auto &[upper, lower] : segments) {
        // Edges seen so far that end below `lower`'s position or further right cross this one.
        int notGreater = 0;
        for (int i = lower + 1; i > 0; i -= i & -i) {
            notGreater += tree[std::size_t(i)];
        }
        crossings += seen - notGreater;
        for (int i = lower + 1; i <= lowerSize; i += i & -i) {
            ++tree[std::size_t(i)];
        }
        ++seen;
    }
    return crossings;
}

} // namespace

LayeredLayout::Result LayeredLayout::compute(const QList<QSizeF> &nodeSizes, const QList<Edge> &edges,
                                             const Options &options, const std::atomic_bool *cancel)
{
    Result result;
    const int n = int(nodeSizes.size());
    const int m = int(edges.size());
    result.positions.resize(n);
    result.routes.resize(m);
    result.layers.resize(n);
    result.reversed.resize(m);
    if (n == 0) {
        return result;
    }

    // An edge between two different nodes given (self-loops are only drawn), and its ends in layer order once the
    // cycles are broken.
    const auto isLink = [&](int e) {
        const Edge &edge = edges[e];
        return edge.from >= 0 && edge.to >= 0 && edge.from < n && edge.to < n && edge.from != edge.to;
    };
    const auto layered = [&](int e) {
        const Edge &edge = edges[e];
        return result.reversed[e] ? std::pair(edge.to, edge.from) : std::pair(edge.from, edge.to);
    };

    // 1. Break cycles: an edge back to a node still on the depth-first stack is reversed.
    std::vector<std::vector<int>> outEdges(static_cast<std::size_t>(n), std::vector<int>());
    std::vector<int> inDegree(static_cast<std::size_t>(n), 0);
    for (int e = 0; e < m; ++e) {
        if (!isLink(e)) {
            continue;
        }
        const Edge &edge = edges[e];
        outEdges[std::size_t(edge.from)].push_back(e);
        ++inDegree[std::size_t(edge.to)];
    }
    std::vector<int> starts(static_cast<std::size_t>(n));
    std::iota(starts.begin(), starts.end(), 0);
    std::stable_sort(starts.begin(), starts.end(),
                     [&](int a, int b) { return (inDegree[std::size_t(a)] == 0) > (inDegree[std::size_t(b)] == 0); });
    std::vector<std::uint8_t> state(static_cast<std::size_t>(n), 0); // 0 new, 1 on the stack, 2 done
    std::vector<int> discovery(static_cast<std::size_t>(n), 0);
    int discovered = 0;
    for (int start : starts) {
        if (state[std::size_t(start)] != 0) {
            continue;
        }
        std::vector<std::pair<int, std::size_t>> stack{{start, 0}};
        state[std::size_t(start)] = 1;
        discovery[std::size_t(start)] = discovered++;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            const std::vector<int> &out = outEdges[std::size_t(node)];
            if (next == out.size()) {
                state[std::size_t(node)] = 2;
                stack.pop_back();
                continue;
            }
            const int e = out[next++];
            const int to = edges[e].to;
            if (state[std::size_t(to)] == 1) {
                result.reversed[e] = true;
            } else if (state[std::size_t(to)] == 0) {
                state[std::size_t(to)] = 1;
                discovery[std::size_t(to)] = discovered++;
                stack.emplace_back(to, 0);
            }
        }
        if (cancelled(cancel)) {
            return {};
        }
    }

    // 2. Layers by longest path over the acyclic edges, then sources pulled next to their first successor.
    std::vector<std::vector<int>> succ(static_cast<std::size_t>(n), std::vector<int>());
    std::vector<std::vector<int>> pred(static_cast<std::size_t>(n), std::vector<int>());
    for (int e = 0; e < m; ++e) {
        if (!isLink(e)) {
            continue;
        }
        const auto [a, b] = layered(e);
        succ[std::size_t(a)].push_back(b);
        pred[std::size_t(b)].push_back(a);
    }
    std::vector<int> remaining(static_cast<std::size_t>(n));
    std::deque<int> ready;
    for (int v = 0; v < n; ++v) {
        remaining[std::size_t(v)] = int(pred[std::size_t(v)].size());
        if (remaining[std::size_t(v)] == 0) {
            ready.push_back(v);
        }
    }
    std::vector<int> topo;
    topo.reserve(std::size_t(n));
    std::vector<int> layer(static_cast<std::size_t>(n), 0);
    while (!ready.empty()) {
        const int v = ready.front();
        ready.pop_front();
        topo.push_back(v);
        for (int w : succ[std::size_t(v)]) {
            layer[std::size_t(w)] = std::max(layer[std::size_t(w)], layer[std::size_t(v)] + 1);
            if (--remaining[std::size_t(w)] == 0) {
                ready.push_back(w);
            }
        }
    }
    for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
        const int v = *it;
        if (pred[std::size_t(v)].empty() && !succ[std::size_t(v)].empty()) {
            int nearest = std::numeric_limits<int>::max();
            for (int w : succ[std::size_t(v)]) {
                nearest = std::min(nearest, layer[std::size_t(w)]);
            }
            layer[std::size_t(v)] = nearest - 1;
        }
    }
    int layerCount = 0;
    for (int v = 0; v < n; ++v) {
        layerCount = std::max(layerCount, layer[std::size_t(v)] + 1);
        result.layers[v] = layer[std::size_t(v)];
    }

    // 3. Virtual nodes where an edge spans layers; each edge becomes a chain of nodes, one per layer. A graph whose
    // edges run along a long path (a chain of services, each part of a system drawn after the last of them) has
    // hundreds of times more virtual nodes than real ones, so everything below is linear in them per pass and kept
    // compact: chains and adjacency live in flat arrays rather than a list per node, and nodes are renumbered so
    // that each layer is one run of ids (a sweep reads one layer and its neighbour, not the whole graph's memory).
    std::size_t virtualCount = 0;
    std::size_t segmentCount = 0;
    std::vector<std::pair<std::size_t, int>> spans; // (span, edge) of the edges that need virtual nodes
    for (int e = 0; e < m; ++e) {
        if (isLink(e)) {
            const auto [a, b] = layered(e);
            const auto span = std::size_t(layer[std::size_t(b)] - layer[std::size_t(a)]);
            virtualCount += span - 1;
            segmentCount += span;
            if (span > 1) {
                spans.emplace_back(span, e);
            }
        }
    }
    // The fallback: past the budget, the longest edges go straight (no chain, no part in the ordering).
    result.straight.fill(false, m);
    if (virtualCount > options.maxVirtualNodes) {
        std::stable_sort(spans.begin(), spans.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        for (const auto &[span, e] : spans) {
            if (virtualCount <= options.maxVirtualNodes) {
                break;
            }
            result.straight[e] = true;
            ++result.straightEdges;
            virtualCount -= span - 1;
            segmentCount -= span;
        }
    }
    const auto chained = [&](int e) { return isLink(e) && !result.straight[e]; };
    const int total = n + int(virtualCount);
    // In the numbering of creation first: the nodes, then the virtual nodes in edge order.
    std::vector<int> layerOf(layer);
    std::vector<int> order(discovery); // the discovery order (of an edge's source), for the first arrangement
    layerOf.resize(std::size_t(total));
    order.resize(std::size_t(total));
    // Edge e's chain is chainNodes[chainStart[e], chainStart[e + 1]); empty for an edge that is not a link.
    std::vector<std::size_t> chainStart(static_cast<std::size_t>(m) + 1, 0);
    std::vector<int> chainNodes;
    chainNodes.reserve(segmentCount + std::size_t(m));
    int nextVirtual = n;
    for (int e = 0; e < m; ++e) {
        chainStart[std::size_t(e)] = chainNodes.size();
        if (!chained(e)) {
            continue;
        }
        const auto [a, b] = layered(e);
        chainNodes.push_back(a);
        for (int l = layer[std::size_t(a)] + 1; l < layer[std::size_t(b)]; ++l) {
            layerOf[std::size_t(nextVirtual)] = l;
            order[std::size_t(nextVirtual)] = discovery[std::size_t(a)];
            chainNodes.push_back(nextVirtual++);
        }
        chainNodes.push_back(b);
    }
    chainStart[std::size_t(m)] = chainNodes.size();
    const auto chain = [&](int e) {
        return std::span<const int>(chainNodes.data() + chainStart[std::size_t(e)],
                                    chainStart[std::size_t(e) + 1] - chainStart[std::size_t(e)]);
    };

    // The first arrangement (by layer, then discovery order, then creation) gives the ids used from here on.
    std::vector<int> layerStart(static_cast<std::size_t>(layerCount) + 1, 0);
    for (int v = 0; v < total; ++v) {
        ++layerStart[std::size_t(layerOf[std::size_t(v)]) + 1];
    }
    std::partial_sum(layerStart.begin(), layerStart.end(), layerStart.begin());
    std::vector<int> arranged(static_cast<std::size_t>(total));
    {
        std::vector<int> fill(layerStart.begin(), layerStart.end() - 1);
        for (int v = 0; v < total; ++v) {
            arranged[std::size_t(fill[std::size_t(layerOf[std::size_t(v)])]++)] = v;
        }
    }
    for (int l = 0; l < layerCount; ++l) {
        std::stable_sort(arranged.begin() + layerStart[std::size_t(l)],
                         arranged.begin() + layerStart[std::size_t(l) + 1],
                         [&](int a, int b) { return order[std::size_t(a)] < order[std::size_t(b)]; });
    }
    std::vector<int> idOf(static_cast<std::size_t>(total)); // creation number -> id
    for (int id = 0; id < total; ++id) {
        idOf[std::size_t(arranged[std::size_t(id)])] = id;
    }
    for (int &v : chainNodes) {
        v = idOf[std::size_t(v)];
    }
    std::vector<double> height(static_cast<std::size_t>(total), 2);
    std::vector<double> width(static_cast<std::size_t>(total), 0);
    for (int v = 0; v < n; ++v) {
        height[std::size_t(idOf[std::size_t(v)])] = nodeSizes[v].height();
        width[std::size_t(idOf[std::size_t(v)])] = nodeSizes[v].width();
    }
    idOf.resize(std::size_t(n)); // only the nodes' are needed below
    std::vector<int>().swap(arranged);
    std::vector<int>().swap(order);
    std::vector<int>().swap(layerOf);

    // Neighbours in the layer before (up) and after (down), in edge order: node v's are list[start[v], start[v + 1]).
    struct Adjacency
    {
        std::vector<std::size_t> start;
        std::vector<int> list;
        [[nodiscard]] std::span<const int> of(int v) const
        {
            return {list.data() + start[std::size_t(v)], start[std::size_t(v) + 1] - start[std::size_t(v)]};
        }
    };
    Adjacency up;
    Adjacency down;
    for (Adjacency *side : {&up, &down}) {
        side->start.assign(std::size_t(total) + 1, 0);
        side->list.resize(segmentCount);
    }
    for (int e = 0; e < m; ++e) {
        const std::span<const int> c = chain(e);
        for (std::size_t i = 0; i + 1 < c.size(); ++i) {
            ++down.start[std::size_t(c[i]) + 1];
            ++up.start[std::size_t(c[i + 1]) + 1];
        }
    }
    for (Adjacency *side : {&up, &down}) {
        std::partial_sum(side->start.begin(), side->start.end(), side->start.begin());
    }
    {
        std::vector<std::size_t> upFill(up.start.begin(), up.start.end() - 1);
        std::vector<std::size_t> downFill(down.start.begin(), down.start.end() - 1);
        for (int e = 0; e < m; ++e) {
            const std::span<const int> c = chain(e);
            for (std::size_t i = 0; i + 1 < c.size(); ++i) {
                down.list[downFill[std::size_t(c[i])]++] = c[i + 1];
                up.list[upFill[std::size_t(c[i + 1])]++] = c[i];
            }
        }
    }
    if (cancelled(cancel)) {
        return {};
    }

    std::vector<std::vector<int>> layers(static_cast<std::size_t>(layerCount), std::vector<int>());
    std::vector<int> position(static_cast<std::size_t>(total), 0);
    for (int l = 0; l < layerCount; ++l) {
        std::vector<int> &ids = layers[std::size_t(l)];
        ids.resize(std::size_t(layerStart[std::size_t(l) + 1] - layerStart[std::size_t(l)]));
        std::iota(ids.begin(), ids.end(), layerStart[std::size_t(l)]);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            position[std::size_t(ids[i])] = int(i);
        }
    }

    // 4. Order within layers: barycenter sweeps down and up; the arrangement with the fewest crossings is kept.
    std::vector<std::pair<int, int>> segments;
    std::vector<int> tree;
    const auto crossings = [&]() {
        int sum = 0;
        for (int l = 0; l + 1 < layerCount; ++l) {
            segments.clear();
            // A layer is kept in position order, so only each node's own edges need sorting.
            for (int v : layers[std::size_t(l)]) {
                const auto first = std::ptrdiff_t(segments.size());
                for (int w : down.of(v)) {
                    segments.emplace_back(position[std::size_t(v)], position[std::size_t(w)]);
                }
                if (std::ptrdiff_t(segments.size()) - first > 1) {
                    std::sort(segments.begin() + first, segments.end());
                }
            }
            sum += countCrossings(segments, int(layers[std::size_t(l + 1)].size()), tree);
        }
        return sum;
    };
    int best = crossings();
    std::vector<std::vector<int>> bestLayers = layers;
    // A layer's (barycenter, position) pairs: sorting them whole keeps nodes with equal barycenters in their order.
    std::vector<std::pair<double, int>> keyed;
    std::vector<int> sorted;
    for (int sweep = 0; sweep < options.sweeps && best > 0; ++sweep) {
        const bool downwards = sweep % 2 == 0;
        const Adjacency &neighbours = downwards ? up : down;
        for (int step = 1; step < layerCount; ++step) {
            const int l = downwards ? step : layerCount - 1 - step;
            std::vector<int> &current = layers[std::size_t(l)];
            keyed.clear();
            for (std::size_t i = 0; i < current.size(); ++i) {
                const std::span<const int> adjacent = neighbours.of(current[i]);
                if (adjacent.empty()) {
                    keyed.emplace_back(double(i), int(i));
                    continue;
                }
                double sum = 0;
                for (int w : adjacent) {
                    sum += position[std::size_t(w)];
                }
                keyed.emplace_back(sum / double(adjacent.size()), int(i));
            }
            std::sort(keyed.begin(), keyed.end());
            sorted.resize(current.size());
            for (std::size_t i = 0; i < current.size(); ++i) {
                sorted[i] = current[std::size_t(keyed[i].second)];
                position[std::size_t(sorted[i])] = int(i);
            }
            current.swap(sorted);
        }
        const int now = crossings();
        if (now < best) {
            best = now;
            bestLayers = layers;
        }
        if (cancelled(cancel)) {
            return {};
        }
    }
    layers = std::move(bestLayers);
    for (const std::vector<int> &l : layers) {
        for (std::size_t i = 0; i < l.size(); ++i) {
            position[std::size_t(l[i])] = int(i);
        }
    }
    result.crossings = best;

    // 5. Coordinates: layers left to right; in each layer nodes top to bottom in order, each at the median height
    // of its neighbours in the layer before (then after) where there is room.
    std::vector<double> x(static_cast<std::size_t>(total), 0);
    double left = 0;
    for (const std::vector<int> &l : layers) {
        double widest = 0;
        for (int v : l) {
            widest = std::max(widest, width[std::size_t(v)]);
        }
        for (int v : l) {
            x[std::size_t(v)] = left + widest / 2;
        }
        left += widest + options.layerGap;
    }
    std::vector<double> y(static_cast<std::size_t>(total), 0);
    for (const std::vector<int> &l : layers) {
        double top = 0;
        for (int v : l) {
            y[std::size_t(v)] = top + height[std::size_t(v)] / 2;
            top += height[std::size_t(v)] + options.nodeGap;
        }
    }
    // Each pass moves a layer's nodes as close to their wanted heights as the order and the gaps allow, in the
    // least-squares sense: with c the least offset of each node below the first, y - c must not decrease along the
    // layer, and the closest such sequence to wanted - c is its isotonic regression (pool adjacent violators). A
    // crowded run of nodes so centres on what it wants instead of being pushed down, and nothing drifts.
    std::vector<double> ys;
    std::vector<double> offset;
    std::vector<double> target;
    std::vector<std::pair<double, int>> pools; // (mean, count)
    for (int pass = 0; pass < 4; ++pass) {
        const bool downwards = pass % 2 == 0;
        const Adjacency &neighbours = downwards ? up : down;
        for (int step = 0; step < layerCount; ++step) {
            const int l = downwards ? step : layerCount - 1 - step;
            const std::vector<int> &layerNodes = layers[std::size_t(l)];
            offset.assign(layerNodes.size(), 0);
            target.assign(layerNodes.size(), 0);
            for (std::size_t i = 0; i < layerNodes.size(); ++i) {
                const int v = layerNodes[i];
                const std::span<const int> adjacent = neighbours.of(v);
                double wanted = y[std::size_t(v)];
                if (adjacent.size() == 1) {
                    wanted = y[std::size_t(adjacent.front())];
                } else if (!adjacent.empty()) {
                    ys.clear();
                    for (int w : adjacent) {
                        ys.push_back(y[std::size_t(w)]);
                    }
                    std::nth_element(ys.begin(), ys.begin() + std::ptrdiff_t(ys.size() / 2), ys.end());
                    wanted = ys[ys.size() / 2];
                }
                if (i > 0) {
                    const int previous = layerNodes[i - 1];
                    offset[i] = offset[i - 1] + height[std::size_t(previous)] / 2 + options.nodeGap
                                + height[std::size_t(v)] / 2;
                }
                target[i] = wanted - offset[i];
            }
            pools.clear();
            for (double t : target) {
                pools.emplace_back(t, 1);
                while (pools.size() > 1 && pools[pools.size() - 2].first > pools.back().first) {
                    const auto [mean, count] = pools.back();
                    pools.pop_back();
                    auto &[mergedMean, mergedCount] = pools.back();
                    mergedMean = (mergedMean * mergedCount + mean * count) / (mergedCount + count);
                    mergedCount += count;
                }
            }
            std::size_t i = 0;
            for (const auto &[mean, count] : pools) {
                for (int k = 0; k < count; ++k, ++i) {
                    y[std::size_t(layerNodes[i])] = mean + offset[i];
                }
            }
        }
    }
    double minTop = std::numeric_limits<double>::infinity();
    double maxBottom = 0;
    double maxRight = 0;
    for (int v = 0; v < total; ++v) {
        minTop = std::min(minTop, y[std::size_t(v)] - height[std::size_t(v)] / 2);
    }
    for (int v = 0; v < total; ++v) {
        y[std::size_t(v)] -= minTop;
        maxBottom = std::max(maxBottom, y[std::size_t(v)] + height[std::size_t(v)] / 2);
        maxRight = std::max(maxRight, x[std::size_t(v)] + width[std::size_t(v)] / 2);
    }

    for (int v = 0; v < n; ++v) {
        const auto id = std::size_t(idOf[std::size_t(v)]);
        result.positions[v] = QPointF(x[id], y[id]);
    }
    for (int e = 0; e < m; ++e) {
        const Edge &edge = edges[e];
        if (edge.from < 0 || edge.to < 0 || edge.from >= n || edge.to >= n) {
            continue;
        }
        QList<QPointF> &route = result.routes[e];
        if (edge.from == edge.to) {
            // A loop on the node's right side.
            const QPointF c = result.positions[edge.from];
            const double w = nodeSizes[edge.from].width() / 2;
            const double h = nodeSizes[edge.from].height() / 2;
            route = {c, QPointF(c.x() + w + 16, c.y() - h / 2), QPointF(c.x() + w + 16, c.y() + h / 2), c};
            maxRight = std::max(maxRight, c.x() + w + 16);
            continue;
        }
        if (result.straight[e]) {
            route = {result.positions[edge.from], result.positions[edge.to]};
            continue;
        }
        const std::span<const int> c = chain(e);
        route.reserve(qsizetype(c.size()));
        for (int v : c) {
            route.append(QPointF(x[std::size_t(v)], y[std::size_t(v)]));
        }
        if (result.reversed[e]) {
            std::reverse(route.begin(), route.end());
        }
    }
    result.size = QSizeF(maxRight, maxBottom);
    return result;
}

} // namespace Portolan::Core
