// TokenStore against a real Secret Service (gnome-keyring on its own D-Bus session, as CI runs it), and without
// any keychain, in a child process of this binary whose session bus has no Secret Service at all.
#include "auth/TokenStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <catch2/catch.hpp>

#include <atomic>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;
using Portolan::Core::Error;
using Portolan::Core::Result;
using Portolan::Core::TokenStore;

namespace {

constexpr int kTimeoutMs = 30000;

// Not "Portolan": a developer who runs these tests in their own desktop session keeps their real credentials apart,
// and every test removes what it wrote.
QString testService()
{
    return u"portolan-tests"_s;
}

// The child without a keychain stores this; its output (with every portolan.* log category on) must not show it.
constexpr char kAbsentSecret[] = "ghp_absentKeychainSecret_4f9c2e";

// Keys unique to this process, so parallel ctest runs and leftovers of a crashed run never meet.
QString uniqueKey(const QString &name)
{
    static const QString scope = u"test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return TokenStore::keyFor(scope, name);
}

std::string describe(const Error &error)
{
    return QString(error.message + u" ("_s + error.detail + u')').toStdString();
}

template<typename T>
std::string describe(const Result<T> &result)
{
    return result.ok() ? std::string("ok") : describe(result.error());
}

Result<QString> readNow(TokenStore &store, const QString &key)
{
    std::optional<Result<QString>> result;
    store.read(key, [&result](Result<QString> r) { result.emplace(std::move(r)); });
    REQUIRE(QTest::qWaitFor([&result] { return result.has_value(); }, kTimeoutMs));
    return std::move(*result);
}

Result<void> writeNow(TokenStore &store, const QString &key, const QString &secret)
{
    std::optional<Result<void>> result;
    store.write(key, secret, [&result](Result<void> r) { result.emplace(std::move(r)); });
    REQUIRE(QTest::qWaitFor([&result] { return result.has_value(); }, kTimeoutMs));
    return std::move(*result);
}

Result<void> removeNow(TokenStore &store, const QString &key)
{
    std::optional<Result<void>> result;
    store.remove(key, [&result](Result<void> r) { result.emplace(std::move(r)); });
    REQUIRE(QTest::qWaitFor([&result] { return result.has_value(); }, kTimeoutMs));
    return std::move(*result);
}

// A TokenStore living on its own thread, like the sync worker's. Calls are made on that thread; the handler's
// thread is recorded so tests can check where it ran.
class WorkerStore final
{
public:
    WorkerStore()
    {
        m_thread.start();
        m_store = new TokenStore(testService());
        m_store->moveToThread(&m_thread);
    }
    ~WorkerStore()
    {
        QMetaObject::invokeMethod(
            m_store, [store = m_store] { delete store; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    Q_DISABLE_COPY_MOVE(WorkerStore)

    QThread *thread() { return &m_thread; }
    QThread *lastHandlerThread() const { return m_handlerThread.load(); }

    Result<QString> read(const QString &key)
    {
        std::optional<Result<QString>> result;
        std::atomic_bool done = false;
        QMetaObject::invokeMethod(m_store, [&] {
            m_store->read(key, [&](Result<QString> r) {
                result.emplace(std::move(r));
                m_handlerThread = QThread::currentThread();
                done = true;
            });
        });
        REQUIRE(QTest::qWaitFor([&done] { return done.load(); }, kTimeoutMs));
        return std::move(*result);
    }

    Result<void> write(const QString &key, const QString &secret)
    {
        std::optional<Result<void>> result;
        std::atomic_bool done = false;
        QMetaObject::invokeMethod(m_store, [&] {
            m_store->write(key, secret, [&](Result<void> r) {
                result.emplace(std::move(r));
                m_handlerThread = QThread::currentThread();
                done = true;
            });
        });
        REQUIRE(QTest::qWaitFor([&done] { return done.load(); }, kTimeoutMs));
        return std::move(*result);
    }

private:
    QThread m_thread;
    TokenStore *m_store = nullptr;
    std::atomic<QThread *> m_handlerThread = nullptr;
};

struct ToolRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// secret-tool (libsecret-tools) looks into the Secret Service directly, so a test can tell a secret that really is
// in the keyring from one kept in TokenStore's in-memory fallback.
ToolRun secretTool(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(u"secret-tool"_s, args);
    if (!p.waitForStarted(10000)) {
        FAIL("secret-tool could not be started; install the Debian package libsecret-tools");
    }
    if (!input.isEmpty()) {
        p.write(input);
    }
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(kTimeoutMs));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

// QtKeychain's libsecret backend stores each secret under the schema "org.qt.keychain" with the attributes
// user = the key, server = the service, type = "plaintext" (text) or "base64" (binary data).
QStringList attributesOf(const QString &key)
{
    return {u"user"_s, key, u"server"_s, testService()};
}

ToolRun lookupInKeyring(const QString &key)
{
    return secretTool(QStringList{u"lookup"_s} + attributesOf(key));
}

// Why no Secret Service can be used here, or nothing when one works.
std::optional<QString> secretServiceProblem()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        // Without a bus address, libsecret would try to autolaunch a bus through X11 and leave a dbus-daemon behind.
        return u"DBUS_SESSION_BUS_ADDRESS is not set, so there is no D-Bus session bus"_s;
    }
    TokenStore::resetForTests();
    std::optional<QString> problem;
    {
        TokenStore probe(testService());
        const QString key = uniqueKey(u"probe"_s);
        std::optional<Result<void>> written;
        probe.write(key, u"probe"_s, [&written](Result<void> r) { written.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&written] { return written.has_value(); }, kTimeoutMs)) {
            problem = u"the Secret Service did not answer within 30 s (a locked keyring waiting for a password?)"_s;
        } else if (!written->ok()) {
            problem = QString::fromStdString(describe(*written));
        } else if (!TokenStore::keychainAvailable()) {
            problem = TokenStore::keychainProblem();
        } else {
            (void)removeNow(probe, key);
        }
    }
    TokenStore::resetForTests();
    return problem;
}

// Whether the Secret Service tests can run. Without a working Secret Service they FAIL, with instructions, rather
// than pass silently: CI always provides one (.ci/dev runs ctest under an unlocked gnome-keyring), and a quiet pass
// would hide that secrets were never stored anywhere. On a machine that cannot run a keyring,
// PORTOLAN_TEST_NO_KEYRING=1 turns the failure into a warning and the test returns early (Catch2 v2 has no
// "skipped" result). The verdict is probed once per process; each test starts from a fresh TokenStore state.
bool haveSecretService()
{
    static const std::optional<QString> problem = secretServiceProblem();
    TokenStore::resetForTests();
    if (!problem) {
        return true;
    }
    if (qEnvironmentVariable("PORTOLAN_TEST_NO_KEYRING") == u"1"_s) {
        WARN("Skipped: no usable Secret Service (" << problem->toStdString()
                                                   << "), and PORTOLAN_TEST_NO_KEYRING=1 is set.");
        return false;
    }
    FAIL("No usable Secret Service here:\n  "
         << problem->toStdString()
         << "\nThe [keychain] tests store secrets in a real keyring. Run them the way CI does, under a private"
            " D-Bus session with an unlocked gnome-keyring (packages dbus, gnome-keyring, libsecret-tools, xvfb):\n"
            "  HOME=$(mktemp -d) xvfb-run -a dbus-run-session -- sh -c 'echo pw | gnome-keyring-daemon --unlock"
            " --components=secrets >/dev/null; QT_QPA_PLATFORM=offscreen <build>/tests/portolan_core_tests"
            " \"[keychain]\"'\n"
            "or run .ci/dev test. To skip them with a warning on a machine without a keyring, set"
            " PORTOLAN_TEST_NO_KEYRING=1.");
    return false;
}

} // namespace

