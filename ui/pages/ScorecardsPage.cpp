#include "ScorecardsPage.h"

#include "dialogs/WhatIfDialog.h"
#include "models/ScorecardModels.h"
#include "util/Clock.h"
#include "widgets/Banner.h"
#include "widgets/Card.h"
#include "widgets/ScorecardCharts.h"

#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <set>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

constexpr int trendDays = 90;
constexpr int changeDays = 7;

// Rule names written upwards over narrow columns, with the rule's level as a stripe under each.
class RuleHeader final : public QHeaderView
{
public:
    explicit RuleHeader(QWidget *parent)
        : QHeaderView(Qt::Horizontal, parent)
    {
        setSectionsClickable(true);
        setHighlightSections(false);
        setDefaultAlignment(Qt::AlignLeft | Qt::AlignBottom);
    }

    QSize sizeHint() const override
    {
        QSize size = QHeaderView::sizeHint();
        size.setHeight(std::max(size.height(), 150));
        return size;
    }

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override
    {
        if (logicalIndex < ScorecardHeatmapModel::FirstRuleColumn) {
            painter->save();
            QHeaderView::paintSection(painter, rect, logicalIndex);
            painter->restore();
            return;
        }
        painter->save();
        painter->fillRect(rect, palette().color(QPalette::Button));
        painter->setPen(palette().color(QPalette::Mid));
        painter->drawLine(rect.topRight(), rect.bottomRight());
        painter->drawLine(rect.bottomLeft(), rect.bottomRight());
        const QColor level =
            model()->headerData(logicalIndex, Qt::Horizontal, ScorecardHeatmapModel::LevelColorRole).value<QColor>();
        painter->fillRect(QRect(rect.left() + 1, rect.bottom() - 4, rect.width() - 2, 4), level);
        const QString text = model()->headerData(logicalIndex, Qt::Horizontal).toString();
        painter->translate(rect.left() + rect.width() / 2 + fontMetrics().ascent() / 2 - 2, rect.bottom() - 8);
        painter->rotate(-90);
        painter->setPen(palette().color(QPalette::ButtonText));
        painter->drawText(QRect(0, -fontMetrics().ascent(), rect.height() - 12, fontMetrics().height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          fontMetrics().elidedText(text, Qt::ElideRight, rect.height() - 14));
        painter->restore();
    }
};

QString levelMove(const ScoreChange &change)
{
    const auto name = [](const std::optional<ScoreState> &s) {
        if (!s) {
            return QCoreApplication::translate("ScorecardsPage", "not scored");
        }
        return s->level.isEmpty() ? QCoreApplication::translate("ScorecardsPage", "below the first level") : s->level;
    };
    return u"%1 → %2"_s.arg(name(change.before), name(change.after));
}

} // namespace

