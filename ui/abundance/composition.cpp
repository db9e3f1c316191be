#include "composition.h"

#include "taxonabundancemodel.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

const QStringList& rankOrder()
{
    static const QStringList kRanks{u"kingdom"_s, u"phylum"_s, u"class"_s,   u"order"_s,
                                    u"family"_s,  u"genus"_s,  u"species"_s, u"strain"_s};
    return kRanks;
}

} // namespace

QStringList inTreeOrder(const QStringList& present)
{
    QStringList ranks;
    for (const QString& r : rankOrder()) {
        if (present.contains(r))
            ranks.append(r);
    }
    for (const QString& r : present) {
        if (!ranks.contains(r))
            ranks.append(r);
    }
    return ranks;
}

QString rankDisplayName(const QString& rank)
{
    static const char* const kNames[] = {
        QT_TRANSLATE_NOOP("bge::ui::Rank", "kingdom"), QT_TRANSLATE_NOOP("bge::ui::Rank", "phylum"),
        QT_TRANSLATE_NOOP("bge::ui::Rank", "class"),   QT_TRANSLATE_NOOP("bge::ui::Rank", "order"),
        QT_TRANSLATE_NOOP("bge::ui::Rank", "family"),  QT_TRANSLATE_NOOP("bge::ui::Rank", "genus"),
        QT_TRANSLATE_NOOP("bge::ui::Rank", "species"), QT_TRANSLATE_NOOP("bge::ui::Rank", "strain")};
    for (const char* name : kNames) {
        if (rank == QLatin1StringView(name))
            return QCoreApplication::translate("bge::ui::Rank", name);
    }
    return rank;
}

QStringList Composition::ranksIn(const QList<std::pair<QString, QList<bge::TaxonAbundance>>>& profiles)
{
    QStringList present;
    for (const auto& [id, taxa] : profiles) {
        for (const bge::TaxonAbundance& t : taxa) {
            if (!t.rank.isEmpty() && !present.contains(t.rank))
                present.append(t.rank);
        }
    }
    return inTreeOrder(present);
}

Composition Composition::build(const QString& rank,
                               const QList<std::pair<QString, QList<bge::TaxonAbundance>>>& profiles)
{
    Composition c;
    c.rank = rank;
    const qsizetype sampleCount = profiles.size();
    QHash<QString, qsizetype> rowOf; // taxon id → row
    for (qsizetype s = 0; s < sampleCount; ++s) {
        const auto& [id, taxa] = profiles[s];
        c.samples.append(id);
        double total = 0;
        for (const bge::TaxonAbundance& t : taxa) {
            if (t.rank != rank || !t.observation.value)
                continue;
            // A taxon without an id is told apart by its name.
            const QString key = t.taxonId.isEmpty() ? u"name:"_s + t.taxonName : t.taxonId;
            auto row = rowOf.constFind(key);
            if (row == rowOf.constEnd()) {
                Taxon taxon{t.taxonId, TaxonAbundanceModel::readableName(t.taxonName), t.lineage,
                            QList<std::optional<double>>(sampleCount), 0};
                row = rowOf.insert(key, c.taxa.size());
                c.taxa.append(std::move(taxon));
            }
            std::optional<double>& cell = c.taxa[*row].values[s];
            // A taxon listed twice for one sample counts once, as its first record says.
            if (!cell) {
                cell = *t.observation.value;
                total += *t.observation.value;
            }
        }
        c.totals.append(total);
    }
    for (Taxon& t : c.taxa) {
        double sum = 0;
        for (const auto& v : std::as_const(t.values))
            sum += v.value_or(0);
        t.mean = sampleCount ? sum / double(sampleCount) : 0;
    }
    std::stable_sort(c.taxa.begin(), c.taxa.end(),
                     [](const Taxon& a, const Taxon& b) { return a.mean > b.mean; });
    return c;
}

Composition::Stacks Composition::stacks(int topCount, const QString& otherLabel) const
{
    Stacks s;
    const qsizetype shown = std::min<qsizetype>(std::max(topCount, 0), taxa.size());
    for (qsizetype i = 0; i < shown; ++i) {
        s.labels.append(taxa[i].name);
        QList<double> row;
        for (const auto& v : taxa[i].values)
            row.append(v.value_or(0));
        s.values.append(row);
    }
    if (shown < taxa.size()) {
        QList<double> other(samples.size(), 0.0);
        for (qsizetype i = shown; i < taxa.size(); ++i) {
            for (qsizetype col = 0; col < samples.size(); ++col)
                other[col] += taxa[i].values[col].value_or(0);
        }
        s.labels.append(otherLabel);
        s.values.append(other);
        s.hasOther = true;
    }
    return s;
}

} // namespace bge::ui
