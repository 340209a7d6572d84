#pragma once

#include "util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>

namespace Portolan::Core {

// What clicking a notification opens: a page of the window and what on it.
//   inbox   ref: an approval request's run key (or empty)
//   runs    ref: the run's id
//   entity  ref: an entity ref
//   sources ref: a source id
//   ttl     ref: the entity ref of the expiry (the Inbox's "Expiring soon")
struct NotificationTarget
{
    QString page;
    QString ref;

    [[nodiscard]] bool isEmpty() const { return page.isEmpty(); }
    friend bool operator==(const NotificationTarget &, const NotificationTarget &) = default;
};

// Something that happened which the user should hear about, whether or not it could be shown at the time.
struct Notification
{
    enum class Kind {
        ApprovalRequested,
        ApprovalDecided,
        TtlWarning,
        TtlExpired,
        RunSucceeded,
        RunFailed,
        SyncFailing
    };

    QString id; // set by the log
    Kind kind = Kind::RunSucceeded;
    QString title;
    QString body;
    NotificationTarget target;
    QDateTime created; // UTC
    bool read = false;
    // Names the event for good ("ttl-warning:…@expiry/3600", "run:<key>:failed"): one event is notified once,
    // across restarts.
    QString dedupeKey;
    QString runKey; // approval requests: the request to decide from the notification's own buttons

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Notification fromJson(const QJsonObject &object);
    [[nodiscard]] static QString kindName(Kind kind); // "approval-requested", ... (stored)
    [[nodiscard]] static Kind kindFromName(const QString &name, bool *ok = nullptr);
};

// Every notification of a workspace, kept in <data>/workspaces/<cacheKey>/notifications.json, so the Inbox has
// them after a restart and whether or not a tray or notification daemon showed them. Newest last in the file,
// capped; the dedupe keys are kept longer than the notifications so a dropped one is still not notified again.
// Written whole and atomically (QSaveFile) after every change: it is small, and a crash never leaves half a file.
class NotificationLog final
{
public:
    static constexpr int defaultCapacity = 500;

    // An empty `file` keeps the log in memory only.
    explicit NotificationLog(QString file, int capacity = defaultCapacity);

    // <data>/workspaces/<cacheKey>/notifications.json
    [[nodiscard]] static QString fileFor(const QString &workspaceCacheKey);

    // Reads the file; a missing file is an empty log. A file that cannot be read as a log (cut off by a full disk,
    // edited by hand) is moved aside to `<file>.broken` and the log starts empty: the error says where it went.
    [[nodiscard]] Result<void> load();
    [[nodiscard]] Result<void> save() const;

    // Adds and saves `notification` unless its dedupe key was seen before; false when it was (nothing changes).
    // Sets its id and, when invalid, its creation time to `now`.
    bool add(Notification &notification, const QDateTime &now);
    [[nodiscard]] bool hasSeen(const QString &dedupeKey) const { return m_seen.contains(dedupeKey); }

    bool markRead(const QString &id);
    bool markAllRead();
    void clear();

    [[nodiscard]] const QList<Notification> &notifications() const { return m_notifications; } // oldest first
    [[nodiscard]] const Notification *find(const QString &id) const;
    [[nodiscard]] int unreadCount() const;
    [[nodiscard]] const QString &file() const { return m_file; }
    [[nodiscard]] int capacity() const { return m_capacity; }
    // Set when the last save failed (a full disk); the notifications stay in memory.
    [[nodiscard]] const QString &saveProblem() const { return m_saveProblem; }

private:
    void trim();

    QString m_file;
    int m_capacity;
    QList<Notification> m_notifications;
    QList<QString> m_seenOrder; // oldest first, to drop the oldest keys
    QSet<QString> m_seen;
    mutable QString m_saveProblem;
};

} // namespace Portolan::Core

Q_DECLARE_METATYPE(Portolan::Core::Notification)
Q_DECLARE_METATYPE(Portolan::Core::NotificationTarget)
