#pragma once

#include "catalog/Catalog.h"
#include "live/LiveTypes.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QVBoxLayout;

namespace Portolan::Ui {

// The entity page's Operations tab: what the platform runs for the entity besides its workloads, in one place.
// - Infrastructure: the Terraform resources it depends on (or, for a resource, its own attributes), with the change
//   its workspace's last serial made;
// - Feature flags: each flag on or off per environment, stale ones marked;
// - Alerts: firing first, critical first; silenced ones with their silence;
// - Key metrics: the latest value and a sparkline of each configured query;
// - Silences and cost.
class OperationsTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationsTab)

public:
    explicit OperationsTab(QWidget *parent = nullptr);
    ~OperationsTab() override;

    // `ops` is null when no monitoring, flag or cost source reported anything about this entity.
    void show(const Core::Catalog &catalog, int index, const Core::EntityOps *ops);
    [[nodiscard]] QString title() const;
    // Whether there is anything to show (resources, flags, alerts, metrics, silences or costs).
    [[nodiscard]] bool hasContent() const { return m_hasContent; }

    [[nodiscard]] QTreeWidget *resourcesView() const { return m_resources; }
    [[nodiscard]] QTreeWidget *flagsView() const { return m_flags; }
    [[nodiscard]] QTreeWidget *alertsView() const { return m_alerts; }

Q_SIGNALS:
    void entityRequested(const QString &refKey);

private:
    void showResources(const Core::Catalog &catalog, int index);
    void showFlags(const Core::EntityOps *ops);
    void showAlerts(const Core::EntityOps *ops);
    void showMetrics(const Core::EntityOps *ops);

    QLabel *m_summary;
    QLabel *m_resourcesTitle;
    QTreeWidget *m_resources;
    QLabel *m_flagsTitle;
    QTreeWidget *m_flags;
    QLabel *m_alertsTitle;
    QTreeWidget *m_alerts;
    QLabel *m_metricsTitle;
    QWidget *m_metrics;
    QVBoxLayout *m_metricsLayout;
    QLabel *m_more; // silences and cost, as text
    QLabel *m_empty;
    bool m_hasContent = false;
};

// A small line chart of one series, with its latest value.
class Sparkline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sparkline)

public:
    explicit Sparkline(QWidget *parent = nullptr);
    void setValues(const QList<double> &values);
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<double> m_values;
};

} // namespace Portolan::Ui
