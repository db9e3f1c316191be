#include "omicstestsupport.h"

#include "common/errorbanner.h"
#include "common/exportbutton.h"
#include "variants/rsidinput.h"
#include "variants/rsidlist.h"
#include "variants/variantdetailview.h"
#include "variants/variantsview.h"
#include "variants/varianttablemodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bge;
using namespace bge::ui;
using bge::test::SignedInSandbox;

namespace {

// Rsids the sandbox's assay covers (its catalogue) and plenty it does not.
QStringList manyRsids()
{
    QStringList rsids{u"rs762551"_s, u"rs671"_s, u"rs1229984"_s, u"rs4988235"_s, u"rs333"_s};
    for (int i = 1; rsids.size() < 160; ++i)
        rsids.append(u"rs%1"_s.arg(1000 + i));
    return rsids;
}

} // namespace

class TestVariantsView : public QObject
{
    Q_OBJECT

    SignedInSandbox m_platform;
    Sample m_genomics;

    VariantsView* makeView(QWidget& window)
    {
        auto* view = new VariantsView(m_platform.api(), &window);
        new QAbstractItemModelTester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     view);
        window.resize(1200, 800);
        window.show();
        view->resize(window.size());
        return view;
    }
    static QString text(QWidget* root, const QString& name) { return root->findChild<QLabel*>(name)->text(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_platform.start(), qPrintable(m_platform.sandbox.errorOutput()));
        m_genomics = m_platform.sample(u"genomics"_s);
        QVERIFY(!m_genomics.biosampleId.isEmpty());
        QCOMPARE(m_genomics.omic.code, 1);
    }

    void rsidsAreReadWithAnySeparator()
    {
        const RsidList list = RsidList::parse(u"rs762551, rs671;RS4988235\n\trs1229984,,rs671  rs333"_s);
        QCOMPARE(list.rsids,
                 (QStringList{u"rs762551"_s, u"rs671"_s, u"rs4988235"_s, u"rs1229984"_s, u"rs333"_s}));
        QCOMPARE(list.duplicates, 1);
        QVERIFY(list.problems.isEmpty());
    }

    void invalidRsidsArePointedAtByLineAndColumn()
    {
        const RsidList list = RsidList::parse(u"rs1 rsX\nrs2, 12345;rs-3\n拟杆菌 rs4"_s);
        QCOMPARE(list.rsids, (QStringList{u"rs1"_s, u"rs2"_s, u"rs4"_s}));
        QCOMPARE(list.problems.size(), 4);
        QCOMPARE(list.problems[0].text, u"rsX"_s);
        QCOMPARE(list.problems[0].line, 1);
        QCOMPARE(list.problems[0].column, 5);
        QCOMPARE(list.problems[1].text, u"12345"_s);
        QCOMPARE(list.problems[1].line, 2);
        QCOMPARE(list.problems[1].column, 6);
        QCOMPARE(list.problems[2].text, u"rs-3"_s);
        QCOMPARE(list.problems[2].column, 12);
        QCOMPARE(list.problems[3].text, u"拟杆菌"_s);
        QCOMPARE(list.problems[3].line, 3);
        QCOMPARE(list.problems[3].column, 1);
        QCOMPARE(list.problems[3].offset, 24);
    }

    void invalidRsidsAreShownAndNothingIsSent()
    {
        QWidget window;
        VariantsView* view = makeView(window);
        view->setSample(m_genomics);
        auto* input = view->findChild<RsidInput*>();
        input->setText(u"rs762551 rs67l\nrs671"_s);
        // Pointed out as the person types, before any button.
        QVERIFY(text(view, u"rsidSummary"_s).contains(u"“rs67l” (line 1, column 10)"_s));
        QCOMPARE(input->editor()->extraSelections().size(), 1);
        QCOMPARE(input->editor()->extraSelections().first().cursor.selectedText(), u"rs67l"_s);

        const int before = m_platform.requestCount(u"GET /variants"_s);
        QTest::mouseClick(view->findChild<QPushButton*>(u"lookUpButton"_s), Qt::LeftButton);
        auto* banner = view->findChild<ErrorBanner*>();
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(u"rs67l"_s));
        QVERIFY(banner->text().contains(u"Nothing was sent"_s));
        QVERIFY(!banner->canRetry());
        QVERIFY(text(view, u"variantsStatus"_s).isEmpty());
        QCOMPARE(view->model()->rowCount(), 0);

        // Fixed, it goes through: the sandbox then saw exactly one call, the valid one.
        input->setText(u"rs762551 rs671\nrs671"_s);
        QVERIFY(input->problemText().isEmpty());
        QTest::keyClick(input->editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, bge::test::kWaitMs);
        QVERIFY(banner->isHidden());
        QTRY_COMPARE(m_platform.requestCount(u"GET /variants"_s), before + 1);
    }

    void manyRsidsAreSplitAcrossCallsAndMatchTheApi()
    {
        const QStringList rsids = manyRsids();
        const Result<QList<Variant>> expected =
            bge::test::await(m_platform.api()->variants(m_genomics.biosampleId, rsids));
        BGE_VERIFY_OK(expected);
        QVERIFY(expected->size() >= 5);

        QWidget window;
        VariantsView* view = makeView(window);
        view->setSample(m_genomics);
        view->findChild<RsidInput*>()->setText(rsids.join(u"\n"_s));
        const int before = m_platform.requestCount(u"GET /variants"_s);
        QTest::mouseClick(view->findChild<QPushButton*>(u"lookUpButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), int(expected->size()), bge::test::kWaitMs);
        // 160 rsids: two calls of at most 100.
        QTRY_COMPARE(m_platform.requestCount(u"GET /variants"_s), before + 2);

        const VariantTableModel* model = view->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const Variant& v = expected.value()[row];
            const auto cell = [model, row](int column) {
                return model->index(row, column).data().toString();
            };
            QCOMPARE(cell(VariantTableModel::Rsid), v.rsid);
            QCOMPARE(cell(VariantTableModel::Gene), v.genes.join(u", "_s));
            QCOMPARE(cell(VariantTableModel::Position), u"%1:%2"_s.arg(v.chromosome).arg(*v.position));
            QCOMPARE(cell(VariantTableModel::Alleles),
                     u"%1/%2"_s.arg(v.referenceBase, v.alternateBases.join(u',')));
            QVERIFY(cell(VariantTableModel::Genotype)
                        .contains(v.isNoCall.value_or(false) ? u"no call"_s : v.genotype));
            QCOMPARE(cell(VariantTableModel::Zygosity), VariantTableModel::zygosityText(v));
            QCOMPARE(model->index(row, VariantTableModel::Depth).data().toLongLong(), *v.depth);
            QCOMPARE(model->index(row, VariantTableModel::GenotypeQuality).data().toLongLong(),
                     *v.genotypeQuality);
            const double topmed = v.frequencies.value(u"TOPMED").toArray().at(1).toDouble();
            QCOMPARE(
                model->index(row, VariantTableModel::Frequency).data(VariantTableModel::SortRole).toDouble(),
                topmed);
            QVERIFY(cell(VariantTableModel::Frequency).contains(u"TOPMED"_s));
        }
        QVERIFY(text(view, u"variantsStatus"_s).contains(u"of 160"_s));

        // Sorting by position follows the genome, by the raw value.
        auto* table = view->findChild<QTableView*>(u"variantTable"_s);
        table->sortByColumn(VariantTableModel::Depth, Qt::DescendingOrder);
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const qint64 depth = table->model()->index(row, VariantTableModel::Depth).data().toLongLong();
            QVERIFY(depth <= previous);
            previous = depth;
        }
    }

    void theDetailPaneShowsTheCurrentVariant()
    {
        const Result<QList<Variant>> expected =
            bge::test::await(m_platform.api()->variants(m_genomics.biosampleId, {u"rs671"_s}));
        BGE_VERIFY_OK(expected);
        QCOMPARE(expected->size(), 1);
        const Variant& v = expected->first();

        QWidget window;
        VariantsView* view = makeView(window);
        view->setSample(m_genomics);
        view->findChild<RsidInput*>()->setText(u"rs762551 rs671"_s);
        view->lookUp();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, bge::test::kWaitMs);
        auto* table = view->findChild<QTableView*>(u"variantTable"_s);
        table->setCurrentIndex(table->model()->index(1, 0));
        auto* detail = view->findChild<VariantDetailView*>();
        QCOMPARE(detail->fieldText(u"variantId"_s), v.variantId);
        QCOMPARE(detail->fieldText(u"callDepth"_s), QString::number(*v.depth));
        QCOMPARE(detail->fieldText(u"callQuality"_s), QString::number(*v.genotypeQuality));
        QCOMPARE(detail->fieldText(u"alleleDepths"_s),
                 u"%1, %2"_s.arg(v.alleleDepths[0]).arg(v.alleleDepths[1]));
        QCOMPARE(detail->fieldText(u"likelihoods"_s), v.phredLikelihoods);
        QVERIFY(detail->fieldText(u"genotype"_s).contains(v.gt));
        QVERIFY(detail->fieldText(u"frequencies"_s).contains(u"TOPMED"_s));
        QVERIFY(detail->fieldText(u"frequencies"_s).contains(u"CAF"_s));
        QVERIFY(detail->fieldText(u"source"_s).contains(u"pipeline_version: WGSAI3.0-l"_s));
        QVERIFY(detail->fieldText(u"source"_s).contains(u"tag.assembly_synonym: GRCh38"_s));
        QVERIFY(detail->fieldText(u"location"_s).contains(u"GRCh38"_s));
        const QString json = detail->findChild<QPlainTextEdit*>(u"variantJson"_s)->toPlainText();
        QVERIFY(json.contains(v.variantId));
        QVERIFY(json.contains(u"\"is_assayed\""_s));
    }

    void exportRoundTrips()
    {
        QWidget window;
        VariantsView* view = makeView(window);
        view->setSample(m_genomics);
        view->findChild<RsidInput*>()->setText(u"rs762551 rs671 rs4988235"_s);
        view->lookUp();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 3, bge::test::kWaitMs);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"variants.tsv"_s);
        QVERIFY(view->findChild<ExportButton*>()->exportTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0].split(u'\t').size(), int(VariantTableModel::ColumnCount));
        for (int row = 0; row < 3; ++row) {
            const QStringList cells = lines[row + 1].split(u'\t');
            for (int c = 0; c < VariantTableModel::ColumnCount; ++c)
                QCOMPARE(cells[c], view->model()->index(row, c).data().toString());
        }
    }

    void aMetagenomicsSampleGetsAHintNotAnError()
    {
        QWidget window;
        VariantsView* view = makeView(window);
        view->setSample(m_platform.sample(u"metagenomics"_s));
        auto* hint = view->findChild<QLabel*>(u"variantsHint"_s);
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains(u"genomics"_s));
        QVERIFY(!view->findChild<QPushButton*>(u"lookUpButton"_s)->isVisible());
        view->setSample({});
        QVERIFY(hint->text().contains(u"Select"_s));
    }

    void anotherUsersSampleIsRefusedInTheBanner()
    {
        QWidget window;
        VariantsView* view = makeView(window);
        Sample foreign = m_genomics;
        foreign.biosampleId =
            m_platform.sandbox.user(1).value(u"samples").toObject().value(u"genomics").toString();
        view->setSample(foreign);
        view->findChild<RsidInput*>()->setText(u"rs671"_s);
        view->lookUp();
        auto* banner = view->findChild<ErrorBanner*>();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), bge::test::kWaitMs);
        QVERIFY(banner->text().contains(u"41303"_s));
        QVERIFY(!banner->canRetry()); // asking again would be refused again
    }

    void aNetworkFailureOffersARetryThatWorks()
    {
        QWidget window;
        VariantsView* view = makeView(window);
        view->setSample(m_genomics);
        view->findChild<RsidInput*>()->setText(u"rs671"_s);
        m_platform.breakNetwork();
        view->lookUp();
        auto* banner = view->findChild<ErrorBanner*>();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), bge::test::kWaitMs);
        QVERIFY(banner->canRetry());
        QCOMPARE(view->model()->rowCount(), 0);
        m_platform.restoreNetwork();
        QTest::mouseClick(banner->findChild<QPushButton*>(u"retryButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, bge::test::kWaitMs);
        QVERIFY(banner->isHidden());
    }

    void withoutASessionTheViewSaysSo()
    {
        VariantsView view(nullptr);
        view.setSample(m_genomics);
        view.show();
        QVERIFY(view.findChild<QLabel*>(u"variantsHint"_s)->isVisible());
        view.lookUp(); // nothing to call: no crash
    }

    void switchingSamplesDropsTheAnswerInFlight()
    {
        QWidget window;
        VariantsView* view = makeView(window);
        view->setSample(m_genomics);
        view->findChild<RsidInput*>()->setText(manyRsids().join(u' '));
        view->lookUp();
        view->setSample(m_platform.sample(u"metagenomics"_s));
        view->setSample(m_genomics);
        // The first lookup was aborted: only the answer to the second one lands.
        view->findChild<RsidInput*>()->setText(u"rs671"_s);
        view->lookUp();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, bge::test::kWaitMs);
        QCOMPARE(view->model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestVariantsView)
#include "tst_variantsview.moc"
