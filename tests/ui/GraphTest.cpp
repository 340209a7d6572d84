// The dependency graph, offscreen on the demo catalog: the Graph page and an entity's Graph tab, relation filters,
// grouping and expanding, blast radius, paths, find, mouse interaction and export to SVG, PNG and DOT.
#include "UiTestSupport.h"
#include "graph/GraphPanel.h"
#include "graph/GraphScene.h"
#include "graph/GraphView.h"
#include "pages/EntityPage.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QCborArray>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QXmlStreamReader>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan;
using namespace Portolan::Core;
using namespace Portolan::Ui;
using Portolan::Test::waitFor;

namespace {

// Runs `action` and waits for the drawing it causes.
template<typename Action>
void settle(GraphPanel &panel, Action action)
{
    QSignalSpy spy(&panel, &GraphPanel::drawingChanged);
    action();
    REQUIRE(waitFor([&] { return spy.count() > 0 && !panel.isBusy(); }));
}

QSet<QString> shownRefs(const GraphPanel &panel)
{
    QSet<QString> out;
    for (const GraphNode &n : panel.scene()->graph()->nodes()) {
        out.insert(n.ref);
    }
    return out;
}

// The edges the scene draws: items (pieces of lines) by the edge they belong to.
int edgeItems(const GraphScene &scene)
{
    QSet<int> edges;
    for (QGraphicsItem *item : scene.items()) {
        if (const auto *edge = dynamic_cast<GraphEdgeItem *>(item)) {
            edges.insert(edge->edge());
        }
    }
    return int(edges.size());
}

// The scene's lines in `rect` (scene coordinates) at `zoom`, painted whole or as strips `strip` pixels high, as a
// pan repaints them; `overview` for the far-out drawing.
QImage paintedLines(const GraphScene &scene, const QRectF &rect, qreal zoom, int strip, bool overview)
{
    const QSize size = (rect.size() * zoom).toSize();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    const QTransform toImage = QTransform::fromTranslate(-rect.x(), -rect.y()) * QTransform::fromScale(zoom, zoom);
    for (int top = 0; top < size.height(); top += strip) {
        const int height = std::min(strip, size.height() - top);
        QImage part(size.width(), height, QImage::Format_ARGB32_Premultiplied);
        part.fill(Qt::white);
        const QTransform toPart = toImage * QTransform::fromTranslate(0, -top);
        const QRectF partScene = toPart.inverted().mapRect(QRectF(0, 0, size.width(), height));
        if (overview) {
            scene.paintOverview(part, toPart, partScene);
        } else {
            scene.paintLines(part, toPart, partScene);
        }
        for (int y = 0; y < height; ++y) {
            std::copy_n(part.constScanLine(y), part.bytesPerLine(), image.scanLine(top + y));
        }
    }
    return image;
}

// Pixels that differ between two images of one size.
int differing(const QImage &a, const QImage &b)
{
    REQUIRE(a.size() == b.size());
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            count += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
        }
    }
    return count;
}

// A pixel or two: where two faded pieces of a line meet on a strip's edge, the pixel they share may be blended once
// or twice (one such pixel here). A seam is more: an arrow head cut off by a strip was two pixels, a line missing from
// strips hundreds.
constexpr int seamTolerance = 1;

} // namespace

