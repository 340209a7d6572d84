#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Portolan::Test {

// A real Prometheus and Alertmanager (Debian's `prometheus` and `prometheus-alertmanager`) on 127.0.0.1, wired to each
// other: Prometheus evaluates rules and scrapes itself every second and sends its alerts to the Alertmanager.
// Tests make per-service series and alerts without an exporter, through rules:
//   recording:  - record: service:http_requests:rate5m
//                 expr: vector(12.5)
//                 labels: {service: booking-api}
//   alerting:   - alert: BookingApiHighErrorRate
//                 expr: vector(1)          # fires; `vector(1) < 0` is empty, so the alert resolves
//                 for: 0s                  # firing on the first evaluation; a long `for` keeps it pending
//                 labels: {service: booking-api, severity: critical}
//                 annotations: {summary: ..., description: ...}
// Real responses recorded from this pair are in tests/data/monitoring (its README says how).
// The HTTP helpers run the event loop until their answer arrives, so use the object from one thread only.
class MonitoringServers final
{
public:
    struct Reply
    {
        int status = 0; // 0 when no HTTP answer came (connection refused, timeout)
        QByteArray body;
    };

    MonitoringServers();
    ~MonitoringServers();

    // Starts Alertmanager, then Prometheus, each on a free port, and returns once both answer /-/ready and Prometheus
    // has discovered the Alertmanager (about 5 s after it starts). False, with the reason in error(), when a binary is
    // missing or a server does not come up.
    bool start();
    void stop();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QString error() const { return m_error; }

    // http://127.0.0.1:<port>, no trailing slash.
    [[nodiscard]] QString prometheusUrl() const;
    [[nodiscard]] QString alertmanagerUrl() const;

    // Replaces Prometheus's rule file with `rulesYaml` (a rule file: `groups: [...]`), reloads, and returns once
    // /api/v1/rules lists the new groups and each has been evaluated since, so their series and alerts exist, and
    // Prometheus knows its Alertmanager again (a reload forgets it for up to 5 s). Takes 1 to 5 s.
    // False, with Prometheus's message in error(), when it rejects the rules (the old ones stay in force).
    bool setRules(const QByteArray &rulesYaml);

    // Until Prometheus's /api/v1/alerts has an alert `alertName` in `state` ("pending" or "firing"); for "firing",
    // also until Alertmanager's /api/v2/alerts lists it (active or suppressed). Pending alerts never reach it.
    bool waitForAlert(const QString &alertName, const QString &state = QStringLiteral("firing"), int timeoutMs = 20000);
    // Until neither Prometheus's /api/v1/alerts nor Alertmanager's /api/v2/alerts lists `alertName` (resolved).
    bool waitForAlertGone(const QString &alertName, int timeoutMs = 20000);

    // Silences alerts whose label `matcherName` equals `matcherValue`, from now for `duration`; returns the
    // silence's id, or an empty string with the reason in error().
    QString createSilence(const QString &matcherName, const QString &matcherValue, const QString &createdBy,
                          const QString &comment, std::chrono::seconds duration);
    // Expires a silence now (DELETE /api/v2/silence/<id>).
    bool expireSilence(const QString &id);

    // Plain requests to either server, for what the helpers above do not cover.
    Reply get(const QUrl &url);
    Reply post(const QUrl &url, const QByteArray &body, const QByteArray &contentType = {});
    Reply deleteResource(const QUrl &url);

private:
    bool startProcess(QProcess &process, const QString &program, const QStringList &args, const QString &logName);
    bool waitReady(const QProcess &process, const QString &url, const QString &logName);
    bool alertmanagerDiscovered();
    [[nodiscard]] bool prometheusHasAlert(const QString &alertName, const QString &state);
    [[nodiscard]] bool alertmanagerHasAlert(const QString &alertName);
    // waitUntil, but checking at most ten times a second: every check is an HTTP round trip.
    bool poll(const std::function<bool()> &check, int timeoutMs);
    Reply send(const QByteArray &verb, const QUrl &url, const QByteArray &body, const QByteArray &contentType);
    [[nodiscard]] QString logTail(const QString &logName) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QProcess> m_alertmanager;
    std::unique_ptr<QProcess> m_prometheus;
    int m_alertmanagerPort = 0;
    int m_prometheusPort = 0;
    QString m_error;
};

} // namespace Portolan::Test
