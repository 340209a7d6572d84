#include "ActionWizard.h"

#include "ActionsController.h"
#include "actions/TemplateExpression.h"
#include "models/Format.h"
#include "widgets/Banner.h"
#include "widgets/Card.h"
#include "wizard/CandidateModel.h"
#include "wizard/FieldInput.h"
#include "wizard/FieldRow.h"
#include "wizard/FormBlock.h"
#include "wizard/ParameterPage.h"
#include "wizard/ReviewPage.h"
#include "wizard/WizardSupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

using namespace Wizard;

namespace {

const QString draftPrefix = u"actions/drafts"_s;

QJsonObject withValueAt(QJsonObject object, const QStringList &keys, const QJsonValue &value)
{
    if (keys.isEmpty()) {
        return object;
    }
    if (keys.size() == 1) {
        if (value.isUndefined()) {
            object.remove(keys.first());
        } else {
            object.insert(keys.first(), value);
        }
        return object;
    }
    object.insert(keys.first(), withValueAt(object.value(keys.first()).toObject(), keys.mid(1), value));
    return object;
}

// Defaults of fields that show for the first time; a path that had a value once is never defaulted again, so a
// field the user cleared stays cleared.
QJsonObject mergeNewDefaults(QJsonObject values, const QJsonObject &filled, const QString &prefix, QSet<QString> &seen)
{
    for (auto it = filled.begin(); it != filled.end(); ++it) {
        const QString path = joinPath(prefix, it.key());
        const QJsonValue current = values.value(it.key());
        if (current.isUndefined()) {
            if (!seen.contains(path)) {
                values.insert(it.key(), *it);
            }
        } else if (current.isObject() && it->isObject()) {
            values.insert(it.key(), mergeNewDefaults(current.toObject(), it->toObject(), path, seen));
        }
        seen.insert(path);
    }
    return values;
}

void collectUnsupported(const QList<FormField> &fields, QStringList &out)
{
    for (const FormField &f : fields) {
        if (!isSupported(f) && !out.contains(f.path)) {
            out << f.path;
        }
        collectUnsupported(f.children, out);
        if (f.items) {
            collectUnsupported(f.items->children, out);
        }
    }
}

void collectSecrets(const QList<FormField> &fields, QStringList &out)
{
    for (const FormField &f : fields) {
        // Array items have no single path to mask; a secret inside a list is rare enough to leave to the runner.
        if (f.secret && !f.path.contains(u'[') && !out.contains(f.path)) {
            out << f.path;
        }
        collectSecrets(f.children, out);
    }
}

} // namespace

ActionWizard::ActionWizard(ActionsController *controller, const ActionTemplate &action, const QString &entityRef,
                           const QJsonObject &initialValues, QWidget *parent)
    : QWizard(parent)
    , m_controller(controller)
    , m_action(action)
    , m_form(action)
    , m_entityRef(entityRef)
    , m_initialValues(initialValues)
    , m_key(ActionRun::newKey())
    , m_context(std::make_unique<Context>())
    , m_draftBanner(new Banner(this))
{
    setObjectName(u"actionWizard"_s);
    setWindowTitle(action.displayName());
    // Classic: the same look on every platform and under the offscreen tests (Modern paints a banner of its own).
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setButtonText(QWizard::FinishButton, tr("&Run"));
    // The entity page's entity goes into the parameter the template names for it.
    const QString entityParameter = action.guard.entityParameter;
    if (!entityRef.isEmpty() && !entityParameter.isEmpty() && !m_initialValues.contains(entityParameter)) {
        m_initialValues.insert(entityParameter, entityRef);
    }
    m_context->catalog = controller->catalog();
    m_context->user = controller->user();
    m_context->window = this;
    m_context->candidatesLoaded = [this] {
        if (!m_refreshing) {
            updateValidation();
        }
    };
    m_draftBanner->setObjectName(u"draftBanner"_s);
    m_draftBanner->hide();

    buildPages();
    applyValues(m_initialValues);
    loadDraft();
    m_baseline = draftValues();

    connect(controller, &ActionsController::planReady, this, &ActionWizard::showPlan);
    connect(controller, &ActionsController::runChanged, this, &ActionWizard::onRunChanged);
    connect(controller, &ActionsController::startFailed, this, &ActionWizard::onStartFailed);
    connect(this, &QWizard::currentIdChanged, this, &ActionWizard::placeDraftBanner);
    resize(720, 560);
}

ActionWizard::~ActionWizard()
{
    // Closed with the application (or its parent) rather than Cancel: keep what was entered all the same.
    if (!m_submitted && !m_draftHandled) {
        saveDraft();
    }
}

