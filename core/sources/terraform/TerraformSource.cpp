#include "TerraformSource.h"
#include "net/UrlText.h"
#include "util/Threads.h"

#include "catalog/DescriptorLoader.h"
#include "sources/files/FilesSource.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

Q_LOGGING_CATEGORY(lcTerraform, "portolan.source.terraform", QtInfoMsg)

constexpr qint64 maxStateBytes = 512LL * 1024 * 1024;

QStringList optionList(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList) {
        return value.toStringList();
    }
    const QString text = value.toString().trimmed();
    return text.isEmpty() ? QStringList() : text.split(u',', Qt::SkipEmptyParts);
}

bool matchesAny(const QString &name, const QStringList &patterns)
{
    if (patterns.isEmpty()) {
        return true;
    }
    for (const QString &pattern : patterns) {
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(
            pattern.trimmed(), QRegularExpression::UnanchoredWildcardConversion));
        if (QRegularExpression(u'^' + re.pattern() + u'$').match(name).hasMatch()) {
            return true;
        }
    }
    return false;
}

// The workspace a state file stands for: the folder of a terraform.tfstate (terraform.tfstate.d/<workspace>/), else
// the file's name without its extension.
QString workspaceOfFile(const QString &path)
{
    const QFileInfo info(path);
    if (info.fileName() == u"terraform.tfstate"_s) {
        const QString dir = info.dir().dirName();
        return dir.isEmpty() || dir == u"."_s ? u"default"_s : dir;
    }
    return info.completeBaseName();
}

QString memoryFile(const QString &dataDir, const QString &workspace)
{
    return QDir(dataDir).filePath(Terraform::entityName(workspace) + u".json"_s);
}

struct Memory
{
    Terraform::Snapshot snapshot;
    std::vector<Entity> entities;
    bool found = false;
};

Memory recall(const QString &dataDir, const QString &workspace)
{
    Memory memory;
    QFile file(memoryFile(dataDir, workspace));
    if (!file.open(QIODevice::ReadOnly)) {
        return memory;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    if (root.isEmpty()) {
        return memory;
    }
    memory.found = true;
    memory.snapshot = Terraform::Snapshot::fromJson(root.value("snapshot"_L1).toObject());
    for (const QJsonValue &v : root.value("entities"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        Entity entity = Entity::fromEnvelope(QCborMap::fromJsonObject(o.value("entity"_L1).toObject()));
        entity.raw = QJsonDocument(o.value("entity"_L1).toObject()).toJson(QJsonDocument::Indented);
        entity.origin.sourceId = o.value("sourceId"_L1).toString();
        entity.origin.file = o.value("file"_L1).toString();
        entity.origin.revision = o.value("revision"_L1).toString();
        memory.entities.push_back(std::move(entity));
    }
    return memory;
}

void remember(const QString &dataDir, const QString &workspace, const Terraform::Snapshot &snapshot,
              const std::vector<Entity> &entities)
{
    QJsonArray list;
    for (const Entity &entity : entities) {
        list.append(QJsonObject{{"entity"_L1, entity.toJson()},
                                {"sourceId"_L1, entity.origin.sourceId},
                                {"file"_L1, entity.origin.file},
                                {"revision"_L1, entity.origin.revision}});
    }
    QDir().mkpath(dataDir);
    QSaveFile file(memoryFile(dataDir, workspace));
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcTerraform) << "cannot keep the workspace's last entities in" << file.fileName();
        return;
    }
    file.write(QJsonDocument(QJsonObject{{"snapshot"_L1, snapshot.toJson()}, {"entities"_L1, list}})
                   .toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        qCWarning(lcTerraform) << "cannot keep the workspace's last entities in" << file.fileName();
    }
}

} // namespace

