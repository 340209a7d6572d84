#include "RunsPage.h"

#include "ActionsController.h"
#include "models/Format.h"
#include "models/RunsModel.h"
#include "widgets/Banner.h"
#include "widgets/Card.h"
#include "widgets/Icons.h"
#include "widgets/SearchField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

using namespace Core;

namespace {

QString valueText(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isObject() || value.isArray()) {
        return QString::fromUtf8(value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                                  : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    }
    return value.toVariant().toString();
}

} // namespace

RunsPage::RunsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new RunsModel(this))
    , m_filter(new RunsFilterModel(this))
    , m_search(new SearchField(this))
    , m_status(new QComboBox(this))
    , m_action(new QComboBox(this))
    , m_mine(new QCheckBox(tr("Only &mine"), this))
    , m_table(new QTableView(this))
    , m_details(new QWidget(this))
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_error(new Banner(this))
    , m_approval(new Banner(this))
    , m_parameters(new QLabel(this))
    , m_steps(new QListWidget(this))
    , m_log(new QPlainTextEdit(this))
    , m_links(new QLabel(this))
    , m_texts(new QLabel(this))
    , m_rerun(new QPushButton(tr("Re-run…"), this))
    , m_cancel(new QPushButton(tr("Cancel Run"), this))
    , m_refresh(new QPushButton(tr("Refresh Status"), this))
    , m_empty(new QLabel(this))
{
    setObjectName(u"runsPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(10);

    auto *titleRow = new QHBoxLayout;
    auto *title = new QLabel(tr("Runs"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    titleRow->addWidget(title);
    titleRow->addSpacing(16);
    m_search->setObjectName(u"runsSearch"_s);
    m_search->setAccessibleName(tr("Search the runs"));
    m_search->setPlaceholderText(tr("Search runs: action, entity, parameters"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    titleRow->addWidget(m_search);
    titleRow->addSpacing(12);
    auto *statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    m_status->setObjectName(u"runsStatus"_s);
    m_status->addItem(tr("All"), -1);
    for (ActionRun::Status s : {ActionRun::Status::Running, ActionRun::Status::Waiting, ActionRun::Status::Succeeded,
                                ActionRun::Status::Failed, ActionRun::Status::Cancelled, ActionRun::Status::Queued}) {
        m_status->addItem(RunStyle::statusLabel(s), int(s));
    }
    auto *actionLabel = new QLabel(tr("A&ction:"), this);
    actionLabel->setBuddy(m_action);
    m_action->setObjectName(u"runsAction"_s);
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_mine->setObjectName(u"runsMine"_s);
    titleRow->addWidget(statusLabel);
    titleRow->addWidget(m_status);
    titleRow->addSpacing(8);
    titleRow->addWidget(actionLabel);
    titleRow->addWidget(m_action);
    titleRow->addSpacing(8);
    titleRow->addWidget(m_mine);
    titleRow->addStretch(1);
    layout->addLayout(titleRow);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    m_filter->setSourceModel(m_model);
    m_table->setObjectName(u"runsTable"_s);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunsModel::StartedColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(RunsModel::ActionColumn, QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Runs"));
    splitter->addWidget(m_table);

    auto *scroll = new QScrollArea(splitter);
    scroll->setAccessibleName(tr("Run details"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *detail = new QVBoxLayout(m_details);
    detail->setContentsMargins(14, 0, 4, 4);
    detail->setSpacing(8);
    QFont runFont = m_title->font();
    runFont.setPointSizeF(runFont.pointSizeF() * 1.2);
    runFont.setWeight(QFont::DemiBold);
    m_title->setFont(runFont);
    m_title->setObjectName(u"runTitle"_s);
    m_title->setWordWrap(true);
    m_meta->setObjectName(u"runMeta"_s);
    m_meta->setWordWrap(true);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    auto *buttons = new QHBoxLayout;
    m_rerun->setObjectName(u"runRerun"_s);
    m_rerun->setToolTip(tr("Open the action's form with this run's parameters (secret ones are never kept)"));
    m_cancel->setObjectName(u"runCancel"_s);
    m_cancel->setIcon(Icons::icon(Icons::Glyph::Stop));
    m_refresh->setObjectName(u"runRefresh"_s);
    m_refresh->setIcon(Icons::icon(Icons::Glyph::Reload));
    m_refresh->setToolTip(tr("Ask the platform for the state of the workflow runs and pull requests now"));
    buttons->addWidget(m_rerun);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_refresh);
    buttons->addStretch(1);
    detail->addWidget(m_title);
    detail->addWidget(m_meta);
    detail->addLayout(buttons);
    m_error->setObjectName(u"runError"_s);
    m_error->setKind(Banner::Kind::Error);
    m_error->hide();
    detail->addWidget(m_error);
    m_approval->setObjectName(u"runApproval"_s);
    m_approval->hide();
    detail->addWidget(m_approval);

    auto *linksCard = new Card(tr("Results"), m_details);
    m_links->setObjectName(u"runLinks"_s);
    m_links->setWordWrap(true);
    m_links->setTextFormat(Qt::RichText);
    m_links->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_texts->setObjectName(u"runTexts"_s);
    m_texts->setWordWrap(true);
    m_texts->setTextFormat(Qt::MarkdownText);
    m_texts->setTextInteractionFlags(Qt::TextBrowserInteraction);
    linksCard->contentLayout()->addWidget(m_links);
    linksCard->contentLayout()->addWidget(m_texts);
    detail->addWidget(linksCard);

    auto *stepsCard = new Card(tr("Steps"), m_details);
    m_steps->setObjectName(u"runSteps"_s);
    m_steps->setMaximumHeight(150);
    m_steps->setFrameShape(QFrame::NoFrame);
    stepsCard->contentLayout()->addWidget(m_steps);
    m_log->setObjectName(u"runLog"_s);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setMinimumHeight(160);
    m_log->setPlaceholderText(tr("The selected step's log and outputs"));
    stepsCard->contentLayout()->addWidget(m_log, 1);
    detail->addWidget(stepsCard, 1);

    auto *paramsCard = new Card(tr("Parameters"), m_details);
    m_parameters->setObjectName(u"runParameters"_s);
    m_parameters->setWordWrap(true);
    m_parameters->setTextFormat(Qt::RichText);
    m_parameters->setTextInteractionFlags(Qt::TextSelectableByMouse);
    paramsCard->contentLayout()->addWidget(m_parameters);
    detail->addWidget(paramsCard);
    scroll->setWidget(m_details);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    m_empty->setObjectName(u"runsEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("No runs yet. Start an action from the Actions page or an entity's page; every run is kept "
                        "here with its inputs, logs and results."));
    layout->addWidget(m_empty);

    connect(m_search, &QLineEdit::textChanged, m_filter, &RunsFilterModel::setText);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        const int s = m_status->currentData().toInt();
        m_filter->setStatus(s < 0 ? std::nullopt : std::optional<ActionRun::Status>(ActionRun::Status(s)));
    });
    connect(m_action, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setTemplate(m_action->currentData().toString()); });
    connect(m_mine, &QCheckBox::toggled, this, [this](bool on) {
        const QString me = m_controller ? (m_controller->user().entityRef.isEmpty() ? m_controller->user().login
                                                                                    : m_controller->user().entityRef)
                                        : QString();
        m_filter->setUser(on ? me : QString());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RunsPage::showRun);
    connect(m_steps, &QListWidget::currentRowChanged, this, &RunsPage::showStep);
    connect(m_approval, &Banner::linkActivated, this,
            [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
    connect(m_links, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(u"entity:"_s)) {
            Q_EMIT entityRequested(link.mid(7));
        } else {
            QDesktopServices::openUrl(QUrl(link));
        }
    });
    connect(m_rerun, &QPushButton::clicked, this, [this] {
        if (const ActionRun *run = m_model->run(selectedRunId())) {
            QJsonObject parameters = run->parameters;
            for (const QString &secret : run->secretFields) {
                parameters.remove(secret.section(u'.', 0, 0));
            }
            Q_EMIT rerunRequested(run->templateId, run->entityRef, parameters);
        }
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_controller && selectedRunId() > 0) {
            m_controller->cancel(selectedRunId());
        }
    });
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        if (m_controller) {
            m_controller->refreshLinks();
        }
    });
    showRun();
}

RunsPage::~RunsPage() = default;

void RunsPage::setController(ActionsController *controller)
{
    if (m_controller) {
        disconnect(m_controller, nullptr, this, nullptr);
    }
    m_controller = controller;
    m_loaded = false;
    m_model->setRuns(controller ? controller->runs() : QList<ActionRun>());
    if (controller) {
        connect(controller, &ActionsController::runsLoaded, this, [this](const QList<ActionRun> &runs) {
            const qint64 selected = m_pendingRun > 0 ? m_pendingRun : selectedRunId();
            m_model->setRuns(runs);
            m_loaded = true;
            fillActions();
            // Show the newest run when none was chosen, so the page never opens on an empty half.
            selectRun(selected > 0 || runs.isEmpty() ? selected : runs.first().id);
            if (!m_headerRestored) {
                m_table->resizeColumnsToContents();
            }
            m_empty->setVisible(runs.isEmpty());
            if (m_pendingRun > 0) {
                const bool found = m_model->rowOf(m_pendingRun) >= 0;
                m_pendingRun = 0;
                if (auto report = std::exchange(m_pendingFound, {})) {
                    report(found);
                }
            }
        });
        connect(controller, &ActionsController::runChanged, this, [this](const ActionRun &run) {
            const bool fresh = m_model->rowOf(run.id) < 0;
            m_model->updateRun(run);
            m_empty->setVisible(m_model->rowCount() == 0);
            if (fresh) {
                fillActions();
            }
            if (run.id == selectedRunId()) {
                showRun();
            }
        });
        connect(controller, &ActionsController::actionsChanged, this, &RunsPage::fillActions);
        controller->loadRuns();
    }
    fillActions();
    m_empty->setVisible(m_model->rowCount() == 0);
    m_table->resizeColumnToContents(RunsModel::StatusColumn);
}

void RunsPage::fillActions()
{
    const QString current = m_action->currentData().toString();
    QMap<QString, QString> titles;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        titles.insert(m_model->runAt(r).templateTitle, m_model->runAt(r).templateId);
    }
    if (m_controller) {
        for (const ActionTemplate &a : m_controller->actions()) {
            titles.insert(a.displayName(), a.id);
        }
    }
    QSignalBlocker block(m_action);
    m_action->clear();
    m_action->addItem(tr("All"), QString());
    for (auto it = titles.cbegin(); it != titles.cend(); ++it) {
        m_action->addItem(it.key(), it.value());
    }
    m_action->setCurrentIndex(std::max(0, m_action->findData(current)));
}

