// A Kubernetes API server on loopback for trying the GUI by hand and for screenshots: the recorded lists of
// ../shared/corpus/kubernetes (k3s bundle: default and kube-system; the troubleshoot fixtures' failing pods), plus
// generated pods. Prints its URL and a kubeconfig to point a `kubernetes` source at.
//   kube-test-server [--port N] [--pods N] [--token T] [--churn EVENTS_PER_SECOND] [--kubeconfig FILE]
#include "support/KubeTestServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using Portolan::Test::KubeTestServer;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A loopback Kubernetes API server serving Portolan's recorded corpus"_s);
    parser.addHelpOption();
    const QCommandLineOption portOption(u"port"_s, u"Port to listen on (0: any)"_s, u"port"_s, u"0"_s);
    const QCommandLineOption podsOption(u"pods"_s, u"Generated pods in namespace `generated`"_s, u"count"_s, u"0"_s);
    const QCommandLineOption tokenOption(u"token"_s, u"Bearer token required (default: portolan-demo)"_s, u"token"_s,
                                         u"portolan-demo"_s);
    const QCommandLineOption churnOption(u"churn"_s, u"Watch events per second on generated pods"_s, u"rate"_s, u"0"_s);
    const QCommandLineOption kubeconfigOption(u"kubeconfig"_s, u"Write a kubeconfig for this server to FILE"_s,
                                              u"file"_s);
    parser.addOptions({portOption, podsOption, tokenOption, churnOption, kubeconfigOption});
    parser.process(app);

    KubeTestServer server;
    server.setRecordRequests(false);
    server.setToken(parser.value(tokenOption));
    const struct
    {
        const char *resource;
        const char *file;
    } lists[] = {
        {"deployments", "k3s-bundle__deployments__default.DeploymentList.json"},
        {"deployments", "k3s-bundle__deployments__kube-system.DeploymentList.json"},
        {"deployments", "ts-fixture__deployments__monitoring.DeploymentList.json"},
        {"replicasets", "k3s-bundle__replicasets__default.ReplicaSetList.json"},
        {"pods", "k3s-bundle__pods__default.PodList.json"},
        {"pods", "k3s-bundle__pods__kube-system.PodList.json"},
        {"pods", "ts-fixture__pods__message-pod-crashloop-backoff.PodList.json"},
        {"pods", "ts-fixture__pods__message-image-pull-fail.PodList.json"},
        {"pods", "ts-fixture__pods__message-oomkill-pod.PodList.json"},
        {"pods", "ts-fixture__pods__message-pending-pod-resources.PodList.json"},
        {"services", "k3s-bundle__services__default.ServiceList.json"},
        {"services", "k3s-bundle__services__kube-system.ServiceList.json"},
        {"events", "k3s-bundle__events__default.EventList.json"},
        {"events", "k3s-bundle__events__kube-system.EventList.json"},
        {"daemonsets", "k3s-bundle__daemonsets__kube-system.DaemonSetList.json"},
        {"jobs", "k3s-bundle__jobs__kube-system.JobList.json"},
        {"cronjobs", "k3s-bundle__cronjobs__default.CronJobList.empty.json"},
        {"ingresses", "k3s-bundle__ingress__default.IngressList.empty.json"},
    };
    for (const auto &l : lists) {
        server.loadList(QString::fromLatin1(l.resource), QString::fromLatin1(l.file));
    }
    const int pods = parser.value(podsOption).toInt();
    if (pods > 0) {
        server.generatePods(KubeTestServer::generatedPodTemplate(), pods, u"generated"_s);
    }
    if (!server.listen(quint16(parser.value(portOption).toUInt()))) {
        std::fprintf(stderr, "cannot listen on port %s\n", qPrintable(parser.value(portOption)));
        return 1;
    }
    const QString url = server.url().toString();
    const QString kubeconfig =
        u"apiVersion: v1\nkind: Config\ncurrent-context: portolan-demo\nclusters:\n- name: portolan-demo\n  cluster:\n"
        "    server: %1\nusers:\n- name: demo\n  user:\n    token: %2\ncontexts:\n- name: portolan-demo\n  context:\n"
        "    cluster: portolan-demo\n    user: demo\n"_s.arg(url, parser.value(tokenOption));
    if (parser.isSet(kubeconfigOption)) {
        QFile f(parser.value(kubeconfigOption));
        if (!f.open(QIODevice::WriteOnly) || f.write(kubeconfig.toUtf8()) < 0) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(f.fileName()));
            return 1;
        }
    }
    QTextStream out(stdout);
    out << url << Qt::endl;
    if (!parser.isSet(kubeconfigOption)) {
        out << u"# kubeconfig:\n"_s << kubeconfig << Qt::flush;
    }
    // Entities map by label selectors: app=backend-api, app=cpu-hog, app=memory-test, k8s-app=kube-dns, app=app-0 ...
    const int churn = parser.value(churnOption).toInt();
    QTimer churnTimer;
    if (churn > 0 && pods > 0) {
        QObject::connect(&churnTimer, &QTimer::timeout, &server, [&server, churn, pods] {
            for (int i = 0; i < std::max(1, churn / 10); ++i) {
                server.touchGeneratedPod(int(QRandomGenerator::global()->bounded(pods)));
            }
        });
        churnTimer.start(100);
    }
    return QCoreApplication::exec();
}
