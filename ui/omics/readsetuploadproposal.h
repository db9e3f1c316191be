#pragma once

#include "omics/omicsconnection.h" // ReadSetUploadJob holds a QPointer<OmicsConnection>
#include "omics/readsetuploadjob.h"
#include "seqformat/uploadcheck.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace bge::ui {

// One read set the upload dialog proposes: its files (read 1 first), what their bytes say, and
// the fields a person may change before anything is sent.
struct ReadSetUploadProposal
{
    QList<seqformat::UploadFile> files;
    QString fileType; // wire name (FASTQ, BAM, CRAM, UBAM); first what the bytes say, empty when nothing
    QString subjectId;
    QString sampleId;
    QString name;
    QString description;
    QString generatedFrom;
    QString referenceArn;
    QStringList groupingNotes; // translated: what pairing the names said (e.g. a read 1 without its read 2)

    QStringList paths() const;
    // BAM and CRAM: the reference chooser applies (and is required).
    bool referenceApplies() const;
    // checkUpload with the chosen type and reference (the bytes against the type, pairs, reference).
    seqformat::UploadCheck check() const;
    // Translated sentences: everything that stops this read set from being uploaded.
    QStringList problems() const;
    // Translated sentences worth showing that stop nothing (uploaded as UBAM because …).
    QStringList notes() const;
    // What ReadSetUploadJob needs, with the checked fields (the reference only where it applies).
    omics::ReadSetUploadOptions options(const QString& storeId) const;
};

// Files (dropped or chosen) grouped into read sets: R1/R2 pairs become one, the rest one each;
// type and names proposed from the bytes and the file names. Reads at most a few hundred KiB of
// each file (seqformat::sniffFile), never the whole of it.
struct ReadSetUploadProposals
{
    QList<ReadSetUploadProposal> proposals;
    QStringList errors; // translated: files left out (ambiguous pairs)
};

ReadSetUploadProposals proposeReadSetUploads(const QStringList& paths);

} // namespace bge::ui
