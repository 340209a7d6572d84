#pragma once

#include "util/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

namespace Portolan::Core {

// Who holds a lease, as a store answers a claim.
struct LeaseClaim
{
    bool won = false; // the caller holds it now
    QString holder; // who holds it (the caller when won)
    QDateTime until; // when the holder is presumed gone, unless done
    bool done = false; // finished for good: nobody can claim it again
};

// Leases on event keys, so that two desktops and a cron job never act on the same event twice (an automation run, a
// TTL termination). A claim is atomic across every process that shares the store: exactly one wins. A lease whose
// holder neither finished nor came back before `until` (it was killed) can be taken over; a finished one never.
class LeaseStore
{
public:
    LeaseStore() = default;
    virtual ~LeaseStore() = default;
    Q_DISABLE_COPY_MOVE(LeaseStore)

    [[nodiscard]] virtual Result<LeaseClaim> claim(const QString &key, const QString &holder, const QDateTime &now,
                                                   qint64 holdSeconds) = 0;
    // Marks the key done by its holder; an error when someone else holds it now.
    [[nodiscard]] virtual Result<void> complete(const QString &key, const QString &holder, const QDateTime &now) = 0;
    // For messages: "git://host/platform.git (branch portolan-leases)", "/home/me/.local/share/.../leases".
    [[nodiscard]] virtual QString describe() const = 0;
};

// Leases as files in a folder, for processes on one machine (the app and a cron job of the same user). A claim reads
// and writes its file under a QLockFile, which a killed process does not leave held.
[[nodiscard]] std::unique_ptr<LeaseStore> makeFileLeaseStore(const QString &folder);

// Leases as files on a branch of a git repository every desktop and job can push to (the workspace repository):
// a claim commits its lease file and pushes; a push that git refuses because another claim got there first fetches
// and looks again. `workDir` is a local clone kept between claims.
[[nodiscard]] std::unique_ptr<LeaseStore> makeGitLeaseStore(const QString &remoteUrl, const QString &workDir,
                                                            const QString &branch = QStringLiteral("portolan-leases"));

// Leases as Lease objects (coordination.k8s.io/v1) in namespace `ns` of a kubeconfig context (empty: the current one)
// that every desktop and job can reach with their own credentials (they need get, create and update on leases there):
// a creation or a replacement at the resourceVersion read is atomic on the API server, so exactly one claim wins.
// `kubeconfigFiles` empty: $KUBECONFIG, else ~/.kube/config. Blocking: use on a worker thread.
[[nodiscard]] std::unique_ptr<LeaseStore> makeKubeLeaseStore(const QString &context, const QString &ns,
                                                             const QStringList &kubeconfigFiles = {});

// This process as a lease holder: user@host:pid.
[[nodiscard]] QString leaseHolder();

} // namespace Portolan::Core
