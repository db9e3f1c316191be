#include "transferbatch.h"

#include "output.h"

namespace bge::cli {

using namespace Qt::StringLiterals;

TransferBatch::TransferBatch(int count, bool json, int filesInFlight)
    : inFlight(filesInFlight), progress(count, stderrIsTerminal()), results(count, !json)
{
}

void TransferBatch::failed(int index, const ApiError& error)
{
    if (!firstError)
        firstError = error;
    else
        printErr(u"bge: "_s + error.fullText() + u'\n');
    results.failed(index);
}

} // namespace bge::cli
