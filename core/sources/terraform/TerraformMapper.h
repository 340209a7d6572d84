#pragma once

#include "TerraformState.h"
#include "catalog/Catalog.h"
#include "model/Entity.h"

#include <QHash>
#include <QJsonObject>

#include <vector>

namespace Portolan::Core::Terraform {

// One workspace's state as a source read it.
struct WorkspaceState
{
    QString name; // the workspace (HCP Terraform), the state file's name, or the configured name
    QString location; // the file or URL it was read from, for errors and provenance
    QString pageUrl; // where a person sees the workspace (HCP Terraform), else empty
    State state;
};

// What changed between two serials of a workspace's state: instances by address.
struct Changes
{
    qint64 fromSerial = -1; // -1: no earlier state was read, so nothing is called changed
    qint64 toSerial = -1;
    QStringList created;
    QStringList modified;
    QStringList destroyed;

    [[nodiscard]] bool isEmpty() const { return created.isEmpty() && modified.isEmpty() && destroyed.isEmpty(); }
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Changes fromJson(const QJsonObject &object);
};

// What a source keeps between syncs for one workspace (in its data folder): the digest of each instance at the last
// serial read and the changes that serial brought. No attribute values, so no secrets.
struct Snapshot
{
    QString lineage;
    qint64 serial = -1;
    QHash<QString, QString> digests; // by instance address
    Changes changes;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Snapshot fromJson(const QJsonObject &object);
};

// The snapshot of `state`, with the changes since `previous`: the same lineage and serial keep the changes found
// when that serial was first read; another serial is compared instance by instance; another lineage (a new state)
// or no previous snapshot counts nothing as changed.
[[nodiscard]] Snapshot advance(const Snapshot &previous, const State &state);

struct MapOptions
{
    QString sourceId;
    QString owner = QStringLiteral("unknown"); // an entity ref: group:platform-team
    QString system; // optional
    // A key of the resources' `tags`/`labels` whose value names the component the resource belongs to
    // (component:<value>); empty: no tag rule.
    QString linkTag;
    bool dataSources = false; // data sources (mode "data") read things, they make none: off by default
};

// Annotation on a component naming the Terraform resources it uses: "<workspace>:<address prefix>" or
// "<address prefix>" (any workspace), several separated by commas. "prod:module.booking_db" links every instance
// in that module of the workspace "prod".
inline constexpr QLatin1StringView resourcesAnnotation{"terraform.io/resources"};

// The workspace as a Resource of type terraform-workspace (its outputs, serial and changes in spec.terraform) and
// each managed instance as a Resource of the instance's type, owned by `owner`, depending on the instances its state
// says it depends on, a dependency of its workspace and of the components that the tag or annotation rules link it
// to. Every entity is validated like a descriptor; problems name the state file and the address.
[[nodiscard]] std::vector<Entity> map(const WorkspaceState &workspace, const Changes &changes,
                                      const MapOptions &options, const Catalog::Ptr &catalog, ErrorList *problems);

// A valid entity name for `text` (at most 63 characters, letters and digits with single [-_.] between them).
[[nodiscard]] QString entityName(const QString &text);
// The entity name of an instance in a workspace: "<workspace>.<address>", made valid.
[[nodiscard]] QString instanceEntityName(const QString &workspace, const QString &address);

} // namespace Portolan::Core::Terraform
