#pragma once

#include "actions/ActionTemplate.h"

#include <QString>
#include <QStringList>
#include <QWizardPage>

class QLabel;
class QVBoxLayout;

namespace Portolan::Ui::Wizard {

class FormBlock;
struct Context;

// One parameter page of the template: its fields (the wizard keeps them in step with the values), the hint of what
// keeps Next disabled, and a slot for banners above the form.
class ParameterPage final : public QWizardPage
{
    Q_DISABLE_COPY_MOVE(ParameterPage)

public:
    // `page`: the template's parameter page at `index`.
    ParameterPage(const Core::TemplateParameterPage &page, qsizetype index, Context *context, QWidget *parent);

    [[nodiscard]] bool isComplete() const override { return m_complete; }
    void initializePage() override;

    [[nodiscard]] FormBlock *block() const { return m_block; }
    [[nodiscard]] QVBoxLayout *banners() const { return m_banners; }
    void setComplete(bool complete);
    void setHint(const QStringList &messages);
    void setStep(int step, int of);

private:
    QString m_title;
    QString m_description;
    QVBoxLayout *m_banners;
    FormBlock *m_block;
    QLabel *m_hint;
    bool m_complete = false;
};

} // namespace Portolan::Ui::Wizard
