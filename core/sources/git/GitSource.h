#pragma once

#include "sources/Source.h"

#include <QFutureWatcher>

namespace Portolan::Core {

// `type: git`: a repository URL and branch (https with a token, ssh, git://, file://), cloned into the data
// folder and fetched on every sync, then read like a `files` source (`paths` relative to the repository root,
// the whole checkout when empty). Every entity carries the commit it was read at as provenance.
class GitSource final : public Source
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GitSource)

public:
    explicit GitSource(SourceConfig config, QObject *parent = nullptr);
    ~GitSource() override;

    void sync(const SyncContext &context) override;
    [[nodiscard]] QString upstreamUrl(const Entity &entity) const override;

    [[nodiscard]] static QString checkoutDir(const QString &dataDir);

private:
    QFutureWatcher<Result<SourceResult>> m_watcher;
    QString m_checkout;
};

} // namespace Portolan::Core
