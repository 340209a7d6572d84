#pragma once

#include "net/HttpClient.h"

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

    enum class Origin { Workspace, Local, Implicit };
    Origin origin = Origin::Workspace; // Implicit: made from a workspace without `sources:`
    QString configFile;
    int line = 0;

    [[nodiscard]] QString displayName() const { return title.isEmpty() ? id : title; }
};

// A named credential: where its secret comes from.
//   credentials:
//     - name: github
//       env: GITHUB_TOKEN        # read once at start, kept in memory
//       description: A GitHub token with repo:read
struct CredentialConfig
{
    QString name;
    QString env; // an environment variable to read the secret from, when set there
    QString description;
    QString kind = QStringLiteral("bearer"); // bearer, basic (user + secret), header
    QString user; // basic
    QString header; // header: the header name
};

} // namespace Portolan::Core
