#include "Workspace.h"

#include "Paths.h"
#include "catalog/DescriptorReader.h"
#include "ttl/TimeToLive.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Workspace", text);
}

} // namespace

QString Workspace::demoPath()
{
    return u":/demo"_s;
}

namespace {

using Problem = std::function<void(const QString &field, const QString &message, Error::Severity severity)>;

// "90", "30s", "15m", "2h", "1d"; "manual" or 0 for on demand only. -1 when unreadable.
int parseDuration(const QCborValue &value)
{
    if (value.isInteger()) {
        return value.toInteger() >= 0 ? int(value.toInteger()) : -1;
    }
    if (!value.isString()) {
        return -1;
    }
    const QString text = value.toString().trimmed().toLower();
    if (text == u"manual"_s || text == u"never"_s || text == u"off"_s) {
        return 0;
    }
    static const QRegularExpression re(u"^(\\d+)\\s*(s|m|h|d)?$"_s);
    const auto match = re.match(text);
    if (!match.hasMatch()) {
        return -1;
    }
    const qint64 n = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    const qint64 factor = unit == u"m"_s ? 60 : unit == u"h"_s ? 3600 : unit == u"d"_s ? 86400 : 1;
    const qint64 seconds = n * factor;
    return seconds > 30LL * 86400 ? -1 : int(seconds);
}

QStringList stringList(const QCborValue &value, const QString &field, const Problem &problem)
{
    QStringList out;
    if (value.isString()) {
        out.append(value.toString());
    } else if (value.isArray()) {
        const QCborArray arr = value.toArray();
        for (qsizetype i = 0; i < arr.size(); ++i) {
            if (arr.at(i).isString() && !arr.at(i).toString().isEmpty()) {
                out.append(arr.at(i).toString());
            } else {
                problem(u"%1[%2]"_s.arg(field).arg(i), tr("Each entry must be a path or glob"), Error::Severity::Error);
            }
        }
    } else if (!value.isUndefined()) {
        problem(field, tr("\"%1\" must be a list of paths or globs").arg(field), Error::Severity::Error);
    }
    return out;
}

AutomationsConfig parseAutomations(const QCborValue &value, const Problem &problem)
{
    AutomationsConfig config;
    if (value.isUndefined()) {
        return config;
    }
    if (value.isArray() || value.isString()) {
        config.paths = stringList(value, u"automations"_s, problem);
        return config;
    }
    if (!value.isMap()) {
        problem(u"automations"_s,
                tr("\"automations\" is a list of folders, or a map with paths, leases and ttlWarnings"),
                Error::Severity::Error);
        return config;
    }
    const QCborMap map = value.toMap();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        const QString key = it.key().toString();
        if (key != u"paths"_s && key != u"leases"_s && key != u"ttlWarnings"_s) {
            problem(u"automations."_s + key, tr("Unknown field \"%1\" in automations").arg(key),
                    Error::Severity::Error);
        }
    }
    config.paths = stringList(map.value("paths"_L1), u"automations.paths"_s, problem);
    const QCborValue leases = map.value("leases"_L1);
    const QString kubePrefix = u"kubernetes:"_s;
    if (leases.isString()
        && (leases.toString() == u"local"_s || Workspace::isGitUrl(leases.toString())
            || (leases.toString().startsWith(kubePrefix) && leases.toString().lastIndexOf(u'/') > 0
                && !leases.toString().section(u'/', -1).isEmpty()))) {
        config.leases = leases.toString();
    } else if (!leases.isUndefined()) {
        problem(u"automations.leases"_s,
                tr("\"leases\" is local, the URL of a git repository everyone can push to, or "
                   "kubernetes:CONTEXT/NAMESPACE (a namespace for Lease objects; CONTEXT empty: the current one)"),
                Error::Severity::Error);
    }
    const QStringList warnings = stringList(map.value("ttlWarnings"_L1), u"automations.ttlWarnings"_s, problem);
    for (qsizetype i = 0; i < warnings.size(); ++i) {
        const auto seconds = TimeToLive::parseDuration(warnings.at(i));
        if (seconds.ok()) {
            config.ttlWarnings.append(*seconds);
        } else {
            problem(u"automations.ttlWarnings[%1]"_s.arg(i), seconds.error().message, Error::Severity::Error);
        }
    }
    return config;
}

