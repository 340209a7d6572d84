#include "ParameterForm.h"

#include "actions/TemplateExpression.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

class Text final
{
    Q_DECLARE_TR_FUNCTIONS(ParameterForm)
};

// Schemas nest through properties, items and conditionals; a template that nests deeper than this is broken, and
// the limit keeps a self-referencing merge from recursing without end.
constexpr int maxDepth = 32;

using Widget = FormField::Widget;
using Type = FormField::Type;

const QList<std::pair<QString, Widget>> &fieldExtensions()
{
    static const QList<std::pair<QString, Widget>> list = {
        {u"EntityPicker"_s, Widget::EntityPicker},
        {u"MultiEntityPicker"_s, Widget::MultiEntityPicker},
        {u"OwnerPicker"_s, Widget::OwnerPicker},
        {u"OwnedEntityPicker"_s, Widget::OwnedEntityPicker},
        {u"MyGroupsPicker"_s, Widget::MyGroupsPicker},
        {u"EntityNamePicker"_s, Widget::EntityNamePicker},
        {u"EntityTagsPicker"_s, Widget::EntityTagsPicker},
        {u"RepoUrlPicker"_s, Widget::RepoUrlPicker},
        {u"RepoOwnerPicker"_s, Widget::RepoOwnerPicker},
        {u"RepoBranchPicker"_s, Widget::RepoBranchPicker},
        {u"Secret"_s, Widget::Secret},
    };
    return list;
}

// RJSF's widget names. checkbox, email, uri, date, datetime, time and file are RJSF's own names for widgets it also
// picks by type and format, so they cost nothing to accept.
const QList<std::pair<QString, Widget>> &widgetNames()
{
    static const QList<std::pair<QString, Widget>> list = {
        {u"text"_s, Widget::Text},     {u"textarea"_s, Widget::TextArea}, {u"password"_s, Widget::Password},
        {u"hidden"_s, Widget::Hidden}, {u"color"_s, Widget::Color},       {u"range"_s, Widget::Range},
        {u"radio"_s, Widget::Radio},   {u"select"_s, Widget::Select},     {u"checkboxes"_s, Widget::Checkboxes},
        {u"updown"_s, Widget::UpDown}, {u"checkbox"_s, Widget::Checkbox}, {u"email"_s, Widget::Email},
        {u"uri"_s, Widget::Url},       {u"date"_s, Widget::Date},         {u"datetime"_s, Widget::DateTime},
        {u"time"_s, Widget::Time},     {u"file"_s, Widget::File},
    };
    return list;
}

std::optional<Widget> lookup(const QList<std::pair<QString, Widget>> &list, const QString &name)
{
    for (const auto &[n, w] : list) {
        if (n == name) {
            return w;
        }
    }
    return std::nullopt;
}

Error fieldError(const QString &path, const QString &message)
{
    Error e = makeError(Error::Code::Validation, message);
    e.field = path;
    return e;
}

QString joinPath(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + u'.' + key;
}

QString numberText(double value)
{
    if (std::trunc(value) == value && std::abs(value) < 1e15) {
        return QString::number(qint64(value));
    }
    return QString::number(value, 'g', 15);
}

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return numberText(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QStringList strings(const QJsonValue &value)
{
    if (value.isString()) {
        return {value.toString()};
    }
    QStringList out;
    for (const QJsonValue &v : value.toArray()) {
        if (v.isString()) {
            out << v.toString();
        }
    }
    return out;
}

// JSON equality in JSON Schema's sense: 3 and 3.0 are the same number (QJsonValue keeps integers and doubles apart).
bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble()) {
        return a.toDouble() == b.toDouble();
    }
    return a == b;
}

bool containsValue(const QJsonArray &list, const QJsonValue &value)
{
    return std::any_of(list.begin(), list.end(), [&value](const QJsonValue &v) { return sameValue(v, value); });
}

// RJSF turns a cleared input into undefined, so an empty string counts as not given.
bool isMissing(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty());
}

// RJSF's mergeSchemas: objects merge key by key, `required` (and our ui:order) unite, anything else is replaced.
QJsonObject mergeSchemas(QJsonObject into, const QJsonObject &from)
{
    for (auto it = from.begin(); it != from.end(); ++it) {
        const QString key = it.key();
        const QJsonValue existing = into.value(key);
        if ((key == "required"_L1 || key == "ui:order"_L1) && existing.isArray() && it->isArray()) {
            QJsonArray merged = existing.toArray();
            for (const QJsonValue &v : it->toArray()) {
                if (!merged.contains(v)) {
                    merged.append(v);
                }
            }
            into.insert(key, merged);
        } else if (existing.isObject() && it->isObject()) {
            into.insert(key, mergeSchemas(existing.toObject(), it->toObject()));
        } else {
            into.insert(key, *it);
        }
    }
    return into;
}

// Property names in ui:order (with RJSF's "*" for the rest); the rest follow in key order.
QStringList orderedKeys(const QJsonObject &schema)
{
    QStringList rest = schema.value("properties"_L1).toObject().keys();
    QStringList out;
    qsizetype star = -1;
    for (const QJsonValue &v : schema.value("ui:order"_L1).toArray()) {
        const QString key = v.toString();
        if (key == "*"_L1) {
            star = out.size();
        } else if (rest.removeOne(key)) {
            out << key;
        }
    }
    if (star < 0) {
        return out + rest;
    }
    for (qsizetype i = 0; i < rest.size(); ++i) {
        out.insert(star + i, rest.at(i));
    }
    return out;
}

