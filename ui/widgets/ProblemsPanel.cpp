#include "ProblemsPanel.h"

#include "Icons.h"
#include "models/Format.h"
#include "models/KindStyle.h"
#include "models/ProblemsFilterModel.h"
#include "models/ProblemsModel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

QToolButton *severityButton(Error::Severity severity, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setCheckable(true);
    b->setChecked(true);
    b->setAutoRaise(true);
    b->setIcon(KindStyle::severityIcon(severity));
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return b;
}

} // namespace

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ProblemsModel(this))
    , m_filter(new ProblemsFilterModel(this))
    , m_errors(severityButton(Error::Severity::Error, this))
    , m_warnings(severityButton(Error::Severity::Warning, this))
    , m_notes(severityButton(Error::Severity::Info, this))
    , m_text(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_errors->setObjectName(u"problemsShowErrors"_s);
    m_warnings->setObjectName(u"problemsShowWarnings"_s);
    m_notes->setObjectName(u"problemsShowNotes"_s);
    m_text->setObjectName(u"problemsFilter"_s);
    m_view->setObjectName(u"problemsView"_s);
    m_text->setPlaceholderText(tr("Filter problems…"));
    m_text->setClearButtonEnabled(true);
    m_text->addAction(Icons::icon(Icons::Glyph::Filter), QLineEdit::LeadingPosition);
    m_text->setMaximumWidth(320);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->setSpacing(4);
    bar->addWidget(m_errors);
    bar->addWidget(m_warnings);
    bar->addWidget(m_notes);
    bar->addSpacing(8);
    bar->addWidget(m_text, 1);
    bar->addStretch(0);
    bar->addWidget(m_summary);

    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProblemsModel::SeverityColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ProblemsModel::MessageColumn, QHeaderView::Stretch);
    header->resizeSection(ProblemsModel::SeverityColumn, 100);
    header->resizeSection(ProblemsModel::FileColumn, 300);
    header->resizeSection(ProblemsModel::LocationColumn, 80);
    header->resizeSection(ProblemsModel::FieldColumn, 150);
    header->resizeSection(ProblemsModel::EntityColumn, 230);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    const auto bindSeverity = [this](QToolButton *button, Error::Severity severity) {
        connect(button, &QToolButton::toggled, this, [this, severity](bool on) {
            m_filter->setSeverityShown(severity, on);
            updateCounts();
        });
    };
    bindSeverity(m_errors, Error::Severity::Error);
    bindSeverity(m_warnings, Error::Severity::Warning);
    bindSeverity(m_notes, Error::Severity::Info);
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateCounts();
    });
    connect(m_view, &QTableView::activated, this, &ProblemsPanel::openRow);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ProblemsPanel::showContextMenu);
    updateCounts();
}

ProblemsPanel::~ProblemsPanel() = default;

void ProblemsPanel::setProblems(const ErrorList &problems, const QString &workspaceRoot)
{
    m_root = workspaceRoot;
    m_model->setProblems(problems, workspaceRoot);
    updateCounts();
}

void ProblemsPanel::focusTable()
{
    m_view->setFocus(Qt::OtherFocusReason);
    if (!m_view->currentIndex().isValid() && m_filter->rowCount() > 0) {
        m_view->setCurrentIndex(m_filter->index(0, 0));
    }
}

void ProblemsPanel::openRow(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid()) {
        return;
    }
    const QModelIndex source = m_filter->mapToSource(proxyIndex);
    Q_EMIT openProblemRequested(m_model->problem(source.row()));
}

void ProblemsPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex proxyIndex = m_view->indexAt(pos);
    if (!proxyIndex.isValid()) {
        return;
    }
    const Error problem = m_model->problem(m_filter->mapToSource(proxyIndex).row());
    QMenu menu(this);
    QAction *open = menu.addAction(Icons::icon(Icons::Glyph::File), tr("Open File at Line %1").arg(problem.line));
    open->setEnabled(!problem.file.isEmpty());
    QAction *entity = menu.addAction(tr("Show Entity %1").arg(problem.entityRef));
    entity->setVisible(!problem.entityRef.isEmpty());
    menu.addSeparator();
    QAction *copy = menu.addAction(Icons::icon(Icons::Glyph::Copy), tr("Copy Problem"));
    QAction *chosen = menu.exec(m_view->viewport()->mapToGlobal(pos));
    if (chosen == open) {
        Q_EMIT openProblemRequested(problem);
    } else if (chosen == entity) {
        Q_EMIT showEntityRequested(problem.entityRef);
    } else if (chosen == copy) {
        Error shown = problem;
        shown.file = Format::displayPath(problem.file, m_root);
        QApplication::clipboard()->setText(shown.toString());
    }
}

void ProblemsPanel::updateCounts()
{
    const int errors = m_model->count(Error::Severity::Error);
    const int warnings = m_model->count(Error::Severity::Warning);
    const int notes = m_model->count(Error::Severity::Info);
    m_errors->setText(tr("%n error(s)", nullptr, errors));
    m_warnings->setText(tr("%n warning(s)", nullptr, warnings));
    m_notes->setText(tr("%n note(s)", nullptr, notes));
    m_errors->setToolTip(tr("Show or hide errors"));
    m_warnings->setToolTip(tr("Show or hide warnings"));
    m_notes->setToolTip(tr("Show or hide notes"));
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    m_summary->setText(shown == total ? QString() : tr("%1 of %n shown", nullptr, total).arg(shown));
    if (total == 0) {
        m_empty->setText(tr("No problems: every descriptor was read and validated."));
        m_stack->setCurrentWidget(m_empty);
    } else if (shown == 0) {
        m_empty->setText(tr("No problem matches the filter."));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_view);
    }
}

} // namespace Portolan::Ui
