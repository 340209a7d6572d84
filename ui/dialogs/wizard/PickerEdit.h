#pragma once

#include <QLineEdit>

namespace Portolan::Ui::Wizard {

class CandidateModel;

// A line edit completing from a picker's candidates; the button at its end lists them without typing.
class PickerEdit final : public QLineEdit
{
    Q_DISABLE_COPY_MOVE(PickerEdit)

public:
    PickerEdit(CandidateModel *model, QWidget *parent);

private:
    CandidateModel *m_model;
};

} // namespace Portolan::Ui::Wizard
