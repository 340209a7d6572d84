#include "KindStyle.h"

#include "PaintedIcon.h"
#include "graph/GraphDrawing.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace Portolan::Ui::KindStyle {

namespace {

QRectF square(const QRectF &r)
{
    const qreal side = std::min(r.width(), r.height());
    return {r.center().x() - side / 2, r.center().y() - side / 2, side, side};
}

} // namespace

QColor kindColor(QStringView kind)
{
    return QColor(Core::kindColorName(kind));
}

QIcon kindIcon(QStringView kind)
{
    static QHash<QString, QIcon> cache;
    const QString key = kind.toString().toLower();
    const auto it = cache.constFind(key);
    if (it != cache.constEnd()) {
        return *it;
    }
    const QColor color = kindColor(kind);
    const QString letter = key.isEmpty() ? u"?"_s : key.left(1).toUpper();
    QIcon icon = paintedIcon([color, letter](QPainter &p, const QRectF &rect, QIcon::Mode) {
        const QRectF r = square(rect).adjusted(0.5, 0.5, -0.5, -0.5);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(r, r.width() * 0.22, r.width() * 0.22);
        QFont f = p.font();
        f.setBold(true);
        f.setPixelSize(std::max(6, int(r.height() * 0.62)));
        p.setFont(f);
        p.setPen(Qt::white);
        p.drawText(r, Qt::AlignCenter, letter);
    });
    cache.insert(key, icon);
    return icon;
}

QColor lifecycleColor(QStringView lifecycle)
{
    return QColor(Core::lifecycleColorName(lifecycle));
}

QIcon lifecycleIcon(QStringView lifecycle)
{
    static QHash<QString, QIcon> cache;
    const QString key = lifecycle.toString().toLower();
    const auto it = cache.constFind(key);
    if (it != cache.constEnd()) {
        return *it;
    }
    const QColor color = lifecycleColor(lifecycle);
    QIcon icon = paintedIcon([color](QPainter &p, const QRectF &rect, QIcon::Mode) {
        const QRectF s = square(rect);
        const qreal d = s.width() * 0.5;
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(QRectF(s.center().x() - d / 2, s.center().y() - d / 2, d, d));
    });
    cache.insert(key, icon);
    return icon;
}

QColor severityColor(Core::Error::Severity severity)
{
    switch (severity) {
    case Core::Error::Severity::Error:
        return {0xdc, 0x26, 0x26};
    case Core::Error::Severity::Warning:
        return {0xd9, 0x77, 0x06};
    case Core::Error::Severity::Info:
        return {0x25, 0x63, 0xeb};
    }
    return {0x64, 0x74, 0x8b};
}

QIcon severityIcon(Core::Error::Severity severity)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(severity));
    if (it != cache.constEnd()) {
        return *it;
    }
    const QColor color = severityColor(severity);
    QIcon icon = paintedIcon([color, severity](QPainter &p, const QRectF &rect, QIcon::Mode) {
        const QRectF r = square(rect).adjusted(1, 1, -1, -1);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        if (severity == Core::Error::Severity::Warning) {
            QPainterPath tri;
            tri.moveTo(r.center().x(), r.top());
            tri.lineTo(r.right(), r.bottom());
            tri.lineTo(r.left(), r.bottom());
            tri.closeSubpath();
            p.drawPath(tri);
        } else {
            p.drawEllipse(r);
        }
        QPen pen(Qt::white, std::max(1.2, r.width() * 0.13), Qt::SolidLine, Qt::RoundCap);
        p.setPen(pen);
        const qreal cx = r.center().x();
        if (severity == Core::Error::Severity::Info) {
            p.drawLine(QPointF(cx, r.top() + r.height() * 0.45), QPointF(cx, r.bottom() - r.height() * 0.25));
            p.drawPoint(QPointF(cx, r.top() + r.height() * 0.27));
        } else {
            const qreal top = r.top() + r.height() * (severity == Core::Error::Severity::Warning ? 0.36 : 0.25);
            p.drawLine(QPointF(cx, top), QPointF(cx, r.bottom() - r.height() * 0.42));
            p.drawPoint(
                QPointF(cx, r.bottom() - r.height() * (severity == Core::Error::Severity::Warning ? 0.17 : 0.24)));
        }
    });
    cache.insert(int(severity), icon);
    return icon;
}

} // namespace Portolan::Ui::KindStyle
