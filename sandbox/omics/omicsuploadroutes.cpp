// Multipart read-set uploads: Create, UploadReadSetPart, Complete, Abort,
// ListMultipartReadSetUploads, ListReadSetUploadParts.
#include "omicsservice.h"

#include "bodysink.h"
#include "omicsformats.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace bge::sandbox::omics {

using namespace Qt::StringLiterals;

namespace {

// "Each part cannot be larger than 100 MB" (CreateMultipartReadSetUpload documentation).
constexpr qint64 kMaxPartSize = 100LL * 1024 * 1024;

void insertIf(QJsonObject& o, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

QJsonObject uploadJson(const UploadRecord& u)
{
    QJsonObject o{{u"sequenceStoreId"_s, u.storeId}, {u"uploadId"_s, u.id},
                  {u"sourceFileType"_s, u.fileType}, {u"subjectId"_s, u.subjectId},
                  {u"sampleId"_s, u.sampleId},       {u"creationTime"_s, formatTimestamp(u.created)}};
    insertIf(o, u"generatedFrom"_s, u.generatedFrom);
    insertIf(o, u"referenceArn"_s, u.referenceArn);
    insertIf(o, u"name"_s, u.name);
    insertIf(o, u"description"_s, u.description);
    if (!u.tags.isEmpty())
        o.insert(u"tags"_s, u.tags);
    return o;
}

QString uploadNotFound(const QString& id)
{
    return u"The specified upload %1 does not exist."_s.arg(id);
}

} // namespace

void OmicsService::createUpload(OmicsCall& call)
{
    Validator v;
    const QString storeId = call.segments.value(1);
    const QJsonObject& b = call.json;
    const StringRule text{false, 1, 127, StringRule::Pattern::Name, {}};
    const StringRule required{true, 1, 127, StringRule::Pattern::Name, {}};
    const QString token = v.string(b, u"clientToken"_s, u"clientToken"_s, {false, 1, 127, {}, {}});
    const QString type =
        v.string(b, u"sourceFileType"_s, u"sourceFileType"_s, {true, 1, 127, {}, kFileTypes});
    const QString subject = v.string(b, u"subjectId"_s, u"subjectId"_s, required);
    const QString sample = v.string(b, u"sampleId"_s, u"sampleId"_s, required);
    const QString generatedFrom = v.string(b, u"generatedFrom"_s, u"generatedFrom"_s, text);
    const QString reference =
        v.string(b, u"referenceArn"_s, u"referenceArn"_s, {false, 1, 127, StringRule::Pattern::Arn, {}});
    const QString name = v.string(b, u"name"_s, u"name"_s, required);
    const QString description =
        v.string(b, u"description"_s, u"description"_s, {false, 1, 255, StringRule::Pattern::Name, {}});
    const QJsonObject tags = v.tags(b, u"tags"_s, u"tags"_s);
    const std::lock_guard lock(state.mutex());
    if (!checkStore(call, v, storeId))
        return;
    if (needsReference(type) && reference.isEmpty())
        return fail(call, OmicsError::validation(
                              u"A reference ARN is required for %1 files: referenceArn must be "
                              "specified (only FASTQ and UBAM read sets may be unlinked)."_s.arg(type)));
    if (!reference.isEmpty() && reference != state.demo().referenceArn)
        return fail(call, OmicsError::validation(u"The reference %1 does not exist."_s.arg(reference)));

    // Sandbox convention (idempotency): the same clientToken with the same request within 8
    // hours gets the first answer again (the same upload id); with a different request it is
    // refused.
    const Micros now = nowMicros();
    const QString tokenKey = u"upload/"_s + storeId + u'/' + token;
    const QByteArray fingerprint = requestFingerprint(storeId, b);
    if (!token.isEmpty()) {
        if (const auto used = state.tokenUse(tokenKey, now)) {
            if (used->fingerprint != fingerprint)
                return fail(
                    call,
                    OmicsError::validation(
                        u"The clientToken was already used with a request with different parameters."_s));
            return reply(call, used->response);
        }
    }
    UploadRecord u;
    u.id = state.newId();
    u.storeId = storeId;
    u.fileType = type;
    u.subjectId = subject;
    u.sampleId = sample;
    u.generatedFrom = generatedFrom;
    u.referenceArn = reference;
    u.name = name;
    u.description = description;
    u.tags = tags;
    u.created = now;
    state.uploads().insert(u.id, u);
    const QJsonObject response = uploadJson(u);
    if (!token.isEmpty())
        state.rememberToken(tokenKey, {fingerprint, response, now});
    if (!state.save())
        return fail(call, OmicsError::internal());
    reply(call, response);
}

void OmicsService::uploadPart(OmicsCall& call)
{
    Validator v;
    const QString storeId = call.segments.value(1);
    const QString uploadId = call.segments.value(3);
    v.id(uploadId, u"uploadId"_s);
    const QString source = call.query("partSource");
    v.enumValue(source, call.hasQuery("partSource"), u"partSource"_s, true, kPartSources);
    const auto number = v.queryInteger(call.query("partNumber"), call.hasQuery("partNumber"), u"partNumber"_s,
                                       true, 1, 10000);
    {
        const std::lock_guard lock(state.mutex());
        if (!checkStore(call, v, storeId))
            return drainBody(call);
        const UploadRecord* u = state.upload(storeId, uploadId);
        if (!u) {
            drainBody(call);
            return fail(call, OmicsError::notFound(uploadNotFound(uploadId)));
        }
        if (source == u"SOURCE2" && u->fileType != u"FASTQ") {
            drainBody(call);
            return fail(call,
                        OmicsError::validation(u"SOURCE2 parts are only supported for paired FASTQ uploads; "
                                               "this upload is %1."_s.arg(u->fileType)));
        }
    }
    const qint64 length = call.contentLength();
    if (length < 0) {
        drainBody(call);
        return fail(
            call, OmicsError::validation(u"Content-Length is required: the part's length must be known."_s));
    }
    if (length > kMaxPartSize) {
        drainBody(call);
        return fail(call,
                    OmicsError::validation(u"The part is %1 bytes; each part cannot be larger than %2 bytes "
                                           "(100 MiB)."_s.arg(length)
                                               .arg(kMaxPartSize)));
    }
    if (length == 0) {
        drainBody(call);
        return fail(call, OmicsError::validation(u"The part is empty."_s));
    }

    QString temporary;
    {
        const std::lock_guard lock(state.mutex());
        temporary = state.temporaryPath();
    }
    BodySink sink(temporary);
    if (!sink.isOpen()) {
        drainBody(call);
        return fail(call, OmicsError::internal());
    }
    QCryptographicHash sha(QCryptographicHash::Sha256);
    const bool drop = FaultInjection::chance(config.faults.dropRate);
    const BandwidthPacer pacer(config.faults.bandwidthKiBps);
    call.bodyRead = true;
    const bool received = (*call.reader)([&](const char* data, size_t size) {
        const qint64 sofar = sink.size();
        if (drop && sofar + qint64(size) > length / 2) {
            dropConnection(call.req); // fault injection: the connection dies mid-body
            return false;
        }
        sha.addData(QByteArrayView(data, qsizetype(size)));
        pacer.pace(sofar + qint64(size));
        return sink.write(data, qsizetype(size));
    });
    if (!received || !sink.finish()) {
        sink.discard();
        return; // the connection is gone
    }
    const QByteArray hash = sha.result().toHex();
    const QByteArray declared = call.signable.header("x-amz-content-sha256");
    if (declared.isEmpty()) {
        if (const auto refused = authenticator.verify(call.signable, hash)) {
            sink.discard();
            return fail(call, *refused);
        }
    } else if (declared != aws::SigV4::kUnsignedPayload && declared != hash) {
        sink.discard();
        return fail(call,
                    {400, "XAmzContentSHA256Mismatch",
                     u"The provided 'x-amz-content-sha256' header does not match what was computed."_s});
    }
    // Sandbox convention: the opaque checksum is the part's hex SHA-256, the same string in
    // UploadReadSetPart, ListReadSetUploadParts and what Complete expects.
    const std::lock_guard lock(state.mutex());
    UploadRecord* u = state.upload(storeId, uploadId);
    if (!u) { // aborted or completed meanwhile
        sink.discard();
        return fail(call, OmicsError::notFound(uploadNotFound(uploadId)));
    }
    PartRecord part{source, int(*number), sink.size(), QString::fromLatin1(hash), QString(), nowMicros()};
    if (!state.commitPart(*u, part, sink.path())) {
        sink.discard();
        return fail(call, OmicsError::internal());
    }
    reply(call, QJsonObject{{u"checksum"_s, QString::fromLatin1(hash)}});
}

void OmicsService::completeUpload(OmicsCall& call)
{
    Validator v;
    const QString storeId = call.segments.value(1);
    const QString uploadId = call.segments.value(3);
    v.id(uploadId, u"uploadId"_s);
    const QJsonArray parts = v.array(call.json, u"parts"_s, u"parts"_s, true, 1, 20000);
    struct Listed
    {
        QString source;
        int number;
        QString checksum;
    };
    QList<Listed> listed;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString path = u"parts.%1.member."_s.arg(i + 1);
        const QJsonObject p = parts.at(i).toObject();
        if (!parts.at(i).isObject()) {
            v.add(violation::missing(u"parts.%1.member"_s.arg(i + 1)));
            continue;
        }
        const auto n = v.integer(p, u"partNumber"_s, path + u"partNumber"_s, true, 1, 10000);
        const QString source =
            v.string(p, u"partSource"_s, path + u"partSource"_s, {true, 1, 127, {}, kPartSources});
        const QString checksum = v.string(p, u"checksum"_s, path + u"checksum"_s, {true, 1, 100, {}, {}});
        listed.append({source, int(n.value_or(0)), checksum});
    }
    const std::lock_guard lock(state.mutex());
    if (!checkStore(call, v, storeId))
        return;
    UploadRecord* u = state.upload(storeId, uploadId);
    if (!u)
        return fail(call, OmicsError::notFound(uploadNotFound(uploadId)));

