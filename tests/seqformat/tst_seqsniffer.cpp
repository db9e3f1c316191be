// The sniffer and the upload check on real files made by samtools, gzip and bgzip at run time,
// and on their truncated, corrupted and hostile variants.
#include "seqformat/gzipprefix.h"
#include "seqformat/sequencefilesniffer.h"
#include "seqformat/uploadcheck.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace bge::seqformat;
using namespace Qt::StringLiterals;
using Format = SniffResult::Format;
using Compression = SniffResult::Compression;
using Alignment = SniffResult::Alignment;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// A deterministic reference sequence of `length` bases.
QByteArray bases(int length, quint32 seed)
{
    static constexpr char kBases[] = "ACGT";
    QByteArray sequence(length, 'A');
    quint32 state = seed;
    for (char& c : sequence) {
        state = state * 1664525u + 1013904223u;
        c = kBases[(state >> 24) & 3];
    }
    return sequence;
}

QByteArray fastqRecords(int count, int length, quint32 seed)
{
    QByteArray fastq;
    for (int i = 0; i < count; ++i) {
        fastq += "@read" + QByteArray::number(i) + " 1:N:0:ACGT\n" + bases(length, seed + i) + "\n+\n" +
                 QByteArray(length, static_cast<char>('5' + (i % 10))) + '\n';
    }
    return fastq;
}

} // namespace

