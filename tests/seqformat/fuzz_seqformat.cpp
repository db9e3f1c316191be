// libFuzzer target: arbitrary bytes as the start of a sequencing file (whole, and as the head
// of a larger one), straight into the BAM header, FASTQ and inflate parsers, and as a file name
// through pairing and naming. Needs no QCoreApplication (translate() falls back to the source).
#include "seqformat/bamheader.h"
#include "seqformat/gzipprefix.h"
#include "seqformat/readpairing.h"
#include "seqformat/readsetfiletype.h"
#include "seqformat/readsetnaming.h"
#include "seqformat/sequencefilesniffer.h"
#include "seqformat/textformats.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace bge::seqformat;

namespace {

// Violated invariants abort, so libFuzzer saves the input like any other crash.
void check(bool condition)
{
    if (!condition)
        std::abort();
}

void checkResult(const SniffResult& result)
{
    check(!result.damaged || !result.problem.isEmpty());
    check(!result.isReadSetSource() || result.problem.isEmpty());
    check(!result.formatName().isEmpty());
    check(result.describe(QStringLiteral("f")).contains(QStringLiteral("f")));
    const std::optional<ReadSetFileType> type = readSetFileTypeFromSniff(result);
    check(type.has_value() == result.isReadSetSource());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    checkResult(sniffBytes(bytes));
    const QByteArrayView tail = bytes.last(std::min<qsizetype>(bytes.size(), kTailBytes));
    checkResult(sniffBytes(bytes, tail, bytes.size() + 1000000));

    for (bool complete : {true, false}) {
        const BamHeader bam = parseBamHeader(bytes, complete);
        check(!bam.damaged || bam.isBam);
        const FastqShape fastq = checkFastq(bytes, complete);
        check(!fastq.damaged || fastq.isFastq);
    }
    const InflatedPrefix inflated = inflateGzipPrefix(bytes, 65536);
    check(inflated.data.size() <= 65536);
    const GzipHeader header = parseGzipHeader(bytes);
    check(!header.complete || header.size <= bytes.size());

    const QString name = QString::fromUtf8(bytes.first(std::min<qsizetype>(bytes.size(), 300)));
    const MateInfo mate = mateFromFileName(name);
    check(mate.mate == MateInfo::Mate::None || mate.pairKey.contains(QLatin1Char('#')));
    const ReadSetNameSuggestion names = suggestReadSetNames({name});
    check(names.name.size() <= 127 && names.sampleId.size() <= 127 && names.subjectId == names.sampleId);
    const ReadFileGrouping groups = groupReadFiles({name, name + QStringLiteral("_R2.fq")});
    check(groups.groups.size() + groups.errors.size() >= 1);
    return 0;
}
