#include "catalog/Catalog.h"
#include "catalog/DescriptorLoader.h"
#include "config/Workspace.h"
#include "support/TestSupport.h"

#include <QTemporaryDir>

#include <algorithm>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using Portolan::Test::describe;
using Portolan::Test::writeFile;
using namespace Qt::Literals::StringLiterals;

namespace {

Catalog::Ptr catalogFrom(const QByteArray &yaml)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("catalog.yaml"), yaml);
    LoadResult loaded = DescriptorLoader::load({path});
    INFO(describe(loaded.problems).toStdString());
    REQUIRE(Portolan::Test::countErrors(loaded.problems) == 0);
    return Catalog::build(std::move(loaded.entities), loaded.problems);
}

bool hasRelation(const Catalog &c, const QString &from, RelationType type, const QString &to)
{
    const int i = c.find(from);
    REQUIRE(i >= 0);
    for (const CatalogRelation &r : c.relations(i)) {
        if (r.type == type && c.relationTargetRef(r) == to) {
            return true;
        }
    }
    return false;
}

const QByteArray small = R"(apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: {name: payments}
spec: {owner: team-a}
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: {name: checkout}
spec: {owner: team-a, domain: payments}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: cart, description: Shopping cart service, tags: [java]}
spec:
  type: service
  lifecycle: production
  owner: team-a
  system: checkout
  providesApis: [cart-api]
  consumesApis: [api:pricing-api]
  dependsOn: [resource:cart-db, component:ghost]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: {name: cart-api}
spec: {type: openapi, lifecycle: production, owner: team-a, system: checkout, definition: "openapi: 3.0.0"}
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: {name: cart-db, annotations: {example.com/engine: postgres}}
spec: {type: database, owner: team-b, system: checkout}
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: team-a}
spec: {type: team, children: [team-b], members: [jane]}
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: team-b}
spec: {type: team, parent: team-a, children: []}
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: jane}
spec: {memberOf: [team-a]}
)";

} // namespace

TEST_CASE("Relations are derived in both directions", "[core][catalog]")
{
    const Catalog::Ptr c = catalogFrom(small);
    REQUIRE(c->size() == 8);
    const QString cart = QStringLiteral("component:default/cart");
    CHECK(hasRelation(*c, cart, RelationType::OwnedBy, QStringLiteral("group:default/team-a")));
    CHECK(hasRelation(*c, QStringLiteral("group:team-a"), RelationType::OwnerOf, cart));
    CHECK(hasRelation(*c, cart, RelationType::PartOf, QStringLiteral("system:default/checkout")));
    CHECK(hasRelation(*c, QStringLiteral("system:checkout"), RelationType::HasPart, cart));
    CHECK(hasRelation(*c, QStringLiteral("system:checkout"), RelationType::PartOf,
                      QStringLiteral("domain:default/payments")));
    CHECK(hasRelation(*c, cart, RelationType::ProvidesApi, QStringLiteral("api:default/cart-api")));
    CHECK(hasRelation(*c, QStringLiteral("api:cart-api"), RelationType::ApiProvidedBy, cart));
    CHECK(hasRelation(*c, cart, RelationType::DependsOn, QStringLiteral("resource:default/cart-db")));
    CHECK(hasRelation(*c, QStringLiteral("resource:cart-db"), RelationType::DependencyOf, cart));
    // Declared from both ends, stored once each way.
    CHECK(hasRelation(*c, QStringLiteral("group:team-a"), RelationType::ParentOf,
                      QStringLiteral("group:default/team-b")));
    CHECK(
        hasRelation(*c, QStringLiteral("group:team-b"), RelationType::ChildOf, QStringLiteral("group:default/team-a")));
    CHECK(hasRelation(*c, QStringLiteral("user:jane"), RelationType::MemberOf, QStringLiteral("group:default/team-a")));
    CHECK(
        hasRelation(*c, QStringLiteral("group:team-a"), RelationType::HasMember, QStringLiteral("user:default/jane")));
    const int teamB = c->find(u"group:team-b");
    const auto rels = c->relations(teamB);
    CHECK(std::count_if(rels.begin(), rels.end(),
                        [](const CatalogRelation &r) { return r.type == RelationType::ChildOf; })
          == 1);
}

