// Sequence stores and read sets: ListSequenceStores, GetSequenceStore, ListReadSets,
// GetReadSetMetadata, GetReadSet.
#include "omicsservice.h"

#include "segmentreader.h"

#include <QJsonArray>

#include <algorithm>

namespace bge::sandbox::omics {

using namespace Qt::StringLiterals;

namespace {

void insertIf(QJsonObject& o, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

QJsonObject storeJson(const DemoStore& s, const QString& arn)
{
    return {{u"id"_s, s.id},
            {u"arn"_s, arn},
            {u"name"_s, s.name},
            {u"description"_s, s.description},
            {u"creationTime"_s, formatTimestamp(s.created)},
            {u"updateTime"_s, formatTimestamp(s.created)},
            {u"status"_s, u"ACTIVE"_s},
            {u"eTagAlgorithmFamily"_s, u"MD5up"_s},
            {u"sseConfig"_s, QJsonObject{{u"type"_s, u"KMS"_s}}}};
}

// The members ReadSetListItem and GetReadSetMetadata share.
QJsonObject readSetJson(const ReadSetRecord& r, const QString& arn, Micros now)
{
    QJsonObject o{{u"id"_s, r.id},
                  {u"arn"_s, arn},
                  {u"sequenceStoreId"_s, r.storeId},
                  {u"status"_s, r.status(now)},
                  {u"fileType"_s, r.fileType},
                  {u"creationTime"_s, formatTimestamp(r.created)},
                  {u"creationType"_s, r.creationType}};
    insertIf(o, u"subjectId"_s, r.subjectId);
    insertIf(o, u"sampleId"_s, r.sampleId);
    insertIf(o, u"name"_s, r.name);
    insertIf(o, u"description"_s, r.description);
    insertIf(o, u"referenceArn"_s, r.referenceArn);
    if (r.status(now) == u"UPLOAD_FAILED")
        insertIf(o, u"statusMessage"_s, r.statusMessage);
    QJsonObject info;
    if (r.readCount > 0) {
        info.insert(u"totalReadCount"_s, double(r.readCount));
        info.insert(u"totalBaseCount"_s, double(r.baseCount));
    }
    insertIf(info, u"generatedFrom"_s, r.generatedFrom);
    if (r.fileType == u"BAM" || r.fileType == u"CRAM")
        info.insert(u"alignment"_s, u"ALIGNED"_s);
    else if (r.fileType == u"UBAM")
        info.insert(u"alignment"_s, u"UNALIGNED"_s);
    if (!info.isEmpty())
        o.insert(u"sequenceInformation"_s, info);
    return o;
}

} // namespace

void OmicsService::listSequenceStores(OmicsCall& call)
{
    Validator v;
    qint64 maxResults = 100;
    pagingParameters(call, v, &maxResults);
    const QJsonObject filter = v.object(call.json, u"filter"_s, u"filter"_s, false);
    const QString name =
        v.string(filter, u"name"_s, u"filter.name"_s, {false, 1, 127, StringRule::Pattern::Name, {}});
    const QString status =
        v.string(filter, u"status"_s, u"filter.status"_s, {false, 1, 127, {}, kStoreStatuses});
    const auto after = v.timestamp(filter, u"createdAfter"_s, u"filter.createdAfter"_s);
    const auto before = v.timestamp(filter, u"createdBefore"_s, u"filter.createdBefore"_s);
    const auto updatedAfter = v.timestamp(filter, u"updatedAfter"_s, u"filter.updatedAfter"_s);
    const auto updatedBefore = v.timestamp(filter, u"updatedBefore"_s, u"filter.updatedBefore"_s);
    if (!v.ok())
        return fail(call, v.error());
    QJsonArray items;
    for (const DemoStore& s : state.demo().stores) {
        // Sandbox convention: `name` matches exactly, as the read-set filter does.
        if ((!name.isEmpty() && s.name != name) || (!status.isEmpty() && status != u"ACTIVE") ||
            (after && s.created < *after) || (before && s.created > *before) ||
            (updatedAfter && s.created < *updatedAfter) || (updatedBefore && s.created > *updatedBefore))
            continue;
        items.append(storeJson(s, arn(s.id)));
    }
    sendPage(call, items, u"stores"_s, filter, maxResults, u"sequenceStores"_s);
}

void OmicsService::getSequenceStore(OmicsCall& call)
{
    Validator v;
    const QString id = call.segments.value(1);
    v.id(id, u"id"_s);
    if (!v.ok())
        return fail(call, v.error());
    const DemoStore* s = state.store(id);
    if (!s)
        return fail(call, OmicsError::notFound(u"The specified sequence store %1 does not exist."_s.arg(id)));
    QJsonObject o = storeJson(*s, arn(s->id));
    o.insert(u"s3Access"_s,
             QJsonObject{{u"s3Uri"_s,
                          u"s3://%1-%2-ab12cdefghijklmnopqrstuvwxyzuse1a-s3alias/%3/sequenceStore/%1/"_s.arg(
                              s->id, state.demo().accountId.left(6), state.demo().accountId)}});
    reply(call, o);
}

void OmicsService::listReadSets(OmicsCall& call)
{
    Validator v;
    const QString storeId = call.segments.value(1);
    qint64 maxResults = 100;
    pagingParameters(call, v, &maxResults);
    const QJsonObject filter = v.object(call.json, u"filter"_s, u"filter"_s, false);
    const StringRule text{false, 1, 127, StringRule::Pattern::Name, {}};
    const QString name = v.string(filter, u"name"_s, u"filter.name"_s, text);
    const QString status =
        v.string(filter, u"status"_s, u"filter.status"_s, {false, 1, 127, {}, kReadSetStatuses});
    const bool hasReference = filter.contains(u"referenceArn"_s);
    const QString reference = v.string(filter, u"referenceArn"_s, u"filter.referenceArn"_s,
                                       {false, 0, 127, StringRule::Pattern::ArnOrEmpty, {}});
    const auto after = v.timestamp(filter, u"createdAfter"_s, u"filter.createdAfter"_s);
    const auto before = v.timestamp(filter, u"createdBefore"_s, u"filter.createdBefore"_s);
    const QString sample = v.string(filter, u"sampleId"_s, u"filter.sampleId"_s, text);
    const QString subject = v.string(filter, u"subjectId"_s, u"filter.subjectId"_s, text);
    const QString generatedFrom = v.string(filter, u"generatedFrom"_s, u"filter.generatedFrom"_s, text);
    const QString creationType =
        v.string(filter, u"creationType"_s, u"filter.creationType"_s, {false, 1, 127, {}, kCreationTypes});
    const std::lock_guard lock(state.mutex());
    if (!checkStore(call, v, storeId))
        return;
    const Micros now = nowMicros();
    state.advance(now);
    QList<const ReadSetRecord*> matching;
    for (const ReadSetRecord& r : state.readSets()) {
        // Sandbox convention: text filters match exactly (the service documents no wildcards);
        // an empty referenceArn matches read sets without one.
        if (r.storeId != storeId || (!name.isEmpty() && r.name != name) ||
            (!status.isEmpty() && r.status(now) != status) || (hasReference && r.referenceArn != reference) ||
            (after && r.created < *after) || (before && r.created > *before) ||
            (!sample.isEmpty() && r.sampleId != sample) || (!subject.isEmpty() && r.subjectId != subject) ||
            (!generatedFrom.isEmpty() && r.generatedFrom != generatedFrom) ||
            (!creationType.isEmpty() && r.creationType != creationType))
            continue;
        matching.append(&r);
    }
    // Newest first, as the console shows them; ties broken by id so that paging is stable.
    std::sort(matching.begin(), matching.end(), [](const ReadSetRecord* a, const ReadSetRecord* b) {
        return a->created != b->created ? a->created > b->created : a->id < b->id;
    });
    QJsonArray items;
    for (const ReadSetRecord* r : std::as_const(matching)) {
        QJsonObject o = readSetJson(*r, arn(storeId, r->id), now);
        items.append(o);
    }
    sendPage(call, items, u"readsets/"_s + storeId, filter, maxResults, u"readSets"_s);
}

void OmicsService::getReadSetMetadata(OmicsCall& call)
{
    Validator v;
    const QString storeId = call.segments.value(1);
    const QString id = call.segments.value(3);
    v.id(id, u"id"_s);
    const std::lock_guard lock(state.mutex());
    if (!checkStore(call, v, storeId))
        return;
    const Micros now = nowMicros();
    state.advance(now);
    const ReadSetRecord* r = state.readSet(storeId, id);
    if (!r)
        return fail(call, OmicsError::notFound(u"The specified read set %1 does not exist."_s.arg(id)));
    QJsonObject o = readSetJson(*r, arn(storeId, id), now);
    insertIf(o, u"creationJobId"_s, r->creationJobId);
    QJsonObject files;
    for (int slot = 0; slot < 3; ++slot) {
        const qint64 size = r->size(FileSlot(slot));
        if (r->files[slot].isEmpty() || size == 0)
            continue;
        const qint64 partSize = config.readPartSize;
        files.insert(slot == 0   ? u"source1"_s
                     : slot == 1 ? u"source2"_s
                                 : u"index"_s,
                     QJsonObject{{u"totalParts"_s, double((size + partSize - 1) / partSize)},
                                 {u"partSize"_s, double(partSize)},
                                 {u"contentLength"_s, double(size)}});
    }
    o.insert(u"files"_s, files);
    reply(call, o);
}

void OmicsService::getReadSet(OmicsCall& call)
{
    Validator v;
    const QString storeId = call.segments.value(1);
    const QString id = call.segments.value(3);
    v.id(id, u"id"_s);
    const auto number = v.queryInteger(call.query("partNumber"), call.hasQuery("partNumber"), u"partNumber"_s,
                                       true, 1, 10000);
    // Sandbox convention: without `file` the service's model documents no default; SOURCE1 it is.
    const QString file = call.hasQuery("file") ? call.query("file") : u"SOURCE1"_s;
    v.enumValue(file, true, u"file"_s, false, kReadSetFiles);
    QList<OssObjectSegment> segments;
    {
        const std::lock_guard lock(state.mutex());
        if (!checkStore(call, v, storeId))
            return;
        const Micros now = nowMicros();
        state.advance(now);
        const ReadSetRecord* r = state.readSet(storeId, id);
        if (!r)
            return fail(call, OmicsError::notFound(u"The specified read set %1 does not exist."_s.arg(id)));
        if (r->status(now) != u"ACTIVE")
            return fail(call, OmicsError::conflict(
                                  u"The read set %1 is %2; only an ACTIVE read set can be read."_s.arg(
                                      id, r->status(now))));
        const int slot = file == u"SOURCE1" ? 0 : file == u"SOURCE2" ? 1 : 2;
        segments = r->files[slot];
        if (segments.isEmpty())
            return fail(call, OmicsError::notFound(u"The read set %1 has no %2 file."_s.arg(id, file)));
    }
    qint64 size = 0;
    for (const OssObjectSegment& s : std::as_const(segments))
        size += s.size;
    const qint64 first = (*number - 1) * config.readPartSize;
    if (first >= size) {
        return fail(call,
                    OmicsError::rangeNotSatisfiable(
                        u"Part %1 is past the end of %2: it has %3 part(s)."_s.arg(*number).arg(file).arg(
                            (size + config.readPartSize - 1) / config.readPartSize)));
    }
    const qint64 length = std::min(config.readPartSize, size - first);
    const auto reader = std::make_shared<SegmentReader>(segments);
    if (!reader->open(first))
        return fail(call, OmicsError::internal());
    call.res.status = 200;
    call.res.set_header("x-amzn-RequestId", call.requestId.toStdString());
    const bool drop = FaultInjection::chance(config.faults.dropRate);
    const auto pacer = std::make_shared<BandwidthPacer>(config.faults.bandwidthKiBps);
    call.res.set_content_provider(
        std::size_t(length), "application/octet-stream",
        [reader, first, length, drop, pacer](size_t offset, size_t, httplib::DataSink& sink) {
            if (drop && qint64(offset) >= length / 2)
                return false; // fault injection: the connection dies mid-body
            static constexpr qint64 kChunk = 1 << 20;
            std::vector<char> buffer(std::size_t(std::min(kChunk, length - qint64(offset))));
            const qint64 got = reader->read(first + qint64(offset), buffer.data(), qint64(buffer.size()));
            if (got <= 0)
                return false;
            pacer->pace(qint64(offset) + got);
            return sink.write(buffer.data(), size_t(got));
        });
}

} // namespace bge::sandbox::omics
