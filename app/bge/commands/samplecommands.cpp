// samples, sample, externals, register-sample, improve-sample.
#include "command.h"

#include <QCoreApplication>
#include "commandregistry.h"
#include "output.h"
#include "tableprinter.h"

#include "api/platformcodes.h"

namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {

QString coded(const CodedValue& v)
{
    if (!v.isSet())
        return {};
    return v.display.isEmpty() ? QString::number(v.code) : v.display;
}

// "--sites blood,11" → [11, 11]; a word that is neither a code nor a known name is an error.
bool readCodes(const OptionReader& args, const QString& option, const QList<PlatformCode>& table, QList<int>* out,
               QString* problem)
{
    for (const QString& item : args.list(option)) {
        const std::optional<int> code = codeFromText(table, item);
        if (!code) {
            QStringList names;
            for (const PlatformCode& c : table)
                names.append(u"%1=%2"_s.arg(c.code).arg(c.name));
            *problem = tr("--%1: unknown value \"%2\" (known: %3)").arg(option, item, names.join(u", "_s));
            return false;
        }
        out->append(*code);
    }
    return true;
}

std::optional<bool> readYesNo(const QString& text, bool* ok)
{
    const QString t = text.trimmed().toLower();
    *ok = true;
    if (t == u"yes" || t == u"true" || t == u"1")
        return true;
    if (t == u"no" || t == u"false" || t == u"0")
        return false;
    *ok = false;
    return std::nullopt;
}

class SamplesCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::SamplesCommand)

public:
    QString name() const override { return u"samples"_s; }
    QString summary() const override { return tr("list samples, with every filter of the platform"); }
    QString usage() const override
    {
        return tr("Usage: bge samples [filters] [--page N] [--limit N] [--all]\n\n"
                  "Filters (repeat an option or separate values with commas):\n"
                  "  --ids ID…                biosample ids\n"
                  "  --sites SITE…            biosample sites, by code (1–15) or name (blood, feces, saliva…)\n"
                  "  --omics OMICS…           1 genomics, 2 metagenomics\n"
                  "  --organisms ORGANISM…    1 human, 2 mouse, 3 rat\n"
                  "  --projects PROJECT…      project ids\n"
                  "  --statuses STATUS…       status codes (1001, 2001, 3001, 4001, 5001, 9001)\n"
                  "  --data-availability yes|no\n"
                  "  --with-files             include each sample's result files\n"
                  "Paging:\n"
                  "  --page N                 page to show (default 1)\n"
                  "  --limit N                samples per page (1–100, default 50)\n"
                  "  --all                    follow the pages to the end\n");
    }
    QList<OptionReader::Spec> options() const override
    {
        return {{u"ids"_s, true},      {u"sites"_s, true},    {u"omics"_s, true},
                {u"organisms"_s, true}, {u"projects"_s, true}, {u"statuses"_s, true},
                {u"data-availability"_s, true}, {u"with-files"_s, false}, {u"page"_s, true},
                {u"limit"_s, true},     {u"all"_s, false}};
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (!args.positional().isEmpty())
            return ctx.usageError(tr("unexpected argument \"%1\"").arg(args.positional().first()), usage());
        SampleQuery q;
        QString problem;
        q.biosampleIds = args.list(u"ids"_s);
        q.projectIds = args.list(u"projects"_s);
        q.requireFiles = args.isSet(u"with-files"_s);
        if (!readCodes(args, u"sites"_s, biosampleSiteCodes(), &q.sites, &problem)
            || !readCodes(args, u"omics"_s, omicsCodes(), &q.omics, &problem)
            || !readCodes(args, u"organisms"_s, organismCodes(), &q.organisms, &problem)
            || !readCodes(args, u"statuses"_s, sampleStatusCodes(), &q.statuses, &problem))
            return ctx.usageError(problem, usage());
        if (args.isSet(u"data-availability"_s)) {
            bool ok = false;
            q.dataAvailability = readYesNo(args.value(u"data-availability"_s), &ok);
            if (!ok)
                return ctx.usageError(tr("--data-availability takes yes or no"));
        }
        PageToken page;
        int limit = 50;
        if (!readPaging(args, 100, &page, &limit, &problem))
            return ctx.usageError(problem, usage());
        PlatformApi& api = ctx.api();
        collectPages<Sample>(
            ctx, [&api, q, limit](const PageToken& p) { return api.samples(q, p, limit); }, page,
            args.isSet(u"all"_s), [&ctx](const Page<Sample>& result) { print(ctx, result); });
    }

