// bge omics read-sets, bge omics read-set.
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

QString sizeText(const std::optional<ReadSetFileInfo>& file)
{
    if (!file)
        return {};
    return QCoreApplication::translate("bge::cli::OmicsReadSetCommand", "%1 bytes in %2 part(s) of %3")
        .arg(file->contentLength)
        .arg(file->totalParts)
        .arg(file->partSize);
}

class OmicsReadSetsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsReadSetsCommand)

public:
    QString name() const override { return u"read-sets"_s; }
    QString summary() const override { return tr("list the read sets of a sequence store, with every filter"); }
    QString usage() const override
    {
        return tr("Usage: bge omics read-sets STORE_ID [filters] [--max-results N] [--next-token T] [--all]\n\n"
                  "Filters (the service's):\n"
                  "  --name NAME              read-set name\n"
                  "  --status STATUS          ACTIVE, PROCESSING_UPLOAD, UPLOAD_FAILED, ARCHIVED, ACTIVATING,\n"
                  "                           DELETING, DELETED\n"
                  "  --sample-id ID           --subject-id ID        --generated-from TEXT\n"
                  "  --reference-arn ARN      (\"\" for read sets without a reference)\n"
                  "  --creation-type TYPE     IMPORT or UPLOAD\n"
                  "  --created-after T        --created-before T     (2024-01-31 or 2024-01-31T12:00:00Z)\n"
                  "Paging:\n"
                  "  --max-results N          read sets per page (1–100)\n"
                  "  --next-token T           the page a previous listing pointed to\n"
                  "  --all                    follow the pages to the end\n")
               + omicscli::commonOptionsHelp();
    }
    QList<OptionReader::Spec> options() const override
    {
        return omicscli::withCommonOptions(
            {{u"name"_s, true}, {u"status"_s, true}, {u"sample-id"_s, true}, {u"subject-id"_s, true},
             {u"generated-from"_s, true}, {u"reference-arn"_s, true}, {u"creation-type"_s, true},
             {u"created-after"_s, true}, {u"created-before"_s, true}, {u"max-results"_s, true},
             {u"next-token"_s, true}, {u"all"_s, false}});
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 1)
            return ctx.usageError(tr("give exactly one sequence store id"), usage());
        const QString store = args.positional().first();
        ReadSetFilter filter;
        ListOptions list;
        QString problem;
        filter.name = args.value(u"name"_s);
        filter.sampleId = args.value(u"sample-id"_s);
        filter.subjectId = args.value(u"subject-id"_s);
        filter.generatedFrom = args.value(u"generated-from"_s);
        if (args.isSet(u"reference-arn"_s))
            filter.referenceArn = args.value(u"reference-arn"_s);
        if (!omicscli::readEnum(args, u"status"_s,
                                {u"ARCHIVED"_s, u"ACTIVATING"_s, u"ACTIVE"_s, u"DELETING"_s, u"DELETED"_s,
                                 u"PROCESSING_UPLOAD"_s, u"UPLOAD_FAILED"_s},
                                &filter.status, &problem)
            || !omicscli::readEnum(args, u"creation-type"_s, {u"IMPORT"_s, u"UPLOAD"_s}, &filter.creationType, &problem)
            || !omicscli::readTime(args, u"created-after"_s, &filter.createdAfter, &problem)
            || !omicscli::readTime(args, u"created-before"_s, &filter.createdBefore, &problem)
            || !omicscli::readListOptions(args, &list.maxResults, &list.nextToken, &problem))
            return ctx.usageError(problem, usage());
        OmicsApi* api = omicscli::open(ctx, args);
        if (!api)
            return;
        omicscli::collectPages<ReadSetListItem>(
            ctx,
            [api, store, filter, list](const QString& token) {
                ListOptions page = list;
                page.nextToken = token;
                return api->listReadSets(store, filter, page);
            },
            list.nextToken, args.isSet(u"all"_s), [&ctx](const OmicsPage<ReadSetListItem>& page) { print(ctx, page); });
    }

