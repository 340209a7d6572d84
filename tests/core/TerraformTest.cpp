// Terraform state files from ../shared/corpus/terraform (Terraform's own format tests, driftctl's and inframap's real
// states, go-tfe's fixtures) and the HCP Terraform API examples from its documentation, replayed by a test server.
#include "cache/CacheDatabase.h"
#include "catalog/Validator.h"
#include "config/Paths.h"
#include "config/Workspace.h"
#include "sources/terraform/TerraformSource.h"
#include "support/GitDaemon.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"
#include "sync/SyncService.h"

#include <QCborArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Portolan::Test;
using namespace Qt::StringLiterals;

namespace {

QString corpus(const QString &path)
{
    return corpusPath(u"terraform/"_s + path);
}

QByteArray read(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

Terraform::State parsed(const QString &name)
{
    const QString path = corpus(u"states/"_s + name);
    auto state = Terraform::parse(read(path), path);
    INFO(name.toStdString());
    REQUIRE(state.ok());
    return state.value();
}

const Terraform::Instance *instance(const Terraform::State &state, const QString &address)
{
    for (const Terraform::Instance &i : state.instances) {
        if (i.address == address) {
            return &i;
        }
    }
    return nullptr;
}

const Entity *entity(const std::vector<Entity> &entities, const QString &title)
{
    for (const Entity &e : entities) {
        if (e.title == title) {
            return &e;
        }
    }
    return nullptr;
}

// The secrets in the corpus states: an RDS master password, a TLS private key, a sensitive output.
const QList<QByteArray> corpusSecrets = {"bar12345678", "BEGIN RSA PRIVATE KEY", "9023256633839603543"};

} // namespace

TEST_CASE("Every state file of the corpus is read: the malformed one is a clear error", "[core][terraform][corpus]")
{
    QDirIterator it(corpus(u"states"_s), {u"*.tfstate"_s}, QDir::Files);
    int read_ = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        INFO(path.toStdString());
        const auto state = Terraform::parse(read(path), path);
        if (path.contains(u".malformed."_s)) {
            REQUIRE_FALSE(state.ok());
            CHECK(state.error().file == path);
            CHECK(state.error().field == u"terraform_version"_s);
            CHECK(state.error().line == 3);
            CHECK(state.error().message.contains(u"\"invalid\""_s));
            continue;
        }
        REQUIRE(state.ok());
        ++read_;
        for (const Terraform::Instance &i : state->instances) {
            CHECK_FALSE(i.address.isEmpty());
            CHECK_FALSE(i.type.isEmpty());
        }
    }
    CHECK(read_ >= 25);

    // `terraform show -json` output is not a state: said so.
    const QString show = corpus(u"json-state/go-tfe__json-state.show-json.json"_s);
    const auto notState = Terraform::parse(read(show), show);
    REQUIRE_FALSE(notState.ok());
    CHECK(notState.error().message.contains(u"terraform show -json"_s));

    // Not JSON at all: the line of the fault.
    const auto broken = Terraform::parse("{\n  \"version\": 4,\n  \"resources\": [\n", u"broken.tfstate"_s);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().file == u"broken.tfstate"_s);
    CHECK(broken.error().line == 4);
}

