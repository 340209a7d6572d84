#include "model/PackedMap.h"
#include "model/Entity.h"

#include <QCborArray>
#include <QCborStreamWriter>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;

namespace {

QCborMap sampleSpec()
{
    QCborMap profile;
    profile.insert(u"displayName"_s, u"Ada Lovelace"_s);
    profile.insert(u"email"_s, u"ada@example.com"_s);
    QCborMap spec;
    spec.insert(u"type"_s, u"service"_s);
    spec.insert(u"lifecycle"_s, u"production"_s);
    spec.insert(u"owner"_s, u"group:payments"_s);
    spec.insert(u"replicas"_s, 3);
    spec.insert(u"ratio"_s, 0.25);
    spec.insert(u"enabled"_s, true);
    spec.insert(u"nothing"_s, QCborValue(nullptr));
    spec.insert(u"dependsOn"_s, QCborArray{u"resource:db"_s, 7, u"component:cache"_s});
    spec.insert(u"profile"_s, profile);
    // Longer than 23 and 255 bytes: heads with one and two bytes of length.
    spec.insert(u"description"_s, QString(40, u'x'));
    spec.insert(u"definition"_s, QString(300, u'y'));
    spec.insert(u"naïve"_s, u"ünïcödé"_s);
    spec.insert(42, u"a key that is not text"_s);
    return spec;
}

} // namespace

TEST_CASE("A packed map reads every field as the QCborMap it was made from", "[core][model]")
{
    const QCborMap map = sampleSpec();
    const PackedMap packed(map);

    CHECK(packed.toMap() == map);
    CHECK(packed.size() == map.size());
    CHECK(packed == PackedMap(map));
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (it.key().isString()) {
            INFO(it.key().toString().toStdString());
            CHECK(packed.value(it.key().toString()) == it.value());
        }
    }
    CHECK(packed.string("type"_L1) == u"service"_s);
    CHECK(packed.string("definition"_L1) == QString(300, u'y'));
    CHECK(packed.value(u"naïve"_s).toString() == u"ünïcödé"_s);
    CHECK(packed.value("profile"_L1).toMap().value("email"_L1).toString() == u"ada@example.com"_s);
    CHECK(packed.string("profile"_L1, "email"_L1) == u"ada@example.com"_s);
    CHECK(packed.string("profile"_L1, "missing"_L1).isNull());
    CHECK(packed.string("type"_L1, "email"_L1).isNull()); // not a map
    CHECK(packed.string("missing"_L1, "email"_L1).isNull());
    CHECK(packed.contains("nothing"_L1));
    CHECK(packed.value("nothing"_L1).isNull());

    // Absent keys and keys of the wrong type read as QCborMap reads them.
    CHECK(!packed.contains("missing"_L1));
    CHECK(packed.value("missing"_L1).isUndefined());
    CHECK(packed.string("missing"_L1).isNull());
    CHECK(packed.string("replicas"_L1).isNull());
    CHECK(packed.value(u"42"_s).isUndefined());
}

TEST_CASE("A packed map reads a string or the strings of an array as a list", "[core][model]")
{
    const PackedMap packed(sampleSpec());
    bool isArray = true;

    CHECK(packed.strings("owner"_L1, &isArray) == QStringList{u"group:payments"_s});
    CHECK(!isArray);
    CHECK(packed.strings("dependsOn"_L1, &isArray) == QStringList{u"resource:db"_s, u"component:cache"_s});
    CHECK(isArray);
    CHECK(packed.strings("replicas"_L1, &isArray).isEmpty());
    CHECK(!isArray);
    CHECK(packed.strings("missing"_L1).isEmpty());
}

TEST_CASE("A packed map is empty without bytes, and built or changed field by field", "[core][model]")
{
    const PackedMap empty;
    CHECK(empty.isEmpty());
    CHECK(empty.cbor().isEmpty());
    CHECK(empty.size() == 0);
    CHECK(empty.toMap().isEmpty());
    CHECK(PackedMap(QCborMap()).cbor().isEmpty());
    CHECK(PackedMap::fromCbor(QCborValue(QCborMap()).toCbor()).cbor().isEmpty());

    const PackedMap fields =
        PackedMap::fromStrings({{"type"_L1, u"website"_s}, {"lifecycle"_L1, QString()}, {"owner"_L1, u"team-ä"_s}});
    CHECK(fields.toMap() == QCborMap{{u"type"_s, u"website"_s}, {u"owner"_s, u"team-ä"_s}});
    CHECK(PackedMap::fromStrings({{"type"_L1, QString()}}).isEmpty());

    PackedMap changed = fields;
    changed.insert(u"system"_s, u"shop"_s);
    changed.insert(u"type"_s, u"service"_s);
    CHECK(changed.string("system"_L1) == u"shop"_s);
    CHECK(changed.string("type"_L1) == u"service"_s);
    CHECK(fields.string("type"_L1) == u"website"_s);
}

TEST_CASE("A packed map takes definite CBOR as it is, re-encodes indefinite lengths and drops what is not a map",
          "[core][model]")
{
    const QByteArray definite = QCborValue(sampleSpec()).toCbor();
    CHECK(PackedMap::fromCbor(definite).cbor() == definite);

    QByteArray indefinite;
    {
        QCborStreamWriter w(&indefinite);
        w.startMap();
        w.append(u"type"_s);
        w.append(u"service"_s);
        w.append(u"dependsOn"_s);
        w.startArray();
        w.append(u"resource:db"_s);
        w.endArray();
        w.endMap();
    }
    const PackedMap reencoded = PackedMap::fromCbor(indefinite);
    CHECK(reencoded.cbor() != indefinite);
    CHECK(reencoded.string("type"_L1) == u"service"_s);
    CHECK(reencoded.strings("dependsOn"_L1) == QStringList{u"resource:db"_s});

    CHECK(PackedMap::fromCbor(QCborValue(u"a string"_s).toCbor()).isEmpty());
    CHECK(PackedMap::fromCbor(QByteArray()).isEmpty());
    // Cut short or damaged: nothing rather than part of a map.
    CHECK(PackedMap::fromCbor(definite.left(definite.size() / 2)).isEmpty());
    CHECK(PackedMap::fromCbor(definite.left(1)).isEmpty());
    QByteArray reserved = definite;
    reserved[1] = char(0x1c); // additional information 28 is reserved
    CHECK(PackedMap::fromCbor(reserved).isEmpty());
}

TEST_CASE("An entity's spec survives the cache's CBOR envelope as bytes", "[core][model]")
{
    Entity e;
    e.kind = u"Component"_s;
    e.name = u"checkout"_s;
    e.spec = sampleSpec();
    const Entity back = Entity::fromCbor(QCborValue(e.toEnvelope()).toCbor());
    CHECK(back.spec == e.spec);
    CHECK(back.spec.cbor() == e.spec.cbor());
    CHECK(back.specString("owner"_L1) == u"group:payments"_s);
    CHECK(back.specStringList("dependsOn"_L1) == QStringList{u"resource:db"_s, u"component:cache"_s});
}
