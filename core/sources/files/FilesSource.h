#pragma once

#include "sources/Source.h"

#include <QFutureWatcher>

namespace Portolan::Core {

// `type: files`: descriptor files, folders and globs (relative to the workspace), Locations followed.
// The read runs on the thread pool; the sync engine watches the files it read and syncs again on change.
class FilesSource final : public Source
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesSource)

public:
    explicit FilesSource(SourceConfig config, QObject *parent = nullptr);
    ~FilesSource() override;

    void sync(const SyncContext &context) override;

    // The roots the loader reads, resolved against `workspaceRoot`.
    [[nodiscard]] static QStringList resolveRoots(const QStringList &paths, const QString &baseDir);
    // Reads the roots (blocking); shared with the git source, which reads its checkout the same way.
    [[nodiscard]] static Result<SourceResult> read(const QStringList &roots, const QString &sourceId,
                                                   const std::atomic_bool *cancel,
                                                   const std::function<void(int, int)> &progress);

private:
    QFutureWatcher<Result<SourceResult>> m_watcher;
};

} // namespace Portolan::Core
