#pragma once

#include "api/records/variant.h"

#include <QAbstractTableModel>

namespace bge::ui {

// Variants of one sample, one row per rsid that has a call.
class VariantTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Rsid,
        Gene,
        Position,
        Alleles,
        Genotype,
        Zygosity,
        Depth,
        GenotypeQuality,
        Frequency,
        ColumnCount
    };
    // The raw value to sort by: numbers as numbers, positions in genome order.
    static constexpr int SortRole = Qt::UserRole;

    using QAbstractTableModel::QAbstractTableModel;

    void setVariants(QList<bge::Variant> variants);
    void clear();
    const bge::Variant* variant(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The person-facing zygosity ("heterozygous" translated), empty when unknown.
    static QString zygosityText(const bge::Variant& variant);
    // The alternate allele's frequency in the first population that reports one.
    struct PopulationFrequency
    {
        QString population;
        double alternate = 0;
    };
    static std::optional<PopulationFrequency> alternateFrequency(const bge::Variant& variant);

private:
    QVariant display(const bge::Variant& v, int column) const;
    QVariant sortValue(const bge::Variant& v, int column) const;

    QList<bge::Variant> m_variants;
};

} // namespace bge::ui
