// GitHub's OAuth device flow (core/auth/DeviceFlow) against a loopback server (tests/support/HttpTestServer) replaying
// the responses GitHub documents (tests/data/github-device-flow, see its README). One of the server's seconds lasts a
// few milliseconds on the poll timer, so a flow with a 5 s interval finishes at once.
#include "auth/DeviceFlow.h"
#include "sources/SourceConfig.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"
#include "util/Clock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QUrlQuery>

#include <catch2/catch.hpp>

#include <optional>

using namespace Portolan::Core;
using namespace Qt::StringLiterals;
using Portolan::Test::HttpTestRequest;
using Portolan::Test::HttpTestResponse;
using Portolan::Test::HttpTestServer;
using Portolan::Test::spinUntil;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(Portolan::Test::dataPath(u"github-device-flow/"_s + name));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

HttpTestResponse answer(const QString &name)
{
    // GitHub answers 200 to every documented device-flow outcome, errors included.
    return HttpTestResponse::json(200, fixture(name));
}

QString formValue(const HttpTestRequest &request, const QString &key)
{
    return QUrlQuery(QString::fromUtf8(request.body)).queryItemValue(key, QUrl::FullyDecoded);
}

// A loopback GitHub: the device code endpoint answers with the documented code, the token endpoint with `polls` in
// order (the last one repeated).
struct Harness
{
    QNetworkAccessManager network;
    HttpTestServer server;
    ManualClock clock;
    DeviceFlow flow{&network, &clock};
    QStringList polls;
    QList<qint64> pollTimes; // ms since the code was handed out
    QElapsedTimer sinceCode;
    std::optional<Result<DeviceFlowToken>> result;
    int finishedCount = 0;
    QString userCode;
    QUrl verificationUri;
    QDateTime expiresAt;

    explicit Harness(QStringList pollAnswers, int secondMs = 2)
        : polls(std::move(pollAnswers))
    {
        REQUIRE(server.listen());
        flow.setSecondLength(std::chrono::milliseconds(secondMs));
        qsizetype next = 0;
        server.setHandler([this, next](const HttpTestRequest &request) mutable {
            if (request.method == "POST" && request.url.path() == u"/login/device/code"_s) {
                sinceCode.start();
                return answer(u"device-code.json"_s);
            }
            if (request.method == "POST" && request.url.path() == u"/login/oauth/access_token"_s) {
                pollTimes.append(sinceCode.elapsed());
                const QString name = polls.at(std::min(next, polls.size() - 1));
                ++next;
                return answer(name);
            }
            return HttpTestResponse::json(404, R"({"message":"Not Found"})");
        });
        QObject::connect(&flow, &DeviceFlow::codeReady, &flow,
                         [this](const QString &code, const QUrl &uri, const QDateTime &expires) {
                             userCode = code;
                             verificationUri = uri;
                             expiresAt = expires;
                         });
        QObject::connect(&flow, &DeviceFlow::finished, &flow, [this](const Result<DeviceFlowToken> &r) {
            result.emplace(r);
            ++finishedCount;
        });
    }

    DeviceFlow::Settings settings(QStringList scopes = {u"repo"_s, u"read:org"_s}) const
    {
        DeviceFlow::Settings s;
        s.clientId = u"Iv1.0123456789abcdef"_s;
        s.url = server.url(u"/"_s);
        s.scopes = std::move(scopes);
        return s;
    }

    bool run(DeviceFlow::Settings s)
    {
        flow.start(s);
        return spinUntil([this] { return result.has_value(); }, 10000);
    }

    [[nodiscard]] QList<HttpTestRequest> tokenRequests() const
    {
        QList<HttpTestRequest> out;
        for (const HttpTestRequest &r : server.requests()) {
            if (r.url.path() == u"/login/oauth/access_token"_s) {
                out.append(r);
            }
        }
        return out;
    }
};

} // namespace

