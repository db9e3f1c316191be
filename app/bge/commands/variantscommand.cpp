// variants: genotypes at rsids for one sample.
#include "command.h"

#include <QCoreApplication>
#include "commandregistry.h"
#include "output.h"
#include "tableprinter.h"

#include <QFile>

namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {

QString frequencyOf(const Variant& v)
{
    // The alternate allele's frequency from the first population that has one (TOPMED, CAF, …).
    for (const QString& population : {u"TOPMED"_s, u"CAF"_s, u"GnomAD"_s}) {
        const QJsonArray f = v.frequencies.value(population).toArray();
        if (f.size() >= 2 && f[1].isDouble())
            return u"%1 %2"_s.arg(QString::number(f[1].toDouble(), 'f', 4), population);
    }
    return {};
}

class VariantsCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::VariantsCommand)

public:
    QString name() const override { return u"variants"_s; }
    QString summary() const override { return tr("genotypes of a sample at the given rsids"); }
    QString usage() const override
    {
        return tr("Usage: bge variants BIOSAMPLE_ID RSID… [--file FILE]\n\n"
                  "Rsids may be separated by spaces, commas or new lines; --file reads them from a file\n"
                  "(\"-\" for standard input). More than 100 are sent in several calls.\n");
    }
    QList<OptionReader::Spec> options() const override { return {{u"file"_s, true}}; }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().isEmpty())
            return ctx.usageError(tr("give a biosample id and rsids"), usage());
        const QString id = args.positional().first();
        QStringList rsids;
        for (const QString& a : args.positional().mid(1))
            rsids += splitItems(a);
        if (args.isSet(u"file"_s)) {
            QFile file(args.value(u"file"_s));
            const bool opened = args.value(u"file"_s) == u"-" ? file.open(stdin, QIODevice::ReadOnly)
                                                                 : file.open(QIODevice::ReadOnly);
            if (!opened)
                return ctx.usageError(tr("cannot read %1: %2").arg(args.value(u"file"_s), file.errorString()));
            rsids += splitItems(QString::fromUtf8(file.read(16 * 1024 * 1024)));
        }
        if (rsids.isEmpty())
            return ctx.usageError(tr("give at least one rsid"), usage());
        for (QString& r : rsids)
            r = r.toLower();
        if (const QStringList bad = PlatformApi::invalidRsids(rsids); !bad.isEmpty())
            return ctx.usageError(tr("not an rsid (rs followed by digits): %1").arg(bad.join(u", "_s)));

        call<QList<Variant>>(ctx, ctx.api().variants(id, rsids), [&ctx](const QList<Variant>& variants) {
            if (ctx.json()) {
                QJsonArray a;
                for (const Variant& v : variants)
                    a.append(v.raw);
                printJson(a);
                return ctx.finish(ExitSuccess);
            }
            TablePrinter table({tr("RSID"), tr("GENE"), tr("POSITION"), tr("REF"), tr("ALT"), tr("GENOTYPE"),
                                tr("ZYGOSITY"), tr("DP"), tr("GQ"), tr("ALT FREQ")});
            for (const Variant& v : variants) {
                const QString position = v.position ? u"%1:%2"_s.arg(v.chromosome).arg(*v.position) : v.chromosome;
                const QString genotype = v.isNoCall.value_or(false) ? tr("no call") : v.genotype;
                table.addRow({v.rsid, v.genes.join(u','), position, v.referenceBase, v.alternateBases.join(u','),
                              genotype, v.zygosity(), optional(v.depth), optional(v.genotypeQuality),
                              frequencyOf(v)});
            }
            printOut(table.render());
            printErr(tr("%n variant(s)", nullptr, int(variants.size())) + u'\n');
            ctx.finish(ExitSuccess);
        });
    }
};

} // namespace

void addVariantsCommand(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<VariantsCommand>());
}

} // namespace bge::cli
