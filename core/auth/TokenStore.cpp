#include "TokenStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QPair>
#include <QPointer>
#include <QSet>

#include <qt6keychain/keychain.h>

#include <optional>

using namespace Qt::StringLiterals;

namespace {
// Never log a secret here, at any level: only keys, error codes and backend messages.
Q_LOGGING_CATEGORY(lcAuth, "portolan.auth", QtInfoMsg)
} // namespace

namespace Portolan::Core {

namespace {

// One verdict and one in-memory fallback for the whole process: the GUI thread and the sync worker each have a
// TokenStore, and a token typed into the GUI while the keychain is down must still reach the worker.
struct SharedState
{
    QMutex mutex;
    bool available = true;
    QString problem;
    QHash<QPair<QString, QString>, QString> memory; // (service, key) -> secret, for this run only
    QSet<TokenStore *> stores; // live stores, so each one hears when the keychain goes away
};

SharedState &shared()
{
    static SharedState state;
    return state;
}

QString unavailableReason(QKeychain::Error code, const QString &backendMessage)
{
    switch (code) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return QCoreApplication::translate("TokenStore",
                                           "No keychain service is available (on Linux, a Secret Service such as "
                                           "GNOME Keyring or KWallet). Credentials entered now are kept in memory "
                                           "until Portolan quits.");
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return QCoreApplication::translate("TokenStore",
                                           "Access to the keychain was denied; it may be locked. Credentials "
                                           "entered now are kept in memory until Portolan quits.");
    default:
        return QCoreApplication::translate("TokenStore",
                                           "The keychain cannot be used (%1). Credentials entered now are kept in "
                                           "memory until Portolan quits.")
            .arg(backendMessage.isEmpty() ? QCoreApplication::translate("TokenStore", "unknown error")
                                          : backendMessage);
    }
}

bool meansUnavailable(QKeychain::Error code)
{
    switch (code) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
    // What libsecret reports when no Secret Service answers on the bus, or the default collection is missing
    // or locked and cannot be unlocked.
    case QKeychain::OtherError:
        return true;
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
        return false;
    }
    return false;
}

// Records the verdict once. Returns the reason when this call made the keychain unavailable, so the caller's store
// emits the signal itself before its handler runs; every other live store is told through its own event loop.
std::optional<QString> markUnavailable(const TokenStore *reporter, QKeychain::Error code, const QString &message)
{
    SharedState &s = shared();
    QMutexLocker lock(&s.mutex);
    if (!s.available) {
        return std::nullopt;
    }
    s.available = false;
    s.problem = unavailableReason(code, message);
    qCWarning(lcAuth).noquote()
        << u"keychain unavailable (QtKeychain error %1: %2); keeping credentials in memory for this run"_s
               .arg(int(code))
               .arg(message);
    const QString reason = s.problem;
    // Posting while holding the lock: a store unregisters under the same lock, so none of these is destroyed
    // before its event is queued, and a destroyed store's pending events are discarded with it.
    for (TokenStore *store : std::as_const(s.stores)) {
        if (store != reporter) {
            QMetaObject::invokeMethod(
                store, [store, reason] { Q_EMIT store->keychainUnavailable(reason); }, Qt::QueuedConnection);
        }
    }
    return reason;
}

} // namespace

struct TokenStore::Job
{
    enum class Kind { Read, Write, Remove };
    Kind kind = Kind::Read;
    QString key;
    QString secret;
    ReadHandler readDone;
    WriteHandler writeDone;
};

struct TokenStore::Outcome
{
    bool keychainUsed = false; // false: answered without asking the keychain (known unavailable, or a bad key)
    QKeychain::Error code = QKeychain::NoError;
    QString message; // technical, from the backend; never contains the secret
    QString secret;
};

struct TokenStore::Relay
{
    QMutex mutex;
    TokenStore *store = nullptr; // null once the store is destroyed
};

TokenStore::TokenStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_relay(std::make_shared<Relay>())
{
    m_relay->store = this;
    QMutexLocker lock(&shared().mutex);
    shared().stores.insert(this);
}

TokenStore::~TokenStore()
{
    {
        QMutexLocker lock(&shared().mutex);
        shared().stores.remove(this);
    }
    {
        QMutexLocker lock(&m_relay->mutex);
        m_relay->store = nullptr;
    }
    // Handlers of jobs still waiting are dropped, not called: their owner is usually being destroyed too.
    qDeleteAll(m_queue);
}

QString TokenStore::keyFor(const QString &scope, const QString &name)
{
    if (scope.isEmpty() || name.isEmpty()) {
        return {}; // read, write and remove refuse an empty key with an error
    }
    return scope + u'/' + name;
}

void TokenStore::read(const QString &key, ReadHandler done)
{
    enqueue(new Job{Job::Kind::Read, key, {}, std::move(done), {}});
}

void TokenStore::write(const QString &key, const QString &secret, WriteHandler done)
{
    enqueue(new Job{Job::Kind::Write, key, secret, {}, std::move(done)});
}

void TokenStore::remove(const QString &key, WriteHandler done)
{
    enqueue(new Job{Job::Kind::Remove, key, {}, {}, std::move(done)});
}

bool TokenStore::keychainAvailable()
{
    QMutexLocker lock(&shared().mutex);
    return shared().available;
}

QString TokenStore::keychainProblem()
{
    QMutexLocker lock(&shared().mutex);
    return shared().problem;
}

