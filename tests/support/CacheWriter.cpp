// Child process for the crash-safety test: writes one big snapshot of source "workspace" into the cache at
// argv[1] with argv[2] entities (marker argv[3] in each description), printing "writing" first. The test
// kills it with SIGKILL while the transaction is open.
#include "cache/CacheDatabase.h"
#include "cache/CatalogStore.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

using namespace Portolan::Core;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 4) {
        std::fprintf(stderr, "usage: portolan_cache_writer CACHE COUNT MARKER\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int count = QByteArray(argv[2]).toInt();
    const QString marker = QString::fromLocal8Bit(argv[3]);

    CacheDatabase db;
    if (const auto opened = db.open(path); !opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::vector<Entity> entities;
    entities.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        Entity e;
        e.apiVersion = QStringLiteral("backstage.io/v1alpha1");
        e.kind = QStringLiteral("Component");
        e.name = QStringLiteral("svc-%1").arg(i);
        e.description = marker + QStringLiteral(" ") + QString(200, QLatin1Char('x'));
        e.spec.insert(QStringLiteral("type"), QStringLiteral("service"));
        e.spec.insert(QStringLiteral("owner"), QStringLiteral("team-a"));
        e.spec.insert(QStringLiteral("lifecycle"), QStringLiteral("production"));
        e.raw = QByteArray(400, 'y');
        entities.push_back(e);
    }
    SourceState state;
    state.id = QStringLiteral("workspace");
    state.kind = QStringLiteral("files");
    state.status = QStringLiteral("ok");
    state.lastSync = QDateTime::currentDateTimeUtc();
    std::printf("writing\n");
    std::fflush(stdout);
    const auto written = CatalogStore(db).replaceSnapshot(state, entities, {});
    std::printf(written.ok() ? "done\n" : "failed\n");
    return written.ok() ? 0 : 1;
}
