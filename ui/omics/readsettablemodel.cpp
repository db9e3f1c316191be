#include "readsettablemodel.h"

#include "omicsformat.h"

#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// A service answering empty pages with fresh tokens forever is followed this far on its own;
// scrolling or Refresh asks again.
constexpr int kMaxEmptyPagesInARow = 200;

} // namespace

ReadSetTableModel::ReadSetTableModel(QObject* parent) : QAbstractTableModel(parent) {}

ReadSetTableModel::~ReadSetTableModel()
{
    // Whoever listens may be half destroyed already (the model is its child): no signals.
    blockSignals(true);
    abortFetch();
}

void ReadSetTableModel::setStore(omics::OmicsConnection* connection, const QString& storeId)
{
    abortFetch();
    beginResetModel();
    m_connection = connection;
    m_storeId = storeId;
    m_readSets.clear();
    m_ids.clear();
    m_error = {};
    m_nextToken.clear();
    m_more = false;
    m_active = false;
    endResetModel();
    Q_EMIT reset();
}

void ReadSetTableModel::setPageSize(int maxResults)
{
    m_pageSize = std::clamp(maxResults, 1, 100); // ListReadSets' range
}

void ReadSetTableModel::reload(const ReadSetQuery& query)
{
    abortFetch();
    beginResetModel();
    m_query = query;
    m_emptyPagesInARow = 0;
    m_readSets.clear();
    m_ids.clear();
    m_tokens.clear();
    m_error = {};
    m_requests = 0;
    m_active = m_connection && !m_storeId.isEmpty();
    m_nextToken.clear();
    m_more = m_active;
    endResetModel();
    Q_EMIT reset();
    // The first page at once, view or no view (a view may have asked already, on modelReset).
    if (canFetchMore({}))
        startFetch();
}

void ReadSetTableModel::retry()
{
    if (!m_active || !m_error.isError() || m_job)
        return;
    m_error = {};
    startFetch();
}

int ReadSetTableModel::rowOf(const QString& id) const
{
    for (int row = 0; row < m_readSets.size(); ++row) {
        if (m_readSets[row].id == id)
            return row;
    }
    return -1;
}

int ReadSetTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_readSets.size());
}

int ReadSetTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ReadSetTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_active && m_connection && m_more && !m_job && !m_error.isError();
}

void ReadSetTableModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        startFetch();
}

void ReadSetTableModel::startFetch()
{
    omics::ListOptions options;
    options.maxResults = m_pageSize;
    options.nextToken = m_nextToken;
    ++m_requests;
    const quint64 generation = m_generation;
    m_job = omics::OmicsApi(m_connection)
                .listReadSets(m_storeId, m_query.filter, options)
                ->run(this, [this, generation](const Result<omics::OmicsPage<omics::ReadSetListItem>>& r) {
                    onPage(generation, r);
                });
    Q_EMIT loadingChanged(true);
}

void ReadSetTableModel::abortFetch()
{
    // The generation moves first: the aborted job's handler then sees itself as stale.
    ++m_generation;
    if (JobBase* job = m_job.data()) {
        m_job = nullptr;
        job->abort();
        Q_EMIT loadingChanged(false);
    }
}

