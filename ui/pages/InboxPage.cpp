#include "InboxPage.h"

#include "dialogs/DecisionDialog.h"
#include "models/Format.h"
#include "widgets/Card.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

enum Role { TargetPageRole = Qt::UserRole, TargetRefRole, IdRole };

QTreeWidget *makeList(const QStringList &headers, QWidget *parent)
{
    auto *view = new QTreeWidget(parent);
    view->setHeaderLabels(headers);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(false);
    view->setFrameShape(QFrame::NoFrame);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->header()->setStretchLastSection(true);
    view->header()->setSectionResizeMode(QHeaderView::Interactive);
    // Inside a scrolling page: each list is as tall as its rows (up to a limit), not a scroll area of its own.
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return view;
}

void fitHeight(QTreeWidget *view, int maxRows)
{
    const int rows = std::min(view->topLevelItemCount(), maxRows);
    const int rowHeight = view->topLevelItemCount() > 0 ? std::max(view->sizeHintForRow(0), 22) : 22;
    view->setFixedHeight(view->header()->sizeHint().height() + rows * rowHeight + 4);
    view->setVisible(view->topLevelItemCount() > 0);
}

QLabel *emptyLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setWordWrap(true);
    return label;
}

QString valueText(const QJsonValue &value)
{
    if (value.isObject()) {
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    if (value.isArray()) {
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    }
    return value.toVariant().toString();
}

const ApprovalDecision *decisiveDecision(const ApprovalRequest &request, ApprovalRequest::State state)
{
    const ApprovalDecision *decisive = nullptr;
    for (const ApprovalDecision &d : request.decisions) {
        if (d.counts && d.approved == (state == ApprovalRequest::State::Approved)) {
            decisive = &d;
        }
    }
    return decisive;
}

} // namespace

InboxPage::InboxPage(QWidget *parent)
    : QWidget(parent)
    , m_clock(&Clock::system())
    , m_scroll(new QScrollArea(this))
    , m_waitingCard(new Card(tr("Waiting for you"), this))
    , m_waitingList(new QVBoxLayout)
    , m_waitingEmpty(emptyLabel(tr("No approval requests are waiting for you."), this))
    , m_requestsCard(new Card(tr("Your requests"), this))
    , m_requests(
          makeList({tr("Action"), tr("Entity"), tr("Requested"), tr("State"), tr("Decided by"), tr("Comment")}, this))
    , m_requestsEmpty(emptyLabel(tr("You have no approval requests open."), this))
    , m_expiringCard(new Card(tr("Expiring soon"), this))
    , m_expiries(makeList({tr("Entity"), tr("Owner"), tr("Ends"), tr("Time left"), QString()}, this))
    , m_expiringEmpty(emptyLabel(tr("Nothing of yours has a time to live."), this))
    , m_notificationsCard(new Card(tr("Notifications"), this))
    , m_notifications(makeList({tr("Notification"), tr("Details"), tr("When")}, this))
    , m_notificationsEmpty(emptyLabel(tr("No notifications yet. Runs finishing, approvals and expiring "
                                         "environments are listed here, also when the desktop cannot show them."),
                                      this))
    , m_markAllRead(new QPushButton(tr("Mark All Read"), this))
    , m_tick(new QTimer(this))
{
    setObjectName(u"inboxPage"_s);
    m_waitingCard->setObjectName(u"inboxWaiting"_s);
    m_requestsCard->setObjectName(u"inboxRequests"_s);
    m_expiringCard->setObjectName(u"inboxExpiring"_s);
    m_notificationsCard->setObjectName(u"inboxNotifications"_s);
    m_requests->setObjectName(u"inboxRequestsView"_s);
    m_expiries->setObjectName(u"inboxExpiriesView"_s);
    m_notifications->setObjectName(u"inboxNotificationsView"_s);
    m_markAllRead->setObjectName(u"markAllRead"_s);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_scroll->setAccessibleName(tr("Notifications"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(m_scroll);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(24, 20, 24, 20);
    column->setSpacing(16);
    auto *heading = new QLabel(tr("Inbox"), content);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setWeight(QFont::DemiBold);
    heading->setFont(headingFont);
    column->addWidget(heading);

    m_waitingList->setSpacing(10);
    m_waitingCard->contentLayout()->addWidget(m_waitingEmpty);
    m_waitingCard->contentLayout()->addLayout(m_waitingList);
    column->addWidget(m_waitingCard);

    m_requestsCard->contentLayout()->addWidget(m_requestsEmpty);
    m_requestsCard->contentLayout()->addWidget(m_requests);
    column->addWidget(m_requestsCard);

    m_expiringCard->contentLayout()->addWidget(m_expiringEmpty);
    m_expiringCard->contentLayout()->addWidget(m_expiries);
    column->addWidget(m_expiringCard);
    connect(m_expiries, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT openRequested({u"entity"_s, item->data(0, TargetRefRole).toString()});
    });

    m_markAllRead->setFlat(true);
    connect(m_markAllRead, &QPushButton::clicked, this, &InboxPage::markAllReadRequested);
    m_notificationsCard->addHeaderWidget(m_markAllRead);
    m_notificationsCard->contentLayout()->addWidget(m_notificationsEmpty);
    m_notificationsCard->contentLayout()->addWidget(m_notifications);
    column->addWidget(m_notificationsCard);
    const auto open = [this](QTreeWidgetItem *item) {
        Q_EMIT notificationActivated(item->data(0, IdRole).toString());
        const NotificationTarget target{item->data(0, TargetPageRole).toString(),
                                        item->data(0, TargetRefRole).toString()};
        if (!target.isEmpty()) {
            Q_EMIT openRequested(target);
        }
    };
    connect(m_notifications, &QTreeWidget::itemClicked, this, open);
    connect(m_notifications, &QTreeWidget::itemActivated, this, open);
    column->addStretch(1);
    m_scroll->setWidget(content);
    outer->addWidget(m_scroll);

    for (QTreeWidget *view : {m_requests, m_expiries, m_notifications}) {
        fitHeight(view, 8);
    }
    m_notifications->setColumnWidth(0, 380);
    m_notifications->setColumnWidth(1, 420);
    m_expiries->setColumnWidth(0, 320);
    m_expiries->setColumnWidth(1, 200);
    m_expiries->setColumnWidth(2, 160);
    m_expiries->setColumnWidth(3, 120);
    m_requests->setColumnWidth(0, 220);
    m_requests->setColumnWidth(1, 300);
    m_requests->setColumnWidth(2, 120);
    m_requests->setColumnWidth(3, 280); // "Waiting for Platform Team, SRE Team"
    m_requests->setColumnWidth(4, 140);

    // The countdowns and ages move on their own.
    m_tick->setInterval(30 * 1000);
    connect(m_tick, &QTimer::timeout, this, &InboxPage::updateCountdowns);
    m_tick->start();
    updateTitles();
}

InboxPage::~InboxPage() = default;

void InboxPage::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::system();
    updateCountdowns();
}

