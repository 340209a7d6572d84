#include "GraphScene.h"

#include "models/KindStyle.h"
#include "models/LiveStyle.h"

#include <QApplication>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

// Below this scale a node is a coloured block and an edge a hairline; above the label level, edges are labelled
// (the edges of the selected node always are, so a busy graph stays legible at a glance).
constexpr qreal blockLevel = 0.3;
constexpr qreal detailLevel = 0.6;
constexpr qreal labelLevel = 1.3;
constexpr int edgePieceSegments = 12;

// Lines one pixel wide (two for emphasis) written straight into an ARGB32-premultiplied image: Bresenham, clipped to
// the image, blending the colour by its alpha. At thousands of boxes a frame strokes millions of pixels of lines, and
// QPainter's raster engine hands every run of a few hundred pixels to its thread pool: an overview of 5,000 boxes took
// 5 s that way, and a frame at 35% zoom 90 ms, mostly waking threads; these take milliseconds.
class PixelLines
{
public:
    explicit PixelLines(QImage &image)
        : m_bits(image.bits())
        , m_stride(image.bytesPerLine())
        , m_width(image.width())
        , m_height(image.height())
    {
        Q_ASSERT(image.format() == QImage::Format_ARGB32_Premultiplied);
    }

    void setColour(QRgb colour)
    {
        m_source = qPremultiply(colour);
        m_alpha = uint(qAlpha(colour));
    }

    // From a to b, `width` pixels wide (1 or 2). With `dash` (how far along its whole line a is, in pixels; moved on
    // to b), only the dashes of Qt::DashLine are drawn: 4 widths on, 2 off. Each pixel is found from the line itself
    // (one per row or column along its longer axis, rounded), never from the pixels before it, so a line drawn in
    // strips (a pan repainting what comes into view) has exactly the pixels of the line drawn whole.
    void draw(QPointF a, QPointF b, int width = 1, qreal *dash = nullptr)
    {
        a = snapped(a);
        b = snapped(b);
        const qreal length = dash ? QLineF(a, b).length() : 0;
        const qreal dashStart = dash ? *dash : 0;
        if (dash) {
            *dash += length;
        }
        // (A wide line's second pixel is one right or below, so it may show from one pixel outside.)
        if (std::max(a.x(), b.x()) < -1.5 || std::min(a.x(), b.x()) > m_width - 0.5 || std::max(a.y(), b.y()) < -1.5
            || std::min(a.y(), b.y()) > m_height - 0.5) {
            return;
        }
        const bool steep = std::abs(b.y() - a.y()) > std::abs(b.x() - a.x());
        // Along the major axis m, across it n.
        const qreal am = steep ? a.y() : a.x();
        const qreal an = steep ? a.x() : a.y();
        const qreal bm = steep ? b.y() : b.x();
        const qreal bn = steep ? b.x() : b.y();
        const int majorSize = steep ? m_height : m_width;
        const int minorSize = steep ? m_width : m_height;
        const qreal slope = bm != am ? (bn - an) / (bm - am) : 0;
        qreal low = std::min(am, bm);
        qreal high = std::max(am, bm);
        // Where the line is across the image, too, give or take a pixel: each pixel is checked below.
        if (slope != 0) {
            const qreal enter = am + (-1.5 - an) / slope;
            const qreal leave = am + (minorSize - 0.5 - an) / slope;
            low = std::max(low, std::min(enter, leave) - 1);
            high = std::min(high, std::max(enter, leave) + 1);
        }
        const int first = std::max(0, qRound(low));
        const int last = std::min(majorSize - 1, qRound(high));
        const qreal span = std::abs(bm - am);
        const qreal perPixel = span > 0 ? length / span : 0;
        const qreal period = 6.0 * width;
        const qreal on = 4.0 * width;
        const int step = bm >= am ? 1 : -1;
        const int from = step > 0 ? first : last;
        const int to = step > 0 ? last : first;
        // n(m) in 32.32 fixed point from the line's own terms, whatever m a strip starts at.
        constexpr qint64 one = qint64(1) << 32;
        const qint64 atZero = qRound64((an - am * slope) * qreal(one)) + one / 2;
        const qint64 perStep = qRound64(slope * qreal(one));
        for (int m = from;; m += step) {
            if (step > 0 ? m > to : m < to) {
                break;
            }
            const qreal along = dash ? dashStart + std::abs(m - am) * perPixel : 0;
            if (!dash || along - period * std::floor(along / period) < on) {
                const int n = int((atZero + qint64(m) * perStep) >> 32);
                if (n >= 0 && n < minorSize) {
                    plot(steep ? n : m, steep ? m : n);
                }
                if (width > 1 && n + 1 >= 0 && n + 1 < minorSize) {
                    plot(steep ? n + 1 : m, steep ? m : n + 1);
                }
            }
        }
    }

