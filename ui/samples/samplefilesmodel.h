#pragma once

#include "api/records/sample.h"

#include <QAbstractTableModel>

namespace bge::ui {

// The result files attached to one sample.
class SampleFilesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        FileName,
        DataType,
        Format,
        Size,
        ObjectName,
        Md5,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, // sizes as numbers
        ObjectNameRole,
    };

    explicit SampleFilesModel(QObject* parent = nullptr);

    void setFiles(const QList<SampleFile>& files);
    const SampleFile& fileAt(int row) const { return m_files.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The name to save a file under: its own name, else the last part of its object name.
    static QString suggestedFileName(const SampleFile& file);

private:
    QList<SampleFile> m_files;
};

} // namespace bge::ui
