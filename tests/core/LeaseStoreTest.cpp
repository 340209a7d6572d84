// Leases on event keys: one winner when processes race for a key (files on one machine, a branch of a real git
// repository behind `git daemon` across machines, Lease objects on a Kubernetes API server), takeover of a lease whose
// holder vanished, never of a finished one.
#include "automation/LeaseStore.h"

#include "support/GitDaemon.h"
#include "support/HttpTestServer.h"
#include "support/KubeTestServer.h"
#include "support/TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace {

// Starts `racers` claimer processes, lets them all go at once, and returns what each printed.
QStringList race(const QStringList &storeArgs, const QString &key, int racers, const QString &scratch)
{
    const QString start = scratch + u"/start-"_s + QString::number(qHash(key));
    QFile::remove(start);
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < racers; ++i) {
        auto p = std::make_unique<QProcess>();
        QStringList args = storeArgs;
        if (args.first() == u"git"_s) {
            args[2] = scratch + u"/clone-"_s + QString::number(i); // each racer is another machine
        }
        p->start(QStringLiteral(PORTOLAN_LEASE_CLAIMER), args << key << u"racer-%1"_s.arg(i) << start);
        REQUIRE(p->waitForStarted());
        processes.push_back(std::move(p));
    }
    QFile go(start);
    REQUIRE(go.open(QIODevice::WriteOnly));
    go.close();
    QStringList out;
    // The Kubernetes test server answers on this thread: wait with the event loop running.
    REQUIRE(Portolan::Test::spinUntil(
        [&processes] {
            return std::all_of(processes.cbegin(), processes.cend(),
                               [](const auto &p) { return p->state() == QProcess::NotRunning; });
        },
        60000));
    for (auto &p : processes) {
        INFO(p->readAllStandardError().toStdString());
        CHECK(p->exitCode() == 0);
        out << QString::fromUtf8(p->readAllStandardOutput()).trimmed();
    }
    return out;
}

void checkOneWinner(const QStringList &results)
{
    INFO(results.join(u" | "_s).toStdString());
    CHECK(results.count(u"won"_s) == 1);
    const qsizetype winner = results.indexOf(u"won"_s);
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (i != winner) {
            CHECK(results.at(i) == u"lost racer-%1"_s.arg(winner));
        }
    }
}

void checkLifecycle(LeaseStore &store)
{
    const QDateTime t0 = QDateTime::fromString(u"2026-11-28T10:00:00Z"_s, Qt::ISODate);
    auto first = store.claim(u"ttl-expired:resource:default/a"_s, u"app-1"_s, t0, 600);
    REQUIRE(first.ok());
    CHECK(first->won);
    // Held: another holder loses and learns who has it; the holder itself may claim again (a retry).
    auto second = store.claim(u"ttl-expired:resource:default/a"_s, u"cron"_s, t0.addSecs(60), 600);
    REQUIRE(second.ok());
    CHECK_FALSE(second->won);
    CHECK(second->holder == u"app-1"_s);
    CHECK(store.claim(u"ttl-expired:resource:default/a"_s, u"app-1"_s, t0.addSecs(60), 600)->won);
    // Only the holder finishes it.
    CHECK_FALSE(store.complete(u"ttl-expired:resource:default/a"_s, u"cron"_s, t0.addSecs(70)).ok());
    // Its holder vanished: after `until`, another takes it over.
    auto takeover = store.claim(u"ttl-expired:resource:default/a"_s, u"cron"_s, t0.addSecs(60 + 601), 600);
    REQUIRE(takeover.ok());
    CHECK(takeover->won);
    REQUIRE(store.complete(u"ttl-expired:resource:default/a"_s, u"cron"_s, t0.addSecs(700)).ok());
    // Finished: nobody claims it again, however late.
    auto after = store.claim(u"ttl-expired:resource:default/a"_s, u"app-1"_s, t0.addSecs(86400), 600);
    REQUIRE(after.ok());
    CHECK_FALSE(after->won);
    CHECK(after->done);
    CHECK(after->holder == u"cron"_s);
    // Other keys are other leases.
    CHECK(store.claim(u"ttl-expired:resource:default/b"_s, u"app-1"_s, t0, 600)->won);
}

} // namespace

TEST_CASE("File leases: one winner of three racing processes, takeover, finished for good", "[leases]")
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"leases"_s);
    SECTION("lifecycle")
    {
        auto store = makeFileLeaseStore(folder);
        checkLifecycle(*store);
    }
    SECTION("three processes race for each of five keys")
    {
        for (int k = 0; k < 5; ++k) {
            checkOneWinner(race({u"file"_s, folder}, u"ttl-expired:resource:default/env-%1"_s.arg(k), 3, dir.path()));
        }
    }
}

