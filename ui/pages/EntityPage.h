#pragma once

#include "catalog/Catalog.h"
#include "scorecards/ScorecardEngine.h"

#include <QPointer>
#include <QWidget>

#include <array>

class QGridLayout;
class QLabel;
class QPushButton;
class QToolButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeView;
class QVBoxLayout;

namespace Portolan::Ui {

class ActionsController;
class Banner;
class Card;
class ChipList;
class GitHubTab;
class GraphPanel;
class RuntimeTab;
class OperationsTab;
class CodeView;
class KeyValueModel;
class RelationsModel;

// One entity: a header (kind badge, name, ref, owner, system, lifecycle, Refresh Now) over its tabs: Overview
// (About, Links, Relations summary, Labels and annotations, Provenance: source, file or URL, revision), the live
// tabs (CI, pull requests, deployments, runtime) when a source knows them, Relations (every relation, grouped by
// type, each target a link), Graph (the entity's neighbourhood, blast radius or needs, drawn; laid out only while
// the tab is shown) and YAML (the descriptor as written). Navigation requests go
// out as signals; the catalog page keeps the history.
class EntityPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityPage)

public:
    enum Tab {
        OverviewTab,
        CiTab,
        PullRequestsTab,
        DeploymentsTab,
        RuntimeTab,
        OperationsTab,
        ScorecardsTab,
        RelationsTab,
        GraphTab,
        YamlTab,
        TabCount
    };

    explicit EntityPage(QWidget *parent = nullptr);
    ~EntityPage() override;

    void setWorkspaceRoot(const QString &root);
    // The offline cache, where the YAML tab reads an entity's descriptor text when the catalog does not hold it
    // (a catalog read from the cache or written to it holds none); empty: the tab shows Entity::raw only.
    void setCachePath(const QString &path);
    // Swaps the snapshot and shows the same entity (by key) in it, or says it is gone.
    void setCatalog(Core::Catalog::Ptr catalog);
    // The live data (CI, pull requests, deployments, runtime) shown in the live tabs; refreshed in place.
    void setLive(Core::LiveSnapshot::Ptr live);
    // Scorecard results: the Scorecards tab shows the entity's (hidden when no scorecard applies).
    void setScorecards(Core::ScorecardResults::Ptr results);
    // Entity-scoped actions: an Actions button lists those that apply to the entity shown.
    void setActions(ActionsController *actions);
    [[nodiscard]] QToolButton *actionsButton() const { return m_actionsButton; }
    // Shows the entity with this catalog key; false when it is not in the catalog.
    bool showEntity(const QString &refKey);
    [[nodiscard]] const QString &currentKey() const { return m_key; }
    [[nodiscard]] int currentIndex() const { return m_index; }
    [[nodiscard]] QString displayedName() const;

    void setCurrentTab(Tab tab);
    [[nodiscard]] Tab currentTab() const;
    [[nodiscard]] bool isTabShown(Tab tab) const;
    [[nodiscard]] GitHubTab *gitHubTab(Tab tab) const; // CiTab, PullRequestsTab or DeploymentsTab
    [[nodiscard]] class RuntimeTab *runtimeTab() const { return m_runtimeTab; }
    [[nodiscard]] class OperationsTab *operationsTab() const { return m_operationsTab; }
    [[nodiscard]] GraphPanel *graphPanel() const { return m_graphPanel; }
    [[nodiscard]] class ScorecardTab *scorecardTab() const { return m_scorecardTab; }
    // While true, "Refresh Now" waits for the sync it started (the window turns it off when that ends).
    void setRefreshing(bool refreshing);
    [[nodiscard]] bool isRefreshing() const { return m_refreshing; }
    [[nodiscard]] RelationsModel *relationsModel() const { return m_relationsModel; }
    [[nodiscard]] QTreeView *relationsView() const { return m_relationsView; }