ActionsConfig parseActions(const QCborValue &value, const Problem &problem, const std::function<int(QString)> &lineOf)
{
    ActionsConfig config;
    if (value.isUndefined()) {
        return config;
    }
    if (!value.isMap()) {
        problem(u"actions"_s, tr("\"actions\" must be a map with variables and policies"), Error::Severity::Error);
        return config;
    }
    const QCborMap map = value.toMap();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        const QString key = it.key().toString();
        if (key != u"variables"_s && key != u"policies"_s && key != u"approvals"_s) {
            problem(u"actions."_s + key, tr("Unknown field \"%1\" in actions").arg(key), Error::Severity::Error);
        }
    }
    const QCborValue approvals = map.value("approvals"_L1);
    if (approvals.isString() && !approvals.toString().trimmed().isEmpty()) {
        config.approvals = approvals.toString().trimmed();
    } else if (!approvals.isUndefined()) {
        problem(u"actions.approvals"_s, tr("\"approvals\" must be a git repository URL or local:NAME"),
                Error::Severity::Error);
    }
    const QCborValue variables = map.value("variables"_L1);
    if (variables.isMap()) {
        config.variables = variables.toJsonValue().toObject();
    } else if (!variables.isUndefined()) {
        problem(u"actions.variables"_s, tr("\"variables\" must be a map of names to values"), Error::Severity::Error);
    }
    const QCborValue policies = map.value("policies"_L1);
    if (!policies.isArray() && !policies.isUndefined()) {
        problem(u"actions.policies"_s, tr("\"policies\" must be a list"), Error::Severity::Error);
    }
    const QCborArray list = policies.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString base = u"actions.policies[%1]"_s.arg(i);
        if (!list.at(i).isMap()) {
            problem(base, tr("Each policy must be a map"), Error::Severity::Error);
            continue;
        }
        const QCborMap p = list.at(i).toMap();
        ActionPolicyConfig policy;
        policy.line = lineOf(base);
        policy.templates = stringList(p.value("templates"_L1), base + u".templates"_s, problem);
        if (policy.templates.isEmpty()) {
            problem(base + u".templates"_s, tr("A policy names the templates it applies to (\"*\" for all)"),
                    Error::Severity::Error);
        }
        policy.allowedGroups = stringList(p.value("allowedGroups"_L1), base + u".allowedGroups"_s, problem);
        policy.requiredFields = stringList(p.value("requiredFields"_L1), base + u".requiredFields"_s, problem);
        const QCborValue level = p.value("minimumLevel"_L1);
        if (level.isString() && level.toString().contains(u':')) {
            policy.minimumLevel = level.toString();
        } else if (!level.isUndefined()) {
            problem(base + u".minimumLevel"_s, tr("minimumLevel is \"scorecard-id: Level\""), Error::Severity::Error);
        }
        const QCborValue destructive = p.value("destructive"_L1);
        if (destructive.isBool()) {
            policy.destructive = destructive.toBool();
        } else if (!destructive.isUndefined()) {
            problem(base + u".destructive"_s, tr("destructive must be true or false"), Error::Severity::Error);
        }
        for (auto it = p.constBegin(); it != p.constEnd(); ++it) {
            static const QStringList known = {u"templates"_s, u"allowedGroups"_s, u"requiredFields"_s,
                                              u"minimumLevel"_s, u"destructive"_s};
            if (!known.contains(it.key().toString())) {
                problem(base + u'.' + it.key().toString(),
                        tr("Unknown field \"%1\" in an action policy").arg(it.key().toString()),
                        Error::Severity::Error);
            }
        }
        config.policies.append(policy);
    }
    return config;
}

const QStringList &knownSourceTypes()
{
    static const QStringList types = {u"files"_s,      u"git"_s,       u"backstage"_s,  u"github"_s,
                                      u"kubernetes"_s, u"terraform"_s, u"prometheus"_s, u"alertmanager"_s,
                                      u"unleash"_s,    u"opencost"_s,  u"http-json"_s};
    return types;
}

