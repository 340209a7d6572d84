#include "ProblemsModel.h"

#include "Format.h"
#include "KindStyle.h"

using namespace Qt::StringLiterals;
using namespace Portolan::Core;

namespace Portolan::Ui {

ProblemsModel::ProblemsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ProblemsModel::~ProblemsModel() = default;

void ProblemsModel::setProblems(const ErrorList &problems, const QString &workspaceRoot)
{
    beginResetModel();
    m_problems = problems;
    m_root = workspaceRoot;
    endResetModel();
}

int ProblemsModel::count(Error::Severity severity) const
{
    return int(std::count_if(m_problems.cbegin(), m_problems.cend(),
                             [severity](const Error &e) { return e.severity == severity; }));
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Error &e = m_problems.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return Format::severityLabel(e.severity);
        case MessageColumn:
            return e.message;
        case FileColumn:
            return Format::displayPath(e.file, m_root);
        case LocationColumn:
            return Format::location(e.line, e.column);
        case FieldColumn:
            return e.field;
        case EntityColumn:
            return e.entityRef;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn) {
            return KindStyle::severityIcon(e.severity);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn || index.column() == SeverityColumn) {
            QString tip = u"<p>%1</p>"_s.arg(e.message.toHtmlEscaped());
            if (!e.detail.isEmpty()) {
                tip += u"<p><tt>%1</tt></p>"_s.arg(e.detail.toHtmlEscaped());
            }
            return tip;
        }
        if (index.column() == FileColumn) {
            return e.file;
        }
        break;
    case SeverityRole:
        return int(e.severity);
    case FilePathRole:
        return e.file;
    case LineRole:
        return e.line;
    case ColumnRole:
        return e.column;
    case EntityRefRole:
        return e.entityRef;
    case SortRole:
        switch (index.column()) {
        case SeverityColumn:
            return int(e.severity);
        case LocationColumn:
            return qint64(e.line) * 100000 + e.column;
        default:
            return data(index, Qt::DisplayRole);
        }
    default:
        break;
    }
    return {};
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Message");
    case FileColumn:
        return tr("File");
    case LocationColumn:
        return tr("Line:Col");
    case FieldColumn:
        return tr("Field");
    case EntityColumn:
        return tr("Entity");
    }
    return {};
}

Qt::ItemFlags ProblemsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace Portolan::Ui
