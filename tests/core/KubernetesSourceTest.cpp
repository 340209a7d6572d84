// The kubernetes source against a loopback API server (tests/support/KubeTestServer) serving the recorded lists of
// ../shared/corpus/kubernetes: paging, degraded resource types, 410 relists, live watches and reconnects.
#include "sources/kubernetes/KubernetesSource.h"
#include "sources/kubernetes/KubeClient.h"
#include "support/HttpTestServer.h"
#include "support/KubeTestServer.h"
#include "support/TestSupport.h"
#include "ttl/TimeToLive.h"
#include "util/Clock.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <optional>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;
using Portolan::Test::KubeTestServer;
using Portolan::Test::spinUntil;

namespace {

const QString token = u"kube-test-token"_s;

Entity component(const QString &name, const QString &key, const QString &value)
{
    Entity e;
    e.apiVersion = u"backstage.io/v1alpha1"_s;
    e.kind = u"Component"_s;
    e.name = name;
    e.annotations = {{key, value}};
    return e;
}

struct Harness
{
    QNetworkAccessManager network;
    KubeTestServer server;
    QTemporaryDir dir;
    std::atomic_bool cancel = false;
    QString kubeconfig;

    Harness()
    {
        REQUIRE(server.listen());
        server.setToken(token);
        server.loadList(u"deployments"_s, u"k3s-bundle__deployments__default.DeploymentList.json"_s);
        server.loadList(u"deployments"_s, u"k3s-bundle__deployments__kube-system.DeploymentList.json"_s);
        server.loadList(u"replicasets"_s, u"k3s-bundle__replicasets__default.ReplicaSetList.json"_s);
        server.loadList(u"pods"_s, u"k3s-bundle__pods__default.PodList.json"_s);
        server.loadList(u"pods"_s, u"k3s-bundle__pods__kube-system.PodList.json"_s);
        server.loadList(u"services"_s, u"k3s-bundle__services__default.ServiceList.json"_s);
        server.loadList(u"events"_s, u"k3s-bundle__events__default.EventList.json"_s);
        server.loadList(u"daemonsets"_s, u"k3s-bundle__daemonsets__kube-system.DaemonSetList.json"_s);
        server.loadList(u"jobs"_s, u"k3s-bundle__jobs__kube-system.JobList.json"_s);
        server.loadList(u"cronjobs"_s, u"k3s-bundle__cronjobs__default.CronJobList.empty.json"_s);
        server.loadList(u"ingresses"_s, u"k3s-bundle__ingress__default.IngressList.empty.json"_s);
        REQUIRE(dir.isValid());
        writeKubeconfig({{u"k3s"_s, server.url().toString()}});
    }

    // A kubeconfig with one context per (name, server), each with the test token.
    void writeKubeconfig(const QList<QPair<QString, QString>> &contexts)
    {
        QString text = u"apiVersion: v1\nkind: Config\ncurrent-context: %1\nclusters:\n"_s.arg(contexts.first().first);
        for (const auto &c : contexts) {
            text += u"- name: %1\n  cluster:\n    server: %2\n"_s.arg(c.first, c.second);
        }
        text += u"users:\n- name: tester\n  user:\n    token: %1\ncontexts:\n"_s.arg(token);
        for (const auto &c : contexts) {
            text += u"- name: %1\n  context:\n    cluster: %1\n    user: tester\n"_s.arg(c.first);
        }
        kubeconfig = Portolan::Test::writeFile(dir, u"kubeconfig"_s, text.toUtf8());
    }

    SourceConfig config(QVariantMap options = {}) const
    {
        SourceConfig c;
        c.id = u"clusters"_s;
        c.type = u"kubernetes"_s;
        c.configFile = u"/ws/portolan.yaml"_s;
        c.line = 12;
        options.insert(u"kubeconfig"_s, kubeconfig);
        if (!options.contains(u"backoffMs"_s)) {
            options.insert(u"backoffMs"_s, 100);
        }
        c.options = options;
        return c;
    }

