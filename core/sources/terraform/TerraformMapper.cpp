#include "TerraformMapper.h"

#include "catalog/ParsedDocument.h"
#include "catalog/Validator.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Portolan::Core::Terraform {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TerraformMapper", text);
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray()) {
        out.append(v.toString());
    }
    return out;
}

// "null_resource.foo.*", "null_resource.foo.1" (version 3), "module.a.aws_x.y" -> the resource address.
QString dependencyAddress(QString address)
{
    static const QRegularExpression suffix(uR"((\.\*|\.\d+|\[[^\]]*\])$)"_s);
    return address.remove(suffix);
}

// A provider address's short name: registry.terraform.io/hashicorp/aws -> aws; provider.aws -> aws.
QString providerName(const QString &provider)
{
    QString name = provider.section(u'/', -1);
    if (name.startsWith(u"provider."_s)) {
        name = name.mid(9);
    }
    return name.section(u'.', 0, 0).trimmed().toLower();
}

// Which components link to which instances: (workspace or empty, address prefix) -> component refs.
struct AnnotationRule
{
    QString workspace;
    QString prefix;
    QString component;
};

QList<AnnotationRule> annotationRules(const Catalog::Ptr &catalog)
{
    QList<AnnotationRule> rules;
    if (!catalog) {
        return rules;
    }
    for (const Entity &entity : catalog->entities()) {
        const QString value = entity.annotation(QString(resourcesAnnotation));
        if (value.isEmpty()) {
            continue;
        }
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            const QString item = part.trimmed();
            AnnotationRule rule;
            rule.component = entity.refString();
            // A workspace name has no '.' and comes before the first ':'; an address never has ':' outside quotes.
            const qsizetype colon = item.indexOf(u':');
            if (colon > 0 && !item.left(colon).contains(u'.') && !item.left(colon).contains(u'"')) {
                rule.workspace = item.left(colon);
                rule.prefix = item.mid(colon + 1).trimmed();
            } else {
                rule.prefix = item;
            }
            if (!rule.prefix.isEmpty()) {
                rules.append(rule);
            }
        }
    }
    return rules;
}

bool matchesPrefix(const QString &address, const QString &prefix)
{
    return address == prefix || address.startsWith(prefix + u'.') || address.startsWith(prefix + u'[');
}

QString tagValue(const QCborMap &attributes, const QString &key)
{
    for (const auto field : {"tags"_L1, "labels"_L1, "tags_all"_L1}) {
        const QCborValue map = attributes.value(field);
        if (map.isMap()) {
            const QString value = map.toMap().value(key).toString().trimmed();
            if (!value.isEmpty()) {
                return value;
            }
        }
    }
    return {};
}

// Keeps the entity's spec small: scalars as they are, long strings cut, nested values as they are (they are shown
// folded).
QCborMap keyAttributes(const QCborMap &attributes)
{
    QCborMap out;
    for (auto it = attributes.constBegin(); it != attributes.constEnd(); ++it) {
        const QCborValue v = it.value();
        if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty())) {
            continue;
        }
        if (v.isString() && v.toString().size() > 300) {
            out.insert(it.key(), QString(v.toString().left(300) + u"…"_s));
        } else {
            out.insert(it.key(), v);
        }
    }
    return out;
}

std::optional<Entity> validated(const QCborMap &envelope, const QString &file, const QString &sourceId,
                                const QString &revision, ErrorList *problems)
{
    ParsedDocument doc;
    doc.root = envelope;
    doc.raw = QJsonDocument(envelope.toJsonObject()).toJson(QJsonDocument::Indented);
    doc.file = file;
    const ErrorList errors = Validator::validate(doc);
    problems->append(errors);
    if (std::any_of(errors.cbegin(), errors.cend(), [](const Error &e) { return e.isError(); })) {
        return std::nullopt;
    }
    Entity entity = Entity::fromEnvelope(doc.root);
    entity.raw = std::move(doc.raw);
    entity.origin.sourceId = sourceId;
    entity.origin.file = file;
    entity.origin.revision = revision;
    return entity;
}

} // namespace

