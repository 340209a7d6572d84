// The prometheus and alertmanager sources against a real Prometheus and Alertmanager on 127.0.0.1 (Debian's
// packages, started by MonitoringServers): recording rules make per-service series, alert rules fire, are silenced and
// resolve. The parsers also read the answers recorded from those servers (tests/data/monitoring).
#include "cache/CacheDatabase.h"
#include "cache/CatalogStore.h"
#include "sources/monitoring/MonitoringMapper.h"
#include "sources/monitoring/MonitoringSource.h"
#include "support/GitDaemon.h"
#include "support/MonitoringServers.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <chrono>

using namespace Portolan::Core;
using namespace Portolan::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray recorded(const QString &name)
{
    QFile f(dataPath(u"monitoring/"_s + name));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

Entity component(const QString &name, const QString &serviceAnnotation = {})
{
    Entity e;
    e.kind = u"Component"_s;
    e.name = name;
    if (!serviceAnnotation.isEmpty()) {
        e.annotations = {{u"prometheus.io/service"_s, serviceAnnotation}};
    }
    return e;
}

const QByteArray recordingRules = R"(  - name: service-slos
    rules:
      - record: service:http_requests:rate5m
        expr: vector(12.5)
        labels: {service: booking-api}
      - record: service:http_requests:rate5m
        expr: vector(40)
        labels: {service: parcel-tracking}
      - record: service:http_errors:ratio_rate5m
        expr: vector(0.082)
        labels: {service: booking-api}
      - record: service:http_request_duration_seconds:p95
        expr: vector(0.21)
        labels: {service: booking-api}
)";

QByteArray rules(bool bookingFires)
{
    QByteArray alerts = R"(groups:
  - name: service-alerts
    rules:
      - alert: BookingApiHighErrorRate
        expr: vector(1) )"
                        + QByteArray(bookingFires ? ">" : "<") + R"( 0
        for: 0s
        labels: {service: booking-api, severity: critical}
        annotations:
          summary: booking-api is failing 8.2% of requests
          description: More than 5% of booking-api requests have failed over the last 5 minutes.
      - alert: ParcelTrackingHighLatency
        expr: vector(1)
        labels: {service: parcel-tracking, severity: warning}
        annotations: {summary: parcel-tracking p95 latency is 1.7 s}
      - alert: ParcelTrackingErrorBudgetBurn
        expr: vector(1)
        for: 1h
        labels: {service: parcel-tracking, severity: warning}
        annotations: {summary: parcel-tracking is burning its error budget}
      - alert: LegacyBatchStuck
        expr: vector(1)
        labels: {service: legacy-batch, severity: warning}
)";
    return alerts + recordingRules;
}

const EntityOps &opsOf(const SourceResult &result, const QString &key)
{
    static const EntityOps none;
    const auto it = result.ops.constFind(key);
    return it == result.ops.cend() ? none : it.value();
}

} // namespace