TEST_CASE("TokenStore keys are scope/name and an empty key is refused without touching the keychain",
          "[core][keychain]")
{
    TokenStore::resetForTests();
    CHECK(TokenStore::keyFor(u"ws-1"_s, u"github"_s).toStdString() == "ws-1/github");
    CHECK(TokenStore::keyFor(u"ws-1"_s, u"team/github"_s).toStdString() == "ws-1/team/github");
    CHECK(TokenStore::keyFor(QString(), u"github"_s).isEmpty());
    CHECK(TokenStore::keyFor(u"ws-1"_s, QString()).isEmpty());

    TokenStore store(testService());
    bool called = false;
    store.read(QString(), [&called](Result<QString>) { called = true; });
    CHECK_FALSE(called); // never inside the call that queued it

    const Result<QString> read = readNow(store, TokenStore::keyFor(QString(), u"github"_s));
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().code == Error::Code::Credentials);
    CHECK(called);

    const Result<void> written = writeNow(store, QString(), QString::fromLatin1(kAbsentSecret));
    REQUIRE_FALSE(written.ok());
    CHECK_FALSE(written.error().message.contains(QString::fromLatin1(kAbsentSecret)));
    CHECK_FALSE(written.error().detail.contains(QString::fromLatin1(kAbsentSecret)));
    CHECK(TokenStore::keychainAvailable());
}

