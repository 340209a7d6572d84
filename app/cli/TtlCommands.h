#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace Portolan::Cli {

// `ttl list`: what has a time to live in the catalog, soonest expiry first.
int runTtlCommand(const QCommandLineParser &parser, const QStringList &args);

} // namespace Portolan::Cli
