#pragma once

#include "SourceConfig.h"
#include "catalog/Catalog.h"
#include "live/LiveTypes.h"
#include "model/Entity.h"
#include "util/Result.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace Portolan::Core {

class Clock;

// What a source produced in one sync: its complete set of entities (a full sync replaces the source's
// previous set) and the problems found on the way.
struct SourceResult
{
    std::vector<Entity> entities;
    ErrorList problems;
    QString revision; // git commit, or a server version/ETag; shown and kept as provenance
    QString message; // a short summary for the Sources page ("152 entities from 41 files")
    QStringList files; // local files read (for the file watcher); empty for network sources
    // Nothing changed upstream since `SyncContext::previousRevision`: `entities` and `problems` are empty and the
    // last good data stays as it is (a git fetch that found the same commit).
    bool unchanged = false;

    // Live data about entities, by entity key (Entity::key()): a source's live data replaces its earlier live data
    // as a whole, like its entities. The entities may come from any source (a git source's Component whose
    // `github.com/project-slug` a github source reads).
    QHash<QString, RepositoryInsights> github;
    QHash<QString, EntityRuntime> runtime;
    QHash<QString, EntityOps> ops; // flags, alerts, metrics, silences, costs
    SourceQuota quota;
};

// Everything a source may use during a sync; all of it belongs to the sync worker's thread.
struct SyncContext
{
    QNetworkAccessManager *network = nullptr;
    const std::atomic_bool *cancel = nullptr; // poll it; a cancelled sync finishes with Code::Cancelled
    QString secret; // the credential's secret, empty when none is configured or set
    // How the credential is sent (its `kind`: bearer, basic, header) with its `user` or `header`; empty kind: bearer,
    // or what the source's API expects.
    QString credentialKind;
    QString credentialUser;
    QString credentialHeader;
    QString workspaceRoot; // relative paths resolve against it
    QString dataDir; // a folder of the source's own (git clones live here)
    const Clock *clock = nullptr;
    QString previousRevision; // of the data the engine holds for this source; empty when it holds none
    // The catalog as last built (never null; empty before the first build): sources that add live data to entities
    // of other sources find them here (their annotations). Immutable, safe to read on any thread.
    Catalog::Ptr catalog;
    // Keep the data live after the sync (Kubernetes watches) and report changes by runtimeChanged(): the GUI.
    // Off for one-shot runs (`portolan-cli sync`).
    bool live = false;
};

// A source of catalog entities. Sources are asynchronous: sync() returns at once and the source emits
// finished() exactly once, on the worker thread. Blocking work (reading files, running git) runs on the
// thread pool inside the source; network work uses the context's network manager.
class Source : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Source)

public:
    explicit Source(SourceConfig config, QObject *parent = nullptr)
        : QObject(parent)
        , m_config(std::move(config))
    { }

    [[nodiscard]] const SourceConfig &config() const { return m_config; }

    // The pool for sources' blocking work (never the global pool; see Source.cpp).
    [[nodiscard]] static QThreadPool *blockingPool();
    // The pool where sources fan their parsing out. Not the global pool either: the GUI's queries (search, sort
    // orders) run there and must not wait behind a 100k-file sync.
    [[nodiscard]] static QThreadPool *parsePool();

    virtual void sync(const SyncContext &context) = 0;

    // Re-reads one entity the source gave before (its provenance tells where from). The default syncs the
    // whole source; the result is always the source's complete new entity set.
    virtual void refreshEntity(const Entity &entity, const std::vector<Entity> &current, const SyncContext &context)
    {
        Q_UNUSED(entity);
        Q_UNUSED(current);
        sync(context);
    }

    // Where an entity from this source can be seen upstream (a file URL, the Backstage page); empty if nowhere.
    [[nodiscard]] virtual QString upstreamUrl(const Entity &entity) const
    {
        Q_UNUSED(entity);
        return {};
    }

    // The catalog was rebuilt (a live source maps its objects to the new entities and reports by runtimeChanged()).
    virtual void catalogChanged(const Catalog::Ptr &catalog) { Q_UNUSED(catalog); }
    // Stops live work (watches) started by a sync with `SyncContext::live`; the engine calls it before a new sync,
    // when the source is removed, and on shutdown. No signal follows.
    virtual void stopLive() { }

Q_SIGNALS:
    // `total` is 0 while the size is unknown.
    void progress(qint64 done, qint64 total, const QString &phase);
    void finished(const Portolan::Core::Result<Portolan::Core::SourceResult> &result);
    // Between syncs, a live source's runtime changed: `runtime` holds the source's complete new runtime for each
    // entity key in it (an empty EntityRuntime removes that entity's). Emitted at most a few times a second.
    void runtimeChanged(const QHash<QString, Portolan::Core::EntityRuntime> &runtime);
    // The source's live connection changed state (a watch broke and is reconnecting, a context is forbidden);
    // `problems` replaces the problems of the last sync on the Sources page. Empty: all is well again.
    void liveProblemsChanged(const Portolan::Core::ErrorList &problems);
    void quotaChanged(const Portolan::Core::SourceQuota &quota);
    // What the source reads from besides its configuration changed (a watched kubeconfig): sync it again.
    void syncRequested();

protected:
    // Emits finished(error) from the event loop (sync() must return first), unless a newer sync started meanwhile.
    void finishLater(quint64 generation, const Error &error);

    SourceConfig m_config;
    quint64 m_generation = 0; // counts sync() calls; an answer of an older sync is dropped
};

using SourcePtr = std::unique_ptr<Source>;

} // namespace Portolan::Core
