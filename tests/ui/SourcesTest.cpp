// The sync engine in the GUI: the Sources model and page, the source and held-back-sync dialogs, and the entity
// page's Refresh Now, on temporary workspaces of real descriptor files.
#include "MainWindow.h"
#include "UiTestSupport.h"
#include "WorkspaceSession.h"
#include "dialogs/CredentialsDialog.h"
#include "dialogs/PendingDeletionsDialog.h"
#include "dialogs/SourceDialog.h"
#include "models/SourcesModel.h"
#include "pages/CatalogPage.h"
#include "pages/EntityPage.h"
#include "pages/SourcesPage.h"
#include "support/TestSupport.h"
#include "widgets/Banner.h"
#include "widgets/CodeView.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace Portolan;
using namespace Portolan::Core;
using namespace Portolan::Ui;
using Portolan::Test::IsolatedDataDir;
using Portolan::Test::ModelTestWarnings;
using Portolan::Test::waitFor;
using State = SourceStatus::State;

namespace {

template<typename T>
T *child(const QObject &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    REQUIRE(found != nullptr);
    return found;
}

// One Backstage component descriptor, as catalog-info.yaml files have them.
QByteArray component(const QString &name, const QString &description = {})
{
    QString yaml = u"apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: %1\n"_s.arg(name);
    if (!description.isEmpty()) {
        yaml += u"  description: %1\n"_s.arg(description);
    }
    yaml += u"spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n"_s;
    return yaml.toUtf8();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

const SourceStatus *status(const WorkspaceSession &session, const QString &id)
{
    return session.sourceStatus(id);
}

bool hasState(const WorkspaceSession &session, const QString &id, State state)
{
    const SourceStatus *s = status(session, id);
    return s && s->state == state;
}

bool settled(const MainWindow &window)
{
    const WorkspaceSession *session = window.session();
    return session && session->hasCatalog() && !session->isBusy();
}

SourceStatus makeStatus(const QString &id, State state = State::Ok)
{
    SourceStatus s;
    s.config.id = id;
    s.config.type = u"git"_s;
    s.config.title = id.toUpper();
    s.config.refreshSeconds = 15 * 60;
    s.state = state;
    s.entityCount = 10;
    return s;
}

} // namespace

TEST_CASE("SourcesModel follows the sources by id, and a progress tick is only a dataChanged", "[ui][models]")
{
    ModelTestWarnings warnings;
    SourcesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    const QDateTime now = QDateTime::fromString(u"2025-03-12T10:00:00Z"_s, Qt::ISODate);
    model.setNow(now);

    SourceStatus a = makeStatus(u"alpha"_s);
    a.lastSuccess = now.addSecs(-180);
    a.nextSync = now.addSecs(300);
    a.revision = u"0123456789abcdef0123456789abcdef01234567"_s;
    SourceStatus b = makeStatus(u"beta"_s);
    b.lastSuccess = now.addSecs(-60);
    model.setSources({a, b});
    REQUIRE(model.rowCount() == 2);
    CHECK(model.columnCount() == SourcesModel::ColumnCount);
    CHECK(model.headerData(SourcesModel::StatusColumn, Qt::Horizontal).toString() == u"Status"_s);
    CHECK(model.index(0, SourcesModel::SourceColumn).data().toString() == u"ALPHA"_s);
    CHECK(model.index(0, SourcesModel::SourceColumn).data(SourcesModel::SubtitleRole).toString().contains(u"alpha"_s));
    CHECK(model.index(0, SourcesModel::StatusColumn).data().toString() == u"OK"_s);
    CHECK(model.index(0, SourcesModel::LastSyncColumn).data().toString() == u"3 minute(s) ago"_s);
    CHECK(model.index(0, SourcesModel::NextSyncColumn).data().toString() == u"in 5 minute(s)"_s);
    CHECK(model.index(0, SourcesModel::RevisionColumn).data().toString() == u"0123456789"_s);
    CHECK(model.index(0, SourcesModel::RevisionColumn).data(Qt::ToolTipRole).toString() == a.revision);
    CHECK(model.index(0, SourcesModel::EntitiesColumn).data().toString() == u"10"_s);
    CHECK_FALSE(model.index(0, SourcesModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    const auto structural = [&] {
        return inserted.count() + removed.count() + moved.count() + reset.count() + layout.count();
    };

    SECTION("a progress tick changes the Status cell of its row and nothing else")
    {
        SourceStatus ticking = a;
        ticking.state = State::Syncing;
        ticking.done = 10;
        ticking.total = 40;
        ticking.phase = u"Reading descriptors"_s;
        model.setSources({ticking, b});
        changed.clear(); // the state change itself also moves Next sync
        ticking.done = 20;
        model.setSources({ticking, b});
        REQUIRE(changed.count() == 1);
        const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
        CHECK(topLeft.row() == 0);
        CHECK(bottomRight.row() == 0);
        CHECK(topLeft.column() == SourcesModel::StatusColumn);
        CHECK(bottomRight.column() == SourcesModel::StatusColumn);
        CHECK(structural() == 0);
        CHECK(model.index(0, SourcesModel::StatusColumn).data().toString() == u"Syncing · 50%"_s);
        CHECK(model.index(0, SourcesModel::StatusColumn).data(SourcesModel::SubtitleRole).toString()
              == u"Reading descriptors (20 of 40)"_s);
        CHECK(model.index(0, SourcesModel::StatusColumn).data(SourcesModel::ProgressDoneRole).toLongLong() == 20);
        CHECK(model.index(0, SourcesModel::NextSyncColumn).data().toString() == u"Running now"_s);

        // The same snapshot again: nothing to announce.
        changed.clear();
        model.setSources({ticking, b});
        CHECK(changed.count() == 0);
    }

    SECTION("new order, new and gone sources move, insert and remove rows, never reset")
    {
        model.setSources({b, a});
        CHECK(moved.count() == 1);
        CHECK(model.index(0, 0).data(SourcesModel::SourceIdRole).toString() == u"beta"_s);
        SourceStatus c = makeStatus(u"gamma"_s);
        model.setSources({b, c});
        CHECK(inserted.count() == 1);
        CHECK(removed.count() == 1);
        CHECK(model.rowForId(u"gamma"_s) == 1);
        CHECK(model.rowForId(u"alpha"_s) == -1);
        CHECK(reset.count() == 0);
        model.setSources({});
        CHECK(model.rowCount() == 0);
    }

    SECTION("failed, held, stale, disabled and never-synced sources say so")
    {
        SourceStatus failed = a;
        failed.state = State::Failed;
        failed.error = makeError(Error::Code::Network, u"Connection refused"_s, u"tcp 127.0.0.1:9"_s);
        failed.failures = 2;
        failed.lastAttempt = now.addSecs(-10);
        SourceStatus held = b;
        held.state = State::Held;
        held.pendingRemovals = 100;
        SourceStatus stale = makeStatus(u"stale"_s);
        stale.lastSuccess = now.addSecs(-3 * 3600); // the interval is 15 minutes
        SourceStatus off = makeStatus(u"off"_s, State::Disabled);
        SourceStatus fresh = makeStatus(u"fresh"_s, State::Idle);
        model.setSources({failed, held, stale, off, fresh});
        const auto text = [&](int row, int role = Qt::DisplayRole) {
            return model.index(row, SourcesModel::StatusColumn).data(role).toString();
        };
        CHECK(text(0) == u"Failed"_s);
        CHECK(text(0, SourcesModel::SubtitleRole) == u"Connection refused"_s);
        CHECK(text(0, Qt::ToolTipRole).contains(u"tcp 127.0.0.1:9"_s));
        CHECK(model.index(0, SourcesModel::LastSyncColumn).data(SourcesModel::SubtitleRole).toString()
              == u"tried 10 second(s) ago"_s);
        CHECK(text(1) == u"Held back"_s);
        CHECK(text(1, SourcesModel::SubtitleRole).contains(u"100"_s));
        CHECK(text(2).startsWith(u"Stale since "_s));
        CHECK(model.index(2, 0).data(SourcesModel::StaleRole).toBool());
        CHECK(text(3) == u"Disabled"_s);
        CHECK(model.index(3, SourcesModel::NextSyncColumn).data().toString() == u"—"_s);
        CHECK(text(4) == u"Not synced yet"_s);

        // Time moves on: only the time-dependent columns are announced.
        changed.clear();
        model.setNow(now.addSecs(3600));
        REQUIRE(changed.count() == 1);
        CHECK(changed.at(0).at(0).value<QModelIndex>().column() == SourcesModel::StatusColumn);
        CHECK(changed.at(0).at(1).value<QModelIndex>().column() == SourcesModel::NextSyncColumn);
    }

    CHECK(warnings.messages().join(u'\n').toStdString().empty());
}

TEST_CASE("The Sources page shows a failed source with its error, and Retry syncs it again", "[ui][gui]")
{
    IsolatedDataDir data;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(u"good/shipping.yaml"_s), component(u"shipping"_s));
    writeFile(dir.filePath(u"portolan.yaml"_s), "name: Two Sources\n"
                                                "sources:\n"
                                                "  - id: good\n"
                                                "    type: files\n"
                                                "    title: Good folder\n"
                                                "    paths: [good]\n"
                                                "  - id: missing\n"
                                                "    type: files\n"
                                                "    title: Missing folder\n"
                                                "    paths: [missing]\n"
                                                "  - id: insecure\n"
                                                "    type: backstage\n"
                                                "    url: https://127.0.0.1:9\n"
                                                "    refresh: manual\n"
                                                "    tls:\n"
                                                "      verify: false\n");
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openWorkspace(dir.path()));
    WorkspaceSession &session = *window.session();
    REQUIRE(waitFor([&] {
        return hasState(session, u"good"_s, State::Ok) && hasState(session, u"missing"_s, State::Failed)
               && status(session, u"insecure"_s) && status(session, u"insecure"_s)->state != State::Syncing
               && settled(window);
    }));
    CHECK(session.catalog()->indexOf(u"component:default/shipping"_s) >= 0);

    window.showPage(MainWindow::SourcesPageIndex);
    SourcesPage *page = window.sourcesPage();
    SourcesModel *model = page->model();
    REQUIRE(model->rowCount() == 3);
    const int row = model->rowForId(u"missing"_s);
    REQUIRE(row >= 0);
    CHECK(model->index(row, SourcesModel::StatusColumn).data().toString() == u"Failed"_s);
    const QString message = status(session, u"missing"_s)->error.message;
    CHECK(message.contains(u"None of the source's paths exist"_s));
    CHECK(model->index(row, SourcesModel::StatusColumn).data(SourcesModel::SubtitleRole).toString() == message);

    // The status bar counts the failures; a click opens the Sources page.
    auto *freshness = child<QToolButton>(window, u"sourceStatus"_s);
    CHECK(freshness->text().contains(u"failed"_s));
    window.showPage(MainWindow::CatalogPageIndex);
    QTest::mouseClick(freshness, Qt::LeftButton);
    CHECK(child<QStackedWidget>(window, u"pages"_s)->currentWidget() == page);

    // The detail panel: the whole error, the technical detail and a Retry.
    page->selectSource(u"missing"_s);
    auto *error = child<Banner>(*page, u"sourceError"_s);
    CHECK(error->isVisible());
    CHECK(error->text().contains(u"None of the source"_s));
    CHECK(child<QLabel>(*page, u"sourceErrorDetail"_s)->text().contains(u"io"_s));
    CHECK_FALSE(child<Banner>(*page, u"tlsOffWarning"_s)->isVisible());
    CHECK(child<QLabel>(*page, u"detailOrigin"_s)->text().contains(u"portolan.yaml"_s));
    CHECK_FALSE(page->removeAction()->isEnabled()); // shared: not the user's to remove

    // TLS verification off is shown as a warning.
    page->selectSource(u"insecure"_s);
    CHECK(child<Banner>(*page, u"tlsOffWarning"_s)->isVisible());
    CHECK(child<QLabel>(*page, u"detailTls"_s)->text().contains(u"verification off"_s));

    // The folder appears; Retry syncs the source again and the failure goes.
    page->selectSource(u"missing"_s);
    writeFile(dir.filePath(u"missing/billing.yaml"_s), component(u"billing"_s));
    QTest::mouseClick(child<QPushButton>(*page, u"sourceRetry"_s), Qt::LeftButton);
    REQUIRE(waitFor([&] { return hasState(session, u"missing"_s, State::Ok) && settled(window); }));
    CHECK(session.catalog()->indexOf(u"component:default/billing"_s) >= 0);
    CHECK(model->index(model->rowForId(u"missing"_s), SourcesModel::StatusColumn).data().toString() == u"OK"_s);
    CHECK_FALSE(error->isVisible());
    CHECK(model->index(model->rowForId(u"missing"_s), SourcesModel::EntitiesColumn).data().toString() == u"1"_s);
    CHECK(page->selectedSourceId() == u"missing"_s); // the selection stayed through the syncs
    window.close();
}

TEST_CASE("SourceDialog validates inline and adds the user's own source", "[ui][gui]")
{
    IsolatedDataDir data;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(u"catalog/shipping.yaml"_s), component(u"shipping"_s));
    writeFile(dir.filePath(u"portolan.yaml"_s), "name: Own Sources\nlocations: [catalog]\n");
    QTemporaryDir team;
    REQUIRE(team.isValid());
    writeFile(team.filePath(u"team/payments.yaml"_s), component(u"payments"_s));

    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openWorkspace(dir.path()));
    WorkspaceSession &session = *window.session();
    REQUIRE(waitFor([&] { return hasState(session, u"workspace"_s, State::Ok) && settled(window); }));
    window.showPage(MainWindow::SourcesPageIndex);
    SourcesPage *page = window.sourcesPage();

    page->addAction()->trigger();
    auto *dialog = page->findChild<SourceDialog *>();
    REQUIRE(dialog != nullptr);
    REQUIRE(dialog->isVisible());
    CHECK_FALSE(dialog->isReadOnly());
    QPushButton *ok = dialog->okButton();
    CHECK_FALSE(ok->isEnabled());
    CHECK(dialog->errors().contains(u"id"_s));
    CHECK(dialog->errors().contains(u"paths"_s));

    // The id follows the title until it is edited; a wrong or taken id is explained next to it.
    QTest::keyClicks(dialog->titleEdit(), u"Team Catalog"_s);
    CHECK(dialog->idEdit()->text() == u"team-catalog"_s);
    dialog->idEdit()->setText(u"Bad Id"_s);
    CHECK(dialog->errors().value(u"id"_s).contains(u"lower-case"_s));
    auto *idMessage = child<QLabel>(*dialog, u"idMessage"_s);
    CHECK(idMessage->isVisible());
    dialog->idEdit()->setText(u"workspace"_s);
    CHECK(dialog->errors().value(u"id"_s).contains(u"already has a source"_s));
    dialog->idEdit()->setText(u"team-catalog"_s);
    CHECK_FALSE(dialog->errors().contains(u"id"_s));
    CHECK_FALSE(ok->isEnabled()); // still no paths

    // A git source needs a URL it can clone.
    dialog->typeBox()->setCurrentIndex(dialog->typeBox()->findData(u"git"_s));
    dialog->urlEdit()->setText(u"not a url"_s);
    CHECK(dialog->errors().contains(u"url"_s));
    dialog->urlEdit()->setText(u"https://github.com/acme/catalog.git"_s);
    CHECK_FALSE(dialog->errors().contains(u"url"_s));
    CHECK(dialog->yamlView()->toPlainText().contains(u"url: https://github.com/acme/catalog.git"_s));
    dialog->typeBox()->setCurrentIndex(dialog->typeBox()->findData(u"files"_s));

    dialog->pathsEdit()->setPlainText(team.filePath(u"team"_s));
    CHECK(dialog->isValid());
    CHECK(ok->isEnabled());
    CHECK(dialog->yamlView()->toPlainText().startsWith(u"- id: team-catalog\n  type: files\n  title: Team Catalog"_s));
    QTest::mouseClick(ok, Qt::LeftButton);

    // Written to the user's own sources file, read back by the service, synced, selected.
    const QString file = session.workspace().localSourcesFile();
    REQUIRE(QFileInfo::exists(file));
    QFile written(file);
    REQUIRE(written.open(QIODevice::ReadOnly));
    CHECK(written.readAll().contains("team-catalog"));
    REQUIRE(waitFor([&] { return hasState(session, u"team-catalog"_s, State::Ok) && settled(window); }));
    CHECK(session.catalog()->indexOf(u"component:default/payments"_s) >= 0);
    CHECK(status(session, u"team-catalog"_s)->config.origin == SourceConfig::Origin::Local);
    REQUIRE(waitFor([&] { return page->selectedSourceId() == u"team-catalog"_s; }));
    CHECK(page->removeAction()->isEnabled());
    CHECK(page->editAction()->text() == u"Edit…"_s);

    // Shared (here: the workspace's own) sources open read-only, with their YAML.
    page->selectSource(u"workspace"_s);
    page->editAction()->trigger();
    SourceDialog *shared = nullptr;
    for (SourceDialog *d : page->findChildren<SourceDialog *>()) {
        if (d->isVisible() && d->originalId() == u"workspace"_s) {
            shared = d;
        }
    }
    REQUIRE(shared != nullptr);
    CHECK(shared->isReadOnly());
    CHECK(shared->okButton() == nullptr);
    CHECK(shared->idEdit()->isReadOnly());
    CHECK(shared->yamlView()->toPlainText().contains(u"paths: [catalog]"_s));
    shared->close();

    // Removing the user's source takes its entities out of the catalog.
    REQUIRE(page->removeLocalSource(u"team-catalog"_s).ok());
    REQUIRE(waitFor([&] { return !status(session, u"team-catalog"_s) && settled(window); }));
    REQUIRE(waitFor([&] { return session.catalog()->indexOf(u"component:default/payments"_s) < 0; }));
    CHECK(page->model()->rowForId(u"team-catalog"_s) < 0);
    window.close();
}

