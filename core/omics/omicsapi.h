#pragma once

#include "api/job.h"
#include "omicsinputs.h"
#include "omicsjson.h"
#include "omicsrequest.h"
#include "records/importjob.h"
#include "records/readset.h"
#include "records/readsetupload.h"
#include "records/sequencestore.h"

#include <QNetworkRequest>
#include <QPointer>

namespace bge::omics {

class OmicsConnection;

// Every read-set operation of HealthOmics as a Job (reference §2). Inputs are checked before
// anything is sent: a request the service would refuse fails at once with a Usage error.
// Jobs are parented to nothing and delete themselves after finished().
class OmicsApi final
{
public:
    explicit OmicsApi(OmicsConnection* connection);
    OmicsConnection* connection() const { return m_connection; }

    Job<OmicsPage<SequenceStore>>* listSequenceStores(const SequenceStoreFilter& filter = {},
                                                      const ListOptions& options = {}) const;
    Job<SequenceStore>* sequenceStore(const QString& id) const;
    Job<OmicsPage<ReadSetListItem>>* listReadSets(const QString& storeId, const ReadSetFilter& filter = {},
                                                  const ListOptions& options = {}) const;
    Job<ReadSetMetadata>* readSetMetadata(const QString& storeId, const QString& readSetId) const;
    // One part into memory (parts are at most 100 MiB; for larger ones use partRequest()).
    Job<QByteArray>* readSetPart(const QString& storeId, const QString& readSetId, int partNumber,
                                 const QString& file = QStringLiteral("SOURCE1")) const;

    Job<ReadSetUpload>* createUpload(const QString& storeId, CreateUploadInput input) const;
    // The body is `data`.
    Job<UploadedPart>* uploadPart(const QString& storeId, const QString& uploadId, const QString& partSource,
                                  int partNumber, const QByteArray& data) const;
    // The body comes from `body` (a fresh open device per attempt, e.g. a window over a file) of
    // exactly `length` bytes.
    Job<UploadedPart>* uploadPart(const QString& storeId, const QString& uploadId, const QString& partSource,
                                  int partNumber, OmicsRequest::BodyFactory body, qint64 length) const;
    Job<CompletedUpload>* completeUpload(const QString& storeId, const QString& uploadId,
                                         const QList<CompletedPart>& parts) const;
    Job<Done>* abortUpload(const QString& storeId, const QString& uploadId) const;
    Job<OmicsPage<ReadSetUpload>>* listUploads(const QString& storeId, const ListOptions& options = {}) const;
    Job<OmicsPage<ReadSetUploadPart>>* listUploadParts(const QString& storeId, const QString& uploadId,
                                                       const QString& partSource,
                                                       const UploadPartsFilter& filter = {},
                                                       const ListOptions& options = {}) const;

    Job<ImportJobSummary>* startImportJob(const QString& storeId, StartImportInput input) const;
    Job<ImportJob>* importJob(const QString& storeId, const QString& jobId) const;
    Job<OmicsPage<ImportJobSummary>>* listImportJobs(const QString& storeId,
                                                     const ImportJobFilter& filter = {},
                                                     const ListOptions& options = {}) const;

    // For a streaming transfer engine: the request of GetReadSet / UploadReadSetPart it sends
    // itself (through OmicsConnection::signedRequest, once per attempt, after a pacer slot).
    // Usage errors as above.
    static Result<OmicsRequest> partRequest(const QString& storeId, const QString& readSetId, int partNumber,
                                            const QString& file);
    static Result<OmicsRequest> uploadPartRequest(const QString& storeId, const QString& uploadId,
                                                  const QString& partSource, int partNumber, qint64 length);

    // A new clientToken (a UUID): what makes a retried Create or StartReadSetImportJob safe.
    static QString newClientToken();

private:
    QPointer<OmicsConnection> m_connection;
};

} // namespace bge::omics