TEST_CASE("Prometheus and Alertmanager answers recorded from the real servers are read", "[core][monitoring]")
{
    const auto alerts = Monitoring::parsePrometheusAlerts(recorded(u"api-v1-alerts.json"_s), u"prometheus"_s);
    REQUIRE(alerts.ok());
    REQUIRE(alerts->size() == 3);
    CHECK(alerts->at(0).alert.name == u"BookingApiHighErrorRate"_s);
    CHECK(alerts->at(0).alert.state == u"firing"_s);
    CHECK(alerts->at(0).alert.isCritical());
    CHECK(alerts->at(0).labels.value(u"service"_s) == u"booking-api"_s);
    CHECK(alerts->at(0).alert.activeSince.isValid());
    CHECK(alerts->at(2).alert.state == u"pending"_s);

    const auto am = Monitoring::parseAlertmanagerAlerts(recorded(u"api-v2-alerts.json"_s), u"alertmanager"_s);
    REQUIRE(am.ok());
    const auto suppressed = std::find_if(
        am->cbegin(), am->cend(), [](const Monitoring::LabelledAlert &a) { return a.alert.state == u"suppressed"_s; });
    REQUIRE(suppressed != am->cend());
    CHECK(suppressed->alert.silencedBy.size() == 1);

    const auto silences = Monitoring::parseSilences(recorded(u"api-v2-silences.json"_s), u"alertmanager"_s);
    REQUIRE(silences.ok());
    REQUIRE(silences->size() == 1);
    CHECK(silences->at(0).silence.matchers == u"alertname=ParcelTrackingHighLatency"_s);
    CHECK(silences->at(0).silence.comment.contains(u"OPS-1234"_s));

    const auto matrix = Monitoring::parseMatrix(recorded(u"api-v1-query-range.json"_s), u"prometheus"_s);
    REQUIRE(matrix.ok());
    REQUIRE(matrix->size() == 2);
    CHECK(matrix->at(0).values.size() == 31);

    // An instant query is not a range query's matrix; an error answer names Prometheus's reason.
    const auto vector = Monitoring::parseMatrix(recorded(u"api-v1-query.json"_s), u"q"_s);
    REQUIRE_FALSE(vector.ok());
    CHECK(vector.error().field == u"data.resultType"_s);
    const auto refused = Monitoring::parseMatrix(
        R"({"status":"error","errorType":"bad_data","error":"1:6: parse error: unclosed left parenthesis"})", u"q"_s);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(u"unclosed left parenthesis"_s));
}

