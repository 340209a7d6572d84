// "Sign in with GitHub" (DeviceFlowDialog, and its button in CredentialsDialog) against a loopback GitHub replaying the
// documented device-flow responses of tests/data/github-device-flow.
#include "dialogs/DeviceFlowDialog.h"
#include "UiTestSupport.h"
#include "auth/DeviceFlow.h"
#include "auth/TokenStore.h"
#include "dialogs/CredentialsDialog.h"
#include "support/HttpTestServer.h"
#include "support/TestSupport.h"
#include "util/Clock.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QUuid>

#include <catch2/catch.hpp>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;
using namespace Portolan::Ui;
using Portolan::Test::HttpTestRequest;
using Portolan::Test::HttpTestResponse;
using Portolan::Test::HttpTestServer;
using Portolan::Test::IsolatedDataDir;
using Portolan::Test::waitFor;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(Portolan::Test::dataPath(u"github-device-flow/"_s + name));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// The device code, then `polls` in order on the token endpoint (the last one repeated).
void serveGitHub(HttpTestServer &server, const QStringList &polls)
{
    qsizetype next = 0;
    server.setHandler([polls, next](const HttpTestRequest &request) mutable {
        if (request.url.path() == u"/login/device/code"_s) {
            return HttpTestResponse::json(200, fixture(u"device-code.json"_s));
        }
        if (request.url.path() == u"/login/oauth/access_token"_s) {
            const QString name = polls.at(std::min(next++, polls.size() - 1));
            return HttpTestResponse::json(200, fixture(name));
        }
        return HttpTestResponse::json(404, R"({"message":"Not Found"})");
    });
}

qsizetype tokenRequests(const HttpTestServer &server)
{
    qsizetype n = 0;
    for (const HttpTestRequest &r : server.requests()) {
        n += r.url.path() == u"/login/oauth/access_token"_s ? 1 : 0;
    }
    return n;
}

std::optional<QString> readSecret(TokenStore &tokens, const QString &key)
{
    std::optional<QString> out;
    bool done = false;
    tokens.read(key, [&](Result<QString> secret) {
        if (secret.ok()) {
            out = secret.value();
        }
        done = true;
    });
    REQUIRE(waitFor([&done] { return done; }));
    return out;
}

void removeSecret(TokenStore &tokens, const QString &key)
{
    bool done = false;
    tokens.remove(key, [&done](Result<void>) { done = true; });
    waitFor([&done] { return done; });
}

} // namespace

TEST_CASE("DeviceFlowDialog shows the code and stores the token on success", "[ui][deviceflow]")
{
    HttpTestServer server;
    REQUIRE(server.listen());
    serveGitHub(server,
                {u"error-authorization_pending.json"_s, u"error-authorization_pending.json"_s, u"access-token.json"_s});
    CredentialConfig credential;
    credential.name = u"github"_s;
    credential.kind = u"oauth-device"_s;
    credential.clientId = u"Iv1.0123456789abcdef"_s;
    credential.url = server.url(u"/"_s).toString();
    credential.scopes = {u"repo"_s};

    // A scope of its own, so a real keychain (when the test has one) never mixes this up with anything else.
    const QString scope = u"portolan-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString key = TokenStore::keyFor(scope, credential.name);
    const QString refreshKey = DeviceFlowToken::refreshKey(scope, credential.name);
    TokenStore tokens;
    ManualClock clock;
    QPointer<DeviceFlowDialog> dialog = new DeviceFlowDialog(credential, key, refreshKey, &tokens, nullptr, &clock);
    QStringList stored;
    QObject::connect(dialog, &DeviceFlowDialog::tokenStored, dialog,
                     [&stored](const QString &name) { stored.append(name); });
    // Long enough per server second (a poll every 1.25 s) to see the countdown tick before the token comes.
    dialog->flow()->setSecondLength(std::chrono::milliseconds(250));
    dialog->show();
    dialog->start();
    CHECK(dialog->busyIndicator()->isVisible());
    CHECK_FALSE(dialog->copyButton()->isEnabled());

    REQUIRE(waitFor([&] { return dialog->codeLabel()->text() == u"WDJB-MJHT"_s; }));
    CHECK(dialog->codeLabel()->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
    CHECK(dialog->codeLabel()->font().pointSizeF() > dialog->statusLabel()->font().pointSizeF());
    CHECK(dialog->countdownLabel()->text().contains(u"15:00"_s));
    CHECK(dialog->openButton()->isEnabled());
    CHECK(dialog->copyButton()->isEnabled());
    CHECK(dialog->statusLabel()->text().contains(u"https://github.com/login/device"_s));
    clock.advance(61 * 1000);
    REQUIRE(waitFor([&] { return dialog->countdownLabel()->text().contains(u"13:59"_s); }, 3000));
    dialog->copyButton()->click();
    if (QClipboard *clipboard = QGuiApplication::clipboard()) {
        CHECK(clipboard->text() == u"WDJB-MJHT"_s);
    }

    REQUIRE(waitFor([&] { return dialog->result() == QDialog::Accepted; }));
    CHECK(dialog->hasStoredToken());
    CHECK(stored == QStringList{u"github"_s});
    CHECK_FALSE(dialog->isVisible());
    CHECK(tokenRequests(server) == 3);
    // The token went where a pasted one goes, and nowhere on screen.
    CHECK(readSecret(tokens, key) == std::optional<QString>(u"gho_16C7e42F292c6912E7710c838347Ae178B4a"_s));
    CHECK(readSecret(tokens, refreshKey) == std::optional<QString>(QString()));
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        CHECK_FALSE(label->text().contains(u"gho_"_s));
    }
    removeSecret(tokens, key);
    delete dialog;
}

