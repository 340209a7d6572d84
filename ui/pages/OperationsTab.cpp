#include "OperationsTab.h"

#include "LiveTabSupport.h"
#include "models/Format.h"
#include "models/LiveStyle.h"

#include <QCborArray>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

constexpr int KeyRole = Qt::UserRole + 1; // an entity ref key to open, or a URL
constexpr int UrlRole = Qt::UserRole + 2;

QTreeWidget *makeTable(const QString &objectName, const QStringList &headers, QWidget *parent)
{
    auto *view = new QTreeWidget(parent);
    view->setObjectName(objectName);
    view->setHeaderLabels(headers);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->header()->setStretchLastSection(true);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    return view;
}

// Tables here are short: as tall as their rows, the page scrolling as a whole.
void fitHeight(QTreeWidget *view)
{
    // One row height for every table (icons or not), so the sections line up and the tables are exactly as tall as
    // their rows.
    const int row = std::max(view->fontMetrics().height() + 8, 22);
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        view->topLevelItem(i)->setSizeHint(view->columnCount() - 1, QSize(0, row)); // the stretching column
    }
    const int height = view->header()->sizeHint().height() + 2 * view->frameWidth() + row * view->topLevelItemCount();
    view->setFixedHeight(height + 2);
    for (int c = 0; c < view->columnCount() - 1; ++c) {
        view->resizeColumnToContents(c);
    }
}

QString changeLabel(const QString &change)
{
    if (change == u"created"_s) {
        return OperationsTab::tr("created");
    }
    if (change == u"modified"_s) {
        return OperationsTab::tr("modified");
    }
    return {};
}

QString alertStateLabel(const AlertInfo &alert)
{
    if (alert.state == u"firing"_s) {
        return OperationsTab::tr("Firing");
    }
    if (alert.state == u"pending"_s) {
        return OperationsTab::tr("Pending");
    }
    if (alert.state == u"suppressed"_s) {
        return alert.silencedBy.isEmpty() ? OperationsTab::tr("Suppressed") : OperationsTab::tr("Silenced");
    }
    return alert.state;
}

Health alertHealth(const AlertInfo &alert)
{
    if (alert.isFiring()) {
        return alert.isCritical() ? Health::Failed : Health::Degraded;
    }
    return alert.state == u"pending"_s ? Health::Progressing : Health::None;
}

