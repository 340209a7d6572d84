#include "Validator.h"

#include "model/EntityRef.h"
#include "model/KindSchema.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Portolan::Core::Validator {

namespace {

bool isLowerAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

bool isAlnum(QChar c)
{
    return isLowerAlnum(c) || (c >= u'A' && c <= u'Z');
}

// value = prefix "/" suffix, or just suffix (Backstage's isValidPrefixAndOrSuffix).
template<typename Prefix, typename Suffix>
bool prefixAndOrSuffix(QStringView value, Prefix prefixOk, Suffix suffixOk)
{
    const qsizetype slash = value.indexOf(u'/');
    if (slash == -1) {
        return suffixOk(value);
    }
    if (value.indexOf(u'/', slash + 1) != -1) {
        return false;
    }
    return prefixOk(value.first(slash)) && suffixOk(value.mid(slash + 1));
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Validator", text);
}

QString typeName(const QCborValue &v)
{
    if (v.isString()) {
        return u"string"_s;
    }
    if (v.isMap()) {
        return u"object"_s;
    }
    if (v.isArray()) {
        return u"array"_s;
    }
    if (v.isNull() || v.isUndefined()) {
        return u"null"_s;
    }
    if (v.isBool()) {
        return u"boolean"_s;
    }
    if (v.isInteger() || v.isDouble()) {
        return u"number"_s;
    }
    return u"value"_s;
}

QString shown(const QCborValue &v)
{
    if (v.isString()) {
        return v.toString();
    }
    if (v.isInteger()) {
        return QString::number(v.toInteger());
    }
    if (v.isDouble()) {
        return QString::number(v.toDouble());
    }
    if (v.isBool()) {
        return v.toBool() ? u"true"_s : u"false"_s;
    }
    return typeName(v);
}

class Checker
{
public:
    explicit Checker(const ParsedDocument &doc)
        : m_doc(doc)
    { }

    void add(const QString &field, const QString &message, Error::Severity severity = Error::Severity::Error,
             Error::Code code = Error::Code::Validation)
    {
        Error e;
        e.code = code;
        e.severity = severity;
        e.message = message;
        e.file = m_doc.file;
        e.field = field;
        const TextPosition pos = field.isEmpty() ? m_doc.start : m_doc.positionOf(field);
        e.line = pos.line;
        e.column = pos.column;
        e.entityRef = m_ref;
        m_errors.append(e);
    }

    // Backstage's FieldFormatEntityPolicy wording.
    void invalidFormat(const QString &field, const QCborValue &value, const QString &expectation)
    {
        add(field, tr("\"%1\" is not valid; expected %2 but found \"%3\"").arg(field, expectation, shown(value)));
    }

    void wrongType(const QString &field, const QCborValue &value, const QString &expected)
    {
        add(field, tr("\"%1\" must be %2, but is %3").arg(field, expected, typeName(value)));
    }

    void run();

    ErrorList m_errors;

private:
    void checkMetadata(const QCborMap &metadata);
    void checkSpec(const KindSchema &schema, const QString &apiVersion, const QCborValue &specValue, const QString &ns);
    void checkRef(const QString &field, const QCborValue &value, const SpecField &rule, const QString &ns);

    const ParsedDocument &m_doc;
    QString m_ref;
};

const QString objectNameExpectation()
{
    return tr("a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total");
}

void Checker::run()
{
    const QCborMap &root = m_doc.root;
    static const QStringList allowedRoot = {u"apiVersion"_s, u"kind"_s,      u"metadata"_s,
                                            u"spec"_s,       u"relations"_s, u"status"_s};

    const QCborValue apiVersion = root.value("apiVersion"_L1);
    const QCborValue kind = root.value("kind"_L1);
    const QCborValue metadata = root.value("metadata"_L1);
    QString ns = defaultNamespace.toString();
    if (metadata.isMap()) {
        const QCborMap m = metadata.toMap();
        const QCborValue name = m.value("name"_L1);
        const QCborValue nsValue = m.value("namespace"_L1);
        if (nsValue.isString() && !nsValue.toString().isEmpty()) {
            ns = nsValue.toString();
        }
        if (kind.isString() && name.isString()) {
            m_ref = EntityRef{kind.toString(), ns, name.toString()}.toString();
        }
    }

    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        const QString key = it.key().toString();
        if (!allowedRoot.contains(key)) {
            add(key, tr("Unknown root field \"%1\"; an entity has only apiVersion, kind, metadata and spec").arg(key));
        }
    }