TEST_CASE("TokenStore writes to the Secret Service and reads back from the same and from a new store",
          "[core][keychain]")
{
    if (!haveSecretService()) {
        return;
    }
    const QString key = uniqueKey(u"github"_s);
    const QString secret = u"ghp_"_s + QUuid::createUuid().toString(QUuid::Id128);
    {
        TokenStore store(testService());
        const Result<void> written = writeNow(store, key, secret);
        REQUIRE(written.ok());
        const Result<QString> read = readNow(store, key);
        INFO(describe(read));
        REQUIRE(read.ok());
        CHECK(read.value().toStdString() == secret.toStdString());
    }
    CHECK(TokenStore::keychainAvailable());
    CHECK(TokenStore::keychainProblem().isEmpty());

    // The in-memory fallback is forgotten, so a new store can only find the secret in the keyring.
    TokenStore::resetForTests();
    TokenStore fresh(testService());
    const Result<QString> again = readNow(fresh, key);
    INFO(describe(again));
    REQUIRE(again.ok());
    CHECK(again.value().toStdString() == secret.toStdString());

    // And the Secret Service itself has it, under QtKeychain's attributes.
    const ToolRun lookup = lookupInKeyring(key);
    INFO(lookup.err.toStdString());
    CHECK(lookup.exitCode == 0);
    CHECK(lookup.out.toStdString() == secret.toStdString());
    const ToolRun search = secretTool(QStringList{u"search"_s, u"--all"_s} + attributesOf(key));
    const std::string listing = QByteArray(search.out + search.err).toStdString(); // attributes are printed on stderr
    INFO(listing);
    CHECK(search.exitCode == 0);
    CHECK_THAT(listing, Catch::Contains("attribute.user = " + key.toStdString()));
    CHECK_THAT(listing, Catch::Contains("attribute.server = " + testService().toStdString()));
    CHECK_THAT(listing, Catch::Contains("attribute.type = plaintext"));
    CHECK_THAT(listing, Catch::Contains("secret = " + secret.toStdString()));

    CHECK(removeNow(fresh, key).ok());
}

TEST_CASE("TokenStore reads a secret that another Secret Service client stored", "[core][keychain]")
{
    if (!haveSecretService()) {
        return;
    }
    const QString key = uniqueKey(u"stored-by-secret-tool"_s);
    const QByteArray secret = "from-secret-tool-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    const ToolRun store = secretTool(QStringList{u"store"_s, u"--label=portolan test"_s} + attributesOf(key)
                                         + QStringList{u"type"_s, u"plaintext"_s},
                                     secret);
    INFO(store.err.toStdString());
    REQUIRE(store.exitCode == 0);

    TokenStore tokens(testService());
    const Result<QString> read = readNow(tokens, key);
    INFO(describe(read));
    REQUIRE(read.ok());
    CHECK(read.value().toStdString() == secret.toStdString());
    CHECK(removeNow(tokens, key).ok());
}

