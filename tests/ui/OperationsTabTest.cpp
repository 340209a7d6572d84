// The entity page's Operations tab over data the sources map: Terraform resources from a corpus state, alerts, a
// range query and a silence recorded from a real Prometheus and Alertmanager, flags recorded from a real Unleash.
#include "pages/OperationsTab.h"
#include "pages/EntityPage.h"
#include "sources/monitoring/MonitoringMapper.h"
#include "sources/terraform/TerraformMapper.h"
#include "sources/unleash/UnleashSource.h"
#include "support/TestSupport.h"
#include "ui/UiTestSupport.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeWidget>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Portolan::Ui;
using namespace Portolan::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QStringList columnTexts(const QTreeWidget *view, int column)
{
    QStringList out;
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        out.append(view->topLevelItem(i)->text(column));
    }
    return out;
}

} // namespace

TEST_CASE("The Operations tab shows an entity's resources, flags, alerts and metrics together", "[ui][live][gui]")
{
    // booking-api and the three IAM roles of a driftctl state, linked to it by their `foo` tag (bar0..bar2): here the
    // component is called bar0.
    Entity bar0;
    bar0.apiVersion = u"backstage.io/v1alpha1"_s;
    bar0.kind = u"Component"_s;
    bar0.name = u"bar0"_s;
    bar0.spec = QCborMap{{u"type"_s, u"service"_s}, {u"owner"_s, u"team-a"_s}, {u"lifecycle"_s, u"production"_s}};
    Entity plain = bar0;
    plain.name = u"plain"_s;
    Entity booking = bar0;
    booking.name = u"booking-api"_s;
    Terraform::WorkspaceState ws;
    ws.name = u"iam"_s;
    ws.location = corpusPath(u"terraform/states/driftctl__aws_iam_role_multiple.tfstate"_s);
    auto state = Terraform::parse(readFile(ws.location), ws.location);
    REQUIRE(state.ok());
    ws.state = state.value();
    Terraform::MapOptions options;
    options.linkTag = u"foo"_s;
    ErrorList problems;
    std::vector<Entity> entities = Terraform::map(ws, {}, options, Catalog::empty(), &problems);
    entities.push_back(bar0);
    entities.push_back(plain);
    const Catalog::Ptr catalog = Catalog::build(entities);
    const QString key = u"component:default/bar0"_s;

    EntityOps ops;
    const auto alerts =
        Monitoring::parsePrometheusAlerts(readFile(dataPath(u"monitoring/api-v1-alerts.json"_s)), u"prometheus"_s);
    REQUIRE(alerts.ok());
    for (const auto &a : alerts.value()) {
        ops.alerts.append(a.alert);
    }
    const auto series =
        Monitoring::parseMatrix(readFile(dataPath(u"monitoring/api-v1-query-range.json"_s)), u"prometheus"_s);
    REQUIRE(series.ok());
    MetricSeries rate;
    rate.key = u"requestRate"_s;
    rate.title = u"Request rate"_s;
    rate.unit = u"req/s"_s;
    rate.times = series->at(0).times;
    rate.values = series->at(0).values;
    ops.metrics.append(rate);
    Unleash::MapOptions flagOptions;
    flagOptions.now = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
    QStringList unmatched;
    const auto flags =
        Unleash::mapProjectFeatures(readFile(dataPath(u"unleash/admin-project-features.json"_s)), u"default"_s,
                                    u"recorded"_s, flagOptions, Catalog::build({booking}), &unmatched);
    REQUIRE(flags.ok());
    Q_UNUSED(unmatched);
    // The recorded flags belong to booking-api; shown here on bar0.
    for (const auto &list : flags.value()) {
        ops.flags += list;
    }
    ops.flags.append(FeatureFlagInfo{});
    ops.flags.last().name = u"bar0.dark-launch"_s;
    ops.flags.last().stale = true;
    ops.flags.last().staleReason = u"Marked stale in Unleash"_s;
    ops.flags.last().environments = {{u"production"_s, true, 1}};
    EntityOps sorted;
    sorted.merge(ops);

    auto live = std::make_shared<LiveSnapshot>();
    live->ops.insert(key, sorted);
    live->generation = 1;

    EntityPage page;
    page.resize(1200, 900);
    page.setCatalog(catalog);
    page.setLive(live);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    REQUIRE(page.showEntity(key));
    CHECK(page.isTabShown(EntityPage::OperationsTab));
    page.setCurrentTab(EntityPage::OperationsTab);
    OperationsTab *tab = page.operationsTab();

    // Alerts: firing before pending, critical first.
    QTreeWidget *alertsView = tab->alertsView();
    REQUIRE(alertsView->isVisible());
    CHECK(columnTexts(alertsView, 1)
          == QStringList{u"BookingApiHighErrorRate"_s, u"ParcelTrackingHighLatency"_s,
                         u"ParcelTrackingErrorBudgetBurn"_s});
    CHECK(columnTexts(alertsView, 0) == QStringList{u"Firing"_s, u"Firing"_s, u"Pending"_s});
    const auto *summary = tab->findChild<QLabel *>(u"operationsSummary"_s);
    REQUIRE(summary);
    CHECK(summary->text().contains(u"2 firing alert"_s));

    // Flags: one column per environment, stale ones said so.
    QTreeWidget *flagsView = tab->flagsView();
    REQUIRE(flagsView->isVisible());
    CHECK(flagsView->headerItem()->text(2) == u"development"_s);
    CHECK(flagsView->headerItem()->text(3) == u"production"_s);
    const QStringList names = columnTexts(flagsView, 0);
    REQUIRE(names.contains(u"bar0.dark-launch"_s));
    const int dark = int(names.indexOf(u"bar0.dark-launch"_s));
    CHECK(flagsView->topLevelItem(dark)->text(2) == u"—"_s); // no development environment
    CHECK(flagsView->topLevelItem(dark)->text(3) == u"On"_s);
    CHECK(flagsView->topLevelItem(dark)->text(4).startsWith(u"Stale"_s));

    // Infrastructure: the role bar0's tag links to it, with its workspace and provider.
    QTreeWidget *resources = tab->resourcesView();
    REQUIRE(resources->isVisible());
    REQUIRE(resources->topLevelItemCount() == 1);
    CHECK(resources->topLevelItem(0)->text(1) == u"aws_iam_role"_s);
    CHECK(resources->topLevelItem(0)->text(2) == u"iam"_s);
    // Activating the row opens the resource's page.
    QSignalSpy requested(&page, &EntityPage::entityRequested);
    Q_EMIT resources->itemActivated(resources->topLevelItem(0), 0);
    REQUIRE(requested.size() == 1);
    CHECK(requested.at(0).at(0).toString().startsWith(u"resource:default/iam.aws_iam_role"_s));

    // The metric's latest value and its sparkline.
    const auto values = tab->findChildren<QLabel *>(u"metricValue"_s);
    REQUIRE(values.size() == 1);
    CHECK(values.at(0)->text().contains(u"<b>12.5</b> req/s"_s));
    CHECK(tab->findChildren<Sparkline *>().size() == 1);

    // The tab's icon says the worst alert; an entity without any of it has no tab.
    QTabWidget *tabs = page.findChild<QTabWidget *>(u"entityTabs"_s);
    REQUIRE(tabs);
    CHECK_FALSE(tabs->tabIcon(tabs->indexOf(tab)).isNull());
    REQUIRE(page.showEntity(u"component:default/plain"_s));
    CHECK_FALSE(page.isTabShown(EntityPage::OperationsTab));

    // A Terraform resource's own page lists its key attributes, secrets already redacted by the parser.
    REQUIRE(page.showEntity(requested.at(0).at(0).toString()));
    CHECK(page.isTabShown(EntityPage::OperationsTab));
    CHECK(columnTexts(tab->resourcesView(), 0).contains(u"arn"_s));
}