    SyncContext context(bool live = false)
    {
        SyncContext c;
        c.network = &network;
        c.cancel = &cancel;
        c.clock = &Clock::system();
        c.live = live;
        std::vector<Entity> entities;
        entities.push_back(component(u"backend"_s, u"backstage.io/kubernetes-label-selector"_s, u"app=backend-api"_s));
        entities.push_back(component(u"compute"_s, u"backstage.io/kubernetes-label-selector"_s, u"app=cpu-hog"_s));
        entities.push_back(component(u"php"_s, u"backstage.io/kubernetes-label-selector"_s, u"name=foo"_s));
        entities.push_back(component(u"dns"_s, u"backstage.io/kubernetes-label-selector"_s, u"k8s-app=kube-dns"_s));
        c.catalog = Catalog::build(std::move(entities));
        return c;
    }
};

std::optional<Result<SourceResult>> runSync(Source &source, const SyncContext &context, int timeoutMs = 20000)
{
    std::optional<Result<SourceResult>> result;
    const auto connection = QObject::connect(&source, &Source::finished, &source,
                                             [&result](const Result<SourceResult> &r) { result.emplace(r); });
    source.sync(context);
    spinUntil([&result] { return result.has_value(); }, timeoutMs);
    QObject::disconnect(connection);
    return result;
}

QStringList messages(const ErrorList &problems)
{
    QStringList out;
    for (const Error &e : problems) {
        out.append(e.message);
    }
    return out;
}

} // namespace

TEST_CASE("The kubernetes source lists every resource type in pages and maps it", "[kubernetes][source]")
{
    Harness h;
    KubernetesSource source(h.config({{u"pageSize"_s, 2}, {u"environments"_s, QVariantMap{{u"k3s"_s, u"Staging"_s}}}}));
    QSignalSpy progress(&source, &Source::progress);
    const auto result = runSync(source, h.context());
    REQUIRE(result.has_value());
    REQUIRE(result->ok());
    const SourceResult &r = result->value();
    INFO(Portolan::Test::describe(r.problems).toStdString());
    CHECK(r.entities.empty());
    CHECK(Portolan::Test::countErrors(r.problems) == 0); // the kubeconfig's warning about plain http only
    CHECK(r.message.contains(u"13 pods, 3 entities with runtime"_s));
    CHECK(r.revision.startsWith(u"k3s@"_s));
    CHECK(progress.size() >= 10);

    // Paging: 13 pods (default and kube-system) in pages of 2, each later page with the continue token.
    const QList<KubeTestServer::Request> pods = h.server.requests(u"pods"_s, false);
    REQUIRE(pods.size() == 7);
    CHECK(pods.first().path == u"/api/v1/pods"_s);
    CHECK(pods.first().query.queryItemValue(u"limit"_s) == u"2"_s);
    CHECK_FALSE(pods.first().query.hasQueryItem(u"continue"_s));
    for (int i = 1; i < pods.size(); ++i) {
        CHECK_FALSE(pods[i].query.queryItemValue(u"continue"_s).isEmpty());
    }
    for (const KubeTestServer::Request &request : h.server.requests()) {
        CHECK(request.authorization == "Bearer " + token.toUtf8());
    }
    const QList<KubeTestServer::Request> events = h.server.requests(u"events"_s, false);
    REQUIRE_FALSE(events.isEmpty());
    CHECK(events.first().query.queryItemValue(u"fieldSelector"_s, QUrl::FullyDecoded) == u"type=Warning"_s);
    CHECK(h.server.requests(u"deployments"_s, false).first().path == u"/apis/apps/v1/deployments"_s);
    CHECK(h.server.requests(u"ingresses"_s, false).first().path == u"/apis/networking.k8s.io/v1/ingresses"_s);
    CHECK(h.server.requests(u"cronjobs"_s, false).first().path == u"/apis/batch/v1/cronjobs"_s);

    const EntityRuntime backend = r.runtime.value(u"component:default/backend"_s);
    REQUIRE(backend.workloads.size() == 1);
    CHECK(backend.workloads.first().cluster == u"Staging"_s);
    CHECK(backend.health == Health::Degraded);
    CHECK(backend.workloads.first().healthReason == u"CrashLoopBackOff in backend-api-75fb46b7bd-xtkrh"_s);
    CHECK(backend.services.size() == 1);
    CHECK_FALSE(backend.events.isEmpty());
    CHECK(r.runtime.value(u"component:default/compute"_s).workloads.first().pods.size() == 3);
    CHECK(r.runtime.contains(u"component:default/dns"_s)); // kube-system's coredns
    CHECK_FALSE(r.runtime.contains(u"component:default/php"_s));
}

