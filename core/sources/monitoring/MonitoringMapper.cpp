#include "MonitoringMapper.h"

#include "model/EntityRef.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Portolan::Core::Monitoring {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Monitoring", text);
}

Result<QJsonDocument> parseJson(const QByteArray &body, const QString &where)
{
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Error e = makeError(Error::Code::Parse, tr("The answer from %1 is not JSON").arg(where),
                            tr("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
        e.file = where;
        return e;
    }
    return doc;
}

Error shapeError(const QString &where, const QString &expected, const QString &field)
{
    Error e = makeError(Error::Code::Parse, tr("The answer from %1 is not %2").arg(where, expected));
    e.file = where;
    e.field = field;
    return e;
}

// Prometheus wraps every answer in {"status": "success"|"error", "data": ..., "error": ...}.
Result<QJsonObject> prometheusData(const QByteArray &body, const QString &where)
{
    auto doc = parseJson(body, where);
    if (!doc.ok()) {
        return doc.error();
    }
    const QJsonObject root = doc->object();
    if (root.value("status"_L1).toString() == u"error"_s) {
        Error e = makeError(Error::Code::Http,
                            tr("Prometheus refused the query at %1: %2").arg(where, root.value("error"_L1).toString()));
        e.detail = root.value("errorType"_L1).toString();
        e.file = where;
        return e;
    }
    if (!root.value("data"_L1).isObject()) {
        return shapeError(where, tr("a Prometheus API answer (status, data)"), u"data"_s);
    }
    return root.value("data"_L1).toObject();
}

Labels labelsOf(const QJsonObject &object)
{
    Labels labels;
    for (auto it = object.begin(); it != object.end(); ++it) {
        labels.insert(it.key(), it.value().toString());
    }
    return labels;
}

QStringList labelList(const Labels &labels)
{
    QStringList out;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        out.append(it.key() + u'=' + it.value());
    }
    return out;
}

QDateTime timeOf(const QJsonValue &value)
{
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!t.isValid()) {
        t = QDateTime::fromString(value.toString(), Qt::ISODate);
    }
    return t.isValid() ? t.toUTC() : QDateTime();
}

void fillAlert(AlertInfo &alert, const Labels &labels, const QJsonObject &annotations)
{
    alert.name = labels.value(u"alertname"_s);
    alert.severity = labels.value(u"severity"_s);
    alert.summary = annotations.value("summary"_L1).toString();
    alert.description = annotations.value("description"_L1).toString();
    if (alert.summary.isEmpty()) {
        alert.summary = alert.description;
    }
    alert.labels = labelList(labels);
}

} // namespace

Result<QList<LabelledAlert>> parsePrometheusAlerts(const QByteArray &body, const QString &where)
{
    auto data = prometheusData(body, where);
    if (!data.ok()) {
        return data.error();
    }
    const QJsonValue alerts = data->value("alerts"_L1);
    if (!alerts.isArray()) {
        return shapeError(where, tr("a list of alerts"), u"data.alerts"_s);
    }
    QList<LabelledAlert> out;
    for (const QJsonValue &v : alerts.toArray()) {
        const QJsonObject o = v.toObject();
        LabelledAlert a;
        a.labels = labelsOf(o.value("labels"_L1).toObject());
        a.alert.origin = u"prometheus"_s;
        a.alert.state = o.value("state"_L1).toString(); // pending, firing
        a.alert.activeSince = timeOf(o.value("activeAt"_L1));
        fillAlert(a.alert, a.labels, o.value("annotations"_L1).toObject());
        out.append(a);
    }
    return out;
}

