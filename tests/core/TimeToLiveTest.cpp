// Time to live: durations, expiries read from the catalog's annotations (unreadable ones reported, never expired by
// mistake), and which warnings and expiries come due as an injected clock moves on.
#include "ttl/TimeToLive.h"
#include "catalog/DescriptorReader.h"
#include "util/Clock.h"

#include "support/TestSupport.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace {

Catalog::Ptr catalogOf(const QByteArray &yaml)
{
    const FileReadResult read = DescriptorReader::readData(yaml, u"environments.yaml"_s, {});
    INFO(Portolan::Test::describe(read.problems).toStdString());
    REQUIRE(read.problems.isEmpty());
    std::vector<Entity> entities;
    for (const auto &document : read.documents) {
        Entity e = Entity::fromEnvelope(document.root);
        e.origin.file = u"environments.yaml"_s;
        e.origin.line = document.start.line;
        entities.push_back(std::move(e));
    }
    return Catalog::build(std::move(entities));
}

QByteArray environment(const char *name, const QByteArray &annotations)
{
    return QByteArray("---\napiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: ") + name
           + "\n  annotations:\n" + annotations + "spec:\n  type: environment\n  owner: platform-team\n";
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

} // namespace

TEST_CASE("Durations of a time to live", "[ttl]")
{
    const auto seconds = [](const char *text) {
        const auto r = TimeToLive::parseDuration(QString::fromLatin1(text));
        return r.ok() ? *r : qint64(-1);
    };
    CHECK(seconds("90m") == 90 * 60);
    CHECK(seconds("4h") == 4 * 3600);
    CHECK(seconds("1d") == 86400);
    CHECK(seconds("2w") == 14 * 86400);
    CHECK(seconds("1d12h") == 36 * 3600);
    CHECK(seconds(" 1d 12h ") == 36 * 3600);
    CHECK(seconds("30s") == 30);
    CHECK(seconds("PT4H") == 4 * 3600);
    CHECK(seconds("P1DT2H30M") == 86400 + 2 * 3600 + 30 * 60);
    CHECK(seconds("P2W") == 14 * 86400);
    for (const char *bad : {"", "0h", "4", "four hours", "4x", "P", "PT", "-1d", "1d-2h", "100000d"}) {
        INFO(bad);
        const auto r = TimeToLive::parseDuration(QString::fromLatin1(bad));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.contains(u"“"_s + QString::fromLatin1(bad).trimmed() + u"”"_s));
    }
    CHECK(TimeToLive::formatDuration(86400 + 4 * 3600 + 59) == u"1 d 4 h"_s);
    CHECK(TimeToLive::formatDuration(3 * 3600 + 5 * 60) == u"3 h 5 min"_s);
    CHECK(TimeToLive::formatDuration(45 * 60) == u"45 min"_s);
    CHECK(TimeToLive::formatDuration(-20) == u"20 s"_s);
}

TEST_CASE("Expiries come from the catalog's annotations: broken ones are reported, not expired", "[ttl]")
{
    const Catalog::Ptr catalog = catalogOf(
        environment("preview-a", "    portolan.dev/ttl: 1d\n    portolan.dev/created-at: \"2026-11-28T04:00:00Z\"\n")
        + environment("preview-extended", "    portolan.dev/ttl: 4h\n    portolan.dev/created-at: "
                                          "\"2026-11-28T04:00:00Z\"\n    portolan.dev/expires-at: "
                                          "\"2026-12-01T00:00:00Z\"\n")
        + environment("grant", "    portolan.dev/expires-at: \"2026-11-28T06:00:00+02:00\"\n")
        + environment("bad-ttl", "    portolan.dev/ttl: soon\n    portolan.dev/created-at: \"2026-11-28T04:00:00Z\"\n")
        + environment("no-start", "    portolan.dev/ttl: 1d\n")
        + environment("local-time", "    portolan.dev/ttl: 1d\n    portolan.dev/created-at: \"2026-11-28T04:00:00\"\n")
        + environment("forever", "    backstage.io/techdocs-ref: dir:.\n"));
    ErrorList problems;
    const QList<Expiry> list = TimeToLive::expiries(*catalog, &problems);
    REQUIRE(list.size() == 3);
    // Soonest first; the zone of expires-at is honoured; expires-at wins over created-at + ttl.
    CHECK(list.at(0).entityRef == u"resource:default/grant"_s);
    CHECK(list.at(0).expiresAt == utc("2026-11-28T04:00:00Z"));
    CHECK(list.at(1).entityRef == u"resource:default/preview-a"_s);
    CHECK(list.at(1).expiresAt == utc("2026-11-29T04:00:00Z"));
    CHECK(list.at(1).ttlSeconds == 86400);
    CHECK(list.at(1).owner == u"platform-team"_s);
    CHECK(list.at(2).entityRef == u"resource:default/preview-extended"_s);
    CHECK(list.at(2).expiresAt == utc("2026-12-01T00:00:00Z"));
    CHECK(list.at(1).secondsLeft(utc("2026-11-29T03:00:00Z")) == 3600);

    REQUIRE(problems.size() == 3);
    for (const Error &e : problems) {
        INFO(e.message.toStdString());
        CHECK(e.file == u"environments.yaml"_s);
        CHECK(e.line > 0);
        CHECK(e.field.startsWith(u"metadata.annotations.portolan.dev/"_s));
    }
    CHECK(problems.at(0).detail == u"resource:default/bad-ttl"_s);
    CHECK(problems.at(0).field == u"metadata.annotations.portolan.dev/ttl"_s);
    CHECK(problems.at(1).field == u"metadata.annotations.portolan.dev/created-at"_s);
    CHECK(problems.at(2).message.contains(u"zone"_s));
}