    if (apiVersion.isUndefined()) {
        add(QString(), tr("Missing required field \"apiVersion\""));
    } else if (!apiVersion.isString()) {
        wrongType(u"apiVersion"_s, apiVersion, tr("a string"));
    } else if (!isValidApiVersion(apiVersion.toString())) {
        invalidFormat(u"apiVersion"_s, apiVersion, tr("a valid prefix and/or suffix"));
    }

    if (kind.isUndefined()) {
        add(QString(), tr("Missing required field \"kind\""));
    } else if (!kind.isString()) {
        wrongType(u"kind"_s, kind, tr("a string"));
    } else if (!isValidKind(kind.toString())) {
        invalidFormat(u"kind"_s, kind,
                      tr("a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total"));
    }

    if (metadata.isUndefined()) {
        add(QString(), tr("Missing required field \"metadata\""));
    } else if (!metadata.isMap()) {
        wrongType(u"metadata"_s, metadata, tr("an object"));
    } else {
        checkMetadata(metadata.toMap());
    }

    const QCborValue spec = root.value("spec"_L1);
    if (!spec.isUndefined() && !spec.isMap()) {
        wrongType(u"spec"_s, spec, tr("an object"));
        return;
    }
    if (!kind.isString()) {
        return;
    }
    const KindSchema *schema = kindSchema(kind.toString());
    if (!schema) {
        return; // unknown kinds are kept as written
    }
    if (QStringView(kind.toString()) != schema->kind) {
        add(u"kind"_s, tr("Kind \"%1\" is not a known kind; did you mean \"%2\"? Kinds are case-sensitive")
                           .arg(kind.toString(), QString(schema->kind)));
        return;
    }
    if (apiVersion.isString() && !schema->apiVersions.contains(apiVersion.toString())) {
        QStringList expected;
        for (QLatin1StringView v : schema->apiVersions) {
            expected.append(v);
        }
        add(u"apiVersion"_s, tr("apiVersion \"%1\" is not supported for kind %2; expected %3")
                                 .arg(apiVersion.toString(), kind.toString(), expected.join(u" or "_s)));
    }
    if (spec.isUndefined()) {
        add(QString(), tr("Missing required field \"spec\" for kind %1").arg(kind.toString()));
        return;
    }
    checkSpec(*schema, apiVersion.toString(), spec, ns);
}

