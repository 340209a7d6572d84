#include "ReviewPage.h"

#include "WizardSupport.h"
#include "WizardTr.h"
#include "models/KindStyle.h"
#include "widgets/Banner.h"
#include "widgets/Card.h"
#include "widgets/CodeView.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui::Wizard {

namespace {

using Widget = FormField::Widget;
using Type = FormField::Type;

// A parameter's value for the Review page.
QString displayValue(const FormField &field, const QJsonValue &value)
{
    if (isMissing(value)) {
        return {};
    }
    if (field.secret) {
        return u"••••"_s;
    }
    if (field.widget == Widget::File) {
        return describeDataUrl(value.toString());
    }
    if (field.type != Type::Array && !field.enumValues.isEmpty()) {
        const qsizetype index = indexOfValue(field.enumValues, value);
        if (index >= 0 && index < field.enumNames.size()) {
            return field.enumNames.at(index);
        }
    }
    if (field.type == Type::Boolean && value.isBool()) {
        return value.toBool() ? Tr::tr("Yes") : Tr::tr("No");
    }
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : value.toArray()) {
            if (item.isObject() && field.items) {
                QStringList pairs;
                for (const FormField &child : field.items->children) {
                    const QString shown = displayValue(child, item.toObject().value(child.key));
                    if (!shown.isEmpty()) {
                        pairs << Tr::tr("%1: %2").arg(child.displayTitle(), shown);
                    }
                }
                parts << pairs.join(u", "_s);
            } else {
                const qsizetype index = indexOfValue(field.enumValues, item);
                parts << (index >= 0 && index < field.enumNames.size() ? field.enumNames.at(index) : plainText(item));
            }
        }
        return parts.join(field.type == Type::Array && field.widget == Widget::ObjectList ? u"\n"_s : u", "_s);
    }
    return plainText(value);
}

} // namespace

ReviewPage::ReviewPage(QWidget *parent)
    : QWizardPage(parent)
    , m_banners(new QVBoxLayout)
    , m_blockers(new Banner(this))
    , m_parameters(new Card(Tr::tr("Parameters"), this))
    , m_parameterForm(new QFormLayout)
    , m_steps(new QWidget(this))
    , m_stepsLayout(bareColumn(m_steps))
    , m_planStatus(new QLabel(this))
    , m_confirmLabel(new QLabel(this))
    , m_confirm(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"reviewPage"_s);
    setTitle(Tr::tr("Review"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_banners->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_banners);

    auto *content = new QWidget;
    m_content = content;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(2, 4, 12, 8);
    contentLayout->setSpacing(12);
    m_blockers->setObjectName(u"reviewBlockers"_s);
    m_blockers->setKind(Banner::Kind::Error);
    m_blockers->hide();
    contentLayout->addWidget(m_blockers);
    m_parameters->setObjectName(u"reviewParameters"_s);
    m_parameterForm->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_parameterForm->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_parameterForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_parameterForm->setHorizontalSpacing(16);
    m_parameterForm->setVerticalSpacing(6);
    m_parameters->contentLayout()->addLayout(m_parameterForm);
    contentLayout->addWidget(m_parameters);
    auto *planTitle = new QLabel(Tr::tr("What will happen"), content);
    QFont f = planTitle->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.08);
    planTitle->setFont(f);
    contentLayout->addWidget(planTitle);
    m_planStatus->setObjectName(u"planStatus"_s);
    m_planStatus->setWordWrap(true);
    m_planStatus->setForegroundRole(QPalette::PlaceholderText);
    contentLayout->addWidget(m_planStatus);
    m_stepsLayout->setSpacing(10);
    m_steps->setObjectName(u"planSteps"_s);
    contentLayout->addWidget(m_steps);
    contentLayout->addStretch(1);
    layout->addWidget(scrollFor(content, this), 1);

    auto *confirmRow = new QWidget(this);
    m_confirmRow = confirmRow;
    QVBoxLayout *confirmLayout = bareColumn(confirmRow);
    confirmLayout->setContentsMargins(0, 6, 0, 0);
    m_confirmLabel->setObjectName(u"confirmLabel"_s);
    m_confirmLabel->setTextFormat(Qt::RichText);
    m_confirmLabel->setWordWrap(true);
    m_confirmLabel->setBuddy(m_confirm);
    m_confirm->setObjectName(u"confirmField"_s);
    confirmLayout->addWidget(m_confirmLabel);
    confirmLayout->addWidget(m_confirm);
    confirmRow->hide();
    layout->addWidget(confirmRow);

    m_status->setObjectName(u"submitStatus"_s);
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);
}

