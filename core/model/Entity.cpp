#include "Entity.h"

#include "util/CborText.h"
#include "util/StringPool.h"

#include <QCborArray>
#include <QCborStreamReader>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString str(const QCborValue &v)
{
    return v.isString() ? v.toString() : QString();
}

KeyValues keyValues(const QCborValue &v)
{
    KeyValues out;
    if (!v.isMap()) {
        return out;
    }
    const QCborMap map = v.toMap();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        out.append({it.key().toString(), it.value().isString() ? it.value().toString() : QString()});
    }
    return out;
}

QCborMap toMap(const KeyValues &pairs)
{
    QCborMap map;
    for (const KeyValue &kv : pairs) {
        map.insert(kv.key, kv.value);
    }
    return map;
}

} // namespace

const QString &defaultNamespaceString()
{
    static const QString ns = defaultNamespace.toString();
    return ns;
}

QString Entity::specString(QLatin1StringView field) const
{
    return spec.string(field);
}

QStringList Entity::specStringList(QLatin1StringView field) const
{
    return spec.strings(field);
}

QString Entity::annotation(QStringView key) const
{
    return annotations.valueOf(key);
}

QString Entity::label(QStringView key) const
{
    return labels.valueOf(key);
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
        env.insert(u"spec"_s, spec.toMap());
    }
    return env;
}

QJsonObject Entity::toJson() const
{
    return toEnvelope().toJsonObject();
}

Entity Entity::fromEnvelope(const QCborMap &envelope)
{
    // One pass over each map, no take(): taking from a shared QCborMap detaches (copies) it, which showed up
    // as a large share of a cold start from the cache.
    Entity e;
    for (auto it = envelope.constBegin(); it != envelope.constEnd(); ++it) {
        const QString key = it.key().toString();
        if (key == u"apiVersion"_s) {
            e.apiVersion = intern(str(it.value()));
        } else if (key == u"kind"_s) {
            e.kind = intern(str(it.value()));
        } else if (key == u"spec"_s) {
            e.spec = it.value().toMap();
        } else if (key == u"metadata"_s) {
            const QCborMap metadata = it.value().toMap();
            for (auto m = metadata.constBegin(); m != metadata.constEnd(); ++m) {
                const QString field = m.key().toString();
                const QCborValue value = m.value();
                if (field == u"name"_s) {
                    e.name = str(value);
                } else if (field == u"namespace"_s) {
                    if (const QString ns = str(value); !ns.isEmpty()) {
                        e.ns = intern(ns);
                    }
                } else if (field == u"title"_s) {
                    e.title = str(value);
                } else if (field == u"description"_s) {
                    e.description = str(value);
                } else if (field == u"labels"_s) {
                    e.labels = keyValues(value);
                } else if (field == u"annotations"_s) {
                    e.annotations = keyValues(value);
                } else if (field == u"tags"_s) {
                    if (value.isArray()) {
                        QStringList tags;
                        for (const QCborValue &t : value.toArray()) {
                            if (t.isString()) {
                                tags.append(t.toString());
                            }
                        }
                        e.tags = tags;
                    }
                } else if (field == u"links"_s) {
                    if (value.isArray()) {
                        const QCborArray links = value.toArray();
                        for (const QCborValue &l : links) {
                            if (!l.isMap()) {
                                continue;
                            }
                            const QCborMap link = l.toMap();
                            e.links.append({str(link.value("url"_L1)), str(link.value("title"_L1)),
                                            str(link.value("icon"_L1)), str(link.value("type"_L1))});
                        }
                    }
                } else {
                    e.extraMetadata.insert(m.key(), value);
                }
            }
        }
    }
    return e;
}

