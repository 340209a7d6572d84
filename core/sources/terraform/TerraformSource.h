#pragma once

#include "TerraformMapper.h"
#include "net/HttpClient.h"
#include "sources/Source.h"

#include <QFutureWatcher>

#include <memory>

namespace Portolan::Core {

// `type: terraform`: the infrastructure in Terraform state, as Resource entities (see TerraformMapper.h), from one
// of three backends:
//   - id: infra-local                      # state files on disk (a folder is searched for *.tfstate)
//     type: terraform
//     paths: [infra/prod.tfstate, infra/terraform.tfstate.d]
//   - id: infra-http                       # Terraform's `http` backend: GET <url> answers the state
//     type: terraform
//     url: https://state.example.com/terraform/prod
//     credential: state-server             # bearer or basic
//     options: { workspace: prod }
//   - id: infra-hcp                        # HCP Terraform / Terraform Enterprise (API v2)
//     type: terraform
//     url: https://app.terraform.io
//     credential: hcp-terraform            # a team or user API token
//     options: { organization: northwind, workspaces: ["prod-*", staging], tags: [platform] }
// Common options: owner (an entity ref, "unknown" when not set), system, linkTag (a tag or label of the resources
// naming their component), dataSources (false).
//
// A workspace's name is its HCP Terraform name, the `workspace` option, the folder of a terraform.tfstate, or the
// state file's name without ".tfstate". What each workspace gave last (its entities, with secrets already redacted,
// and the digest of each instance) is kept in the source's data folder: a workspace that cannot be read this time
// (a state server that answers 500, a damaged file) keeps its last good entities and reports the problem, and the
// changes since the last serial are found there. State files themselves are never stored.
class TerraformSource final : public Source
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerraformSource)

public:
    enum class Backend { Local, Http, Cloud };

    explicit TerraformSource(SourceConfig config, QObject *parent = nullptr);
    ~TerraformSource() override;

    void sync(const SyncContext &context) override;
    [[nodiscard]] QString upstreamUrl(const Entity &entity) const override;

    [[nodiscard]] Backend backend() const;
    [[nodiscard]] Terraform::MapOptions mapOptions() const;

    // One workspace's state as fetched, before parsing.
    struct Fetched
    {
        QString name;
        QString location;
        QString pageUrl;
        QByteArray body;
        std::optional<Error> error; // could not be fetched: its last good entities stay
        bool noState = false; // the backend has no state for it yet
        qint64 knownSerial = -1; // the serial the backend reports before download (HCP Terraform), -1 if unknown
    };

private:
    struct CloudSync;
    void fetchLocal(const SyncContext &context, quint64 generation);
    void fetchHttp(const SyncContext &context, quint64 generation);
    void fetchCloud(const SyncContext &context, quint64 generation);
    void fetchCloudWorkspace(const std::shared_ptr<CloudSync> &sync, qsizetype index);
    void process(QList<Fetched> fetched, const SyncContext &context, quint64 generation);
    HttpClient *makeClient(const SyncContext &context, const QUrl &base);

    std::unique_ptr<HttpClient> m_client;
    QFutureWatcher<Result<SourceResult>> m_watcher;
};

namespace Terraform {

// Parses, maps and remembers the fetched workspaces; reads and writes `<dataDir>/<workspace>.json`. Blocking: runs
// on a pool thread.
[[nodiscard]] Result<SourceResult> processWorkspaces(const QList<TerraformSource::Fetched> &fetched,
                                                     const MapOptions &options, const QString &dataDir,
                                                     const Catalog::Ptr &catalog);

} // namespace Terraform

} // namespace Portolan::Core