FormField makeField(const QString &key, const QJsonObject &schema, const QString &path, bool required,
                    const QJsonValue &value, int depth);
void check(const FormField &field, const QJsonValue &value, const QString &path, ErrorList &out, int depth);

// Whether `value` satisfies `schema` (an `if`, a oneOf branch's discriminator).
bool satisfies(const QJsonObject &schema, const QJsonValue &value, bool asObject, int depth)
{
    FormField f = makeField({}, schema, {}, false, value, depth);
    if (asObject && !schema.contains("type"_L1)) {
        f.type = Type::Object;
    }
    ErrorList errors;
    check(f, value, {}, errors, depth);
    return errors.isEmpty();
}

// The schema of an object as it applies to `values`: the branches of if/then/else, allOf and dependencies that hold
// merged in, as RJSF's retrieveSchema does.
QJsonObject resolve(QJsonObject schema, const QJsonObject &values, int depth)
{
    if (depth > maxDepth) {
        return schema;
    }
    const QJsonValue ifSchema = schema.take("if"_L1);
    const QJsonValue thenSchema = schema.take("then"_L1);
    const QJsonValue elseSchema = schema.take("else"_L1);
    const QJsonValue allOf = schema.take("allOf"_L1);
    const QJsonValue dependencies = schema.take("dependencies"_L1);
    QJsonObject result = schema;
    if (ifSchema.isObject()) {
        const QJsonValue branch = satisfies(ifSchema.toObject(), values, true, depth + 1) ? thenSchema : elseSchema;
        if (branch.isObject()) {
            result = mergeSchemas(result, resolve(branch.toObject(), values, depth + 1));
        }
    }
    for (const QJsonValue &item : allOf.toArray()) {
        if (item.isObject()) {
            result = mergeSchemas(result, resolve(item.toObject(), values, depth + 1));
        }
    }
    const QJsonObject deps = dependencies.toObject();
    for (auto it = deps.begin(); it != deps.end(); ++it) {
        if (isMissing(values.value(it.key()))) {
            continue;
        }
        if (it->isArray()) {
            result = mergeSchemas(result, QJsonObject{{u"required"_s, it->toArray()}});
            continue;
        }
        if (!it->isObject()) {
            continue;
        }
        QJsonObject dependent = it->toObject();
        const QJsonArray oneOf = dependent.take("oneOf"_L1).toArray();
        result = mergeSchemas(result, resolve(dependent, values, depth + 1));
        // RJSF takes the one branch whose own schema of the dependency's key accepts its value (an enum or const
        // discriminator); none or several: no branch.
        std::optional<QJsonObject> chosen;
        int matches = 0;
        for (const QJsonValue &branch : oneOf) {
            QJsonObject b = branch.toObject();
            QJsonObject properties = b.value("properties"_L1).toObject();
            const QJsonValue condition = properties.take(it.key());
            if (!condition.isObject()) {
                continue;
            }
            if (satisfies(condition.toObject(), values.value(it.key()), false, depth + 1)) {
                ++matches;
                b.insert(u"properties"_s, properties);
                chosen = b;
            }
        }
        if (matches == 1) {
            result = mergeSchemas(result, resolve(*chosen, values, depth + 1));
        }
    }
    return result;
}

QList<FormField> buildFields(const QJsonObject &objectSchema, const QJsonObject &values, const QString &prefix,
                             int depth)
{
    QList<FormField> fields;
    if (depth > maxDepth) {
        return fields;
    }
    const QJsonObject schema = resolve(objectSchema, values, depth);
    const QJsonObject properties = schema.value("properties"_L1).toObject();
    const QStringList required = strings(schema.value("required"_L1));
    for (const QString &key : orderedKeys(schema)) {
        const QJsonValue property = properties.value(key);
        if (property.isObject()) {
            fields << makeField(key, property.toObject(), joinPath(prefix, key), required.contains(key),
                                values.value(key), depth + 1);
        }
    }
    return fields;
}

Type inferType(const QJsonObject &schema, const QJsonArray &enumValues)
{
    static const QHash<QString, Type> names = {
        {u"string"_s, Type::String},   {u"integer"_s, Type::Integer}, {u"number"_s, Type::Number},
        {u"boolean"_s, Type::Boolean}, {u"array"_s, Type::Array},     {u"object"_s, Type::Object},
    };
    // ["string", "null"]: the first type that is not null.
    for (const QString &name : strings(schema.value("type"_L1))) {
        if (const auto it = names.constFind(name); it != names.constEnd()) {
            return *it;
        }
    }
    if (schema.contains("properties"_L1)) {
        return Type::Object;
    }
    if (schema.contains("items"_L1)) {
        return Type::Array;
    }
    const QJsonValue sample = enumValues.isEmpty() ? schema.value("default"_L1) : enumValues.first();
    switch (sample.type()) {
    case QJsonValue::Bool:
        return Type::Boolean;
    case QJsonValue::Double:
        return std::trunc(sample.toDouble()) == sample.toDouble() ? Type::Integer : Type::Number;
    case QJsonValue::Array:
        return Type::Array;
    case QJsonValue::Object:
        return Type::Object;
    default:
        return Type::String;
    }
}

