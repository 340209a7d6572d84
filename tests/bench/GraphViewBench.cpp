// Frame times of the graph view at thousands of boxes: the Graph page's own panel (GraphPanel: worker layout,
// GraphScene, GraphView) on a workspace from portolan-gen, with grouping off so every entity is a box (or --group). Two
// kinds of frame: a full repaint after the view moved (what zooming costs, and a jump), timed synchronously; and a
// drag, where the scroll bars move, the view scrolls what it shows and repaints the strips that came into view,
// delivered by the event loop as on screen. Also prints the layout time, the memory the scene added, and whether the
// window after a drag has the same pixels as a fresh paint (seams). Prints figures; not pass/fail.
//   QT_QPA_PLATFORM=offscreen portolan_bench_graph_view --workspace DIR [--frames 120] [--size 1500x900] [--shots DIR]
//     [--group none|system|owner]
#include "catalog/Catalog.h"
#include "catalog/DescriptorLoader.h"
#include "config/Workspace.h"
#include "graph/GraphPanel.h"
#include "graph/GraphScene.h"
#include "graph/GraphView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QScreen>
#include <QScrollBar>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace Portolan;
using namespace Qt::StringLiterals;

namespace {

// Resident memory in MiB, from /proc/self/status.
double residentMiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return 0;
}

// Pixels that differ between two images of one size (both converted to ARGB32), or -1 if the sizes differ.
qsizetype differingPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size()) {
        return -1;
    }
    const QImage left = a.convertToFormat(QImage::Format_ARGB32);
    const QImage right = b.convertToFormat(QImage::Format_ARGB32);
    qsizetype differing = 0;
    for (int y = 0; y < left.height(); ++y) {
        const auto *l = reinterpret_cast<const QRgb *>(left.constScanLine(y));
        const auto *r = reinterpret_cast<const QRgb *>(right.constScanLine(y));
        for (int x = 0; x < left.width(); ++x) {
            differing += l[x] != r[x] ? 1 : 0;
        }
    }
    return differing;
}

struct Frames
{
    double median = 0;
    double p95 = 0;
    double worst = 0;
};

Frames summarise(std::vector<double> times)
{
    std::sort(times.begin(), times.end());
    Frames f;
    f.median = times[times.size() / 2];
    f.p95 = times[std::min(times.size() - 1, times.size() * 95 / 100)];
    f.worst = times.back();
    return f;
}

