// `portolan-cli sync` as a child process: exit codes and output for scripts, and a sync killed with SIGKILL in
// the middle of writing the cache.
#include "cache/CacheDatabase.h"
#include "cache/CatalogStore.h"
#include "config/Paths.h"
#include "config/Workspace.h"
#include "support/TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch.hpp>

#include <csignal>

using namespace Portolan::Core;
using namespace Portolan::Test;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PORTOLAN_CLI), args);
    REQUIRE(p.waitForFinished(120000));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QByteArray components(const QString &prefix, int first, int count)
{
    QByteArray out;
    for (int i = first; i < first + count; ++i) {
        out += u"apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: %1-%2\n"
               u"  description: %1 snapshot, a line long enough to give the cache some bytes to write for each "
               u"entity\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n---\n"_s.arg(prefix)
                   .arg(i)
                   .toUtf8();
    }
    return out;
}

} // namespace

TEST_CASE("sync prints one line per source and exits 1 when one failed", "[core][cli][sync]")
{
    QTemporaryDir dir;
    writeFile(dir, u"catalog/a.yaml"_s, components(u"a"_s, 0, 3));
    writeFile(dir, u"portolan.yaml"_s,
              "credentials: [{name: tok, env: PORTOLAN_TEST_SYNC_TOKEN}]\n"
              "sources:\n  - {id: good, type: files, paths: [catalog]}\n"
              "  - {id: broken, type: files, paths: [nowhere]}\n"
              "  - {id: remote, type: git, url: 'file:///nonexistent/repo.git', credential: tok}\n");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PORTOLAN_TEST_SYNC_TOKEN"_s, u"tok-VERY-SECRET-1234"_s);

    const Run all = cli({u"sync"_s, u"--workspace"_s, dir.path()}, env);
    INFO(all.out.toStdString() << all.err.toStdString());
    CHECK(all.exitCode == 1);
    CHECK(all.out.contains(u"ok      good: 3 entities"_s));
    CHECK(all.out.contains(u"FAILED  broken: None of the source's paths exist"_s));
    CHECK(all.out.contains(u"FAILED  remote: No git repository at file:///nonexistent/repo.git"_s));
    CHECK(all.err.contains(u"3 source(s) synced"_s));
    CHECK_FALSE(all.err.contains(u"\r"_s)); // not a terminal: plain lines, no progress line

    const Run one = cli({u"sync"_s, u"--workspace"_s, dir.path(), u"--source"_s, u"good"_s, u"--json"_s}, env);
    INFO(one.err.toStdString());
    CHECK(one.exitCode == 0);
    const QJsonArray arr = QJsonDocument::fromJson(one.out.toUtf8()).array();
    REQUIRE(arr.size() == 1);
    CHECK(arr.at(0).toObject().value("id"_L1).toString() == u"good"_s);
    CHECK(arr.at(0).toObject().value("state"_L1).toString() == u"ok"_s);
    CHECK(arr.at(0).toObject().value("entities"_L1).toInt() == 3);

    const Run json = cli({u"sync"_s, u"--workspace"_s, dir.path(), u"--json"_s}, env);
    CHECK(json.exitCode == 1);
    CHECK_FALSE(json.out.contains(u"VERY-SECRET"_s));
    CHECK_FALSE(json.err.contains(u"VERY-SECRET"_s));
    const QJsonArray states = QJsonDocument::fromJson(json.out.toUtf8()).array();
    REQUIRE(states.size() == 3);
    for (const QJsonValue &v : states) {
        if (v.toObject().value("id"_L1).toString() == u"remote"_s) {
            CHECK(v.toObject().value("error"_L1).toObject().value("code"_L1).toString() == u"http"_s);
        }
    }

    // The catalog commands read what sync stored.
    const Run list = cli({u"catalog"_s, u"list"_s, u"--workspace"_s, dir.path()}, env);
    CHECK(list.exitCode == 0);
    CHECK(list.out.contains(u"component:default/a-2"_s));

    CHECK(cli({u"sync"_s, u"--workspace"_s, dir.path(), u"--source"_s, u"nope"_s}).exitCode == 2);
}

