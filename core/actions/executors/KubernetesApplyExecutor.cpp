// kubernetes:apply: server-side apply of a manifest (one or more objects) to a cluster of the user's kubeconfig, with
// the kubeconfig's own credentials (KubeConfig + KubeCredentials, as the kubernetes source uses them); and
// kubernetes:delete, which deletes the objects a manifest names the same way.
#include "Executors.h"
#include "KubeSession.h"

#include "net/BlockingHttp.h"
#include "sources/kubernetes/KubeConfig.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QtNumeric>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::KubernetesApplyExecutor)
};

constexpr qsizetype maxManifestBytes = 8 * 1024 * 1024;
constexpr qint64 maxManifestNodes = 1'000'000; // counts alias expansions, so an alias bomb stops here
constexpr int maxManifestDepth = 128;
constexpr int maxFieldManagerLength = 128; // the API server's limit
const auto defaultFieldManager = u"portolan"_s;
const auto applyContentType = QByteArrayLiteral("application/apply-patch+yaml");
const auto maskedText = u"***"_s;

Error fieldError(const QString &field, const QString &message, Error::Code code = Error::Code::Validation)
{
    Error e = makeError(code, message);
    e.field = u"input."_s + field;
    return e;
}

// ---- Manifests: YAML read the way kubectl reads it ------------------------------------------------------------------

struct ManifestProblem
{
    QString message;
    int line = 0; // 1-based, 0 when unknown
};

// YAML to JSON as kubectl converts it (sigs.k8s.io/yaml on go-yaml v2, YAML 1.1 scalars), so a manifest means here what
// it means to `kubectl apply`: `0644` is the octal 420 of a defaultMode, `yes`/`on` are booleans, `1_000` is 1000,
// timestamps stay strings, `<<` merge keys merge, and a key written twice is an error.
class ManifestReader final
{
public:
    QJsonValue convert(const YAML::Node &node, int depth = 0)
    {
        if (++m_nodes > maxManifestNodes) {
            throw ManifestProblem{
                Tr::tr("The manifest has more than %1 values (with aliases expanded)").arg(maxManifestNodes),
                lineOf(node)};
        }
        if (depth > maxManifestDepth) {
            throw ManifestProblem{Tr::tr("The manifest nests deeper than %1 levels").arg(maxManifestDepth),
                                  lineOf(node)};
        }
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            return QJsonValue(QJsonValue::Null);
        case YAML::NodeType::Scalar:
            return scalar(node);
        case YAML::NodeType::Sequence: {
            QJsonArray out;
            for (auto it = node.begin(); it != node.end(); ++it) {
                out.append(convert(*it, depth + 1));
            }
            return out;
        }
        case YAML::NodeType::Map:
            return map(node, depth);
        }
        return QJsonValue(QJsonValue::Null);
    }

    static int lineOf(const YAML::Node &node)
    {
        const YAML::Mark mark = node.Mark();
        return mark.line >= 0 ? mark.line + 1 : 0;
    }

