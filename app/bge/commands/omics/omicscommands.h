#pragma once

#include "command.h"

#include <memory>
#include <vector>

namespace bge::cli {

// The subcommands of `bge omics`, by area.
void addOmicsStoreCommands(std::vector<std::unique_ptr<Command>>& commands);
void addOmicsReadSetCommands(std::vector<std::unique_ptr<Command>>& commands);
void addOmicsUploadCommands(std::vector<std::unique_ptr<Command>>& commands);
void addOmicsTransferCommands(std::vector<std::unique_ptr<Command>>& commands);
void addOmicsImportCommands(std::vector<std::unique_ptr<Command>>& commands);
void addOmicsAccountCommands(std::vector<std::unique_ptr<Command>>& commands);

} // namespace bge::cli
