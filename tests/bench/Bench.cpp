// portolan-bench: figures for issue #2 on a workspace made by portolan-gen (or any workspace folder): descriptor
// load rates, Catalog::build, cache write and read (the cold start before first paint), search latency per
// keystroke, and resident memory per entity. It prints figures; nothing here passes or fails.
//
//   portolan-bench [--runs N] [--skip-single-core] [--json] [--label 100k] WORKSPACE
//   portolan-bench --combine 10k=a.json 100k=b.json 250k=c.json     one table, a column per workspace
//
// Memory is measured in child processes of this binary (--probe loader|cache), so that nothing the other
// measures allocated is counted. See README.md beside this file for what each figure means.
#include "cache/CacheDatabase.h"
#include "cache/CatalogStore.h"
#include "catalog/Catalog.h"
#include "catalog/DescriptorLoader.h"
#include "config/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThreadPool>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <optional>

#include <fcntl.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

namespace Portolan::Bench {

namespace {

using Core::Catalog;
using Core::CatalogQuery;
using Core::Entity;
using Core::Facet;
using Core::LoadResult;
using SteadyClock = std::chrono::steady_clock;

// Targets of issue #2, at 100k entities.
constexpr double firstPaintTargetMs = 1000.0;
constexpr double keystrokeTargetMs = 16.0;
constexpr double beyondRawTargetBytes = 2048.0;
// Targets of issue #10, at 100k entities.
constexpr double frameTargetMs = 50.0;
constexpr double validationRatioTarget = 3.0;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &progress()
{
    static QTextStream s(stderr);
    return s;
}

double msSince(SteadyClock::time_point start)
{
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

// --- Process memory -------------------------------------------------------------------------------------------

qint64 residentBytes()
{
    QFile f(u"/proc/self/statm"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QList<QByteArray> fields = f.readAll().simplified().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

qint64 peakResidentBytes()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).simplified().split(' ').value(0).toLongLong() * 1024;
        }
    }
    return -1;
}

// Gives freed heap pages back to the system, so RSS shows what is still held rather than what malloc keeps
// cached (in every arena, including those of the loader's worker threads).
void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

// --- Figures ----------------------------------------------------------------------------------------------------

enum class Format { Rate, Millis, Latency, Bytes, Megabytes, Count, Text };

QString formatName(Format f)
{
    switch (f) {
    case Format::Rate:
        return u"rate"_s;
    case Format::Millis:
        return u"ms"_s;
    case Format::Latency:
        return u"latency"_s;
    case Format::Bytes:
        return u"bytes"_s;
    case Format::Megabytes:
        return u"megabytes"_s;
    case Format::Count:
        return u"count"_s;
    case Format::Text:
        return u"text"_s;
    }
    return {};
}

Format formatFromName(const QString &name)
{
    for (Format f : {Format::Rate, Format::Millis, Format::Latency, Format::Bytes, Format::Megabytes, Format::Count}) {
        if (formatName(f) == name) {
            return f;
        }
    }
    return Format::Text;
}

struct Stats
{
    double median = 0;
    double min = 0;
    double max = 0;
    double p95 = 0;
    int n = 0;
};

Stats statsOf(std::vector<double> v)
{
    Stats s;
    if (v.empty()) {
        return s;
    }
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    s.n = int(n);
    s.min = v.front();
    s.max = v.back();
    s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    s.p95 = v[std::size_t(std::ceil(0.95 * double(n))) - 1]; // nearest rank
    return s;
}

struct Row
{
    QString key;
    QString label;
    Format format = Format::Text;
    Stats stats; // Rate, Millis, Latency
    double value = 0; // Bytes, Megabytes, Count
    QString text; // Text

    [[nodiscard]] QJsonObject toJson() const
    {
        QJsonObject o{{u"key"_s, key}, {u"label"_s, label}, {u"format"_s, formatName(format)}};
        switch (format) {
        case Format::Rate:
        case Format::Millis:
        case Format::Latency:
            o.insert(u"median"_s, stats.median);
            o.insert(u"min"_s, stats.min);
            o.insert(u"max"_s, stats.max);
            o.insert(u"p95"_s, stats.p95);
            o.insert(u"n"_s, stats.n);
            break;
        case Format::Bytes:
        case Format::Megabytes:
        case Format::Count:
            o.insert(u"value"_s, value);
            break;
        case Format::Text:
            o.insert(u"text"_s, text);
            break;
        }
        return o;
    }