    // Every listed part must exist with the checksum the emulator returned for it, once.
    QSet<QString> seen;
    QHash<QString, const PartRecord*> uploaded; // up to 2 × 10,000 parts: no quadratic search
    for (const PartRecord& p : std::as_const(u->parts))
        uploaded.insert(p.source + u'/' + QString::number(p.number), &p);
    QList<int> numbers[2];
    for (const Listed& l : std::as_const(listed)) {
        const QString key = l.source + u'/' + QString::number(l.number);
        if (seen.contains(key))
            return fail(call, OmicsError::validation(
                                  u"Part %1 of %2 is listed more than once."_s.arg(l.number).arg(l.source)));
        seen.insert(key);
        const auto it = uploaded.constFind(key);
        if (it == uploaded.cend())
            return fail(call, OmicsError::validation(
                                  u"Part %1 of %2 was not uploaded."_s.arg(l.number).arg(l.source)));
        if ((*it)->checksum != l.checksum) {
            return fail(call, OmicsError::validation(
                                  u"The checksum of part %1 of %2 does not match the checksum of the "
                                  "uploaded part."_s.arg(l.number)
                                      .arg(l.source)));
        }
        numbers[l.source == u"SOURCE2" ? 1 : 0].append(l.number);
    }
    // Sandbox convention: each source's parts must be 1..n without gaps (a read set is its parts
    // in order), and there must be a SOURCE1.
    for (int s = 0; s < 2; ++s) {
        std::sort(numbers[s].begin(), numbers[s].end());
        for (qsizetype i = 0; i < numbers[s].size(); ++i) {
            if (numbers[s][i] != i + 1) {
                return fail(call, OmicsError::validation(
                                      u"The parts of %1 must be numbered from 1 without gaps: part "
                                      "%2 is missing."_s.arg(s == 0 ? u"SOURCE1"_s : u"SOURCE2"_s)
                                          .arg(i + 1)));
            }
        }
    }
    if (numbers[0].isEmpty())
        return fail(call,
                    OmicsError::validation(u"The upload has no SOURCE1 part: a read set needs SOURCE1."_s));
    // Parts uploaded but not listed are not part of the read set.
    for (qsizetype i = u->parts.size() - 1; i >= 0; --i) {
        if (!seen.contains(u->parts[i].source + u'/' + QString::number(u->parts[i].number))) {
            QFile::remove(u->parts[i].path);
            u->parts.removeAt(i);
        }
    }
    const Micros now = nowMicros();
    const QString readSetId = state.newId();
    state.completeUpload(uploadId, readSetId, now);
    ReadSetRecord* created = state.readSet(storeId, readSetId);
    // The bytes must be of the declared type, or the read set ends UPLOAD_FAILED.
    for (int slot = 0; slot < 2; ++slot) {
        if (created->files[slot].isEmpty())
            continue;
        QFile f(created->files[slot].constFirst().path);
        const QByteArray head = f.open(QIODevice::ReadOnly) ? f.read(64 * 1024) : QByteArray();
        const QString problem = formats::problem(created->fileType, head);
        if (!problem.isEmpty()) {
            created->finalStatus = u"UPLOAD_FAILED"_s;
            created->statusMessage = (slot == 1 ? u"SOURCE2: "_s : QString()) + problem;
            break;
        }
    }
    if (!state.save())
        return fail(call, OmicsError::internal());
    reply(call, QJsonObject{{u"readSetId"_s, created->id}});
}

