#include "PickerEdit.h"

#include "CandidateModel.h"
#include "WizardTr.h"
#include "widgets/Icons.h"

#include <QAction>
#include <QCompleter>

namespace Portolan::Ui::Wizard {

PickerEdit::PickerEdit(CandidateModel *model, QWidget *parent)
    : QLineEdit(parent)
    , m_model(model)
{
    auto *completer = new QCompleter(model, this);
    // The model filters (quickly, capped); the completer only shows what it is given.
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionRole(Qt::EditRole);
    completer->setMaxVisibleItems(12);
    setCompleter(completer);
    connect(this, &QLineEdit::textEdited, this, [this](const QString &text) { m_model->setFilter(text); });
    QAction *browse = addAction(Icons::icon(Icons::Glyph::Search), QLineEdit::TrailingPosition);
    browse->setToolTip(Tr::tr("Show the choices"));
    connect(browse, &QAction::triggered, this, [this] {
        m_model->setFilter(text());
        this->completer()->setCompletionPrefix(text());
        this->completer()->complete();
    });
}

} // namespace Portolan::Ui::Wizard