    [[nodiscard]] static Row fromJson(const QJsonObject &o)
    {
        Row r;
        r.key = o.value(u"key"_s).toString();
        r.label = o.value(u"label"_s).toString();
        r.format = formatFromName(o.value(u"format"_s).toString());
        r.stats.median = o.value(u"median"_s).toDouble();
        r.stats.min = o.value(u"min"_s).toDouble();
        r.stats.max = o.value(u"max"_s).toDouble();
        r.stats.p95 = o.value(u"p95"_s).toDouble();
        r.stats.n = o.value(u"n"_s).toInt();
        r.value = o.value(u"value"_s).toDouble();
        r.text = o.value(u"text"_s).toString();
        return r;
    }
};

QString grouped(double v, int decimals = 0)
{
    static const QLocale english(QLocale::English);
    return english.toString(v, 'f', decimals);
}

QString millis(double ms)
{
    if (ms < 1) {
        return grouped(ms, 3);
    }
    if (ms < 10) {
        return grouped(ms, 2);
    }
    if (ms < 100) {
        return grouped(ms, 1);
    }
    return grouped(ms, 0);
}

QString cell(const Row &r)
{
    const Stats &s = r.stats;
    switch (r.format) {
    case Format::Rate:
        return s.n > 1 ? u"%1 /s [%2–%3]"_s.arg(grouped(s.median), grouped(s.min), grouped(s.max))
                       : u"%1 /s"_s.arg(grouped(s.median));
    case Format::Millis:
        return s.n > 1 ? u"%1 ms [%2–%3]"_s.arg(millis(s.median), millis(s.min), millis(s.max))
                       : u"%1 ms"_s.arg(millis(s.median));
    case Format::Latency:
        return u"%1 / %2 / %3 ms"_s.arg(millis(s.median), millis(s.p95), millis(s.max));
    case Format::Bytes:
        return u"%1 B"_s.arg(grouped(r.value));
    case Format::Megabytes:
        return u"%1 MB"_s.arg(grouped(r.value / 1e6, 1));
    case Format::Count:
        return grouped(r.value);
    case Format::Text:
        return r.text;
    }
    return {};
}

class Report final
{
public:
    void stat(const QString &key, const QString &label, Format format, const std::vector<double> &samples)
    {
        Row r;
        r.key = key;
        r.label = label;
        r.format = format;
        r.stats = statsOf(samples);
        m_rows.push_back(r);
    }
    void value(const QString &key, const QString &label, Format format, double v)
    {
        Row r;
        r.key = key;
        r.label = label;
        r.format = format;
        r.value = v;
        m_rows.push_back(r);
    }
    void text(const QString &key, const QString &label, const QString &t)
    {
        Row r;
        r.key = key;
        r.label = label;
        r.text = t;
        m_rows.push_back(r);
    }

    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows; }

private:
    std::vector<Row> m_rows;
};

// --- Markdown ---------------------------------------------------------------------------------------------------

struct Column
{
    QString label;
    std::vector<Row> rows;

    [[nodiscard]] const Row *find(const QString &key) const
    {
        const auto it = std::find_if(rows.begin(), rows.end(), [&key](const Row &r) { return r.key == key; });
        return it == rows.end() ? nullptr : &*it;
    }
};

void printTable(const std::vector<Column> &columns)
{
    std::vector<std::pair<QString, QString>> keys; // key, label in first-seen order
    for (const Column &c : columns) {
        for (const Row &r : c.rows) {
            if (std::none_of(keys.begin(), keys.end(), [&r](const auto &k) { return k.first == r.key; })) {
                keys.emplace_back(r.key, r.label);
            }
        }
    }
    QString header = u"| Measure |"_s;
    QString rule = u"| --- |"_s;
    for (const Column &c : columns) {
        header += u' ' + c.label + u" |"_s;
        rule += u" ---: |"_s;
    }
    out() << header << '\n' << rule << '\n';
    for (const auto &[key, label] : keys) {
        QString line = u"| "_s + label + u" |"_s;
        for (const Column &c : columns) {
            const Row *r = c.find(key);
            line += u' ' + (r ? cell(*r) : u"–"_s) + u" |"_s;
        }
        out() << line << '\n';
    }
    out().flush();
}

void printTargets(const std::vector<Column> &columns, const QString &targetLabel)
{
    const auto it = std::find_if(columns.begin(), columns.end(),
                                 [&targetLabel](const Column &c) { return c.label == targetLabel; });
    const Column &c = it != columns.end() ? *it : columns.back();
    const auto verdict = [](bool met) { return met ? u"met"_s : u"**MISSED**"_s; };
    out() << '\n'
          << u"Targets of issues #2 and #10 (defined at 100k; evaluated on the %1 column):"_s.arg(c.label) << '\n';
    if (const Row *r = c.find(u"first_paint"_s)) {
        out() << u"- First paint (cache read + Catalog::build) < 1 s: median %1 ms, worst %2 ms: %3"_s.arg(
            millis(r->stats.median), millis(r->stats.max), verdict(r->stats.median < firstPaintTargetMs))
              << '\n';
    }
    if (const Row *r = c.find(u"keystroke_all"_s)) {
        out() << u"- Each keystroke < 16 ms at p95 (Catalog::query): median %1, p95 %2, worst %3 ms: %4"_s.arg(
            millis(r->stats.median), millis(r->stats.p95), millis(r->stats.max),
            verdict(r->stats.p95 < keystrokeTargetMs))
              << '\n';
    }
    if (const Row *r = c.find(u"keystroke_counts"_s)) {
        out() << u"  (query + facet counts of all 8 facets, as a facet sidebar would: p95 %1, worst %2 ms: %3)"_s.arg(
            millis(r->stats.p95), millis(r->stats.max), verdict(r->stats.p95 < keystrokeTargetMs))
              << '\n';
    }
    if (const Row *r = c.find(u"gui_cold_list"_s)) {
        out() << u"- GUI launch to first paint (the catalog list) from the cache < 1 s (cold): median %1 ms, worst %2 "
                 u"ms: %3"_s.arg(millis(r->stats.median), millis(r->stats.max),
                                 verdict(r->stats.max < firstPaintTargetMs))
              << '\n';
    }
    if (const Row *r = c.find(u"gui_cold_start"_s)) {
        out() << u"  (the whole catalog, entity pages and scorecards included: median %1 ms, worst %2 ms)"_s.arg(
            millis(r->stats.median), millis(r->stats.max))
              << '\n';
    }
    if (const Row *r = c.find(u"resync_frame_worst"_s)) {
        out() << u"- No GUI frame over 50 ms during a background sync: worst %1 ms: %2"_s.arg(
            millis(r->stats.max), verdict(r->stats.max <= frameTargetMs))
              << '\n';
    }
    if (const Row *r = c.find(u"sync_frame_worst"_s)) {
        out() << u"  (the sync at start-up, with the start's own first paints: worst %1 ms: %2)"_s.arg(
            millis(r->stats.max), verdict(r->stats.max <= frameTargetMs))
              << '\n';
    }
    for (const auto &[key, what] : {std::pair{u"ratio_inprocess"_s, u"the same work in-process"_s},
                                    std::pair{u"ratio_cli"_s, u"portolan-cli validate, whole process"_s}}) {
        if (const Row *r = c.find(key)) {
            const double x = QString(r->text).remove(u"×"_s).toDouble();
            out() << u"- Validation at least 3× faster than Backstage's code on one core (%1): %2: %3"_s.arg(
                what, r->text, verdict(x >= validationRatioTarget))
                  << '\n';
        }
    }
    for (const auto &[key, what] : {std::pair{u"beyond_raw"_s, u"loaded from descriptors"_s},
                                    std::pair{u"beyond_raw_cache"_s, u"loaded from the cache"_s}}) {
        if (const Row *r = c.find(key)) {
            out() << u"- Memory beyond raw text < 2 KB per entity (%1): %2 B: %3"_s.arg(
                what, grouped(r->value), verdict(r->value < beyondRawTargetBytes))
                  << '\n';
        }
    }
    out().flush();
}