private:
    QJsonObject map(const YAML::Node &node, int depth)
    {
        QJsonObject out;
        QList<QJsonObject> merges; // `<<: *base` values; explicit keys win over them
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node key = it->first;
            if (key.Type() != YAML::NodeType::Scalar && key.Type() != YAML::NodeType::Null) {
                throw ManifestProblem{Tr::tr("A key of the manifest is not a plain value"), lineOf(key)};
            }
            if (key.Type() == YAML::NodeType::Scalar && key.Tag() == "?" && key.Scalar() == "<<") {
                const QJsonValue merged = convert(it->second, depth + 1);
                const QJsonArray sources = merged.isArray() ? merged.toArray() : QJsonArray{merged};
                for (const QJsonValue &source : sources) {
                    if (!source.isObject()) {
                        throw ManifestProblem{Tr::tr("A merge key (<<) must name a mapping"), lineOf(key)};
                    }
                    merges.append(source.toObject());
                }
                continue;
            }
            const QString name = keyText(key);
            if (out.contains(name)) {
                throw ManifestProblem{Tr::tr("The key \"%1\" is written twice").arg(name), lineOf(key)};
            }
            out.insert(name, convert(it->second, depth + 1));
        }
        // Of several merged mappings the first wins (YAML merge key semantics).
        for (const QJsonObject &source : std::as_const(merges)) {
            for (auto s = source.constBegin(); s != source.constEnd(); ++s) {
                if (!out.contains(s.key())) {
                    out.insert(s.key(), s.value());
                }
            }
        }
        return out;
    }

    // sigs.k8s.io/yaml turns keys into strings: booleans and numbers as JSON writes them.
    static QString keyText(const YAML::Node &key)
    {
        if (key.Type() == YAML::NodeType::Null) {
            return u"null"_s;
        }
        const QJsonValue v =
            key.Tag() == "?" ? resolvePlain(key.Scalar()) : QJsonValue(QString::fromStdString(key.Scalar()));
        if (v.isBool()) {
            return v.toBool() ? u"true"_s : u"false"_s;
        }
        if (v.isDouble()) {
            const double d = v.toDouble();
            return d == double(qint64(d)) ? QString::number(v.toInteger()) : QString::number(d, 'g', 17);
        }
        return v.isNull() ? u"null"_s : v.toString();
    }

    static QJsonValue scalar(const YAML::Node &node)
    {
        const std::string &tag = node.Tag();
        const std::string &text = node.Scalar();
        if (tag == "?" || tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float"
            || tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
            const QJsonValue v = resolvePlain(text);
            if (v.isDouble() && !std::isfinite(v.toDouble())) {
                throw ManifestProblem{Tr::tr("%1 has no JSON form").arg(QString::fromStdString(text)), lineOf(node)};
            }
            return v;
        }
        return QString::fromStdString(text); // quoted, block, !!str, !!binary and custom tags: the text as written
    }

    // go-yaml v2's resolution of a plain scalar.
    static QJsonValue resolvePlain(const std::string &text)
    {
        static const QList<QByteArray> nulls = {"", "~", "null", "Null", "NULL"};
        static const QList<QByteArray> trues = {"y",    "Y",    "yes", "Yes", "YES", "true",
                                                "True", "TRUE", "on",  "On",  "ON"};
        static const QList<QByteArray> falses = {"n",     "N",     "no",  "No",  "NO", "false",
                                                 "False", "FALSE", "off", "Off", "OFF"};
        const QByteArray s = QByteArray::fromStdString(text);
        if (nulls.contains(s)) {
            return QJsonValue(QJsonValue::Null);
        }
        if (trues.contains(s)) {
            return true;
        }
        if (falses.contains(s)) {
            return false;
        }
        static const QHash<QByteArray, double> specials = {{".inf", qInf()},   {".Inf", qInf()},   {".INF", qInf()},
                                                           {"+.inf", qInf()},  {"+.Inf", qInf()},  {"+.INF", qInf()},
                                                           {"-.inf", -qInf()}, {"-.Inf", -qInf()}, {"-.INF", -qInf()},
                                                           {".nan", qQNaN()},  {".NaN", qQNaN()},  {".NAN", qQNaN()}};
        if (const auto it = specials.constFind(s); it != specials.constEnd()) {
            return *it;
        }
        const char first = s.front();
        if (!(first == '+' || first == '-' || first == '.' || (first >= '0' && first <= '9'))) {
            return QString::fromUtf8(s);
        }
        QByteArray plain = s;
        plain.replace('_', "");
        if (const std::optional<QJsonValue> integer = parseInteger(plain)) {
            return *integer;
        }
        static const QRegularExpression yamlFloat(u"^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"_s);
        if (yamlFloat.match(QString::fromLatin1(plain)).hasMatch()) {
            bool ok = false;
            const double d = plain.toDouble(&ok);
            if (ok) {
                return d;
            }
        }
        return QString::fromUtf8(s); // timestamps and everything else stay strings
    }

    // Go's strconv.ParseInt(s, 0, 64) (then ParseUint): 0x hex, 0o and leading-0 octal, 0b binary, a sign.
    static std::optional<QJsonValue> parseInteger(QByteArray s)
    {
        bool negative = false;
        if (s.startsWith('+') || s.startsWith('-')) {
            negative = s.front() == '-';
            s.remove(0, 1);
        }
        int base = 10;
        const QByteArray lower = s.toLower();
        if (lower.startsWith("0x")) {
            base = 16;
            s.remove(0, 2);
        } else if (lower.startsWith("0b")) {
            base = 2;
            s.remove(0, 2);
        } else if (lower.startsWith("0o")) {
            base = 8;
            s.remove(0, 2);
        } else if (s.size() > 1 && s.front() == '0') {
            base = 8;
            s.remove(0, 1);
        }
        if (s.isEmpty()) {
            return std::nullopt;
        }
        for (const char c : std::as_const(s)) {
            const int digit = c >= '0' && c <= '9'   ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : 99;
            if (digit >= base) {
                return std::nullopt;
            }
        }
        bool ok = false;
        const qulonglong value = s.toULongLong(&ok, base);
        if (!ok) {
            return std::nullopt;
        }
        if (negative) {
            if (value > qulonglong(LLONG_MAX) + 1) {
                return std::nullopt;
            }
            return QJsonValue(value == qulonglong(LLONG_MAX) + 1 ? LLONG_MIN : -qint64(value));
        }
        return value <= qulonglong(LLONG_MAX) ? QJsonValue(qint64(value)) : QJsonValue(double(value));
    }

    qint64 m_nodes = 0;
};

struct ManifestObject
{
    QJsonObject object;
    int document = 0; // 1-based, for messages
    int line = 0;
};

