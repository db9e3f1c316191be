// Read-set import jobs: StartReadSetImportJob, GetReadSetImportJob, ListReadSetImportJobs.
#include "omicsservice.h"

#include "omicsformats.h"

#include <QFile>
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

QJsonObject jobSummary(const ImportJobRecord& j, Micros now)
{
    QJsonObject o{{u"id"_s, j.id},
                  {u"sequenceStoreId"_s, j.storeId},
                  {u"roleArn"_s, j.roleArn},
                  {u"status"_s, j.status(now)},
                  {u"creationTime"_s, formatTimestamp(j.created)}};
    if (now >= j.completesAt)
        o.insert(u"completionTime"_s, formatTimestamp(j.completesAt));
    return o;
}

} // namespace

void OmicsService::startImportJob(OmicsCall& call)
{
    Validator v;
    const QString storeId = call.segments.value(1);
    const QJsonObject& b = call.json;
    const StringRule text{false, 1, 127, StringRule::Pattern::Name, {}};
    const StringRule required{true, 1, 127, StringRule::Pattern::Name, {}};
    const QString role =
        v.string(b, u"roleArn"_s, u"roleArn"_s, {true, 20, 2048, StringRule::Pattern::RoleArn, {}});
    const QString token = v.string(b, u"clientToken"_s, u"clientToken"_s, {false, 1, 127, {}, {}});
    const QJsonArray sources = v.array(b, u"sources"_s, u"sources"_s, true, 1, 100);
    QList<ImportSourceRecord> records;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const QString path = u"sources.%1.member."_s.arg(i + 1);
        const QJsonObject s = sources.at(i).toObject();
        ImportSourceRecord r;
        const QJsonObject files = v.object(s, u"sourceFiles"_s, path + u"sourceFiles"_s, true);
        const StringRule uri{false, 1, 1100, StringRule::Pattern::S3Uri, {}};
        r.source1 = v.string(
            files, u"source1"_s, path + u"sourceFiles.source1"_s,
            {!files.isEmpty() || s.contains(u"sourceFiles"_s), 1, 1100, StringRule::Pattern::S3Uri, {}});
        r.source2 = v.string(files, u"source2"_s, path + u"sourceFiles.source2"_s, uri);
        r.fileType =
            v.string(s, u"sourceFileType"_s, path + u"sourceFileType"_s, {true, 1, 127, {}, kFileTypes});
        r.subjectId = v.string(s, u"subjectId"_s, path + u"subjectId"_s, required);
        r.sampleId = v.string(s, u"sampleId"_s, path + u"sampleId"_s, required);
        r.generatedFrom = v.string(s, u"generatedFrom"_s, path + u"generatedFrom"_s, text);
        r.referenceArn = v.string(s, u"referenceArn"_s, path + u"referenceArn"_s,
                                  {false, 1, 127, StringRule::Pattern::Arn, {}});
        r.name = v.string(s, u"name"_s, path + u"name"_s, text);
        r.description = v.string(s, u"description"_s, path + u"description"_s,
                                 {false, 1, 255, StringRule::Pattern::Name, {}});
        r.tags = v.tags(s, u"tags"_s, path + u"tags"_s);
        records.append(r);
    }
    const std::lock_guard lock(state.mutex());
    if (!checkStore(call, v, storeId))
        return;
    // Sandbox convention: the emulator's one import role is the only one it can assume.
    if (role != state.demo().importRoleArn) {
        return fail(call,
                    OmicsError::validation(u"Unable to assume the role %1: check that it exists and that its "
                                           "trust policy allows omics.amazonaws.com."_s.arg(role)));
    }
    for (const ImportSourceRecord& r : std::as_const(records)) {
        if (needsReference(r.fileType) && r.referenceArn.isEmpty())
            return fail(call,
                        OmicsError::validation(
                            u"A reference ARN is required for %1 files: referenceArn must be "
                            "specified (only FASTQ and UBAM read sets may be unlinked)."_s.arg(r.fileType)));
        if (!r.referenceArn.isEmpty() && r.referenceArn != state.demo().referenceArn)
            return fail(call,
                        OmicsError::validation(u"The reference %1 does not exist."_s.arg(r.referenceArn)));
        if (!r.source2.isEmpty() && r.fileType != u"FASTQ")
            return fail(call, OmicsError::validation(u"source2 is only supported for paired FASTQ files."_s));
    }
    const Micros now = nowMicros();
    const QString tokenKey = u"import/"_s + storeId + u'/' + token;
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
    // Whether each source can be imported is decided now (the emulator's objects never change).
    for (ImportSourceRecord& r : records) {
        for (const QString& uri : {r.source1, r.source2}) {
            if (uri.isEmpty() || !r.failure.isEmpty())
                continue;
            const auto it = std::find_if(state.demo().sources.cbegin(), state.demo().sources.cend(),
                                         [&uri](const DemoSource& s) { return s.uri == uri; });
            if (it == state.demo().sources.cend()) {
                r.failure =
                    u"The source file %1 does not exist or cannot be read with the job's role."_s.arg(uri);
                continue;
            }
            QFile f(state.sourcePath(*it));
            const QByteArray head = f.open(QIODevice::ReadOnly) ? f.read(64 * 1024) : QByteArray();
            const QString problem = formats::problem(r.fileType, head);
            if (!problem.isEmpty())
                r.failure = uri + u": "_s + problem;
        }
    }
    ImportJobRecord job;
    job.id = state.newId();
    job.storeId = storeId;
    job.roleArn = role;
    job.created = now;
    job.startsAt = now + state.processingMicros() / 2;
    job.completesAt = now + state.processingMicros() * 3 / 2;
    job.sources = records;
    state.importJobs().insert(job.id, job);
    const QJsonObject response = jobSummary(job, now);
    if (!token.isEmpty())
        state.rememberToken(tokenKey, {fingerprint, response, now});
    if (!state.save())
        return fail(call, OmicsError::internal());
    reply(call, response);
}

