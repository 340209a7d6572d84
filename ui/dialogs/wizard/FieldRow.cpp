#include "FieldRow.h"

#include "FieldInputs.h"
#include "WizardSupport.h"
#include "WizardTr.h"
#include "models/KindStyle.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui::Wizard {

namespace {

using Widget = FormField::Widget;

} // namespace

FieldRow::FieldRow(const FormField &field, const QString &path, Context *context, QWidget *parent)
    : QWidget(parent)
    , m_path(path)
    , m_title(new QLabel(this))
    , m_input(makeInput(field, path, context, this))
    , m_description(mutedLabel(this, u"fieldDescription"_s))
    , m_help(mutedLabel(this, u"fieldHelp"_s))
    , m_unsupported(smallLabel(this, u"fieldUnsupported"_s))
    , m_errors(errorLabel(this, u"fieldErrors"_s))
{
    setObjectName(u"field:"_s + path);
    QVBoxLayout *layout = bareColumn(this);
    layout->setSpacing(3);
    m_title->setObjectName(u"fieldTitle"_s);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setBuddy(m_input->editor());
    m_errors->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_input);
    layout->addWidget(m_description);
    layout->addWidget(m_help);
    layout->addWidget(m_unsupported);
    layout->addWidget(m_errors);
    m_errors->hide();
    m_input->changed = [this] {
        m_touched = true;
        if (changed) {
            changed();
        }
    };
    setVisible(field.widget != Widget::Hidden);
    updateTexts();
}

void FieldRow::updateTexts()
{
    const FormField &f = m_input->field();
    const QString marker =
        f.required ? u" <span style='color:%1'>*</span>"_s.arg(KindStyle::severityColor(Error::Severity::Error).name())
                   : QString();
    m_title->setText(f.displayTitle().toHtmlEscaped() + marker);
    m_title->setVisible(!m_input->showsTitle());
    // Screen readers announce each input by its field's title (the label's rich text and marker do not carry).
    for (QWidget *w : m_input->findChildren<QWidget *>()) {
        if (w->focusPolicy() != Qt::NoFocus && w->accessibleName().isEmpty()) {
            w->setAccessibleName(f.displayTitle());
        }
    }
    if (m_input->focusPolicy() != Qt::NoFocus && m_input->accessibleName().isEmpty()) {
        m_input->setAccessibleName(f.displayTitle());
    }
    m_description->setText(f.description);
    m_description->setVisible(!f.description.isEmpty());
    m_help->setText(f.help);
    m_help->setVisible(!f.help.isEmpty());
    if (isSupported(f)) {
        m_unsupported->hide();
    } else {
        m_unsupported->setText(Tr::tr("Portolan has no “%1” input; this is the plain input for its type.")
                                   .arg(f.uiField.isEmpty() ? f.uiWidget : f.uiField));
        m_unsupported->show();
    }
}

void FieldRow::updateField(const FormField &field, const QJsonValue &value)
{
    m_input->updateField(field, value);
    updateTexts();
}

void FieldRow::showErrors(const QHash<QString, QStringList> &errors, QSet<QString> &shown)
{
    QStringList mine;
    QStringList keys{m_path};
    if (m_input->showsItemErrors()) {
        for (auto it = errors.begin(); it != errors.end(); ++it) {
            if (it.key().startsWith(m_path + u'[')) {
                keys << it.key();
            }
        }
    }
    for (const QString &key : std::as_const(keys)) {
        for (const QString &message : errors.value(key)) {
            if (!mine.contains(message)) {
                mine << message;
            }
        }
    }
    // Problems show once a field was edited (or came filled in): an untouched required field is not an error yet.
    const bool show = m_touched && !isHidden() && !mine.isEmpty();
    m_shown = show ? mine : QStringList();
    m_errors->setText(m_shown.join(u'\n'));
    m_errors->setVisible(show);
    if (show) {
        for (const QString &key : std::as_const(keys)) {
            shown.insert(key);
        }
    }
    m_input->showErrors(errors, shown);
}

} // namespace Portolan::Ui::Wizard
