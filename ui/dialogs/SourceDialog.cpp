#include "SourceDialog.h"

#include "models/Format.h"
#include "models/SourceStyle.h"
#include "sources/kubernetes/KubeConfig.h"
#include "widgets/Banner.h"
#include "widgets/CodeView.h"
#include "widgets/Icons.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(u"^[a-z0-9][a-z0-9._-]{0,62}$"_s);
    return re;
}

// A YAML scalar: plain where YAML reads it back as the same string, double-quoted otherwise.
QString yamlScalar(const QString &value)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_./~][A-Za-z0-9_./~@+=:,*?() -]*$"_s);
    static const QRegularExpression special(u"^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.eE+-]*)$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    if (plain.match(value).hasMatch() && !special.match(value).hasMatch() && !value.endsWith(u':')
        && !value.endsWith(u' ') && !value.contains(u": "_s) && !value.contains(u" #"_s)) {
        return value;
    }
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return u"\""_s + escaped + u"\""_s;
}

QString yamlDuration(int seconds)
{
    if (seconds <= 0) {
        return u"manual"_s;
    }
    if (seconds % 86400 == 0) {
        return QString::number(seconds / 86400) + u'd';
    }
    if (seconds % 3600 == 0) {
        return QString::number(seconds / 3600) + u'h';
    }
    if (seconds % 60 == 0) {
        return QString::number(seconds / 60) + u'm';
    }
    return QString::number(seconds) + u's';
}

QStringList lines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty()) {
            out.append(trimmed);
        }
    }
    return out;
}

QString suggestedId(const QString &title)
{
    QString id = title.trimmed().toLower();
    id.replace(QRegularExpression(u"[^a-z0-9._-]+"_s), u"-"_s);
    id.remove(QRegularExpression(u"^[^a-z0-9]+"_s));
    id.remove(QRegularExpression(u"-+$"_s));
    return id.left(63);
}

bool isGlob(const QString &path)
{
    return path.contains(u'*') || path.contains(u'?') || path.contains(u'[');
}

// An option that may be one string or a list of them.
QStringList optionList(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString) {
        return value.toString().isEmpty() ? QStringList() : QStringList{value.toString()};
    }
    return value.toStringList();
}

// "a, b c" -> {a, b, c}
QStringList words(const QString &text)
{
    static const QRegularExpression separators(u"[,\\s]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

QString expandHome(const QString &path)
{
    return path == u"~"_s || path.startsWith(u"~/"_s) ? QDir::homePath() + path.mid(1) : path;
}

bool isGitHubLogin(const QString &login)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"_s);
    return pattern.match(login).hasMatch();
}

// The contexts of a kubeconfig, read on a worker thread.
struct ContextList
{
    QStringList names;
    QString current;
    QString error;
};

ContextList readContexts(const QStringList &files)
{
    ContextList out;
    const Result<KubeConfig> config = KubeConfig::load(files);
    if (!config.ok()) {
        out.error = config.error().message;
        return out;
    }
    out.names = config->contextNames();
    out.current = config->currentContext();
    return out;
}

// YAML lines for one option (nested maps indent, lists of scalars flow).
void yamlOption(QStringList &out, const QString &key, const QVariant &value, int indent)
{
    const QString pad(indent, u' ');
    if (value.typeId() == QMetaType::QVariantMap) {
        out.append(u"%1%2:"_s.arg(pad, key));
        const QVariantMap map = value.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            yamlOption(out, it.key(), it.value(), indent + 2);
        }
    } else if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList) {
        QStringList items;
        for (const QVariant &item : value.toList()) {
            items.append(yamlScalar(item.toString()));
        }
        out.append(u"%1%2: [%3]"_s.arg(pad, key, items.join(u", "_s)));
    } else if (value.typeId() == QMetaType::Bool) {
        out.append(u"%1%2: %3"_s.arg(pad, key, value.toBool() ? u"true"_s : u"false"_s));
    } else if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong
               || value.typeId() == QMetaType::Double) {
        out.append(u"%1%2: %3"_s.arg(pad, key, value.toString()));
    } else {
        out.append(u"%1%2: %3"_s.arg(pad, key, yamlScalar(value.toString())));
    }
}

} // namespace

