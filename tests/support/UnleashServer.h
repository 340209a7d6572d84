#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class QNetworkAccessManager;

namespace Portolan::Test {

// A real Unleash feature-flag server (npm unleash-server 7.5.1, open-source edition) on its own PostgreSQL 15 cluster,
// both on 127.0.0.1, in a temporary folder; tests/tools/servers/unleash.sh starts and stops them (CI and .ci/dev
// share it: `unleash.sh install` puts the server in /var/tmp). The admin API token is made at the first start, so
// data is set up through the admin API, as a person would through the UI:
//   UnleashServer unleash;
//   REQUIRE(unleash.start());
//   REQUIRE(unleash.createFlag(u"default"_s, u"booking-api.new-pricing"_s, u"release"_s, u"New pricing"_s));
//   REQUIRE(unleash.enable(u"default"_s, u"booking-api.new-pricing"_s, u"production"_s));
// Environments out of the box: development and production. Projects: only `default` (see createProject).
// Real responses recorded from this server are in tests/data/unleash (its README says how).
// The HTTP helpers run the event loop until their answer arrives, so use the object from one thread only.
class UnleashServer final
{
public:
    struct Reply
    {
        int status = 0; // 0 when no HTTP answer came (connection refused, timeout)
        QByteArray body;
    };

    UnleashServer();
    ~UnleashServer();
    Q_DISABLE_COPY_MOVE(UnleashServer)

    // Makes a database cluster and starts PostgreSQL and Unleash: 3.4 s on an idle machine here (PostgreSQL 0.9 s,
    // Unleash loading and migrating its new database 2.5 s), up to 6 s beside a build.
    // False, with the reason in error(), when that fails; notInstalled() is then true if node, PostgreSQL or the npm
    // install is missing rather than broken, which a test may report as skipped.
    bool start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool notInstalled() const { return m_notInstalled; }
    [[nodiscard]] QString error() const { return m_error; }
    // How long start() took, for tests that print it.
    [[nodiscard]] qint64 startMs() const { return m_startMs; }

    // http://127.0.0.1:<port>, no trailing slash.
    [[nodiscard]] QString url() const { return m_url; }
    // An admin API token (all projects, all environments), sent as the bare `Authorization` header value.
    [[nodiscard]] QString adminToken() const { return m_adminToken; }

    // The open-source edition has the project `default` only: POST /api/admin/projects is not routed there (404,
    // "The path you were looking for ... is not available"). Returns false with that in error(); use `default`.
    bool createProject(const QString &id, const QString &name);
    // `type`: release, experiment, operational, kill-switch or permission. 409 when the name is taken.
    bool createFlag(const QString &project, const QString &name, const QString &type = QStringLiteral("release"),
                    const QString &description = {});
    // Turning a flag on in an environment where it has no strategy gives it Unleash's default one there
    // (flexibleRollout, 100 %), so it is really on for everyone, as in the UI.
    bool enable(const QString &project, const QString &flag, const QString &environment);
    bool disable(const QString &project, const QString &flag, const QString &environment);
    bool markStale(const QString &project, const QString &flag, bool stale = true);
    // Tag type `simple` exists out of the box; values are 2 to 50 characters.
    bool tag(const QString &flag, const QString &type, const QString &value);
    // The flag with its environments (enabled, strategies) as GET /api/admin/projects/<p>/features/<f> answers;
    // empty, with the reason in error(), when it does not answer 200.
    QJsonObject getFlag(const QString &project, const QString &name);

    // Any request to `path` (from /api/...) with the admin token and, when given, a JSON body, for what the helpers
    // above do not cover (search, archive, error answers).
    Reply send(const QByteArray &verb, const QString &path, const QJsonObject &body = {});

private:
    // The script's exit code; its stdout in *out; stderr and a failure in m_error.
    int runScript(const QString &command, int timeoutMs, QByteArray *out = nullptr);
    // send(), then checks the status; on any other status, m_error says what Unleash answered.
    bool expect(int status, const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    [[nodiscard]] QString flagPath(const QString &project, const QString &flag) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QString m_url;
    QString m_adminToken;
    QString m_error;
    qint64 m_startMs = 0;
    bool m_running = false;
    bool m_notInstalled = false;
};

} // namespace Portolan::Test