TEST_CASE("Graph of 2,000 services ungrouped: the scene draws every line itself, the same in strips as whole",
          "[ui][graph]")
{
    const Catalog::Ptr catalog = Test::webOfServices();
    GraphPanel panel(GraphPanel::Mode::Page);
    panel.resize(1200, 800);
    panel.show();
    panel.setGrouping(GraphPanel::Grouping::None);
    settle(panel, [&] { panel.setCatalog(catalog); });
    settle(panel, [&] { panel.setScopeKind(GraphScope::Kind::Catalog); });
    GraphScene &scene = *panel.scene();
    const GraphDrawing *drawing = scene.drawing();
    REQUIRE(drawing);
    REQUIRE(drawing->nodes().size() == qsizetype(catalog->size()) + 13); // and the 13 owners, ghosts
    CHECK(drawing->relationCount() == scene.graph()->edges().size());
    REQUIRE(scene.itemTotal() > GraphScene::itemLinesUpTo);
    CHECK(scene.drawsLines());
    CHECK(edgeItems(scene) == 0);

    // Every line is drawn: emphasised alone, the middle of each shows in its own colour, full strength, over the
    // faded rest.
    int missing = 0;
    for (int e = 0; e < int(drawing->edges().size()); ++e) {
        const DrawingEdge &edge = drawing->edges().at(e);
        DrawingEmphasis focus;
        focus.edges.insert(e);
        scene.setFocus(focus);
        const int mid = int(edge.points.size()) / 2;
        const QPointF middle = (edge.points.at(mid - 1) + edge.points.at(mid)) / 2;
        const QImage around = paintedLines(scene, QRectF(middle - QPointF(4, 4), QSizeF(9, 9)), 1.0, 9, false);
        const QRgb colour = QColor(relationColorName(edge.type)).rgba();
        bool found = false;
        for (int y = 0; y < around.height() && !found; ++y) {
            for (int x = 0; x < around.width() && !found; ++x) {
                found = around.pixel(x, y) == colour;
            }
        }
        missing += found ? 0 : 1;
    }
    CHECK(missing == 0);
    scene.setFocus({});

    // A pan repaints strips: they add up to the very pixels of a whole paint, at item zoom and far out; around the
    // middle service, where lines cross, with it selected (its lines two pixels wide, the rest faded) and not.
    const int middle = drawing->nodeOf(scene.graph()->nodeOf(u"component:default/service-980"_s));
    const QPointF centre = drawing->nodes().at(middle).rect.center();
    const QRectF busy(centre - QPointF(450, 350), QSizeF(900, 700));
    scene.setSelectedNode(middle);
    const QImage selected = paintedLines(scene, busy, 1.0, 100000, false);
    CHECK(differing(paintedLines(scene, busy, 1.0, 12, false), selected) <= seamTolerance);
    CHECK(differing(paintedLines(scene, busy, 1.0, 37, false), selected) <= seamTolerance);
    scene.setSelectedNode(-1);
    const QImage whole = paintedLines(scene, busy, 0.4, 100000, false);
    CHECK(differing(paintedLines(scene, busy, 0.4, 12, false), whole) <= seamTolerance);
    CHECK(differing(paintedLines(scene, busy, 0.4, 37, false), whole) <= seamTolerance);
    const QRectF far(centre - QPointF(10000, 3000), QSizeF(20000, 6000));
    const QImage overview = paintedLines(scene, far, 0.1, 100000, true);
    CHECK(differing(paintedLines(scene, far, 0.1, 12, true), overview) <= seamTolerance);
    int inked = 0;
    for (int y = 0; y < whole.height(); ++y) {
        for (int x = 0; x < whole.width(); ++x) {
            inked += whole.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
        }
    }
    CHECK(inked > whole.width() * 10); // the comparisons compared lines, not blank images

    // A PNG export draws them too: the relations' colours are in it.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QString error;
    REQUIRE(panel.exportTo(dir.filePath(u"web.png"_s), &error));
    const QImage png(dir.filePath(u"web.png"_s));
    REQUIRE_FALSE(png.isNull());
    QHash<QRgb, int> pixels;
    for (int y = 0; y < png.height(); ++y) {
        for (int x = 0; x < png.width(); ++x) {
            ++pixels[png.pixel(x, y) | 0xff000000];
        }
    }
    for (RelationType type : {RelationType::DependsOn, RelationType::PartOf, RelationType::OwnedBy}) {
        INFO(relationColorName(type).toStdString());
        CHECK(pixels.value(QColor(relationColorName(type)).rgb()) > 100);
    }
}

