#include "importjobsourcemodel.h"

#include "importjobmodel.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace bge::ui {

using namespace Qt::StringLiterals;

int ImportJobSourceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_sources.size());
}

int ImportJobSourceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportJobSourceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const omics::ImportJobSource& s = m_sources.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Files:
            return s.source2.isEmpty()
                       ? s.source1
                       : s.source1 + (role == Qt::ToolTipRole ? u"\n"_s : u" + "_s) + s.source2;
        case Type:
            return s.sourceFileType;
        case Subject:
            return s.subjectId;
        case Sample:
            return s.sampleId;
        case Name:
            return s.name;
        case Status:
            return role == Qt::ToolTipRole ? s.status : ImportJobModel::statusText(s.status);
        case Message:
            return s.statusMessage;
        case ReadSet:
            return s.readSetId;
        default:
            return {};
        }
    }
    if (role == Qt::FontRole && index.column() == ReadSet && !s.readSetId.isEmpty()) {
        QFont link;
        link.setUnderline(true); // activating the row (Enter, double-click) opens the read set
        return link;
    }
    if (role == Qt::ForegroundRole && index.column() == ReadSet && !s.readSetId.isEmpty())
        return QGuiApplication::palette().brush(QPalette::Link);
    return {};
}

QVariant ImportJobSourceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Files:
        return tr("Source files");
    case Type:
        return tr("Type");
    case Subject:
        return tr("Subject");
    case Sample:
        return tr("Sample");
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case Message:
        return tr("Message");
    case ReadSet:
        return tr("Read set");
    default:
        return {};
    }
}

void ImportJobSourceModel::setSources(const QList<omics::ImportJobSource>& sources)
{
    // The same sources in the same order (a job read again while it runs): changed in place,
    // so the selection stays.
    if (sources.size() == m_sources.size() && !sources.isEmpty()) {
        bool same = true;
        for (qsizetype i = 0; i < sources.size() && same; ++i)
            same = sources.at(i).source1 == m_sources.at(i).source1 &&
                   sources.at(i).source2 == m_sources.at(i).source2;
        if (same) {
            m_sources = sources;
            Q_EMIT dataChanged(index(0, 0), index(int(m_sources.size()) - 1, ColumnCount - 1));
            return;
        }
    }
    beginResetModel();
    m_sources = sources;
    endResetModel();
}

} // namespace bge::ui
