#pragma once

#include <QAbstractTableModel>

#include <utility>

namespace bge::ui {

// The query parameters of a model run, as name/value rows a person edits. Each model defines
// its own; most take biosample_id.
class ParameterTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Value,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;
    using Parameters = QList<std::pair<QString, QString>>;

    using QAbstractTableModel::QAbstractTableModel;

    // Rows with a name, trimmed, in order (a name may repeat: the query keeps both).
    Parameters parameters() const;
    void setParameters(const Parameters& parameters);
    // Sets the first row called `name`, adding it at the top when there is none.
    void setValue(const QString& name, const QString& value);
    // Appends an empty row and returns its index (for the view to start editing its name).
    QModelIndex appendRow();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

private:
    Parameters m_rows;
};

} // namespace bge::ui