TEST_CASE("Warnings and expiries come due once each as the clock moves on", "[ttl]")
{
    const Catalog::Ptr catalog = catalogOf(
        environment("preview-a", "    portolan.dev/ttl: 2d\n    portolan.dev/created-at: \"2026-11-28T00:00:00Z\"\n"));
    const QList<Expiry> list = TimeToLive::expiries(*catalog);
    REQUIRE(list.size() == 1);
    const TtlPolicy policy; // 24 h and 1 h before
    ManualClock clock(utc("2026-11-28T00:00:00Z"));

    // Every ten minutes for three days, as the app's timer would look.
    QStringList seen;
    QDateTime last;
    for (int step = 0; step < 3 * 24 * 6; ++step) {
        const QDateTime now = clock.now();
        for (const TtlEvent &event : TimeToLive::dueEvents(list, policy, last, now)) {
            seen << event.key;
            CHECK(event.at <= now);
            CHECK(event.at > now.addSecs(-600));
        }
        last = now;
        clock.advance(10 * 60 * 1000);
    }
    CHECK(seen
          == QStringList{u"ttl-warning:resource:default/preview-a@2026-11-30T00:00:00Z-86400"_s,
                         u"ttl-warning:resource:default/preview-a@2026-11-30T00:00:00Z-3600"_s,
                         u"ttl-expired:resource:default/preview-a@2026-11-30T00:00:00Z"_s});

    SECTION("after the app was closed, only the newest event of an expiry is due")
    {
        const auto events =
            TimeToLive::dueEvents(list, policy, utc("2026-11-28T01:00:00Z"), utc("2026-11-29T23:30:00Z"));
        REQUIRE(events.size() == 1);
        CHECK(events.first().kind == TtlEvent::Kind::Warning);
        CHECK(events.first().before == 3600);
        const auto late = TimeToLive::dueEvents(list, policy, utc("2026-11-28T01:00:00Z"), utc("2026-12-05T00:00:00Z"));
        REQUIRE(late.size() == 1);
        CHECK(late.first().kind == TtlEvent::Kind::Expired);
        // The first look ever (no earlier check) still sees an expiry that is past.
        CHECK(TimeToLive::dueEvents(list, policy, {}, utc("2026-12-05T00:00:00Z")).size() == 1);
    }
    SECTION("an extension moves the expiry, and its warnings come again under new keys")
    {
        const Catalog::Ptr extended = catalogOf(
            environment("preview-a", "    portolan.dev/ttl: 2d\n    portolan.dev/created-at: \"2026-11-28T00:00:00Z\"\n"
                                     "    portolan.dev/expires-at: \"2026-12-02T00:00:00Z\"\n"));
        const auto events = TimeToLive::dueEvents(TimeToLive::expiries(*extended), policy, utc("2026-11-30T23:50:00Z"),
                                                  utc("2026-12-01T00:00:00Z"));
        REQUIRE(events.size() == 1);
        CHECK(events.first().key == u"ttl-warning:resource:default/preview-a@2026-12-02T00:00:00Z-86400"_s);
        CHECK_FALSE(seen.contains(events.first().key));
    }
}
