#pragma once

#include "actions/ActionTemplate.h"
#include "util/Error.h"
#include "util/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Portolan::Core {

// ui:options of Backstage's catalog and repository pickers, as its field extensions read them.
struct PickerOptions
{
    // catalogFilter: an entity is offered when it matches any of these; each maps a field ("kind", "spec.type",
    // "metadata.namespace") to a value, a list of values, or {exists: true/false}.
    QList<QJsonObject> catalogFilter;
    QStringList allowedKinds; // the older form of catalogFilter: {kind: [...]}
    QString defaultKind;
    QString defaultNamespace;
    QStringList allowedHosts; // RepoUrlPicker
    QStringList allowedOwners; // RepoUrlPicker, RepoOwnerPicker
    QStringList allowedRepos; // RepoUrlPicker
    bool allowArbitraryValues = true; // a typed reference that is not among the ones offered is accepted

    // The kinds offered: allowedKinds and the `kind` values of catalogFilter; empty: any kind.
    [[nodiscard]] QStringList kinds() const;
};

// One input of a parameter page: a property of the page's JSON Schema with its ui:* keys, as react-jsonschema-form
// (RJSF, which Backstage's wizard is built on) would show it. A value type: the GUI wizard builds a widget from it,
// the CLI checks `--param k=v` against it.
struct FormField
{
    enum class Type { String, Integer, Number, Boolean, Array, Object };
    enum class Widget {
        // From ui:widget, or chosen by type and format the way RJSF chooses.
        Text,
        TextArea,
        Password,
        Hidden,
        Color,
        Range,
        Radio,
        Select,
        Checkboxes, // an array of enum items: one box per choice (enumValues/enumNames are the items' choices)
        UpDown,
        Checkbox,
        Email,
        Url,
        Date,
        DateTime,
        Time,
        File, // format data-url: the file's content as a data: URL
        List, // an array of plain values (items), added and removed one at a time
        ObjectList, // an array of objects: one sub-form per item (items->children)
        Group, // a nested object (children)
        // Backstage's field extensions (ui:field).
        EntityPicker,
        MultiEntityPicker,
        OwnerPicker,
        OwnedEntityPicker,
        MyGroupsPicker,
        EntityNamePicker,
        EntityTagsPicker,
        RepoUrlPicker,
        RepoOwnerPicker,
        RepoBranchPicker,
        Secret,
    };

    QString key;
    // Dotted from the page's top: "owner.displayName"; the fields of an array's item are "contacts[].name" (errors
    // name the item: "contacts[1].name").
    QString path;
    QString title; // as written; displayTitle() falls back to the key
    QString description;
    QString help; // ui:help
    QString placeholder; // ui:placeholder
    bool autofocus = false; // ui:autofocus
    bool required = false; // after the page's conditionals for the values given
    bool secret = false; // a password widget or a Secret field: never persisted, logged or shown
    Type type = Type::String;
    Widget widget = Widget::Text;
    QString uiField; // as written ("RepoUrlPicker"), empty when none
    QString uiWidget; // as written
    QJsonObject options; // ui:options as written
    PickerOptions picker; // read from ui:options for the pickers
    QJsonValue defaultValue = QJsonValue::Undefined; // Undefined: none
    QJsonArray enumValues; // enum, or the consts of oneOf: [{const, title}]; with Checkboxes, the items' choices
    QStringList enumNames; // one per value: enumNames, the oneOf titles, or the value as text
    QString format; // email, uri, date, date-time, time, data-url, ...
    QString pattern;
    std::optional<double> minimum;
    std::optional<double> maximum;
    std::optional<double> exclusiveMinimum;
    std::optional<double> exclusiveMaximum;
    qint64 minLength = -1; // -1: no limit
    qint64 maxLength = -1;
    qint64 minItems = -1;
    qint64 maxItems = -1;
    bool uniqueItems = false;
    std::shared_ptr<const FormField> items; // arrays: one item (object items: a sub-form in items->children)
    QList<FormField> children; // objects: the visible properties for the value given, in order
    QJsonObject schema; // the property's schema as written

