#include "textformats.h"

#include <QCoreApplication>

#include <algorithm>

namespace bge::seqformat {

namespace {

// lupdate and the runtime agree on the context only through a class that declares it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(bge::seqformat::Sniffer)
};

// One line without its terminator (and without a Windows '\r'); `next` is where the following
// line starts, or -1 when the data ends before a '\n'.
struct Line
{
    QByteArrayView text;
    qsizetype next = -1;
};

Line lineAt(QByteArrayView data, qsizetype from)
{
    const qsizetype newline = data.indexOf('\n', from);
    Line line;
    line.text = newline < 0 ? data.sliced(from) : data.sliced(from, newline - from);
    if (line.text.endsWith('\r'))
        line.text.chop(1);
    line.next = newline < 0 ? -1 : newline + 1;
    return line;
}

bool isSequenceChar(char c) noexcept
{
    // IUPAC codes in either case, '.' and '-' for no call / gap, '*' as some aligners write.
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '*';
}

bool isQualityChar(char c) noexcept
{
    return c >= '!' && c <= '~';
}

bool allOf(QByteArrayView text, bool (*predicate)(char) noexcept)
{
    return std::all_of(text.begin(), text.end(), predicate);
}

bool onlyBlankLinesFrom(QByteArrayView data, qsizetype from)
{
    return std::all_of(data.begin() + from, data.end(), [](char c) { return c == '\n' || c == '\r' || c == ' '; });
}

FastqShape damagedAt(int record, const QString& what)
{
    FastqShape shape;
    shape.isFastq = true;
    shape.damaged = true;
    shape.problem = Text::tr("record %1: %2").arg(record).arg(what);
    return shape;
}

} // namespace

FastqShape checkFastq(QByteArrayView data, bool complete)
{
    FastqShape shape;
    qsizetype pos = 0;
    int record = 1;
    for (;; ++record) {
        if (pos >= data.size())
            break;
        if (record > 1 && complete && onlyBlankLinesFrom(data, pos)) {
            pos = data.size(); // blank lines at the very end are harmless
            break;
        }
        const Line header = lineAt(data, pos);
        if (!header.text.startsWith('@')) {
            if (record == 1) {
                shape.problem = Text::tr("the first line does not start with '@'");
                return shape;
            }
            return damagedAt(record, Text::tr("the header line does not start with '@'"));
        }
        if (header.next < 0) {
            if (record == 1 && !complete) {
                shape.problem = Text::tr("the first line is longer than the bytes read");
                return shape;
            }
            break;
        }
        const Line sequence = lineAt(data, header.next);
        if (!allOf(sequence.text, isSequenceChar)) {
            if (record == 1) {
                shape.problem = Text::tr("the second line is not a sequence of bases");
                return shape;
            }
            return damagedAt(record, Text::tr("the sequence line holds characters that are not bases"));
        }
        shape.isFastq = true;
        if (sequence.next < 0)
            break;
        const Line plus = lineAt(data, sequence.next);
        if (!plus.text.startsWith('+')) {
            if (plus.text.isEmpty() && plus.next < 0)
                break;
            if (record == 1) {
                // Multi-line (wrapped) FASTQ is not what sequencers write, nor what HealthOmics reads.
                shape.isFastq = false;
                shape.problem = Text::tr("the third line does not start with '+'");
                return shape;
            }
            return damagedAt(record, Text::tr("the separator line does not start with '+'"));
        }
        if (plus.next < 0)
            break;
        const Line quality = lineAt(data, plus.next);
        if (!allOf(quality.text, isQualityChar))
            return damagedAt(record, Text::tr("the quality line holds characters that are not quality scores"));
        if (quality.text.size() > sequence.text.size())
            return damagedAt(record, Text::tr("the quality line has %1 characters for %2 bases")
                                         .arg(quality.text.size())
                                         .arg(sequence.text.size()));
        if (quality.next < 0 && quality.text.size() < sequence.text.size())
            break; // cut inside the quality line
        if (quality.text.size() != sequence.text.size())
            return damagedAt(record, Text::tr("the quality line has %1 characters for %2 bases")
                                         .arg(quality.text.size())
                                         .arg(sequence.text.size()));
        ++shape.recordsChecked;
        if (quality.next < 0) {
            pos = data.size();
            break;
        }
        pos = quality.next;
    }
    if (complete && pos < data.size() && shape.isFastq) {
        // The loop stopped inside a record and there is nothing more to come.
        return damagedAt(record, Text::tr("the file ends in the middle of this record"));
    }
    if (complete && shape.recordsChecked == 0 && shape.isFastq)
        return damagedAt(1, Text::tr("the file ends in the middle of this record"));
    return shape;
}

bool looksLikeFasta(QByteArrayView data) noexcept
{
    if (!data.startsWith('>'))
        return false;
    const qsizetype newline = data.indexOf('\n');
    if (newline < 0)
        return true;
    const Line next = lineAt(data, newline + 1);
    return allOf(next.text, isSequenceChar);
}

bool looksLikeSam(QByteArrayView data) noexcept
{
    static constexpr const char* kHeaderTags[] = {"@HD\t", "@SQ\t", "@RG\t", "@PG\t", "@CO\t"};
    for (const char* tag : kHeaderTags) {
        if (data.startsWith(QByteArrayView(tag)))
            return true;
    }
    // A header-less SAM: the first line has the 11 mandatory tab-separated fields.
    const Line first = lineAt(data, 0);
    return first.next >= 0 && first.text.count('\t') >= 10;
}

bool looksLikeVcf(QByteArrayView data) noexcept
{
    return data.startsWith("##fileformat=VCF");
}

bool looksLikeText(QByteArrayView data) noexcept
{
    const QByteArrayView sample = data.first(std::min<qsizetype>(data.size(), 4096));
    const auto binary = std::count_if(sample.begin(), sample.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u == 0 || (u < 0x20 && c != '\n' && c != '\r' && c != '\t');
    });
    return !sample.isEmpty() && binary == 0;
}

} // namespace bge::seqformat
