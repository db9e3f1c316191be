#include "sampletablemodel.h"

#include "sampleformat.h"

#include "api/platformapi.h"
#include "api/platformcodes.h"

#include <QJsonDocument>
#include <QThreadPool>

#include <utility>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// A server that keeps answering empty pages with a "next" would otherwise be followed forever.
constexpr int kMaxEmptyPagesInARow = 3;

QString projectsText(const Sample& s)
{
    QStringList parts;
    for (const SampleProject& p : s.projects)
        parts.append(p.projectName.isEmpty() ? p.projectId : u"%1 (%2)"_s.arg(p.projectName, p.projectId));
    return parts.join(u", "_s);
}

QVariant optionalBool(std::optional<bool> value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant timeValue(const QString& text)
{
    const QDateTime t = SampleFormat::time(text);
    return t.isValid() ? QVariant(t) : QVariant();
}

} // namespace

SampleTableModel::SampleTableModel(PlatformApi* api, QObject* parent)
    : QAbstractTableModel(parent), m_api(api)
{
}

SampleTableModel::~SampleTableModel()
{
    // Whoever listens may be half destroyed already (the model is its child): no signals.
    blockSignals(true);
    abortFetch();
}

void SampleTableModel::setApi(PlatformApi* api)
{
    clear();
    m_api = api;
}

void SampleTableModel::setPageSize(int limit)
{
    m_pageSize = std::clamp(limit, 1, 100); // the platform's range
}

void SampleTableModel::reload(const SampleQuery& query)
{
    abortFetch();
    beginResetModel();
    m_query = query;
    dropRows();
    m_total.reset();
    m_requestedPages.clear();
    m_error = {};
    m_emptyPagesInARow = 0;
    m_active = m_api != nullptr;
    m_next = m_active ? std::optional<PageToken>(PageToken()) : std::nullopt;
    endResetModel();
    Q_EMIT reset();
    // The first page is fetched at once, view or no view, so the total is known early. A view
    // may have asked for it already, on modelReset.
    if (canFetchMore({}))
        startFetch();
}

void SampleTableModel::clear()
{
    abortFetch();
    beginResetModel();
    dropRows();
    m_total = 0;
    m_requestedPages.clear();
    m_error = {};
    m_active = false;
    m_next.reset();
    endResetModel();
    Q_EMIT reset();
}

void SampleTableModel::retry()
{
    if (!m_active || !m_error.isError() || m_job)
        return;
    m_error = {};
    startFetch();
}

void SampleTableModel::dropRows()
{
    // Freeing 100,000 samples (their JSON and texts, 800 MB then, 300 MB now) took the window
    // most of a second on a new filter: a large table is freed on a worker thread instead.
    // Their data is implicitly shared with atomic counts, so a copy still held here stays valid.
    // (bge-desktop has glibc merge freed blocks as they are freed, on the worker: see
    // ui/common/freedblocks.h.)
    if (m_samples.size() >= kRowsFreedInBackground) {
        QThreadPool::globalInstance()->start(
            [samples = std::exchange(m_samples, {}), records = std::exchange(m_records, {}),
             keys = std::exchange(m_keys, {}), ids = std::exchange(m_ids, {})]() mutable {
                samples.clear();
                records.clear();
                keys.clear();
                ids.clear();
            });
        return;
    }
    m_samples.clear();
    m_records.clear();
    m_keys.clear();
    m_ids.clear();
}

Sample SampleTableModel::sampleAt(int row) const
{
    // Parsed as the page was: the same fields. A record that no longer parses (it did once)
    // leaves the summary.
    const Result<Sample> parsed = Sample::fromJson(QJsonDocument::fromJson(m_records.at(row)).object());
    return parsed.ok() ? parsed.value() : m_samples.at(row);
}

Sample SampleTableModel::summary(const Sample& s)
{
    Sample light = s;
    light.raw = {};
    light.sequencing = {};
    light.statistics = {};
    return light;
}

void SampleTableModel::append(const Sample& s)
{
    m_samples.append(summary(s));
    m_records.append(QJsonDocument(s.raw).toJson(QJsonDocument::Compact));
    m_keys.append(keysFor(s));
}

