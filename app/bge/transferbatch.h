#pragma once

#include "batchprogress.h"
#include "orderedresults.h"

#include "api/apierror.h"
#include "transfer/filesinflight.h"

namespace bge::cli {

// What `bge upload` and `bge download` keep while their files run several at once: the next
// file to start, how many are in flight, the progress lines, the results in the given order,
// and the command's error.
struct TransferBatch
{
    TransferBatch(int count, bool json, int filesInFlight);

    // A file failed. The first failure is the command's error, reported when it ends; later
    // ones are printed as they come, so none is lost.
    void failed(int index, const ApiError& error);
    // Every file was started and has finished.
    bool isDone(qsizetype count) const { return next >= count && inFlight.running() == 0; }

    qsizetype next = 0;
    FilesInFlight inFlight;
    BatchProgress progress;
    OrderedResults results;
    ApiError firstError;
};

} // namespace bge::cli