TEST_CASE("DeviceFlowDialog keeps the refresh token of an expiring GitHub App token", "[ui][deviceflow]")
{
    HttpTestServer server;
    REQUIRE(server.listen());
    serveGitHub(server, {u"access-token-expiring.json"_s});
    CredentialConfig credential;
    credential.name = u"github-app"_s;
    credential.kind = u"oauth-device"_s;
    credential.clientId = u"Iv1.0123456789abcdef"_s;
    credential.url = server.url(u"/"_s).toString();
    const QString scope = u"portolan-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString key = TokenStore::keyFor(scope, credential.name);
    const QString refreshKey = DeviceFlowToken::refreshKey(scope, credential.name);
    TokenStore tokens;
    DeviceFlowDialog dialog(credential, key, refreshKey, &tokens);
    dialog.flow()->setSecondLength(std::chrono::milliseconds(2));
    dialog.show();
    dialog.start();
    REQUIRE(waitFor([&] { return dialog.result() == QDialog::Accepted; }));
    CHECK(readSecret(tokens, key) == std::optional<QString>(u"ghu_16C7e42F292c6912E7710c838347Ae178B4a"_s));
    const auto record = readSecret(tokens, refreshKey);
    REQUIRE(record.has_value());
    DeviceFlowToken saved;
    REQUIRE(saved.readRefreshRecord(*record));
    CHECK(saved.refreshToken.startsWith(u"ghr_"_s));
    CHECK(saved.expiresAt.isValid());
    removeSecret(tokens, key);
    removeSecret(tokens, refreshKey);
}

TEST_CASE("DeviceFlowDialog shows GitHub's refusal and offers a new code", "[ui][deviceflow]")
{
    HttpTestServer server;
    REQUIRE(server.listen());
    serveGitHub(server, {u"error-access_denied.json"_s});
    CredentialConfig credential;
    credential.name = u"github"_s;
    credential.kind = u"oauth-device"_s;
    credential.clientId = u"Iv1.0123456789abcdef"_s;
    credential.url = server.url(u"/"_s).toString();
    TokenStore tokens;
    DeviceFlowDialog dialog(credential, TokenStore::keyFor(u"portolan-test-denied"_s, credential.name),
                            DeviceFlowToken::refreshKey(u"portolan-test-denied"_s, credential.name), &tokens);
    dialog.flow()->setSecondLength(std::chrono::milliseconds(2));
    dialog.show();
    dialog.start();
    REQUIRE(waitFor([&] { return dialog.retryButton()->isVisible(); }));
    CHECK(dialog.statusLabel()->text().contains(u"declined"_s));
    CHECK_FALSE(dialog.busyIndicator()->isVisible());
    CHECK_FALSE(dialog.hasStoredToken());
    CHECK(dialog.isVisible());
}

TEST_CASE("CredentialsDialog offers GitHub sign-in for oauth-device credentials, and Cancel stops it",
          "[ui][deviceflow]")
{
    IsolatedDataDir data;
    HttpTestServer server;
    REQUIRE(server.listen());
    serveGitHub(server, {u"error-authorization_pending.json"_s});
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QFile config(dir.filePath(u"portolan.yaml"_s));
    REQUIRE(config.open(QIODevice::WriteOnly));
    config.write(u"name: Sign-in\n"
                 "credentials:\n"
                 "  - name: pasted\n"
                 "    description: A token you paste\n"
                 "  - name: github\n"
                 "    kind: oauth-device\n"
                 "    clientId: Iv1.0123456789abcdef\n"
                 "    url: %1\n"
                 "    scopes: [repo, read:org]\n"_s.arg(server.url(u"/"_s).toString())
                     .toUtf8());
    config.close();
    const auto ws = Workspace::open(dir.path());
    REQUIRE(ws.ok());
    INFO(Portolan::Test::describe(ws->problems).toStdString());
    REQUIRE(ws->problems.isEmpty());

    CredentialsDialog dialog(*ws);
    dialog.show();
    dialog.selectCredential(u"pasted"_s);
    CHECK(dialog.signInButton()->isHidden());
    dialog.selectCredential(u"github"_s);
    REQUIRE_FALSE(dialog.signInButton()->isHidden());
    REQUIRE(dialog.signInButton()->isEnabled());
    CHECK(dialog.signInButton()->text() == CredentialsDialog::tr("Sign in with GitHub…"));

    dialog.signInButton()->click();
    QPointer<DeviceFlowDialog> signIn = dialog.findChild<DeviceFlowDialog *>();
    REQUIRE(signIn);
    REQUIRE(waitFor([&] { return signIn && signIn->codeLabel()->text() == u"WDJB-MJHT"_s; }));
    const HttpTestRequest &request = server.requests().first();
    CHECK(request.url.path() == u"/login/device/code"_s);
    CHECK(request.body.contains("client_id=Iv1.0123456789abcdef"));
    CHECK(request.body.contains("scope=repo%20read%3Aorg"));

    signIn->cancelButton()->click();
    CHECK_FALSE(signIn->flow()->isRunning());
    REQUIRE(waitFor([&] { return signIn.isNull(); })); // closed and deleted
    QTest::qWait(100);
    CHECK(tokenRequests(server) == 0); // the first poll would have come 5 s after the code
    CHECK(dialog.state(u"github"_s) != CredentialsDialog::SecretState::Stored);
}