class TestSeqSniffer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_reference = bases(400, 7);

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Runs a tool in the temporary folder; fails the test with its stderr when it fails.
    bool run(const QString& program, const QStringList& arguments, const QByteArray& input = {})
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(program, arguments);
        if (!process.waitForStarted(30000)) {
            qWarning() << program << "did not start";
            return false;
        }
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            qWarning().noquote() << program << arguments.join(u' ') << "failed:" << process.readAllStandardError();
            return false;
        }
        return true;
    }

    bool shell(const QString& command) { return run(u"sh"_s, {u"-c"_s, command}); }

    QByteArray samHeader(bool withSq) const
    {
        QByteArray header = "@HD\tVN:1.6\tSO:unsorted\n";
        if (withSq)
            header += "@SQ\tSN:chr1\tLN:400\n";
        header += "@RG\tID:rg1\tSM:NA12878\tPL:ILLUMINA\n";
        return header;
    }

    QByteArray samReads(bool aligned) const
    {
        QByteArray sam;
        for (int i = 0; i < 20; ++i) {
            const int pos = 1 + i * 15;
            const QByteArray seq = m_reference.mid(pos - 1, 50);
            sam += "r" + QByteArray::number(i) + (aligned ? "\t0\tchr1\t" + QByteArray::number(pos) + "\t60\t50M"
                                                          : QByteArray("\t4\t*\t0\t0\t*")) +
                   "\t*\t0\t0\t" + seq + '\t' + QByteArray(50, 'I') + "\tRG:Z:rg1\n";
        }
        return sam;
    }

    void expectUnusableAtEveryCut(const QString& name)
    {
        const QByteArray whole = readAll(path(name));
        QVERIFY(!whole.isEmpty());
        for (qsizetype cut = 0; cut < whole.size(); ++cut) {
            const SniffResult result = sniffBytes(whole.first(cut));
            if (result.isReadSetSource())
                QFAIL(qPrintable(u"%1 cut at %2 of %3 bytes passed as %4"_s.arg(name).arg(cut).arg(whole.size()).arg(
                    result.formatName())));
            QVERIFY(!result.problem.isEmpty());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString& tool : {u"samtools"_s, u"bgzip"_s, u"gzip"_s}) {
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QSKIP(qPrintable(tool + u" is not installed (make deps installs samtools and tabix)"_s));
        }
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(path(u"ref.fa"_s), ">chr1\n" + m_reference + '\n'));
        QVERIFY(run(u"samtools"_s, {u"faidx"_s, u"ref.fa"_s}));
        QVERIFY(writeFile(path(u"aligned.sam"_s), samHeader(true) + samReads(true)));
        QVERIFY(writeFile(path(u"unaligned.sam"_s), samHeader(false) + samReads(false)));
        QVERIFY(run(u"samtools"_s, {u"view"_s, u"-b"_s, u"-o"_s, u"aligned.bam"_s, u"aligned.sam"_s}));
        QVERIFY(run(u"samtools"_s, {u"view"_s, u"-b"_s, u"-o"_s, u"unaligned.bam"_s, u"unaligned.sam"_s}));
        QVERIFY(run(u"samtools"_s,
                    {u"view"_s, u"-C"_s, u"-T"_s, u"ref.fa"_s, u"-o"_s, u"aligned.cram"_s, u"aligned.sam"_s}));
        QVERIFY(QFile::copy(path(u"aligned.cram"_s), path(u"really_a_cram.bam"_s)));
        for (const QString& version : {u"2.1"_s, u"3.1"_s}) {
            QVERIFY(run(u"samtools"_s, {u"view"_s, u"-C"_s, u"-T"_s, u"ref.fa"_s, u"--output-fmt-option"_s,
                                        u"version="_s + version, u"-o"_s, u"v"_s + version + u".cram"_s,
                                        u"aligned.sam"_s}));
        }
        // A uBAM whose header (2.5 MB of @CO lines) is longer than what the sniffer inflates.
        QByteArray comments;
        for (int i = 0; i < 25000; ++i)
            comments += "@CO\tlibrary prep note " + QByteArray::number(i) + ": " + QByteArray(70, 'n') + '\n';
        QVERIFY(writeFile(path(u"bigheader.sam"_s), samHeader(false) + comments + samReads(false)));
        QVERIFY(run(u"samtools"_s, {u"view"_s, u"-b"_s, u"-o"_s, u"bigheader.bam"_s, u"bigheader.sam"_s}));

        QVERIFY(writeFile(path(u"reads_R1.fastq"_s), fastqRecords(50, 100, 1)));
        QVERIFY(writeFile(path(u"reads_R2.fastq"_s), fastqRecords(50, 100, 1001)));
        QVERIFY(run(u"samtools"_s, {u"import"_s, u"-0"_s, u"reads_R1.fastq"_s, u"-o"_s, u"imported.bam"_s}));
        QVERIFY(shell(u"gzip -c reads_R1.fastq > reads_R1.fastq.gz"_s));
        QVERIFY(shell(u"bgzip -c reads_R2.fastq > reads_R2.fastq.gz"_s));
        // Larger than the bytes the sniffer reads, so that only a prefix is seen.
        QVERIFY(writeFile(path(u"big.fastq"_s), fastqRecords(6000, 150, 5)));
        QVERIFY(shell(u"gzip -c big.fastq > big.fastq.gz && bgzip -c big.fastq > big.bgzf.fastq.gz"_s));
        QVERIFY(QFileInfo(path(u"big.fastq.gz"_s)).size() > kHeadBytes);
    }

    void realFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Format>("format");
        QTest::addColumn<Compression>("compression");
        QTest::addColumn<Alignment>("alignment");
        QTest::newRow("aligned BAM") << u"aligned.bam"_s << Format::Bam << Compression::Bgzf << Alignment::Aligned;
        QTest::newRow("unaligned BAM") << u"unaligned.bam"_s << Format::Bam << Compression::Bgzf
                                       << Alignment::Unaligned;
        QTest::newRow("samtools import") << u"imported.bam"_s << Format::Bam << Compression::Bgzf
                                         << Alignment::Unaligned;
        QTest::newRow("CRAM") << u"aligned.cram"_s << Format::Cram << Compression::None << Alignment::NotApplicable;
        QTest::newRow("CRAM 2.1") << u"v2.1.cram"_s << Format::Cram << Compression::None << Alignment::NotApplicable;
        QTest::newRow("CRAM 3.1") << u"v3.1.cram"_s << Format::Cram << Compression::None << Alignment::NotApplicable;
        QTest::newRow("uBAM, header past the bytes read")
            << u"bigheader.bam"_s << Format::Bam << Compression::Bgzf << Alignment::Unknown;
        QTest::newRow("CRAM named .bam") << u"really_a_cram.bam"_s << Format::Cram << Compression::None
                                         << Alignment::NotApplicable;
        QTest::newRow("FASTQ") << u"reads_R1.fastq"_s << Format::Fastq << Compression::None
                               << Alignment::NotApplicable;
        QTest::newRow("gzip FASTQ") << u"reads_R1.fastq.gz"_s << Format::Fastq << Compression::Gzip
                                    << Alignment::NotApplicable;
        QTest::newRow("BGZF FASTQ") << u"reads_R2.fastq.gz"_s << Format::Fastq << Compression::Bgzf
                                    << Alignment::NotApplicable;
        QTest::newRow("big FASTQ") << u"big.fastq"_s << Format::Fastq << Compression::None
                                   << Alignment::NotApplicable;
        QTest::newRow("big gzip FASTQ") << u"big.fastq.gz"_s << Format::Fastq << Compression::Gzip
                                        << Alignment::NotApplicable;
        QTest::newRow("big BGZF FASTQ") << u"big.bgzf.fastq.gz"_s << Format::Fastq << Compression::Bgzf
                                        << Alignment::NotApplicable;
        QTest::newRow("FASTA") << u"ref.fa"_s << Format::Fasta << Compression::None << Alignment::NotApplicable;
        QTest::newRow("SAM") << u"aligned.sam"_s << Format::Sam << Compression::None << Alignment::NotApplicable;
    }
    void realFiles()
    {
        QFETCH(QString, name);
        QFETCH(Format, format);
        QFETCH(Compression, compression);
        QFETCH(Alignment, alignment);
        const SniffResult result = sniffFile(path(name));
        QVERIFY2(!result.damaged, qPrintable(result.problem));
        QCOMPARE(result.format, format);
        QCOMPARE(result.compression, compression);
        QCOMPARE(result.alignment, alignment);
        const bool source = format == Format::Bam || format == Format::Cram || format == Format::Fastq;
        QCOMPARE(result.isReadSetSource(), source);
        QVERIFY(result.describe(name).contains(name));
        if (!source)
            QVERIFY(!result.problem.isEmpty());
        if (name == u"aligned.cram")
            QCOMPARE(result.formatName(), u"CRAM 3.0"_s); // samtools 1.16's default
        if (name == u"v2.1.cram")
            QCOMPARE(result.formatName(), u"CRAM 2.1"_s);
        if (name == u"v3.1.cram")
            QCOMPARE(result.formatName(), u"CRAM 3.1"_s);
        if (name == u"aligned.bam")
            QCOMPARE(result.referenceCount, 1);
        if (name == u"unaligned.bam")
            QCOMPARE(result.referenceCount, 0);
        if (format == Format::Fastq)
            QVERIFY(result.fastqRecordsChecked >= 1);
        if (name == u"reads_R1.fastq")
            QCOMPARE(result.fastqRecordsChecked, 50);
    }

    void readsOnlyTheStart()
    {
        // A file far larger than what is read: the sniffer answers from its first bytes.
        const QString name = path(u"huge.fastq"_s);
        QVERIFY(writeFile(name, fastqRecords(3000, 100, 3)));
        QVERIFY(QFileInfo(name).size() > kHeadBytes);
        QFile file(name);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(qint64(8) << 30)); // sparse: 8 GiB, zeros after the records
        file.close();
        const SniffResult result = sniffFile(name);
        QCOMPARE(result.format, Format::Fastq);
        QVERIFY2(!result.damaged, qPrintable(result.problem));
        QVERIFY(result.fastqRecordsChecked > 1000);
        QFile::remove(name);

        // Within the bytes read, the zeros after the records are seen for what they are.
        const QString padded = path(u"padded.fastq"_s);
        QVERIFY(writeFile(padded, fastqRecords(200, 100, 3)));
        QVERIFY(QFile::resize(padded, 100000));
        const SniffResult zeros = sniffFile(padded);
        QCOMPARE(zeros.format, Format::Fastq);
        QVERIFY(zeros.damaged);
        QVERIFY(zeros.problem.contains(u"201"_s));
    }

    void emptyFolderMissingPipe()
    {
        QVERIFY(writeFile(path(u"empty.fastq"_s), {}));
        QCOMPARE(sniffFile(path(u"empty.fastq"_s)).format, Format::Empty);
        QVERIFY(!sniffFile(path(u"empty.fastq"_s)).isReadSetSource());

        QVERIFY(QDir(m_dir.path()).mkpath(u"folder.bam"_s));
        const SniffResult folder = sniffFile(path(u"folder.bam"_s));
        QCOMPARE(folder.format, Format::NotAFile);
        QVERIFY(!folder.problem.isEmpty());

        const SniffResult missing = sniffFile(path(u"missing.bam"_s));
        QCOMPARE(missing.format, Format::Unreadable);
        QVERIFY(missing.describe(u"missing.bam"_s).contains(u"missing.bam"_s));

        QVERIFY(QFile::link(path(u"nowhere.bam"_s), path(u"dangling.bam"_s)));
        QCOMPARE(sniffFile(path(u"dangling.bam"_s)).format, Format::Unreadable);

        // A FIFO would block a reader forever: it must never be opened.
        QVERIFY(run(u"mkfifo"_s, {u"pipe.fastq"_s}));
        QCOMPARE(sniffFile(path(u"pipe.fastq"_s)).format, Format::NotAFile);

        // gzip of nothing
        QVERIFY(shell(u"printf '' | gzip -c > nothing.fastq.gz"_s));
        QCOMPARE(sniffFile(path(u"nothing.fastq.gz"_s)).format, Format::Empty);
    }

    void unreadableFile()
    {
        QVERIFY(writeFile(path(u"secret.fastq"_s), fastqRecords(2, 10, 1)));
        QVERIFY(QFile::setPermissions(path(u"secret.fastq"_s), QFileDevice::Permissions()));
        if (::geteuid() == 0)
            QSKIP("running as root: permissions do not stop reading (missing and dangling files are tested)");
        const SniffResult result = sniffFile(path(u"secret.fastq"_s));
        QCOMPARE(result.format, Format::Unreadable);
        QVERIFY(!result.problem.isEmpty());
    }

    void otherThingsPeopleDrop()
    {
        QVERIFY(writeFile(path(u"calls.vcf"_s), "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\n"));
        QCOMPARE(sniffFile(path(u"calls.vcf"_s)).format, Format::Vcf);
        QVERIFY(shell(u"bgzip -c calls.vcf > calls.vcf.gz"_s));
        const SniffResult vcfGz = sniffFile(path(u"calls.vcf.gz"_s));
        QCOMPARE(vcfGz.format, Format::Vcf);
        QCOMPARE(vcfGz.compression, Compression::Bgzf);
        QVERIFY(writeFile(path(u"notes.txt"_s), "Hello, these are my notes.\n"));
        QCOMPARE(sniffFile(path(u"notes.txt"_s)).format, Format::Unknown);
        QVERIFY(shell(u"gzip -c notes.txt > notes.txt.gz"_s));
        QCOMPARE(sniffFile(path(u"notes.txt.gz"_s)).format, Format::Compressed);
        QVERIFY(writeFile(path(u"reads.fastq.bz2"_s), "BZh91AY&SY..."));
        const SniffResult bz = sniffFile(path(u"reads.fastq.bz2"_s));
        QCOMPARE(bz.format, Format::Compressed);
        QCOMPARE(bz.compression, Compression::Bzip2);
        QVERIFY(writeFile(path(u"reads.zip"_s), QByteArray("PK\3\4", 4) + QByteArray(40, '\0')));
        QCOMPARE(sniffFile(path(u"reads.zip"_s)).compression, Compression::Zip);
        QVERIFY(writeFile(path(u"binary.bin"_s), QByteArray("\x7f" "ELF\2\1\1", 7) + QByteArray(100, '\0')));
        QCOMPARE(sniffFile(path(u"binary.bin"_s)).format, Format::Unknown);
        // An uncompressed BAM stream: BAM must be BGZF.
        QVERIFY(shell(u"samtools view -u -o raw.bam aligned.sam && gzip -dc < raw.bam > plain.bam"_s));
        const SniffResult plain = sniffFile(path(u"plain.bam"_s));
        QCOMPARE(plain.format, Format::Bam);
        QVERIFY(plain.damaged);
        // BAM recompressed with plain gzip: not BGZF, no tool can index it.
        QVERIFY(shell(u"gzip -c plain.bam > gzipped.bam"_s));
        const SniffResult gzipped = sniffFile(path(u"gzipped.bam"_s));
        QCOMPARE(gzipped.format, Format::Bam);
        QCOMPARE(gzipped.compression, Compression::Gzip);
        QVERIFY(gzipped.damaged);
    }

    void truncatedAtEveryCut_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("aligned BAM") << u"aligned.bam"_s;
        QTest::newRow("unaligned BAM") << u"unaligned.bam"_s;
        QTest::newRow("CRAM") << u"aligned.cram"_s;
        QTest::newRow("gzip FASTQ") << u"reads_R1.fastq.gz"_s;
        QTest::newRow("BGZF FASTQ") << u"reads_R2.fastq.gz"_s;
    }
    void truncatedAtEveryCut()
    {
        QFETCH(QString, name);
        expectUnusableAtEveryCut(name);
    }

    void truncatedPlainFastq()
    {
        // Plain FASTQ has no end marker: a cut between records is a valid, shorter file; every
        // other cut must be reported.
        const QByteArray whole = readAll(path(u"reads_R1.fastq"_s));
        QList<qsizetype> recordEnds;
        for (qsizetype i = 0, lines = 0; i < whole.size(); ++i) {
            if (whole[i] == '\n' && ++lines % 4 == 0)
                recordEnds.append(i);
        }
        // (Cuts inside the first line leave a lone '@' line, which is no format at all.)
        for (qsizetype cut = whole.indexOf('\n') + 1; cut < whole.size(); ++cut) {
            const SniffResult result = sniffBytes(whole.first(cut));
            const bool atRecordEnd = recordEnds.contains(cut) || recordEnds.contains(cut - 1);
            if (atRecordEnd != result.isReadSetSource())
                QFAIL(qPrintable(u"cut at %1: %2"_s.arg(cut).arg(result.describe(u"reads_R1.fastq"_s))));
            QCOMPARE(result.format, Format::Fastq);
        }
    }

    void everyPrefixAsTheStartOfALargerFile()
    {
        // The head of a file larger than what is read: no prefix may pass as something else.
        const QByteArray bam = readAll(path(u"aligned.bam"_s));
        const QByteArray tail = bam.right(kTailBytes);
        for (qsizetype cut = 0; cut < bam.size(); ++cut) {
            const SniffResult result = sniffBytes(bam.first(cut), tail, bam.size() + 1000000);
            if (result.isReadSetSource())
                QCOMPARE(result.format, Format::Bam);
        }
        const QByteArray fastq = readAll(path(u"big.fastq"_s));
        for (qsizetype cut = 200; cut < 3000; ++cut) {
            const SniffResult result = sniffBytes(fastq.first(cut), fastq.right(kTailBytes), fastq.size());
            QVERIFY2(result.isReadSetSource(), qPrintable(result.problem));
            QCOMPARE(result.format, Format::Fastq);
        }
    }

    void truncatedFiles()
    {
        // Cut well past the bytes read: only the missing end-of-file marker tells.
        const QByteArray big = readAll(path(u"big.bgzf.fastq.gz"_s));
        for (const qsizetype cut : {big.size() - 1, big.size() - 28, big.size() / 2, qsizetype(kHeadBytes) + 10}) {
            QVERIFY(writeFile(path(u"cut.fastq.gz"_s), big.first(cut)));
            const SniffResult result = sniffFile(path(u"cut.fastq.gz"_s));
            QCOMPARE(result.format, Format::Fastq);
            QVERIFY2(result.damaged, qPrintable(QString::number(cut)));
            QVERIFY(result.problem.contains(u"truncated"_s));
        }
        const QByteArray cram = readAll(path(u"aligned.cram"_s));
        QVERIFY(writeFile(path(u"cut.cram"_s), cram.first(cram.size() - 38)));
        QVERIFY(sniffFile(path(u"cut.cram"_s)).damaged);
    }

    void flippedBytes()
    {
        // A flipped byte inside the first member's deflated data is caught by inflate or by the
        // member's CRC-32. (Member header fields such as MTIME are ignored by every reader.)
        for (const QString& name : {u"aligned.bam"_s, u"reads_R1.fastq.gz"_s, u"reads_R2.fastq.gz"_s}) {
            const QByteArray whole = readAll(path(name));
            const GzipHeader header = parseGzipHeader(whole);
            QVERIFY(header.complete);
            // BGZF's BSIZE (total block size - 1) is at bytes 16-17 of each block.
            const qsizetype memberEnd =
                header.bgzf ? (quint8(whole[16]) | (quint8(whole[17]) << 8)) + 1 : whole.size();
            int flips = 0;
            for (qsizetype at = header.size; at < memberEnd - 10; at += 3, ++flips) {
                QByteArray bad = whole;
                bad[at] = static_cast<char>(bad[at] ^ 0x5a);
                const SniffResult result = sniffBytes(bad);
                QVERIFY2(result.damaged, qPrintable(u"%1 flipped at %2"_s.arg(name).arg(at)));
                QVERIFY(!result.isReadSetSource());
            }
            QVERIFY(flips > 10);
        }
        // A flipped CRAM version byte.
        QByteArray cram = readAll(path(u"aligned.cram"_s));
        cram[4] = 9;
        QVERIFY(sniffBytes(cram).damaged);
        QVERIFY(sniffBytes(cram).problem.contains(u"9."_s));
    }

    void lyingGzipHeaders()
    {
        const QByteArray good = readAll(path(u"reads_R1.fastq.gz"_s));
        QByteArray extra = good;
        extra[3] = static_cast<char>(extra[3] | 0x04); // FEXTRA with no extra field
        QVERIFY(!sniffBytes(extra).isReadSetSource());
        QByteArray name = good.first(10);
        name[3] = 0x08; // FNAME that never ends
        name += QByteArray(300000, 'x');
        const SniffResult endless = sniffBytes(name);
        QVERIFY(!endless.isReadSetSource());
        QVERIFY(!endless.problem.isEmpty());
        QByteArray badCrc = good;
        badCrc[badCrc.size() - 6] = static_cast<char>(badCrc[badCrc.size() - 6] ^ 1);
        QVERIFY(sniffBytes(badCrc).damaged);
        QByteArray badLength = good;
        badLength[badLength.size() - 2] = static_cast<char>(badLength[badLength.size() - 2] ^ 1);
        QVERIFY(sniffBytes(badLength).damaged);
        QByteArray trailing = good + "garbage";
        QVERIFY(sniffBytes(trailing).damaged);
    }

    void hostileBamHeaders_data()
    {
        QTest::addColumn<QByteArray>("inflated");
        const QByteArray text = "@HD\tVN:1.6\n";
        auto int32 = [](qint32 v) {
            QByteArray b(4, '\0');
            for (int i = 0; i < 4; ++i)
                b[i] = static_cast<char>((quint32(v) >> (8 * i)) & 0xff);
            return b;
        };
        QTest::newRow("huge l_text") << QByteArray("BAM\1", 4) + int32(0x7fffffff) + text;
        QTest::newRow("negative l_text") << QByteArray("BAM\1", 4) + int32(-5) + text;
        QTest::newRow("negative n_ref") << QByteArray("BAM\1", 4) + int32(text.size()) + text + int32(-1);
        QTest::newRow("text not SAM") << QByteArray("BAM\1", 4) + int32(5) + "hello" + int32(0);
        QTest::newRow("no n_ref") << QByteArray("BAM\1", 4) + int32(text.size()) + text;
        QTest::newRow("magic only") << QByteArray("BAM\1", 4);
    }
    void hostileBamHeaders()
    {
        QFETCH(QByteArray, inflated);
        QVERIFY(writeFile(path(u"hostile.raw"_s), inflated));
        QVERIFY(shell(u"bgzip -c hostile.raw > hostile.bam"_s));
        const SniffResult result = sniffFile(path(u"hostile.bam"_s));
        QCOMPARE(result.format, Format::Bam);
        QVERIFY(result.damaged);
        QVERIFY(!result.problem.isEmpty());
    }

    void gzipBombsAreBounded()
    {
        // Concatenated gzip members are one valid gzip stream: 256 members of 4 MiB of zeros
        // are 1 GiB inflated from a few hundred KiB, and a FASTQ whose first read is 512 MiB
        // long likewise. The sniffer inflates at most kMaxInflated bytes of them.
        QVERIFY(shell(u"head -c 4194304 /dev/zero | gzip -9 -c > zeros4m.gz"_s));
        QVERIFY(shell(u"head -c 4194304 /dev/zero | tr '\\0' A | gzip -9 -c > bases4m.gz"_s));
        QVERIFY(shell(u"printf '@long\\n' | gzip -c > header.gz"_s));
        const QByteArray zeros4m = readAll(path(u"zeros4m.gz"_s));
        QVERIFY(writeFile(path(u"zeros.gz"_s), zeros4m.repeated(256)));
        const SniffResult zeros = sniffFile(path(u"zeros.gz"_s));
        QCOMPARE(zeros.format, Format::Compressed);
        QVERIFY(!zeros.isReadSetSource());
        const InflatedPrefix prefix = inflateGzipPrefix(readAll(path(u"zeros.gz"_s)), 4096);
        QCOMPARE(prefix.end, InflatedPrefix::End::OutputLimit);
        QCOMPARE(prefix.data.size(), 4096);
        const InflatedPrefix bounded = inflateGzipPrefix(readAll(path(u"zeros.gz"_s)), kMaxInflated);
        QCOMPARE(bounded.end, InflatedPrefix::End::OutputLimit);
        QCOMPARE(bounded.data.size(), kMaxInflated);

        QVERIFY(writeFile(path(u"long.fastq.gz"_s), readAll(path(u"header.gz"_s)) +
                                                        readAll(path(u"bases4m.gz"_s)).repeated(128)));
        const SniffResult longRead = sniffFile(path(u"long.fastq.gz"_s));
        QCOMPARE(longRead.format, Format::Fastq); // an ultra-long read is still FASTQ
        QVERIFY2(!longRead.damaged, qPrintable(longRead.problem));
    }

    void uploadChecksOnRealFiles()
    {
        auto file = [this](const QString& name) { return UploadFile{path(name), sniffFile(path(name))}; };

        UploadCheck cramAsBam = checkUpload({{file(u"really_a_cram.bam"_s)}, std::nullopt, std::nullopt});
        QVERIFY(!cramAsBam.ok());
        QCOMPARE(cramAsBam.errors.size(), 1);
        QVERIFY(cramAsBam.errors.first().contains(u"BAM"_s));
        QVERIFY(cramAsBam.errors.first().contains(u"CRAM"_s));

        UploadCheck ubam = checkUpload({{file(u"unaligned.bam"_s)}, std::nullopt, QString()});
        QVERIFY2(ubam.ok(), qPrintable(ubam.errors.join(u' ')));
        QCOMPARE(ubam.type, ReadSetFileType::Ubam);
        QVERIFY(!ubam.referenceRequired);
        QCOMPARE(ubam.notes.size(), 1);

        UploadCheck declaredBam = checkUpload({{file(u"unaligned.bam"_s)}, ReadSetFileType::Bam, std::nullopt});
        QVERIFY(!declaredBam.ok());
        QVERIFY(declaredBam.errors.first().contains(u"UBAM"_s));

        UploadCheck alignedAsUbam = checkUpload({{file(u"aligned.bam"_s)}, ReadSetFileType::Ubam, std::nullopt});
        QVERIFY(!alignedAsUbam.ok());

        // Alignment unknown (header longer than the bytes read): auto proposes BAM, the safe side
        // (a reference is asked for); UBAM chosen by the person stands, with a note.
        UploadCheck bigAuto = checkUpload({{file(u"bigheader.bam"_s)}, std::nullopt, std::nullopt});
        QVERIFY(bigAuto.ok());
        QCOMPARE(bigAuto.type, ReadSetFileType::Bam);
        QVERIFY(bigAuto.referenceRequired);
        UploadCheck bigUbam = checkUpload({{file(u"bigheader.bam"_s)}, ReadSetFileType::Ubam, QString()});
        QVERIFY2(bigUbam.ok(), qPrintable(bigUbam.errors.join(u' ')));
        QCOMPARE(bigUbam.type, ReadSetFileType::Ubam);
        QCOMPARE(bigUbam.notes.size(), 1);

        UploadCheck bamNoRef = checkUpload({{file(u"aligned.bam"_s)}, std::nullopt, QString()});
        QVERIFY(!bamNoRef.ok());
        QVERIFY(bamNoRef.referenceRequired);
        QCOMPARE(bamNoRef.type, ReadSetFileType::Bam);
        const QString arn = u"arn:aws:omics:us-east-1:123456789012:referenceStore/1234567890/reference/1234567890"_s;
        UploadCheck bam = checkUpload({{file(u"aligned.bam"_s)}, std::nullopt, arn});
        QVERIFY2(bam.ok(), qPrintable(bam.errors.join(u' ')));
        UploadCheck cram = checkUpload({{file(u"aligned.cram"_s)}, ReadSetFileType::Cram, arn});
        QVERIFY(cram.ok());
        QCOMPARE(cram.type, ReadSetFileType::Cram);

        // Paired: gzip and BGZF mates are fine together; anything but FASTQ is refused.
        UploadCheck pair =
            checkUpload({{file(u"reads_R1.fastq.gz"_s), file(u"reads_R2.fastq.gz"_s)}, std::nullopt, QString()});
        QVERIFY2(pair.ok(), qPrintable(pair.errors.join(u' ')));
        QCOMPARE(pair.type, ReadSetFileType::Fastq);
        QVERIFY(pair.notes.isEmpty());
        UploadCheck swapped =
            checkUpload({{file(u"reads_R2.fastq.gz"_s), file(u"reads_R1.fastq.gz"_s)}, std::nullopt, std::nullopt});
        QVERIFY(!swapped.ok());
        UploadCheck mixed =
            checkUpload({{file(u"reads_R1.fastq.gz"_s), file(u"unaligned.bam"_s)}, std::nullopt, std::nullopt});
        QVERIFY(!mixed.ok());
        QCOMPARE(mixed.errors.size(), 1); // the pair rule alone, not what the uBAM would have become
        QVERIFY(mixed.notes.isEmpty());
        UploadCheck bamPair =
            checkUpload({{file(u"aligned.bam"_s), file(u"unaligned.bam"_s)}, ReadSetFileType::Bam, arn});
        QVERIFY(!bamPair.ok());
        QCOMPARE(bamPair.errors.size(), 1);
        UploadCheck emptyFile = checkUpload({{file(u"empty.fastq"_s)}, std::nullopt, std::nullopt});
        QVERIFY(!emptyFile.ok());
        QVERIFY(emptyFile.errors.first().contains(u"empty.fastq"_s));
    }
};

QTEST_GUILESS_MAIN(TestSeqSniffer)
#include "tst_seqsniffer.moc"
