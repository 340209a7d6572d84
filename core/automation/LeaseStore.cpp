#include "LeaseStore.h"

#include "actions/executors/KubeSession.h"
#include "sources/git/GitRepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QUrl>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LeaseStore", text);
}

// A key as a file name: the same on every machine, whatever characters the key has.
QString fileNameOf(const QString &key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex()) + u".json"_s;
}

QByteArray leaseJson(const QString &key, const LeaseClaim &lease, const QDateTime &now)
{
    return QJsonDocument(QJsonObject{{u"key"_s, key},
                                     {u"holder"_s, lease.holder},
                                     {u"until"_s, lease.until.toString(Qt::ISODate)},
                                     {u"done"_s, lease.done},
                                     {u"written"_s, now.toString(Qt::ISODate)}})
        .toJson(QJsonDocument::Indented);
}

// The lease in a file's text; an unreadable file counts as held until an hour from now (never taken by mistake).
LeaseClaim readLease(const QByteArray &text, const QDateTime &now)
{
    const QJsonObject o = QJsonDocument::fromJson(text).object();
    LeaseClaim lease;
    lease.holder = o.value(u"holder"_s).toString();
    lease.until = QDateTime::fromString(o.value(u"until"_s).toString(), Qt::ISODate);
    lease.done = o.value(u"done"_s).toBool();
    if (!lease.until.isValid()) {
        lease.until = now.addSecs(3600);
    }
    return lease;
}

// What a claim does with the lease found (or not): take it, or report who has it.
std::optional<LeaseClaim> taken(const std::optional<LeaseClaim> &existing, const QString &holder, const QDateTime &now)
{
    if (existing && (existing->done || (existing->until > now && existing->holder != holder))) {
        return existing;
    }
    return std::nullopt;
}

using Decision = std::function<Result<LeaseClaim>(const std::optional<LeaseClaim> &)>;

// A claim: the lease is the caller's unless someone else holds it now, or it is done.
Decision claimDecision(const QString &holder, const QDateTime &now, qint64 holdSeconds)
{
    return [=](const std::optional<LeaseClaim> &existing) -> Result<LeaseClaim> {
        if (auto other = taken(existing, holder, now)) {
            return *other;
        }
        LeaseClaim mine;
        mine.won = true;
        mine.holder = holder;
        mine.until = now.addSecs(holdSeconds);
        return mine;
    };
}

// Finishing: only its holder marks a lease done.
Decision completeDecision(const QString &key, const QString &holder)
{
    return [=](const std::optional<LeaseClaim> &existing) -> Result<LeaseClaim> {
        if (!existing || existing->holder != holder) {
            return makeError(Error::Code::Conflict, tr("The lease on %1 is not held by %2").arg(key, holder));
        }
        LeaseClaim done = *existing;
        done.done = true;
        done.won = true;
        return done;
    };
}

Result<void> finished(const Result<LeaseClaim> &result)
{
    if (!result.ok()) {
        return result.error();
    }
    return {};
}

class FileLeaseStore final : public LeaseStore
{
public:
    explicit FileLeaseStore(QString folder)
        : m_folder(std::move(folder))
    { }

    Result<LeaseClaim> claim(const QString &key, const QString &holder, const QDateTime &now,
                             qint64 holdSeconds) override
    {
        return update(key, now, claimDecision(holder, now, holdSeconds));
    }

    Result<void> complete(const QString &key, const QString &holder, const QDateTime &now) override
    {
        return finished(update(key, now, completeDecision(key, holder)));
    }

    QString describe() const override { return QDir::toNativeSeparators(m_folder); }

private:
    // Reads the lease, lets `decide` answer, and writes its answer when it is won; all under the key's lock file.
    Result<LeaseClaim> update(const QString &key, const QDateTime &now, const Decision &decide)
    {
        if (!QDir().mkpath(m_folder)) {
            return makeError(Error::Code::Io, tr("Could not create the lease folder %1").arg(m_folder));
        }
        const QString path = m_folder + u'/' + fileNameOf(key);
        QLockFile lock(path + u".lock"_s);
        lock.setStaleLockTime(30'000);
        if (!lock.tryLock(30'000)) {
            return makeError(Error::Code::Timeout, tr("Could not lock %1 within 30 s").arg(path));
        }
        std::optional<LeaseClaim> existing;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            existing = readLease(file.readAll(), now);
            file.close();
        }
        auto answer = decide(existing);
        if (!answer.ok() || !answer->won) {
            return answer;
        }
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(leaseJson(key, *answer, now)) < 0 || !out.commit()) {
            return makeError(Error::Code::Io, tr("Could not write the lease %1: %2").arg(path, out.errorString()));
        }
        return answer;
    }

