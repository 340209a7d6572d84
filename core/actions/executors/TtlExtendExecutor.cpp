#include "Executors.h"
#include "GitOpsSupport.h"
#include "KubeSession.h"

#include "catalog/DescriptorReader.h"
#include "sources/kubernetes/KubeNamespaces.h"
#include "ttl/TimeToLive.h"
#include "util/Clock.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::TtlExtendExecutor)
};

using GitOps::gitError;

int indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == u' ') {
        ++n;
    }
    return n;
}

bool isBlank(const QString &line)
{
    const QString t = line.trimmed();
    return t.isEmpty() || t.startsWith(u'#');
}

} // namespace

// Sets one annotation of the document that starts at `firstLine` (0-based) in a YAML file, keeping every other line
// as it is written (comments, order, quoting): the key's line is replaced, or added to metadata.annotations (made
// when missing). Block style only: annotations written inline ({...}) are refused rather than rewritten.
Result<QString> setAnnotation(const QString &text, int firstLine, const QString &key, const QString &value)
{
    QStringList lines = text.split(u'\n');
    int end = int(lines.size());
    for (int i = firstLine + 1; i < lines.size(); ++i) {
        if (lines.at(i).startsWith(u"---"_s)) {
            end = i;
            break;
        }
    }
    const QString entry = key + u": \""_s + value + u'"';
    static const QRegularExpression metadataLine(u"^metadata:\\s*(#.*)?$"_s);
    int metadata = -1;
    for (int i = std::max(0, firstLine); i < end; ++i) {
        if (metadataLine.match(lines.at(i)).hasMatch()) {
            metadata = i;
            break;
        }
    }
    if (metadata < 0) {
        return makeError(Error::Code::Validation, Tr::tr("The descriptor has no metadata block to annotate"));
    }
    // metadata's children: their indentation, and the annotations key among them.
    int childIndent = -1;
    int annotations = -1;
    int metadataEnd = end;
    for (int i = metadata + 1; i < end; ++i) {
        if (isBlank(lines.at(i))) {
            continue;
        }
        const int indent = indentOf(lines.at(i));
        if (indent == 0) {
            metadataEnd = i;
            break;
        }
        childIndent = childIndent < 0 ? indent : childIndent;
        if (indent == childIndent && lines.at(i).trimmed().startsWith(u"annotations:"_s)) {
            annotations = i;
        }
    }
    if (childIndent < 0) {
        return makeError(Error::Code::Validation, Tr::tr("The descriptor's metadata is written inline; Portolan only "
                                                         "edits block-style YAML"));
    }
    const QString pad(childIndent, u' ');
    if (annotations < 0) {
        lines.insert(metadata + 1, pad + u"annotations:"_s);
        lines.insert(metadata + 2, pad + pad + entry);
        return lines.join(u'\n');
    }
    const QString rest = lines.at(annotations).trimmed().mid(QStringLiteral("annotations:").size()).trimmed();
    if (!rest.isEmpty() && !rest.startsWith(u'#')) {
        return makeError(Error::Code::Validation,
                         Tr::tr("metadata.annotations is written inline; Portolan only edits block-style YAML"));
    }
    int keyIndent = -1;
    int last = annotations;
    for (int i = annotations + 1; i < metadataEnd; ++i) {
        if (isBlank(lines.at(i))) {
            continue;
        }
        const int indent = indentOf(lines.at(i));
        if (indent <= childIndent) {
            break;
        }
        keyIndent = keyIndent < 0 ? indent : keyIndent;
        last = i;
        QString name = lines.at(i).trimmed().section(u':', 0, 0).trimmed();
        if (name.size() >= 2 && (name.startsWith(u'"') || name.startsWith(u'\''))) {
            name = name.mid(1, name.size() - 2);
        }
        if (indent == keyIndent && name == key) {
            lines[i] = QString(indent, u' ') + entry;
            return lines.join(u'\n');
        }
    }
    lines.insert(last + 1, QString(keyIndent < 0 ? childIndent * 2 : keyIndent, u' ') + entry);
    return lines.join(u'\n');
}

