// Catch2 main that makes the Qt application first (offscreen for GUI tests), as STYLE.md asks.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef PORTOLAN_GUI_TESTS
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

#include <QLoggingCategory>
#include <QTemporaryDir>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QLoggingCategory::setFilterRules(QStringLiteral("portolan.*.info=false"));
    // Caches, clones and local settings of every test (and of the CLI children it starts) go to a folder of
    // this run, never to the user's data folder.
    QTemporaryDir dataDir;
    if (qEnvironmentVariableIsEmpty("PORTOLAN_DATA_DIR")) {
        qputenv("PORTOLAN_DATA_DIR", dataDir.path().toUtf8());
    }
    TestApplication app(argc, argv);
    TestApplication::setApplicationName(QStringLiteral("portolan-tests"));
    return Catch::Session().run(argc, argv);
}