// The manifest's objects: YAML documents (several, with ---), an object, or a list of objects; a `kind: List` is
// applied item by item, as kubectl does.
Result<QList<ManifestObject>> readManifest(const QJsonValue &manifest)
{
    QList<ManifestObject> out;
    const auto add = [&out](const QJsonValue &value, int document, int line) -> std::optional<Error> {
        if (value.isNull() || value.isUndefined()) {
            return std::nullopt; // an empty document, e.g. after a trailing ---
        }
        if (!value.isObject()) {
            Error e = fieldError(u"manifest"_s, Tr::tr("Document %1 of the manifest is not an object").arg(document));
            e.line = line;
            return e;
        }
        const QJsonObject object = value.toObject();
        if (object.value("kind"_L1).toString() == u"List"_s && object.value("items"_L1).isArray()) {
            for (const QJsonValue &item : object.value("items"_L1).toArray()) {
                if (!item.isObject()) {
                    Error e = fieldError(u"manifest"_s,
                                         Tr::tr("An item of the List in document %1 is not an object").arg(document));
                    e.line = line;
                    return e;
                }
                out.append({item.toObject(), document, line});
            }
            return std::nullopt;
        }
        out.append({object, document, line});
        return std::nullopt;
    };

    if (manifest.isString()) {
        const QByteArray text = manifest.toString().toUtf8();
        if (text.size() > maxManifestBytes) {
            return fieldError(u"manifest"_s, Tr::tr("The manifest is larger than %1 MiB").arg(maxManifestBytes >> 20),
                              Error::Code::TooLarge);
        }
        try {
            const std::vector<YAML::Node> documents = YAML::LoadAll(text.toStdString());
            ManifestReader reader;
            int index = 0;
            for (const YAML::Node &document : documents) {
                ++index;
                if (const std::optional<Error> e =
                        add(reader.convert(document), index, ManifestReader::lineOf(document))) {
                    return *e;
                }
            }
        } catch (const ManifestProblem &problem) {
            Error e = fieldError(u"manifest"_s, problem.message, Error::Code::Parse);
            e.line = problem.line;
            return e;
        } catch (const YAML::Exception &ex) {
            Error e = fieldError(u"manifest"_s, Tr::tr("The manifest is not valid YAML"), Error::Code::Parse);
            e.detail = QString::fromStdString(ex.msg);
            e.line = ex.mark.line >= 0 ? ex.mark.line + 1 : 0;
            e.column = ex.mark.column >= 0 ? ex.mark.column + 1 : 0;
            return e;
        } catch (const std::exception &ex) {
            Error e = fieldError(u"manifest"_s, Tr::tr("The manifest could not be read"), Error::Code::Parse);
            e.detail = QString::fromLocal8Bit(ex.what());
            return e;
        }
    } else if (manifest.isObject()) {
        if (const std::optional<Error> e = add(manifest, 1, 0)) {
            return *e;
        }
    } else if (manifest.isArray()) {
        int index = 0;
        for (const QJsonValue &item : manifest.toArray()) {
            if (const std::optional<Error> e = add(item, ++index, 0)) {
                return *e;
            }
        }
    } else {
        return fieldError(u"manifest"_s, Tr::tr("The step needs a manifest: YAML text, an object or a list of "
                                                "objects"));
    }
    if (out.isEmpty()) {
        return fieldError(u"manifest"_s, Tr::tr("The manifest holds no object"));
    }
    return out;
}

// ---- Where each kind is served
// ---------------------------------------------------------------------------------------

struct KindInfo
{
    QString group;
    QString kind;
    QString plural;
    bool namespaced = true;
};

// The built-in kinds a template usually applies; others are found through API discovery.
const QList<KindInfo> &builtInKinds()
{
    static const QList<KindInfo> kinds = {
        {{}, u"ConfigMap"_s, u"configmaps"_s, true},
        {{}, u"Secret"_s, u"secrets"_s, true},
        {{}, u"Namespace"_s, u"namespaces"_s, false},
        {{}, u"Service"_s, u"services"_s, true},
        {{}, u"ServiceAccount"_s, u"serviceaccounts"_s, true},
        {{}, u"PersistentVolumeClaim"_s, u"persistentvolumeclaims"_s, true},
        {{}, u"PersistentVolume"_s, u"persistentvolumes"_s, false},
        {{}, u"Pod"_s, u"pods"_s, true},
        {{}, u"LimitRange"_s, u"limitranges"_s, true},
        {{}, u"ResourceQuota"_s, u"resourcequotas"_s, true},
        {{}, u"Endpoints"_s, u"endpoints"_s, true},
        {u"apps"_s, u"Deployment"_s, u"deployments"_s, true},
        {u"apps"_s, u"StatefulSet"_s, u"statefulsets"_s, true},
        {u"apps"_s, u"DaemonSet"_s, u"daemonsets"_s, true},
        {u"apps"_s, u"ReplicaSet"_s, u"replicasets"_s, true},
        {u"batch"_s, u"Job"_s, u"jobs"_s, true},
        {u"batch"_s, u"CronJob"_s, u"cronjobs"_s, true},
        {u"networking.k8s.io"_s, u"Ingress"_s, u"ingresses"_s, true},
        {u"networking.k8s.io"_s, u"NetworkPolicy"_s, u"networkpolicies"_s, true},
        {u"networking.k8s.io"_s, u"IngressClass"_s, u"ingressclasses"_s, false},
        {u"rbac.authorization.k8s.io"_s, u"Role"_s, u"roles"_s, true},
        {u"rbac.authorization.k8s.io"_s, u"RoleBinding"_s, u"rolebindings"_s, true},
        {u"rbac.authorization.k8s.io"_s, u"ClusterRole"_s, u"clusterroles"_s, false},
        {u"rbac.authorization.k8s.io"_s, u"ClusterRoleBinding"_s, u"clusterrolebindings"_s, false},
        {u"autoscaling"_s, u"HorizontalPodAutoscaler"_s, u"horizontalpodautoscalers"_s, true},
        {u"policy"_s, u"PodDisruptionBudget"_s, u"poddisruptionbudgets"_s, true},
        {u"storage.k8s.io"_s, u"StorageClass"_s, u"storageclasses"_s, false},
        {u"apiextensions.k8s.io"_s, u"CustomResourceDefinition"_s, u"customresourcedefinitions"_s, false},
        {u"scheduling.k8s.io"_s, u"PriorityClass"_s, u"priorityclasses"_s, false},
        {u"coordination.k8s.io"_s, u"Lease"_s, u"leases"_s, true},
    };
    return kinds;
}

