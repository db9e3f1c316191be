#pragma once

#include "command.h"

#include <memory>
#include <vector>

namespace bge::cli {

std::vector<std::unique_ptr<Command>> allCommands();

// Factories, one per file in commands/.
void addAuthCommands(std::vector<std::unique_ptr<Command>>& commands);
void addSampleCommands(std::vector<std::unique_ptr<Command>>& commands);
void addVariantsCommand(std::vector<std::unique_ptr<Command>>& commands);
void addAbundanceCommands(std::vector<std::unique_ptr<Command>>& commands);
void addModelCommand(std::vector<std::unique_ptr<Command>>& commands);
void addTransferCommands(std::vector<std::unique_ptr<Command>>& commands);
void addOmicsCommands(std::vector<std::unique_ptr<Command>>& commands);

} // namespace bge::cli
