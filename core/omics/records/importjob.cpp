#include "importjob.h"

#include "omics/omicsjson.h"

namespace bge::omics {

using namespace Qt::StringLiterals;

bool ImportJobStatus::isTerminal(QStringView status)
{
    return status == Completed || status == Failed || status == Cancelled || status == CompletedWithFailures;
}

Result<ImportJobSummary> ImportJobSummary::fromJson(const QJsonValue& value, const QString& path)
{
    JsonFields f(value, path);
    if (!f.isObject())
        return ApiError::malformed(path + u": expected an object, got "_s + jsonTypeName(value));
    ImportJobSummary j;
    j.raw = f.object();
    j.id = f.requiredString(u"id");
    j.sequenceStoreId = f.requiredString(u"sequenceStoreId");
    j.roleArn = f.requiredString(u"roleArn");
    j.status = enumString(f, u"status", true);
    j.creationTime = requiredTimestamp(f, u"creationTime");
    j.completionTime = optionalTimestamp(f, u"completionTime");
    if (!f.ok())
        return f.error();
    return j;
}

Result<ImportJobSource> ImportJobSource::fromJson(const QJsonValue& value, const QString& path)
{
    JsonFields f(value, path);
    if (!f.isObject())
        return ApiError::malformed(path + u": expected an object, got "_s + jsonTypeName(value));
    ImportJobSource s;
    s.raw = f.object();
    if (!f.object().contains(u"sourceFiles"))
        f.fail(f.childPath(u"sourceFiles") + u": required field is missing"_s);
    JsonFields files(f.objectField(u"sourceFiles"), f.childPath(u"sourceFiles"));
    if (f.ok()) {
        s.source1 = files.requiredString(u"source1");
        s.source2 = files.string(u"source2");
        f.merge(files);
    }
    s.sourceFileType = enumString(f, u"sourceFileType", true);
    s.status = enumString(f, u"status", true);
    s.subjectId = f.requiredString(u"subjectId");
    s.sampleId = f.requiredString(u"sampleId");
    s.statusMessage = f.string(u"statusMessage");
    s.generatedFrom = f.string(u"generatedFrom");
    s.referenceArn = f.string(u"referenceArn");
    s.name = f.string(u"name");
    s.description = f.string(u"description");
    s.tags = stringMap(f, u"tags");
    s.readSetId = f.string(u"readSetId");
    if (!f.ok())
        return f.error();
    return s;
}

Result<ImportJob> ImportJob::fromJson(const QJsonValue& value, const QString& path)
{
    Result<ImportJobSummary> summary = ImportJobSummary::fromJson(value, path);
    if (!summary)
        return summary.error();
    ImportJob job;
    job.summary = std::move(summary.value());
    JsonFields f(value, path);
    job.statusMessage = f.string(u"statusMessage");
    if (!f.object().contains(u"sources"))
        f.fail(f.childPath(u"sources") + u": required field is missing"_s);
    const QJsonArray sources = f.array(u"sources");
    if (!f.ok())
        return f.error();
    for (qsizetype i = 0; i < sources.size(); ++i) {
        Result<ImportJobSource> source = ImportJobSource::fromJson(
            sources.at(i), f.childPath(u"sources") + u'[' + QString::number(i) + u']');
        if (!source)
            return source.error();
        job.sources.append(std::move(source.value()));
    }
    return job;
}

} // namespace bge::omics
