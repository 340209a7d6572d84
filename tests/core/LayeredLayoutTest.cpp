#include "graph/LayeredLayout.h"

#include <QRandomGenerator>
#include <QRectF>

#include <catch2/catch.hpp>

#include <limits>

using namespace Portolan::Core;
using Edge = LayeredLayout::Edge;

namespace {

QList<QSizeF> boxes(int n, QSizeF size = QSizeF(120, 40))
{
    return QList<QSizeF>(n, size);
}

// No two nodes overlap: in one layer they are apart by at least the gap, and layers do not share x ranges.
void checkNoOverlap(const LayeredLayout::Result &r, const QList<QSizeF> &sizes, const LayeredLayout::Options &o)
{
    for (qsizetype a = 0; a < sizes.size(); ++a) {
        for (qsizetype b = a + 1; b < sizes.size(); ++b) {
            const QRectF ra(r.positions[a] - QPointF(sizes[a].width() / 2, sizes[a].height() / 2), sizes[a]);
            const QRectF rb(r.positions[b] - QPointF(sizes[b].width() / 2, sizes[b].height() / 2), sizes[b]);
            INFO("nodes " << a << " and " << b);
            CHECK_FALSE(ra.adjusted(0, 0, 0, o.nodeGap - 0.01).intersects(rb));
        }
    }
}

} // namespace

TEST_CASE("Layered layout: a chain goes left to right, a long edge bends through the layers", "[graph][layout]")
{
    CHECK(LayeredLayout::compute({}, {}).positions.isEmpty());
    // a -> b -> c -> d, and a -> d over three layers.
    const QList<QSizeF> sizes = boxes(4);
    const LayeredLayout::Result r = LayeredLayout::compute(sizes, {{0, 1}, {1, 2}, {2, 3}, {0, 3}});
    CHECK(r.layers == QList<int>{0, 1, 2, 3});
    CHECK(r.positions[0].x() < r.positions[1].x());
    CHECK(r.positions[1].x() < r.positions[2].x());
    CHECK(r.positions[2].x() < r.positions[3].x());
    REQUIRE(r.routes.size() == 4);
    CHECK(r.routes[0].size() == 2);
    REQUIRE(r.routes[3].size() == 4); // two bends, one per layer crossed
    CHECK(r.routes[3].first() == r.positions[0]);
    CHECK(r.routes[3].last() == r.positions[3]);
    for (qsizetype i = 1; i < r.routes[3].size(); ++i) {
        CHECK(r.routes[3][i].x() > r.routes[3][i - 1].x());
    }
    CHECK(r.size.width() >= r.positions[3].x() + 60);
    CHECK(r.reversed == QList<bool>(4, false));
}

TEST_CASE("Layered layout: cycles and self-references", "[graph][layout]")
{
    // a -> b -> c -> a, and b -> b.
    const LayeredLayout::Result r = LayeredLayout::compute(boxes(3), {{0, 1}, {1, 2}, {2, 0}, {1, 1}});
    int reversed = 0;
    for (bool b : r.reversed) {
        reversed += b ? 1 : 0;
    }
    CHECK(reversed == 1);
    CHECK(r.layers[0] != r.layers[1]);
    CHECK(r.layers[1] != r.layers[2]);
    // Every route runs from its edge's source to its target, reversed or not.
    const QList<Edge> edges{{0, 1}, {1, 2}, {2, 0}, {1, 1}};
    for (qsizetype e = 0; e < edges.size(); ++e) {
        REQUIRE(r.routes[e].size() >= 2);
        CHECK(r.routes[e].first() == r.positions[edges[e].from]);
        CHECK(r.routes[e].last() == r.positions[edges[e].to]);
    }
    CHECK(r.routes[3].size() == 4); // the loop beside b
}

TEST_CASE("Layered layout: barycenter sweeps remove needless crossings", "[graph][layout]")
{
    // Sources 0 and 1 in that order, targets 2 and 3 found in the crossing order: 0 -> 3, 1 -> 2, and 0 -> 2 keeps
    // 2 first in the discovery order.
    const LayeredLayout::Result r = LayeredLayout::compute(boxes(6), {{0, 3}, {1, 2}, {4, 2}, {5, 3}, {0, 5}, {1, 4}});
    CHECK(r.crossings == 0);
}