private:
    static void print(CliContext& ctx, const Page<Sample>& page)
    {
        if (ctx.json()) {
            printJson(pageJson(page));
            return ctx.finish(ExitSuccess);
        }
        TablePrinter table({tr("BIOSAMPLE ID"), tr("SITE"), tr("OMICS"), tr("ORGANISM"), tr("STATUS"), tr("PROJECT"),
                            tr("COLLECTED"), tr("DATA"), tr("FILES")});
        for (const Sample& s : page.items) {
            table.addRow({s.biosampleId, coded(s.site), coded(s.omic), coded(s.organism), coded(s.status),
                          s.projectIds().join(u','), s.collectionTime.left(10), yesNo(s.dataAvailability),
                          s.filesRequested ? QString::number(s.files.size()) : QString()});
        }
        printOut(table.render());
        QString footer = tr("%n sample(s) shown", nullptr, int(page.items.size()));
        if (page.total)
            footer += tr(" of %1").arg(*page.total);
        if (page.next)
            footer += tr("; next page: --page %1").arg(page.next->toString());
        printErr(footer + u'\n');
        ctx.finish(ExitSuccess);
    }
};

class SampleCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::SampleCommand)

public:
    QString name() const override { return u"sample"_s; }
    QString summary() const override { return tr("show one sample in full, with its files"); }
    QString usage() const override { return tr("Usage: bge sample BIOSAMPLE_ID\n"); }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 1)
            return ctx.usageError(tr("give exactly one biosample id"), usage());
        call<Sample>(ctx, ctx.api().sample(args.positional().first(), true), [&ctx](const Sample& s) {
            if (ctx.json()) {
                printJson(s.raw);
                return ctx.finish(ExitSuccess);
            }
            QStringList projects;
            for (const SampleProject& p : s.projects)
                projects.append(p.projectName.isEmpty() ? p.projectId : u"%1 (%2)"_s.arg(p.projectId, p.projectName));
            const auto seq = [&s](const char* key) {
                QStringList items;
                for (const QJsonValue& v : s.sequencing.value(QLatin1StringView(key)).toArray())
                    items.append(v.toVariant().toString());
                return items.join(u", "_s);
            };
            const auto stat = [&s](const char* key) {
                const QJsonValue v = s.statistics.value(QLatin1StringView(key));
                return v.isDouble() ? QString::number(v.toDouble(), 'g', 10) : QString();
            };
            printOut(renderFields({{tr("Biosample id"), s.biosampleId},
                                   {tr("External id"), s.externalSampleId},
                                   {tr("Organism"), coded(s.organism)},
                                   {tr("Site"), coded(s.site)},
                                   {tr("Omics"), coded(s.omic)},
                                   {tr("Status"), s.status.isSet() ? u"%1 (%2)"_s.arg(coded(s.status)).arg(s.status.code) : QString()},
                                   {tr("Projects"), projects.join(u"; "_s)},
                                   {tr("Collected"), s.collectionTime},
                                   {tr("Updated"), s.updateTime},
                                   {tr("Data available"), yesNo(s.dataAvailability)},
                                   {tr("Primary"), yesNo(s.primary)},
                                   {tr("Platform"), seq("platform")},
                                   {tr("Instrument"), seq("instrument_model")},
                                   {tr("Read type"), seq("read_type")},
                                   {tr("Sequenced"), seq("sequencing_time")},
                                   {tr("Depth"), stat("depth")},
                                   {tr("Coverage"), stat("coverage")},
                                   {tr("Base pairs (Gb)"), stat("base_pairs")},
                                   {tr("Variants"), stat("variant_counting")},
                                   {tr("Human contamination"), stat("human_contamination")}}));
            if (!s.files.isEmpty()) {
                TablePrinter files({tr("FILE"), tr("TYPE"), tr("FORMAT"), tr("SIZE"), tr("OBJECT NAME")});
                files.setMaxColumnWidth(120);
                for (const SampleFile& f : s.files)
                    files.addRow({f.fileName, f.dataType, f.format, f.size >= 0 ? QString::number(f.size) : QString(),
                                  f.objectName});
                printOut(u'\n' + files.render());
            }
            ctx.finish(ExitSuccess);
        });
    }
};

class ExternalsCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::ExternalsCommand)

