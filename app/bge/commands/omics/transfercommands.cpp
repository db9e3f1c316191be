// bge omics upload, bge omics download: read sets to and from a sequence store, in parts,
// resumed when the same command runs again.
#include "omicscli.h"
#include "omicscommands.h"
#include "output.h"
#include "progressprinter.h"

#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"
#include "omics/readsetdownloadjob.h"
#include "omics/readsetuploadjob.h"
#include "seqformat/readsetnaming.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace bge::cli {

using namespace Qt::StringLiterals;
using namespace bge::omics;

namespace {


bool readJobs(const OptionReader& args, int* jobs)
{
    if (!args.isSet(u"jobs"_s))
        return true;
    bool ok = false;
    *jobs = args.value(u"jobs"_s).toInt(&ok);
    return ok && *jobs >= 1 && *jobs <= 16;
}

class OmicsUploadCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsUploadCommand)

public:
    QString name() const override { return u"upload"_s; }
    QString summary() const override
    {
        return tr("upload a read set (FASTQ, paired FASTQ, BAM, uBAM, CRAM)");
    }
    QString usage() const override
    {
        return tr("Usage: bge omics upload STORE_ID FILE [FILE2] --subject S --sample S --name N\n"
                  "           [--type auto|FASTQ|BAM|CRAM|UBAM] [--reference ARN] [--description D]\n"
                  "           [--generated-from G] [--tag KEY=VALUE]… [--no-wait] [--jobs N] [--part-size "
                  "SIZE]\n\n"
                  "Uploads one read set: one file, or read 1 and read 2 of paired FASTQ (SOURCE1, SOURCE2).\n"
                  "The type is read from the bytes (an unaligned BAM is UBAM); a type that does not match\n"
                  "them is refused before anything is sent. BAM and CRAM need --reference. The parts go N at "
                  "a\n"
                  "time (default 4) within the service's quota; an interrupted upload resumes when the same\n"
                  "command runs again. Then waits until the read set is ACTIVE (not with --no-wait) and "
                  "prints\n"
                  "its id; with --json, its metadata. --name, --sample and --subject default to what the "
                  "file\n"
                  "name suggests (NA12878_S1_L001_R1_001.fastq.gz: NA12878_S1_L001, NA12878, NA12878).\n"
                  "  --jobs N           parts in flight at once (1–16)\n"
                  "  --part-size SIZE   e.g. 8M, 100M (at most 100 MiB; default 100 MiB)\n") +
               omicscli::commonOptionsHelp();
    }
    QList<OptionReader::Spec> options() const override
    {
        return omicscli::withCommonOptions({{u"subject"_s, true},
                                            {u"sample"_s, true},
                                            {u"name"_s, true},
                                            {u"type"_s, true},
                                            {u"reference"_s, true},
                                            {u"description"_s, true},
                                            {u"generated-from"_s, true},
                                            {u"tag"_s, true},
                                            {u"no-wait"_s, false},
                                            {u"jobs"_s, true},
                                            {u"part-size"_s, true}});
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        const QStringList positional = args.positional();
        if (positional.size() < 2 || positional.size() > 3)
            return ctx.usageError(tr("give a sequence store id and one or two files"), usage());
        ReadSetUploadOptions o;
        o.storeId = positional.first();
        o.files = positional.mid(1);
        for (const QString& path : std::as_const(o.files)) {
            const QFileInfo info(path);
            if (!info.isFile() || !info.isReadable())
                return ctx.usageError(tr("not a readable file: %1").arg(path));
        }
        const seqformat::ReadSetNameSuggestion suggested = seqformat::suggestReadSetNames(o.files);
        o.name = args.isSet(u"name"_s) ? args.value(u"name"_s) : suggested.name;
        o.sampleId = args.isSet(u"sample"_s) ? args.value(u"sample"_s) : suggested.sampleId;
        o.subjectId = args.isSet(u"subject"_s) ? args.value(u"subject"_s) : suggested.subjectId;
        if (o.name.isEmpty() || o.sampleId.isEmpty() || o.subjectId.isEmpty())
            return ctx.usageError(tr("give --name, --sample and --subject (the file name suggests none)"),
                                  usage());
        o.fileType = args.isSet(u"type"_s) ? args.value(u"type"_s) : u"auto"_s;
        static const QStringList kTypes{u"AUTO"_s, u"FASTQ"_s, u"BAM"_s, u"CRAM"_s, u"UBAM"_s};
        if (!kTypes.contains(o.fileType.toUpper()))
            return ctx.usageError(tr("--type takes auto, FASTQ, BAM, CRAM or UBAM"), usage());
        o.referenceArn = args.value(u"reference"_s);
        o.description = args.value(u"description"_s);
        o.generatedFrom = args.value(u"generated-from"_s);
        for (const QString& tag : args.values(u"tag"_s)) {
            const qsizetype eq = tag.indexOf(u'=');
            if (eq < 1)
                return ctx.usageError(tr("--tag takes KEY=VALUE, not %1").arg(tag), usage());
            o.tags.insert(tag.left(eq), tag.mid(eq + 1));
        }
        o.waitForActive = !args.isSet(u"no-wait"_s);
        if (!readJobs(args, &o.parallelism))
            return ctx.usageError(tr("--jobs takes a number between 1 and 16"), usage());
        if (args.isSet(u"part-size"_s)) {
            o.partSize = parseByteSize(args.value(u"part-size"_s));
            if (o.partSize < 1 || o.partSize > 100LL * 1024 * 1024)
                return ctx.usageError(tr("--part-size takes a size up to 100M, e.g. 64M"), usage());
        }
        OmicsApi* api = omicscli::open(ctx, args);
        if (!api)
            return;

        auto* job = new ReadSetUploadJob(api->connection(), o);
        auto progress =
            std::make_shared<ProgressPrinter>(QFileInfo(o.files.first()).fileName(), stderrIsTerminal());
        QObject::connect(job, &ReadSetUploadJob::progress, &ctx,
                         [progress](qint64 done, qint64 total) { progress->update(done, total); });
        // What a rerun found of an earlier run stopped at a commit point.
        QObject::connect(job, &ReadSetUploadJob::notice, &ctx,
                         [](const QString& message) { printErr(u"bge: "_s + message + u'\n'); });
        auto told = std::make_shared<bool>(false);
        QObject::connect(
            job, &ReadSetUploadJob::processing, &ctx,
            [progress, told](const QString& id, const QString& status) {
                if (*told)
                    return;
                *told = true;
                progress->finish(true);
                printErr(tr("bge: read set %1 is %2; waiting until it is ACTIVE").arg(id, status) + u'\n');
            });
        job->run(&ctx, [&ctx, progress, told, o](const Result<ReadSetUploadResult>& result) {
            if (!*told)
                progress->finish(result.ok());
            if (!result) {
                const ApiError& e = result.error();
                // A refusal that leaves the upload on the server for a rerun says so.
                if (e.kind() != ApiError::Kind::Usage && e.kind() != ApiError::Kind::Cancelled &&
                    QFileInfo::exists(ReadSetUploadJob::journalFileFor(o)))
                    printErr(tr("bge: the upload was kept: run the same command again to resume it") + u'\n');
                // Complete was sent (or answered): the rerun finds that read set, never a second.
                else if (const std::optional<ReadSetUploadRecord> record =
                             ReadSetUploadRecord::load(ReadSetUploadJob::recordFileFor(o));
                         e.kind() != ApiError::Kind::Usage && e.kind() != ApiError::Kind::Cancelled && record &&
                         (record->state == ReadSetUploadRecord::State::Completing ||
                          record->state == ReadSetUploadRecord::State::Completed))
                    printErr(tr("bge: run the same command again to follow the read set already made") + u'\n');
                return ctx.fail(e);
            }
            const ReadSetUploadResult& r = result.value();
            if (r.resumed && r.partsTotal > 0) // 0: a read set an earlier run completed (told above)
                printErr(tr("bge: resumed an earlier upload: %1 of %2 parts sent now")
                             .arg(r.partsSent)
                             .arg(r.partsTotal) +
                         u'\n');
            if (ctx.json()) {
                if (r.metadata)
                    printJson(r.metadata->readSet.raw);
                else
                    printJson(QJsonObject{{u"readSetId"_s, r.readSetId},
                                          {u"uploadId"_s, r.uploadId},
                                          {u"sourceFileType"_s, r.fileType}});
            } else {
                printOut(r.readSetId + u'\n');
            }
            ctx.finish(ExitSuccess);
        });
    }
};

class OmicsDownloadCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsDownloadCommand)

public:
    QString name() const override { return u"download"_s; }
    QString summary() const override { return tr("download a read set's file (GetReadSet, in parts)"); }
    QString usage() const override
    {
        return tr("Usage: bge omics download STORE_ID READ_SET_ID [--file SOURCE1|SOURCE2|INDEX] [-o PATH]\n"
                  "           [--overwrite] [--jobs N]\n\n"
                  "Downloads one file of a read set in parts (N at a time, default 4) into PATH (a file or "
                  "a\n"
                  "folder; default: <name>.fastq, <name>_1.fastq / <name>_2.fastq for paired reads, "
                  "<name>.bam,\n"
                  "<name>.cram, <name>.bam.bai / <name>.cram.crai for the index, here). An interrupted "
                  "download\n"
                  "resumes when the same command runs again; the size is checked before the file appears.\n"
                  "An existing file is not replaced unless --overwrite. Prints the path; with --json\n"
                  "{\"file\", \"size\", \"parts_fetched\", \"parts_kept\"}.\n"
                  "  --jobs N           parts in flight at once (1–16)\n") +
               omicscli::commonOptionsHelp();
    }
    QList<OptionReader::Spec> options() const override
    {
        return omicscli::withCommonOptions(
            {{u"file"_s, true}, {u"output"_s, true, u'o'}, {u"overwrite"_s, false}, {u"jobs"_s, true}});
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 2)
            return ctx.usageError(tr("give a sequence store id and a read set id"), usage());
        ReadSetDownloadOptions o;
        o.storeId = args.positional().at(0);
        o.readSetId = args.positional().at(1);
        QString problem;
        if (!omicscli::readEnum(args, u"file"_s, {u"SOURCE1"_s, u"SOURCE2"_s, u"INDEX"_s}, &o.file, &problem))
            return ctx.usageError(problem, usage());
        if (o.file.isEmpty())
            o.file = u"SOURCE1"_s;
        o.destination = args.value(u"output"_s);
        o.overwrite = args.isSet(u"overwrite"_s);
        if (!readJobs(args, &o.parallelism))
            return ctx.usageError(tr("--jobs takes a number between 1 and 16"), usage());
        OmicsApi* api = omicscli::open(ctx, args);
        if (!api)
            return;
        auto* job = new ReadSetDownloadJob(api->connection(), o);
        auto progress = std::make_shared<ProgressPrinter>(o.readSetId + u' ' + o.file, stderrIsTerminal());
        QObject::connect(job, &ReadSetDownloadJob::progress, &ctx,
                         [progress](qint64 done, qint64 total) { progress->update(done, total); });
        job->run(&ctx, [&ctx, progress](const Result<ReadSetDownloadResult>& result) {
            progress->finish(result.ok());
            if (!result)
                return ctx.fail(result.error());
            const ReadSetDownloadResult& r = result.value();
            if (r.partsKept > 0)
                printErr(tr("bge: resumed an earlier download: %1 parts kept, %2 fetched now")
                             .arg(r.partsKept)
                             .arg(r.partsFetched) +
                         u'\n');
            if (ctx.json())
                printJson(QJsonObject{{u"file"_s, r.path},
                                      {u"size"_s, double(r.size)},
                                      {u"parts_fetched"_s, r.partsFetched},
                                      {u"parts_kept"_s, r.partsKept}});
            else
                printOut(r.path + u'\n');
            ctx.finish(ExitSuccess);
        });
    }
};

} // namespace

void addOmicsTransferCommands(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<OmicsUploadCommand>());
    commands.push_back(std::make_unique<OmicsDownloadCommand>());
}

} // namespace bge::cli