TEST_CASE("Device flow: the code is shown, and the token comes after two authorization_pending", "[auth][deviceflow]")
{
    Harness h({u"error-authorization_pending.json"_s, u"error-authorization_pending.json"_s, u"access-token.json"_s});
    const QDateTime started = h.clock.now();
    REQUIRE(h.run(h.settings()));

    CHECK(h.userCode == u"WDJB-MJHT"_s);
    CHECK(h.verificationUri == QUrl(u"https://github.com/login/device"_s));
    CHECK(h.expiresAt == started.addSecs(900));
    CHECK(h.flow.intervalSeconds() == 5);
    REQUIRE(h.result->ok());
    const DeviceFlowToken &token = h.result->value();
    CHECK(token.accessToken == u"gho_16C7e42F292c6912E7710c838347Ae178B4a"_s);
    CHECK(token.tokenType == u"bearer"_s);
    CHECK(token.scope == u"repo,gist"_s);
    CHECK(token.refreshToken.isEmpty());
    CHECK_FALSE(token.expires());
    CHECK(token.refreshRecord().isEmpty());
    CHECK(h.flow.pollCount() == 3);
    CHECK(h.finishedCount == 1);
    CHECK_FALSE(h.flow.isRunning());

    // The requests: form bodies as GitHub documents them, JSON asked for.
    const QList<HttpTestRequest> &all = h.server.requests();
    REQUIRE(all.size() == 4);
    const HttpTestRequest &code = all.first();
    CHECK(code.url.path() == u"/login/device/code"_s);
    CHECK(code.header("Accept") == "application/json");
    CHECK(code.header("Content-Type") == "application/x-www-form-urlencoded");
    CHECK(formValue(code, u"client_id"_s) == u"Iv1.0123456789abcdef"_s);
    CHECK(formValue(code, u"scope"_s) == u"repo read:org"_s);
    CHECK(code.body.contains("scope=repo%20read%3Aorg"));
    for (const HttpTestRequest &poll : h.tokenRequests()) {
        CHECK(poll.header("Accept") == "application/json");
        CHECK(formValue(poll, u"client_id"_s) == u"Iv1.0123456789abcdef"_s);
        CHECK(formValue(poll, u"device_code"_s) == u"3584d83530557fdd1f46af8289938c8ef79f9dc5"_s);
        CHECK(formValue(poll, u"grant_type"_s) == u"urn:ietf:params:oauth:grant-type:device_code"_s);
        CHECK_FALSE(QUrlQuery(QString::fromUtf8(poll.body)).hasQueryItem(u"scope"_s));
    }
}

TEST_CASE("Device flow: no scope is sent when the credential names none", "[auth][deviceflow]")
{
    Harness h({u"access-token.json"_s});
    REQUIRE(h.run(h.settings({})));
    REQUIRE(h.result->ok());
    CHECK_FALSE(QUrlQuery(QString::fromUtf8(h.server.requests().first().body)).hasQueryItem(u"scope"_s));
}

TEST_CASE("Device flow: slow_down adds five seconds to the polling interval", "[auth][deviceflow]")
{
    // 10 ms per server second: polls at 50 ms, then (after slow_down) 100 ms later.
    Harness h({u"error-authorization_pending.json"_s, u"error-slow_down.json"_s, u"error-authorization_pending.json"_s,
               u"access-token.json"_s},
              10);
    QList<int> intervals;
    QObject::connect(&h.flow, &DeviceFlow::intervalChanged, &h.flow, [&intervals](int s) { intervals.append(s); });
    REQUIRE(h.run(h.settings()));
    REQUIRE(h.result->ok());
    CHECK(intervals == QList<int>{10});
    CHECK(h.flow.intervalSeconds() == 10);
    REQUIRE(h.pollTimes.size() == 4);
    INFO("poll times (ms): " << h.pollTimes[0] << ", " << h.pollTimes[1] << ", " << h.pollTimes[2] << ", "
                             << h.pollTimes[3]);
    CHECK(h.pollTimes[0] >= 45);
    CHECK(h.pollTimes[1] - h.pollTimes[0] >= 45);
    // After slow_down every wait is the longer one.
    CHECK(h.pollTimes[2] - h.pollTimes[1] >= 95);
    CHECK(h.pollTimes[3] - h.pollTimes[2] >= 95);
}