TEST_CASE("Dangling references are kept on the source and flagged", "[core][catalog]")
{
    const Catalog::Ptr c = catalogFrom(small);
    CHECK(hasRelation(*c, QStringLiteral("component:cart"), RelationType::DependsOn,
                      QStringLiteral("component:default/ghost")));
    CHECK(hasRelation(*c, QStringLiteral("component:cart"), RelationType::ConsumesApi,
                      QStringLiteral("api:default/pricing-api")));
    CHECK(c->danglingRefs().size() == 2);
    int warnings = 0;
    for (const Error &e : c->problems()) {
        if (e.code == Error::Code::Reference) {
            ++warnings;
            CHECK(e.severity == Error::Severity::Warning);
            CHECK(e.entityRef == QStringLiteral("component:default/cart"));
        }
    }
    CHECK(warnings == 2);
}

TEST_CASE("Facets and search", "[core][catalog]")
{
    const Catalog::Ptr c = catalogFrom(small);
    const int cart = c->find(u"cart");
    CHECK(c->facetValue(cart, Facet::Owner) == QStringLiteral("team-a"));
    CHECK(c->facetValue(cart, Facet::System) == QStringLiteral("checkout"));
    CHECK(c->facetValue(cart, Facet::Domain) == QStringLiteral("payments"));
    CHECK(c->facetValue(c->find(u"resource:cart-db"), Facet::Domain) == QStringLiteral("payments"));

    CatalogQuery q;
    CHECK(c->query(q).size() == 8);
    q.facets[std::size_t(Facet::Kind)] = {QStringLiteral("Component"), QStringLiteral("API")};
    CHECK(c->query(q).size() == 2);
    q.facets[std::size_t(Facet::Tag)] = {QStringLiteral("java")};
    REQUIRE(c->query(q).size() == 1);
    CHECK(c->query(q).front() == cart);

    CatalogQuery text;
    text.text = QStringLiteral("SHOPPING cart");
    REQUIRE(c->query(text).size() == 1);
    text.text = QStringLiteral("postgres"); // annotation values are searchable
    REQUIRE(c->query(text).size() == 1);
    CHECK(c->entity(c->query(text).front()).name == QStringLiteral("cart-db"));
    text.text = QStringLiteral("cart nothing-like-this");
    CHECK(c->query(text).empty());

    const auto kinds = c->facetCounts(Facet::Kind, c->query({}));
    REQUIRE(kinds.size() == 7);
    CHECK(kinds.first().value == QStringLiteral("Group"));
    CHECK(kinds.first().count == 2);
}

TEST_CASE("Query results are sorted by the chosen key", "[core][catalog]")
{
    const Catalog::Ptr c = catalogFrom(small);
    CatalogQuery q;
    q.sort = SortKey::Name;
    std::vector<int> rows = c->query(q);
    REQUIRE(rows.size() == 8);
    CHECK(c->entity(rows.front()).name == QStringLiteral("cart"));
    CHECK(c->entity(rows.back()).name == QStringLiteral("team-b"));
    q.descending = true;
    rows = c->query(q);
    CHECK(c->entity(rows.front()).name == QStringLiteral("team-b"));
    q.sort = SortKey::Kind;
    q.descending = false;
    rows = c->query(q);
    CHECK(c->entity(rows.front()).kind == QStringLiteral("API"));
    CHECK(c->entity(rows.back()).kind == QStringLiteral("User"));
}

