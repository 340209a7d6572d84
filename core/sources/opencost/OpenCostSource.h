#pragma once

#include "catalog/Catalog.h"
#include "live/LiveTypes.h"
#include "net/HttpClient.h"
#include "sources/Source.h"

#include <memory>

namespace Portolan::Core {

// `type: opencost`: what each entity's workloads cost, from OpenCost's allocation API
// (GET /allocation/compute?window=7d&aggregate=namespace&accumulate=true), as EntityOps::costs.
//   - id: cost
//     type: opencost
//     url: http://opencost.opencost:9003
//     refresh: 1h
//     options: {window: 7d, aggregate: namespace}   # or label:app, controller, ...
// An allocation belongs to the entity whose backstage.io/kubernetes-namespace annotation (aggregate: namespace) or
// opencost.io/allocation annotation is the allocation's name, else to the component, resource or system of that name.
class OpenCostSource final : public Source
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenCostSource)

public:
    explicit OpenCostSource(SourceConfig config, QObject *parent = nullptr);
    ~OpenCostSource() override;

    void sync(const SyncContext &context) override;

private:
    std::unique_ptr<HttpClient> m_client;
};

namespace OpenCost {

inline constexpr QLatin1StringView allocationAnnotation{"opencost.io/allocation"};

// One answer of /allocation/compute ({code, status, data: [{name: allocation}]}, one map per step; with
// accumulate=true a single one) as costs by entity key; allocation names no entity takes are added to `unmatched`.
// `where` names the request in errors.
[[nodiscard]] Result<QHash<QString, QList<CostInfo>>> mapAllocations(const QByteArray &body, const QString &where,
                                                                     const QString &window, const QString &aggregate,
                                                                     const Catalog::Ptr &catalog,
                                                                     const QString &sourceId, QStringList *unmatched);

} // namespace OpenCost

} // namespace Portolan::Core
