#pragma once

#include "catalog/Catalog.h"
#include "live/LiveTypes.h"
#include "util/Result.h"

#include <QHash>
#include <QList>
#include <QMap>

namespace Portolan::Core::Monitoring {

// Prometheus and Alertmanager answers to Portolan's live types, and the rule that says which entity an alert or a
// series is about. Pure functions: no network, no event loop.

using Labels = QMap<QString, QString>;

struct LabelledAlert
{
    Labels labels;
    AlertInfo alert;
};

struct LabelledSeries
{
    Labels labels;
    QList<qint64> times;
    QList<double> values;
};

// GET /api/v1/alerts: {"status":"success","data":{"alerts":[{labels, annotations, state, activeAt, value}]}}.
// `where` names the request in errors.
[[nodiscard]] Result<QList<LabelledAlert>> parsePrometheusAlerts(const QByteArray &body, const QString &where);
// GET /api/v1/query_range: resultType "matrix"; values are [seconds, "number"] pairs ("NaN" and "+Inf" skipped).
[[nodiscard]] Result<QList<LabelledSeries>> parseMatrix(const QByteArray &body, const QString &where);
// GET /api/v2/alerts: [gettableAlert] with status.state active/suppressed/unprocessed and status.silencedBy.
[[nodiscard]] Result<QList<LabelledAlert>> parseAlertmanagerAlerts(const QByteArray &body, const QString &where);

struct LabelledSilence
{
    QList<QPair<QString, QString>> equalMatchers; // name=value matchers (not regular expressions, not negated)
    SilenceInfo silence;
};
// GET /api/v2/silences: [gettableSilence]; expired silences are left out.
[[nodiscard]] Result<QList<LabelledSilence>> parseSilences(const QByteArray &body, const QString &where);

inline constexpr QLatin1StringView serviceAnnotation{"prometheus.io/service"};

// Which entity a label value names: an entity whose `annotation` (by default prometheus.io/service) is the value (any
// kind), else the component, resource or system of that name in the default namespace. Built once per sync from the
// catalog.
class EntityResolver
{
public:
    explicit EntityResolver(const Catalog::Ptr &catalog, QLatin1StringView annotation = serviceAnnotation);
    // The entity key, or empty when no entity matches.
    [[nodiscard]] QString keyFor(const QString &value) const;

private:
    QHash<QString, QString> m_byAnnotation;
    Catalog::Ptr m_catalog;
};

} // namespace Portolan::Core::Monitoring
