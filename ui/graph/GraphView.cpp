#include "GraphView.h"

#include "graph/GraphScene.h"

#include <QKeyEvent>
#include <QPaintEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Portolan::Ui {

namespace {

constexpr qreal antialiasFrom = 0.45;

} // namespace

GraphView::GraphView(QWidget *parent)
    : QGraphicsView(parent)
{
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontAdjustForAntialiasing);
    setRenderHint(QPainter::Antialiasing, true);
    setRenderHint(QPainter::TextAntialiasing, true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundBrush(palette().color(QPalette::Base));
}

GraphView::~GraphView() = default;

qreal GraphView::zoom() const
{
    return transform().m11();
}

qreal GraphView::fitZoom() const
{
    if (!scene() || scene()->sceneRect().isEmpty()) {
        return 1;
    }
    const QRectF rect = scene()->sceneRect();
    const QSizeF room = viewport()->size();
    return std::min({room.width() / rect.width(), room.height() / rect.height(), 1.0});
}

void GraphView::applyScale(qreal zoom)
{
    // Out to the whole graph however large it is, and a little beyond.
    zoom = std::clamp(zoom, std::min(minimumZoom, fitZoom() * 0.8), maximumZoom);
    const qreal factor = zoom / this->zoom();
    if (std::abs(factor - 1) < 1e-6) {
        return;
    }
    scale(factor, factor);
    Q_EMIT zoomChanged(zoom);
}

void GraphView::setZoom(qreal zoom)
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    applyScale(zoom);
    setTransformationAnchor(anchor);
}

void GraphView::zoomBy(qreal factor)
{
    setZoom(zoom() * factor);
}

void GraphView::fit()
{
    if (!scene() || scene()->sceneRect().isEmpty()) {
        return;
    }
    setZoom(fitZoom());
    centerOn(scene()->sceneRect().center());
}

void GraphView::centreOn(const QRectF &sceneRect)
{
    if (zoom() < 0.6) {
        setZoom(0.9);
    }
    centerOn(sceneRect.center());
}

void GraphView::paintEvent(QPaintEvent *event)
{
    auto *graph = qobject_cast<GraphScene *>(scene());
    if (!graph || !graph->drawing() || zoom() >= overviewZoom) {
        // Antialiasing costs most where thousands of lines cross the view (a whole catalog ungrouped): measured at
        // 5,000 boxes, a frame at 100% took 1.5 s with it and 35 ms without. It stays on for graphs of a readable size.
        const bool smooth = zoom() >= antialiasFrom && (!graph || !graph->drawsLines());
        if (renderHints().testFlag(QPainter::Antialiasing) != smooth) {
            setRenderHint(QPainter::Antialiasing, smooth);
        }
        m_exposed = event->region();
        if (graph) {
            QList<QRectF> exposed;
            for (const QRect &rect : m_exposed) {
                exposed.append(mapToScene(rect.adjusted(-2, -2, 2, 2)).boundingRect());
            }
            graph->setExposed(std::move(exposed));
        }
        QGraphicsView::paintEvent(event);
        if (graph) {
            graph->setExposed({});
        }
        return;
    }
    // Far out, only what is exposed (a pan's strip): into an image of its size, then onto the view.
    QPainter painter(viewport());
    for (const QRect &rect : event->region()) {
        QImage frame(rect.size(), QImage::Format_ARGB32_Premultiplied);
        frame.fill(backgroundBrush().color());
        graph->paintOverview(frame, viewportTransform() * QTransform::fromTranslate(-rect.x(), -rect.y()),
                             mapToScene(rect).boundingRect());
        painter.drawImage(rect.topLeft(), frame);
    }
}

void GraphView::drawBackground(QPainter *painter, const QRectF &rect)
{
    auto *graph = qobject_cast<GraphScene *>(scene());
    if (!graph || !graph->drawsLines()) {
        QGraphicsView::drawBackground(painter, rect);
        return;
    }
    // The lines under the items, part by part of what is exposed.
    painter->save();
    painter->resetTransform();
    for (const QRect &part : std::as_const(m_exposed)) {
        QImage lines(part.size(), QImage::Format_ARGB32_Premultiplied);
        lines.fill(backgroundBrush().color());
        graph->paintLines(lines, viewportTransform() * QTransform::fromTranslate(-part.x(), -part.y()),
                          mapToScene(part).boundingRect());
        painter->drawImage(part.topLeft(), lines);
    }
    painter->restore();
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    applyScale(zoom() * std::pow(1.0015, delta));
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        return;
    case Qt::Key_0:
        fit();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

} // namespace Portolan::Ui