namespace {

// A workspace whose portolan.yaml is `header` and then the `sources:` entries a SourceDialog shows.
Result<Workspace> openWithSources(const QTemporaryDir &dir, const QString &header, const QString &sourcesYaml)
{
    QString indented;
    for (const QString &line : sourcesYaml.split(u'\n', Qt::SkipEmptyParts)) {
        indented += u"  "_s + line + u'\n';
    }
    writeFile(dir.filePath(u"portolan.yaml"_s), (header + u"sources:\n"_s + indented).toUtf8());
    return Workspace::open(dir.path());
}

} // namespace

TEST_CASE("SourceDialog writes YAML that portolan.yaml reads back", "[ui]")
{
    SourceConfig c;
    c.id = u"backstage-prod"_s;
    c.type = u"backstage"_s;
    c.title = u"Backstage: production"_s;
    c.url = u"https://backstage.example.com"_s;
    c.filter = u"kind=component"_s;
    c.credential = u"backstage"_s;
    c.refreshSeconds = 3600;
    c.tls.verify = false;
    c.paths = {u"**/catalog-info.yaml"_s};
    const QString yaml = SourceDialog::yamlFor(c);
    CHECK(yaml.contains(u"  title: \"Backstage: production\"\n"_s));
    CHECK(yaml.contains(u"  paths: [\"**/catalog-info.yaml\"]\n"_s));
    CHECK(yaml.contains(u"  refresh: 1h\n"_s));
    CHECK(yaml.contains(u"  tls:\n    verify: false\n"_s));

    // Read back through the workspace parser.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto ws = openWithSources(dir, u"credentials:\n  - name: backstage\n"_s, yaml);
    REQUIRE(ws.ok());
    const SourceConfig *read = ws->source(u"backstage-prod"_s);
    REQUIRE(read != nullptr);
    CHECK(read->title == c.title);
    CHECK(read->url == c.url);
    CHECK(read->filter == c.filter);
    CHECK(read->refreshSeconds == 3600);
    CHECK_FALSE(read->tls.verify);
}

