#pragma once

#include <QGraphicsView>
#include <QImage>

namespace Portolan::Ui {

// The graph's viewport: drag to pan, the wheel zooms around the pointer, + and - zoom, 0 fits, arrows pan.
// Antialiasing is turned off when zoomed far out, where it costs most and shows least; further out, a GraphScene is
// painted as its overview, in batches, so thousands of boxes in view still pan at full frame rate.
class GraphView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphView)

public:
    explicit GraphView(QWidget *parent = nullptr);
    ~GraphView() override;

    static constexpr qreal minimumZoom = 0.02; // or less, as far as the whole graph needs
    static constexpr qreal maximumZoom = 4.0;
    // Below this zoom the view paints the scene's overview (blocks and straight segments) instead of its items.
    static constexpr qreal overviewZoom = 0.3; // where boxes are plain blocks anyway

    [[nodiscard]] qreal zoom() const;
    void setZoom(qreal zoom); // around the viewport's centre
    void zoomBy(qreal factor);
    // The whole scene in view (never magnified beyond 1:1).
    void fit();
    [[nodiscard]] qreal fitZoom() const;
    void centreOn(const QRectF &sceneRect);

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void applyScale(qreal zoom);

    QRegion m_exposed; // what the paint event in progress repaints
};

} // namespace Portolan::Ui
