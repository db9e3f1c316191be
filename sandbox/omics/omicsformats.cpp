#include "omicsformats.h"

#include "demo/demorandom.h"

#include <QtEndian>

#include <zlib.h>

namespace bge::sandbox::omics::formats {

using namespace Qt::StringLiterals;

namespace {

QByteArray deflateRaw(const QByteArray& data)
{
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

void appendLe32(QByteArray& out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

void appendLe16(QByteArray& out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

// One BGZF block (gzip member with the "BC" extra field holding the block size); data ≤ 64 KiB.
QByteArray bgzfBlock(const QByteArray& data)
{
    const QByteArray compressed = deflateRaw(data);
    QByteArray out("\x1f\x8b\x08\x04\0\0\0\0\0\xff\x06\0BC\x02\0", 16);
    appendLe16(out, quint16(compressed.size() + 25));
    out += compressed;
    appendLe32(out, quint32(crc32(0, reinterpret_cast<const Bytef*>(data.constData()), uInt(data.size()))));
    appendLe32(out, quint32(data.size()));
    return out;
}

QByteArray bgzf(const QByteArray& data)
{
    QByteArray out;
    for (qsizetype at = 0; at < data.size(); at += 60000)
        out += bgzfBlock(data.mid(at, 60000));
    return out + bgzfBlock({}); // the EOF marker block
}

QByteArray gzip(const QByteArray& data)
{
    QByteArray out("\x1f\x8b\x08\0\0\0\0\0\0\xff", 10);
    out += deflateRaw(data);
    appendLe32(out, quint32(crc32(0, reinterpret_cast<const Bytef*>(data.constData()), uInt(data.size()))));
    appendLe32(out, quint32(data.size()));
    return out;
}

QByteArray bases(DemoRandom& random, int length)
{
    QByteArray s;
    for (int i = 0; i < length; ++i)
        s += "ACGT"[random.next() % 4];
    return s;
}

QByteArray qualities(DemoRandom& random, int length)
{
    QByteArray q;
    for (int i = 0; i < length; ++i)
        q += char('!' + 20 + int(random.next() % 21));
    return q;
}

QByteArray samHeader(const QString& sample, const QStringList& references)
{
    QByteArray text =
        "@HD\tVN:1.6\tSO:" + QByteArray(references.isEmpty() ? "unsorted" : "coordinate") + '\n';
    for (int i = 0; i < references.size(); ++i)
        text += "@SQ\tSN:" + references[i].toUtf8() + "\tLN:" + QByteArray::number(248956422 - i * 6000000) +
                '\n';
    text += "@RG\tID:1\tSM:" + sample.toUtf8() + "\tPL:ILLUMINA\n";
    return text;
}

// Up to 64 KiB inflated from the start of a gzip member (`head` may hold only its beginning).
QByteArray gunzipHead(const QByteArray& head)
{
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK)
        return {};
    QByteArray out(64 * 1024, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(head.constData()));
    z.avail_in = uInt(head.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = inflate(&z, Z_SYNC_FLUSH);
    out.resize(rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR ? qsizetype(z.total_out) : 0);
    inflateEnd(&z);
    return out;
}

bool isGzip(const QByteArray& head)
{
    return head.startsWith("\x1f\x8b\x08");
}

bool isBgzf(const QByteArray& head)
{
    return head.size() >= 18 && isGzip(head) && (head[3] & 4) && head[12] == 'B' && head[13] == 'C';
}

} // namespace

QByteArray fastq(DemoRandom& random, const QString& runName, int reads, int length, int mate, bool compress)
{
    QByteArray text;
    const QByteArray run = runName.toUtf8();
    for (int i = 0; i < reads; ++i) {
        text += '@' + run + ':' + QByteArray::number(1 + i % 4) + ':' + QByteArray::number(1101 + i % 20) +
                ':' + QByteArray::number(1000 + int(random.next() % 30000)) + ':' +
                QByteArray::number(1000 + int(random.next() % 30000)) + ' ' + QByteArray::number(mate) +
                ":N:0:ATCACG\n" + bases(random, length) + "\n+\n" + qualities(random, length) + '\n';
    }
    return compress ? gzip(text) : text;
}

QByteArray bam(DemoRandom& random, const QString& sample, const QStringList& references, int reads)
{
    const QByteArray text = samHeader(sample, references);
    QByteArray raw("BAM\1", 4);
    appendLe32(raw, quint32(text.size()));
    raw += text;
    appendLe32(raw, quint32(references.size()));
    for (int i = 0; i < references.size(); ++i) {
        const QByteArray name = references[i].toUtf8();
        appendLe32(raw, quint32(name.size() + 1));
        raw += name + '\0';
        appendLe32(raw, quint32(248956422 - i * 6000000));
    }
    // Unmapped records (refID -1, bin 4680, flag 4): valid in an aligned BAM and a uBAM alike.
    for (int r = 0; r < reads; ++r) {
        const int length = 100;
        const QByteArray name = sample.toUtf8() + ":read" + QByteArray::number(r);
        const QByteArray seq = bases(random, length);
        QByteArray rec;
        appendLe32(rec, quint32(-1));     // refID
        appendLe32(rec, quint32(-1));     // pos
        rec += char(name.size() + 1);     // l_read_name
        rec += char(0);                   // mapq
        appendLe16(rec, 4680);            // bin
        appendLe16(rec, 0);               // n_cigar_op
        appendLe16(rec, 4);               // flag: unmapped
        appendLe32(rec, quint32(length)); // l_seq
        appendLe32(rec, quint32(-1));     // next refID
        appendLe32(rec, quint32(-1));     // next pos
        appendLe32(rec, 0);               // tlen
        rec += name + '\0';
        for (int i = 0; i < length; i += 2) {
            const auto code = [](char b) { return b == 'A' ? 1 : b == 'C' ? 2 : b == 'G' ? 4 : 8; };
            rec += char((code(seq[i]) << 4) | (i + 1 < length ? code(seq[i + 1]) : 0));
        }
        for (int i = 0; i < length; ++i)
            rec += char(20 + int(random.next() % 21));
        appendLe32(raw, quint32(rec.size()));
        raw += rec;
    }
    return bgzf(raw);
}

QByteArray cram(DemoRandom& random, const QString& sample, const QStringList& references)
{
    QByteArray out("CRAM\3\0", 6);
    QByteArray fileId = QByteArray(sample.toUtf8() + ".cram").left(20);
    while (fileId.size() < 20)
        fileId += char(random.next() % 26 + 'a');
    out += fileId;
    out += samHeader(sample, references);
    return out;
}

// Sandbox convention (the service's checks are not documented): the first bytes of SOURCE1
// decide. FASTQ must start with '@' (after gunzip when gzip-compressed); BAM and UBAM must be
// BGZF whose first block inflates to "BAM\1"; CRAM must start with "CRAM". A UBAM whose header
// (as far as the first block holds it) has @SQ lines is aligned and fails; a BAM without @SQ
// lines is accepted (a BAM may legitimately hold only unmapped reads).
QString problem(const QString& fileType, const QByteArray& head)
{
    if (head.isEmpty())
        return u"The file is empty."_s;
    if (fileType == u"FASTQ") {
        const QByteArray text = isGzip(head) ? gunzipHead(head) : head;
        if (!text.startsWith('@'))
            return u"The file is not a valid FASTQ file: a record must start with '@'."_s;
        return {};
    }
    if (fileType == u"CRAM") {
        if (!head.startsWith("CRAM"))
            return u"The file is not a valid CRAM file: the CRAM magic number is missing."_s;
        return {};
    }
    if (!isBgzf(head))
        return u"The file is not a valid %1 file: it is not BGZF-compressed."_s.arg(fileType);
    const QByteArray raw = gunzipHead(head);
    if (!raw.startsWith(QByteArray("BAM\1", 4)))
        return u"The file is not a valid %1 file: the BAM magic number is missing."_s.arg(fileType);
    const QByteArray text = raw.size() < 8
                                ? QByteArray()
                                : raw.mid(8, qsizetype(qFromLittleEndian<quint32>(raw.constData() + 4)));
    if (fileType == u"UBAM" && (text.startsWith("@SQ\t") || text.contains("\n@SQ\t")))
        return u"The file is not a valid UBAM file: its header has @SQ lines, so it is aligned (upload it as BAM)."_s;
    return {};
}

} // namespace bge::sandbox::omics::formats
