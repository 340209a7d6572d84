#pragma once

namespace Portolan::Core {

// Makes the calling thread yield the CPU to the GUI thread: on Linux its nice value goes up by `niceness` (nice is
// per thread there, and threads it starts inherit it). Background work (syncs, parsing, scorecard evaluation) runs at
// this priority so that on a machine with few cores the GUI thread is scheduled as soon as it has a frame to draw,
// instead of waiting behind busy workers. Elsewhere nothing happens. Cheap; safe to call at the start of every task.
void lowerCurrentThreadPriority(int niceness = 10);

} // namespace Portolan::Core
