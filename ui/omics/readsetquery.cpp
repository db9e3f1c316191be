#include "readsetquery.h"

#include <QSettings>

namespace bge::ui {

using namespace Qt::StringLiterals;

bool ReadSetQuery::operator==(const ReadSetQuery& other) const
{
    const omics::ReadSetFilter& a = filter;
    const omics::ReadSetFilter& b = other.filter;
    return a.name == b.name && a.status == b.status && a.referenceArn == b.referenceArn &&
           a.createdAfter == b.createdAfter && a.createdBefore == b.createdBefore &&
           a.sampleId == b.sampleId && a.subjectId == b.subjectId && a.generatedFrom == b.generatedFrom &&
           a.creationType == b.creationType && fileType == other.fileType;
}

void ReadSetQuery::save(QSettings& settings) const
{
    settings.setValue(u"name"_s, filter.name);
    settings.setValue(u"status"_s, filter.status);
    settings.setValue(u"fileType"_s, fileType);
    settings.setValue(u"subjectId"_s, filter.subjectId);
    settings.setValue(u"sampleId"_s, filter.sampleId);
    settings.setValue(u"creationType"_s, filter.creationType);
    settings.setValue(u"createdAfter"_s, filter.createdAfter);
    settings.setValue(u"createdBefore"_s, filter.createdBefore);
}

ReadSetQuery ReadSetQuery::load(QSettings& settings)
{
    ReadSetQuery q;
    q.filter.name = settings.value(u"name"_s).toString();
    q.filter.status = settings.value(u"status"_s).toString();
    q.fileType = settings.value(u"fileType"_s).toString();
    q.filter.subjectId = settings.value(u"subjectId"_s).toString();
    q.filter.sampleId = settings.value(u"sampleId"_s).toString();
    q.filter.creationType = settings.value(u"creationType"_s).toString();
    q.filter.createdAfter = settings.value(u"createdAfter"_s).toDateTime();
    q.filter.createdBefore = settings.value(u"createdBefore"_s).toDateTime();
    return q;
}

} // namespace bge::ui