void ReadSetTableModel::onPage(quint64 generation,
                               const Result<omics::OmicsPage<omics::ReadSetListItem>>& result)
{
    if (generation != m_generation)
        return;
    m_job = nullptr;
    if (!result) {
        m_error = result.error();
        Q_EMIT loadingChanged(false);
        Q_EMIT loadFailed(m_error);
        return;
    }
    const omics::OmicsPage<omics::ReadSetListItem>& page = result.value();
    // A token seen before would start the same pages again: the end, as far as we follow.
    const QString token = page.nextToken;
    m_more = !token.isEmpty() && !m_tokens.contains(token);
    if (m_more) {
        m_tokens.insert(token);
        m_nextToken = token;
    }
    // Read sets created while paging can shift the pages: one that comes twice is shown once.
    QList<omics::ReadSetListItem> fresh;
    for (const omics::ReadSetListItem& r : page.items) {
        if (!m_query.fileType.isEmpty() && r.fileType != m_query.fileType)
            continue;
        if (!m_ids.contains(r.id)) {
            m_ids.insert(r.id);
            fresh.append(r);
        }
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, int(m_readSets.size()), int(m_readSets.size() + fresh.size() - 1));
        m_readSets.append(fresh);
        endInsertRows();
    }
    Q_EMIT loadingChanged(false);
    Q_EMIT pageLoaded(int(fresh.size()));
    // A page with nothing to show (all of another file type) inserts no rows, so no view would
    // ask for the next one: ask here. Pages are what the service paces, so this stays bounded
    // by the store's size.
    m_emptyPagesInARow = fresh.isEmpty() ? m_emptyPagesInARow + 1 : 0;
    if (fresh.isEmpty() && m_emptyPagesInARow < kMaxEmptyPagesInARow && canFetchMore({}))
        startFetch();
}

QVariant ReadSetTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const omics::ReadSetListItem& r = m_readSets.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case SortRole:
        return sortValue(r, index.column());
    case IdRole:
        return r.id;
    case Qt::ToolTipRole:
        if (index.column() == Status && !r.statusMessage.isEmpty())
            return r.statusMessage;
        if (index.column() == Reference || index.column() == Description)
            return display(r, index.column());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ReadCount || index.column() == BaseCount)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

QVariant ReadSetTableModel::display(const omics::ReadSetListItem& r, int column) const
{
    switch (column) {
    case Name:
        return r.name;
    case Id:
        return r.id;
    case Status:
        return OmicsFormat::readSetStatus(r.status);
    case FileType:
        return OmicsFormat::fileType(r.fileType);
    case SubjectId:
        return r.subjectId;
    case SampleId:
        return r.sampleId;
    case CreationType:
        return OmicsFormat::creationType(r.creationType);
    case Created:
        return OmicsFormat::time(r.creationTime);
    case ReadCount:
        return OmicsFormat::count(r.sequenceInformation ? r.sequenceInformation->totalReadCount
                                                        : std::nullopt);
    case BaseCount:
        return OmicsFormat::count(r.sequenceInformation ? r.sequenceInformation->totalBaseCount
                                                        : std::nullopt);
    case Reference:
        return r.referenceArn;
    case Description:
        return r.description;
    }
    return {};
}

QVariant ReadSetTableModel::sortValue(const omics::ReadSetListItem& r, int column) const
{
    const auto optionalCount = [](std::optional<qint64> v) { return v ? QVariant(*v) : QVariant(); };
    switch (column) {
    case Status:
        return r.status;
    case FileType:
        return r.fileType;
    case CreationType:
        return r.creationType;
    case Created:
        return r.creationTime;
    case ReadCount:
        return optionalCount(r.sequenceInformation ? r.sequenceInformation->totalReadCount : std::nullopt);
    case BaseCount:
        return optionalCount(r.sequenceInformation ? r.sequenceInformation->totalBaseCount : std::nullopt);
    case Id:
        // Ids are digit strings of one length in practice; as numbers they sort right anyway.
        return r.id.toULongLong() ? QVariant(r.id.toULongLong()) : QVariant(r.id);
    default:
        return display(r, column);
    }
}

QVariant ReadSetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    return columnName(Column(section));
}

QString ReadSetTableModel::columnName(Column column)
{
    switch (column) {
    case Name:
        return tr("Name");
    case Id:
        return tr("ID");
    case Status:
        return tr("Status");
    case FileType:
        return tr("File type");
    case SubjectId:
        return tr("Subject");
    case SampleId:
        return tr("Sample");
    case CreationType:
        return tr("Created by");
    case Created:
        return tr("Created");
    case ReadCount:
        return tr("Reads");
    case BaseCount:
        return tr("Bases");
    case Reference:
        return tr("Reference");
    case Description:
        return tr("Description");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace bge::ui
