#include "model/EntityRef.h"
#include "model/Relation.h"

#include <catch2/catch.hpp>

using namespace Portolan::Core;

TEST_CASE("Entity refs follow Backstage's parsing and defaulting rules", "[core][model]")
{
    SECTION("full form")
    {
        const auto ref = EntityRef::parse(u"component:ops/payment-service");
        REQUIRE(ref.ok());
        CHECK(ref->kind == QStringLiteral("component"));
        CHECK(ref->ns == QStringLiteral("ops"));
        CHECK(ref->name == QStringLiteral("payment-service"));
    }
    SECTION("kind and namespace default from the context")
    {
        const auto ref = EntityRef::parse(u"team-a", u"Group", u"acme");
        REQUIRE(ref.ok());
        CHECK(ref->toString() == QStringLiteral("group:acme/team-a"));
    }
    SECTION("namespace defaults to default")
    {
        const auto ref = EntityRef::parse(u"user:guest");
        REQUIRE(ref.ok());
        CHECK(ref->toString() == QStringLiteral("user:default/guest"));
    }
    SECTION("a colon after the slash belongs to the name")
    {
        const auto ref = EntityRef::parse(u"ns/name:with-colon", u"Component");
        REQUIRE(ref.ok());
        CHECK(ref->kind == QStringLiteral("Component"));
        CHECK(ref->ns == QStringLiteral("ns"));
        CHECK(ref->name == QStringLiteral("name:with-colon"));
    }
    SECTION("a missing kind without a default is an error")
    {
        const auto ref = EntityRef::parse(u"payment-service");
        REQUIRE_FALSE(ref.ok());
        CHECK(ref.error().message.contains(QStringLiteral("no kind")));
    }
    SECTION("empty parts are errors")
    {
        CHECK_FALSE(EntityRef::parse(u":name").ok());
        CHECK_FALSE(EntityRef::parse(u"component:/name").ok());
        CHECK_FALSE(EntityRef::parse(u"component:ns/").ok());
        CHECK_FALSE(EntityRef::parse(u"").ok());
    }
    SECTION("keys compare case-insensitively; toString keeps the name's case")
    {
        const auto a = EntityRef::parse(u"Component:Default/MyService");
        const auto b = EntityRef::parse(u"component:default/myservice");
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        CHECK(a->key() == b->key());
        CHECK(a.value() == b.value());
        CHECK(a->toString() == QStringLiteral("component:default/MyService"));
    }
    SECTION("short form drops what the context implies")
    {
        const EntityRef ref{QStringLiteral("Group"), QStringLiteral("default"), QStringLiteral("team-a")};
        CHECK(ref.toShortString(u"group") == QStringLiteral("team-a"));
        CHECK(ref.toShortString(u"component") == QStringLiteral("group:team-a"));
        const EntityRef other{QStringLiteral("Group"), QStringLiteral("ops"), QStringLiteral("sre")};
        CHECK(other.toShortString(u"group") == QStringLiteral("ops/sre"));
    }
}

TEST_CASE("Every relation type has an inverse and a wire name", "[core][model]")
{
    for (RelationType t : allRelationTypes()) {
        CHECK(inverse(inverse(t)) == t);
        CHECK(inverse(t) != t);
        const auto back = relationFromName(relationName(t));
        REQUIRE(back.has_value());
        CHECK(*back == t);
        CHECK_FALSE(relationLabel(t).isEmpty());
    }
    CHECK(relationName(RelationType::OwnedBy) == QStringLiteral("ownedBy"));
    CHECK(inverse(RelationType::ProvidesApi) == RelationType::ApiProvidedBy);
    CHECK(inverse(RelationType::HasMember) == RelationType::MemberOf);
}

TEST_CASE("refKey agrees with parse().key()", "[core][model]")
{
    for (const QString &text :
         {QStringLiteral("team-a"), QStringLiteral("Group:Ops/SRE"), QStringLiteral("ns/Name"),
          QStringLiteral("user:guest"), QStringLiteral("ns/name:with-colon"), QStringLiteral("Ünïcode")}) {
        const auto parsed = EntityRef::parse(text, u"Group", u"acme");
        REQUIRE(parsed.ok());
        CHECK(refKey(text, u"Group", u"acme") == parsed->key());
    }
    CHECK(refKey(u"component:", u"Group", u"acme").isNull());
    CHECK(refKey(u"x", u"", u"acme").isNull());
}
