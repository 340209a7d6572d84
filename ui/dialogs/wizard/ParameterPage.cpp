#include "ParameterPage.h"

#include "FormBlock.h"
#include "WizardSupport.h"
#include "WizardTr.h"

#include <QLabel>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui::Wizard {

ParameterPage::ParameterPage(const TemplateParameterPage &page, qsizetype index, Context *context, QWidget *parent)
    : QWizardPage(parent)
    , m_banners(new QVBoxLayout)
    , m_block(nullptr)
    , m_hint(mutedLabel(this, u"pageHint"_s))
{
    setObjectName(u"parameterPage%1"_s.arg(index));
    m_title = page.title.isEmpty() ? Tr::tr("Step %1").arg(index + 1) : page.title;
    m_description = page.description;
    setTitle(m_title);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_banners->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_banners);
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(2, 4, 12, 8);
    m_block = new FormBlock({}, context, content);
    contentLayout->addWidget(m_block);
    contentLayout->addStretch(1);
    layout->addWidget(scrollFor(content, this), 1);
    layout->addWidget(m_hint);
    m_hint->hide();
}

void ParameterPage::initializePage()
{
    // After QWizard has placed the focus on the page's first child.
    QTimer::singleShot(0, this, [this] {
        if (wizard()->currentPage() == this) {
            m_block->focusFirst();
        }
    });
}

void ParameterPage::setComplete(bool complete)
{
    if (complete != m_complete) {
        m_complete = complete;
        Q_EMIT completeChanged();
    }
}

void ParameterPage::setHint(const QStringList &messages)
{
    m_hint->setText(messages.isEmpty() ? QString() : Tr::tr("To continue: %1").arg(messages.join(u"; "_s)));
    m_hint->setVisible(!messages.isEmpty());
}

void ParameterPage::setStep(int step, int of)
{
    const QString position = Tr::tr("Step %1 of %2").arg(step).arg(of);
    const QString text = m_description.isEmpty() ? position : Tr::tr("%1 · %2").arg(position, m_description);
    if (text != subTitle()) {
        setSubTitle(text); // lays the wizard out again when shown: not on every keystroke
    }
}

} // namespace Portolan::Ui::Wizard
