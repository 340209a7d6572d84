#include "NotificationCenter.h"

#include "model/EntityRef.h"
#include "models/Format.h"
#include "util/Threads.h"

#include <QFutureWatcher>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

constexpr qint64 day = 24 * 3600;

QString refKey(const QString &ref, QStringView defaultKind)
{
    const auto parsed = EntityRef::parse(ref, defaultKind);
    return parsed.ok() ? parsed->key() : ref.toLower();
}

} // namespace

NotificationCenter::NotificationCenter(const QString &logFile, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_log(logFile)
{
    const Result<void> loaded = m_log.load();
    if (!loaded.ok()) {
        m_loadProblem = loaded.error().message;
        qWarning("%s (%s)", qPrintable(loaded.error().message), qPrintable(loaded.error().detail));
    }
    m_timer.setInterval(30 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &NotificationCenter::check);
    m_timer.start();
}

NotificationCenter::~NotificationCenter() = default;

void NotificationCenter::markRead(const QString &id)
{
    if (m_log.markRead(id)) {
        Q_EMIT changed();
        Q_EMIT unreadCountChanged(unreadCount());
    }
}

void NotificationCenter::markAllRead()
{
    if (m_log.markAllRead()) {
        Q_EMIT changed();
        Q_EMIT unreadCountChanged(unreadCount());
    }
}

void NotificationCenter::setPaused(bool paused)
{
    if (m_paused != paused) {
        m_paused = paused;
        Q_EMIT pausedChanged(paused);
    }
}

void NotificationCenter::setCatalog(const Catalog::Ptr &catalog)
{
    // The scan passes over every entity (26 ms at 100k, on a catalog just arrived, while the window paints it): it
    // runs on the background pool. Until its answer, the expiries of the previous catalog stand; a newer catalog's
    // scan makes an older one's answer moot.
    const int generation = ++m_scanGeneration;
    if (!catalog) {
        takeExpiries(nullptr, {});
        return;
    }
    auto *watcher = new QFutureWatcher<QList<Expiry>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, catalog] {
        watcher->deleteLater();
        if (generation == m_scanGeneration) {
            takeExpiries(catalog, watcher->result());
        }
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [catalog] {
        lowerCurrentThreadPriority();
        return TimeToLive::expiries(*catalog);
    }));
}

void NotificationCenter::takeExpiries(const Catalog::Ptr &catalog, const QList<Expiry> &all)
{
    m_catalog = catalog;
    m_allExpiries = all;
    filterExpiries();
    check();
}

void NotificationCenter::filterExpiries()
{
    m_expiries = m_allExpiries;
    m_expiries.removeIf([this](const Expiry &e) { return !isOwned(e); });
    Q_EMIT expiriesChanged(m_expiries);
}

void NotificationCenter::setOwners(const QStringList &owners)
{
    QStringList keys;
    for (const QString &owner : owners) {
        keys.append(refKey(owner, u"user"));
    }
    if (keys != m_owners) {
        m_owners = keys;
        filterExpiries();
        check();
    }
}

bool NotificationCenter::isOwned(const Expiry &expiry) const
{
    // An entity's owner is a group unless it says otherwise (Backstage's default for spec.owner).
    return m_owners.isEmpty() || m_owners.contains(refKey(expiry.owner, u"group"));
}

void NotificationCenter::setCheckInterval(int msecs)
{
    if (msecs <= 0) {
        m_timer.stop();
    } else {
        m_timer.start(msecs);
    }
}

void NotificationCenter::check()
{
    const QDateTime now = m_clock.now();
    checkExpiries(now);
    checkSources(now);
}

