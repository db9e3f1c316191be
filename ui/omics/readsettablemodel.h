#pragma once

#include "api/apierror.h"
#include "api/job.h"
#include "omics/omicsconnection.h"
#include "omics/omicsjson.h"
#include "readsetquery.h"

#include "omics/records/readset.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>

namespace bge::ui {

// The read sets of one sequence store, one ListReadSets page at a time as the view scrolls
// (canFetchMore/fetchMore with the service's nextToken). One fetch runs at a time; a page
// answered after the store or the filters changed belongs to an older generation and is
// dropped. A failed page stops the paging until retry(), so a view scrolled to the bottom
// cannot hammer a service that refuses.
class ReadSetTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Id,
        Status,
        FileType,
        SubjectId,
        SampleId,
        CreationType,
        Created,
        ReadCount,
        BaseCount,
        Reference,
        Description,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, // raw values: enum codes, times, counts
        IdRole,
    };

    static constexpr int kDefaultPageSize = 50;

    explicit ReadSetTableModel(QObject* parent = nullptr);
    ~ReadSetTableModel() override;

    // Drops the rows; the next reload() reads `storeId` through `connection`.
    void setStore(omics::OmicsConnection* connection, const QString& storeId);
    void setPageSize(int maxResults);
    int pageSize() const { return m_pageSize; }

    // Drops the rows and loads the first page matching `query`.
    void reload(const ReadSetQuery& query);
    void reload() { reload(m_query); }
    // Asks again for the page that failed.
    void retry();

    const ReadSetQuery& query() const { return m_query; }
    QString storeId() const { return m_storeId; }
    const omics::ReadSetListItem& readSetAt(int row) const { return m_readSets.at(row); }
    int rowOf(const QString& id) const;
    bool isLoading() const { return bool(m_job); }
    // True once the last page is in.
    bool isComplete() const { return m_active && !m_more && !m_job && !m_error.isError(); }
    const ApiError& lastError() const { return m_error; }
    int requestCount() const { return m_requests; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    static QString columnName(Column column);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void pageLoaded(int newRows);
    void loadFailed(const bge::ApiError& error);
    // After a reload: rows and error are gone.
    void reset();

private:
    void startFetch();
    void onPage(quint64 generation, const Result<omics::OmicsPage<omics::ReadSetListItem>>& result);
    void abortFetch();
    QVariant display(const omics::ReadSetListItem& r, int column) const;
    QVariant sortValue(const omics::ReadSetListItem& r, int column) const;

    QPointer<omics::OmicsConnection> m_connection;
    QString m_storeId;
    ReadSetQuery m_query;
    int m_pageSize = kDefaultPageSize;
    QList<omics::ReadSetListItem> m_readSets;
    QSet<QString> m_ids;
    QSet<QString> m_tokens; // seen since the reload: a token coming back would have us loop
    QString m_nextToken;    // of the page to ask for next; empty for the first
    bool m_more = false;    // a page is left to ask for
    ApiError m_error;
    QPointer<JobBase> m_job;
    quint64 m_generation = 0;
    int m_requests = 0;
    int m_emptyPagesInARow = 0;
    bool m_active = false;
};

} // namespace bge::ui
