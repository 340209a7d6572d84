#include "Executors.h"

#include "net/BlockingHttp.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::UnleashToggleExecutor)
};

Error fieldError(const QString &field, const QString &message)
{
    Error e = makeError(Error::Code::Validation, message);
    e.field = u"input."_s + field;
    return e;
}

QString percent(const QString &part)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(part));
}

struct Toggle
{
    QUrl server;
    QString credential;
    QString project = u"default"_s;
    QString flag;
    QString environment;
    bool enabled = false;

    [[nodiscard]] QUrl url() const
    {
        QString base = server.toString();
        while (base.endsWith(u'/')) {
            base.chop(1);
        }
        return QUrl(base + u"/api/admin/projects/"_s + percent(project) + u"/features/"_s + percent(flag)
                    + u"/environments/"_s + percent(environment) + (enabled ? u"/on"_s : u"/off"_s));
    }
    [[nodiscard]] QString page() const
    {
        QString base = server.toString();
        while (base.endsWith(u'/')) {
            base.chop(1);
        }
        return base + u"/projects/"_s + percent(project) + u"/features/"_s + percent(flag);
    }
};

Toggle parse(const QJsonObject &input, const ActionEnvironment &environment, ErrorList &problems)
{
    Toggle t;
    const QString url = input.value("url"_L1).toString().trimmed();
    t.server = QUrl(url);
    if (url.isEmpty() || !t.server.isValid() || (t.server.scheme() != u"http"_s && t.server.scheme() != u"https"_s)) {
        problems.append(fieldError(u"url"_s, Tr::tr("url must be the Unleash server's http or https address")));
    }
    t.credential = input.value("credential"_L1).toString().trimmed();
    if (t.credential.isEmpty()) {
        problems.append(fieldError(u"credential"_s, Tr::tr("credential must name the workspace credential that "
                                                           "holds an Unleash admin API token")));
    } else if (!environment.secrets.contains(t.credential)) {
        problems.append(
            fieldError(u"credential"_s, Tr::tr("The workspace has no credential named \"%1\"").arg(t.credential)));
    }
    if (const QString project = input.value("project"_L1).toString().trimmed(); !project.isEmpty()) {
        t.project = project;
    }
    t.flag = input.value("flag"_L1).toString().trimmed();
    if (t.flag.isEmpty()) {
        problems.append(fieldError(u"flag"_s, Tr::tr("flag must name the feature flag")));
    }
    t.environment = input.value("environment"_L1).toString().trimmed();
    if (t.environment.isEmpty()) {
        problems.append(fieldError(u"environment"_s, Tr::tr("environment must name an Unleash environment")));
    }
    const QJsonValue enabled = input.value("enabled"_L1);
    if (enabled.isBool()) {
        t.enabled = enabled.toBool();
    } else if (enabled.isString() && (enabled.toString() == u"true"_s || enabled.toString() == u"false"_s)) {
        t.enabled = enabled.toString() == u"true"_s;
    } else {
        problems.append(fieldError(u"enabled"_s, Tr::tr("enabled must be true (switch on) or false (switch off)")));
    }
    return t;
}

// unleash:toggle: switches one flag on or off in one environment through Unleash's admin API. Switching is
// idempotent on the server (on twice is on), so a resumed attempt just sends it again.
class UnleashToggleExecutor final : public StepExecutor
{
public:
    [[nodiscard]] QString action() const override { return u"unleash:toggle"_s; }

    [[nodiscard]] QString description() const override
    {
        return Tr::tr("Switches an Unleash feature flag on or off in one environment (admin API)");
    }

    [[nodiscard]] ErrorList check(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        ErrorList problems;
        (void)parse(input, environment, problems);
        return problems;
    }

    [[nodiscard]] StepPreview preview(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        ErrorList problems;
        const Toggle t = parse(input, environment, problems);
        StepPreview p;
        p.method = u"POST"_s;
        p.target = HttpClient::redactedUrl(t.url());
        p.body = u"Authorization: ********"_s;
        p.notes.append(t.enabled ? Tr::tr("Switches %1 on in %2").arg(t.flag, t.environment)
                                 : Tr::tr("Switches %1 off in %2").arg(t.flag, t.environment));
        p.notes.append(Tr::tr("Authorized with the Unleash API token of credential \"%1\"").arg(t.credential));
        for (const Error &e : std::as_const(problems)) {
            p.notes.append(Tr::tr("Problem: %1 (%2)").arg(e.message, e.field));
        }
        return p;
    }

    [[nodiscard]] Result<StepResult> run(StepContext &context) override
    {
        static const ActionEnvironment noEnvironment;
        const ActionEnvironment &environment = context.environment ? *context.environment : noEnvironment;
        ErrorList problems;
        const Toggle t = parse(context.input, environment, problems);
        if (!problems.isEmpty()) {
            return problems.first();
        }
        HttpOptions options;
        options.baseUrl = t.server;
        options.auth.kind = HttpAuth::Kind::Header; // Unleash: the token is the whole Authorization header
        options.auth.headerName = "Authorization";
        options.auth.secret = environment.secrets.value(t.credential);
        BlockingHttp http(options);
        context.log(t.enabled ? Tr::tr("Switching %1 on in %2").arg(t.flag, t.environment)
                              : Tr::tr("Switching %1 off in %2").arg(t.flag, t.environment));
        const auto answer = http.send("POST", t.url(), QByteArray(), QByteArray(), context.cancel);
        if (!answer.ok()) {
            Error e = answer.error();
            e.message = Tr::tr("Unleash did not switch %1 in %2: %3").arg(t.flag, t.environment, e.message);
            return e;
        }
        context.log(Tr::tr("Unleash answered %1").arg(answer->status));
        StepResult result;
        result.output = {{"flag"_L1, t.flag},
                         {"project"_L1, t.project},
                         {"environment"_L1, t.environment},
                         {"enabled"_L1, t.enabled}};
        RunLink link;
        link.kind = u"flag"_s;
        link.url = t.page();
        link.title = t.flag;
        link.stepId = context.stepId;
        result.links.append(link);
        return result;
    }
};

} // namespace

std::unique_ptr<StepExecutor> makeUnleashToggleExecutor()
{
    return std::make_unique<UnleashToggleExecutor>();
}

} // namespace Portolan::Core
