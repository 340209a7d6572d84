#include "SingleInstance.h"

#include "config/AppInfo.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

namespace {

Q_LOGGING_CATEGORY(lcInstance, "portolan.ui.instance", QtInfoMsg)

// Each message is one line of JSON: {"arguments": [...], "cwd": "..."}; the answer is "ok\n".
constexpr qsizetype maxMessage = 1 << 20;

} // namespace

SingleInstance::SingleInstance(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::socketPath(const QString &dataDir)
{
    QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty()) {
        runtime = QDir::tempPath();
    }
    const QByteArray hash =
        QCryptographicHash::hash(QDir(dataDir).absolutePath().toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    // A short name: a local socket's path may not be longer than about 100 bytes.
    return QDir(runtime).filePath(Core::AppInfo::id + u'-' + QString::fromLatin1(hash) + u".sock"_s);
}

SingleInstance::Role SingleInstance::start(const QStringList &arguments, int timeoutMs)
{
    QLockFile lock(m_name + u".lock"_s);
    lock.setStaleLockTime(10000);
    if (!lock.tryLock(timeoutMs)) {
        m_error = tr("Another Portolan is starting (%1 is locked).").arg(m_name + u".lock"_s);
        return Role::Standalone;
    }
    if (handOff(arguments, timeoutMs)) {
        return Role::HandedOff;
    }
    return listen() ? Role::Primary : Role::Standalone;
}

bool SingleInstance::handOff(const QStringList &arguments, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs)) {
        return false; // no instance (or a socket file left behind by one that was killed)
    }
    const QJsonObject message{{u"arguments"_s, QJsonArray::fromStringList(arguments)}, {u"cwd"_s, QDir::currentPath()}};
    socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs)) {
        m_error = socket.errorString();
        return false;
    }
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs)) {
            m_error = tr("The running Portolan did not answer.");
            qCWarning(lcInstance) << "the running instance at" << m_name << "did not answer; starting another";
            return false;
        }
    }
    return socket.readLine().trimmed() == "ok";
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // Under the lock no instance is listening (handOff found none), so a socket file left is a dead one's.
    QLocalServer::removeServer(m_name);
    if (!m_server->listen(m_name)) {
        m_error = m_server->errorString();
        qCWarning(lcInstance) << "cannot listen at" << m_name << ":" << m_error;
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::readConnection);
    return true;
}

void SingleInstance::readConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > maxMessage) {
                    socket->abort();
                }
                return;
            }
            const QJsonObject message = QJsonDocument::fromJson(socket->readLine()).object();
            socket->write("ok\n");
            socket->flush();
            QStringList arguments;
            for (const QJsonValue &v : message.value("arguments"_L1).toArray()) {
                arguments.append(v.toString());
            }
            qCInfo(lcInstance) << "arguments from a later launch:" << arguments;
            Q_EMIT argumentsReceived(arguments, message.value("cwd"_L1).toString());
        });
    }
}

} // namespace Portolan::Ui