TEST_CASE("TokenStore overwrites a secret in the Secret Service", "[core][keychain]")
{
    if (!haveSecretService()) {
        return;
    }
    const QString key = uniqueKey(u"overwrite"_s);
    TokenStore store(testService());
    REQUIRE(writeNow(store, key, u"first"_s).ok());
    REQUIRE(writeNow(store, key, u"second"_s).ok());

    const Result<QString> read = readNow(store, key);
    REQUIRE(read.ok());
    CHECK(read.value().toStdString() == "second");
    const ToolRun lookup = lookupInKeyring(key);
    CHECK(lookup.exitCode == 0);
    CHECK(lookup.out.toStdString() == "second");
    // One item, not two: an overwrite replaces the old secret.
    const ToolRun search = secretTool(QStringList{u"search"_s, u"--all"_s} + attributesOf(key));
    CHECK(search.out.count("secret = ") == 1);

    CHECK(removeNow(store, key).ok());
}

TEST_CASE("TokenStore removes a secret and then reads it as empty", "[core][keychain]")
{
    if (!haveSecretService()) {
        return;
    }
    const QString key = uniqueKey(u"remove"_s);
    TokenStore store(testService());
    QSignalSpy changed(&store, &TokenStore::secretChanged);
    REQUIRE(writeNow(store, key, u"short-lived"_s).ok());
    REQUIRE(changed.count() == 1);
    CHECK(changed.at(0).at(0).toString() == key);

    const Result<void> removed = removeNow(store, key);
    INFO(describe(removed));
    REQUIRE(removed.ok());
    CHECK(changed.count() == 2);

    const Result<QString> read = readNow(store, key);
    REQUIRE(read.ok());
    CHECK(read.value().isEmpty());
    const ToolRun lookup = lookupInKeyring(key);
    CHECK(lookup.exitCode != 0);
    CHECK(lookup.out.isEmpty());

    // Removing what is not there is done, not an error.
    const Result<void> removedAgain = removeNow(store, key);
    INFO(describe(removedAgain));
    CHECK(removedAgain.ok());
    CHECK(TokenStore::keychainAvailable());
}

TEST_CASE("TokenStore reads a never-written key as an empty secret", "[core][keychain]")
{
    if (!haveSecretService()) {
        return;
    }
    TokenStore store(testService());
    const Result<QString> read = readNow(store, uniqueKey(u"never-written"_s));
    INFO(describe(read));
    REQUIRE(read.ok());
    CHECK(read.value().isEmpty());
    CHECK(TokenStore::keychainAvailable());
    CHECK(TokenStore::keychainProblem().isEmpty());
}

TEST_CASE("TokenStore runs ten queued writes and reads in order", "[core][keychain]")
{
    if (!haveSecretService()) {
        return;
    }
    const QString key = uniqueKey(u"queued"_s);
    TokenStore store(testService());
    std::vector<int> order;
    std::vector<std::string> reads;
    std::vector<std::string> failures;
    // All on one key, queued without waiting: each read must see the write queued just before it.
    for (int i = 0; i < 10; ++i) {
        store.write(key, u"secret-%1"_s.arg(i), [&order, &failures, i](Result<void> r) {
            order.push_back(2 * i);
            if (!r.ok()) {
                failures.push_back(describe(r.error()));
            }
        });
        store.read(key, [&order, &reads, &failures, i](Result<QString> r) {
            order.push_back(2 * i + 1);
            reads.push_back(r.ok() ? r.value().toStdString() : std::string("<error>"));
            if (!r.ok()) {
                failures.push_back(describe(r.error()));
            }
        });
    }
    REQUIRE(QTest::qWaitFor([&order] { return order.size() >= 20; }, 2 * kTimeoutMs));
    QTest::qWait(50); // a handler called twice would show up here
    std::vector<int> expectedOrder(20);
    for (int i = 0; i < 20; ++i) {
        expectedOrder[size_t(i)] = i;
    }
    CHECK(order == expectedOrder);
    CHECK(failures.empty());
    REQUIRE(reads.size() == 10);
    for (int i = 0; i < 10; ++i) {
        CHECK(reads[size_t(i)] == "secret-" + std::to_string(i));
    }
    CHECK(TokenStore::keychainAvailable());
    CHECK(removeNow(store, key).ok());
}