void ActionWizard::buildPages()
{
    for (qsizetype i = 0; i < m_form.pageCount(); ++i) {
        auto *page = new ParameterPage(m_form.page(i), i, m_context.get(), this);
        page->block()->changed = [this, i] { refresh(int(i)); };
        m_pages << page;
        setPage(int(i), page);
    }
    m_review = new ReviewPage(this);
    m_review->entered = [this] { prepareReview(); };
    connect(m_review->confirmField(), &QLineEdit::textChanged, this, &ActionWizard::updateReviewComplete);
    setPage(ReviewPageId, m_review);
}

QJsonObject ActionWizard::values() const
{
    QJsonObject out;
    for (const qsizetype page : m_form.visiblePages(m_values)) {
        for (const FormField &f : m_form.fields(page, m_values)) {
            const QJsonValue v = m_values.value(f.key);
            if (!v.isUndefined()) {
                out.insert(f.key, v);
            }
        }
    }
    return out;
}

ActionSubmission ActionWizard::submission() const
{
    ActionSubmission s;
    s.key = m_key;
    s.parameters = values();
    for (const qsizetype page : m_form.visiblePages(m_values)) {
        collectSecrets(m_form.fields(page, m_values), s.secretFields);
    }
    s.entityRef = m_entityRef;
    if (s.entityRef.isEmpty() && m_action.isEntityScoped() && !m_action.guard.entityParameter.isEmpty()) {
        s.entityRef = s.parameters.value(m_action.guard.entityParameter).toString();
    }
    return s;
}

QList<int> ActionWizard::visiblePageIds() const
{
    QList<int> out;
    for (const qsizetype page : m_form.visiblePages(m_values)) {
        out << int(page);
    }
    return out;
}

QWidget *ActionWizard::fieldWidget(const QString &path) const
{
    for (const ParameterPage *page : m_pages) {
        if (FieldRow *row = page->block()->rowAt(path)) {
            return row->isHidden() && row->field().widget == FormField::Widget::Hidden ? nullptr
                                                                                       : row->input()->editor();
        }
    }
    return nullptr;
}

void ActionWizard::setValue(const QString &path, const QJsonValue &value)
{
    m_values = withValueAt(m_values, path.split(u'.'), value);
    m_defaulted.insert(path);
    refresh(-1);
    for (ParameterPage *page : std::as_const(m_pages)) {
        page->block()->touchPresent();
    }
    updateValidation();
}

QStringList ActionWizard::fieldErrors(const QString &path) const
{
    for (const ParameterPage *page : m_pages) {
        if (FieldRow *row = page->block()->rowAt(path)) {
            return row->shownErrors();
        }
    }
    return {};
}

QStringList ActionWizard::unsupportedFields() const
{
    QStringList out;
    for (qsizetype i = 0; i < m_form.pageCount(); ++i) {
        collectUnsupported(m_form.fields(i, m_values), out);
    }
    return out;
}

void ActionWizard::refresh(int editedPage)
{
    if (m_refreshing) {
        return;
    }
    const QScopedValueRollback guard(m_refreshing, true);
    if (editedPage >= 0 && editedPage < m_pages.size()) {
        m_values = m_pages.at(editedPage)->block()->collect(m_values);
    }
    m_values = mergeNewDefaults(m_values, m_form.withDefaults(m_values), {}, m_defaulted);
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        FormBlock *block = m_pages.at(i)->block();
        block->sync(m_form.fields(i, m_values), m_values);
        // The page being typed in keeps its inputs as they are (cursor, selection); the others follow the values,
        // which pages share (one namespace).
        if (i != editedPage) {
            block->setValues(m_values);
        }
    }
    updateValidation();
}

void ActionWizard::applyValues(const QJsonObject &values)
{
    m_values = values;
    m_defaulted.clear();
    for (auto it = values.begin(); it != values.end(); ++it) {
        m_defaulted.insert(it.key());
    }
    refresh(-1);
    for (ParameterPage *page : std::as_const(m_pages)) {
        page->block()->touchPresent();
    }
    updateValidation();
    const QList<int> visible = visiblePageIds();
    setStartId(visible.isEmpty() ? ReviewPageId : visible.first());
}

