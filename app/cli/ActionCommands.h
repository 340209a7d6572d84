#pragma once

#include "actions/ActionRun.h"
#include "config/Workspace.h"

#include <QCommandLineParser>
#include <QHash>
#include <QStringList>

namespace Portolan::Cli {

// `action list`, `action show ID`, `action run ID --param k=v ... [--dry-run]`, `run list`, `run show ID`.
int runActionCommand(const QCommandLineParser &parser, const QStringList &args);
int runRunCommand(const QCommandLineParser &parser, const QStringList &args);
void addActionOptions(QCommandLineParser &parser);

// Shared with the automation commands.
// The secrets of the workspace's credentials: from their environment variables, else from the keychain.
QHash<QString, QString> readSecrets(const Core::Workspace &workspace);
// Reads the sources a run's catalog:register steps added into the cache at once.
void readRegisteredSources(const QCommandLineParser &parser, const Core::ActionRun &run);
// A run as text: its steps, links and texts (with each step's log when `withLogs`).
void printRun(const Core::ActionRun &run, bool withLogs);

} // namespace Portolan::Cli