TEST_CASE("Addresses, modules, instance keys and providers of version 4 states", "[core][terraform]")
{
    const Terraform::State modules = parsed(u"hashicorp-terraform__roundtrip__v4-modules.tfstate"_s);
    CHECK(modules.version == 4);
    CHECK(modules.terraformVersion == u"0.12.0"_s);
    CHECK(modules.lineage == u"f2968801-fa14-41ab-a044-224f3a4adf04"_s);
    REQUIRE(modules.instances.size() == 4);
    const Terraform::Instance *b = instance(modules, u"module.modB.null_resource.bar[\"b\"]"_s);
    REQUIRE(b);
    CHECK(b->module == u"module.modB"_s);
    CHECK(b->indexKey == u"b"_s);
    CHECK(b->resourceAddress == u"module.modB.null_resource.bar"_s);
    CHECK(b->provider == u"registry.terraform.io/-/null"_s);
    CHECK(b->dependencies == QStringList{u"module.modA.null_resource.resource"_s});
    const Terraform::Instance *a = instance(modules, u"module.modA.null_resource.resource"_s);
    REQUIRE(a);
    CHECK(a->attributes.value(u"id"_s).toString() == u"4639265839606265182"_s);

    const Terraform::State data = parsed(u"driftctl__data_source.tfstate"_s);
    CHECK(std::any_of(data.instances.cbegin(), data.instances.cend(), [](const Terraform::Instance &i) {
        return i.mode == u"data"_s && i.address.startsWith(u"data."_s);
    }));

    const Terraform::State counted = parsed(u"driftctl__aws_iam_role_multiple.tfstate"_s);
    CHECK(counted.instances.size() == 3);
    CHECK(instance(counted, counted.instances.at(0).resourceAddress + u"[0]"_s));
}

TEST_CASE("A version 3 state is read with a warning", "[core][terraform]")
{
    const Terraform::State v3 = parsed(u"hashicorp-terraform__roundtrip__v3-simple.tfstate"_s);
    CHECK(v3.version == 3);
    REQUIRE(v3.warnings.size() == 1);
    CHECK(v3.warnings.at(0).severity == Error::Severity::Warning);
    CHECK(v3.warnings.at(0).message.contains(u"version 3"_s));
    REQUIRE(instance(v3, u"null_resource.bar"_s));
    REQUIRE(instance(v3, u"null_resource.foo[0]"_s));
    CHECK(instance(v3, u"null_resource.foo[0]"_s)->resourceAddress == u"null_resource.foo"_s);
    CHECK(instance(v3, u"null_resource.bar"_s)->attributes.value(u"triggers.whaaat"_s).toString() == u"0,1"_s);
    REQUIRE(v3.outputs.size() == 1);
    CHECK(v3.outputs.at(0).value == u"0,1"_s);
}

TEST_CASE("Secrets never leave the state parser", "[core][terraform][secrets]")
{
    // Providers do not mark their secret attributes in the state: their names do.
    const Terraform::State rds = parsed(u"driftctl__aws_rds_cluster.tfstate"_s);
    REQUIRE(rds.instances.size() == 1);
    CHECK(rds.instances.at(0).attributes.value(u"master_password"_s).toString() == QString(Terraform::redactedValue));
    CHECK(rds.instances.at(0).attributes.value(u"master_username"_s).toString() == u"foo"_s);
    CHECK(rds.instances.at(0).redactedCount >= 1);

    // A private key is a secret whatever its attribute is called.
    const Terraform::State certificate = parsed(u"driftctl__google_compute_ssl_certificate.tfstate"_s);
    CHECK(certificate.instances.at(0).attributes.value(u"private_key"_s).toString()
          == QString(Terraform::redactedValue));

    // A sensitive output has no value at all.
    const Terraform::State outputs = parsed(u"go-tfe__state-version.tfstate"_s);
    const auto sensitive = std::find_if(outputs.outputs.cbegin(), outputs.outputs.cend(),
                                        [](const Terraform::Output &o) { return o.name == u"test_output_string"_s; });
    REQUIRE(sensitive != outputs.outputs.cend());
    CHECK(sensitive->sensitive);
    CHECK(sensitive->value.isEmpty());

    // What the state marks sensitive (`sensitive_attributes`, as Terraform 0.15+ writes it for values from sensitive
    // variables) goes too, whatever the name: added here to a corpus state, since no public state in the corpus has
    // a non-empty list.
    QJsonObject root = QJsonDocument::fromJson(read(corpus(u"states/driftctl__github_repository.tfstate"_s))).object();
    QJsonArray resources = root.value("resources"_L1).toArray();
    QJsonObject resource = resources.at(0).toObject();
    QJsonArray instances = resource.value("instances"_L1).toArray();
    QJsonObject first = instances.at(0).toObject();
    const QString description = first.value("attributes"_L1).toObject().value("description"_L1).toString();
    REQUIRE_FALSE(description.isEmpty());
    first.insert("sensitive_attributes"_L1,
                 QJsonArray{QJsonArray{QJsonObject{{"type"_L1, "get_attr"_L1}, {"value"_L1, "description"_L1}}}});
    instances.replace(0, first);
    resource.insert("instances"_L1, instances);
    resources.replace(0, resource);
    root.insert("resources"_L1, resources);
    const auto marked = Terraform::parse(QJsonDocument(root).toJson(), u"marked.tfstate"_s);
    REQUIRE(marked.ok());
    CHECK(marked->instances.at(0).attributes.value(u"description"_s).toString() == QString(Terraform::redactedValue));

    CHECK(Terraform::isSecretName(u"client_secret"));
    CHECK(Terraform::isSecretName(u"disk_encryption_key_raw"));
    CHECK(Terraform::isSecretName(u"password_data"));
    CHECK_FALSE(Terraform::isSecretName(u"kms_key_id"));
    CHECK_FALSE(Terraform::isSecretName(u"http_tokens"));
    CHECK_FALSE(Terraform::isSecretName(u"master_username"));
}

