#pragma once

#include "command.h"

#include <memory>

namespace bge::cli {

// upload and download, one file each (registered by addTransferCommands).
std::unique_ptr<Command> makeUploadCommand();
std::unique_ptr<Command> makeDownloadCommand();

} // namespace bge::cli