// `frames` repaints, each after `step` moved the view.
template<typename Step>
Frames measure(Ui::GraphView &view, int frames, Step step)
{
    std::vector<double> times;
    for (int i = 0; i < frames; ++i) {
        step(i);
        QElapsedTimer timer;
        timer.start();
        view.viewport()->repaint();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return summarise(times);
}

// `frames` pans as a drag does: the scroll bars move, the view scrolls what it already shows and repaints the strip
// that came into view, delivered by the event loop as on screen.
template<typename Step>
Frames measureScroll(int frames, Step step)
{
    std::vector<double> times;
    QCoreApplication::processEvents();
    for (int i = 0; i < frames; ++i) {
        QElapsedTimer timer;
        timer.start();
        step(i);
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return summarise(times);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(u"workspace"_s, u"A workspace (portolan-gen output)"_s, u"dir"_s);
    const QCommandLineOption framesOption(u"frames"_s, u"Frames per scenario"_s, u"n"_s, u"120"_s);
    const QCommandLineOption sizeOption(u"size"_s, u"Viewport size"_s, u"WxH"_s, u"1500x900"_s);
    const QCommandLineOption shotsOption(
        u"shots"_s,
        u"Save the view at each zoom here: zoom-Z.png after full repaints, drag-Z.png and fresh-Z.png after a drag"_s,
        u"dir"_s);
    const QCommandLineOption groupOption(u"group"_s, u"Boxes: none (every entity), system or owner"_s, u"by"_s,
                                         u"none"_s);
    parser.addOptions({workspaceOption, framesOption, sizeOption, shotsOption, groupOption});
    parser.process(app);
    const int frames = std::max(10, parser.value(framesOption).toInt());
    const QStringList size = parser.value(sizeOption).split(u'x');

    auto workspace = Core::Workspace::open(parser.value(workspaceOption));
    if (!workspace) {
        QTextStream(stderr) << workspace.error().message << Qt::endl;
        return 1;
    }
    Core::LoadResult loaded = Core::DescriptorLoader::load(workspace->roots());
    const Core::Catalog::Ptr catalog = Core::Catalog::build(std::move(loaded.entities), loaded.problems);
    QTextStream out(stdout);

    const double before = residentMiB();
    Ui::GraphPanel panel(Ui::GraphPanel::Mode::Page);
    panel.resize(size.value(0).toInt(), size.value(1).toInt());
    panel.show();
    const QString group = parser.value(groupOption);
    panel.setGrouping(group == u"system"_s  ? Ui::GraphPanel::Grouping::System
                      : group == u"owner"_s ? Ui::GraphPanel::Grouping::Owner
                                            : Ui::GraphPanel::Grouping::None);
    panel.setCatalog(catalog);
    panel.setScopeKind(Core::GraphScope::Kind::Catalog);
    QElapsedTimer wait;
    wait.start();
    // The first request (the busiest system) and then the whole catalog: wait for the catalog's drawing.
    while (!panel.scene()->drawing() || panel.isBusy()
           || panel.scene()->graph()->nodes().size() < qsizetype(catalog->size())) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (wait.elapsed() > 600000) {
            out << "layout did not finish in 10 minutes" << Qt::endl;
            return 1;
        }
    }
    const Core::GraphDrawing *drawing = panel.scene()->drawing();
    const double after = residentMiB();
    Ui::GraphView &view = *panel.view();
    out << "entities " << catalog->size() << ", boxes " << drawing->nodes().size() << ", lines "
        << drawing->edges().size() << ", scene " << qRound(drawing->size().width()) << " x "
        << qRound(drawing->size().height()) << ", crossings " << drawing->crossings() << Qt::endl;
    out << "layout (cut, measure, lay out; worker) " << panel.lastLayoutMs() << " ms; memory for panel and scene "
        << QString::number(after - before, 'f', 1) << " MiB (RSS " << QString::number(after, 'f', 1) << " MiB)"
        << Qt::endl;
    out << u"scenario"_s.leftJustified(34) << u"median ms"_s.rightJustified(10) << u"p95 ms"_s.rightJustified(9)
        << u"worst ms"_s.rightJustified(10) << u"fps (median)"_s.rightJustified(14) << Qt::endl;
    const auto report = [&out](const QString &name, const Frames &f) {
        out << name.leftJustified(34) << QString::number(f.median, 'f', 2).rightJustified(10)
            << QString::number(f.p95, 'f', 2).rightJustified(9) << QString::number(f.worst, 'f', 2).rightJustified(10)
            << QString::number(1000.0 / std::max(f.median, 0.001), 'f', 0).rightJustified(14) << Qt::endl;
    };

    QScrollBar *h = view.horizontalScrollBar();
    QScrollBar *v = view.verticalScrollBar();
    // A diagonal drag of `step` px per frame, turning back horizontally every 40 frames (a catalog's drawing is
    // often narrower than the view at low zoom: then only the vertical part moves it).
    const auto drag = [&](int step) {
        return [&, step](int i) {
            h->setValue(h->value() + ((i / 40) % 2 ? -step : step));
            v->setValue(v->value() + step);
        };
    };
    const auto pan = drag(12);
    // The first frame that paints items pays for the scene's index; the user sees it as a pause on first zoom-in.
    view.setZoom(1.0);
    {
        QElapsedTimer first;
        first.start();
        view.viewport()->repaint();
        out << "first frame with items (zoom 1): " << first.elapsed() << " ms" << Qt::endl;
    }
    view.fit();
    report(u"whole graph in view (fit): pan"_s, measure(view, frames, pan));
    report(u"whole graph in view (fit): drag"_s, measureScroll(frames, pan));
    QStringList seams;
    for (qreal zoom : {0.25, 0.5, 1.0}) {
        view.setZoom(zoom);
        view.centerOn(drawing->size().width() / 2, drawing->size().height() / 2);
        report(u"zoom %1: full repaints"_s.arg(zoom), measure(view, frames, pan));
        if (parser.isSet(shotsOption)) {
            view.viewport()->grab().save(u"%1/zoom-%2.png"_s.arg(parser.value(shotsOption)).arg(zoom));
        }
        report(u"zoom %1: drag 12 px/frame"_s.arg(zoom), measureScroll(frames, pan));
        // What the window shows after the drag, put together from strips, against the whole view painted afresh:
        // the same pixels, or panning leaves seams.
        const QRect viewport(view.viewport()->mapTo(&panel, QPoint(0, 0)), view.viewport()->size());
        const QImage dragged = panel.screen()->grabWindow(panel.winId()).toImage().copy(viewport);
        const QImage fresh = panel.grab().toImage().copy(viewport);
        seams.append(u"%1: %2"_s.arg(zoom).arg(differingPixels(dragged, fresh)));
        if (parser.isSet(shotsOption)) {
            dragged.save(u"%1/drag-%2.png"_s.arg(parser.value(shotsOption)).arg(zoom));
            fresh.save(u"%1/fresh-%2.png"_s.arg(parser.value(shotsOption)).arg(zoom));
        }
        report(u"zoom %1: drag 48 px/frame"_s.arg(zoom), measureScroll(frames, drag(48)));
    }
    view.setZoom(1.0);
    view.centerOn(drawing->size().width() / 2, drawing->size().height() / 2);
    report(u"zoom steps 1.0 -> fit -> 1.0"_s, measure(view, frames, [&](int i) {
               const qreal factor = (i / (frames / 2)) % 2 ? 1.06 : 1 / 1.06;
               view.zoomBy(factor);
           }));
    out << "pixels that differ between the window after a drag and a fresh paint (zoom: pixels): "
        << seams.join(u", "_s) << Qt::endl;
    return 0;
}
