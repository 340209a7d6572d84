// The unleash source and the unleash:toggle step against a real Unleash (npm unleash-server 7.5.1 on PostgreSQL 15,
// started by UnleashServer through tests/tools/servers/unleash.sh): flags are created, toggled from Portolan and read
// back.
#include "actions/StepExecutor.h"
#include "sources/unleash/UnleashSource.h"
#include "support/GitDaemon.h"
#include "support/TestSupport.h"
#include "support/UnleashServer.h"
#include "util/Clock.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Portolan::Test;
using namespace Qt::StringLiterals;

namespace {

Entity component(const QString &name)
{
    Entity e;
    e.kind = u"Component"_s;
    e.name = name;
    return e;
}

const FeatureFlagInfo *flagOf(const SourceResult &result, const QString &key, const QString &name)
{
    const auto it = result.ops.constFind(key);
    if (it == result.ops.cend()) {
        return nullptr;
    }
    for (const FeatureFlagInfo &f : it->flags) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

bool enabledIn(const FeatureFlagInfo &flag, const QString &environment)
{
    for (const FlagEnvironment &e : flag.environments) {
        if (e.name == environment) {
            return e.enabled;
        }
    }
    return false;
}

} // namespace

TEST_CASE("The flags a recorded Unleash answer lists, mapped to their components", "[core][unleash]")
{
    QFile f(dataPath(u"unleash/admin-project-features.json"_s));
    REQUIRE(f.open(QIODevice::ReadOnly));
    Unleash::MapOptions options;
    options.sourceId = u"flags"_s;
    options.baseUrl = u"http://127.0.0.1:4242"_s;
    options.componentTag = u"simple"_s; // the recording tagged flags with teams: no component is named so
    options.now = QDateTime(QDate(2027, 3, 1), QTime(12, 0), Qt::UTC); // the flags were made on 2026-11-29
    const Catalog::Ptr catalog = Catalog::build({component(u"booking-api"_s), component(u"parcel-tracking"_s)});
    QStringList unmatched;
    const auto mapped =
        Unleash::mapProjectFeatures(f.readAll(), u"default"_s, u"recorded"_s, options, catalog, &unmatched);
    REQUIRE(mapped.ok());
    const QList<FeatureFlagInfo> booking = mapped->value(u"component:default/booking-api"_s);
    REQUIRE(booking.size() == 1);
    CHECK(booking.at(0).name == u"booking-api.new-pricing"_s);
    CHECK(booking.at(0).url == u"http://127.0.0.1:4242/projects/default/features/booking-api.new-pricing"_s);
    REQUIRE(booking.at(0).environments.size() == 2);
    CHECK(booking.at(0).environments.at(0).enabled);
    CHECK_FALSE(booking.at(0).environments.at(1).enabled);
    // A release flag older than 40 days is stale, as Unleash counts it.
    CHECK(booking.at(0).stale);
    CHECK(booking.at(0).staleReason.contains(u"40"_s));
    // The invoicing flag names no component in this catalog.
    CHECK(unmatched == QStringList{u"invoicing.legacy-pdf-export"_s});

    const auto broken =
        Unleash::mapProjectFeatures("{\"version\": 2}", u"default"_s, u"broken answer"_s, options, catalog, &unmatched);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().file == u"broken answer"_s);
    CHECK(broken.error().field == u"features"_s);
}

