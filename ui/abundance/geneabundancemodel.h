#pragma once

#include "api/records/abundance.h"

#include <QAbstractTableModel>

namespace bge::ui {

// Gene abundance of one sample: genes of the IGC catalog (data type "list"), or the result
// files the platform offers for download (data type "file"). The view hides the columns of
// the other kind.
class GeneAbundanceModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        GeneId,
        GeneName,
        Abundance,
        Kegg,
        Eggnog,
        Genus,
        FileName,
        FileSize,
        Md5,
        ObjectName,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    using QAbstractTableModel::QAbstractTableModel;

    void append(const QList<bge::GeneAbundance>& genes);
    void clear();
    const bge::GeneAbundance* gene(int row) const;
    static bool isFileColumn(int column) { return column >= FileName; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const bge::GeneAbundance& g, int column) const;

    QList<bge::GeneAbundance> m_genes;
};

} // namespace bge::ui