TEST_CASE("A workspace's state as Resource entities, linked to components and to each other", "[core][terraform]")
{
    Terraform::WorkspaceState ws;
    ws.name = u"prod"_s;
    ws.location = corpus(u"states/hashicorp-terraform__roundtrip__v4-modules.tfstate"_s);
    ws.state = parsed(u"hashicorp-terraform__roundtrip__v4-modules.tfstate"_s);
    Terraform::MapOptions options;
    options.sourceId = u"infra"_s;
    options.owner = u"group:platform-team"_s;

    // A component names the resources it uses by annotation.
    Entity booking;
    booking.kind = u"Component"_s;
    booking.name = u"booking-api"_s;
    booking.annotations = {{u"terraform.io/resources"_s, u"prod:module.modB"_s}};
    Entity other;
    other.kind = u"Component"_s;
    other.name = u"elsewhere"_s;
    other.annotations = {{u"terraform.io/resources"_s, u"staging:module.modA"_s}};
    const Catalog::Ptr catalog = Catalog::build({booking, other});

    ErrorList problems;
    const std::vector<Entity> entities = Terraform::map(ws, {}, options, catalog, &problems);
    INFO(describe(problems).toStdString());
    CHECK(problems.isEmpty());
    REQUIRE(entities.size() == 5); // four instances and the workspace
    for (const Entity &e : entities) {
        CHECK(e.kind == u"Resource"_s);
        CHECK(Validator::isValidObjectName(e.name));
        CHECK(e.specString("owner"_L1) == u"group:platform-team"_s);
        CHECK(e.origin.sourceId == u"infra"_s);
        CHECK(e.origin.file == ws.location);
    }
    const Entity *workspace = entity(entities, u"Terraform workspace prod"_s);
    REQUIRE(workspace);
    CHECK(workspace->specString("type"_L1) == u"terraform-workspace"_s);
    CHECK(workspace->spec.value(u"terraform"_s).toMap().value(u"resources"_s).toInteger() == 4);

    const Entity *b = entity(entities, u"module.modB.null_resource.bar[\"b\"]"_s);
    REQUIRE(b);
    CHECK(b->name == u"prod.module.modB.null_resource.bar-b"_s);
    CHECK(b->specString("type"_L1) == u"null_resource"_s);
    CHECK(b->annotation(u"terraform.io/address") == u"module.modB.null_resource.bar[\"b\"]"_s);
    CHECK(b->specStringList("dependencyOf"_L1) == QStringList{u"resource:prod"_s, u"component:default/booking-api"_s});
    CHECK(b->specStringList("dependsOn"_L1) == QStringList{u"resource:prod.module.modA.null_resource.resource"_s});
    CHECK(b->tags.contains(u"terraform"_s));
    // The rule for another workspace links nothing here.
    const Entity *a = entity(entities, u"module.modA.null_resource.resource"_s);
    REQUIRE(a);
    CHECK(a->specStringList("dependencyOf"_L1) == QStringList{u"resource:prod"_s});

    // The tag rule: a resource's tag names its component.
    Terraform::WorkspaceState roles;
    roles.name = u"iam"_s;
    roles.location = u"roles.tfstate"_s;
    roles.state = parsed(u"driftctl__aws_iam_role_multiple.tfstate"_s);
    options.linkTag = u"foo"_s;
    const std::vector<Entity> tagged = Terraform::map(roles, {}, options, Catalog::empty(), &problems);
    QStringList linked;
    for (const Entity &e : tagged) {
        for (const QString &target : e.specStringList("dependencyOf"_L1)) {
            if (target.startsWith(u"component:"_s)) {
                linked.append(target);
            }
        }
    }
    linked.sort();
    CHECK(linked == QStringList{u"component:default/bar0"_s, u"component:default/bar1"_s, u"component:default/bar2"_s});

    // Long addresses still make valid, distinct names.
    const QString longName = Terraform::instanceEntityName(
        u"workspace-1"_s, u"module.media_bucket.aws_s3_bucket_public_access_block.this[0]"_s);
    CHECK(longName.size() <= 63);
    CHECK(Validator::isValidObjectName(longName));
    CHECK(longName
          != Terraform::instanceEntityName(u"workspace-1"_s,
                                           u"module.media_bucket.aws_s3_bucket_public_access_block.this[1]"_s));
}