Card *InboxPage::sectionCard(Section section) const
{
    switch (section) {
    case Section::Waiting:
        return m_waitingCard;
    case Section::Requests:
        return m_requestsCard;
    case Section::Expiring:
        return m_expiringCard;
    case Section::Notifications:
        return m_notificationsCard;
    }
    return m_waitingCard;
}

void InboxPage::showSection(Section section)
{
    Card *card = sectionCard(section);
    // After a layout pass, so a page just shown has its positions.
    QTimer::singleShot(0, this, [this, card] { m_scroll->verticalScrollBar()->setValue(card->y() - 12); });
}

QWidget *InboxPage::waitingCard(const QString &runKey) const
{
    return findChild<QWidget *>(u"waiting:"_s + runKey);
}

void InboxPage::setApprovals(const QList<ApprovalRequest> &requests, const QString &userRef)
{
    const QString me = userRef.toLower();
    m_waiting.clear();
    m_requests->clear();
    const QDateTime now = m_clock->now();
    for (const ApprovalRequest &r : requests) {
        if (!userRef.isEmpty() && r.awaits(userRef)) {
            m_waiting.append(r);
        }
        if (me.isEmpty() || r.requester.toLower() != me) {
            continue;
        }
        const ApprovalRequest::State state = r.state();
        QString stateText;
        switch (state) {
        case ApprovalRequest::State::Pending:
            stateText = r.onPlatform() ? tr("Waiting for a review on GitHub by %1").arg(r.itemLabels.join(tr(" or ")))
                        : r.itemLabels.isEmpty() ? tr("Waiting")
                                                 : tr("Waiting for %1").arg(r.itemLabels.join(tr(", ")));
            break;
        case ApprovalRequest::State::Approved:
            stateText = tr("Approved");
            break;
        case ApprovalRequest::State::Rejected:
            stateText = tr("Rejected");
            break;
        }
        const ApprovalDecision *decisive =
            state == ApprovalRequest::State::Pending ? nullptr : decisiveDecision(r, state);
        auto *item = new QTreeWidgetItem(m_requests);
        item->setText(0, r.title);
        item->setText(1, r.entityRef);
        item->setText(2, Format::relativeTime(r.requested, now));
        item->setToolTip(2, Format::dateTime(r.requested));
        item->setText(3, stateText);
        item->setToolTip(3, r.onPlatform() ? r.summary : stateText);
        if (decisive) {
            item->setText(4, decisive->approverName.isEmpty() ? decisive->approver : decisive->approverName);
            item->setToolTip(4, Format::dateTime(decisive->at));
            item->setText(5, decisive->comment);
            item->setToolTip(5, decisive->comment);
        }
        item->setData(0, TargetRefRole, r.runKey);
        if (state == ApprovalRequest::State::Rejected) {
            item->setForeground(3, QColor(0xc0, 0x2b, 0x2b));
        } else if (state == ApprovalRequest::State::Approved) {
            item->setForeground(3, QColor(0x2e, 0x7d, 0x32));
        }
    }
    m_requestsEmpty->setVisible(m_requests->topLevelItemCount() == 0);
    fitHeight(m_requests, 8);
    rebuildWaiting();
    updateTitles();
}

