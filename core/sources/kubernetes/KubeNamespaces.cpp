#include "KubeNamespaces.h"

#include "catalog/ParsedDocument.h"
#include "catalog/Validator.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Portolan::Core::KubeNamespaces {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("KubeNamespaces", text);
}

} // namespace

const KubeResource &resource()
{
    static const KubeResource namespaces{KubeKind::Namespace, {}, u"v1"_s, u"namespaces"_s, {}};
    return namespaces;
}

bool hasTimeToLive(const QJsonObject &object)
{
    const QJsonObject labels = object.value("metadata"_L1).toObject().value("labels"_L1).toObject();
    return labels.contains(ttlLabel.toString()) || labels.contains(expiresLabel.toString());
}

Mapped entityOf(const QJsonObject &object, const QString &name, const QString &context, const QString &contextDisplay,
                const QString &sourceId)
{
    Mapped mapped;
    const QJsonObject metadata = object.value("metadata"_L1).toObject();
    const QJsonObject labels = metadata.value("labels"_L1).toObject();
    const QJsonObject objectAnnotations = metadata.value("annotations"_L1).toObject();
    const QString ns = metadata.value("name"_L1).toString();
    const QString where = u"kubernetes:%1/namespaces/%2"_s.arg(context, ns);
    const auto problem = [&](const QString &label, const QString &message) {
        Error e = makeError(Error::Code::Validation, message);
        e.file = where;
        e.field = u"metadata.labels."_s + label;
        mapped.problems.append(e);
    };

    QJsonObject annotations{{contextAnnotation.toString(), context},
                            {u"backstage.io/kubernetes-namespace"_s, ns},
                            {u"backstage.io/managed-by-location"_s, where}};
    const QString created = metadata.value("creationTimestamp"_L1).toString();
    if (labels.contains(ttlLabel.toString())) {
        annotations.insert(ttlLabel.toString(), labels.value(ttlLabel.toString()).toString());
        annotations.insert(u"portolan.dev/created-at"_s, created);
    }
    if (labels.contains(expiresLabel.toString())) {
        const QString value = labels.value(expiresLabel.toString()).toString();
        bool number = false;
        const qint64 seconds = value.toLongLong(&number);
        if (number && seconds > 0) {
            annotations.insert(expiresLabel.toString(),
                               QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate));
        } else {
            problem(expiresLabel.toString(),
                    tr("The label %1 of the namespace %2 on %3 is \"%4\", not seconds since the epoch")
                        .arg(expiresLabel.toString(), ns, contextDisplay, value));
        }
    }
    QString owner = objectAnnotations.value(ownerKey.toString()).toString();
    if (owner.isEmpty()) {
        owner = labels.value(ownerKey.toString()).toString();
    }
    const QString phase = object.value("status"_L1).toObject().value("phase"_L1).toString();
    QJsonObject envelope{
        {u"apiVersion"_s, u"backstage.io/v1alpha1"_s},
        {u"kind"_s, u"Resource"_s},
        {u"metadata"_s,
         QJsonObject{{u"name"_s, name},
                     {u"namespace"_s, u"default"_s},
                     {u"title"_s, u"%1 (%2)"_s.arg(ns, contextDisplay)},
                     {u"description"_s, phase.isEmpty()
                                            ? tr("Kubernetes namespace %1 on %2").arg(ns, contextDisplay)
                                            : tr("Kubernetes namespace %1 on %2 (%3)").arg(ns, contextDisplay, phase)},
                     {u"annotations"_s, annotations}}},
        {u"spec"_s,
         QJsonObject{{u"type"_s, namespaceType.toString()}, {u"owner"_s, owner.isEmpty() ? u"unknown"_s : owner}}},
    };
    ParsedDocument doc;
    doc.root = QCborMap::fromJsonObject(envelope);
    doc.raw = QJsonDocument(envelope).toJson(QJsonDocument::Indented);
    doc.file = where;
    const ErrorList errors = Validator::validate(doc);
    mapped.problems += errors;
    if (std::any_of(errors.cbegin(), errors.cend(), [](const Error &e) { return e.isError(); })) {
        return mapped;
    }
    Entity entity = Entity::fromEnvelope(doc.root);
    entity.raw = std::move(doc.raw);
    entity.origin.sourceId = sourceId;
    entity.origin.file = where;
    entity.origin.revision = metadata.value("resourceVersion"_L1).toString();
    mapped.entity = std::move(entity);
    return mapped;
}

} // namespace Portolan::Core::KubeNamespaces
