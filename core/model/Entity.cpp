#include "Entity.h"

#include <QCborArray>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString str(const QCborValue &v)
{
    return v.isString() ? v.toString() : QString();
}

QList<KeyValue> keyValues(const QCborValue &v)
{
    QList<KeyValue> out;
    if (!v.isMap()) {
        return out;
    }
    const QCborMap map = v.toMap();
    out.reserve(map.size());
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        out.append({it.key().toString(), it.value().isString() ? it.value().toString() : QString()});
    }
    return out;
}

QCborMap toMap(const QList<KeyValue> &pairs)
{
    QCborMap map;
    for (const KeyValue &kv : pairs) {
        map.insert(kv.key, kv.value);
    }
    return map;
}

} // namespace

QString Entity::specString(QLatin1StringView field) const
{
    return str(spec.value(field));
}

QStringList Entity::specStringList(QLatin1StringView field) const
{
    QStringList out;
    const QCborValue v = spec.value(field);
    if (v.isArray()) {
        const QCborArray arr = v.toArray();
        out.reserve(arr.size());
        for (const QCborValue &item : arr) {
            if (item.isString()) {
                out.append(item.toString());
            }
        }
    } else if (v.isString()) {
        out.append(v.toString());
    }
    return out;
}

QString Entity::annotation(QStringView key) const
{
    for (const KeyValue &kv : annotations) {
        if (kv.key == key) {
            return kv.value;
        }
    }
    return {};
}

QString Entity::label(QStringView key) const
{
    for (const KeyValue &kv : labels) {
        if (kv.key == key) {
            return kv.value;
        }
    }
    return {};
}

QCborMap Entity::toEnvelope() const
{
    QCborMap metadata = extraMetadata;
    metadata.insert(u"name"_s, name);
    metadata.insert(u"namespace"_s, ns);
    if (!title.isEmpty()) {
        metadata.insert(u"title"_s, title);
    }
    if (!description.isEmpty()) {
        metadata.insert(u"description"_s, description);
    }
    if (!labels.isEmpty()) {
        metadata.insert(u"labels"_s, toMap(labels));
    }
    if (!annotations.isEmpty()) {
        metadata.insert(u"annotations"_s, toMap(annotations));
    }
    if (!tags.isEmpty()) {
        QCborArray arr;
        for (const QString &t : tags) {
            arr.append(t);
        }
        metadata.insert(u"tags"_s, arr);
    }
    if (!links.isEmpty()) {
        QCborArray arr;
        for (const EntityLink &l : links) {
            QCborMap m;
            m.insert(u"url"_s, l.url);
            if (!l.title.isEmpty()) {
                m.insert(u"title"_s, l.title);
            }
            if (!l.icon.isEmpty()) {
                m.insert(u"icon"_s, l.icon);
            }
            if (!l.type.isEmpty()) {
                m.insert(u"type"_s, l.type);
            }
            arr.append(m);
        }
        metadata.insert(u"links"_s, arr);
    }
    QCborMap env;
    env.insert(u"apiVersion"_s, apiVersion);
    env.insert(u"kind"_s, kind);
    env.insert(u"metadata"_s, metadata);
    if (!spec.isEmpty()) {
        env.insert(u"spec"_s, spec);
    }
    return env;
}

QJsonObject Entity::toJson() const
{
    return toEnvelope().toJsonObject();
}

Entity Entity::fromEnvelope(const QCborMap &envelope)
{
    Entity e;
    e.apiVersion = str(envelope.value("apiVersion"_L1));
    e.kind = str(envelope.value("kind"_L1));
    QCborMap metadata = envelope.value("metadata"_L1).toMap();
    e.name = str(metadata.take("name"_L1));
    const QString ns = str(metadata.take("namespace"_L1));
    if (!ns.isEmpty()) {
        e.ns = ns;
    }
    e.title = str(metadata.take("title"_L1));
    e.description = str(metadata.take("description"_L1));
    e.labels = keyValues(metadata.take("labels"_L1));
    e.annotations = keyValues(metadata.take("annotations"_L1));
    const QCborValue tags = metadata.take("tags"_L1);
    if (tags.isArray()) {
        for (const QCborValue &t : tags.toArray()) {
            if (t.isString()) {
                e.tags.append(t.toString());
            }
        }
    }
    const QCborValue links = metadata.take("links"_L1);
    if (links.isArray()) {
        for (const QCborValue &l : links.toArray()) {
            if (!l.isMap()) {
                continue;
            }
            const QCborMap m = l.toMap();
            e.links.append(
                {str(m.value("url"_L1)), str(m.value("title"_L1)), str(m.value("icon"_L1)), str(m.value("type"_L1))});
        }
    }
    e.extraMetadata = metadata;
    e.spec = envelope.value("spec"_L1).toMap();
    return e;
}

} // namespace Portolan::Core
