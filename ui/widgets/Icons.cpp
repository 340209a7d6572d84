#include "Icons.h"

#include "config/AppInfo.h"
#include "models/PaintedIcon.h"

#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QSvgRenderer>
#include <QtMath>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Portolan::Ui::Icons {

namespace {

void drawGlyph(QPainter &p, Glyph glyph)
{
    QPainterPath path;
    switch (glyph) {
    case Glyph::Catalog: {
        QPolygonF top({{12, 3}, {21, 8}, {12, 13}, {3, 8}});
        path.addPolygon(top);
        path.closeSubpath();
        p.drawPath(path);
        p.drawPolyline(QPolygonF({{3, 12.5}, {12, 17.5}, {21, 12.5}}));
        p.drawPolyline(QPolygonF({{3, 16.5}, {12, 21.5}, {21, 16.5}}));
        return;
    }
    case Glyph::Graph: {
        const QPointF a(6, 6), b(18, 9), c(9.5, 18.5);
        const qreal r = 2.6;
        p.drawEllipse(a, r, r);
        p.drawEllipse(b, r, r);
        p.drawEllipse(c, r, r);
        const auto edge = [&](QPointF from, QPointF to) {
            const QPointF d = to - from;
            const qreal len = std::hypot(d.x(), d.y());
            const QPointF u = d / len;
            p.drawLine(from + u * r, to - u * r);
        };
        edge(a, b);
        edge(a, c);
        edge(b, c);
        return;
    }
    case Glyph::Scorecards: {
        const QRectF arc(3.5, 5.5, 17, 17);
        p.drawArc(arc, 200 * 16, -220 * 16);
        p.drawLine(QPointF(12, 14), QPointF(16.5, 9));
        p.save();
        p.setBrush(p.pen().color());
        p.drawEllipse(QPointF(12, 14), 1.4, 1.4);
        p.restore();
        return;
    }
    case Glyph::Actions: {
        QPolygonF bolt({{13.5, 2.5}, {5, 13.5}, {11.5, 13.5}, {10.5, 21.5}, {19, 10.5}, {12.5, 10.5}});
        path.addPolygon(bolt);
        path.closeSubpath();
        p.drawPath(path);
        return;
    }
    case Glyph::Runs: {
        p.drawEllipse(QPointF(12, 12), 8.5, 8.5);
        p.drawPolyline(QPolygonF({{12, 7}, {12, 12}, {15.5, 14}}));
        return;
    }
    case Glyph::Inbox: {
        path.moveTo(3, 13);
        path.lineTo(5.5, 5);
        path.lineTo(18.5, 5);
        path.lineTo(21, 13);
        path.lineTo(21, 19);
        path.lineTo(3, 19);
        path.closeSubpath();
        p.drawPath(path);
        p.drawPolyline(QPolygonF({{3, 13}, {8, 13}, {9.5, 15.5}, {14.5, 15.5}, {16, 13}, {21, 13}}));
        return;
    }
    case Glyph::Search:
        p.drawEllipse(QPointF(10.5, 10.5), 6, 6);
        p.drawLine(QPointF(15, 15), QPointF(20.5, 20.5));
        return;
    case Glyph::Back:
        p.drawLine(QPointF(19, 12), QPointF(5, 12));
        p.drawPolyline(QPolygonF({{11, 6}, {5, 12}, {11, 18}}));
        return;
    case Glyph::Forward:
        p.drawLine(QPointF(5, 12), QPointF(19, 12));
        p.drawPolyline(QPolygonF({{13, 6}, {19, 12}, {13, 18}}));
        return;
    case Glyph::ExternalLink:
        p.drawPolyline(QPolygonF({{18, 13.5}, {18, 19}, {5, 19}, {5, 6}, {10.5, 6}}));
        p.drawPolyline(QPolygonF({{14, 4}, {20, 4}, {20, 10}}));
        p.drawLine(QPointF(20, 4), QPointF(11, 13));
        return;
    case Glyph::File:
        path.moveTo(6, 3);
        path.lineTo(14, 3);
        path.lineTo(19, 8);
        path.lineTo(19, 21);
        path.lineTo(6, 21);
        path.closeSubpath();
        p.drawPath(path);
        p.drawPolyline(QPolygonF({{14, 3}, {14, 8}, {19, 8}}));
        return;
    case Glyph::Folder:
        path.moveTo(3, 6);
        path.lineTo(9, 6);
        path.lineTo(11, 8);
        path.lineTo(21, 8);
        path.lineTo(21, 19);
        path.lineTo(3, 19);
        path.closeSubpath();
        p.drawPath(path);
        return;
    case Glyph::Reload: {
        const QRectF r(5, 5, 14, 14);
        p.drawArc(r, 60 * 16, 290 * 16);
        p.drawPolyline(QPolygonF({{14.5, 3}, {16.5, 6}, {13, 7.5}}));
        return;
    }
    case Glyph::Problems:
        path.moveTo(12, 3.5);
        path.lineTo(21.5, 20);
        path.lineTo(2.5, 20);
        path.closeSubpath();
        p.drawPath(path);
        p.drawLine(QPointF(12, 9.5), QPointF(12, 14));
        p.drawPoint(QPointF(12, 17));
        return;
    case Glyph::Copy:
        p.drawRoundedRect(QRectF(8, 8, 12, 13), 1.5, 1.5);
        p.drawPolyline(QPolygonF({{5, 16}, {4, 16}, {4, 3}, {16, 3}, {16, 5}}));
        return;
    case Glyph::Filter:
        path.moveTo(3, 5);
        path.lineTo(21, 5);
        path.lineTo(14, 13);
        path.lineTo(14, 20);
        path.lineTo(10, 18);
        path.lineTo(10, 13);
        path.closeSubpath();
        p.drawPath(path);
        return;
    case Glyph::Close:
        p.drawLine(QPointF(6, 6), QPointF(18, 18));
        p.drawLine(QPointF(18, 6), QPointF(6, 18));
        return;
    case Glyph::Sources:
        // A database: where the catalog comes from.
        p.drawEllipse(QRectF(5, 3.5, 14, 5));
        p.drawLine(QPointF(5, 6), QPointF(5, 18));
        p.drawLine(QPointF(19, 6), QPointF(19, 18));
        p.drawArc(QRectF(5, 9.5, 14, 5), 180 * 16, 180 * 16);
        p.drawArc(QRectF(5, 15.5, 14, 5), 180 * 16, 180 * 16);
        return;
    case Glyph::Add:
        p.drawLine(QPointF(12, 5), QPointF(12, 19));
        p.drawLine(QPointF(5, 12), QPointF(19, 12));
        return;
    case Glyph::Edit:
        path.moveTo(15.5, 4.5);
        path.lineTo(19.5, 8.5);
        path.lineTo(9, 19);
        path.lineTo(4.5, 19.5);
        path.lineTo(5, 15);
        path.closeSubpath();
        p.drawPath(path);
        p.drawLine(QPointF(13, 7), QPointF(17, 11));
        return;
    case Glyph::Remove:
        p.drawLine(QPointF(4, 6.5), QPointF(20, 6.5));
        p.drawPolyline(QPolygonF({{9, 6.5}, {9.5, 3.5}, {14.5, 3.5}, {15, 6.5}}));
        p.drawPolyline(QPolygonF({{6, 6.5}, {7, 20.5}, {17, 20.5}, {18, 6.5}}));
        p.drawLine(QPointF(10, 10.5), QPointF(10, 16.5));
        p.drawLine(QPointF(14, 10.5), QPointF(14, 16.5));
        return;
    case Glyph::Key:
        p.drawEllipse(QPointF(8, 15.5), 4, 4);
        p.drawLine(QPointF(10.9, 12.6), QPointF(19.5, 4));
        p.drawLine(QPointF(16, 7.5), QPointF(18.5, 10));
        p.drawLine(QPointF(18, 5.5), QPointF(20.5, 8));
        return;
    case Glyph::Stop:
        p.drawRoundedRect(QRectF(6, 6, 12, 12), 1.5, 1.5);
        return;
    }
}

} // namespace