void NotificationCenter::checkExpiries(const QDateTime &now)
{
    if (!m_catalog) {
        return; // no expiries known yet: the first look waits for them
    }
    // The first look goes back a day: what came due while the app was closed is still worth a word (the log's keys
    // keep it from being said twice), what is older is history.
    const QDateTime since = m_ttlCheckedUntil.isValid() ? m_ttlCheckedUntil : now.addSecs(-day);
    m_ttlCheckedUntil = now;
    for (const TtlEvent &event : TimeToLive::dueEvents(m_expiries, m_policy, since, now)) {
        const Expiry &e = event.expiry;
        const QString name = e.title.isEmpty() ? e.entityRef : e.title;
        Notification n;
        n.dedupeKey = event.key;
        n.target = {u"ttl"_s, e.entityRef};
        if (event.kind == TtlEvent::Kind::Warning) {
            n.kind = Notification::Kind::TtlWarning;
            n.title = tr("%1 expires in %2").arg(name, TimeToLive::formatDuration(e.secondsLeft(now)));
            n.body = tr("%1 ends at %2. Open it to extend its time to live.")
                         .arg(e.entityRef, Format::dateTime(e.expiresAt));
        } else {
            n.kind = Notification::Kind::TtlExpired;
            n.title = tr("%1 has expired").arg(name);
            n.body =
                tr("%1 reached the end of its time to live at %2.").arg(e.entityRef, Format::dateTime(e.expiresAt));
        }
        n.created = now;
        post(std::move(n));
    }
}

void NotificationCenter::checkSources(const QDateTime &now)
{
    for (auto it = m_failing.cbegin(); it != m_failing.cend(); ++it) {
        const qint64 failingFor = it->since.secsTo(now);
        if (failingFor < m_syncFailingAfter) {
            continue;
        }
        Notification n;
        n.kind = Notification::Kind::SyncFailing;
        n.title = tr("%1 has been failing for %2").arg(it->name, TimeToLive::formatDuration(failingFor));
        n.body = it->message.isEmpty() ? tr("The catalog keeps its last good data from this source.") : it->message;
        n.target = {u"sources"_s, it.key()};
        // Once per run of failures: a source that recovers and fails again is said again.
        n.dedupeKey = u"sync-failing:"_s + it.key() + u'@' + it->since.toString(Qt::ISODate);
        n.created = now;
        post(std::move(n));
    }
}

void NotificationCenter::takeSourceStatuses(const QList<SourceStatus> &statuses)
{
    const QDateTime now = m_clock.now();
    QHash<QString, Failing> failing;
    for (const SourceStatus &s : statuses) {
        // A retry (Syncing) does not end a run of failures; only a success, a hold or disabling does.
        const bool failed = s.state == SourceStatus::State::Failed;
        const bool retrying = s.state == SourceStatus::State::Syncing && m_failing.contains(s.config.id);
        if (!failed && !retrying) {
            continue;
        }
        Failing f = m_failing.value(s.config.id, Failing{now, {}, {}});
        f.name = s.config.displayName();
        if (failed) {
            f.message = s.error.message;
        }
        failing.insert(s.config.id, f);
    }
    m_failing = failing;
    checkSources(now);
}

void NotificationCenter::runFinished(const ActionRun &run)
{
    if (run.status != ActionRun::Status::Succeeded && run.status != ActionRun::Status::Failed) {
        return; // cancelled by the user, who knows
    }
    const QDateTime now = m_clock.now();
    if (run.finished.isValid() && run.finished.secsTo(now) > day) {
        return; // an old run read back, not news
    }
    const bool ok = run.status == ActionRun::Status::Succeeded;
    const QString title = run.templateTitle.isEmpty() ? run.templateId : run.templateTitle;
    Notification n;
    n.kind = ok ? Notification::Kind::RunSucceeded : Notification::Kind::RunFailed;
    if (run.dryRun) {
        n.title = ok ? tr("Dry run of %1 succeeded").arg(title) : tr("Dry run of %1 failed").arg(title);
    } else {
        n.title = ok ? tr("%1 succeeded").arg(title) : tr("%1 failed").arg(title);
    }
    QStringList body;
    if (!ok && !run.error.isEmpty()) {
        body.append(run.error);
    }
    if (!run.entityRef.isEmpty()) {
        body.append(tr("On %1.").arg(run.entityRef));
    }
    const QString trigger = run.trigger.value(u"summary"_s).toString();
    if (!trigger.isEmpty()) {
        body.append(tr("Started by an automation: %1").arg(trigger));
    }
    n.body = body.join(u'\n');
    n.target = {u"runs"_s, QString::number(run.id)};
    n.dedupeKey =
        u"run:"_s + (run.key.isEmpty() ? QString::number(run.id) : run.key) + u':' + ActionRun::statusName(run.status);
    n.created = now;
    post(std::move(n));
}