TEST_CASE("Device flow: expired_token and access_denied end the sign-in with clear errors", "[auth][deviceflow]")
{
    struct Case
    {
        QString file;
        Error::Code code;
        const char *words;
    };
    const Case cases[] = {
        {u"error-expired_token.json"_s, Error::Code::Timeout, "expired"},
        {u"error-access_denied.json"_s, Error::Code::Auth, "declined"},
        {u"error-incorrect_client_credentials.json"_s, Error::Code::Config, "Iv1.0123456789abcdef"},
        {u"error-device_flow_disabled.json"_s, Error::Code::Config, "not enabled"},
        {u"error-unsupported_grant_type.json"_s, Error::Code::Unsupported, "grant type"},
        {u"error-incorrect_device_code.json"_s, Error::Code::Auth, "device code"},
    };
    for (const Case &c : cases) {
        DYNAMIC_SECTION(c.file.toStdString())
        {
            Harness h({u"error-authorization_pending.json"_s, c.file});
            REQUIRE(h.run(h.settings()));
            REQUIRE_FALSE(h.result->ok());
            const Error &e = h.result->error();
            INFO(e.message.toStdString() << " / " << e.detail.toStdString());
            CHECK(e.code == c.code);
            CHECK(e.message.contains(QLatin1StringView(c.words)));
            // The technical detail names GitHub's code; nothing secret is in either text.
            CHECK(e.detail.contains(c.file.mid(6).chopped(5)));
            CHECK_FALSE(e.message.contains(u"3584d83530557fdd1f46af8289938c8ef79f9dc5"_s));
            CHECK_FALSE(e.detail.contains(u"3584d83530557fdd1f46af8289938c8ef79f9dc5"_s));
            // Polling stopped with the error.
            const qsizetype polls = h.tokenRequests().size();
            CHECK(polls == 2);
            spinUntil([] { return false; }, 60);
            CHECK(h.tokenRequests().size() == polls);
            CHECK(h.finishedCount == 1);
        }
    }
}

TEST_CASE("Device flow: a code past its expiry is not polled again", "[auth][deviceflow]")
{
    Harness h({u"error-authorization_pending.json"_s}, 5);
    h.flow.start(h.settings());
    REQUIRE(spinUntil([&h] { return h.tokenRequests().size() >= 1; }));
    h.clock.advance(901 * 1000);
    REQUIRE(spinUntil([&h] { return h.result.has_value(); }));
    REQUIRE_FALSE(h.result->ok());
    CHECK(h.result->error().code == Error::Code::Timeout);
    const qsizetype polls = h.tokenRequests().size();
    spinUntil([] { return false; }, 50);
    CHECK(h.tokenRequests().size() == polls);
}

TEST_CASE("Device flow: cancel stops polling", "[auth][deviceflow]")
{
    Harness h({u"error-authorization_pending.json"_s}, 5);
    h.flow.start(h.settings());
    REQUIRE(spinUntil([&h] { return h.tokenRequests().size() >= 2; }));
    h.flow.cancel();
    REQUIRE(h.result.has_value());
    REQUIRE_FALSE(h.result->ok());
    CHECK(h.result->error().code == Error::Code::Cancelled);
    CHECK_FALSE(h.flow.isRunning());
    const qsizetype polls = h.tokenRequests().size();
    spinUntil([] { return false; }, 150); // 5 intervals
    CHECK(h.tokenRequests().size() == polls);
    CHECK(h.finishedCount == 1);
    h.flow.cancel(); // a second cancel has nothing to end
    CHECK(h.finishedCount == 1);
}