    QString m_folder;
};

class GitLeaseStore final : public LeaseStore
{
public:
    GitLeaseStore(QString remoteUrl, QString workDir, QString branch)
        : m_remote(std::move(remoteUrl))
        , m_workDir(std::move(workDir))
        , m_branch(std::move(branch))
    { }

    // Commit messages are for everyone sharing the repository: not translated.
    Result<LeaseClaim> claim(const QString &key, const QString &holder, const QDateTime &now,
                             qint64 holdSeconds) override
    {
        return update(key, now, u"Lease %1 for %2"_s.arg(key, holder), claimDecision(holder, now, holdSeconds));
    }

    Result<void> complete(const QString &key, const QString &holder, const QDateTime &now) override
    {
        return finished(update(key, now, u"Done: %1 by %2"_s.arg(key, holder), completeDecision(key, holder)));
    }

    QString describe() const override
    {
        return tr("%1 (branch %2)").arg(GitRepository::displayUrl(m_remote), m_branch);
    }

private:
    GitRepository::Run git(const QStringList &args) const { return GitRepository::run(args, m_workDir, m_remote, {}); }

    Error failure(const GitRepository::Run &run, const QString &what) const
    {
        Error e = makeError(Error::Code::Io, tr("Could not %1 at %2").arg(what, describe()));
        e.detail = run.errorOutput.trimmed();
        return e;
    }

    // Fetches the branch, reads the lease, lets `decide` answer and, when it is won, commits and pushes the lease
    // file; a refused push (someone else pushed first) starts again from the fetch.
    Result<LeaseClaim> update(const QString &key, const QDateTime &now, const QString &message, const Decision &decide)
    {
        if (!QFileInfo::exists(m_workDir + u"/.git"_s)) {
            QDir().mkpath(m_workDir);
            const auto init = git({u"init"_s, u"--quiet"_s, m_workDir});
            if (!init.ok()) {
                return failure(init, tr("make a local clone for leases"));
            }
        }
        const QString file = u"leases/"_s + fileNameOf(key);
        const QString remoteRef = u"refs/remotes/origin/"_s + m_branch;
        constexpr int attempts = 8;
        GitRepository::Run last;
        for (int attempt = 0; attempt < attempts; ++attempt) {
            const auto fetch =
                git({u"fetch"_s, u"--quiet"_s, m_remote, u"+refs/heads/%1:%2"_s.arg(m_branch, remoteRef)});
            const bool branchExists = fetch.ok();
            if (!branchExists && !fetch.errorOutput.contains(u"couldn't find remote ref"_s)) {
                return failure(fetch, tr("fetch the leases"));
            }
            // Start from the branch as it is on the remote (or from nothing), with no files left from before.
            const auto checkout = branchExists
                                      ? git({u"checkout"_s, u"--quiet"_s, u"--force"_s, u"-B"_s, u"lease"_s, remoteRef})
                                      : git({u"checkout"_s, u"--quiet"_s, u"--force"_s, u"--orphan"_s,
                                             u"lease-%1"_s.arg(QDateTime::currentMSecsSinceEpoch())});
            if (!checkout.ok()) {
                return failure(checkout, tr("check out the leases"));
            }
            if (!branchExists) {
                (void)git({u"rm"_s, u"-r"_s, u"-f"_s, u"--quiet"_s, u"--cached"_s, u"--ignore-unmatch"_s, u"."_s});
            }
            (void)git({u"clean"_s, u"-f"_s, u"-d"_s, u"-x"_s, u"--quiet"_s});

            std::optional<LeaseClaim> existing;
            QFile current(m_workDir + u'/' + file);
            if (current.open(QIODevice::ReadOnly)) {
                existing = readLease(current.readAll(), now);
                current.close();
            }
            auto answer = decide(existing);
            if (!answer.ok() || !answer->won) {
                return answer;
            }
            QDir(m_workDir).mkpath(u"leases"_s);
            QSaveFile out(m_workDir + u'/' + file);
            if (!out.open(QIODevice::WriteOnly) || out.write(leaseJson(key, *answer, now)) < 0 || !out.commit()) {
                return makeError(Error::Code::Io, tr("Could not write the lease %1").arg(out.fileName()));
            }
            const auto add = git({u"add"_s, file});
            const auto commit = git({u"-c"_s, u"user.name=Portolan"_s, u"-c"_s, u"user.email=portolan@localhost"_s,
                                     u"commit"_s, u"--quiet"_s, u"-m"_s, message});
            if (!add.ok() || !commit.ok()) {
                return failure(add.ok() ? commit : add, tr("commit the lease"));
            }
            last = git({u"push"_s, u"--quiet"_s, m_remote, u"HEAD:refs/heads/"_s + m_branch});
            if (last.ok()) {
                return answer;
            }
        }
        return failure(last, tr("push the lease (%1 attempts, each refused)").arg(attempts));
    }

