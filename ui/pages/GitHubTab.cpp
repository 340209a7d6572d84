#include "GitHubTab.h"

#include "LiveTabSupport.h"
#include "models/Format.h"
#include "models/LiveStyle.h"
#include "models/LiveTableModels.h"

#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

const auto slugAnnotation = u"github.com/project-slug";

QString dot(const QColor &color)
{
    return u"<span style=\"color:%1\">●</span>"_s.arg(color.name());
}

} // namespace

GitHubTab::GitHubTab(Section section, QWidget *parent)
    : QWidget(parent)
    , m_section(section)
    , m_summary(new QLabel(this))
    , m_empty(LiveTabSupport::makeEmptyLabel(u"githubEmpty"_s, this))
    , m_problems(LiveTabSupport::makeEmptyLabel(u"githubProblems"_s, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    m_summary->setObjectName(u"githubSummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setOpenExternalLinks(true);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems);
    layout->addWidget(m_empty);
    switch (section) {
    case Section::Ci:
        setObjectName(u"ciTab"_s);
        m_runs = new WorkflowRunsModel(this);
        m_mainView = LiveTabSupport::makeListView(m_runs, u"runsView"_s, this);
        layout->addWidget(m_mainView, 3);
        m_releases = new ReleasesModel(this);
        m_releasesTitle = LiveTabSupport::makeSectionTitle(tr("Releases"), this);
        layout->addWidget(m_releasesTitle);
        m_releasesView = LiveTabSupport::makeListView(m_releases, u"releasesView"_s, this);
        layout->addWidget(m_releasesView, 1);
        break;
    case Section::PullRequests:
        setObjectName(u"pullRequestsTab"_s);
        m_pulls = new PullRequestsModel(this);
        m_mainView = LiveTabSupport::makeListView(m_pulls, u"pullsView"_s, this);
        layout->addWidget(m_mainView, 1);
        break;
    case Section::Deployments:
        setObjectName(u"deploymentsTab"_s);
        m_deployments = new DeploymentsModel(this);
        m_mainView = LiveTabSupport::makeListView(m_deployments, u"deploymentsView"_s, this);
        layout->addWidget(m_mainView, 1);
        break;
    }
    m_mainView->setToolTip(tr("Double-click a row to open it on GitHub"));
}

GitHubTab::~GitHubTab() = default;

QString GitHubTab::title() const
{
    QString base;
    switch (m_section) {
    case Section::Ci:
        return tr("CI");
    case Section::PullRequests:
        base = tr("Pull requests");
        break;
    case Section::Deployments:
        base = tr("Deployments");
        break;
    }
    return m_count > 0 ? tr("%1 (%2)").arg(base).arg(m_count) : base;
}

void GitHubTab::show(const Entity &entity, const RepositoryInsights *insights)
{
    const QString slug = entity.annotation(slugAnnotation);
    const bool has = insights != nullptr;
    m_count = -1;
    if (!has) {
        m_summary->clear();
        m_summary->hide();
        m_problems->hide();
        if (slug.isEmpty()) {
            m_empty->setText(tr("This entity names no GitHub repository. Add the annotation "
                                "<code>github.com/project-slug: owner/repository</code> to its descriptor, and a "
                                "<code>github</code> source to the workspace, to see its CI runs, pull requests, "
                                "releases and deployments here."));
        } else {
            m_empty->setText(tr("Nothing read from GitHub for <b>%1</b> yet. A <code>github</code> source in the "
                                "workspace reads it at its next sync (Sources page).")
                                 .arg(slug.toHtmlEscaped()));
        }
        m_empty->show();
    }
    m_mainView->setVisible(has);
    if (m_releasesView) {
        m_releasesView->setVisible(has);
        m_releasesTitle->setVisible(has);
    }
    if (!has) {
        if (m_runs) {
            m_runs->setRuns({});
            m_releases->setReleases({});
        }
        if (m_pulls) {
            m_pulls->setPulls({});
        }
        if (m_deployments) {
            m_deployments->setDeployments({});
        }
        return;
    }

    const QString repoLink =
        u"<a href=\"%1\">%2</a>"_s.arg(insights->url.toHtmlEscaped(), insights->slug.toHtmlEscaped());
    const QString read = Format::muted(tr("read %1").arg(Format::relativeTime(insights->fetchedAt)).toHtmlEscaped());
    m_problems->setText(LiveTabSupport::problemsHtml(insights->problems));
    m_problems->setVisible(!insights->problems.isEmpty());
    QString emptyText;
    switch (m_section) {
    case Section::Ci: {
        const CiState state = insights->ciState();
        m_summary->setText(tr("%1 %2 on <b>%3</b> · %4 · %5")
                               .arg(dot(LiveStyle::ciColor(state)), ciStateLabel(state).toHtmlEscaped(),
                                    insights->defaultBranch.toHtmlEscaped(), repoLink, read));
        m_runs->setRuns(insights->runs);
        m_releases->setReleases(insights->releases);
        m_count = int(insights->runs.size());
        LiveTabSupport::fitColumns(m_mainView);
        LiveTabSupport::fitColumns(m_releasesView);
        m_releasesView->setVisible(!insights->releases.isEmpty());
        m_releasesTitle->setVisible(!insights->releases.isEmpty());
        if (insights->runs.isEmpty()) {
            emptyText = tr("No workflow runs: this repository has no GitHub Actions runs, or the token may not "
                           "read them.");
        }
        break;
    }
    case Section::PullRequests: {
        int approved = 0;
        int changes = 0;
        for (const PullRequestInfo &p : insights->pulls) {
            approved += p.reviewState == u"approved"_s ? 1 : 0;
            changes += p.reviewState == u"changes_requested"_s ? 1 : 0;
        }
        m_summary->setText(tr("%n open pull request(s) · %1 approved · %2 with changes requested · %3 · %4", nullptr,
                              int(insights->pulls.size()))
                               .arg(approved)
                               .arg(changes)
                               .arg(repoLink, read));
        m_pulls->setPulls(insights->pulls);
        m_count = int(insights->pulls.size());
        LiveTabSupport::fitColumns(m_mainView);
        if (insights->pulls.isEmpty()) {
            emptyText = tr("No open pull requests.");
        }
        break;
    }
    case Section::Deployments: {
        QStringList envs;
        for (const QString &env : insights->environments) {
            envs.append(env.toHtmlEscaped());
        }
        m_summary->setText(
            tr("Environments: %1 · %2 · %3")
                .arg(envs.isEmpty() ? Format::muted(tr("none").toHtmlEscaped()) : envs.join(u", "_s), repoLink, read));
        m_deployments->setDeployments(insights->deployments);
        m_count = int(insights->deployments.size());
        LiveTabSupport::fitColumns(m_mainView);
        if (insights->deployments.isEmpty()) {
            emptyText = tr("No deployments recorded on GitHub for this repository.");
        }
        break;
    }
    }
    m_summary->show();
    m_empty->setText(emptyText);
    m_empty->setVisible(!emptyText.isEmpty());
    m_mainView->setVisible(emptyText.isEmpty());
}

} // namespace Portolan::Ui
