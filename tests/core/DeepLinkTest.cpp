#include "config/DeepLink.h"

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;

TEST_CASE("portolan:// links name an entity, an action for an entity, or a run", "[core][deeplink]")
{
    SECTION("an entity by its full ref, its ':' and '/' as written or percent-encoded")
    {
        for (const QString &text : {u"portolan://entity/component:default/shipment-service"_s,
                                    u"portolan://entity/component%3Adefault%2Fshipment-service"_s,
                                    u"PORTOLAN://Entity/component:default/shipment-service/"_s}) {
            INFO(text.toStdString());
            const auto link = DeepLink::parse(text);
            REQUIRE(link.ok());
            CHECK(link->target == DeepLink::Target::Entity);
            CHECK(link->entityRef == u"component:default/shipment-service"_s);
        }
        const auto shortRef = DeepLink::parse(u"portolan://entity/shipment-service"_s);
        REQUIRE(shortRef.ok());
        CHECK(shortRef->entityRef == u"shipment-service"_s);
    }
    SECTION("an action, with and without its entity")
    {
        const auto link = DeepLink::parse(u"portolan://action/create-ephemeral-env?entity=component:default/cart"_s);
        REQUIRE(link.ok());
        CHECK(link->target == DeepLink::Target::Action);
        CHECK(link->actionId == u"create-ephemeral-env"_s);
        CHECK(link->entityRef == u"component:default/cart"_s);
        const auto encoded = DeepLink::parse(u"portolan://action/toggle-flag?entity=component%3Adefault%2Fcart"_s);
        REQUIRE(encoded.ok());
        CHECK(encoded->entityRef == u"component:default/cart"_s);
        const auto bare = DeepLink::parse(u"portolan://action/template:default/create-service"_s);
        REQUIRE(bare.ok());
        CHECK(bare->actionId == u"template:default/create-service"_s);
        CHECK(bare->entityRef.isEmpty());
    }
    SECTION("a run by its number")
    {
        const auto link = DeepLink::parse(u"portolan://run/42"_s);
        REQUIRE(link.ok());
        CHECK(link->target == DeepLink::Target::Run);
        CHECK(link->runId == 42);
    }
    SECTION("each kind of link reads back from its URL")
    {
        DeepLink entity;
        entity.entityRef = u"api:payments/ledger-api"_s;
        DeepLink action;
        action.target = DeepLink::Target::Action;
        action.actionId = u"request-access"_s;
        action.entityRef = u"resource:default/orders-db"_s;
        DeepLink run;
        run.target = DeepLink::Target::Run;
        run.runId = 7;
        for (const DeepLink &link : {entity, action, run}) {
            const QString url = link.toUrl().toString();
            INFO(url.toStdString());
            const auto back = DeepLink::parse(url);
            REQUIRE(back.ok());
            CHECK(back->target == link.target);
            CHECK(back->entityRef == link.entityRef);
            CHECK(back->actionId == link.actionId);
            CHECK(back->runId == link.runId);
        }
        CHECK(action.toUrl().toString() == u"portolan://action/request-access?entity=resource:default/orders-db"_s);
    }
}

TEST_CASE("A link Portolan cannot follow says what is wrong with it", "[core][deeplink]")
{
    const QList<std::pair<QString, QString>> bad = {
        {u"https://example.com/entity/x"_s, u"is not a Portolan link"_s},
        {u"portolan://entity/"_s, u"names no entity"_s},
        {u"portolan://entity/component:"_s, u"names no valid entity"_s},
        {u"portolan://action/"_s, u"names no action"_s},
        {u"portolan://action/a?entity=component:"_s, u"names no valid entity"_s},
        {u"portolan://run/latest"_s, u"a run is a number"_s},
        {u"portolan://run/-3"_s, u"a run is a number"_s},
        {u"portolan://scorecard/gold"_s, u"opens nothing Portolan knows"_s},
    };
    for (const auto &[text, expected] : bad) {
        INFO(text.toStdString());
        const auto link = DeepLink::parse(text);
        REQUIRE_FALSE(link.ok());
        CHECK(link.error().message.contains(expected));
        CHECK(link.error().message.contains(text));
    }
}

TEST_CASE("Links are told apart from folders and workspace URLs", "[core][deeplink]")
{
    CHECK(DeepLink::isDeepLink(u"portolan://entity/x"));
    CHECK(DeepLink::isDeepLink(u"Portolan:entity/x"));
    CHECK_FALSE(DeepLink::isDeepLink(u"portolan"));
    CHECK_FALSE(DeepLink::isDeepLink(u"portolan-workspace"));
    CHECK_FALSE(DeepLink::isDeepLink(u"/home/me/portolan://x"));
    CHECK_FALSE(DeepLink::isDeepLink(u"https://github.com/acme/portolan.git"));
    CHECK_FALSE(DeepLink::isDeepLink(u"file:///home/me/platform"));
}
