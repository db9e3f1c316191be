// taxa, functions, genes: microbiome abundance of a metagenomic sample.
#include "command.h"

#include <QCoreApplication>
#include "commandregistry.h"
#include "output.h"
#include "tableprinter.h"

namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxAbundanceLimit = 1000;

QList<OptionReader::Spec> pagingOptions(const QString& idsOption)
{
    return {{idsOption, true}, {u"page"_s, true}, {u"limit"_s, true}, {u"all"_s, false}};
}

QString percent(const Observation& o)
{
    return o.value ? QString::number(*o.value, 'g', 6) : QString();
}

// The shared part of taxa, functions and genes: --page/--limit/--all, then one page or all.
template <typename T>
void fetchPages(CliContext& ctx, const OptionReader& args, const QString& usage,
                std::function<Job<Page<T>>*(const PageToken&, int limit)> fetch, std::function<void(const Page<T>&)> print)
{
    PageToken page;
    int limit = 50;
    QString problem;
    if (!readPaging(args, kMaxAbundanceLimit, &page, &limit, &problem))
        return ctx.usageError(problem, usage);
    collectPages<T>(
        ctx, [fetch, limit](const PageToken& p) { return fetch(p, limit); }, page, args.isSet(u"all"_s), std::move(print));
}

// Functions and genes: {"result", "count", "next_page", "limit"} as the platform sends them.
template <typename T>
void printCursorPageJson(const Page<T>& page)
{
    QJsonObject o = pageJson(page);
    if (page.limit)
        o.insert(u"limit"_s, double(*page.limit));
    printJson(o);
}

template <typename T>
void printFooter(const Page<T>& page)
{
    QString footer = tr("%n record(s)", nullptr, int(page.items.size()));
    if (page.total)
        footer += tr(" of %1").arg(*page.total);
    if (page.next)
        footer += tr("; next page: --page %1").arg(page.next->toString());
    printErr(footer + u'\n');
}

class TaxaCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::TaxaCommand)

public:
    QString name() const override { return u"taxa"_s; }
    QString summary() const override { return tr("taxon abundance of a sample, against its reference cohort"); }
    QString usage() const override
    {
        return tr("Usage: bge taxa BIOSAMPLE_ID [--taxon TAXON_ID…] [--page N] [--limit N] [--all]\n");
    }
    QList<OptionReader::Spec> options() const override { return pagingOptions(u"taxon"_s); }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 1)
            return ctx.usageError(tr("give exactly one biosample id"), usage());
        const QString id = args.positional().first();
        const QStringList taxa = args.list(u"taxon"_s);
        PlatformApi& api = ctx.api();
        fetchPages<TaxonAbundance>(
            ctx, args, usage(), [&api, id, taxa](const PageToken& p, int limit) { return api.taxonAbundance(id, taxa, p, limit); },
            [&ctx](const Page<TaxonAbundance>& result) {
                if (ctx.json()) {
                    // Taxa come as a bare list in `data` (paging is a sibling): print the list.
                    QJsonArray a;
                    for (const TaxonAbundance& t : result.items)
                        a.append(t.raw);
                    printJson(a);
                    return ctx.finish(ExitSuccess);
                }
                TablePrinter table({tr("TAXON ID"), tr("RANK"), tr("NAME"), tr("ABUNDANCE %"), tr("COHORT MEDIAN"),
                                    tr("COHORT 5–95%"), tr("RANK RATIO")});
                for (const TaxonAbundance& t : result.items) {
                    const auto& pct = t.background.percentiles;
                    const QString range = pct.contains(5) && pct.contains(95)
                                              ? u"%1–%2"_s.arg(QString::number(pct[5], 'g', 4), QString::number(pct[95], 'g', 4))
                                              : QString();
                    table.addRow({t.taxonId, t.rank, t.taxonName, percent(t.observation),
                                  pct.contains(50) ? QString::number(pct[50], 'g', 4) : QString(), range,
                                  t.background.rankRatio});
                }
                printOut(table.render());
                printFooter(result);
                ctx.finish(ExitSuccess);
            });
    }
};

class FunctionsCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::FunctionsCommand)

