#pragma once

#include "live/LiveTypes.h"

#include <QString>

class QAbstractItemModel;
class QLabel;
class QTreeView;
class QWidget;

// What the entity page's live tabs (CI, pull requests, deployments, runtime) share: a sortable list view that opens
// a row's upstream page on double-click or Enter, the muted "nothing here, and why" label, and section titles.
namespace Portolan::Ui::LiveTabSupport {

// A flat, sortable view over `model` (sorted by LiveTableModel::SortRole through a proxy).
[[nodiscard]] QTreeView *makeListView(QAbstractItemModel *model, const QString &objectName, QWidget *parent);
[[nodiscard]] QLabel *makeEmptyLabel(const QString &objectName, QWidget *parent);
[[nodiscard]] QLabel *makeSectionTitle(const QString &text, QWidget *parent);
// Resizes the columns to their contents, the last one stretching.
void fitColumns(QTreeView *view);
// "Some parts could not be read: …" for the problems of one read, as rich text; empty when there are none.
[[nodiscard]] QString problemsHtml(const Core::ErrorList &problems);

} // namespace Portolan::Ui::LiveTabSupport
