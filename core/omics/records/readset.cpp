#include "readset.h"

#include "omics/omicsjson.h"

namespace bge::omics {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxPartSize = 5368709120LL;         // model: partSize 1–5 GiB
constexpr qint64 kMaxContentLength = 5497558138880LL; // model: contentLength 1–5 TiB

std::optional<SequenceInformation> parseSequenceInformation(JsonFields& f)
{
    if (!f.object().contains(u"sequenceInformation") || f.object().value(u"sequenceInformation").isNull())
        return std::nullopt;
    JsonFields n(f.objectField(u"sequenceInformation"), f.childPath(u"sequenceInformation"));
    if (!f.ok())
        return std::nullopt;
    SequenceInformation info;
    info.totalReadCount = n.integer(u"totalReadCount");
    info.totalBaseCount = n.integer(u"totalBaseCount");
    info.generatedFrom = n.string(u"generatedFrom");
    info.alignment = n.string(u"alignment");
    f.merge(n);
    return info;
}

std::optional<ReadSetETag> parseETag(JsonFields& f)
{
    if (!f.object().contains(u"etag") || f.object().value(u"etag").isNull())
        return std::nullopt;
    JsonFields n(f.objectField(u"etag"), f.childPath(u"etag"));
    if (!f.ok())
        return std::nullopt;
    ReadSetETag tag;
    tag.algorithm = enumString(n, u"algorithm", false);
    tag.source1 = n.string(u"source1");
    tag.source2 = n.string(u"source2");
    f.merge(n);
    return tag;
}

// The part layout is what a download relies on: out-of-range numbers are refused here rather
// than turned into absurd offsets later.
std::optional<ReadSetFileInfo> fileInfo(JsonFields& files, QStringView key)
{
    if (!files.object().contains(key) || files.object().value(key).isNull())
        return std::nullopt;
    JsonFields n(files.objectField(key), files.childPath(key));
    if (!files.ok())
        return std::nullopt;
    ReadSetFileInfo info;
    const qint64 parts = n.requiredInteger(u"totalParts");
    info.partSize = n.requiredInteger(u"partSize");
    info.contentLength = n.requiredInteger(u"contentLength");
    if (n.object().contains(u"s3Access")) {
        JsonFields s3(n.objectField(u"s3Access"), n.childPath(u"s3Access"));
        info.s3Uri = s3.string(u"s3Uri");
        n.merge(s3);
    }
    if (n.ok()) {
        if (parts < 1 || parts > 10000)
            n.fail(n.childPath(u"totalParts") + u": out of range 1–10000: "_s + QString::number(parts));
        else if (info.partSize < 1 || info.partSize > kMaxPartSize)
            n.fail(n.childPath(u"partSize") + u": out of range: "_s + QString::number(info.partSize));
        else if (info.contentLength < 1 || info.contentLength > kMaxContentLength)
            n.fail(n.childPath(u"contentLength") + u": out of range: "_s +
                   QString::number(info.contentLength));
        else if (info.contentLength > parts * info.partSize ||
                 info.contentLength <= (parts - 1) * info.partSize)
            n.fail(n.childPath(u"contentLength") + u": does not fit "_s + QString::number(parts) +
                   u" parts of "_s + QString::number(info.partSize) + u" bytes"_s);
    }
    info.totalParts = int(parts);
    files.merge(n);
    return info;
}

} // namespace

Result<ReadSetListItem> ReadSetListItem::fromJson(const QJsonValue& value, const QString& path)
{
    JsonFields f(value, path);
    if (!f.isObject())
        return ApiError::malformed(path + u": expected an object, got "_s + jsonTypeName(value));
    ReadSetListItem r;
    r.raw = f.object();
    r.id = f.requiredString(u"id");
    r.arn = f.requiredString(u"arn");
    r.sequenceStoreId = f.requiredString(u"sequenceStoreId");
    r.status = enumString(f, u"status", true);
    r.fileType = enumString(f, u"fileType", true);
    r.creationTime = requiredTimestamp(f, u"creationTime");
    r.subjectId = f.string(u"subjectId");
    r.sampleId = f.string(u"sampleId");
    r.name = f.string(u"name");
    r.description = f.string(u"description");
    r.referenceArn = f.string(u"referenceArn");
    r.sequenceInformation = parseSequenceInformation(f);
    r.statusMessage = f.string(u"statusMessage");
    r.creationType = enumString(f, u"creationType", false);
    r.etag = parseETag(f);
    if (!f.ok())
        return f.error();
    return r;
}

std::optional<ReadSetFileInfo> ReadSetMetadata::file(QStringView which) const
{
    if (which == u"SOURCE1")
        return source1;
    if (which == u"SOURCE2")
        return source2;
    if (which == u"INDEX")
        return index;
    return std::nullopt;
}

Result<ReadSetMetadata> ReadSetMetadata::fromJson(const QJsonValue& value, const QString& path)
{
    Result<ReadSetListItem> item = ReadSetListItem::fromJson(value, path);
    if (!item)
        return item.error();
    ReadSetMetadata m;
    m.readSet = std::move(item.value());
    JsonFields f(value, path);
    if (f.object().contains(u"files") && !f.object().value(u"files").isNull()) {
        JsonFields files(f.objectField(u"files"), f.childPath(u"files"));
        if (f.ok()) {
            m.source1 = fileInfo(files, u"source1");
            m.source2 = fileInfo(files, u"source2");
            m.index = fileInfo(files, u"index");
            f.merge(files);
        }
    }
    m.creationJobId = f.string(u"creationJobId");
    if (!f.ok())
        return f.error();
    return m;
}

} // namespace bge::omics
