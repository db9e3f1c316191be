#include "readsetuploadmodel.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>

namespace bge::ui {

using namespace Qt::StringLiterals;

int ReadSetUploadModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_proposals.size());
}

int ReadSetUploadModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReadSetUploadModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReadSetUploadProposal& p = m_proposals.at(index.row());
    const QStringList& problems = m_problems.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Files: {
            QStringList names;
            for (const QString& path : p.paths())
                names.append(role == Qt::ToolTipRole ? path : QFileInfo(path).fileName());
            return names.join(role == Qt::ToolTipRole ? u"\n"_s : u" + "_s);
        }
        case Type:
            return p.fileType;
        case Name:
            return p.name;
        case Subject:
            return p.subjectId;
        case Sample:
            return p.sampleId;
        case Reference:
            if (!p.referenceApplies())
                return role == Qt::ToolTipRole
                           ? QVariant(tr("No reference: %1 read sets are not aligned.").arg(p.fileType))
                           : QVariant(QString());
            return p.referenceArn;
        case Problems:
            if (problems.isEmpty())
                return role == Qt::ToolTipRole ? QVariant() : QVariant(tr("Ready"));
            return role == Qt::ToolTipRole ? problems.join(u'\n') : problems.first();
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == Problems) {
        const QStyle* style = QApplication::style();
        return style->standardIcon(problems.isEmpty() ? QStyle::SP_DialogApplyButton
                                                      : QStyle::SP_MessageBoxWarning);
    }
    return {};
}

QVariant ReadSetUploadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Files:
        return tr("Files");
    case Type:
        return tr("Type");
    case Name:
        return tr("Name");
    case Subject:
        return tr("Subject");
    case Sample:
        return tr("Sample");
    case Reference:
        return tr("Reference");
    case Problems:
        return tr("Check");
    default:
        return {};
    }
}

void ReadSetUploadModel::setProposals(const QList<ReadSetUploadProposal>& proposals)
{
    beginResetModel();
    m_proposals = proposals;
    m_problems.clear();
    for (const ReadSetUploadProposal& p : m_proposals)
        m_problems.append(p.problems());
    endResetModel();
}

void ReadSetUploadModel::setProposal(int row, const ReadSetUploadProposal& proposal)
{
    if (row < 0 || row >= m_proposals.size())
        return;
    m_proposals[row] = proposal;
    m_problems[row] = proposal.problems();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ReadSetUploadModel::removeProposal(int row)
{
    if (row < 0 || row >= m_proposals.size())
        return;
    beginRemoveRows({}, row, row);
    m_proposals.removeAt(row);
    m_problems.removeAt(row);
    endRemoveRows();
}

int ReadSetUploadModel::problemCount() const
{
    return int(std::count_if(m_problems.cbegin(), m_problems.cend(),
                             [](const QStringList& p) { return !p.isEmpty(); }));
}

} // namespace bge::ui