SourceDialog::SourceDialog(const Workspace &workspace, const SourceConfig &source, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_original(source)
    , m_readOnly(!source.id.isEmpty() && source.origin != SourceConfig::Origin::Local)
{
    setObjectName(u"sourceDialog"_s);
    setSizeGripEnabled(true);
    if (m_readOnly) {
        setWindowTitle(tr("Source “%1”").arg(source.displayName()));
    } else if (source.id.isEmpty()) {
        setWindowTitle(tr("Add Source"));
    } else {
        setWindowTitle(tr("Edit Source “%1”").arg(source.displayName()));
    }

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    if (m_readOnly) {
        auto *shared = new Banner(this);
        shared->setObjectName(u"sharedSourceNotice"_s);
        shared->setKind(Banner::Kind::Info);
        if (source.origin == SourceConfig::Origin::Implicit) {
            shared->setText(tr("These are the workspace's own descriptors (its folder, or the <tt>locations</tt> "
                               "in portolan.yaml). They are read as a files source and cannot be edited here."));
        } else {
            const QString where =
                source.line > 0
                    ? tr("%1, line %2").arg(Format::displayPath(source.configFile, workspace.root)).arg(source.line)
                    : Format::displayPath(source.configFile, workspace.root);
            shared->setText(tr("This source is shared with everyone who uses the workspace: it is configured in "
                               "<b>%1</b>. Change it there (the YAML is on the right); your own sources are added "
                               "with “Add Source…”.")
                                .arg(where.toHtmlEscaped()));
        }
        layout->addWidget(shared);
    }

    auto *columns = new QHBoxLayout;
    columns->setSpacing(18);
    columns->addWidget(buildForm(), 3);
    columns->addWidget(buildYaml(), 2);
    layout->addLayout(columns, 1);

    m_buttons = new QDialogButtonBox(this);
    if (m_readOnly) {
        m_buttons->setStandardButtons(QDialogButtonBox::Close);
    } else {
        m_buttons->setStandardButtons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        okButton()->setText(source.id.isEmpty() ? tr("Add Source") : tr("Save"));
        okButton()->setObjectName(u"sourceDialogOk"_s);
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid()) {
            accept();
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    // Fill in the fields from the source (or the defaults of a new one).
    const auto block = [this](bool on) {
        for (QObject *o : std::initializer_list<QObject *>{
                 m_type,    m_id,         m_title,      m_url,      m_branch,     m_paths,     m_filter,
                 m_refresh, m_credential, m_verify,     m_caBundle, m_clientCert, m_clientKey, m_ownerKind,
                 m_owner,   m_insights,   m_components, m_archived, m_kubeconfig, m_contexts,  m_namespaces}) {
            o->blockSignals(on);
        }
    };
    block(true);
    const QString type = source.type.isEmpty() ? u"files"_s : source.type;
    int typeIndex = m_type->findData(type);
    if (typeIndex < 0) {
        m_type->addItem(SourceStyle::typeIcon(type), SourceStyle::typeLabel(type), type);
        typeIndex = m_type->count() - 1;
    }
    m_type->setCurrentIndex(typeIndex);
    m_id->setText(source.id);
    m_title->setText(source.title);
    m_url->setText(source.url);
    m_branch->setText(source.branch);
    m_paths->setPlainText(source.paths.join(u'\n'));
    m_filter->setText(source.filter);
    int refresh = source.refreshSeconds;
    if (source.id.isEmpty()) {
        refresh = type == u"files"_s ? 0 : 15 * 60;
    }
    int refreshIndex = m_refresh->findData(refresh);
    if (refreshIndex < 0) {
        m_refresh->addItem(tr("Every %1").arg(Format::interval(refresh)), refresh);
        refreshIndex = m_refresh->count() - 1;
    }
    m_refresh->setCurrentIndex(refreshIndex);
    if (!source.credential.isEmpty() && m_credential->findData(source.credential) < 0) {
        m_credential->addItem(tr("%1 (not listed in portolan.yaml)").arg(source.credential), source.credential);
    }
    m_credential->setCurrentIndex(std::max(0, m_credential->findData(source.credential)));
    m_verify->setChecked(source.tls.verify);
    m_caBundle->setText(source.tls.caBundle);
    m_clientCert->setText(source.tls.clientCertificate);
    m_clientKey->setText(source.tls.clientKey);
    const QVariantMap &o = source.options;
    const bool user = o.contains(u"user"_s) && !o.contains(u"organization"_s);
    m_ownerKind->setCurrentIndex(user ? 1 : 0);
    m_owner->setText(o.value(user ? u"user"_s : u"organization"_s).toString());
    if (type == u"github"_s) {
        m_paths->setPlainText(optionList(o.value(u"catalogPaths"_s)).join(u'\n'));
    }
    m_insights->setChecked(o.value(u"insights"_s, true).toBool());
    m_components->setChecked(o.value(u"repositoriesAsComponents"_s, false).toBool());
    m_archived->setChecked(o.value(u"includeArchived"_s, true).toBool());
    m_kubeconfig->setText(optionList(o.value(u"kubeconfig"_s)).join(QDir::listSeparator()));
    m_namespaces->setText(optionList(o.value(u"namespaces"_s)).join(u", "_s));
    block(false);
    m_idEdited = !source.id.isEmpty();
    m_refreshEdited = !source.id.isEmpty();

    if (m_readOnly) {
        for (QWidget *w : std::initializer_list<QWidget *>{m_type, m_refresh, m_credential, m_verify, m_ownerKind,
                                                           m_insights, m_components, m_archived, m_contexts}) {
            w->setEnabled(false);
        }
        for (QLineEdit *e : {m_id, m_title, m_url, m_branch, m_filter, m_caBundle, m_clientCert, m_clientKey, m_owner,
                             m_kubeconfig, m_namespaces}) {
            e->setReadOnly(true);
        }
        m_paths->setReadOnly(true);
        m_addFolder->setEnabled(false);
        for (QPushButton *b : findChildren<QPushButton *>(u"browseFile"_s)) {
            b->setEnabled(false);
        }
    }
    onTypeChanged();
    if (type == u"kubernetes"_s) {
        listContexts();
    }
    resize(1000, 680);
}

SourceDialog::~SourceDialog() = default;

QPushButton *SourceDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

SourceDialog::Field SourceDialog::addField(QFormLayout *form, const QString &label, QWidget *editor,
                                           const QString &name)
{
    auto *row = new QWidget(this);
    auto *v = new QVBoxLayout(row);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(3);
    v->addWidget(editor);
    auto *message = new QLabel(row);
    message->setObjectName(name + u"Message"_s);
    message->setWordWrap(true);
    QFont f = message->font();
    f.setPointSizeF(f.pointSizeF() * 0.92);
    message->setFont(f);
    message->hide();
    v->addWidget(message);
    form->addRow(label, row);
    Field field{row, message};
    m_fields.insert(name, field);
    return field;
}

QLineEdit *SourceDialog::fileEdit(const QString &caption, const QString &filter, QWidget **row)
{
    auto *box = new QWidget(this);
    auto *h = new QHBoxLayout(box);
    h->setContentsMargins(0, 0, 0, 0);
    h->setSpacing(6);
    auto *edit = new QLineEdit(box);
    edit->setPlaceholderText(tr("none"));
    edit->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("Browse…"), box);
    browse->setObjectName(u"browseFile"_s);
    connect(browse, &QPushButton::clicked, this, [this, edit, caption, filter] {
        const QString file =
            QFileDialog::getOpenFileName(this, caption, QFileInfo(expandHome(edit->text())).path(), filter);
        if (!file.isEmpty()) {
            edit->setText(file);
        }
    });
    h->addWidget(edit, 1);
    h->addWidget(browse);
    *row = box;
    return edit;
}

QWidget *SourceDialog::buildForm()
{
    auto *outer = new QWidget(this);
    auto *outerLayout = new QVBoxLayout(outer);
    outerLayout->setContentsMargins(0, 0, 0, 0);
    auto *panel = new QWidget(outer);
    outerLayout->addWidget(panel);
    outerLayout->addStretch(1); // the fields stay together at the top when some rows are hidden
    m_form = new QFormLayout(panel);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    m_form->setVerticalSpacing(8);

    m_type = new QComboBox(panel);
    m_type->setObjectName(u"sourceType"_s);
    for (const QString &type : {u"files"_s, u"git"_s, u"backstage"_s, u"github"_s, u"kubernetes"_s}) {
        m_type->addItem(SourceStyle::typeIcon(type), SourceStyle::typeLabel(type), type);
    }
    addField(m_form, tr("Type:"), m_type, u"type"_s);

    m_title = new QLineEdit(panel);
    m_title->setObjectName(u"sourceTitle"_s);
    m_title->setAccessibleName(tr("Title"));
    m_title->setPlaceholderText(tr("Shown in the Sources page, e.g. Team catalog"));
    addField(m_form, tr("Title:"), m_title, u"title"_s);

    m_id = new QLineEdit(panel);
    m_id->setObjectName(u"sourceId"_s);
    m_id->setAccessibleName(tr("Source id"));
    m_id->setPlaceholderText(tr("e.g. team-catalog"));
    m_id->setToolTip(tr("Unique in the workspace; entities remember it as their source. Lower-case letters, "
                        "digits, '.', '_' and '-'."));
    addField(m_form, tr("Id:"), m_id, u"id"_s);

    m_url = new QLineEdit(panel);
    m_url->setObjectName(u"sourceUrl"_s);
    addField(m_form, tr("URL:"), m_url, u"url"_s);

    m_branch = new QLineEdit(panel);
    m_branch->setObjectName(u"sourceBranch"_s);
    m_branch->setPlaceholderText(tr("the repository's default branch"));
    addField(m_form, tr("Branch:"), m_branch, u"branch"_s);

    buildGitHubFields(panel);

    auto *pathsBox = new QWidget(panel);
    auto *pathsLayout = new QVBoxLayout(pathsBox);
    pathsLayout->setContentsMargins(0, 0, 0, 0);
    pathsLayout->setSpacing(4);
    m_paths = new QPlainTextEdit(pathsBox);
    m_paths->setObjectName(u"sourcePaths"_s);
    m_paths->setAccessibleName(tr("Paths"));
    m_paths->setTabChangesFocus(true);
    m_paths->setFixedHeight(m_paths->fontMetrics().height() * 4 + 12);
    m_addFolder = new QPushButton(Icons::icon(Icons::Glyph::Folder), tr("Add Folder…"), pathsBox);
    m_addFolder->setObjectName(u"addFolder"_s);
    connect(m_addFolder, &QPushButton::clicked, this, [this] {
        const QString start = m_workspace.root.startsWith(u':') ? QDir::homePath() : m_workspace.root;
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a Folder of Descriptors"), start);
        if (!dir.isEmpty()) {
            QStringList current = lines(m_paths->toPlainText());
            current.append(dir);
            m_paths->setPlainText(current.join(u'\n'));
        }
    });
    auto *pathsHint = new QLabel(pathsBox);
    pathsHint->setObjectName(u"pathsHint"_s);
    pathsHint->setForegroundRole(QPalette::PlaceholderText);
    pathsHint->setWordWrap(true);
    auto *pathsButtons = new QHBoxLayout;
    pathsButtons->addWidget(pathsHint, 1);
    pathsButtons->addWidget(m_addFolder, 0, Qt::AlignTop);
    pathsLayout->addWidget(m_paths);
    pathsLayout->addLayout(pathsButtons);
    addField(m_form, tr("Paths:"), pathsBox, u"paths"_s);

    m_filter = new QLineEdit(panel);
    m_filter->setObjectName(u"sourceFilter"_s);
    m_filter->setPlaceholderText(tr("everything; e.g. kind=component,spec.lifecycle=production"));
    addField(m_form, tr("Filter:"), m_filter, u"filter"_s);

    buildKubernetesFields(panel);

    m_refresh = new QComboBox(panel);
    m_refresh->setObjectName(u"sourceRefresh"_s);
    m_refresh->addItem(tr("Only on demand"), 0);
    for (const int seconds : {5 * 60, 15 * 60, 30 * 60, 3600, 6 * 3600, 86400}) {
        m_refresh->addItem(tr("Every %1").arg(Format::interval(seconds)), seconds);
    }
    addField(m_form, tr("Refresh:"), m_refresh, u"refresh"_s);

    m_credential = new QComboBox(panel);
    m_credential->setObjectName(u"sourceCredential"_s);
    m_credential->addItem(tr("None"), QString());
    for (const CredentialConfig &c : std::as_const(m_workspace.credentials)) {
        m_credential->addItem(Icons::icon(Icons::Glyph::Key), c.name, c.name);
        m_credential->setItemData(m_credential->count() - 1, c.description, Qt::ToolTipRole);
    }
    addField(m_form, tr("Credential:"), m_credential, u"credential"_s);

    // TLS, for sources that talk to a server.
    m_verify = new QCheckBox(tr("Verify the server's certificate"), panel);
    m_verify->setObjectName(u"sourceTlsVerify"_s);
    m_tlsWarning = new Banner(panel);
    m_tlsWarning->setObjectName(u"tlsWarning"_s);
    m_tlsWarning->setKind(Banner::Kind::Warning);
    m_tlsWarning->setText(tr("TLS verification is off for this source: anyone between you and the server could "
                             "read the credential and change the catalog."));
    auto *verifyBox = new QWidget(panel);
    auto *verifyLayout = new QVBoxLayout(verifyBox);
    verifyLayout->setContentsMargins(0, 0, 0, 0);
    verifyLayout->setSpacing(6);
    verifyLayout->addWidget(m_verify);
    verifyLayout->addWidget(m_tlsWarning);
    m_form->addRow(tr("TLS:"), verifyBox);
    m_tlsRows.append(verifyBox);
    QWidget *row = nullptr;
    const QString pemFilter = tr("PEM files (*.pem *.crt *.key);;All files (*)");
    m_caBundle = fileEdit(tr("CA Bundle"), pemFilter, &row);
    m_caBundle->setObjectName(u"sourceCaBundle"_s);
    m_tlsRows.append(addField(m_form, tr("CA bundle:"), row, u"caBundle"_s).row);
    m_clientCert = fileEdit(tr("Client Certificate"), pemFilter, &row);
    m_clientCert->setObjectName(u"sourceClientCert"_s);
    m_tlsRows.append(addField(m_form, tr("Client certificate:"), row, u"clientCertificate"_s).row);
    m_clientKey = fileEdit(tr("Client Key"), pemFilter, &row);
    m_clientKey->setObjectName(u"sourceClientKey"_s);
    m_tlsRows.append(addField(m_form, tr("Client key:"), row, u"clientKey"_s).row);

    const auto touched = [this](const QString &name) {
        return [this, name] {
            m_touched.insert(name);
            validate();
        };
    };
    connect(m_type, &QComboBox::currentIndexChanged, this, &SourceDialog::onTypeChanged);
    connect(m_title, &QLineEdit::textEdited, this, [this] {
        if (!m_idEdited && m_original.id.isEmpty()) {
            m_id->setText(suggestedId(m_title->text()));
        }
        validate();
    });
    connect(m_id, &QLineEdit::textEdited, this, [this] {
        m_idEdited = !m_id->text().isEmpty();
        m_touched.insert(u"id"_s);
        validate();
    });
    connect(m_id, &QLineEdit::textChanged, this, &SourceDialog::validate);
    connect(m_url, &QLineEdit::textChanged, this, touched(u"url"_s));
    connect(m_branch, &QLineEdit::textChanged, this, &SourceDialog::validate);
    connect(m_paths, &QPlainTextEdit::textChanged, this, touched(u"paths"_s));
    connect(m_filter, &QLineEdit::textChanged, this, &SourceDialog::validate);
    connect(m_refresh, &QComboBox::currentIndexChanged, this, [this] {
        m_refreshEdited = true;
        validate();
    });
    connect(m_credential, &QComboBox::currentIndexChanged, this, &SourceDialog::validate);
    connect(m_verify, &QCheckBox::toggled, this, &SourceDialog::validate);
    for (QLineEdit *e : {m_caBundle, m_clientCert, m_clientKey, m_namespaces}) {
        connect(e, &QLineEdit::textChanged, this, &SourceDialog::validate);
    }
    connect(m_owner, &QLineEdit::textChanged, this, touched(u"owner"_s));
    connect(m_ownerKind, &QComboBox::currentIndexChanged, this, &SourceDialog::validate);
    for (QCheckBox *box : {m_insights, m_components, m_archived}) {
        connect(box, &QCheckBox::toggled, this, &SourceDialog::validate);
    }
    connect(m_contexts, &QListWidget::itemChanged, this, &SourceDialog::validate);
    m_contextsTimer = new QTimer(this);
    m_contextsTimer->setSingleShot(true);
    m_contextsTimer->setInterval(300);
    connect(m_contextsTimer, &QTimer::timeout, this, &SourceDialog::listContexts);
    connect(m_kubeconfig, &QLineEdit::textChanged, this, [this] {
        m_touched.insert(u"kubeconfig"_s);
        m_contextsTimer->start(); // typing: read the file once it settles
        validate();
    });
    outer->setMinimumWidth(480);
    return outer;
}

void SourceDialog::buildGitHubFields(QWidget *panel)
{
    auto *ownerBox = new QWidget(panel);
    auto *ownerLayout = new QHBoxLayout(ownerBox);
    ownerLayout->setContentsMargins(0, 0, 0, 0);
    ownerLayout->setSpacing(6);
    m_ownerKind = new QComboBox(ownerBox);
    m_ownerKind->setObjectName(u"githubOwnerKind"_s);
    m_ownerKind->addItem(tr("Organisation"), u"organization"_s);
    m_ownerKind->addItem(tr("User"), u"user"_s);
    m_owner = new QLineEdit(ownerBox);
    m_owner->setObjectName(u"githubOwner"_s);
    m_owner->setPlaceholderText(tr("e.g. acme"));
    ownerLayout->addWidget(m_ownerKind);
    ownerLayout->addWidget(m_owner, 1);
    addField(m_form, tr("Owner:"), ownerBox, u"owner"_s);

    auto *readBox = new QWidget(panel);
    auto *readLayout = new QVBoxLayout(readBox);
    readLayout->setContentsMargins(0, 0, 0, 0);
    readLayout->setSpacing(4);
    m_insights = new QCheckBox(tr("CI runs, pull requests, releases and deployments"), readBox);
    m_insights->setObjectName(u"githubInsights"_s);
    m_insights->setToolTip(tr("For every entity in the catalog with a github.com/project-slug annotation"));
    m_components = new QCheckBox(tr("Repositories without a descriptor, as Components"), readBox);
    m_components->setObjectName(u"githubComponents"_s);
    m_components->setToolTip(tr("Topics become tags, archived repositories are deprecated, and the first owner in "
                                "CODEOWNERS is the owner"));
    m_archived = new QCheckBox(tr("Archived repositories"), readBox);
    m_archived->setObjectName(u"githubArchived"_s);
    readLayout->addWidget(m_insights);
    readLayout->addWidget(m_components);
    readLayout->addWidget(m_archived);
    addField(m_form, tr("Read:"), readBox, u"githubRead"_s);
}

void SourceDialog::buildKubernetesFields(QWidget *panel)
{
    QWidget *row = nullptr;
    m_kubeconfig = fileEdit(tr("Kubeconfig"), tr("All files (*)"), &row);
    m_kubeconfig->setObjectName(u"kubeconfig"_s);
    m_kubeconfig->setPlaceholderText(tr("$KUBECONFIG, else ~/.kube/config"));
    m_kubeconfig->setToolTip(tr("Several files are separated by “%1”, as in KUBECONFIG").arg(QDir::listSeparator()));
    addField(m_form, tr("Kubeconfig:"), row, u"kubeconfig"_s);

    auto *contextsBox = new QWidget(panel);
    auto *contextsLayout = new QVBoxLayout(contextsBox);
    contextsLayout->setContentsMargins(0, 0, 0, 0);
    contextsLayout->setSpacing(4);
    m_contexts = new QListWidget(contextsBox);
    m_contexts->setObjectName(u"kubeContexts"_s);
    m_contexts->setFixedHeight(m_contexts->fontMetrics().height() * 5 + 12);
    m_contextsStatus = new QLabel(contextsBox);
    m_contextsStatus->setObjectName(u"kubeContextsStatus"_s);
    m_contextsStatus->setWordWrap(true);
    m_contextsStatus->setForegroundRole(QPalette::PlaceholderText);
    contextsLayout->addWidget(m_contexts);
    contextsLayout->addWidget(m_contextsStatus);
    addField(m_form, tr("Contexts:"), contextsBox, u"contexts"_s);

    m_namespaces = new QLineEdit(panel);
    m_namespaces->setObjectName(u"kubeNamespaces"_s);
    m_namespaces->setPlaceholderText(tr("all namespaces; e.g. payments, checkout"));
    addField(m_form, tr("Namespaces:"), m_namespaces, u"namespaces"_s);
}

void SourceDialog::setRowLabel(const QString &field, const QString &label)
{
    if (auto *l = qobject_cast<QLabel *>(m_form->labelForField(m_fields.value(field).row))) {
        l->setText(label);
    }
}

void SourceDialog::listContexts()
{
    const quint64 generation = ++m_contextsGeneration;
    QStringList files;
    for (const QString &f : m_kubeconfig->text().split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
        QString path = expandHome(f.trimmed());
        if (QDir::isRelativePath(path) && !m_workspace.root.startsWith(u':')) {
            path = QDir(m_workspace.root).absoluteFilePath(path);
        }
        files.append(path);
    }
    if (files.isEmpty()) {
        files = KubeConfig::defaultFiles();
    }
    m_contextsStatus->setText(tr("Reading %1…").arg(files.join(u", "_s)));
    auto *watcher = new QFutureWatcher<ContextList>(this);
    connect(watcher, &QFutureWatcher<ContextList>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_contextsGeneration) {
            return; // the field changed since
        }
        const ContextList list = watcher->result();
        // What is checked stays checked; the first time, what the source names (or else the current context).
        QStringList checked;
        if (m_contexts->property("filled").toBool()) {
            for (int i = 0; i < m_contexts->count(); ++i) {
                if (m_contexts->item(i)->checkState() == Qt::Checked) {
                    checked.append(m_contexts->item(i)->data(Qt::UserRole).toString());
                }
            }
        } else {
            checked = optionList(m_original.options.value(u"contexts"_s));
            if (checked.isEmpty() && !list.current.isEmpty()) {
                checked.append(list.current);
            }
        }
        const QSignalBlocker blocker(m_contexts);
        m_contexts->clear();
        QStringList names = list.names;
        for (const QString &name : std::as_const(checked)) {
            if (!names.contains(name)) {
                names.append(name); // named by the source but not in the file: shown, so it can be unchecked
            }
        }
        for (const QString &name : std::as_const(names)) {
            QString label = name;
            if (name == list.current) {
                label = tr("%1 (current)").arg(name);
            } else if (!list.names.contains(name)) {
                label = tr("%1 (not in the kubeconfig)").arg(name);
            }
            auto *item = new QListWidgetItem(label, m_contexts);
            item->setData(Qt::UserRole, name);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
        }
        m_contexts->setProperty("filled", true);
        m_contextsError = list.error;
        if (!list.error.isEmpty()) {
            m_contextsStatus->setText(list.error);
        } else if (list.names.isEmpty()) {
            m_contextsStatus->setText(tr("The kubeconfig has no contexts."));
        } else {
            m_contextsStatus->setText(tr("Checked contexts are read; none checked: the current context."));
        }
        validate();
        Q_EMIT contextsListed();
    });
    watcher->setFuture(QtConcurrent::run(readContexts, files));
}

