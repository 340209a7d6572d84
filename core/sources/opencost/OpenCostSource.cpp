#include "OpenCostSource.h"
#include "sources/HttpSource.h"

#include "sources/monitoring/MonitoringMapper.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace OpenCost {

Result<QHash<QString, QList<CostInfo>>> mapAllocations(const QByteArray &body, const QString &where,
                                                       const QString &window, const QString &aggregate,
                                                       const Catalog::Ptr &catalog, const QString &sourceId,
                                                       QStringList *unmatched)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonValue data = doc.object().value("data"_L1);
    if (parseError.error != QJsonParseError::NoError || !data.isArray()) {
        Error e = makeError(Error::Code::Parse,
                            QCoreApplication::translate("OpenCostSource",
                                                        "The answer from %1 is not OpenCost's allocation set "
                                                        "(code, data)")
                                .arg(where));
        e.file = where;
        e.field = u"data"_s;
        if (parseError.error != QJsonParseError::NoError) {
            e.detail = parseError.errorString();
        }
        return e;
    }
    const Monitoring::EntityResolver byNamespace(catalog, "backstage.io/kubernetes-namespace"_L1);
    const Monitoring::EntityResolver byAllocation(catalog, allocationAnnotation);
    QHash<QString, QList<CostInfo>> out;
    for (const QJsonValue &step : data.toArray()) {
        const QJsonObject set = step.toObject();
        for (auto it = set.begin(); it != set.end(); ++it) {
            const QJsonObject a = it.value().toObject();
            const QString name = a.value("name"_L1).toString(it.key());
            if (name.startsWith(u"__"_s)) {
                continue; // __idle__, __unallocated__: nobody's
            }
            QString key = aggregate == u"namespace"_s ? byNamespace.keyFor(name) : QString();
            if (key.isEmpty()) {
                key = byAllocation.keyFor(name);
            }
            if (key.isEmpty()) {
                unmatched->append(name);
                continue;
            }
            CostInfo cost;
            cost.sourceId = sourceId;
            cost.window = window;
            cost.allocation = name;
            cost.total = a.value("totalCost"_L1).toDouble();
            cost.cpu = a.value("cpuCost"_L1).toDouble();
            cost.ram = a.value("ramCost"_L1).toDouble();
            cost.storage = a.value("pvCost"_L1).toDouble();
            cost.network = a.value("networkCost"_L1).toDouble();
            cost.efficiency = a.value("totalEfficiency"_L1).toDouble(-1);
            cost.start = QDateTime::fromString(a.value("start"_L1).toString(), Qt::ISODate).toUTC();
            cost.end = QDateTime::fromString(a.value("end"_L1).toString(), Qt::ISODate).toUTC();
            out[key].append(cost);
        }
    }
    return out;
}

} // namespace OpenCost

OpenCostSource::OpenCostSource(SourceConfig config, QObject *parent)
    : Source(std::move(config), parent)
{ }

OpenCostSource::~OpenCostSource() = default;

void OpenCostSource::sync(const SyncContext &context)
{
    const quint64 generation = ++m_generation;
    auto started = HttpSource::start(m_config, context, u"OpenCost"_s);
    if (!started.ok()) {
        finishLater(generation, started.error());
        return;
    }
    const QString base = started->base;
    m_client = std::move(started->client);
    const QString window = m_config.options.value(u"window"_s, u"7d"_s).toString();
    const QString aggregate = m_config.options.value(u"aggregate"_s, u"namespace"_s).toString();
    QUrl url(base + u"/allocation/compute"_s);
    url.setQuery(u"window="_s + QString::fromLatin1(QUrl::toPercentEncoding(window)) + u"&aggregate="_s
                     + QString::fromLatin1(QUrl::toPercentEncoding(aggregate)) + u"&accumulate=true"_s,
                 QUrl::StrictMode);
    const Catalog::Ptr catalog = context.catalog;
    const Clock *clock = context.clock ? context.clock : &Clock::system();
    Q_EMIT progress(0, 0, tr("Reading the costs of the last %1").arg(window));
    m_client->get(
        url,
        [this, generation, url, window, aggregate, catalog, clock](Result<HttpResponse> response) {
            if (generation != m_generation) {
                return;
            }
            if (!response.ok()) {
                Q_EMIT finished(response.error());
                return;
            }
            QStringList unmatched;
            const auto mapped = OpenCost::mapAllocations(response->body, HttpClient::redactedUrl(url), window,
                                                         aggregate, catalog, m_config.id, &unmatched);
            if (!mapped.ok()) {
                Q_EMIT finished(mapped.error());
                return;
            }
            SourceResult result;
            const QDateTime now = clock->now().toUTC();
            for (auto it = mapped->cbegin(); it != mapped->cend(); ++it) {
                EntityOps &ops = result.ops[it.key()];
                ops.costs = it.value();
                ops.updatedAt = now;
            }
            if (!unmatched.isEmpty()) {
                unmatched.sort();
                Error e = makeError(Error::Code::Reference, tr("%n allocation(s) name no entity in the catalog: %1",
                                                               nullptr, int(unmatched.size()))
                                                                .arg(unmatched.join(u", "_s)));
                e.severity = Error::Severity::Info;
                e.detail = tr("Set backstage.io/kubernetes-namespace or %1 on the entity an allocation stands for.")
                               .arg(QString(OpenCost::allocationAnnotation));
                result.problems.append(e);
            }
            result.message = tr("%n entities", nullptr, int(result.ops.size())) + u" · "_s + window;
            Q_EMIT finished(result);
        },
        context.cancel);
}

} // namespace Portolan::Core
