#pragma once

#include "omics/records/importjob.h"

#include <QAbstractTableModel>

namespace bge::ui {

// A store's read-set import jobs (ListReadSetImportJobs). Rows are updated in place when the
// list is read again, so the selection and the detail stay on their job while it runs.
class ImportJobModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Id,
        Status,
        Created,
        Completed,
        Role,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1; // raw times

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The whole list: rows gone are removed, known ones updated, new ones added.
    void setJobs(const QList<omics::ImportJobSummary>& jobs);
    // One job (just started, or read again on its own): added or updated.
    void upsert(const omics::ImportJobSummary& job);
    const omics::ImportJobSummary& job(int row) const { return m_jobs.at(row); }
    int rowOf(const QString& jobId) const;
    // Some job is SUBMITTED, IN_PROGRESS or CANCELLING: worth reading again soon.
    bool anyRunning() const;

    static bool isRunning(const QString& status);
    // A translated name for a job or source status.
    static QString statusText(const QString& status);

private:
    QList<omics::ImportJobSummary> m_jobs;
};

} // namespace bge::ui
