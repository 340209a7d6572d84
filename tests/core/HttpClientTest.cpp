// HttpClient against loopback servers: auth, paging, conditional requests, retries and rate limits, errors, faults
// (cut-off bodies, stalls, a closed port), gzip, cancel, TLS and proxies. Where the server replays API answers they are
// the recorded api.github.com exchanges of ../shared/corpus/github/octokit-fixtures.
#include "net/HttpClient.h"
#include "net/EnvironmentProxyFactory.h"
#include "support/HttpTestServer.h"
#include "support/TlsFixtures.h"
#include "util/Clock.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxyQuery>
#include <QTcpServer>
#include <QTimer>

#include <catch2/catch.hpp>

#include <memory>
#include <optional>

using namespace Portolan::Core;
using Portolan::Test::HttpTestRequest;
using Portolan::Test::HttpTestResponse;
using Portolan::Test::HttpTestServer;
using Portolan::Test::spinUntil;
using Portolan::Test::TlsFixtures;

namespace {

using Answer = std::shared_ptr<std::optional<Result<HttpResponse>>>;

// Sends a request and runs the event loop until the answer (or `waitMs`, a test failure).
Answer request(HttpClient &client, const QByteArray &verb, const QUrl &url, const std::atomic_bool *cancel = nullptr,
               const QByteArray &body = {})
{
    auto answer = std::make_shared<std::optional<Result<HttpResponse>>>();
    client.send(
        verb, url, body, body.isEmpty() ? QByteArray() : QByteArray("application/json"),
        [answer](Result<HttpResponse> r) { answer->emplace(std::move(r)); }, cancel);
    return answer;
}

Result<HttpResponse> fetch(HttpClient &client, const QUrl &url, const std::atomic_bool *cancel = nullptr,
                           int waitMs = 8000)
{
    const Answer answer = request(client, "GET", url, cancel);
    if (!spinUntil([&answer] { return answer->has_value(); }, waitMs)) {
        return makeError(Error::Code::Internal, QStringLiteral("test: no answer within %1 ms").arg(waitMs));
    }
    return std::move(**answer);
}

QJsonObject record(const QString &scenario, int index)
{
    const QJsonArray records = HttpTestServer::loadFixture(scenario);
    REQUIRE(records.size() > index);
    return records.at(index).toObject();
}

// GitHub's error answers have the recorded 404's shape ({"message", "documentation_url"} and GitHub's headers). The
// corpus holds no recorded 401/403/429, so those are that record with its status and message changed (the messages
// are the ones GitHub sends).
HttpTestResponse githubError(const HttpTestServer &server, int status, const QString &message)
{
    QJsonObject r = record(QStringLiteral("branch-protection"), 0);
    REQUIRE(r.value(QStringLiteral("status")).toInt() == 404);
    r.insert(QStringLiteral("status"), status);
    QJsonObject body = r.value(QStringLiteral("response")).toObject();
    body.insert(QStringLiteral("message"), message);
    r.insert(QStringLiteral("response"), body);
    return server.replay(r);
}

// Backstage's ErrorResponse (plugins/catalog-backend/src/schema/openapi.yaml, components/schemas/Error).
QByteArray backstageError(const QString &name, const QString &message, int status, const QString &path)
{
    const QJsonObject body{
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("message"), message}}},
        {QStringLiteral("request"),
         QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")}, {QStringLiteral("url"), path}}},
        {QStringLiteral("response"), QJsonObject{{QStringLiteral("statusCode"), status}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

HttpOptions optionsFor(const HttpTestServer &server)
{
    HttpOptions options;
    options.baseUrl = server.url(QString());
    options.headers = {{"Accept", "application/vnd.github.v3+json"}};
    return options;
}

class EnvironmentGuard
{
public:
    explicit EnvironmentGuard(const QList<QByteArray> &names)
    {
        for (const QByteArray &name : names) {
            m_saved.append({name, qgetenv(name.constData())});
            qunsetenv(name.constData());
        }
    }
    ~EnvironmentGuard()
    {
        for (const auto &[name, value] : m_saved) {
            if (value.isNull()) {
                qunsetenv(name.constData());
            } else {
                qputenv(name.constData(), value);
            }
        }
    }
    Q_DISABLE_COPY_MOVE(EnvironmentGuard)

private:
    QList<QPair<QByteArray, QByteArray>> m_saved;
};

const QList<QByteArray> proxyVariables = {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY",
                                          "all_proxy",  "ALL_PROXY",  "no_proxy",    "NO_PROXY"};

QStringList *capturedLog = nullptr;

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (capturedLog) {
        capturedLog->append(message);
    }
}

} // namespace

TEST_CASE("HttpResponse reads headers case-insensitively and follows Link rel=next", "[net]")
{
    HttpResponse page;
    page.url =
        QUrl(QStringLiteral("https://api.github.com/repos/octokit-fixture-org/paginate-issues/issues?per_page=3"));
    const QJsonObject headers =
        record(QStringLiteral("paginate-issues"), 1).value(QStringLiteral("headers")).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        page.headers.append({it.key().toUtf8(), it.value().toVariant().toString().toUtf8()});
    }
    CHECK(page.header("ETAG") == "\"00000000000000000000000000000000\"");
    CHECK(page.header("X-RateLimit-Remaining") == "4999");
    CHECK(page.header("X-Missing").isEmpty());
    // The recorded second page lists prev, next, last and first.
    CHECK(page.nextLink() == QUrl(QStringLiteral("https://api.github.com/repositories/1000/issues?per_page=3&page=3")));

    HttpResponse last;
    last.url = page.url;
    const QJsonObject lastHeaders =
        record(QStringLiteral("paginate-issues"), 4).value(QStringLiteral("headers")).toObject();
    last.headers.append({QByteArray("Link"), lastHeaders.value(QStringLiteral("link")).toString().toUtf8()});
    CHECK(last.nextLink().isEmpty());

    HttpResponse relative;
    relative.url = QUrl(QStringLiteral("https://gitlab.example.com/api/v4/projects?page=1"));
    relative.headers.append({QByteArray("link"), QByteArray("</api/v4/projects?page=2>; rel=\"next last\"")});
    CHECK(relative.nextLink() == QUrl(QStringLiteral("https://gitlab.example.com/api/v4/projects?page=2")));
}

