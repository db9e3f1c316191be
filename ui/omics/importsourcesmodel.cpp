#include "importsourcesmodel.h"

#include "importsourcecheck.h"

#include <QApplication>
#include <QStyle>

namespace bge::ui {

int ImportSourcesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_sources.size());
}

int ImportSourcesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportSourcesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const omics::ImportSourceInput& s = m_sources.at(index.row());
    const QStringList& problems = m_problems.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Uri1:
            return s.source1;
        case Uri2:
            return s.source2;
        case Type:
            return s.sourceFileType;
        case Subject:
            return s.subjectId;
        case Sample:
            return s.sampleId;
        case Name:
            return s.name;
        case Reference:
            return s.referenceArn;
        case Problems:
            if (problems.isEmpty())
                return role == Qt::ToolTipRole ? QVariant() : QVariant(tr("Ready"));
            return role == Qt::ToolTipRole ? problems.join(u'\n') : problems.first();
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == Problems)
        return QApplication::style()->standardIcon(problems.isEmpty() ? QStyle::SP_DialogApplyButton
                                                                      : QStyle::SP_MessageBoxWarning);
    return {};
}

QVariant ImportSourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Uri1:
        return tr("URI 1");
    case Uri2:
        return tr("URI 2");
    case Type:
        return tr("Type");
    case Subject:
        return tr("Subject");
    case Sample:
        return tr("Sample");
    case Name:
        return tr("Name");
    case Reference:
        return tr("Reference");
    case Problems:
        return tr("Check");
    default:
        return {};
    }
}

void ImportSourcesModel::setSources(const QList<omics::ImportSourceInput>& sources)
{
    beginResetModel();
    m_sources = sources;
    m_problems.clear();
    for (const omics::ImportSourceInput& s : m_sources)
        m_problems.append(importSourceProblems(s));
    endResetModel();
}

void ImportSourcesModel::setSource(int row, const omics::ImportSourceInput& source)
{
    if (row < 0 || row >= m_sources.size())
        return;
    m_sources[row] = source;
    m_problems[row] = importSourceProblems(source);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ImportSourcesModel::appendSource(const omics::ImportSourceInput& source)
{
    const int row = int(m_sources.size());
    beginInsertRows({}, row, row);
    m_sources.append(source);
    m_problems.append(importSourceProblems(source));
    endInsertRows();
    return row;
}

void ImportSourcesModel::removeSource(int row)
{
    if (row < 0 || row >= m_sources.size())
        return;
    beginRemoveRows({}, row, row);
    m_sources.removeAt(row);
    m_problems.removeAt(row);
    endRemoveRows();
}

int ImportSourcesModel::problemCount() const
{
    return int(std::count_if(m_problems.cbegin(), m_problems.cend(),
                             [](const QStringList& p) { return !p.isEmpty(); }));
}

} // namespace bge::ui
