#pragma once

#include "readsetuploadproposal.h"

#include <QAbstractTableModel>

namespace bge::ui {

// The read sets the upload dialog proposes, one row each (a pair of FASTQ files is one row),
// with what is still wrong with each in the last column.
class ReadSetUploadModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Files,
        Type,
        Name,
        Subject,
        Sample,
        Reference,
        Problems,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const QList<ReadSetUploadProposal>& proposals() const { return m_proposals; }
    const ReadSetUploadProposal& proposal(int row) const { return m_proposals.at(row); }
    void setProposals(const QList<ReadSetUploadProposal>& proposals);
    void setProposal(int row, const ReadSetUploadProposal& proposal);
    void removeProposal(int row);
    // Rows with at least one problem.
    int problemCount() const;

private:
    QList<ReadSetUploadProposal> m_proposals;
    QList<QStringList> m_problems; // cached: checking reads nothing, but is not free either
};

} // namespace bge::ui