TEST_CASE("HttpClient resolves paths against its base URL and keeps secrets out of URLs it shows", "[net]")
{
    QNetworkAccessManager network;
    HttpOptions options;
    options.baseUrl = QUrl(QStringLiteral("https://gitlab.example.com/api/v4"));
    HttpClient client(&network, options);
    CHECK(client.resolve(QStringLiteral("/projects?per_page=100&page=2"))
          == QUrl(QStringLiteral("https://gitlab.example.com/api/v4/projects?per_page=100&page=2")));
    CHECK(client.resolve(QStringLiteral("projects/a%2Fb"))
          == QUrl(QStringLiteral("https://gitlab.example.com/api/v4/projects/a%2Fb")));
    CHECK(client.resolve(QStringLiteral("https://other.example.com/x"))
          == QUrl(QStringLiteral("https://other.example.com/x")));

    const QString shown = HttpClient::redactedUrl(
        QUrl(QStringLiteral("https://user:hunter2@example.com/api?private_token=s3cret&access_token=t0k&page=2")));
    CHECK_FALSE(shown.contains(QStringLiteral("hunter2")));
    CHECK_FALSE(shown.contains(QStringLiteral("s3cret")));
    CHECK_FALSE(shown.contains(QStringLiteral("t0k")));
    CHECK(shown.contains(QStringLiteral("page=2")));
    CHECK(shown.contains(QStringLiteral("example.com/api")));
}

TEST_CASE("HttpClient sends the configured credential", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    const QJsonObject repo = record(QStringLiteral("get-repository"), 0);
    server.setHandler([&server, &repo](const HttpTestRequest &) { return server.replay(repo); });
    HttpOptions options = optionsFor(server);

    SECTION("bearer")
    {
        options.auth.kind = HttpAuth::Kind::Bearer;
        options.auth.secret = QStringLiteral("ghp_bearer-token");
        HttpClient client(&network, options);
        REQUIRE(fetch(client, client.resolve(QStringLiteral("/repos/octokit-fixture-org/hello-world"))).ok());
        REQUIRE(server.requestCount() == 1);
        CHECK(server.requests().at(0).header("Authorization") == "Bearer ghp_bearer-token");
        CHECK(server.requests().at(0).header("Accept") == "application/vnd.github.v3+json");
        CHECK(server.requests().at(0).header("User-Agent").startsWith("Portolan"));
    }
    SECTION("basic")
    {
        options.auth.kind = HttpAuth::Kind::Basic;
        options.auth.user = QStringLiteral("jenkins");
        options.auth.secret = QStringLiteral("pässword:with colon");
        HttpClient client(&network, options);
        REQUIRE(fetch(client, client.resolve(QStringLiteral("/x"))).ok());
        REQUIRE(server.requestCount() == 1);
        const QByteArray header = server.requests().at(0).header("Authorization");
        REQUIRE(header.startsWith("Basic "));
        CHECK(QByteArray::fromBase64(header.mid(6)) == QStringLiteral("jenkins:pässword:with colon").toUtf8());
    }
    SECTION("custom header")
    {
        options.auth.kind = HttpAuth::Kind::Header;
        options.auth.headerName = "PRIVATE-TOKEN";
        options.auth.secret = QStringLiteral("glpat-123");
        HttpClient client(&network, options);
        REQUIRE(fetch(client, client.resolve(QStringLiteral("/x"))).ok());
        REQUIRE(server.requestCount() == 1);
        CHECK(server.requests().at(0).header("PRIVATE-TOKEN") == "glpat-123");
        CHECK(server.requests().at(0).header("Authorization").isEmpty());
    }
    SECTION("none, and an empty secret sends nothing")
    {
        options.auth.kind = HttpAuth::Kind::Bearer;
        HttpClient client(&network, options);
        REQUIRE(fetch(client, client.resolve(QStringLiteral("/x"))).ok());
        REQUIRE(server.requestCount() == 1);
        CHECK(server.requests().at(0).header("Authorization").isEmpty());
    }
}

