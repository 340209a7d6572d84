// The action wizard over the demo workspace, offscreen: pages and inputs built from a template's parameters, inline
// validation, pickers, `when` pages, the Review page with the plan, one run per wizard, drafts; Backstage's own
// kitchen-sink and conditional sample templates. With PORTOLAN_WIZARD_SHOTS=<folder> each page is saved as a PNG.
#include "dialogs/ActionWizard.h"
#include "ActionsController.h"
#include "UiTestSupport.h"
#include "actions/RunStore.h"
#include "cache/CacheDatabase.h"
#include "widgets/Banner.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;
using namespace Portolan::Ui;
using Portolan::Test::demoCatalog;
using Portolan::Test::waitFor;

namespace {

Workspace demoWorkspace()
{
    const auto workspace = Workspace::open(Workspace::demoPath());
    REQUIRE(workspace.ok());
    return *workspace;
}

// A sample template of Backstage's scaffolder, read as the app reads templates.
ActionTemplate sampleTemplate(const QString &name, const ActionsController &controller)
{
    const QString file = QStringLiteral(PORTOLAN_CORPUS_DIR)
                         + u"/backstage/plugins/scaffolder-backend/sample-templates/"_s + name + u"/template.yaml"_s;
    LoadResult loaded = DescriptorLoader::load({file});
    REQUIRE(loaded.entities.size() == 1);
    return ActionTemplate::fromEntity(loaded.entities.front(), controller.executors().actions());
}

// Saves the wizard as shown when PORTOLAN_WIZARD_SHOTS names a folder (to look at it as a person would).
void shot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("PORTOLAN_WIZARD_SHOTS");
    if (dir.isEmpty()) {
        return;
    }
    QDir().mkpath(dir);
    QTest::qWait(50); // layouts and the focus settle
    CHECK(widget.grab().save(dir + u'/' + name + u".png"_s));
}

QPushButton *wizardButton(ActionWizard &wizard, QWizard::WizardButton which)
{
    auto *button = qobject_cast<QPushButton *>(wizard.button(which));
    REQUIRE(button);
    return button;
}

// What a person does to a picker: types the reference and leaves the field.
void typeInto(QLineEdit *edit, const QString &text)
{
    REQUIRE(edit);
    edit->clear();
    QTest::keyClicks(edit, text);
    Q_EMIT edit->editingFinished();
    if (edit->completer() && edit->completer()->popup()) {
        edit->completer()->popup()->hide();
    }
}

// Every field of the pages shown, and of their groups, by path (the inputs a template asks for).
void collectPaths(const QList<FormField> &fields, QStringList &out)
{
    for (const FormField &f : fields) {
        out << f.path;
        collectPaths(f.children, out);
    }
}

} // namespace

