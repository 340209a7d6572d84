#include "ActionGuards.h"

#include "catalog/Catalog.h"
#include "scorecards/ScorecardEngine.h"
#include "sources/git/GitRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <optional>

using namespace Qt::StringLiterals;

namespace Portolan::Core::ActionGuards {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::ActionGuards)
};

bool matches(const QString &pattern, const ActionTemplate &action)
{
    const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern),
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(action.ref.name).hasMatch() || re.match(action.id).hasMatch();
}

QString groupRef(const QString &written)
{
    const auto ref = EntityRef::parse(written, u"group"_s);
    return (ref.ok() ? ref->toString() : u"group:default/"_s + written).toLower();
}

// A dotted path in an entity's envelope ("spec.owner", "metadata.annotations.github.com/project-slug" is looked up
// as one key once the path reaches annotations).
bool hasField(const Entity &entity, const QString &path)
{
    const QJsonValue current = envelopeField(entity.toJson(), path);
    if (current.isString()) {
        return !current.toString().trimmed().isEmpty();
    }
    if (current.isArray()) {
        return !current.toArray().isEmpty();
    }
    if (current.isObject()) {
        return !current.toObject().isEmpty();
    }
    return !current.isUndefined() && !current.isNull();
}

QString groupTitle(const Catalog &catalog, const QString &ref)
{
    const int index = catalog.find(ref);
    return index < 0 ? ref : catalog.entity(index).displayName();
}

} // namespace

ActionGuard effective(const ActionTemplate &action, const ActionsConfig &config)
{
    ActionGuard guard = action.guard;
    for (const ActionPolicyConfig &policy : config.policies) {
        bool applies = false;
        for (const QString &pattern : policy.templates) {
            applies = applies || matches(pattern, action);
        }
        if (!applies) {
            continue;
        }
        QStringList groups;
        for (const QString &g : policy.allowedGroups) {
            if (!groups.contains(groupRef(g))) {
                groups.append(groupRef(g));
            }
        }
        if (!groups.isEmpty() && !guard.groupSets().contains(groups)) {
            guard.policyGroups.append(groups);
        }
        for (const QString &f : policy.requiredFields) {
            if (!guard.requiredFields.contains(f)) {
                guard.requiredFields.append(f);
            }
        }
        guard.destructive = guard.destructive || policy.destructive;
        if (!policy.minimumLevel.isEmpty()) {
            guard.policyLevels.append(
                {policy.minimumLevel.section(u':', 0, 0).trimmed(), policy.minimumLevel.section(u':', 1).trimmed()});
        }
    }
    return guard;
}

GuardCheck check(const ActionTemplate &action, const ActionGuard &guard, const ActionUser &user, const Catalog &catalog,
                 const Entity *target, const ScorecardResults *scores)
{
    GuardCheck result;
    result.destructive = guard.destructive;
    result.confirmText = guard.confirmText;
    if (guard.destructive && result.confirmText.isEmpty()) {
        result.confirmText = target ? target->name : action.ref.name;
    }
    if (!action.runnable()) {
        for (const Error &e : action.problems) {
            if (e.isError()) {
                result.blockers.append({e.message, Tr::tr("The template's owner (%1) can fix it in %2")
                                                       .arg(action.owner.isEmpty() ? Tr::tr("unknown") : action.owner,
                                                            e.line > 0 ? u"%1:%2"_s.arg(e.file).arg(e.line) : e.file)});
            }
        }
    }
    QSet<QString> mine;
    for (const QString &g : user.groups) {
        mine.insert(g.toLower());
    }
    for (const QStringList &allowed : guard.groupSets()) {
        bool member = false;
        QStringList names;
        for (const QString &g : allowed) {
            member = member || mine.contains(groupRef(g));
            names.append(groupTitle(catalog, groupRef(g)));
        }
        if (!member) {
            const QString who = user.entityRef.isEmpty() ? user.login : user.entityRef;
            result.blockers.append(
                {Tr::tr("Only members of %1 may run this action; %2 is not one").arg(names.join(u", "_s), who),
                 user.entityRef.isEmpty()
                     ? Tr::tr("The catalog has no user for %1: set PORTOLAN_USER (or your git email) to your user "
                              "entity, or ask a member of %2 to run it")
                           .arg(user.login, names.join(u", "_s))
                     : Tr::tr("Ask to join %1, or ask one of its members to run it").arg(names.join(u", "_s))});
        }
    }
    if (target) {
        for (const QString &field : guard.requiredFields) {
            if (!hasField(*target, field)) {
                result.blockers.append({Tr::tr("%1 has no %2").arg(target->refString(), field),
                                        Tr::tr("Add %1 to its descriptor (%2)").arg(field, target->origin.file)});
            }
        }
        for (const ActionGuard::Level &minimum : guard.levels()) {
            int cardIndex = -1;
            if (scores) {
                for (qsizetype i = 0; i < scores->cards.size(); ++i) {
                    if (scores->cards.at(i).id == minimum.scorecard) {
                        cardIndex = int(i);
                    }
                }
            }
            if (!scores || cardIndex < 0) {
                result.blockers.append(
                    {Tr::tr("This action needs %1 at level %2 or above on the scorecard %3, which is not evaluated yet")
                         .arg(target->refString(), minimum.level, minimum.scorecard),
                     Tr::tr("Wait for the scorecards to be evaluated, or check that the workspace has the scorecard %1")
                         .arg(minimum.scorecard)});
            } else {
                const Scorecard &card = scores->cards.at(cardIndex);
                int wanted = -1;
                for (qsizetype i = 0; i < card.levels.size(); ++i) {
                    if (card.levels.at(i).name.compare(minimum.level, Qt::CaseInsensitive) == 0) {
                        wanted = int(i);
                    }
                }
                const int entityIndex = scores->catalog ? scores->catalog->indexOf(target->key()) : -1;
                const EntityScore *score = entityIndex >= 0 ? scores->score(cardIndex, entityIndex) : nullptr;
                const int held = score ? score->level : -1;
                if (wanted < 0) {
                    result.blockers.append({Tr::tr("The scorecard %1 has no level %2").arg(card.title, minimum.level),
                                            Tr::tr("The action's owner can fix its minimum level")});
                } else if (held < wanted) {
                    const QString now = held >= 0 ? card.levels.at(held).name : Tr::tr("no level");
                    result.blockers.append({Tr::tr("%1 is at %2 on %3; this action needs %4 or above")
                                                .arg(target->displayName(), now, card.title, minimum.level),
                                            Tr::tr("Pass the rules of %1 on its Scorecards tab").arg(minimum.level)});
                }
            }
        }
    } else if (action.isEntityScoped() && (!guard.levels().isEmpty() || !guard.requiredFields.isEmpty())) {
        result.blockers.append({Tr::tr("This action checks the entity it runs on, and none was chosen"),
                                Tr::tr("Start it from the entity's page"), true});
    }
    return result;
}

