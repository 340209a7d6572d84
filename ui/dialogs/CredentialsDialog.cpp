#include "CredentialsDialog.h"

#include "DeviceFlowDialog.h"
#include "auth/DeviceFlow.h"
#include "auth/TokenStore.h"
#include "widgets/Banner.h"
#include "widgets/CodeView.h"
#include "widgets/Icons.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

enum Column { NameColumn, SecretColumn, UsedByColumn, DescriptionColumn };

bool envSet(const CredentialConfig &c)
{
    return !c.env.isEmpty() && !qEnvironmentVariableIsEmpty(c.env.toLocal8Bit().constData());
}

} // namespace

CredentialsDialog::CredentialsDialog(const Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_tokens(new TokenStore(u"Portolan"_s, this))
    , m_keychainBanner(new Banner(this))
    , m_stack(new QStackedWidget(this))
    , m_list(new QTreeWidget(this))
    , m_editorTitle(new QLabel(this))
    , m_editorHint(new QLabel(this))
    , m_secret(new QLineEdit(this))
    , m_save(new QPushButton(tr("Save Secret"), this))
    , m_clear(new QPushButton(tr("Clear Secret"), this))
    , m_signIn(new QPushButton(tr("Sign in with GitHub…"), this))
    , m_result(new QLabel(this))
{
    setObjectName(u"credentialsDialog"_s);
    setWindowTitle(tr("Credentials — %1").arg(workspace.displayName()));
    setSizeGripEnabled(true);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    auto *intro = new QLabel(tr("Sources sign in with the credentials named in portolan.yaml. Their secrets are kept "
                                "in your system keychain, never in a file, and are never shown again once saved."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_keychainBanner->setObjectName(u"keychainWarning"_s);
    m_keychainBanner->setKind(Banner::Kind::Warning);
    layout->addWidget(m_keychainBanner);
    connect(m_tokens, &TokenStore::keychainUnavailable, this, &CredentialsDialog::updateKeychainBanner);

    // The list and the editor, or an explanation when the workspace names no credentials.
    auto *content = new QWidget(m_stack);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(12);
    m_list->setObjectName(u"credentialList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Credential"), tr("Secret"), tr("Used by"), tr("Description")});
    m_list->header()->setStretchLastSection(true);
    m_list->setIconSize(QSize(16, 16));
    for (const CredentialConfig &c : std::as_const(m_workspace.credentials)) {
        QStringList users;
        for (const SourceConfig &s : std::as_const(m_workspace.sources)) {
            if (s.credential == c.name) {
                users.append(s.displayName());
            }
        }
        auto *item = new QTreeWidgetItem(m_list);
        item->setIcon(NameColumn, Icons::icon(Icons::Glyph::Key));
        item->setText(NameColumn, c.name);
        item->setData(NameColumn, Qt::UserRole, c.name);
        item->setText(UsedByColumn, users.isEmpty() ? tr("no source") : users.join(u", "_s));
        item->setText(DescriptionColumn, c.description);
        item->setToolTip(DescriptionColumn, c.description);
    }
    m_list->header()->resizeSection(NameColumn, 170);
    m_list->header()->resizeSection(SecretColumn, 230);
    m_list->header()->resizeSection(UsedByColumn, 180);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &CredentialsDialog::updateEditor);
    contentLayout->addWidget(m_list, 1);

    auto *editor = new QWidget(content);
    auto *grid = new QGridLayout(editor);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(6);
    QFont titleFont = m_editorTitle->font();
    titleFont.setWeight(QFont::DemiBold);
    m_editorTitle->setFont(titleFont);
    m_editorHint->setWordWrap(true);
    m_editorHint->setForegroundRole(QPalette::PlaceholderText);
    m_secret->setObjectName(u"secretEdit"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setClearButtonEnabled(true);
    m_secret->setPlaceholderText(tr("Paste the token or password"));
    m_save->setObjectName(u"saveSecret"_s);
    m_clear->setObjectName(u"clearSecret"_s);
    m_signIn->setObjectName(u"signInWithGitHub"_s);
    m_signIn->setIcon(Icons::icon(Icons::Glyph::Key));
    m_result->setObjectName(u"secretResult"_s);
    m_result->setWordWrap(true);
    grid->addWidget(m_editorTitle, 0, 0, 1, 3);
    grid->addWidget(m_editorHint, 1, 0, 1, 3);
    grid->addWidget(m_secret, 2, 0);
    grid->addWidget(m_save, 2, 1);
    grid->addWidget(m_clear, 2, 2);
    grid->addWidget(m_signIn, 3, 0, 1, 3, Qt::AlignLeft);
    grid->addWidget(m_result, 4, 0, 1, 3);
    grid->setColumnStretch(0, 1);
    contentLayout->addWidget(editor);
    connect(m_secret, &QLineEdit::textChanged, this, [this] { m_save->setEnabled(!m_secret->text().isEmpty()); });
    connect(m_secret, &QLineEdit::returnPressed, this, &CredentialsDialog::save);
    connect(m_save, &QPushButton::clicked, this, &CredentialsDialog::save);
    connect(m_clear, &QPushButton::clicked, this, &CredentialsDialog::clear);
    connect(m_signIn, &QPushButton::clicked, this, &CredentialsDialog::signIn);

    auto *empty = new QWidget(m_stack);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->setContentsMargins(0, 0, 0, 0);
    auto *emptyText = new QLabel(tr("This workspace names no credentials. A source that needs one refers to it by "
                                    "name, and the platform team lists it in portolan.yaml, for example:"),
                                 empty);
    emptyText->setObjectName(u"noCredentials"_s);
    emptyText->setWordWrap(true);
    auto *example = new CodeView(empty);
    example->setAccessibleName(tr("Example"));
    example->setYamlHighlighting(true);
    example->setPlainText(u"credentials:\n  - name: github\n    env: GITHUB_TOKEN   # optional\n"
                          "    description: A GitHub token with read access to the catalog repositories\n"_s);
    example->setMaximumHeight(example->fontMetrics().height() * 6 + 16);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(example);
    emptyLayout->addStretch(1);

    m_stack->addWidget(content);
    m_stack->addWidget(empty);
    m_stack->setCurrentWidget(m_workspace.credentials.isEmpty() ? empty : content);
    layout->addWidget(m_stack, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    updateKeychainBanner();
    readStates();
    if (m_list->topLevelItemCount() > 0) {
        m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    updateEditor();
    resize(860, 520);
}

CredentialsDialog::~CredentialsDialog() = default;

QString CredentialsDialog::keyFor(const QString &name) const
{
    return TokenStore::keyFor(m_workspace.cacheKey(), name);
}

QString CredentialsDialog::refreshKeyFor(const QString &name) const
{
    return DeviceFlowToken::refreshKey(m_workspace.cacheKey(), name);
}

QString CredentialsDialog::currentName() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(NameColumn, Qt::UserRole).toString() : QString();
}

void CredentialsDialog::selectCredential(const QString &name)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(NameColumn, Qt::UserRole).toString() == name) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            m_secret->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

QString CredentialsDialog::stateText(SecretState state, const QString &env)
{
    switch (state) {
    case SecretState::Checking:
        return tr("Checking…");
    case SecretState::Missing:
        return tr("Not set");
    case SecretState::Stored:
        return tr("Set, in the keychain");
    case SecretState::InMemory:
        return tr("Set, in memory until Portolan quits");
    case SecretState::FromEnvironment:
        return tr("From the environment (%1)").arg(env);
    }
    return {};
}

void CredentialsDialog::readStates()
{
    for (const CredentialConfig &c : std::as_const(m_workspace.credentials)) {
        if (envSet(c)) {
            setState(c.name, SecretState::FromEnvironment);
            continue;
        }
        setState(c.name, SecretState::Checking);
        const QString name = c.name;
        // The secret itself is only looked at to see whether there is one; it is not kept.
        m_tokens->read(keyFor(name), [this, name](Result<QString> secret) {
            if (!secret.ok() || secret->isEmpty()) {
                setState(name, SecretState::Missing);
            } else {
                setState(name, TokenStore::keychainAvailable() ? SecretState::Stored : SecretState::InMemory);
            }
        });
    }
}

void CredentialsDialog::setState(const QString &name, SecretState state)
{
    m_states.insert(name, state);
    const CredentialConfig *c = m_workspace.credential(name);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(NameColumn, Qt::UserRole).toString() != name) {
            continue;
        }
        item->setText(SecretColumn, stateText(state, c ? c->env : QString()));
        const QColor color = state == SecretState::Missing    ? QColor(0xdc, 0x26, 0x26)
                             : state == SecretState::InMemory ? QColor(0xb4, 0x53, 0x09)
                             : state == SecretState::Checking ? palette().color(QPalette::PlaceholderText)
                                                              : QColor(0x15, 0x80, 0x3d);
        item->setForeground(SecretColumn, color);
    }
    if (name == currentName()) {
        updateEditor();
    }
}

