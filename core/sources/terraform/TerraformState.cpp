#include "TerraformState.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Portolan::Core::Terraform {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TerraformState", text);
}

// 1-based line of the first `needle` at or after `from`; 0 when absent.
int lineOf(const QByteArray &json, const QByteArray &needle, qsizetype from = 0)
{
    const qsizetype at = json.indexOf(needle, from);
    return at < 0 ? 0 : int(json.left(at).count('\n')) + 1;
}

Error stateError(const QString &file, const QString &message, const QString &field = {}, int line = 0)
{
    Error e = makeError(Error::Code::Parse, message);
    e.file = file;
    e.field = field;
    e.line = line;
    return e;
}

bool isPrivateKey(const QString &value)
{
    return value.contains(u"PRIVATE KEY-----"_s);
}

// Replaces every value a name or its content marks secret, recursively; counts what it replaced.
QJsonValue redactByConvention(const QJsonValue &value, int *count)
{
    if (value.isString() && isPrivateKey(value.toString())) {
        ++*count;
        return QJsonValue(QString(redactedValue));
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray()) {
            out.append(redactByConvention(item, count));
        }
        return out;
    }
    if (!value.isObject()) {
        return value;
    }
    QJsonObject out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue v = it.value();
        const bool empty = v.isNull() || (v.isString() && v.toString().isEmpty());
        if (!empty && !v.isBool() && isSecretName(it.key())) {
            ++*count;
            out.insert(it.key(), QString(redactedValue));
        } else {
            out.insert(it.key(), redactByConvention(v, count));
        }
    }
    return out;
}

// Replaces the value at one of `sensitive_attributes`' paths: [{"type":"get_attr","value":"password"},
// {"type":"index","value":{"value":0,"type":"number"}}].
QJsonValue redactPath(const QJsonValue &value, const QJsonArray &path, qsizetype step, int *count)
{
    if (step >= path.size()) {
        if (value.isNull() || value.isUndefined()) {
            return value;
        }
        ++*count;
        return QJsonValue(QString(redactedValue));
    }
    const QJsonObject s = path.at(step).toObject();
    const QString type = s.value("type"_L1).toString();
    if (type == u"get_attr"_s && value.isObject()) {
        QJsonObject object = value.toObject();
        const QString key = s.value("value"_L1).toString();
        if (object.contains(key)) {
            object.insert(key, redactPath(object.value(key), path, step + 1, count));
        }
        return object;
    }
    if (type == u"index"_s) {
        const QJsonValue index = s.value("value"_L1).toObject().value("value"_L1);
        if (value.isArray() && index.isDouble()) {
            QJsonArray array = value.toArray();
            const qsizetype i = qsizetype(index.toDouble());
            if (i >= 0 && i < array.size()) {
                array.replace(i, redactPath(array.at(i), path, step + 1, count));
            }
            return array;
        }
        if (value.isObject() && index.isString()) {
            QJsonObject object = value.toObject();
            const QString key = index.toString();
            if (object.contains(key)) {
                object.insert(key, redactPath(object.value(key), path, step + 1, count));
            }
            return object;
        }
    }
    // A step this parser does not know: the whole value goes, rather than a secret staying.
    ++*count;
    return QJsonValue(QString(redactedValue));
}

QString compact(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    QJsonArray wrapper{value};
    QByteArray json = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString indexText(const QJsonValue &key)
{
    if (key.isDouble()) {
        return QString::number(qint64(key.toDouble()));
    }
    return key.toString();
}

QString withIndex(const QString &address, const QJsonValue &key)
{
    if (key.isDouble()) {
        return address + u'[' + QString::number(qint64(key.toDouble())) + u']';
    }
    if (key.isString()) {
        return address + u"[\""_s + key.toString() + u"\"]"_s;
    }
    return address;
}

QList<Output> readOutputs(const QJsonObject &outputs)
{
    QList<Output> out;
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        Output output;
        output.name = it.key();
        output.sensitive = o.value("sensitive"_L1).toBool();
        output.type = compact(o.value("type"_L1));
        if (!output.sensitive) {
            int ignored = 0;
            output.value = compact(redactByConvention(o.value("value"_L1), &ignored));
        }
        out.append(output);
    }
    return out;
}