Result<QList<LabelledSeries>> parseMatrix(const QByteArray &body, const QString &where)
{
    auto data = prometheusData(body, where);
    if (!data.ok()) {
        return data.error();
    }
    if (data->value("resultType"_L1).toString() != u"matrix"_s || !data->value("result"_L1).isArray()) {
        return shapeError(where, tr("a range query's matrix"), u"data.resultType"_s);
    }
    QList<LabelledSeries> out;
    for (const QJsonValue &v : data->value("result"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        LabelledSeries series;
        series.labels = labelsOf(o.value("metric"_L1).toObject());
        for (const QJsonValue &point : o.value("values"_L1).toArray()) {
            const QJsonArray pair = point.toArray();
            bool ok = false;
            const double value = pair.at(1).toString().toDouble(&ok);
            if (pair.size() != 2 || !ok || !std::isfinite(value)) {
                continue;
            }
            series.times.append(qint64(pair.at(0).toDouble()));
            series.values.append(value);
        }
        out.append(series);
    }
    return out;
}

Result<QList<LabelledAlert>> parseAlertmanagerAlerts(const QByteArray &body, const QString &where)
{
    auto doc = parseJson(body, where);
    if (!doc.ok()) {
        return doc.error();
    }
    if (!doc->isArray()) {
        return shapeError(where, tr("a list of Alertmanager alerts"), QString());
    }
    QList<LabelledAlert> out;
    for (const QJsonValue &v : doc->array()) {
        const QJsonObject o = v.toObject();
        LabelledAlert a;
        a.labels = labelsOf(o.value("labels"_L1).toObject());
        a.alert.origin = u"alertmanager"_s;
        const QJsonObject status = o.value("status"_L1).toObject();
        const QString state = status.value("state"_L1).toString();
        // Alertmanager's "active" is Prometheus's "firing"; "suppressed" is silenced or inhibited.
        a.alert.state = state == u"active"_s || state == u"unprocessed"_s ? u"firing"_s : state;
        for (const QJsonValue &id : status.value("silencedBy"_L1).toArray()) {
            a.alert.silencedBy.append(id.toString());
        }
        a.alert.activeSince = timeOf(o.value("startsAt"_L1));
        a.alert.url = o.value("generatorURL"_L1).toString();
        fillAlert(a.alert, a.labels, o.value("annotations"_L1).toObject());
        out.append(a);
    }
    return out;
}

Result<QList<LabelledSilence>> parseSilences(const QByteArray &body, const QString &where)
{
    auto doc = parseJson(body, where);
    if (!doc.ok()) {
        return doc.error();
    }
    if (!doc->isArray()) {
        return shapeError(where, tr("a list of silences"), QString());
    }
    QList<LabelledSilence> out;
    for (const QJsonValue &v : doc->array()) {
        const QJsonObject o = v.toObject();
        LabelledSilence s;
        s.silence.id = o.value("id"_L1).toString();
        s.silence.state = o.value("status"_L1).toObject().value("state"_L1).toString();
        if (s.silence.state == u"expired"_s) {
            continue;
        }
        s.silence.createdBy = o.value("createdBy"_L1).toString();
        s.silence.comment = o.value("comment"_L1).toString();
        s.silence.startsAt = timeOf(o.value("startsAt"_L1));
        s.silence.endsAt = timeOf(o.value("endsAt"_L1));
        QStringList matchers;
        for (const QJsonValue &m : o.value("matchers"_L1).toArray()) {
            const QJsonObject matcher = m.toObject();
            const bool regex = matcher.value("isRegex"_L1).toBool();
            const bool equal = matcher.value("isEqual"_L1).toBool(true);
            const QString name = matcher.value("name"_L1).toString();
            const QString value = matcher.value("value"_L1).toString();
            const QString op = regex ? (equal ? u"=~"_s : u"!~"_s) : (equal ? u"="_s : u"!="_s);
            matchers.append(name + op + value);
            if (!regex && equal) {
                s.equalMatchers.append({name, value});
            }
        }
        s.silence.matchers = matchers.join(u", "_s);
        out.append(s);
    }
    return out;
}

EntityResolver::EntityResolver(const Catalog::Ptr &catalog, QLatin1StringView annotation)
    : m_catalog(catalog)
{
    if (!catalog) {
        return;
    }
    for (const Entity &entity : catalog->entities()) {
        const QString value = entity.annotation(QString(annotation)).trimmed();
        if (!value.isEmpty() && !m_byAnnotation.contains(value)) {
            m_byAnnotation.insert(value, entity.key());
        }
    }
}

QString EntityResolver::keyFor(const QString &value) const
{
    if (value.isEmpty()) {
        return {};
    }
    if (const auto it = m_byAnnotation.constFind(value); it != m_byAnnotation.cend()) {
        return it.value();
    }
    if (!m_catalog) {
        return {};
    }
    for (const auto kind : {"component"_L1, "resource"_L1, "system"_L1}) {
        const QString key = makeRefKey(QString(kind), defaultNamespaceString(), value);
        if (m_catalog->indexOf(key) >= 0) {
            return key;
        }
    }
    return {};
}

} // namespace Portolan::Core::Monitoring
