#include "omicstestsupport.h"

#include "abundance/abundanceview.h"
#include "abundance/functionabundancemodel.h"
#include "abundance/functionspage.h"
#include "abundance/geneabundancemodel.h"
#include "abundance/genespage.h"
#include "abundance/pagedtablesection.h"
#include "abundance/taxapage.h"
#include "abundance/taxonabundancemodel.h"
#include "abundance/taxonchart.h"
#include "common/errorbanner.h"
#include "common/exportbutton.h"

#include <QAbstractItemModelTester>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace bge;
using namespace bge::ui;
using bge::test::await;
using bge::test::SignedInSandbox;

class TestAbundanceView : public QObject
{
    Q_OBJECT

    SignedInSandbox m_platform;
    Sample m_metagenomics;

    // A shown view with every model under QAbstractItemModelTester.
    std::unique_ptr<QWidget> makeWindow(AbundanceView** view)
    {
        auto window = std::make_unique<QWidget>();
        *view = new AbundanceView(m_platform.api(), window.get());
        for (QAbstractItemModel* model : {static_cast<QAbstractItemModel*>((*view)->taxaPage()->model()),
                                          static_cast<QAbstractItemModel*>((*view)->functionsPage()->model()),
                                          static_cast<QAbstractItemModel*>((*view)->genesPage()->model())})
            new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                         *view);
        window->resize(1300, 900);
        (*view)->resize(window->size());
        window->show();
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_platform.start(), qPrintable(m_platform.sandbox.errorOutput()));
        m_metagenomics = m_platform.sample(u"metagenomics"_s);
        QCOMPARE(m_metagenomics.omic.code, 2);
    }

    void taxaTableMatchesTheApi()
    {
        const auto expected =
            await(m_platform.api()->taxonAbundance(m_metagenomics.biosampleId, {}, {}, 200));
        BGE_VERIFY_OK(expected);
        QVERIFY(expected->items.size() > 10);

        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        view->setSample(m_metagenomics);
        TaxonAbundanceModel* model = view->taxaPage()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(expected->items.size()), bge::test::kWaitMs);
        for (int row = 0; row < model->rowCount(); ++row) {
            const TaxonAbundance& t = expected->items[row];
            const auto cell = [model, row](int c, int role = Qt::DisplayRole) {
                return model->index(row, c).data(role);
            };
            QCOMPARE(cell(TaxonAbundanceModel::Rank).toString(), t.rank);
            QCOMPARE(cell(TaxonAbundanceModel::Name).toString(), t.taxonName);
            QCOMPARE(cell(TaxonAbundanceModel::Lineage).toString(), t.lineage);
            QCOMPARE(cell(TaxonAbundanceModel::Abundance, TaxonAbundanceModel::SortRole).toDouble(),
                     *t.observation.value);
            QCOMPARE(cell(TaxonAbundanceModel::CohortMedian, TaxonAbundanceModel::SortRole).toDouble(),
                     t.background.percentiles.value(50));
            QCOMPARE(cell(TaxonAbundanceModel::Standing).toString(), t.background.rankRatio);
            QVERIFY(cell(TaxonAbundanceModel::Standing, Qt::ToolTipRole)
                        .toString()
                        .contains(t.background.referenceCohort));
        }
        // A second page exists only until one comes back empty (the platform gives no total).
        PagedTableSection* section = view->taxaPage()->section();
        if (section->loadMoreButton()->isEnabled()) {
            QTest::mouseClick(section->loadMoreButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!section->loadMoreButton()->isEnabled() &&
                                         section->status().contains(u"all loaded"_s),
                                     bge::test::kWaitMs);
            QCOMPARE(model->rowCount(), int(expected->items.size()));
        }
    }

    void theChartShowsTopTaxaAgainstTheCohort()
    {
        const auto expected =
            await(m_platform.api()->taxonAbundance(m_metagenomics.biosampleId, {}, {}, 1000));
        BGE_VERIFY_OK(expected);
        QList<TaxonAbundance> species;
        for (const TaxonAbundance& t : expected->items) {
            if (t.rank == u"species" && t.observation.value)
                species.append(t);
        }
        std::stable_sort(species.begin(), species.end(), [](const auto& a, const auto& b) {
            return *a.observation.value > *b.observation.value;
        });
        QVERIFY(species.size() >= TaxonChart::kDefaultTopCount);

        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        window->resize(1280 * 3 / 5, 650); // the results' share of a 1280×800 window
        view->resize(window->size());
        view->setSample(m_metagenomics);
        TaxonChart* chart = view->taxaPage()->chart();
        QTRY_COMPARE_WITH_TIMEOUT(chart->shown().size(), TaxonChart::kDefaultTopCount, bge::test::kWaitMs);
        QCOMPARE(view->taxaPage()->rankBox()->currentText(), u"species"_s);
        QCOMPARE(chart->sampleSeries()->count(), TaxonChart::kDefaultTopCount);
        const int n = TaxonChart::kDefaultTopCount;
        for (int i = 0; i < n; ++i) {
            const TaxonAbundance& t = species[i];
            QCOMPARE(chart->shown()[i].taxonId, t.taxonId);
            // The first at the top: rows are numbered from the bottom.
            QCOMPARE(chart->rowY(i), double(n - 1 - i));
            QCOMPARE(chart->sampleSeries()->at(i), QPointF(*t.observation.value, n - 1 - i));
            const QList<QPointF> whisker = chart->whiskerSeries(i)->points();
            QCOMPARE(whisker.first().x(), t.background.percentiles.value(5));
            QCOMPARE(whisker.last().x(), t.background.percentiles.value(95));
            const QAreaSeries* box = chart->boxSeries(i);
            QCOMPARE(box->upperSeries()->at(0).x(), t.background.percentiles.value(25));
            QCOMPARE(box->upperSeries()->at(1).x(), t.background.percentiles.value(75));
            QCOMPARE(chart->medianSeries(i)->at(0).x(), t.background.percentiles.value(50));
            // Names in full, on the row's category.
            QCOMPARE(chart->labelAxis()->at(n - 1 - i), TaxonChart::rowLabel(t));
            const QString tip = chart->tipFor(i);
            QVERIFY(tip.contains(TaxonChart::rowLabel(t)));
            QVERIFY(tip.contains(u"P95"_s));
        }
        QVERIFY(TaxonChart::rowLabel(species[0]).contains(u' ')); // "Bacteroides caccae", not "B. caccae"
        QVERIFY(chart->labelAxis()->titleText().isEmpty()); // the rows are named: no title takes their width
        QVERIFY(!chart->valueAxis()->titleText().isEmpty());
        QTest::qWait(100); // the chart lays its labels out on the event loop's next passes
        for (QAbstractAxis* axis : chart->chart()->axes())
            QVERIFY2(!axis->labelsTruncated(), qPrintable(axis->titleText()));

        // The log scale, with a click: the same dots, a logarithmic axis.
        QCheckBox* log = view->taxaPage()->logScaleBox();
        QTest::mouseClick(log, Qt::LeftButton, {}, QPoint(8, log->height() / 2));
        QVERIFY(chart->logScale());
        QVERIFY(qobject_cast<QLogValueAxis*>(chart->valueAxis()));
        QCOMPARE(chart->sampleSeries()->at(0),
                 QPointF(std::max(*species[0].observation.value, TaxonChart::kLogFloor), n - 1));
        QTest::qWait(100); // the chart lays its labels out on the event loop's next passes
        for (QAbstractAxis* axis : chart->chart()->axes())
            QVERIFY2(!axis->labelsTruncated(), qPrintable(axis->titleText()));
        QTest::mouseClick(log, Qt::LeftButton, {}, QPoint(8, log->height() / 2));
        QVERIFY(qobject_cast<QValueAxis*>(chart->valueAxis()));

        // Thirty taxa, the most the box offers: the chart grows (and scrolls), names stay whole.
        view->taxaPage()->findChild<QSpinBox*>(u"chartTopCount"_s)->setValue(30);
        QCOMPARE(chart->shown().size(), std::min<qsizetype>(30, species.size()));
        QTest::qWait(100); // the chart lays its labels out on the event loop's next passes
        for (QAbstractAxis* axis : chart->chart()->axes())
            QVERIFY2(!axis->labelsTruncated(), qPrintable(axis->titleText()));

        // Another rank, fewer bars.
        view->taxaPage()->rankBox()->setCurrentText(u"genus"_s);
        QVERIFY(!chart->shown().isEmpty());
        for (const TaxonAbundance& t : chart->shown())
            QCOMPARE(t.rank, u"genus"_s);
    }

    void functionsFollowTheCursorToTheEnd()
    {
        const QString catalog = u"ko"_s;
        const auto first =
            await(m_platform.api()->functionAbundance(m_metagenomics.biosampleId, catalog, {}, {}, 1000));
        BGE_VERIFY_OK(first);
        const qint64 total = first->total.value_or(first->items.size());
        QVERIFY(total > 0);
        const int pageSize = int(std::max<qint64>(2, total / 3));

        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        FunctionsPage* page = view->functionsPage();
        page->setPageSize(pageSize);
        page->setCatalog(catalog);
        view->setSample(m_metagenomics);
        QCOMPARE(page->pagesLoaded(), 0); // a hidden tab costs nothing
        view->tabs()->setCurrentWidget(page);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), pageSize, bge::test::kWaitMs);
        QPushButton* more = page->section()->loadMoreButton();
        int clicks = 0;
        for (;;) {
            // Each page arrives before the next can be asked for (no overlapping fetches).
            QTRY_VERIFY_WITH_TIMEOUT(more->isEnabled() || page->section()->status().contains(u"all loaded"_s),
                                     bge::test::kWaitMs);
            if (!more->isEnabled())
                break;
            QTest::mouseClick(more, Qt::LeftButton);
            QVERIFY(!more->isEnabled());
            QVERIFY(++clicks < 50);
        }
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), int(total), bge::test::kWaitMs);
        QTRY_VERIFY(page->section()->status().contains(u"all loaded"_s));
        QVERIFY(page->pagesLoaded() >= 3);
        QVERIFY(!more->isEnabled());
        for (int row = 0; row < first->items.size(); ++row)
            QCOMPARE(page->model()->index(row, FunctionAbundanceModel::FunctionId).data().toString(),
                     first->items[row].functionId);

        // Another catalog starts over.
        page->setCatalog(u"go"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0, bge::test::kWaitMs);
        QVERIFY(
            page->model()->index(0, FunctionAbundanceModel::System).data().toString().startsWith(u"go"_s));
    }

    void geneFilesOfferADownload()
    {
        const QString catalog = u"UniRef90_HUMAnN2_0.11"_s;
        const auto expected =
            await(m_platform.api()->geneAbundance(m_metagenomics.biosampleId, catalog, u"file"_s));
        BGE_VERIFY_OK(expected);
        QVERIFY(!expected->items.isEmpty());
        QVERIFY(expected->items.first().isFile());

        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        GenesPage* page = view->genesPage();
        view->setSample(m_metagenomics);
        view->tabs()->setCurrentWidget(page);
        page->setQuery(catalog, u"file"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), int(expected->items.size()), bge::test::kWaitMs);
        auto* table = page->section()->table();
        QVERIFY(table->isColumnHidden(GeneAbundanceModel::GeneId));
        QVERIFY(!table->isColumnHidden(GeneAbundanceModel::FileName));
        QVERIFY(page->downloadButton()->isVisible());
        QVERIFY(!page->downloadButton()->isEnabled()); // nothing selected yet

        QSignalSpy requested(view, &AbundanceView::downloadRequested);
        table->setCurrentIndex(table->model()->index(0, GeneAbundanceModel::FileName));
        QVERIFY(page->downloadButton()->isEnabled());
        QTest::mouseClick(page->downloadButton(), Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        const GeneAbundance& file = expected->items.first();
        QCOMPARE(requested.first()[0].toString(), file.fileObjectName);
        QCOMPARE(requested.first()[1].toString(), file.fileName);

        // This catalog has no gene list: the choice is not offered.
        auto* types = page->findChild<QComboBox*>(u"geneDataTypeBox"_s);
        types->setCurrentIndex(types->findData(u"list"_s));
        QCOMPARE(page->dataType(), u"file"_s);
    }

    void geneListShowsGenes()
    {
        const auto expected = await(m_platform.api()->geneAbundance(m_metagenomics.biosampleId, u"IGC_9.9M"_s,
                                                                    u"list"_s, {}, {}, 100));
        BGE_VERIFY_OK(expected);
        QVERIFY(!expected->items.isEmpty());

        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        GenesPage* page = view->genesPage();
        page->setQuery(u"IGC_9.9M"_s, u"list"_s);
        view->setSample(m_metagenomics);
        view->tabs()->setCurrentWidget(page);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), int(expected->items.size()), bge::test::kWaitMs);
        QVERIFY(!page->downloadButton()->isVisible());
        QVERIFY(page->section()->table()->isColumnHidden(GeneAbundanceModel::FileName));
        QCOMPARE(page->model()->index(0, GeneAbundanceModel::GeneId).data().toString(),
                 expected->items[0].geneId);
        QCOMPARE(page->model()
                     ->index(0, GeneAbundanceModel::Abundance)
                     .data(GeneAbundanceModel::SortRole)
                     .toDouble(),
                 *expected->items[0].observation.value);
    }

    void exportRoundTrips()
    {
        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        view->setSample(m_metagenomics);
        TaxonAbundanceModel* model = view->taxaPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, bge::test::kWaitMs);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"taxa.csv"_s);
        QVERIFY(view->taxaPage()->section()->exportButton()->exportTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), model->rowCount() + 1);
        // Names and lineages carry no comma or quote: each line splits cleanly.
        const QStringList firstRow = lines[1].split(u',');
        QCOMPARE(firstRow.size(), int(TaxonAbundanceModel::ColumnCount));
        QCOMPARE(firstRow[TaxonAbundanceModel::Name],
                 model->index(0, TaxonAbundanceModel::Name).data().toString());
        QCOMPARE(firstRow[TaxonAbundanceModel::Abundance],
                 model->index(0, TaxonAbundanceModel::Abundance).data().toString());
    }

    void aGenomicsSampleGetsAHintAndCostsNoCall()
    {
        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        const int before = m_platform.requestCount(u"GET /microbiome/taxon_abundance"_s);
        view->setSample(m_platform.sample(u"genomics"_s));
        auto* hint = view->findChild<QLabel*>(u"abundanceHint"_s);
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains(u"metagenomics"_s));
        QVERIFY(!view->tabs()->isVisible());
        // Then a metagenomics sample loads: the only call made was for it.
        view->setSample(m_metagenomics);
        QTRY_VERIFY_WITH_TIMEOUT(view->taxaPage()->model()->rowCount() > 0, bge::test::kWaitMs);
        QTRY_COMPARE(m_platform.requestCount(u"GET /microbiome/taxon_abundance"_s), before + 1);
    }

    void aNetworkFailureIsShownWithARetryThatWorks()
    {
        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        m_platform.breakNetwork();
        view->setSample(m_metagenomics);
        ErrorBanner* banner = view->taxaPage()->section()->banner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), bge::test::kWaitMs);
        QVERIFY(banner->canRetry());
        QCOMPARE(view->taxaPage()->model()->rowCount(), 0);
        m_platform.restoreNetwork();
        QTest::mouseClick(banner->findChild<QPushButton*>(u"retryButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->taxaPage()->model()->rowCount() > 0, bge::test::kWaitMs);
        QVERIFY(banner->isHidden());
    }

    void withoutASessionTheViewSaysSo()
    {
        AbundanceView view(nullptr);
        view.show();
        view.setSample(m_metagenomics);
        QVERIFY(view.findChild<QLabel*>(u"abundanceHint"_s)->isVisible());
        QCOMPARE(view.taxaPage()->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestAbundanceView)
#include "tst_abundanceview.moc"