namespace {

// ttl:extend: moves an entity's expiry later by writing portolan.dev/expires-at into its descriptor in git (where
// every desktop reads it) and pushing, with the user's own git. One extension adds at most `maximum`; the expiry is
// counted from now when it has passed already. Like publish:gitops, the commit carries a Portolan-Run trailer so a
// resumed attempt finds it instead of extending twice. A Kubernetes namespace with a TTL (KubeNamespaces) is named by
// `namespace` (and `context`) instead of repoUrl and path: its new expiry becomes its portolan.dev/expires-at label,
// by server-side apply under a field manager of its own (so the labels the namespace was made with stay).
class TtlExtendExecutor final : public StepExecutor
{
public:
    [[nodiscard]] QString action() const override { return u"ttl:extend"_s; }
    [[nodiscard]] QString description() const override
    {
        return Tr::tr("Extends a time to live: writes the new expiry into the entity's descriptor in git and pushes");
    }

    [[nodiscard]] ErrorList check(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        ErrorList problems;
        const auto field = [&problems](const QString &name, const QString &message) {
            Error e = makeError(Error::Code::Validation, message);
            e.field = u"input."_s + name;
            problems.append(e);
        };
        if (input.contains("namespace"_L1)) {
            if (!input.value("namespace"_L1).isString() || input.value("namespace"_L1).toString().isEmpty()) {
                field(u"namespace"_s,
                      Tr::tr("namespace names the Kubernetes namespace whose time to live is extended"));
            }
            if (input.contains("repoUrl"_L1) || input.contains("path"_L1)) {
                field(u"namespace"_s, Tr::tr("A namespace's time to live is on the cluster: give namespace, or "
                                             "repoUrl and path, not both"));
            }
        } else {
            if (const auto target = GitOps::resolveTarget(input.value("repoUrl"_L1).toString(), environment);
                !target.ok()) {
                field(u"repoUrl"_s, target.error().message);
            }
            if (input.value("path"_L1).toString().isEmpty()) {
                field(u"path"_s, Tr::tr("path names the descriptor file in the repository"));
            }
        }
        const auto by = TimeToLive::parseDuration(input.value("by"_L1).toString());
        if (!by.ok()) {
            field(u"by"_s, by.error().message);
        }
        if (input.contains("maximum"_L1)) {
            const auto maximum = TimeToLive::parseDuration(input.value("maximum"_L1).toString());
            if (!maximum.ok()) {
                field(u"maximum"_s, maximum.error().message);
            } else if (by.ok() && *by > *maximum) {
                field(u"by"_s, Tr::tr("An extension adds at most %1, not %2")
                                   .arg(TimeToLive::formatDuration(*maximum), TimeToLive::formatDuration(*by)));
            }
        }
        return problems;
    }

    [[nodiscard]] StepPreview preview(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        StepPreview p;
        if (input.contains("namespace"_L1)) {
            const QString context = input.value("context"_L1).toString();
            p.method = Tr::tr("server-side apply of a label");
            p.target = Tr::tr("namespace %1 on context %2")
                           .arg(input.value("namespace"_L1).toString(),
                                context.isEmpty() ? Tr::tr("(the current one)") : context);
            p.body = Tr::tr("%1: the current expiry (or now, if it has passed) + %2, in seconds since the epoch")
                         .arg(KubeNamespaces::expiresLabel.toString(), input.value("by"_L1).toString());
            if (input.contains("maximum"_L1)) {
                p.notes.append(Tr::tr("One extension adds at most %1").arg(input.value("maximum"_L1).toString()));
            }
            return p;
        }
        const auto target = GitOps::resolveTarget(input.value("repoUrl"_L1).toString(), environment);
        p.method = Tr::tr("git commit + push");
        p.target = (target.ok() ? target->display : input.value("repoUrl"_L1).toString()) + u" @ "_s
                   + input.value("branch"_L1).toString(u"main"_s) + u": "_s + input.value("path"_L1).toString();
        p.body = Tr::tr("portolan.dev/expires-at: the current expiry (or now, if it has passed) + %1")
                     .arg(input.value("by"_L1).toString());
        if (input.contains("maximum"_L1)) {
            p.notes.append(Tr::tr("One extension adds at most %1").arg(input.value("maximum"_L1).toString()));
        }
        return p;
    }