ActionUser identify(const Catalog &catalog, const IdentityHints &hints)
{
    ActionUser user;
    user.login = hints.login;
    user.email = hints.email;
    int found = -1;
    // The users, found through the Kind facet; listed once, only when a hint needs a scan.
    std::optional<std::vector<int>> users;
    const auto eachUser = [&catalog, &users](const std::function<bool(const Entity &)> &test) {
        if (!users) {
            users = catalog.indexesOfKind(u"User");
        }
        for (const int i : *users) {
            if (test(catalog.entity(i))) {
                return i;
            }
        }
        return -1;
    };
    const auto byEmail = [&eachUser](const QString &wanted) {
        return eachUser([&wanted](const Entity &e) {
            return e.spec.string("profile"_L1, "email"_L1).compare(wanted, Qt::CaseInsensitive) == 0;
        });
    };
    // PORTOLAN_USER: a user's reference, name or email.
    if (hints.configured.contains(u'@')) {
        found = byEmail(hints.configured);
    } else if (!hints.configured.isEmpty()) {
        found = catalog.find(hints.configured.contains(u':') ? hints.configured : u"user:"_s + hints.configured);
    }
    if (found < 0 && !hints.email.isEmpty()) {
        found = byEmail(hints.email);
    }
    if (found < 0 && !hints.login.isEmpty()) {
        found = eachUser([&hints](const Entity &e) { return e.name.compare(hints.login, Qt::CaseInsensitive) == 0; });
    }
    if (found < 0) {
        return user;
    }
    const Entity &e = catalog.entity(found);
    user.entityRef = e.refString();
    const QCborMap profile = e.spec.value("profile"_L1).toMap();
    user.displayName = profile.value("displayName"_L1).toString();
    if (user.email.isEmpty()) {
        user.email = profile.value("email"_L1).toString();
    }
    if (user.login.isEmpty()) {
        user.login = e.name;
    }
    user.entity = e.toJson();
    // Groups: memberOf/hasMember relations, then each group's parents.
    QList<int> queue;
    QSet<int> seen;
    for (const CatalogRelation &r : catalog.relations(found)) {
        if (r.type == RelationType::MemberOf && r.target >= 0) {
            queue.append(r.target);
        }
    }
    while (!queue.isEmpty()) {
        const int g = queue.takeFirst();
        if (seen.contains(g)) {
            continue;
        }
        seen.insert(g);
        user.groups.append(catalog.entity(g).refString());
        for (const CatalogRelation &r : catalog.relations(g)) {
            if (r.type == RelationType::ChildOf && r.target >= 0) {
                queue.append(r.target);
            }
        }
    }
    return user;
}

IdentityHints localHints()
{
    IdentityHints hints;
    hints.configured = qEnvironmentVariable("PORTOLAN_USER");
    const auto email = GitRepository::run({u"config"_s, u"--get"_s, u"user.email"_s}, QDir::homePath(), {}, {});
    if (email.ok()) {
        hints.email = email.output.trimmed();
    }
    hints.login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", qEnvironmentVariable("LOGNAME")));
    if (hints.login.isEmpty()) {
        hints.login = QDir::home().dirName();
    }
    return hints;
}

} // namespace Portolan::Core::ActionGuards