QJsonObject Changes::toJson() const
{
    return {{"fromSerial"_L1, double(fromSerial)},
            {"toSerial"_L1, double(toSerial)},
            {"created"_L1, toArray(created)},
            {"modified"_L1, toArray(modified)},
            {"destroyed"_L1, toArray(destroyed)}};
}

Changes Changes::fromJson(const QJsonObject &object)
{
    Changes c;
    c.fromSerial = qint64(object.value("fromSerial"_L1).toDouble(-1));
    c.toSerial = qint64(object.value("toSerial"_L1).toDouble(-1));
    c.created = toList(object.value("created"_L1));
    c.modified = toList(object.value("modified"_L1));
    c.destroyed = toList(object.value("destroyed"_L1));
    return c;
}

QJsonObject Snapshot::toJson() const
{
    QJsonObject digestObject;
    for (auto it = digests.cbegin(); it != digests.cend(); ++it) {
        digestObject.insert(it.key(), it.value());
    }
    return {{"lineage"_L1, lineage},
            {"serial"_L1, double(serial)},
            {"digests"_L1, digestObject},
            {"changes"_L1, changes.toJson()}};
}

Snapshot Snapshot::fromJson(const QJsonObject &object)
{
    Snapshot s;
    s.lineage = object.value("lineage"_L1).toString();
    s.serial = qint64(object.value("serial"_L1).toDouble(-1));
    const QJsonObject digestObject = object.value("digests"_L1).toObject();
    for (auto it = digestObject.begin(); it != digestObject.end(); ++it) {
        s.digests.insert(it.key(), it.value().toString());
    }
    s.changes = Changes::fromJson(object.value("changes"_L1).toObject());
    return s;
}

Snapshot advance(const Snapshot &previous, const State &state)
{
    Snapshot next;
    next.lineage = state.lineage;
    next.serial = state.serial;
    for (const Instance &instance : state.instances) {
        if (instance.mode == u"managed"_s) {
            next.digests.insert(instance.address, attributesDigest(instance));
        }
    }
    if (previous.serial >= 0 && previous.lineage == state.lineage && previous.serial == state.serial) {
        next.changes = previous.changes;
        return next;
    }
    next.changes.toSerial = state.serial;
    if (previous.serial < 0 || previous.lineage != state.lineage) {
        return next; // a first read, or a different state altogether: nothing to compare with
    }
    next.changes.fromSerial = previous.serial;
    for (auto it = next.digests.cbegin(); it != next.digests.cend(); ++it) {
        const auto before = previous.digests.constFind(it.key());
        if (before == previous.digests.cend()) {
            next.changes.created.append(it.key());
        } else if (before.value() != it.value()) {
            next.changes.modified.append(it.key());
        }
    }
    for (auto it = previous.digests.cbegin(); it != previous.digests.cend(); ++it) {
        if (!next.digests.contains(it.key())) {
            next.changes.destroyed.append(it.key());
        }
    }
    next.changes.created.sort();
    next.changes.modified.sort();
    next.changes.destroyed.sort();
    return next;
}

QString entityName(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool pendingSeparator = false;
    QChar separator;
    for (const QChar c : text) {
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        if (alnum) {
            if (pendingSeparator && !out.isEmpty()) {
                out.append(separator);
            }
            pendingSeparator = false;
            out.append(c);
        } else if (!pendingSeparator) {
            pendingSeparator = true;
            separator = (c == u'.' || c == u'_' || c == u'-') ? c : u'-';
        }
    }
    if (out.size() <= 63) {
        return out;
    }
    // Too long: a prefix and a digest of the whole keep names unique and readable.
    const QString digest =
        QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
    QString head = out.left(54);
    while (!head.isEmpty() && !head.back().isLetterOrNumber()) {
        head.chop(1);
    }
    return head + u'-' + digest;
}

QString instanceEntityName(const QString &workspace, const QString &address)
{
    return entityName(workspace + u'.' + address);
}

