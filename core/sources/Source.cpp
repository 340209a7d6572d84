#include "Source.h"
#include "util/Threads.h"

#include <QThread>
#include <QTimer>

namespace Portolan::Core {

QThreadPool *Source::blockingPool()
{
    // Kept apart from the global pool on purpose: a source's blocking task (a git fetch, a folder read) fans its
    // parsing out onto the global pool and waits for it. Were the task itself on the global pool, as many syncing
    // sources as the pool has threads would each hold a thread while waiting for a free one: a deadlock on a
    // two-core machine with two sources.
    static QThreadPool *pool = makeThreadPool("portolan-sources", std::max(4, QThread::idealThreadCount()));
    return pool;
}

QThreadPool *Source::parsePool()
{
    static QThreadPool *pool = makeThreadPool("portolan-parse", QThread::idealThreadCount());
    return pool;
}

void Source::finishLater(quint64 generation, const Error &error)
{
    QTimer::singleShot(0, this, [this, generation, error] {
        if (generation == m_generation) {
            Q_EMIT finished(error);
        }
    });
}

} // namespace Portolan::Core
