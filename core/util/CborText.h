#pragma once

#include <QByteArray>
#include <QCborStreamReader>
#include <QString>

namespace Portolan::Core {

// Reads the text string at the reader's position into `out`, its chunks joined, and moves past it. False when the
// value there is not a text string or cannot be read (then `out` is empty).
[[nodiscard]] bool readCborText(QCborStreamReader &reader, QString &out);
// The same for a byte string.
[[nodiscard]] bool readCborBytes(QCborStreamReader &reader, QByteArray &out);

} // namespace Portolan::Core
