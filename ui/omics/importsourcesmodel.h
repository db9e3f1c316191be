#pragma once

#include "omics/omicsinputs.h"

#include <QAbstractTableModel>

namespace bge::ui {

// The sources of an import job being prepared, one row each, with what is still wrong with
// each in the last column.
class ImportSourcesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Uri1,
        Uri2,
        Type,
        Subject,
        Sample,
        Name,
        Reference,
        Problems,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const QList<omics::ImportSourceInput>& sources() const { return m_sources; }
    const omics::ImportSourceInput& source(int row) const { return m_sources.at(row); }
    QStringList problems(int row) const { return m_problems.at(row); }
    void setSources(const QList<omics::ImportSourceInput>& sources);
    void setSource(int row, const omics::ImportSourceInput& source);
    int appendSource(const omics::ImportSourceInput& source);
    void removeSource(int row);
    int problemCount() const;

private:
    QList<omics::ImportSourceInput> m_sources;
    QList<QStringList> m_problems;
};

} // namespace bge::ui
