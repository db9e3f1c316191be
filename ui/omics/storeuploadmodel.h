#pragma once

#include "omics/records/readsetupload.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <optional>

namespace bge::ui {

// The multipart read-set uploads in progress of a store (ListMultipartReadSetUploads), with the
// parts each holds so far once they have been counted.
class StoreUploadModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Age,
        Name,
        Type,
        SubjectSample,
        Parts,
        UploadId,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1; // raw values: creation time, part count

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setUploads(const QList<omics::ReadSetUpload>& uploads);
    const omics::ReadSetUpload& upload(int row) const { return m_rows.at(row).upload; }
    int rowOf(const QString& uploadId) const;
    void removeUpload(const QString& uploadId);
    // -1: could not be counted.
    void setParts(const QString& uploadId, int parts);
    std::optional<int> parts(int row) const { return m_rows.at(row).parts; }
    // The clock the ages are measured against (tests); the view moves it on a timer.
    void setNow(const QDateTime& now);

    // "just now", "12 min ago", "3 h ago", "2 d ago".
    static QString age(const QDateTime& then, const QDateTime& now);

private:
    struct Row
    {
        omics::ReadSetUpload upload;
        std::optional<int> parts;
    };
    QList<Row> m_rows;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
};

} // namespace bge::ui
