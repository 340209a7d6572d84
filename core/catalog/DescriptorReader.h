#pragma once

#include "ParsedDocument.h"
#include "util/Error.h"

#include <QList>
#include <QStringList>

namespace Portolan::Core {

struct ReadOptions
{
    qint64 maxFileSize = 16 * 1024 * 1024;
    qint64 maxNodesPerDocument = 1'000'000; // counts alias expansions, so an alias bomb stops here
    int maxDepth = 256;
    int maxSubstitutionDepth = 4; // $yaml files that substitute further files
    // Field positions cost a string and a hash entry per node; the loader reads without them and reads a file
    // again with them only when it has something to report.
    bool recordPositions = true;
    // How deep positions are kept: "spec.dependsOn[2]" is depth 3. Descriptors report near the top; a scorecard's
    // nested conditions need more.
    int positionDepth = 4;
};

struct FileReadResult
{
    QString file;
    QList<ParsedDocument> documents;
    ErrorList problems;
    QStringList substitutedFiles; // files read through $text/$json/$yaml, so directory scans skip them
    bool skeleton = false; // a scaffolder skeleton with ${{ }} placeholders: reported, not read
};

// Reads Backstage descriptor files: multi-document YAML (YAML 1.2 core schema, as Backstage's `yaml`
// package reads it) with $text/$json/$yaml substitution relative to the file. Never throws; every problem
// comes back with file, line and column, and one broken document does not stop the next.
namespace DescriptorReader {

[[nodiscard]] FileReadResult readFile(const QString &path, const ReadOptions &options = {});
[[nodiscard]] FileReadResult readData(const QByteArray &data, const QString &path, const ReadOptions &options = {});

// Offset of the first byte that is not valid UTF-8, or -1.
[[nodiscard]] qsizetype firstInvalidUtf8(const QByteArray &data);

} // namespace DescriptorReader

} // namespace Portolan::Core
