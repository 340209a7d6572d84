#pragma once

#include "cache/CatalogStore.h"
#include "catalog/Catalog.h"
#include "config/Workspace.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace Portolan::Core {
class CatalogService;
}

namespace Portolan::Ui {

// One open workspace on the GUI side: owns the CatalogService and its worker thread, asks it for the cached
// snapshot and then a fresh read, and hands the snapshots to the window. The GUI thread never parses or touches
// the database; it only receives immutable Catalog snapshots.
class WorkspaceSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceSession)

public:
    WorkspaceSession(Core::Workspace workspace, QString cachePath, QObject *parent = nullptr);
    // Cancels a running read and stops the worker thread.
    ~WorkspaceSession() override;

    // Opens the offline cache, then reads the workspace.
    void start();
    // Reads the workspace again; ignored while a read runs.
    void reload();
    // Stops the running read as soon as the worker polls; the current snapshot stays.
    void cancel();

    [[nodiscard]] const Core::Workspace &workspace() const { return m_workspace; }
    [[nodiscard]] const QString &cachePath() const { return m_cachePath; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] const Core::Catalog::Ptr &catalog() const { return m_catalog; }
    [[nodiscard]] const QList<Core::SourceState> &sources() const { return m_sources; }
    [[nodiscard]] bool isFromCache() const { return m_fromCache; }
    [[nodiscard]] bool hasCatalog() const { return m_hasCatalog; }
    // When the current snapshot arrived (UTC).
    [[nodiscard]] const QDateTime &receivedAt() const { return m_receivedAt; }
    [[nodiscard]] bool wasCancelled() const { return m_cancelled; }
    [[nodiscard]] const Core::ErrorList &failures() const { return m_failures; }

Q_SIGNALS:
    void catalogChanged(const Portolan::Core::Catalog::Ptr &catalog, bool fromCache);
    void busyChanged(bool busy);
    void progressChanged(int done, int total, const QString &phase);
    void failed(const Portolan::Core::Error &error);

private:
    enum class Step { CacheLoaded, WorkspaceRead };

    void queueStep(Step step);
    void onStepDone(quint64 generation, Step step);
    void onCatalogReady(const Core::Catalog::Ptr &catalog, const QList<Core::SourceState> &sources, bool fromCache);
    void onFailed(const Core::Error &error);
    void queueRead();
    void setBusy(bool busy);

    Core::Workspace m_workspace;
    QString m_cachePath;
    std::unique_ptr<Core::CatalogService> m_service;
    Core::Catalog::Ptr m_catalog;
    QList<Core::SourceState> m_sources;
    QDateTime m_receivedAt;
    Core::ErrorList m_failures;
    quint64 m_generation = 0;
    bool m_busy = false;
    bool m_cancelled = false;
    bool m_fromCache = false;
    bool m_hasCatalog = false;
};

} // namespace Portolan::Ui
