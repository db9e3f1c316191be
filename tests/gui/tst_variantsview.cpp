#include "omicstestsupport.h"

#include "common/errorbanner.h"
#include "common/exportbutton.h"
#include "variants/genotypecomparisonmodel.h"
#include "variants/genotypefetcher.h"
#include "variants/rsidinput.h"
#include "variants/rsidlist.h"
#include "variants/rsidpanels.h"
#include "variants/variantdetailview.h"
#include "variants/variantsview.h"
#include "variants/varianttablemodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
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

// What the comparison shows for one sample at one rsid, read from that sample's own answer.
QString expectedGenotype(const QList<Variant>& answer, const QString& rsid)
{
    for (const Variant& v : answer) {
        if (v.alternateIds.contains(rsid))
            return v.isNoCall.value_or(false) ? u"—"_s : v.genotype;
    }
    return u"—"_s;
}

// Catalogue markers, an indel, and one the assay does not cover (a dash in every row).
const QStringList kCompared{u"rs762551"_s, u"rs671"_s,     u"rs1229984"_s, u"rs4988235"_s,
                            u"rs333"_s,    u"rs1801133"_s, u"rs9923231"_s, u"rs1"_s};

} // namespace

class TestVariantsView : public QObject
{
    Q_OBJECT

    SignedInSandbox m_platform;
    Sample m_genomics;
    QList<Sample> m_genomicSamples; // analysed ones: their answers hold calls
    QTemporaryDir m_settingsDir;

