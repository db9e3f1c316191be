// bge omics import, bge omics import-jobs, bge omics import-job.
#include "omicscommands.h"
#include "omicscli.h"
#include "importsources.h"
#include "output.h"
#include "progressprinter.h"
#include "tableprinter.h"

#include "omics/omicsapi.h"
#include "omics/omicsconnection.h" // omicsapi.h returns its QPointer as a plain pointer

#include <QCoreApplication>
#include <QTimer>

namespace bge::cli {

using namespace Qt::StringLiterals;
using namespace bge::omics;

namespace {

// The waiter polls every 30 s (waiters-2.json); a person watching a terminal wants to see
// progress sooner, and 5 s stays far within GetReadSetImportJob's 5 calls a second.
constexpr int kPollMs = 5000;

QString jobLine(const ImportJob& job)
{
    int finished = 0;
    int failed = 0;
    for (const ImportJobSource& s : job.sources) {
        finished += s.status == u"FINISHED";
        failed += s.status == u"FAILED";
    }
    return QCoreApplication::translate("bge::cli::OmicsImportJobCommand", "import job %1: %2, %3 of %4 source(s) done, %5 failed")
        .arg(job.summary.id, job.summary.status)
        .arg(finished + failed)
        .arg(job.sources.size())
        .arg(failed);
}

void printJob(const ImportJob& job)
{
    printOut(omicscli::renderSetFields(
        {{QCoreApplication::translate("bge::cli::OmicsImportJobCommand", "Id"), job.summary.id},
         {QCoreApplication::translate("bge::cli::OmicsImportJobCommand", "Status"),
          job.statusMessage.isEmpty() ? job.summary.status : u"%1 (%2)"_s.arg(job.summary.status, job.statusMessage)},
         {QCoreApplication::translate("bge::cli::OmicsImportJobCommand", "Role"), job.summary.roleArn},
         {QCoreApplication::translate("bge::cli::OmicsImportJobCommand", "Created (UTC)"),
          omicscli::shortTime(job.summary.creationTime)},
         {QCoreApplication::translate("bge::cli::OmicsImportJobCommand", "Completed (UTC)"),
          omicscli::shortTime(job.summary.completionTime)}}));
    TablePrinter table({QCoreApplication::translate("bge::cli::OmicsImportJobCommand", "SOURCE"),
                        QCoreApplication::translate("bge::cli::OmicsImportJobCommand", "TYPE"),
                        QCoreApplication::translate("bge::cli::OmicsImportJobCommand", "SUBJECT"),
                        QCoreApplication::translate("bge::cli::OmicsImportJobCommand", "SAMPLE"),
                        QCoreApplication::translate("bge::cli::OmicsImportJobCommand", "STATUS"),
                        QCoreApplication::translate("bge::cli::OmicsImportJobCommand", "READ SET / MESSAGE")});
    table.setMaxColumnWidth(100);
    for (const ImportJobSource& s : job.sources)
        table.addRow({s.source2.isEmpty() ? s.source1 : s.source1 + u", "_s + s.source2, s.sourceFileType, s.subjectId,
                      s.sampleId, s.status, s.readSetId.isEmpty() ? s.statusMessage : s.readSetId});
    printOut(u'\n' + table.render());
}

// Follows a job until it ends: a progress line on stderr, then the job; exit 0 only when
// every source was imported.
void waitForJob(CliContext& ctx, OmicsApi* api, const QString& store, const QString& jobId, bool announce)
{
    call<ImportJob>(ctx, api->importJob(store, jobId), [&ctx, api, store, jobId, announce](const ImportJob& job) {
        const bool terminal = ImportJobStatus::isTerminal(job.summary.status);
        if (!ctx.json() && (announce || terminal || stderrIsTerminal()))
            printErr((stderrIsTerminal() ? u"\r\x1b[K"_s : QString()) + jobLine(job) + (stderrIsTerminal() && !terminal ? QString() : u"\n"_s));
        if (!terminal) {
            QTimer::singleShot(kPollMs, &ctx, [&ctx, api, store, jobId] { waitForJob(ctx, api, store, jobId, false); });
            return;
        }
        if (ctx.json())
            printJson(job.summary.raw);
        else
            printJob(job);
        ctx.finish(job.summary.status == u"COMPLETED" ? ExitSuccess : ExitApiError);
    });
}

class OmicsImportCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsImportCommand)

public:
    QString name() const override { return u"import"_s; }
    QString summary() const override { return tr("start an import job of read sets from S3"); }
    QString usage() const override
    {
        return tr("Usage: bge omics import STORE_ID --role ARN --source TYPE:SUBJECT:SAMPLE:URI[,URI2]… [--reference ARN]\n"
                  "       bge omics import STORE_ID --manifest FILE.json [--role ARN] [--reference ARN]\n\n"
                  "  --role ARN               the IAM role HealthOmics assumes to read the objects\n"
                  "  --source …               one read set: its file type (FASTQ, BAM, CRAM, UBAM), subject id,\n"
                  "                           sample id and S3 URI(s); a second URI for the mate of paired FASTQ.\n"
                  "                           Repeat for up to 100 read sets\n"
                  "  --manifest FILE.json     the sources as the service takes them: {\"roleArn\": …, \"sources\":\n"
                  "                           [{\"sourceFiles\": {\"source1\": …, \"source2\": …}, \"sourceFileType\": …,\n"
                  "                           \"subjectId\": …, \"sampleId\": …, \"referenceArn\": …, \"name\": …}, …]}\n"
                  "  --reference ARN          the reference of BAM and CRAM sources that name none\n"
                  "  --wait                   follow the job until it ends (as `bge omics import-job --wait`)\n")
               + omicscli::commonOptionsHelp();
    }
    QList<OptionReader::Spec> options() const override
    {
        return omicscli::withCommonOptions({{u"role"_s, true}, {u"source"_s, true}, {u"manifest"_s, true},
                                            {u"reference"_s, true}, {u"wait"_s, false}});
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 1)
            return ctx.usageError(tr("give exactly one sequence store id"), usage());
        if (args.isSet(u"manifest"_s) == args.isSet(u"source"_s))
            return ctx.usageError(tr("give the sources with --source or with --manifest (one of the two)"), usage());
        StartImportInput input;
        QString problem;
        const bool read = args.isSet(u"manifest"_s)
                              ? readImportManifest(args.value(u"manifest"_s), &input, &problem)
                              : parseImportSources(args.values(u"source"_s), &input.sources, &problem);
        if (!read)
            return ctx.usageError(problem, usage());
        if (args.isSet(u"role"_s))
            input.roleArn = args.value(u"role"_s);
        if (input.roleArn.isEmpty())
            return ctx.usageError(tr("--role is required: the IAM role HealthOmics assumes to read the objects"), usage());
        applyDefaultReference(&input.sources, args.value(u"reference"_s));
        OmicsApi* api = omicscli::open(ctx, args);
        if (!api)
            return;
        const QString store = args.positional().first();
        const bool wait = args.isSet(u"wait"_s);
        call<ImportJobSummary>(ctx, api->startImportJob(store, input), [&ctx, api, store, wait](const ImportJobSummary& job) {
            if (wait)
                return waitForJob(ctx, api, store, job.id, true);
            if (ctx.json())
                printJson(job.raw);
            else
                printOut(tr("Import job %1 started (%2). Follow it with: bge omics import-job %3 %1 --wait\n")
                             .arg(job.id, job.status, store));
            ctx.finish(ExitSuccess);
        });
    }
};

class OmicsImportJobsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsImportJobsCommand)

public:
    QString name() const override { return u"import-jobs"_s; }
    QString summary() const override { return tr("list the import jobs of a sequence store"); }
    QString usage() const override
    {
        return tr("Usage: bge omics import-jobs STORE_ID [--status STATUS] [--created-after T] [--created-before T]\n"
                  "                             [--max-results N] [--next-token T] [--all]\n")
               + omicscli::commonOptionsHelp();
    }
    QList<OptionReader::Spec> options() const override
    {
        return omicscli::withCommonOptions({{u"status"_s, true}, {u"created-after"_s, true}, {u"created-before"_s, true},
                                            {u"max-results"_s, true}, {u"next-token"_s, true}, {u"all"_s, false}});
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 1)
            return ctx.usageError(tr("give exactly one sequence store id"), usage());
        const QString store = args.positional().first();
        ImportJobFilter filter;
        ListOptions list;
        QString problem;
        if (!omicscli::readEnum(args, u"status"_s,
                                {u"SUBMITTED"_s, u"IN_PROGRESS"_s, u"CANCELLING"_s, u"CANCELLED"_s, u"FAILED"_s,
                                 u"COMPLETED"_s, u"COMPLETED_WITH_FAILURES"_s},
                                &filter.status, &problem)
            || !omicscli::readTime(args, u"created-after"_s, &filter.createdAfter, &problem)
            || !omicscli::readTime(args, u"created-before"_s, &filter.createdBefore, &problem)
            || !omicscli::readListOptions(args, &list.maxResults, &list.nextToken, &problem))
            return ctx.usageError(problem, usage());
        OmicsApi* api = omicscli::open(ctx, args);
        if (!api)
            return;
        omicscli::collectPages<ImportJobSummary>(
            ctx,
            [api, store, filter, list](const QString& token) {
                ListOptions page = list;
                page.nextToken = token;
                return api->listImportJobs(store, filter, page);
            },
            list.nextToken, args.isSet(u"all"_s), [&ctx](const OmicsPage<ImportJobSummary>& page) {
                if (ctx.json()) {
                    printJson(omicscli::pageJson(page, u"importJobs"_s));
                    return ctx.finish(ExitSuccess);
                }
                TablePrinter table({tr("ID"), tr("STATUS"), tr("CREATED (UTC)"), tr("COMPLETED (UTC)")});
                for (const ImportJobSummary& j : page.items)
                    table.addRow({j.id, j.status, omicscli::shortTime(j.creationTime), omicscli::shortTime(j.completionTime)});
                printOut(table.render());
                omicscli::printListFooter(tr("%n import job(s) shown", nullptr, int(page.items.size())), page.nextToken);
                ctx.finish(ExitSuccess);
            });
    }
};

class OmicsImportJobCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsImportJobCommand)

public:
    QString name() const override { return u"import-job"_s; }
    QString summary() const override { return tr("show an import job and its sources, or wait for it to end"); }
    QString usage() const override
    {
        return tr("Usage: bge omics import-job STORE_ID JOB_ID [--wait]\n\n"
                  "  --wait                   poll until the job ends, with a progress line; the exit code is 0\n"
                  "                           only when every source was imported\n")
               + omicscli::commonOptionsHelp();
    }
    QList<OptionReader::Spec> options() const override { return omicscli::withCommonOptions({{u"wait"_s, false}}); }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 2)
            return ctx.usageError(tr("give a sequence store id and an import job id"), usage());
        OmicsApi* api = omicscli::open(ctx, args);
        if (!api)
            return;
        const QString store = args.positional().at(0);
        const QString jobId = args.positional().at(1);
        if (args.isSet(u"wait"_s))
            return waitForJob(ctx, api, store, jobId, true);
        call<ImportJob>(ctx, api->importJob(store, jobId), [&ctx](const ImportJob& job) {
            if (ctx.json())
                printJson(job.summary.raw);
            else
                printJob(job);
            ctx.finish(ExitSuccess);
        });
    }
};

} // namespace

void addOmicsImportCommands(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<OmicsImportCommand>());
    commands.push_back(std::make_unique<OmicsImportJobsCommand>());
    commands.push_back(std::make_unique<OmicsImportJobCommand>());
}

} // namespace bge::cli