namespace Terraform {

Result<SourceResult> processWorkspaces(const QList<TerraformSource::Fetched> &fetched, const MapOptions &options,
                                       const QString &dataDir, const Catalog::Ptr &catalog)
{
    SourceResult result;
    QStringList revisions;
    int workspaces = 0;
    int failed = 0;
    int created = 0;
    int modified = 0;
    int destroyed = 0;
    for (const TerraformSource::Fetched &f : fetched) {
        Memory memory = recall(dataDir, f.name);
        std::optional<Error> problem = f.error;
        std::optional<State> state;
        if (!problem && !f.noState) {
            auto parsed = Terraform::parse(f.body, f.location);
            if (parsed.ok()) {
                state = std::move(parsed).value();
            } else {
                problem = parsed.error();
            }
        }
        if (f.noState) {
            ++workspaces;
            QFile::remove(memoryFile(dataDir, f.name));
            continue;
        }
        if (problem) {
            ++failed;
            // The last good entities stay; the problem says why they are not fresh.
            Error e = *problem;
            if (memory.found) {
                e.detail =
                    (e.detail.isEmpty() ? QString() : e.detail + u"\n"_s)
                    + QCoreApplication::translate("TerraformSource", "The workspace %1 shows what serial %2 held.")
                          .arg(f.name)
                          .arg(memory.snapshot.serial);
                for (Entity &entity : memory.entities) {
                    result.entities.push_back(std::move(entity));
                }
            }
            result.problems.append(e);
            continue;
        }
        ++workspaces;
        for (const Error &w : state->warnings) {
            result.problems.append(w);
        }
        const Snapshot snapshot = advance(memory.snapshot, *state);
        WorkspaceState ws{f.name, f.location, f.pageUrl, std::move(*state)};
        std::vector<Entity> entities = map(ws, snapshot.changes, options, catalog, &result.problems);
        remember(dataDir, f.name, snapshot, entities);
        created += int(snapshot.changes.created.size());
        modified += int(snapshot.changes.modified.size());
        destroyed += int(snapshot.changes.destroyed.size());
        revisions.append(u"%1@%2"_s.arg(f.name).arg(ws.state.serial));
        for (Entity &entity : entities) {
            result.entities.push_back(std::move(entity));
        }
    }
    if (workspaces == 0 && failed > 0 && result.entities.empty()) {
        // Nothing could be read and nothing was known: the sync fails, with the first reason.
        return result.problems.value(0);
    }
    result.revision = revisions.join(u' ');
    const int resources = int(std::count_if(result.entities.cbegin(), result.entities.cend(), [](const Entity &e) {
        return e.specString("type"_L1) != u"terraform-workspace"_s;
    }));
    result.message = QCoreApplication::translate("TerraformSource", "%n resource(s)", nullptr, resources) + u" · "_s
                     + QCoreApplication::translate("TerraformSource", "%n workspace(s)", nullptr, workspaces + failed);
    if (created + modified + destroyed > 0) {
        result.message += u" · "_s
                          + QCoreApplication::translate("TerraformSource", "last changes: %1 created, %2 modified, "
                                                                           "%3 destroyed")
                                .arg(created)
                                .arg(modified)
                                .arg(destroyed);
    }
    return result;
}

} // namespace Terraform

struct TerraformSource::CloudSync
{
    SyncContext context;
    quint64 generation = 0;
    QString base; // https://app.terraform.io
    QString organization;
    struct Workspace
    {
        QString id;
        QString name;
    };
    QList<Workspace> workspaces;
    QList<Fetched> fetched;
};

TerraformSource::TerraformSource(SourceConfig config, QObject *parent)
    : Source(std::move(config), parent)
{
    connect(&m_watcher, &QFutureWatcher<Result<SourceResult>>::finished, this,
            [this] { Q_EMIT finished(m_watcher.result()); });
}

TerraformSource::~TerraformSource()
{
    m_watcher.waitForFinished();
}

TerraformSource::Backend TerraformSource::backend() const
{
    const QString explicitBackend = m_config.options.value(u"backend"_s).toString();
    if (explicitBackend == u"local"_s) {
        return Backend::Local;
    }
    if (explicitBackend == u"http"_s) {
        return Backend::Http;
    }
    if (explicitBackend == u"cloud"_s || explicitBackend == u"remote"_s || explicitBackend == u"tfe"_s) {
        return Backend::Cloud;
    }
    if (m_config.url.isEmpty()) {
        return Backend::Local;
    }
    return m_config.options.contains(u"organization"_s) ? Backend::Cloud : Backend::Http;
}

Terraform::MapOptions TerraformSource::mapOptions() const
{
    Terraform::MapOptions options;
    options.sourceId = m_config.id;
    if (const QString owner = m_config.options.value(u"owner"_s).toString().trimmed(); !owner.isEmpty()) {
        options.owner = owner;
    }
    options.system = m_config.options.value(u"system"_s).toString().trimmed();
    options.linkTag = m_config.options.value(u"linkTag"_s).toString().trimmed();
    options.dataSources = m_config.options.value(u"dataSources"_s).toBool();
    return options;
}

QString TerraformSource::upstreamUrl(const Entity &entity) const
{
    for (const EntityLink &link : entity.links) {
        return link.url;
    }
    const QString file = entity.origin.file;
    return QFileInfo(file).isAbsolute() && QFileInfo::exists(file) ? QUrl::fromLocalFile(file).toString() : QString();
}