TEST_CASE("TokenStores on two threads share the Secret Service and call handlers on their own thread",
          "[core][keychain]")
{
    if (!haveSecretService()) {
        return;
    }
    const QString key = uniqueKey(u"threads"_s);
    WorkerStore worker;
    TokenStore local(testService());

    REQUIRE(worker.write(key, u"from-worker"_s).ok());
    CHECK(worker.lastHandlerThread() == worker.thread());
    const Result<QString> readHere = readNow(local, key);
    REQUIRE(readHere.ok());
    CHECK(readHere.value().toStdString() == "from-worker");

    REQUIRE(writeNow(local, key, u"from-main"_s).ok());
    const Result<QString> readThere = worker.read(key);
    REQUIRE(readThere.ok());
    CHECK(readThere.value().toStdString() == "from-main");
    CHECK(worker.lastHandlerThread() == worker.thread());
    CHECK(TokenStore::keychainAvailable());

    CHECK(removeNow(local, key).ok());
}

TEST_CASE("Without a keychain secrets live in process memory for this run", "[core][keychain]")
{
    const QString dbusRunSession = QStandardPaths::findExecutable(u"dbus-run-session"_s);
    if (dbusRunSession.isEmpty()) {
        FAIL("dbus-run-session is not installed (Debian package dbus): this test runs this binary again on a private"
             " D-Bus session bus that has no Secret Service.");
    }
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // A bus with no service directories: the standard session configuration would start gnome-keyring on demand,
    // and under Xvfb its password prompt would wait for ever.
    const QString busConfig = dir.filePath(u"session.conf"_s);
    QFile config(busConfig);
    REQUIRE(config.open(QIODevice::WriteOnly));
    config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                 " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                 "<busconfig>\n"
                 "  <type>session</type>\n"
                 "  <listen>unix:tmpdir="
                 + QFile::encodeName(dir.path())
                 + "</listen>\n"
                   "  <auth>EXTERNAL</auth>\n"
                   "  <policy context=\"default\">\n"
                   "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                   "    <allow eavesdrop=\"true\"/>\n"
                   "    <allow own=\"*\"/>\n"
                   "  </policy>\n"
                   "</busconfig>\n");
    config.close();

    const QString home = dir.filePath(u"home"_s);
    REQUIRE(QDir().mkpath(home));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No display: nothing may show a prompt. No inherited bus or keyring: dbus-run-session provides the bus.
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL"}) {
        env.remove(QString::fromLatin1(name));
    }
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    env.insert(u"XDG_CACHE_HOME"_s, home + u"/.cache"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"QT_LOGGING_RULES"_s, u"portolan.*=true"_s); // every log line, to check none shows the secret
    env.insert(u"PORTOLAN_TEST_KEYCHAIN_ABSENT_CHILD"_s, u"1"_s);

    QProcess child;
    child.setProcessEnvironment(env);
    child.start(dbusRunSession, {u"--config-file="_s + busConfig, u"--"_s, QCoreApplication::applicationFilePath(),
                                 u"[keychain-absent-child]"_s});
    REQUIRE(child.waitForStarted(10000));
    REQUIRE(child.waitForFinished(4 * kTimeoutMs));
    const QByteArray output = child.readAllStandardOutput() + child.readAllStandardError();
    INFO("child output:\n" << output.toStdString());
    REQUIRE(child.exitStatus() == QProcess::NormalExit);
    CHECK(child.exitCode() == 0);
    CHECK(output.contains("in 1 test case")); // the child test really ran
    CHECK_FALSE(output.contains(kAbsentSecret));
}

