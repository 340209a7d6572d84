#include "ActionsPage.h"

#include "ActionsController.h"
#include "widgets/Banner.h"
#include "widgets/Card.h"
#include "widgets/ChipList.h"
#include "widgets/Icons.h"
#include "widgets/SearchField.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTreeView>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

using namespace Core;

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int SearchRole = Qt::UserRole + 2;

QString identityKey(const ActionsController &controller)
{
    return u"actions/identity/"_s + controller.workspace().cacheKey();
}

QLabel *wrapped(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return label;
}

} // namespace

ActionsPage::ActionsPage(QWidget *parent)
    : QWidget(parent)
    , m_search(new SearchField(this))
    , m_actAs(new QComboBox(this))
    , m_userNote(new QLabel(this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_list(new QTreeView(this))
    , m_details(new QWidget(this))
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
    , m_chips(new ChipList(this))
    , m_blocked(new Banner(this))
    , m_steps(wrapped(this))
    , m_guards(wrapped(this))
    , m_problems(wrapped(this))
    , m_start(new QPushButton(tr("Start…"), this))
    , m_empty(new QLabel(this))
{
    setObjectName(u"actionsPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(10);

    auto *titleRow = new QHBoxLayout;
    auto *title = new QLabel(tr("Actions"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    titleRow->addWidget(title);
    titleRow->addSpacing(16);
    m_search->setObjectName(u"actionsSearch"_s);
    m_search->setAccessibleName(tr("Search the actions"));
    m_search->setPlaceholderText(tr("Search actions"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(340);
    titleRow->addWidget(m_search, 1);
    titleRow->addStretch(0);
    auto *actAsLabel = new QLabel(tr("Act &as:"), this);
    actAsLabel->setBuddy(m_actAs);
    m_actAs->setObjectName(u"actionsActAs"_s);
    // Not AdjustToContents: with thousands of users that measures every name on the GUI thread after each refill.
    m_actAs->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_actAs->setMinimumContentsLength(36);
    m_actAs->setToolTip(tr("The catalog user whose groups the guardrails check. Portolan's checks are a convenience: "
                           "the platform's own permissions decide."));
    titleRow->addWidget(actAsLabel);
    titleRow->addWidget(m_actAs);
    layout->addLayout(titleRow);
    auto *subtitle = new QLabel(tr("Self-service through the platform's own tools: each action fills in a guided form, "
                                   "shows exactly what it will send where, and keeps a record on the Runs page."),
                                this);
    subtitle->setWordWrap(true);
    subtitle->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(subtitle);
    m_userNote->setObjectName(u"actionsUserNote"_s);
    m_userNote->setWordWrap(true);
    m_userNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_userNote);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(SearchRole);
    m_list->setObjectName(u"actionsList"_s);
    m_list->setModel(m_proxy);
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setIconSize(QSize(20, 20));
    m_list->setUniformRowHeights(false);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAccessibleName(tr("Actions"));
    m_list->setMinimumWidth(280);
    splitter->addWidget(m_list);

    auto *scroll = new QScrollArea(splitter);
    scroll->setAccessibleName(tr("Action details"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *detailLayout = new QVBoxLayout(m_details);
    detailLayout->setContentsMargins(14, 4, 4, 4);
    detailLayout->setSpacing(10);
    QFont actionFont = m_title->font();
    actionFont.setPointSizeF(actionFont.pointSizeF() * 1.25);
    actionFont.setWeight(QFont::DemiBold);
    m_title->setObjectName(u"actionTitle"_s);
    m_title->setFont(actionFont);
    m_title->setWordWrap(true);
    m_description->setWordWrap(true);
    m_description->setObjectName(u"actionDescription"_s);
    auto *head = new QHBoxLayout;
    auto *headText = new QVBoxLayout;
    headText->addWidget(m_title);
    headText->addWidget(m_description);
    headText->addWidget(m_chips);
    head->addLayout(headText, 1);
    m_start->setObjectName(u"actionStart"_s);
    m_start->setIcon(Icons::icon(Icons::Glyph::Actions));
    m_start->setDefault(true);
    head->addWidget(m_start, 0, Qt::AlignTop);
    detailLayout->addLayout(head);
    m_blocked->setObjectName(u"actionBlocked"_s);
    m_blocked->setKind(Banner::Kind::Warning);
    m_blocked->hide();
    detailLayout->addWidget(m_blocked);
    auto *stepsCard = new Card(tr("What it does"), m_details);
    m_steps->setObjectName(u"actionSteps"_s);
    stepsCard->contentLayout()->addWidget(m_steps);
    detailLayout->addWidget(stepsCard);
    auto *guardCard = new Card(tr("Guardrails"), m_details);
    m_guards->setObjectName(u"actionGuards"_s);
    guardCard->contentLayout()->addWidget(m_guards);
    detailLayout->addWidget(guardCard);
    m_problems->setObjectName(u"actionProblems"_s);
    detailLayout->addWidget(m_problems);
    detailLayout->addStretch(1);
    scroll->setWidget(m_details);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    m_empty->setObjectName(u"actionsEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("This workspace has no actions yet. Actions are Backstage software templates (kind "
                        "Template, apiVersion scaffolder.backstage.io/v1beta3) in the catalog."));
    m_empty->hide();
    layout->addWidget(m_empty);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_list->expandAll();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &ActionsPage::showDetails);
    connect(m_list, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(IdRole).toString();
        if (!id.isEmpty() && m_start->isEnabled()) {
            Q_EMIT startRequested(id, {});
        }
    });
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (!selectedActionId().isEmpty()) {
            Q_EMIT startRequested(selectedActionId(), {});
        }
    });
    connect(m_actAs, &QComboBox::activated, this, [this](int index) {
        if (!m_controller) {
            return;
        }
        const QString ref = m_actAs->itemData(index).toString();
        QSettings().setValue(identityKey(*m_controller), ref);
        m_controller->setIdentity(ref);
    });
    connect(m_problems, &QLabel::linkActivated, this, [this](const QString &link) {
        const QUrl url(link);
        Q_EMIT fileRequested(url.toLocalFile().isEmpty() ? url.path() : url.toLocalFile(),
                             QUrlQuery(url).queryItemValue(u"line"_s).toInt(), 0);
    });
    showDetails();
}

ActionsPage::~ActionsPage() = default;

void ActionsPage::setController(ActionsController *controller)
{
    if (m_controller) {
        disconnect(m_controller, nullptr, this, nullptr);
    }
    m_controller = controller;
    if (controller) {
        const QString saved = QSettings().value(identityKey(*controller)).toString();
        if (!saved.isEmpty() && saved != controller->identity()) {
            controller->setIdentity(saved);
        }
        connect(controller, &ActionsController::actionsChanged, this, &ActionsPage::rebuild);
        connect(controller, &ActionsController::userChanged, this, [this] { showDetails(); });
    }
    rebuild();
}

void ActionsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_usersStale) {
        fillUsers();
    }
}

void ActionsPage::fillUsers()
{
    if (!m_controller) {
        m_actAs->clear();
        m_users.clear();
        m_usersStale = false;
        return;
    }
    // Every user of the catalog, sorted: at 100k entities 10 to 15 ms of the GUI thread, paid with each new
    // catalog. A hidden page pays it when it is shown.
    if (!isVisible()) {
        m_usersStale = true;
        return;
    }
    m_usersStale = false;
    const ActionUser &detected = m_controller->detectedUser();
    const QString me =
        detected.entityRef.isEmpty()
            ? tr("Me (%1, not in the catalog)").arg(detected.login)
            : tr("Me (%1)").arg(detected.displayName.isEmpty() ? detected.entityRef : detected.displayName);
    QList<QPair<QString, QString>> users;
    const Catalog &catalog = *m_controller->catalog();
    for (int i = 0; i < catalog.size(); ++i) {
        const Entity &e = catalog.entity(i);
        if (e.kind.size() == 4 && e.kind.compare(u"User"_s, Qt::CaseInsensitive) == 0) {
            users.append({e.displayName(), e.refString()});
        }
    }
    std::sort(users.begin(), users.end());
    users.prepend({me, QString()});
    if (users != m_users || m_actAs->count() != users.size()) {
        // One new model rather than an item at a time: the combo box is told once.
        auto *model = new QStandardItemModel(m_actAs);
        for (qsizetype i = 0; i < users.size(); ++i) {
            auto *item = new QStandardItem(i == 0 ? users.at(i).first
                                                  : u"%1  (%2)"_s.arg(users.at(i).first, users.at(i).second));
            item->setData(users.at(i).second, Qt::UserRole);
            model->appendRow(item);
        }
        const QSignalBlocker block(m_actAs);
        m_actAs->setModel(model); // deletes the model before, which is its child too
        m_users = std::move(users);
    }
    const int current = m_actAs->findData(m_controller->identity());
    m_actAs->setCurrentIndex(std::max(0, current));
}

void ActionsPage::rebuild()
{
    const QString selected = selectedActionId();
    m_model->clear();
    fillUsers();
    if (!m_controller) {
        showDetails();
        return;
    }
    QMap<QString, QStandardItem *> categories;
    for (const ActionTemplate &a : m_controller->actions()) {
        const QString category = a.category.isEmpty() ? tr("Other") : a.category;
        QStandardItem *group = categories.value(category);
        if (!group) {
            group = new QStandardItem(category);
            QFont f = group->font();
            f.setWeight(QFont::DemiBold);
            group->setFont(f);
            group->setSelectable(false);
            group->setData(category, SearchRole);
            categories.insert(category, group);
        }
        auto *item = new QStandardItem(Icons::icon(Icons::Glyph::Actions), a.displayName());
        item->setData(a.id, IdRole);
        item->setData(
            QStringList{a.displayName(), a.description, a.ref.name, a.tags.join(u' '), category, a.owner}.join(u' '),
            SearchRole);
        item->setToolTip(a.description);
        const GuardCheck check = m_controller->check(a, nullptr);
        if (!a.runnable()) {
            item->setForeground(palette().color(QPalette::PlaceholderText));
            item->setText(tr("%1 (cannot run)").arg(a.displayName()));
        } else if (!check.allowed() && !a.isEntityScoped()) {
            item->setForeground(palette().color(QPalette::PlaceholderText));
        }
        group->appendRow(item);
    }
    for (QStandardItem *group : std::as_const(categories)) {
        group->setText(u"%1  ·  %2"_s.arg(group->data(SearchRole).toString()).arg(group->rowCount()));
        m_model->appendRow(group);
    }
    m_list->expandAll();
    const bool none = m_controller->actions().isEmpty();
    m_empty->setVisible(none);
    if (!selected.isEmpty()) {
        selectAction(selected);
    } else if (m_proxy->rowCount() > 0) {
        m_list->setCurrentIndex(m_proxy->index(0, 0, m_proxy->index(0, 0)));
    }
    showDetails();
}

void ActionsPage::selectAction(const QString &id)
{
    for (int g = 0; g < m_proxy->rowCount(); ++g) {
        const QModelIndex group = m_proxy->index(g, 0);
        for (int r = 0; r < m_proxy->rowCount(group); ++r) {
            const QModelIndex index = m_proxy->index(r, 0, group);
            if (index.data(IdRole).toString() == id) {
                m_list->setCurrentIndex(index);
                return;
            }
        }
    }
}

QString ActionsPage::selectedActionId() const
{
    return m_list->currentIndex().data(IdRole).toString();
}

void ActionsPage::setSearchText(const QString &text)
{
    m_search->setText(text);
}

int ActionsPage::visibleActionCount() const
{
    int count = 0;
    for (int g = 0; g < m_proxy->rowCount(); ++g) {
        count += m_proxy->rowCount(m_proxy->index(g, 0));
    }
    return count;
}

void ActionsPage::showDetails()
{
    const ActionTemplate *a = m_controller ? m_controller->action(selectedActionId()) : nullptr;
    m_details->setVisible(a != nullptr);
    if (!a) {
        m_start->setEnabled(false);
        return;
    }
    if (m_controller) {
        const ActionUser &user = m_controller->user();
        m_userNote->setText(user.entityRef.isEmpty()
                                ? tr("Acting as %1, whom the catalog does not know: actions limited to groups stay "
                                     "blocked. Pick yourself under “Act as”, or set PORTOLAN_USER.")
                                      .arg(user.login)
                                : tr("Acting as %1, member of %2.")
                                      .arg(user.displayName.isEmpty() ? user.entityRef : user.displayName,
                                           user.groups.isEmpty() ? tr("no group") : user.groups.join(u", "_s)));
    }
    m_title->setText(a->displayName());
    m_description->setText(a->description);
    QStringList chips;
    chips << (a->category.isEmpty() ? tr("Other") : a->category);
    chips << (a->isEntityScoped() ? tr("On %1").arg(a->guard.entityKinds.join(u", "_s)) : tr("Global"));
    if (!a->owner.isEmpty()) {
        chips << tr("Owner: %1").arg(a->owner);
    }
    for (const QString &t : a->tags) {
        chips << t;
    }
    m_chips->setChips(chips);

    QStringList steps;
    for (qsizetype i = 0; i < a->steps.size(); ++i) {
        const TemplateStep &s = a->steps.at(i);
        const StepExecutor *executor = m_controller->executors().find(s.action);
        steps << u"<p><b>%1. %2</b> &nbsp;<code>%3</code><br/><span style='color:palette(placeholder-text)'>%4</span>"
                 u"</p>"_s.arg(i + 1)
                     .arg((s.name.isEmpty() ? s.id : s.name).toHtmlEscaped(), s.action.toHtmlEscaped(),
                          executor ? executor->description().toHtmlEscaped()
                                   : tr("Not supported by Portolan").toHtmlEscaped());
    }
    m_steps->setText(steps.isEmpty() ? tr("This action has no steps.") : steps.join(QString()));

    const ActionGuard guard = ActionGuards::effective(*a, m_controller->workspace().actions);
    QStringList guards;
    const QList<QStringList> groupSets = guard.groupSets();
    if (groupSets.isEmpty()) {
        guards << tr("Anyone may run it.");
    }
    for (const QStringList &groups : groupSets) {
        guards << tr("Only members of %1.").arg(groups.join(u", "_s));
    }
    for (const ActionGuard::Level &minimum : guard.levels()) {
        guards << tr("The entity must be at %1 or above on the scorecard %2.").arg(minimum.level, minimum.scorecard);
    }
    if (!guard.requiredFields.isEmpty()) {
        guards << tr("The entity must have %1.").arg(guard.requiredFields.join(u", "_s));
    }
    if (guard.destructive) {
        guards << tr("Destructive: asks you to type a confirmation.");
    }
    guards << tr("You review exactly what is sent where before it runs; the platform's own permissions decide.");
    m_guards->setText(guards.join(u"<br/>"_s));

    QStringList problems;
    for (const Error &e : a->problems) {
        const QString where = e.line > 0 ? u"%1:%2"_s.arg(e.file).arg(e.line) : e.file;
        problems << u"<p style='color:%1'>%2 <a href='file://%3?line=%4'>%5</a></p>"_s
                        .arg(e.isError() ? u"#b3261e"_s : u"#8a6d00"_s, e.message.toHtmlEscaped(),
                             e.file.toHtmlEscaped())
                        .arg(e.line)
                        .arg(where.toHtmlEscaped());
    }
    m_problems->setText(problems.join(QString()));
    m_problems->setVisible(!problems.isEmpty());

    const GuardCheck check = m_controller->check(*a, nullptr);
    QStringList blockers;
    for (const ActionBlocker &b : check.blockers) {
        if (b.awaitsEntity) {
            continue;
        }
        blockers << tr("%1 — %2").arg(b.reason, b.unblock);
    }
    m_blocked->setText(blockers.join(u"\n"_s));
    m_blocked->setVisible(!blockers.isEmpty());
    m_start->setEnabled(a->runnable() && blockers.isEmpty());
    m_start->setToolTip(a->isEntityScoped()
                            ? tr("Start it here and pick the entity, or from the entity's page, where it is filled in")
                            : QString());
}

} // namespace Portolan::Ui
