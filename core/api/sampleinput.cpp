#include "sampleinput.h"

#include "jsonfields.h"
#include "platformcodes.h"
#include "records/sample.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace bge {

using namespace Qt::StringLiterals;

namespace {

// The translation context of these messages (lupdate reads it from here).
class SampleInput
{
    Q_DECLARE_TR_FUNCTIONS(bge::SampleInput)
};

// Checks one library field's value; empty when valid.
QString libraryValueProblem(const QString& name, const QString& value)
{
    const ImprovableField* field = findImprovableField(name);
    if (!field)
        return SampleInput::tr("not a field the platform lets you set");
    if (value.trimmed().isEmpty())
        return SampleInput::tr("give a value");
    if (!field->allowedValues.isEmpty() && !field->allowedValues.contains(value))
        return SampleInput::tr("must be one of: %1").arg(field->allowedValues.join(u", "_s));
    return {};
}

} // namespace

QList<ImprovableField> improvableSampleFields()
{
    return {
        {u"library_id"_s, {}},
        {u"library_strategy"_s,
         {u"WGS"_s, u"WXS"_s, u"AMPLICON"_s, u"RNA-Seq"_s, u"Targeted-Capture"_s, u"OTHER"_s}},
        {u"library_source"_s,
         {u"GENOMIC"_s, u"METAGENOMIC"_s, u"TRANSCRIPTOMIC"_s, u"METATRANSCRIPTOMIC"_s, u"OTHER"_s}},
        {u"library_selection"_s,
         {u"RANDOM"_s, u"PCR"_s, u"Hybrid Selection"_s, u"size fractionation"_s, u"other"_s}},
        {u"library_layout"_s, {u"SINGLE"_s, u"PAIRED"_s}},
    };
}

const ImprovableField* findImprovableField(QStringView name)
{
    static const QList<ImprovableField> kFields = improvableSampleFields();
    const auto it = std::find_if(kFields.cbegin(), kFields.cend(),
                                 [name](const ImprovableField& f) { return f.name == name; });
    return it == kFields.cend() ? nullptr : &*it;
}

bool isProjectId(const QString& text)
{
    static const QRegularExpression kProjectId(u"^P-[A-Z][0-9]+$"_s);
    return kProjectId.match(text).hasMatch();
}

QList<FieldProblem> registrationProblems(const SampleRegistration& r)
{
    QList<FieldProblem> problems;
    const QString externalId = r.externalSampleId.trimmed();
    if (externalId.isEmpty())
        problems.append({u"external_sample_id"_s,
                         SampleInput::tr("give the sample's own id (the one on its tube or kit)")});
    else if (externalId.size() > kMaxExternalSampleIdLength)
        problems.append({u"external_sample_id"_s,
                         SampleInput::tr("at most %1 characters").arg(kMaxExternalSampleIdLength)});
    else if (externalId.contains(u','))
        // Lookups by external id send comma lists: an id with a comma could never be found.
        problems.append({u"external_sample_id"_s, SampleInput::tr("must not contain a comma")});

    const QList<PlatformCode> sites = biosampleSiteCodes();
    if (std::none_of(sites.cbegin(), sites.cend(), [&r](const PlatformCode& c) { return c.code == r.site; }))
        problems.append({u"biosample_site"_s, SampleInput::tr("choose the site the sample was taken from")});

    const QString project = r.projectId.trimmed();
    if (project.isEmpty())
        problems.append({u"project_id"_s, SampleInput::tr("give the project the sample belongs to")});
    else if (!isProjectId(project))
        problems.append({u"project_id"_s, SampleInput::tr("a project id looks like P-W followed by digits")});

    for (const auto& [name, value] : r.extraFields) {
        if (const QString problem = libraryValueProblem(name, value); !problem.isEmpty())
            problems.append({name, problem});
    }
    return problems;
}

QList<FieldProblem> improvementProblems(const Sample& current,
                                        const QList<std::pair<QString, QString>>& fields)
{
    QList<FieldProblem> problems;
    if (fields.isEmpty())
        problems.append({QString(), SampleInput::tr("fill in at least one field")});
    QStringList seen;
    for (const auto& [name, value] : fields) {
        if (seen.contains(name)) {
            problems.append({name, SampleInput::tr("given twice")});
            continue;
        }
        seen.append(name);
        if (const QString problem = libraryValueProblem(name, value); !problem.isEmpty()) {
            problems.append({name, problem});
            continue;
        }
        if (!improvableFieldValue(current, name).value_or(QString()).isEmpty())
            problems.append({name, SampleInput::tr("already set; the platform does not allow changing it")});
    }
    return problems;
}

std::optional<QString> improvableFieldValue(const Sample& sample, QStringView name)
{
    const QJsonValue v = sample.raw.value(name);
    if (v.isUndefined())
        return std::nullopt;
    if (v.isNull())
        return QString();
    if (v.isString())
        return v.toString();
    // A number or anything else the platform put there is a value all the same.
    return compactJson(v);
}

} // namespace bge
