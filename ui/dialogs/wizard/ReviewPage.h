#pragma once

#include "actions/ActionRunner.h"
#include "actions/ParameterForm.h"

#include <QJsonValue>
#include <QString>
#include <QWizardPage>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace Portolan::Ui {
class Banner;
class Card;
} // namespace Portolan::Ui

namespace Portolan::Ui::Wizard {

// The last page: the parameters as entered, what keeps the action from running, every step of the plan with what
// it sends where, and the confirmation a destructive action asks for. The wizard fills it in when it is entered.
class ReviewPage final : public QWizardPage
{
    Q_DISABLE_COPY_MOVE(ReviewPage)

public:
    explicit ReviewPage(QWidget *parent);

    [[nodiscard]] bool isComplete() const override { return m_complete; }
    void initializePage() override;
    void setComplete(bool complete);
    void setStatus(const QString &text, bool error);

    void clearParameters();
    void addParameter(const QString &title, const QString &value);
    // The rows of a parameter: one per field of an object ("Owner › Name"), its value as people read it.
    void addParameterRows(const Core::FormField &field, const QJsonValue &value, const QString &prefix = {});
    [[nodiscard]] int parameterCount() const;
    void clearPlan();
    void addStep(int number, const Core::PlannedStep &step);

    [[nodiscard]] QVBoxLayout *banners() const { return m_banners; }
    [[nodiscard]] Banner *blockers() const { return m_blockers; }
    [[nodiscard]] QLabel *planStatus() const { return m_planStatus; }
    [[nodiscard]] QWidget *confirmRow() const { return m_confirmRow; }
    [[nodiscard]] QLabel *confirmLabel() const { return m_confirmLabel; }
    [[nodiscard]] QLineEdit *confirmField() const { return m_confirm; }

    // Called when the wizard enters the page, before it shows: the wizard fills the page in then.
    std::function<void()> entered;

private:
    QVBoxLayout *m_banners;
    QWidget *m_content = nullptr;
    Banner *m_blockers;
    Card *m_parameters;
    QFormLayout *m_parameterForm;
    QWidget *m_steps;
    QVBoxLayout *m_stepsLayout;
    QLabel *m_planStatus;
    QWidget *m_confirmRow = nullptr;
    QLabel *m_confirmLabel;
    QLineEdit *m_confirm;
    QLabel *m_status;
    bool m_complete = false;
};

} // namespace Portolan::Ui::Wizard
