#include "GitRepository.h"

#include "util/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GitRepository", text);
}

bool isHttp(const QString &url)
{
    return url.startsWith(u"https://"_s) || url.startsWith(u"http://"_s);
}

} // namespace

GitRepository::GitRepository(Options options)
    : m_options(std::move(options))
{ }

QString GitRepository::displayUrl(const QString &url)
{
    if (!isHttp(url)) {
        return url;
    }
    QUrl u(url);
    u.setUserInfo({});
    return u.toString();
}

QString GitRepository::webUrlFor(const QString &remoteUrl, const QString &commit, const QString &path)
{
    QString host;
    QString repoPath;
    static const QRegularExpression scp(u"^[A-Za-z0-9._-]+@([A-Za-z0-9._-]+):(.+)$"_s);
    if (const auto m = scp.match(remoteUrl); m.hasMatch()) {
        host = m.captured(1);
        repoPath = m.captured(2);
    } else {
        const QUrl u(remoteUrl);
        if (u.scheme() != u"https"_s && u.scheme() != u"http"_s && u.scheme() != u"ssh"_s) {
            return {};
        }
        host = u.host();
        repoPath = u.path();
    }
    if (repoPath.startsWith(u'/')) {
        repoPath.remove(0, 1);
    }
    if (repoPath.endsWith(u".git"_s)) {
        repoPath.chop(4);
    }
    if (host.isEmpty() || repoPath.isEmpty() || commit.isEmpty()) {
        return {};
    }
    if (host.contains(u"github"_s)) {
        return u"https://%1/%2/blob/%3/%4"_s.arg(host, repoPath, commit, path);
    }
    if (host.contains(u"gitlab"_s)) {
        return u"https://%1/%2/-/blob/%3/%4"_s.arg(host, repoPath, commit, path);
    }
    return {};
}

GitRepository::Run GitRepository::git(const QStringList &args, const QString &workingDir,
                                      const std::atomic_bool *cancel, const Progress &progress) const
{
    return run(args, workingDir, m_options.url, m_options.token, cancel, progress, m_options.stallSeconds);
}

