#include "SourceStyle.h"

#include "PaintedIcon.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;
using State = Portolan::Core::SourceStatus::State;

namespace Portolan::Ui::SourceStyle {

namespace {

QRectF square(const QRectF &r)
{
    const qreal side = std::min(r.width(), r.height());
    return {r.center().x() - side / 2, r.center().y() - side / 2, side, side};
}

// The glyphs on a 24-unit grid, in white on the badge.
void drawTypeGlyph(QPainter &p, QStringView type)
{
    QPainterPath path;
    if (type == u"files") {
        path.moveTo(5, 7.5);
        path.lineTo(10, 7.5);
        path.lineTo(11.5, 9);
        path.lineTo(19, 9);
        path.lineTo(19, 17);
        path.lineTo(5, 17);
        path.closeSubpath();
        p.drawPath(path);
    } else if (type == u"git") {
        const qreal r = 1.9;
        const QPointF a(8.5, 6.5), b(8.5, 17.5), c(15.5, 9);
        p.drawEllipse(a, r, r);
        p.drawEllipse(b, r, r);
        p.drawEllipse(c, r, r);
        p.drawLine(QPointF(a.x(), a.y() + r), QPointF(b.x(), b.y() - r));
        path.moveTo(c.x(), c.y() + r);
        path.cubicTo(c.x(), 14, a.x(), 12.5, a.x(), 15.2);
        p.drawPath(path);
    } else if (type == u"backstage") {
        p.drawPolygon(QPolygonF({{12, 5}, {19, 9}, {12, 13}, {5, 9}}));
        p.drawPolyline(QPolygonF({{5, 12.5}, {12, 16.5}, {19, 12.5}}));
        p.drawPolyline(QPolygonF({{5, 15.5}, {12, 19.5}, {19, 15.5}}));
    } else if (type == u"github") {
        // A pull request: two commits and the branch merging back.
        const qreal r = 1.9;
        const QPointF a(7.5, 6.5), b(7.5, 17.5), c(16.5, 17.5);
        p.drawEllipse(a, r, r);
        p.drawEllipse(b, r, r);
        p.drawEllipse(c, r, r);
        p.drawLine(QPointF(a.x(), a.y() + r), QPointF(b.x(), b.y() - r));
        path.moveTo(c.x(), c.y() - r);
        path.lineTo(c.x(), 9.5);
        path.quadTo(c.x(), 7, 13.5, 7);
        path.lineTo(11, 7);
        p.drawPath(path);
        p.drawPolyline(QPolygonF({{12.8, 5}, {10.8, 7}, {12.8, 9}}));
    } else if (type == u"kubernetes") {
        // A ship's wheel: a heptagon with spokes.
        QPolygonF heptagon;
        for (int i = 0; i < 7; ++i) {
            const double angle = -M_PI / 2 + i * 2 * M_PI / 7;
            heptagon << QPointF(12 + 7 * std::cos(angle), 12 + 7 * std::sin(angle));
        }
        p.drawPolygon(heptagon);
        p.drawEllipse(QPointF(12, 12), 2, 2);
        for (int i = 0; i < 7; ++i) {
            const double angle = -M_PI / 2 + i * 2 * M_PI / 7;
            p.drawLine(QPointF(12 + 2 * std::cos(angle), 12 + 2 * std::sin(angle)),
                       QPointF(12 + 5.5 * std::cos(angle), 12 + 5.5 * std::sin(angle)));
        }
    } else {
        p.drawEllipse(QPointF(12, 12), 5, 5);
    }
}

} // namespace

QString typeLabel(QStringView type)
{
    if (type == u"files") {
        return QCoreApplication::translate("SourceStyle", "Files");
    }
    if (type == u"git") {
        return QCoreApplication::translate("SourceStyle", "Git repository");
    }
    if (type == u"backstage") {
        return QCoreApplication::translate("SourceStyle", "Backstage");
    }
    if (type == u"github") {
        return QCoreApplication::translate("SourceStyle", "GitHub");
    }
    if (type == u"kubernetes") {
        return QCoreApplication::translate("SourceStyle", "Kubernetes");
    }
    return type.toString();
}

QColor typeColor(QStringView type)
{
    if (type == u"files") {
        return {0x47, 0x55, 0x69};
    }
    if (type == u"git") {
        return {0xe0, 0x5d, 0x2f};
    }
    if (type == u"backstage") {
        return {0x0d, 0x94, 0x88};
    }
    if (type == u"github") {
        return {0x24, 0x29, 0x2f};
    }
    if (type == u"kubernetes") {
        return {0x32, 0x6c, 0xe5};
    }
    return {0x64, 0x74, 0x8b};
}

QIcon typeIcon(QStringView type)
{
    static QHash<QString, QIcon> cache;
    const QString key = type.toString();
    const auto it = cache.constFind(key);
    if (it != cache.constEnd()) {
        return *it;
    }
    const QColor color = typeColor(type);
    QIcon icon = paintedIcon([color, key](QPainter &p, const QRectF &rect, QIcon::Mode) {
        const QRectF r = square(rect).adjusted(0.5, 0.5, -0.5, -0.5);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(r, r.width() * 0.22, r.width() * 0.22);
        p.translate(r.topLeft());
        p.scale(r.width() / 24.0, r.height() / 24.0);
        p.setPen(QPen(Qt::white, std::max(1.6, 1.2 * 24.0 / r.width()), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        drawTypeGlyph(p, key);
    });
    cache.insert(key, icon);
    return icon;
}

QColor stateColor(State state, bool stale)
{
    switch (state) {
    case State::Ok:
        return stale ? QColor(0xd9, 0x77, 0x06) : QColor(0x16, 0xa3, 0x4a);
    case State::Syncing:
        return {0x25, 0x63, 0xeb};
    case State::Failed:
        return {0xdc, 0x26, 0x26};
    case State::Held:
        return {0xd9, 0x77, 0x06};
    case State::Idle:
        return stale ? QColor(0xd9, 0x77, 0x06) : QColor(0x94, 0xa3, 0xb8);
    case State::Disabled:
        return {0x94, 0xa3, 0xb8};
    }
    return {0x94, 0xa3, 0xb8};
}

QIcon stateIcon(State state, bool stale)
{
    static QHash<int, QIcon> cache;
    const int key = int(state) * 2 + (stale ? 1 : 0);
    const auto it = cache.constFind(key);
    if (it != cache.constEnd()) {
        return *it;
    }
    const QColor color = stateColor(state, stale);
    const bool ring = state == State::Disabled || (state == State::Idle && !stale);
    QIcon icon = dotIcon(color, ring);
    cache.insert(key, icon);
    return icon;
}

QString originLabel(Core::SourceConfig::Origin origin)
{
    switch (origin) {
    case Core::SourceConfig::Origin::Workspace:
        return QCoreApplication::translate("SourceStyle", "Shared");
    case Core::SourceConfig::Origin::Local:
        return QCoreApplication::translate("SourceStyle", "Yours");
    case Core::SourceConfig::Origin::Implicit:
        return QCoreApplication::translate("SourceStyle", "Workspace folder");
    }
    return {};
}

} // namespace Portolan::Ui::SourceStyle