// Runs only as the child of the test above, on a session bus without any Secret Service.
TEST_CASE("Keychain-absent child: secrets stay in process memory", "[.keychain-absent-child]")
{
    if (qEnvironmentVariable("PORTOLAN_TEST_KEYCHAIN_ABSENT_CHILD") != u"1"_s) {
        FAIL("This test is started by \"Without a keychain secrets live in process memory for this run\" on a"
             " private D-Bus session bus with no Secret Service; run that one instead.");
    }
    const QString secret = QString::fromLatin1(kAbsentSecret);
    const QString key = TokenStore::keyFor(u"absent"_s, u"github"_s);
    TokenStore::resetForTests();
    REQUIRE(TokenStore::keychainAvailable()); // nobody has asked yet

    TokenStore first(testService());
    TokenStore bystander(testService()); // exists before the verdict, so it is told too
    WorkerStore worker; // another thread's store, like the sync worker's
    QSignalSpy firstUnavailable(&first, &TokenStore::keychainUnavailable);
    QSignalSpy bystanderUnavailable(&bystander, &TokenStore::keychainUnavailable);

    const Result<void> written = writeNow(first, key, secret);
    INFO(describe(written));
    REQUIRE(written.ok()); // into memory
    CHECK_FALSE(TokenStore::keychainAvailable());
    const QString problem = TokenStore::keychainProblem();
    INFO("problem: " << problem.toStdString());
    CHECK_FALSE(problem.isEmpty());
    CHECK_FALSE(problem.contains(secret));
    REQUIRE(firstUnavailable.count() == 1); // emitted before the handler ran
    CHECK(firstUnavailable.at(0).at(0).toString() == problem);
    CHECK(QTest::qWaitFor([&bystanderUnavailable] { return bystanderUnavailable.count() == 1; }, kTimeoutMs));

    const Result<QString> read = readNow(first, key);
    REQUIRE(read.ok());
    CHECK(read.value().toStdString() == secret.toStdString());

    TokenStore second(testService());
    QSignalSpy secondUnavailable(&second, &TokenStore::keychainUnavailable);
    const Result<QString> readBySecond = readNow(second, key);
    REQUIRE(readBySecond.ok());
    CHECK(readBySecond.value().toStdString() == secret.toStdString());

    const Result<QString> readByWorker = worker.read(key);
    REQUIRE(readByWorker.ok());
    CHECK(readByWorker.value().toStdString() == secret.toStdString());
    CHECK(worker.lastHandlerThread() == worker.thread());
    REQUIRE(worker.write(key, u"from-worker"_s).ok());
    const Result<QString> afterWorkerWrite = readNow(second, key);
    REQUIRE(afterWorkerWrite.ok());
    CHECK(afterWorkerWrite.value().toStdString() == "from-worker");

    // Secrets are kept per service, as in the keychain.
    TokenStore otherService(u"portolan-tests-other"_s);
    const Result<QString> elsewhere = readNow(otherService, key);
    REQUIRE(elsewhere.ok());
    CHECK(elsewhere.value().isEmpty());

    REQUIRE(removeNow(second, key).ok());
    const Result<QString> afterRemove = readNow(first, key);
    REQUIRE(afterRemove.ok());
    CHECK(afterRemove.value().isEmpty());

    // The verdict is announced once per store, not on every call.
    QTest::qWait(50);
    CHECK(firstUnavailable.count() == 1);
    CHECK(bystanderUnavailable.count() == 1);
    CHECK(secondUnavailable.count() == 0);
}
