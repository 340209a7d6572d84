// Action templates: every Backstage template of the corpus read as it is (pages, fields and their widgets, what
// Portolan cannot run), and the parameter form: each JSON Schema check able to fail, conditional fields
// (dependencies, if/then/else, allOf) and pages (`when`), defaults, and `k=v` values from the command line.
#include "actions/ActionTemplate.h"
#include "actions/ParameterForm.h"
#include "catalog/DescriptorReader.h"

#include "support/TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;
using Widget = FormField::Widget;

namespace {

const QStringList supportedActions = {u"publish:gitops"_s,   u"http:request"_s,     u"github:actions:dispatch"_s,
                                      u"kubernetes:apply"_s, u"catalog:register"_s, u"fetch:template"_s,
                                      u"fetch:plain"_s,      u"debug:log"_s};

std::string str(const QStringList &list)
{
    return list.join(u" | "_s).toStdString();
}

std::string str(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

ActionTemplate readTemplate(const QByteArray &data, const QString &file)
{
    ReadOptions options;
    options.positionDepth = 16;
    const FileReadResult read = DescriptorReader::readData(data, file, options);
    INFO(Portolan::Test::describe(read.problems).toStdString());
    REQUIRE(read.problems.isEmpty());
    REQUIRE(read.documents.size() == 1);
    Entity entity = Entity::fromEnvelope(read.documents.first().root);
    entity.origin.file = file;
    return ActionTemplate::fromEntity(entity, supportedActions, &read.documents.first());
}

ActionTemplate corpusTemplate(const QString &relative)
{
    const QString path = Portolan::Test::corpusPath(u"backstage/"_s + relative);
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return readTemplate(file.readAll(), path);
}

// A template around parameter pages written at the left margin, as a list.
ActionTemplate withPages(const QByteArray &pages)
{
    QByteArray text = "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: form-test\n"
                      "spec:\n  owner: team-a\n  type: service\n  parameters:\n";
    for (const QByteArray &line : pages.split('\n')) {
        text += "    " + line + '\n';
    }
    text += "  steps:\n    - id: log\n      action: debug:log\n      input:\n        message: hi\n";
    return readTemplate(text, u"form-test.yaml"_s);
}

// "key:widget", a star when required.
QStringList shape(const QList<FormField> &fields)
{
    QStringList out;
    for (const FormField &f : fields) {
        out << f.key + u':' + FormField::widgetName(f.widget) + (f.required ? u"*"_s : QString());
    }
    return out;
}

QStringList titles(const ActionTemplate &action)
{
    QStringList out;
    for (const TemplateParameterPage &page : action.pages) {
        out << page.title;
    }
    return out;
}

// The fields named by problems of severity Error, and the actions of the steps Portolan does not run.
QStringList errorFields(const ActionTemplate &action)
{
    QStringList out;
    for (const Error &e : action.problems) {
        if (e.isError()) {
            out << e.field;
        }
    }
    return out;
}

QStringList unsupportedActions(const ActionTemplate &action)
{
    QStringList out;
    for (const TemplateStep &step : action.steps) {
        if (!supportedActions.contains(step.action) && !out.contains(step.action)) {
            out << step.action;
        }
    }
    return out;
}

QStringList errorPaths(const ErrorList &errors)
{
    QStringList out;
    for (const Error &e : errors) {
        out << e.field;
    }
    return out;
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// The paths of the problems of a page's values.
std::string errors(const ParameterForm &form, qsizetype page, const char *values)
{
    return str(errorPaths(form.validatePage(page, json(values))));
}

} // namespace

TEST_CASE("Every template of the Backstage corpus is read, with what Portolan does not run", "[actions-form]")
{
    // Relative path -> the fields of its errors, and the step actions among them.
    const QList<std::tuple<QString, QStringList, QStringList>> expected = {
        {u"examples/test-recovery/template.yaml"_s,
         {u"spec.steps[0].action"_s, u"spec.steps[2].action"_s, u"spec.steps[3].action"_s},
         {u"test:produce-output"_s, u"test:delay"_s, u"test:consume-output"_s}},
        {u"packages/create-app/templates/default-app/examples/template/template.yaml"_s,
         {u"spec.steps[1].action"_s, u"spec.steps[3].action"_s},
         {u"publish:github"_s, u"notification:send"_s}},
        {u"plugins/scaffolder-backend/fixtures/test-v1beta3/INVALID-template.yaml"_s, {u"apiVersion"_s}, {}},
        {u"plugins/scaffolder-backend/sample-templates/bui-kitchen-sink-demo/template.yaml"_s, {}, {}},
        {u"plugins/scaffolder-backend/sample-templates/conditional-output-demo/template.yaml"_s, {}, {}},
        {u"plugins/scaffolder-backend/sample-templates/conditional-parameters-demo/template.yaml"_s, {}, {}},
        {u"plugins/scaffolder-backend/sample-templates/notifications-demo/template.yaml"_s,
         {u"spec.steps[0].action"_s},
         {u"notification:send"_s}},
        {u"software-templates/scaffolder-templates/clean-architecture-app/template.yaml"_s,
         {u"spec.steps[1].action"_s},
         {u"publish:github"_s}},
        {u"software-templates/scaffolder-templates/create-react-app/template.yaml"_s,
         {u"spec.steps[1].action"_s},
         {u"publish:github"_s}},
        {u"software-templates/scaffolder-templates/docs-template-cookiecutter/template.yaml"_s,
         {u"spec.steps[0].action"_s, u"spec.steps[1].action"_s},
         {u"fetch:cookiecutter"_s, u"publish:github"_s}},
        {u"software-templates/scaffolder-templates/docs-template/template.yaml"_s,
         {u"spec.steps[1].action"_s},
         {u"publish:github"_s}},
        {u"software-templates/scaffolder-templates/gitlab-merge-request/template.yaml"_s,
         {u"spec.steps[1].action"_s},
         {u"publish:gitlab:merge-request"_s}},
        {u"software-templates/scaffolder-templates/pull-request/template.yaml"_s,
         {u"spec.steps[2].action"_s},
         {u"publish:github:pull-request"_s}},
        {u"software-templates/scaffolder-templates/rails-demo/template.yaml"_s,
         {u"spec.steps[0].action"_s, u"spec.steps[1].action"_s, u"spec.steps[2].action"_s},
         {u"fetch:rails"_s, u"catalog:write"_s, u"publish:github"_s}},
        {u"software-templates/scaffolder-templates/react-ssr-template/template.yaml"_s,
         {u"spec.steps[1].action"_s},
         {u"publish:github"_s}},
        {u"software-templates/scaffolder-templates/springboot-grpc-template/template.yaml"_s,
         {u"spec.steps[1].action"_s},
         {u"publish:github"_s}},
    };

    // The list above is every template of the corpus: a template added there must be added here.
    QStringList found;
    const QDir root(Portolan::Test::corpusPath(u"backstage"_s));
    QDirIterator it(root.path(), {u"*.yaml"_s, u"*.yml"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!path.contains(u"skeleton"_s) && file.open(QIODevice::ReadOnly)
            && file.readAll().contains("kind: Template")) {
            found << root.relativeFilePath(path);
        }
    }
    found.sort();
    QStringList listed;
    for (const auto &[path, fields, actions] : expected) {
        listed << path;
    }
    listed.sort();
    CHECK(str(found) == str(listed));

    for (const auto &[path, fields, actions] : expected) {
        INFO(path.toStdString());
        const ActionTemplate action = corpusTemplate(path);
        INFO(Portolan::Test::describe(action.problems).toStdString());
        CHECK(str(errorFields(action)) == str(fields));
        CHECK(str(unsupportedActions(action)) == str(actions));
        CHECK(action.runnable() == fields.isEmpty());
        CHECK(!action.pages.isEmpty());
        // Every problem has its place in the file.
        for (const Error &e : action.problems) {
            CHECK(e.file == Portolan::Test::corpusPath(u"backstage/"_s + path));
            CHECK(e.line > 0);
        }
        // No corpus template uses a field or widget Portolan lacks.
        CHECK(std::none_of(action.problems.cbegin(), action.problems.cend(), [](const Error &e) {
            return e.field.endsWith(u".ui:field"_s) || e.field.endsWith(u".ui:widget"_s);
        }));
    }
}

TEST_CASE("An unsupported step action names the step, the action and what is supported", "[actions-form]")
{
    const ActionTemplate action =
        corpusTemplate(u"packages/create-app/templates/default-app/examples/template/template.yaml"_s);
    CHECK(action.id == u"template:default/example-nodejs-template"_s);
    CHECK(action.displayName() == u"Example Node.js Template"_s);
    CHECK(action.type == u"service"_s);
    CHECK(action.category == u"service"_s);
    CHECK(action.owner == u"user:guest"_s);
    CHECK(action.directory.endsWith(u"examples/template"_s));
    REQUIRE(action.problems.size() == 2);
    const Error &e = action.problems.first();
    CHECK(e.code == Error::Code::Unsupported);
    CHECK(e.line == 55);
    CHECK(e.message.contains(u"“publish”"_s));
    CHECK(e.message.contains(u"publish:github"_s));
    CHECK(e.message.contains(u"catalog:register, debug:log, fetch:plain, fetch:template, github:actions:dispatch, "
                             "http:request, kubernetes:apply, publish:gitops"_s));

    REQUIRE(action.steps.size() == 4);
    CHECK(action.step(u"register"_s)->action == u"catalog:register"_s);
    CHECK(action.step(u"nope"_s) == nullptr);
    CHECK(action.steps.at(0).input.toObject().value(u"url"_s).toString() == u"./content"_s);
    REQUIRE(action.links.size() == 2);
    CHECK(action.links.at(1).entityRef == u"${{ steps['register'].output.entityRef }}"_s);
    CHECK(action.links.at(1).icon == u"catalog"_s);
}

TEST_CASE("INVALID-template is not a template Portolan runs, and says why", "[actions-form]")
{
    const ActionTemplate action =
        corpusTemplate(u"plugins/scaffolder-backend/fixtures/test-v1beta3/INVALID-template.yaml"_s);
    CHECK_FALSE(action.runnable());
    REQUIRE(Portolan::Test::countErrors(action.problems) == 1);
    const Error &e =
        *std::find_if(action.problems.cbegin(), action.problems.cend(), [](const Error &p) { return p.isError(); });
    CHECK(e.line == 1);
    CHECK(e.message.contains(u"backstage.io/v1beta3"_s));
    CHECK(e.message.contains(u"scaffolder.backstage.io/v1beta3"_s));
    // Its page has `name` where a title belongs: a warning, the page is still read.
    REQUIRE(action.pages.size() == 1);
    CHECK(action.pages.first().title.isEmpty());
    CHECK(str(shape(ParameterForm(action).fields(0))) == "inputString:text | inputObject:group");
    CHECK(action.steps.first().ifExpression == u"${{ true === true }}"_s);
}

TEST_CASE("The kitchen sink: every page, field and widget", "[actions-form]")
{
    const ActionTemplate action =
        corpusTemplate(u"plugins/scaffolder-backend/sample-templates/bui-kitchen-sink-demo/template.yaml"_s);
    INFO(Portolan::Test::describe(action.problems).toStdString());
    CHECK(action.problems.isEmpty());
    CHECK(str(titles(action))
          == "Basic widgets | Numbers, ranges and toggles | Selects and groups | Dates and files | Nested objects and "
             "arrays | Catalog and repo pickers");
    const ParameterForm form(action);
    REQUIRE(form.pageCount() == 6);
    CHECK(str(shape(form.fields(0)))
          == "name:text* | description:textarea | email:email* | website:uri | password:password | "
             "favouriteColour:color | secret:hidden");
    CHECK(str(shape(form.fields(1))) == "replicas:updown | confidence:range | enabled:checkbox | consent:radio");
    CHECK(str(shape(form.fields(2))) == "environment:select | region:radio | features:checkboxes | tags:list");
    CHECK(str(shape(form.fields(3))) == "startDate:date | startDateTime:datetime | cutoffTime:time | readme:file");
    CHECK(str(shape(form.fields(4))) == "owner:group | contacts:objects");
    CHECK(str(shape(form.fields(5)))
          == "componentName:EntityNamePicker | ownerRef:OwnerPicker | relatedEntity:EntityPicker | "
             "relatedEntities:MultiEntityPicker | myGroups:MyGroupsPicker | ownedEntity:OwnedEntityPicker | "
             "entityTags:EntityTagsPicker | repoUrl:RepoUrlPicker | repoOwner:RepoOwnerPicker | "
             "repoBranch:RepoBranchPicker | deployToken:Secret");

    const QList<FormField> basic = form.fields(0);
    CHECK(basic.at(0).autofocus);
    CHECK(basic.at(0).description == u"Plain text input via BaseInputTemplate"_s);
    CHECK(basic.at(1).options.value(u"rows"_s).toInt() == 3);
    CHECK(basic.at(2).format == u"email"_s);
    CHECK(basic.at(4).secret);
    CHECK_FALSE(basic.at(6).secret);
    CHECK(basic.at(6).defaultValue.toString() == u"hidden-default-value"_s);

    const QList<FormField> numbers = form.fields(1);
    CHECK(numbers.at(0).type == FormField::Type::Integer);
    CHECK(*numbers.at(0).minimum == 1);
    CHECK(*numbers.at(0).maximum == 10);
    CHECK(numbers.at(1).type == FormField::Type::Number);
    CHECK(numbers.at(2).type == FormField::Type::Boolean);
    CHECK(numbers.at(3).enumValues == QJsonArray{true, false});
    CHECK(str(numbers.at(3).enumNames) == "I agree | I disagree");

    const QList<FormField> selects = form.fields(2);
    CHECK(str(selects.at(0).enumNames) == "development | staging | production");
    CHECK(str(selects.at(2).enumNames) == "logging | metrics | tracing | profiling");
    CHECK(selects.at(2).uniqueItems);
    CHECK(selects.at(3).items->type == FormField::Type::String);

    const QList<FormField> nested = form.fields(4);
    CHECK(str(shape(nested.at(0).children)) == "displayName:text* | slack:text");
    CHECK(nested.at(0).children.at(0).path == u"owner.displayName"_s);
    REQUIRE(nested.at(1).items);
    CHECK(str(shape(nested.at(1).items->children)) == "name:text* | role:select | primary:checkbox");
    CHECK(nested.at(1).items->children.at(0).path == u"contacts[].name"_s);

    const QList<FormField> pickers = form.fields(5);
    CHECK(str(pickers.at(1).picker.kinds()) == "User | Group");
    CHECK(str(pickers.at(2).picker.kinds()) == "Component");
    CHECK(pickers.at(2).isPicker());
    CHECK(str(pickers.at(7).picker.allowedHosts) == "github.com | gitlab.com");
    CHECK(str(pickers.at(8).picker.allowedOwners) == "backstage | example-org");
    CHECK(pickers.at(10).secret);
    CHECK_FALSE(pickers.at(10).isPicker());
    // The first entity picker is what an entity page would fill in.
    CHECK(action.guard.entityParameter == u"relatedEntity"_s);

    CHECK(str(form.withDefaults({}))
          == R"({"confidence":50,"consent":false,"enabled":true,"environment":"development","replicas":3,)"
             R"("secret":"hidden-default-value"})");
}

TEST_CASE("Picker options as the corpus writes them", "[actions-form]")
{
    const ActionTemplate rails = corpusTemplate(u"software-templates/scaffolder-templates/rails-demo/template.yaml"_s);
    const ParameterForm form(rails);
    const QList<FormField> first = form.fields(0);
    CHECK(str(shape(first)) == "name:EntityNamePicker* | owner:OwnerPicker* | system:EntityPicker");
    CHECK(str(first.at(1).picker.kinds()) == "Group");
    CHECK(str(first.at(2).picker.kinds()) == "System");
    CHECK(first.at(2).picker.defaultKind == u"System"_s);
    CHECK(str(shape(form.fields(1))) == "repoUrl:RepoUrlPicker* | dryRun:checkbox* | railsArguments:group");
    CHECK(str(shape(form.fields(1).at(2).children))
          == "minimal:checkbox | skipBundle:checkbox | skipWebpackInstall:checkbox | api:checkbox | template:text | "
             "webpacker:select | database:select | railsVersion:select");
    // Steps without an id get one; `if` is kept as written.
    CHECK(rails.steps.at(1).id == u"step-2"_s);
    CHECK(rails.steps.at(4).id == u"step-5"_s);
    CHECK(rails.steps.at(2).ifExpression == u"${{ parameters.dryRun !== true }}"_s);
    CHECK(form.defaults(1) == json(R"({"dryRun":false,"railsArguments":{"template":"./rails-template-file.rb"}})"));

    const ActionTemplate notify =
        corpusTemplate(u"plugins/scaffolder-backend/sample-templates/notifications-demo/template.yaml"_s);
    const QList<FormField> fields = ParameterForm(notify).fields(0);
    CHECK(fields.at(1).widget == Widget::MultiEntityPicker);
    CHECK(fields.at(1).picker.defaultNamespace == u"default"_s);
}

TEST_CASE("Pages shown by `when`", "[actions-form]")
{
    const ActionTemplate action =
        corpusTemplate(u"plugins/scaffolder-backend/sample-templates/conditional-parameters-demo/template.yaml"_s);
    INFO(Portolan::Test::describe(action.problems).toStdString());
    CHECK(action.runnable());
    CHECK(str(titles(action))
          == "Choose Cloud Provider | AWS Configuration | GCP Configuration | Azure Configuration | Advanced Options | "
             "Monitoring Configuration");
    CHECK(action.pages.at(0).when.isEmpty());
    CHECK(action.pages.at(1).when == u"${{ parameters.cloudProvider === 'AWS' }}"_s);
    CHECK(action.pages.at(5).when == u"${{ parameters.enableMonitoring }}"_s);
    CHECK(action.pages.at(1).position.line == 31);

    const ParameterForm form(action);
    CHECK(str(shape(form.fields(0))) == "name:text* | cloudProvider:select*");
    CHECK(str(shape(form.fields(1))) == "awsRegion:select* | awsAccountId:text");
    CHECK(str(shape(form.fields(5))) == "alertEmail:email | alertThreshold:updown");

    CHECK(form.visiblePages({}) == QList<qsizetype>{0, 4});
    CHECK(form.visiblePages(json(R"({"cloudProvider":"AWS"})")) == QList<qsizetype>{0, 1, 4});
    CHECK(form.visiblePages(json(R"({"cloudProvider":"GCP","enableMonitoring":true})"))
          == QList<qsizetype>{0, 2, 4, 5});

    // A whole submission: only the pages shown count.
    const QJsonObject gcp = json(R"({"name":"svc","cloudProvider":"GCP","enableMonitoring":false})");
    CHECK(str(errorPaths(form.validate(gcp))) == "gcpProjectId");
    CHECK(
        form.validate(form.withDefaults(json(R"({"name":"svc","cloudProvider":"GCP","gcpProjectId":"p"})"))).isEmpty());
    const QJsonObject filled = form.withDefaults(json(R"({"name":"svc","cloudProvider":"Azure"})"));
    CHECK(str(filled) == R"({"azureRegion":"eastus","cloudProvider":"Azure","enableMonitoring":false,"name":"svc"})");
    const QJsonObject monitoring =
        json(R"({"name":"svc","cloudProvider":"AWS","awsRegion":"us-east-1","enableMonitoring":true,)"
             R"("alertEmail":"ops","alertThreshold":20})");
    CHECK(str(errorPaths(form.validate(monitoring))) == "alertEmail | alertThreshold");
}

TEST_CASE("A page whose `when` cannot be evaluated stops the action", "[actions-form]")
{
    const ActionTemplate action = withPages(R"(- title: First
  properties:
    name:
      type: string
- title: Broken
  when: ${{ parameters.name | nosuchfilter }}
  properties:
    other:
      type: string)");
    CHECK_FALSE(action.runnable());
    CHECK(str(errorFields(action)) == "spec.parameters[1].when");
    CHECK(action.problems.first().line == 14);

    const ParameterForm form(action);
    CHECK_FALSE(form.isPageVisible(1, {}).ok());
    ErrorList problems;
    CHECK(form.visiblePages({}, &problems) == QList<qsizetype>{0});
    CHECK(problems.size() == 1);
    CHECK(problems.first().message.contains(u"Broken"_s));
    CHECK(form.validate({}).size() == 1);
}

TEST_CASE("Template problems: steps, pages, fields, widgets, patterns and guards", "[actions-form]")
{
    SECTION("steps")
    {
        const QByteArray text = R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: steps
spec:
  type: service
  parameters:
    - title: A
      properties: {}
    - just text
  steps:
    - id: one
      action: debug:log
      if: false
    - id: one
      action: fetch:plain
    - id: three
      name: No action
    - action: publish:github
)";
        const ActionTemplate action = readTemplate(text, u"steps.yaml"_s);
        INFO(Portolan::Test::describe(action.problems).toStdString());
        CHECK(str(errorFields(action))
              == "spec.parameters[1] | spec.steps[1].id | spec.steps[2].action | spec.steps[3].action");
        CHECK(action.pages.size() == 1);
        CHECK(action.steps.size() == 4);
        CHECK(action.steps.at(0).ifExpression == u"false"_s);
        CHECK(action.steps.at(3).id == u"step-4"_s);
        CHECK(action.problems.at(1).message.contains(u"one"_s));
        CHECK(action.problems.at(2).message.contains(u"“three” has no action"_s));
        CHECK(action.problems.at(3).message.contains(u"“step-4” uses publish:github"_s));
        CHECK(action.problems.at(3).line == 19);
    }
    SECTION("fields, widgets and patterns")
    {
        const ActionTemplate action = withPages(R"(- title: Odd
  properties:
    repo:
      type: string
      ui:field: GitlabRepoPicker
    when:
      type: string
      ui:widget: alt-date
    name:
      type: string
      pattern: '(['
    nested:
      type: object
      properties:
        deep:
          type: array
          items:
            type: string
            ui:field: MyCustomExtension
    either:
      anyOf:
        - type: string
        - type: integer
    shared:
      $ref: '#/definitions/name'
    broken: 5)");
        INFO(Portolan::Test::describe(action.problems).toStdString());
        CHECK_FALSE(action.runnable());
        CHECK(str(errorFields(action))
              == "spec.parameters[0].properties.broken | spec.parameters[0].properties.name.pattern | "
                 "spec.parameters[0].properties.nested.properties.deep.items.ui:field | "
                 "spec.parameters[0].properties.repo.ui:field");
        const auto find = [&](const QString &suffix) {
            return *std::find_if(action.problems.cbegin(), action.problems.cend(),
                                 [&](const Error &e) { return e.field.endsWith(suffix); });
        };
        CHECK(find(u"repo.ui:field"_s).message.contains(u"“repo” uses the field GitlabRepoPicker"_s));
        CHECK(find(u"repo.ui:field"_s).message.contains(u"EntityPicker, MultiEntityPicker"_s));
        CHECK(find(u"repo.ui:field"_s).line == 13);
        CHECK(find(u"deep.items.ui:field"_s).message.contains(u"“nested.deep[]” uses the field MyCustomExtension"_s));
        const Error widget = find(u"when.ui:widget"_s);
        CHECK(widget.severity == Error::Severity::Warning);
        CHECK(widget.message.contains(u"alt-date"_s));
        CHECK(find(u"either.anyOf"_s).severity == Error::Severity::Warning);
        CHECK(find(u"shared.$ref"_s).severity == Error::Severity::Warning);
        // The unknown widget falls back to the type's own.
        CHECK(ParameterForm(action).findField(u"when"_s)->widget == Widget::Text);
    }
    SECTION("guard annotations")
    {
        const QByteArray text = R"(apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: delete-env
  annotations:
    portolan.dev/allowed-groups: "group:default/team-a, platform, user:bob"
    portolan.dev/minimum-level: "production-readiness: Silver"
    portolan.dev/required-fields: "spec.owner, spec.system"
    portolan.dev/destructive: "true"
    portolan.dev/confirm-text: "delete ${{ parameters.name }}"
    portolan.dev/entity-kinds: "Component, Resource"
    portolan.dev/entity-parameter: "component"
    portolan.dev/category: "Environments"
spec:
  type: service
  parameters:
    - title: Which
      properties:
        component:
          type: string
          ui:field: EntityPicker
  steps:
    - id: log
      action: debug:log
)";
        const ActionTemplate action = readTemplate(text, u"guard.yaml"_s);
        INFO(Portolan::Test::describe(action.problems).toStdString());
        CHECK(action.problems.isEmpty());
        CHECK(str(action.guard.allowedGroups) == "group:default/team-a | group:default/platform | user:default/bob");
        CHECK(action.guard.scorecard == u"production-readiness"_s);
        CHECK(action.guard.minimumLevel == u"Silver"_s);
        CHECK(str(action.guard.requiredFields) == "spec.owner | spec.system");
        CHECK(action.guard.destructive);
        CHECK(action.guard.confirmText == u"delete ${{ parameters.name }}"_s);
        CHECK(str(action.guard.entityKinds) == "Component | Resource");
        CHECK(action.guard.entityParameter == u"component"_s);
        CHECK(action.category == u"Environments"_s);
        CHECK(action.isEntityScoped());
        Entity component;
        component.kind = u"component"_s;
        CHECK(action.appliesTo(component));
        component.kind = u"API"_s;
        CHECK_FALSE(action.appliesTo(component));

        QByteArray broken = text;
        broken.replace("production-readiness: Silver", "Silver");
        broken.replace("destructive: \"true\"", "destructive: \"maybe\"");
        const ActionTemplate bad = readTemplate(broken, u"guard.yaml"_s);
        CHECK(str(errorFields(bad))
              == "metadata.annotations.portolan.dev/minimum-level | metadata.annotations.portolan.dev/destructive");
        // Fails closed: a guard it cannot read treats the action as destructive.
        CHECK(bad.guard.destructive);
    }
}