TEST_CASE("Layered layout: 400 random nodes of different sizes never overlap, and it can be cancelled",
          "[graph][layout]")
{
    QRandomGenerator random(42);
    QList<QSizeF> sizes;
    for (int i = 0; i < 400; ++i) {
        sizes.append(QSizeF(60 + random.bounded(120), 24 + random.bounded(40)));
    }
    QList<Edge> edges;
    for (int i = 0; i < 900; ++i) {
        edges.append({int(random.bounded(400)), int(random.bounded(400))});
    }
    const LayeredLayout::Options options;
    const LayeredLayout::Result r = LayeredLayout::compute(sizes, edges, options);
    REQUIRE(r.positions.size() == 400);
    checkNoOverlap(r, sizes, options);
    for (qsizetype e = 0; e < edges.size(); ++e) {
        REQUIRE_FALSE(r.routes[e].isEmpty());
        CHECK(r.routes[e].first() == r.positions[edges[e].from]);
        CHECK(r.routes[e].last() == r.positions[edges[e].to]);
        if (edges[e].from != edges[e].to) {
            // Through one point per layer, in layer order.
            CHECK(r.routes[e].size() == std::abs(r.layers[edges[e].to] - r.layers[edges[e].from]) + 1);
        }
    }
    for (const QPointF &p : r.positions) {
        CHECK(p.x() >= 0);
        CHECK(p.y() >= 0);
        CHECK(p.x() <= r.size.width());
        CHECK(p.y() <= r.size.height());
    }

    std::atomic_bool cancel{true};
    CHECK(LayeredLayout::compute(sizes, edges, options, &cancel).positions.isEmpty());
}

TEST_CASE("Layered layout: edges along a long chain bend once per layer, apart, and the crossings are those drawn",
          "[graph][layout]")
{
    // The bench's slow shape, small: a chain of services, each part of one of ten systems that come after the last
    // of their members, so most edges run a long way through virtual nodes (about 28,000 here). Service i is node
    // i, system s is node chain + s.
    const int chain = 240;
    const int systems = 10;
    QList<QSizeF> sizes;
    for (int i = 0; i < chain + systems; ++i) {
        sizes.append(QSizeF(80 + (i % 7) * 10, 30 + (i % 3) * 8));
    }
    QList<Edge> edges;
    for (int i = 0; i + 1 < chain; ++i) {
        edges.append({i, i + 1});
        edges.append({i, chain + i % systems});
    }
    edges.append({chain - 1, chain + (chain - 1) % systems});
    edges.append({chain + 3, 17}); // closes a cycle: drawn reversed
    const LayeredLayout::Options options;
    const LayeredLayout::Result r = LayeredLayout::compute(sizes, edges, options);
    for (int i = 0; i < chain; ++i) {
        REQUIRE(r.layers[i] == i);
    }
    for (int s = 0; s < systems; ++s) {
        CHECK(r.layers[chain + s] == chain - systems + s + 1); // right after its last member
    }
    CHECK(r.reversed.count(true) == 1);
    CHECK(r.reversed.last());

    // Every route passes each layer it spans once, at that layer's x.
    QList<double> layerX(chain + 1, -1);
    for (int v = 0; v < sizes.size(); ++v) {
        layerX[r.layers[v]] = r.positions[v].x();
    }
    QList<QList<QPair<double, double>>> inLayer(chain + 1); // (top, bottom) of every node and bend in a layer
    for (int v = 0; v < sizes.size(); ++v) {
        inLayer[r.layers[v]].append(
            {r.positions[v].y() - sizes[v].height() / 2, r.positions[v].y() + sizes[v].height() / 2});
    }
    QList<QList<QPair<double, double>>> segments(chain); // per layer: (y at layer l, y at layer l + 1)
    for (qsizetype e = 0; e < edges.size(); ++e) {
        QList<QPointF> route = r.routes[e];
        if (r.reversed[e]) {
            std::reverse(route.begin(), route.end());
        }
        const int from = std::min(r.layers[edges[e].from], r.layers[edges[e].to]);
        REQUIRE(route.size() == std::abs(r.layers[edges[e].to] - r.layers[edges[e].from]) + 1);
        for (qsizetype i = 0; i < route.size(); ++i) {
            CHECK(route[i].x() == layerX[from + int(i)]);
            if (i > 0 && i + 1 < route.size()) {
                inLayer[from + int(i)].append({route[i].y() - 1, route[i].y() + 1}); // a bend is 2 high
            }
            if (i + 1 < route.size()) {
                segments[from + int(i)].append({route[i].y(), route[i + 1].y()});
            }
        }
    }
    int bends = 0;
    for (QList<QPair<double, double>> &boxes : inLayer) {
        std::sort(boxes.begin(), boxes.end());
        for (qsizetype i = 1; i < boxes.size(); ++i) {
            INFO("layer item " << i << " at " << boxes[i].first);
            REQUIRE(boxes[i].first >= boxes[i - 1].second + options.nodeGap - 0.01);
        }
        bends += int(boxes.size());
    }
    CHECK(bends - sizes.size() > 10000);

    // The crossings counted while ordering are the pairs of segments drawn crossing between two layers.
    int drawn = 0;
    for (const QList<QPair<double, double>> &between : segments) {
        for (qsizetype a = 0; a < between.size(); ++a) {
            for (qsizetype b = a + 1; b < between.size(); ++b) {
                const double above = between[a].first - between[b].first;
                const double below = between[a].second - between[b].second;
                drawn += (above < 0 && below > 0) || (above > 0 && below < 0) ? 1 : 0;
            }
        }
    }
    CHECK(r.crossings == drawn);
    CHECK(r.crossings > 0);
}

