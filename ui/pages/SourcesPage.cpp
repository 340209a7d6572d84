#include "SourcesPage.h"

#include "WorkspaceSession.h"
#include "auth/TokenStore.h"
#include "config/Workspace.h"
#include "dialogs/CredentialsDialog.h"
#include "dialogs/SourceDialog.h"
#include "models/Format.h"
#include "models/SourceStyle.h"
#include "models/SourcesModel.h"
#include "widgets/Banner.h"
#include "widgets/Card.h"
#include "widgets/Icons.h"
#include "widgets/SourceStatusDelegate.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

using Format::muted;
using Format::mutedColor;

namespace {

using State = SourceStatus::State;

const QString configLink = u"config:"_s;

QString colored(const QColor &color, const QString &html)
{
    return u"<span style=\"color:%1\">%2</span>"_s.arg(color.name(), html);
}

QString dash()
{
    return muted(u"—"_s);
}

} // namespace

SourcesPage::SourcesPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new SourcesModel(this))
    , m_tokens(new TokenStore(u"Portolan"_s, this))
    , m_summary(new QLabel(this))
    , m_keychainBanner(new Banner(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_table(new QTableView(this))
    , m_detailStack(new QStackedWidget(this))
    , m_noSelection(new QLabel(this))
    , m_clock(new QTimer(this))
    , m_animation(new QTimer(this))
{
    setObjectName(u"sourcesPage"_s);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    m_keychainBanner->setObjectName(u"sourcesKeychainWarning"_s);
    m_keychainBanner->setKind(Banner::Kind::Warning);
    QPushButton *keychainCredentials = m_keychainBanner->addButton(tr("Credentials…"));
    connect(keychainCredentials, &QPushButton::clicked, this, [this] { showCredentials(); });
    m_keychainBanner->hide();
    auto *banners = new QVBoxLayout;
    banners->setContentsMargins(12, 10, 12, 0);
    banners->addWidget(m_keychainBanner);

    m_table->setObjectName(u"sourcesTable"_s);
    m_table->setAccessibleName(tr("Sources"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new SourceStatusDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->setIconSize(QSize(28, 28));
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(SourceStatusDelegate::rowHeight(m_table->fontMetrics()));
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    header->setMinimumSectionSize(70);
    header->resizeSection(SourcesModel::SourceColumn, 300);
    header->resizeSection(SourcesModel::StatusColumn, 330);
    header->resizeSection(SourcesModel::EntitiesColumn, 100);
    header->resizeSection(SourcesModel::LastSyncColumn, 170);
    header->resizeSection(SourcesModel::NextSyncColumn, 190);
    connect(m_table, &QTableView::doubleClicked, this, [this] { editSelected(); });

    m_splitter->setObjectName(u"sourcesSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(buildDetails());
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({260, 420});
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_userSizedSplitter = true; });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildToolbar());
    layout->addWidget(line);
    layout->addLayout(banners);
    layout->addWidget(m_splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0) {
            m_table->setCurrentIndex(m_model->index(0, 0));
        }
    });

    // Relative times ("3 minutes ago") and staleness move on without a new snapshot.
    m_clock->setInterval(15000);
    connect(m_clock, &QTimer::timeout, this, [this] {
        m_model->setNow({});
        updateDetails();
    });
    m_clock->start();
    // A sync of unknown size shows a moving chunk: repaint the Status column while one runs.
    m_animation->setInterval(50);
    connect(m_animation, &QTimer::timeout, this, [this] {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, SourcesModel::StatusColumn);
            if (index.data(SourcesModel::StateRole).toInt() == int(State::Syncing)) {
                m_table->viewport()->update(m_table->visualRect(index));
            }
        }
    });
    connect(m_tokens, &TokenStore::keychainUnavailable, this, &SourcesPage::updateKeychainBanner);

    updateDetails();
    updateActions();
    updateSummary();
}

SourcesPage::~SourcesPage() = default;

