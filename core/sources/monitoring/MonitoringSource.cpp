#include "MonitoringSource.h"
#include "net/UrlText.h"
#include "sources/HttpSource.h"

#include "MonitoringMapper.h"
#include "ttl/TimeToLive.h"
#include "util/Clock.h"

#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

qint64 durationOption(const QVariant &value, qint64 fallback)
{
    if (!value.isValid()) {
        return fallback;
    }
    const auto parsed = TimeToLive::parseDuration(value.toString());
    return parsed.ok() ? parsed.value() : fallback;
}

} // namespace

struct MonitoringSource::Sync
{
    enum class Kind { PrometheusAlerts, Metric, AlertmanagerAlerts, Silences };
    struct Request
    {
        Kind kind;
        int metric = -1;
        QUrl url;
        std::optional<Result<HttpResponse>> response;
    };
    SyncContext context;
    quint64 generation = 0;
    QList<Request> requests;
    qsizetype next = 0;
};

MonitoringSource::MonitoringSource(SourceConfig config, QObject *parent)
    : Source(std::move(config), parent)
{ }

MonitoringSource::~MonitoringSource() = default;

QString MonitoringSource::label() const
{
    const QString l = m_config.options.value(u"label"_s).toString().trimmed();
    return l.isEmpty() ? u"service"_s : l;
}

QList<MonitoringSource::MetricQuery> MonitoringSource::metricQueries() const
{
    QList<MetricQuery> out;
    for (const QVariant &v : m_config.options.value(u"metrics"_s).toList()) {
        const QVariantMap m = v.toMap();
        MetricQuery q;
        q.key = m.value(u"key"_s).toString().trimmed();
        q.query = m.value(u"query"_s).toString().trimmed();
        q.title = m.value(u"title"_s).toString().trimmed();
        q.unit = m.value(u"unit"_s).toString().trimmed();
        bool ok = false;
        const double scale = m.value(u"scale"_s).toDouble(&ok);
        q.scale = ok ? scale : 1.0;
        if (q.title.isEmpty()) {
            q.title = q.key;
        }
        if (!q.key.isEmpty() && !q.query.isEmpty()) {
            out.append(q);
        }
    }
    return out;
}

void MonitoringSource::sync(const SyncContext &context)
{
    const quint64 generation = ++m_generation;
    auto started =
        HttpSource::start(m_config, context, m_config.type == u"alertmanager"_s ? u"Alertmanager"_s : u"Prometheus"_s);
    if (!started.ok()) {
        finishLater(generation, started.error());
        return;
    }
    const QString base = started->base;
    m_client = std::move(started->client);

    auto sync = std::make_shared<Sync>();
    sync->context = context;
    sync->generation = generation;
    if (m_config.type == u"alertmanager"_s) {
        QUrl alerts(base + u"/api/v2/alerts"_s);
        alerts.setQuery(u"active=true&silenced=true&inhibited=true&unprocessed=true"_s);
        sync->requests.append({Sync::Kind::AlertmanagerAlerts, -1, alerts, std::nullopt});
        sync->requests.append({Sync::Kind::Silences, -1, QUrl(base + u"/api/v2/silences"_s), std::nullopt});
    } else {
        sync->requests.append({Sync::Kind::PrometheusAlerts, -1, QUrl(base + u"/api/v1/alerts"_s), std::nullopt});
        const QDateTime now = (context.clock ? context.clock : &Clock::system())->now();
        const qint64 window = durationOption(m_config.options.value(u"window"_s), 3600);
        const qint64 step = std::max<qint64>(1, durationOption(m_config.options.value(u"step"_s), 60));
        const QList<MetricQuery> metrics = metricQueries();
        for (int i = 0; i < metrics.size(); ++i) {
            QUrl url(base + u"/api/v1/query_range"_s);
            // Concatenated, not arg()ed: the encoded query has "%3A" and the like in it.
            url.setQuery(u"query="_s + QString::fromLatin1(QUrl::toPercentEncoding(metrics.at(i).query)) + u"&start="_s
                             + QString::number(now.toSecsSinceEpoch() - window) + u"&end="_s
                             + QString::number(now.toSecsSinceEpoch()) + u"&step="_s + QString::number(step),
                         QUrl::StrictMode);
            sync->requests.append({Sync::Kind::Metric, i, url, std::nullopt});
        }
    }
    fetchNext(sync);
}

void MonitoringSource::fetchNext(const std::shared_ptr<Sync> &sync)
{
    if (sync->generation != m_generation) {
        return;
    }
    if (sync->next >= sync->requests.size()) {
        finish(sync);
        return;
    }
    const qsizetype index = sync->next++;
    Q_EMIT progress(index, sync->requests.size(), tr("Reading %1").arg(sync->requests.at(index).url.path()));
    m_client->get(
        sync->requests.at(index).url,
        [this, sync, index](Result<HttpResponse> response) {
            if (sync->generation != m_generation) {
                return;
            }
            const bool alerts = sync->requests.at(index).kind != Sync::Kind::Metric;
            if (!response.ok() && alerts) {
                Error e = response.error();
                e.file = HttpClient::redactedUrl(sync->requests.at(index).url);
                Q_EMIT finished(e); // without the alerts there is nothing to show: the last good data stays
                return;
            }
            sync->requests[index].response = std::move(response);
            fetchNext(sync);
        },
        sync->context.cancel);
}