ErrorList ActionWizard::extraErrors(const FormField &field, const QJsonValue &value) const
{
    ErrorList out;
    const bool single =
        field.widget == FormField::Widget::EntityPicker || field.widget == FormField::Widget::OwnerPicker
        || field.widget == FormField::Widget::OwnedEntityPicker || field.widget == FormField::Widget::MyGroupsPicker;
    if (!single || field.picker.allowArbitraryValues || !value.isString() || value.toString().isEmpty()) {
        return out;
    }
    const CandidateModel *model =
        m_context->models.value(field.path + u'|' + FormField::widgetName(field.widget), nullptr);
    if (model && model->isLoaded() && !model->contains(value.toString())) {
        Error e = makeError(Error::Code::Validation,
                            tr("“%1” must be one of the entities offered").arg(field.displayTitle()));
        e.field = field.path;
        out << e;
    }
    return out;
}

void ActionWizard::updateValidation()
{
    const QList<qsizetype> visible = m_form.visiblePages(m_values);
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        ParameterPage *page = m_pages.at(i);
        QHash<QString, QStringList> errors;
        QStringList order;
        bool complete = m_form.validatePage(i, m_values).isEmpty();
        for (const FormField &f : m_form.fields(i, m_values)) {
            const QJsonValue v = m_values.value(f.key);
            for (const Error &e : ParameterForm::validateField(f, v) + extraErrors(f, v)) {
                errors[e.field].append(e.message);
                order << e.field;
                complete = false;
            }
        }
        QSet<QString> shown;
        page->block()->showErrors(errors, shown);
        // What keeps Next disabled but is not shown under a field yet (fields not touched, hidden fields).
        QStringList pending;
        for (const QString &field : std::as_const(order)) {
            if (!shown.contains(field)) {
                for (const QString &message : errors.value(field)) {
                    if (!pending.contains(message)) {
                        pending << message;
                    }
                }
            }
        }
        page->setHint(pending);
        page->setComplete(complete);
        const qsizetype step = visible.indexOf(i);
        page->setStep(int(step < 0 ? i : step) + 1, int(visible.size()) + 1);
    }
    const QString reviewSubTitle =
        tr("Step %1 of %1 · Check what will be sent where before you run the action.").arg(visible.size() + 1);
    if (m_review->subTitle() != reviewSubTitle) {
        m_review->setSubTitle(reviewSubTitle);
    }
}

int ActionWizard::nextId() const
{
    const int current = currentId();
    if (current < 0 || current == ReviewPageId) {
        return -1;
    }
    for (const qsizetype page : m_form.visiblePages(m_values)) {
        if (page > current) {
            return int(page);
        }
    }
    return ReviewPageId;
}

void ActionWizard::goToPage(int id)
{
    restart();
    for (int guard = 0;
         guard < 1000 && currentId() != id && currentPage() && currentPage()->isComplete() && nextId() != -1; ++guard) {
        next();
    }
}

const Entity *ActionWizard::targetEntity() const
{
    QString ref = m_entityRef;
    if (ref.isEmpty() && m_action.isEntityScoped() && !m_action.guard.entityParameter.isEmpty()) {
        ref = m_values.value(m_action.guard.entityParameter).toString();
    }
    const Catalog::Ptr &catalog = m_context->catalog;
    if (ref.isEmpty() || !catalog) {
        return nullptr;
    }
    const int index = catalog->find(ref);
    return index >= 0 ? &catalog->entity(index) : nullptr;
}

void ActionWizard::prepareReview()
{
    ReviewPage *r = m_review;
    const QJsonObject parameters = values();
    m_check = m_controller->check(m_action, targetEntity());

    r->clearParameters();
    for (const qsizetype page : m_form.visiblePages(m_values)) {
        for (const FormField &f : m_form.fields(page, m_values)) {
            r->addParameterRows(f, parameters.value(f.key));
        }
    }
    if (r->parameterCount() == 0) {
        r->addParameter(tr("None"), tr("This action takes no parameters."));
    }

    QStringList blockers;
    for (const ActionBlocker &b : std::as_const(m_check.blockers)) {
        blockers << (b.unblock.isEmpty()
                         ? b.reason.toHtmlEscaped()
                         : u"%1<br>%2"_s.arg(b.reason.toHtmlEscaped(), Format::muted(b.unblock.toHtmlEscaped())));
    }
    r->blockers()->setText(blockers.isEmpty()
                               ? QString()
                               : u"<b>%1</b><br>%2"_s.arg(tr("This action cannot run now.").toHtmlEscaped(),
                                                          blockers.join(u"<br><br>"_s)));
    r->blockers()->setVisible(!blockers.isEmpty());

    m_confirmText.clear();
    if (m_check.destructive) {
        const QJsonObject context{{u"parameters"_s, parameters}, {u"user"_s, m_controller->user().toJson()}};
        const Result<QString> rendered = TemplateExpression::render(m_check.confirmText, context);
        m_confirmText = (rendered ? *rendered : m_check.confirmText).trimmed();
        if (m_confirmText.isEmpty()) {
            m_confirmText = m_action.ref.name;
        }
        r->confirmLabel()->setText(
            tr("This action is destructive. Type <b>%1</b> to confirm:").arg(m_confirmText.toHtmlEscaped()));
        r->confirmField()->setPlaceholderText(m_confirmText);
    }
    r->confirmRow()->setVisible(m_check.destructive);

    m_planShown = false;
    m_plan.clear();
    r->clearPlan();
    r->planStatus()->setText(tr("Preparing the plan…"));
    r->planStatus()->show();
    r->setStatus({}, false);
    m_planRequest = m_controller->requestPlan(m_action, submission());
    updateReviewComplete();
}