    VariantsView* makeView(QWidget& window)
    {
        auto* view = new VariantsView(m_platform.api(), &window);
        new QAbstractItemModelTester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     view);
        new QAbstractItemModelTester(view->comparisonModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, view);
        window.resize(1200, 800);
        window.show();
        view->resize(window.size());
        return view;
    }
    static QString text(QWidget* root, const QString& name) { return root->findChild<QLabel*>(name)->text(); }
    static QComboBox* panelCombo(QWidget* view) { return view->findChild<QComboBox*>(u"panelCombo"_s); }
    static QStringList panelNames(QWidget* view)
    {
        QStringList names;
        for (int i = 0; i < panelCombo(view)->count(); ++i)
            names.append(panelCombo(view)->itemText(i));
        return names;
    }
    static QPushButton* button(QWidget* view, const QString& name)
    {
        return view->findChild<QPushButton*>(name);
    }
    // Until no row waits for its answer (the status then tells the outcome).
    static bool comparisonDone(VariantsView* view)
    {
        const GenotypeComparisonModel* model = view->comparisonModel();
        return model->rowCount() > 0 && model->count(GenotypeComparisonModel::State::Pending) == 0;
    }

    // Every cell of the row equals what that sample's own GET /variants answers.
    void verifyRow(VariantsView* view, int row, const Sample& sample, const QStringList& rsids)
    {
        const GenotypeComparisonModel* model = view->comparisonModel();
        QCOMPARE(model->columnCount(), int(rsids.size()) + 1);
        const Result<QList<Variant>> answer =
            bge::test::await(m_platform.api()->variants(sample.biosampleId, rsids));
        BGE_VERIFY_OK(answer);
        QCOMPARE(model->index(row, GenotypeComparisonModel::SampleColumn).data().toString(),
                 sample.biosampleId);
        QCOMPARE(model->state(row), GenotypeComparisonModel::State::Fetched);
        int calls = 0;
        for (int c = 0; c < rsids.size(); ++c) {
            QCOMPARE(model->headerData(c + 1, Qt::Horizontal).toString(), rsids[c]);
            const QModelIndex cell = model->index(row, c + 1);
            const QString expected = expectedGenotype(answer.value(), rsids[c]);
            QCOMPARE(cell.data().toString(), expected);
            if (expected == u"—"_s) {
                QCOMPARE(cell.data(Qt::ToolTipRole).toString(), u"No call"_s);
            } else {
                ++calls;
                QVERIFY(cell.data(Qt::ToolTipRole).toString().startsWith(expected));
            }
        }
        QVERIFY2(calls > 0, "a sample with calls at none of the catalogue rsids proves nothing");
    }

    void verifyComparison(VariantsView* view, const QList<Sample>& samples, const QStringList& rsids)
    {
        QCOMPARE(view->comparisonModel()->rowCount(), int(samples.size()));
        for (int row = 0; row < samples.size(); ++row) {
            verifyRow(view, row, samples[row], rsids);
            if (QTest::currentTestFailed())
                return;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The panels live in settings: a private file, never the person's.
        QVERIFY(m_settingsDir.isValid());
        QCoreApplication::setOrganizationName(u"BGE-tests"_s);
        QCoreApplication::setApplicationName(u"tst_variantsview"_s);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QVERIFY(QSettings().fileName().startsWith(m_settingsDir.path()));
        QVERIFY2(m_platform.start(), qPrintable(m_platform.sandbox.errorOutput()));
        m_genomics = m_platform.sample(u"genomics"_s);
        QVERIFY(!m_genomics.biosampleId.isEmpty());
        QCOMPARE(m_genomics.omic.code, 1);

        SampleQuery query;
        query.omics = {1};
        query.dataAvailability = true;
        const Result<Page<Sample>> genomic = bge::test::await(m_platform.api()->samples(query));
        BGE_VERIFY_OK(genomic);
        m_genomicSamples = genomic->items;
        QVERIFY2(m_genomicSamples.size() >= 3, "the sandbox's user needs three analysed genomics samples");
    }

    void init()
    {
        // Each test starts from the default panels.
        QSettings().clear();
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
        QVERIFY(view->findChild<ExportButton*>(u"exportButton"_s)->exportTo(path));
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

    void panelsStartWithTheCatalogueDefaults()
    {
        QWidget window;
        VariantsView* view = makeView(window);
        QCOMPARE(panelNames(view), (QStringList{u"Pharmacogenomics"_s, u"Nutrigenomics"_s}));
        for (const QString& name : {u"lookUpPanelButton"_s, u"savePanelButton"_s, u"deletePanelButton"_s})
            QVERIFY(!button(view, name)->accessibleName().isEmpty());
        QVERIFY(!panelCombo(view)->accessibleName().isEmpty());

        const QList<RsidPanel> defaults = RsidPanels::defaults();
        QCOMPARE(defaults.size(), 2);
        for (const QString& rsid : {u"rs762551"_s, u"rs671"_s, u"rs1229984"_s, u"rs4988235"_s})
            QVERIFY2(defaults[1].rsids.contains(rsid), qPrintable(rsid));
        QVERIFY(defaults[0].rsids.contains(u"rs4244285"_s)); // CYP2C19*2, clopidogrel
        // Every default is a marker the assay covers: an analysed sample has a record at each.
        for (const RsidPanel& panel : defaults) {
            const Result<QList<Variant>> answer =
                bge::test::await(m_platform.api()->variants(m_genomics.biosampleId, panel.rsids));
            BGE_VERIFY_OK(answer);
            QCOMPARE(answer->size(), panel.rsids.size());
        }
    }

    void aPanelIsSavedDeletedAndSurvivesANewView()
    {
        const QString name = u"Lactose and alcohol"_s;
        {
            QWidget window;
            VariantsView* view = makeView(window);
            view->setSample(m_genomics);
            auto* input = view->findChild<RsidInput*>();
            // Nothing to keep yet: an empty box, then one with a mistake, cannot be saved.
            QVERIFY(!button(view, u"savePanelButton"_s)->isEnabled());
            input->setText(u"rs671 rs49882x5"_s);
            QVERIFY(!button(view, u"savePanelButton"_s)->isEnabled());
            input->setText(u"rs671, RS4988235\nrs333 rs671"_s);
            QVERIFY(button(view, u"savePanelButton"_s)->isEnabled());

            QTest::mouseClick(button(view, u"savePanelButton"_s), Qt::LeftButton);
            auto* dialog = view->findChild<QInputDialog*>(u"panelNameDialog"_s);
            QVERIFY(dialog);
            QTRY_VERIFY(dialog->isVisible());
            QVERIFY(dialog->isModal() && dialog->windowModality() == Qt::WindowModal); // open(), not exec()
            auto* edit = dialog->findChild<QLineEdit*>();
            QTest::keyClicks(edit, u"  "_s + name);
            QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                              Qt::LeftButton);
            QTRY_VERIFY(!view->findChild<QInputDialog*>(u"panelNameDialog"_s));
            QCOMPARE(panelNames(view), (QStringList{u"Pharmacogenomics"_s, u"Nutrigenomics"_s, name}));
            QCOMPARE(panelCombo(view)->currentText(), name);

            // The same name again replaces the panel's rsids, in its place.
            input->setText(u"rs671 rs4988235"_s);
            QTest::mouseClick(button(view, u"savePanelButton"_s), Qt::LeftButton);
            dialog = view->findChild<QInputDialog*>(u"panelNameDialog"_s);
            QVERIFY(dialog);
            QTRY_VERIFY(dialog->isVisible());
            QTest::keyClicks(dialog->findChild<QLineEdit*>(), name);
            QTest::keyClick(dialog->findChild<QLineEdit*>(), Qt::Key_Return);
            QTRY_VERIFY(!view->findChild<QInputDialog*>(u"panelNameDialog"_s));
            QCOMPARE(panelNames(view).size(), 3);
        }
        {
            // Another view, as after a restart: the panel is there, and deleting asks first.
            QWidget window;
            VariantsView* view = makeView(window);
            QCOMPARE(panelNames(view), (QStringList{u"Pharmacogenomics"_s, u"Nutrigenomics"_s, name}));
            QSettings settings;
            QCOMPARE(RsidPanels(&settings).rsids(name), (QStringList{u"rs671"_s, u"rs4988235"_s}));

            panelCombo(view)->setCurrentIndex(0);
            QTest::mouseClick(button(view, u"deletePanelButton"_s), Qt::LeftButton);
            auto* box = view->findChild<QMessageBox*>(u"deletePanelBox"_s);
            QVERIFY(box);
            QTRY_VERIFY(box->isVisible());
            QVERIFY(box->text().contains(u"Pharmacogenomics"_s));
            QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
            QTRY_VERIFY(!view->findChild<QMessageBox*>(u"deletePanelBox"_s));
            QCOMPARE(panelNames(view).size(), 3);

            QTest::mouseClick(button(view, u"deletePanelButton"_s), Qt::LeftButton);
            box = view->findChild<QMessageBox*>(u"deletePanelBox"_s);
            QVERIFY(box);
            QTRY_VERIFY(box->isVisible());
            QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
            QTRY_COMPARE(panelNames(view), (QStringList{u"Nutrigenomics"_s, name}));
            QCOMPARE(panelCombo(view)->currentText(), u"Nutrigenomics"_s);
        }
        {
            QWidget window;
            VariantsView* view = makeView(window);
            QCOMPARE(panelNames(view), (QStringList{u"Nutrigenomics"_s, name}));
        }
        // Deleting every panel leaves none: the defaults do not come back uninvited.
        QSettings settings;
        RsidPanels panels(&settings);
        QVERIFY(panels.remove(u"Nutrigenomics"_s));
        QVERIFY(panels.remove(name));
        QVERIFY(!panels.remove(name));
        QWidget window;
        VariantsView* view = makeView(window);
        view->setSample(m_genomics);
        QVERIFY(panelNames(view).isEmpty());
        QVERIFY(!button(view, u"lookUpPanelButton"_s)->isEnabled());
        QVERIFY(!button(view, u"deletePanelButton"_s)->isEnabled());
    }

    void lookUpPanelFillsTheBoxAndShowsTheCalls()
    {
        const QStringList rsids = RsidPanels::defaults()[1].rsids;
        const Result<QList<Variant>> expected =
            bge::test::await(m_platform.api()->variants(m_genomics.biosampleId, rsids));
        BGE_VERIFY_OK(expected);

        QWidget window;
        VariantsView* view = makeView(window);
        view->setSample(m_genomics);
        panelCombo(view)->setCurrentIndex(panelCombo(view)->findText(u"Nutrigenomics"_s));
        QTest::mouseClick(button(view, u"lookUpPanelButton"_s), Qt::LeftButton);
        QCOMPARE(view->findChild<RsidInput*>()->list().rsids, rsids);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), int(expected->size()), bge::test::kWaitMs);
        for (int row = 0; row < view->model()->rowCount(); ++row)
            QCOMPARE(view->model()->variant(row)->rsid, expected.value()[row].rsid);
        QVERIFY(text(view, u"variantsStatus"_s).contains(u"of %1"_s.arg(rsids.size())));
    }

    // A comparison nobody looks at costs no calls: a new selection while the view is hidden
    // is fetched when it is shown again.
    void aHiddenComparisonWaitsUntilShown()
    {
        QVERIFY(m_genomicSamples.size() >= 4);
        QWidget window;
        VariantsView* view = makeView(window);
        view->setSample(m_genomicSamples[0]);
        view->setSamples(m_genomicSamples.first(2));
        auto* input = view->findChild<RsidInput*>();
        input->setText(kCompared.join(u' '));
        QTest::keyClick(input->editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(comparisonDone(view), bge::test::kWaitMs);

        view->hide(); // another tab is shown
        const QList<Sample> others = m_genomicSamples.mid(2, 2);
        view->setSample(others[0]);
        view->setSamples(others);
        // Answers are logged after they are sent: a later call seen proves nothing else came.
        const int markers = m_platform.requestCount(u"GET /profile"_s);
        QVERIFY(bge::test::await(m_platform.api()->user()).ok());
        QTRY_VERIFY(m_platform.requestCount(u"GET /profile"_s) > markers);
        const int hidden = m_platform.requestCount(u"GET /variants"_s);
        QTest::qWait(200);
        QCOMPARE(m_platform.requestCount(u"GET /variants"_s), hidden);

        view->show();
        QTRY_VERIFY_WITH_TIMEOUT(comparisonDone(view), bge::test::kWaitMs);
        QTRY_COMPARE(m_platform.requestCount(u"GET /variants"_s), hidden + 2); // one per sample
        verifyComparison(view, others, kCompared); // (asks the platform itself, so counted before)
    }

    void threeGenomicSamplesAreComparedCellByCell()
    {
        const QList<Sample> samples = m_genomicSamples.first(3);
        QWidget window;
        VariantsView* view = makeView(window);
        view->setSample(samples[0]);
        view->setSamples(samples);
        auto* comparison = view->findChild<QTableView*>(u"comparisonTable"_s);
        QVERIFY(comparison->isVisible());
        QVERIFY(!view->findChild<QTableView*>(u"variantTable"_s)->isVisible());
        QVERIFY(!comparison->accessibleName().isEmpty());
        QVERIFY(!button(view, u"comparisonExportButton"_s)->accessibleName().isEmpty());
        QVERIFY(text(view, u"variantsStatus"_s).contains(u"3 genomics sample(s)"_s));
        QCOMPARE(view->comparisonModel()->rowCount(), 3);

        auto* input = view->findChild<RsidInput*>();
        input->setText(kCompared.join(u' '));
        const int before = m_platform.requestCount(u"GET /variants"_s);
        QTest::keyClick(input->editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(text(view, u"variantsStatus"_s).contains(u"Fetched 0 of 3 sample(s)…"_s));
        QVERIFY(!button(view, u"lookUpButton"_s)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(comparisonDone(view), bge::test::kWaitMs);
        QVERIFY(text(view, u"variantsStatus"_s).contains(u"Genotypes at 8 rsid(s) in 3 sample(s)."_s));
        QVERIFY(button(view, u"lookUpButton"_s)->isEnabled());
        QTRY_COMPARE(m_platform.requestCount(u"GET /variants"_s), before + 3);
        verifyComparison(view, samples, kCompared);

        // Back to two of them, then the three again: all from the cache, nothing asked again.
        const int afterCompare = m_platform.requestCount(u"GET /variants"_s);
        view->setSamples(samples.first(2));
        QVERIFY(comparisonDone(view));
        QCOMPARE(view->comparisonModel()->rowCount(), 2);
        view->setSamples(samples);
        QVERIFY(comparisonDone(view));
        QCOMPARE(m_platform.requestCount(u"GET /variants"_s), afterCompare);
        // The same rsids in another order are the same question.
        QStringList reordered = kCompared;
        std::reverse(reordered.begin(), reordered.end());
        input->setText(reordered.join(u", "_s));
        view->lookUp();
        QVERIFY(comparisonDone(view));
        QCOMPARE(m_platform.requestCount(u"GET /variants"_s), afterCompare);
        verifyComparison(view, samples, reordered);

        // Exported as shown: the sample, then one column per rsid.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"genotypes.tsv"_s);
        QVERIFY(view->findChild<ExportButton*>(u"comparisonExportButton"_s)->exportTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], (QStringList{u"Sample"_s} + reordered).join(u'\t'));
        for (int row = 0; row < 3; ++row) {
            const QStringList cells = lines[row + 1].split(u'\t');
            QCOMPARE(cells.size(), reordered.size() + 1);
            for (int c = 0; c < cells.size(); ++c)
                QCOMPARE(cells[c], view->comparisonModel()->index(row, c).data().toString());
        }

        // One sample selected again: the view is the single-sample one, as before.
        view->setSamples(samples.first(1));
        QVERIFY(view->findChild<QTableView*>(u"variantTable"_s)->isVisible());
        QVERIFY(!comparison->isVisible());
        QCOMPARE(view->comparisonModel()->rowCount(), 0);
    }

    void aSelectionChangeDuringTheFetchCancelsIt()
    {
        const QList<Sample> samples = m_genomicSamples.first(3);
        const QStringList rsids = manyRsids(); // two calls per sample: time to change one's mind
        QWidget window;
        VariantsView* view = makeView(window);
        auto* fetcher = view->findChild<GenotypeFetcher*>();
        QStringList reported;
        connect(fetcher, &GenotypeFetcher::fetched, &window,
                [&reported](const QString& id, const QList<Variant>&) { reported.append(id); });
        connect(fetcher, &GenotypeFetcher::failed, &window,
                [&reported](const QString& id, const ApiError&) { reported.append(id); });

        view->setSample(samples[0]);
        view->setSamples(samples);
        view->findChild<RsidInput*>()->setText(rsids.join(u' '));
        QTest::mouseClick(button(view, u"lookUpButton"_s), Qt::LeftButton);
        QVERIFY(fetcher->isRunning());
        // Down to one sample: nothing of the comparison is left, and the single view is back.
        view->setSamples(samples.first(1));
        QVERIFY(!fetcher->isRunning());
        QCOMPARE(view->comparisonModel()->rowCount(), 0);
        QVERIFY(view->findChild<QTableView*>(u"variantTable"_s)->isVisible());
        QVERIFY(!text(view, u"variantsStatus"_s).contains(u"Fetched"_s));

        // Then two others: only their answers arrive, none for the sample left behind.
        const QList<Sample> others{samples[2], samples[1]};
        view->setSamples(others);
        QCOMPARE(view->comparisonModel()->rowCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(comparisonDone(view), bge::test::kWaitMs);
        QTRY_VERIFY(!fetcher->isRunning());
        QCOMPARE(reported.size(), 2);
        QVERIFY(!reported.contains(samples[0].biosampleId));
        QCOMPARE(view->comparisonModel()->biosampleId(0), samples[2].biosampleId);
        QCOMPARE(view->comparisonModel()->biosampleId(1), samples[1].biosampleId);
        verifyComparison(view, others, rsids);
    }

    void aMixedSelectionLeavesOutTheNonGenomicSamples()
    {
        const Sample metagenomics = m_platform.sample(u"metagenomics"_s);
        QCOMPARE(metagenomics.omic.code, 2);
        const QList<Sample> genomic = m_genomicSamples.first(2);
        QWidget window;
        VariantsView* view = makeView(window);
        view->setSample(metagenomics);
        view->setSamples({genomic[0], metagenomics, genomic[1]});
        auto* note = view->findChild<QLabel*>(u"comparisonNote"_s);
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(),
                 u"Left out 1 sample(s) that are not genomics: %1"_s.arg(metagenomics.biosampleId));
        QVERIFY(!view->findChild<QLabel*>(u"variantsHint"_s)->isVisible());
        // The panel's one click works for a comparison too.
        panelCombo(view)->setCurrentIndex(panelCombo(view)->findText(u"Nutrigenomics"_s));
        QTest::mouseClick(button(view, u"lookUpPanelButton"_s), Qt::LeftButton);
        const QStringList rsids = RsidPanels::defaults()[1].rsids;
        QCOMPARE(view->findChild<RsidInput*>()->list().rsids, rsids);
        QTRY_VERIFY_WITH_TIMEOUT(comparisonDone(view), bge::test::kWaitMs);
        verifyComparison(view, genomic, rsids);

        // One genomics sample and the metagenomics one: no comparison, the current sample's hint.
        view->setSamples({genomic[0], metagenomics});
        QVERIFY(!note->isVisible());
        QVERIFY(view->findChild<QLabel*>(u"variantsHint"_s)->isVisible());
        QCOMPARE(view->comparisonModel()->rowCount(), 0);
    }

    void aFailedSampleShowsTheErrorAndKeepsTheOthers()
    {
        Sample foreign = m_genomics;
        foreign.biosampleId =
            m_platform.sandbox.user(1).value(u"samples").toObject().value(u"genomics").toString();
        const QList<Sample> samples{m_genomicSamples[0], foreign, m_genomicSamples[1]};
        QWidget window;
        VariantsView* view = makeView(window);
        view->setSamples(samples);
        view->findChild<RsidInput*>()->setText(kCompared.join(u' '));
        view->lookUp();
        QTRY_VERIFY_WITH_TIMEOUT(comparisonDone(view), bge::test::kWaitMs);
        const GenotypeComparisonModel* model = view->comparisonModel();
        QCOMPARE(model->state(1), GenotypeComparisonModel::State::Failed);
        QVERIFY(model->index(1, 0).data(Qt::ToolTipRole).toString().contains(u"41303"_s));
        auto* banner = view->findChild<ErrorBanner*>();
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(u"41303"_s));
        QVERIFY(!banner->canRetry()); // a refusal would be refused again
        QVERIFY(text(view, u"variantsStatus"_s)
                    .contains(u"1 sample(s) could not be fetched: %1"_s.arg(foreign.biosampleId)));
        verifyRow(view, 0, samples[0], kCompared);
        verifyRow(view, 2, samples[2], kCompared);
    }

    void aNetworkFailureInTheComparisonOffersARetry()
    {
        const QList<Sample> samples = m_genomicSamples.first(3);
        QWidget window;
        VariantsView* view = makeView(window);
        view->setSamples(samples);
        view->findChild<RsidInput*>()->setText(kCompared.join(u' '));
        m_platform.breakNetwork();
        view->lookUp();
        QTRY_VERIFY_WITH_TIMEOUT(comparisonDone(view), bge::test::kWaitMs);
        QCOMPARE(view->comparisonModel()->count(GenotypeComparisonModel::State::Failed), 3);
        auto* banner = view->findChild<ErrorBanner*>();
        QVERIFY(banner->isVisible());
        QVERIFY(banner->canRetry());
        m_platform.restoreNetwork();
        QTest::mouseClick(banner->findChild<QPushButton*>(u"retryButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(comparisonDone(view), bge::test::kWaitMs);
        QVERIFY(banner->isHidden());
        verifyComparison(view, samples, kCompared);
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
