#pragma once

#include "config/Workspace.h"

#include <QDialog>
#include <QSet>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace Portolan::Ui {

class Banner;
class CodeView;

// Adds or edits one of the user's own sources (kept in Workspace::localSourcesFile(), never in the shared
// portolan.yaml): type, id, title, URL, branch, paths, filter, refresh interval, credential and TLS settings, and for
// GitHub the owner and what to read, for Kubernetes the kubeconfig, its contexts (listed from the file, read off the
// GUI thread) and the namespaces. Options the dialog has no field for are kept as they were. Each
// field says inline what is wrong with it and OK stays disabled until nothing is. A shared source (or the
// workspace's own descriptors) opens read-only, with the YAML to paste into portolan.yaml to change it for
// everyone; the same YAML is shown for the user's own sources, to share them.
class SourceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceDialog)

public:
    // `source` with an empty id: a new source.
    SourceDialog(const Core::Workspace &workspace, const Core::SourceConfig &source, QWidget *parent = nullptr);
    ~SourceDialog() override;

    // The source as the fields describe it (origin Local).
    [[nodiscard]] Core::SourceConfig config() const;
    // The id the source had when the dialog opened; empty for a new one.
    [[nodiscard]] const QString &originalId() const { return m_original.id; }
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }
    [[nodiscard]] bool isValid() const { return m_errors.isEmpty(); }
    // Field name ("id", "url", "paths", ...) -> what is wrong with it, for the fields that block OK.
    [[nodiscard]] const QHash<QString, QString> &errors() const { return m_errors; }

    // The source as a `sources:` entry of portolan.yaml.
    [[nodiscard]] static QString yamlFor(const Core::SourceConfig &source);

    // For tests and for the page's "Set secret" shortcuts.
    [[nodiscard]] QComboBox *typeBox() const { return m_type; }
    [[nodiscard]] QLineEdit *idEdit() const { return m_id; }
    [[nodiscard]] QLineEdit *titleEdit() const { return m_title; }
    [[nodiscard]] QLineEdit *urlEdit() const { return m_url; }
    [[nodiscard]] QLineEdit *branchEdit() const { return m_branch; }
    [[nodiscard]] QPlainTextEdit *pathsEdit() const { return m_paths; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QComboBox *refreshBox() const { return m_refresh; }
    [[nodiscard]] QComboBox *credentialBox() const { return m_credential; }
    [[nodiscard]] QCheckBox *verifyBox() const { return m_verify; }
    [[nodiscard]] QPushButton *okButton() const;
    [[nodiscard]] CodeView *yamlView() const { return m_yaml; }
    [[nodiscard]] QComboBox *ownerKindBox() const { return m_ownerKind; }
    [[nodiscard]] QLineEdit *ownerEdit() const { return m_owner; }
    [[nodiscard]] QCheckBox *insightsBox() const { return m_insights; }
    [[nodiscard]] QCheckBox *componentsBox() const { return m_components; }
    [[nodiscard]] QLineEdit *kubeconfigEdit() const { return m_kubeconfig; }
    [[nodiscard]] QListWidget *contextList() const { return m_contexts; }
    [[nodiscard]] QLineEdit *namespacesEdit() const { return m_namespaces; }

Q_SIGNALS:
    void contextsListed(); // the kubeconfig's contexts were read (or could not be)

private:
    struct Field
    {
        QWidget *row = nullptr; // the field with its message below
        QLabel *message = nullptr;
    };

    QWidget *buildForm();
    QWidget *buildYaml();
    Field addField(QFormLayout *form, const QString &label, QWidget *editor, const QString &name);
    QLineEdit *fileEdit(const QString &caption, const QString &filter, QWidget **row);
    void buildGitHubFields(QWidget *panel);
    void buildKubernetesFields(QWidget *panel);
    void setRowLabel(const QString &field, const QString &label);
    void listContexts(); // reads the kubeconfig named by the field, off the GUI thread
    void onTypeChanged();
    void validate();
    void setMessage(const QString &field, const QString &message, bool blocking);

    Core::Workspace m_workspace;
    Core::SourceConfig m_original;
    bool m_readOnly = false;
    bool m_idEdited = false;
    bool m_refreshEdited = false;
    QSet<QString> m_touched;
    QHash<QString, QString> m_errors;
    QHash<QString, Field> m_fields;
    QFormLayout *m_form = nullptr;

    QComboBox *m_type = nullptr;
    QLineEdit *m_id = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_branch = nullptr;
    QPlainTextEdit *m_paths = nullptr;
    QPushButton *m_addFolder = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_refresh = nullptr;
    QComboBox *m_credential = nullptr;
    QCheckBox *m_verify = nullptr;
    Banner *m_tlsWarning = nullptr;
    QLineEdit *m_caBundle = nullptr;
    QLineEdit *m_clientCert = nullptr;
    QLineEdit *m_clientKey = nullptr;
    QList<QWidget *> m_tlsRows;
    QComboBox *m_ownerKind = nullptr;
    QLineEdit *m_owner = nullptr;
    QCheckBox *m_insights = nullptr;
    QCheckBox *m_components = nullptr;
    QCheckBox *m_archived = nullptr;
    QLineEdit *m_kubeconfig = nullptr;
    QListWidget *m_contexts = nullptr;
    QLabel *m_contextsStatus = nullptr;
    QLineEdit *m_namespaces = nullptr;
    QTimer *m_contextsTimer = nullptr;
    quint64 m_contextsGeneration = 0;
    QString m_contextsError;
    QLabel *m_yamlCaption = nullptr;
    CodeView *m_yaml = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Portolan::Ui
