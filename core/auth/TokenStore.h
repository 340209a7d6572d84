#pragma once

#include "util/Result.h"

#include <QObject>
#include <QQueue>

#include <functional>
#include <memory>

namespace Portolan::Core {

// Secrets (API tokens, passwords) live only in the OS keychain, through QtKeychain (Secret Service on Linux,
// Keychain on macOS, Credential Manager on Windows). Jobs are run one at a time, in order, because backends
// such as the Secret Service misbehave with concurrent jobs. "No entry" is not an error: it reads as an empty
// secret. When no keychain works (no Secret Service, a locked or refused keyring), secrets entered during this
// run are kept in memory only, for this process, and `keychainAvailable()` turns false with a reason; nothing
// is ever written to a file as a fallback.
//
// Keys are "<scope>/<name>", where scope is usually a workspace's cache key, so two workspaces can each have
// a credential called "github".
class TokenStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    using ReadHandler = std::function<void(Result<QString>)>; // ok with an empty string: nothing stored
    using WriteHandler = std::function<void(Result<void>)>;

    explicit TokenStore(QString service = QStringLiteral("Portolan"), QObject *parent = nullptr);
    ~TokenStore() override;

    [[nodiscard]] static QString keyFor(const QString &scope, const QString &name);

    // Handlers run on this object's thread, in the order the calls were made, never inside the call itself. The
    // keychain jobs run on the application's main thread (QtKeychain is not thread-safe), so that thread's event loop
    // must be running. Handlers of calls still pending when the store is destroyed are not called.
    void read(const QString &key, ReadHandler done);
    void write(const QString &key, const QString &secret, WriteHandler done);
    void remove(const QString &key, WriteHandler done);

    // False once a job found no usable keychain; secrets then live in process memory for this run.
    [[nodiscard]] static bool keychainAvailable();
    [[nodiscard]] static QString keychainProblem(); // why not, translated; empty when available
    // For tests: forget the in-memory fallback and the availability verdict.
    static void resetForTests();

Q_SIGNALS:
    // Emitted once by every store alive when the process-wide verdict turns to "unavailable", whichever store (or
    // thread) found out; the store that found out emits it before calling that job's handler.
    void keychainUnavailable(const QString &reason);
    void secretChanged(const QString &key); // after a successful write or remove

private:
    struct Job;
    struct Outcome;
    struct Relay;
    void enqueue(Job *job);
    void runNext();
    void finish(const Outcome &outcome);

    QString m_service;
    QQueue<Job *> m_queue;
    bool m_running = false;
    // Keychain jobs run on the main thread (see runNext); they post their result back through this, which the
    // destructor empties, so a late result never reaches a destroyed store.
    std::shared_ptr<Relay> m_relay;
};

} // namespace Portolan::Core