TEST_CASE("Feature flags from a real Unleash, toggled from Portolan and read back", "[core][unleash][integration]")
{
    UnleashServer server;
    if (!server.start()) {
        FAIL("Unleash did not start: " << server.error().toStdString());
    }
    REQUIRE(server.createFlag(u"default"_s, u"booking-api.new-pricing"_s, u"release"_s, u"New pricing engine"_s));
    REQUIRE(server.createFlag(u"default"_s, u"live-map"_s, u"experiment"_s, u"Live map of parcels"_s));
    REQUIRE(server.tag(u"live-map"_s, u"simple"_s, u"parcel-tracking"_s));
    REQUIRE(server.createFlag(u"default"_s, u"invoicing.legacy-pdf-export"_s, u"kill-switch"_s));
    REQUIRE(server.enable(u"default"_s, u"booking-api.new-pricing"_s, u"development"_s));
    REQUIRE(server.markStale(u"default"_s, u"live-map"_s));

    const Catalog::Ptr catalog = Catalog::build({component(u"booking-api"_s), component(u"parcel-tracking"_s)});
    const QString booking = u"component:default/booking-api"_s;
    const QString parcels = u"component:default/parcel-tracking"_s;
    QNetworkAccessManager network;
    SyncContext context;
    context.network = &network;
    context.catalog = catalog;
    context.secret = server.adminToken();
    SourceConfig config;
    config.id = u"flags"_s;
    config.type = u"unleash"_s;
    config.url = server.url();
    config.options = {{u"componentTag"_s, u"simple"_s}};
    UnleashSource source(config);

    auto result = syncOnce(source, context);
    INFO((result.ok() ? QString() : result.error().toString()).toStdString());
    REQUIRE(result.ok());
    const FeatureFlagInfo *pricing = flagOf(result.value(), booking, u"booking-api.new-pricing"_s);
    REQUIRE(pricing);
    CHECK(pricing->type == u"release"_s);
    CHECK(pricing->project == u"default"_s);
    CHECK(enabledIn(*pricing, u"development"_s));
    CHECK_FALSE(enabledIn(*pricing, u"production"_s));
    CHECK_FALSE(pricing->stale);
    const FeatureFlagInfo *map = flagOf(result.value(), parcels, u"live-map"_s); // by its tag
    REQUIRE(map);
    CHECK(map->stale);
    CHECK(map->staleReason == u"Marked stale in Unleash"_s);
    REQUIRE(result->problems.size() == 1);
    CHECK(result->problems.at(0).severity == Error::Severity::Info);
    CHECK(result->problems.at(0).message.contains(u"invoicing.legacy-pdf-export"_s));

    // Switched on in production from Portolan: the unleash:toggle step, then read back from the server and the source.
    StepExecutorRegistry registry;
    StepExecutor *toggle = registry.find(u"unleash:toggle"_s);
    REQUIRE(toggle);
    ActionEnvironment environment;
    environment.secrets.insert(u"unleash"_s, server.adminToken());
    const QJsonObject input{{"url"_L1, server.url()},
                            {"credential"_L1, "unleash"_L1},
                            {"flag"_L1, "booking-api.new-pricing"_L1},
                            {"environment"_L1, "production"_L1},
                            {"enabled"_L1, true}};
    CHECK(toggle->check(input, environment).isEmpty());
    const StepPreview preview = toggle->preview(input, environment);
    CHECK(preview.target.endsWith(u"/features/booking-api.new-pricing/environments/production/on"_s));
    CHECK_FALSE(preview.body.contains(server.adminToken()));
    std::atomic_bool cancel = false;
    QStringList log;
    StepContext step;
    step.runKey = u"run-1"_s;
    step.stepId = u"toggle"_s;
    step.input = input;
    step.environment = &environment;
    step.cancel = &cancel;
    step.log = [&log](const QString &line) { log.append(line); };
    step.saveState = [](const QJsonObject &) {};
    const auto ran = toggle->run(step);
    INFO((ran.ok() ? QString() : ran.error().toString()).toStdString());
    REQUIRE(ran.ok());
    CHECK(ran->output.value("enabled"_L1).toBool());
    REQUIRE(ran->links.size() == 1);
    CHECK(ran->links.at(0).url == server.url() + u"/projects/default/features/booking-api.new-pricing"_s);
    CHECK_FALSE(log.join(u'\n').contains(server.adminToken()));

    const QJsonObject stored = server.getFlag(u"default"_s, u"booking-api.new-pricing"_s);
    bool productionOn = false;
    for (const QJsonValue &e : stored.value("environments"_L1).toArray()) {
        if (e.toObject().value("name"_L1).toString() == u"production"_s) {
            productionOn = e.toObject().value("enabled"_L1).toBool();
        }
    }
    CHECK(productionOn);
    result = syncOnce(source, context);
    REQUIRE(result.ok());
    pricing = flagOf(result.value(), booking, u"booking-api.new-pricing"_s);
    REQUIRE(pricing);
    CHECK(enabledIn(*pricing, u"production"_s));

    // A flag that does not exist: the step fails with Unleash's reason.
    QJsonObject missing = input;
    missing.insert("flag"_L1, u"no-such-flag"_s);
    step.input = missing;
    const auto refused = toggle->run(step);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().httpStatus == 404);
    CHECK(refused.error().message.contains(u"no-such-flag"_s));

    // A wrong token: the sync fails as an authorization problem (the last good flags stay).
    context.secret = u"*:*.not-the-token"_s;
    const auto denied = syncOnce(source, context);
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.error().code == Error::Code::Auth);
}
