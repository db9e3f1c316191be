// The Composition tab: several metagenomics samples stacked side by side and the taxa × samples
// table, against a real sandbox; every figure compared with the platform's own answers.
#include "omicstestsupport.h"

#include "abundance/abundanceview.h"
#include "abundance/comparisontablemodel.h"
#include "abundance/compositionchart.h"
#include "abundance/compositionpage.h"
#include "abundance/pagedtablesection.h"
#include "abundance/taxonprofiles.h"
#include "common/chartexport.h"
#include "common/chartpalette.h"
#include "common/errorbanner.h"
#include "common/exportbutton.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QComboBox>
#include <QFile>
#include <QHorizontalStackedBarSeries>
#include <QImage>
#include <QPalette>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace bge;
using namespace bge::ui;
using bge::test::await;
using bge::test::SignedInSandbox;

namespace {

// The platform's figures of one sample at one rank: taxon id → relative abundance.
QHash<QString, double> atRank(const QList<TaxonAbundance>& taxa, const QString& rank)
{
    QHash<QString, double> values;
    for (const TaxonAbundance& t : taxa) {
        if (t.rank == rank && t.observation.value && !values.contains(t.taxonId))
            values.insert(t.taxonId, *t.observation.value);
    }
    return values;
}

double sum(const QHash<QString, double>& values)
{
    double total = 0;
    for (const double v : values)
        total += v;
    return total;
}

} // namespace

class TestComposition : public QObject
{
    Q_OBJECT

    SignedInSandbox m_platform;
    QList<Sample> m_metagenomics; // several, as the sample list hands them over
    QList<Sample> m_many;         // twenty, for a crowded chart
    Sample m_genomics;
    QHash<QString, QList<TaxonAbundance>> m_expected; // the platform's answers, asked directly

    std::unique_ptr<QWidget> makeWindow(AbundanceView** view, QSize size = {1280, 800})
    {
        auto window = std::make_unique<QWidget>();
        *view = new AbundanceView(m_platform.api(), window.get());
        new QAbstractItemModelTester((*view)->compositionPage()->model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, *view);
        window->resize(size);
        (*view)->resize(window->size());
        window->show();
        return window;
    }

    // What the sample list hands over on a click: the sample with the cursor, then the selection.
    static void select(AbundanceView* view, const QList<Sample>& samples)
    {
        view->setSample(samples.isEmpty() ? Sample() : samples.last());
        view->setSamples(samples);
    }

    // The sandbox logs a call once it has answered it: a marker call sent last, seen in the
    // log, means every call before it is counted.
    int taxaCallsLogged()
    {
        const int markers = m_platform.requestCount(u"GET /profile"_s);
        if (!await(m_platform.api()->user()).ok())
            return -1;
        if (!QTest::qWaitFor([&] { return m_platform.requestCount(u"GET /profile"_s) > markers; },
                             bge::test::kWaitMs))
            return -1;
        return m_platform.requestCount(u"GET /microbiome/taxon_abundance"_s);
    }

