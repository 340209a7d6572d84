#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace Portolan::Core {

// An object's labels, sorted by key, keys and values interned (intern()): thousands of pods share "app", the
// pod-template-hash of their ReplicaSet and the like, so each distinct string is kept once.
using KubeLabels = QList<QPair<QString, QString>>;

// The value of `key`, or nullptr when the object has no such label.
[[nodiscard]] const QString *labelValue(const KubeLabels &labels, QStringView key);

} // namespace Portolan::Core
