#include "GitSource.h"

#include "GitRepository.h"
#include "sources/files/FilesSource.h"

#include <QCoreApplication>
#include <QDir>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

GitSource::GitSource(SourceConfig config, QObject *parent)
    : Source(std::move(config), parent)
{
    connect(&m_watcher, &QFutureWatcher<Result<SourceResult>>::finished, this,
            [this] { Q_EMIT finished(m_watcher.result()); });
}

GitSource::~GitSource()
{
    m_watcher.waitForFinished();
}

QString GitSource::checkoutDir(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"checkout"_s);
}

QString GitSource::upstreamUrl(const Entity &entity) const
{
    const QString file = entity.origin.file;
    if (m_checkout.isEmpty() || !file.startsWith(m_checkout + u'/')) {
        return {};
    }
    return GitRepository::webUrlFor(m_config.url, entity.origin.revision, file.mid(m_checkout.size() + 1));
}

void GitSource::sync(const SyncContext &context)
{
    GitRepository::Options options;
    options.url = m_config.url;
    options.branch = m_config.branch;
    options.directory = checkoutDir(context.dataDir);
    options.token = context.secret;
    m_checkout = options.directory;
    const QStringList paths = m_config.paths.isEmpty() ? QStringList{u"."_s} : m_config.paths;
    const QString id = m_config.id;
    const std::atomic_bool *cancel = context.cancel;
    const QString previous = context.previousRevision;
    // The destructor waits for the work, so `this` outlives it; the engine sets `cancel` before destroying.
    m_watcher.setFuture(
        QtConcurrent::run(blockingPool(), [this, options, paths, id, cancel, previous]() -> Result<SourceResult> {
            GitRepository repo(options);
            Q_EMIT progress(0, 100, tr("Fetching %1").arg(GitRepository::displayUrl(options.url)));
            auto commit = repo.update(
                cancel, [this](int percent, const QString &phase) { Q_EMIT progress(percent, 100, phase); });
            if (!commit.ok()) {
                return commit.error();
            }
            if (!previous.isEmpty() && commit.value() == previous) {
                // The same commit as the data the engine holds: nothing to read again.
                SourceResult same;
                same.unchanged = true;
                same.revision = previous;
                same.message = tr("No change at commit %1").arg(previous.left(10));
                return same;
            }
            const QStringList roots = FilesSource::resolveRoots(paths, options.directory);
            auto read = FilesSource::read(roots, id, cancel, [this](int done, int total) {
                Q_EMIT progress(done, total, tr("Reading descriptors"));
            });
            if (!read.ok()) {
                return read.error();
            }
            SourceResult result = std::move(read).value();
            result.revision = commit.value();
            for (Entity &e : result.entities) {
                e.origin.revision = result.revision;
            }
            result.files.clear(); // the engine watches files sources only; a clone changes only by sync
            result.message =
                tr("%n entities at commit %1", nullptr, int(result.entities.size())).arg(result.revision.left(10));
            return result;
        }));
}

} // namespace Portolan::Core
