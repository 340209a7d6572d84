#pragma once

class QThreadPool;

namespace Portolan::Core {

// The pool for the catalog's own parallel work that the user does not wait on: building a snapshot, decoding the
// cache, evaluating scorecards, freeing an old snapshot. Never Qt's global pool: Qt's raster paint engine hands the
// GUI thread's span fills to the global pool and waits for them, so a second of catalog work queued there froze
// paints for hundreds of milliseconds (seen with perf at 100k entities). What the user waits on (a keystroke's
// search) stays on the global pool. Its threads run below the GUI thread (lowerCurrentThreadPriority).
[[nodiscard]] QThreadPool *backgroundPool();
// A pool of the application's own (never deleted: its threads may still run at exit), named for profiles and
// debuggers, whose idle threads end after 30 s.
[[nodiscard]] QThreadPool *makeThreadPool(const char *name, int maxThreads);

// The pool for the parallel parts of work the calling thread does: Qt's global pool for the GUI thread and the
// threads working for it (a search the user waits on), backgroundPool() for a thread running below the GUI thread.
// A pool's threads are started by the thread that hands it work and inherit its priority (Linux's nice value is per
// thread), and Qt's raster engine paints parts of the window on the global pool and waits for them: a lowered thread
// that started global-pool threads made the window's paints wait behind background work (30-40 ms at 100k).
[[nodiscard]] QThreadPool *poolForCurrentThread();

// Makes the calling thread yield the CPU to the GUI thread: on Linux its nice value goes up by `niceness` (nice is
// per thread there, and threads it starts inherit it). Background work (syncs, parsing, scorecard evaluation) runs at
// this priority so that on a machine with few cores the GUI thread is scheduled as soon as it has a frame to draw,
// instead of waiting behind busy workers. Elsewhere nothing happens. Cheap; safe to call at the start of every task.
// Never lowers the application's main thread (a blocking parallel call runs part of its work on the calling thread).
void lowerCurrentThreadPriority(int niceness = 10);

} // namespace Portolan::Core
