#include "DecisionDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

DecisionDialog::DecisionDialog(const QString &runKey, const QString &title, bool approve, QWidget *parent)
    : QDialog(parent)
    , m_runKey(runKey)
    , m_approve(approve)
    , m_comment(new QPlainTextEdit(this))
    , m_confirm(nullptr)
{
    setObjectName(u"decisionDialog"_s);
    setWindowTitle(approve ? tr("Approve Request") : tr("Reject Request"));
    auto *layout = new QVBoxLayout(this);
    auto *question = new QLabel(approve ? tr("Approve <b>%1</b>?").arg(title.toHtmlEscaped())
                                        : tr("Reject <b>%1</b>?").arg(title.toHtmlEscaped()),
                                this);
    question->setWordWrap(true);
    layout->addWidget(question);
    auto *hint = new QLabel(approve ? tr("Comment (optional):") : tr("Why? The requester sees this comment:"), this);
    layout->addWidget(hint);
    m_comment->setObjectName(u"decisionComment"_s);
    m_comment->setTabChangesFocus(true);
    m_comment->setMinimumHeight(80);
    layout->addWidget(m_comment);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(approve ? tr("Approve") : tr("Reject"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(u"confirmDecision"_s);
    m_confirm->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_comment, &QPlainTextEdit::textChanged, this, &DecisionDialog::updateButton);
    updateButton();
    resize(440, sizeHint().height());
}

DecisionDialog::~DecisionDialog() = default;

QString DecisionDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

void DecisionDialog::setComment(const QString &comment)
{
    m_comment->setPlainText(comment);
}

void DecisionDialog::updateButton()
{
    m_confirm->setEnabled(m_approve || !comment().isEmpty());
}

} // namespace Portolan::Ui