TEST_CASE("The wizard creates a service from the demo template: validation, pickers, review, one run", "[ui][wizard]")
{
    const Portolan::Test::IsolatedDataDir data;
    const QString cachePath = data.path() + u"/cache.db"_s;
    ActionsController controller(demoWorkspace(), cachePath);
    controller.setCatalog(demoCatalog());
    const ActionTemplate *action = controller.action(u"template:default/create-service"_s);
    REQUIRE(action);

    auto wizard = std::make_unique<ActionWizard>(&controller, *action);
    wizard->show();
    wizard->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(wizard.get()));
    CHECK(wizard->windowTitle() == u"Create a backend service"_s);
    CHECK(wizard->visiblePageIds() == QList<int>{0, 1});
    CHECK(wizard->currentId() == 0);
    CHECK(wizard->page(0)->title() == u"Service"_s);
    CHECK(wizard->page(1)->title() == u"Runtime"_s);

    // One input per parameter, of the kind the template asks for.
    auto *name = qobject_cast<QLineEdit *>(wizard->fieldWidget(u"name"_s));
    REQUIRE(name);
    auto *description = qobject_cast<QPlainTextEdit *>(wizard->fieldWidget(u"description"_s));
    REQUIRE(description);
    auto *owner = qobject_cast<QLineEdit *>(wizard->fieldWidget(u"owner"_s));
    REQUIRE(owner);
    CHECK(owner->completer() != nullptr);
    auto *system = qobject_cast<QLineEdit *>(wizard->fieldWidget(u"system"_s));
    REQUIRE(system);
    CHECK(qobject_cast<QComboBox *>(wizard->fieldWidget(u"language"_s)));
    CHECK(qobject_cast<QRadioButton *>(wizard->fieldWidget(u"tier"_s)));
    auto *port = qobject_cast<QSpinBox *>(wizard->fieldWidget(u"port"_s));
    REQUIRE(port);
    CHECK(port->maximum() == 65535);
    CHECK(port->value() == 8080);
    CHECK(qobject_cast<QCheckBox *>(wizard->fieldWidget(u"providesApi"_s)));
    CHECK(wizard->fieldWidget(u"apiName"_s) == nullptr); // only with providesApi
    // ui:autofocus
    CHECK(waitFor([&] { return name->hasFocus(); }, 2000));
    // The owner picker offers the teams of the catalog (catalogFilter kind Group, spec.type team).
    REQUIRE(waitFor([&] { return owner->completer()->model()->rowCount() > 0; }));
    for (int row = 0; row < owner->completer()->model()->rowCount(); ++row) {
        CHECK(owner->completer()->model()->index(row, 0).data(Qt::EditRole).toString().startsWith(u"group:"_s));
    }
    shot(*wizard, u"create-service-1-empty"_s);

    // An invalid name: the problem under the field as it is typed, and no way on.
    QPushButton *next = wizardButton(*wizard, QWizard::NextButton);
    QTest::keyClicks(name, u"Parcel Returns!"_s);
    REQUIRE(wizard->fieldErrors(u"name"_s).size() == 1);
    CHECK(wizard->fieldErrors(u"name"_s).first().contains(u"alphanumeric"_s));
    const auto errorLabels = wizard->findChildren<QLabel *>(u"fieldErrors"_s);
    CHECK(std::any_of(errorLabels.cbegin(), errorLabels.cend(),
                      [](const QLabel *l) { return l->isVisible() && l->text().contains(u"alphanumeric"_s); }));
    CHECK_FALSE(next->isEnabled());
    shot(*wizard, u"create-service-2-invalid"_s);

    name->clear();
    QTest::keyClicks(name, u"parcel-returns"_s);
    CHECK(wizard->fieldErrors(u"name"_s).isEmpty());
    CHECK_FALSE(next->isEnabled()); // owner and system are required
    typeInto(owner, u"group:default/platform-team"_s);
    typeInto(system, u"payments-core"_s); // the picker offers systems only: the kind is filled in
    CHECK(system->text() == u"system:default/payments-core"_s);
    CHECK(wizard->values().value(u"system"_s).toString() == u"system:default/payments-core"_s);
    QTest::keyClicks(description, u"Returns of parcels, end to end."_s);
    REQUIRE(next->isEnabled());
    shot(*wizard, u"create-service-3-valid"_s);
    QTest::mouseClick(next, Qt::LeftButton);
    REQUIRE(wizard->currentId() == 1);

    // Defaults of the second page; a dependency adds a field.
    QJsonObject values = wizard->values();
    CHECK(values.value(u"language"_s).toString() == u"go"_s);
    CHECK(values.value(u"tier"_s).toString() == u"tier-2"_s);
    CHECK(values.value(u"port"_s).toInteger() == 8080);
    auto *providesApi = qobject_cast<QCheckBox *>(wizard->fieldWidget(u"providesApi"_s));
    REQUIRE(providesApi);
    QTest::mouseClick(providesApi, Qt::LeftButton);
    auto *apiName = qobject_cast<QLineEdit *>(wizard->fieldWidget(u"apiName"_s));
    REQUIRE(apiName);
    CHECK_FALSE(next->isEnabled());
    QTest::keyClicks(apiName, u"returns"_s);
    CHECK_FALSE(wizard->fieldErrors(u"apiName"_s).isEmpty()); // must end in -api
    QTest::keyClicks(apiName, u"-api"_s);
    CHECK(wizard->fieldErrors(u"apiName"_s).isEmpty());
    CHECK(next->isEnabled());
    QTest::mouseClick(wizard->fieldWidget(u"tier"_s)->parentWidget()->findChildren<QRadioButton *>().at(0),
                      Qt::LeftButton);
    CHECK(wizard->values().value(u"tier"_s).toString() == u"tier-1"_s);
    shot(*wizard, u"create-service-4-runtime"_s);
    QTest::mouseClick(next, Qt::LeftButton);
    REQUIRE(wizard->currentId() == ActionWizard::ReviewPageId);

    // The Review page: parameters, and the plan as it comes from the controller.
    QPushButton *finish = wizardButton(*wizard, QWizard::FinishButton);
    CHECK_FALSE(finish->isEnabled()); // until the plan is shown
    REQUIRE(waitFor([&] { return wizard->isPlanShown(); }));
    REQUIRE(wizard->plan().size() == 3);
    CHECK(wizard->plan().at(1).action == u"publish:gitops"_s);
    CHECK(wizard->plan().at(2).waitsForEarlierSteps);
    const QString review = wizard->reviewText();
    CHECK(review.contains(u"publish:gitops"_s));
    CHECK(review.contains(u"northwind-platform"_s)); // the repository
    CHECK(review.contains(u"parcel-returns"_s));
    CHECK(review.contains(u"Go"_s));
    CHECK(wizard->guardCheck().allowed());
    REQUIRE(finish->isEnabled());
    shot(*wizard, u"create-service-5-review"_s);

    // Finish twice, quickly: one submission, one run.
    QSignalSpy submitted(wizard.get(), &ActionWizard::submitted);
    QSignalSpy finished(&controller, &ActionsController::runFinished);
    const QString key = wizard->submissionKey();
    QTest::mouseClick(finish, Qt::LeftButton);
    QTest::mouseClick(finish, Qt::LeftButton);
    wizard->accept(); // and once more by keyboard
    CHECK(submitted.count() == 1);
    CHECK(submitted.at(0).at(0).toString() == key);
    CHECK_FALSE(finish->isEnabled());
    REQUIRE(waitFor([&] { return !wizard->isVisible(); }, 20000)); // closes when the run is stored
    CHECK(wizard->result() == QDialog::Accepted);
    CHECK_FALSE(QSettings().contains(wizard->draftKey()));

    REQUIRE(waitFor([&] { return finished.count() > 0; }, 120000));
    const auto run = finished.at(0).at(0).value<ActionRun>();
    CHECK(run.key == key);
    INFO(run.error.toStdString());
    CHECK(run.status == ActionRun::Status::Succeeded);
    CHECK(run.parameters.value(u"name"_s).toString() == u"parcel-returns"_s);
    controller.waitForIdle();

    CacheDatabase db;
    REQUIRE(db.open(cachePath).ok());
    const auto runs = RunStore(db).list();
    REQUIRE(runs.ok());
    REQUIRE(runs->size() == 1);
    CHECK(runs->first().key == key);
    CHECK(runs->first().status == ActionRun::Status::Succeeded);
}