Widget chooseWidget(const FormField &f)
{
    if (const auto w = lookup(fieldExtensions(), f.uiField)) {
        return *w;
    }
    if (const auto w = lookup(widgetNames(), f.uiWidget)) {
        return *w;
    }
    switch (f.type) {
    case Type::String: {
        if (!f.enumValues.isEmpty()) {
            return Widget::Select;
        }
        static const QHash<QString, Widget> formats = {
            {u"email"_s, Widget::Email},        {u"uri"_s, Widget::Url},   {u"date"_s, Widget::Date},
            {u"date-time"_s, Widget::DateTime}, {u"time"_s, Widget::Time}, {u"data-url"_s, Widget::File},
            {u"color"_s, Widget::Color},
        };
        return formats.value(f.format, Widget::Text);
    }
    case Type::Integer:
    case Type::Number:
        return f.enumValues.isEmpty() ? Widget::UpDown : Widget::Select;
    case Type::Boolean:
        // RJSF shows a checkbox whatever the choices' titles; radio and select come from ui:widget.
        return Widget::Checkbox;
    case Type::Array:
        if (f.items && !f.items->enumValues.isEmpty()) {
            return Widget::Checkboxes;
        }
        return f.items && f.items->type == Type::Object ? Widget::ObjectList : Widget::List;
    case Type::Object:
        return Widget::Group;
    }
    return Widget::Text;
}

PickerOptions readPicker(const QJsonObject &options, Widget widget)
{
    PickerOptions p;
    const QJsonValue filter = options.value("catalogFilter"_L1);
    if (filter.isObject()) {
        p.catalogFilter << filter.toObject();
    }
    for (const QJsonValue &f : filter.toArray()) {
        if (f.isObject()) {
            p.catalogFilter << f.toObject();
        }
    }
    p.allowedKinds = strings(options.value("allowedKinds"_L1));
    p.defaultKind = options.value("defaultKind"_L1).toString();
    p.defaultNamespace = options.value("defaultNamespace"_L1).toString();
    p.allowedHosts = strings(options.value("allowedHosts"_L1));
    p.allowedOwners = strings(options.value("allowedOwners"_L1));
    p.allowedRepos = strings(options.value("allowedRepos"_L1));
    p.allowArbitraryValues = options.value("allowArbitraryValues"_L1).toBool(true);
    // Backstage's OwnerPicker offers groups and users unless told otherwise.
    if (widget == Widget::OwnerPicker && p.kinds().isEmpty()) {
        p.allowedKinds = {u"Group"_s, u"User"_s};
    }
    return p;
}

std::optional<double> number(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

qint64 count(const QJsonValue &value)
{
    return value.isDouble() ? qint64(value.toDouble()) : -1;
}

FormField makeField(const QString &key, const QJsonObject &schema, const QString &path, bool required,
                    const QJsonValue &value, int depth)
{
    FormField f;
    f.key = key;
    f.path = path;
    f.schema = schema;
    f.required = required;
    f.title = schema.value("title"_L1).toString();
    f.description = schema.value("description"_L1).toString();
    f.help = schema.value("ui:help"_L1).toString();
    f.placeholder = schema.value("ui:placeholder"_L1).toString();
    f.autofocus = schema.value("ui:autofocus"_L1).toBool();
    f.options = schema.value("ui:options"_L1).toObject();
    f.uiField = schema.value("ui:field"_L1).toString();
    f.uiWidget = schema.value("ui:widget"_L1).toString();
    if (schema.contains("default"_L1)) {
        f.defaultValue = schema.value("default"_L1);
    }
    if (schema.value("enum"_L1).isArray()) {
        f.enumValues = schema.value("enum"_L1).toArray();
        const QStringList names = strings(schema.value("enumNames"_L1));
        for (qsizetype i = 0; i < f.enumValues.size(); ++i) {
            f.enumNames << (names.size() == f.enumValues.size() ? names.at(i) : valueText(f.enumValues.at(i)));
        }
    } else if (schema.contains("const"_L1)) {
        f.enumValues = {schema.value("const"_L1)};
        f.enumNames = {valueText(schema.value("const"_L1))};
    } else if (const QJsonArray oneOf = schema.value("oneOf"_L1).toArray();
               !oneOf.isEmpty() && std::all_of(oneOf.begin(), oneOf.end(), [](const QJsonValue &v) {
                   return v.toObject().contains("const"_L1);
               })) {
        // RJSF's enum with titles: oneOf: [{const, title}].
        for (const QJsonValue &v : oneOf) {
            const QJsonObject choice = v.toObject();
            f.enumValues << choice.value("const"_L1);
            f.enumNames << (choice.contains("title"_L1) ? choice.value("title"_L1).toString()
                                                        : valueText(choice.value("const"_L1)));
        }
    }
    f.format = schema.value("format"_L1).toString();
    f.pattern = schema.value("pattern"_L1).toString();
    f.minimum = number(schema.value("minimum"_L1));
    f.maximum = number(schema.value("maximum"_L1));
    f.exclusiveMinimum = number(schema.value("exclusiveMinimum"_L1));
    f.exclusiveMaximum = number(schema.value("exclusiveMaximum"_L1));
    // Draft 4 wrote exclusiveness as a flag on minimum and maximum.
    if (schema.value("exclusiveMinimum"_L1).toBool() && f.minimum) {
        f.exclusiveMinimum = std::exchange(f.minimum, std::nullopt);
    }
    if (schema.value("exclusiveMaximum"_L1).toBool() && f.maximum) {
        f.exclusiveMaximum = std::exchange(f.maximum, std::nullopt);
    }
    f.minLength = count(schema.value("minLength"_L1));
    f.maxLength = count(schema.value("maxLength"_L1));
    f.minItems = count(schema.value("minItems"_L1));
    f.maxItems = count(schema.value("maxItems"_L1));
    f.uniqueItems = schema.value("uniqueItems"_L1).toBool();
    f.type = inferType(schema, f.enumValues);
    if (f.type == Type::Array && depth <= maxDepth) {
        FormField item = makeField(key, schema.value("items"_L1).toObject(), path + u"[]"_s, false, {}, depth + 1);
        if (item.title.isEmpty()) {
            item.title = f.title;
        }
        if (!item.enumValues.isEmpty()) {
            f.enumValues = item.enumValues;
            f.enumNames = item.enumNames;
        }
        f.items = std::make_shared<const FormField>(std::move(item));
    }
    if (f.type == Type::Object) {
        f.children = buildFields(schema, value.toObject(), path, depth + 1);
    }
    f.widget = chooseWidget(f);
    f.secret = f.widget == Widget::Password || f.widget == Widget::Secret;
    if (f.widget >= Widget::EntityPicker) {
        f.picker = readPicker(f.options, f.widget);
    }
    return f;
}

bool matches(const QString &pattern, const QString &text, QRegularExpression::PatternOptions options = {})
{
    const QRegularExpression re(pattern, options);
    return re.isValid() && re.match(text).hasMatch();
}

bool validTime(const QString &text, bool requireZone)
{
    static const QRegularExpression re(u"^(\\d\\d):(\\d\\d):(\\d\\d)(\\.\\d+)?(z|[+-](\\d\\d)(?::?(\\d\\d))?)?$"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch() || (requireZone && m.captured(5).isEmpty())) {
        return false;
    }
    // 60 seconds: a leap second, as RFC 3339 allows.
    return m.captured(1).toInt() <= 23 && m.captured(2).toInt() <= 59 && m.captured(3).toInt() <= 60
           && m.captured(6).toInt() <= 23 && m.captured(7).toInt() <= 59;
}

bool validDate(const QString &text)
{
    static const QRegularExpression re(u"^(\\d{4})-(\\d\\d)-(\\d\\d)$"_s);
    const QRegularExpressionMatch m = re.match(text);
    return m.hasMatch() && QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()).isValid();
}