    // A convex polygon (an arrow head): the pixels whose centres are inside it, with the lines' convention of pixel
    // centres at whole coordinates, so an arrow meets its line; from the polygon alone, like the lines.
    void fill(QPolygonF polygon)
    {
        if (polygon.size() < 3) {
            return;
        }
        for (QPointF &point : polygon) {
            point = snapped(point);
        }
        const QRectF box = polygon.boundingRect();
        const int top = std::max(0, int(std::ceil(box.top())));
        const int bottom = std::min(m_height - 1, int(std::floor(box.bottom())));
        for (int y = top; y <= bottom; ++y) {
            qreal left = std::numeric_limits<qreal>::infinity();
            qreal right = -left;
            for (qsizetype i = 0; i < polygon.size(); ++i) {
                const QPointF p = polygon.at(i);
                const QPointF q = polygon.at((i + 1) % polygon.size());
                if ((p.y() <= y && q.y() >= y) || (q.y() <= y && p.y() >= y)) {
                    const qreal x = p.y() == q.y() ? p.x() : p.x() + (y - p.y()) * (q.x() - p.x()) / (q.y() - p.y());
                    left = std::min({left, x, p.y() == q.y() ? q.x() : x});
                    right = std::max({right, x, p.y() == q.y() ? q.x() : x});
                }
            }
            const int from = std::max(0, int(std::ceil(left)));
            const int to = std::min(m_width - 1, int(std::floor(right)));
            for (int x = from; x <= to; ++x) {
                plot(x, y);
            }
        }
    }

private:
    // To 1/256 of a pixel: a strip's transform adds its offset in another order than the whole view's, and the last
    // bit of a coordinate that lies on a pixel's edge (a box at whole coordinates) would decide the pixel.
    static QPointF snapped(QPointF p) { return QPointF(std::round(p.x() * 256) / 256, std::round(p.y() * 256) / 256); }

    void plot(int x, int y)
    {
        QRgb &target = reinterpret_cast<QRgb *>(m_bits + y * m_stride)[x];
        if (m_alpha == 255) {
            target = m_source;
            return;
        }
        const uint alpha = m_alpha;
        const auto mix = [alpha](uint s, uint t) { return s + (t * (255 - alpha) + 127) / 255; };
        target = qRgba(int(mix(uint(qRed(m_source)), uint(qRed(target)))),
                       int(mix(uint(qGreen(m_source)), uint(qGreen(target)))),
                       int(mix(uint(qBlue(m_source)), uint(qBlue(target)))), int(mix(alpha, uint(qAlpha(target)))));
    }

    uchar *m_bits;
    qsizetype m_stride;
    int m_width;
    int m_height;
    QRgb m_source = 0;
    uint m_alpha = 255;
};

// A relation type's line colour, faded when dimmed (parsed once per type, not per line and frame).
QRgb lineColour(RelationType type, bool dimmed)
{
    static const std::array<QRgb, relationTypeCount> colours = [] {
        std::array<QRgb, relationTypeCount> out{};
        for (RelationType t : allRelationTypes()) {
            out.at(std::size_t(t)) = QColor(relationColorName(t)).rgba();
        }
        return out;
    }();
    const QRgb colour = colours.at(std::size_t(type));
    return dimmed ? qRgba(qRed(colour), qGreen(colour), qBlue(colour), 45) : colour;
}

// The control points of the curve from a to b: it leaves and enters horizontally, bending halfway across.
std::array<QPointF, 4> curveThrough(QPointF a, QPointF b)
{
    const qreal half = (b.x() - a.x()) / 2;
    return {a, QPointF(a.x() + half, a.y()), QPointF(b.x() - half, b.y()), b};
}

QPointF pointOnCurve(const std::array<QPointF, 4> &c, qreal t)
{
    const qreal u = 1 - t;
    return c[0] * (u * u * u) + c[1] * (3 * u * u * t) + c[2] * (3 * u * t * t) + c[3] * (t * t * t);
}

qreal controlPolygonLength(const std::array<QPointF, 4> &curve)
{
    return QLineF(curve[0], curve[1]).length() + QLineF(curve[1], curve[2]).length()
           + QLineF(curve[2], curve[3]).length();
}

// The outline of a box (see Core::nodeShape; the SVG export draws the same).
QPainterPath outline(const QRectF &rect, NodeShape shape)
{
    QPainterPath path;
    if (shape == NodeShape::Folder) {
        const qreal tab = rect.width() * 0.35;
        path.moveTo(rect.topLeft());
        path.lineTo(rect.left() + tab, rect.top());
        path.lineTo(rect.left() + tab + 6, rect.top() + 6);
        path.lineTo(rect.right(), rect.top() + 6);
        path.lineTo(rect.bottomRight());
        path.lineTo(rect.bottomLeft());
        path.closeSubpath();
        return path;
    }
    const qreal radius = shape == NodeShape::Pill ? rect.height() / 2 : shape == NodeShape::Cylinder ? 4 : 7;
    path.addRoundedRect(rect, radius, radius);
    return path;
}

QString edgeLabel(const DrawingEdge &edge)
{
    QString label = relationLabel(edge.type);
    if (edge.count > 1) {
        label += u" \u00d7"_s + QString::number(edge.count);
    }
    return label;
}

// The arrow head at a line's end, along its last tangent (horizontal, unless the last segment is upright).
QPolygonF arrowHead(const QList<QPointF> &points)
{
    const QPointF end = points.last();
    const QPointF before = points.at(points.size() - 2);
    QPointF direction(end.x() - before.x(), 0);
    if (std::abs(direction.x()) < 1) {
        direction = end - before;
    }
    const qreal length = std::hypot(direction.x(), direction.y());
    if (length <= 0) {
        return {};
    }
    const QPointF unit = direction / length;
    const QPointF normal(-unit.y(), unit.x());
    return QPolygonF({end, end - unit * 9 + normal * 4, end - unit * 9 - normal * 4});
}

// A line's label sits in the middle of its middle segment (between bends mid - 1 and mid), above it.
int labelSegment(const QList<QPointF> &points)
{
    return int(points.size()) / 2;
}

QRectF labelRect(QPointF at)
{
    return QRectF(at.x() - 100, at.y() - 16, 200, 14);
}