TEST_CASE("The wizard builds an input for every widget of Backstage's kitchen-sink template", "[ui][wizard]")
{
    const Portolan::Test::IsolatedDataDir data;
    ActionsController controller(demoWorkspace(), data.path() + u"/cache.db"_s);
    controller.setCatalog(demoCatalog());
    ActionTemplate action = sampleTemplate(u"bui-kitchen-sink-demo"_s, controller);
    REQUIRE(action.pages.size() == 6);

    ActionWizard wizard(&controller, action);
    wizard.show();
    REQUIRE(QTest::qWaitForWindowExposed(&wizard));
    CHECK(wizard.unsupportedFields().isEmpty());

    // Every parameter has an input, except the hidden one, whose default is kept.
    const ParameterForm form(action);
    QStringList paths;
    for (qsizetype page = 0; page < form.pageCount(); ++page) {
        collectPaths(form.fields(page, wizard.values()), paths);
    }
    CHECK(paths.size() >= 33);
    for (const QString &path : std::as_const(paths)) {
        INFO(path.toStdString());
        if (path == u"secret"_s) {
            CHECK(wizard.fieldWidget(path) == nullptr);
        } else {
            CHECK(wizard.fieldWidget(path) != nullptr);
        }
    }
    CHECK(wizard.values().value(u"secret"_s).toString() == u"hidden-default-value"_s);

    const auto widget = [&wizard](const char *path) { return wizard.fieldWidget(QString::fromLatin1(path)); };
    CHECK(qobject_cast<QPlainTextEdit *>(widget("description")));
    CHECK(qobject_cast<QLineEdit *>(widget("password"))->echoMode() == QLineEdit::Password);
    CHECK(qobject_cast<QLineEdit *>(widget("deployToken"))->echoMode() == QLineEdit::Password);
    CHECK(qobject_cast<QLineEdit *>(widget("favouriteColour")));
    auto *replicas = qobject_cast<QSpinBox *>(widget("replicas"));
    REQUIRE(replicas);
    CHECK(replicas->value() == 3);
    CHECK(replicas->maximum() == 10);
    CHECK(qobject_cast<QSlider *>(widget("confidence")));
    CHECK(qobject_cast<QCheckBox *>(widget("enabled"))->isChecked());
    CHECK(qobject_cast<QRadioButton *>(widget("consent")));
    CHECK(qobject_cast<QComboBox *>(widget("environment"))->currentText() == u"development"_s);
    CHECK(qobject_cast<QRadioButton *>(widget("region")));
    CHECK(qobject_cast<QCheckBox *>(widget("features")));
    CHECK(qobject_cast<QDateEdit *>(widget("startDate")));
    CHECK(qobject_cast<QDateTimeEdit *>(widget("startDateTime")));
    CHECK(qobject_cast<QTimeEdit *>(widget("cutoffTime")));
    CHECK(qobject_cast<QPushButton *>(widget("readme")));
    CHECK(qobject_cast<QGroupBox *>(widget("owner")));
    CHECK(qobject_cast<QLineEdit *>(widget("owner.displayName")));
    CHECK(qobject_cast<QLineEdit *>(widget("ownerRef"))->completer());
    CHECK(qobject_cast<QComboBox *>(widget("repoOwner"))->count() == 2);

    // Values set through the wizard show in the inputs, lists and items included.
    wizard.setValue(u"contacts"_s, QJsonArray{QJsonObject{{u"name"_s, u"Ann"_s}, {u"role"_s, u"PM"_s}}});
    auto *contactName = qobject_cast<QLineEdit *>(widget("contacts[0].name"));
    REQUIRE(contactName);
    CHECK(contactName->text() == u"Ann"_s);
    wizard.setValue(u"tags"_s, QJsonArray{u"alpha"_s, u"beta"_s});
    wizard.setValue(u"repoUrl"_s, u"gitlab.com?owner=acme&repo=parcels"_s);
    wizard.setValue(u"password"_s, u"hunter22-secret"_s);
    wizard.setValue(u"startDate"_s, u"2026-12-01"_s);
    CHECK(qobject_cast<QDateEdit *>(widget("startDate"))->date() == QDate(2026, 12, 1));
    const QJsonObject values = wizard.values();
    CHECK(values.value(u"tags"_s).toArray().size() == 2);
    CHECK(values.value(u"repoUrl"_s).toString() == u"gitlab.com?owner=acme&repo=parcels"_s);
    CHECK(values.value(u"startDate"_s).toString() == u"2026-12-01"_s);
    // A nested required field is checked where it is shown.
    wizard.setValue(u"owner.slack"_s, u"@ann"_s);
    CHECK(wizard.fieldErrors(u"owner.displayName"_s).isEmpty()); // not touched yet
    auto *displayName = qobject_cast<QLineEdit *>(widget("owner.displayName"));
    QTest::keyClicks(displayName, u"x"_s);
    displayName->clear();
    CHECK_FALSE(wizard.fieldErrors(u"owner.displayName"_s).isEmpty());
    // An invalid email, typed.
    auto *email = qobject_cast<QLineEdit *>(widget("email"));
    QTest::keyClicks(email, u"not-an-address"_s);
    CHECK_FALSE(wizard.fieldErrors(u"email"_s).isEmpty());

    // Secrets: in the submission, marked; never in a draft.
    const ActionSubmission submission = wizard.submission();
    CHECK(submission.secretFields.contains(u"password"_s));
    CHECK(submission.secretFields.contains(u"deployToken"_s));
    CHECK(submission.parameters.value(u"password"_s).toString() == u"hunter22-secret"_s);
    wizard.restart();
    for (int id : wizard.visiblePageIds()) {
        REQUIRE(wizard.currentId() == id);
        shot(wizard, u"kitchen-sink-page-%1"_s.arg(id));
        wizard.next(); // Next stays disabled on invalid pages; next() itself does not ask
    }
    wizard.reject();
    const QString draft = QSettings().value(wizard.draftKey()).toString();
    CHECK(draft.contains(u"parcels"_s));
    CHECK_FALSE(draft.contains(u"hunter22"_s));

    SECTION("a field Portolan has no input for is listed and shown with the plain input")
    {
        ActionTemplate custom = action;
        QJsonObject schema = custom.pages[0].schema;
        QJsonObject properties = schema.value(u"properties"_s).toObject();
        properties.insert(
            u"cluster"_s,
            QJsonObject{{u"title"_s, u"Cluster"_s}, {u"type"_s, u"string"_s}, {u"ui:field"_s, u"ClusterPicker"_s}});
        schema.insert(u"properties"_s, properties);
        custom.pages[0].schema = schema;
        ActionWizard other(&controller, custom);
        CHECK(other.unsupportedFields() == QStringList{u"cluster"_s});
        CHECK(qobject_cast<QLineEdit *>(other.fieldWidget(u"cluster"_s)));
        const auto notes = other.findChildren<QLabel *>(u"fieldUnsupported"_s);
        CHECK(std::any_of(notes.cbegin(), notes.cend(),
                          [](const QLabel *l) { return !l->isHidden() && l->text().contains(u"ClusterPicker"_s); }));
    }
}

