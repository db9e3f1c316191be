#include "sequencestore.h"

#include "omics/omicsjson.h"

namespace bge::omics {

using namespace Qt::StringLiterals;

Result<SequenceStore> SequenceStore::fromJson(const QJsonValue& value, const QString& path)
{
    JsonFields f(value, path);
    if (!f.isObject())
        return ApiError::malformed(path + u": expected an object, got "_s + jsonTypeName(value));
    SequenceStore s;
    s.raw = f.object();
    s.id = f.requiredString(u"id");
    s.arn = f.requiredString(u"arn");
    s.creationTime = requiredTimestamp(f, u"creationTime");
    s.name = f.string(u"name");
    s.description = f.string(u"description");
    s.status = enumString(f, u"status", false);
    s.statusMessage = f.string(u"statusMessage");
    s.fallbackLocation = f.string(u"fallbackLocation");
    s.eTagAlgorithmFamily = enumString(f, u"eTagAlgorithmFamily", false);
    if (f.object().contains(u"sseConfig")) {
        JsonFields sse(f.objectField(u"sseConfig"), f.childPath(u"sseConfig"));
        if (f.ok()) {
            s.sseType = enumString(sse, u"type", true);
            s.sseKeyArn = sse.string(u"keyArn");
            f.merge(sse);
        }
    }
    if (f.object().contains(u"s3Access")) {
        JsonFields s3(f.objectField(u"s3Access"), f.childPath(u"s3Access"));
        if (f.ok()) {
            s.s3Uri = s3.string(u"s3Uri");
            s.s3AccessPointArn = s3.string(u"s3AccessPointArn");
            f.merge(s3);
        }
    }
    s.propagatedSetLevelTags = f.stringList(u"propagatedSetLevelTags");
    s.updateTime = optionalTimestamp(f, u"updateTime");
    if (!f.ok())
        return f.error();
    return s;
}

} // namespace bge::omics
