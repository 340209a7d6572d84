#pragma once

#include "util/Error.h"

#include <QString>
#include <QTemporaryDir>

namespace Portolan::Test {

// ../shared/corpus, where the public data sets live.
[[nodiscard]] QString corpusPath(const QString &relative = {});
// tests/data
[[nodiscard]] QString dataPath(const QString &relative = {});
// Writes `content` to dir/relative (making folders) and returns the full path.
QString writeFile(const QTemporaryDir &dir, const QString &relative, const QByteArray &content);
// "file:line:col: error: message [field]" for every problem, one per line, to show in failure messages.
[[nodiscard]] QString describe(const Core::ErrorList &problems);
[[nodiscard]] int countErrors(const Core::ErrorList &problems);

} // namespace Portolan::Test