TEST_CASE("The demo workspace loads with exactly the one broken file the Problems panel shows", "[core][catalog][demo]")
{
    const auto ws = Workspace::open(Workspace::demoPath());
    REQUIRE(ws.ok());
    CHECK(ws->name == QStringLiteral("Northwind Freight"));
    CHECK(ws->problems.isEmpty());
    LoadResult loaded = DescriptorLoader::load(ws->roots());
    const Catalog::Ptr c = Catalog::build(std::move(loaded.entities), loaded.problems);
    const QHash<QString, int> kinds = c->countByKind();
    CHECK(kinds.value(QStringLiteral("Domain")) >= 3);
    CHECK(kinds.value(QStringLiteral("System")) >= 6);
    CHECK(kinds.value(QStringLiteral("Component")) + kinds.value(QStringLiteral("API")) >= 40);
    CHECK(kinds.value(QStringLiteral("Resource")) >= 1);
    CHECK(kinds.value(QStringLiteral("Group")) >= 8);
    CHECK(kinds.value(QStringLiteral("User")) >= 30);
    QSet<QString> brokenFiles;
    for (const Error &e : c->problems()) {
        if (e.isError()) {
            brokenFiles.insert(e.file);
        }
    }
    INFO(describe(c->problems()).toStdString());
    REQUIRE(brokenFiles.size() == 1);
    CHECK(brokenFiles.values().first().endsWith(QStringLiteral("components/legacy-fax-gateway.yaml")));
    // The valid second document of the broken file still loads.
    CHECK(c->find(u"fax-archive-exporter") >= 0);
}

TEST_CASE("Entities from several sources merge by ref, with provenance and conflict reports", "[core][catalog]")
{
    const auto make = [](const QString &kind, const QString &name, const QString &source, const QString &file) {
        Entity e;
        e.apiVersion = QStringLiteral("backstage.io/v1alpha1");
        e.kind = kind;
        e.name = name;
        e.spec.insert(QStringLiteral("owner"), QStringLiteral("team-a"));
        e.origin.sourceId = source;
        e.origin.file = file;
        e.origin.line = 7;
        return e;
    };
    std::vector<Entity> entities;
    entities.push_back(make(QStringLiteral("Component"), QStringLiteral("billing"), QStringLiteral("git-main"),
                            QStringLiteral("a.yaml")));
    entities.push_back(make(QStringLiteral("Group"), QStringLiteral("team-a"), QStringLiteral("backstage"),
                            QStringLiteral("https://bs/api/1")));
    entities.push_back(make(QStringLiteral("Component"), QStringLiteral("Billing"), QStringLiteral("backstage"),
                            QStringLiteral("https://bs/api/2")));
    const Catalog::Ptr c = Catalog::build(std::move(entities));
    REQUIRE(c->size() == 2);
    const int billing = c->find(u"component:billing");
    REQUIRE(billing >= 0);
    CHECK(c->entity(billing).origin.sourceId == QStringLiteral("git-main"));
    CHECK(c->entity(billing).origin.file == QStringLiteral("a.yaml"));
    const auto conflict = std::find_if(c->problems().cbegin(), c->problems().cend(),
                                       [](const Error &e) { return e.code == Error::Code::Conflict; });
    REQUIRE(conflict != c->problems().cend());
    CHECK(conflict->file == QStringLiteral("https://bs/api/2"));
    CHECK(conflict->message.contains(QStringLiteral("a.yaml:7")));
    CHECK(conflict->message.contains(QStringLiteral("git-main")));
    // The owner resolves across sources.
    const auto rels = c->relations(c->find(u"group:team-a"));
    REQUIRE(rels.size() == 1);
    CHECK(rels[0].type == RelationType::OwnerOf);
    CHECK(rels[0].target == billing);
}

TEST_CASE("run() narrows from the previous keystroke and counts facets against the other facets", "[core][catalog]")
{
    const Catalog::Ptr c = catalogFrom(small);
    CatalogQuery q;
    q.text = QStringLiteral("c");
    const QueryResult first = c->run(q);
    q.text = QStringLiteral("ca");
    const QueryResult narrowed = c->run(q, &first);
    const QueryResult fresh = c->run(q);
    CHECK(narrowed.rows == fresh.rows);
    CHECK(narrowed.textMatch == fresh.textMatch);
    q.text = QStringLiteral("cart-db");
    CHECK(c->run(q, &narrowed).rows == c->query(q));
    // Not an extension: the previous result must not narrow it.
    q.text = QStringLiteral("team");
    CHECK(c->run(q, &narrowed).rows == c->query(q));

    CatalogQuery kinds;
    kinds.facets[std::size_t(Facet::Kind)] = {QStringLiteral("Group")};
    const QueryResult r = c->run(kinds);
    CHECK(r.rows.size() == 2);
    // The Kind facet still lists every kind (it does not filter itself) ...
    CHECK(r.facetCounts[std::size_t(Facet::Kind)].size() == 7);
    // ... while the other facets count only the two groups.
    const auto &ns = r.facetCounts[std::size_t(Facet::Namespace)];
    REQUIRE(ns.size() == 1);
    CHECK(ns.first().count == 2);
    CHECK(r.facetCounts[std::size_t(Facet::Owner)].isEmpty());
}

