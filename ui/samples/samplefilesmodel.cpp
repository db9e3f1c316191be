#include "samplefilesmodel.h"

#include "sampleformat.h"

#include <QLocale>

namespace bge::ui {

SampleFilesModel::SampleFilesModel(QObject* parent) : QAbstractTableModel(parent) {}

void SampleFilesModel::setFiles(const QList<SampleFile>& files)
{
    beginResetModel();
    m_files = files;
    endResetModel();
}

int SampleFilesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

int SampleFilesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SampleFilesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SampleFile& f = m_files.at(index.row());
    if (role == ObjectNameRole)
        return f.objectName;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Size ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ToolTipRole && index.column() == Size && f.size >= 0)
        return tr("%1 bytes").arg(QLocale().toString(f.size));
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (Column(index.column())) {
    case FileName:
        return suggestedFileName(f);
    case DataType:
        return f.dataType;
    case Format:
        return f.format;
    case Size:
        if (role == SortRole)
            return f.size;
        return SampleFormat::sizeText(f.size);
    case Md5:
        return f.md5;
    case ObjectName:
        return f.objectName;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SampleFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case FileName:
        return tr("File");
    case DataType:
        return tr("Data type");
    case Format:
        return tr("Format");
    case Size:
        return tr("Size");
    case Md5:
        return tr("MD5");
    case ObjectName:
        return tr("Object name");
    case ColumnCount:
        break;
    }
    return {};
}

QString SampleFilesModel::suggestedFileName(const SampleFile& file)
{
    // Only a last path part: a name from the server must not point the save elsewhere.
    const QString name = (file.fileName.isEmpty() ? file.objectName : file.fileName)
                             .section(QLatin1Char('/'), -1)
                             .section(QLatin1Char('\\'), -1)
                             .trimmed();
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
        return tr("download");
    return name;
}

} // namespace bge::ui