std::optional<KindInfo> builtInKind(const QString &group, const QString &kind)
{
    for (const KindInfo &k : builtInKinds()) {
        if (k.group == group && k.kind == kind) {
            return k;
        }
    }
    return std::nullopt;
}

// ---- The step's input
// ------------------------------------------------------------------------------------------------

struct Planned
{
    QJsonObject object; // as sent (namespace filled in)
    QString group;
    QString version;
    QString kind;
    QString name;
    QString ns; // empty for cluster-scoped kinds (and unknown kinds until discovery tells)
    std::optional<KindInfo> info; // built-in; empty: ask discovery

    [[nodiscard]] QString apiVersion() const { return group.isEmpty() ? version : group + u'/' + version; }
    [[nodiscard]] QString display() const
    {
        return ns.isEmpty() ? u"%1 %2"_s.arg(kind, name) : u"%1 %2/%3"_s.arg(kind, ns, name);
    }
};

struct Apply
{
    QList<Planned> objects;
    QString context; // empty: the kubeconfig's current context
    QString ns; // input.namespace
    QString fieldManager = defaultFieldManager;
    bool force = false;
    bool dryRun = false;
};

// The input read and checked (the kubeconfig's context and namespace included); every problem goes to `problems`.
Apply parse(const QJsonObject &input, const ActionEnvironment &environment, ErrorList &problems,
            std::optional<KubeEndpoint> *endpointOut = nullptr)
{
    Apply a;
    const QJsonValue context = input.value("context"_L1);
    if (context.isString()) {
        a.context = context.toString().trimmed();
    } else if (!context.isUndefined() && !context.isNull()) {
        problems.append(fieldError(u"context"_s, Tr::tr("context must name a kubeconfig context")));
    }
    const QJsonValue ns = input.value("namespace"_L1);
    if (ns.isString()) {
        a.ns = ns.toString().trimmed();
    } else if (!ns.isUndefined() && !ns.isNull()) {
        problems.append(fieldError(u"namespace"_s, Tr::tr("namespace must be a string")));
    }
    const QJsonValue manager = input.value("fieldManager"_L1);
    if (manager.isString() && !manager.toString().trimmed().isEmpty()
        && manager.toString().trimmed().size() <= maxFieldManagerLength) {
        a.fieldManager = manager.toString().trimmed();
    } else if (!manager.isUndefined() && !manager.isNull()) {
        problems.append(fieldError(
            u"fieldManager"_s, Tr::tr("fieldManager must be a name of 1 to %1 characters").arg(maxFieldManagerLength)));
    }
    for (const auto &[key, target] : {std::pair{"force"_L1, &a.force}, std::pair{"dryRun"_L1, &a.dryRun}}) {
        const QJsonValue v = input.value(key);
        if (v.isBool()) {
            *target = v.toBool();
        } else if (!v.isUndefined() && !v.isNull()) {
            problems.append(fieldError(QString(key), Tr::tr("%1 must be true or false").arg(QString(key))));
        }
    }

    // The context's namespace is the default for objects that name none.
    QString contextNamespace;
    Result<KubeConfig> config = KubeConfig::load(kubeconfigFiles(environment));
    if (!config.ok()) {
        Error e = config.error();
        e.field = u"input.context"_s;
        problems.append(e);
    } else {
        Result<KubeEndpoint> endpoint = config->endpoint(a.context);
        if (!endpoint.ok()) {
            Error e = endpoint.error();
            if (!a.context.isEmpty() && !config->contextNames().contains(a.context)) {
                e = fieldError(u"context"_s,
                               Tr::tr("The kubeconfig has no context \"%1\"; it has %2")
                                   .arg(a.context, config->contextNames().join(u", "_s)),
                               Error::Code::Config);
            }
            e.field = u"input.context"_s;
            problems.append(e);
        } else {
            contextNamespace = endpoint->ns;
            if (a.context.isEmpty()) {
                a.context = endpoint->context;
            }
            if (endpointOut) {
                *endpointOut = endpoint.value();
            }
        }
    }

    Result<QList<ManifestObject>> manifest = readManifest(input.value("manifest"_L1));
    if (!manifest.ok()) {
        problems.append(manifest.error());
        return a;
    }
    for (const ManifestObject &m : manifest.value()) {
        const auto problem = [&](const QString &message) {
            Error e = fieldError(u"manifest"_s, Tr::tr("Document %1: %2").arg(m.document).arg(message));
            e.line = m.line;
            problems.append(e);
        };
        Planned p;
        p.object = m.object;
        const QString apiVersion = m.object.value("apiVersion"_L1).toString();
        p.kind = m.object.value("kind"_L1).toString();
        const QJsonObject metadata = m.object.value("metadata"_L1).toObject();
        p.name = metadata.value("name"_L1).toString();
        if (apiVersion.isEmpty() || p.kind.isEmpty()) {
            problem(Tr::tr("an object needs apiVersion and kind"));
            continue;
        }
        if (p.name.isEmpty()) {
            problem(metadata.contains("generateName"_L1)
                        ? Tr::tr("%1: server-side apply needs metadata.name; generateName is not supported").arg(p.kind)
                        : Tr::tr("%1 has no metadata.name").arg(p.kind));
            continue;
        }
        const qsizetype slash = apiVersion.indexOf(u'/');
        p.group = slash < 0 ? QString() : apiVersion.left(slash);
        p.version = slash < 0 ? apiVersion : apiVersion.mid(slash + 1);
        p.info = builtInKind(p.group, p.kind);
        const QString own = metadata.value("namespace"_L1).toString();
        if (!own.isEmpty() && !a.ns.isEmpty() && own != a.ns) {
            problem(Tr::tr("%1 %2 is in namespace \"%3\", not in the step's namespace \"%4\"")
                        .arg(p.kind, p.name, own, a.ns));
            continue;
        }
        p.ns = !own.isEmpty()                ? own
               : !a.ns.isEmpty()             ? a.ns
               : !contextNamespace.isEmpty() ? contextNamespace
                                             : u"default"_s;
        if (p.info && !p.info->namespaced) {
            // A cluster-scoped object has no namespace, and the API server refuses one that names it.
            p.ns.clear();
            QJsonObject md = metadata;
            md.remove(u"namespace"_s);
            p.object.insert(u"metadata"_s, md);
        } else {
            QJsonObject md = metadata;
            md.insert(u"namespace"_s, p.ns);
            p.object.insert(u"metadata"_s, md);
        }
        a.objects.append(p);
    }
    return a;
}

