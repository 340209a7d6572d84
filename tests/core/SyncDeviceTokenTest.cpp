// The sync engine with a GitHub source whose credential comes from "Sign in with GitHub" (oauth-device): an expiring
// user token is renewed with its refresh token before the sync, and both new tokens go back to the keychain.
#include "auth/DeviceFlow.h"
#include "auth/TokenStore.h"
#include "support/GitHubTestServer.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"
#include "sync/SyncService.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <catch2/catch.hpp>

using namespace Portolan::Core;
using namespace Portolan::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(dataPath(u"github-device-flow/"_s + name));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

template<typename F>
void keychain(F &&op)
{
    bool done = false;
    op([&done](auto result) {
        REQUIRE(result.ok());
        done = true;
    });
    REQUIRE(spinUntil([&done] { return done; }));
}

QString readKey(TokenStore &store, const QString &key)
{
    QString value;
    bool done = false;
    store.read(key, [&](Result<QString> r) {
        REQUIRE(r.ok());
        value = r.value();
        done = true;
    });
    REQUIRE(spinUntil([&done] { return done; }));
    return value;
}

} // namespace

TEST_CASE("An expiring GitHub sign-in is renewed before the sync and stored again",
          "[core][sync][keychain][deviceflow]")
{
    if (qEnvironmentVariableIsSet("PORTOLAN_TEST_NO_KEYRING")) {
        WARN("PORTOLAN_TEST_NO_KEYRING is set: skipped");
        return;
    }
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        FAIL("No Secret Service: run the tests through `bash .ci/dev test`, or set PORTOLAN_TEST_NO_KEYRING=1 to skip");
    }
    // GitHub's OAuth endpoint: the refresh grant answers with the documented expiring-token answer.
    HttpTestServer oauth;
    REQUIRE(oauth.listen());
    oauth.setHandler([](const HttpTestRequest &request) {
        const QUrlQuery form(QString::fromUtf8(request.body));
        if (request.method == "POST" && request.url.path() == u"/login/oauth/access_token"_s
            && form.queryItemValue(u"grant_type"_s) == u"refresh_token"_s) {
            return HttpTestResponse::json(200, fixture(u"access-token-expiring.json"_s));
        }
        return HttpTestResponse::json(200, fixture(u"error-unsupported_grant_type.json"_s));
    });
    const QString renewedToken = u"ghu_16C7e42F292c6912E7710c838347Ae178B4a"_s; // the fixture's

    GitHubTestServer github;
    REQUIRE(github.listen());
    github.generateRepositories(3);
    github.setToken(renewedToken); // the expired token is refused

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir, u"portolan.yaml"_s,
              ("credentials:\n  - name: github\n    kind: oauth-device\n    clientId: Iv1.0123456789abcdef\n"
               "    url: "
               + oauth.url(QString()).toString().toUtf8()
               + "\nsources:\n  - id: github\n    type: github\n    url: " + github.url().toUtf8()
               + "\n    credential: github\n    options: {organization: octocat, insights: false}\n"));
    auto ws = Workspace::open(dir.path());
    REQUIRE(ws.ok());
    INFO(describe(ws->problems).toStdString());
    const QString service = u"portolan-tests"_s;
    const QString tokenKey = TokenStore::keyFor(ws->cacheKey(), u"github"_s);
    const QString refreshKey = DeviceFlowToken::refreshKey(ws->cacheKey(), u"github"_s);
    TokenStore store(service);

    const auto syncOnce = [&]() {
        SyncOptions options;
        options.schedule = false;
        options.watchFiles = false;
        options.keychainService = service;
        SyncService sync(ws.value(), options);
        QList<SourceStatus> statuses;
        bool idle = false;
        QObject::connect(&sync, &SyncService::sourcesChanged, &sync,
                         [&statuses](const QList<SourceStatus> &s) { statuses = s; });
        QObject::connect(&sync, &SyncService::idle, &sync, [&idle] { idle = true; });
        sync.init(true);
        REQUIRE(spinUntil([&idle] { return idle; }, 30000));
        REQUIRE(statuses.size() == 1);
        return statuses.first();
    };

    SECTION("expired, with a valid refresh token: renewed, used, stored")
    {
        DeviceFlowToken old;
        old.accessToken = u"ghu_expiredexpiredexpiredexpired0000"_s;
        old.refreshToken = u"ghr_previousrefreshtoken"_s;
        old.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        old.refreshExpiresAt = QDateTime::currentDateTimeUtc().addDays(30);
        keychain([&](auto done) { store.write(tokenKey, old.accessToken, done); });
        keychain([&](auto done) { store.write(refreshKey, old.refreshRecord(), done); });

        const SourceStatus status = syncOnce();
        INFO(status.error.message.toStdString());
        CHECK(status.state == SourceStatus::State::Ok);
        CHECK(status.entityCount == 3);
        REQUIRE(oauth.requests().size() == 1);
        CHECK(QUrlQuery(QString::fromUtf8(oauth.requests().first().body)).queryItemValue(u"refresh_token"_s)
              == old.refreshToken);
        CHECK(readKey(store, tokenKey) == renewedToken);
        DeviceFlowToken stored;
        REQUIRE(stored.readRefreshRecord(readKey(store, refreshKey)));
        CHECK(stored.refreshToken.startsWith(u"ghr_1B4a"_s));
        CHECK(stored.expiresAt > QDateTime::currentDateTimeUtc().addSecs(28000));

        // Still valid now: the next sync uses it without asking GitHub again.
        const SourceStatus again = syncOnce();
        CHECK(again.state == SourceStatus::State::Ok);
        CHECK(oauth.requests().size() == 1);
    }
    SECTION("the refresh token has expired too: the sync fails asking to sign in again")
    {
        DeviceFlowToken old;
        old.accessToken = u"ghu_expiredexpiredexpiredexpired0000"_s;
        old.refreshToken = u"ghr_previousrefreshtoken"_s;
        old.expiresAt = QDateTime::currentDateTimeUtc().addDays(-200);
        old.refreshExpiresAt = QDateTime::currentDateTimeUtc().addDays(-10);
        keychain([&](auto done) { store.write(tokenKey, old.accessToken, done); });
        keychain([&](auto done) { store.write(refreshKey, old.refreshRecord(), done); });

        const SourceStatus status = syncOnce();
        CHECK(status.state == SourceStatus::State::Failed);
        CHECK(status.error.code == Error::Code::Auth);
        CHECK(status.error.message.contains(u"sign in again"_s));
        CHECK(oauth.requests().isEmpty());
    }
    keychain([&](auto done) { store.remove(tokenKey, done); });
    keychain([&](auto done) { store.remove(refreshKey, done); });
}
