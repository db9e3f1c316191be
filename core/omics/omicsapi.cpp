#include "omicsapi.h"

#include "api/immediatejob.h"
#include "omicsconnection.h"
#include "omicsjob.h"
#include "omicsvalidation.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QUuid>

namespace bge::omics {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxPartBytes = 5368709120LL; // model: a part of at most 5 GiB

QByteArray segment(const QString& id)
{
    return id.toLatin1(); // validated digits: nothing to encode
}

QByteArray storePath(const QString& storeId)
{
    return "/sequencestore/" + segment(storeId);
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void addListOptions(OmicsRequest& request, const ListOptions& options)
{
    if (options.maxResults)
        request.query.append({"maxResults", QByteArray::number(*options.maxResults)});
    if (!options.nextToken.isEmpty())
        request.query.append({"nextToken", options.nextToken.toUtf8()});
}

template <typename T> Job<T>* refuse(const QString& problem)
{
    return new ImmediateJob<T>(ApiError::usage(problem));
}

template <typename T> typename OmicsJob<OmicsPage<T>>::Parser pageParser(const QString& key)
{
    return [key](const OmicsResponse& response) -> Result<OmicsPage<T>> {
        Result<QJsonObject> object = jsonObject(response);
        if (!object)
            return object.error();
        return parsePage<T>(object.value(), key);
    };
}

QString firstOf(std::initializer_list<QString> problems)
{
    for (const QString& p : problems) {
        if (!p.isEmpty())
            return p;
    }
    return {};
}

} // namespace

OmicsApi::OmicsApi(OmicsConnection* connection) : m_connection(connection) {}

QString OmicsApi::newClientToken()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Job<OmicsPage<SequenceStore>>* OmicsApi::listSequenceStores(const SequenceStoreFilter& filter,
                                                            const ListOptions& options) const
{
    if (const QString p =
            firstOf({Validation::sequenceStoreFilter(filter), Validation::listOptions(options)});
        !p.isEmpty())
        return refuse<OmicsPage<SequenceStore>>(p);
    OmicsRequest r;
    r.operation = Operation::ListSequenceStores;
    r.path = "/sequencestores";
    addListOptions(r, options);
    const QJsonObject f = Validation::sequenceStoreFilterJson(filter);
    r.jsonBody = json(f.isEmpty() ? QJsonObject() : QJsonObject{{u"filter"_s, f}});
    return new OmicsJob<OmicsPage<SequenceStore>>(m_connection, r,
                                                  pageParser<SequenceStore>(u"sequenceStores"_s));
}

Job<SequenceStore>* OmicsApi::sequenceStore(const QString& id) const
{
    if (const QString p = Validation::id(id, u"the sequence store ID"_s); !p.isEmpty())
        return refuse<SequenceStore>(p);
    OmicsRequest r;
    r.operation = Operation::GetSequenceStore;
    r.path = storePath(id);
    return new OmicsJob<SequenceStore>(m_connection, r, recordParser<SequenceStore>());
}

Job<OmicsPage<ReadSetListItem>>* OmicsApi::listReadSets(const QString& storeId, const ReadSetFilter& filter,
                                                        const ListOptions& options) const
{
    if (const QString p = firstOf({Validation::id(storeId, u"the sequence store ID"_s),
                                   Validation::readSetFilter(filter), Validation::listOptions(options)});
        !p.isEmpty())
        return refuse<OmicsPage<ReadSetListItem>>(p);
    OmicsRequest r;
    r.operation = Operation::ListReadSets;
    r.path = storePath(storeId) + "/readsets";
    addListOptions(r, options);
    const QJsonObject f = Validation::readSetFilterJson(filter);
    r.jsonBody = json(f.isEmpty() ? QJsonObject() : QJsonObject{{u"filter"_s, f}});
    return new OmicsJob<OmicsPage<ReadSetListItem>>(m_connection, r,
                                                    pageParser<ReadSetListItem>(u"readSets"_s));
}

Job<ReadSetMetadata>* OmicsApi::readSetMetadata(const QString& storeId, const QString& readSetId) const
{
    if (const QString p = firstOf({Validation::id(storeId, u"the sequence store ID"_s),
                                   Validation::id(readSetId, u"the read set ID"_s)});
        !p.isEmpty())
        return refuse<ReadSetMetadata>(p);
    OmicsRequest r;
    r.operation = Operation::GetReadSetMetadata;
    r.path = storePath(storeId) + "/readset/" + segment(readSetId) + "/metadata";
    return new OmicsJob<ReadSetMetadata>(m_connection, r, recordParser<ReadSetMetadata>());
}

Result<OmicsRequest> OmicsApi::partRequest(const QString& storeId, const QString& readSetId, int partNumber,
                                           const QString& file)
{
    if (const QString p = firstOf({Validation::id(storeId, u"the sequence store ID"_s),
                                   Validation::id(readSetId, u"the read set ID"_s),
                                   Validation::partNumber(partNumber), Validation::readSetFile(file)});
        !p.isEmpty())
        return ApiError::usage(p);
    OmicsRequest r;
    r.operation = Operation::GetReadSet;
    r.path = storePath(storeId) + "/readset/" + segment(readSetId);
    r.query = {{"partNumber", QByteArray::number(partNumber)}, {"file", file.toLatin1()}};
    r.maxResponseBytes = 128LL * 1024 * 1024; // documented parts are at most 100 MiB
    return r;
}

Job<QByteArray>* OmicsApi::readSetPart(const QString& storeId, const QString& readSetId, int partNumber,
                                       const QString& file) const
{
    Result<OmicsRequest> r = partRequest(storeId, readSetId, partNumber, file);
    if (!r)
        return new ImmediateJob<QByteArray>(r.error());
    return new OmicsJob<QByteArray>(
        m_connection, r.value(),
        [](const OmicsResponse& response) -> Result<QByteArray> { return response.body; });
}

Job<ReadSetUpload>* OmicsApi::createUpload(const QString& storeId, CreateUploadInput input) const
{
    if (input.clientToken.isEmpty())
        input.clientToken = newClientToken();
    if (const QString p =
            firstOf({Validation::id(storeId, u"the sequence store ID"_s), Validation::createUpload(input)});
        !p.isEmpty())
        return refuse<ReadSetUpload>(p);
    OmicsRequest r;
    r.operation = Operation::CreateMultipartReadSetUpload;
    r.path = storePath(storeId) + "/upload";
    r.jsonBody = json(Validation::createUploadJson(input));
    return new OmicsJob<ReadSetUpload>(m_connection, r, recordParser<ReadSetUpload>());
}

Result<OmicsRequest> OmicsApi::uploadPartRequest(const QString& storeId, const QString& uploadId,
                                                 const QString& partSource, int partNumber, qint64 length)
{
    if (const QString p = firstOf({Validation::id(storeId, u"the sequence store ID"_s),
                                   Validation::id(uploadId, u"the upload ID"_s),
                                   Validation::partSource(partSource), Validation::partNumber(partNumber)});
        !p.isEmpty())
        return ApiError::usage(p);
    if (length < 1 || length > kMaxPartBytes)
        return ApiError::usage(u"a part must have 1 byte to 5 GiB, not %1 bytes"_s.arg(length));
    OmicsRequest r;
    r.operation = Operation::UploadReadSetPart;
    r.path = storePath(storeId) + "/upload/" + segment(uploadId) + "/part";
    r.query = {{"partSource", partSource.toLatin1()}, {"partNumber", QByteArray::number(partNumber)}};
    r.rawLength = length;
    return r;
}

Job<UploadedPart>* OmicsApi::uploadPart(const QString& storeId, const QString& uploadId,
                                        const QString& partSource, int partNumber,
                                        const QByteArray& data) const
{
    return uploadPart(
        storeId, uploadId, partSource, partNumber,
        [data](QObject* parent) -> QIODevice* {
            auto* buffer = new QBuffer(parent);
            buffer->setData(data);
            buffer->open(QIODevice::ReadOnly);
            return buffer;
        },
        data.size());
}

Job<UploadedPart>* OmicsApi::uploadPart(const QString& storeId, const QString& uploadId,
                                        const QString& partSource, int partNumber,
                                        OmicsRequest::BodyFactory body, qint64 length) const
{
    Result<OmicsRequest> r = uploadPartRequest(storeId, uploadId, partSource, partNumber, length);
    if (!r)
        return new ImmediateJob<UploadedPart>(r.error());
    if (!body)
        return refuse<UploadedPart>(u"a part needs a body"_s);
    r.value().rawBody = std::move(body);
    return new OmicsJob<UploadedPart>(m_connection, r.value(), recordParser<UploadedPart>());
}

Job<CompletedUpload>* OmicsApi::completeUpload(const QString& storeId, const QString& uploadId,
                                               const QList<CompletedPart>& parts) const
{
    if (const QString p =
            firstOf({Validation::id(storeId, u"the sequence store ID"_s),
                     Validation::id(uploadId, u"the upload ID"_s), Validation::completedParts(parts)});
        !p.isEmpty())
        return refuse<CompletedUpload>(p);
    OmicsRequest r;
    r.operation = Operation::CompleteMultipartReadSetUpload;
    r.path = storePath(storeId) + "/upload/" + segment(uploadId) + "/complete";
    r.jsonBody = json(Validation::completedPartsJson(parts));
    return new OmicsJob<CompletedUpload>(m_connection, r, recordParser<CompletedUpload>());
}

Job<Done>* OmicsApi::abortUpload(const QString& storeId, const QString& uploadId) const
{
    if (const QString p = firstOf({Validation::id(storeId, u"the sequence store ID"_s),
                                   Validation::id(uploadId, u"the upload ID"_s)});
        !p.isEmpty())
        return refuse<Done>(p);
    OmicsRequest r;
    r.operation = Operation::AbortMultipartReadSetUpload;
    r.path = storePath(storeId) + "/upload/" + segment(uploadId) + "/abort";
    return new OmicsJob<Done>(m_connection, r, [](const OmicsResponse&) -> Result<Done> { return Done{}; });
}

Job<OmicsPage<ReadSetUpload>>* OmicsApi::listUploads(const QString& storeId, const ListOptions& options) const
{
    if (const QString p =
            firstOf({Validation::id(storeId, u"the sequence store ID"_s), Validation::listOptions(options)});
        !p.isEmpty())
        return refuse<OmicsPage<ReadSetUpload>>(p);
    OmicsRequest r;
    r.operation = Operation::ListMultipartReadSetUploads;
    r.path = storePath(storeId) + "/uploads";
    addListOptions(r, options);
    // "This operation returns a response with no body when the upload is complete": an empty
    // answer is an empty list.
    return new OmicsJob<OmicsPage<ReadSetUpload>>(
        m_connection, r, [](const OmicsResponse& response) -> Result<OmicsPage<ReadSetUpload>> {
            Result<QJsonObject> object = jsonObject(response);
            if (!object)
                return object.error();
            if (object.value().isEmpty())
                return OmicsPage<ReadSetUpload>{};
            return parsePage<ReadSetUpload>(object.value(), u"uploads");
        });
}

Job<OmicsPage<ReadSetUploadPart>>* OmicsApi::listUploadParts(const QString& storeId, const QString& uploadId,
                                                             const QString& partSource,
                                                             const UploadPartsFilter& filter,
                                                             const ListOptions& options) const
{
    if (const QString p = firstOf({Validation::id(storeId, u"the sequence store ID"_s),
                                   Validation::id(uploadId, u"the upload ID"_s),
                                   Validation::partSource(partSource), Validation::listOptions(options)});
        !p.isEmpty())
        return refuse<OmicsPage<ReadSetUploadPart>>(p);
    OmicsRequest r;
    r.operation = Operation::ListReadSetUploadParts;
    r.path = storePath(storeId) + "/upload/" + segment(uploadId) + "/parts";
    addListOptions(r, options);
    QJsonObject body{{u"partSource"_s, partSource}};
    const QJsonObject f = Validation::uploadPartsFilterJson(filter);
    if (!f.isEmpty())
        body.insert(u"filter"_s, f);
    r.jsonBody = json(body);
    return new OmicsJob<OmicsPage<ReadSetUploadPart>>(m_connection, r,
                                                      pageParser<ReadSetUploadPart>(u"parts"_s));
}

Job<ImportJobSummary>* OmicsApi::startImportJob(const QString& storeId, StartImportInput input) const
{
    if (input.clientToken.isEmpty())
        input.clientToken = newClientToken();
    if (const QString p =
            firstOf({Validation::id(storeId, u"the sequence store ID"_s), Validation::startImport(input)});
        !p.isEmpty())
        return refuse<ImportJobSummary>(p);
    OmicsRequest r;
    r.operation = Operation::StartReadSetImportJob;
    r.path = storePath(storeId) + "/importjob";
    r.jsonBody = json(Validation::startImportJson(input));
    return new OmicsJob<ImportJobSummary>(m_connection, r, recordParser<ImportJobSummary>());
}

Job<ImportJob>* OmicsApi::importJob(const QString& storeId, const QString& jobId) const
{
    if (const QString p = firstOf({Validation::id(storeId, u"the sequence store ID"_s),
                                   Validation::id(jobId, u"the import job ID"_s)});
        !p.isEmpty())
        return refuse<ImportJob>(p);
    OmicsRequest r;
    r.operation = Operation::GetReadSetImportJob;
    r.path = storePath(storeId) + "/importjob/" + segment(jobId);
    return new OmicsJob<ImportJob>(m_connection, r, recordParser<ImportJob>());
}

Job<OmicsPage<ImportJobSummary>>* OmicsApi::listImportJobs(const QString& storeId,
                                                           const ImportJobFilter& filter,
                                                           const ListOptions& options) const
{
    if (const QString p = firstOf({Validation::id(storeId, u"the sequence store ID"_s),
                                   Validation::importJobFilter(filter), Validation::listOptions(options)});
        !p.isEmpty())
        return refuse<OmicsPage<ImportJobSummary>>(p);
    OmicsRequest r;
    r.operation = Operation::ListReadSetImportJobs;
    r.path = storePath(storeId) + "/importjobs";
    addListOptions(r, options);
    const QJsonObject f = Validation::importJobFilterJson(filter);
    r.jsonBody = json(f.isEmpty() ? QJsonObject() : QJsonObject{{u"filter"_s, f}});
    return new OmicsJob<OmicsPage<ImportJobSummary>>(m_connection, r,
                                                     pageParser<ImportJobSummary>(u"importJobs"_s));
}

} // namespace bge::omics
