#pragma once

#include <QCoreApplication>

namespace Portolan::Ui::Wizard {

// The wizard's helpers are not QObjects of their own (no signals), so they translate in the wizard's context, where
// the translations have their strings. lupdate reads that context from this declaration: include it, never declare
// another Tr for them.
class Tr final
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Ui::ActionWizard)
};

} // namespace Portolan::Ui::Wizard
