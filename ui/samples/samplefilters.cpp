#include "samplefilters.h"

#include <QRegularExpression>
#include <QSettings>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

QVariantList toVariantList(const QList<int>& values)
{
    QVariantList list;
    for (const int v : values)
        list.append(v);
    return list;
}

// Settings written by another version (or edited by hand) may hold anything: keep only numbers.
QList<int> intList(const QVariant& value)
{
    QList<int> list;
    for (const QVariant& v : value.toList()) {
        bool ok = false;
        const int n = v.toInt(&ok);
        if (ok)
            list.append(n);
    }
    return list;
}

} // namespace

QStringList SampleFilters::splitList(const QString& text)
{
    static const QRegularExpression kSeparators(u"[\\s,;]+"_s);
    return text.split(kSeparators, Qt::SkipEmptyParts);
}

bool SampleFilters::looksLikeBiosampleId(const QString& text)
{
    // "E-B" or "E-F" (one letter per site) and 11 digits (reference §4).
    static const QRegularExpression kBiosampleId(u"^E-[A-Z][0-9]{11}$"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
    return kBiosampleId.match(text).hasMatch();
}

QStringList SampleFilters::biosampleIds() const
{
    QStringList out;
    for (const QString& id : ids) {
        if (looksLikeBiosampleId(id))
            out.append(id.toUpper());
    }
    return out;
}

QStringList SampleFilters::externalIds() const
{
    QStringList out;
    for (const QString& id : ids) {
        if (!looksLikeBiosampleId(id))
            out.append(id);
    }
    return out;
}

SampleQuery SampleFilters::query() const
{
    SampleQuery q;
    q.biosampleIds = biosampleIds();
    q.sites = sites;
    q.omics = omics;
    q.organisms = organisms;
    q.statuses = statuses;
    q.projectIds = projectIds;
    q.dataAvailability = dataAvailability;
    return q;
}

bool SampleFilters::isEmpty() const
{
    return *this == SampleFilters();
}

int SampleFilters::activeCount() const
{
    return int(!sites.isEmpty()) + int(!omics.isEmpty()) + int(!organisms.isEmpty()) +
           int(!statuses.isEmpty()) + int(!projectIds.isEmpty()) + int(dataAvailability.has_value()) +
           int(!ids.isEmpty());
}

void SampleFilters::save(QSettings& settings) const
{
    settings.beginGroup(u"filters"_s);
    settings.setValue(u"sites"_s, toVariantList(sites));
    settings.setValue(u"omics"_s, toVariantList(omics));
    settings.setValue(u"organisms"_s, toVariantList(organisms));
    settings.setValue(u"statuses"_s, toVariantList(statuses));
    settings.setValue(u"projects"_s, projectIds);
    settings.setValue(u"ids"_s, ids);
    if (dataAvailability)
        settings.setValue(u"dataAvailability"_s, *dataAvailability);
    else
        settings.remove(u"dataAvailability"_s);
    settings.endGroup();
}

SampleFilters SampleFilters::load(QSettings& settings)
{
    SampleFilters f;
    settings.beginGroup(u"filters"_s);
    f.sites = intList(settings.value(u"sites"_s));
    f.omics = intList(settings.value(u"omics"_s));
    f.organisms = intList(settings.value(u"organisms"_s));
    f.statuses = intList(settings.value(u"statuses"_s));
    f.projectIds = settings.value(u"projects"_s).toStringList();
    f.ids = settings.value(u"ids"_s).toStringList();
    if (settings.contains(u"dataAvailability"_s))
        f.dataAvailability = settings.value(u"dataAvailability"_s).toBool();
    settings.endGroup();
    return f;
}

} // namespace bge::ui
