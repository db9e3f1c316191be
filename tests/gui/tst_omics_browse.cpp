// Browsing HealthOmics in the workspace against the sandbox's emulator: the stores equal
// ListSequenceStores; the read-set table, scrolled to its end, holds exactly what ListReadSets
// gives page by page; each server filter gives what the API gives; the quick search filters
// without a request; sorting; the detail pane equals GetReadSetMetadata; the ARN is copied;
// drops and downloads become signals; F5 and Ctrl+F; every model under QAbstractItemModelTester;
// a screenshot at 1280×800.
#include "omicsbrowsesupport.h"

#include "common/errorbanner.h"
#include "common/jsontreemodel.h"
#include "omics/omicsaccountswitcher.h"
#include "omics/omicsworkspace.h"
#include "omics/readsetdetailview.h"
#include "omics/readsetfilterbar.h"
#include "omics/readsetspanel.h"
#include "omics/readsettablemodel.h"
#include "omics/sequencestoremodel.h"

#include "omics/readsetdownloadjob.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDropEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTabWidget>

using namespace bge;
using namespace bge::test;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr int kPageSize = 10; // 43 read sets: five pages

QStringList ids(const QList<omics::ReadSetListItem>& items)
{
    QStringList out;
    for (const auto& r : items)
        out.append(r.id);
    return out;
}

QStringList modelIds(const ReadSetTableModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.readSetAt(row).id);
    return out;
}

} // namespace

class TestOmicsBrowse final : public QObject
{
    Q_OBJECT

private:
    OmicsGuiEnvironment m_env;
    omics::OmicsConnection* m_reference = nullptr; // the API as the tests' own reference
    std::unique_ptr<OmicsWorkspace> m_workspace;
    QList<QAbstractItemModelTester*> m_testers;
    QString m_store;

    ReadSetsPanel* panel() const { return m_workspace->readSetsPanel(); }
    ReadSetTableModel* model() const { return panel()->model(); }

    std::optional<QList<omics::ReadSetListItem>> apiReadSets(const omics::ReadSetFilter& filter = {})
    {
        return allPages<omics::ReadSetListItem>([&](const omics::ListOptions& o) {
            return omics::OmicsApi(m_reference).listReadSets(m_store, filter, o);
        });
    }

    // Scrolls the table to its end until the last page is in, the way a person reads it.
    bool scrollToTheEnd()
    {
        for (int guard = 0; guard < 200; ++guard) {
            if (!QTest::qWaitFor([this] { return !model()->isLoading(); }, kWaitMs))
                return false;
            if (model()->isComplete())
                return true;
            if (model()->lastError().isError())
                return false;
            panel()->view()->scrollToBottom();
            QTest::qWait(20);
        }
        return false;
    }