TEST_CASE("Layered layout: past the bend budget the longest edges go straight, and the rest still bend",
          "[graph][layout]")
{
    // The same shape: a chain of 240, each part of one of ten systems after the last member (about 28,000 bends).
    const int chain = 240;
    const int systems = 10;
    QList<QSizeF> sizes(chain + systems, QSizeF(90, 30));
    QList<Edge> edges;
    for (int i = 0; i + 1 < chain; ++i) {
        edges.append({i, i + 1});
        edges.append({i, chain + i % systems});
    }
    LayeredLayout::Options options;
    const LayeredLayout::Result full = LayeredLayout::compute(sizes, edges, options);
    CHECK(full.straightEdges == 0);
    CHECK(full.straight.count(true) == 0);

    options.maxVirtualNodes = 2000;
    const LayeredLayout::Result capped = LayeredLayout::compute(sizes, edges, options);
    REQUIRE(capped.positions.size() == sizes.size());
    CHECK(capped.straightEdges > 0);
    CHECK(capped.straight.count(true) == capped.straightEdges);
    CHECK(capped.layers == full.layers); // the layering does not change, only how long edges are drawn
    qsizetype bends = 0;
    int shortestStraight = std::numeric_limits<int>::max();
    int longestBent = 0;
    for (int e = 0; e < edges.size(); ++e) {
        const int span = capped.layers[edges[e].to] - capped.layers[edges[e].from];
        const QList<QPointF> &route = capped.routes[e];
        if (capped.straight[e]) {
            // Straight: from the source's centre to the target's, nothing between.
            REQUIRE(route.size() == 2);
            CHECK(route.first() == capped.positions[edges[e].from]);
            CHECK(route.last() == capped.positions[edges[e].to]);
            shortestStraight = std::min(shortestStraight, span);
        } else {
            CHECK(route.size() == span + 1); // a bend per layer crossed
            bends += route.size() - 2;
            longestBent = std::max(longestBent, span);
        }
    }
    CHECK(bends <= qsizetype(options.maxVirtualNodes));
    CHECK(longestBent <= shortestStraight); // the longest went straight first
    // The chain's own edges (span 1) always keep their place.
    for (int i = 0; i + 1 < chain; ++i) {
        CHECK_FALSE(capped.straight[2 * i]);
    }
}
