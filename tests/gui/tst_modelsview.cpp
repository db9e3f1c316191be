#include "omicstestsupport.h"

#include "common/errorbanner.h"
#include "models/distributionchart.h"
#include "models/modelbackground.h"
#include "models/modelsview.h"
#include "models/parametertablemodel.h"
#include "models/resultfieldsmodel.h"

#include <QAbstractAxis>
#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bge;
using namespace bge::ui;
using bge::test::await;
using bge::test::SignedInSandbox;

namespace {

const auto kColorectal = u"zS68QlusdT2RWsZ"_s; // metagenomics, the platform's documented example
const auto kAlcohol = u"Ad9kE3hTzB6yN1u"_s;    // genomics, two rsids

} // namespace

class TestModelsView : public QObject
{
    Q_OBJECT

    SignedInSandbox m_platform;
    Sample m_genomics;
    Sample m_metagenomics;

    ModelsView* makeView(QWidget& window)
    {
        auto* view = new ModelsView(m_platform.api(), &window);
        new QAbstractItemModelTester(view->parameters(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, view);
        new QAbstractItemModelTester(view->fields(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     view);
        window.resize(1200, 800);
        view->resize(window.size());
        window.show();
        return view;
    }
    static QLabel* message(QWidget* view) { return view->findChild<QLabel*>(u"modelMessage"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"BGE-tests"_s);
        QCoreApplication::setApplicationName(u"tst_modelsview"_s);
        QSettings().clear();
        QVERIFY2(m_platform.start(), qPrintable(m_platform.sandbox.errorOutput()));
        m_genomics = m_platform.sample(u"genomics"_s);
        m_metagenomics = m_platform.sample(u"metagenomics"_s);
    }

    void theSelectedSampleIsPrefilled()
    {
        QWidget window;
        ModelsView* view = makeView(window);
        view->setSample(m_metagenomics);
        QCOMPARE(view->parameters()->parameters(),
                 (ParameterTableModel::Parameters{{u"biosample_id"_s, m_metagenomics.biosampleId}}));
        view->setSample(m_genomics);
        QCOMPARE(view->parameters()->parameters().size(), 1);
        QCOMPARE(view->parameters()->parameters().first().second, m_genomics.biosampleId);
        // Parameters are edited in place, added and removed.
        QTest::mouseClick(view->findChild<QPushButton*>(u"addParameterButton"_s), Qt::LeftButton);
        QCOMPARE(view->parameters()->rowCount(), 2);
        view->parameters()->setData(view->parameters()->index(1, ParameterTableModel::Name), u" lang "_s);
        view->parameters()->setData(view->parameters()->index(1, ParameterTableModel::Value), u"zh"_s);
        QCOMPARE(view->parameters()->parameters().last(), (std::pair{u"lang"_s, u"zh"_s}));
        view->parameters()->removeRows(1, 1);
        QCOMPARE(view->parameters()->rowCount(), 1);
    }

    void aRunShowsTheMessageFieldsAndDistributions()
    {
        const auto expected = await(
            m_platform.api()->invokeModel(kColorectal, {{u"biosample_id"_s, m_metagenomics.biosampleId}}));
        BGE_VERIFY_OK(expected);
        QCOMPARE(expected->modelCode, 0);

        QWidget window;
        ModelsView* view = makeView(window);
        view->setSample(m_metagenomics);
        view->setModelId(kColorectal);
        QTest::mouseClick(view->findChild<QPushButton*>(u"runButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(message(view)->isVisible(), bge::test::kWaitMs);
        QVERIFY(message(view)->text().contains(expected->modelMessage));

        ResultFieldsModel* fields = view->fields();
        const QJsonObject& data = expected->modelData;
        QCOMPARE(fields->valueText(u"predict_class"_s), data.value(u"predict_class").toString());
        QCOMPARE(fields->valueText(u"disease_probability"_s).toDouble(),
                 data.value(u"disease_probability").toDouble());
        QCOMPARE(fields->valueText(u"predict_probability.control"_s).toDouble(),
                 data.value(u"predict_probability").toObject().value(u"control").toDouble());
        QCOMPARE(fields->valueText(u"threshold"_s), u"0.5"_s);
        QCOMPARE(fields->valueText(u"background[0].group"_s), u"case"_s);
        QVERIFY(fields->valueText(u"background[0].plot_coord.y"_s).contains(u"60"_s));

        DistributionChart* chart = view->chart();
        QVERIFY(chart->isVisible());
        auto* boxes = qobject_cast<QBoxPlotSeries*>(chart->series(u"boxes"_s));
        QVERIFY(boxes);
        QCOMPARE(boxes->count(), 2);
        const QJsonArray background = data.value(u"background").toArray();
        const char16_t* valueKeys[] = {u"y", u"probability"};
        for (int i = 0; i < 2; ++i) {
            QList<double> values;
            for (const QJsonValue& v : background[i]
                                           .toObject()
                                           .value(u"plot_coord")
                                           .toObject()
                                           .value(QStringView(valueKeys[i]))
                                           .toArray())
                values.append(v.toDouble());
            const BoxFigures f = ModelBackground::boxFigures(values);
            QCOMPARE(boxes->boxSets()[i]->at(QBoxSet::Median), f.median);
            QCOMPARE(boxes->boxSets()[i]->at(QBoxSet::LowerExtreme),
                     *std::min_element(values.begin(), values.end()));
            QCOMPARE(boxes->boxSets()[i]->at(QBoxSet::UpperExtreme),
                     *std::max_element(values.begin(), values.end()));
        }
        QCOMPARE(boxes->boxSets()[0]->label(), u"case"_s);
        QCOMPARE(boxes->boxSets()[1]->label(), u"control"_s);
        auto* sample = qobject_cast<QLineSeries*>(chart->series(u"sampleValue"_s));
        QVERIFY(sample);
        QCOMPARE(sample->at(0).y(), data.value(u"disease_probability").toDouble());
        QVERIFY(chart->series(u"threshold"_s));

        // The id worked: offered next time, also in a new view.
        QWidget other;
        ModelsView* next = makeView(other);
        QVERIFY(next->findChild<QComboBox*>(u"modelIdBox"_s)->findText(kColorectal) >= 0);
    }

    void genotypeModelsDrawFrequencyBars()
    {
        const auto expected =
            await(m_platform.api()->invokeModel(kAlcohol, {{u"biosample_id"_s, m_genomics.biosampleId}}));
        BGE_VERIFY_OK(expected);
        QWidget window;
        ModelsView* view = makeView(window);
        view->setSample(m_genomics);
        view->setModelId(kAlcohol);
        view->run();
        QTRY_VERIFY_WITH_TIMEOUT(message(view)->isVisible(), bge::test::kWaitMs);
        auto* bars = qobject_cast<QBarSeries*>(view->chart()->series(u"bars"_s));
        QVERIFY(bars);
        const QJsonArray background = expected->modelData.value(u"background").toArray();
        QCOMPARE(bars->barSets().first()->count(), int(background.size()));
        for (int i = 0; i < background.size(); ++i)
            QCOMPARE(bars->barSets().first()->at(i), background[i]
                                                         .toObject()
                                                         .value(u"plot_coord")
                                                         .toObject()
                                                         .value(u"y")
                                                         .toArray()
                                                         .first()
                                                         .toDouble());
        // The sample's own genotypes are marked, one per rsid.
        auto* mine = qobject_cast<QScatterSeries*>(view->chart()->series(u"sampleGroups"_s));
        QVERIFY(mine);
        QCOMPARE(mine->count(), expected->modelData.value(u"genotypes").toArray().size());

        // Read at the results' share of a 1280×800 window: no group's label is cut short.
        window.resize(1280 * 3 / 5, 650);
        view->resize(window.size());
        QTest::qWait(100);
        for (QAbstractAxis* axis : view->chart()->chart()->axes()) {
            auto* categories = qobject_cast<QBarCategoryAxis*>(axis);
            QVERIFY2(!axis->labelsTruncated(),
                     qPrintable(axis->titleText() + u": "_s +
                                (categories ? categories->categories().join(u" | "_s) : QString())));
        }
    }

    void aModelThatCannotReadTheSampleSaysWhy()
    {
        QWidget window;
        ModelsView* view = makeView(window);
        view->setSample(m_genomics); // the colorectal model reads gut microbiomes
        view->setModelId(kColorectal);
        view->run();
        QTRY_VERIFY_WITH_TIMEOUT(message(view)->isVisible(), bge::test::kWaitMs);
        QVERIFY(message(view)->text().contains(u"model_code 1"_s));
        QVERIFY(message(view)->text().contains(u"样品的组学类型不适用于该模型"_s));
        QVERIFY(!view->chart()->isVisible());
        QCOMPARE(view->fields()->rowCount(), 0);
    }

    void anUnknownModelIsRefusedInTheBanner()
    {
        QWidget window;
        ModelsView* view = makeView(window);
        view->setSample(m_genomics);
        view->setModelId(u"NoSuchModel0000"_s);
        view->run();
        auto* banner = view->findChild<ErrorBanner*>();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), bge::test::kWaitMs);
        QVERIFY(banner->text().contains(u"41202"_s));
        QVERIFY(!banner->canRetry());
        QVERIFY(view->findChild<QComboBox*>(u"modelIdBox"_s)->findText(u"NoSuchModel0000"_s) < 0);

        view->setModelId(QString());
        view->run();
        QVERIFY(banner->text().contains(u"id"_s));
    }

    void aRunCanBeCancelled()
    {
        QWidget window;
        ModelsView* view = makeView(window);
        view->setSample(m_metagenomics);
        view->setModelId(kColorectal);
        auto* run = view->findChild<QPushButton*>(u"runButton"_s);
        auto* cancel = view->findChild<QPushButton*>(u"cancelButton"_s);
        QVERIFY(!cancel->isEnabled());
        view->run();
        QVERIFY(!run->isEnabled());
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(run->isEnabled());
        QVERIFY(!cancel->isEnabled());
        QCOMPARE(view->findChild<QLabel*>(u"modelStatus"_s)->text(), u"Cancelled."_s);
        // A run after that answers once, and nothing of the cancelled one shows up.
        view->run();
        QTRY_VERIFY_WITH_TIMEOUT(message(view)->isVisible(), bge::test::kWaitMs);
        QVERIFY(view->findChild<ErrorBanner*>()->isHidden());
    }

    void aNetworkFailureOffersARetryThatWorks()
    {
        QWidget window;
        ModelsView* view = makeView(window);
        view->setSample(m_metagenomics);
        view->setModelId(kColorectal);
        m_platform.breakNetwork();
        view->run();
        auto* banner = view->findChild<ErrorBanner*>();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), bge::test::kWaitMs);
        QVERIFY(banner->canRetry());
        m_platform.restoreNetwork();
        QTest::mouseClick(banner->findChild<QPushButton*>(u"retryButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(message(view)->isVisible(), bge::test::kWaitMs);
        QVERIFY(view->chart()->isVisible());
    }

    void backgroundsOfOtherShapesAreReadLeniently()
    {
        const QJsonObject data{{u"score"_s, 2.0},
                               {u"background"_s, QJsonObject{{u"low"_s, QJsonArray{1, 2, 3, 4}},
                                                             {u"bad"_s, u"x"_s},
                                                             {u"high"_s, QJsonArray{5, 6}}}}};
        const ModelBackground b = ModelBackground::fromModelData(data);
        QCOMPARE(b.groups.size(), 2);
        QCOMPARE(b.groups[0].label, u"high"_s);
        QCOMPARE(b.groups[1].values, (QList<double>{1, 2, 3, 4}));
        QCOMPARE(*b.sampleValue, 2.0);
        const BoxFigures f = ModelBackground::boxFigures({4, 1, 3, 2});
        QCOMPARE(f.minimum, 1.0);
        QCOMPARE(f.lowerQuartile, 1.75);
        QCOMPARE(f.median, 2.5);
        QCOMPARE(f.upperQuartile, 3.25);
        QCOMPARE(f.maximum, 4.0);
        QVERIFY(ModelBackground::fromModelData({{u"background"_s, u"garbage"_s}}).isEmpty());
        QVERIFY(ModelBackground::fromModelData({{u"background"_s, QJsonArray{1, QJsonObject{}}}}).isEmpty());
    }

    void withoutASessionTheViewSaysSo()
    {
        ModelsView view(nullptr);
        view.show();
        view.setSample(m_genomics);
        QVERIFY(view.findChild<QLabel*>(u"modelsHint"_s)->isVisible());
        view.run(); // no crash
    }
};

QTEST_MAIN(TestModelsView)
#include "tst_modelsview.moc"