// --- Measures ---------------------------------------------------------------------------------------------------

struct Options
{
    QString workspace;
    int runs = 3;
    bool skipSingleCore = false;
    QString apps; // a build folder with app/portolan-cli and app/portolan: the process-level measures
    QString backstageScript; // tests/bench/backstage/validate.mjs with its node_modules installed: the peer
    QString descriptors; // the folder both validators read (default: WORKSPACE/catalog)
    bool skipGui = false;
};

LoadResult loadWorkspace(const QStringList &roots, bool parallel)
{
    Core::LoadOptions options;
    options.parallel = parallel;
    return Core::DescriptorLoader::load(roots, options);
}

std::optional<QJsonObject> runProbe(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QCoreApplication::applicationFilePath(), args);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        progress() << u"memory probe %1 failed"_s.arg(args.join(u' ')) << Qt::endl;
        return std::nullopt;
    }
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    const QJsonDocument doc = QJsonDocument::fromJson(lines.value(lines.size() - 1));
    if (!doc.isObject()) {
        return std::nullopt;
    }
    return doc.object();
}

void addMemoryRows(Report &report, const QJsonObject &probe, const QString &suffix, const QString &labelSuffix)
{
    const double n = probe.value(u"entities"_s).toDouble();
    if (n <= 0) {
        return;
    }
    const double before = probe.value(u"rssBefore"_s).toDouble();
    const double after = probe.value(u"rssAfter"_s).toDouble();
    const double peak = probe.value(u"rssPeak"_s).toDouble();
    const double raw = probe.value(u"rawBytes"_s).toDouble();
    report.value(u"rss_before"_s + suffix, u"RSS before loading"_s + labelSuffix, Format::Megabytes, before);
    report.value(u"rss_after"_s + suffix, u"RSS with the catalog built"_s + labelSuffix, Format::Megabytes, after);
    report.value(u"rss_per_entity"_s + suffix, u"RSS growth per entity"_s + labelSuffix, Format::Bytes,
                 (after - before) / n);
    report.value(u"beyond_raw"_s + suffix, u"RSS beyond raw text per entity"_s + labelSuffix, Format::Bytes,
                 (after - before - raw) / n);
    report.value(u"peak_per_entity"_s + suffix, u"Peak RSS growth per entity while loading"_s + labelSuffix,
                 Format::Bytes, (peak - before) / n);
    // glibc's own count: what the catalog's blocks take (with malloc's headers), and what was freed but stays
    // between them (temporaries of the load among blocks that are kept).
    if (probe.contains(u"heapInUse"_s)) {
        // From the cache the texts are not in memory (they stay in the cache until the YAML tab asks for one).
        const bool rawHeld = probe.value(u"rawHeld"_s).toBool(true);
        report.value(u"heap_in_use"_s + suffix,
                     (rawHeld ? u"Heap in use beyond raw text per entity (mallinfo2)"_s
                              : u"Heap in use per entity, no raw text held (mallinfo2)"_s)
                         + labelSuffix,
                     Format::Bytes, (probe.value(u"heapInUse"_s).toDouble() - (rawHeld ? raw : 0.0)) / n);
        report.value(u"heap_free"_s + suffix,
                     u"Heap freed but held between kept blocks per entity (mallinfo2)"_s + labelSuffix, Format::Bytes,
                     probe.value(u"heapFree"_s).toDouble() / n);
    }
}

struct Typing
{
    QString name;
    QString text;
    std::array<QStringList, Core::facetCount> facets{};
};

// --- Processes: the peer comparison and the applications -------------------------------------------------------

struct Timed
{
    double ms = 0;
    QByteArray out;
    bool ok = false;
};

// Runs a program to its end and times it from start to exit (wall). `environment` adds to this process's.
Timed runTimed(const QString &program, const QStringList &args, const QStringList &environment = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setStandardErrorFile(QProcess::nullDevice());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : environment) {
        const qsizetype eq = kv.indexOf(u'=');
        env.insert(kv.left(eq), kv.mid(eq + 1));
    }
    p.setProcessEnvironment(env);
    Timed t;
    const auto start = SteadyClock::now();
    p.start(program, args);
    if (!p.waitForStarted(-1) || !p.waitForFinished(-1)) {
        progress() << u"%1 did not run: %2"_s.arg(program, p.errorString()) << Qt::endl;
        return t;
    }
    t.ms = msSince(start);
    t.out = p.readAllStandardOutput();
    t.ok = p.exitStatus() == QProcess::NormalExit;
    return t;
}

// One core for a whole process tree: taskset pins the process and every thread it starts to CPU 0.
QStringList pinned(const QString &program, const QStringList &args)
{
    return QStringList{u"-c"_s, u"0"_s, program} + args;
}

