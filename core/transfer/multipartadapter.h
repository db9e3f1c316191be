#pragma once

#include "api/apierror.h"
#include "uploadjournal.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace bge {

class FileWindowDevice;

// The bytes of one part: [offset, offset + length) of a source file. The engine decides the
// window; the adapter opens it for each attempt it sends (a resend after a renewal or a
// retry needs a fresh device: Qt and FileBodyRequest both take ownership of the one they send).
struct FileWindow
{
    QString path;
    qint64 offset = 0;
    qint64 length = 0;

    // Opened, unbuffered; null with `error` set when the file cannot be read as far as the
    // window (it shrank, or vanished).
    std::unique_ptr<FileWindowDevice> open(QString* error) const;
};

struct UploadPartRequest
{
    QString uploadId;
    int source = 1; // HealthOmics: partSource SOURCE<source>; OSS: always 1
    int number = 1; // partNumber, 1-based per source
    FileWindow window;
};

struct UploadPartReply
{
    ApiError error;    // transport/HTTP error; retried by the engine when isRetryable()
    QString receipt;     // the server's receipt, echoed at Complete (OSS ETag; HealthOmics checksum)
    quint64 crc64 = 0; // OSS: the part's CRC-64, verified; 0 elsewhere
    // The server stored other bytes than were sent (OSS: its CRC-64 differs from the one the
    // device computed): the engine sends the part again, at most RetryPolicy::maxAttempts times.
    bool damaged = false;
    QString damage;    // for the error after the last attempt
};

struct ListPartsReply
{
    ApiError error;
    bool uploadGone = false;                // the server no longer knows the upload: start over
    QList<UploadJournal::Part> parts;       // every page already followed; `source` filled in
};

struct InitiateReply
{
    ApiError error;
    QString uploadId;
};

struct CompleteReply
{
    ApiError error;
    bool discard = false; // the journal is worthless whatever happens next (a damaged object)
    QString id;           // what the server named the result: OSS ETag; HealthOmics readSetId
};

// What one multipart protocol says, under the protocol-neutral MultipartEngine (part plan,
// parts in flight, retries, journal, resume, progress, abort/cancel). One adapter per upload.
//
// Callbacks: each call answers exactly once, asynchronously, unless stop() came first (then
// never). An error is an ApiError whose isRetryable() tells the engine whether to try again.
//
// The two implementations, side by side:
//
//   call            OSS (OssMultipartAdapter)                HealthOmics read-set upload
//   initiate        POST ?uploads (InitiateMultipartUpload)  CreateMultipartReadSetUpload
//                   -> UploadId                              (clientToken, sourceFileType, subjectId,
//                                                            sampleId, name, referenceArn...) -> uploadId
//   uploadPart      PUT ?partNumber&uploadId, CRC-64 checked UploadReadSetPart ?partSource&partNumber,
//                   -> ETag (+ CRC-64)                       UNSIGNED-PAYLOAD, Content-Length -> checksum
//   listParts       GET ?uploadId (ListParts, paged by       ListReadSetUploadParts {partSource}, paged
//                   part-number-marker); NoSuchUpload = gone by nextToken; ResourceNotFound = gone
//   complete        POST ?uploadId <CompleteMultipartUpload> CompleteMultipartReadSetUpload {parts:
//                   then CRC-64 / HEAD check -> ETag         [{partSource, partNumber, checksum}]}
//                                                            -> readSetId (then wait for ACTIVE)
//   abortUpload     DELETE ?uploadId                         AbortMultipartReadSetUpload
//   beforePart      immediately                              waits for a slot of the 10 TPS quota
//
// Bodies: an adapter sends a part either through FileBodyRequest (its own socket, the fast
// path: pass it the signed QNetworkRequest, whose headers it sends as they are; for SigV4 sign
// with x-amz-content-sha256: UNSIGNED-PAYLOAD and an explicit Content-Length) or through
// QNetworkAccessManager::sendCustomRequest with the FileWindowDevice as the body. The device
// computes the CRC-64 of what it served either way.
class MultipartAdapter
{
public:
    virtual ~MultipartAdapter() = default;

    // The journal's "protocol": a journal written by another protocol is never resumed.
    virtual QString protocol() const = 0;

    virtual void initiate(std::function<void(const InitiateReply&)> done) = 0;
    // `sent`: body bytes of this attempt written so far (for progress), any number of times.
    virtual void uploadPart(const UploadPartRequest& part, std::function<void(qint64 sent)> sent,
                            std::function<void(const UploadPartReply&)> done) = 0;
    virtual void listParts(const QString& uploadId, int source, std::function<void(const ListPartsReply&)> done) = 0;
    // `parts` sorted by source, then number.
    virtual void complete(const QString& uploadId, const QList<UploadJournal::Part>& parts,
                          std::function<void(const CompleteReply&)> done) = 0;
    // Aborts the upload on the server and answers when that is done (or failed: ignored).
    virtual void abortUpload(const QString& uploadId, std::function<void()> done) = 0;
    // Aborts the upload on the server, fire and forget: the request outlives the adapter
    // (tried again a few times on transient errors).
    virtual void abandon(const QString& uploadId) = 0;

    // Pacing: calls `go` when the next part may be sent (synchronously when there is no quota).
    // Not called back after stop().
    virtual void beforePart(std::function<void()> go) { go(); }

    // Stops every request; no callback follows. An initiate still in flight must not orphan
    // an upload: its answer is awaited on an object that outlives the adapter, and what it
    // created is aborted (no journal names it yet).
    virtual void stop() = 0;

    // Whether two receipts for the same part are the same (OSS ETags compare without
    // quotes, case-insensitively; HealthOmics checksums are opaque: exact).
    virtual bool sameReceipt(const QString& a, const QString& b) const { return a == b; }

    // Whether a failure proves the upload itself unusable (the server no longer knows it, or
    // refuses what its plan is made of), so that it is aborted on the server and its journal
    // removed. Anything else (an expired or refused credential, a clock correction, a stalled
    // body, a throttled call) keeps both, so that a rerun resumes: a 20 GB upload at 90 % is not
    // started again over one refused part. Each protocol names its own such answers.
    virtual bool discardsUpload(const ApiError&) const { return false; }

    // The result a Complete sent with `parts` by an earlier run made, if the server has it (the
    // run was killed after sending Complete, and the upload is gone since): answers its id, or
    // an error when there is no such result or the protocol cannot tell (then the engine goes
    // on as for any upload the server forgot).
    virtual void findCompleted(const QList<UploadJournal::Part>& parts, std::function<void(const CompleteReply&)> done)
    {
        Q_UNUSED(parts);
        done({ApiError::usage(QStringLiteral("the protocol cannot find a completed upload")), false, {}});
    }
};

} // namespace bge
