// Frame times of the graph view at thousands of boxes: the Graph page's own panel (GraphPanel: worker layout,
// GraphScene items, GraphView) on a workspace from portolan-gen, with grouping off so every entity is a box. Each
// frame moves the view (a pan step or a zoom step) and repaints the viewport synchronously; the time of that repaint
// is the frame time. Also prints the layout time and the memory the scene added. Prints figures; not pass/fail.
//   QT_QPA_PLATFORM=offscreen portolan_bench_graph_view --workspace DIR [--frames 120] [--size 1500x900]
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

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(u"workspace"_s, u"A workspace (portolan-gen output)"_s, u"dir"_s);
    const QCommandLineOption framesOption(u"frames"_s, u"Frames per scenario"_s, u"n"_s, u"120"_s);
    const QCommandLineOption sizeOption(u"size"_s, u"Viewport size"_s, u"WxH"_s, u"1500x900"_s);
    parser.addOptions({workspaceOption, framesOption, sizeOption});
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
    panel.setGrouping(Ui::GraphPanel::Grouping::None);
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
    const auto pan = [&](int i) {
        // 12 px per frame, sweeping right then down, as a drag would.
        h->setValue(h->value() + ((i / 40) % 2 ? -12 : 12));
        v->setValue(v->value() + (i % 40 == 39 ? 60 : 0));
    };
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
    for (qreal zoom : {0.25, 0.5, 1.0}) {
        view.setZoom(zoom);
        view.centerOn(drawing->size().width() / 2, drawing->size().height() / 2);
        report(u"zoom %1: pan"_s.arg(zoom), measure(view, frames, pan));
    }
    view.setZoom(1.0);
    view.centerOn(drawing->size().width() / 2, drawing->size().height() / 2);
    report(u"zoom steps 1.0 -> fit -> 1.0"_s, measure(view, frames, [&](int i) {
               const qreal factor = (i / (frames / 2)) % 2 ? 1.06 : 1 / 1.06;
               view.zoomBy(factor);
           }));
    return 0;
}