QString number(double value)
{
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 100 ? 0 : (magnitude >= 10 ? 1 : (magnitude >= 1 ? 2 : 3));
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(120, 28);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setValues(const QList<double> &values)
{
    m_values = values;
    update();
}

QSize Sparkline::sizeHint() const
{
    return {240, 32};
}

void Sparkline::paintEvent(QPaintEvent *)
{
    if (m_values.size() < 2) {
        return;
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const auto [lowIt, highIt] = std::minmax_element(m_values.cbegin(), m_values.cend());
    double low = *lowIt;
    double high = *highIt;
    if (high - low < 1e-12) { // a flat line sits in the middle
        low -= 1;
        high += 1;
    }
    const QRectF area = QRectF(rect()).adjusted(2, 3, -2, -3);
    QPainterPath path;
    QPainterPath fill;
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        const double x = area.left() + area.width() * double(i) / double(m_values.size() - 1);
        const double y = area.bottom() - area.height() * (m_values.at(i) - low) / (high - low);
        if (i == 0) {
            path.moveTo(x, y);
            fill.moveTo(x, area.bottom());
        }
        path.lineTo(x, y);
        fill.lineTo(x, y);
    }
    fill.lineTo(area.right(), area.bottom());
    fill.closeSubpath();
    QColor line = palette().color(QPalette::Highlight);
    QColor shade = line;
    shade.setAlpha(40);
    painter.fillPath(fill, shade);
    painter.setPen(QPen(line, 1.5));
    painter.drawPath(path);
}

OperationsTab::OperationsTab(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"operationsTab"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);

    m_summary = new QLabel(content);
    m_summary->setObjectName(u"operationsSummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_empty = LiveTabSupport::makeEmptyLabel(u"operationsEmpty"_s, content);
    layout->addWidget(m_empty);

    m_alertsTitle = LiveTabSupport::makeSectionTitle(tr("Alerts"), content);
    m_alerts =
        makeTable(u"alertsView"_s, {tr("State"), tr("Alert"), tr("Severity"), tr("Since"), tr("Summary")}, content);
    layout->addWidget(m_alertsTitle);
    layout->addWidget(m_alerts);

    m_metricsTitle = LiveTabSupport::makeSectionTitle(tr("Key metrics"), content);
    m_metrics = new QWidget(content);
    m_metrics->setObjectName(u"metricsView"_s);
    m_metricsLayout = new QVBoxLayout(m_metrics);
    m_metricsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_metricsTitle);
    layout->addWidget(m_metrics);

    m_flagsTitle = LiveTabSupport::makeSectionTitle(tr("Feature flags"), content);
    m_flags = makeTable(u"flagsView"_s, {tr("Flag"), tr("Type")}, content);
    layout->addWidget(m_flagsTitle);
    layout->addWidget(m_flags);

    m_resourcesTitle = LiveTabSupport::makeSectionTitle(tr("Infrastructure"), content);
    m_resources = makeTable(u"resourcesView"_s,
                            {tr("Resource"), tr("Type"), tr("Workspace"), tr("Last change"), tr("Provider")}, content);
    layout->addWidget(m_resourcesTitle);
    layout->addWidget(m_resources);

    m_more = new QLabel(content);
    m_more->setObjectName(u"operationsMore"_s);
    m_more->setTextFormat(Qt::RichText);
    m_more->setWordWrap(true);
    m_more->setOpenExternalLinks(true);
    layout->addWidget(m_more);
    layout->addStretch(1);

    for (QTreeWidget *view : {m_alerts, m_flags, m_resources}) {
        connect(view, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
            if (const QString key = item->data(0, KeyRole).toString(); !key.isEmpty()) {
                Q_EMIT entityRequested(key);
            } else if (const QString url = item->data(0, UrlRole).toString(); !url.isEmpty()) {
                QDesktopServices::openUrl(QUrl(url));
            }
        });
    }
}

OperationsTab::~OperationsTab() = default;

QString OperationsTab::title() const
{
    return tr("Operations");
}

void OperationsTab::show(const Catalog &catalog, int index, const EntityOps *ops)
{
    showResources(catalog, index);
    showFlags(ops);
    showAlerts(ops);
    showMetrics(ops);

    QStringList more;
    if (ops && !ops->silences.isEmpty()) {
        QStringList lines;
        for (const SilenceInfo &s : ops->silences) {
            lines.append(tr("<b>%1</b> by %2 until %3: %4")
                             .arg(s.matchers.toHtmlEscaped(), s.createdBy.toHtmlEscaped(), Format::dateTime(s.endsAt),
                                  s.comment.toHtmlEscaped()));
        }
        more.append(u"<p><b>"_s + tr("Silences") + u"</b><br>"_s + lines.join(u"<br>"_s) + u"</p>"_s);
    }
    if (ops && !ops->costs.isEmpty()) {
        QStringList lines;
        for (const CostInfo &c : ops->costs) {
            lines.append(tr("%1 over %2: %3 (CPU %4, memory %5, storage %6)")
                             .arg(c.allocation.toHtmlEscaped(), c.window.toHtmlEscaped(), number(c.total),
                                  number(c.cpu), number(c.ram), number(c.storage)));
        }
        more.append(u"<p><b>"_s + tr("Cost") + u"</b><br>"_s + lines.join(u"<br>"_s) + u"</p>"_s);
    }
    if (ops && !ops->problems.isEmpty()) {
        more.append(LiveTabSupport::problemsHtml(ops->problems));
    }
    m_more->setText(more.join(QString()));
    m_more->setVisible(!more.isEmpty());

    const int resources = m_resources->topLevelItemCount();
    m_hasContent = resources > 0 || (ops && !ops->isEmpty());
    m_empty->setVisible(!m_hasContent);
    m_empty->setText(tr("No infrastructure, feature flags, alerts or metrics are known for this entity. Monitoring "
                        "and flag sources map them by the entity's name or its prometheus.io/service annotation; "
                        "Terraform resources by a tag or the terraform.io/resources annotation."));
    QStringList summary;
    if (ops) {
        const int firing = ops->firingCount();
        summary.append(firing > 0 ? u"<span style=\"color:%1\"><b>%2</b></span>"_s.arg(
                           LiveStyle::healthColor(ops->alertHealth()).name(), tr("%n firing alert(s)", nullptr, firing))
                                  : tr("No alert firing"));
        if (!ops->flags.isEmpty()) {
            summary.append(tr("%n feature flag(s)", nullptr, int(ops->flags.size())));
        }
        if (const int stale = ops->staleFlagCount(); stale > 0) {
            summary.append(tr("%n stale", nullptr, stale));
        }
        if (ops->updatedAt.isValid()) {
            summary.append(Format::muted(tr("read %1").arg(Format::relativeTime(ops->updatedAt))));
        }
    }
    if (resources > 0) {
        summary.append(tr("%n resource(s)", nullptr, resources));
    }
    m_summary->setText(summary.join(u" · "_s));
    m_summary->setVisible(!summary.isEmpty());
}