// `credentials`: the names a source may refer to; `taken`: ids already used (by the shared config, for the
// user's own sources).
QList<SourceConfig> parseSources(const QCborValue &value, const QString &file, SourceConfig::Origin origin,
                                 const Problem &problem, const std::function<int(const QString &)> &lineOf,
                                 const QStringList &credentials, QStringList taken)
{
    QList<SourceConfig> out;
    if (value.isUndefined()) {
        return out;
    }
    if (!value.isArray()) {
        problem(u"sources"_s, tr("\"sources\" must be a list of sources"), Error::Severity::Error);
        return out;
    }
    static const QStringList knownKeys = {
        u"id"_s,     u"type"_s,       u"title"_s,   u"url"_s,     u"branch"_s,           u"paths"_s,
        u"filter"_s, u"credential"_s, u"refresh"_s, u"enabled"_s, u"maxDeletionShare"_s, u"tls"_s,
        u"options"_s};
    static const QRegularExpression idPattern(u"^[a-z0-9][a-z0-9._-]{0,62}$"_s);
    const QCborArray arr = value.toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString base = u"sources[%1]"_s.arg(i);
        if (!arr.at(i).isMap()) {
            problem(base, tr("Each source must be a mapping with at least \"id\" and \"type\""),
                    Error::Severity::Error);
            continue;
        }
        const QCborMap map = arr.at(i).toMap();
        SourceConfig c;
        c.origin = origin;
        c.configFile = file;
        c.line = lineOf(base);
        bool usable = true;
        const auto str = [&](const char *key, QString *target, bool required) {
            const QCborValue v = map.value(QLatin1StringView(key));
            if (v.isString() && !v.toString().trimmed().isEmpty()) {
                *target = v.toString().trimmed();
            } else if (!v.isUndefined() || required) {
                problem(base + u'.' + QLatin1StringView(key),
                        v.isUndefined() ? tr("The source has no \"%1\"").arg(QLatin1StringView(key))
                                        : tr("\"%1\" must be a non-empty string").arg(QLatin1StringView(key)),
                        Error::Severity::Error);
                if (required) {
                    usable = false;
                }
            }
        };
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (!knownKeys.contains(key)) {
                problem(base + u'.' + key, tr("Unknown field \"%1\" in a source").arg(key), Error::Severity::Warning);
            }
        }
        str("id", &c.id, true);
        str("type", &c.type, true);
        str("title", &c.title, false);
        str("url", &c.url, c.type == u"git"_s || c.type == u"backstage"_s);
        str("branch", &c.branch, false);
        str("filter", &c.filter, false);
        str("credential", &c.credential, false);
        if (!c.id.isEmpty() && !idPattern.match(c.id).hasMatch()) {
            problem(base + u".id"_s,
                    tr("The source id \"%1\" may only use lower-case letters, digits, '.', '_' and '-'").arg(c.id),
                    Error::Severity::Error);
            usable = false;
        }
        if (!c.type.isEmpty() && !knownSourceTypes().contains(c.type)) {
            problem(base + u".type"_s,
                    tr("Unknown source type \"%1\"; known types: %2").arg(c.type, knownSourceTypes().join(u", "_s)),
                    Error::Severity::Error);
            usable = false;
        }
        if (c.type == u"backstage"_s && !c.url.isEmpty()) {
            const QUrl url(c.url);
            if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
                problem(base + u".url"_s, tr("\"url\" must be an http or https address"), Error::Severity::Error);
                usable = false;
            }
        }
        c.paths = stringList(map.value("paths"_L1), base + u".paths"_s, problem);
        if (c.type == u"files"_s && c.paths.isEmpty()) {
            problem(base + u".paths"_s, tr("A files source needs \"paths\": the folders, files or globs to read"),
                    Error::Severity::Error);
            usable = false;
        }
        const QCborValue refresh = map.value("refresh"_L1);
        if (!refresh.isUndefined()) {
            const int seconds = parseDuration(refresh);
            if (seconds < 0) {
                problem(base + u".refresh"_s,
                        tr("\"refresh\" must be a duration such as 30s, 15m, 2h or 1d (at most 30 days), or manual"),
                        Error::Severity::Error);
            } else {
                c.refreshSeconds = seconds;
            }
        } else if (c.type == u"git"_s || c.type == u"backstage"_s) {
            c.refreshSeconds = 15 * 60;
        }
        const QCborValue enabled = map.value("enabled"_L1);
        if (enabled.isBool()) {
            c.enabled = enabled.toBool();
        } else if (!enabled.isUndefined()) {
            problem(base + u".enabled"_s, tr("\"enabled\" must be true or false"), Error::Severity::Error);
        }
        const QCborValue share = map.value("maxDeletionShare"_L1);
        if (share.isDouble() || share.isInteger()) {
            const double v = share.toDouble();
            if (v < 0.0 || v > 1.0) {
                problem(base + u".maxDeletionShare"_s, tr("\"maxDeletionShare\" must be between 0 and 1"),
                        Error::Severity::Error);
            } else {
                c.maxDeletionShare = v;
            }
        } else if (!share.isUndefined()) {
            problem(base + u".maxDeletionShare"_s, tr("\"maxDeletionShare\" must be a number between 0 and 1"),
                    Error::Severity::Error);
        }
        const QCborValue tls = map.value("tls"_L1);
        if (tls.isMap()) {
            const QCborMap t = tls.toMap();
            for (auto it = t.constBegin(); it != t.constEnd(); ++it) {
                const QString key = it.key().toString();
                const QString field = base + u".tls."_s + key;
                if (key == u"verify"_s) {
                    if (it.value().isBool()) {
                        c.tls.verify = it.value().toBool();
                    } else {
                        problem(field, tr("\"verify\" must be true or false"), Error::Severity::Error);
                    }
                } else if (key == u"caBundle"_s || key == u"clientCertificate"_s || key == u"clientKey"_s) {
                    if (!it.value().isString()) {
                        problem(field, tr("\"%1\" must be a file path").arg(key), Error::Severity::Error);
                        continue;
                    }
                    QString path = it.value().toString();
                    if (path.startsWith(u"~/"_s)) {
                        path = QDir::homePath() + path.mid(1);
                    } else if (QDir::isRelativePath(path) && !file.isEmpty()) {
                        path = QFileInfo(file).absoluteDir().filePath(path);
                    }
                    (key == u"caBundle"_s            ? c.tls.caBundle
                     : key == u"clientCertificate"_s ? c.tls.clientCertificate
                                                     : c.tls.clientKey) = path;
                } else {
                    problem(field, tr("Unknown field \"%1\" in tls").arg(key), Error::Severity::Warning);
                }
            }
            if (!c.tls.verify) {
                problem(base + u".tls.verify"_s,
                        tr("TLS certificate verification is turned off for source \"%1\"").arg(c.id),
                        Error::Severity::Warning);
            }
        } else if (!tls.isUndefined()) {
            problem(base + u".tls"_s, tr("\"tls\" must be a mapping"), Error::Severity::Error);
        }
        const QCborValue options = map.value("options"_L1);
        if (options.isMap()) {
            c.options = options.toMap().toVariantMap();
            // Where each option is written, for errors about one of them (an http-json mapping's expressions).
            const std::function<void(const QCborValue &, const QString &)> note = [&](const QCborValue &v,
                                                                                      const QString &path) {
                if (!path.isEmpty()) {
                    c.optionLines.insert(path, lineOf(base + u".options."_s + path));
                }
                if (v.isMap()) {
                    const QCborMap m = v.toMap();
                    for (auto it = m.constBegin(); it != m.constEnd(); ++it) {
                        const QString key = it.key().toString();
                        note(it.value(), path.isEmpty() ? key : path + u'.' + key);
                    }
                } else if (v.isArray()) {
                    const QCborArray a = v.toArray();
                    for (qsizetype k = 0; k < a.size(); ++k) {
                        note(a.at(k), path + u"[%1]"_s.arg(k));
                    }
                }
            };
            note(options, QString());
        } else if (!options.isUndefined()) {
            problem(base + u".options"_s, tr("\"options\" must be a mapping"), Error::Severity::Error);
        }
        if (!c.credential.isEmpty() && !credentials.contains(c.credential)) {
            problem(base + u".credential"_s,
                    tr("Source \"%1\" uses the credential \"%2\", which is not listed under credentials")
                        .arg(c.id, c.credential),
                    Error::Severity::Error);
        }
        if (usable && taken.contains(c.id)) {
            problem(base + u".id"_s,
                    origin == SourceConfig::Origin::Local
                        ? tr("Your source \"%1\" has the same id as one in the workspace; yours is ignored").arg(c.id)
                        : tr("Two sources have the id \"%1\"; the first one is used").arg(c.id),
                    Error::Severity::Error);
            usable = false;
        }
        if (usable) {
            taken.append(c.id);
            out.append(c);
        }
    }
    return out;
}

