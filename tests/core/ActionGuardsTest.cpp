// Guardrails of actions over the demo catalog: who the user is (PORTOLAN_USER as a ref, a name or an email, the git
// email, the login) and their groups, and each check an action can ask for (allowed groups, a minimum scorecard
// level, required fields, an entity to run on), from the template and from the workspace's policies.
#include "actions/ActionGuards.h"
#include "actions/ActionTemplate.h"
#include "catalog/DescriptorLoader.h"
#include "catalog/DescriptorReader.h"
#include "config/Workspace.h"
#include "scorecards/ScorecardEngine.h"

#include "support/TestSupport.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;
using Portolan::Test::demoCatalog;

namespace {

ActionTemplate guardedTemplate(const QByteArray &annotations)
{
    const QByteArray yaml = "apiVersion: scaffolder.backstage.io/v1beta3\n"
                            "kind: Template\n"
                            "metadata:\n"
                            "  name: guarded\n"
                            "  annotations:\n"
                            + annotations
                            + "spec:\n"
                              "  owner: platform-team\n"
                              "  type: service\n"
                              "  parameters:\n"
                              "    - title: Target\n"
                              "      properties:\n"
                              "        target: { type: string, ui:field: EntityPicker }\n"
                              "  steps:\n"
                              "    - { id: log, name: Log, action: debug:log, input: { message: hi } }\n";
    const FileReadResult read = DescriptorReader::readData(yaml, u"guarded.yaml"_s, {});
    INFO(Portolan::Test::describe(read.problems).toStdString());
    REQUIRE(read.problems.isEmpty());
    REQUIRE(read.documents.size() == 1);
    Entity entity = Entity::fromEnvelope(read.documents.first().root);
    entity.origin.file = u"guarded.yaml"_s;
    ActionTemplate action = ActionTemplate::fromEntity(entity, {u"debug:log"_s}, &read.documents.first());
    INFO(Portolan::Test::describe(action.problems).toStdString());
    REQUIRE(action.problems.isEmpty());
    return action;
}

QStringList reasons(const GuardCheck &check)
{
    QStringList out;
    for (const ActionBlocker &b : check.blockers) {
        out << b.reason;
    }
    return out;
}

} // namespace

TEST_CASE("The user is found by PORTOLAN_USER as a ref, a name or an email, then by git email and login",
          "[actions-guards]")
{
    const Catalog &catalog = *demoCatalog();
    const auto who = [&catalog](const QString &configured, const QString &email, const QString &login) {
        return ActionGuards::identify(catalog, IdentityHints{configured, email, login});
    };
    for (const QString &configured : {u"user:default/mei.lin"_s, u"mei.lin"_s, u"Mei.Lin@Northwind.example"_s}) {
        INFO(configured.toStdString());
        const ActionUser user = who(configured, u"someone@else.example"_s, u"root"_s);
        CHECK(user.entityRef == u"user:default/mei.lin"_s);
        CHECK(user.displayName == u"Mei Lin"_s);
        CHECK(user.groups.contains(u"group:default/platform-team"_s));
        CHECK(user.groups.contains(u"group:default/sre-team"_s));
        CHECK(user.entity.value(u"kind"_s).toString() == u"User"_s);
    }
    CHECK(who({}, u"mei.lin@northwind.example"_s, u"root"_s).entityRef == u"user:default/mei.lin"_s);
    CHECK(who({}, {}, u"mei.lin"_s).entityRef == u"user:default/mei.lin"_s);
    // Set but unknown: not someone else by accident; git email and login still count.
    CHECK(who(u"nobody@northwind.example"_s, {}, u"root"_s).entityRef.isEmpty());
    CHECK(who(u"nobody"_s, u"mei.lin@northwind.example"_s, u"root"_s).entityRef == u"user:default/mei.lin"_s);
    const ActionUser stranger = who({}, {}, u"root"_s);
    CHECK(stranger.entityRef.isEmpty());
    CHECK(stranger.groups.isEmpty());
    CHECK(stranger.login == u"root"_s);
}

