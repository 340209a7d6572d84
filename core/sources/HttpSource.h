#pragma once

#include "Source.h"
#include "net/HttpClient.h"

#include <memory>

namespace Portolan::Core::HttpSource {

struct Start
{
    QString base; // the configured URL without trailing slashes: request paths are appended to it
    std::unique_ptr<HttpClient> client;
};

// The start every sync of an HTTP API source shares. The configured `url` is checked (a Config error naming the
// source's file, line and field `url` when it is not a server address, `serverName` saying which server: "Unleash")
// and a client is made for the context's network manager with the source's TLS settings, Accept: application/json,
// no body cache, the context's clock, and the credential's secret sent the way the credential's `kind` says. A
// credential without a kind is sent as `fallback` says (a bearer token unless the API wants otherwise).
[[nodiscard]] Result<Start> start(const SourceConfig &config, const SyncContext &context, const QString &serverName,
                                  const HttpAuth &fallback = {HttpAuth::Kind::Bearer, {}, {}, {}});

// How the context's credential is sent: its kind (bearer, basic with its user, header with its header name), else
// `fallback`; no credential at all when the secret is empty.
[[nodiscard]] HttpAuth auth(const SyncContext &context, const HttpAuth &fallback);

} // namespace Portolan::Core::HttpSource
