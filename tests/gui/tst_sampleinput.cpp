#include "api/records/sample.h"
#include "api/sampleinput.h"
#include "samples/samplefilters.h"

#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace bge;
using bge::ui::SampleFilters;

using namespace Qt::StringLiterals;

namespace {

QStringList fieldsOf(const QList<FieldProblem>& problems)
{
    QStringList fields;
    for (const FieldProblem& p : problems)
        fields.append(p.field);
    return fields;
}

SampleRegistration validRegistration()
{
    SampleRegistration r;
    r.externalSampleId = u"ZK12345678"_s;
    r.site = 11;
    r.projectId = u"P-W20123456789"_s;
    return r;
}

} // namespace

// What is checked locally before register/improve, and how the filters read and keep ids.
class TestSampleInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void registrationProblemsNameTheirField()
    {
        QVERIFY(registrationProblems(validRegistration()).isEmpty());
        QCOMPARE(fieldsOf(registrationProblems({})),
                 (QStringList{u"external_sample_id"_s, u"biosample_site"_s, u"project_id"_s}));

        SampleRegistration r = validRegistration();
        r.externalSampleId = QString(kMaxExternalSampleIdLength + 1, u'x');
        QCOMPARE(fieldsOf(registrationProblems(r)), QStringList{u"external_sample_id"_s});
        r.externalSampleId = QString(kMaxExternalSampleIdLength, u'x');
        QVERIFY(registrationProblems(r).isEmpty());
        r.externalSampleId = u"A,B"_s;
        QCOMPARE(fieldsOf(registrationProblems(r)), QStringList{u"external_sample_id"_s});

        r = validRegistration();
        r.site = 16;
        QCOMPARE(fieldsOf(registrationProblems(r)), QStringList{u"biosample_site"_s});
        r = validRegistration();
        r.projectId = u"demo"_s;
        QCOMPARE(fieldsOf(registrationProblems(r)), QStringList{u"project_id"_s});

        r = validRegistration();
        r.extraFields = {{u"library_strategy"_s, u"WGS"_s}, {u"library_id"_s, u"anything-goes 1"_s}};
        QVERIFY(registrationProblems(r).isEmpty());
        r.extraFields = {
            {u"library_strategy"_s, u"wgs"_s}, {u"colour"_s, u"blue"_s}, {u"library_id"_s, u" "_s}};
        QCOMPARE(fieldsOf(registrationProblems(r)),
                 (QStringList{u"library_strategy"_s, u"colour"_s, u"library_id"_s}));
        QVERIFY(registrationProblems(r).first().message.contains(u"WXS"_s)); // says what is allowed
    }

    void improvementRefusesFieldsThatHoldAValue()
    {
        Sample s;
        s.raw = QJsonObject{{u"library_strategy"_s, u"WGS"_s},
                            {u"library_source"_s, QJsonValue::Null},
                            {u"library_layout"_s, u""_s}};
        QCOMPARE(improvableFieldValue(s, u"library_strategy"), std::optional<QString>(u"WGS"_s));
        QCOMPARE(improvableFieldValue(s, u"library_source"), std::optional<QString>(QString()));
        QCOMPARE(improvableFieldValue(s, u"library_id"), std::nullopt); // not sent at all

        QVERIFY(improvementProblems(s, {{u"library_source"_s, u"GENOMIC"_s}}).isEmpty());
        QVERIFY(improvementProblems(s, {{u"library_layout"_s, u"PAIRED"_s}}).isEmpty());
        QVERIFY(improvementProblems(s, {{u"library_id"_s, u"L1"_s}}).isEmpty()); // the platform will say
        QCOMPARE(fieldsOf(improvementProblems(s, {{u"library_strategy"_s, u"WXS"_s}})),
                 QStringList{u"library_strategy"_s});
        QCOMPARE(fieldsOf(improvementProblems(s, {})), QStringList{QString()});
        QCOMPARE(fieldsOf(improvementProblems(
                     s, {{u"library_source"_s, u"GENOMIC"_s}, {u"library_source"_s, u"OTHER"_s}})),
                 QStringList{u"library_source"_s});
        QCOMPARE(fieldsOf(improvementProblems(s, {{u"biosample_site"_s, u"1"_s}})),
                 QStringList{u"biosample_site"_s});
        QVERIFY(findImprovableField(u"library_layout"));
        QVERIFY(!findImprovableField(u"library"));
    }

    void filtersTellBiosampleIdsFromExternalIds()
    {
        QCOMPARE(SampleFilters::splitList(u" E-B12345678901, zk1;;KIT 2\n"_s),
                 (QStringList{u"E-B12345678901"_s, u"zk1"_s, u"KIT"_s, u"2"_s}));
        QVERIFY(SampleFilters::looksLikeBiosampleId(u"e-f19149953317"_s));
        QVERIFY(!SampleFilters::looksLikeBiosampleId(u"E-B123"_s));
        QVERIFY(!SampleFilters::looksLikeBiosampleId(u"E-B123456789012"_s));

        SampleFilters f;
        f.ids = {u"e-b12345678901"_s, u"ZK001"_s, u"E-F19149953317"_s};
        QCOMPARE(f.biosampleIds(), (QStringList{u"E-B12345678901"_s, u"E-F19149953317"_s}));
        QCOMPARE(f.externalIds(), QStringList{u"ZK001"_s});
        QCOMPARE(f.query().biosampleIds, f.biosampleIds());
        QVERIFY(!f.isEmpty());
        QVERIFY(SampleFilters().isEmpty());
    }

    void filtersSurviveSettings()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(u"filters.ini"_s);
        SampleFilters f;
        f.sites = {1, 11};
        f.omics = {2};
        f.organisms = {3};
        f.statuses = {9001};
        f.projectIds = {u"P-W1"_s};
        f.ids = {u"ZK1"_s};
        f.dataAvailability = false;
        {
            QSettings settings(file, QSettings::IniFormat);
            f.save(settings);
        }
        QSettings settings(file, QSettings::IniFormat);
        QCOMPARE(SampleFilters::load(settings), f);
        // Garbage from elsewhere is dropped, not sent to the platform.
        settings.setValue(u"filters/sites"_s, QVariantList{u"blood"_s, 11});
        QCOMPARE(SampleFilters::load(settings).sites, QList<int>{11});
        f.dataAvailability.reset();
        f.save(settings);
        QCOMPARE(SampleFilters::load(settings).dataAvailability, std::nullopt);
    }
};

QTEST_MAIN(TestSampleInput)
#include "tst_sampleinput.moc"