TEST_CASE("Graph page: the demo's busiest system, every relation drawn, relation types filtered", "[ui][graph]")
{
    const Catalog::Ptr catalog = Test::demoCatalog();
    GraphPanel panel(GraphPanel::Mode::Page);
    panel.resize(1200, 800);
    panel.show();
    settle(panel, [&] { panel.setCatalog(catalog); });
    REQUIRE(panel.scene()->drawing());
    CHECK(panel.scopeKind() == GraphScope::Kind::Group);
    CHECK(panel.root() == u"system:default/shipment-management"_s);

    // The scene draws what an independent cut of the catalog has: every relation between the system's parts.
    GraphScope scope;
    scope.kind = GraphScope::Kind::Group;
    scope.root = panel.root();
    const Result<EntityGraph> expected = EntityGraph::build(*catalog, scope);
    REQUIRE(expected.ok());
    const GraphDrawing *drawing = panel.scene()->drawing();
    CHECK(panel.scene()->graph()->edges().size() == expected->edges().size());
    CHECK(drawing->relationCount() == expected->edges().size());
    CHECK(edgeItems(*panel.scene()) == drawing->edges().size());
    CHECK(drawing->nodes().size() == expected->nodes().size()); // small: not grouped
    CHECK(panel.statusText().contains(u"%1 relations"_s.arg(expected->edges().size())));

    // Turning partOf off through the Relations menu redraws without those lines, and with all the others.
    QAction *partOf =
        panel.findChild<QToolButton *>(u"graphRelations"_s)->menu()->findChild<QAction *>(u"relation-partOf"_s);
    REQUIRE(partOf);
    settle(panel, [&] { partOf->trigger(); });
    CHECK_FALSE(panel.isRelationShown(RelationType::PartOf));
    int partOfBefore = 0;
    for (const GraphEdge &e : expected->edges()) {
        partOfBefore += e.type == RelationType::PartOf ? 1 : 0;
    }
    REQUIRE(partOfBefore > 0);
    CHECK(panel.scene()->drawing()->relationCount() == expected->edges().size() - partOfBefore);
    for (const DrawingEdge &e : panel.scene()->drawing()->edges()) {
        CHECK(e.type != RelationType::PartOf);
    }
    settle(panel, [&] { panel.setRelationShown(RelationType::PartOf, true); });
    CHECK(partOf->isChecked());
    CHECK(panel.scene()->drawing()->relationCount() == expected->edges().size());

    // Every relation type off: said, not drawn.
    settle(panel, [&] {
        for (RelationType t : EntityGraph::forwardTypes()) {
            panel.setRelationShown(t, false);
        }
    });
    CHECK_FALSE(panel.messageText().isEmpty());
}

TEST_CASE("Graph page: blast radius, what it needs, paths and find on the demo", "[ui][graph]")
{
    const Catalog::Ptr catalog = Test::demoCatalog();
    GraphPanel panel(GraphPanel::Mode::Page);
    panel.resize(1200, 800);
    panel.show();
    settle(panel, [&] { panel.setCatalog(catalog); });

    // The blast radius of the shipments database: everything that needs it, worked out here independently from
    // the whole catalog's needs graph.
    const QString db = u"resource:default/shipments-db"_s;
    settle(panel, [&] { panel.showBlastRadius(db); });
    CHECK(panel.scopeKind() == GraphScope::Kind::BlastRadius);
    GraphScope whole;
    whole.kind = GraphScope::Kind::Catalog;
    whole.relations = {RelationType::DependsOn, RelationType::ProvidesApi, RelationType::ConsumesApi};
    const Result<EntityGraph> all = EntityGraph::build(*catalog, whole);
    REQUIRE(all.ok());
    QSet<QString> expected{db};
    for (int n : all->dependents(all->nodeOf(db))) {
        expected.insert(all->nodes().at(n).ref);
    }
    CHECK(expected.size() > 5);
    CHECK(shownRefs(panel) == expected);
    CHECK(panel.selectedRef() == db);
    CHECK(panel.findChild<QLabel *>(u"graphFocus"_s)->text().contains(QString::number(expected.size() - 1)));

    // What the customer web app needs.
    const QString web = u"component:default/customer-web"_s;
    settle(panel, [&] { panel.showNeeds(web); });
    QSet<QString> needs{web};
    for (int n : all->dependencies(all->nodeOf(web))) {
        needs.insert(all->nodes().at(n).ref);
    }
    CHECK(shownRefs(panel) == needs);

    // A path from the web app to the database, emphasised; the rest dimmed.
    settle(panel, [&] { panel.showBlastRadius(db); });
    REQUIRE(panel.showPath(web, db));
    const DrawingEmphasis emphasis = panel.scene()->emphasis();
    CHECK(emphasis.nodes.size() >= 3);
    CHECK(emphasis.edges.size() == emphasis.nodes.size() - 1);
    int dimmed = 0;
    for (int n = 0; n < int(panel.scene()->drawing()->nodes().size()); ++n) {
        dimmed += panel.scene()->nodeItem(n)->isDimmed() ? 1 : 0;
        CHECK(panel.scene()->nodeItem(n)->isDimmed() != emphasis.nodes.contains(n));
    }
    CHECK(dimmed > 0);
    CHECK_FALSE(panel.showPath(web, u"component:default/no-such-thing"_s));

    // The hover card: the entity's facts, from the catalog.
    const QString card = panel.scene()->cardFor(
        panel.scene()->drawing()->nodeOf(panel.scene()->graph()->nodeOf(u"component:default/shipment-service"_s)));
    CHECK(card.contains(u"Shipment Service"_s));
    CHECK(card.contains(u"production"_s));
    CHECK(
        card.contains(catalog->entity(catalog->find(u"component:default/shipment-service"_s)).specString("owner"_L1)));

    // Find selects and centres.
    REQUIRE(panel.findNode(u"Shipment Service"_s));
    CHECK(panel.selectedRef() == u"component:default/shipment-service"_s);
    CHECK_FALSE(panel.findNode(u"zzz-nothing"_s));
}