QWidget *SourcesPage::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(16, 8, 10, 8);
    layout->setSpacing(10);

    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    auto *title = new QLabel(tr("Sources"), bar);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setWeight(QFont::DemiBold);
    title->setFont(f);
    m_summary->setObjectName(u"sourcesSummary"_s);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    titles->addWidget(title);
    titles->addWidget(m_summary);
    layout->addLayout(titles);
    layout->addStretch(1);

    auto *tools = new QToolBar(bar);
    tools->setObjectName(u"sourcesToolbar"_s);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->setIconSize(QSize(16, 16));
    const auto action = [this, tools](Icons::Glyph glyph, const QString &text, const QString &name,
                                      const QString &tip) {
        auto *a = new QAction(Icons::icon(glyph), text, this);
        a->setObjectName(name);
        a->setToolTip(tip);
        tools->addAction(a);
        return a;
    };
    m_refreshAll =
        action(Icons::Glyph::Reload, tr("Refresh All"), u"actionRefreshAllSources"_s, tr("Sync every source now (F5)"));
    m_refreshSelected =
        action(Icons::Glyph::Reload, tr("Refresh"), u"actionRefreshSource"_s, tr("Sync the selected source now"));
    m_cancel = action(Icons::Glyph::Stop, tr("Cancel"), u"actionCancelSync"_s,
                      tr("Stop the selected source's sync (or every running sync); the data shown stays"));
    tools->addSeparator();
    m_add = action(Icons::Glyph::Add, tr("Add Source…"), u"actionAddSource"_s,
                   tr("Add a source of your own: a folder, a git repository or a Backstage instance"));
    m_edit = action(Icons::Glyph::Edit, tr("Edit…"), u"actionEditSource"_s,
                    tr("Edit the selected source (shared sources open read-only)"));
    m_remove = action(Icons::Glyph::Remove, tr("Remove"), u"actionRemoveSource"_s,
                      tr("Remove the selected source; only your own sources can be removed"));
    tools->addSeparator();
    m_credentials = action(Icons::Glyph::Key, tr("Credentials…"), u"actionCredentials"_s,
                           tr("Set the secrets the sources sign in with"));
    connect(m_refreshAll, &QAction::triggered, this, &SourcesPage::refreshAll);
    connect(m_refreshSelected, &QAction::triggered, this, &SourcesPage::refreshSelected);
    connect(m_cancel, &QAction::triggered, this, &SourcesPage::cancelSync);
    connect(m_add, &QAction::triggered, this, &SourcesPage::addSource);
    connect(m_edit, &QAction::triggered, this, &SourcesPage::editSelected);
    connect(m_remove, &QAction::triggered, this, &SourcesPage::removeSelected);
    connect(m_credentials, &QAction::triggered, this, [this] { showCredentials(); });
    layout->addWidget(tools, 0, Qt::AlignVCenter);
    return bar;
}

SourcesPage::Fact SourcesPage::addFact(QGridLayout *grid, const QString &label, const QString &objectName)
{
    const int row = grid->rowCount();
    auto *name = new QLabel(label, grid->parentWidget());
    name->setForegroundRole(QPalette::PlaceholderText);
    name->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *value = new QLabel(grid->parentWidget());
    value->setObjectName(objectName);
    value->setTextFormat(Qt::RichText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextBrowserInteraction);
    value->setOpenExternalLinks(false);
    value->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(value, &QLabel::linkActivated, this, [this](const QString &link) {
        const SourceStatus *s = selectedStatus();
        if (link.startsWith(configLink)) {
            if (s) {
                Q_EMIT fileRequested(s->config.configFile, s->config.line, 0);
            }
        } else {
            QDesktopServices::openUrl(QUrl(link));
        }
    });
    grid->addWidget(name, row, 0);
    grid->addWidget(value, row, 1);
    return {name, value};
}

void SourcesPage::setFact(const Fact &fact, const QString &html)
{
    fact.value->setText(html);
    fact.label->setVisible(!html.isEmpty());
    fact.value->setVisible(!html.isEmpty());
}

