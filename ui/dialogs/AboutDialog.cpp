#include "AboutDialog.h"

#include "config/AppInfo.h"
#include "widgets/Icons.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Portolan::Ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_components(new QTableWidget(this))
{
    setWindowTitle(tr("About Portolan"));
    setObjectName(u"aboutDialog"_s);

    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::appIcon().pixmap(QSize(64, 64), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop);
    icon->setAccessibleName(tr("Portolan icon"));

    auto *title = new QLabel(tr("<h2>Portolan %1</h2>").arg(Core::AppInfo::version), this);
    title->setObjectName(u"aboutTitle"_s);
    auto *text = new QLabel(
        tr("<p>A native desktop internal developer portal: your platform's software catalog, its dependency graph, "
           "scorecards and self-service actions, from an offline cache and the platform's own APIs.</p>"
           "<p><a href=\"%1\">%1</a><br>Application id: %2</p>")
            .arg(Core::AppInfo::homepage, Core::AppInfo::id),
        this);
    text->setWordWrap(true);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *built = new QLabel(tr("Portolan is built on these libraries:"), this);
    m_components->setObjectName(u"aboutComponents"_s);
    m_components->setAccessibleName(tr("Libraries, their versions and licences"));
    m_components->setColumnCount(3);
    m_components->setHorizontalHeaderLabels({tr("Library"), tr("Version"), tr("Licence")});
    m_components->verticalHeader()->hide();
    m_components->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_components->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_components->setShowGrid(false);
    const QList<Core::AppInfo::Component> components = Core::AppInfo::components();
    m_components->setRowCount(int(components.size()));
    for (int row = 0; row < components.size(); ++row) {
        const Core::AppInfo::Component &c = components.at(row);
        auto *name = new QTableWidgetItem(c.name);
        name->setToolTip(c.url);
        m_components->setItem(row, 0, name);
        m_components->setItem(row, 1, new QTableWidgetItem(c.version.isEmpty() ? tr("unknown") : c.version));
        auto *licence = new QTableWidgetItem(c.licence);
        licence->setToolTip(
            tr("SPDX licence identifier; the text is at https://spdx.org/licenses/%1.html").arg(c.licence));
        m_components->setItem(row, 2, licence);
    }
    m_components->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_components->horizontalHeader()->setStretchLastSection(true);
    m_components->setMinimumHeight(m_components->verticalHeader()->length() + m_components->horizontalHeader()->height()
                                   + 2 * m_components->frameWidth());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    connect(aboutQt, &QPushButton::clicked, qApp, &QApplication::aboutQt);

    auto *textColumn = new QVBoxLayout;
    textColumn->addWidget(title);
    textColumn->addWidget(text);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(textColumn, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(built);
    layout->addWidget(m_components, 1);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

AboutDialog::~AboutDialog() = default;

} // namespace Portolan::Ui