QByteArray RunsPage::headerState() const
{
    return m_table->horizontalHeader()->saveState();
}

void RunsPage::restoreHeaderState(const QByteArray &state)
{
    m_headerRestored = !state.isEmpty() && m_table->horizontalHeader()->restoreState(state);
}

void RunsPage::showRunWhenLoaded(qint64 id, std::function<void(bool found)> found)
{
    if (m_loaded) {
        selectRun(id);
        if (found) {
            found(m_model->rowOf(id) >= 0);
        }
        return;
    }
    m_pendingRun = id;
    m_pendingFound = std::move(found);
}

void RunsPage::selectRun(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0) {
        showRun();
        return;
    }
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (index.isValid()) {
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index);
    }
    showRun();
}

qint64 RunsPage::selectedRunId() const
{
    return m_table->currentIndex().data(RunsModel::RunIdRole).toLongLong();
}

// The approval a run asked for: who may give it, who answered and how, and where it stands.
void RunsPage::showApproval(const ActionRun &run)
{
    if (run.approval.isEmpty()) {
        m_approval->hide();
        return;
    }
    const ApprovalRequest request = ApprovalRequest::fromJson(run.approval);
    const bool passed = run.approval.value("passed"_L1).toBool();
    const ApprovalRequest::State state = passed ? ApprovalRequest::State::Approved : request.state();
    const QString who = request.itemLabels.join(u", "_s).toHtmlEscaped();
    QStringList lines;
    if (state == ApprovalRequest::State::Approved) {
        lines << tr("<b>Approved.</b> Asked of %1.").arg(who);
    } else if (state == ApprovalRequest::State::Rejected) {
        lines << tr("<b>Rejected.</b> Asked of %1.").arg(who);
    } else {
        lines << (request.rule.mode == ApprovalRule::Mode::All
                      ? tr("<b>Waiting for approval</b> from one of each: %1.").arg(who)
                      : tr("<b>Waiting for approval</b> from any one of: %1.").arg(who));
    }
    for (const ApprovalDecision &d : request.decisions) {
        const QString name = (d.approverName.isEmpty() ? d.approver : d.approverName).toHtmlEscaped();
        QString line = d.approved ? tr("%1 approved %2 (%3)").arg(name, Format::dateTime(d.at), d.via.toHtmlEscaped())
                                  : tr("%1 rejected %2 (%3)").arg(name, Format::dateTime(d.at), d.via.toHtmlEscaped());
        if (!d.comment.isEmpty()) {
            line += u": “%1”"_s.arg(d.comment.toHtmlEscaped());
        }
        if (!d.counts) {
            line += u" — "_s + tr("does not count: not an approver of this request");
        }
        lines << line;
    }
    if (const QString problem = run.approval.value("problem"_L1).toString(); !problem.isEmpty()) {
        lines << tr("The approvals repository could not be reached: %1. Portolan tries again.")
                     .arg(problem.toHtmlEscaped());
    }
    if (!request.changeUrl.isEmpty() && state == ApprovalRequest::State::Pending) {
        lines << tr("The change waits in <a href=\"%1\">its pull request</a>; approvers approve in their Inbox, or "
                    "with a review on GitHub.")
                     .arg(request.changeUrl.toHtmlEscaped());
    } else if (!request.changeBranch.isEmpty() && state == ApprovalRequest::State::Pending) {
        lines << tr("The change waits on the branch %1; approvers approve in their Inbox, or by merging it.")
                     .arg(request.changeBranch.toHtmlEscaped());
    }
    m_approval->setKind(state == ApprovalRequest::State::Rejected  ? Banner::Kind::Error
                        : state == ApprovalRequest::State::Pending ? Banner::Kind::Warning
                                                                   : Banner::Kind::Info);
    m_approval->setText(lines.join(u"<br/>"_s));
    m_approval->show();
}

