// http:request: one HTTP request to an address of the template's choosing (a webhook, an internal API). It carries an
// Idempotency-Key so a receiver can drop a repeated submission, and optionally a GitHub-webhook-style HMAC signature.
#include "Executors.h"

#include "util/Logging.h"

#include "net/BlockingHttp.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::HttpRequestExecutor)
};

constexpr int defaultTimeoutSeconds = 30;
constexpr int maxTimeoutSeconds = 3600;
constexpr qsizetype maxBodyChars = 64 * 1024; // of an answer kept in the output: enough for a message, not a download
constexpr qsizetype minSecretLength = 4; // shorter values would mask ordinary words
const auto maskedText = u"***"_s;

struct Signature
{
    QString credential;
    QByteArray header = QByteArrayLiteral("X-Hub-Signature-256");
    QString algorithm = u"sha256"_s;
};

struct Request
{
    QUrl url;
    QByteArray method = QByteArrayLiteral("POST");
    QList<QPair<QByteArray, QByteArray>> headers; // the template's own, in its order
    QByteArray body;
    bool hasBody = false;
    QByteArray contentType;
    QString credential;
    std::optional<Signature> signature;
    QList<int> expected; // empty: any 2xx
    int timeoutSeconds = defaultTimeoutSeconds;
};

Error fieldError(const QString &field, const QString &message)
{
    Error e = makeError(Error::Code::Validation, message);
    e.field = u"input."_s + field;
    return e;
}

// RFC 9110 token characters, the only ones a header name may have.
bool isToken(const QString &name)
{
    static const QString extra = u"!#$%&'*+-.^_`|~"_s;
    return !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || extra.contains(c);
    });
}

// Headers whose values are credentials: shown masked in previews and outputs, never logged.
bool isSecretHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    if (lower == "idempotency-key") {
        return false; // a run's key identifies the submission; it grants nothing
    }
    static const QList<QByteArray> parts = {"authorization", "token",  "secret",   "key",     "password",
                                            "signature",     "cookie", "api-auth", "session", "credential"};
    return std::any_of(parts.cbegin(), parts.cend(), [&lower](const QByteArray &p) { return lower.contains(p); });
}

QString maskSecrets(QString text, const ActionEnvironment &environment)
{
    for (const QString &secret : environment.secrets) {
        if (secret.size() >= minSecretLength) {
            text.replace(secret, maskedText);
        }
    }
    return text;
}

QJsonValue maskSecrets(const QJsonValue &value, const ActionEnvironment &environment)
{
    if (value.isString()) {
        return maskSecrets(value.toString(), environment);
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray()) {
            out.append(maskSecrets(v, environment));
        }
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            out.insert(it.key(), maskSecrets(it.value(), environment));
        }
        return out;
    }
    return value;
}