    void makeWorkspace()
    {
        m_workspace =
            std::make_unique<OmicsWorkspace>(m_env.connections.get(), m_env.info, m_env.settings.get());
        for (QAbstractItemModel* m : std::initializer_list<QAbstractItemModel*>{
                 m_workspace->storeModel(), m_workspace->storeView()->model(), model(), panel()->proxy(),
                 panel()->detailView()->jsonModel()})
            m_testers.append(new QAbstractItemModelTester(
                m, QAbstractItemModelTester::FailureReportingMode::QtTest, m_workspace.get()));
        m_workspace->resize(1280, 800);
        m_workspace->show();
        // Shortcuts (F5, Ctrl+F) only reach the active window.
        m_workspace->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_workspace.get()));
    }

    void showAll()
    {
        panel()->filterBar()->clear();
        panel()->quickSearch()->clear();
        panel()->view()->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("BGE_PRIVATE_KEYRING"), "run through ctest: it writes secrets");
        QVERIFY2(m_env.start(), qPrintable(m_env.sandbox.errorOutput()));
        QVERIFY(m_env.saveEmulatorAccount(u"emu"_s));
        const Result<omics::OmicsConnection*> c = m_env.connections->connection(u"emu"_s);
        QVERIFY(c);
        m_reference = c.value();
        m_store = m_env.storeIds().value(0);
        QVERIFY(!m_store.isEmpty());
        makeWorkspace();
        QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
        QCOMPARE(m_workspace->currentAccount(), u"emu"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->storeModel()->rowCount() > 0, kWaitMs);
        // The first store is chosen at once; its read sets in pages of ten.
        QTRY_COMPARE(m_workspace->currentStore().id, m_store);
        model()->setPageSize(kPageSize);
        m_workspace->refreshReadSets();
    }

    void storesEqualListSequenceStores()
    {
        const auto stores = allPages<omics::SequenceStore>([&](const omics::ListOptions& o) {
            return omics::OmicsApi(m_reference).listSequenceStores({}, o);
        });
        QVERIFY(stores);
        SequenceStoreModel* m = m_workspace->storeModel();
        QTRY_VERIFY_WITH_TIMEOUT(!m->isLoading(), kWaitMs);
        QCOMPARE(m->rowCount(), stores->size());
        for (int row = 0; row < m->rowCount(); ++row) {
            const omics::SequenceStore& api = stores->at(row);
            QCOMPARE(m->storeAt(row).id, api.id);
            QCOMPARE(m->data(m->index(row, SequenceStoreModel::Name)).toString(), api.name);
            QCOMPARE(m->data(m->index(row, SequenceStoreModel::Id)).toString(), api.id);
            QCOMPARE(m->data(m->index(row, SequenceStoreModel::Region)).toString(), m_env.emulator().region);
            QCOMPARE(m->data(m->index(row, SequenceStoreModel::Created), SequenceStoreModel::SortRole)
                         .toDateTime(),
                     api.creationTime);
            QCOMPARE(
                m->data(m->index(row, SequenceStoreModel::Status), SequenceStoreModel::SortRole).toString(),
                api.status);
        }
        QCOMPARE(m_workspace->storeTabs()->tabText(0), u"Read sets"_s);
    }

    void readSetTableHoldsEveryPage()
    {
        showAll();
        const auto api = apiReadSets();
        QVERIFY(api);
        QCOMPARE(api->size(), 43);
        // One fetch at a time: asking again while a page is on its way asks nothing more.
        model()->reload();
        QVERIFY(model()->isLoading());
        QVERIFY(!model()->canFetchMore({}));
        model()->fetchMore({});
        model()->fetchMore({});
        QCOMPARE(model()->requestCount(), 1);
        QVERIFY(scrollToTheEnd());
        QCOMPARE(modelIds(*model()), ids(*api));
        // Only as many pages as needed, each asked for once: 43 in tens are five.
        QCOMPARE(model()->requestCount(), 5);
        QVERIFY2(panel()->statusText().startsWith(u"43 read set"_s), qPrintable(panel()->statusText()));
        // Row values are the API's.
        const int row = 7;
        const omics::ReadSetListItem& r = api->at(row);
        const auto cell = [this, row](int column, int role = Qt::DisplayRole) {
            return model()->data(model()->index(row, column), role);
        };
        QCOMPARE(cell(ReadSetTableModel::Name).toString(), r.name);
        QCOMPARE(cell(ReadSetTableModel::SubjectId).toString(), r.subjectId);
        QCOMPARE(cell(ReadSetTableModel::SampleId).toString(), r.sampleId);
        QCOMPARE(cell(ReadSetTableModel::FileType, ReadSetTableModel::SortRole).toString(), r.fileType);
        QCOMPARE(cell(ReadSetTableModel::Status, ReadSetTableModel::SortRole).toString(), r.status);
        QCOMPARE(cell(ReadSetTableModel::Created, ReadSetTableModel::SortRole).toDateTime(), r.creationTime);
    }

    void eachServerFilterMatchesTheApi()
    {
        showAll();
        const auto all = apiReadSets();
        QVERIFY(all && all->size() > 10);
        const omics::ReadSetListItem& sample = all->at(5);
        ReadSetFilterBar* bar = panel()->filterBar();
        const auto combo = [bar](const QString& name) { return bar->findChild<QComboBox*>(name); };
        const auto line = [bar](const QString& name) { return bar->findChild<QLineEdit*>(name); };
        const auto typeAndEnter = [](QLineEdit* edit, const QString& text) {
            edit->setFocus(Qt::TabFocusReason);
            edit->selectAll();
            QTest::keyClicks(edit, text);
            QTest::keyClick(edit, Qt::Key_Return);
        };

        struct Case
        {
            QString name;
            std::function<void()> set;
            std::function<bool(const omics::ReadSetListItem&)> local; // for the file type only
        };
        QDateTime middle = all->at(all->size() / 2).creationTime.toLocalTime();
        const QList<Case> cases{
            {u"name"_s, [&] { typeAndEnter(line(u"filterName"_s), sample.name); }, {}},
            {u"subject"_s, [&] { typeAndEnter(line(u"filterSubject"_s), sample.subjectId); }, {}},
            {u"sample"_s, [&] { typeAndEnter(line(u"filterSample"_s), sample.sampleId); }, {}},
            {u"status"_s,
             [&] {
                 combo(u"filterStatus"_s)->setCurrentIndex(combo(u"filterStatus"_s)->findData(u"ACTIVE"_s));
             },
             {}},
            {u"creation type"_s,
             [&] {
                 combo(u"filterCreationType"_s)
                     ->setCurrentIndex(combo(u"filterCreationType"_s)->findData(sample.creationType));
             },
             {}},
            {u"created after"_s,
             [&] { bar->findChild<QDateEdit*>(u"filterCreatedAfter"_s)->setDate(middle.date()); },
             {}},
            {u"created before"_s,
             [&] { bar->findChild<QDateEdit*>(u"filterCreatedBefore"_s)->setDate(middle.date()); },
             {}},
            {u"file type"_s,
             [&] {
                 combo(u"filterFileType"_s)->setCurrentIndex(combo(u"filterFileType"_s)->findData(u"CRAM"_s));
             },
             [](const omics::ReadSetListItem& r) { return r.fileType == u"CRAM"; }},
        };
        for (const Case& c : cases) {
            showAll();
            c.set();
            const ReadSetQuery query = bar->query();
            QVERIFY2(!query.isEmpty(), qPrintable(c.name));
            QCOMPARE(model()->query(), query); // the change reloaded the table
            QVERIFY2(scrollToTheEnd(), qPrintable(c.name));
            auto expected = apiReadSets(query.filter);
            QVERIFY(expected);
            if (c.local) {
                QList<omics::ReadSetListItem> kept;
                for (const auto& r : *expected) {
                    if (c.local(r))
                        kept.append(r);
                }
                *expected = kept;
            }
            QVERIFY2(!expected->isEmpty(), qPrintable(c.name));
            QCOMPARE(modelIds(*model()), ids(*expected));
            qInfo("%s: %d of %d", qPrintable(c.name), int(expected->size()), int(all->size()));
        }
        // Narrower than everything where the data allows it.
        showAll();
        typeAndEnter(line(u"filterSubject"_s), sample.subjectId);
        QVERIFY(scrollToTheEnd());
        QVERIFY(model()->rowCount() > 0 && model()->rowCount() < all->size());
        showAll();
        QVERIFY(scrollToTheEnd());
        QCOMPARE(model()->rowCount(), all->size());
    }

    void quickSearchSendsNoRequest()
    {
        showAll();
        QVERIFY(scrollToTheEnd());
        const int loaded = model()->rowCount();
        const QString sampleId = model()->readSetAt(3).sampleId;
        int expected = 0;
        for (int row = 0; row < loaded; ++row) {
            const omics::ReadSetListItem& r = model()->readSetAt(row);
            bool any = false;
            for (int column = 0; column < ReadSetTableModel::ColumnCount; ++column)
                any = any || model()
                                 ->data(model()->index(row, column))
                                 .toString()
                                 .contains(sampleId, Qt::CaseInsensitive);
            expected += any ? 1 : 0;
            Q_UNUSED(r)
        }
        QVERIFY(expected > 0 && expected < loaded);
        const int before = m_env.omicsRequests(u"POST /sequencestore/"_s);
        const int requestsBefore = model()->requestCount();
        panel()->view()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(panel()->view(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(panel()->quickSearch()->hasFocus());
        QTest::keyClicks(panel()->quickSearch(), sampleId.toLower());
        QCOMPARE(panel()->proxy()->rowCount(), expected);
        QCOMPARE(model()->rowCount(), loaded);
        QTest::qWait(200);
        QCOMPARE(model()->requestCount(), requestsBefore);
        QCOMPARE(m_env.omicsRequests(u"POST /sequencestore/"_s), before);
        QVERIFY(panel()->statusText().contains(QString::number(expected)));
        panel()->quickSearch()->clear();
        QCOMPARE(panel()->proxy()->rowCount(), loaded);
    }

    void sortByAColumn()
    {
        showAll();
        QVERIFY(scrollToTheEnd());
        QHeaderView* header = panel()->view()->horizontalHeader();
        header->showSection(ReadSetTableModel::Name);
        const int x = header->sectionViewportPosition(ReadSetTableModel::Name) +
                      header->sectionSize(ReadSetTableModel::Name) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QCOMPARE(header->sortIndicatorSection(), int(ReadSetTableModel::Name));
        QSortFilterProxyModel* proxy = panel()->proxy();
        QStringList shown;
        for (int row = 0; row < proxy->rowCount(); ++row)
            shown.append(proxy->index(row, ReadSetTableModel::Name).data().toString());
        QStringList sorted = shown;
        std::sort(sorted.begin(), sorted.end(),
                  [](const QString& a, const QString& b) { return QString::localeAwareCompare(a, b) < 0; });
        const Qt::SortOrder order = header->sortIndicatorOrder();
        if (order == Qt::DescendingOrder)
            std::reverse(sorted.begin(), sorted.end());
        QCOMPARE(shown, sorted);
        QVERIFY(shown != [this] {
            QStringList n;
            for (int r = 0; r < model()->rowCount(); ++r)
                n.append(model()->readSetAt(r).name);
            return n;
        }());
        // Numbers sort as numbers: by read count.
        proxy->sort(ReadSetTableModel::ReadCount, Qt::AscendingOrder);
        for (int row = 1; row < proxy->rowCount(); ++row) {
            QVERIFY(proxy->index(row - 1, ReadSetTableModel::ReadCount)
                        .data(ReadSetTableModel::SortRole)
                        .toLongLong() <= proxy->index(row, ReadSetTableModel::ReadCount)
                                             .data(ReadSetTableModel::SortRole)
                                             .toLongLong());
        }
        header->setSortIndicator(-1, Qt::AscendingOrder);
    }

    void detailPaneEqualsGetReadSetMetadata()
    {
        showAll();
        QVERIFY(scrollToTheEnd());
        // A paired FASTQ has the most to show.
        int row = -1;
        for (int r = 0; r < model()->rowCount() && row < 0; ++r) {
            if (model()->readSetAt(r).fileType == u"FASTQ")
                row = r;
        }
        QVERIFY(row >= 0);
        const QString id = model()->readSetAt(row).id;
        const Result<omics::ReadSetMetadata> api =
            await(omics::OmicsApi(m_reference).readSetMetadata(m_store, id));
        QVERIFY(api);
        const omics::ReadSetMetadata& m = api.value();

        QTableView* view = panel()->view();
        const QModelIndex index =
            panel()->proxy()->mapFromSource(model()->index(row, ReadSetTableModel::Name));
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        ReadSetDetailView* detail = panel()->detailView();
        QTRY_VERIFY_WITH_TIMEOUT(detail->metadata() && detail->metadata()->readSet.id == id, kWaitMs);
        QCOMPARE(detail->fieldText(u"name"_s), m.readSet.name);
        QCOMPARE(detail->fieldText(u"id"_s), m.readSet.id);
        QCOMPARE(detail->fieldText(u"description"_s), m.readSet.description);
        QCOMPARE(detail->fieldText(u"subjectId"_s), m.readSet.subjectId);
        QCOMPARE(detail->fieldText(u"sampleId"_s), m.readSet.sampleId);
        QCOMPARE(detail->fieldText(u"fileType"_s), m.readSet.fileType);
        QCOMPARE(detail->fieldText(u"status"_s), u"Active"_s);
        QCOMPARE(detail->fieldText(u"referenceArn"_s), m.readSet.referenceArn);
        QCOMPARE(detail->fieldText(u"creationJobId"_s), m.creationJobId);
        QCOMPARE(detail->fieldText(u"arn"_s), m.readSet.arn);
        QVERIFY(m.readSet.sequenceInformation);
        QCOMPARE(detail->fieldText(u"readCount"_s),
                 QLocale().toString(*m.readSet.sequenceInformation->totalReadCount));
        QCOMPARE(detail->fieldText(u"alignment"_s), m.readSet.sequenceInformation->alignment);
        QVERIFY(m.source1);
        QVERIFY2(
            detail->fieldText(u"SOURCE1"_s).contains(QLocale().formattedDataSize(m.source1->contentLength)),
            qPrintable(detail->fieldText(u"SOURCE1"_s)));
        QVERIFY(detail->fieldText(u"SOURCE1"_s).contains(QString::number(m.source1->totalParts)));
        if (m.source2)
            QVERIFY(detail->fieldText(u"SOURCE2"_s)
                        .contains(QLocale().formattedDataSize(m.source2->contentLength)));
        else
            QCOMPARE(detail->fieldText(u"SOURCE2"_s), u"None"_s);
        // The raw JSON is the service's answer.
        QCOMPARE(detail->jsonModel()->json().toObject(), m.readSet.raw);
        QVERIFY(detail->jsonModel()->rowCount() > 5);

        // Copy ARN.
        QApplication::clipboard()->clear();
        QTest::mouseClick(detail->findChild<QPushButton*>(u"copyArnButton"_s), Qt::LeftButton);
        QTRY_COMPARE(QApplication::clipboard()->text(), m.readSet.arn);

        // Download… asks the workspace's owner, with the reference name.
        QSignalSpy download(m_workspace.get(), &OmicsWorkspace::downloadRequested);
        auto* button = detail->findChild<QPushButton*>(u"download_SOURCE1"_s);
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(download.size(), 1);
        const QList<QVariant> args = download.takeFirst();
        QCOMPARE(args.at(0).toString(), u"emu"_s);
        QCOMPARE(args.at(1).toString(), m_store);
        QCOMPARE(args.at(2).toString(), id);
        QCOMPARE(args.at(3).toString(), u"SOURCE1"_s);
        QCOMPARE(args.at(4).toString(), omics::ReadSetDownloadJob::defaultFileName(m, u"SOURCE1"_s));
        QVERIFY(!detail->findChild<QPushButton*>(u"download_INDEX"_s)->isEnabled()); // FASTQ: no index
    }

    void filesDroppedOnAStoreOrTheTable()
    {
        QTableView* stores = m_workspace->storeView();
        QSignalSpy dropped(m_workspace.get(), &OmicsWorkspace::filesDropped);
        const auto drop = [](QWidget* target, const QPoint& pos, const QList<QUrl>& urls) {
            QMimeData mime;
            mime.setUrls(urls);
            QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(target, &enter);
            const bool accepted = enter.isAccepted();
            QDropEvent event(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(target, &event);
            return accepted;
        };
        const QList<QUrl> files{QUrl::fromLocalFile(u"/tmp/a_R1.fastq.gz"_s),
                                QUrl::fromLocalFile(u"/tmp/a_R2.fastq.gz"_s)};
        // On the second store.
        const QModelIndex second = stores->model()->index(1, 0);
        QVERIFY(second.isValid());
        QVERIFY(drop(stores->viewport(), stores->visualRect(second).center(), files));
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.at(0).at(0).toString(), u"emu"_s);
        QCOMPARE(dropped.at(0).at(1).value<omics::SequenceStore>().id,
                 m_workspace->storeModel()->storeAt(1).id);
        QCOMPARE(dropped.at(0).at(2).value<QList<QUrl>>(), files);
        // Remote URLs are refused.
        QVERIFY(!drop(stores->viewport(), stores->visualRect(second).center(),
                      {QUrl(u"https://example.org/x.bam"_s)}));
        QCOMPARE(dropped.size(), 1);
        // On the table: the selected store.
        QVERIFY(drop(panel()->view()->viewport(), QPoint(20, 20), files));
        QCOMPARE(dropped.size(), 2);
        QCOMPARE(dropped.at(1).at(1).value<omics::SequenceStore>().id, m_store);
    }

    void f5Refreshes()
    {
        showAll();
        QVERIFY(scrollToTheEnd());
        const int before = m_env.omicsRequests(u"POST /sequencestore/"_s);
        panel()->view()->setFocus();
        QTest::keyClick(panel()->view(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(m_env.omicsRequests(u"POST /sequencestore/"_s) > before, kWaitMs);
        QVERIFY(scrollToTheEnd());
        QCOMPARE(model()->rowCount(), 43);
    }

    void enterOpensStoreThenReadSet()
    {
        QTableView* stores = m_workspace->storeView();
        stores->setFocus(Qt::TabFocusReason);
        QTest::keyClick(stores, Qt::Key_Return);
        QTRY_VERIFY(panel()->view()->hasFocus());
        QVERIFY(scrollToTheEnd());
        panel()->view()->setCurrentIndex(panel()->proxy()->index(0, 0));
        QTest::keyClick(panel()->view(), Qt::Key_Return);
        QTRY_VERIFY(panel()->detailView()->isAncestorOf(QApplication::focusWidget()));
    }

    void columnsAndFiltersAreRemembered()
    {
        showAll();
        QHeaderView* header = panel()->view()->horizontalHeader();
        header->showSection(ReadSetTableModel::Description);
        header->hideSection(ReadSetTableModel::SubjectId);
        panel()->filterBar()->findChild<QComboBox*>(u"filterFileType"_s)->setCurrentIndex(2);
        const ReadSetQuery query = panel()->filterBar()->query();
        QVERIFY(!query.fileType.isEmpty());
        // Saved a moment later (a resize saves on every pixel otherwise), or when the panel goes.
        QTRY_VERIFY(m_env.settings->value(u"omics/readSets/filters/fileType"_s).toString() == query.fileType);
        {
            ReadSetsPanel again(m_env.settings.get());
            QHeaderView* restored = again.view()->horizontalHeader();
            QVERIFY(restored->isSectionHidden(ReadSetTableModel::SubjectId));
            QVERIFY(!restored->isSectionHidden(ReadSetTableModel::Description));
            QCOMPARE(again.filterBar()->query(), query);
        }
        header->showSection(ReadSetTableModel::SubjectId);
        showAll();
    }

    void errorsShowInTheBannerWithRetry()
    {
        // A store that does not exist: the service's 404 becomes a sentence in the banner.
        panel()->setStore(m_reference, u"1999999999"_s);
        QTRY_VERIFY_WITH_TIMEOUT(model()->lastError().isError(), kWaitMs);
        QTRY_VERIFY(panel()->banner()->isVisible());
        QVERIFY(!panel()->banner()->text().isEmpty());
        QVERIFY(!panel()->banner()->text().contains(u"ResourceNotFoundException"_s));
        m_workspace->selectStore(m_env.storeIds().value(1));
        m_workspace->selectStore(m_store);
        QVERIFY(scrollToTheEnd());
        QVERIFY(!panel()->banner()->isVisible());
    }

    void screenshot()
    {
        showAll();
        QVERIFY(scrollToTheEnd());
        QTableView* view = panel()->view();
        const QModelIndex index = panel()->proxy()->index(2, 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        QTRY_VERIFY_WITH_TIMEOUT(panel()->detailView()->metadata(), kWaitMs);
        QTest::qWait(100);
        const QString dir = qEnvironmentVariable("BGE_SCREENSHOT_DIR", QDir::tempPath());
        const QString path = dir + u"/omics-workspace.png"_s;
        QVERIFY(m_workspace->grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    void cleanupTestCase()
    {
        m_workspace.reset();
        m_env.connections->remove(u"emu"_s);
    }
};

QTEST_MAIN(TestOmicsBrowse)
#include "tst_omics_browse.moc"