TEST_CASE("Changes since the last serial: created, modified and destroyed instances", "[core][terraform]")
{
    Terraform::State before = parsed(u"hashicorp-terraform__roundtrip__v4-simple.tfstate"_s);
    Terraform::State after = parsed(u"hashicorp-terraform__roundtrip__v4-modules.tfstate"_s);
    REQUIRE(before.lineage == after.lineage);
    after.serial = before.serial + 1; // the two corpus states share a lineage; as written, both are serial 0
    // and null_resource.bar is the same in both: here its trigger changed.
    for (Terraform::Instance &i : after.instances) {
        if (i.address == u"null_resource.bar"_s) {
            i.attributes.insert(u"triggers.whaaat"_s, u"0,1,2"_s);
        }
    }

    const Terraform::Snapshot first = Terraform::advance({}, before);
    CHECK(first.changes.fromSerial == -1); // a first read calls nothing changed
    CHECK(first.changes.isEmpty());
    CHECK(first.digests.size() == 3);

    const Terraform::Snapshot second = Terraform::advance(first, after);
    CHECK(second.changes.fromSerial == before.serial);
    CHECK(second.changes.toSerial == after.serial);
    CHECK(second.changes.created
          == QStringList{u"module.modA.null_resource.resource"_s, u"module.modB.null_resource.bar[\"a\"]"_s,
                         u"module.modB.null_resource.bar[\"b\"]"_s});
    CHECK(second.changes.destroyed == QStringList{u"null_resource.foo[0]"_s, u"null_resource.foo[1]"_s});
    CHECK(second.changes.modified == QStringList{u"null_resource.bar"_s});

    // The same serial read again keeps what that serial changed; the snapshot round-trips through JSON.
    const Terraform::Snapshot again = Terraform::advance(Terraform::Snapshot::fromJson(second.toJson()), after);
    CHECK(again.changes.created == second.changes.created);
    CHECK(again.changes.destroyed == second.changes.destroyed);

    // Mapped: the instances carry their change, the workspace lists all of them.
    Terraform::WorkspaceState ws{u"prod"_s, u"prod.tfstate"_s, {}, after};
    ErrorList problems;
    const auto entities = Terraform::map(ws, second.changes, {}, Catalog::empty(), &problems);
    const Entity *created = entity(entities, u"module.modA.null_resource.resource"_s);
    REQUIRE(created);
    CHECK(created->spec.value(u"terraform"_s).toMap().value(u"change"_s).toString() == u"created"_s);
    const Entity *workspace = entity(entities, u"Terraform workspace prod"_s);
    REQUIRE(workspace);
    const QCborMap changes = workspace->spec.value(u"terraform"_s).toMap().value(u"changes"_s).toMap();
    CHECK(changes.value(u"destroyed"_s).toArray().size() == 2);
}