void NotificationCenter::takeApprovals(const QList<ApprovalRequest> &requests, const QString &userRef)
{
    const QDateTime now = m_clock.now();
    const QString me = userRef.toLower();
    for (const ApprovalRequest &request : requests) {
        const ApprovalRequest::State state = request.state();
        const auto previous = m_approvalStates.find(request.runKey);
        const bool wasPending = previous != m_approvalStates.end() && *previous == ApprovalRequest::State::Pending;
        m_approvalStates.insert(request.runKey, state);
        const QString who = request.requesterName.isEmpty() ? request.requester : request.requesterName;

        if (!userRef.isEmpty() && request.awaits(userRef)) {
            Notification n;
            n.kind = Notification::Kind::ApprovalRequested;
            n.title = tr("Approval requested: %1").arg(request.title);
            n.body = request.entityRef.isEmpty() ? tr("%1 asks for your approval.").arg(who)
                                                 : tr("%1 asks for your approval on %2.").arg(who, request.entityRef);
            if (!request.summary.isEmpty()) {
                n.body += u'\n' + request.summary;
            }
            n.target = {u"inbox"_s, request.runKey};
            n.runKey = request.runKey;
            n.dedupeKey = u"approval-requested:"_s + request.runKey + u':' + me;
            n.created = now;
            post(std::move(n));
        }

        if (state == ApprovalRequest::State::Pending || me.isEmpty() || request.requester.toLower() != me) {
            continue;
        }
        const bool approved = state == ApprovalRequest::State::Approved;
        const ApprovalDecision *decisive = nullptr;
        for (const ApprovalDecision &d : request.decisions) {
            if (d.counts && d.approved == approved) {
                decisive = &d; // the latest one decided it
            }
        }
        // A decision seen happening, or a recent one (it came while the app was closed); not every decision of the
        // user's requests ever made, on the first start.
        const QDateTime decidedAt = decisive ? decisive->at : request.closed;
        if (!wasPending && !(decidedAt.isValid() && decidedAt.secsTo(now) <= day)) {
            continue;
        }
        const QString approver =
            !decisive ? QString() : (decisive->approverName.isEmpty() ? decisive->approver : decisive->approverName);
        Notification n;
        n.kind = Notification::Kind::ApprovalDecided;
        n.title = approved ? tr("Approved: %1").arg(request.title) : tr("Rejected: %1").arg(request.title);
        if (approver.isEmpty()) {
            n.body = approved ? tr("Your request was approved.") : tr("Your request was rejected.");
        } else {
            n.body = approved ? tr("%1 approved your request.").arg(approver)
                              : tr("%1 rejected your request.").arg(approver);
        }
        if (decisive && !decisive->comment.trimmed().isEmpty()) {
            n.body += u'\n' + tr("“%1”").arg(decisive->comment.trimmed());
        }
        n.target = {u"inbox"_s, request.runKey};
        n.dedupeKey = u"approval-decided:"_s + request.runKey + u':' + ApprovalRequest::stateName(state);
        n.created = now;
        post(std::move(n));
    }
}

void NotificationCenter::post(Notification notification)
{
    if (!m_log.add(notification, m_clock.now())) {
        return;
    }
    Q_EMIT notified(notification);
    if (!m_paused) {
        Q_EMIT popup(notification);
    }
    Q_EMIT changed();
    Q_EMIT unreadCountChanged(unreadCount());
}

} // namespace Portolan::Ui
