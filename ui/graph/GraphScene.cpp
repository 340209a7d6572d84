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

#include <cmath>

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
    m_path.moveTo(points.at(first));
    for (int i = first + 1; i <= last; ++i) {
        const QPointF a = points.at(i - 1);
        const QPointF b = points.at(i);
        const qreal half = (b.x() - a.x()) / 2;
        m_path.cubicTo(a.x() + half, a.y(), b.x() - half, b.y(), b.x(), b.y());
    }
    if (last == int(points.size()) - 1) {
        // The arrow head along the curve's last tangent (horizontal, unless the last segment is vertical).
        const QPointF end = points.last();
        const QPointF before = points.at(points.size() - 2);
        QPointF direction(end.x() - before.x(), 0);
        if (std::abs(direction.x()) < 1) {
            direction = end - before;
        }
        const qreal length = std::hypot(direction.x(), direction.y());
        if (length > 0) {
            const QPointF unit = direction / length;
            const QPointF normal(-unit.y(), unit.x());
            m_arrow << end << end - unit * 9 + normal * 4 << end - unit * 9 - normal * 4;
        }
    }
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-4, -4, 4, 4);
    const int mid = int(points.size()) / 2;
    if (first <= mid - 1 && mid <= last) {
        // The piece that holds the middle of the edge carries its label.
        m_label = edgeLabel(data);
        m_labelAt = (points.at(mid - 1) + points.at(mid)) / 2;
        const qreal labelWidth = 8.0 * qreal(m_label.size());
        m_bounds = m_bounds.united(QRectF(m_labelAt.x() - labelWidth / 2, m_labelAt.y() - 16, labelWidth, 16));
    }
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

void GraphEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(option);
    const qreal level = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    QColor color = m_color;
    if (m_dimmed) {
        color.setAlpha(45);
    }
    if (level < blockLevel) {
        // Far out: a hairline, no dashes, no arrow.
        painter->setPen(QPen(color, 0));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_path);
        return;
    }
    // Cosmetic (widths in pixels): the raster engine strokes and dashes those after clipping to the view, where a
    // scaled pen dashes the whole curve first (seconds per frame for long dashed edges at 5,000 boxes).
    QPen pen(color, m_emphasised ? 2 : 1);
    pen.setCosmetic(true);
    if (m_dashed) {
        pen.setStyle(Qt::DashLine);
    }
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(m_arrow);
    if (!m_label.isEmpty() && ((level >= labelLevel && !m_dimmed) || (m_emphasised && level >= detailLevel))) {
        QFont font = widget ? widget->font() : QApplication::font();
        font.setPointSizeF(font.pointSizeF() * 0.75);
        painter->setFont(font);
        painter->setPen(color);
        const QRectF at(m_labelAt.x() - 100, m_labelAt.y() - 16, 200, 14);
        painter->drawText(at, Qt::AlignHCenter | Qt::AlignBottom, m_label);
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
    m_itemTotal = 0;
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
    for (int i = 0; i < int(edges.size()); ++i) {
        const int last = int(edges.at(i).points.size()) - 1;
        for (int first = 0; first < last; first += edgePieceSegments) {
            auto *item = new GraphEdgeItem(i, edges.at(i), first, std::min(last, first + edgePieceSegments));
            addItem(item);
            m_edges[i].append(item);
            ++m_itemTotal;
            m_edgeBounds[i] = m_edgeBounds.at(i).united(item->boundingRect());
        }
    }
    const QList<DrawingNode> &nodes = m_drawing->nodes();
    m_nodes.reserve(nodes.size());
    for (int i = 0; i < int(nodes.size()); ++i) {
        auto *item = new GraphNodeItem(i, nodes.at(i).rect, {});
        addItem(item);
        m_nodes.append(item);
        ++m_itemTotal;
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

void GraphScene::paintOverview(QPainter &painter, const QTransform &toDevice, const QRectF &visibleScene) const
{
    if (!m_drawing) {
        return;
    }
    const QPalette palette = QApplication::palette();
    painter.setRenderHint(QPainter::Antialiasing, false);
    QHash<QRgb, QList<QLineF>> lines;
    QHash<QRgb, QSet<quint64>> drawn;
    const QRectF device = toDevice.mapRect(visibleScene).adjusted(-2, -2, 2, 2);
    const QList<DrawingEdge> &edges = m_drawing->edges();
    for (int i = 0; i < int(edges.size()); ++i) {
        const DrawingEdge &e = edges.at(i);
        if (e.points.size() < 2 || m_edges.at(i).isEmpty() || !m_edgeBounds.at(i).intersects(visibleScene)) {
            continue;
        }
        QColor color(relationColorName(e.type));
        if (m_edges.at(i).first()->isDimmed()) {
            color.setAlpha(45);
        }
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
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        painter.setPen(QPen(QColor::fromRgba(it.key()), 0));
        painter.drawLines(it.value());
    }
    QHash<QRgb, QList<QRectF>> blocks;
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
    painter.setPen(Qt::NoPen);
    for (auto it = blocks.cbegin(); it != blocks.cend(); ++it) {
        painter.setBrush(QColor::fromRgba(it.key()));
        painter.drawRects(it.value());
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
    for (const QList<GraphEdgeItem *> &pieces : std::as_const(m_edges)) {
        for (GraphEdgeItem *item : pieces) {
            const bool strong = e.edges.contains(item->edge());
            item->setState(dimming && strong, dimming && !strong);
        }
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
