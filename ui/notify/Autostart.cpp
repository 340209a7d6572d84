#include "Autostart.h"

#include "config/AppInfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Portolan::Ui::Autostart {

namespace {

// Desktop Entry Exec quoting: inside double quotes, `"`, `` ` ``, `$` and `\` are escaped with a backslash.
QString quoted(const QString &argument)
{
    QString escaped;
    for (const QChar c : argument) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\') {
            escaped += u'\\';
        }
        escaped += c;
    }
    return u'"' + escaped + u'"';
}

} // namespace

QString file()
{
    // GenericConfigLocation is $XDG_CONFIG_HOME, or ~/.config when it is not set.
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return QDir(config).filePath(u"autostart/"_s + Core::AppInfo::id + u".desktop"_s);
}

bool isEnabled()
{
    return QFileInfo::exists(file());
}

Core::Result<void> setEnabled(bool enabled, const QString &executable)
{
    const QString path = file();
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path)) {
            return Core::makeError(Core::Error::Code::Io,
                                   QCoreApplication::translate("Autostart", "Cannot turn off starting at login."),
                                   u"cannot remove "_s + path);
        }
        return {};
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString content = u"[Desktop Entry]\n"
                            u"Type=Application\n"
                            u"Name=Portolan\n"
                            u"Comment=%1\n"
                            u"Exec=%2 --tray\n"
                            u"Icon=%3\n"
                            u"Terminal=false\n"
                            u"X-GNOME-Autostart-enabled=true\n"_s.arg(
                                QCoreApplication::translate("Autostart", "Portolan in the system tray"),
                                quoted(executable), Core::AppInfo::id);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(content.toUtf8()) < 0 || !out.commit()) {
        return Core::makeError(Core::Error::Code::Io,
                               QCoreApplication::translate("Autostart", "Cannot turn on starting at login."),
                               path + u": "_s + out.errorString());
    }
    return {};
}

} // namespace Portolan::Ui::Autostart
