#pragma once

#include "sync/SyncTypes.h"
#include "util/Result.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QGridLayout;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace Portolan::Core {
class TokenStore;
struct Workspace;
} // namespace Portolan::Core

namespace Portolan::Ui {

class Banner;
class Card;
class SourcesModel;
class WorkspaceSession;

// Where the catalog comes from: every source of the workspace with its sync state (a progress bar while it syncs,
// the error when it failed, "stale" when its data falls behind), and a detail panel for the selected source: its
// settings, where it is configured, the full error with a Retry, a warning when TLS verification is off. The
// toolbar refreshes, cancels, adds and edits the user's own sources (kept beside the cache, never in the shared
// portolan.yaml) and opens the credentials.
class SourcesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesPage)

public:
    explicit SourcesPage(QWidget *parent = nullptr);
    ~SourcesPage() override;

    // The page follows this session's snapshots; null shows no sources.
    void setSession(WorkspaceSession *session);
    void selectSource(const QString &sourceId);
    [[nodiscard]] QString selectedSourceId() const;

    // Writes the user's own sources file with `source` added (or replacing `replacingId`) and has the sync engine
    // read the configuration again.
    Core::Result<void> saveLocalSource(const Core::SourceConfig &source, const QString &replacingId = {});
    Core::Result<void> removeLocalSource(const QString &sourceId);

    // The toolbar's commands; the dialogs open window-modal and return at once.
    void refreshAll();
    void refreshSelected();
    void cancelSync();
    void addSource();
    void editSelected();
    void removeSelected();
    void showCredentials(const QString &credential = {});

    [[nodiscard]] SourcesModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QAction *refreshAllAction() const { return m_refreshAll; }
    [[nodiscard]] QAction *refreshSelectedAction() const { return m_refreshSelected; }
    [[nodiscard]] QAction *cancelAction() const { return m_cancel; }
    [[nodiscard]] QAction *addAction() const { return m_add; }
    [[nodiscard]] QAction *editAction() const { return m_edit; }
    [[nodiscard]] QAction *removeAction() const { return m_remove; }
    [[nodiscard]] QAction *credentialsAction() const { return m_credentials; }

Q_SIGNALS:
    // The user wants to review the sync the deletion guard held back for this source.
    void reviewRequested(const QString &sourceId);
    void fileRequested(const QString &file, int line, int column);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Fact
    {
        QLabel *label = nullptr;
        QLabel *value = nullptr;
    };

    QWidget *buildToolbar();
    QWidget *buildDetails();
    Fact addFact(QGridLayout *grid, const QString &label, const QString &objectName);
    void setFact(const Fact &fact, const QString &html);
    void onSourcesChanged(const QList<Core::SourceStatus> &sources);
    void onWorkspaceChanged();
    void updateDetails();
    void updateActions();
    void updateSummary();
    void updateKeychainBanner();
    void updateAnimation();
    void fitTable();
    void readSecretStates();
    [[nodiscard]] const Core::SourceStatus *selectedStatus() const;

    QPointer<WorkspaceSession> m_session;
    SourcesModel *m_model;
    Core::TokenStore *m_tokens;
    QHash<QString, bool> m_secretSet; // credential name -> a secret is in the keychain (or memory)
    QString m_pendingSelection;
    bool m_userSizedSplitter = false;

    QAction *m_refreshAll;
    QAction *m_refreshSelected;
    QAction *m_cancel;
    QAction *m_add;
    QAction *m_edit;
    QAction *m_remove;
    QAction *m_credentials;

    QLabel *m_summary;
    Banner *m_keychainBanner;
    QSplitter *m_splitter;
    QTableView *m_table;
    QStackedWidget *m_detailStack;
    QLabel *m_noSelection;
    // Details
    QLabel *m_detailIcon;
    QLabel *m_detailTitle;
    QLabel *m_detailSubtitle;
    QPushButton *m_detailRefresh;
    QPushButton *m_detailEdit;
    Banner *m_errorBanner;
    QLabel *m_errorDetail;
    QWidget *m_errorBox;
    Banner *m_tlsBanner;
    Banner *m_heldBanner;
    Banner *m_credentialBanner;
    Card *m_configCard;
    Card *m_syncCard;
    Fact m_type;
    Fact m_origin;
    Fact m_url;
    Fact m_branch;
    Fact m_paths;
    Fact m_filter;
    Fact m_credential;
    Fact m_refresh;
    Fact m_tls;
    Fact m_state;
    Fact m_lastSuccess;
    Fact m_lastAttempt;
    Fact m_nextSync;
    Fact m_revision;
    Fact m_quota;
    Fact m_options;
    Fact m_liveProblems;
    Fact m_entities;
    Fact m_message;

    QTimer *m_clock;
    QTimer *m_animation;
};

} // namespace Portolan::Ui
