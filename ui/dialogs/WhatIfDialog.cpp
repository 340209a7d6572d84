#include "WhatIfDialog.h"

#include "models/ScorecardModels.h"
#include "widgets/CodeView.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

WhatIfDialog::WhatIfDialog(ScorecardsController *controller, const Scorecard &card, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_file(card.file)
    , m_editor(new CodeView(this))
    , m_evaluate(new QPushButton(tr("&Evaluate"), this))
    , m_summary(new QLabel(this))
    , m_moves(new QTreeWidget(this))
{
    setObjectName(u"whatIfDialog"_s);
    setWindowTitle(tr("What If: %1").arg(card.displayTitle()));
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Edit the scorecard below and evaluate it against the current catalog. Nothing is "
                               "saved: copy the text into %1 when you are happy with it.")
                                .arg(QFileInfo(card.file).fileName()),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_editor->setObjectName(u"whatIfEditor"_s);
    m_editor->setReadOnly(false);
    m_editor->setYamlHighlighting(true);
    QFile in(card.file);
    if (in.open(QIODevice::ReadOnly)) {
        m_editor->setPlainText(QString::fromUtf8(in.readAll()));
    }
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_summary->setObjectName(u"whatIfSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setText(tr("Press Evaluate to see which entities would move."));
    m_moves->setObjectName(u"whatIfMoves"_s);
    m_moves->setHeaderLabels({tr("Entity"), tr("Now"), tr("With the edit"), tr("Score")});
    m_moves->setRootIsDecorated(false);
    m_moves->setUniformRowHeights(true);
    m_moves->setSortingEnabled(true);
    m_moves->setColumnWidth(0, 200);
    connect(m_moves, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { Q_EMIT entityRequested(item->data(0, Qt::UserRole).toString()); });
    rightLayout->addWidget(m_summary);
    rightLayout->addWidget(m_moves, 1);
    splitter->addWidget(m_editor);
    splitter->addWidget(right);
    splitter->setSizes({520, 520});
    layout->addWidget(splitter, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_evaluate->setObjectName(u"whatIfEvaluate"_s);
    m_evaluate->setDefault(true);
    buttons->addButton(m_evaluate, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_evaluate, &QPushButton::clicked, this, &WhatIfDialog::evaluate);
    layout->addWidget(buttons);
    connect(controller, &ScorecardsController::whatIfReady, this, &WhatIfDialog::onWhatIf);
    resize(1100, 680);
}

WhatIfDialog::~WhatIfDialog() = default;

void WhatIfDialog::evaluate()
{
    m_evaluate->setEnabled(false);
    m_summary->setText(tr("Evaluating…"));
    m_request = m_controller->requestWhatIf(m_editor->toPlainText().toUtf8(), m_file);
}

void WhatIfDialog::onWhatIf(const ScorecardsController::WhatIf &w)
{
    if (w.requestId != m_request) {
        return;
    }
    m_evaluate->setEnabled(true);
    m_moves->clear();
    QStringList problems;
    for (const Error &e : w.problems) {
        problems << tr("line %1: %2")
                        .arg(e.line)
                        .arg(e.message + (e.field.isEmpty() ? QString() : u" ("_s + e.field + u')'))
                        .toHtmlEscaped();
    }
    if (!w.edited) {
        m_summary->setText(
            u"<b>%1</b><br>%2"_s.arg(tr("The text gives no scorecard.").toHtmlEscaped(), problems.join(u"<br>"_s)));
        return;
    }
    const ScorecardComparison &c = w.comparison;
    QString text = tr("<b>%1 up</b>, <b>%2 down</b>, %3 unchanged, %4 with another score.")
                       .arg(c.up)
                       .arg(c.down)
                       .arg(c.same)
                       .arg(int(c.moves.size()) - c.up - c.down);
    if (!problems.isEmpty()) {
        text += u"<br><span style='color:#dc2626'>%1</span><br>%2"_s.arg(
            tr("Problems (those rules are left out):").toHtmlEscaped(), problems.join(u"<br>"_s));
    }
    m_summary->setText(text);
    const auto level = [](const Scorecard &card, bool scored, int index) {
        return scored ? ScorecardStyle::levelLabel(card, index) : tr("not scored");
    };
    QList<QTreeWidgetItem *> items;
    for (const ScorecardMove &m : c.moves) {
        const Entity &e = w.catalog->entity(m.entity);
        auto *item = new QTreeWidgetItem;
        item->setText(0, e.displayName());
        item->setToolTip(0, e.refString());
        item->setData(0, Qt::UserRole, e.key());
        item->setText(1, level(*w.current, m.scoredBefore, m.before));
        item->setText(2, level(*w.edited, m.scoredAfter, m.after));
        item->setForeground(2, m.direction > 0   ? QColor(0x16, 0xa3, 0x4a)
                               : m.direction < 0 ? QColor(0xdc, 0x26, 0x26)
                                                 : palette().color(QPalette::WindowText));
        item->setText(3, u"%1% → %2%"_s.arg(std::round(m.beforeScore)).arg(std::round(m.afterScore)));
        items.append(item);
    }
    m_moves->addTopLevelItems(items);
    Q_EMIT evaluated();
}

} // namespace Portolan::Ui
