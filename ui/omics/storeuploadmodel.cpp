#include "storeuploadmodel.h"

#include <QLocale>

namespace bge::ui {

using namespace Qt::StringLiterals;

int StoreUploadModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StoreUploadModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StoreUploadModel::age(const QDateTime& then, const QDateTime& now)
{
    if (!then.isValid())
        return {};
    const qint64 minutes = std::max<qint64>(0, then.secsTo(now)) / 60;
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return tr("%n min ago", nullptr, int(minutes));
    if (minutes < 48 * 60)
        return tr("%n h ago", nullptr, int(minutes / 60));
    return tr("%n d ago", nullptr, int(minutes / (24 * 60)));
}

QVariant StoreUploadModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const omics::ReadSetUpload& u = row.upload;
    if (role == SortRole) {
        switch (index.column()) {
        case Age:
            return u.creationTime;
        case Parts:
            return row.parts.value_or(-2);
        default:
            role = Qt::DisplayRole;
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Age:
            return age(u.creationTime, m_now);
        case Name:
            return u.name;
        case Type:
            return u.sourceFileType;
        case SubjectSample:
            return u.subjectId == u.sampleId ? u.subjectId : u"%1 / %2"_s.arg(u.subjectId, u.sampleId);
        case Parts:
            if (!row.parts)
                return tr("counting…");
            return *row.parts < 0 ? tr("unknown") : QLocale().toString(*row.parts);
        case UploadId:
            return u.uploadId;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Age:
            return QLocale().toString(u.creationTime.toLocalTime(), QLocale::LongFormat);
        case Name:
            return u.description.isEmpty() ? u.name : u"%1\n%2"_s.arg(u.name, u.description);
        case SubjectSample:
            return tr("Subject %1, sample %2").arg(u.subjectId, u.sampleId);
        case Type:
            return u.referenceArn.isEmpty() ? QVariant() : QVariant(u.referenceArn);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Parts)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant StoreUploadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Age:
        return tr("Started");
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case SubjectSample:
        return tr("Subject / sample");
    case Parts:
        return tr("Parts so far");
    case UploadId:
        return tr("Upload id");
    default:
        return {};
    }
}

void StoreUploadModel::setUploads(const QList<omics::ReadSetUpload>& uploads)
{
    // Counts already made survive a refresh: parts are only ever added while an upload runs,
    // and the view recounts them anyway.
    QList<Row> rows;
    for (const omics::ReadSetUpload& u : uploads) {
        const int old = rowOf(u.uploadId);
        rows.append({u, old >= 0 ? m_rows.at(old).parts : std::nullopt});
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int StoreUploadModel::rowOf(const QString& uploadId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).upload.uploadId == uploadId)
            return i;
    }
    return -1;
}

void StoreUploadModel::removeUpload(const QString& uploadId)
{
    const int row = rowOf(uploadId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void StoreUploadModel::setParts(const QString& uploadId, int parts)
{
    const int row = rowOf(uploadId);
    if (row < 0)
        return;
    m_rows[row].parts = parts;
    Q_EMIT dataChanged(index(row, Parts), index(row, Parts));
}

void StoreUploadModel::setNow(const QDateTime& now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Age), index(int(m_rows.size()) - 1, Age));
}

} // namespace bge::ui
