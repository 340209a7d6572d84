// Item models over the demo catalog, each driven through its changes under QAbstractItemModelTester.
#include "UiTestSupport.h"
#include "models/CatalogTableModel.h"
#include "models/FacetModel.h"
#include "models/Format.h"
#include "models/KeyValueModel.h"
#include "models/ProblemsFilterModel.h"
#include "models/ProblemsModel.h"
#include "models/RelationsModel.h"

#include <QCborArray>
#include <QSignalSpy>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan;
using namespace Portolan::Core;
using namespace Portolan::Ui;
using Portolan::Test::demoCatalog;
using Portolan::Test::ModelTestWarnings;

namespace {

QStringList column(const QAbstractItemModel &model, int col, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r) {
        out.append(model.index(r, col).data(role).toString());
    }
    return out;
}

} // namespace

TEST_CASE("The demo catalog has the shape the GUI tests rely on", "[ui][models]")
{
    const Catalog::Ptr catalog = demoCatalog();
    REQUIRE(catalog->size() == 157);
    REQUIRE(catalog->find(u"component:default/shipment-service") >= 0);
    REQUIRE(catalog->problems().size() >= 1);
}

TEST_CASE("CatalogTableModel shows query results and sorts through the catalog index", "[ui][models]")
{
    ModelTestWarnings warnings;
    CatalogTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy results(&model, &CatalogTableModel::resultsChanged);

    CHECK(model.rowCount() == 0);
    model.setCatalog(demoCatalog());
    CHECK(model.rowCount() == 157);
    CHECK(model.totalCount() == 157);
    CHECK(model.columnCount() == CatalogTableModel::ColumnCount);
    CHECK(model.headerData(CatalogTableModel::OwnerColumn, Qt::Horizontal).toString() == u"Owner"_s);
    CHECK(results.count() == 1);

    SECTION("text search narrows the rows and keeps the entity")
    {
        CatalogQuery query = model.query();
        query.text = u"shipment"_s;
        model.setQuery(query);
        CHECK(model.rowCount() > 0);
        CHECK(model.rowCount() < 157);
        CHECK(column(model, 0, CatalogTableModel::RefRole).contains(u"component:default/shipment-service"_s));
        const int row = model.rowForKey(u"component:default/shipment-service"_s);
        REQUIRE(row >= 0);
        CHECK(model.index(row, CatalogTableModel::NameColumn).data().toString() == u"Shipment Service"_s);
        CHECK(model.index(row, CatalogTableModel::OwnerColumn).data().toString() == u"shipment-team"_s);
        CHECK(model.index(row, CatalogTableModel::LifecycleColumn).data().toString() == u"production"_s);
        CHECK(model.index(row, CatalogTableModel::NameColumn).data(Qt::DecorationRole).value<QIcon>().isNull()
              == false);
        CHECK(model.index(row, 0).data(CatalogTableModel::TagsRole).toStringList().contains(u"kotlin"_s));
    }

    SECTION("a facet keeps only matching rows")
    {
        CatalogQuery query = model.query();
        query.facets[std::size_t(Facet::Kind)] = QStringList{u"API"_s};
        model.setQuery(query);
        CHECK(model.rowCount() == 19);
        for (const QString &kind : column(model, CatalogTableModel::KindColumn)) {
            CHECK(kind == u"API"_s);
        }
    }

    SECTION("sorting re-queries with the column's sort key, both directions")
    {
        const QString selectedKey = u"component:default/shipment-service"_s;
        QPersistentModelIndex kept = model.index(model.rowForKey(selectedKey), 0);
        model.sort(CatalogTableModel::OwnerColumn, Qt::DescendingOrder);
        CHECK(model.query().sort == SortKey::Owner);
        CHECK(model.query().descending);
        const QStringList owners = column(model, CatalogTableModel::OwnerColumn);
        for (qsizetype i = 1; i < owners.size(); ++i) {
            CHECK(owners[i - 1].compare(owners[i], Qt::CaseInsensitive) >= 0);
        }
        // A persistent index follows its entity through the re-sort.
        REQUIRE(kept.isValid());
        CHECK(kept.data(CatalogTableModel::RefKeyRole).toString() == selectedKey);

        model.sort(CatalogTableModel::NameColumn, Qt::AscendingOrder);
        const QStringList names = column(model, CatalogTableModel::NameColumn);
        for (qsizetype i = 1; i < names.size(); ++i) {
            CHECK(names[i - 1].compare(names[i], Qt::CaseInsensitive) <= 0);
        }
    }

    SECTION("Tags and Description are not sortable")
    {
        const CatalogQuery before = model.query();
        model.sort(CatalogTableModel::TagsColumn, Qt::DescendingOrder);
        model.sort(CatalogTableModel::DescriptionColumn, Qt::DescendingOrder);
        CHECK(model.query().sort == before.sort);
        CHECK(model.query().descending == before.descending);
        CHECK_FALSE(CatalogTableModel::sortKeyForColumn(CatalogTableModel::TagsColumn).has_value());
        CHECK(CatalogTableModel::sortKeyForColumn(CatalogTableModel::SystemColumn) == SortKey::System);
    }

    SECTION("a new snapshot keeps the query")
    {
        CatalogQuery query = model.query();
        query.text = u"payment"_s;
        model.setQuery(query);
        const int rows = model.rowCount();
        model.setCatalog(Catalog::empty());
        CHECK(model.rowCount() == 0);
        model.setCatalog(demoCatalog());
        CHECK(model.rowCount() == rows);
        CHECK(model.query().text == u"payment"_s);
    }

    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("FacetModel lists values with counts over the other facets' results", "[ui][models]")
{
    ModelTestWarnings warnings;
    const Catalog::Ptr catalog = demoCatalog();
    FacetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy selectionChanged(&model, &FacetModel::selectionChanged);

    const auto update = [&] {
        CatalogQuery query;
        query.facets = model.selection();
        model.setCounts(catalog->run(query).facetCounts);
    };
    update();

    REQUIRE(model.rowCount() == facetCount);
    const QModelIndex kind = model.headerIndex(Facet::Kind);
    CHECK(kind.data().toString() == u"Kind"_s);
    CHECK(model.rowCount(kind) == 9); // nine kinds (Template too), no "show more" row
    int total = 0;
    for (int r = 0; r < model.rowCount(kind); ++r) {
        total += model.index(r, 0, kind).data(FacetModel::CountRole).toInt();
    }
    CHECK(total == 157);
    const QModelIndex api = model.valueIndex(Facet::Kind, u"API"_s);
    REQUIRE(api.isValid());
    CHECK(api.data(FacetModel::CountRole).toInt() == 19);
    CHECK(api.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Unchecked);
    CHECK(api.flags() & Qt::ItemIsUserCheckable);

    SECTION("checking a value selects it and narrows the other facets only")
    {
        REQUIRE(model.setData(api, Qt::Checked, Qt::CheckStateRole));
        CHECK(selectionChanged.count() == 1);
        CHECK(model.selection()[std::size_t(Facet::Kind)] == QStringList{u"API"_s});
        update();
        // Kind still offers every kind, with unfiltered counts, so another one can be added.
        CHECK(model.rowCount(model.headerIndex(Facet::Kind)) == 9);
        CHECK(model.valueIndex(Facet::Kind, u"API"_s).data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked);
        CHECK(model.headerIndex(Facet::Kind).data(FacetModel::SelectedCountRole).toInt() == 1);
        // Type now counts APIs only.
        const QModelIndex type = model.headerIndex(Facet::Type);
        QStringList types;
        int apiTotal = 0;
        for (int r = 0; r < model.rowCount(type); ++r) {
            types.append(model.index(r, 0, type).data(FacetModel::ValueRole).toString());
            apiTotal += model.index(r, 0, type).data(FacetModel::CountRole).toInt();
        }
        CHECK(types.contains(u"openapi"_s));
        CHECK(types.contains(u"grpc"_s));
        CHECK_FALSE(types.contains(u"service"_s));
        CHECK(apiTotal == 19);

        model.clearSelection();
        CHECK_FALSE(model.hasSelection());
        CHECK(selectionChanged.count() == 2);
    }

    SECTION("long value lists are cut with a row that shows the rest")
    {
        const QModelIndex type = model.headerIndex(Facet::Type);
        REQUIRE(model.valueCount(Facet::Type) > FacetModel::collapsedLimit + 1);
        CHECK(model.rowCount(type) == FacetModel::collapsedLimit + 1);
        const QModelIndex more = model.index(FacetModel::collapsedLimit, 0, type);
        CHECK(more.data(FacetModel::RowTypeRole).value<FacetModel::RowType>() == FacetModel::RowType::More);
        CHECK(more.data().toString().startsWith(u"Show "_s));
        model.activate(more);
        CHECK(model.showsAll(Facet::Type));
        CHECK(model.rowCount(type) == model.valueCount(Facet::Type) + 1);
        model.activate(model.index(model.rowCount(type) - 1, 0, type));
        CHECK_FALSE(model.showsAll(Facet::Type));
        CHECK(model.rowCount(type) == FacetModel::collapsedLimit + 1);
    }

    SECTION("a selected value that matches nothing stays listed so it can be unchecked")
    {
        model.setValueSelected(Facet::Tag, u"no-such-tag"_s, true);
        update();
        const QModelIndex gone = model.valueIndex(Facet::Tag, u"no-such-tag"_s);
        REQUIRE(gone.isValid());
        CHECK(gone.data(FacetModel::CountRole).toInt() == 0);
        model.activate(gone);
        CHECK_FALSE(model.hasSelection());
    }

    SECTION("the same counts again change nothing structurally")
    {
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        update();
        CHECK(inserted.isEmpty());
        CHECK(removed.isEmpty());
        CHECK(reset.isEmpty());
    }

    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("ProblemsModel and ProblemsFilterModel list the demo's broken file", "[ui][models]")
{
    ModelTestWarnings warnings;
    ProblemsModel model;
    ProblemsFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::Warning);

    model.setProblems(demoCatalog()->problems(), Workspace::demoPath());
    REQUIRE(model.rowCount() == demoCatalog()->problems().size());
    CHECK(model.count(Error::Severity::Error) >= 3);

    const QStringList files = column(model, ProblemsModel::FileColumn);
    CHECK(files.contains(u"catalog/components/legacy-fax-gateway.yaml"_s));
    const int row = int(files.indexOf(u"catalog/components/legacy-fax-gateway.yaml"_s));
    CHECK(model.index(row, ProblemsModel::FileColumn).data(ProblemsModel::FilePathRole).toString()
          == u":/demo/catalog/components/legacy-fax-gateway.yaml"_s);
    CHECK(model.index(row, ProblemsModel::LocationColumn).data().toString().contains(u':'));
    CHECK(model.index(row, ProblemsModel::SeverityColumn).data().toString() == u"Error"_s);
    CHECK(model.headerData(ProblemsModel::MessageColumn, Qt::Horizontal).toString() == u"Message"_s);

    filter.setSeverityShown(Error::Severity::Error, false);
    CHECK(filter.rowCount() == model.rowCount() - model.count(Error::Severity::Error));
    filter.setSeverityShown(Error::Severity::Error, true);
    CHECK(filter.rowCount() == model.rowCount());
    filter.setText(u"fax_gateway"_s);
    CHECK(filter.rowCount() >= 1);
    filter.setText(u"no problem says this"_s);
    CHECK(filter.rowCount() == 0);
    filter.setText({});
    filter.sort(ProblemsModel::LocationColumn, Qt::DescendingOrder);
    CHECK(filter.rowCount() == model.rowCount());

    model.setProblems({}, {});
    CHECK(filter.rowCount() == 0);
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("RelationsModel groups relations by type and flags dangling targets", "[ui][models]")
{
    ModelTestWarnings warnings;
    RelationsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);

    SECTION("shipment-service in the demo")
    {
        const Catalog::Ptr catalog = demoCatalog();
        const int index = catalog->find(u"shipment-service");
        model.setEntity(catalog, index);
        CHECK(model.relationCount() == int(catalog->relations(index).size()));
        QStringList groups;
        for (int g = 0; g < model.rowCount(); ++g) {
            groups.append(model.index(g, 0).data().toString());
            CHECK(model.index(g, 0).data(RelationsModel::IsGroupRole).toBool());
        }
        CHECK(groups.contains(u"Depends on (2)"_s));
        const QModelIndex db = model.indexForTargetKey(u"resource:default/shipments-db"_s);
        REQUIRE(db.isValid());
        CHECK(db.data(RelationsModel::TargetIndexRole).toInt() == catalog->find(u"resource:shipments-db"));
        CHECK(db.data(RelationsModel::TargetRefRole).toString() == u"resource:default/shipments-db"_s);
        CHECK_FALSE(db.data(RelationsModel::DanglingRole).toBool());
        CHECK(model.parent(db).data(RelationsModel::RelationTypeRole).toInt() == int(RelationType::DependsOn));
        model.clear();
        CHECK(model.rowCount() == 0);
    }

    SECTION("a reference to something missing")
    {
        Entity e;
        e.apiVersion = u"backstage.io/v1alpha1"_s;
        e.kind = u"Component"_s;
        e.name = u"lonely"_s;
        e.spec.insert(u"type"_s, u"service"_s);
        e.spec.insert(u"lifecycle"_s, u"production"_s);
        e.spec.insert(u"owner"_s, u"team-x"_s);
        e.spec.insert(u"dependsOn"_s, QCborArray{u"resource:missing-db"_s});
        std::vector<Entity> entities{e};
        const Catalog::Ptr catalog = Catalog::build(std::move(entities));
        model.setEntity(catalog, 0);
        REQUIRE(model.rowCount() == 2); // owned by team-x, depends on missing-db: both dangling
        const QModelIndex group = model.index(1, 0);
        const QModelIndex missing = model.index(0, RelationsModel::DescriptionColumn, group);
        CHECK(missing.data(RelationsModel::DanglingRole).toBool());
        CHECK(missing.data(RelationsModel::TargetIndexRole).toInt() == -1);
        CHECK(missing.data().toString() == u"not in the catalog"_s);
        CHECK(model.index(0, RelationsModel::NameColumn, group).data().toString() == u"missing-db"_s);
        CHECK(model.index(0, 0, group).flags().testFlag(Qt::ItemIsSelectable));
        CHECK_FALSE(group.flags().testFlag(Qt::ItemIsSelectable));
    }

    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("KeyValueModel shows labels and annotations", "[ui][models]")
{
    ModelTestWarnings warnings;
    KeyValueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    const Entity &e = demoCatalog()->entity(demoCatalog()->find(u"shipment-service"));
    model.setItems(e.annotations.toList());
    REQUIRE(model.rowCount() == e.annotations.size());
    REQUIRE(model.rowCount() > 0);
    CHECK(model.index(0, KeyValueModel::KeyColumn).data().toString() == e.annotations.first().key);
    CHECK(model.index(0, KeyValueModel::ValueColumn).data().toString() == e.annotations.first().value);
    model.setItems({});
    CHECK(model.rowCount() == 0);
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("Format helpers", "[ui][models]")
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CHECK(Format::relativeTime(now, now) == u"just now"_s);
    CHECK(Format::relativeTime(now.addSecs(-180), now).contains(u'3'));
    CHECK(Format::relativeTime(QDateTime(), now) == u"never"_s);
    CHECK(Format::displayPath(u":/demo/catalog/all.yaml"_s, u":/demo"_s) == u"catalog/all.yaml"_s);
    CHECK(Format::displayPath(u"/tmp/ws/a/b.yaml"_s, u"/tmp/ws"_s) == u"a/b.yaml"_s);
    CHECK(Format::displayPath(u"/elsewhere/b.yaml"_s, u"/tmp/ws"_s) == u"/elsewhere/b.yaml"_s);
    CHECK(Format::displayPath(u"http://127.0.0.1:8080/api/services?page=2"_s, u"/tmp/ws"_s)
          == u"http://127.0.0.1:8080/api/services?page=2"_s);
    CHECK(Format::location(10, 3) == u"10:3"_s);
    CHECK(Format::location(0, 0).isEmpty());
    CHECK_FALSE(Format::isOnDisk(u":/demo/x.yaml"_s));
    CHECK(Format::isOnDisk(u"/tmp/x.yaml"_s));
}