void OmicsService::getImportJob(OmicsCall& call)
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
    const auto it = state.importJobs().constFind(id);
    if (it == state.importJobs().cend() || it->storeId != storeId)
        return fail(call, OmicsError::notFound(u"The specified import job %1 does not exist."_s.arg(id)));
    const ImportJobRecord& j = *it;
    QJsonObject o = jobSummary(j, now);
    QJsonArray sources;
    qsizetype failed = 0;
    for (const ImportSourceRecord& s : j.sources) {
        QJsonObject files{{u"source1"_s, s.source1}};
        insertIf(files, u"source2"_s, s.source2);
        QJsonObject item{{u"sourceFiles"_s, files},
                         {u"sourceFileType"_s, s.fileType},
                         {u"status"_s, j.sourceStatus(s, now)},
                         {u"subjectId"_s, s.subjectId},
                         {u"sampleId"_s, s.sampleId}};
        insertIf(item, u"generatedFrom"_s, s.generatedFrom);
        insertIf(item, u"referenceArn"_s, s.referenceArn);
        insertIf(item, u"name"_s, s.name);
        insertIf(item, u"description"_s, s.description);
        if (!s.tags.isEmpty())
            item.insert(u"tags"_s, s.tags);
        if (now >= j.completesAt) {
            insertIf(item, u"statusMessage"_s, s.failure);
            insertIf(item, u"readSetId"_s, s.readSetId);
            failed += s.failure.isEmpty() ? 0 : 1;
        }
        sources.append(item);
    }
    o.insert(u"sources"_s, sources);
    if (failed > 0)
        o.insert(u"statusMessage"_s,
                 u"%1 of %2 sources failed to import."_s.arg(failed).arg(j.sources.size()));
    reply(call, o);
}

void OmicsService::listImportJobs(OmicsCall& call)
{
    Validator v;
    const QString storeId = call.segments.value(1);
    qint64 maxResults = 100;
    pagingParameters(call, v, &maxResults);
    const QJsonObject filter = v.object(call.json, u"filter"_s, u"filter"_s, false);
    const QString status =
        v.string(filter, u"status"_s, u"filter.status"_s, {false, 1, 127, {}, kImportJobStatuses});
    const auto after = v.timestamp(filter, u"createdAfter"_s, u"filter.createdAfter"_s);
    const auto before = v.timestamp(filter, u"createdBefore"_s, u"filter.createdBefore"_s);
    const std::lock_guard lock(state.mutex());
    if (!checkStore(call, v, storeId))
        return;
    const Micros now = nowMicros();
    state.advance(now);
    QList<const ImportJobRecord*> jobs;
    for (const ImportJobRecord& j : state.importJobs()) {
        if (j.storeId == storeId && (status.isEmpty() || j.status(now) == status) &&
            (!after || j.created >= *after) && (!before || j.created <= *before))
            jobs.append(&j);
    }
    std::sort(jobs.begin(), jobs.end(), [](const ImportJobRecord* a, const ImportJobRecord* b) {
        return a->created != b->created ? a->created > b->created : a->id < b->id;
    });
    QJsonArray items;
    for (const ImportJobRecord* j : std::as_const(jobs))
        items.append(jobSummary(*j, now));
    sendPage(call, items, u"importjobs/"_s + storeId, filter, maxResults, u"importJobs"_s);
}

} // namespace bge::sandbox::omics
