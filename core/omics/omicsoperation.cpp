#include "omicsoperation.h"

#include <array>

namespace bge::omics {

namespace {

constexpr const char* kControl = "control-storage-";
constexpr const char* kStorage = "storage-";

// Retries: reads are idempotent. Create and StartReadSetImportJob are retried only because
// every call carries a clientToken this client generates (a UUID), so a retry after a lost
// answer cannot create a second upload or job. UploadReadSetPart replaces a part with the
// same number, so sending it twice is harmless. Complete and Abort are retried too: a repeated
// Complete of an upload that did complete answers an error the caller already handles
// (the upload is gone), and a repeated Abort of an aborted upload changes nothing; not
// retrying would turn a dropped connection into a failed upload, which is worse.
const std::array<OperationInfo, kOperationCount>& table()
{
    static const std::array<OperationInfo, kOperationCount> operations = {{
        {"ListSequenceStores", "POST", kControl, 5, true, true},
        {"GetSequenceStore", "GET", kControl, 5, true, false},
        {"ListReadSets", "POST", kControl, 5, true, true},
        {"GetReadSetMetadata", "GET", kControl, 5, true, false},
        {"GetReadSet", "GET", kStorage, 30, true, false},
        {"CreateMultipartReadSetUpload", "POST", kControl, 1, true, true},
        {"UploadReadSetPart", "PUT", kStorage, 10, true, false},
        {"CompleteMultipartReadSetUpload", "POST", kStorage, 1, true, true},
        {"AbortMultipartReadSetUpload", "DELETE", kControl, 1, true, false},
        {"ListMultipartReadSetUploads", "POST", kControl, 5, true, false},
        {"ListReadSetUploadParts", "POST", kControl, 5, true, true},
        {"StartReadSetImportJob", "POST", kControl, 5, true, true},
        {"GetReadSetImportJob", "GET", kControl, 5, true, false},
        {"ListReadSetImportJobs", "POST", kControl, 5, true, true},
    }};
    return operations;
}

} // namespace

const OperationInfo& operationInfo(Operation operation)
{
    return table()[std::size_t(operation)];
}

QString operationName(Operation operation)
{
    return QString::fromLatin1(operationInfo(operation).name);
}

} // namespace bge::omics
