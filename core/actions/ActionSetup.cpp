#include "ActionSetup.h"

#include "config/Paths.h"
#include "sources/github/GitHubConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Portolan::Core::ActionSetup {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::ActionSetup)
};

QString sourceIdFor(const RegisteredLocation &location, const QList<SourceConfig> &existing)
{
    QString base = location.entityRefs.isEmpty()
                       ? QFileInfo(location.path.isEmpty() ? location.url : location.path).completeBaseName()
                       : location.entityRefs.first().section(u'/', -1);
    base = base.toLower().replace(QRegularExpression(u"[^a-z0-9._-]+"_s), u"-"_s);
    base = QString(u"registered-"_s + base).left(56);
    QString id = base;
    for (int n = 2;; ++n) {
        const bool taken =
            std::any_of(existing.cbegin(), existing.cend(), [&id](const SourceConfig &s) { return s.id == id; });
        if (!taken) {
            return id;
        }
        id = base + u'-' + QString::number(n);
    }
}

} // namespace

ActionEnvironment environment(const Workspace &workspace, const ActionUser &user,
                              std::shared_ptr<const Catalog> catalog)
{
    ActionEnvironment env;
    env.catalog = std::move(catalog);
    env.approvalsRepository = !workspace.actions.approvals.isEmpty() ? workspace.actions.approvals
                              : !workspace.gitUrl.isEmpty()          ? workspace.gitUrl
                                                                     : u"local:approvals"_s;
    env.workspaceRoot = workspace.root;
    env.dataDirectory = QDir(Paths::dataDir()).filePath(u"workspaces/"_s + workspace.cacheKey());
    env.variables = workspace.actions.variables;
    env.user = user;
    for (const SourceConfig &source : workspace.sources) {
        if (source.type == u"github"_s && source.enabled) {
            env.defaultGitHubCredential = source.credential;
            if (const auto config = GitHubConfig::fromSource(source); config.ok() && !config->apiUrl.isEmpty()) {
                env.gitHubApiUrl = config->apiUrl;
            }
            break;
        }
    }
    const Workspace copy = workspace;
    env.registerLocation = [copy](const RegisteredLocation &location) { return registerLocation(copy, location); };
    return env;
}

QHash<QString, QString> secretsFromEnvironment(const Workspace &workspace)
{
    QHash<QString, QString> secrets;
    for (const CredentialConfig &c : workspace.credentials) {
        if (!c.env.isEmpty() && qEnvironmentVariableIsSet(c.env.toLocal8Bit().constData())) {
            secrets.insert(c.name, qEnvironmentVariable(c.env.toLocal8Bit().constData()));
        }
    }
    return secrets;
}

Result<QString> registerLocation(const Workspace &workspace, const RegisteredLocation &location)
{
    // The local sources as they are on disk now (another process may have added one since the workspace was read).
    const Workspace current = Workspace::reread(workspace);
    QList<SourceConfig> local;
    for (const SourceConfig &s : current.sources) {
        if (s.origin == SourceConfig::Origin::Local) {
            local.append(s);
        }
    }
    const bool git = !location.branch.isEmpty();
    for (const SourceConfig &s : current.sources) {
        const bool same = git ? (s.type == u"git"_s && s.url == location.url && s.branch == location.branch
                                 && s.paths.contains(location.path))
                              : (s.type == u"files"_s && s.paths.contains(location.url));
        if (same) {
            return s.id;
        }
    }
    SourceConfig source;
    source.id = sourceIdFor(location, current.sources);
    source.type = git ? u"git"_s : u"files"_s;
    source.title =
        location.entityRefs.isEmpty() ? source.id : Tr::tr("Registered: %1").arg(location.entityRefs.join(u", "_s));
    if (git) {
        source.url = location.url;
        source.branch = location.branch;
        source.paths = {location.path};
    } else {
        source.paths = {location.url};
    }
    source.origin = SourceConfig::Origin::Local;
    local.append(source);
    if (const auto saved = Workspace::saveLocalSources(workspace.localSourcesFile(), local); !saved.ok()) {
        return saved.error();
    }
    return source.id;
}

} // namespace Portolan::Core::ActionSetup
