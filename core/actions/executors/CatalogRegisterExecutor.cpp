#include "Executors.h"

#include "catalog/DescriptorReader.h"
#include "catalog/Validator.h"
#include "model/Entity.h"
#include "sources/git/GitRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::CatalogRegisterExecutor)
};

// A location as publish:gitops reports it (`<repository>#<branch>[:<folder>]`) plus the descriptor's path in it.
struct Where
{
    QString url;
    QString branch;
    QString path;
};

Result<Where> locate(const QJsonObject &input, const ActionEnvironment &environment)
{
    QString contents = input.value("repoContentsUrl"_L1).toString();
    QString file = input.value("catalogInfoPath"_L1).toString(u"catalog-info.yaml"_s);
    if (contents.isEmpty()) {
        contents = input.value("catalogInfoUrl"_L1).toString();
        file.clear();
    }
    if (contents.isEmpty()) {
        Error e = makeError(Error::Code::Validation, Tr::tr("repoContentsUrl (with catalogInfoPath) or catalogInfoUrl "
                                                            "is required"));
        e.field = u"input.repoContentsUrl"_s;
        return e;
    }
    Where where;
    const qsizetype hash = contents.lastIndexOf(u'#');
    if (hash < 0) {
        // A plain local file.
        where.url = contents.startsWith(u"file://"_s) ? QUrl(contents).toLocalFile() : contents;
        if (!file.isEmpty()) {
            where.url = QDir::cleanPath(where.url + u'/' + file);
        }
        return where;
    }
    where.url = contents.left(hash);
    const QString rest = contents.mid(hash + 1);
    where.branch = rest.section(u':', 0, 0);
    const QString folder = rest.contains(u':') ? rest.section(u':', 1) : QString();
    where.path = QDir::cleanPath((folder.isEmpty() ? QString() : folder + u'/') + file);
    if (where.path.startsWith(u'/')) {
        where.path = where.path.mid(1);
    }
    if (where.url.startsWith(u"local:"_s)) {
        where.url = environment.localRepository(where.url.mid(6));
    }
    return where;
}

// catalog:register: adds a descriptor location to the catalog now. The location (a file in a git repository) is
// read once here, to check it and to name what it holds, then registered as one of the user's own sources, which the
// catalog reads at once and on every sync after.
class CatalogRegisterExecutor final : public StepExecutor
{
public:
    [[nodiscard]] QString action() const override { return u"catalog:register"_s; }
    [[nodiscard]] QString description() const override
    {
        return Tr::tr("Registers a descriptor location (a file in a git repository) in the catalog, at once");
    }

    [[nodiscard]] ErrorList check(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        ErrorList problems;
        if (const auto where = locate(input, environment); !where.ok()) {
            problems.append(where.error());
        }
        if (!environment.registerLocation) {
            Error e = makeError(Error::Code::Unsupported, Tr::tr("Locations cannot be registered here"));
            e.field = u"input"_s;
            problems.append(e);
        }
        return problems;
    }

    [[nodiscard]] StepPreview preview(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        StepPreview p;
        p.method = Tr::tr("register");
        const auto where = locate(input, environment);
        p.target = where.ok()
                       ? (where->branch.isEmpty()
                              ? where->url
                              : u"%1 @ %2: %3"_s.arg(GitRepository::displayUrl(where->url), where->branch, where->path))
                       : input.value("repoContentsUrl"_L1).toString();
        p.notes.append(Tr::tr("Added to your own sources; the catalog reads it now and on every sync"));
        return p;
    }

    [[nodiscard]] Result<StepResult> run(StepContext &context) override
    {
        const ActionEnvironment &env = *context.environment;
        const auto where = locate(context.input, env);
        if (!where.ok()) {
            return where.error();
        }
        if (!env.registerLocation) {
            return makeError(Error::Code::Unsupported, Tr::tr("Locations cannot be registered here"));
        }
        const bool optional = context.input.value("optional"_L1).toBool();
        QString file = where->url;
        if (!where->branch.isEmpty()) {
            const QString clone = QDir::cleanPath(context.workDirectory + u"/register-"_s + context.stepId);
            QDir(clone).removeRecursively();
            context.log(Tr::tr("Reading %1 from %2 @ %3")
                            .arg(where->path, GitRepository::displayUrl(where->url), where->branch));
            const auto cloned = GitRepository::run(
                {u"clone"_s, u"--quiet"_s, u"--depth"_s, u"1"_s, u"--branch"_s, where->branch, where->url, clone},
                context.workDirectory, where->url, context.secret(env.defaultGitHubCredential), context.cancel);
            if (!cloned.ok()) {
                return makeError(Error::Code::Io,
                                 Tr::tr("Could not read %1").arg(GitRepository::displayUrl(where->url)),
                                 cloned.errorOutput.trimmed());
            }
            file = clone + u'/' + where->path;
        }
        QStringList refs;
        if (QFileInfo::exists(file)) {
            const FileReadResult read = DescriptorReader::readFile(file);
            for (const Error &e : read.problems) {
                if (e.isError()) {
                    Error located = e;
                    located.file = where->path.isEmpty() ? where->url : where->path;
                    return located;
                }
            }
            for (const ParsedDocument &doc : read.documents) {
                for (const Error &e : Validator::validate(doc)) {
                    if (e.isError()) {
                        Error located = e;
                        located.file = where->path.isEmpty() ? where->url : where->path;
                        return located;
                    }
                }
                const Entity entity = Entity::fromEnvelope(doc.root);
                refs.append(entity.refString());
                context.log(Tr::tr("Found %1").arg(entity.refString()));
            }
        } else if (!optional) {
            return makeError(Error::Code::Io, Tr::tr("%1 is not in the repository").arg(where->path));
        } else {
            context.log(Tr::tr("%1 is not there yet (optional): registering the location anyway").arg(where->path));
        }
        RegisteredLocation location{where->url, where->branch, where->path, refs};
        const auto source = env.registerLocation(location);
        if (!source.ok()) {
            return source.error();
        }
        context.log(Tr::tr("Registered as source %1").arg(*source));
        StepResult result;
        result.output = {{u"entityRef"_s, refs.value(0)},
                         {u"entityRefs"_s, QJsonArray::fromStringList(refs)},
                         {u"sourceId"_s, *source},
                         {u"catalogInfoUrl"_s,
                          where->branch.isEmpty()
                              ? where->url
                              : u"%1#%2:%3"_s.arg(GitRepository::displayUrl(where->url), where->branch, where->path)}};
        for (const QString &ref : refs) {
            RunLink link;
            link.kind = u"entity"_s;
            link.entityRef = ref;
            link.title = Tr::tr("Open %1 in the catalog").arg(ref);
            result.links.append(link);
        }
        return result;
    }
};

} // namespace

std::unique_ptr<StepExecutor> makeCatalogRegisterExecutor()
{
    return std::make_unique<CatalogRegisterExecutor>();
}

} // namespace Portolan::Core
