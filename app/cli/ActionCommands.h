#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace Portolan::Cli {

// `action list`, `action show ID`, `action run ID --param k=v ... [--dry-run]`, `run list`, `run show ID`.
int runActionCommand(const QCommandLineParser &parser, const QStringList &args);
int runRunCommand(const QCommandLineParser &parser, const QStringList &args);
void addActionOptions(QCommandLineParser &parser);

} // namespace Portolan::Cli