TEST_CASE("Namespaced lists: a 403 on one resource type degrades only it", "[kubernetes][source]")
{
    Harness h;
    h.server.failList(u"pods"_s, 403, u"kube-system"_s);
    h.server.failList(u"cronjobs"_s, 404);
    h.server.failList(u"jobs"_s, 500, u"kube-system"_s);
    KubernetesSource source(h.config({{u"namespaces"_s, QVariantList{u"default"_s, u"kube-system"_s}}}));
    const auto result = runSync(source, h.context());
    REQUIRE(result.has_value());
    REQUIRE(result->ok());
    const SourceResult &r = result->value();
    const QStringList texts = messages(r.problems);
    INFO(texts.join(u'\n').toStdString());
    CHECK(h.server.requests(u"pods"_s, false).first().path.startsWith(u"/api/v1/namespaces/"_s));

    const auto forbidden =
        std::find_if(r.problems.cbegin(), r.problems.cend(), [](const Error &e) { return e.httpStatus == 403; });
    REQUIRE(forbidden != r.problems.cend());
    CHECK(forbidden->message.startsWith(
        u"Portolan may not list pods in namespace kube-system on k3s: pods is forbidden"_s));
    CHECK(forbidden->code == Error::Code::Auth);
    CHECK(forbidden->severity == Error::Severity::Warning);
    const auto notServed =
        std::find_if(r.problems.cbegin(), r.problems.cend(), [](const Error &e) { return e.httpStatus == 404; });
    REQUIRE(notServed != r.problems.cend());
    CHECK(notServed->severity == Error::Severity::Info);
    CHECK(notServed->message.contains(u"cronjobs (batch/v1)"_s));
    const auto internal =
        std::find_if(r.problems.cbegin(), r.problems.cend(), [](const Error &e) { return e.httpStatus == 500; });
    REQUIRE(internal != r.problems.cend());
    CHECK(internal->message.contains(u"converting  to : type names don't match (Pod, Namespace)"_s));

    // Everything else still maps; kube-system's pods are missing, so coredns has no pods but its Deployment.
    CHECK(r.runtime.value(u"component:default/backend"_s).workloads.size() == 1);
    const EntityRuntime dns = r.runtime.value(u"component:default/dns"_s);
    REQUIRE(dns.workloads.size() == 1);
    CHECK(dns.workloads.first().pods.isEmpty());
    CHECK(dns.problems.size() >= 1); // the forbidden pods show on the entity
}

TEST_CASE("An expired continue token lists again from the start", "[kubernetes][source]")
{
    Harness h;
    h.server.failList(u"pods"_s, 410, {}, 1);
    KubernetesSource source(h.config({{u"pageSize"_s, 4}}));
    const auto result = runSync(source, h.context());
    REQUIRE(result.has_value());
    REQUIRE(result->ok());
    CHECK(Portolan::Test::countErrors(result->value().problems) == 0);
    const QList<KubeTestServer::Request> pods = h.server.requests(u"pods"_s, false);
    // 13 pods in pages of 4: page 1, page 2 -> 410, then pages 1 to 4 again
    REQUIRE(pods.size() == 6);
    CHECK_FALSE(pods[1].query.queryItemValue(u"continue"_s).isEmpty());
    CHECK_FALSE(pods[2].query.hasQueryItem(u"continue"_s));
    CHECK(source.podCount() == 13);
}