TEST_CASE("HttpClient never writes the secret to its log", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    server.enqueue(HttpTestResponse::json(503, R"({"message":"down"})"));
    server.setHandler([](const HttpTestRequest &) { return HttpTestResponse::json(200, "{}"); });
    HttpOptions options = optionsFor(server);
    options.auth.kind = HttpAuth::Kind::Bearer;
    options.auth.secret = QStringLiteral("very-secret-token");

    QStringList log;
    capturedLog = &log;
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    QLoggingCategory::setFilterRules(QStringLiteral("portolan.net.debug=true"));
    {
        HttpClient client(&network, options);
        const auto r = fetch(client, client.resolve(QStringLiteral("/x?access_token=very-secret-token")));
        CHECK(r.ok());
    }
    QLoggingCategory::setFilterRules(QStringLiteral("portolan.*.info=false"));
    qInstallMessageHandler(previous);
    capturedLog = nullptr;
    CHECK_FALSE(log.isEmpty());
    for (const QString &line : std::as_const(log)) {
        CHECK_FALSE(line.contains(QStringLiteral("very-secret-token")));
    }
}

TEST_CASE("HttpClient pages through the recorded GitHub Link headers", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    const QJsonArray records = HttpTestServer::loadFixture(QStringLiteral("paginate-issues"));
    REQUIRE(records.size() == 5);
    int expectedItems = 0;
    for (const QJsonValue &r : records) {
        expectedItems += int(r.toObject().value(QStringLiteral("response")).toArray().size());
    }
    server.setHandler([&server, &records](const HttpTestRequest &request) {
        for (const QJsonValue &r : records) {
            if (r.toObject().value(QStringLiteral("path")).toString().toUtf8() == request.target) {
                return server.replay(r.toObject());
            }
        }
        return HttpTestResponse::json(404, R"({"message":"Not Found"})");
    });
    HttpClient client(&network, optionsFor(server));
    const QUrl first = client.resolve(QStringLiteral("/repos/octokit-fixture-org/paginate-issues/issues?per_page=3"));

    int items = 0;
    int pages = 0;
    std::optional<Result<void>> done;
    int maxPages = 100;
    bool loop = false;
    SECTION("every page, in order") { }
    SECTION("a page limit is an error")
    {
        maxPages = 2;
    }
    SECTION("a URL that comes back is an error")
    {
        loop = true;
    }
    client.getPages(
        first,
        [&](const HttpResponse &page) -> Result<std::optional<QUrl>> {
            ++pages;
            items += int(QJsonDocument::fromJson(page.body).array().size());
            if (loop) {
                return std::optional<QUrl>(first);
            }
            const QUrl next = page.nextLink();
            return next.isEmpty() ? std::optional<QUrl>() : std::optional<QUrl>(next);
        },
        [&done](Result<void> r) { done.emplace(std::move(r)); }, nullptr, maxPages);
    REQUIRE(spinUntil([&done] { return done.has_value(); }));

    if (maxPages == 2) {
        REQUIRE_FALSE(done->ok());
        CHECK(done->error().code == Error::Code::Http);
        CHECK(pages == 2);
    } else if (loop) {
        REQUIRE_FALSE(done->ok());
        CHECK(done->error().code == Error::Code::Http);
        CHECK(done->error().message.contains(QStringLiteral("paginate-issues")));
        CHECK(pages == 1);
    } else {
        REQUIRE(done->ok());
        CHECK(pages == 5);
        CHECK(items == expectedItems);
        REQUIRE(server.requestCount() == 5);
        for (int i = 0; i < 5; ++i) {
            CHECK(server.requests().at(i).target
                  == records.at(i).toObject().value(QStringLiteral("path")).toString().toUtf8());
        }
    }
}

TEST_CASE("HttpClient answers a 304 with the cached response", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    const QJsonObject repo = record(QStringLiteral("get-repository"), 0);
    const QByteArray etag =
        repo.value(QStringLiteral("headers")).toObject().value(QStringLiteral("etag")).toString().toUtf8();
    const QByteArray lastModified =
        repo.value(QStringLiteral("headers")).toObject().value(QStringLiteral("last-modified")).toString().toUtf8();
    REQUIRE_FALSE(etag.isEmpty());
    REQUIRE_FALSE(lastModified.isEmpty());
    server.setHandler([&](const HttpTestRequest &request) {
        HttpTestResponse r = server.replay(repo);
        if (request.header("If-None-Match") == etag) {
            r.status = 304; // GitHub's 304: the same headers, no body
            r.body.clear();
        }
        return r;
    });
    HttpClient client(&network, optionsFor(server));
    const QUrl url = client.resolve(QStringLiteral("/repos/octokit-fixture-org/hello-world"));

    const auto first = fetch(client, url);
    REQUIRE(first.ok());
    CHECK(first->status == 200);
    CHECK_FALSE(first->fromCache);
    CHECK(server.requests().at(0).header("If-None-Match").isEmpty());

    const auto second = fetch(client, url);
    REQUIRE(second.ok());
    CHECK(second->fromCache);
    CHECK(second->status == 200);
    CHECK(second->body == first->body);
    CHECK(QJsonDocument::fromJson(second->body).object().value(QStringLiteral("name")).toString()
          == QStringLiteral("hello-world"));
    REQUIRE(server.requestCount() == 2);
    CHECK(server.requests().at(1).header("If-None-Match") == etag);
    CHECK(server.requests().at(1).header("If-Modified-Since") == lastModified);

    client.clearValidators();
    const auto third = fetch(client, url);
    REQUIRE(third.ok());
    CHECK_FALSE(third->fromCache);
    CHECK(server.requests().at(2).header("If-None-Match").isEmpty());
}

