#pragma once

#include <QAbstractTableModel>
#include <QJsonValue>

namespace bge::ui {

// A model result's fields as rows: nested objects flattened to dotted paths
// ("predict_probability.control"), short lists written out, long number lists summarised
// (their shape is what the chart shows).
class ResultFieldsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Field,
        Value,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    using QAbstractTableModel::QAbstractTableModel;

    void setResult(const QJsonObject& modelData);
    void clear();
    // The text shown for `path`, or a null string when there is no such row (for tests).
    QString valueText(const QString& path) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString path;
        QString text;
        QVariant raw; // numbers as numbers, for sorting
    };
    void flatten(const QString& path, const QJsonValue& value);

    QList<Row> m_rows;
};

} // namespace bge::ui