void RunsPage::showRun()
{
    const ActionRun *run = m_model->run(selectedRunId());
    m_details->setVisible(run != nullptr);
    if (!run) {
        return;
    }
    m_title->setText(tr("%1 — %2").arg(run->templateTitle, RunStyle::statusLabel(run->status)));
    QStringList meta;
    meta << tr("Run %1 by %2, %3")
                .arg(run->id)
                .arg(run->user.isEmpty() ? tr("unknown") : run->user, Format::dateTime(run->created));
    if (!run->entityRef.isEmpty()) {
        meta << tr("on %1").arg(run->entityRef);
    }
    if (!run->trigger.isEmpty()) {
        meta << tr("started by the automation “%1”: %2")
                    .arg(run->trigger.value(u"automationTitle"_s)
                             .toString(run->trigger.value(u"automation"_s).toString()),
                         run->trigger.value(u"summary"_s).toString());
    }
    if (run->finished.isValid()) {
        meta << tr("took %1").arg(RunStyle::duration(run->created.secsTo(run->finished)));
    }
    meta << tr("idempotency key %1").arg(run->key);
    m_meta->setText(meta.join(u" · "_s));
    m_error->setText(run->error);
    m_error->setVisible(!run->error.isEmpty() && run->status != ActionRun::Status::Succeeded);
    showApproval(*run);
    m_rerun->setEnabled(m_controller && m_controller->action(run->templateId));
    m_cancel->setEnabled(!run->isFinished()
                         || std::any_of(run->links.cbegin(), run->links.cend(),
                                        [](const RunLink &l) { return l.kind == u"workflow-run"_s && !l.isFinal(); }));
    m_refresh->setEnabled(
        std::any_of(run->links.cbegin(), run->links.cend(), [](const RunLink &l) { return !l.isFinal(); }));

    QStringList links;
    for (const RunLink &l : run->links) {
        const QString target = l.entityRef.isEmpty() ? l.url : u"entity:"_s + l.entityRef;
        if (target.isEmpty()) {
            continue;
        }
        QString line = u"<a href='%1'>%2</a>"_s.arg(target.toHtmlEscaped(),
                                                    (l.title.isEmpty() ? target : l.title).toHtmlEscaped());
        if (!l.state.isEmpty()) {
            line += u" &nbsp;<b>%1</b>"_s.arg(l.state.toHtmlEscaped());
        }
        links << line;
    }
    m_links->setText(links.isEmpty() ? tr("No links yet.") : links.join(u"<br/>"_s));
    QStringList texts;
    for (const auto &[title, content] : run->texts) {
        texts << u"**%1**\n\n%2"_s.arg(title, content);
    }
    m_texts->setText(texts.join(u"\n\n"_s));
    m_texts->setVisible(!texts.isEmpty());

    QStringList params;
    for (auto it = run->parameters.begin(); it != run->parameters.end(); ++it) {
        params << u"<b>%1</b>: %2"_s.arg(it.key().toHtmlEscaped(), valueText(it.value()).toHtmlEscaped());
    }
    m_parameters->setText(params.isEmpty() ? tr("None") : params.join(u"<br/>"_s));

    const int currentStep = std::max(0, m_steps->currentRow());
    QSignalBlocker block(m_steps);
    m_steps->clear();
    int firstInteresting = -1;
    for (int i = 0; i < run->steps.size(); ++i) {
        const StepRecord &s = run->steps.at(i);
        auto *item =
            new QListWidgetItem(u"%1  %2  (%3)"_s.arg(RunStyle::stepLabel(s.status), s.name, s.action), m_steps);
        item->setForeground(RunStyle::stepColor(s.status));
        if (firstInteresting < 0
            && (s.status == StepRecord::Status::Failed || s.status == StepRecord::Status::Running)) {
            firstInteresting = i;
        }
    }
    m_steps->setCurrentRow(m_steps->count() == 0                               ? -1
                           : currentStep < m_steps->count() && currentStep > 0 ? currentStep
                           : firstInteresting >= 0                             ? firstInteresting
                                                                               : 0);
    showStep();
}

void RunsPage::showStep()
{
    const ActionRun *run = m_model->run(selectedRunId());
    const int row = m_steps->currentRow();
    if (!run || row < 0 || row >= run->steps.size()) {
        m_log->clear();
        return;
    }
    const StepRecord &s = run->steps.at(row);
    QString text = s.log;
    if (!s.error.isEmpty()) {
        text += u"\n"_s + tr("Error: %1").arg(s.error) + u'\n';
    }
    if (!s.output.isEmpty()) {
        text += u"\n"_s + tr("Output:") + u'\n'
                + QString::fromUtf8(QJsonDocument(s.output).toJson(QJsonDocument::Indented));
    }
    if (!s.input.isEmpty()) {
        text +=
            u"\n"_s + tr("Input:") + u'\n' + QString::fromUtf8(QJsonDocument(s.input).toJson(QJsonDocument::Indented));
    }
    if (m_log->toPlainText() != text) {
        m_log->setPlainText(text.isEmpty() ? tr("(nothing logged yet)") : text);
    }
}

} // namespace Portolan::Ui
