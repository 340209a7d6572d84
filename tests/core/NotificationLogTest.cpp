// The notification log: one notification per event (dedupe keys), kept across a reopen, capped, and a broken file
// that costs the history but never the app.
#include "notify/Notification.h"

#include "support/TestSupport.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace {

const QDateTime start = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);

Notification warning(const QString &entity, qint64 before)
{
    Notification n;
    n.kind = Notification::Kind::TtlWarning;
    n.title = u"%1 expires soon"_s.arg(entity);
    n.body = u"In %1 s"_s.arg(before);
    n.target = {u"ttl"_s, entity};
    n.dedupeKey = u"ttl-warning:%1@2027-01-15T08:00:00Z/%2"_s.arg(entity).arg(before);
    return n;
}

} // namespace

TEST_CASE("The notification log notifies one event once", "[core][notify]")
{
    QTemporaryDir dir;
    NotificationLog log(dir.filePath(u"notifications.json"_s));
    REQUIRE(log.load().ok());
    CHECK(log.notifications().isEmpty());

    Notification first = warning(u"resource:default/preview-a"_s, 86400);
    REQUIRE(log.add(first, start));
    CHECK_FALSE(first.id.isEmpty());
    CHECK(first.created == start);
    Notification again = warning(u"resource:default/preview-a"_s, 86400);
    CHECK_FALSE(log.add(again, start.addSecs(60)));
    Notification later = warning(u"resource:default/preview-a"_s, 3600);
    CHECK(log.add(later, start.addSecs(82800)));
    Notification other = warning(u"resource:default/preview-b"_s, 86400);
    CHECK(log.add(other, start.addSecs(90000)));
    CHECK(log.notifications().size() == 3);
    CHECK(log.unreadCount() == 3);

    CHECK(log.markRead(later.id));
    CHECK_FALSE(log.markRead(later.id));
    CHECK(log.unreadCount() == 2);
    CHECK(log.markAllRead());
    CHECK(log.unreadCount() == 0);

    // Cleared notifications stay notified.
    log.clear();
    CHECK(log.notifications().isEmpty());
    Notification cleared = warning(u"resource:default/preview-a"_s, 86400);
    CHECK_FALSE(log.add(cleared, start.addSecs(100000)));
}

TEST_CASE("The notification log keeps its notifications and keys across a reopen, capped", "[core][notify]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"workspaces/abc/notifications.json"_s);
    {
        NotificationLog log(file, 3);
        REQUIRE(log.load().ok());
        for (int i = 0; i < 5; ++i) {
            Notification n = warning(u"resource:default/env-%1"_s.arg(i), 3600);
            n.kind = i == 4 ? Notification::Kind::ApprovalRequested : Notification::Kind::TtlWarning;
            n.runKey = i == 4 ? u"6f1c"_s : QString();
            REQUIRE(log.add(n, start.addSecs(i)));
        }
        REQUIRE(log.markRead(log.notifications().first().id));
        CHECK(log.saveProblem().isEmpty());
    }
    CHECK(QFile::exists(file));

    NotificationLog reopened(file, 3);
    REQUIRE(reopened.load().ok());
    REQUIRE(reopened.notifications().size() == 3); // the newest three
    const Notification &oldest = reopened.notifications().first();
    CHECK(oldest.title == u"resource:default/env-2 expires soon"_s);
    CHECK(oldest.read);
    CHECK(oldest.created == start.addSecs(2));
    CHECK(oldest.target == NotificationTarget{u"ttl"_s, u"resource:default/env-2"_s});
    const Notification &newest = reopened.notifications().last();
    CHECK(newest.kind == Notification::Kind::ApprovalRequested);
    CHECK(newest.runKey == u"6f1c"_s);
    CHECK_FALSE(newest.read);
    CHECK(reopened.unreadCount() == 2);
    // Dropped by the cap, still notified.
    CHECK(reopened.hasSeen(warning(u"resource:default/env-0"_s, 3600).dedupeKey));
    Notification dropped = warning(u"resource:default/env-0"_s, 3600);
    CHECK_FALSE(reopened.add(dropped, start.addSecs(10)));
}

TEST_CASE("A broken notification log is set aside: the log starts empty and works", "[core][notify]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"notifications.json"_s);
    {
        NotificationLog log(file);
        REQUIRE(log.load().ok());
        for (int i = 0; i < 3; ++i) {
            Notification n = warning(u"resource:default/env-%1"_s.arg(i), 3600);
            REQUIRE(log.add(n, start));
        }
    }
    // Cut off mid-write, as by a full disk.
    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadWrite));
    const QByteArray whole = f.readAll();
    f.resize(whole.size() / 2);
    f.close();

    NotificationLog log(file);
    const Result<void> loaded = log.load();
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.contains(u"starts empty"_s));
    CHECK(loaded.error().message.contains(u".broken"_s));
    CHECK_FALSE(loaded.error().detail.isEmpty());
    CHECK(log.notifications().isEmpty());
    QFile aside(file + u".broken"_s);
    REQUIRE(aside.open(QIODevice::ReadOnly));
    CHECK(aside.readAll() == whole.left(whole.size() / 2));
    CHECK_FALSE(QFile::exists(file));

    Notification n = warning(u"resource:default/env-0"_s, 3600);
    CHECK(log.add(n, start));
    NotificationLog reopened(file);
    REQUIRE(reopened.load().ok());
    CHECK(reopened.notifications().size() == 1);

    // Valid JSON of the wrong shape is broken too.
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("[1, 2, 3]");
    f.close();
    NotificationLog wrong(file);
    CHECK_FALSE(wrong.load().ok());
    CHECK(wrong.notifications().isEmpty());
}
