// upload: files to the platform's object storage, several small ones at once.
#include "command.h"
#include "output.h"
#include "transferbatch.h"
#include "transfercommands.h"

#include "transfer/connectionpool.h"
#include "transfer/uploadcredentials.h"
#include "transfer/uploadjob.h"

#include <QCoreApplication>
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
        return tr(
            "Usage: bge upload FILE… [--jobs N] [--part-size SIZE] [--overwrite]\n\n"
            "Each file goes to <destination>/<file name> of the platform's storage. Files of 100 MiB\n"
            "and more are sent in parts, N at a time (default 4), each checked by CRC-64, one file after\n"
            "the other; smaller files go in one request each, N files at a time (default 8). An interrupted\n"
            "upload resumes when the same command runs again. An existing object is not replaced\n"
            "unless --overwrite; one with the file's size and CRC-64 counts as uploaded (nothing is sent).\n"
            "With --json: [{\"file\", \"object_name\", \"size\", \"crc64\", \"parts_sent\", \"resumed\",\n"
            "\"already_uploaded\"}, …] in the order of the files (parts_sent: parts this run sent; resumed:\n"
            "an earlier run's parts were kept; already_uploaded: the object was there already).\n"
            "  --jobs N           parts, or small files, in flight at once (1–16)\n"
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
        int filesInFlight = FilesInFlight::kDefaultSingleRequestFiles;
        if (args.isSet(u"jobs"_s)) {
            bool ok = false;
            base.parallelism = args.value(u"jobs"_s).toInt(&ok);
            if (!ok || base.parallelism < 1 || base.parallelism > 16)
                return ctx.usageError(tr("--jobs takes a number between 1 and 16"));
            filesInFlight = base.parallelism;
        }
        if (args.isSet(u"part-size"_s)) {
            base.partSize = parseByteSize(args.value(u"part-size"_s));
            if (base.partSize < 100 * 1024 || base.partSize > 5LL * 1024 * 1024 * 1024)
                return ctx.usageError(tr("--part-size takes a size between 100K and 5G, e.g. 8M"));
        }
        QList<qint64> sizes;
        for (const QString& path : args.positional()) {
            const QFileInfo info(path);
            if (!info.isFile() || !info.isReadable())
                return ctx.usageError(tr("not a readable file: %1").arg(path));
            sizes.append(info.size());
        }
        const int count = int(args.positional().size());
        // One credentials object for the whole command: every file shares its STS token.
        auto* credentials = new PlatformUploadCredentials(&ctx.api(), &ctx, &ctx);
        auto state = std::make_shared<State>(count, ctx.json(), filesInFlight);
        state->files = args.positional();
        state->sizes = sizes;
        state->options = base;
        state->credentials = credentials;
        state->connections = new ConnectionPool(&ctx);
        startMore(ctx, state);
    }

private:
    struct State : TransferBatch
    {
        using TransferBatch::TransferBatch;
        QStringList files;
        QList<qint64> sizes;
        UploadOptions options;
        PlatformUploadCredentials* credentials = nullptr;
        ConnectionPool* connections = nullptr; // kept alive from one file to the next
    };

    static bool isMultipart(const State& state, qsizetype index)
    {
        const qint64 size = state.sizes[index];
        return size > 0 && size >= state.options.multipartThreshold;
    }

    // Starts the next files in the given order while they fit (see FilesInFlight); ends the
    // command once the last has finished.
    static void startMore(CliContext& ctx, const std::shared_ptr<State>& state)
    {
        while (state->next < state->files.size() &&
               state->inFlight.mayStart(isMultipart(*state, state->next)))
            start(ctx, state, int(state->next++));
        if (!state->isDone(state->files.size()))
            return;
        if (ctx.json())
            printJson(state->results.json());
        return state->firstError ? ctx.fail(state->firstError) : ctx.finish(ExitSuccess);
    }

    static void start(CliContext& ctx, std::shared_ptr<State> state, int index)
    {
        const QString path = state->files[index];
        const bool multipart = isMultipart(*state, index);
        state->inFlight.started(multipart);
        UploadOptions options = state->options;
        options.filePath = path;
        auto* job = new UploadJob(ctx.connection().network(), state->credentials, options);
        job->shareConnections(state->connections);
        const QString label = QFileInfo(path).fileName();
        QObject::connect(job, &UploadJob::progress, &ctx, [state, index, label](qint64 done, qint64 total) {
            state->progress.update(index, label, done, total);
        });
        QObject::connect(job, &UploadJob::notice, &ctx,
                         [](const QString& text) { printErr(u"bge: "_s + text + u'\n'); });
        job->run(&ctx, [&ctx, state, index, path, label, multipart](const Result<UploadResult>& result) {
            state->inFlight.finished(multipart);
            // No speed for an upload that sent nothing: it would claim the bytes crossed.
            state->progress.finish(index, label, result.ok() && !result->alreadyUploaded);
            if (!result) {
                printErr(tr("bge: %1 was not uploaded").arg(path) + u'\n');
                state->failed(index, result.error());
            } else {
                const UploadResult& r = result.value();
                if (r.alreadyUploaded) {
                    printErr(tr("bge: %1 is already uploaded (same size and CRC-64) as %2; nothing was sent")
                                 .arg(path, r.objectName) +
                             u'\n');
                }
                // CRC-64 as a decimal string: JSON numbers lose precision beyond 2^53.
                state->results.succeeded(index,
                                         QJsonObject{{u"file"_s, QFileInfo(path).absoluteFilePath()},
                                                     {u"object_name"_s, r.objectName},
                                                     {u"size"_s, double(r.size)},
                                                     {u"crc64"_s, QString::number(r.crc64)},
                                                     {u"parts_sent"_s, r.partsSent},
                                                     {u"resumed"_s, r.resumed},
                                                     {u"already_uploaded"_s, r.alreadyUploaded}},
                                         r.objectName);
            }
            startMore(ctx, state);
        });
    }
};

} // namespace

std::unique_ptr<Command> makeUploadCommand()
{
    return std::make_unique<UploadCommand>();
}

} // namespace bge::cli