QWidget *SourcesPage::buildDetails()
{
    m_noSelection->setObjectName(u"sourcesNoSelection"_s);
    m_noSelection->setAlignment(Qt::AlignCenter);
    m_noSelection->setWordWrap(true);
    m_noSelection->setForegroundRole(QPalette::PlaceholderText);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"sourceDetails"_s);
    scroll->setAccessibleName(tr("Source details"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    content->setBackgroundRole(QPalette::Window);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(20, 14, 20, 20);
    layout->setSpacing(12);

    // Header: type badge, title, id and origin; Refresh and Edit on the right.
    auto *head = new QHBoxLayout;
    head->setSpacing(12);
    m_detailIcon = new QLabel(content);
    m_detailIcon->setFixedSize(40, 40);
    m_detailTitle = new QLabel(content);
    m_detailTitle->setObjectName(u"sourceDetailTitle"_s);
    QFont f = m_detailTitle->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setWeight(QFont::DemiBold);
    m_detailTitle->setFont(f);
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailSubtitle = new QLabel(content);
    m_detailSubtitle->setForegroundRole(QPalette::PlaceholderText);
    m_detailSubtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_detailTitle);
    titles->addWidget(m_detailSubtitle);
    m_detailRefresh = new QPushButton(Icons::icon(Icons::Glyph::Reload), tr("Refresh Now"), content);
    m_detailRefresh->setObjectName(u"sourceRefreshNow"_s);
    connect(m_detailRefresh, &QPushButton::clicked, this, &SourcesPage::refreshSelected);
    m_detailEdit = new QPushButton(Icons::icon(Icons::Glyph::Edit), tr("Edit…"), content);
    m_detailEdit->setObjectName(u"sourceEdit"_s);
    connect(m_detailEdit, &QPushButton::clicked, this, &SourcesPage::editSelected);
    head->addWidget(m_detailIcon, 0, Qt::AlignTop);
    head->addLayout(titles, 1);
    head->addWidget(m_detailRefresh, 0, Qt::AlignTop);
    head->addWidget(m_detailEdit, 0, Qt::AlignTop);
    layout->addLayout(head);

    // The failure, in full, with a Retry.
    m_errorBox = new QWidget(content);
    auto *errorLayout = new QVBoxLayout(m_errorBox);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    errorLayout->setSpacing(6);
    m_errorBanner = new Banner(m_errorBox);
    m_errorBanner->setObjectName(u"sourceError"_s);
    m_errorBanner->setKind(Banner::Kind::Error);
    QPushButton *retry = m_errorBanner->addButton(tr("Retry"));
    retry->setObjectName(u"sourceRetry"_s);
    connect(retry, &QPushButton::clicked, this, &SourcesPage::refreshSelected);
    m_errorDetail = new QLabel(m_errorBox);
    m_errorDetail->setObjectName(u"sourceErrorDetail"_s);
    m_errorDetail->setTextFormat(Qt::PlainText);
    m_errorDetail->setWordWrap(true);
    m_errorDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorDetail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_errorDetail->setForegroundRole(QPalette::PlaceholderText);
    m_errorDetail->setContentsMargins(40, 0, 12, 0);
    errorLayout->addWidget(m_errorBanner);
    errorLayout->addWidget(m_errorDetail);
    layout->addWidget(m_errorBox);

    m_heldBanner = new Banner(content);
    m_heldBanner->setObjectName(u"sourceHeld"_s);
    m_heldBanner->setKind(Banner::Kind::Warning);
    QPushButton *review = m_heldBanner->addButton(tr("Review…"));
    review->setObjectName(u"sourceReview"_s);
    connect(review, &QPushButton::clicked, this, [this] { Q_EMIT reviewRequested(selectedSourceId()); });
    layout->addWidget(m_heldBanner);

    m_tlsBanner = new Banner(content);
    m_tlsBanner->setObjectName(u"tlsOffWarning"_s);
    m_tlsBanner->setKind(Banner::Kind::Warning);
    layout->addWidget(m_tlsBanner);

    m_credentialBanner = new Banner(content);
    m_credentialBanner->setObjectName(u"credentialMissingWarning"_s);
    m_credentialBanner->setKind(Banner::Kind::Warning);
    QPushButton *setSecret = m_credentialBanner->addButton(tr("Set Secret…"));
    connect(setSecret, &QPushButton::clicked, this, [this] {
        if (const SourceStatus *s = selectedStatus()) {
            showCredentials(s->config.credential);
        }
    });
    layout->addWidget(m_credentialBanner);

    // Settings and sync history side by side.
    auto *cards = new QHBoxLayout;
    cards->setSpacing(16);
    m_configCard = new Card(tr("Configuration"), content);
    m_configCard->setObjectName(u"sourceConfigCard"_s);
    auto *configGrid = new QGridLayout;
    configGrid->setHorizontalSpacing(20);
    configGrid->setVerticalSpacing(7);
    configGrid->setColumnStretch(1, 1);
    auto *configBox = new QWidget(m_configCard);
    configBox->setLayout(configGrid);
    m_configCard->contentLayout()->addWidget(configBox);
    m_type = addFact(configGrid, tr("Type"), u"detailType"_s);
    m_origin = addFact(configGrid, tr("Configured in"), u"detailOrigin"_s);
    m_url = addFact(configGrid, tr("URL"), u"detailUrl"_s);
    m_branch = addFact(configGrid, tr("Branch"), u"detailBranch"_s);
    m_paths = addFact(configGrid, tr("Paths"), u"detailPaths"_s);
    m_filter = addFact(configGrid, tr("Filter"), u"detailFilter"_s);
    m_options = addFact(configGrid, tr("Options"), u"detailOptions"_s);
    m_credential = addFact(configGrid, tr("Credential"), u"detailCredential"_s);
    m_refresh = addFact(configGrid, tr("Refresh"), u"detailRefresh"_s);
    m_tls = addFact(configGrid, tr("TLS"), u"detailTls"_s);

    m_syncCard = new Card(tr("Sync"), content);
    m_syncCard->setObjectName(u"sourceSyncCard"_s);
    auto *syncGrid = new QGridLayout;
    syncGrid->setHorizontalSpacing(20);
    syncGrid->setVerticalSpacing(7);
    syncGrid->setColumnStretch(1, 1);
    auto *syncBox = new QWidget(m_syncCard);
    syncBox->setLayout(syncGrid);
    m_syncCard->contentLayout()->addWidget(syncBox);
    m_state = addFact(syncGrid, tr("Status"), u"detailState"_s);
    m_message = addFact(syncGrid, tr("Last result"), u"detailMessage"_s);
    m_entities = addFact(syncGrid, tr("Entities"), u"detailEntities"_s);
    m_lastSuccess = addFact(syncGrid, tr("Last success"), u"detailLastSuccess"_s);
    m_lastAttempt = addFact(syncGrid, tr("Last attempt"), u"detailLastAttempt"_s);
    m_nextSync = addFact(syncGrid, tr("Next sync"), u"detailNextSync"_s);
    m_revision = addFact(syncGrid, tr("Revision"), u"detailRevision"_s);
    m_quota = addFact(syncGrid, tr("Rate limit"), u"detailQuota"_s);
    m_liveProblems = addFact(syncGrid, tr("Live"), u"detailLive"_s);

    cards->addWidget(m_configCard, 1, Qt::AlignTop);
    cards->addWidget(m_syncCard, 1, Qt::AlignTop);
    layout->addLayout(cards);
    layout->addStretch(1);
    scroll->setWidget(content);

    m_detailStack->addWidget(m_noSelection);
    m_detailStack->addWidget(scroll);
    return m_detailStack;
}

