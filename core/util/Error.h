#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Portolan::Core {

// A problem found while reading, validating or storing catalog data. `message` is translated and meant for
// people; `detail` is technical. Location fields are filled where the problem has a place in a file.
struct Error
{
    enum class Code {
        Io,
        Parse,
        Encoding,
        TooLarge,
        Validation,
        Reference,
        Conflict,
        LocationCycle,
        Unsupported,
        Database,
        Cancelled,
        Internal,
        Network, // connection refused, DNS, TLS, a reply cut off
        Timeout,
        Http, // an HTTP status the source cannot use (404, 500, ...)
        Auth, // 401 and 403: a missing, wrong or under-privileged credential
        RateLimited, // 429, or a rate-limit window that has run out
        Config, // portolan.yaml or a source's settings
        Credentials, // the keychain or a credential that is not set
        Busy, // held by another process or thread right now (a run being executed elsewhere); try again later
    };
    enum class Severity { Error, Warning, Info };

    Code code = Code::Internal;
    Severity severity = Severity::Error;
    QString message;
    QString detail;
    QString file;
    int line = 0; // 1-based, 0 when unknown
    int column = 0; // 1-based, 0 when unknown
    QString field; // dotted path such as "spec.owner" or "metadata.tags[1]"
    QString entityRef;
    int httpStatus = 0; // the HTTP status behind the error, 0 when none
    int retryAfterSeconds = -1; // what the server asked us to wait (Retry-After, rate-limit reset), -1 when unknown

    [[nodiscard]] bool isError() const { return severity == Severity::Error; }
    // "file:line:col: error: message (field)", the form compilers use so editors can jump to it.
    [[nodiscard]] QString toString() const;
    [[nodiscard]] static QString codeName(Code code);
    [[nodiscard]] static QString severityName(Severity severity);
};

using ErrorList = QList<Error>;

[[nodiscard]] Error makeError(Error::Code code, const QString &message, const QString &detail = {});

} // namespace Portolan::Core

Q_DECLARE_METATYPE(Portolan::Core::Error)