public:
    QString name() const override { return u"externals"_s; }
    QString summary() const override { return tr("find biosample ids by external sample ids"); }
    QString usage() const override
    {
        return tr("Usage: bge externals EXTERNAL_ID… --project PROJECT_ID [--site SITE]\n");
    }
    QList<OptionReader::Spec> options() const override { return {{u"site"_s, true}, {u"project"_s, true}}; }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        ExternalIdQuery q;
        for (const QString& a : args.positional())
            q.externalIds += splitItems(a);
        if (q.externalIds.isEmpty())
            return ctx.usageError(tr("give at least one external sample id"), usage());
        if (args.isSet(u"site"_s)) {
            q.site = codeFromText(biosampleSiteCodes(), args.value(u"site"_s));
            if (!q.site)
                return ctx.usageError(tr("--site: unknown site \"%1\"").arg(args.value(u"site"_s)));
        }
        // The platform maps external ids within one project (41001 without one): said here
        // before anything is sent, with the option to add.
        q.projectId = args.value(u"project"_s).trimmed();
        if (q.projectId.isEmpty())
            return ctx.usageError(tr("external sample ids are looked up within a project: add --project PROJECT_ID"),
                                  usage());
        call<QList<ExternalIdMapping>>(ctx, ctx.api().externals(q), [&ctx](const QList<ExternalIdMapping>& list) {
            if (ctx.json()) {
                QJsonArray a;
                for (const ExternalIdMapping& m : list)
                    a.append(m.raw);
                printJson(a);
                return ctx.finish(ExitSuccess);
            }
            TablePrinter table({tr("EXTERNAL ID"), tr("BIOSAMPLE ID")});
            for (const ExternalIdMapping& m : list)
                table.addRow({m.externalSampleId, m.biosampleId});
            printOut(table.render());
            ctx.finish(ExitSuccess);
        });
    }
};

class RegisterSampleCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::RegisterSampleCommand)

public:
    QString name() const override { return u"register-sample"_s; }
    QString summary() const override { return tr("register a new sample"); }
    QString usage() const override
    {
        return tr("Usage: bge register-sample --external-id ID --site SITE --project PROJECT_ID\n"
                  "                           [--allow-duplicate] [field=value…]\n\n"
                  "Prints the new biosample id. Extra fields (library_strategy=WGS, …) are sent as given.\n");
    }
    QList<OptionReader::Spec> options() const override
    {
        return {{u"external-id"_s, true}, {u"site"_s, true}, {u"project"_s, true}, {u"allow-duplicate"_s, false}};
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        SampleRegistration r;
        r.externalSampleId = args.value(u"external-id"_s);
        r.projectId = args.value(u"project"_s);
        r.duplicateEnabled = args.isSet(u"allow-duplicate"_s);
        const std::optional<int> site = codeFromText(biosampleSiteCodes(), args.value(u"site"_s));
        if (r.externalSampleId.isEmpty() || r.projectId.isEmpty() || !site)
            return ctx.usageError(tr("--external-id, --site and --project are required"), usage());
        r.site = *site;
        QString problem;
        if (!parseAssignments(args.positional(), &r.extraFields, &problem))
            return ctx.usageError(problem, usage());
        call<QString>(ctx, ctx.api().registerSample(r), [&ctx](const QString& id) {
            if (ctx.json())
                printJson(id);
            else
                printOut(id + u'\n');
            ctx.finish(ExitSuccess);
        });
    }
};

class ImproveSampleCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::ImproveSampleCommand)

public:
    QString name() const override { return u"improve-sample"_s; }
    QString summary() const override { return tr("fill in fields of a sample that are still empty"); }
    QString usage() const override
    {
        return tr("Usage: bge improve-sample BIOSAMPLE_ID field=value…\n\n"
                  "Only fields that are still empty can be set: the platform refuses changes.\n"
                  "Fields: library_id, library_strategy, library_source, library_selection, library_layout, …\n");
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() < 2)
            return ctx.usageError(tr("give a biosample id and at least one field=value"), usage());
        QList<std::pair<QString, QString>> fields;
        QString problem;
        if (!parseAssignments(args.positional().mid(1), &fields, &problem))
            return ctx.usageError(problem, usage());
        const QString id = args.positional().first();
        call<Done>(ctx, ctx.api().improveSample(id, fields), [&ctx, id, fields](const Done&) {
            if (ctx.json()) {
                printJson(QJsonValue(QJsonValue::Null));
            } else {
                QStringList names;
                for (const auto& f : fields)
                    names.append(f.first);
                printErr(tr("Updated %1: %2\n").arg(id.toUpper(), names.join(u", "_s)));
            }
            ctx.finish(ExitSuccess);
        });
    }
};

} // namespace

void addSampleCommands(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<SamplesCommand>());
    commands.push_back(std::make_unique<SampleCommand>());
    commands.push_back(std::make_unique<ExternalsCommand>());
    commands.push_back(std::make_unique<RegisterSampleCommand>());
    commands.push_back(std::make_unique<ImproveSampleCommand>());
}

} // namespace bge::cli