TEST_CASE("Bad options and unreachable contexts", "[kubernetes][source]")
{
    Harness h;
    SECTION("a bad option value is a Config error naming the field")
    {
        KubernetesSource source(h.config({{u"contexts"_s, QVariantMap{{u"a"_s, 1}}}}));
        const auto result = runSync(source, h.context());
        REQUIRE(result.has_value());
        REQUIRE_FALSE(result->ok());
        CHECK(result->error().code == Error::Code::Config);
        CHECK(result->error().field == u"options.contexts"_s);
        CHECK(result->error().file == u"/ws/portolan.yaml"_s);
        CHECK(result->error().line == 12);
    }
    SECTION("one unreachable context fails only itself; all unreachable fails the sync")
    {
        QTcpServer closed;
        REQUIRE(closed.listen(QHostAddress::LocalHost));
        const QString deadUrl = u"http://127.0.0.1:%1"_s.arg(closed.serverPort());
        closed.close();
        h.writeKubeconfig({{u"k3s"_s, h.server.url().toString()}, {u"gone"_s, deadUrl}});
        KubernetesSource source(h.config({{u"contexts"_s, QVariantList{u"k3s"_s, u"gone"_s}}}));
        const auto result = runSync(source, h.context());
        REQUIRE(result.has_value());
        REQUIRE(result->ok());
        const QStringList texts = messages(result->value().problems);
        INFO(texts.join(u'\n').toStdString());
        CHECK(texts.filter(u"The context gone could not be read"_s).size() == 1);
        CHECK(result->value().runtime.contains(u"component:default/backend"_s));

        KubernetesSource onlyDead(h.config({{u"contexts"_s, QVariantList{u"gone"_s}}}));
        const auto failed = runSync(onlyDead, h.context());
        REQUIRE(failed.has_value());
        REQUIRE_FALSE(failed->ok());
        CHECK(failed->error().code == Error::Code::Network);
    }
}

