#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace Portolan::Cli {

// `automations list`, `automations run [--once]`: the workspace's automations, run headless (from cron, a CI
// schedule, a Kubernetes CronJob) with the same leases as the app, so an event is acted on once.
int runAutomationCommand(const QCommandLineParser &parser, const QStringList &args);
void addAutomationOptions(QCommandLineParser &parser);

} // namespace Portolan::Cli
