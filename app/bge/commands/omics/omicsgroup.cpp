// `bge omics …`: AWS HealthOmics sequence stores, beside the BGE platform.
#include "commandregistry.h"
#include "omicscommands.h"
#include "omicscli.h"

#include <QCoreApplication>

namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {

class OmicsGroup final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsGroup)

public:
    OmicsGroup()
    {
        addOmicsStoreCommands(m_commands);
        addOmicsReadSetCommands(m_commands);
        addOmicsUploadCommands(m_commands);
        addOmicsTransferCommands(m_commands);
        addOmicsImportCommands(m_commands);
        addOmicsAccountCommands(m_commands);
    }
    QString name() const override { return u"omics"_s; }
    QString summary() const override { return tr("AWS HealthOmics sequence stores: read sets, uploads, imports"); }
    QString usage() const override
    {
        return tr("Usage: bge omics COMMAND [arguments]\n\n"
                  "AWS HealthOmics sequence stores. Keys and region are found as the AWS SDKs find them\n"
                  "(environment, ~/.aws, credential_process), or in an account added with add-account.\n"
                  "`bge help omics COMMAND` describes each command.\n")
               + omicscli::commonOptionsHelp();
    }
    void run(CliContext&, const OptionReader&) override {}
    const std::vector<std::unique_ptr<Command>>* subcommands() const override { return &m_commands; }

private:
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace

void addOmicsCommands(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<OmicsGroup>());
}

} // namespace bge::cli