// A JSON value as JSON text, scalars included (QJsonDocument holds only objects and arrays).
QByteArray jsonText(const QJsonValue &value)
{
    if (value.isObject()) {
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    }
    if (value.isArray()) {
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    }
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

QByteArray signatureValue(const Signature &signature, const QString &secret, const QByteArray &body)
{
    const auto algorithm = signature.algorithm == u"sha512"_s ? QCryptographicHash::Sha512 : QCryptographicHash::Sha256;
    return signature.algorithm.toLatin1() + '='
           + QMessageAuthenticationCode::hash(body, secret.toUtf8(), algorithm).toHex();
}

// The input read and checked; every problem found goes to `problems`, so check() can name them all.
Request parse(const QJsonObject &input, const ActionEnvironment &environment, ErrorList &problems)
{
    Request r;
    const QJsonValue url = input.value("url"_L1);
    if (!url.isString() || url.toString().trimmed().isEmpty()) {
        problems.append(fieldError(u"url"_s, url.isUndefined()
                                                 ? Tr::tr("The request needs a url")
                                                 : Tr::tr("url must be a string, not %1").arg(typeName(url))));
    } else {
        r.url = QUrl(url.toString().trimmed(), QUrl::StrictMode);
        const QString scheme = r.url.scheme().toLower();
        if (!r.url.isValid() || r.url.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s)) {
            problems.append(
                fieldError(u"url"_s, Tr::tr("\"%1\" is not an http or https URL").arg(HttpClient::redactedUrl(r.url))));
        } else if (!r.url.userInfo().isEmpty()) {
            problems.append(fieldError(u"url"_s, Tr::tr("The url carries a user name or password; name a "
                                                        "workspace credential in `credential` instead")));
        }
    }

    const QJsonValue method = input.value("method"_L1);
    if (!method.isUndefined() && !method.isNull()) {
        static const QStringList methods = {u"GET"_s,   u"HEAD"_s,   u"POST"_s,   u"PUT"_s,
                                            u"PATCH"_s, u"DELETE"_s, u"OPTIONS"_s};
        const QString name = method.toString().trimmed().toUpper();
        if (!method.isString() || !methods.contains(name)) {
            problems.append(fieldError(u"method"_s, Tr::tr("method must be one of %1").arg(methods.join(u", "_s))));
        } else {
            r.method = name.toLatin1();
        }
    }

    const QJsonValue contentType = input.value("contentType"_L1);
    if (contentType.isString()) {
        r.contentType = contentType.toString().trimmed().toUtf8();
    } else if (!contentType.isUndefined() && !contentType.isNull()) {
        problems.append(fieldError(u"contentType"_s, Tr::tr("contentType must be a string")));
    }

    const QJsonValue credential = input.value("credential"_L1);
    if (credential.isString() && !credential.toString().isEmpty()) {
        r.credential = credential.toString();
        if (!environment.secrets.contains(r.credential)) {
            problems.append(
                fieldError(u"credential"_s, Tr::tr("The workspace has no credential named \"%1\"").arg(r.credential)));
        }
    } else if (!credential.isUndefined() && !credential.isNull() && credential.toString().isEmpty()) {
        problems.append(fieldError(u"credential"_s, Tr::tr("credential must name a workspace credential")));
    }

    const QJsonValue signature = input.value("signature"_L1);
    if (signature.isObject()) {
        const QJsonObject s = signature.toObject();
        Signature sig;
        sig.credential = s.value("credential"_L1).toString();
        if (sig.credential.isEmpty()) {
            problems.append(fieldError(u"signature.credential"_s,
                                       Tr::tr("The signature needs the credential that holds its HMAC secret")));
        } else if (!environment.secrets.contains(sig.credential)) {
            problems.append(fieldError(u"signature.credential"_s,
                                       Tr::tr("The workspace has no credential named \"%1\"").arg(sig.credential)));
        }
        if (s.contains("header"_L1)) {
            const QString header = s.value("header"_L1).toString();
            if (!isToken(header)) {
                problems.append(
                    fieldError(u"signature.header"_s, Tr::tr("\"%1\" is not a valid header name").arg(header)));
            } else {
                sig.header = header.toLatin1();
            }
        }
        if (s.contains("algorithm"_L1)) {
            sig.algorithm = s.value("algorithm"_L1).toString().toLower();
            if (sig.algorithm != u"sha256"_s && sig.algorithm != u"sha512"_s) {
                problems.append(
                    fieldError(u"signature.algorithm"_s, Tr::tr("The signature algorithm must be sha256 or sha512")));
            }
        }
        r.signature = sig;
    } else if (!signature.isUndefined() && !signature.isNull()) {
        problems.append(fieldError(u"signature"_s, Tr::tr("signature must be an object {credential, header, "
                                                          "algorithm}")));
    }

    const QJsonValue headers = input.value("headers"_L1);
    if (headers.isObject()) {
        // Set by the step itself: the receiver must be able to trust them.
        static const QList<QByteArray> reserved = {"content-length", "host", "transfer-encoding", "connection",
                                                   "idempotency-key"};
        const QJsonObject object = headers.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString field = u"headers."_s + it.key();
            const QByteArray lower = it.key().toLatin1().toLower();
            if (!isToken(it.key())) {
                problems.append(fieldError(field, Tr::tr("\"%1\" is not a valid header name").arg(it.key())));
                continue;
            }
            if (reserved.contains(lower)) {
                problems.append(fieldError(field, Tr::tr("The step sets the %1 header itself").arg(it.key())));
                continue;
            }
            if (lower == "authorization" && !r.credential.isEmpty()) {
                problems.append(fieldError(field, Tr::tr("An Authorization header and a credential cannot both be "
                                                         "given")));
                continue;
            }
            if (r.signature && lower == r.signature->header.toLower()) {
                problems.append(fieldError(field, Tr::tr("The %1 header carries the signature").arg(it.key())));
                continue;
            }
            const QJsonValue v = it.value();
            if (!v.isString() && !v.isDouble() && !v.isBool()) {
                problems.append(fieldError(field, Tr::tr("A header value must be a string, number or boolean")));
                continue;
            }
            const QString text = v.isString() ? v.toString() : QString::fromUtf8(jsonText(v));
            if (text.contains(u'\r') || text.contains(u'\n')) {
                problems.append(fieldError(field, Tr::tr("A header value cannot span lines")));
                continue;
            }
            if (lower == "content-type") {
                if (!r.contentType.isEmpty()) {
                    problems.append(fieldError(field, Tr::tr("Content-Type is given twice (contentType and headers)")));
                } else {
                    r.contentType = text.toUtf8();
                }
                continue;
            }
            r.headers.append({it.key().toLatin1(), text.toUtf8()});
        }
    } else if (!headers.isUndefined() && !headers.isNull()) {
        problems.append(fieldError(u"headers"_s, Tr::tr("headers must be an object of header names and values")));
    }

    const QJsonValue body = input.value("body"_L1);
    if (!body.isUndefined() && !body.isNull()) {
        r.hasBody = true;
        if (body.isString()) {
            r.body = body.toString().toUtf8();
            if (r.contentType.isEmpty()) {
                r.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
            }
        } else {
            r.body = jsonText(body);
            if (r.contentType.isEmpty()) {
                r.contentType = QByteArrayLiteral("application/json");
            }
        }
        if (r.method == "GET" || r.method == "HEAD") {
            problems.append(
                fieldError(u"body"_s, Tr::tr("A %1 request carries no body").arg(QLatin1StringView(r.method))));
        }
    }

    const QJsonValue expected = input.value("expectedStatus"_L1);
    if (!expected.isUndefined() && !expected.isNull()) {
        const QJsonArray list = expected.isArray() ? expected.toArray() : QJsonArray{expected};
        for (const QJsonValue &v : list) {
            const double d = v.toDouble(-1);
            if (!v.isDouble() || d != double(int(d)) || d < 100 || d > 599) {
                problems.append(fieldError(u"expectedStatus"_s,
                                           Tr::tr("expectedStatus must be an HTTP status (100-599) or a list of "
                                                  "them")));
                r.expected.clear();
                break;
            }
            r.expected.append(int(d));
        }
    }

    const QJsonValue timeout = input.value("timeoutSeconds"_L1);
    if (!timeout.isUndefined() && !timeout.isNull()) {
        const double seconds = timeout.toDouble(-1);
        if (!timeout.isDouble() || seconds <= 0 || seconds > maxTimeoutSeconds) {
            problems.append(
                fieldError(u"timeoutSeconds"_s,
                           Tr::tr("timeoutSeconds must be a number of seconds from 1 to %1").arg(maxTimeoutSeconds)));
        } else {
            r.timeoutSeconds = std::max(1, int(seconds));
        }
    }
    return r;
}

