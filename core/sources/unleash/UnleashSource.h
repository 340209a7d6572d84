#pragma once

#include "catalog/Catalog.h"
#include "live/LiveTypes.h"
#include "net/HttpClient.h"
#include "sources/Source.h"

#include <memory>

namespace Portolan::Core {

// `type: unleash`: the feature flags of an Unleash server (admin API) as live data of the components that own them.
//   - id: flags
//     type: unleash
//     url: https://unleash.example.com
//     credential: unleash                # an admin API token, sent as Unleash wants it (the bare Authorization header)
//     options:
//       projects: [default]              # default: every project the token sees
//       componentTag: component          # a flag tag of this type names its component ({type: component, value: x})
//       separator: "."                   # else the flag name's part before it: booking-api.new-pricing
// A flag is stale when the server says so, or when it is older than its type's expected lifetime (release and
// experiment 40 days, operational 7 days; kill switches and permissions live for good), as Unleash itself counts.
class UnleashSource final : public Source
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnleashSource)

public:
    explicit UnleashSource(SourceConfig config, QObject *parent = nullptr);
    ~UnleashSource() override;

    void sync(const SyncContext &context) override;

private:
    struct Sync;
    void readProject(const std::shared_ptr<Sync> &sync, qsizetype index);

    std::unique_ptr<HttpClient> m_client;
};

namespace Unleash {

struct MapOptions
{
    QString sourceId;
    QString baseUrl; // for the flags' pages
    QString componentTag = QStringLiteral("component");
    QString separator = QStringLiteral(".");
    QDateTime now;
};

// GET /api/admin/projects/{project}/features ({version, features: [...]}) as flags by entity key; flags that name no
// entity are counted in `unmatched`. `where` names the request in errors.
[[nodiscard]] Result<QHash<QString, QList<FeatureFlagInfo>>>
mapProjectFeatures(const QByteArray &body, const QString &project, const QString &where, const MapOptions &options,
                   const Catalog::Ptr &catalog, QStringList *unmatched);

// How long a flag of `type` is expected to live, in days; 0 for types that live for good.
[[nodiscard]] int expectedLifetimeDays(const QString &type);

} // namespace Unleash

} // namespace Portolan::Core
