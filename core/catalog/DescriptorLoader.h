#pragma once

#include "DescriptorReader.h"
#include "model/Entity.h"
#include "util/Error.h"

#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <vector>

namespace Portolan::Core {

struct LoadOptions
{
    ReadOptions read;
    QString sourceId = QStringLiteral("workspace");
    bool parallel = true;
    QThreadPool *pool = nullptr; // where files are parsed in parallel; Core::backgroundPool() when null
};

struct LoadResult
{
    std::vector<Entity> entities;
    ErrorList problems;
    QStringList files; // descriptor files read, in the order they were reached
    int documents = 0; // YAML documents seen
    int skippedDocuments = 0; // documents in scanned folders that are not entities (OpenAPI files, ...)
    int rejectedDocuments = 0; // entities left out because of errors
    bool cancelled = false;

    [[nodiscard]] int errorCount() const;
    [[nodiscard]] int warningCount() const;
};

// Reads descriptor files, folders (every *.yaml/*.yml below) and globs, and follows Location entities
// (relative targets and globs, cycles reported) breadth-first. Files of one round are parsed in parallel.
// A problem in one file never stops the rest.
namespace DescriptorLoader {

using Progress = std::function<void(int filesDone, int filesKnown)>;

[[nodiscard]] LoadResult load(const QStringList &roots, const LoadOptions &options = {},
                              const std::atomic_bool *cancel = nullptr, const Progress &progress = {});

// Files matching a glob such as "components/**/*.yaml" (relative to baseDir unless absolute), sorted.
[[nodiscard]] QStringList expandGlob(const QString &pattern, const QString &baseDir);
[[nodiscard]] bool isGlob(QStringView path);

} // namespace DescriptorLoader

} // namespace Portolan::Core