TEST_CASE("SourceDialog sets up GitHub and Kubernetes sources, with the kubeconfig's contexts", "[ui][gui]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(u"portolan.yaml"_s), "name: Live\ncredentials:\n  - name: github\n");
    auto ws = Workspace::open(dir.path());
    REQUIRE(ws.ok());

    SECTION("GitHub: owner, catalog paths and what to read become options")
    {
        SourceDialog dialog(ws.value(), SourceConfig());
        dialog.show();
        dialog.typeBox()->setCurrentIndex(dialog.typeBox()->findData(u"github"_s));
        dialog.idEdit()->setText(u"github"_s);
        CHECK(dialog.errors().contains(u"owner"_s));
        CHECK(dialog.ownerEdit()->isVisible());
        CHECK_FALSE(dialog.kubeconfigEdit()->isVisible());
        dialog.ownerEdit()->setText(u"-not-a-login"_s);
        CHECK(dialog.errors().value(u"owner"_s).contains(u"not a GitHub account name"_s));
        dialog.ownerEdit()->setText(u"acme"_s);
        dialog.pathsEdit()->setPlainText(u"catalog/**/*.yaml"_s);
        CHECK(dialog.errors().contains(u"paths"_s));
        dialog.pathsEdit()->setPlainText(u"catalog-info.yaml\ndocs/catalog-info.yaml"_s);
        dialog.insightsBox()->setChecked(false);
        dialog.componentsBox()->setChecked(true);
        dialog.credentialBox()->setCurrentIndex(dialog.credentialBox()->findData(u"github"_s));
        INFO(QStringList(dialog.errors().values()).join(u"; "_s).toStdString());
        CHECK(dialog.isValid());
        const SourceConfig c = dialog.config();
        CHECK(c.url.isEmpty()); // github.com
        CHECK(c.paths.isEmpty());
        CHECK(c.options.value(u"organization"_s).toString() == u"acme"_s);
        CHECK(c.options.value(u"catalogPaths"_s).toStringList()
              == QStringList{u"catalog-info.yaml"_s, u"docs/catalog-info.yaml"_s});
        CHECK(c.options.value(u"insights"_s) == QVariant(false));
        CHECK(c.options.value(u"repositoriesAsComponents"_s) == QVariant(true));
        CHECK_FALSE(c.options.contains(u"includeArchived"_s)); // the default
        dialog.ownerKindBox()->setCurrentIndex(1);
        CHECK(dialog.config().options.value(u"user"_s).toString() == u"acme"_s);
        CHECK_FALSE(dialog.config().options.contains(u"organization"_s));

        // The YAML it shows is read back the same by the workspace and accepted by the GitHub source's checks.
        const QString yaml = dialog.yamlView()->toPlainText();
        CHECK(yaml.contains(u"  options:\n"_s));
        const auto reread = openWithSources(dir, u"name: Live\ncredentials:\n  - name: github\n"_s, yaml);
        REQUIRE(reread.ok());
        const SourceConfig *read = reread->source(u"github"_s);
        REQUIRE(read);
        CHECK(read->options.value(u"user"_s).toString() == u"acme"_s);
        CHECK(read->options.value(u"catalogPaths"_s).toStringList().size() == 2);
        CHECK(read->options.value(u"insights"_s).toBool() == false);
    }

    SECTION("Kubernetes: the contexts are listed from the kubeconfig; options it has no field for stay")
    {
        const QString kubeconfig = Portolan::Test::corpusPath(u"kubernetes/kubeconfig/k9s__multi-context.kubeconfig"_s);
        SourceConfig existing;
        existing.id = u"clusters"_s;
        existing.type = u"kubernetes"_s;
        existing.origin = SourceConfig::Origin::Local;
        existing.options = {{u"kubeconfig"_s, kubeconfig},
                            {u"contexts"_s, QStringList{u"blee"_s, u"gone"_s}},
                            {u"environments"_s, QVariantMap{{u"blee"_s, u"Staging"_s}}}};
        SourceDialog dialog(ws.value(), existing);
        dialog.show();
        CHECK(dialog.kubeconfigEdit()->isVisible());
        CHECK_FALSE(dialog.ownerEdit()->isVisible());
        CHECK(dialog.kubeconfigEdit()->text() == kubeconfig);
        REQUIRE(waitFor([&] { return dialog.contextList()->count() > 0; }));
        QStringList names;
        QStringList checked;
        for (int i = 0; i < dialog.contextList()->count(); ++i) {
            const QListWidgetItem *item = dialog.contextList()->item(i);
            names.append(item->text());
            if (item->checkState() == Qt::Checked) {
                checked.append(item->data(Qt::UserRole).toString());
            }
        }
        CHECK(names == QStringList{u"blee"_s, u"duh"_s, u"fred (current)"_s, u"gone (not in the kubeconfig)"_s});
        CHECK(checked == QStringList{u"blee"_s, u"gone"_s});
        CHECK(dialog.errors().isEmpty());
        // Unchecking the unknown one and checking another; namespaces from a list.
        dialog.contextList()->item(3)->setCheckState(Qt::Unchecked);
        dialog.contextList()->item(1)->setCheckState(Qt::Checked);
        dialog.namespacesEdit()->setText(u"payments, checkout"_s);
        const SourceConfig c = dialog.config();
        CHECK(c.options.value(u"contexts"_s).toStringList() == QStringList{u"blee"_s, u"duh"_s});
        CHECK(c.options.value(u"namespaces"_s).toStringList() == QStringList{u"payments"_s, u"checkout"_s});
        CHECK(c.options.value(u"environments"_s).toMap().value(u"blee"_s).toString() == u"Staging"_s);
        CHECK(c.credential.isEmpty());
        CHECK(dialog.yamlView()->toPlainText().contains(u"    contexts: [blee, duh]\n"_s));
        CHECK(dialog.yamlView()->toPlainText().contains(u"    environments:\n      blee: Staging\n"_s));

        // A kubeconfig that does not exist blocks OK and names the file.
        dialog.kubeconfigEdit()->setText(dir.filePath(u"missing-kubeconfig"_s));
        CHECK(dialog.errors().value(u"kubeconfig"_s).contains(u"missing-kubeconfig"_s));
        CHECK_FALSE(dialog.okButton()->isEnabled());
    }
}

