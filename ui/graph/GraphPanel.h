#pragma once

#include "catalog/Catalog.h"
#include "graph/GraphDrawing.h"
#include "live/LiveTypes.h"

#include <QSet>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QStringListModel;
class QTimer;
class QToolButton;

namespace Portolan::Ui {

class GraphScene;
class GraphView;

// The dependency graph with its controls: the scope (an entity's neighbourhood to a depth, upstream, downstream
// or both; a system or domain; an entity's blast radius or what it needs; the whole catalog), the relation types
// and kinds shown, grouping by system or owner (automatic above a few hundred boxes; a group expands on click),
// find, fit, path and export (SVG, PNG, DOT). The graph is cut and laid out on a worker thread; a layout that takes
// a while shows progress and can be cancelled, and a newer request replaces an older one.
// The Graph page uses it with a root of the user's choosing; an entity page's Graph tab with that entity.
class GraphPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphPanel)

public:
    enum class Mode : std::uint8_t { Page, Entity };
    enum class Grouping : std::uint8_t { Automatic, None, System, Owner };
    // Automatic grouping collapses graphs with more boxes than this.
    static constexpr int autoGroupAbove = 150;

    struct Outcome; // what the layout worker hands back

    explicit GraphPanel(Mode mode, QWidget *parent = nullptr);
    ~GraphPanel() override;

    void setCatalog(Core::Catalog::Ptr catalog);
    void setLive(Core::LiveSnapshot::Ptr live);
    // The entity the scope starts from (a ref or key); the Graph page picks a system when none is set.
    void setRoot(const QString &ref);
    [[nodiscard]] QString root() const { return m_root; }
    void setScopeKind(Core::GraphScope::Kind kind);
    [[nodiscard]] Core::GraphScope::Kind scopeKind() const { return m_scopeKind; }
    void setDepth(int depth); // -1: no limit
    void setDirection(Core::GraphDirection direction);
    void setRelationShown(Core::RelationType type, bool shown);
    [[nodiscard]] bool isRelationShown(Core::RelationType type) const;
    void setKindShown(const QString &kind, bool shown);
    void setGrouping(Grouping grouping);
    // The grouping of what is drawn (Automatic resolved).
    [[nodiscard]] Core::GraphGrouping effectiveGrouping() const { return m_effectiveGrouping; }
    void expandGroup(const QString &groupId);
    void collapseGroup(const QString &groupId);
    void collapseAllGroups();
    [[nodiscard]] const QSet<QString> &expandedGroups() const { return m_expanded; }

    // Shows `ref`'s blast radius (everything that needs it, transitively) or what it needs, rooted at it.
    void showBlastRadius(const QString &ref);
    void showNeeds(const QString &ref);
    // Emphasises a shortest path between two entities of the graph; false (and says so) when there is none.
    bool showPath(const QString &fromRef, const QString &toRef);
    void clearFocus();
    // Selects and centres the first node whose title or reference contains `text`, expanding its group first.
    bool findNode(const QString &text);
    void selectEntity(const QString &ref);
    [[nodiscard]] QString selectedRef() const;

    // Writes the current view (with its emphasis) as SVG, PNG or DOT, by the file's suffix.
    bool exportTo(const QString &file, QString *error = nullptr);

    [[nodiscard]] GraphScene *scene() const { return m_scene; }
    [[nodiscard]] GraphView *view() const { return m_view; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    void cancelLayout();
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString messageText() const; // the empty or error state, when shown
    [[nodiscard]] qint64 lastLayoutMs() const { return m_lastLayoutMs; }

Q_SIGNALS:
    void entityRequested(const QString &refKey);
    // A new drawing is shown, or the request ended without one (an error, a cancel): isBusy() is false.
    void drawingChanged();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildToolbar();
    void buildMenus();
    void syncControls();
    void requestRebuild();
    void rebuild();
    void onOutcome(const std::shared_ptr<Outcome> &outcome, quint64 generation);
    void showMessage(const QString &message);
    void updateStatus();
    void onNodeClicked(int node, Qt::KeyboardModifiers modifiers);
    void onNodeDoubleClicked(int node);
    void onContextMenu(int node, const QPoint &screenPos);
    void exportInteractive(const QString &suffix);
    void fillRootCompleter();
    void fillFindCompleter();
    [[nodiscard]] QString refOfNode(int node) const; // "" for groups and ghosts
    [[nodiscard]] QString keyOf(const QString &ref) const; // the catalog key of a reference, or it as written
    void showTransitive(const QString &ref, Core::GraphScope::Kind kind);
    [[nodiscard]] int drawingNodeOf(const QString &ref) const;

    const Mode m_mode;
    Core::Catalog::Ptr m_catalog;
    Core::LiveSnapshot::Ptr m_live;
    QString m_root;
    Core::GraphScope::Kind m_scopeKind;
    int m_depth = 2;
    Core::GraphDirection m_direction = Core::GraphDirection::Both;
    QSet<Core::RelationType> m_hiddenRelations;
    QSet<QString> m_hiddenKinds;
    Grouping m_grouping = Grouping::Automatic;
    Core::GraphGrouping m_effectiveGrouping = Core::GraphGrouping::None;
    QSet<QString> m_expanded;

    bool m_dirty = true;
    bool m_busy = false;
    bool m_fitPending = true;
    bool m_rootRefsStale = true; // the root field's completer lists an older catalog
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    qint64 m_lastLayoutMs = 0;
    QString m_pendingSelect; // an entity to select once the next drawing arrives
    QString m_focusText;
    QString m_lastSelected; // for shift-click paths

    QComboBox *m_scopeBox;
    QLineEdit *m_rootEdit;
    QStringListModel *m_rootRefs;
    QSpinBox *m_depthSpin;
    QComboBox *m_directionBox;
    QToolButton *m_relationsButton;
    QMenu *m_relationsMenu;
    QToolButton *m_kindsButton;
    QMenu *m_kindsMenu;
    QComboBox *m_groupBox;
    QLineEdit *m_findEdit;
    QStringListModel *m_findRefs;
    QToolButton *m_fitButton;
    QToolButton *m_exportButton;
    QStackedWidget *m_stack;
    GraphScene *m_scene;
    GraphView *m_view;
    QLabel *m_message;
    QLabel *m_status;
    QLabel *m_focus;
    QPushButton *m_clearFocus;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
    QTimer *m_progressDelay;
};

} // namespace Portolan::Ui
