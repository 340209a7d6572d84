#pragma once

#include "actions/ActionGuards.h"
#include "actions/ActionRunner.h"
#include "actions/ActionTemplate.h"
#include "actions/ParameterForm.h"
#include "catalog/Catalog.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QWizard>

#include <memory>

class QLineEdit;

namespace Portolan::Ui {

class ActionsController;
class Banner;

namespace Wizard {
class ParameterPage;
class ReviewPage;
struct Context;
} // namespace Wizard

// Backstage's scaffolder form as a native wizard: one page per parameter page of the template that is shown for the
// values entered so far (`when`), a widget per parameter (pickers fed from the catalog), inline validation as the
// user types, and a Review page with what every step will send where before anything is sent. Finish submits once
// (one idempotency key per wizard, so a double click or a retry is the same run) and closes when the run is stored.
// Values (never secret ones) are kept as a draft when the wizard is closed without submitting, and offered again on
// the next open.
class ActionWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionWizard)

public:
    static constexpr int ReviewPageId = 1000; // parameter pages have their index in the template as id

    // `entityRef`: the entity the action was started on (its page fills the guard's entity parameter with it);
    // `initialValues`: prefilled parameters (a re-run passes the old run's).
    ActionWizard(ActionsController *controller, const Core::ActionTemplate &action, const QString &entityRef = {},
                 const QJsonObject &initialValues = {}, QWidget *parent = nullptr);
    ~ActionWizard() override;

    [[nodiscard]] const Core::ActionTemplate &action() const { return m_action; }
    // The parameters as they would be submitted: the fields of the pages shown, secret values included.
    [[nodiscard]] QJsonObject values() const;
    [[nodiscard]] QString submissionKey() const { return m_key; }
    [[nodiscard]] Core::ActionSubmission submission() const;
    // The ids of the parameter pages shown for the values entered so far, in order (the Review page not included).
    [[nodiscard]] QList<int> visiblePageIds() const;

    // The input of a parameter by path ("name", "owner.displayName", "contacts[1].name"): the line edit, combo box,
    // spin box... or the composite for pickers with several parts; null when it is not shown (hidden fields).
    [[nodiscard]] QWidget *fieldWidget(const QString &path) const;
    // Sets a parameter as if the user had entered it (its input shows it; pages and validation follow).
    void setValue(const QString &path, const QJsonValue &value);
    // The problems shown under a parameter's input now.
    [[nodiscard]] QStringList fieldErrors(const QString &path) const;
    // Parameters whose ui:field or ui:widget Portolan does not have: shown with the plain input for their type.
    [[nodiscard]] QStringList unsupportedFields() const;

    // Drafts: QSettings key actions/drafts/<workspace cache key>/<template id>.
    [[nodiscard]] QString draftKey() const;
    [[nodiscard]] Banner *draftBanner() const { return m_draftBanner; }
    void resumeDraft();
    void discardDraft();

    // The Review page.
    [[nodiscard]] bool isPlanShown() const { return m_planShown; }
    [[nodiscard]] const QList<Core::PlannedStep> &plan() const { return m_plan; }
    [[nodiscard]] const Core::GuardCheck &guardCheck() const { return m_check; }
    [[nodiscard]] QString confirmationText() const { return m_confirmText; }
    [[nodiscard]] QLineEdit *confirmField() const;
    // The Review page's text as shown (parameters, blockers, steps), for tests and screen readers.
    [[nodiscard]] QString reviewText() const;

    [[nodiscard]] int nextId() const override;

public Q_SLOTS:
    void accept() override;
    void done(int result) override;

Q_SIGNALS:
    // Finish was pressed: the submission with this key is being stored and started.
    void submitted(const QString &key);
    // The Review page shows the plan of the values entered.
    void planShown();

private:
    void buildPages();
    void refresh(int editedPage);
    void applyValues(const QJsonObject &values);
    void updateValidation();
    [[nodiscard]] Core::ErrorList extraErrors(const Core::FormField &field, const QJsonValue &value) const;
    void goToPage(int id);
    void prepareReview();
    void showPlan(int requestId, const QList<Core::PlannedStep> &plan);
    void updateReviewComplete();
    void submit();
    void onRunChanged(const Core::ActionRun &run);
    void onStartFailed(const QString &key, const QString &message);
    void placeDraftBanner();
    void loadDraft();
    void saveDraft();
    [[nodiscard]] QJsonObject draftValues() const;
    [[nodiscard]] const Core::Entity *targetEntity() const;

    ActionsController *m_controller;
    Core::ActionTemplate m_action;
    Core::ParameterForm m_form;
    QString m_entityRef;
    QJsonObject m_initialValues;
    QJsonObject m_values; // every value entered or defaulted, of shown and hidden pages alike
    QSet<QString> m_defaulted; // paths whose defaults were applied (or that had a value): never defaulted again
    QString m_key;
    std::unique_ptr<Wizard::Context> m_context;
    QList<Wizard::ParameterPage *> m_pages;
    Wizard::ReviewPage *m_review = nullptr;
    bool m_refreshing = false;

    Core::GuardCheck m_check;
    QString m_confirmText;
    QList<Core::PlannedStep> m_plan;
    int m_planRequest = 0;
    bool m_planShown = false;
    bool m_submitting = false;
    bool m_submitted = false;
    bool m_closing = false;

    Banner *m_draftBanner;
    QJsonObject m_pendingDraft; // offered, not applied yet
    int m_pendingDraftPage = -1;
    QJsonObject m_baseline; // the draft values when the wizard opened (or was reset): unchanged, nothing is saved
    bool m_draftHandled = false;
};

} // namespace Portolan::Ui
