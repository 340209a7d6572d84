#pragma once

#include "EntityRef.h"
#include "PackedList.h"
#include "PackedMap.h"

#include <QByteArray>
#include <QCborMap>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Portolan::Core {

// One shared buffer for "default" across all entities.
[[nodiscard]] const QString &defaultNamespaceString();

// Where an entity came from: the source that produced it and the place in that source's data.
struct Provenance
{
    QString sourceId;
    QString file; // path or URL of the descriptor
    int line = 0;
    int column = 0;
    QString revision; // e.g. a git commit, when the source knows it
};

// One catalog entity in Backstage's envelope. A plain value type: built by readers on worker threads, held
// in immutable Catalog snapshots, never shared mutable across threads.
struct Entity
{
    QString apiVersion;
    QString kind;
    QString ns = defaultNamespaceString();
    QString name;
    QString title;
    QString description;
    KeyValues labels;
    KeyValues annotations;
    PackedStrings tags;
    EntityLinks links;
    PackedMap spec; // as written (after $text/$json/$yaml substitution); unknown kinds kept whole
    QCborMap extraMetadata; // metadata fields Portolan has no column for (uid, etag, custom keys)
    QByteArray raw; // the YAML document as written, UTF-8
    Provenance origin;

    [[nodiscard]] EntityRef ref() const { return {kind, ns, name}; }
    [[nodiscard]] QString refString() const { return ref().toString(); }
    [[nodiscard]] QString key() const { return makeRefKey(kind, ns, name); }
    [[nodiscard]] QString displayName() const { return title.isEmpty() ? name : title; }

    [[nodiscard]] QString specString(QLatin1StringView field) const;
    [[nodiscard]] QStringList specStringList(QLatin1StringView field) const;
    [[nodiscard]] QString annotation(QStringView key) const;
    [[nodiscard]] QString label(QStringView key) const;

    // Backstage's envelope: {apiVersion, kind, metadata, spec}.
    [[nodiscard]] QCborMap toEnvelope() const;
    [[nodiscard]] QJsonObject toJson() const;
    // Builds an entity from an envelope whose field types were already checked by the Validator; fields of
    // the wrong type are left empty rather than guessed.
    [[nodiscard]] static Entity fromEnvelope(const QCborMap &envelope);
    // The same as fromEnvelope(QCborValue::fromCbor(cbor).toMap()), read straight from the CBOR bytes: only the
    // spec and unknown metadata fields become QCborMaps (the cache's start-up path, where building the whole
    // envelope first took half the decoding time).
    [[nodiscard]] static Entity fromCbor(const QByteArray &cbor);
};

// The value at a dotted path of an entity's envelope ("kind", "spec.type",
// "metadata.annotations.github.com/project-slug"): where a key itself has dots (annotations, labels), the rest of the
// path is looked up as one key. Undefined when there is none.
[[nodiscard]] QJsonValue envelopeField(const QJsonObject &envelope, const QString &path);

} // namespace Portolan::Core

Q_DECLARE_METATYPE(Portolan::Core::Entity)
