#include "GitOpsSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Portolan::Core::GitOps {

Result<Target> resolveTarget(const QString &repoUrl, const ActionEnvironment &environment)
{
    Target t;
    if (repoUrl.isEmpty()) {
        return makeError(Error::Code::Validation, Tr::tr("repoUrl is required"));
    }
    if (repoUrl.startsWith(u"local:"_s)) {
        t.localName = repoUrl.mid(6);
        static const QRegularExpression valid(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"_s);
        if (!valid.match(t.localName).hasMatch() || t.localName.contains(u".."_s)) {
            return makeError(Error::Code::Validation,
                             Tr::tr("\"%1\" is not a valid local repository name").arg(repoUrl));
        }
        t.url = environment.localRepository(t.localName);
        t.display = repoUrl;
        return t;
    }
    if (!repoUrl.contains(u"://"_s) && repoUrl.contains(u"?"_s)) {
        // RepoUrlPicker: host?owner=o&repo=r
        const QString host = repoUrl.section(u'?', 0, 0);
        const QUrlQuery query(repoUrl.section(u'?', 1));
        const QString owner = query.queryItemValue(u"owner"_s);
        const QString repo = query.queryItemValue(u"repo"_s);
        if (host.isEmpty() || owner.isEmpty() || repo.isEmpty()) {
            return makeError(Error::Code::Validation,
                             Tr::tr("repoUrl \"%1\" names no owner and repository").arg(repoUrl));
        }
        t.url = u"https://%1/%2/%3.git"_s.arg(host, owner, repo);
        t.display = t.url;
        if (host == u"github.com"_s || QUrl(environment.gitHubApiUrl).host().endsWith(host)) {
            t.githubOwner = owner;
            t.githubRepo = repo;
        }
        return t;
    }
    t.url = repoUrl;
    t.display = GitRepository::displayUrl(repoUrl);
    const QUrl url(repoUrl);
    if (url.host() == u"github.com"_s) {
        const QStringList parts = url.path().split(u'/', Qt::SkipEmptyParts);
        if (parts.size() >= 2) {
            t.githubOwner = parts.at(0);
            t.githubRepo = parts.at(1).endsWith(u".git"_s) ? parts.at(1).chopped(4) : parts.at(1);
        }
    }
    return t;
}

Error gitError(const GitRepository::Run &run, const QString &what)
{
    if (run.cancelled) {
        return makeError(Error::Code::Cancelled, Tr::tr("Cancelled"));
    }
    if (!run.started) {
        return makeError(Error::Code::Io, Tr::tr("The git command could not be started; install git"), run.errorOutput);
    }
    QString detail = run.errorOutput.trimmed();
    if (detail.size() > 2000) {
        detail = detail.right(2000);
    }
    return makeError(Error::Code::Io, what, detail);
}

Result<void> ensureLocalRepository(const QString &path, const std::atomic_bool *cancel)
{
    if (QFileInfo::exists(path + u"/HEAD"_s)) {
        return {};
    }
    QDir().mkpath(path);
    auto init = GitRepository::run({u"init"_s, u"--quiet"_s, u"--bare"_s, u"--initial-branch=main"_s, path}, path, {},
                                   {}, cancel);
    if (!init.ok()) {
        return gitError(init, Tr::tr("Could not create the local repository %1").arg(path));
    }
    QTemporaryDir seed;
    QFile readme(seed.filePath(u"README.md"_s));
    if (!readme.open(QIODevice::WriteOnly)) {
        return makeError(Error::Code::Io, Tr::tr("Could not write %1").arg(readme.fileName()));
    }
    readme.write("# Platform configuration\n\nA local repository Portolan made for a workspace's actions.\n");
    readme.close();
    const QStringList ident = {u"-c"_s, u"user.name=Portolan"_s, u"-c"_s, u"user.email=portolan@localhost"_s};
    for (const QStringList &args :
         {QStringList{u"init"_s, u"--quiet"_s, u"--initial-branch=main"_s}, QStringList{u"add"_s, u"README.md"_s},
          ident + QStringList{u"commit"_s, u"--quiet"_s, u"-m"_s, u"Initial commit"_s},
          QStringList{u"push"_s, u"--quiet"_s, path, u"HEAD:refs/heads/main"_s}}) {
        const auto run = GitRepository::run(args, seed.path(), {}, {}, cancel);
        if (!run.ok()) {
            return gitError(run, Tr::tr("Could not create the local repository %1").arg(path));
        }
    }
    return {};
}

} // namespace Portolan::Core::GitOps