QList<CredentialConfig> parseCredentials(const QCborValue &value, const Problem &problem)
{
    QList<CredentialConfig> out;
    if (value.isUndefined()) {
        return out;
    }
    if (!value.isArray()) {
        problem(u"credentials"_s, tr("\"credentials\" must be a list"), Error::Severity::Error);
        return out;
    }
    static const QStringList knownKeys = {u"name"_s,   u"env"_s,      u"description"_s, u"kind"_s,  u"user"_s,
                                          u"header"_s, u"clientId"_s, u"url"_s,         u"scopes"_s};
    static const QStringList kinds = {u"bearer"_s, u"basic"_s, u"header"_s, u"oauth-device"_s};
    static const QStringList oauthKeys = {u"clientId"_s, u"url"_s, u"scopes"_s};
    static const QRegularExpression scopePattern(u"^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$"_s); // RFC 6749 scope-token
    const QCborArray arr = value.toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString base = u"credentials[%1]"_s.arg(i);
        if (!arr.at(i).isMap()) {
            problem(base, tr("Each credential must be a mapping with a \"name\""), Error::Severity::Error);
            continue;
        }
        const QCborMap map = arr.at(i).toMap();
        CredentialConfig c;
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (!knownKeys.contains(key)) {
                if (key == u"token"_s || key == u"secret"_s || key == u"password"_s || key == u"value"_s) {
                    problem(base + u'.' + key,
                            tr("Secrets do not belong in portolan.yaml: remove \"%1\" and enter the secret in "
                               "Portolan (it is kept in the system keychain), or name an environment variable "
                               "with \"env\"")
                                .arg(key),
                            Error::Severity::Error);
                } else {
                    problem(base + u'.' + key, tr("Unknown field \"%1\" in a credential").arg(key),
                            Error::Severity::Warning);
                }
                continue;
            }
            if (key == u"scopes"_s) {
                // A list, or one space-separated string as OAuth writes them.
                const QCborValue scopes = it.value();
                QStringList list;
                bool valid = true;
                if (scopes.isString()) {
                    list = scopes.toString().split(u' ', Qt::SkipEmptyParts);
                } else if (scopes.isArray()) {
                    const QCborArray items = scopes.toArray();
                    for (qsizetype j = 0; j < items.size(); ++j) {
                        if (items.at(j).isString() && scopePattern.match(items.at(j).toString()).hasMatch()) {
                            list.append(items.at(j).toString());
                        } else {
                            problem(base + u".scopes[%1]"_s.arg(j),
                                    tr("Each scope must be a word such as repo or read:org, without spaces"),
                                    Error::Severity::Error);
                        }
                    }
                } else {
                    valid = false;
                }
                for (const QString &scope : std::as_const(list)) {
                    valid = valid && scopePattern.match(scope).hasMatch();
                }
                if (!valid) {
                    problem(base + u".scopes"_s,
                            tr("\"scopes\" must be a list of OAuth scopes such as [repo, read:org]"),
                            Error::Severity::Error);
                } else {
                    c.scopes = list;
                }
                continue;
            }
            if (!it.value().isString()) {
                problem(base + u'.' + key, tr("\"%1\" must be a string").arg(key), Error::Severity::Error);
                continue;
            }
            const QString v = it.value().toString();
            if (key == u"name"_s) {
                c.name = v;
            } else if (key == u"env"_s) {
                c.env = v;
            } else if (key == u"description"_s) {
                c.description = v;
            } else if (key == u"kind"_s) {
                if (kinds.contains(v)) {
                    c.kind = v;
                } else {
                    problem(base + u".kind"_s, tr("\"kind\" must be one of %1").arg(kinds.join(u", "_s)),
                            Error::Severity::Error);
                }
            } else if (key == u"user"_s) {
                c.user = v;
            } else if (key == u"header"_s) {
                c.header = v;
            } else if (key == u"clientId"_s) {
                c.clientId = v.trimmed();
            } else if (key == u"url"_s) {
                const QUrl url(v.trimmed());
                if (url.isValid() && (url.scheme() == u"https"_s || url.scheme() == u"http"_s)
                    && !url.host().isEmpty()) {
                    c.url = v.trimmed();
                    while (c.url.endsWith(u'/')) {
                        c.url.chop(1);
                    }
                } else {
                    problem(base + u".url"_s,
                            tr("\"url\" must be the http or https address of the GitHub server, such as "
                               "https://github.com"),
                            Error::Severity::Error);
                }
            }
        }
        if (c.name.isEmpty()) {
            problem(base + u".name"_s, tr("The credential has no \"name\""), Error::Severity::Error);
            continue;
        }
        if (c.isOAuthDevice() && c.clientId.isEmpty()) {
            // Kept in the list, so sources that name it do not get a second, misleading error; sign-in stays off.
            problem(base + u".clientId"_s,
                    tr("The credential \"%1\" signs in with the OAuth device flow and needs the \"clientId\" of "
                       "the GitHub App or OAuth app")
                        .arg(c.name),
                    Error::Severity::Error);
        }
        if (!c.isOAuthDevice()) {
            for (const QString &key : oauthKeys) {
                if (map.contains(key)) {
                    problem(base + u'.' + key, tr("\"%1\" is only used by credentials of kind oauth-device").arg(key),
                            Error::Severity::Warning);
                }
            }
        }
        out.append(c);
    }
    return out;
}