void MonitoringSource::finish(const std::shared_ptr<Sync> &sync)
{
    const Monitoring::EntityResolver resolver(sync->context.catalog);
    const QString labelName = label();
    const QList<MetricQuery> metrics = metricQueries();
    const QDateTime now = (sync->context.clock ? sync->context.clock : &Clock::system())->now().toUTC();
    SourceResult result;
    QSet<QString> unmatched;
    int alertCount = 0;
    int seriesCount = 0;
    QHash<QString, QString> silenceEntity; // silence id -> entity key, through the alerts it silences

    auto entityFor = [&](const Monitoring::Labels &labels) {
        const QString value = labels.value(labelName);
        const QString key = resolver.keyFor(value);
        if (key.isEmpty() && !value.isEmpty()) {
            unmatched.insert(value);
        }
        return key;
    };
    auto touch = [&](const QString &key) -> EntityOps & {
        EntityOps &ops = result.ops[key];
        ops.updatedAt = now;
        return ops;
    };

    for (const Sync::Request &request : std::as_const(sync->requests)) {
        const QString where = HttpClient::redactedUrl(request.url);
        if (!request.response || !request.response->ok()) {
            Error e = request.response ? request.response->error() : makeError(Error::Code::Internal, where);
            if (request.kind == Sync::Kind::Metric) {
                const MetricQuery &m = metrics.at(request.metric);
                e.message = tr("The metric %1 could not be read (%2): %3").arg(m.key, m.query, e.message);
                e.field = u"options.metrics[%1].query"_s.arg(request.metric);
                e.file = m_config.configFile;
                e.line = m_config.line;
            }
            result.problems.append(e);
            continue;
        }
        const QByteArray &body = request.response->value().body;
        switch (request.kind) {
        case Sync::Kind::PrometheusAlerts:
        case Sync::Kind::AlertmanagerAlerts: {
            const auto alerts = request.kind == Sync::Kind::PrometheusAlerts
                                    ? Monitoring::parsePrometheusAlerts(body, where)
                                    : Monitoring::parseAlertmanagerAlerts(body, where);
            if (!alerts.ok()) {
                Q_EMIT finished(alerts.error());
                return;
            }
            for (Monitoring::LabelledAlert a : alerts.value()) {
                const QString key = entityFor(a.labels);
                if (key.isEmpty()) {
                    continue;
                }
                ++alertCount;
                a.alert.sourceId = m_config.id;
                if (a.alert.url.isEmpty() && request.kind == Sync::Kind::PrometheusAlerts) {
                    a.alert.url = baseUrlText(m_config.url) + u"/alerts"_s;
                }
                for (const QString &id : std::as_const(a.alert.silencedBy)) {
                    silenceEntity.insert(id, key);
                }
                touch(key).alerts.append(a.alert);
            }
            break;
        }
        case Sync::Kind::Metric: {
            const MetricQuery &m = metrics.at(request.metric);
            const auto series = Monitoring::parseMatrix(body, where);
            if (!series.ok()) {
                Error e = series.error();
                e.message = tr("The metric %1 (%2): %3").arg(m.key, m.query, e.message);
                e.field = u"options.metrics[%1].query"_s.arg(request.metric);
                result.problems.append(e);
                continue;
            }
            for (const Monitoring::LabelledSeries &s : series.value()) {
                const QString key = entityFor(s.labels);
                if (key.isEmpty()) {
                    continue;
                }
                ++seriesCount;
                MetricSeries metric;
                metric.sourceId = m_config.id;
                metric.key = m.key;
                metric.title = m.title;
                metric.unit = m.unit;
                metric.times = s.times;
                for (double v : s.values) {
                    metric.values.append(v * m.scale);
                }
                touch(key).metrics.append(metric);
            }
            break;
        }
        case Sync::Kind::Silences: {
            const auto silences = Monitoring::parseSilences(body, where);
            if (!silences.ok()) {
                result.problems.append(silences.error());
                continue;
            }
            for (Monitoring::LabelledSilence s : silences.value()) {
                s.silence.sourceId = m_config.id;
                QString key = silenceEntity.value(s.silence.id);
                for (const auto &[name, value] : std::as_const(s.equalMatchers)) {
                    if (key.isEmpty() && name == labelName) {
                        key = resolver.keyFor(value);
                    }
                }
                if (!key.isEmpty()) {
                    touch(key).silences.append(s.silence);
                }
            }
            break;
        }
        }
    }
    // The ops of each entity in the order EntityOps keeps them (firing and critical first).
    for (auto it = result.ops.begin(); it != result.ops.end(); ++it) {
        EntityOps sorted;
        sorted.merge(it.value());
        it.value() = sorted;
    }
    if (!unmatched.isEmpty()) {
        QStringList values(unmatched.cbegin(), unmatched.cend());
        values.sort();
        Error e =
            makeError(Error::Code::Reference, tr("%n value(s) of the label \"%1\" name no entity in the catalog: %2",
                                                 nullptr, int(values.size()))
                                                  .arg(labelName, values.join(u", "_s)));
        e.severity = Error::Severity::Info;
        e.detail = tr("Name a component, resource or system after the value, or set the annotation %1 on the "
                      "entity the value stands for.")
                       .arg(QString(Monitoring::serviceAnnotation));
        result.problems.append(e);
    }
    result.message =
        tr("%n alert(s)", nullptr, alertCount) + u" · "_s + tr("%n entities", nullptr, int(result.ops.size()));
    if (seriesCount > 0) {
        result.message += u" · "_s + tr("%n series", nullptr, seriesCount);
    }
    Q_EMIT finished(result);
}

} // namespace Portolan::Core
