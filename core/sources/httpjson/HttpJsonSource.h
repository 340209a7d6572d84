#pragma once

#include "sources/Source.h"

#include <QFuture>

#include <memory>

namespace Portolan::Core {

class HttpClient;

// `type: http-json`: any JSON API as catalog entities, with the mapping written in the workspace as jq expressions
// (libjq), so a platform team adds an internal API without C++.
//   - id: inventory
//     type: http-json
//     url: https://inventory.acme.internal
//     credential: inventory            # bearer by default; a credential of kind basic or header is sent as such
//     refresh: 30m
//     options:
//       resources:                     # or `mapping: mappings/inventory.yaml`, a file holding `resources:`
//         - path: /api/services?limit=100
//           items: .data[]
//           next: .links.next // empty
//           entity: {kind: '"Component"', name: .slug, owner: '"group:" + .team', type: .tier}
// See HttpJson::Resource for every field. Pages are read one after another; each page's objects are mapped on the
// sources' thread pool, so a big answer never holds the sync worker. A page that cannot be read fails the sync (the
// last good entities stay); an object that cannot be mapped is left out and reported with its expression.
class HttpJsonSource final : public Source
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpJsonSource)

public:
    explicit HttpJsonSource(SourceConfig config, QObject *parent = nullptr);
    ~HttpJsonSource() override;

    void sync(const SyncContext &context) override;

private:
    struct Sync;

    void readResource(const std::shared_ptr<Sync> &sync, const QUrl &url);
    void done(const std::shared_ptr<Sync> &sync);

    std::unique_ptr<HttpClient> m_client;
    QFuture<void> m_task; // the pool task running now; the destructor waits for it
};

} // namespace Portolan::Core