GitRepository::Run GitRepository::run(const QStringList &args, const QString &workingDir, const QString &url,
                                      const QString &token, const std::atomic_bool *cancel, const Progress &progress,
                                      int stallSeconds)
{
    Run run;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GIT_TERMINAL_PROMPT"_s, u"0"_s); // never wait for a password on a terminal nobody sees
    env.insert(u"LC_ALL"_s, u"C"_s); // messages we can recognise
    env.remove(u"GIT_DIR"_s);
    env.remove(u"GIT_WORK_TREE"_s);
    if (!env.contains(u"GIT_SSH_COMMAND"_s) && !env.contains(u"GIT_SSH"_s)) {
        env.insert(u"GIT_SSH_COMMAND"_s, u"ssh -o BatchMode=yes -o ConnectTimeout=30"_s);
    }
    int configCount = 0;
    const auto config = [&env, &configCount](const QString &key, const QString &value) {
        env.insert(u"GIT_CONFIG_KEY_%1"_s.arg(configCount), key);
        env.insert(u"GIT_CONFIG_VALUE_%1"_s.arg(configCount), value);
        ++configCount;
    };
    config(u"http.lowSpeedLimit"_s, u"1000"_s);
    config(u"http.lowSpeedTime"_s, QString::number(stallSeconds));
    if (!token.isEmpty() && isHttp(url)) {
        // GitHub, GitLab, Gitea and Bitbucket all accept a token as the password of HTTP basic auth.
        const QByteArray basic = QByteArrayLiteral("x-access-token:") + token.toUtf8();
        config(u"http.extraHeader"_s, u"Authorization: Basic "_s + QString::fromLatin1(basic.toBase64()));
    }
    env.insert(u"GIT_CONFIG_COUNT"_s, QString::number(configCount));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(workingDir);
    process.setProgram(u"git"_s);
    process.setArguments(args);
    process.start();
    if (!process.waitForStarted(10'000)) {
        run.started = false;
        run.errorOutput = process.errorString();
        return run;
    }
    static const QRegularExpression progressLine(u"^([A-Za-z ]+):\\s+(\\d+)%"_s);
    QByteArray pendingErr;
    QElapsedTimer total;
    total.start();
    const auto drainErr = [&] {
        pendingErr += process.readAllStandardError();
        run.errorOutput += QString::fromUtf8(pendingErr);
        // git rewrites its progress line with '\r'; the last complete piece is the newest.
        if (progress) {
            const QString text = QString::fromUtf8(pendingErr);
            const QStringList pieces = text.split(QRegularExpression(u"[\r\n]"_s), Qt::SkipEmptyParts);
            for (auto it = pieces.crbegin(); it != pieces.crend(); ++it) {
                if (const auto m = progressLine.match(*it); m.hasMatch()) {
                    progress(m.captured(2).toInt(), m.captured(1));
                    break;
                }
            }
        }
        pendingErr.clear();
    };
    while (!process.waitForFinished(100)) {
        drainErr();
        if ((cancel && cancel->load()) || total.elapsed() > 3'600'000) {
            process.kill();
            process.waitForFinished(5'000);
            run.cancelled = cancel && cancel->load();
            if (!run.cancelled) {
                run.errorOutput += tr("git did not finish within an hour");
            }
            return run;
        }
        if (process.state() == QProcess::NotRunning) {
            break;
        }
    }
    drainErr();
    run.output = QString::fromUtf8(process.readAllStandardOutput());
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

Error GitRepository::failure(const Run &run, const QString &what) const
{
    if (run.cancelled) {
        return makeError(Error::Code::Cancelled, tr("Cancelled"));
    }
    if (!run.started) {
        return makeError(Error::Code::Unsupported,
                         tr("The git command could not be started; install git to use git sources"), run.errorOutput);
    }
    const QString err = run.errorOutput.trimmed();
    const QString url = displayUrl(m_options.url);
    // curl's "The requested URL returned error: 403" (or an HTTP 401 in a server's message); not any 401 or 403
    // in the output: a temporary path such as ".../portolan-tests-2fccc5a40368/..." has them too.
    static const QRegularExpression httpRefusal(u"(returned error|HTTP(/[0-9.]+)?)[: ]+40[13]\\b"_s);
    Error::Code code = Error::Code::Network;
    QString message;
    if (err.contains(u"couldn't find remote ref"_s) || err.contains(u"Remote branch"_s)) {
        code = Error::Code::Config;
        message = tr("The branch \"%1\" does not exist on %2 (deleted or renamed?)").arg(m_options.branch, url);
    } else if (err.contains(u"Authentication failed"_s) || err.contains(u"could not read Username"_s)
               || err.contains(u"Permission denied"_s) || err.contains(httpRefusal)) {
        code = Error::Code::Auth;
        message = tr("%1 refused the credentials (check the source's credential or your SSH key)").arg(url);
    } else if (err.contains(u"not found"_s) || err.contains(u"does not appear to be a git repository"_s)
               || err.contains(u"does not exist"_s)) {
        code = Error::Code::Http;
        message = tr("No git repository at %1").arg(url);
    } else if (err.contains(u"Could not resolve host"_s) || err.contains(u"Connection refused"_s)
               || err.contains(u"unable to connect"_s) || err.contains(u"Could not read from remote"_s)
               || err.contains(u"unable to access"_s)) {
        message = tr("%1 could not be reached").arg(url);
    } else if (err.contains(u"too slow"_s) || err.contains(u"timed out"_s)) {
        code = Error::Code::Timeout;
        message = tr("%1 stopped answering").arg(url);
    } else {
        message = tr("git failed while %1 %2").arg(what, url);
    }
    Error e = makeError(code, message, err.right(2000));
    return e;
}

QString GitRepository::head() const
{
    if (!QFileInfo::exists(m_options.directory + u"/.git"_s)) {
        return {};
    }
    const Run run = git({u"rev-parse"_s, u"--verify"_s, u"HEAD"_s}, m_options.directory, nullptr, {});
    return run.exitCode == 0 ? run.output.trimmed() : QString();
}

Result<QString> GitRepository::update(const std::atomic_bool *cancel, const Progress &progress)
{
    const QString dir = QDir::cleanPath(m_options.directory);
    if (!head().isEmpty()) {
        const Run seturl = git({u"remote"_s, u"set-url"_s, u"origin"_s, m_options.url}, dir, cancel, {});
        if (seturl.exitCode != 0) {
            return failure(seturl, tr("configuring"));
        }
        const QString ref = m_options.branch.isEmpty() ? u"HEAD"_s : u"refs/heads/"_s + m_options.branch;
        const Run fetch =
            git({u"fetch"_s, u"--depth=1"_s, u"--no-tags"_s, u"--progress"_s, u"origin"_s, ref}, dir, cancel, progress);
        if (fetch.exitCode != 0) {
            return failure(fetch, tr("fetching"));
        }
        const Run reset = git({u"reset"_s, u"--hard"_s, u"--quiet"_s, u"FETCH_HEAD"_s}, dir, cancel, {});
        if (reset.exitCode != 0) {
            return failure(reset, tr("checking out"));
        }
        // Files someone added to the clone by hand would otherwise be read as descriptors.
        const Run clean = git({u"clean"_s, u"-ffdxq"_s}, dir, cancel, {});
        if (clean.exitCode != 0) {
            return failure(clean, tr("cleaning"));
        }
        const QString commit = head();
        qCInfo(lcGit) << " fetched" << displayUrl(m_options.url) << "at" << commit;
        return commit;
    }

    const QString partial = dir + u".partial-"_s + QString::number(QRandomGenerator::global()->generate(), 16);
    QDir(QFileInfo(dir).path()).mkpath(u"."_s);
    QStringList args = {u"clone"_s, u"--depth=1"_s, u"--no-tags"_s, u"--single-branch"_s, u"--progress"_s};
    if (!m_options.branch.isEmpty()) {
        args << u"--branch"_s << m_options.branch;
    }
    args << u"--"_s << m_options.url << partial;
    const Run clone = git(args, QFileInfo(dir).path(), cancel, progress);
    if (clone.exitCode != 0) {
        QDir(partial).removeRecursively();
        return failure(clone, tr("cloning"));
    }
    if (QFileInfo::exists(dir)) {
        QDir(dir).removeRecursively(); // a broken clone (no HEAD): replaced whole
    }
    if (!QDir().rename(partial, dir)) {
        QDir(partial).removeRecursively();
        Error e = makeError(Error::Code::Io, tr("The clone could not be moved into place at %1").arg(dir));
        e.file = dir;
        return e;
    }
    const QString commit = head();
    qCInfo(lcGit) << " cloned" << displayUrl(m_options.url) << "at" << commit;
    return commit;
}

} // namespace Portolan::Core
