// Shared by portolan-cli's commands: output streams, problems in the form editors read, and the workspace's catalog.
#include "CliSupport.h"

#include "config/Paths.h"
#include "sync/SyncService.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("portolan-cli", text);
}

QString shownPath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u':')) {
        return path;
    }
    return QDir::current().relativeFilePath(path);
}

QJsonObject problemJson(const Error &e)
{
    QJsonObject o;
    o.insert(u"severity"_s, Error::severityName(e.severity));
    o.insert(u"code"_s, Error::codeName(e.code));
    o.insert(u"message"_s, e.message);
    o.insert(u"file"_s, shownPath(e.file));
    o.insert(u"line"_s, e.line);
    o.insert(u"column"_s, e.column);
    if (!e.field.isEmpty()) {
        o.insert(u"field"_s, e.field);
    }
    if (!e.entityRef.isEmpty()) {
        o.insert(u"entity"_s, e.entityRef);
    }
    return o;
}

QString problemLine(const Error &e)
{
    Error shown = e;
    shown.file = shownPath(e.file);
    return shown.toString();
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    out().flush();
}

Catalog::Ptr loadWorkspace(const QString &dir, ErrorList *problemsOut, LiveSnapshot::Ptr *liveOut,
                           Workspace *workspaceOut)
{
    auto ws = Workspace::open(dir);
    if (!ws.ok()) {
        err() << problemLine(ws.error()) << Qt::endl;
        return nullptr;
    }
    SyncOptions options;
    options.cachePath = Paths::cacheFileFor(ws->cacheKey());
    options.schedule = false;
    options.watchFiles = false;
    SyncService service(*ws, options);
    Catalog::Ptr catalog;
    QObject::connect(&service, &SyncService::catalogReady, &service,
                     [&catalog](const Catalog::Ptr &c, const QList<SourceState> &, bool) { catalog = c; });
    QObject::connect(&service, &SyncService::failed, &service,
                     [](const Error &e) { err() << problemLine(e) << Qt::endl; });
    if (liveOut) {
        QObject::connect(&service, &SyncService::liveChanged, &service,
                         [liveOut](const LiveSnapshot::Ptr &live) { *liveOut = live; });
    }
    if (workspaceOut) {
        *workspaceOut = *ws;
    }
    service.init(false);
    QEventLoop loop;
    int running = 0;
    QObject::connect(&service, &SyncService::sourceFinished, &loop,
                     [&running, &loop](const QString &, bool, const Error &) {
                         if (--running == 0) {
                             loop.quit();
                         }
                     });
    for (const SourceConfig &source : std::as_const(ws->sources)) {
        if (source.type == u"files"_s && source.enabled) {
            ++running;
            service.refreshSource(source.id);
        }
    }
    if (running > 0) {
        loop.exec();
    }
    if (!catalog) {
        catalog = Catalog::build({}, ws->problems);
    }
    if (problemsOut) {
        *problemsOut = catalog->problems();
    }
    return catalog;
}

QString chooseWorkspace(const QCommandLineParser &parser)
{
    if (parser.isSet(u"workspace"_s)) {
        return parser.value(u"workspace"_s);
    }
    const QString env = qEnvironmentVariable("PORTOLAN_WORKSPACE");
    if (!env.isEmpty()) {
        return env;
    }
    if (QFileInfo::exists(u"portolan.yaml"_s)) {
        return QDir::currentPath();
    }
    return Workspace::demoPath();
}

} // namespace Portolan::Cli