TEST_CASE("HttpClient waits for a short Retry-After and tries again", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    HttpTestResponse limited = githubError(server, 429, QStringLiteral("API rate limit exceeded"));
    SECTION("in seconds")
    {
        limited.setHeader("Retry-After", "1");
    }
    SECTION("as an HTTP date")
    {
        // Computed with the system clock, the client's default. An HTTP date has whole seconds: three whole seconds
        // ahead leave at least two to wait, however slowly a loaded machine gets to the request.
        const QDateTime at = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 3, Qt::UTC);
        limited.setHeader("Retry-After", at.toString(Qt::RFC2822Date).toLatin1());
    }
    server.enqueue(limited);
    const QJsonObject repo = record(QStringLiteral("get-repository"), 0);
    server.setHandler([&server, &repo](const HttpTestRequest &) { return server.replay(repo); });
    HttpClient client(&network, optionsFor(server));
    QElapsedTimer timer;
    timer.start();
    const auto r = fetch(client, client.resolve(QStringLiteral("/repos/octokit-fixture-org/hello-world")));
    REQUIRE(r.ok());
    CHECK(r->status == 200);
    CHECK(server.requestCount() == 2);
    CHECK(client.requestCount() == 2);
    CHECK(timer.elapsed() >= 900);
    CHECK(timer.elapsed() < 6000);
}

TEST_CASE("HttpClient reports a long Retry-After as RateLimited with the wait", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    ManualClock clock;
    HttpTestResponse limited = githubError(server, 429, QStringLiteral("API rate limit exceeded"));
    int expected = 0;
    SECTION("in seconds")
    {
        limited.setHeader("Retry-After", "3600");
        expected = 3600;
    }
    SECTION("as an HTTP date, against the client's clock")
    {
        limited.setHeader("Retry-After", clock.now().addSecs(7200).toString(Qt::RFC2822Date).toLatin1());
        expected = 7200;
    }
    SECTION("a 503 with Retry-After")
    {
        limited = HttpTestResponse::json(503, backstageError(QStringLiteral("ServiceUnavailableError"),
                                                             QStringLiteral("Maintenance"), 503, QStringLiteral("/x")));
        limited.setHeader("Retry-After", "600");
        expected = 600;
    }
    server.setHandler([&limited](const HttpTestRequest &) { return limited; });
    HttpClient client(&network, optionsFor(server));
    client.setClock(&clock);
    const auto r = fetch(client, client.resolve(QStringLiteral("/x")));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Error::Code::RateLimited);
    CHECK(r.error().retryAfterSeconds == expected);
    CHECK(r.error().httpStatus == limited.status);
    CHECK(server.requestCount() == 1);
}