HttpClient *TerraformSource::makeClient(const SyncContext &context, const QUrl &base)
{
    HttpOptions options;
    options.baseUrl = base;
    options.tls = m_config.tls;
    options.auth.secret = context.secret;
    const QString user = m_config.options.value(u"user"_s).toString();
    options.auth.kind = context.secret.isEmpty() ? HttpAuth::Kind::None
                                                 : (user.isEmpty() ? HttpAuth::Kind::Bearer : HttpAuth::Kind::Basic);
    options.auth.user = user;
    options.cacheBodies = false;
    bool ok = false;
    const double timeoutSeconds = m_config.options.value(u"timeout"_s).toDouble(&ok);
    if (ok && timeoutSeconds > 0) {
        options.timeoutMs = int(timeoutSeconds * 1000);
    }
    if (backend() == Backend::Cloud) {
        options.headers = {{"Accept", "application/vnd.api+json"}};
    }
    m_client = std::make_unique<HttpClient>(context.network, options);
    if (context.clock) {
        m_client->setClock(context.clock);
    }
    return m_client.get();
}

void TerraformSource::sync(const SyncContext &context)
{
    const quint64 generation = ++m_generation;
    switch (backend()) {
    case Backend::Local:
        fetchLocal(context, generation);
        return;
    case Backend::Http:
    case Backend::Cloud: {
        const QUrl base(baseUrlText(m_config.url));
        if (!base.isValid() || base.host().isEmpty()) {
            Error e = makeError(Error::Code::Config,
                                tr("The Terraform source %1 needs the URL of its state (http backend) or of HCP "
                                   "Terraform")
                                    .arg(m_config.displayName()));
            e.file = m_config.configFile;
            e.line = m_config.line;
            e.field = u"url"_s;
            finishLater(generation, e);
            return;
        }
        if (!context.network) {
            finishLater(generation, makeError(Error::Code::Internal, tr("No network manager for %1").arg(base.host())));
            return;
        }
        if (backend() == Backend::Http) {
            fetchHttp(context, generation);
        } else {
            fetchCloud(context, generation);
        }
        return;
    }
    }
}

void TerraformSource::fetchLocal(const SyncContext &context, quint64 generation)
{
    const QStringList roots = FilesSource::resolveRoots(m_config.paths, context.workspaceRoot);
    const QString configured = m_config.options.value(u"workspace"_s).toString().trimmed();
    const Terraform::MapOptions options = mapOptions();
    const QString dataDir = context.dataDir;
    const Catalog::Ptr catalog = context.catalog;
    const QString displayName = m_config.displayName();
    const QString configFile = m_config.configFile;
    const int configLine = m_config.line;
    Q_UNUSED(generation); // the watcher's result is this sync's: a new sync waits for nothing but replaces the future
    const std::atomic_bool *cancel = context.cancel;
    m_watcher.setFuture(QtConcurrent::run(blockingPool(), [=]() -> Result<SourceResult> {
        lowerCurrentThreadPriority();
        QStringList files;
        bool anyRoot = false;
        for (const QString &root : roots) {
            if (DescriptorLoader::isGlob(root)) {
                anyRoot = true;
                files.append(DescriptorLoader::expandGlob(root, QDir::rootPath()));
            } else if (QFileInfo(root).isDir()) {
                anyRoot = true;
                QDirIterator it(root, {u"*.tfstate"_s}, QDir::Files, QDirIterator::Subdirectories);
                QStringList found;
                while (it.hasNext()) {
                    found.append(it.next());
                }
                found.sort();
                files.append(found);
            } else if (QFileInfo::exists(root)) {
                anyRoot = true;
                files.append(root);
            }
        }
        if (!anyRoot) {
            Error e = makeError(Error::Code::Io, tr("None of the Terraform source's paths exist: %1")
                                                     .arg(roots.isEmpty() ? displayName : roots.join(u", "_s)));
            e.file = roots.isEmpty() ? configFile : roots.value(0);
            e.line = roots.isEmpty() ? configLine : 0;
            return e;
        }
        QList<Fetched> fetched;
        QSet<QString> names;
        for (const QString &path : files) {
            Fetched f;
            f.name = configured.isEmpty() || files.size() > 1 ? workspaceOfFile(path) : configured;
            if (names.contains(f.name)) {
                f.name = QFileInfo(path).dir().dirName() + u'-' + f.name; // two prod.tfstate in two folders
            }
            names.insert(f.name);
            f.location = path;
            QFile file(path);
            if (file.size() > maxStateBytes) {
                Error e =
                    makeError(Error::Code::TooLarge,
                              tr("The state file is larger than %1 MiB; skipped").arg(maxStateBytes / 1024 / 1024));
                e.file = path;
                f.error = e;
            } else if (!file.open(QIODevice::ReadOnly)) {
                Error e = makeError(Error::Code::Io, tr("The state file cannot be read: %1").arg(file.errorString()));
                e.file = path;
                f.error = e;
            } else {
                f.body = file.readAll();
            }
            fetched.append(std::move(f));
            if (cancel && cancel->load()) {
                return makeError(Error::Code::Cancelled, tr("Cancelled"));
            }
        }
        auto result = Terraform::processWorkspaces(fetched, options, dataDir, catalog);
        if (result.ok()) {
            result.value().files = files;
        }
        return result;
    }));
}