void CredentialsDialog::updateEditor()
{
    const QString name = currentName();
    const CredentialConfig *c = m_workspace.credential(name);
    const bool has = c != nullptr;
    m_secret->setEnabled(has);
    m_save->setEnabled(has && !m_secret->text().isEmpty());
    m_signIn->setVisible(has && c->isOAuthDevice());
    m_signIn->setEnabled(has && !c->clientId.isEmpty());
    if (!has) {
        m_editorTitle->clear();
        m_editorHint->clear();
        m_clear->setEnabled(false);
        return;
    }
    const SecretState state = m_states.value(name, SecretState::Checking);
    m_clear->setEnabled(state == SecretState::Stored || state == SecretState::InMemory);
    m_editorTitle->setText(state == SecretState::Missing ? tr("Set the secret for “%1”").arg(name)
                                                         : tr("Replace the secret for “%1”").arg(name));
    QStringList hints;
    if (c->kind == u"basic"_s) {
        hints.append(tr("Sent with HTTP basic authentication as user “%1”; enter the password or token.").arg(c->user));
    } else if (c->kind == u"header"_s) {
        hints.append(tr("Sent in the HTTP header “%1”.").arg(c->header));
    } else if (c->isOAuthDevice()) {
        hints.append(c->clientId.isEmpty()
                         ? tr("Sign-in with GitHub needs the app's clientId in portolan.yaml; until then, paste a "
                              "token.")
                         : tr("Sign in with your account on %1 to get a token, or paste one. It is sent as a bearer "
                              "token.")
                               .arg(QUrl(c->oauthUrl()).host()));
    } else {
        hints.append(tr("Sent as a bearer token."));
    }
    if (!c->env.isEmpty()) {
        hints.append(envSet(*c)
                         ? tr("The environment variable %1 is set and is used instead of the keychain.").arg(c->env)
                         : tr("When the environment variable %1 is set, it is used instead.").arg(c->env));
    }
    m_editorHint->setText(hints.join(u' '));
}