private:
    static void print(CliContext& ctx, const OmicsPage<ReadSetListItem>& page)
    {
        if (ctx.json()) {
            printJson(omicscli::pageJson(page, u"readSets"_s));
            return ctx.finish(ExitSuccess);
        }
        TablePrinter table({tr("ID"), tr("NAME"), tr("TYPE"), tr("STATUS"), tr("SUBJECT"), tr("SAMPLE"), tr("CREATED (UTC)"),
                            tr("HOW")});
        for (const ReadSetListItem& r : page.items)
            table.addRow({r.id, r.name, r.fileType, r.status, r.subjectId, r.sampleId, omicscli::shortTime(r.creationTime),
                          r.creationType});
        printOut(table.render());
        omicscli::printListFooter(tr("%n read set(s) shown", nullptr, int(page.items.size())), page.nextToken);
        ctx.finish(ExitSuccess);
    }
};

class OmicsReadSetCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsReadSetCommand)

public:
    QString name() const override { return u"read-set"_s; }
    QString summary() const override { return tr("show a read set's metadata: files, sequence information, origin"); }
    QString usage() const override
    {
        return tr("Usage: bge omics read-set STORE_ID READ_SET_ID\n") + omicscli::commonOptionsHelp();
    }
    QList<OptionReader::Spec> options() const override { return omicscli::commonOptions(); }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 2)
            return ctx.usageError(tr("give a sequence store id and a read set id"), usage());
        OmicsApi* api = omicscli::open(ctx, args);
        if (!api)
            return;
        call<ReadSetMetadata>(ctx, api->readSetMetadata(args.positional().at(0), args.positional().at(1)),
                              [&ctx](const ReadSetMetadata& m) {
                                  if (ctx.json()) {
                                      printJson(m.readSet.raw);
                                      return ctx.finish(ExitSuccess);
                                  }
                                  print(m);
                                  ctx.finish(ExitSuccess);
                              });
    }

private:
    static void print(const ReadSetMetadata& m)
    {
        const ReadSetListItem& r = m.readSet;
        const auto count = [](const std::optional<qint64>& n) { return n ? QString::number(*n) : QString(); };
        const SequenceInformation info = r.sequenceInformation.value_or(SequenceInformation{});
        printOut(omicscli::renderSetFields(
            {{tr("Id"), r.id},
             {tr("Name"), r.name},
             {tr("Description"), r.description},
             {tr("File type"), r.fileType},
             {tr("Status"), r.statusMessage.isEmpty() ? r.status : u"%1 (%2)"_s.arg(r.status, r.statusMessage)},
             {tr("Subject"), r.subjectId},
             {tr("Sample"), r.sampleId},
             {tr("Created (UTC)"), omicscli::shortTime(r.creationTime)},
             {tr("Created by"), m.creationJobId.isEmpty() ? r.creationType
                                                          : tr("%1, import job %2").arg(r.creationType, m.creationJobId)},
             {tr("Reference"), r.referenceArn},
             {tr("Read count"), count(info.totalReadCount)},
             {tr("Base count"), count(info.totalBaseCount)},
             {tr("Generated from"), info.generatedFrom},
             {tr("Alignment"), info.alignment},
             {tr("Source 1"), sizeText(m.source1)},
             {tr("Source 2"), sizeText(m.source2)},
             {tr("Index"), sizeText(m.index)},
             {tr("ETag"), r.etag ? u"%1 %2 %3"_s.arg(r.etag->algorithm, r.etag->source1, r.etag->source2).trimmed() : QString()},
             {tr("ARN"), r.arn}}));
    }
};

} // namespace

void addOmicsReadSetCommands(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<OmicsReadSetsCommand>());
    commands.push_back(std::make_unique<OmicsReadSetCommand>());
}

} // namespace bge::cli