// A copy to show: the values of a Secret's data and stringData masked, and any workspace secret's value.
QJsonObject masked(const QJsonObject &object)
{
    if (object.value("kind"_L1).toString() != u"Secret"_s) {
        return object;
    }
    QJsonObject out = object;
    for (const QString &key : {u"data"_s, u"stringData"_s}) {
        if (!out.value(key).isObject()) {
            continue;
        }
        QJsonObject values = out.value(key).toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            it.value() = maskedText;
        }
        out.insert(key, values);
    }
    return out;
}

QString maskSecrets(QString text, const ActionEnvironment &environment)
{
    for (const QString &secret : environment.secrets) {
        if (secret.size() >= 4) {
            text.replace(secret, maskedText);
        }
    }
    return text;
}

QString objectPath(const Planned &p, const QString &plural, bool namespaced)
{
    QString path = p.group.isEmpty() ? u"/api/"_s + p.version : u"/apis/%1/%2"_s.arg(p.group, p.version);
    if (namespaced) {
        path += u"/namespaces/"_s + QString::fromLatin1(QUrl::toPercentEncoding(p.ns));
    }
    return path + u'/' + plural + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(p.name));
}

QString applyQuery(const Apply &a)
{
    QString query = u"fieldManager="_s + QString::fromLatin1(QUrl::toPercentEncoding(a.fieldManager));
    if (a.force) {
        query += u"&force=true"_s;
    }
    if (a.dryRun) {
        query += u"&dryRun=All"_s;
    }
    return query;
}

// ---- Talking to the cluster
// ------------------------------------------------------------------------------------------

// The cluster's answer as the step's error, in the API server's own words (its Status message).
Error applyError(const Error &e, const Planned &p, const Apply &a, int applied, int total)
{
    if (e.httpStatus == 0) {
        return e;
    }
    Error out = e;
    const QString object = p.display();
    const QString message = e.detail.isEmpty() ? e.message : e.detail;
    switch (e.httpStatus) {
    case 401:
        out.message =
            Tr::tr("The cluster of context %1 did not accept the credential (HTTP 401): %2").arg(a.context, message);
        break;
    case 403:
        out.message = Tr::tr("The cluster refused to apply %1 (HTTP 403): %2").arg(object, message);
        break;
    case 404:
        out.message = Tr::tr("The cluster could not apply %1 (HTTP 404): %2").arg(object, message);
        break;
    case 409:
        out.message = a.force ? Tr::tr("Applying %1 conflicts (HTTP 409): %2").arg(object, message)
                              : Tr::tr("Applying %1 conflicts with another field manager (HTTP 409): %2. Set "
                                       "`force: true` to take the conflicting fields over")
                                    .arg(object, message);
        out.code = Error::Code::Conflict;
        break;
    case 415:
        out.message = Tr::tr("The cluster does not take server-side apply (HTTP 415): %1").arg(message);
        out.code = Error::Code::Unsupported;
        break;
    case 422:
        out.message = Tr::tr("The cluster found %1 invalid (HTTP 422): %2").arg(object, message);
        out.code = Error::Code::Validation;
        break;
    default:
        out.message = Tr::tr("Applying %1 failed: %2 (%3)").arg(object, e.message, message);
        break;
    }
    if (applied > 0) {
        out.message += u' ' + Tr::tr("(%1 of %2 objects were applied before it)").arg(applied).arg(total);
    }
    out.detail = e.detail;
    return out;
}