std::vector<Entity> map(const WorkspaceState &workspace, const Changes &changes, const MapOptions &options,
                        const Catalog::Ptr &catalog, ErrorList *problems)
{
    std::vector<Entity> out;
    const State &state = workspace.state;
    const QString wsName = entityName(workspace.name);
    const QString wsRef = u"resource:"_s + wsName;
    const QString revision = u"serial %1"_s.arg(state.serial);
    const QList<AnnotationRule> rules = annotationRules(catalog);

    // Instances by resource address, for dependencies (which name resources, not instances).
    QHash<QString, QStringList> byResource;
    for (const Instance &instance : state.instances) {
        if (instance.mode == u"managed"_s || options.dataSources) {
            byResource[instance.resourceAddress].append(instanceEntityName(workspace.name, instance.address));
        }
    }
    const QSet<QString> created(changes.created.cbegin(), changes.created.cend());
    const QSet<QString> modified(changes.modified.cbegin(), changes.modified.cend());

    int count = 0;
    for (const Instance &instance : state.instances) {
        if (instance.mode != u"managed"_s && !options.dataSources) {
            continue;
        }
        ++count;
        const QString name = instanceEntityName(workspace.name, instance.address);
        QCborMap annotations{{u"terraform.io/workspace"_s, workspace.name},
                             {u"terraform.io/address"_s, instance.address}};
        if (!instance.provider.isEmpty()) {
            annotations.insert(u"terraform.io/provider"_s, instance.provider);
        }
        QCborArray tags{u"terraform"_s};
        if (const QString provider = providerName(instance.provider); Validator::isValidTag(provider)) {
            tags.append(provider);
        }
        QCborMap metadata{{u"name"_s, name},
                          {u"title"_s, instance.address},
                          {u"description"_s, tr("%1 in the Terraform workspace %2").arg(instance.type, workspace.name)},
                          {u"annotations"_s, annotations},
                          {u"tags"_s, tags}};
        if (Validator::isValidLabelValue(workspace.name)) {
            metadata.insert(u"labels"_s, QCborMap{{u"terraform.io/workspace"_s, workspace.name}});
        }
        if (!workspace.pageUrl.isEmpty()) {
            metadata.insert(u"links"_s, QCborArray{QCborMap{{u"url"_s, workspace.pageUrl},
                                                            {u"title"_s, tr("Terraform workspace")},
                                                            {u"icon"_s, u"dashboard"_s}}});
        }

        QStringList dependencyOf{wsRef};
        if (!options.linkTag.isEmpty()) {
            if (const QString component = tagValue(instance.attributes, options.linkTag); !component.isEmpty()) {
                const auto parsed = EntityRef::parse(component, u"component"_s, defaultNamespaceString());
                if (parsed.ok()) {
                    dependencyOf.append(parsed.value().toString());
                } else {
                    Error e = makeError(Error::Code::Reference,
                                        tr("The tag %1 of %2 is \"%3\", which is not a component name")
                                            .arg(options.linkTag, instance.address, component));
                    e.severity = Error::Severity::Warning;
                    e.file = workspace.location;
                    e.field = u"tags."_s + options.linkTag;
                    problems->append(e);
                }
            }
        }
        for (const AnnotationRule &rule : rules) {
            if ((rule.workspace.isEmpty() || rule.workspace == workspace.name)
                && matchesPrefix(instance.address, rule.prefix) && !dependencyOf.contains(rule.component)) {
                dependencyOf.append(rule.component);
            }
        }
        QStringList dependsOn;
        for (const QString &dependency : instance.dependencies) {
            for (const QString &target : byResource.value(dependencyAddress(dependency))) {
                if (target != name && !dependsOn.contains(u"resource:"_s + target)) {
                    dependsOn.append(u"resource:"_s + target);
                }
            }
        }
        QCborMap terraform{{u"workspace"_s, workspace.name},
                           {u"address"_s, instance.address},
                           {u"mode"_s, instance.mode},
                           {u"provider"_s, instance.provider},
                           {u"attributes"_s, keyAttributes(instance.attributes)}};
        if (!instance.module.isEmpty()) {
            terraform.insert(u"module"_s, instance.module);
        }
        if (!instance.indexKey.isEmpty()) {
            terraform.insert(u"index"_s, instance.indexKey);
        }
        if (instance.tainted) {
            terraform.insert(u"tainted"_s, true);
        }
        if (!instance.deposed.isEmpty()) {
            terraform.insert(u"deposed"_s, instance.deposed);
        }
        if (instance.redactedCount > 0) {
            terraform.insert(u"redacted"_s, instance.redactedCount);
        }
        if (created.contains(instance.address)) {
            terraform.insert(u"change"_s, u"created"_s);
        } else if (modified.contains(instance.address)) {
            terraform.insert(u"change"_s, u"modified"_s);
        }
        QCborMap spec{{u"type"_s, instance.type},
                      {u"owner"_s, options.owner},
                      {u"dependencyOf"_s, QCborArray::fromStringList(dependencyOf)},
                      {u"terraform"_s, terraform}};
        if (!dependsOn.isEmpty()) {
            spec.insert(u"dependsOn"_s, QCborArray::fromStringList(dependsOn));
        }
        if (!options.system.isEmpty()) {
            spec.insert(u"system"_s, options.system);
        }
        const QCborMap envelope{{u"apiVersion"_s, u"backstage.io/v1alpha1"_s},
                                {u"kind"_s, u"Resource"_s},
                                {u"metadata"_s, metadata},
                                {u"spec"_s, spec}};
        if (auto entity = validated(envelope, workspace.location, options.sourceId, revision, problems)) {
            out.push_back(std::move(*entity));
        }
    }

    QCborArray outputs;
    for (const Output &output : state.outputs) {
        QCborMap o{{u"name"_s, output.name}, {u"type"_s, output.type}};
        if (output.sensitive) {
            o.insert(u"sensitive"_s, true);
        } else {
            o.insert(u"value"_s, output.value.size() > 300 ? output.value.left(300) + u"…"_s : output.value);
        }
        outputs.append(o);
    }
    QCborMap terraform{{u"workspace"_s, workspace.name},
                       {u"location"_s, workspace.location},
                       {u"terraformVersion"_s, state.terraformVersion},
                       {u"formatVersion"_s, state.version},
                       {u"serial"_s, state.serial},
                       {u"lineage"_s, state.lineage},
                       {u"resources"_s, count},
                       {u"outputs"_s, outputs},
                       {u"changes"_s, QCborValue::fromJsonValue(changes.toJson())}};
    QCborMap spec{{u"type"_s, u"terraform-workspace"_s}, {u"owner"_s, options.owner}, {u"terraform"_s, terraform}};
    if (!options.system.isEmpty()) {
        spec.insert(u"system"_s, options.system);
    }
    QCborMap metadata{
        {u"name"_s, wsName},
        {u"title"_s, tr("Terraform workspace %1").arg(workspace.name)},
        {u"description"_s,
         QCoreApplication::translate("TerraformMapper", "%n resource(s) managed by Terraform %1", nullptr, count)
             .arg(state.terraformVersion)},
        {u"annotations"_s, QCborMap{{u"terraform.io/workspace"_s, workspace.name}}},
        {u"tags"_s, QCborArray{u"terraform"_s}}};
    if (!workspace.pageUrl.isEmpty()) {
        metadata.insert(u"links"_s, QCborArray{QCborMap{{u"url"_s, workspace.pageUrl},
                                                        {u"title"_s, tr("Terraform workspace")},
                                                        {u"icon"_s, u"dashboard"_s}}});
    }
    const QCborMap envelope{{u"apiVersion"_s, u"backstage.io/v1alpha1"_s},
                            {u"kind"_s, u"Resource"_s},
                            {u"metadata"_s, metadata},
                            {u"spec"_s, spec}};
    if (auto entity = validated(envelope, workspace.location, options.sourceId, revision, problems)) {
        out.push_back(std::move(*entity));
    }
    return out;
}

} // namespace Portolan::Core::Terraform