// What a piece of a line (bends first to last) may paint: its curves, its arrow head if it ends the line, and its
// label if it holds the middle.
QRectF pieceBounds(const QList<QPointF> &points, int first, int last, const QString &label)
{
    // Each curve leaves and enters horizontally, so it stays within the rectangle of its ends; the bends' bounding
    // polygon is that of the whole piece (QRectF::united would drop a level or upright curve's empty rectangle).
    QRectF bounds = QPolygonF(points.mid(first, last - first + 1)).boundingRect();
    if (last == int(points.size()) - 1) {
        bounds = bounds.united(arrowHead(points).boundingRect());
    }
    bounds.adjust(-4, -4, 4, 4);
    const int mid = labelSegment(points);
    if (first <= mid - 1 && mid <= last) {
        const QPointF at = (points.at(mid - 1) + points.at(mid)) / 2;
        const qreal labelWidth = 8.0 * qreal(label.size());
        bounds = bounds.united(QRectF(at.x() - labelWidth / 2, at.y() - 16, labelWidth, 16));
    }
    return bounds;
}

} // namespace

// --- GraphNodeItem ---------------------------------------------------------------------------------------------

GraphNodeItem::GraphNodeItem(int node, const QRectF &rect, Style style)
    : m_node(node)
    , m_rect(rect)
    , m_style(std::move(style))
{
    setZValue(1);
}

void GraphNodeItem::setStyle(Style style)
{
    m_style = std::move(style);
    update();
}

void GraphNodeItem::setState(bool selected, bool emphasised, bool dimmed)
{
    if (selected == m_selected && emphasised == m_emphasised && dimmed == m_dimmed) {
        return;
    }
    m_selected = selected;
    m_emphasised = emphasised;
    m_dimmed = dimmed;
    setZValue(selected ? 3 : emphasised ? 2 : 1);
    update();
}

QRectF GraphNodeItem::boundingRect() const
{
    return m_rect.adjusted(-3, -3, m_style.group ? 7 : 3, m_style.group ? 7 : 3);
}

void GraphNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(option);
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    const qreal level = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (m_dimmed) {
        painter->setOpacity(0.22);
    }
    if (level < blockLevel) {
        QColor fill = m_style.ghost ? QColor(0x94, 0xa3, 0xb8) : m_style.kind;
        painter->fillRect(m_rect, m_selected ? palette.color(QPalette::Highlight) : fill);
        return;
    }
    const NodeShape shape = nodeShape(m_style.kindName);
    if (m_style.group) {
        painter->setPen(QPen(m_style.kind, 1));
        painter->setBrush(palette.color(QPalette::AlternateBase));
        painter->drawPath(outline(m_rect.translated(4, 4), shape));
    }
    QPen border(m_style.ghost ? QColor(0x94, 0xa3, 0xb8) : m_style.kind, m_emphasised ? 2.5 : 1.5);
    if (m_style.ghost) {
        border.setStyle(Qt::DashLine);
    }
    if (m_selected) {
        border = QPen(palette.color(QPalette::Highlight), 3);
    }
    const QPainterPath body = outline(m_rect, shape);
    painter->setPen(border);
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawPath(body);
    if (!m_style.ghost) {
        // The kind's strip down the left side, inside the outline.
        painter->save();
        painter->setClipPath(body, Qt::IntersectClip);
        painter->fillRect(QRectF(m_rect.left(), m_rect.top(), shape == NodeShape::Pill ? 9 : 5, m_rect.height()),
                          m_style.kind);
        painter->restore();
    }
    if (shape == NodeShape::Cylinder) {
        // A cylinder's cap.
        QPainterPath cap;
        cap.moveTo(m_rect.left(), m_rect.top() + 5);
        cap.quadTo(m_rect.center().x(), m_rect.top() + 13, m_rect.right(), m_rect.top() + 5);
        painter->setPen(QPen(m_style.kind, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(cap);
    }
    const QRectF badge(m_rect.left() + 12, m_rect.top() + 8, 18, 18);
    KindStyle::kindIcon(m_style.kindName).paint(painter, badge.toRect());

    // Status dots, top right: CI, then runtime health.
    qreal right = m_rect.right() - 8;
    painter->setPen(Qt::NoPen);
    for (const QColor &dot : {m_style.health, m_style.ci}) {
        if (dot.isValid() && level >= detailLevel) {
            painter->setBrush(dot);
            painter->drawEllipse(QRectF(right - 8, m_rect.top() + 8, 8, 8));
            right -= 12;
        }
    }

    QFont titleFont = widget ? widget->font() : QApplication::font();
    titleFont.setBold(true);
    painter->setFont(titleFont);
    painter->setPen(palette.color(m_style.ghost ? QPalette::PlaceholderText : QPalette::Text));
    const QRectF titleRect(badge.right() + 7, m_rect.top() + 6, right - badge.right() - 9, 20);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(titleFont).elidedText(m_style.title, Qt::ElideMiddle, titleRect.width()));
    if (level < detailLevel) {
        return;
    }
    QFont captionFont = widget ? widget->font() : QApplication::font();
    captionFont.setPointSizeF(captionFont.pointSizeF() * 0.85);
    painter->setFont(captionFont);
    qreal captionLeft = badge.right() + 7;
    if (m_style.lifecycle.isValid()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_style.lifecycle);
        painter->drawEllipse(QRectF(captionLeft, m_rect.top() + 31, 7, 7));
        captionLeft += 11;
    }
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const QRectF captionRect(captionLeft, m_rect.top() + 26, m_rect.right() - captionLeft - 8, 16);
    painter->drawText(captionRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(captionFont).elidedText(m_style.caption, Qt::ElideRight, captionRect.width()));
}

// --- GraphEdgeItem ---------------------------------------------------------------------------------------------