void SourcesPage::setSession(WorkspaceSession *session)
{
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
    }
    m_session = session;
    m_secretSet.clear();
    m_model->setSources({});
    if (session) {
        connect(session, &WorkspaceSession::sourcesChanged, this, &SourcesPage::onSourcesChanged);
        connect(session, &WorkspaceSession::workspaceChanged, this, &SourcesPage::onWorkspaceChanged);
        connect(session, &WorkspaceSession::busyChanged, this, &SourcesPage::updateActions);
        connect(session, &WorkspaceSession::keychainUnavailable, this, &SourcesPage::updateKeychainBanner);
        onSourcesChanged(session->sourceStatuses());
        onWorkspaceChanged();
    }
    updateKeychainBanner();
    updateDetails();
    updateActions();
    updateSummary();
}

void SourcesPage::fitTable()
{
    // The table as tall as its rows (a workspace has a handful of sources), the rest for the details; at most
    // half the page, and never after the user moved the divider.
    if (m_userSizedSplitter) {
        return;
    }
    const int total = m_splitter->height();
    if (total <= 0) {
        return;
    }
    const int rows = std::max(2, m_model->rowCount());
    const int wanted = m_table->horizontalHeader()->sizeHint().height()
                       + rows * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth() + 8;
    const int height = std::clamp(wanted, 120, std::max(120, total / 2));
    m_splitter->setSizes({height, std::max(0, total - height - m_splitter->handleWidth())});
}

void SourcesPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTable();
}

void SourcesPage::onSourcesChanged(const QList<SourceStatus> &sources)
{
    const int before = m_model->rowCount();
    m_model->setSources(sources);
    if (m_model->rowCount() != before) {
        fitTable();
    }
    if (!m_pendingSelection.isEmpty() && m_model->rowForId(m_pendingSelection) >= 0) {
        selectSource(std::exchange(m_pendingSelection, QString()));
    }
    updateDetails();
    updateActions();
    updateSummary();
    updateAnimation();
}

void SourcesPage::onWorkspaceChanged()
{
    readSecretStates();
    updateDetails();
}

void SourcesPage::readSecretStates()
{
    if (!m_session) {
        return;
    }
    const Workspace &ws = m_session->workspace();
    QSet<QString> used;
    for (const SourceConfig &s : ws.sources) {
        if (!s.credential.isEmpty()) {
            used.insert(s.credential);
        }
    }
    const QString scope = ws.cacheKey();
    for (const QString &name : std::as_const(used)) {
        const CredentialConfig *c = ws.credential(name);
        if (c && !c->env.isEmpty() && !qEnvironmentVariableIsEmpty(c->env.toLocal8Bit().constData())) {
            m_secretSet.insert(name, true);
            continue;
        }
        m_tokens->read(TokenStore::keyFor(scope, name), [this, name](Result<QString> secret) {
            m_secretSet.insert(name, secret.ok() && !secret->isEmpty());
            updateDetails();
        });
    }
}

void SourcesPage::selectSource(const QString &sourceId)
{
    const int row = m_model->rowForId(sourceId);
    if (row < 0) {
        m_pendingSelection = sourceId;
        return;
    }
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(m_model->index(row, 0));
}

QString SourcesPage::selectedSourceId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(SourcesModel::SourceIdRole).toString() : QString();
}

const SourceStatus *SourcesPage::selectedStatus() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->source(current.row()) : nullptr;
}

void SourcesPage::updateSummary()
{
    const QList<SourceStatus> &sources = m_model->sources();
    if (!m_session) {
        m_summary->setText(tr("No workspace open"));
        return;
    }
    if (sources.isEmpty()) {
        m_summary->setText(tr("Reading the workspace configuration…"));
        return;
    }
    int entities = 0;
    int failed = 0;
    int syncing = 0;
    for (const SourceStatus &s : sources) {
        entities += s.entityCount;
        failed += s.state == State::Failed ? 1 : 0;
        syncing += s.state == State::Syncing ? 1 : 0;
    }
    QStringList parts{tr("%n source(s)", nullptr, int(sources.size())), tr("%n entities", nullptr, entities)};
    if (syncing > 0) {
        parts.append(tr("%n syncing", nullptr, syncing));
    }
    if (failed > 0) {
        parts.append(tr("%n failed", nullptr, failed));
    }
    m_summary->setText(parts.join(u" · "_s));
}

