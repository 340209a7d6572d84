#include "FormBlock.h"

#include "FieldInput.h"
#include "FieldRow.h"
#include "WizardSupport.h"

#include <QVBoxLayout>

#include <algorithm>

using namespace Portolan::Core;

namespace Portolan::Ui::Wizard {

namespace {

using Widget = FormField::Widget;

} // namespace

FormBlock::FormBlock(QString prefix, Context *context, QWidget *parent)
    : QWidget(parent)
    , m_prefix(std::move(prefix))
    , m_context(context)
    , m_layout(bareColumn(this))
{
    m_layout->setSpacing(14);
}

void FormBlock::sync(const QList<FormField> &fields, const QJsonObject &values)
{
    QList<FieldRow *> next;
    QList<FieldRow *> old = m_rows;
    for (const FormField &f : fields) {
        const auto it = std::find_if(old.begin(), old.end(), [&f](FieldRow *r) { return r->field().key == f.key; });
        FieldRow *row = it == old.end() ? nullptr : *it;
        if (row) {
            old.erase(it);
        }
        if (row && row->field().widget == f.widget && row->field().type == f.type) {
            row->updateField(f, values.value(f.key));
        } else {
            if (row) {
                old.append(row);
            }
            row = new FieldRow(f, joinPath(m_prefix, f.key), m_context, this);
            row->input()->assign(values.value(f.key));
            row->setTouched(!isMissing(values.value(f.key)) && f.widget != Widget::Checkboxes);
            row->changed = [this] {
                if (changed) {
                    changed();
                }
            };
        }
        next << row;
    }
    for (FieldRow *gone : std::as_const(old)) {
        m_layout->removeWidget(gone);
        gone->hide();
        gone->deleteLater(); // it may be the one reporting the change that removes it
    }
    if (next != m_rows) {
        for (FieldRow *row : std::as_const(next)) {
            m_layout->removeWidget(row);
        }
        for (FieldRow *row : std::as_const(next)) {
            m_layout->addWidget(row);
        }
        m_rows = next;
    }
}

QJsonObject FormBlock::collect(QJsonObject base) const
{
    for (const FieldRow *row : m_rows) {
        const QJsonValue v = row->input()->value();
        if (v.isUndefined()) {
            base.remove(row->field().key);
        } else {
            base.insert(row->field().key, v);
        }
    }
    return base;
}

void FormBlock::setValues(const QJsonObject &values)
{
    for (FieldRow *row : std::as_const(m_rows)) {
        row->input()->assign(values.value(row->field().key));
    }
}

FieldRow *FormBlock::rowAt(QStringView path) const
{
    qsizetype end = 0;
    while (end < path.size() && path.at(end) != u'.' && path.at(end) != u'[') {
        ++end;
    }
    const QStringView key = path.left(end);
    for (FieldRow *row : m_rows) {
        if (row->field().key == key) {
            if (end == path.size()) {
                return row;
            }
            FieldRow *below = row->input()->rowAt(path.mid(end));
            // A list shows its items' problems itself: "tags[1]" is the list's row.
            return below ? below : (row->input()->showsItemErrors() ? row : nullptr);
        }
    }
    return nullptr;
}

void FormBlock::showErrors(const QHash<QString, QStringList> &errors, QSet<QString> &shown)
{
    for (FieldRow *row : std::as_const(m_rows)) {
        row->showErrors(errors, shown);
    }
}

void FormBlock::touchPresent()
{
    for (FieldRow *row : std::as_const(m_rows)) {
        if (!isMissing(row->input()->value())) {
            row->setTouched(true);
        }
        row->input()->touchPresent();
    }
}

void FormBlock::focusFirst()
{
    const auto visible = [](const FieldRow *row) { return !row->isHidden(); };
    const auto autofocus = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                        [&](const FieldRow *row) { return row->field().autofocus && visible(row); });
    const auto first = autofocus != m_rows.cend() ? autofocus : std::find_if(m_rows.cbegin(), m_rows.cend(), visible);
    if (first != m_rows.cend()) {
        (*first)->input()->focusFirst();
    }
}

} // namespace Portolan::Ui::Wizard