GraphEdgeItem::GraphEdgeItem(int edge, const DrawingEdge &data, int first, int last)
    : m_edge(edge)
    , m_color(relationColorName(data.type))
    , m_dashed(relationDashed(data.type))
{
    setAcceptedMouseButtons(Qt::NoButton);
    const QList<QPointF> &points = data.points;
    last = std::min(last, int(points.size()) - 1);
    if (first < 0 || last <= first) {
        return;
    }
    m_first = first;
    m_points = points.mid(first, last - first + 1);
    if (last == int(points.size()) - 1) {
        m_arrow = arrowHead(points);
    }
    const int mid = labelSegment(points);
    if (first <= mid - 1 && mid <= last) {
        // The piece that holds the middle of the edge carries its label.
        m_label = edgeLabel(data);
        m_labelAt = (points.at(mid - 1) + points.at(mid)) / 2;
    }
    m_bounds = pieceBounds(points, first, last, m_label);
}

void GraphEdgeItem::setState(bool emphasised, bool dimmed)
{
    if (emphasised == m_emphasised && dimmed == m_dimmed) {
        return;
    }
    m_emphasised = emphasised;
    m_dimmed = dimmed;
    setZValue(emphasised ? 0.5 : 0);
    update();
}

QRectF GraphEdgeItem::boundingRect() const
{
    return m_bounds;
}

void GraphEdgeItem::addCurve(QPainterPath &path, qsizetype i) const
{
    const std::array<QPointF, 4> c = curveThrough(m_points.at(i), m_points.at(i + 1));
    path.cubicTo(c[1], c[2], c[3]);
}

qreal GraphEdgeItem::lengthBefore(qsizetype i) const
{
    if (m_lengths.isEmpty()) {
        m_lengths.reserve(m_points.size());
        m_lengths.append(0);
        for (qsizetype c = 0; c + 1 < m_points.size(); ++c) {
            QPainterPath path(m_points.at(c));
            addCurve(path, c);
            m_lengths.append(m_lengths.last() + path.length());
        }
    }
    return m_lengths.at(i);
}

void GraphEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(option);
    if (m_points.size() < 2) {
        return;
    }
    const qreal level = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    QColor color = m_color;
    if (m_dimmed) {
        color.setAlpha(45);
    }
    // Cosmetic (widths in pixels): the raster engine strokes and dashes those after clipping to the view, where a
    // scaled pen dashes the whole curve first (seconds per frame for long dashed edges at 5,000 boxes). Far out, a
    // hairline without dashes.
    const bool far = level < blockLevel;
    const qreal width = far ? 0 : m_emphasised ? 2 : 1;
    QPen pen(color, width);
    pen.setCosmetic(true);
    const bool dashed = m_dashed && !far;
    if (dashed) {
        pen.setStyle(Qt::DashLine);
    }
    painter->setBrush(Qt::NoBrush);
    const QList<QRectF> &exposed = static_cast<const GraphScene *>(scene())->exposed();
    if (exposed.isEmpty()) {
        QPainterPath path(m_points.first());
        for (qsizetype i = 0; i + 1 < m_points.size(); ++i) {
            addCurve(path, i);
        }
        painter->setPen(pen);
        painter->drawPath(path);
    } else {
        // Only the curves that cross what the view repaints: a pan repaints a strip, and stroking a long line's
        // whole length to keep a few pixels of it costs most of such a frame. A dashed curve starts its pattern
        // where the curves before it leave off, so strips painted apart join up.
        for (qsizetype i = 0; i + 1 < m_points.size(); ++i) {
            const QRectF bounds = QRectF(m_points.at(i), m_points.at(i + 1)).normalized().adjusted(-2, -2, 2, 2);
            const bool crosses = std::any_of(exposed.cbegin(), exposed.cend(),
                                             [&bounds](const QRectF &rect) { return rect.intersects(bounds); });
            if (!crosses) {
                continue;
            }
            if (dashed) {
                constexpr qreal dashPeriod = 6; // Qt::DashLine: 4 on, 2 off, in pen widths
                pen.setDashOffset(std::fmod(lengthBefore(i) * level / std::max<qreal>(width, 1), dashPeriod));
            }
            QPainterPath path(m_points.at(i));
            addCurve(path, i);
            painter->setPen(pen);
            painter->drawPath(path);
        }
    }
    if (far) {
        return;
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(m_arrow);
    if (!m_label.isEmpty() && ((level >= labelLevel && !m_dimmed) || (m_emphasised && level >= detailLevel))) {
        QFont font = widget ? widget->font() : QApplication::font();
        font.setPointSizeF(font.pointSizeF() * 0.75);
        painter->setFont(font);
        painter->setPen(color);
        painter->drawText(labelRect(m_labelAt), Qt::AlignHCenter | Qt::AlignBottom, m_label);
    }
}

// --- GraphScene ------------------------------------------------------------------------------------------------

GraphScene::GraphScene(QObject *parent)
    : QGraphicsScene(parent)
{
    // Measured at 5,000 boxes (portolan_bench_graph_view): building the BSP index took over a second on the first
    // frame that painted items, mostly for long edges' large bounds; a linear pass over the items costs little.
    setBspTreeDepth(8);
}

GraphScene::~GraphScene() = default;

void GraphScene::clearDrawing()
{
    ++m_overviewGeneration;
    clear();
    m_nodes.clear();
    m_edges.clear();
    m_edgeBounds.clear();
    m_edgeLooks.clear();
    m_pieces.clear();
    m_pieceStarts.clear();
    m_dashStarts.clear();
    m_itemTotal = 0;
    m_drawsLines = false;
    m_drawing.reset();
    m_graph.reset();
    m_selected = -1;
    m_focus = {};
}

