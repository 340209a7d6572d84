#include "LiveTabSupport.h"

#include "models/LiveTableModels.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Portolan::Ui::LiveTabSupport {

namespace {

void openRow(const QModelIndex &index)
{
    const QString url = index.data(LiveTableModel::UrlRole).toString();
    if (!url.isEmpty()) {
        QDesktopServices::openUrl(QUrl(url));
    }
}

// Enter opens the current row like a double-click does.
class EnterOpens final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                if (auto *view = qobject_cast<QTreeView *>(watched)) {
                    openRow(view->currentIndex());
                    return true;
                }
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

QTreeView *makeListView(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(objectName);
    auto *proxy = new QSortFilterProxyModel(view);
    proxy->setSourceModel(model);
    proxy->setSortRole(LiveTableModel::SortRole);
    view->setModel(proxy);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder); // the model's own order (newest first) until a header is clicked
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->header()->setStretchLastSection(true);
    view->installEventFilter(new EnterOpens(view));
    QObject::connect(view, &QTreeView::activated, view, &openRow);
    return view;
}

QLabel *makeEmptyLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    label->setOpenExternalLinks(true);
    return label;
}

QLabel *makeSectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

void fitColumns(QTreeView *view)
{
    const int columns = view->model() ? view->model()->columnCount() : 0;
    for (int c = 0; c + 1 < columns; ++c) {
        view->resizeColumnToContents(c);
        view->setColumnWidth(c, std::min(view->columnWidth(c) + 12, 420));
    }
}

QString problemsHtml(const Core::ErrorList &problems)
{
    if (problems.isEmpty()) {
        return {};
    }
    QStringList items;
    for (const Core::Error &e : problems) {
        items.append(u"<li>%1</li>"_s.arg(e.message.toHtmlEscaped()));
    }
    return u"<p style=\"color:#b45309\">%1</p><ul style=\"margin-top:0\">%2</ul>"_s.arg(
        QCoreApplication::translate("LiveTabSupport", "Some parts could not be read:").toHtmlEscaped(),
        items.join(QString()));
}

} // namespace Portolan::Ui::LiveTabSupport
