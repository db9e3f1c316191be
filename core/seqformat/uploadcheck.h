#pragma once

#include "readsetfiletype.h"
#include "sequencefilesniffer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bge::seqformat {

// A proposed read-set upload, checked before anything is sent: the type the person chose (or,
// when they chose "auto", the one the file names claim) against what the bytes say, the
// paired-upload rules, and the reference rule.
struct UploadFile
{
    QString path;
    SniffResult sniff; // sniffFile(path)
};

struct UploadProposal
{
    QList<UploadFile> files;                  // one, or two for paired FASTQ (read 1 first)
    std::optional<ReadSetFileType> declared;  // --type / the dialog's choice; nullopt = auto
    // nullopt while the dialog is still proposing (nothing to check yet); a value (even empty)
    // when the upload is about to start.
    std::optional<QString> referenceArn;
};

struct UploadCheck
{
    std::optional<ReadSetFileType> type; // what will be uploaded (e.g. UBAM for an unaligned .bam)
    bool referenceRequired = false;
    QStringList errors; // translated sentences; any error refuses the upload
    QStringList notes;  // translated sentences worth showing (e.g. "uploaded as UBAM because…")
    bool ok() const noexcept { return errors.isEmpty() && type.has_value(); }
};

UploadCheck checkUpload(const UploadProposal& proposal);

// An error sentence when `arn` does not suit `type` (missing for BAM/CRAM, or not an ARN).
std::optional<QString> referenceProblem(ReadSetFileType type, const QString& arn);

} // namespace bge::seqformat