    [[nodiscard]] Result<StepResult> run(StepContext &context) override
    {
        const QJsonObject &input = context.input;
        const ActionEnvironment &env = *context.environment;
        const auto by = TimeToLive::parseDuration(input.value("by"_L1).toString());
        if (!by.ok()) {
            return by.error();
        }
        if (input.contains("namespace"_L1)) {
            return extendNamespace(context, *by);
        }
        const auto target = GitOps::resolveTarget(input.value("repoUrl"_L1).toString(), env);
        if (!target.ok()) {
            return target.error();
        }
        const QString token = context.secret(input.value("credential"_L1).toString());
        const auto git = [&](const QStringList &args, const QString &dir) {
            return GitRepository::run(args, dir, target->url, token, context.cancel);
        };
        if (!target->localName.isEmpty()) {
            if (const auto made = GitOps::ensureLocalRepository(target->url, context.cancel); !made.ok()) {
                return made.error();
            }
        }
        const QString branch = input.value("branch"_L1).toString(u"main"_s);
        const QString path = QDir::cleanPath(input.value("path"_L1).toString());
        if (path.startsWith(u"../"_s) || path == u".."_s || QDir::isAbsolutePath(path)) {
            Error e = makeError(Error::Code::Validation, Tr::tr("path \"%1\" leaves the repository").arg(path));
            e.field = u"input.path"_s;
            return e;
        }
        const QString trailer = u"Portolan-Run: %1/%2"_s.arg(context.runKey, context.stepId);
        const QString clone = QDir::cleanPath(context.workDirectory + u"/ttl-"_s + context.stepId);

        for (int attempt = 0; attempt < 4; ++attempt) {
            QDir(clone).removeRecursively();
            context.log(Tr::tr("Cloning %1").arg(target->display));
            const auto cloned =
                git({u"clone"_s, u"--quiet"_s, u"--no-tags"_s, u"--branch"_s, branch, target->url, clone},
                    context.workDirectory);
            if (!cloned.ok()) {
                return gitError(cloned, Tr::tr("Could not clone %1").arg(target->display));
            }
            // A resumed attempt: the extension may be on the branch already.
            if (!context.state.value("commit"_L1).toString().isEmpty()) {
                const auto found =
                    git({u"log"_s, u"-n"_s, u"200"_s, u"--format=%H"_s, u"--fixed-strings"_s, u"--grep="_s + trailer},
                        clone);
                if (found.ok() && !found.output.trimmed().isEmpty()) {
                    context.log(Tr::tr("The extension is already on %1; not pushing again").arg(branch));
                    return result(context.state.value("expiresAt"_L1).toString(),
                                  context.state.value("previousExpiresAt"_L1).toString(),
                                  found.output.section(u'\n', 0, 0).trimmed(), *by);
                }
            }
            QFile file(clone + u'/' + path);
            if (!file.open(QIODevice::ReadOnly)) {
                Error e =
                    makeError(Error::Code::Io, Tr::tr("%1 is not in %2 on %3").arg(path, target->display, branch));
                e.field = u"input.path"_s;
                return e;
            }
            const QByteArray bytes = file.readAll();
            file.close();
            const FileReadResult read = DescriptorReader::readData(bytes, path);
            const QString wanted = input.value("entityRef"_L1).toString();
            const auto wantedRef = EntityRef::parse(wanted, u"resource");
            const ParsedDocument *document = nullptr;
            for (const ParsedDocument &d : read.documents) {
                const Entity e = Entity::fromEnvelope(d.root);
                if (wanted.isEmpty()
                    || (wantedRef.ok() && e.refString().compare(wantedRef->toString(), Qt::CaseInsensitive) == 0)) {
                    document = &d;
                    break;
                }
            }
            if (!document) {
                return makeError(
                    Error::Code::Validation,
                    Tr::tr("%1 does not describe %2").arg(path, wanted.isEmpty() ? Tr::tr("an entity") : wanted));
            }
            Entity entity = Entity::fromEnvelope(document->root);
            entity.origin.file = path;
            const QString ref = entity.refString();
            const Catalog::Ptr one = Catalog::build({entity});
            Error problem;
            const auto expiry = TimeToLive::expiryOf(*one, 0, &problem);
            if (!expiry) {
                return problem.message.isEmpty()
                           ? makeError(Error::Code::Validation, Tr::tr("%1 has no time to live to extend").arg(ref))
                           : problem;
            }
            const QDateTime now = (env.clock ? *env.clock : Clock::system()).now().toUTC();
            const QDateTime from = std::max(expiry->expiresAt.toUTC(), now);
            const QDateTime until = from.addSecs(*by);
            const QString untilText = until.toString(Qt::ISODate);
            const QString previousText = expiry->expiresAt.toUTC().toString(Qt::ISODate);
            const auto edited = setAnnotation(QString::fromUtf8(bytes), std::max(0, document->start.line - 1),
                                              TimeToLive::expiresAtAnnotation.toString(), untilText);
            if (!edited.ok()) {
                Error e = edited.error();
                e.file = path;
                return e;
            }
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(edited->toUtf8()) < 0) {
                return makeError(Error::Code::Io, Tr::tr("Could not write %1").arg(path), file.errorString());
            }
            file.close();
            context.log(Tr::tr("%1 expired at %2; now at %3").arg(ref, previousText, untilText));
            const ActionUser &user = env.user;
            const QString name =
                user.displayName.isEmpty() ? (user.login.isEmpty() ? u"Portolan"_s : user.login) : user.displayName;
            const QString email = user.email.isEmpty() ? u"portolan@localhost"_s : user.email;
            const QString message = input.value("commitMessage"_L1)
                                        .toString(Tr::tr("Extend %1 by %2").arg(ref, TimeToLive::formatDuration(*by)))
                                    + u"\n\n"_s + trailer + u'\n';
            for (const QStringList &args :
                 {QStringList{u"add"_s, path},
                  QStringList{u"-c"_s, u"user.name="_s + name, u"-c"_s, u"user.email="_s + email, u"commit"_s,
                              u"--quiet"_s, u"--no-verify"_s, u"-m"_s, message}}) {
                if (const auto ran = git(args, clone); !ran.ok()) {
                    return gitError(
                        ran, Tr::tr("git %1 failed").arg(args.contains(u"commit"_s) ? u"commit"_s : args.first()));
                }
            }
            const QString commit = git({u"rev-parse"_s, u"HEAD"_s}, clone).output.trimmed();
            context.state = {
                {u"commit"_s, commit}, {u"expiresAt"_s, untilText}, {u"previousExpiresAt"_s, previousText}};
            context.saveState(context.state);
            const auto pushed = git({u"push"_s, u"--quiet"_s, u"origin"_s, u"HEAD:refs/heads/"_s + branch}, clone);
            if (pushed.ok()) {
                context.log(Tr::tr("Pushed %1 to %2").arg(commit.left(10), branch));
                return result(untilText, previousText, commit, *by);
            }
            if (!pushed.errorOutput.contains(u"rejected"_s) && !pushed.errorOutput.contains(u"failed to update"_s)) {
                Error e = gitError(pushed, Tr::tr("The repository refused the push to %1").arg(branch));
                e.code = Error::Code::Auth;
                return e;
            }
            // Someone pushed meanwhile (perhaps another extension): read the expiry again and extend from there.
            context.log(Tr::tr("%1 moved on meanwhile; reading the expiry again").arg(branch));
            context.state = {};
            context.saveState(context.state);
        }
        return makeError(Error::Code::Conflict,
                         Tr::tr("%1 kept moving; the time to live was not extended").arg(branch));
    }

private:
    static Result<StepResult> extendNamespace(StepContext &context, qint64 by)
    {
        const ActionEnvironment &env = *context.environment;
        const QString ns = context.input.value("namespace"_L1).toString();
        const auto configured =
            KubeSession::endpointOf(context.input.value("context"_L1).toString(), env, u"input.context"_s);
        if (!configured.ok()) {
            return configured.error();
        }
        KubeSession cluster(*configured, env, context);
        if (const auto opened = cluster.open(); !opened.ok()) {
            return opened.error();
        }
        const QString path = u"/api/v1/namespaces/"_s + QString::fromLatin1(QUrl::toPercentEncoding(ns));
        const auto got = cluster.send("GET", cluster.http().resolve(path));
        if (!got.ok()) {
            Error e = got.error();
            e.message = Tr::tr("Could not read the namespace %1 on %2: %3")
                            .arg(ns, configured->context, e.detail.isEmpty() ? e.message : e.detail);
            return e;
        }
        const QJsonObject object = QJsonDocument::fromJson(got->body).object();
        const QString label = KubeNamespaces::expiresLabel.toString();
        const QString done = context.state.value("epoch"_L1).toString();
        if (!done.isEmpty() && object["metadata"_L1]["labels"_L1].toObject().value(label).toString() == done) {
            context.log(Tr::tr("The namespace %1 has the new expiry already").arg(ns));
            return namespaceResult(context.state.value("expiresAt"_L1).toString(),
                                   context.state.value("previousExpiresAt"_L1).toString(), by);
        }
        // The expiry as the kubernetes source reads it.
        const KubeNamespaces::Mapped mapped =
            KubeNamespaces::entityOf(object, ns, configured->context, configured->context, {});
        for (const Error &e : mapped.problems) {
            if (e.isError()) {
                return e;
            }
        }
        Error problem;
        const Catalog::Ptr one = mapped.entity ? Catalog::build({*mapped.entity}) : Catalog::build({});
        const auto expiry = mapped.entity ? TimeToLive::expiryOf(*one, 0, &problem) : std::nullopt;
        if (!expiry) {
            return problem.message.isEmpty()
                       ? makeError(Error::Code::Validation,
                                   Tr::tr("The namespace %1 has no time to live to extend (no %2 or %3 label)")
                                       .arg(ns, KubeNamespaces::ttlLabel.toString(), label))
                       : problem;
        }
        const QDateTime now = (env.clock ? *env.clock : Clock::system()).now().toUTC();
        const QDateTime until = std::max(expiry->expiresAt.toUTC(), now).addSecs(by);
        const QString untilText = until.toString(Qt::ISODate);
        const QString previousText = expiry->expiresAt.toUTC().toString(Qt::ISODate);
        const QString epoch = QString::number(until.toSecsSinceEpoch());
        context.state = {{u"epoch"_s, epoch}, {u"expiresAt"_s, untilText}, {u"previousExpiresAt"_s, previousText}};
        context.saveState(context.state);
        const QJsonObject patch{
            {u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"Namespace"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, ns}, {u"labels"_s, QJsonObject{{label, epoch}}}}}};
        const auto applied = cluster.send(
            "PATCH", cluster.http().resolve(path + u"?fieldManager=portolan-ttl&force=true"_s),
            QJsonDocument(patch).toJson(QJsonDocument::Compact), QByteArrayLiteral("application/apply-patch+yaml"));
        if (!applied.ok()) {
            Error e = applied.error();
            e.message = Tr::tr("The cluster refused the new expiry of the namespace %1: %2")
                            .arg(ns, e.detail.isEmpty() ? e.message : e.detail);
            return e;
        }
        context.log(Tr::tr("Namespace %1 on %2 expired at %3; now at %4 (%5=%6)")
                        .arg(ns, configured->context, previousText, untilText, label, epoch));
        return namespaceResult(untilText, previousText, by);
    }

    static StepResult namespaceResult(const QString &until, const QString &previous, qint64 by)
    {
        StepResult r;
        r.output = {{u"expiresAt"_s, until}, {u"previousExpiresAt"_s, previous}, {u"extendedBy"_s, by}};
        r.state = {{u"expiresAt"_s, until}, {u"previousExpiresAt"_s, previous}};
        return r;
    }

    static StepResult result(const QString &until, const QString &previous, const QString &commit, qint64 by)
    {
        StepResult r;
        r.output = {{u"expiresAt"_s, until},
                    {u"previousExpiresAt"_s, previous},
                    {u"extendedBy"_s, by},
                    {u"commitHash"_s, commit}};
        r.state = {{u"commit"_s, commit}, {u"expiresAt"_s, until}, {u"previousExpiresAt"_s, previous}};
        return r;
    }
};

} // namespace

std::unique_ptr<StepExecutor> makeTtlExtendExecutor()
{
    return std::make_unique<TtlExtendExecutor>();
}

} // namespace Portolan::Core