void ActionWizard::showPlan(int requestId, const QList<PlannedStep> &plan)
{
    if (requestId != m_planRequest) {
        return; // of values since changed
    }
    ReviewPage *r = m_review;
    m_plan = plan;
    r->clearPlan();
    int problems = 0;
    for (qsizetype i = 0; i < plan.size(); ++i) {
        r->addStep(int(i) + 1, plan.at(i));
        problems += int(plan.at(i).problems.size());
    }
    if (plan.isEmpty()) {
        r->planStatus()->setText(tr("This action has no steps: running it records a run and does nothing else."));
    } else if (problems > 0) {
        r->planStatus()->setText(tr("The plan has problems (in red): the steps before them would run, then the run "
                                    "would fail there."));
    } else {
        r->planStatus()->setText(tr("Nothing is sent before you press Run. The steps run in this order:"));
    }
    m_planShown = true;
    updateReviewComplete();
    Q_EMIT planShown();
}

void ActionWizard::updateReviewComplete()
{
    const bool confirmed = !m_check.destructive || m_review->confirmField()->text().trimmed() == m_confirmText;
    m_review->setComplete(m_check.allowed() && m_planShown && confirmed && !m_submitting && !m_submitted);
}

QLineEdit *ActionWizard::confirmField() const
{
    return m_review->confirmField();
}

QString ActionWizard::reviewText() const
{
    QStringList out;
    const auto widgets = m_review->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(m_review)) {
            continue;
        }
        if (const auto *label = qobject_cast<QLabel *>(w)) {
            const bool rich = label->textFormat() == Qt::RichText
                              || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
            QTextDocument doc;
            if (rich) {
                doc.setHtml(label->text());
            }
            out << (rich ? doc.toPlainText() : label->text());
        } else if (const auto *view = qobject_cast<QPlainTextEdit *>(w)) {
            out << view->toPlainText();
        } else if (const auto *card = qobject_cast<Card *>(w)) {
            out << card->title();
        }
    }
    return out.join(u'\n');
}

void ActionWizard::accept()
{
    if (m_closing) {
        QWizard::accept();
        return;
    }
    if (currentId() == ReviewPageId && m_review->isComplete()) {
        submit();
    }
}

void ActionWizard::done(int result)
{
    if (result == QDialog::Accepted && !m_closing) {
        accept(); // closes once the run is stored
        return;
    }
    if (result == QDialog::Rejected && !m_submitted && !m_draftHandled) {
        saveDraft(); // before QWizard forgets the current page
    }
    QWizard::done(result);
}

void ActionWizard::submit()
{
    if (m_submitting || m_submitted) {
        return;
    }
    m_submitting = true;
    m_review->setStatus(tr("Starting…"), false);
    updateReviewComplete();
    const ActionSubmission s = submission();
    Q_EMIT submitted(m_key);
    m_controller->start(m_action, s);
}

void ActionWizard::onRunChanged(const ActionRun &run)
{
    if (!m_submitting || run.key != m_key) {
        return;
    }
    // Stored: from here the Runs page follows it.
    m_submitting = false;
    m_submitted = true;
    m_draftHandled = true;
    QSettings().remove(draftKey());
    m_closing = true;
    QWizard::accept();
}

