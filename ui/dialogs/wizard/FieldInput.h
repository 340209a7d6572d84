#pragma once

#include "actions/ParameterForm.h"
#include "actions/StepExecutor.h"
#include "catalog/Catalog.h"

#include <QHash>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QWidget>

#include <functional>

namespace Portolan::Ui::Wizard {

class CandidateModel;
class FieldRow;

// What the inputs share: the catalog snapshot and user the pickers read, and their candidate models.
struct Context
{
    Core::Catalog::Ptr catalog;
    Core::ActionUser user;
    QWidget *window = nullptr;
    QHash<QString, CandidateModel *> models;
    std::function<void()> candidatesLoaded;

    // The inputs of one field share its candidates, which are read off the GUI thread once.
    CandidateModel *candidates(const Core::FormField &field);
};

// An input: one per FormField, holding its value as JSON.
class FieldInput : public QWidget
{
    Q_DISABLE_COPY_MOVE(FieldInput)

public:
    FieldInput(const Core::FormField &field, QString path, Context *context, QWidget *parent);

    [[nodiscard]] const Core::FormField &field() const { return m_field; }
    [[nodiscard]] const QString &path() const { return m_path; }
    // The value as entered; undefined when nothing is.
    [[nodiscard]] virtual QJsonValue value() const = 0;
    // Shows `value` without reporting a change.
    void assign(const QJsonValue &value);
    // What takes the focus, and what ActionWizard::fieldWidget returns.
    [[nodiscard]] virtual QWidget *editor() { return this; }
    // The field as the values entered now give it (required, the children of an object).
    virtual void updateField(const Core::FormField &field, const QJsonValue &value)
    {
        Q_UNUSED(value)
        m_field = field;
    }
    // Containers: the row below this field at `rest` (".child", "[1].name").
    [[nodiscard]] virtual FieldRow *rowAt(QStringView rest) const
    {
        Q_UNUSED(rest)
        return nullptr;
    }
    // Containers: shows their children's errors; adds the paths shown to `shown`.
    virtual void showErrors(const QHash<QString, QStringList> &errors, QSet<QString> &shown)
    {
        Q_UNUSED(errors)
        Q_UNUSED(shown)
    }
    virtual void touchPresent() { }
    virtual void focusFirst() { editor()->setFocus(Qt::OtherFocusReason); }
    // Checkbox and group show the title themselves.
    [[nodiscard]] virtual bool showsTitle() const { return false; }
    // Lists show the problems of their items with their own.
    [[nodiscard]] virtual bool showsItemErrors() const { return false; }

    std::function<void()> changed;

protected:
    virtual void display(const QJsonValue &value) = 0;
    void notify();
    // Typed text as the field's type; text that does not parse stays text, so validation names the problem.
    [[nodiscard]] static QJsonValue typedText(const Core::FormField &field, const QString &text);
    [[nodiscard]] QString titleWithMarker() const;

    Core::FormField m_field;
    QString m_path;
    Context *m_context;
    bool m_updating = false;
};

} // namespace Portolan::Ui::Wizard