TEST_CASE("Live watches update entities and reconnect", "[kubernetes][source][watch]")
{
    Harness h;
    KubernetesSource source(h.config({{u"watchTimeoutSeconds"_s, 30}}));
    QList<QHash<QString, EntityRuntime>> changes;
    QList<ErrorList> liveProblems;
    QObject::connect(&source, &Source::runtimeChanged, &source,
                     [&changes](const QHash<QString, EntityRuntime> &r) { changes.append(r); });
    QObject::connect(&source, &Source::liveProblemsChanged, &source,
                     [&liveProblems](const ErrorList &p) { liveProblems.append(p); });
    const auto result = runSync(source, h.context(true));
    REQUIRE(result.has_value());
    REQUIRE(result->ok());
    REQUIRE(spinUntil([&h] { return h.server.openWatches() == 10; }));

    const QList<KubeTestServer::Request> watches = h.server.requests(u"pods"_s, true);
    REQUIRE(watches.size() == 1);
    CHECK(watches.first().query.queryItemValue(u"resourceVersion"_s) == QString::number(h.server.resourceVersion()));
    CHECK(watches.first().query.queryItemValue(u"allowWatchBookmarks"_s) == u"true"_s);
    CHECK(watches.first().query.queryItemValue(u"timeoutSeconds"_s) == u"30"_s);
    CHECK(h.server.requests(u"events"_s, true).first().query.queryItemValue(u"fieldSelector"_s, QUrl::FullyDecoded)
          == u"type=Warning"_s);
    CHECK(watches.first().authorization == "Bearer " + token.toUtf8());

    SECTION("the recorded watch stream: ADDED, MODIFIED, DELETED of a pod")
    {
        // One event every 400 ms, longer than a batch (250 ms): each shows on its own.
        REQUIRE(h.server.replay(u"pods"_s, u"kubeclient__watch_stream.pods.ndjson"_s, 400) == 3);
        // ADDED: the php pod appears under the entity that selects name=foo.
        REQUIRE(spinUntil([&changes] {
            return std::any_of(changes.cbegin(), changes.cend(), [](const auto &c) {
                return c.contains(u"component:default/php"_s) && !c.value(u"component:default/php"_s).isEmpty();
            });
        }));
        // ... and after DELETED its runtime is empty again.
        REQUIRE(spinUntil([&changes] {
            return !changes.isEmpty() && changes.last().contains(u"component:default/php"_s)
                   && changes.last().value(u"component:default/php"_s).isEmpty();
        }));
        for (const auto &c : std::as_const(changes)) {
            CHECK(c.size() == 1); // only the entity that owns the pod
        }
        CHECK(source.liveStats().events == 3);
    }

    SECTION("a MODIFIED pod changes its entity's health")
    {
        const QJsonArray pods =
            QJsonDocument::fromJson([] {
                QFile f(Portolan::Test::corpusPath(u"kubernetes/lists/k3s-bundle__pods__default.PodList.json"_s));
                REQUIRE(f.open(QIODevice::ReadOnly));
                return f.readAll();
            }())
                .object()
                .value("items"_L1)
                .toArray();
        QJsonObject pod = pods.at(0).toObject();
        pod[u"status"_s] = pods.at(4).toObject().value("status"_L1); // the crash-looping pod recovers
        h.server.upsert(u"pods"_s, pod);
        REQUIRE(spinUntil([&changes] { return !changes.isEmpty(); }));
        REQUIRE(changes.last().contains(u"component:default/backend"_s));
        CHECK(changes.last().size() == 1);
        const EntityRuntime backend = changes.last().value(u"component:default/backend"_s);
        CHECK(backend.workloads.first().pods.first().health == Health::Healthy);
        CHECK(backend.workloads.first().pods.first().reason.isEmpty());
    }

    SECTION("a dropped stream reconnects from the last resourceVersion")
    {
        h.server.bookmark(u"pods"_s);
        spinUntil([] { return false; }, 200);
        const qint64 version = h.server.resourceVersion();
        h.server.dropWatches(u"pods"_s);
        REQUIRE(spinUntil([&liveProblems] { return !liveProblems.isEmpty(); }));
        CHECK(messages(liveProblems.first()).filter(u"The watch of pods on k3s broke"_s).size() == 1);
        REQUIRE(spinUntil([&h] { return h.server.requests(u"pods"_s, true).size() == 2; }));
        CHECK(h.server.requests(u"pods"_s, true).last().query.queryItemValue(u"resourceVersion"_s)
              == QString::number(version));
        // Recovered: the watch problem is gone (the kubeconfig's warning about plain http stays).
        REQUIRE(spinUntil([&liveProblems] {
            return liveProblems.size() >= 2 && messages(liveProblems.last()).filter(u"broke"_s).isEmpty();
        }));
        CHECK(h.server.requests(u"pods"_s, false).size() == 1); // no relist needed
    }

    SECTION("an expired resourceVersion mid-watch relists, then watches again")
    {
        h.server.compact();
        h.server.sendExpired(u"pods"_s);
        REQUIRE(spinUntil([&h] { return h.server.requests(u"pods"_s, false).size() == 2; }));
        REQUIRE(spinUntil([&h] { return h.server.requests(u"pods"_s, true).size() == 2; }));
        // A change after the relist still arrives.
        QJsonObject pod = KubeTestServer::generatedPodTemplate();
        QJsonObject metadata = pod.value("metadata"_L1).toObject();
        metadata[u"name"_s] = u"memory-hungry-app-59c695fbfb-new01"_s;
        metadata[u"labels"_s] = QJsonObject{{u"app"_s, u"backend-api"_s}};
        pod[u"metadata"_s] = metadata;
        h.server.upsert(u"pods"_s, pod);
        REQUIRE(spinUntil(
            [&changes] { return !changes.isEmpty() && changes.last().contains(u"component:default/backend"_s); }));
    }

    SECTION("a changed kubeconfig asks for the source to be read again, once the writes settle")
    {
        int requested = 0;
        QObject::connect(&source, &Source::syncRequested, &source, [&requested] { ++requested; });
        // `kubectl config use-context` style: the file is replaced (written elsewhere, renamed over it), twice.
        for (int i = 0; i < 2; ++i) {
            QFile replacement(h.kubeconfig + u".new"_s);
            REQUIRE(replacement.open(QIODevice::WriteOnly));
            QFile current(h.kubeconfig);
            REQUIRE(current.open(QIODevice::ReadOnly));
            replacement.write(current.readAll() + "# edited\n");
            replacement.close();
            QFile::remove(h.kubeconfig);
            REQUIRE(QFile::rename(h.kubeconfig + u".new"_s, h.kubeconfig));
            spinUntil([] { return false; }, 100);
        }
        REQUIRE(spinUntil([&requested] { return requested > 0; }, 5000));
        spinUntil([] { return false; }, KubernetesSource::reloadDelayMs + 300);
        CHECK(requested == 1); // the burst of writes is one request
        // The replaced file is watched again: the next edit is noticed too.
        QFile again(h.kubeconfig);
        REQUIRE(again.open(QIODevice::Append));
        again.write("# again\n");
        again.close();
        REQUIRE(spinUntil([&requested] { return requested == 2; }, 5000));
        // What the engine then does: a new sync replaces the watches with those of the kubeconfig read again.
        const auto reread = runSync(source, h.context(true));
        REQUIRE(reread.has_value());
        REQUIRE(reread->ok());
        REQUIRE(spinUntil([&h] { return h.server.openWatches() == 10; }));
        spinUntil([] { return false; }, 300);
        CHECK(h.server.openWatches() == 10); // the old ones are closed, not doubled
    }

    source.stopLive();
    REQUIRE(spinUntil([&h] { return h.server.openWatches() == 0; }));
}

