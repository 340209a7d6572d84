// What the github source needs from HttpClient, against a loopback server replaying api.github.com recordings
// (../shared/corpus/github/octokit-fixtures): validators that can be kept and set again, a 304 that refreshes the
// rate-limit headers, and GitHub's secondary rate limit as Code::RateLimited.
#include "net/HttpClient.h"
#include "support/HttpTestServer.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

#include <catch2/catch.hpp>

#include <optional>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;
using Portolan::Test::HttpTestResponse;
using Portolan::Test::HttpTestServer;

namespace {

Result<HttpResponse> get(HttpClient &client, const QUrl &url)
{
    std::optional<Result<HttpResponse>> result;
    QEventLoop loop;
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    client.get(url, [&](Result<HttpResponse> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result) {
        loop.exec();
    }
    REQUIRE(result.has_value());
    return *result;
}

} // namespace

TEST_CASE("HttpClient keeps GitHub validators for a caller that persists them", "[github][net]")
{
    HttpTestServer server;
    REQUIRE(server.listen());
    const QJsonObject record = HttpTestServer::loadFixture(u"get-repository"_s).at(0).toObject();
    const HttpTestResponse ok = server.replay(record);
    REQUIRE_FALSE(ok.header("etag").isEmpty());
    QNetworkAccessManager network;
    HttpOptions options;
    options.cacheBodies = false;
    const QUrl url = server.url(u"/repos/octokit-fixture-org/hello-world"_s);

    HttpClient first(&network, options);
    server.enqueue(ok);
    Result<HttpResponse> r = get(first, url);
    REQUIRE(r.ok());
    CHECK_FALSE(r->fromCache);
    const auto kept = first.validators();
    REQUIRE(kept.contains(url));
    CHECK(kept.value(url).first == ok.header("etag"));

    // A new client (after a restart) with the kept validator: the request is conditional, the 304 comes back as
    // `fromCache` with an empty body (the caller has its own copy) and the 304's fresh rate-limit headers.
    HttpClient second(&network, options);
    second.setValidator(url, kept.value(url).first, kept.value(url).second);
    HttpTestResponse notModified;
    notModified.status = 304;
    notModified.setHeader("etag", ok.header("etag"));
    notModified.setHeader("x-ratelimit-remaining", "4711");
    server.enqueue(notModified);
    r = get(second, url);
    REQUIRE(r.ok());
    CHECK(r->fromCache);
    CHECK(r->body.isEmpty());
    CHECK(r->header("x-ratelimit-remaining") == "4711");
    CHECK(server.requests().last().header("If-None-Match") == ok.header("etag"));
}

TEST_CASE("HttpClient: GitHub's secondary rate limit is RateLimited, with or without retry-after", "[github][net]")
{
    HttpTestServer server;
    REQUIRE(server.listen());
    QNetworkAccessManager network;
    HttpOptions options;
    options.maxWaitSeconds = 5;
    HttpClient client(&network, options);
    const QByteArray body =
        R"({"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",)"
        R"("documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"})";

    server.enqueue(HttpTestResponse::json(403, body));
    Result<HttpResponse> r = get(client, server.url(u"/orgs/acme/repos"_s));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Error::Code::RateLimited);
    CHECK(r.error().retryAfterSeconds == 60); // GitHub: wait at least a minute
    CHECK(r.error().httpStatus == 403);

    server.enqueue(HttpTestResponse::json(429, body, {{"retry-after", "30"}}));
    r = get(client, server.url(u"/orgs/acme/repos"_s));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Error::Code::RateLimited);
    CHECK(r.error().retryAfterSeconds == 30);

    // A plain 403 stays an Auth error.
    server.enqueue(HttpTestResponse::json(403, R"({"message":"Resource not accessible by integration"})"));
    r = get(client, server.url(u"/repos/acme/x/environments"_s));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Error::Code::Auth);
}