void GraphScene::setDrawing(std::shared_ptr<const GraphDrawing> drawing, std::shared_ptr<const EntityGraph> graph,
                            Catalog::Ptr catalog, LiveSnapshot::Ptr live)
{
    clearDrawing();
    m_drawing = std::move(drawing);
    m_graph = std::move(graph);
    m_catalog = std::move(catalog);
    m_live = std::move(live);
    if (!m_drawing) {
        return;
    }
    const QList<DrawingEdge> &edges = m_drawing->edges();
    // A long edge (hundreds of bends through the layers) is cut into pieces of a few bends each, so a frame paints
    // and the index stores only what is near the view.
    m_edges.resize(edges.size());
    m_edgeBounds.resize(edges.size());
    m_edgeLooks.fill(0, edges.size());
    m_dashStarts.resize(edges.size());
    m_pieceStarts.reserve(edges.size() + 1);
    for (int i = 0; i < int(edges.size()); ++i) {
        m_pieceStarts.append(int(m_pieces.size()));
        const QList<QPointF> &points = edges.at(i).points;
        const int last = int(points.size()) - 1;
        const QString label = edgeLabel(edges.at(i));
        for (int first = 0; first < last; first += edgePieceSegments) {
            const int end = std::min(last, first + edgePieceSegments);
            m_pieces.append({pieceBounds(points, first, end, label), first, end});
            m_edgeBounds[i] = m_edgeBounds.at(i).united(m_pieces.last().bounds);
        }
    }
    m_pieceStarts.append(int(m_pieces.size()));
    m_itemTotal = int(m_pieces.size() + m_drawing->nodes().size());
    qreal ink = 0;
    for (const DrawingEdge &e : edges) {
        for (qsizetype k = 1; k < e.points.size(); ++k) {
            ink += QLineF(e.points.at(k - 1), e.points.at(k)).length();
        }
    }
    m_drawsLines = m_itemTotal > itemLinesUpTo || ink > inkUpTo;
    // A graph of readable size has an item per piece of line; a larger one draws its lines itself (paintLines).
    if (!drawsLines()) {
        for (int i = 0; i < int(edges.size()); ++i) {
            for (int p = m_pieceStarts.at(i); p < m_pieceStarts.at(i + 1); ++p) {
                auto *item = new GraphEdgeItem(i, edges.at(i), m_pieces.at(p).first, m_pieces.at(p).last);
                addItem(item);
                m_edges[i].append(item);
            }
        }
    }
    const QList<DrawingNode> &nodes = m_drawing->nodes();
    m_nodes.reserve(nodes.size());
    for (int i = 0; i < int(nodes.size()); ++i) {
        auto *item = new GraphNodeItem(i, nodes.at(i).rect, {});
        addItem(item);
        m_nodes.append(item);
        styleNode(i);
    }
    setSceneRect(QRectF(QPointF(0, 0), m_drawing->size()).adjusted(-40, -40, 40, 40));
    applyEmphasis();
}

void GraphScene::setLive(LiveSnapshot::Ptr live)
{
    ++m_overviewGeneration;
    m_live = std::move(live);
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        styleNode(i);
    }
}

void GraphScene::styleNode(int node)
{
    const DrawingNode &n = m_drawing->nodes().at(node);
    GraphNodeItem::Style style;
    style.title = n.label;
    style.kind = KindStyle::kindColor(n.kind);
    style.kindName = n.kind;
    style.ghost = n.ghost;
    style.group = n.isGroup();
    style.caption = caption(n, *m_graph, *m_catalog);
    if (!n.isGroup() && !n.ghost) {
        const Entity &e = m_catalog->entity(m_graph->nodes().at(n.graphNode).entity);
        const QString lifecycle = e.specString("lifecycle"_L1);
        if (!lifecycle.isEmpty()) {
            style.lifecycle = KindStyle::lifecycleColor(lifecycle);
        }
        if (m_live) {
            const QString key = e.key();
            const CiState ci = m_live->ciState(key);
            if (ci != CiState::None) {
                style.ci = LiveStyle::ciColor(ci);
            }
            const Health health = m_live->health(key);
            if (health != Health::None) {
                style.health = LiveStyle::healthColor(health);
            }
        }
    }
    m_nodes.at(node)->setStyle(std::move(style));
}