void SourcesPage::updateKeychainBanner()
{
    const bool available = TokenStore::keychainAvailable();
    if (!available) {
        const QString reason = TokenStore::keychainProblem();
        const QString detail =
            reason.isEmpty() ? tr("Secrets entered now are kept in memory for this run only.") : reason;
        m_keychainBanner->setText(
            u"<b>%1</b> %2"_s.arg(tr("No keychain is available.").toHtmlEscaped(), detail.toHtmlEscaped()));
    }
    m_keychainBanner->setVisible(!available && m_session);
}

void SourcesPage::updateAnimation()
{
    bool indeterminate = false;
    for (const SourceStatus &s : m_model->sources()) {
        indeterminate = indeterminate || (s.state == State::Syncing && s.total <= 0);
    }
    if (indeterminate && !m_animation->isActive()) {
        m_animation->start();
    } else if (!indeterminate) {
        m_animation->stop();
    }
}

void SourcesPage::updateActions()
{
    const SourceStatus *s = selectedStatus();
    const bool session = m_session;
    bool anySyncing = false;
    for (const SourceStatus &status : m_model->sources()) {
        anySyncing = anySyncing || status.state == State::Syncing;
    }
    m_refreshAll->setEnabled(session);
    m_refreshSelected->setEnabled(session && s && s->config.enabled && s->state != State::Syncing);
    m_cancel->setEnabled(session && anySyncing);
    m_add->setEnabled(session);
    m_edit->setEnabled(session && s);
    const bool own = s && s->config.origin == SourceConfig::Origin::Local;
    m_edit->setText(s && !own ? tr("View…") : tr("Edit…"));
    m_remove->setEnabled(session && own);
    m_credentials->setEnabled(session);
    m_detailRefresh->setEnabled(m_refreshSelected->isEnabled());
    m_detailEdit->setText(m_edit->text());
}