void InboxPage::rebuildWaiting()
{
    while (QLayoutItem *item = m_waitingList->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QDateTime now = m_clock->now();
    for (const ApprovalRequest &r : std::as_const(m_waiting)) {
        auto *frame = new QFrame(m_waitingCard);
        frame->setObjectName(u"waiting:"_s + r.runKey);
        frame->setFrameShape(QFrame::StyledPanel);
        auto *layout = new QVBoxLayout(frame);
        layout->setContentsMargins(12, 10, 12, 10);
        layout->setSpacing(4);
        auto *title = new QLabel(u"<b>%1</b>"_s.arg(r.title.toHtmlEscaped()), frame);
        title->setObjectName(u"requestTitle"_s);
        layout->addWidget(title);
        const QString who = r.requesterName.isEmpty() ? r.requester : r.requesterName;
        const QString facts =
            r.entityRef.isEmpty()
                ? tr("Requested by %1 · %2").arg(who, Format::relativeTime(r.requested, now))
                : tr("Requested by %1 on %2 · %3").arg(who, r.entityRef, Format::relativeTime(r.requested, now));
        auto *info = new QLabel(Format::muted(facts.toHtmlEscaped()), frame);
        info->setObjectName(u"requestFacts"_s);
        info->setToolTip(Format::dateTime(r.requested));
        layout->addWidget(info);
        if (!r.summary.isEmpty()) {
            auto *summary = new QLabel(r.summary, frame);
            summary->setObjectName(u"requestSummary"_s);
            summary->setWordWrap(true);
            summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
            layout->addWidget(summary);
        }
        if (!r.parameters.isEmpty()) {
            QStringList lines;
            for (auto it = r.parameters.begin(); it != r.parameters.end(); ++it) {
                lines.append(u"<b>%1</b>: %2"_s.arg(it.key().toHtmlEscaped(), valueText(it.value()).toHtmlEscaped()));
            }
            auto *parameters = new QLabel(lines.join(u"<br>"_s), frame);
            parameters->setObjectName(u"requestParameters"_s);
            parameters->setWordWrap(true);
            parameters->setTextInteractionFlags(Qt::TextSelectableByMouse);
            layout->addWidget(parameters);
        }
        auto *buttons = new QHBoxLayout;
        buttons->addStretch(1);
        auto *reject = new QPushButton(tr("Reject…"), frame);
        reject->setObjectName(u"reject"_s);
        auto *approve = new QPushButton(tr("Approve…"), frame);
        approve->setObjectName(u"approve"_s);
        buttons->addWidget(reject);
        buttons->addWidget(approve);
        layout->addLayout(buttons);
        const QString key = r.runKey;
        connect(approve, &QPushButton::clicked, this, [this, key] { requestDecision(key, true); });
        connect(reject, &QPushButton::clicked, this, [this, key] { requestDecision(key, false); });
        m_waitingList->addWidget(frame);
    }
    m_waitingEmpty->setVisible(m_waiting.isEmpty());
}

void InboxPage::requestDecision(const QString &runKey, bool approve, bool askComment)
{
    const auto it = std::find_if(m_waiting.cbegin(), m_waiting.cend(),
                                 [&](const ApprovalRequest &r) { return r.runKey == runKey; });
    if (it == m_waiting.cend()) {
        return;
    }
    if (!askComment && approve) {
        Q_EMIT decisionRequested(runKey, true, {});
        return;
    }
    auto *dialog = new DecisionDialog(runKey, it->title, approve, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { Q_EMIT decisionRequested(dialog->runKey(), dialog->approves(), dialog->comment()); });
    dialog->open();
}

void InboxPage::setExpiries(const QList<Expiry> &expiries)
{
    m_expiryList = expiries;
    m_expiries->clear();
    for (const Expiry &e : expiries) {
        auto *item = new QTreeWidgetItem(m_expiries);
        item->setText(0, e.title.isEmpty() ? e.entityRef : e.title);
        item->setToolTip(0, e.entityRef);
        item->setText(1, e.owner);
        item->setText(2, Format::dateTime(e.expiresAt));
        item->setData(0, TargetRefRole, e.entityRef);
        auto *extend = new QToolButton(m_expiries);
        extend->setText(tr("Extend…"));
        extend->setObjectName(u"extend:"_s + e.entityRef);
        extend->setAutoRaise(true);
        const QString ref = e.entityRef;
        connect(extend, &QToolButton::clicked, this, [this, ref] { Q_EMIT extendRequested(ref); });
        m_expiries->setItemWidget(item, 4, extend);
    }
    m_expiringEmpty->setVisible(expiries.isEmpty());
    fitHeight(m_expiries, 8);
    updateCountdowns();
    updateTitles();
}

void InboxPage::setNotifications(const QList<Notification> &notifications)
{
    m_notifications->clear();
    m_unread = 0;
    const QDateTime now = m_clock->now();
    for (auto it = notifications.crbegin(); it != notifications.crend(); ++it) {
        const Notification &n = *it;
        auto *item = new QTreeWidgetItem(m_notifications);
        item->setText(0, n.title);
        item->setToolTip(0, n.title + u'\n' + n.body);
        item->setText(1, n.body.section(u'\n', 0, 0));
        item->setToolTip(1, n.body);
        item->setText(2, Format::relativeTime(n.created, now));
        item->setToolTip(2, Format::dateTime(n.created));
        item->setData(0, IdRole, n.id);
        item->setData(0, TargetPageRole, n.target.page);
        item->setData(0, TargetRefRole, n.target.ref);
        item->setData(2, IdRole, n.created);
        if (!n.read) {
            ++m_unread;
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
        }
    }
    m_notificationsEmpty->setVisible(notifications.isEmpty());
    m_markAllRead->setEnabled(m_unread > 0);
    fitHeight(m_notifications, 14);
    updateTitles();
}

void InboxPage::updateCountdowns()
{
    const QDateTime now = m_clock->now();
    for (int i = 0; i < m_expiries->topLevelItemCount() && i < m_expiryList.size(); ++i) {
        QTreeWidgetItem *item = m_expiries->topLevelItem(i);
        const qint64 left = m_expiryList[i].secondsLeft(now);
        if (left <= 0) {
            item->setText(3, tr("expired %1 ago").arg(TimeToLive::formatDuration(-left)));
            item->setForeground(3, QColor(0xc0, 0x2b, 0x2b));
        } else {
            item->setText(3, TimeToLive::formatDuration(left));
            item->setForeground(3, left <= 24 * 3600 ? QBrush(QColor(0xb2, 0x6a, 0x00)) : QBrush());
        }
    }
    for (int i = 0; i < m_notifications->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_notifications->topLevelItem(i);
        item->setText(2, Format::relativeTime(item->data(2, IdRole).toDateTime(), now));
    }
}

void InboxPage::updateTitles()
{
    const auto titled = [](const QString &title, int count) {
        return count > 0 ? u"%1 (%2)"_s.arg(title).arg(count) : title;
    };
    m_waitingCard->setTitle(titled(tr("Waiting for you"), int(m_waiting.size())));
    m_requestsCard->setTitle(titled(tr("Your requests"), m_requests->topLevelItemCount()));
    m_expiringCard->setTitle(titled(tr("Expiring soon"), int(m_expiryList.size())));
    m_notificationsCard->setTitle(m_unread > 0 ? tr("Notifications (%n unread)", nullptr, m_unread)
                                               : tr("Notifications"));
}

} // namespace Portolan::Ui
