#pragma once

#include <QMap>
#include <QString>

namespace bge {

// The HealthOmics part of a transfer queue item: a read-set upload to a sequence store or the
// download of one file of a read set. Saved with the queue, so nothing secret: the account is
// the name of an OmicsConnections account, whose keys stay in the keychain.
//
// Upload: the item's `localPath` is R1 and its `name` the read set's name; what the person
// chose for the read set is kept here, so that a restart makes exactly the same
// ReadSetUploadOptions (the upload journal and record are found by them, and the upload
// resumes). Download: the item's `localPath` is the destination file.
struct ReadSetTransfer
{
    QString account;
    QString storeId;

    // Upload.
    QString secondFile; // R2 of paired FASTQ; empty for one file
    QString fileType;   // FASTQ, BAM, CRAM, UBAM; empty or "auto": from the bytes
    QString subjectId;
    QString sampleId;
    QString referenceArn;
    QString description;
    QString generatedFrom;
    QMap<QString, QString> tags;

    // Download: which file of the read set (SOURCE1, SOURCE2, INDEX).
    QString file;

    // The read set: a download's from the start, an upload's once Complete named it.
    QString readSetId;
    // The service's status of an uploaded read set as last seen (PROCESSING_UPLOAD,
    // ACTIVATING, ACTIVE, UPLOAD_FAILED; empty before Complete), and its reason for a failure.
    QString status;
    QString statusMessage;
    // The last thing the upload told the person about an earlier run (translated), if any.
    QString note;

    bool isPair() const { return !secondFile.isEmpty(); }
    bool isProcessing() const { return status == u"PROCESSING_UPLOAD" || status == u"ACTIVATING"; }
};

} // namespace bge
