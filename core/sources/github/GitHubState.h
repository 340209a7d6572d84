#pragma once

#include "GitHubMapper.h"

#include <QByteArray>
#include <QCborValue>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Portolan::Core {

// What a github source keeps between syncs in its own folder (SyncContext::dataDir), so that an unchanged re-sync,
// also after a restart, costs only conditional requests (304s do not count against GitHub's rate limit): the ETag
// and Last-Modified of each URL read with what the source made of the answer, the descriptor files and pushed_at of
// each repository, and the last insights per repository. No credentials and no raw answers are kept.
struct GitHubState
{
    static constexpr int version = 1;
    static constexpr int keepSyncs = 5; // URLs unused for this many syncs are forgotten

    struct CachedUrl
    {
        QByteArray etag;
        QByteArray lastModified;
        QCborValue data; // the mapped answer
        int lastSync = 0;
    };
    struct RepoRecord
    {
        QDateTime pushedAt;
        QList<GitHubMapper::ContentFile> files; // the descriptor and the files its Locations lead to; empty: none
        QString codeownersOwner;
        bool complete = false; // every read of this repository succeeded at `pushedAt`
    };

    QString identity; // API URL, owner and the options that shape the result; another identity starts afresh
    int syncNumber = 0;
    QHash<QString, CachedUrl> urls; // by URL
    QHash<QString, RepoRecord> repositories; // by full name, lower-cased
    QHash<QString, RepositoryInsights> insights; // by slug, lower-cased

    [[nodiscard]] static GitHubState load(const QString &path, const QString &identity);
    // Written atomically (QSaveFile); a failure is returned, the sync still succeeds.
    [[nodiscard]] Result<void> save(const QString &path) const;
};

} // namespace Portolan::Core