TEST_CASE("A held-back sync shows a banner, and the review reaches the sync engine", "[ui][gui]")
{
    IsolatedDataDir data;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QByteArray bulk;
    for (int i = 0; i < 100; ++i) {
        bulk += component(u"entity-%1"_s.arg(i, 3, 10, QLatin1Char('0'))) + "---\n";
    }
    const QString file = dir.filePath(u"bulk/all.yaml"_s);
    writeFile(file, bulk);
    writeFile(dir.filePath(u"portolan.yaml"_s),
              "name: Bulk\nsources:\n  - id: bulk\n    type: files\n    title: Bulk import\n    paths: [bulk]\n");
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openWorkspace(dir.path()));
    WorkspaceSession &session = *window.session();
    REQUIRE(waitFor([&] { return hasState(session, u"bulk"_s, State::Ok) && settled(window); }));
    REQUIRE(session.catalog()->size() == 100);
    CHECK_FALSE(window.pendingBanner()->isVisible());

    // The file is emptied: the sync (started by the file watcher, or here if that is slow) is held back.
    writeFile(file, QByteArray());
    if (!waitFor([&] { return !session.pendingDeletions().isEmpty(); }, 3000)) {
        session.refreshSource(u"bulk"_s);
    }
    REQUIRE(waitFor([&] { return !session.pendingDeletions().isEmpty(); }));
    QTest::qWait(1200); // a watcher-started sync may still be on its way; let it end
    REQUIRE(waitFor([&] { return settled(window) && hasState(session, u"bulk"_s, State::Held); }));
    CHECK(session.catalog()->size() == 100);
    Banner *banner = window.pendingBanner();
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(u"Bulk import"_s));
    CHECK(banner->text().contains(u"100 of 100"_s));

    QTest::mouseClick(child<QPushButton>(*banner, u"reviewPendingDeletions"_s), Qt::LeftButton);
    auto *dialog = window.findChild<PendingDeletionsDialog *>();
    REQUIRE(dialog != nullptr);
    CHECK(dialog->isVisible());
    CHECK(dialog->pending().before == 100);
    CHECK(dialog->pending().after == 0);
    CHECK(dialog->shownRemoved() == 100);
    CHECK(dialog->shownAdded() == 0);
    dialog->setFilterText(u"ENTITY-00"_s);
    CHECK(dialog->shownRemoved() == 10);
    dialog->setFilterText({});

    SECTION("accepting empties the source")
    {
        QTest::mouseClick(dialog->acceptButton(), Qt::LeftButton);
        REQUIRE(waitFor([&] { return session.catalog()->size() == 0 && session.pendingDeletions().isEmpty(); }));
        REQUIRE(waitFor([&] { return hasState(session, u"bulk"_s, State::Ok); }));
        CHECK(status(session, u"bulk"_s)->entityCount == 0);
    }

    SECTION("rejecting keeps the last good data")
    {
        QTest::mouseClick(dialog->rejectButton(), Qt::LeftButton);
        REQUIRE(waitFor([&] { return session.pendingDeletions().isEmpty() && settled(window); }));
        CHECK(session.catalog()->size() == 100);
        CHECK(hasState(session, u"bulk"_s, State::Ok));
        CHECK(status(session, u"bulk"_s)->entityCount == 100);
    }

    CHECK_FALSE(banner->isVisible());
    window.close();
}