TEST_CASE("Search folds case in ASCII and in other scripts alike", "[core][catalog]")
{
    CHECK(SearchIndex::normalise(QStringLiteral("Payment GATEWAY\nv2")) == QByteArray("payment gateway v2"));
    CHECK(SearchIndex::normalise(QStringLiteral("Größe\nÜBERPRÜFUNG")) == QStringLiteral("größe überprüfung").toUtf8());
    std::vector<Entity> entities;
    for (const auto &[name, description] :
         {std::pair{"zoll-check", "Prüft ZOLLANMELDUNGEN"}, std::pair{"PaymentGateway", "Takes PAYMENTS"},
          std::pair{"plain", "nothing"}}) {
        Entity e;
        e.apiVersion = QStringLiteral("backstage.io/v1alpha1");
        e.kind = QStringLiteral("Component");
        e.name = QString::fromUtf8(name);
        e.description = QString::fromUtf8(description);
        entities.push_back(e);
    }
    const Catalog::Ptr c = Catalog::build(std::move(entities));
    const auto names = [&](const QString &text) {
        CatalogQuery q;
        q.text = text;
        QStringList out;
        for (const int row : c->query(q)) {
            out.append(c->entity(row).name);
        }
        return out;
    };
    CHECK(names(QStringLiteral("prüft")) == QStringList{QStringLiteral("zoll-check")});
    CHECK(names(QStringLiteral("ZollAnmeldungen")) == QStringList{QStringLiteral("zoll-check")});
    CHECK(names(QStringLiteral("paymentgateway payments")) == QStringList{QStringLiteral("PaymentGateway")});
}

TEST_CASE("Search over many entities finds exactly what a plain scan finds", "[core][catalog]")
{
    std::vector<Entity> entities;
    for (int i = 0; i < 30000; ++i) {
        Entity e;
        e.apiVersion = QStringLiteral("backstage.io/v1alpha1");
        e.kind = QStringLiteral("Component");
        e.name = QStringLiteral("svc-%1").arg(i);
        e.description = (i % 997 == 0) ? QStringLiteral("Handles Zebra payments") : QStringLiteral("plain service");
        entities.push_back(e);
    }
    const Catalog::Ptr c = Catalog::build(std::move(entities));
    for (const QString &text : {QStringLiteral("zebra"), QStringLiteral("zebra pay"), QStringLiteral("svc-2999"),
                                QStringLiteral("e"), QStringLiteral("nothing")}) {
        INFO(text.toStdString());
        std::vector<int> expected;
        const QStringList terms = SearchIndex::terms(text);
        for (int i = 0; i < c->size(); ++i) {
            const Entity &e = c->entity(i);
            const QString hay = (e.name + u' ' + e.description + u' ' + e.kind).toLower();
            if (std::all_of(terms.cbegin(), terms.cend(), [&](const QString &t) { return hay.contains(t); })) {
                expected.push_back(i);
            }
        }
        CatalogQuery q;
        q.text = text;
        std::vector<int> rows = c->query(q);
        std::sort(rows.begin(), rows.end());
        CHECK(rows == expected);
    }
}

TEST_CASE("A catalog lists its kinds once each and finds the entities of a kind without walking them all",
          "[core][catalog]")
{
    const Catalog::Ptr c = catalogFrom(R"(apiVersion: backstage.io/v1alpha1
kind: System
metadata: {name: checkout}
spec: {owner: team-a}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: cart}
spec: {type: service, lifecycle: production, owner: team-a, system: checkout}
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: {name: billing}
spec: {owner: team-a}
)");
    REQUIRE(c->size() == 3);
    CHECK(c->facetValueList(Facet::Kind) == QStringList{u"System"_s, u"Component"_s});

    std::vector<QString> systems;
    for (const int i : c->indexesOfKind(u"SYSTEM")) {
        systems.push_back(c->entity(i).name);
    }
    CHECK(systems == std::vector<QString>{u"checkout"_s, u"billing"_s});
    CHECK(c->indexesOfKind(u"Location").empty());

    const QHash<QString, int> kinds = c->countByKind();
    CHECK(kinds.value(u"System"_s) == 2);
    CHECK(kinds.size() == 2);
    CHECK(kinds.value(u"Component"_s) == 1);
    CHECK(Catalog::empty()->indexesOfKind(u"System").empty());
}

