#pragma once

#include <QByteArray>
#include <QString>

namespace bge::omics {

// The read-set operations of the HealthOmics API (reference §1.3).
enum class Operation
{
    ListSequenceStores,
    GetSequenceStore,
    ListReadSets,
    GetReadSetMetadata,
    GetReadSet,
    CreateMultipartReadSetUpload,
    UploadReadSetPart,
    CompleteMultipartReadSetUpload,
    AbortMultipartReadSetUpload,
    ListMultipartReadSetUploads,
    ListReadSetUploadParts,
    StartReadSetImportJob,
    GetReadSetImportJob,
    ListReadSetImportJobs,
};
inline constexpr int kOperationCount = int(Operation::ListReadSetImportJobs) + 1;

// What the wire and the quotas say about one operation.
struct OperationInfo
{
    const char* name;      // "ListReadSets"
    QByteArray method;     // GET, POST, PUT, DELETE
    QByteArray hostPrefix; // "control-storage-" or "storage-"
    double tps;            // the documented per-account quota (reference §2.17)
    // Whether the client may send it again after a transient error or throttling (see
    // isRetryable in omicsoperation.cpp for the reasoning per operation).
    bool retryable;
    // A JSON body with Content-Type application/json; otherwise no Content-Type and no JSON
    // (GETs, Abort, ListMultipartReadSetUploads: §2.18; UploadReadSetPart sends raw bytes).
    bool jsonBody;
};

const OperationInfo& operationInfo(Operation operation);
QString operationName(Operation operation);

} // namespace bge::omics