int SampleTableModel::rowOf(const QString& biosampleId) const
{
    for (int row = 0; row < m_samples.size(); ++row) {
        if (m_samples[row].biosampleId.compare(biosampleId, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

bool SampleTableModel::updateSample(const Sample& sample)
{
    const int row = rowOf(sample.biosampleId);
    if (row < 0)
        return false;
    m_samples[row] = summary(sample);
    m_records[row] = QJsonDocument(sample.raw).toJson(QJsonDocument::Compact);
    m_keys[row] = keysFor(sample);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

int SampleTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_samples.size());
}

int SampleTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool SampleTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_active && m_api && m_next && !m_job && !m_error.isError();
}

void SampleTableModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        startFetch();
}

void SampleTableModel::startFetch()
{
    const qint64 pageNumber = m_next->number().value_or(1);
    m_requestedPages.append(pageNumber);
    const quint64 generation = m_generation;
    m_job = m_api->samples(m_query, *m_next, m_pageSize)
                ->run(this, [this, generation, pageNumber](const Result<Page<Sample>>& r) {
                    onPage(generation, pageNumber, r);
                });
    Q_EMIT loadingChanged(true);
}

void SampleTableModel::abortFetch()
{
    // The generation moves first: the aborted job's handler then sees itself as stale.
    ++m_generation;
    if (JobBase* job = m_job.data()) {
        m_job = nullptr;
        job->abort();
        Q_EMIT loadingChanged(false);
    }
}

void SampleTableModel::onPage(quint64 generation, qint64 pageNumber, const Result<Page<Sample>>& result)
{
    if (generation != m_generation)
        return; // asked for before the filters changed
    m_job = nullptr;
    if (!result.ok()) {
        m_error = result.error();
        Q_EMIT loadingChanged(false);
        Q_EMIT loadFailed(m_error);
        return;
    }
    const Page<Sample>& page = result.value();
    m_total = page.total;
    // Only a later page is followed: a server pointing back would have us loop.
    const bool forward = page.next && page.next->number().value_or(0) > pageNumber;
    m_next = forward ? page.next : std::nullopt;

    // Samples registered while paging shift the pages: one can come twice. It is shown once.
    QList<Sample> fresh;
    for (const Sample& s : page.items) {
        if (!s.biosampleId.isEmpty() && !m_ids.contains(s.biosampleId)) {
            m_ids.insert(s.biosampleId);
            fresh.append(s);
        }
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, int(m_samples.size()), int(m_samples.size() + fresh.size() - 1));
        for (const Sample& s : std::as_const(fresh))
            append(s);
        endInsertRows();
    }
    Q_EMIT loadingChanged(false);
    Q_EMIT pageLoaded(int(fresh.size()));

    // No new row means the view has no reason to ask again: keep going a little on our own.
    m_emptyPagesInARow = fresh.isEmpty() ? m_emptyPagesInARow + 1 : 0;
    if (m_next && m_emptyPagesInARow > 0) {
        if (m_emptyPagesInARow < kMaxEmptyPagesInARow)
            startFetch();
        else
            m_next.reset();
    }
}

QVariant SampleTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Sample& s = m_samples.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(s, index.column());
    case SortRole:
        return m_keys.at(index.row()).sort.at(index.column());
    case BiosampleIdRole:
        return s.biosampleId;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Omics:
            return s.omic.isSet() ? tr("%1 (code %2)").arg(display(s, Omics).toString()).arg(s.omic.code)
                                  : QVariant();
        case Site:
            return s.site.isSet() ? tr("%1 (code %2)").arg(display(s, Site).toString()).arg(s.site.code)
                                  : QVariant();
        case Organism:
            return s.organism.isSet()
                       ? tr("%1 (code %2)").arg(display(s, Organism).toString()).arg(s.organism.code)
                       : QVariant();
        case Status:
            return s.status.isSet() ? tr("%1 (code %2)").arg(display(s, Status).toString()).arg(s.status.code)
                                    : QVariant();
        case Collected:
        case Updated:
            return index.column() == Collected ? s.collectionTime : s.updateTime;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant SampleTableModel::display(const Sample& s, int column) const
{
    switch (Column(column)) {
    case BiosampleId:
        return s.biosampleId;
    case ExternalId:
        return s.externalSampleId;
    case Omics:
        return SampleFormat::coded(s.omic, omicsCodes());
    case Site:
        return SampleFormat::coded(s.site, biosampleSiteCodes());
    case Organism:
        return SampleFormat::coded(s.organism, organismCodes());
    case Project:
        return projectsText(s);
    case Status:
        return SampleFormat::coded(s.status, sampleStatusCodes());
    case DataAvailable:
        return SampleFormat::yesNo(s.dataAvailability);
    case Primary:
        return SampleFormat::yesNo(s.primary);
    case Collected:
        return SampleFormat::timeText(s.collectionTime);
    case Updated:
        return SampleFormat::timeText(s.updateTime);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SampleTableModel::sortValue(const Sample& s, int column) const
{
    switch (Column(column)) {
    case Status:
        // Status codes follow the sample's life cycle (registered 1001 … interpretation 9001).
        return s.status.isSet() ? QVariant(s.status.code) : QVariant();
    case DataAvailable:
        return optionalBool(s.dataAvailability);
    case Primary:
        return optionalBool(s.primary);
    case Collected:
        return timeValue(s.collectionTime);
    case Updated:
        return timeValue(s.updateTime);
    default:
        // Site, omics and organism codes have no meaningful order: their names sort as read.
        return display(s, column);
    }
}

SampleTableModel::RowKeys SampleTableModel::keysFor(const Sample& s) const
{
    RowKeys keys;
    QStringList shown;
    for (int column = 0; column < ColumnCount; ++column) {
        keys.sort[column] = sortValue(s, column);
        shown.append(display(s, column).toString());
    }
    // A separator no one types, so that a search does not match across two columns.
    keys.searchText = shown.join(QChar(0x1f)).toCaseFolded();
    return keys;
}

QVariant SampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnName(Column(section));
    return {};
}

QString SampleTableModel::columnName(Column column)
{
    switch (column) {
    case BiosampleId:
        return tr("Biosample id");
    case ExternalId:
        return tr("External id");
    case Omics:
        return tr("Omics");
    case Site:
        return tr("Site");
    case Organism:
        return tr("Organism");
    case Project:
        return tr("Project");
    case Status:
        return tr("Status");
    case DataAvailable:
        return tr("Data available");
    case Primary:
        return tr("Primary");
    case Collected:
        return tr("Collected");
    case Updated:
        return tr("Updated");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace bge::ui
