#pragma once

#include "net/HttpClient.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace Portolan::Core {

// One entry of `sources:` in portolan.yaml (shared) or of the user's own sources file (local).
//   - id: platform-catalog
//     type: git
//     url: https://github.com/acme/platform-catalog.git
//     branch: main
//     paths: ["**/catalog-info.yaml"]
//     credential: github
//     refresh: 15m
struct SourceConfig
{
    QString id; // unique in the workspace: [a-z0-9][a-z0-9._-]*
    QString type; // files, git, backstage, ...
    QString title; // shown in the UI; the id when empty
    QString url; // git and HTTP sources
    QString branch; // git
    QStringList paths; // files and git: paths or globs, relative to the workspace or the repository
    QString filter; // backstage: a `filter` query value, e.g. "kind=component"
    QString credential; // the name of an entry in `credentials:`; the secret itself is in the keychain
    int refreshSeconds = 0; // 0: only on demand
    double maxDeletionShare = 0.5; // a sync removing more than this share of the source's entities is held back
    HttpTls tls;
    bool enabled = true;
    QVariantMap options; // type-specific extras, as written
    QHash<QString, int> optionLines; // the line of each field under `options` ("resources[0].entity.name")

    enum class Origin { Workspace, Local, Implicit };
    Origin origin = Origin::Workspace; // Implicit: made from a workspace without `sources:`
    QString configFile;
    int line = 0;

    [[nodiscard]] QString displayName() const { return title.isEmpty() ? id : title; }
    // The line of a field under `options`, else of its closest parent that has one, else the source's.
    [[nodiscard]] int optionLine(QString field) const
    {
        while (!field.isEmpty()) {
            if (const auto it = optionLines.constFind(field); it != optionLines.constEnd() && *it > 0) {
                return *it;
            }
            const qsizetype cut = std::max(field.lastIndexOf(u'.'), field.lastIndexOf(u'['));
            field.truncate(std::max<qsizetype>(cut, 0));
        }
        return line;
    }
};

// A named credential: where its secret comes from.
//   credentials:
//     - name: github
//       env: GITHUB_TOKEN        # read once at start, kept in memory
//       description: A GitHub token with repo:read
//     - name: github-login
//       kind: oauth-device       # the user signs in with GitHub in the browser
//       clientId: Iv1.0123456789abcdef
//       scopes: [repo, read:org]
struct CredentialConfig
{
    QString name;
    QString env; // an environment variable to read the secret from, when set there
    QString description;
    QString kind = QStringLiteral("bearer"); // bearer, basic (user + secret), header, oauth-device
    QString user; // basic
    QString header; // header: the header name
    // oauth-device: "Sign in with GitHub" through the OAuth device flow (RFC 8628) of a GitHub App or OAuth app. The
    // token it yields is stored and sent like a pasted bearer token.
    QString clientId; // the app's client id (not a secret)
    QString url; // the GitHub server; https://github.com when empty (GitHub Enterprise: its own address)
    QStringList scopes; // OAuth app scopes to ask for; GitHub Apps use their permissions instead

    [[nodiscard]] bool isOAuthDevice() const { return kind == QLatin1StringView("oauth-device"); }
    [[nodiscard]] QString oauthUrl() const { return url.isEmpty() ? QStringLiteral("https://github.com") : url; }
};

// An API's request budget as the server last reported it (GitHub's X-RateLimit-*), for the Sources page.
struct SourceQuota
{
    int limit = -1; // -1: the source has no such budget, or it is not known yet
    int remaining = -1;
    int used = -1;
    QDateTime reset; // UTC, when the window starts again
    QString resource; // "core", "graphql", ...

    [[nodiscard]] bool isKnown() const { return limit >= 0; }
};

} // namespace Portolan::Core