TEST_CASE("Git leases on a branch of a real repository: one winner across three clones", "[leases][git]")
{
    Portolan::Test::GitDaemon daemon;
    if (!daemon.start()) {
        FAIL(daemon.error().toStdString());
    }
    daemon.create(u"platform"_s, {{u"README.md"_s, "platform config\n"}});
    const QString url = daemon.url(u"platform"_s);
    QTemporaryDir dir;
    SECTION("lifecycle")
    {
        auto store = makeGitLeaseStore(url, dir.filePath(u"clone"_s));
        checkLifecycle(*store);
        // The leases are commits on their own branch; main is untouched.
        const QString log =
            daemon.git({u"log"_s, u"--format=%s"_s, u"portolan-leases"_s}, daemon.barePath(u"platform"_s));
        CHECK(log.contains(u"Lease ttl-expired:resource:default/a for app-1"_s));
        CHECK(log.contains(u"Done: ttl-expired:resource:default/a by cron"_s));
        CHECK(daemon.git({u"log"_s, u"--format=%s"_s, u"main"_s}, daemon.barePath(u"platform"_s)).count(u'\n') <= 1);
    }
    SECTION("three clones race for each of three keys, the first when the branch does not exist yet")
    {
        for (int k = 0; k < 3; ++k) {
            checkOneWinner(
                race({u"git"_s, url, QString()}, u"ttl-expired:resource:default/env-%1"_s.arg(k), 3, dir.path()));
        }
    }
}

TEST_CASE("Kubernetes leases: Lease objects on an API server, one winner of three racing processes",
          "[leases][kubernetes]")
{
    Portolan::Test::KubeTestServer server;
    REQUIRE(server.listen());
    server.setToken(u"lease-token"_s);
    QTemporaryDir dir;
    const QString kubeconfig = Portolan::Test::writeFile(
        dir, u"kubeconfig"_s,
        u"apiVersion: v1\nkind: Config\ncurrent-context: k3s\nclusters:\n- name: k3s\n  cluster:\n    server: %1\n"
        "users:\n- name: automations\n  user:\n    token: lease-token\ncontexts:\n- name: k3s\n  context:\n"
        "    cluster: k3s\n    user: automations\n"_s.arg(server.url().toString())
            .toUtf8());
    SECTION("lifecycle")
    {
        auto store = makeKubeLeaseStore(u"k3s"_s, u"platform-automation"_s, {kubeconfig});
        CHECK(store->describe() == u"Lease objects in namespace platform-automation of context k3s"_s);
        checkLifecycle(*store);
        // One Lease per key, named after its hash, with the key and the holder as Kubernetes shows them.
        CHECK(server.objectCount(u"leases"_s) == 2);
        const QString name =
            u"portolan-"_s
            + QString::fromLatin1(
                QCryptographicHash::hash("ttl-expired:resource:default/a", QCryptographicHash::Sha1).toHex());
        const QJsonObject lease = server.object(u"leases"_s, u"platform-automation"_s, name);
        REQUIRE_FALSE(lease.isEmpty());
        CHECK(lease["kind"_L1].toString() == u"Lease"_s);
        CHECK(lease["metadata"_L1]["annotations"_L1]["portolan.dev/lease-key"_L1].toString()
              == u"ttl-expired:resource:default/a"_s);
        CHECK(lease["metadata"_L1]["annotations"_L1]["portolan.dev/lease-done"_L1].toString() == u"true"_s);
        CHECK(lease["spec"_L1]["holderIdentity"_L1].toString() == u"cron"_s);
        CHECK(lease["spec"_L1]["leaseDurationSeconds"_L1].toInt() == 600);
        CHECK(lease["spec"_L1]["leaseTransitions"_L1].toInt() == 1); // app-1, then the takeover by cron
        CHECK(lease["spec"_L1]["acquireTime"_L1].toString().endsWith(u".000000Z"_s)); // MicroTime
        for (const auto &r : server.requests()) {
            CHECK(r.authorization == "Bearer lease-token");
        }
        CHECK(server.violations().isEmpty());
    }
    SECTION("three processes race for each of five keys")
    {
        for (int k = 0; k < 5; ++k) {
            checkOneWinner(race({u"kube"_s, kubeconfig, u"k3s/platform-automation"_s},
                                u"ttl-expired:resource:default/env-%1"_s.arg(k), 3, dir.path()));
        }
        CHECK(server.objectCount(u"leases"_s) == 5);
        CHECK(server.violations().isEmpty());
    }
}
