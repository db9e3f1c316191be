#include "commandregistry.h"

namespace bge::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    addAuthCommands(commands);
    addSampleCommands(commands);
    addVariantsCommand(commands);
    addAbundanceCommands(commands);
    addModelCommand(commands);
    addTransferCommands(commands);
    addOmicsCommands(commands);
    return commands;
}

} // namespace bge::cli