// The formats as ajv-formats (RJSF's validator) checks them in its full mode, and RJSF's own data-url.
bool validFormat(const QString &format, const QString &text)
{
    if (format == "email"_L1) {
        return matches(u"^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
                       u"(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"_s,
                       text, QRegularExpression::CaseInsensitiveOption);
    }
    if (format == "uri"_L1) {
        // An absolute URI: a scheme, and nothing QUrl's strict parser rejects (spaces, stray percent signs).
        return matches(u"^[a-z][a-z0-9+.-]*:[^\\s]*$"_s, text, QRegularExpression::CaseInsensitiveOption)
               && QUrl(text, QUrl::StrictMode).isValid();
    }
    if (format == "date"_L1) {
        return validDate(text);
    }
    if (format == "time"_L1) {
        return validTime(text, false);
    }
    if (format == "date-time"_L1) {
        const qsizetype t = text.indexOf(QRegularExpression(u"[Tt ]"_s));
        return t > 0 && validDate(text.left(t)) && validTime(text.mid(t + 1), true);
    }
    if (format == "data-url"_L1) {
        return matches(u"^data:([a-z]+/[a-z0-9+.-]+)?;(?:name=(.*);)?base64,(.*)$"_s, text);
    }
    return true; // formats nobody checks (hostname, uuid, ...) are shown as plain text
}

QString formatText(const QString &format)
{
    if (format == "email"_L1) {
        return Text::tr("an email address");
    }
    if (format == "uri"_L1) {
        return Text::tr("an absolute URL (https://...)");
    }
    if (format == "date"_L1) {
        return Text::tr("a date (YYYY-MM-DD)");
    }
    if (format == "time"_L1) {
        return Text::tr("a time (HH:MM:SS)");
    }
    if (format == "date-time"_L1) {
        return Text::tr("a date and time with a time zone (YYYY-MM-DDTHH:MM:SSZ)");
    }
    return Text::tr("a file");
}

QString typeMessage(Type type)
{
    switch (type) {
    case Type::String:
        return Text::tr("“%1” must be text");
    case Type::Integer:
        return Text::tr("“%1” must be a whole number");
    case Type::Number:
        return Text::tr("“%1” must be a number");
    case Type::Boolean:
        return Text::tr("“%1” must be true or false");
    case Type::Array:
        return Text::tr("“%1” must be a list");
    case Type::Object:
        return Text::tr("“%1” must be an object of fields");
    }
    return {};
}