void readV4(const QJsonObject &root, const QByteArray &json, const QString &file, State &state)
{
    state.outputs = readOutputs(root.value("outputs"_L1).toObject());
    const QJsonArray resources = root.value("resources"_L1).toArray();
    qsizetype searchFrom = 0;
    for (qsizetype r = 0; r < resources.size(); ++r) {
        const QJsonObject resource = resources.at(r).toObject();
        const QString field = u"resources[%1]"_s.arg(r);
        const QString type = resource.value("type"_L1).toString();
        const QString name = resource.value("name"_L1).toString();
        const QByteArray needle = QByteArray("\"name\": \"") + name.toUtf8() + '"';
        const int line = lineOf(json, needle, searchFrom);
        if (line > 0) {
            searchFrom = json.indexOf(needle, searchFrom) + 1;
        }
        if (type.isEmpty() || name.isEmpty()) {
            state.warnings.append(stateError(file, tr("A resource without a type or name was skipped"), field, line));
            continue;
        }
        const QString module = resource.value("module"_L1).toString();
        const QString mode = resource.value("mode"_L1).toString(u"managed"_s);
        QString address = (mode == u"data"_s ? u"data."_s : QString()) + type + u'.' + name;
        if (!module.isEmpty()) {
            address = module + u'.' + address;
        }
        QString provider = resource.value("provider"_L1).toString();
        // provider["registry.terraform.io/hashicorp/aws"] or provider["..."].alias
        static const QRegularExpression quoted(uR"re(provider\["([^"]+)"\])re"_s);
        if (const auto m = quoted.match(provider); m.hasMatch()) {
            provider = m.captured(1);
        }
        const QJsonArray instances = resource.value("instances"_L1).toArray();
        for (qsizetype i = 0; i < instances.size(); ++i) {
            const QJsonObject object = instances.at(i).toObject();
            Instance instance;
            instance.module = module;
            instance.mode = mode;
            instance.type = type;
            instance.name = name;
            instance.provider = provider;
            instance.resourceAddress = address;
            const QJsonValue key = object.value("index_key"_L1);
            instance.indexKey = indexText(key);
            instance.address = withIndex(address, key);
            instance.deposed = object.value("deposed"_L1).toString();
            instance.tainted = object.value("status"_L1).toString() == u"tainted"_s;
            QJsonValue attributes = object.value("attributes"_L1);
            if (!attributes.isObject()) {
                attributes = object.value("attributes_flat"_L1); // 0.11-era values upgraded in place
            }
            if (!attributes.isObject() && !attributes.isUndefined() && !attributes.isNull()) {
                state.warnings.append(stateError(
                    file, tr("The attributes of %1 are not an object; shown without them").arg(instance.address),
                    field + u".instances[%1].attributes"_s.arg(i), line));
                attributes = QJsonObject();
            }
            for (const QJsonValue &path : object.value("sensitive_attributes"_L1).toArray()) {
                attributes = redactPath(attributes, path.toArray(), 0, &instance.redactedCount);
            }
            attributes = redactByConvention(attributes, &instance.redactedCount);
            instance.attributes = QCborMap::fromJsonObject(attributes.toObject());
            for (const QJsonValue &d : object.value("dependencies"_L1).toArray()) {
                instance.dependencies.append(d.toString());
            }
            state.instances.append(std::move(instance));
        }
    }
}

// Version 3: modules[] with a path, resources keyed "type.name[.index]" or "data.type.name", flat attributes.
void readV3(const QJsonObject &root, const QString &file, State &state)
{
    Error w = stateError(file,
                         tr("The state file has format version 3 (Terraform 0.11 or older); it is read as written, "
                            "and `terraform apply` with Terraform 0.12 or later upgrades it to version 4"),
                         u"version"_s, 2);
    w.severity = Error::Severity::Warning;
    state.warnings.append(w);
    const QJsonArray modules = root.value("modules"_L1).toArray();
    for (qsizetype m = 0; m < modules.size(); ++m) {
        const QJsonObject module = modules.at(m).toObject();
        QStringList parts;
        const QJsonArray path = module.value("path"_L1).toArray();
        for (qsizetype p = 1; p < path.size(); ++p) { // path[0] is "root"
            parts.append(u"module."_s + path.at(p).toString());
        }
        const QString moduleAddress = parts.join(u'.');
        if (moduleAddress.isEmpty()) {
            state.outputs.append(readOutputs(module.value("outputs"_L1).toObject()));
        }
        const QJsonObject resources = module.value("resources"_L1).toObject();
        for (auto it = resources.begin(); it != resources.end(); ++it) {
            QStringList key = it.key().split(u'.');
            Instance instance;
            instance.mode = u"managed"_s;
            if (key.value(0) == u"data"_s) {
                instance.mode = u"data"_s;
                key.removeFirst();
            }
            if (key.size() < 2) {
                state.warnings.append(stateError(file, tr("A resource key %1 is not type.name; skipped").arg(it.key()),
                                                 u"modules[%1].resources"_s.arg(m)));
                continue;
            }
            const QJsonObject resource = it.value().toObject();
            instance.type = resource.value("type"_L1).toString(key.at(0));
            instance.name = key.at(1);
            instance.module = moduleAddress;
            instance.provider = resource.value("provider"_L1).toString();
            QString address = (instance.mode == u"data"_s ? u"data."_s : QString()) + key.at(0) + u'.' + key.at(1);
            if (!moduleAddress.isEmpty()) {
                address = moduleAddress + u'.' + address;
            }
            instance.resourceAddress = address;
            instance.address = address;
            if (key.size() > 2) {
                instance.indexKey = key.at(2);
                instance.address = address + u'[' + key.at(2) + u']';
            }
            const QJsonObject primary = resource.value("primary"_L1).toObject();
            instance.tainted = primary.value("tainted"_L1).toBool();
            const QJsonValue attributes =
                redactByConvention(primary.value("attributes"_L1).toObject(), &instance.redactedCount);
            instance.attributes = QCborMap::fromJsonObject(attributes.toObject());
            for (const QJsonValue &d : resource.value("depends_on"_L1).toArray()) {
                instance.dependencies.append(d.toString());
            }
            state.instances.append(std::move(instance));
        }
    }
}

} // namespace