QWidget *SourceDialog::buildYaml()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_yamlCaption = new QLabel(panel);
    m_yamlCaption->setWordWrap(true);
    m_yamlCaption->setForegroundRole(QPalette::PlaceholderText);
    m_yamlCaption->setText(m_readOnly ? tr("As configured in portolan.yaml, under <tt>sources:</tt>")
                                      : tr("To share this source with everyone who uses the workspace, add it to "
                                           "portolan.yaml under <tt>sources:</tt>"));
    m_yaml = new CodeView(panel);
    m_yaml->setObjectName(u"sourceYaml"_s);
    m_yaml->setAccessibleName(tr("The source as YAML"));
    m_yaml->setYamlHighlighting(true);
    auto *copy = new QPushButton(Icons::icon(Icons::Glyph::Copy), tr("Copy YAML"), panel);
    copy->setObjectName(u"copySourceYaml"_s);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_yaml->toPlainText()); });
    layout->addWidget(m_yamlCaption);
    layout->addWidget(m_yaml, 1);
    layout->addWidget(copy, 0, Qt::AlignRight);
    return panel;
}

void SourceDialog::onTypeChanged()
{
    const QString type = m_type->currentData().toString();
    const bool files = type == u"files"_s;
    const bool git = type == u"git"_s;
    const bool backstage = type == u"backstage"_s;
    const bool github = type == u"github"_s;
    const bool kubernetes = type == u"kubernetes"_s;
    m_form->setRowVisible(m_fields.value(u"url"_s).row, !files && !kubernetes);
    m_form->setRowVisible(m_fields.value(u"branch"_s).row, git);
    m_form->setRowVisible(m_fields.value(u"paths"_s).row, files || git || github);
    m_form->setRowVisible(m_fields.value(u"filter"_s).row, backstage);
    m_form->setRowVisible(m_fields.value(u"credential"_s).row, !files && !kubernetes);
    for (QWidget *row : std::as_const(m_tlsRows)) {
        m_form->setRowVisible(row, backstage || github);
    }
    for (const QString &field : {u"owner"_s, u"githubRead"_s}) {
        m_form->setRowVisible(m_fields.value(field).row, github);
    }
    for (const QString &field : {u"kubeconfig"_s, u"contexts"_s, u"namespaces"_s}) {
        m_form->setRowVisible(m_fields.value(field).row, kubernetes);
    }
    m_addFolder->setVisible(files);
    setRowLabel(u"paths"_s, github ? tr("Catalog paths:") : tr("Paths:"));
    setRowLabel(u"url"_s, github ? tr("API URL:") : tr("URL:"));
    if (auto *hint = findChild<QLabel *>(u"pathsHint"_s)) {
        hint->setText(github ? tr("One per line, inside each repository; the first that exists is read.")
                             : tr("One per line: folders, files or globs such as <tt>catalog/**/*.yaml</tt>."));
    }
    if (github) {
        m_url->setPlaceholderText(tr("https://api.github.com (GitHub Enterprise: https://host/api/v3)"));
        m_paths->setPlaceholderText(u"catalog-info.yaml"_s);
    } else {
        m_url->setPlaceholderText(git ? tr("https://github.com/acme/catalog.git or git@host:acme/catalog.git")
                                      : tr("https://backstage.example.com"));
        m_paths->setPlaceholderText(files ? tr("catalog\n~/work/team/catalog-info.yaml")
                                          : tr("the whole repository; e.g. **/catalog-info.yaml"));
    }
    if (!m_refreshEdited && m_original.id.isEmpty()) {
        const QSignalBlocker blocker(m_refresh);
        m_refresh->setCurrentIndex(std::max(0, m_refresh->findData(files ? 0 : 15 * 60)));
    }
    if (kubernetes && !m_contexts->property("filled").toBool() && m_contextsGeneration == 0) {
        listContexts();
    }
    validate();
}

