// upload, download: files to and from the platform's object storage.
#include "command.h"
#include "commandregistry.h"
#include "output.h"
#include "progressprinter.h"

#include "transfer/downloadjob.h"
#include "transfer/uploadcredentials.h"
#include "transfer/uploadjob.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {


class UploadCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::UploadCommand)

public:
    QString name() const override { return u"upload"_s; }
    QString summary() const override { return tr("upload files to the platform's object storage"); }
    QString usage() const override
    {
        return tr("Usage: bge upload FILE… [--jobs N] [--part-size SIZE] [--overwrite]\n\n"
                  "Each file goes to <destination>/<file name> of the platform's storage. Files of 100 MiB\n"
                  "and more are sent in parts, N at a time (default 4), each checked by CRC-64. An interrupted\n"
                  "upload resumes when the same command runs again. An existing object is not replaced\n"
                  "unless --overwrite; one with the file's size and CRC-64 counts as uploaded (nothing is sent).\n"
                  "With --json: [{\"file\", \"object_name\", \"size\", \"crc64\", \"parts_sent\", \"resumed\",\n"
                  "\"already_uploaded\"}, …] (parts_sent: parts this run sent; resumed: an earlier run's parts were\n"
                  "kept; already_uploaded: the object was there already).\n"
                  "  --jobs N           parts in flight at once (1–16)\n"
                  "  --part-size SIZE   e.g. 8M, 64MiB (100 KiB to 5 GiB; default from the file size)\n");
    }
    QList<OptionReader::Spec> options() const override
    {
        return {{u"jobs"_s, true}, {u"part-size"_s, true}, {u"overwrite"_s, false}};
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().isEmpty())
            return ctx.usageError(tr("give at least one file"), usage());
        UploadOptions base;
        base.overwrite = args.isSet(u"overwrite"_s);
        if (args.isSet(u"jobs"_s)) {
            bool ok = false;
            base.parallelism = args.value(u"jobs"_s).toInt(&ok);
            if (!ok || base.parallelism < 1 || base.parallelism > 16)
                return ctx.usageError(tr("--jobs takes a number between 1 and 16"));
        }
        if (args.isSet(u"part-size"_s)) {
            base.partSize = parseByteSize(args.value(u"part-size"_s));
            if (base.partSize < 100 * 1024 || base.partSize > 5LL * 1024 * 1024 * 1024)
                return ctx.usageError(tr("--part-size takes a size between 100K and 5G, e.g. 8M"));
        }
        for (const QString& path : args.positional()) {
            const QFileInfo info(path);
            if (!info.isFile() || !info.isReadable())
                return ctx.usageError(tr("not a readable file: %1").arg(path));
        }
        auto* credentials = new PlatformUploadCredentials(&ctx.api(), &ctx, &ctx);
        auto state = std::make_shared<State>();
        state->files = args.positional();
        state->options = base;
        state->credentials = credentials;
        next(ctx, state);
    }

private:
    struct State
    {
        QStringList files;
        qsizetype index = 0;
        UploadOptions options;
        PlatformUploadCredentials* credentials = nullptr;
        QJsonArray results;
        ApiError firstError;
    };

    static void next(CliContext& ctx, std::shared_ptr<State> state)
    {
        if (state->index >= state->files.size()) {
            if (ctx.json())
                printJson(state->results);
            return state->firstError ? ctx.fail(state->firstError) : ctx.finish(ExitSuccess);
        }
        const QString path = state->files[state->index++];
        UploadOptions options = state->options;
        options.filePath = path;
        auto* job = new UploadJob(ctx.connection().network(), state->credentials, options);
        auto progress = std::make_shared<ProgressPrinter>(QFileInfo(path).fileName(), stderrIsTerminal());
        QObject::connect(job, &UploadJob::progress, &ctx, [progress](qint64 done, qint64 total) {
            progress->update(done, total);
        });
        QObject::connect(job, &UploadJob::notice, &ctx,
                         [](const QString& text) { printErr(u"bge: "_s + text + u'\n'); });
        job->run(&ctx, [&ctx, state, path, progress](const Result<UploadResult>& result) {
            // No speed for an upload that sent nothing: it would claim the bytes crossed.
            progress->finish(result.ok() && !result->alreadyUploaded);
            if (!result) {
                printErr(tr("bge: %1 was not uploaded").arg(path) + u'\n');
                if (!state->firstError)
                    state->firstError = result.error();
                else
                    printErr(u"bge: "_s + result.error().fullText() + u'\n');
            } else {
                const UploadResult& r = result.value();
                // CRC-64 as a decimal string: JSON numbers lose precision beyond 2^53.
                state->results.append(QJsonObject{{u"file"_s, QFileInfo(path).absoluteFilePath()},
                                                  {u"object_name"_s, r.objectName},
                                                  {u"size"_s, double(r.size)},
                                                  {u"crc64"_s, QString::number(r.crc64)},
                                                  {u"parts_sent"_s, r.partsSent},
                                                  {u"resumed"_s, r.resumed},
                                                  {u"already_uploaded"_s, r.alreadyUploaded}});
                if (r.alreadyUploaded) {
                    printErr(tr("bge: %1 is already uploaded (same size and CRC-64) as %2; nothing was sent")
                                 .arg(path, r.objectName)
                             + u'\n');
                }
                if (!ctx.json())
                    printOut(r.objectName + u'\n');
            }
            next(ctx, state);
        });
    }
};

class DownloadCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::DownloadCommand)

public:
    QString name() const override { return u"download"_s; }
    QString summary() const override { return tr("download an object (a sample's file, a result file)"); }
    QString usage() const override
    {
        return tr("Usage: bge download OBJECT_NAME [-o PATH] [--overwrite]\n\n"
                  "Downloads through a signed URL into PATH (default: the object's file name here), resuming\n"
                  "an interrupted download, and checks the size and CRC-64 before the file appears. An existing\n"
                  "file is not replaced unless --overwrite; one with the object's size and CRC-64 counts as\n"
                  "downloaded (nothing is fetched; --json says \"already_downloaded\": true).\n"
                  "  -o, --output PATH   file or folder to write to\n"
                  "  --overwrite         replace an existing file\n");
    }
    QList<OptionReader::Spec> options() const override
    {
        return {{u"output"_s, true, u'o'}, {u"overwrite"_s, false}};
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 1)
            return ctx.usageError(tr("give exactly one object name"), usage());
        const QString object = args.positional().first();
        const QString fileName = object.section(u'/', -1);
        if (fileName.isEmpty())
            return ctx.usageError(tr("not an object name: %1").arg(object));
        QString destination = args.isSet(u"output"_s) ? args.value(u"output"_s) : fileName;
        if (QFileInfo(destination).isDir())
            destination = QDir(destination).filePath(fileName);
        DownloadOptions options;
        options.overwrite = args.isSet(u"overwrite"_s);
        auto* job = new DownloadJob(&ctx.api(), object, QFileInfo(destination).absoluteFilePath(), options);
        auto progress = std::make_shared<ProgressPrinter>(fileName, stderrIsTerminal());
        QObject::connect(job, &DownloadJob::progress, &ctx,
                         [progress](qint64 done, qint64 total) { progress->update(done, total); });
        job->run(&ctx, [&ctx, progress](const Result<DownloadResult>& result) {
            // No speed for a download that fetched nothing: it would claim the bytes crossed.
            progress->finish(result.ok() && !result->alreadyDownloaded);
            if (!result)
                return ctx.fail(result.error());
            const DownloadResult& r = result.value();
            if (r.alreadyDownloaded)
                printErr(tr("bge: %1 is already downloaded (same size and CRC-64); nothing was fetched").arg(r.path) +
                         u'\n');
            if (ctx.json())
                printJson(QJsonObject{{u"file"_s, r.path},
                                      {u"size"_s, double(r.size)},
                                      {u"crc64"_s, QString::number(r.crc64)},
                                      {u"crc64_verified"_s, r.crc64Verified},
                                      {u"resumed_from"_s, double(r.resumedFrom)},
                                      {u"already_downloaded"_s, r.alreadyDownloaded}});
            else
                printOut(r.path + u'\n');
            ctx.finish(ExitSuccess);
        });
    }
};

} // namespace

void addTransferCommands(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<UploadCommand>());
    commands.push_back(std::make_unique<DownloadCommand>());
}

} // namespace bge::cli
