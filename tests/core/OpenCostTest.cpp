// The opencost source against a test server that replays OpenCost's documented /allocation/compute answer
// (../shared/corpus/flags-and-monitoring/opencost: the 200 example of its swagger.json).
#include "sources/opencost/OpenCostSource.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QNetworkAccessManager>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Portolan::Test;
using namespace Qt::StringLiterals;

namespace {

Entity component(const QString &name, const QList<KeyValue> &annotations = {})
{
    Entity e;
    e.kind = u"Component"_s;
    e.name = name;
    e.annotations = annotations;
    return e;
}

} // namespace

TEST_CASE("OpenCost allocations become the costs of the entities that run in them", "[core][opencost]")
{
    QFile f(corpusPath(u"flags-and-monitoring/opencost/opencost-swagger__allocation-compute__200-example-0.json"_s));
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray recorded = f.readAll();
    HttpTestServer server;
    REQUIRE(server.listen());
    QString query;
    int status = 200;
    server.setHandler([&](const HttpTestRequest &request) {
        query = request.url.query();
        if (request.url.path() != u"/allocation/compute"_s) {
            return HttpTestResponse::json(404, "{}");
        }
        return status == 200 ? HttpTestResponse::json(200, recorded)
                             : HttpTestResponse::json(status, R"({"code":500,"message":"prometheus unreachable"})");
    });

    // kube-system is a namespace some platform component declares; opencost is a component's name.
    const Catalog::Ptr catalog =
        Catalog::build({component(u"cluster-addons"_s, {{u"backstage.io/kubernetes-namespace"_s, u"kube-system"_s}}),
                        component(u"opencost"_s)});
    QNetworkAccessManager network;
    SyncContext context;
    context.network = &network;
    context.catalog = catalog;
    SourceConfig config;
    config.id = u"cost"_s;
    config.type = u"opencost"_s;
    config.url = server.url(u"/"_s).toString();
    config.options = {{u"window"_s, u"2d"_s}};
    OpenCostSource source(config);
    const auto result = syncOnce(source, context);
    REQUIRE(result.ok());
    CHECK(query == u"window=2d&aggregate=namespace&accumulate=true"_s);

    const EntityOps addons = result->ops.value(u"component:default/cluster-addons"_s);
    REQUIRE(addons.costs.size() == 1);
    CHECK(addons.costs.at(0).allocation == u"kube-system"_s);
    CHECK(addons.costs.at(0).total == Approx(0.425469));
    CHECK(addons.costs.at(0).cpu == Approx(0.408822));
    CHECK(addons.costs.at(0).ram == Approx(0.016647));
    CHECK(addons.costs.at(0).efficiency == Approx(0.053569));
    CHECK(addons.costs.at(0).start == QDateTime(QDate(2023, 1, 18), QTime(11, 38, 45), Qt::UTC));
    CHECK(result->ops.value(u"component:default/opencost"_s).costs.at(0).total == Approx(0.030644));
    // prometheus runs in a namespace no entity claims.
    REQUIRE(result->problems.size() == 1);
    CHECK(result->problems.at(0).severity == Error::Severity::Info);
    CHECK(result->problems.at(0).message.contains(u"prometheus"_s));

    // A failing server fails the sync (the last good costs stay).
    status = 500;
    const auto failed = syncOnce(source, context);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().httpStatus == 500);

    // Not an allocation set: said so, with the field.
    QStringList unmatched;
    const auto notAllocations = OpenCost::mapAllocations("{\"code\": 200}", u"answer"_s, u"7d"_s, u"namespace"_s,
                                                         catalog, u"cost"_s, &unmatched);
    REQUIRE_FALSE(notAllocations.ok());
    CHECK(notAllocations.error().field == u"data"_s);
}