void ActionWizard::onStartFailed(const QString &key, const QString &message)
{
    if (key != m_key || !m_submitting) {
        return;
    }
    m_submitting = false;
    m_review->setStatus(tr("The action did not start: %1").arg(message), true);
    updateReviewComplete();
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts

QString ActionWizard::draftKey() const
{
    return u"%1/%2/%3"_s.arg(draftPrefix, m_controller->workspace().cacheKey(), m_action.id);
}

QJsonObject ActionWizard::draftValues() const
{
    QStringList secrets;
    for (qsizetype i = 0; i < m_form.pageCount(); ++i) {
        collectSecrets(m_form.fields(i, m_values), secrets);
    }
    QJsonObject out = m_values;
    for (const QString &path : std::as_const(secrets)) {
        out = withValueAt(out, path.split(u'.'), QJsonValue::Undefined);
    }
    return out;
}

void ActionWizard::saveDraft()
{
    m_draftHandled = true;
    const QJsonObject values = draftValues();
    if (values == m_baseline) {
        return; // nothing new: a draft offered and not taken stays as it was
    }
    const QJsonObject draft{
        {u"values"_s, values},
        {u"page"_s, currentId()},
        {u"saved"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
    QSettings().setValue(draftKey(), QString::fromUtf8(QJsonDocument(draft).toJson(QJsonDocument::Compact)));
}

void ActionWizard::loadDraft()
{
    const QJsonObject draft = QJsonDocument::fromJson(QSettings().value(draftKey()).toString().toUtf8()).object();
    const QJsonObject values = draft.value("values"_L1).toObject();
    if (values.isEmpty()) {
        return;
    }
    m_pendingDraft = values;
    m_pendingDraftPage = draft.value("page"_L1).toInt(-1);
    const QDateTime saved = QDateTime::fromString(draft.value("saved"_L1).toString(), Qt::ISODate);
    const QString when = saved.isValid() ? Format::dateTime(saved) : tr("an earlier session");
    QPushButton *discard = nullptr;
    if (m_initialValues.isEmpty()) {
        // Nothing else to show: the draft is what the user was doing.
        resumeDraft();
        m_draftBanner->setText(tr("Your draft from %1 is restored.").arg(when).toHtmlEscaped());
        discard = m_draftBanner->addButton(tr("Discard"));
    } else {
        // Opened with values of its own (an entity page, a re-run): those come first, the draft is offered.
        m_draftBanner->setText(tr("You have a draft of this action from %1.").arg(when).toHtmlEscaped());
        QPushButton *resume = m_draftBanner->addButton(tr("Resume"));
        resume->setObjectName(u"draftResume"_s);
        discard = m_draftBanner->addButton(tr("Discard"));
        connect(resume, &QPushButton::clicked, this, [this, resume, when] {
            resumeDraft();
            resume->hide();
            m_draftBanner->setText(tr("Your draft from %1 is restored.").arg(when).toHtmlEscaped());
        });
    }
    discard->setObjectName(u"draftDiscard"_s);
    connect(discard, &QPushButton::clicked, this, &ActionWizard::discardDraft);
    m_draftBanner->show();
    placeDraftBanner();
}

void ActionWizard::resumeDraft()
{
    if (m_pendingDraft.isEmpty()) {
        return;
    }
    QJsonObject values = m_initialValues;
    for (auto it = m_pendingDraft.begin(); it != m_pendingDraft.end(); ++it) {
        values.insert(it.key(), *it);
    }
    applyValues(values);
    goToPage(m_pendingDraftPage);
    m_pendingDraft = {};
    m_baseline = draftValues();
}

void ActionWizard::discardDraft()
{
    QSettings().remove(draftKey());
    const bool applied = m_pendingDraft.isEmpty();
    m_pendingDraft = {};
    m_draftBanner->hide();
    for (const ParameterPage *page : std::as_const(m_pages)) {
        page->banners()->setContentsMargins(0, 0, 0, 0);
    }
    m_review->banners()->setContentsMargins(0, 0, 0, 0);
    if (applied) {
        applyValues(m_initialValues);
        restart();
    }
    m_baseline = draftValues();
}

void ActionWizard::placeDraftBanner()
{
    if (m_draftBanner->isHidden()) {
        return;
    }
    QVBoxLayout *slot = nullptr;
    if (const auto *page = dynamic_cast<ParameterPage *>(currentPage())) {
        slot = page->banners();
    } else if (currentPage() == m_review) {
        slot = m_review->banners();
    }
    if (slot && slot->indexOf(m_draftBanner) < 0) {
        for (const ParameterPage *page : std::as_const(m_pages)) {
            page->banners()->removeWidget(m_draftBanner);
            page->banners()->setContentsMargins(0, 0, 0, 0);
        }
        m_review->banners()->removeWidget(m_draftBanner);
        m_review->banners()->setContentsMargins(0, 0, 0, 0);
        slot->setContentsMargins(0, 0, 0, 6);
        slot->insertWidget(0, m_draftBanner);
        m_draftBanner->show();
    }
}

} // namespace Portolan::Ui