TEST_CASE("The entity page shows the provenance and refreshes the entity's source", "[ui][gui]")
{
    IsolatedDataDir data;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath(u"catalog/shipping.yaml"_s);
    writeFile(file, component(u"shipping"_s, u"Ships parcels"_s));
    writeFile(dir.filePath(u"portolan.yaml"_s),
              "name: Refresh\nsources:\n  - id: team\n    type: files\n    paths: [catalog]\n");
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openWorkspace(dir.path()));
    WorkspaceSession &session = *window.session();
    REQUIRE(waitFor([&] { return hasState(session, u"team"_s, State::Ok) && settled(window); }));
    CatalogPage *catalog = window.catalogPage();
    REQUIRE(catalog->openEntity(u"shipping"_s));
    EntityPage *entity = catalog->entityPage();
    CHECK(child<QLabel>(*entity, u"provenanceSource"_s)->text().contains(u"team"_s));
    CHECK(child<QLabel>(*entity, u"provenanceFile"_s)->text().contains(u"catalog/shipping.yaml"_s));

    const QDateTime before = status(session, u"team"_s)->lastAttempt;
    QSignalSpy finished(&session, &WorkspaceSession::sourceFinished);
    auto *refresh = child<QPushButton>(*entity, u"refreshEntity"_s);
    REQUIRE(refresh->isEnabled());
    QTest::mouseClick(refresh, Qt::LeftButton);
    CHECK(entity->isRefreshing());
    CHECK_FALSE(refresh->isEnabled());
    REQUIRE(waitFor([&] { return finished.count() >= 1 && settled(window); }));
    CHECK(finished.at(0).at(0).toString() == u"team"_s);
    CHECK(finished.at(0).at(1).toBool());
    CHECK(status(session, u"team"_s)->lastAttempt >= before);
    CHECK_FALSE(entity->isRefreshing());
    CHECK(refresh->isEnabled());
    CHECK(entity->currentKey() == u"component:default/shipping"_s);
    window.close();
}

