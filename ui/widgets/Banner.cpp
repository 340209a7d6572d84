#include "Banner.h"

#include "Icons.h"
#include "models/KindStyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

namespace {

Core::Error::Severity severityOf(Banner::Kind kind)
{
    switch (kind) {
    case Banner::Kind::Info:
        return Core::Error::Severity::Info;
    case Banner::Kind::Warning:
        return Core::Error::Severity::Warning;
    case Banner::Kind::Error:
        return Core::Error::Severity::Error;
    }
    return Core::Error::Severity::Info;
}

} // namespace

Banner::Banner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_close(new QToolButton(this))
{
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setOpenExternalLinks(false);
    m_text->setObjectName(u"bannerText"_s);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(m_text, &QLabel::linkActivated, this, &Banner::linkActivated);
    m_icon->setFixedSize(18, 18);
    m_close->setIcon(Icons::icon(Icons::Glyph::Close));
    m_close->setIconSize(QSize(12, 12));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close"));
    m_close->setObjectName(u"bannerClose"_s);
    m_close->hide();
    connect(m_close, &QToolButton::clicked, this, &Banner::closeRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    m_buttons->setSpacing(6);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close, 0, Qt::AlignVCenter);
    setKind(Kind::Info);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
}

Banner::~Banner() = default;

void Banner::setKind(Kind kind)
{
    m_kind = kind;
    m_icon->setPixmap(KindStyle::severityIcon(severityOf(kind)).pixmap(QSize(18, 18), devicePixelRatioF()));
    update();
}

void Banner::setText(const QString &text)
{
    m_text->setText(text);
}

QString Banner::text() const
{
    return m_text->text();
}

QPushButton *Banner::addButton(const QString &text)
{
    auto *button = new QPushButton(text, this);
    m_buttons->addWidget(button, 0, Qt::AlignVCenter);
    return button;
}

void Banner::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

void Banner::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor base = KindStyle::severityColor(severityOf(m_kind));
    QColor fill = base;
    fill.setAlphaF(0.10);
    QColor border = base;
    border.setAlphaF(0.45);
    // Tinted over the window colour, so it reads the same on light and dark themes.
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Base));
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.drawRoundedRect(r, 6, 6);
    p.setPen(QPen(border, 1));
    p.setBrush(fill);
    p.drawRoundedRect(r, 6, 6);
}

} // namespace Portolan::Ui