    QString m_remote;
    QString m_workDir;
    QString m_branch;
};

// Leases as Lease objects (coordination.k8s.io/v1) in a namespace of a cluster, named after the key's hash, with the
// key in an annotation: holderIdentity is the holder, renewTime + leaseDurationSeconds the end of the hold, and the
// annotation portolan.dev/lease-done marks it done. A claim reads the Lease and creates it (POST: one creation wins,
// the others get 409 AlreadyExists) or replaces it at the resourceVersion it read (PUT: a replacement that lost the
// race gets 409 Conflict); either 409 reads again. The kubeconfig's own credentials are used.
class KubeLeaseStore final : public LeaseStore
{
public:
    KubeLeaseStore(QString context, QString ns, QStringList kubeconfigFiles)
        : m_context(std::move(context))
        , m_namespace(std::move(ns))
        , m_files(std::move(kubeconfigFiles))
    { }

    Result<LeaseClaim> claim(const QString &key, const QString &holder, const QDateTime &now,
                             qint64 holdSeconds) override
    {
        return update(key, now, holdSeconds, claimDecision(holder, now, holdSeconds));
    }

    Result<void> complete(const QString &key, const QString &holder, const QDateTime &now) override
    {
        return finished(update(key, now, 0, completeDecision(key, holder)));
    }

    QString describe() const override
    {
        return tr("Lease objects in namespace %1 of context %2")
            .arg(m_namespace, m_context.isEmpty() ? tr("(the current one)") : m_context);
    }

private:
    static constexpr QLatin1StringView doneAnnotation{"portolan.dev/lease-done"};
    static constexpr QLatin1StringView keyAnnotation{"portolan.dev/lease-key"};

    // MicroTime, as the API server writes and reads it (RFC 3339 with six digits of fraction).
    static QString microTime(const QDateTime &t)
    {
        return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u"000Z"_s;
    }

    static LeaseClaim leaseOf(const QJsonObject &object, const QDateTime &now)
    {
        const QJsonObject spec = object.value("spec"_L1).toObject();
        LeaseClaim lease;
        lease.holder = spec.value("holderIdentity"_L1).toString();
        const QString renewed = spec.value("renewTime"_L1).toString();
        const QDateTime renewTime = QDateTime::fromString(renewed.left(19) + u'Z', Qt::ISODate);
        const int duration = spec.value("leaseDurationSeconds"_L1).toInt();
        lease.until = renewTime.isValid() ? renewTime.addSecs(duration) : now.addSecs(3600);
        lease.done = object["metadata"_L1]["annotations"_L1].toObject().value(doneAnnotation).toString() == u"true"_s;
        return lease;
    }