void checkString(const FormField &f, const QString &text, const QString &path, ErrorList &out)
{
    const QString name = f.displayTitle();
    // JSON Schema counts characters, not UTF-16 units.
    const qsizetype length = text.toUcs4().size();
    if (f.minLength >= 0 && length < f.minLength) {
        out << fieldError(path, Text::tr("“%1” needs at least %n character(s)", nullptr, int(f.minLength)).arg(name));
    }
    if (f.maxLength >= 0 && length > f.maxLength) {
        out << fieldError(path, Text::tr("“%1” takes at most %n character(s)", nullptr, int(f.maxLength)).arg(name));
    }
    // A pattern that does not compile is a template problem (schemaProblems), not the user's.
    if (!f.pattern.isEmpty() && QRegularExpression(f.pattern).isValid() && !matches(f.pattern, text)) {
        out << fieldError(path, Text::tr("“%1” must match the pattern %2").arg(name, f.pattern));
    }
    if (!f.format.isEmpty() && !validFormat(f.format, text)) {
        out << fieldError(path, Text::tr("“%1” must be %2").arg(name, formatText(f.format)));
    }
    if (f.widget == Widget::EntityNamePicker
        && (length > 63 || !matches(u"^([a-zA-Z0-9]+[-_.])*[a-zA-Z0-9]+$"_s, text))) {
        // Backstage's EntityNamePicker validation, in its words.
        out << fieldError(path, Text::tr("“%1” must start and end with an alphanumeric character, and contain only "
                                         "alphanumeric characters, hyphens, underscores, and periods. Maximum length "
                                         "is 63 characters.")
                                    .arg(name));
    }
    if (f.widget == Widget::RepoUrlPicker) {
        // Backstage's RepoUrlPicker writes "host?owner=o&repo=r" (Bitbucket and Azure: workspace, project, ...).
        const QUrl url(u"https://"_s + text);
        const QUrlQuery query(url);
        const auto incomplete = [&](const QString &what) {
            out << fieldError(path,
                              Text::tr("“%1” is an incomplete repository location: %2 not provided").arg(name, what));
        };
        if (!url.isValid()) {
            out << fieldError(path, Text::tr("“%1” is not a repository location").arg(name));
        } else if (url.host().isEmpty()) {
            incomplete(u"host"_s);
        } else {
            if (!query.hasQueryItem(u"owner"_s) && !query.hasQueryItem(u"workspace"_s)
                && !query.hasQueryItem(u"organization"_s) && !query.hasQueryItem(u"project"_s)) {
                incomplete(u"owner"_s);
            }
            if (query.queryItemValue(u"repo"_s).isEmpty()) {
                incomplete(u"repo"_s);
            }
            if (!f.picker.allowedHosts.isEmpty() && !f.picker.allowedHosts.contains(url.host())) {
                out << fieldError(path, Text::tr("“%1”: %2 is not an allowed host; allowed: %3")
                                            .arg(name, url.host(), f.picker.allowedHosts.join(u", "_s)));
            }
        }
    }
}

void checkNumber(const FormField &f, double n, const QString &path, ErrorList &out)
{
    const QString name = f.displayTitle();
    if (f.minimum && n < *f.minimum) {
        out << fieldError(path, Text::tr("“%1” must be at least %2").arg(name, numberText(*f.minimum)));
    }
    if (f.maximum && n > *f.maximum) {
        out << fieldError(path, Text::tr("“%1” must be at most %2").arg(name, numberText(*f.maximum)));
    }
    if (f.exclusiveMinimum && n <= *f.exclusiveMinimum) {
        out << fieldError(path, Text::tr("“%1” must be more than %2").arg(name, numberText(*f.exclusiveMinimum)));
    }
    if (f.exclusiveMaximum && n >= *f.exclusiveMaximum) {
        out << fieldError(path, Text::tr("“%1” must be less than %2").arg(name, numberText(*f.exclusiveMaximum)));
    }
}

void checkArray(const FormField &f, const QJsonArray &list, const QString &path, ErrorList &out, int depth)
{
    const QString name = f.displayTitle();
    if (f.minItems >= 0 && list.size() < f.minItems) {
        out << fieldError(path, Text::tr("“%1” needs at least %n item(s)", nullptr, int(f.minItems)).arg(name));
    }
    if (f.maxItems >= 0 && list.size() > f.maxItems) {
        out << fieldError(path, Text::tr("“%1” takes at most %n item(s)", nullptr, int(f.maxItems)).arg(name));
    }
    if (f.uniqueItems) {
        for (qsizetype i = 1; i < list.size(); ++i) {
            for (qsizetype j = 0; j < i; ++j) {
                if (sameValue(list.at(i), list.at(j))) {
                    out << fieldError(path, Text::tr("“%1” lists %2 twice").arg(name, valueText(list.at(i))));
                    i = list.size();
                    break;
                }
            }
        }
    }
    if (f.items) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            check(*f.items, list.at(i), u"%1[%2]"_s.arg(path).arg(i), out, depth + 1);
        }
    }
}

void check(const FormField &f, const QJsonValue &value, const QString &path, ErrorList &out, int depth)
{
    if (depth > maxDepth) {
        return;
    }
    const QString name = f.displayTitle();
    if (isMissing(value) && f.type != Type::Object) {
        if (f.required) {
            out << fieldError(path, Text::tr("“%1” is required").arg(name));
        }
        return;
    }
    // RJSF always holds an object for a nested object (at least {}), so its own required fields apply even when
    // nothing was entered.
    const QJsonValue v = isMissing(value) ? QJsonValue(QJsonObject()) : value;
    bool typed = true;
    switch (f.type) {
    case Type::String:
        typed = v.isString();
        break;
    case Type::Integer:
        typed = v.isDouble() && std::trunc(v.toDouble()) == v.toDouble();
        break;
    case Type::Number:
        typed = v.isDouble();
        break;
    case Type::Boolean:
        typed = v.isBool();
        break;
    case Type::Array:
        typed = v.isArray();
        break;
    case Type::Object:
        typed = v.isObject();
        break;
    }
    if (!typed) {
        out << fieldError(path, typeMessage(f.type).arg(name));
        return;
    }
    if (f.type != Type::Array && !f.enumValues.isEmpty() && !containsValue(f.enumValues, v)) {
        QStringList allowed;
        for (const QJsonValue &e : f.enumValues) {
            allowed << valueText(e);
        }
        out << fieldError(path, Text::tr("“%1” must be one of: %2").arg(name, allowed.join(u", "_s)));
    }
    switch (f.type) {
    case Type::String:
        checkString(f, v.toString(), path, out);
        break;
    case Type::Integer:
    case Type::Number:
        checkNumber(f, v.toDouble(), path, out);
        break;
    case Type::Array:
        checkArray(f, v.toArray(), path, out, depth);
        break;
    case Type::Object:
        // The children again for this value: its own conditionals decide which apply.
        for (const FormField &child : buildFields(f.schema, v.toObject(), path, depth + 1)) {
            check(child, v.toObject().value(child.key), child.path, out, depth + 1);
        }
        break;
    case Type::Boolean:
        break;
    }
}