// Reads one YAML config file into its root map, reporting problems against it.
std::optional<ParsedDocument> readConfig(const QString &file, ErrorList &problems)
{
    ReadOptions options;
    options.positionDepth = 12; // sources[2].options.resources[0].entity.name: the expressions of a mapping
    const FileReadResult read = DescriptorReader::readFile(file, options);
    problems += read.problems;
    if (read.documents.isEmpty()) {
        return std::nullopt;
    }
    return read.documents.first();
}

Problem problemSink(ErrorList &problems, const QString &file, const ParsedDocument &doc)
{
    return [&problems, file, &doc](const QString &field, const QString &message, Error::Severity severity) {
        Error e = makeError(Error::Code::Config, message);
        e.severity = severity;
        e.file = file;
        e.field = field;
        // A missing field has no place of its own: point at the closest thing that exists (its mapping).
        QString at = field;
        TextPosition pos = doc.positionOf(at);
        while (pos.line == 0 && !at.isEmpty()) {
            const qsizetype cut = std::max(at.lastIndexOf(u'.'), at.lastIndexOf(u'['));
            at = cut > 0 ? at.left(cut) : QString();
            pos = doc.positionOf(at);
        }
        e.line = pos.line;
        e.column = pos.column;
        problems.append(e);
    };
}