void SourceDialog::setMessage(const QString &field, const QString &message, bool blocking)
{
    const Field f = m_fields.value(field);
    if (blocking) {
        m_errors.insert(field, message);
    }
    if (!f.message) {
        return;
    }
    f.message->setText(message);
    f.message->setVisible(!message.isEmpty());
    // Untouched required fields of a new source only say what they need, in grey; everything else in red (errors)
    // or amber (warnings that do not block).
    QColor color;
    if (!blocking) {
        color = QColor(0xb4, 0x53, 0x09);
    } else if (!m_touched.contains(field) && m_original.id.isEmpty()) {
        color = palette().color(QPalette::PlaceholderText);
    } else {
        color = QColor(0xdc, 0x26, 0x26);
    }
    QPalette pal = f.message->palette();
    pal.setColor(QPalette::WindowText, color);
    f.message->setPalette(pal);
}

void SourceDialog::validate()
{
    m_errors.clear();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (it->message) {
            it->message->hide();
        }
    }
    const SourceConfig c = config();
    if (!m_readOnly) {
        // Id
        if (c.id.isEmpty()) {
            setMessage(u"id"_s, tr("Enter an id for the source."), true);
        } else if (!idPattern().match(c.id).hasMatch()) {
            setMessage(u"id"_s,
                       tr("Use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit."), true);
        } else if (c.id != m_original.id && m_workspace.source(c.id)) {
            setMessage(u"id"_s, tr("The workspace already has a source “%1”.").arg(c.id), true);
        }
        // URL
        if (c.type == u"git"_s) {
            if (c.url.isEmpty()) {
                setMessage(u"url"_s, tr("Enter the repository's URL."), true);
            } else if (!Workspace::isGitUrl(c.url) && !QDir::isAbsolutePath(c.url)) {
                setMessage(u"url"_s, tr("Enter a git URL: https://…, ssh://…, git@host:path or file://…"), true);
            }
        } else if (c.type == u"backstage"_s) {
            const QUrl url(c.url);
            if (c.url.isEmpty()) {
                setMessage(u"url"_s, tr("Enter the address of the Backstage instance."), true);
            } else if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
                       || url.host().isEmpty()) {
                setMessage(u"url"_s, tr("Enter an http:// or https:// address."), true);
            } else if (url.scheme() == u"http"_s) {
                setMessage(u"url"_s, tr("Plain http sends the credential unencrypted."), false);
            }
        }
        // GitHub
        if (c.type == u"github"_s) {
            const QUrl url(c.url);
            if (!c.url.isEmpty()
                && (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
                    || url.host().isEmpty())) {
                setMessage(u"url"_s, tr("Enter an http:// or https:// address, or leave it empty for github.com."),
                           true);
            } else if (url.scheme() == u"http"_s) {
                setMessage(u"url"_s, tr("Plain http sends the credential unencrypted."), false);
            }
            const QString owner = m_owner->text().trimmed();
            if (owner.isEmpty()) {
                setMessage(u"owner"_s, tr("Enter the organisation or user whose repositories are read."), true);
            } else if (!isGitHubLogin(owner)) {
                setMessage(u"owner"_s, tr("“%1” is not a GitHub account name.").arg(owner), true);
            }
            for (const QString &p : lines(m_paths->toPlainText())) {
                if (isGlob(p) || p.split(u'/').contains(u".."_s)) {
                    setMessage(u"paths"_s, tr("“%1”: a file path inside the repository, without globs or “..”.").arg(p),
                               true);
                    break;
                }
            }
            if (c.credential.isEmpty()) {
                setMessage(u"credential"_s,
                           tr("Without a token GitHub allows 60 requests an hour and shows public repositories only."),
                           false);
            }
        }
        // Kubernetes
        if (c.type == u"kubernetes"_s) {
            QStringList missing;
            for (const QString &f : optionList(c.options.value(u"kubeconfig"_s))) {
                QString path = expandHome(f);
                if (QDir::isRelativePath(path) && !m_workspace.root.startsWith(u':')) {
                    path = QDir(m_workspace.root).absoluteFilePath(path);
                }
                if (!QFileInfo(path).isFile()) {
                    missing.append(f);
                }
            }
            if (!missing.isEmpty()) {
                setMessage(u"kubeconfig"_s, tr("There is no such file: %1").arg(missing.join(u", "_s)), true);
            } else if (!m_contextsError.isEmpty()) {
                setMessage(u"kubeconfig"_s, m_contextsError, false);
            }
            QStringList unknown;
            for (int i = 0; i < m_contexts->count(); ++i) {
                const QListWidgetItem *item = m_contexts->item(i);
                if (item->checkState() == Qt::Checked && item->text() != item->data(Qt::UserRole).toString()
                    && item->text().endsWith(tr("(not in the kubeconfig)"))) {
                    unknown.append(item->data(Qt::UserRole).toString());
                }
            }
            if (!unknown.isEmpty()) {
                setMessage(u"contexts"_s, tr("Not in the kubeconfig: %1").arg(unknown.join(u", "_s)), false);
            }
        }
        // Paths
        if (c.type == u"files"_s) {
            if (c.paths.isEmpty()) {
                setMessage(u"paths"_s, tr("Enter at least one folder, file or glob."), true);
            } else {
                QStringList missing;
                for (const QString &p : c.paths) {
                    QString path = p.startsWith(u"~/"_s) ? QDir::homePath() + p.mid(1) : p;
                    if (!isGlob(path) && !QDir::isAbsolutePath(path) && !m_workspace.root.startsWith(u':')) {
                        path = QDir(m_workspace.root).filePath(path);
                    }
                    if (!isGlob(path) && !path.startsWith(u':') && !QFileInfo::exists(path)) {
                        missing.append(p);
                    }
                }
                if (!missing.isEmpty()) {
                    setMessage(u"paths"_s, tr("Not found (yet): %1").arg(missing.join(u", "_s)), false);
                }
            }
        }
        // Credential
        if (!c.credential.isEmpty() && !m_workspace.credential(c.credential)) {
            setMessage(u"credential"_s, tr("“%1” is not listed under credentials in portolan.yaml.").arg(c.credential),
                       true);
        }
        // TLS files
        if (c.type == u"backstage"_s || c.type == u"github"_s) {
            const QList<QPair<QString, QString>> files = {{u"caBundle"_s, c.tls.caBundle},
                                                          {u"clientCertificate"_s, c.tls.clientCertificate},
                                                          {u"clientKey"_s, c.tls.clientKey}};
            for (const auto &[field, path] : files) {
                if (!path.isEmpty() && !QFileInfo(path).isFile()) {
                    setMessage(field, tr("There is no such file."), true);
                }
            }
            if (!c.tls.clientCertificate.isEmpty() && c.tls.clientKey.isEmpty()) {
                setMessage(u"clientKey"_s, tr("A client certificate needs its key."), true);
            }
        }
    }
    m_tlsWarning->setVisible(!m_verify->isChecked());
    if (QPushButton *ok = okButton()) {
        ok->setEnabled(m_errors.isEmpty());
    }
    // Shared sources show their YAML as configured; the user's own as they are being edited.
    m_yaml->setPlainText(yamlFor(m_readOnly ? m_original : c));
}