TEST_CASE("Graph page: the whole catalog is grouped, a click expands a group, a double-click opens", "[ui][graph]")
{
    const Catalog::Ptr catalog = Test::demoCatalog();
    REQUIRE(catalog->size() > GraphPanel::autoGroupAbove);
    GraphPanel panel(GraphPanel::Mode::Page);
    panel.resize(1200, 800);
    panel.show();
    settle(panel, [&] { panel.setCatalog(catalog); });
    settle(panel, [&] { panel.setScopeKind(GraphScope::Kind::Catalog); });
    const GraphDrawing *grouped = panel.scene()->drawing();
    REQUIRE(grouped);
    CHECK(panel.effectiveGrouping() != GraphGrouping::None);
    CHECK(grouped->nodes().size() < panel.scene()->graph()->nodes().size());
    CHECK(grouped->relationCount() == panel.scene()->graph()->edges().size());

    // Click the first group: it opens into its members, the rest stays grouped.
    int group = -1;
    for (int n = 0; n < int(grouped->nodes().size()); ++n) {
        if (grouped->nodes().at(n).isGroup()) {
            group = n;
            break;
        }
    }
    REQUIRE(group >= 0);
    const QList<int> members = grouped->nodes().at(group).members;
    const qsizetype boxes = grouped->nodes().size();
    GraphView *view = panel.view();
    view->centerOn(grouped->nodes().at(group).rect.center());
    settle(panel, [&] {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->mapFromScene(grouped->nodes().at(group).rect.center()));
    });
    const GraphDrawing *opened = panel.scene()->drawing();
    CHECK(opened->nodes().size() == boxes - 1 + members.size());
    for (int m : members) {
        CHECK_FALSE(opened->nodes().at(opened->nodeOf(m)).isGroup());
    }
    CHECK(opened->relationCount() == panel.scene()->graph()->edges().size());

    // Collapsed again from the member's side: the same boxes as before.
    const QString groupId =
        GraphDrawing::groupIdOf(*panel.scene()->graph(), members.first(), *catalog, panel.effectiveGrouping());
    CHECK(panel.expandedGroups().contains(groupId));
    settle(panel, [&] { panel.collapseGroup(groupId); });
    CHECK(panel.scene()->drawing()->nodes().size() == boxes);
    settle(panel, [&] { panel.expandGroup(groupId); });
    opened = panel.scene()->drawing();

    // Double-click on an entity asks to open it.
    const int member = opened->nodeOf(members.first());
    QSignalSpy open(&panel, &GraphPanel::entityRequested);
    view->centerOn(opened->nodes().at(member).rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {},
                       view->mapFromScene(opened->nodes().at(member).rect.center()));
    REQUIRE(open.count() == 1);
    CHECK(open.at(0).at(0).toString() == panel.scene()->graph()->nodes().at(members.first()).ref);

    // Zoom by keyboard and fit.
    view->setFocus();
    const qreal before = view->zoom();
    QTest::keyClick(view, Qt::Key_Plus);
    CHECK(view->zoom() > before);
    QTest::keyClick(view, Qt::Key_0);
    CHECK(view->zoom() <= 1.0);
}