QIcon icon(Glyph glyph)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(glyph));
    if (it != cache.constEnd()) {
        return *it;
    }
    QIcon result = paintedIcon([glyph](QPainter &p, const QRectF &rect, QIcon::Mode mode) {
        const QPalette pal = QGuiApplication::palette();
        QColor color = mode == QIcon::Selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::WindowText);
        if (mode == QIcon::Normal) {
            color.setAlphaF(0.82);
        }
        const qreal side = std::min(rect.width(), rect.height());
        p.translate(rect.center().x() - side / 2, rect.center().y() - side / 2);
        p.scale(side / 24.0, side / 24.0);
        // Thinner strokes at small sizes would blur; keep about 1.5 device pixels.
        const qreal width = std::max(1.7, 1.5 * 24.0 / side);
        p.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        drawGlyph(p, glyph);
    });
    cache.insert(int(glyph), result);
    return result;
}

QIcon appIcon()
{
    // The SVG the desktop's icon theme gets (packaging/icons), drawn at each size asked for.
    static const QIcon icon = paintedIcon([](QPainter &p, const QRectF &rect, QIcon::Mode) {
        static QSvgRenderer svg(u":/icons/"_s + Core::AppInfo::id + u".svg"_s);
        const qreal side = std::min(rect.width(), rect.height());
        svg.render(&p, QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side));
    });
    return icon;
}

} // namespace Portolan::Ui::Icons