// The plural and scope of a kind the table does not know, from the cluster's APIResourceList.
Result<KindInfo> discover(BlockingHttp &http, const Planned &p, QHash<QString, QJsonArray> &discovered,
                          StepContext &context)
{
    const QString groupVersion = p.apiVersion();
    auto it = discovered.find(groupVersion);
    if (it == discovered.end()) {
        const QString path = p.group.isEmpty() ? u"/api/"_s + p.version : u"/apis/%1/%2"_s.arg(p.group, p.version);
        Result<HttpResponse> answer = http.get(http.resolve(path), context.cancel);
        if (!answer.ok()) {
            if (answer.error().httpStatus == 404) {
                return makeError(
                    Error::Code::Unsupported,
                    Tr::tr("The cluster serves no API %1, so it cannot take %2").arg(groupVersion, p.display()));
            }
            Error e = answer.error();
            e.message = Tr::tr("Could not look up where the cluster serves %1: %2").arg(p.kind, e.message);
            return e;
        }
        it = discovered.insert(groupVersion,
                               QJsonDocument::fromJson(answer->body).object().value("resources"_L1).toArray());
    }
    for (const QJsonValue &v : std::as_const(*it)) {
        const QJsonObject r = v.toObject();
        const QString name = r.value("name"_L1).toString();
        if (r.value("kind"_L1).toString() == p.kind && !name.contains(u'/')) {
            return KindInfo{p.group, p.kind, name, r.value("namespaced"_L1).toBool()};
        }
    }
    return makeError(Error::Code::Unsupported,
                     Tr::tr("The cluster's API %1 has no kind %2 (for %3)").arg(groupVersion, p.kind, p.display()));
}

// What kubernetes:apply and kubernetes:delete share: the input (a manifest and a context) read and checked the same
// way, and a preview that names the context and, for each object, the request that will reach it.
class ManifestStepExecutor : public StepExecutor
{
public:
    [[nodiscard]] ErrorList check(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        ErrorList problems;
        (void)parse(input, environment, problems);
        return problems;
    }

protected:
    struct Prepared
    {
        Apply step;
        std::unique_ptr<KubeSession> cluster;
    };

    // The step's input read (its first error returned) and a session with its context open.
    static Result<Prepared> prepare(StepContext &context, const QString &noContext)
    {
        static const ActionEnvironment noEnvironment;
        const ActionEnvironment &environment = context.environment ? *context.environment : noEnvironment;
        ErrorList problems;
        std::optional<KubeEndpoint> configured;
        Prepared prepared;
        prepared.step = parse(context.input, environment, problems, &configured);
        for (const Error &e : std::as_const(problems)) {
            if (e.isError()) {
                return e;
            }
        }
        if (!configured) {
            return makeError(Error::Code::Config, noContext);
        }
        prepared.cluster = std::make_unique<KubeSession>(*configured, environment, context);
        if (const auto opened = prepared.cluster->open(); !opened.ok()) {
            return opened.error();
        }
        return prepared;
    }

    // The preview's target, and a note per object: `verb` PATH?`query` (or that discovery finds the path), then
    // `notes` and the problems.
    static StepPreview previewOf(const Apply &a, const std::optional<KubeEndpoint> &endpoint, const QString &method,
                                 const QString &verb, const QString &query, const QStringList &notes,
                                 const ErrorList &problems)
    {
        StepPreview p;
        p.method = method;
        const QString server = endpoint ? HttpClient::redactedUrl(endpoint->server) : Tr::tr("unknown server");
        p.target = Tr::tr("context %1 (%2)").arg(a.context.isEmpty() ? Tr::tr("current") : a.context, server);
        for (const Planned &o : a.objects) {
            if (o.info) {
                p.notes.append(u"%1 %2?%3"_s.arg(verb, objectPath(o, o.info->plural, o.info->namespaced), query));
            } else {
                p.notes.append(Tr::tr("%1 (%2): its path is found through the cluster's API discovery")
                                   .arg(o.display(), o.apiVersion()));
            }
        }
        p.notes += notes;
        for (const Error &e : problems) {
            p.notes.append(Tr::tr("Problem: %1 (%2)").arg(e.message, e.field));
        }
        return p;
    }
};

class KubernetesApplyExecutor final : public ManifestStepExecutor
{
public:
    [[nodiscard]] QString action() const override { return u"kubernetes:apply"_s; }

    [[nodiscard]] QString description() const override
    {
        return Tr::tr("Applies a Kubernetes manifest to a kubeconfig context with server-side apply");
    }

