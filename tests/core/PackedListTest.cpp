#include "model/PackedList.h"
#include "model/Entity.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;

TEST_CASE("Entity links are packed and read back as the links they were", "[core][model]")
{
    EntityLinks links;
    CHECK(links.isEmpty());
    CHECK(links.size() == 0);
    CHECK(links.begin() == links.end());
    CHECK(links.at(0) == EntityLink{});

    // A url past 127 bytes takes a two-byte length; titles in any script; empty fields stay empty.
    const QString longUrl = u"https://grafana.example.com/d/"_s + QString(200, u'x');
    const EntityLink dashboard{longUrl, u"Dashboard"_s, u"dashboard"_s, u"metrics"_s};
    const EntityLink runbook{u"https://wiki.example.com/runbooks/cart"_s, u"Betriebshandbuch – Störungen"_s, {}, {}};
    const EntityLink bare{u"https://example.com"_s, {}, {}, {}};
    links.append(dashboard);
    links.append(runbook);
    links.append(bare);

    REQUIRE(links.size() == 3);
    CHECK_FALSE(links.isEmpty());
    CHECK(links.first() == dashboard);
    CHECK(links[1] == runbook);
    CHECK(links.at(2) == bare);
    CHECK(links.at(3) == EntityLink{});
    CHECK(links.toList() == QList<EntityLink>{dashboard, runbook, bare});
    CHECK(links[1].icon.isNull());

    QList<EntityLink> iterated;
    for (const EntityLink &l : links) {
        iterated.append(l);
    }
    CHECK(iterated == links.toList());
    CHECK(std::any_of(links.cbegin(), links.cend(), [](const EntityLink &l) { return l.title == u"Dashboard"_s; }));

    // No room is kept beyond the links: UTF-8 and a length per field.
    qsizetype expected = 0;
    for (const EntityLink &l : {dashboard, runbook, bare}) {
        for (const QString &field : {l.url, l.title, l.icon, l.type}) {
            const qsizetype bytes = field.toUtf8().size();
            expected += bytes + (bytes > 127 ? 2 : 1);
        }
    }
    CHECK(links.byteSize() == expected);

    const EntityLinks same{dashboard, runbook, bare};
    CHECK(same == links);
    links.clear();
    CHECK(links.isEmpty());
    CHECK_FALSE(same == links);
}

TEST_CASE("An entity's links survive its envelope, the cache's CBOR and JSON", "[core][model]")
{
    Entity e;
    e.kind = u"Component"_s;
    e.name = u"cart"_s;
    e.links = {{u"https://github.com/acme/cart"_s, u"Repository"_s, u"github"_s, {}},
               {u"https://grafana.example.com/d/cart"_s, u"Dashboard"_s, {}, u"dashboard"_s}};

    const Entity fromMap = Entity::fromEnvelope(e.toEnvelope());
    CHECK(fromMap.links == e.links);

    const Entity fromBytes = Entity::fromCbor(e.toEnvelope().toCborValue().toCbor());
    CHECK(fromBytes.links == e.links);
    REQUIRE(fromBytes.links.size() == 2);
    CHECK(fromBytes.links[1].type == u"dashboard"_s);

    const QJsonArray json = e.toJson().value(u"metadata"_s).toObject().value(u"links"_s).toArray();
    REQUIRE(json.size() == 2);
    CHECK(json.at(0).toObject().value(u"icon"_s).toString() == u"github"_s);
    CHECK_FALSE(json.at(1).toObject().contains(u"icon"_s));
}

TEST_CASE("Annotations are packed, looked up by key without decoding, and assigned from a list", "[core][model]")
{
    const QList<KeyValue> list{{u"backstage.io/techdocs-ref"_s, u"dir:."_s},
                               {u"github.com/project-slug"_s, u"acme/cart"_s},
                               {u"empty"_s, {}},
                               {u"ünïcode/ключ"_s, u"значение"_s}};
    KeyValues packed = list;
    REQUIRE(packed.size() == 4);
    CHECK(packed.toList() == list);
    CHECK(packed.valueOf(u"github.com/project-slug") == u"acme/cart"_s);
    CHECK(packed.valueOf(u"ünïcode/ключ") == u"значение"_s);
    CHECK(packed.valueOf(u"github.com/project").isNull());
    CHECK(packed.valueOf(u"dir:.").isNull()); // values are not keys
    CHECK(packed.valueOf(u"empty").isNull());
    CHECK(packed.containsKey({"nothing"_L1, "github.com/project-slug"_L1}));
    CHECK_FALSE(packed.containsKey({"acme/cart"_L1, "backstage.io/techdocs"_L1}));
    CHECK_FALSE(KeyValues().containsKey({"empty"_L1}));
    CHECK(KeyValues().valueOf(u"empty").isNull());

    Entity e;
    e.annotations = {{u"portolan.dev/ttl"_s, u"4h"_s}};
    e.labels = list;
    CHECK(e.annotation(u"portolan.dev/ttl") == u"4h"_s);
    CHECK(e.label(u"github.com/project-slug") == u"acme/cart"_s);
    CHECK(Entity::fromCbor(e.toEnvelope().toCborValue().toCbor()).labels == e.labels);
    CHECK(Entity::fromEnvelope(e.toEnvelope()).annotations == e.annotations);
}

TEST_CASE("Tags are packed, looked up and joined as the strings they were", "[core][model]")
{
    const QStringList list{u"java"_s, u"payments"_s, u"Grüße"_s, QString()};
    PackedStrings packed = list;
    REQUIRE(packed.size() == 4);
    CHECK(packed.toList() == list);
    CHECK(packed.at(2) == u"Grüße"_s);
    CHECK(packed.contains(u"payments"));
    CHECK(packed.contains(u"Grüße"));
    CHECK_FALSE(packed.contains(u"pay"));
    CHECK_FALSE(packed.contains(u"Java")); // compared as written, as QStringList::contains
    CHECK(packed.join(u", ") == u"java, payments, Grüße, "_s);
    CHECK(PackedStrings().join(u", ").isEmpty());
    CHECK_FALSE(PackedStrings().contains(u""));
    CHECK(packed.contains(u""));
    // One block of exactly the packed size: a length byte and the UTF-8 of each tag.
    CHECK(packed.byteSize() == 1 + 4 + 1 + 8 + 1 + 7 + 1);

    Entity e;
    e.tags = {u"go"_s, u"ключ"_s};
    CHECK(Entity::fromCbor(e.toEnvelope().toCborValue().toCbor()).tags == e.tags);
    CHECK(Entity::fromEnvelope(e.toEnvelope()).tags.toList() == QStringList{u"go"_s, u"ключ"_s});
    const QJsonArray json = e.toJson().value("metadata"_L1).toObject().value("tags"_L1).toArray();
    CHECK(json == QJsonArray{u"go"_s, u"ключ"_s});
}
