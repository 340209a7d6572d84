#pragma once

#include "catalog/Catalog.h"
#include "sources/Source.h"
#include "util/Error.h"

#include <QString>
#include <QTemporaryDir>

namespace Portolan::Test {

// The bundled demo catalog (Northwind Freight), read once per test run.
[[nodiscard]] Core::Catalog::Ptr demoCatalog();

// ../shared/corpus, where the public data sets live.
[[nodiscard]] QString corpusPath(const QString &relative = {});
// tests/data
[[nodiscard]] QString dataPath(const QString &relative = {});
// Writes `content` to dir/relative (making folders) and returns the full path.
QString writeFile(const QTemporaryDir &dir, const QString &relative, const QByteArray &content);
// "file:line:col: error: message [field]" for every problem, one per line, to show in failure messages.
[[nodiscard]] QString describe(const Core::ErrorList &problems);
[[nodiscard]] int countErrors(const Core::ErrorList &problems);
// A generated catalog for graphs at scale: 40 systems (owned by team-a) and 1,960 services in one long web of
// dependencies (service-i needs service-(i+1), -(i+7) and -(i+31)), each part of system-(i % 40) and owned by
// team-(i % 12), which the catalog lacks.
[[nodiscard]] Core::Catalog::Ptr webOfServices();
// Runs one sync of `source` with the event loop turning (servers on the test's thread answer) and returns what it
// finished with, or a Timeout error when it did not finish within `timeoutMs`.
[[nodiscard]] Core::Result<Core::SourceResult> syncOnce(Core::Source &source, const Core::SyncContext &context,
                                                        int timeoutMs = 30000);

} // namespace Portolan::Test