bool isExpected(const Request &request, int status)
{
    return request.expected.isEmpty() ? status >= 200 && status < 300 : request.expected.contains(status);
}

QString expectedText(const Request &request)
{
    if (request.expected.isEmpty()) {
        return Tr::tr("a 2xx status");
    }
    QStringList list;
    for (int s : request.expected) {
        list.append(QString::number(s));
    }
    return list.join(u", "_s);
}

QString idempotencyKey(const QString &runKey, const QString &stepId)
{
    return runKey + u'-' + stepId;
}

// The IETF draft defines the field as a Structured Field String, so the key goes in quotes.
QByteArray idempotencyHeader(const QString &key)
{
    return '"' + key.toUtf8() + '"';
}

QJsonValue outputBody(const HttpResponse &response, const ActionEnvironment &environment)
{
    const QByteArray type = response.header("Content-Type").toLower();
    if (type.contains("json")) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson('[' + response.body + ']', &error);
        if (error.error == QJsonParseError::NoError && doc.array().size() == 1) {
            return maskSecrets(doc.array().first(), environment);
        }
    }
    return maskSecrets(QString::fromUtf8(response.body.left(maxBodyChars)), environment);
}

QJsonObject outputHeaders(const HttpResponse &response)
{
    QJsonObject out;
    for (const auto &h : response.headers) {
        const QString name = QString::fromLatin1(h.first.toLower());
        const QString value = isSecretHeader(h.first) ? maskedText : QString::fromLatin1(h.second);
        const QString before = out.value(name).toString();
        out.insert(name, before.isEmpty() ? value : before + u", "_s + value);
    }
    return out;
}