// Drops a folder's files from the OS file cache (posix_fadvise DONTNEED on each), so that the next start reads
// them from the disk: a cold start after a reboot or a long pause.
void evictFromFileCache(const QString &folder)
{
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly)) {
            ::fdatasync(f.handle());
            ::posix_fadvise(f.handle(), 0, 0, POSIX_FADV_DONTNEED);
        }
    }
}

// The first number after `marker` in `text`, or -1.
double numberAfter(const QByteArray &text, const QByteArray &marker)
{
    const qsizetype at = text.indexOf(marker);
    if (at < 0) {
        return -1;
    }
    qsizetype i = at + marker.size();
    qsizetype j = i;
    while (j < text.size() && (std::isdigit(uchar(text.at(j))) || text.at(j) == '.')) {
        ++j;
    }
    bool ok = false;
    const double v = text.mid(i, j - i).toDouble(&ok);
    return ok ? v : -1;
}

QString ratio(double peerMs, double oursMs)
{
    return peerMs > 0 && oursMs > 0 ? QLocale(QLocale::English).toString(peerMs / oursMs, 'f', 1) + u"×"_s : u"-"_s;
}

void measureApps(const Options &options, Report &report, const std::vector<double> &portolanSingleMs)
{
    const int runs = std::max(1, options.runs);
    const QString cli = options.apps + u"/app/portolan-cli"_s;
    const QString gui = options.apps + u"/app/portolan"_s;
    const QString descriptors = options.descriptors.isEmpty() ? options.workspace + u"/catalog"_s : options.descriptors;

    // Backstage's code on the same files, one core (Node runs JavaScript on one thread; pinned so that its helper
    // threads do not get the second core either).
    double backstageMedian = 0;
    if (!options.backstageScript.isEmpty()) {
        progress() << u"Backstage catalog-model, %1 passes on one core..."_s.arg(runs) << Qt::endl;
        const Timed node =
            runTimed(u"taskset"_s,
                     pinned(u"node"_s, {options.backstageScript, u"--runs"_s, QString::number(runs), descriptors}));
        const QJsonObject o = QJsonDocument::fromJson(node.out.trimmed().split('\n').last()).object();
        std::vector<double> passes;
        for (const QJsonValue &v : o.value(u"runs"_s).toArray()) {
            passes.push_back(v.toDouble());
        }
        if (!passes.empty()) {
            report.stat(u"backstage_validate"_s,
                        u"Backstage (catalog-model %1, yaml, Node %2): read + parse + validate, 1 core"_s.arg(
                            u"1.10.3"_s, o.value(u"node"_s).toString()),
                        Format::Millis, passes);
            report.text(u"backstage_counts"_s, u"... files / entities / errors it saw"_s,
                        u"%1 / %2 / %3"_s.arg(o.value(u"files"_s).toInt())
                            .arg(o.value(u"entities"_s).toInt())
                            .arg(o.value(u"errors"_s).toInt()));
            backstageMedian = statsOf(passes).median;
        } else {
            progress() << "the Backstage script printed no result" << Qt::endl;
        }
    }

    std::vector<double> cliSingle;
    std::vector<double> cliAll;
    for (int r = 0; r < runs; ++r) {
        progress() << u"portolan-cli validate, run %1/%2..."_s.arg(r + 1).arg(runs) << Qt::endl;
        if (const Timed t = runTimed(u"taskset"_s, pinned(cli, {u"validate"_s, descriptors})); t.ms > 0) {
            cliSingle.push_back(t.ms);
        }
        if (const Timed t = runTimed(cli, {u"validate"_s, descriptors}); t.ms > 0) {
            cliAll.push_back(t.ms);
        }
    }
    report.stat(u"cli_validate_single"_s, u"portolan-cli validate, 1 core (whole process, references resolved too)"_s,
                Format::Millis, cliSingle);
    report.stat(u"cli_validate_all"_s, u"portolan-cli validate, all cores (whole process)"_s, Format::Millis, cliAll);
    if (backstageMedian > 0) {
        if (!portolanSingleMs.empty()) {
            report.text(u"ratio_inprocess"_s, u"**Backstage / Portolan, 1 core, the same work in-process**"_s,
                        ratio(backstageMedian, statsOf(portolanSingleMs).median));
        }
        report.text(u"ratio_cli"_s, u"**Backstage / portolan-cli validate, 1 core**"_s,
                    ratio(backstageMedian, statsOf(cliSingle).median));
    }

    if (options.skipGui) {
        return;
    }
    // The GUI: launch to the first painted catalog (--measure-startup), with a data folder of its own.
    QTemporaryDir data;
    QStringList env{u"PORTOLAN_DATA_DIR="_s + data.path()};
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        env.append(u"QT_QPA_PLATFORM=offscreen"_s);
    }
    const QStringList startup{u"--workspace"_s, options.workspace, u"--measure-startup"_s};
    const QByteArray marker = "first paint of the catalog: ";
    const QByteArray listMarker = "first paint of the list: ";
    progress() << "GUI: first start, no cache..." << Qt::endl;
    const Timed first = runTimed(gui, startup, env);
    if (const double ms = numberAfter(first.out, marker); ms > 0) {
        report.stat(u"gui_first_start"_s, u"GUI: launch to first paint, no cache yet (reads every descriptor)"_s,
                    Format::Millis, {ms});
    }
    std::vector<double> cold;
    std::vector<double> warm;
    std::vector<double> coldList;
    std::vector<double> warmList;
    for (int r = 0; r < runs; ++r) {
        progress() << u"GUI: cold and warm start from the cache, run %1/%2..."_s.arg(r + 1).arg(runs) << Qt::endl;
        evictFromFileCache(data.path());
        for (const bool isCold : {true, false}) {
            const Timed t = runTimed(gui, startup, env);
            if (const double ms = numberAfter(t.out, listMarker); ms > 0) {
                (isCold ? coldList : warmList).push_back(ms);
            }
            if (const double ms = numberAfter(t.out, marker); ms > 0 && t.out.contains("from the cache")) {
                (isCold ? cold : warm).push_back(ms);
            }
        }
    }
    report.stat(u"gui_cold_list"_s,
                u"**GUI: launch to the catalog list painted from the cache, cold** (cache not in the OS file cache)"_s,
                Format::Millis, coldList);
    report.stat(u"gui_warm_list"_s, u"GUI: launch to the catalog list painted from the cache, warm"_s, Format::Millis,
                warmList);
    report.stat(u"gui_cold_start"_s, u"GUI: launch to the whole catalog painted from the cache, cold"_s, Format::Millis,
                cold);
    report.stat(u"gui_warm_start"_s, u"GUI: launch to the whole catalog painted from the cache, warm"_s, Format::Millis,
                warm);

    // Frames while the workspace is read again in the background: the sync every start runs (overlapping the
    // start's own first paints), and a second sync of the window once it is up and idle (--measure-resync).
    for (const bool resync : {false, true}) {
        std::vector<double> worst;
        std::vector<double> p99;
        double over = 0;
        const QString key = resync ? u"resync_frame"_s : u"sync_frame"_s;
        const QString what = resync ? u"a background sync of the idle window"_s : u"the sync at start-up"_s;
        QStringList args{u"--workspace"_s, options.workspace, u"--measure-sync-frames"_s};
        if (resync) {
            args.append(u"--measure-resync"_s);
        }
        for (int r = 0; r < runs; ++r) {
            progress() << u"GUI: frames during %1, run %2/%3..."_s.arg(what).arg(r + 1).arg(runs) << Qt::endl;
            const Timed t = runTimed(gui, args, env);
            if (const double w = numberAfter(t.out, "worst "); w >= 0) {
                worst.push_back(w);
                p99.push_back(numberAfter(t.out, "p99 "));
                over = std::max(over, numberAfter(t.out, "ms; "));
            }
        }
        report.stat(key + u"_worst"_s,
                    (resync ? u"**GUI: worst frame during %1**"_s : u"GUI: worst frame during %1"_s).arg(what),
                    Format::Millis, worst);
        report.stat(key + u"_p99"_s, u"GUI: p99 frame during %1"_s.arg(what), Format::Millis, p99);
        report.value(key + u"_over"_s, u"GUI: frames over 50 ms during %1, worst run"_s.arg(what), Format::Count, over);
    }
}

