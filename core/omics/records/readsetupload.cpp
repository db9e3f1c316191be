#include "readsetupload.h"

#include "omics/omicsjson.h"

namespace bge::omics {

using namespace Qt::StringLiterals;

namespace {

ApiError notAnObject(const QString& path, const QJsonValue& value)
{
    return ApiError::malformed((path.isEmpty() ? u"answer"_s : path) + u": expected an object, got "_s +
                               jsonTypeName(value));
}

} // namespace

Result<ReadSetUpload> ReadSetUpload::fromJson(const QJsonValue& value, const QString& path)
{
    JsonFields f(value, path);
    if (!f.isObject())
        return notAnObject(path, value);
    ReadSetUpload u;
    u.raw = f.object();
    u.sequenceStoreId = f.requiredString(u"sequenceStoreId");
    u.uploadId = f.requiredString(u"uploadId");
    u.sourceFileType = enumString(f, u"sourceFileType", true);
    u.subjectId = f.requiredString(u"subjectId");
    u.sampleId = f.requiredString(u"sampleId");
    u.generatedFrom = f.string(u"generatedFrom");
    u.referenceArn = f.string(u"referenceArn");
    u.name = f.string(u"name");
    u.description = f.string(u"description");
    u.tags = stringMap(f, u"tags");
    u.creationTime = requiredTimestamp(f, u"creationTime");
    if (f.ok() && u.uploadId.isEmpty())
        f.fail(f.childPath(u"uploadId") + u": empty"_s);
    if (!f.ok())
        return f.error();
    return u;
}

Result<ReadSetUploadPart> ReadSetUploadPart::fromJson(const QJsonValue& value, const QString& path)
{
    JsonFields f(value, path);
    if (!f.isObject())
        return notAnObject(path, value);
    ReadSetUploadPart p;
    p.raw = f.object();
    const qint64 number = f.requiredInteger(u"partNumber");
    p.partSize = f.requiredInteger(u"partSize");
    p.partSource = enumString(f, u"partSource", true);
    p.checksum = f.requiredString(u"checksum");
    p.creationTime = optionalTimestamp(f, u"creationTime");
    p.lastUpdatedTime = optionalTimestamp(f, u"lastUpdatedTime");
    if (f.ok() && (number < 1 || number > 10000))
        f.fail(f.childPath(u"partNumber") + u": out of range 1–10000: "_s + QString::number(number));
    if (f.ok() && p.partSize < 0)
        f.fail(f.childPath(u"partSize") + u": negative"_s);
    if (!f.ok())
        return f.error();
    p.partNumber = int(number);
    return p;
}

Result<UploadedPart> UploadedPart::fromJson(const QJsonValue& value, const QString& path)
{
    JsonFields f(value, path);
    if (!f.isObject())
        return notAnObject(path, value);
    UploadedPart p;
    p.checksum = f.requiredString(u"checksum");
    if (f.ok() && p.checksum.isEmpty())
        f.fail(f.childPath(u"checksum") + u": empty"_s);
    if (!f.ok())
        return f.error();
    return p;
}

Result<CompletedUpload> CompletedUpload::fromJson(const QJsonValue& value, const QString& path)
{
    JsonFields f(value, path);
    if (!f.isObject())
        return notAnObject(path, value);
    CompletedUpload c;
    c.readSetId = f.requiredString(u"readSetId");
    if (f.ok() && c.readSetId.isEmpty())
        f.fail(f.childPath(u"readSetId") + u": empty"_s);
    if (!f.ok())
        return f.error();
    return c;
}

} // namespace bge::omics
