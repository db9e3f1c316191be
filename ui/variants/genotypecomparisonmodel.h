#pragma once

#include "api/records/sample.h"
#include "api/records/variant.h"

#include <QAbstractTableModel>
#include <QHash>

namespace bge::ui {

// Genotypes of several samples side by side: one row per sample, its id first, then one
// column per rsid asked, the cell being the genotype as the platform gives it ("C/A"). A
// sample with no call at an rsid (no record, or a record flagged no-call) shows an em dash.
// Rows are filled one by one as each sample's answer arrives.
class GenotypeComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int SampleColumn = 0;
    enum class State
    {
        Pending,
        Fetched,
        Failed
    };

    using QAbstractTableModel::QAbstractTableModel;

    // Every row pending.
    void setComparison(const QList<bge::Sample>& samples, const QStringList& rsids);
    void clear();
    // Rows of samples not in the comparison are ignored.
    void setVariants(const QString& biosampleId, const QList<bge::Variant>& variants);
    void setFailed(const QString& biosampleId, const QString& message);
    void setPending(const QString& biosampleId);

    const QStringList& rsids() const { return m_rsids; }
    int rowOf(const QString& biosampleId) const;
    int columnOf(const QString& rsid) const;
    QString biosampleId(int row) const;
    State state(int row) const;
    int count(State state) const;
    // The call at `rsid` in `row`, or nullptr when the sample has no record there (yet).
    const bge::Variant* call(int row, const QString& rsid) const;

    // What a cell without a call shows.
    static QString noCallText();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        bge::Sample sample;
        State state = State::Pending;
        QHash<QString, bge::Variant> calls; // by rsid
        QString error;
    };

    void rowChanged(int row);
    QVariant sampleData(const Row& row, int role) const;
    QVariant genotypeData(const Row& row, const QString& rsid, int role) const;
    static QString callText(const bge::Variant& v);
    static QString callToolTip(const bge::Variant& v);

    QList<Row> m_rows;
    QStringList m_rsids;
    QHash<QString, QStringList> m_genes; // by rsid, learnt from the answers, for the header
};

} // namespace bge::ui