QJsonObject defaultsOf(const QList<FormField> &fields)
{
    QJsonObject out;
    for (const FormField &f : fields) {
        if (!f.defaultValue.isUndefined()) {
            out.insert(f.key, f.defaultValue);
        } else if (f.type == Type::Object) {
            if (const QJsonObject d = defaultsOf(f.children); !d.isEmpty()) {
                out.insert(f.key, d);
            }
        }
    }
    return out;
}

// `values` with what is missing taken from `defaults`, nested objects filled key by key.
QJsonObject fillMissing(QJsonObject values, const QJsonObject &defaults)
{
    for (auto it = defaults.begin(); it != defaults.end(); ++it) {
        const QJsonValue current = values.value(it.key());
        if (current.isUndefined()) {
            values.insert(it.key(), *it);
        } else if (current.isObject() && it->isObject()) {
            values.insert(it.key(), fillMissing(current.toObject(), it->toObject()));
        }
    }
    return values;
}

QJsonObject setPath(QJsonObject object, const QStringList &keys, const QJsonValue &value)
{
    if (keys.size() == 1) {
        object.insert(keys.first(), value);
    } else {
        object.insert(keys.first(), setPath(object.value(keys.first()).toObject(), keys.mid(1), value));
    }
    return object;
}

Error problem(Error::Severity severity, Error::Code code, const QString &field, const QString &message)
{
    Error e = makeError(code, message);
    e.severity = severity;
    e.field = field;
    return e;
}

void checkUi(const QJsonObject &schema, const QString &field, const QString &parameter, ErrorList &out)
{
    const QString name = parameter.isEmpty() ? field : parameter;
    if (schema.contains("ui:field"_L1)) {
        const QString uiField = valueText(schema.value("ui:field"_L1));
        if (!lookup(fieldExtensions(), uiField)) {
            out << problem(Error::Severity::Error, Error::Code::Unsupported, field + u".ui:field"_s,
                           Text::tr("Parameter “%1” uses the field %2, which Portolan does not support; supported "
                                    "fields: %3")
                               .arg(name, uiField, ParameterForm::supportedFields().join(u", "_s)));
        }
    }
    if (schema.contains("ui:widget"_L1)) {
        const QString uiWidget = valueText(schema.value("ui:widget"_L1));
        if (!lookup(widgetNames(), uiWidget)) {
            out << problem(Error::Severity::Warning, Error::Code::Unsupported, field + u".ui:widget"_s,
                           Text::tr("Parameter “%1” uses the widget %2, which Portolan does not support, and shows "
                                    "the usual input for its type instead; supported widgets: %3")
                               .arg(name, uiWidget, ParameterForm::supportedWidgets().join(u", "_s)));
        }
    }
    if (schema.contains("pattern"_L1)) {
        const QRegularExpression re(valueText(schema.value("pattern"_L1)));
        if (!schema.value("pattern"_L1).isString() || !re.isValid()) {
            out << problem(Error::Severity::Error, Error::Code::Validation, field + u".pattern"_s,
                           Text::tr("Parameter “%1” has a pattern that is not a regular expression: %2 (%3)")
                               .arg(name, re.pattern(), re.errorString()));
        }
    }
}