TEST_CASE("Device flow: a server that has no device flow, or none at all, is an error", "[auth][deviceflow]")
{
    SECTION("404")
    {
        Harness h({u"access-token.json"_s});
        DeviceFlow::Settings s = h.settings();
        s.url = h.server.url(u"/nothing-here"_s);
        REQUIRE(h.run(s));
        REQUIRE_FALSE(h.result->ok());
        CHECK(h.result->error().code == Error::Code::Http);
        CHECK(h.result->error().httpStatus == 404);
    }
    SECTION("no client id")
    {
        Harness h({u"access-token.json"_s});
        DeviceFlow::Settings s = h.settings();
        s.clientId.clear();
        REQUIRE(h.run(s));
        REQUIRE_FALSE(h.result->ok());
        CHECK(h.result->error().code == Error::Code::Config);
        CHECK(h.server.requests().isEmpty());
    }
    SECTION("connection refused")
    {
        Harness h({u"access-token.json"_s});
        DeviceFlow::Settings s = h.settings();
        h.server.close();
        REQUIRE(h.run(s));
        REQUIRE_FALSE(h.result->ok());
        CHECK(h.result->error().code == Error::Code::Network);
    }
}

TEST_CASE("Device flow: expiring GitHub App tokens come with a refresh token that refreshes them", "[auth][deviceflow]")
{
    Harness h({u"access-token-expiring.json"_s});
    const QDateTime now = h.clock.now();
    REQUIRE(h.run(h.settings({})));
    REQUIRE(h.result->ok());
    const DeviceFlowToken token = h.result->value();
    CHECK(token.accessToken == u"ghu_16C7e42F292c6912E7710c838347Ae178B4a"_s);
    CHECK(token.refreshToken.startsWith(u"ghr_"_s));
    CHECK(token.expiresAt == now.addSecs(28800));
    CHECK(token.refreshExpiresAt == now.addSecs(15811200));
    CHECK_FALSE(token.needsRefresh(now));
    CHECK(token.needsRefresh(now.addSecs(28800 - 60)));
    CHECK(token.canRefresh(now.addSecs(28800)));
    CHECK_FALSE(token.canRefresh(now.addSecs(15811200)));

    // What goes into the second keychain entry reads back.
    const QString record = token.refreshRecord();
    DeviceFlowToken stored;
    REQUIRE(stored.readRefreshRecord(record));
    CHECK(stored.refreshToken == token.refreshToken);
    CHECK(stored.expiresAt == token.expiresAt);
    CHECK(stored.refreshExpiresAt == token.refreshExpiresAt);
    CHECK_FALSE(DeviceFlowToken().readRefreshRecord(u"not json"_s));
    CHECK(DeviceFlowToken::refreshKey(u"ws"_s, u"github"_s) != u"ws/github"_s);

    // The refresh: client_id, grant_type=refresh_token and the refresh token; no client secret.
    h.result.reset();
    h.server.clearRequests();
    h.flow.refresh(h.settings({}), token.refreshToken);
    CHECK(h.flow.state() == DeviceFlow::State::Refreshing);
    REQUIRE(spinUntil([&h] { return h.result.has_value(); }));
    REQUIRE(h.result->ok());
    CHECK(h.result->value().refreshToken.startsWith(u"ghr_"_s));
    REQUIRE(h.server.requests().size() == 1);
    const HttpTestRequest &r = h.server.requests().first();
    CHECK(r.url.path() == u"/login/oauth/access_token"_s);
    CHECK(formValue(r, u"grant_type"_s) == u"refresh_token"_s);
    CHECK(formValue(r, u"refresh_token"_s) == token.refreshToken);
    CHECK(formValue(r, u"client_id"_s) == u"Iv1.0123456789abcdef"_s);
    CHECK_FALSE(QUrlQuery(QString::fromUtf8(r.body)).hasQueryItem(u"client_secret"_s));
}

TEST_CASE("Device flow settings come from an oauth-device credential", "[auth][deviceflow]")
{
    CredentialConfig c;
    c.kind = u"oauth-device"_s;
    c.clientId = u"Iv1.abc"_s;
    c.scopes = {u"repo"_s};
    DeviceFlow::Settings s = DeviceFlow::Settings::fromCredential(c);
    CHECK(s.clientId == u"Iv1.abc"_s);
    CHECK(s.url == QUrl(u"https://github.com"_s));
    CHECK(s.scopes == QStringList{u"repo"_s});
    c.url = u"https://ghe.example.com"_s;
    CHECK(DeviceFlow::Settings::fromCredential(c).url == QUrl(u"https://ghe.example.com"_s));
}
