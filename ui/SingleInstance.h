#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;

namespace Portolan::Ui {

// One window per user and data folder: the first launch listens on a local socket, a later launch hands its
// arguments (portolan:// links, folders) to it and exits. The socket lives in the user's runtime folder and is
// named after the application id and the data folder, so instances with their own PORTOLAN_DATA_DIR (tests,
// screenshots, benchmarks) stay apart.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // `name`: the socket's path, from socketPath() (tests give their own).
    explicit SingleInstance(QString name, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket of the instance that uses `dataDir`.
    [[nodiscard]] static QString socketPath(const QString &dataDir);

    enum class Role { Primary, HandedOff, Standalone };
    // Under a lock file, so that two launches at once cannot both become the first: hands `arguments` to a
    // running instance (HandedOff: this process should exit), or listens for later launches (Primary). When the
    // running instance does not answer in `timeoutMs`, or the socket cannot be made, this one runs on its own
    // (Standalone).
    [[nodiscard]] Role start(const QStringList &arguments, int timeoutMs = 3000);
    [[nodiscard]] QString errorString() const { return m_error; }

Q_SIGNALS:
    // A later launch's arguments, with the folder it was started in (to resolve relative paths).
    void argumentsReceived(const QStringList &arguments, const QString &workingDirectory);

private:
    bool handOff(const QStringList &arguments, int timeoutMs);
    bool listen();
    void readConnection();

    QString m_name;
    QLocalServer *m_server = nullptr;
    QString m_error;
};

} // namespace Portolan::Ui
