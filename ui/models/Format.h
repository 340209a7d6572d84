#pragma once

#include "util/Error.h"

#include <QDateTime>
#include <QString>

// Small, translated formatting helpers shared by models and widgets.
namespace Portolan::Ui::Format {

// "just now", "42 seconds ago", "3 minutes ago", "2 hours ago", "5 days ago".
[[nodiscard]] QString relativeTime(const QDateTime &then, const QDateTime &now = QDateTime::currentDateTimeUtc());
// "now", "in 42 seconds", "in 3 minutes", "in 2 hours", "in 5 days"; "never" when invalid.
[[nodiscard]] QString timeUntil(const QDateTime &then, const QDateTime &now = QDateTime::currentDateTimeUtc());
// A point in time in the user's locale and time zone, short form ("12/03/2025 14:05").
[[nodiscard]] QString dateTime(const QDateTime &then);
// A length of time for intervals: "30 seconds", "15 minutes", "2 hours", "1 day" (whole units where they fit).
[[nodiscard]] QString interval(int seconds);
// A file shown relative to the workspace root when it lies below it ("catalog/x.yaml"), else as is.
[[nodiscard]] QString displayPath(const QString &file, const QString &workspaceRoot);
// "Error", "Warning", "Note".
[[nodiscard]] QString severityLabel(Core::Error::Severity severity);
// "10:3", "10" or "" for a problem's place in its file.
[[nodiscard]] QString location(int line, int column);
// Whether the path names something on disk that an external editor could open (not a ":/..." resource).
[[nodiscard]] bool isOnDisk(const QString &path);

// The placeholder text colour is translucent; rich text needs it solid, blended over the base colour.
[[nodiscard]] QString mutedColor();
// `html` in that colour, for secondary text in rich-text labels.
[[nodiscard]] QString muted(const QString &html);

} // namespace Portolan::Ui::Format
