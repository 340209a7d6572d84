#pragma once

#include "net/HttpClient.h"
#include "sources/Source.h"

#include <memory>

namespace Portolan::Core {

// `type: prometheus` and `type: alertmanager`: alerts, key metrics and silences as live data of the entities they
// are about (EntityOps). Which entity: the value of the `label` option (default "service") on the alert or series,
// resolved by Monitoring::EntityResolver (a `prometheus.io/service` annotation, else a component, resource or system
// of that name).
//   - id: prometheus
//     type: prometheus
//     url: http://prometheus.monitoring:9090
//     refresh: 1m
//     options:
//       label: service
//       window: 1h                       # the sparklines' span
//       step: 1m
//       metrics:
//         - {key: requestRate, title: Request rate, unit: req/s, query: "service:http_requests:rate5m"}
//         - {key: errorRatio, title: Error ratio, unit: "%", scale: 100, query: "service:http_errors:ratio_rate5m"}
//         - {key: latencyP95, title: Latency p95, unit: s, query: "service:http_request_duration_seconds:p95"}
//   - id: alertmanager
//     type: alertmanager
//     url: http://alertmanager.monitoring:9093
// Prometheus gives pending and firing alerts (GET /api/v1/alerts) and one range query per metric; Alertmanager gives
// its alerts with their silences (GET /api/v2/alerts, /api/v2/silences). A credential is sent as a bearer token.
// Failing to read the alerts fails the sync (the last good data stays); a metric whose query fails is a problem
// naming the metric and its query, and the others are still shown.
class MonitoringSource final : public Source
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitoringSource)

public:
    explicit MonitoringSource(SourceConfig config, QObject *parent = nullptr);
    ~MonitoringSource() override;

    void sync(const SyncContext &context) override;

    struct MetricQuery
    {
        QString key;
        QString title;
        QString unit;
        QString query;
        double scale = 1.0;
    };
    [[nodiscard]] QList<MetricQuery> metricQueries() const;
    [[nodiscard]] QString label() const;

private:
    struct Sync;
    void fetchNext(const std::shared_ptr<Sync> &sync);
    void finish(const std::shared_ptr<Sync> &sync);

    std::unique_ptr<HttpClient> m_client;
};

} // namespace Portolan::Core
