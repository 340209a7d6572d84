#include "GitDaemon.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace Portolan::Test {

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

GitDaemon::GitDaemon() = default;

GitDaemon::~GitDaemon()
{
    stop();
}

bool GitDaemon::start()
{
    QDir(m_dir.path()).mkpath(u"repos"_s);
    QDir(m_dir.path()).mkpath(u"work"_s);
    // A free port: bind, note it, release it, and let git daemon take it.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, quint16(m_port))) {
        m_error = probe.errorString();
        return false;
    }
    m_port = probe.serverPort();
    probe.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(u"git"_s, {u"daemon"_s, u"--reuseaddr"_s, u"--export-all"_s, u"--enable=receive-pack"_s,
                                u"--listen=127.0.0.1"_s, u"--port=%1"_s.arg(m_port),
                                u"--base-path=%1"_s.arg(m_dir.path() + u"/repos"_s), m_dir.path() + u"/repos"_s});
    if (!m_process->waitForStarted(5000)) {
        m_error = m_process->errorString();
        return false;
    }
    // Ready when it accepts connections.
    const bool up = waitUntil(
        [this] {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, quint16(m_port));
            return s.waitForConnected(100);
        },
        5000);
    if (!up) {
        m_error = u"git daemon did not start listening"_s;
    }
    return up;
}

void GitDaemon::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
}

bool GitDaemon::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString GitDaemon::url(const QString &name) const
{
    return u"git://127.0.0.1:%1/%2.git"_s.arg(m_port).arg(name);
}

QString GitDaemon::fileUrl(const QString &name) const
{
    return u"file://"_s + barePath(name);
}

QString GitDaemon::barePath(const QString &name) const
{
    return m_dir.path() + u"/repos/"_s + name + u".git"_s;
}

QString GitDaemon::worktree(const QString &name) const
{
    return m_dir.path() + u"/work/"_s + name;
}

QString GitDaemon::git(const QStringList &args, const QString &workingDir) const
{
    QProcess p;
    p.setWorkingDirectory(workingDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GIT_AUTHOR_NAME"_s, u"Portolan Test"_s);
    env.insert(u"GIT_AUTHOR_EMAIL"_s, u"test@portolan.invalid"_s);
    env.insert(u"GIT_COMMITTER_NAME"_s, u"Portolan Test"_s);
    env.insert(u"GIT_COMMITTER_EMAIL"_s, u"test@portolan.invalid"_s);
    p.setProcessEnvironment(env);
    p.start(u"git"_s, args);
    REQUIRE(p.waitForFinished(30000));
    INFO("git " << args.join(u' ').toStdString() << ": " << p.readAllStandardError().toStdString());
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

void GitDaemon::writeFiles(const QString &dir, const QMap<QString, QByteArray> &files) const
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = dir + u'/' + it.key();
        if (it.value().isNull()) {
            QFile::remove(path);
            continue;
        }
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(it.value());
    }
}

QString GitDaemon::create(const QString &name, const QMap<QString, QByteArray> &files, const QString &branch)
{
    git({u"init"_s, u"--bare"_s, u"-q"_s, u"--initial-branch"_s, branch, barePath(name)}, m_dir.path());
    const QString work = worktree(name);
    QDir(work).removeRecursively();
    git({u"init"_s, u"-q"_s, u"--initial-branch"_s, branch, work}, m_dir.path());
    git({u"remote"_s, u"add"_s, u"origin"_s, barePath(name)}, work);
    writeFiles(work, files);
    git({u"add"_s, u"-A"_s}, work);
    git({u"commit"_s, u"-q"_s, u"-m"_s, u"initial"_s}, work);
    git({u"push"_s, u"-q"_s, u"origin"_s, branch}, work);
    return git({u"rev-parse"_s, u"HEAD"_s}, work);
}

QString GitDaemon::commit(const QString &name, const QMap<QString, QByteArray> &files, const QString &message,
                          const QString &branch)
{
    const QString work = worktree(name);
    git({u"checkout"_s, u"-q"_s, u"-B"_s, branch}, work);
    writeFiles(work, files);
    git({u"add"_s, u"-A"_s}, work);
    git({u"commit"_s, u"-q"_s, u"--allow-empty"_s, u"-m"_s, message}, work);
    git({u"push"_s, u"-q"_s, u"origin"_s, branch}, work);
    return git({u"rev-parse"_s, u"HEAD"_s}, work);
}

QString GitDaemon::forcePush(const QString &name, const QMap<QString, QByteArray> &files, const QString &branch)
{
    const QString work = worktree(name);
    git({u"checkout"_s, u"-q"_s, u"--orphan"_s, u"rewritten"_s}, work);
    git({u"rm"_s, u"-rfq"_s, u"--ignore-unmatch"_s, u"."_s}, work);
    writeFiles(work, files);
    git({u"add"_s, u"-A"_s}, work);
    git({u"commit"_s, u"-q"_s, u"-m"_s, u"rewritten history"_s}, work);
    git({u"branch"_s, u"-q"_s, u"-D"_s, branch}, work);
    git({u"branch"_s, u"-q"_s, u"-m"_s, branch}, work);
    git({u"push"_s, u"-q"_s, u"--force"_s, u"origin"_s, branch}, work);
    return git({u"rev-parse"_s, u"HEAD"_s}, work);
}

void GitDaemon::deleteBranch(const QString &name, const QString &branch)
{
    git({u"branch"_s, u"-q"_s, u"-m"_s, branch, u"parked"_s}, worktree(name));
    git({u"push"_s, u"-q"_s, u"origin"_s, u"parked"_s}, worktree(name));
    git({u"symbolic-ref"_s, u"HEAD"_s, u"refs/heads/parked"_s}, barePath(name));
    git({u"push"_s, u"-q"_s, u"origin"_s, u"--delete"_s, branch}, worktree(name));
}

} // namespace Portolan::Test
