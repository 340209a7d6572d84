#include "Threads.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#if defined(__linux__)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace Portolan::Core {

QThreadPool *makeThreadPool(const char *name, int maxThreads)
{
    auto *pool = new QThreadPool;
    pool->setObjectName(QString::fromLatin1(name));
    pool->setMaxThreadCount(maxThreads);
    pool->setExpiryTimeout(30'000);
    return pool;
}

QThreadPool *backgroundPool()
{
    static QThreadPool *pool = makeThreadPool("portolan-background", QThread::idealThreadCount());
    return pool;
}

QThreadPool *poolForCurrentThread()
{
#if defined(__linux__)
    // Lowered: a nice value above the main thread's (whose thread id is the process id). getpriority() may return
    // -1 as a value, so only errno tells a failure.
    errno = 0;
    const int own = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
    const int main = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::getpid()));
    if (errno == 0 && own > main) {
        return backgroundPool();
    }
#endif
    return QThreadPool::globalInstance();
}

void lowerCurrentThreadPriority(int niceness)
{
    if (const QCoreApplication *app = QCoreApplication::instance(); app && QThread::currentThread() == app->thread()) {
        return;
    }
#if defined(__linux__)
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    thread_local bool lowered = false;
    if (lowered) {
        return;
    }
    lowered = true;
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0 && current < niceness) {
        (void)::setpriority(PRIO_PROCESS, tid, niceness);
    }
#else
    (void)niceness;
#endif
}

} // namespace Portolan::Core
