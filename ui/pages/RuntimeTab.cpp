#include "RuntimeTab.h"

#include "LiveTabSupport.h"
#include "models/Format.h"
#include "models/LiveStyle.h"
#include "models/LiveTableModels.h"
#include "models/RuntimeModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

bool sameEvents(const QList<KubeEventInfo> &a, const QList<KubeEventInfo> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const KubeEventInfo &x, const KubeEventInfo &y) {
        return x.cluster == y.cluster && x.ns == y.ns && x.objectKind == y.objectKind && x.objectName == y.objectName
               && x.reason == y.reason && x.message == y.message && x.count == y.count && x.lastSeen == y.lastSeen;
    });
}

} // namespace

RuntimeTab::RuntimeTab(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_problems(LiveTabSupport::makeEmptyLabel(u"runtimeProblems"_s, this))
    , m_empty(LiveTabSupport::makeEmptyLabel(u"runtimeEmpty"_s, this))
    , m_model(new RuntimeModel(this))
    , m_workloadsView(new QTreeView(this))
    , m_servicesTitle(LiveTabSupport::makeSectionTitle(tr("Services and ingresses"), this))
    , m_services(new QLabel(this))
    , m_eventsTitle(LiveTabSupport::makeSectionTitle(tr("Recent warning events"), this))
    , m_events(new KubeEventsModel(this))
    , m_eventsView(LiveTabSupport::makeListView(m_events, u"eventsView"_s, this))
{
    setObjectName(u"runtimeTab"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    m_summary->setObjectName(u"runtimeSummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems);
    layout->addWidget(m_empty);

    m_workloadsView->setObjectName(u"workloadsView"_s);
    m_workloadsView->setModel(m_model);
    m_workloadsView->setUniformRowHeights(true);
    m_workloadsView->setAlternatingRowColors(true);
    m_workloadsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_workloadsView->header()->setStretchLastSection(true);
    // Columns are fitted to the rows on screen: measuring the text of every row (Qt's default, up to 1000) took
    // about 10 ms for an entity with 100 pods, on the frame that first shows them.
    m_workloadsView->header()->setResizeContentsPrecision(0);
    connect(m_workloadsView, &QTreeView::collapsed, this,
            [this](const QModelIndex &index) { m_collapsed.insert(index.data(RuntimeModel::RowKeyRole).toString()); });
    connect(m_workloadsView, &QTreeView::expanded, this,
            [this](const QModelIndex &index) { m_collapsed.remove(index.data(RuntimeModel::RowKeyRole).toString()); });
    // Workloads that appear in an in-place update start open, unless the user closed them before.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &under, int first, int last) {
        if (under.isValid()) {
            return;
        }
        for (int row = first; row <= last; ++row) {
            const QModelIndex index = m_model->index(row, 0);
            m_workloadsView->setExpanded(index, !m_collapsed.contains(index.data(RuntimeModel::RowKeyRole).toString()));
        }
    });
    layout->addWidget(m_workloadsView, 3);

    m_services->setObjectName(u"runtimeServices"_s);
    m_services->setTextFormat(Qt::RichText);
    m_services->setWordWrap(true);
    m_services->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_servicesTitle);
    layout->addWidget(m_services);
    layout->addWidget(m_eventsTitle);
    layout->addWidget(m_eventsView, 2);
}

RuntimeTab::~RuntimeTab() = default;

QString RuntimeTab::title() const
{
    return tr("Runtime");
}

