#include "TrayIcon.h"

#include "widgets/Icons.h"

#include <QAction>
#include <QMenu>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

TrayIcon::TrayIcon(QObject *parent)
    : QSystemTrayIcon(parent)
    , m_menu(new QMenu)
{
    m_menu->setObjectName(u"trayMenu"_s);
    QAction *inbox = m_menu->addAction(Icons::icon(Icons::Glyph::Inbox), tr("Inbox"), this, &TrayIcon::inboxRequested);
    inbox->setObjectName(u"trayInbox"_s);
    QAction *ttls = m_menu->addAction(tr("Expiring Soon (TTLs)"), this, &TrayIcon::ttlRequested);
    ttls->setObjectName(u"trayTtls"_s);
    QAction *open = m_menu->addAction(tr("Open Portolan"), this, &TrayIcon::showRequested);
    open->setObjectName(u"trayOpen"_s);
    m_menu->addSeparator();
    m_pause = m_menu->addAction(tr("Pause Notifications"));
    m_pause->setObjectName(u"trayPause"_s);
    m_pause->setCheckable(true);
    connect(m_pause, &QAction::toggled, this, [this](bool paused) {
        m_paused = paused;
        updateIcon();
        Q_EMIT pauseToggled(paused);
    });
    m_keepRunning = m_menu->addAction(tr("Keep Running in the Tray"));
    m_keepRunning->setObjectName(u"trayKeepRunning"_s);
    m_keepRunning->setCheckable(true);
    m_keepRunning->setToolTip(tr("Closing the window leaves Portolan in the tray, notifying"));
    connect(m_keepRunning, &QAction::toggled, this, &TrayIcon::keepRunningToggled);
    m_startAtLogin = m_menu->addAction(tr("Start at Login"));
    m_startAtLogin->setObjectName(u"trayStartAtLogin"_s);
    m_startAtLogin->setCheckable(true);
    connect(m_startAtLogin, &QAction::toggled, this, &TrayIcon::startAtLoginToggled);
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    quit->setObjectName(u"trayQuit"_s);
    setContextMenu(m_menu);

    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger || reason == DoubleClick) {
            Q_EMIT showRequested();
        }
    });
    updateIcon();
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a QMenu cannot have a QObject parent
}

void TrayIcon::setUnreadCount(int count)
{
    if (count != m_unread) {
        m_unread = count;
        updateIcon();
    }
}

void TrayIcon::setPaused(bool paused)
{
    m_pause->setChecked(paused);
}

void TrayIcon::setKeepRunning(bool keep)
{
    const QSignalBlocker block(m_keepRunning);
    m_keepRunning->setChecked(keep);
}

void TrayIcon::setStartAtLogin(bool start)
{
    const QSignalBlocker block(m_startAtLogin);
    m_startAtLogin->setChecked(start);
}

QPixmap TrayIcon::badged(const QIcon &base, int count, int size)
{
    // At a device pixel ratio of 1: the tray scales it, and the badge is drawn in the pixmap's own pixels.
    QPixmap pixmap = base.pixmap(QSize(size, size), 1.0);
    if (pixmap.isNull() || pixmap.width() != size) {
        QPixmap square(size, size);
        square.fill(Qt::transparent);
        if (!pixmap.isNull()) {
            QPainter(&square).drawPixmap(square.rect(), pixmap);
        }
        pixmap = square;
    }
    if (count <= 0) {
        return pixmap;
    }
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QString text = count > 99 ? u"99+"_s : QString::number(count);
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(std::max(7, int(size * (text.size() > 2 ? 0.3 : 0.42))));
    p.setFont(font);
    // A disc over the top right quarter, wider for more digits; white-rimmed so it reads on any panel.
    const qreal h = size * 0.56;
    const qreal w = std::max(h, QFontMetricsF(font).horizontalAdvance(text) + size * 0.16);
    const QRectF disc(size - w - 0.5, 0.5, w, h);
    p.setPen(QPen(Qt::white, std::max(1.0, size / 22.0)));
    p.setBrush(QColor(0xd6, 0x2c, 0x2c));
    p.drawRoundedRect(disc, h / 2, h / 2);
    p.setPen(Qt::white);
    p.drawText(disc, Qt::AlignCenter, text);
    return pixmap;
}

void TrayIcon::updateIcon()
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        icon.addPixmap(badged(Icons::appIcon(), m_unread, size));
    }
    setIcon(icon);
    QString tip = m_unread > 0 ? tr("Portolan: %n unread notification(s)", nullptr, m_unread) : tr("Portolan");
    if (m_paused) {
        tip += u'\n' + tr("Notifications paused");
    }
    setToolTip(tip);
}

} // namespace Portolan::Ui