SourceConfig SourceDialog::config() const
{
    SourceConfig c = m_original;
    c.origin = SourceConfig::Origin::Local;
    c.configFile = m_workspace.localSourcesFile();
    c.line = 0;
    c.type = m_type->currentData().toString();
    c.id = m_id->text().trimmed();
    c.title = m_title->text().trimmed();
    const bool files = c.type == u"files"_s;
    const bool git = c.type == u"git"_s;
    const bool backstage = c.type == u"backstage"_s;
    c.url = files ? QString() : m_url->text().trimmed();
    c.branch = git ? m_branch->text().trimmed() : QString();
    c.paths = (files || git) ? lines(m_paths->toPlainText()) : QStringList();
    c.filter = backstage ? m_filter->text().trimmed() : QString();
    c.refreshSeconds = m_refresh->currentData().toInt();
    const bool github = c.type == u"github"_s;
    const bool kubernetes = c.type == u"kubernetes"_s;
    c.credential = (files || kubernetes) ? QString() : m_credential->currentData().toString();
    // Options: those of another type go; those the dialog has no field for stay as they were.
    if (c.type != m_original.type) {
        c.options.clear();
    }
    const auto setOption = [&c](const QString &key, const QVariant &value, bool keep) {
        if (keep) {
            c.options.insert(key, value);
        } else {
            c.options.remove(key);
        }
    };
    if (github) {
        const bool user = m_ownerKind->currentIndex() == 1;
        c.options.remove(user ? u"organization"_s : u"user"_s);
        c.options.insert(user ? u"user"_s : u"organization"_s, m_owner->text().trimmed());
        const QStringList catalogPaths = lines(m_paths->toPlainText());
        setOption(u"catalogPaths"_s, catalogPaths, !catalogPaths.isEmpty());
        setOption(u"insights"_s, false, !m_insights->isChecked());
        setOption(u"repositoriesAsComponents"_s, true, m_components->isChecked());
        setOption(u"includeArchived"_s, false, !m_archived->isChecked());
        c.paths.clear();
    }
    if (kubernetes) {
        QStringList kubeconfig;
        for (const QString &f : m_kubeconfig->text().split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
            if (!f.trimmed().isEmpty()) {
                kubeconfig.append(f.trimmed());
            }
        }
        setOption(u"kubeconfig"_s, kubeconfig.size() == 1 ? QVariant(kubeconfig.first()) : QVariant(kubeconfig),
                  !kubeconfig.isEmpty());
        if (m_contexts->property("filled").toBool()) { // until the file is read, the contexts stay as they were
            QStringList contexts;
            for (int i = 0; i < m_contexts->count(); ++i) {
                if (m_contexts->item(i)->checkState() == Qt::Checked) {
                    contexts.append(m_contexts->item(i)->data(Qt::UserRole).toString());
                }
            }
            setOption(u"contexts"_s, contexts, !contexts.isEmpty());
        }
        const QStringList namespaces = words(m_namespaces->text());
        setOption(u"namespaces"_s, namespaces, !namespaces.isEmpty());
    }
    if (backstage || github) {
        c.tls.verify = m_verify->isChecked();
        c.tls.caBundle = m_caBundle->text().trimmed();
        c.tls.clientCertificate = m_clientCert->text().trimmed();
        c.tls.clientKey = m_clientKey->text().trimmed();
    } else {
        c.tls = {};
    }
    return c;
}