void readLocalSources(Workspace &ws)
{
    const QString file = ws.localSourcesFile();
    if (!QFileInfo::exists(file)) {
        return;
    }
    const auto doc = readConfig(file, ws.problems);
    if (!doc) {
        return;
    }
    const Problem problem = problemSink(ws.problems, file, *doc);
    const auto lineOf = [&doc](const QString &field) { return doc->positionOf(field).line; };
    QStringList credentials;
    QStringList taken;
    for (const CredentialConfig &c : std::as_const(ws.credentials)) {
        credentials.append(c.name);
    }
    for (const SourceConfig &c : std::as_const(ws.sources)) {
        taken.append(c.id);
    }
    ws.sources += parseSources(doc->root.value("sources"_L1), file, SourceConfig::Origin::Local, problem, lineOf,
                               credentials, taken);
}

void finishSources(Workspace &ws)
{
    // Without `sources:`, the workspace's own descriptors are its one source, as before sources existed.
    bool hasWorkspaceFiles = false;
    for (const SourceConfig &c : std::as_const(ws.sources)) {
        hasWorkspaceFiles = hasWorkspaceFiles || c.origin == SourceConfig::Origin::Workspace;
    }
    if (!hasWorkspaceFiles || !ws.locations.isEmpty()) {
        SourceConfig files;
        files.id = u"workspace"_s;
        files.type = u"files"_s;
        files.title = QCoreApplication::translate("Workspace", "Workspace descriptors");
        files.origin = SourceConfig::Origin::Implicit;
        files.configFile = ws.configFile;
        files.paths = ws.locations.isEmpty() ? QStringList{u"."_s} : ws.locations;
        if (!ws.source(files.id)) {
            ws.sources.prepend(files);
        }
    }
    readLocalSources(ws);
}

} // namespace

bool Workspace::isGitUrl(const QString &location)
{
    if (location.startsWith(u"git://"_s) || location.startsWith(u"ssh://"_s) || location.startsWith(u"git@"_s)) {
        return true;
    }
    if (location.startsWith(u"https://"_s) || location.startsWith(u"http://"_s) || location.startsWith(u"file://"_s)) {
        return true;
    }
    // scp-like "user@host:path"
    static const QRegularExpression scp(u"^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+:.+"_s);
    return scp.match(location).hasMatch();
}