TEST_CASE("Pages with `when` appear and disappear as the answers change", "[ui][wizard]")
{
    const Portolan::Test::IsolatedDataDir data;
    ActionsController controller(demoWorkspace(), data.path() + u"/cache.db"_s);
    controller.setCatalog(demoCatalog());
    const ActionTemplate action = sampleTemplate(u"conditional-parameters-demo"_s, controller);

    ActionWizard wizard(&controller, action);
    wizard.show();
    REQUIRE(QTest::qWaitForWindowExposed(&wizard));
    CHECK(wizard.visiblePageIds() == QList<int>{0, 4});

    QTest::keyClicks(qobject_cast<QLineEdit *>(wizard.fieldWidget(u"name"_s)), u"demo"_s);
    auto *provider = qobject_cast<QComboBox *>(wizard.fieldWidget(u"cloudProvider"_s));
    REQUIRE(provider);
    QTest::keyClick(provider, Qt::Key_Down); // the first choice: AWS
    CHECK(wizard.values().value(u"cloudProvider"_s).toString() == u"AWS"_s);
    CHECK(wizard.visiblePageIds() == QList<int>{0, 1, 4});
    CHECK(wizard.page(0)->subTitle().contains(u"Step 1 of 4"_s));
    QPushButton *next = wizardButton(wizard, QWizard::NextButton);
    REQUIRE(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    REQUIRE(wizard.currentId() == 1);
    CHECK(wizard.currentPage()->title() == u"AWS Configuration"_s);
    CHECK_FALSE(next->isEnabled()); // awsRegion is required
    shot(wizard, u"conditional-aws"_s);
    wizard.setValue(u"awsRegion"_s, u"eu-west-1"_s);
    CHECK(next->isEnabled());

    // Back, and another provider: the AWS page goes, GCP's comes with its default.
    wizard.back();
    REQUIRE(wizard.currentId() == 0);
    QTest::keyClick(provider, Qt::Key_Down);
    CHECK(wizard.values().value(u"cloudProvider"_s).toString() == u"GCP"_s);
    CHECK(wizard.visiblePageIds() == QList<int>{0, 2, 4});
    CHECK(wizard.nextId() == 2);
    CHECK(wizard.values().value(u"gcpRegion"_s).toString() == u"us-central1"_s);
    CHECK_FALSE(wizard.values().contains(u"awsRegion"_s)); // of a page no longer shown

    // A check box on a later page brings the monitoring page.
    wizard.setValue(u"gcpProjectId"_s, u"northwind-prod"_s);
    QTest::mouseClick(next, Qt::LeftButton);
    REQUIRE(wizard.currentId() == 2);
    QTest::mouseClick(next, Qt::LeftButton);
    REQUIRE(wizard.currentId() == 4);
    QTest::mouseClick(qobject_cast<QCheckBox *>(wizard.fieldWidget(u"enableMonitoring"_s)), Qt::LeftButton);
    CHECK(wizard.visiblePageIds() == QList<int>{0, 2, 4, 5});
    QTest::mouseClick(next, Qt::LeftButton);
    REQUIRE(wizard.currentId() == 5);
    CHECK(qobject_cast<QSpinBox *>(wizard.fieldWidget(u"alertThreshold"_s))->value() == 90);
    QTest::mouseClick(next, Qt::LeftButton);
    CHECK(wizard.currentId() == ActionWizard::ReviewPageId);
}

TEST_CASE("Drafts are kept when the wizard closes, restored or offered on the next open, and discarded", "[ui][wizard]")
{
    const Portolan::Test::IsolatedDataDir data;
    ActionsController controller(demoWorkspace(), data.path() + u"/cache.db"_s);
    controller.setCatalog(demoCatalog());
    const ActionTemplate *action = controller.action(u"template:default/create-service"_s);
    REQUIRE(action);

    QString key;
    {
        ActionWizard wizard(&controller, *action);
        wizard.show();
        REQUIRE(QTest::qWaitForWindowExposed(&wizard));
        key = wizard.draftKey();
        CHECK(key.startsWith(u"actions/drafts/"_s));
        CHECK(key.endsWith(u"/template:default/create-service"_s));
        CHECK(wizard.draftBanner()->isHidden());
        QTest::keyClicks(qobject_cast<QLineEdit *>(wizard.fieldWidget(u"name"_s)), u"draft-service"_s);
        typeInto(qobject_cast<QLineEdit *>(wizard.fieldWidget(u"owner"_s)), u"group:default/sre-team"_s);
        typeInto(qobject_cast<QLineEdit *>(wizard.fieldWidget(u"system"_s)), u"system:default/invoicing"_s);
        wizard.next();
        REQUIRE(wizard.currentId() == 1);
        qobject_cast<QSpinBox *>(wizard.fieldWidget(u"port"_s))->setValue(9090);
        wizard.reject();
    }
    REQUIRE(QSettings().contains(key));
    const QJsonObject saved = QJsonDocument::fromJson(QSettings().value(key).toString().toUtf8()).object();
    CHECK(saved.value(u"page"_s).toInt() == 1);
    CHECK(saved.value(u"values"_s).toObject().value(u"port"_s).toInteger() == 9090);

    SECTION("opened again: restored where it was left, and discarded on request")
    {
        ActionWizard wizard(&controller, *action);
        wizard.show();
        REQUIRE(QTest::qWaitForWindowExposed(&wizard));
        CHECK(wizard.values().value(u"name"_s).toString() == u"draft-service"_s);
        CHECK(wizard.values().value(u"port"_s).toInteger() == 9090);
        CHECK(wizard.currentId() == 1);
        REQUIRE(wizard.draftBanner()->isVisible());
        CHECK(wizard.draftBanner()->text().contains(u"restored"_s));
        shot(wizard, u"draft-restored"_s);
        auto *discard = wizard.draftBanner()->findChild<QPushButton *>(u"draftDiscard"_s);
        REQUIRE(discard);
        QTest::mouseClick(discard, Qt::LeftButton);
        CHECK_FALSE(QSettings().contains(key));
        CHECK_FALSE(wizard.values().contains(u"name"_s));
        CHECK(wizard.currentId() == 0);
        CHECK(wizard.draftBanner()->isHidden());
        wizard.reject(); // nothing entered: nothing kept
        CHECK_FALSE(QSettings().contains(key));
    }

    SECTION("opened with values of its own (a re-run): the draft is offered, not applied")
    {
        ActionWizard wizard(&controller, *action, {}, QJsonObject{{u"name"_s, u"rerun-service"_s}});
        wizard.show();
        REQUIRE(QTest::qWaitForWindowExposed(&wizard));
        CHECK(wizard.values().value(u"name"_s).toString() == u"rerun-service"_s);
        REQUIRE(wizard.draftBanner()->isVisible());
        auto *resume = wizard.draftBanner()->findChild<QPushButton *>(u"draftResume"_s);
        REQUIRE(resume);
        QTest::mouseClick(resume, Qt::LeftButton);
        CHECK(wizard.values().value(u"name"_s).toString() == u"draft-service"_s);
        CHECK(wizard.currentId() == 1);
    }
}

TEST_CASE("A picker over 100k entities builds its choices off the GUI thread and shows a few", "[ui][wizard]")
{
    const Portolan::Test::IsolatedDataDir data;
    std::vector<Entity> entities;
    constexpr int count = 100'000;
    entities.reserve(count);
    for (int i = 0; i < count; ++i) {
        Entity e;
        e.apiVersion = u"backstage.io/v1alpha1"_s;
        e.kind = i % 10 == 0 ? u"API"_s : u"Component"_s;
        e.name = u"svc-%1"_s.arg(i, 5, 10, QLatin1Char('0'));
        e.title = u"Service %1"_s.arg(i);
        entities.push_back(std::move(e));
    }
    const Catalog::Ptr catalog = Catalog::build(std::move(entities));
    ActionsController controller(demoWorkspace(), {});
    controller.setCatalog(catalog);

    ActionTemplate action;
    action.id = u"template:default/pick"_s;
    action.title = u"Pick a component"_s;
    TemplateParameterPage page;
    page.title = u"Component"_s;
    page.schema = QJsonObject{
        {u"required"_s, QJsonArray{u"component"_s}},
        {u"properties"_s,
         QJsonObject{{u"component"_s,
                      QJsonObject{{u"title"_s, u"Component"_s},
                                  {u"type"_s, u"string"_s},
                                  {u"ui:field"_s, u"EntityPicker"_s},
                                  {u"ui:options"_s,
                                   QJsonObject{{u"catalogFilter"_s, QJsonObject{{u"kind"_s, u"Component"_s}}}}}}}}}};
    action.pages = {page};

    QElapsedTimer timer;
    timer.start();
    ActionWizard wizard(&controller, action);
    wizard.show();
    const qint64 opened = timer.elapsed();
    auto *edit = qobject_cast<QLineEdit *>(wizard.fieldWidget(u"component"_s));
    REQUIRE(edit);
    QAbstractItemModel *model = edit->completer()->model();
    REQUIRE(waitFor([&] { return model->rowCount() > 0; }, 30000));
    const qint64 loaded = timer.elapsed();
    CHECK(model->rowCount() <= 100);

    timer.restart();
    QTest::keyClicks(edit, u"svc-0424"_s);
    const qint64 typed = timer.elapsed();
    // svc-04240 .. svc-04249 less the APIs (every tenth): nine components start with it.
    REQUIRE(model->rowCount() == 9);
    CHECK(model->index(0, 0).data(Qt::EditRole).toString() == u"component:default/svc-04241"_s);
    CHECK(model->index(0, 0).data().toString().contains(u"Service 4241"_s));
    std::printf("wizard with a 100k-entity picker: opened in %lld ms, choices ready after %lld ms, "
                "8 keystrokes filtered in %lld ms\n",
                static_cast<long long>(opened), static_cast<long long>(loaded), static_cast<long long>(typed));
    CHECK(wizard.values().value(u"component"_s).toString() == u"svc-0424"_s);
}
