#pragma once

#include <QMap>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace Portolan::Test {

// A real `git daemon` on 127.0.0.1 serving bare repositories from a temporary folder, and a working clone per
// repository to commit and push from (pushes go straight to the bare repository's path).
class GitDaemon final
{
public:
    GitDaemon();
    ~GitDaemon();

    // Starts the daemon on a free port; false (with the reason in error()) when git is missing.
    bool start();
    void stop();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QString error() const { return m_error; }

    // git://127.0.0.1:<port>/<name>.git
    [[nodiscard]] QString url(const QString &name) const;
    // file:///.../<name>.git
    [[nodiscard]] QString fileUrl(const QString &name) const;
    [[nodiscard]] QString barePath(const QString &name) const;

    // Makes a bare repository with one commit of `files` on `branch`.
    QString create(const QString &name, const QMap<QString, QByteArray> &files,
                   const QString &branch = QStringLiteral("main"));
    // Commits changes (a null QByteArray deletes the file) on top of the branch and pushes; returns the commit.
    QString commit(const QString &name, const QMap<QString, QByteArray> &files, const QString &message,
                   const QString &branch = QStringLiteral("main"));
    // Replaces the branch with a new root commit holding exactly `files` and force-pushes it; returns the commit.
    QString forcePush(const QString &name, const QMap<QString, QByteArray> &files,
                      const QString &branch = QStringLiteral("main"));
    void deleteBranch(const QString &name, const QString &branch);

    // Runs git; REQUIREs success; returns stdout.
    QString git(const QStringList &args, const QString &workingDir) const;

private:
    QString worktree(const QString &name) const;
    void writeFiles(const QString &dir, const QMap<QString, QByteArray> &files) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    QString m_error;
};

// Runs the event loop until `done` is true or `timeoutMs` passed; returns `done()`.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 20000);

} // namespace Portolan::Test
