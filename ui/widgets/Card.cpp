#include "Card.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace Portolan::Ui {

Card::Card(const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_header(new QHBoxLayout)
    , m_content(new QVBoxLayout)
{
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.08);
    m_title->setFont(f);
    m_title->setObjectName(QStringLiteral("cardTitle"));

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(16, 12, 16, 14);
    outer->setSpacing(10);
    m_header->setContentsMargins(0, 0, 0, 0);
    m_header->addWidget(m_title);
    m_header->addStretch(1);
    outer->addLayout(m_header);
    m_content->setContentsMargins(0, 0, 0, 0);
    m_content->setSpacing(8);
    outer->addLayout(m_content);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
}

Card::~Card() = default;

void Card::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString Card::title() const
{
    return m_title->text();
}

void Card::addHeaderWidget(QWidget *widget)
{
    m_header->addWidget(widget);
}

void Card::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    QColor border = pal.color(QPalette::Mid);
    border.setAlphaF(0.55);
    p.setPen(QPen(border, 1));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
}

} // namespace Portolan::Ui