void RuntimeTab::show(const Entity &entity, const EntityRuntime *runtime)
{
    const bool sameEntity = entity.key() == m_entityKey;
    if (!sameEntity) {
        m_entityKey = entity.key();
        m_collapsed.clear();
    }
    const bool has = runtime && (!runtime->isEmpty() || !runtime->problems.isEmpty());
    m_health = has ? runtime->health : Health::None;
    for (QWidget *w : {static_cast<QWidget *>(m_workloadsView), static_cast<QWidget *>(m_servicesTitle),
                       static_cast<QWidget *>(m_services), static_cast<QWidget *>(m_eventsTitle),
                       static_cast<QWidget *>(m_eventsView)}) {
        w->setVisible(has);
    }
    if (!has) {
        if (m_model->rowCount() > 0) {
            m_model->setWorkloads({});
        }
        if (!m_shownEvents.isEmpty()) {
            m_shownEvents.clear();
            m_events->setEvents({});
        }
        m_summary->hide();
        m_problems->hide();
        const QString id = entity.annotation(u"backstage.io/kubernetes-id");
        const QString selector = entity.annotation(u"backstage.io/kubernetes-label-selector");
        if (id.isEmpty() && selector.isEmpty()) {
            m_empty->setText(tr("Nothing in Kubernetes is mapped to this entity. Add the annotation "
                                "<code>backstage.io/kubernetes-id: %1</code> to its descriptor and the label "
                                "<code>backstage.io/kubernetes-id=%1</code> to its workloads (or the annotation "
                                "<code>backstage.io/kubernetes-label-selector</code>), and a <code>kubernetes</code> "
                                "source to the workspace.")
                                 .arg(entity.name.toHtmlEscaped()));
        } else {
            m_empty->setText(tr("No workloads found for <b>%1</b> in the clusters the workspace's "
                                "<code>kubernetes</code> sources watch.")
                                 .arg((id.isEmpty() ? selector : id).toHtmlEscaped()));
        }
        m_empty->show();
        return;
    }

    QSet<QString> clusters;
    int pods = 0;
    int ready = 0;
    for (const WorkloadInfo &w : runtime->workloads) {
        clusters.insert(w.cluster);
        for (const PodInfo &p : w.pods) {
            ++pods;
            ready += p.containers > 0 && p.ready == p.containers ? 1 : 0;
        }
    }
    QStringList clusterList(clusters.cbegin(), clusters.cend());
    clusterList.sort();
    const QString dot = u"<span style=\"color:%1\">●</span>"_s.arg(LiveStyle::healthColor(runtime->health).name());
    QString summary = tr("%1 <b>%2</b>").arg(dot, healthLabel(runtime->health).toHtmlEscaped());
    if (!runtime->healthReason.isEmpty()) {
        summary += u" · "_s + runtime->healthReason.toHtmlEscaped();
    }
    summary += u" · "_s + tr("%n workload(s)", nullptr, int(runtime->workloads.size())).toHtmlEscaped();
    summary += u" · "_s + tr("%1 of %2 pods ready").arg(ready).arg(pods).toHtmlEscaped();
    if (!clusterList.isEmpty()) {
        summary += u" · "_s + tr("in %1").arg(clusterList.join(u", "_s)).toHtmlEscaped();
    }
    if (runtime->updatedAt.isValid()) {
        summary +=
            u" · "_s + Format::muted(tr("updated %1").arg(Format::relativeTime(runtime->updatedAt)).toHtmlEscaped());
    }
    m_summary->setText(summary);
    m_summary->show();
    m_problems->setText(LiveTabSupport::problemsHtml(runtime->problems));
    m_problems->setVisible(!runtime->problems.isEmpty());
    m_empty->setVisible(runtime->workloads.isEmpty());
    m_empty->setText(runtime->workloads.isEmpty() ? tr("No workloads, only services or events.") : QString());

    // Live updates of the shown entity change a few rows at a time: they are applied in place, which keeps the view's
    // expanded rows, selection and scroll position and costs no relayout of the tree. Another entity is a reset.
    const bool firstFill = m_model->rowCount() == 0;
    if (firstFill || !sameEntity) {
        m_model->setWorkloads(runtime->workloads);
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, 0);
            m_workloadsView->setExpanded(index, !m_collapsed.contains(index.data(RuntimeModel::RowKeyRole).toString()));
        }
    } else {
        m_model->updateWorkloads(runtime->workloads);
    }
    // Measuring every row's text is done once, not on every update (it also keeps widths the user dragged).
    if (firstFill) {
        for (int c = 0; c + 1 < RuntimeModel::ColumnCount; ++c) {
            m_workloadsView->resizeColumnToContents(c);
            m_workloadsView->setColumnWidth(c, std::min(m_workloadsView->columnWidth(c) + 16, 380));
        }
    }

    QStringList services;
    for (const ServiceInfo &s : runtime->services) {
        services.append(u"<b>%1</b> %2 %3 <span style=\"color:%4\">%5</span>"_s.arg(
            s.kind.toHtmlEscaped(), s.name.toHtmlEscaped(), s.type.toHtmlEscaped(), Format::mutedColor(),
            QString(s.addresses.join(u", "_s) + u"  ("_s + s.cluster + u" / "_s + s.ns + u")"_s).toHtmlEscaped()));
    }
    m_services->setText(services.join(u"<br>"_s));
    m_services->setVisible(!services.isEmpty());
    m_servicesTitle->setVisible(!services.isEmpty());
    // The events are replaced only when they changed (keeping the selection otherwise), and their columns are fitted
    // when the list is filled anew rather than on every update.
    if (!sameEntity || !sameEvents(m_shownEvents, runtime->events)) {
        const bool refit = !sameEntity || m_shownEvents.isEmpty();
        m_shownEvents = runtime->events;
        m_events->setEvents(m_shownEvents);
        if (refit) {
            LiveTabSupport::fitColumns(m_eventsView);
        }
    }
    m_eventsView->setVisible(!runtime->events.isEmpty());
    m_eventsTitle->setVisible(!runtime->events.isEmpty());
}

} // namespace Portolan::Ui