TEST_CASE("Validation: required, types, enums", "[actions-form]")
{
    const ParameterForm form(
        corpusTemplate(u"plugins/scaffolder-backend/sample-templates/bui-kitchen-sink-demo/template.yaml"_s));

    CHECK(str(errorPaths(form.validatePage(0, {}))) == "name | email");
    CHECK(str(errorPaths(form.validatePage(0, json(R"({"name":"","email":"a@example.com"})")))) == "name");
    CHECK(form.validatePage(0, json(R"({"name":"n","email":"a@example.com"})")).isEmpty());
    CHECK(form.validatePage(0, {}).first().message == u"“Name” is required"_s);

    const QJsonObject okNumbers = json(R"({"replicas":3,"confidence":12.5,"enabled":true,"consent":false})");
    CHECK(form.validatePage(1, okNumbers).isEmpty());
    CHECK(form.validatePage(1, json(R"({"replicas":3.0})")).isEmpty());
    CHECK(errors(form, 0, R"({"name":5,"email":"a@example.com"})") == "name");
    CHECK(form.validatePage(0, json(R"({"name":5,"email":"a@example.com"})")).first().message
          == u"“Name” must be text"_s);
    CHECK(errors(form, 1, R"({"replicas":"3"})") == "replicas");
    CHECK(errors(form, 1, R"({"replicas":2.5})") == "replicas");
    CHECK(form.validatePage(1, json(R"({"replicas":2.5})")).first().message == u"“Replicas” must be a whole number"_s);
    CHECK(errors(form, 1, R"({"confidence":"high"})") == "confidence");
    CHECK(errors(form, 1, R"({"enabled":"true"})") == "enabled");
    CHECK(errors(form, 2, R"({"tags":"a,b"})") == "tags");
    CHECK(errors(form, 4, R"({"owner":"ann"})") == "owner");

    CHECK(form.validatePage(2, json(R"({"environment":"staging","region":"us-east-1"})")).isEmpty());
    const ErrorList wrong = form.validatePage(2, json(R"({"environment":"qa"})"));
    REQUIRE(wrong.size() == 1);
    CHECK(wrong.first().field == u"environment"_s);
    CHECK(wrong.first().message == u"“Environment” must be one of: development, staging, production"_s);
}

