#pragma once

#include "util/Result.h"

#include <QString>

#include <atomic>
#include <functional>

namespace Portolan::Core {

// A local clone of a remote branch, kept up to date with the `git` command. Blocking: call it off the GUI
// thread (the sources run it on the thread pool).
//
// Why the git command and not libgit2: it is what developers already have and configure. SSH keys and agents,
// ~/.ssh/config, credential helpers, proxies, corporate CA settings and URL rewrites (`insteadOf`) all work
// exactly as in the user's terminal, and shallow fetches are fast. A token for an https URL is passed as an
// HTTP header through GIT_CONFIG_* environment variables, so it never appears on a command line (visible to
// other users in `ps`), in the clone's config, or in the URL.
class GitRepository final
{
public:
    struct Options
    {
        QString url;
        QString branch; // empty: the remote's default branch
        QString directory; // the clone (made if missing)
        QString token; // https only; empty for ssh, git:// and file://
        int stallSeconds = 120; // git gives up when slower than 1 KB/s for this long
    };
    using Progress = std::function<void(int percent, const QString &phase)>;

    explicit GitRepository(Options options);

    // Clones (shallow, one branch) or fetches and moves the checkout to the remote branch's tip, whatever
    // happened upstream (fast-forward, force-push). Returns the commit now checked out. On any failure the
    // previous checkout stays as it was. A clone is made in a temporary folder and renamed when complete, so
    // a killed process never leaves a half clone in place.
    [[nodiscard]] Result<QString> update(const std::atomic_bool *cancel = nullptr, const Progress &progress = {});

    // The commit checked out now; empty when there is no clone.
    [[nodiscard]] QString head() const;

    // A web link to a file at a commit for GitHub and GitLab style hosts; empty for others.
    [[nodiscard]] static QString webUrlFor(const QString &remoteUrl, const QString &commit, const QString &path);
    // The URL with any user:password part removed, for messages.
    [[nodiscard]] static QString displayUrl(const QString &url);

    struct Run
    {
        int exitCode = -1;
        QString output;
        QString errorOutput;
        bool cancelled = false;
        bool started = true;

        [[nodiscard]] bool ok() const { return started && !cancelled && exitCode == 0; }
    };
    // Runs one git command the way the sources do (no terminal prompts, C locale, batch-mode ssh, a stall limit, the
    // token for an https `url` as an HTTP header through the environment), for other code that drives git.
    [[nodiscard]] static Run run(const QStringList &args, const QString &workingDir, const QString &url,
                                 const QString &token, const std::atomic_bool *cancel = nullptr,
                                 const Progress &progress = {}, int stallSeconds = 120);

private:
    Run git(const QStringList &args, const QString &workingDir, const std::atomic_bool *cancel,
            const Progress &progress) const;
    Error failure(const Run &run, const QString &what) const;

    Options m_options;
};

} // namespace Portolan::Core
