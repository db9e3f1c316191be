#pragma once

#include "api/records/abundance.h"

#include <QAbstractTableModel>

namespace bge::ui {

// Taxon abundance of one sample, page after page, with where the sample stands in the
// platform's reference cohort.
class TaxonAbundanceModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Rank,
        Name,
        Lineage,
        Abundance,
        CohortMedian,
        CohortRange,
        Standing,
        TaxonId,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    using QAbstractTableModel::QAbstractTableModel;

    void append(const QList<bge::TaxonAbundance>& taxa);
    void clear();
    const QList<bge::TaxonAbundance>& taxa() const { return m_taxa; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "s__Bacteroides_thetaiotaomicron" → "Bacteroides thetaiotaomicron": the rank prefix and
    // underscores of MetaPhlAn-style names, for labels.
    static QString readableName(const QString& taxonName);
    // ">=73%" → 73; nullopt when there is no figure in it.
    static std::optional<double> standingPercent(const QString& rankRatio);

private:
    QVariant display(const bge::TaxonAbundance& t, int column) const;
    QVariant sortValue(const bge::TaxonAbundance& t, int column) const;
    QString cohortTip(const bge::TaxonAbundance& t) const;

    QList<bge::TaxonAbundance> m_taxa;
};

} // namespace bge::ui