Report runBench(const Options &options)
{
    Report report;
    auto ws = Core::Workspace::open(options.workspace);
    if (!ws.ok()) {
        progress() << ws.error().toString() << Qt::endl;
        return report;
    }
    const QStringList roots = ws->roots();
    const int runs = std::max(1, options.runs);
    const int threads = QThreadPool::globalInstance()->maxThreadCount();

    // Memory first, in a fresh process, before this one has touched the workspace.
    progress() << "memory probe (descriptors)..." << Qt::endl;
    const auto loaderProbe = runProbe({u"--probe"_s, u"loader"_s, options.workspace});

    // 1. Parse + validate.
    std::vector<double> singleRates;
    std::vector<double> singleMs;
    if (!options.skipSingleCore) {
        for (int r = 0; r < runs; ++r) {
            progress() << u"load, 1 core, run %1/%2..."_s.arg(r + 1).arg(runs) << Qt::endl;
            const auto start = SteadyClock::now();
            const LoadResult loaded = loadWorkspace(roots, false);
            const double ms = msSince(start);
            singleMs.push_back(ms);
            singleRates.push_back(double(loaded.entities.size()) / (ms / 1000.0));
        }
    }
    std::vector<double> parallelRates;
    std::vector<double> parallelMs;
    LoadResult loaded;
    for (int r = 0; r < runs; ++r) {
        progress() << u"load, %1 threads, run %2/%3..."_s.arg(threads).arg(r + 1).arg(runs) << Qt::endl;
        loaded = LoadResult();
        const auto start = SteadyClock::now();
        loaded = loadWorkspace(roots, true);
        const double ms = msSince(start);
        parallelMs.push_back(ms);
        parallelRates.push_back(double(loaded.entities.size()) / (ms / 1000.0));
    }
    const auto n = double(loaded.entities.size());
    qint64 rawBytes = 0;
    for (const Entity &e : loaded.entities) {
        rawBytes += e.raw.size();
    }

    report.value(u"entities"_s, u"Entities"_s, Format::Count, n);
    report.value(u"files"_s, u"Descriptor files read"_s, Format::Count, double(loaded.files.size()));
    report.value(u"threads"_s, u"Threads (QThreadPool default)"_s, Format::Count, threads);
    if (!singleRates.empty()) {
        report.stat(u"parse_single"_s, u"Parse + validate, 1 core (descriptors/s)"_s, Format::Rate, singleRates);
        report.stat(u"parse_single_ms"_s, u"Parse + validate, 1 core (wall)"_s, Format::Millis, singleMs);
    }
    report.stat(u"parse_parallel"_s, u"Parse + validate, all cores (descriptors/s)"_s, Format::Rate, parallelRates);
    report.stat(u"load_parallel_ms"_s, u"Full descriptor load, all cores (wall)"_s, Format::Millis, parallelMs);

    // 2. Catalog::build from the loaded entities (copies are made outside the timed part).
    std::vector<double> buildMs;
    Catalog::Ptr catalog;
    for (int r = 0; r < runs; ++r) {
        progress() << u"Catalog::build, run %1/%2..."_s.arg(r + 1).arg(runs) << Qt::endl;
        std::vector<Entity> copy = loaded.entities;
        Core::ErrorList problems = loaded.problems;
        catalog.reset();
        const auto start = SteadyClock::now();
        catalog = Catalog::build(std::move(copy), std::move(problems));
        buildMs.push_back(msSince(start));
    }
    report.stat(u"build"_s, u"Catalog::build"_s, Format::Millis, buildMs);
    const Core::ErrorList &problems = catalog->problems();
    const auto errors =
        std::count_if(problems.cbegin(), problems.cend(), [](const Core::Error &e) { return e.isError(); });
    report.value(u"relations"_s, u"Relations (both directions)"_s, Format::Count, catalog->relationCount());
    report.text(u"problems"_s, u"Problems (errors / warnings)"_s,
                u"%1 / %2"_s.arg(errors).arg(qsizetype(problems.size()) - errors));

    // 3. Cache write, then read + build: what a cold start does before its first paint.
    QTemporaryDir tmp;
    Core::SourceState source;
    source.id = u"workspace"_s;
    source.kind = u"workspace"_s;
    source.status = u"ok"_s;
    source.lastSync = QDateTime::currentDateTimeUtc();
    source.entityCount = int(n);
    std::vector<double> writeMs;
    QString cacheFile;
    qint64 cacheBytes = 0;
    for (int r = 0; r < runs; ++r) {
        progress() << u"cache write, run %1/%2..."_s.arg(r + 1).arg(runs) << Qt::endl;
        const QString path = tmp.filePath(u"cache-%1.sqlite"_s.arg(r));
        Core::CacheDatabase db;
        if (const auto opened = db.open(path); !opened.ok()) {
            progress() << opened.error().toString() << Qt::endl;
            break;
        }
        Core::CatalogStore store(db);
        const auto start = SteadyClock::now();
        const auto written = store.replaceSnapshot(source, loaded.entities, loaded.problems);
        writeMs.push_back(msSince(start));
        if (!written.ok()) {
            progress() << written.error().toString() << Qt::endl;
            break;
        }
        cacheBytes = QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size();
        db.close();
        if (!cacheFile.isEmpty()) {
            QFile::remove(cacheFile);
            QFile::remove(cacheFile + u"-wal"_s);
            QFile::remove(cacheFile + u"-shm"_s);
        }
        cacheFile = path;
    }
    report.stat(u"cache_write"_s, u"Cache write (CatalogStore::replaceSnapshot, fresh file)"_s, Format::Millis,
                writeMs);
    report.value(u"cache_size"_s, u"Cache file size (with WAL)"_s, Format::Megabytes, double(cacheBytes));

    std::vector<double> readMs;
    std::vector<double> rebuildMs;
    std::vector<double> firstPaintMs;
    std::vector<double> firstQueryMs;
    std::vector<double> firstListMs;
    for (int r = 0; r < runs && !cacheFile.isEmpty(); ++r) {
        progress() << u"cache read + build, run %1/%2..."_s.arg(r + 1).arg(runs) << Qt::endl;
        Catalog::Ptr fromCache;
        {
            const auto start = SteadyClock::now();
            Core::CacheDatabase db;
            if (const auto opened = db.open(cacheFile); !opened.ok()) {
                progress() << opened.error().toString() << Qt::endl;
                break;
            }
            auto snapshot = Core::CatalogStore(db).loadAll();
            if (!snapshot.ok()) {
                progress() << snapshot.error().toString() << Qt::endl;
                break;
            }
            const double read = msSince(start);
            const auto buildStart = SteadyClock::now();
            fromCache = Catalog::build(std::move(snapshot->entities), std::move(snapshot->problems));
            const double build = msSince(buildStart);
            const auto queryStart = SteadyClock::now();
            const std::vector<int> rows = fromCache->query(CatalogQuery{});
            const double query = msSince(queryStart);
            readMs.push_back(read);
            rebuildMs.push_back(build);
            firstPaintMs.push_back(read + build);
            firstQueryMs.push_back(query);
            firstListMs.push_back(read + build + query);
            if (fromCache->size() != int(n)) {
                progress() << u"cache returned %1 entities, expected %2"_s.arg(fromCache->size()).arg(n) << Qt::endl;
            }
        }
        fromCache.reset(); // outside the timed part
    }
    report.stat(u"cache_read"_s, u"Cache read (open + CatalogStore::loadAll)"_s, Format::Millis, readMs);
    report.stat(u"cache_build"_s, u"Catalog::build from the cache's entities"_s, Format::Millis, rebuildMs);
    report.stat(u"first_paint"_s, u"**First paint: cache read + Catalog::build**"_s, Format::Millis, firstPaintMs);
    report.stat(u"first_query"_s, u"First full-list query (computes the name sort order)"_s, Format::Millis,
                firstQueryMs);
    report.stat(u"first_list"_s, u"Cache read + build + first full-list query"_s, Format::Millis, firstListMs);

    // 4. Search, keystroke by keystroke, on the catalog built in step 2 (its sort order already computed by the
    // first query, as the list shown before any typing would).
    {
        (void)catalog->query(CatalogQuery{});
        std::vector<int> all(std::size_t(catalog->size()));
        std::iota(all.begin(), all.end(), 0);
        const QList<Core::FacetCount> owners = catalog->facetCounts(Facet::Owner, all);
        const QString topOwner = owners.isEmpty() ? QString() : owners.first().value;

        std::vector<Typing> typings;
        for (const QString &text : {u"payment"_s, u"shipment api"_s, u"team-7"_s, u"kafka"_s, u"waybills"_s,
                                    u"invoice serv"_s, u"qqzx nothing"_s}) {
            typings.push_back({u"text"_s, text, {}});
        }
        Typing kind{u"facet"_s, u"payment"_s, {}};
        kind.facets[std::size_t(Facet::Kind)] = QStringList{u"Component"_s};
        typings.push_back(kind);
        Typing owner{u"facet"_s, u"kafka"_s, {}};
        owner.facets[std::size_t(Facet::Owner)] = QStringList{topOwner};
        typings.push_back(owner);
        Typing both{u"facet"_s, u"db"_s, {}};
        both.facets[std::size_t(Facet::Kind)] = QStringList{u"Resource"_s};
        both.facets[std::size_t(Facet::Owner)] = QStringList{topOwner};
        typings.push_back(both);

        std::vector<double> textMs;
        std::vector<double> facetMs;
        std::vector<double> allMs;
        std::vector<double> countsMs;
        std::size_t sink = 0;
        for (int r = 0; r < runs; ++r) {
            progress() << u"typing, run %1/%2..."_s.arg(r + 1).arg(runs) << Qt::endl;
            for (const Typing &t : typings) {
                const bool facets = t.name == u"facet"_s;
                // As the catalog view does: each keystroke passes the previous result back to Catalog::run(),
                // which then searches only the earlier matches when the text grew.
                Core::QueryResult previous;
                Core::QueryResult previousWithCounts;
                bool hasPrevious = false;
                // A facet toggle is a step of its own (empty text), then each character typed.
                for (qsizetype len = facets ? 0 : 1; len <= t.text.size(); ++len) {
                    CatalogQuery q;
                    q.text = t.text.left(len);
                    q.facets = t.facets;
                    auto start = SteadyClock::now();
                    Core::QueryResult result = catalog->run(q, hasPrevious ? &previous : nullptr, false);
                    const double ms = msSince(start);
                    sink += result.rows.size();
                    (facets ? facetMs : textMs).push_back(ms);
                    allMs.push_back(ms);

                    start = SteadyClock::now();
                    Core::QueryResult withCounts = catalog->run(q, hasPrevious ? &previousWithCounts : nullptr, true);
                    for (const auto &counts : withCounts.facetCounts) {
                        sink += std::size_t(counts.size());
                    }
                    countsMs.push_back(msSince(start));
                    previous = std::move(result);
                    previousWithCounts = std::move(withCounts);
                    hasPrevious = true;
                }
            }
        }
        progress() << u"(%1 result rows in total)"_s.arg(sink) << Qt::endl;
        report.value(u"keystrokes"_s, u"Keystrokes simulated (per run × runs)"_s, Format::Count, double(allMs.size()));
        report.stat(u"keystroke_text"_s, u"Keystroke, text only (Catalog::run): median / p95 / worst"_s,
                    Format::Latency, textMs);
        report.stat(u"keystroke_facets"_s, u"Keystroke, with Kind/Owner facets: median / p95 / worst"_s,
                    Format::Latency, facetMs);
        report.stat(u"keystroke_all"_s, u"**Keystroke, all: median / p95 / worst**"_s, Format::Latency, allMs);
        report.stat(u"keystroke_counts"_s, u"Keystroke with the facet counts of all 8 facets: median / p95 / worst"_s,
                    Format::Latency, countsMs);
    }

    // 5. Memory.
    report.value(u"raw_per_entity"_s, u"Raw descriptor text per entity (Entity::raw)"_s, Format::Bytes,
                 n > 0 ? double(rawBytes) / n : 0);
    if (loaderProbe) {
        addMemoryRows(report, *loaderProbe, QString(), QString());
    }
    if (!cacheFile.isEmpty()) {
        progress() << "memory probe (cache)..." << Qt::endl;
        if (const auto cacheProbe = runProbe({u"--probe"_s, u"cache"_s, cacheFile})) {
            addMemoryRows(report, *cacheProbe, u"_cache"_s, u", from the cache"_s);
        }
    }
    const std::size_t searchBytes = catalog->searchIndex().memoryBytes();
    report.value(u"search_index"_s, u"SearchIndex::memoryBytes()"_s, Format::Megabytes, double(searchBytes));
    report.value(u"search_index_per_entity"_s, u"SearchIndex::memoryBytes() per entity"_s, Format::Bytes,
                 n > 0 ? double(searchBytes) / n : 0);
    catalog.reset();
    loaded = LoadResult();
    if (!options.apps.isEmpty()) {
        measureApps(options, report, singleMs);
    }
    return report;
}

