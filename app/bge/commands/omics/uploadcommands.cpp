// bge omics uploads, bge omics abort.
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

class OmicsUploadsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsUploadsCommand)

public:
    QString name() const override { return u"uploads"_s; }
    QString summary() const override { return tr("list the multipart read-set uploads in progress in a store"); }
    QString usage() const override
    {
        return tr("Usage: bge omics uploads STORE_ID [--parts] [--max-results N] [--next-token T] [--all]\n\n"
                  "  --parts                  also count each upload's parts so far (one more call per upload)\n")
               + omicscli::commonOptionsHelp();
    }
    QList<OptionReader::Spec> options() const override
    {
        return omicscli::withCommonOptions(
            {{u"parts"_s, false}, {u"max-results"_s, true}, {u"next-token"_s, true}, {u"all"_s, false}});
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 1)
            return ctx.usageError(tr("give exactly one sequence store id"), usage());
        const QString store = args.positional().first();
        ListOptions list;
        QString problem;
        if (!omicscli::readListOptions(args, &list.maxResults, &list.nextToken, &problem))
            return ctx.usageError(problem, usage());
        OmicsApi* api = omicscli::open(ctx, args);
        if (!api)
            return;
        const bool parts = args.isSet(u"parts"_s);
        omicscli::collectPages<ReadSetUpload>(
            ctx,
            [api, store, list](const QString& token) {
                ListOptions page = list;
                page.nextToken = token;
                return api->listUploads(store, page);
            },
            list.nextToken, args.isSet(u"all"_s), [&ctx, api, store, parts](const OmicsPage<ReadSetUpload>& page) {
                if (!parts || ctx.json())
                    return print(ctx, page, {});
                countParts(ctx, api, store, page, std::make_shared<QHash<QString, int>>(), 0);
            });
    }

private:
    // Parts of each upload, one source after the other, one upload after the other (the list
    // call's quota is 5 per second).
    static void countParts(CliContext& ctx, OmicsApi* api, const QString& store, const OmicsPage<ReadSetUpload>& page,
                           std::shared_ptr<QHash<QString, int>> counts, qsizetype index, int source = 1)
    {
        if (index >= page.items.size())
            return print(ctx, page, *counts);
        if (source > 2)
            return countParts(ctx, api, store, page, counts, index + 1, 1);
        const QString uploadId = page.items.at(index).uploadId;
        const QString partSource = source == 1 ? u"SOURCE1"_s : u"SOURCE2"_s;
        omicscli::collectPages<ReadSetUploadPart>(
            ctx,
            [api, store, uploadId, partSource](const QString& token) {
                ListOptions options;
                options.nextToken = token;
                return api->listUploadParts(store, uploadId, partSource, {}, options);
            },
            {}, true, [&ctx, api, store, page, counts, index, source, uploadId](const OmicsPage<ReadSetUploadPart>& parts) {
                (*counts)[uploadId] += int(parts.items.size());
                countParts(ctx, api, store, page, counts, index, source + 1);
            });
    }

    static void print(CliContext& ctx, const OmicsPage<ReadSetUpload>& page, const QHash<QString, int>& parts)
    {
        if (ctx.json()) {
            printJson(omicscli::pageJson(page, u"uploads"_s));
            return ctx.finish(ExitSuccess);
        }
        QStringList headers{tr("UPLOAD ID"), tr("NAME"), tr("TYPE"), tr("SUBJECT"), tr("SAMPLE"), tr("STARTED (UTC)")};
        if (!parts.isEmpty())
            headers.append(tr("PARTS"));
        TablePrinter table(headers);
        for (const ReadSetUpload& u : page.items) {
            QStringList row{u.uploadId, u.name, u.sourceFileType, u.subjectId, u.sampleId,
                            omicscli::shortTime(u.creationTime)};
            if (!parts.isEmpty())
                row.append(QString::number(parts.value(u.uploadId)));
            table.addRow(row);
        }
        printOut(table.render());
        omicscli::printListFooter(tr("%n upload(s) in progress shown", nullptr, int(page.items.size())), page.nextToken);
        ctx.finish(ExitSuccess);
    }
};

class OmicsAbortCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(bge::cli::OmicsAbortCommand)

public:
    QString name() const override { return u"abort"_s; }
    QString summary() const override { return tr("abort a multipart read-set upload, discarding its parts"); }
    QString usage() const override
    {
        return tr("Usage: bge omics abort STORE_ID UPLOAD_ID\n") + omicscli::commonOptionsHelp();
    }
    QList<OptionReader::Spec> options() const override { return omicscli::commonOptions(); }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 2)
            return ctx.usageError(tr("give a sequence store id and an upload id"), usage());
        OmicsApi* api = omicscli::open(ctx, args);
        if (!api)
            return;
        const QString upload = args.positional().at(1);
        call<Done>(ctx, api->abortUpload(args.positional().at(0), upload), [&ctx, upload](const Done&) {
            if (ctx.json())
                printJson(QJsonObject{{u"uploadId"_s, upload}, {u"aborted"_s, true}});
            else
                printErr(tr("Upload %1 aborted.").arg(upload) + u'\n');
            ctx.finish(ExitSuccess);
        });
    }
};

} // namespace

void addOmicsUploadCommands(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<OmicsUploadsCommand>());
    commands.push_back(std::make_unique<OmicsAbortCommand>());
}

} // namespace bge::cli
