// bge omics stores, bge omics store.
#include "omicscommands.h"
#include "omicscli.h"
#include "output.h"
#include "tableprinter.h"

#include "omics/omicsapi.h"
#include "omics/omicsconnection.h" // omicsapi.h returns its QPointer as a plain pointer

#include <QCoreApplication>

namespace bge::cli {

using namespace Qt::StringLiterals;
using namespace bge::omics;

namespace {

class OmicsStoresCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsStoresCommand)

public:
    QString name() const override { return u"stores"_s; }
    QString summary() const override { return tr("list the sequence stores of the account"); }
    QString usage() const override
    {
        return tr("Usage: bge omics stores [--name NAME] [--status STATUS] [--created-after T] [--created-before T]\n"
                  "                        [--max-results N] [--next-token T] [--all]\n")
               + omicscli::commonOptionsHelp();
    }
    QList<OptionReader::Spec> options() const override
    {
        return omicscli::withCommonOptions({{u"name"_s, true}, {u"status"_s, true}, {u"created-after"_s, true},
                                            {u"created-before"_s, true}, {u"max-results"_s, true},
                                            {u"next-token"_s, true}, {u"all"_s, false}});
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (!args.positional().isEmpty())
            return ctx.usageError(tr("unexpected argument \"%1\"").arg(args.positional().first()), usage());
        SequenceStoreFilter filter;
        ListOptions list;
        QString problem;
        filter.name = args.value(u"name"_s);
        if (!omicscli::readEnum(args, u"status"_s, {u"CREATING"_s, u"ACTIVE"_s, u"UPDATING"_s, u"DELETING"_s, u"FAILED"_s},
                                &filter.status, &problem)
            || !omicscli::readTime(args, u"created-after"_s, &filter.createdAfter, &problem)
            || !omicscli::readTime(args, u"created-before"_s, &filter.createdBefore, &problem)
            || !omicscli::readListOptions(args, &list.maxResults, &list.nextToken, &problem))
            return ctx.usageError(problem, usage());
        OmicsApi* api = omicscli::open(ctx, args);
        if (!api)
            return;
        omicscli::collectPages<SequenceStore>(
            ctx,
            [api, filter, list](const QString& token) {
                ListOptions page = list;
                page.nextToken = token;
                return api->listSequenceStores(filter, page);
            },
            list.nextToken, args.isSet(u"all"_s), [&ctx](const OmicsPage<SequenceStore>& page) { print(ctx, page); });
    }

private:
    static void print(CliContext& ctx, const OmicsPage<SequenceStore>& page)
    {
        if (ctx.json()) {
            printJson(omicscli::pageJson(page, u"sequenceStores"_s));
            return ctx.finish(ExitSuccess);
        }
        TablePrinter table({tr("ID"), tr("NAME"), tr("STATUS"), tr("CREATED (UTC)"), tr("DESCRIPTION")});
        for (const SequenceStore& s : page.items)
            table.addRow({s.id, s.name, s.status, omicscli::shortTime(s.creationTime), s.description});
        printOut(table.render());
        omicscli::printListFooter(tr("%n sequence store(s) shown", nullptr, int(page.items.size())), page.nextToken);
        ctx.finish(ExitSuccess);
    }
};

class OmicsStoreCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsStoreCommand)

public:
    QString name() const override { return u"store"_s; }
    QString summary() const override { return tr("show one sequence store"); }
    QString usage() const override { return tr("Usage: bge omics store STORE_ID\n") + omicscli::commonOptionsHelp(); }
    QList<OptionReader::Spec> options() const override { return omicscli::commonOptions(); }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 1)
            return ctx.usageError(tr("give exactly one sequence store id"), usage());
        OmicsApi* api = omicscli::open(ctx, args);
        if (!api)
            return;
        call<SequenceStore>(ctx, api->sequenceStore(args.positional().first()), [&ctx](const SequenceStore& s) {
            if (ctx.json()) {
                printJson(s.raw);
                return ctx.finish(ExitSuccess);
            }
            printOut(omicscli::renderSetFields({{tr("Id"), s.id},
                                   {tr("Name"), s.name},
                                   {tr("Description"), s.description},
                                   {tr("ARN"), s.arn},
                                   {tr("Status"), s.statusMessage.isEmpty() ? s.status
                                                                            : u"%1 (%2)"_s.arg(s.status, s.statusMessage)},
                                   {tr("Created (UTC)"), omicscli::shortTime(s.creationTime)},
                                   {tr("Updated (UTC)"), omicscli::shortTime(s.updateTime)},
                                   {tr("Encryption"), s.sseKeyArn.isEmpty() ? s.sseType : s.sseType + u' ' + s.sseKeyArn},
                                   {tr("Fallback location"), s.fallbackLocation},
                                   {tr("ETag algorithm"), s.eTagAlgorithmFamily},
                                   {tr("S3 access"), s.s3Uri}}));
            ctx.finish(ExitSuccess);
        });
    }
};

} // namespace

void addOmicsStoreCommands(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<OmicsStoresCommand>());
    commands.push_back(std::make_unique<OmicsStoreCommand>());
}

} // namespace bge::cli