TEST_CASE("Terraform from local state files: a damaged file keeps its workspace's last good entities",
          "[core][terraform][source]")
{
    QTemporaryDir dir;
    QTemporaryDir data;
    QDir(dir.path()).mkpath(u"infra"_s);
    QFile::copy(corpus(u"states/driftctl__aws_rds_cluster.tfstate"_s), dir.filePath(u"infra/database.tfstate"_s));
    QFile::copy(corpus(u"states/driftctl__module.iam_iam-user.tfstate"_s), dir.filePath(u"infra/iam.tfstate"_s));
    SourceConfig config;
    config.id = u"infra"_s;
    config.type = u"terraform"_s;
    config.paths = {u"infra"_s};
    config.options = {{u"owner"_s, u"group:platform-team"_s}};
    TerraformSource source(config);
    CHECK(source.backend() == TerraformSource::Backend::Local);
    SyncContext context;
    context.workspaceRoot = dir.path();
    context.dataDir = data.path();
    context.catalog = Catalog::empty();

    auto first = syncOnce(source, context);
    REQUIRE(first.ok());
    INFO(describe(first->problems).toStdString());
    CHECK(first->problems.isEmpty());
    CHECK(first->entities.size() == 5); // 1 + 2 instances, 2 workspaces
    CHECK(first->message.contains(u"3 resource"_s));
    CHECK(first->files.size() == 2);
    CHECK(entity(first->entities, u"Terraform workspace database"_s));

    // The database's state is damaged: its entities stay as they were, with the reason.
    writeFile(dir, u"infra/database.tfstate"_s, "{\n  \"version\": 4,\n  \"terraform_version\": \"invalid\"\n}\n");
    auto second = syncOnce(source, context);
    REQUIRE(second.ok());
    CHECK(second->entities.size() == 5);
    REQUIRE(second->problems.size() == 1);
    CHECK(second->problems.at(0).file == dir.filePath(u"infra/database.tfstate"_s));
    CHECK(second->problems.at(0).field == u"terraform_version"_s);
    CHECK(second->problems.at(0).detail.contains(u"serial 5"_s));

    // What the source keeps between syncs has no secret in it.
    for (const QString &name : QDir(data.path()).entryList(QDir::Files)) {
        const QByteArray kept = read(data.filePath(name));
        for (const QByteArray &secret : corpusSecrets) {
            CHECK_FALSE(kept.contains(secret));
        }
    }

    // No path that exists: a failed sync, so the engine keeps the last good data.
    config.paths = {u"nowhere"_s};
    TerraformSource missing(config);
    auto none = syncOnce(missing, context);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.contains(u"None of the Terraform source's paths exist"_s));
}

