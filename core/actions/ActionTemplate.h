#pragma once

#include "approvals/Approval.h"
#include "catalog/ParsedDocument.h"
#include "model/Entity.h"
#include "model/EntityRef.h"
#include "util/Error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Portolan::Core {

// A self-service action: a Backstage software template (apiVersion scaffolder.backstage.io/v1beta3, kind Template)
// read as it is written, with what Portolan adds in the template's metadata (see ActionGuard).
//   spec.parameters: one object or a list of pages, each a JSON Schema object (title, description, required,
//     properties, dependencies, if/then/else, allOf) plus Backstage's `when` (an expression; the page is shown when
//     it is truthy) and ui:* keys on each property.
//   spec.steps: {id, name, action, input, if}; spec.output: {links: [{title, url, entityRef, icon, if}],
//     text: [{title, content, if}]}.

struct TemplateParameterPage
{
    QString title;
    QString description;
    QJsonObject schema; // the page's JSON Schema object as written (title, properties, required, dependencies, ...)
    QString when; // `${{ ... }}` or empty: always shown
    TextPosition position; // of the page in the template file
};

struct TemplateStep
{
    QString id; // as written; a generated "step-<n>" when missing
    QString name;
    QString action; // "publish:gitops", "http:request", ...
    QJsonValue input; // as written, with ${{ }} expressions unrendered
    QString ifExpression; // `if:` as written (a string or a boolean turned into "true"/"false"); empty: always
    TextPosition position;
};

struct TemplateOutputLink
{
    QString title;
    QString url;
    QString entityRef;
    QString icon;
    QString ifExpression;
};

struct TemplateOutputText
{
    QString title;
    QString content;
    QString ifExpression;
};

// Guardrails of an action, from the template's metadata annotations (portolan.dev/...) and the workspace's action
// policies. Portolan's checks are a convenience for people: the platform's own permissions remain the real gate.
//   portolan.dev/allowed-groups: "group:default/team-a, platform"   who may run it (membership from the catalog)
//   portolan.dev/minimum-level: "production-readiness: Silver"       of the target entity, by scorecard level
//   portolan.dev/required-fields: "spec.owner, spec.system"           that the target entity must have
//   portolan.dev/destructive: "true"                                  typed confirmation before it runs
//   portolan.dev/confirm-text: "delete ${{ parameters.name }}"        what must be typed (default: the entity name)
//   portolan.dev/entity-kinds: "Component, Resource"                  entity-scoped: shown on those entity pages
//   portolan.dev/entity-parameter: "component"                        the parameter the entity page fills in
//   portolan.dev/category: "Environments"                             the group on the Actions page (else spec.type)
struct ActionGuard
{
    QStringList allowedGroups; // entity refs of groups (kind and namespace defaulted: group:default/x)
    QString scorecard; // scorecard id for the minimum level; empty: none
    QString minimumLevel; // level name
    QStringList requiredFields; // dotted paths in the target entity's envelope
    bool destructive = false;
    QString confirmText; // may hold ${{ }} expressions; empty with destructive: the target entity's name
    QStringList entityKinds; // empty: a global action only
    QString entityParameter; // empty: the first EntityPicker/OwnedEntityPicker parameter, if any

    // Added by the workspace's policies (ActionGuards::effective), each checked on its own beside the template's
    // own, so that a policy can only add to what must hold: the user is in one group of every list, the entity at
    // every level.
    QList<QStringList> policyGroups;
    struct Level
    {
        QString scorecard;
        QString level;
    };
    QList<Level> policyLevels;

    // Every group list the user must be in one group of: the template's, then the policies'.
    [[nodiscard]] QList<QStringList> groupSets() const
    {
        QList<QStringList> sets;
        if (!allowedGroups.isEmpty()) {
            sets.append(allowedGroups);
        }
        return sets + policyGroups;
    }
    // Every minimum level the target entity must hold: the template's, then the policies'.
    [[nodiscard]] QList<Level> levels() const
    {
        QList<Level> all;
        if (!minimumLevel.isEmpty()) {
            all.append({scorecard, minimumLevel});
        }
        return all + policyLevels;
    }
};

struct ActionTemplate
{
    QString id; // the template's entity ref, "template:default/create-service"
    EntityRef ref;
    QString title;
    QString description;
    QString type; // spec.type
    QString category; // portolan.dev/category, else spec.type
    QString owner;
    QStringList tags;
    QList<TemplateParameterPage> pages;
    QList<TemplateStep> steps;
    QList<TemplateOutputLink> links;
    QList<TemplateOutputText> texts;
    ActionGuard guard;
    ApprovalRule approval; // portolan.dev/approvers and portolan.dev/approval
    QString file; // where it was read; may be a ":/..." resource path for the bundled demo
    QString directory; // the file's folder: relative urls (fetch:template's ./skeleton) resolve against it
    ErrorList problems; // with file, line and field; any of severity Error means the action cannot start

    [[nodiscard]] bool runnable() const;
    [[nodiscard]] QString displayName() const { return title.isEmpty() ? ref.name : title; }
    [[nodiscard]] bool isEntityScoped() const { return !guard.entityKinds.isEmpty(); }
    [[nodiscard]] bool appliesTo(const Entity &entity) const; // entity-scoped and of one of the kinds
    [[nodiscard]] const TemplateStep *step(const QString &id) const;

    // Reads a Template entity. `document`, when given, supplies line numbers for problems. Step actions not in
    // `supportedActions` are problems (severity Error: "step publish uses publish:github, which Portolan does not
    // run; supported: ..."), found here, before anyone starts the action.
    [[nodiscard]] static ActionTemplate fromEntity(const Entity &entity, const QStringList &supportedActions,
                                                   const ParsedDocument *document = nullptr);
};

} // namespace Portolan::Core