TEST_CASE("Alerts and key metrics per service from a real Prometheus and Alertmanager",
          "[core][monitoring][integration]")
{
    MonitoringServers servers;
    if (!servers.start()) {
        FAIL("Prometheus and Alertmanager did not start: " << servers.error().toStdString());
    }
    REQUIRE(servers.setRules(rules(true)));
    REQUIRE(servers.waitForAlert(u"BookingApiHighErrorRate"_s, u"firing"_s));
    REQUIRE(servers.waitForAlert(u"ParcelTrackingHighLatency"_s, u"firing"_s));
    REQUIRE(servers.waitForAlert(u"ParcelTrackingErrorBudgetBurn"_s, u"pending"_s));

    // parcel-tracking's label value differs from its component's name: the annotation maps it.
    const Catalog::Ptr catalog =
        Catalog::build({component(u"booking-api"_s), component(u"parcel-tracker"_s, u"parcel-tracking"_s)});
    const QString booking = u"component:default/booking-api"_s;
    const QString parcels = u"component:default/parcel-tracker"_s;
    QNetworkAccessManager network;
    SyncContext context;
    context.network = &network;
    context.catalog = catalog;

    SourceConfig config;
    config.id = u"prometheus"_s;
    config.type = u"prometheus"_s;
    config.url = servers.prometheusUrl();
    config.options = {
        {u"window"_s, u"2m"_s},
        {u"step"_s, u"1s"_s},
        {u"metrics"_s, QVariantList{QVariantMap{{u"key"_s, u"requestRate"_s},
                                                {u"title"_s, u"Request rate"_s},
                                                {u"unit"_s, u"req/s"_s},
                                                {u"query"_s, u"service:http_requests:rate5m"_s}},
                                    QVariantMap{{u"key"_s, u"errorRatio"_s},
                                                {u"unit"_s, u"%"_s},
                                                {u"scale"_s, 100},
                                                {u"query"_s, u"service:http_errors:ratio_rate5m"_s}},
                                    QVariantMap{{u"key"_s, u"broken"_s}, {u"query"_s, u"rate(service:x[5m]"_s}}}}};
    MonitoringSource prometheus(config);
    // Recording rules need an evaluation or two before a range query sees their series.
    REQUIRE(waitUntil(
        [&] {
            const auto r = syncOnce(prometheus, context);
            if (!r.ok()) {
                UNSCOPED_INFO(r.error().toString().toStdString());
            } else {
                UNSCOPED_INFO(describe(r->problems).toStdString()
                              << " metrics " << opsOf(r.value(), booking).metrics.size());
            }
            return r.ok() && opsOf(r.value(), booking).metrics.size() == 2;
        },
        20000));
    auto result = syncOnce(prometheus, context);
    REQUIRE(result.ok());

    const EntityOps &bookingOps = opsOf(result.value(), booking);
    REQUIRE(bookingOps.alerts.size() == 1);
    CHECK(bookingOps.alerts.at(0).name == u"BookingApiHighErrorRate"_s);
    CHECK(bookingOps.alerts.at(0).state == u"firing"_s);
    CHECK(bookingOps.alerts.at(0).summary == u"booking-api is failing 8.2% of requests"_s);
    CHECK(bookingOps.alertHealth() == Health::Failed);
    CHECK(bookingOps.alertHealthReason().contains(u"BookingApiHighErrorRate"_s));
    const auto errorRatio = std::find_if(bookingOps.metrics.cbegin(), bookingOps.metrics.cend(),
                                         [](const MetricSeries &m) { return m.key == u"errorRatio"_s; });
    REQUIRE(errorRatio != bookingOps.metrics.cend());
    CHECK(errorRatio->values.size() >= 1);
    CHECK(errorRatio->latest() == Approx(8.2));
    CHECK(errorRatio->unit == u"%"_s);

    const EntityOps &parcelOps = opsOf(result.value(), parcels);
    REQUIRE(parcelOps.alerts.size() == 2);
    CHECK(parcelOps.alerts.at(0).state == u"firing"_s); // firing before pending
    CHECK(parcelOps.alerts.at(1).state == u"pending"_s);
    CHECK(parcelOps.alertHealth() == Health::Degraded);
    REQUIRE(parcelOps.metrics.size() == 1);
    CHECK(parcelOps.metrics.at(0).latest() == Approx(40));

    // The broken query and the service nobody owns are problems; everything else was read.
    const ErrorList &problems = result->problems;
    INFO(describe(problems).toStdString());
    REQUIRE(problems.size() == 2);
    const auto broken = std::find_if(problems.cbegin(), problems.cend(),
                                     [](const Error &e) { return e.field == u"options.metrics[2].query"_s; });
    REQUIRE(broken != problems.cend());
    CHECK(broken->message.contains(u"broken"_s));
    CHECK(broken->httpStatus == 400);
    const auto unowned = std::find_if(problems.cbegin(), problems.cend(),
                                      [](const Error &e) { return e.message.contains(u"legacy-batch"_s); });
    REQUIRE(unowned != problems.cend());
    CHECK(unowned->severity == Error::Severity::Info);

    // Alertmanager: a silence suppresses parcel-tracking's latency alert and belongs to the entity.
    const QString silence = servers.createSilence(u"alertname"_s, u"ParcelTrackingHighLatency"_s, u"mei.lin"_s,
                                                  u"Known slow carrier API"_s, std::chrono::hours(2));
    REQUIRE_FALSE(silence.isEmpty());
    SourceConfig amConfig;
    amConfig.id = u"alertmanager"_s;
    amConfig.type = u"alertmanager"_s;
    amConfig.url = servers.alertmanagerUrl();
    MonitoringSource alertmanager(amConfig);
    REQUIRE(waitUntil(
        [&] {
            const auto r = syncOnce(alertmanager, context);
            const EntityOps &o = r.ok() ? opsOf(r.value(), parcels) : EntityOps();
            return r.ok() && !o.silences.isEmpty() && !o.alerts.isEmpty()
                   && o.alerts.constLast().state == u"suppressed"_s;
        },
        20000));
    const auto am = syncOnce(alertmanager, context);
    REQUIRE(am.ok());
    const EntityOps &silenced = opsOf(am.value(), parcels);
    REQUIRE(silenced.silences.size() == 1);
    CHECK(silenced.silences.at(0).id == silence);
    CHECK(silenced.silences.at(0).createdBy == u"mei.lin"_s);
    const AlertInfo &latency = silenced.alerts.constLast();
    CHECK(latency.name == u"ParcelTrackingHighLatency"_s);
    CHECK(latency.silencedBy == QStringList{silence});

    // Both sources together: one row per alert, Alertmanager's (silenced) copy; a silenced alert does not make the
    // entity unhealthy.
    EntityOps merged;
    merged.merge(parcelOps);
    merged.merge(silenced);
    const auto rows = std::count_if(merged.alerts.cbegin(), merged.alerts.cend(),
                                    [](const AlertInfo &a) { return a.name == u"ParcelTrackingHighLatency"_s; });
    CHECK(rows == 1);
    CHECK(merged.alertHealth() == Health::Progressing); // only the pending budget alert is left

    // The alert resolves: gone from the next sync.
    REQUIRE(servers.setRules(rules(false)));
    REQUIRE(servers.waitForAlertGone(u"BookingApiHighErrorRate"_s));
    const auto resolved = syncOnce(prometheus, context);
    REQUIRE(resolved.ok());
    CHECK(opsOf(resolved.value(), booking).alerts.isEmpty());
    CHECK(opsOf(resolved.value(), booking).alertHealth() == Health::None);

    // The server goes away: the sync fails, so the engine keeps the last good data.
    servers.stop();
    const auto down = syncOnce(prometheus, context);
    REQUIRE_FALSE(down.ok());
    CHECK(down.error().code == Error::Code::Network);
}