class HttpRequestExecutor final : public StepExecutor
{
public:
    [[nodiscard]] QString action() const override { return u"http:request"_s; }

    [[nodiscard]] QString description() const override
    {
        return Tr::tr("Sends one HTTP request (a webhook, an internal API) with an Idempotency-Key, optionally "
                      "signed with HMAC-SHA256");
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
        const Request r = parse(input, environment, problems);
        StepPreview p;
        p.method = QString::fromLatin1(r.method);
        p.target = HttpClient::redactedUrl(r.url);
        QStringList lines;
        for (const auto &h : r.headers) {
            lines.append(
                QString::fromLatin1(h.first) + u": "_s
                + (isSecretHeader(h.first) ? maskedText : maskSecrets(QString::fromUtf8(h.second), environment)));
        }
        if (!r.credential.isEmpty()) {
            lines.append(u"Authorization: Bearer "_s + maskedText);
        }
        if (!r.contentType.isEmpty()) {
            lines.append(u"Content-Type: "_s + QString::fromUtf8(r.contentType));
        }
        lines.append(u"Idempotency-Key: \"<run key>-%1\""_s.arg(Tr::tr("<step id>")));
        if (r.signature) {
            lines.append(QString::fromLatin1(r.signature->header) + u": "_s + r.signature->algorithm + u'='
                         + maskedText);
        }
        p.body = lines.join(u'\n');
        if (r.hasBody) {
            p.body += u"\n\n"_s + maskSecrets(QString::fromUtf8(r.body), environment);
        }
        if (!r.credential.isEmpty()) {
            p.notes.append(Tr::tr("Authorized with the bearer token of credential \"%1\"").arg(r.credential));
        }
        if (r.signature) {
            p.notes.append(Tr::tr("Signed with HMAC-%1 of the body, keyed with credential \"%2\", in %3")
                               .arg(r.signature->algorithm.toUpper(), r.signature->credential,
                                    QString::fromLatin1(r.signature->header)));
        }
        p.notes.append(Tr::tr("The Idempotency-Key lets the receiver drop a repeat when a resumed run sends the "
                              "request again"));
        p.notes.append(Tr::tr("The step fails unless the answer is %1").arg(expectedText(r)));
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
        const Request r = parse(context.input, environment, problems);
        if (!problems.isEmpty()) {
            return problems.first();
        }
        const QString key = idempotencyKey(context.runKey, context.stepId);
        const QString where = HttpClient::redactedUrl(r.url);
        const auto log = [&context](const QString &line) {
            if (context.log) {
                context.log(line);
            }
        };

        HttpOptions options;
        options.timeoutMs = r.timeoutSeconds * 1000;
        options.cacheBodies = false;
        options.headers = r.headers;
        options.headers.append({QByteArrayLiteral("Idempotency-Key"), idempotencyHeader(key)});
        if (r.signature) {
            options.headers.append(
                {r.signature->header,
                 signatureValue(*r.signature, environment.secrets.value(r.signature->credential), r.body)});
        }
        if (!r.credential.isEmpty()) {
            options.auth.kind = HttpAuth::Kind::Bearer;
            options.auth.secret = environment.secrets.value(r.credential);
        }

        if (!context.state.isEmpty()) {
            log(Tr::tr("An earlier attempt may have delivered this request already; sending it again with the same "
                       "Idempotency-Key %1, so the receiver can drop the repeat")
                    .arg(key));
        }
        // Saved before sending: whatever happens next, a resumed attempt knows the request may have gone out.
        if (context.saveState) {
            context.saveState({{u"sent"_s, true},
                               {u"idempotencyKey"_s, key},
                               {u"method"_s, QString::fromLatin1(r.method)},
                               {u"url"_s, where},
                               {u"attempt"_s, context.attempt}});
        }
        log(Tr::tr("%1 %2 (Idempotency-Key %3%4)")
                .arg(QString::fromLatin1(r.method), where, key,
                     r.signature ? Tr::tr(", signed in %1").arg(QString::fromLatin1(r.signature->header)) : QString()));
        qCDebug(lcActions) << "http:request" << r.method << where << "step" << context.stepId;

        BlockingHttp http(options);
        Result<HttpResponse> answer = http.send(r.method, r.url, r.hasBody ? r.body : QByteArray(),
                                                r.hasBody ? r.contentType : QByteArray(), context.cancel);
        StepResult result;
        result.state = {{u"idempotencyKey"_s, key}};
        if (!answer.ok()) {
            const Error &e = answer.error();
            if (e.httpStatus == 0) {
                return e; // no answer: a refused connection, a timeout, a cancel
            }
            // HttpClient hands non-2xx answers over as errors with the server's message; a template may expect one.
            if (isExpected(r, e.httpStatus)) {
                log(Tr::tr("HTTP %1, as expected").arg(e.httpStatus));
                result.output = {{u"status"_s, e.httpStatus},
                                 {u"body"_s, maskSecrets(e.detail, environment)},
                                 {u"headers"_s, QJsonObject()}};
                result.state.insert(u"status"_s, e.httpStatus);
                return result;
            }
            Error failure = makeError(
                e.code == Error::Code::Auth || e.code == Error::Code::RateLimited ? e.code : Error::Code::Http,
                e.detail.isEmpty() ? Tr::tr("%1 %2 answered HTTP %3; the step expects %4")
                                         .arg(QString::fromLatin1(r.method), where)
                                         .arg(e.httpStatus)
                                         .arg(expectedText(r))
                                   : Tr::tr("%1 %2 answered HTTP %3; the step expects %4: %5")
                                         .arg(QString::fromLatin1(r.method), where)
                                         .arg(e.httpStatus)
                                         .arg(expectedText(r), maskSecrets(e.detail, environment)),
                e.message);
            failure.httpStatus = e.httpStatus;
            failure.retryAfterSeconds = e.retryAfterSeconds;
            log(Tr::tr("HTTP %1: not %2").arg(e.httpStatus).arg(expectedText(r)));
            return failure;
        }
        const HttpResponse &response = answer.value();
        log(Tr::tr("HTTP %1").arg(response.status));
        const QJsonValue body = outputBody(response, environment);
        if (!isExpected(r, response.status)) {
            QString message = body.isObject() ? body.toObject().value("message"_L1).toString() : body.toString();
            message = message.left(300).trimmed();
            Error failure = makeError(Error::Code::Http, message.isEmpty()
                                                             ? Tr::tr("%1 %2 answered HTTP %3; the step expects %4")
                                                                   .arg(QString::fromLatin1(r.method), where)
                                                                   .arg(response.status)
                                                                   .arg(expectedText(r))
                                                             : Tr::tr("%1 %2 answered HTTP %3; the step expects %4: %5")
                                                                   .arg(QString::fromLatin1(r.method), where)
                                                                   .arg(response.status)
                                                                   .arg(expectedText(r), message));
            failure.httpStatus = response.status;
            return failure;
        }
        result.output = {{u"status"_s, response.status}, {u"body"_s, body}, {u"headers"_s, outputHeaders(response)}};
        if (response.body.size() > maxBodyChars && body.isString()) {
            result.output.insert(u"bodyTruncated"_s, true);
        }
        result.state.insert(u"status"_s, response.status);
        // No state: a delivered request has nothing left to follow.
        RunLink link;
        link.kind = u"webhook"_s;
        link.title = Tr::tr("%1 %2: HTTP %3").arg(QString::fromLatin1(r.method), where).arg(response.status);
        link.url = where;
        link.stepId = context.stepId;
        result.links.append(link);
        return result;
    }
};

} // namespace

std::unique_ptr<StepExecutor> makeHttpRequestExecutor()
{
    return std::make_unique<HttpRequestExecutor>();
}

} // namespace Portolan::Core
