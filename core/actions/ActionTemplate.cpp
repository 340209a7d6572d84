#include "ActionTemplate.h"

#include "actions/ParameterForm.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Portolan::Core {

namespace {

class Text final
{
    Q_DECLARE_TR_FUNCTIONS(ActionTemplate)
};

const QString templateApiVersion = u"scaffolder.backstage.io/v1beta3"_s;

// A JSON Schema from CBOR, with the order of each `properties` written down as ui:order (RJSF's own key for it) where
// the template gives none: QJsonObject sorts its keys, and a form shows its fields in the order they were written.
// Only the keys that hold schemas are walked, so a property that happens to be called "properties" stays a property.
QJsonObject schemaToJson(const QCborMap &schema, int depth = 0)
{
    QJsonObject out = schema.toJsonObject();
    if (depth > 64) {
        return out;
    }
    const auto convert = [depth](const QCborValue &value) {
        return value.isMap() ? QJsonValue(schemaToJson(value.toMap(), depth + 1)) : value.toJsonValue();
    };
    const QCborValue properties = schema.value(u"properties"_s);
    if (properties.isMap()) {
        QJsonObject converted;
        QJsonArray order;
        const QCborMap map = properties.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString key = it.key().toString();
            order.append(key);
            converted.insert(key, convert(it.value()));
        }
        out.insert(u"properties"_s, converted);
        if (!schema.contains(u"ui:order"_s)) {
            out.insert(u"ui:order"_s, order);
        }
    }
    for (const QString &key : {u"items"_s, u"if"_s, u"then"_s, u"else"_s, u"not"_s, u"additionalProperties"_s}) {
        if (schema.value(key).isMap()) {
            out.insert(key, convert(schema.value(key)));
        }
    }
    for (const QString &key : {u"allOf"_s, u"anyOf"_s, u"oneOf"_s}) {
        if (schema.value(key).isArray()) {
            QJsonArray list;
            for (const QCborValue &item : schema.value(key).toArray()) {
                list.append(convert(item));
            }
            out.insert(key, list);
        }
    }
    if (schema.value(u"dependencies"_s).isMap()) {
        QJsonObject dependencies;
        const QCborMap map = schema.value(u"dependencies"_s).toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            dependencies.insert(it.key().toString(), convert(it.value()));
        }
        out.insert(u"dependencies"_s, dependencies);
    }
    return out;
}

QStringList commaList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',')) {
        if (!part.trimmed().isEmpty()) {
            out << part.trimmed();
        }
    }
    return out;
}

class Reader
{
public:
    Reader(ActionTemplate &action, const ParsedDocument *document)
        : m_action(action)
        , m_document(document)
    { }

    void add(Error e)
    {
        e.file = m_action.file;
        e.entityRef = m_action.id;
        const TextPosition at = position(e.field);
        e.line = at.line;
        e.column = at.column;
        m_action.problems << e;
    }

    void add(Error::Severity severity, Error::Code code, const QString &field, const QString &message)
    {
        Error e = makeError(code, message);
        e.severity = severity;
        e.field = field;
        add(e);
    }

    [[nodiscard]] TextPosition position(const QString &field) const
    {
        return m_document ? m_document->positionOf(field) : TextPosition{};
    }

    // `if:` and `when:` as written: an expression, or a boolean kept as "true"/"false".
    QString condition(const QCborValue &value, const QString &field)
    {
        if (value.isBool()) {
            return value.toBool() ? u"true"_s : u"false"_s;
        }
        if (value.isString()) {
            return value.toString();
        }
        if (!value.isUndefined() && !value.isNull()) {
            add(Error::Severity::Error, Error::Code::Validation, field,
                Text::tr("A condition is a boolean or an expression such as ${{ parameters.enabled }}"));
        }
        return {};
    }

    void readPage(const QCborMap &map, const QString &field, bool inList)
    {
        TemplateParameterPage page;
        page.schema = schemaToJson(map);
        page.title = page.schema.value("title"_L1).toString();
        page.description = page.schema.value("description"_L1).toString();
        page.when = condition(map.value(u"when"_s), field + u".when"_s);
        page.position = position(field);
        if (inList && page.title.isEmpty()) {
            add(Error::Severity::Warning, Error::Code::Validation, field,
                Text::tr("Page %1 of the parameters has no title to show in the wizard")
                    .arg(m_action.pages.size() + 1));
        }
        for (const Error &e : ParameterForm::schemaProblems(page.schema, field)) {
            add(e);
        }
        m_action.pages << page;
        m_pageFields << field;
    }

