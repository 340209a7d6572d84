#pragma once

#include "actions/ParameterForm.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QWidget>

#include <functional>

class QVBoxLayout;

namespace Portolan::Ui::Wizard {

class FieldRow;
struct Context;

// The rows of one object's fields (a page, a group, an item of a list), kept in the order of the fields given and
// reused across changes, so the input being typed in keeps its focus when other fields come and go.
class FormBlock final : public QWidget
{
    Q_DISABLE_COPY_MOVE(FormBlock)

public:
    FormBlock(QString prefix, Context *context, QWidget *parent);

    void sync(const QList<Core::FormField> &fields, const QJsonObject &values);
    [[nodiscard]] QJsonObject collect(QJsonObject base) const;
    void setValues(const QJsonObject &values);
    [[nodiscard]] FieldRow *rowAt(QStringView path) const;
    void showErrors(const QHash<QString, QStringList> &errors, QSet<QString> &shown);
    void touchPresent();
    void focusFirst();
    [[nodiscard]] const QList<FieldRow *> &rows() const { return m_rows; }

    std::function<void()> changed;

private:
    QString m_prefix;
    Context *m_context;
    QVBoxLayout *m_layout;
    QList<FieldRow *> m_rows;
};

} // namespace Portolan::Ui::Wizard
