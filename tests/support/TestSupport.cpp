#include "TestSupport.h"

#include "catalog/DescriptorLoader.h"
#include "config/Workspace.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <mutex>
#include <optional>

using namespace Qt::StringLiterals;

namespace Portolan::Test {

Core::Catalog::Ptr demoCatalog()
{
    static Core::Catalog::Ptr catalog;
    static std::once_flag once;
    std::call_once(once, [] {
        const auto workspace = Core::Workspace::open(Core::Workspace::demoPath());
        Core::LoadResult loaded = Core::DescriptorLoader::load(workspace->roots());
        catalog = Core::Catalog::build(std::move(loaded.entities), workspace->problems + loaded.problems);
    });
    return catalog;
}

QString corpusPath(const QString &relative)
{
    return QDir::cleanPath(QStringLiteral(PORTOLAN_CORPUS_DIR) + QLatin1Char('/') + relative);
}

QString dataPath(const QString &relative)
{
    return QDir::cleanPath(QStringLiteral(PORTOLAN_TEST_DATA_DIR) + QLatin1Char('/') + relative);
}

QString writeFile(const QTemporaryDir &dir, const QString &relative, const QByteArray &content)
{
    const QString path = dir.filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(content);
    }
    return path;
}

QString describe(const Core::ErrorList &problems)
{
    QString out;
    for (const Core::Error &e : problems) {
        out += e.toString() + QLatin1Char('\n');
    }
    return out;
}

int countErrors(const Core::ErrorList &problems)
{
    return int(std::count_if(problems.cbegin(), problems.cend(), [](const Core::Error &e) { return e.isError(); }));
}

Core::Catalog::Ptr webOfServices()
{
    const auto entity = [](const QString &kind, const QString &name, const QCborMap &spec) {
        return Core::Entity::fromEnvelope(QCborMap{{u"apiVersion"_s, u"backstage.io/v1alpha1"_s},
                                                   {u"kind"_s, kind},
                                                   {u"metadata"_s, QCborMap{{u"name"_s, name}}},
                                                   {u"spec"_s, spec}});
    };
    std::vector<Core::Entity> entities;
    for (int s = 0; s < 40; ++s) {
        entities.push_back(entity(u"System"_s, u"system-%1"_s.arg(s), QCborMap{{u"owner"_s, u"team-a"_s}}));
    }
    for (int i = 0; i < 1960; ++i) {
        QCborArray deps;
        for (int step : {1, 7, 31}) {
            if (i + step < 1960) {
                deps.append(u"component:service-%1"_s.arg(i + step));
            }
        }
        entities.push_back(entity(u"Component"_s, u"service-%1"_s.arg(i),
                                  QCborMap{{u"type"_s, u"service"_s},
                                           {u"lifecycle"_s, u"production"_s},
                                           {u"owner"_s, u"team-%1"_s.arg(i % 12)},
                                           {u"system"_s, u"system-%1"_s.arg(i % 40)},
                                           {u"dependsOn"_s, deps}}));
    }
    return Core::Catalog::build(std::move(entities));
}

Core::Result<Core::SourceResult> syncOnce(Core::Source &source, const Core::SyncContext &context, int timeoutMs)
{
    std::optional<Core::Result<Core::SourceResult>> result;
    QObject::connect(
        &source, &Core::Source::finished, &source, [&result](const Core::Result<Core::SourceResult> &r) { result = r; },
        Qt::SingleShotConnection);
    source.sync(context);
    // Not GitDaemon's waitUntil: this file is also linked into the benchmarks, which have no Catch.
    QDeadlineTimer deadline(timeoutMs);
    while (!result.has_value() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    if (!result.has_value()) {
        return Core::makeError(Core::Error::Code::Timeout,
                               QStringLiteral("The source did not finish its sync within %1 ms").arg(timeoutMs));
    }
    return *result;
}

} // namespace Portolan::Test
