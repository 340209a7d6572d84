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

#include <sys/prctl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace {

// The tests are done once Catch returns; what follows is only the application's teardown. Should that hang (seen
// once in CI, never reproduced: ctest then reports a timeout after "All tests passed"), this prints every thread's
// stack through gdb, when installed, so the next occurrence says where, and ends the process with a failure.
void watchTeardown()
{
    std::thread([] {
        std::this_thread::sleep_for(std::chrono::seconds(60));
        std::fprintf(stderr, "The test process did not exit within 60 s of its last test; its threads:\n");
        std::fflush(stderr);
        prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
        const std::string command =
            "gdb -p " + std::to_string(getpid()) + " -batch -ex 'thread apply all bt' 1>&2 2>/dev/null";
        (void)std::system(command.c_str());
        std::_Exit(70);
    }).detach();
}

} // namespace

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
    const int result = Catch::Session().run(argc, argv);
    watchTeardown();
    return result;
}
