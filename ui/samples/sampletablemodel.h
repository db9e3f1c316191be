#pragma once

#include "api/apierror.h"
#include "api/job.h"
#include "api/paging.h"
#include "api/queries.h"
#include "api/records/sample.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>

#include <array>
#include <optional>

namespace bge {
class PlatformApi;
}

namespace bge::ui {

// The user's samples, one server page at a time: the view asks for more as it scrolls
// (canFetchMore/fetchMore). One fetch runs at a time; a page answered after the filters
// changed belongs to an older generation and is dropped. A failed page stops the paging until
// retry(), so a view scrolled to the bottom cannot hammer a server that is down.
class SampleTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        BiosampleId,
        ExternalId,
        Omics,
        Site,
        Organism,
        Project,
        Status,
        DataAvailable,
        Primary,
        Collected,
        Updated,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, // the raw value: codes, times, booleans
        BiosampleIdRole,
    };

    static constexpr int kDefaultPageSize = 50;
    static constexpr qsizetype kRowsFreedInBackground = 10000;

    explicit SampleTableModel(PlatformApi* api, QObject* parent = nullptr);
    ~SampleTableModel() override;

    // Drops the rows; the next reload() uses `api` (nullptr: nothing can be loaded).
    void setApi(PlatformApi* api);
    void setPageSize(int limit);
    int pageSize() const { return m_pageSize; }

    // Drops the rows and loads the first page of `query`.
    void reload(const SampleQuery& query);
    void reload() { reload(m_query); }
    // No rows and nothing to load, e.g. external ids that name no sample.
    void clear();
    // Asks again for the page that failed.
    void retry();

    const SampleQuery& query() const { return m_query; }
    // The whole sample, its JSON record parsed again (the Raw JSON tab, sequencing, statistics).
    Sample sampleAt(int row) const;
    // What the table shows of it: every field but the raw JSON, sequencing and statistics,
    // which only sampleAt() brings back. Cheap: for many rows at once.
    const Sample& summaryAt(int row) const { return m_samples.at(row); }
    int rowOf(const QString& biosampleId) const;
    // Replaces a loaded sample's data (after improve_sample); false when it is not loaded.
    bool updateSample(const Sample& sample);

    // How many samples match in all, once the first page said so.
    std::optional<qint64> total() const { return m_total; }
    bool isLoading() const { return bool(m_job); }
    bool hasError() const { return m_error.isError(); }
    const ApiError& lastError() const { return m_error; }
    // The page numbers requested since the last reload, in order.
    const QList<qint64>& requestedPages() const { return m_requestedPages; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    static QString columnName(Column column);

    // What the quick search looks through: the row's shown texts, case-folded (compare with a
    // case-folded needle). Built once when the row arrives, as the sort keys (SortRole) are:
    // searching or sorting 100,000 rows must not format or parse them again on every pass.
    const QString& searchText(int row) const { return m_keys.at(row).searchText; }
    const QVariant& sortKey(int row, int column) const { return m_keys.at(row).sort.at(column); }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void pageLoaded(int newRows);
    void loadFailed(const bge::ApiError& error);
    // After a reload or clear: the rows, the total and the error are gone.
    void reset();

private:
    void startFetch();
    void onPage(quint64 generation, qint64 pageNumber, const Result<Page<Sample>>& result);
    void abortFetch();
    void dropRows();
    QVariant display(const Sample& s, int column) const;
    QVariant sortValue(const Sample& s, int column) const;

    struct RowKeys
    {
        QString searchText;
        std::array<QVariant, ColumnCount> sort;
    };
    RowKeys keysFor(const Sample& s) const;
    void append(const Sample& s);
    static Sample summary(const Sample& s);

    PlatformApi* m_api;
    SampleQuery m_query;
    int m_pageSize = kDefaultPageSize;
    // Per row: the sample without its JSON (summaryAt), and the JSON as compact UTF-8. A
    // QJsonObject per row, with the sequencing and statistics copied out of it, cost most of
    // the 7.9 KB a row took (issue 16); the record is parsed again when a sample is shown.
    QList<Sample> m_samples;
    QList<QByteArray> m_records;
    QList<RowKeys> m_keys; // one per row of m_samples
    QSet<QString> m_ids;
    std::optional<PageToken> m_next; // the page to ask for next; unset when there is none
    std::optional<qint64> m_total;
    QList<qint64> m_requestedPages;
    ApiError m_error;
    QPointer<JobBase> m_job;
    quint64 m_generation = 0;
    int m_emptyPagesInARow = 0;
    bool m_active = false; // reload() was called and clear() was not
};

} // namespace bge::ui
