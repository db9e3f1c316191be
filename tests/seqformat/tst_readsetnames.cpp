// R1/R2 pairing, name suggestions and read-set file types from real-world file names, and the
// upload rules that need no file on disk.
#include "seqformat/readpairing.h"
#include "seqformat/readsetfiletype.h"
#include "seqformat/readsetnaming.h"
#include "seqformat/sequencefilesniffer.h"
#include "seqformat/uploadcheck.h"

#include <QTest>

using namespace bge::seqformat;
using namespace Qt::StringLiterals;
using Mate = MateInfo::Mate;

Q_DECLARE_METATYPE(Mate)

class TestReadSetNames final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mates_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<Mate>("mate");
        QTest::addColumn<QString>("baseName");
        QTest::addColumn<QString>("sampleId");

        QTest::newRow("Illumina R1") << u"NA12878_S1_L001_R1_001.fastq.gz"_s << Mate::Read1 << u"NA12878_S1_L001"_s
                                     << u"NA12878"_s;
        QTest::newRow("Illumina R2") << u"NA12878_S1_L001_R2_001.fastq.gz"_s << Mate::Read2 << u"NA12878_S1_L001"_s
                                     << u"NA12878"_s;
        QTest::newRow("Illumina chunk 2") << u"NA12878_S1_L001_R1_002.fastq.gz"_s << Mate::Read1
                                          << u"NA12878_S1_L001_002"_s << u"NA12878"_s;
        QTest::newRow("Illumina no lane") << u"HG002-rep1_S12_R2_001.fastq.gz"_s << Mate::Read2
                                          << u"HG002-rep1_S12"_s << u"HG002-rep1"_s;
        QTest::newRow("Illumina sample with underscores")
            << u"tumor_biopsy_3_S7_L004_R1_001.fastq.gz"_s << Mate::Read1 << u"tumor_biopsy_3_S7_L004"_s
            << u"tumor_biopsy_3"_s;
        QTest::newRow("_R1.") << u"sample42_R1.fastq"_s << Mate::Read1 << u"sample42"_s << u"sample42"_s;
        QTest::newRow(".R2.") << u"sample42.R2.fq.gz"_s << Mate::Read2 << u"sample42"_s << u"sample42"_s;
        QTest::newRow("lower case r") << u"sample42_r2.fq"_s << Mate::Read2 << u"sample42"_s << u"sample42"_s;
        QTest::newRow("SRA _1") << u"SRR1234567_1.fastq.gz"_s << Mate::Read1 << u"SRR1234567"_s
                                << u"SRR1234567"_s;
        QTest::newRow("SRA _2") << u"SRR1234567_2.fastq.gz"_s << Mate::Read2 << u"SRR1234567"_s
                                << u"SRR1234567"_s;
        QTest::newRow(".1.fq") << u"lib7.1.fq"_s << Mate::Read1 << u"lib7"_s << u"lib7"_s;
        QTest::newRow(".2.fq.gz") << u"lib7.2.fq.gz"_s << Mate::Read2 << u"lib7"_s << u"lib7"_s;
        QTest::newRow("_read1") << u"mouse_liver_read1.fastq"_s << Mate::Read1 << u"mouse_liver"_s
                                << u"mouse_liver"_s;
        QTest::newRow("_read2") << u"mouse_liver_read2.fastq.gz"_s << Mate::Read2 << u"mouse_liver"_s
                                << u"mouse_liver"_s;
        QTest::newRow("token inside") << u"patient9_R1_trimmed.fq.gz"_s << Mate::Read1 << u"patient9_trimmed"_s
                                      << u"patient9_trimmed"_s;
        QTest::newRow("lane without S") << u"run3_L002_R1.fastq.gz"_s << Mate::Read1 << u"run3_L002"_s
                                        << u"run3"_s;
        QTest::newRow("single FASTQ") << u"HG00096.fastq.gz"_s << Mate::None << u"HG00096"_s << u"HG00096"_s;
        QTest::newRow("index read") << u"Undetermined_S0_L001_I1_001.fastq.gz"_s << Mate::None
                                    << u"Undetermined_S0_L001_I1_001"_s << u"Undetermined"_s;
        QTest::newRow("S1 is not a mate") << u"NA12878_S1.fastq"_s << Mate::None << u"NA12878_S1"_s
                                          << u"NA12878"_s;
        QTest::newRow("BAM") << u"NA12878.final.bam"_s << Mate::None << u"NA12878.final"_s << u"NA12878"_s;
        QTest::newRow("uBAM") << u"HG002.unmapped.bam"_s << Mate::None << u"HG002.unmapped"_s << u"HG002"_s;
        QTest::newRow("CRAM") << u"HG002.GRCh38.markdup.cram"_s << Mate::None << u"HG002.GRCh38.markdup"_s
                              << u"HG002"_s;
        QTest::newRow("_R10 is not a mate") << u"sample_R10.fastq"_s << Mate::None << u"sample_R10"_s
                                            << u"sample_R10"_s;
        QTest::newRow("year is not a mate") << u"run-2021.fastq"_s << Mate::None << u"run-2021"_s
                                            << u"run-2021"_s;
        QTest::newRow("only a token") << u"_R1.fastq"_s << Mate::Read1 << u"_R1"_s << u"_R1"_s;
        QTest::newRow("no extension") << u"reads"_s << Mate::None << u"reads"_s << u"reads"_s;
    }
    void mates()
    {
        QFETCH(QString, fileName);
        QFETCH(Mate, mate);
        QFETCH(QString, baseName);
        QFETCH(QString, sampleId);
        const MateInfo info = mateFromFileName(fileName);
        QCOMPARE(info.mate, mate);
        QCOMPARE(info.baseName, baseName);
        const ReadSetNameSuggestion suggestion = suggestReadSetNames({u"/data/run/"_s + fileName});
        QCOMPARE(suggestion.name, baseName);
        QCOMPARE(suggestion.sampleId, sampleId);
        QCOMPARE(suggestion.subjectId, sampleId);
    }

    void pairKeysMatchAcrossCompression()
    {
        QCOMPARE(mateFromFileName(u"x_1.fastq.gz"_s).pairKey, mateFromFileName(u"x_2.fq"_s).pairKey);
        QCOMPARE(mateFromFileName(u"a_S1_L001_R1_001.fastq.gz"_s).pairKey,
                 mateFromFileName(u"a_S1_L001_R2_001.fastq.gz"_s).pairKey);
        QVERIFY(mateFromFileName(u"a_S1_L001_R1_001.fastq.gz"_s).pairKey !=
                mateFromFileName(u"a_S1_L001_R2_002.fastq.gz"_s).pairKey);
        QVERIFY(mateFromFileName(u"x_1.fq"_s).pairKey != mateFromFileName(u"x_R2.fq"_s).pairKey);
    }

    void grouping()
    {
        const QStringList dropped = {
            u"/d/NA12878_S1_L001_R2_001.fastq.gz"_s, // R2 first: the pair still lists R1 first
            u"/d/HG002.unmapped.bam"_s,
            u"/d/NA12878_S1_L001_R1_001.fastq.gz"_s,
            u"/d/SRR1_1.fastq.gz"_s,
            u"/d/SRR1_2.fq"_s, // the same compression is not required
            u"/d/lonely_R2.fastq"_s,
            u"/d/x_1.bam"_s, // BAM names never pair
            u"/d/x_2.bam"_s,
            u"/other/SRR2_1.fastq.gz"_s, // different folders never pair
            u"/d/SRR2_2.fastq.gz"_s,
        };
        const ReadFileGrouping grouping = groupReadFiles(dropped);
        QVERIFY2(grouping.ok(), qPrintable(grouping.errors.join(u' ')));
        const QList<QStringList> expected = {
            {u"/d/NA12878_S1_L001_R1_001.fastq.gz"_s, u"/d/NA12878_S1_L001_R2_001.fastq.gz"_s},
            {u"/d/HG002.unmapped.bam"_s},
            {u"/d/SRR1_1.fastq.gz"_s, u"/d/SRR1_2.fq"_s},
            {u"/d/lonely_R2.fastq"_s},
            {u"/d/x_1.bam"_s},
            {u"/d/x_2.bam"_s},
            {u"/other/SRR2_1.fastq.gz"_s},
            {u"/d/SRR2_2.fastq.gz"_s},
        };
        QCOMPARE(grouping.groups.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(grouping.groups.at(i).files, expected.at(i));
        QCOMPARE(grouping.notes.size(), 3); // lonely_R2, SRR2_1, SRR2_2
        QVERIFY(grouping.notes.first().contains(u"lonely_R2.fastq"_s));
    }

    void ambiguousPairsAreRefused()
    {
        const ReadFileGrouping twoR1 = groupReadFiles(
            {u"/d/s_R1.fastq.gz"_s, u"/d/s_R1.fq"_s, u"/d/s_R2.fastq.gz"_s, u"/d/t_R1.fq"_s, u"/d/t_R2.fq"_s});
        QCOMPARE(twoR1.errors.size(), 1);
        QVERIFY(twoR1.errors.first().contains(u"s_R1.fastq.gz"_s));
        QVERIFY(twoR1.errors.first().contains(u"s_R1.fq"_s));
        QVERIFY(twoR1.errors.first().contains(u"s_R2.fastq.gz"_s));
        // The unambiguous pair is still offered; the ambiguous files are not.
        QCOMPARE(twoR1.groups.size(), 1);
        QCOMPARE(twoR1.groups.first().files, (QStringList{u"/d/t_R1.fq"_s, u"/d/t_R2.fq"_s}));

        const ReadFileGrouping twice = groupReadFiles({u"/d/a.fastq"_s, u"/d/./a.fastq"_s});
        QCOMPARE(twice.errors.size(), 1);
        QCOMPARE(twice.groups.size(), 1);
        QVERIFY(groupReadFiles({}).groups.isEmpty());
    }

    void fileTypesFromNames_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("type");
        QTest::newRow("fastq.gz") << u"a.fastq.gz"_s << u"FASTQ"_s;
        QTest::newRow("FQ") << u"A.FQ"_s << u"FASTQ"_s;
        QTest::newRow("fq.bgz") << u"a.fq.bgz"_s << u"FASTQ"_s;
        QTest::newRow("bam") << u"a.bam"_s << u"BAM"_s;
        QTest::newRow("unmapped.bam") << u"a.unmapped.bam"_s << u"BAM"_s;
        QTest::newRow("ubam") << u"a.ubam"_s << u"UBAM"_s;
        QTest::newRow("cram") << u"a.cram"_s << u"CRAM"_s;
        QTest::newRow("bam.gz") << u"a.bam.gz"_s << QString();
        QTest::newRow("fasta") << u"ref.fa"_s << QString();
        QTest::newRow("vcf") << u"calls.vcf.gz"_s << QString();
        QTest::newRow("bai") << u"a.bam.bai"_s << QString();
    }
    void fileTypesFromNames()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, type);
        const std::optional<ReadSetFileType> claimed = readSetFileTypeFromFileName(fileName);
        QCOMPARE(claimed ? wireName(*claimed) : QString(), type);
    }

    void wireNamesAndReferences()
    {
        for (const QString& name : {u"FASTQ"_s, u"BAM"_s, u"CRAM"_s, u"UBAM"_s}) {
            const std::optional<ReadSetFileType> type = readSetFileTypeFromWireName(name.toLower());
            QVERIFY(type);
            QCOMPARE(wireName(*type), name);
        }
        QVERIFY(!readSetFileTypeFromWireName(u"auto"_s));
        QVERIFY(!readSetFileTypeFromWireName(u""_s));
        QVERIFY(requiresReference(ReadSetFileType::Bam));
        QVERIFY(requiresReference(ReadSetFileType::Cram));
        QVERIFY(!requiresReference(ReadSetFileType::Fastq));
        QVERIFY(!requiresReference(ReadSetFileType::Ubam));

        const QString arn = u"arn:aws:omics:us-east-1:123456789012:referenceStore/1234567890/reference/5678"_s;
        QVERIFY(!referenceProblem(ReadSetFileType::Bam, arn));
        QVERIFY(referenceProblem(ReadSetFileType::Bam, {}));
        QVERIFY(referenceProblem(ReadSetFileType::Cram, u"  "_s));
        QVERIFY(!referenceProblem(ReadSetFileType::Fastq, {}));
        QVERIFY(!referenceProblem(ReadSetFileType::Ubam, arn)); // optional, accepted when given
        QVERIFY(referenceProblem(ReadSetFileType::Bam, u"1234567890"_s));
        QVERIFY(referenceProblem(ReadSetFileType::Bam, u"arn:"_s + QString(200, u'x')));
        QVERIFY(referenceProblem(ReadSetFileType::Bam, u" "_s + arn));
    }

    void fitsOmicsNames()
    {
        QCOMPARE(fitOmicsName(u"a\tb\nc\u200bd"_s), u"abcd"_s); // controls and format characters go
        QCOMPARE(fitOmicsName(QString(300, u'x')).size(), 127);
        const QString emoji = QString(126, u'x') + QString::fromUtf8("\xF0\x9F\xA7\xAC"); // DNA, 2 code units
        QCOMPARE(fitOmicsName(emoji), QString(126, u'x')); // never half a surrogate pair
        QCOMPARE(fitOmicsName(u"Échantillon β-7 (ü)"_s), u"Échantillon β-7 (ü)"_s);
        const ReadSetNameSuggestion none = suggestReadSetNames({});
        QVERIFY(none.name.isEmpty() && none.sampleId.isEmpty());
    }

    void uploadRulesWithoutFiles()
    {
        const QByteArray fastq = "@r1\nACGT\n+\nIIII\n";
        auto fastqFile = [&](const QString& path) { return UploadFile{path, sniffBytes(fastq)}; };

        UploadCheck none = checkUpload({});
        QVERIFY(!none.ok());
        QCOMPARE(none.errors.size(), 1);

        UploadCheck three = checkUpload(
            {{fastqFile(u"a_R1.fq"_s), fastqFile(u"a_R2.fq"_s), fastqFile(u"b.fq"_s)}, std::nullopt, std::nullopt});
        QVERIFY(!three.ok());
        QVERIFY(three.errors.first().contains(u'3'));

        UploadCheck single = checkUpload({{fastqFile(u"reads.fq"_s)}, std::nullopt, QString()});
        QVERIFY(single.ok());
        QCOMPARE(single.type, ReadSetFileType::Fastq);
        QVERIFY(!single.referenceRequired);

        // A FASTQ named .bam; a FASTQ declared CRAM.
        UploadCheck named = checkUpload({{fastqFile(u"reads.bam"_s)}, std::nullopt, std::nullopt});
        QVERIFY(!named.ok());
        QVERIFY(named.errors.first().contains(u"reads.bam"_s));
        QVERIFY(named.errors.first().contains(u"FASTQ"_s));
        UploadCheck declared = checkUpload({{fastqFile(u"reads.fq"_s)}, ReadSetFileType::Cram, std::nullopt});
        QVERIFY(!declared.ok());
        QVERIFY(declared.errors.first().contains(u"CRAM"_s));

        // A name with no type: the bytes decide.
        UploadCheck unnamed = checkUpload({{fastqFile(u"reads.txt"_s)}, std::nullopt, std::nullopt});
        QVERIFY(unnamed.ok());

        UploadCheck pairDeclaredBam =
            checkUpload({{fastqFile(u"a_R1.fq"_s), fastqFile(u"a_R2.fq"_s)}, ReadSetFileType::Bam, std::nullopt});
        QVERIFY(!pairDeclaredBam.ok());
        UploadCheck bothR1 = checkUpload({{fastqFile(u"a_R1.fq"_s), fastqFile(u"b_R1.fq"_s)}, {}, {}});
        QVERIFY(!bothR1.ok());
        UploadCheck sameFile = checkUpload({{fastqFile(u"/d/a_R1.fq"_s), fastqFile(u"/d/a_R1.fq"_s)}, {}, {}});
        QVERIFY(!sameFile.ok());
        UploadCheck unrelated = checkUpload({{fastqFile(u"left.fq"_s), fastqFile(u"right.fq"_s)}, {}, {}});
        QVERIFY(unrelated.ok());
        QCOMPARE(unrelated.notes.size(), 1);

        UploadCheck damaged = checkUpload({{UploadFile{u"bad.fq"_s, sniffBytes("@r1\nACGT\n+\nII\n")}}, {}, {}});
        QVERIFY(!damaged.ok());
        QVERIFY(damaged.errors.first().contains(u"bad.fq"_s));
    }
};

QTEST_GUILESS_MAIN(TestReadSetNames)
#include "tst_readsetnames.moc"
