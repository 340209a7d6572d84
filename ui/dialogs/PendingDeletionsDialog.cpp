#include "PendingDeletionsDialog.h"

#include "models/Format.h"
#include "models/KindStyle.h"
#include "widgets/SearchField.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStringListModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

namespace {

QLabel *bigNumber(int value, const QString &caption, const QColor &color, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::RichText);
    label->setAlignment(Qt::AlignCenter);
    label->setText(u"<div style=\"font-size:20pt; font-weight:600; color:%1\">%2</div><div>%3</div>"_s.arg(
        color.name(), QLocale().toString(value), caption.toHtmlEscaped()));
    return label;
}

QListView *refList(QSortFilterProxyModel *model, QWidget *parent)
{
    auto *view = new QListView(parent);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setUniformItemSizes(true);
    view->setAlternatingRowColors(true);
    return view;
}

} // namespace

PendingDeletionsDialog::PendingDeletionsDialog(const PendingDeletions &pending, QWidget *parent)
    : QDialog(parent)
    , m_pending(pending)
    , m_filter(new SearchField(this))
    , m_removedModel(new QStringListModel(pending.removed, this))
    , m_addedModel(new QStringListModel(pending.added, this))
    , m_removedProxy(new QSortFilterProxyModel(this))
    , m_addedProxy(new QSortFilterProxyModel(this))
    , m_removedLabel(new QLabel(this))
    , m_addedLabel(new QLabel(this))
    , m_accept(new QPushButton(tr("Accept Changes"), this))
    , m_reject(new QPushButton(tr("Keep Current Data"), this))
    , m_later(new QPushButton(tr("Decide Later"), this))
{
    setObjectName(u"pendingDeletionsDialog"_s);
    setWindowTitle(tr("Review Held-Back Sync — %1").arg(pending.sourceTitle));
    setSizeGripEnabled(true);
    m_accept->setObjectName(u"acceptDeletions"_s);
    m_reject->setObjectName(u"rejectDeletions"_s);
    m_later->setObjectName(u"decideLater"_s);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);

    auto *heading = new QLabel(tr("The sync of “%1” was held back").arg(pending.sourceTitle), this);
    heading->setObjectName(u"pendingHeading"_s);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setWeight(QFont::DemiBold);
    heading->setFont(f);
    layout->addWidget(heading);

    const int removed = int(pending.removed.size());
    const int percent = pending.before > 0 ? int(std::lround(100.0 * removed / pending.before)) : 0;
    auto *explanation = new QLabel(
        tr("It would remove %1 of the %2 entities this source provides (%3%; more than %4% is held back). That is "
           "more often a moved folder, an emptied file or a broken server than a real clean-up. Until you decide, "
           "the catalog keeps the source's last good data. Held back %5.")
            .arg(removed)
            .arg(pending.before)
            .arg(percent)
            .arg(int(std::lround(pending.threshold * 100)))
            .arg(Format::relativeTime(pending.heldAt)),
        this);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);

    auto *numbers = new QHBoxLayout;
    numbers->setSpacing(24);
    const QColor neutral = palette().color(QPalette::WindowText);
    numbers->addStretch(1);
    numbers->addWidget(bigNumber(pending.before, tr("entities now"), neutral, this));
    auto *arrow = new QLabel(u"→"_s, this);
    QFont af = arrow->font();
    af.setPointSizeF(af.pointSizeF() * 2);
    arrow->setFont(af);
    arrow->setForegroundRole(QPalette::PlaceholderText);
    numbers->addWidget(arrow);
    numbers->addWidget(bigNumber(pending.after, tr("after this sync"), neutral, this));
    numbers->addSpacing(24);
    numbers->addWidget(bigNumber(removed, tr("removed"), KindStyle::severityColor(Error::Severity::Error), this));
    numbers->addWidget(bigNumber(int(pending.added.size()), tr("added"), QColor(0x15, 0x80, 0x3d), this));
    numbers->addStretch(1);
    layout->addLayout(numbers);

    m_filter->setObjectName(u"pendingFilter"_s);
    m_filter->setPlaceholderText(tr("Filter the entity references"));
    layout->addWidget(m_filter);

    for (QSortFilterProxyModel *proxy : {m_removedProxy, m_addedProxy}) {
        proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    }
    m_removedProxy->setSourceModel(m_removedModel);
    m_addedProxy->setSourceModel(m_addedModel);
    auto *lists = new QGridLayout;
    lists->setHorizontalSpacing(12);
    QListView *removedView = refList(m_removedProxy, this);
    removedView->setObjectName(u"removedRefs"_s);
    m_addedView = refList(m_addedProxy, this);
    m_addedView->setObjectName(u"addedRefs"_s);
    lists->addWidget(m_removedLabel, 0, 0);
    lists->addWidget(m_addedLabel, 0, 1);
    lists->addWidget(removedView, 1, 0);
    lists->addWidget(m_addedView, 1, 1);
    lists->setColumnStretch(0, 3);
    lists->setColumnStretch(1, 2);
    layout->addLayout(lists, 1);
    connect(m_filter, &QLineEdit::textChanged, this, &PendingDeletionsDialog::setFilterText);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_later, QDialogButtonBox::RejectRole);
    buttons->addButton(m_reject, QDialogButtonBox::ActionRole);
    buttons->addButton(m_accept, QDialogButtonBox::ActionRole);
    m_accept->setToolTip(
        tr("Apply the sync: the %n entities no longer in the source leave the catalog", nullptr, removed));
    m_reject->setToolTip(tr("Drop this sync and keep the last good data; the next sync is checked again"));
    m_later->setToolTip(tr("Close and keep the sync waiting; the Sources page and the banner remind you"));
    m_later->setDefault(true);
    connect(m_accept, &QPushButton::clicked, this, [this] { decide(Decision::Accept); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(Decision::Reject); });
    connect(m_later, &QPushButton::clicked, this, [this] { decide(Decision::Later); });
    layout->addWidget(buttons);

    updateCounts();
    resize(820, 620);
}

PendingDeletionsDialog::~PendingDeletionsDialog() = default;

void PendingDeletionsDialog::setFilterText(const QString &text)
{
    if (m_filter->text() != text) {
        m_filter->setText(text);
    }
    m_removedProxy->setFilterFixedString(text.trimmed());
    m_addedProxy->setFilterFixedString(text.trimmed());
    updateCounts();
}

int PendingDeletionsDialog::shownRemoved() const
{
    return m_removedProxy->rowCount();
}

int PendingDeletionsDialog::shownAdded() const
{
    return m_addedProxy->rowCount();
}

void PendingDeletionsDialog::updateCounts()
{
    const auto caption = [](const QString &title, int shown, int total) {
        return shown == total ? u"<b>%1</b> (%2)"_s.arg(title.toHtmlEscaped()).arg(total)
                              : u"<b>%1</b> (%2)"_s.arg(title.toHtmlEscaped(), tr("%1 of %2").arg(shown).arg(total));
    };
    m_removedLabel->setText(caption(tr("Would be removed"), shownRemoved(), int(m_pending.removed.size())));
    m_addedLabel->setText(caption(tr("Would be added"), shownAdded(), int(m_pending.added.size())));
}

void PendingDeletionsDialog::decide(Decision decision)
{
    m_decision = decision;
    Q_EMIT decided(m_pending.sourceId, decision);
    if (decision == Decision::Later) {
        reject();
    } else {
        accept();
    }
}

} // namespace Portolan::Ui