    [[nodiscard]] StepPreview preview(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        ErrorList problems;
        std::optional<KubeEndpoint> endpoint;
        const Apply a = parse(input, environment, problems, &endpoint);
        QStringList notes{Tr::tr("Sent as Content-Type %1, field manager \"%2\"")
                              .arg(QString::fromLatin1(applyContentType), a.fieldManager)};
        if (a.force) {
            notes.append(Tr::tr("force: fields another field manager owns are taken over"));
        }
        if (a.dryRun) {
            notes.append(Tr::tr("Dry run: the cluster checks the objects and changes nothing"));
        }
        StepPreview p =
            previewOf(a, endpoint, a.dryRun ? Tr::tr("server-side apply (dry run)") : Tr::tr("server-side apply"),
                      u"PATCH"_s, applyQuery(a), notes, problems);
        QStringList documents;
        for (const Planned &o : a.objects) {
            documents.append(maskSecrets(
                QString::fromUtf8(QJsonDocument(masked(o.object)).toJson(QJsonDocument::Indented)), environment));
        }
        p.body = documents.join(u"---\n"_s);
        return p;
    }

    [[nodiscard]] Result<StepResult> run(StepContext &context) override
    {
        const auto log = [&context](const QString &line) {
            if (context.log) {
                context.log(line);
            }
        };
        auto prepared = prepare(context, Tr::tr("No kubeconfig context to apply to"));
        if (!prepared.ok()) {
            return prepared.error();
        }
        const Apply &a = prepared->step;
        KubeSession &cluster = *prepared->cluster;

        if (!context.state.isEmpty()) {
            log(Tr::tr("Resumed: applying every object again (server-side apply is idempotent)"));
        }
        if (context.saveState) {
            context.saveState({{u"context"_s, a.context}, {u"objects"_s, int(a.objects.size())}});
        }
        log(Tr::tr("Applying %n object(s) to context %1 (%2) as field manager \"%3\"%4", nullptr, int(a.objects.size()))
                .arg(a.context, HttpClient::redactedUrl(cluster.endpoint().server), a.fieldManager,
                     a.dryRun ? Tr::tr(", dry run") : QString()));

        QHash<QString, QJsonArray> discovered; // APIResourceList resources by groupVersion
        QJsonArray applied;
        for (qsizetype i = 0; i < a.objects.size(); ++i) {
            Planned p = a.objects[i];
            if (context.cancelled()) {
                return makeError(Error::Code::Cancelled,
                                 Tr::tr("Cancelled after %1 of %2 objects").arg(i).arg(a.objects.size()));
            }
            Result<KindInfo> info =
                p.info ? Result<KindInfo>(*p.info) : discover(cluster.http(), p, discovered, context);
            if (!info.ok()) {
                return info.error();
            }
            if (!info->namespaced) {
                p.ns.clear();
                QJsonObject md = p.object.value("metadata"_L1).toObject();
                md.remove(u"namespace"_s);
                p.object.insert(u"metadata"_s, md);
            }
            const QUrl url =
                cluster.http().resolve(objectPath(p, info->plural, info->namespaced) + u'?' + applyQuery(a));
            const QByteArray body = QJsonDocument(p.object).toJson(QJsonDocument::Compact);
            Result<HttpResponse> answer = cluster.send("PATCH", url, body, applyContentType);
            if (!answer.ok()) {
                log(Tr::tr("%1: failed").arg(p.display()));
                return applyError(answer.error(), p, a, int(i), int(a.objects.size()));
            }
            const QJsonObject result = QJsonDocument::fromJson(answer->body).object();
            const QJsonObject metadata = result.value("metadata"_L1).toObject();
            const bool created = answer->status == 201;
            log(Tr::tr("%1: %2 (resourceVersion %3)%4")
                    .arg(p.display(), created ? Tr::tr("created") : Tr::tr("configured"),
                         metadata.value("resourceVersion"_L1).toString(), a.dryRun ? Tr::tr(", dry run") : QString()));
            qCDebug(lcActions) << "applied" << p.kind << p.ns << p.name << "status" << answer->status;
            applied.append(QJsonObject{{u"apiVersion"_s, p.apiVersion()},
                                       {u"kind"_s, p.kind},
                                       {u"namespace"_s, p.ns},
                                       {u"name"_s, p.name},
                                       {u"uid"_s, metadata.value("uid"_L1).toString()},
                                       {u"resourceVersion"_s, metadata.value("resourceVersion"_L1).toString()},
                                       {u"created"_s, created}});
        }
        StepResult out;
        out.output = {{u"objects"_s, applied}};
        if (a.dryRun) {
            out.output.insert(u"dryRun"_s, true);
        }
        out.state = {{u"context"_s, a.context}, {u"objects"_s, applied}};
        return out;
    }
};

// kubernetes:delete: deletes the objects a manifest names (apiVersion, kind, metadata.name and namespace; the rest of
// each object is not read), from a kubeconfig context with its own credentials: the namespace of a preview
// environment at its expiry. An object that is gone already counts as deleted, so a resumed or repeated run does no
// harm. Dependents go as kubectl deletes them (propagationPolicy=Background).
class KubernetesDeleteExecutor final : public ManifestStepExecutor
{
public:
    [[nodiscard]] QString action() const override { return u"kubernetes:delete"_s; }

    [[nodiscard]] QString description() const override
    {
        return Tr::tr("Deletes the Kubernetes objects a manifest names from a kubeconfig context");
    }