TEST_CASE("Validation: numbers, lengths, patterns", "[actions-form]")
{
    const ParameterForm kitchen(
        corpusTemplate(u"plugins/scaffolder-backend/sample-templates/bui-kitchen-sink-demo/template.yaml"_s));
    CHECK(errors(kitchen, 1, R"({"replicas":0,"confidence":100.5})") == "replicas | confidence");
    CHECK(kitchen.validatePage(1, json(R"({"replicas":11})")).first().message == u"“Replicas” must be at most 10"_s);
    CHECK(kitchen.validatePage(1, json(R"({"replicas":1,"confidence":100})")).isEmpty());

    // As Backstage's input examples write them.
    const ActionTemplate action = withPages(R"(- title: Fill in some steps
  properties:
    name:
      title: Simple text input
      type: string
      maxLength: 8
      pattern: '^([a-zA-Z][a-zA-Z0-9]*)(-[a-zA-Z0-9]+)*$'
      ui:autofocus: true
      ui:help: 'Hint: additional description...'
    code:
      title: Code
      type: string
      minLength: 3
    ratio:
      title: Ratio
      type: number
      exclusiveMinimum: 0
      exclusiveMaximum: 1
    old:
      title: Old style
      type: integer
      minimum: 0
      exclusiveMinimum: true
    multiline:
      title: Text area input
      type: string
      ui:widget: textarea
      ui:options:
        rows: 10
      ui:help: 'Hint: Make it strong!'
      ui:placeholder: |
        apiVersion: backstage.io/v1alpha1
        kind: Component
    hosts:
      title: Hosts
      type: array
      minItems: 1
      maxItems: 2
      items:
        type: string
        pattern: '^[a-z.]+$')");
    INFO(Portolan::Test::describe(action.problems).toStdString());
    CHECK(action.problems.isEmpty());
    const ParameterForm form(action);
    const FormField name = form.fields(0).first();
    CHECK(name.help == u"Hint: additional description..."_s);
    CHECK(name.maxLength == 8);
    const FormField multiline = *form.findField(u"multiline"_s);
    CHECK(multiline.widget == Widget::TextArea);
    CHECK(multiline.placeholder == u"apiVersion: backstage.io/v1alpha1\nkind: Component\n"_s);
    CHECK(multiline.options.value(u"rows"_s).toInt() == 10);

    CHECK(
        form.validatePage(0, json(R"({"name":"my-app","code":"abc","ratio":0.5,"old":1,"hosts":["a.b"]})")).isEmpty());
    CHECK(errors(form, 0, R"({"name":"1abc"})") == "name");
    CHECK(form.validatePage(0, json(R"({"name":"1abc"})")).first().message.contains(u"must match the pattern"_s));
    CHECK(errors(form, 0, R"({"name":"abcdefghi"})") == "name");
    // "%n character(s)" reads as the English translation words it; tests run without translations.
    CHECK(form.validatePage(0, json(R"({"name":"abcdefghi"})"))
              .first()
              .message.startsWith(u"“Simple text input” takes at most 8 character"_s));
    // Characters, not UTF-16 units: a letter and seven emoji are eight characters.
    CHECK(ParameterForm::validateField(name, u"a😀😀😀😀😀😀😀"_s).size() == 1); // the pattern, not the length
    CHECK(errors(form, 0, R"({"code":"ab"})") == "code");
    CHECK(errors(form, 0, R"({"ratio":0})") == "ratio");
    CHECK(errors(form, 0, R"({"ratio":1})") == "ratio");
    CHECK(errors(form, 0, R"({"old":0})") == "old");
    CHECK(errors(form, 0, R"({"hosts":[]})") == "hosts");
    CHECK(errors(form, 0, R"({"hosts":["a","b","c"]})") == "hosts");
    CHECK(errors(form, 0, R"({"hosts":["a","B"]})") == "hosts[1]");
}