void OperationsTab::showResources(const Catalog &catalog, int index)
{
    m_resources->clear();
    if (index < 0 || index >= catalog.size()) {
        m_resourcesTitle->hide();
        m_resources->hide();
        return;
    }
    auto addRow = [this](const Entity &e) {
        const QCborMap terraform = e.spec.value(u"terraform"_s).toMap();
        auto *item = new QTreeWidgetItem(m_resources);
        item->setText(0, e.displayName());
        item->setText(1, e.specString("type"_L1));
        item->setText(2, terraform.value(u"workspace"_s).toString());
        item->setText(3, changeLabel(terraform.value(u"change"_s).toString()));
        item->setText(4, terraform.value(u"provider"_s).toString().section(u'/', -2));
        item->setData(0, KeyRole, e.key());
        item->setToolTip(0, e.refString());
    };
    // The resources this entity depends on (Terraform's, and any other Resource).
    for (const CatalogRelation &r : catalog.relations(index)) {
        if (r.type != RelationType::DependsOn || r.target < 0) {
            continue;
        }
        const Entity &target = catalog.entity(r.target);
        if (target.kind.compare(u"Resource"_s, Qt::CaseInsensitive) == 0
            && target.specString("type"_L1) != u"terraform-workspace"_s) {
            addRow(target);
        }
    }
    // A Terraform resource itself: its key attributes.
    const Entity &self = catalog.entity(index);
    const QCborMap attributes = self.spec.value(u"terraform"_s).toMap().value(u"attributes"_s).toMap();
    if (!attributes.isEmpty()) {
        m_resources->setHeaderLabels({tr("Attribute"), tr("Value")});
        for (auto it = attributes.constBegin(); it != attributes.constEnd(); ++it) {
            auto *item = new QTreeWidgetItem(m_resources);
            item->setText(0, it.key().toString());
            const QCborValue v = it.value();
            item->setText(1, v.isMap() || v.isArray() ? QString::fromUtf8(
                                 QJsonDocument::fromVariant(v.toVariant()).toJson(QJsonDocument::Compact))
                                                      : v.toVariant().toString());
        }
        m_resourcesTitle->setText(tr("Terraform attributes"));
    } else {
        m_resources->setHeaderLabels({tr("Resource"), tr("Type"), tr("Workspace"), tr("Last change"), tr("Provider")});
        m_resourcesTitle->setText(tr("Infrastructure"));
    }
    const bool any = m_resources->topLevelItemCount() > 0;
    m_resourcesTitle->setVisible(any);
    m_resources->setVisible(any);
    fitHeight(m_resources);
}

