#include "samplestestsupport.h"
#include "tcpgate.h"

#include "samples/samplesortfilterproxy.h"
#include "samples/sampletablemodel.h"

#include <QAbstractItemModelTester>
#include <QScrollBar>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThreadPool>

#include <limits>

using namespace bge;
using namespace bge::test;
using bge::ui::SampleSortFilterProxy;
using bge::ui::SampleTableModel;

using namespace Qt::StringLiterals;

namespace {

QList<qint64> oneTo(int n)
{
    QList<qint64> pages;
    for (int i = 1; i <= n; ++i)
        pages.append(i);
    return pages;
}

int pagesFor(qsizetype total, int pageSize)
{
    return int((total + pageSize - 1) / pageSize);
}

// The proxy's rows as the model's row numbers, top to bottom.
QList<int> sourceRows(const SampleSortFilterProxy& proxy)
{
    QList<int> rows;
    for (int row = 0; row < proxy.rowCount(); ++row)
        rows.append(proxy.mapToSource(proxy.index(row, 0)).row());
    return rows;
}

QVariant keyAt(const SampleSortFilterProxy& proxy, int row, int column)
{
    return proxy.index(row, column).data(SampleTableModel::SortRole);
}

// Sorts only on a worker (threshold 1) or only at once.
void sortInBackground(SampleSortFilterProxy& proxy, bool background)
{
    proxy.setRowsSortedInBackground(background ? 1 : std::numeric_limits<int>::max());
}

// All the samples, and two proxies over them: one that sorts on a worker, one that sorts at once.
struct SortedTwice
{
    explicit SortedTwice(PlatformApi* api) : model(api)
    {
        sortInBackground(background, true);
        sortInBackground(atOnce, false);
    }
    bool load()
    {
        model.reload({});
        return loadToTheEnd(model);
    }

    SampleTableModel model;
    SampleSortFilterProxy background{&model};
    SampleSortFilterProxy atOnce{&model};
};

} // namespace

