#pragma once

#include "actions/ParameterForm.h"

#include <QString>

class QWidget;

// The inputs of the wizard's form, one small class each (LineInput, PickerInput, SelectInput, ListInput,
// ObjectListInput...). They have no signals of their own (they report through FieldInput::changed), so they are
// kept together in FieldInputs.cpp, reached through the factory below.
namespace Portolan::Ui::Wizard {

class FieldInput;
struct Context;

// The input for `field`: the one for its ui:field or ui:widget, else the plain input for its type.
[[nodiscard]] FieldInput *makeInput(const Core::FormField &field, const QString &path, Context *context,
                                    QWidget *parent);

} // namespace Portolan::Ui::Wizard
