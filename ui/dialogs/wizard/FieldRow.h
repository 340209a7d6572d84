#pragma once

#include "FieldInput.h"
#include "actions/ParameterForm.h"

#include <QHash>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>

class QLabel;

namespace Portolan::Ui::Wizard {

struct Context;

// One field: its title (with a marker when required), input, description, help and problems.
class FieldRow final : public QWidget
{
    Q_DISABLE_COPY_MOVE(FieldRow)

public:
    FieldRow(const Core::FormField &field, const QString &path, Context *context, QWidget *parent);

    [[nodiscard]] const Core::FormField &field() const { return m_input->field(); }
    [[nodiscard]] FieldInput *input() const { return m_input; }
    [[nodiscard]] const QStringList &shownErrors() const { return m_shown; }
    void updateField(const Core::FormField &field, const QJsonValue &value);
    void showErrors(const QHash<QString, QStringList> &errors, QSet<QString> &shown);
    void setTouched(bool touched) { m_touched = touched; }

    std::function<void()> changed;

private:
    void updateTexts();

    QString m_path;
    QLabel *m_title;
    FieldInput *m_input;
    QLabel *m_description;
    QLabel *m_help;
    QLabel *m_unsupported;
    QLabel *m_errors;
    QStringList m_shown;
    bool m_touched = false;
};

} // namespace Portolan::Ui::Wizard
