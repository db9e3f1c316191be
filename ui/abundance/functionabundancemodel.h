#pragma once

#include "api/records/abundance.h"

#include <QAbstractTableModel>

namespace bge::ui {

// Function abundance of one sample in one catalog (GO, KO, eggNOG, …), page after page.
class FunctionAbundanceModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        FunctionId,
        Name,
        Abundance,
        System,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    using QAbstractTableModel::QAbstractTableModel;

    void append(const QList<bge::FunctionAbundance>& functions);
    void clear();
    const QList<bge::FunctionAbundance>& functions() const { return m_functions; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<bge::FunctionAbundance> m_functions;
};

} // namespace bge::ui