TEST_CASE("Terraform's http backend: the state by GET, a 500 keeps the last good entities", "[core][terraform][source]")
{
    HttpTestServer server;
    REQUIRE(server.listen());
    QByteArray state = read(corpus(u"states/driftctl__aws_subnet.tfstate"_s));
    int status = 200;
    QByteArray authorization;
    server.setHandler([&](const HttpTestRequest &request) {
        authorization = request.header("Authorization");
        if (request.url.path() != u"/state/network"_s) {
            return HttpTestResponse::json(404, "{}");
        }
        if (status != 200) {
            return HttpTestResponse::json(status, "{\"error\":\"state store unavailable\"}");
        }
        return HttpTestResponse::json(200, state);
    });
    QNetworkAccessManager network;
    QTemporaryDir data;
    SourceConfig config;
    config.id = u"network"_s;
    config.type = u"terraform"_s;
    config.url = server.url(u"/state/network"_s).toString();
    config.options = {{u"user"_s, u"terraform"_s}};
    TerraformSource source(config);
    CHECK(source.backend() == TerraformSource::Backend::Http);
    SyncContext context;
    context.network = &network;
    context.dataDir = data.path();
    context.secret = u"state-password"_s;
    context.catalog = Catalog::empty();

    auto first = syncOnce(source, context);
    REQUIRE(first.ok());
    CHECK(authorization == "Basic " + QByteArray("terraform:state-password").toBase64());
    CHECK(first->entities.size() == 7); // six subnets and the workspace "network"
    CHECK(entity(first->entities, u"Terraform workspace network"_s));

    status = 500;
    auto second = syncOnce(source, context);
    REQUIRE(second.ok());
    CHECK(second->entities.size() == 7);
    REQUIRE(second->problems.size() == 1);
    CHECK(second->problems.at(0).httpStatus == 500);
}

TEST_CASE("HCP Terraform: workspaces, their current state version and its state, from the API's examples",
          "[core][terraform][source]")
{
    HttpTestServer server;
    REQUIRE(server.listen());
    const QByteArray base = server.url(u"/"_s).toString().toUtf8(); // ends with '/'
    auto example = [&](const QString &name) {
        QByteArray body = read(corpus(u"tfc-api/"_s + name));
        // The recorded answers point at app.terraform.io and archivist.terraform.io: here, at this server.
        body.replace("https://archivist.terraform.io/v1/object/...", QByteArray(base + "archivist/v1/object/state-1"));
        body.replace("https://app.terraform.io/", base);
        return body;
    };
    QStringList paths;
    server.setHandler([&](const HttpTestRequest &request) {
        const QString path = request.url.path();
        paths.append(path);
        if (path == u"/api/v2/organizations/northwind/workspaces"_s) {
            return HttpTestResponse::json(200, example(u"workspaces__list-workspaces__response.json"_s));
        }
        if (path == u"/api/v2/workspaces/ws-6jrRyVDv1J8zQMB5/current-state-version"_s) {
            return HttpTestResponse::json(
                200, example(u"state-versions__fetch-the-current-state-version-for-a-workspace__response.json"_s));
        }
        if (path == u"/archivist/v1/object/state-1"_s) {
            return HttpTestResponse::json(200, read(corpus(u"states/go-tfe__state-version.tfstate"_s)));
        }
        return HttpTestResponse::json(404, "{\"errors\":[{\"status\":\"404\",\"title\":\"not found\"}]}");
    });
    QNetworkAccessManager network;
    QTemporaryDir data;
    SourceConfig config;
    config.id = u"hcp"_s;
    config.type = u"terraform"_s;
    config.url = QString::fromUtf8(base);
    config.options = {{u"organization"_s, u"northwind"_s}, {u"workspaces"_s, QStringList{u"workspace-*"_s}}};
    TerraformSource source(config);
    CHECK(source.backend() == TerraformSource::Backend::Cloud);
    SyncContext context;
    context.network = &network;
    context.dataDir = data.path();
    context.secret = u"team-token"_s;
    context.catalog = Catalog::empty();
    auto result = syncOnce(source, context);
    INFO(paths.join(u", "_s).toStdString());
    INFO((result.ok() ? QString() : result.error().toString() + u' ' + result.error().detail).toStdString());
    REQUIRE(result.ok());
    INFO(describe(result->problems).toStdString());
    CHECK(result->problems.isEmpty());
    const Entity *workspace = entity(result->entities, u"Terraform workspace workspace-1"_s);
    REQUIRE(workspace);
    REQUIRE(workspace->links.size() == 1);
    CHECK(workspace->links.at(0).url == QString::fromUtf8(base) + u"app/northwind/workspaces/workspace-1"_s);
    CHECK(source.upstreamUrl(*workspace) == workspace->links.at(0).url);
    const QCborArray outputs = workspace->spec.value(u"terraform"_s).toMap().value(u"outputs"_s).toArray();
    CHECK(outputs.size() == 7);
    for (const QCborValue &o : outputs) {
        if (o.toMap().value(u"name"_s).toString() == u"test_output_string"_s) {
            CHECK(o.toMap().value(u"sensitive"_s).toBool());
            CHECK(o.toMap().value(u"value"_s).isUndefined());
        }
    }
    CHECK(result->entities.size() == 2); // one bucket access block and the workspace

    // Only the workspaces asked for.
    config.options.insert(u"workspaces"_s, QStringList{u"production"_s});
    TerraformSource none(config);
    auto empty = syncOnce(none, context);
    REQUIRE(empty.ok());
    CHECK(empty->entities.empty());
}