TEST_CASE("Graph export: SVG, PNG and DOT files that parse", "[ui][graph]")
{
    GraphPanel panel(GraphPanel::Mode::Page);
    panel.resize(1000, 700);
    panel.show();
    settle(panel, [&] { panel.setCatalog(Test::demoCatalog()); });
    const GraphDrawing *drawing = panel.scene()->drawing();
    REQUIRE(drawing);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());

    const QString svgFile = dir.filePath(u"graph.svg"_s);
    QString error;
    REQUIRE(panel.exportTo(svgFile, &error));
    QFile svg(svgFile);
    REQUIRE(svg.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svg);
    int edges = 0;
    int nodes = 0;
    QString root;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        if (root.isEmpty()) {
            root = xml.name().toString();
        }
        edges += xml.attributes().value(u"class"_s) == u"edge"_s ? 1 : 0;
        nodes += xml.attributes().value(u"class"_s) == u"node"_s ? 1 : 0;
    }
    CHECK_FALSE(xml.hasError());
    CHECK(root == u"svg"_s);
    CHECK(edges == drawing->edges().size());
    CHECK(nodes == drawing->nodes().size());

    const QString pngFile = dir.filePath(u"graph.png"_s);
    REQUIRE(panel.exportTo(pngFile, &error));
    const QImage png(pngFile);
    REQUIRE_FALSE(png.isNull());
    CHECK(png.width() >= int(drawing->size().width()));

    const QString dotFile = dir.filePath(u"graph.dot"_s);
    REQUIRE(panel.exportTo(dotFile, &error));
    QFile dot(dotFile);
    REQUIRE(dot.open(QIODevice::ReadOnly));
    const QByteArray text = dot.readAll();
    CHECK(text.startsWith("digraph "));
    CHECK(text.trimmed().endsWith('}'));
    CHECK(text.count(" -> ") == drawing->edges().size());

    CHECK_FALSE(panel.exportTo(dir.filePath(u"graph.bmp"_s), &error));
    CHECK(error.contains(u"bmp"_s));
}

TEST_CASE("Entity page: the Graph tab lays out the entity's neighbourhood only when shown", "[ui][graph]")
{
    EntityPage page;
    page.resize(1200, 800);
    page.setCatalog(Test::demoCatalog());
    REQUIRE(page.showEntity(u"component:default/shipment-service"_s));
    page.show();
    GraphPanel *panel = page.graphPanel();
    CHECK_FALSE(panel->scene()->drawing()); // not laid out while another tab shows
    settle(*panel, [&] { page.setCurrentTab(EntityPage::GraphTab); });
    REQUIRE(panel->scene()->drawing());
    CHECK(panel->scopeKind() == GraphScope::Kind::Neighbourhood);
    CHECK(panel->selectedRef() == u"component:default/shipment-service"_s);
    CHECK(shownRefs(*panel).contains(u"resource:default/shipments-db"_s));

    // Another entity: its own neighbourhood when the tab is shown again.
    REQUIRE(page.showEntity(u"api:default/shipment-api"_s));
    CHECK(page.currentTab() == EntityPage::OverviewTab); // a new entity opens on its overview
    settle(*panel, [&] { page.setCurrentTab(EntityPage::GraphTab); });
    CHECK(panel->root() == u"api:default/shipment-api"_s);
    CHECK(panel->selectedRef() == u"api:default/shipment-api"_s);

    // Opening a node from the tab navigates the page.
    QSignalSpy navigate(&page, &EntityPage::entityRequested);
    Q_EMIT panel->entityRequested(u"component:default/shipment-service"_s);
    CHECK(navigate.count() == 1);
}
