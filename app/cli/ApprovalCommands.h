#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace Portolan::Cli {

// `approvals list [--all]`, `approvals approve KEY [--comment TEXT]`, `approvals reject KEY --comment TEXT`: the
// approval requests of the workspace's approvals repository, as the app's Inbox shows them, decided from a shell.
int runApprovalCommand(const QCommandLineParser &parser, const QStringList &args);

} // namespace Portolan::Cli
