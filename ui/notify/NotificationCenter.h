#pragma once

#include "actions/ActionRun.h"
#include "approvals/Approval.h"
#include "catalog/Catalog.h"
#include "notify/Notification.h"
#include "sync/SyncTypes.h"
#include "ttl/TimeToLive.h"
#include "util/Clock.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace Portolan::Ui {

// Turns what happens (runs finishing, approval requests, TTL warnings and expiries, sources that keep failing) into
// notifications. Every one goes into the workspace's NotificationLog, the Inbox's list, whatever can show it;
// `popup` is emitted for the ones to show now (not while paused). Each event is notified once, across restarts (the
// log's dedupe keys). Time comes from the injected clock; the TTLs and long sync failures are checked on a timer.
class NotificationCenter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationCenter)

public:
    // `logFile`: NotificationLog::fileFor(cacheKey); empty keeps the notifications in memory only (tests).
    explicit NotificationCenter(const QString &logFile, const Core::Clock &clock = Core::Clock::system(),
                                QObject *parent = nullptr);
    ~NotificationCenter() override;

    // Why the log could not be read (it then started empty); empty when it was.
    [[nodiscard]] const QString &loadProblem() const { return m_loadProblem; }

    [[nodiscard]] const QList<Core::Notification> &notifications() const { return m_log.notifications(); }
    [[nodiscard]] int unreadCount() const { return m_log.unreadCount(); }
    void markRead(const QString &id);
    void markAllRead();

    // Paused: notifications are still logged (and counted), but none pops up.
    void setPaused(bool paused);
    [[nodiscard]] bool isPaused() const { return m_paused; }

    // TTLs: the catalog's expiries, with warnings by the policy. `owners` (the user's ref and groups) limits the
    // warnings to what the user owns; empty: every expiry. The catalog is scanned on the background pool:
    // expiriesChanged tells when its expiries are in (and checked).
    void setCatalog(const Core::Catalog::Ptr &catalog);
    void setTtlPolicy(const Core::TtlPolicy &policy) { m_policy = policy; }
    void setOwners(const QStringList &owners);
    [[nodiscard]] const QList<Core::Expiry> &expiries() const { return m_expiries; }
    // How often the TTLs and failing sources are looked at (default 30 s); 0 stops the timer (tests call check()).
    void setCheckInterval(int msecs);
    // Looks at the TTLs and the failing sources now.
    void check();

    void runFinished(const Core::ActionRun &run);
    // The approval requests as last read. New ones waiting for `userRef` are "approval requested"; the user's own
    // requests that became approved or rejected are "approval decided".
    void takeApprovals(const QList<Core::ApprovalRequest> &requests, const QString &userRef);
    // The sources' states; one failing longer than `syncFailingAfter` is notified (once per run of failures).
    void takeSourceStatuses(const QList<Core::SourceStatus> &statuses);
    void setSyncFailingAfter(qint64 seconds) { m_syncFailingAfter = seconds; }

Q_SIGNALS:
    // A new notification, logged.
    void notified(const Portolan::Core::Notification &notification);
    // A new notification to show now (not emitted while paused).
    void popup(const Portolan::Core::Notification &notification);
    // The list or its read flags changed.
    void changed();
    void unreadCountChanged(int count);
    void expiriesChanged(const QList<Portolan::Core::Expiry> &expiries);
    void pausedChanged(bool paused);

private:
    void post(Core::Notification notification);
    void takeExpiries(const Core::Catalog::Ptr &catalog, const QList<Core::Expiry> &all);
    void filterExpiries();
    void checkExpiries(const QDateTime &now);
    void checkSources(const QDateTime &now);
    [[nodiscard]] bool isOwned(const Core::Expiry &expiry) const;

    const Core::Clock &m_clock;
    Core::NotificationLog m_log;
    QString m_loadProblem;
    bool m_paused = false;
    QTimer m_timer;
    Core::Catalog::Ptr m_catalog; // whose expiries are in; null before the first scan's answer
    int m_scanGeneration = 0;
    QList<Core::Expiry> m_allExpiries; // everyone's
    Core::TtlPolicy m_policy;
    QStringList m_owners; // entity ref keys
    QList<Core::Expiry> m_expiries;
    QDateTime m_ttlCheckedUntil; // invalid before the first check
    QHash<QString, Core::ApprovalRequest::State> m_approvalStates; // by run key, as last seen
    struct Failing
    {
        QDateTime since;
        QString name;
        QString message;
    };
    QHash<QString, Failing> m_failing; // by source id
    qint64 m_syncFailingAfter = 30 * 60;
};

} // namespace Portolan::Ui