void SourcesPage::updateDetails()
{
    const SourceStatus *s = selectedStatus();
    if (!s) {
        m_noSelection->setText(!m_session ? tr("No workspace open.")
                               : m_model->rowCount() == 0
                                   ? tr("Reading the workspace configuration…")
                                   : tr("Select a source to see its settings and how its syncs went."));
        m_detailStack->setCurrentWidget(m_noSelection);
        return;
    }
    m_detailStack->setCurrentIndex(1);
    const SourceConfig &c = s->config;
    const QDateTime now = m_model->now();
    const bool stale = SourcesModel::isStale(*s, now);
    const Workspace *ws = m_session ? &m_session->workspace() : nullptr;
    const QString root = ws ? ws->root : QString();

    m_detailIcon->setPixmap(SourceStyle::typeIcon(c.type).pixmap(QSize(40, 40), devicePixelRatioF()));
    m_detailTitle->setText(c.displayName());
    m_detailSubtitle->setText(tr("%1 · %2").arg(c.id, SourceStyle::typeLabel(c.type)));

    // Failure
    const bool failed = s->state == State::Failed;
    m_errorBox->setVisible(failed);
    if (failed) {
        const QString message = s->error.message.isEmpty() ? s->message : s->error.message;
        QString html = u"<b>%1</b> %2"_s.arg(tr("The last sync failed.").toHtmlEscaped(), message.toHtmlEscaped());
        if (s->lastSuccess.isValid()) {
            html += u" "_s + tr("The catalog keeps its last good data.").toHtmlEscaped();
        }
        m_errorBanner->setText(html);
        QStringList technical;
        if (!s->error.detail.isEmpty()) {
            technical.append(s->error.detail);
        }
        if (s->error.httpStatus > 0) {
            technical.append(tr("HTTP status %1").arg(s->error.httpStatus));
        }
        if (!s->error.file.isEmpty()) {
            technical.append(
                tr("File: %1")
                    .arg(s->error.line > 0 ? u"%1:%2"_s.arg(s->error.file).arg(s->error.line) : s->error.file));
        }
        technical.append(tr("Error code: %1 · failed %n time(s) in a row", nullptr, s->failures)
                             .arg(Error::codeName(s->error.code)));
        m_errorDetail->setText(technical.join(u'\n'));
    }

    // Held back
    m_heldBanner->setVisible(s->state == State::Held);
    if (s->state == State::Held) {
        m_heldBanner->setText(tr("<b>The last sync was held back:</b> it would remove %n of this source's entities. "
                                 "The catalog keeps the last good data until you decide.",
                                 nullptr, s->pendingRemovals));
    }

    // TLS
    const bool tlsOff = !c.tls.verify;
    m_tlsBanner->setVisible(tlsOff);
    if (tlsOff) {
        m_tlsBanner->setText(tr("<b>TLS verification is off for this source.</b> Its server's certificate is not "
                                "checked, so anyone on the network path could read its credential and change what "
                                "it adds to the catalog."));
    }

    // Credential
    const bool secretKnownMissing =
        !c.credential.isEmpty()
        && (s->credentialMissing || (m_secretSet.contains(c.credential) && !m_secretSet.value(c.credential)));
    const bool credentialUnlisted = !c.credential.isEmpty() && ws && !ws->credential(c.credential);
    m_credentialBanner->setVisible(secretKnownMissing || credentialUnlisted);
    if (credentialUnlisted) {
        m_credentialBanner->setText(tr("This source uses the credential “%1”, which portolan.yaml does not list "
                                       "under <tt>credentials</tt>.")
                                        .arg(c.credential.toHtmlEscaped()));
    } else if (secretKnownMissing) {
        m_credentialBanner->setText(tr("No secret is set for the credential “%1” that this source signs in with.")
                                        .arg(c.credential.toHtmlEscaped()));
    }

    // Configuration
    setFact(m_type, SourceStyle::typeLabel(c.type).toHtmlEscaped());
    switch (c.origin) {
    case SourceConfig::Origin::Workspace: {
        const QString file = Format::displayPath(c.configFile, root);
        const QString where = c.line > 0 ? tr("%1, line %2").arg(file).arg(c.line) : file;
        setFact(
            m_origin,
            tr("Shared with the workspace: %1").arg(u"<a href=\"%1\">%2</a>"_s.arg(configLink, where.toHtmlEscaped())));
        break;
    }
    case SourceConfig::Origin::Local:
        setFact(m_origin, tr("Your own, on this computer: %1")
                              .arg(u"<a href=\"%1\">%2</a>"_s.arg(configLink, c.configFile.toHtmlEscaped())));
        break;
    case SourceConfig::Origin::Implicit:
        setFact(m_origin, ws && !ws->configFile.isEmpty()
                              ? tr("The workspace's own descriptors (<tt>locations</tt> in %1)")
                                    .arg(u"<a href=\"%1\">%2</a>"_s.arg(
                                        configLink, Format::displayPath(ws->configFile, root).toHtmlEscaped()))
                              : tr("The workspace's own descriptors (its folder)"));
        break;
    }
    setFact(m_url, c.url.isEmpty() ? QString() : u"<a href=\"%1\">%1</a>"_s.arg(c.url.toHtmlEscaped()));
    setFact(m_branch, c.type == u"git"_s ? (c.branch.isEmpty() ? muted(tr("the default branch").toHtmlEscaped())
                                                               : u"<tt>%1</tt>"_s.arg(c.branch.toHtmlEscaped()))
                                         : QString());
    QStringList paths;
    for (const QString &p : c.paths) {
        paths.append(u"<tt>%1</tt>"_s.arg(p.toHtmlEscaped()));
    }
    const bool hasPaths = c.type == u"files"_s || c.type == u"git"_s;
    setFact(m_paths, !hasPaths         ? QString()
                     : paths.isEmpty() ? muted(tr("the whole repository").toHtmlEscaped())
                                       : paths.join(u"<br>"_s));
    // Type-specific settings (a GitHub organisation, Kubernetes contexts), as written.
    QStringList options;
    for (auto it = c.options.cbegin(); it != c.options.cend(); ++it) {
        const QVariant &v = it.value();
        QString text;
        if (v.typeId() == QMetaType::QVariantList || v.typeId() == QMetaType::QStringList) {
            text = v.toStringList().join(u", "_s);
        } else if (v.typeId() == QMetaType::QVariantMap) {
            QStringList pairs;
            const QVariantMap map = v.toMap();
            for (auto m = map.cbegin(); m != map.cend(); ++m) {
                pairs.append(m.key() + u": "_s + m.value().toString());
            }
            text = pairs.join(u", "_s);
        } else {
            text = v.toString();
        }
        options.append(u"%1 <tt>%2</tt>"_s.arg(muted(it.key().toHtmlEscaped()), text.toHtmlEscaped()));
    }
    setFact(m_options, options.join(u"<br>"_s));
    setFact(m_filter, c.type == u"backstage"_s ? (c.filter.isEmpty() ? muted(tr("none: every entity").toHtmlEscaped())
                                                                     : u"<tt>%1</tt>"_s.arg(c.filter.toHtmlEscaped()))
                                               : QString());
    if (c.credential.isEmpty()) {
        setFact(m_credential, c.type == u"files"_s ? QString() : dash());
    } else {
        QString state;
        const CredentialConfig *cred = ws ? ws->credential(c.credential) : nullptr;
        if (cred && !cred->env.isEmpty() && !qEnvironmentVariableIsEmpty(cred->env.toLocal8Bit().constData())) {
            state = colored(QColor(0x15, 0x80, 0x3d), tr("set, from %1").arg(cred->env).toHtmlEscaped());
        } else if (secretKnownMissing) {
            state = colored(QColor(0xdc, 0x26, 0x26), tr("missing").toHtmlEscaped());
        } else if (m_secretSet.value(c.credential)) {
            state = colored(QColor(0x15, 0x80, 0x3d), tr("set").toHtmlEscaped());
        } else {
            state = muted(tr("checking…").toHtmlEscaped());
        }
        setFact(m_credential, u"<b>%1</b> · %2"_s.arg(c.credential.toHtmlEscaped(), state));
    }
    setFact(m_refresh, c.type == u"files"_s && c.refreshSeconds == 0
                           ? tr("when its files change, and on demand").toHtmlEscaped()
                       : c.refreshSeconds > 0 ? tr("every %1").arg(Format::interval(c.refreshSeconds)).toHtmlEscaped()
                                              : tr("on demand only").toHtmlEscaped());
    if (c.type == u"backstage"_s || tlsOff || !c.tls.caBundle.isEmpty()) {
        QStringList tls;
        tls.append(c.tls.verify ? tr("certificate verified").toHtmlEscaped()
                                : colored(QColor(0xb4, 0x53, 0x09), tr("verification off").toHtmlEscaped()));
        if (!c.tls.caBundle.isEmpty()) {
            tls.append(tr("CA bundle %1").arg(u"<tt>%1</tt>"_s.arg(c.tls.caBundle.toHtmlEscaped())));
        }
        if (!c.tls.clientCertificate.isEmpty()) {
            tls.append(tr("client certificate %1").arg(u"<tt>%1</tt>"_s.arg(c.tls.clientCertificate.toHtmlEscaped())));
        }
        setFact(m_tls, tls.join(u"<br>"_s));
    } else {
        setFact(m_tls, QString());
    }

    // The API budget (GitHub) and the problems of live watches (Kubernetes)
    if (s->quota.isKnown()) {
        QString quota = tr("%1 of %2 requests left").arg(s->quota.remaining).arg(s->quota.limit).toHtmlEscaped();
        if (s->quota.reset.isValid()) {
            quota += u" · "_s + muted(tr("resets %1").arg(Format::timeUntil(s->quota.reset, now)).toHtmlEscaped());
        }
        if (s->quota.limit > 0 && s->quota.remaining * 10 < s->quota.limit) {
            quota = colored(QColor(0xb4, 0x53, 0x09), quota);
        }
        setFact(m_quota, quota);
    } else {
        setFact(m_quota, QString());
    }
    if (!s->liveProblems.isEmpty()) {
        QStringList lines;
        for (const Error &e : s->liveProblems) {
            lines.append(
                colored(e.isError() ? QColor(0xdc, 0x26, 0x26) : QColor(0xb4, 0x53, 0x09), e.message.toHtmlEscaped()));
        }
        setFact(m_liveProblems, lines.join(u"<br>"_s));
    } else {
        setFact(m_liveProblems, s->config.type == u"kubernetes"_s && s->state == State::Ok
                                    ? tr("watching for changes").toHtmlEscaped()
                                    : QString());
    }

    // Sync
    const QColor stateColor = SourceStyle::stateColor(s->state, stale);
    QString stateHtml = u"<span style=\"color:%1\">●</span>&nbsp;%2"_s.arg(
        stateColor.name(), SourcesModel::statusText(*s, now).toHtmlEscaped());
    if (s->state == State::Syncing && !s->phase.isEmpty()) {
        stateHtml += u" · "_s + SourcesModel::statusDetail(*s).toHtmlEscaped();
    }
    setFact(m_state, stateHtml);
    setFact(m_message, s->message.isEmpty() || failed ? QString() : s->message.toHtmlEscaped());
    QString entities = tr("%n entities", nullptr, s->entityCount).toHtmlEscaped();
    if (s->problemCount > 0) {
        entities +=
            u" · "_s + colored(QColor(0xdc, 0x26, 0x26), tr("%n problem(s)", nullptr, s->problemCount).toHtmlEscaped());
    }
    setFact(m_entities, entities);
    const auto when = [&now](const QDateTime &t) {
        return t.isValid() ? u"%1 %2"_s.arg(Format::relativeTime(t, now).toHtmlEscaped(),
                                            muted(u"(%1)"_s.arg(Format::dateTime(t)).toHtmlEscaped()))
                           : muted(tr("never").toHtmlEscaped());
    };
    setFact(m_lastSuccess, when(s->lastSuccess));
    setFact(m_lastAttempt,
            s->lastAttempt.isValid() && s->lastAttempt != s->lastSuccess ? when(s->lastAttempt) : QString());
    QString next;
    if (s->state == State::Syncing) {
        next = tr("running now").toHtmlEscaped();
    } else if (s->nextSync.isValid()) {
        next = u"%1 %2"_s.arg(Format::timeUntil(s->nextSync, now).toHtmlEscaped(),
                              muted(u"(%1)"_s.arg(Format::dateTime(s->nextSync)).toHtmlEscaped()));
        if (failed && s->failures > 0) {
            next += u" · "_s + muted(tr("retrying with a growing delay").toHtmlEscaped());
        }
    } else {
        next = muted(tr("on demand").toHtmlEscaped());
    }
    setFact(m_nextSync, next);
    setFact(m_revision, s->revision.isEmpty() ? QString() : u"<tt>%1</tt>"_s.arg(s->revision.toHtmlEscaped()));
}

