// portolan: the desktop GUI. Wiring only; the work is in portolan_ui and portolan_core.
#include "MainWindow.h"
#include "ScorecardsController.h"
#include "SingleInstance.h"
#include "Theme.h"
#include "UiSettings.h"
#include "WorkspaceSession.h"
#include "catalog/Catalog.h"
#include "config/AppInfo.h"
#include "config/DeepLink.h"
#include "config/Paths.h"
#include "config/Workspace.h"
#include "graph/GraphPanel.h"
#include "models/FacetModel.h"
#include "pages/CatalogPage.h"
#include "pages/EntityPage.h"
#include "pages/SourcesPage.h"
#include "widgets/ProblemsPanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QLibraryInfo>
#include <QLocale>
#include <QMetaEnum>
#include <QSettings>
#include <QThread>
#include <QTimer>
#include <QTranslator>
#include <QUrl>

#include <algorithm>
#include <memory>
#include <vector>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Portolan;

namespace {

// For --measure-sync-frames: the start of every event the GUI thread handles, kept for the last few seconds.
class FrameTrace final : public QObject
{
public:
    explicit FrameTrace(QObject *parent)
        : QObject(parent)
    {
        m_clock.start();
        qApp->installEventFilter(this);
    }

    // The events since `frameMicros` ago, each with how long it was until the next one began.
    void print(qint64 frameMicros) const
    {
        const qint64 now = m_clock.nsecsElapsed() / 1000;
        const qint64 from = now - frameMicros;
        std::fprintf(stderr, "long frame %.1f ms at %.3f s after launch\n", double(frameMicros) / 1000.0,
                     double(now) / 1e6);
        const QMetaEnum types = QMetaEnum::fromType<QEvent::Type>();
        for (std::size_t i = 0; i < m_events.size(); ++i) {
            const Event &e = m_events[i];
            const qint64 next = i + 1 < m_events.size() ? m_events[i + 1].at : now;
            if (e.at >= from && next - e.at >= 2000) {
                const char *type = types.valueToKey(e.type);
                std::fprintf(stderr, "  +%6.1f ms %6.1f ms  %s to %s\n", double(e.at - from) / 1000.0,
                             double(next - e.at) / 1000.0, type ? type : "?", e.receiver);
            }
        }
    }

protected:
    bool eventFilter(QObject *receiver, QEvent *event) override
    {
        if (QThread::currentThread() == thread()) {
            m_events.push_back(
                {m_clock.nsecsElapsed() / 1000, int(event->type()), receiver->metaObject()->className()});
            if (m_events.size() > 20'000) {
                m_events.erase(m_events.begin(), m_events.begin() + 10'000);
            }
        }
        return false;
    }

private:
    struct Event
    {
        qint64 at; // microseconds since the trace began
        int type;
        const char *receiver; // its class
    };
    QElapsedTimer m_clock;
    std::vector<Event> m_events;
};

// --lang must be known before the translators (and so the translated --help) are set up.
QString requestedLanguage(const QStringList &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--lang"_s && i + 1 < args.size()) {
            return args[i + 1];
        }
        if (args[i].startsWith(u"--lang="_s)) {
            return args[i].mid(7);
        }
    }
    return qEnvironmentVariable("PORTOLAN_LANG");
}

