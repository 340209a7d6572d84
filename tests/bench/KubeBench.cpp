// The kubernetes source at scale: 50,000 pods (generated from a recorded k3s pod) listed from a loopback API server
// (tests/support/KubeTestServer, on its own thread), mapped to 500 entities by label selector, then 1,000 watch
// events per second for 30 s. Prints the time to the first runtime, memory per pod and the live-update figures.
//   portolan_bench_kube [--pods N] [--rate EVENTS_PER_SECOND] [--seconds S]
#include "sources/kubernetes/KubernetesSource.h"
#include "support/KubeTestServer.h"
#include "util/Clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <malloc.h>
#include <sys/resource.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <optional>

using namespace Portolan::Core;
using Portolan::Test::KubeTestServer;
using namespace Qt::StringLiterals;

namespace {

qint64 heapBytes()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

qint64 rssBytes()
{
    QFile f(u"/proc/self/statm"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.value(1).toLongLong() * 4096;
}

// CPU time of the calling thread: on a busy machine the wall times stretch, this does not.
double threadCpuSeconds()
{
    struct rusage usage
    {
    };
    getrusage(RUSAGE_THREAD, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption podsOption(u"pods"_s, u"Pods"_s, u"n"_s, u"50000"_s);
    const QCommandLineOption rateOption(u"rate"_s, u"Watch events per second"_s, u"n"_s, u"1000"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Seconds of watch events"_s, u"n"_s, u"30"_s);
    parser.addOptions({podsOption, rateOption, secondsOption});
    parser.process(app);
    const int pods = parser.value(podsOption).toInt();
    const int rate = parser.value(rateOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();

    // The server on its own thread, so serving and generating does not count against the source.
    QThread serverThread;
    serverThread.start();
    KubeTestServer *server = nullptr;
    QObject anchor;
    anchor.moveToThread(&serverThread);
    QMetaObject::invokeMethod(
        &anchor,
        [&server, pods] {
            server = new KubeTestServer;
            server->setRecordRequests(false);
            server->generatePods(KubeTestServer::generatedPodTemplate(), pods, u"bench"_s);
            if (!server->listen()) {
                std::fprintf(stderr, "cannot listen\n");
            }
        },
        Qt::BlockingQueuedConnection);
    const QString url = server->url().toString();

    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(u"kubeconfig"_s);
    {
        QFile f(kubeconfig);
        if (!f.open(QIODevice::WriteOnly)) {
            return 1;
        }
        f.write(u"apiVersion: v1\nkind: Config\ncurrent-context: bench\nclusters:\n- name: bench\n  cluster:\n"
                "    server: %1\nusers:\n- name: bench\n  user: {}\ncontexts:\n- name: bench\n  context:\n"
                "    cluster: bench\n    user: bench\n"_s.arg(url)
                    .toUtf8());
    }
    const int apps = std::max(1, pods / 100);
    std::vector<Entity> entities;
    for (int i = 0; i < apps; ++i) {
        Entity e;
        e.apiVersion = u"backstage.io/v1alpha1"_s;
        e.kind = u"Component"_s;
        e.name = u"service-%1"_s.arg(i);
        e.annotations = {{u"backstage.io/kubernetes-label-selector"_s, u"app=app-%1"_s.arg(i)}};
        entities.push_back(std::move(e));
    }

    SourceConfig config;
    config.id = u"bench"_s;
    config.type = u"kubernetes"_s;
    config.options = {{u"kubeconfig"_s, kubeconfig}, {u"timeout"_s, 120}};
    auto owner = std::make_unique<KubernetesSource>(config);
    KubernetesSource &source = *owner;
    QNetworkAccessManager network;
    std::atomic_bool cancel = false;
    SyncContext context;
    context.network = &network;
    context.cancel = &cancel;
    context.clock = &Clock::system();
    context.live = true;
    context.catalog = Catalog::build(std::move(entities));

    std::optional<Result<SourceResult>> result;
    qint64 batches = 0;
    qint64 changedEntities = 0;
    QObject::connect(&source, &Source::finished, &source, [&](const Result<SourceResult> &r) {
        result.emplace(r);
        app.exit(0);
    });
    QObject::connect(&source, &Source::runtimeChanged, &source, [&](const QHash<QString, EntityRuntime> &r) {
        ++batches;
        changedEntities += r.size();
    });

    malloc_trim(0);
    const qint64 heapBefore = heapBytes();
    const qint64 rssBefore = rssBytes();
    QElapsedTimer clock;
    clock.start();
    const double cpuBeforeSync = threadCpuSeconds();
    source.sync(context);
    QCoreApplication::exec();
    const qint64 firstRuntimeMs = clock.elapsed();
    const double syncCpu = threadCpuSeconds() - cpuBeforeSync;
    if (!result || !result->ok()) {
        std::fprintf(stderr, "sync failed: %s\n", result ? qPrintable(result->error().message) : "no result");
        return 1;
    }
    malloc_trim(0);
    const qint64 heapAfter = heapBytes();
    const qint64 rssAfter = rssBytes();
    const qsizetype listed = source.podCount();

    // Watch events: `rate` per second, in 10 ticks a second, for `seconds`.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 1000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    QTimer *churn = nullptr;
    std::atomic<qint64> sent = 0; // by the server: its timer may fall behind on a busy machine
    QMetaObject::invokeMethod(
        &anchor,
        [&churn, &server, &sent, rate, pods] {
            churn = new QTimer;
            QObject::connect(churn, &QTimer::timeout, server, [server, &sent, rate, pods] {
                for (int i = 0; i < std::max(1, rate / 10); ++i) {
                    server->touchGeneratedPod(int(QRandomGenerator::global()->bounded(pods)));
                    ++sent;
                }
            });
            churn->start(100);
        },
        Qt::BlockingQueuedConnection);
    const qint64 eventsBefore = source.liveStats().events;
    QElapsedTimer live;
    live.start();
    const double cpuBeforeLive = threadCpuSeconds();
    QTimer::singleShot(seconds * 1000, &app, [&app] { app.exit(0); });
    QCoreApplication::exec();
    QMetaObject::invokeMethod(
        &anchor, [&churn] { delete churn; }, Qt::BlockingQueuedConnection);
    // Drain what is in flight.
    QElapsedTimer drain;
    drain.start();
    while (drain.elapsed() < 1500) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    const double liveSeconds = live.elapsed() / 1000.0;
    const double liveCpu = threadCpuSeconds() - cpuBeforeLive;
    const KubernetesSource::LiveStats stats = source.liveStats();
    const qint64 events = stats.events - eventsBefore;
    source.stopLive();

    // Where the memory is: the first sync's result (every entity's runtime), the mapper's index of what each entity
    // owns, and the store (with the client) as what is left when the source goes.
    const qint64 liveBatches = batches; // catalogChanged() below reports once more
    const qint64 liveChanged = changedEntities;
    malloc_trim(0);
    const qint64 heapLive = heapBytes();
    const qsizetype runtimeEntities = result->value().runtime.size();
    result.reset();
    malloc_trim(0);
    const qint64 heapNoResult = heapBytes();
    source.catalogChanged(Catalog::empty());
    malloc_trim(0);
    const qint64 heapNoMapper = heapBytes();
    owner.reset();
    malloc_trim(0);
    const qint64 heapNoSource = heapBytes();
    const auto perPod = [listed](qint64 bytes) { return double(bytes) / double(std::max<qsizetype>(1, listed)); };

    std::printf("# Kubernetes source benchmark\n\n");
    std::printf("| Figure | Value |\n| --- | --- |\n");
    std::printf("| Pods listed (page size 500) | %lld |\n", qlonglong(listed));
    std::printf("| Entities with runtime (of %d) | %lld |\n", apps, qlonglong(runtimeEntities));
    std::printf("| **Time to first runtime** (sync start to finished: list + project + map) | %lld ms |\n",
                qlonglong(firstRuntimeMs));
    std::printf("| CPU time of the source's thread in it (test server on its own thread) | %.1f s |\n", syncCpu);
    std::printf("| Heap held after the sync per pod (mallinfo2 uordblks+hblkhd delta, after malloc_trim) | %.0f B |\n",
                double(heapAfter - heapBefore) / double(std::max<qsizetype>(1, listed)));
    std::printf("| RSS growth per pod | %.0f B |\n",
                double(rssAfter - rssBefore) / double(std::max<qsizetype>(1, listed)));
    std::printf("| ... of it the first sync's result (every entity's runtime), per pod | %.0f B |\n",
                perPod(heapLive - heapNoResult));
    std::printf("| ... the mapper's index of what each entity owns, per pod | %.0f B |\n",
                perPod(heapNoResult - heapNoMapper));
    std::printf("| ... **the store** (projected objects and their indexes) and client, per pod | %.0f B |\n",
                perPod(heapNoMapper - heapNoSource));
    std::printf("| Watch events asked for | %d/s for %d s (%lld sent by the server) |\n", rate, seconds,
                qlonglong(sent.load()));
    std::printf("| **Watch events applied per second** | %.0f (%lld of %lld sent) |\n", double(events) / liveSeconds,
                qlonglong(events), qlonglong(sent.load()));
    std::printf("| CPU time of the source's thread while live | %.1f s of %.1f s (%.0f%%) |\n", liveCpu, liveSeconds,
                100.0 * liveCpu / liveSeconds);
    std::printf("| runtimeChanged batches (<= 4/s by design) | %lld (%lld entity updates) |\n", qlonglong(liveBatches),
                qlonglong(liveChanged));
    std::printf("| **Max time in one batch's remap** (worker thread) | %.2f ms |\n", double(stats.maxBatchNs) / 1e6);
    std::printf("| Mean time per batch's remap | %.2f ms |\n",
                stats.batches ? double(stats.totalBatchNs) / double(stats.batches) / 1e6 : 0.0);

    QMetaObject::invokeMethod(
        &anchor, [&server] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}
