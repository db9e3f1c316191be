#include "importjobmodel.h"

#include <QLocale>
#include <QSet>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

QString formatTime(const QDateTime& time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

int ImportJobModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int ImportJobModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ImportJobModel::isRunning(const QString& status)
{
    // Named, not "not terminal": a status newer than this app must not poll forever.
    using namespace omics::ImportJobStatus;
    return status == Submitted || status == InProgress || status == Cancelling;
}

QString ImportJobModel::statusText(const QString& status)
{
    if (status == u"SUBMITTED")
        return tr("Submitted");
    if (status == u"IN_PROGRESS")
        return tr("In progress");
    if (status == u"CANCELLING")
        return tr("Cancelling");
    if (status == u"CANCELLED")
        return tr("Cancelled");
    if (status == u"FAILED")
        return tr("Failed");
    if (status == u"COMPLETED")
        return tr("Completed");
    if (status == u"COMPLETED_WITH_FAILURES")
        return tr("Completed with failures");
    if (status == u"NOT_STARTED")
        return tr("Not started");
    if (status == u"FINISHED")
        return tr("Finished");
    return status; // a status newer than this app: the service's own word
}

QVariant ImportJobModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const omics::ImportJobSummary& j = m_jobs.at(index.row());
    if (role == SortRole) {
        switch (index.column()) {
        case Created:
            return j.creationTime;
        case Completed:
            return j.completionTime;
        default:
            role = Qt::DisplayRole;
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id:
            return j.id;
        case Status:
            return statusText(j.status);
        case Created:
            return formatTime(j.creationTime);
        case Completed:
            return formatTime(j.completionTime);
        case Role:
            return j.roleArn;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Status:
            return j.status;
        case Role:
            return j.roleArn;
        default:
            return {};
        }
    }
    return {};
}

QVariant ImportJobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Job id");
    case Status:
        return tr("Status");
    case Created:
        return tr("Created");
    case Completed:
        return tr("Completed");
    case Role:
        return tr("Service role");
    default:
        return {};
    }
}

void ImportJobModel::setJobs(const QList<omics::ImportJobSummary>& jobs)
{
    QSet<QString> ids;
    for (const omics::ImportJobSummary& j : jobs)
        ids.insert(j.id);
    for (int row = int(m_jobs.size()) - 1; row >= 0; --row) {
        if (!ids.contains(m_jobs.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_jobs.removeAt(row);
            endRemoveRows();
        }
    }
    for (const omics::ImportJobSummary& j : jobs)
        upsert(j);
}

void ImportJobModel::upsert(const omics::ImportJobSummary& job)
{
    const int row = rowOf(job.id);
    if (row >= 0) {
        m_jobs[row] = job;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int end = int(m_jobs.size());
    beginInsertRows({}, end, end);
    m_jobs.append(job);
    endInsertRows();
}

int ImportJobModel::rowOf(const QString& jobId) const
{
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i).id == jobId)
            return i;
    }
    return -1;
}

bool ImportJobModel::anyRunning() const
{
    return std::any_of(m_jobs.cbegin(), m_jobs.cend(),
                       [](const omics::ImportJobSummary& j) { return isRunning(j.status); });
}

} // namespace bge::ui
