#include "PlaceholderPage.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

PlaceholderPage::PlaceholderPage(const QIcon &icon, const QString &title, const QString &text,
                                 const QStringList &points, QWidget *parent)
    : QWidget(parent)
{
    auto *iconLabel = new QLabel(this);
    iconLabel->setPixmap(icon.pixmap(QSize(64, 64), devicePixelRatioF(), QIcon::Disabled));
    iconLabel->setAlignment(Qt::AlignCenter);

    auto *titleLabel = new QLabel(title, this);
    titleLabel->setObjectName(u"placeholderTitle"_s);
    QFont f = titleLabel->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    titleLabel->setFont(f);
    titleLabel->setAlignment(Qt::AlignCenter);

    auto *textLabel = new QLabel(text, this);
    textLabel->setObjectName(u"placeholderText"_s);
    textLabel->setWordWrap(true);
    textLabel->setAlignment(Qt::AlignCenter);
    textLabel->setTextFormat(Qt::PlainText);

    QString items;
    for (const QString &point : points) {
        items += u"<li style=\"margin-bottom:4px\">%1</li>"_s.arg(point.toHtmlEscaped());
    }
    auto *pointsLabel = new QLabel(u"<ul style=\"margin-left:-20px\">%1</ul>"_s.arg(items), this);
    pointsLabel->setWordWrap(true);
    pointsLabel->setForegroundRole(QPalette::PlaceholderText);
    pointsLabel->setVisible(!points.isEmpty());

    auto *column = new QWidget(this);
    column->setMaximumWidth(620);
    auto *inner = new QVBoxLayout(column);
    inner->setSpacing(14);
    inner->addWidget(iconLabel);
    inner->addWidget(titleLabel);
    inner->addWidget(textLabel);
    inner->addSpacing(6);
    inner->addWidget(pointsLabel, 0, Qt::AlignHCenter);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(column, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

PlaceholderPage::~PlaceholderPage() = default;

} // namespace Portolan::Ui
