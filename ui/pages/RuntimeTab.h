#pragma once

#include "live/LiveTypes.h"
#include "model/Entity.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QTreeView;

namespace Portolan::Ui {

class KubeEventsModel;
class RuntimeModel;

// The entity page's Runtime tab: per cluster and namespace, each workload's replicas, images, restarts and rollout,
// its pods (phase and reason: CrashLoopBackOff, ImagePullBackOff, Pending), the services and ingresses, and the
// recent Warning events. It is refreshed in place as watch events arrive; what the user expanded stays expanded.
class RuntimeTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuntimeTab)

public:
    explicit RuntimeTab(QWidget *parent = nullptr);
    ~RuntimeTab() override;

    // `runtime` is null when no kubernetes source maps anything to this entity.
    void show(const Core::Entity &entity, const Core::EntityRuntime *runtime);
    [[nodiscard]] QString title() const;

    [[nodiscard]] RuntimeModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *workloadsView() const { return m_workloadsView; }

private:
    QLabel *m_summary;
    QLabel *m_problems;
    QLabel *m_empty;
    RuntimeModel *m_model;
    QTreeView *m_workloadsView;
    QLabel *m_servicesTitle;
    QLabel *m_services;
    QLabel *m_eventsTitle;
    KubeEventsModel *m_events;
    QTreeView *m_eventsView;
    QList<Core::KubeEventInfo> m_shownEvents; // what m_events holds
    QString m_entityKey;
    QSet<QString> m_collapsed; // workloads the user closed (all start open)
    Core::Health m_health = Core::Health::None;
};

} // namespace Portolan::Ui