void OperationsTab::showFlags(const EntityOps *ops)
{
    m_flags->clear();
    const bool any = ops && !ops->flags.isEmpty();
    m_flagsTitle->setVisible(any);
    m_flags->setVisible(any);
    if (!any) {
        return;
    }
    QStringList environments;
    for (const FeatureFlagInfo &f : ops->flags) {
        for (const FlagEnvironment &e : f.environments) {
            if (!environments.contains(e.name)) {
                environments.append(e.name);
            }
        }
    }
    QStringList headers{tr("Flag"), tr("Type")};
    headers += environments;
    headers.append(tr("Notes"));
    m_flags->setHeaderLabels(headers);
    for (const FeatureFlagInfo &f : ops->flags) {
        auto *item = new QTreeWidgetItem(m_flags);
        item->setText(0, f.name);
        item->setToolTip(0, f.description.isEmpty() ? f.url : f.description);
        item->setData(0, UrlRole, f.url);
        item->setText(1, f.type);
        for (qsizetype c = 0; c < environments.size(); ++c) {
            const auto env = std::find_if(f.environments.cbegin(), f.environments.cend(),
                                          [&](const FlagEnvironment &e) { return e.name == environments.at(c); });
            const int column = int(2 + c);
            if (env == f.environments.cend()) {
                item->setText(column, u"—"_s);
                continue;
            }
            item->setText(column, env->enabled ? tr("On") : tr("Off"));
            item->setIcon(column, LiveStyle::healthIcon(env->enabled ? Health::Healthy : Health::None));
        }
        if (f.stale) {
            item->setText(int(headers.size() - 1), tr("Stale: %1").arg(f.staleReason));
            item->setForeground(int(headers.size() - 1), LiveStyle::healthColor(Health::Degraded));
        }
    }
    fitHeight(m_flags);
}

void OperationsTab::showAlerts(const EntityOps *ops)
{
    m_alerts->clear();
    const bool any = ops && !ops->alerts.isEmpty();
    m_alertsTitle->setVisible(any || (ops && !ops->metrics.isEmpty()));
    m_alertsTitle->setText(any ? tr("Alerts") : tr("Alerts: none firing or pending"));
    m_alerts->setVisible(any);
    if (!any) {
        return;
    }
    for (const AlertInfo &a : ops->alerts) {
        auto *item = new QTreeWidgetItem(m_alerts);
        item->setIcon(0, LiveStyle::healthIcon(alertHealth(a)));
        item->setText(0, alertStateLabel(a));
        item->setText(1, a.name);
        item->setText(2, a.severity);
        item->setText(3, a.activeSince.isValid() ? Format::relativeTime(a.activeSince) : QString());
        item->setToolTip(3, Format::dateTime(a.activeSince));
        item->setText(4, a.summary);
        item->setToolTip(4, a.description.isEmpty() ? a.labels.join(u", "_s) : a.description);
        item->setData(0, UrlRole, a.url);
        if (a.isFiring()) {
            item->setForeground(0, LiveStyle::healthColor(alertHealth(a)));
        }
    }
    fitHeight(m_alerts);
}

void OperationsTab::showMetrics(const EntityOps *ops)
{
    while (QLayoutItem *item = m_metricsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const bool any = ops && !ops->metrics.isEmpty();
    m_metricsTitle->setVisible(any);
    m_metrics->setVisible(any);
    if (!any) {
        return;
    }
    for (const MetricSeries &m : ops->metrics) {
        auto *row = new QWidget(m_metrics);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *name = new QLabel(m.title, row);
        name->setMinimumWidth(140);
        auto *value = new QLabel(row);
        value->setObjectName(u"metricValue"_s);
        value->setText(m.isEmpty() ? u"—"_s : u"<b>%1</b> %2"_s.arg(number(m.latest()), m.unit.toHtmlEscaped()));
        value->setMinimumWidth(110);
        auto *line = new Sparkline(row);
        line->setValues(m.values);
        line->setToolTip(tr("%n point(s) over the last window", nullptr, int(m.values.size())));
        h->addWidget(name);
        h->addWidget(value);
        h->addWidget(line, 1);
        m_metricsLayout->addWidget(row);
    }
}

} // namespace Portolan::Ui