TEST_CASE("Validation: formats", "[actions-form]")
{
    const ParameterForm form(
        corpusTemplate(u"plugins/scaffolder-backend/sample-templates/bui-kitchen-sink-demo/template.yaml"_s));
    const QJsonObject base = json(R"({"name":"n"})");
    const auto errorsWith = [&](const QString &key, const QString &value, qsizetype page) {
        QJsonObject values = base;
        values.insert(u"email"_s, u"ann@example.com"_s);
        values.insert(key, value);
        return str(errorPaths(form.validatePage(page, values)));
    };
    CHECK(errorsWith(u"email"_s, u"ann@example.com"_s, 0).empty());
    CHECK(errorsWith(u"email"_s, u"ann.example.com"_s, 0) == "email");
    CHECK(errorsWith(u"email"_s, u"ann@exa mple.com"_s, 0) == "email");
    CHECK(errorsWith(u"website"_s, u"https://backstage.io/docs"_s, 0).empty());
    CHECK(errorsWith(u"website"_s, u"backstage.io"_s, 0) == "website");
    CHECK(errorsWith(u"website"_s, u"https://back stage.io"_s, 0) == "website");
    CHECK(errorsWith(u"startDate"_s, u"2024-02-29"_s, 3).empty());
    CHECK(errorsWith(u"startDate"_s, u"2023-02-29"_s, 3) == "startDate");
    CHECK(errorsWith(u"startDate"_s, u"29/02/2024"_s, 3) == "startDate");
    CHECK(errorsWith(u"startDateTime"_s, u"2024-02-29T10:30:00Z"_s, 3).empty());
    CHECK(errorsWith(u"startDateTime"_s, u"2024-02-29T10:30:00.5+01:00"_s, 3).empty());
    CHECK(errorsWith(u"startDateTime"_s, u"2024-02-29T10:30:00"_s, 3) == "startDateTime");
    CHECK(errorsWith(u"startDateTime"_s, u"2024-02-29"_s, 3) == "startDateTime");
    CHECK(errorsWith(u"cutoffTime"_s, u"23:59:59"_s, 3).empty());
    CHECK(errorsWith(u"cutoffTime"_s, u"24:00:00"_s, 3) == "cutoffTime");
    CHECK(errorsWith(u"cutoffTime"_s, u"noon"_s, 3) == "cutoffTime");
    CHECK(errorsWith(u"readme"_s, u"data:text/markdown;name=README.md;base64,IyBIaQ=="_s, 3).empty());
    CHECK(errorsWith(u"readme"_s, u"# Hi"_s, 3) == "readme");
    QJsonObject wrongEmail = base;
    wrongEmail.insert(u"email"_s, u"nope"_s);
    CHECK(form.validatePage(0, wrongEmail).first().message == u"“Email” must be an email address"_s);
}