void SourcesPage::refreshAll()
{
    if (m_session) {
        m_session->refreshAll();
    }
}

void SourcesPage::refreshSelected()
{
    const QString id = selectedSourceId();
    if (m_session && !id.isEmpty()) {
        m_session->refreshSource(id);
    }
}

void SourcesPage::cancelSync()
{
    if (!m_session) {
        return;
    }
    const SourceStatus *s = selectedStatus();
    if (s && s->state == State::Syncing) {
        m_session->cancelSource(s->config.id);
    } else {
        m_session->cancel();
    }
}

Result<void> SourcesPage::saveLocalSource(const SourceConfig &source, const QString &replacingId)
{
    if (!m_session) {
        return makeError(Error::Code::Internal, tr("No workspace is open"));
    }
    // Read from disk again: the session's copy may not have seen the last save yet.
    const Workspace ws = Workspace::reread(m_session->workspace());
    QList<SourceConfig> local;
    bool replaced = false;
    for (const SourceConfig &c : ws.sources) {
        if (c.origin != SourceConfig::Origin::Local) {
            continue;
        }
        if (!replacingId.isEmpty() && c.id == replacingId) {
            local.append(source);
            replaced = true;
        } else {
            local.append(c);
        }
    }
    if (!replaced) {
        local.append(source);
    }
    Result<void> saved = Workspace::saveLocalSources(ws.localSourcesFile(), local);
    if (!saved.ok()) {
        return saved;
    }
    m_pendingSelection = source.id;
    m_session->reloadConfiguration();
    return {};
}

