#pragma once

#include "util/Result.h"

#include <QStringList>

namespace Portolan::Core {

// A workspace: a folder of descriptors, optionally with `portolan.yaml` at its root naming its locations.
//   name: Northwind Freight
//   description: ...
//   locations: [catalog/all.yaml, "services/**/catalog-info.yaml"]
struct Workspace
{
    QString root; // absolute folder (or a ":/..." resource folder for the bundled demo)
    QString configFile; // empty when the folder has no portolan.yaml
    QString name;
    QString description;
    QStringList locations; // as written in the config
    ErrorList problems; // config problems, with file, line and field

    // Reads `dir/portolan.yaml` when present. A missing folder is an error; a broken config is reported in
    // `problems` and the folder is then read as a plain folder of descriptors.
    [[nodiscard]] static Result<Workspace> open(const QString &dir);
    [[nodiscard]] static QString demoPath(); // the demo workspace built into the binaries

    // What the DescriptorLoader reads: the config's locations resolved against the root, or the root itself.
    [[nodiscard]] QStringList roots() const;
    [[nodiscard]] QString displayName() const;
    // A stable id for the workspace, used to keep one cache file per workspace.
    [[nodiscard]] QString cacheKey() const;
};

} // namespace Portolan::Core
