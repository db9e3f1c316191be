#pragma once

#include <QByteArrayView>
#include <QString>

namespace bge::seqformat {

// The first records of a FASTQ file: `@` header, sequence, `+` line, quality of the sequence's
// length, four lines per record. `complete` says whether `data` is the whole (inflated) file;
// when it is not, a record cut by the end of the data is not a fault.
struct FastqShape
{
    bool isFastq = false;     // the first record's start has FASTQ's shape
    bool damaged = false;     // it is FASTQ, but a record is malformed or the file ends mid-record
    int recordsChecked = 0;   // complete records checked
    QString problem;          // translated, when damaged or not FASTQ
};

FastqShape checkFastq(QByteArrayView data, bool complete);

// Text formats people drop by mistake. Each looks at the first line(s) only.
bool looksLikeFasta(QByteArrayView data) noexcept;
bool looksLikeSam(QByteArrayView data) noexcept;
bool looksLikeVcf(QByteArrayView data) noexcept;
// No NUL and mostly printable: text rather than binary data.
bool looksLikeText(QByteArrayView data) noexcept;

} // namespace bge::seqformat
