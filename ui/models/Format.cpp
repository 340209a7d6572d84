#include "Format.h"

#include <QColor>
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Portolan::Ui::Format {

QString relativeTime(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid()) {
        return QCoreApplication::translate("Format", "never");
    }
    const qint64 seconds = std::max<qint64>(0, then.secsTo(now));
    // Counts are computed before the translate() calls: Qt 6.4's lupdate loops forever on "int(a / b)" there.
    const int secs = int(seconds);
    const int minutes = int(seconds / 60);
    const int hours = int(seconds / 3600);
    const int days = int(seconds / 86400);
    if (seconds < 5) {
        return QCoreApplication::translate("Format", "just now");
    }
    if (seconds < 60) {
        return QCoreApplication::translate("Format", "%n second(s) ago", nullptr, secs);
    }
    if (seconds < 3600) {
        return QCoreApplication::translate("Format", "%n minute(s) ago", nullptr, minutes);
    }
    if (seconds < 86400) {
        return QCoreApplication::translate("Format", "%n hour(s) ago", nullptr, hours);
    }
    return QCoreApplication::translate("Format", "%n day(s) ago", nullptr, days);
}

QString timeUntil(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid()) {
        return QCoreApplication::translate("Format", "never");
    }
    const qint64 seconds = now.secsTo(then);
    // Rounded up: "in 1 minute" for 50 seconds left reads better than "in 0 minutes".
    const int secs = int(std::max<qint64>(0, seconds));
    const int minutes = int((seconds + 59) / 60);
    const int hours = int((seconds + 1799) / 3600);
    const int days = int((seconds + 43199) / 86400);
    if (seconds < 5) {
        return QCoreApplication::translate("Format", "now");
    }
    if (seconds < 60) {
        return QCoreApplication::translate("Format", "in %n second(s)", nullptr, secs);
    }
    if (seconds < 3600) {
        return QCoreApplication::translate("Format", "in %n minute(s)", nullptr, minutes);
    }
    if (seconds < 86400) {
        return QCoreApplication::translate("Format", "in %n hour(s)", nullptr, hours);
    }
    return QCoreApplication::translate("Format", "in %n day(s)", nullptr, days);
}

QString dateTime(const QDateTime &then)
{
    if (!then.isValid()) {
        return QCoreApplication::translate("Format", "never");
    }
    return QLocale().toString(then.toLocalTime(), QLocale::ShortFormat);
}

QString interval(int seconds)
{
    if (seconds <= 0) {
        return QCoreApplication::translate("Format", "on demand only");
    }
    const int days = seconds / 86400;
    const int hours = seconds / 3600;
    const int minutes = seconds / 60;
    if (seconds % 86400 == 0) {
        return QCoreApplication::translate("Format", "%n day(s)", nullptr, days);
    }
    if (seconds % 3600 == 0) {
        return QCoreApplication::translate("Format", "%n hour(s)", nullptr, hours);
    }
    if (seconds % 60 == 0) {
        return QCoreApplication::translate("Format", "%n minute(s)", nullptr, minutes);
    }
    return QCoreApplication::translate("Format", "%n second(s)", nullptr, seconds);
}

QString displayPath(const QString &file, const QString &workspaceRoot)
{
    if (file.isEmpty() || workspaceRoot.isEmpty() || file.contains(u"://"_s)) {
        return file; // a URL (an API's page) is shown as it is
    }
    const QString root = workspaceRoot.endsWith(u'/') ? workspaceRoot : workspaceRoot + u'/';
    if (file.startsWith(root)) {
        return file.mid(root.size());
    }
    if (!file.startsWith(u':') && !root.startsWith(u':')) {
        const QString relative = QDir(workspaceRoot).relativeFilePath(file);
        if (!relative.startsWith(u"../"_s)) {
            return relative;
        }
    }
    return file;
}

QString severityLabel(Core::Error::Severity severity)
{
    switch (severity) {
    case Core::Error::Severity::Error:
        return QCoreApplication::translate("Format", "Error");
    case Core::Error::Severity::Warning:
        return QCoreApplication::translate("Format", "Warning");
    case Core::Error::Severity::Info:
        return QCoreApplication::translate("Format", "Note");
    }
    return {};
}

QString location(int line, int column)
{
    if (line <= 0) {
        return {};
    }
    return column > 0 ? u"%1:%2"_s.arg(line).arg(column) : QString::number(line);
}

bool isOnDisk(const QString &path)
{
    return !path.isEmpty() && !path.startsWith(u':') && !path.startsWith(u"qrc:"_s);
}

QString mutedColor()
{
    const QPalette pal = QGuiApplication::palette();
    const QColor fg = pal.color(QPalette::PlaceholderText);
    const QColor bg = pal.color(QPalette::Base);
    const qreal a = fg.alphaF();
    return QColor::fromRgbF(fg.redF() * a + bg.redF() * (1 - a), fg.greenF() * a + bg.greenF() * (1 - a),
                            fg.blueF() * a + bg.blueF() * (1 - a))
        .name();
}

QString muted(const QString &html)
{
    return u"<span style=\"color:%1\">%2</span>"_s.arg(mutedColor(), html);
}

} // namespace Portolan::Ui::Format