public:
    QString name() const override { return u"functions"_s; }
    QString summary() const override { return tr("function abundance of a sample in one catalog"); }
    QString usage() const override
    {
        return tr("Usage: bge functions BIOSAMPLE_ID CATALOG [--ids ID…] [--page CURSOR] [--limit N] [--all]\n\n"
                  "Catalogs: %1\n").arg(functionCatalogs().join(u", "_s));
    }
    QList<OptionReader::Spec> options() const override { return pagingOptions(u"ids"_s); }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 2)
            return ctx.usageError(tr("give a biosample id and a catalog"), usage());
        const QString catalog = args.positional()[1];
        if (!functionCatalogs().contains(catalog))
            return ctx.usageError(tr("unknown catalog \"%1\"").arg(catalog), usage());
        const QString id = args.positional().first();
        const QStringList ids = args.list(u"ids"_s);
        PlatformApi& api = ctx.api();
        fetchPages<FunctionAbundance>(
            ctx, args, usage(),
            [&api, id, catalog, ids](const PageToken& p, int limit) { return api.functionAbundance(id, catalog, ids, p, limit); },
            [&ctx](const Page<FunctionAbundance>& result) {
                if (ctx.json()) {
                    printCursorPageJson(result);
                    return ctx.finish(ExitSuccess);
                }
                TablePrinter table({tr("ID"), tr("NAME"), tr("ABUNDANCE %"), tr("SYSTEM")});
                for (const FunctionAbundance& f : result.items)
                    table.addRow({f.functionId, f.name, percent(f.observation), f.system});
                printOut(table.render());
                printFooter(result);
                ctx.finish(ExitSuccess);
            });
    }
};

class GenesCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::GenesCommand)

public:
    QString name() const override { return u"genes"_s; }
    QString summary() const override { return tr("gene abundance of a sample (a list, or result files)"); }
    QString usage() const override
    {
        return tr("Usage: bge genes BIOSAMPLE_ID CATALOG TYPE [--ids ID…] [--page CURSOR] [--limit N] [--all]\n\n"
                  "Catalogs: %1. Types: list, file (UniRef90_HUMAnN2_0.11 supports file only).\n")
            .arg(geneCatalogs().join(u", "_s));
    }
    QList<OptionReader::Spec> options() const override { return pagingOptions(u"ids"_s); }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().size() != 3)
            return ctx.usageError(tr("give a biosample id, a catalog and a type"), usage());
        const QString catalog = args.positional()[1];
        const QString type = args.positional()[2];
        if (!geneCatalogs().contains(catalog))
            return ctx.usageError(tr("unknown catalog \"%1\"").arg(catalog), usage());
        if (!geneDataTypes().contains(type))
            return ctx.usageError(tr("the type is list or file, not \"%1\"").arg(type), usage());
        const QString id = args.positional().first();
        const QStringList ids = args.list(u"ids"_s);
        PlatformApi& api = ctx.api();
        fetchPages<GeneAbundance>(
            ctx, args, usage(),
            [&api, id, catalog, type, ids](const PageToken& p, int limit) {
                return api.geneAbundance(id, catalog, type, ids, p, limit);
            },
            [&ctx, type](const Page<GeneAbundance>& result) {
                if (ctx.json()) {
                    printCursorPageJson(result);
                    return ctx.finish(ExitSuccess);
                }
                if (type == u"file") {
                    TablePrinter table({tr("FILE"), tr("SIZE"), tr("MD5"), tr("OBJECT NAME")});
                    table.setMaxColumnWidth(120);
                    for (const GeneAbundance& g : result.items)
                        table.addRow({g.fileName, g.fileSize >= 0 ? QString::number(g.fileSize) : QString(), g.fileMd5,
                                      g.fileObjectName});
                    printOut(table.render());
                } else {
                    TablePrinter table({tr("GENE ID"), tr("GENE NAME"), tr("ABUNDANCE %"), tr("KEGG"), tr("GENUS")});
                    for (const GeneAbundance& g : result.items)
                        table.addRow({g.geneId, g.geneName, percent(g.observation),
                                      g.annotation.value(u"kegg_annotation").toString(),
                                      g.annotation.value(u"genus").toString()});
                    printOut(table.render());
                }
                printFooter(result);
                ctx.finish(ExitSuccess);
            });
    }
};

} // namespace

void addAbundanceCommands(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<TaxaCommand>());
    commands.push_back(std::make_unique<FunctionsCommand>());
    commands.push_back(std::make_unique<GenesCommand>());
}

} // namespace bge::cli
