#pragma once

#include "sources/SourceConfig.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

namespace Portolan::Core {

// The settings of a `type: github` source, read from SourceConfig (url, and the type-specific `options`).
//   - id: github
//     type: github
//     url: https://api.github.com            # GitHub Enterprise Server: https://ghe.example.com/api/v3
//     credential: github
//     options:
//       organization: acme                   # or  user: octocat
//       catalogPaths: [catalog-info.yaml]
//       repositoriesAsComponents: false
//       includeArchived: true
//       insights: true
//       graphql: true                        # descriptors of 50 repositories per GraphQL query (its own budget)
//       concurrency: 4                       # requests in flight (GitHub asks integrators to stay low)
//       reservePercent: 5                    # the share of the rate limit a sync leaves unspent
//       maxWaitSeconds: 10                   # longest Retry-After waited for inside a sync
struct GitHubConfig
{
    static constexpr auto defaultApiUrl = "https://api.github.com";

    QString apiUrl; // without trailing slashes
    QString organization; // exactly one of organization and user
    QString user;
    QStringList catalogPaths;
    bool repositoriesAsComponents = false;
    bool includeArchived = true;
    bool insights = true;
    bool graphql = true;
    int concurrency = 4;
    int reservePercent = 5;
    int maxWaitSeconds = 10;

    [[nodiscard]] QString owner() const { return organization.isEmpty() ? user : organization; }
    // The repository list: /orgs/{org}/repos?per_page=100&type=all or /users/{user}/repos?per_page=100&type=owner.
    [[nodiscard]] QString repositoriesPath() const;
    // https://api.github.com/graphql, or https://ghe.example.com/api/graphql for https://ghe.example.com/api/v3.
    [[nodiscard]] QString graphqlUrl() const;
    // https://github.com for api.github.com, https://ghe.example.com for https://ghe.example.com/api/v3.
    [[nodiscard]] QString webUrl() const;

    // Bad values are Config errors naming the configuration file, line and field ("options.organization").
    [[nodiscard]] static Result<GitHubConfig> fromSource(const SourceConfig &config);
    // The headers every REST request carries: the JSON media type and the API version Portolan is written against.
    [[nodiscard]] static QList<QPair<QByteArray, QByteArray>> apiHeaders();
};

} // namespace Portolan::Core
