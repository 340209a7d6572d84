#include "Error.h"

using namespace Qt::StringLiterals;

namespace Portolan::Core {

QString Error::toString() const
{
    QString out;
    if (!file.isEmpty()) {
        out += file;
        if (line > 0) {
            out += u':' + QString::number(line);
            if (column > 0) {
                out += u':' + QString::number(column);
            }
        }
        out += u": "_s;
    }
    out += severityName(severity) + u": "_s + message;
    if (!field.isEmpty()) {
        out += u" ["_s + field + u']';
    }
    return out;
}

QString Error::codeName(Code code)
{
    switch (code) {
    case Code::Io:
        return u"io"_s;
    case Code::Parse:
        return u"parse"_s;
    case Code::Encoding:
        return u"encoding"_s;
    case Code::TooLarge:
        return u"too-large"_s;
    case Code::Validation:
        return u"validation"_s;
    case Code::Reference:
        return u"reference"_s;
    case Code::Conflict:
        return u"conflict"_s;
    case Code::LocationCycle:
        return u"location-cycle"_s;
    case Code::Unsupported:
        return u"unsupported"_s;
    case Code::Database:
        return u"database"_s;
    case Code::Cancelled:
        return u"cancelled"_s;
    case Code::Internal:
        return u"internal"_s;
    case Code::Network:
        return u"network"_s;
    case Code::Timeout:
        return u"timeout"_s;
    case Code::Http:
        return u"http"_s;
    case Code::Auth:
        return u"auth"_s;
    case Code::RateLimited:
        return u"rate-limited"_s;
    case Code::Config:
        return u"config"_s;
    case Code::Credentials:
        return u"credentials"_s;
    case Code::Busy:
        return u"busy"_s;
    }
    return u"internal"_s;
}

QString Error::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return u"error"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Info:
        return u"note"_s;
    }
    return u"error"_s;
}

Error makeError(Error::Code code, const QString &message, const QString &detail)
{
    Error e;
    e.code = code;
    e.message = message;
    e.detail = detail;
    return e;
}

} // namespace Portolan::Core
