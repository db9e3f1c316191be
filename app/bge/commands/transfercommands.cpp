// upload, download: files to and from the platform's object storage.
#include "transfercommands.h"
#include "commandregistry.h"

namespace bge::cli {

void addTransferCommands(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(makeUploadCommand());
    commands.push_back(makeDownloadCommand());
}

} // namespace bge::cli
