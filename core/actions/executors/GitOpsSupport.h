#pragma once

#include "actions/StepExecutor.h"
#include "sources/git/GitRepository.h"

#include <QCoreApplication>

#include <atomic>

// What publish:gitops and ttl:extend share: where a template's repoUrl points, and git errors said for people.
namespace Portolan::Core::GitOps {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Core::GitOpsPublishExecutor)
};

struct Target
{
    QString url; // what git is given
    QString display; // for messages and links: no credentials
    QString localName; // set for local:NAME
    QString githubOwner; // set when the repository is on GitHub (a pull request can be opened through its API)
    QString githubRepo;
};

// repoUrl as templates write it: a git URL, `local:NAME` (a bare repository in the data folder), or the
// RepoUrlPicker form `github.com?owner=o&repo=r`.
[[nodiscard]] Result<Target> resolveTarget(const QString &repoUrl, const ActionEnvironment &environment);

[[nodiscard]] Error gitError(const GitRepository::Run &run, const QString &what);

// A bare repository with one commit on main, so it can be cloned and pushed to like a real one.
[[nodiscard]] Result<void> ensureLocalRepository(const QString &path, const std::atomic_bool *cancel);

} // namespace Portolan::Core::GitOps