TEST_CASE("Namespaces labelled with a time to live are Resource entities that TimeToLive counts down",
          "[kubernetes][source][ttl]")
{
    Harness h;
    h.server.loadList(u"namespaces"_s, u"k3s-bundle__namespaces.NamespaceList.json"_s); // four, none labelled
    // Namespaces as the API server keeps them after an action made and labelled them (`kubectl create namespace`,
    // `kubectl label`): the recorded "default" namespace with another name, labels and creation time.
    const QJsonObject recorded = h.server.object(u"namespaces"_s, {}, u"default"_s);
    REQUIRE_FALSE(recorded.isEmpty());
    const auto labelled = [&recorded](const QString &name, const QJsonObject &labels, const QString &created,
                                      const QJsonObject &annotations = {}) {
        QJsonObject object = recorded;
        QJsonObject metadata = object.value("metadata"_L1).toObject();
        metadata.insert(u"name"_s, name);
        metadata.insert(u"uid"_s, QString(u"0c0ffee0-0000-4000-8000-"_s + name.right(12).rightJustified(12, u'0')));
        QJsonObject all = labels;
        all.insert(u"kubernetes.io/metadata.name"_s, name);
        metadata.insert(u"labels"_s, all);
        metadata.insert(u"creationTimestamp"_s, created);
        if (!annotations.isEmpty()) {
            metadata.insert(u"annotations"_s, annotations);
        }
        object.insert(u"metadata"_s, metadata);
        return object;
    };
    h.server.upsert(u"namespaces"_s,
                    labelled(u"preview-shipment-4e0b11c2"_s,
                             {{u"portolan.dev/ttl"_s, u"4h"_s}, {u"portolan.dev/owner"_s, u"platform-team"_s}},
                             u"2026-11-28T08:00:00Z"_s));
    h.server.upsert(u"namespaces"_s,
                    labelled(u"preview-routes-74a79716"_s, {{u"portolan.dev/expires-at"_s, u"1796029200"_s}},
                             u"2026-11-28T09:00:00Z"_s, {{u"portolan.dev/owner"_s, u"user:default/mei.lin"_s}}));
    h.server.upsert(u"namespaces"_s, labelled(u"preview-broken"_s, {{u"portolan.dev/expires-at"_s, u"tomorrow"_s}},
                                              u"2026-11-28T10:00:00Z"_s));

    KubernetesSource source(h.config({{u"environments"_s, QVariantMap{{u"k3s"_s, u"Staging"_s}}}}));
    const auto result = runSync(source, h.context());
    REQUIRE(result.has_value());
    REQUIRE(result->ok());
    const SourceResult &r = result->value();
    INFO(Portolan::Test::describe(r.problems).toStdString());
    REQUIRE(r.entities.size() == 3);
    CHECK(r.message.contains(u"; 3 namespace"_s)); // "3 namespaces with a time to live" in English
    const QList<KubeTestServer::Request> listed = h.server.requests(u"namespaces"_s, false);
    REQUIRE(listed.size() == 1); // one list, not watched
    CHECK(listed.first().path == u"/api/v1/namespaces"_s);

    // The unreadable label is a problem naming the context, the namespace and the label; that namespace gets no
    // expiry (never expired by mistake).
    const auto bad = std::find_if(r.problems.cbegin(), r.problems.cend(), [](const Error &e) {
        return e.field == u"metadata.labels.portolan.dev/expires-at"_s;
    });
    REQUIRE(bad != r.problems.cend());
    CHECK(bad->file == u"kubernetes:k3s/namespaces/preview-broken"_s);
    CHECK(bad->message.contains(u"\"tomorrow\""_s));

    const Catalog::Ptr catalog = Catalog::build(std::vector<Entity>(r.entities));
    const int shipment = catalog->find(u"resource:default/preview-shipment-4e0b11c2"_s);
    REQUIRE(shipment >= 0);
    const Entity &entity = catalog->entity(shipment);
    CHECK(entity.title == u"preview-shipment-4e0b11c2 (Staging)"_s);
    CHECK(entity.spec.value("type"_L1).toString() == u"kubernetes-namespace"_s);
    CHECK(entity.annotation(u"backstage.io/kubernetes-namespace"_s) == u"preview-shipment-4e0b11c2"_s);
    CHECK(entity.annotation(u"portolan.dev/kubernetes-context"_s) == u"k3s"_s);
    CHECK(entity.origin.sourceId == u"clusters"_s);

    ErrorList problems;
    const QList<Expiry> expiries = TimeToLive::expiries(*catalog, &problems);
    INFO(Portolan::Test::describe(problems).toStdString());
    CHECK(problems.isEmpty());
    REQUIRE(expiries.size() == 2);
    // Soonest first: 4 h from its creation at 08:00 on 28 November, then the outright expiry (1796029200 is
    // 2026-11-30T09:00:00Z).
    CHECK(expiries.at(0).entityRef == u"resource:default/preview-shipment-4e0b11c2"_s);
    CHECK(expiries.at(0).expiresAt == QDateTime(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC));
    CHECK(expiries.at(0).ttlSeconds == 4 * 3600);
    CHECK(expiries.at(0).owner == u"platform-team"_s);
    CHECK(expiries.at(1).entityRef == u"resource:default/preview-routes-74a79716"_s);
    CHECK(expiries.at(1).expiresAt == QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC));
    CHECK(expiries.at(1).owner == u"user:default/mei.lin"_s);
}

TEST_CASE("Credentials that may not list namespaces cost only the namespaces' time to live",
          "[kubernetes][source][ttl]")
{
    Harness h;
    h.server.failList(u"namespaces"_s, 403);
    KubernetesSource source(h.config());
    const auto result = runSync(source, h.context());
    REQUIRE(result.has_value());
    REQUIRE(result->ok());
    const SourceResult &r = result->value();
    CHECK(r.entities.empty());
    CHECK(r.message.contains(u"3 entities with runtime"_s));
    const auto info = std::find_if(r.problems.cbegin(), r.problems.cend(), [](const Error &e) {
        return e.message.startsWith(u"Namespaces with a time to live on k3s are not shown"_s);
    });
    REQUIRE(info != r.problems.cend());
    CHECK(info->severity == Error::Severity::Info);
    CHECK(Portolan::Test::countErrors(r.problems) == 0);
}
