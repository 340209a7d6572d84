#pragma once

#include "actions/ActionGuards.h"
#include "actions/StepExecutor.h"
#include "config/Workspace.h"

namespace Portolan::Core {

class Catalog;

// Builds what a run needs from a workspace: the same for the GUI and the CLI.
namespace ActionSetup {

// The environment for runs in `workspace` by `user`: its data folder, variables, GitHub API and credential of its
// first github source, and location registration into the user's own sources. Secrets are left for the caller (the
// GUI reads the keychain, the CLI the credentials' environment variables: see secretsFromEnvironment()).
// `catalog` says who may approve (ActionEnvironment::catalog); the approvals repository is actions.approvals, else the
// workspace's own repository, else local:approvals.
[[nodiscard]] ActionEnvironment environment(const Workspace &workspace, const ActionUser &user,
                                            std::shared_ptr<const Catalog> catalog = {});

// Every credential of the workspace whose `env` variable is set, by name.
[[nodiscard]] QHash<QString, QString> secretsFromEnvironment(const Workspace &workspace);

// Adds the location as one of the user's own sources of `workspace` (a git source reading that one file, or a files
// source for a local file), unless one already reads it; saves the sources file. Returns the source id.
[[nodiscard]] Result<QString> registerLocation(const Workspace &workspace, const RegisteredLocation &location);

} // namespace ActionSetup

} // namespace Portolan::Core