QString SourceDialog::yamlFor(const SourceConfig &s)
{
    QStringList out;
    const auto put = [&out](const QString &key, const QString &value) {
        if (!value.isEmpty()) {
            out.append(u"  %1: %2"_s.arg(key, yamlScalar(value)));
        }
    };
    out.append(u"- id: %1"_s.arg(yamlScalar(s.id.isEmpty() ? u"my-source"_s : s.id)));
    put(u"type"_s, s.type);
    put(u"title"_s, s.title);
    put(u"url"_s, s.url);
    put(u"branch"_s, s.branch);
    if (!s.paths.isEmpty()) {
        QStringList items;
        for (const QString &p : s.paths) {
            items.append(yamlScalar(p));
        }
        out.append(u"  paths: [%1]"_s.arg(items.join(u", "_s)));
    }
    put(u"filter"_s, s.filter);
    put(u"credential"_s, s.credential);
    out.append(u"  refresh: %1"_s.arg(yamlDuration(s.refreshSeconds)));
    if (!s.enabled) {
        out.append(u"  enabled: false"_s);
    }
    if (s.maxDeletionShare != 0.5) {
        out.append(u"  maxDeletionShare: %1"_s.arg(s.maxDeletionShare));
    }
    if (!s.tls.verify || !s.tls.caBundle.isEmpty() || !s.tls.clientCertificate.isEmpty()
        || !s.tls.clientKey.isEmpty()) {
        out.append(u"  tls:"_s);
        if (!s.tls.verify) {
            out.append(u"    verify: false"_s);
        }
        const auto putTls = [&out](const QString &key, const QString &value) {
            if (!value.isEmpty()) {
                out.append(u"    %1: %2"_s.arg(key, yamlScalar(value)));
            }
        };
        putTls(u"caBundle"_s, s.tls.caBundle);
        putTls(u"clientCertificate"_s, s.tls.clientCertificate);
        putTls(u"clientKey"_s, s.tls.clientKey);
    }
    if (!s.options.isEmpty()) {
        yamlOption(out, u"options"_s, s.options, 2);
    }
    return out.join(u'\n') + u'\n';
}

} // namespace Portolan::Ui
