#include "modelbackground.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// Fields a model may use for the sample's own score, most specific first.
const QStringList& scoreFields()
{
    static const QStringList kFields{u"disease_probability"_s, u"predict_score"_s, u"score"_s,
                                     u"probability"_s, u"value"_s};
    return kFields;
}

// A non-empty array of finite numbers, or nothing.
std::optional<QList<double>> numbers(const QJsonValue& value)
{
    if (!value.isArray() || value.toArray().isEmpty())
        return std::nullopt;
    QList<double> result;
    for (const QJsonValue& v : value.toArray()) {
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            return std::nullopt;
        result.append(v.toDouble());
    }
    return result;
}

std::optional<DistributionGroup> readGroup(const QJsonValue& entry, const QString& fallbackLabel)
{
    if (const auto direct = numbers(entry))
        return DistributionGroup{fallbackLabel, *direct};
    if (!entry.isObject())
        return std::nullopt;
    const QJsonObject o = entry.toObject();
    const QJsonObject coord = o.value(u"plot_coord").toObject();
    DistributionGroup group;
    for (const QJsonValue& label :
         {o.value(u"group"), coord.value(u"x"), coord.value(u"group"), o.value(u"name")}) {
        if (label.isString() && !label.toString().isEmpty()) {
            group.label = label.toString();
            break;
        }
    }
    if (group.label.isEmpty())
        group.label = fallbackLabel;
    // "y" is what the platform's example plots; then any numeric array, in key order.
    QStringList keys{u"y"_s, u"probability"_s, u"values"_s};
    for (const QString& k : coord.keys()) {
        if (!keys.contains(k))
            keys.append(k);
    }
    for (const QString& k : keys) {
        if (k == u"x" || k == u"group")
            continue;
        if (const auto values = numbers(coord.value(k))) {
            group.values = *values;
            return group;
        }
    }
    if (const auto values = numbers(o.value(u"values"))) {
        group.values = *values;
        return group;
    }
    return std::nullopt;
}

double quantile(const QList<double>& sorted, double q)
{
    const double position = q * double(sorted.size() - 1);
    const auto below = qsizetype(std::floor(position));
    const auto above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - double(below));
}

} // namespace

bool ModelBackground::isSingleValued() const
{
    return std::all_of(groups.begin(), groups.end(),
                       [](const DistributionGroup& g) { return g.values.size() == 1; });
}

ModelBackground ModelBackground::fromModelData(const QJsonObject& data)
{
    ModelBackground b;
    const QJsonValue background = data.value(u"background");
    int n = 0;
    const auto add = [&b, &n](const QJsonValue& entry, const QString& label) {
        ++n;
        if (auto group = readGroup(entry, label.isEmpty() ? u"#%1"_s.arg(n) : label))
            b.groups.append(*group);
    };
    if (background.isArray()) {
        for (const QJsonValue& entry : background.toArray())
            add(entry, {});
    } else if (background.isObject()) {
        const QJsonObject groups = background.toObject();
        for (auto it = groups.begin(); it != groups.end(); ++it)
            add(it.value(), it.key());
    }
    for (const QString& field : scoreFields()) {
        if (data.value(field).isDouble()) {
            b.sampleValue = data.value(field).toDouble();
            b.sampleValueField = field;
            break;
        }
    }
    if (data.value(u"threshold").isDouble())
        b.threshold = data.value(u"threshold").toDouble();
    // Genotype models name the sample's calls; their groups are labelled "<rsid> <genotype>".
    for (const QJsonValue& g : data.value(u"genotypes").toArray()) {
        const QJsonObject call = g.toObject();
        const QString label = call.value(u"rsid").toString() + u' ' + call.value(u"genotype").toString();
        if (!label.trimmed().isEmpty())
            b.sampleGroups.append(label);
    }
    return b;
}

BoxFigures ModelBackground::boxFigures(QList<double> values)
{
    if (values.isEmpty())
        return {};
    std::sort(values.begin(), values.end());
    return {values.front(), quantile(values, 0.25), quantile(values, 0.5), quantile(values, 0.75),
            values.back()};
}

} // namespace bge::ui
