#include "Notification.h"

#include "config/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("NotificationLog", text);
}

constexpr int formatVersion = 1;

const struct
{
    Notification::Kind kind;
    QStringView name;
} kindNames[] = {
    {Notification::Kind::ApprovalRequested, u"approval-requested"},
    {Notification::Kind::ApprovalDecided, u"approval-decided"},
    {Notification::Kind::TtlWarning, u"ttl-warning"},
    {Notification::Kind::TtlExpired, u"ttl-expired"},
    {Notification::Kind::RunSucceeded, u"run-succeeded"},
    {Notification::Kind::RunFailed, u"run-failed"},
    {Notification::Kind::SyncFailing, u"sync-failing"},
};

} // namespace

QString Notification::kindName(Kind kind)
{
    for (const auto &k : kindNames) {
        if (k.kind == kind) {
            return k.name.toString();
        }
    }
    return {};
}

Notification::Kind Notification::kindFromName(const QString &name, bool *ok)
{
    for (const auto &k : kindNames) {
        if (k.name == name) {
            if (ok) {
                *ok = true;
            }
            return k.kind;
        }
    }
    if (ok) {
        *ok = false;
    }
    return Kind::RunSucceeded;
}

QJsonObject Notification::toJson() const
{
    QJsonObject o{{u"id"_s, id},
                  {u"kind"_s, kindName(kind)},
                  {u"title"_s, title},
                  {u"body"_s, body},
                  {u"page"_s, target.page},
                  {u"ref"_s, target.ref},
                  {u"created"_s, created.toUTC().toString(Qt::ISODateWithMs)},
                  {u"read"_s, read},
                  {u"key"_s, dedupeKey}};
    if (!runKey.isEmpty()) {
        o.insert(u"runKey"_s, runKey);
    }
    return o;
}

Notification Notification::fromJson(const QJsonObject &object)
{
    Notification n;
    n.id = object.value(u"id"_s).toString();
    n.kind = kindFromName(object.value(u"kind"_s).toString());
    n.title = object.value(u"title"_s).toString();
    n.body = object.value(u"body"_s).toString();
    n.target.page = object.value(u"page"_s).toString();
    n.target.ref = object.value(u"ref"_s).toString();
    n.created = QDateTime::fromString(object.value(u"created"_s).toString(), Qt::ISODateWithMs).toUTC();
    n.read = object.value(u"read"_s).toBool();
    n.dedupeKey = object.value(u"key"_s).toString();
    n.runKey = object.value(u"runKey"_s).toString();
    return n;
}

NotificationLog::NotificationLog(QString file, int capacity)
    : m_file(std::move(file))
    , m_capacity(std::max(1, capacity))
{ }

QString NotificationLog::fileFor(const QString &workspaceCacheKey)
{
    return QDir(Paths::dataDir()).filePath(u"workspaces/"_s + workspaceCacheKey + u"/notifications.json"_s);
}

Result<void> NotificationLog::load()
{
    m_notifications.clear();
    m_seen.clear();
    m_seenOrder.clear();
    QFile file(m_file);
    if (m_file.isEmpty() || !file.exists()) {
        return {};
    }
    const auto broken = [this](const QString &why) -> Result<void> {
        // Kept aside, not deleted: it may hold what someone wants to read, and the next save must not fail on it.
        const QString aside = m_file + u".broken"_s;
        QFile::remove(aside);
        const bool moved = QFile::rename(m_file, aside);
        Error error = makeError(Error::Code::Parse,
                                moved ? tr("The notification log could not be read and starts empty; the old file "
                                           "was kept as %1.")
                                            .arg(QDir::toNativeSeparators(aside))
                                      : tr("The notification log could not be read and starts empty."),
                                why);
        error.file = m_file;
        return error;
    };
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::Io, tr("The notification log cannot be opened."), file.errorString());
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    file.close();
    if (parseError.error != QJsonParseError::NoError) {
        return broken(parseError.errorString() + u" at offset "_s + QString::number(parseError.offset));
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || !root.value(u"notifications"_s).isArray()) {
        return broken(u"no \"notifications\" array"_s);
    }
    for (const QJsonValue &v : root.value(u"seen"_s).toArray()) {
        const QString key = v.toString();
        if (!key.isEmpty() && !m_seen.contains(key)) {
            m_seen.insert(key);
            m_seenOrder.append(key);
        }
    }
    for (const QJsonValue &v : root.value(u"notifications"_s).toArray()) {
        Notification n = Notification::fromJson(v.toObject());
        if (n.id.isEmpty()) {
            continue;
        }
        if (!n.dedupeKey.isEmpty() && !m_seen.contains(n.dedupeKey)) {
            m_seen.insert(n.dedupeKey);
            m_seenOrder.append(n.dedupeKey);
        }
        m_notifications.append(std::move(n));
    }
    trim();
    return {};
}

Result<void> NotificationLog::save() const
{
    if (m_file.isEmpty()) {
        return {};
    }
    QJsonArray notifications;
    for (const Notification &n : m_notifications) {
        notifications.append(n.toJson());
    }
    QJsonArray seen;
    for (const QString &key : m_seenOrder) {
        seen.append(key);
    }
    const QJsonObject root{{u"version"_s, formatVersion}, {u"notifications"_s, notifications}, {u"seen"_s, seen}};
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile file(m_file);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0
        || !file.commit()) {
        m_saveProblem = file.errorString();
        return makeError(Error::Code::Io, tr("The notification log cannot be written."), file.errorString());
    }
    m_saveProblem.clear();
    return {};
}

bool NotificationLog::add(Notification &notification, const QDateTime &now)
{
    if (!notification.dedupeKey.isEmpty() && m_seen.contains(notification.dedupeKey)) {
        return false;
    }
    notification.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!notification.created.isValid()) {
        notification.created = now.toUTC();
    }
    if (!notification.dedupeKey.isEmpty()) {
        m_seen.insert(notification.dedupeKey);
        m_seenOrder.append(notification.dedupeKey);
    }
    m_notifications.append(notification);
    trim();
    (void)save(); // a failed save is kept in saveProblem(); the notification still shows
    return true;
}

bool NotificationLog::markRead(const QString &id)
{
    for (Notification &n : m_notifications) {
        if (n.id == id && !n.read) {
            n.read = true;
            (void)save();
            return true;
        }
    }
    return false;
}

bool NotificationLog::markAllRead()
{
    bool changed = false;
    for (Notification &n : m_notifications) {
        changed = changed || !n.read;
        n.read = true;
    }
    if (changed) {
        (void)save();
    }
    return changed;
}

void NotificationLog::clear()
{
    m_notifications.clear();
    (void)save(); // the dedupe keys stay: cleared events are not notified again
}

const Notification *NotificationLog::find(const QString &id) const
{
    for (const Notification &n : m_notifications) {
        if (n.id == id) {
            return &n;
        }
    }
    return nullptr;
}

int NotificationLog::unreadCount() const
{
    return int(
        std::count_if(m_notifications.begin(), m_notifications.end(), [](const Notification &n) { return !n.read; }));
}

void NotificationLog::trim()
{
    if (m_notifications.size() > m_capacity) {
        m_notifications.erase(m_notifications.begin(), m_notifications.begin() + (m_notifications.size() - m_capacity));
    }
    // Keys outlive their notifications fourfold: an event comes due again long after its notification scrolled out
    // (a TTL warning after a restart days later) and must still count as notified.
    const qsizetype keep = qsizetype(m_capacity) * 4;
    while (m_seenOrder.size() > keep) {
        m_seen.remove(m_seenOrder.takeFirst());
    }
}

} // namespace Portolan::Core