TEST_CASE("A query without text or facets gives the same counts as counting every row", "[core][catalog]")
{
    const Catalog::Ptr c = catalogFrom(small);
    const QueryResult all = c->run(CatalogQuery{});
    REQUIRE(all.rows.size() == std::size_t(c->size()));
    for (const Facet f : {Facet::Kind, Facet::Type, Facet::Lifecycle, Facet::Owner, Facet::System, Facet::Domain,
                          Facet::Tag, Facet::Namespace}) {
        INFO(facetName(f).toStdString());
        CHECK(all.facetCounts[std::size_t(f)] == c->facetCounts(f, all.rows));
        CHECK_FALSE(all.facetCounts[std::size_t(f)].isEmpty());
    }
    // A selected facet value still counts the other facets over the matching rows only.
    CatalogQuery components;
    components.facets[std::size_t(Facet::Kind)] = QStringList{u"Component"_s};
    const QueryResult some = c->run(components);
    REQUIRE(some.rows.size() < all.rows.size());
    CHECK(some.facetCounts[std::size_t(Facet::Owner)] == c->facetCounts(Facet::Owner, some.rows));
    CHECK(some.facetCounts[std::size_t(Facet::Kind)] == all.facetCounts[std::size_t(Facet::Kind)]);
    // Descending order of the unfiltered query is the ascending one reversed.
    CatalogQuery descending;
    descending.descending = true;
    std::vector<int> reversed = c->run(descending).rows;
    std::reverse(reversed.begin(), reversed.end());
    CHECK(reversed == all.rows);
}

TEST_CASE("Every entity of a large catalog is found by its key, whatever the case of the reference", "[core][catalog]")
{
    std::vector<Entity> entities;
    for (int i = 0; i < 5000; ++i) {
        Entity e;
        e.apiVersion = u"backstage.io/v1alpha1"_s;
        e.kind = i % 3 == 0 ? u"Component"_s : (i % 3 == 1 ? u"API"_s : u"Group"_s);
        e.ns = i % 7 == 0 ? u"Payments"_s : u"default"_s;
        e.name = u"Entity-%1"_s.arg(i);
        entities.push_back(std::move(e));
    }
    Entity duplicate;
    duplicate.kind = u"component"_s;
    duplicate.ns = u"default"_s;
    duplicate.name = u"entity-3"_s; // the same key as Component:default/Entity-3
    entities.push_back(duplicate);

    const Catalog::Ptr c = Catalog::build(std::move(entities));
    REQUIRE(c->size() == 5000);
    const auto conflicts = std::count_if(c->problems().cbegin(), c->problems().cend(),
                                         [](const Error &e) { return e.code == Error::Code::Conflict; });
    CHECK(conflicts == 1);
    for (int i = 0; i < c->size(); ++i) {
        const Entity &e = c->entity(i);
        REQUIRE(c->indexOf(e.key()) == i);
        REQUIRE(c->find(e.refString().toUpper()) == i);
    }
    CHECK(c->indexOf(u"component:default/entity-5000"_s) == -1);
    CHECK(c->indexOf(u"component:default/entity-1"_s) == -1); // Entity-1 is an API
    CHECK(c->indexOf(u"api:default/entity-1"_s) == 1);
    CHECK(c->indexOf(u"api:payments/entity-7"_s) == 7);
    CHECK(c->indexOf(u"api:default/entity-7"_s) == -1);
    CHECK(c->indexOf(u"api:payments/entity-7x"_s) == -1);
    CHECK(c->indexOf(QString()) == -1);
    CHECK(Catalog::empty()->indexOf(u"component:default/x"_s) == -1);
}
