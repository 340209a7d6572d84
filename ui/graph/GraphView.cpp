#include "GraphView.h"

#include <QKeyEvent>
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

void GraphView::applyScale(qreal zoom)
{
    zoom = std::clamp(zoom, minimumZoom, maximumZoom);
    const qreal factor = zoom / this->zoom();
    if (std::abs(factor - 1) < 1e-6) {
        return;
    }
    scale(factor, factor);
    setRenderHint(QPainter::Antialiasing, zoom >= antialiasFrom);
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
    const QRectF rect = scene()->sceneRect();
    const QSizeF room = viewport()->size();
    const qreal zoom = std::min({room.width() / rect.width(), room.height() / rect.height(), 1.0});
    setZoom(zoom);
    centerOn(rect.center());
}

void GraphView::centreOn(const QRectF &sceneRect)
{
    if (zoom() < 0.6) {
        setZoom(0.9);
    }
    centerOn(sceneRect.center());
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
