// download: objects of the platform's storage to files, several at once.
#include "command.h"
#include "output.h"
#include "transferbatch.h"
#include "transfercommands.h"

#include "transfer/downloadjob.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {

class DownloadCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::DownloadCommand)

public:
    QString name() const override { return u"download"_s; }
    QString summary() const override { return tr("download objects (a sample's files, result files)"); }
    QString usage() const override
    {
        return tr(
            "Usage: bge download OBJECT_NAME… [-o PATH] [--overwrite] [--jobs N]\n\n"
            "Downloads through a signed URL into PATH (default: the object's file name here), resuming\n"
            "an interrupted download, and checks the size and CRC-64 before the file appears. An existing\n"
            "file is not replaced unless --overwrite; one with the object's size and CRC-64 counts as\n"
            "downloaded (nothing is fetched; --json says \"already_downloaded\": true). Several objects go\n"
            "into one folder (PATH, default here), N at a time; --json then gives a list, in their order.\n"
            "  -o, --output PATH   file or folder to write to (a folder for several objects)\n"
            "  --overwrite         replace an existing file\n"
            "  --jobs N            objects in flight at once (1–16, default 8)\n");
    }
    QList<OptionReader::Spec> options() const override
    {
        return {{u"output"_s, true, u'o'}, {u"overwrite"_s, false}, {u"jobs"_s, true}};
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        const QStringList objects = args.positional();
        if (objects.isEmpty())
            return ctx.usageError(tr("give at least one object name"), usage());
        int filesInFlight = FilesInFlight::kDefaultSingleRequestFiles;
        if (args.isSet(u"jobs"_s)) {
            bool ok = false;
            filesInFlight = args.value(u"jobs"_s).toInt(&ok);
            if (!ok || filesInFlight < 1 || filesInFlight > 16)
                return ctx.usageError(tr("--jobs takes a number between 1 and 16"));
        }
        const QString output = args.isSet(u"output"_s) ? args.value(u"output"_s) : QString();
        if (objects.size() > 1 && !output.isEmpty() && !QFileInfo(output).isDir())
            return ctx.usageError(tr("several objects go into a folder: %1 is not one").arg(output));
        QStringList destinations;
        QSet<QString> taken;
        for (const QString& object : objects) {
            const QString fileName = object.section(u'/', -1);
            if (fileName.isEmpty())
                return ctx.usageError(tr("not an object name: %1").arg(object));
            QString destination = output.isEmpty() ? fileName : output;
            if (QFileInfo(destination).isDir())
                destination = QDir(destination).filePath(fileName);
            destination = QFileInfo(destination).absoluteFilePath();
            // Two objects of one name would be written into the same file.
            if (taken.contains(destination))
                return ctx.usageError(tr("two objects would be written to %1").arg(destination));
            taken.insert(destination);
            destinations.append(destination);
        }
        auto state = std::make_shared<State>(int(objects.size()), ctx.json(), filesInFlight);
        state->objects = objects;
        state->destinations = destinations;
        state->options.overwrite = args.isSet(u"overwrite"_s);
        startMore(ctx, state);
    }

private:
    struct State : TransferBatch
    {
        using TransferBatch::TransferBatch;
        QStringList objects;
        QStringList destinations;
        DownloadOptions options;
    };

    // Every download is one GET at a time: they all count as single-request files.
    static void startMore(CliContext& ctx, const std::shared_ptr<State>& state)
    {
        while (state->next < state->objects.size() && state->inFlight.mayStart(false))
            start(ctx, state, int(state->next++));
        if (!state->isDone(state->objects.size()))
            return;
        if (ctx.json()) {
            // One object keeps the single JSON object it always had; several give a list.
            const QJsonArray list = state->results.json();
            if (state->objects.size() > 1)
                printJson(list);
            else if (!list.isEmpty())
                printJson(list.first());
        }
        return state->firstError ? ctx.fail(state->firstError) : ctx.finish(ExitSuccess);
    }

    static void start(CliContext& ctx, std::shared_ptr<State> state, int index)
    {
        const QString object = state->objects[index];
        const QString label = object.section(u'/', -1);
        state->inFlight.started(false);
        auto* job = new DownloadJob(&ctx.api(), object, state->destinations[index], state->options);
        QObject::connect(job, &DownloadJob::progress, &ctx, [state, index, label](qint64 done, qint64 total) {
            state->progress.update(index, label, done, total);
        });
        job->run(&ctx, [&ctx, state, index, object, label](const Result<DownloadResult>& result) {
            state->inFlight.finished(false);
            // No speed for a download that fetched nothing: it would claim the bytes crossed.
            state->progress.finish(index, label, result.ok() && !result->alreadyDownloaded);
            if (!result) {
                // Alone, the error says it all (as it always did); among several, which one failed.
                if (state->objects.size() > 1)
                    printErr(tr("bge: %1 was not downloaded").arg(object) + u'\n');
                state->failed(index, result.error());
            } else {
                const DownloadResult& r = result.value();
                if (r.alreadyDownloaded)
                    printErr(tr("bge: %1 is already downloaded (same size and CRC-64); nothing was fetched")
                                 .arg(r.path) +
                             u'\n');
                state->results.succeeded(index,
                                         QJsonObject{{u"file"_s, r.path},
                                                     {u"size"_s, double(r.size)},
                                                     {u"crc64"_s, QString::number(r.crc64)},
                                                     {u"crc64_verified"_s, r.crc64Verified},
                                                     {u"resumed_from"_s, double(r.resumedFrom)},
                                                     {u"already_downloaded"_s, r.alreadyDownloaded}},
                                         r.path);
            }
            startMore(ctx, state);
        });
    }
};

} // namespace

std::unique_ptr<Command> makeDownloadCommand()
{
    return std::make_unique<DownloadCommand>();
}

} // namespace bge::cli
