#include "PaintedIcon.h"

#include <QIconEngine>
#include <QPainter>
#include <QPixmap>

namespace Portolan::Ui {

namespace {

class PaintedIconEngine final : public QIconEngine
{
public:
    explicit PaintedIconEngine(IconPainter painter)
        : m_painter(std::move(painter))
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        if (mode == QIcon::Disabled) {
            painter->setOpacity(0.4);
        }
        m_painter(*painter, QRectF(rect), mode);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.fill(Qt::transparent);
        pm.setDevicePixelRatio(scale);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

    QIconEngine *clone() const override { return new PaintedIconEngine(m_painter); }
    QString key() const override { return QStringLiteral("PortolanPainted"); }

private:
    IconPainter m_painter;
};

} // namespace

QIcon paintedIcon(IconPainter painter)
{
    return QIcon(new PaintedIconEngine(std::move(painter)));
}

QIcon dotIcon(const QColor &color, bool ring)
{
    return paintedIcon([color, ring](QPainter &p, const QRectF &rect, QIcon::Mode) {
        const qreal side = std::min(rect.width(), rect.height());
        const qreal d = side * 0.56;
        const QRectF dot(rect.center().x() - d / 2, rect.center().y() - d / 2, d, d);
        if (ring) {
            p.setPen(QPen(color, std::max(1.2, d * 0.18)));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(dot.adjusted(0.8, 0.8, -0.8, -0.8));
        } else {
            p.setPen(Qt::NoPen);
            p.setBrush(color);
            p.drawEllipse(dot);
        }
    });
}

} // namespace Portolan::Ui
