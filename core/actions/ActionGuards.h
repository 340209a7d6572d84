#pragma once

#include "actions/ActionTemplate.h"
#include "actions/StepExecutor.h"
#include "config/Workspace.h"

namespace Portolan::Core {

class Catalog;
struct ScorecardResults;

// Why an action cannot start, and what would let it.
struct ActionBlocker
{
    QString reason; // "Only members of Platform team may run this action"
    QString unblock; // "Ask to join group:default/platform, or ask one of its members to run it"
    bool awaitsEntity = false; // only that no entity is chosen yet: the wizard asks for one, so a list need not say
};

struct GuardCheck
{
    QList<ActionBlocker> blockers;
    bool destructive = false;
    QString confirmText; // what must be typed before a destructive action runs (may hold ${{ }} expressions)

    [[nodiscard]] bool allowed() const { return blockers.isEmpty(); }
};

// Who the user is, for allowed-group checks and `${{ user.entity }}`: the first of these that the catalog knows.
struct IdentityHints
{
    QString configured; // PORTOLAN_USER, or the user's setting: a user entity ref, name or email
    QString email; // git config user.email
    QString login; // the platform login (GitHub) or the OS user name
};

// Guardrails of actions: Portolan's convenience checks before anything is sent. The platform's own permissions stay
// the real gate; their refusals come back from the steps and are shown as such.
namespace ActionGuards {

// The guard of an action with the workspace's policies for it added. A policy only adds checks: its groups are a
// list of their own that the user must also be in one of (policyGroups), its minimum level one more level
// (policyLevels); its required fields are added, and it can make an action destructive.
[[nodiscard]] ActionGuard effective(const ActionTemplate &action, const ActionsConfig &config);

// Checks the guard for `user` on `target` (null for a global action). `scores` gives the target's scorecard levels;
// null when they are not evaluated yet (a minimum level then blocks, saying so).
[[nodiscard]] GuardCheck check(const ActionTemplate &action, const ActionGuard &guard, const ActionUser &user,
                               const Catalog &catalog, const Entity *target, const ScorecardResults *scores);

// The user as the catalog knows them: the User entity matched by the configured ref, name or email, then by git email,
// then by login name; with every group they belong to (memberOf, members, and those groups' parents).
[[nodiscard]] ActionUser identify(const Catalog &catalog, const IdentityHints &hints);

// The hints of this machine: PORTOLAN_USER, `git config user.email`, the OS user name.
[[nodiscard]] IdentityHints localHints();

} // namespace ActionGuards

} // namespace Portolan::Core
