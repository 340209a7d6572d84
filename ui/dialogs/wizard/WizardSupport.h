#pragma once

#include "actions/ParameterForm.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QString>

class QHBoxLayout;
class QLabel;
class QScrollArea;
class QVBoxLayout;
class QWidget;

// What the parts of the action wizard share: how a value counts as given and reads as text, and the few ways the
// form lays out and labels its widgets.
namespace Portolan::Ui::Wizard {

// RJSF turns a cleared input into undefined, so an empty string counts as not given (as in ParameterForm).
[[nodiscard]] bool isMissing(const QJsonValue &value);
[[nodiscard]] QString joinPath(const QString &prefix, const QString &key);
[[nodiscard]] QString plainText(const QJsonValue &value);
// JSON Schema's equality: 3 and 3.0 are the same number.
[[nodiscard]] qsizetype indexOfValue(const QJsonArray &list, const QJsonValue &value);
[[nodiscard]] bool isSupported(const Core::FormField &field);
// A `data:` URL's file name and size, for people ("readme.md, 2 KB").
[[nodiscard]] QString describeDataUrl(const QString &url);

[[nodiscard]] QLabel *smallLabel(QWidget *parent, const QString &objectName);
[[nodiscard]] QLabel *mutedLabel(QWidget *parent, const QString &objectName);
[[nodiscard]] QLabel *errorLabel(QWidget *parent, const QString &objectName);
[[nodiscard]] QHBoxLayout *bareRow(QWidget *parent);
[[nodiscard]] QVBoxLayout *bareColumn(QWidget *parent);
[[nodiscard]] QScrollArea *scrollFor(QWidget *content, QWidget *parent);

} // namespace Portolan::Ui::Wizard