void OmicsService::abortUpload(OmicsCall& call)
{
    Validator v;
    const QString storeId = call.segments.value(1);
    const QString uploadId = call.segments.value(3);
    v.id(uploadId, u"uploadId"_s);
    const std::lock_guard lock(state.mutex());
    if (!checkStore(call, v, storeId))
        return;
    if (!state.upload(storeId, uploadId))
        return fail(call, OmicsError::notFound(uploadNotFound(uploadId)));
    state.abortUpload(uploadId);
    state.save();
    reply(call, QJsonObject{});
}

void OmicsService::listUploads(OmicsCall& call)
{
    Validator v;
    const QString storeId = call.segments.value(1);
    qint64 maxResults = 100;
    pagingParameters(call, v, &maxResults);
    const std::lock_guard lock(state.mutex());
    if (!checkStore(call, v, storeId))
        return;
    QList<const UploadRecord*> uploads;
    for (const UploadRecord& u : state.uploads()) {
        if (u.storeId == storeId)
            uploads.append(&u);
    }
    std::sort(uploads.begin(), uploads.end(), [](const UploadRecord* a, const UploadRecord* b) {
        return a->created != b->created ? a->created < b->created : a->id < b->id;
    });
    QJsonArray items;
    for (const UploadRecord* u : std::as_const(uploads))
        items.append(uploadJson(*u));
    sendPage(call, items, u"uploads/"_s + storeId, {}, maxResults, u"uploads"_s);
}