void TerraformSource::fetchHttp(const SyncContext &context, quint64 generation)
{
    const QUrl url(baseUrlText(m_config.url));
    HttpClient *client = makeClient(context, url);
    QString name = m_config.options.value(u"workspace"_s).toString().trimmed();
    if (name.isEmpty()) {
        name = url.path().section(u'/', -1);
    }
    if (name.isEmpty()) {
        name = url.host();
    }
    Q_EMIT progress(0, 0, tr("Reading the state from %1").arg(HttpClient::redactedUrl(url)));
    client->get(
        url,
        [this, generation, context, name, url](Result<HttpResponse> response) {
            if (generation != m_generation) {
                return;
            }
            Fetched f;
            f.name = name;
            f.location = HttpClient::redactedUrl(url);
            if (!response.ok()) {
                if (response.error().httpStatus == 404) {
                    f.noState = true; // the http backend's "no state yet"
                } else {
                    Error e = response.error();
                    e.file = f.location;
                    f.error = e;
                }
            } else if (response.value().status == 204 || response.value().body.trimmed().isEmpty()) {
                f.noState = true;
            } else {
                f.body = response.value().body;
            }
            process({f}, context, generation);
        },
        context.cancel);
}

void TerraformSource::fetchCloud(const SyncContext &context, quint64 generation)
{
    auto sync = std::make_shared<CloudSync>();
    sync->context = context;
    sync->generation = generation;
    sync->base = baseUrlText(m_config.url);
    sync->organization = m_config.options.value(u"organization"_s).toString().trimmed();
    if (sync->organization.isEmpty()) {
        Error e = makeError(Error::Code::Config,
                            tr("The Terraform source %1 needs `organization` to read HCP Terraform workspaces")
                                .arg(m_config.displayName()));
        e.file = m_config.configFile;
        e.line = m_config.line;
        e.field = u"options.organization"_s;
        finishLater(generation, e);
        return;
    }
    HttpClient *client = makeClient(context, QUrl(sync->base));
    const QStringList patterns = optionList(m_config.options.value(u"workspaces"_s));
    const QStringList tags = optionList(m_config.options.value(u"tags"_s));
    QUrl first(sync->base + u"/api/v2/organizations/"_s
               + QString::fromLatin1(QUrl::toPercentEncoding(sync->organization)) + u"/workspaces"_s);
    first.setQuery(u"page%5Bsize%5D=100"_s, QUrl::StrictMode);
    Q_EMIT progress(0, 0, tr("Listing the workspaces of %1").arg(sync->organization));
    client->getPages(
        first,
        [sync, patterns, tags](const HttpResponse &page) -> Result<std::optional<QUrl>> {
            const QJsonDocument doc = QJsonDocument::fromJson(page.body);
            if (!doc.isObject() || !doc.object().value("data"_L1).isArray()) {
                Error e = makeError(Error::Code::Parse,
                                    QCoreApplication::translate(
                                        "TerraformSource", "The workspace list is not a JSON:API document with data"));
                e.file = HttpClient::redactedUrl(page.url);
                return e;
            }
            for (const QJsonValue &v : doc.object().value("data"_L1).toArray()) {
                const QJsonObject ws = v.toObject();
                const QJsonObject attributes = ws.value("attributes"_L1).toObject();
                const QString name = attributes.value("name"_L1).toString();
                QStringList wsTags;
                for (const QJsonValue &t : attributes.value("tag-names"_L1).toArray()) {
                    wsTags.append(t.toString());
                }
                const bool tagged = tags.isEmpty() || std::any_of(tags.cbegin(), tags.cend(), [&](const QString &t) {
                                        return wsTags.contains(t.trimmed());
                                    });
                if (!name.isEmpty() && matchesAny(name, patterns) && tagged) {
                    sync->workspaces.append({ws.value("id"_L1).toString(), name});
                }
            }
            const QJsonValue next = doc.object().value("links"_L1).toObject().value("next"_L1);
            if (next.isString() && !next.toString().isEmpty()) {
                return std::optional<QUrl>(page.url.resolved(QUrl(next.toString())));
            }
            return std::optional<QUrl>();
        },
        [this, sync](Result<void> done) {
            if (sync->generation != m_generation) {
                return;
            }
            if (!done.ok()) {
                Q_EMIT finished(done.error());
                return;
            }
            fetchCloudWorkspace(sync, 0);
        },
        context.cancel, 1000);
}

