#pragma once

#include "net/HttpClient.h"
#include "sources/Source.h"

#include <memory>

namespace Portolan::Core {

// `type: backstage`: the entities of a Backstage catalog, read through its REST API
// (GET /api/catalog/entities/by-query, cursor paging, a bearer token from the credential).
//   - id: backstage
//     type: backstage
//     url: https://backstage.example.com      # where the backend answers /api/catalog
//     filter: kind=component                   # optional, Backstage's `filter` syntax
//     credential: backstage
//     options: { appUrl: https://portal.example.com, timeout: 30 }   # both optional
// `appUrl` is where entity pages are, when the frontend is not at `url`; `timeout` is in seconds. Each entity is
// mapped one to one and validated like a descriptor; Backstage's own relations are not used (Portolan derives them).
// A sync that fails on any page fails whole, so the engine keeps the last good set.
class BackstageSource final : public Source
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackstageSource)

public:
    static constexpr int pageSize = 500;
    static constexpr int defaultMaxPages = 10'000; // 5 million entities; more is a server paging forever

    explicit BackstageSource(SourceConfig config, QObject *parent = nullptr);
    ~BackstageSource() override;

    void sync(const SyncContext &context) override;
    // Asks Backstage to refresh the entity (POST /api/catalog/refresh; a failure there is only logged), reads it
    // again by name and finishes with `current` where it is replaced, or removed when Backstage answers 404.
    void refreshEntity(const Entity &entity, const std::vector<Entity> &current, const SyncContext &context) override;
    [[nodiscard]] QString upstreamUrl(const Entity &entity) const override;

    [[nodiscard]] QString apiUrl() const; // `url` without trailing slashes
    [[nodiscard]] QString appUrl() const; // the `appUrl` option, else apiUrl()
    [[nodiscard]] HttpOptions httpOptions(const SyncContext &context) const;
    // The first by-query page: limit and, when configured, the filter.
    [[nodiscard]] QUrl firstPageUrl() const;

private:
    HttpClient *makeClient(const SyncContext &context);
    [[nodiscard]] QUrl pageUrl(const QString &cursor) const;

    std::unique_ptr<HttpClient> m_client; // one per sync or refresh; a new one drops the old one's answers
};

} // namespace Portolan::Core
