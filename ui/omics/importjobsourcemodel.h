#pragma once

#include "omics/records/importjob.h"

#include <QAbstractTableModel>

namespace bge::ui {

// The per-source results of one import job (GetReadSetImportJob's sources): the files, what
// they were to become, the status, the failure message and the read set made.
class ImportJobSourceModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Files,
        Type,
        Subject,
        Sample,
        Name,
        Status,
        ReadSet,
        Message,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSources(const QList<omics::ImportJobSource>& sources);
    const omics::ImportJobSource& source(int row) const { return m_sources.at(row); }

private:
    QList<omics::ImportJobSource> m_sources;
};

} // namespace bge::ui
