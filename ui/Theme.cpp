#include "Theme.h"

#include "UiSettings.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace Portolan::Ui::Theme {

namespace {

struct SystemLook
{
    QString style;
    QPalette palette;
};

// Whether apply() set a palette of its own; until then the application keeps the platform's, which follows the
// desktop's light and dark switch while running.
bool &changed()
{
    static bool value = false;
    return value;
}

SystemLook &systemLook()
{
    static SystemLook look{QApplication::style() ? QApplication::style()->name() : QString(),
                           QGuiApplication::palette()};
    return look;
}

} // namespace

QString schemeName(ColorScheme scheme)
{
    switch (scheme) {
    case ColorScheme::Light:
        return u"light"_s;
    case ColorScheme::Dark:
        return u"dark"_s;
    case ColorScheme::System:
        break;
    }
    return u"system"_s;
}

ColorScheme schemeFromName(const QString &name)
{
    if (name == u"light"_s) {
        return ColorScheme::Light;
    }
    if (name == u"dark"_s) {
        return ColorScheme::Dark;
    }
    return ColorScheme::System;
}

ColorScheme savedScheme()
{
    return schemeFromName(QSettings().value(SettingsKeys::colorScheme).toString());
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::WindowText, QColor(0x11, 0x18, 0x27));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf9, 0xfa, 0xfb));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe8));
    p.setColor(QPalette::ToolTipText, QColor(0x11, 0x18, 0x27));
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x80));
    p.setColor(QPalette::Text, QColor(0x11, 0x18, 0x27));
    p.setColor(QPalette::Button, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::ButtonText, QColor(0x11, 0x18, 0x27));
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe5, 0xe7, 0xeb));
    p.setColor(QPalette::Mid, QColor(0xc0, 0xc4, 0xcc));
    p.setColor(QPalette::Dark, QColor(0x9c, 0xa3, 0xaf));
    p.setColor(QPalette::Shadow, QColor(0x4b, 0x55, 0x63));
    p.setColor(QPalette::Highlight, QColor(0x25, 0x63, 0xeb));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1d, 0x4e, 0xd8));
    p.setColor(QPalette::LinkVisited, QColor(0x6d, 0x28, 0xd9));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, QColor(0x9c, 0xa3, 0xaf));
    }
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x1f, 0x23, 0x2a));
    p.setColor(QPalette::WindowText, QColor(0xe5, 0xe7, 0xeb));
    p.setColor(QPalette::Base, QColor(0x16, 0x19, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x1c, 0x20, 0x26));
    p.setColor(QPalette::ToolTipBase, QColor(0x2b, 0x30, 0x38));
    p.setColor(QPalette::ToolTipText, QColor(0xe5, 0xe7, 0xeb));
    p.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x93, 0xa1));
    p.setColor(QPalette::Text, QColor(0xe5, 0xe7, 0xeb));
    p.setColor(QPalette::Button, QColor(0x2a, 0x2f, 0x37));
    p.setColor(QPalette::ButtonText, QColor(0xe5, 0xe7, 0xeb));
    p.setColor(QPalette::BrightText, QColor(0xf8, 0x71, 0x71));
    p.setColor(QPalette::Light, QColor(0x3a, 0x40, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x31, 0x36, 0x3f));
    p.setColor(QPalette::Mid, QColor(0x3f, 0x46, 0x51));
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x93, 0xc5, 0xfd));
    p.setColor(QPalette::LinkVisited, QColor(0xc4, 0xb5, 0xfd));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, QColor(0x6b, 0x72, 0x80));
    }
    return p;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

void apply(ColorScheme scheme)
{
    if (scheme == ColorScheme::System && !changed()) {
        return;
    }
    const SystemLook &look = systemLook();
    changed() = true;
    if (scheme == ColorScheme::System) {
        if (!look.style.isEmpty() && QApplication::style()->name() != look.style) {
            QApplication::setStyle(QStyleFactory::create(look.style));
        }
        QApplication::setPalette(look.palette);
        return;
    }
    if (QApplication::style()->name().compare(u"fusion"_s, Qt::CaseInsensitive) != 0) {
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    }
    QApplication::setPalette(scheme == ColorScheme::Dark ? darkPalette() : lightPalette());
}

} // namespace Portolan::Ui::Theme