namespace {

// The readers below return false where the bytes are not what Entity::toEnvelope writes (a key that is not a text
// string, a read error); fromCbor then decodes the general way.

// The value at the reader's position as a string; any other type is skipped and reads as a null string (str()).
bool readStringValue(QCborStreamReader &r, QString &out)
{
    if (r.isString()) {
        return readCborText(r, out);
    }
    out = QString();
    return r.next();
}

// Reads the map or array at the reader's position, calling `item` for each of its entries (at a map's key); a value
// of another type is skipped, as the general decoding reads it as none.
template<typename Item>
bool readContainer(QCborStreamReader &r, QCborStreamReader::Type type, Item &&item)
{
    if (r.type() != type) {
        return r.next();
    }
    if (!r.enterContainer()) {
        return false;
    }
    while (r.hasNext()) {
        if (!item()) {
            return false;
        }
    }
    return r.leaveContainer();
}

// Lists are sized from the container's length up front: grown item by item, a QList keeps room for more, and for
// an entity's two or three annotations or links that room was as large as the items.
template<typename List>
void reserveFor(const QCborStreamReader &r, QCborStreamReader::Type type, List &out)
{
    if (r.type() == type && r.isLengthKnown()) {
        out.reserve(qsizetype(std::min<quint64>(r.length(), 4096)));
    }
}

// A map of strings (labels, annotations), as keyValues() reads it.
bool readKeyValues(QCborStreamReader &r, KeyValues &out)
{
    out.clear();
    return readContainer(r, QCborStreamReader::Map, [&r, &out] {
        QString key;
        QString value;
        if (!readCborText(r, key) || !readStringValue(r, value)) {
            return false;
        }
        out.append({key, value});
        return true;
    });
}

bool readTags(QCborStreamReader &r, PackedStrings &out)
{
    QStringList tags;
    reserveFor(r, QCborStreamReader::Array, tags);
    const bool read = readContainer(r, QCborStreamReader::Array, [&r, &tags] {
        if (!r.isString()) {
            return r.next();
        }
        QString tag;
        if (!readCborText(r, tag)) {
            return false;
        }
        tags.append(tag);
        return true;
    });
    out = tags;
    return read;
}

bool readLinks(QCborStreamReader &r, EntityLinks &out)
{
    out.clear();
    return readContainer(r, QCborStreamReader::Array, [&r, &out] {
        if (!r.isMap()) {
            return r.next();
        }
        EntityLink link;
        const bool read = readContainer(r, QCborStreamReader::Map, [&r, &link] {
            QString key;
            if (!readCborText(r, key)) {
                return false;
            }
            QString *field = key == "url"_L1     ? &link.url
                             : key == "title"_L1 ? &link.title
                             : key == "icon"_L1  ? &link.icon
                             : key == "type"_L1  ? &link.type
                                                 : nullptr;
            return field ? readStringValue(r, *field) : r.next();
        });
        if (read) {
            out.append(link);
        }
        return read;
    });
}

// Reads the value at the reader's position: a CBOR value of any kind, kept whole.
bool readWhole(QCborStreamReader &r, QCborValue &out)
{
    out = QCborValue::fromCbor(r);
    return r.lastError() == QCborError::NoError;
}

bool readMetadata(QCborStreamReader &r, Entity &e)
{
    return readContainer(r, QCborStreamReader::Map, [&r, &e] {
        QString field;
        if (!readCborText(r, field)) {
            return false;
        }
        if (field == "name"_L1) {
            return readStringValue(r, e.name);
        }
        if (field == "namespace"_L1) {
            QString ns;
            const bool ok = readStringValue(r, ns);
            if (!ns.isEmpty()) {
                e.ns = intern(ns);
            }
            return ok;
        }
        if (field == "title"_L1) {
            return readStringValue(r, e.title);
        }
        if (field == "description"_L1) {
            return readStringValue(r, e.description);
        }
        if (field == "labels"_L1) {
            return readKeyValues(r, e.labels);
        }
        if (field == "annotations"_L1) {
            return readKeyValues(r, e.annotations);
        }
        if (field == "tags"_L1) {
            return readTags(r, e.tags);
        }
        if (field == "links"_L1) {
            return readLinks(r, e.links);
        }
        QCborValue value;
        const bool ok = readWhole(r, value);
        e.extraMetadata.insert(field, value);
        return ok;
    });
}

bool readEnvelope(const QByteArray &cbor, Entity &e)
{
    QCborStreamReader r(cbor);
    if (!r.isMap()) {
        return false;
    }
    const bool read = readContainer(r, QCborStreamReader::Map, [&r, &e, &cbor] {
        QString key;
        if (!readCborText(r, key)) {
            return false;
        }
        if (key == "apiVersion"_L1 || key == "kind"_L1) {
            QString value;
            const bool ok = readStringValue(r, value);
            (key == "kind"_L1 ? e.kind : e.apiVersion) = intern(value);
            return ok;
        }
        if (key == "spec"_L1) {
            // Kept as its bytes (PackedMap): a copy of the slice, without decoding it.
            const qsizetype begin = r.currentOffset();
            if (!r.next()) {
                return false;
            }
            e.spec = PackedMap::fromCbor(cbor.sliced(begin, r.currentOffset() - begin));
            return true;
        }
        return key == "metadata"_L1 ? readMetadata(r, e) : r.next();
    });
    return read && r.lastError() == QCborError::NoError;
}

} // namespace

Entity Entity::fromCbor(const QByteArray &cbor)
{
    if (Entity e; readEnvelope(cbor, e)) {
        return e;
    }
    return fromEnvelope(QCborValue::fromCbor(cbor).toMap());
}

QJsonValue envelopeField(const QJsonObject &envelope, const QString &path)
{
    QJsonValue current = envelope;
    const QStringList parts = path.split(u'.');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QJsonObject object = current.toObject();
        if (object.contains(parts.at(i))) {
            current = object.value(parts.at(i));
            continue;
        }
        return object.value(parts.mid(i).join(u'.'));
    }
    return current;
}

} // namespace Portolan::Core