void CredentialsDialog::updateKeychainBanner()
{
    const bool available = TokenStore::keychainAvailable();
    if (!available) {
        // The reason from the keychain layer already says that secrets stay in memory; say it only without one.
        const QString reason = TokenStore::keychainProblem();
        const QString detail = reason.isEmpty() ? tr("A secret you enter now is kept in memory for this run only and "
                                                     "must be entered again after Portolan restarts.")
                                                : reason;
        m_keychainBanner->setText(
            u"<b>%1</b> %2"_s.arg(tr("No keychain is available.").toHtmlEscaped(), detail.toHtmlEscaped()));
    }
    m_keychainBanner->setVisible(!available);
}

void CredentialsDialog::save()
{
    const QString name = currentName();
    const QString secret = m_secret->text();
    if (name.isEmpty() || secret.isEmpty()) {
        return;
    }
    m_save->setEnabled(false);
    m_result->setText(tr("Saving…"));
    m_tokens->write(keyFor(name), secret, [this, name](Result<void> written) {
        if (!written.ok()) {
            m_result->setText(tr("The secret could not be saved: %1").arg(written.error().message));
            m_save->setEnabled(!m_secret->text().isEmpty());
            return;
        }
        m_secret->clear();
        secretSaved(name);
    });
}

// After a secret was written, pasted or from a GitHub sign-in.
void CredentialsDialog::secretSaved(const QString &name)
{
    const bool keychain = TokenStore::keychainAvailable();
    setState(name, keychain ? SecretState::Stored : SecretState::InMemory);
    m_result->setText(keychain ? tr("Saved in the keychain.")
                               : tr("Kept in memory until Portolan quits (no keychain is available)."));
    updateKeychainBanner();
    Q_EMIT credentialChanged(name);
}

void CredentialsDialog::signIn()
{
    const QString name = currentName();
    const CredentialConfig *c = m_workspace.credential(name);
    if (!c || !c->isOAuthDevice() || c->clientId.isEmpty()) {
        return;
    }
    auto *dialog = new DeviceFlowDialog(*c, keyFor(name), refreshKeyFor(name), m_tokens, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DeviceFlowDialog::tokenStored, this, [this](const QString &credential) {
        secretSaved(credential);
        m_result->setText(TokenStore::keychainAvailable()
                              ? tr("Signed in with GitHub; the token is saved in the keychain.")
                              : tr("Signed in with GitHub; the token is kept in memory until Portolan quits (no "
                                   "keychain is available)."));
    });
    dialog->open();
    dialog->start();
}

void CredentialsDialog::clear()
{
    const QString name = currentName();
    if (name.isEmpty()) {
        return;
    }
    m_clear->setEnabled(false);
    m_tokens->remove(keyFor(name), [this, name](Result<void> removed) {
        if (!removed.ok()) {
            m_result->setText(tr("The secret could not be cleared: %1").arg(removed.error().message));
            updateEditor();
            return;
        }
        setState(name, SecretState::Missing);
        m_result->setText(tr("Cleared."));
        if (const CredentialConfig *c = m_workspace.credential(name); c && c->isOAuthDevice()) {
            m_tokens->remove(refreshKeyFor(name), [](Result<void>) {});
        }
        Q_EMIT credentialChanged(name);
    });
}

} // namespace Portolan::Ui