    static void waitSettled(CompositionPage* page)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!page->profiles()->isBusy() &&
                                     page->profiles()->wanted() == page->sampleIds(),
                                 bge::test::kWaitMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_platform.start(), qPrintable(m_platform.sandbox.errorOutput()));
        SampleQuery query;
        query.omics = {2};
        const auto page = await(m_platform.api()->samples(query, {}, 50));
        BGE_VERIFY_OK(page);
        for (const Sample& s : page->items) {
            if (m_metagenomics.size() < 4)
                m_metagenomics.append(s);
            if (m_many.size() < 20 && s.dataAvailability == true)
                m_many.append(s);
        }
        QCOMPARE(m_many.size(), 20);
        QCOMPARE(m_metagenomics.size(), 4);
        m_genomics = m_platform.sample(u"genomics"_s);
        QCOMPARE(m_genomics.omic.code, 1);
        for (const Sample& s : std::as_const(m_metagenomics)) {
            // Every page: the platform gives no total, only an empty page ends the list.
            QList<TaxonAbundance> all;
            PageToken next;
            for (int pages = 0; pages < 20; ++pages) {
                const auto taxa = await(m_platform.api()->taxonAbundance(s.biosampleId, {}, next, 50));
                BGE_VERIFY_OK(taxa);
                all.append(taxa->items);
                if (!taxa->hasNext() || taxa->items.isEmpty())
                    break;
                next = *taxa->next;
            }
            QVERIFY(all.size() > 50);
            m_expected.insert(s.biosampleId, all);
        }
    }

    // Selecting a second metagenomics sample brings the comparison forward; each stack sums to
    // the sample's abundance at the rank as the platform gives it, and "Other" holds the rest.
    void stacksSumToThePlatformsFigures()
    {
        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        view->setSample(m_metagenomics[0]);
        select(view, {m_metagenomics[0]});
        QVERIFY(view->tabs()->currentWidget() != view->compositionPage());
        const QList<Sample> three = m_metagenomics.first(3);
        select(view, three);
        CompositionPage* page = view->compositionPage();
        QCOMPARE(view->tabs()->currentWidget(), page);
        waitSettled(page);
        QCOMPARE(page->rankBox()->currentText(), u"genus"_s); // the usual first look

        for (const QString& rank : {u"phylum"_s, u"genus"_s, u"species"_s}) {
            page->rankBox()->setCurrentText(rank);
            const Composition::Stacks& stacks = page->chart()->stacks();
            QSet<QString> taxaAtRank;
            for (const Sample& s : three) {
                for (const QString& id : atRank(m_expected.value(s.biosampleId), rank).keys())
                    taxaAtRank.insert(id);
            }
            const int top = page->topCountBox()->value();
            const bool other = taxaAtRank.size() > top;
            QCOMPARE(stacks.hasOther, other);
            QCOMPARE(stacks.labels.size(), std::min<qsizetype>(top, taxaAtRank.size()) + (other ? 1 : 0));
            if (other)
                QCOMPARE(stacks.labels.last(), u"Other"_s);
            QHorizontalStackedBarSeries* series = page->chart()->series();
            QCOMPARE(series->count(), int(stacks.labels.size()));
            for (int s = 0; s < three.size(); ++s) {
                const double expected = sum(atRank(m_expected.value(three[s].biosampleId), rank));
                QVERIFY(expected > 0);
                // Bars are drawn bottom-up: the first sample is the last category.
                const int bar = int(three.size()) - 1 - s;
                double drawn = 0;
                for (QBarSet* set : series->barSets())
                    drawn += set->at(bar);
                QVERIFY2(
                    std::abs(drawn - expected) < 1e-6,
                    qPrintable(u"%1 at %2: %3 drawn, %4 on the platform"_s.arg(three[s].biosampleId, rank)
                                   .arg(drawn)
                                   .arg(expected)));
                QCOMPARE(page->chart()->sampleAxis()->at(bar), three[s].biosampleId);
            }
        }
        // Fewer stacked taxa: Other grows, the sums stay.
        page->rankBox()->setCurrentText(u"species"_s);
        page->topCountBox()->setValue(3);
        QCOMPARE(page->chart()->stacks().labels.size(), 4);
        QVERIFY(page->chart()->stacks().hasOther);
    }

    // The taxa × samples table holds every taxon of the rank with each sample's figure,
    // exactly the platform's, and nothing else.
    void tableEqualsThePerSampleAnswers()
    {
        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        view->tabs()->setCurrentWidget(view->compositionPage());
        select(view, m_metagenomics);
        CompositionPage* page = view->compositionPage();
        waitSettled(page);
        page->rankBox()->setCurrentText(u"species"_s);
        const ComparisonTableModel* model = page->model();
        QSet<QString> taxa;
        for (const Sample& s : std::as_const(m_metagenomics)) {
            const auto values = atRank(m_expected.value(s.biosampleId), u"species"_s);
            for (auto it = values.cbegin(); it != values.cend(); ++it)
                taxa.insert(it.key());
        }
        QCOMPARE(model->rowCount(), int(taxa.size()));
        const int idColumn = model->columnCount() - 2;
        QCOMPARE(model->headerData(idColumn, Qt::Horizontal).toString(), u"Taxon id"_s);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString taxonId = model->index(row, idColumn).data().toString();
            for (const Sample& s : std::as_const(m_metagenomics)) {
                const int column = model->columnOf(s.biosampleId);
                QVERIFY(column >= ComparisonTableModel::kFirstSampleColumn);
                QCOMPARE(model->headerData(column, Qt::Horizontal).toString(), s.biosampleId);
                const auto values = atRank(m_expected.value(s.biosampleId), u"species"_s);
                const QVariant cell = model->index(row, column).data(ComparisonTableModel::SortRole);
                if (values.contains(taxonId))
                    QCOMPARE(cell.toDouble(), values.value(taxonId));
                else
                    QCOMPARE(cell.toDouble(), -1.0); // absent, below any figure
            }
        }
        // The export is the table as shown.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"composition.tsv"_s);
        QVERIFY(page->section()->exportButton()->exportTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), model->rowCount() + 1);
        QVERIFY(lines.first().contains(m_metagenomics.last().biosampleId));
    }

    // A new selection drops what the old one was still fetching: nothing of it lands, nothing
    // of it is kept half-done. What was fetched is kept and costs no call when asked again.
    void aNewSelectionCancelsAndTheCacheServes()
    {
        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        view->tabs()->setCurrentWidget(view->compositionPage());
        CompositionPage* page = view->compositionPage();
        const int before = taxaCallsLogged();
        QVERIFY(before >= 0);
        select(view, m_metagenomics.first(3)); // two start at once, the third waits
        QVERIFY(page->profiles()->isBusy());
        select(view, {m_metagenomics[3]});
        QCOMPARE(page->profiles()->wanted(), QStringList{m_metagenomics[3].biosampleId});
        waitSettled(page);
        QCOMPARE(page->model()->composition().samples, QStringList{m_metagenomics[3].biosampleId});
        for (int i = 0; i < 3; ++i)
            QVERIFY(!page->profiles()->has(m_metagenomics[i].biosampleId));
        const int after = taxaCallsLogged(); // an answer to an aborted call would have landed by now
        QCOMPARE(page->model()->composition().samples, QStringList{m_metagenomics[3].biosampleId});
        // At most the two started and the new one reached the platform; the third never did.
        QVERIFY(after - before >= 1 && after - before <= 3);

        // Back and forth: the sample fetched is served from the cache at once, with no call.
        select(view, {m_metagenomics[0]});
        waitSettled(page);
        const int fetched = taxaCallsLogged();
        select(view, {m_metagenomics[3]});
        QVERIFY(!page->profiles()->isBusy());
        QCOMPARE(page->model()->composition().samples, QStringList{m_metagenomics[3].biosampleId});
        QCOMPARE(taxaCallsLogged(), fetched);
    }

    // One sample the platform cannot answer for is said, with a retry; the others stay.
    void aFailedSampleDoesNotLoseTheOthers()
    {
        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        view->tabs()->setCurrentWidget(view->compositionPage());
        Sample missing = m_metagenomics[0];
        missing.biosampleId = u"E-F00000000001"_s;
        select(view, {m_metagenomics[1], missing});
        CompositionPage* page = view->compositionPage();
        waitSettled(page);
        QVERIFY(page->section()->banner()->isVisible());
        QVERIFY(page->statusText().contains(missing.biosampleId));
        QCOMPARE(page->model()->composition().samples, QStringList{m_metagenomics[1].biosampleId});
    }

    // Genomics samples in the selection are left out with a reason.
    void otherOmicsAreLeftOutWithANote()
    {
        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        view->tabs()->setCurrentWidget(view->compositionPage());
        select(view, {m_metagenomics[0], m_genomics, m_metagenomics[1]});
        CompositionPage* page = view->compositionPage();
        waitSettled(page);
        QCOMPARE(page->sampleIds(),
                 (QStringList{m_metagenomics[0].biosampleId, m_metagenomics[1].biosampleId}));
        QVERIFY(page->statusText().contains(u"left out"_s));
    }

    // At the sizes people use, no axis cuts a label short.
    void labelsAreWhole_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("crowded");
        QTest::newRow("1280x800") << QSize(1280, 800) << false;
        QTest::newRow("1024x700") << QSize(1024, 700) << false;
        QTest::newRow("1024x700, 20 samples") << QSize(1024, 700) << true;
    }
    void labelsAreWhole()
    {
        QFETCH(QSize, size);
        QFETCH(bool, crowded);
        AbundanceView* view = nullptr;
        // The view gets the share of the window the workspace gives the results.
        auto window = makeWindow(&view, QSize(size.width() * 3 / 5, size.height() - 150));
        view->tabs()->setCurrentWidget(view->compositionPage());
        select(view, crowded ? m_many : m_metagenomics);
        CompositionPage* page = view->compositionPage();
        waitSettled(page);
        for (const QString& rank : {u"phylum"_s, u"genus"_s, u"species"_s}) {
            page->rankBox()->setCurrentText(rank);
            QCOMPARE(page->chart()->sampleAxis()->count(), crowded ? 20 : 4);
            QTest::qWait(100); // the chart lays its labels out on the event loop's next passes
            for (QAbstractAxis* axis : page->chart()->chart()->axes())
                QVERIFY2(!axis->labelsTruncated(), qPrintable(rank + u": "_s + axis->titleText()));
        }
    }

    // Figures out: a PNG at 300 dpi and an SVG that carries the chart's title.
    void exportsPngAndSvg()
    {
        AbundanceView* view = nullptr;
        auto window = makeWindow(&view);
        view->tabs()->setCurrentWidget(view->compositionPage());
        select(view, m_metagenomics.first(2));
        CompositionPage* page = view->compositionPage();
        waitSettled(page);
        CompositionChart* chart = page->chart();
        const QString title = chart->chart()->title();
        QVERIFY(title.contains(u"genus"_s));
        // A dark session: the figure is still drawn on white, and the chart on screen keeps
        // its own colours afterwards (a theme switch would reset them to Qt's).
        QPalette dark = chart->palette();
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        chart->setPalette(dark);
        QCOMPARE(chart->series()->barSets().first()->color(), categoryColour(0));

        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(u"figure.png"_s);
        QVERIFY2(ChartExport::writeFile(chart, png, &error), qPrintable(error));
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.dotsPerMeterX(), int(std::lround(300 / 0.0254)));
        QCOMPARE(image.width(), int(std::lround(chart->sceneRect().width() * 300 / 96.0)));
        QCOMPARE(image.pixelColor(image.width() / 2, 4), QColor(Qt::white)); // the light theme, for print
        QCOMPARE(chart->series()->barSets().first()->color(), categoryColour(0));
        QCOMPARE(chart->palette().color(QPalette::Base), QColor(0x1e, 0x1e, 0x1e));
        QCOMPARE(chart->chart()->backgroundBrush().color(), QColor(0x1e, 0x1e, 0x1e));

        const QString svg = dir.filePath(u"figure.svg"_s);
        QVERIFY2(ChartExport::writeFile(chart, svg, &error), qPrintable(error));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(u"<title>"_s + title.toHtmlEscaped() + u"</title>"_s));
        QVERIFY(text.contains(m_metagenomics[0].biosampleId)); // the axis labels are text, not paths

        // A folder that cannot be written is said, and nothing is left behind.
        QVERIFY(!ChartExport::writeFile(chart, dir.filePath(u"missing/figure.png"_s), &error));
        QVERIFY(error.contains(u"missing"_s));
    }
};

QTEST_MAIN(TestComposition)
#include "tst_composition.moc"