void OmicsService::listParts(OmicsCall& call)
{
    Validator v;
    const QString storeId = call.segments.value(1);
    const QString uploadId = call.segments.value(3);
    v.id(uploadId, u"uploadId"_s);
    qint64 maxResults = 100;
    pagingParameters(call, v, &maxResults);
    const QString source =
        v.string(call.json, u"partSource"_s, u"partSource"_s, {true, 1, 127, {}, kPartSources});
    const QJsonObject filter = v.object(call.json, u"filter"_s, u"filter"_s, false);
    const auto after = v.timestamp(filter, u"createdAfter"_s, u"filter.createdAfter"_s);
    const auto before = v.timestamp(filter, u"createdBefore"_s, u"filter.createdBefore"_s);
    const std::lock_guard lock(state.mutex());
    if (!checkStore(call, v, storeId))
        return;
    const UploadRecord* u = state.upload(storeId, uploadId);
    if (!u)
        return fail(call, OmicsError::notFound(uploadNotFound(uploadId)));
    QList<PartRecord> parts;
    for (const PartRecord& p : u->parts) {
        if (p.source == source && (!after || p.created >= *after) && (!before || p.created <= *before))
            parts.append(p);
    }
    std::sort(parts.begin(), parts.end(),
              [](const PartRecord& a, const PartRecord& b) { return a.number < b.number; });
    QJsonArray items;
    for (const PartRecord& p : std::as_const(parts)) {
        items.append(QJsonObject{{u"partNumber"_s, p.number},
                                 {u"partSize"_s, double(p.size)},
                                 {u"partSource"_s, p.source},
                                 {u"checksum"_s, p.checksum},
                                 {u"creationTime"_s, formatTimestamp(p.created)},
                                 {u"lastUpdatedTime"_s, formatTimestamp(p.created)}});
    }
    sendPage(call, items, u"parts/"_s + uploadId + u'/' + source, filter, maxResults, u"parts"_s);
}

} // namespace bge::sandbox::omics