// `dependency`: the schema of a property dependency, whose oneOf RJSF reads as branches chosen by the value.
void walkSchema(const QJsonObject &schema, const QString &field, const QString &parameter, ErrorList &out, int depth,
                bool dependency = false)
{
    if (depth > maxDepth) {
        out << problem(Error::Severity::Error, Error::Code::Validation, field,
                       Text::tr("The parameters nest more than %1 deep").arg(maxDepth));
        return;
    }
    checkUi(schema, field, parameter, out);
    const QJsonValue properties = schema.value("properties"_L1);
    if (!properties.isUndefined() && !properties.isObject()) {
        out << problem(Error::Severity::Error, Error::Code::Validation, field + u".properties"_s,
                       Text::tr("“properties” must be a mapping of parameter names to their schemas"));
    }
    const QJsonObject props = properties.toObject();
    for (auto it = props.begin(); it != props.end(); ++it) {
        const QString at = field + u".properties."_s + it.key();
        const QString name = joinPath(parameter, it.key());
        if (!it->isObject()) {
            out << problem(Error::Severity::Error, Error::Code::Validation, at,
                           Text::tr("Parameter “%1” is not a schema: a mapping with type, title and so on").arg(name));
            continue;
        }
        walkSchema(it->toObject(), at, name, out, depth + 1);
    }
    if (schema.value("items"_L1).isObject()) {
        walkSchema(schema.value("items"_L1).toObject(), field + u".items"_s, parameter + u"[]"_s, out, depth + 1);
    }
    const QJsonObject dependencies = schema.value("dependencies"_L1).toObject();
    for (auto it = dependencies.begin(); it != dependencies.end(); ++it) {
        if (it->isObject()) {
            walkSchema(it->toObject(), field + u".dependencies."_s + it.key(), parameter, out, depth + 1, true);
        }
    }
    for (const QLatin1StringView key : {"if"_L1, "then"_L1, "else"_L1}) {
        if (schema.value(key).isObject()) {
            walkSchema(schema.value(key).toObject(), field + u'.' + key, parameter, out, depth + 1);
        }
    }
    const QString name = parameter.isEmpty() ? field : parameter;
    if (schema.contains("$ref"_L1)) {
        out << problem(
            Error::Severity::Warning, Error::Code::Unsupported, field + u".$ref"_s,
            Text::tr("Parameter “%1” refers to another schema ($ref), which Portolan does not follow").arg(name));
    }
    for (const QLatin1StringView key : {"allOf"_L1, "oneOf"_L1, "anyOf"_L1}) {
        const QJsonArray list = schema.value(key).toArray();
        // A list of {const, title} is an enum with titles; anything else is a choice between schemas, which RJSF
        // shows with a selector of its own (outside a property dependency).
        const bool choices = std::all_of(list.begin(), list.end(),
                                         [](const QJsonValue &v) { return v.toObject().contains("const"_L1); });
        if (key != "allOf"_L1 && !list.isEmpty() && !choices && !dependency) {
            out << problem(Error::Severity::Warning, Error::Code::Unsupported, field + u'.' + key,
                           Text::tr("Parameter “%1” offers a choice between schemas (%2), which Portolan does not "
                                    "show: only the fields outside it are asked")
                               .arg(name, key));
        }
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list.at(i).isObject()) {
                walkSchema(list.at(i).toObject(), u"%1.%2[%3]"_s.arg(field, key).arg(i), parameter, out, depth + 1);
            }
        }
    }
}

} // namespace

QStringList PickerOptions::kinds() const
{
    QStringList out = allowedKinds;
    for (const QJsonObject &filter : catalogFilter) {
        for (const QString &kind : strings(filter.value("kind"_L1))) {
            if (!out.contains(kind, Qt::CaseInsensitive)) {
                out << kind;
            }
        }
    }
    return out;
}

const FormField *FormField::child(QStringView childKey) const
{
    for (const FormField &c : children) {
        if (c.key == childKey) {
            return &c;
        }
    }
    return nullptr;
}

QString FormField::widgetName(Widget widget)
{
    for (const auto *list : {&fieldExtensions(), &widgetNames()}) {
        for (const auto &[name, w] : *list) {
            if (w == widget) {
                return name;
            }
        }
    }
    switch (widget) {
    case Widget::List:
        return u"list"_s;
    case Widget::ObjectList:
        return u"objects"_s;
    case Widget::Group:
        return u"group"_s;
    default:
        return {};
    }
}

QString FormField::typeName(Type type)
{
    switch (type) {
    case Type::String:
        return u"string"_s;
    case Type::Integer:
        return u"integer"_s;
    case Type::Number:
        return u"number"_s;
    case Type::Boolean:
        return u"boolean"_s;
    case Type::Array:
        return u"array"_s;
    case Type::Object:
        return u"object"_s;
    }
    return {};
}

ParameterForm::ParameterForm(QList<TemplateParameterPage> pages)
    : m_pages(std::move(pages))
{ }

Result<bool> ParameterForm::isPageVisible(qsizetype page, const QJsonObject &values) const
{
    const TemplateParameterPage &p = m_pages.at(page);
    if (p.when.trimmed().isEmpty()) {
        return true;
    }
    Result<bool> shown = TemplateExpression::condition(p.when, QJsonObject{{u"parameters"_s, values}});
    if (shown) {
        return shown;
    }
    Error e = shown.error();
    e.detail = e.message;
    e.message = Text::tr("Cannot tell whether the page “%1” is shown: %2")
                    .arg(p.title.isEmpty() ? QString::number(page + 1) : p.title, shown.error().message);
    e.field = u"when"_s;
    e.line = p.position.line;
    e.column = p.position.column;
    return e;
}

QList<qsizetype> ParameterForm::visiblePages(const QJsonObject &values, ErrorList *problems) const
{
    QList<qsizetype> out;
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        const Result<bool> shown = isPageVisible(i, values);
        if (!shown && problems) {
            problems->append(shown.error());
        }
        if (shown && *shown) {
            out << i;
        }
    }
    return out;
}

QList<FormField> ParameterForm::fields(qsizetype page, const QJsonObject &values) const
{
    return buildFields(m_pages.at(page).schema, values, {}, 0);
}

std::optional<FormField> ParameterForm::findField(const QString &path, const QJsonObject &values) const
{
    const QStringList keys = path.split(u'.');
    for (qsizetype page = 0; page < m_pages.size(); ++page) {
        QList<FormField> level = fields(page, values);
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const auto it =
                std::find_if(level.cbegin(), level.cend(), [&](const FormField &f) { return f.key == keys.at(i); });
            if (it == level.cend()) {
                break;
            }
            if (i == keys.size() - 1) {
                return *it;
            }
            level = it->children;
        }
    }
    return std::nullopt;
}

ErrorList ParameterForm::validatePage(qsizetype page, const QJsonObject &values) const
{
    ErrorList out;
    for (const FormField &f : fields(page, values)) {
        check(f, values.value(f.key), f.path, out, 0);
    }
    return out;
}

ErrorList ParameterForm::validate(const QJsonObject &values) const
{
    ErrorList out;
    for (const qsizetype page : visiblePages(values, &out)) {
        out += validatePage(page, values);
    }
    return out;
}