    void readParameters(const QCborValue &parameters)
    {
        if (parameters.isMap()) {
            readPage(parameters.toMap(), u"spec.parameters"_s, false);
        } else if (parameters.isArray()) {
            const QCborArray list = parameters.toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QString field = u"spec.parameters[%1]"_s.arg(i);
                if (list.at(i).isMap()) {
                    readPage(list.at(i).toMap(), field, true);
                } else {
                    add(Error::Severity::Error, Error::Code::Validation, field,
                        Text::tr("Page %1 of the parameters is not an object: a JSON Schema with title and properties")
                            .arg(i + 1));
                }
            }
        } else if (!parameters.isUndefined() && !parameters.isNull()) {
            add(Error::Severity::Error, Error::Code::Validation, u"spec.parameters"_s,
                Text::tr("The parameters are one JSON Schema object or a list of them, one per page"));
        }
    }

    void readSteps(const QCborValue &steps, const QStringList &supportedActions)
    {
        if (!steps.isArray()) {
            add(Error::Severity::Error, Error::Code::Validation, u"spec.steps"_s,
                steps.isUndefined() ? Text::tr("The template has no steps") : Text::tr("The steps must be a list"));
            return;
        }
        QStringList supported = supportedActions;
        supported.sort();
        QSet<QString> ids;
        const QCborArray list = steps.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString field = u"spec.steps[%1]"_s.arg(i);
            if (!list.at(i).isMap()) {
                add(Error::Severity::Error, Error::Code::Validation, field,
                    Text::tr("Step %1 is not a mapping of id, name, action and input").arg(i + 1));
                continue;
            }
            const QCborMap map = list.at(i).toMap();
            TemplateStep step;
            step.id = map.value(u"id"_s).toString();
            if (step.id.isEmpty()) {
                step.id = u"step-%1"_s.arg(i + 1);
            }
            step.name = map.value(u"name"_s).toString();
            step.action = map.value(u"action"_s).toString();
            step.input = map.value(u"input"_s).toJsonValue();
            step.ifExpression = condition(map.value(u"if"_s), field + u".if"_s);
            step.position = position(field);
            if (step.action.isEmpty()) {
                add(Error::Severity::Error, Error::Code::Validation, field + u".action"_s,
                    Text::tr("Step “%1” has no action").arg(step.id));
            } else if (!supportedActions.contains(step.action)) {
                add(Error::Severity::Error, Error::Code::Unsupported, field + u".action"_s,
                    Text::tr("Step “%1” uses %2, which Portolan does not run; supported: %3")
                        .arg(step.id, step.action, supported.join(u", "_s)));
            }
            if (ids.contains(step.id)) {
                add(Error::Severity::Error, Error::Code::Conflict, field + u".id"_s,
                    Text::tr("Two steps have the id “%1”: ${{ steps.%1 }} would not know which one it means")
                        .arg(step.id));
            }
            ids.insert(step.id);
            m_action.steps << step;
        }
    }

    void readOutput(const QCborMap &output)
    {
        const QCborArray links = output.value(u"links"_s).toArray();
        for (qsizetype i = 0; i < links.size(); ++i) {
            const QCborMap map = links.at(i).toMap();
            m_action.links << TemplateOutputLink{map.value(u"title"_s).toString(), map.value(u"url"_s).toString(),
                                                 map.value(u"entityRef"_s).toString(), map.value(u"icon"_s).toString(),
                                                 condition(map.value(u"if"_s), u"spec.output.links[%1].if"_s.arg(i))};
        }
        const QCborArray texts = output.value(u"text"_s).toArray();
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const QCborMap map = texts.at(i).toMap();
            m_action.texts << TemplateOutputText{map.value(u"title"_s).toString(), map.value(u"content"_s).toString(),
                                                 condition(map.value(u"if"_s), u"spec.output.text[%1].if"_s.arg(i))};
        }
    }

    // Guardrails fail closed: an annotation Portolan cannot read stops the action rather than letting anyone run it.
    void readGuard(const Entity &entity)
    {
        ActionGuard &guard = m_action.guard;
        const auto field = [](const QString &key) -> QString { return u"metadata.annotations."_s + key; };
        for (const QString &group : commaList(entity.annotation(u"portolan.dev/allowed-groups"))) {
            const Result<EntityRef> ref = EntityRef::parse(group, u"group");
            if (ref) {
                guard.allowedGroups << ref->toString();
            } else {
                add(Error::Severity::Error, Error::Code::Validation, field(u"portolan.dev/allowed-groups"_s),
                    Text::tr("“%1” in portolan.dev/allowed-groups is not a group reference: %2")
                        .arg(group, ref.error().message));
            }
        }
        const QString level = entity.annotation(u"portolan.dev/minimum-level").trimmed();
        if (!level.isEmpty()) {
            const qsizetype colon = level.indexOf(u':');
            guard.scorecard = level.left(colon).trimmed();
            guard.minimumLevel = level.mid(colon + 1).trimmed();
            if (colon < 0 || guard.scorecard.isEmpty() || guard.minimumLevel.isEmpty()) {
                add(Error::Severity::Error, Error::Code::Validation, field(u"portolan.dev/minimum-level"_s),
                    Text::tr("portolan.dev/minimum-level names a scorecard and a level: “production-readiness: "
                             "Silver”, not “%1”")
                        .arg(level));
            }
        }
        guard.requiredFields = commaList(entity.annotation(u"portolan.dev/required-fields"));
        const QString destructive = entity.annotation(u"portolan.dev/destructive").trimmed().toLower();
        guard.destructive = !destructive.isEmpty() && destructive != "false"_L1;
        if (!destructive.isEmpty() && destructive != "true"_L1 && destructive != "false"_L1) {
            add(Error::Severity::Error, Error::Code::Validation, field(u"portolan.dev/destructive"_s),
                Text::tr("portolan.dev/destructive is “true” or “false”, not “%1”").arg(destructive));
        }
        guard.confirmText = entity.annotation(u"portolan.dev/confirm-text");
        guard.entityKinds = commaList(entity.annotation(u"portolan.dev/entity-kinds"));
        guard.entityParameter = entity.annotation(u"portolan.dev/entity-parameter").trimmed();

        const ParameterForm form(m_action.pages);
        if (guard.entityParameter.isEmpty()) {
            for (qsizetype page = 0; page < form.pageCount() && guard.entityParameter.isEmpty(); ++page) {
                for (const FormField &f : form.fields(page)) {
                    if (f.widget == FormField::Widget::EntityPicker
                        || f.widget == FormField::Widget::OwnedEntityPicker) {
                        guard.entityParameter = f.key;
                        break;
                    }
                }
            }
        } else if (!form.findField(guard.entityParameter)) {
            add(Error::Severity::Warning, Error::Code::Validation, field(u"portolan.dev/entity-parameter"_s),
                Text::tr("portolan.dev/entity-parameter names “%1”, which is not a parameter of the template")
                    .arg(guard.entityParameter));
        }
        ErrorList approvalProblems;
        m_action.approval =
            Approvals::ruleOf({{u"portolan.dev/approvers"_s, entity.annotation(u"portolan.dev/approvers")},
                               {u"portolan.dev/approval"_s, entity.annotation(u"portolan.dev/approval")},
                               {u"portolan.dev/approval-when"_s, entity.annotation(u"portolan.dev/approval-when")}},
                              &approvalProblems);
        for (const Error &e : approvalProblems) {
            add(Error::Severity::Error, Error::Code::Validation, e.field, e.message);
        }
        const QString category = entity.annotation(u"portolan.dev/category").trimmed();
        m_action.category = category.isEmpty() ? m_action.type : category;
    }

    // A page whose `when` cannot be evaluated cannot be shown or left out: found now, with the defaults the wizard
    // starts from, rather than when someone opens the wizard.
    void checkWhen()
    {
        const ParameterForm form(m_action.pages);
        const QJsonObject start = form.withDefaults({});
        for (qsizetype page = 0; page < form.pageCount(); ++page) {
            const Result<bool> shown = form.isPageVisible(page, start);
            if (!shown) {
                Error e = shown.error();
                e.severity = Error::Severity::Error;
                e.field = m_pageFields.at(page) + u".when"_s;
                add(e);
            }
        }
    }