TEST_CASE("Validation: arrays, nested objects, pickers", "[actions-form]")
{
    const ParameterForm form(
        corpusTemplate(u"plugins/scaffolder-backend/sample-templates/bui-kitchen-sink-demo/template.yaml"_s));

    CHECK(form.validatePage(2, json(R"({"features":["logging","tracing"],"tags":["x","y"]})")).isEmpty());
    const ErrorList twice = form.validatePage(2, json(R"({"features":["logging","logging"]})"));
    CHECK(str(errorPaths(twice)) == "features");
    CHECK(twice.first().message == u"“Features” lists logging twice"_s);
    CHECK(errors(form, 2, R"({"features":["logging","teleport"]})") == "features[1]");

    // A nested object's required fields apply even when nothing was entered, as in RJSF.
    CHECK(str(errorPaths(form.validatePage(4, {}))) == "owner.displayName");
    CHECK(form.validatePage(4, json(R"({"owner":{"displayName":"Ann"}})")).isEmpty());
    CHECK(errors(form, 4, R"({"owner":{"displayName":"Ann"},"contacts":[{"name":"Bo","role":"PM"},{"role":"CEO"}]})")
          == "contacts[1].name | contacts[1].role");
    CHECK(errors(form, 4, R"({"owner":{"displayName":7}})") == "owner.displayName");

    const auto pickers = [&](const char *values) { return str(errorPaths(form.validatePage(5, json(values)))); };
    CHECK(pickers(R"({"componentName":"my_service.v2","repoUrl":"github.com?owner=backstage&repo=portolan"})").empty());
    CHECK(pickers(R"({"componentName":"-bad"})") == "componentName");
    CHECK(pickers(R"({"componentName":"a..b"})") == "componentName");
    const QString long64 = QString(64, u'a');
    QJsonObject tooLong{{u"componentName"_s, long64}};
    CHECK(str(errorPaths(form.validatePage(5, tooLong))) == "componentName");
    tooLong.insert(u"componentName"_s, long64.left(63));
    CHECK(form.validatePage(5, tooLong).isEmpty());
    CHECK(form.validatePage(5, json(R"({"componentName":"-bad"})"))
              .first()
              .message.contains(u"Maximum length is 63 characters"_s));
    CHECK(pickers(R"({"repoUrl":"github.com?owner=backstage"})") == "repoUrl");
    CHECK(pickers(R"({"repoUrl":"github.com?repo=portolan"})") == "repoUrl");
    CHECK(pickers(R"({"repoUrl":"bitbucket.org?workspace=w&project=p&repo=r"})") == "repoUrl");
}