void ReviewPage::initializePage()
{
    if (entered) {
        entered();
    }
}

void ReviewPage::setComplete(bool complete)
{
    if (complete != m_complete) {
        m_complete = complete;
        Q_EMIT completeChanged();
    }
}

void ReviewPage::setStatus(const QString &text, bool error)
{
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText,
               error ? KindStyle::severityColor(Error::Severity::Error) : palette().color(QPalette::WindowText));
    m_status->setPalette(p);
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void ReviewPage::clearParameters()
{
    while (m_parameterForm->rowCount() > 0) {
        m_parameterForm->removeRow(0);
    }
}

void ReviewPage::addParameter(const QString &title, const QString &value)
{
    auto *label = new QLabel(title, m_parameters);
    label->setForegroundRole(QPalette::PlaceholderText);
    // Not wrapped: QFormLayout gives a wrapped label one line's height and cuts the rest off.
    label->setToolTip(title);
    auto *shown = new QLabel(m_parameters);
    shown->setTextFormat(Qt::PlainText);
    shown->setWordWrap(true);
    shown->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (value.isEmpty()) {
        shown->setText(Tr::tr("not set"));
        shown->setForegroundRole(QPalette::PlaceholderText);
    } else {
        shown->setText(value);
    }
    m_parameterForm->addRow(label, shown);
}

void ReviewPage::addParameterRows(const FormField &field, const QJsonValue &value, const QString &prefix)
{
    const QString title = prefix.isEmpty() ? field.displayTitle() : Tr::tr("%1 › %2").arg(prefix, field.displayTitle());
    if (field.type == Type::Object && !field.children.isEmpty()) {
        for (const FormField &child : field.children) {
            addParameterRows(child, value.toObject().value(child.key), title);
        }
        return;
    }
    addParameter(title, displayValue(field, value));
}

int ReviewPage::parameterCount() const
{
    return m_parameterForm->rowCount();
}

void ReviewPage::clearPlan()
{
    while (QLayoutItem *item = m_stepsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void ReviewPage::addStep(int number, const PlannedStep &step)
{
    auto *card = new Card(Tr::tr("%1. %2").arg(number).arg(step.name), m_steps);
    card->setObjectName(u"planStep:"_s + step.id);
    QLabel *action = mutedLabel(card, u"stepAction"_s);
    action->setText(step.action);
    card->addHeaderWidget(action);
    QVBoxLayout *body = card->contentLayout();
    const auto line = [&](const QString &text, const QString &name) {
        QLabel *label = smallLabel(card, name);
        label->setText(text);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        body->addWidget(label);
        return label;
    };
    if (step.skipped) {
        line(Tr::tr("Skipped: its condition is false for these parameters."), u"stepSkipped"_s)
            ->setForegroundRole(QPalette::PlaceholderText);
    } else {
        const StepPreview &p = step.preview;
        if (!p.method.isEmpty() || !p.target.isEmpty()) {
            QLabel *target = line({}, u"stepTarget"_s);
            target->setTextFormat(Qt::RichText);
            target->setText(u"<b>%1</b> → %2"_s.arg(p.method.toHtmlEscaped(), p.target.toHtmlEscaped()));
        }
        if (step.waitsForEarlierSteps) {
            line(Tr::tr("Uses the outputs of earlier steps: those values are filled in when the steps have "
                        "run, and are shown here as written."),
                 u"stepWaits"_s)
                ->setForegroundRole(QPalette::PlaceholderText);
        }
        for (const QString &note : p.notes) {
            line(Tr::tr("• %1").arg(note), u"stepNote"_s);
        }
        if (!p.body.isEmpty()) {
            auto *view = new CodeView(card);
            view->setObjectName(u"stepBody"_s);
            view->setPlainText(p.body);
            const int lines = std::clamp(int(view->document()->blockCount()), 2, 14);
            const int frame = view->frameWidth() * 2 + int(view->document()->documentMargin() * 2);
            view->setFixedHeight(lines * view->fontMetrics().lineSpacing() + frame
                                 + view->horizontalScrollBar()->sizeHint().height() + 2);
            body->addWidget(view);
        }
    }
    for (const Error &e : step.problems) {
        QLabel *problem = errorLabel(card, u"stepProblem"_s);
        problem->setText(e.field.isEmpty() ? e.message : Tr::tr("%1 (%2)").arg(e.message, e.field));
        problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
        body->addWidget(problem);
    }
    m_stepsLayout->addWidget(card);
    // Shown now rather than when the layout's queued show arrives, so that the page (and reviewText(), which
    // reads what is visible) has the whole plan as soon as showPlan() returns.
    card->show();
}

} // namespace Portolan::Ui::Wizard
