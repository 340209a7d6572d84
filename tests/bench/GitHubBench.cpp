// The github source against the loopback GitHub test server with 1,000 repositories, each with a catalog-info.yaml
// whose github.com/project-slug names it: requests and rate-limit budget of a first sync and of an unchanged re-sync
// (target: 0), also after a restart (a new source over the same state folder), and wall time; descriptors read through
// REST (one request per repository) and through GraphQL (50 repositories per query). Prints figures; not pass/fail.
//   portolan_bench_github [--repos 1000] [--budget 100000]
#include "sources/github/GitHubSource.h"
#include "support/GitHubTestServer.h"
#include "util/Clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTextStream>

#include <optional>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;
using Portolan::Test::GitHubTestServer;

namespace {

struct Figures
{
    bool ok = false;
    QString error;
    size_t entities = 0;
    int insights = 0;
    int requests = 0;
    int graphQl = 0; // GraphQL queries (their own budget: one point each)
    int notModified = 0;
    int budget = 0;
    qint64 ms = 0;
    int warnings = 0;
};

Figures runSync(GitHubSource &source, const SyncContext &context, GitHubTestServer &server)
{
    Figures f;
    const int spentBefore = server.spent();
    std::optional<Result<SourceResult>> result;
    QEventLoop loop;
    QObject::connect(&source, &Source::finished, &loop, [&](const Result<SourceResult> &r) {
        result.emplace(r);
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    source.sync(context);
    loop.exec();
    f.ms = timer.elapsed();
    QObject::disconnect(&source, &Source::finished, &loop, nullptr);
    f.ok = result->ok();
    if (f.ok) {
        f.entities = result->value().entities.size();
        f.insights = int(result->value().github.size());
        for (const Error &e : result->value().problems) {
            f.warnings += e.isError() ? 0 : 1;
        }
    } else {
        f.error = result->error().message;
    }
    f.requests = source.lastRequestCount() - source.lastGraphQlQueryCount();
    f.graphQl = source.lastGraphQlQueryCount();
    f.notModified = source.lastNotModifiedCount();
    f.budget = server.spent() - spentBefore;
    return f;
}

void print(QTextStream &out, const QString &label, const Figures &f)
{
    out << label.leftJustified(40) << (f.ok ? u"ok"_s : u"FAILED: "_s + f.error).leftJustified(8)
        << QString::number(f.entities).rightJustified(9) << QString::number(f.insights).rightJustified(9)
        << QString::number(f.requests).rightJustified(9) << QString::number(f.graphQl).rightJustified(8)
        << QString::number(f.notModified).rightJustified(7) << QString::number(f.budget).rightJustified(8)
        << QString::number(f.warnings).rightJustified(6) << QString::number(f.ms).rightJustified(9) << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption repos(u"repos"_s, u"Repositories"_s, u"n"_s, u"1000"_s);
    const QCommandLineOption budget(u"budget"_s, u"Rate limit of the token for the unlimited runs"_s, u"n"_s,
                                    u"100000"_s);
    parser.addOptions({repos, budget});
    parser.process(app);
    const int count = parser.value(repos).toInt();

    QTextStream out(stdout);
    out << "GitHub source benchmark: " << count << " repositories with descriptors and slugs" << Qt::endl;
    out << u"run"_s.leftJustified(40) << u"result"_s.leftJustified(8) << u"entities"_s.rightJustified(9)
        << u"insights"_s.rightJustified(9) << u"requests"_s.rightJustified(9) << u"graphql"_s.rightJustified(8)
        << u"304s"_s.rightJustified(7) << u"budget"_s.rightJustified(8) << u"warn"_s.rightJustified(6)
        << u"ms"_s.rightJustified(9) << Qt::endl;

    QNetworkAccessManager network;
    const auto scenario = [&](const QString &name, int limit, bool insights, bool graphQl) {
        GitHubTestServer server;
        server.setToken(u"bench-token"_s);
        server.generateRepositories(count);
        server.setBudget(limit, limit);
        if (!server.listen()) {
            out << "cannot listen" << Qt::endl;
            return;
        }
        QTemporaryDir dataDir;
        SourceConfig config;
        config.id = u"github"_s;
        config.type = u"github"_s;
        config.url = server.url();
        config.options = {{u"organization"_s, server.owner()}, {u"insights"_s, insights}, {u"graphql"_s, graphQl}};
        SyncContext context;
        context.network = &network;
        context.secret = u"bench-token"_s;
        context.clock = &Clock::system();
        context.dataDir = dataDir.path();
        context.catalog = Catalog::empty();
        {
            GitHubSource source(config);
            print(out, name + u": first sync"_s, runSync(source, context, server));
            print(out, name + u": unchanged re-sync"_s, runSync(source, context, server));
        }
        GitHubSource restarted(config);
        print(out, name + u": re-sync after restart"_s, runSync(restarted, context, server));
        if (limit < 10 * count) {
            server.setBudget(limit, limit); // the window resets
            print(out, name + u": next window"_s, runSync(restarted, context, server));
        }
    };
    const int big = parser.value(budget).toInt();
    scenario(u"descriptors, REST"_s, big, false, false);
    scenario(u"descriptors, GraphQL"_s, big, false, true);
    scenario(u"descriptors, GraphQL, 5,000/h"_s, 5000, false, true);
    scenario(u"with insights"_s, big, true, true);
    scenario(u"with insights, 5,000/h"_s, 5000, true, true);
    return 0;
}