void Checker::checkMetadata(const QCborMap &metadata)
{
    const QCborValue name = metadata.value("name"_L1);
    if (name.isUndefined()) {
        add(u"metadata"_s, tr("Missing required field \"metadata.name\""));
    } else if (!name.isString()) {
        wrongType(u"metadata.name"_s, name, tr("a string"));
    } else if (!isValidObjectName(name.toString())) {
        invalidFormat(u"metadata.name"_s, name, objectNameExpectation());
    }

    const QCborValue ns = metadata.value("namespace"_L1);
    if (!ns.isUndefined()) {
        if (!ns.isString()) {
            wrongType(u"metadata.namespace"_s, ns, tr("a string"));
        } else if (!isValidNamespace(ns.toString())) {
            invalidFormat(u"metadata.namespace"_s, ns,
                          tr("a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in "
                             "total"));
        }
    }
    for (const auto field : {"title"_L1, "description"_L1, "uid"_L1, "etag"_L1}) {
        const QCborValue v = metadata.value(field);
        if (!v.isUndefined() && !v.isString()) {
            wrongType(u"metadata."_s + field, v, tr("a string"));
        }
    }

    const QCborValue labels = metadata.value("labels"_L1);
    if (!labels.isUndefined()) {
        if (!labels.isMap()) {
            wrongType(u"metadata.labels"_s, labels, tr("an object"));
        } else {
            const QCborMap map = labels.toMap();
            for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
                const QString key = it.key().toString();
                const QString field = u"metadata.labels."_s + key;
                if (!isValidLabelKey(key)) {
                    invalidFormat(field, it.key(), tr("a valid prefix and/or suffix"));
                }
                if (!it.value().isString()) {
                    wrongType(field, it.value(), tr("a string"));
                } else if (!isValidLabelValue(it.value().toString())) {
                    invalidFormat(field, it.value(), objectNameExpectation());
                }
            }
        }
    }

    const QCborValue annotations = metadata.value("annotations"_L1);
    if (!annotations.isUndefined()) {
        if (!annotations.isMap()) {
            wrongType(u"metadata.annotations"_s, annotations, tr("an object"));
        } else {
            const QCborMap map = annotations.toMap();
            for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
                const QString key = it.key().toString();
                const QString field = u"metadata.annotations."_s + key;
                if (!isValidAnnotationKey(key)) {
                    invalidFormat(field, it.key(), tr("a valid prefix and/or suffix"));
                }
                if (!it.value().isString()) {
                    wrongType(field, it.value(), tr("a string"));
                }
            }
        }
    }

    const QCborValue tags = metadata.value("tags"_L1);
    if (!tags.isUndefined()) {
        if (!tags.isArray()) {
            wrongType(u"metadata.tags"_s, tags, tr("an array"));
        } else {
            const QCborArray arr = tags.toArray();
            for (qsizetype i = 0; i < arr.size(); ++i) {
                const QString field = u"metadata.tags[%1]"_s.arg(i);
                const QCborValue t = arr.at(i);
                if (!t.isString()) {
                    wrongType(field, t, tr("a string"));
                } else if (!isValidTag(t.toString())) {
                    invalidFormat(field, t,
                                  tr("a string that is sequences of [a-z0-9+#] separated by [-], at most 63 "
                                     "characters in total"));
                }
            }
        }
    }

    const QCborValue links = metadata.value("links"_L1);
    if (!links.isUndefined()) {
        if (!links.isArray()) {
            wrongType(u"metadata.links"_s, links, tr("an array"));
        } else {
            const QCborArray arr = links.toArray();
            for (qsizetype i = 0; i < arr.size(); ++i) {
                const QString field = u"metadata.links[%1]"_s.arg(i);
                const QCborValue l = arr.at(i);
                if (!l.isMap()) {
                    wrongType(field, l, tr("an object"));
                    continue;
                }
                const QCborMap m = l.toMap();
                const QCborValue url = m.value("url"_L1);
                if (url.isUndefined()) {
                    add(field, tr("Missing required field \"%1.url\"").arg(field));
                } else if (!url.isString() || !isValidUrl(url.toString())) {
                    invalidFormat(field + u".url"_s, url, tr("a string that is a valid url"));
                }
                for (const auto sub : {"title"_L1, "icon"_L1, "type"_L1}) {
                    const QCborValue v = m.value(sub);
                    if (!v.isUndefined() && !v.isString()) {
                        wrongType(field + u'.' + sub, v, tr("a string"));
                    }
                }
            }
        }
    }
}

void Checker::checkSpec(const KindSchema &schema, const QString &apiVersion, const QCborValue &specValue,
                        const QString &ns)
{
    const QCborMap spec = specValue.toMap();
    const QCborValue specType = spec.value("type"_L1);
    for (const SpecField &rule : schema.fields) {
        if (!rule.onlyApiVersions.isEmpty() && !rule.onlyApiVersions.contains(apiVersion)) {
            continue;
        }
        bool required = rule.required;
        if (!rule.requiredUnlessType.isEmpty() && specType.isString()
            && specType.toString() == QString(rule.requiredUnlessType)) {
            required = false;
        }
        if (!rule.requiredOnlyIfType.isEmpty()
            && !(specType.isString() && specType.toString() == QString(rule.requiredOnlyIfType))) {
            required = false;
        }
        const QString field = u"spec."_s + rule.name;
        const QCborValue v = spec.value(rule.name);
        if (v.isUndefined()) {
            if (required) {
                add(u"spec"_s, tr("Missing required field \"%1\" for kind %2").arg(field, QString(schema.kind)));
            }
            continue;
        }
        switch (rule.type) {
        case FieldType::String:
            if (!v.isString()) {
                wrongType(field, v, tr("a string"));
            } else if (v.toString().isEmpty()) {
                add(field, tr("\"%1\" must not be empty").arg(field));
            } else if (rule.relation) {
                checkRef(field, v, rule, ns);
            }
            break;
        case FieldType::StringList:
            if (!v.isArray()) {
                wrongType(field, v, tr("an array of strings"));
            } else {
                const QCborArray arr = v.toArray();
                for (qsizetype i = 0; i < arr.size(); ++i) {
                    const QString itemField = field + u'[' + QString::number(i) + u']';
                    if (!arr.at(i).isString() || arr.at(i).toString().isEmpty()) {
                        wrongType(itemField, arr.at(i), tr("a non-empty string"));
                    } else if (rule.relation) {
                        checkRef(itemField, arr.at(i), rule, ns);
                    }
                }
            }
            break;
        case FieldType::Object:
            if (!v.isMap()) {
                wrongType(field, v, tr("an object"));
            }
            break;
        case FieldType::Any:
            break;
        }
    }
}

