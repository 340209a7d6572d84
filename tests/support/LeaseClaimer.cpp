// A child process for the lease race tests: claims one key in a file, git or Kubernetes lease store, waiting first
// until a start file appears so that every racer sends its claim at the same moment; prints "won" or "lost <holder>".
//   portolan_lease_claimer file FOLDER KEY HOLDER START_FILE
//   portolan_lease_claimer git REMOTE_URL WORK_DIR KEY HOLDER START_FILE
//   portolan_lease_claimer kube KUBECONFIG CONTEXT/NAMESPACE KEY HOLDER START_FILE
#include "automation/LeaseStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QThread>

#include <cstdio>

using namespace Portolan::Core;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool git = args.value(1) == QLatin1String("git");
    const bool kube = args.value(1) == QLatin1String("kube");
    if (args.size() != (git || kube ? 7 : 6)) {
        std::fprintf(stderr,
                     "usage: portolan_lease_claimer file FOLDER KEY HOLDER START | git URL DIR KEY HOLDER START "
                     "| kube KUBECONFIG CONTEXT/NAMESPACE KEY HOLDER START\n");
        return 2;
    }
    const int k = git || kube ? 4 : 3; // where KEY is
    const QString target = args.at(3);
    const auto store = git    ? makeGitLeaseStore(args.at(2), args.at(3))
                       : kube ? makeKubeLeaseStore(target.section(QLatin1Char('/'), 0, -2),
                                                   target.section(QLatin1Char('/'), -1), {args.at(2)})
                              : makeFileLeaseStore(args.at(2));
    const QString start = args.at(k + 2);
    while (!QFileInfo::exists(start)) {
        QThread::msleep(2);
    }
    const auto claim = store->claim(args.at(k), args.at(k + 1), QDateTime::currentDateTimeUtc(), 600);
    if (!claim.ok()) {
        std::fprintf(stderr, "error: %s\n%s\n", qPrintable(claim.error().message), qPrintable(claim.error().detail));
        return 3;
    }
    std::printf(claim->won ? "won\n" : "lost %s\n", qPrintable(claim->holder));
    return 0;
}