ErrorList ParameterForm::validateField(const FormField &field, const QJsonValue &value)
{
    ErrorList out;
    check(field, value, field.path, out, 0);
    return out;
}

QJsonObject ParameterForm::defaults(qsizetype page, const QJsonObject &values) const
{
    // A default can reveal a branch that brings defaults of its own; a few rounds reach them all.
    QJsonObject found;
    for (int round = 0; round < 8; ++round) {
        const QJsonObject next = defaultsOf(fields(page, fillMissing(values, found)));
        if (next == found) {
            break;
        }
        found = next;
    }
    return found;
}

QJsonObject ParameterForm::withDefaults(const QJsonObject &values) const
{
    QJsonObject out = values;
    for (qsizetype page = 0; page < m_pages.size(); ++page) {
        const Result<bool> shown = isPageVisible(page, out);
        if (shown && *shown) {
            out = fillMissing(out, defaults(page, out));
        }
    }
    return out;
}

Result<QJsonValue> ParameterForm::parseValue(const FormField &field, const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto fail = [&](const QString &message) {
        Error e = makeError(Error::Code::Validation, message);
        e.field = field.path;
        return e;
    };
    bool ok = false;
    switch (field.type) {
    case Type::String:
        return QJsonValue(text);
    case Type::Integer: {
        const qlonglong n = trimmed.toLongLong(&ok);
        if (!ok) {
            return fail(Text::tr("%1 takes a whole number, not “%2”").arg(field.path, text));
        }
        return QJsonValue(qint64(n));
    }
    case Type::Number: {
        const double n = trimmed.toDouble(&ok);
        if (!ok || !std::isfinite(n)) {
            return fail(Text::tr("%1 takes a number, not “%2”").arg(field.path, text));
        }
        return QJsonValue(n);
    }
    case Type::Boolean: {
        const QString word = trimmed.toLower();
        if (word == "true"_L1 || word == "yes"_L1 || word == "on"_L1 || word == "1"_L1) {
            return QJsonValue(true);
        }
        if (word == "false"_L1 || word == "no"_L1 || word == "off"_L1 || word == "0"_L1) {
            return QJsonValue(false);
        }
        return fail(Text::tr("%1 takes true or false, not “%2”").arg(field.path, text));
    }
    case Type::Array: {
        if (trimmed.startsWith(u'[')) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
            if (!doc.isArray()) {
                return fail(Text::tr("%1 takes a JSON list or comma-separated values; “%2” is not JSON: %3")
                                .arg(field.path, text, error.errorString()));
            }
            return QJsonValue(doc.array());
        }
        QJsonArray list;
        if (trimmed.isEmpty()) {
            return QJsonValue(list);
        }
        for (const QString &part : trimmed.split(u',')) {
            if (!field.items) {
                list.append(part.trimmed());
                continue;
            }
            const Result<QJsonValue> item = parseValue(*field.items, part.trimmed());
            if (!item) {
                return fail(Text::tr("%1: an item of the list: %2").arg(field.path, item.error().message));
            }
            list.append(*item);
        }
        return QJsonValue(list);
    }
    case Type::Object: {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
        if (!doc.isObject()) {
            return fail(Text::tr("%1 takes a JSON object ({\"key\": ...}), not “%2”").arg(field.path, text));
        }
        return QJsonValue(doc.object());
    }
    }
    return QJsonValue(text);
}

Result<QJsonObject> ParameterForm::parseAssignments(const QStringList &assignments, const QJsonObject &values) const
{
    QJsonObject out = values;
    QStringList pending = assignments;
    // A field can appear only once another value is set (dependencies, if/then): repeat while that helps.
    while (!pending.isEmpty()) {
        QStringList later;
        for (const QString &assignment : std::as_const(pending)) {
            const qsizetype eq = assignment.indexOf(u'=');
            const QString key = assignment.left(eq).trimmed();
            if (eq < 0 || key.isEmpty()) {
                return makeError(Error::Code::Validation,
                                 Text::tr("“%1” is not a parameter assignment: write name=value").arg(assignment));
            }
            const std::optional<FormField> field = findField(key, out);
            if (!field) {
                later << assignment;
                continue;
            }
            const Result<QJsonValue> value = parseValue(*field, assignment.mid(eq + 1));
            if (!value) {
                return value.error();
            }
            out = setPath(out, key.split(u'.'), *value);
        }
        if (later.size() == pending.size()) {
            QStringList known;
            for (qsizetype page = 0; page < m_pages.size(); ++page) {
                for (const FormField &f : fields(page, out)) {
                    known << f.key;
                }
            }
            const QString key = later.first().left(later.first().indexOf(u'=')).trimmed();
            Error e = makeError(Error::Code::Validation,
                                Text::tr("The template has no parameter “%1”; it has: %2")
                                    .arg(key, known.isEmpty() ? Text::tr("none") : known.join(u", "_s)));
            e.field = key;
            return e;
        }
        pending = later;
    }
    return out;
}

ErrorList ParameterForm::schemaProblems(const QJsonObject &schema, const QString &field)
{
    ErrorList out;
    walkSchema(schema, field, {}, out, 0);
    return out;
}

QStringList ParameterForm::supportedFields()
{
    QStringList out;
    for (const auto &[name, widget] : fieldExtensions()) {
        out << name;
    }
    return out;
}

QStringList ParameterForm::supportedWidgets()
{
    QStringList out;
    for (const auto &[name, widget] : widgetNames()) {
        out << name;
    }
    return out;
}

} // namespace Portolan::Core
