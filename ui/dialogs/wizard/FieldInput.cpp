#include "FieldInput.h"

#include "CandidateModel.h"
#include "WizardTr.h"

#include <QPointer>
#include <QScopedValueRollback>
#include <QtConcurrent/QtConcurrentRun>

using namespace Portolan::Core;

namespace Portolan::Ui::Wizard {

namespace {

using Widget = FormField::Widget;

} // namespace

CandidateModel *Context::candidates(const FormField &field)
{
    const QString key = field.path + u'|' + FormField::widgetName(field.widget);
    if (CandidateModel *model = models.value(key)) {
        return model;
    }
    auto *model = new CandidateModel(window);
    models.insert(key, model);
    const QPointer<CandidateModel> guard(model);
    const Catalog::Ptr snapshot = catalog ? catalog : Catalog::empty();
    const ActionUser who = user;
    const auto loaded = candidatesLoaded;
    (void)QtConcurrent::run([guard, snapshot, field, who, loaded] {
        const auto set = field.widget == Widget::EntityTagsPicker ? tagCandidates(*snapshot, field)
                                                                  : entityCandidates(*snapshot, field, who);
        if (!guard) {
            return; // the wizard closed meanwhile
        }
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, set, loaded] {
                if (guard) {
                    guard->setCandidates(set);
                    if (loaded) {
                        loaded();
                    }
                }
            },
            Qt::QueuedConnection);
    });
    return model;
}

FieldInput::FieldInput(const FormField &field, QString path, Context *context, QWidget *parent)
    : QWidget(parent)
    , m_field(field)
    , m_path(std::move(path))
    , m_context(context)
{ }

void FieldInput::assign(const QJsonValue &value)
{
    const QScopedValueRollback guard(m_updating, true);
    display(value);
}

void FieldInput::notify()
{
    if (!m_updating && changed) {
        changed();
    }
}

QJsonValue FieldInput::typedText(const FormField &field, const QString &text)
{
    if (text.isEmpty()) {
        return QJsonValue::Undefined;
    }
    if (field.type == FormField::Type::String) {
        return text;
    }
    const Result<QJsonValue> parsed = ParameterForm::parseValue(field, text);
    return parsed ? *parsed : QJsonValue(text);
}

QString FieldInput::titleWithMarker() const
{
    return m_field.required ? Tr::tr("%1 *").arg(m_field.displayTitle()) : m_field.displayTitle();
}

} // namespace Portolan::Ui::Wizard
