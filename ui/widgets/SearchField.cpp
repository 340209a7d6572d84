#include "SearchField.h"

#include "Icons.h"

#include <QKeyEvent>

namespace Portolan::Ui {

SearchField::SearchField(QWidget *parent)
    : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    addAction(Icons::icon(Icons::Glyph::Search), QLineEdit::LeadingPosition);
    setPlaceholderText(tr("Search name, title, description, tags, owner, annotations…"));
    setToolTip(tr("Search the catalog (Ctrl+F). Esc clears, Down moves into the results."));
}

SearchField::~SearchField() = default;

void SearchField::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        if (!text().isEmpty()) {
            clear();
            event->accept();
            return;
        }
        break;
    case Qt::Key_Down:
    case Qt::Key_PageDown:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        Q_EMIT moveToResultsRequested();
        event->accept();
        return;
    default:
        break;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace Portolan::Ui