Q_SIGNALS:
    void entityRequested(const QString &refKey);
    void tagRequested(const QString &tag);
    void fileRequested(const QString &file, int line, int column);
    // "Refresh Now": re-read the source this entity came from.
    void refreshRequested(const QString &refKey);
    // An entity-scoped action chosen from the Actions button, for this entity (its ref).
    void actionRequested(const QString &actionId, const QString &entityRef);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildHeader();
    QWidget *buildOverview();
    QWidget *buildRelationsTab();
    QWidget *buildYamlTab();
    void render();
    void renderAbout(const Core::Entity &e);
    void renderExpiry();
    void renderLinks(const Core::Entity &e);
    void renderRelationsSummary();
    void renderLabels(const Core::Entity &e);
    void renderProvenance(const Core::Entity &e);
    // `signature`: liveSignature() of the current entity when the caller already has it (encoded once).
    void renderLive(QByteArray signature = {});
    void renderActions();
    // The YAML tab: the entity's own text, or (read when the tab is shown) the cache's.
    void renderYaml();
    void loadYaml();
    [[nodiscard]] QByteArray liveSignature(const QString &key) const;
    void onLinkActivated(const QString &link);
    void openRelation(const QModelIndex &index);
    // Rich text for a reference: a link when the target is in the catalog, greyed otherwise.
    [[nodiscard]] QString refLink(const QString &ref, QStringView defaultKind, const QString &shown) const;

    Core::Catalog::Ptr m_catalog;
    Core::LiveSnapshot::Ptr m_live;
    QString m_liveKey; // what the live tabs show now, to skip snapshots that do not change it
    QByteArray m_liveSignature;
    QString m_root;
    QString m_key;
    int m_index = -1;
    QString m_cachePath;
    QString m_yamlFor; // the source and key whose text the YAML tab shows or is reading; empty: none to read
    bool m_yamlLoaded = false;
    bool m_yamlStale = false; // a new catalog came: the text shown is read again, in place
    quint64 m_yamlRequest = 0; // the read whose answer is still wanted

    QStackedWidget *m_stack;
    QLabel *m_missing;
    // Header
    QLabel *m_badge;
    QLabel *m_kindPill;
    QLabel *m_name;
    QLabel *m_ref;
    QLabel *m_meta;
    Banner *m_expiry; // the countdown of an entity with a time to live
    QTimer *m_expiryTick;
    QPushButton *m_extend = nullptr; // on the countdown: the action that extends it (a ttl:extend step)
    QString m_extendAction;
    QPushButton *m_sourceButton;
    QPushButton *m_refresh;
    QToolButton *m_actionsButton = nullptr;
    QPointer<ActionsController> m_actions;
    bool m_refreshing = false;
    QTabWidget *m_tabs;
    std::array<QWidget *, TabCount> m_tabPages{};
    GitHubTab *m_ciTab;
    GitHubTab *m_pullsTab;
    GitHubTab *m_deploymentsTab;
    class RuntimeTab *m_runtimeTab;
    class OperationsTab *m_operationsTab;
    class ScorecardTab *m_scorecardTab;
    Core::ScorecardResults::Ptr m_scorecards;
    void renderScorecards();
    GraphPanel *m_graphPanel;
    // Overview
    Card *m_aboutCard;
    QLabel *m_description;
    QGridLayout *m_facts;
    ChipList *m_tags;
    QLabel *m_tagsLabel;
    Card *m_linksCard;
    QVBoxLayout *m_links;
    Card *m_relationsCard;
    QPushButton *m_allRelations;
    QGridLayout *m_relationsSummary;
    Card *m_labelsCard;
    QLabel *m_labelsHeading;
    QLabel *m_annotationsHeading;
    KeyValueModel *m_labelsModel;
    KeyValueModel *m_annotationsModel;
    QTableView *m_labelsView;
    QTableView *m_annotationsView;
    Card *m_provenanceCard;
    QGridLayout *m_provenance;
    // Relations
    RelationsModel *m_relationsModel;
    QTreeView *m_relationsView;
    QLabel *m_noRelations;
    // YAML
    CodeView *m_yaml;
};

} // namespace Portolan::Ui
