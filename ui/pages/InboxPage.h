#pragma once

#include "approvals/Approval.h"
#include "notify/Notification.h"
#include "ttl/TimeToLive.h"
#include "util/Clock.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;
class QVBoxLayout;

namespace Portolan::Ui {

class Card;

// The Inbox: what needs the user and what happened. Four sections, top to bottom:
//   Waiting for you   approval requests the user may decide (Approve / Reject, each with a comment)
//   Your requests     the user's own requests: pending, approved or rejected, by whom and why
//   Expiring soon     the user's things with a time to live, counting down (Extend…)
//   Notifications     every notification, newest first, unread in bold; a click opens what it is about
// It shows snapshots and asks for everything through signals; deciding, extending and opening are the window's.
class InboxPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxPage)

public:
    enum class Section { Waiting, Requests, Expiring, Notifications };

    explicit InboxPage(QWidget *parent = nullptr);
    ~InboxPage() override;

    void setApprovals(const QList<Core::ApprovalRequest> &requests, const QString &userRef);
    void setNotifications(const QList<Core::Notification> &notifications);
    void setExpiries(const QList<Core::Expiry> &expiries);
    void setClock(const Core::Clock *clock); // for the ages and countdowns; the system clock by default

    // Scrolls to a section (the tray's TTLs entry opens Expiring soon).
    void showSection(Section section);
    // Decides a request waiting for the user: asks for the comment first when `askComment` (required to reject),
    // then emits decisionRequested. Unknown run keys are ignored.
    void requestDecision(const QString &runKey, bool approve, bool askComment = true);

    [[nodiscard]] Card *sectionCard(Section section) const;
    [[nodiscard]] QTreeWidget *requestsView() const { return m_requests; }
    [[nodiscard]] QTreeWidget *expiriesView() const { return m_expiries; }
    [[nodiscard]] QTreeWidget *notificationsView() const { return m_notifications; }
    // The request cards of Waiting for you, by run key (objectName "waiting:<run key>").
    [[nodiscard]] QWidget *waitingCard(const QString &runKey) const;

Q_SIGNALS:
    void decisionRequested(const QString &runKey, bool approve, const QString &comment);
    void extendRequested(const QString &entityRef);
    void openRequested(const Portolan::Core::NotificationTarget &target);
    void notificationActivated(const QString &id); // clicked: read
    void markAllReadRequested();

private:
    void rebuildWaiting();
    void updateCountdowns();
    void updateTitles();

    const Core::Clock *m_clock;
    QScrollArea *m_scroll;
    Card *m_waitingCard;
    QVBoxLayout *m_waitingList;
    QLabel *m_waitingEmpty;
    Card *m_requestsCard;
    QTreeWidget *m_requests;
    QLabel *m_requestsEmpty;
    Card *m_expiringCard;
    QTreeWidget *m_expiries;
    QLabel *m_expiringEmpty;
    Card *m_notificationsCard;
    QTreeWidget *m_notifications;
    QLabel *m_notificationsEmpty;
    QPushButton *m_markAllRead;
    QTimer *m_tick;
    QList<Core::ApprovalRequest> m_waiting;
    QList<Core::Expiry> m_expiryList;
    int m_unread = 0;
};

} // namespace Portolan::Ui