TEST_CASE("CredentialsDialog lists the credentials and never shows a secret", "[ui][gui]")
{
    IsolatedDataDir data;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(u"portolan.yaml"_s), "name: Creds\n"
                                                "credentials:\n"
                                                "  - name: github\n"
                                                "    env: PORTOLAN_TEST_GITHUB_TOKEN\n"
                                                "    description: Read access to the catalog repositories\n"
                                                "sources:\n"
                                                "  - id: platform\n"
                                                "    type: git\n"
                                                "    url: https://github.com/acme/platform.git\n"
                                                "    credential: github\n");
    qputenv("PORTOLAN_TEST_GITHUB_TOKEN", "ghp_not_a_real_token");
    const auto ws = Workspace::open(dir.path());
    REQUIRE(ws.ok());
    {
        CredentialsDialog dialog(*ws);
        QTreeWidget *list = dialog.list();
        REQUIRE(list->topLevelItemCount() == 1);
        QTreeWidgetItem *item = list->topLevelItem(0);
        CHECK(item->text(0) == u"github"_s);
        CHECK(item->text(2) == u"platform"_s);
        CHECK(dialog.state(u"github"_s) == CredentialsDialog::SecretState::FromEnvironment);
        CHECK(item->text(1).contains(u"PORTOLAN_TEST_GITHUB_TOKEN"_s));
        CHECK(dialog.secretEdit()->echoMode() == QLineEdit::Password);
        CHECK(dialog.secretEdit()->text().isEmpty());
        CHECK_FALSE(dialog.saveButton()->isEnabled());
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            CHECK_FALSE(label->text().contains(u"ghp_not_a_real_token"_s));
        }
    }
    qunsetenv("PORTOLAN_TEST_GITHUB_TOKEN");
}
