#pragma once

#include "live/LiveTypes.h"
#include "model/Entity.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace Portolan::Ui {

class DeploymentsModel;
class PullRequestsModel;
class ReleasesModel;
class WorkflowRunsModel;

// One of the entity page's GitHub tabs, over the RepositoryInsights of the entity's `github.com/project-slug`:
//   Ci            the latest workflow run per workflow and branch, and the releases;
//   PullRequests  the open pull requests with their review and checks state;
//   Deployments   the latest deployment per environment.
// Each says plainly why it is empty (no annotation, no github source, not read yet) and which parts GitHub refused.
class GitHubTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GitHubTab)

public:
    enum class Section { Ci, PullRequests, Deployments };

    GitHubTab(Section section, QWidget *parent = nullptr);
    ~GitHubTab() override;

    // `insights` is null when nothing was read for this entity.
    void show(const Core::Entity &entity, const Core::RepositoryInsights *insights);
    // The tab's title with a count, e.g. "Pull requests (3)".
    [[nodiscard]] QString title() const;

    [[nodiscard]] QTreeView *mainView() const { return m_mainView; }

private:
    Section m_section;
    QLabel *m_summary;
    QLabel *m_empty;
    QLabel *m_problems;
    QTreeView *m_mainView = nullptr;
    QLabel *m_releasesTitle = nullptr;
    QTreeView *m_releasesView = nullptr;
    WorkflowRunsModel *m_runs = nullptr;
    PullRequestsModel *m_pulls = nullptr;
    DeploymentsModel *m_deployments = nullptr;
    ReleasesModel *m_releases = nullptr;
    int m_count = -1;
};

} // namespace Portolan::Ui