TEST_CASE("Alerts, metrics, silences and flags round-trip through the cache: alerts make the health worse",
          "[core][monitoring][cache]")
{
    // The answers recorded from the real servers, as the sources map them.
    const auto alerts = Monitoring::parsePrometheusAlerts(recorded(u"api-v1-alerts.json"_s), u"prometheus"_s);
    const auto series = Monitoring::parseMatrix(recorded(u"api-v1-query-range.json"_s), u"prometheus"_s);
    const auto silences = Monitoring::parseSilences(recorded(u"api-v2-silences.json"_s), u"alertmanager"_s);
    REQUIRE((alerts.ok() && series.ok() && silences.ok()));
    EntityOps ops;
    for (const Monitoring::LabelledAlert &a : alerts.value()) {
        if (a.labels.value(u"service"_s) == u"parcel-tracking"_s) {
            ops.alerts.append(a.alert);
        }
    }
    MetricSeries rate;
    rate.key = u"requestRate"_s;
    rate.unit = u"req/s"_s;
    rate.times = series->at(0).times;
    rate.values = series->at(0).values;
    ops.metrics.append(rate);
    ops.silences.append(silences->at(0).silence);
    FeatureFlagInfo flag;
    flag.name = u"parcel-tracking.live-map"_s;
    flag.stale = true;
    flag.environments = {{u"development"_s, true, 1}, {u"production"_s, false, 0}};
    ops.flags.append(flag);
    ops.updatedAt = QDateTime::fromSecsSinceEpoch(1'795'935'700, Qt::UTC);

    QTemporaryDir dir;
    CacheDatabase db;
    REQUIRE(db.open(dir.filePath(u"cache.sqlite"_s)).ok());
    CatalogStore store(db);
    SourceState state;
    state.id = u"prometheus"_s;
    state.kind = u"prometheus"_s;
    state.status = u"ok"_s;
    state.lastSync = ops.updatedAt;
    LiveRecords live;
    live.ops.insert(u"component:default/parcel-tracking"_s, ops);
    REQUIRE(store.replaceSnapshot(state, {}, {}, nullptr, live).ok());
    const auto loaded = store.loadAll();
    REQUIRE(loaded.ok());
    const EntityOps back =
        loaded->liveBySource.value(u"prometheus"_s).ops.value(u"component:default/parcel-tracking"_s);
    CHECK(back.toCbor() == ops.toCbor());
    REQUIRE(back.alerts.size() == 2);
    CHECK(back.metrics.at(0).values.size() == 31);
    CHECK(back.flags.at(0).environments.at(0).enabled);
    CHECK(back.staleFlagCount() == 1);
    CHECK(back.firingCount() == 1);

    // A warning alert firing: degraded, whatever the runtime says; with no runtime at all too.
    LiveSnapshot snapshot;
    snapshot.ops.insert(u"component:default/parcel-tracking"_s, back);
    CHECK(snapshot.health(u"component:default/parcel-tracking"_s) == Health::Degraded);
    EntityRuntime healthy;
    healthy.health = Health::Healthy;
    snapshot.runtime.insert(u"component:default/parcel-tracking"_s, healthy);
    CHECK(snapshot.health(u"component:default/parcel-tracking"_s) == Health::Degraded);
}