TEST_CASE("No sensitive value of a Terraform state reaches the cache", "[core][terraform][secrets][sync]")
{
    QTemporaryDir dir;
    for (const QString &name :
         {u"driftctl__aws_rds_cluster.tfstate"_s, u"driftctl__google_compute_ssl_certificate.tfstate"_s,
          u"go-tfe__state-version.tfstate"_s}) {
        QDir(dir.path()).mkpath(u"states"_s);
        REQUIRE(QFile::copy(corpus(u"states/"_s + name), dir.filePath(u"states/"_s + name)));
    }
    writeFile(dir, u"portolan.yaml"_s,
              "name: Infra\nsources:\n"
              "  - id: infra\n    type: terraform\n    paths: [states]\n    options: {owner: group:platform-team}\n");
    auto ws = Workspace::open(dir.path());
    REQUIRE(ws.ok());
    SyncOptions options;
    options.cachePath = Paths::cacheFileFor(ws->cacheKey());
    options.watchFiles = false;
    Catalog::Ptr catalog;
    {
        SyncService service(ws.value(), options);
        QObject::connect(&service, &SyncService::catalogReady, &service,
                         [&](const Catalog::Ptr &c, const QList<SourceState> &, bool) { catalog = c; });
        QSignalSpy idle(&service, &SyncService::idle);
        service.init(true);
        REQUIRE(waitUntil([&] { return idle.count() > 0; }, 60000));
    }
    REQUIRE(catalog);
    // Workspaces are named after the files.
    CHECK(catalog->indexOf(u"resource:default/"_s + Terraform::entityName(u"driftctl__aws_rds_cluster"_s)) >= 0);
    const int rds = catalog->indexOf(
        u"resource:default/"_s
        + Terraform::instanceEntityName(u"driftctl__aws_rds_cluster"_s, u"aws_rds_cluster.postgresql"_s));
    INFO("entities: " << catalog->size());
    REQUIRE(rds >= 0);
    CHECK(catalog->entity(rds)
              .spec.value(u"terraform"_s)
              .toMap()
              .value(u"attributes"_s)
              .toMap()
              .value(u"master_password"_s)
              .toString()
          == QString(Terraform::redactedValue));

    // The cache file and everything next to it (WAL) and the source's own folder: no secret, in any form.
    QStringList files{options.cachePath, options.cachePath + u"-wal"_s};
    QDirIterator it(Paths::dataDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.append(it.next());
    }
    int readFiles = 0;
    for (const QString &file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            continue;
        }
        ++readFiles;
        const QByteArray bytes = f.readAll();
        for (const QByteArray &secret : corpusSecrets) {
            INFO(file.toStdString() << " " << secret.toStdString());
            CHECK_FALSE(bytes.contains(secret));
        }
    }
    CHECK(readFiles >= 2);
}
