#include "sequencestoremodel.h"

#include "omicsformat.h"

#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int kPageSize = 100; // the most ListSequenceStores gives at once
constexpr int kMaxPages = 100; // 10,000 stores: far beyond any quota; a server that never ends stops here

} // namespace

SequenceStoreModel::SequenceStoreModel(QObject* parent) : QAbstractTableModel(parent) {}

SequenceStoreModel::~SequenceStoreModel()
{
    blockSignals(true);
    abortFetch();
}

void SequenceStoreModel::setConnection(omics::OmicsConnection* connection)
{
    abortFetch();
    beginResetModel();
    m_connection = connection;
    m_stores.clear();
    m_error = {};
    endResetModel();
}

void SequenceStoreModel::reload()
{
    abortFetch();
    m_error = {};
    if (!m_connection)
        return;
    m_incoming.clear();
    m_tokens.clear();
    Q_EMIT loadingChanged(true);
    fetch({});
}

int SequenceStoreModel::rowOf(const QString& id) const
{
    for (int row = 0; row < m_stores.size(); ++row) {
        if (m_stores[row].id == id)
            return row;
    }
    return -1;
}

QString SequenceStoreModel::regionOf(const omics::SequenceStore& store) const
{
    const QString region = OmicsFormat::regionOfArn(store.arn);
    if (!region.isEmpty())
        return region;
    return m_connection ? m_connection->region() : QString();
}

void SequenceStoreModel::fetch(const QString& token)
{
    omics::ListOptions options;
    options.maxResults = kPageSize;
    options.nextToken = token;
    const quint64 generation = m_generation;
    m_job = omics::OmicsApi(m_connection)
                .listSequenceStores({}, options)
                ->run(this, [this, generation](const Result<omics::OmicsPage<omics::SequenceStore>>& r) {
                    if (generation != m_generation)
                        return;
                    m_job = nullptr;
                    if (!r) {
                        m_error = r.error();
                        Q_EMIT loadingChanged(false);
                        Q_EMIT loadFailed(m_error);
                        return;
                    }
                    m_incoming.append(r.value().items);
                    const QString next = r.value().nextToken;
                    if (!next.isEmpty() && !m_tokens.contains(next) && m_tokens.size() < kMaxPages) {
                        m_tokens.append(next);
                        fetch(next);
                        return;
                    }
                    beginResetModel();
                    m_stores = std::exchange(m_incoming, {});
                    endResetModel();
                    Q_EMIT loadingChanged(false);
                    Q_EMIT loaded();
                });
}

void SequenceStoreModel::abortFetch()
{
    ++m_generation;
    if (JobBase* job = m_job.data()) {
        m_job = nullptr;
        job->abort();
        Q_EMIT loadingChanged(false);
    }
}

int SequenceStoreModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_stores.size());
}

int SequenceStoreModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SequenceStoreModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const omics::SequenceStore& s = m_stores.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return s.name.isEmpty() ? s.id : s.name;
        case Id:
            return s.id;
        case Region:
            return regionOf(s);
        case Created:
            return OmicsFormat::time(s.creationTime);
        case Status:
            return OmicsFormat::storeStatus(s.status);
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Created:
            return s.creationTime;
        case Status:
            return s.status;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == Status && !s.statusMessage.isEmpty())
            return s.statusMessage;
        return s.description.isEmpty() ? QVariant() : QVariant(s.description);
    case IdRole:
        return s.id;
    }
    return {};
}

QVariant SequenceStoreModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Id:
        return tr("ID");
    case Region:
        return tr("Region");
    case Created:
        return tr("Created");
    case Status:
        return tr("Status");
    }
    return {};
}

} // namespace bge::ui