ScorecardsPage::ScorecardsPage(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_cardCombo(new QComboBox(this))
    , m_description(new QLabel(this))
    , m_problems(new Banner(this))
    , m_owner(new QComboBox(this))
    , m_system(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_rowsGroup(new QButtonGroup(this))
    , m_count(new QLabel(this))
    , m_whatIf(new QPushButton(tr("What If…"), this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_distribution(new LevelDistribution(this))
    , m_trend(new LevelTrend(this))
    , m_trendTitle(new QLabel(this))
    , m_changes(new QTreeWidget(this))
    , m_changesTitle(new QLabel(this))
    , m_heatmap(new ScorecardHeatmapModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_heatmapView(new QTableView(this))
{
    setObjectName(u"scorecardsPage"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    m_empty->setObjectName(u"scorecardsEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::RichText);
    m_empty->setContentsMargins(40, 40, 40, 40);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    auto *content = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(10);

    // Title row: which scorecard, and what can be done with it.
    auto *titleRow = new QHBoxLayout;
    auto *title = new QLabel(tr("Scorecards"), content);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    m_cardCombo->setObjectName(u"scorecardCombo"_s);
    m_cardCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_cardCombo->setAccessibleName(tr("Scorecard"));
    m_whatIf->setObjectName(u"scorecardWhatIf"_s);
    m_whatIf->setToolTip(tr("Edit this scorecard and see which entities would move up or down, before committing it"));
    m_export->setObjectName(u"scorecardExport"_s);
    m_export->setToolTip(tr("Save the rows shown, with every rule's result, as a CSV file"));
    titleRow->addWidget(title);
    titleRow->addSpacing(12);
    titleRow->addWidget(m_cardCombo);
    titleRow->addStretch(1);
    titleRow->addWidget(m_whatIf);
    titleRow->addWidget(m_export);
    layout->addLayout(titleRow);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_description);
    m_problems->setObjectName(u"scorecardProblems"_s);
    m_problems->setKind(Banner::Kind::Error);
    m_problems->hide();
    layout->addWidget(m_problems);

    // Filters.
    auto *filters = new QHBoxLayout;
    filters->setSpacing(6);
    const auto addFilter = [&](QComboBox *combo, const QString &label, const QString &name) {
        combo->setObjectName(name);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumContentsLength(10);
        combo->setAccessibleName(label);
        auto *caption = new QLabel(label, content);
        caption->setBuddy(combo);
        filters->addWidget(caption);
        filters->addWidget(combo);
        filters->addSpacing(10);
        connect(combo, &QComboBox::currentIndexChanged, this, &ScorecardsPage::applyFilters);
    };
    addFilter(m_owner, tr("&Owner:"), u"scorecardOwner"_s);
    addFilter(m_system, tr("S&ystem:"), u"scorecardSystem"_s);
    addFilter(m_kind, tr("&Kind:"), u"scorecardKind"_s);
    filters->addStretch(1);
    auto *entitiesButton = new QRadioButton(tr("&Entities"), content);
    entitiesButton->setObjectName(u"scorecardRowsEntities"_s);
    auto *teamsButton = new QRadioButton(tr("&Teams"), content);
    teamsButton->setObjectName(u"scorecardRowsTeams"_s);
    entitiesButton->setChecked(true);
    m_rowsGroup->addButton(entitiesButton, 0);
    m_rowsGroup->addButton(teamsButton, 1);
    connect(m_rowsGroup, &QButtonGroup::idClicked, this, [this] { applyFilters(); });
    filters->addWidget(new QLabel(tr("Rows:"), content));
    filters->addWidget(entitiesButton);
    filters->addWidget(teamsButton);
    layout->addLayout(filters);

    // Left: levels, trend, changes. Right: the heatmap.
    auto *splitter = new QSplitter(Qt::Horizontal, content);
    splitter->setChildrenCollapsible(false);
    auto *side = new QWidget(splitter);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 6, 0);
    sideLayout->setSpacing(10);
    auto *levels = new Card(tr("Levels"), side);
    levels->contentLayout()->addWidget(m_distribution);
    levels->addHeaderWidget(m_count);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    sideLayout->addWidget(levels);
    auto *trendCard = new Card(tr("Trend"), side);
    m_trendTitle->setForegroundRole(QPalette::PlaceholderText);
    trendCard->addHeaderWidget(m_trendTitle);
    trendCard->contentLayout()->addWidget(m_trend, 1);
    sideLayout->addWidget(trendCard, 2);
    auto *changesCard = new Card(tr("What changed"), side);
    m_changesTitle->setForegroundRole(QPalette::PlaceholderText);
    changesCard->addHeaderWidget(m_changesTitle);
    m_changes->setObjectName(u"scorecardChanges"_s);
    m_changes->setHeaderLabels({tr("Entity"), tr("Level"), tr("Rules")});
    m_changes->setRootIsDecorated(false);
    m_changes->setFrameShape(QFrame::NoFrame);
    m_changes->setUniformRowHeights(true);
    // The rules column takes what is left of the card's width; the full texts are in the tooltips.
    m_changes->header()->setStretchLastSection(true);
    m_changes->header()->setMinimumSectionSize(40);
    m_changes->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_changes->setColumnWidth(0, 130);
    m_changes->setColumnWidth(1, 120);
    connect(m_changes, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString key = item->data(0, Qt::UserRole).toString();
        if (m_results && m_results->catalog->indexOf(key) >= 0) {
            Q_EMIT entityRequested(key);
        }
    });
    changesCard->contentLayout()->addWidget(m_changes, 1);
    sideLayout->addWidget(changesCard, 3);
    side->setMinimumWidth(340);

    m_proxy->setSourceModel(m_heatmap);
    m_proxy->setSortRole(ScorecardHeatmapModel::SortRole);
    m_heatmapView->setObjectName(u"scorecardHeatmap"_s);
    m_heatmapView->setModel(m_proxy);
    m_heatmapView->setHorizontalHeader(new RuleHeader(m_heatmapView));
    m_heatmapView->setSortingEnabled(true);
    m_heatmapView->sortByColumn(ScorecardHeatmapModel::LevelColumn, Qt::AscendingOrder);
    m_heatmapView->verticalHeader()->hide();
    m_heatmapView->verticalHeader()->setDefaultSectionSize(m_heatmapView->fontMetrics().height() + 8);
    m_heatmapView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_heatmapView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_heatmapView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_heatmapView->setWordWrap(false);
    m_heatmapView->setShowGrid(true);
    m_heatmapView->setAccessibleName(tr("Rules passed per entity"));
    connect(m_heatmapView, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString key = index.data(ScorecardHeatmapModel::EntityKeyRole).toString();
        if (!key.isEmpty()) {
            Q_EMIT entityRequested(key);
        } else if (m_heatmap->rows() == ScorecardHeatmapModel::Rows::Teams) {
            // A team: show its entities.
            const QString team = m_proxy->index(index.row(), 0).data(ScorecardHeatmapModel::SortRole).toString();
            m_rowsGroup->button(0)->setChecked(true);
            setFilter(Facet::Owner, team);
        }
    });
    splitter->addWidget(side);
    splitter->addWidget(m_heatmapView);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({380, 900});
    layout->addWidget(splitter, 1);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(content);

    connect(m_cardCombo, &QComboBox::currentIndexChanged, this, &ScorecardsPage::rebuild);
    connect(m_export, &QPushButton::clicked, this, &ScorecardsPage::chooseExportFile);
    connect(m_whatIf, &QPushButton::clicked, this, &ScorecardsPage::openWhatIf);
    connect(m_problems, &Banner::linkActivated, this, [this](const QString &link) {
        // "file:line"
        const qsizetype colon = link.lastIndexOf(u':');
        Q_EMIT fileRequested(link.left(colon), link.mid(colon + 1).toInt(), 0);
    });
    onResults(nullptr);
}

ScorecardsPage::~ScorecardsPage() = default;

void ScorecardsPage::setController(ScorecardsController *controller)
{
    if (m_controller) {
        disconnect(m_controller, nullptr, this, nullptr);
    }
    m_controller = controller;
    if (controller) {
        connect(controller, &ScorecardsController::resultsChanged, this, &ScorecardsPage::onResults);
        connect(controller, &ScorecardsController::historyReady, this, &ScorecardsPage::onHistory);
    }
    onResults(controller ? controller->results() : nullptr);
}

int ScorecardsPage::cardIndex() const
{
    if (!m_results) {
        return -1;
    }
    const QString id = m_cardCombo->currentData().toString();
    for (qsizetype i = 0; i < m_results->cards.size(); ++i) {
        if (m_results->cards.at(i).id == id) {
            return int(i);
        }
    }
    return -1;
}

QString ScorecardsPage::currentScorecard() const
{
    return m_cardCombo->currentData().toString();
}

void ScorecardsPage::setScorecard(const QString &id)
{
    const int at = m_cardCombo->findData(id);
    if (at >= 0) {
        m_cardCombo->setCurrentIndex(at);
    }
}

void ScorecardsPage::setFilter(Facet facet, const QString &value)
{
    QComboBox *combo = facet == Facet::Owner ? m_owner : facet == Facet::System ? m_system : m_kind;
    const int at = value.isEmpty() ? 0 : combo->findData(value);
    if (at >= 0) {
        combo->setCurrentIndex(at);
    }
}

void ScorecardsPage::setTeamRows(bool teams)
{
    m_rowsGroup->button(teams ? 1 : 0)->setChecked(true);
    applyFilters();
}

void ScorecardsPage::onResults(const ScorecardResults::Ptr &results)
{
    m_results = results;
    if (!results || results->cards.isEmpty()) {
        QString text = u"<p style='font-size:large'><b>%1</b></p><p>%2</p>"_s.arg(
            tr("No scorecards in this workspace").toHtmlEscaped(),
            tr("Scorecards are YAML files in the workspace's scorecards folder: which entities they apply to, levels "
               "such as Bronze, Silver and Gold, and the rules of each level. See “Scorecards” in the README.")
                .toHtmlEscaped());
        if (results && !results->problems.isEmpty()) {
            QStringList lines;
            for (const Error &e : results->problems) {
                lines << e.toString().toHtmlEscaped();
            }
            text += u"<p>%1</p><pre>%2</pre>"_s.arg(tr("The scorecard files have problems:").toHtmlEscaped(),
                                                    lines.join(u'\n'));
        }
        m_empty->setText(results || !m_controller ? text : tr("Evaluating the scorecards…"));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_stack->setCurrentIndex(1);
    const QString current = m_cardCombo->currentData().toString();
    {
        const QSignalBlocker block(m_cardCombo);
        m_cardCombo->clear();
        for (const Scorecard &card : results->cards) {
            m_cardCombo->addItem(card.displayTitle(), card.id);
        }
        const int at = m_cardCombo->findData(current);
        m_cardCombo->setCurrentIndex(at >= 0 ? at : 0);
    }
    // Problems of the scorecard files, each a link to its line.
    if (results->problems.isEmpty()) {
        m_problems->hide();
    } else {
        QStringList lines;
        for (const Error &e : results->problems) {
            lines << u"<a href=\"%1:%2\">%3</a>"_s.arg(e.file.toHtmlEscaped())
                         .arg(e.line)
                         .arg(e.toString().toHtmlEscaped());
        }
        m_problems->setText(
            tr("%n scorecard problem(s); the rules they concern are left out:", nullptr, int(results->problems.size()))
            + u"<br>"_s + lines.join(u"<br>"_s));
        m_problems->show();
    }
    rebuild();
}

void ScorecardsPage::rebuild()
{
    const int card = cardIndex();
    if (card < 0) {
        return;
    }
    const Scorecard &c = m_results->cards.at(card);
    m_description->setText(c.description);
    m_description->setVisible(!c.description.isEmpty());
    // The filters' values: those of the entities the scorecard applies to.
    const Catalog &catalog = *m_results->catalog;
    const ScorecardRun &run = m_results->runs[std::size_t(card)];
    for (const auto &[combo, facet] :
         {std::pair{m_owner, Facet::Owner}, std::pair{m_system, Facet::System}, std::pair{m_kind, Facet::Kind}}) {
        std::set<QString> values;
        for (const EntityScore &s : run.entities) {
            values.insert(catalog.facetValue(s.entity, facet));
        }
        const QString selected = combo->currentData().toString();
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(tr("All"), QString());
        for (const QString &v : values) {
            if (!v.isEmpty()) {
                combo->addItem(v, v);
            }
        }
        const int at = combo->findData(selected);
        combo->setCurrentIndex(at >= 0 ? at : 0);
    }
    applyFilters();
}

void ScorecardsPage::applyFilters()
{
    const int card = cardIndex();
    if (card < 0) {
        return;
    }
    const Scorecard &c = m_results->cards.at(card);
    const Catalog &catalog = *m_results->catalog;
    const ScorecardRun &run = m_results->runs[std::size_t(card)];
    const QString owner = m_owner->currentData().toString();
    const QString system = m_system->currentData().toString();
    const QString kind = m_kind->currentData().toString();
    m_shown.clear();
    QList<int> counts(c.levels.size() + 1, 0);
    for (std::size_t s = 0; s < run.entities.size(); ++s) {
        const int e = run.entities[s].entity;
        if ((!owner.isEmpty() && catalog.facetValue(e, Facet::Owner) != owner)
            || (!system.isEmpty() && catalog.facetValue(e, Facet::System) != system)
            || (!kind.isEmpty() && catalog.facetValue(e, Facet::Kind) != kind)) {
            continue;
        }
        m_shown.push_back(int(s));
        const int level = run.entities[s].level;
        ++counts[level >= 0 ? level : int(c.levels.size())];
    }
    m_distribution->setCounts(c, counts);
    m_count->setText(tr("%n entities", nullptr, int(m_shown.size())));
    const bool teams = m_rowsGroup->checkedId() == 1;
    m_heatmap->setResults(m_results, card, m_shown,
                          teams ? ScorecardHeatmapModel::Rows::Teams : ScorecardHeatmapModel::Rows::Entities);
    QHeaderView *header = m_heatmapView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->resizeSection(ScorecardHeatmapModel::NameColumn, teams ? 240 : 220);
    header->resizeSection(ScorecardHeatmapModel::LevelColumn, 130);
    header->resizeSection(ScorecardHeatmapModel::ScoreColumn, 64);
    for (int col = ScorecardHeatmapModel::FirstRuleColumn; col < m_heatmap->columnCount(); ++col) {
        header->resizeSection(col, teams ? 50 : 34);
    }
    m_export->setEnabled(!m_shown.empty());
    requestHistory();
}

void ScorecardsPage::requestHistory()
{
    const int card = cardIndex();
    if (!m_controller || card < 0) {
        return;
    }
    QSet<QString> keys;
    keys.reserve(qsizetype(m_shown.size()));
    const ScorecardRun &run = m_results->runs[std::size_t(card)];
    for (const int s : m_shown) {
        keys.insert(m_results->catalog->entity(run.entities[std::size_t(s)].entity).key());
    }
    m_historyRequest = m_controller->requestHistory(m_results->cards.at(card).id, keys, trendDays, changeDays);
}

void ScorecardsPage::onHistory(const ScorecardsController::History &history)
{
    const int card = cardIndex();
    if (history.requestId != m_historyRequest || card < 0) {
        return;
    }
    const Scorecard &c = m_results->cards.at(card);
    const QDate today = m_controller->clock().now().toUTC().date();
    // The last 90 days, or since the history began (at least two weeks, so a young history does not fill the plot
    // with one column).
    QDate from = today.addDays(-trendDays + 1);
    if (!history.trend.isEmpty()) {
        from = std::max(from, std::min(history.trend.first().day, today.addDays(-13)));
    }
    m_trend->setTrend(c, history.trend, from, today);
    m_trendTitle->setText(tr("last %n days", nullptr, int(from.daysTo(today)) + 1));
    if (!history.error.isEmpty()) {
        m_trend->setMessage(tr("The history could not be read: %1").arg(history.error));
    }
    m_changesTitle->setText(tr("since %1").arg(QLocale().toString(history.since, QLocale::ShortFormat)));
    m_changes->clear();
    const Catalog &catalog = *m_results->catalog;
    QList<QTreeWidgetItem *> items;
    for (const ScoreChange &change : history.changes) {
        const int index = catalog.indexOf(change.entityKey);
        auto *item = new QTreeWidgetItem;
        item->setText(0, index >= 0 ? catalog.entity(index).displayName() : change.entityKey);
        item->setData(0, Qt::UserRole, change.entityKey);
        item->setToolTip(0, change.entityKey);
        item->setText(1, levelMove(change));
        const int direction = change.direction();
        item->setForeground(1, direction > 0   ? QColor(0x16, 0xa3, 0x4a)
                               : direction < 0 ? QColor(0xdc, 0x26, 0x26)
                                               : palette().color(QPalette::WindowText));
        QStringList rules;
        for (const QString &r : change.nowPassing) {
            rules << u"+"_s + r;
        }
        for (const QString &r : change.nowFailing) {
            rules << u"−"_s + r;
        }
        item->setText(2, rules.join(u"  "_s));
        item->setToolTip(2, rules.join(u'\n'));
        items.append(item);
        if (items.size() >= 500) {
            break; // the rest is in the CSV and the CLI
        }
    }
    m_changes->addTopLevelItems(items);
    if (items.isEmpty()) {
        auto *none = new QTreeWidgetItem({tr("No entity changed level or rules")});
        none->setFlags(Qt::NoItemFlags);
        m_changes->addTopLevelItem(none);
        none->setFirstColumnSpanned(true);
    }
    Q_EMIT historyShown();
}

void ScorecardsPage::exportCsv(const QString &file, std::function<void(const QString &)> done)
{
    const int card = cardIndex();
    if (card < 0) {
        return;
    }
    const ScorecardResults::Ptr results = m_results;
    std::vector<int> rows = m_shown;
    QPointer<ScorecardsPage> self(this);
    (void)QtConcurrent::run([results, card, rows, file, self, done] {
        QSaveFile out(file);
        QString error;
        if (!out.open(QIODevice::WriteOnly) || out.write(scorecardCsv(*results, card, rows)) < 0 || !out.commit()) {
            error = out.errorString();
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, done, error] {
                if (done) {
                    done(error);
                }
            },
            Qt::QueuedConnection);
    });
}

void ScorecardsPage::chooseExportFile()
{
    const int card = cardIndex();
    if (card < 0) {
        return;
    }
    const QString suggested = QDir::home().filePath(
        u"%1-%2.csv"_s.arg(m_results->cards.at(card).id, m_results->at.toString(u"yyyy-MM-dd"_s)));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Scorecard"), suggested, tr("CSV files (*.csv)"));
    if (file.isEmpty()) {
        return;
    }
    QPointer<ScorecardsPage> self(this);
    exportCsv(file, [self, file](const QString &error) {
        if (self && !error.isEmpty()) {
            QMessageBox::warning(self, tr("Export Scorecard"), tr("Could not write %1: %2").arg(file, error));
        }
    });
}

void ScorecardsPage::openWhatIf()
{
    const int card = cardIndex();
    if (card < 0 || !m_controller) {
        return;
    }
    auto *dialog = new WhatIfDialog(m_controller, m_results->cards.at(card), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WhatIfDialog::entityRequested, this, &ScorecardsPage::entityRequested);
    dialog->show();
}

} // namespace Portolan::Ui