// --probe loader WORKSPACE | --probe cache FILE: prints one JSON line with RSS before and after.
int runProbeMode(const QString &mode, const QString &path)
{
    Catalog::Ptr catalog;
    qint64 rawBytes = 0;
    qint64 before = 0;
    int entities = 0;
    if (mode == u"loader"_s) {
        auto ws = Core::Workspace::open(path);
        if (!ws.ok()) {
            return 1;
        }
        // Warm-up on a small folder, so one-time allocations (Qt and yaml-cpp statics, the thread pool, the
        // loader's regular expressions) are not counted per entity.
        {
            LoadResult warm = loadWorkspace({ws->root + u"/catalog/domains"_s}, true);
            const Catalog::Ptr c = Catalog::build(std::move(warm.entities));
            (void)c->query(CatalogQuery{});
        }
        releaseFreedMemory();
        before = residentBytes();
        LoadResult loaded = loadWorkspace(ws->roots(), true);
        for (const Entity &e : loaded.entities) {
            rawBytes += e.raw.size();
        }
        entities = int(loaded.entities.size());
        catalog = Catalog::build(std::move(loaded.entities), std::move(loaded.problems));
    } else if (mode == u"cache"_s) {
        Core::CacheDatabase db;
        if (!db.open(path).ok()) {
            return 1;
        }
        {
            const Catalog::Ptr c = Catalog::build({});
            (void)c->query(CatalogQuery{});
        }
        releaseFreedMemory();
        before = residentBytes();
        {
            auto snapshot = Core::CatalogStore(db).loadAll();
            if (!snapshot.ok()) {
                return 1;
            }
            entities = int(snapshot->entities.size());
            catalog = Catalog::build(std::move(snapshot->entities), std::move(snapshot->problems));
        }
        // The entities from the cache come without their texts (they stay in the cache); the allowance is the
        // same as from the descriptors: the texts' size.
        QSqlQuery q(db.database());
        if (q.exec(u"SELECT coalesce(sum(length(raw)), 0) FROM entities"_s) && q.next()) {
            rawBytes = q.value(0).toLongLong();
        }
    } else {
        return 2;
    }
    // The list shown first computes the name order; that is part of what the catalog holds from then on.
    (void)catalog->query(CatalogQuery{});
    releaseFreedMemory();
    const qint64 after = residentBytes();
    const QJsonObject o
    {
        {u"entities"_s, entities}, {u"rawBytes"_s, double(rawBytes)}, {u"rawHeld"_s, mode == u"loader"_s},
            {u"rssBefore"_s, double(before)}, {u"rssAfter"_s, double(after)},
            {u"rssPeak"_s, double(peakResidentBytes())},
#if defined(__GLIBC__)
            {u"heapInUse"_s, double(mallinfo2().uordblks)}, {u"heapFree"_s, double(mallinfo2().fordblks)},
#endif
        {
            u"searchBytes"_s, double(catalog->searchIndex().memoryBytes())
        }
    };
    out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
    out().flush();
    return 0;
}