    [[nodiscard]] QString displayTitle() const { return title.isEmpty() ? key : title; }
    [[nodiscard]] bool isPicker() const { return widget >= Widget::EntityPicker && widget != Widget::Secret; }
    [[nodiscard]] const FormField *child(QStringView childKey) const;
    // "select", "checkboxes", "EntityPicker", ...: ui:widget names for widgets, ui:field names for field extensions.
    [[nodiscard]] static QString widgetName(Widget widget);
    [[nodiscard]] static QString typeName(Type type);
};

// The parameter pages of an action template as a form: which pages and fields show for the values entered so far
// (Backstage's `when` on pages; JSON Schema's dependencies, if/then/else and allOf with RJSF's semantics), their
// validation, their defaults, and `k=v` text turned into typed values.
//
// Values are one JSON object for the whole template, as Backstage passes `parameters` to the steps: the pages share
// one namespace. Field order follows ui:order, which ActionTemplate::fromEntity records as written in the file
// (QJsonObject sorts its keys).
class ParameterForm final
{
public:
    explicit ParameterForm(QList<TemplateParameterPage> pages = {});
    explicit ParameterForm(const ActionTemplate &action)
        : ParameterForm(action.pages)
    { }

    [[nodiscard]] qsizetype pageCount() const { return m_pages.size(); }
    [[nodiscard]] const TemplateParameterPage &page(qsizetype index) const { return m_pages.at(index); }

    // Whether a page shows: its `when` over {parameters: values}; an error when the expression cannot be evaluated.
    [[nodiscard]] Result<bool> isPageVisible(qsizetype page, const QJsonObject &values) const;
    // The pages shown for these values; a page whose `when` fails is left out and reported in `problems`.
    [[nodiscard]] QList<qsizetype> visiblePages(const QJsonObject &values, ErrorList *problems = nullptr) const;

    // The fields of a page shown now: properties of the branches that match the values are added and `required` is
    // adjusted, as RJSF does.
    [[nodiscard]] QList<FormField> fields(qsizetype page, const QJsonObject &values = {}) const;
    // A field of any page (visible or not) by path ("owner.displayName"), for these values.
    [[nodiscard]] std::optional<FormField> findField(const QString &path, const QJsonObject &values = {}) const;

    // Problems of the values on one page, each with `field` set to the parameter's path and a message for people.
    [[nodiscard]] ErrorList validatePage(qsizetype page, const QJsonObject &values) const;
    // Problems of a whole submission: every page shown for these values (and every page whose `when` fails).
    [[nodiscard]] ErrorList validate(const QJsonObject &values) const;
    // Problems of one field's value, shown inline as the user types.
    [[nodiscard]] static ErrorList validateField(const FormField &field, const QJsonValue &value);

    // The defaults of the fields a page shows for these values (nested objects as objects).
    [[nodiscard]] QJsonObject defaults(qsizetype page, const QJsonObject &values = {}) const;
    // The values with every missing default of the pages shown filled in.
    [[nodiscard]] QJsonObject withDefaults(const QJsonObject &values) const;

    // Text typed on a command line as the field's type: integers, numbers, booleans (true/false, yes/no, on/off,
    // 1/0), arrays as JSON or comma-separated, objects as JSON.
    [[nodiscard]] static Result<QJsonValue> parseValue(const FormField &field, const QString &text);
    // `key=value` assignments (keys may be dotted into nested objects) as typed values, on top of `values`.
    [[nodiscard]] Result<QJsonObject> parseAssignments(const QStringList &assignments,
                                                       const QJsonObject &values = {}) const;

    // Template problems of one page's schema, found before anyone starts the action: unsupported ui:field, properties
    // that are not schemas and patterns that do not compile (errors); unsupported ui:widget (the type's own widget is
    // used), $ref, and oneOf/anyOf choices between schemas outside a property dependency (warnings). `field` is where
    // the schema is written ("spec.parameters[0]"); problems name fields below it.
    [[nodiscard]] static ErrorList schemaProblems(const QJsonObject &schema, const QString &field);
    [[nodiscard]] static QStringList supportedFields();
    [[nodiscard]] static QStringList supportedWidgets();

private:
    QList<TemplateParameterPage> m_pages;
};

} // namespace Portolan::Core
