#include "GitHubState.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

GitHubState GitHubState::load(const QString &path, const QString &identity)
{
    GitHubState state;
    state.identity = identity;
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        return state;
    }
    const QCborMap root = QCborValue::fromCbor(file.readAll()).toMap();
    if (root.value("version"_L1).toInteger() != version || root.value("identity"_L1).toString() != identity) {
        return state;
    }
    state.syncNumber = int(root.value("syncNumber"_L1).toInteger());
    const QCborMap urls = root.value("urls"_L1).toMap();
    for (auto it = urls.constBegin(); it != urls.constEnd(); ++it) {
        const QCborMap m = it.value().toMap();
        CachedUrl c;
        c.etag = m.value("etag"_L1).toByteArray();
        c.lastModified = m.value("lastModified"_L1).toByteArray();
        c.data = m.value("data"_L1);
        c.lastSync = int(m.value("lastSync"_L1).toInteger());
        state.urls.insert(it.key().toString(), c);
    }
    const QCborMap repos = root.value("repositories"_L1).toMap();
    for (auto it = repos.constBegin(); it != repos.constEnd(); ++it) {
        const QCborMap m = it.value().toMap();
        RepoRecord r;
        r.pushedAt = QDateTime::fromString(m.value("pushedAt"_L1).toString(), Qt::ISODate).toUTC();
        for (const QCborValue &f : m.value("files"_L1).toArray()) {
            r.files.append(GitHubMapper::ContentFile::fromCbor(f.toMap()));
        }
        r.codeownersOwner = m.value("codeownersOwner"_L1).toString();
        r.complete = m.value("complete"_L1).toBool();
        state.repositories.insert(it.key().toString(), r);
    }
    const QCborMap insights = root.value("insights"_L1).toMap();
    for (auto it = insights.constBegin(); it != insights.constEnd(); ++it) {
        state.insights.insert(it.key().toString(), RepositoryInsights::fromCbor(it.value().toMap()));
    }
    return state;
}

Result<void> GitHubState::save(const QString &path) const
{
    QCborMap root;
    root.insert("version"_L1, version);
    root.insert("identity"_L1, identity);
    root.insert("syncNumber"_L1, syncNumber);
    QCborMap urlMap;
    for (auto it = urls.constBegin(); it != urls.constEnd(); ++it) {
        if (syncNumber - it->lastSync >= keepSyncs) {
            continue;
        }
        QCborMap m;
        m.insert("etag"_L1, it->etag);
        m.insert("lastModified"_L1, it->lastModified);
        m.insert("data"_L1, it->data);
        m.insert("lastSync"_L1, it->lastSync);
        urlMap.insert(it.key(), m);
    }
    root.insert("urls"_L1, urlMap);
    QCborMap repoMap;
    for (auto it = repositories.constBegin(); it != repositories.constEnd(); ++it) {
        QCborMap m;
        m.insert("pushedAt"_L1, it->pushedAt.isValid() ? QCborValue(it->pushedAt.toString(Qt::ISODate)) : QCborValue());
        QCborArray files;
        for (const GitHubMapper::ContentFile &f : it->files) {
            files.append(f.toCbor());
        }
        m.insert("files"_L1, files);
        m.insert("codeownersOwner"_L1, it->codeownersOwner);
        m.insert("complete"_L1, it->complete);
        repoMap.insert(it.key(), m);
    }
    root.insert("repositories"_L1, repoMap);
    QCborMap insightMap;
    for (auto it = insights.constBegin(); it != insights.constEnd(); ++it) {
        insightMap.insert(it.key(), it->toCbor());
    }
    root.insert("insights"_L1, insightMap);

    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(root.toCborValue().toCbor()) < 0 || !file.commit()) {
        Error e = makeError(Error::Code::Io,
                            QCoreApplication::translate("GitHubState", "Could not keep the GitHub sync state in %1: %2")
                                .arg(path, file.errorString()));
        e.severity = Error::Severity::Warning;
        e.file = path;
        return e;
    }
    return {};
}

} // namespace Portolan::Core