void installTranslators(QApplication &app, const QLocale &locale)
{
    // English is the source language; its translation file carries only the plural forms ("1 entity").
    // Languages without a translation fall back to it.
    auto *portolan = new QTranslator(&app);
    if (portolan->load(locale, u"portolan"_s, u"_"_s, u":/i18n"_s) || portolan->load(u"portolan_en"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(portolan);
    }
    // Qt's own strings (standard buttons, file dialogs) when the system has them.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Portolan"_s);
    QApplication::setOrganizationName(u"Portolan"_s);
    QApplication::setApplicationDisplayName(u"Portolan"_s);
    QApplication::setApplicationVersion(Core::AppInfo::version);
    QGuiApplication::setDesktopFileName(Core::AppInfo::id);

    // With PORTOLAN_DATA_DIR set (tests, screenshots, portable use) the settings live there too, so such runs
    // neither read nor change the user's own settings.
    if (!qEnvironmentVariableIsEmpty("PORTOLAN_DATA_DIR")) {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, Core::Paths::dataDir());
    }

    // --lang or PORTOLAN_LANG, else the one chosen in Preferences, else the system's.
    QString language = requestedLanguage(QCoreApplication::arguments());
    if (language.isEmpty()) {
        language = QSettings().value(Ui::SettingsKeys::language).toString();
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty()) {
        QLocale::setDefault(locale);
    }
    installTranslators(app, locale);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Portolan, a native desktop internal developer portal."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        u"workspace"_s,
        QCoreApplication::translate("main", "Open the workspace in this folder, or in this git repository (a URL such "
                                            "as https://host/org/repo.git, cloned on the first sync)."),
        QCoreApplication::translate("main", "dir|url"));
    const QCommandLineOption branchOption(
        u"branch"_s,
        QCoreApplication::translate("main", "The branch of a git workspace (default: its default branch)."),
        QCoreApplication::translate("main", "branch"));
    const QCommandLineOption langOption(
        u"lang"_s, QCoreApplication::translate("main", "Use this language (for example de) instead of the system's."),
        QCoreApplication::translate("main", "language"));
    const QCommandLineOption demoOption(u"demo"_s,
                                        QCoreApplication::translate("main", "Open the bundled demo workspace."));
    // Start at login: in the system tray, without the window (shown as usual when there is no tray).
    const QCommandLineOption trayOption(
        u"tray"_s, QCoreApplication::translate("main", "Start in the system tray, without opening the window."));
    const QCommandLineOption newInstanceOption(
        u"new-instance"_s,
        QCoreApplication::translate("main", "Open another window even when Portolan is running (by default a "
                                            "second launch hands its links and folders to the running one)."));
    parser.addPositionalArgument(
        u"links"_s,
        QCoreApplication::translate("main", "portolan:// links to open (portolan://entity/<ref>, "
                                            "portolan://action/<id>?entity=<ref>, portolan://run/<id>), or a "
                                            "workspace folder."),
        QCoreApplication::translate("main", "[link|folder...]"));
    // Deep links for development and screenshots; not part of the documented interface yet.
    QCommandLineOption openEntityOption(
        u"open-entity"_s, QCoreApplication::translate("main", "Open this entity once the catalog is loaded."),
        QCoreApplication::translate("main", "ref"));
    QCommandLineOption searchOption(u"search"_s, QCoreApplication::translate("main", "Start with this search text."),
                                    QCoreApplication::translate("main", "text"));
    QCommandLineOption facetOption(
        u"facet"_s, QCoreApplication::translate("main", "Start with this facet value selected (repeatable)."),
        QCoreApplication::translate("main", "facet=value"));
    QCommandLineOption showProblemsOption(u"show-problems"_s,
                                          QCoreApplication::translate("main", "Show the Problems panel."));
    QCommandLineOption openProblemOption(
        u"open-problem"_s,
        QCoreApplication::translate("main", "Open the file of the first problem once the catalog is loaded."));
    QCommandLineOption tabOption(
        u"entity-tab"_s,
        QCoreApplication::translate("main", "Entity page tab to show: overview, ci, pulls, deployments, runtime, "
                                            "operations, "
                                            "scorecards, relations, graph or yaml."),
        QCoreApplication::translate("main", "tab"));
    QCommandLineOption pageOption(
        u"page"_s,
        QCoreApplication::translate("main",
                                    "Page to show: catalog, graph, scorecards, actions, runs, inbox or sources."),
        QCoreApplication::translate("main", "page"));
    QCommandLineOption graphOption(u"graph"_s,
                                   QCoreApplication::translate("main", "Show this entity on the Graph page."),
                                   QCoreApplication::translate("main", "ref"));
    QCommandLineOption graphScopeOption(
        u"graph-scope"_s,
        QCoreApplication::translate("main", "With --graph: neighbourhood, system, blast-radius, needs or catalog."),
        QCoreApplication::translate("main", "scope"));
    QCommandLineOption sourceOption(u"select-source"_s,
                                    QCoreApplication::translate("main", "Select this source on the Sources page."),
                                    QCoreApplication::translate("main", "id"));
    // For tests/bench: prints the time from launch to the first painted catalog, then quits.
    QCommandLineOption measureStartupOption(u"measure-startup"_s,
                                            QCoreApplication::translate("main", "Print the start-up time and quit."));
    QCommandLineOption measureSyncFramesOption(
        u"measure-sync-frames"_s,
        QCoreApplication::translate("main", "Print the longest frame while the first sync runs, then quit."));
    // With --measure-sync-frames: go on measuring for N seconds after the first sync (live updates), then quit.
    QCommandLineOption measureFramesSecondsOption(
        u"measure-frames-seconds"_s,
        QCoreApplication::translate("main", "After the first sync, measure frames for this many seconds more."),
        QCoreApplication::translate("main", "seconds"));
    // With --measure-sync-frames: after the first sync, wait a second, sync everything again and measure that sync
    // (a background sync of a window that is up and idle, without the start-up's own first paints).
    QCommandLineOption measureResyncOption(
        u"measure-resync"_s,
        QCoreApplication::translate("main", "Measure the frames of a second sync, started once the window is idle."));
    for (QCommandLineOption *hidden :
         {&openEntityOption, &searchOption, &facetOption, &showProblemsOption, &openProblemOption, &tabOption,
          &pageOption, &graphOption, &graphScopeOption, &sourceOption, &measureStartupOption, &measureSyncFramesOption,
          &measureFramesSecondsOption, &measureResyncOption}) {
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    }
    parser.addOptions({workspaceOption,
                       branchOption,
                       langOption,
                       demoOption,
                       trayOption,
                       newInstanceOption,
                       openEntityOption,
                       searchOption,
                       facetOption,
                       showProblemsOption,
                       openProblemOption,
                       tabOption,
                       pageOption,
                       graphOption,
                       graphScopeOption,
                       sourceOption,
                       measureStartupOption,
                       measureSyncFramesOption,
                       measureFramesSecondsOption,
                       measureResyncOption});
    parser.process(app);

    // Links, and a folder to open as the workspace (the desktop file's %U, a file manager's "Open With").
    QStringList links;
    QString folder;
    for (const QString &argument : parser.positionalArguments()) {
        if (Core::DeepLink::isDeepLink(argument) || !folder.isEmpty()) {
            links.append(argument);
        } else {
            const QUrl url(argument);
            folder = url.isLocalFile() ? url.toLocalFile() : argument;
        }
    }

    // One window per user and data folder: a later launch hands its links and folders to the running one and
    // quits. The measurements run on their own.
    std::unique_ptr<Ui::SingleInstance> instance;
    if (!parser.isSet(newInstanceOption) && !parser.isSet(measureStartupOption)
        && !parser.isSet(measureSyncFramesOption)) {
        QStringList handed = parser.positionalArguments();
        if (parser.isSet(workspaceOption)) {
            handed.prepend(parser.value(workspaceOption));
        } else if (parser.isSet(demoOption)) {
            handed.prepend(Core::Workspace::demoPath());
        }
        if (parser.isSet(trayOption)) {
            handed.append(u"--tray"_s);
        }
        instance = std::make_unique<Ui::SingleInstance>(Ui::SingleInstance::socketPath(Core::Paths::dataDir()));
        if (instance->start(handed) == Ui::SingleInstance::Role::HandedOff) {
            return 0;
        }
    }

    Ui::Theme::apply(Ui::Theme::savedScheme());
    Ui::MainWindow window;
    if (instance) {
        QObject::connect(instance.get(), &Ui::SingleInstance::argumentsReceived, &window,
                         [&window](QStringList arguments, const QString &workingDirectory) {
                             // Started at login while running: stay where it is.
                             if (arguments.removeAll(u"--tray"_s) == 0 || !arguments.isEmpty()) {
                                 window.showNormal();
                                 window.raise();
                                 window.activateWindow();
                             }
                             window.handleArguments(arguments, workingDirectory);
                         });
    }

    QString dir;
    bool firstRun = false;
    QString branch = parser.value(branchOption);
    if (parser.isSet(workspaceOption)) {
        // A git URL is kept as written; Workspace::open clones it into the data folder.
        const QString value = parser.value(workspaceOption);
        dir = value.startsWith(u':') || Core::Workspace::isGitUrl(value) ? value : QDir(value).absolutePath();
    } else if (!folder.isEmpty()) {
        dir = folder.startsWith(u':') || Core::Workspace::isGitUrl(folder) ? folder : QDir(folder).absolutePath();
    } else if (parser.isSet(demoOption)) {
        dir = Core::Workspace::demoPath();
    } else {
        // The last workspace, or the demo on first run (or when the last folder is gone).
        QSettings settings;
        dir = settings.value(Ui::SettingsKeys::lastWorkspace).toString();
        const bool git = !dir.startsWith(u':') && Core::Workspace::isGitUrl(dir);
        if (git && branch.isEmpty()) {
            branch = settings.value(Ui::SettingsKeys::lastWorkspaceBranch).toString();
        }
        if (dir.isEmpty() || (!git && !QFileInfo(dir).isDir())) {
            // No workspace yet: the demo behind the welcome, which offers the other ways in.
            firstRun = dir.isEmpty() && !settings.value(Ui::SettingsKeys::welcomed).toBool();
            dir = Core::Workspace::demoPath();
        }
    }
    if (!window.openWorkspace(dir, branch)) {
        if (parser.isSet(workspaceOption)) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("main", "Cannot open the workspace %1").arg(dir)));
        }
        window.openDemoWorkspace();
    }

    window.handleArguments(links, QDir::currentPath());

    Ui::CatalogPage *catalog = window.catalogPage();
    if (parser.isSet(searchOption)) {
        catalog->setSearchText(parser.value(searchOption));
    }
    for (const QString &spec : parser.values(facetOption)) {
        const QString name = spec.section(u'=', 0, 0).trimmed().toLower();
        const QString value = spec.section(u'=', 1).trimmed();
        for (int f = 0; f < Core::facetCount; ++f) {
            if (Core::facetName(Core::Facet(f)) == name) {
                QStringList values = catalog->facetModel()->selection()[std::size_t(f)];
                values.append(value);
                catalog->setFacetValues(Core::Facet(f), values);
            }
        }
    }
    if (parser.isSet(openEntityOption)) {
        catalog->openEntity(parser.value(openEntityOption));
    }
    if (parser.isSet(pageOption)) {
        static const QStringList pages = {u"catalog"_s, u"graph"_s, u"scorecards"_s, u"actions"_s,
                                          u"runs"_s,    u"inbox"_s, u"sources"_s};
        const qsizetype page = pages.indexOf(parser.value(pageOption).toLower());
        if (page >= 0) {
            window.showPage(Ui::MainWindow::Page(page));
        }
    }
    if (parser.isSet(graphOption) || parser.isSet(graphScopeOption)) {
        Ui::GraphPanel *graph = window.graphPage();
        const QString ref = parser.value(graphOption);
        const QString scope = parser.value(graphScopeOption);
        if (scope == u"blast-radius"_s) {
            graph->showBlastRadius(ref);
        } else if (scope == u"needs"_s) {
            graph->showNeeds(ref);
        } else if (scope == u"catalog"_s) {
            graph->setScopeKind(Core::GraphScope::Kind::Catalog);
        } else {
            graph->setRoot(ref);
            if (scope == u"system"_s) {
                graph->setScopeKind(Core::GraphScope::Kind::Group);
            }
        }
        window.showPage(Ui::MainWindow::GraphPageIndex);
    }
    if (parser.isSet(sourceOption)) {
        window.sourcesPage()->selectSource(parser.value(sourceOption));
    }
    if (parser.isSet(showProblemsOption)) {
        window.showProblems();
    }
    if (parser.isSet(openProblemOption) || parser.isSet(tabOption)) {
        const bool openProblem = parser.isSet(openProblemOption);
        const QString tab = parser.value(tabOption).toLower();
        QObject::connect(
            window.session(), &Ui::WorkspaceSession::catalogChanged, &window,
            [&window, openProblem, tab](const Core::Catalog::Ptr &loaded, bool) {
                static const QHash<QString, Ui::EntityPage::Tab> tabs = {
                    {u"overview"_s, Ui::EntityPage::OverviewTab},
                    {u"ci"_s, Ui::EntityPage::CiTab},
                    {u"pulls"_s, Ui::EntityPage::PullRequestsTab},
                    {u"deployments"_s, Ui::EntityPage::DeploymentsTab},
                    {u"runtime"_s, Ui::EntityPage::RuntimeTab},
                    {u"relations"_s, Ui::EntityPage::RelationsTab},
                    {u"graph"_s, Ui::EntityPage::GraphTab},
                    {u"yaml"_s, Ui::EntityPage::YamlTab},
                    {u"operations"_s, Ui::EntityPage::OperationsTab},
                };
                if (tabs.contains(tab)) {
                    window.catalogPage()->entityPage()->setCurrentTab(tabs.value(tab));
                } else if (tab == u"scorecards"_s && window.scorecards()) {
                    // The tab shows once the scorecards are evaluated.
                    QObject::connect(
                        window.scorecards(), &Ui::ScorecardsController::resultsChanged, &window,
                        [&window] { window.catalogPage()->entityPage()->setCurrentTab(Ui::EntityPage::ScorecardsTab); },
                        Qt::SingleShotConnection);
                }
                if (openProblem && !loaded->problems().isEmpty()) {
                    const Core::Error &p = loaded->problems().first();
                    window.openFileViewer(p.file, p.line, p.column, p.message, p.isError());
                }
            },
            Qt::SingleShotConnection);
    }

    if (parser.isSet(measureStartupOption)) {
        // From a cache, the list comes first (from the cache's lists), then the whole catalog.
        QObject::connect(
            window.session(), &Ui::WorkspaceSession::listChanged, &window,
            [&window, &sinceLaunch](const Core::Catalog::Ptr &list) {
                window.repaint();
                std::printf("first paint of the list: %lld ms after launch (%d entities, from the cache's lists)\n",
                            static_cast<long long>(sinceLaunch.elapsed()), list->size());
                std::fflush(stdout);
            },
            Qt::SingleShotConnection);
        // The first catalog to arrive (from the cache when there is one) is painted by the next event-loop turn;
        // repaint() forces that paint so the figure includes it.
        QObject::connect(
            window.session(), &Ui::WorkspaceSession::catalogChanged, &window,
            [&window, &sinceLaunch](const Core::Catalog::Ptr &loaded, bool fromCache) {
                window.repaint();
                std::printf("first paint of the catalog: %lld ms after launch (%d entities, %s)\n",
                            static_cast<long long>(sinceLaunch.elapsed()), loaded->size(),
                            fromCache ? "from the cache" : "read from the descriptors");
                std::fflush(stdout);
                // A catalog read from the descriptors has been written to the cache by now.
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
            },
            Qt::SingleShotConnection);
    }

    if (parser.isSet(measureSyncFramesOption)) {
        // The benchmark of the GUI during a sync: the window is repainted every 16 ms while the session is busy;
        // the time between two ticks is a frame (the repaint plus anything else the GUI thread did). Any work on
        // the GUI thread that blocks shows up as a long frame.
        struct Frames
        {
            QElapsedTimer sinceTick;
            QElapsedTimer syncTime;
            std::vector<qint64> gaps;
            bool started = false;
            bool synced = false; // the first sync is over; measuring the live updates after it
            bool resyncing = false; // --measure-resync: the second sync has been asked for
            qint64 liveUpdates = 0;
            qint64 catalogs = 0; // new catalogs shown while measuring
        };
        const bool resync = parser.isSet(measureResyncOption);
        Ui::WorkspaceSession *session = window.session();
        auto frames = std::make_shared<Frames>();
        auto *ticker = new QTimer(&window);
        ticker->setTimerType(Qt::PreciseTimer);
        ticker->setInterval(16);
        // PORTOLAN_FRAME_TRACE=1: every frame over 40 ms is printed with the GUI thread's events in it that took 2 ms
        // or more (the time until the next event began; nested events, such as each widget's paint, show apart).
        FrameTrace *trace = qEnvironmentVariableIsSet("PORTOLAN_FRAME_TRACE") ? new FrameTrace(qApp) : nullptr;
        QObject::connect(ticker, &QTimer::timeout, &window, [frames, &window, trace] {
            if (frames->sinceTick.isValid()) {
                frames->gaps.push_back(frames->sinceTick.nsecsElapsed() / 1000);
                if (trace && frames->sinceTick.nsecsElapsed() > 40'000'000) {
                    trace->print(frames->sinceTick.nsecsElapsed() / 1000);
                }
            }
            frames->sinceTick.start();
            window.repaint();
        });
        // The session starts its first sync while the window is being set up, before this runs.
        if (window.session()->isBusy()) {
            frames->started = true;
            frames->syncTime.start();
            ticker->start();
        }
        const auto report = [frames](const char *what) {
            std::vector<qint64> g = frames->gaps;
            std::sort(g.begin(), g.end());
            const auto at = [&g](double q) {
                return g.empty() ? 0.0 : double(g[std::min(g.size() - 1, std::size_t(q * double(g.size())))]) / 1000.0;
            };
            const auto over = std::count_if(g.begin(), g.end(), [](qint64 us) { return us > 50'000; });
            std::printf("%s took %.1f s; %zu frames; frame time median %.1f ms, p99 %.1f ms, worst %.1f ms; "
                        "%lld frames over 50 ms",
                        what, double(frames->syncTime.elapsed()) / 1000.0, g.size(), at(0.5), at(0.99),
                        g.empty() ? 0.0 : double(g.back()) / 1000.0, static_cast<long long>(over));
            if (frames->synced) {
                std::printf("; %lld live updates received", static_cast<long long>(frames->liveUpdates));
            }
            std::printf("; %lld new catalogs shown", static_cast<long long>(frames->catalogs));
            std::printf("\n");
            std::fflush(stdout);
        };
        const int liveSeconds = parser.value(measureFramesSecondsOption).toInt();
        QObject::connect(window.session(), &Ui::WorkspaceSession::liveChanged, &window,
                         [frames] { frames->liveUpdates += frames->synced ? 1 : 0; });
        QObject::connect(window.session(), &Ui::WorkspaceSession::catalogChanged, &window,
                         [frames, ticker] { frames->catalogs += ticker->isActive() ? 1 : 0; });
        QObject::connect(window.session(), &Ui::WorkspaceSession::busyChanged, &window,
                         [frames, ticker, report, liveSeconds, resync, session](bool busy) {
                             if (busy && !frames->started) {
                                 frames->started = true;
                                 frames->syncTime.start();
                                 ticker->start();
                             } else if (!busy && frames->started && !frames->synced && resync && !frames->resyncing) {
                                 // The first sync is over: a second one, a second after, is the one measured.
                                 ticker->stop();
                                 frames->resyncing = true;
                                 QTimer::singleShot(1000, qApp, [frames, ticker, session] {
                                     frames->gaps.clear();
                                     frames->catalogs = 0;
                                     frames->sinceTick.invalidate();
                                     frames->syncTime.start();
                                     ticker->start();
                                     session->refreshAll();
                                 });
                             } else if (!busy && frames->started && !frames->synced) {
                                 report(frames->resyncing ? "second sync" : "sync");
                                 if (liveSeconds <= 0) {
                                     ticker->stop();
                                     QTimer::singleShot(0, qApp, &QCoreApplication::quit);
                                     return;
                                 }
                                 // The live phase: the same ticks, counted afresh.
                                 frames->synced = true;
                                 frames->gaps.clear();
                                 frames->syncTime.start();
                                 QTimer::singleShot(liveSeconds * 1000, qApp, [frames, ticker, report] {
                                     ticker->stop();
                                     report("live updates");
                                     QCoreApplication::quit();
                                 });
                             }
                         });
    }

    if (!parser.isSet(trayOption) || !window.startInTray()) {
        window.show();
        if (firstRun && !parser.isSet(measureStartupOption) && !parser.isSet(measureSyncFramesOption)) {
            window.showWelcome();
        }
    }
    return QApplication::exec();
}