Result<Workspace> Workspace::open(const QString &dir, const QString &branch)
{
    if (!dir.startsWith(u':') && isGitUrl(dir)) {
        Workspace ws;
        ws.gitUrl = dir;
        ws.gitBranch = branch;
        const QByteArray hash =
            QCryptographicHash::hash((dir + u'#' + branch).toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
        QString base = QFileInfo(QUrl(dir).path()).completeBaseName();
        if (base.isEmpty()) {
            base = dir.section(u'/', -1).section(u':', -1);
            base.remove(u".git"_s);
        }
        base.replace(QRegularExpression(u"[^A-Za-z0-9_-]"_s), u"_"_s);
        ws.root = QDir(Paths::dataDir())
                      .filePath(u"workspaces/"_s + (base.isEmpty() ? u"git"_s : base) + u'-' + QString::fromLatin1(hash)
                                + u"/checkout"_s);
        ws.name = base;
        if (QFileInfo(ws.root + u"/.git"_s).exists()) {
            Workspace read = reread(ws);
            return read;
        }
        // Not cloned yet: the sync engine clones it; until then the workspace has no sources.
        return ws;
    }
    Workspace ws;
    QFileInfo info(dir);
    if (info.isFile() && (info.fileName() == u"portolan.yaml"_s || info.fileName() == u"portolan.yml"_s)) {
        info = QFileInfo(info.path());
    }
    if (!info.isDir()) {
        Error e = makeError(Error::Code::Io, tr("The workspace folder %1 does not exist").arg(dir));
        e.file = dir;
        return e;
    }
    ws.root = dir.startsWith(u':') ? QDir::cleanPath(info.filePath()) : info.absoluteFilePath();
    return reread(ws);
}

Workspace Workspace::reread(const Workspace &current)
{
    Workspace ws;
    ws.root = current.root;
    ws.gitUrl = current.gitUrl;
    ws.gitBranch = current.gitBranch;
    ws.name = current.gitUrl.isEmpty() ? QFileInfo(ws.root).fileName() : current.name;

    QString config;
    for (const QString &candidate : {u"portolan.yaml"_s, u"portolan.yml"_s}) {
        const QString p = ws.root + u'/' + candidate;
        if (QFileInfo(p).isFile()) {
            config = p;
            break;
        }
    }
    if (config.isEmpty()) {
        finishSources(ws);
        return ws;
    }
    ws.configFile = config;
    const auto doc = readConfig(config, ws.problems);
    if (!doc) {
        finishSources(ws);
        return ws;
    }
    const Problem sink = problemSink(ws.problems, config, *doc);
    const auto problem = [&sink](const QString &field, const QString &message) {
        sink(field, message, Error::Severity::Error);
    };
    static const QStringList known = {u"name"_s,        u"description"_s, u"locations"_s, u"sources"_s,
                                      u"credentials"_s, u"scorecards"_s,  u"actions"_s,   u"automations"_s};
    for (auto it = doc->root.constBegin(); it != doc->root.constEnd(); ++it) {
        const QString key = it.key().toString();
        if (!known.contains(key)) {
            problem(key, tr("Unknown field \"%1\" in the workspace configuration").arg(key));
        }
    }
    const QCborValue name = doc->root.value("name"_L1);
    if (name.isString()) {
        ws.name = name.toString();
    } else if (!name.isUndefined()) {
        problem(u"name"_s, tr("\"name\" must be a string"));
    }
    const QCborValue description = doc->root.value("description"_L1);
    if (description.isString()) {
        ws.description = description.toString();
    } else if (!description.isUndefined()) {
        problem(u"description"_s, tr("\"description\" must be a string"));
    }
    const QCborValue locations = doc->root.value("locations"_L1);
    if (locations.isArray()) {
        const QCborArray arr = locations.toArray();
        for (qsizetype i = 0; i < arr.size(); ++i) {
            if (arr.at(i).isString() && !arr.at(i).toString().isEmpty()) {
                ws.locations.append(arr.at(i).toString());
            } else {
                problem(u"locations[%1]"_s.arg(i), tr("Each location must be a path or glob"));
            }
        }
    } else if (!locations.isUndefined()) {
        problem(u"locations"_s, tr("\"locations\" must be a list of paths or globs"));
    }
    ws.scorecards = stringList(doc->root.value("scorecards"_L1), u"scorecards"_s, sink);
    const auto lineOf = [&doc](const QString &field) { return doc->positionOf(field).line; };
    ws.credentials = parseCredentials(doc->root.value("credentials"_L1), sink);
    ws.actions = parseActions(doc->root.value("actions"_L1), sink, lineOf);
    ws.automations = parseAutomations(doc->root.value("automations"_L1), sink);
    QStringList credentialNames;
    for (const CredentialConfig &c : std::as_const(ws.credentials)) {
        credentialNames.append(c.name);
    }
    ws.sources = parseSources(doc->root.value("sources"_L1), config, SourceConfig::Origin::Workspace, sink, lineOf,
                              credentialNames, {});
    finishSources(ws);
    return ws;
}

QString Workspace::localSourcesFile() const
{
    return QDir(Paths::dataDir()).filePath(u"workspaces/"_s + cacheKey() + u"/sources.yaml"_s);
}

namespace {

// A type-specific option as YAML: maps, lists and scalars, as SourceConfig::options holds them when read.
void emitOption(YAML::Emitter &out, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap: {
        out << YAML::BeginMap;
        const QVariantMap map = value.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            out << YAML::Key << it.key().toStdString() << YAML::Value;
            emitOption(out, it.value());
        }
        out << YAML::EndMap;
        break;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        out << YAML::Flow << YAML::BeginSeq;
        for (const QVariant &item : value.toList()) {
            emitOption(out, item);
        }
        out << YAML::EndSeq;
        break;
    }
    case QMetaType::Bool:
        out << value.toBool();
        break;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        out << value.toLongLong();
        break;
    case QMetaType::Double:
        out << value.toDouble();
        break;
    default:
        if (value.isNull()) {
            out << YAML::Null;
        } else {
            out << value.toString().toStdString();
        }
    }
}

} // namespace

