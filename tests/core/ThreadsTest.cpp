// Which pool a thread's parallel work goes to: a thread running below the GUI thread must never start threads of
// Qt's global pool (they would inherit its lower priority, and the raster engine paints on them).
#include "util/Threads.h"

#include <QThread>
#include <QThreadPool>

#include <catch2/catch.hpp>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using namespace Portolan::Core;

namespace {

#if defined(__linux__)
int niceOfCurrentThread()
{
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
}
#endif

} // namespace

TEST_CASE("The GUI thread's parallel work goes to the global pool", "[core][threads]")
{
    CHECK(poolForCurrentThread() == QThreadPool::globalInstance());
}

#if defined(__linux__)
TEST_CASE("A lowered thread's parallel work stays on the background pool", "[core][threads]")
{
    QThreadPool *beforeLowering = nullptr;
    QThreadPool *chosen = nullptr;
    int nice = 0;
    QThread *thread = QThread::create([&] {
        beforeLowering = poolForCurrentThread();
        lowerCurrentThreadPriority();
        nice = niceOfCurrentThread();
        chosen = poolForCurrentThread();
    });
    thread->start();
    REQUIRE(thread->wait(20000));
    delete thread;

    CHECK(beforeLowering == QThreadPool::globalInstance());
    CHECK(nice > ::getpriority(PRIO_PROCESS, static_cast<id_t>(::getpid())));
    CHECK(chosen == backgroundPool());
}
#endif