void TokenStore::resetForTests()
{
    QMutexLocker lock(&shared().mutex);
    shared().available = true;
    shared().problem.clear();
    shared().memory.clear();
}

void TokenStore::enqueue(Job *job)
{
    m_queue.enqueue(job);
    runNext();
}

void TokenStore::runNext()
{
    if (m_running || m_queue.isEmpty()) {
        return;
    }
    m_running = true;
    const Job &job = *m_queue.head();

    if (job.key.isEmpty() || !keychainAvailable() || !QCoreApplication::instance()) {
        // Answered without the keychain, but still from the event loop: a handler never runs inside the call that
        // queued it, and it keeps its place in the order.
        QMetaObject::invokeMethod(
            this, [this] { finish(Outcome{}); }, Qt::QueuedConnection);
        return;
    }

    // QtKeychain queues every job in one process-wide executor that is not thread-safe and stays on the thread
    // that first used it, and libsecret answers on that thread's GLib context. So every store, whatever its
    // thread, starts its jobs on the main thread, one per store at a time, and gets the result posted back.
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [kind = job.kind, service = m_service, key = job.key, secret = job.secret, relay = m_relay] {
            QKeychain::Job *keychainJob = nullptr;
            switch (kind) {
            case Job::Kind::Read:
                keychainJob = new QKeychain::ReadPasswordJob(service);
                break;
            case Job::Kind::Write: {
                auto *writeJob = new QKeychain::WritePasswordJob(service);
                writeJob->setTextData(secret);
                keychainJob = writeJob;
                break;
            }
            case Job::Kind::Remove:
                keychainJob = new QKeychain::DeletePasswordJob(service);
                break;
            }
            // No setInsecureFallback: on Linux it does nothing, and elsewhere it would write secrets to a file.
            keychainJob->setAutoDelete(true);
            keychainJob->setKey(key);
            QObject::connect(keychainJob, &QKeychain::Job::finished, keychainJob, [kind, relay](QKeychain::Job *done) {
                Outcome outcome;
                outcome.keychainUsed = true;
                outcome.code = done->error();
                outcome.message = done->errorString();
                if (kind == Job::Kind::Read && outcome.code == QKeychain::NoError) {
                    outcome.secret = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
                }
                QMutexLocker lock(&relay->mutex);
                if (TokenStore *store = relay->store) {
                    QMetaObject::invokeMethod(
                        store, [store, outcome] { store->finish(outcome); }, Qt::QueuedConnection);
                }
            });
            keychainJob->start();
        },
        Qt::QueuedConnection);
}

void TokenStore::finish(const Outcome &outcome)
{
    Q_ASSERT(m_running && !m_queue.isEmpty());
    const std::unique_ptr<Job> job(m_queue.dequeue());
    m_running = false;

    std::optional<Error> failure;
    std::optional<QString> unavailableNow;
    QString value;
    bool inMemory = false;

    if (job->key.isEmpty()) {
        failure = makeError(Error::Code::Credentials,
                            QCoreApplication::translate("TokenStore", "A credential needs a scope and a name."),
                            u"empty keychain key"_s);
    } else if (!outcome.keychainUsed) {
        inMemory = true;
    } else if (meansUnavailable(outcome.code)) {
        unavailableNow = markUnavailable(this, outcome.code, outcome.message);
        inMemory = true;
    } else if (outcome.code == QKeychain::NoError) {
        value = outcome.secret;
    } else if (outcome.code == QKeychain::EntryNotFound && job->kind != Job::Kind::Write) {
        // Nothing stored reads as an empty secret, and removing nothing is done.
    } else {
        QString message;
        switch (job->kind) {
        case Job::Kind::Read:
            message =
                QCoreApplication::translate("TokenStore", "The credential \"%1\" could not be read from the keychain.");
            break;
        case Job::Kind::Write:
            message =
                QCoreApplication::translate("TokenStore", "The credential \"%1\" could not be saved in the keychain.");
            break;
        case Job::Kind::Remove:
            message = QCoreApplication::translate("TokenStore",
                                                  "The credential \"%1\" could not be removed from the keychain.");
            break;
        }
        failure = makeError(Error::Code::Credentials, message.arg(job->key),
                            u"QtKeychain error %1: %2"_s.arg(int(outcome.code)).arg(outcome.message));
    }

    if (inMemory) {
        SharedState &s = shared();
        QMutexLocker lock(&s.mutex);
        const QPair<QString, QString> memoryKey(m_service, job->key);
        switch (job->kind) {
        case Job::Kind::Read:
            value = s.memory.value(memoryKey);
            break;
        case Job::Kind::Write:
            s.memory.insert(memoryKey, job->secret);
            break;
        case Job::Kind::Remove:
            s.memory.remove(memoryKey);
            break;
        }
    }

    // A slot or handler may destroy this store; the job itself is owned here until the end.
    const QPointer<TokenStore> self(this);
    if (unavailableNow) {
        Q_EMIT keychainUnavailable(*unavailableNow);
        if (!self) {
            return;
        }
    }
    if (!failure && job->kind != Job::Kind::Read) {
        Q_EMIT secretChanged(job->key);
        if (!self) {
            return;
        }
    }
    if (job->kind == Job::Kind::Read) {
        if (job->readDone) {
            job->readDone(failure ? Result<QString>(*failure) : Result<QString>(value));
        }
    } else if (job->writeDone) {
        job->writeDone(failure ? Result<void>(*failure) : Result<void>());
    }
    if (self) {
        runNext();
    }
}

} // namespace Portolan::Core