TEST_CASE("Conditional fields: dependencies, if/then/else and allOf", "[actions-form]")
{
    // The shapes of Backstage's input examples (dependencies with allOf of if/then, and with oneOf on an enum).
    const ActionTemplate action = withPages(R"(- title: Fill in some steps
  properties:
    includeName:
      title: Include Name?
      type: boolean
      default: true
  dependencies:
    includeName:
      allOf:
        - if:
            properties:
              includeName:
                const: true
          then:
            properties:
              lastName:
                title: Last Name
                type: string
            required:
              - lastName
- title: Database
  required:
    - database
  properties:
    database:
      title: Database
      type: string
      enum: [postgres, mysql]
  dependencies:
    database:
      oneOf:
        - properties:
            database:
              enum: [postgres]
            postgresVersion:
              title: PostgreSQL version
              type: string
              enum: ['15', '16']
          required:
            - postgresVersion
        - properties:
            database:
              enum: [mysql]
            mysqlEngine:
              title: Engine
              type: string
              default: InnoDB
- title: Exposure
  properties:
    exposed:
      title: Expose the service
      type: boolean
    contactEmail:
      title: Contact
      type: string
      format: email
  dependencies:
    exposed:
      - contactEmail
  if:
    properties:
      exposed:
        const: true
    required:
      - exposed
  then:
    properties:
      hostname:
        title: Hostname
        type: string
    required:
      - hostname
  else:
    properties:
      reason:
        title: Why not
        type: string)");
    INFO(Portolan::Test::describe(action.problems).toStdString());
    CHECK(action.problems.isEmpty());
    const ParameterForm form(action);

    // dependencies with allOf/if/then: the branch's properties appear once the key has a value that matches.
    CHECK(str(shape(form.fields(0))) == "includeName:checkbox");
    CHECK(str(shape(form.fields(0, json(R"({"includeName":true})")))) == "includeName:checkbox | lastName:text*");
    CHECK(str(shape(form.fields(0, json(R"({"includeName":false})")))) == "includeName:checkbox");
    CHECK(form.defaults(0) == json(R"({"includeName":true})"));
    CHECK(str(errorPaths(form.validatePage(0, form.defaults(0)))) == "lastName");
    CHECK(form.validatePage(0, json(R"({"includeName":false})")).isEmpty());

    // dependencies with oneOf: the branch whose enum holds the value.
    CHECK(str(shape(form.fields(1))) == "database:select*");
    CHECK(str(shape(form.fields(1, json(R"({"database":"postgres"})"))))
          == "database:select* | postgresVersion:select*");
    CHECK(str(shape(form.fields(1, json(R"({"database":"mysql"})")))) == "database:select* | mysqlEngine:text");
    CHECK(errors(form, 1, R"({"database":"postgres"})") == "postgresVersion");
    CHECK(errors(form, 1, R"({"database":"postgres","postgresVersion":"9"})") == "postgresVersion");
    CHECK(form.defaults(1, json(R"({"database":"mysql"})")) == json(R"({"mysqlEngine":"InnoDB"})"));

    // if/then/else and a property dependency in its array form.
    CHECK(str(shape(form.fields(2))) == "exposed:checkbox | contactEmail:email | reason:text");
    CHECK(str(shape(form.fields(2, json(R"({"exposed":true})"))))
          == "exposed:checkbox | contactEmail:email* | hostname:text*");
    CHECK(str(shape(form.fields(2, json(R"({"exposed":false})"))))
          == "exposed:checkbox | contactEmail:email* | reason:text");
    CHECK(errors(form, 2, R"({"exposed":true})") == "contactEmail | hostname");
    CHECK(form.validatePage(2, json(R"({"exposed":true,"contactEmail":"a@b.io","hostname":"h"})")).isEmpty());
    CHECK(form.validatePage(2, {}).isEmpty());

    // Hidden fields are not validated: a stale value of a branch no longer shown does not count.
    CHECK(form.validatePage(1, json(R"({"database":"mysql","postgresVersion":"9"})")).isEmpty());
    CHECK(form.findField(u"hostname"_s, json(R"({"exposed":true})")).has_value());
    CHECK_FALSE(form.findField(u"hostname"_s).has_value());
}