TEST_CASE("Guards block with a reason and a way out: groups, required fields, minimum level, no entity",
          "[actions-guards]")
{
    const Catalog::Ptr catalog = demoCatalog();
    const ActionUser mei = ActionGuards::identify(*catalog, IdentityHints{u"mei.lin"_s, {}, {}});
    const ActionUser stranger = ActionGuards::identify(*catalog, IdentityHints{{}, {}, u"root"_s});
    REQUIRE_FALSE(mei.entityRef.isEmpty());

    SECTION("allowed groups: members pass, others are told whom to ask")
    {
        const ActionTemplate action = guardedTemplate("    portolan.dev/allowed-groups: sre-team\n");
        const ActionGuard guard = ActionGuards::effective(action, {});
        CHECK(guard.allowedGroups == QStringList{u"group:default/sre-team"_s});
        CHECK(ActionGuards::check(action, guard, mei, *catalog, nullptr, nullptr).allowed());
        const GuardCheck blocked = ActionGuards::check(action, guard, stranger, *catalog, nullptr, nullptr);
        REQUIRE(blocked.blockers.size() == 1);
        CHECK(blocked.blockers.first().unblock.contains(u"sre-team"_s));
        CHECK_FALSE(blocked.blockers.first().awaitsEntity);
    }
    SECTION("required fields name the field and the descriptor to add it to")
    {
        const ActionTemplate action = guardedTemplate(
            "    portolan.dev/required-fields: spec.owner, metadata.annotations.pagerduty.com/service-id\n"
            "    portolan.dev/entity-kinds: Component\n");
        const ActionGuard guard = ActionGuards::effective(action, {});
        // Components of the demo with and without an on-call service (the annotation's key has dots in it).
        int with = -1;
        int without = -1;
        for (int i = 0; i < catalog->size(); ++i) {
            const Entity &e = catalog->entity(i);
            if (e.kind == u"Component"_s) {
                const QJsonObject annotations =
                    e.toJson().value(u"metadata"_s).toObject().value(u"annotations"_s).toObject();
                (annotations.contains(u"pagerduty.com/service-id"_s) ? with : without) = i;
            }
        }
        REQUIRE(with >= 0);
        REQUIRE(without >= 0);
        CHECK(ActionGuards::check(action, guard, mei, *catalog, &catalog->entity(with), nullptr).allowed());
        const GuardCheck blocked =
            ActionGuards::check(action, guard, mei, *catalog, &catalog->entity(without), nullptr);
        REQUIRE(blocked.blockers.size() == 1);
        CHECK(blocked.blockers.first().reason.contains(u"pagerduty.com/service-id"_s));
        CHECK(blocked.blockers.first().unblock.contains(catalog->entity(without).origin.file));
        // Started without an entity, the check waits for one; the wizard asks for it.
        const GuardCheck none = ActionGuards::check(action, guard, mei, *catalog, nullptr, nullptr);
        REQUIRE(none.blockers.size() == 1);
        CHECK(none.blockers.first().awaitsEntity);
    }
    SECTION("minimum level: held or not, on the evaluated scorecard; not evaluated yet blocks")
    {
        const auto workspace = Workspace::open(Workspace::demoPath());
        REQUIRE(workspace.ok());
        const ScorecardSet set = ScorecardSet::read(workspace->scorecardPaths());
        ScorecardEngine engine;
        const ScorecardResults::Ptr scores = engine.update(set, catalog, nullptr, QDateTime::currentDateTimeUtc());
        REQUIRE(scores);
        int card = -1;
        for (qsizetype i = 0; i < scores->cards.size(); ++i) {
            if (scores->cards.at(i).id == u"production-readiness"_s) {
                card = int(i);
            }
        }
        REQUIRE(card >= 0);
        // One service at Silver or above and one below it, as the demo's scorecard finds them.
        int silver = -1;
        int below = -1;
        for (int i = 0; i < catalog->size(); ++i) {
            const EntityScore *score = scores->score(card, i);
            if (!score) {
                continue;
            }
            (score->level >= 1 ? silver : below) = i;
        }
        REQUIRE(silver >= 0);
        REQUIRE(below >= 0);

        const ActionTemplate action =
            guardedTemplate("    portolan.dev/minimum-level: \"production-readiness: Silver\"\n"
                            "    portolan.dev/entity-kinds: Component\n");
        const ActionGuard guard = ActionGuards::effective(action, {});
        CHECK(guard.scorecard == u"production-readiness"_s);
        CHECK(guard.minimumLevel == u"Silver"_s);
        CHECK(ActionGuards::check(action, guard, mei, *catalog, &catalog->entity(silver), scores.get()).allowed());
        const GuardCheck blocked =
            ActionGuards::check(action, guard, mei, *catalog, &catalog->entity(below), scores.get());
        REQUIRE(blocked.blockers.size() == 1);
        CHECK(blocked.blockers.first().reason.contains(u"Silver"_s));
        CHECK(blocked.blockers.first().reason.contains(u"Production readiness"_s));
        const GuardCheck notYet = ActionGuards::check(action, guard, mei, *catalog, &catalog->entity(silver), nullptr);
        REQUIRE(notYet.blockers.size() == 1);
        CHECK(notYet.blockers.first().reason.contains(u"not evaluated yet"_s));
    }
    SECTION("a workspace policy adds checks of its own: it can make an action stricter, never looser")
    {
        const ActionTemplate action = guardedTemplate("    portolan.dev/allowed-groups: sre-team\n"
                                                      "    portolan.dev/entity-kinds: Component\n");
        ActionsConfig config;
        ActionPolicyConfig everything;
        everything.templates = {u"*"_s};
        everything.allowedGroups = {u"platform-team"_s};
        everything.destructive = true;
        everything.minimumLevel = u"production-readiness: Gold"_s;
        ActionPolicyConfig other;
        other.templates = {u"create-*"_s};
        other.allowedGroups = {u"group:default/nobody"_s};
        config.policies = {everything, other};
        const ActionGuard guard = ActionGuards::effective(action, config);
        CHECK(guard.groupSets()
              == QList<QStringList>{{u"group:default/sre-team"_s}, {u"group:default/platform-team"_s}});
        CHECK(guard.levels().size() == 1);
        CHECK(guard.levels().first().level == u"Gold"_s);
        CHECK(guard.destructive);
        // Mei is in both teams.
        const GuardCheck check = ActionGuards::check(action, guard, mei, *catalog, nullptr, nullptr);
        CHECK(check.destructive);
        INFO(reasons(check).join(u"; "_s).toStdString());
        CHECK(check.blockers.size() == 1); // only that the level needs an entity
        CHECK(check.blockers.first().awaitsEntity);
        // A member of the SRE team only: the template lets them, the policy does not.
        const ActionUser liam = ActionGuards::identify(*catalog, IdentityHints{u"liam.oconnor"_s, {}, {}});
        REQUIRE(liam.groups.contains(u"group:default/sre-team"_s));
        REQUIRE_FALSE(liam.groups.contains(u"group:default/platform-team"_s));
        const GuardCheck blocked = ActionGuards::check(action, guard, liam, *catalog, nullptr, nullptr);
        const QStringList why = reasons(blocked);
        INFO(why.join(u"; "_s).toStdString());
        CHECK(std::count_if(why.cbegin(), why.cend(), [](const QString &r) { return r.contains(u"platform-team"_s); })
              == 1);
        CHECK(std::none_of(why.cbegin(), why.cend(), [](const QString &r) { return r.contains(u"sre-team"_s); }));
    }
}