void TerraformSource::fetchCloudWorkspace(const std::shared_ptr<CloudSync> &sync, qsizetype index)
{
    if (sync->generation != m_generation) {
        return;
    }
    if (index >= sync->workspaces.size()) {
        process(sync->fetched, sync->context, sync->generation);
        return;
    }
    if (sync->context.cancel && sync->context.cancel->load()) {
        Q_EMIT finished(makeError(Error::Code::Cancelled, tr("Cancelled")));
        return;
    }
    const CloudSync::Workspace ws = sync->workspaces.at(index);
    Q_EMIT progress(index, sync->workspaces.size(), tr("Reading the state of %1").arg(ws.name));
    Fetched f;
    f.name = ws.name;
    f.pageUrl = sync->base + u"/app/"_s + QString::fromLatin1(QUrl::toPercentEncoding(sync->organization))
                + u"/workspaces/"_s + QString::fromLatin1(QUrl::toPercentEncoding(ws.name));
    const QUrl versionUrl(sync->base + u"/api/v2/workspaces/"_s + QString::fromLatin1(QUrl::toPercentEncoding(ws.id))
                          + u"/current-state-version"_s);
    f.location = HttpClient::redactedUrl(versionUrl);
    m_client->get(
        versionUrl,
        [this, sync, index, f](Result<HttpResponse> version) mutable {
            if (sync->generation != m_generation) {
                return;
            }
            if (!version.ok()) {
                if (version.error().httpStatus == 404) {
                    f.noState = true; // a workspace that has never been applied
                } else {
                    Error e = version.error();
                    e.file = f.location;
                    f.error = e;
                }
                sync->fetched.append(f);
                fetchCloudWorkspace(sync, index + 1);
                return;
            }
            const QJsonObject attributes = QJsonDocument::fromJson(version.value().body)
                                               .object()
                                               .value("data"_L1)
                                               .toObject()
                                               .value("attributes"_L1)
                                               .toObject();
            const QString download = attributes.value("hosted-state-download-url"_L1).toString();
            if (download.isEmpty()) {
                Error e = makeError(Error::Code::Parse,
                                    tr("The current state version of %1 has no hosted-state-download-url").arg(f.name));
                e.file = f.location;
                e.field = u"data.attributes.hosted-state-download-url"_s;
                f.error = e;
                sync->fetched.append(f);
                fetchCloudWorkspace(sync, index + 1);
                return;
            }
            f.knownSerial = qint64(attributes.value("serial"_L1).toDouble(-1));
            const QUrl stateUrl = version.value().url.resolved(QUrl(download));
            m_client->get(
                stateUrl,
                [this, sync, index, f, stateUrl](Result<HttpResponse> state) mutable {
                    if (sync->generation != m_generation) {
                        return;
                    }
                    if (!state.ok()) {
                        Error e = state.error();
                        e.file = HttpClient::redactedUrl(stateUrl);
                        f.error = e;
                    } else {
                        f.body = state.value().body;
                    }
                    sync->fetched.append(f);
                    fetchCloudWorkspace(sync, index + 1);
                },
                sync->context.cancel);
        },
        sync->context.cancel);
}

void TerraformSource::process(QList<Fetched> fetched, const SyncContext &context, quint64 generation)
{
    Q_UNUSED(generation);
    const Terraform::MapOptions options = mapOptions();
    const QString dataDir = context.dataDir;
    const Catalog::Ptr catalog = context.catalog;
    m_watcher.setFuture(QtConcurrent::run(blockingPool(), [fetched, options, dataDir, catalog] {
        lowerCurrentThreadPriority();
        return Terraform::processWorkspaces(fetched, options, dataDir, catalog);
    }));
}

} // namespace Portolan::Core