// SampleTableModel against the real sandbox: lazy paging, stale answers, failures and retry.
class TestSampleTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorOutput()));
        m_stack = signedInStack(m_sandbox, m_sandbox.apiEndpoint(), kSampleUser);
        QVERIFY(m_stack);
        m_all = allSamples(m_stack->api, {});
        // Enough samples that small pages really page.
        QVERIFY2(m_all.size() > 20, qPrintable(QString::number(m_all.size())));
    }

    void pagesLoadOnDemandWithoutOverlap()
    {
        // No model tester here: it calls fetchMore() after every change, which is the next test.
        SampleTableModel model(&m_stack->api);
        model.setPageSize(7);
        QVERIFY(!model.canFetchMore({})); // nothing before the first reload
        model.reload({});
        QVERIFY(model.isLoading());
        // One page in flight: asking again starts nothing.
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.requestedPages(), QList<qint64>{1});

        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), kWaitMs);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.total(), std::optional<qint64>(m_all.size()));
        QVERIFY(model.canFetchMore({}));
        QVERIFY(!model.canFetchMore(model.index(0, 0))); // a table: no children

        model.fetchMore({});
        model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), kWaitMs);
        QCOMPARE(model.rowCount(), 14);
        QCOMPARE(model.requestedPages(), (QList<qint64>{1, 2}));

        QVERIFY(loadToTheEnd(model));
        QCOMPARE(model.rowCount(), m_all.size());
        QCOMPARE(idsOf(model), idsOf(m_all)); // the server's order, each sample once
        QCOMPARE(model.requestedPages(), oneTo(pagesFor(m_all.size(), 7)));
        QVERIFY(!model.canFetchMore({}));
    }

    void modelTesterHammeringFetchMore()
    {
        // QAbstractItemModelTester calls fetchMore() on every insertion and reset: the model
        // must stay consistent and never ask for a page twice or two pages at once.
        SampleTableModel model(&m_stack->api);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(SampleTableModel::SortRole);
        proxy.sort(SampleTableModel::Collected);
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(9);
        model.reload({});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), m_all.size(), kWaitMs);
        QVERIFY(!model.isLoading());
        QCOMPARE(model.requestedPages(), oneTo(pagesFor(m_all.size(), 9)));
        QCOMPARE(proxy.rowCount(), m_all.size());
        // Sorted by collection time, oldest first (samples without a time first).
        for (int row = 1; row < proxy.rowCount(); ++row) {
            const QDateTime before = proxy.index(row - 1, SampleTableModel::Collected)
                                         .data(SampleTableModel::SortRole)
                                         .toDateTime();
            const QDateTime after =
                proxy.index(row, SampleTableModel::Collected).data(SampleTableModel::SortRole).toDateTime();
            QVERIFY(!before.isValid() || before <= after);
        }
        model.reload({}); // a reset in the middle of it all
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), m_all.size(), kWaitMs);
    }

    void cellsShowNamesAndSortByRawValues()
    {
        SampleTableModel model(&m_stack->api);
        model.reload({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() > 0, kWaitMs);
        const int row =
            model.rowOf(m_sandbox.user(0).value(u"samples").toObject().value(u"genomics").toString());
        QVERIFY(row >= 0);
        const Sample& s = model.sampleAt(row);
        const auto cell = [&model, row](int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(SampleTableModel::BiosampleId).toString(), s.biosampleId);
        QCOMPARE(cell(SampleTableModel::Site).toString(), u"blood"_s);
        QCOMPARE(cell(SampleTableModel::Omics).toString(), u"genomics"_s);
        QCOMPARE(cell(SampleTableModel::Organism).toString(), u"human"_s);
        QCOMPARE(cell(SampleTableModel::Status).toString(), s.status.display);
        QCOMPARE(cell(SampleTableModel::Status, SampleTableModel::SortRole).toInt(), s.status.code);
        QCOMPARE(cell(SampleTableModel::DataAvailable, SampleTableModel::SortRole).toBool(),
                 *s.dataAvailability);
        QCOMPARE(cell(SampleTableModel::Updated, SampleTableModel::SortRole).toDateTime(),
                 QDateTime::fromString(s.updateTime, Qt::ISODate));
        QVERIFY(cell(SampleTableModel::Project).toString().contains(s.projects.value(0).projectId));
        QVERIFY(cell(SampleTableModel::Site, Qt::ToolTipRole).toString().contains(u"11"_s));
        QCOMPARE(model.headerData(SampleTableModel::Collected, Qt::Horizontal).toString(), u"Collected"_s);
    }

    void aViewScrollingPagesThroughEverything()
    {
        SampleTableModel model(&m_stack->api);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(SampleTableModel::SortRole);
        model.setPageSize(5);
        QTableView view;
        view.setModel(&proxy);
        view.resize(600, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.reload({});
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 5 && !model.isLoading(), kWaitMs);
        // The view asks for pages only as it needs them: far from everything yet.
        QVERIFY(model.rowCount() < m_all.size());

        // Scrolling to the bottom is what fetches: the model never runs ahead of the view.
        for (int guard = 0; guard < 200 && model.rowCount() < m_all.size(); ++guard) {
            const int before = model.rowCount();
            view.scrollToBottom();
            QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), kWaitMs);
            QVERIFY2(model.rowCount() > before, "scrolling to the bottom fetched nothing");
        }
        QCOMPARE(model.rowCount(), m_all.size());
        QCOMPARE(model.requestedPages(), oneTo(pagesFor(m_all.size(), 5)));
        QCOMPARE(proxy.rowCount(), m_all.size());
    }

    void aNewQueryDropsTheOldAnswers()
    {
        SampleTableModel model(&m_stack->api);
        QSignalSpy reset(&model, &SampleTableModel::reset);
        SampleQuery blood;
        blood.sites = {11};
        SampleQuery feces;
        feces.sites = {1};
        model.reload(blood);
        model.reload(feces); // before blood was answered
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), kWaitMs);
        QVERIFY(loadToTheEnd(model));
        QCOMPARE(reset.count(), 2);
        QCOMPARE(idsOf(model), idsOf(allSamples(m_stack->api, feces)));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.sampleAt(row).site.code, 1);
        QCOMPARE(model.requestedPages(), QList<qint64>{1});
    }

    void failuresStopPagingUntilRetried()
    {
        // The network between the app and the platform goes away, then comes back.
        TcpGate gate(QUrl(m_sandbox.apiEndpoint()));
        QVERIFY(gate.listen());
        auto stack = signedInStack(m_sandbox, gate.url().toString(), kSampleUser);
        QVERIFY(stack);
        stack->connection.setRetryPolicy(RetryPolicy::none()); // one attempt: the test is about the model

        SampleTableModel model(&stack->api);
        QSignalSpy failed(&model, &SampleTableModel::loadFailed);
        model.setPageSize(10);
        model.reload({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), kWaitMs);
        QCOMPARE(model.rowCount(), 10);

        gate.setOpen(false);
        model.fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        const ApiError error = failed.first().first().value<ApiError>();
        QVERIFY2(error.isRetryable(), qPrintable(describe(error)));
        QVERIFY(model.hasError());
        QCOMPARE(model.rowCount(), 10);
        // A view at the bottom would call fetchMore again and again: nothing is sent.
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.requestedPages(), (QList<qint64>{1, 2}));

        gate.setOpen(true);
        model.retry();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), kWaitMs);
        QVERIFY(!model.hasError());
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(model.requestedPages(), (QList<qint64>{1, 2, 2})); // the same page, asked again
        QVERIFY(loadToTheEnd(model));
        QCOMPARE(idsOf(model), idsOf(m_all));
    }

    void refusalsAreSurfaced()
    {
        // A token without sample.default:read: the platform refuses with 401.
        auto narrow = signedInStack(m_sandbox, m_sandbox.apiEndpoint(), kSampleUser, {u"profile.default"_s});
        QVERIFY(narrow);
        SampleTableModel model(&narrow->api);
        QSignalSpy failed(&model, &SampleTableModel::loadFailed);
        model.reload({});
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QCOMPARE(model.lastError().kind(), ApiError::Kind::Api);
        QCOMPARE(model.lastError().apiCode(), 401);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.total().has_value());
    }

    void withoutAnApiNothingLoads()
    {
        SampleTableModel model(nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload({});
        QVERIFY(!model.isLoading());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 0);

        model.setApi(&m_stack->api);
        model.reload({});
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, kWaitMs);
        model.setApi(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
    }

    void improvedSamplesReplaceTheirRow()
    {
        SampleTableModel model(&m_stack->api);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Shown sorted by external id and searched: the row moves to its new place, keeping
        // its persistent index (the view's selection), and the search sees its new text.
        SampleSortFilterProxy proxy(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(SampleTableModel::ExternalId, Qt::AscendingOrder);
        model.reload({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() > 1, kWaitMs);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Sample s = model.sampleAt(1);
        QVERIFY(!s.raw.isEmpty()); // the whole record, parsed again
        QCOMPARE(s.raw.value(u"biosample_id"_s).toString(), s.biosampleId);
        QVERIFY(model.summaryAt(1).raw.isEmpty());
        const QPersistentModelIndex selected = proxy.mapFromSource(model.index(1, 0));
        QVERIFY(selected.isValid());
        s.externalSampleId = u"~renamed"_s; // after every letter and digit
        s.raw.insert(u"external_sample_id"_s, s.externalSampleId);
        QVERIFY(model.updateSample(s));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1, SampleTableModel::ExternalId).data().toString(), u"~renamed"_s);
        QCOMPARE(model.sampleAt(1).externalSampleId, u"~renamed"_s);
        QCOMPARE(selected.data(SampleTableModel::BiosampleIdRole).toString(), s.biosampleId);
        QCOMPARE(selected.row(), proxy.rowCount() - 1);
        proxy.setSearchText(u"~RENAMED"_s);
        QCOMPARE(proxy.rowCount(), 1);
        s.externalSampleId = u"again"_s;
        s.raw.insert(u"external_sample_id"_s, s.externalSampleId);
        QVERIFY(model.updateSample(s));
        QCOMPARE(proxy.rowCount(), 0); // searched away
        proxy.setSearchText(u"again"_s);
        QCOMPARE(proxy.rowCount(), 1);
        s.biosampleId = u"E-B00000000000"_s;
        QVERIFY(!model.updateSample(s));
    }

    // The sample list's proxy (issue 16): a sort made on a worker ends in the order a sort made
    // at once gives, stable (rows equal in the column keep the order they had) and under the
    // model tester.
    void backgroundSortsEndAsSortsMadeAtOnce()
    {
        SortedTwice sorted(&m_stack->api);
        QVERIFY(sorted.load());
        auto& [model, background, atOnce] = sorted;
        QAbstractItemModelTester tester(&background, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy sorting(&background, &SampleSortFilterProxy::sortingChanged);
        const QList<std::pair<int, Qt::SortOrder>> sorts = {
            {SampleTableModel::Collected, Qt::AscendingOrder},
            {SampleTableModel::Status, Qt::DescendingOrder},
            {SampleTableModel::Site, Qt::AscendingOrder},
            {-1, Qt::AscendingOrder},
            {SampleTableModel::ExternalId, Qt::DescendingOrder},
            {SampleTableModel::Primary, Qt::AscendingOrder}};
        for (const auto& [column, order] : sorts) {
            background.sort(column, order);
            atOnce.sort(column, order);
            QVERIFY(!atOnce.isSorting());
            QCOMPARE(background.isSorting(), column >= 0);
            QCOMPARE(background.sortColumn(), column);
            QCOMPARE(background.sortOrder(), order);
            QTRY_VERIFY_WITH_TIMEOUT(!background.isSorting(), kWaitMs);
            QCOMPARE(sourceRows(background), sourceRows(atOnce));
            QCOMPARE(background.rowCount(), model.rowCount());
            if (column == SampleTableModel::Site) {
                // Stable: within a site, still by status, highest first.
                for (int row = 1; row < background.rowCount(); ++row) {
                    const QString a = keyAt(background, row - 1, column).toString();
                    const QString b = keyAt(background, row, column).toString();
                    QVERIFY(a <= b);
                    if (a == b)
                        QVERIFY(keyAt(background, row - 1, SampleTableModel::Status).toInt() >=
                                keyAt(background, row, SampleTableModel::Status).toInt());
                }
            }
            if (column == -1)
                QCOMPARE(sourceRows(background).first(), 0); // the server's order again
        }
        // Collected ascending: the dates rise, and samples without one come last.
        background.sort(SampleTableModel::Collected, Qt::AscendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(!background.isSorting(), kWaitMs);
        for (int row = 1; row < background.rowCount(); ++row) {
            const QDateTime a = keyAt(background, row - 1, SampleTableModel::Collected).toDateTime();
            const QDateTime b = keyAt(background, row, SampleTableModel::Collected).toDateTime();
            QVERIFY(!b.isValid() || (a.isValid() && a <= b));
        }
        QCOMPARE(sorting.last().first().toBool(), false);
    }

    // A second header click while the first sort is still on its worker: the table ends in the
    // second order, applied once; the first result is dropped.
    void aSortAskedWhileOneRunsEndsInTheLatest()
    {
        SortedTwice sorted(&m_stack->api);
        QVERIFY(sorted.load());
        auto& [model, background, atOnce] = sorted;
        QAbstractItemModelTester tester(&background, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy layouts(&background, &QAbstractItemModel::layoutChanged);
        background.sort(SampleTableModel::Collected, Qt::AscendingOrder);
        background.sort(SampleTableModel::Status, Qt::DescendingOrder);
        atOnce.sort(SampleTableModel::Status, Qt::DescendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(!background.isSorting(), kWaitMs);
        // Both workers are done, and whatever they posted has been delivered.
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(50);
        QCOMPARE(layouts.count(), 1);
        QCOMPARE(background.sortColumn(), int(SampleTableModel::Status));
        QCOMPARE(sourceRows(background), sourceRows(atOnce));

        // A reset while a sort runs drops it too, and sorts the new rows.
        background.sort(SampleTableModel::ExternalId, Qt::AscendingOrder);
        QVERIFY(background.isSorting());
        model.reload({});
        QVERIFY(!background.isSorting());
        QVERIFY(loadToTheEnd(model));
        QTRY_VERIFY_WITH_TIMEOUT(!background.isSorting(), kWaitMs);
        atOnce.sort(SampleTableModel::ExternalId, Qt::AscendingOrder);
        QCOMPARE(sourceRows(background), sourceRows(atOnce));
    }

    // Pages that arrive while a sort is on its worker, and a quick search typed meanwhile: once
    // the sort is applied, every row is there, in its place, and only the rows searched for.
    void rowsArrivingDuringABackgroundSortEndSorted()
    {
        SampleTableModel model(&m_stack->api);
        model.setPageSize(7);
        SampleSortFilterProxy background(&model);
        sortInBackground(background, true);
        model.reload({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == 7, kWaitMs);

        // The pool's threads wait at a gate: the sort cannot start before the pages are in.
        QThreadPool* pool = QThreadPool::globalInstance();
        QSemaphore gate;
        const int threads = pool->maxThreadCount();
        for (int i = 0; i < threads; ++i)
            pool->start([&gate] { gate.acquire(); });
        background.sort(SampleTableModel::Collected, Qt::DescendingOrder);
        QVERIFY(background.isSorting());
        // The tester asks for more after every change: from here on, pages come by themselves.
        QAbstractItemModelTester tester(&background, QAbstractItemModelTester::FailureReportingMode::QtTest);
        background.setSearchText(u"BLOOD"_s);
        QVERIFY(loadToTheEnd(model));
        QCOMPARE(model.rowCount(), m_all.size());
        QVERIFY(background.isSorting());
        gate.release(threads);
        QTRY_VERIFY_WITH_TIMEOUT(!background.isSorting(), kWaitMs);

        SampleSortFilterProxy atOnce(&model);
        sortInBackground(atOnce, false);
        atOnce.setSearchText(u"blood"_s);
        atOnce.sort(SampleTableModel::Collected, Qt::DescendingOrder);
        int blood = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            blood += model.searchText(row).contains(u"blood"_s) ? 1 : 0;
        QVERIFY(blood > 0 && blood < model.rowCount());
        QCOMPARE(background.rowCount(), blood);
        QCOMPARE(sourceRows(background), sourceRows(atOnce));
        for (int row = 1; row < background.rowCount(); ++row) {
            const QDateTime a = keyAt(background, row - 1, SampleTableModel::Collected).toDateTime();
            const QDateTime b = keyAt(background, row, SampleTableModel::Collected).toDateTime();
            QVERIFY(!a.isValid() || (b.isValid() && a >= b));
        }
        background.setSearchText({});
        QCOMPARE(background.rowCount(), model.rowCount());
    }

private:
    SandboxProcess m_sandbox;
    std::unique_ptr<ClientStack> m_stack;
    QList<Sample> m_all;
};

QTEST_MAIN(TestSampleTableModel)
#include "tst_sampletablemodel.moc"
