// portolan-cli's TTL commands: the same expiries the app counts down, for scripts and cron jobs.
#include "TtlCommands.h"

#include "CliSupport.h"
#include "ttl/TimeToLive.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Cli {

namespace {

QString remaining(const Expiry &expiry, const QDateTime &now)
{
    const qint64 left = expiry.secondsLeft(now);
    return left > 0 ? tr("in %1").arg(TimeToLive::formatDuration(left))
                    : tr("expired %1 ago").arg(TimeToLive::formatDuration(left));
}

int ttlList(const QCommandLineParser &parser)
{
    ErrorList loadProblems;
    const Catalog::Ptr catalog = loadWorkspace(chooseWorkspace(parser), &loadProblems);
    if (!catalog) {
        return Failed;
    }
    ErrorList problems;
    const QList<Expiry> list = TimeToLive::expiries(*catalog, &problems);
    for (const Error &e : std::as_const(problems)) {
        err() << problemLine(e) << Qt::endl;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const Expiry &e : list) {
            array.append(
                QJsonObject{{u"entity"_s, e.entityRef},
                            {u"title"_s, e.title},
                            {u"owner"_s, e.owner},
                            {u"createdAt"_s, e.createdAt.isValid() ? e.createdAt.toString(Qt::ISODate) : QString()},
                            {u"ttlSeconds"_s, e.ttlSeconds},
                            {u"expiresAt"_s, e.expiresAt.toString(Qt::ISODate)},
                            {u"secondsLeft"_s, e.secondsLeft(now)}});
        }
        printJson(array);
        return Ok;
    }
    if (list.isEmpty()) {
        err() << tr("Nothing in the catalog has a time to live (portolan.dev/ttl or portolan.dev/expires-at)")
              << Qt::endl;
        return Ok;
    }
    qsizetype width = 0;
    for (const Expiry &e : list) {
        width = std::max(width, e.entityRef.size());
    }
    for (const Expiry &e : list) {
        out() << e.entityRef.leftJustified(width + 2) << e.expiresAt.toString(u"yyyy-MM-dd HH:mm"_s) << u"  "_s
              << remaining(e, now).leftJustified(18) << e.owner << '\n';
    }
    return Ok;
}

} // namespace

int runTtlCommand(const QCommandLineParser &parser, const QStringList &args)
{
    if (args.value(1) == u"list"_s && args.size() == 2) {
        return ttlList(parser);
    }
    err() << tr("Unknown command \"%1\"; see --help").arg(args.join(u' ')) << Qt::endl;
    return Usage;
}

} // namespace Portolan::Cli