void GraphScene::paintOverview(QImage &image, const QTransform &toDevice, const QRectF &visibleScene) const
{
    if (!m_drawing) {
        return;
    }
    const QPalette palette = QApplication::palette();
    std::map<QRgb, QList<QLineF>> lines; // by colour, drawn in a fixed order: strips painted apart overlap alike
    QHash<QRgb, QSet<quint64>> drawn;
    const QRectF device = toDevice.mapRect(visibleScene).adjusted(-2, -2, 2, 2);
    const QList<DrawingEdge> &edges = m_drawing->edges();
    for (int i = 0; i < int(edges.size()); ++i) {
        const DrawingEdge &e = edges.at(i);
        if (e.points.size() < 2 || !m_edgeBounds.at(i).intersects(visibleScene)) {
            continue;
        }
        const QColor color = QColor::fromRgba(lineColour(e.type, m_edgeLooks.at(i) & Dimmed));
        QList<QLineF> &batch = lines[color.rgba()];
        QSet<quint64> &seen = drawn[color.rgba()];
        // Bends closer than a pixel to the last one drawn are skipped: far out, a long edge is a few segments.
        QPointF previous = toDevice.map(e.points.first());
        const qsizetype last = e.points.size() - 1;
        for (qsizetype p = 1; p <= last; ++p) {
            const QPointF next = toDevice.map(e.points.at(p));
            if (p < last && std::abs(next.x() - previous.x()) < 1.5 && std::abs(next.y() - previous.y()) < 1.5) {
                continue;
            }
            // Segments wholly outside the view are left out.
            if (std::max(previous.x(), next.x()) < device.left() || std::min(previous.x(), next.x()) > device.right()
                || std::max(previous.y(), next.y()) < device.top()
                || std::min(previous.y(), next.y()) > device.bottom()) {
                previous = next;
                continue;
            }
            // Far out, many lines fall on the same pixels: each pixel-rounded segment is drawn once per colour.
            const auto pixel = [](qreal v) { return quint64(std::clamp(qRound(v) + 32768, 0, 65535)); };
            const quint64 key =
                (pixel(previous.x()) << 48) | (pixel(previous.y()) << 32) | (pixel(next.x()) << 16) | pixel(next.y());
            if (!seen.contains(key)) {
                seen.insert(key);
                batch.append(QLineF(previous, next));
            }
            previous = next;
        }
    }
    PixelLines pixels(image);
    for (const auto &[colour, batch] : lines) {
        pixels.setColour(colour);
        for (const QLineF &line : batch) {
            pixels.draw(line.p1(), line.p2());
        }
    }
    std::map<QRgb, QList<QRectF>> blocks;
    const QList<DrawingNode> &nodes = m_drawing->nodes();
    for (int i = 0; i < int(nodes.size()); ++i) {
        const DrawingNode &n = nodes.at(i);
        if (!n.rect.intersects(visibleScene)) {
            continue;
        }
        QColor color = i == m_selected ? palette.color(QPalette::Highlight)
                       : n.ghost       ? QColor(0x94, 0xa3, 0xb8)
                                       : KindStyle::kindColor(n.kind);
        if (m_nodes.at(i)->isDimmed()) {
            color.setAlpha(60);
        }
        QRectF r = toDevice.mapRect(n.rect);
        if (r.width() < 3 || r.height() < 2) {
            // Never smaller than a few pixels, so every box stays visible.
            r = QRectF(r.center().x() - std::max(1.5, r.width() / 2), r.center().y() - std::max(1.0, r.height() / 2),
                       std::max(3.0, r.width()), std::max(2.0, r.height()));
        }
        blocks[color.rgba()].append(r);
    }
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    for (const auto &[colour, batch] : blocks) {
        painter.setBrush(QColor::fromRgba(colour));
        painter.drawRects(batch);
    }
}

const QList<qreal> &GraphScene::dashStarts(int edge) const
{
    QList<qreal> &starts = m_dashStarts[edge];
    if (starts.isEmpty()) {
        // The usual estimate of a curve's length, between its chord and its control polygon.
        const QList<QPointF> &points = m_drawing->edges().at(edge).points;
        starts.reserve(points.size());
        starts.append(0);
        for (qsizetype c = 0; c + 1 < points.size(); ++c) {
            const std::array<QPointF, 4> curve = curveThrough(points.at(c), points.at(c + 1));
            starts.append(starts.last() + (QLineF(curve[0], curve[3]).length() + controlPolygonLength(curve)) / 2);
        }
    }
    return starts;
}

void GraphScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    QGraphicsScene::drawBackground(painter, rect);
    if (!drawsLines()) {
        return;
    }
    // Rendering a large graph (a PNG export): its lines, which have no items, drawn at the painter's scale.
    const QTransform toDevice = painter->worldTransform();
    const QRect device = toDevice.mapRect(rect).toAlignedRect();
    if (device.isEmpty()) {
        return;
    }
    QImage lines(device.size(), QImage::Format_ARGB32_Premultiplied);
    lines.fill(Qt::transparent);
    paintLines(lines, toDevice * QTransform::fromTranslate(-device.x(), -device.y()), rect);
    painter->save();
    painter->resetTransform();
    painter->drawImage(device.topLeft(), lines);
    painter->restore();
}

