#pragma once

#include "sources/SourceConfig.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace Portolan::Core {

// A guardrail the workspace sets for some of its actions (on top of what the templates declare themselves).
struct ActionPolicyConfig
{
    QStringList templates; // template names or refs, globs allowed ("*" for every action)
    QStringList allowedGroups; // group refs; empty: no restriction
    QString minimumLevel; // "scorecard-id: Level"; empty: none
    QStringList requiredFields; // of the target entity
    bool destructive = false; // typed confirmation
    int line = 0;
};

// `actions:` in portolan.yaml.
//   actions:
//     variables: {gitopsRepo: "https://github.com/acme/platform-config.git"}   # ${{ workspace.gitopsRepo }}
//     policies: [{templates: [delete-*], allowedGroups: [group:default/platform], destructive: true}]
//     approvals: https://github.com/acme/platform-config.git   # where approval requests live (ApprovalChannel)
struct ActionsConfig
{
    QJsonObject variables;
    QList<ActionPolicyConfig> policies;
    // Where approval requests are written and answered (ApprovalChannel): a git URL every approver can push to, or
    // local:NAME; empty: the workspace's own repository when it has one, else local:approvals.
    QString approvals;
};

// `automations:` in portolan.yaml: a list of folders, or a map.
struct AutomationsConfig
{
    QStringList paths; // as written: folders and files of automation definitions; empty: `automations`
    // "local", a git repository URL, "kubernetes:CONTEXT/NAMESPACE" (Lease objects), or empty: the workspace's own
    // repository when it has one
    QString leases;
    QList<qint64> ttlWarnings; // seconds before an expiry; empty: 24 h and 1 h
};

// A workspace: the platform team's shared configuration as code. A folder (or a git repository, cloned into the
// user's data folder and pulled on every sync) with `portolan.yaml` at its root:
//   name: Northwind Freight
//   description: ...
//   locations: [catalog/all.yaml]          # descriptors in the workspace itself (an implicit `files` source)
//   sources: [{id, type, ...}]             # where else the catalog comes from (see SourceConfig)
//   credentials: [{name, env, ...}]        # named secrets; the secrets themselves live in the keychain
//   scorecards: [scorecards]               # scorecard files and folders (the default; see ScorecardReader)
//   actions: {variables, policies}         # what self-service actions may use and who may run them
//   automations: {paths, leases, ttlWarnings}   # triggers that run actions (see Automation), or a list of folders
// A folder without portolan.yaml is read as a plain folder of descriptors. The JSON Schema is
// resources/schema/portolan.schema.json.
struct Workspace
{
    QString root; // absolute folder (or a ":/..." resource folder for the bundled demo)
    QString configFile; // empty when the folder has no portolan.yaml
    QString name;
    QString description;
    QStringList locations; // as written in the config
    QStringList scorecards; // as written: files and folders of scorecard definitions
    ActionsConfig actions;
    AutomationsConfig automations;
    QList<SourceConfig> sources; // the shared ones, then the user's own (origin Local); never empty after open()
    QList<CredentialConfig> credentials;
    ErrorList problems; // config problems, with file, line and field
    QString gitUrl; // set for a workspace that lives in a git repository; `root` is then its clone
    QString gitBranch; // empty: the repository's default branch

    // Reads `dir/portolan.yaml` when present, then the user's own sources for this workspace. `dir` may also be a
    // git URL (https://, ssh://, git://, file://, user@host:path): `root` is then the clone in the data folder,
    // which the sync engine makes or pulls (`branch` picks the branch). A missing folder is an error; a broken
    // config is reported in `problems` and what can be used of it is used.
    [[nodiscard]] static Result<Workspace> open(const QString &dir, const QString &branch = {});
    // Reads the configuration again from `root` (after a pull), keeping gitUrl and gitBranch.
    [[nodiscard]] static Workspace reread(const Workspace &current);
    [[nodiscard]] static bool isGitUrl(const QString &location);
    // The user's own sources for this workspace, kept outside the shared config
    // (<data>/workspaces/<cacheKey>/sources.yaml).
    [[nodiscard]] QString localSourcesFile() const;
    [[nodiscard]] static Result<void> saveLocalSources(const QString &file, const QList<SourceConfig> &sources);
    [[nodiscard]] const SourceConfig *source(const QString &id) const;
    [[nodiscard]] const CredentialConfig *credential(const QString &name) const;
    [[nodiscard]] static QString demoPath(); // the demo workspace built into the binaries

    // What the DescriptorLoader reads: the config's locations resolved against the root, or the root itself.
    [[nodiscard]] QStringList roots() const;
    // Where the scorecards are (ScorecardReader::readAll): those named in the config, resolved against the root, or
    // else the root's `scorecards` folder.
    [[nodiscard]] QStringList scorecardPaths() const;
    // Where the automations are: those named in the config, resolved against the root, or else `automations`.
    [[nodiscard]] QStringList automationPaths() const;
    [[nodiscard]] QString displayName() const;
    // A stable id for the workspace, used to keep one cache file per workspace (and to scope its keychain entries).
    [[nodiscard]] QString cacheKey() const;
};

} // namespace Portolan::Core
