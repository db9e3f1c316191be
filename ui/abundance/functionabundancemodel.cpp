#include "functionabundancemodel.h"

#include "abundanceformat.h"

namespace bge::ui {

void FunctionAbundanceModel::append(const QList<bge::FunctionAbundance>& functions)
{
    if (functions.isEmpty())
        return;
    beginInsertRows({}, int(m_functions.size()), int(m_functions.size() + functions.size() - 1));
    m_functions.append(functions);
    endInsertRows();
}

void FunctionAbundanceModel::clear()
{
    beginResetModel();
    m_functions.clear();
    endResetModel();
}

int FunctionAbundanceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_functions.size());
}

int FunctionAbundanceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FunctionAbundanceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bge::FunctionAbundance& f = m_functions[index.row()];
    if (role == Qt::TextAlignmentRole)
        return index.column() == Abundance ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                           : QVariant();
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case FunctionId:
        return f.functionId;
    case Name:
        return f.name;
    case Abundance:
        return role == SortRole ? abundanceSortValue(f.observation.value)
                                : abundanceText(f.observation.value);
    case System:
        return f.system;
    default:
        return {};
    }
}

QVariant FunctionAbundanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FunctionId:
        return tr("ID");
    case Name:
        return tr("Name");
    case Abundance:
        return tr("Abundance (%)");
    case System:
        return tr("System");
    default:
        return {};
    }
}

} // namespace bge::ui
