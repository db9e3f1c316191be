#include "omicsdemo.h"

#include "omicsformats.h"

#include "demo/demorandom.h"

#include <QDate>

namespace bge::sandbox::omics {

using namespace Qt::StringLiterals;

namespace {

const QStringList kReferences{u"chr1"_s, u"chr2"_s, u"chr3"_s, u"chrX"_s};
constexpr char16_t kSamplePrefixes[][3] = {u"NA", u"HG"};
constexpr char16_t kInstruments[][8] = {u"A00123", u"A01456", u"NB50178", u"M04321"};
constexpr char16_t kPlatforms[][24] = {u"NovaSeq 6000", u"NovaSeq X", u"NextSeq 550", u"MiSeq"};
constexpr char16_t kCohorts[][12] = {u"TRIO", u"CRC", u"ASD", u"T2D", u"LUAD"};

Micros dayMicros(int year, int month, int day)
{
    return (QDate(year, month, day).toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400LL * 1000000LL;
}

QString illuminaRun(DemoRandom& r, int index)
{
    const int instrument = int(r.next() % 4);
    const QDate date = QDate(2023, 1, 9).addDays(r.range(0, 600));
    return u"%1_%2_%3_%4"_s.arg(date.toString(u"yyMMdd"_s), QString::fromUtf16(kInstruments[instrument]))
        .arg(100 + index, 4, 10, QChar(u'0'))
        .arg((instrument < 2 ? u"A"_s : u"000000000-"_s) + r.alphanumeric(instrument < 2 ? 9 : 5).toUpper());
}

} // namespace

OmicsDemo OmicsDemo::generate(quint64 seed)
{
    OmicsDemo d;
    d.seed = seed;
    DemoRandom keys = DemoRandom::derive(seed, u"omics/keys"_s);
    d.accessKeyId = u"AKIA"_s + keys.alphanumeric(16).toUpper();
    static constexpr char16_t kSecretChars[] =
        u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 40; ++i)
        d.secretAccessKey += QChar(kSecretChars[keys.next() % 64]);
    d.accountId = QString::number(1 + keys.next() % 9) + keys.digits(11);
    d.referenceArn = u"arn:aws:omics:%1:%2:referenceStore/%3/reference/%4"_s.arg(
        d.region, d.accountId, keys.digits(10), keys.digits(10));
    d.importRoleArn = u"arn:aws:iam::%1:role/HealthOmicsSequenceImport"_s.arg(d.accountId);
    d.bucket = u"bge-omics-staging-%1"_s.arg(d.accountId);

    DemoRandom st = DemoRandom::derive(seed, u"omics/stores"_s);
    d.stores.append({u"1"_s + st.digits(9), u"genomics-core-sequences"_s,
                     u"Sequencing core: whole-genome and exome runs"_s,
                     dayMicros(2024, 2, 12) + 36125437522LL});
    d.stores.append({u"2"_s + st.digits(9), u"clinical-wgs-archive"_s,
                     u"Clinical WGS cohort, aligned to GRCh38"_s, dayMicros(2024, 5, 3) + 51347125911LL});

    DemoRandom rs = DemoRandom::derive(seed, u"omics/readsets"_s);
    QString nextId = u"3"_s + rs.digits(9);
    const int count = 64;
    for (int i = 0; i < count; ++i) {
        DemoReadSet r;
        r.storeId = d.stores[i % 3 == 2 ? 1 : 0].id;
        r.id = QString::number(nextId.toLongLong() + i * 7 + 1);
        const int subject = i / 4; // four read sets per subject: 16 subjects
        r.subjectId = u"%1-%2"_s.arg(QString::fromUtf16(kCohorts[subject % 5])).arg(1001 + subject * 13);
        r.sampleId = QString::fromUtf16(kSamplePrefixes[subject % 2]) +
                     QString::number(12878 + subject * 113 + (i % 2));
        static constexpr const char16_t* kTypes[] = {u"FASTQ", u"BAM", u"CRAM", u"UBAM"};
        r.fileType = QString::fromUtf16(kTypes[i % 4]);
        const QString run = illuminaRun(rs, i);
        r.name = u"%1_%2_L00%3"_s.arg(r.sampleId, run).arg(1 + i % 4);
        r.description = u"%1 run on %2"_s.arg(r.fileType, QString::fromUtf16(kPlatforms[i % 4]));
        r.generatedFrom = i % 5 == 0 ? QString() : QString::fromUtf16(kPlatforms[(i / 4) % 4]);
        if (r.fileType == u"BAM" || r.fileType == u"CRAM")
            r.referenceArn = d.referenceArn;
        r.paired = r.fileType == u"FASTQ" && i % 8 != 4;
        r.created =
            dayMicros(2024, 6, 1) + qint64(i) * 86400LL * 1000000LL * 3 + qint64(rs.next() % 86400000000ULL);
        r.reads = 20 + int(rs.next() % 40);
        d.readSets.append(r);
    }

    static constexpr const char16_t* kSourceTypes[] = {u"FASTQ", u"FASTQ", u"BAM", u"CRAM", u"UBAM"};
    static constexpr const char16_t* kSourceKeys[] = {
        u"runs/NA24385_S1_L001_R1_001.fastq.gz", u"runs/NA24385_S1_L001_R2_001.fastq.gz",
        u"aligned/NA24631.GRCh38.bam", u"aligned/NA24694.GRCh38.cram", u"unaligned/NA24695.unmapped.bam"};
    for (int i = 0; i < 5; ++i) {
        const QString key = QString::fromUtf16(kSourceKeys[i]);
        d.sources.append({u"s3://%1/%2"_s.arg(d.bucket, key), QString::fromUtf16(kSourceTypes[i]), key});
    }
    return d;
}

QString OmicsDemo::storeArn(const QString& storeId) const
{
    return u"arn:aws:omics:%1:%2:sequenceStore/%3"_s.arg(region, accountId, storeId);
}

QString OmicsDemo::readSetArn(const QString& storeId, const QString& readSetId) const
{
    return storeArn(storeId) + u"/readSet/"_s + readSetId;
}

QByteArray OmicsDemo::readSetBytes(const DemoReadSet& readSet, int source) const
{
    DemoRandom r = DemoRandom::derive(seed, u"omics/bytes/"_s + readSet.id + QString::number(source));
    if (readSet.fileType == u"FASTQ")
        return formats::fastq(r, readSet.name.section(u'_', 1, 4), readSet.reads, 150, source, true);
    if (readSet.fileType == u"CRAM")
        return formats::cram(r, readSet.sampleId, kReferences);
    return formats::bam(r, readSet.sampleId, readSet.fileType == u"BAM" ? kReferences : QStringList(),
                        readSet.reads);
}

QByteArray OmicsDemo::sourceBytes(const DemoSource& source) const
{
    DemoRandom r = DemoRandom::derive(seed, u"omics/source/"_s + source.key);
    const QString sample = source.key.section(u'/', 1).section(u'.', 0, 0).section(u'_', 0, 0);
    if (source.fileType == u"FASTQ")
        return formats::fastq(r, u"A00123:311:HV3K2DSX3"_s, 40, 150, source.key.contains(u"_R2_") ? 2 : 1,
                              true);
    if (source.fileType == u"CRAM")
        return formats::cram(r, sample, kReferences);
    return formats::bam(r, sample, source.fileType == u"BAM" ? kReferences : QStringList(), 30);
}

} // namespace bge::sandbox::omics