void Checker::checkRef(const QString &field, const QCborValue &value, const SpecField &rule, const QString &ns)
{
    const auto parsed = EntityRef::parse(value.toString(), QString(rule.defaultTargetKind), ns);
    if (!parsed.ok()) {
        add(field, parsed.error().message, Error::Severity::Error, Error::Code::Reference);
    }
}

} // namespace

ErrorList validate(const ParsedDocument &document)
{
    Checker checker(document);
    if (document.root.isEmpty()) {
        checker.add(QString(), tr("The document is empty or not a mapping of fields"));
        return checker.m_errors;
    }
    checker.run();
    return checker.m_errors;
}

bool isValidDnsLabel(QStringView value)
{
    if (value.isEmpty() || value.size() > 63) {
        return false;
    }
    if (!isLowerAlnum(value.front()) || !isLowerAlnum(value.back())) {
        return false;
    }
    QChar prev;
    for (QChar c : value) {
        if (c == u'-') {
            if (prev == u'-') {
                return false; // Backstage's pattern separates runs of [a-z0-9] by single dashes
            }
        } else if (!isLowerAlnum(c)) {
            return false;
        }
        prev = c;
    }
    return true;
}

bool isValidDnsSubdomain(QStringView value)
{
    if (value.isEmpty() || value.size() > 253) {
        return false;
    }
    for (QStringView part : value.tokenize(u'.')) {
        if (!isValidDnsLabel(part)) {
            return false;
        }
    }
    return true;
}

bool isValidObjectName(QStringView value)
{
    if (value.isEmpty() || value.size() > 63) {
        return false;
    }
    if (!isAlnum(value.front()) || !isAlnum(value.back())) {
        return false;
    }
    for (QChar c : value) {
        if (!isAlnum(c) && c != u'-' && c != u'_' && c != u'.') {
            return false;
        }
    }
    return true;
}

bool isValidNamespace(QStringView value)
{
    return isValidDnsLabel(value);
}

bool isValidKind(QStringView value)
{
    if (value.isEmpty() || value.size() > 63) {
        return false;
    }
    const QChar first = value.front();
    if (!((first >= u'a' && first <= u'z') || (first >= u'A' && first <= u'Z'))) {
        return false;
    }
    for (QChar c : value) {
        if (!isAlnum(c)) {
            return false;
        }
    }
    return true;
}

bool isValidApiVersion(QStringView value)
{
    return prefixAndOrSuffix(value, isValidDnsSubdomain, [](QStringView v) {
        if (v.isEmpty() || v.size() > 63) {
            return false;
        }
        for (QChar c : v) {
            if (!isAlnum(c)) {
                return false;
            }
        }
        return true;
    });
}

bool isValidLabelKey(QStringView value)
{
    return prefixAndOrSuffix(value, isValidDnsSubdomain, isValidObjectName);
}

bool isValidLabelValue(QStringView value)
{
    return value.isEmpty() || isValidObjectName(value);
}

bool isValidAnnotationKey(QStringView value)
{
    return prefixAndOrSuffix(value, isValidDnsSubdomain, isValidObjectName);
}

bool isValidTag(QStringView value)
{
    if (value.isEmpty() || value.size() > 63) {
        return false;
    }
    const auto tagChar = [](QChar c) { return isLowerAlnum(c) || c == u':' || c == u'+' || c == u'#'; };
    if (!tagChar(value.front()) || !tagChar(value.back())) {
        return false;
    }
    QChar prev;
    for (QChar c : value) {
        if (c == u'-') {
            if (prev == u'-') {
                return false;
            }
        } else if (!tagChar(c)) {
            return false;
        }
        prev = c;
    }
    return true;
}

bool isValidUrl(QStringView value)
{
    // Backstage accepts what the WHATWG URL parser accepts as absolute: a scheme and the rest.
    const QUrl url(value.toString(), QUrl::StrictMode);
    return url.isValid() && !url.scheme().isEmpty() && !url.isRelative();
}

} // namespace Portolan::Core::Validator
