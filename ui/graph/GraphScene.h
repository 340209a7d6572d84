#pragma once

#include "catalog/Catalog.h"
#include "graph/GraphDrawing.h"
#include "live/LiveTypes.h"

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QPainterPath>

#include <memory>

namespace Portolan::Ui {

class GraphNodeItem;
class GraphEdgeItem;

// A laid-out dependency graph as graphics items: a box per node (kind colour and badge, title, kind and lifecycle,
// CI and runtime health dots; groups stacked, ghosts dashed), a curve per edge (colour and dash by relation type,
// its name shown when zoomed in) cut into pieces of a few bends. A graph past itemLinesUpTo boxes and pieces has no
// line items: the scene draws its lines itself, pixel by pixel (paintLines). The scene answers clicks itself: one
// selected node, whose edges and neighbours are emphasised unless a path or a blast radius is; tooltips are the
// entity's card, built when asked for.
class GraphScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphScene)

public:
    explicit GraphScene(QObject *parent = nullptr);
    ~GraphScene() override;

    // Replaces every item. `graph` is the EntityGraph `drawing` was made from; `catalog` its snapshot.
    void setDrawing(std::shared_ptr<const Core::GraphDrawing> drawing, std::shared_ptr<const Core::EntityGraph> graph,
                    Core::Catalog::Ptr catalog, Core::LiveSnapshot::Ptr live);
    void setLive(Core::LiveSnapshot::Ptr live);
    void clearDrawing();

    [[nodiscard]] const Core::GraphDrawing *drawing() const { return m_drawing.get(); }
    [[nodiscard]] const Core::EntityGraph *graph() const { return m_graph.get(); }
    [[nodiscard]] GraphNodeItem *nodeItem(int node) const;
    [[nodiscard]] GraphEdgeItem *edgeItem(int edge) const; // its first piece
    [[nodiscard]] int edgeCount() const { return int(m_edges.size()); }
    // Boxes and pieces of lines: what a frame may have to paint.
    [[nodiscard]] int itemTotal() const { return m_itemTotal; }
    // The drawing node under a scene point, or -1.
    [[nodiscard]] int nodeAt(const QPointF &scenePos) const;
    // The parts of the scene a view is repainting (the strips a pan brought into view): a line paints only its curves
    // that cross them. Empty (the default, and for exports) paints whole lines.
    void setExposed(QList<QRectF> rects) { m_exposed = std::move(rects); }
    [[nodiscard]] const QList<QRectF> &exposed() const { return m_exposed; }

    void setSelectedNode(int node);
    [[nodiscard]] int selectedNode() const { return m_selected; }
    // Whether selecting a node emphasises its edges and neighbours (and dims the rest); off where the whole graph is
    // the answer to a question (a blast radius).
    void setSelectionEmphasis(bool on);
    // Nodes and edges to emphasise over the selection's neighbourhood (a path); empty to go back to the selection.
    void setFocus(const Core::DrawingEmphasis &focus);
    // What is emphasised now: the focus, or else the selection with its edges and neighbours.
    [[nodiscard]] Core::DrawingEmphasis emphasis() const;

    // The second line of a box: "Component · service · production", "System · 12 entities", "API · not in the
    // catalog". Also used to size the boxes before layout.
    [[nodiscard]] static QString caption(const Core::DrawingNode &node, const Core::EntityGraph &graph,
                                         const Core::Catalog &catalog);
    // Zoomed far out: every box as a block and every line as straight segments through its bends, into `image`
    // (ARGB32 premultiplied) through `toImage`, without the items. What GraphView paints below its overview zoom.
    void paintOverview(QImage &image, const QTransform &toImage, const QRectF &visibleScene) const;
    // The lines of a large graph (drawsLines()) as items would draw them without antialiasing: curves through the
    // bends, dashes, emphasis and dimming, arrow heads and labels, into `image` (ARGB32 premultiplied) through
    // `toImage`. The curves are drawn pixel by pixel, many times faster than QPainter (see PixelLines).
    void paintLines(QImage &image, const QTransform &toImage, const QRectF &visibleScene) const;
    // Whether the scene draws its lines itself (paintLines, under the items, without antialiasing) rather than as
    // items: past this many boxes and pieces of lines, or this much length of lines (scene units). Thousands of lines
    // cross any view then, and QPainter, antialiased, takes tens of milliseconds a frame: the 274 system boxes of a
    // catalog of 5,000 have 2,331 lines 23 million long, where the demo's largest graph has 61,000.
    static constexpr int itemLinesUpTo = 6000;
    static constexpr qreal inkUpTo = 2'000'000;
    [[nodiscard]] bool drawsLines() const { return m_drawsLines; }
    // Changes whenever what the overview paints changes (drawing, emphasis, selection, live styles), so a view can
    // keep a rendered overview while only panning.
    [[nodiscard]] quint64 overviewGeneration() const { return m_overviewGeneration; }
    // The entity card shown on hover: rich text.
    [[nodiscard]] QString cardFor(int node) const;

