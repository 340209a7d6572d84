#pragma once

#include "catalog/Catalog.h"
#include "config/Workspace.h"
#include "live/LiveTypes.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>

namespace Portolan::Cli {

// Waiting: a run stopped at its approval gate (neither done nor failed).
enum ExitCode { Ok = 0, Failed = 1, Usage = 2, Waiting = 3 };

QTextStream &out();
QTextStream &err();
QString tr(const char *text);
QString shownPath(const QString &path);
QJsonObject problemJson(const Core::Error &e);
QString problemLine(const Core::Error &e);
void printJson(const QJsonValue &value);
// The catalog as the GUI would show it: every source's last good data from the offline cache, with the local
// `files` sources read again now (they are cheap and may have changed). Network sources are only synced by
// `portolan-cli sync`.
Core::Catalog::Ptr loadWorkspace(const QString &dir, Core::ErrorList *problemsOut = nullptr,
                                 Core::LiveSnapshot::Ptr *liveOut = nullptr, Core::Workspace *workspaceOut = nullptr);
QString chooseWorkspace(const QCommandLineParser &parser);

} // namespace Portolan::Cli