TEST_CASE("sync holds back a mass deletion unless told to accept it", "[core][cli][sync]")
{
    QTemporaryDir dir;
    writeFile(dir, u"catalog/a.yaml"_s, components(u"a"_s, 0, 20));
    writeFile(dir, u"portolan.yaml"_s, "sources:\n  - {id: main, type: files, paths: [catalog]}\n");
    REQUIRE(cli({u"sync"_s, u"--workspace"_s, dir.path()}).exitCode == 0);
    writeFile(dir, u"catalog/a.yaml"_s, components(u"a"_s, 0, 2));
    const Run held = cli({u"sync"_s, u"--workspace"_s, dir.path()});
    CHECK(held.exitCode == 1);
    CHECK(held.out.contains(u"HELD    main: Held back: this sync would remove 18 of 20 entities"_s));
    CHECK(cli({u"catalog"_s, u"list"_s, u"--workspace"_s, dir.path(), u"--json"_s}).exitCode == 0);
    const Run accepted = cli({u"sync"_s, u"--workspace"_s, dir.path(), u"--accept-deletions"_s});
    CHECK(accepted.exitCode == 0);
    CHECK(accepted.out.contains(u"ok      main: 2 entities"_s));
}

TEST_CASE("A sync killed with SIGKILL while writing leaves the previous snapshot whole", "[core][cli][sync]")
{
    QTemporaryDir dir;
    for (int f = 0; f < 40; ++f) {
        writeFile(dir, u"catalog/part-%1.yaml"_s.arg(f), components(u"first"_s, f * 500, 500));
    }
    writeFile(dir, u"portolan.yaml"_s, "sources:\n  - {id: main, type: files, paths: [catalog]}\n");
    REQUIRE(cli({u"sync"_s, u"--workspace"_s, dir.path()}).exitCode == 0);
    for (int f = 0; f < 40; ++f) {
        writeFile(dir, u"catalog/part-%1.yaml"_s.arg(f), components(u"second"_s, f * 500, 500));
    }
    auto ws = Workspace::open(dir.path());
    REQUIRE(ws.ok());
    const QString cache = Paths::cacheFileFor(ws->cacheKey());
    const QString wal = cache + u"-wal"_s;

    QProcess sync;
    sync.start(QStringLiteral(PORTOLAN_CLI), {u"sync"_s, u"--workspace"_s, dir.path(), u"--accept-deletions"_s});
    REQUIRE(sync.waitForStarted());
    // Kill once the new snapshot has spilled well into the write-ahead log: truly mid-transaction.
    QElapsedTimer timer;
    timer.start();
    while (QFile(wal).size() < 2 * 1024 * 1024 && timer.elapsed() < 60000 && sync.state() == QProcess::Running) {
        QThread::msleep(2);
    }
    REQUIRE(sync.state() == QProcess::Running);
    ::kill(pid_t(sync.processId()), SIGKILL);
    REQUIRE(sync.waitForFinished(10000));
    CHECK(sync.exitStatus() == QProcess::CrashExit);

    CacheDatabase db;
    REQUIRE(db.open(cache).ok());
    QSqlQuery integrity(db.database());
    REQUIRE(integrity.exec(u"PRAGMA integrity_check"_s));
    REQUIRE(integrity.next());
    CHECK(integrity.value(0).toString() == u"ok"_s);
    const auto loaded = CatalogStore(db).loadAll();
    REQUIRE(loaded.ok());
    REQUIRE(loaded->entities.size() == 20000);
    for (const Entity &e : loaded->entities) {
        REQUIRE(e.name.startsWith(u"first-"_s));
    }
    db.close();

    // And the next sync completes.
    const Run again = cli({u"sync"_s, u"--workspace"_s, dir.path(), u"--accept-deletions"_s});
    CHECK(again.exitCode == 0);
    CHECK(again.out.contains(u"20000 entities"_s));
}