Q_SIGNALS:
    void nodeClicked(int node, Qt::KeyboardModifiers modifiers);
    void nodeDoubleClicked(int node);
    void nodeContextMenuRequested(int node, const QPoint &screenPos);
    void backgroundClicked();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void helpEvent(QGraphicsSceneHelpEvent *event) override;

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    // Where each curve of a dashed line starts along it (scene units, estimated), computed when first painted.
    [[nodiscard]] const QList<qreal> &dashStarts(int edge) const;
    void applyEmphasis();
    void styleNode(int node);

    std::shared_ptr<const Core::GraphDrawing> m_drawing;
    std::shared_ptr<const Core::EntityGraph> m_graph;
    Core::Catalog::Ptr m_catalog;
    Core::LiveSnapshot::Ptr m_live;
    QList<GraphNodeItem *> m_nodes;
    QList<QList<GraphEdgeItem *>> m_edges; // per edge, its pieces
    QList<QRectF> m_edgeBounds; // per edge, all its pieces
    mutable QList<QList<qreal>> m_dashStarts; // per edge, see dashStarts()
    // The same as the items know, in flat arrays for the frames that draw lines themselves (paintLines,
    // paintOverview): thousands of items read one by one cost more in cache misses than the drawing.
    enum Look : quint8 { Emphasised = 1, Dimmed = 2 };
    struct Piece
    {
        QRectF bounds;
        int first = 0; // bends of the edge's points
        int last = 0;
    };
    QList<quint8> m_edgeLooks; // per edge
    QList<Piece> m_pieces; // edge i's are [m_pieceStarts[i], m_pieceStarts[i + 1])
    QList<int> m_pieceStarts;
    QList<QRectF> m_exposed;
    bool m_drawsLines = false;
    int m_itemTotal = 0;
    int m_selected = -1;
    bool m_selectionEmphasis = true;
    quint64 m_overviewGeneration = 0;
    Core::DrawingEmphasis m_focus;
};

// One box. Painted by level of detail: a filled rectangle when zoomed far out, the whole card when close.
class GraphNodeItem final : public QGraphicsItem
{
public:
    struct Style
    {
        QString title;
        QString caption; // "Component · service · production", "System · 12 entities"
        QColor kind;
        QColor lifecycle; // invalid: none
        QColor ci; // invalid: no CI state
        QColor health; // invalid: no runtime
        QString kindName; // for the badge
        bool ghost = false;
        bool group = false;
    };

    GraphNodeItem(int node, const QRectF &rect, Style style);

    [[nodiscard]] int node() const { return m_node; }
    [[nodiscard]] const Style &style() const { return m_style; }
    void setStyle(Style style);
    void setState(bool selected, bool emphasised, bool dimmed);
    [[nodiscard]] bool isDimmed() const { return m_dimmed; }
    [[nodiscard]] bool isEmphasised() const { return m_emphasised; }

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    int m_node;
    QRectF m_rect;
    Style m_style;
    bool m_selected = false;
    bool m_emphasised = false;
    bool m_dimmed = false;
};

// A piece of one relation line, from bend `first` to bend `last`: a smooth curve through the layout's bends; the last
// piece has the arrow head, the middle one the label (drawn when legible).
class GraphEdgeItem final : public QGraphicsItem
{
public:
    GraphEdgeItem(int edge, const Core::DrawingEdge &data, int first, int last);

    [[nodiscard]] int edge() const { return m_edge; }
    // Its curves: from bend firstBend() of the edge's points to bend lastBend().
    [[nodiscard]] qsizetype firstBend() const { return m_first; }
    [[nodiscard]] qsizetype lastBend() const { return m_first + m_points.size() - 1; }
    void setState(bool emphasised, bool dimmed);
    [[nodiscard]] bool isDimmed() const { return m_dimmed; }
    [[nodiscard]] bool isEmphasised() const { return m_emphasised; }
    [[nodiscard]] const QString &label() const { return m_label; }

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    // Curve i runs from m_points[i] to m_points[i + 1], its bounds the rectangle of the two.
    void addCurve(QPainterPath &path, qsizetype i) const; // from the path's current position, m_points[i]
    // The length of the curves before curve i, for dashes that continue where another frame stopped.
    [[nodiscard]] qreal lengthBefore(qsizetype i) const;

    int m_edge;
    qsizetype m_first = 0;
    QList<QPointF> m_points;
    mutable QList<qreal> m_lengths; // cumulative, computed when a dashed piece is first painted in parts
    QPolygonF m_arrow;
    QPointF m_labelAt;
    QString m_label;
    QColor m_color;
    bool m_dashed;
    QRectF m_bounds;
    bool m_emphasised = false;
    bool m_dimmed = false;
};

} // namespace Portolan::Ui