    Result<LeaseClaim> update(const QString &key, const QDateTime &now, qint64 holdSeconds, const Decision &decide)
    {
        Result<KubeConfig> config = KubeConfig::load(m_files);
        if (!config.ok()) {
            return config.error();
        }
        Result<KubeEndpoint> configured = config->endpoint(m_context);
        if (!configured.ok()) {
            return configured.error();
        }
        Result<KubeEndpoint> endpoint = resolveKubeCredentials(*configured, nullptr, nullptr);
        if (!endpoint.ok()) {
            return endpoint.error();
        }
        const std::unique_ptr<BlockingHttp> http = kubeHttp(*endpoint);
        const QString name =
            u"portolan-"_s
            + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex());
        const QString collection = u"/apis/coordination.k8s.io/v1/namespaces/%1/leases"_s.arg(
            QString::fromLatin1(QUrl::toPercentEncoding(m_namespace)));
        const auto failed = [&](const Error &e, const QString &what) {
            Error out = e;
            out.message = tr("Could not %1 at %2: %3").arg(what, describe(), e.detail.isEmpty() ? e.message : e.detail);
            return out;
        };
        constexpr int attempts = 8;
        for (int attempt = 0; attempt < attempts; ++attempt) {
            const auto got = http->get(http->resolve(collection + u'/' + name));
            std::optional<LeaseClaim> existing;
            QJsonObject object;
            if (got.ok()) {
                object = QJsonDocument::fromJson(got->body).object();
                existing = leaseOf(object, now);
            } else if (got.error().httpStatus != 404) {
                return failed(got.error(), tr("read the lease"));
            }
            auto answer = decide(existing);
            if (!answer.ok() || !answer->won) {
                return answer;
            }
            const bool created = !existing;
            if (created) {
                object = QJsonObject{
                    {u"apiVersion"_s, u"coordination.k8s.io/v1"_s},
                    {u"kind"_s, u"Lease"_s},
                    {u"metadata"_s,
                     QJsonObject{{u"name"_s, name},
                                 {u"namespace"_s, m_namespace},
                                 {u"labels"_s, QJsonObject{{u"app.kubernetes.io/managed-by"_s, u"portolan"_s}}},
                                 {u"annotations"_s, QJsonObject{{keyAnnotation, key}}}}}};
            }
            QJsonObject spec = object.value("spec"_L1).toObject();
            if (answer->done) {
                QJsonObject metadata = object.value("metadata"_L1).toObject();
                QJsonObject annotations = metadata.value("annotations"_L1).toObject();
                annotations.insert(doneAnnotation, u"true"_s);
                metadata.insert(u"annotations"_s, annotations);
                object.insert(u"metadata"_s, metadata);
            } else {
                const bool handedOver = spec.value("holderIdentity"_L1).toString() != answer->holder;
                if (handedOver) {
                    spec.insert(u"acquireTime"_s, microTime(now));
                    spec.insert(u"leaseTransitions"_s, created ? 0 : spec.value("leaseTransitions"_L1).toInt() + 1);
                }
                spec.insert(u"holderIdentity"_s, answer->holder);
                spec.insert(u"leaseDurationSeconds"_s, int(std::max<qint64>(1, holdSeconds)));
            }
            spec.insert(u"renewTime"_s, microTime(now));
            object.insert(u"spec"_s, spec);
            const QByteArray body = QJsonDocument(object).toJson(QJsonDocument::Compact);
            const auto written =
                created ? http->send("POST", http->resolve(collection), body, "application/json")
                        : http->send("PUT", http->resolve(collection + u'/' + name), body, "application/json");
            if (written.ok()) {
                return answer;
            }
            if (written.error().httpStatus != 409) {
                return failed(written.error(), tr("write the lease"));
            }
            // Another claim created or changed it first: read it again.
        }
        return makeError(Error::Code::Conflict, tr("The lease on %1 kept changing at %2").arg(key, describe()));
    }

    QString m_context;
    QString m_namespace;
    QStringList m_files;
};

} // namespace

std::unique_ptr<LeaseStore> makeFileLeaseStore(const QString &folder)
{
    return std::make_unique<FileLeaseStore>(folder);
}

std::unique_ptr<LeaseStore> makeGitLeaseStore(const QString &remoteUrl, const QString &workDir, const QString &branch)
{
    return std::make_unique<GitLeaseStore>(remoteUrl, workDir, branch);
}

std::unique_ptr<LeaseStore> makeKubeLeaseStore(const QString &context, const QString &ns,
                                               const QStringList &kubeconfigFiles)
{
    return std::make_unique<KubeLeaseStore>(context, ns,
                                            kubeconfigFiles.isEmpty() ? KubeConfig::defaultFiles() : kubeconfigFiles);
}

QString leaseHolder()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", QDir::home().dirName()));
    return u"%1@%2:%3"_s.arg(user, QHostInfo::localHostName()).arg(QCoreApplication::applicationPid());
}

} // namespace Portolan::Core
