#pragma once

#include <QDateTime>

#include <atomic>

namespace Portolan::Core {

// Where time comes from, so schedules, backoff and TTLs can be tested without waiting.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0;

    [[nodiscard]] static Clock &system();
};

// A clock that only moves when told to; for tests.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC))
        : m_msecs(start.toMSecsSinceEpoch())
    { }
    [[nodiscard]] QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_msecs.load(), Qt::UTC); }
    void advance(qint64 msecs) { m_msecs.fetch_add(msecs); }

private:
    std::atomic<qint64> m_msecs;
};

} // namespace Portolan::Core
