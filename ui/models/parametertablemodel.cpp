#include "parametertablemodel.h"

namespace bge::ui {

ParameterTableModel::Parameters ParameterTableModel::parameters() const
{
    Parameters result;
    for (const auto& [name, value] : m_rows) {
        if (!name.trimmed().isEmpty())
            result.append({name.trimmed(), value.trimmed()});
    }
    return result;
}

void ParameterTableModel::setParameters(const Parameters& parameters)
{
    beginResetModel();
    m_rows = parameters;
    endResetModel();
}

void ParameterTableModel::setValue(const QString& name, const QString& value)
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].first.trimmed() == name) {
            m_rows[row].second = value;
            const QModelIndex changed = index(int(row), Value);
            Q_EMIT dataChanged(changed, changed);
            return;
        }
    }
    beginInsertRows({}, 0, 0);
    m_rows.prepend({name, value});
    endInsertRows();
}

QModelIndex ParameterTableModel::appendRow()
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(std::pair<QString, QString>());
    endInsertRows();
    return index(row, Name);
}

int ParameterTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ParameterTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ParameterTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != SortRole)
        return {};
    const auto& [name, value] = m_rows[index.row()];
    return index.column() == Name ? name : value;
}

bool ParameterTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    QString& cell = index.column() == Name ? m_rows[index.row()].first : m_rows[index.row()].second;
    if (cell == value.toString())
        return true;
    cell = value.toString();
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

Qt::ItemFlags ParameterTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

QVariant ParameterTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Parameter");
    case Value:
        return tr("Value");
    default:
        return {};
    }
}

bool ParameterTableModel::removeRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    return true;
}

} // namespace bge::ui
