#pragma once

#include "config/Workspace.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace Portolan::Core {
class TokenStore;
}

namespace Portolan::Ui {

class Banner;

// The workspace's credentials (named in portolan.yaml) and whether each has a secret: in the keychain, in memory
// for this run (no keychain), or from the environment variable the configuration names. A secret is set, replaced
// or cleared through a password field and the keychain (TokenStore); a stored secret is never shown. Without a
// usable keychain the dialog says so: what is entered then lasts until Portolan quits. An oauth-device credential also
// offers "Sign in with GitHub…" (DeviceFlowDialog), whose token is stored under the same key as a pasted one.
class CredentialsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialsDialog)

public:
    enum class SecretState { Checking, Missing, Stored, InMemory, FromEnvironment };

    CredentialsDialog(const Core::Workspace &workspace, QWidget *parent = nullptr);
    ~CredentialsDialog() override;

    void selectCredential(const QString &name);
    [[nodiscard]] SecretState state(const QString &name) const { return m_states.value(name, SecretState::Checking); }
    [[nodiscard]] static QString stateText(SecretState state, const QString &env = {});

    [[nodiscard]] QTreeWidget *list() const { return m_list; }
    [[nodiscard]] QLineEdit *secretEdit() const { return m_secret; }
    [[nodiscard]] QPushButton *saveButton() const { return m_save; }
    [[nodiscard]] QPushButton *clearButton() const { return m_clear; }
    [[nodiscard]] QPushButton *signInButton() const { return m_signIn; } // oauth-device credentials only
    [[nodiscard]] Banner *keychainBanner() const { return m_keychainBanner; }

Q_SIGNALS:
    // A secret was saved or cleared: the sync engine should forget what it cached and retry.
    void credentialChanged(const QString &name);

private:
    void readStates();
    void setState(const QString &name, SecretState state);
    void updateEditor();
    void updateKeychainBanner();
    void save();
    void clear();
    void signIn();
    void secretSaved(const QString &name);
    [[nodiscard]] QString currentName() const;
    [[nodiscard]] QString keyFor(const QString &name) const;
    [[nodiscard]] QString refreshKeyFor(const QString &name) const;

    Core::Workspace m_workspace;
    Core::TokenStore *m_tokens;
    QHash<QString, SecretState> m_states;
    Banner *m_keychainBanner;
    QStackedWidget *m_stack;
    QTreeWidget *m_list;
    QLabel *m_editorTitle;
    QLabel *m_editorHint;
    QLineEdit *m_secret;
    QPushButton *m_save;
    QPushButton *m_clear;
    QPushButton *m_signIn;
    QLabel *m_result;
};

} // namespace Portolan::Ui