void GraphScene::paintLines(QImage &image, const QTransform &toImage, const QRectF &visibleScene) const
{
    if (!m_drawing) {
        return;
    }
    PixelLines pixels(image);
    const QList<DrawingEdge> &edges = m_drawing->edges();
    const qreal scale = std::sqrt(std::abs(toImage.determinant()));
    const QRectF near = visibleScene.adjusted(-2 / scale, -2 / scale, 2 / scale, 2 / scale);
    // A part of a curve being flattened: its control points in image coordinates and where it lies on the curve.
    struct Part
    {
        std::array<QPointF, 4> c;
        qreal t0;
        qreal t1;
        int depth;
    };
    std::vector<Part> parts;
    std::vector<int> inView;
    for (int i = 0; i < int(edges.size()); ++i) {
        if (m_edgeBounds.at(i).intersects(near)) {
            inView.push_back(i);
        }
    }
    // Emphasised lines last, over the rest.
    for (const bool emphasised : {false, true}) {
        for (const int i : inView) {
            if (bool(m_edgeLooks.at(i) & Emphasised) != emphasised) {
                continue;
            }
            const DrawingEdge &e = edges.at(i);
            pixels.setColour(lineColour(e.type, m_edgeLooks.at(i) & Dimmed));
            const bool dashed = relationDashed(e.type);
            const int width = emphasised ? 2 : 1;
            // Where each curve starts along the line, in scene units, for dashes (the same in every frame, so that
            // dashes painted apart join up); kept per line once asked for.
            const QList<qreal> *starts = dashed ? &dashStarts(i) : nullptr;
            for (int p = m_pieceStarts.at(i); p < m_pieceStarts.at(i + 1); ++p) {
                const Piece &piece = m_pieces.at(p);
                if (!piece.bounds.intersects(near)) {
                    continue;
                }
                for (int c = piece.first; c < piece.last; ++c) {
                    const std::array<QPointF, 4> curve = curveThrough(e.points.at(c), e.points.at(c + 1));
                    // (Widened: a level or upright curve's rectangle is empty, and empty rectangles intersect nothing.)
                    if (!QRectF(curve[0], curve[3]).normalized().adjusted(-1, -1, 1, 1).intersects(near)) {
                        continue;
                    }
                    const qreal start = starts ? starts->at(c) : 0;
                    // Dashes measure along the curve from a table of its length at 16 points, the same in every
                    // frame, so a strip repainted later continues the pattern exactly.
                    std::array<qreal, 17> lengthAt{};
                    bool measured = false;
                    const auto distance = [&](qreal t) {
                        if (!measured) {
                            QPointF previous = curve[0];
                            for (std::size_t k = 1; k < lengthAt.size(); ++k) {
                                const QPointF next = pointOnCurve(curve, qreal(k) / 16);
                                lengthAt[k] = lengthAt[k - 1] + QLineF(previous, next).length();
                                previous = next;
                            }
                            measured = true;
                        }
                        const qreal at = t * 16;
                        const auto k = std::min<std::size_t>(std::size_t(at), 15);
                        return lengthAt[k] + (lengthAt[k + 1] - lengthAt[k]) * (at - qreal(k));
                    };
                    // Halved (de Casteljau) until each part is within half a pixel of straight, leaving out parts
                    // wholly outside the image: the same parts in every frame at one zoom, so pixels and dashes
                    // match where strips painted apart meet.
                    parts.clear();
                    Part whole{{}, 0, 1, 0};
                    for (std::size_t k = 0; k < 4; ++k) {
                        whole.c[k] = toImage.map(curve[k]);
                    }
                    parts.push_back(whole);
                    while (!parts.empty()) {
                        const Part part = parts.back();
                        parts.pop_back();
                        const auto [minX, maxX] =
                            std::minmax({part.c[0].x(), part.c[1].x(), part.c[2].x(), part.c[3].x()});
                        const auto [minY, maxY] =
                            std::minmax({part.c[0].y(), part.c[1].y(), part.c[2].y(), part.c[3].y()});
                        if (maxX < -2 || minX > image.width() + 2 || maxY < -2 || minY > image.height() + 2) {
                            continue;
                        }
                        const QPointF off1 = part.c[1] - (part.c[0] * 2 + part.c[3]) / 3;
                        const QPointF off2 = part.c[2] - (part.c[0] + part.c[3] * 2) / 3;
                        const qreal bend =
                            std::max({std::abs(off1.x()), std::abs(off1.y()), std::abs(off2.x()), std::abs(off2.y())});
                        if (bend <= 0.5 || part.depth >= 24) {
                            qreal along = dashed ? (start + distance(part.t0)) * scale : 0;
                            pixels.draw(part.c[0], part.c[3], width, dashed ? &along : nullptr);
                            continue;
                        }
                        // Halves: the control points of each half of the curve.
                        const QPointF ab = (part.c[0] + part.c[1]) / 2;
                        const QPointF bc = (part.c[1] + part.c[2]) / 2;
                        const QPointF cd = (part.c[2] + part.c[3]) / 2;
                        const QPointF abc = (ab + bc) / 2;
                        const QPointF bcd = (bc + cd) / 2;
                        const QPointF middle = (abc + bcd) / 2;
                        const qreal t = (part.t0 + part.t1) / 2;
                        parts.push_back({{middle, bcd, cd, part.c[3]}, t, part.t1, part.depth + 1});
                        parts.push_back({{part.c[0], ab, abc, middle}, part.t0, t, part.depth + 1});
                    }
                }
            }
        }
    }
    // Arrow heads, and labels with QPainter: few are in view at a time.
    QPainter painter(&image);
    painter.setTransform(toImage);
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.75);
    painter.setFont(font);
    for (const int i : inView) {
        const DrawingEdge &e = edges.at(i);
        const bool dimmed = m_edgeLooks.at(i) & Dimmed;
        const QColor colour = QColor::fromRgba(lineColour(e.type, dimmed));
        if (scale >= blockLevel) {
            const QPolygonF arrow = arrowHead(e.points);
            if (arrow.boundingRect().intersects(near)) {
                pixels.setColour(colour.rgba());
                pixels.fill(toImage.map(arrow));
            }
        }
        const bool emphasised = m_edgeLooks.at(i) & Emphasised;
        if ((scale >= labelLevel && !dimmed) || (emphasised && scale >= detailLevel)) {
            const int mid = labelSegment(e.points);
            const QPointF at = (e.points.at(mid - 1) + e.points.at(mid)) / 2;
            if (near.intersects(labelRect(at))) {
                painter.setPen(colour);
                painter.drawText(labelRect(at), Qt::AlignHCenter | Qt::AlignBottom, edgeLabel(e));
            }
        }
    }
}

QString GraphScene::caption(const DrawingNode &node, const EntityGraph &graph, const Catalog &catalog)
{
    if (node.isGroup()) {
        return tr("%1 · %n entities", nullptr, int(node.members.size())).arg(node.kind);
    }
    if (node.ghost) {
        return tr("%1 · not in the catalog").arg(node.kind);
    }
    const Entity &e = catalog.entity(graph.nodes().at(node.graphNode).entity);
    QStringList parts{e.kind};
    for (const QString &part : {e.specString("type"_L1), e.specString("lifecycle"_L1)}) {
        if (!part.isEmpty()) {
            parts.append(part);
        }
    }
    return parts.join(u" · "_s);
}

GraphNodeItem *GraphScene::nodeItem(int node) const
{
    return m_nodes.value(node);
}