bool isSecretName(QStringView name)
{
    static const QRegularExpression secret(
        uR"((^|_)(password|passwd|secret|secrets|token|private_key|privatekey|api_key|apikey|access_key|secret_key|)"
        uR"(client_secret|credential|credentials|connection_string|key_raw|raw_key|sas_token|auth_token|)"
        uR"(keys|key_material|kubeconfig|kube_config|client_key|client_certificate|password_data|master_key)(_|$))"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression notSecret(uR"((_id|_arn|_name|_version|_type|_length|_wo_version)$)"_s,
                                              QRegularExpression::CaseInsensitiveOption);
    return secret.match(name).hasMatch() && !notSecret.match(name).hasMatch();
}

QString attributesDigest(const Instance &instance)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QCborValue(instance.attributes).toCbor());
    hash.addData(instance.tainted ? "t" : "-");
    return QString::fromLatin1(hash.result().toHex().left(24));
}

Result<State> parse(const QByteArray &json, const QString &file)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Error e = stateError(file, tr("The state file is not JSON: %1").arg(parseError.errorString()), QString(),
                             int(json.left(parseError.offset).count('\n')) + 1);
        return e;
    }
    if (!doc.isObject()) {
        return stateError(file, tr("The state file is not a JSON object"));
    }
    const QJsonObject root = doc.object();
    const QJsonValue version = root.value("version"_L1);
    if (!version.isDouble()) {
        if (root.contains("format_version"_L1) && root.contains("values"_L1)) {
            return stateError(file,
                              tr("This is the output of `terraform show -json`, not a state file; point the source at "
                                 "the state itself (terraform.tfstate, or `terraform state pull`)"),
                              u"format_version"_s, lineOf(json, "\"format_version\""));
        }
        return stateError(file, tr("The file is not a Terraform state: it has no numeric \"version\""), u"version"_s,
                          lineOf(json, "\"version\""));
    }
    State state;
    state.version = version.toInt();
    if (state.version != 3 && state.version != 4) {
        return stateError(
            file, tr("The state file has format version %1; Portolan reads versions 3 and 4").arg(state.version),
            u"version"_s, lineOf(json, "\"version\""));
    }
    state.terraformVersion = root.value("terraform_version"_L1).toString();
    static const QRegularExpression semver(uR"(^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$)"_s);
    if (state.version == 4 && !semver.match(state.terraformVersion).hasMatch()) {
        return stateError(file,
                          tr("\"terraform_version\" is \"%1\", which is not a Terraform version; the state is "
                             "damaged or was not written by Terraform")
                              .arg(state.terraformVersion),
                          u"terraform_version"_s, lineOf(json, "\"terraform_version\""));
    }
    state.serial = qint64(root.value("serial"_L1).toDouble());
    state.lineage = root.value("lineage"_L1).toString();
    const QLatin1StringView container = state.version == 4 ? "resources"_L1 : "modules"_L1;
    if (root.contains(container) && !root.value(container).isArray()) {
        return stateError(file, tr("\"%1\" is not a list").arg(container), container,
                          lineOf(json, "\"" + QByteArray(container.data(), container.size()) + "\""));
    }
    if (state.version == 4) {
        readV4(root, json, file, state);
    } else {
        readV3(root, file, state);
    }
    return state;
}

} // namespace Portolan::Core::Terraform