TEST_CASE("Command-line values: k=v as typed values", "[actions-form]")
{
    const ParameterForm form(
        corpusTemplate(u"plugins/scaffolder-backend/sample-templates/bui-kitchen-sink-demo/template.yaml"_s));

    const Result<QJsonObject> parsed = form.parseAssignments(
        {u"name=svc"_s, u"replicas=5"_s, u"confidence=12.5"_s, u"enabled=no"_s, u"consent=TRUE"_s,
         u"features=logging, metrics"_s, u"tags=[\"a\", \"b c\"]"_s, u"owner={\"displayName\":\"Ann\"}"_s,
         u"owner.slack=@ann"_s, u"description=a=b"_s, u"contacts=[{\"name\":\"Bo\"}]"_s, u"entityTags="_s});
    REQUIRE(parsed.ok());
    CHECK(str(*parsed)
          == R"({"confidence":12.5,"consent":true,"contacts":[{"name":"Bo"}],"description":"a=b","enabled":false,)"
             R"("entityTags":[],"features":["logging","metrics"],"name":"svc","owner":{"displayName":"Ann",)"
             R"("slack":"@ann"},"replicas":5,"tags":["a","b c"]})");
    CHECK(parsed->value(u"replicas"_s).toInteger() == 5);

    const auto failure = [&](const QString &assignment) {
        const Result<QJsonObject> r = form.parseAssignments({assignment});
        REQUIRE_FALSE(r.ok());
        return r.error();
    };
    CHECK(failure(u"replicas=five"_s).message == u"replicas takes a whole number, not “five”"_s);
    CHECK(failure(u"replicas=2.5"_s).field == u"replicas"_s);
    CHECK(failure(u"confidence=lots"_s).field == u"confidence"_s);
    CHECK(failure(u"enabled=maybe"_s).message.contains(u"true or false"_s));
    CHECK(failure(u"features=[\"a\""_s).message.contains(u"not JSON"_s));
    CHECK(failure(u"owner={"_s).message.contains(u"JSON object"_s));
    CHECK(failure(u"justtext"_s).message.contains(u"name=value"_s));
    const Error unknown = failure(u"colour=red"_s);
    CHECK(unknown.field == u"colour"_s);
    CHECK(unknown.message.contains(u"no parameter “colour”"_s));
    CHECK(unknown.message.contains(u"favouriteColour"_s));

    // Typed, then validated like the form's values.
    const FormField replicas = *form.findField(u"replicas"_s);
    const QJsonValue fifty = *ParameterForm::parseValue(replicas, u"50"_s);
    CHECK(str(errorPaths(ParameterForm::validateField(replicas, fifty))) == "replicas");

    // A field that a dependency reveals can be set before the value that reveals it.
    const ActionTemplate conditional = withPages(R"(- title: Fill in some steps
  properties:
    includeName:
      type: boolean
  dependencies:
    includeName:
      allOf:
        - if:
            properties:
              includeName:
                const: true
          then:
            properties:
              lastName:
                type: string
              age:
                type: integer)");
    const Result<QJsonObject> revealed =
        ParameterForm(conditional).parseAssignments({u"age=40"_s, u"includeName=yes"_s});
    REQUIRE(revealed.ok());
    CHECK(str(*revealed) == R"({"age":40,"includeName":true})");
}
