#include "FilesSource.h"

#include "catalog/DescriptorLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

FilesSource::FilesSource(SourceConfig config, QObject *parent)
    : Source(std::move(config), parent)
{
    connect(&m_watcher, &QFutureWatcher<Result<SourceResult>>::finished, this,
            [this] { Q_EMIT finished(m_watcher.result()); });
}

FilesSource::~FilesSource()
{
    m_watcher.waitForFinished();
}

QStringList FilesSource::resolveRoots(const QStringList &paths, const QString &baseDir)
{
    QStringList out;
    for (const QString &p : paths) {
        QString path = p;
        if (path.startsWith(u"~/"_s)) {
            path = QDir::homePath() + path.mid(1);
        }
        out.append(QDir::isAbsolutePath(path) || path.startsWith(u':') ? QDir::cleanPath(path)
                                                                       : QDir::cleanPath(baseDir + u'/' + path));
    }
    return out;
}

Result<SourceResult> FilesSource::read(const QStringList &roots, const QString &sourceId,
                                       const std::atomic_bool *cancel, const std::function<void(int, int)> &progress)
{
    LoadOptions options;
    options.sourceId = sourceId;
    options.pool = parsePool();
    LoadResult loaded = DescriptorLoader::load(roots, options, cancel, progress);
    if (loaded.cancelled) {
        return makeError(Error::Code::Cancelled, tr("Cancelled"));
    }
    // Every root missing is a failure (a moved folder, an unmounted drive), not "the source is now empty":
    // the last good data stays.
    bool anyRoot = false;
    for (const QString &root : roots) {
        anyRoot = anyRoot || DescriptorLoader::isGlob(root) || QFileInfo::exists(root);
    }
    if (!anyRoot) {
        Error e = makeError(Error::Code::Io, tr("None of the source's paths exist: %1").arg(roots.join(u", "_s)));
        e.file = roots.value(0);
        return e;
    }
    SourceResult result;
    result.entities = std::move(loaded.entities);
    result.problems = std::move(loaded.problems);
    result.files = std::move(loaded.files);
    result.message = tr("%n file(s) read", nullptr, int(result.files.size()));
    return result;
}

void FilesSource::sync(const SyncContext &context)
{
    const QStringList roots = resolveRoots(m_config.paths, context.workspaceRoot);
    const QString id = m_config.id;
    const std::atomic_bool *cancel = context.cancel;
    // The destructor waits for the read, so `this` outlives it; the engine sets `cancel` before destroying.
    m_watcher.setFuture(QtConcurrent::run(blockingPool(), [this, roots, id, cancel] {
        return read(roots, id, cancel,
                    [this](int done, int total) { Q_EMIT progress(done, total, tr("Reading descriptors")); });
    }));
}

} // namespace Portolan::Core