    [[nodiscard]] StepPreview preview(const QJsonObject &input, const ActionEnvironment &environment) const override
    {
        ErrorList problems;
        std::optional<KubeEndpoint> endpoint;
        const Apply a = parse(input, environment, problems, &endpoint);
        StepPreview p = previewOf(a, endpoint, a.dryRun ? Tr::tr("delete (dry run)") : Tr::tr("delete"), u"DELETE"_s,
                                  query(a), {}, problems);
        QStringList objects;
        for (const Planned &o : a.objects) {
            objects.append(o.display());
        }
        p.body = objects.join(u'\n');
        return p;
    }

    [[nodiscard]] Result<StepResult> run(StepContext &context) override
    {
        auto prepared = prepare(context, Tr::tr("No kubeconfig context to delete from"));
        if (!prepared.ok()) {
            return prepared.error();
        }
        const Apply &a = prepared->step;
        KubeSession &cluster = *prepared->cluster;
        if (context.saveState) {
            context.saveState({{u"context"_s, a.context}, {u"objects"_s, int(a.objects.size())}});
        }
        cluster.log(Tr::tr("Deleting %n object(s) from context %1 (%2)%3", nullptr, int(a.objects.size()))
                        .arg(a.context, HttpClient::redactedUrl(cluster.endpoint().server),
                             a.dryRun ? Tr::tr(", dry run") : QString()));
        QHash<QString, QJsonArray> discovered;
        QJsonArray deleted;
        for (qsizetype i = 0; i < a.objects.size(); ++i) {
            Planned p = a.objects[i];
            if (context.cancelled()) {
                return makeError(Error::Code::Cancelled,
                                 Tr::tr("Cancelled after %1 of %2 objects").arg(i).arg(a.objects.size()));
            }
            Result<KindInfo> info =
                p.info ? Result<KindInfo>(*p.info) : discover(cluster.http(), p, discovered, context);
            if (!info.ok()) {
                return info.error();
            }
            if (!info->namespaced) {
                p.ns.clear();
            }
            const QUrl url = cluster.http().resolve(objectPath(p, info->plural, info->namespaced) + u'?' + query(a));
            const Result<HttpResponse> answer = cluster.send("DELETE", url);
            bool gone = false;
            if (!answer.ok() && answer.error().httpStatus == 404) {
                gone = true;
                cluster.log(Tr::tr("%1: gone already").arg(p.display()));
            } else if (!answer.ok()) {
                cluster.log(Tr::tr("%1: failed").arg(p.display()));
                return deleteError(answer.error(), p, a, int(i), int(a.objects.size()));
            } else {
                const QJsonObject object = QJsonDocument::fromJson(answer->body).object();
                const QString phase = object.value("status"_L1).toObject().value("phase"_L1).toString();
                cluster.log(phase.isEmpty()
                                ? Tr::tr("%1: deleted%2").arg(p.display(), a.dryRun ? Tr::tr(", dry run") : QString())
                                : Tr::tr("%1: deleted, %2%3")
                                      .arg(p.display(), phase, a.dryRun ? Tr::tr(", dry run") : QString()));
            }
            deleted.append(QJsonObject{{u"apiVersion"_s, p.apiVersion()},
                                       {u"kind"_s, p.kind},
                                       {u"namespace"_s, p.ns},
                                       {u"name"_s, p.name},
                                       {u"goneAlready"_s, gone}});
        }
        StepResult out;
        out.output = {{u"objects"_s, deleted}};
        if (a.dryRun) {
            out.output.insert(u"dryRun"_s, true);
        }
        out.state = {{u"context"_s, a.context}, {u"objects"_s, deleted}};
        return out;
    }

private:
    static QString query(const Apply &a)
    {
        return a.dryRun ? u"propagationPolicy=Background&dryRun=All"_s : u"propagationPolicy=Background"_s;
    }

    // The cluster's answer as the step's error, in the API server's own words.
    static Error deleteError(const Error &e, const Planned &p, const Apply &a, int done, int total)
    {
        if (e.httpStatus == 0) {
            return e;
        }
        Error out = e;
        const QString message = e.detail.isEmpty() ? e.message : e.detail;
        switch (e.httpStatus) {
        case 401:
            out.message = Tr::tr("The cluster of context %1 did not accept the credential (HTTP 401): %2")
                              .arg(a.context, message);
            break;
        case 403:
            out.message = Tr::tr("The cluster refused to delete %1 (HTTP 403): %2").arg(p.display(), message);
            break;
        default:
            out.message = Tr::tr("Deleting %1 failed: %2 (%3)").arg(p.display(), e.message, message);
            break;
        }
        if (done > 0) {
            out.message += u' ' + Tr::tr("(%1 of %2 objects were deleted before it)").arg(done).arg(total);
        }
        return out;
    }
};

} // namespace

std::unique_ptr<StepExecutor> makeKubernetesApplyExecutor()
{
    return std::make_unique<KubernetesApplyExecutor>();
}

std::unique_ptr<StepExecutor> makeKubernetesDeleteExecutor()
{
    return std::make_unique<KubernetesDeleteExecutor>();
}

} // namespace Portolan::Core