GraphEdgeItem *GraphScene::edgeItem(int edge) const
{
    return m_edges.value(edge).value(0);
}

int GraphScene::nodeAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (const auto *node = dynamic_cast<GraphNodeItem *>(item)) {
            return node->node();
        }
    }
    return -1;
}

void GraphScene::setSelectedNode(int node)
{
    m_selected = (m_drawing && node >= 0 && node < int(m_nodes.size())) ? node : -1;
    applyEmphasis();
}

void GraphScene::setSelectionEmphasis(bool on)
{
    m_selectionEmphasis = on;
    applyEmphasis();
}

void GraphScene::setFocus(const DrawingEmphasis &focus)
{
    m_focus = focus;
    applyEmphasis();
}

DrawingEmphasis GraphScene::emphasis() const
{
    DrawingEmphasis e = m_focus;
    e.selected = m_selected;
    if (!m_focus.nodes.isEmpty() || !m_focus.edges.isEmpty() || m_selected < 0 || !m_drawing || !m_selectionEmphasis) {
        return e;
    }
    e.nodes.insert(m_selected);
    const QList<DrawingEdge> &edges = m_drawing->edges();
    for (int i = 0; i < int(edges.size()); ++i) {
        if (edges.at(i).from == m_selected || edges.at(i).to == m_selected) {
            e.edges.insert(i);
            e.nodes.insert(edges.at(i).from);
            e.nodes.insert(edges.at(i).to);
        }
    }
    return e;
}

void GraphScene::applyEmphasis()
{
    ++m_overviewGeneration;
    const DrawingEmphasis e = emphasis();
    const bool dimming = !e.nodes.isEmpty() || !e.edges.isEmpty();
    for (GraphNodeItem *item : std::as_const(m_nodes)) {
        const bool strong = e.nodes.contains(item->node());
        item->setState(item->node() == m_selected, dimming && strong, dimming && !strong);
    }
    for (int i = 0; i < int(m_edges.size()); ++i) {
        const bool strong = e.edges.contains(i);
        m_edgeLooks[i] = quint8((dimming && strong ? Emphasised : 0) | (dimming && !strong ? Dimmed : 0));
        for (GraphEdgeItem *item : std::as_const(m_edges.at(i))) {
            item->setState(dimming && strong, dimming && !strong);
        }
    }
    if (drawsLines()) {
        update();
    }
}

QString GraphScene::cardFor(int node) const
{
    if (!m_drawing || node < 0 || node >= int(m_drawing->nodes().size())) {
        return QString();
    }
    const DrawingNode &n = m_drawing->nodes().at(node);
    const auto row = [](const QString &label, const QString &value) {
        return value.isEmpty() ? QString()
                               : u"<tr><td style='color:gray;padding-right:8px'>%1</td><td>%2</td></tr>"_s.arg(
                                   label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = u"<p style='white-space:pre'><b>%1</b><br/><span style='color:gray'>%2</span></p>"_s.arg(
        n.label.toHtmlEscaped(), n.id.toHtmlEscaped());
    if (n.isGroup()) {
        html += u"<p>"_s + tr("%n entities", nullptr, int(n.members.size())) + u", "_s
                + tr("%n relations between them", nullptr, n.innerEdges) + u"</p><p><i>"_s + tr("Click to expand")
                + u"</i></p>"_s;
        return html;
    }
    if (n.ghost) {
        return html + u"<p>"_s + tr("Referenced, but not in the catalog.") + u"</p>"_s;
    }
    const Entity &e = m_catalog->entity(m_graph->nodes().at(n.graphNode).entity);
    QString table = row(tr("Kind"), e.kind) + row(tr("Type"), e.specString("type"_L1))
                    + row(tr("Owner"), e.specString("owner"_L1)) + row(tr("System"), e.specString("system"_L1))
                    + row(tr("Lifecycle"), e.specString("lifecycle"_L1));
    if (m_live) {
        const CiState ci = m_live->ciState(e.key());
        if (ci != CiState::None) {
            table += row(tr("CI"), ciStateLabel(ci));
        }
        if (const EntityRuntime *runtime = m_live->runtimeFor(e.key())) {
            table += row(tr("Runtime"),
                         runtime->healthReason.isEmpty() ? healthLabel(runtime->health) : runtime->healthReason);
        }
    }
    html += u"<table>"_s + table + u"</table>"_s;
    if (!e.description.isEmpty()) {
        QString description = e.description.simplified();
        if (description.size() > 240) {
            description = description.left(239) + u'\u2026';
        }
        html += u"<p>"_s + description.toHtmlEscaped() + u"</p>"_s;
    }
    return html;
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    const int node = nodeAt(event->scenePos());
    if (node >= 0 && event->button() == Qt::LeftButton) {
        event->accept();
        Q_EMIT nodeClicked(node, event->modifiers());
        return;
    }
    if (node < 0 && event->button() == Qt::LeftButton) {
        Q_EMIT backgroundClicked();
    }
    event->ignore(); // the view pans
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    const int node = nodeAt(event->scenePos());
    if (node >= 0 && event->button() == Qt::LeftButton) {
        event->accept();
        Q_EMIT nodeDoubleClicked(node);
        return;
    }
    event->ignore();
}

void GraphScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    event->accept();
    Q_EMIT nodeContextMenuRequested(nodeAt(event->scenePos()), event->screenPos());
}

void GraphScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    const int node = nodeAt(event->scenePos());
    if (node < 0) {
        QToolTip::hideText();
        event->ignore();
        return;
    }
    QToolTip::showText(event->screenPos(), cardFor(node), event->widget());
    event->accept();
}

} // namespace Portolan::Ui