private:
    ActionTemplate &m_action;
    const ParsedDocument *m_document;
    QStringList m_pageFields;
};

} // namespace

bool ActionTemplate::runnable() const
{
    return std::none_of(problems.cbegin(), problems.cend(), [](const Error &e) { return e.isError(); });
}

bool ActionTemplate::appliesTo(const Entity &entity) const
{
    return isEntityScoped() && guard.entityKinds.contains(entity.kind, Qt::CaseInsensitive);
}

const TemplateStep *ActionTemplate::step(const QString &stepId) const
{
    const auto it =
        std::find_if(steps.cbegin(), steps.cend(), [&stepId](const TemplateStep &s) { return s.id == stepId; });
    return it == steps.cend() ? nullptr : &*it;
}

ActionTemplate ActionTemplate::fromEntity(const Entity &entity, const QStringList &supportedActions,
                                          const ParsedDocument *document)
{
    ActionTemplate action;
    action.ref = entity.ref();
    action.id = action.ref.toString();
    action.title = entity.title;
    action.description = entity.description;
    action.type = entity.specString("type"_L1);
    action.owner = entity.specString("owner"_L1);
    action.tags = entity.tags.toList();
    action.file = entity.origin.file.isEmpty() && document ? document->file : entity.origin.file;
    action.directory = action.file.isEmpty() ? QString() : QFileInfo(action.file).absolutePath();

    Reader reader(action, document);
    if (entity.apiVersion != templateApiVersion) {
        reader.add(Error::Severity::Error, Error::Code::Unsupported, u"apiVersion"_s,
                   Text::tr("The template's apiVersion is “%1”; Portolan reads templates of %2")
                       .arg(entity.apiVersion, templateApiVersion));
    }
    if (entity.kind.compare("Template"_L1, Qt::CaseInsensitive) != 0) {
        reader.add(Error::Severity::Error, Error::Code::Validation, u"kind"_s,
                   Text::tr("A %1 is not a template: actions are entities of kind Template").arg(entity.kind));
    }
    reader.readParameters(entity.spec.value(u"parameters"_s));
    reader.readSteps(entity.spec.value(u"steps"_s), supportedActions);
    reader.readOutput(entity.spec.value(u"output"_s).toMap());
    reader.readGuard(entity);
    reader.checkWhen();
    return action;
}

} // namespace Portolan::Core