TEST_CASE("HttpClient turns a used-up X-RateLimit window into RateLimited, not Auth", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    ManualClock clock;
    // GitHub's answer when the window is used up: 403 with X-RateLimit-Remaining: 0 and the reset time.
    HttpTestResponse limited = githubError(server, 403, QStringLiteral("API rate limit exceeded for user ID 1."));
    limited.setHeader("x-ratelimit-remaining", "0");
    const QJsonObject repo = record(QStringLiteral("get-repository"), 0);

    SECTION("a reset an hour away fails at once")
    {
        limited.setHeader("x-ratelimit-reset", QByteArray::number(clock.now().toSecsSinceEpoch() + 3600));
        server.setHandler([&limited](const HttpTestRequest &) { return limited; });
        HttpClient client(&network, optionsFor(server));
        client.setClock(&clock);
        const auto r = fetch(client, client.resolve(QStringLiteral("/x")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::RateLimited);
        CHECK(r.error().retryAfterSeconds == 3600);
        CHECK(r.error().httpStatus == 403);
        CHECK(r.error().detail == QStringLiteral("API rate limit exceeded for user ID 1."));
        CHECK(server.requestCount() == 1);
    }
    SECTION("a reset a second away is waited for")
    {
        limited.setHeader("x-ratelimit-reset", QByteArray::number(clock.now().toSecsSinceEpoch() + 1));
        server.enqueue(limited);
        server.setHandler([&server, &repo](const HttpTestRequest &) { return server.replay(repo); });
        HttpClient client(&network, optionsFor(server));
        client.setClock(&clock);
        const auto r = fetch(client, client.resolve(QStringLiteral("/x")));
        REQUIRE(r.ok());
        CHECK(server.requestCount() == 2);
    }
    SECTION("a 403 with requests left is an Auth error")
    {
        const HttpTestResponse forbidden =
            githubError(server, 403, QStringLiteral("Resource not accessible by integration"));
        server.setHandler([&forbidden](const HttpTestRequest &) { return forbidden; });
        HttpClient client(&network, optionsFor(server));
        client.setClock(&clock);
        const auto r = fetch(client, client.resolve(QStringLiteral("/x")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Auth);
        CHECK(r.error().httpStatus == 403);
        CHECK(r.error().detail == QStringLiteral("Resource not accessible by integration"));
    }
}

TEST_CASE("HttpClient maps HTTP errors with the server's message", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    HttpClient client(&network, optionsFor(server));

    SECTION("401 is Auth")
    {
        const HttpTestResponse unauthorized = githubError(server, 401, QStringLiteral("Bad credentials"));
        server.setHandler([&unauthorized](const HttpTestRequest &) { return unauthorized; });
        const auto r = fetch(client, client.resolve(QStringLiteral("/user?access_token=abc123")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Auth);
        CHECK(r.error().httpStatus == 401);
        CHECK(r.error().detail == QStringLiteral("Bad credentials"));
        CHECK(r.error().message.contains(QStringLiteral("/user")));
        CHECK_FALSE(r.error().message.contains(QStringLiteral("abc123")));
        CHECK(server.requestCount() == 1);
    }
    SECTION("the recorded 404 is Http")
    {
        const QJsonObject notFound = record(QStringLiteral("branch-protection"), 0);
        server.setHandler([&server, &notFound](const HttpTestRequest &) { return server.replay(notFound); });
        const auto r = fetch(client, client.resolve(QStringLiteral(
                                         "/repos/octokit-fixture-org/branch-protection/branches/main/protection")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Http);
        CHECK(r.error().httpStatus == 404);
        CHECK(r.error().detail == QStringLiteral("Branch not protected"));
        CHECK(r.error().message.contains(QStringLiteral("branches/main/protection")));
    }
    SECTION("the recorded 422 is Http")
    {
        const QJsonObject invalid = record(QStringLiteral("errors"), 0);
        REQUIRE(invalid.value(QStringLiteral("status")).toInt() == 422);
        server.setHandler([&server, &invalid](const HttpTestRequest &) { return server.replay(invalid); });
        const Answer answer =
            request(client, "POST", client.resolve(QStringLiteral("/repos/octokit-fixture-org/errors/labels")), nullptr,
                    R"({"name":"foo","color":"invalid"})");
        REQUIRE(spinUntil([&answer] { return answer->has_value(); }));
        REQUIRE_FALSE((*answer)->ok());
        CHECK((*answer)->error().code == Error::Code::Http);
        CHECK((*answer)->error().httpStatus == 422);
        // GitHub says what failed in "errors": the field and its code.
        CHECK((*answer)->error().detail == QStringLiteral("Validation Failed: color invalid"));
        CHECK(server.requests().at(0).method == "POST");
        CHECK(server.requests().at(0).header("Content-Type") == "application/json");
    }
    SECTION("400 is Http with the server's message, not a broken connection")
    {
        // Qt files a 400 among its protocol failures (ProtocolInvalidOperationError); it is still the server's
        // answer. The body is the one a real Prometheus 2.42 gives for a query it cannot parse.
        server.setHandler([](const HttpTestRequest &) {
            return HttpTestResponse::json(
                400,
                R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unclosed left parenthesis"})");
        });
        const auto r = fetch(client, client.resolve(QStringLiteral("/api/v1/query_range?query=rate(")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Http);
        CHECK(r.error().httpStatus == 400);
        CHECK(server.requestCount() == 1); // not retried
    }
    SECTION("500 with Backstage's error shape is Http, not retried")
    {
        server.setHandler([](const HttpTestRequest &) {
            return HttpTestResponse::json(500, backstageError(QStringLiteral("Error"),
                                                              QStringLiteral("Failed to read entities: db gone"), 500,
                                                              QStringLiteral("/api/catalog/entities")));
        });
        const auto r = fetch(client, client.resolve(QStringLiteral("/api/catalog/entities")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Http);
        CHECK(r.error().httpStatus == 500);
        CHECK(r.error().detail == QStringLiteral("Failed to read entities: db gone"));
        CHECK(r.error().message.contains(QStringLiteral("500")));
        CHECK(server.requestCount() == 1);
    }
    SECTION("a body that is not JSON gives its first 300 bytes")
    {
        server.setHandler([](const HttpTestRequest &) {
            HttpTestResponse r;
            r.status = 500;
            r.headers = {{"Content-Type", "text/html"}};
            r.body = "<html><body>Bad things</body></html>" + QByteArray(1000, 'x');
            return r;
        });
        const auto r = fetch(client, client.resolve(QStringLiteral("/x")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().detail.startsWith(QStringLiteral("<html><body>Bad things")));
        CHECK(r.error().detail.size() == 300);
    }
}

TEST_CASE("HttpClient retries 502 and 504 with a short backoff", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    server.enqueue(HttpTestResponse::json(502, R"({"message":"Server Error"})"));
    server.enqueue(HttpTestResponse::json(504, R"({"message":"Server Error"})"));
    const QJsonObject repo = record(QStringLiteral("get-repository"), 0);
    server.setHandler([&server, &repo](const HttpTestRequest &) { return server.replay(repo); });
    HttpOptions options = optionsFor(server);

    SECTION("until it works")
    {
        HttpClient client(&network, options);
        const auto r = fetch(client, client.resolve(QStringLiteral("/x")));
        REQUIRE(r.ok());
        CHECK(server.requestCount() == 3);
    }
    SECTION("up to maxAttempts")
    {
        options.maxAttempts = 2;
        HttpClient client(&network, options);
        const auto r = fetch(client, client.resolve(QStringLiteral("/x")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Http);
        CHECK(r.error().httpStatus == 504);
        CHECK(server.requestCount() == 2);
    }
}

TEST_CASE("HttpClient never returns half a body", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    const QJsonObject repo = record(QStringLiteral("get-repository"), 0);
    HttpTestResponse cut = server.replay(repo);
    cut.fault = HttpTestResponse::Fault::CutOff;
    HttpOptions options = optionsFor(server);

    SECTION("cut off every time: a Network error")
    {
        options.maxAttempts = 2;
        server.setHandler([&cut](const HttpTestRequest &) { return cut; });
        HttpClient client(&network, options);
        const auto r = fetch(client, client.resolve(QStringLiteral("/repos/octokit-fixture-org/hello-world")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Network);
        CHECK(server.requestCount() == 2);
    }
    SECTION("cut off once: the retry reads it whole")
    {
        server.enqueue(cut);
        server.setHandler([&server, &repo](const HttpTestRequest &) { return server.replay(repo); });
        HttpClient client(&network, options);
        const auto r = fetch(client, client.resolve(QStringLiteral("/repos/octokit-fixture-org/hello-world")));
        REQUIRE(r.ok());
        CHECK(r->body == server.replay(repo).body);
        CHECK(server.requestCount() == 2);
    }
    SECTION("a POST is not sent twice")
    {
        server.setHandler([&cut](const HttpTestRequest &) { return cut; });
        HttpClient client(&network, options);
        const Answer answer = request(client, "POST", client.resolve(QStringLiteral("/x")), nullptr, "{}");
        REQUIRE(spinUntil([&answer] { return answer->has_value(); }));
        REQUIRE_FALSE((*answer)->ok());
        CHECK((*answer)->error().code == Error::Code::Network);
        CHECK(server.requestCount() == 1);
    }
}

TEST_CASE("HttpClient times out on a server that stalls", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    HttpTestResponse stall = server.replay(record(QStringLiteral("get-repository"), 0));
    SECTION("before answering")
    {
        stall.fault = HttpTestResponse::Fault::StallBeforeAnswer;
    }
    SECTION("in the middle of the body")
    {
        stall.fault = HttpTestResponse::Fault::Stall;
    }
    server.setHandler([&stall](const HttpTestRequest &) { return stall; });
    HttpOptions options = optionsFor(server);
    options.timeoutMs = 300;
    HttpClient client(&network, options);
    QElapsedTimer timer;
    timer.start();
    const auto r = fetch(client, client.resolve(QStringLiteral("/x")));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Error::Code::Timeout);
    CHECK(server.requestCount() == 1);
    CHECK(timer.elapsed() < 3000);
}

TEST_CASE("HttpClient fails fast on a closed port", "[net]")
{
    QNetworkAccessManager network;
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    HttpClient client(&network, {});
    QElapsedTimer timer;
    timer.start();
    const auto r = fetch(client, QUrl(QStringLiteral("http://127.0.0.1:%1/api").arg(port)));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Error::Code::Network);
    CHECK(client.requestCount() == 1); // refused means down: no retries
    CHECK(timer.elapsed() < 2000);
}

TEST_CASE("HttpClient receives a gzip body decompressed", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    const QJsonObject issues = record(QStringLiteral("paginate-issues"), 0);
    HttpTestResponse compressed = server.replay(issues);
    compressed.gzip = true;
    const QByteArray plain = compressed.body;
    REQUIRE(HttpTestServer::gzip(plain).size() < plain.size());
    server.enqueue(compressed);
    HttpClient client(&network, optionsFor(server));
    const auto r =
        fetch(client, client.resolve(QStringLiteral("/repos/octokit-fixture-org/paginate-issues/issues?per_page=3")));
    REQUIRE(r.ok());
    CHECK(r->body == plain);
    CHECK(QJsonDocument::fromJson(r->body).array().size() == 3);
    CHECK(server.requests().at(0).header("Accept-Encoding").contains("gzip"));
}

TEST_CASE("HttpClient stops when the cancel flag is set", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    std::atomic_bool cancel = false;
    // The canned answers outlive the sections: the handlers are called after them.
    HttpTestResponse stall;
    stall.fault = HttpTestResponse::Fault::StallBeforeAnswer;
    HttpTestResponse limited = githubError(server, 429, QStringLiteral("API rate limit exceeded"));
    limited.setHeader("Retry-After", "60");
    SECTION("while the server stalls")
    {
        server.setHandler([&stall](const HttpTestRequest &) { return stall; });
    }
    SECTION("while waiting for Retry-After")
    {
        server.setHandler([&limited](const HttpTestRequest &) { return limited; });
    }
    HttpClient client(&network, optionsFor(server));
    QTimer::singleShot(200, [&cancel] { cancel = true; });
    QElapsedTimer timer;
    timer.start();
    const auto r = fetch(client, client.resolve(QStringLiteral("/x")), &cancel);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Error::Code::Cancelled);
    CHECK(timer.elapsed() < 2000);
    CHECK(server.requestCount() == 1);
}

TEST_CASE("HttpClient drops callbacks when destroyed first", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    REQUIRE(server.listen());
    HttpTestResponse stall;
    stall.fault = HttpTestResponse::Fault::StallBeforeAnswer;
    server.setHandler([&stall](const HttpTestRequest &) { return stall; });
    bool called = false;
    {
        HttpClient client(&network, optionsFor(server));
        client.get(client.resolve(QStringLiteral("/x")), [&called](Result<HttpResponse>) { called = true; });
        REQUIRE(spinUntil([&server] { return server.requestCount() == 1; }));
    }
    spinUntil([] { return false; }, 200);
    CHECK_FALSE(called);
}

TEST_CASE("HttpClient follows redirects and keeps the credential on its origin", "[net]")
{
    QNetworkAccessManager network;
    HttpTestServer server;
    HttpTestServer other;
    REQUIRE(server.listen());
    REQUIRE(other.listen());
    const QJsonArray rename = HttpTestServer::loadFixture(QStringLiteral("rename-repository"));
    const QJsonObject moved = rename.at(1).toObject(); // GET 301 -> /repositories/1000
    const QJsonObject target = rename.at(2).toObject(); // GET 200
    REQUIRE(moved.value(QStringLiteral("status")).toInt() == 301);
    HttpOptions options = optionsFor(server);
    options.auth.kind = HttpAuth::Kind::Bearer;
    options.auth.secret = QStringLiteral("origin-only");

    SECTION("same origin: the recorded 301")
    {
        server.enqueue(server.replay(moved));
        server.enqueue(server.replay(target));
        HttpClient client(&network, options);
        const auto r = fetch(client, client.resolve(QStringLiteral("/repos/octokit-fixture-org/rename-repository")));
        REQUIRE(r.ok());
        CHECK(r->status == 200);
        CHECK(r->url == server.url(QStringLiteral("/repositories/1000")));
        REQUIRE(server.requestCount() == 2);
        CHECK(server.requests().at(1).target == "/repositories/1000");
        CHECK(server.requests().at(1).header("Authorization") == "Bearer origin-only");
    }
    SECTION("another origin gets no credential")
    {
        HttpTestResponse away = server.replay(moved);
        away.setHeader("location", other.url(QStringLiteral("/repositories/1000")).toEncoded());
        server.enqueue(away);
        other.enqueue(other.replay(target));
        HttpClient client(&network, options);
        const auto r = fetch(client, client.resolve(QStringLiteral("/repos/octokit-fixture-org/rename-repository")));
        REQUIRE(r.ok());
        REQUIRE(other.requestCount() == 1);
        CHECK(server.requests().at(0).header("Authorization") == "Bearer origin-only");
        CHECK(other.requests().at(0).header("Authorization").isEmpty());
    }
}

TEST_CASE("HttpClient verifies TLS, with extra CAs, without verification, and with a client certificate", "[net]")
{
    const TlsFixtures &tls = TlsFixtures::instance();
    INFO(tls.error().toStdString());
    REQUIRE(tls.ok()); // needs the openssl command line
    // One network manager per client: Qt reuses connections per host, whatever the TLS settings.
    QNetworkAccessManager network;
    HttpTestServer server;
    const QJsonObject repo = record(QStringLiteral("get-repository"), 0);
    server.setHandler([&server, &repo](const HttpTestRequest &) { return server.replay(repo); });
    HttpOptions options;

    SECTION("the default rejects an unknown CA")
    {
        REQUIRE(server.listenTls(tls.serverConfiguration()));
        HttpClient client(&network, options);
        const auto r = fetch(client, server.url(QStringLiteral("/x")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Network);
        CHECK_FALSE(r.error().detail.isEmpty());
        CHECK(server.requestCount() == 0);
    }
    SECTION("caBundle adds the CA")
    {
        REQUIRE(server.listenTls(tls.serverConfiguration()));
        options.tls.caBundle = tls.caCertificate();
        HttpClient client(&network, options);
        const auto r = fetch(client, server.url(QStringLiteral("/x")));
        REQUIRE(r.ok());
        CHECK(r->status == 200);
        CHECK(server.requestCount() == 1);
    }
    SECTION("peerVerifyName (a kubeconfig's tls-server-name) is the name the certificate must carry")
    {
        REQUIRE(server.listenTls(tls.serverConfiguration()));
        options.tls.caBundle = tls.caCertificate();
        options.tls.peerVerifyName = QStringLiteral("kubernetes.default.svc"); // not in the certificate
        {
            HttpClient client(&network, options);
            const auto r = fetch(client, server.url(QStringLiteral("/x")));
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == Error::Code::Network);
        }
        QNetworkAccessManager other; // a new connection, not the refused one
        options.tls.peerVerifyName = QStringLiteral("localhost"); // in the certificate, not the URL's host
        HttpClient client(&other, options);
        const auto r = fetch(client, server.url(QStringLiteral("/x")));
        REQUIRE(r.ok());
        CHECK(server.requestCount() == 1);
    }
    SECTION("verify=false accepts it")
    {
        REQUIRE(server.listenTls(tls.serverConfiguration()));
        options.tls.verify = false;
        HttpClient client(&network, options);
        const auto r = fetch(client, server.url(QStringLiteral("/x")));
        REQUIRE(r.ok());
        CHECK(server.requestCount() == 1);
    }
    SECTION("the client certificate is presented when the server asks for one")
    {
        REQUIRE(server.listenTls(tls.serverConfiguration(true)));
        options.tls.caBundle = tls.caCertificate();
        options.tls.clientCertificate = tls.clientCertificate();
        options.tls.clientKey = tls.clientKey();
        HttpClient client(&network, options);
        const auto r = fetch(client, server.url(QStringLiteral("/x")));
        REQUIRE(r.ok());
        REQUIRE(server.requestCount() == 1);
        CHECK(server.requests().at(0).peerCommonName == tls.clientCommonName());
    }
    SECTION("without the client certificate the server refuses")
    {
        REQUIRE(server.listenTls(tls.serverConfiguration(true)));
        options.tls.caBundle = tls.caCertificate();
        options.maxAttempts = 1;
        HttpClient client(&network, options);
        const auto r = fetch(client, server.url(QStringLiteral("/x")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Network);
        CHECK(server.requestCount() == 0);
    }
    SECTION("an RSA client key loads too")
    {
        REQUIRE(server.listenTls(tls.serverConfiguration()));
        options.tls.caBundle = tls.caCertificate();
        options.tls.clientCertificate = tls.serverCertificate();
        options.tls.clientKey = tls.serverKey();
        HttpClient client(&network, options);
        const auto r = fetch(client, server.url(QStringLiteral("/x")));
        REQUIRE(r.ok());
    }
    SECTION("files that cannot be read are errors naming the file")
    {
        REQUIRE(server.listenTls(tls.serverConfiguration()));
        QString missing;
        SECTION("CA bundle")
        {
            missing = tls.caCertificate() + QStringLiteral(".missing");
            options.tls.caBundle = missing;
        }
        SECTION("client key")
        {
            missing = tls.clientCertificate(); // a certificate, no key in it
            options.tls.clientCertificate = tls.clientCertificate();
            options.tls.clientKey = missing;
        }
        HttpClient client(&network, options);
        const auto r = fetch(client, server.url(QStringLiteral("/x")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Config);
        CHECK(r.error().file == missing);
        CHECK(r.error().message.contains(missing));
        CHECK(server.requestCount() == 0);
    }
}

TEST_CASE("EnvironmentProxyFactory follows http_proxy, https_proxy and no_proxy", "[net]")
{
    EnvironmentProxyFactory::Settings settings;
    settings.httpProxy = QStringLiteral("http://user:pw@proxy.corp.example:3128");
    settings.httpsProxy = QStringLiteral("secure-proxy.corp.example:8443");
    settings.noProxy = {QStringLiteral(".internal.example"), QStringLiteral("git.example.com"),
                        QStringLiteral("10.0.0.0/8"), QStringLiteral("build.example.org:8080")};
    EnvironmentProxyFactory factory(settings);
    const auto proxyFor = [&factory](const QString &url) {
        return factory.queryProxy(QNetworkProxyQuery(QUrl(url))).value(0);
    };
    const QNetworkProxy http = proxyFor(QStringLiteral("http://api.example.com/x"));
    CHECK(http.type() == QNetworkProxy::HttpProxy);
    CHECK(http.hostName() == QStringLiteral("proxy.corp.example"));
    CHECK(http.port() == 3128);
    CHECK(http.user() == QStringLiteral("user"));
    CHECK(proxyFor(QStringLiteral("https://api.example.com/x")).hostName()
          == QStringLiteral("secure-proxy.corp.example"));
    CHECK(proxyFor(QStringLiteral("https://api.example.com/x")).port() == 8443);
    CHECK(proxyFor(QStringLiteral("https://backstage.internal.example/x")).type() == QNetworkProxy::NoProxy);
    CHECK(proxyFor(QStringLiteral("https://git.example.com/x")).type() == QNetworkProxy::NoProxy);
    CHECK(proxyFor(QStringLiteral("https://sub.git.example.com/x")).type() == QNetworkProxy::NoProxy);
    CHECK(proxyFor(QStringLiteral("https://notgit.example.com/x")).type() == QNetworkProxy::HttpProxy);
    CHECK(proxyFor(QStringLiteral("http://10.1.2.3/x")).type() == QNetworkProxy::NoProxy);
    CHECK(proxyFor(QStringLiteral("http://build.example.org:8080/x")).type() == QNetworkProxy::NoProxy);
    CHECK(proxyFor(QStringLiteral("http://build.example.org/x")).type() == QNetworkProxy::HttpProxy);
    CHECK(proxyFor(QStringLiteral("http://127.0.0.1:8080/x")).type() == QNetworkProxy::NoProxy);
    CHECK(proxyFor(QStringLiteral("http://localhost/x")).type() == QNetworkProxy::NoProxy);

    EnvironmentProxyFactory::Settings all;
    all.allProxy = QStringLiteral("socks5://socks.example:1080");
    all.noProxy = {QStringLiteral("*")};
    EnvironmentProxyFactory star(all);
    CHECK(star.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("https://x.example/")))).value(0).type()
          == QNetworkProxy::NoProxy);
    all.noProxy.clear();
    EnvironmentProxyFactory socks(all);
    CHECK(socks.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("https://x.example/")))).value(0).type()
          == QNetworkProxy::Socks5Proxy);
}

TEST_CASE("HttpClient sends requests through the proxy named in the environment", "[net]")
{
    EnvironmentGuard guard(proxyVariables);
    HttpTestServer proxy;
    REQUIRE(proxy.listen());
    proxy.setHandler([](const HttpTestRequest &) { return HttpTestResponse::json(200, R"({"via":"proxy"})"); });
    qputenv("http_proxy", QByteArray("http://127.0.0.1:") + QByteArray::number(proxy.port()));
    QNetworkAccessManager network; // made after the environment is set: the client installs the factory on it
    HttpClient client(&network, {});
    const auto r = fetch(client, QUrl(QStringLiteral("http://portolan-proxy-test.invalid/catalog?page=1")));
    REQUIRE(r.ok());
    REQUIRE(proxy.requestCount() == 1);
    CHECK(proxy.requests().at(0).target == "http://portolan-proxy-test.invalid/catalog?page=1");

    // Loopback goes direct even with a proxy set.
    HttpTestServer direct;
    REQUIRE(direct.listen());
    direct.setHandler([](const HttpTestRequest &) { return HttpTestResponse::json(200, "{}"); });
    REQUIRE(fetch(client, direct.url(QStringLiteral("/x"))).ok());
    CHECK(direct.requestCount() == 1);
    CHECK(direct.requests().at(0).target == "/x");
    CHECK(proxy.requestCount() == 1);
}