int runCombine(const QStringList &specs, const QString &targetLabel)
{
    std::vector<Column> columns;
    for (const QString &spec : specs) {
        const qsizetype eq = spec.indexOf(u'=');
        const QString label = eq > 0 ? spec.left(eq) : QFileInfo(spec).baseName();
        QFile f(eq > 0 ? spec.mid(eq + 1) : spec);
        if (!f.open(QIODevice::ReadOnly)) {
            progress() << u"cannot read %1"_s.arg(f.fileName()) << Qt::endl;
            return 1;
        }
        Column c{label, {}};
        for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).object().value(u"rows"_s).toArray()) {
            c.rows.push_back(Row::fromJson(v.toObject()));
        }
        columns.push_back(std::move(c));
    }
    if (columns.empty()) {
        return 2;
    }
    printTable(columns);
    printTargets(columns, targetLabel);
    return 0;
}

} // namespace

} // namespace Portolan::Bench

int main(int argc, char *argv[])
{
    using namespace Portolan::Bench;
    QLoggingCategory::setFilterRules(u"portolan.*.debug=false\nportolan.*.info=false"_s);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"portolan-bench"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Benchmarks for issue #2 on a workspace folder (see tests/bench/README.md). Prints a markdown table."_s);
    parser.addHelpOption();
    parser.addOption(
        {u"runs"_s, u"Runs per measure; the median is reported with min and max (default 3)."_s, u"n"_s, u"3"_s});
    parser.addOption({u"skip-single-core"_s, u"Skip the single-core load (slow at 250k)."_s});
    parser.addOption({u"json"_s, u"Print JSON (for --combine) instead of a markdown table."_s});
    parser.addOption({u"label"_s, u"Column label (default: the entity count, e.g. 100k)."_s, u"label"_s});
    parser.addOption({u"combine"_s, u"Print one table from JSON results given as LABEL=FILE arguments."_s});
    parser.addOption({u"targets"_s, u"Column the issue's targets are checked on with --combine (default 100k)."_s,
                      u"label"_s, u"100k"_s});
    parser.addOption({u"probe"_s, u"Internal: memory probe, 'loader' (WORKSPACE) or 'cache' (FILE)."_s, u"mode"_s});
    parser.addOption(
        {u"apps"_s, u"A build folder: time its portolan-cli validate and the GUI's start and frames."_s, u"dir"_s});
    parser.addOption(
        {u"backstage"_s, u"tests/bench/backstage/validate.mjs (npm-installed): the peer comparison."_s, u"script"_s});
    parser.addOption({u"descriptors"_s, u"The folder both validators read (default: WORKSPACE/catalog)."_s, u"dir"_s});
    parser.addOption({u"skip-gui"_s, u"With --apps: leave the GUI out."_s});
    parser.addPositionalArgument(u"WORKSPACE"_s, u"A workspace folder (portolan.yaml at its root)."_s);
    parser.process(app);
    const QStringList args = parser.positionalArguments();

    if (parser.isSet(u"probe"_s)) {
        return args.size() == 1 ? runProbeMode(parser.value(u"probe"_s), args.first()) : 2;
    }
    if (parser.isSet(u"combine"_s)) {
        return runCombine(args, parser.value(u"targets"_s));
    }
    if (args.size() != 1) {
        parser.showHelp(2);
    }
    Options options;
    options.workspace = QDir::cleanPath(QFileInfo(args.first()).absoluteFilePath());
    options.runs = parser.value(u"runs"_s).toInt();
    options.skipSingleCore = parser.isSet(u"skip-single-core"_s);
    options.apps = parser.value(u"apps"_s);
    options.backstageScript = parser.value(u"backstage"_s);
    options.descriptors = parser.value(u"descriptors"_s);
    options.skipGui = parser.isSet(u"skip-gui"_s);

    const Report report = runBench(options);
    if (report.rows().empty()) {
        return 1;
    }
    const auto entities = report.rows().front().value;
    QString label = parser.value(u"label"_s);
    if (label.isEmpty()) {
        label = entities >= 1000 ? u"%1k"_s.arg(std::lround(entities / 1000)) : QString::number(entities);
    }
    if (parser.isSet(u"json"_s)) {
        QJsonArray rows;
        for (const Row &r : report.rows()) {
            rows.append(r.toJson());
        }
        const QJsonObject o{{u"label"_s, label}, {u"workspace"_s, options.workspace}, {u"rows"_s, rows}};
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        out().flush();
        return 0;
    }
    const std::vector<Column> columns{{label, report.rows()}};
    printTable(columns);
    printTargets(columns, label);
    return 0;
}
