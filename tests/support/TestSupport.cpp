#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Portolan::Test {

QString corpusPath(const QString &relative)
{
    return QDir::cleanPath(QStringLiteral(PORTOLAN_CORPUS_DIR) + QLatin1Char('/') + relative);
}

QString dataPath(const QString &relative)
{
    return QDir::cleanPath(QStringLiteral(PORTOLAN_TEST_DATA_DIR) + QLatin1Char('/') + relative);
}

QString writeFile(const QTemporaryDir &dir, const QString &relative, const QByteArray &content)
{
    const QString path = dir.filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(content);
    }
    return path;
}

QString describe(const Core::ErrorList &problems)
{
    QString out;
    for (const Core::Error &e : problems) {
        out += e.toString() + QLatin1Char('\n');
    }
    return out;
}

int countErrors(const Core::ErrorList &problems)
{
    return int(std::count_if(problems.cbegin(), problems.cend(), [](const Core::Error &e) { return e.isError(); }));
}

} // namespace Portolan::Test