Result<void> Workspace::saveLocalSources(const QString &file, const QList<SourceConfig> &sources)
{
    YAML::Emitter out;
    out << YAML::Comment("Your own Portolan sources for this workspace (the shared ones are in its portolan.yaml).")
        << YAML::Newline;
    out << YAML::BeginMap << YAML::Key << "sources" << YAML::Value << YAML::BeginSeq;
    const auto put = [&out](const char *key, const QString &value) {
        if (!value.isEmpty()) {
            out << YAML::Key << key << YAML::Value << value.toStdString();
        }
    };
    for (const SourceConfig &c : sources) {
        out << YAML::BeginMap;
        put("id", c.id);
        put("type", c.type);
        put("title", c.title);
        put("url", c.url);
        put("branch", c.branch);
        if (!c.paths.isEmpty()) {
            out << YAML::Key << "paths" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const QString &p : c.paths) {
                out << p.toStdString();
            }
            out << YAML::EndSeq;
        }
        put("filter", c.filter);
        put("credential", c.credential);
        out << YAML::Key << "refresh" << YAML::Value
            << (c.refreshSeconds == 0 ? std::string("manual") : std::to_string(c.refreshSeconds) + "s");
        if (!c.enabled) {
            out << YAML::Key << "enabled" << YAML::Value << false;
        }
        if (c.maxDeletionShare != 0.5) {
            out << YAML::Key << "maxDeletionShare" << YAML::Value << c.maxDeletionShare;
        }
        if (!c.tls.verify || !c.tls.caBundle.isEmpty() || !c.tls.clientCertificate.isEmpty()) {
            out << YAML::Key << "tls" << YAML::Value << YAML::BeginMap;
            if (!c.tls.verify) {
                out << YAML::Key << "verify" << YAML::Value << false;
            }
            put("caBundle", c.tls.caBundle);
            put("clientCertificate", c.tls.clientCertificate);
            put("clientKey", c.tls.clientKey);
            out << YAML::EndMap;
        }
        if (!c.options.isEmpty()) {
            out << YAML::Key << "options" << YAML::Value;
            emitOption(out, c.options);
        }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    if (!out.good()) {
        return makeError(Error::Code::Internal, tr("Your sources could not be written"),
                         QString::fromStdString(out.GetLastError()));
    }
    QDir().mkpath(QFileInfo(file).path());
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly)) {
        Error e = makeError(Error::Code::Io, tr("%1 could not be written: %2").arg(file, f.errorString()));
        e.file = file;
        return e;
    }
    f.write(out.c_str(), qint64(out.size()));
    f.write("\n");
    if (!f.commit()) {
        Error e = makeError(Error::Code::Io, tr("%1 could not be written: %2").arg(file, f.errorString()));
        e.file = file;
        return e;
    }
    return {};
}

const SourceConfig *Workspace::source(const QString &id) const
{
    for (const SourceConfig &c : sources) {
        if (c.id == id) {
            return &c;
        }
    }
    return nullptr;
}

const CredentialConfig *Workspace::credential(const QString &credentialName) const
{
    for (const CredentialConfig &c : credentials) {
        if (c.name == credentialName) {
            return &c;
        }
    }
    return nullptr;
}

QStringList Workspace::roots() const
{
    if (locations.isEmpty()) {
        return {root};
    }
    QStringList out;
    for (const QString &loc : locations) {
        out.append(QDir::isAbsolutePath(loc) ? loc : QDir::cleanPath(root + u'/' + loc));
    }
    return out;
}

QStringList Workspace::scorecardPaths() const
{
    if (scorecards.isEmpty()) {
        return {QDir::cleanPath(root + u"/scorecards"_s)};
    }
    QStringList out;
    for (const QString &path : scorecards) {
        out.append(QDir::isAbsolutePath(path) ? path : QDir::cleanPath(root + u'/' + path));
    }
    return out;
}

QStringList Workspace::automationPaths() const
{
    if (automations.paths.isEmpty()) {
        return {QDir::cleanPath(root + u"/automations"_s)};
    }
    QStringList out;
    for (const QString &path : automations.paths) {
        out.append(QDir::isAbsolutePath(path) ? path : QDir::cleanPath(root + u'/' + path));
    }
    return out;
}

QString Workspace::displayName() const
{
    return name.isEmpty() ? root : name;
}

QString Workspace::cacheKey() const
{
    if (!gitUrl.isEmpty()) {
        // The clone's folder name already carries the URL's hash.
        return QFileInfo(QFileInfo(root).path()).fileName();
    }
    const QByteArray hash = QCryptographicHash::hash(root.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    QString base = QFileInfo(root).fileName();
    base.replace(QRegularExpression(u"[^A-Za-z0-9_-]"_s), u"_"_s);
    return (base.isEmpty() ? u"workspace"_s : base) + u'-' + QString::fromLatin1(hash);
}

} // namespace Portolan::Core