Result<void> SourcesPage::removeLocalSource(const QString &sourceId)
{
    if (!m_session) {
        return makeError(Error::Code::Internal, tr("No workspace is open"));
    }
    const Workspace ws = Workspace::reread(m_session->workspace());
    QList<SourceConfig> local;
    for (const SourceConfig &c : ws.sources) {
        if (c.origin == SourceConfig::Origin::Local && c.id != sourceId) {
            local.append(c);
        }
    }
    Result<void> saved = Workspace::saveLocalSources(ws.localSourcesFile(), local);
    if (!saved.ok()) {
        return saved;
    }
    m_session->reloadConfiguration();
    return {};
}

void SourcesPage::addSource()
{
    if (!m_session) {
        return;
    }
    auto *dialog = new SourceDialog(m_session->workspace(), SourceConfig{}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Result<void> saved = saveLocalSource(dialog->config());
        if (!saved.ok()) {
            QMessageBox::warning(this, tr("Cannot Add the Source"), saved.error().message);
        }
    });
    dialog->open();
}

void SourcesPage::editSelected()
{
    const SourceStatus *s = selectedStatus();
    if (!m_session || !s) {
        return;
    }
    // The configuration as the workspace has it (the status's copy may lack what the cache does not keep).
    const SourceConfig *configured = m_session->workspace().source(s->config.id);
    auto *dialog = new SourceDialog(m_session->workspace(), configured ? *configured : s->config, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString original = s->config.id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, original] {
        if (dialog->isReadOnly()) {
            return;
        }
        const Result<void> saved = saveLocalSource(dialog->config(), original);
        if (!saved.ok()) {
            QMessageBox::warning(this, tr("Cannot Save the Source"), saved.error().message);
        }
    });
    dialog->open();
}

void SourcesPage::removeSelected()
{
    const SourceStatus *s = selectedStatus();
    if (!m_session || !s || s->config.origin != SourceConfig::Origin::Local) {
        return;
    }
    const QString id = s->config.id;
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Remove Source"),
                        tr("Remove the source “%1”? Its %n entities leave the catalog.", nullptr, s->entityCount)
                            .arg(s->config.displayName()),
                        QMessageBox::Cancel, this);
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, id, remove](QAbstractButton *clicked) {
        if (clicked != remove) {
            return;
        }
        const Result<void> removed = removeLocalSource(id);
        if (!removed.ok()) {
            QMessageBox::warning(this, tr("Cannot Remove the Source"), removed.error().message);
        }
    });
    box->open();
}

void SourcesPage::showCredentials(const QString &credential)
{
    if (!m_session) {
        return;
    }
    auto *dialog = new CredentialsDialog(m_session->workspace(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CredentialsDialog::credentialChanged, this, [this](const QString &name) {
        if (m_session) {
            m_session->credentialChanged(name);
        }
        readSecretStates();
    });
    connect(dialog, &QDialog::finished, this, &SourcesPage::updateKeychainBanner);
    if (!credential.isEmpty()) {
        dialog->selectCredential(credential);
    }
    dialog->open();
}

} // namespace Portolan::Ui
