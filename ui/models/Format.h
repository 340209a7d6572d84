#pragma once

#include "util/Error.h"

#include <QDateTime>
#include <QString>

// Small, translated formatting helpers shared by models and widgets.
namespace Portolan::Ui::Format {

// "just now", "42 seconds ago", "3 minutes ago", "2 hours ago", "5 days ago".
[[nodiscard]] QString relativeTime(const QDateTime &then, const QDateTime &now = QDateTime::currentDateTimeUtc());
// A file shown relative to the workspace root when it lies below it ("catalog/x.yaml"), else as is.
[[nodiscard]] QString displayPath(const QString &file, const QString &workspaceRoot);
// "Error", "Warning", "Note".
[[nodiscard]] QString severityLabel(Core::Error::Severity severity);
// "10:3", "10" or "" for a problem's place in its file.
[[nodiscard]] QString location(int line, int column);
// Whether the path names something on disk that an external editor could open (not a ":/..." resource).
[[nodiscard]] bool isOnDisk(const QString &path);

} // namespace Portolan::Ui::Format
